"""The tag index: every tag with its note count."""

from __future__ import annotations

from functools import partial
from typing import Iterator

from papernotes.pages import meta
from papernotes.pages.context import Family, PageContext, PlannedPage
from papernotes.catalog import urls

TITLE = "Tags · 태그"
SCRIPTS = ("assets/tag-sort.js",)


def render_tag_index_page(ctx: PageContext) -> str:
    return ctx.render("tag_index.html", urls.tag_index(), rows=ctx.tag_rows(), total=len(ctx.index.notes))


def plan(ctx: PageContext) -> Iterator[PlannedPage]:
    n = len(ctx.index.tags.tags)
    yield PlannedPage(urls.tag_index(), TITLE, "tag index", partial(render_tag_index_page, ctx),
                      meta=partial(meta.listing, TITLE, ctx.settings, f"태그 {n}개와 태그마다의 논문 노트 수",
                                   f"All {n} tags and how many paper notes each has"),
                      scripts=SCRIPTS)


FAMILY = Family("tag index", ("tag index",), plan, lambda index: {"tag index": urls.tag_index()})
