"""Machine-readable exports: `notes.json` (every field, documented in README "notes.json") and the
compact index the browse page filters (`browse/index.json`) and its commentary excerpts
(`browse/snippets/<n>.json`).
"""

from __future__ import annotations

import json
from typing import Callable

from markupsafe import Markup

from papernotes.site import urls
from papernotes.site.index import SiteIndex
from papernotes.model import Note

SCHEMA = "papernotes.notes/1"
"""Bumped when a field of `notes.json` changes meaning or disappears (adding fields keeps it)."""
SNIPPET_CHARS = 140
"""Length of the commentary excerpt in the browse index, per language."""
SNIPPET_SHARD = 25
"""Notes per `browse/snippets/<n>.json` file; the browse page loads only the files its rows need."""


def snippet(html: str, limit: int = SNIPPET_CHARS) -> str:
    """Plain text of sanitised HTML, cut at a word boundary near `limit` characters."""
    text = " ".join(Markup(html).striptags().split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,.;:") + "…"


def _note_record(note: Note, index: SiteIndex, site_url: str | None) -> dict[str, object]:
    link = lambda to: urls.link(site_url, urls.notes_json(), to)  # noqa: E731
    links: dict[str, str | None] = {"page": link(urls.note(note.slug))}
    if note.arxiv:
        links.update(arxiv_abs=urls.arxiv_abs(note.arxiv), arxiv_pdf=urls.arxiv_pdf(note.arxiv),
                     huggingface=urls.hf_paper(note.arxiv))
    return {
        "slug": note.slug, "title": note.title, "authors": list(note.authors),
        "date": note.date.isoformat(), "published": note.published.isoformat() if note.published else None,
        "tags": list(note.tags), "arxiv": note.arxiv, "paper_url": note.url, "code": note.code, "org": note.org,
        "abstract": note.abstract, "ko": note.ko, "en": note.en, "links": links,
    }


def notes_json(index: SiteIndex, site_name: str, site_url: str | None) -> str:
    """The `notes.json` document: notes newest first, tags by slug."""
    link = lambda to: urls.link(site_url, urls.notes_json(), to)  # noqa: E731
    doc = {
        "schema": SCHEMA,
        "site_name": site_name,
        "site_url": site_url,
        "count": len(index.notes),
        "tags": [{"slug": t.slug, "ko": t.ko, "en": t.en, "description": t.description,
                  "count": len(index.by_tag.get(t.slug, ())), "page": link(urls.tag(t.slug)),
                  "feed": link(urls.feed(t.slug)), "bibtex": link(urls.bibtex(t.slug))} for t in index.tags.tags],
        "notes": [_note_record(n, index, site_url) for n in index.notes],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def browse_index(index: SiteIndex) -> str:
    """The filter's index: `{"note": url template, "tag": url template, "snippets": url template,
    "shard": notes per snippet file, "tags": [[slug, ko, en]], "notes": [[slug, title, date,
    [tag numbers]]]}`, notes newest first, URLs relative to the site root."""
    numbers = {t.slug: i for i, t in enumerate(index.tags.tags)}
    doc = {
        "note": urls.src_to_url(urls.note("{slug}")),
        "tag": urls.src_to_url(urls.tag("{slug}")),
        "snippets": urls.browse_snippets("{n}"),
        "shard": SNIPPET_SHARD,
        "tags": [[t.slug, t.ko, t.en] for t in index.tags.tags],
        "notes": [[n.slug, n.title, n.date.isoformat(), [numbers[t] for t in n.tags]] for n in index.notes],
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def browse_snippets(index: SiteIndex, commentary: Callable[[Note], tuple[str, str]]) -> list[tuple[str, str]]:
    """(path, JSON) of the commentary excerpt files: file n holds `[[ko, en]]` for notes
    n*SNIPPET_SHARD ... of `browse_index`'s order. Separate, small files: the filter works before
    any arrive, and a page of results needs one or a few."""
    files = []
    for start in range(0, len(index.notes), SNIPPET_SHARD):
        rows = [[snippet(ko), snippet(en)] for ko, en in map(commentary, index.notes[start: start + SNIPPET_SHARD])]
        files.append((urls.browse_snippets(start // SNIPPET_SHARD), json.dumps(rows, ensure_ascii=False, separators=(",", ":"))))
    return files
