"""Group notes the ways readers browse them: by tag, and by day, month and year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Mapping

from papernotes.model import Note, TagRegistry
from papernotes.source.glossary import Glossary


@dataclass(frozen=True, eq=False)
class SiteIndex:
    """All notes and their groupings; every list is newest first and deterministic."""

    notes: tuple[Note, ...]
    """All notes, newest first (ties by slug)."""
    tags: TagRegistry
    """The tag registry."""
    by_tag: Mapping[str, tuple[Note, ...]]
    """Tag slug -> its notes (every defined tag is present, possibly with no notes)."""
    by_day: Mapping[dt.date, tuple[Note, ...]]
    """Day -> that day's notes, for days that have notes."""
    days: tuple[dt.date, ...]
    """Days with notes, newest first."""
    glossary: Glossary = Glossary()
    """The glossary's concepts, which search uses to bridge Korean and English terms."""
    drafted: Mapping[str, str] = field(default_factory=dict)
    """arXiv id -> the draft note (`draft: true`, not published) that is about that paper, by its file."""

    def __post_init__(self) -> None:
        # Every grouping below is computed once, in one pass over the days, so that rendering
        # thousands of pages never rescans the whole list (the lookups were O(days) each).
        months: dict[tuple[int, int], list[dt.date]] = {}
        counts: dict[tuple[int, int | None], int] = {}
        for day in self.days:
            months.setdefault((day.year, day.month), []).append(day)
            n = len(self.by_day[day])
            counts[(day.year, day.month)] = counts.get((day.year, day.month), 0) + n
            counts[(day.year, None)] = counts.get((day.year, None), 0) + n
        object.__setattr__(self, "_months", {k: tuple(v) for k, v in months.items()})
        object.__setattr__(self, "_counts", counts)
        object.__setattr__(self, "_day_pos", {d: i for i, d in enumerate(self.days)})

    def months(self) -> tuple[tuple[int, int], ...]:
        """(year, month) pairs that have notes, newest first."""
        return tuple(self._months)  # type: ignore[attr-defined]

    def years(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(y for y, _ in self._months))  # type: ignore[attr-defined]

    def days_in_month(self, year: int, month: int) -> tuple[dt.date, ...]:
        return self._months.get((year, month), ())  # type: ignore[attr-defined]

    def neighbours(self, day: dt.date) -> tuple[dt.date | None, dt.date | None]:
        """The previous (older) and next (newer) days that have notes."""
        i = self._day_pos[day]  # type: ignore[attr-defined]
        older = self.days[i + 1] if i + 1 < len(self.days) else None
        newer = self.days[i - 1] if i > 0 else None
        return older, newer

    def count_in(self, year: int, month: int | None = None) -> int:
        return self._counts.get((year, month), 0)  # type: ignore[attr-defined]

    def notes_in_month(self, year: int, month: int) -> tuple[Note, ...]:
        """The month's notes, newest first (ties by slug)."""
        return tuple(n for d in self.days_in_month(year, month) for n in self.by_day[d])


def build_index(notes: tuple[Note, ...], tags: TagRegistry, glossary: Glossary | None = None,
                drafts: tuple[Note, ...] = ()) -> SiteIndex:
    glossary = glossary if glossary is not None else Glossary()
    ordered = tuple(sorted(notes, key=lambda n: (-n.date.toordinal(), n.slug)))
    by_tag: dict[str, list[Note]] = {t.slug: [] for t in tags.tags}
    by_day: dict[dt.date, list[Note]] = {}
    for note in ordered:
        for slug in note.tags:
            by_tag.setdefault(slug, []).append(note)
        by_day.setdefault(note.date, []).append(note)
    return SiteIndex(
        notes=ordered,
        tags=tags,
        by_tag={k: tuple(v) for k, v in by_tag.items()},
        by_day={k: tuple(v) for k, v in by_day.items()},
        days=tuple(sorted(by_day, reverse=True)),
        glossary=glossary,
        drafted={d.arxiv: d.source for d in drafts if d.arxiv},
    )
