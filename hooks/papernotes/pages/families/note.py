"""Note pages: one per published note, with its paper's links, commentary, related notes, its
links to and from other notes (`pages/links.py`) and BibTeX; the head carries the paper's Highwire `citation_*` tags (`outputs.citation`)."""

from __future__ import annotations

from functools import partial
from typing import Iterator

from papernotes.markup import snippet
from papernotes.model import Note
from papernotes.outputs import bibtex, citation, markdown_copy
from papernotes.pages import meta
from papernotes.pages.context import Family, PageContext, PlannedPage, cited
from papernotes.pages.meta import PageMeta
from papernotes.pages.problems import add_banner, draft_notice
from papernotes.catalog import urls
from papernotes.catalog.index import SiteIndex

SCRIPTS = ("assets/copy.js",)


def render_note_page(ctx: PageContext, note: Note) -> str:
    here = urls.note(note.slug)
    ctx.links.enter(urls.linker(here))
    related = ctx.related_to(note)
    return ctx.render("note.html", here, note=note, html=ctx.html_of(note, on_its_page=True),
                      related=related, bibtex=bibtex.entry(note, ctx.page_url(here), forms=ctx.people.forms),
                      references=ctx.references((note,), listed=False),
                      neighbourhood=partial(ctx.links.render_note_links, note, related))


def note_key(ctx: PageContext, note: Note) -> tuple:
    """What `render_note_page` and `note_meta` read beyond the note: its links, its related
    notes, its lineage both ways, its backlinks with their sentences and its map's notes (and,
    through `card_key`, which of its authors are organisations or have a declared family name:
    its citation tags and BibTeX)."""
    links = ctx.links
    related = ctx.related_to(note)
    lineage = tuple((field, tuple((p.arxiv, cited(p.note) if p.note is not None else None) for p in papers),
                     tuple(cited(n) for n in listers)) for field, _, papers, _, listers in links.lineage(note))
    backlinks = tuple((cited(b.source), tuple(sorted(b.sentences.items()))) for b in links.graph.backlinks.get(note.slug, ()))
    nodes = tuple((other.slug, relation, other.title) for other, relation, _ in links.around(note, related))
    return (ctx.card_key(note), tuple(cited(n) for n in related), lineage, backlinks, nodes)


def note_meta(ctx: PageContext, note: Note) -> PageMeta:
    parts = ctx.html.note_html(note)
    first, second = ("ko", "en") if ctx.settings.default_lang == "ko" else ("en", "ko")
    text = ""
    for field in (first, second, "abstract"):
        text = snippet(str(getattr(parts, field)), meta.DESCRIPTION_LIMIT)
        if text:
            break
    return PageMeta(title=meta.plain(note.title), description=text or meta.plain(note.title), type="article",
                    published=note.date.isoformat(), tags=note.tags, citation=citation.highwire(note, ctx.people.forms))


def plan(ctx: PageContext) -> Iterator[PlannedPage]:
    for note in ctx.index.notes:
        here = urls.note(note.slug)
        copy = {"rel": "alternate", "type": "text/markdown", "title": "Markdown", "href": markdown_copy.copy_href(here, note.slug)}
        yield PlannedPage(here, note.title, "note", partial(render_note_page, ctx, note), shows=(note.slug, *ctx.links.shows(note)),
                          source=note.source, meta=partial(note_meta, ctx, note), scripts=SCRIPTS, head=(copy,),
                          key=partial(note_key, ctx, note))


def draft_previews(ctx: PageContext, drafts: tuple[Note, ...], taken: set[str]) -> list[PlannedPage]:
    """Under serve: each `draft: true` note's page at its URL, as it will look, under a notice that
    it is a draft (a writer could not see an imported draft before publishing it). Nothing else
    lists it: it is in no index, feed or search. `taken`: the planned URLs, casefolded."""
    pages = []
    for note in drafts:
        here = urls.note(note.slug)
        if here.casefold() in taken:
            continue
        taken.add(here.casefold())
        pages.append(PlannedPage(here, note.title, "note", partial(_draft_preview, ctx, note), source=note.source, scripts=SCRIPTS))
    return pages


def _draft_preview(ctx: PageContext, note: Note) -> str:
    return add_banner(render_note_page(ctx, note), draft_notice())


def examples(index: SiteIndex) -> dict[str, str]:
    return {"note": urls.note(index.notes[0].slug)} if index.notes else {}


FAMILY = Family("note", ("note",), plan, examples)
