"""Related notes: other notes ranked by the tags they share, rare tags counting more.

A shared tag weighs `log(1 + N / df)` (N notes in all, df notes with the tag), so sharing a
tag three notes have says more than sharing one half the site has. Ties go to the newer
note, then to the smaller slug, so the ranking is deterministic.

Scores depend only on which of the note's tags a candidate shares, so instead of scoring
every other note we walk the subsets of the note's tags from the highest score down and stop
once enough notes are found. Each tag's notes are one integer used as a set of bits (bit i:
the note at place i, newest first), so the notes that share exactly a subset are a few `&`
of 10,000-bit integers, and the newest of them their lowest bits: a note in a tag of
thousands costs a few machine-word loops, not a scan of thousands.
"""

from __future__ import annotations

import itertools
import math
from typing import Mapping

from papernotes.catalog.index import SiteIndex
from papernotes.model import Note

MAX_RELATED = 5
_MAX_TAGS_EXACT = 10  # 2**10 subsets; beyond that only the rarest ten tags are considered


def tag_weights(index: SiteIndex) -> dict[str, float]:
    """Tag slug -> weight; only tags that some note uses."""
    total = len(index.notes)
    return {slug: math.log(1 + total / len(notes)) for slug, notes in index.by_tag.items() if notes}


class Related:
    """Finds related notes for any note of one index; build once per site build."""

    def __init__(self, index: SiteIndex) -> None:
        self.index = index
        self.weights: Mapping[str, float] = tag_weights(index)
        self._order = {n.slug: i for i, n in enumerate(index.notes)}  # newest first, ties by slug
        self._by_position = index.notes
        members: dict[str, list[int]] = {}
        for i, n in enumerate(index.notes):
            for t in set(n.tags):
                members.setdefault(t, []).append(i)
        self._notes_with = {t: sum(1 << i for i in positions) for t, positions in members.items()}
        """Tag slug -> the notes that have it, as one integer with bit i for the note at place i
        in the site's order: the notes with exactly some tags are a few `&` of these, and the
        newest of them its lowest bits (instead of scanning a tag's notes one by one)."""

    def for_note(self, note: Note, limit: int = MAX_RELATED) -> tuple[Note, ...]:
        """Up to `limit` other notes sharing a tag with `note`, best first."""
        own = sorted(set(note.tags), key=lambda t: (-self.weights.get(t, 0.0), t))[:_MAX_TAGS_EXACT]
        subsets = []
        for size in range(len(own), 0, -1):
            for combo in itertools.combinations(own, size):
                subsets.append((round(sum(self.weights[t] for t in combo), 9), frozenset(combo)))
        subsets.sort(key=lambda s: -s[0])
        exclude = 1 << self._order[note.slug] if note.slug in self._order else 0
        found: list[int] = []
        for _score, group in itertools.groupby(subsets, key=lambda s: s[0]):
            need = limit - len(found)
            level: list[int] = []
            for _, shared in group:  # the first `need` of each subset hold the first `need` of the level
                level.extend(self._first(shared, own, exclude, need))
            found.extend(sorted(level)[:need])
            if len(found) >= limit:
                break
        return tuple(self._by_position[i] for i in found)

    def _first(self, shared: frozenset[str], own: list[str], exclude: int, count: int) -> list[int]:
        """The places of the newest `count` notes whose tags among `own` are exactly `shared`,
        but for the notes in `exclude` (a mask)."""
        notes_with = self._notes_with
        matching = -1
        for t in shared:
            matching &= notes_with[t]
        others = exclude
        for t in own:
            if t not in shared:
                others |= notes_with[t]
        matching &= ~others
        out: list[int] = []
        while matching and len(out) < count:
            lowest = matching & -matching
            out.append(lowest.bit_length() - 1)
            matching ^= lowest
        return out
