"""The note writer: a `NoteDraft` becomes exactly the text the scaffold and importers have
always written, every schema field is written (none can be dropped by forgetting the writer),
and what it writes reads back as the same note."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from papernotes.authoring.notefile import ExistingNotes, render_note
from papernotes.model import NoteDraft
from papernotes.schema import FIELD_NAMES, FIELDS, Kind, split_front_matter
from papernotes.source.note import parse_note
from papernotes.source.tags import load_tag_registry

TAGS, _ = load_tag_registry(Path(__file__).parent / "fixtures" / "site" / "data" / "tags.yml", "data/tags.yml")

FULL = NoteDraft(
    title="Yes: A Paper", authors=("Ada Lovelace", "Bo Kim"), date=dt.date(2025, 4, 10), tags=("reward-model", "rl"),
    arxiv="2504.06141", url="https://example.org/p", code="https://github.com/o/r", org="NAVER AI Lab",
    published=dt.date(2025, 4, 8), draft=True, abstract="An abstract.\n\nTwo.", ko="한국어 코멘트.", en="English.")
FULL_TEXT = """\
---
title: "Yes: A Paper"
authors:
- Ada Lovelace
- Bo Kim
date: 2025-04-10
tags: [reward-model, rl]
arxiv: "2504.06141"
url: https://example.org/p
code: https://github.com/o/r
org: NAVER AI Lab
published: 2025-04-08
draft: true
---

## Abstract

An abstract.

Two.

## 한국어

한국어 코멘트.

## English

English.
"""
# Empty values are left out; the commentary headings stay, the empty abstract does not.
BARE = NoteDraft(title="Old Paper", authors=("Ada",), date=dt.date(2025, 4, 10), tags=("rl",), arxiv="cs/0112017")
BARE_TEXT = "---\ntitle: Old Paper\nauthors:\n- Ada\ndate: 2025-04-10\ntags: [rl]\narxiv: cs/0112017\n---\n\n## 한국어\n\n## English\n"

# A valid value of each kind; a field of a new kind must add one here.
SAMPLE: dict[Kind, object] = {
    "text": "Some Text", "text list": ("Ada Lovelace", "Bo Kim"), "tag list": ("reward-model", "rl"),
    "date": dt.date(2025, 4, 9), "arXiv id": "2504.06141", "link": "https://example.org/x", "true/false": True,
    "arXiv id list": ("1706.03762", "hep-th/9108001"),
}


def test_drafts_are_written_as_before() -> None:
    assert render_note(FULL) == FULL_TEXT
    assert render_note(BARE) == BARE_TEXT


def test_every_schema_field_is_written_in_schema_order_and_reads_back() -> None:
    draft = NoteDraft(**{f.name: SAMPLE[f.kind] for f in FIELDS}, abstract="A.", ko="코멘트.", en="Commentary.")  # type: ignore[arg-type]
    text = render_note(draft)
    split = split_front_matter(text.split("\n"))
    keys = [line.split(":", 1)[0] for line in split.yaml_lines if not line.startswith("- ")]  # type: ignore[union-attr]
    assert keys == list(FIELD_NAMES)
    note, problems = parse_note(text, slug="x", source="x.md", tags=TAGS)
    assert note is not None and not problems, problems
    for name in FIELD_NAMES + ("abstract", "ko", "en"):
        assert getattr(note, name) == getattr(draft, name), name


def test_existing_notes_count_unclosed_and_bom_notes(tmp_path: Path) -> None:
    found = ExistingNotes()
    found.add(tmp_path / "a.md", "---\ntitle: Open Paper\narxiv: \"2504.00001\"\n\n## English\n")
    found.add(tmp_path / "b.md", "\ufeff---\ntitle: Bom Paper\narxiv: '2504.00002'\n---\n\narxiv: '2504.00003'\n")
    found.add(tmp_path / "c.md", "title: No Fence\narxiv: \"2504.00004\"\n")
    found.add(tmp_path / "d.md", "---\ntitle: Linked\nurl: https://arxiv.org/pdf/2504.00005v3\n---\n")
    assert found.by_arxiv == {"2504.00001": tmp_path / "a.md", "2504.00002": tmp_path / "b.md", "2504.00005": tmp_path / "d.md"}
    assert found.find(None, "bom paper") == tmp_path / "b.md" and found.find(None, "No Fence") is None
