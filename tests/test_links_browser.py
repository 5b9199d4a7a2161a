"""Previews of linked notes in a real Chromium: mouse, keyboard and touch, in both languages, at
phone and desktop sizes; axe finds no serious problem with a card open; nothing shifts."""

from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

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
        # in the page's landmark, with its live region (axe's "region": content outside every landmark)
        assert page.evaluate("(c => !!c.closest('main') && c.previousElementSibling.getAttribute('aria-live') === 'polite' "
                             "&& !!c.previousElementSibling.closest('main'))(document.querySelector('#pn-preview'))")
        page.keyboard.press("Escape")
        assert page.locator(CARD).is_hidden()
        assert all(r.startswith(base) for r in requests), [r for r in requests if not r.startswith(base)]
        cards = [r for r in requests if "/previews/" in r]
        assert cards and len(cards) == len(set(cards))  # fetched on demand, once per note
    finally:
        context.close()


def test_a_card_that_arrives_after_focus_is_read_out_once(browser, base: str) -> None:  # noqa: ANN001
    """A screen reader reads the link's description when the link gets focus, before the first
    card of that link has arrived: that card's text goes to a polite live region once. A card
    shown again (fetched already) is the link's description at once and is not read out again."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        page.goto(f"{base}notes/follow-up/?lang=en")
        live = page.locator(".pn-visually-hidden[aria-live=polite]")
        page.evaluate("document.body.focus()")
        for _ in range(120):
            page.keyboard.press("Tab")
            if page.evaluate("!!document.activeElement.closest('a[data-pn-preview]')"):
                break
        page.wait_for_selector(f"{CARD}:not([hidden])")
        page.wait_for_function("document.querySelector('.pn-visually-hidden[aria-live=polite]').textContent.length > 0")
        title = page.locator(f"{CARD} .pn-preview__title").inner_text()
        assert title in live.inner_text()
        # Read in the reader's language only: not the Korean tags and commentary the card hides.
        assert "The reward model everyone builds on." in live.inner_text()
        assert not re.search("[가-힣]", live.inner_text()), live.inner_text()
        page.keyboard.press("Escape")
        assert live.inner_text() == ""
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # the same link again: its card is known
        assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "pn-preview"
        page.wait_for_timeout(150)
        assert live.inner_text() == ""
    finally:
        context.close()


@contextmanager
def _finger_on_a_mention(browser, url: str, viewport: dict = PHONE, top: float | None = None) -> Iterator[tuple]:  # noqa: ANN001
    """A phone at `url` with a finger put on the middle of its first mention (a CDP touch, held
    until the test sends touchEnd): (page, the link, the CDP session). With `top`, the page is
    first scrolled to put the mention's top that far down the window (and the mention is any
    note's, not only the base paper's)."""
    context = browser.new_context(viewport=viewport, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(url)
        link = _mention(page) if top is None else page.locator(".pn-commentary .pn-lang:visible a.pn-mention").first
        if top is not None:
            link.evaluate("(a, top) => window.scrollBy(0, a.getBoundingClientRect().top - top)", top)
        box = link.bounding_box()
        point = [{"x": box["x"] + box["width"] / 2, "y": box["y"] + box["height"] / 2}]
        cdp = context.new_cdp_session(page)
        cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": point})
        yield page, link, cdp
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_touch_long_press_previews_and_a_tap_follows_the_link(browser, base: str, lang: str) -> None:  # noqa: ANN001
    with _finger_on_a_mention(browser, f"{base}notes/follow-up/?lang={lang}") as (page, link, cdp):
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


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_tap_on_the_card_follows_its_link(browser, base: str, lang: str) -> None:  # noqa: ANN001
    """Found by a phone check: after a long press, a tap on the card closed it (the link lost its
    focus) and the reader had to find the link again. The card stands for its link: a tap on it
    opens the note."""
    with _finger_on_a_mention(browser, f"{base}notes/follow-up/?lang={lang}") as (page, link, cdp):
        page.wait_for_timeout(800)
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        page.wait_for_selector(f"{CARD}:not([hidden])")
        page.wait_for_timeout(500)
        with page.expect_navigation():
            page.locator(CARD).tap()
        assert page.url.endswith("notes/base-paper/")


PHONE_SIDEWAYS = {"width": 844, "height": 390}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_card_above_its_link_never_covers_the_header(browser, bundled_build, serve, lang: str) -> None:  # noqa: ANN001
    """A phone held sideways (844×390), a link below the middle (Think-RM's to Adv-RM, whose card
    is tall): the card went above it, measured from the window's top (top 8 px), over the sticky
    header's search box and language switch. The room above ends at the header's bottom."""
    url = f"{serve(bundled_build)}notes/think-rm/?lang={lang}"
    with _finger_on_a_mention(browser, url, PHONE_SIDEWAYS, top=250) as (page, link, cdp):
        page.wait_for_timeout(800)
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        page.wait_for_selector(f"{CARD}:not([hidden])")
        _apart(page, link)
        header = page.locator(".md-header").bounding_box()
        card = page.locator(CARD).bounding_box()
        assert card["y"] >= header["y"] + header["height"], (card, header)
        for control in (".pn-toggle", ".pn-search__input"):
            b = page.locator(control).bounding_box()
            assert page.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('.md-header')",
                                 [b["x"] + b["width"] / 2, b["y"] + b["height"] / 2]), control
        # Scrolled on with the card open, it goes under the header, not over it.
        page.mouse.wheel(0, 150)
        page.wait_for_timeout(200)
        b = page.locator(".pn-toggle").bounding_box()
        assert page.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('.md-header')",
                             [b["x"] + b["width"] / 2, b["y"] + b["height"] / 2])


CONTEXT_MENU = """link => { const e = new MouseEvent("contextmenu", {bubbles: true, cancelable: true});
    link.dispatchEvent(e); return e.defaultPrevented; }"""


def test_a_phones_link_menu_gives_way_to_the_card(browser, base: str) -> None:  # noqa: ANN001
    """Chrome on Android opens its own link menu on a long press (a `contextmenu` event while the
    finger is down), at about the card's delay and over it. A long press on a link with a card shows
    the card at once and no menu; a right click with a mouse keeps the browser's menu."""
    with _finger_on_a_mention(browser, f"{base}notes/follow-up/") as (page, link, cdp):
        assert link.evaluate(CONTEXT_MENU) is True   # well before the card's own delay
        # The finger lifts at once: had the menu not opened the card, this short press would be a
        # tap (no card, the link followed). No wall-clock bound (the card's fetch waits on a busy machine).
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        page.wait_for_selector(f"{CARD}:not([hidden])")
        page.wait_for_timeout(300)
        assert page.url.endswith("notes/follow-up/")  # the long press did not follow the link
        # A second long press, the card open, is the browser's menu (open in a new tab, copy or share
        # the address: a phone QA pass missed them); the card stays.
        link.evaluate("a => a.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true, pointerType: 'touch'}))")
        assert link.evaluate(CONTEXT_MENU) is False
        link.evaluate("a => a.dispatchEvent(new PointerEvent('pointerup', {bubbles: true, pointerType: 'touch'}))")
        assert page.locator(f"{CARD}:not([hidden])").count() == 1
        page.keyboard.press("Escape")
        assert link.evaluate(CONTEXT_MENU) is False   # no finger on it: the browser's menu


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


@pytest.mark.parametrize(("lang", "width"), [("ko", 390), ("en", 390), ("ko", 320), ("en", 320)])
def test_the_map_is_as_wide_as_a_phone_and_its_links_easy_to_tap(browser, base: str, lang: str, width: int) -> None:  # noqa: ANN001
    """The map takes the column's width in either language (it once took its legend's, shorter in
    Korean). Even on a 320 px phone, which shows it at 0.8 of its size, its labels stay 12 px or
    more and its links' rows 24 px apart and tall (they were 11 px and 19 px); on a 390 px phone
    they are 44 px apart and tall, as every target there (they were 32 px, touching)."""
    context = browser.new_context(viewport={"width": width, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(f"{base}notes/base-paper/?lang={lang}")
        svg = page.locator(".pn-map__svg")
        column = page.locator(".md-content .md-typeset").evaluate("e => e.clientWidth - parseFloat(getComputedStyle(e).paddingLeft) - parseFloat(getComputedStyle(e).paddingRight)")
        scale = svg.evaluate("s => s.getBoundingClientRect().width / s.viewBox.baseVal.width")
        labels = svg.locator("text").evaluate_all("ts => ts.map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)")
        rows = svg.locator("a").evaluate_all("as => as.map(a => a.getBoundingClientRect()).map(r => r.y + r.height / 2)")
        hits = svg.locator(".pn-map__hit").evaluate_all("rs => rs.map(r => r.getBoundingClientRect().height)")
        assert svg.bounding_box()["width"] >= column - 1 and scale > (0.95 if width == 390 else 0.75), (column, scale)
        assert len(rows) >= 2 and min(labels) >= 12, labels
        least = 44 if width == 390 else 24
        assert min(b - a for a, b in zip(rows, rows[1:])) >= least and min(hits) >= least, (rows, hits)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()


@pytest.mark.parametrize("width", [390, 1366])
def test_a_focused_map_row_is_ringed_on_screen(browser, base: str, width: int) -> None:  # noqa: ANN001
    """Found by a QA pass: on a phone the links' focus ring went round a map row's whole hit area,
    about 630 px wide, cut off at the screen's edge. The ring is its label's, inside the screen."""
    context = browser.new_context(viewport={"width": width, "height": 844}, has_touch=width < 400, is_mobile=width < 400)
    page = context.new_page()
    try:
        page.goto(f"{base}notes/base-paper/")
        row = page.locator("a.pn-map__node").first
        row.scroll_into_view_if_needed()
        page.keyboard.press("Tab")  # keyboard focus (:focus-visible), then onto the row
        row.focus()
        assert row.evaluate("a => a.matches(':focus-visible') && getComputedStyle(a).outlineStyle") == "none"
        ring = row.evaluate("""a => { const t = [...a.querySelectorAll('text')].find(t => getComputedStyle(t).display !== 'none');
          const s = getComputedStyle(t); return [s.outlineStyle, s.outlineWidth, t.getBoundingClientRect().right]; }""")
        assert ring[0] == "solid" and ring[1] == "2px" and ring[2] <= width, ring
    finally:
        context.close()


def test_a_note_pages_list_links_are_finger_sized_on_a_phone(browser, base: str) -> None:  # noqa: ANN001
    """A lineage list's links, to a note and to arXiv for a paper with no note yet (that one was
    68×20 px, a line of small monospace type), and the titles of related and mentioning notes
    (19 px) are 44 px tall at least on a phone."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        boxes = []
        for path in ("follow-up", "base-paper"):  # lineage with an id with no note; related and "Mentioned in"
            visit(page, f"{base}notes/{path}/?lang=en")
            boxes += page.locator(":is(.pn-lineage__list, .pn-related .pn-list, .pn-backlinks .pn-list) > li > a").evaluate_all(
                "as => as.map(a => { const r = a.getBoundingClientRect(); return [a.className, r.width, r.height]; })")
        assert any(kind == "pn-arxiv-id" for kind, _, _ in boxes) and len(boxes) >= 6, boxes
        assert [b for b in boxes if b[1] < 44 or b[2] < 44] == [], boxes
    finally:
        context.close()


def test_the_maps_links_are_named_with_how_they_are_linked(browser, base: str) -> None:  # noqa: ANN001
    """The map told a note's relation (lineage, mention, related, two steps away) by its line's
    style alone, and its figure was named by its legend ("lineage mention related two steps
    away"), which listed kinds no line had. Each link's name says its relation in the reader's
    language, the figure is named by its heading, and the legend has the kinds drawn only."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        for path in ("base-paper", "old-school"):
            visit(page, f"{base}notes/{path}/?lang=ko")
            nodes = page.locator("a.pn-map__node")
            kinds = nodes.evaluate_all("as => as.map(a => a.getAttribute('class').split('--')[1])")
            keys = page.locator(".pn-map__legend .pn-map__key").evaluate_all("ks => ks.map(k => k.className.split('--')[1])")
            assert kinds and keys == [k for k in ("lineage", "mention", "related", "far") if k in kinds], (path, kinds, keys)
            assert page.get_by_role("figure", name="이웃 노트 지도", exact=True).count() == 1
            words = {"lineage": ("계보", "lineage"), "mention": ("언급", "mention"), "related": ("관련", "related"),
                     "far": ("두 단계", "two steps away")}
            titles = nodes.evaluate_all("as => as.map(a => a.querySelector('title').getAttribute('data-pn-title'))")
            for lang in ("ko", "en"):
                if lang == "en":
                    page.locator('.pn-toggle__button[data-lang="en"]').click()
                    assert page.get_by_role("figure", name="Map of nearby notes", exact=True).count() == 1
                for title, kind in zip(titles, kinds):
                    name = f"{title}, {words[kind][0 if lang == 'ko' else 1]}"
                    assert page.get_by_role("link", name=name, exact=True).count() >= 1, (path, lang, name)
            page.locator('.pn-toggle__button[data-lang="ko"]').click()
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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_link_pointed_at_keeps_its_contrast_while_its_card_is_open(browser, base: str, axe_source: str, scheme: str) -> None:  # noqa: ANN001
    """The mouse stays on the link while its card is open: the theme's hover colour (its accent,
    4.25:1 on white, 3.78:1 on slate) would fail axe then (found replaying issue 21's check)."""
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
    try:
        page = context.new_page()
        visit(page, f"{base}notes/follow-up/?lang=en")
        link = _mention(page)
        link.hover()
        page.wait_for_selector(f"{CARD}:not([hidden])")
        assert serious(page, axe_source, scheme) == []
    finally:
        context.close()



# A note whose English commentary has links to notes that wrap: the first (QA's report) onto three
# lines at 390 px, the second onto two or more at 1366 px too. The card must clear every line.
WRAP_NOTES = {
    **LINK_NOTES,
    "2025/probes.md": """---
title: "Probes: Where To Look"
authors: [Mary Somerville]
date: 2025-04-02
tags: [reward-model]
url: https://example.org/probes
---

## 한국어

프로브 위치에 관한 노트.

## English

For where to place probes we follow [the analysis of reasoning reward models by Park and Ortiz in the Reward Lens paper](../base-paper/) closely.

Background: [the long line of work on reward models for reasoning, from outcome supervision through process supervision and step-level verifiers to the learned critics and generative judges that grade each intermediate step of a chain of thought, surveyed at length in the follow-up paper](../follow-up/) is where this starts.
""",
}
WRAPPING = {"phone": ("../base-paper/", PHONE), "desktop": ("../follow-up/", DESKTOP)}


@pytest.fixture(scope="module")
def wrap_base(tmp_path_factory: pytest.TempPathFactory, serve) -> str:  # noqa: ANN001
    """The links site plus a note with links that wrap, built once per run, served."""
    return serve(shared_build(tmp_path_factory, "links-wrap-site", lambda folder: make_site(folder, notes=WRAP_NOTES)))


def _line_boxes(link) -> list[dict]:  # noqa: ANN001
    """The link's line boxes (one per line it wraps onto), in viewport coordinates."""
    return link.evaluate("a => Array.from(a.getClientRects()).filter(r => r.width > 0 && r.height > 0)"
                         ".map(r => ({x: r.x, y: r.y, width: r.width, height: r.height}))")


def _clear_of_every_line(page, link, viewport: dict) -> None:  # noqa: ANN001
    """The card is shown, inside the viewport's width, and covers none of the link's line boxes."""
    page.wait_for_selector(f"{CARD}:not([hidden])")
    assert link.get_attribute("aria-describedby") == "pn-preview"
    c = page.locator(CARD).evaluate("e => { const r = e.getBoundingClientRect(); "
                                    "return {x: r.x, y: r.y, width: r.width, height: r.height}; }")
    assert c["x"] >= 0 and c["x"] + c["width"] <= viewport["width"], c
    for box in _line_boxes(link):
        apart = (c["y"] >= box["y"] + box["height"] or c["y"] + c["height"] <= box["y"]
                 or c["x"] >= box["x"] + box["width"] or c["x"] + c["width"] <= box["x"])
        assert apart, (box, c)


def _compact_tags(page) -> None:  # noqa: ANN001
    """The card's tags are text-height pills, not the page's 44 px tap targets."""
    tags = page.locator(f"{CARD} .pn-tag").evaluate_all(
        "ts => ts.map(t => [t.getBoundingClientRect().height, parseFloat(getComputedStyle(t).lineHeight)])")
    assert tags
    for height, line in tags:
        assert abs(height - line) <= 0.25 * line, (height, line)


def _wrapped_link(page, base: str, href: str) -> tuple:  # noqa: ANN001
    """The probes note's link to `href`, scrolled into view, and its line boxes (two or more: the
    link wraps at this size, or the test shows nothing)."""
    page.goto(f"{base}notes/probes/?lang=en")
    link = page.locator(f'.pn-commentary .pn-lang:visible a.pn-mention[href="{href}"]')
    link.scroll_into_view_if_needed()
    boxes = _line_boxes(link)
    assert len(boxes) >= 2, boxes
    return link, boxes


@pytest.mark.parametrize("size", sorted(WRAPPING))
def test_card_clears_every_line_of_a_wrapped_link_on_hover(browser, wrap_base: str, size: str) -> None:  # noqa: ANN001
    href, viewport = WRAPPING[size]
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        link, boxes = _wrapped_link(page, wrap_base, href)
        for box in (boxes[0], boxes[-1]):  # pointing at its first line, then at its last
            page.mouse.move(1, 1)
            page.keyboard.press("Escape")
            page.mouse.move(box["x"] + min(box["width"] / 2, 20), box["y"] + box["height"] / 2)
            _clear_of_every_line(page, link, viewport)
            _compact_tags(page)
            assert page.locator(CARD).get_attribute("data-side") == "below"
        # No room below the link (the window ends just under its last line): the card goes above its first.
        page.mouse.move(1, 1)
        page.keyboard.press("Escape")
        page.evaluate("window.scrollTo(0, 0)")
        page.set_viewport_size({"width": viewport["width"], "height": int(_line_boxes(link)[-1]["y"] + 40)})
        boxes = _line_boxes(link)
        page.mouse.move(boxes[-1]["x"] + min(boxes[-1]["width"] / 2, 20), boxes[-1]["y"] + boxes[-1]["height"] / 2)
        _clear_of_every_line(page, link, viewport)
        assert page.locator(CARD).get_attribute("data-side") == "above"
    finally:
        context.close()


@pytest.mark.parametrize("size", sorted(WRAPPING))
def test_card_clears_every_line_of_a_wrapped_link_on_long_press(browser, wrap_base: str, size: str, tmp_path: Path) -> None:  # noqa: ANN001
    href, viewport = WRAPPING[size]
    phone = viewport is PHONE
    context = browser.new_context(viewport=viewport, has_touch=True, is_mobile=phone)
    page = context.new_page()
    try:
        link, boxes = _wrapped_link(page, wrap_base, href)
        first = boxes[0]
        point = [{"x": first["x"] + min(first["width"] / 2, 20), "y": first["y"] + first["height"] / 2}]
        cdp = context.new_cdp_session(page)
        cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": point})
        page.wait_for_timeout(800)
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        _clear_of_every_line(page, link, viewport)
        _compact_tags(page)
        assert page.url.endswith("notes/probes/?lang=en")
        if phone:
            page.screenshot(path=str(tmp_path / "wrapped-link-card.png"))
    finally:
        context.close()


LONG_TITLE = "Easy-to-Hard Generalization: Scalable Alignment Beyond Humans"


@pytest.fixture(scope="module")
def long_base(tmp_path_factory: pytest.TempPathFactory, serve) -> str:  # noqa: ANN001
    """LINK_NOTES and a note with a long title that builds on the base paper."""
    long_note = LINK_NOTES["2025/base-paper.md"].replace('"Base Paper: Reward Models"', f'"{LONG_TITLE}"').replace(
        '"2501.10001"', '"2503.31234"\nbuilds_on: ["2501.10001"]').replace("2025-01-10", "2025-03-30")
    rtl_note = LINK_NOTES["2025/base-paper.md"].replace('"Base Paper: Reward Models"', '"Right to Left"').replace(
        "[Ada Lovelace]", "[Ada Lovelace, محمد علي, Grace Hopper, Alan Turing, Edsger Dijkstra]").replace(
        '"2501.10001"', '"2503.31235"').replace("2025-01-10", "2025-03-29")
    spaceless = LINK_NOTES["2025/base-paper.md"].replace('"Base Paper: Reward Models"', f'"{SPACELESS_TITLE}"').replace(
        '"2501.10001"', '"2503.31236"\nbuilds_on: ["2501.10001"]').replace("2025-01-10", "2025-03-28")
    return serve(shared_build(tmp_path_factory, "links-site-long", lambda folder: make_site(
        folder, notes={**LINK_NOTES, "2025/long-title.md": long_note, "2025/right-to-left.md": rtl_note,
                       "2025/spaceless.md": spaceless})))


SPACELESS_TITLE = "아주긴한국어제목을띄어쓰기없이적은논문으로휴대전화화면보다넓은지확인하기위한예시제목입니다"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_title_wider_than_a_phone_wraps_inside_its_word(browser, long_base: str, lang: str) -> None:  # noqa: ANN001
    """A QA pass: a Korean title of 80 letters without a space made the day, tag and note pages
    700-900 px wide on a 390 px phone (its link, a 44 px box of its own there, grew to the whole
    word, cut at the screen's edge). It wraps inside the word, as a tag's chip does; every line of
    it on the screen."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        for path in ("notes/base-paper/", "archive/2025/03/28/", "tags/reward-model/"):
            page.goto(f"{long_base}{path}?lang={lang}")
            links = page.locator(f'.md-content a:text-is("{SPACELESS_TITLE}")')
            assert links.count() >= 1, path
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
            for i in range(links.count()):
                box = links.nth(i).bounding_box()
                assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (path, box)
    finally:
        context.close()


@pytest.mark.parametrize(("viewport", "whole"), [(DESKTOP, True), ({"width": 768, "height": 900}, True), (PHONE, False)])
def test_the_maps_labels_take_a_wide_screens_room(browser, long_base: str, viewport: dict, whole: bool) -> None:  # noqa: ANN001
    """On a desktop the map's labels were cut at about 30 characters (the phone's drawing, 360
    px) beside an empty half of the column; from 48em up a label is cut to 660 px instead, and
    stays inside the column. A phone shows the short label, and nothing overflows."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        page.goto(f"{long_base}notes/base-paper/?lang=en")
        shown = page.evaluate("""() => [...document.querySelectorAll('.pn-map__svg text')]
            .filter(t => getComputedStyle(t).display !== 'none')
            .map(t => [t.textContent, t.getBoundingClientRect().right, t.closest('a') ? t.closest('a').getAttribute('href') : null])""")
        column = page.locator(".md-content .md-typeset").evaluate("e => e.getBoundingClientRect().right")
        label = next(text for text, _, href in shown if href == "../long-title/")
        assert (label == LONG_TITLE) is whole, label
        assert whole or label.endswith("…")
        assert len(shown) == page.locator(".pn-map__svg a").count() + 1  # one label each, and the note's own
        assert max(right for _, right, _ in shown) <= column
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE])
def test_a_right_to_left_author_name_keeps_the_byline_in_order(browser, long_base: str, viewport: dict) -> None:  # noqa: ANN001
    """`authors: [Ada Lovelace, محمد علي, …]`: the byline read "Ada Lovelace, 29-03-2025 · محمد علي"
    (the date carried into the Arabic name and shown backwards, `(+2)` as `(2+)`). Each such name
    is isolated, and the list from the date: the date comes last, after every name."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        page.goto(f"{long_base}notes/right-to-left/?lang=en")
        byline = page.locator(".pn-byline")
        assert byline.locator("bdi").all_inner_texts() == ["محمد علي"]
        date_left = byline.locator("time").evaluate("t => t.getBoundingClientRect().left")
        top = byline.locator("time").evaluate("t => t.getBoundingClientRect().top")
        names = byline.locator(".pn-authors").evaluate("""s => { const r = document.createRange(); r.selectNodeContents(s);
            return [...r.getClientRects()].map(x => [x.right, x.top]); }""")
        assert all(right <= date_left for right, t in names if abs(t - top) < 4), (names, date_left)
        # "(+2)" reads as written: its "(" is left of its "2"
        text = byline.locator(".pn-authors").evaluate("""s => { const n = [...s.childNodes].reverse().find(c => c.nodeType === 3 && c.data.includes('(+'));
            const at = n.data.indexOf('(+'), box = i => { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1); return r.getBoundingClientRect().left; };
            return [box(at), box(at + 2)]; }""")
        assert text[0] < text[1], text
    finally:
        context.close()
