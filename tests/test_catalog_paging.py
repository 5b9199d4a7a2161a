"""Pagination splits long listings without losing, duplicating or reordering a note."""

from __future__ import annotations

import datetime as dt
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from papernotes.catalog.index import build_index
from papernotes.source.tree import load_site
from papernotes.model import Note
from papernotes.config import Settings
from papernotes.markup import HtmlCache
from papernotes.pages.context import PageContext
from papernotes.pages.registry import plan_pages
from papernotes.catalog.paging import paginate

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from notegen import generate_notes


def _note(i: int, text_bytes: int = 0) -> Note:
    return Note(slug=f"n{i}", source=f"n{i}.md", title=f"N{i}", authors=("A",), date=dt.date(2025, 1, 1),
                tags=("t",), ko="가" * (text_bytes // 3))


# (number of notes, page size, per-note text bytes, budget) -> notes per page
PAGINATION = [
    (0, 10, 0, 1000, [0]),
    (1, 10, 0, 1000, [1]),
    (10, 10, 0, 1000, [10]),
    (11, 10, 0, 1000, [10, 1]),
    (25, 10, 0, 1000, [10, 10, 5]),
    (5, 10, 300, 1000, [3, 2]),          # the byte budget closes pages before the count does
    (3, 10, 3000, 1000, [1, 1, 1]),      # a note heavier than the budget stands alone
    (7, 2, 300, 1000, [2, 2, 2, 1]),
]


@pytest.mark.parametrize("count, size, weight, budget, expected", PAGINATION)
def test_paginate_table(count: int, size: int, weight: int, budget: int, expected: list[int]) -> None:
    notes = [_note(i, weight) for i in range(count)]
    pages = paginate(notes, size, (lambda n: len(n.ko.encode())), budget)
    assert [len(p) for p in pages] == expected
    assert [n for p in pages for n in p] == notes


def test_paginate_refuses_a_zero_page_size() -> None:
    with pytest.raises(ValueError):
        paginate([], 0)


class _Slugs(HTMLParser):
    """Collects `data-slug` of the listed notes (tag entries, note cards, month titles)."""

    def __init__(self) -> None:
        super().__init__()
        self.slugs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("data-slug") and tag in ("li", "article"):
            self.slugs.append(a["data-slug"] or "")


def _slugs(html: str) -> list[str]:
    parser = _Slugs()
    parser.feed(html)
    return parser.slugs


SMALL_PAGES = Settings(tag_page_size=7, day_page_size=2, month_page_size=9, home_notes=4, home_days=3)


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - a fixture, typed where it is made
    root = tmp_path_factory.mktemp("paging")
    generate_notes(150, root, seed=7)  # enough for tags, days and months over several pages (the tests check they are)
    result = load_site(root, "data")
    assert not result.problems, result.problems[:3]
    index = build_index(result.notes, result.tags)
    return index, plan_pages(PageContext(index, SMALL_PAGES, HtmlCache()))


def _listing_key(src_uri: str) -> str:
    """The listing a page belongs to: `tags/rl.md`, `tags/rl/page/2.md` and `tags/rl/index.md` -> `tags/rl`."""
    if "/page/" in src_uri:
        return src_uri.split("/page/", 1)[0]
    return src_uri.removesuffix(".md").removesuffix("/index")


def _listed(pages, kind: str, prefix: str) -> list[str]:  # noqa: ANN001 - planned pages, typed where they are made
    """The slugs listed by every page of one listing, in page order."""
    if id(pages) not in _LISTINGS:  # grouped once: a scan of every page per listing took seconds
        groups: dict[tuple[str, str], list] = {}
        for p in pages:
            groups.setdefault((p.kind, _listing_key(p.src_uri)), []).append(p)
        _LISTINGS[id(pages)] = groups
    chosen = list(_LISTINGS[id(pages)].get((kind, prefix), []))
    chosen.sort(key=lambda p: int(p.src_uri.rsplit("/", 1)[-1][:-3]) if "/page/" in p.src_uri else 1)
    return [slug for p in chosen for slug in _slugs(p.render())]


_LISTINGS: dict[int, dict[tuple[str, str], list]] = {}


def test_every_tag_lists_each_of_its_notes_exactly_once(planned) -> None:  # noqa: ANN001 - a fixture, typed where it is made
    index, pages = planned
    split = 0
    for tag in index.tags.tags:
        listed = _listed(pages, "tag", f"tags/{tag.slug}")
        assert listed == [n.slug for n in index.by_tag[tag.slug]], tag.slug
        split += len(listed) > SMALL_PAGES.tag_page_size
    assert split > 0, "the fixture must exercise multi-page tags"


def test_every_day_and_month_lists_each_of_its_notes_exactly_once(planned) -> None:  # noqa: ANN001 - a fixture, typed where it is made
    index, pages = planned
    assert any(len(v) > SMALL_PAGES.day_page_size for v in index.by_day.values())
    assert any(len(index.notes_in_month(y, m)) > SMALL_PAGES.month_page_size for y, m in index.months()), "the fixture must exercise multi-page months"
    for day, notes in index.by_day.items():
        assert _listed(pages, "day", f"archive/{day:%Y/%m/%d}") == [n.slug for n in notes], day
    for year, month in index.months():
        listed = _listed(pages, "month", f"archive/{year:04d}/{month:02d}")
        assert listed == [n.slug for n in index.notes_in_month(year, month)], (year, month)
    all_listed = [s for p in pages if p.kind == "day" for s in _slugs(p.render())]
    assert sorted(all_listed) == sorted(n.slug for n in index.notes)


def test_home_page_is_capped_and_links_to_the_rest(planned) -> None:  # noqa: ANN001 - a fixture, typed where it is made
    index, pages = planned
    home = next(p for p in pages if p.kind == "home").render()
    assert _slugs(home) == [n.slug for d in index.days[:3] for n in index.by_day[d]][: SMALL_PAGES.home_notes]
    cut = sum(len(index.by_day[d]) for d in index.days[:3]) - SMALL_PAGES.home_notes
    assert cut > 0, "the fixture must exercise the cap"
    assert home.count("more notes from this day") == sum(
        1 for d in index.days[:3] if any(n.slug not in _slugs(home) for n in index.by_day[d]))


def test_page_sources_are_unique(planned) -> None:  # noqa: ANN001 - a fixture, typed where it is made
    _, pages = planned
    sources = [p.src_uri for p in pages]
    assert len(sources) == len(set(sources))


DAY = dt.date(2025, 1, 1)


def _one_day(count: int, abstract: str, ko: str, en: str) -> PageContext:
    """A site of `count` notes of this text, all on DAY."""
    from papernotes.model import Tag, TagRegistry
    tag = Tag(slug="t", ko="티", en="T")
    notes = tuple(Note(slug=f"n{i:03d}", source=f"n{i}.md", title=f"Note {i}", authors=("A",), date=DAY,
                       tags=("t",), arxiv=f"2501.{i + 10:05d}", abstract=abstract, ko=ko, en=en) for i in range(count))
    return PageContext(build_index(notes, TagRegistry((tag,), {"t": "t"}, {"t": tag})), Settings(), HtmlCache())


def _day_pages_under_1_mb(ctx: PageContext) -> list[str]:
    """Every page of DAY rendered, each checked to be under 1 MB; the pages' HTML in order."""
    from papernotes.pages.families.archive import day_pages, render_day_page
    pages = [render_day_page(ctx, DAY, page) for page in range(1, len(day_pages(ctx, DAY)) + 1)]
    for number, html in enumerate(pages, start=1):
        assert len(html.encode()) < 1_000_000, (number, len(html.encode()))
    return pages


def _home_under_1_mb(ctx: PageContext, cut: bool = True) -> None:
    """The home page is under 1 MB; with `cut`, it shows fewer notes than its cap and counts the rest."""
    from papernotes.pages.families.home import recent, render_home_page
    assert len(render_home_page(ctx).encode()) < 1_000_000
    if cut:
        ((_, shown, more),) = recent(ctx)
        assert 1 <= len(shown) < Settings().home_notes and len(shown) + more == len(ctx.index.notes)


# Lists of inline math: their HTML is ~7 times their Markdown.
MATH_LIST_KO = "\n".join(f"- 항목 $x_{{{j}}}^2$" for j in range(150))
MATH_LIST_EN = "\n".join(f"- item $\\alpha_{{{j}}}$" for j in range(150))


def test_a_long_day_keeps_every_page_under_1_mb_and_posts_each_note_once() -> None:
    """10,000 notes on 20 days put ~500 notes on a day: its first page carried the whole day's post
    (1.1 MB). A day whose text is more than a page may show posts each page's notes instead."""
    ctx = _one_day(400, "Abstract text. " * 120, "가나다 " * 100, "English text. " * 30)
    posted = [line.split("2501.")[1][:5] for html in _day_pages_under_1_mb(ctx)
              for line in html.splitlines() if line.startswith("arXiv:2501.")]
    assert sorted(posted) == sorted(f"{i + 10:05d}" for i in range(400))


def test_the_home_page_of_long_notes_stays_under_1_mb() -> None:
    """30 notes of 10 kB abstracts and commentaries in full made the home page pass 1 MB: it now
    keeps to the byte budget listing pages have, and counts the notes it leaves to the day page."""
    _home_under_1_mb(_one_day(40, "Abstract text. " * 800, "가나다 " * 1000, "English text. " * 800))


def test_a_day_and_the_home_page_of_formula_heavy_notes_stay_under_1_mb() -> None:
    """A formula's MathML is many times its TeX: 40 notes of formula-heavy commentary (8 kB of
    Markdown each) weighed as Markdown made their day page 3 MB and the home page 2.6 MB. The
    budget weighs the HTML the cards show."""
    formula = r"$\mathcal{L}_{%d}(\theta) = \mathbb{E}_{x\sim p}\left[\log \frac{\pi_\theta(y|x)}{\pi_{ref}(y|x)}\right]$"
    ctx = _one_day(40, "Abstract with $x^2$.", " ".join(f"손실은 {formula % i} 이다." for i in range(60)),
                   " ".join(f"The loss is {formula % i} here." for i in range(60)))
    listed = [slug for html in _day_pages_under_1_mb(ctx) for slug in _slugs(html)]
    assert listed == [n.slug for n in ctx.index.by_day[DAY]]
    _home_under_1_mb(ctx, cut=False)


def test_day_pages_of_notes_whose_html_outweighs_their_markdown_stay_under_1_mb() -> None:
    """The day pages were cut by the notes' Markdown alone: 44 notes of lists, links and math
    (396 kB of Markdown) made a day page of 1.01 MB (a 417 kB post and 494 kB of the cards'
    HTML). The cards' HTML now counts, so every day page keeps under 1 MB whatever the markup;
    these notes' commentaries are ~7 times as large as HTML (2.2 MB pages before)."""
    ctx = _one_day(40, "Abstract text.", MATH_LIST_KO, MATH_LIST_EN)
    shown = [slug for html in _day_pages_under_1_mb(ctx) for slug in _slugs(html)]
    assert sorted(shown) == sorted(n.slug for n in ctx.index.notes)


def test_the_home_page_of_notes_whose_html_outweighs_their_markdown_stays_under_1_mb() -> None:
    """The home page kept to a budget of the notes' Markdown: 30 notes whose lists of inline math
    are ~7 times as large as HTML made it 1.47 MB. A card now weighs its HTML when that is larger."""
    _home_under_1_mb(_one_day(40, "Abstract text.", MATH_LIST_KO, MATH_LIST_EN))


def test_a_long_listings_pager_shows_the_ends_and_the_pages_near(planned) -> None:  # noqa: ANN001 - a fixture, typed where it is made
    """A QA pass at 10,000 notes: a tag of 59 pages listed all 59 numbers, 584 px above its first
    note on a phone. A pager of more than 9 pages shows the first, the last and two pages each side
    of this one, "…" between; each page reaches every other by its neighbours."""
    import re

    index, _ = planned
    pages = plan_pages(PageContext(index, Settings(tag_page_size=1), HtmlCache()))
    tag = max(index.tags.tags, key=lambda t: len(index.by_tag.get(t.slug, ())))
    total = len(index.by_tag[tag.slug])
    assert total >= 15, "the fixture must exercise a long pager"
    listing = {1 if "/page/" not in p.src_uri else int(p.src_uri.rsplit("/", 1)[-1][:-3]): p
               for p in pages if p.kind == "tag" and _listing_key(p.src_uri) == f"tags/{tag.slug}"}
    assert sorted(listing) == list(range(1, total + 1))

    def numbers(n: int) -> list[str]:
        html = listing[n].render()
        pager = re.search(r'<nav class="pn-pager".*?</nav>', html, re.S)[0]
        return re.findall(r">(\d+|…)<", pager)

    assert numbers(8) == ["1", "…", "6", "7", "8", "9", "10", "…", str(total)]
    assert numbers(1) == ["1", "2", "3", "…", str(total)]
    assert numbers(total) == ["1", "…", str(total - 2), str(total - 1), str(total)]
    for n in range(1, total + 1):   # its neighbours are always there
        shown = numbers(n)
        assert all(str(m) in shown for m in (n - 1, n + 1) if 1 <= m <= total), (n, shown)
