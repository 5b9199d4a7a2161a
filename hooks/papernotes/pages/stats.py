"""The statistics page's figures, drawn at build time as inline SVG.

Colours come from CSS (`currentColor` and classes styled in papernotes.css with the
theme's variables), so the same SVG reads well in the light and the dark palette. Every bar and
every day with notes has its count in a `<title>` (an empty day is a cell of a background
pattern, not an element: see `heatmap`): "2025-01-17: 노트 2개" (`count_label`). A link's
`<title>` is its tooltip and its name, written in the site's default language; figures.js writes
it again in the reader's. A figure is a labelled group (`role="group"`, not `role="img"`: an
image cannot hold links) whose links are named by what they open.

With a mouse the calendar's days and the chart's months are smaller than WCAG 2.5.8's 24 px (a
year's calendar fits the column); each is also a link of `day_list`'s list on the same page, 24 px
or more, the criterion's "equivalent" exception. (The chart per year's bars are twinned by the
calendars' year headings and the earlier years' links.)

Text drawn in a figure (month and weekday names) is written in both languages, as `<text>`
elements with `class="pn-lang"` and a `lang`, so the language switch's CSS shows one; a
figure's name is the heading above it (`aria-labelledby`), which switches the same way.

A note's date may be any day from 1900 to 2100, and a figure per year or a bar per month over
two centuries made the page pass 1 MB (3,000 notes over 1900-2026: 1.30 MB, the month chart
alone 329 kB). So the month chart shows the newest `MONTH_WINDOW` months, a chart per year
covers the whole range when it is longer (`year_chart`), and the newest `CALENDAR_YEARS` years
with notes get a calendar, the earlier ones a link to their year page (`calendar_years`); the
list of `day_list` holds the months of the month chart and the months and days of the calendars
only, the twins of what is drawn: the page stays under ~0.6 MB whatever the dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Iterable

from markupsafe import Markup, escape

from papernotes.catalog import urls
from papernotes.catalog.index import SiteIndex
from papernotes.pages.fragments import en_count

Href = Callable[[str], str]
CELL, GAP = 11, 2  # heatmap cell size and gap, px
MONTH_WINDOW = 120
"""Months the month chart shows, ending at the newest note's (ten years: 31 kB at most)."""
CALENDAR_YEARS = 5
"""Years with notes that get a calendar, the newest (a year with notes on every day is ~75 kB)."""
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ((0, "월", "Mon"), (2, "수", "Wed"), (4, "금", "Fri"))


def svg_bi(x: int, y: int, ko: str, en: str) -> str:
    """A label in both languages at one place; CSS shows the reader's (see the module docstring)."""
    return (f'<text class="pn-axis pn-lang" lang="ko" x="{x}" y="{y}">{escape(ko)}</text>'
            f'<text class="pn-axis pn-lang" lang="en" x="{x}" y="{y}">{escape(en)}</text>')


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


def count_label(key: str, count: int, lang: str) -> str:
    """A year's, month's or day's name and tooltip in `lang`, with its unit: "2025-01-17: 노트 2개",
    "2025-01-17: 2 notes", "1999: 노트 3개" (a bare "2025-01-17: 2" named no unit). figures.js
    rewrites it in the reader's language from the key and the count, the only number after the colon."""
    return f"{key}: 노트 {count:,}개" if lang == "ko" else f"{key}: {en_count(count, 'note')}"


def day_list(index: SiteIndex, months: Iterable[tuple[int, int]] | None = None,
             years: Iterable[int] | None = None) -> list[tuple[tuple[int, int], list[dt.date]]]:
    """The months with notes, newest first, each with its days with notes in order: the list that
    reaches every month of the chart and every day of the calendars with a target of 24 px.

    It holds the twins of the marks drawn, no more, so it is bounded as the figures are: the
    months with notes among `months` (the month chart's, `recent_months`) or in `years` (the
    calendars', `calendar_years`), and the days of the months in `years` only; a month of the
    chart outside the calendars is listed without its days (its page has them), and the earlier
    years' months and days are on their year pages. None (the default) is every month, or year."""
    shown = None if months is None else set(months)
    drawn = None if years is None else set(years)
    out: dict[tuple[int, int], list[dt.date]] = {}
    for day in sorted(index.by_day):
        key = (day.year, day.month)
        with_days = drawn is None or day.year in drawn
        if with_days or (shown is None or key in shown):
            out.setdefault(key, [])
        if with_days:
            out[key].append(day)
    return sorted(out.items(), reverse=True)


def recent_months(months: list[MonthCount], window: int = MONTH_WINDOW) -> list[MonthCount]:
    """The newest `window` months of `month_counts` (the chart's bars): all of a shorter range."""
    return months[-window:]


@dataclass(frozen=True)
class YearCount:
    """Notes in one year (years without notes in the range are included with 0)."""

    year: int
    count: int


def year_counts(index: SiteIndex) -> list[YearCount]:
    """Every year from the first note's to the last note's, oldest first."""
    if not index.days:
        return []
    return [YearCount(y, index.count_in(y)) for y in range(index.days[-1].year, index.days[0].year + 1)]


def calendar_years(index: SiteIndex, limit: int = CALENDAR_YEARS) -> tuple[list[int], list[int]]:
    """(years drawn as calendars, earlier years with notes), each newest first."""
    years = sorted(index.years(), reverse=True)
    return years[:limit], years[limit:]


def heat_level(count: int, peak: int) -> int:
    """0 for no notes, else 1..4 relative to the busiest day."""
    if count <= 0:
        return 0
    return min(4, 1 + (4 * (count - 1)) // max(peak, 1))


@dataclass(frozen=True)
class Bar:
    """A bar of a chart: its period's name (its tooltip and, with the count, its link's name), its
    count, the page it links to when it has notes, and the axis label under it: none, one text, or
    the same label in Korean and English."""

    name: str
    count: int
    target: str
    axis: tuple[str, ...] = ()


def bar_chart(bars: list[Bar], href: Href, labelledby: str, lang: str = "ko") -> Markup:
    """Bar chart of notes per period; bars of periods with notes link to their page.

    `labelledby` is the id of the heading that names the chart; `lang` the language of its bars'
    names (`count_label`)."""
    if not bars:
        return Markup("")
    bar, height, top = 12, 120, max(b.count for b in bars)
    width = len(bars) * bar + 56  # room after the last bar for its label (10월, Oct)
    parts = [f'<svg class="pn-chart" viewBox="0 0 {width} {height + 30}" width="{width}" height="{height + 30}" '
             f'role="group" aria-labelledby="{labelledby}">']
    parts.append(f'<text class="pn-axis" x="0" y="10">{top:,}</text><line class="pn-axis-line" x1="30" y1="{height}" x2="{width}" y2="{height}"/>')
    for i, b in enumerate(bars):
        x = 34 + i * bar
        h = 0 if top == 0 else round(b.count * (height - 14) / top)
        label = f"<title>{count_label(b.name, b.count, lang)}</title>"
        rect = f'<rect class="pn-bar" x="{x}" y="{height - h}" width="{bar - 3}" height="{h}">{label}</rect>'
        if b.count:
            # The period's target is its whole column, gaps included, not the bar alone: a month of
            # one note was a bar 36 px tall on a phone (2 px on a site whose busiest month has 100).
            # The link is named by its <title> (figures.js writes it in the reader's language).
            hit = f'<rect class="pn-bar-hit" x="{x - 1.5:g}" y="0" width="{bar}" height="{height}"/>'
            bar_rect = f'<rect class="pn-bar" x="{x}" y="{height - h}" width="{bar - 3}" height="{h}"/>'
            rect = f'<a href="{escape(href(b.target))}">{label}{hit}{bar_rect}</a>'
        parts.append(rect)
        if len(b.axis) == 1:
            parts.append(f'<text class="pn-axis" x="{x}" y="{height + 14}">{escape(b.axis[0])}</text>')
        elif b.axis:
            parts.append(svg_bi(x, height + 14, *b.axis))
    # The busiest period's count and the newest's, written over their bars: on a phone the chart
    # opens at its newest bars, the scale's top (at its left end) out of sight, and a touch
    # screen shows no tooltip, so the bars had no number a reader could see. The busiest is the
    # latest bar before the newest that reaches the top, when one does: a newest month as busy
    # as an earlier one took the only label, and the earlier bar, as tall, stood unnumbered beside
    # it, read as a different count. (A newest bar busier than all the others is written once.)
    newest = len(bars) - 1
    peaks = [i for i, b in enumerate(bars) if b.count == top]
    peak = max((i for i in peaks if i != newest), default=newest)
    for i in sorted({peak, newest}):
        h = 0 if top == 0 else round(bars[i].count * (height - 14) / top)
        parts.append(f'<text class="pn-axis pn-bar-value" x="{34 + i * bar + (bar - 3) / 2:g}" y="{height - h - 3}" '
                     f'text-anchor="middle" aria-hidden="true">{bars[i].count:,}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def month_chart(months: list[MonthCount], href: Href, labelledby: str = "per-month", lang: str = "ko") -> Markup:
    """Bar chart of notes per month; bars of months with notes link to the month page, named
    "2025-01: 노트 3개" in `lang`."""
    bars = []
    for i, m in enumerate(months):
        axis: tuple[str, ...] = ()
        if m.month == 1 or i == 0:
            axis = (str(m.year),)
        elif m.month in (4, 7, 10) and i >= 3:
            # Each quarter named below its bar: a phone shows no tooltip, and a year of bars
            # without a month read as "some month" (not beside a year's label: room for it).
            axis = (f"{m.month}월", MONTHS_EN[m.month - 1])
        bars.append(Bar(f"{m.year:04d}-{m.month:02d}", m.count, urls.month(m.year, m.month), axis))
    return bar_chart(bars, href, labelledby, lang)


def year_chart(years: list[YearCount], href: Href, labelledby: str = "per-year", lang: str = "ko") -> Markup:
    """Bar chart of notes per year; bars of years with notes link to the year page, named
    "1999: 노트 3개" in `lang`. Every tenth year is named under its bar (a name is 2.5 bars wide),
    and the first."""
    bars = [Bar(f"{y.year:04d}", y.count, urls.year(y.year), (str(y.year),) if y.year % 10 == 0 or (i == 0 and y.year % 10 < 7) else ())
            for i, y in enumerate(years)]
    return bar_chart(bars, href, labelledby, lang)


def heatmap(index: SiteIndex, year: int, href: Href, labelledby: str | None = None, lang: str = "ko") -> Markup:
    """A year as weeks (columns) x weekdays (rows, Monday first); days with notes link to their page.

    Only the days with notes are elements (a link, named by its `<title>`, the day and its count
    in `lang`, which is also its tooltip, around a cell). The empty days are one pattern of cells painted over the year's shape
    (at most three rectangles: the first week, the whole weeks, the last week), so a year costs
    a few dozen elements plus three per day with notes, not two per day of the year.
    """
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    first_monday = start - dt.timedelta(days=start.weekday())
    weeks = (end - first_monday).days // 7 + 1
    step = CELL + GAP
    peak = max((len(v) for v in index.by_day.values()), default=1)
    width, height = weeks * step + 30, 7 * step + 18
    x0, y0 = 30, 18
    parts = [f'<svg class="pn-heatmap" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'role="group" aria-labelledby="{labelledby or f"calendar y{year}"}">']
    for month in range(1, 13):
        col = (dt.date(year, month, 1) - first_monday).days // 7
        parts.append(svg_bi(x0 + col * step, 10, f"{month}월", MONTHS_EN[month - 1]))
    # The empty cells: a tile of one cell, painted over the first week from 1 January's weekday,
    # the whole weeks between, and the last week up to 31 December's weekday.
    pattern = f"pn-empty-{year}"
    parts.append(f'<defs><pattern id="{pattern}" patternUnits="userSpaceOnUse" x="{x0}" y="{y0}" width="{step}" height="{step}">'
                 f'<rect class="pn-heat pn-heat-0" width="{CELL}" height="{CELL}" rx="2"/></pattern></defs>')
    # (first column, columns, first row, end row); a year spans 53 or 54 weeks.
    spans = [(0, 1, start.weekday(), 7), (1, weeks - 2, 0, 7), (weeks - 1, 1, 0, end.weekday() + 1)]
    for col, cols, top, bottom in spans:
        parts.append(f'<rect fill="url(#{pattern})" x="{x0 + col * step}" y="{y0 + top * step}" '
                     f'width="{cols * step - GAP}" height="{(bottom - top) * step - GAP}"/>')
    for day in sorted(d for d in index.by_day if d.year == year):
        count = len(index.by_day[day])
        x, y = x0 + (day - first_monday).days // 7 * step, y0 + day.weekday() * step
        parts.append(f'<a href="{escape(href(urls.day(day)))}" data-day="{day.isoformat()}"><title>{count_label(day.isoformat(), count, lang)}</title>'
                     f'<rect class="pn-heat pn-heat-{heat_level(count, peak)}" x="{x}" y="{y}" width="{CELL}" height="{CELL}" rx="2"/></a>')
    # The weekdays' names last, over a strip of the page's colour: a calendar that scrolls (a
    # phone opens it at its newest weeks) keeps them at its left edge (figures.js moves the group
    # by the scroll), over the weeks scrolled under them; unscrolled, the strip covers no day.
    parts.append(f'<g class="pn-weekdays"><rect class="pn-weekdays__back" x="0" y="0" width="{x0 - GAP}" height="{y0 + 7 * step}"/>')
    for row, ko, en in WEEKDAYS:
        parts.append(svg_bi(0, y0 + row * step + CELL - 2, ko, en))
    parts.append("</g></svg>")
    return Markup("".join(parts))


def top_tags(index: SiteIndex, limit: int = 15) -> list[tuple[str, int]]:
    """(tag slug, note count) of the most used tags, most first, ties by slug."""
    rows = sorted(((slug, len(notes)) for slug, notes in index.by_tag.items() if notes), key=lambda r: (-r[1], r[0]))
    return rows[:limit]
