"""Loading the tree again (as `mkdocs serve` does after every save) parses only changed files,
and gives exactly what a first load of the same files gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_site
from papernotes.source import tree as load_module
from papernotes.source.tree import NoteCache, load_site


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The notes parse_note is called for, in order."""
    calls: list[str] = []
    real = load_module.parse_note

    def counting(text: str, **kwargs: object):  # noqa: ANN202 - a fixture, typed where it is made
        calls.append(str(kwargs["slug"]))
        return real(text, **kwargs)

    monkeypatch.setattr(load_module, "parse_note", counting)
    return calls


def _fresh(root: Path):  # noqa: ANN202 - a fixture, typed where it is made
    return load_site(root, "data")  # no NoteCache: a first load


def _first_note(root: Path) -> Path:
    return sorted((root / "data" / "notes").rglob("*.md"))[0]


# (what changes between two loads, which notes the second load parses: "one" = the edited one)
CASES = [
    ("nothing", "none"),
    ("a note's text", "one"),
    ("a note's text, then back", "one"),
    ("a comment in tags.yml", "none"),  # the notes are checked against the tags, not the file
    ("a tag added to tags.yml", "all"),
    ("the template", "all"),
    ("a new note", "one"),
]


@pytest.mark.parametrize(("change", "expected"), CASES)
def test_second_load_parses_only_what_changed(tmp_path: Path, parsed: list[str], change: str, expected: str) -> None:
    root = make_site(tmp_path / "site")
    cache = NoteCache()
    first = load_site(root, "data", reuse=cache)
    note = _first_note(root)
    if change.startswith("a note's text"):
        note.write_text(note.read_text(encoding="utf-8").replace("## English", "## English\n\nOne more line.\n", 1), encoding="utf-8")
    elif change == "a comment in tags.yml":
        tags = root / "data" / "tags.yml"
        tags.write_text(tags.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    elif change == "a tag added to tags.yml":
        tags = root / "data" / "tags.yml"
        tags.write_text(tags.read_text(encoding="utf-8") + "\nbrand-new-tag:\n  ko: 새 태그\n  en: New tag\n", encoding="utf-8")
    elif change == "the template":
        (root / "data" / "note-template.md").write_text("---\ntitle: x\n---\n\n## Abstract\n\nPaste it.\n", encoding="utf-8")
    elif change == "a new note":
        (root / "data" / "notes" / "2025" / "brand-new.md").write_text(
            note.read_text(encoding="utf-8").replace('arxiv: "', 'arxiv: "9', 1), encoding="utf-8")
    parsed.clear()
    second = load_site(root, "data", reuse=cache)
    if change == "a note's text, then back":
        parsed.clear()
        note.write_text(note.read_text(encoding="utf-8").replace("## English\n\nOne more line.\n", "## English", 1), encoding="utf-8")
        second = load_site(root, "data", reuse=cache)
    reparsed = {"none": [], "one": [Path(parsed[0]).name] if parsed else ["?"], "all": parsed}[expected]
    assert parsed == reparsed and (expected != "all" or len(parsed) == first.files)
    if expected == "one":
        assert len(parsed) == 1
    assert _fields(second) == _fields(_fresh(root))  # the same notes, problems and tags as a first load
    if change == "nothing":
        assert _fields(second) == _fields(first)


def _fields(result):  # noqa: ANN001, ANN202 - TagRegistry compares by identity
    return result.notes, result.problems, result.files, result.drafts, result.tags.tags
