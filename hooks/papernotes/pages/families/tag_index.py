"""The tag index: every tag with its note count, most used first.

`data/tags.yml` may define 5,000 tags (`schema.MAX_REGISTRY_TAGS`), and a row with its
description, slug and labels weighs ~600 bytes: 5,000 such rows made a 2.9 MB page of 50,000
elements. So the most used tags get a full row (chip, `#slug`, count, description) while those
rows fit in `FULL_BYTES`; the rest are compact (the chip and its count; a tag's description is
on its own page), and a page holds rows up to `PAGE_BYTES`. Tags beyond continue on numbered
pages (`tags/_/<n>/`), linked from each page's pager, so every tag is a link of the index with
or without scripts and no page of it passes ~1 MB whatever the labels. A site of a few hundred
tags is one page of full rows, as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Callable, Iterator

from markupsafe import Markup

from papernotes.catalog import urls
from papernotes.catalog.paging import paginate
from papernotes.model import Tag
from papernotes.pages import meta
from papernotes.pages.context import Family, PageContext, PlannedPage
from papernotes.pages.fragments import bi, hashtags, text_lang

TITLE = "Tags · 태그"
SCRIPTS = ("assets/tag-sort.js",)
FULL_BYTES = 100_000
"""Bytes of full rows (chip, `#slug`, count, description) the index starts with: ~200 tags with
one-line descriptions; a site with fewer sees every tag so."""
PAGE_BYTES = 450_000
"""Bytes of rows one page of the index holds (full and compact): with the theme around it, a page
stays under ~500 kB whatever the labels (80 characters each, `source.tags.MAX_LABEL_CHARS`)."""

_FULL = Markup('<li data-tag="%s" data-count="%d" data-name-ko="%s" data-name-en="%s">\n'
               '<a class="pn-tag" href="%s" title="#%s">%s</a> <code class="pn-slug">%s</code> '
               '<span class="pn-count" data-count="%d">%d</span>\n%s</li>\n')
_DESCRIPTION = Markup('<span class="pn-description">%s</span>\n')
# No data attributes, no title, no slug: tag-sort.js reads the labels and the count from the row.
_COMPACT = Markup('<li><a class="pn-tag" href="%s">%s</a> <span class="pn-count">%d</span></li>\n')


def _label(tag: Tag) -> Markup:
    """A chip's text: both labels, or one marked with its language when they are the same (RLHF)."""
    return bi(tag.ko, tag.en) if tag.ko != tag.en else Markup('<span lang="%s">%s</span>') % (text_lang(tag.en), tag.en)


def full_row(tag: Tag, count: int, href: Callable[[str], str]) -> Markup:
    description = _DESCRIPTION % bi(tag.description_ko, tag.description_en) if tag.description_ko or tag.description_en else ""
    return _FULL % (tag.slug, count, tag.ko, tag.en, href(urls.tag(tag.slug)), tag.slug, bi(tag.ko, tag.en),
                    hashtags([tag.slug]), count, count, description)


def compact_row(tag: Tag, count: int, href: Callable[[str], str]) -> Markup:
    return _COMPACT % (href(urls.tag(tag.slug)), _label(tag), count)


@dataclass(frozen=True)
class Row:
    """A tag of the index, with its count and its form (full or compact)."""

    tag: Tag
    count: int
    full: bool

    def html(self, href: Callable[[str], str]) -> Markup:
        return (full_row if self.full else compact_row)(self.tag, self.count, href)


_WEIGH = partial(urls.relative, urls.tag_index(2))  # the longest links a row has (`../../<tag>/`)


def index_pages(ctx: PageContext) -> tuple[tuple[Row, ...], ...]:
    """The rows of each page of the index, in `PageContext.tag_rows`' order: full rows while they
    fit in `FULL_BYTES`, then compact ones, cut into pages of `PAGE_BYTES` (a row is weighed as
    written, so a page's size does not depend on what its tags are called). Once per build."""
    return ctx.kept("tag index", partial(_index_pages, ctx))


def _index_pages(ctx: PageContext) -> tuple[tuple[Row, ...], ...]:
    rows: list[Row] = []
    used = 0
    for tag, count in ctx.tag_rows():
        size = len(full_row(tag, count, _WEIGH).encode())
        full = used + size <= FULL_BYTES and (not rows or rows[-1].full)
        used += size if full else 0
        rows.append(Row(tag, count, full))
    return paginate(rows, len(rows) or 1, _weight, PAGE_BYTES)  # type: ignore[arg-type,return-value]


def _weight(row: Row) -> int:
    return len(row.html(_WEIGH).encode())


def render_tag_index_page(ctx: PageContext, page: int = 1) -> str:
    chunks = index_pages(ctx)
    rows, pages, here, pager = ctx.listing_page(chunks, urls.tag_index, page)  # type: ignore[arg-type]
    href = urls.linker(here)
    full = Markup("").join(r.html(href) for r in rows if r.full)
    compact = Markup("").join(r.html(href) for r in rows if not r.full)
    first = sum(len(c) for c in chunks[: page - 1])
    return ctx.render("tag_index.html", here, full=full, compact=compact, compact_count=sum(1 for r in rows if not r.full),
                      tag_count=len(ctx.index.tags.tags), total=len(ctx.index.notes), page=page, pages=pages,
                      pager=pager, first=first + 1, last=first + len(rows))


def plan(ctx: PageContext) -> Iterator[PlannedPage]:
    n = len(ctx.index.tags.tags)
    for page in range(1, len(index_pages(ctx)) + 1):
        title = meta.numbered(TITLE, page)
        yield PlannedPage(urls.tag_index(page), title, "tag index", partial(render_tag_index_page, ctx, page),
                          meta=partial(meta.listing, title, ctx.settings, f"태그 {n:,}개와 태그마다의 논문 노트 수",
                                       f"All {n:,} tags and how many paper notes each has"),
                          scripts=SCRIPTS)


FAMILY = Family("tag index", ("tag index",), plan, lambda index: {"tag index": urls.tag_index()})
