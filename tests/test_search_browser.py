"""The search box as a reader uses it in Chromium (issue 18): on a phone and a wide screen, with the
keyboard, marking what matched whatever its spacing, across the two languages through the glossary,
and ranking title phrases first.

A small site (the fixture notes plus SEARCH_NOTES and a two-concept glossary) pins each behaviour
down; the bundled notes and data/glossary.yml check it on real text. Tokenizer and stemmer parity
with Python is in test_reader_browser.py; the glossary's matcher is compared here.
"""

from __future__ import annotations

import contextlib
import json
import re
from urllib.parse import urlsplit
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from conftest import BUNDLED_DATA, BUNDLED_ROOT, HYPHEN_BREAKS, make_site, shared_build
from papernotes.outputs.concepts import ConceptMatcher
from papernotes.text.words import phrase_key, tokenize_joined
from search_data import load_words
from papernotes.source.tree import load_site

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}

SEARCH_NOTES = {
    "2025/spaced.md": """---
title: "Omega: Spacing Test"
authors: [Ada Lovelace]
date: 2025-04-01
tags: [reward-model]
url: https://example.org/omega
---

## 한국어

이 논문은 보상 모델을 다시 학습한다.

## English

Retrains the scorer.
""",
    "2025/joined.md": """---
title: "Psi: Joined Test"
authors: [Ada Lovelace]
date: 2025-04-02
tags: [reward-model]
url: https://example.org/psi
---

## 한국어

보상모델을 고친다.

## English

Fixes the scorer.
""",
    "2025/english-term.md": """---
title: "Sigma: Gaming the Scorer"
authors: [Ada Lovelace]
date: 2025-04-03
tags: [safety]
url: https://example.org/sigma
---

## 한국어

이 논문은 reward hacking을 다룬다. 보상이 문제다.

## English

Policies that game their scorer.
""",
    "2025/korean-term.md": """---
title: "Tau: Fewer Exploits"
authors: [Ada Lovelace]
date: 2025-04-04
tags: [safety]
url: https://example.org/tau
---

## 한국어

리워드 해킹을 줄이는 방법.

## English

A way for policies to exploit their scorer less.
""",
    "2025/comma-names.md": """---
title: "Omicron: Separators"
authors: ["Smith, John", "Henry Ford, Jr.", Ada Lovelace]
date: 2025-03-02
tags: [rl]
url: https://example.org/omicron
---

## 한국어

쉼표가 든 이름.

## English

Names holding commas.
""",
    "2025/lone.md": """---
title: "Upsilon: A Lone Scholar"
authors: [Grace Hopper, Ada Lovelace]
date: 2025-03-01
tags: [rl]
url: https://example.org/upsilon
---

## 한국어

혼자 쓴 논문.

## English

Written mostly alone.
""",
    "2025/kappa.md": """---
title: "카파: 한국어 제목 시험"
authors: [이영희, Alan Turing]
date: 2025-02-01
tags: [safety]
url: https://example.org/kappa
---

## 한국어

한국어로 제목을 쓴 논문.

## English

A paper titled in Korean.
""",
    "2025/sigma.md": """---
title: "Sigma: Systems Test"
authors: [Barbara Liskov]
date: 2025-01-15
tags: [safety]
url: https://example.org/sigma
---

## 한국어

커널을 C++로 다시 쓴다.

## English

Rewrites the compiler kernel in C++.
""",
}
GLOSSARY = """\
reward-hacking:
  en: [reward hacking]
  ko: [보상 해킹, 리워드 해킹]
reward-model:
  en: [reward model]
  ko: [보상 모델]
"""


def _served_site(tmp_path_factory: pytest.TempPathFactory, serve, name: str, notes: dict[str, str],  # noqa: ANN001
                 data: dict[str, str]) -> str:
    """A site of `notes` with `data` files (name under data/: text), built once and served."""
    def make(folder: Path) -> Path:
        site = make_site(folder, notes=notes)
        for file, text in data.items():
            (site / "data" / file).write_text(text, encoding="utf-8")
        return site

    return serve(shared_build(tmp_path_factory, name, make))


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory, serve) -> str:  # noqa: ANN001
    return _served_site(tmp_path_factory, serve, "search-site", SEARCH_NOTES, {"glossary.yml": GLOSSARY})


@pytest.fixture(scope="module")
def bundled(bundled_build: Path, serve) -> str:  # noqa: ANN001
    return serve(bundled_build)


def new_page(browser, viewport: dict, lang: str):  # noqa: ANN001, ANN201
    """A page of its own context whose documents start in `lang` (the switch's stored choice)."""
    context = browser.new_context(viewport=viewport)
    context.add_init_script(f"localStorage.setItem('papernotes.lang', '{lang}'); sessionStorage.removeItem('papernotes.lang')")  # and the visit's (lang.js)
    return context.new_page()


@pytest.fixture(scope="module")
def pages(browser) -> Iterator:  # noqa: ANN001
    """`pages(viewport, lang)`: one page per size and language for the module's tests, each test a
    new visit in it (a new document, started in `lang` again: the switch's choice is reset by the
    context's init script). A page costs about a second of CPU to make, a visit a fraction."""
    made: dict[tuple, object] = {}

    def get(viewport: dict, lang: str):  # noqa: ANN202
        key = (viewport["width"], viewport["height"], lang)
        if key not in made:
            made[key] = new_page(browser, viewport, lang)
        return made[key]

    yield get
    for page in made.values():
        page.context.close()  # type: ignore[attr-defined]


def open_page(pages, base: str, viewport: dict, lang: str = "ko"):  # noqa: ANN001, ANN201
    """The module's page for this size and language, on `base` (a new visit)."""
    page = pages(viewport, lang)
    page.goto(base)
    return page


NAME_HINT = " — 영어 용어나, 저자 이름이면 논문에 적힌 로마자로 찾아 보세요(예: 블록체인 → blockchain, 힌턴 → Hinton)."
INITIALS_HINT = " — 초성만으로는 찾지 않습니다. 단어를 끝까지 입력해 보세요(예: ㄱㅎㅎㅅ → 강화학습)."


def no_results(missing: str) -> str:
    """The status of a query no note answers, naming the words no note holds: with a word of Hangul
    (그리피스: Griffiths, whose name the notes write in Latin letters; 블록체인, which they may
    write in English), the hint to try the English term or the name so."""
    hangul = any(re.fullmatch("[\uac00-\ud7a3]{1,6}", w) for w in missing.split())
    initials = any(re.fullmatch("[\u3131-\u314e]{2,}", w) for w in missing.split())
    return "결과가 없습니다. 어느 노트에도 없는 단어: " + missing + (INITIALS_HINT if initials else NAME_HINT if hangul else "")


def test_a_western_name_in_hangul_is_told_to_try_latin_letters(bundled_box) -> None:  # noqa: ANN001
    """그리피스 (Thomas L. Griffiths, 3 notes) said only that no note holds the word: the Hangul name
    tables read Korean, Chinese and Japanese names. The status suggests the Latin spelling."""
    assert type_query(bundled_box, "그리피스") == []
    assert bundled_box.inner_text(".pn-search__status") == no_results("그리피스")
    assert type_query(bundled_box, "griffiths")


def status_in(page, lang: str) -> str:  # noqa: ANN001
    """The status line's text in `lang` (the box writes both languages; the switch shows one)."""
    return page.evaluate("""lang => [...document.querySelector('.pn-search__status').childNodes]
        .map(n => n.nodeType === 3 ? n.data : n.matches('.pn-lang') ? (n.lang === lang ? n.textContent : '')
          : [...n.childNodes].map(c => c.nodeType === 3 || !c.matches('.pn-lang') || c.lang === lang ? c.textContent : '').join(''))
        .join('')""", lang)


@pytest.mark.parametrize(("query", "lang", "hint"), [
    ("强化学习", "ko", " — 노트는 한국어와 영어로 쓰여 있습니다. 한국어나 영어로 찾아 보세요."),
    ("報酬モデル", "en", " — the notes are written in Korean and English: try the words in either."),
    ("블록체인", "ko", NAME_HINT),
    ("트랜스포머", "en", " — try the English term, or an author's name as the paper writes it (blockchain, not 블록체인; Hinton, not 힌턴)."),
    # a Korean search QA pass: a one-syllable given name (닐 난다, Neel Nanda) got no hint, nor initial consonants
    ("닐 난다", "ko", NAME_HINT), ("ㄱㅎㅎㅅ", "ko", INITIALS_HINT),
    ("ㅂㅅㅁㄷ", "en", " — initial consonants alone are not searched: type the whole word.")])
def test_a_query_no_note_answers_says_what_to_try(bundled_box, query: str, lang: str, hint: str) -> None:  # noqa: ANN001
    """强化学习 and 報酬モデル said only "No note contains…" (the notes are in Korean and English),
    블록체인 and 트랜스포머 were told to try an author's name in Latin letters: the hint names the
    English term too."""
    assert type_query(bundled_box, query) == []
    assert status_in(bundled_box, lang).endswith(query.split()[0] + hint)   # 닐 난다: 닐 is the word no note holds


def test_a_pasted_arxiv_id_without_a_note_links_to_the_paper_and_the_waiting_page(bundled_box, bundled_build: Path) -> None:  # noqa: ANN001
    """A pasted link to a paper without a note said "No note yet on arXiv 1706.03762" as plain text,
    a dead end: the id is now a link to its abstract on arXiv (a link only: nothing is fetched from
    there), and a paper the notes mention, listed on the waiting page, links to its entry there."""
    requested: list[str] = []

    def seen(request) -> None:  # noqa: ANN001 - Playwright's Request
        requested.append(request.url)

    bundled_box.on("request", seen)
    try:
        assert type_query(bundled_box, "https://arxiv.org/abs/1706.03762v3") == []
        links = bundled_box.eval_on_selector_all(".pn-search__status a", "as => as.map(a => [a.textContent, a.getAttribute('href')])")
        assert links == [["1706.03762", "https://arxiv.org/abs/1706.03762"]]
        assert status_in(bundled_box, "en") == "No results. No note yet on arXiv 1706.03762"
        counts = json.loads((bundled_build / "wanted" / "papers.json").read_text(encoding="utf-8"))
        assert counts and "1706.03762" not in counts
        first = next(iter(counts))
        # The one the phone QA pass searched: two bundled notes build on it, and the box said only "no results".
        assert counts["2402.03300"] == 2 and counts[first] >= 2
        assert type_query(bundled_box, first) == []
        bundled_box.wait_for_selector(".pn-search__status a[href*='wanted']")
        links = bundled_box.eval_on_selector_all(".pn-search__status a", "as => as.map(a => a.getAttribute('href'))")
        assert links == [f"https://arxiv.org/abs/{first}", f"/wanted/#arxiv-{first}"]
        page = (bundled_build / "wanted" / "index.html").read_text(encoding="utf-8")
        assert f'id="arxiv-{first}"' in page                     # the entry the link leads to
        n = counts[first]
        assert status_in(bundled_box, "ko").endswith(f"아직 노트가 없는 arXiv 논문: {first} — 노트 {n}개가 이 논문을 바탕으로 하거나 "
                                                     "언급합니다: 노트를 기다리는 논문에서 보기")
        assert status_in(bundled_box, "en").endswith(f"No note yet on arXiv {first} — {n} notes build on it or mention it: "
                                                     "see them on the wanted papers")
    finally:
        bundled_box.remove_listener("request", seen)
    here = urlsplit(bundled_box.url).netloc
    assert requested and all(urlsplit(u).netloc == here for u in requested), requested   # nothing from arxiv.org


def type_query(page, query: str) -> list[str]:  # noqa: ANN001
    """Open the box as a reader would (the button on a phone, a click on a wide screen), type
    `query`, search at once (Shift+Enter) and wait for its results; the notes shown, in order."""
    if page.is_visible(".pn-search__input"):
        page.click(".pn-search__input")
    else:
        page.click(".pn-search__open")
    page.fill(".pn-search__input", "")
    page.keyboard.type(query)
    # Shift+Enter searches at once (the box would after a pause): the old results' count goes now.
    # (A plain Enter too, unless this query's results are already shown, as a slow machine may have
    # done before the key: then it opens the first.)
    page.keyboard.press("Shift+Enter")
    page.wait_for_function("q => document.querySelector('.pn-search__results').dataset.count !== undefined"
                           " && document.querySelector('.pn-search__input').value === q", arg=query)
    hrefs = page.eval_on_selector_all(".pn-search__results a.pn-search__title", "els => els.map(e => e.getAttribute('href'))")
    return [h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs]


def back_from_the_first_result(page, base: str, query: str) -> None:  # noqa: ANN001
    """Search `query` on `base`, follow its first result, and come Back to the search's page."""
    page.goto(base)
    first = type_query(page, query)
    page.click(".pn-search__results a.pn-search__title")
    page.wait_for_url(f"**/{first[0]}/**")
    page.go_back()
    page.wait_for_function("document.querySelector('.pn-search__results') && document.querySelector('.pn-search__results').dataset.count !== undefined")


def box(page, selector: str) -> dict:  # noqa: ANN001
    return page.locator(selector).bounding_box()


FITS = """el => { const s = getComputedStyle(el), ctx = document.createElement("canvas").getContext("2d");
    ctx.font = s.font;
    const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    return {room, placeholder: ctx.measureText(el.placeholder).width, text: ctx.measureText(el.value).width,
            scroll: el.scrollWidth, client: el.clientWidth, fontSize: parseFloat(s.fontSize)}; }"""


@pytest.mark.parametrize(("touch", "lang"), [(True, "ko"), (True, "en"), (False, "ko")])
def test_a_phones_search_key_hides_the_keyboard_a_keyboards_enter_keeps_the_field(browser, small: str, touch: bool,  # noqa: ANN001
                                                                                   lang: str) -> None:
    """The on-screen keyboard's search key (Enter) searched but left the keyboard over half of the
    results; on a touch screen it now leaves the field (the keyboard goes) with the results shown.
    With a mouse and a keyboard, Enter keeps the field, to refine the query."""
    context = browser.new_context(viewport=PHONE if touch else DESKTOP, is_mobile=touch, has_touch=touch)
    context.add_init_script(f"localStorage.setItem('papernotes.lang', '{lang}'); sessionStorage.removeItem('papernotes.lang')")  # and the visit's (lang.js)
    page = context.new_page()
    page.goto(small)
    slugs = type_query(page, "보상 모델")
    assert slugs and page.is_visible(".pn-search__results")
    in_field = page.evaluate("document.activeElement.classList.contains('pn-search__input')")
    assert in_field is not touch
    assert page.locator(".pn-search__input").input_value() == "보상 모델"
    context.close()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_on_a_phone_a_button_opens_a_field_across_the_screen(pages, small: str, lang: str) -> None:  # noqa: ANN001
    page = open_page(pages, small, PHONE, lang)
    opener = box(page, ".pn-search__open")
    assert opener["width"] >= 44 and opener["height"] >= 44
    assert not page.is_visible(".pn-search__input")             # the header keeps its room
    page.click(".pn-search__open")
    assert page.evaluate("document.activeElement.classList.contains('pn-search__input')")
    field = box(page, ".pn-search__input")
    assert field["width"] >= 0.9 * PHONE["width"] and field["height"] >= 44
    fit = page.eval_on_selector(".pn-search__input", FITS)
    assert fit["placeholder"] <= fit["room"] and fit["fontSize"] >= 16   # no iOS zoom, no clipped placeholder
    slugs = type_query(page, "reinforcement learning from scores")
    fit = page.eval_on_selector(".pn-search__input", FITS)
    assert fit["text"] <= fit["room"] and fit["scroll"] <= fit["client"], fit   # the whole query shows
    assert slugs is not None and box(page, ".pn-search__panel")["y"] >= field["y"] + field["height"]
    close = box(page, ".pn-search__close")
    assert close["width"] >= 44 and close["height"] >= 44
    page.click(".pn-search__close")
    assert not page.is_visible(".pn-search__input") and not page.is_visible(".pn-search__panel")
    assert page.evaluate("document.activeElement.classList.contains('pn-search__open')")


def test_on_a_phone_a_tap_beside_the_open_search_closes_it_and_nothing_else(browser, small: str) -> None:  # noqa: ANN001
    """A short list of results left the page below it live: a tap there closed the search and
    followed the note's link under the finger too; the page also showed in the gap between the
    field and the panel. The page behind the open search is covered (a scrim)."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(small)
        assert type_query(page, "#rl #safety") == ["zeta"]   # one result: a short panel
        panel, field = box(page, ".pn-search__panel"), box(page, ".pn-search__field")
        # Every point outside the field and the panel is the search's (its scrim), not the page's.
        for x, y in [(195, (field["y"] + field["height"] + panel["y"]) / 2), (2, 300),
                     (195, panel["y"] + panel["height"] + 20), (195, PHONE["height"] - 10)]:
            assert page.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('.pn-search')", [x, y]), (x, y)
        # A link of the page under the scrim: tapping there closes the search, and the page stays.
        link = page.evaluate("""bottom => { for (const a of document.querySelectorAll('.md-content a[href]')) {
            const r = a.getBoundingClientRect();
            if (r.top > bottom + 4 && r.bottom < innerHeight - 4 && r.width > 8) return {x: r.x + r.width / 2, y: r.y + r.height / 2};
          } return null; }""", panel["y"] + panel["height"])
        assert link, "a link of the page below the panel"
        url = page.url
        page.touchscreen.tap(link["x"], link["y"])
        page.wait_for_timeout(300)
        assert page.url == url
        assert not page.is_visible(".pn-search__panel") and not page.is_visible(".pn-search__input")
        assert not page.is_visible(".pn-search__scrim")
    finally:
        context.close()


def test_on_a_touch_screen_on_its_side_a_tap_beside_the_results_closes_them_only(browser, small: str) -> None:  # noqa: ANN001
    """A phone on its side (844 px) shows the field in the header, as a laptop does, and had no
    scrim: a tap beside the results closed them and pressed the ☆ under the finger too."""
    context = browser.new_context(viewport={"width": 844, "height": 390}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(small)
        assert type_query(page, "#rl #safety") == ["zeta"]
        assert page.is_visible(".pn-search__scrim")
        panel = box(page, ".pn-search__panel")
        x, y = max(panel["x"] - 40, 4), panel["y"] + 40
        assert page.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('.pn-search')", [x, y])
        url = page.url
        page.touchscreen.tap(x, y)
        page.wait_for_timeout(300)
        assert page.url == url and not page.is_visible(".pn-search__panel") and not page.is_visible(".pn-search__scrim")
        page.tap(".pn-search__input")  # the field stays above the scrim: the results come back
        page.wait_for_selector(".pn-search__panel", state="visible")
    finally:
        context.close()


def test_on_a_phone_the_search_opened_again_takes_a_new_query(browser, small: str) -> None:  # noqa: ANN001
    """Closed and opened again, the box added the new query to the end of the last (보상 모델김)."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(small)
        page.tap(".pn-search__open")
        page.keyboard.type("reward")
        page.keyboard.press("Escape")
        page.tap(".pn-search__open")
        page.keyboard.type("safety")
        assert page.input_value(".pn-search__input") == "safety"
    finally:
        context.close()


def test_on_a_wide_screen_the_page_is_not_covered_by_the_search(pages, small: str) -> None:  # noqa: ANN001
    """The scrim is the phone's: on a wide screen the results hang from the field in the header
    and the page beside them stays as it is (a click there closes the results)."""
    page = open_page(pages, small, DESKTOP)
    assert type_query(page, "#rl #safety") == ["zeta"]
    assert not page.is_visible(".pn-search__scrim")
    page.mouse.click(100, 800)
    assert not page.is_visible(".pn-search__panel")


@pytest.mark.parametrize("query", ["강화학습", "강화학습을", "강화 학습은", "Reinforcement learning"])
def test_a_tag_named_with_a_particle_is_still_named(pages, small: str, query: str) -> None:  # noqa: ANN001
    """A query that is a tag's label links to the tag, with a particle after it too (강화학습을
    showed no link while 강화학습 did)."""
    page = open_page(pages, small, DESKTOP)
    type_query(page, query)
    assert page.locator(".pn-search__tag").all_inner_texts() in (["태그: 강화학습"], ["Tag: Reinforcement learning"])


def test_two_tags_find_the_notes_carrying_both(pages, small: str) -> None:  # noqa: ANN001
    """As the browse page's filter and the query's words: all of them, not either (#rl #safety
    listed every note of either tag, 9 here)."""
    page = open_page(pages, small, DESKTOP)
    assert type_query(page, "#rl #safety") == ["zeta"]
    assert type_query(page, "#rl, #safety.") == ["zeta"]    # a list of tags, punctuated: both named
    assert page.locator(".pn-search__tag").all_inner_texts() == ["태그: 강화학습", "태그: 안전성"]
    assert type_query(page, "#rl #safety upsilon") == []     # and the words among them (Upsilon: #rl only)
    assert "lone" in type_query(page, "#rl upsilon")
    assert len(type_query(page, "#safety")) == 6   # sigma too
    # A tag named by its Korean label after `#` is the same tag, not words to look for.
    assert type_query(page, "#강화학습 #안전성") == ["zeta"]
    assert sorted(type_query(page, "#강화학습")) == sorted(type_query(page, "#rl"))


@pytest.mark.parametrize("width", [720, 768, 820, 900, 1024])
def test_on_a_tablet_the_results_are_on_the_screen(pages, small: str, width: int) -> None:  # noqa: ANN001
    """Between the phone layout and a wide screen the field sits mid-header: the panel hung from
    its right edge and began off the screen (at 768 px its left 135 px, the count included)."""
    page = open_page(pages, small, {"width": width, "height": 1024})
    assert type_query(page, "scorer")
    panel = box(page, ".pn-search__panel")
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= page.evaluate("document.documentElement.clientWidth"), panel
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")


def test_on_a_phone_the_links_to_the_named_tags_are_44_px(pages, small: str) -> None:  # noqa: ANN001
    """Like the tag chips of every page: they were 16 px tall, side by side."""
    page = open_page(pages, small, PHONE)
    type_query(page, "#reward-model #safety")
    links = page.locator(".pn-search__tag").evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    assert len(links) == 2 and min(links) >= 44, links


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_on_a_wide_screen_the_field_is_in_the_header(pages, small: str, lang: str) -> None:  # noqa: ANN001
    page = open_page(pages, small, DESKTOP, lang)
    assert not page.is_visible(".pn-search__open")
    field = box(page, ".pn-search__input")
    assert field["height"] >= 44 and field["width"] >= 44
    placeholder = page.get_attribute(".pn-search__input", "placeholder")
    assert placeholder == {"ko": "노트 검색", "en": "Search notes"}[lang]
    type_query(page, "reinforcement learning from scores")
    fit = page.eval_on_selector(".pn-search__input", FITS)
    assert fit["text"] <= fit["room"] and fit["scroll"] <= fit["client"], fit
    # The switch relabels the box.
    other = "en" if lang == "ko" else "ko"
    page.click(f'.pn-toggle__button[data-lang="{other}"]')
    assert page.get_attribute(".pn-search__input", "placeholder") == {"ko": "노트 검색", "en": "Search notes"}[other]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_results_says_why_in_the_chosen_language(pages, small: str, lang: str) -> None:  # noqa: ANN001
    """Not a bare "No results.": the words no note holds, else that no note holds them all."""
    page = open_page(pages, small, PHONE, lang)
    assert type_query(page, "qwertyzz") == []
    assert page.inner_text(".pn-search__status") == {"ko": "결과가 없습니다. 어느 노트에도 없는 단어: qwertyzz",
                                                     "en": "No results. No note contains: qwertyzz"}[lang]
    # Beside words that find notes, a word no note holds is left out, and named.
    found = type_query(page, "retrains the scorer qwertyzz")
    assert found == type_query(page, "retrains the scorer") and "spaced" in found
    type_query(page, "retrains the scorer qwertyzz")
    assert page.inner_text(".pn-search__status") == {"ko": f"결과 {len(found)}개 — 어느 노트에도 없는 단어는 빼고 찾았습니다: qwertyzz",
                                                     "en": f"{len(found)} result{'s' if len(found) > 1 else ''} — searched without this word, which no note contains: qwertyzz"}[lang]
    # Not when as many words would go as stay: "scorer qwertyzz" is no search for scorer.
    assert type_query(page, "scorer qwertyzz") == []
    # An arXiv id no note is about (typed or pasted as a link) is a paper without a note, not a missing word.
    assert type_query(page, "https://arxiv.org/abs/2305.18290v2") == []
    assert page.inner_text(".pn-search__status") == {"ko": "결과가 없습니다. 아직 노트가 없는 arXiv 논문: 2305.18290",
                                                     "en": "No results. No note yet on arXiv 2305.18290"}[lang]
    assert type_query(page, "Omega Tau") == []          # each is a title's word, no note has both
    assert page.inner_text(".pn-search__status") == {"ko": "결과가 없습니다. 이 단어를 모두 담은 노트는 없습니다. 단어를 줄여 보세요.",
                                                     "en": "No results. No note contains all of these words: try fewer."}[lang]
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")


LANGS = """() => [...document.querySelectorAll(".pn-search__result")].map(li => [
    li.querySelector(".pn-search__title").lang,
    [...li.querySelector(".pn-search__authors").childNodes].filter(n => n.nodeType === 1).map(n => [n.textContent, n.lang])])"""


@pytest.mark.parametrize(("query", "found"), [("C++", ["sigma"]), ("c++ ", ["sigma"]), ("C#", [])])
def test_a_word_a_sign_ends_is_whole_not_the_start_of_every_word(pages, small: str, query: str, found: list[str]) -> None:  # noqa: ANN001
    """C++ was searched as the prefix c: every note holding a word starting with c (Choi,
    calibration, ...). The sign says the word is whole: only the note writing C++ (not a lone C,
    nor C# for C++)."""
    page = open_page(pages, small, DESKTOP)
    assert type_query(page, query) == found
    marks = page.eval_on_selector_all(".pn-search__results mark", "els => els.map(e => e.textContent)")
    assert {m.lower() for m in marks} <= {"c"}, marks   # not the c of every word starting with it


@pytest.mark.parametrize(("query", "missing"), [("C++", "C++"), ("a\\b", "a b"), ("x", "x"), ("C#", "C#")])
def test_a_lone_letter_is_no_search_word(bundled_box, query: str, missing: str) -> None:  # noqa: ANN001
    """C++ found a note for the c of its "(c)", and a\\b listed all 43 notes, marking every lone a
    and b: a one-letter word was a prefix, or a whole word every note has. No note writes C++ (the
    index holds a letter a sign ends as one name) and a letter alone is nothing to search for."""
    assert type_query(bundled_box, query) == []
    assert bundled_box.inner_text(".pn-search__missing") == missing


@pytest.mark.parametrize(("query", "without"), [("Thomas L. Griffiths", "Thomas Griffiths"), ("reward a", "reward"), ("R1", None), ("o1", None)])
def test_a_lone_letter_beside_other_words_is_left_out(bundled_box, query: str, without: str | None) -> None:  # noqa: ANN001
    """A letter alone narrowed a query to the notes holding a word it starts: left out beside other
    words. Names of a letter and a digit (R1, o1) are words as before."""
    found = type_query(bundled_box, query)
    assert found and (without is None or found == type_query(bundled_box, without))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_titles_and_names_in_results_are_marked_with_their_own_language(pages, small: str, lang: str) -> None:  # noqa: ANN001
    """As pages mark them (screen readers' pronunciation): a Korean title was marked `en`, and an
    English name took the interface's `ko`."""
    page = open_page(pages, small, DESKTOP, lang)
    assert type_query(page, "카파") == ["kappa"]
    assert page.evaluate(LANGS) == [["ko", [["이영희", "ko"], ["Alan Turing", "en"]]]]
    assert type_query(page, "upsilon hopper") == ["lone"]
    assert page.evaluate(LANGS) == [["en", [["Grace Hopper", "en"], ["Ada Lovelace", "en"]]]]


def test_the_first_key_of_a_korean_word_shows_no_verdict(pages, small: str) -> None:  # noqa: ANN001
    """A Korean keyboard sends ㅂ, then 보, then 보ㅅ... (composition, as CDP's IME calls drive it):
    ㅂ alone said "결과가 없습니다. 어느 노트에도 없는 단어: ㅂ" (and a screen reader announced it)
    before the reader had typed a letter; nothing shows until the syllable finds something."""
    page = open_page(pages, small, PHONE)
    page.click(".pn-search__open")
    cdp = page.context.new_cdp_session(page)
    states = []
    for text in ("ㅂ", "보", "보ㅅ", "보상"):
        cdp.send("Input.imeSetComposition", {"text": text, "selectionStart": len(text), "selectionEnd": len(text)})
        page.wait_for_timeout(500)   # the box searches 120 ms after an input
        if text != "ㅂ":   # a busy machine loads the engine slower than that (a CI run): wait for results
            with contextlib.suppress(PlaywrightTimeout):
                page.wait_for_function("document.querySelector('.pn-search__results').dataset.count > 0", timeout=10_000)
        states.append((page.is_visible(".pn-search__panel"), page.get_attribute(".pn-search__results", "data-count")))
    cdp.send("Input.insertText", {"text": "보상"})
    page.wait_for_function("document.querySelector('.pn-search__results').dataset.count > 0")
    assert states[0] == (False, None) and all(shown and int(count) > 0 for shown, count in states[1:]), states
    cdp.detach()


@pytest.mark.parametrize("query", ["AIME 2", "AIME 20", "AIME 202", "AIME 2024", "MATH-5", "MATH-50", "MATH-500"])
def test_a_version_being_typed_keeps_the_note_writing_it(bundled_box, query: str) -> None:  # noqa: ANN001
    """AIME 2 and AIME 20 (on the way to AIME 2024) left out the one note writing AIME 2024, as a
    note on another version than 2 or 20; it came back at the last key."""
    assert "s-grpo" in type_query(bundled_box, query)


@pytest.mark.parametrize(("query", "slug", "most"), [("Adv-RM", "adversarial-training-of-reward-models", 5), ("V-Reason", "video-reasoning-without-training", 5),
                                                    ("B-STaR", "b-star", 5), ("S-GRPO", "s-grpo", 8)])
def test_a_hyphenated_name_finds_the_note_writing_it_first(bundled_box, query: str, slug: str, most: int) -> None:  # noqa: ANN001
    """Adv-RM ranked think-rm (which only links to it) first: RM alone is a glossary term, so the
    two parts were searched apart. V-Reason listed 29 notes: its V was every word starting with v."""
    found = type_query(bundled_box, query)
    assert found[0] == slug and len(found) <= most, found


@pytest.mark.parametrize(("begun", "whole"), [("그룹 상대 정책", "그룹 상대 정책 최적화"), ("근접 정책", "근접 정책 최적화"),
                                              ("프로세스 보상", "프로세스 보상 모델")])
def test_a_term_begun_with_a_word_that_is_a_term_itself_finds_the_longer_terms_notes(bundled_box, begun: str, whole: str) -> None:  # noqa: ANN001
    """그룹 상대 정책 (on the way to GRPO's 그룹 상대 정책 최적화) listed 16 notes on policies "without
    그룹 상대": its last word, 정책, is a glossary term of its own."""
    assert type_query(bundled_box, begun)[:1] == type_query(bundled_box, whole)[:1]
    assert "빼고" not in bundled_box.inner_text(".pn-search__status")


@pytest.mark.parametrize(("query", "subject", "common"), [("what is GRPO", "GRPO", "what is"),
                                                          ("papers about reward hacking", "reward hacking", "papers about"),
                                                          ("환각에 관한 논문", "환각", "관한 논문")])
def test_a_question_around_a_subject_finds_the_subjects_notes(bundled_box, query: str, subject: str, common: str) -> None:  # noqa: ANN001
    """what is GRPO, papers about reward hacking and 환각에 관한 논문 found nothing ("No note contains
    all of these words: try fewer"): every note holds some of the question's words, none all."""
    wanted = type_query(bundled_box, subject)
    assert type_query(bundled_box, query)[:3] == wanted[:3]
    assert bundled_box.inner_text(".pn-search__status").endswith("흔한 단어는 빼고 찾았습니다: " + common)


def shown(page) -> tuple[list[str], str, str]:  # noqa: ANN001
    """The box's answer to the query typed last: its count, the notes of its first page, and its tag links."""
    slugs = page.eval_on_selector_all(".pn-search__results a.pn-search__title", "els => els.map(e => e.getAttribute('href'))")
    tags = page.inner_text(".pn-search__tags") if page.is_visible(".pn-search__tags") else ""
    return slugs, page.get_attribute(".pn-search__results", "data-count"), tags


@pytest.mark.parametrize(("query", "subject", "generic"), [("RLHF 논문", "RLHF", "논문"), ("보상 모델 논문", "보상 모델", "논문"),
                                                           ("reward hacking paper", "reward hacking", "paper"),
                                                           ("RLHF paper", "RLHF", "paper"), ("#rl 논문", "#rl", "논문"),
                                                           ("보상 모델에 관한 연구", "보상 모델", "관한 연구"),
                                                           ("reward hacking 문제", "reward hacking", "문제"),
                                                           ("reward hacking problem", "reward hacking", "problem")])
def test_a_generic_word_beside_the_subject_does_not_narrow_it(bundled_box, query: str, subject: str, generic: str) -> None:  # noqa: ANN001
    """RLHF 논문 found 1 note of RLHF's 7 and lost the link to the RLHF tag; 보상 모델 논문 3 of 14,
    reward hacking paper 2 of 4: every word was required, and few notes happen to write 논문 or
    paper. Beside a word of substance (or a tag) such a word says only that papers are sought."""
    type_query(bundled_box, subject)
    want = shown(bundled_box)
    type_query(bundled_box, query)
    assert shown(bundled_box) == want and want[1] != "0"
    assert bundled_box.inner_text(".pn-search__status").endswith("흔한 단어는 빼고 찾았습니다: " + generic)


@pytest.mark.parametrize(("joined", "spaced"), [("보상모델학습", "보상 모델 학습"), ("추론모델환각", "추론 모델 환각"),
                                               ("마음이론벤치마크", "마음 이론 벤치마크"), ("보상모델적대적학습", "보상 모델 적대적 학습")])
def test_a_compound_of_three_nouns_or_more_written_together_finds_their_notes(bundled_box, joined: str, spaced: str) -> None:  # noqa: ANN001
    """보상모델학습 and 추론모델환각 found nothing (a QA pass): a word written without spaces was cut
    in two parts only, and 모델학습 or 모델환각 is written in no note. The spaced words' best note is
    among the first found."""
    found = type_query(bundled_box, joined)
    wanted = type_query(bundled_box, spaced)
    assert wanted and wanted[0] in found[:5], (found, wanted)


@pytest.mark.parametrize(("joined", "spaced"), [("환각을줄이는", "환각을 줄이는"), ("강화학습을통한추론", "강화학습을 통한 추론"),
                                               ("보상모델을학습", "보상 모델을 학습"), ("보상모델기반으로학습", "보상모델 기반으로 학습")])
def test_korean_typed_without_its_spaces_around_a_particle_finds_the_spaced_querys_notes(bundled_box, joined: str, spaced: str) -> None:  # noqa: ANN001
    """A phone QA pass: 환각을줄이는 and 강화학습을통한추론 found nothing, 보상모델을학습 1 note, where
    the spaced queries found 3, 22 and 13 (the guide says search ignores spacing). A word found
    nothing as typed is searched spaced after its particles, and the box says so; a compound's
    part that ends with a particle is also its word without it. Most of the spaced query's notes,
    its best first among them."""
    found = type_query(bundled_box, joined)
    wanted = type_query(bundled_box, spaced)
    assert wanted and wanted[0] in found[:3] and len(set(found) & set(wanted)) >= 0.8 * len(wanted), (found, wanted)
    if joined != "보상모델을학습":   # found as typed, by its parts
        type_query(bundled_box, joined)
        assert "고쳐서 찾은 결과: " + spaced in bundled_box.inner_text(".pn-search__status")


@pytest.mark.parametrize(("query", "subject", "connective"), [("강화학습을 통한 추론", "강화학습을 추론", "통한"),
                                                              ("강화학습 기반", "강화학습", "기반")])
def test_a_korean_connective_does_not_narrow_the_search(bundled_box, query: str, subject: str, connective: str) -> None:  # noqa: ANN001
    """강화학습을 통한 found 1 note of 강화학습's 27 (the one that writes 통한), 강화학습 기반 5 (a phone
    QA pass), where 대한 and 위한 were left out: the connectives a request is phrased with are generic."""
    type_query(bundled_box, subject)
    want = shown(bundled_box)
    type_query(bundled_box, query)
    assert shown(bundled_box) == want and want[1] != "0"
    assert "흔한 단어는 빼고 찾았습니다: " + connective in bundled_box.inner_text(".pn-search__status")


def test_a_one_syllable_modifier_typed_with_its_noun_finds_the_notes_that_write_them_apart(bundled_box) -> None:  # noqa: ANN001
    """긴영상 and 빅파이브 found nothing where 긴 영상 and 빅 파이브 found a note (a QA pass with real
    papers): the index paired only words of two syllables or more. 긴추론 finds exactly the notes
    that write 긴 추론."""
    writers = sorted(p.stem for p in (BUNDLED_DATA / "notes").rglob("*.md") if "긴 추론" in p.read_text(encoding="utf-8"))
    assert writers
    assert sorted(type_query(bundled_box, "긴추론")) == writers


@pytest.mark.parametrize(("joined", "spaced"), [("추론효율", "추론 효율"), ("효율추론", "효율 추론"),
                                               ("안전벤치마크", "안전 벤치마크"), ("추론효율을", "추론 효율을")])
def test_two_glossary_terms_typed_together_find_what_the_two_find(bundled_box, joined: str, spaced: str) -> None:  # noqa: ANN001
    """추론효율 found 8 notes where 추론 효율 found 16, 안전벤치마크 2 where 안전 벤치마크 3 (a QA pass
    with real papers): the terms' other language (efficiency, benchmark) was not looked up for
    the parts of a word typed without its space."""
    wanted = type_query(bundled_box, spaced)
    assert wanted and type_query(bundled_box, joined) == wanted


@pytest.mark.parametrize(("query", "same_as"), [("reward 해킹", "보상 해킹"), ("보상 hacking", "reward hacking"),
                                               ("수학적 추론", "수학 추론"), ("by Yejin Choi", "Yejin Choi"),
                                               ("work by Hyunwoo Kim", "Hyunwoo Kim")])
def test_queries_typed_as_readers_type_them_find_what_their_plain_form_finds(bundled_box, query: str, same_as: str) -> None:  # noqa: ANN001
    """A search QA pass: reward 해킹 found 22 notes without 해킹 (보상 해킹 the 4 on reward hacking): a
    term typed half in each language; 수학적 추론 found 3 notes where 수학 추론 found 7 (수학적 is
    수학 made an adjective); by Yejin Choi said "no note has every word" (few notes write "by")."""
    wanted = type_query(bundled_box, same_as)
    assert wanted and sorted(type_query(bundled_box, query)) == sorted(wanted)


def test_a_compound_found_only_in_parts_marks_its_parts(bundled_box) -> None:  # noqa: ANN001
    """추론길이 found notes writing 추론 ... 길이 apart, and marked nothing in them (a QA pass): the
    reader could not see why they matched."""
    found = type_query(bundled_box, "추론길이")
    assert found
    shown = {slug: marks(bundled_box, slug) for slug in found}
    # Each summary marks a part (its passage may hold one of them); the parts are marked apart.
    assert all(any(m.startswith(("추론", "길이")) for m in shown[slug]) for slug in found), shown
    assert any(m.startswith("길이") for slug in found for m in shown[slug]), shown


@pytest.mark.parametrize(("query", "missing"), [("model merging", "merging"), ("actor critic", "actor"), ("mixture of experts", "mixture")])
def test_a_real_word_no_note_holds_is_named_not_corrected_to_another(bundled_box, query: str, missing: str) -> None:  # noqa: ANN001
    """A search QA pass: model merging answered "showing results for: model emerging" (a letter
    added before the first), actor critic "factor critic", and mixture of experts the notes on
    experts "without mixture" (its "of" counted as a word kept): each answered another question."""
    assert type_query(bundled_box, query) == []
    assert status_in(bundled_box, "en") == f"No results. No note contains: {missing}"


@pytest.mark.parametrize(("query", "slug", "line"), [("optimisation", "reasons-to-reject", "Tag: Preference optimization"),
                                                     ("hallucinating", "from-faithfulness-to-correctness", "Tag: Hallucination"),
                                                     ("verifiers", "parallel-r1", "Tag: Self-verification")])
def test_a_result_found_by_a_word_of_its_tags_label_names_the_tag(bundled_box, query: str, slug: str, line: str) -> None:  # noqa: ANN001
    """A search QA pass: results found only through a word of a tag's label (the index holds each
    note's tag labels as its words) marked nothing and showed no reason: optimisation's third to
    fifth. Such a result names the tag under its title, the word marked where it is."""
    assert slug in type_query(bundled_box, query)
    bundled_box.click('.pn-toggle__button[data-lang="en"]')
    try:
        result = f'.pn-search__result:has(a[href$="/notes/{slug}/"])'
        assert bundled_box.inner_text(f"{result} .pn-search__bridge").strip() == line
    finally:
        bundled_box.click('.pn-toggle__button[data-lang="ko"]')


def test_an_acronym_typed_in_capitals_finds_the_notes_writing_it_so(bundled_box) -> None:  # noqa: ANN001
    """A search QA pass: FoR, which Flow of Reasoning writes for its method throughout, found every
    note writing "for", that one not in the first ten. Typed in capitals, a word some notes write
    as an acronym is that acronym: those notes (the index's `^` terms)."""
    assert type_query(bundled_box, "FoR") == ["flow-of-reasoning"]
    type_query(bundled_box, "for")   # the everyday word, typed so, is as it was: most notes
    assert int(bundled_box.get_attribute(".pn-search__results", "data-count")) > 20


def test_enter_ends_a_korean_word_typed_without_composition(bundled_box) -> None:  # noqa: ANN001
    """보상뭐 typed key by key (no input method) and Enter kept 보상's results on screen, as for a
    word still being typed: Enter says the reader is done."""
    page = bundled_box
    type_query(page, "보상")
    page.keyboard.type("뷁")        # (보상뭐 is one key from 보상모델, corrected to it)
    page.wait_for_timeout(300)      # searched: 보상's results stay, as while a word is typed
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.pn-search__status').textContent.startsWith('결과가 없습니다')", timeout=400)


@pytest.mark.parametrize("query", ["Yann LeCun reward", "<script>alert(1)</script>", "hello world"])
def test_words_are_not_left_out_when_what_stays_is_no_search(bundled_box, query: str) -> None:  # noqa: ANN001
    """Leaving out the words no note holds listed every note on rewards for Yann LeCun reward, and
    the notes holding a 1 for <script>alert(1)</script>: at most fewer words than stay go, never
    all but numbers."""
    assert type_query(bundled_box, query) == []


@pytest.mark.parametrize(("query", "missing"), [("확산 모델", "확산"), ("양자화 모델", "양자화"), ("뷁뷁 모델", "뷁뷁"), ("확산 모델을", "확산"),
                                              ("검색 증강 생성", "검색 증강"), ("양자화 GRPO", "양자화"), ("diffusion model", "diffusion")])
def test_a_subject_no_note_holds_is_not_left_out_for_a_generic_word(bundled_box, query: str, missing: str) -> None:  # noqa: ANN001
    """확산 모델 (diffusion model) said "결과 41개 — 모든 단어를 담은 노트가 없어 이 단어는 빼고
    찾았습니다: 확산", every note writing 모델; 검색 증강 생성 (retrieval-augmented generation) the
    21 writing 생성: the everyday Korean words' rescue (withoutPlainKorean) left out the subject, a
    word no note holds that names it with the next word, as many going as staying. As in English:
    no results, the word named. (An everyday word after the subject still goes: 환각 줄이기.)"""
    assert type_query(bundled_box, query) == []
    assert bundled_box.inner_text(".pn-search__status") == no_results(missing)


def test_a_whole_year_after_a_name_is_not_a_version_being_typed(bundled_box) -> None:  # noqa: ANN001
    """AIME 2023 found nothing once a version being typed (AIME 202) kept the notes whose version
    starts with it: 2023 was read as the start of a version."""
    assert "s-grpo" in type_query(bundled_box, "AIME 2023")


@pytest.mark.parametrize("query", ["컴퓨터", "컴퓨터 사용", "컴퓨터 사용 에이전", "컴퓨터 사용 에이전트", "컴퓨터사용", "컴퓨터사용에이전트"])
def test_a_glossary_term_stopped_at_its_first_words_finds_its_notes(bundled_box, query: str) -> None:  # noqa: ANN001
    """컴퓨터 and 컴퓨터 사용 (on the way to 컴퓨터 사용 에이전트, which the note writes as Computer-Use
    Agent) said "No note contains: 컴퓨터" at each of eight keys; only the whole term found it."""
    assert type_query(bundled_box, query)[:1] == ["computer-use-agents-blind-goal-directedness"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_pause_with_the_last_syllable_still_composed_shows_that_words_verdict(browser, bundled: str, viewport: dict) -> None:  # noqa: ANN001
    """A search QA pass: a phone's Korean keyboard keeps the last syllable open until a space, so
    그리피스 (its 스 composed) showed the results and count of 그, the last query that found
    something, for as long as the reader waited. A pause now ends the word, as it does without a
    composition: the box says what it says once the syllable is committed."""
    page = new_page(browser, viewport, "ko")
    try:
        page.goto(bundled)
        page.click(".pn-search__open" if viewport == PHONE else ".pn-search__input")
        cdp = page.context.new_cdp_session(page)
        for text in ("그", "그ㄹ", "그리", "그리ㅍ", "그리피", "그리피ㅅ", "그리피스"):
            cdp.send("Input.imeSetComposition", {"text": text, "selectionStart": len(text), "selectionEnd": len(text)})
            page.wait_for_timeout(300)
        early = page.inner_text(".pn-search__status")
        page.wait_for_timeout(2500)
        paused = page.inner_text(".pn-search__status"), page.get_attribute(".pn-search__results", "data-count")
        cdp.send("Input.insertText", {"text": "그리피스"})
        page.wait_for_timeout(1500)
        committed = page.inner_text(".pn-search__status"), page.get_attribute(".pn-search__results", "data-count")
        cdp.detach()
    finally:
        page.context.close()
    assert "결과 " in early or early == ""          # while typing: 그's results stay (no flashing verdict)
    assert paused == committed and "결과가 없습니다" in paused[0], (paused, committed)


def test_a_syllable_being_composed_offers_no_correction(bundled_box) -> None:  # noqa: ANN001
    """모델으, on the way to 모델을, showed "혹시 이것을 찾으셨나요: 모델이" (a live region: a screen
    reader said it) while the reader's keyboard was still composing the syllable."""
    page = bundled_box
    type_query(page, "보상")
    page.fill(".pn-search__input", "보상 ")
    cdp = page.context.new_cdp_session(page)
    said = []
    try:
        for text in ("ㅁ", "모", "몯", "모데", "모델", "모델ㅇ", "모델으", "모델을"):
            cdp.send("Input.imeSetComposition", {"text": text, "selectionStart": len(text), "selectionEnd": len(text)})
            page.wait_for_timeout(400)   # the box searches 120 ms after an input
            said.append(page.inner_text(".pn-search__status"))
        cdp.send("Input.insertText", {"text": "모델을"})
    finally:
        cdp.detach()
    assert not [s for s in said if "찾으셨나요" in s], said


FOCUSED = """() => { const el = document.activeElement, s = getComputedStyle(el);
    const links = [...document.querySelectorAll(".pn-search__results a.pn-search__title")];
    return {href: el.getAttribute("href"), index: links.indexOf(el), field: el.classList.contains("pn-search__input"),
            outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2,
            marked: getComputedStyle(el.parentNode).boxShadow !== "none",
            inView: (r => r.top >= 0 && r.bottom <= innerHeight)(el.getBoundingClientRect())}; }"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_arrows_move_through_results_and_enter_opens_one(pages, small: str, viewport: dict) -> None:  # noqa: ANN001
    page = open_page(pages, small, viewport)
    slugs = type_query(page, "scorer")
    assert len(slugs) >= 3
    combobox = {k: page.get_attribute(".pn-search__input", k) for k in ("role", "aria-expanded", "aria-controls", "aria-haspopup")}
    assert combobox == {"role": "combobox", "aria-expanded": "true", "aria-controls": "pn-search-results", "aria-haspopup": "dialog"}
    assert page.get_attribute("#pn-search-results", "role") == "dialog" and page.get_attribute("#pn-search-results", "aria-label")
    assert page.evaluate(FOCUSED)["field"]
    page.keyboard.press("ArrowDown")
    first = page.evaluate(FOCUSED)
    assert first["index"] == 0 and first["outline"] and first["marked"]   # focus drawn on the link and its result
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.evaluate(FOCUSED)["index"] == 2
    page.keyboard.press("ArrowUp")
    second = page.evaluate(FOCUSED)
    assert second["index"] == 1 and second["inView"]
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{second['href']}")
    assert second["href"].rstrip("/").endswith(slugs[1])
    # Back on the page: ArrowUp from the first result returns to the field, Escape closes.
    page.go_back()
    type_query(page, "scorer")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert page.evaluate(FOCUSED)["field"]
    page.keyboard.press("Enter")                    # in the field, the results the query's: the first opens
    page.wait_for_url(f"**/notes/{slugs[0]}/")
    page.go_back()
    type_query(page, "scorer")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")                   # from a result: back to the field, results closed
    assert not page.is_visible(".pn-search__panel") and page.evaluate(FOCUSED)["field"]
    # Escape in the field of a wide screen (no search button) hides the results and keeps the
    # field's focus: it went to the page's body, and the keyboard lost its place.
    if viewport is DESKTOP:
        type_query(page, "scorer")
        page.keyboard.press("Escape")
        assert not page.is_visible(".pn-search__panel") and page.evaluate(FOCUSED)["field"]
        # A click in the field shows them again (found by a QA pass: nothing came until a key).
        page.click(".pn-search__input")
        assert page.is_visible(".pn-search__panel") and page.locator(".pn-search__results > li").count() == len(slugs)


def test_on_a_phone_a_results_passage_is_three_lines_at_most(browser, bundled: str) -> None:  # noqa: ANN001
    """Found by a QA pass: a result was about 300 px tall on a phone (a passage of five lines), one
    above the on-screen keyboard. Its passage is three lines there; a wide screen shows it whole."""
    for viewport, most in ((PHONE, 3), (DESKTOP, None)):
        page = new_page(browser, viewport, "ko")
        try:
            page.goto(bundled)
            assert type_query(page, "보상 모델")
            lines = page.eval_on_selector_all(".pn-search__summary", """els => els.map(e =>
                e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight))""")
            clamped = page.eval_on_selector_all(".pn-search__summary", "els => els.map(e => getComputedStyle(e).webkitLineClamp)")
            assert lines and (max(lines) <= most + 0.1 if most else set(clamped) == {"none"}), (lines, clamped)
        finally:
            page.context.close()


MARK_IN_SIGHT = """() => [...document.querySelectorAll('.pn-search__summary')].flatMap(s => {
    const shown = [...s.querySelectorAll('mark')].filter(m => m.getClientRects().length);
    if (!shown.length) return [];
    const box = s.getBoundingClientRect(), first = shown[0].getBoundingClientRect();
    return [[s.closest('li').querySelector('a').textContent.slice(0, 30), first.bottom <= box.bottom + 1]];
  })"""


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_on_a_phone_a_passage_shows_what_matched_in_its_three_lines(browser, bundled: str, lang: str) -> None:  # noqa: ANN001
    """Found by a QA pass: searching 보상 해킹 on a phone in Korean, two of four results marked
    nothing a reader could see: reward hacking was marked 150 characters into the Korean passage,
    under its third line (Hangul is twice as wide as Latin letters: the window was cut for a wide
    screen). The passage now starts near the match for the lines the phone shows."""
    page = new_page(browser, PHONE, lang)
    try:
        page.goto(bundled)
        for query in ("보상 해킹", "리워드 해킹", "보상모델", "reward hacking"):
            assert type_query(page, query)
            seen = page.evaluate(MARK_IN_SIGHT)
            assert seen and all(ok for _, ok in seen), (query, seen)
    finally:
        page.context.close()


def wait_for_results(page, query: str, count: int | None = None) -> None:  # noqa: ANN001
    """Wait, without pressing Enter, until the results shown are `query`'s (a pause after typing)."""
    page.wait_for_function("([q, n]) => { const l = document.querySelector('.pn-search__results');"
                           " return l.dataset.count !== undefined && (n === null || l.dataset.count === String(n))"
                           " && l.children.length > 0 && document.querySelector('.pn-search__input').value === q; }", arg=[query, count])


ENTER_CLICKS = """([composing, code]) => {
    // A click on a result's link, recorded and not followed; then an Enter as an input method sends it.
    const clicked = [];
    const hold = (e) => { if (e.target.closest("a.pn-search__title")) { clicked.push(e.target.closest("a").getAttribute("href")); e.preventDefault(); } };
    document.addEventListener("click", hold, true);
    const input = document.querySelector(".pn-search__input");
    input.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", code: "Enter", keyCode: code, isComposing: composing, bubbles: true, cancelable: true}));
    document.removeEventListener("click", hold, true);
    return clicked; }"""


@pytest.mark.parametrize("touch", [False, True], ids=["desktop", "phone"])
def test_enter_in_the_field_opens_the_first_result(browser, bundled: str, touch: bool) -> None:  # noqa: ANN001
    """Enter in the field did nothing but search again when results were shown (the tag index,
    `2504.06141`: one result, and Enter left the reader there; a phone's Search key too). It opens
    the first result now, as the arrow and Enter did; the Enter that ends a Korean syllable's
    composition (isComposing, or keyCode 229 where the composition has ended first) does not."""
    context = browser.new_context(viewport=PHONE if touch else DESKTOP, is_mobile=touch, has_touch=touch)
    try:
        page = context.new_page()
        page.goto(bundled + "tags/")
        page.click(".pn-search__open" if touch else ".pn-search__input")
        page.keyboard.type("2504.06141")
        wait_for_results(page, "2504.06141", 1)
        assert page.evaluate(ENTER_CLICKS, [True, 229]) == []      # composing: no result opened
        assert page.evaluate(ENTER_CLICKS, [False, 229]) == []
        assert page.evaluate(ENTER_CLICKS, [False, 13]) == ["/notes/adversarial-training-of-reward-models/"]
        page.focus(".pn-search__input")   # (on a touch screen the composing Enter hid the keyboard: left the field)
        page.keyboard.press("Enter")
        page.wait_for_url("**/notes/adversarial-training-of-reward-models/")
    finally:
        context.close()


def test_enter_before_the_results_of_what_was_typed_searches_it(bundled_box) -> None:  # noqa: ANN001
    """Typed on after results showed (보상 → 보상 모델), Enter searches what the field says: it does
    not open the first result of the query before, but that of the query typed, once it comes."""
    type_query(bundled_box, "보상")
    bundled_box.keyboard.type(" 모델")
    assert bundled_box.evaluate(ENTER_CLICKS, [False, 13]) == []
    bundled_box.wait_for_url("**/notes/**")
    bundled_box.go_back()
    bundled_box.wait_for_function("document.querySelector('.pn-search__input').value === '보상 모델'")


def test_a_letter_typed_on_a_result_goes_into_the_field(bundled_box) -> None:  # noqa: ANN001
    """With the focus on a result (the arrows), typing a letter did nothing: the reader had to go
    back to the field first. The field takes the focus and the letter, at the end of the query."""
    type_query(bundled_box, "reward")
    bundled_box.keyboard.press("ArrowDown")
    bundled_box.keyboard.press("ArrowDown")
    assert bundled_box.evaluate("document.activeElement.matches('a.pn-search__title')")
    bundled_box.keyboard.type("s h")
    assert bundled_box.evaluate("document.activeElement.classList.contains('pn-search__input')")
    assert bundled_box.input_value(".pn-search__input") == "rewards h"
    bundled_box.wait_for_function("document.querySelector('.pn-search__results').dataset.count !== undefined"
                                  " && document.querySelector('.pn-search__status').textContent.startsWith('결과')")


def marks(page, slug: str, lang: str = "ko") -> list[str]:  # noqa: ANN001
    summary = f'.pn-search__result:has(a[href$="/notes/{slug}/"]) .pn-search__summary > [lang="{lang}"] mark'
    return page.eval_on_selector_all(summary, "els => els.map(e => e.textContent)")


def test_the_words_that_matched_are_marked_whatever_their_spacing(pages, small: str) -> None:  # noqa: ANN001
    page = open_page(pages, small, DESKTOP)
    assert {"spaced", "joined"} <= set(type_query(page, "보상모델"))
    assert marks(page, "spaced") == ["보상 모델을"] and marks(page, "joined") == ["보상모델을"]
    assert {"spaced", "joined"} <= set(type_query(page, "보상 모델"))
    assert marks(page, "spaced") == ["보상 모델을"] and marks(page, "joined") == ["보상모델을"]
    # Without the glossary too: a compound typed together marks the words written apart.
    assert "spaced" in type_query(page, "다시학습")
    assert marks(page, "spaced") == ["다시 학습한다"]


def bridges(page, slug: str) -> list[str]:  # noqa: ANN001
    line = f'.pn-search__result:has(a[href$="/notes/{slug}/"]) .pn-search__bridge'
    return page.eval_on_selector_all(line, "els => els.map(e => e.innerText)")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_korean_query_finds_the_english_term_and_back(pages, small: str, lang: str) -> None:  # noqa: ANN001
    page = open_page(pages, small, DESKTOP, lang)
    label = {"ko": "용어집: ", "en": "Glossary: "}[lang]
    # Korean query, a note that wrote the English term: found, the bridge said, the term marked.
    slugs = type_query(page, "보상 해킹")
    assert {"english-term", "korean-term"} <= set(slugs)
    assert bridges(page, "english-term") == [label + "보상 해킹 → reward hacking"]
    assert bridges(page, "korean-term") == [label + "보상 해킹 → 리워드 해킹"]   # another Korean form
    assert marks(page, "english-term") == ["reward hacking을"] and marks(page, "korean-term") == ["리워드 해킹을"]
    # A particle, no spacing: the same.
    assert {"english-term", "korean-term"} <= set(type_query(page, "보상해킹을"))
    # English query, a note that wrote the term in Korean only.
    slugs = type_query(page, "reward hacking")
    assert slugs[0] == "zeta" and {"english-term", "korean-term"} <= set(slugs)   # Zeta: Reward Hacking (title)
    assert bridges(page, "english-term") == [] and bridges(page, "korean-term") == [label + "reward hacking → 리워드 해킹"]
    assert marks(page, "korean-term") == ["리워드 해킹을"]


def holding(pattern: str) -> set[str]:
    return {p.stem for p in (BUNDLED_DATA / "notes").rglob("*.md") if re.search(pattern, p.read_text(encoding="utf-8"), re.I)}


@pytest.mark.parametrize(("query", "written"), [
    ("보상 해킹", r"\breward hacking"),            # the issue's examples
    ("리워드 해킹", r"\breward hacking"),
    ("인간 피드백", r"\bhuman feedback"),
    ("할루시네이션을", r"\bhallucinat"),           # others, a transliteration, a particle
    ("과도한 사고", r"\boverthink"),
    ("기계적 해석가능성", r"\bmechanistic interpretability"),
    ("창발적 오정렬", r"\bemergent misalignment"),
    ("선형프로브", r"\blinear probe"),
])
def test_korean_queries_find_the_bundled_notes_that_wrote_english(bundled_box, query: str, written: str) -> None:  # noqa: ANN001
    want = holding(written)
    assert want and want <= set(type_query(bundled_box, query))


@pytest.mark.parametrize(("query", "written"), [
    ("트랜스포머", r"\btransformers?\b|트랜스포머"),     # no bundled note: Transforming and Combining Rewards was found
    ("검증기", r"\bverifiers?\b|검증기|검증자|베리파이어"),   # 6 more notes writing verifiable, verify
    ("제어기", r"\bcontrollers?\b|컨트롤러|제어기"),       # 5 more writing control
])
def test_a_korean_agent_noun_finds_that_noun_not_its_verb(bundled_box, query: str, written: str) -> None:  # noqa: ANN001
    assert set(type_query(bundled_box, query)) == holding(written)


@pytest.mark.parametrize(("korean", "english"), [("모델", "model"), ("훈련", "training"), ("성능", "performance"),
                                                  ("사람", "human"), ("강화", "reinforcement"), ("최적화", "optimization"),
                                                  ("생성", "generation"), ("일반화", "generalization"), ("도구", "tool"),
                                                  ("질문", "question"), ("한계", "limitation"), ("언어", "language"),
                                                  # model names as Korean readers write them (딥시크 found nothing)
                                                  ("딥시크", "DeepSeek"), ("챗GPT", "ChatGPT"), ("클로드", "Claude"),
                                                  # an adjective's ending, a passive's, a word pasted with a zero-width space
                                                  ("효율적인", "효율적"), ("보상받는", "보상"), ("보\u200b상", "보상"),
                                                  # forms the stemmer cannot join, an acronym, a lab by its data/authors.yml alias
                                                  ("sycophantic", "sycophancy"), ("curricula", "curriculum"),
                                                  ("마이크로소프트", "Microsoft")])
def test_a_common_korean_word_finds_what_its_english_word_finds(bundled_box, korean: str, english: str) -> None:  # noqa: ANN001
    """A reader on a phone types the everyday word in Korean: the glossary bridges it (모델 found
    29 notes where model found 41, 훈련 none where training found 34); the count is the box's own."""
    def count(query: str) -> int:
        type_query(bundled_box, query)
        return int(bundled_box.eval_on_selector(".pn-search__results", "el => el.dataset.count"))
    assert count(korean) == count(english) > 0


@pytest.mark.parametrize(("query", "slug"), [("think tuning", "thinktuning"), ("ola gpt", "olagpt")])
def test_a_name_written_in_camel_case_is_found_typed_apart(bundled_box, query: str, slug: str) -> None:  # noqa: ANN001
    """`think tuning` listed nine notes holding think... and tuning... and not ThinkTuning; `ola gpt`
    found nothing: the title's camel-case name is also its words (search_index.camel_parts)."""
    assert type_query(bundled_box, query)[0] == slug


def test_an_acronym_finds_the_notes_writing_its_phrase(bundled_box) -> None:  # noqa: ANN001
    """ORM found nothing, where PRM and RLVR found their notes (the glossary lacked the form)."""
    want = holding(r"\boutcome[- ]reward")
    assert want and want <= set(type_query(bundled_box, "ORM"))


@pytest.mark.parametrize("query", ["정도", "차이", "정도를"])
def test_a_two_syllable_word_ending_like_a_particle_is_not_one_syllable(bundled_box, query: str) -> None:  # noqa: ANN001
    """정도 and 차이 (도, 이: particles) searched every word starting with 정 or 차: 34 notes for a
    word one note writes, the note that writes it not first."""
    word = query[:2]
    assert set(type_query(bundled_box, query)) == holding(word) and len(holding(word)) == 1


@pytest.mark.parametrize(("query", "word"), [("설계된", "설계"), ("비교한", "비교")])
def test_a_word_with_a_verb_ending_finds_the_noun(bundled_box, query: str, word: str) -> None:  # noqa: ANN001
    """설계된 ("designed") found nothing, 비교한 one of the four notes writing 비교: the box stripped
    particles only, not the verb endings the glossary's matching already strips."""
    assert holding(word) <= set(type_query(bundled_box, query))


@pytest.mark.parametrize(("query", "written"), [("gpt4", r"\bGPT-4"), ("gpt4o", r"\bGPT-4o"), ("deepseekr1", r"\bDeepSeek-R1"),
                                               ("qwen 2.5", r"\bQwen2\.5"), ("thinkrm", r"\bThink-RM"), ("autocei", r"\bAuto-CEI")])
def test_a_model_name_typed_as_one_word_finds_the_notes_that_hyphenate_it(bundled_box, query: str, written: str) -> None:  # noqa: ANN001
    """Readers type `gpt4` and `deepseekr1`; notes write GPT-4 and DeepSeek-R1 (found nothing). And
    the other way: `qwen 2.5` found no note writing Qwen2.5 (read as qwen2 and 5). `thinkrm` and
    `autocei` (Think-RM, Auto-CEI: no digit) found nothing."""
    want = holding(written)
    assert want and want <= set(type_query(bundled_box, query))


@pytest.mark.parametrize(("query", "written"), [("aime24", r"\bAIME 2024\b"), ("aime 2025", r"\bAIME25\b"),
                                               ("aime2025", r"\bAIME25\b")])
def test_a_benchmarks_year_typed_the_other_way_finds_its_notes(bundled_box, query: str, written: str) -> None:  # noqa: ANN001
    """Notes write AIME 2024 and AIME25; readers type aime24 and aime 2025: both found nothing."""
    want = holding(written)
    assert want and want <= set(type_query(bundled_box, query))


@pytest.mark.parametrize(("query", "meant"), [("강화핛습", "강화학습"), ("강화학즙", "강화학습"), ("보상모댈", "보상모델"),
                                            ("데이터샛", "데이터셋"), ("벤치마그", "벤치마크"), ("사전핛습을", "사전학습"),
                                            ("겅화학습", "강화학습"), ("보싱모델", "보상모델"), ("데아터셋", "데이터셋"),
                                            ("당화학습", "강화학습"), ("모상모델", "보상모델"), ("제이터셋", "데이터셋"),
                                            ("깡화학습", "강화학습")])
def test_a_korean_word_one_key_off_is_corrected(bundled_box, query: str, meant: str) -> None:  # noqa: ANN001
    """A phone keyboard's slip in a Korean word (one jamo: 핛 for 학, 댈 for 델) found nothing, and
    only English words were corrected. Now the box searches the word one key away that most notes
    hold, and says so. The first syllable's initial consonant is tried only for the keys beside it
    (당 for 강: ㄷ is beside ㄱ), and one Shift away (ㄲ for ㄱ). Only a word no note holds is corrected."""
    found = type_query(bundled_box, query)
    assert found and found == type_query(bundled_box, meant)
    type_query(bundled_box, query)
    assert bundled_box.inner_text(".pn-search__correction") == meant


@pytest.mark.parametrize(("query", "missing"), [("영어", "영어"), ("영어 논문", "영어"), ("용어", "용어"), ("모텔", "모텔")])
def test_a_korean_word_of_two_syllables_is_not_corrected_to_a_piece_of_a_word(bundled_box, query: str, missing: str) -> None:  # noqa: ANN001
    """영어 (English), which no bundled note writes, said "결과 1개 — 혹시 이것을 찾으셨나요: 연어"
    (salmon: the end of 자연어, the one hit's word), 용어 "용이라": most words of two syllables are a
    key away from a word the notes write or an inner part of one. A word of two syllables is
    corrected only to a frequent word of its own (test_a_korean_word_of_two_syllables_one_key_off_is_corrected).
    No results, the word named."""
    assert type_query(bundled_box, query) == []
    assert bundled_box.locator(".pn-search__correction").count() == 0, bundled_box.inner_text(".pn-search__status")
    assert bundled_box.inner_text(".pn-search__status") == no_results(missing)


@pytest.mark.parametrize(("query", "meant"), [("모댈", "모델"), ("학슴", "학습"), ("보샹", "보상"), ("정럴", "정렬"), ("추롬", "추론"),
                                            ("보상 모댈", "보상 모델"),
                                            ("뵤상", "보상"), ("헉습", "학습"), ("핟습", "학습"), ("노델", "모델"), ("보상 노델", "보상 모델")])
def test_a_korean_word_of_two_syllables_one_key_off_is_corrected(bundled_box, query: str, meant: str) -> None:  # noqa: ANN001
    """보상 모댈 (모델, one vowel off) said "이 단어는 빼고 찾았습니다: 모댈" and listed every note on 보상;
    학슴, 보샹 found nothing: no word of two syllables was corrected. Its second syllable's vowel or final
    consonant one key off on a phone's two-set keyboard (ㅐ for ㅔ, ㅁ for ㅂ) is, to a word the notes
    write with a particle (모델을: a word of its own) or a glossary term, in a tenth of the notes or more.
    So is the first syllable's vowel, final or initial consonant (뵤상, 헉습, 핟습, 노델 found nothing), to
    such a word the index lists (meta.common), which costs a miss no more files.
    (정렬 or 추론 typed is also its tag's label, which lists the tag's notes first: the corrected
    query finds the word's notes, in another order.)"""
    count = "() => Number(document.querySelector('.pn-search__results').dataset.count)"
    assert type_query(bundled_box, meant)
    most = bundled_box.evaluate(count)
    assert type_query(bundled_box, query)
    assert bundled_box.inner_text(".pn-search__correction") == meant
    assert 0 < bundled_box.evaluate(count) <= most


# Everyday words of two syllables that no bundled note writes: none is "corrected" (노래, song, was 노리 of
# 노리는; 시장, market, 시작; 만두 만드; 생선, fish, 생성, generation, while the rule was being written).
ORDINARY_WORDS = ["영어", "용어", "사과", "기차", "바다", "하늘", "음악", "운동", "여행", "회사", "학교", "의자", "노래", "시장", "만두",
                  "생선", "모래", "모기", "모양", "학년", "학비", "보리", "보석", "보험", "정말", "추석", "추억", "생활", "평화",
                  "강물", "언덕", "대답", "모험", "학급", "우산", "우유", "은행", "친구", "커피", "편지", "포도", "하루", "휴가",
                  # a key from 보상, 모델, 학습, 생성, 추론, 정렬, 성능, 연구, 결과 in the first syllable
                  "행성", "포상", "모멸", "각성", "주론", "청렬", "정능", "면구", "멸과", "호수", "하품"]


def test_everyday_korean_words_of_two_syllables_are_not_corrected(bundled_box) -> None:  # noqa: ANN001
    """The two-syllable correction must not turn an everyday word the notes do not hold into another
    word: each of ORDINARY_WORDS finds nothing, named as typed."""
    wrong = {}
    for word in ORDINARY_WORDS:
        found = type_query(bundled_box, word)
        status = bundled_box.inner_text(".pn-search__status")
        if found or status != no_results(word):
            wrong[word] = status
    assert not wrong, wrong


@pytest.mark.parametrize("query", ["보상 ㅁ", "보상 몯", "보상 모데", "보상 ㅏ", "보상 해킹 ㅎ"])
def test_a_last_word_still_being_typed_is_not_left_out_and_named(bundled_box, query: str) -> None:  # noqa: ANN001
    """보상 ㅁ (a pause on the way to 보상 모델) said "결과 22개 — 모든 단어를 담은 노트가 없어 이 단어는 빼고
    찾았습니다: ㅁ", and so 보상 몯 and 보상 모데 (the keyboard's states between 모 and 모델). The last word
    begins a word (a lone consonant its first syllable, 몯 모 and a syllable ㄷ begins, 모데 모델): the notes
    holding the others and such a word; a lone vowel is left out, unnamed."""
    count = "() => Number(document.querySelector('.pn-search__results').dataset.count)"
    assert type_query(bundled_box, query.rsplit(" ", 1)[0])
    most = bundled_box.evaluate(count)
    assert type_query(bundled_box, query)
    status = bundled_box.inner_text(".pn-search__status")
    assert "빼고" not in status and bundled_box.locator(".pn-search__correction").count() == 0, status
    assert 0 < bundled_box.evaluate(count) <= most, status


@pytest.mark.parametrize(("typed", "term", "begun"), [("ㅁ", "모델", True), ("몯", "모델", True), ("몯", "몯", True), ("모데", "모델", True),
                                                    ("핛", "학습", True), ("달", "닭", True), ("호", "화장", True), ("강화학스", "강화학습", True),
                                                    ("몯", "모자", False), ("핛", "학교", False), ("모데", "모든", False), ("ㅁ", "보상", False)])
def test_a_word_being_typed_begins_the_words_its_keys_may_become(bundled_box, typed: str, term: str, begun: bool) -> None:  # noqa: ANN001
    """engine.typedOn: the two-set keyboard's states on the way to a word (몯 and 모데 before 모델: the ㄷ
    is 몯's final until the vowel comes; 핛 before 학습; 달 before 닭; 호 before 화)."""
    assert bundled_box.evaluate("""async ([typed, term]) => {
      const m = await import(new URL("assets/search/engine.js", location.href));
      const on = m.typedOn(typed);
      return on !== null && term.startsWith(on[0]) && term.slice(on[0].length) >= on[1] && term.slice(on[0].length) <= on[2] + "\uffff" && on[3](term);
    }""", [typed, term]) is begun


def test_a_last_syllable_still_being_typed_finds_the_word_it_begins(bundled_box) -> None:  # noqa: ANN001
    """보상 몯 (on the way to 보상 모델) finds the notes writing 보상 모델 first, and marks the concept found, as 강ㅎ does."""
    found = type_query(bundled_box, "보상 몯")
    assert found[0] in set(type_query(bundled_box, "보상모델")), found
    type_query(bundled_box, "보상 몯")
    marks = bundled_box.eval_on_selector_all(".pn-search__results mark", "els => els.map(e => e.textContent)")
    assert any(re.match(r"(?i)models?|모델", m) for m in marks), marks


@pytest.mark.parametrize(("query", "start"), [("추론기", "추론"), ("추론기를", "추론")])
def test_a_korean_word_that_starts_with_a_word_is_not_corrected_to_it_and_a_particle(bundled_box, query: str, start: str) -> None:  # noqa: ANN001
    """추론기 (reasoner, which no note writes, or a word still being typed) said "did you mean:
    추론과", 추론 with a particle: the reader typed 추론 and more. It finds 추론's notes, and no
    correction is offered."""
    assert type_query(bundled_box, query)
    assert bundled_box.locator(".pn-search__correction").count() == 0, bundled_box.inner_text(".pn-search__status")
    marks = bundled_box.eval_on_selector_all(".pn-search__results mark", "els => els.map(e => e.textContent)")
    assert [m for m in marks if m.startswith(start)], marks


@pytest.mark.parametrize(("query", "alone"), [("reinforcement learning 강화학습", "reinforcement learning"), ("강화학습 강화학습", "강화학습"),
                                            ("reward 보상", "reward"), ("강화학습 reinforcement learning", "강화학습")])
def test_a_term_named_twice_finds_what_it_finds_named_once(bundled_box, query: str, alone: str) -> None:  # noqa: ANN001
    """Readers name a term in both languages (reinforcement learning 강화학습) or twice: its second
    naming was read as its first word, asked for literally, and the notes writing the term only in
    the other language were lost (26 notes -> 13). Now the term's first naming decides."""
    count = "() => document.querySelector('.pn-search__results').dataset.count"
    twice = type_query(bundled_box, query), bundled_box.evaluate(count)
    assert twice == (type_query(bundled_box, alone), bundled_box.evaluate(count))
    assert twice[0]


@pytest.mark.parametrize(("query", "tag"), [("#보상 모델", "#보상모델"), ("#reward model", "#reward-model"), ("#강화 학습 태그", "#rl")])
def test_a_hash_before_a_spaced_tag_label_names_the_tag(bundled_box, query: str, tag: str) -> None:  # noqa: ANN001
    """#보상 모델 (the tag's label as the tag page writes it, a space inside) was read as the word 보상
    after a sign: 14 notes holding 보상 and 모델 where #보상모델 lists the tag's 9."""
    type_query(bundled_box, tag)
    want = shown(bundled_box)
    type_query(bundled_box, query)
    assert shown(bundled_box) == want and want[1] not in ("0", None) and want[2]


@pytest.mark.parametrize(("query", "label"), [("강화학습 태그", "강화학습"), ("태그 강화학습", "강화학습"), ("강화학습 태그로", "강화학습"),
                                            ("reward model tag", "reward model"), ("태그: 안전성", "안전성"), ("#rl 태그", "#rl"),
                                            ("tag: #safety", "#safety")])
def test_the_word_tag_beside_a_tags_label_names_the_tag(bundled_box, query: str, label: str) -> None:  # noqa: ANN001
    """Readers type `강화학습 태그` ("the RL tag"): 태그 was searched as a word, which few notes hold,
    so nothing was found. Beside a tag's label it names the tag: the same results as the label."""
    assert type_query(bundled_box, query) == type_query(bundled_box, label) != []


@pytest.mark.parametrize(("query", "other"), [("llama 3", r"\bLLaMA-?2"), ("llama-3", r"\bLLaMA-?2"), ("gpt 4", r"\bGPT-5\b")])
def test_a_name_and_version_typed_apart_leaves_out_notes_on_another_version(bundled_box, query: str, other: str) -> None:  # noqa: ANN001
    """`llama 3` found the one note writing LLaMA-2 (its llama, and a 3 elsewhere), on a site with
    no note on Llama 3; `gpt 4` listed a note on GPT-5 and Claude Opus 4 after the GPT-4 ones. A
    note writing only another version of the name is left out; one on this version stays."""
    version = query.replace("-", " ").split()[1]
    want = holding(rf"\b{query.split()[0].split('-')[0]}[- ]?{version}(?!\d)")
    found = set(type_query(bundled_box, query))
    assert found == want and not found & (holding(other) - want), (found, want)


@pytest.mark.parametrize(("korean", "english"), [("라마2", "llama 2"), ("라마2의", "llama 2"), ("큐웬", "Qwen"), ("큐웬3", "qwen 3"),
                                                  ("지피티4", "gpt 4"), ("라마", "LLaMA"), ("라마 3", "llama 3")])
def test_a_model_name_in_hangul_with_its_version_finds_what_the_english_finds(bundled_box, korean: str, english: str) -> None:  # noqa: ANN001
    """라마2 said no note has the word 라마2 (llama2 finds 2 notes), 큐웬 and 큐웬3 found nothing
    (the notes write Qwen2.5 and Qwen3, never Qwen alone), 라마 missed the note writing LLaMA2-13b,
    and 라마 3 showed a note on LLaMA-2 (llama 3 rightly shows none): the glossary's Korean form is
    found as its English form is, a prefix, its version split off and checked alike."""
    want = sorted(type_query(bundled_box, english)), bundled_box.get_attribute(".pn-search__results", "data-count")
    assert (sorted(type_query(bundled_box, korean)), bundled_box.get_attribute(".pn-search__results", "data-count")) == want
    assert want[0] or english == "llama 3"


@pytest.mark.parametrize(("joined", "apart"), [("LLM에이전트", "LLM 에이전트"), ("RLHF보상", "RLHF 보상"), ("CoT길이", "CoT 길이"),
                                              ("LLM에이전트를", "LLM 에이전트"), ("RL보상모델", "RL 보상모델")])
def test_a_korean_noun_written_onto_a_latin_word_is_searched_as_a_word(bundled_box, joined: str, apart: str) -> None:  # noqa: ANN001
    """A search QA pass: LLM에이전트 listed every note on LLMs (29, none on agents first), RLHF보상 and
    CoT길이 those of RLHF and CoT: the Korean noun was read as an ending (RLHF를) and dropped. Korean
    readers write such compounds without a space; they now find what the words typed apart find."""
    want = type_query(bundled_box, apart), bundled_box.get_attribute(".pn-search__results", "data-count")
    assert (type_query(bundled_box, joined), bundled_box.get_attribute(".pn-search__results", "data-count")) == want
    assert want[0]


@pytest.mark.parametrize(("query", "word"), [("RLHF에서", "RLHF"), ("RL만으로도", "RL"), ("PRM들은", "PRM"), ("distill된", "distill"),
                                             ("overthinking한다는", "overthinking"), ("robust해지고", "robust"), ("RLHF이다", "RLHF")])
def test_grammar_written_onto_a_latin_word_is_still_no_word(bundled_box, query: str, word: str) -> None:  # noqa: ANN001
    """Particles, endings, the copula and light verbs after a Latin word stay grammar (the noun's
    split above must not make them words no note holds)."""
    want = type_query(bundled_box, word), bundled_box.get_attribute(".pn-search__results", "data-count")
    assert (type_query(bundled_box, query), bundled_box.get_attribute(".pn-search__results", "data-count")) == want


def test_the_version_a_note_writes_is_still_found_typed_apart(bundled_box) -> None:  # noqa: ANN001
    assert set(type_query(bundled_box, "llama 2")) == holding(r"\bLLaMA-?2") != set()


@pytest.mark.parametrize(("query", "slug", "spelt"), [("김현우", "simpletom", "kim hyunwoo"), ("최예진", "simpletom", "choi yejin"),
                                                    ("윤재홍", "refusal-falls-off-a-cliff", "yoon jaehong"),
                                                    ("홍일기", "think-rm", "hong ilgee"), ("김현우가", "simpletom", "kim hyunwoo"),
                                                    ("현우 김", "simpletom", "kim hyunwoo"), ("김 현우", "simpletom", "kim hyunwoo"),
                                                    ("예진 최", "simpletom", "choi yejin")])
def test_a_korean_name_typed_in_hangul_finds_the_author_written_in_latin_letters(bundled_box, query: str, slug: str,  # noqa: ANN001
                                                                                spelt: str) -> None:
    """The notes write Hyunwoo Kim, Yejin Choi, Jaehong Yoon and Ilgee Hong, and no authors.yml
    joins them to a Hangul spelling: a Korean reader typing the name in Hangul found nothing.
    The box says which spelling it searched."""
    assert slug in type_query(bundled_box, query)
    assert bundled_box.inner_text(".pn-search__correction") == spelt
    assert "로마자 이름으로 찾았습니다" in bundled_box.inner_text(".pn-search__status")   # not "did you mean"


def test_a_hangul_word_that_is_no_name_still_finds_nothing(bundled_box) -> None:  # noqa: ANN001
    """고양이 (cat) starts like the family name 고 (Ko): no author is Ko Yangi, nothing is shown."""
    assert type_query(bundled_box, "고양이") == []


TUO_ZHAO = {"think-rm", "adversarial-training-of-reward-models"}


@pytest.mark.parametrize(("query", "spelt"), [("퉈 자오", "tuo zhao"), ("투오 자오", "tuo zhao"), ("자오 퉈", "zhao tuo"),
                                              ("자오퉈", "zhao tuo"), ("퉈자오", "tuo zhao")])
def test_a_chinese_name_typed_in_hangul_finds_the_author_written_in_pinyin(bundled_box, query: str, spelt: str) -> None:  # noqa: ANN001
    """Tuo Zhao, written the standard Korean way (퉈 자오: 외래어 표기법's table for Chinese) or
    informally (투오), given name first or last, apart or together: 퉈 자오 said "no results — did
    you mean: 퉈 나오". The box says which spelling it searched."""
    found = type_query(bundled_box, query)
    assert set(found) == TUO_ZHAO and len(found) == 2, found
    assert bundled_box.inner_text(".pn-search__correction") == spelt
    assert "로마자 이름으로 찾았습니다" in bundled_box.inner_text(".pn-search__status")


def test_a_chinese_family_name_in_hangul_is_read_as_a_name_before_a_typo(bundled_box) -> None:  # noqa: ANN001
    """자오 (Zhao) was corrected to 나오 ("comes out"): two notes whose commentary says 나오는, by no
    Zhao. It finds the notes of every author named Zhao, Tuo Zhao's first, and offers no 나오."""
    found = type_query(bundled_box, "자오")
    assert set(found[:2]) == TUO_ZHAO and set(found) == holding(r"\bZhao\b"), found
    status = bundled_box.inner_text(".pn-search__status")
    assert "나오" not in status and "로마자 이름으로 찾았습니다" in status, status
    assert bundled_box.inner_text(".pn-search__correction") == "zhao"


@pytest.mark.parametrize(("query", "family"), [("왕", "Wang"), ("류", "Liu"), ("천", "Chen"), ("저우", "Zhou")])
def test_other_chinese_family_names_in_hangul_find_their_authors(bundled_box, query: str, family: str) -> None:  # noqa: ANN001
    """왕, 류, 천, 저우 found nothing: the notes write Wang, Liu, Chen, Zhou."""
    want = holding(rf"\b{family}\b")
    found = type_query(bundled_box, query)
    assert set(found) <= want and bundled_box.get_attribute(".pn-search__results", "data-count") == str(len(want)), found
    assert bundled_box.inner_text(".pn-search__correction") == family.lower()


STANDARD_PINYIN = {"자오": "zhao", "퉈": "tuo", "왕": "wang", "장": "zhang", "류": "liu", "천": "chen", "리": "li", "쉬": "xu",
                   "황": "huang", "저우": "zhou", "우": "wu", "양": "yang", "슝": "xiong", "첸": "qian", "톈": "tian",
                   "쥐안": "juan", "웨이": "wei", "쑨": "sun", "취": "qu", "뤼": "lu", "즈": "zhi", "쓰": "si", "르": "ri",
                   "샤오핑": "xiaoping", "쩌둥": "zedong", "진핑": "jinping", "위안": "yuan", "둥": "dong", "궈": "guo",
                   "제": "jie", "셰": "xie", "주": "zhu", "추": "chu", "녠": "nian", "롄": "lian", "댜오": "diao", "얼": "er"}
INFORMAL_PINYIN = {"투오": "tuo", "쟈오": "jiao", "지아오": "jiao", "송": "song", "리우": "liu", "조우": "zhou", "첸": "chen",
                   "시": "shi", "유": "yu", "얀": "yan", "구오": "guo", "지아": "jia"}


def test_the_pinyin_table_follows_the_standard_korean_forms(bundled_box) -> None:  # noqa: ANN001
    """hangul-pinyin.js reads each Hangul form of 외래어 표기법's table as its pinyin, most likely
    first, and the common informal forms too; a Korean word that is no pinyin reads as nothing."""
    spell = bundled_box.evaluate("""async (words) => {
      const m = await import(new URL("assets/search/hangul-pinyin.js", location.href));
      return Object.fromEntries(words.map((w) => [w, m.pinyinSpellings(w)]));
    }""", list(STANDARD_PINYIN) + list(INFORMAL_PINYIN) + ["고양이", "강화학습", "모델"])
    assert {w: spell[w][0] for w in STANDARD_PINYIN} == STANDARD_PINYIN
    assert all(latin in spell[w] for w, latin in INFORMAL_PINYIN.items()), spell
    assert spell["고양이"] == spell["강화학습"] == spell["모델"] == []


STANDARD_HEPBURN = {"다나카": "tanaka", "스즈키": "suzuki", "사토": "sato", "다카하시": "takahashi", "와타나베": "watanabe",
                    "이토": "ito", "야마모토": "yamamoto", "나카무라": "nakamura", "고바야시": "kobayashi", "가토": "kato",
                    "요시다": "yoshida", "마쓰오": "matsuo", "료": "ryo", "슌": "shun", "겐지": "kenji", "유키": "yuki",
                    "핫토리": "hattori", "쓰치야": "tsuchiya", "후지타": "fujita", "지바": "chiba",
                    "신이치": "shinichi", "홋카이도": "hokkaido", "닛폰": "nippon", "교": "kyo", "쇼": "sho", "오노": "ono"}
INFORMAL_HEPBURN = {"주조": "chujo", "다나카": "danaka", "타나카": "tanaka", "스즈끼": "suzuki", "사토우": "sato", "사또": "sato", "이또": "ito", "마츠오": "matsuo",
                    "마쯔오": "matsuo", "켄지": "kenji", "쥰": "jun", "쿄": "kyo", "난바": "namba", "혼마": "homma"}
LONG_HEPBURN = {"사토": ["satou", "satoh", "satoo"], "오노": ["ohno", "oono"], "유키": ["yuuki"], "료": ["ryou", "ryoh"]}


def test_the_hepburn_table_follows_the_korean_rules_for_japanese(bundled_box) -> None:  # noqa: ANN001
    """hangul-hepburn.js reads a word by 외래어 표기법's rules for Japanese (k, t, ch plain at a word's
    start and aspirated inside it, 쓰 tsu, syllabic n as ㄴ, the small tsu as ㅅ, long vowels not
    written), most likely first, a long vowel's spellings with the plain one, and other readings
    (주조: juzo, chujo...) and informal forms too; a word with a final no kana spell (강화학습, 모델, 황) reads as nothing."""
    spell = bundled_box.evaluate("""async (words) => {
      const m = await import(new URL("assets/search/hangul-hepburn.js", location.href));
      return Object.fromEntries(words.map((w) => [w, m.hepburnSpellings(w).map((r) => r.split("|"))]));
    }""", list(STANDARD_HEPBURN) + list(INFORMAL_HEPBURN) + ["강화학습", "모델", "황", "고양이", "다카"])
    assert {w: spell[w][0][0] for w in STANDARD_HEPBURN} == STANDARD_HEPBURN
    assert all(any(latin in r for r in spell[w]) for w, latin in INFORMAL_HEPBURN.items()), spell
    assert all(set(more) <= set(spell[w][0]) for w, more in LONG_HEPBURN.items()), spell
    assert spell["강화학습"] == spell["모델"] == spell["황"] == spell["고양이"] == []
    assert [r[0] for r in spell["다카"]] == ["taka", "daka"]     # 카 inside is ka only, 가 would be ga


def test_the_name_tables_are_loaded_only_for_a_hangul_query_that_may_be_a_chinese_or_japanese_name(browser, bundled: str) -> None:  # noqa: ANN001
    """A search loads hangul-pinyin.js and hangul-hepburn.js only when its Hangul found nothing, not
    even as a Korean name, or is one word of one or two syllables that kana or pinyin may spell
    (nameFirst): not for a glossary term, a longer word, one with another final (환각, 모델), nor a
    word of two syllables that the notes write as a word (차이, difference, though it reads as Cai)."""
    page = new_page(browser, DESKTOP, "ko")
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url.rsplit("/", 1)[-1]))
    try:
        page.goto(bundled)
        for query in ("보상 모델", "강화학습", "환각", "보상", "모델", "차이", "reward", "김현우", "현우"):
            assert type_query(page, query)
        assert "hangul-names.js" in loaded and not {"hangul-pinyin.js", "hangul-hepburn.js"} & set(loaded), loaded
        assert type_query(page, "다나카") == []
        assert {"hangul-pinyin.js", "hangul-hepburn.js"} <= set(loaded)
    finally:
        page.context.close()


def test_a_short_hangul_word_that_is_an_authors_name_finds_the_authors_notes_after_its_own(bundled_box) -> None:  # noqa: ANN001
    """황 found only the note writing 장황한 (verbose): as a word that found notes it was never read
    as a name. A Huang's notes follow now, named, after the note holding the syllable (the Hangul
    as typed first: 보 put the notes of a Bo before those writing 보상)."""
    found = type_query(bundled_box, "황")
    huang = holding(r"\bHuang\b")
    assert found[0] == "video-reasoning-without-training" and set(found[1:]) == huang, found
    assert bundled_box.inner_text(".pn-search__correction") == "huang"
    status = bundled_box.inner_text(".pn-search__status")
    assert "이어서 로마자 이름으로 찾은 노트: huang" in status and "로마자 이름으로 찾았습니다" not in status
    # 나오 reads as pinyin (nao) and as kana (Nao), but no author is named so: the notes writing 나오는, unnamed.
    assert type_query(bundled_box, "나오")
    assert "로마자" not in bundled_box.inner_text(".pn-search__status")


def _japanese_note(slug: str, day: int, authors: str, ko: str) -> tuple[str, str]:
    return f"2025/{slug}.md", f"""---
title: "Note {slug}"
authors: [{authors}]
date: 2025-06-{day:02d}
tags: [rl]
url: https://example.org/{slug}
---

## 한국어

{ko}

## English

A note.
"""


JAPANESE_NOTES = dict([
    _japanese_note("jp-tanaka", 1, "Kenji Tanaka, Wei Liu", "일본 저자의 노트."),
    _japanese_note("jp-suzuki", 2, "Yuki Suzuki", "일본 저자의 노트."),
    _japanese_note("jp-sato", 3, "Ryō Satō", "일본 저자의 노트."),
    _japanese_note("jp-satoh", 4, "Haruka Satoh", "일본 저자의 노트."),
    _japanese_note("jp-takahashi", 5, "Shun Takahashi, Aiko Watanabe", "일본 저자의 노트."),
    _japanese_note("jp-ito", 6, "Hiroshi Ito", "일본 저자의 노트."),
    _japanese_note("jp-hattori", 7, "Daisuke Hattori, Yutaka Matsuo", "일본 저자의 노트."),
    _japanese_note("jp-mori", 8, "Takeshi Mori", "일본 저자의 노트."),
    _japanese_note("cn-yi-tuo", 9, "Yi Tuo, Tuo Yi, Jun Kato-Lee", "중국 저자의 노트."),
    _japanese_note("memory", 10, "Ada Lovelace", "메모리를 줄이는 방법."),
])


@pytest.fixture(scope="module")
def japanese(tmp_path_factory: pytest.TempPathFactory, serve) -> str:  # noqa: ANN001
    return _served_site(tmp_path_factory, serve, "search-japanese", JAPANESE_NOTES, {})


@pytest.mark.parametrize(("query", "slugs", "spelt"), [
    ("다나카", ["jp-tanaka"], "tanaka"), ("겐지 다나카", ["jp-tanaka"], "kenji tanaka"),
    ("다나카 겐지", ["jp-tanaka"], "tanaka kenji"), ("스즈키", ["jp-suzuki"], "suzuki"), ("스즈끼", ["jp-suzuki"], "suzuki"),
    ("사토", ["jp-sato", "jp-satoh"], "sato"), ("사또", ["jp-sato", "jp-satoh"], "sato"), ("사토우", ["jp-sato", "jp-satoh"], "sato"),
    ("료", ["jp-sato"], "ryo"), ("다카하시", ["jp-takahashi"], "takahashi"), ("슌", ["jp-takahashi"], "shun"),
    ("와타나베", ["jp-takahashi"], "watanabe"), ("이토", ["jp-ito"], "ito"), ("이또", ["jp-ito"], "ito"),
    ("핫토리", ["jp-hattori"], "hattori"), ("마쓰오", ["jp-hattori"], "matsuo"), ("마츠오", ["jp-hattori"], "matsuo")])
def test_a_japanese_name_typed_in_hangul_finds_the_author_written_in_hepburn(pages, japanese: str, query: str,  # noqa: ANN001
                                                                             slugs: list[str], spelt: str) -> None:
    """Tanaka, Suzuki, Satō or Satoh, Takahashi, Watanabe, Ito written the standard Korean way (다나카,
    사토, 이토: 외래어 표기법's rules for Japanese, long vowels not written) or informally (스즈끼, 사또,
    사토우, 마츠오) found nothing (타나카 and 유키 did, read as pinyin and as a Korean given name). The notes of that author, and the box says which spelling it searched."""
    page = open_page(pages, japanese, DESKTOP)
    assert sorted(type_query(page, query)) == slugs
    assert page.inner_text(".pn-search__correction") == spelt
    assert "로마자 이름으로 찾았습니다" in page.inner_text(".pn-search__status")


def test_a_japanese_name_in_hangul_is_not_read_as_pinyin(pages, japanese: str) -> None:  # noqa: ANN001
    """이토 is Ito, not the Chinese Yi Tuo (이 yi, 퉈 or 투오 tuo) nor Kato-Lee; and a Hangul word no
    kana spell (고양이) is no name."""
    page = open_page(pages, japanese, DESKTOP)
    assert type_query(page, "이토") == ["jp-ito"]
    assert type_query(page, "이 투오") == ["cn-yi-tuo"]
    assert type_query(page, "고양이") == []


def test_a_japanese_name_that_is_also_a_syllable_of_a_word_finds_the_author_after_it(pages, japanese: str) -> None:  # noqa: ANN001
    """모리 is inside 메모리 (memory): the note writing 메모리, as typed, then the one by Takeshi Mori."""
    page = open_page(pages, japanese, DESKTOP)
    assert type_query(page, "모리") == ["memory", "jp-mori"]
    assert page.inner_text(".pn-search__correction") == "mori"


@pytest.mark.parametrize(("query", "first"), [("강화학습을 이용한 추론", None), ("LLM을 위한 강화학습", None),
                                              ("thought manipulation safety qwertyzz", "thought-manipulation")])
def test_a_word_no_note_holds_is_left_out_beside_words_that_find_notes(bundled_box, query: str, first: str | None) -> None:  # noqa: ANN001
    """강화학습을 이용한 추론 said "No results. No note contains: 이용한": a reader's filler word
    (이용한, 위한) cost the whole query. The notes of the other words show, the word named."""
    slugs = type_query(bundled_box, query)
    assert slugs and (slugs[0] == first if first else len(slugs) >= 3), slugs
    dropped = {"강화학습을 이용한 추론": "이용한", "LLM을 위한 강화학습": "위한", "thought manipulation safety qwertyzz": "qwertyzz"}[query]
    why = "흔한 단어는" if dropped in ("이용한", "위한") else "어느 노트에도 없는 단어는"   # a question's word, or one no note holds
    assert bundled_box.inner_text(".pn-search__status").endswith(why + " 빼고 찾았습니다: " + dropped)
    marks = bundled_box.eval_on_selector_all(".pn-search__results mark", "els => els.map(e => e.textContent)")
    assert dropped not in marks


@pytest.mark.parametrize(("query", "named"), [("Qwertyzz", "Qwertyzz"), ("Qwertyzz-9Z", "Qwertyzz-9Z"),
                                            ("Thought Manipulation Safety Qwertyzz", "Qwertyzz")])
def test_a_word_no_note_holds_is_named_as_the_reader_typed_it(bundled_box, query: str, named: str) -> None:  # noqa: ANN001
    """"No note contains: gpt-9z" for GPT-9z: the box named the words lower-cased, as the index
    compares them, not as the reader typed them. (GPT-9z now finds GPT's notes, named without 9z:
    test_a_hyphenated_name_no_note_writes_finds_its_first_parts_notes.)"""
    type_query(bundled_box, query)
    said = bundled_box.eval_on_selector_all(".pn-search__status strong.pn-search__missing", "els => els.map(e => e.textContent)")
    assert said == [named], said


@pytest.mark.parametrize(("query", "first", "left"), [
    ("환각 줄이기", "are-reasoning-models-more-prone-to-hallucination", "줄이기"),
    ("DPO와 PPO 비교", "rlhs-hindsight-simulation", "비교"),
    ("추론 모델이 환각을 더 많이 하나", "are-reasoning-models-more-prone-to-hallucination", "하나"),
])
def test_an_everyday_korean_word_beside_the_subject_is_left_out(bundled_box, query: str, first: str, left: str) -> None:  # noqa: ANN001
    """환각 줄이기, DPO와 PPO 비교 and a question found nothing ("no note contains all of these words:
    try fewer", without saying which): every note holding 비교 or 줄이기 lacked the subject. English
    has its common words; a Korean sentence has endless everyday ones. The subject's notes show,
    and the word left out is named."""
    slugs = type_query(bundled_box, query)
    assert slugs and slugs[0] == first, slugs
    assert bundled_box.inner_text(".pn-search__status").endswith("이 단어는 빼고 찾았습니다: " + left)


def test_a_long_query_no_note_holds_whole_shows_the_notes_holding_most_of_it(bundled_box) -> None:  # noqa: ANN001
    """`reward models trained on pairwise comparisons` said "no results, no note contains all of
    these words" (a long Korean sentence is rescued: withoutPlainKorean). The notes holding most of
    its words show, those holding more first, and the box says so."""
    words = [r"\breward models?\b|보상 ?모델", r"\btrain", r"\bpairwise", r"\bcomparison"]
    found = type_query(bundled_box, "reward models trained on pairwise comparisons")
    assert found and bundled_box.inner_text(".pn-search__status").endswith(
        "모든 단어를 담은 노트가 없어 가장 많은 단어를 담은 노트를 보여 줍니다")
    held = [sum(slug in holding(w) for w in words) for slug in found]
    assert all(n >= 3 for n in held) and held == sorted(held, reverse=True), held


def test_a_query_of_generic_words_only_shows_the_notes_holding_most_of_them(bundled_box) -> None:  # noqa: ANN001
    """논문 연구 (paper research): with nothing else to search, the generic words are searched as
    words, and no bundled note writes both: "no results". The notes holding either now show, and
    the box says they hold the most of its words."""
    found = type_query(bundled_box, "논문 연구")
    assert found and set(found) == holding("논문") | holding("연구")
    assert bundled_box.inner_text(".pn-search__status").endswith("모든 단어를 담은 노트가 없어 가장 많은 단어를 담은 노트를 보여 줍니다")


def test_a_given_names_short_form_finds_the_author(bundled_box) -> None:  # noqa: ANN001
    """`Tom Griffiths` (as the field calls him) found nothing: the notes write Thomas L. Griffiths."""
    griffiths = type_query(bundled_box, "Griffiths")
    assert len(griffiths) == 3 and sorted(type_query(bundled_box, "Tom Griffiths")) == sorted(griffiths)
    # and each result says why: "Thomas" is marked in its authors (nothing was, so the box showed
    # an abstract passage instead, with "to" marked as if it matched)
    lines = bundled_box.eval_on_selector_all(".pn-search__result .pn-search__authors",
                                             "ls => ls.map(l => [...l.querySelectorAll('mark')].map(m => m.textContent))")
    assert lines == [["Thomas", "Griffiths"]] * 3, lines
    wheres = bundled_box.eval_on_selector_all(".pn-search__result .pn-search__where", "ws => ws.map(w => w.textContent)")
    assert not [w for w in wheres if "초록" in w], wheres  # no abstract passage fetched to explain it


ACRONYMS = [
    # ToM (theory of mind) found every note by a Thomas (the index held `tom` as his short name)
    # and marked "to models"; AIME found the notes writing "aim" (its Snowball stem); AI every
    # word starting with ai (AIME, aim). Typed in capitals, each is the whole word now, with a
    # version or a Korean ending (AIME25에서) or a plural (LLMs) after it.
    ("ToM", r"\bToM\b|theory[- ]of[- ]mind", {"thomas", "to models", "tomorrow"}),
    ("AIME", r"\bAIME", {"aim"}),
    ("AI", r"\bAIs?\b|\bAI(?=[가-힣\d])", {"aim", "aime"}),
]


@pytest.mark.parametrize(("query", "writes", "unmarked"), ACRONYMS)
def test_an_acronym_typed_in_capitals_is_that_word_not_a_stem_or_a_name(bundled_box, query: str, writes: str,  # noqa: ANN001
                                                                          unmarked: set[str]) -> None:
    found = type_query(bundled_box, query)
    expected = {slug for slug in holding(writes)}
    assert found and set(found) <= expected, set(found) - expected
    marks = bundled_box.eval_on_selector_all(".pn-search__results mark", "els => els.map(e => e.textContent.toLowerCase())")
    assert not {m for m in marks if m in unmarked}, marks
    # Typed in lower case it is any word, as before: tom finds Tom Griffiths' notes (Thomas).
    if query == "ToM":
        assert set(type_query(bundled_box, "tom")) > set(found)


ACRONYM_NOTES = {
    "2025/aimed.md": """---
title: "Nu: Aimed at Tomorrow"
authors: [Ada Lovelace]
date: 2025-06-01
tags: [rl]
url: https://example.org/nu
---

## 한국어

내일을 위한 방법.

## English

A method aimed at tomorrow's models.
""",
    "2025/benchmark.md": """---
title: "Xi: Scores Reported"
authors: [Ada Lovelace]
date: 2025-05-01
tags: [rl]
url: https://example.org/xi
---

## 한국어

AIME 2024와 ToM 과제의 점수.

## English

Scores on AIME 2024 and on ToM tasks.
""",
}


@pytest.fixture(scope="module")
def acronyms_site(tmp_path_factory: pytest.TempPathFactory, serve) -> str:  # noqa: ANN001
    return _served_site(tmp_path_factory, serve, "search-acronyms", ACRONYM_NOTES, {})


@pytest.mark.parametrize("query", ["aime", "Aime", "tom", "Tom"])
def test_a_word_the_notes_write_only_as_an_acronym_finds_the_acronym_first(pages, acronyms_site: str, query: str) -> None:  # noqa: ANN001
    """aime, as a phone types it (Aime), listed first the note titled "Aimed at Tomorrow" (aim and
    aimed are its words), and tom too (tomorrow), above the note on AIME and ToM: the notes write
    them only in capitals, so that is what the reader means. The other words still follow (tom may
    be on its way to tomorrow)."""
    page = open_page(pages, acronyms_site, DESKTOP)
    assert type_query(page, query) == ["benchmark", "aimed"]


@pytest.mark.parametrize(("query", "longer"), [("RLH", r"\bRLH[A-Z]"), ("GRP", r"\bGRPO")])
def test_an_acronym_being_typed_finds_and_marks_the_longer_ones(bundled_box, query: str, longer: str) -> None:  # noqa: ANN001
    """On the way to RLHF, RLH found only the note writing RLHS (read as RLH's plural): 26 notes at
    RL, 1 at RLH, 7 at RLHF. GRP found GRPO's notes with nothing marked. An acronym no note writes
    is looked up as any word, and marked so."""
    found = set(type_query(bundled_box, query))
    assert found == holding(longer), found ^ holding(longer)
    marks = bundled_box.eval_on_selector_all(".pn-search__results mark", "els => els.map(e => e.textContent)")
    assert [m for m in marks if re.match(longer.replace("\\b", ""), m)], marks


@pytest.mark.parametrize(("query", "function"), [("evaluation of reasoning", "of"), ("alignment on preference", "on"),
                                               ("what is the reward model", "the")])
def test_a_function_word_beside_others_is_not_marked(bundled_box, query: str, function: str) -> None:  # noqa: ANN001
    """The of and on of a query were marked wherever a result's excerpt wrote them (a Korean reader
    was even shown a note's English passage for its "on"); the other words are marked."""
    assert type_query(bundled_box, query)
    marks = bundled_box.eval_on_selector_all(".pn-search__results mark", "els => els.map(e => e.textContent.toLowerCase())")
    assert marks and function not in marks, marks


@pytest.mark.parametrize("query", ["GPT-4o", "gpt-4o", "GPT-4o 정확도"])
def test_a_model_name_the_glossary_knows_is_marked_whole_with_its_version(bundled_box, query: str) -> None:  # noqa: ANN001
    """GPT is a glossary term: GPT-4o was read as it and the word 4o, and marked in two pieces
    (GPT, 4o의). A glossary name, a hyphen and a version are one name, as the index holds GPT-4o."""
    assert set(type_query(bundled_box, query)) == holding(r"\bGPT-4o\b")
    marks = bundled_box.eval_on_selector_all(".pn-search__results mark", "els => els.map(e => e.textContent)")
    named = [m for m in marks if re.search(r"gpt|4o", m, re.I)]
    assert named and all(re.match(r"GPT-4o", m) for m in named), marks


@pytest.mark.parametrize("query", ["Think-RM", "think-rm"])
def test_two_glossary_terms_joined_by_a_hyphen_are_one_name(bundled_box, query: str) -> None:  # noqa: ANN001
    """Think-RM is a model's name, but thinking and RM (reward model) are each a glossary term: it
    was read as the two terms, found the notes holding both and marked Reward Model and 보상 모델 in
    notes that never name it. Like GPT-4o, it is one name."""
    assert set(type_query(bundled_box, query)) == holding(r"\bThink-RM\b")
    marks = bundled_box.eval_on_selector_all(".pn-search__results mark", "els => els.map(e => e.textContent)")
    assert "Think-RM" in marks and not [m for m in marks if re.search(r"reward|보상|^RM", m, re.I)], marks


@pytest.mark.parametrize("query", ["thought", "Thought", "생각"])
def test_a_result_its_title_explains_shows_the_readers_language(pages, bundled: str, query: str) -> None:  # noqa: ANN001
    """An English reader's `thought` found Mind Your Step (by Step), its title's Chain-of-Thought
    marked, and was shown the Korean commentary's passage marking 생각 ("Found in the Korean
    commentary"): the title says why it matched, so the English commentary shows, from its start."""
    page = open_page(pages, bundled, DESKTOP, "en")
    assert "mind-your-step-by-step" in type_query(page, query)
    result = '.pn-search__result:has(a[href$="/notes/mind-your-step-by-step/"])'
    assert page.locator(f"{result} a.pn-search__title mark").count() == 1
    shown = page.inner_text(f'{result} .pn-search__summary > [lang="en"]')
    assert "Korean commentary" not in shown and not re.search("[가-힣]", shown), shown


@pytest.mark.parametrize(("query", "apart"), [("hiddenstates", "hidden states"), ("earlyexit", "early exit"),
                                             ("mentalstate", "mental state"), ("processreward", "process reward")])
def test_two_words_typed_without_the_space_are_searched_apart(bundled_box, query: str, apart: str) -> None:  # noqa: ANN001
    """A phone's keyboard drops a space: hiddenstates found nothing. A long word no note holds
    that is two words the notes write is searched as those two, and the box offers them."""
    found = type_query(bundled_box, query)
    assert found and found == type_query(bundled_box, apart)
    type_query(bundled_box, query)
    assert bundled_box.inner_text(".pn-search__correction") == apart
    assert type_query(bundled_box, "qwertyuiopas") == []      # no two words: nothing, as before


@pytest.mark.parametrize("query", ["don't know", "don’t know"])
def test_an_apostrophe_makes_no_one_letter_word(bundled_box, query: str) -> None:  # noqa: ANN001
    """don't was searched as `don` and `t`: every note holding a word starting with t, its
    excerpt marking thinking, teacher, trajectory... The clitic goes; the note writing
    "I don't know" comes first, its `don` marked."""
    slugs = type_query(bundled_box, query)
    assert slugs[0] == "automatic-curriculum-expert-iteration"
    marks = bundled_box.eval_on_selector_all(".pn-search__results mark", "els => els.map(e => e.textContent.toLowerCase())")
    assert "don" in marks and all(m.startswith(("don", "know")) for m in marks), marks


@pytest.mark.parametrize(("query", "written"), [("변환된 보상", "변환된 보상"), ("외부 보상", "외부 보상"), ("정책 학습", "정책 학습")])
def test_a_word_beside_a_glossary_term_ranks_the_notes_writing_them_together_first(bundled_box, query: str, written: str) -> None:  # noqa: ANN001
    """Two Korean words count as one compound where a note writes them side by side; when one was a
    glossary term (보상: reward, 정책: policy) that was not asked, so a note holding 변환된 and 보상
    far apart ranked above the one writing 변환된 보상."""
    want = holding(written)
    slugs = type_query(bundled_box, query)
    assert set(slugs[:len(want)]) == want, slugs


def test_a_name_typed_as_one_word_is_marked_where_the_note_hyphenates_it(bundled_box) -> None:  # noqa: ANN001
    """thinkrm and gpt4o found Think-RM and the notes writing GPT-4o, but marked nothing in them: a
    result did not show why it matched. Only Korean compounds were marked across a space."""
    found = type_query(bundled_box, "thinkrm")
    assert found[0] == "think-rm" and set(found) == holding(r"\bThink-RM\b")
    title = bundled_box.eval_on_selector_all(".pn-search__result a.pn-search__title mark", "els => els.map(e => e.textContent)")
    assert title == ["Think-RM"]
    assert type_query(bundled_box, "gpt4o")
    marked = bundled_box.eval_on_selector_all(".pn-search__results mark", "els => els.map(e => e.textContent)")
    assert "GPT-4o" in marked and all(m.startswith("GPT-4o") for m in marked), marked


@pytest.mark.parametrize(("query", "written"), [("jirong wen", r"\bJi-Rong Wen"), ("damour", r"\bAlex D'Amour"), ("tatseng", r"\bTat-Seng Chua")])
def test_an_author_name_in_parts_typed_as_one_word_finds_the_note(bundled_box, query: str, written: str) -> None:  # noqa: ANN001
    """Readers type Ji-Rong Wen as jirong and D'Amour as damour: "No note contains: jirong", and
    damour was "corrected" to amour."""
    want = holding(written)
    assert want and want <= set(type_query(bundled_box, query))
    assert bundled_box.locator(".pn-search__correction").count() == 0


@pytest.mark.parametrize(("query", "slug"), [("Hyun-woo Kim", "simpletom"), ("kim hyun-woo", "simpletom"), ("jae-hong yoon", "refusal-falls-off-a-cliff")])
def test_a_name_typed_with_a_hyphen_finds_the_note_writing_it_as_one_word(bundled_box, query: str, slug: str) -> None:  # noqa: ANN001
    """A romanised Korean given name is written Hyunwoo or Hyun-woo: a reader typing Hyun-woo Kim
    got "No note contains: woo" for the note by Hyunwoo Kim (the index joins a hyphenated name,
    the box did not). The name is marked in the authors, whose line shows why it matched."""
    assert type_query(bundled_box, query) == [slug]
    if slug == "simpletom":
        authors = bundled_box.eval_on_selector_all(".pn-search__result .pn-search__authors mark", "els => els.map(e => e.textContent)")
        assert sorted(authors) == ["Hyunwoo", "Kim"], authors


@pytest.mark.parametrize("query", ["ji-rong wen", "Ji-Rong Wen", "ji-rong"])
def test_a_name_part_typed_with_its_hyphen_is_that_part_not_words_its_halves_start(bundled_box, query: str) -> None:  # noqa: ANN001
    """ji-rong wen found Ji-Rong Wen's note, marking Jinhao, Jiang, Jie (ji as a prefix), and a
    second note, Secrets of RLHF, through Jin, Rongxiang and Wenbin; jirong wen found the one note.
    The index holds the name part joined (jirong, in the people field): typed with its hyphen it is
    that part, each half only a word of its own."""
    assert type_query(bundled_box, query) == ["imitate-explore-self-improve"]
    marked = bundled_box.eval_on_selector_all(".pn-search__result mark", "ms => ms.map(m => m.textContent)")
    assert "Ji-Rong" in marked and set(marked) <= {"Ji-Rong", "Wen"}, marked


@pytest.mark.parametrize("query", ["GPT-4", "gpt 4"])
def test_a_model_name_ranks_the_notes_writing_it_above_those_holding_its_parts(bundled_box, query: str) -> None:  # noqa: ANN001
    """GPT-4 (gpt and 4) ranked first a note writing GPT-5 and Claude Opus 4 and never GPT-4."""
    want = holding(r"\bGPT-4")
    found = type_query(bundled_box, query)
    assert set(found[:len(want)]) == want, found


@pytest.mark.parametrize(("query", "first"), [("choi", "simpletom"), ("reason", "reasons-to-reject")])
def test_a_word_held_whole_ranks_above_longer_words_it_starts(bundled_box, query: str, first: str) -> None:  # noqa: ANN001
    """`choi` ranked the title "…Intertemporal Choice" above the paper by Yejin Choi: a prefix in a
    title outweighed a whole name. A word's own inflections still count whole (reasons for reason)."""
    assert type_query(bundled_box, query)[0] == first


@pytest.mark.parametrize(("query", "slug", "shown"), [("Jaehong Yoon", "refusal-falls-off-a-cliff", "Jaehong Yoon"), ("yejin choi", "simpletom", "Yejin Choi"),
                                                      ("jae-hong yoon", "refusal-falls-off-a-cliff", "Jaehong Yoon")])
def test_an_author_past_the_cards_first_names_is_shown_where_the_query_names_them(browser, bundled: str, query: str, slug: str, shown: str) -> None:  # noqa: ANN001
    """A search by a senior author (Yejin Choi, often last) found the note, but its result showed
    the first six authors and "…": nothing said why it matched. Then the author the query names
    was shown after those six, which on a phone's one line was cut off at its end. Now the line
    is the first author, "…", the author named, marked, and "…": seen whole on a phone too."""
    for size in (DESKTOP, PHONE):
        page = new_page(browser, size, "ko")
        try:
            page.goto(bundled)
            assert type_query(page, query) == [slug]
            line = page.inner_text(".pn-search__result .pn-search__authors")
            authors = page.eval_on_selector_all(".pn-search__result .pn-search__authors mark", "els => els.map(e => e.textContent)")
            names = line.split(", ")
            assert " ".join(authors) == shown and names[1:3] == ["…", shown], line
            seen = page.eval_on_selector(".pn-search__result .pn-search__authors", """line => {
              const box = line.getBoundingClientRect(), mark = line.querySelector('mark').getBoundingClientRect();
              return mark.left >= box.left && mark.right <= box.right + 0.5; }""")
            assert seen, (size, line)
        finally:
            page.context.close()


@pytest.mark.parametrize(("plural", "singular"), [("PRMs", "PRM"), ("VLMs", "VLM"), ("MLLMs를", "MLLM"), ("LLMs", "LLM")])
def test_an_acronyms_plural_finds_what_its_singular_finds(bundled_box, plural: str, singular: str) -> None:  # noqa: ANN001
    """PRMs found 1 note of PRM's 4, VLMs 1 of 3, LLMs 24 of 29: Snowball leaves a word without a
    vowel whole, so the plural was a prefix of no note's PRM, nor named the glossary's PRM."""
    count = ".pn-search__results"
    found = type_query(bundled_box, singular)
    want = bundled_box.get_attribute(count, "data-count")
    again = type_query(bundled_box, plural)
    assert found and bundled_box.get_attribute(count, "data-count") == want and (int(want) > len(found) or set(again) == set(found)), again
    marked = bundled_box.eval_on_selector_all(".pn-search__results mark", "els => els.map(e => e.textContent.toLowerCase())")
    assert singular.lower() in marked, marked


@pytest.mark.parametrize(("query", "slug", "marked"), [("os world", "computer-use-agents-blind-goal-directedness", "OSWorld"),
                                                       ("hyun woo kim", "simpletom", "Hyunwoo"), ("kim hyun woo", "simpletom", "Hyunwoo")])
def test_two_words_typed_apart_find_the_note_writing_them_as_one(bundled_box, query: str, slug: str, marked: str) -> None:  # noqa: ANN001
    """os world and hyun woo kim said "No note contains all of these words" for the notes writing
    OSWorld and Hyunwoo Kim (no note holds world, nor woo, apart). When nothing is found, two
    adjacent words are tried as one, and the one word is marked."""
    assert type_query(bundled_box, query) == [slug]
    marks = bundled_box.eval_on_selector_all(".pn-search__results mark", "els => els.map(e => e.textContent)")
    assert marked in marks and bundled_box.locator(".pn-search__correction").count() == 0, marks


@pytest.mark.parametrize(("query", "plain"), [("에이전트들", "에이전트"), ("보상 모델들의", "보상 모델"), ("추론할", "추론"), ("검증하기", "검증"),
                                              ("학습시켰다", "학습"), ("환각이란", "환각"), ("보상이라는", "보상"), ("보상에서의", "보상"), ("보상으로부터", "보상")])
def test_a_korean_plural_ending_or_stacked_particle_finds_what_the_word_finds(bundled_box, query: str, plain: str) -> None:  # noqa: ANN001
    """에이전트들, 추론할, 검증하기, 학습시켰다 and 환각이란 found nothing ("No note contains"); 보상 모델들의,
    보상이라는, 보상에서의 and 보상으로부터 found only the notes writing those very forms (0 to 4 of 14 to 22)."""
    count = ".pn-search__results"
    found = type_query(bundled_box, plain)
    want = bundled_box.get_attribute(count, "data-count")
    again = type_query(bundled_box, query)
    assert found and bundled_box.get_attribute(count, "data-count") == want and (int(want) > len(found) or set(again) == set(found)), again


def test_british_and_american_spellings_in_our_find_each_other(bundled_box) -> None:  # noqa: ANN001
    """Ten notes write behaviour, the others behavior: each spelling found only its own (behaviour
    alignment did not find Behavior Alignment via Reward Function Optimization)."""
    want = holding(r"\bbehaviou?r")
    count = ".pn-search__results"
    type_query(bundled_box, "behaviour")
    assert bundled_box.get_attribute(count, "data-count") == str(len(want))
    type_query(bundled_box, "behavior")
    assert bundled_box.get_attribute(count, "data-count") == str(len(want))
    assert type_query(bundled_box, "behaviour alignment")[0] == "behavior-alignment-via-reward-function-optimization"
    title = bundled_box.eval_on_selector_all(".pn-search__result a.pn-search__title mark", "els => els.map(e => e.textContent)")
    assert "Behavior" in title, title


@pytest.mark.parametrize("query", ["pre-training", "pre training"])
def test_a_phrase_named_in_the_body_ranks_above_its_words_apart_in_a_title(bundled_box, query: str) -> None:  # noqa: ANN001
    """pre-training (a glossary phrase) ranked GTR second, above two of the three notes writing
    pre-training: its title holds Prevents and Training, which counted as the phrase in the title."""
    want = holding(r"pre-?training|사전 학습")
    found = type_query(bundled_box, query)
    assert len(want) == 3 and set(found[:3]) == want, found


ALIASED_NOTES = {
    "2025/aliased-first.md": """---
title: "Kappa: A Named Author"
authors: [Minji Kim, Ada Lovelace]
org: Google DeepMind
date: 2025-05-01
tags: [rl]
url: https://example.org/kappa
---

## 한국어

별칭 시험.

## English

An alias test.
""",
    "2025/aliased-last.md": """---
title: "Lambda: A Senior Author"
authors: [A One, B Two, C Three, D Four, E Five, F Six, G Seven, Wei Zhang]
date: 2025-05-02
tags: [rl]
url: https://example.org/lambda
---

## 한국어

별칭 시험.

## English

An alias test.
""",
    "2025/aliased-hangul.md": """---
title: "Mu: An Author in Hangul"
authors: [박서연]
date: 2025-05-03
tags: [rl]
url: https://example.org/mu
---

## 한국어

한글로 쓴 이름.

## English

A name written in Hangul.
""",
}

AUTHORS_YML = """people:
  - name: Minji Kim
    aliases: [김민지, Kim Min-ji]
  - name: Wei Zhang
    aliases: [张伟, Zhang Wei]
orgs:
  - name: Google DeepMind
    aliases: [DeepMind, 딥마인드]
"""


@pytest.fixture(scope="module")
def aliased(tmp_path_factory: pytest.TempPathFactory, serve) -> str:  # noqa: ANN001
    return _served_site(tmp_path_factory, serve, "search-aliases", ALIASED_NOTES, {"authors.yml": AUTHORS_YML})


@pytest.mark.parametrize(("query", "slug", "shown"), [("김민지", "aliased-first", "Minji Kim (김민지)"), ("kim min-ji", "aliased-first", "Minji Kim, "),
                                                      ("张伟", "aliased-last", "…, Wei Zhang (张伟)"), ("zhang wei", "aliased-last", "…, Wei Zhang"),
                                                      ("딥마인드", "aliased-first", "Google DeepMind (딥마인드) · Minji Kim"),
                                                      ("deepmind", "aliased-first", "Google DeepMind · Minji Kim")])
def test_an_author_is_found_by_another_name_of_theirs_and_shown_with_it(pages, aliased: str, query: str, slug: str, shown: str) -> None:  # noqa: ANN001
    """data/authors.yml names Minji Kim also 김민지: a search by 김민지 found nothing (the index held
    the names as the notes write them). The result shows the name the query matched beside the
    one the note writes, past the card's first six names too."""
    page = open_page(pages, aliased, DESKTOP)
    assert type_query(page, query) == [slug]
    line = page.inner_text(".pn-search__result .pn-search__authors")
    assert shown in line and line.count("(") == shown.count("("), line   # the other name only when the name did not match
    assert page.eval_on_selector_all(".pn-search__result .pn-search__authors mark", "els => els.length") > 0


def test_a_family_name_in_latin_letters_finds_the_author_written_in_hangul(pages, aliased: str) -> None:  # noqa: ANN001
    """A note writes its author 박서연: a reader typing Park (as papers spell the name) found nothing."""
    page = open_page(pages, aliased, DESKTOP)
    assert type_query(page, "Park") == ["aliased-hangul"]
    assert page.eval_on_selector_all(".pn-search__result .pn-search__authors mark", "els => els.map(e => e.textContent)") == ["박서연"]


@pytest.mark.parametrize(("query", "slug", "name"), [("김", "simpletom", "Kim"), ("최", "simpletom", "Choi"),
                                                   ("윤", "refusal-falls-off-a-cliff", "Yoon")])
def test_a_korean_family_name_alone_finds_the_authors_spelt_in_latin_letters(bundled_box, query: str, slug: str, name: str) -> None:  # noqa: ANN001
    """김 alone found nothing (a name typed in Hangul was tried whole only: 김현우), 최 only the words
    starting with it: the notes write Hyunwoo Kim and Yejin Choi. The author's name is marked."""
    found = type_query(bundled_box, query)
    assert found and found[0] == slug, found
    first = bundled_box.eval_on_selector_all(".pn-search__result:first-child .pn-search__authors mark", "els => els.map(e => e.textContent)")
    assert first == [name], first


@pytest.mark.parametrize(("query", "slug", "line"), [
    ("Qingyi Si", "s-grpo", "Muzhi Dai, Chenxu Yang, Qingyi Si"),
    ("Chitta Baral", "insights-into-alignment-dpo-variants", "Amir Saeidi, Shivanshu Verma, Chitta Baral"),
    ("Yatao Bian", "right-question-is-already-half-the-answer", "Qingyang Zhang, …, Yatao Bian"),
])
def test_a_found_authors_line_hides_no_single_name_behind_a_dot_dot_dot(bundled_box, query: str, slug: str, line: str) -> None:  # noqa: ANN001
    """Found by its last author, a paper of three showed "Muzhi Dai, …, Qingyi Si" (a QA pass): "…"
    for one name saves nothing and hid it. Two names or more between are still left out."""
    assert slug in type_query(bundled_box, query)
    shown = bundled_box.inner_text(f'.pn-search__result:has(a[href$="/notes/{slug}/"]) .pn-search__authors')
    assert shown == line, shown


@pytest.mark.parametrize(("query", "slug", "lab"), [("Microsoft", "computer-use-agents-blind-goal-directedness", "Microsoft"),
                                                    ("tencent", "parallel-r1", "Tencent")])
def test_a_note_found_by_its_lab_shows_the_lab(bundled_box, query: str, slug: str, lab: str) -> None:  # noqa: ANN001
    """Microsoft found the note whose lab it is, and its result showed authors and commentary
    without the word: nothing said why it matched (the card holds no lab)."""
    assert type_query(bundled_box, query) == [slug]
    line = bundled_box.inner_text(".pn-search__result .pn-search__authors")
    marks = bundled_box.eval_on_selector_all(".pn-search__result .pn-search__authors mark", "els => els.map(e => e.textContent)")
    # Before the authors: after them, a line cut at its end hid it on a phone.
    assert line.startswith(lab + " · ") and marks == [lab], line
    assert bundled_box.eval_on_selector(".pn-search__result .pn-search__authors mark",
                                        "m => m.getBoundingClientRect().right <= m.parentElement.closest('.pn-search__authors').getBoundingClientRect().right")


def test_a_particle_after_a_version_is_no_word_of_its_own(bundled_box) -> None:  # noqa: ANN001
    """qwen 2.5의 was searched as qwen, 2.5 and 의 (the tokenizer parts a dotted number from what
    follows): every result had to hold a word starting with 의, and 의미 was marked."""
    assert type_query(bundled_box, "qwen 2.5의") == ["right-question-is-already-half-the-answer"]
    marked = bundled_box.eval_on_selector_all(".pn-search__results mark", "els => els.map(e => e.textContent)")
    assert marked and not [m for m in marked if m.startswith("의")], marked


@pytest.mark.parametrize(("query", "marked"), [("qwen 2.5", "Qwen2.5"), ("damour", "D'Amour"), ("2.5", "Qwen2.5")])
def test_a_version_or_a_name_with_an_apostrophe_is_marked_whole(bundled_box, query: str, marked: str) -> None:  # noqa: ANN001
    """`qwen 2.5` marked Qwen2 in Qwen2.5 but not its .5 (the text reads as qwen2 and 5), and
    damour (as oneil) found D'Amour without marking it: a name was joined across hyphens only."""
    assert type_query(bundled_box, query)
    marks = bundled_box.eval_on_selector_all(".pn-search__results mark", "els => els.map(e => e.textContent)")
    assert marked in marks and not {"Qwen2", "5", "Amour"} & set(marks), marks


def test_a_version_typed_together_is_one_mark(bundled_box) -> None:  # noqa: ANN001
    """`qwen2.5` (read as qwen2 and 5) marked Qwen2 and 5 in Qwen2.5, the dot between them not."""
    assert type_query(bundled_box, "qwen2.5")
    marks = bundled_box.eval_on_selector_all(".pn-search__results mark", "els => els.map(e => e.textContent)")
    assert "Qwen2.5" in marks and not {"Qwen2", "5"} & set(marks), marks


def test_a_compound_typed_together_finds_it_spaced_after_a_longer_first_word(bundled_box) -> None:  # noqa: ANN001
    """학습데이터 did not count Arithmetic-GPT's "사전학습 데이터" as the compound (pairs were indexed
    from the first word's start only): it ranked among the loose matches, past the first ten
    of a larger site, and nothing in it was marked."""
    found = type_query(bundled_box, "학습데이터")
    close = ["adversarial-training-of-reward-models", "imitate-explore-self-improve", "insights-into-alignment-dpo-variants",
             "flow-of-reasoning", "towards-large-reasoning-models-survey", "arithmetic-gpt-predicts-human-choice"]
    assert set(found[:len(close)]) == set(close), found
    assert marks(bundled_box, "arithmetic-gpt-predicts-human-choice") == ["사전학습 데이터"]


@pytest.mark.parametrize(("query", "plain"), [("“보상 해킹”을", "보상 해킹"), ("(GRPO)를", "GRPO")])
def test_a_particle_after_a_quote_or_bracket_is_no_word_of_its_own(bundled_box, query: str, plain: str) -> None:  # noqa: ANN001
    """A Korean reader pasting a quoted term with its particle got "no results": 을 after the quote
    was a word of its own that every note had to hold."""
    found = type_query(bundled_box, plain)
    assert found and type_query(bundled_box, query) == found


@pytest.fixture(scope="module")
def bundled_box(browser, bundled: str) -> Iterator:  # noqa: ANN001
    """The bundled notes' home page on a wide screen in Korean, loaded once for the query cases
    above (type_query clears the box and waits for each query's own results)."""
    page = new_page(browser, DESKTOP, "ko")
    page.goto(bundled)
    yield page
    page.context.close()


@pytest.mark.parametrize("query", ["２５０５．１６２６５", "ａｒＸｉｖ：２５０５．１６２６５", "arXiv:2505.16265", "https://arxiv.org/abs/2505.16265v2", "arxiv.org/pdf/2505.16265",
                                   "https://arxiv.org/abs/2505.16265v",
                                   "https://huggingface.co/papers/2505.16265", "https://www.alphaxiv.org/abs/2505.16265",
                                   "https://www.semanticscholar.org/arxiv/2505.16265",
                                   "250516265", "2505 16265"])   # without its dot, or a space for it (a QA pass: no results)
def test_a_pasted_arxiv_id_or_link_finds_its_note(bundled_box, query: str) -> None:  # noqa: ANN001
    """Not "no results" and a "did you mean: arriv": `arxiv`, `https` and `abs` are no note's words.
    The result shows the id that matched (it showed nothing of it: the card holds no id)."""
    assert type_query(bundled_box, query) == ["think-rm"]
    assert bundled_box.inner_text(".pn-search__status") == "결과 1개"
    line = bundled_box.inner_text(".pn-search__result .pn-search__authors")
    marks = bundled_box.eval_on_selector_all(".pn-search__result .pn-search__authors mark", "els => els.map(e => e.textContent)")
    assert line.startswith("arXiv 2505.16265 · ") and marks == ["2505.16265"], line   # before the authors: never cut off


def test_switching_language_leaves_the_results_open_in_the_other_language(bundled_box) -> None:  # noqa: ANN001
    """Found by a QA pass: a click on the language switch closed the results, which a reader
    switches to read in the other language."""
    page = bundled_box
    slugs = type_query(page, "보상 모델")
    try:
        page.click('.pn-toggle__button[data-lang="en"]')
        assert page.is_visible(".pn-search__panel")
        assert page.locator(".pn-search__results > li").count() == len(slugs)
        assert page.locator(".pn-search__status .pn-lang[lang=en]").is_visible()
    finally:
        page.click('.pn-toggle__button[data-lang="ko"]')


@pytest.mark.parametrize("query", ["퉈 자오", "보상 모뎀"])
def test_the_status_line_does_not_flicker_while_results_stay(bundled_box, query: str) -> None:  # noqa: ANN001
    """Found by a QA pass: when a pause ended the last word and the box searched again, the line
    over the same results went "found by the name…: tuo", "Searching…", "…: tuo zhao". Typed
    as a reader types, with pauses; once results are on screen the line never says "검색 중"."""
    page = bundled_box
    page.click(".pn-search__input")
    page.fill(".pn-search__input", "")
    page.wait_for_function("() => !document.querySelector('.pn-search__results').children.length")
    page.evaluate("""() => { window.__lines = []; const s = document.querySelector('.pn-search__status');
        new MutationObserver(() => window.__lines.push([document.querySelector('.pn-search__results').children.length,
        s.textContent])).observe(s, {childList: true, subtree: true, characterData: true}); }""")
    page.keyboard.type(query, delay=150)
    page.wait_for_timeout(2000)
    lines = page.evaluate("window.__lines")
    listed = [text for shown, text in lines if shown]
    assert listed and not [t for t in listed if "검색 중" in t], lines


def test_a_long_query_offers_its_corrected_words_not_the_whole_query_again(bundled_box) -> None:  # noqa: ANN001
    """Found by a QA pass: a pasted sentence with one word no note holds was offered back whole,
    that word changed, as "did you mean": about nine lines above the result on a phone."""
    query = ("we find that the fine-tuned LLMs suffer from an Assessment Misalignment problem, i.e., they frequently "
             "assign higher scores to subpar COTs and more words here")
    assert type_query(bundled_box, query)[:1] == ["better-reasoners-with-alignment"]
    fixes = bundled_box.eval_on_selector_all(".pn-search__correction", "els => els.map(e => e.textContent)")
    assert fixes and all(len(f.split()) <= 2 for f in fixes), fixes
    short = type_query(bundled_box, "reward modle")
    assert short and bundled_box.inner_text(".pn-search__correction") == "reward model"   # a short query: whole


@pytest.mark.parametrize(("query", "slug"), [("theyre right", "reasoning-models-know-when-theyre-right"),
                                             ("dont know", "automatic-curriculum-expert-iteration")])
def test_a_contraction_typed_without_its_apostrophe_finds_its_note(bundled_box, query: str, slug: str) -> None:  # noqa: ANN001
    """Found by a QA pass: `theyre right` found nothing (and offered "there"), `dont know` nothing."""
    assert type_query(bundled_box, query)[:1] == [slug]


@pytest.mark.parametrize("query", ["arXiv:2505", "arXiv:2505.1", "arxiv 2505.162", "ARXIV: 2505.16"])
def test_an_arxiv_id_being_typed_finds_its_notes_at_each_key(bundled_box, query: str) -> None:  # noqa: ANN001
    """Typing arXiv:2505.16265 key by key said "No note contains all of these words" and "did you
    mean: arriv" from arXiv:2505 to arXiv:2505.162 (`arxiv` stayed a word until the id was whole)."""
    found = type_query(bundled_box, query)
    assert "think-rm" in found
    assert bundled_box.locator(".pn-search__correction").count() == 0


@pytest.mark.parametrize("query", ["2412.17256v", "https://arxiv.org/abs/2412.17256v"])
def test_the_v_of_a_version_being_typed_is_no_word(bundled_box, query: str) -> None:  # noqa: ANN001
    """…/abs/2412.17256 found B-STaR, …17256v nothing (v was a word to find), …17256v2 B-STaR again."""
    assert type_query(bundled_box, query) == ["b-star"]


@pytest.mark.parametrize("query", ["2505.16265 2", "2505.16265 2412", "2505.16265 2412.17", "2505.16265 2412.17256"])
def test_a_second_arxiv_id_being_typed_keeps_the_first_ones_paper(bundled_box, query: str) -> None:  # noqa: ANN001
    """From 2505.16265 24 to 2505.16265 2412.17 the box said "No results": the first paper's
    note went while the second id was typed; both show once it is whole."""
    found = type_query(bundled_box, query)
    assert "think-rm" in found
    assert ("b-star" in found) == query.endswith("17256")


SPLIT_DATES = """() => [...document.querySelectorAll(".pn-search__date")].filter(d => {
    const r = document.createRange(); r.selectNodeContents(d); return r.getClientRects().length > 1; }).map(d => d.textContent)"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_result_date_stays_on_one_line(pages, bundled: str, viewport: dict) -> None:  # noqa: ANN001
    """Long titles ended a line with "2025-" and began the next with "05-23"; the line may break
    before the date, never inside it."""
    page = open_page(pages, bundled, viewport)
    assert len(type_query(page, "model")) == 10
    assert page.evaluate(SPLIT_DATES) == []
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")


@pytest.mark.parametrize(("viewport", "lang", "query", "word"), [(PHONE, "en", "Dromedary", "Dromedary"), (DESKTOP, "ko", "템플릿", "템플릿과")],
                         ids=["phone-en", "desktop-ko"])
def test_a_result_shows_the_passage_that_matched(pages, bundled: str, viewport: dict, lang: str, query: str, word: str) -> None:  # noqa: ANN001
    """Results showed each commentary's first 140 characters: a word matched further on was
    neither shown nor marked (SALMON's Dromedary-2, OlaGPT's 템플릿과). The excerpt now starts a
    little before the first word marked, in the reader's language, its width unchanged."""
    page = open_page(pages, bundled, viewport, lang)
    slug = {"Dromedary": "salmon-self-alignment", "템플릿": "olagpt"}[query]
    assert slug in type_query(page, query)
    assert word in marks(page, slug, lang)
    summary = f'.pn-search__result:has(a[href$="/notes/{slug}/"]) .pn-search__summary > [lang="{lang}"]'
    text = page.inner_text(summary)
    assert text.startswith("…") and len(text) <= 160, text
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")


def test_a_korean_word_in_a_result_never_breaks_at_its_hyphen(pages, bundled: str) -> None:  # noqa: ANN001
    """As on the pages (test_phone_reading's), a result's Korean excerpt showed "Adv-" at a line's
    end and "RM과" on the next on a phone: a word with Hangul keeps its hyphen on its line at every
    phone width, marked or not, and the text is the same."""
    page = open_page(pages, bundled, PHONE, "ko")
    assert "think-rm" in type_query(page, "Adv-RM")
    summary = '.pn-search__result:has(a[href$="/notes/think-rm/"]) .pn-search__summary > [lang="ko"]'
    assert "Adv-RM과" in page.inner_text(summary) and "Adv-RM과" in marks(page, "think-rm")
    hangul = lambda word: any("\uac00" <= c <= "\ud7a3" for c in word)
    broken = {}
    try:
        for width in range(320, 431, 2):
            page.set_viewport_size({"width": width, "height": PHONE["height"]})
            words, scroll = page.evaluate(HYPHEN_BREAKS, ".pn-search__summary")
            if (found := [w for w in words if hangul(w)]) or scroll > width:
                broken[width] = (found, scroll)
    finally:
        page.set_viewport_size(PHONE)
    assert broken == {}


def test_an_excerpt_shows_the_phrase_that_matched_and_keeps_a_near_start(pages, bundled: str) -> None:  # noqa: ANN001
    """reward hacking: SophiaVL-R1's excerpt was cut around its first `rewards` and never reached
    the phrase; 강화학습: Parallel-R1's began "…경로를", dropping two words before a match near the start."""
    page = open_page(pages, bundled, PHONE, "en")
    assert "sophiavl-r1" in type_query(page, "reward hacking")
    assert "reward hacking" in marks(page, "sophiavl-r1", "en")
    page = open_page(pages, bundled, PHONE, "ko")
    assert "parallel-r1" in type_query(page, "강화학습")
    summary = '.pn-search__result:has(a[href$="/notes/parallel-r1/"]) .pn-search__summary > [lang="ko"]'
    assert page.inner_text(summary).startswith("여러 추론")


NOTE_HEADINGS = {key: {"ko": ko, "en": en} for key, ko, en in re.findall(
    r'<h2 id="(commentary|abstract)">\{\{ m\.bi\("([^"]+)", "([^"]+)"\)',
    (Path(__file__).resolve().parents[1] / "hooks/papernotes/pages/templates/note.html").read_text(encoding="utf-8"))}
"""What the note page calls its commentary and its abstract (코멘트 / Commentary, 초록 / Abstract):
a result saying where it matched names them so (it said 영어 본문, "English body text")."""


def summary_of(page, slug: str, lang: str) -> tuple[str, list[str], list[str]]:  # noqa: ANN001
    """A result's summary in `lang`: its text, its marks and the languages its passages are marked with."""
    summary = f'.pn-search__result:has(a[href$="/notes/{slug}/"]) .pn-search__summary > [lang="{lang}"]'
    return (page.inner_text(summary), page.eval_on_selector_all(summary + " mark", "els => els.map(e => e.textContent)"),
            page.eval_on_selector_all(summary + " [lang]", "els => els.map(e => e.lang)"))


@pytest.mark.parametrize(("lang", "where", "other"), [("ko", "영어 코멘트에서 찾음: ", "en"), ("en", "Found in the Korean commentary: ", "ko")])
def test_a_match_in_the_other_languages_commentary_says_where(pages, bundled: str, lang: str, where: str, other: str) -> None:  # noqa: ANN001
    """`exemplars` read in Korean found SALMON, whose English commentary alone writes it, and showed
    its Korean excerpt with nothing marked: nothing said why it matched. (`템플릿` read in English:
    OlaGPT's Korean commentary.) The passage that matched shows, marked with its own language,
    after a line in the reader's language saying where it is."""
    page = open_page(pages, bundled, PHONE, lang)
    query, slug, word = {"ko": ("exemplars", "salmon-self-alignment", "exemplars"), "en": ("템플릿", "olagpt", "템플릿과")}[lang]
    assert slug in type_query(page, query)
    text, marked, langs = summary_of(page, slug, lang)
    assert text.startswith(where.strip()) and word in marked and langs == [other], (text, marked, langs)
    assert NOTE_HEADINGS["commentary"][lang].lower() in where
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")


@pytest.mark.parametrize(("viewport", "lang", "where"), [(PHONE, "en", "Found in the abstract: "), (DESKTOP, "ko", "초록에서 찾음: ")],
                         ids=["phone-en", "desktop-ko"])
def test_a_match_in_the_abstract_alone_shows_its_passage(pages, bundled: str, viewport: dict, lang: str, where: str) -> None:  # noqa: ANN001
    """`deepseekr1` found four notes; three write DeepSeek-R1 (or DeepSeek R1) only in their abstract,
    which cards did not hold: their results showed the commentary's first lines, nothing marked.
    Such a result now shows the abstract's passage that matched (abstracts/<n>.json, loaded for
    those results only), after a line saying so in the reader's language."""
    page = open_page(pages, bundled, viewport, lang)
    found = type_query(page, "deepseekr1")
    assert "base-models-know-how-to-reason" in found and len(found) == 4
    for slug in found:
        assert summary_of(page, slug, lang)[1], slug          # every result marks why it matched
    text, marked, langs = summary_of(page, "base-models-know-how-to-reason", lang)
    assert text.startswith(where.strip()) and marked == ["DeepSeek R1"] and langs == ["en"], (text, marked, langs)
    assert NOTE_HEADINGS["abstract"][lang].lower() in where.lower()
    assert len(text) <= 180 and page.evaluate("document.documentElement.scrollWidth <= innerWidth")


def test_a_note_the_glossary_found_in_its_abstract_shows_that_passage(pages, bundled: str) -> None:  # noqa: ANN001
    """학습 데이터로 found Refusal Falls off a Cliff through the glossary (its abstract alone writes
    training data): the result showed the Korean commentary's first lines, nothing marked, as
    the glossary's words counted as shown whatever the card held."""
    page = open_page(pages, bundled, DESKTOP, "ko")
    assert "refusal-falls-off-a-cliff" in type_query(page, "학습 데이터로")
    text, marked, langs = summary_of(page, "refusal-falls-off-a-cliff", "ko")
    assert text.startswith("초록에서 찾음:") and marked == ["training data"] and langs == ["en"], (text, marked, langs)


def test_a_phrase_in_the_title_ranks_first(pages, bundled: str) -> None:  # noqa: ANN001
    """reasoning model: the note titled "Are Reasoning Models More Prone to Hallucination?" before
    "Reasons to Reject?" (reasons ... models) and B-STaR (reasoners) and every note holding a stem elsewhere."""
    page = open_page(pages, bundled, DESKTOP, "en")
    slugs = type_query(page, "reasoning model")
    phrase = slugs.index("are-reasoning-models-more-prone-to-hallucination")
    # Reasons to Reject ranks below (past the first page since its title's words apart no longer
    # count as the glossary phrase in the title: the page does not show it).
    assert phrase < (slugs.index("reasons-to-reject") if "reasons-to-reject" in slugs else len(slugs))
    assert "b-star" not in slugs[:phrase + 1]
    titles = page.eval_on_selector_all(".pn-search__results a.pn-search__title", "els => els.map(e => e.textContent)")
    first = [t for t in titles if re.search(r"\breasoning models?\b", t, re.I)]
    assert titles[:len(first)] == first and len(first) >= 3     # every title with the phrase comes first


@pytest.mark.parametrize(("query", "phrase"), [("large language models", r"\blarge language models?\b"),
                                               ("large language model", r"\blarge language models?\b")])
def test_a_title_writing_the_glossary_phrase_as_typed_ranks_first(bundled_box, query: str, phrase: str) -> None:  # noqa: ANN001
    """`large language models` (the glossary's LLM) ranked first the notes whose titles only say
    LLMs, and the five titled "... Large Language Models" 4th and 8th to 10th: a title naming the
    concept in another form held the phrase as much. A title writing the query's words in a row
    ranks first now, then those naming the concept otherwise."""
    found = type_query(bundled_box, query)
    titles = bundled_box.eval_on_selector_all(".pn-search__results a.pn-search__title", "els => els.map(e => e.textContent)")
    first = [t for t in titles if re.search(phrase, t, re.I)]
    assert len(first) >= 5 and titles[:len(first)] == first, titles
    assert "is-prm-necessary" in found[len(first):]   # its title says LLMs: after them


def test_the_glossary_matcher_agrees_with_python(pages, bundled: str, bundled_build: Path) -> None:  # noqa: ANN001
    """Over every bundled note's title, abstract and commentary, and every form of the glossary."""
    result = load_site(BUNDLED_ROOT, "data")
    matcher = ConceptMatcher(result.glossary)
    glossary = [[list(c.en), list(c.ko)] for c in result.glossary.concepts]
    texts = [t for n in result.notes for t in (n.title, n.abstract, n.ko, n.en)]
    forms = [f for c in result.glossary.concepts for f in (*c.en, *c.ko)]
    texts += forms + [f + "을" for f in forms] + [f.replace(" ", "") for f in forms] + [f + "된" for f in forms]
    texts += [f + "하는 " + g for f, g in zip(forms, forms[1:])]
    page = open_page(pages, bundled, DESKTOP)
    load_words(page)   # configured with the particles, endings and form length meta.json ships
    runs = """([g, t, e]) => { const w = window.pnWords, c = w.buildConcepts(g);
              return JSON.stringify(t.map(x => w.conceptRuns(c, w.tokenizeJoined(x), e).map(r => r.slice(0, 3)))); }"""
    for every in (False, True):
        js = json.loads(page.evaluate(runs, [glossary, texts, every]))
        py = [[list(r) for r in matcher.runs(*tokenize_joined(t), every=every)] for t in texts]
        assert [(t, p, j) for t, p, j in zip(texts, py, js) if p != j] == []
    assert sum(map(len, py)) > 1000
    keys = page.evaluate("f => f.map(x => window.pnWords.phraseKey(x))", forms)
    assert keys == [phrase_key(f) for f in forms]


AUTHORS = """sel => [...document.querySelectorAll(sel + " .pn-search__authors")].map(line => ({
    text: line.textContent, marked: [...line.querySelectorAll("mark")].map(m => m.textContent),
    links: [...line.querySelectorAll("a")].map(a => [a.textContent, a.getAttribute("href")])}))"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_an_author_with_a_page_is_a_link_and_the_arrows_still_open_the_note(pages, small: str, viewport: dict) -> None:  # noqa: ANN001
    """Issue 22: as on note and list pages, a result's author with a page (Ada Lovelace: five
    notes) links to it; one without (Grace Hopper: one note) is text. The links are not combobox
    options: ArrowDown still goes to the title and Enter opens the note."""
    page = open_page(pages, small, viewport)
    assert type_query(page, "upsilon hopper") == ["lone"]
    [line] = page.evaluate(AUTHORS, ".pn-search__result")
    assert line["text"] == "Grace Hopper, Ada Lovelace"
    assert line["links"] == [["Ada Lovelace", "/authors/ada-lovelace/"]]
    assert line["marked"] == ["Hopper"]                   # the name that matched is marked, linked or not
    page.keyboard.press("ArrowDown")
    assert page.evaluate(FOCUSED)["index"] == 0
    page.keyboard.press("ArrowDown")                      # one result: the arrow stays on its title
    assert page.evaluate(FOCUSED)["index"] == 0
    page.keyboard.press("Enter")
    page.wait_for_url("**/notes/lone/")
    page.go_back()
    type_query(page, "upsilon")
    page.click(".pn-search__authors a")                   # the link leads to the author's page
    page.wait_for_url("**/authors/ada-lovelace/")
    assert "Ada Lovelace" in page.inner_text("h1")


def test_a_results_author_link_is_big_enough_to_tap(browser, small: str) -> None:  # noqa: ANN001
    """On a phone the author links of a result were 15 px tall, side by side between commas."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(small)
        type_query(page, "upsilon hopper")
        height = page.eval_on_selector(".pn-search__authors a", "a => a.getBoundingClientRect().height")
        assert height >= 24, height
    finally:
        context.close()


@pytest.mark.parametrize("touch", [True, False], ids=["phone", "desktop"])
def test_a_results_title_is_big_enough_to_tap_on_a_phone(browser, small: str, touch: bool) -> None:  # noqa: ANN001
    """On a phone a result's title of one line was an 18 px tall link (in a 24 px line): it is 44 px
    tall on a touch screen now, and a desktop keeps its inline title and layout."""
    context = browser.new_context(viewport=PHONE if touch else DESKTOP, is_mobile=touch, has_touch=touch)
    try:
        page = context.new_page()
        page.goto(small)
        assert type_query(page, "upsilon") == ["lone"]
        title = page.eval_on_selector(".pn-search__results a.pn-search__title", """a => ({height: a.getBoundingClientRect().height,
            lines: a.getClientRects().length, display: getComputedStyle(a).display, line: parseFloat(getComputedStyle(a).lineHeight)})""")
        if touch:
            assert title["height"] >= 44 and title["lines"] == 1, title
        else:
            assert title["display"] == "inline" and title["height"] < title["line"], title
    finally:
        context.close()


def test_names_with_a_comma_are_separated_by_semicolons(pages, small: str) -> None:  # noqa: ANN001
    """`Smith, John, Henry Ford, Jr., Ada Lovelace` reads as five people: as on the pages (and
    in the daily post), names are separated by `; ` when one has a comma."""
    page = open_page(pages, small, DESKTOP)
    assert type_query(page, "omicron") == ["comma-names"]
    [line] = page.evaluate(AUTHORS, ".pn-search__result")
    assert line["text"] == "Smith, John; Henry Ford, Jr.; Ada Lovelace"


def test_on_a_phone_the_results_reach_down_to_the_screen_edge(pages, small: str) -> None:  # noqa: ANN001
    """The panel of many results ended 24 px above the bottom of a 390x844 screen, the page's
    footer showing through below it; then 4 px above it (as far as from the sides), a strip of the
    page's text still showing under the last result. It now ends at the screen's bottom edge."""
    page = open_page(pages, small, PHONE, "ko")
    page.click(".pn-search__open")
    assert len(type_query(page, "ada")) >= 5
    panel = box(page, ".pn-search__panel")
    assert panel["height"] > 600, panel  # enough results to fill the screen
    gap = page.evaluate("innerHeight") - (panel["y"] + panel["height"])
    assert abs(gap) <= 0.5, gap


def test_on_a_phone_the_results_fit_the_part_of_the_screen_the_keyboard_leaves(pages, small: str) -> None:  # noqa: ANN001
    """An on-screen keyboard covers the bottom of the screen without changing 100vh: the results
    panel, as tall as the screen, put its last results under the keyboard, where scrolling the
    panel could not bring them. The panel fits the visual viewport. Headless Chromium has no
    keyboard, so the visual viewport is made smaller another way a reader can: zoomed in twice."""
    page = open_page(pages, small, PHONE, "en")
    page.click(".pn-search__open")
    type_query(page, "reward")
    session = page.context.new_cdp_session(page)
    session.send("Emulation.setPageScaleFactor", {"pageScaleFactor": 2})
    page.wait_for_function("visualViewport.height < innerHeight * 0.6")
    page.wait_for_function("""() => { const p = document.querySelector('.pn-search__panel').getBoundingClientRect();
                                      return p.bottom <= visualViewport.height + 1; }""")
    session.send("Emulation.setPageScaleFactor", {"pageScaleFactor": 1})
    page.wait_for_function("""() => document.querySelector('.pn-search__panel').getBoundingClientRect().height
                                    > visualViewport.height * 0.6""")  # back to the whole screen


STATUSES = """() => { window.__statuses = []; const s = document.querySelector('.pn-search__status');
    new MutationObserver(() => window.__statuses.push(s.textContent)).observe(s, {childList: true, subtree: true, characterData: true}); }"""


def test_typing_on_into_a_korean_word_without_composition_shows_no_verdict(bundled_box) -> None:  # noqa: ANN001
    """Text typed without an input method's composition (a paste, voice input, some keyboards;
    Playwright's keyboard too): at 보상모, on the way to 보상모델, the results went and "결과가
    없습니다. 어느 노트에도 없는 단어: 보상모" showed. The results on screen stay while the reader types on;
    a pause after a word that finds nothing ends it, and then the verdict shows."""
    page = bundled_box
    page.fill(".pn-search__input", "")
    page.evaluate(STATUSES)
    page.click(".pn-search__input")
    page.keyboard.type("보상모델", delay=250)
    page.wait_for_function("document.querySelector('.pn-search__results').dataset.count > 0")
    seen = page.evaluate("window.__statuses")
    assert seen and not any("결과가 없습니다" in s for s in seen), seen
    page.fill(".pn-search__input", "")
    # (보상모 finds the notes on 보상 모델, the glossary term it begins; 보상뭐 is one key from 보상모델, corrected to it)
    page.keyboard.type("보상뷁", delay=250)
    page.wait_for_function("document.querySelector('.pn-search__status').textContent.includes('결과가 없습니다')", timeout=5000)


def compose(page, steps: tuple[str, ...], done: str) -> list[str]:  # noqa: ANN001
    """A Korean keyboard composing `steps` (CDP's IME calls), then committing `done`; the statuses
    shown meanwhile (the panel's text at each change while it was shown)."""
    page.fill(".pn-search__input", "")
    page.click(".pn-search__input")
    page.evaluate(STATUSES)
    cdp = page.context.new_cdp_session(page)
    try:
        for text in steps:
            cdp.send("Input.imeSetComposition", {"text": text, "selectionStart": len(text), "selectionEnd": len(text)})
            page.wait_for_timeout(400)   # the box searches 120 ms after an input
        seen = page.evaluate("window.__statuses")
        cdp.send("Input.insertText", {"text": done})   # the syllable is done (compositionend)
    finally:
        cdp.detach()
    return seen


def test_a_syllable_being_composed_that_finds_nothing_shows_no_verdict(bundled_box) -> None:  # noqa: ANN001
    """ㅎ, 혀, 현, 현ㅇ, 현우 (a Korean keyboard on the way to 현우): at 혀 "결과가 없습니다. 어느 노트에도
    없는 단어: 혀" flashed (and a screen reader said it) before 현 found the notes again. A syllable
    still being composed gets no verdict; results that match show as the query grows, and a word
    that still finds nothing once it is composed says so."""
    page = bundled_box
    seen = compose(page, ("ㅎ", "혀", "현", "현ㅇ", "현우"), "현우")
    assert not any("결과가 없습니다" in s for s in seen), seen
    assert any(s.startswith("결과 ") for s in seen), seen   # 현 found notes while composing
    page.wait_for_function("document.querySelector('.pn-search__results').dataset.count > 0")
    seen = compose(page, ("ㅂ", "뷁"), "뷁")
    assert not any("결과가 없습니다" in s for s in seen), seen
    page.wait_for_function("document.querySelector('.pn-search__status').textContent.includes('결과가 없습니다')", timeout=5000)


@pytest.mark.parametrize("query", ["2504.06141 2510.06557", "arXiv:2504.06141, https://arxiv.org/abs/2510.06557v2"])
def test_several_pasted_arxiv_ids_find_each_paper(bundled_box, query: str) -> None:  # noqa: ANN001
    """Pasting two ids (a reading list, a related-work line) said "no note contains all of these
    words": each id is a paper, and each paper's note is found."""
    assert set(type_query(bundled_box, query)) == {"adversarial-training-of-reward-models", "the-markovian-thinker"}


@pytest.mark.parametrize("query", ["2025", "2025년"])
def test_a_year_typed_alone_leads_to_its_archive_page(bundled_box, query: str) -> None:  # noqa: ANN001
    """`2025` listed the two notes whose text holds the number and `2025년` found nothing: a year
    typed alone also links its archive page, with its number of notes."""
    type_query(bundled_box, query)
    link = bundled_box.locator(".pn-search__tag", has_text="2025")
    assert link.get_attribute("href").endswith("/archive/2025/")
    count = int(re.search(r"노트 (\d+)개", link.inner_text()).group(1))
    assert count == sum(1 for p in (BUNDLED_DATA / "notes").rglob("*.md") if "\ndate: 2025-" in p.read_text(encoding="utf-8"))
    assert "결과가 없습니다" not in bundled_box.inner_text(".pn-search__status")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_back_from_a_result_finds_the_search_as_it_was_left(browser, small: str, lang: str) -> None:  # noqa: ANN001
    """A reader compares results one after another: Back from a result showed the page with the box
    closed and empty (the query to type again, on a phone). The query and its results are back,
    the field not focused (no on-screen keyboard over them); closing the box forgets it."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.add_init_script(f"localStorage.setItem('papernotes.lang', '{lang}')")
    page = context.new_page()
    try:
        back_from_the_first_result(page, small, "보상 모델")
        assert page.locator(".pn-search__input").input_value() == "보상 모델"
        assert page.is_visible(".pn-search__input") and page.is_visible(".pn-search__results a.pn-search__title")
        assert not page.evaluate("document.activeElement.classList.contains('pn-search__input')")
        # Closed with its button, then a page left by another link: Back shows no search.
        page.click(".pn-search__close")
        page.goto(small + "about/")
        page.go_back()
        page.wait_for_load_state()
        assert page.locator(".pn-search__input").input_value() == ""
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_on_a_phone_back_closes_the_search_and_back_again_leaves(browser, small: str, lang: str) -> None:  # noqa: ANN001
    """On a phone the open search covers the page, as an app's screen: the phone's Back left the
    page under it (to the page before). Back now closes the search, and Back again leaves; closing
    it otherwise (Escape, ×) leaves no step for Back to waste; a result followed still goes to its
    note, and Back from there returns to the search, which the next Back closes."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.add_init_script(f"localStorage.setItem('papernotes.lang', '{lang}')")
    page = context.new_page()
    closed = "!document.querySelector('.pn-search[data-open]')"
    try:
        page.goto(small)
        page.goto(small + "about/")
        assert type_query(page, "보상 모델")
        page.go_back()
        page.wait_for_function(closed)
        assert page.url == small + "about/" and not page.is_visible(".pn-search__input")
        page.go_back()
        page.wait_for_url(small)
        # Escape or the close button: the next Back leaves the page at once.
        for close in (lambda: page.keyboard.press("Escape"), lambda: page.tap(".pn-search__close")):
            page.goto(small + "about/")
            type_query(page, "보상 모델")
            page.focus(".pn-search__input")
            close()
            page.wait_for_function(closed)
            page.wait_for_function("!(history.state && history.state.pnSearch)")
            page.go_back()
            page.wait_for_url(small)
        # A result: its note, Back to the search as it was, Back closes it, Back leaves.
        page.goto(small + "about/")
        first = type_query(page, "보상 모델")
        page.tap(".pn-search__results a.pn-search__title")
        page.wait_for_url(f"**/{first[0]}/**")
        page.go_back()
        page.wait_for_selector(".pn-search[data-open] .pn-search__results a.pn-search__title")
        back_closes_then_leaves(page, small + "about/", small)
    finally:
        context.close()


def back_closes_then_leaves(page, here: str, before: str) -> None:  # noqa: ANN001
    """Back closes the open search and stays on `here`; Back again goes to `before`."""
    page.go_back()
    page.wait_for_function("!document.querySelector('.pn-search[data-open]')")
    assert page.url == here
    page.go_back()
    page.wait_for_url(before)


def test_on_a_wide_screen_the_search_adds_no_step_to_the_history(browser, small: str) -> None:  # noqa: ANN001
    """The field sits in the header beside the page (nothing covered): Back leaves the page, as before."""
    page = new_page(browser, {"width": 1366, "height": 900}, "en")
    try:
        page.goto(small)
        page.goto(small + "about/")
        steps = page.evaluate("history.length")
        assert type_query(page, "reward")
        page.keyboard.press("Escape")
        assert page.evaluate("history.length") == steps
        page.go_back()
        page.wait_for_url(small)
    finally:
        page.context.close()


# A turn of the screen is seen at the next frame (its resize event): a reader's Back comes later
# than Playwright's.
NEXT_FRAME = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def test_search_opened_on_its_side_then_turned_upright_is_closed_by_back(browser, small: str) -> None:  # noqa: ANN001
    """A phone on its side (844×390) shows the field in the header, beside the page: opening the
    search added no step to the history. Turned upright with the search open, it covered the page,
    and Back left the page under it. The step is added when the search comes to cover the page:
    Back closes it and stays; turned on its side again, Back still just closes it."""
    context = browser.new_context(viewport={"width": 844, "height": 390}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        for back_on_its_side in (False, True):
            page.set_viewport_size({"width": 844, "height": 390})
            page.goto(small)
            page.goto(small + "about/")
            assert not page.is_visible(".pn-search__open")   # the field is in the header
            assert type_query(page, "reward")
            page.set_viewport_size(PHONE)
            page.evaluate(NEXT_FRAME)
            if back_on_its_side:
                page.set_viewport_size({"width": 844, "height": 390})
                page.evaluate(NEXT_FRAME)
            back_closes_then_leaves(page, small + "about/", small)
    finally:
        context.close()


def test_a_first_syllable_finds_its_own_words_first_not_a_name(bundled_box) -> None:  # noqa: ANN001
    """보, on the way to 보상, said "결과 31개 — 로마자 이름으로 찾았습니다: bo" and showed first the
    notes of authors named Bo, marking boost and both, the 보상 notes after them. A Hangul word that
    finds notes is read as a name only after its own notes, and the name's words are not marked in
    them."""
    assert len(type_query(bundled_box, "보")) == 10
    assert int(bundled_box.get_attribute(".pn-search__results", "data-count")) >= 20
    status = bundled_box.inner_text(".pn-search__status")
    assert "로마자 이름으로 찾았습니다" not in status, status
    marked = bundled_box.eval_on_selector_all(".pn-search__results .pn-search__result",
                                              "rs => rs.map(r => [...r.querySelectorAll('mark')].map(m => m.textContent))")
    assert not [m for marks in marked for m in marks if m.lower().startswith("bo")], marked
    assert all(any(m.startswith("보") for m in marks) for marks in marked[:3]), marked


@pytest.mark.parametrize("query", ["보", "모"])
def test_a_first_syllable_marks_the_words_it_found(bundled_box, query: str) -> None:  # noqa: ANN001
    """A Korean word's first syllable, as it is typed (보 on the way to 보상), found 31 notes by the
    words it starts and marked none of them (a one-letter word marked only itself, for C++)."""
    type_query(bundled_box, query)
    marked = bundled_box.eval_on_selector_all(".pn-search__results .pn-search__result", "rs => rs.slice(0, 5).map(r => [...r.querySelectorAll('mark')].map(m => m.textContent))")
    assert marked and all(any(m.startswith(query) for m in marks) for marks in marked), marked


@pytest.mark.parametrize(("query", "term"), [("강화학", "강화학습")])
def test_a_korean_term_being_typed_finds_and_marks_the_terms_notes(bundled_box, query: str, term: str) -> None:  # noqa: ANN001
    """강화학, on the way to 강화학습, found the 13 notes whose tag label holds 강화학습 and marked
    nothing in them; at the last key the term found 26, marking RL and reinforcement learning."""
    found = type_query(bundled_box, query)
    marked = bundled_box.eval_on_selector_all(".pn-search__results .pn-search__result", "rs => rs.slice(0, 5).map(r => r.querySelectorAll('mark').length)")
    assert marked and all(marked), marked
    count = bundled_box.get_attribute(".pn-search__results", "data-count")
    type_query(bundled_box, term)
    assert count == bundled_box.get_attribute(".pn-search__results", "data-count") and set(found) <= holding(r"강화학|\bRL\b|[Rr]einforcement")


@pytest.mark.parametrize("query", ["2024년 논문", "2024 papers", "2024년 연구"])
def test_a_year_with_a_generic_word_leads_to_the_archive(bundled_box, query: str) -> None:  # noqa: ANN001
    """2024년 논문 said "no note contains 2024년" and 2024 papers showed one note mentioning AIME 2024,
    where 2024 alone leads to the archive's year page: the generic word no longer hides it."""
    type_query(bundled_box, query)
    links = bundled_box.eval_on_selector_all(".pn-search__tags a", "els => els.map(e => e.getAttribute('href'))")
    assert any(h.rstrip("/").endswith("archive/2024") for h in links) or "보관함에 있습니다" in bundled_box.inner_text(".pn-search__status"), links


@pytest.mark.parametrize("query", ["2023", "2023년", "2024년 논문", "2024 papers"])
def test_a_year_alone_lists_that_years_notes_newest_first(bundled_box, bundled_build: Path, query: str) -> None:  # noqa: ANN001
    """An English search QA pass: 2023 listed the 2 notes whose text holds AMC23 or "AMC 2023",
    none of that year's 8. A year alone, or with generic words only, lists the notes of that year
    (by the note's date, newest first, as the archive's year page), and links that page."""
    import json

    year = query[:4]
    notes = json.loads((bundled_build / "notes.json").read_text(encoding="utf-8"))["notes"]
    wanted = [n["slug"] for n in notes if n["date"].startswith(year)]
    found = type_query(bundled_box, query)
    assert len(wanted) > 2 and bundled_box.get_attribute(".pn-search__results", "data-count") == str(len(wanted))
    assert [href.rstrip("/").rsplit("/", 1)[-1] for href in found] == wanted[:len(found)], (found, wanted)
    links = bundled_box.eval_on_selector_all(".pn-search__tags a", "els => els.map(e => e.getAttribute('href'))")
    assert any(h.rstrip("/").endswith("archive/" + year) for h in links), links
    assert f"{year}년의 노트" in bundled_box.inner_text(".pn-search__status") and "노트만" not in bundled_box.inner_text(".pn-search__status")


@pytest.mark.parametrize(("query", "subject", "common"), [("what is RLHF", "RLHF", "what is"),
                                                          ("how reasoning models hallucinate", "reasoning models hallucinate", "how"),
                                                          ("process reward model explained", "process reward model", "explained")])
def test_a_questions_words_do_not_narrow_its_subject(bundled_box, query: str, subject: str, common: str) -> None:  # noqa: ANN001
    """An English search QA pass: what is RLHF found 1 note of RLHF's 7 (the one whose abstract says
    "what"), how reasoning models hallucinate lost the note on exactly that, process reward model
    explained found nothing: a question's words were left out only when nothing was found."""
    type_query(bundled_box, subject)
    want = shown(bundled_box)
    type_query(bundled_box, query)
    assert shown(bundled_box) == want and want[1] != "0"
    assert bundled_box.inner_text(".pn-search__status").endswith(common)


def test_a_word_left_out_is_named_as_typed_and_not_offered_as_a_correction(bundled_box) -> None:  # noqa: ANN001
    """A long Korean sentence said it searched without 학습시키 and asked "did you mean 학습시키?":
    the reader's 학습시킬 was corrected to a word no note holds, then left out, under its correction."""
    query = "강화학습으로 추론 모델을 학습시킬 때 보상 해킹이 생기는 문제를 다룬 논문을 찾고 싶어요"
    assert type_query(bundled_box, query)
    left = bundled_box.eval_on_selector_all(".pn-search__status strong.pn-search__missing", "els => els.map(e => e.textContent)")
    said = " ".join(left).split()
    assert "학습시킬" in said and "학습시키" not in said, left
    status = bundled_box.inner_text(".pn-search__status")
    assert "찾으셨나요: 학습시키" not in status and "did you mean: 학습시키" not in status, status


@pytest.mark.parametrize(("query", "marked"), [("학습시킬", "학습시키는"), ("강화학습으로 추론을 학습시킬", "학습시키는"), ("다룰", "다루는"),
                                               ("줄일", "줄이는")])
def test_a_verb_form_no_note_writes_finds_its_other_forms_without_a_correction(bundled_box, query: str, marked: str) -> None:  # noqa: ANN001
    """학습시킬 said "did you mean: 학습시키", a verb's stem (no word), though its notes were found by
    the form they write (학습시키는, marked): the reader typed that verb, in another form."""
    assert type_query(bundled_box, query)
    assert bundled_box.locator(".pn-search__correction").count() == 0, bundled_box.inner_text(".pn-search__status")
    marks = bundled_box.eval_on_selector_all(".pn-search__results mark", "els => els.map(e => e.textContent)")
    assert marked in marks, marks


@pytest.mark.parametrize(("query", "subject", "common"), [("환각을 줄이는 방법", "환각", "방법"), ("보상 해킹을 막는 방법", "보상 해킹", "방법")])
def test_a_question_for_ways_to_do_something_leaves_out_the_word_method(bundled_box, query: str, subject: str, common: str) -> None:  # noqa: ANN001
    """환각을 줄이는 방법 (how to reduce hallucination) found 1 of hallucination's 3 notes, 보상 해킹을 막는
    방법 1 of reward hacking's 4: with its verb left out, 방법 (a glossary term: method) was still
    required, where method, a common word, is left out of an English query. It is left out, and named."""
    want = type_query(bundled_box, subject)
    assert want and set(type_query(bundled_box, query)) == set(want)
    left = bundled_box.eval_on_selector_all(".pn-search__status strong.pn-search__missing", "els => els.map(e => e.textContent)")
    assert common in " ".join(left).split(), left


@pytest.mark.parametrize(("query", "meant"), [("hiden states", "hidden states"), ("hiden", "hidden")])
def test_a_letter_left_out_is_corrected_to_the_word_with_it(bundled_box, query: str, meant: str) -> None:  # noqa: ANN001
    """hiden states said "No results — did you mean: hides": a word of the typed length came first,
    and hides, in 1 note, is not hidden (3 notes; the note on hidden states was not found)."""
    found = type_query(bundled_box, query)
    assert found and found == type_query(bundled_box, query.replace("hiden", "hidden"))
    type_query(bundled_box, query)
    assert bundled_box.inner_text(".pn-search__correction") == meant   # the whole query corrected


def test_a_latin_word_is_not_marked_across_the_start_of_another(bundled_box) -> None:  # noqa: ANN001
    """Tom Griffiths marked "to models" in a result (t-o, then the m of models, read as tom
    written in two words); a word written apart is marked only as its whole words, or before a
    version (gpt4o: GPT-4o)."""
    assert type_query(bundled_box, "Tom Griffiths")
    marks = bundled_box.eval_on_selector_all(".pn-search__results mark", "els => els.map(e => e.textContent.toLowerCase())")
    assert "griffiths" in marks and "to models" not in marks, marks
    assert type_query(bundled_box, "gpt4o")
    marks = bundled_box.eval_on_selector_all(".pn-search__results mark", "els => els.map(e => e.textContent)")
    assert "GPT-4o" in marks, marks


# --- Queries typed as readers type them (a Korean reader, often on a phone) ---


def test_two_acronyms_no_note_holds_together_find_the_notes_of_either(bundled_box) -> None:  # noqa: ANN001
    """PRM ORM (process and outcome reward models) said "no note contains all of these words": a
    list of methods typed as acronyms asks for the notes on each. Two ordinary words no note holds
    together still find nothing (Omega Tau, in the small site's test)."""
    found = type_query(bundled_box, "PRM ORM")
    assert found[:2] == ["is-prm-necessary", "simultaneous-multi-objective-alignment"], found   # PRM's own notes
    assert {"sophiavl-r1", "gtr-guided-thought-reinforcement"} <= set(found), found              # outcome rewards
    assert "가장 많은 단어" in bundled_box.inner_text(".pn-search__status")
    assert type_query(bundled_box, "hello world") == []


@pytest.mark.parametrize(("query", "both"), [("PPO vs GRPO", None), ("DPO vs PPO", "rlhs-hindsight-simulation"),
                                             ("DPO 대 PPO", "rlhs-hindsight-simulation")])
def test_a_comparison_finds_the_notes_on_both_then_on_either(bundled_box, query: str, both: str | None) -> None:  # noqa: ANN001
    """PPO vs GRPO found nothing: vs was searched as a word, and no note names both. The word between
    two others says the reader compares them: the notes on both first, then those on either."""
    a, b = query.split()[0], query.split()[-1]
    found = type_query(bundled_box, query)
    either = holding(rf"\b{a}\b") | holding(rf"\b{b}\b")
    assert found and set(found) <= either and len(found) == min(10, len(either)), found
    if both:
        assert found[0] == both


def test_a_note_found_by_the_tag_a_query_names_shows_the_readers_commentary(bundled_box) -> None:  # noqa: ANN001
    """A Korean search QA pass: test-time scaling's first results (found by the tag the query
    names) showed a Korean reader "영어 코멘트에서 찾음: …at inference time", one word of the tag's
    name marked in English. They show the Korean commentary, and the tag line says why."""
    found = type_query(bundled_box, "test-time scaling")
    assert bundled_box.evaluate("document.documentElement.dataset.pnLang") == "ko"
    cards = bundled_box.locator(".pn-search__results > li")
    tagged = [i for i in range(min(4, len(found))) if "태그: 테스트 타임 스케일링" in cards.nth(i).inner_text()]
    assert tagged[:2] == [0, 1], [cards.nth(i).inner_text() for i in range(3)]
    for i in tagged:
        text = cards.nth(i).locator(".pn-search__summary").inner_text()
        assert "영어 코멘트에서 찾음" not in text and re.search("[\uac00-\ud7a3]", text), text


@pytest.mark.parametrize("query", ["연쇄 사고", "사고 연쇄", "연쇄적 사고", "생각의 연쇄"])
def test_the_korean_names_of_chain_of_thought_find_its_notes(bundled_box, query: str) -> None:  # noqa: ANN001
    """A Korean search QA pass: 연쇄 사고 and 연쇄적 사고 found nothing, 사고 연쇄 the notes on thinking
    "without 연쇄", though 사고의 사슬 found the chain-of-thought notes: the glossary names them all."""
    assert type_query(bundled_box, query) == type_query(bundled_box, "사고의 사슬") != []


@pytest.mark.parametrize("query", ["PPO와 GRPO", "PPO랑 GRPO", "PPO 및 GRPO", "PPO 와 GRPO", "PPO and GRPO", "PPO or GRPO"])
def test_two_acronyms_joined_by_and_find_what_the_two_find(bundled_box, query: str) -> None:  # noqa: ANN001
    """A Korean search QA pass: PPO GRPO found the 6 notes on either, but PPO와 GRPO, PPO랑 GRPO found
    nothing (the particle hid the acronym) and PPO 및 GRPO the one note writing 및; in English PPO and
    GRPO found nothing. "And" between two acronyms lists methods, as PPO GRPO."""
    assert type_query(bundled_box, query) == type_query(bundled_box, "PPO GRPO") != []


@pytest.mark.parametrize(("query", "slug", "spelt"), [("현우", "simpletom", "hyunwoo"), ("재홍", "refusal-falls-off-a-cliff", "jaehong"),
                                                    ("예진", "simpletom", "yejin")])
def test_a_korean_given_name_alone_finds_the_author(bundled_box, query: str, slug: str, spelt: str) -> None:  # noqa: ANN001
    """현우 alone found nothing (as 예진 offered "did you mean 아진다"), though 김현우 found Hyunwoo Kim: a
    reader may remember the given name only. Its Latin spellings are tried as an author's given name."""
    assert type_query(bundled_box, query) == [slug]
    assert bundled_box.inner_text(".pn-search__correction") == spelt
    assert "로마자 이름으로 찾았습니다" in bundled_box.inner_text(".pn-search__status")


def test_a_typo_offers_the_whole_query_corrected(bundled_box) -> None:  # noqa: ANN001
    """reward modle offered "did you mean: model", a word on its own: the reader wants the query again."""
    assert type_query(bundled_box, "reward modle") == type_query(bundled_box, "reward model")
    type_query(bundled_box, "reward modle")
    assert bundled_box.inner_text(".pn-search__correction") == "reward model"


@pytest.mark.parametrize(("query", "meant"), [("reasonng", "reasoning"), ("reward modle", "reward model"), ("강화핛습", "강화학습"),
                                           ("hallucinaton", "hallucination")])
def test_a_corrected_query_is_searched_as_if_typed(bundled_box, query: str, meant: str) -> None:  # noqa: ANN001
    """reasonng said "did you mean: reasoning" but ranked otherwise (Reasons to Reject first, by its
    title's stem) and had no link to the tag 추론 that reasoning shows: the corrected query is now
    searched as typed, tags and ranking included, the correction still offered."""
    def seen() -> tuple[list[str], list[str]]:
        tags = bundled_box.eval_on_selector_all(".pn-search__tags:not([hidden]) a", "as => as.map(a => a.getAttribute('href'))")
        return bundled_box.eval_on_selector_all(".pn-search__results a.pn-search__title", "as => as.map(a => a.getAttribute('href'))"), tags

    type_query(bundled_box, meant)
    expected = seen()
    assert expected[1], "the word names a tag"
    type_query(bundled_box, query)
    assert seen() == expected
    assert bundled_box.inner_text(".pn-search__correction") == meant


@pytest.mark.parametrize(("query", "year", "words"), [("2024년 보상 모델", "2024", "보상 모델"), ("보상 모델 2024", "2024", "보상 모델"),
                                                ("2023 RLHF", "2023", "RLHF"), ("추론 2025년", "2025", "추론")])
def test_a_year_beside_other_words_keeps_that_years_notes(bundled_box, bundled_build: Path, query: str, year: str, words: str) -> None:  # noqa: ANN001
    """A Korean search QA pass: 2024년 보상 모델 said "no note contains 2024년", 2023 RLHF "no note
    contains all of these words", 추론 2025년 listed the notes of every year. The year keeps the
    notes of that year (the note's date, as the archive) that the other words find, says so and
    links the year's page; a name's version stays a word (AIME 2024)."""
    dated = {n["slug"]: n["date"][:4] for n in json.loads((bundled_build / "notes.json").read_text(encoding="utf-8"))["notes"]}
    every = type_query(bundled_box, words)
    found = type_query(bundled_box, query)
    # every note found is of that year, in the order the words alone rank them (those shown of theirs first)
    assert found and all(dated[s] == year for s in found), found
    shown = [s for s in every if dated[s] == year]
    assert found[:len(shown)] == shown, (found, every)
    assert (year + "년의 노트만" in bundled_box.inner_text(".pn-search__status"))
    assert bundled_box.eval_on_selector_all(f".pn-search__tags a[href$='/{year}/']", "as => as.length") == 1
    aime = type_query(bundled_box, "AIME 2024")
    assert aime and "년의 노트만" not in bundled_box.inner_text(".pn-search__status")
    assert any(dated[s] != "2024" for s in aime) or bundled_box.locator(".pn-search__results mark", has_text="2024").count()


@pytest.mark.parametrize(("query", "offered"), [("markovian thinkr", "markovian thinks"), ("thinkr markovian", "thinks markovian")])
def test_a_typo_that_begins_another_word_is_corrected_when_the_query_finds_nothing(bundled_box, query: str, offered: str) -> None:  # noqa: ANN001
    """markovian thinkr found nothing, "use fewer words": thinkr begins ThinkRM, a word of another
    note, so it counted as found and was never corrected. Now the query finds The Markovian Thinker,
    corrected; thinkr alone still finds the ThinkRM notes, and two real words no note holds
    together are not "corrected" into each other's notes."""
    assert "the-markovian-thinker" in type_query(bundled_box, query)
    assert bundled_box.inner_text(".pn-search__correction") == offered
    thinkrm = type_query(bundled_box, "thinkr")
    assert thinkrm and "the-markovian-thinker" not in thinkrm
    assert not bundled_box.query_selector(".pn-search__correction")
    type_query(bundled_box, "grpo markovian")
    assert not bundled_box.query_selector(".pn-search__correction")


@pytest.mark.parametrize(("query", "offered"), [("뷁뷁 자오", None), ("qwertyzz hallucinaton", None),
                                              ("reward modle", "reward model"), ("보상모댈", "보상모델")])
def test_a_correction_is_offered_only_when_it_finds_notes(bundled_box, query: str, offered: str | None) -> None:  # noqa: ANN001
    """뷁뷁 자오 said "no results — did you mean: 뷁뷁 나오", and qwertyzz hallucinaton "did you mean:
    qwertyzz hallucination": suggestions that find nothing either. A correction is offered only
    with the notes it finds; searched as offered, it finds them."""
    found = type_query(bundled_box, query)
    shown = bundled_box.query_selector(".pn-search__correction")
    assert (shown.inner_text() if shown else None) == offered
    assert bool(found) == bool(offered)
    if offered:
        assert type_query(bundled_box, offered) == found


def test_a_korean_word_inside_a_verb_form_is_neither_found_nor_marked(bundled_box) -> None:  # noqa: ANN001
    """지도 학습 found S-GRPO and marked 커지도록 (become larger): the index held the verb form by its inner
    sub-word 지도록. A verb form is no compound."""
    found = type_query(bundled_box, "지도 학습")
    assert found and "s-grpo" not in found, found
    marks = bundled_box.eval_on_selector_all(".pn-search__results mark", "els => els.map(e => e.textContent)")
    assert not any("커지" in m for m in marks), marks


@pytest.mark.parametrize("query", ["<think>", "</think>", "<think"])
def test_a_special_token_ranks_the_notes_writing_it_first(bundled_box, query: str) -> None:  # noqa: ANN001
    """<think> was the concept thinking: the note on ThoughtMani, which writes the token, came 12th."""
    assert type_query(bundled_box, query)[0] == "thought-manipulation"


@pytest.mark.parametrize(("query", "meant"), [("강ㅎ", "강화"), ("보상모ㄷ", "보상모델"), ("강화학ㅅ", "강화학습")])
def test_a_lone_consonant_after_syllables_is_the_next_syllable_begun(bundled_box, query: str, meant: str) -> None:  # noqa: ANN001
    """강ㅎ (typed without an input method's composition, on the way to 강화) found nothing: the lone
    consonant begins the next syllable, as a prefix."""
    found = type_query(bundled_box, query)
    assert found and found[0] in type_query(bundled_box, meant), found


@pytest.mark.parametrize(("query", "part", "left", "why"), [("R1-Zero", "R1", "Zero", "이 단어는 빼고 찾았습니다: "), ("r1-zero", "r1", "zero", "이 단어는 빼고 찾았습니다: "),
                                                            ("GPT-9z", "GPT", "9z", "어느 노트에도 없는 단어는 빼고 찾았습니다: "),
                                                            ("DeepSeek-R1-Zero", "DeepSeek-R1", "Zero", "이 단어는 빼고 찾았습니다: ")])
def test_a_hyphenated_name_no_note_writes_finds_its_first_parts_notes(bundled_box, query: str, part: str, left: str, why: str) -> None:  # noqa: ANN001
    """R1-Zero (the notes write DeepSeek-R1 and R1-Distill, never R1-Zero) found the one note
    holding R1 and, in its abstract, zero-shot; GPT-9z and DeepSeek-R1-Zero found nothing. The
    first part's notes are shown (the name's, for a third part), and the box names the part left
    out as the reader typed it."""
    found = type_query(bundled_box, query)
    status = bundled_box.inner_text(".pn-search__status")
    assert found and found == type_query(bundled_box, part), found
    assert status.endswith(why + left), status


@pytest.mark.parametrize("query", ["GPT-4o", "Think-RM", "S-GRPO", "pre-training", "Qwen2.5-Math", "SophiaVL-R1-7B"])
def test_a_hyphenated_name_a_note_writes_keeps_its_results(bundled_box, query: str) -> None:  # noqa: ANN001
    """The fallback to a name's first part is for names no note writes: these leave nothing out
    (Qwen2.5-Math and SophiaVL-R1-7B, names of more parts, are not held as their last two)."""
    assert type_query(bundled_box, query)
    assert "빼고" not in bundled_box.inner_text(".pn-search__status")


@pytest.mark.parametrize("query", ["강ㅎ", "강화학ㅅ"])
def test_a_word_begun_with_a_lone_consonant_marks_what_it_found(bundled_box, query: str) -> None:  # noqa: ANN001
    """강ㅎ found the notes whose tag label is 강화학습 and marked nothing in them (the card holds no
    tags): the glossary term its words name is marked, RL and reinforcement learning, as for 강화학습."""
    type_query(bundled_box, query)
    marked = bundled_box.eval_on_selector_all(".pn-search__results .pn-search__result",
                                              "rs => rs.slice(0, 5).map(r => [...r.querySelectorAll('mark')].map(m => m.textContent))")
    assert marked and all(marked), marked
    assert any(re.match(r"(RL|[Rr]einforcement)", m) for marks in marked for m in marks), marked


@pytest.mark.parametrize(("query", "composed"), [("ㄱㅏㅇㅎㅘ", "강화"), ("ㄱㅏㅇㅎㅗㅏ", "강화"), ("ㄱㅏㅇㅎ", "강ㅎ"),
                                               ("ㄱㅏㅇㅎㅘㅎㅏㄱㅅㅡㅂ", "강화학스ㅂ"), ("ㅂㅗㅅㅏㅇ ㅁㅗㄷㅔㄹㅇㅡㄹ ㅎㅐㅋㅣㅇ", "보상 모델을 해킹"),
                                               ("\u1100\u1161\u11bc\u1112\u116a", "강화"), ("\u1100\u1161\u11bc\u1112", "강ㅎ")])
def test_lone_hangul_letters_are_composed_into_syllables(bundled_box, query: str, composed: str) -> None:  # noqa: ANN001
    """ㄱㅏㅇㅎㅘ (a keyboard without composition, a paste of lone letters) found nothing: it is 강화.
    A consonant at the end of the query stays lone, the next syllable begun (ㄱㅏㅇㅎ is 강ㅎ, ㄱㅏㅇㅎㅘㅎㅏㄱㅅㅡㅂ
    강화학스ㅂ, which finds 강화학습); before another word it ends its syllable."""
    found = type_query(bundled_box, query)
    marks = bundled_box.eval_on_selector_all(".pn-search__results mark", "els => els.length")
    assert found and found == type_query(bundled_box, composed), found
    assert marks == bundled_box.eval_on_selector_all(".pn-search__results mark", "els => els.length")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_back_from_a_result_shows_as_many_results_scrolled_as_far(browser, bundled: str, viewport: dict) -> None:  # noqa: ANN001
    """A reader pressed "10개 더 보기", followed the 15th result and came back: the page, loaded
    again (no back-forward cache: the pages are sent `no-store`), showed the first 10 results at
    the top of the list. As many results are shown as were, the list scrolled as it was."""
    context = browser.new_context(viewport=viewport, is_mobile=viewport is PHONE, has_touch=viewport is PHONE)
    context.add_init_script("localStorage.setItem('papernotes.lang', 'ko')")

    def no_store(route) -> None:  # noqa: ANN001
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "cache-control": "no-store"})

    context.route(re.compile(r".*/$"), no_store)   # the pages: never kept whole for Back
    page = context.new_page()
    try:
        page.goto(bundled)
        type_query(page, "강화학습")
        page.click(".pn-search__more")
        page.wait_for_function("document.querySelectorAll('.pn-search__result').length === 20")
        result = page.locator(".pn-search__result").nth(14)
        result.scroll_into_view_if_needed()
        scrolled = page.evaluate("document.querySelector('.pn-search__panel').scrollTop")
        assert scrolled > 0
        href = result.locator("a.pn-search__title").get_attribute("href")
        page.evaluate("window.__left = true")
        result.locator("a.pn-search__title").click()
        page.wait_for_url(f"**{href}")
        page.go_back()
        page.wait_for_function("document.querySelector('.pn-search__results') && document.querySelector('.pn-search__results').dataset.count !== undefined")
        assert page.evaluate("window.__left") is None, "the page was kept whole: nothing to restore"
        assert page.locator(".pn-search__result").count() == 20
        assert page.evaluate("document.querySelector('.pn-search__panel').scrollTop") == scrolled
        assert page.locator(".pn-search__result").nth(14).locator("a.pn-search__title").get_attribute("href") == href
    finally:
        context.close()


GTALIGN = """---
title: "GTAlign: Game-Theoretic Alignment of LLM Assistants for Mutual Welfare"
authors: [Siqi Zhu, David Zhang]
date: 2025-10-10
tags: [reward-model]
arxiv: "2510.08872"
---

## 한국어

답변을 고르는 일을 두 플레이어의 보수 행렬로 본다.

## English

Treats choosing a reply as a payoff matrix between two players.
"""


@pytest.mark.parametrize("query", ["game theory", "게임 이론", "game-theoretic"])
def test_game_theory_finds_a_game_theoretic_title(browser, tmp_path_factory: pytest.TempPathFactory, serve, query: str) -> None:  # noqa: ANN001
    """Found by a newcomer's QA pass: after adding GTAlign (Game-Theoretic Alignment…), `game
    theory` and `게임 이론` found nothing (the stemmer keeps theory and theoretic apart): the
    project's glossary joins them, and the Korean term."""
    base = _served_site(tmp_path_factory, serve, "gtalign-site", {"2025/gtalign.md": GTALIGN},
                        {"glossary.yml": (BUNDLED_DATA / "glossary.yml").read_text(encoding="utf-8")})
    page = new_page(browser, DESKTOP, "ko")
    try:
        page.goto(base)
        assert [h for h in type_query(page, query) if "gtalign" in h], query
    finally:
        page.context.close()


TAB_TRAIL = """() => { const box = document.querySelector('.pn-search'), a = document.activeElement;
    return {inside: box.contains(a), toggle: !!a.closest('.pn-toggle'), open: box.hasAttribute('data-open'),
            panel: !document.querySelector('.pn-search__panel').hidden}; }"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_tab_past_the_results_closes_what_covers_the_page(browser, bundled: str, viewport: dict) -> None:  # noqa: ANN001
    """Found by a QA pass: Tab past the last result went on to the header and the page, the results
    still open over them, focus out of sight. Leaving the search closes it where it covers the
    page (a phone) and hides the results beside it (a wide screen), where the language switch
    keeps them (a reader switches to read them in the other language)."""
    page = new_page(browser, viewport, "ko")
    try:
        page.goto(bundled)
        assert type_query(page, "ppo")
        page.locator(".pn-search__panel :is(button, a):visible").last.focus()
        trail = []
        for _ in range(8):
            page.keyboard.press("Tab")
            trail.append(page.evaluate(TAB_TRAIL))
        left = [t for t in trail if not t["inside"]]
        assert left, trail
        for t in left:
            if viewport is PHONE:
                assert not t["open"] and not t["panel"], trail
            else:
                assert t["panel"] == t["toggle"], trail   # hidden, but over the language switch
    finally:
        page.context.close()


def test_the_results_count_is_announced_once_typing_pauses(browser, bundled: str) -> None:  # noqa: ANN001
    """Found by a QA pass: typing `reasoning` rewrote the live status ten times (Searching…, 43
    results, 38, 36, 36, 36…), each read out. The line on screen still follows every key; what
    is announced is its words once they have stayed for a moment, and only when they change."""
    page = new_page(browser, DESKTOP, "ko")
    try:
        page.goto(bundled)
        page.click(".pn-search__input")
        page.evaluate("""() => { window.__spoken = 0; const live = document.querySelector('.pn-search__panel [aria-live]');
          new MutationObserver(() => window.__spoken++).observe(live, {childList: true}); }""")
        page.keyboard.type("reasoning", delay=150)
        page.wait_for_timeout(1500)
        live, shown = page.evaluate("""() => [document.querySelector('.pn-search__panel [aria-live]').textContent,
          document.querySelector('.pn-search__status').textContent]""")
        assert live == shown and "결과" in live, (live, shown)
        assert page.evaluate("window.__spoken") <= 2
        assert page.evaluate("document.querySelector('.pn-search__status').hasAttribute('aria-live')") is False
        # A status holding links (an arXiv id no note has) is announced as words: no hidden link to Tab to.
        page.fill(".pn-search__input", "2501.99999")
        page.wait_for_timeout(1500)
        assert "2501.99999" in page.inner_text(".pn-search__status")
        assert page.evaluate("document.querySelectorAll('.pn-search__panel [aria-live] a, .pn-search__panel [aria-live] button').length") == 0
        # Nor a copy of the status's parts by their class (a stale copy's .pn-search__correction was
        # found as the status's own); only the languages' spans keep theirs.
        classes = page.evaluate("[...document.querySelectorAll('.pn-search__panel [aria-live] [class]')].map(e => e.className)")
        assert set(classes) <= {"pn-lang"}, classes
        page.fill(".pn-search__input", "reward modle")
        page.wait_for_timeout(1500)
        assert page.locator(".pn-search__correction").count() == 1   # the status's, not also its spoken copy's
    finally:
        page.context.close()


def test_on_a_wide_screen_typing_leaves_the_page_behind_where_it_was(browser, bundled: str) -> None:  # noqa: ANN001
    """Chromium scrolls a page towards a field in its sticky header as it is typed in: the page
    behind the results moved up 41 px a key, and the reader lost their place (a QA pass)."""
    page = new_page(browser, DESKTOP, "en")
    try:
        page.goto(bundled + "tags/reasoning/")
        page.evaluate("window.scrollTo(0, 1500)")
        y = page.evaluate("window.scrollY")
        assert y > 1000
        field = page.locator(".pn-search__input").bounding_box()
        page.mouse.click(field["x"] + 20, field["y"] + field["height"] / 2)   # as a reader clicks: no scrolling to it first
        page.keyboard.type("chain of thought", delay=30)
        page.wait_for_function("document.querySelector('.pn-search__results').dataset.count !== undefined")
        page.wait_for_timeout(100)
        assert page.evaluate("window.scrollY") == y
        page.keyboard.press("Escape")
        assert page.evaluate("window.scrollY") == y
    finally:
        page.context.close()


@pytest.mark.parametrize("query", ["markovian", "GRPO", "https://arxiv.org/abs/2510.06557"])
def test_enter_pressed_before_the_results_come_opens_the_first(browser, bundled: str, query: str) -> None:  # noqa: ANN001
    """Enter straight after the last key (or a paste) came before the results and was ignored: a
    second Enter was needed (a QA pass). It opens the first result once they come."""
    page = new_page(browser, DESKTOP, "en")
    try:
        page.goto(bundled)
        page.click(".pn-search__input")
        page.wait_for_function("() => true")
        if query.startswith("https"):
            page.fill(".pn-search__input", query)
        else:
            page.keyboard.type(query, delay=20)
        page.keyboard.press("Enter")
        page.wait_for_url("**/notes/**", timeout=10_000)
    finally:
        page.context.close()


def test_a_new_query_shows_its_results_from_the_top(browser, bundled: str) -> None:  # noqa: ANN001
    """With the list scrolled down, a new query's results showed scrolled as far, their count and
    first results out of sight (a QA pass)."""
    page = new_page(browser, DESKTOP, "en")
    try:
        page.goto(bundled)
        type_query(page, "reasoning")
        page.click(".pn-search__more")
        page.wait_for_function("document.querySelectorAll('.pn-search__results > li').length > 10")
        page.evaluate("document.querySelector('.pn-search__panel').scrollTop = 10000")
        assert page.evaluate("document.querySelector('.pn-search__panel').scrollTop") > 100
        type_query(page, "DPO")
        assert page.evaluate("document.querySelector('.pn-search__panel').scrollTop") == 0
    finally:
        page.context.close()


def test_on_a_wide_screen_back_to_a_search_gives_the_keyboard_its_results(browser, bundled: str) -> None:  # noqa: ANN001
    """Back from a result showed the search as left, but focus was on the page: Escape did not close
    it and the arrows did nothing (a QA pass). With a keyboard the field has the focus again."""
    page = new_page(browser, DESKTOP, "en")
    try:
        back_from_the_first_result(page, bundled, "reward model")
        assert page.evaluate("document.activeElement.classList.contains('pn-search__input')")
        page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.classList.contains('pn-search__title')")
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
        assert page.is_hidden(".pn-search__panel")
    finally:
        page.context.close()


@pytest.mark.parametrize(("query", "ko", "en"), [("테스트타임 스케일링", "태그: 테스트 타임 스케일링", "Tag: Test-time scaling"),
                                                 ("#rlhf", "태그: RLHF", "Tag: RLHF"),
                                                 ("hallucinations", "태그: 환각", "Tag: Hallucination")])   # inflected (a search QA pass)
def test_a_result_found_by_its_tag_alone_says_so(bundled_box, query: str, ko: str, en: str) -> None:  # noqa: ANN001
    """A tag the query names puts its notes first; one whose text marks nothing showed no reason
    at all for being first (a QA pass). Its row names the tag, in both languages."""
    type_query(bundled_box, query)
    rows = bundled_box.eval_on_selector_all(
        ".pn-search__results > li", "els => els.map(e => [e.querySelectorAll('mark').length,"
        " Array.from(e.querySelectorAll('.pn-search__bridge .pn-lang')).map(s => s.textContent).join('|')])")
    unmarked = [why for marks, why in rows if marks == 0]
    assert unmarked and all(why == f"{ko}|{en}" for why in unmarked), rows
    assert not [why for marks, why in rows if marks > 0 and why.startswith("태그")], rows  # a row that marks its match needs no more


def test_the_arrows_reach_more_results_and_home_and_end_the_ends(browser, bundled: str) -> None:  # noqa: ANN001
    """ArrowDown stopped at the tenth result: "more" was reached only by Tab; Home and End did
    nothing in the results (a QA pass)."""
    page = new_page(browser, DESKTOP, "en")
    try:
        page.goto(bundled)
        type_query(page, "reasoning")
        assert page.is_visible(".pn-search__more")
        shown = page.locator(".pn-search__results a.pn-search__title").count()
        for _ in range(shown + 1):
            page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.classList.contains('pn-search__more')")
        page.keyboard.press("ArrowUp")
        assert page.evaluate("document.activeElement === [...document.querySelectorAll('a.pn-search__title')].pop()")
        page.keyboard.press("Home")
        assert page.evaluate("document.activeElement === document.querySelector('a.pn-search__title')")
        page.keyboard.press("End")
        assert page.evaluate("document.activeElement === [...document.querySelectorAll('a.pn-search__title')].pop()")
    finally:
        page.context.close()


def _person_note(slug: str, day: int, authors: str, text: str) -> str:
    return (f"---\ntitle: \"{slug.title()} Paper\"\nauthors: [{authors}]\ndate: 2025-06-{day:02d}\ntags: [rl]\n"
            f"url: https://example.org/{slug}\n---\n\n## 한국어\n\n{text}\n\n## English\n\n{text}\n")


# One note by Rahul M. O. Wang; three newer ones where a Rahul and a Wang are two other authors.
PERSON_NOTES = {
    "2025/own.md": _person_note("own", 1, "Ana Lee, Rahul M. O. Wang", "A paper."),
    **{f"2025/apart-{k}.md": _person_note(f"apart-{k}", 10 + k, "Rahul Singh, Wei Wang, Rahul Wang Jr", "Rahul and Wang again.")
       for k in range(3)},
    "2025/hehe.md": _person_note("hehe", 2, "He He, Ana Lee", "A paper."),
    "2025/head.md": _person_note("head", 20, "Xinlei He, Ana Lee", "He heads the helpful head."),
}


@pytest.fixture(scope="module")
def persons(tmp_path_factory: pytest.TempPathFactory, serve) -> str:  # noqa: ANN001
    return _served_site(tmp_path_factory, serve, "search-persons", PERSON_NOTES, {})


@pytest.mark.parametrize(("query", "first"), [("Rahul M. O. Wang", "own"), ("rahul mo wang", "own"), ("Wang, Rahul M. O.", "own"),
                                              ("He He", "hehe")])
def test_a_persons_whole_name_puts_their_notes_first(pages, persons: str, query: str, first: str) -> None:  # noqa: ANN001
    """A QA pass at 10,000 notes: Rahul M. O. Wang's one note was the 66th result of his name, after
    every note where a Rahul and a Wang are two other authors (initials are no search words); He He
    was behind Xinlei He. The notes whose author is the whole name come first, in any order typed."""
    page = open_page(pages, persons, DESKTOP)
    found = type_query(page, query)
    assert found[0] == first and len(found) > 1, found
