"""Related notes: other notes ranked by the tags they share, rare tags counting more.

A shared tag weighs `log(1 + N / df)` (N notes in all, df notes with the tag), so sharing a
tag three notes have says more than sharing one half the site has. Ties go to the newer
note, then to the smaller slug, so the ranking is deterministic.

Scores depend only on which of the note's tags a candidate shares, so instead of scoring
every other note we walk the subsets of the note's tags from the highest score down and stop
once enough notes are found. Within a subset, the rarest tag's notes are scanned newest first
and the scan stops after `limit` matches, so a note in a tag of thousands costs a few steps,
not thousands: cheap even with 10,000 notes.
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
        bits = {slug: 1 << i for i, slug in enumerate(sorted({t for n in index.notes for t in n.tags}))}
        self._bits = bits
        self._masks = {n.slug: sum(bits[t] for t in set(n.tags)) for n in index.notes}
        """Each note's tags as one integer, a bit per tag: comparing them is an `&` (the scan
        below does it for every candidate of every note)."""
        self._order = {n.slug: i for i, n in enumerate(index.notes)}  # newest first, ties by slug
        self._postings = {slug: sorted((n.slug for n in notes), key=self._order.__getitem__)
                          for slug, notes in index.by_tag.items()}
        self._by_slug = {n.slug: n for n in index.notes}

    def for_note(self, note: Note, limit: int = MAX_RELATED) -> tuple[Note, ...]:
        """Up to `limit` other notes sharing a tag with `note`, best first."""
        own = sorted(set(note.tags), key=lambda t: (-self.weights.get(t, 0.0), t))[:_MAX_TAGS_EXACT]
        subsets = []
        for size in range(len(own), 0, -1):
            for combo in itertools.combinations(own, size):
                subsets.append((round(sum(self.weights[t] for t in combo), 9), frozenset(combo)))
        subsets.sort(key=lambda s: -s[0])
        own_mask = sum(self._bits[t] for t in own)
        found: list[str] = []
        for _score, group in itertools.groupby(subsets, key=lambda s: s[0]):
            need = limit - len(found)
            level: list[str] = []
            for _, shared in group:  # the first `need` of each subset hold the first `need` of the level
                level.extend(self._first(shared, own_mask, note.slug, need))
            found.extend(sorted(level, key=self._order.__getitem__)[:need])
            if len(found) >= limit:
                break
        return tuple(self._by_slug[s] for s in found)

    def _first(self, shared: frozenset[str], own: int, exclude: str, count: int) -> list[str]:
        """The newest `count` notes whose tags among `own` (a mask) are exactly `shared` (not `exclude`)."""
        rarest = min(shared, key=lambda t: (len(self._postings[t]), t))
        want = sum(self._bits[t] for t in shared)
        masks = self._masks
        out: list[str] = []
        for slug in self._postings[rarest]:
            if slug != exclude and masks[slug] & own == want:
                out.append(slug)
                if len(out) == count:
                    break
        return out
