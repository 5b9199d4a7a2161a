"""What the scripts read from the page instead of attributes that repeated it (issue 24), in a
real Chromium: the reading list's slot reads its note's slug, title, tags and date from the item
around it, and the preview module finds a link's card from the link's address. A note with an
unusual slug (dots and digits) and a title full of markup characters is saved and previewed from
pages at every depth; what is stored and fetched must be what the build would have written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import make_site, shared_build, visit
from papernotes.catalog import urls

pytestmark = pytest.mark.browser

ODD = "v1.5-9"
ODD_TITLE = 'Odd <i>Title</i> & "Quotes" \'1.5\' — 이상한 {제목}'
ITEM_NOTES = {
    f"2025/{ODD}.md": f"""---
title: {json.dumps(ODD_TITLE, ensure_ascii=False)}
authors: [Ada Lovelace]
date: 2025-05-20
tags: [safety, reward-model]
arxiv: "2505.01515"
published: 2025-05-01
org: Odd Lab
---

## 한국어

점이 든 이름의 노트.

## English

A note whose name has dots.
""",
    "2025/points-at-odd.md": f"""---
title: "Points at the odd one"
authors: [Grace Hopper, Ada Lovelace]
date: 2025-05-21
tags: [safety]
arxiv: "2505.02121"
builds_on: ["2505.01515", "2401.00077"]
---

## 한국어

[이상한 노트](../{ODD}/)를 보라.

## English

See [the odd note](../{ODD}/#english) and arXiv:2505.01515.
""",
}

# What the slot's attributes said of the odd note, and the list stored (old `slotInfo`).
ODD_RECORD = {"slug": ODD, "title": ODD_TITLE, "date": "2025-05-20", "tags": ["safety", "reward-model"],
              "arxiv": "2505.01515", "published": "2025-05-01"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_build(tmp_path_factory, "item-attributes-site", lambda folder: make_site(folder, notes=ITEM_NOTES))


@pytest.fixture(scope="module")
def base(built: Path, serve) -> str:  # noqa: ANN001
    return serve(built)


@pytest.mark.parametrize("path", ["", "archive/2025/05/20/", "tags/safety/", "tags/reward-model/", f"notes/{ODD}/",
                                  "authors/ada-lovelace/", "labs/odd-lab/"])
def test_the_star_saves_what_the_slot_attributes_said(browser, built: Path, base: str, path: str) -> None:  # noqa: ANN001
    """Home and day cards (dated by the heading they are under), tag items (their own day link,
    tags on the item), the note page (its byline), an author's and a lab's one-line items (titled
    by their link; a reader found no ☆ there): the same record from each."""
    # As built, the slot repeats nothing its item shows.
    html = BeautifulSoup((built / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert html.select_one(f'[data-slug="{ODD}"] > .pn-rl').attrs == {
        "class": ["pn-rl"], "data-rl-arxiv": "2505.01515", "data-rl-published": "2025-05-01"}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        visit(page, f"{base}{path}?lang=en")
        slot = f'[data-slug="{ODD}"] > .pn-rl'
        page.click(f"{slot} .pn-rl__save")
        entry = json.loads(page.evaluate("localStorage.getItem('papernotes.reading-list')"))["items"][ODD]
        assert {k: entry.get(k) for k in ODD_RECORD} == ODD_RECORD
        assert entry["state"] == "to-read"
    finally:
        context.close()


def test_new_since_the_last_visit_reads_the_cards_dates(browser, base: str) -> None:  # noqa: ANN001
    """The day page's cards are dated by its heading: a second visit after a newer note marks
    nothing new, and the date the visit tracker saw is the odd note's."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        visit(page, f"{base}archive/2025/05/20/?lang=en")
        dates = page.evaluate("""async () => {
            const { slotInfo } = await import(new URL("assets/reading-list/controls.js", document.baseURI.replace(/archive\\/.*$/, "")).href);
            return [...document.querySelectorAll("[data-slug] > .pn-rl")].map((s) => [slotInfo(s).slug, slotInfo(s).date]);
        }""")
        assert [ODD, "2025-05-20"] in dates and all(d == "2025-05-20" for _, d in dates)
        visit(page, f"{base}?lang=en")
        home = page.evaluate("""async () => {
            const { slotInfo } = await import(new URL("assets/reading-list/controls.js", document.baseURI).href);
            return Object.fromEntries([...document.querySelectorAll("[data-slug] > .pn-rl")].map((s) => [slotInfo(s).slug, slotInfo(s).date]));
        }""")
        assert home[ODD] == "2025-05-20" and home["points-at-odd"] == "2025-05-21"
    finally:
        context.close()


PREVIEW_PAGES = ["", "archive/2025/05/21/", "notes/points-at-odd/", "tags/safety/", "wanted/"]


@pytest.mark.parametrize("path", PREVIEW_PAGES)
def test_every_preview_link_finds_the_card_the_build_filed_it_under(browser, built: Path, base: str, path: str) -> None:  # noqa: ANN001
    """For every marked link on pages at several depths, the module's address is the note's
    `urls.preview` from the site's root, and that file holds the card."""
    page = browser.new_page()
    try:
        visit(page, f"{base}{path}")
        found = page.evaluate("""async (root) => {
            const { previewOf } = await import(root + "assets/papernotes-preview.js");
            return [...document.querySelectorAll("a[data-pn-preview]")].map((a) => [new URL(a.getAttribute("href"), location.href).href, previewOf(a)]);
        }""", base)
    finally:
        page.close()
    if path == "tags/safety/":
        assert found == []  # no links with cards there: the module is not even loaded (import() above loads it)
        return
    assert found, path
    for href, address in found:
        slug = href[len(f"{base}notes/"):].split("/")[0]
        assert href.startswith(f"{base}notes/") and address == f"{base}{urls.preview(slug)}", (href, address)
        file, _, fragment = address[len(base):].partition("#")
        assert fragment in json.loads((built / file).read_text(encoding="utf-8")), address
    if path == "notes/points-at-odd/":
        assert any(f"#{ODD}" in address for _, address in found)


def test_crc32_is_zlibs(browser, base: str) -> None:  # noqa: ANN001
    import zlib

    words = ["", "a", ODD, "gpt-4.5-turbo", "0", "x" * 300, "보상-모델", "naïve"]
    page = browser.new_page()
    try:
        visit(page, f"{base}notes/points-at-odd/")
        got = page.evaluate("""async ([root, words]) => {
            const { crc32 } = await import(root + "assets/dom.js");   // shared by the previews and My list's export
            return words.map(crc32);
        }""", [base, words])
    finally:
        page.close()
    assert got == [zlib.crc32(w.encode("utf-8")) for w in words]


@pytest.mark.parametrize("how", ["hover", "focus"])
def test_the_odd_notes_card_opens_from_a_deep_page(browser, base: str, how: str) -> None:  # noqa: ANN001
    """Hover and Tab on the day page (four folders deep) and the note page open the odd note's card."""
    for path in ("archive/2025/05/21/", "notes/points-at-odd/"):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            visit(page, f"{base}{path}?lang=en")
            link = page.locator(f'.pn-commentary .pn-lang[lang="en"] a[data-pn-preview][href*="/{ODD}/"]').first
            link.scroll_into_view_if_needed()
            if how == "hover":
                link.hover()
            else:
                link.focus()  # focus() alone is not :focus-visible: come to it with the keyboard
                page.keyboard.press("Shift+Tab")
                page.keyboard.press("Tab")
            page.wait_for_selector("#pn-preview:not([hidden])", timeout=5000)
            assert page.locator("#pn-preview .pn-preview__title").inner_text() == ODD_TITLE
            assert link.get_attribute("aria-describedby") == "pn-preview"
        finally:
            page.close()
