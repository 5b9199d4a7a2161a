"""`notes.json`: every field of every note, documented in the README ("notes.json")."""

from __future__ import annotations

import json

from papernotes.model import Note
from papernotes.site import urls
from papernotes.site.index import SiteIndex
from papernotes.site.links import LinkGraph

SCHEMA = "papernotes.notes/1"
"""Bumped when a field of `notes.json` changes meaning or disappears (adding fields keeps it)."""


def _mentions(note: Note, graph: LinkGraph | None) -> list[dict[str, str | None]]:
    """What the note's text mentions, in order: each paper's arXiv id (when known) and its note's slug (when any)."""
    if graph is None:
        return []
    return [{"arxiv": t[len("arxiv:"):], "note": None} if t.startswith("arxiv:") else {"arxiv": graph.arxiv_of.get(t), "note": t}
            for t in graph.outgoing.get(note.slug, ())]


def _note_record(note: Note, index: SiteIndex, site_url: str | None, graph: LinkGraph | None = None) -> dict[str, object]:
    link = lambda to: urls.link(site_url, urls.notes_json(), to)  # noqa: E731
    links: dict[str, str | None] = {"page": link(urls.note(note.slug))}
    if note.arxiv:
        links.update(arxiv_abs=urls.arxiv_abs(note.arxiv), arxiv_pdf=urls.arxiv_pdf(note.arxiv),
                     huggingface=urls.hf_paper(note.arxiv))
    return {
        "slug": note.slug, "title": note.title, "authors": list(note.authors),
        "date": note.date.isoformat(), "published": note.published.isoformat() if note.published else None,
        "tags": list(note.tags), "arxiv": note.arxiv, "paper_url": note.url, "code": note.code, "org": note.org,
        "builds_on": list(note.builds_on), "compares_with": list(note.compares_with),
        "mentions": _mentions(note, graph),
        "abstract": note.abstract, "ko": note.ko, "en": note.en, "links": links,
    }


def notes_json(index: SiteIndex, site_name: str, site_url: str | None, graph: LinkGraph | None = None) -> str:
    """The `notes.json` document: notes newest first, tags by slug; `graph` gives each note's mentions."""
    link = lambda to: urls.link(site_url, urls.notes_json(), to)  # noqa: E731
    doc = {
        "schema": SCHEMA,
        "site_name": site_name,
        "site_url": site_url,
        "count": len(index.notes),
        "tags": [{"slug": t.slug, "ko": t.ko, "en": t.en, "description": t.description_en, "description_ko": t.description_ko,
                  "count": len(index.by_tag.get(t.slug, ())), "page": link(urls.tag(t.slug)),
                  "feed": link(urls.feed(t.slug)), "bibtex": link(urls.bibtex(t.slug))} for t in index.tags.tags],
        "notes": [_note_record(n, index, site_url, graph) for n in index.notes],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
