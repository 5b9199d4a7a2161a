"""`papernotes post`: a day's notes in the daily post format, and back through `import-post`."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from papernotes.outputs.daily_post import normalised, round_trip_problems
from papernotes.outputs.daily_post import parse_posts
from papernotes.cli.main import main
from papernotes.model import Note
from papernotes.schema import FIELDS, SECTIONS
from papernotes.source.tree import load_site

ROOT = Path(__file__).resolve().parents[1]


def empty_tree(dest: Path, data: Path) -> Path:
    """A project with `data`'s tags and template but no notes."""
    (dest / "data" / "notes").mkdir(parents=True)
    for name in ("tags.yml", "note-template.md"):
        if (data / name).is_file():
            shutil.copy(data / name, dest / "data" / name)
    return dest


def post(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    code = main(["post", *args, "--root", str(root)])
    out, err = capsys.readouterr()
    return code, out, err


def assert_same(got: Note, want: Note) -> None:
    assert got.title == " ".join(want.title.split())
    assert (got.authors, got.tags, got.date, got.arxiv) == (want.authors, want.tags, want.date, want.arxiv)
    assert got.abstract.strip() == normalised(want.abstract)
    assert got.ko.strip() == normalised(want.ko)
    assert got.en.strip() == normalised(want.en)


def round_trip(capsys: pytest.CaptureFixture[str], source: Path, dest: Path) -> tuple[list[Note], dict[str, Note]]:
    notes = load_site(source).notes
    days = sorted({n.date for n in notes})
    posts = []
    for day in days:
        code, out, err = post(capsys, source, day.isoformat())
        assert code == 0, err
        assert "warning" not in err, err  # every note of the tree can be carried
        posts.append(out)
    dest.mkdir(parents=True, exist_ok=True)
    feed = dest / "posts.txt"
    feed.write_text("\n".join(posts), encoding="utf-8")
    target = empty_tree(dest / "tree", source / "data")
    assert main(["import-post", str(feed), "--root", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"{len(notes)} created" in out, out
    imported = load_site(target)
    assert imported.errors == () and imported.warnings == ()
    return list(notes), {n.title: n for n in imported.notes}


EVERY_FIELD = tuple(f.name for f in FIELDS) + tuple(s.key for s in SECTIONS) + ("slug",)


def comparable(note: Note) -> dict[str, object]:
    """What a note says, as a post carries it: every schema field and section, and the slug."""
    values = {name: getattr(note, name) for name in EVERY_FIELD}
    for section in SECTIONS:
        values[section.key] = normalised(values[section.key])  # type: ignore[arg-type]
    return values


LINEAGE_NOTES = {
    "2025/lineage-a.md": """---
title: "Lineage A: A Paper That Builds On Two"
authors: [Ada Example]
date: 2025-05-03
tags: [rl]
arxiv: "2505.00011"
org: Example Lab
builds_on:
  - "2203.02155"
  - "cs/0112017"
compares_with: ["2305.18290"]
---

## Abstract

An abstract.

## 한국어

두 논문을 바탕으로 합니다.

## English

It builds on two papers.
""",
    "2025/lin-b.md": """---
title: "Lineage B: Compared Only"
authors: ["Smith, J."]
date: 2025-05-03
tags: [reasoning]
url: https://example.org/lineage-b
compares_with: ["2505.00011", "2203.02155", "1706.03762"]
---

## 한국어

비교만 합니다.

## English

Compared with three, and no arXiv id of its own.
""",
    "2025/lineage-c.md": """---
title: "Lineage C: Builds On Only"
authors: [Grace Sample]
date: 2025-05-04
tags: [rl]
arxiv: "2505.00012"
builds_on: ["2505.00011"]
---

## 한국어

A를 잇습니다.

## English

Builds on A.
""",
}


def lineage_tree(dest: Path) -> Path:
    """The bundled tags and template, and notes with `builds_on:` / `compares_with:` (old and new
    style ids, one list or both, with and without an arXiv id and a chosen slug)."""
    empty_tree(dest, ROOT / "data")
    for name, text in LINEAGE_NOTES.items():
        (dest / "data" / "notes" / name).parent.mkdir(parents=True, exist_ok=True)
        (dest / "data" / "notes" / name).write_text(text, encoding="utf-8")
    return dest


TREES = [ROOT, ROOT / "tests" / "fixtures" / "site", ROOT / "tests" / "fixtures" / "contrib", None]
"""The trees of the property; None is `lineage_tree`, built in the test's directory."""


def tree_at(tree: Path | None, tmp_path: Path) -> Path:
    return tree if tree is not None else lineage_tree(tmp_path / "lineage")


@pytest.mark.slow  # imports every note of four trees back
@pytest.mark.parametrize("tree", TREES, ids=["bundled", "fixture-site", "fixture-contrib", "lineage"])
def test_every_published_note_comes_back_from_its_post_with_every_field_and_its_slug(
        tree: Path | None, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The property: post -> import-post is the identity on what a note says, for every note
    `check` accepts in these trees (no warning allowed: each would be a field the post loses).
    It goes through `schema.FIELDS` by name, so a new field the post cannot carry fails here."""
    bundled = tree is ROOT
    tree = tree_at(tree, tmp_path)
    site = load_site(tree)
    assert site.errors == () and site.notes
    notes, by_title = round_trip(capsys, tree, tmp_path / "out")
    back = {n.slug: n for n in by_title.values()}
    assert sorted(back) == sorted(n.slug for n in site.notes)
    for note in site.notes:
        got, want = comparable(back[note.slug]), comparable(note)
        for name in EVERY_FIELD:
            assert got[name] == want[name], f"{note.source}: `{name}` does not come back from the post"
    if bundled:
        # What test_the_bundled_notes_round_trip_through_a_post checked on a second round trip of
        # the same notes: the imported text is already normalised, and lists stay lists.
        assert len(notes) == len(by_title) > 30
        for note in notes:
            assert_same(by_title[" ".join(note.title.split())], note)
        lists = [n for n in notes if "\n- " in n.ko]
        assert lists and all("\n- " in by_title[n.title].ko for n in lists)


def test_the_round_trip_trees_hold_every_field_the_post_carries(tmp_path: Path) -> None:
    """The property above proves nothing for a field no note of its trees has: each field of
    `schema.FIELDS` a published note may have is set in at least one of them (a new field needs
    a note here, and a line in the post)."""
    notes = [n for tree in TREES for n in load_site(tree_at(tree, tmp_path)).notes]
    unset = [f.name for f in FIELDS if f.name != "draft" and not any(getattr(n, f.name) for n in notes)]
    assert unset == []


def test_lineage_lines_are_written_only_when_a_note_has_them(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = lineage_tree(tmp_path)
    code, out, err = post(capsys, source, "2025-05-03")
    assert code == 0 and err == ""
    assert ("arXiv:2505.00011\nOrg: Example Lab\nBuilds on: 2203.02155, cs/0112017\nCompares with: 2305.18290\n"
            "An abstract.\n") in out
    assert ("(Smith, J.;)\nLink: https://example.org/lineage-b\nSlug: lin-b\n"
            "Compares with: 2505.00011, 2203.02155, 1706.03762\n비교만") in out
    assert out.count("Builds on:") == 1
    entries, problems = parse_posts(out)
    assert problems == []
    assert {e.title: (e.builds_on, e.compares_with) for e in entries} == {
        "Lineage A: A Paper That Builds On Two": (("2203.02155", "cs/0112017"), ("2305.18290",)),
        "Lineage B: Compared Only": ((), ("2505.00011", "2203.02155", "1706.03762"))}


BAD_LINEAGE = """2025-05-03
Good Paper
(Ann Lee)
arXiv:2505.00011
Builds on: arXiv:2203.02155v2, https://arxiv.org/abs/2305.18290
Compares with: 1706.03762
한국어 코멘트.
English commentary.
#rl
Arabic-Indic Digits
(Ann Lee)
Builds on: 2203.02155, ٢٣٠٥.١٨٢٩٠
한국어 코멘트.
English commentary.
#rl
Bad Ids
(Ann Lee)
arXiv:2505.00012
Compares with: 2513.99999, , 2203.02155, 2203.02155
Builds on:
한국어 코멘트.
English commentary.
#rl
Names Itself
(Ann Lee)
Builds on: 2505.00013
arXiv:2505.00013
한국어 코멘트.
English commentary.
#rl
"""


def test_malformed_lineage_lines_are_located_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    posts = tmp_path / "posts.txt"
    posts.write_text(BAD_LINEAGE, encoding="utf-8")
    target = empty_tree(tmp_path / "tree", ROOT / "data")
    assert main(["import-post", str(posts), "--root", str(target)]) == 1
    out = capsys.readouterr().out
    assert (f"{posts}:12: error: builds_on: `Builds on:` takes arXiv ids separated by commas (e.g. 2203.02155, "
            f"2305.18290): item 2: '٢٣٠٥.١٨٢٩٠' contains the digit '٢' (U+0662 ARABIC-INDIC DIGIT TWO); "
            f"arXiv ids use the ASCII digits 0-9: \"2305.18290\"") in out
    assert f"{posts}:19: error: compares_with: `Compares with:` takes arXiv ids" in out
    assert "item 1: '2513.99999': 13 is not a month" in out and "item 2 is empty (two commas in a row)" in out
    assert "item 4: '2203.02155' is listed twice; keep it once" in out
    assert f"{posts}:20: error: builds_on: `Builds on:` is empty; write arXiv ids" in out
    assert f"{posts}:26: error: builds_on: 2505.00013 is this paper's own id (its arXiv line)" in out
    assert out.splitlines()[-1] == "import-post: 1 created, 0 skipped (already have a note), 3 failed"
    note = load_site(target).notes[0]  # the good paper, its ids read from an arXiv: prefix, a version and a URL
    assert (note.title, note.builds_on, note.compares_with) == ("Good Paper", ("2203.02155", "2305.18290"), ("1706.03762",))


@pytest.mark.parametrize("tags", ["#rl,#reasoning", "#rl #", "#rl#reasoning"])
def test_a_malformed_hashtag_line_is_named_at_its_line(tags: str) -> None:
    """It was reported at the title as a block with no hashtag line, which the writer could see it had."""
    text = f"2025-05-03\nFirst Paper\n(Ann Lee)\n한국어.\nEnglish.\n{tags}\nSecond Paper\n(Bo Kim)\n한국어.\nEnglish.\n#rl\n"
    entries, problems = parse_posts(text)
    assert [e.title for e in entries] == ["Second Paper"]
    assert [(p.line, p.field, p.message) for p in problems] == [
        (6, "block", f"the paper block 'First Paper' ends with {tags!r}, which is not a hashtag line: write each tag as "
                     "`#` and its name, the tags separated by spaces (e.g. `#reward-model #rl`)")]


def test_commentary_before_the_first_section_marker_is_said_not_filed_as_the_abstract() -> None:
    """Found by a QA pass: a block with its commentary unmarked and `## 한국어` / `## English`
    lines added after it imported with its commentary under `## Abstract`, and no word. The lines
    before the first marker are the abstract: Korean there is said, at its line; a block whose
    `## Abstract` is marked, or which has no marker, reads as before."""
    text = ("2025-05-03\nFirst Paper\n(Ann Lee)\nAn abstract.\n한국어 코멘트.\nEnglish commentary.\n"
            "## 한국어\n또.\n## English\nAgain.\n#rl\n"
            "Second Paper\n(Bo Kim)\n## Abstract\n초록도 한국어일 수 있다.\n## 한국어\n코멘트.\n## English\nCommentary.\n#rl\n"
            "Third Paper\n(Cy Park)\nAn abstract.\n## 한국어\n코멘트.\n## English\nCommentary.\n#rl\n")
    entries, problems = parse_posts(text)
    assert [e.title for e in entries] == ["Second Paper", "Third Paper"]
    assert [(p.line, p.field) for p in problems] == [(5, "block")]
    assert problems[0].message.startswith("in the paper block 'First Paper', this line before `## 한국어` is Korean, "
                                          "but the lines before the first section marker are the abstract")


def test_dates_and_ids_with_non_ascii_digits_are_located_problems(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """`\\d` and `int()` take Arabic-Indic and fullwidth digits; the post's reader takes 0-9 only, and
    says where and which digit, never filing the papers under such a header below the day before."""
    text = ("2025년 5월 3일\nFirst Paper\n(Ann Lee)\n한국어.\nEnglish.\n#rl\n"
            "٢٠٢٥년 ٥월 ٤일\nUnder A Bad Header\n(Ann Lee)\n한국어.\nEnglish.\n#rl\n"
            "２０２５-05-05\nUnder A Fullwidth Header\n(Ann Lee)\n한국어.\nEnglish.\n#rl\n"
            "2025-05-06\nBad Published\n(Ann Lee)\nPublished: 2025-٠٥-01\n한국어.\nEnglish.\n#rl\n"
            "Bad Bare Id\n(Ann Lee)\n٢٥٠٥.٠٠٠١١\n한국어.\nEnglish.\n#rl\n")
    entries, problems = parse_posts(text)
    assert [(e.title, e.date.isoformat()) for e in entries] == [("First Paper", "2025-05-03")]
    where = {(p.line, p.field): p.message for p in problems}
    assert where[(7, "day header")].startswith("the day header '٢٠٢٥년 ٥월 ٤일' is written with the digit '٢' "
                                               "(U+0662 ARABIC-INDIC DIGIT TWO); dates and ids use the ASCII digits 0-9: "
                                               "'2025년 5월 4일'; the papers under it are skipped")
    assert "'２' (U+FF12 FULLWIDTH DIGIT TWO)" in where[(13, "day header")]
    assert where[(22, "published")] == ("`Published:` '2025-٠٥-01' is written with the digit '٠' (U+0660 "
                                         "ARABIC-INDIC DIGIT ZERO); dates and ids use the ASCII digits 0-9: '2025-05-01'")
    assert "'٢' (U+0662 ARABIC-INDIC DIGIT TWO); arXiv ids use the ASCII digits 0-9" in where[(28, "arxiv")]
    skipped = [p for p in problems if p.field == "block"]
    assert [p.line for p in skipped] == [8, 14]
    assert all("its day header is not a valid date" in p.message for p in skipped)
    posts = tmp_path / "posts.txt"
    posts.write_text(text, encoding="utf-8")
    target = empty_tree(tmp_path / "tree", ROOT / "data")
    assert main(["import-post", str(posts), "--root", str(target)]) == 1
    out = capsys.readouterr().out
    assert f"{posts}:7: error: day header: the day header '٢٠٢٥년 ٥월 ٤일' is written with the digit" in out
    assert out.splitlines()[-1].startswith("import-post: 1 created")
    assert [n.title for n in load_site(target).notes] == ["First Paper"]


AWKWARD = """---
title: "Reward Models: {n}"
authors: ["Smith, J.", Ada Example]
date: 2025-05-03
tags: [rl]
arxiv: "2505.0000{n}"
url: https://example.org/paper?id={n}&x=1
code: https://github.com/example/repo-{n}
org: Example Lab, Seoul
published: 2025-04-2{n}
---

## 한국어

첫 문단입니다 (초록이 없는 노트).

## English

No abstract in this note; the slug is not the title's.
"""


def test_optional_fields_a_missing_abstract_and_a_chosen_slug_come_back(capsys: pytest.CaptureFixture[str],
                                                                      tmp_path: Path) -> None:
    source = empty_tree(tmp_path / "source", ROOT / "data")
    (source / "data" / "notes" / "2025").mkdir()
    for n, slug in ((1, "rm-1"), (2, "reward-models")):
        (source / "data" / "notes" / "2025" / f"{slug}.md").write_text(AWKWARD.format(n=n), encoding="utf-8")
    code, out, err = post(capsys, source, "2025-05-03")
    assert code == 0 and err == ""
    assert "(Smith, J.; Ada Example)\narXiv:2505.00001\nLink: https://example.org/paper?id=1&x=1\n" in out
    assert "Org: Example Lab, Seoul\nPublished: 2025-04-21\nSlug: rm-1\n첫 문단입니다" in out
    assert "Slug: reward-models" not in out  # the title gives that slug already
    notes, back = round_trip(capsys, source, tmp_path / "out")
    by_slug = {n.slug: n for n in back.values()}
    assert sorted(by_slug) == ["reward-models", "rm-1"]
    for note in notes:
        assert comparable(by_slug[note.slug]) == comparable(note)


NOTE = """---
title: "Links, Math and Lists   in One Note"
authors: [Ada Example, Grace Sample]
date: 2025-05-02
tags: [rl, reasoning]
arxiv: "2505.00001"
---

## Abstract

First abstract paragraph with $x^2$ and a
soft line break.

Second abstract paragraph.

## 한국어

첫 문단은 [링크](https://example.org/a_b?c=1) 와 수식 $\\sum_k r_k$ 를 씁니다.

둘째 문단:

- 첫째 항목 $a$
- 둘째 항목은
  이어지는 줄이 있습니다

셋째 문단은 $$\\frac{1}{2}$$ 로 끝납니다.

## English

The first paragraph links [a page](https://example.org/x) and uses $\\pi$.

The second paragraph is *emphasised* and has `code`.
"""


def test_several_paragraphs_links_math_and_lists_round_trip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = empty_tree(tmp_path / "source", ROOT / "data")
    (source / "data" / "notes" / "2025").mkdir()
    (source / "data" / "notes" / "2025" / "mixed.md").write_text(NOTE, encoding="utf-8")
    code, out, err = post(capsys, source, "2025-05-02")
    assert code == 0 and err == ""
    assert "- 둘째 항목은 이어지는 줄이 있습니다\n" in out
    assert "첫 문단은 [링크](https://example.org/a_b?c=1) 와 수식 $\\sum_k r_k$ 를 씁니다.\n" in out
    notes, back = round_trip(capsys, source, tmp_path / "out")
    got = back["Links, Math and Lists in One Note"]
    assert_same(got, notes[0])
    assert got.ko.count("\n\n") == 3 and "$$\\frac{1}{2}$$" in got.ko
    assert got.abstract.strip() == "First abstract paragraph with $x^2$ and a soft line break.\n\nSecond abstract paragraph."


def test_a_title_that_starts_and_ends_with_parentheses_comes_back(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`(Mis)alignment: A Survey (Part 1)` read as an author list: `post` warned and import-post
    refused the block ("the paper block starts with the authors"). Only a line whose first `(`
    closes at its end is an author list."""
    source = empty_tree(tmp_path / "source", ROOT / "data")
    (source / "data" / "notes" / "2025").mkdir()
    (source / "data" / "notes" / "2025" / "mis.md").write_text(NOTE.replace("Links, Math and Lists   in One Note",
                                                                            "(Mis)alignment: A Survey (Part 1)"), encoding="utf-8")
    code, out, err = post(capsys, source, "2025-05-02")
    assert code == 0 and err == ""
    notes, back = round_trip(capsys, source, tmp_path / "out")
    assert_same(back["(Mis)alignment: A Survey (Part 1)"], notes[0])


def test_post_layout_and_options(capsys: pytest.CaptureFixture[str]) -> None:
    site = ROOT / "tests" / "fixtures" / "site"
    day = next(n for n in load_site(site).notes if n.abstract.strip() and n.ko.strip() and n.en.strip())
    code, full, _ = post(capsys, site, day.date.isoformat())
    assert code == 0
    lines = full.splitlines()
    assert lines[0] == f"{day.date.year}년 {day.date.month}월 {day.date.day}일"
    entries, problems = parse_posts(full)
    assert [e.title for e in entries if e.title == " ".join(day.title.split())]
    assert "(" + ", ".join(day.authors) + ")" in lines
    assert " ".join(f"#{t}" for t in day.tags) in lines
    code, ko_only, _ = post(capsys, site, day.date.isoformat(), "--lang", "ko")
    assert code == 0 and normalised(day.ko).split("\n")[0] in ko_only
    assert normalised(day.en).split("\n")[0] not in ko_only
    code, en_short, _ = post(capsys, site, day.date.isoformat(), "--lang", "en", "--no-abstract")
    assert code == 0 and normalised(day.en).split("\n")[0] in en_short
    assert normalised(day.abstract).split("\n")[0] not in en_short and normalised(day.ko).split("\n")[0] not in en_short


def test_clear_messages_for_bad_dates_empty_days_and_drafts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = post(capsys, ROOT, "2025-02-30")
    assert (code, out) == (2, "") and "'2025-02-30' is not a date; write the day as YYYY-MM-DD" in err
    code, out, err = post(capsys, ROOT, "yesterday")
    assert code == 2 and "'yesterday' is not a date" in err
    code, out, err = post(capsys, ROOT, "2023-12-01")
    assert (code, out) == (1, "") and "no notes on 2023-12-01; the nearest days with notes are 2023-10-31 before it and 2023-12-26 after it" in err
    source = empty_tree(tmp_path, ROOT / "data")
    code, out, err = post(capsys, source, "2025-05-02")
    assert code == 1 and "no notes on 2025-05-02 (there are no published notes yet)" in err
    (source / "data" / "notes" / "2025").mkdir()
    (source / "data" / "notes" / "2025" / "mixed.md").write_text(NOTE.replace("tags:", "draft: true\ntags:"), encoding="utf-8")
    code, out, err = post(capsys, source, "2025-05-02")
    assert (code, out) == (1, "")
    assert "2025-05-02 has only draft notes (1): data/notes/2025/mixed.md; drafts are not published" in err


def test_paragraphs_the_hangul_rule_would_misplace_come_back_under_section_markers(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = empty_tree(tmp_path / "source", ROOT / "data")
    (source / "data" / "notes" / "2025").mkdir()
    odd = NOTE.replace("The second paragraph is", "두 번째 paragraph is").replace("셋째 문단은 $$\\frac{1}{2}$$ 로 끝납니다.", "$$\\frac{1}{2}$$")
    (source / "data" / "notes" / "2025" / "mixed.md").write_text(odd, encoding="utf-8")
    code, out, err = post(capsys, source, "2025-05-02")
    assert code == 0 and err == ""
    assert "\n## Abstract\nFirst abstract" in out and "\n## 한국어\n첫 문단은" in out and "\n## English\nThe first" in out
    notes, back = round_trip(capsys, source, tmp_path / "out")
    assert comparable(back[notes[0].title]) == comparable(notes[0])
    # A plain note keeps the plain post: no markers.
    (source / "data" / "notes" / "2025" / "mixed.md").write_text(NOTE, encoding="utf-8")
    assert "## " not in post(capsys, source, "2025-05-02")[1]


def test_what_a_post_cannot_carry_is_named_with_its_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = empty_tree(tmp_path, ROOT / "data")
    (source / "data" / "notes" / "2025").mkdir()
    bad = NOTE.replace("The second paragraph is *emphasised* and has `code`.", "2025-04-09") \
              .replace("Second abstract paragraph.", "| a | b |\n|---|---|\n| 1 | 2 |")
    (source / "data" / "notes" / "2025" / "mixed.md").write_text(bad, encoding="utf-8")
    code, out, err = post(capsys, source, "2025-05-02")
    assert code == 0 and out.startswith("2025년 5월 2일\n")  # printed all the same
    line_table = bad.splitlines().index("| a | b |") + 1
    line_day = bad.splitlines().index("2025-04-09") + 1
    assert f"data/notes/2025/mixed.md:{line_table}: warning: ## Abstract paragraph 2: a block of several lines" in err
    assert f"data/notes/2025/mixed.md:{line_day}: warning" not in err  # a date in the commentary reads back as it is
    note = load_site(source).notes[0]
    assert [p.field for p in round_trip_problems(note)] == ["## Abstract paragraph 2"]


def test_reference_style_link_definitions_are_told_not_lost(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Found by a QA pass: `[a]: …` and `[b]: …` on two lines became one line of text in the post,
    and import-post wrote it so: the note showed "See [one][a] and [two][b]." with both links gone,
    and no warning. `post` names the block; an inline link is carried as it is."""
    source = empty_tree(tmp_path, ROOT / "data")
    (source / "data" / "notes" / "2025").mkdir()
    refs = NOTE.replace("The second paragraph is *emphasised* and has `code`.",
                        "See [one][a] and [two][b].\n\n[a]: https://example.org/a\n[b]: https://example.org/b")
    (source / "data" / "notes" / "2025" / "mixed.md").write_text(refs, encoding="utf-8")
    code, out, err = post(capsys, source, "2025-05-02")
    line = refs.splitlines().index("[a]: https://example.org/a") + 1
    assert code == 0 and f"data/notes/2025/mixed.md:{line}: warning: ## English paragraph 3: reference-style link definitions" in err
    inline = NOTE.replace("The second paragraph is *emphasised* and has `code`.", "See [one](https://example.org/a).")
    (source / "data" / "notes" / "2025" / "mixed.md").write_text(inline, encoding="utf-8")
    assert "warning" not in post(capsys, source, "2025-05-02")[2]


def test_the_same_paragraph_in_two_sections_is_told_at_each_ones_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`arXiv:…` alone under both `## 한국어` and `## English`: both warnings named the Korean line
    (the first match in the file), the English one too."""
    source = empty_tree(tmp_path, ROOT / "data")
    (source / "data" / "notes" / "2025").mkdir()
    text = NOTE.split("## 한국어")[0] + "## 한국어\n\n보상 모델 없이 학습한다.\n\narXiv:2611.00001\n\n## English\n\nIt needs no reward model.\n\narXiv:2611.00001\n"
    (source / "data" / "notes" / "2025" / "zeta.md").write_text(text, encoding="utf-8")
    code, _, err = post(capsys, source, "2025-05-02")
    ko, en = [i + 1 for i, line in enumerate(text.splitlines()) if line == "arXiv:2611.00001"]
    assert code == 0 and ko < en
    assert f"data/notes/2025/zeta.md:{ko}: warning: ## 한국어 paragraph 2:" in err
    assert f"data/notes/2025/zeta.md:{en}: warning: ## English paragraph 2:" in err


def test_the_day_page_gets_the_post_without_the_authoring_package() -> None:
    """The post's writer is a format module: rendering pages imports no importer or scaffold."""
    import subprocess
    import sys

    code = ("import sys, papernotes.pages.registry, papernotes.outputs.daily_post\n"
            "print(sorted(m for m in sys.modules if m.startswith('papernotes.authoring')))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


@pytest.mark.parametrize("ko, en", [
    ("arXiv:2305.18290 의 후속 연구다. 보상 모델 없이 학습한다.", "It follows arXiv:2305.18290 without a reward model."),
    ("보상 모델 없이 학습한다.\n\narXiv:2305.18290의 후속 연구다.", "It needs no reward model.\n\narXiv:2305.18290 showed how, and this follows it."),
])
def test_a_commentary_line_that_starts_with_an_arxiv_id_comes_back(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                                   ko: str, en: str) -> None:
    """A commentary paragraph that starts with `arXiv:<id>` and goes on (usual in Korean: "arXiv:…
    의 후속 연구다") is text: `post` asked to reword it and import-post refused the block ("this
    line reads as an arXiv id, but …")."""
    source = empty_tree(tmp_path / "source", ROOT / "data")
    (source / "data" / "notes" / "2025").mkdir()
    text = NOTE.split("## 한국어")[0] + f"## 한국어\n\n{ko}\n\n## English\n\n{en}\n"
    (source / "data" / "notes" / "2025" / "follow.md").write_text(text, encoding="utf-8")
    code, out, err = post(capsys, source, "2025-05-02")
    assert code == 0 and err == "", err
    notes, back = round_trip(capsys, source, tmp_path / "out")
    got = back["Links, Math and Lists in One Note"]
    assert_same(got, notes[0])
    assert got.arxiv == "2505.00001"


def test_a_date_line_inside_a_papers_block_is_its_commentary() -> None:
    """A date written alone on a line of a paper's commentary (before its hashtag line) was read
    as the next day's header: the papers after it were imported under that day, with no word;
    then it skipped every paper after it (12 of 14 in a round trip). It is the commentary's."""
    text = ("2026-12-05\nFirst Paper\n(Ann First)\narXiv:2409.94001\n첫 논문 한국어 코멘트.\n2025-04-09\n"
            "First paper English commentary.\n#alignment\n\nSecond Paper\n(Bob Second)\narXiv:2409.94002\n"
            "둘째 논문 한국어 코멘트.\nSecond paper English commentary.\n#alignment\n")
    entries, problems = parse_posts(text)
    assert problems == []
    assert [(e.title, e.date) for e in entries] == [("First Paper", dt.date(2026, 12, 5)), ("Second Paper", dt.date(2026, 12, 5))]
    assert "2025-04-09" in entries[0].en


def test_a_title_that_is_a_date_is_told_so() -> None:
    """`2025-04-09` as a paper's title reads as a day header (as a forgotten title's header would):
    its paper is refused with a word about dates as titles, and `post` warns before writing one."""
    text = ("2025-07-01\n2025-04-09\n(Ada Lovelace)\narXiv:2507.00001\n한국어 코멘트.\nEnglish commentary.\n#rl\n")
    entries, problems = parse_posts(text)
    assert entries == [] and [p.line for p in problems] == [3] and "a title written as a date reads as a day header" in problems[0].message


@pytest.mark.parametrize("broken, written, posted, why", [
    # An unfinished note of another day stopped every post: "8 errors in the notes; fix them first".
    pytest.param("2026/unfinished.md", "date: 2026-12-06\ntags: []\n", True, None, id="another-days-note"),
    pytest.param("2026/unfinished.md", "date: '2026-12-06'  # planned\ntitle: [\n", True, None, id="another-day-broken-yaml"),
    pytest.param("2025/same-day.md", "date: 2025-05-02\ntags: []\n", False, "dated 2025-05-02", id="same-day"),
    pytest.param("2025/no-date.md", "tags: [rl]\n", False, "its date cannot be read", id="no-date"),
    pytest.param("2025/bad-date.md", "date: 2025-02-30\n", False, "its date cannot be read", id="impossible-date"),
    pytest.param("2025/two-dates.md", "date: 2026-12-06\ndate: 2025-05-02\n", False, "its date cannot be read", id="two-dates"),
    # A draft of the day is in no post, broken or not; a file that is no note is of no day.
    pytest.param("2025/draft.md", "date: 2025-05-02\ndraft: true\ntags: []\n", True, None, id="same-day-draft"),
    pytest.param("2025/notes.txt", "date: 2025-05-02\n", True, None, id="not-a-note-file"),
])
def test_a_broken_note_stops_only_the_post_of_its_own_day(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                         broken: str, written: str, posted: bool, why: str | None) -> None:
    source = empty_tree(tmp_path, ROOT / "data")
    notes = source / "data" / "notes"
    (notes / "2025").mkdir()
    (notes / "2026").mkdir()
    (notes / "2025" / "good.md").write_text(NOTE, encoding="utf-8")
    (notes / broken).write_text(f"---\ntitle: Unfinished\n{written}---\n\n## 한국어\n\n쓰는 중.\n", encoding="utf-8")
    code, out, err = post(capsys, source, "2025-05-02")
    shown = f"data/notes/{broken}"
    if posted:
        assert code == 0 and "Links, Math and Lists in One Note" in out, err
        assert f"in 1 other file ({shown}), none a note of 2025-05-02; the post is whole" in err
    else:
        assert (code, out) == (1, "")
        assert err.splitlines()[-1].startswith("papernotes post: ") and re.search(rf"\d+ errors? in {re.escape(shown)} \({re.escape(why)}\); fix them first", err)
        assert all(line.startswith(f"{shown}:") for line in err.splitlines()[:-1]), err  # file:line:column: error: field: ...


@pytest.mark.parametrize("written, fix", [("2022/10/19", "write 2022-10-19"), ("2022년 10월 19일", "write 2022-10-19"),
                                          ("Oct 19, 2022", "write 2022-10-19"), ("19.10.2022", "write 2022-10-19")])
def test_a_published_date_written_another_way_says_how_to_write_it(written: str, fix: str) -> None:
    """`Published: 2022/10/19` said only that the field takes YYYY-MM-DD (found by a QA pass)."""
    _, problems = parse_posts(f"2025-05-06\nA Paper\n(Ann Lee)\nPublished: {written}\n한국어.\nEnglish.\n#rl\n")
    (problem,) = [p for p in problems if p.field == "published"]
    assert problem.message == f"`Published:` takes a date written YYYY-MM-DD, got '{written}': {fix}"


def _linking_note(title: str, day: str, arxiv: str, link: str) -> str:
    return (f'---\ntitle: "{title}"\nauthors: [Ann Lee]\ndate: {day}\ntags: [rl]\narxiv: "{arxiv}"\n---\n\n'
            f"## 한국어\n\n{title} 코멘트: [다음 노트]({link}) 참고.\n\n## English\n\n{title} commentary: see [the next note]({link}).\n")


def test_a_note_linking_one_posted_later_comes_back_from_the_posts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A CLI QA pass: a note linking, as the guide recommends, a note of a later day (or later in its
    own day's post) passed `check` and the strict build, but import-post checked each paper against
    the tree as it stood, so the link "led nowhere" and the paper was not written. It waits now
    for the papers after it; a link that leads nowhere in the end still fails."""
    source = empty_tree(tmp_path / "source", ROOT / "data")
    notes = source / "data" / "notes" / "2025"
    notes.mkdir()
    (notes / "first.md").write_text(_linking_note("First Paper", "2025-05-01", "2505.00001", "../third/"), encoding="utf-8")
    (notes / "second.md").write_text(_linking_note("Second Paper", "2025-05-02", "2505.00002", "../third/"), encoding="utf-8")
    (notes / "third.md").write_text(_linking_note("Third Paper", "2025-05-02", "2505.00003", "../first/"), encoding="utf-8")
    assert load_site(source).warnings == ()
    _, back = round_trip(capsys, source, tmp_path / "out")
    assert sorted(n.slug for n in back.values()) == ["first", "second", "third"]
    # A link to no note of the tree nor of the run still fails, once, at its paper.
    (notes / "third.md").unlink()
    feed = tmp_path / "alone.txt"
    feed.write_text(post(capsys, source, "2025-05-01")[1], encoding="utf-8")
    target = empty_tree(tmp_path / "alone", source / "data")
    assert main(["import-post", str(feed), "--root", str(target)]) == 1
    out = capsys.readouterr().out
    assert "0 created" in out and "1 failed" in out and out.count(": error: ") == 1 and "leads nowhere" in out, out


def test_hashtags_written_with_commas_are_the_tags(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A CLI QA pass: `#reasoning, #rl` read as the tags 'reasoning,' and 'rl' ("unknown tag
    'reasoning,'", which --add-tags refused as no tag name); and `#보상모델` was told to use
    --add-tags, which refuses it too, with no word of the tag whose Korean label it is."""
    entries, problems = parse_posts("2025-05-03\nFirst Paper\n(Ann Lee)\n한국어.\nEnglish.\n#reasoning, #rl\n")
    assert problems == [] and entries[0].tags == ("reasoning", "rl")
    target = empty_tree(tmp_path / "tree", ROOT / "data")
    feed = tmp_path / "posts.txt"
    feed.write_text("2025-05-03\nFirst Paper\n(Ann Lee)\n한국어.\nEnglish.\n#보상모델\n", encoding="utf-8")
    assert main(["import-post", str(feed), "--root", str(target)]) == 1
    out, err = capsys.readouterr()
    assert "'보상모델' (did you mean 'reward-model'" in out, (out, err)


@pytest.mark.parametrize("header", ["2026년 12월 5일 (토)", "2026년 12월 5일 토요일", "2026.12.05", "2026.12.05.", "2026/12/5 (Sat)"])
def test_a_day_header_written_as_people_write_it_dates_its_papers(header: str) -> None:
    """A CLI QA pass: a header with its weekday, or with dots, was not a header: "no date header
    above it", and every paper after it was skipped."""
    entries, problems = parse_posts(f"{header}\nFirst Paper\n(Ann Lee)\n한국어.\nEnglish.\n#rl\n")
    assert problems == [] and [e.date for e in entries] == [dt.date(2026, 12, 5)]
