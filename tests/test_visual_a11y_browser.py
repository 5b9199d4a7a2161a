"""What a reader sees, measured in real Chromium where axe's default pass does not look: a
contrast theme (forced colours), colours under the pointer and the keyboard's focus, target sizes
with a mouse, text at 200 % on a phone, and the language of titles the scripts draw.

The site is the reader fixture (tests/conftest.py READER_NOTES) with one note whose title is
Korean, built once for the module.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import READER_NOTES, make_site, shared_build, visit

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page
    from conftest import Serve

pytestmark = pytest.mark.browser

KOREAN_TITLE = "보상 모델의 과최적화: 한국어 제목 시험"
NOTES = {**READER_NOTES, "2025/korean-title.md": f"""---
title: "{KOREAN_TITLE}"
authors: [홍길동, Ada Lovelace]
date: 2025-04-10
tags: [reward-model, safety]
url: https://example.org/korean-title
---

## 한국어

제목이 한국어인 노트.

## English

A note whose title is Korean.
"""}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_build(tmp_path_factory, "visual-a11y-site", lambda folder: make_site(folder, notes=NOTES))


@pytest.fixture(scope="module")
def base(site: Path, serve: Serve) -> str:
    return serve(site)


def luminance(rgb: list[float]) -> float:
    def channel(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])


def contrast(a: list[float], b: list[float]) -> float:
    x, y = sorted((luminance(a), luminance(b)), reverse=True)
    return (x + 0.05) / (y + 0.05)


# The colour that covers most of a screenshot (PNG, base64), decoded by the page's own canvas.
DOMINANT = """async (png) => {
  const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], {type: "image/png"}));
  const g = new OffscreenCanvas(bitmap.width, bitmap.height).getContext("2d");
  g.drawImage(bitmap, 0, 0);
  const data = g.getImageData(0, 0, bitmap.width, bitmap.height).data, seen = new Map();
  for (let i = 0; i < data.length; i += 4) { const k = `${data[i]},${data[i + 1]},${data[i + 2]}`; seen.set(k, (seen.get(k) || 0) + 1); }
  return [...seen].sort((a, b) => b[1] - a[1])[0][0].split(",").map(Number);
}"""


def drawn(page: Page, target: Locator) -> list[float]:
    """The colour most of `target` is drawn in, as on the screen (a state shown by a fill the
    browser drops, or text on a backplate, shows there and in no computed style)."""
    return page.evaluate(DOMINANT, base64.b64encode(target.screenshot(animations="disabled")).decode())


# A CSS colour (the page's background if none) as drawn over the page's background: [r, g, b].
PAINTED = """(colour) => {
  const probe = document.body.appendChild(document.createElement("i"));
  probe.style.cssText = `forced-color-adjust: none; color: ${colour || getComputedStyle(document.body).backgroundColor}`;
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  const g = document.createElement("canvas").getContext("2d");
  g.fillStyle = getComputedStyle(document.body).backgroundColor; g.fillRect(0, 0, 1, 1);
  g.fillStyle = resolved; g.fillRect(0, 0, 1, 1);
  return [...g.getImageData(0, 0, 1, 1).data].slice(0, 3);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chosen_states_edges_and_figures_show_in_forced_colours(browser: Browser, base: str, scheme: str) -> None:
    """Found by a QA pass in a contrast theme (Windows' forced colours, emulated): the chosen chip
    of browse/?tags=safety was drawn as every other chip (its fill dropped), the pressed language
    only bolder, a pressed ☆ Save and the chosen tag order as the others, the header's search field
    without an edge; on the statistics the tags' bars vanished and the calendar's legend turned
    grey while its days kept the palette's indigo. Each chosen control now differs from its
    unchosen neighbour by 3:1 as drawn, the field has an edge in the text colour, the bars show and
    the legend's levels are the calendar's."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme, forced_colors="active")
    page = context.new_page()
    try:
        assert page.evaluate("matchMedia('(forced-colors: active)').matches")
        visit(page, f"{base}browse/?tags=safety&lang=ko")
        page.wait_for_selector('.pn-browse[data-ready] .pn-filter-tag[aria-pressed="true"]')
        pairs = {
            "chip": ('.pn-filter-tag[aria-pressed="true"]', '.pn-filter-tag[aria-pressed="false"]:not(.pn-filter-tag--empty)'),
            "language": ('.pn-toggle__button[aria-pressed="true"]', '.pn-toggle__button[aria-pressed="false"]'),
        }
        seen = {name: contrast(drawn(page, page.locator(on).first), drawn(page, page.locator(off).first)) for name, (on, off) in pairs.items()}
        field = page.locator(".pn-search__input").evaluate("""f => { const s = getComputedStyle(f);
          return [parseFloat(s.borderTopWidth), s.borderTopStyle, s.borderTopColor]; }""")
        assert field[0] >= 1 and field[1] != "none", field
        assert contrast(page.evaluate(PAINTED, field[2]), page.evaluate(PAINTED, None)) >= 3, field

        visit(page, f"{base}tags/?lang=en")
        page.wait_for_selector(".pn-sort:not([hidden])")
        seen["tag order"] = contrast(drawn(page, page.locator('.pn-sort button[aria-pressed="true"]')),
                                     drawn(page, page.locator('.pn-sort button[aria-pressed="false"]')))
        visit(page, f"{base}notes/zeta/?lang=en")
        page.click('[data-slug="zeta"] > .pn-rl .pn-rl__save')
        page.mouse.move(0, 0)
        seen["saved"] = contrast(drawn(page, page.locator('[data-slug="zeta"] > .pn-rl .pn-rl__save')),
                                 drawn(page, page.locator('[data-slug="zeta"] > .pn-rl .pn-rl__note-toggle')))
        assert {name: round(r, 2) for name, r in seen.items() if r < 3} == {}

        visit(page, f"{base}stats/?lang=ko")
        canvas = page.evaluate(PAINTED, None)
        bars = [drawn(page, bar) for bar in page.locator(".pn-hbar").all()[:3]]
        assert bars and min(contrast(bar, canvas) for bar in bars) >= 3, bars
        fills = page.evaluate("""() => Object.fromEntries([0, 1, 2, 3, 4].map(level => [level,
          [...new Set([...document.querySelectorAll(`.pn-heat-${level}`)].map(r => getComputedStyle(r).fill))]]))""")
        assert all(len(found) == 1 for found in fills.values()), fills   # the legend's level is the calendar's
        empty, one = (page.evaluate(PAINTED, fills[level][0]) for level in ("0", "1"))
        assert contrast(one, empty) >= 3
    finally:
        context.close()
