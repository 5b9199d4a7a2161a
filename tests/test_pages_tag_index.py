"""The tag index and the browse page's tag picker at the registry's limit (5,000 tags,
`schema.MAX_REGISTRY_TAGS`): every page stays well under 1 MB, and every tag stays reachable.

Found by a QA pass: 3,000 notes and 5,000 tags (each with both labels and a description, each on
~2 notes) made `tags/index.html` 2.89 MB (50,175 elements on a phone) and `browse/index.html`
1.54 MB; 1,029 tags already made the tag index 596 kB.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import BUNDLED_ROOT, make_site, shared_build, visit
from test_pages_a11y import axe_source, serious  # noqa: F401 - axe_source is a fixture
from papernotes.catalog import urls
from papernotes.catalog.index import build_index
from papernotes.config import Settings
from papernotes.markup import HtmlCache
from papernotes.model import Note, Tag, TagRegistry
from papernotes.outputs import browse as browse_files
from papernotes.pages.context import PageContext
from papernotes.pages.families import browse, tag_index
from papernotes.pages.registry import plan_pages
from papernotes.schema import MAX_REGISTRY_TAGS
from papernotes.source.tags import MAX_LABEL_CHARS
from papernotes.source.tree import load_site

PAGE_LIMIT = 500_000
"""Bytes of a page's own HTML (the theme adds ~40 kB around it): well under 1 MB."""


def _tags(count: int, longest: bool) -> list[Tag]:
    if longest:  # every label and slug as long as the checker allows, with characters that escape
        return [Tag(slug=f"t{i:04d}-" + "x" * 114, ko=(f"{i}번" + "가" * MAX_LABEL_CHARS)[:MAX_LABEL_CHARS],
                    en=(f"{i} " + "R&D " * 20)[:MAX_LABEL_CHARS], description_ko="설명 " * 300,
                    description_en="A description. " * 60) for i in range(count)]
    return [Tag(slug=f"topic-{i:04d}", ko=f"주제 {i}번 태그", en=f"Topic number {i}",
                description_ko=f"{i}번 주제에 관한 논문들을 모은 태그입니다.",
                description_en=f"Papers about topic number {i} and related work.") for i in range(count)]


def _site(tags: int = MAX_REGISTRY_TAGS, notes: int = 3000, longest: bool = False) -> PageContext:
    """`notes` generated notes over a registry of `tags` tags, four tags a note (each tag on ~2 notes)."""
    registry = sorted(_tags(tags, longest), key=lambda t: t.slug)
    reg = TagRegistry(tuple(registry), {t.slug: t.slug for t in registry}, {t.slug: t for t in registry})
    made = tuple(Note(slug=f"n{i:05d}", source=f"n{i}.md", title=f"Note {i}", authors=("A",),
                      date=dt.date(2025, 1, 1) + dt.timedelta(days=i % 300),
                      tags=tuple(sorted({registry[(i * 5 // 3 + k) % tags].slug for k in range(4)}))) for i in range(notes))
    return PageContext(build_index(made, reg), Settings(), HtmlCache())


class _Links(HTMLParser):
    """The tag chips' links of a page (`a.pn-tag`), the pager's links and the browse page's
    "more tags" link."""

    def __init__(self) -> None:
        super().__init__()
        self.chips: list[str] = []
        self.pager: list[str] = []
        self.more: list[dict[str, str | None]] = []
        self._in_pager = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "nav" and "pn-pager" in (a.get("class") or ""):
            self._in_pager = True
        if tag != "a":
            return
        if "pn-tag" in (a.get("class") or "").split():
            self.chips.append(a["href"] or "")
        elif self._in_pager:
            self.pager.append(a["href"] or "")
        elif "data-more-tags" in a:
            self.more.append(a)

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_pager = False


def _links(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


def _target(page_src: str, href: str) -> str:
    """The URL (site-relative) a link of the page `page_src` leads to."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(urls.src_to_url(page_src)), href)) + "/"


@pytest.mark.parametrize("longest", [False, True], ids=["labels", "longest-labels"])
def test_the_tag_index_of_5000_tags_stays_small_and_links_every_tag_once(longest: bool) -> None:
    ctx = _site(longest=longest)
    pages = [p for p in plan_pages(ctx) if p.kind == "tag index"]
    assert pages[0].src_uri == urls.tag_index()
    linked: list[str] = []
    for page in pages:
        html = page.render()
        assert len(html.encode()) < PAGE_LIMIT, (page.src_uri, len(html.encode()))
        linked += [_target(page.src_uri, href) for href in _links(html).chips]
    assert sorted(linked) == sorted(urls.src_to_url(urls.tag(t.slug)) for t in ctx.index.tags.tags)  # each once
    # Without scripts too: the first page links every other page of the index.
    first = _links(pages[0].render())
    assert {_target(pages[0].src_uri, href) for href in first.pager} == {urls.src_to_url(p.src_uri) for p in pages[1:]}


def test_the_most_used_tags_keep_their_full_rows() -> None:
    """The rows with descriptions are the most used tags; the rest follow in short, by count too."""
    ctx = _site()
    rows = [row for page in tag_index.index_pages(ctx) for row in page]
    assert [(r.tag.slug, r.count) for r in rows] == [(t.slug, n) for t, n in ctx.tag_rows()]
    full = [r for r in rows if r.full]
    assert full and rows[: len(full)] == full and len(full) < len(rows)
    html = tag_index.render_tag_index_page(ctx)
    assert html.count('class="pn-description"') == len(full) and 'id="more-tags"' in html


def test_a_site_of_a_few_dozen_tags_is_one_page_of_full_rows() -> None:
    """The bundled notes' tag index looks as it did: one page, every tag with its description."""
    result = load_site(BUNDLED_ROOT, "data")
    ctx = PageContext(build_index(result.notes, result.tags), Settings(), HtmlCache())
    (page,) = tag_index.index_pages(ctx)
    assert all(row.full for row in page) and len(page) == len(result.tags.tags)
    html = tag_index.render_tag_index_page(ctx)
    assert "pn-pager" not in html and "pn-tag-index--compact" not in html


def test_the_browse_page_of_5000_tags_stays_small_and_leaves_no_tag_out() -> None:
    """Its picker has the most used tags; the rest are in the index the page loads (the filter draws
    them), and the control that asks for them is, without scripts, a link to the tag index."""
    ctx = _site()
    html = next(p for p in plan_pages(ctx) if p.kind == "browse").render()
    assert len(html.encode()) < 200_000, len(html.encode())
    used = [(t.slug, n) for t, n in ctx.tag_rows() if n]
    picker = re.findall(r'<a class="pn-tag pn-filter-tag" href="[^"]*" data-tag="([^"]+)"', html)
    assert 0 < len(picker) <= browse.CHIPS and picker == [slug for slug, _ in used[: len(picker)]]
    (more,) = _links(html).more
    assert more["data-more-tags"] == str(len(used) - len(picker))
    assert _target(urls.browse(), more["href"] or "") == urls.src_to_url(urls.tag_index())
    assert {t[0] for t in json.loads(browse_files.browse_index(ctx.index))["tags"]} >= {slug for slug, _ in used}


def test_the_browse_page_of_the_longest_labels_stays_small() -> None:
    html = next(p for p in plan_pages(_site(longest=True)) if p.kind == "browse").render()
    assert len(html.encode()) < PAGE_LIMIT, len(html.encode())


# In a browser: a site of a few hundred tags, so that the index has rows in short and the browse
# page's picker leaves tags to the script (a 5,000-tag site is too long a build for the suite).
TAGS, NOTES = 400, 150


def _small_site(folder: Path) -> Path:
    data = folder / "src-data"
    (data / "notes" / "2025").mkdir(parents=True)
    lines = []
    for i in range(TAGS):
        lines += [f"topic-{i:04d}:", f'  ko: "주제 {i}"', f'  en: "Topic {i}"', "  description:",
                  f'    ko: "{i}번 주제의 논문."', f'    en: "Papers on topic {i}."']
    (data / "tags.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for i in range(NOTES):
        tags = sorted({f"topic-{(i * 5 // 3 + k) % TAGS:04d}" for k in range(4)})
        day = dt.date(2025, 1, 1) + dt.timedelta(days=i % 200)
        (data / "notes" / "2025" / f"note-{i:04d}.md").write_text(
            f'---\ntitle: "Note {i}"\nauthors: [A. Person]\ndate: {day.isoformat()}\narxiv: "2501.{10000 + i}"\n'
            f"tags: [{', '.join(tags)}]\n---\n\n## 한국어\n\n노트 {i}.\n\n## English\n\nNote {i}.\n", encoding="utf-8")
    return make_site(folder, data=data)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, serve) -> str:  # noqa: ANN001
    return serve(shared_build(tmp_path_factory, "many-tags-site", _small_site))


def _number(label: str) -> int:
    return int(re.search(r"\d+", label).group())


SHOWN = """() => Array.from(document.querySelectorAll(".pn-tag-index"), list => Array.from(list.children, li =>
  li.querySelector(`.pn-tag .pn-lang[lang="${document.documentElement.getAttribute("data-pn-lang")}"]`).textContent))"""


@pytest.mark.browser
def test_the_tag_index_sorts_its_full_and_short_rows(page, base: str) -> None:  # noqa: ANN001
    visit(page, base + "tags/?lang=ko")
    by_count = page.evaluate(SHOWN)
    assert len(by_count) == 2 and by_count[1] and sum(map(len, by_count)) == TAGS, [len(x) for x in by_count]
    page.locator('.pn-sort button[data-sort="name"]').click()
    by_name = page.evaluate(SHOWN)
    assert by_name == [sorted(labels, key=_number) for labels in by_count]   # 주제 9 before 주제 10: by number, as a reader reads
    page.locator('button[data-lang="en"]').first.click()   # the header's language switch sorts again, by the English labels
    english = page.evaluate(SHOWN)
    assert [[_number(x) for x in labels] for labels in english] == [[_number(x) for x in labels] for labels in by_name]
    page.locator('.pn-sort button[data-sort="count"]').click()
    assert [[_number(x) for x in labels] for labels in page.evaluate(SHOWN)] == [[_number(x) for x in labels] for labels in by_count]


@pytest.mark.browser
def test_the_browse_page_draws_the_other_tags_when_asked(page, base: str) -> None:  # noqa: ANN001
    visit(page, base + "browse/?lang=en")
    chips = page.locator(".pn-filter-tag")
    shown = chips.count()
    assert 0 < shown <= browse.CHIPS
    more = page.locator("[data-more-tags]")
    assert more.get_attribute("role") == "button"
    more.click()
    used = len({f"topic-{(i * 5 // 3 + k) % TAGS:04d}" for i in range(NOTES) for k in range(4)})
    assert chips.count() == used and more.count() == 0
    first = page.evaluate("document.activeElement.getAttribute('data-tag')")
    assert first == chips.nth(shown).get_attribute("data-tag")   # the keyboard goes on from the first new chip
    chips.nth(shown).click()
    page.wait_for_function("document.querySelector('.pn-browse').getAttribute('data-ready') && location.search.includes('tags=')")
    assert f"tags={first}" in page.url and page.locator(f'.pn-filter-tag[data-tag="{first}"]').get_attribute("aria-pressed") == "true"
    rows = page.locator(".pn-browse__results > li.pn-item")
    assert rows.count() >= 1 and all(first in rows.nth(i).inner_html() for i in range(rows.count()))


@pytest.mark.browser
def test_a_shared_selection_of_a_tag_left_out_of_the_page_is_shown_chosen(page, base: str) -> None:  # noqa: ANN001
    html = page.context.request.get(base + "browse/").text()
    in_page = set(re.findall(r'data-tag="(topic-\d+)" role="button"', html))
    rare = next(f"topic-{(i * 5 // 3) % TAGS:04d}" for i in reversed(range(NOTES)) if f"topic-{(i * 5 // 3) % TAGS:04d}" not in in_page)
    visit(page, base + f"browse/?tags={rare}&lang=en")
    chip = page.locator(f'.pn-filter-tag[data-tag="{rare}"]')
    assert chip.get_attribute("aria-pressed") == "true" and chip.is_visible()
    rows = page.locator(".pn-browse__results > li.pn-item")
    assert rows.count() >= 1 and all(rare in rows.nth(i).inner_html() for i in range(rows.count()))


@pytest.mark.browser
def test_the_short_rows_and_the_drawn_chips_are_accessible(page, base: str, axe_source: str) -> None:  # noqa: ANN001
    visit(page, base + "tags/")
    assert serious(page, axe_source) == []
    visit(page, base + "browse/")
    page.locator("[data-more-tags]").click()
    assert serious(page, axe_source) == []
