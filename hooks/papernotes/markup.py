"""Note Markdown to safe HTML: CommonMark-ish Markdown, `$math$` as MathML, then sanitised.

Math is converted at build time (latex2mathml) so pages need no JavaScript or CDN to show
it. Every fragment goes through nh3 with an allow-list last, so whatever a note contains
(raw HTML, `javascript:` links, attribute lists), only safe markup reaches the page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
import nh3
from latex2mathml.converter import convert as latex_to_mathml
from markdown.inlinepatterns import InlineProcessor
from markupsafe import Markup, escape

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
    "span": {"class"},
}

_SANITISER = nh3.Cleaner(
    tags=HTML_TAGS | MATHML_TAGS,
    attributes=ATTRIBUTES,
    url_schemes={"http", "https", "mailto"},
    link_rel="noopener noreferrer nofollow",
    clean_content_tags={"script", "style"},
    strip_comments=True,
)


class _MathInline(InlineProcessor):
    def __init__(self, pattern: str, md: markdown.Markdown, display: str) -> None:
        super().__init__(pattern, md)
        self.display = display

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element, int, int]:  # noqa: N802
        tex = m.group(1).strip()
        try:
            mathml = latex_to_mathml(tex, display=self.display)
        except Exception:  # latex2mathml raises many kinds on bad TeX; show the source instead
            mathml = f'<code class="pn-math-error">{escape(tex)}</code>'
        return self.md.htmlStash.store(mathml), m.start(0), m.end(0)  # type: ignore[return-value]


class MathExtension(markdown.Extension):
    """`$inline$` and `$$display$$` TeX; `\\$` is a literal dollar; `$5 and $10` stays text."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802
        md.ESCAPED_CHARS.append("$")
        md.inlinePatterns.register(_MathInline(r"(?<!\\)\$\$(.+?)\$\$", md, "block"), "math-display", 186)
        md.inlinePatterns.register(_MathInline(r"(?<![\\$])\$(?![\s$])([^$\n]+?)(?<![\s\\])\$(?!\d)", md, "inline"), "math-inline", 185)


class Renderer:
    """Converts note Markdown to sanitised HTML; one per build (the Markdown object is reused)."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=["tables", "fenced_code", "sane_lists", MathExtension()])

    def render(self, text: str) -> Markup:
        if not text.strip():
            return Markup("")
        self._md.reset()
        return Markup(_SANITISER.clean(self._md.convert(text)))


def sanitise(html: str) -> str:
    return _SANITISER.clean(html)
