"""Statistics page figures: month counts (gaps included), heat levels, SVG links to day pages."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from papernotes.pages import stats
from papernotes.catalog import urls
from papernotes.catalog.index import build_index
from papernotes.model import Note, Tag, TagRegistry

SVG = "{http://www.w3.org/2000/svg}"


def site(days: list[dt.date]) -> object:
    tags = (Tag("rl", "강화학습", "RL"),)
    reg = TagRegistry(tags=tags, lookup={"rl": "rl"}, by_slug={"rl": tags[0]})
    notes = tuple(Note(slug=f"n{i}", source="x", title="t", authors=("a",), date=d, tags=("rl",)) for i, d in enumerate(days))
    return build_index(notes, reg)


@pytest.mark.parametrize(("count", "peak", "level"), [(0, 5, 0), (1, 1, 1), (1, 5, 1), (2, 5, 1), (3, 5, 2), (5, 5, 4), (9, 9, 4)])
def test_heat_level(count: int, peak: int, level: int) -> None:
    assert stats.heat_level(count, peak) == level


def test_month_counts_include_empty_months() -> None:
    index = site([dt.date(2024, 11, 3), dt.date(2025, 2, 1), dt.date(2025, 2, 9)])
    assert [(m.year, m.month, m.count) for m in stats.month_counts(index)] == [
        (2024, 11, 1), (2024, 12, 0), (2025, 1, 0), (2025, 2, 2)]


def _svg(markup: str) -> ET.Element:
    return ET.fromstring(markup.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def test_heatmap_links_exactly_the_days_with_notes() -> None:
    days = [dt.date(2025, 1, 1), dt.date(2025, 3, 15), dt.date(2025, 3, 15), dt.date(2025, 12, 31), dt.date(2024, 6, 1)]
    index = site(days)
    here = urls.stats()
    svg = _svg(str(stats.heatmap(index, 2025, lambda to: urls.relative(here, to))))
    in_2025 = {d for d in days if d.year == 2025}
    links = {a.get("data-day"): a.get("href") for a in svg.iter(f"{SVG}a")}
    assert links == {d.isoformat(): urls.relative(here, urls.day(d)) for d in in_2025}
    # Each link is named by its day and its count with the unit, by its <title>, which is also its
    # cell's tooltip (a name "2025-03-15: 2" said two of nothing).
    names = {a.get("data-day"): a.find(f"{SVG}title").text for a in svg.iter(f"{SVG}a")}
    assert names["2025-03-15"] == "2025-03-15: 노트 2개" and names["2025-01-01"] == "2025-01-01: 노트 1개"
    assert all(a.get("aria-label") is None for a in svg.iter(f"{SVG}a"))
    english = _svg(str(stats.heatmap(index, 2025, lambda to: to, lang="en")))
    assert [a.find(f"{SVG}title").text for a in english.iter(f"{SVG}a")][:2] == ["2025-01-01: 1 note", "2025-03-15: 2 notes"]
    # A day's cell sits in its week's column and its weekday's row (Monday first).
    cell = svg.find(f"{SVG}a[@data-day='2025-12-31']/{SVG}rect")
    first_monday = dt.date(2024, 12, 30)
    step = stats.CELL + stats.GAP
    assert (float(cell.get("x")), float(cell.get("y"))) == (30 + (dt.date(2025, 12, 31) - first_monday).days // 7 * step, 18 + 2 * step)


def test_heatmap_draws_empty_days_without_an_element_each() -> None:
    """Elements grow with the days that have notes, not with the days of the year."""
    def elements(days: list[dt.date]) -> int:
        return sum(1 for _ in _svg(str(stats.heatmap(site(days), 2025, lambda to: to))).iter())

    few = elements([dt.date(2025, 5, 5)])
    many = elements([dt.date(2025, 1, 1) + dt.timedelta(days=3 * i) for i in range(100)])
    assert few <= 45  # 15 axis labels, each in Korean and English, and the pattern's few shapes
    assert many - few == 3 * 99  # a link, a cell and a tooltip per further day


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2012])  # 1 January on a Sunday, Monday, Wednesday; 2012 spans 54 weeks
def test_heatmap_empty_pattern_covers_exactly_the_year(year: int) -> None:
    svg = _svg(str(stats.heatmap(site([dt.date(year, 7, 1)]), year, lambda to: to)))
    step = stats.CELL + stats.GAP
    first_monday = dt.date(year, 1, 1) - dt.timedelta(days=dt.date(year, 1, 1).weekday())
    painted = set()
    for r in svg.iter(f"{SVG}rect"):
        if r.get("fill", "").startswith("url(#"):
            x, y, w, h = (float(r.get(k)) for k in ("x", "y", "width", "height"))
            painted |= {(c, row) for c in range(int((x - 30) // step), int((x - 30 + w + stats.GAP) // step))
                        for row in range(int((y - 18) // step), int((y - 18 + h + stats.GAP) // step))}
    year_cells = {((d - first_monday).days // 7, d.weekday())
                  for d in (dt.date(year, 1, 1) + dt.timedelta(days=i) for i in range((dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days))}
    assert painted == year_cells


def test_month_chart_bars() -> None:
    index = site([dt.date(2025, 1, 5), dt.date(2025, 3, 5), dt.date(2025, 3, 6)])
    svg = _svg(str(stats.month_chart(stats.month_counts(index), lambda to: to)))
    bars = [r for r in svg.iter(f"{SVG}rect") if r.get("class") == "pn-bar"]
    assert float(bars[2].get("height")) == 2 * float(bars[0].get("height"))
    assert [a.get("href") for a in svg.iter(f"{SVG}a")] == [urls.month(2025, 1), urls.month(2025, 3)]
    # A month's link is named by its <title> (its tooltip too), with the unit; a month without
    # notes, no link, has its count in its bar's.
    assert [a.find(f"{SVG}title").text for a in svg.iter(f"{SVG}a")] == ["2025-01: 노트 1개", "2025-03: 노트 2개"]
    assert bars[1].find(f"{SVG}title").text == "2025-02: 노트 0개"
    english = _svg(str(stats.month_chart(stats.month_counts(index), lambda to: to, lang="en")))
    assert [a.find(f"{SVG}title").text for a in english.iter(f"{SVG}a")] == ["2025-01: 1 note", "2025-03: 2 notes"]
    # A month's link holds its whole column, gaps included, as tall as the chart: a finger takes
    # a month of one note (a short bar) as well as the busiest.
    for link, bar in zip(svg.iter(f"{SVG}a"), (bars[0], bars[2])):
        hit = link.find(f"{SVG}rect[@class='pn-bar-hit']")
        assert float(hit.get("x")) < float(bar.get("x")) and float(hit.get("height")) > float(bars[2].get("height"))
        assert float(hit.get("x")) + float(hit.get("width")) > float(bar.get("x")) + float(bar.get("width"))


def test_month_chart_names_each_quarter_in_both_languages() -> None:
    """A phone shows no tooltip: a year of bars under one year label read as "some month"."""
    index = site([dt.date(2024, 11, 5), dt.date(2025, 11, 5)])
    svg = _svg(str(stats.month_chart(stats.month_counts(index), lambda to: to)))
    texts = [(t.get("lang"), t.text) for t in svg.iter(f"{SVG}text") if "pn-bar-value" not in t.get("class")]
    assert [text for lang, text in texts if lang is None][1:] == ["2024", "2025"]   # after the scale's top
    assert [text for lang, text in texts if lang == "ko"] == ["4월", "7월", "10월"]
    assert [text for lang, text in texts if lang == "en"] == ["Apr", "Jul", "Oct"]


@pytest.mark.parametrize(("days", "values"), [
    # The busiest month (March: 2) and the newest (May: 1), each written over its bar.
    ([dt.date(2025, 1, 5), dt.date(2025, 3, 5), dt.date(2025, 3, 6), dt.date(2025, 5, 1)], [("2", 2), ("1", 4)]),
    # The newest month is the busiest: written once.
    ([dt.date(2025, 1, 5), dt.date(2025, 2, 5), dt.date(2025, 2, 6)], [("2", 1)]),
    # Two earlier months as busy: the later one, and the newest.
    ([dt.date(2025, 1, 5), dt.date(2025, 1, 6), dt.date(2025, 3, 5), dt.date(2025, 3, 6), dt.date(2025, 4, 5)],
     [("2", 2), ("1", 3)]),
    # The newest as busy as an earlier month: both numbered (only the newest was, and the earlier
    # bar, as tall, read as another count).
    ([dt.date(2025, 1, 5), dt.date(2025, 3, 5), dt.date(2025, 4, 5)], [("1", 2), ("1", 3)]),
    ([dt.date(2025, 1, 5), dt.date(2025, 1, 6), dt.date(2025, 2, 5), dt.date(2025, 3, 5), dt.date(2025, 3, 6)],
     [("2", 0), ("2", 2)]),
])
def test_month_chart_writes_the_busiest_and_newest_months_counts(days: list[dt.date], values: list[tuple[str, int]]) -> None:
    """A touch screen shows no tooltip, and on a phone the scale's top is scrolled out of sight:
    the chart had no number a reader could see. The counts stand over their bars' middles."""
    svg = _svg(str(stats.month_chart(stats.month_counts(site(days)), lambda to: to)))
    bars = [r for r in svg.iter(f"{SVG}rect") if r.get("class") == "pn-bar"]
    written = [t for t in svg.iter(f"{SVG}text") if "pn-bar-value" in t.get("class")]
    assert [(t.text, next(i for i, b in enumerate(bars) if float(b.get("x")) < float(t.get("x")) < float(b.get("x")) + float(b.get("width"))))
            for t in written] == values
    for t, (_, i) in zip(written, values):
        assert float(t.get("y")) < float(bars[i].get("y")) and t.get("aria-hidden") == "true"   # above the bar; the link names it


def test_heatmap_labels_months_and_weekdays_in_both_languages() -> None:
    """Each axis label exists once per language, so the language switch shows Korean or English."""
    svg = _svg(str(stats.heatmap(site([dt.date(2025, 5, 5)]), 2025, lambda to: to)))
    texts = [(t.get("lang"), t.text) for t in svg.iter(f"{SVG}text")]
    ko = [text for lang, text in texts if lang == "ko"]
    en = [text for lang, text in texts if lang == "en"]
    assert ko == ["월", "수", "금"] + [f"{m}월" for m in range(1, 13)]
    assert en == ["Mon", "Wed", "Fri", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    assert all("pn-lang" in t.get("class", "").split() for t in svg.iter(f"{SVG}text"))
    assert svg.get("aria-labelledby") == "calendar y2025" and svg.get("aria-label") is None


def test_day_list_reaches_every_month_and_day_with_notes() -> None:
    """The list under the calendar's legend (a target of 24 px for each of the figures' months and
    days, which a mouse meets at 10-12 px): newest month first, its days in order."""
    days = [dt.date(2024, 11, 3), dt.date(2025, 2, 9), dt.date(2025, 2, 1), dt.date(2025, 2, 1)]
    assert stats.day_list(site(days)) == [((2025, 2), [dt.date(2025, 2, 1), dt.date(2025, 2, 9)]), ((2024, 11), [dt.date(2024, 11, 3)])]
