"""A small known-good site that hostile test cases are added to, and a check that it survived.

Every hostile case is loaded next to these notes; afterwards each good note must still load
exactly as it does alone, which is how the tests show that bad input costs no other note.
"""

from __future__ import annotations

from pathlib import Path

from papernotes.source.tree import LoadResult, load_site
from papernotes.model import Note

TAGS_YML = """\
rl:
  ko: 강화학습
  en: Reinforcement learning
  aliases: [reinforcement-learning]
reasoning:
  ko: 추론
  en: Reasoning
alignment:
  ko: 정렬
  en: Alignment
"""

GOOD_NOTES = {
    "2024/good-korean.md": """\
---
title: "보상 모델의 한계: A Study"
authors: [김민지, Lee Jun]
date: 2024-05-01
tags: [rl, reasoning]
arxiv: "2405.00010"
---

## 한국어

보상 $r_\\theta(x, y)$ 를 **학습**한다. 표:

| 모델 | 점수 |
|------|-----:|
| A    | 1.0  |

## English

We learn a reward $r_\\theta(x, y)$; see [the paper](https://arxiv.org/abs/2405.00010).
""",
    "2024/good-english.md": """\
---
title: Chain of Thought & Friends
authors:
  - Ada Lovelace
date: 2024-05-01
tags: [reasoning]
url: https://example.org/paper
code: https://github.com/example/code
org: Example Lab
published: 2024-04-30
---

## Abstract

An abstract with `code` and a list:

- one
- two

## 한국어

코드:

```python
print("<b>hi</b>")
```

## English

![figure](../../assets/icons.svg "Figure 1")

### A sub-heading

1. first
2. second
""",
    "2023/good-old.md": """\
---
title: Old-Style arXiv Ids
authors: [Grace Hopper]
date: 2023-01-02
tags: [alignment]
arxiv: "cs/0112017"
---

## 한국어

합: $$\\sum_{i=1}^n i$$

## English

Display math: $$\\sum_{i=1}^n i$$
""",
}


BODY = "\n## 한국어\n\n본문.\n\n## English\n\nBody.\n"


def note(title: str | None = '"A hostile note"', authors: str | None = "[Kim Minji]", date: str | None = "2024-06-01",
         tags: str | None = "[rl]", arxiv: str | None = '"2406.00001"', extra: str = "", body: str = BODY) -> str:
    """A note whose front-matter lines are fixed: title 2, authors 3, date 4, tags 5, arxiv 6,
    then `extra`. Passing None leaves a line out (and shifts the lines below it)."""
    lines = [f"{k}: {v}" for k, v in (("title", title), ("authors", authors), ("date", date), ("tags", tags), ("arxiv", arxiv)) if v is not None]
    return "---\n" + "\n".join(lines) + "\n" + extra + "---\n" + body


def write_site(root: Path, files: dict[str, str | bytes], *, good: bool = True) -> Path:
    """Write `data/tags.yml`, the good notes (unless `good=False`) and `files` under `data/notes/`."""
    notes = root / "data" / "notes"
    notes.mkdir(parents=True, exist_ok=True)
    (root / "data" / "tags.yml").write_text(TAGS_YML, encoding="utf-8")
    (root / "docs" / "assets").mkdir(parents=True, exist_ok=True)
    # The image a good note shows, a file of the project's docs/ (the checker looks it up there).
    (root / "docs" / "assets" / "icons.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    for rel, content in {**(GOOD_NOTES if good else {}), **files}.items():
        path = notes / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    return root


def good_baseline(tmp: Path) -> dict[str, Note]:
    """The good notes loaded on their own, by source path."""
    result = load_site(write_site(tmp, {}), "data")
    assert not result.problems, [p.format() for p in result.problems]
    return {n.source: n for n in result.notes}


def assert_good_notes_survive(result: LoadResult, baseline: dict[str, Note], named: set[str]) -> None:
    """Every good note not named in an expected problem loads exactly as it does alone."""
    loaded = {n.source: n for n in result.notes}
    for source, note in baseline.items():
        if source in named:
            continue
        assert loaded.get(source) == note, f"{source} was lost or changed by the hostile note"
