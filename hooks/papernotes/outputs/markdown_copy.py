"""Markdown copies of the notes, for people and AI tools (which read Markdown best), and
`llms.txt` (llmstxt.org): the site, its tags and its notes, each note linked to its copy.

A copy is `notes/<slug>.md` beside the note's folder (the llms.txt convention: the page's URL
with `.md`): a YAML front matter of the paper's facts and its lineage (dumped by PyYAML, so any text is quoted
safely; a text holding `<` is double-quoted with each `<` escaped `\u003c`, as a viewer that does
not know front matter shows it as Markdown, where `<script>` ran), then the title, the abstract
and both commentaries as the note wrote them, but with raw HTML, images from other hosts and
script links made inert (`inert`), as the page's sanitiser does. The note page links it with
`<link rel="alternate" type="text/markdown">`.
"""

from __future__ import annotations

import posixpath

import html as htmllib
import re
import unicodedata
from typing import Callable
from urllib.parse import quote

import yaml

from papernotes.markup import same_site_path
from papernotes.markup_links import note_slug_of, site_root_path
from papernotes.model import Note, TagRegistry
from papernotes.names import name_separator
from papernotes.schema import LINEAGE_FIELDS
from papernotes.outputs.citation import arxiv_doi
from papernotes.catalog import urls


def copy_path(slug: str) -> str:
    """Where a note's Markdown copy is written (site-relative)."""
    return f"notes/{slug}.md"


def copy_href(from_src: str, slug: str) -> str:
    """A link from a page (or file) to a note's copy: `.md` is a page source for `urls`, so the
    notes folder is linked and the file name added."""
    return urls.relative(from_src, "notes/") + quote(slug) + ".md"


NOTES_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Empty on purpose: mkdocs-material fetches a sitemap.xml beside every link[rel=alternate]
     target (for its language versions), here the notes' Markdown copies; the site's own sitemap
     is /sitemap.xml. -->
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>
"""
"""Hack: written to `notes/sitemap.xml` so the theme's request for it is not a 404 on every note page."""


def front_matter(note: Note, page_url: str | None) -> dict[str, object]:
    """The paper's facts, its texts with their links and images made inert as the body's are: a
    viewer that shows front matter as Markdown showed a title or an author written
    `[x](javascript:...)` as a live link, and `![x](https://...)` as an image from that host (a
    fuzzing pass; docs/security.md promises neither in the copy). They stay as written for a YAML
    reader: each `[` is written `\\u005B` in double quotes (`_escaped`), as `<` is, so no viewer
    sees a link there and the value reads back whole (a QA pass: `[x](javascript:...)` in a title
    came back as `x`)."""
    facts: dict[str, object] = {"title": note.title, "authors": list(note.authors)}
    if note.published:
        facts["published"] = note.published.isoformat()
    if note.arxiv:
        facts.update(arxiv=note.arxiv, doi=arxiv_doi(note.arxiv), abstract_url=urls.arxiv_abs(note.arxiv),
                     pdf_url=urls.arxiv_pdf(note.arxiv))
    for key in ("url", "code", "org"):
        if getattr(note, key):
            facts[key] = getattr(note, key)
    for key in LINEAGE_FIELDS:  # the papers this one builds on and is compared with, as arXiv ids
        if getattr(note, key):
            facts[key] = list(getattr(note, key))
    facts.update(tags=list(note.tags), noted=note.date.isoformat())
    if page_url:
        facts["page"] = page_url
    return facts


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's dumper when PyYAML has it: the pure-Python one is most of the exports' time at scale."""


class _CopyDumper(_DUMPER):  # type: ignore[valid-type,misc]
    """`_DUMPER` writing a text that holds `<` or `[` double-quoted (`_escaped` then escapes them)."""


_BRACKET = "\uffff"
"""Stands for `[` while the front matter is dumped: a noncharacter, which no note's YAML holds
(PyYAML refuses it in a file) and libyaml writes as `\\uFFFF`, only ever in double quotes."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    quoted = "<" in text or "[" in text
    return dumper.represent_scalar("tag:yaml.org,2002:str", text.replace("[", _BRACKET), style='"' if quoted else None)


_CopyDumper.add_representer(str, _represent_text)


def _escaped(head: str) -> str:
    """The front matter with each `<` written `\\u003c` and each `[` `\\u005B`: `_CopyDumper` put every
    text holding one in double quotes, where those are their escapes (YAML reads the same text
    back), so the file has no `<` a Markdown viewer could take for the start of raw HTML
    (`title: Injected <script>...`) and no `[` for a link or an image (`[t](javascript:...)`)."""
    return _BRACKET_ESCAPE.sub(r"\1\\u005B", head.replace("<", "\\u003c"))


_BRACKET_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\uFFFF")
"""libyaml's escape of `_BRACKET`, after an even run of backslashes (`\\\\uFFFF` is a backslash and text)."""


_ASTRAL_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\U([0-9A-F]{8})")
"""libyaml's escape of a character beyond U+FFFF in a double-quoted scalar (`\\U0001F600`), after
an even run of backslashes (an escaped backslash is text)."""


def _astral_unescaped(head: str) -> str:
    """`head` with libyaml's escapes of printable characters beyond U+FFFF written as themselves,
    when it reads back the same (a `\\U` written in a plain or single-quoted scalar is text)."""
    written = _ASTRAL_ESCAPE.sub(_astral_written, head)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return written if written != head and yaml.load(written, Loader=loader) == yaml.load(head, Loader=loader) else head


def _astral_written(match: re.Match[str]) -> str:
    """An emoji or other printable character beyond U+FFFF as itself: libyaml escapes them all, so an
    AI tool or a reader saw `\\U0001F600` where the note has 😀 (PyYAML's own dumper writes them)."""
    char = chr(int(match[2], 16))
    printable = 0x10000 <= ord(char) <= 0x10FFFF and not unicodedata.category(char).startswith("C")
    return match[1] + char if printable else match[0]


def render_copy(note: Note, page_url: str | None = None, note_link: Callable[[str], str | None] = lambda slug: None,
                site_link: Callable[[str], str] | None = None) -> str:
    """The note's copy; `note_link(slug)` is where a link to another note leads from the copy
    (None: no such note, the link is left as written), `site_link(path)` where a link or image to
    another page or file of the site does (`path` from the site's root: `markup_links.site_root_path`)."""
    head = yaml.dump(front_matter(note, page_url), Dumper=_CopyDumper, allow_unicode=True, sort_keys=False, width=1000)
    if "\\U" in head:
        head = _astral_unescaped(head)
    if "<" in head or "\\uFFFF" in head:
        head = _escaped(head)
    parts = [f"---\n{head}---\n", f"# {as_text(note.title)}\n"]  # a title, not markup
    for heading, text in (("Abstract", note.abstract), ("한국어", note.ko), ("English", note.en)):
        if text.strip():
            parts.append(f"## {heading}\n\n{hardened(inert(point_note_links(text.strip(), note_link, site_link)))}\n")
    return "\n".join(parts)


_RAW_TAG = re.compile(r"<(?=[A-Za-z/!?])(?!(?:https?|mailto):)")
"""The start of raw HTML (a tag, a comment, a declaration); not an autolink (`<https://...>`)."""
_INLINE = re.compile(r"""(!?)\[([^\[\]\n]*)\]\(\s*(<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*+)((?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*)\)""")
"""An inline link or image: `[text](destination "title")` (one level of parentheses in the destination;
no bracket in the text, which kept this linear: the link around it is still read by `_inert_destinations`)."""
_DEFINITION = re.compile(r"^([ \t>*+\-0-9.)]*\[[^\]]{1,999}\]:)([ \t]*\n?[ \t]*)(<[^>\n]*>|\S+)", re.M)
"""A reference definition: `[label]: destination "title"` (its destination may be on the next line; in a
list item or a quote too)."""
_ANY_DESTINATION = re.compile(r"\]\(\s*")
_DESTINATION = re.compile(r"<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))++")
"""Any `](destination`, whatever the text before it (nested brackets included)."""
_IMAGE_START = re.compile(r"(?<!\\)((?:\\\\)*)!(?=\[)")
"""The `!` of an image (`![`), unless a backslash escapes it (an even run of backslashes is text)."""
_KEPT_IMAGE = re.compile(r"""!\[[^\[\]\n]*\]\(\s*(<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)""")
"""An inline image simple enough to read for sure (`![alt](path "title")`): kept when its path is on the site."""
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_SCRIPT_SCHEMES = "javascript|vbscript|data|file"
_SCRIPT_SCHEME = re.compile(rf"(?i)(?:{_SCRIPT_SCHEMES}):")


def _destination(raw: str) -> str:
    """A link's destination as a Markdown viewer resolves it: without `<>`, with backslash escapes
    and character references decoded, and without the spaces and control characters browsers drop."""
    text = raw[1:-1] if raw.startswith("<") and raw.endswith(">") else raw
    return re.sub(r"[\x00-\x20\x7f]", "", htmllib.unescape(_ESCAPED.sub(r"\1", text)))


def _inert_link(match: re.Match[str]) -> str:
    destination = _destination(match[3])
    if _SCRIPT_SCHEME.match(destination):
        return match[2]  # a script link: its text
    if match[1] and not same_site_path(destination):
        return match[0][1:]  # an image from elsewhere: a link to it
    return match[0]


def _inert_image(match: re.Match[str]) -> str:
    """Every image left is kept only when it surely loads from the site; any other `!` before a `[`
    is escaped: a reference image (`![x][r]`, `![x]`), and one this module cannot read for sure
    (alt text over two lines or with brackets, a path followed by a new line), which a viewer may
    still load from another host."""
    kept = _KEPT_IMAGE.match(match.string, match.end(1))
    if kept and same_site_path(kept[1]) and same_site_path(_destination(kept[1])):
        return match[0]
    return match[1] + "\\!"


def _inert_links(piece: str) -> str:
    """The link and image rules of `inert`, for text and for math (which a Markdown viewer reads as text)."""
    piece = _DEFINITION.sub(lambda m: m[1] + m[2] + "#" if _SCRIPT_SCHEME.match(_destination(m[3])) else m[0], piece)
    piece = _INLINE.sub(_inert_link, piece)
    return _IMAGE_START.sub(_inert_image, _inert_destinations(piece))


def _inert_destinations(piece: str) -> str:
    """Every `](destination` that is a script link becomes `](#`. Each `](` is read, also one
    inside another's destination (`[a](:[](javascript:...)`: a viewer may read the second)."""
    out, last = [], 0
    for opener in _ANY_DESTINATION.finditer(piece):
        found = _DESTINATION.match(piece, opener.end())
        if opener.start() >= last and found and _SCRIPT_SCHEME.match(_destination(found[0])):
            out += [piece[last:found.start()], "#"]
            last = found.end()
    return "".join(out) + piece[last:] if out else piece


def inert(text: str) -> str:
    """A note's Markdown as the copy gives it: what the page's sanitiser keeps from running or
    loading stays inert in any Markdown viewer too. Raw HTML is shown as text (`<` as `&lt;`), an
    image from another host becomes a link to it (as on the page), and a link to a
    `javascript:`, `data:`, `vbscript:` or `file:` address keeps only its text. Code is left as
    written, and so is math, but for links and images: a Markdown viewer reads `$...$` as text
    (`costs $5 ![x](https://...) and $6` is an image to it)."""
    if _SPAN_START.search(text) is None:  # nothing `_SPANS` could match: all of it is text (most abstracts)
        return _inert_text(text)
    spans = [span for span in _SPANS.finditer(text) if span["text"] is None]  # an autolink or a link's destination is
    # text, matched only so that no code span starts in it (a viewer reads the link first)
    tags = _math_tags(text, spans)
    out, last = [], 0
    for span in spans:
        out.append(_inert_text(text[last:span.start()]))
        if span["math"] is not None:
            out.append(_inert_links(_escape_at(span[0], sorted(t - span.start() for t in tags if span.start() <= t < span.end()))))
        else:
            out.append(span[0])
        last = span.end()
    out.append(_inert_text(text[last:]))
    return "".join(out)


def _escape_at(piece: str, at: list[int]) -> str:
    """`piece` with the `<` at each offset of `at` (ascending) written `&lt;`."""
    if not at:
        return piece
    out, last = [], 0
    for i in at:
        out += [piece[last:i], "&lt;"]
        last = i + 1
    return "".join(out) + piece[last:]


def _math_tags(text: str, spans: list[re.Match[str]]) -> set[int]:
    """Where a `<` in math starts a tag that a Markdown viewer would read as HTML once the copy has
    escaped the `<` after it (`$a<b$` keeps its `<`; `$<script>$` and `$<img src=... alt="$">`
    do not). Read right to left on the text's ASCII shape, in which every `<` the copy escapes is
    no longer one: an escaped `<` can let a tag before it run on to a `>`."""
    if "<" not in text or not any(span["math"] is not None and "<" in span[0] for span in spans):
        return set()
    shape = bytearray(text, "ascii", "replace")  # one byte a character: positions stay the text's
    last = 0
    for span in [*spans, None]:
        end = span.start() if span is not None else len(text)
        for tag in _RAW_TAG.finditer(text, last, end):
            shape[tag.start()] = ord("x")
        last = span.end() if span is not None else end
    found = set()
    for span in reversed(spans):
        if span["math"] is None:
            continue
        for i in range(span.end() - 1, span.start() - 1, -1):
            tag = _TAG_AT.match(shape, i) if shape[i] == ord("<") else None
            # What could run or load: an element by its name (`<img `, `<b>`), any tag with an attribute
            # value, a comment or a declaration; not `<b$ $$x<y$$ ...>`, an element named `b$` with no value.
            if tag and (b"=" in tag[0] or tag[0][1:2] in b"/!?" or _ELEMENT.match(tag[0])):
                found.add(i)
                shape[i] = ord("x")
    return found


def _inert_text(piece: str) -> str:
    return _inert_links(_RAW_TAG.sub("&lt;", piece))


_CODE = re.compile(r"(```.*?```|~~~.*?~~~|`[^`\n]*`)", re.S)
"""Code blocks and code spans, where a link is text (for `point_note_links`: a link's target only)."""
_SPANS = re.compile(r"""
    (?P<fence>^(?P<fence_mark>`{3,}+(?=[^`\n]*$)|~{3,}+)[^\n]*\n(?:(?!^[ ]{0,3}(?:`{3,}|~{3,})[ \t]*$).)*?^(?P=fence_mark)[ \t]*$)
  | (?P<text><(?:https?|mailto):[^\s<>]*>
      | \]\(\s*(?:<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*+)(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\))
  | (?P<code>(?<![\\`])(?P<ticks>`++)[^\n]*?[^`\n](?P=ticks)(?!`))
  | (?P<math>\$\$[^$]+\$\$|(?<![\\$])\$[^$\n]+\$)
""", re.S | re.M | re.X)
"""What `inert` leaves as written, where every Markdown viewer reads code: a fenced block whose
fences start their lines and are the same (CommonMark and Python-Markdown differ on the others:
an unclosed fence, a longer closing fence, an indented one), and a code span on one line (a run
of backticks to the next run as long, not after a backslash); math, whose links and images are made
inert all the same. An autolink or a link's destination is matched as text first, so a backtick
in it starts no code span (a viewer reads the link first). Anything else is text: code this does
not recognise only shows its `<` as `&lt;` (harmless), text taken for code could load or run."""
_SPAN_START = re.compile(r"[`~<$]|\]\(")
"""What each of `_SPANS`' matches starts with (a fence, an autolink, a link's destination, code, math)."""
_TAG_AT = re.compile(rb"""<(?:
    /?[A-Za-z][^<>@ ]*(?:[ ][^<>]*)?>                                               # Python-Markdown's raw HTML
  | [A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*/?>  # CommonMark's
  | [/!?])                                                                          # a closing tag, comment, declaration
""", re.X)
"""A tag at a `<`, as Python-Markdown or CommonMark reads raw HTML (a quoted attribute may hold a `<`)."""
_ELEMENT = re.compile(rb"<[A-Za-z][A-Za-z0-9-]*[\s/>]")
_TARGET = re.compile(r"(\]\(\s*<?)([^)\s>]+)(>?(?:\s+\"[^\"\n]*\")?\s*\))|(^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?)([^\s>]+)", re.M)
"""An inline link's target (`[text](target "title")`) or a reference definition's (`[ref]: target`)."""


def point_note_links(text: str, note_link: Callable[[str], str | None], site_link: Callable[[str], str] | None = None) -> str:
    """`text` (a note's Markdown) with each link to another note (`../other/`, `other.md`: written
    from the note's page) pointing there from the copy, which is one folder up from the page; and,
    with `site_link`, each other relative link or image to the site (`../../about/`) likewise."""
    pieces = _CODE.split(text)
    for i in range(0, len(pieces), 2):  # odd pieces are code
        pieces[i] = _TARGET.sub(lambda m: _pointed(m, note_link, site_link), pieces[i])
    return "".join(pieces)


def _pointed(match: re.Match[str], note_link: Callable[[str], str | None], site_link: Callable[[str], str] | None) -> str:
    before, target, after = (match[1], match[2], match[3]) if match[1] is not None else (match[4], match[5], "")
    slug = note_slug_of(target)
    found = note_link(slug) if slug else None
    if found is None and slug is None and site_link is not None:
        path = site_root_path(target)
        return match[0] if path is None else before + site_link(path) + after
    if found is None:
        return match[0]
    fragment = "#" + target.split("#", 1)[1] if "#" in target else ""
    return before + found + fragment + after


_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]]")
"""What could start or end Markdown markup inside a link's text, escaped alike by CommonMark and Python-Markdown."""


def as_text(text: str) -> str:
    """Text (a title, a name, a tag label) as Markdown that shows it as written, on one line:
    Markdown's own characters escaped (a `]` would end a link's text), and `<` as `&lt;` (never HTML)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\g<0>", " ".join(text.split())).replace("<", "&lt;")


def _names(names: tuple[str, ...]) -> str:
    """Names joined as the daily post joins them (`names.name_separator`)."""
    return name_separator(names).join(names)


def _name(fmt: str) -> str:
    return posixpath.basename(urls.references(fmt))


def render_llms_txt(site_name: str, site_url: str | None, notes: tuple[Note, ...], tags: TagRegistry,
                    counts: dict[str, int]) -> str:
    """The `llms.txt` document: H1 the site, a blockquote summary, then a list of tags and one of notes."""
    def link(to: str) -> str:
        return urls.link(site_url, "llms.txt", to)

    def copy_link(slug: str) -> str:
        return (site_url.rstrip("/") + "/" + quote(copy_path(slug))) if site_url else quote(copy_path(slug))

    def count(n: int) -> str:
        return f"{n} note" if n == 1 else f"{n} notes"

    lines = [f"# {as_text(site_name)}", "",
             f"> Bilingual (Korean/English) research notes on {len(notes)} machine-learning paper{'' if len(notes) == 1 else 's'}: each note gives the "
             "paper's facts, its abstract and a commentary in Korean and in English.", "",
             "Every note is also published as Markdown (linked below). Site-wide exports: "
             f"[notes.json]({link(urls.notes_json())}), [BibTeX]({link(urls.bibtex())}), "
             f"[Atom feed]({link(urls.feed())}). Each tag's folder holds its notes as "
             f"`{_name('bibtex')}`, `{_name('ris')}`, `{_name('csl')}` and `{posixpath.basename(urls.feed('x'))}` "
             "(for example `" + urls.references("ris", urls.tag_folder("<tag>")) + "`), and each author's folder "
             f"`{_name('bibtex')}` and `{posixpath.basename(urls.author_feed('x'))}`, each lab's (`labs/<lab>/`) all four; "
             "the RIS and CSL-JSON of a note, or of an author with few notes, are downloads in its page.", "", "## Tags", ""]
    lines += [f"- [{as_text(t.en)} · {as_text(t.ko)}]({link(urls.tag(t.slug))}): {count(counts.get(t.slug, 0))}"
              + (f"; {as_text(t.description_en or t.description_ko)}" if t.description_en or t.description_ko else "")
              for t in tags.tags if counts.get(t.slug)]
    lines += ["", "## Notes", ""]
    lines += [f"- [{as_text(n.title)}]({copy_link(n.slug)}): {n.date.isoformat()}; "
              f"{as_text(_names(n.authors[:3]))}{' et al.' if len(n.authors) > 3 else ''}" for n in notes]
    return "\n".join(lines) + "\n"


def hardened(text: str) -> str:
    """`inert`'s text made safe whatever a viewer takes for code: `inert` leaves code spans and
    math as written, and a viewer that reads a span's edges otherwise (a backtick in a link's
    title, a table cell's pipes, an escaped bracket in a label) found live HTML there
    (`<img src="https://...">`, `<javascript:...>`) or a reference image from another host.
    Outside fenced code blocks, then: a `<` that starts a tag, a comment or an autolink to anything
    but http(s) and mailto is written `&lt;`; a script scheme after `](` or `]:` gets a zero-width
    space before its colon (no longer a scheme); and an image (`![`) is kept only as `inert`
    keeps one (`_inert_image`: an inline image of this site), else its `!` is escaped.
    In a code span or math as `inert` reads them, a tag that can neither run nor load stays as
    written (`<think>`, `</answer>`, `a<b && c>d`: no attribute value, not an element like `<img>`
    or `<script>` that runs or loads bare), so the copy's code reads as the note's; any other shows
    as `&lt;img` in a viewer that reads the span as code: rare, and safe."""
    if "<" not in text and "![" not in text and ":" not in text:
        return text
    out: list[str] = []
    fence: str | None = None
    chunk: list[str] = []
    for line in text.split("\n"):
        marker = _FENCE.match(line)
        if fence is not None:  # inside a fenced block: as written, up to its closing fence
            out.append(line)
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence) and line.strip() == marker.group(1):
                fence = None
        elif marker:
            if chunk:
                out.append(_harden("\n".join(chunk)))
            chunk, fence = [], marker.group(1)
            out.append(line)
        else:
            chunk.append(line)
    if chunk:
        out.append(_harden("\n".join(chunk)))
    return "\n".join(out)


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIVE_TAG = re.compile(r"<(?=[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|/[A-Za-z]|!|\?|(?!(?:https?|mailto):)[A-Za-z][A-Za-z0-9+.-]*:)")
_SCRIPT_DESTINATION = re.compile(rf"(?i)((?:\]\(|\]:)\s*<?\s*)({_SCRIPT_SCHEMES})(\s*:)")


_QUIET_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)(?:[\s/][^<>=\"'`:$]*)?>?")
"""A tag with no attribute value, quote or colon: nothing in it can run or load, unless its element
does (`_LOUD`)."""
_LOUD = frozenset("""applet audio base bgsound body embed form frame frameset head html iframe image img input
    isindex keygen link marquee math meta noembed noframes noscript object picture plaintext portal script
    select source style svg template textarea title track video xmp""".split())
"""Elements that run, load, submit, or change how the rest of the page is read, even bare."""


def _harden(chunk: str) -> str:
    if _LIVE_TAG.search(chunk):
        chunk = _LIVE_TAG.sub(_quiet_in_code(chunk), chunk)
    chunk = _SCRIPT_DESTINATION.sub("\\1\\2\u200b\\3", chunk)
    return _IMAGE_START.sub(_inert_image, chunk) if "![" in chunk else chunk


def _quiet_in_code(chunk: str) -> Callable[[re.Match[str]], str]:
    """For `_LIVE_TAG.sub`: a `<` kept when a quiet tag (`_QUIET_TAG`, not `_LOUD`) starts there inside a
    code span or math, else `&lt;`."""
    spans = [(m.start(), m.end()) for m in _SPANS.finditer(chunk) if m["code"] is not None or m["math"] is not None]

    def sub(match: re.Match[str]) -> str:
        at = match.start()
        if any(start < at < end for start, end in spans):
            # The tag as a viewer that does not see the span may read it: to the next `>`, past the
            # span's end if need be (`<b x` onclick=...>`: not quiet), with its backticks and `$`.
            close = chunk.find(">", at)
            tag = _QUIET_TAG.fullmatch(re.sub(r"[`$]", "", chunk[at:close + 1] if close != -1 else chunk[at:]))
            if tag and tag[1].lower() not in _LOUD:
                return "<"
        return "&lt;"
    return sub
