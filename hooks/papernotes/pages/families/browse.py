"""The browse page: every note as a row, filtered by tags in the reader's browser."""

from __future__ import annotations

from functools import partial
from typing import Iterator

from papernotes.outputs import browse
from papernotes.pages import meta
from papernotes.pages.context import Family, PageContext, PlannedPage
from papernotes.catalog import urls
from papernotes.model import Note

TITLE = "Browse · 둘러보기"
SCRIPTS = ("assets/browse-filter.js",)


def render_browse_page(ctx: PageContext) -> str:
    rows = ctx.tag_rows()
    def commentary(note: Note) -> tuple[str, str]:
        html = ctx.html_of(note)
        return html.ko, html.en

    first = browse.first_rows(ctx.index, commentary)
    return ctx.render("browse.html", urls.browse(), rows=[r for r in rows if r[1]], total=len(ctx.index.notes),
                      first=first, page_rows=browse.PAGE_ROWS)


def plan(ctx: PageContext) -> Iterator[PlannedPage]:
    n = len(ctx.index.notes)
    yield PlannedPage(urls.browse(), TITLE, "browse", partial(render_browse_page, ctx),
                      meta=partial(meta.listing, TITLE, ctx.settings, f"태그로 논문 노트 {n}개를 걸러 보기", f"Filter {n} paper notes by tag"),
                      scripts=SCRIPTS, shows=tuple(n.slug for n in ctx.index.notes[:browse.PAGE_ROWS]))


FAMILY = Family("browse", ("browse",), plan, lambda index: {"browse": urls.browse()})
