"""Script injection through notes: nothing a note contains may run in a reader's browser.

Two tables: KEEPS (Markdown that notes legitimately use must survive the sanitiser) and
INJECTIONS (hostile front matter and bodies; each must load, render without anything
executable, and still show the text it should). The INJECTIONS are then built with the real
`mkdocs build` (not strict: the checker warns about each tag it removes) and opened in Chromium, where every payload would set
`window.__pwned`; the flag must stay unset.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import make_site, shared_build
from hostile_base import GOOD_NOTES, note, write_site
from search_data import cards
from papernotes.catalog.index import build_index
from papernotes.source.tree import load_site
from papernotes.config import Settings
from papernotes.markup import EXTENSIONS, Converter, HtmlCache
from papernotes.pages.context import PageContext
from papernotes.pages.families.archive import render_day_page
from papernotes.pages.families.home import render_home_page
from papernotes.pages.families.note import render_note_page
from papernotes.pages.families.tag import render_tag_page
from papernotes.pages.families.tag_index import render_tag_index_page

if TYPE_CHECKING:
    from playwright.sync_api import Page
    from conftest import Serve

FORBIDDEN_TAGS = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
    "textarea", "select", "option", "meta", "base", "link", "svg", "template", "noscript", "video", "audio",
    "source", "track", "xmp", "plaintext", "marquee", "isindex", "portal", "dialog",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite", "data"}
FORBIDDEN_ATTRIBUTES = {"style", "srcdoc", "srcset", "formaction", "action", "http-equiv", "autofocus"}
_STRIP = re.compile(r"[\x00-\x20]+")


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text outside tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(fragment: str) -> _Elements:
    parser = _Elements()
    parser.feed(fragment)
    parser.close()
    return parser


def _site_owned(tag: str, attrs: dict[str, str]) -> bool:
    """The page's own map (an SVG the build draws), its preview module and its reference
    downloads: never from a note.

    The sanitiser drops every <svg> and <script> a note writes, and every `data:` link, so these
    exact shapes can only come from the templates.
    """
    if tag == "svg":
        return attrs.get("class") == "pn-map__svg"
    if tag == "script":
        return attrs.get("type") == "module" and attrs.get("src", "").endswith("assets/papernotes-preview.js")
    if tag == "a":  # a note's RIS and CSL-JSON: a file to save (`download`), its text percent-encoded (urls.data_link), never a page
        return "download" in attrs and _DOWNLOAD.fullmatch(attrs.get("href", "")) is not None
    return False


_DOWNLOAD = re.compile(r"data:(application/x-research-info-systems|application/vnd\.citationstyles\.csl\+json)"
                       r";charset=utf-8,[^#'&<>\t\r\n\x00-\x1f\x7f]*")


def unsafe_parts(fragment: str) -> list[str]:
    """What in a rendered note fragment could run script, load active content or restyle the page."""
    found = []
    for tag, attrs in parse(fragment).elements:
        if _site_owned(tag, attrs):
            continue
        if tag in FORBIDDEN_TAGS:
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on") or name in FORBIDDEN_ATTRIBUTES:
                found.append(f"<{tag} {name}=...>")
            if name in URL_ATTRIBUTES and re.match(r"(javascript|vbscript|data|file):", _STRIP.sub("", value).lower()):
                found.append(f"<{tag} {name}={value!r}>")
    return found


def text_of(fragment: str) -> str:
    return " ".join("".join(parse(fragment).text).split())


# --- the allow-list keeps what notes legitimately use: (id, Markdown, [(tag, attribute, value) that must appear]) ---
KEEPS = [
    ("headings", "### Method\n\n#### Details\n\n##### Fine\n\n###### Finer", [("h3", None, None), ("h4", None, None), ("h5", None, None), ("h6", None, None)]),
    ("lists", "- a\n- b\n\npara\n\n3. three\n4. four", [("ul", None, None), ("ol", None, None), ("li", None, None), ("ol", "start", "3")]),
    ("table", "| 모델 | 점수 |\n|:--|--:|\n| A | 1 |", [("table", None, None), ("th", "align", "left"), ("td", "align", "right")]),
    ("code", "```python\nx = 1 < 2\n```\n\nand `inline`", [("pre", None, None), ("code", "class", "language-python")]),
    ("math", "$a^2$ and $$\\frac{1}{2}$$", [("math", "display", "inline"), ("math", "display", "block"), ("mfrac", None, None)]),
    ("links", "[paper](https://arxiv.org/abs/2405.00010) <https://example.org> <me@example.org>",
     [("a", "href", "https://arxiv.org/abs/2405.00010"), ("a", "href", "https://example.org"), ("a", "href", "mailto:me@example.org"),
      ("a", "rel", "noopener noreferrer nofollow")]),
    ("images-on-the-site", '![그림 1](../../assets/fig.png "Figure 1")', [("img", "src", "../../assets/fig.png"), ("img", "alt", "그림 1"), ("img", "title", "Figure 1")]),
    # An image from another site would load from it (a tracking pixel): it is a link instead (tests/test_hostile_requests.py).
    ("images-elsewhere", '![그림 1](https://example.org/fig.png "Figure 1")', [("a", "href", "https://example.org/fig.png"), ("a", "title", "Figure 1")]),
    ("emphasis-quote", "> **bold** *it* <sub>2</sub> <sup>3</sup> <kbd>K</kbd>", [("blockquote", None, None), ("strong", None, None), ("em", None, None), ("sub", None, None), ("sup", None, None), ("kbd", None, None)]),
    ("relative-link", "[see the tag](../../tags/rl/)", [("a", "href", "../../tags/rl/")]),
]


@pytest.mark.parametrize("markdown, wanted", [pytest.param(m, w, id=i) for i, m, w in KEEPS])
def test_sanitiser_keeps_what_notes_use(markdown: str, wanted: list) -> None:
    elements = parse(Converter().convert(markdown)).elements
    for tag, attribute, value in wanted:
        assert any(t == tag and (attribute is None or a.get(attribute) == value) for t, a in elements), (tag, attribute, value, elements)


# (id, Markdown, the class attributes the rendered HTML may keep)
CLASSES = [
    ("code-language", "```python\nx\n```", ["language-python"]),
    ("bad-math", "$\\frac{$", ["pn-math-error"]),
    ("theme-class-on-span", '<span class="md-dialog md-dialog--active">overlay</span>', []),
    ("theme-class-on-code", '<code class="md-header">x</code>', []),
    ("class-on-div", '<div class="pn-lang" lang="en">x</div>', []),  # `lang` may stay: our CSS keys on the class
    ("language-with-space", '<code class="language-python md-dialog">x</code>', []),
]


@pytest.mark.parametrize("markdown, kept", [pytest.param(m, k, id=i) for i, m, k in CLASSES])
def test_classes_only_name_code_languages(markdown: str, kept: list[str]) -> None:
    elements = parse(Converter().convert(markdown)).elements
    assert [a["class"] for _, a in elements if "class" in a] == kept


@pytest.mark.parametrize("markdown", ["# Results\n\nWe win.", "Results\n===\n\nWe win.", "Results\n---\n\nWe win."])
def test_a_level_one_or_two_heading_in_a_section_is_a_sub_heading(markdown: str) -> None:
    # The sanitiser drops <h1> and <h2> (the page's own), which left "Results" as bare text glued to the paragraph.
    html = Converter().convert(markdown)
    assert html == "<h3>Results</h3>\n<p>We win.</p>", html


# TeX whose MathML output latex2mathml leaves unescaped: a tag or comment the sanitiser's parser
# would read as markup running to the end of the section, silently dropping the text after it.
UNESCAPED_MATH = ["$\\unicode{<script>}$", "$\\unicode{<!--}$", "$\\text{x<y}$", "$\\textrm{</math><b>}$", "$\\color{<red>}{x}$"]


@pytest.mark.parametrize("math", UNESCAPED_MATH)
def test_math_with_raw_markup_shows_its_source_and_keeps_the_text_after_it(math: str) -> None:
    html = Converter().convert(f"Before {math} middle.\n\nThe next paragraph [stays](https://example.org/).")
    assert "pn-math-error" in html, html
    assert "middle." in text_of(html) and "The next paragraph stays." in text_of(html), html
    assert unsafe_parts(html) == []


def test_no_markdown_extension_reads_files() -> None:
    md = Converter()._md
    names = {type(ext).__module__ for ext in md.registeredExtensions}
    assert set(EXTENSIONS) == {"tables", "fenced_code", "sane_lists", "pymdownx.tilde"}  # each read: none reads a file
    assert not any(word in name for name in names for word in ("snippets", "include", "macros")), names
    # A snippets-style include line stays plain text.
    assert text_of(Converter().convert('--8<-- "mkdocs.yml"\n\n{!mkdocs.yml!}')) == '--8<-- "mkdocs.yml" {!mkdocs.yml!}'


P = "top.__pwned=1"
# --- hostile bodies and front matter: (id, note() arguments, text the page must show ('' when none)) ---
INJECTIONS: list[tuple[str, dict[str, str], str]] = [
    ("body-script", {"body": f"<script>{P}</script>"}, ""),
    ("body-img-onerror", {"body": f'<img src=x onerror="{P}">'}, ""),
    ("body-md-javascript-link", {"body": f"[click me](javascript:{P})"}, "click me"),
    ("body-md-mixed-case-scheme", {"body": f"[x](JaVaScRiPt:{P})"}, "x"),
    ("body-tab-in-scheme", {"body": f'<a href="jav&#x09;ascript:{P}">tab</a>'}, "tab"),
    ("body-entity-scheme", {"body": f'<a href="&#106;avascript:{P}">entity</a>'}, "entity"),
    ("body-md-entity-scheme", {"body": f"[ent](&#106;avascript:{P})"}, "ent"),
    ("body-data-image", {"body": "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9InRvcC5fX3B3bmVkPTEiLz4=)"}, ""),
    ("body-data-link", {"body": f'<a href="data:text/html,<script>{P}</script>">data</a>'}, "data"),
    ("body-vbscript", {"body": '<a href="vbscript:msgbox(1)">vb</a>'}, "vb"),
    ("body-iframe-javascript", {"body": f'<iframe src="javascript:{P}"></iframe>'}, ""),
    ("body-iframe-srcdoc", {"body": f'<iframe srcdoc="<script>{P}</script>"></iframe>'}, ""),
    ("body-form", {"body": f'<form action="javascript:{P}"><button formaction="javascript:{P}">go</button></form>'}, "go"),
    ("body-style-tag", {"body": "<style>body{display:none}</style>visible"}, "visible"),
    ("body-style-attribute", {"body": '<p style="position:fixed;inset:0;background:red">overlay</p>'}, "overlay"),
    ("body-svg-onload", {"body": f'<svg onload="{P}"></svg>'}, ""),
    ("body-svg-script", {"body": f"<svg><script>{P}</script></svg>"}, ""),
    ("body-mathml-mxss", {"body": f"<math><mtext><table><mglyph><style><img src=x onerror={P}>"}, ""),
    ("body-details-ontoggle", {"body": f'<details open ontoggle="{P}"><summary>s</summary></details>'}, "s"),
    ("body-object-embed", {"body": f'<object data="javascript:{P}"></object><embed src="javascript:{P}">'}, ""),
    ("body-meta-refresh", {"body": f'<meta http-equiv="refresh" content="0;url=javascript:{P}">'}, ""),
    ("body-base-href", {"body": f'<base href="javascript:{P}//">'}, ""),
    ("body-attr-list", {"body": f'A paragraph {{: onclick="{P}" }}'}, f'A paragraph {{: onclick="{P}" }}'),
    ("body-onclick", {"body": f'<a href="#" onclick="{P}">click</a> <div onmouseover="{P}">hover</div>'}, "click hover"),
    ("body-noscript-mxss", {"body": f'<noscript><p title="</noscript><img src=x onerror={P}>"></noscript>'}, ""),
    ("body-comment-break", {"body": f"<!--><script>{P}</script>--> <!-- --!><script>{P}</script> -->"}, ""),
    ("body-textarea", {"body": f"<textarea><script>{P}</script></textarea>"}, ""),
    ("body-fenced-script", {"body": f"```html\n<script>{P}</script>\n```"}, f"<script>{P}</script>"),
    ("body-inline-code", {"body": f"`<img src=x onerror={P}>`"}, f"<img src=x onerror={P}>"),
    ("body-autolink-javascript", {"body": f"<javascript:{P}>"}, ""),
    ("body-reference-link", {"body": f"[x][evil]\n\n[evil]: javascript:{P}"}, "x"),
    ("body-srcset", {"body": f'<img src="https://example.org/a.png" srcset="javascript:{P} 1x" alt="a">'}, ""),
    ("body-input-autofocus", {"body": f'<input autofocus onfocus="{P}">'}, ""),
    ("body-video-source", {"body": f'<video><source onerror="{P}"></video>'}, ""),
    ("body-math-href", {"body": f"$\\href{{javascript:{P}}}{{x}}$"}, "x"),
    ("body-template", {"body": f"<template><script>{P}</script></template>"}, ""),
    ("body-jinja", {"body": "{{ config }} {% include 'x' %}"}, "{{ config }} {% include 'x' %}"),
    ("body-link-tag", {"body": f'<link rel="stylesheet" href="javascript:{P}">'}, ""),
    ("title-script", {"title": f"'<script>{P}</script>'"}, f"<script>{P}</script>"),
    ("title-closes-title", {"title": f"'</title><script>{P}</script>'"}, f"</title><script>{P}</script>"),
    ("title-attribute-break", {"title": f"'\"><img src=x onerror={P}>'"}, f'"><img src=x onerror={P}>'),
    ("title-jinja", {"title": "'{{ 7*7 }} {% raw %}'"}, "{{ 7*7 }} {% raw %}"),
    ("title-entities", {"title": "'Q&A &lt;b&gt; &amp;'"}, "Q&A &lt;b&gt; &amp;"),
    ("title-markdown", {"title": f"'[x](javascript:{P}) **b**'"}, f"[x](javascript:{P}) **b**"),
    ("title-hangul-html", {"title": "'<b>한국어</b> 제목'"}, "<b>한국어</b> 제목"),
    ("author-img", {"authors": f"['<img src=x onerror={P}>']"}, f"<img src=x onerror={P}>"),
    ("org-script", {"extra": f"org: '<script>{P}</script>'\n"}, f"<script>{P}</script>"),
    # A link holding a quote or an angle bracket (`url: 'https://example.org/"onmouseover=...'`,
    # `code: 'https://example.org/<script>...'`) is refused at check now: tests/test_source_note.py.
]


# A hostile tag in data/tags.yml (also contributed by pull request), used by one note.
HOSTILE_TAG = f"""\
hostile-tag:
  ko: '<script>{P}</script> 태그'
  en: '"><img src=x onerror={P}>'
  description:
    ko: '<iframe src="javascript:{P}"></iframe> {{{{ 7*7 }}}}'
    en: '<svg onload={P}> {{% raw %}}'
"""
HOSTILE_TAG_TEXTS = (f"<script>{P}</script> 태그", f'"><img src=x onerror={P}>', f'<iframe src="javascript:{P}"></iframe> {{{{ 7*7 }}}}',
                     f"<svg onload={P}> {{% raw %}}")


def write_injection_site(root: Path) -> Path:
    """The base site plus every injection note and the hostile tag; returns the data folder."""
    write_site(root, injection_notes())
    with (root / "data" / "tags.yml").open("a", encoding="utf-8") as f:
        f.write(HOSTILE_TAG)
    return root / "data"


def injection_notes() -> dict[str, str]:
    """Each injection as its own note (own slug, own paper id) under data/notes/2024/."""
    notes = {}
    for i, (case_id, args, _) in enumerate(INJECTIONS):
        args = dict(args)
        if "body" in args:
            # A paragraph a reader sees, then the injection: a commentary of only an injection (all
            # removed) shows nothing, and would be left out as a missing one (`shows_text`).
            args["body"] = f"\n## 한국어\n\n본문.\n\n## English\n\nBefore.\n\n{args['body']}\n"
        notes[f"2024/{case_id}.md"] = note(arxiv=f'"2406.{10000 + i}"', **args)
    notes["2024/tag-labels.md"] = note(arxiv='"2406.19999"', tags="[hostile-tag, rl]")
    return notes


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory) -> tuple:
    result = load_site(write_injection_site(tmp_path_factory.mktemp("injected")).parent, "data")
    return result, PageContext(build_index(result.notes, result.tags), Settings(), HtmlCache())


def test_every_injection_loads_as_a_note(injected: tuple) -> None:
    """Loaded, and the writer told what the page leaves out: a warning at each element or
    address the sanitiser removes from a section, a notice at each image from another site
    (shown as a link), a warning at each image that is no file of the site (`<img src=x>`: a
    broken image), nothing else."""
    result, _ = injected
    allowed = ("removed-html", "remote-image", "unknown-site-image")
    assert [p.format() for p in result.problems if p.rule not in allowed] == []
    assert {(p.rule, p.severity) for p in result.problems} <= {("removed-html", "warning"), ("remote-image", "notice"),
                                                               ("unknown-site-image", "warning")}
    assert "body-img-onerror" in {Path(p.path).stem for p in result.problems if p.rule == "unknown-site-image"}
    warned = {Path(p.path).stem for p in result.problems}
    bodies = {case_id for case_id, args, _ in INJECTIONS
              if "<script" in dict(args).get("body", "").lower() and "```" not in dict(args)["body"]}
    assert bodies and bodies <= warned, "a <script> in a commentary got no warning"
    assert len(result.notes) == len(INJECTIONS) + len(GOOD_NOTES) + 1


@pytest.mark.parametrize("case_id, shows", [pytest.param(i, s, id=i) for i, _, s in INJECTIONS])
def test_injection_renders_safely(injected: tuple, case_id: str, shows: str) -> None:
    result, pages = injected
    (hostile,) = [n for n in result.notes if n.slug == case_id]
    fragment = render_note_page(pages, hostile)
    assert unsafe_parts(fragment) == []
    assert shows in text_of(fragment)
    # Links keep their address (escaped); the reading list reads the title from the heading's text.
    as_text = {"href"}
    assert [(t, k) for t, attrs in parse(fragment).elements for k, v in attrs.items() if k not in as_text and "__pwned" in v] == [], \
        "a payload survived in an attribute"


def test_pages_listing_every_injection_are_safe(injected: tuple) -> None:
    _, pages = injected
    day = pages.index.days[0]
    for fragment in (render_day_page(pages, day), render_home_page(pages), render_tag_page(pages, "rl", 1)):
        assert unsafe_parts(fragment) == []


def test_hostile_tag_labels_render_as_text(injected: tuple) -> None:
    result, pages = injected
    (tagged,) = [n for n in result.notes if n.slug == "tag-labels"]
    for fragment in (render_tag_page(pages, "hostile-tag", 1), render_tag_index_page(pages), render_note_page(pages, tagged)):
        assert unsafe_parts(fragment) == []
    tag_page = text_of(render_tag_page(pages, "hostile-tag", 1))
    assert all(text in tag_page for text in HOSTILE_TAG_TEXTS), tag_page


# --- the real build, and real Chromium ---

@pytest.fixture(scope="module")
def injected_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The injection site, built once per run (under xdist, once for every worker)."""
    return shared_build(tmp_path_factory, "injected-site",
                        lambda folder: make_site(folder, data=write_injection_site(folder / "injections")),
                        strict=False)  # built whole: the checker warns about what the sanitiser removes


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.title = ""
        self.topic: list[str] = []
        self.scripts: list[str] = []
        self._in_topic = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.stack.append(tag)
        classes = dict(attrs).get("class") or ""
        if self._in_topic or "md-header__topic" in classes:
            self._in_topic += 1
        if tag == "script":
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if self.stack:
            self.stack.pop()
        if self._in_topic:
            self._in_topic -= 1

    def handle_data(self, data: str) -> None:
        # The document's title only: the note page's map is an SVG with a <title> of its own.
        if self.stack and self.stack[-1] == "title" and "svg" not in self.stack:
            self.title += data
        if self.stack and self.stack[-1] == "script":
            self.scripts[-1] += data
        if self._in_topic:
            self.topic.append(data)


TITLE_CASES = [(i, s) for i, a, s in INJECTIONS if "title" in a]


@pytest.mark.parametrize("case_id, title", [pytest.param(i, s, id=i) for i, s in TITLE_CASES])
def test_built_page_shows_hostile_title_as_text(injected_site: Path, case_id: str, title: str) -> None:
    head = _Head()
    head.feed((injected_site / "notes" / case_id / "index.html").read_text(encoding="utf-8"))
    assert head.title.strip() == f"{title} - papernotes"
    assert title in " ".join("".join(head.topic).split())
    assert not any("__pwned" in script for script in head.scripts)


def test_search_index_holds_titles_as_text(injected_site: Path) -> None:
    titles = {card.slug: card.title for card in cards(injected_site)}
    for case_id, title in TITLE_CASES:
        # The search box inserts titles as text nodes, so the index must hold them as plain text.
        assert titles[case_id] == title, titles[case_id]


FLAG_CHECK = """async () => {
  // Follow nothing off-page; but let javascript: URLs run, since running is what we test.
  document.addEventListener('click', e => {
    const a = e.target.closest && e.target.closest('a');
    if (a && !a.href.startsWith('javascript:')) e.preventDefault();
  }, true);
  for (const el of document.querySelectorAll('article *')) {
    for (const type of ['click', 'mouseover', 'focus', 'toggle', 'error', 'load']) {
      el.dispatchEvent(new Event(type, {bubbles: true}));
    }
    if (el.click) el.click();
  }
  await new Promise(r => setTimeout(r, 50));
  return [window.__pwned, document.querySelectorAll('iframe').length];
}"""


@pytest.mark.browser
def test_no_payload_runs_in_chromium(injected_site: Path, serve: Serve, page: Page) -> None:
    base = serve(injected_site)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    # Hack: no network in tests; without this, each page waits for Google Fonts to fail.
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
    # Front-matter cases reach the page head and title, so each gets its own page; every
    # body case is on the day page below, which shows all notes of 2024-06-01 in full.
    for case_id in [i for i, args, _ in INJECTIONS if "body" not in args] + ["body-script", "body-img-onerror"]:
        response = page.goto(f"{base}notes/{case_id}/")
        assert response is not None and response.ok, case_id
        assert page.locator("article.pn-note").count() == 1, case_id
        assert page.evaluate("() => window.__pwned") is None, case_id
    # The day page shows every injection in full: poke every element in it.
    for url in ("archive/2024/06/01/", "", "tags/", "tags/hostile-tag/", "notes/tag-labels/"):
        response = page.goto(base + url)
        assert response is not None and response.ok, url
        pwned, iframes = page.evaluate(FLAG_CHECK)
        assert pwned is None and iframes == 0, url
        assert page.url == base + url, f"{url} navigated to {page.url}"
    page.goto(base + "archive/2024/06/01/")
    assert page.locator("article.pn-note").count() >= len(INJECTIONS)
    # The search box inserts hostile titles and excerpts from the index into the page.
    page.focus("input.pn-search__input")
    page.keyboard.type("onerror")
    result = page.locator(".pn-search__result a.pn-search__title", has_text="onerror").first
    result.wait_for(timeout=10000)
    assert f'"><img src=x onerror={P}>' in [t for t in page.locator(".pn-search__result a.pn-search__title").all_inner_texts()]
    assert page.locator(".pn-search__panel img").count() == 0
    # The matched word is highlighted with a <mark> the box built; the rest stays text.
    assert "onerror" in page.locator(".pn-search__result a.pn-search__title mark").all_inner_texts()
    # Entities in a title are shown as typed: escaped once by the page, not decoded or escaped twice.
    page.fill("input.pn-search__input", "amp")
    page.press("input.pn-search__input", "Shift+Enter")
    titles = page.locator('.pn-search__result a.pn-search__title[href$="/notes/title-entities/"]')
    titles.wait_for(timeout=10000)
    assert titles.text_content() == "Q&A &lt;b&gt; &amp;"
    assert page.evaluate("() => window.__pwned") is None
    assert dialogs == []


@pytest.mark.browser
def test_screenshot_of_a_hostile_title(injected_site: Path, serve: Serve, page: Page, tmp_path_factory) -> None:  # noqa: ANN001 - a fixture, typed where it is made
    base = serve(injected_site)
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
    page.goto(base + "notes/title-closes-title/")
    shot = tmp_path_factory.mktemp("shots") / "hostile-title.png"
    page.screenshot(path=str(shot), full_page=True)
    assert page.locator("article h1").inner_text() == "</title><script>top.__pwned=1</script>"
    assert page.title() == "</title><script>top.__pwned=1</script> - papernotes"
    assert shot.stat().st_size > 10_000
