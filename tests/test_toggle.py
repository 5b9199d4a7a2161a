"""The 한국어 / English switch, driven in a real Chromium."""

from __future__ import annotations

from typing import TYPE_CHECKING
from pathlib import Path

import pytest

from conftest import build, make_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page
    from conftest import Serve

pytestmark = pytest.mark.browser

VISIBLE_LANGS = """() => {
  const seen = {ko: 0, en: 0};
  for (const el of document.querySelectorAll('.pn-commentary .pn-lang, .pn-tag .pn-lang')) {
    if (el.offsetParent !== null) seen[el.getAttribute('lang')] += 1;
  }
  return seen;
}"""


def visible(page: Page) -> dict[str, int]:
    return page.evaluate(VISIBLE_LANGS)


@pytest.fixture(scope="module")
def base(fixture_build: Path, serve: Serve) -> str:
    return serve(fixture_build)


def test_switch_flips_every_note_and_tag_label(page: Page, base: str) -> None:
    page.goto(base + "archive/2025/04/09/")
    first = visible(page)
    assert first["en"] == 0 and first["ko"] >= 3 + 5, first  # default ko: 3 commentaries + 5 tag chips
    toggle = page.get_by_role("group", name="언어")  # the switch is named in the page's language
    assert toggle.is_visible()
    toggle.get_by_role("button", name="English").click()
    after = visible(page)
    assert after == {"ko": 0, "en": first["ko"]}
    toggle = page.get_by_role("group", name="Language")
    assert toggle.get_by_role("button", name="English").get_attribute("aria-pressed") == "true"


def test_choice_persists_across_navigation_and_reload(page: Page, base: str) -> None:
    page.goto(base)
    page.get_by_role("button", name="English").click()
    page.locator("article.pn-note h3 a").first.click()
    page.wait_for_load_state()
    assert "/notes/" in page.url
    assert visible(page)["ko"] == 0 and visible(page)["en"] > 0
    page.reload()
    assert visible(page)["ko"] == 0 and visible(page)["en"] > 0
    page.get_by_role("button", name="한국어").click()
    page.goto(base + "tags/rl/")
    assert visible(page)["en"] == 0 and visible(page)["ko"] > 0


def test_lang_in_the_url_wins_over_the_stored_choice(page: Page, base: str) -> None:
    page.goto(base + "tags/reasoning/")
    page.get_by_role("button", name="한국어").click()
    page.goto(base + "tags/reasoning/?lang=en")
    assert visible(page)["ko"] == 0 and visible(page)["en"] > 0
    page.reload()
    assert visible(page)["en"] > 0 and visible(page)["ko"] == 0


def test_a_reload_keeps_the_language_chosen_on_a_lang_address(page: Page, base: str) -> None:
    """`?lang=` says the language a link was shared in, not the reader's later choice: a visit
    from a `?lang=ko` link, English pressed on the next page, Back (the address says ?lang=ko,
    the page English), then a reload showed Korean again, and the pages after it."""
    page.goto(base + "tags/reasoning/?lang=ko")
    assert visible(page)["en"] == 0 and visible(page)["ko"] > 0
    page.goto(base + "tags/rl/")
    page.get_by_role("button", name="English").click()
    page.go_back()
    assert "lang=ko" in page.url and visible(page)["ko"] == 0 and visible(page)["en"] > 0
    page.reload()
    assert visible(page)["ko"] == 0 and visible(page)["en"] > 0
    page.goto(base + "tags/rl/")
    assert visible(page)["ko"] == 0 and visible(page)["en"] > 0


def test_switch_is_usable_by_keyboard(page: Page, base: str) -> None:
    page.goto(base + "notes/zeta/")
    english = page.get_by_role("button", name="English")
    english.focus()
    page.keyboard.press("Enter")
    assert visible(page)["ko"] == 0
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    assert visible(page)["en"] == 0 and visible(page)["ko"] > 0


def test_without_javascript_both_languages_show(browser: Browser, base: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "notes/zeta/")
    assert page.locator('.pn-commentary .pn-lang[lang="ko"]').is_visible()
    assert page.locator('.pn-commentary .pn-lang[lang="en"]').is_visible()
    assert page.locator(".pn-toggle").count() == 0
    context.close()


def test_default_language_comes_from_mkdocs_yml(browser: Browser, serve: Serve, tmp_path: Path) -> None:
    site = make_site(tmp_path, extra={"default_lang": "en"})
    assert build(site).returncode == 0
    page = browser.new_page()
    page.goto(serve(site / "site") + "archive/2025/04/09/")
    assert visible(page)["ko"] == 0 and visible(page)["en"] > 0
    page.close()


def test_one_language_note_shows_its_text_with_a_marker(browser: Browser, serve: Serve, tmp_path: Path) -> None:
    korean_only = "---\ntitle: Only Korean\nauthors: [A]\ndate: 2025-05-01\ntags: [rl]\nurl: https://example.org/k\n---\n\n## 한국어\n\n한국어만 있습니다.\n"
    site = make_site(tmp_path, notes={"2025/korean-only.md": korean_only})
    assert build(site, strict=False).returncode == 0
    page = browser.new_page()
    page.goto(serve(site / "site") + "notes/korean-only/?lang=en")
    commentary = page.locator(".pn-commentary")
    assert commentary.locator('.pn-missing[lang="en"]').is_visible()
    assert commentary.locator('.pn-lang[lang="ko"]').inner_text() == "한국어만 있습니다."
    page.goto(page.url.replace("lang=en", "lang=ko"))
    assert not commentary.locator(".pn-missing").first.is_visible()
    page.close()


def test_tag_index_sorts_by_count_and_by_name(page: Page, base: str) -> None:
    page.goto(base + "tags/")
    order = lambda: page.eval_on_selector_all(".pn-tag-index li", "els => els.map(e => e.dataset.tag)")
    by_count = ["reasoning", "reward-model", "rl", "safety", "unused-tag"]
    assert order() == by_count
    page.get_by_role("button", name="이름").click()   # by the Korean labels, 가나다 (the slugs' order was no reader's)
    labels = page.eval_on_selector_all(".pn-tag-index li", "els => els.map(e => e.dataset.nameKo)")
    assert labels == sorted(labels) and sorted(order()) == sorted(by_count)
    page.get_by_role("button", name="노트 수").click()
    assert order() == by_count


def test_a_headings_permanent_link_is_named_in_the_chosen_language(page: Page, bundled_build: Path, serve: Serve) -> None:
    """The ¶ beside each heading of About, Contributing, Security and Benchmarks kept the toc
    extension's English "Permanent link" in Korean; mkdocs.yml names it as a pair now."""
    page.goto(serve(bundled_build) + "contributing/")
    links = page.locator("a.headerlink")
    assert links.count() > 5
    assert set(links.evaluate_all("els => els.map(e => e.title)")) == {"고유 링크"}
    page.get_by_role("button", name="English").click()
    assert set(links.evaluate_all("els => els.map(e => e.title)")) == {"Permanent link"}


PERMALINKS = """() => [...document.querySelectorAll('article a.headerlink')].filter(a => a.checkVisibility()).map(a => {
  const heading = a.parentElement.cloneNode(true);
  heading.querySelector('.headerlink').remove();
  return [a.getAttribute('aria-label'), heading.textContent.trim(), a.textContent];
})"""


def test_a_headings_permanent_link_is_named_by_its_heading(page: Page, bundled_build: Path, serve: Serve) -> None:
    """Found by a QA pass: the ¶ beside each heading of About and Contributing (and Security,
    Benchmarks) was a link named "¶". It is named "이 절의 링크: <heading>" / "Link to this section:
    <heading>" in the interface language, following the switch; the ¶ is what it shows."""
    base = serve(bundled_build)
    prefix = {"ko": "이 절의 링크: ", "en": "Link to this section: "}
    for path in ("about/", "contributing/"):
        page.goto(f"{base}{path}?lang=ko")
        for lang in ("ko", "en"):
            if lang == "en":
                page.get_by_role("button", name="English").click()
            links = page.evaluate(PERMALINKS)
            assert len(links) > (5 if path == "contributing/" else 0), path
            assert [name for name, _, _ in links] == [prefix[lang] + heading for _, heading, _ in links], (path, lang)
            assert {shown for _, _, shown in links} == {"¶"}
            # The name a screen reader hears (the accessibility tree's, not only the attribute).
            name = links[-1][0]
            assert page.get_by_role("link", name=name, exact=True).count() == 1, name


@pytest.mark.parametrize(("lang", "address", "shown"), [("ko", "security/#reporting", "ko-reporting"), ("ko", "contributing/#tags", "ko-tags"),
                                                        ("ko", "contributing/#the-note-format", "ko-note-format"),
                                                        ("en", "contributing/#ko-check", "4-check-it"), ("en", "security/#ko-reporting", "reporting")])
def test_a_link_to_the_other_languages_section_opens_the_readers(page: Page, bundled_build: Path, serve: Serve,
                                                                 lang: str, address: str, shown: str) -> None:
    """Contributing and Security hold each section twice, one half hidden: /security/#reporting (a
    ¶ link an English reader shared) opened a Korean reader's page at its top. It opens the same
    section of the reader's half, named in the address; so does a link followed within the page."""
    base = serve(bundled_build)
    page.goto(base + f"about/?lang={lang}")
    page.goto(base + address)
    page.wait_for_function("shown => location.hash === '#' + shown", arg=shown)
    top = page.evaluate("shown => document.getElementById(shown).getBoundingClientRect().top", shown)
    assert page.evaluate("scrollY") > 0 and 48 <= top < page.viewport_size["height"], top
    page.evaluate("() => { location.hash = '#ko-pages'; location.hash = '#pages-and-urls'; }")
    if address.startswith("contributing"):
        twin = "pages-and-urls" if lang == "en" else "ko-pages"
        page.wait_for_function("twin => location.hash === '#' + twin", arg=twin)
        assert 48 <= page.evaluate("twin => document.getElementById(twin).getBoundingClientRect().top", twin) < 900


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_the_chosen_order_of_the_tag_index_is_filled(browser: Browser, base: str, scheme: str) -> None:
    """Found by a phone check: in the dark palette the pressed order button (노트 수) was a 10 % tint,
    hard to tell from the other. It is filled with the chips' colour, its text the page's."""
    context = browser.new_context(color_scheme=scheme)
    try:
        pg = context.new_page()
        pg.goto(base + "tags/")
        colours = pg.eval_on_selector_all(".pn-sort button", """bs => bs.map(b => [b.getAttribute('aria-pressed'),
          getComputedStyle(b).backgroundColor, getComputedStyle(b).color, getComputedStyle(document.body).backgroundColor])""")
        pressed = [c for c in colours if c[0] == "true"]
        assert len(pressed) == 1 and pressed[0][2] == pressed[0][3], colours   # the page's colour as its text
        assert pressed[0][1] not in ("rgba(0, 0, 0, 0)", pressed[0][3]), colours
    finally:
        context.close()
