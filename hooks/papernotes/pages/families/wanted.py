"""The page of papers waiting for a note: arXiv papers the notes mention (in their text or
lineage fields) that have no note of their own, most-mentioned first (`pages/links.py`)."""

from __future__ import annotations

from functools import partial
from typing import Iterator

from papernotes.pages import meta
from papernotes.pages.context import Family, PageContext, PlannedPage
from papernotes.catalog import urls

TITLE = "Wanted papers · 노트를 기다리는 논문"


def plan(ctx: PageContext) -> Iterator[PlannedPage]:
    yield PlannedPage(urls.wanted(), TITLE, "wanted", ctx.links.render_wanted_page,
                      meta=partial(meta.listing, TITLE, ctx.settings, "노트에서 언급됐지만 아직 노트가 없는 논문",
                                   "Papers the notes mention that have no note yet"))


FAMILY = Family("wanted", ("wanted",), plan, lambda index: {"wanted": urls.wanted()})
