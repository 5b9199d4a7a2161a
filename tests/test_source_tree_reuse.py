"""Loading the tree again (as `mkdocs serve` does after every save) parses only changed files,
and gives exactly what a first load of the same files gives."""

from __future__ import annotations

import os
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


def test_an_unchanged_file_is_not_read_again_and_a_same_size_edit_is_seen(tmp_path: Path, parsed: list[str],
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A second load reads only files whose status (time, size, inode) changed; an edit of the
    same size, even with the old modification time put back, changes the status (ctime)."""
    root = make_site(tmp_path / "site")
    cache = NoteCache()
    load_site(root, "data", reuse=cache)
    reads: list[str] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self.name) or real(self))
    load_site(root, "data", reuse=cache)
    assert [r for r in reads if r.endswith(".md") and r != "note-template.md"] == []
    note = _first_note(root)
    text = note.read_text(encoding="utf-8")
    old = note.stat()
    english = text.index("## English")
    note.write_text(text[:english] + text[english:].replace("e", "E", 1), encoding="utf-8")  # one letter, same size
    assert note.stat().st_size == old.st_size
    os.utime(note, ns=(old.st_atime_ns, old.st_mtime_ns))
    parsed.clear()
    second = load_site(root, "data", reuse=cache)
    assert parsed == [note.stem] and _fields(second) == _fields(_fresh(root))


def test_the_listing_takes_files_and_links_never_follows_a_linked_folder(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    (notes / "2025" / "deep").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "secret.md").write_text("x", encoding="utf-8")
    for name in ("2025/a.md", "2025/deep/b.md", "2025/.DS_Store", "c.txt"):
        (notes / name).write_text("x", encoding="utf-8")
    os.symlink(tmp_path / "elsewhere", notes / "linked")
    os.symlink(tmp_path / "missing.md", notes / "2025" / "dangling.md")
    expected = sorted(p for p in notes.rglob("*") if (p.is_file() or p.is_symlink()) and p.name not in load_module.IGNORED_NAMES)
    assert load_module.note_files(notes) == expected
    assert [p.relative_to(notes).as_posix() for p in expected] == ["2025/a.md", "2025/dangling.md", "2025/deep/b.md", "c.txt", "linked"]


def test_a_second_load_reads_no_notes_html_for_links_and_still_sees_a_link_broken_by_a_rename(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each save checked every note's links to other notes by reading every note's HTML again
    (~2 s at 10,000 notes full of links). The links of an unchanged text are found once; a
    renamed note still breaks the links to it, with the warning at the link."""
    from papernotes.markup import HtmlCache

    site = make_site(tmp_path / "site", notes={
        "2025/linker.md": "---\ntitle: Linker\nauthors: [A]\ndate: 2025-01-02\ntags: [rl]\narxiv: \"2511.90002\"\n---\n\n## 한국어\n\n"
                          "[대상](../target/)을 보라.\n\n## English\n\nSee [the target](../target/).\n",
        "2025/target.md": "---\ntitle: Target\nauthors: [B]\ndate: 2025-01-01\ntags: [rl]\narxiv: \"2511.90001\"\n---\n\n## 한국어\n\n대상.\n\n## English\n\nTarget.\n"})
    cache, html = NoteCache(), HtmlCache()  # kept across rebuilds, as the serve session's Build keeps them
    first = load_site(site, "data", html=html, reuse=cache)
    assert not first.problems
    reads: list[str] = []
    real = HtmlCache.html
    monkeypatch.setattr(HtmlCache, "html", lambda self, text: reads.append(text) or real(self, text))
    load_site(site, "data", html=html, reuse=cache)
    assert reads == []
    (site / "data" / "notes" / "2025" / "target.md").rename(site / "data" / "notes" / "2025" / "renamed.md")
    third = load_site(site, "data", html=html, reuse=cache)
    broken = [p for p in third.problems if p.rule == "unknown-note-link"]
    assert [(p.path, p.field) for p in broken] == [("data/notes/2025/linker.md", "## 한국어"), ("data/notes/2025/linker.md", "## English")]


def test_an_editors_files_beside_a_note_are_not_notes(tmp_path: Path) -> None:
    """Vim's swap file, Emacs's lock link, auto-save and backup were each an error ("only .md
    files belong under data/notes/", "symbolic links are not allowed") in the serve banner for
    as long as the note was open. A file only named like a note is still listed (and refused)."""
    notes = tmp_path / "notes" / "2025"
    notes.mkdir(parents=True)
    for name in ("a.md", ".a.md.swp", ".a.md.swo", "#a.md#", "a.md~", "a.txt", ".hidden.md",
                 ".goutputstream-ABC123", "4913", "a.md.tmp", "a.md.bak", "a.md.orig"):  # gedit, Vim's probe, copies
        (notes / name).write_text("x", encoding="utf-8")
    os.symlink("user@host.1234", notes / ".#a.md")
    assert [p.name for p in load_module.note_files(tmp_path / "notes")] == [".hidden.md", "a.md", "a.txt"]
