"""pages/modules.py: which modules a page's ES modules import (its `modulepreload` links)."""

from __future__ import annotations

from pathlib import Path

import pytest

from papernotes.pages.modules import ModuleGraph

MODULES = {  # path under docs/: text
    "assets/dom.js": "export function el() {}\n",
    "assets/search/box.js": 'import { bi, el } from "../dom.js";\nconst engine = () => import("./engine.js");\n',
    "assets/search/engine.js": 'import { tokenize } from "./words.js";\n',
    "assets/search/words.js": "export function tokenize() {}\n",
    "assets/list/cards.js": ('import { mount } from "./controls.js";\nimport { Store } from "./store.js";\n'
                             'import "./side-effect.js";\nimport { T } from \'./text.js\';\n'),
    "assets/list/controls.js": 'import { T } from "./text.js";\nexport { say } from "./text.js";\n',
    "assets/list/store.js": "// import { nothing } from \"./commented.js\" is not an import\nexport class Store {}\n",
    "assets/list/text.js": "export const T = {};\n",
    "assets/list/side-effect.js": "",
}


@pytest.fixture()
def graph(tmp_path: Path) -> ModuleGraph:
    for path, text in MODULES.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    return ModuleGraph(tmp_path)


@pytest.mark.parametrize(("scripts", "expected"), [
    (["assets/search/box.js"], ["assets/dom.js"]),  # the engine is a dynamic import(): fetched when needed
    (["assets/list/cards.js"], ["assets/list/controls.js", "assets/list/text.js", "assets/list/store.js", "assets/list/side-effect.js"]),
    (["assets/list/controls.js", "assets/list/text.js"], []),  # what a page names itself is not preloaded too
    (["assets/search/box.js", "assets/list/cards.js", "assets/search/box.js"],
     ["assets/dom.js", "assets/list/controls.js", "assets/list/text.js", "assets/list/store.js", "assets/list/side-effect.js"]),
    (["assets/search/engine.js"], ["assets/search/words.js"]),
    (["assets/javascripts/bundle.min.js", "assets/missing.js"], []),  # not ours, or not there: nothing to follow
    ([], []),
])
def test_imports_are_every_module_reached_once(graph: ModuleGraph, scripts: list[str], expected: list[str]) -> None:
    assert graph.imports(scripts) == expected


def test_the_site_modules_imports_are_found() -> None:
    """The site's own modules, as they are written: the reading list's cards import six (the
    page's one store through page-store.js), and through its text the site's DOM helpers (langOf)."""
    graph = ModuleGraph(Path(__file__).resolve().parents[1] / "docs")
    assert set(graph.imports(["assets/reading-list/cards.js"])) == {
        f"assets/reading-list/{name}.js" for name in ("controls", "notice", "page-store", "store", "text", "visits")} | {"assets/dom.js"}
    assert graph.imports(["assets/lang.js", "assets/search/box.js"]) == ["assets/dom.js"]
