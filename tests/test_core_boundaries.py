"""The core package's boundaries: it never imports MkDocs, and it keeps no module-level state."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import papernotes

CORE = Path(papernotes.__file__).parent


def core_modules() -> list[str]:
    names = []
    for path in sorted(CORE.rglob("*.py")):
        parts = path.relative_to(CORE.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


@pytest.mark.slow  # a fresh interpreter imports every module
def test_importing_every_core_module_never_imports_mkdocs() -> None:
    modules = core_modules()
    assert len(modules) > 30 and "papernotes.session.session" in modules
    code = ("import importlib, sys\n"
            f"for name in {modules!r}:\n"
            "    if name != 'papernotes.__main__':\n"
            "        importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith('mkdocs.')))\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


def test_the_core_has_no_global_statement() -> None:
    """Build state has one owner (`session.session.Build`); a `global` would give it another."""
    found = [f"{path.relative_to(CORE)}:{node.lineno}"
             for path in sorted(CORE.rglob("*.py"))
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Global)]
    assert found == []
