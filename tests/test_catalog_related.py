"""Related notes: shared tags weighted by rarity, deterministic ties, never the note itself."""

from __future__ import annotations

import datetime as dt
import math
import random

import pytest

from papernotes.catalog.index import build_index
from papernotes.model import Note, Tag, TagRegistry
from papernotes.catalog.related import Related, tag_weights

SLUGS = ("common", "mid", "rare", "other", "x1", "x2", "x3", "x4")


def registry(slugs: tuple[str, ...] = SLUGS) -> TagRegistry:
    tags = tuple(Tag(s, s, s) for s in sorted(slugs))
    return TagRegistry(tags=tags, lookup={t.slug: t.slug for t in tags}, by_slug={t.slug: t for t in tags})


def note(slug: str, tags: tuple[str, ...], day: int = 1) -> Note:
    return Note(slug=slug, source=f"{slug}.md", title=slug, authors=("A",), date=dt.date(2025, 1, day), tags=tags)


# (name, notes as (slug, tags, day), note asked about, expected related slugs in order)
CASES = [
    ("rare tag beats common tag",
     [("me", ("common", "rare"), 1), ("c1", ("common",), 2), ("c2", ("common",), 3), ("c3", ("common",), 4),
      ("r1", ("rare",), 1)],
     "me", ["r1", "c3", "c2", "c1"]),
    ("two shared tags beat one",
     [("me", ("common", "mid"), 1), ("both", ("common", "mid"), 1), ("m1", ("mid",), 9), ("c1", ("common",), 9),
      ("c2", ("common",), 9)],
     "me", ["both", "m1", "c1", "c2"]),
    ("ties: newer first, then slug",
     [("me", ("mid",), 1), ("b", ("mid",), 5), ("a", ("mid",), 5), ("old", ("mid",), 2)],
     "me", ["a", "b", "old"]),
    ("no shared tag, no relation",
     [("me", ("rare",), 1), ("x", ("other",), 1)],
     "me", []),
    ("at most five",
     [("me", ("mid",), 1)] + [(f"n{i}", ("mid",), 1 + i) for i in range(8)],
     "me", ["n7", "n6", "n5", "n4", "n3"]),
]


@pytest.mark.parametrize(("name", "rows", "subject", "expected"), CASES, ids=[c[0] for c in CASES])
def test_related(name: str, rows: list, subject: str, expected: list[str]) -> None:
    notes = tuple(note(*r) for r in rows)
    related = Related(build_index(notes, registry()))
    got = related.for_note(next(n for n in notes if n.slug == subject))
    assert [n.slug for n in got] == expected


def test_weights_are_inverse_document_frequency() -> None:
    notes = tuple(note(f"n{i}", ("common",) + (("rare",) if i == 0 else ())) for i in range(10))
    weights = tag_weights(build_index(notes, registry()))
    assert weights["rare"] == pytest.approx(math.log(1 + 10 / 1))
    assert weights["common"] == pytest.approx(math.log(1 + 10 / 10))
    assert "other" not in weights  # unused tags get no weight


def test_matches_brute_force_on_random_notes() -> None:
    """The subset walk must give exactly what scoring every pair and sorting gives."""
    rng = random.Random(7)
    notes = tuple(note(f"n{i:03d}", tuple(rng.sample(SLUGS, rng.randint(1, 4))), rng.randint(1, 28)) for i in range(300))
    index = build_index(notes, registry())
    related = Related(index)
    order = {n.slug: i for i, n in enumerate(index.notes)}
    for subject in notes[:60]:
        scored = [(round(sum(related.weights[t] for t in set(subject.tags) & set(o.tags)), 9), o)
                  for o in notes if o.slug != subject.slug]
        expected = [o.slug for s, o in sorted((x for x in scored if x[0] > 0), key=lambda x: (-x[0], order[x[1].slug]))][:5]
        assert [n.slug for n in related.for_note(subject)] == expected, subject.slug
