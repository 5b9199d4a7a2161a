"""Imports flow one way: records -> source -> catalog -> pages/outputs/authoring -> build session -> CLI/hook.

Read from every module's own `import` statements (with `ast`, nothing is imported), so a new
module or a new import is checked the day it is written. A module may import its own layer and
the layers below it; an import upwards fails the test, naming the file, its line and the import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import papernotes

CORE = Path(papernotes.__file__).parent
HOOK = CORE.parent / "papernotes_hook.py"

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("records", ("papernotes.model", "papernotes.schema", "papernotes.config", "papernotes.report")),
    # Markdown -> safe HTML, and the one fork policy: tools the loader already needs.
    ("tools", ("papernotes.markup", "papernotes.markup_links", "papernotes.names", "papernotes.fork", "papernotes.text")),
    ("source", ("papernotes.source",)),
    ("catalog", ("papernotes.catalog",)),
    ("pages/outputs/authoring", ("papernotes.pages", "papernotes.outputs", "papernotes.authoring")),
    ("build session", ("papernotes.session",)),
    ("CLI/hook", ("papernotes.cli", "papernotes.__main__", "papernotes_hook")),
)
"""Lowest first: each layer's modules, by name prefix."""

ALLOWED: dict[tuple[str, str], str] = {}
"""(importer, imported) pairs that run against the layers, each with the reason it is tolerated."""


def layer_of(module: str) -> int | None:
    """The rank of `module`'s layer (0 = records), or None for modules outside the project."""
    if module == "papernotes":
        return 0
    for rank, (_, prefixes) in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return rank
    return None


def _shown(path: Path) -> str:
    parts = path.parts
    return "/".join(parts[parts.index("papernotes"):]) if "papernotes" in parts else path.name


def module_files() -> dict[str, Path]:
    found = {"papernotes_hook": HOOK}
    for path in sorted(CORE.rglob("*.py")):
        parts = path.relative_to(CORE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports_of(path: Path, module: str) -> list[tuple[int, str]]:
    """(line, imported module) for every import in the file, relative ones resolved."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            # `from papernotes.catalog import urls` imports the module papernotes.catalog.urls.
            found += [(node.lineno, f"{base}.{alias.name}" if layer_of(f"{base}.{alias.name}") is not None
                       and f"{base}.{alias.name}" in MODULES else base) for alias in node.names]
    return list(dict.fromkeys(found))


MODULES = module_files()


def test_every_module_has_a_layer() -> None:
    assert len(MODULES) > 40
    assert [m for m in MODULES if layer_of(m) is None] == []


def upward_imports(modules: dict[str, Path]) -> list[str]:
    """`file:line: importer (layer) imports imported (layer)` for every import against the layers."""
    upward = []
    for module, path in modules.items():
        rank = layer_of(module)
        assert rank is not None
        for line, imported in imports_of(path, module):
            target = layer_of(imported)
            if target is not None and target > rank and (module, imported) not in ALLOWED:
                upward.append(f"{_shown(path)}:{line}: {module} ({LAYERS[rank][0]}) imports "
                              f"{imported} ({LAYERS[target][0]})")
    return upward


def test_imports_flow_one_way() -> None:
    upward = upward_imports(MODULES)
    assert upward == [], "imports must flow " + " -> ".join(name for name, _ in LAYERS) + ":\n" + "\n".join(upward)


def test_an_upward_import_is_named(tmp_path: Path) -> None:
    """The import this test was written for: the loader reaching up into the build session."""
    tree = tmp_path / "papernotes" / "source"
    tree.mkdir(parents=True)
    (tree / "tree.py").write_text("import re\n\nfrom papernotes.session.split_load import load_files\n", encoding="utf-8")
    found = upward_imports({"papernotes.source.tree": tree / "tree.py"})
    assert found == ["papernotes/source/tree.py:3: papernotes.source.tree (source) imports papernotes.session.split_load (build session)"]


def test_every_allowance_is_still_needed() -> None:
    used = {(m, i) for m, p in MODULES.items() for _, i in imports_of(p, m)}
    assert [pair for pair in ALLOWED if pair not in used] == []


@pytest.mark.parametrize(("module", "source", "expected"), [
    ("papernotes.source.tree", "from papernotes.session.split_load import load_files\n", ["papernotes.session.split_load"]),
    ("papernotes.source.tree", "from papernotes.catalog import urls\n", ["papernotes.catalog.urls"]),
    ("papernotes.pages.plan", "from . import meta\n", ["papernotes.pages.meta"]),
    ("papernotes.pages.plan", "from ..outputs.bibtex import x\n", ["papernotes.outputs.bibtex"]),
])
def test_imports_are_read_as_modules(tmp_path: Path, module: str, source: str, expected: list[str]) -> None:
    path = tmp_path / "m.py"
    path.write_text(source, encoding="utf-8")
    assert [name for _, name in imports_of(path, module)] == expected
