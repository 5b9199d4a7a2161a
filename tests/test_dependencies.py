"""Dependencies cannot rot silently.

- Every runtime dependency declared in pyproject.toml is imported by the code under hooks/ (the
  theme aside), and every third-party module that code imports is declared.
- The lock (requirements.txt, made by pip-compile) pins every requirement of pyproject.toml
  (build backend included) with hashes, and this test run uses exactly the locked versions.
- The README's commands, .ci/run and both workflows install from the lock; Dependabot proposes
  updates of the lock and of the actions; pip's cache is keyed on the lock.
- pyproject.toml builds without a warning.

Imports are found by reading the source (ast), never by importing the modules, so the layout of
hooks/ may change freely.
"""

from __future__ import annotations

import ast
import functools
import json
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import PackageNotFoundError, packages_distributions, version
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
HOOKS = ROOT / "hooks"
LOCK = ROOT / "requirements.txt"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
README = (ROOT / "README.md").read_text(encoding="utf-8")
DEVELOPING = (ROOT / "DEVELOPING.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent
THEME = "mkdocs-material"
"""Used by mkdocs.yml (`theme: name: material`), never imported."""

INSTALL = ("python3 -m venv .venv && .venv/bin/pip install --require-hashes -r requirements.txt"
           " && .venv/bin/pip install --no-deps --no-build-isolation -e . && .venv/bin/pip check")
"""The one way every command in the README, .ci/run and the workflows sets up `.venv`."""


# --- what the runtime code imports --------------------------------------------------------------

def first_party() -> set[str]:
    """Top-level modules and packages that live under hooks/."""
    return {p.stem for p in HOOKS.glob("*.py")} | {p.parent.name for p in HOOKS.glob("*/__init__.py")}


def imported_top_level() -> dict[str, set[str]]:
    """Top-level module name -> files under hooks/ that import it (absolute imports only)."""
    found: dict[str, set[str]] = {}
    for path in sorted(HOOKS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], set()).add(path.relative_to(ROOT).as_posix())
    return found


def third_party_imports() -> dict[str, set[str]]:
    skip = set(sys.stdlib_module_names) | first_party()
    return {name: where for name, where in imported_top_level().items() if name not in skip}


@functools.cache
def _installed() -> dict[str, list[str]]:
    """Top-level module -> distributions providing it (a scan of every installed package: once)."""
    return packages_distributions()


def distributions(module: str) -> set[str]:
    """Canonical names of the installed distributions that provide a top-level module."""
    return {canonicalize_name(d) for d in _installed().get(module, [])}


def declared_runtime() -> dict[str, Requirement]:
    reqs = (Requirement(r) for r in PYPROJECT["project"]["dependencies"])
    return {canonicalize_name(r.name): r for r in reqs}


def test_the_scan_sees_the_runtime_imports() -> None:
    imports = third_party_imports()
    assert {"mkdocs", "yaml", "markdown"} <= set(imports), sorted(imports)
    assert "papernotes" not in imports and "os" not in imports and "__future__" not in imports


def test_every_declared_runtime_dependency_is_imported() -> None:
    used = set().union(*(distributions(module) for module in third_party_imports()))
    unused = sorted(set(declared_runtime()) - used - {THEME})
    assert unused == [], f"declared in pyproject.toml [project] dependencies but never imported under hooks/: {unused}"


def test_the_theme_exemption_is_the_configured_theme() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert THEME in declared_runtime()
    assert distributions(config["theme"]["name"]) == {THEME}


def test_every_third_party_import_is_declared() -> None:
    declared = set(declared_runtime())
    undeclared = {module: sorted(where) for module, where in third_party_imports().items()
                  if not distributions(module) & declared}
    assert undeclared == {}, ("imported under hooks/ but not declared in pyproject.toml [project] dependencies "
                              f"(module: files): {undeclared}")


# --- the lock ------------------------------------------------------------------------------------

def locked() -> dict[str, tuple[str, list[str]]]:
    """Canonical name -> (pinned version, hashes) from requirements.txt."""
    text = LOCK.read_text(encoding="utf-8")
    entries: dict[str, tuple[str, list[str]]] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        first = block.split("\n", 1)[0]
        if not first or first.startswith("#"):
            continue
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+) \\", first)
        assert match, f"requirements.txt: not a pin with hashes: {first!r}"
        entries[canonicalize_name(match[1])] = (match[2], re.findall(r"--hash=(sha256:[0-9a-f]{64})", block))
    return entries


def all_pyproject_requirements() -> list[tuple[str, Requirement]]:
    project = PYPROJECT["project"]
    out = [("dependencies", Requirement(r)) for r in project["dependencies"]]
    for extra, reqs in project.get("optional-dependencies", {}).items():
        out += [(f"optional-dependencies.{extra}", Requirement(r)) for r in reqs]
    out += [("build-system.requires", Requirement(r)) for r in PYPROJECT["build-system"]["requires"]]
    return out


def test_the_lock_pins_everything_with_hashes() -> None:
    entries = locked()
    assert len(entries) > 20
    for name, (pinned, hashes) in entries.items():
        assert hashes, f"requirements.txt: {name}=={pinned} has no hash"
    text = LOCK.read_text(encoding="utf-8")
    assert not re.search(r"(?m)^-(?!-hash)|^--(?:index-url|extra-index-url|find-links|trusted-host)", text), \
        "requirements.txt must name no index or file location: it is installed anywhere"
    assert re.search(r"(?m)^#\s+pip-compile .*pyproject\.toml$", text), "requirements.txt is made by pip-compile from pyproject.toml"


def test_the_lock_agrees_with_pyproject() -> None:
    """Every requirement (runtime, every extra, the build backend) is locked at a version it allows."""
    entries = locked()
    problems = []
    for where, req in all_pyproject_requirements():
        name = canonicalize_name(req.name)
        if name not in entries:
            problems.append(f"{where}: {req} is not in requirements.txt")
        elif not req.specifier.contains(entries[name][0], prereleases=True):
            problems.append(f"{where}: {req} does not allow the locked {name}=={entries[name][0]}")
    assert problems == [], "regenerate the lock: pip-compile pyproject.toml (DEVELOPING.md)\n" + "\n".join(problems)


def test_this_run_uses_the_locked_versions() -> None:
    wrong = {}
    for name, (pinned, _) in locked().items():
        try:
            installed = version(name)
        except PackageNotFoundError:
            installed = None
        if installed != pinned:
            wrong[name] = (pinned, installed)
    assert wrong == {}, f"(locked, installed) differ; install with the README's test command: {wrong}"


# --- where the lock is used ---------------------------------------------------------------------

def bash_blocks(text: str) -> list[str]:
    """The ```bash blocks of a Markdown text, each stripped."""
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", text, re.S)]


SERVE_COMMAND = INSTALL + " && .venv/bin/mkdocs serve"
TEST_COMMAND = INSTALL + " && .venv/bin/pytest"


def test_the_readme_commands_install_from_the_lock() -> None:
    assert SERVE_COMMAND in bash_blocks(README) and TEST_COMMAND in bash_blocks(README)
    check = next(b for b in bash_blocks(DEVELOPING) if ".venv/bin/papernotes check" in b)
    assert check.splitlines()[0] == INSTALL
    documented = [line.split("  #")[0].strip() for block in bash_blocks(DEVELOPING) for line in block.splitlines()]
    for command in (".venv/bin/pip install pip-tools && .venv/bin/pip-compile pyproject.toml",
                    ".venv/bin/pip install pip-tools && .venv/bin/pip-compile --upgrade pyproject.toml",
                    ".venv/bin/properdocs serve -f mkdocs.yml", ".venv/bin/python scripts/lint.py"):
        assert command in documented, command


def test_ci_run_runs_the_readme_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.startswith("#!/usr/bin/env bash\n") and "set -euo pipefail" in script
    lines = [line for line in script.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert lines[-1] == TEST_COMMAND
    # The linters run before the tests: ESLint (it needs no venv) started while pip installs and
    # waited for (`set -e` stops on its failure), ruff once the venv is there.
    assert lines[-3:-1] == [".venv/bin/python scripts/lint.py --python", 'wait "$eslint"']
    assert lines.index("python3 scripts/lint.py --js &") < lines.index("eslint=$!") < len(lines) - 3


def load_workflow(name: str) -> dict:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


@pytest.mark.parametrize(("name", "job"), [("check.yml", "check"), ("deploy.yml", "build"), ("check.yml", "tests")])
def test_workflows_install_from_the_lock_with_a_cache_keyed_on_it(name: str, job: str) -> None:
    steps = load_workflow(name)["jobs"][job]["steps"]
    installs = [s["run"] for s in steps if "pip install" in s.get("run", "")]
    assert len(installs) == 1 and installs[0].startswith(INSTALL), installs
    caches = [s.get("with", {}) for s in steps if s.get("uses", "").startswith(("actions/setup-python@", "actions/cache@"))]
    assert any(c.get("cache") == "pip" and c.get("cache-dependency-path") == "requirements.txt"
               or "hashFiles('requirements.txt')" in str(c.get("key")) and c.get("path") == "~/.cache/pip"
               for c in caches), caches


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: install with the README's test command")
    return found


def test_dependabot_proposes_lock_and_action_updates() -> None:
    path = ROOT / ".github" / "dependabot.yml"
    result = subprocess.run([tool("check-jsonschema"), "--builtin-schema", "vendor.dependabot", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    updates = {u["package-ecosystem"]: u for u in yaml.safe_load(path.read_text(encoding="utf-8"))["updates"]}
    assert set(updates) == {"pip", "github-actions"}
    assert all(u["directory"] == "/" for u in updates.values())
    # The pull-request check tests what Dependabot proposes: it runs on every pull request.
    assert load_workflow("check.yml")["on"] == {"pull_request": None}


@pytest.mark.slow  # a zizmor process
def test_zizmor_finds_nothing_in_github_folder() -> None:
    """Workflows and dependabot.yml, every severity (tests/test_workflows.py checks the workflows' high ones)."""
    result = subprocess.run([tool("zizmor"), "--offline", "--format", "json", str(ROOT / ".github")],
                            capture_output=True, text=True, cwd=ROOT)
    findings = json.loads(result.stdout)
    assert [(f["ident"], f["determinations"]["severity"]) for f in findings if not f["ignored"]] == []


# --- pyproject.toml itself ----------------------------------------------------------------------

def test_pyproject_uses_no_deprecated_forms() -> None:
    assert isinstance(PYPROJECT["project"]["license"], str), "license: an SPDX expression, not a table"
    (setuptools,) = [Requirement(r) for r in PYPROJECT["build-system"]["requires"] if r.startswith("setuptools")]
    assert not setuptools.specifier.contains("76.9"), "setuptools>=77 reads `license` as an SPDX expression"


@pytest.fixture(scope="module")
def wheel_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A wheel built offline, verbosely, with the locked setuptools; returns it and pip's output."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(HOOKS, src / "hooks", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "--no-build-isolation", "--no-index",
                             "-w", str(tmp / "dist"), str(src)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = (tmp / "dist").glob("papernotes-*.whl")
    return wheel, result.stdout + result.stderr


@pytest.mark.slow  # builds a wheel
def test_the_package_builds_without_a_warning(wheel_build: tuple[Path, str]) -> None:
    # Only distutils' note that pip turned byte-compiling off may say "warning".
    noise = re.compile(r"warning: \w+: byte-compiling is disabled, skipping\.")
    warnings = [line for line in wheel_build[1].splitlines()
                if re.search(r"warn|deprecat", line, re.IGNORECASE) and not noise.search(line)]
    assert warnings == []


@pytest.mark.slow  # builds a wheel
def test_the_wheel_holds_every_template(wheel_build: tuple[Path, str]) -> None:
    packaged = set(zipfile.ZipFile(wheel_build[0]).namelist())
    templates = {p.relative_to(HOOKS).as_posix() for p in (HOOKS / "papernotes").rglob("*.html")}
    assert templates and templates <= packaged, sorted(templates - packaged)
