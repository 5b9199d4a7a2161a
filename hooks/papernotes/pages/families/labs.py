"""Organisation pages (`labs/<slug>/`: the notes whose `org` names the lab, aliases joined by
`data/authors.yml`) and the labs index."""

from __future__ import annotations

from functools import partial
from typing import Iterator

from papernotes.pages import meta
from papernotes.pages.context import Family, PageContext, PlannedPage
from papernotes.pages.meta import PageMeta
from papernotes.catalog import urls
from papernotes.catalog.index import SiteIndex
from papernotes.catalog.people import People, Party
from papernotes.source.authors import AuthorsFile

INDEX_TITLE = "Labs · 기관"


def render_lab_page(ctx: PageContext, party: Party) -> str:
    return ctx.render("lab.html", urls.lab(party.slug), party=party)


def render_labs_index(ctx: PageContext) -> str:
    orgs = sorted(ctx.people.orgs, key=lambda p: (-len(p.notes), p.slug))
    return ctx.render("labs.html", urls.labs_index(), orgs=orgs)


def lab_meta(ctx: PageContext, party: Party) -> PageMeta:
    n = len(party.notes)
    lead = meta.bi(ctx.settings, f"{party.name}의 논문 노트 {n}개", f"{n} paper note{'s' if n != 1 else ''} from {party.name}")
    return PageMeta(title=party.name, description=meta.titles(party.notes, lead))


def plan(ctx: PageContext) -> Iterator[PlannedPage]:
    n = len(ctx.people.orgs)
    yield PlannedPage(urls.labs_index(), INDEX_TITLE, "labs index", partial(render_labs_index, ctx),
                      meta=partial(meta.listing, INDEX_TITLE, ctx.settings, f"노트에 나온 기관 {n}곳", f"The {n} labs the notes name"))
    for party in ctx.people.orgs:
        yield PlannedPage(urls.lab(party.slug), party.name, "lab", partial(render_lab_page, ctx, party),
                          meta=partial(lab_meta, ctx, party), key=partial(ctx.party_key, party))


def examples(index: SiteIndex) -> dict[str, str]:
    people = People(index.notes, AuthorsFile())
    found = {"labs index": urls.labs_index()}
    if people.orgs:
        found["lab"] = urls.lab(max(people.orgs, key=lambda p: len(p.notes)).slug)
    return found


FAMILY = Family("labs", ("labs index", "lab"), plan, examples)
