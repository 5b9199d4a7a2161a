"""Every generated file that is not a page: feeds, BibTeX files, notes.json, the browse index,
the search index.

`plan_files` returns (site path, content) pairs in a fixed order; paths come from `urls`.
`write_files` writes them straight into the site folder. None of them is a page, so MkDocs
has nothing to do with them, and on big sites the build runs `write_files` in a forked process
(`Build.start_exports`) while MkDocs renders the theme: they are a pure function of the notes, and
at 10,000 notes they are ~8 s of work and ~100 MB of text the MkDocs process never holds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

from papernotes.outputs import bibtex

from papernotes.markup import snippet
from papernotes.outputs import browse, csl_json, markdown_copy, notes_json, reading_list, ris
from papernotes.outputs.previews import preview_files
from papernotes.catalog.links import LinkGraph, build_links

from papernotes.outputs import atom as feeds

from papernotes.catalog import urls
from papernotes.outputs.search_index import build_search_files
from papernotes.catalog.index import SiteIndex
from papernotes.catalog.people import People
from papernotes.model import Note
from papernotes.config import Settings
from papernotes.markup import NoteHtml


SUMMARY = 160
"""Characters of commentary in a tag's or an author's feed entry (as on tag pages): a note is in
the feeds of all its tags and authors, so each copy is kept short; the link has the rest."""

AUTHOR_FEED_SIZE = 10
"""Entries in an author's feed (summaries only: a note is in each of its authors' feeds)."""


def plan_files(index: SiteIndex, settings: Settings, html_of: Callable[[Note], NoteHtml],
               people: People | None = None, graph: LinkGraph | None = None) -> list[tuple[str, str]]:
    """`graph`: the build's link graph when the pages have made it already (else made here)."""
    return list(iter_files(index, settings, html_of, people, graph))


def iter_files(index: SiteIndex, settings: Settings, html_of: Callable[[Note], NoteHtml],
               people: People | None = None, graph: LinkGraph | None = None) -> Iterator[tuple[str, str]]:
    """`plan_files` one file at a time, for `write_files`: a build never holds every file's text
    at once (at 10,000 notes that is hundreds of MB in the exports writer)."""
    return _iter_files(index, settings, html_of, people, graph)


def _commentary_html(html: NoteHtml) -> str:
    parts = []
    if html.ko:
        parts.append(f'<div lang="ko">{html.ko}</div>')
    if html.en:
        parts.append(f'<div lang="en">{html.en}</div>')
    return "\n".join(parts)


def _iter_files(index: SiteIndex, settings: Settings, html_of: Callable[[Note], NoteHtml],
                people: People | None, graph: LinkGraph | None = None) -> Iterator[tuple[str, str]]:
    site_url = settings.site_url
    content = lambda n: _commentary_html(html_of(n))
    summaries: dict[str, str] = {}  # a note is in the site's, its tags' and its authors' feeds

    def summary(note: Note) -> str:
        found = summaries.get(note.slug)
        if found is None:
            found = summaries[note.slug] = snippet(html_of(note).ko or html_of(note).en, SUMMARY)
        return found

    def page_url(note: Note) -> str | None:
        return urls.absolute(site_url, urls.note(note.slug)) if site_url else None

    entries: dict[str, str] = {}  # a note's BibTeX entry, made once for all.bib and each of its tags' files

    def entry_of(note: Note) -> str:
        return entries.get(note.slug) or entries.setdefault(note.slug, bibtex.entry(note, page_url(note)))

    def bibliography(notes: tuple[Note, ...]) -> str:
        return bibtex.bibliography(notes, entry_of)

    records: dict[str, str] = {}  # the same memo for RIS records and CSL items
    csl_items: dict[str, dict[str, object]] = {}

    def record_of(note: Note) -> str:
        return records.get(note.slug) or records.setdefault(note.slug, ris.record(note, page_url(note)))

    def item_of(note: Note) -> dict[str, object]:
        return csl_items.get(note.slug) or csl_items.setdefault(note.slug, csl_json.item(note, page_url(note)))

    def other_formats(owner: str, notes: tuple[Note, ...]) -> Iterator[tuple[str, str]]:
        """RIS and CSL-JSON for one note, tag or author (beside its BibTeX)."""
        yield urls.references("ris", owner), ris.bibliography(notes, record_of)
        yield urls.references("csl", owner), csl_json.items(notes, item_of)

    site_feed = feeds.FeedInfo(urls.feed(), settings.site_name, urls.home(), settings.site_name, site_url)
    yield urls.feed(), feeds.render_feed(site_feed, index.notes, index.tags, content, summary)
    # The whole site in BibTeX (and in notes.json); RIS and CSL-JSON come per note, tag and
    # author only: site-wide copies were 1.2 kB per note of output for what the BibTeX file
    # already gives a reference manager in one download (issue 24).
    yield urls.bibtex(), bibliography(index.notes)
    for note in index.notes:
        yield from other_formats(urls.note_folder(note.slug), (note,))
    for tag in index.tags.tags:
        notes = index.by_tag.get(tag.slug, ())
        info = feeds.FeedInfo(urls.feed(tag.slug), f"{settings.site_name}: {tag.en} · {tag.ko}", urls.tag(tag.slug),
                              settings.site_name, site_url)
        yield urls.feed(tag.slug), feeds.render_feed(info, notes, index.tags, None, summary, feeds.TAG_FEED_SIZE)
        yield urls.bibtex(tag.slug), bibliography(notes)
        yield from other_formats(urls.tag_folder(tag.slug), notes)  # files, so a reference manager can fetch them by URL
    for author in people.authors if people is not None else ():
        info = feeds.FeedInfo(urls.author_feed(author.slug), f"{settings.site_name}: {author.name}", urls.author(author.slug),
                              settings.site_name, site_url)
        yield urls.author_feed(author.slug), feeds.render_feed(info, author.notes, index.tags, None, summary, AUTHOR_FEED_SIZE)
        yield urls.author_bibtex(author.slug), bibliography(author.notes)
        yield from other_formats(urls.author_folder(author.slug), author.notes)
    yield from markdown_copy.copies(index.notes, site_url)
    counts = {slug: len(notes) for slug, notes in index.by_tag.items()}
    yield urls.llms_txt(), markdown_copy.render_llms_txt(settings.site_name, site_url, index.notes, index.tags, counts)
    if graph is None:
        graph = build_links(index, lambda n: zip(NoteHtml._fields, html_of(n)))
    yield urls.notes_json(), notes_json.notes_json(index, settings.site_name, site_url, graph)
    yield urls.browse_index(), browse.browse_index(index)
    yield from browse.browse_snippets(index, lambda n: (html_of(n).ko, html_of(n).en))
    yield from preview_files(index.notes, index.tags, html_of)
    yield from reading_list.reading_list_files(index)
    if index.notes:
        def author_page(name: str) -> str | None:
            party = people.author(name) if people is not None else None
            return party.slug if party is not None else None

        yield from build_search_files(index.notes, index.tags, lambda n: (html_of(n).ko, html_of(n).en), index.glossary,
                                      author_page)


class FileClash(Exception):
    """A file of docs/ would be overwritten by a generated file."""


def write_files(site_dir: Path, files: Iterable[tuple[str, str]], taken: set[str]) -> int:
    """Write each (path, content) under `site_dir`; `taken` holds the paths docs/ files are
    copied to, which a generated file must not overwrite (FileClash). Returns the count.
    Search term files are named by their content, so ones a previous `--dirty` build left are removed."""
    count = 0
    terms_dir = urls.search_terms_dir() + "/"
    terms: set[str] = set()
    folders: set[Path] = set()  # made already: most files share a folder with others (a tag's feed and references)
    for path, content in files:
        if path in taken:
            raise FileClash(f"docs/{path} collides with the generated file {path}; rename or remove it")
        target = site_dir / path
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        target.write_text(content, encoding="utf-8")
        if path.startswith(terms_dir):
            terms.add(target.name)
        count += 1
    folder = site_dir / terms_dir
    if folder.is_dir():
        for stale in folder.iterdir():
            if stale.name not in terms:
                stale.unlink()
    return count
