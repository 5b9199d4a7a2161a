"""Statistics page figures: month counts (gaps included), heat levels, SVG links to day pages."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from papernotes.pages import stats
from papernotes.site import urls
from papernotes.site.index import build_index
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
    days = [dt.date(2025, 1, 1), dt.date(2025, 3, 15), dt.date(2025, 3, 15), dt.date(2025, 12, 31)]
    index = site(days)
    here = urls.stats()
    svg = _svg(str(stats.heatmap(index, 2025, lambda to: urls.relative(here, to))))
    links = {a.get("data-day"): a.get("href") for a in svg.iter(f"{SVG}a")}
    assert links == {d.isoformat(): urls.relative(here, urls.day(d)) for d in set(days)}
    cells = list(svg.iter(f"{SVG}rect"))
    assert len(cells) == 365
    titles = {r.find(f"{SVG}title").text for r in cells}
    assert "2025-03-15: 2" in titles and "2025-03-16: 0" in titles


def test_month_chart_bars() -> None:
    index = site([dt.date(2025, 1, 5), dt.date(2025, 3, 5), dt.date(2025, 3, 6)])
    svg = _svg(str(stats.month_chart(stats.month_counts(index), lambda to: to)))
    bars = [r for r in svg.iter(f"{SVG}rect")]
    assert [b.find(f"{SVG}title").text for b in bars] == ["2025-01: 1", "2025-02: 0", "2025-03: 2"]
    assert float(bars[2].get("height")) == 2 * float(bars[0].get("height"))
    assert [a.get("href") for a in svg.iter(f"{SVG}a")] == [urls.month(2025, 1), urls.month(2025, 3)]
