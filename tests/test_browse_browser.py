"""The browse page's tag finder, year select and order in real Chromium (docs/assets/browse-filter.js):
what a reader types and taps, the address they share, Back and Forward. The tag filter itself
(chips, rows kept from the HTML, "Show more") is in test_reader_browser.py."""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Iterator
from urllib.parse import parse_qs, urlparse

import pytest

from conftest import LAYOUT_SHIFT, shared_build, visit
from test_pages_tag_index import NOTES, TAGS, _small_site

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Browser, Page
    from papernotes.catalog.index import SiteIndex
    from conftest import Serve

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="module")
def index(reader_index):  # noqa: ANN001, ANN201 - the session's (conftest.py)
    return reader_index


@pytest.fixture(scope="module")
def base(reader_build: Path, serve: Serve) -> str:
    return serve(reader_build)


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Page]:
    """A phone's page for the finder's tests: each visits the page again (a new document)."""
    context = browser.new_context(**PHONE)
    context.add_init_script(LAYOUT_SHIFT)
    page = context.new_page()
    yield page
    context.close()


def open_browse(page: Page, url: str, lang: str) -> None:
    visit(page, url + ("&" if "?" in url else "?") + "lang=" + lang)
    page.wait_for_selector('.pn-browse[data-ready="true"]')


def shown_slugs(page: Page) -> list[str]:
    return page.eval_on_selector_all(".pn-browse__results > li[data-slug]", "els => els.map(e => e.dataset.slug)")


def visible_chips(page: Page) -> list[str]:
    return page.eval_on_selector_all(".pn-filter-tag", "els => els.filter(e => e.checkVisibility()).map(e => e.dataset.tag)")


def query(page: Page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items() if k != "lang"}


def find(page: Page, text: str) -> str:
    """Type `text` into the finder (replacing what was there) and return its live count's text."""
    page.fill(".pn-browse__find-input", "")
    page.locator(".pn-browse__find-input").press_sequentially(text)
    page.wait_for_function("t => document.querySelector('.pn-browse__find-input').value === t", arg=text)
    return page.inner_text(".pn-browse__found")


def settled(page: Page) -> None:
    page.wait_for_selector('.pn-browse__results:not([aria-busy="true"])', state="attached")


def rows_are(page: Page, rows: list[str]) -> None:
    """Wait until the list shows `rows` (drawn once their excerpts are here), then check it."""
    page.wait_for_function("""want => JSON.stringify([...document.querySelectorAll(".pn-browse__results > li[data-slug]")]
        .map(e => e.dataset.slug)) === want""", arg=json.dumps(rows, separators=(",", ":")))
    settled(page)
    assert shown_slugs(page) == rows


def years(index: SiteIndex, tags: list[str] = ()) -> list[tuple[int, int]]:
    """(year, notes having every tag) of each year with notes, newest first: what the options say."""
    every = Counter(n.date.year for n in index.notes)
    tagged = Counter(n.date.year for n in index.notes if all(t in n.tags for t in tags))
    return [(y, tagged[y]) for y in sorted(every, reverse=True)]


def newest(index: SiteIndex, tags: list[str], year: str = "") -> list[str]:
    return [n.slug for n in index.notes if all(t in n.tags for t in tags) and (not year or str(n.date.year) == year)]


def oldest(index: SiteIndex, tags: list[str], year: str = "") -> list[str]:
    notes = [n for n in index.notes if all(t in n.tags for t in tags) and (not year or str(n.date.year) == year)]
    return [n.slug for n in sorted(notes, key=lambda n: n.date)]


def test_the_finder_narrows_the_chips_by_korean_english_or_slug_and_a_found_chip_filters(phone: Page, base: str, index: SiteIndex) -> None:
    page = phone
    open_browse(page, base + "browse/", "ko")
    field = page.get_by_label("태그 찾기")   # a labelled field, in the reader's language
    assert field.get_attribute("type") == "search"
    box = field.bounding_box()
    assert box["height"] >= 44 and float(field.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 16  # iOS zooms under 16 px
    everything = visible_chips(page)
    assert len(everything) >= 4

    # Korean, by substring, with its count said politely (live once the reader types: not while the page loads).
    assert find(page, "보상") == "태그 1개"
    assert page.get_attribute(".pn-browse__found", "aria-live") == "polite"
    assert visible_chips(page) == ["reward-model"]
    assert find(page, "학습") == "태그 1개" and visible_chips(page) == ["rl"]     # the middle of 강화학습
    assert find(page, "강화 학습") == "태그 1개" and visible_chips(page) == ["rl"]   # spaced as the reader spaces it
    assert find(page, "rewardmodel") == "태그 1개" and visible_chips(page) == ["reward-model"]
    # English, case- and accent-insensitive; the slug too.
    assert find(page, "REWARD") == "태그 1개" and visible_chips(page) == ["reward-model"]
    assert find(page, "réinforcement") == "태그 1개" and visible_chips(page) == ["rl"]
    assert find(page, "reward-mo") == "태그 1개" and visible_chips(page) == ["reward-model"]
    assert find(page, "sa") == "태그 1개" and visible_chips(page) == ["safety"]
    # A tag's alias (data/tags.yml: `rm`, `reward-models`), once the index is here.
    page.wait_for_function("() => performance.getEntriesByType('resource').some(r => /browse.*\\.json/.test(r.name))")
    assert find(page, "rm") == "태그 1개" and visible_chips(page) == ["reward-model"]
    # Nothing found: said, and no chip.
    assert find(page, "zzzz") == "맞는 태그 없음" and visible_chips(page) == []
    # Tap a found chip: the rows follow, and it is chosen.
    find(page, "보상")
    page.tap('.pn-filter-tag[data-tag="reward-model"]')
    rows_are(page, newest(index, ["reward-model"]))
    assert query(page) == {"tags": "reward-model"}
    assert page.get_attribute('.pn-filter-tag[data-tag="reward-model"]', "aria-pressed") == "true"
    # An empty field shows every chip again, and says nothing.
    find(page, "")
    assert visible_chips(page) == everything and page.inner_text(".pn-browse__found") == ""
    # In English, the same field and words.
    open_browse(page, base + "browse/", "en")
    assert page.get_by_label("Find a tag").is_visible()
    assert find(page, "reward") == "1 tag"
    assert find(page, "r") == f"{sum(1 for t in everything if 'r' in t + index.tags.by_slug[t].en.lower())} tags"
    assert find(page, "nothing like it") == "No tag matches"
    assert page.evaluate("window.__pnShift") <= 0.02   # the field's room was kept: nothing moved when it showed


def test_without_javascript_there_is_no_finder_year_or_order(browser: Browser, base: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base + "browse/")
        for part in (".pn-browse__find", ".pn-browse__when"):
            assert page.locator(part).count() == 1 and not page.is_visible(part)
        assert page.is_visible(".pn-filter-tag")   # the chips link to their tags, as before
    finally:
        context.close()


def test_year_and_order_combine_with_tags_in_the_address_and_back(page: Page, base: str, index: SiteIndex) -> None:
    open_browse(page, base + "browse/", "en")
    year = page.get_by_label("Year")
    options = year.evaluate("s => [...s.options].map(o => [o.value, o.label])")
    assert options == [["", "All years"]] + [[str(y), f"{y} ({n})"] for y, n in years(index)]
    assert len(options) == 3   # 2025 and 2024, newest first

    year.select_option("2024")
    rows_are(page, newest(index, [], "2024"))
    assert query(page) == {"year": "2024"}
    assert page.inner_text(".pn-browse__count") == f"2024: {len(newest(index, [], '2024'))} note"
    page.click('.pn-filter-tag[data-tag="reward-model"]')
    rows_are(page, newest(index, ["reward-model"], "2024"))
    assert query(page) == {"tags": "reward-model", "year": "2024"}
    assert page.inner_text(".pn-browse__count") == "Reward model, 2024: 1 note"
    year.select_option("")
    rows_are(page, newest(index, ["reward-model"]))
    assert query(page) == {"tags": "reward-model"}
    # The years' counts follow the chosen tags.
    assert year.evaluate("s => [...s.options].slice(1).map(o => o.label)") == [f"{y} ({n})" for y, n in years(index, ["reward-model"])]
    page.get_by_role("button", name="Oldest").click()
    rows_are(page, oldest(index, ["reward-model"]))
    assert oldest(index, ["reward-model"]) == newest(index, ["reward-model"])[::-1]
    assert query(page) == {"tags": "reward-model", "order": "oldest"}
    assert page.get_attribute('[data-order="oldest"]', "aria-pressed") == "true"
    assert page.get_attribute('[data-order="newest"]', "aria-pressed") == "false"
    assert page.url.endswith("&tags=reward-model&order=oldest")   # readable: tags, then year, then order

    # Back steps through each choice, the controls with it; Forward again.
    steps = [({"tags": "reward-model"}, newest(index, ["reward-model"]), "", "newest"),
             ({"tags": "reward-model", "year": "2024"}, newest(index, ["reward-model"], "2024"), "2024", "newest"),
             ({"year": "2024"}, newest(index, [], "2024"), "2024", "newest"),
             ({}, newest(index, []), "", "newest")]
    for want, rows, chosen_year, order in steps:
        page.go_back()
        rows_are(page, rows)
        assert query(page) == want
        assert year.input_value() == chosen_year and page.get_attribute(f'[data-order="{order}"]', "aria-pressed") == "true"
    page.go_forward()
    rows_are(page, newest(index, [], "2024"))
    assert year.input_value() == "2024" and query(page) == {"year": "2024"}

    # A shared address is restored whole: tags, year and order.
    open_browse(page, base + "browse/?tags=reward-model&year=2025&order=oldest", "ko")
    rows_are(page, oldest(index, ["reward-model"], "2025"))
    assert page.get_by_label("연도").input_value() == "2025"
    assert page.get_attribute('[data-order="oldest"]', "aria-pressed") == "true"
    assert page.inner_text(".pn-browse__count") == f"보상 모델, 2025년: 노트 {len(oldest(index, ['reward-model'], '2025'))}개"
    assert page.evaluate("s => s.options[0].label", page.query_selector("#pn-browse-year")) == "모든 해"
    # Clear lets go of the tags and the year; the order is a way of reading, kept.
    page.click(".pn-browse__clear")
    rows_are(page, oldest(index, []))
    assert query(page) == {"order": "oldest"}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_year_without_the_chosen_tags_says_so_in_the_readers_language(browser: Browser, base: str, lang: str) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    try:
        open_browse(page, base + "browse/?tags=reasoning&year=2024", lang)
        settled(page)
        assert shown_slugs(page) == [] and page.is_visible(".pn-browse__none")
        assert page.inner_text(".pn-browse__none") == {
            "ko": "2024년에는 고른 태그를 모두 가진 노트가 없습니다. 태그를 빼거나 다른 해를 골라 보세요.",
            "en": "No note of 2024 has all the selected tags. Try removing one, or another year."}[lang]
        assert page.inner_text(".pn-browse__count") == {"ko": "추론, 2024년: 노트 0개", "en": "Reasoning, 2024: 0 notes"}[lang]
        # On a phone: the select and the order's buttons are finger-sized, the select's text 16 px or more.
        select = page.locator("#pn-browse-year")
        assert select.bounding_box()["height"] >= 44 and float(select.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 16
        for button in page.locator("[data-order]").all():
            assert button.bounding_box()["height"] >= 44
        assert page.locator('label[for="pn-browse-year"]').inner_text() == {"ko": "연도", "en": "Year"}[lang]
    finally:
        context.close()


# A site of a few hundred tags (test_pages_tag_index's), where the page's chips are the most used
# 60 and the finder reaches the others through the index.
def test_the_finder_shows_its_focus_and_clear_leaves_the_keyboard_on_the_first_tag(phone: Page, base: str) -> None:
    """Found by a QA pass: the tag finder showed no focus at all (the theme takes fields' outline
    off), and Clear, which hides itself, dropped the keyboard's focus to <body>."""
    open_browse(phone, base + "browse/?tags=rl", "en")
    phone.focus("#pn-browse-find")
    ring = phone.evaluate("() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; }")
    assert ring == ["solid", "2px"], ring
    phone.focus(".pn-browse__clear")
    phone.keyboard.press("Enter")
    phone.wait_for_function("() => document.querySelector('.pn-browse__clear').hidden")
    assert phone.evaluate("document.activeElement.matches('.pn-filter-tag')"), phone.evaluate("document.activeElement.outerHTML.slice(0, 80)")
    assert query(phone) == {}


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory, serve: Serve) -> str:
    return serve(shared_build(tmp_path_factory, "many-tags-site", _small_site))


def test_the_finder_reaches_tags_the_page_left_out_a_hundred_at_most(phone: Page, many: str) -> None:
    page = phone
    open_browse(page, many + "browse/", "en")
    in_page = set(visible_chips(page))
    used = {f"topic-{(i * 5 // 3 + k) % TAGS:04d}" for i in range(NOTES) for k in range(4)}
    rare = sorted(used - in_page)[-1]
    number = int(rare.split("-")[1])
    assert page.is_visible("[data-more-tags]")
    # Its label, its slug, its Korean label: the one tag, not in the page's HTML, drawn as found.
    assert find(page, f"Topic {number}") == "1 tag" and visible_chips(page) == [rare]
    assert not page.is_visible("[data-more-tags]")   # the finder already searches every tag
    assert find(page, rare) == "1 tag" and visible_chips(page) == [rare]
    assert find(page, f"주제 {number}") == "1 tag" and visible_chips(page) == [rare]
    page.tap(f'.pn-filter-tag[data-tag="{rare}"]')
    settled(page)
    assert query(page) == {"tags": rare}
    rows = page.locator(".pn-browse__results > li.pn-item")
    assert rows.count() >= 1 and all(rare in rows.nth(i).inner_html() for i in range(rows.count()))
    # One letter finds hundreds: the hundred most used are shown, and the count says so.
    assert find(page, "topic") == f"The 100 most used of {len(used)} tags"
    assert len(visible_chips(page)) == 100
    # An empty field: the page's chips as before, and the one chosen.
    find(page, "")
    assert set(visible_chips(page)) == in_page | {rare} and page.is_visible("[data-more-tags]")
    page.go_back()   # the chosen tag let go
    page.wait_for_function("() => !location.search.includes('tags=')")
    settled(page)
    assert page.get_attribute(f'.pn-filter-tag[data-tag="{rare}"]', "aria-pressed") == "false"


def test_the_finder_works_before_the_index_arrives_and_enter_goes_on_to_a_chip(browser: Browser, many: str) -> None:
    """On a slow network the field narrows the page's chips at once; a tag the page left out is not
    said to be missing while the other tags load, and is found when they are here. A year or an
    order chosen meanwhile is kept. Enter in the field goes on to the first chip found."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    held = []
    page.route("**/browse/index.json", lambda route: held.append(route))   # answered once the field was used
    try:
        page.goto(many + "browse/?lang=en", wait_until="domcontentloaded")
        page.wait_for_selector(".pn-browse__find:not([hidden])")
        first = page.get_attribute(".pn-filter-tag", "data-tag")
        assert find(page, first) == "1 tag, loading the others…" and visible_chips(page) == [first]
        rare = max(f"topic-{(i * 5 // 3 + k) % TAGS:04d}" for i in range(NOTES) for k in range(4))   # one note: not in the page
        label = f"Topic {int(rare.split('-')[1])}"
        assert page.locator(f'.pn-filter-tag[data-tag="{rare}"]').count() == 0
        assert find(page, label) == "Loading the other tags…" and visible_chips(page) == []
        page.select_option("#pn-browse-year", "2025")
        while not held:   # the index was asked for
            page.wait_for_timeout(50)
        held[0].continue_()
        page.wait_for_selector('.pn-browse[data-ready="true"]')
        page.wait_for_function("() => document.querySelector('.pn-browse__found').dataset.text === '1 tag'")
        assert visible_chips(page) == [rare] and query(page) == {"year": "2025"}
        page.focus(".pn-browse__find-input")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.dataset.tag") == rare
        page.keyboard.press("Enter")
        page.wait_for_function("t => location.search.includes('tags=' + t)", arg=rare)
        assert query(page) == {"tags": rare, "year": "2025"}
    finally:
        context.close()


def test_a_chip_tapped_before_the_index_arrives_filters_once_it_does(browser: Browser, base: str, index: SiteIndex) -> None:
    """A QA pass at 10,000 notes (browse/index.json 1.6 MB): a chip tapped in the seconds before the
    index arrived was still a link, and took the reader to the tag's page. The choice now goes into
    the address at once (the chip pressed, "loading" said), and the list is filtered by it once the
    index is here; a second chip adds to it."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    held = []
    page.route("**/browse/index.json", lambda route: held.append(route))
    try:
        page.goto(base + "browse/?lang=en", wait_until="domcontentloaded")
        page.wait_for_selector(".pn-browse__find:not([hidden])")
        while not held:   # the module asked for the index
            page.wait_for_timeout(50)
        first, second = page.eval_on_selector_all(".pn-filter-tag", "els => els.slice(0, 2).map(e => e.dataset.tag)")
        page.locator(f'.pn-filter-tag[data-tag="{first}"]').tap()
        page.locator(f'.pn-filter-tag[data-tag="{second}"]').tap()
        assert urlparse(page.url).path.endswith("/browse/") and query(page) == {"tags": f"{first},{second}"}
        assert page.get_attribute(f'.pn-filter-tag[data-tag="{first}"]', "aria-pressed") == "true"
        assert "Loading the list of notes" in page.inner_text(".pn-browse__count")
        held[0].continue_()
        page.wait_for_selector('.pn-browse[data-ready="true"]')
        settled(page)
        wanted = [n.slug for n in index.notes if first in n.tags and second in n.tags]
        page.wait_for_function("n => document.querySelectorAll('.pn-browse__results > li[data-slug]').length === n", arg=len(wanted))
        shown = page.eval_on_selector_all(".pn-browse__results > li[data-slug]", "els => els.map(e => e.dataset.slug)")
        assert sorted(shown) == sorted(wanted) and "Loading" not in page.inner_text(".pn-browse__count")
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_an_address_naming_what_the_site_has_not_says_it_left_it_out(phone: Page, base: str, index, lang: str) -> None:  # noqa: ANN001
    """A QA pass: ?tags=reward-model,renamed showed every note on reward-model, and ?tags=renamed
    or ?year=1999 every note, with no word of what was left out, the address keeping it. The count
    says what was left out, until the next choice; the address keeps what is shown."""
    open_browse(phone, f"{base}browse/?tags=reward-model,no-such-tag&year=1999", lang)
    rows_are(phone, newest(index, ["reward-model"])[:50])
    said = {"ko": "이 사이트에 없는 태그·연도는 뺐습니다: no-such-tag, 1999", "en": "not a tag or year of this site, left out: no-such-tag, 1999"}[lang]
    assert said in phone.inner_text(".pn-browse__count")
    assert query(phone) == {"tags": "reward-model"}
    open_browse(phone, f"{base}browse/?tags=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", lang)
    assert "<img src=x onerror=alert(1)>" in phone.inner_text(".pn-browse__count") and not phone.query_selector(".pn-browse__count img")
    assert query(phone) == {}
    phone.locator(".pn-filter-tag[data-tag='reward-model']").click()
    phone.wait_for_function("() => !document.querySelector('.pn-browse__count').textContent.includes('1999') && !document.querySelector('.pn-browse__count').textContent.includes('img')")
