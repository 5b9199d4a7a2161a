"""Note Markdown to safe HTML: CommonMark-ish Markdown, `$math$` as MathML, then sanitised.

Math is converted at build time (latex2mathml) so pages need no JavaScript or CDN to show
it. Every fragment goes through nh3 with an allow-list last, so whatever a note contains
(raw HTML, `javascript:` links, attribute lists), only safe markup reaches the page.

Nothing in a note may make a reader's browser contact another host: an image from another
site is a tracking pixel (it tells that host who reads which page, when). The allow-list keeps
no element or attribute that loads by itself except `<img src>` (no `srcset`, `poster`,
`<video>`, `<audio>`, `<source>`, `<iframe>`, `<svg>`, `style`/CSS `url()`), and
`_unload_images` then replaces every image that is not a same-site path with its alt text
as a plain link to it: a click is the reader's choice, a load is not.
"""

from __future__ import annotations

import functools
import posixpath
import re
import sys
import signal
import threading
import time
import xml.etree.ElementTree as etree  # noqa: N813 - the name Python-Markdown's own extensions use
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator, NamedTuple

import markdown
import nh3
from latex2mathml.converter import convert as latex_to_mathml
from markdown.inlinepatterns import HTML_RE, HtmlInlineProcessor, InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape
from html import unescape
from urllib.parse import unquote

from papernotes.markup_links import MentionExtension, find_links, link_plain, note_slug_of, site_path

from papernotes.schema import SECTION_KEYS

if TYPE_CHECKING:
    from papernotes.model import Note

MATHML_TAGS = {
    "math", "mrow", "mi", "mo", "mn", "ms", "mtext", "mspace", "msub", "msup", "msubsup",
    "mfrac", "msqrt", "mroot", "mover", "munder", "munderover", "mtable", "mtr", "mtd",
    "mstyle", "mpadded", "mphantom", "menclose", "semantics", "annotation", "merror",
}
HTML_TAGS = {
    "p", "br", "hr", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
    "strong", "em", "b", "i", "del", "s", "sub", "sup", "code", "pre", "kbd", "a", "img",
    "table", "thead", "tbody", "tr", "th", "td", "span", "div", "abbr",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
    "abbr": {"title"},
    "math": {"display", "xmlns"},
    "mo": {"stretchy", "fence", "separator", "lspace", "rspace", "form", "largeop", "movablelimits"},
    "mi": {"mathvariant"},
    "mstyle": {"displaystyle", "scriptlevel", "mathvariant"},
    "mfrac": {"linethickness"},
    "mspace": {"width"},
    "mtable": {"columnalign", "rowspacing", "columnspacing"},
    "mtd": {"columnalign"},
    "menclose": {"notation"},
    "annotation": {"encoding"},
    "code": {"class"},
}
_CODE_CLASS = re.compile(r"^(?:language-[A-Za-z0-9_+#.-]{1,40}|pn-math-error)$")


def _filter_attribute(tag: str, name: str, value: str) -> str | None:
    """Classes only say a code block's language: a note may not borrow the theme's classes
    (e.g. a fixed-position dialog) to restyle or overlay the page. An address whose scheme is
    written with %-escapes (`encoded_scheme`) or with spaces in it (`_spaced_scheme`) is removed,
    as the scheme it spells would be."""
    if name == "class":
        return value if tag == "code" and _CODE_CLASS.match(value) else None
    if name in ("href", "src") and (encoded_scheme(value) is not None or _spaced_scheme(value)):
        return None
    return value


def _spaced_scheme(url: str) -> bool:
    """Whether `url` spells a scheme the note may not link to once its spaces and control
    characters are taken out (`java  script:`, a tab Markdown expanded): a browser reads it as a
    relative path, but a tool that drops the spaces meets the scheme, and the checker said it was
    removed while the page kept it (a hostile-input QA pass). Removed, as `removed_markup` says."""
    if not re.search(r"[\x00-\x20]", url.strip()):
        return False
    scheme = _URL_SCHEME.match(re.sub(r"[\x00-\x20]+", "", url))
    return scheme is not None and scheme[1].lower() not in KEPT_SCHEMES


HTML_ELEMENTS = frozenset("""
    a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink blockquote body br
    button canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em embed
    fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img
    input ins isindex kbd keygen label legend li link listing main map mark marquee menu menuitem meta meter nav
    nobr noembed noframes noscript object ol optgroup option output p param picture plaintext portal pre progress q rb
    rp rt rtc ruby s samp script search section select slot small source span strike strong style sub summary sup svg
    table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp
    """.split()) | MATHML_TAGS
"""Every element HTML has had: a raw tag of another name (`<think>`, `<eos>`, `<answer>`) is text
that looks like a tag, and is shown as written (`_RawHtmlInline`)."""
_HTML_ATTRIBUTES = frozenset("""
    accept accept-charset accesskey action align alink allow allowfullscreen alt async autocapitalize autocomplete
    autofocus autoplay background bgcolor border cellpadding cellspacing charset checked cite class clear code codebase
    color cols colspan compact content contenteditable controls coords crossorigin data datetime decoding default defer
    dir dirname disabled download draggable enctype enterkeyhint face for form formaction formenctype formmethod
    formnovalidate formtarget frameborder headers height hidden high href hreflang hspace http-equiv id inert inputmode
    integrity is ismap itemid itemprop itemref itemscope itemtype kind label lang language list loading longdesc loop
    low manifest marginheight marginwidth max maxlength media method min minlength multiple muted name nonce noresize
    noshade novalidate nowrap open optimum pattern ping placeholder playsinline popover popovertarget poster preload
    readonly referrerpolicy rel required rev reversed role rows rowspan sandbox scope scrolling selected shape size sizes
    slot span spellcheck src srcdoc srclang srcset start step style summary tabindex target text title translate type
    usemap valign value vlink vspace width wrap xmlns xlink:href viewbox d fill stroke transform
    """.split()) | {name for names in ATTRIBUTES.values() for name in names}
"""Attribute names HTML (and the MathML the allow-list keeps) has: `a<b and c>d` holds the tag name `b`
with "attributes" `and` and `c`, which no one writes as HTML: it is text."""
_RAW_TAG = re.compile(r"<\s*/?\s*([a-zA-Z][^\s/>]*)(.*?)/?\s*>\Z", re.S)
_RAW_ATTRIBUTE = re.compile(r"""([^\s"'=<>/`]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")


def is_markup(raw: str) -> bool:
    """Whether a raw tag a note writes (`<span lang="ko">`, `</b>`, `<!-- -->`) is HTML, or text that
    looks like a tag: an element no HTML has (`<think>`, `<eos>`), or a known name with attributes
    no element has (`a<b and c>d`). HTML goes to the sanitiser; the text is shown as written (it
    used to vanish: "reasons inside <think>" read "reasons inside "). `<s>` is text too: in notes
    on language models it is the start token, and an unclosed one struck out the rest of the section."""
    match = _RAW_TAG.match(raw)
    if match is None:
        return True  # a comment, a processing instruction, CDATA: markup, which the sanitiser removes
    if match[1].lower() not in HTML_ELEMENTS or match[1].lower() == "s":
        return False  # `<s>` and `</s>` are a model's start and end tokens far more often than a strike-through
    for name in _RAW_ATTRIBUTE.findall(match[2]):
        name = name.lower()
        if name not in _HTML_ATTRIBUTES and not name.startswith(("data-", "aria-", "on")):
            return False
    return True


_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_ATTRIBUTE_SRC = re.compile(r"\ssrc\s*=", re.I)


def _closed(raw: str, after: str) -> bool:
    """Whether an opening tag is closed later in its paragraph (`after`), or needs no closing. An
    unclosed one is a token written as a tag (`We prepend a <code> token`, `an <a> token`, LLaVA's
    `<video>`): as HTML it took the word away and wrapped the rest of the section in code or a link
    (or, for `<title>`, `<textarea>`, `<template>`, showed it as source or dropped it). An `<img>`
    without a `src` is a token too."""
    match = _RAW_TAG.match(raw)
    if match is None or raw[1:].lstrip().startswith("/") or raw.rstrip(">").rstrip().endswith("/"):
        return True
    name = match[1].lower()
    if name in _VOID:
        return name != "img" or _ATTRIBUTE_SRC.search(match[2] or "") is not None
    return re.search(rf"<\s*/\s*{re.escape(name)}\s*>", after, re.I) is not None


class _RawHtmlInline(HtmlInlineProcessor):
    """Python-Markdown's raw inline HTML, except text that only looks like a tag (`is_markup`),
    which is kept as text."""

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str, int, int]:  # noqa: N802 - the name Python-Markdown calls
        if is_markup(m.group(1)) and _closed(m.group(1), data[m.end(0):]):
            return super().handleMatch(m, data)
        text = self.backslash_unescape(self.unescape(m.group(1)))
        return self.md.htmlStash.store(str(escape(text))), m.start(0), m.end(0)


class _RawHtmlExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - the name Python-Markdown calls
        md.inlinePatterns.register(_RawHtmlInline(HTML_RE, md), "html", 90)


KEPT_SCHEMES = ("http", "https", "mailto")
"""The link schemes a note's links keep (the sanitiser's `url_schemes`)."""


_SANITISER = nh3.Cleaner(
    tags=HTML_TAGS | MATHML_TAGS,
    attributes=ATTRIBUTES,
    url_schemes=set(KEPT_SCHEMES),
    link_rel="noopener noreferrer nofollow",
    attribute_filter=_filter_attribute,
    clean_content_tags={"script", "style"},
    strip_comments=True,
)


RENDER_BUDGET = 2.0
"""CPU seconds one section's Markdown may take to render; real notes take milliseconds. CPU time,
not wall time: on a loaded machine (a shared CI runner) a normal note can wait seconds for a core,
and that must not fail a build."""
EXTENSIONS = ("tables", "fenced_code", "sane_lists", "pymdownx.tilde")
"""Markdown extensions for notes. None of them reads files: never add `snippets`,
`include` or similar here, or a note could publish any file of the repository. `pymdownx.tilde`
(pymdown-extensions, which mkdocs-material brings): `~~struck~~` as on GitHub (its tildes showed,
and an id between them was no link); not its `~subscript~`, which would read "~2 to ~3" as one."""


class RenderTimeout(BaseException):
    """Raised inside a render that ran over its budget.

    A BaseException on purpose: the Markdown library and our math code catch `Exception`,
    and must not swallow it.
    """


class SlowMarkdown(Exception):
    """A section's Markdown took longer than the budget; `seconds` is what it had used. `paragraph`:
    refused before rendering, as (its first line in the section, its characters, its marks)."""

    def __init__(self, seconds: float, stopped: bool, paragraph: tuple[int, int, int] | None = None, brackets: bool = False) -> None:
        super().__init__(f"rendering took {seconds:.1f} s")
        self.seconds = seconds
        self.stopped = stopped
        self.paragraph = paragraph
        self.brackets = brackets
        """`paragraph`'s third number counts its `[`, over MAX_BRACKETS (else its inline marks)."""


MAX_BRACKETS = 1000
"""How many `[` one paragraph may hold, beyond which it is refused unrendered: Python-Markdown's
link patterns take time that grows with their square (1,000 take 0.13 s, 3,700 about 2 s), so a
run of them near the render budget passed `papernotes check` in one run and failed the build in
the next. A count gives every run one verdict; real paragraphs hold a few dozen."""


def most_brackets(text: str) -> tuple[int, int, int]:
    """The paragraph of `text` with the most `[`: (its `[`, its first line in `text`, its characters)."""
    return max(((p.count("["), line, len(p)) for p, line in _paragraphs(text)), default=(0, 1, 0), key=lambda w: w[0])


INLINE_WORK_LIMIT = 200_000_000
"""A paragraph's characters times its inline marks, beyond which it is refused unrendered (see
`inline_work`): Python-Markdown copies a paragraph's whole text for every inline match in it, so
60,000 backslashes (30,000 escapes) took 0.3 s in `papernotes check` but 5 s, past the budget, in
`mkdocs build`, whose process's allocator returned each copy's memory to the system and asked for
it again: one note, two verdicts. This limit gives both one, whatever the process; real
paragraphs are thousands of times below it (5,000 characters with 1,000 marks: 5,000,000)."""
_INLINE_MARK = re.compile(r"\\[!-/:-@\[-`{-~]|[`*_&$]")
"""Where Python-Markdown's inline patterns match cheaply, each match a copy of the paragraph: an
escape, code, emphasis, an entity, math. (Runs of `[` and `<` are slow in its regexes, the same in
every process: the time budget stops them.)"""
_TEXT_NODE_BREAK = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:[-+*]|\d+[.)]|#|>|\|))")
"""Where one paragraph's text ends: a blank line, or a line that starts a list item, a heading,
a quote or a table row (each its own text)."""


def inline_work(text: str) -> tuple[int, int, int, int]:
    """The paragraph of `text` that costs Python-Markdown most: (characters times inline marks,
    its first line in `text`, characters, marks)."""
    worst = (0, 1, 0, 0)
    for paragraph, line in _paragraphs(text):
        if len(paragraph) * len(paragraph) > worst[0]:  # marks <= characters: only then can it be the worst
            marks = len(_INLINE_MARK.findall(paragraph))
            if len(paragraph) * marks > worst[0]:
                worst = (len(paragraph) * marks, line, len(paragraph), marks)
    return worst


def _paragraphs(text: str) -> Iterator[tuple[str, int]]:
    """Each paragraph's text of `text` (`_TEXT_NODE_BREAK`) and the line in `text` where it starts."""
    line = 1
    for paragraph in _TEXT_NODE_BREAK.split(text):
        yield paragraph, line + (len(paragraph) - len(paragraph.lstrip("\n")))
        line += paragraph.count("\n") + 1


class _MathInline(InlineProcessor):
    def __init__(self, pattern: str, md: markdown.Markdown, display: str) -> None:
        super().__init__(pattern, md)
        self.display = display

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element | None, int | None, int | None]:  # noqa: N802 - the name Python-Markdown calls
        tex = m.group(1).strip()
        if "\x02" in tex:  # a code span (stashed before math) between the dollars: the code wins, the dollars are text
            return None, None, None  # (it showed Python-Markdown's placeholder, `klzzwxh:0000`, as the formula)
        try:
            mathml = _mathml(tex, self.display)
        except Exception:  # noqa: BLE001 - latex2mathml raises many kinds on bad TeX; show the source instead
            mathml = f'<code class="pn-math-error">{escape(tex)}</code>'
        return self.md.htmlStash.store(mathml), m.start(0), m.end(0)  # type: ignore[return-value]


_TEX_FIXES = ((re.compile(r"\\sim(?![A-Za-z])"), r"\\thicksim"), (re.compile(r"\\arg(?![A-Za-z])"), r"\\operatorname{arg}"))
"""What latex2mathml reads wrong, written so that it reads it right: `\\sim` came out as an ASCII
tilde (`x~y`, not the relation x ∼ y), and `\\arg` as its own source."""
_FUNCTION_NAME = re.compile(r"<mi>(arccos|arcsin|arctan|cosh?|coth?|csc|deg|dim|exp|hom|ker|lg|ln|log|sec|sinh?|tanh?)</mi>")
"""TeX's function names, which latex2mathml writes as identifiers: `$n \\log n$` showed as
"nlogn". As operators with TeX's thin space on each side they read "n log n", as `\\max`'s do."""


@functools.lru_cache(maxsize=4096)
def _mathml(tex: str, display: str) -> str:
    """latex2mathml's output, cached: notes repeat their symbols ($r_t$, $\\pi$) many times.

    latex2mathml copies some arguments into its output unescaped (`\\text{a<b}`,
    `\\unicode{<!--}`); such output is not well-formed XML, and the sanitiser's HTML parser
    would read it as a tag or comment that swallows the rest of the section. It raises here, so
    the caller shows the TeX source instead."""
    if _unclosed_brace(tex):
        raise MathMisread("{")
    for pattern, written in _TEX_FIXES:
        tex = pattern.sub(written, tex)
    mathml = _FUNCTION_NAME.sub(r'<mo lspace="0.1667em" rspace="0.1667em">\1</mo>', latex_to_mathml(tex, display=display))
    root = etree.fromstring(mathml)  # raises ParseError on markup latex2mathml let through
    if any(not _MATHML_TAG.match(node.tag.rsplit("}", 1)[-1]) for node in root.iter()):
        # well-formed markup copied through (`\text{<script>x</script>}`): the sanitiser dropped it,
        # and the formula showed an empty text with no warning
        raise ValueError("markup inside the formula")
    wrong = _MISREAD.search(mathml)
    if wrong:
        raise MathMisread(wrong[1])
    if _depth(root) > MATH_DEPTH_LIMIT:
        raise MathMisread(MATH_TOO_DEEP)
    return mathml


_MATHML_TAG = re.compile(r"^(?:m[a-z]*|semantics|annotation(?:-xml)?|none)$")
"""The elements of MathML (all but four begin with `m`): anything else in latex2mathml's output is
markup it copied from the TeX."""


MATH_DEPTH_LIMIT = 100
"""How deeply a formula's MathML may nest. The plain-text form of a formula (`math_text`, for
excerpts and feeds) walks it recursively: `\\frac{a}{` 300 times inside each other passed the
checker, then stopped the whole build with a RecursionError naming no note. Real formulas nest
a few dozen levels at most (a continued fraction of ten terms: about 30)."""
MATH_TOO_DEEP = "too deep"


def _depth(root: etree.Element) -> int:
    deepest, todo = 0, [(root, 1)]
    while todo:
        node, depth = todo.pop()
        deepest = max(deepest, depth)
        todo.extend((child, depth + 1) for child in node)
    return deepest


class MathMisread(ValueError):
    """latex2mathml read the formula without an error but would show part of it as written or
    guessed: a command it does not know (`\\R`, a macro of the writer's paper) as the letters `\\R`,
    a `}` that closes nothing, or a `{` never closed (`\\frac{a}{b` drawn as a/b). The formula's
    source is shown instead, and the checker says why."""


_MISREAD = re.compile(r"<m[io]>(\\[A-Za-z]+|\})</m[io]>")


def _unclosed_brace(tex: str) -> bool:
    """Whether a `{` of `tex` is never closed: latex2mathml closes it at the end without a word, so
    `\\frac{a}{b` and `{a` were drawn as if whole. `\\{` and `\\}` are characters, not braces (and
    `\\\\{` a line break, then a brace); a `}` that closes nothing is `_MISREAD`'s to find."""
    depth, i = 0, 0
    while i < len(tex):
        char = tex[i]
        if char == "\\":
            i += 2  # the escaped character, or a command's first letter
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        i += 1
    return depth > 0


def math_problem(tex: str) -> str:
    """Why the formula `tex` is shown as its source (see `_MathInline`), in the checker's words."""
    try:
        _mathml(tex, "inline")
    except MathMisread as misread:
        if misread.args[0] == "}":
            return "a `}` closes no `{`"
        if misread.args[0] == "{":
            return "a `{` is never closed"
        if misread.args[0] == MATH_TOO_DEEP:
            return f"it nests more than {MATH_DEPTH_LIMIT} levels deep; split it into smaller formulas"
        return f"`{misread.args[0]}` is not a command the converter knows (a macro of your own? write it out)"
    except RecursionError:
        return f"it nests more than {MATH_DEPTH_LIMIT} levels deep; split it into smaller formulas"
    except Exception:  # noqa: BLE001 - as in _MathInline
        pass
    return "unbalanced braces, or `<`, `>` or `&` inside `\\text{}`: write \\lt, \\gt or \\&"


class MathExtension(markdown.Extension):
    """`$inline$` and `$$display$$` TeX; `\\$` is a literal dollar; `$5 and $10` stays text."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - the name Python-Markdown calls
        md.ESCAPED_CHARS.append("$")
        md.inlinePatterns.register(_MathInline(r"(?<!\\)\$\$(.+?)\$\$", md, "block"), "math-display", 186)
        md.inlinePatterns.register(_MathInline(r"(?<![\\$])\$(?![\s$])([^$\n]+?)(?<![\s\\])\$(?!\d)", md, "inline"), "math-inline", 185)


class _SubHeadings(Treeprocessor):
    """`# Title` and setext headings (`Title` over `===` or `---`) as `<h3>`: the page's own `<h1>`
    and `<h2>` frame a note, so the sanitiser drops those tags, which left their text glued to
    the next paragraph; a note's headings are sub-headings of its section."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag in ("h1", "h2"):
                element.tag = "h3"


class SubHeadingExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - the name Python-Markdown calls
        md.treeprocessors.register(_SubHeadings(md), "papernotes-sub-headings", 4)


class Converter:
    """Converts note Markdown to sanitised HTML. Holds one python-markdown parser, reset for
    every text (building one costs more than converting a note)."""

    def __init__(self) -> None:
        # `align` attributes instead of inline styles, which the sanitiser removes.
        self._md = markdown.Markdown(extensions=[*EXTENSIONS, MathExtension(), MentionExtension(), SubHeadingExtension(),
                                                                 _RawHtmlExtension()],
                                     extension_configs={"tables": {"use_align_attribute": True},
                                                        "pymdownx.tilde": {"subscript": False}})

    removed: tuple[str, ...] = ()
    """What the sanitiser removed from the last text converted (`removed_markup`)."""

    def convert(self, text: str) -> Markup:
        self.removed = ()
        if not text.strip():
            return Markup("")
        plain = plain_paragraphs(text)
        if plain is not None:
            return Markup(keep_hyphens(glue_endings(plain)))
        raw = self._full_convert(text)
        self.removed = removed_markup(raw) if "<" in text or "](" in text or "]:" in text else ()
        return Markup(keep_hyphens(glue_endings(glue_math(sanitise(raw)))))

    def _full_convert(self, text: str) -> str:
        """python-markdown's HTML, before sanitising; with RENDER_FRAMES of stack whatever the
        caller's depth (see there)."""
        self._md.reset()
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(_stack_depth() + RENDER_FRAMES)
        try:
            return self._md.convert(text)
        finally:
            sys.setrecursionlimit(limit)


def encoded_scheme(url: str) -> str | None:
    """The scheme an address spells with %-escapes before its colon (`java%73cript:alert(1)`,
    `javascript%3Aalert(1)`), lower-cased; None for an address with a plain scheme or none. No
    browser decodes a scheme: the address is a relative path that leads nowhere, and a tool that
    decodes it first (a feed reader, a copy of the Markdown) meets the scheme it spells. The
    sanitiser removes it and the checker says so, as for the scheme written plainly."""
    url = re.sub(r"[\x00-\x20]+", "", url)
    if "%" not in url.split("/", 1)[0] or _URL_SCHEME.match(url):
        return None
    scheme = _URL_SCHEME.match(re.sub(r"[\t\n\r]+", "", unquote(url)))  # a browser skips these (`java%09script:`)
    return scheme[1].lower() if scheme else None


_OPENING_TAG = re.compile(r"""<([a-zA-Z][^\s/>]*)((?:"[^"]*"|'[^']*'|[^'">])*)>""")
_URL_VALUE = re.compile(r"""\b(?:href|src)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""", re.I)
_URL_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")


def removed_markup(html: str) -> tuple[str, ...]:
    """What the sanitiser removes from Python-Markdown's `html` of a note, so that the checker can
    say so (it was silent): each element the allow-list lacks, as `<iframe>`, and each link or
    image address of a scheme it lacks, as the note writes it (`javascript:alert(1)`, `tel:123`,
    `javascript&#58;x`, which a browser reads as javascript:), or of a scheme written with
    %-escapes (`java%73cript:x`, `encoded_scheme`); and each image from another site, as `!` and
    its address (`!https://x.org/fig.png`: `_unload_images` shows it as a link). Once each, in order."""
    found: dict[str, None] = {}
    for match in _OPENING_TAG.finditer(html):
        name = match[1].lower()
        if name not in HTML_TAGS and name not in MATHML_TAGS:
            found[f"<{name}>"] = None
        for value in _URL_VALUE.finditer(match[2]):
            written = value[1].strip("\"'")
            url = re.sub(r"[\x00-\x20]+", "", unescape(written))  # `jav&#x09;ascript:` is javascript: to a browser
            scheme = _URL_SCHEME.match(url)
            if (scheme and scheme[1].lower() not in KEPT_SCHEMES) or encoded_scheme(url) is not None:
                found[written] = None  # as the note writes it (`javascript&#58;…`): the writer can find it
            elif name == "img" and value[0][:3].lower() == "src" and url and not same_site_path(unescape(written)):
                found["!" + written] = None
    return tuple(found)


RENDER_FRAMES = 700
"""The Python stack a note's Markdown may use (Python-Markdown recurses once or more per level of
a nested list, quote or emphasis). Counted from the converter's caller, not from the bottom of
the stack: `papernotes check` calls it from fewer frames than `mkdocs build`, so a list nested
483 deep passed the check and failed every build. Real notes use a few dozen frames."""


def _stack_depth() -> int:
    frame, depth = sys._getframe(), 0  # the cheap way to count the frames above
    while frame is not None:
        frame, depth = frame.f_back, depth + 1
    return depth


_MARKUP_FREE = re.compile(r"[^\\`*_\[\]!<>&$|#~{}\x00-\x09\x0b-\x1f\x7f-\xa0\u2028\u2029\ufeff]+")
"""Text in which neither Markdown (our extensions included) nor the sanitiser changes anything."""
_BLOCK_START = re.compile(r"^(?:[^\S\n]|[-+=]|\d+[.)])|[^\S\n]$", re.M)
"""A line that could start a list, a heading underline or code, or end in a line break."""


def plain_paragraphs(text: str) -> str | None:
    """What `Converter.convert` gives for text without any Markdown (most abstracts), or None.

    Python-Markdown turns such text into `<p>` paragraphs split at blank lines and nothing
    else, and the sanitiser leaves that as it is; skipping both is five times faster.
    `tests/test_markup.py` checks it against the full render on random and real text."""
    text = text.strip("\n")
    if not _MARKUP_FREE.fullmatch(text) or _BLOCK_START.search(text):
        return None
    return link_plain("\n".join(f"<p>{paragraph}</p>" for paragraph in re.split(r"\n\n+", text)))


class NoteHtml(NamedTuple):
    """A note's Markdown parts as sanitised HTML (a tuple: pages ask for it very often).

    One field per `schema.SECTIONS` entry, in its order (a test keeps them in step)."""

    abstract: Markup
    ko: Markup
    en: Markup


_HREF = re.compile(r'<a href="([^"]*)"')
_IMG_SRC = re.compile(r'<img\s[^>]*?\bsrc="([^"]*)"')


_MAY_LINK = re.compile(r"\]\(|\]:|<")
"""What a link to a page needs in the Markdown: `[text](target)`, a `[label]: target` definition
(for `[text][label]`) or raw HTML (`<a href>`). Bare ids and URLs (autolinked) lead to papers, not
to pages, so most sections are passed by without decoding their HTML on every load."""


class HtmlCache:
    """Markdown text -> sanitised HTML: the one place rendered Markdown is kept.

    Validation fills it (`check`, under a time budget, so a hostile note is reported instead of
    hanging the build); pages, feeds and the search index then read it (`html`, `note_html`),
    so each text is converted once per build however many pages show it. The build that owns
    it keeps it across the rebuilds of `mkdocs serve` and prunes it after each load
    (`keep_only`), so an unchanged note is never converted again and memory holds one load's
    notes at most. Keyed by the text itself: two notes with the same abstract share it.

    The HTML is kept as UTF-8 in one buffer, not as a string per text, for the processes a big
    build forks (`fork.py`): they share the parent's memory page by page until either writes a
    page, and merely reading a Python string writes its reference count, so a string per text
    was soon copied into both processes (234 MiB of strings, twice, at 10,000 notes with long
    commentaries). Nothing writes to the buffer's pages once it is filled, so both processes
    share them. It is also half the memory: the markup is ASCII, and a string with any Hangul in
    it keeps every character in two bytes. Each read decodes its text (a few microseconds).
    """

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._spans: dict[str, tuple[int, int]] = {}
        """text -> (start, end) of its HTML in `_buffer`."""
        self._dropped = 0
        """Bytes of `_buffer` that no text points to any more (`keep_only` compacts)."""
        self._converter: Converter | None = None
        self._note_links: dict[str, tuple[tuple[str, str], ...]] = {}
        """text -> its links to note pages (`note_links`)."""
        self._site_links: dict[str, tuple[str, ...]] = {}
        """text -> its links to the site's other pages (`site_links`)."""
        self._removed: dict[str, tuple[str, ...]] = {}
        """text -> what the sanitiser removed from it (`removed`), for the texts it removed anything from."""

    def _convert(self, text: str) -> Markup:
        if self._converter is None:
            self._converter = Converter()
        html = self._converter.convert(text)
        if self._converter.removed:
            self._removed[text] = self._converter.removed
        return html

    def removed(self, text: str) -> tuple[str, ...]:
        """What the sanitiser removed from the text's HTML (`removed_markup`), once converted here."""
        return self._removed.get(text, ())

    def _get(self, text: str) -> Markup | None:
        span = self._spans.get(text)
        return None if span is None else Markup(self._buffer[span[0]:span[1]], "utf-8")

    def _put(self, text: str, html: str) -> None:
        if text in self._spans:
            return
        start = len(self._buffer)
        self._buffer += html.encode("utf-8")
        self._spans[text] = (start, len(self._buffer))

    def check(self, text: str, budget: float = RENDER_BUDGET) -> Markup:
        """Render like `html`, but raise `SlowMarkdown` instead of running long.

        python-markdown has quadratic corners (long runs of `[`, `![`, `a<`, ...) that can take
        minutes on a 256 KiB note, so validation renders every section under this budget.
        """
        cached = self._get(text)
        if cached is not None:
            return cached
        plain = plain_paragraphs(text)
        if plain is not None:  # no Markdown in it: nothing that could run long
            html = Markup(keep_hyphens(glue_endings(plain)))
            self._put(text, html)
            return html
        work, line, characters, marks = inline_work(text)
        if work > INLINE_WORK_LIMIT:
            raise SlowMarkdown(0.0, stopped=True, paragraph=(line, characters, marks))
        if text.count("[") > MAX_BRACKETS:
            brackets, line, characters = most_brackets(text)
            if brackets > MAX_BRACKETS:
                raise SlowMarkdown(0.0, stopped=True, paragraph=(line, characters, brackets), brackets=True)
        started = time.thread_time()
        try:
            with _deadline(budget):
                html = self._convert(text)
        except RenderTimeout:
            raise SlowMarkdown(time.thread_time() - started, stopped=True) from None
        elapsed = time.thread_time() - started
        if elapsed > budget:  # no timer was available (not the main thread, or no SIGALRM)
            raise SlowMarkdown(elapsed, stopped=False)
        self._put(text, html)
        return html

    def html(self, text: str) -> Markup:
        """The text's HTML: as validation left it, or converted now (and kept)."""
        cached = self._get(text)
        if cached is None:
            cached = self._convert(text)
            self._put(text, cached)
        return cached

    def size(self, text: str) -> int:
        """The UTF-8 bytes of the text's HTML (converted now if it is not kept)."""
        span = self._spans.get(text)
        return span[1] - span[0] if span is not None else len(self.html(text).encode("utf-8"))

    def note_links(self, text: str, *, rendered_only: bool = False) -> tuple[tuple[str, str], ...]:
        """The text's links to note pages, (href as written, slug), found once per text: every
        serve rebuild checks them against the notes (`source.tree`), and reading each note's HTML
        again for them took ~2 s a save at 10,000 notes full of links. `rendered_only`: none
        unless validation rendered the text (a note that failed may hold Markdown that runs long)."""
        found = self._note_links.get(text)
        if found is None and rendered_only and self._get(text) is None:
            return ()
        if found is None:
            found = ()
            if _MAY_LINK.search(text):  # no link to a page in the Markdown: its HTML is not read
                html = self.html(text)
                if "<a " in html:
                    found = tuple((Markup(match.group(1)).unescape(), target.slug) for match, target in find_links(html)
                                  if target.slug is not None)
            self._note_links[text] = found
        return found

    def site_links(self, text: str, *, rendered_only: bool = False) -> tuple[str, ...]:
        """The text's relative links to pages of the site that are not notes (`../../tags/rl/`),
        as written, and its images from the site, as `!` and their address (`!figure.png`);
        found once per text, as `note_links`."""
        found = self._site_links.get(text)
        if found is None and rendered_only and self._get(text) is None:
            return ()
        if found is None:
            found = ()
            if _MAY_LINK.search(text):
                html = self.html(text)
                if "<a " in html or "<img" in html:
                    hrefs = (Markup(m.group(1)).unescape() for m in _HREF.finditer(html))
                    images = (Markup(m.group(1)).unescape() for m in _IMG_SRC.finditer(html))
                    found = (*(h for h in hrefs if site_path(h) is not None and note_slug_of(h) is None),
                             *("!" + src for src in images if site_path(src) is not None))
            self._site_links[text] = found
        return found

    def note_html(self, note: Note) -> NoteHtml:
        return NoteHtml._make([self.html(getattr(note, key)) for key in SECTION_KEYS])

    def keep_only(self, texts: set[str]) -> None:
        """Forget every text not in `texts` (the notes just loaded); the buffer is rewritten
        when more than half of it is forgotten HTML."""
        for text in [t for t in self._spans if t not in texts]:
            start, end = self._spans.pop(text)
            self._dropped += end - start
        for text in [t for t in self._note_links if t not in texts]:
            del self._note_links[text]
        for text in [t for t in self._site_links if t not in texts]:
            del self._site_links[text]
        for text in [t for t in self._removed if t not in texts]:
            del self._removed[text]
        if self._dropped and self._dropped * 2 > len(self._buffer):
            old, spans = memoryview(self._buffer), self._spans
            self._buffer, self._spans, self._dropped = bytearray(), {}, 0
            for text, (start, end) in spans.items():
                begin = len(self._buffer)
                self._buffer += old[start:end]
                self._spans[text] = (begin, len(self._buffer))
            old.release()

    def __len__(self) -> int:
        return len(self._spans)

    def items(self) -> dict[str, Markup]:
        """Every text kept, with its HTML."""
        return {text: Markup(self._buffer[start:end], "utf-8") for text, (start, end) in self._spans.items()}

    def packed(self) -> tuple[bytes, dict[str, tuple[int, int]]]:
        """Everything kept, as it is kept, to hand to the process that forked this one (`merge`)."""
        return bytes(self._buffer), dict(self._spans)

    def merge(self, packed: tuple[bytes, dict[str, tuple[int, int]]]) -> None:
        """Add HTML converted and checked by another process of this build (its `packed()`)."""
        buffer, spans = packed
        offset = len(self._buffer)
        self._buffer += buffer
        for text, (start, end) in spans.items():
            self._spans.setdefault(text, (start + offset, end + offset))

    def clear(self) -> None:
        self._buffer = bytearray()
        self._spans.clear()
        self._dropped = 0


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Interrupt the block with `RenderTimeout` after `seconds` of the process's CPU time
    (`ITIMER_PROF`: a build's other work runs in forked processes, so this is the render's).

    Hack: Python can only interrupt running code with a signal, and signals work on the main
    thread of Unix processes only (`mkdocs build`, `papernotes check`). Elsewhere (`mkdocs
    serve` rebuilds in a thread, Windows) the block runs to the end and is reported after.
    """
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise RenderTimeout()

    previous = signal.signal(signal.SIGPROF, expire)
    started = time.process_time()
    outer_delay, outer_interval = signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
        if outer_delay:  # someone else's profiling timer was running: put it back
            signal.setitimer(signal.ITIMER_PROF, max(outer_delay - (time.process_time() - started), 0.001), outer_interval)


def snippet(html: str, limit: int = 140) -> str:
    """Plain text of sanitised HTML, cut at a word boundary near `limit` characters. Formulas are
    written out as text (`math_text`): `$O(n^2)$` is "O(n²)", not "O(n2)"."""
    if "<math" in html:
        html = _formulas_as_text(html, limit)
    text = " ".join(without_joiners(Markup(html).striptags()).split())  # a page's joiners (`glue_endings`) are its own
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,.;:") + "…"


MATH_ELEMENT = re.compile(r"<math\b[^>]*>.*?</math>", re.S)
"""A formula of a note's HTML, whole (the sanitiser leaves no `<math>` inside another)."""


def _formulas_as_text(html: str, limit: int) -> str:
    """`html` with its formulas as text (`math_text`), up to the first formula past `limit`
    characters of text: what follows is cut from the snippet anyway (a formula-heavy note has
    hundreds, and a note's excerpts are made for its cards, feeds and descriptions)."""
    out: list[str] = []
    seen = pos = 0  # characters of text so far, at most what the snippet's text holds (spaces between pieces aside)
    for match in MATH_ELEMENT.finditer(html):
        before = html[pos:match.start()]
        seen += len(" ".join(Markup(before).striptags().split()))
        out.append(before)
        if seen > limit:
            return "".join(out)
        formula = math_text(match.group())
        seen += len(" ".join(formula.split()))
        out.append(str(escape(formula)))
        pos = match.end()
    out.append(html[pos:])
    return "".join(out)


_SUPERSCRIPT = str.maketrans("0123456789+-−=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱ")
_SUBSCRIPT = str.maketrans("0123456789+-−=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ")
"""Unicode's small letters for what a script may hold (MathML writes a minus as U+2212)."""


def math_text(mathml: str) -> str:
    """A formula's MathML (as the pages carry it) as one line of plain text, for the places that
    show text only (excerpts, descriptions, feeds, search cards): `n²`, `t₁`, `x_{ij}`, `a/b`,
    `√d`. Without it the scripts ran into the base: O(n²) read "O(n2)", t₁ < t₂ "t1<t2"."""
    try:
        root = etree.fromstring(mathml)
    except etree.ParseError:
        return Markup(mathml).striptags()
    return " ".join(_math_node_text(root).split())


def _math_node_text(node: etree.Element) -> str:
    tag = node.tag.rsplit("}", 1)[-1]
    if tag in ("annotation", "annotation-xml"):
        return ""
    text = (node.text or "").strip()
    if tag == "mo" and len(text) > 1 and text.isalpha():  # log, max: "n log n", not "nlogn"
        return f" {text} "
    parts = [_math_node_text(child) for child in node]
    if tag in ("msup", "msub", "msubsup") and len(parts) >= 2:
        base, scripts = parts[0], parts[1:]
        kinds = {"msup": ("sup",), "msub": ("sub",), "msubsup": ("sub", "sup")}[tag]
        scripted = base.rstrip() + "".join(_script(text.strip(), kind) for text, kind in zip(scripts, kinds))
        return scripted + " " if base.endswith(" ") else scripted
    if tag == "mfrac" and len(parts) == 2:
        return f"{_grouped(parts[0])}/{_grouped(parts[1])}"
    if tag == "msqrt":
        return "√" + _grouped("".join(parts))
    if tag == "mroot" and len(parts) == 2:
        return _script(parts[1], "sup") + "√" + _grouped(parts[0])
    return text + "".join(parts)


def _script(text: str, kind: str) -> str:
    """A sub- or superscript in Unicode's small letters where every character has one, else `_x` or `^(xy)`."""
    table = _SUPERSCRIPT if kind == "sup" else _SUBSCRIPT
    small = text.translate(table)
    if text and not any(a == b for a, b in zip(text, small) if not a.isspace()):
        return small
    return ("^" if kind == "sup" else "_") + _grouped(text)


def _grouped(text: str) -> str:
    text = text.strip()
    return text if len(text) <= 1 else f"({text})"


def sanitise(html: str) -> str:
    """`html` as it may appear on a page: allow-listed markup, and no image that loads from elsewhere."""
    return _unload_images(_SANITISER.clean(html))


_MATH_AND_AFTER = re.compile(r'(<math\b(?![^>]*display="block")[^>]*>(?:(?!</math>).)*</math>)([.,;:!?%)\]}…’”」』\u3131-\u318e\uac00-\ud7a3]{1,8})', re.S)
"""Inline math and the punctuation or Korean ending written right after it (`$n$.`, `$H$를`)."""


def glue_math(html: str) -> str:
    """Sanitised `html` with each inline formula and the punctuation or Korean ending that follows
    it kept on one line (papernotes.css: `.pn-math-glue`): Chromium breaks a line after a <math>
    whatever follows, so a phone showed a line starting with "." or "를". At most 8 characters
    are glued, so a long run after a formula cannot push a line past a phone's width."""
    return _MATH_AND_AFTER.sub(r'<span class="pn-math-glue">\1\2</span>', html) if "<math" in html else html


WORD_JOINER = "\u2060"
"""What `glue_endings` puts between a closing bracket and a Korean ending; a page's own (feeds and
excerpts drop it: `without_joiners`)."""
_CLOSERS = ")]}’”」』〉》%"
_CLOSER = "[" + re.escape(_CLOSERS) + "]"
_HAS_CLOSER = re.compile(_CLOSER + "|[\uac00-\ud7a3][(\\[]")
_CLOSER_THEN_HANGUL = re.compile(_CLOSER + r"(?=[\uac00-\ud7a3])|(?<=[\uac00-\ud7a3])(?=[(\[])")
"""Where a line may not break in Korean text: after a closing bracket, quote or `%` before a
Korean ending (`포함)에서는`, `30.7%에서`), and between a Korean word and the bracket it opens
(`일치(faithfulness)`: the line ended with 일치 and began with the bracket)."""
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_HANGUL_START = re.compile(r"[\uac00-\ud7a3]")
_INLINE = frozenset({"a", "abbr", "b", "code", "del", "em", "i", "ins", "kbd", "mark", "math", "s", "small", "span", "strong",
                     "sub", "sup", "u"})


def without_joiners(text: str) -> str:
    """`text` without `glue_endings`' joiners: for readers that lay the text out themselves."""
    return text.replace(WORD_JOINER, "")


def _walk(pieces: list[str], verbatim: tuple[str, ...]) -> Iterator[tuple[int, str | None, bool]]:
    """The non-empty pieces of `_TAG_OR_TEXT.split(html)`: each one's index, its tag name when it
    is a tag (`/code` for a closing one; None for text) and whether it lies inside one of the
    `verbatim` elements (`code`, `pre`: text copied as written)."""
    depth = 0
    for i, piece in enumerate(pieces):
        if not piece:
            continue
        if not piece.startswith("<"):
            yield i, None, depth > 0
            continue
        name = piece[1:].split(None, 1)[0].rstrip(">/").lower() if len(piece) > 2 else ""
        if name in verbatim:
            depth += 1
        elif name.startswith("/") and name[1:] in verbatim:
            depth = max(0, depth - 1)
        yield i, name, depth > 0


def glue_endings(html: str) -> str:
    """Sanitised `html` with a word joiner (U+2060) between a closing bracket, quote or `%` and the
    Korean ending after it (`포함)에서는`, `(언어)까지`, `</code>로` after `O(n)`, `30.7%에서`), and
    between a Korean word and the bracket it opens (`일치(faithfulness)`): Chromium may break a
    line there even with `word-break: keep-all`, and a phone showed lines starting with "에서는".
    So after code that ends in any mark (`pip install -e .`를, `family:`는, `data/notes/`에: the
    contributing guide's lines began with the particle). Not inside code, where the joiner would be
    copied with it."""
    if not (_HAS_CLOSER.search(html) or "</code>" in html) or not _HANGUL_START.search(html):
        return html
    out: list[str] = []
    closed = False  # the text so far ends with a closer
    last = ""  # the last character of the text so far
    pieces = _TAG_OR_TEXT.split(html)
    for i, name, code in _walk(pieces, ("code", "pre")):
        piece = pieces[i]
        if name is not None:
            if name.lstrip("/") not in _INLINE:  # a new block, line or cell: nothing to join across
                closed = False
            elif name == "/code" and last and not last.isalnum() and not last.isspace():
                closed = True
            out.append(piece)
            continue
        if closed and not code and _HANGUL_START.match(piece):
            out.append(WORD_JOINER)
        out.append(piece if code else _CLOSER_THEN_HANGUL.sub("\\g<0>" + WORD_JOINER, piece))
        closed = piece[-1] in _CLOSERS
        last = piece[-1]
    return "".join(out)


HYPHEN_WORD_MAX = 20
"""The longest word (in characters) `keep_hyphens` keeps whole: a longer one may break at its hyphen."""
NO_BREAK = '<span class="pn-nobreak">'
"""What `keep_hyphens` wraps a hyphen and the letter after it in (papernotes.css: nowrap)."""
_WORD_OR_SPACE = re.compile(r"\S+|\s+")
_HYPHEN_BREAK = re.compile(r"[-\u2010](?=\w)")
_HANGUL = re.compile(r"[\u3131-\u318e\uac00-\ud7a3]")


_NO_BREAK_SPAN = re.compile(re.escape(NO_BREAK) + r"([^<]*)</span>")


def without_nobreaks(html: str) -> str:
    """`html` without `keep_hyphens`' spans: for readers that lay the text out themselves (feeds)."""
    return _NO_BREAK_SPAN.sub(r"\1", html) if NO_BREAK in html else html


def keep_hyphens(html: str) -> str:
    """Sanitised `html` with the hyphen of a Korean word (`Adv-RM과`, `GPT-4o의`, `[Adv-RM](…)과`:
    a space-delimited word with a hyphen and Hangul, up to `HYPHEN_WORD_MAX` characters) and the
    letter after it in a `white-space: nowrap` span: Chromium breaks a line after a hyphen even
    with `word-break: keep-all`, and a phone showed "Adv-" at a line's end and "RM과" on the next.
    Only the two characters are held, so a word wider than the line still wraps (at a letter,
    `overflow-wrap`) rather than running off the screen. The text is the same (what a reader
    copies, what an excerpt shows); not in code or formulas, nor in an attribute. English words
    hold no Hangul, and keep their breaks."""
    if ("-" not in html and "\u2010" not in html) or not _HANGUL.search(html):
        return html
    pieces = _TAG_OR_TEXT.split(html)
    held: dict[int, list[int]] = {}  # piece -> the offsets of its hyphens to hold
    word: list[tuple[int, int, str]] = []  # the word so far: (piece, offset, text) of each of its runs outside code
    letters: list[str] = []  # all its text, code's too

    def end_word() -> None:
        text = "".join(letters)
        if word and len(text) <= HYPHEN_WORD_MAX and _HANGUL.search(text):
            for piece, offset, run in word:
                held.setdefault(piece, []).extend(offset + m.start() for m in _HYPHEN_BREAK.finditer(run))
        word.clear()
        letters.clear()

    for i, name, code in _walk(pieces, ("code", "pre", "math")):
        if name is not None:
            if name.lstrip("/") not in _INLINE:  # a new block, line or cell: the word ends
                end_word()
            continue
        for m in _WORD_OR_SPACE.finditer(pieces[i]):
            if m.group()[0].isspace():
                end_word()
                continue
            letters.append(m.group())
            if not code:
                word.append((i, m.start(), m.group()))
    end_word()
    for i, offsets in held.items():
        text, out, at = pieces[i], [], 0
        for offset in offsets:
            out += [text[at:offset], NO_BREAK, text[offset:offset + 2], "</span>"]
            at = offset + 2
        pieces[i] = "".join(out) + text[at:]
    return "".join(pieces)


# nh3 (html5ever) serialises every attribute as name="value" with `"` escaped as &quot;, so a
# value never holds a `"` and this pattern reads its output exactly.
_IMG = re.compile(r'<img((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*/?>')
_ATTRIBUTE = re.compile(r'([^\s=>/]+)(?:="([^"]*)")?')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def same_site_path(url: str) -> bool:
    """True when a browser resolves `url` on the page's own host, whatever the page's address.

    Browsers drop tabs and newlines inside a URL and read `\\` as `/` in http(s) URLs, so
    `/\t/evil.example`, `\\evil.example` and `/\\evil.example` all reach another host, like
    `//evil.example` and `https://evil.example`; each of those is refused here."""
    cleaned = re.sub(r"[\t\n\r]", "", url).strip("\x00- ")
    return not (_SCHEME.match(cleaned) or "\\" in cleaned or cleaned.startswith("//") or not cleaned)


def _file_name(url: str) -> str:
    """The last path segment of a URL (`https://x.org/a/fig.png?s=1` -> `fig.png`), or ''."""
    return posixpath.basename(re.split(r"[?#]", url, maxsplit=1)[0].rstrip("/")) if "/" in url else ""


def _unload_images(html: str) -> str:
    """Every `<img>` whose source is not a same-site path becomes its alt text, linked to the
    image (its file name when it has no alt text, so nothing is silently dropped)."""
    if "<img" not in html:
        return html

    def replace(match: re.Match[str]) -> str:
        attributes = {name: value or "" for name, value in _ATTRIBUTE.findall(match.group(1))}
        src = attributes.get("src", "")
        if src and same_site_path(unescape(src)):
            return match.group(0)
        # Without alt text, the file name says what the link leads to (and needs no translation).
        # Attribute values are already escaped by nh3; the file name is escaped here.
        alt = attributes.get("alt", "").strip() or escape(_file_name(unescape(src))) or src
        title = f' title="{attributes["title"]}"' if attributes.get("title") else ""
        if not src:  # the sanitiser dropped a source it could not read: the alt text is all there is
            return f'<span class="pn-image-link">{alt}</span>' if alt else ""
        return f'<a class="pn-image-link" href="{src}" rel="noopener noreferrer nofollow"{title}>{alt}</a>'

    return _IMG.sub(replace, html)
