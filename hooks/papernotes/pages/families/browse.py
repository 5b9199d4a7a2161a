"""The browse page: every note as a row, filtered by tags, year and order in the reader's browser.

Its tag picker lists the most used tags in the page's HTML, as many as `CHIPS` and `CHIP_BYTES`
allow; the others (a registry may define 5,000 tags, `schema.MAX_REGISTRY_TAGS`: 1.5 MB of chips)
are drawn by the filter script from `browse/index.json`, which the page loads anyway, when the
reader asks for them ("N more tags") or a shared selection names one. Without scripts that
control is a link to the tag index, which links every tag. With scripts, a finder above the chips
narrows them (and the index's other tags) by label or slug, and a year select and a newest/oldest
order go with the tags; the year options (with their counts) are in the HTML, the rest is the
script's, from the same index.
"""

from __future__ import annotations

from functools import partial
from typing import Iterator

from markupsafe import escape

from papernotes.outputs import browse
from papernotes.pages import meta
from papernotes.pages.context import Family, PageContext, PlannedPage
from papernotes.catalog import urls
from papernotes.model import Note, Tag

TITLE = "Browse · 둘러보기"
SCRIPTS = ("assets/browse-filter.js",)
CHIPS = 60
"""Most tags the picker has in the page's HTML (the most used; the rest come from its index)."""
CHIP_BYTES = 50_000
"""Bytes of those chips at most (80-character labels in both languages: ~60 chips)."""


def chip_weight(tag: Tag) -> int:
    """About what a picker chip weighs as HTML (browse.html), at least."""
    return 280 + 2 * len(tag.slug) + len(str(escape(tag.ko)).encode()) + len(str(escape(tag.en)).encode())


def picker_tags(ctx: PageContext) -> tuple[list[tuple[Tag, int]], int]:
    """The tags with notes whose chips are in the page, most used first, and how many others have notes."""
    rows = [r for r in ctx.tag_rows() if r[1]]
    used = shown = 0
    for tag, _ in rows[:CHIPS]:
        used += chip_weight(tag)
        if used > CHIP_BYTES:
            break
        shown += 1
    return rows[:shown], len(rows) - shown


def render_browse_page(ctx: PageContext) -> str:
    chips, more = picker_tags(ctx)

    def commentary(note: Note) -> tuple[str, str]:
        html = ctx.html_of(note)
        return html.ko, html.en

    first = browse.first_rows(ctx.index, commentary)
    return ctx.render("browse.html", urls.browse(), rows=chips, more_tags=more, total=len(ctx.index.notes),
                      first=first, page_rows=browse.PAGE_ROWS,
                      years=browse.year_counts(ctx.index))


def plan(ctx: PageContext) -> Iterator[PlannedPage]:
    n = len(ctx.index.notes)
    yield PlannedPage(urls.browse(), TITLE, "browse", partial(render_browse_page, ctx),
                      meta=partial(meta.listing, TITLE, ctx.settings, f"태그로 논문 노트 {n:,}개를 걸러 보기", f"Filter {n:,} paper notes by tag"),
                      scripts=SCRIPTS, shows=tuple(n.slug for n in ctx.index.notes[:browse.PAGE_ROWS]))


FAMILY = Family("browse", ("browse",), plan, lambda index: {"browse": urls.browse()})
