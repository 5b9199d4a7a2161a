"""The browse page's files: the compact index its tag filter reads (`browse/index.json`) and
the commentary excerpts of its rows (`browse/snippets/<n>.json`); and the rows its HTML starts
with (`first_rows`), so the list is there before any script runs."""

from __future__ import annotations

import json
from typing import Callable

from papernotes.markup import glue_endings, snippet
from papernotes.model import Note
from papernotes.catalog import urls
from papernotes.catalog.index import SiteIndex

SNIPPET_CHARS = 140
"""Length of the commentary excerpt in the browse index, per language."""
SNIPPET_SHARD = 25
"""Notes per `browse/snippets/<n>.json` file; the browse page loads only the files its rows need."""
PAGE_ROWS = 50
"""Rows the browse page lists at first and adds per "Show more". The first ones (newest notes,
no tag selected) are in its HTML; the filter script keeps them while no tag is selected."""


def excerpts(commentary: tuple[str, str]) -> tuple[str, str]:
    """(ko, en) excerpts of a note's commentary HTML; the page shows `ko or en` and `en or ko`."""
    ko, en = commentary
    return glue_endings(snippet(ko, SNIPPET_CHARS)), snippet(en, SNIPPET_CHARS)  # a card's Korean, as the page's


def first_rows(index: SiteIndex, commentary: Callable[[Note], tuple[str, str]]) -> list[tuple[Note, str, str]]:
    """(note, ko excerpt, en excerpt) of the rows the browse page shows before a tag is picked:
    the first PAGE_ROWS notes of `browse_index`'s order, each excerpt falling back to the other
    language as the filter script does."""
    rows = []
    for note in index.notes[:PAGE_ROWS]:
        ko, en = excerpts(commentary(note))
        rows.append((note, ko or en, en or ko))
    return rows


def year_counts(index: SiteIndex) -> list[tuple[int, int]]:
    """(year, notes) of every year that has notes, newest first: the browse page's year options.
    No data file of its own: the filter script counts them again, for the chosen tags, from the
    dates `browse_index` already carries."""
    return [(year, index.count_in(year)) for year in index.years()]


def browse_index(index: SiteIndex) -> str:
    """The filter's index: `{"note": url template, "tag": url template, "snippets": url template,
    "shard": notes per snippet file, "tags": [[slug, ko, en(, [aliases])]], "notes": [[slug, title,
    date, [tag numbers]]]}`, notes newest first, URLs relative to the site root. A tag's aliases
    (`data/tags.yml`: `rm` for `reward-model`) are found by the finder as its slug is."""
    numbers = {t.slug: i for i, t in enumerate(index.tags.tags)}
    doc = {
        "note": urls.src_to_url(urls.note("{slug}")),
        "tag": urls.src_to_url(urls.tag("{slug}")),
        "snippets": urls.browse_snippets("{n}"),
        "shard": SNIPPET_SHARD,
        "tags": [[t.slug, t.ko, t.en, *([list(t.aliases)] if t.aliases else [])] for t in index.tags.tags],
        "notes": [[n.slug, n.title, n.date.isoformat(), [numbers[t] for t in n.tags]] for n in index.notes],
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def browse_snippets(index: SiteIndex, commentary: Callable[[Note], tuple[str, str]]) -> list[tuple[str, str]]:
    """(path, JSON) of the commentary excerpt files: file n holds `[[ko, en]]` for notes
    n*SNIPPET_SHARD ... of `browse_index`'s order. Separate, small files: the filter works before
    any arrive, and a page of results needs one or a few."""
    files = []
    for start in range(0, len(index.notes), SNIPPET_SHARD):
        rows = [list(excerpts(commentary(note))) for note in index.notes[start: start + SNIPPET_SHARD]]
        files.append((urls.browse_snippets(start // SNIPPET_SHARD), json.dumps(rows, ensure_ascii=False, separators=(",", ":"))))
    return files
