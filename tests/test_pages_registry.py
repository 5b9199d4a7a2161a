"""The page-family registry: one list plans every page, names every kind, and gives every kind
an example page that the accessibility tests and the page audit visit."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURE_SITE
from papernotes.config import Settings
from papernotes.markup import HtmlCache
from papernotes.pages import registry
from papernotes.pages.context import PageContext
from papernotes.catalog import urls
from papernotes.catalog.index import build_index
from papernotes.source.tree import load_site


@pytest.fixture(scope="module")
def context() -> PageContext:
    loaded = load_site(FIXTURE_SITE, "data")
    assert not loaded.errors
    return PageContext(build_index(loaded.notes, loaded.tags), Settings(), HtmlCache())


def test_every_planned_page_is_of_a_registered_kind_and_every_kind_is_planned(context: PageContext) -> None:
    planned = registry.plan_pages(context)
    assert {p.kind for p in planned} == set(registry.kinds())
    assert len({p.src_uri for p in planned}) == len(planned)


def test_planning_loads_no_template(context: PageContext) -> None:
    fresh = PageContext(context.index, context.settings, context.html)
    registry.plan_pages(fresh)
    assert fresh._env is None  # the Jinja environment is made by the first render only


def test_every_example_is_a_planned_page_of_its_kind(context: PageContext) -> None:
    planned = {p.src_uri: p.kind for p in registry.plan_pages(context)}
    found = registry.examples(context.index)
    assert list(found) == list(registry.kinds())
    assert {kind: planned[src] for kind, src in found.items()} == {kind: kind for kind in found}


def test_kinds_are_unique_across_families() -> None:
    kinds = registry.kinds()
    assert len(kinds) == len(set(kinds)), kinds
    assert all(Path(f.plan.__code__.co_filename).parent.name == "families" for f in registry.FAMILIES)


def test_the_reading_list_is_loaded_on_every_kind_that_shows_it(fixture_build: Path, context: PageContext) -> None:
    """A kind whose pages carry reading-list slots or its news line is in `READING_LIST_KINDS`, so
    the theme loads the list's code there; a kind left out had slots without buttons."""
    shows, loads = set(), set()
    for kind, src in registry.examples(context.index).items():
        html = (fixture_build / urls.src_to_url(src) / "index.html").read_text(encoding="utf-8")
        if 'class="pn-rl' in html:  # a slot (`pn-rl`) or the news line (`pn-rl-news`)
            shows.add(kind)
        if "assets/reading-list/cards.js" in html:
            loads.add(kind)
    assert {"home", "note", "day", "tag"} <= shows
    assert shows - loads == set(), "add these kinds to registry.READING_LIST_KINDS"
    assert loads == set(registry.READING_LIST_KINDS)
