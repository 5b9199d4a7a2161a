"""`papernotes check`: messages with fix hints, exit codes 0/1/2, and GitHub annotations."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from papernotes.cli.main import main
from papernotes.model import Problem
from papernotes.report import github_annotation

CONTRIB = Path(__file__).parent / "fixtures" / "contrib"

GOOD = """\
---
title: "A Good Paper"
authors: [Ada Lovelace]
date: 2025-04-09
tags: [reward-model]
arxiv: "2504.00002"
---

## 한국어

좋은 코멘트.

## English

A good commentary.
"""

# (what is wrong, how the file is changed, the report lines expected for it)
CASES = [
    ("unquoted arXiv id", ('arxiv: "2504.00002"', "arxiv: 2504.10000\nurl: https://example.org/paper"),
     ["6:8: error: arxiv: YAML reads the unquoted arXiv id 2504.10000 as a number, which can name the wrong paper; "
      'quote it: arxiv: "2504.10000"']),
    ("misspelt tag", ("[reward-model]", "[reward-modle]"),
     ["5:8: error: tags[0]: unknown tag 'reward-modle' (did you mean 'reward-model': Reward model, 보상 모델?)"]),
    ("new tag", ("[reward-model]", "[diffusion]"),
     ["5:8: error: tags[0]: unknown tag 'diffusion'; add the tag to data/tags.yml"]),
    ("misspelt key", ("title:", "tittle:"),
     ["2:1: error: tittle: unknown key 'tittle' (did you mean 'title'?); allowed keys: title, authors, date, tags, "
      "arxiv, url, code, org, published, builds_on, compares_with, draft"]),  # not also "`title:` is missing" (a QA pass)
    ("template text", ("좋은 코멘트.", "여기에 한국어 코멘트를 씁니다: 논문이 무엇을 했고 왜 흥미로운지 두세 문장으로 적고, 이 줄은 지워 주세요."),
     ["11:1: error: ## 한국어: this is the template's guidance text; replace it with your own text"]),
    ("template text, wrapped", ("A good commentary.", "Write the English commentary here: what the paper does\nand why "
                                "it matters, in two or three sentences, then delete this line."),
     ["15:1: error: ## English: this is the template's guidance text; replace it with your own text"]),
    ("template text and more", ("A good commentary.", "My own words.\nWrite the English commentary here: what the "
                                "paper does and why it matters, in two or three sentences, then delete this line."),
     ["16:1: error: ## English: this is the template's guidance text; replace it with your own text"]),
    ("template text under ## Abstract", ("## 한국어\n", "## Abstract\n\nPaste the paper's abstract here (arXiv abstracts are CC0 "
                                         "and may be pasted as they are).\n\n## 한국어\n"),
     ["11:1: error: ## Abstract: this is the template's guidance text; replace it with your own text (or delete the "
      "section: ## Abstract is optional)"]),
    ("placeholder tag", ("[reward-model]", "[replace-me]"),
     ["5:8: error: tags: replace the placeholder tag 'replace-me' with tags from data/tags.yml (or add a new tag there)"]),
    ("a tag that only starts like the placeholder", ("[reward-model]", "[replace-me-later]"),
     ["5:8: error: tags[0]: unknown tag 'replace-me-later'; add the tag to data/tags.yml"]),
    # The template's example values (data/note-template.md): a copy of the template with only the
    # tag and the commentary written passed the check, title "Paper title exactly as on arXiv" and all.
    ("template's example title", ('"A Good Paper"', '"Paper title exactly as on arXiv"'),
     ["2:8: error: title: still the template's example title 'Paper title exactly as on arXiv'; write the paper's title"]),
    ("template's example title, wrapped", ('"A Good Paper"', "Paper title exactly\n  as on arXiv"),
     ["2:8: error: title: still the template's example title 'Paper title exactly as on arXiv'; write the paper's title"]),
    ("template's example author", ("[Ada Lovelace]", "[Ada Lovelace, Second Author]"),
     ["3:25: error: authors[1]: still the template's example name 'Second Author'; list the paper's authors"]),
    ("template's example author, alone", ("[Ada Lovelace]", "First Author"),
     ["3:10: error: authors: still the template's example name 'First Author'; list the paper's authors"]),
    # The example id alone is a real paper's note (arXiv 2501.00001 exists); beside the example name, the template's.
    ("template's example arXiv id alone", ('"2504.00002"', '"2501.00001"'), []),
    ("template's example arXiv id and name", ('authors: [Ada Lovelace]\ndate: 2025-04-09\ntags: [reward-model]\narxiv: "2504.00002"',
                                              'authors: First Author\ndate: 2025-04-09\ntags: [reward-model]\narxiv: "2501.00001"'),
     ["3:10: error: authors: still the template's example name 'First Author'; list the paper's authors",
      "6:8: error: arxiv: still the template's example id '2501.00001'; write this paper's arXiv id, or `url:` for a "
      "paper not on arXiv"]),
    ("values that only resemble the template's", ('title: "A Good Paper"\nauthors: [Ada Lovelace]\n', 'title: "Paper title '
                                                  'exactly as on arXiv, revisited"\nauthors: [First Authors, Second]\n'),
     []),
    ("draft: not a boolean", ("---\n\n##", "draft: soon\n---\n\n##"),
     ["7:8: error: draft: `draft:` is `true` or `false`, got text; delete the line to publish the note"]),
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(CONTRIB / "data", tmp_path / "data")
    return tmp_path


def write(project: Path, name: str, text: str) -> Path:
    path = project / "data" / "notes" / "2025" / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("case", "change", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_problem_is_located_with_a_fix_hint(project: Path, case: str, change: tuple[str, str],
                                                 expected: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert change[0] in GOOD
    path = write(project, "paper.md", GOOD.replace(change[0], change[1], 1))
    assert main(["check", "--root", str(project)]) == (1 if expected else 0)
    out, err = capsys.readouterr()
    assert sorted(out.splitlines()) == sorted(f"data/notes/2025/paper.md:{line}" for line in expected)
    errors = sum(': error:' in e for e in expected)
    assert f"checked 2 note files: {errors} error{'' if errors == 1 else 's'}, 0 warnings" in err
    # Checking just that file reports the same problems (its project is found from the file).
    assert main(["check", str(path)]) == (1 if expected else 0)
    assert sorted(capsys.readouterr().out.splitlines()) == sorted(out.splitlines())


def test_a_clean_project_exits_0(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, "paper.md", GOOD)
    assert main(["check", "--root", str(project)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "checked 2 note files: 0 errors, 0 warnings" in err


def test_a_folder_is_checked_as_the_notes_under_it(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`papernotes check data/notes` said "no such file: data/notes"; a folder is its notes."""
    write(project, "paper.md", GOOD.replace("date: 2025-04-09", "date: 2025-13-09"))
    folder = project / "data" / "notes" / "2025"
    assert main(["check", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert "no such file" not in err and re.search(rf"checked {len(list(folder.glob('*.md')))} note files?:", err), err
    assert "data/notes/2025/paper.md:4:7: error: date:" in out, out
    (project / "data" / "notes" / "empty").mkdir()
    assert main(["check", str(project / "data" / "notes" / "empty")]) == 2
    assert "no note files under" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_a_file_name_that_is_not_utf8_is_reported_printably(project: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    # Python reads the Latin-1 byte as a lone surrogate, which a strict UTF-8 stdout (PYTHONIOENCODING=utf-8,
    # an en_US.UTF-8 terminal) refused to print: a traceback, and a message about an "invisible character U+DCE9".
    write(project, os.fsdecode(b"caf\xe9.md"), GOOD)
    assert main(["check", "--root", str(project), "--format", fmt]) == 1
    out = capsys.readouterr().out
    out.encode("utf-8")  # printable on a strict UTF-8 stream
    assert "data/notes/2025/caf\\xe9.md" in out
    assert "the file name is not valid UTF-8 (e.g. Latin-1); rename it (e.g. 'caf')" in out


def test_a_warning_alone_exits_1_as_the_strict_build_fails_and_is_annotated_as_a_warning(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, "paper.md", GOOD.replace("## English\n\nA good commentary.\n", ""))
    assert main(["check", "--root", str(project), "--format", "github"]) == 1
    assert capsys.readouterr().out.startswith(
        "::warning file=data/notes/2025/paper.md,line=9,col=1,title=papernotes missing-language%3A ## English::")


def test_drafts_may_lack_commentary_and_are_counted(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = GOOD.replace("---\n\n##", "draft: true\n---\n\n##").split("## 한국어")[0]
    write(project, "draft.md", draft)
    assert main(["check", "--root", str(project)]) == 0
    assert "checked 2 note files: 0 errors, 0 warnings, 1 draft not published" in capsys.readouterr().err
    write(project, "draft.md", draft.replace("draft: true", "draft: false"))
    assert main(["check", "--root", str(project)]) == 1
    assert capsys.readouterr().out == ("data/notes/2025/draft.md:9:1: error: body: write the commentary in a "
                                       "`## 한국어` or `## English` section (at least one)\n")


def test_github_format_annotates_the_lines(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, "paper.md", GOOD.replace("[reward-model]", "[reward-modle]")
          .replace('"2504.00002"', "2504.10000\nurl: https://example.org/paper"))
    assert main(["check", "--root", str(project), "--format", "github"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "::error file=data/notes/2025/paper.md,line=5,col=8,title=papernotes unknown-tag%3A tags[0]::"
        "unknown tag 'reward-modle' (did you mean 'reward-model': Reward model, 보상 모델?)",
        "::error file=data/notes/2025/paper.md,line=6,col=8,title=papernotes arxiv-not-quoted%3A arxiv::"
        "YAML reads the unquoted arXiv id 2504.10000 as a number, which can name the wrong paper; "
        'quote it: arxiv: "2504.10000"',
    ]


@pytest.mark.parametrize(("problem", "expected"), [
    (Problem("data/notes/a,b.md", 3, 4, "tags[0]", "50% of it", "unknown-tag"),
     "::error file=data/notes/a%2Cb.md,line=3,col=4,title=papernotes unknown-tag%3A tags[0]::50%25 of it"),
    # A file name (or text from a note) with a terminal escape, a line break GitHub does not
    # escape (NEL, U+2028) or a bidi override: written as escapes, as in the plain format. They
    # were passed raw: one problem could print as two lines or read backwards.
    (Problem("data/notes/e\x1b[2J\u202ex\x85y\u2028.md", 1, 1, "t\u2029", "a\nb\x07", "r"),
     "::error file=data/notes/e\\x1b[2J\\u202ex\\x85y\\u2028.md,line=1,col=1,title=papernotes r%3A t\\u2029::a\\nb\\x07"),
    (Problem("data/notes/x.txt", 0, 0, "file", "only .md files", "not-markdown"),
     "::error file=data/notes/x.txt,title=papernotes not-markdown%3A file::only .md files"),
    (Problem("data/notes/y.md", 7, 0, "body", "w", "r", "warning"),
     "::warning file=data/notes/y.md,line=7,title=papernotes r%3A body::w"),
])
def test_annotation_escaping(problem: Problem, expected: str) -> None:
    assert github_annotation(problem) == expected


@pytest.mark.parametrize(("argv", "message"), [
    (["check", "data/notes/2025/missing.md"], "no such file: data/notes/2025/missing.md"),
    (["check", "data/note-template.md"], "not a note or folder under "),
    (["check", "../"], "not a note or folder under "),     # it listed every file of the parent folder as missing
    (["check", "/etc/passwd"], "/data/notes: /etc/passwd"),  # the project is this one, not /etc's
    (["check", "--root", "/nonexistent"], "--root /nonexistent: not a papernotes project"),
])
def test_bad_usage_exits_2(project: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["check", "--format", "xml"])
    assert usage.value.code == 2


@pytest.mark.parametrize(("place", "published"), [("data/stray-note.md", "not published"),
                                                 ("docs/papers/stray-note.md", "published as a page of the site, unchecked"),
                                                 ("docs/stray-note.markdown", "published as a page of the site, unchecked"),
                                                 ("docs/notes/2026/stray-note.mdown", "published as a page of the site, unchecked"),
                                                 ("stray-note.md", "not published"),
                                                 ("notes/2026/stray-note.md", "not published")])
def test_a_note_outside_the_notes_folder_named_directly_is_an_error_at_the_file(
        project: Path, place: str, published: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The guide: a note outside data/notes/ "is an error at that file". A plain `check` said so,
    but not of a note in docs/ saved as `.markdown` or `.mdown` (MkDocs published it, its HTML
    unsanitised), and said nothing of one beside mkdocs.yml or in `notes/` (data/ forgotten: never
    published; now a notice, an error when named);
    but `check data/stray-note.md` exited 2, "not a note or folder under …/data/notes". A copy of
    the template (front matter longer than 251 bytes) passed both: its keys were read from the
    file's first 251 bytes only."""
    monkeypatch.chdir(project)
    template = (Path(__file__).resolve().parents[1] / "data" / "note-template.md").read_text(encoding="utf-8")
    for text in (GOOD, template):
        (project / place).parent.mkdir(parents=True, exist_ok=True)
        (project / place).write_text(text, encoding="utf-8")
        expected = (f"{place}:1:1: error: file: this looks like a note (its front matter names a paper) but is outside "
                    f"data/notes/, so it is {published}: move it to data/notes/<year>/ (the year of its date)")
        if place.startswith(("data/", "docs/")):
            assert main(["check"]) == 1
            assert expected in capsys.readouterr().out.splitlines()
        else:  # elsewhere in the project: said, as a notice (a folder kept out of the site on purpose stops nothing)
            assert main(["check"]) == 0
            assert expected.replace(": error: ", ": notice: ") + ", unless it is kept out of the site on purpose" \
                in capsys.readouterr().out.splitlines()
        assert main(["check", place]) == 1
        out, err = capsys.readouterr()
        assert out.splitlines() == [expected] and "checked 1 note file: 1 error" in err, err


def test_mkdocs_builds_pages_from_the_endings_the_checker_looks_at() -> None:
    """A note in docs/ is found by the endings MkDocs makes pages of: the same list."""
    from mkdocs.utils import markdown_extensions

    from papernotes.source.tree import MARKDOWN_SUFFIXES
    assert set(MARKDOWN_SUFFIXES) == set(markdown_extensions)


def test_notes_in_tests_packages_and_built_sites_are_left_alone(project: Path, capsys: pytest.CaptureFixture[str],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The project's other folders hold note-like files on purpose: the tests' fixtures, a built
    site's Markdown copies of its notes, installed packages. None of them is a misplaced note."""
    monkeypatch.chdir(project)
    for place in ("tests/fixtures/a-note.md", "site/notes/a-note.md", "scripts/audit/node_modules/x/a-note.md", "venv/a-note.md"):
        (project / place).parent.mkdir(parents=True, exist_ok=True)
        (project / place).write_text(GOOD, encoding="utf-8")
    (project / "site" / "index.html").write_text("<!doctype html>", encoding="utf-8")
    (project / "venv" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    assert main(["check"]) == 0, capsys.readouterr()


def test_a_markdown_file_that_is_no_note_named_outside_the_notes_folder_is_bad_usage(
        project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A README (no note's front matter) is not a note anywhere: naming it is a wrong command line, as a plain
    `check` leaves it alone."""
    monkeypatch.chdir(project)
    (project / "data" / "README.md").write_text("# The data folder\n\nNotes go in notes/.\n", encoding="utf-8")
    assert main(["check", "data/README.md"]) == 2
    assert "not a note or folder under " in capsys.readouterr().err


def test_naming_the_authors_file_checks_it_with_every_note(project: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """`papernotes check data/authors.yml` is what a writer types after editing it: it checks the
    file (with its located errors) and every note against it, instead of 'not a note'."""
    monkeypatch.chdir(project)
    (project / "data" / "authors.yml").write_text("people:\n  - name: A\n    slug: index\n", encoding="utf-8")
    assert main(["check", "data/authors.yml"]) == 1
    out, err = capsys.readouterr()
    assert "data/authors.yml:3:11: error: people[0].slug:" in out and "not a note" not in err
    (project / "data" / "authors.yml").write_text("people:\n  - name: A\n", encoding="utf-8")
    assert main(["check", "data/authors.yml", "data/tags.yml"]) == 0
    notes = len(list((project / "data" / "notes").rglob("*.md")))
    assert f"checked {notes} note file{'' if notes == 1 else 's'}:" in capsys.readouterr().err


def test_the_template_itself_is_refused_until_filled_in(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = (Path(__file__).resolve().parents[1] / "data" / "note-template.md").read_text(encoding="utf-8")
    write(project, "copied.md", template)
    assert main(["check", "--root", str(project)]) == 1
    rules = [line.split(": error: ", 1)[1].split(":", 1)[0] for line in capsys.readouterr().out.splitlines()]
    assert rules == ["title", "authors[0]", "authors[1]", "tags", "arxiv", "## Abstract", "## 한국어", "## English"]


def test_a_copied_template_with_only_tag_and_commentary_written_is_refused_at_its_example_values(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The guide's promise, "a half-written note cannot be published by accident": the copy passed
    with exit 0, titled "Paper title exactly as on arXiv", by "First Author" and "Second Author",
    about arXiv 2501.00001 (an unrelated paper)."""
    from papernotes.source.guidance import read_guidance

    template = (Path(__file__).resolve().parents[1] / "data" / "note-template.md").read_text(encoding="utf-8")
    guidance = read_guidance(Path(__file__).resolve().parents[1] / "data" / "note-template.md").sections
    copied = template.replace("[replace-me]", "[reward-model]")
    for key, own in (("abstract", "An abstract."), ("ko", "내 코멘트."), ("en", "My commentary.")):
        copied = copied.replace(guidance[key], own)
    write(project, "copied.md", copied)
    assert main(["check", "--root", str(project)]) == 1
    assert [line.split(": error: ", 1)[0].rsplit(":", 2)[-2:] + [line.split(": error: ", 1)[1].split(":", 1)[0]]
            for line in capsys.readouterr().out.splitlines()] == [
        ["2", "8", "title"], ["4", "5", "authors[0]"], ["5", "5", "authors[1]"], ["8", "8", "arxiv"]]


def test_the_example_values_are_the_project_templates(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What counts as the template's example is read from data/note-template.md, not written in the
    code: another template's examples are refused, the bundled template's are a note's own values."""
    (project / "data" / "note-template.md").write_text(
        '---\ntitle: "Your title"\nauthors: [Jane Doe]\narxiv: "2412.00002"\n---\n\n## English\n\nWrite it.\n', encoding="utf-8")
    write(project, "paper.md", GOOD.replace('"A Good Paper"', '"Paper title exactly as on arXiv"'))
    assert main(["check", "--root", str(project)]) == 0
    write(project, "paper.md", GOOD.replace("[Ada Lovelace]", "[Ada Lovelace, Jane Doe]").replace('"2504.00002"', '"2412.00002"'))
    assert main(["check", "--root", str(project)]) == 1
    assert [line.split(": error: ", 1)[1].split(":", 1)[0] for line in capsys.readouterr().out.splitlines()] == [
        "authors[1]", "arxiv"]


def test_guidance_comes_from_the_project_template(tmp_path: Path) -> None:
    from papernotes.source.guidance import DEFAULT_GUIDANCE, read_guidance

    root = Path(__file__).resolve().parents[1]
    # The built-in fallback is the bundled template's own text, so the two cannot drift apart.
    assert read_guidance(root / "data" / "note-template.md").sections == DEFAULT_GUIDANCE
    assert read_guidance(tmp_path / "missing.md").sections == DEFAULT_GUIDANCE
    custom = tmp_path / "note-template.md"
    custom.write_text("---\ntitle: x\n---\n\n## 한국어\n\n직접 쓰세요.\n\n## English\n\nWrite it.\n", encoding="utf-8")
    assert read_guidance(custom).sections == {"ko": "직접 쓰세요.", "en": "Write it."}
    assert read_guidance(root / "data" / "note-template.md").examples == {
        "title": {"Paper title exactly as on arXiv"}, "authors": {"First Author", "Second Author"}, "arxiv": {"2501.00001"}}
    assert read_guidance(custom).examples == {"title": {"x"}}
    assert read_guidance(tmp_path / "missing.md").examples == {}


def test_the_build_refuses_template_text_too(tmp_path: Path) -> None:
    from conftest import build, make_site

    site = make_site(tmp_path / "site-with-template-text", data=CONTRIB / "data",
                     notes={"2025/paper.md": GOOD.replace("A good commentary.", "Write the English commentary here: "
                                                          "what the paper does and why it matters, in two or three "
                                                          "sentences, then delete this line.")})
    result = build(site)
    assert result.returncode == 1
    assert ("data/notes/2025/paper.md:15:1: error: ## English: this is the template's guidance text; "
            "replace it with your own text") in result.stderr


@pytest.mark.parametrize("argv", [["new", "2409.00009", "--title", "T", "--author", "A"], ["check"],
                                  ["import-post", "post.txt"]])
def test_a_command_run_outside_a_project_writes_nothing_and_says_so(tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """`papernotes new` in a folder that is no project wrote data/notes/2026/t.md there, exit 0."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "post.txt").write_text("", encoding="utf-8")
    assert main(argv) == 2
    assert "is not in a papernotes project" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.txt"]


@pytest.mark.parametrize("folder", ["data", "."])
def test_the_project_or_its_data_folder_checks_every_note(project: Path, folder: str, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """`papernotes check data` said "not a note under …: data/note-template.md"."""
    monkeypatch.chdir(project)
    assert main(["check"]) == main(["check", folder])
    err = capsys.readouterr().err.splitlines()
    assert err[0] == err[1] and err[0].startswith("checked ") and "not a note" not in " ".join(err)


def test_a_builds_log_counts_notices_past_a_few_of_each_kind() -> None:
    """Advice is logged on every build: thousands of notes dated ahead logged a line each per save."""
    from papernotes.report import LOGGED_NOTICES, notice_lines

    many = [Problem(f"data/notes/{i}.md", 5, 7, "date", "after today", "future-date", "notice") for i in range(40)]
    other = [Problem("data/notes/a.md", 3, 1, "authors", "look alike", "lookalike-authors", "notice")]
    lines = notice_lines(many + other)
    assert len(lines) == LOGGED_NOTICES + 1 + 1
    assert lines[-1] == "... and 35 more notices like these (future-date); `papernotes check` lists them all"
