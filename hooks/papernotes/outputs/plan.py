"""Every generated file that is not a page: feeds, BibTeX files, notes.json, the browse index,
the search index.

`plan_files` returns (site path, content) pairs in a fixed order; paths come from `urls`.
`write_groups` writes them straight into the site folder. None of them is a page, so MkDocs
has nothing to do with them, and on big sites the build runs `write_groups` in a forked process
(`Build.start_exports`) while MkDocs renders the theme: they are a pure function of the notes, and
at 10,000 notes they are ~8 s of work and ~100 MB of text the MkDocs process never holds.

`iter_groups` gives the same files grouped by what they show (`ExportGroup`): one note's
(its Markdown copy, preview card), one tag's or one author's (feed and
bibliographies), or one whole-site file. A plain `mkdocs serve` rebuild renders only the groups
whose key changed and moves the others back from the previous output (`session.Build`), so
a save costs its note's files plus the whole-site ones (feeds, `notes.json`, search index).
"""

from __future__ import annotations

import json
import os
import posixpath
from pathlib import Path
from functools import partial
from typing import Callable, Iterable, Iterator, NamedTuple

from papernotes.outputs import bibtex, citation

from papernotes.markup import snippet
from papernotes.outputs import browse, csl_json, markdown_copy, notes_json, reading_list, ris
from papernotes.outputs.previews import preview_cards
from papernotes.pages import links as link_pages
from papernotes.catalog.links import LinkGraph, build_links

from papernotes.outputs import atom as feeds

from papernotes.catalog import urls
from papernotes.outputs.search_index import iter_search_files
from papernotes.catalog.index import SiteIndex
from papernotes.catalog.people import People, name_forms
from papernotes.model import Note
from papernotes.source.authors import AuthorsFile
from papernotes.config import Settings
from papernotes.markup import NoteHtml, without_joiners, without_nobreaks
from papernotes.markup_links import LinkResolver


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
    """`plan_files` one file at a time: a build never holds every file's text
    at once (at 10,000 notes that is hundreds of MB in the exports writer)."""
    return _iter_files(index, settings, html_of, people, graph)


class ExportGroup(NamedTuple):
    """Files that depend on the same inputs: one note's, one tag's or one author's, or one
    whole-site file. A serve rebuild writes a group again only when its `key` changed."""

    paths: tuple[str, ...]
    """Where its files go (site-relative), in the order `make` yields them."""
    key: object
    """What its files show, beyond the settings and data files every file depends on (equal
    keys: the same files); None for whole-site files, which every build writes."""
    make: Callable[[], Iterator[tuple[str, str | Iterable[str]]]]
    """Its (path, content) pairs, computed when called; a big file's content may come in parts
    (`notes.json`), written one after another (`iter_files` joins them)."""
    folder: str = ""
    """For a group whose files are named by their content or number (the search index, shards;
    `paths` is empty): the folder that holds them and nothing else. A serve rebuild serves the
    previous build's folder until the group is written, then removes what it did not write."""


def iter_groups(index: SiteIndex, settings: Settings, html_of: Callable[[Note], NoteHtml],
                people: People | None = None, graph: LinkGraph | None = None) -> Iterator[ExportGroup]:
    """Every file of `iter_files`, in the same order, grouped by what they depend on. Nothing is
    rendered until a group's `make` is called, so listing the groups costs little."""
    return _iter_groups(index, settings, html_of, people, graph)


def _commentary_html(html: NoteHtml) -> str:
    """A feed entry's content: both commentaries, without the word joiners that keep a Korean
    ending on a page's line (`markup.glue_endings`): a feed reader lays out the text itself, and
    the joiner would be copied with it; nor the spans that keep a Korean word's hyphen on its line
    (`markup.keep_hyphens`), which mean nothing without the site's stylesheet."""
    parts = []
    if html.ko:
        parts.append(f'<div lang="ko">{html.ko}</div>')
    if html.en:
        parts.append(f'<div lang="en">{html.en}</div>')
    return without_nobreaks(without_joiners("\n".join(parts)))


def _iter_files(index: SiteIndex, settings: Settings, html_of: Callable[[Note], NoteHtml],
                people: People | None, graph: LinkGraph | None = None) -> Iterator[tuple[str, str]]:
    for group in _iter_groups(index, settings, html_of, people, graph):
        for path, content in group.make():
            yield path, content if isinstance(content, str) else "".join(content)


def _one(path: str, make: Callable[[], str | Iterable[str]], key: object = None) -> ExportGroup:
    return ExportGroup((path,), key, lambda: iter(((path, make()),)))


def _iter_groups(index: SiteIndex, settings: Settings, html_of: Callable[[Note], NoteHtml],
                 people: People | None, graph: LinkGraph | None = None) -> Iterator[ExportGroup]:
    site_url = settings.site_url
    if graph is None:
        graph = build_links(index, html_of)
    # In the site's feed a note's links to other notes (`../other/`, `other.md`) and its mentions
    # of noted papers lead to those notes from the feed's own URL, as on the pages (written as
    # the note has them, `../other/` led outside the site from /feed.xml).
    to_note = LinkResolver(graph.by_arxiv, graph.slugs, lambda s: urls.link(site_url, urls.feed(), urls.note(s)),
                           to_site=lambda path: urls.link(site_url, urls.feed(), path))
    content = lambda n: _commentary_html(NoteHtml(*(to_note.resolve(part) for part in html_of(n))))
    summaries: dict[str, str] = {}  # a note is in the site's, its tags' and its authors' feeds

    def commentary_of(note: Note) -> tuple[str, str]:
        html = html_of(note)
        return html.ko, html.en

    def summary(note: Note) -> str:
        found = summaries.get(note.slug)
        if found is None:
            html = html_of(note)
            found = summaries[note.slug] = snippet(html.ko or html.en, SUMMARY)
        return found

    def page_url(note: Note) -> str | None:
        return urls.absolute(site_url, urls.note(note.slug)) if site_url else None

    # A note's BibTeX entry, RIS record and CSL item, each made once (as text: a dict per note
    # was ~3 kB, ~90 MB at 30,000 notes) for its own files and every tag's and author's file it is
    # in. Those files list a large team's first authors only (`citation.LISTED_AUTHORS`): such a
    # note has a second, shorter entry for them, keyed `<slug>\0` (keyed by the slug itself, the
    # others cost no new string).
    entries: dict[str, str] = {}
    records: dict[str, str] = {}
    csl_items: dict[str, str] = {}

    def memo(found: dict[str, str], make: Callable[[Note, str | None, bool], str], listed: bool) -> Callable[[Note], str]:
        def of(note: Note) -> str:
            short = listed and len(note.authors) > citation.LISTED_AUTHORS
            key = note.slug + "\0" if short else note.slug
            return found.get(key) or found.setdefault(key, make(note, page_url(note), short))
        return of

    # Organisations written as authors and declared family names (`names.NameForms`).
    forms = people.forms if people is not None else name_forms(index.notes, AuthorsFile())
    entry, record, item_line = (partial(make, forms=forms) for make in (bibtex.entry, ris.record, csl_json.item_line))
    entry_of, listed_entry_of = memo(entries, entry, False), memo(entries, entry, True)
    listed_record_of, listed_item_of = memo(records, record, True), memo(csl_items, item_line, True)
    marks = {n.slug: m for n in index.notes if (m := forms.marks(n.authors))}

    def marked(notes: tuple[Note, ...]) -> tuple:
        """What `forms` changes in these notes' files (a key's part: usually empty)."""
        return tuple((n.slug, marks[n.slug]) for n in notes if n.slug in marks) if marks else ()

    def bibliography(notes: tuple[Note, ...]) -> str:
        return bibtex.bibliography(notes, entry_of)

    def other_paths(owner: str) -> tuple[str, str]:
        return urls.references("ris", owner), urls.references("csl", owner)

    def other_formats(owner: str, notes: tuple[Note, ...]) -> Iterator[tuple[str, str]]:
        """RIS and CSL-JSON files for a tag or a big author (a large team's first authors)."""
        yield urls.references("ris", owner), ris.bibliography(notes, listed_record_of)
        yield urls.references("csl", owner), csl_json.items(notes, listed_item_of)

    site_feed = feeds.FeedInfo(urls.feed(), settings.site_name, urls.home(), settings.site_name, site_url)
    yield _one(urls.feed(), lambda: feeds.render_feed(site_feed, index.notes, index.tags, content, summary))
    # The whole site in BibTeX (and in notes.json); RIS and CSL-JSON come per note, tag and
    # author only: site-wide copies were 1.2 kB per note of output for what the BibTeX file
    # already gives a reference manager in one download (issue 24).
    yield _one(urls.bibtex(), lambda: bibliography(index.notes))
    # A note's RIS and CSL-JSON, and a small author's, are `data:` links in its page
    # (`urls.references_inline`): no files here.

    def shelf(feed: str, bib: str, owner: str, title: str, page: str, notes: tuple[Note, ...], limit: int,
              key: object, references: bool = True) -> ExportGroup:
        """A tag's, an author's or a lab's feed (summaries: a note is in each of its tags' and authors'
        feeds) and bibliography files, which show its newest notes; `references`: with its RIS
        and CSL-JSON files."""
        info = feeds.FeedInfo(feed, f"{settings.site_name}: {title}", page, settings.site_name, site_url)

        def make() -> Iterator[tuple[str, str]]:
            yield feed, feeds.render_feed(info, notes, index.tags, None, summary, limit)
            yield bib, bibtex.bibliography(notes, listed_entry_of)
            if references:
                yield from other_formats(owner, notes)

        return ExportGroup((feed, bib, *(other_paths(owner) if references else ())), key, make)

    for tag in index.tags.tags:
        notes = index.by_tag.get(tag.slug, ())
        yield shelf(urls.feed(tag.slug), urls.bibtex(tag.slug), urls.tag_folder(tag.slug), f"{tag.en} · {tag.ko}",
                    urls.tag(tag.slug), notes, feeds.TAG_FEED_SIZE, ("tag", tag, notes, marked(notes)))
    for author in people.authors if people is not None else ():
        yield shelf(urls.author_feed(author.slug), urls.author_bibtex(author.slug), urls.author_folder(author.slug),
                    author.name, urls.author(author.slug), author.notes, AUTHOR_FEED_SIZE,
                    ("author", author.name, author.notes, marked(author.notes)),
                    references=not urls.references_inline(len(author.notes)))
    # A lab's: few (one per organisation the notes name), so its RIS and CSL-JSON are files.
    for lab in people.orgs if people is not None else ():
        yield shelf(urls.lab_feed(lab.slug), urls.lab_bibtex(lab.slug), urls.lab_folder(lab.slug),
                    lab.name, urls.lab(lab.slug), lab.notes, AUTHOR_FEED_SIZE, ("lab", lab.name, lab.notes, marked(lab.notes)))

    def forget() -> Iterator[tuple[str, str]]:
        """The feeds and bibliographies are written: what they shared is no longer needed by
        the files below, and the search index, the writer's largest, comes last (~150 MB at
        30,000 notes with long commentaries). A file that asked again would only remake it."""
        for found in (summaries, entries, records, csl_items):
            found.clear()
        return iter(())

    yield ExportGroup((), None, forget)
    yield _one("notes/sitemap.xml", lambda: markdown_copy.NOTES_SITEMAP, "sitemap")
    copy_links: dict[str, str] = {}  # every copy is in notes/: a link to a note is the same from each

    def copy_link(slug: str) -> str | None:
        if slug not in graph.slugs:
            return None
        found = copy_links.get(slug)
        if found is None:
            found = copy_links[slug] = urls.link(site_url, markdown_copy.copy_path(slug), urls.note(slug))
        return found

    def site_link(path: str) -> str:  # every copy is in notes/, one folder below the root
        return site_url.rstrip("/") + "/" + path if site_url else "../" + path

    for note in index.notes:
        yield _one(markdown_copy.copy_path(note.slug),
                   partial(markdown_copy.render_copy, note, page_url(note), copy_link, site_link),
                   ("copy", note, graph.outgoing.get(note.slug, ())))  # and which of the notes it links exist
    counts = {slug: len(notes) for slug, notes in index.by_tag.items()}
    yield _one(urls.llms_txt(), lambda: markdown_copy.render_llms_txt(settings.site_name, site_url, index.notes, index.tags,
                                                                       counts))
    yield _one(urls.notes_json(), lambda: notes_json.notes_json_parts(index, settings.site_name, site_url, graph))
    # The papers the waiting page lists, each with the number of notes that mention it or build on
    # it: a pasted arXiv id without a note links there from the search box's "no note yet", saying
    # how many notes do (loaded only then: engine.wantedPapers).
    wanted = tuple((u.arxiv, len(u.by)) for u in graph.unnoted[:link_pages.WANTED_PAPERS])
    yield _one(urls.wanted_papers(), lambda: json.dumps(dict(wanted), separators=(",", ":")), ("wanted", wanted))
    yield _one(urls.browse_index(), lambda: browse.browse_index(index))
    yield ExportGroup((), None, lambda: browse.browse_snippets(index, commentary_of),
                      posixpath.dirname(urls.browse_snippets(0)))
    shared: dict[str, list[Note]] = {}
    for note in index.notes:
        shared.setdefault(urls.preview_file(note.slug), []).append(note)
    for path, notes in shared.items():
        yield _one(path, partial(lambda ns: preview_cards(ns, html_of, index.tags), notes), ("previews", tuple(notes)))
        # The same notes' BibTeX entries, as papernotes.bib has them, for My list's export (urls.cite_file).
        yield _one(urls.cite_file(notes[0].slug),
                   partial(lambda ns: json.dumps({n.slug: entry_of(n) for n in ns}, ensure_ascii=False, separators=(",", ":")), notes),
                   ("cite", tuple(notes), marked(tuple(notes))))

    def author_page(name: str) -> str | None:
        party = people.author(name) if people is not None else None
        return party.slug if party is not None else None

    yield ExportGroup((), None, lambda: reading_list.reading_list_files(index, author_page),
                      posixpath.dirname(urls.reading_list_index()))
    if index.notes:
        other_names = people.other_names if people is not None else (lambda name: ())
        yield ExportGroup((), None, lambda: iter_search_files(index.notes, index.tags, commentary_of, index.glossary,
                                                              author_page, lambda n: html_of(n).abstract, other_names),
                          posixpath.dirname(urls.search_meta()))


def _remove_all_but(folder: Path, keep: set[Path]) -> None:
    """Remove the files under `folder` that are not in `keep` (a previous build's, taken back)."""
    for stale in [p for p in folder.rglob("*") if p.is_file() and p not in keep]:
        stale.unlink()


class FileClash(Exception):
    """A file of docs/ would be overwritten by a generated file."""


def _write(target: Path, content: str | Iterable[str]) -> None:
    if isinstance(content, str):
        target.write_text(content, encoding="utf-8")
        return
    with target.open("w", encoding="utf-8") as out:
        for part in content:
            out.write(part)


def write_groups(site_dir: Path, groups: Iterable[ExportGroup], taken: set[str],
                 kept: Callable[[ExportGroup], bool] = lambda _: False) -> int:
    """Write each of `iter_groups`' groups under `site_dir`; `taken` holds the paths docs/ files
    are copied to, which a generated file must not overwrite (FileClash). Returns the count.
    Search term files are named by their content, so ones a previous `--dirty` build left are
    removed. `kept(group)` says whether the group's files are
    already in place, unchanged (a serve rebuild moved them back from the previous output);
    then its files are not rendered."""
    count = 0
    terms_dir = urls.search_terms_dir() + "/"
    terms: set[str] = set()
    folders: set[Path] = set()  # made already: most files share a folder with others (a tag's feed and references)
    for group in groups:
        clash = next((path for path in group.paths if path in taken), None)
        if clash is not None:
            raise FileClash(f"docs/{clash} collides with the generated file {clash}; rename or remove it")
        if group.paths and kept(group):
            count += len(group.paths)
            continue
        written = []
        for path, content in group.make():
            written.append(path)
            if path in taken:
                raise FileClash(f"docs/{path} collides with the generated file {path}; rename or remove it")
            target = site_dir / path
            if target.parent not in folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            if target.exists():  # the previous serve build's, served until replaced whole (session/kept.py)
                part = target.with_name(f".{target.name}.part")
                _write(part, content)
                os.replace(part, target)
            else:
                _write(target, content)
            if path.startswith(terms_dir):
                terms.add(target.name)
            count += 1
        if group.folder:
            _remove_all_but(site_dir / group.folder, {site_dir / path for path in written})
    folder = site_dir / terms_dir
    if folder.is_dir():
        for stale in folder.iterdir():
            if stale.name not in terms:
                stale.unlink()
    return count
