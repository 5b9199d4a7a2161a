"""The browse page's files: the compact index its tag filter reads (`browse/index.json`) and
the commentary excerpts of its rows (`browse/snippets/<n>.json`)."""

from __future__ import annotations

import json
from typing import Callable

from papernotes.markup import snippet
from papernotes.model import Note
from papernotes.site import urls
from papernotes.site.index import SiteIndex

SNIPPET_CHARS = 140
"""Length of the commentary excerpt in the browse index, per language."""
SNIPPET_SHARD = 25
"""Notes per `browse/snippets/<n>.json` file; the browse page loads only the files its rows need."""


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
        rows = [[snippet(ko, SNIPPET_CHARS), snippet(en, SNIPPET_CHARS)] for ko, en in map(commentary, index.notes[start: start + SNIPPET_SHARD])]
        files.append((urls.browse_snippets(start // SNIPPET_SHARD), json.dumps(rows, ensure_ascii=False, separators=(",", ":"))))
    return files
