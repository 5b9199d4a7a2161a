"""Importers and the scaffold against awkward and hostile input: each bad item is reported by
file, line, item and field and costs nothing else, no input gives a traceback, and whatever
they write passes `papernotes check` with no problem at all."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from papernotes.cli.main import main

FIXTURES = Path(__file__).parent / "fixtures"
CONTRIB = FIXTURES / "contrib" / "data"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(CONTRIB, tmp_path / "data")
    return tmp_path


def notes_in(project: Path) -> set[str]:
    return {p.name for p in (project / "data" / "notes").rglob("*.md")}


def item(arxiv: str, title: object, **paper: object) -> dict[str, object]:
    fields: dict[str, object] = {"id": arxiv, "title": title, "authors": [{"name": "Ada Example"}],
                                 "summary": "An abstract.", "publishedAt": "2025-04-08T10:00:00.000Z"}
    fields.update(paper)
    return {"paper": fields, "publishedAt": "2025-04-09T01:00:00.000Z"}


def check_is_clean(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--root", str(project)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and " 0 errors, 0 warnings" in err  # not one problem in anything written


def test_bad_listing_items_are_located_and_the_good_ones_still_imported(project: Path, tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    items = [
        item("2504.10001", "A Good Paper"),
        item("2504.10002", "Authors As A Number", authors=5),
        item("2504.10003", ["x", "y"]),                                    # a list as a title
        item("2504.10004", "Organisation As A List", githubRepo=7, ai_keywords="rl"),
        item("2504.10005", "Index"),                                       # slugs to the reserved `index`
        item("2504.10006", "W" * 400 + " Long"),                           # a slug past 255 bytes
        item("2504.10007", "Too Big", summary="word " * 60_000),           # a note over the size limit
        item("2504.10008", "Another Good Paper", organization={"fullname": "Lab"}),
        item("2504.10010", "No Authors", authors=[]),
    ]
    text = json.dumps(items, indent=1)
    # A 5,000-digit number and JSON nested 100,000 deep, each in an item of its own.
    text = text[:-1] + ',\n{"paper": {"id": "2504.10009", "upvotes": ' + "9" * 5000 + "}},\n" + "[" * 100_000 + "]" * 100_000 + "\n"
    text += ',{"pad": "x"}\n]'   # no `paper` at all: it said "`paper` is null" (a hostile-input QA pass)
    listing = tmp_path / "daily.json"
    listing.write_text(text, encoding="utf-8")
    assert main(["import-hf", str(listing), "--root", str(project), "--tag", "rl"]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    def line_of(arxiv: str) -> int:
        return next(i for i, x in enumerate(text.splitlines(), 1) if arxiv in x) - 2  # the item's `{`
    for arxiv, index, field, message in (
        ("2504.10002", 1, "paper.authors", 'expected a list of authors ({"name": "..."}), got the number 5'),
        ("2504.10003", 2, "paper.title", "expected text, got a list"),
        ("2504.10004", 3, "paper.githubRepo", "expected text, got the number 7"),
        ("2504.10004", 3, "paper.ai_keywords", "expected a list of keywords, got the text 'rl'"),
        ("2504.10010", 8, "paper.authors", 'expected a list of authors ({"name": "..."}), got an empty list'),
    ):
        assert f"{listing}:{line_of(arxiv)}: item [{index}] (arXiv {arxiv}): error: {field}: {message}" in out
    assert ": item [6] (arXiv 2504.10007): error: 'Too Big' would not pass the checker, not written: file: the note is" in out
    assert ": item [9] (arXiv 2504.10009): error: paper.upvotes: expected a count, got a number of more than 20 digits" in out
    assert ": item [10]: error: item: nested 100000 levels deep" in out
    assert ": item [11]: error: paper: is missing; every item needs a `paper` object (the item's keys: `pad`)" in out
    assert "import-hf: 4 created, 0 skipped (already have a note), 8 failed" in out.splitlines()
    created = notes_in(project) - notes_in(CONTRIB.parent)
    assert {"a-good-paper.md", "another-good-paper.md", "index-paper.md"} <= created
    long_name = next(name for name in created if name.startswith("wwww"))
    assert len(long_name.encode()) <= 130
    check_is_clean(project, capsys)


POSTS = """2025-04-09
Index
(Ann Lee)
Abstract.
한국어 코멘트.
English commentary.
#rl
{long}
(Ann Lee)
arXiv:2504.20002
Abstract.
한국어 코멘트.
English commentary.
#rl
A Paper With A Bad Id
(Ann Lee)
arXiv:2513.99999
Abstract.
한국어 코멘트.
English commentary.
#rl
A Huge Commentary
(Ann Lee)
Abstract.
한국어 코멘트. {huge}
English commentary.
#rl
"""


def test_a_listing_item_with_a_key_twice_is_refused_not_read_as_its_last(project: Path, tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """JSON keeps the last of two equal keys silently: an item with two ids would have become a
    note on the second paper. It is refused at its line, and the other items are imported."""
    good = json.dumps(item("2504.10011", "A Good Paper"))
    twice = '{"paper": {"id": "2504.10012", "id": "2504.10013", "title": "Two Ids", "authors": [{"name": "A B"}]}}'
    listing = tmp_path / "daily.json"
    listing.write_text(f"[\n{good},\n{twice}\n]\n", encoding="utf-8")
    assert main(["import-hf", str(listing), "--root", str(project), "--tag", "rl"]) == 1
    out, _ = capsys.readouterr()
    assert f"{listing}:3: item [1]: error: item: not valid JSON (the key 'id' is given twice in one object)" in out
    assert "a-good-paper.md" in notes_in(project) and "two-ids.md" not in notes_in(project)


def test_awkward_posts_are_imported_or_located_and_what_is_written_passes_check(project: Path, tmp_path: Path,
                                                                              capsys: pytest.CaptureFixture[str]) -> None:
    posts = tmp_path / "posts.txt"
    posts.write_text(POSTS.format(long="Long " + "x" * 300, huge="가" * 100_000), encoding="utf-8")
    assert main(["import-post", str(posts), "--root", str(project)]) == 1
    out, err = capsys.readouterr()
    assert f"{posts}:17: error: arxiv: this line reads as an arXiv id, but '2513.99999': 13 is not a month" in out
    assert f"{posts}:22: error: 'A Huge Commentary' would not pass the checker, not written: file: the note is 300," in out
    assert "A Paper With A Bad Id" not in notes_in(project) and "Abstract." not in out
    created = notes_in(project) - notes_in(CONTRIB.parent)
    assert "index-paper.md" in created and len(created) == 2
    assert all(len(name.encode()) < 255 for name in created)
    check_is_clean(project, capsys)


@pytest.mark.parametrize("command", ["import-hf", "import-post", "import-feed"])
@pytest.mark.parametrize(("content", "message"), [
    (None, "it is a folder; give the file inside it"),
    (b"", "the file is empty"),
    (b"\xff\xfe\x00garbage", "not valid UTF-8"),
    ("huge", "the limit is 8 MiB"),
])
def test_files_that_cannot_be_read_are_refused_with_a_reason(project: Path, tmp_path: Path, command: str,
                                                             content: bytes | str | None, message: str,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "input"
    if content is None:
        target.mkdir()
    elif content == "huge":
        with target.open("wb") as handle:
            handle.truncate(9 * 1024 * 1024)  # sparse: no disk used
    else:
        target.write_bytes(content)  # type: ignore[arg-type]
    assert main([command, str(target), "--root", str(project)]) == 2
    out, err = capsys.readouterr()
    assert message in err and str(target) in err and "Traceback" not in err
    assert notes_in(project) == notes_in(CONTRIB.parent)


@pytest.mark.parametrize(("content", "message"), [
    (b"{not json", "not valid JSON (Expecting property name enclosed in double quotes: line 1 column 2"),
    (b'{"a": ' * 100_000, "not valid JSON ("),
    (b'{"papers": []}', "expected a JSON list of papers (the answer of /api/daily_papers), got an object"),
])
def test_a_listing_that_is_no_json_list_says_why(project: Path, tmp_path: Path, content: bytes, message: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """`{not json` was told it was "an object"."""
    target = tmp_path / "listing.json"
    target.write_bytes(content)
    assert main(["import-hf", str(target), "--root", str(project)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert notes_in(project) == notes_in(CONTRIB.parent)


def test_new_names_a_reserved_title_safely_and_refuses_what_check_would_refuse(project: Path,
                                                                             capsys: pytest.CaptureFixture[str]) -> None:
    args = ["new", "2504.30001", "--root", str(project), "--date", "2025-04-09", "--author", "Ann Lee"]
    assert main([*args, "--title", "Index"]) == 0
    assert "created data/notes/2025/index-paper.md" in capsys.readouterr().out
    assert main([*args[:1], "2504.30002", *args[2:], "--title", "L" * 400]) == 0
    assert max(len(name.encode()) for name in notes_in(project)) <= 130
    capsys.readouterr()
    assert main([*args[:1], "2504.30003", *args[2:], "--title", "Huge", "--abstract", "word " * 60_000]) == 1
    err = capsys.readouterr().err
    assert "data/notes/2025/huge.md:1:1: error: file: the note is 300," in err and "the limit is 262,144 bytes (256 KiB)" in err
    assert "was not written" in err and "huge.md" not in notes_in(project)
    # What `new` wrote fails `check` only for the template text the contributor replaces.
    assert main(["check", "--root", str(project)]) == 1
    rules = {line.split(": error: ")[1].split(":")[0] for line in capsys.readouterr().out.splitlines()}
    assert rules <= {"tags", "## Abstract", "## 한국어", "## English"}


def test_a_block_with_several_bad_lines_is_one_failed_paper(project: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    posts = tmp_path / "posts.txt"
    posts.write_text("2025-04-09\nBad Lines\n(Ann Lee)\nCode: github.com/x\nPublished: soon\nAbstract.\n"
                     "한국어 코멘트.\nEnglish commentary.\n#rl\n", encoding="utf-8")
    assert main(["import-post", str(posts), "--root", str(project)]) == 1
    out = capsys.readouterr().out
    assert f"{posts}:4: error: code: `Code:` takes an http(s) link, got 'github.com/x'" in out
    assert f"{posts}:5: error: published: `Published:` takes a date written YYYY-MM-DD, got 'soon'" in out
    assert out.splitlines()[-1] == "import-post: 0 created, 0 skipped (already have a note), 1 failed"


def test_a_block_that_is_not_utf8_costs_only_its_own_paper(project: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """One block pasted from a Latin-1 file (`Caf\\xe9`) refused the whole post file, every other
    paper with it: it is that paper that fails, at the line of the byte, and nothing is written
    with the byte replaced. A header with such a byte skips the papers under it, and says why."""
    posts = tmp_path / "posts.txt"
    posts.write_bytes("2025-04-09\n\nGood Paper\n(Ann Lee)\narXiv:2504.40011\nAbstract.\n한국어 코멘트.\nEnglish commentary.\n#rl\n\n"
                      "Caf\xe9 Paper\n(Ann Lee)\narXiv:2504.40012\nAbstract.\n한국어 코멘트.\nEnglish commentary.\n#rl\n\n"
                      "2025-04-1\xff\n\nUnder It\n(Ann Lee)\narXiv:2504.40013\nAbstract.\n한국어 코멘트.\nEnglish.\n#rl\n\n"
                      "2025-04-10\n\nAfter It\n(Ann Lee)\narXiv:2504.40014\nAbstract.\n한국어 코멘트.\nEnglish commentary.\n#rl\n"
                      .encode("utf-8").replace("\xe9".encode(), b"\xe9").replace("\xff".encode(), b"\xff"))
    assert main(["import-post", str(posts), "--root", str(project)]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert f"{posts}:11: error: file: line 11 is not valid UTF-8 (the byte 0xE9, e.g. Latin-1): save the file as UTF-8; " \
           "'Caf\\xe9 Paper' is not imported" in out
    assert "(line 19 is not valid UTF-8: the byte 0xFF; save the file as UTF-8)" in out
    assert out.splitlines()[-1] == "import-post: 2 created, 0 skipped (already have a note), 2 failed"
    assert notes_in(project) - notes_in(CONTRIB.parent) == {"good-paper.md", "after-it.md"}
    check_is_clean(project, capsys)


@pytest.mark.parametrize("where", ["summary", "title"])
def test_a_lone_surrogate_in_a_listing_costs_only_its_own_paper(project: Path, tmp_path: Path, where: str,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """`"summary": "abc \\ud800 def"` (JSON may write a lone surrogate) crashed import-hf with a
    UnicodeEncodeError: the papers after it were never imported and no summary was printed."""
    bad = item("2504.15002", "Surrogate \ud800 Title") if where == "title" else item("2504.15002", "Surrogate", summary="abc \ud800 def")
    listing = tmp_path / "daily.json"
    listing.write_text(json.dumps([item("2504.15001", "Good Before"), bad, item("2504.15003", "Good After")]), encoding="utf-8")
    assert main(["import-hf", str(listing), "--root", str(project), "--tag", "rl"]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "item [1] (arXiv 2504.15002): error:" in out
    assert "import-hf: 2 created, 0 skipped (already have a note), 1 failed" in out
    assert notes_in(project) - notes_in(CONTRIB.parent) == {"good-before.md", "good-after.md"}


def test_new_refuses_an_abstract_that_is_not_utf8_at_its_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--abstract "$(printf 'abc\\xffdef')"`: Python reads the byte as a lone surrogate, and
    `papernotes new` crashed writing it; now it is a located problem and nothing is written."""
    args = ["new", "2504.15020", "--root", str(project), "--title", "T", "--author", "B C", "--published", "2025-04-01",
            "--abstract", "abc\udcffdef"]
    assert main(args) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "## Abstract: 0xdcff is not a character" in out + err
    assert notes_in(project) == notes_in(CONTRIB.parent)


OLD_STYLE_NOTE = """---
title: "Knot Invariants"
authors: [Ada Example]
date: 2025-04-09
tags: [rl]
arxiv: "math/0309136"
---

## 한국어

코멘트.

## English

Commentary.
"""


@pytest.mark.parametrize("command", ["new", "import-hf", "import-post"])
def test_an_old_style_id_with_its_subject_class_is_the_paper_already_noted(project: Path, tmp_path: Path, command: str,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """`math.GT/0309136` is the paper of `math/0309136` (the checker says so: "keep one note per
    paper"); the writers wrote a second note for it, and then both notes failed the check."""
    (project / "data" / "notes" / "2025").mkdir(parents=True, exist_ok=True)
    (project / "data" / "notes" / "2025" / "knot-invariants.md").write_text(OLD_STYLE_NOTE, encoding="utf-8")
    before = notes_in(project)
    if command == "new":
        code = main(["new", "math.GT/0309136", "--root", str(project), "--title", "Another Title", "--author", "Bob Smith"])
        assert code == 1
    elif command == "import-hf":
        listing = tmp_path / "daily.json"
        listing.write_text(json.dumps([item("math.GT/0309136", "Different Title B")]), encoding="utf-8")
        main(["import-hf", str(listing), "--root", str(project), "--tag", "rl"])
    else:
        posts = tmp_path / "posts.txt"
        posts.write_text("2025-04-10\n\nDifferent Title C\n(Bob Smith)\narXiv:math.GT/0309136\n한국어 코멘트.\nEnglish commentary.\n#rl\n",
                         encoding="utf-8")
        main(["import-post", str(posts), "--root", str(project)])
    out, err = capsys.readouterr()
    assert "knot-invariants.md" in out + err
    assert notes_in(project) == before
    check_is_clean(project, capsys)


def test_a_listing_that_is_no_json_list_is_told_at_its_line_as_every_message_is(project: Path, tmp_path: Path,
                                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """A whole-file JSON error read "FILE: error: line 3: a string is never closed" (a fuzzing pass),
    where every other located message reads "FILE:3: error: ..."."""
    listing = tmp_path / "cut.json"
    listing.write_text('[\n  {"paper": {"id": "2504.06141",\n   "title": "Cut', encoding="utf-8")
    assert main(["import-hf", str(listing), "--root", str(project)]) == 2
    assert f"papernotes import-hf: {listing}:3: error: a string is never closed" in capsys.readouterr().err
