"""Organisation pages (`labs/<slug>/`: the notes whose `org` names the lab, aliases joined by
`data/authors.yml`, an Atom feed and BibTeX, RIS and CSL-JSON files, as an author's) and the
labs index."""

from __future__ import annotations

from functools import partial
from typing import Iterator

from papernotes.pages import meta
from papernotes.pages.context import Family, PageContext, PlannedPage
from papernotes.pages.meta import PageMeta
from papernotes.catalog import urls
from papernotes.catalog.index import SiteIndex
from papernotes.catalog.people import People, Party
from papernotes.model import Note
from papernotes.source.authors import AuthorsFile

INDEX_TITLE = "Labs · 기관"


def lab_pages(ctx: PageContext, party: Party) -> tuple[tuple[Note, ...], ...]:
    """The lab's notes, newest first, cut into pages of `author_page_size` (an entry is a title,
    a day and the authors, as on an author page)."""
    return ctx.paged(("lab", party.slug), party.notes, ctx.settings.author_page_size)


def render_lab_page(ctx: PageContext, party: Party, page: int = 1) -> str:
    notes, pages, here, pager = ctx.listing_page(lab_pages(ctx, party), partial(urls.lab, party.slug), page)
    return ctx.render("lab.html", here, party=party, notes=notes, page=page, pages=pages, pager=pager)


def lab_key(ctx: PageContext, party: Party, page: int) -> tuple:
    """What one of the lab's pages shows: the party (`PageContext.party_key`) and its place among the pages."""
    return (ctx.party_key(party), page, len(lab_pages(ctx, party)))


def render_labs_index(ctx: PageContext) -> str:
    orgs = sorted(ctx.people.orgs, key=lambda p: (-len(p.notes), p.slug))
    return ctx.render("labs.html", urls.labs_index(), orgs=orgs)


def lab_meta(ctx: PageContext, party: Party, page: int = 1) -> PageMeta:
    n = len(party.notes)
    lead = meta.bi(ctx.settings, f"{party.name}의 논문 노트 {n:,}개", f"{n:,} paper note{'s' if n != 1 else ''} from {party.name}")
    return PageMeta(title=meta.numbered(party.name, page), description=meta.titles(lab_pages(ctx, party)[page - 1], lead))


def plan(ctx: PageContext) -> Iterator[PlannedPage]:
    n = len(ctx.people.orgs)
    yield PlannedPage(urls.labs_index(), INDEX_TITLE, "labs index", partial(render_labs_index, ctx),
                      meta=partial(meta.listing, INDEX_TITLE, ctx.settings, f"노트에 나온 기관 {n:,}곳", f"The {n:,} labs the notes name"))
    for party in ctx.people.orgs:
        for page in range(1, len(lab_pages(ctx, party)) + 1):
            yield PlannedPage(urls.lab(party.slug, page), meta.numbered(party.name, page), "lab",
                              partial(render_lab_page, ctx, party, page), feed=urls.lab_feed(party.slug),
                              meta=partial(lab_meta, ctx, party, page), key=partial(lab_key, ctx, party, page))


def examples(index: SiteIndex) -> dict[str, str]:
    people = People(index.notes, AuthorsFile())
    found = {"labs index": urls.labs_index()}
    if people.orgs:
        found["lab"] = urls.lab(max(people.orgs, key=lambda p: len(p.notes)).slug)
    return found


FAMILY = Family("labs", ("labs index", "lab"), plan, examples)
