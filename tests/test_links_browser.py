"""Previews of linked notes in a real Chromium: mouse, keyboard and touch, in both languages, at
phone and desktop sizes; axe finds no serious problem with a card open; nothing shifts."""

from __future__ import annotations


import pytest

from conftest import LAYOUT_SHIFT, make_site, shared_build, visit
from test_links import LINK_NOTES
from test_pages_a11y import axe_source, serious  # noqa: F401 - axe_source is a fixture

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
CARD = "#pn-preview"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, serve) -> str:  # noqa: ANN001
    """test_links.py's site (the fixture site plus LINK_NOTES), built once per run, served."""
    return serve(shared_build(tmp_path_factory, "links-site", lambda folder: make_site(folder, notes=LINK_NOTES)))


def _mention(page):  # noqa: ANN001, ANN202
    """The first link to the base paper in the follow-up note's commentary, in the language shown."""
    link = page.locator('.pn-commentary .pn-lang:visible a.pn-mention[href="../base-paper/"]').first
    link.scroll_into_view_if_needed()
    return link


def _apart(page, link) -> None:  # noqa: ANN001
    """The card is shown, described to screen readers, and does not cover the link."""
    card = page.locator(CARD)
    assert card.is_visible()
    assert link.get_attribute("aria-describedby") == "pn-preview" and card.get_attribute("role") == "tooltip"
    a, c = link.bounding_box(), card.bounding_box()
    assert c["y"] >= a["y"] + a["height"] or c["y"] + c["height"] <= a["y"], (a, c)


@pytest.mark.parametrize("lang, text", [("ko", "기초가 되는 보상 모델 논문."), ("en", "The reward model everyone builds on.")])
def test_mouse_and_keyboard_previews(browser, base: str, axe_source: str, lang: str, text: str) -> None:  # noqa: ANN001
    context = browser.new_context(viewport=DESKTOP)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    try:
        page.goto(f"{base}notes/follow-up/?lang={lang}")
        link = _mention(page)
        link.hover()
        page.wait_for_selector(f"{CARD}:not([hidden])")
        _apart(page, link)
        assert page.locator(f"{CARD} .pn-lang:visible").filter(has_text=text).count() == 1
        assert page.locator(f"{CARD} .pn-preview__title").inner_text() == "Base Paper: Reward Models"
        page.keyboard.press("Escape")
        assert page.locator(CARD).is_hidden() and link.get_attribute("aria-describedby") is None
        page.mouse.move(1, 1)
        # Keyboard: Tab until the first link to a note has focus.
        page.evaluate("document.body.focus()")
        for _ in range(120):
            page.keyboard.press("Tab")
            if page.evaluate("!!document.activeElement.closest('a[data-pn-preview]')"):
                break
        focused = page.locator("*:focus")
        page.wait_for_selector(f"{CARD}:not([hidden])")
        _apart(page, focused)
        assert serious(page, axe_source) == []
        page.keyboard.press("Escape")
        assert page.locator(CARD).is_hidden()
        assert all(r.startswith(base) for r in requests), [r for r in requests if not r.startswith(base)]
        cards = [r for r in requests if "/previews/" in r]
        assert cards and len(cards) == len(set(cards))  # fetched on demand, once per note
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_touch_long_press_previews_and_a_tap_follows_the_link(browser, base: str, lang: str) -> None:  # noqa: ANN001
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(f"{base}notes/follow-up/?lang={lang}")
        link = _mention(page)
        box = link.bounding_box()
        point = [{"x": box["x"] + box["width"] / 2, "y": box["y"] + box["height"] / 2}]
        cdp = context.new_cdp_session(page)
        cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": point})
        page.wait_for_timeout(800)
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        page.wait_for_selector(f"{CARD}:not([hidden])")
        _apart(page, link)
        assert page.url.endswith(f"notes/follow-up/?lang={lang}")  # the long press did not follow the link
        page.keyboard.press("Escape")
        assert page.locator(CARD).is_hidden()
        page.wait_for_timeout(500)
        with page.expect_navigation():
            link.tap()
        assert page.url.endswith("notes/base-paper/")
    finally:
        context.close()


def test_pages_with_links_do_not_shift(browser, base: str) -> None:  # noqa: ANN001
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(viewport=viewport)
        context.add_init_script(LAYOUT_SHIFT)
        try:
            page = context.new_page()  # each visit a new document in it, its shifts measured from its start
            for path in ("notes/follow-up/", "notes/base-paper/", "wanted/"):
                visit(page, f"{base}{path}")
                assert page.evaluate("window.__pnShift") <= 0.02, path
        finally:
            context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_note_and_wanted_pages_pass_axe(browser, base: str, axe_source: str, scheme: str) -> None:  # noqa: ANN001
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    try:
        page = context.new_page()
        for path in ("notes/base-paper/", "wanted/"):
            visit(page, f"{base}{path}")
            assert serious(page, axe_source, scheme) == [], path
    finally:
        context.close()

