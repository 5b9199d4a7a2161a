"""Statistics page figures: month counts (gaps included), heat levels, SVG links to day pages."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import make_site, shared_build
from test_pages_a11y import axe_source, serious  # noqa: F401 - axe_source is a fixture
from papernotes.config import Settings
from papernotes.markup import HtmlCache
from papernotes.pages import stats
from papernotes.pages.context import PageContext
from papernotes.pages.families.stats import render_stats_page
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
    assert ko == [f"{m}월" for m in range(1, 13)] + ["월", "수", "금"]   # the weekdays last: over the weeks scrolled under them
    assert en == ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Mon", "Wed", "Fri"]
    assert all("pn-lang" in t.get("class", "").split() for t in svg.iter(f"{SVG}text"))
    assert svg.get("aria-labelledby") == "calendar y2025" and svg.get("aria-label") is None


def test_day_list_reaches_every_month_and_day_with_notes() -> None:
    """The list under the calendar's legend (a target of 24 px for each of the figures' months and
    days, which a mouse meets at 10-12 px): newest month first, its days in order."""
    days = [dt.date(2024, 11, 3), dt.date(2025, 2, 9), dt.date(2025, 2, 1), dt.date(2025, 2, 1)]
    assert stats.day_list(site(days)) == [((2025, 2), [dt.date(2025, 2, 1), dt.date(2025, 2, 9)]), ((2024, 11), [dt.date(2024, 11, 3)])]


# Dates may be any day from 1900 to 2100: a QA pass's 3,000 notes over 1900-01-01..2026-12-06 made
# the page 1.30 MB (a calendar per year, a bar per month: the month chart alone 329 kB).
FIRST, LAST = dt.date(1900, 1, 1), dt.date(2026, 12, 6)
SPREAD = [FIRST + dt.timedelta(days=(LAST - FIRST).days * i // 2999) for i in range(3000)]
# The heaviest dates: a note on every day of the five newest years, and one a year back to 1900 and on to 2100.
CROWDED = ([dt.date(2096, 1, 1) + dt.timedelta(days=i) for i in range((dt.date(2101, 1, 1) - dt.date(2096, 1, 1)).days)]
           + [dt.date(y, 6, 1) for y in range(1900, 2096)])


def _page(days: list[dt.date]) -> str:
    return render_stats_page(PageContext(site(days), Settings(), HtmlCache()))


@pytest.mark.parametrize("days", [SPREAD, CROWDED], ids=["1900-2026", "crowded"])
def test_the_statistics_page_stays_well_under_1_mb_whatever_the_dates(days: list[dt.date]) -> None:
    html = _page(days)
    assert len(html.encode()) < 600_000, len(html.encode())


def test_no_year_month_or_day_is_out_of_reach() -> None:
    """The month chart is the newest MONTH_WINDOW months; the chart per year has every year of the
    range, each with notes a link to its page; the newest CALENDAR_YEARS years with notes have a
    calendar, the earlier ones a link to their page (where their months and days are)."""
    index = site(SPREAD)
    html = _page(SPREAD)
    here = urls.stats()
    charts = [_svg(m) for m in re.findall(r'<svg class="pn-chart".*?</svg>', html)]
    assert [c.get("aria-labelledby") for c in charts] == ["per-month", "per-year"]
    months = [t.text for t in charts[0].iter(f"{SVG}title")]
    assert len(months) == stats.MONTH_WINDOW and months[-1].startswith("2026-12:") and months[0].startswith("2017-01:")
    years = {a.get("href") for a in charts[1].iter(f"{SVG}a")}
    assert years == {urls.relative(here, urls.year(y)) for y in index.years()}
    assert len(list(charts[1].iter(f"{SVG}title"))) == 2026 - 1900 + 1   # years without notes too, as gaps
    calendars = re.findall(r'<h3 id="y(\d+)">', html)
    assert calendars == [str(y) for y in sorted(index.years(), reverse=True)[: stats.CALENDAR_YEARS]]
    earlier = re.findall(r'<li><a href="\.\./archive/(\d{4})/">', html.split('id="earlier-years"', 1)[1])
    assert sorted(calendars + earlier) == sorted(str(y) for y in index.years())
    assert "그 전 1,404개월은" in html and "the 1,404 months before" in html   # and the line above it says what it leaves out


def test_a_few_years_of_notes_keep_their_month_chart_and_every_calendar() -> None:
    days = [dt.date(2022, 3, 1), dt.date(2025, 11, 5)]
    html = _page(days)
    assert 'id="per-year"' not in html and 'id="earlier-years"' not in html
    assert re.findall(r'<h3 id="y(\d+)">', html) == ["2025", "2022"]   # the years with notes, as before
    assert len(re.findall(r'class="pn-bar"', html)) == 45   # 2022-03 .. 2025-11


def test_year_chart_bars_and_labels() -> None:
    index = site([dt.date(1998, 5, 1), dt.date(2001, 1, 1), dt.date(2001, 2, 1), dt.date(2012, 1, 1)])
    svg = _svg(str(stats.year_chart(stats.year_counts(index), lambda to: to)))
    bars = [r for r in svg.iter(f"{SVG}rect") if r.get("class") == "pn-bar"]
    # A bar is named as a month is, with the unit (count_label): a year with notes by its link's
    # <title>, one without (no link) by its bar's.
    assert [el.find(f"{SVG}title").text for el in svg if el.tag in (f"{SVG}a", f"{SVG}rect") and el.find(f"{SVG}title") is not None][:5] == [
        "1998: 노트 1개", "1999: 노트 0개", "2000: 노트 0개", "2001: 노트 2개", "2002: 노트 0개"]
    assert all(a.get("aria-label") is None for a in svg.iter(f"{SVG}a"))
    assert len(bars) == 15 and [a.get("href") for a in svg.iter(f"{SVG}a")] == [urls.year(y) for y in (1998, 2001, 2012)]
    english = _svg(str(stats.year_chart(stats.year_counts(index), lambda to: to, lang="en")))
    assert [a.find(f"{SVG}title").text for a in english.iter(f"{SVG}a")] == ["1998: 1 note", "2001: 2 notes", "2012: 1 note"]
    assert [t.text for t in svg.iter(f"{SVG}text") if "pn-bar-value" not in t.get("class")][1:] == ["2000", "2010"]


def _long_site(folder: Path) -> Path:
    """Notes a few years apart from 1900 to 2026, and a few in the newest years."""
    data = folder / "src-data"
    notes = data / "notes"
    days = [dt.date(y, 1 + y % 12, 1 + y % 28) for y in range(1900, 2027, 3)] + [dt.date(2026, m, 2) for m in range(1, 12)]
    for i, day in enumerate(days):
        (notes / str(day.year)).mkdir(parents=True, exist_ok=True)
        (notes / str(day.year) / f"note-{i:03d}.md").write_text(
            f'---\ntitle: "Note {i}"\nauthors: [A. Person]\ndate: {day.isoformat()}\nurl: "https://example.org/{i}"\n'
            f"tags: [rl]\n---\n\n## 한국어\n\n노트 {i}.\n\n## English\n\nNote {i}.\n", encoding="utf-8")
    (data / "tags.yml").write_text('rl:\n  ko: "강화학습"\n  en: "Reinforcement learning"\n', encoding="utf-8")
    return make_site(folder, data=data)


@pytest.mark.browser
def test_the_statistics_of_a_long_range_read_on_a_phone(browser, tmp_path_factory: pytest.TempPathFactory, serve,  # noqa: ANN001
                                                        axe_source: str) -> None:
    """The chart per year is a target a finger takes (its years 24 px apart, as the months are),
    opens at the newest year as the other figures do, and the page does not widen; axe finds nothing."""
    base = serve(shared_build(tmp_path_factory, "long-range-site", _long_site))
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        pg = context.new_page()
        pg.goto(base + "stats/?lang=ko")
        pg.wait_for_load_state("load")
        pg.wait_for_timeout(300)
        chart = pg.locator(".pn-figure:has(svg[aria-labelledby=per-year])")
        years = chart.locator("a").evaluate_all("""as => as.map(a => { const r = a.getBoundingClientRect(); return [r.left, r.width]; })""")
        assert len(years) >= 40 and min(w for _, w in years) >= 16 and min(b[0] - a[0] for a, b in zip(years, years[1:])) >= 24, years[:3]
        box = chart.evaluate("f => [f.getBoundingClientRect().right, f.scrollLeft]")
        assert years[-1][0] + years[-1][1] <= box[0] + 0.5 and box[1] > 0   # the newest year in sight, the oldest a swipe away
        assert pg.evaluate("document.documentElement.scrollWidth") <= 390
        earlier = pg.locator("ul.pn-years > li > a").evaluate_all("as => as.map(a => a.getBoundingClientRect().height)")
        assert earlier and min(earlier) >= 44
        assert serious(pg, axe_source) == []
    finally:
        context.close()

def test_day_list_is_bounded_as_the_figures_are() -> None:
    """The list of 24 px links holds the twins of what is drawn, no more: the month chart's months
    with notes, and the calendars' months with their days; the earlier years' are on their pages."""
    days = [dt.date(1950, 3, 4), dt.date(2015, 5, 6), dt.date(2019, 7, 8), dt.date(2026, 1, 2), dt.date(2026, 1, 3)]
    listed = stats.day_list(site(days), months=[(2016, 12), (2019, 7), (2026, 1)], years=[2026])
    assert listed == [((2026, 1), [dt.date(2026, 1, 2), dt.date(2026, 1, 3)]), ((2019, 7), [])]
    # A calendar's year outside the month chart keeps its months and days.
    assert stats.day_list(site(days), months=[(2026, 1)], years=[2026, 1950]) == [
        ((2026, 1), [dt.date(2026, 1, 2), dt.date(2026, 1, 3)]), ((1950, 3), [dt.date(1950, 3, 4)])]


@pytest.mark.parametrize("days", [SPREAD, CROWDED], ids=["1900-2026", "crowded"])
def test_the_page_lists_the_drawn_months_and_days_only(days: list[dt.date]) -> None:
    """On the page: the list's days are the calendars' days, its months the months with notes of the
    month chart and of the calendars' years, and each is named by a figure's mark too."""
    html = _page(days)
    listed = html.split('class="pn-day-list"', 1)[1].split("</details>", 1)[0]
    index = site(days)
    drawn, _ = stats.calendar_years(index)
    shown = {(m.year, m.month) for m in stats.recent_months(stats.month_counts(index)) if m.count}
    day_links = set(re.findall(r'href="\.\./archive/(\d{4}/\d{2}/\d{2})/"', listed))
    month_links = set(re.findall(r'href="\.\./archive/(\d{4}/\d{2})/"', listed))
    assert day_links == {d.strftime("%Y/%m/%d") for d in index.by_day if d.year in drawn}
    assert month_links == {"%04d/%02d" % k for k in shown} | {d.strftime("%Y/%m") for d in index.by_day if d.year in drawn}
    # A day's link is named by its whole date (a list of links read "3", "9" to a screen reader);
    # the month and year are hidden from sight, the day number beside its month's link says it there.
    names = {href: re.sub(r"<[^>]+>", "", text) for href, text in re.findall(r'href="\.\./archive/(\d{4}/\d{2}/\d{2})/">(.*?)</a>', listed)}
    assert names and all(name == "%s-%s-%d" % (href[:4], href[5:7], int(href[8:])) for href, name in names.items())


@pytest.mark.browser
def test_the_year_chart_is_named_and_twinned_as_the_months_are(browser, tmp_path_factory: pytest.TempPathFactory, serve) -> None:  # noqa: ANN001
    """With a mouse the chart per year's bars are 12 px wide, as the months': each has a link of
    24 px or more to its year page (a calendar's year heading, an earlier year's link), and its
    name carries the unit in the reader's language ("1999: 노트 1개", "1999: 1 note")."""
    from test_visual_a11y_browser import SMALL_TARGETS, link_names
    base = serve(shared_build(tmp_path_factory, "long-range-site", _long_site))
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        pg = context.new_page()
        pg.goto(base + "stats/?lang=ko")
        pg.wait_for_load_state("load")
        marks, small = pg.evaluate(SMALL_TARGETS)
        assert [s for s in small if not s[3]] == []
        years = [n for n in link_names(pg) if re.fullmatch(r"\d{4}: .*", n)]
        assert len(years) >= 40 and all(re.fullmatch(r"\d{4}: 노트 \d+개", n) for n in years), years[:3]
        pg.click(".pn-toggle__button[data-lang=en]")
        english = [n for n in link_names(pg) if re.fullmatch(r"\d{4}: .*", n)]
        assert len(english) == len(years) and all(re.fullmatch(r"\d{4}: (1 note|\d+ notes)", n) for n in english), english[:3]
    finally:
        context.close()


def test_counts_are_grouped_by_thousands_in_both_languages() -> None:
    """At 10,000 notes the page said "10000 notes over 1095 days" (and 노트 10000개): counts are
    written as both languages write them, 10,000 and 1,095; the chart's titles too."""
    days = [dt.date(2023, 1, 1) + dt.timedelta(days=i % 1095) for i in range(10_000)]
    html = _page(days)
    assert "1,095일에 걸친 노트 10,000개" in html and "10,000 notes over 1,095 days" in html
    assert re.search(r"<title>2023-01: 노트 \d{3}개</title>", html)   # under 1,000: as before
    assert "10000" not in re.sub(r'data-count="\d+"', "", html)


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_the_top_tags_headers_sit_over_their_columns(browser, tmp_path_factory: pytest.TempPathFactory, serve, width: int) -> None:  # noqa: ANN001
    """The browser centres a <th>: on a phone "태그" sat over nothing and "노트" left of the
    right-aligned counts (a phone QA pass). The tag header starts where the tags do, the count's
    ends where the counts do."""
    base = serve(shared_build(tmp_path_factory, "long-range-site", _long_site))
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        pg = context.new_page()
        pg.goto(base + "stats/?lang=ko")
        got = pg.evaluate("""() => { const t = document.querySelector('.pn-top-tags-table');
          const head = [...t.querySelectorAll('thead th')].slice(0, 2).map(e => e.querySelector('[lang=ko]').getBoundingClientRect());
          const rows = [...t.querySelectorAll('tbody tr')];
          return {tag: head[0].left, count: head[1].right,
                  tags: rows.map(r => r.children[0].querySelector('.pn-tag').getBoundingClientRect().left),
                  counts: rows.map(r => { const n = r.children[1]; const range = document.createRange(); range.selectNodeContents(n);
                                          return range.getBoundingClientRect().right; })}; }""")
        assert got["tags"] and all(abs(left - got["tag"]) <= 2 for left in got["tags"]), got
        assert all(abs(right - got["count"]) <= 2 for right in got["counts"]), got
    finally:
        context.close()
