"""Write a synthetic papernotes data folder with N notes, to measure search and the filter at scale.

    python scripts/synth_notes.py DEST N [--seed S]

DEST gets `data/tags.yml` (the bundled vocabulary) and `data/notes/<year>/<slug>.md`.
Abstracts and commentary are sentences drawn from the bundled notes (so word frequencies and
lengths are those of real notes: 보상 with its particles in about 40% of them); with
`--vocabulary` they are made of a tiny vocabulary instead (15 Korean nouns with particles, 18
English words), a worst case where every query word is in most notes.
Exit codes: 0 written, 2 bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))  # the package, also when run without installing it
KO_NOUNS = ["보상", "모델", "정책", "추론", "정렬", "데이터", "학습", "평가", "언어", "선호", "안전성", "에이전트", "검색", "증류", "토큰"]
KO_PARTICLES = ["을", "은", "이", "가", "의", "에", "으로", "과", "도", ""]
KO_VERBS = ["개선한다", "제안한다", "분석한다", "줄인다", "보여 준다", "측정한다"]
EN_WORDS = ["reward", "model", "policy", "reasoning", "alignment", "data", "training", "evaluation", "language",
            "preference", "safety", "agent", "retrieval", "distillation", "token", "scaling", "robust", "benchmark"]
SURNAMES = ["Kim", "Lee", "Park", "Smith", "Garcia", "Chen", "Wang", "Müller", "Dubois", "Ivanova", "Tanaka", "Nguyen"]
GIVEN = ["Ada", "Minji", "Jisoo", "John", "Maria", "Wei", "Li", "Hans", "Claire", "Olga", "Yuki", "Anh"]


def tag_slugs(tags_yml: str) -> list[str]:
    return [line.split(":")[0] for line in tags_yml.splitlines() if line and line[0].isalpha() and line.endswith(":")]


def ko_sentence(rng: random.Random) -> str:
    words = [rng.choice(KO_NOUNS) + rng.choice(KO_PARTICLES) for _ in range(rng.randint(3, 6))]
    return " ".join(words) + " " + rng.choice(KO_VERBS) + "."


def en_sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(EN_WORDS) for _ in range(rng.randint(6, 12))).capitalize() + "."


def real_sentences() -> dict[str, list[str]]:
    """Sentences of the bundled notes' abstracts and commentaries, by part."""
    from papernotes.source.tree import load_site

    notes = load_site(ROOT, "data").notes
    split = lambda text: [s.strip() + "." for s in " ".join(text.split()).split(". ") if s.strip()]
    return {part: [s for n in notes for s in split(getattr(n, part))] for part in ("abstract", "ko", "en")}


def note_text(i: int, rng: random.Random, slugs: list[str], start: dt.date,
              real: dict[str, list[str]] | None = None) -> tuple[str, str]:
    """One note's (path under data/notes/, file text), written by the project's note writer."""
    from papernotes.authoring.notefile import render_note
    from papernotes.model import NoteDraft

    day = start + dt.timedelta(days=i * 2000 // 10000 + rng.randint(0, 3))
    title = " ".join(rng.choice(EN_WORDS).capitalize() for _ in range(rng.randint(3, 7))) + f" {i}"
    authors = tuple(f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}" for _ in range(rng.randint(1, 6)))
    tags = tuple(rng.sample(slugs, rng.randint(1, 4)))
    arxiv = f"{day.year % 100:02d}{day.month:02d}.{i + 1:05d}"
    if real:
        abstract, ko, en = (" ".join(rng.sample(real[p], n)) for p, n in (("abstract", 8), ("ko", 3), ("en", 4)))
    else:
        abstract = " ".join(en_sentence(rng) for _ in range(5))
        ko, en = " ".join(ko_sentence(rng) for _ in range(4)), " ".join(en_sentence(rng) for _ in range(4))
    draft = NoteDraft(title=title, authors=authors, date=day, tags=tags, arxiv=arxiv, abstract=abstract, ko=ko, en=en)
    return f"{day.year}/synth-{i:05d}.md", render_note(draft)


def write_notes(dest: Path, count: int, seed: int = 1, vocabulary: bool = False) -> Path:
    data = dest / "data"
    (data / "notes").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "data" / "tags.yml", data / "tags.yml")
    slugs = tag_slugs((data / "tags.yml").read_text(encoding="utf-8"))
    rng = random.Random(seed)
    real = None if vocabulary else real_sentences()
    for i in range(count):
        rel, text = note_text(i, rng, slugs, dt.date(2020, 1, 1), real)
        path = data / "notes" / rel
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return data


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--vocabulary", action="store_true", help="tiny-vocabulary worst case instead of real sentences")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("count must be at least 1")
    write_notes(args.dest, args.count, args.seed, args.vocabulary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
