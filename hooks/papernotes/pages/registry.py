"""The page families, in the order the site's pages are planned: the one list that names them.

Each family (`pages/families/<name>.py`) owns its pages' planning, rendering and head
metadata, and names one example page per kind; the build plans `FAMILIES` in order, and the
accessibility tests, the page audit and the theme (`LEAN_KINDS`, `READING_LIST_KINDS`) read them from here.

Adding a family: write `pages/families/<name>.py` (its `FAMILY`), its template under
`pages/templates/`, its URL rule in `catalog/urls.py`, and add it below.
"""

from __future__ import annotations

from papernotes.pages.context import Family, PageContext, PlannedPage
from papernotes.pages.families import archive, authors, browse, home, labs, note, stats, tag, tag_index, wanted
from papernotes.catalog.index import SiteIndex

FAMILIES: tuple[Family, ...] = (
    home.FAMILY,
    note.FAMILY,
    tag_index.FAMILY,
    tag.FAMILY,
    archive.FAMILY,
    browse.FAMILY,
    stats.FAMILY,
    wanted.FAMILY,
    authors.FAMILY,
    labs.FAMILY,
)

LEAN_KINDS: frozenset[str] = frozenset({"author"})
"""Kinds whose pages get the lean theme shell (overrides/main.html): no empty table of contents.
There is one author page per author with two notes (7,700 at 10,000 notes), so the shell was a
tenth of the site (issue 24). They keep the navigation: on a phone its drawer is the only way
from the page to the rest of the site (the theme hides the logo there); each also carries a
trail back to its index and home."""

READING_LIST_KINDS: frozenset[str] = frozenset({"home", "note", "day", "tag", "author", "lab"})
"""Kinds whose pages show the reading list: its slots on notes (`reading_slot`, the cards) or its
news line (`_reading_list.html`). The theme loads the reading list's code on these pages and the
list's own page only (overrides/partials/pn-reading-list.html); a slot on any other kind's page
stays empty (`tests/test_pages_registry.py` names such a kind)."""


def plan_pages(ctx: PageContext) -> list[PlannedPage]:
    """Every generated page, family by family, in a fixed order."""
    return [page for family in FAMILIES for page in family.plan(ctx)]


def kinds() -> tuple[str, ...]:
    """Every page kind the families plan."""
    return tuple(kind for family in FAMILIES for kind in family.kinds)


def examples(index: SiteIndex) -> dict[str, str]:
    """One page source of each kind the site has, `{kind: src_uri}`, in the order of `kinds()`."""
    found = {kind: src for family in FAMILIES for kind, src in family.examples(index).items()}
    return {kind: found[kind] for kind in kinds() if kind in found}
