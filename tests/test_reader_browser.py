"""Reader features in real Chromium: tag filter, search (Korean and English), BibTeX copy, language."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from conftest import READER_NOTES, make_site
from papernotes.index import build_index
from papernotes.load import load_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    root = make_site(tmp_path_factory.mktemp("reader-data-b"), notes=READER_NOTES)
    result = load_site(root, "data")
    return build_index(result.notes, result.tags)


@pytest.fixture(scope="module")
def base(reader_build: Path, serve) -> str:  # noqa: ANN001
    return serve(reader_build)


def shown_slugs(page) -> list[str]:  # noqa: ANN001
    return page.eval_on_selector_all(".pn-browse__results > li", "els => els.map(e => e.dataset.slug)")


def count(page) -> int:  # noqa: ANN001
    return int(page.get_attribute(".pn-browse__count", "data-count"))


def selected(page) -> list[str]:  # noqa: ANN001
    return [t for t in parse_qs(urlparse(page.url).query).get("tags", [""])[0].split(",") if t]


def expect(index, tags: list[str]) -> list[str]:  # noqa: ANN001
    return [n.slug for n in index.notes if all(t in n.tags for t in tags)]


def click_tag(page, slug: str) -> None:  # noqa: ANN001
    page.click(f'.pn-filter-tag[data-tag="{slug}"]')


def test_filter_narrows_widens_and_round_trips(page, base: str, index) -> None:  # noqa: ANN001
    page.goto(base + "browse/")
    page.wait_for_selector('.pn-browse[data-ready="true"]')
    assert count(page) == len(index.notes) and shown_slugs(page) == expect(index, [])

    steps = [["reward-model"], ["reward-model", "safety"], ["reward-model", "safety", "rl"]]
    for tags in steps:
        click_tag(page, tags[-1])
        assert selected(page) == tags
        assert shown_slugs(page) == expect(index, tags)
        assert count(page) == len(expect(index, tags))
    assert shown_slugs(page) == ["zeta"]  # the only note with all three tags

    click_tag(page, "safety")  # widen by removing a tag in the middle
    assert selected(page) == ["reward-model", "rl"]
    assert shown_slugs(page) == expect(index, ["reward-model", "rl"])

    for tags in [["reward-model", "safety", "rl"], ["reward-model", "safety"], ["reward-model"], []]:
        page.go_back()
        page.wait_for_function(f"document.querySelector('.pn-browse__count').dataset.count == '{len(expect(index, tags))}'")
        assert selected(page) == tags and shown_slugs(page) == expect(index, tags)
    page.go_forward()
    assert selected(page) == ["reward-model"] and shown_slugs(page) == expect(index, ["reward-model"])

    # A shared URL reproduces the selection; unknown tags are ignored.
    page.goto(base + "browse/?tags=rl,reward-model,no-such-tag")
    page.wait_for_selector('.pn-browse[data-ready="true"]')
    assert shown_slugs(page) == expect(index, ["rl", "reward-model"])
    pressed = page.eval_on_selector_all('.pn-filter-tag[aria-pressed="true"]', "els => els.map(e => e.dataset.tag)")
    assert sorted(pressed) == ["reward-model", "rl"]


def test_filter_results_follow_language(page, base: str) -> None:  # noqa: ANN001
    page.goto(base + "browse/?tags=reward-model")
    page.wait_for_selector('.pn-browse[data-snippets-ready="true"]')
    row = '.pn-browse__results li[data-slug="particle-a"] .pn-browse__snippet'
    page.click('.pn-toggle__button[data-lang="ko"]')
    assert page.is_visible(f'{row} [lang="ko"]') and not page.is_visible(f'{row} [lang="en"]')
    assert page.inner_text(row) == "이 방법은 보상을 다시 정의한다."
    page.click('.pn-toggle__button[data-lang="en"]')
    assert page.inner_text(row) == "Redefines the training signal."
    assert page.inner_text(".pn-browse__count") == f"{len(page.query_selector_all('.pn-browse__results > li'))} notes"


def search(page, query: str) -> list[str]:  # noqa: ANN001
    page.fill(".pn-search__input", query)
    page.press(".pn-search__input", "Enter")
    page.wait_for_function(
        "q => document.querySelector('.pn-search__results').dataset.count !== undefined"
        " && document.querySelector('.pn-search__input').value === q", arg=query)
    page.wait_for_timeout(300)  # a superseded query may still be rendering
    hrefs = page.eval_on_selector_all(".pn-search__results a.pn-search__title", "els => els.map(e => e.getAttribute('href'))")
    return [h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs]


# (query, notes that must be found, notes that must not)
QUERIES = [
    ("보상", {"particle-a", "particle-b", "zeta"}, {"escape"}),     # 보상을, 보상은, 보상 해킹
    ("robustness", {"escape"}, {"particle-a"}),
    ("Humans Rate", {"particle-b"}, set()),                         # title words
    ("Hopper", {"particle-a"}, {"particle-b"}),                     # author
    ("2503.01234", {"particle-a"}, set()),                          # arXiv id
    ("강화학습", {"particle-b", "epsilon"}, {"escape"}),             # Korean tag label, not in the commentary
    ("Reinforcement", {"particle-b", "zeta"}, {"escape"}),         # English tag label
    ("reward-model", {"particle-a", "alpha"}, set()),               # tag slug
]


@pytest.mark.parametrize(("query", "found", "absent"), QUERIES)
def test_search_finds(page, base: str, query: str, found: set[str], absent: set[str]) -> None:  # noqa: ANN001
    page.goto(base)
    slugs = search(page, query)
    assert found <= set(slugs), slugs
    assert not (absent & set(slugs)), slugs


def test_search_results_follow_language(page, base: str) -> None:  # noqa: ANN001
    page.goto(base)
    assert search(page, "Hopper")[0] == "particle-a"
    summary = ".pn-search__result .pn-search__summary"
    for lang, text in [("en", "Redefines the training signal."), ("ko", "이 방법은 보상을 다시 정의한다.")]:
        page.click(f'.pn-toggle__button[data-lang="{lang}"]')
        page.focus(".pn-search__input")  # clicking the switch closed the panel; focus reopens it
        assert page.is_visible(summary)
        assert page.inner_text(summary) == text


def test_search_downloads_nothing_before_use(page, base: str) -> None:  # noqa: ANN001
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(base)
    page.wait_for_load_state("networkidle")
    assert not [u for u in requested if "/pagefind/" in u]


def test_copy_button_puts_bibtex_on_clipboard(browser, base: str) -> None:  # noqa: ANN001
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(base + "notes/escape/")
        page.click(".pn-copy")
        page.wait_for_selector('.pn-copy[data-state="copied"]')
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.inner_text("#pn-bibtex-escape")
        assert copied.startswith("@misc{escape,\n") and r"\& 100\% {\"U}n{\"\i}code" in copied
        assert "이순신" in copied
    finally:
        context.close()


def test_search_and_filter_work_under_a_sub_path(page, reader_build: Path, serve, tmp_path: Path) -> None:  # noqa: ANN001
    """GitHub Pages serves a project at /<repo>/: result links must keep that prefix."""
    (tmp_path / "repo").symlink_to(reader_build, target_is_directory=True)
    base = serve(tmp_path) + "repo/"
    page.goto(base)
    page.fill(".pn-search__input", "Hopper")
    page.press(".pn-search__input", "Enter")
    page.wait_for_selector(".pn-search__results a.pn-search__title")
    assert page.get_attribute(".pn-search__results a.pn-search__title", "href") == "/repo/notes/particle-a/"
    page.goto(base + "browse/?tags=safety")
    page.wait_for_selector('.pn-browse[data-snippets-ready="true"]')
    href = page.get_attribute('.pn-browse__results li[data-slug="escape"] a', "href")
    assert href.endswith("/repo/notes/escape/")


def test_heatmap_cell_opens_its_day(page, base: str, index) -> None:  # noqa: ANN001
    day = index.days[0]
    page.goto(base + "stats/")
    page.click(f'a[data-day="{day.isoformat()}"]')
    page.wait_for_url(f"**/archive/{day.year:04d}/{day.month:02d}/{day.day:02d}/")
    assert page.locator("h1 time").get_attribute("datetime") == day.isoformat()
