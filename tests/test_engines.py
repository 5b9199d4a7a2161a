"""The second engine: ProperDocs (a maintained fork of MkDocs 1.x) builds the same site.

ProperDocs installs as the package `properdocs` beside `mkdocs` in the same environment (both
are in the lock). Its command line puts an import alias in place, so every `mkdocs.*` import,
the hook's and mkdocs-material's, loads the `properdocs.*` module instead. The fixture site built
with it must equal MkDocs' build byte for byte, except the generator tag in each HTML page.
See DEVELOPING.md, "Dependencies and engines".
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from conftest import ROOT, make_site

GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def properdocs_build(site: Path) -> subprocess.CompletedProcess[str]:
    """`properdocs build --strict` of `site` into `site/site`, as conftest.build does with MkDocs."""
    cmd = [sys.executable, "-m", "properdocs", "build", "--strict",
           "-f", str(site / "mkdocs.yml"), "-d", str(site / "site")]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=site)


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow  # a ProperDocs process
def test_properdocs_builds_the_same_site_as_mkdocs(fixture_build: Path, tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    result = properdocs_build(site)
    assert result.returncode == 0, result.stderr
    mkdocs_files, properdocs_files = files(fixture_build), files(site / "site")
    assert sorted(properdocs_files) == sorted(mkdocs_files)

    generators: dict[str, set[bytes]] = {"mkdocs": set(), "properdocs": set()}
    for rel, data in mkdocs_files.items():
        other = properdocs_files[rel]
        if other == data:
            continue
        generators["mkdocs"].update(GENERATOR.findall(data))
        generators["properdocs"].update(GENERATOR.findall(other))
        assert GENERATOR.sub(b"", other) == GENERATOR.sub(b"", data), f"{rel} differs beyond the generator tag"
    # Every page differs in its generator tag only, which proves each build ran its own engine.
    assert {g.split(b",")[0] for g in generators["mkdocs"]} == {b"mkdocs-" + version("mkdocs").encode()}
    assert {g.split(b",")[0] for g in generators["properdocs"]} == {b"mkdocs-ProperDocs " + version("properdocs").encode()}


@pytest.mark.slow  # a ProperDocs process
def test_the_hooks_mkdocs_imports_resolve_to_properdocs_under_it() -> None:
    """Every `from mkdocs.X import Y` under hooks/ gives ProperDocs' own object when ProperDocs runs."""
    wanted: set[tuple[str, str]] = set()
    for path in (ROOT / "hooks").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "mkdocs":
                wanted.update((node.module, alias.name) for alias in node.names)
    assert wanted, "the hook imports nothing from mkdocs: update this test"
    script = """
import importlib, json, sys
import properdocs.__main__  # what the `properdocs` command imports first: it installs the alias
out = []
for module, name in json.loads(sys.argv[1]):
    mod = importlib.import_module(module)
    out.append([module, mod.__name__, getattr(mod, name).__module__])
print(json.dumps(out))
"""
    result = subprocess.run([sys.executable, "-c", script, json.dumps(sorted(wanted))],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    for module, real, owner in json.loads(result.stdout):
        assert real == "properdocs" + module.removeprefix("mkdocs"), (module, real)
        assert owner.startswith("properdocs"), (module, owner)


def test_mkdocs_2_stays_out() -> None:
    """MkDocs 2 cannot build this site (no plugins, no hooks): pyproject.toml keeps the cap."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = {Requirement(r).name: Requirement(r).specifier for r in project["dependencies"]}
    assert not specs["mkdocs"].contains("2.0", prereleases=True)
    assert not specs["mkdocs"].contains("2.0.0a1", prereleases=True)
    assert specs["mkdocs"].contains(version("mkdocs"))
