"""Rebuild bookkeeping under `mkdocs serve --dirty`: a page is re-rendered exactly when its HTML changed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from papernotes.session.dirty import RebuildState, digest
from papernotes.session.session import Build
from papernotes.model import Note

ROOT = Path(__file__).resolve().parents[1]

# (previous build's pages, this build's pages, pages MkDocs must re-render)
CHANGES = [
    ({}, {"a.md": "A", "b.md": "B"}, {"a.md", "b.md"}),          # first build: everything
    ({"a.md": "A", "b.md": "B"}, {"a.md": "A", "b.md": "B"}, set()),
    ({"a.md": "A", "b.md": "B"}, {"a.md": "A2", "b.md": "B"}, {"a.md"}),
    ({"a.md": "A"}, {"a.md": "A", "c.md": "C"}, {"c.md"}),       # a new page
    ({"a.md": "A", "b.md": "B"}, {"a.md": "A"}, set()),          # a removed page has nothing to render
]


@pytest.mark.parametrize("before, after, expected", CHANGES)
def test_changed_pages(before: dict[str, str], after: dict[str, str], expected: set[str]) -> None:
    state = RebuildState(dirty=True)
    state.changed({k: digest(v) for k, v in before.items()})
    assert state.changed({k: digest(v) for k, v in after.items()}) == expected


def test_a_new_build_forgets_the_previous_session() -> None:
    old = Build(dirty=True)
    old.rebuild.changed({"a.md": digest("A")})
    assert Build(dirty=True).rebuild.changed({"a.md": digest("A")}) == {"a.md"}


@pytest.mark.slow  # a real mkdocs serve
def test_serve_shows_an_edited_note() -> None:
    """A real `mkdocs serve` on generated notes: saving a note shows the change, search keeps every
    note; a note added is served and listed on its day page, a renamed note moves, a deleted
    note's page is gone and no longer listed (bench_serve polls until each holds). The one real
    serve process of the suite: `--dirty` runs in this process below (it once ran a second real
    serve; the watcher and the server it proved are the same)."""
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_serve.py"), "30", "--edits", "2",
                          "--timeout", "120"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr[-3000:]
    assert len(re.findall(r"edit \d: visible", run.stdout)) == 2
    for change in ("add: the new note is served and listed on its day page",
                   "rename: served at the new URL, 404 at the old one",
                   "delete: the page is gone (404) and its day page no longer lists it"):
        assert change in run.stdout, run.stdout
    assert run.stdout.count("search index holds 30 of 30 notes; the edit is searchable after") == 2


@pytest.mark.slow  # a serve session's builds
def test_serve_dirty_shows_an_edited_note(tmp_path: Path) -> None:
    """`mkdocs serve --dirty`, as MkDocs runs its builds (tests/test_session_serve_rebuild.py's
    ServeSession): each saved edit shows on the note's page and its day page, and the search index
    still holds every note and finds the edit (what `bench_serve.py --dirty` checked in a real
    serve process)."""
    from conftest import make_site
    from search_data import meta, postings
    from test_session_serve_rebuild import ServeSession

    site = make_site(tmp_path / "site")
    notes = sorted((site / "data" / "notes").rglob("*.md"))
    session = ServeSession(site, dirty=True)
    try:
        session.rebuild()
        out = session.out
        note = site / "data" / "notes" / "2025" / "beta.md"
        page, day = out / "notes" / "beta" / "index.html", out / "archive" / "2025" / "01" / "05" / "index.html"
        for k in (1, 2):
            marker = f"editmarker{k}x"
            note.write_text(note.read_text(encoding="utf-8").rstrip("\n") + f" {marker}\n", encoding="utf-8")
            log = session.rebuild()
            assert marker in page.read_text(encoding="utf-8"), log
            assert marker in day.read_text(encoding="utf-8"), log
            assert meta(out)["docs"] == len(notes)
            assert any(term.startswith(marker) for term in postings(out)), "the edit is not searchable"
    finally:
        session.close()


def _n(slug: str, **changes: object) -> Note:
    import dataclasses
    import datetime as dt

    from papernotes.model import Note
    base = Note(slug=slug, source=f"{slug}.md", title=slug.upper(), authors=("A",), date=dt.date(2025, 1, 1), tags=("t",), ko="가", en="a")
    return dataclasses.replace(base, **changes)


class _P:
    def __init__(self, src_uri: str, shows: tuple[str, ...]) -> None:
        self.src_uri, self.shows = src_uri, shows


PAGES = [_P("notes/a.md", ("a",)), _P("notes/b.md", ("b",)), _P("tags/t.md", ("a", "b")), _P("archive/index.md", ())]

# (this build's notes, pages to re-render; None = the shape changed, compare every page)
EDITS = [
    ([_n("a"), _n("b")], set()),
    ([_n("a", en="edited"), _n("b")], {"notes/a.md", "tags/t.md"}),
    ([_n("a"), _n("b", authors=("A", "B"))], None),  # the authors index lists names and counts
    ([_n("a"), _n("b", org="Lab")], None),           # the labs index likewise
    ([_n("a", title="New title"), _n("b")], None),   # titles are listed on month and tag pages
    ([_n("a", tags=("t", "u")), _n("b")], None),
    ([_n("a")], None),                                # a note removed
    ([_n("a", arxiv="2501.00001"), _n("b")], None),   # mentions of that id elsewhere now link to a
    ([_n("a", builds_on=("2501.00001",)), _n("b")], None),  # that paper's note lists a as built upon
]


@pytest.mark.parametrize("notes, expected", EDITS)
def test_changed_by_notes(notes: list, expected: set[str] | None) -> None:
    from papernotes.session.dirty import site_shape

    state = RebuildState()
    state.start(dirty=True)
    before = [_n("a"), _n("b")]
    assert state.changed_by_notes(PAGES, before, site_shape(PAGES, before, "x")) is None  # first build
    state.record("notes/a.md", "old")
    assert state.changed_by_notes(PAGES, notes, site_shape(PAGES, notes, "x")) == expected
    if expected:
        assert "notes/a.md" not in state.page_digests or "notes/a.md" not in expected
