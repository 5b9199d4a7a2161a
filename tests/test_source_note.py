"""The note loader and validator, table-driven: each broken note names file, line, column,
field and a message that says what to fix, and never costs another note."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from papernotes.markup import Converter
from papernotes.source.tree import load_site
from papernotes.source.note import parse_note
from papernotes.source.tags import load_tag_registry

FIXTURE = Path(__file__).parent / "fixtures" / "site"
TAGS, _ = load_tag_registry(FIXTURE / "data" / "tags.yml", "data/tags.yml")
SOURCE = "data/notes/2025/x.md"

VALID = """\
---
title: "A Paper"
authors:
  - Ada Lovelace
date: 2025-04-09
tags: [reward-model, rl]
arxiv: "2504.06141"
---

## Abstract

Text.

## 한국어

한국어 코멘트.

## English

English commentary.
"""


def variant(old: str, new: str) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, 1)


# (case id, note text, expected "line:col: severity: field" prefix, expected message fragment)
BROKEN = [
    ("arxiv-unquoted-float", variant('"2504.06141"', "2401.12340"), "7:8: error: arxiv", 'quote it: arxiv: "2401.12340"'),
    # `2401` quoted is still no id: said so, not "quote it" (which only led to that error).
    ("arxiv-unquoted-int", variant('"2504.06141"', "2401"), "7:8: error: arxiv", "'2401' is not an arXiv id"),
    ("arxiv-version", variant('"2504.06141"', '"2504.06141v2"'), "7:8: error: arxiv", 'drop the version suffix: "2504.06141"'),
    ("arxiv-url", variant('"2504.06141"', '"https://arxiv.org/abs/2504.06141"'), "7:8: error: arxiv", 'bare id'),
    ("arxiv-garbage", variant('"2504.06141"', '"paper-one"'), "7:8: error: arxiv", "is not an arXiv id"),
    ("tag-typo", variant("[reward-model, rl]", "[reward-modle, rl]"), "6:8: error: tags[0]", "unknown tag 'reward-modle' (did you mean 'reward-model': Reward model, 보상 모델?)"),
    ("tag-unknown", variant("[reward-model, rl]", "[reward-model, quantum-gravity]"), "6:22: error: tags[1]", "add the tag to data/tags.yml"),
    ("tags-empty", variant("[reward-model, rl]", "[]"), "6:7: error: tags", "at least one tag"),
    ("tags-mapping", variant("[reward-model, rl]", "{a: b}"), "6:7: error: tags", "expected a list"),
    ("tag-number", variant("[reward-model, rl]", "[reward-model, 42]"), "6:22: error: tags[1]", "quote it"),
    ("unknown-key", variant("arxiv:", 'arxiv: "2504.06141"\nsumary:'), "8:1: error: sumary", "allowed keys"),
    ("unknown-key-typo", variant("date:", "dtae:"), "5:1: error: dtae", "(did you mean 'date'?)"),
    ("missing-title", variant('title: "A Paper"\n', ""), "1:1: error: title", "required field `title:` is missing"),
    ("missing-authors", variant("authors:\n  - Ada Lovelace\n", ""), "1:1: error: authors", "required field `authors:` is missing"),
    ("missing-date", variant("date: 2025-04-09\n", ""), "1:1: error: date", "required field `date:` is missing"),
    ("missing-tags", variant("tags: [reward-model, rl]\n", ""), "1:1: error: tags", "required field `tags:` is missing"),
    ("authors-empty", variant("authors:\n  - Ada Lovelace", "authors: []"), "3:10: error: authors", "at least one author"),
    ("author-number", variant("  - Ada Lovelace", "  - 42"), "4:5: error: authors[0]", "quote it"),
    ("date-slashes", variant("2025-04-09", "2025/4/9"), "5:7: error: date", "expected a date written YYYY-MM-DD, got '2025/4/9': write 2025-04-09"),
    # Found by a newcomer's QA pass: a one-digit day got the rule, not the date to write.
    ("date-one-digit-day", variant("2025-04-09", "2026-12-7"), "5:7: error: date", "got '2026-12-7': write 2026-12-07"),
    # Found by a QA pass: the Korean way (the daily post's own), a day-first or month-first
    # date and an English one said only "expected a date written YYYY-MM-DD".
    # A setext heading naming a section, inside another (a fuzzing pass: the Markdown copy kept it as a section)
    ("setext-section", variant("English commentary.", "English commentary.\n\nAbstract\n========\n\nMore."), "22:1: error: body",
     "`Abstract` underlined with `===` is not a section heading: write `## Abstract` on one line"),
    # YAML reads yes/on as true: `draft: yes` left a note out with only the summary's count to say so (a fuzzing pass).
    ("draft-yes", variant('arxiv: "2504.06141"', 'arxiv: "2504.06141"\ndraft: yes'), "8:8: error: draft",
     "`draft:` is `true` or `false`, got 'yes': write `draft: true`, or delete the line to publish the note"),
    ("draft-off", variant('arxiv: "2504.06141"', 'arxiv: "2504.06141"\ndraft: Off'), "8:8: error: draft", "got 'Off': write `draft: false`"),
    # "or none" was wrong for an id: unquoted, YAML reads it as a number (a QA pass).
    ("arxiv-curly-quotes", variant('arxiv: "2504.06141"', "arxiv: \u201c2504.06141\u201d"), "7:8: error: arxiv",
     'wrapped in curly quotes (\u201c…\u201d), which YAML keeps as part of it; use straight quotes instead: "2504.06141"'),
    ("date-korean", variant("2025-04-09", "2026년 12월 7일"), "5:7: error: date", "got '2026년 12월 7일': write 2026-12-07"),
    ("date-day-first", variant("2025-04-09", "13/12/2026"), "5:7: error: date", "write 2026-12-13"),
    ("date-either-way", variant("2025-04-09", "07/12/2026"), "5:7: error: date",
     "write 2026-12-07 if 7 is the day, 2026-07-12 if it is the month"),
    ("date-english", variant("2025-04-09", "Dec 7, 2026"), "5:7: error: date", "write 2026-12-07"),
    ("date-no-month-13", variant("2025-04-09", "2026-13-7"), "5:7: error: date", "YYYY-MM-DD, got '2026-13-7'"),
    ("arxiv-six-digits", variant('"2504.06141"', '"2510.088722"'), "7:8: error: arxiv", "'2510.088722' has 6 digits after the dot; a new-style id has 5"),
    ("date-impossible", variant("2025-04-09", "2024-02-30"), "5:7: error: date", "'2024-02-30' is not a real calendar date"),
    ("date-words", variant("2025-04-09", "yesterday"), "5:7: error: date", "YYYY-MM-DD"),
    ("published-impossible", variant("arxiv:", "published: 2025-13-01\narxiv:"), "7:12: error: published", "not a real calendar date"),
    # A paper from the future went to every citation file and tag as written.
    ("published-future", variant("arxiv:", "published: 2099-01-01\narxiv:"), "7:12: error: published", "2099-01-01 is after today"),
    ("title-number", variant('"A Paper"', "2024"), "2:8: error: title", 'quote it: "2024"'),
    ("title-boolean", variant('"A Paper"', "no"), "2:8: error: title", "as a boolean"),
    ("title-empty", variant('"A Paper"', '""'), "2:8: error: title", "must not be empty"),
    ("title-list", variant('"A Paper"', "[a, b]"), "2:8: error: title", "expected text, got a list"),
    ("duplicate-key", variant("date:", 'title: "Again"\ndate:'), "5:1: error: front matter", "duplicate key 'title' (first defined on line 2)"),
    ("url-bad-scheme", variant("arxiv:", "url: ftp://example.org/x\narxiv:"), "7:6: error: url", "expected an http(s) link"),
    ("code-with-a-quote", variant("arxiv:", "code: 'https://github.com/a/b\"><x'\narxiv:"), "7:7: error: code", "which a link cannot"),
    ("code-javascript", variant("arxiv:", "code: javascript:alert(1)\narxiv:"), "7:7: error: code", "expected an http(s) link"),
    # A Cyrillic а in arxiv.org: the paper's link read as arXiv and led to another site.
    ("url-homograph", variant("arxiv:", "url: https://\u0430rxiv.org/abs/2505.00003\narxiv:"), "7:6: error: url", "mixes Latin letters with Cyrillic ones"),
    ("code-homograph-punycode", variant("arxiv:", "code: https://xn--gthub-2of.com/x\narxiv:"), "7:7: error: code", "mixes Latin letters"),
    ("no-link", variant('arxiv: "2504.06141"\n', ""), "1:1: error: url", "needs `arxiv:`"),
    # Found by a QA pass: an arXiv page's address with other digits named no paper, so a second
    # note of a paper published beside the first. Each is an error at `url:`, with what to write.
    ("url-fullwidth-digits", variant('arxiv: "2504.06141"', "url: https://arxiv.org/abs/\uff12\uff15\uff10\uff14.06141"), "7:6: error: url",
     "write 'https://arxiv.org/abs/2504.06141'"),
    ("url-arabic-digits-hf", variant('arxiv: "2504.06141"', "url: https://huggingface.co/papers/\u0662\u0665\u0660\u0664.06141"), "7:6: error: url",
     "write 'https://huggingface.co/papers/2504.06141'"),
    ("url-fullwidth-dot", variant('arxiv: "2504.06141"', "url: https://arxiv.org/abs/2504\uff0e06141"), "7:6: error: url", "write 'https://arxiv.org/abs/2504.06141'"),
    ("url-two-versions", variant('arxiv: "2504.06141"', "url: https://arxiv.org/abs/2504.06141v2v3"), "7:6: error: url", "is not an arXiv id with at most a version"),
    ("url-short-id", variant('arxiv: "2504.06141"', "url: https://arxiv.org/abs/2504.0614"), "7:6: error: url", "'2504.0614' has 4 digits after the dot"),
    ("org-list", variant("arxiv:", "org: [a]\narxiv:"), "7:6: error: org", "expected text, got a list"),
    ("yaml-syntax", variant('"A Paper"', '"A Paper'), "2:8: error: title", "unclosed quote in the value of 'title'"),
    # Found by a QA pass: an unclosed [ or { on the front matter's last line, and a value
    # starting "- ", kept PyYAML's words ("expected the node content, but found '<stream end>'").
    ("yaml-unclosed-at-end", variant('arxiv: "2504.06141"', 'arxiv: "2504.06141"\norg: ['), "8:6: error: org",
     "the [ that opens the value of 'org' is not closed: end it with ] on this line"),
    ("yaml-unclosed-mapping-at-end", variant('arxiv: "2504.06141"', 'arxiv: "2504.06141"\norg: {a: '), "8:6: error: org",
     "the { that opens the value of 'org' is not closed"),
    ("yaml-dash-value", variant('"A Paper"', "- A Paper"), "2:8: error: title", "starts with '- ', which YAML reads as a list item"),
    ("yaml-tabs", variant("  - Ada Lovelace", "\t- Ada Lovelace"), "4:1: error: authors",
     "this line is indented with a tab; YAML indents with spaces only: replace the tab with spaces"),
    ("yaml-alias", variant("arxiv:", "x: &a [1]\ny: *a\narxiv:"), "7:4: error: front matter", "anchors and aliases"),
    ("front-matter-list", "---\n- a\n- b\n---\n\n## 한국어\n\n코멘트\n", "2:1: error: front matter", "expected a mapping"),
    ("front-matter-empty", "---\n---\n\n## 한국어\n\n코멘트\n", "2:1: error: front matter", "the front matter is empty"),
    ("no-front-matter", "## 한국어\n\n코멘트\n", "1:1: error: front matter", "must start with a `---` line"),
    ("unclosed-front-matter", VALID.replace("---\n\n## Abstract", "\n## Abstract"), "1:1: error: front matter", "never closed"),
    ("text-outside-sections", variant("## Abstract", "Stray words.\n\n## Abstract"), "10:1: error: body", "text outside a section"),
    ("unknown-section", variant("## English", "## Englsh"), "18:1: error: body", "unknown section '## Englsh' (did you mean 'English'?)"),
    ("duplicate-section", variant("## English", "## 한국어\n\n또.\n\n## English"), "18:1: error: body", "appears twice"),
    ("no-commentary", VALID[: VALID.index("## 한국어")], "9:1: error: body", "write the commentary"),
    ("empty-commentary", variant("한국어 코멘트.", "").replace("English commentary.", ""), "9:1: error: body", "write the commentary"),
    # Found by a QA pass: written as a character reference, a control character passed and
    # reached the site feed raw (XML no reader accepts); written out, it was refused.
    ("escape-reference", variant("English commentary.", "Text &#x1B;[31mRED here."), "20:6: error: ## English", "'&#x1B;' writes a character no page"),
    ("nul-reference", variant("한국어 코멘트.", "한국어 &#0; 코멘트."), "16:5: error: ## 한국어", "'&#0;' writes a character no page"),
    ("noncharacter-reference", variant("Text.", "Text &#65535;."), "12:6: error: ## Abstract", "'&#65535;' writes a character"),
    ("empty-file", "", "1:1: error: file", "the file is empty"),
    ("whitespace-file", "  \n\n", "1:1: error: file", "the file is empty"),
]


@pytest.mark.parametrize("written, meant", [("Korean", "한국어"), ("한글", "한국어"), ("korean", "한국어"), ("국문:", "한국어"),
                                             ("영어", "English"), ("초록", "Abstract")])
def test_a_section_written_another_way_is_named_once(written: str, meant: str) -> None:
    """`## Korean` and `## 한글`, the likeliest slips of a Korean writer, had no suggestion (spelling
    finds nothing close), and a second warning said the 한국어 commentary was missing, pointing at
    another line: one error at the heading, naming the section meant."""
    heading = {"한국어": "## 한국어", "English": "## English", "Abstract": "## Abstract"}[meant]
    note, problems = parse_note(variant(heading, f"## {written}"), slug="x", source=SOURCE, tags=TAGS)
    assert [(p.severity, p.field) for p in problems] == [("error", "body")], [p.format() for p in problems]
    assert f"unknown section '## {written}' (did you mean '## {meant}'?)" in problems[0].message


def test_an_arxiv_search_left_beside_the_id_is_a_notice() -> None:
    """`import-post` writes an arXiv search as `url:` for a paper its post gave no id; with the id
    added by hand, the page showed the search beside the paper's links (a QA pass)."""
    text = variant('arxiv: "2504.06141"', 'arxiv: "2504.06141"\nurl: https://arxiv.org/search/?query=A+Paper&searchtype=title')
    note, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    assert note is not None
    assert [(p.severity, p.line, p.field) for p in problems] == [("notice", 8, "url")]
    assert "`url:` is an arXiv search, which `arxiv:` makes needless" in problems[0].message


def test_an_arxiv_prefixed_mention_that_names_no_paper_is_a_notice() -> None:
    """`arXiv:2513.99999` in a commentary (a mistyped month) stayed text without a word, where the
    same id in `builds_on:` is an error (a QA pass). A notice at it; a good id with its version,
    one in code, and a bare number are left alone."""
    text = variant("English commentary.", "Ids: arXiv:2513.99999, arXiv:2305.18290v2, `arXiv:2513.1`, 2513.99999 and ARXIV: 0612.12345.")
    note, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    assert note is not None
    assert [(p.severity, p.line, p.column, p.field) for p in problems] == [("notice", 20, 6, "## English"), ("notice", 20, 75, "## English")]
    assert problems[0].message == "'arXiv:2513.99999' names no paper: '2513.99999': 13 is not a month (new-style ids are YYMM.NNNNN); it stays text, not a link"


@pytest.mark.parametrize("text, prefix, fragment", [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_broken_note_is_reported_with_location(text: str, prefix: str, fragment: str) -> None:
    note, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    formatted = [p.format() for p in problems]
    assert note is None, formatted
    matching = [f for f in formatted if f.startswith(SOURCE + ":") and prefix in f and fragment in f]
    assert matching, f"expected '{prefix}: …{fragment}…' in {formatted}"


def test_at_least_25_broken_cases() -> None:
    assert len(BROKEN) >= 25


def test_every_problem_of_a_note_is_listed_not_only_the_first() -> None:
    text = variant("2025-04-09", "2025-02-30").replace('"2504.06141"', "2504.06141").replace("[reward-model, rl]", "[nope]")
    _, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    assert {p.field for p in problems} >= {"date", "arxiv", "tags[0]"}


def test_valid_note_is_normalised() -> None:
    text = variant("[reward-model, rl]", "[rm, rl]").replace("## English\n\nEnglish commentary.\n", "## English\n\nSee $x$.\n")
    note, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    assert problems == []
    assert note is not None
    assert (note.title, note.authors, note.date, note.tags, note.arxiv) == ("A Paper", ("Ada Lovelace",), dt.date(2025, 4, 9), ("reward-model", "rl"), "2504.06141")
    assert (note.abstract, note.ko, note.en) == ("Text.", "한국어 코멘트.", "See $x$.")


def test_a_character_reference_in_code_or_a_printable_one_is_fine() -> None:
    """In code a reference is shown as written (`&amp;#x1B;`), and &#x2014; is a dash."""
    note, problems = parse_note(variant("English commentary.", "A dash &#x2014; and `&#x1B;` in code."), slug="x", source=SOURCE, tags=TAGS)
    assert note is not None and problems == []


WARNINGS = [
    # Each says where the missing section goes (it pointed at the other section's line alone).
    ("missing-english", VALID[: VALID.index("## English")], "## English",
     "the English commentary is missing (add a `## English` section after `## 한국어`)"),
    ("missing-korean", VALID.replace("## 한국어\n\n한국어 코멘트.\n\n", ""), "## 한국어",
     "the 한국어 commentary is missing (add a `## 한국어` section before `## English`)"),
    # The heading without text: not "add a section" (it is there), but empty.
    ("empty-english", VALID[: VALID.index("## English")] + "## English\n\n", "## English",
     "the English commentary is empty (write it under `## English`)"),
    ("duplicate-tag-via-alias", variant("[reward-model, rl]", "[reward-model, rm]"), "tags[1]", "listed twice"),
]


@pytest.mark.parametrize("text, field, fragment", [c[1:] for c in WARNINGS], ids=[c[0] for c in WARNINGS])
def test_warnings_do_not_reject_the_note(text: str, field: str, fragment: str) -> None:
    note, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    assert note is not None
    assert [(p.severity, p.field) for p in problems] == [("warning", field)]
    assert fragment in problems[0].message


BLANK_COMMENTARIES = ["&nbsp;", "<span></span>", "&#8203;", "<br>", "***", "[](https://a.example/)", "\u3000",
                      "<!-- todo -->", "<script>x</script>", "&nbsp; <b> </b>\n\n---\n\n&#x200B;", "\u3164"]


@pytest.mark.parametrize("blank", BLANK_COMMENTARIES)
def test_a_commentary_that_shows_no_text_is_a_missing_one(blank: str) -> None:
    """`## 한국어` holding only `&nbsp;`, an empty element, a rule or an invisible character passed
    `check` and `--strict`, and Korean readers got a blank commentary (no marker, no English):
    it is the missing-language warning, and the page falls back to the English with its marker."""
    note, problems = parse_note(variant("한국어 코멘트.", blank), slug="x", source=SOURCE, tags=TAGS)
    assert note is not None and note.ko == "" and note.en == "English commentary."
    removed = [p for p in problems if p.rule == "removed-html"]  # what the page leaves out is said too
    assert bool(removed) == ("<script>" in blank), problems
    problems = [p for p in problems if p not in removed]
    assert [(p.severity, p.rule, p.field) for p in problems] == [("warning", "missing-language", "## 한국어")], problems
    assert problems[0].line == VALID.split("\n").index("## 한국어") + 1


def test_no_commentary_that_shows_text_is_an_error() -> None:
    note, problems = parse_note(variant("한국어 코멘트.", "&nbsp;").replace("English commentary.", "<br>"),
                                slug="x", source=SOURCE, tags=TAGS)
    assert note is None and [p.rule for p in problems] == ["no-commentary"]


@pytest.mark.parametrize("shown", ["$x$", "가", "`code`", "[a link](https://a.example/)", "&amp;", "&#44032;", "🙂", "<b>ok</b>"])
def test_a_short_commentary_that_shows_text_is_kept(shown: str) -> None:
    note, problems = parse_note(variant("한국어 코멘트.", shown), slug="x", source=SOURCE, tags=TAGS)
    assert problems == [] and note is not None and note.ko == shown


def test_an_author_listed_twice_is_a_notice_that_fails_nothing() -> None:
    """`Ada Lovelace` and `ada  lovelace` in one list are one name twice: advice (a large team
    may have two people of one name), located at the second."""
    text = variant("  - Ada Lovelace\n", "  - Ada Lovelace\n  - Grace Hopper\n  - ada  lovelace\n")
    note, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    assert note is not None and note.authors == ("Ada Lovelace", "Grace Hopper", "ada lovelace")
    assert [(p.severity, p.line, p.field) for p in problems] == [("notice", 6, "authors[2]")]
    assert "listed twice (also authors[0])" in problems[0].message


@pytest.mark.parametrize("written", ["et al.", "Et al", "et.al.", "Grace Hopper et al.", "Grace Hopper, et al.", "and others"])
def test_et_al_is_not_an_author(written: str) -> None:
    """`et al.` as an author got an author page (with the co-authors of every note that wrote it)
    and went to every citation file as a name: an error at its line, not a name."""
    text = variant("  - Ada Lovelace\n", f"  - Ada Lovelace\n  - {written}\n")
    note, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    assert note is None
    assert [(p.severity, p.line, p.field) for p in problems] == [("error", 5, "authors[1]")]
    assert "is not a name: list every author" in problems[0].message


@pytest.mark.parametrize(("written", "severity"), [('"Siqi Zhu, David Zhang, Jiaxuan You"', "error"),
                                                  ("Siqi Zhu and David Zhang", "error"), ("Siqi Zhu & David Zhang", "error"),
                                                  ('"Siqi Zhu, David Zhang"', "notice")])
def test_several_names_in_one_item_are_said(written: str, severity: str) -> None:
    """A CLI QA pass: `- Siqi Zhu, David Zhang, Jiaxuan You` (or `papernotes new --author "A B, C D"`)
    passed and went to every citation file as one author. Two commas or an `and` is an error; one
    comma between two-word names is advice, since `García Márquez, Gabriel José` is one name."""
    text = variant("  - Ada Lovelace\n", f"  - Ada Lovelace\n  - {written}\n")
    note, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    assert [(p.severity, p.line, p.field, p.rule) for p in problems] == [(severity, 5, "authors[1]", "several-names")]
    assert "Siqi Zhu, David Zhang" in problems[0].message and (note is None) == (severity == "error")


@pytest.mark.parametrize("written", ['"García Márquez, Gabriel"', '"Kim, Min-ji"', '"Smith, J. R."', "Ana Procter-Gamble"])
def test_a_name_written_family_first_is_one_name(written: str) -> None:
    text = variant("  - Ada Lovelace\n", f"  - Ada Lovelace\n  - {written}\n")
    note, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    assert note is not None and problems == []


@pytest.mark.parametrize(("written", "where"), [("Harold Brown and", "'and' at its end"), ('"Garcia, "', "',' at its end"),
                                               ("Ada Lovelace &", "'&' at its end"), ("and Grace Hopper", "'and' at its start"),
                                               ('"; Grace Hopper"', "';' at its start")])
def test_a_lists_separator_left_on_a_name_is_an_error(written: str, where: str) -> None:
    """What is left of `A, B and C` split by hand (`Harold Brown and`, `Garcia,`) went to every
    citation file as the author's name: an error at its line naming the separator."""
    text = variant("  - Ada Lovelace\n", f"  - Ada Lovelace\n  - {written}\n")
    note, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    assert note is None
    assert [(p.severity, p.line, p.field) for p in problems] == [("error", 5, "authors[1]")]
    assert where in problems[0].message and "left from a list: write the name alone" in problems[0].message


@pytest.mark.parametrize("written", ["Smith & Wesson", "R&D Team", "Anderson Band", "Roland", "Andrea Sand", "O'Brien, Jr."])
def test_names_with_and_or_a_comma_inside_are_names(written: str) -> None:
    note, problems = parse_note(variant("  - Ada Lovelace\n", f'  - "{written}"\n'), slug="x", source=SOURCE, tags=TAGS)
    assert problems == [] and note is not None and note.authors == (written,)


@pytest.mark.parametrize("written", ["Alan Etal", "Petal Al", "Otherson"])
def test_names_that_only_contain_et_al_are_names(written: str) -> None:
    note, problems = parse_note(variant("  - Ada Lovelace\n", f"  - {written}\n"), slug="x", source=SOURCE, tags=TAGS)
    assert problems == [] and note is not None and note.authors == (written,)


@pytest.mark.parametrize("ending", ["\r\n", "\n"])
def test_crlf_and_bom_are_read_like_plain_files(ending: str) -> None:
    note, problems = parse_note("\ufeff" + VALID.replace("\n", ending), slug="x", source=SOURCE, tags=TAGS)
    assert problems == [] and note is not None and note.en == "English commentary."


def test_heading_inside_code_fence_is_not_a_section() -> None:
    text = variant("English commentary.", "```\n## not a section\n```")
    note, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    assert problems == [] and note is not None and "## not a section" in note.en


# (case id, the Abstract section's body) where every `## 한국어` line is code: a fence closes only at
# a line of the same character, at least as long, with nothing after it (CommonMark 4.5).
CODE_KEEPS_HEADING = [
    ("three-inside-four", "````markdown\n```\n## 한국어\n````"),
    ("tildes-inside-backticks", "```\n~~~\n## 한국어\n```"),
    ("info-string-does-not-close", "```\n``` python\n## 한국어\n```"),
    ("tilde-three-inside-five", "~~~~~\n~~~\n## 한국어\n~~~~~"),
]


@pytest.mark.parametrize("body", [b for _, b in CODE_KEEPS_HEADING], ids=[c for c, _ in CODE_KEEPS_HEADING])
def test_a_fence_closes_only_with_its_own_kind_at_least_as_long(body: str) -> None:
    note, problems = parse_note(variant("Text.", body), slug="x", source=SOURCE, tags=TAGS)
    assert problems == [] and note is not None
    assert note.abstract == body and note.ko == "한국어 코멘트."


def test_a_longer_fence_closes_and_the_next_heading_counts() -> None:
    note, problems = parse_note(variant("Text.", "````\ncode\n`````"), slug="x", source=SOURCE, tags=TAGS)
    assert problems == [] and note is not None and note.abstract == "````\ncode\n`````" and note.ko == "한국어 코멘트."


def test_a_formula_that_cannot_be_shown_as_math_is_a_warning_at_its_line() -> None:
    """`$\\text{if x<y}$` is shown as its TeX source in red (latex2mathml's output would be no XML);
    check and the strict build said nothing, so the writer learnt it from the page."""
    text = VALID.replace("## English\n", "## English\n\n\nSet $\\text{if x<y}$ and $x^2$.\n", 1)
    lines = text.split("\n")
    line = next(n for n, written in enumerate(lines, 1) if written.startswith("Set "))
    note, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    assert note is not None
    assert [(p.line, p.column, p.field, p.severity, p.rule) for p in problems] == [(line, 6, "## English", "warning", "math-error")]
    assert "$\\text{if x<y}$" in problems[0].message


@pytest.mark.parametrize(("tex", "why"), [("\\R^d", "`\\R` is not a command the converter knows"),
                                        ("x}", "a `}` closes no `{`"),
                                        ("\\frac{a}{b", "a `{` is never closed"),
                                        ("{a", "a `{` is never closed"),
                                        ("\\left\\{ x \\mid \\frac{x}{2 \\right\\}", "a `{` is never closed"),
                                        ("\\frac{a}{" * 300 + "b" + "}" * 300, "nests more than 100 levels deep")])
def test_a_formula_the_converter_would_show_in_part_as_written_is_a_warning(tex: str, why: str) -> None:
    """latex2mathml turns a command it does not know (a paper's own macro, `\\R`) into the
    italic letters "\\R", and a stray `}` into a "}", without an error: readers saw a wrong
    formula and the writer was told nothing. Now its source is shown, and the checker says why."""
    text = VALID.replace("## English\n", f"## English\n\nLet ${tex}$ hold.\n", 1)
    note, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    assert note is not None
    assert [p.rule for p in problems] == ["math-error"] and why in problems[0].message, problems
    html = Converter().convert(f"Let ${tex}$ hold.")
    assert "pn-math-error" in html and "<math" not in html, html


def test_a_display_formula_with_an_unclosed_brace_is_shown_as_its_source_with_a_warning() -> None:
    """The guide: a formula with unbalanced braces is shown as its TeX source, with a warning. Only
    an extra `}` was; `$$\\frac{a}{b$$` was drawn as a/b, and check said nothing."""
    text = VALID.replace("## English\n", "## English\n\n$$\\frac{a}{b$$\n", 1)
    line = text.split("\n").index("$$\\frac{a}{b$$") + 1
    note, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    assert note is not None
    assert [(p.line, p.column, p.field, p.severity, p.rule) for p in problems] == [(line, 3, "## English", "warning", "math-error")]
    assert problems[0].message == ("the formula $\\frac{a}{b$ cannot be shown as math (a `{` is never closed); "
                                   "readers see its TeX source instead")
    html = Converter().convert("$$\\frac{a}{b$$")
    assert "pn-math-error" in html and "<math" not in html, html


@pytest.mark.parametrize("tex", ["\\{a", "a\\}", "\\{ x \\mid x > 0 \\}", "a \\\\{b}", "\\frac{a}{b}"])
def test_escaped_braces_are_characters_and_balanced_formulas_pass(tex: str) -> None:
    """`\\{` and `\\}` draw the braces themselves (a set): they open and close nothing."""
    note, problems = parse_note(VALID.replace("## English\n", f"## English\n\nLet ${tex}$ hold.\n", 1),
                                slug="x", source=SOURCE, tags=TAGS)
    assert note is not None and problems == [], problems
    assert "<math" in Converter().convert(f"Let ${tex}$ hold.")


@pytest.mark.parametrize("tex", ["\\text{<script>alert(1)</script>}", "\\text{a <b>bold</b> word}", "\\mbox{<i>x</i>}"])
def test_markup_copied_into_a_formula_is_shown_as_its_source_with_a_warning(tex: str) -> None:
    """latex2mathml copies `\text{}`'s content: well-formed markup there made no error, the
    sanitiser dropped it, and the formula showed an empty text with no warning."""
    text = VALID.replace("## English\n", f"## English\n\nSet ${tex}$ here.\n", 1)
    note, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    assert note is not None
    assert [p.rule for p in problems] == ["math-error"] and "inside `\\text{}`" in problems[0].message, problems
    html = Converter().convert(f"Set ${tex}$ here.")
    assert "pn-math-error" in html and "<math" not in html and "&lt;" in html, html


@pytest.mark.parametrize(("text", "shown"), [
    ("Use $a `b` c$ here.", "<p>Use $a <code>b</code> c$ here.</p>"),
    ("Price $x and `code` and y$ here.", "<p>Price $x and <code>code</code> and y$ here.</p>"),
])
def test_a_code_span_between_dollars_is_code_and_the_dollars_text(text: str, shown: str) -> None:
    """A code span inside a `$…$` pair showed Python-Markdown's placeholder (`klzzwxh:0000`, with
    control characters) as the formula, on the page and in the checker's warning, at column 1.
    The code span wins, as in CommonMark renderers with math: no formula, no warning."""
    assert Converter().convert(text) == shown
    note, problems = parse_note(VALID.replace("## English\n", f"## English\n\n{text}\n", 1), slug="x", source=SOURCE, tags=TAGS)
    assert note is not None and problems == [], problems


@pytest.mark.parametrize(("written", "column"), [
    ("See [\u202emoc.elgoog](https://example.org/).", 6),   # shows "google.com", leads elsewhere
    ("See &#x202E;txet here.", 1),   # an entity: found in the page, at the line
    ("See $\\unicode{x202E}x$ here.", 1),
])
def test_a_direction_override_in_the_commentary_is_a_warning_at_it(written: str, column: int) -> None:
    """Front matter refused U+202E, but a section passed check and the strict build with it, so a
    link's text could read "google.com" and lead to another host."""
    text = VALID.replace("## English\n", f"## English\n\n{written}\n", 1)
    line = text.split("\n").index(written) + 1
    note, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    assert note is not None
    assert [(p.line, p.column, p.field, p.severity, p.rule) for p in problems] == [
        (line, column, "## English", "warning", "direction-override")], problems
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in problems[0].message


def test_right_to_left_words_and_marks_are_no_override() -> None:
    text = VALID.replace("## English\n", "## English\n\nThe Persian word \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645\u200f and \u05e9\u05dc\u05d5\u05dd.\n", 1)
    note, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    assert note is not None and problems == [], problems


def test_a_note_failing_on_a_field_is_told_about_its_formulas_in_the_same_check() -> None:
    text = VALID.replace("2025-04-09", "2025-04-32").replace("## English\n", "## English\n\nSet $\\text{if x<y}$.\n", 1)
    note, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    assert note is None
    assert sorted(p.rule for p in problems) == ["bad-date", "math-error"]


# File-level problems: the whole tree is loaded, bad files are reported, good ones survive.

def write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    (root / "data" / "notes").mkdir(parents=True)
    (root / "data" / "tags.yml").write_text((FIXTURE / "data" / "tags.yml").read_text(encoding="utf-8"), encoding="utf-8")
    for rel, content in files.items():
        path = root / "data" / "notes" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


TREE_CASES = [
    ("not-markdown", {"good.md": VALID, "bad.txt": VALID}, "data/notes/bad.txt:1:1: error: file: only .md files"),
    ("bad-slug-uppercase", {"good.md": VALID.replace("2504.06141", "2504.00001"), "Bad Name.md": VALID}, "data/notes/Bad Name.md:1:1: error: file name: "),
    ("bad-slug-korean", {"good.md": VALID.replace("2504.06141", "2504.00001"), "보상.md": VALID},
     "data/notes/보상.md:1:1: error: file name: the file name '보상' is the note's URL: use lowercase ASCII letters, digits, "
     "'-' and '.' (e.g. 'a-paper', from the title)"),  # it said "e.g. 'my-note'" (a QA pass)
    ("not-utf8", {"good.md": VALID.replace("2504.06141", "2504.00001"), "latin.md": VALID.replace("Ada", "Ad\xe9").encode("utf-8").replace("Ad\xe9".encode("utf-8"), b"Ad\xe9")}, "data/notes/latin.md:4:7: error: file: the file is not valid UTF-8 (the byte 0xE9 here"),
    ("too-big", {"good.md": VALID.replace("2504.06141", "2504.00001"), "big.md": VALID + "x" * 300_000}, "data/notes/big.md:1:1: error: file: the note is 300,"),
    ("duplicate-slug", {"good.md": VALID.replace("2504.06141", "2504.00001"), "2024/x.md": VALID, "2025/x.md": VALID.replace("2504.06141", "2504.00002")},
     "data/notes/2024/x.md:1:1: error: file name: the slug 'x' is also used by data/notes/2025/x.md"),
    ("duplicate-paper", {"good.md": VALID.replace("2504.06141", "2504.00001"), "a.md": VALID, "b.md": VALID},
     "data/notes/b.md:7:8: error: arxiv: arXiv 2504.06141 also has a note in data/notes/a.md"),
]


@pytest.mark.parametrize("files, expected", [c[1:] for c in TREE_CASES], ids=[c[0] for c in TREE_CASES])
def test_tree_problems_never_cost_another_note(tmp_path: Path, files: dict[str, str | bytes], expected: str) -> None:
    write_tree(tmp_path, files)
    result = load_site(tmp_path)
    formatted = [p.format() for p in result.problems]
    assert any(f.startswith(expected) for f in formatted), formatted
    assert "good" in {n.slug for n in result.notes}, "the valid note must still load"
    assert result.files == len(files)


@pytest.mark.parametrize("broken", [
    VALID.replace("2025-04-09", "2025-04-32"),                                           # a field fails
    VALID.replace('title: "A Paper"', "title: [A Paper").replace('arxiv: "2504.06141"', "url: https://arxiv.org/abs/2504.06141v3"),  # the YAML fails
])
def test_a_note_that_fails_on_a_field_is_told_its_paper_has_a_note_in_the_same_check(tmp_path: Path, broken: str) -> None:
    """A second note about a paper, with a wrong date: the check gave the date only; fixed, it
    gave "also has a note", a second round. Both are told now, at the note that failed."""
    write_tree(tmp_path, {"a.md": VALID, "b.md": broken})
    result = load_site(tmp_path, only=[tmp_path / "data" / "notes" / "b.md"])
    told = [p.format() for p in result.errors if "one note per paper" in p.message]
    assert len(told) == 1 and told[0].startswith("data/notes/b.md:") and "arXiv 2504.06141 also has a note in data/notes/a.md" in told[0], told
    assert len(result.errors) == 2
    assert [n.slug for n in load_site(tmp_path).notes] == ["a"]   # the note that loads is published, and is told nothing
    assert not [p for p in load_site(tmp_path).errors if p.path == "data/notes/a.md"]


def test_a_broken_note_about_another_paper_is_told_no_clash(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.md": VALID, "b.md": VALID.replace("2025-04-09", "2025-04-32").replace("2504.06141", "2504.06142")})
    assert [p.field for p in load_site(tmp_path).errors] == ["date"]


@pytest.mark.parametrize("date", ["0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31"])
def test_a_note_date_outside_1900_to_2100_is_refused_at_its_line(tmp_path: Path, date: str) -> None:
    """`date: 0001-01-01` passed the check and made the statistics page list every month since
    year 1 (3.2 MB); `9999-12-31` made the note the newest for ever."""
    write_tree(tmp_path, {"a.md": VALID.replace("2025-04-09", date)})
    assert [p.format() for p in load_site(tmp_path).errors] == [
        f"data/notes/a.md:5:7: error: date: {date} is not a year from 1900 to 2100; `date:` is the day the note was written, as YYYY-MM-DD"]


def test_a_note_dated_after_today_is_a_notice_and_still_published(tmp_path: Path) -> None:
    """`date: 2100-12-31` passed with no word: the note sat first on the home page and in the feeds
    until 2100. A typo for another year is told (advice: a site may date a post ahead)."""
    ahead = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    write_tree(tmp_path, {"a.md": VALID.replace("2025-04-09", ahead)})
    result = load_site(tmp_path)
    assert [(p.line, p.column, p.field, p.rule, p.severity) for p in result.problems] == [(5, 7, "date", "future-date", "notice")]
    assert [n.slug for n in result.notes] == ["a"] and not result.errors


def test_check_of_one_file_still_sees_collisions_with_the_rest(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.md": VALID, "b.md": VALID})
    result = load_site(tmp_path, only=[tmp_path / "data" / "notes" / "a.md"])
    assert [p.format() for p in result.errors] == ["data/notes/a.md:7:8: error: arxiv: arXiv 2504.06141 also has a note in data/notes/b.md; keep one note per paper"]


def test_the_repositorys_notes_are_all_valid() -> None:
    """Every note in data/, the bundled ones and any a contributor adds: no error or warning
    (as CI's `papernotes check`); advice (notices) fails nothing, here as there."""
    root = Path(__file__).resolve().parents[1]
    result = load_site(root)
    assert [p.format() for p in result.problems if p.severity != "notice"] == []
    assert len(result.notes) + len(result.drafts) == result.files >= 30


def test_reading_on_two_cores_gives_the_same_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The forked half (parload) returns the same notes, problems and rendered HTML as a serial read."""
    from papernotes.markup import HtmlCache

    files: dict[str, str | bytes] = {f"n{i}.md": VALID.replace("2504.06141", f"2504.{i + 1:05d}") for i in range(6)}
    files.update(dict(TREE_CASES[0][1], **{"bad.txt": VALID}))
    files["2024/dup.md"] = VALID
    write_tree(tmp_path, files)
    monkeypatch.setenv("PAPERNOTES_WORKER", "0")
    serial_html, parallel_html = HtmlCache(), HtmlCache()
    serial = load_site(tmp_path, html=serial_html)
    monkeypatch.setenv("PAPERNOTES_WORKER", "1")  # forks whatever the size
    parallel = load_site(tmp_path, html=parallel_html)
    assert (parallel.notes, parallel.problems, parallel.files, parallel.drafts) == (serial.notes, serial.problems, serial.files, serial.drafts)
    assert len(serial.notes) == 7 and serial.problems  # good.md and 2024/dup.md share a paper: the older is kept
    assert parallel_html.items() == serial_html.items() != {}


@pytest.mark.parametrize("written", ["# English", "### English ###", "#  english"])
def test_a_section_heading_of_another_level_is_an_error_at_its_line(written: str) -> None:
    """`# English` was read as text of the Korean section (the English commentary shown under
    한국어), and the only message was "English commentary is missing" at the 한국어 heading."""
    text = VALID.replace("## English", written, 1)
    line = text.split("\n").index(written) + 1
    note, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    found = [(p.line, p.rule, p.message) for p in problems if p.rule == "section-heading-level"]
    assert found == [(line, "section-heading-level", f"`{written.strip(' #') and written.split()[0]} {written.split()[1]}` "
                      "is not a section heading: sections are level 2, write `## English`")], problems
    assert "missing-language" not in {p.rule for p in problems}, problems  # told once, at the heading


@pytest.mark.parametrize("written", ["# English", "# 한국어"])
def test_a_note_whose_only_commentary_has_a_heading_of_another_level_is_told_once(written: str) -> None:
    """A note with only `# English` (a newcomer's first note) got three messages for one mistake:
    the heading, "write the commentary in a ## 한국어 or ## English section" and "text outside a
    section". The heading's message says it all."""
    text = VALID.split("## ")[0] + f"{written}\n\nCommentary.\n"
    note, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    assert [p.rule for p in problems if p.severity == "error"] == ["section-heading-level"], problems


def test_a_missing_notes_folder_is_told_at_line_one(tmp_path: Path) -> None:
    """It was `data/notes:0:0:`: no line an editor or CI annotation opens."""
    (tmp_path / "data").mkdir()
    problems = [p.format() for p in load_site(tmp_path).problems if p.rule == "missing-folder"]
    assert problems == ["data/notes:1:1: error: folder: the notes folder is missing: create data/notes/ and put the notes in it"]


@pytest.mark.parametrize("title", ['>\n  Adversarial Training\n  of Reward Models', '"Adversarial Training of Reward Models\\n"'])
def test_a_title_broken_only_by_yaml_or_around_it_is_one_line(title: str) -> None:
    """A line break or tab inside a title is refused (tests/test_hostile_notes.py); one that YAML
    folds away, or one at its end (the break a `>` block ends with), is not inside it."""
    text = re.sub(r"^title: .*$", lambda _: f"title: {title}", VALID, count=1, flags=re.M)
    note, problems = parse_note(text, slug="x", source=SOURCE, tags=TAGS)
    assert [p for p in problems if p.is_error] == [] and note is not None
    assert note.title == "Adversarial Training of Reward Models"



def test_a_writers_own_comment_after_a_value_is_no_problem() -> None:
    """`org: Lab # the group` is a comment the writer meant (a space after the sign, as the
    template's); only `#1`-like text cut from a value is said (tests/test_hostile_notes.py)."""
    note, problems = parse_note(variant("  - Ada Lovelace\n", "  - Ada Lovelace\norg: Lab   # the group\n"), slug="x", source=SOURCE, tags=TAGS)
    assert problems == [] and note is not None and note.org == "Lab"


def test_a_quoted_hashtag_is_still_a_tag() -> None:
    note, problems = parse_note(variant("tags: [reward-model, rl]\n", 'tags: ["#rl"]\n'), slug="x", source=SOURCE, tags=TAGS)
    assert problems == [] and note is not None and note.tags == ("rl",)
