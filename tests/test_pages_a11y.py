"""Every page kind as a reader's browser sees it: axe-core finds no serious or critical problem in
either palette or language, the language attribute follows the switch, the keyboard reaches the
content quickly, no page asks another origin for anything, and nothing shifts after load.

A browser page costs most of a test's time when it is made (about a second of CPU for each new
page or context on a 2-core machine, more than loading a page into it), so a palette's visits
share one page, and a page is waited for with `conftest.visit` (loaded, and no request in flight
for a moment) rather than Playwright's "networkidle" (half a second idle per visit).

axe-core comes from npm (pinned in tests/axe/package-lock.json) and is installed on demand into
.cache/test-tools/ (gitignored); locally the tests skip when npm cannot install it, in CI they fail.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
import fcntl
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import LAYOUT_SHIFT, ROOT, visit
from papernotes.pages import registry
from papernotes.catalog import urls
from papernotes.catalog.index import build_index
from papernotes.source.tree import load_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page
    from conftest import Serve

pytestmark = pytest.mark.browser

TOOLS = ROOT / "tests" / "axe"
CACHE = ROOT / ".cache" / "test-tools"

# One page of each kind the page families plan (`pages.registry`), plus pages of docs/.
DOCS_PAGES = {"about": "about.md", "contributing": "contributing.md", "my list": urls.reading_list_page()}
PAGE_KINDS = [*registry.kinds(), *DOCS_PAGES]


@pytest.fixture(scope="module")
def kind_urls(reader_build: Path) -> dict[str, str]:
    """Each page kind's example page in the reader fixture site (tests/conftest.py READER_NOTES)."""
    loaded = load_site(reader_build.parent, "data")
    found = registry.examples(build_index(loaded.notes, loaded.tags)) | DOCS_PAGES
    assert list(found) == PAGE_KINDS, "the fixture must have a page of every kind"
    return {kind: urls.src_to_url(src) for kind, src in found.items()}


def _fail_or_skip(message: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe.min.js, installed from the lock file into the cache folder when missing or stale."""
    script = CACHE / "node_modules" / "axe-core" / "axe.min.js"
    lock = (TOOLS / "package-lock.json").read_text(encoding="utf-8")
    stamp = CACHE / "package-lock.json"
    CACHE.mkdir(parents=True, exist_ok=True)
    # One installer at a time: the suite's workers (pytest-xdist) may all get here at once.
    with (CACHE / ".install-lock").open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        _install_axe(script, lock, stamp)
    return script.read_text(encoding="utf-8")


def _install_axe(script: Path, lock: str, stamp: Path) -> None:
    if not script.exists() or not stamp.exists() or stamp.read_text(encoding="utf-8") != lock:
        npm = shutil.which("npm")
        if npm is None:
            _fail_or_skip("npm is missing: it installs axe-core for the accessibility tests (apt-get install npm)")
        CACHE.mkdir(parents=True, exist_ok=True)
        shutil.copy(TOOLS / "package.json", CACHE / "package.json")
        shutil.copy(TOOLS / "package-lock.json", CACHE / "package-lock.json")
        result = subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=CACHE,
                                capture_output=True, text=True, timeout=300)
        if result.returncode != 0 or not script.exists():
            stamp.unlink(missing_ok=True)
            _fail_or_skip(f"npm could not install axe-core into {CACHE}:\n{result.stderr[-2000:]}")


@pytest.fixture(scope="module")
def base(reader_build: Path, serve: Serve) -> str:
    return serve(reader_build)


@pytest.fixture(scope="module", params=["light", "dark"])
def scheme_page(request, browser: Browser):  # noqa: ANN001, ANN201 - a fixture, typed where it is made
    """(page, palette): one page per palette for this module's visits, each visit a navigation of
    it (a fresh document; the context's storage is shared by the palette's visits, as it was)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=request.param)
    context.add_init_script(LAYOUT_SHIFT)
    yield context.new_page(), request.param
    context.close()


# The axe rules whose result can depend on the palette: those tagged "cat.color" that axe runs by
# default (its AAA contrast rule, color-contrast-enhanced, is off in both palettes).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
PALETTE_SWITCH = "form[data-md-component=palette]"


def serious(page: Page, axe_source: str, palette: str = "light") -> list[str]:
    """axe-core's serious and critical violations on the page as it is now, one line per node.
    axe is added to the page once (a second check of the same loaded page reuses it), with the
    page's transitions turned off: axe scrolls to reach some elements, the header then fades to the
    page's title, and a colour caught mid-fade is not one a reader reads.

    In the dark palette (`palette="dark"`, the page already checked with every rule in the light
    one) only what the palette changes is checked again: the colours (COLOUR_RULES, on the whole
    page) and the palette switch, which shows its other button (every rule, on the switch). The
    palettes differ in nothing else: the theme's stylesheets and ours key only colour variables
    and `color-scheme` on the palette (and the theme's #only-light images, which the site has none of).
    """
    if page.evaluate("typeof window.axe === 'undefined'"):
        page.add_script_tag(content=axe_source)
        page.add_style_tag(content="*, ::before, ::after { transition: none !important; animation: none !important; }")
    result = page.evaluate("""async ([dark, colours, palette]) => {
        const known = axe.getRules(["cat.color"]).map(r => r.ruleId).filter(id => id !== "color-contrast-enhanced");
        if (known.join() !== [...colours].sort().join()) return [`axe's colour rules are now ${known}: update COLOUR_RULES`];
        const runs = dark ? [[document, {resultTypes: ["violations"], runOnly: {type: "rule", values: colours}}],
                             [{include: [[palette]]}, {resultTypes: ["violations"]}]]
                          : [[document, {resultTypes: ["violations"]}]];
        const violations = [];
        for (const [context, options] of runs) violations.push(...(await axe.run(context, options)).violations);  // one at a time
        return violations.filter(v => v.impact === "serious" || v.impact === "critical")
          .flatMap(v => v.nodes.map(n => `${v.id} (${v.impact}): ${n.target.join(" ")}: ${n.failureSummary}`));
    }""", [palette == "dark", COLOUR_RULES, PALETTE_SWITCH])
    return result


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_page_kind_is_accessible_self_contained_and_still(scheme_page, base: str, axe_source: str, kind: str, kind_urls: dict[str, str]) -> None:  # noqa: ANN001 - a fixture, typed where it is made
    """One visit per page kind and palette, checked in both languages (the switch, as a reader
    uses it): axe finds no serious or critical problem (in the dark palette: in what the palette
    changes, see `serious`), the page asks no other origin for anything
    and no missing file (a 404 costs a request and logs a console error: mkdocs-material fetches a
    sitemap.xml next to every <link rel=alternate>, and a tag feed's directory has none), it
    preconnects nowhere, and nothing shifts after load."""
    page, palette = scheme_page
    foreign: list[str] = []
    missing: list[str] = []

    def request(r) -> None:  # noqa: ANN001 - Playwright's Request
        if urlparse(r.url).netloc not in ("", urlparse(base).netloc) and not r.url.startswith(("data:", "blob:")):
            foreign.append(r.url)

    def response(r) -> None:  # noqa: ANN001 - Playwright's Response
        if r.status >= 400:
            missing.append(f"{r.status} {r.url}")

    page.on("request", request)
    page.on("response", response)
    try:
        visit(page, f"{base}{kind_urls[kind]}?lang=ko")
        assert page.evaluate("window.__pnShift") <= 0.02
        assert page.locator("link[rel=preconnect]").count() == 0
        assert page.evaluate("document.documentElement.lang") == "ko"
        assert serious(page, axe_source, palette) == []
        page.click(".pn-toggle__button[data-lang=en]")
        assert page.evaluate("document.documentElement.lang") == "en"
        assert serious(page, axe_source, palette) == []
        assert (foreign, missing) == ([], [])
    finally:
        page.remove_listener("request", request)
        page.remove_listener("response", response)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_serious_accessibility_problem_with_search_results_open(scheme_page, base: str, axe_source: str, lang: str) -> None:  # noqa: ANN001 - a fixture, typed where it is made
    page, palette = scheme_page
    page.goto(f"{base}?lang={lang}")
    page.fill(".pn-search__input", "particle")
    page.wait_for_selector(".pn-search__results > li")
    assert page.is_visible(".pn-search__panel")
    assert serious(page, axe_source, palette) == []


def test_selected_tag_chips_keep_their_contrast(scheme_page, base: str, axe_source: str, kind_urls: dict[str, str]) -> None:  # noqa: ANN001 - a fixture, typed where it is made
    """Browse with tags chosen (a shared selection): a chosen chip and its count stay readable in
    both palettes (white on the theme's accent was 4.26:1, the count on it 3.6:1 and 2.7:1)."""
    page, palette = scheme_page
    page.goto(f"{base}{kind_urls['browse']}?tags=safety,rl")
    page.wait_for_selector('.pn-filter-tag[aria-pressed="true"]')
    assert serious(page, axe_source, palette) == []


# What a pointer rests on: a tag chip, the reading list's button, a button in running text. The
# theme fills them with its accent on hover (#526cfe: white on it is 4.25:1, under 4.5:1).
HOVERED = ["a.pn-tag", ".pn-rl__save", ".md-typeset .md-button"]


@pytest.mark.parametrize("selector", HOVERED)
def test_what_the_pointer_rests_on_keeps_its_contrast(scheme_page, base: str, axe_source: str, kind_urls: dict[str, str],  # noqa: ANN001 - a fixture, typed where it is made
                                                      selector: str) -> None:
    page, palette = scheme_page
    page.goto(f"{base}{kind_urls['note']}?lang=en")
    target = page.locator(selector).locator("visible=true").first
    target.hover()
    assert serious(page, axe_source, palette) == []


@pytest.fixture(scope="module")
def search_page(browser: Browser):  # noqa: ANN201 - a fixture, typed where it is made
    """One page for the open-search-box visits below; each sets its own size and palette."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1366, "height": 900}], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_problem_in_the_open_search_box(search_page: Page, bundled_build: Path, serve: Serve, axe_source: str,
                                                                 viewport: dict, lang: str, scheme: str) -> None:
    """The bundled notes: a Korean query that the glossary bridges to English, the first result
    focused (ArrowDown), on a phone (the field across the screen) and a wide screen; the home page
    also gives each result the reading list's Save button. The dark palette checks what it changes
    (`serious`)."""
    page = search_page
    page.set_viewport_size(viewport)
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{serve(bundled_build)}?lang={lang}")
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
    if page.is_visible(".pn-search__open"):
        page.click(".pn-search__open")
    else:
        page.click(".pn-search__input")
    page.keyboard.type("보상 해킹")
    page.keyboard.press("Shift+Enter")   # search now (a plain Enter opens the first result once shown)
    page.wait_for_selector(".pn-search__results[data-count] .pn-search__bridge")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("!!document.activeElement.closest('.pn-search__results')")
    assert serious(page, axe_source, scheme) == []


def test_html_lang_follows_the_switch(page: Page, base: str, kind_urls: dict[str, str]) -> None:
    page.goto(f"{base}{kind_urls['note']}?lang=ko")
    assert page.evaluate("document.documentElement.lang") == "ko"
    page.click(".pn-toggle__button[data-lang=en]")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.reload()
    assert page.evaluate("document.documentElement.lang") == "en"
    # The paper's title and abstract are English whatever the page's language.
    page.click(".pn-toggle__button[data-lang=ko]")
    assert page.evaluate("document.documentElement.lang") == "ko"
    assert page.get_attribute("article.pn-note h1", "lang") == "en"


@pytest.mark.parametrize("guide", ["contributing/", "security/", "benchmarks/"])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_table_of_contents_entries_speak_their_headings_language(page: Page, base: str, guide: str, lang: str) -> None:
    """An accessibility QA pass: in the Korean interface the benchmarks' table of contents listed
    its English sections under lang="ko" (a screen reader read them in a Korean voice). Each entry
    now has its heading's language, whatever the interface's."""
    page.goto(f"{base}{guide}?lang={lang}")
    wrong = page.evaluate("""() => [...document.querySelectorAll('.md-nav--secondary a.md-nav__link[href^="#"]')].flatMap((a) => {
      const heading = document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
      const want = heading && heading.closest('[lang]').lang, got = a.closest('[lang]').lang;
      return want === got ? [] : [[a.textContent.trim(), got, want]]; })""")
    assert page.locator(".md-nav--secondary a.md-nav__link").count() > 3 and wrong == []


def test_a_note_is_reached_in_three_tab_presses(page: Page, base: str, kind_urls: dict[str, str]) -> None:
    page.goto(f"{base}{kind_urls['note']}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('pn-skip')")
    assert page.is_visible(".pn-skip")  # visible while focused
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('article.md-content__inner')")


def test_keyboard_reaches_our_controls_with_a_visible_focus(page: Page, base: str, kind_urls: dict[str, str]) -> None:
    page.goto(f"{base}{kind_urls['browse']}")
    page.wait_for_selector(".pn-filter-tag")
    seen: dict[str, str] = {}
    for _ in range(200):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => { const e = document.activeElement; const s = getComputedStyle(e);
            return {cls: e.className && e.className.baseVal === undefined ? e.className : "",
                    outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 ? "yes" : "no"}; }""")
        for control in ("pn-toggle__button", "pn-filter-tag"):
            if control in info["cls"].split():
                seen.setdefault(control, info["outline"])
        if len(seen) == 2:
            break
    assert seen == {"pn-toggle__button": "yes", "pn-filter-tag": "yes"}


def test_space_toggles_a_tag_chip_as_it_does_any_button(page: Page, base: str, kind_urls: dict[str, str]) -> None:
    """Browse's chips are toggle buttons to a screen reader (role="button", aria-pressed): Space
    must press them, as Enter does. It scrolled the page past them instead."""
    page.goto(f"{base}{kind_urls['browse']}")
    page.wait_for_selector('.pn-browse[data-ready="true"]')
    page.locator(".pn-filter-tag").first.focus()
    before = page.evaluate("window.scrollY")
    page.keyboard.press(" ")
    page.wait_for_function("document.querySelector('.pn-filter-tag').getAttribute('aria-pressed') === 'true'")
    assert "tags=" in page.url and page.evaluate("window.scrollY") == before
    page.keyboard.press(" ")
    page.wait_for_function("document.querySelector('.pn-filter-tag').getAttribute('aria-pressed') === 'false'")


SPOKEN_WHILE_LOADING = """
window.__spoken = [];
new MutationObserver((changes) => {
  for (const change of changes) {
    const node = change.target.nodeType === 1 ? change.target : change.target.parentElement;
    const region = node && node.closest("[aria-live]:not([aria-live=off]), [role=status], [role=alert]");
    // Not the parser's own insertions (the page as sent): nothing is said of them.
    if (region && document.readyState !== "loading") window.__spoken.push(region.className + ": " + region.textContent.trim().slice(0, 40));
  }
}).observe(document, { childList: true, characterData: true, subtree: true });
"""


@pytest.mark.parametrize("kind", ["home", "browse", "my list"])
def test_live_regions_say_nothing_while_the_page_loads(browser: Browser, base: str, kind_urls: dict[str, str], kind: str) -> None:
    """A screen reader QA pass heard "내 목록 (0)" twice on opening the home page, the browse page's
    count six times, My list's counts: scripts fill them as the page loads. No region is live
    while it changes then; each is live again after the first key (or 1.5 s after the load)."""
    context = browser.new_context()
    context.add_init_script(SPOKEN_WHILE_LOADING)
    page = context.new_page()
    try:
        page.goto(f"{base}{kind_urls[kind]}?lang=ko")
        page.wait_for_load_state("load")
        page.wait_for_timeout(700)
        assert page.evaluate("window.__spoken") == []
        region = {"home": ".pn-rl-news", "browse": ".pn-browse__count", "my list": ".pn-rl-counts"}[kind]
        assert page.locator(region).inner_text() and page.get_attribute(region, "aria-live") is None
        page.keyboard.press("Shift")
        assert page.get_attribute(region, "aria-live") == "polite"
    finally:
        context.close()


def test_tab_never_lands_on_the_hidden_back_to_top_button(page: Page, base: str, kind_urls: dict[str, str]) -> None:
    """Back to top is only transparent while hidden: Tab went to it last on every page, with no
    focus to be seen. It joins the Tab order when it shows (scrolling back up)."""
    page.goto(f"{base}{kind_urls['about']}")
    assert page.evaluate("document.querySelector('.md-top').hidden")
    # Nor is it in the accessibility tree (a keyboard QA pass: screen readers listed "Back to top").
    page.wait_for_timeout(200)   # its fade
    assert "맨 위로" not in page.locator("body").aria_snapshot()   # the page is in Korean
    assert page.evaluate("getComputedStyle(document.querySelector('.md-top')).visibility") == "hidden"
    for _ in range(80):
        page.keyboard.press("Tab")
        assert not page.evaluate("document.activeElement.classList.contains('md-top')")


@pytest.mark.parametrize("viewport", [{"width": 1350, "height": 940}, {"width": 412, "height": 823}], ids=["desktop", "phone"])
def test_pages_do_not_shift_after_load(browser: Browser, base: str, viewport: dict, kind_urls: dict[str, str]) -> None:
    """Every page kind on a phone (on a wide screen every kind is measured by the visit above), and
    the browse page with a shared selection on both (its first rows are unfiltered)."""
    context = browser.new_context(viewport=viewport)
    context.add_init_script(LAYOUT_SHIFT)
    shifts = {}
    pages = [*kind_urls.items()] if viewport["width"] < 600 else []
    try:
        pg = context.new_page()  # each visit is a new document in it, measured from its start
        for kind, path in [*pages, ("browse ?tags=", f"{kind_urls['browse']}?tags=safety,rl")]:
            visit(pg, f"{base}{path}")
            shifts[kind] = pg.evaluate("window.__pnShift")
    finally:
        context.close()
    assert {k: v for k, v in shifts.items() if v > 0.02} == {}


def test_page_scripts_load_only_where_used(page: Page, base: str, kind_urls: dict[str, str]) -> None:
    def scripts(kind: str) -> set[str]:
        page.goto(f"{base}{kind_urls[kind]}")
        # None holds the parser up: every script file is deferred (they run in order after parsing).
        # (ES modules are deferred by definition.)
        assert page.eval_on_selector_all("script[src]", "els => els.filter(e => !e.defer && e.type !== 'module').map(e => e.src)") == [], kind
        # Ours are all ES modules: none leans on a global another one defines.
        ours = page.eval_on_selector_all("script[src]", "els => els.filter(e => !e.src.includes('/javascripts/')).map(e => [e.src, e.type])")
        assert ours and [src for src, kind in ours if kind != "module"] == [], kind
        assert page.evaluate("typeof window.papernotes") == "undefined", kind
        return {s.rsplit("/assets/", 1)[-1] for s in page.eval_on_selector_all("script[src]", "els => els.map(e => e.src)")}

    everywhere = {"theme.js", "lang.js", "search/box.js"}
    home = scripts("home")
    assert everywhere <= home and {"browse-filter.js", "copy.js", "tag-sort.js", "figures.js"} & home == set()
    # The search engine waits for the box's first focus: a page loads none of it.
    assert not [s for s in home if s.startswith("search/") and s != "search/box.js"]
    assert "browse-filter.js" in scripts("browse") and "copy.js" not in scripts("browse")
    assert "copy.js" in scripts("note") and "browse-filter.js" not in scripts("note")
    # A day's first page has the "copy this day as a post" button, which the copy script drives.
    assert "copy.js" in scripts("day") and "browse-filter.js" not in scripts("day")
    assert "tag-sort.js" in scripts("tag index") and "figures.js" in scripts("statistics")
    # Previews of linked notes: on pages with links to notes (a note's related notes), not elsewhere.
    assert "papernotes-preview.js" in scripts("note") and "papernotes-preview.js" not in scripts("statistics")


def test_on_a_phone_axe_finds_nothing_at_any_impact(browser: Browser, base: str, axe_source: str, kind_urls: dict[str, str]) -> None:
    """Every page kind on a phone, where the header's menu button shows: axe finds no problem of
    any impact, minor ones included (the button was a <label role=button>: aria-allowed-role on
    every page)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        found = {}
        for kind, url in kind_urls.items():
            visit(page, f"{base}{url}?lang=ko")
            page.add_script_tag(content=axe_source)
            violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                                       ".map(v => `${v.id} (${v.impact}): ${v.nodes[0].target.join(' ')}`)")
            if violations:
                found[kind] = violations
        assert found == {}
    finally:
        context.close()
