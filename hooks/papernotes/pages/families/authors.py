"""Author pages (`authors/<slug>/`: the author's notes newest first, co-authors with counts, an
Atom feed and a BibTeX file), the authors index (by name, with a letter / 가나다 jump) and a
page per initial (`authors/_/<initial>/`), which the jump leads to. The index lists every
author itself up to `INDEX_LIMIT` authors; above that it lists the initials with their counts,
so its size does not grow with the site (2.4 MB at 30,000 notes when it listed all 23,000).

Who gets a page, and how authors of a single note are reached, is `catalog.people`'s rule.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from functools import partial
from typing import Iterator

from papernotes.model import Note
from papernotes.names import match_key
from papernotes.pages import meta
from papernotes.pages.context import Family, PageContext, PlannedPage
from papernotes.pages.meta import PageMeta
from papernotes.catalog import urls
from papernotes.catalog.index import SiteIndex
from papernotes.catalog.people import People, Party
from papernotes.source.authors import AuthorsFile

INDEX_TITLE = "Authors · 저자"
INDEX_LIMIT = 1000
"""Most authors the index lists itself (about 100 kB); beyond, only the initials' pages do."""
CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_BASE = {"ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ"}


def initial(name: str) -> str:
    """The jump group of a name: its first letter (A-Z, accents dropped), the initial consonant of
    a Hangul name (ㄲ under ㄱ, as in a Korean dictionary), else `#`."""
    key = match_key(name)
    first = key[:1]
    if "가" <= first <= "힣":
        jamo = CHOSEONG[(ord(first) - 0xAC00) // 588]
        return _BASE.get(jamo, jamo)
    if first.isascii() and first.isalpha():
        return first.upper()
    decomposed = unicodedata.normalize("NFKD", first)[:1]
    if decomposed.isascii() and decomposed.isalpha():
        return decomposed.upper()
    return _UNDECOMPOSED.get(first, "#")


_UNDECOMPOSED = {"ø": "O", "ł": "L", "æ": "A", "œ": "O", "đ": "D", "ð": "D", "ı": "I", "þ": "T", "ħ": "H", "ŧ": "T"}
"""Latin letters with a stroke, and ligatures, which have no decomposition (`Øystein`, `Łukasz`):
filed under their base letter instead of `#`."""


COAUTHORS_SHOWN = 100
"""Co-authors an author page names (most notes together first); the rest are counted. The
busiest author of a big site has thousands, which made the page pass 1 MB on its own."""


def author_pages(ctx: PageContext, party: Party) -> tuple[tuple[Note, ...], ...]:
    """The author's notes, newest first, cut into pages of `author_page_size` (an entry is its
    title, day and tags: a count is enough, no text budget)."""
    return ctx.paged(("author", party.slug), party.notes, ctx.settings.author_page_size)


def render_author_page(ctx: PageContext, party: Party, page: int = 1) -> str:
    notes, pages, here, pager = ctx.listing_page(author_pages(ctx, party), partial(urls.author, party.slug), page)
    coauthors = ctx.people.coauthors(party) if page == 1 else []
    return ctx.render("author.html", here, party=party, notes=notes, page=page, pages=pages, pager=pager,
                      coauthors=coauthors[:COAUTHORS_SHOWN], more_coauthors=max(0, len(coauthors) - COAUTHORS_SHOWN),
                      orgs=_orgs(ctx.people, party),
                      references=ctx.references(party.notes, listed=True) if urls.references_inline(len(party.notes)) else None)


def author_key(ctx: PageContext, party: Party, page: int) -> tuple:
    """What one of the author's pages shows: the party (`PageContext.party_key`) and its place among the pages."""
    return (ctx.party_key(party), page, len(author_pages(ctx, party)))


def _orgs(people: People, party: Party) -> list[tuple[str, Party | None]]:
    seen: dict[str, tuple[str, Party | None]] = {}
    for note in party.notes:
        if note.org:
            page = people.org(note.org)
            seen.setdefault(page.slug if page else match_key(note.org), (page.name if page else note.org, page))
    return list(seen.values())


def initial_key(letter: str) -> str:
    """The URL part of an initial's page: `a` for A, the consonant for ㄱ, `etc` for `#`."""
    return "etc" if letter == "#" else letter.lower()


def initial_groups(people: People) -> list[tuple[str, list[Party]]]:
    """(initial, its authors) in the index's order: A-Z, `#`, then ㄱ-ㅎ, each group's authors
    sorted by name as `people.authors` is; an author shown by another name is also listed by their
    Hangul name under its consonant (`hangul_name`). `#` gathers names from both ends of that order (`42
    Lab`, `'t Hooft` before A; Chinese, Japanese, Greek after Z): grouping only neighbours made
    two `#` groups, whose two pages both wanted `authors/_/etc/`, and the build stopped."""
    groups: dict[str, list[Party]] = {}
    for party in people.authors:
        groups.setdefault(initial(party.name), []).append(party)
    grown = set()
    for party in people.authors:   # an author shown by a Latin name is also under their Hangul name's consonant
        hangul = hangul_name(party)
        if hangul:
            letter = initial(hangul)
            grown.add(letter)
            groups.setdefault(letter, []).append(replace(party, name=hangul))
    for letter in grown:
        groups[letter].sort(key=lambda party: match_key(party.name))
    return sorted(groups.items(), key=lambda group: (2 if group[0] in CHOSEONG else group[0] == "#", group[0]))


def hangul_name(party: Party) -> str | None:
    """The name in Hangul of an author whose page shows another (`Minsu Kim`, with `김민수` among
    the aliases `data/authors.yml` gives, or written so by a note): the Korean index lists them
    under its consonant too, by that name, linking to the same page. A QA pass looked for 김민수
    under ㄱ and found only the M group's Minsu Kim. None when the shown name is Hangul already."""
    if initial(party.name) in CHOSEONG:
        return None
    forms = (*party.declared, *party.written)
    return next((form for form in forms if initial(form) in CHOSEONG), None)


def render_authors_index(ctx: PageContext, groups: list[tuple[str, list[Party]]]) -> str:
    people = ctx.people
    return ctx.render("authors.html", urls.authors_index(), groups=groups, total=len(people.authors),
                      single=len(people.single), listed=len(people.authors) <= INDEX_LIMIT, key=initial_key)


def render_initial_page(ctx: PageContext, groups: list[tuple[str, list[Party]]], letter: str,
                        parties: list[Party]) -> str:
    return ctx.render("authors_initial.html", urls.authors_initial(initial_key(letter)), letter=letter,
                      parties=parties, groups=groups, key=initial_key)


def initial_page_key(letter: str, parties: list[Party], groups: list[tuple[str, list[Party]]]) -> tuple:
    """What `render_initial_page` reads: the initials, and each of its authors' page, name and
    count of notes (a note added or deleted changes a few of the pages)."""
    return (letter, tuple(shown for shown, _ in groups), tuple((p.slug, p.name, len(p.notes)) for p in parties))


def author_meta(ctx: PageContext, party: Party, page: int = 1) -> PageMeta:
    n = len(party.notes)
    lead = meta.bi(ctx.settings, f"{party.name}의 논문 노트 {n:,}개", f"{n:,} paper note{'s' if n != 1 else ''} by {party.name}")
    return PageMeta(title=meta.numbered(party.name, page), description=meta.titles(author_pages(ctx, party)[page - 1], lead))


def plan(ctx: PageContext) -> Iterator[PlannedPage]:
    people = ctx.people
    n = len(people.authors)
    groups = initial_groups(people)  # once per plan: the index and every initial's page show them
    yield PlannedPage(urls.authors_index(), INDEX_TITLE, "authors index", partial(render_authors_index, ctx, groups),
                      meta=partial(meta.listing, INDEX_TITLE, ctx.settings, f"노트가 둘 이상인 저자 {n:,}명, 이름순",
                                   f"{n:,} authors with two notes or more, by name"))
    for letter, parties in groups:
        title = f"{INDEX_TITLE}: {letter}"
        yield PlannedPage(urls.authors_initial(initial_key(letter)), title, "authors initial",
                          partial(render_initial_page, ctx, groups, letter, parties),
                          meta=partial(meta.listing, title, ctx.settings, f"{letter}(으)로 시작하는 저자 {len(parties)}명",
                                       f"{len(parties)} authors under {letter}"),
                          key=partial(initial_page_key, letter, parties, groups))
    for party in people.authors:
        for page in range(1, len(author_pages(ctx, party)) + 1):
            yield PlannedPage(urls.author(party.slug, page), meta.numbered(party.name, page), "author",
                              partial(render_author_page, ctx, party, page),
                              feed=urls.author_feed(party.slug),  # shows no more than `dirty.site_shape` holds
                              meta=partial(author_meta, ctx, party, page), key=partial(author_key, ctx, party, page))


def examples(index: SiteIndex) -> dict[str, str]:
    """The authors index, and the author with the most notes."""
    people = People(index.notes, AuthorsFile())
    found = {"authors index": urls.authors_index()}
    if people.authors:
        found["authors initial"] = urls.authors_initial(initial_key(initial(people.authors[0].name)))
        busiest = max(people.authors, key=lambda p: len(p.notes))
        found["author"] = urls.author(busiest.slug)
    return found


FAMILY = Family("authors", ("authors index", "authors initial", "author"), plan, examples)
