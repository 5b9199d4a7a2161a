"""Split long listings into numbered pages so that no HTML page grows past about 1 MB.

A page closes when it holds `size` notes or when the note text it shows would pass
`budget` bytes; every note lands on exactly one page, in order, and a listing always has
at least one page (an empty tag still gets its page).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Sequence

from papernotes.model import Note

PAGE_TEXT_BUDGET = 400_000
"""Bytes of note text one listing page may show (`card_weight`): its HTML stays well under 1 MB."""


def paginate(notes: Sequence[Note], size: int, weight: Callable[[Note], int] | None = None,
             budget: int = PAGE_TEXT_BUDGET) -> tuple[tuple[Note, ...], ...]:
    """Consecutive pages of at most `size` notes and `budget` weight (a heavier note stands alone)."""
    if size < 1:
        raise ValueError(f"page size must be at least 1, not {size}")
    pages: list[tuple[Note, ...]] = []
    current: list[Note] = []
    used = 0
    for note in notes:
        w = weight(note) if weight else 0
        if current and (len(current) >= size or used + w > budget):
            pages.append(tuple(current))
            current, used = [], 0
        current.append(note)
        used += w
    pages.append(tuple(current))
    return tuple(pages)


def card_weight(note: Note, commentary_html: int) -> int:
    """What a day page shows of a note: both commentaries as HTML on its card (`commentary_html`
    bytes, `HtmlCache.size`), and its abstract and commentaries as Markdown in the day's post.
    Weighed as HTML because a formula's MathML is many times its TeX: 40 notes of formula-heavy
    commentary weighed as Markdown made a day page 3 MB."""
    return commentary_html + _utf8_bytes(note.abstract) + _utf8_bytes(note.ko) + _utf8_bytes(note.en)


def commentary_weight(note: Note) -> int:
    """What a tag-page entry shows: both commentaries."""
    return _utf8_bytes(note.ko) + _utf8_bytes(note.en)


@lru_cache(maxsize=1 << 17)
def _utf8_bytes(text: str) -> int:
    """Cached: every tag's pages are cut again on each save under serve, and an unchanged note
    keeps its text objects (a string caches its hash), so this is a lookup, not an encoding."""
    return len(text.encode())
