"""`notes.json`: every field of every note, for scripts and other sites (described in DEVELOPING.md, "notes.json").

The fields come from `schema.FIELDS` and `schema.SECTIONS`: a field added to the schema appears
here under its own name, after the others, with no edit to this module. `KEYS` only says where
a field is placed, renamed or left out, and a test fails naming any field it does not mention.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Iterator

from papernotes.model import Note, Tag, TagRegistry
from papernotes.schema import FIELDS, SECTIONS
from papernotes.catalog import urls
from papernotes.catalog.index import SiteIndex, build_index
from papernotes.catalog.links import LinkGraph

SCHEMA = "papernotes.notes/1"
"""Bumped when a field of `notes.json` changes meaning or disappears (adding fields keeps it)."""

KEYS: dict[str, str | None] = {
    "title": "title", "authors": "authors", "date": "date", "published": "published", "tags": "tags",
    "arxiv": "arxiv",
    "url": "paper_url",  # `url` alone would read as the note page's own address (that is `links.page`)
    "code": "code", "org": "org",
    "builds_on": "builds_on", "compares_with": "compares_with",
    "draft": None,  # notes.json lists published notes only, so it would always be false
}
"""Schema field -> its key in a note's record (None: left out), in the order the record lists them."""

_ORDER = [name for name in KEYS if KEYS[name]] + [f.name for f in FIELDS if f.name not in KEYS]


def _value(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    return list(value) if isinstance(value, tuple) else value  # type: ignore[arg-type]


def _mentions(note: Note, graph: LinkGraph | None) -> list[dict[str, str | None]]:
    """What the note's text mentions, in order: each paper's arXiv id (when known) and its note's slug (when any)."""
    if graph is None:
        return []
    return [{"arxiv": t[len("arxiv:"):], "note": None} if t.startswith("arxiv:") else {"arxiv": graph.arxiv_of.get(t), "note": t}
            for t in graph.outgoing.get(note.slug, ())]


def _note_record(note: Note, index: SiteIndex, site_url: str | None, graph: LinkGraph | None = None) -> dict[str, object]:
    link = lambda to: urls.link(site_url, urls.notes_json(), to)
    links: dict[str, str | None] = {"page": link(urls.note(note.slug))}
    if note.arxiv:
        links.update(arxiv_abs=urls.arxiv_abs(note.arxiv), arxiv_pdf=urls.arxiv_pdf(note.arxiv),
                     huggingface=urls.hf_paper(note.arxiv))
    record: dict[str, object] = {"slug": note.slug}
    record.update((KEYS.get(name) or name, _value(getattr(note, name))) for name in _ORDER)
    record["mentions"] = _mentions(note, graph)
    record.update((s.key, getattr(note, s.key)) for s in SECTIONS)
    record["links"] = links
    return record


def notes_json(index: SiteIndex, site_name: str, site_url: str | None, graph: LinkGraph | None = None) -> str:
    """The `notes.json` document: notes newest first, tags by slug; `graph` gives each note's mentions."""
    return "".join(notes_json_parts(index, site_name, site_url, graph))


NOTES_PER_PART = 500


def notes_json_parts(index: SiteIndex, site_name: str, site_url: str | None,
                     graph: LinkGraph | None = None) -> Iterator[str]:
    """`notes_json` in parts, `NOTES_PER_PART` notes each, for writing it without the whole
    text in memory (about 100 MB as a Python string at 30,000 notes, with its records and its
    encoded bytes beside it): the same text, the header's fields and each record dumped alone."""
    link = lambda to: urls.link(site_url, urls.notes_json(), to)
    head = {
        "schema": SCHEMA,
        "site_name": site_name,
        "site_url": site_url,
        "count": len(index.notes),
        "tags": [{"slug": t.slug, "ko": t.ko, "en": t.en, "description": t.description_en, "description_ko": t.description_ko,
                  "count": len(index.by_tag.get(t.slug, ())), "page": link(urls.tag(t.slug)),
                  "feed": link(urls.feed(t.slug)), "bibtex": link(urls.bibtex(t.slug))} for t in index.tags.tags],
    }
    # Compact: the indentation was a sixth of the file, which a reader's script downloads whole.
    dump = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
    yield dump(head)[:-1] + ',"notes":['
    notes = index.notes
    for start in range(0, len(notes), NOTES_PER_PART):
        part = ",".join(dump(_note_record(n, index, site_url, graph)) for n in notes[start:start + NOTES_PER_PART])
        yield ("," if start else "") + part
    yield "]}\n"


def read_index(doc: dict) -> SiteIndex:
    """A `SiteIndex` back from a parsed `notes.json` (the page audit picks its example pages
    with it from a built site, through `pages.registry.examples`). Notes carry `notes.json` as
    their source; their commentaries and abstracts are the Markdown the site published."""
    tags = tuple(Tag(slug=t["slug"], ko=t["ko"], en=t["en"], description_en=t.get("description") or "",
                     description_ko=t.get("description_ko") or "") for t in doc["tags"])
    registry = TagRegistry(tags=tags, lookup={t.slug: t.slug for t in tags}, by_slug={t.slug: t for t in tags})
    day = dt.date.fromisoformat
    notes = tuple(Note(title=n["title"], authors=tuple(n["authors"]), date=day(n["date"]), tags=tuple(n["tags"]),
                       arxiv=n.get("arxiv"), url=n.get("paper_url"), code=n.get("code"), org=n.get("org"),
                       published=day(n["published"]) if n.get("published") else None, abstract=n.get("abstract") or "",
                       ko=n.get("ko") or "", en=n.get("en") or "", slug=n["slug"], source=urls.notes_json())
                  for n in doc["notes"])
    return build_index(notes, registry)
