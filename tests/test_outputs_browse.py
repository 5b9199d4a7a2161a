"""The browse index and its snippet files, as pure functions."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from papernotes.markup import snippet
from papernotes.outputs import browse
from papernotes.catalog.index import build_index
from papernotes.model import Note, Tag, TagRegistry

# (html, limit, expected plain-text excerpt)
SNIPPETS = [
    ("<p>짧은 글.</p>", 140, "짧은 글."),
    ("<p>one two three four five six</p>", 14, "one two three…"),
    ("<p>a <em>b</em></p>\n<p>c</p>", 140, "a b c"),
    ("<p>" + "가" * 30 + "</p>", 10, "가" * 10 + "…"),  # no space to cut at
]


@pytest.mark.parametrize(("html", "limit", "expected"), SNIPPETS)
def test_snippet(html: str, limit: int, expected: str) -> None:
    assert snippet(html, limit) == expected


def test_snippet_files_cover_every_note_in_index_order() -> None:
    tags = (Tag("rl", "강화학습", "RL"),)
    reg = TagRegistry(tags=tags, lookup={"rl": "rl"}, by_slug={"rl": tags[0]})
    count = 2 * browse.SNIPPET_SHARD + browse.SNIPPET_SHARD // 2
    notes = tuple(Note(slug=f"n{i:04d}", source="x", title=f"T{i}", authors=("A",),
                       date=dt.date(2020, 1, 1) + dt.timedelta(days=i), tags=("rl",)) for i in range(count))
    index = build_index(notes, reg)
    doc = json.loads(browse.browse_index(index))
    files = browse.browse_snippets(index, lambda n: (f"<p>{n.slug} 한</p>", f"<p>{n.slug} en</p>"))
    assert [path for path, _ in files] == [doc["snippets"].replace("{n}", str(k)) for k in range(3)]
    rows = [row for _, text in files for row in json.loads(text)]
    assert len(rows) == len(doc["notes"]) == count
    for note, row in zip(doc["notes"], rows):
        assert row == [f"{note[0]} 한", f"{note[0]} en"]


def test_first_rows_are_the_first_page_of_the_index_with_the_same_excerpts() -> None:
    tags = (Tag("rl", "강화학습", "RL"),)
    reg = TagRegistry(tags=tags, lookup={"rl": "rl"}, by_slug={"rl": tags[0]})
    notes = tuple(Note(slug=f"n{i:03d}", source="x", title=f"T{i}", authors=("A",),
                       date=dt.date(2020, 1, 1) + dt.timedelta(days=i), tags=("rl",)) for i in range(browse.PAGE_ROWS + 7))
    index = build_index(notes, reg)
    # One note in Korean only, one in English only: each language falls back to the other.
    commentary = {"n055": ("<p>한국어만</p>", ""), "n054": ("", "<p>English only</p>")}
    text = lambda n: commentary.get(n.slug, (f"<p>{n.slug} 한</p>", f"<p>{n.slug} en</p>"))
    rows = browse.first_rows(index, text)
    doc = json.loads(browse.browse_index(index))
    shards = [row for _, t in browse.browse_snippets(index, text) for row in json.loads(t)]
    assert [n.slug for n, _, _ in rows] == [n[0] for n in doc["notes"][: browse.PAGE_ROWS]]
    for (_, ko, en), (sko, sen) in zip(rows, shards):
        assert (ko, en) == (sko or sen, sen or sko)  # what browse-filter.js shows from the snippet files
    assert rows[0][1:] == ("n056 한", "n056 en") and rows[1][1:] == ("한국어만", "한국어만") and rows[2][1:] == ("English only", "English only")


def test_year_options_are_every_year_with_notes_newest_first_as_the_index_dates_count_them() -> None:
    """The browse page's year select lists each year that has notes, newest first, with its count;
    the filter script counts them again from the index's dates (no file of their own), so both
    must agree."""
    tags = (Tag("rl", "강화학습", "RL"),)
    reg = TagRegistry(tags=tags, lookup={"rl": "rl"}, by_slug={"rl": tags[0]})
    days = [dt.date(2019, 12, 31), dt.date(2024, 1, 1), dt.date(2024, 12, 31), dt.date(2021, 6, 1), dt.date(2024, 6, 1)]
    notes = tuple(Note(slug=f"n{i}", source="x", title=f"T{i}", authors=("A",), date=d, tags=("rl",)) for i, d in enumerate(days))
    index = build_index(notes, reg)
    assert browse.year_counts(index) == [(2024, 3), (2021, 1), (2019, 1)]
    doc = json.loads(browse.browse_index(index))
    from_dates = {}
    for note in doc["notes"]:
        from_dates[int(note[2][:4])] = from_dates.get(int(note[2][:4]), 0) + 1
    assert list(from_dates.items()) == browse.year_counts(index)
    assert browse.year_counts(build_index((), reg)) == []
