"""The note format is written down once (`papernotes.schema`): the reader, the draft record,
the contributors' guide and the arXiv-id rule all agree with it, and a test names whichever
one a new field or section was forgotten in."""

from __future__ import annotations

import datetime as dt

import dataclasses
import re
from pathlib import Path

import pytest

from papernotes.schema import parse_arxiv_id
from papernotes.authoring.sources.hf_daily import parse_listing
from papernotes.model import Note, NoteDraft
from papernotes.schema import (FIELD_NAMES, FIELDS, LINK_FIELDS, SECTIONS, FrontMatter, NoFrontMatter, arxiv_id_problem, paper_identity,
                               split_front_matter)
from papernotes.source.note import READERS, parse_note
from papernotes.source.tags import load_tag_registry

ROOT = Path(__file__).resolve().parents[1]
TAGS, _ = load_tag_registry(ROOT / "tests" / "fixtures" / "site" / "data" / "tags.yml", "data/tags.yml")
NOTE = """\
---
title: "A Paper"
authors: [Ada Lovelace]
date: 2025-04-09
tags: [rl]
arxiv: "{arxiv}"
---

## 한국어

코멘트.

## English

Commentary.
"""

# (id, None when valid, else a fragment of the reason); boundaries of each era first.
ARXIV_IDS = [
    ("0704.0001", None),
    ("0703.1234", "'0703.1234': new-style ids start in April 2007 (0704)"),
    ("0612.1234", "'0612.1234': new-style ids start in April 2007 (0704)"),
    ("1412.1234", None),
    ("1412.12345", "'1412.12345' has 5 digits after the dot; ids before 2015 have 4 (YYMM.NNNN)"),
    ("1501.12345", None),
    ("1501.1234", "'1501.1234' has 4 digits after the dot; ids from 2015 have 5"),
    ("2504.1234", "'2504.1234' has 4 digits after the dot; ids from 2015 have 5 (YYMM.NNNNN)"),
    ("2504.06141", None),
    ("2513.12345", "'2513.12345': 13 is not a month (new-style ids are YYMM.NNNNN)"),
    ("2513.01234", "'2513.01234': 13 is not a month (new-style ids are YYMM.NNNNN)"),
    ("2500.01234", "'2500.01234': 00 is not a month"),
    ("0813.1234", "'0813.1234': 13 is not a month (new-style ids are YYMM.NNNN)"),
    ("hep-th/9108001", None),
    ("hep-th/9107001", "'hep-th/9107001': old-style ids run from 9108 to 0703"),
    ("math.GT/0309136", None),
    ("cond-mat/9912345", None),
    ("cs/0703001", None),
    ("cs/0704001", "'cs/0704001': old-style ids run from 9108 to 0703"),
    ("hep-th/9213001", "'hep-th/9213001': 13 is not a month (old-style ids are archive/YYMMNNN)"),
    ("2504.061", "'2504.061' is not an arXiv id like \"2504.06141\" or \"cs/0112017\""),
    ("HEP-TH/9108001", "is not an arXiv id"),
    # Found by a QA pass: a subject class arXiv does not write got only "is not an arXiv id".
    ("math.gt/0309136", "two capital letters (math.GT/0309136), not 'gt'; write the id without it: \"math/0309136\""),
    ("cond-mat.stat-mech/0112917", "not 'stat-mech'; write the id without it: \"cond-mat/0112917\""),
    ("hep-th/910800", "is not an arXiv id"),
    # Digits are ASCII: Python's \d and str.isdigit also match these, which gave one paper a second id.
    ("\u0662\u0665\u0660\u0664.\u0660\u0666\u0661\u0664\u0661", "arXiv ids use the ASCII digits 0-9: \"2504.06141\""),
    ("\uff12\uff15\uff10\uff14.06141", "(U+FF12 FULLWIDTH DIGIT TWO)"),
    ("2504.0614\U0001d7cf", "(U+1D7CF MATHEMATICAL BOLD DIGIT ONE)"),
    ("2504.\u09e6\u09ec\u09e7\u09ea\u09e7", "BENGALI DIGIT ZERO"),
    ("hep-th/\u0669\u0661\u0660\u0668\u0660\u0660\u0661", "\"hep-th/9108001\""),
    # A month after the build's cannot exist yet; new-style ids do not go back before 0704.
    ("9912.12345", "would be from 2099-12, after today"),
    ("0703.1234", "new-style ids start in April 2007"),
]


@pytest.mark.parametrize(("value", "reason"), ARXIV_IDS)
def test_arxiv_ids_follow_arxivs_scheme(value: str, reason: str | None) -> None:
    problem = arxiv_id_problem(value)
    assert problem is None if reason is None else problem is not None and reason in problem, problem


@pytest.mark.parametrize(("value", "reason"), ARXIV_IDS)
def test_the_note_reader_applies_the_arxiv_rule(value: str, reason: str | None) -> None:
    note, problems = parse_note(NOTE.format(arxiv=value), slug="x", source="data/notes/x.md", tags=TAGS)
    if reason is None:
        # An old-style id's subject class is optional (math.GT/0309136 is math/0309136): one spelling.
        assert note is not None and note.arxiv == value.replace(".GT/", "/") and not problems
    else:
        assert note is None and [p.rule for p in problems] == ["bad-arxiv"]
        assert problems[0].format().startswith("data/notes/x.md:6:8: error: arxiv: ") and reason in problems[0].message


@pytest.mark.parametrize(("value", "reason"), ARXIV_IDS)
def test_ids_and_urls_given_to_the_scaffold_follow_the_same_rule(value: str, reason: str | None) -> None:
    expected = value if reason is None else None
    for text in (value, f"{value}v2", f"arXiv:{value}", f"https://arxiv.org/abs/{value}v1"):
        assert parse_arxiv_id(text) == expected, text


def test_a_listing_item_with_an_impossible_id_says_which_rule_fails() -> None:
    item = '{"paper": {"id": "%s", "title": "T", "authors": [{"name": "A"}]}}'
    papers, problems = parse_listing(f"[{item % '2513.01234'}, {item % '1412.12345v2'}, {item % 'x'}]")
    assert papers == [] and [(p.index, p.field, p.message) for p in problems] == [
        (0, "paper.id", "'2513.01234': 13 is not a month (new-style ids are YYMM.NNNNN)"),
        (1, "paper.id", "'1412.12345' has 5 digits after the dot; ids before 2015 have 4 (YYMM.NNNN)"),
        (2, "paper.id", "'x' is not an arXiv id like 2504.06141 or an arxiv.org/abs/ URL"),
    ]


@pytest.mark.parametrize(("lines", "expected"), [
    (["---", "title: x", "---", "", "## English"], FrontMatter(("title: x",), 3)),
    (["--- ", "a: 1", "---  ", "---"], FrontMatter(("a: 1",), 3)),  # a later `---` is a Markdown rule
    (["---", "---"], FrontMatter((), 2)),
    (["", "  "], "empty-file"),
    (["title: x", "---"], "no-front-matter"),
    (["---", "title: x", "", "## English"], "unclosed-front-matter"),
])
def test_one_fence_splitter(lines: list[str], expected: FrontMatter | str) -> None:
    split = split_front_matter(lines)
    if isinstance(expected, str):
        assert isinstance(split, NoFrontMatter) and split.rule == expected and (split.line, split.column) == (1, 1)
    else:
        assert split == expected


def test_every_field_has_exactly_one_reader() -> None:
    assert sorted(READERS) == sorted(FIELD_NAMES), "source/note.py READERS and schema.FIELDS disagree"


def test_records_hold_every_field_and_section() -> None:
    body = tuple(s.key for s in SECTIONS)
    draft = tuple(f.name for f in dataclasses.fields(NoteDraft))
    assert draft == FIELD_NAMES + body, "model.NoteDraft must have the schema's fields, then its sections, in order"
    note = {f.name for f in dataclasses.fields(Note)}
    assert set(FIELD_NAMES + body) <= note, f"model.Note lacks {set(FIELD_NAMES + body) - note}"
    assert set(LINK_FIELDS) <= set(FIELD_NAMES)


def test_the_contributors_guide_lists_the_schemas_fields() -> None:
    guide = (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")
    # The guide is written once per language; the English one states the schema's own words.
    english, korean = guide.split('<div class="pn-lang" lang="ko" markdown>')
    table = [line for line in english.splitlines() if re.match(r"\| `[a-z_]+` \|", line)]
    expected = [f"| `{f.name}` | {'yes' if f.required else 'no*' if f.name in LINK_FIELDS else 'no'} | {f.doc} |"
                for f in FIELDS]
    assert table == expected, "docs/contributing.md's field table should read:\n" + "\n".join(expected)
    korean_keys = [m.group(1) for line in korean.splitlines() if (m := re.match(r"\| `([a-z_]+)` \|", line))]
    assert korean_keys == [f.name for f in FIELDS], "the Korean guide's field table lists other fields"
    for section in SECTIONS:
        assert f"`## {section.heading}`" in guide
    # The example note of each language shows the same fields (the Korean one lacked the lineage).
    examples = [re.search(r"\n---\n(.*?)\n---\n", half[half.index(heading):], re.S).group(1)
                for half, heading in ((english, "## The note format"), (korean, "## 노트 형식"))]
    keys = [[m.group(1) for line in example.splitlines() if (m := re.match(r"([a-z_]+):", line))] for example in examples]
    assert keys[0] == keys[1], f"the English example note has {keys[0]}, the Korean one {keys[1]}"


# (id, build date, problem or None): the build date's own month is the last possible one.
FUTURE_IDS = [
    ("2612.00001", dt.date(2026, 12, 3), None),
    ("2701.00001", dt.date(2026, 12, 31), "'2701.00001' would be from 2027-01, after today (2026-12)"),
    ("2701.00001", dt.date(2027, 1, 1), None),
]


@pytest.mark.parametrize(("value", "today", "reason"), FUTURE_IDS)
def test_arxiv_ids_after_the_build_month_are_refused(value: str, today: dt.date, reason: str | None) -> None:
    problem = arxiv_id_problem(value, today)
    assert problem is None if reason is None else problem is not None and reason in problem, problem


# (arxiv field, url field, identity): what two notes about one paper share, however it is linked.
IDENTITIES = [
    ("2504.06141", None, "arXiv 2504.06141"),
    (None, "https://arxiv.org/abs/2504.06141", "arXiv 2504.06141"),
    (None, "http://www.arxiv.org/abs/2504.06141v3/", "arXiv 2504.06141"),
    (None, "https://arxiv.org/pdf/2504.06141v2.pdf", "arXiv 2504.06141"),
    (None, "https://arxiv.org/html/2504.06141v1#S3", "arXiv 2504.06141"),
    (None, "https://arxiv.org/abs/2504.06141?context=cs", "arXiv 2504.06141"),
    (None, "https://huggingface.co/papers/2504.06141", "arXiv 2504.06141"),
    (None, "https://arxiv.org/abs/cs/0112017v1", "arXiv cs/0112017"),
    (None, "https://example.org/paper", None),  # other links are not compared: one page may list many papers
    (None, "https://arxiv.org/abs/2504.\u0660\u0666\u0661\u0664\u0661", None),
    (None, None, None),
]


@pytest.mark.parametrize(("arxiv", "url", "identity"), IDENTITIES)
def test_paper_identity(arxiv: str | None, url: str | None, identity: str | None) -> None:
    assert paper_identity(arxiv, url) == identity


@pytest.mark.parametrize(("title", "expected"), [
    ("Think-RM: Enabling Long-Horizon Reasoning", "think-rm"),
    ("Adversarial Training of Reward Models", "adversarial-training-of-reward-models"),
    ("Index", "index-paper"),                          # `index` would be the notes/ page itself
    ("Index: A Study", "index-paper"),
    ("보상 모델 연구", "note"),                          # no ASCII word: a placeholder the writer numbers
    ("보상 모델: Reward Models", "reward-models"),        # a Korean name before the colon: the English words
    ("Café Über Naïve", "cafe-uber-naive"),
    ("Let's Verify Step by Step", "lets-verify-step-by-step"),   # an apostrophe joins its word (was let-s-...)
    ("When They’re Right", "when-theyre-right"),
    ("Think Only When You Need with Large Hybrid-Reasoning Models", "think-only-when-you-need"),   # not ...-need-with
    ("Towards Understanding the Cognitive Habits of Large Reasoning Models", "towards-understanding-the-cognitive-habits"),
    ("The", "the"),                                    # a title of one little word keeps it
    ("Lineage A: A Paper That Builds On Two", "lineage-a"),   # a letter names a thing: kept
    ("x" * 300, "x" * 120),                            # one endless word: cut at the byte limit
    ("a" * 100 + " " + "b" * 100, "a" * 100),          # cut at a word boundary when there is one late enough
    ("Aa " + "b" * 200, "aa-" + "b" * 117),            # not when it would leave a stub
])
def test_slugify_gives_a_valid_unreserved_short_slug(title: str, expected: str) -> None:
    from papernotes.schema import MAX_SLUG_BYTES, NOTE_SLUG, RESERVED_SLUGS, slugify

    slug = slugify(title)
    assert slug == expected
    assert NOTE_SLUG.match(slug) and slug not in RESERVED_SLUGS and len(slug.encode()) <= MAX_SLUG_BYTES


@pytest.mark.parametrize("text", ["https://arxiv.org/abs/2504.06141?context=cs", "arxiv.org/pdf/2504.06141.pdf",
                                  "www.arxiv.org/abs/2504.06141v2#section", "https://huggingface.co/papers/2504.06141?from=daily",
                                  "https://doi.org/10.48550/arXiv.2504.06141", "arXiv:2504.06141v3", " 2504.06141 "])
def test_papernotes_new_takes_an_id_as_readers_copy_it(text: str) -> None:
    """`papernotes new 'https://arxiv.org/abs/2504.06141?context=cs'` (arXiv's listings link so) and
    `arxiv.org/pdf/2504.06141.pdf` (an address bar's copy, no scheme) were refused as no arXiv URL."""
    from papernotes.schema import read_arxiv_id
    assert read_arxiv_id(text) == "2504.06141"


@pytest.mark.parametrize("text", ["https://example.org/abs/2504.06141", "arxiv.org/abs/2513.99999", "arxiv.org/list/cs.LG/recent"])
def test_an_id_from_elsewhere_or_out_of_scheme_is_still_refused(text: str) -> None:
    from papernotes.schema import read_arxiv_id
    with pytest.raises(ValueError):
        read_arxiv_id(text)


@pytest.mark.parametrize("url", ["https://arxiv.org/abs/2406%2E30001", "https://arxiv.org/a%62s/2406.30001",
                                 "https://browse.arxiv.org/abs/2406.30001", "https://arxiv.org/abs/2406.30001%76",
                                 "https://arxiv.org/abs/2406.30001v"])
def test_the_same_arxiv_page_written_otherwise_is_the_same_paper(url: str) -> None:
    """Found by a QA pass: each of these `url:` beside a note with `arxiv: "2406.30001"` published a
    second note of the paper (percent-escapes of the same address, RFC 3986; arXiv's browse host;
    a bare `v`)."""
    assert paper_identity(None, url) == paper_identity("2406.30001", None) == "arXiv 2406.30001"


@pytest.mark.parametrize("url", ["https://example.org/abs/2406.30001", "https://arxiv.org/abs/2406.30001x",
                                 "https://arxiv.org/list/cs.LG/2406.30001"])
def test_other_addresses_are_not_an_arxiv_paper(url: str) -> None:
    assert paper_identity(None, url) is None
