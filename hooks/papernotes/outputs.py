"""Every generated file that is not a page: feeds, BibTeX files, notes.json, the browse index.

`plan_files` returns (site path, content) pairs in a fixed order; the hook writes each with
`File.generated`. Paths come from `urls`.
"""

from __future__ import annotations

from typing import Callable, Iterator

from . import bibtex, export, feeds, urls
from .searchindex import build_search_files
from .index import SiteIndex
from .model import Note
from .pages import NoteHtml, Settings


def plan_files(index: SiteIndex, settings: Settings, html_of: Callable[[Note], NoteHtml]) -> list[tuple[str, str]]:
    return list(_iter_files(index, settings, html_of))


def _commentary_html(html: NoteHtml) -> str:
    parts = []
    if html.ko:
        parts.append(f'<div lang="ko">{html.ko}</div>')
    if html.en:
        parts.append(f'<div lang="en">{html.en}</div>')
    return "\n".join(parts)


def _iter_files(index: SiteIndex, settings: Settings, html_of: Callable[[Note], NoteHtml]) -> Iterator[tuple[str, str]]:
    site_url = settings.site_url
    content = lambda n: _commentary_html(html_of(n))  # noqa: E731
    summary = lambda n: export.snippet(html_of(n).ko or html_of(n).en, 300)  # noqa: E731

    def page_url(note: Note) -> str | None:
        return urls.absolute(site_url, urls.note(note.slug)) if site_url else None

    entries: dict[str, str] = {}  # a note's BibTeX entry, made once for all.bib and each of its tags' files

    def bibliography(notes: tuple[Note, ...]) -> str:  # = bibtex.bibliography(notes, page_url)
        return "\n".join(entries.get(n.slug) or entries.setdefault(n.slug, bibtex.entry(n, page_url(n))) for n in notes)

    site_feed = feeds.FeedInfo(urls.feed(), settings.site_name, urls.home(), settings.site_name, site_url)
    yield urls.feed(), feeds.render_feed(site_feed, index.notes, index.tags, content, summary)
    yield urls.bibtex(), bibliography(index.notes)
    for tag in index.tags.tags:
        notes = index.by_tag.get(tag.slug, ())
        info = feeds.FeedInfo(urls.feed(tag.slug), f"{settings.site_name}: {tag.en} · {tag.ko}", urls.tag(tag.slug),
                              settings.site_name, site_url)
        yield urls.feed(tag.slug), feeds.render_feed(info, notes, index.tags, content, summary)
        yield urls.bibtex(tag.slug), bibliography(notes)
    yield urls.notes_json(), export.notes_json(index, settings.site_name, site_url)
    yield urls.browse_index(), export.browse_index(index)
    yield from export.browse_snippets(index, lambda n: (html_of(n).ko, html_of(n).en))
    if index.notes:
        yield from build_search_files(index.notes, index.tags, lambda n: (html_of(n).ko, html_of(n).en))
