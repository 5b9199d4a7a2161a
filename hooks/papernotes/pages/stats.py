"""The statistics page's figures, drawn at build time as inline SVG.

Colours come from CSS (`currentColor` and classes styled in papernotes.css with the theme's
variables), so the same SVG reads well in the light and the dark palette. Every number is
also in a `<title>` tooltip; a figure is a labelled group (`role="group"`, not `role="img"`: an image
cannot hold links) whose links are named by what they open.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from markupsafe import Markup, escape

from papernotes.site import urls
from papernotes.site.index import SiteIndex

Href = Callable[[str], str]
CELL, GAP = 11, 2  # heatmap cell size and gap, px


@dataclass(frozen=True)
class MonthCount:
    """Notes in one month (months without notes in the range are included with 0)."""

    year: int
    month: int
    count: int


def month_counts(index: SiteIndex) -> list[MonthCount]:
    """Every month from the first note's to the last note's, oldest first."""
    if not index.days:
        return []
    counts = {(y, m): index.count_in(y, m) for y, m in index.months()}
    first, last = index.days[-1], index.days[0]
    out, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append(MonthCount(y, m, counts.get((y, m), 0)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def heat_level(count: int, peak: int) -> int:
    """0 for no notes, else 1..4 relative to the busiest day."""
    if count <= 0:
        return 0
    return min(4, 1 + (4 * (count - 1)) // max(peak, 1))


def month_chart(months: list[MonthCount], href: Href) -> Markup:
    """Bar chart of notes per month; bars of months with notes link to the month page."""
    if not months:
        return Markup("")
    bar, height, top = 12, 120, max(m.count for m in months)
    width = len(months) * bar + 40
    parts = [f'<svg class="pn-chart" viewBox="0 0 {width} {height + 30}" width="{width}" height="{height + 30}" '
             f'role="group" aria-label="Notes per month">']
    parts.append(f'<text class="pn-axis" x="0" y="10">{top}</text><line class="pn-axis-line" x1="30" y1="{height}" x2="{width}" y2="{height}"/>')
    for i, m in enumerate(months):
        x = 34 + i * bar
        h = 0 if top == 0 else round(m.count * (height - 14) / top)
        label = f"{m.year:04d}-{m.month:02d}: {m.count}"
        rect = f'<rect class="pn-bar" x="{x}" y="{height - h}" width="{bar - 3}" height="{h}"><title>{label}</title></rect>'
        if m.count:
            rect = f'<a href="{escape(href(urls.month(m.year, m.month)))}" aria-label="{label}">{rect}</a>'
        parts.append(rect)
        if m.month == 1 or i == 0:
            parts.append(f'<text class="pn-axis" x="{x}" y="{height + 14}">{m.year}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def heatmap(index: SiteIndex, year: int, href: Href) -> Markup:
    """A year as weeks (columns) x weekdays (rows, Monday first); days with notes link to their page."""
    start = dt.date(year, 1, 1)
    first_monday = start - dt.timedelta(days=start.weekday())
    end = dt.date(year, 12, 31)
    weeks = (end - first_monday).days // 7 + 1
    peak = max((len(v) for v in index.by_day.values()), default=1)
    width, height = weeks * (CELL + GAP) + 30, 7 * (CELL + GAP) + 18
    parts = [f'<svg class="pn-heatmap" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'role="group" aria-label="Notes per day in {year}">']
    for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri")):
        parts.append(f'<text class="pn-axis" x="0" y="{18 + row * (CELL + GAP) + CELL - 2}">{name}</text>')
    day = start
    while day <= end:
        col = (day - first_monday).days // 7
        x, y = 30 + col * (CELL + GAP), 18 + day.weekday() * (CELL + GAP)
        if day.day == 1:
            parts.append(f'<text class="pn-axis" x="{x}" y="10">{day.strftime("%b")}</text>')
        count = len(index.by_day.get(day, ()))
        cell = (f'<rect class="pn-heat pn-heat-{heat_level(count, peak)}" x="{x}" y="{y}" width="{CELL}" height="{CELL}" rx="2">'
                f"<title>{day.isoformat()}: {count}</title></rect>")
        if count:
            cell = f'<a href="{escape(href(urls.day(day)))}" data-day="{day.isoformat()}" aria-label="{day.isoformat()}: {count}">{cell}</a>'
        parts.append(cell)
        day += dt.timedelta(days=1)
    parts.append("</svg>")
    return Markup("".join(parts))


def top_tags(index: SiteIndex, limit: int = 15) -> list[tuple[str, int]]:
    """(tag slug, note count) of the most used tags, most first, ties by slug."""
    rows = sorted(((slug, len(notes)) for slug, notes in index.by_tag.items() if notes), key=lambda r: (-r[1], r[0]))
    return rows[:limit]
