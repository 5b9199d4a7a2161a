"""Tag pages: a tag's notes, paged, with its Atom feed and BibTeX file."""

from __future__ import annotations

from functools import partial
from typing import Iterator

from papernotes.model import Note, Tag
from papernotes.pages import meta
from papernotes.pages.fragments import split_pair
from papernotes.pages.context import Family, PageContext, PlannedPage, fingerprint
from papernotes.pages.meta import PageMeta
from papernotes.catalog import urls
from papernotes.catalog.index import SiteIndex
from papernotes.catalog.paging import commentary_weight


def tag_pages(ctx: PageContext, slug: str) -> tuple[tuple[Note, ...], ...]:
    return ctx.paged(("tag", slug), ctx.index.by_tag.get(slug, ()), ctx.settings.tag_page_size, commentary_weight)


def render_tag_page(ctx: PageContext, slug: str, page: int) -> str:
    chunks = tag_pages(ctx, slug)
    pages = len(chunks)
    here = urls.tag(slug, page)
    pager = ctx.navs("pager.html", here, page=page, pages=pages, page_src=partial(urls.tag, slug)) if pages > 1 else ("", "")
    return ctx.render("tag.html", here, tag=ctx.index.tags.get(slug), notes=chunks[page - 1],
                      total=len(ctx.index.by_tag.get(slug, ())), page=page, pages=pages, pager=pager)


def tag_key(ctx: PageContext, slug: str, page: int) -> tuple:
    """What `render_tag_page` and `tag_meta` read: the page's notes (whole: their excerpts), which
    of their authors have a page (their names link to it), its place among the tag's pages and
    the tag's count."""
    chunks = tag_pages(ctx, slug)
    shown = chunks[page - 1]
    return (slug, page, len(chunks), len(ctx.index.by_tag.get(slug, ())), tuple(fingerprint(n) for n in shown),
            tuple(ctx.names_key(n) for n in shown))


def tag_meta(tag: Tag, notes: tuple[Note, ...], total: int, title: str, ctx: PageContext) -> PageMeta:
    settings = ctx.settings
    label = meta.bi(settings, tag.ko, tag.en)
    lead = meta.bi(settings, f"#{tag.slug} ({label}) 태그의 논문 노트 {total:,}개", f"{total:,} paper notes tagged #{tag.slug} ({label})")
    description = meta.bi(settings, tag.description_ko, tag.description_en)
    if description:
        lead += ". " + meta.plain(description)
    return PageMeta(title=title, description=meta.titles(notes, lead) if not description else meta.cut(lead))


def tag_title(tag: Tag) -> str:
    """The tag page's title: its labels as a pair, `English · 한국어`, which the header and the tab
    show in the reader's language (a phone QA pass: the tab said `#reward-model` in both); its one
    label when both are alike (RLHF), or `#slug` when they do not make a pair."""
    if tag.ko == tag.en:
        return tag.en
    pair = f"{tag.en} · {tag.ko}"
    return pair if split_pair(pair) == (tag.ko, tag.en) else f"#{tag.slug}"


def plan(ctx: PageContext) -> Iterator[PlannedPage]:
    idx = ctx.index
    for tag in idx.tags.tags:
        for page, notes in enumerate(tag_pages(ctx, tag.slug), start=1):
            title = meta.numbered(tag_title(tag), page)
            yield PlannedPage(urls.tag(tag.slug, page), title, "tag", partial(render_tag_page, ctx, tag.slug, page),
                              feed=urls.feed(tag.slug), shows=tuple(n.slug for n in notes),
                              meta=partial(tag_meta, tag, notes, len(idx.by_tag.get(tag.slug, ())), title, ctx),
                              key=partial(tag_key, ctx, tag.slug, page))


def examples(index: SiteIndex) -> dict[str, str]:
    """The busiest tag (the first of equals by slug): the longest tag page."""
    counted = [(len(index.by_tag.get(t.slug, ())), t.slug) for t in index.tags.tags]
    busiest = max(counted, key=lambda c: c[0], default=None)
    return {"tag": urls.tag(busiest[1])} if busiest and busiest[0] else {}


FAMILY = Family("tag", ("tag",), plan, examples)
