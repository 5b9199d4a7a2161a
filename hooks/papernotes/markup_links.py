"""Papers a note mentions become links: arXiv ids and URLs in the text, and links to other notes.

Two steps, because a note's HTML is rendered once per build and cached by its text
(`markup.HtmlCache`), while where a mention should point depends on the whole site (is there a
note for that paper?) and on the page showing it (links between pages are relative):

1. While the Markdown is converted, `MentionExtension` wraps every arXiv id or arXiv/Hugging
   Face paper URL written in the text (`2504.06141`, `arXiv:2504.06141v2`, `cs/0112017`,
   `https://arxiv.org/abs/...`, `.../pdf/...`, `.../html/...`, `huggingface.co/papers/...`, the arXiv DOI
   `10.48550/arXiv.2504.06141`, bare or as a doi.org URL) in a plain link to
   `https://arxiv.org/abs/<id>`. Code spans, code blocks, math and existing links are left as
   they are. That HTML is correct on its own (a link to arXiv, no request made on load).
2. When a page shows the HTML, `LinkResolver.resolve` turns each such mention link, and each
   relative Markdown link to another note (`../other-slug/`, `other-slug.md`), into a link to
   that note's page, relative to the page, marked for previews; so does a Markdown link to
   the paper's arXiv or Hugging Face page (`[Adv-RM](https://arxiv.org/abs/2504.06141)`),
   since the note page links to both. Only a labelled link to the PDF or the HTML version keeps its target.

`find_links` reads the same HTML back for the link graph (`site/links.py`): which papers and
notes a section mentions, and the sentence that does.
"""

from __future__ import annotations

import functools
import posixpath
import re
import xml.etree.ElementTree as etree  # noqa: N813 (the name Python-Markdown and its extensions use)
from dataclasses import dataclass
from typing import Callable, Iterator
from urllib.parse import unquote

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape

from papernotes.schema import ARXIV_DOI, HOST_END, arxiv_id_problem, canonical_arxiv_id, link_problem

# arXiv's old-style archives (https://arxiv.org/archive): naming them keeps `and/or/1234567`
# or a file path from reading as a paper.
_ARCHIVES = ("acc-phys|adap-org|alg-geom|ao-sci|astro-ph|atom-ph|bayes-an|chao-dyn|chem-ph|cmp-lg|comp-gas|"
             "cond-mat|cs|dg-ga|funct-an|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math|math-ph|mtrl-th|nlin|"
             "nucl-ex|nucl-th|patt-sol|physics|plasm-ph|q-alg|q-bio|quant-ph|solv-int|supr-con")
def _id(name: str) -> str:
    return rf"(?P<{name}>[0-9]{{4}}\.[0-9]{{4,5}}|(?:{_ARCHIVES})(?:\.[A-Z]{{2}})?/[0-9]{{7}})(?:v[0-9]+)?"



_URL_HEAD = (rf"(?:(?:https?://)?(?:(?:www\.|export\.)?arxiv\.org{HOST_END}/(?:abs|pdf|html|format|src|e-print|ps)/"
             rf"|(?:www\.)?(?:huggingface|hf)\.co{HOST_END}/papers/)(?i:arxiv:)?"
             rf"|(?:(?:https?://)?(?:dx\.)?doi\.org{HOST_END}/+|(?i:doi):[ ]?)?(?i:{ARXIV_DOI}))")
"""A paper's arXiv page (abs, pdf, html, format, src, e-print, ps; as `schema.ARXIV_PAGE`, which makes a note's `url:` its paper's) or Hugging Face
page, or its arXiv DOI (`10.48550/arXiv.2401.12345`, after `https://doi.org/` or `doi:`, as `schema.ARXIV_DOI`)."""
_URL_TAIL = r"(?:[?#][\w=&%./~+-]*[\w=&%/~+-])?"
MENTION = re.compile(
    rf"(?<![\w./:=?#&%+~-])(?:{_URL_HEAD}{_id('url')}(?:\.pdf)?/?{_URL_TAIL}|(?:(?i:arxiv):[ ]?)?{_id('bare')})(?![\w/]|-[\w-]*[0-9/]|-(?![A-Za-z])|\.[0-9])",
    re.ASCII)
"""An arXiv id as a note may write it (ASCII digits only); `arxiv_id_problem` then checks it. Not
an id inside another link (`openreview.net/forum?id=2401.01234`: after `/ . : = ? # & % + ~ -`).
A URL's query or fragment (`…/papers/2404.09876#community`) is part of the mention, not text
left after its link; a sentence's full stop after it is not, nor a hyphen before a word
(`2501.12345-based`), but not one before a number or a path (`2501.12345-2`, a file name)."""
_PAPER_URL = re.compile(rf"^{_URL_HEAD}{_id('url')}(?:\.pdf)?/?(?:[?#]\S*)?$", re.ASCII)


def mention_id(text: str) -> str | None:
    """The arXiv id (without version) if `text` is one mention and nothing else, else None."""
    match = MENTION.fullmatch(text.strip())
    return _valid(match.group("url") or match.group("bare")) if match else None


def paper_url_id(href: str) -> str | None:
    """The arXiv id of an arxiv.org/abs, arxiv.org/pdf or huggingface.co/papers URL, else None."""
    match = _PAPER_URL.match(href)
    return _valid(match.group("url")) if match else None


def _valid(arxiv_id: str | None) -> str | None:
    return canonical_arxiv_id(arxiv_id) if arxiv_id and arxiv_id_problem(arxiv_id) is None else None


def iter_mentions(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, arXiv id) of every valid mention in plain text."""
    for match in MENTION.finditer(text) if _DIGITS.search(text) else ():
        found = _valid(match.group("url") or match.group("bare"))
        if found:
            yield match.start(), match.end(), found


def may_mention(text: str) -> bool:
    """Whether Markdown text may hold a mention."""
    return _DIGITS.search(text) is not None and MENTION.search(text) is not None


def iter_links(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, href) of every link plain text makes: its mentions (to arXiv, pointed at the
    paper's note later) and its other bare http(s) addresses (`https://github.com/o/r`), which
    stayed text that could not be followed (a daily post writes its links so)."""
    found = [(start, end, f"https://arxiv.org/abs/{arxiv_id}") for start, end, arxiv_id in iter_mentions(text)]
    if "://" in text:
        taken = [(start, end) for start, end, _ in found]
        for match in _BARE_URL.finditer(text):
            url = _trimmed(match.group())
            start, end = match.start(), match.start() + len(url)
            if any(start < e and s < end for s, e in taken) or link_problem(url) is not None:
                continue
            found.append((start, end, url))
        found.sort()
    yield from found


_BARE_URL = re.compile(r"(?<![\w/.@+-])https?://(?:(?![<>\"'`\\])[!-~])+", re.ASCII)
"""An http(s) address written as text: printable ASCII up to a space, a quote, an angle bracket
or a letter of another script (a Korean particle after it: `https://github.com/o/r에서`)."""


def _trimmed(url: str) -> str:
    """`url` without what a sentence puts after it: a full stop, a comma, a closing bracket that
    opens nothing in it (`(see https://x.org/a_(b))` keeps the one that closes its own)."""
    while url and (url[-1] in ".,;:!?*" or url[-1] in ")]}" and url.count(_OPENS[url[-1]]) < url.count(url[-1])):
        url = url[:-1]
    return url


_OPENS = {")": "(", "]": "[", "}": "{"}


_DIGITS = re.compile(r"[0-9]{4}")
"""What every id `MENTION` matches holds (`2401.01234`, `hep-th/9108001`): a cheap first look."""


_SANITISED_REL = "noopener noreferrer nofollow"


def link_plain(html: str) -> str:
    """`html` (paragraphs of text without any Markdown or HTML in it: `markup.plain_paragraphs`)
    with its mentions linked exactly as the full conversion and the sanitiser link them."""
    if "://" not in html and not may_mention(html):
        return html
    out, last = [], 0
    for start, end, href in iter_links(html):
        out += [html[last:start], f'<a href="{escape(href)}" rel="{_SANITISED_REL}">{html[start:end]}</a>']
        last = end
    return "".join(out) + html[last:]


class _MentionLinker(Treeprocessor):
    """Wraps mentions in text nodes in `<a href="https://arxiv.org/abs/<id>">`."""

    _SKIP = {"a", "code", "pre", "math", "script", "style"}

    def run(self, root: etree.Element) -> None:
        self._raw_open = 0
        """Raw HTML elements of `_SKIP` open at this point of the text (`<a href=...>` written in
        the Markdown: Python-Markdown keeps each raw tag as a placeholder in the text around it).
        Counted per block: one left open (`<code>` with no `</code>`) ends with its paragraph."""
        for block in root:
            self._raw_open = 0
            self._walk(block)

    def _walk(self, parent: etree.Element) -> None:
        if parent.tag in self._SKIP:
            return
        if parent.text and not isinstance(parent.text, markdown.util.AtomicString):
            parent.text, links = self._split(parent.text)
            for i, link in enumerate(links):
                parent.insert(i, link)
        for child in list(parent):
            self._walk(child)
            if child.tail and not isinstance(child.tail, markdown.util.AtomicString):
                child.tail, links = self._split(child.tail)
                at = list(parent).index(child) + 1
                for i, link in enumerate(links):
                    parent.insert(at + i, link)

    def _split(self, text: str) -> tuple[str, list[etree.Element]]:
        """The text before the first mention, and the links (each with the text after it as tail).
        Text inside a raw `<a>` or `<code>` is left as written: a mention linked there was a link in
        a link (the sanitiser then emptied the author's link) or a link in code."""
        if _PLACEHOLDER_START in text or self._raw_open:
            return self._split_raw(text)
        return self._split_text(text)

    def _split_raw(self, text: str) -> tuple[str, list[etree.Element]]:
        pieces = _PLACEHOLDER.split(text)  # text, stash index, text, ...
        head: str | None = None
        links: list[etree.Element] = []
        for k, piece in enumerate(pieces):
            if k % 2:  # a placeholder: kept as written, and counted if it opens or closes a skipped element
                raw = self.md.htmlStash.rawHtmlBlocks[int(piece)] if int(piece) < len(self.md.htmlStash.rawHtmlBlocks) else ""
                tag = _RAW_TAG_NAME.match(raw) if isinstance(raw, str) else None
                if tag and tag[2].lower() in self._SKIP and (tag[1] or not _whole_element(raw, tag[2])):
                    self._raw_open = max(0, self._raw_open + (-1 if tag[1] else 1))
                piece = markdown.util.HTML_PLACEHOLDER % piece
                found_head, found = piece, []
            elif self._raw_open:
                found_head, found = piece, []
            else:
                found_head, found = self._split_text(piece)
            if head is None:
                head = found_head
            elif links:
                links[-1].tail = (links[-1].tail or "") + found_head
            else:
                head += found_head
            links += found
        return head or "", links

    @staticmethod
    def _split_text(text: str) -> tuple[str, list[etree.Element]]:
        found = list(iter_links(text))
        if not found:
            return text, []
        head = text[: found[0][0]]
        links = []
        for n, (start, end, href) in enumerate(found):
            link = etree.Element("a", {"href": href})
            link.text = markdown.util.AtomicString(text[start:end])
            link.tail = text[end: found[n + 1][0] if n + 1 < len(found) else len(text)]
            links.append(link)
        return head, links


_PLACEHOLDER_START = markdown.util.HTML_PLACEHOLDER.split("%s")[0]
_PLACEHOLDER = re.compile(re.escape(_PLACEHOLDER_START) + r"([0-9]+)" + re.escape(markdown.util.HTML_PLACEHOLDER.split("%s")[1]))
_RAW_TAG_NAME = re.compile(r"\s*<(/?)([A-Za-z][A-Za-z0-9]*)")


def _whole_element(raw: str, name: str) -> bool:
    """Whether a stashed piece of HTML is a whole element (a formula's `<math>...</math>`, `<a/>`),
    which opens nothing that text after it is inside."""
    text = raw.rstrip()
    return text.endswith("/>") or re.search(rf"</{re.escape(name)}\s*>$", text, re.I) is not None


class MentionExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802
        md.treeprocessors.register(_MentionLinker(md), "papernotes-mentions", 5)  # after inline (20)


# -- reading the HTML back: which links point at papers or notes ------------------------------

_LINK = re.compile(r'<a href="([^"]*)"([^>]*)>(.*?)</a>', re.S)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Target:
    """What one link in a note's HTML points at: a paper by arXiv id, or a note by slug."""

    arxiv: str | None = None
    slug: str | None = None
    mention: bool = False
    """The link goes to the paper's note when there is one (all but a labelled link to the PDF)."""


def note_slug_of(href: str) -> str | None:
    """The slug a relative link to another note names (`../slug/`, `../../notes/slug/`,
    `slug.md`, `../2024/slug.md`), or a link from the site's root (`/notes/slug/`, which a site
    served under a path would break: it is pointed from each page like the others), without
    checking that the note exists; else None."""
    resolved = site_path(href)
    if resolved is None:
        return None
    path = _path_of(href)
    if path.endswith(".md") and not path.startswith("/"):
        stem = posixpath.basename(path)[: -len(".md")]
        return stem or None
    parts = resolved.split("/")
    return parts[1] if len(parts) == 2 and parts[0] == "notes" and parts[1] not in ("", ".", "..") else None


def site_path(href: str) -> str | None:
    """Where a relative link written in a note leads, as a path from the site's root, read from a
    note's page (`../../tags/rl/` -> `tags/rl`, `/about/` -> `about`, `..` parts left where they
    climb above the root); None for a link to another site, a fragment or a query only."""
    if not href or href.startswith(("//", "#", "?")) or ":" in href.split("/", 1)[0]:
        return None
    return _from_root(_path_of(href))


def _from_root(path: str) -> str:
    """A path written on a note's page (`notes/this-note/`), normalised from the site's root."""
    return posixpath.normpath((path.lstrip("/") or ".") if path.startswith("/") else posixpath.join("notes/this-note", path))


def _path_of(href: str) -> str:
    return unquote(href.split("#", 1)[0].split("?", 1)[0])


@functools.lru_cache(maxsize=65536)
def link_target(href: str, inner: str) -> Target | None:
    """What a link of a note's HTML points at (cached: pages show the same links many times)."""
    arxiv_id = paper_url_id(href)
    if arxiv_id is not None:
        # A link to the paper's page is a mention whatever its words; a labelled link to the
        # PDF or the HTML version (`[PDF](https://arxiv.org/pdf/...)`, `[Table 2](https://arxiv.org/html/...#S5.T2)`)
        # is the author asking for that file.
        words = Markup(_TAG.sub("", inner)).unescape()
        return Target(arxiv=arxiv_id, mention=("/pdf/" not in href and "/html/" not in href) or mention_id(words) is not None)
    slug = note_slug_of(href)
    return Target(slug=slug) if slug else None


def find_links(html: str) -> Iterator[tuple[re.Match[str], Target]]:
    """Every link of a note's HTML that points at a paper or possibly a note, in order."""
    if "<a " not in html:
        return
    for match in _LINK.finditer(html):
        href = match.group(1)
        target = link_target(Markup(href).unescape() if "&" in href else href, match.group(3))
        if target is not None:
            yield match, target


_SITE_ADDRESS = re.compile(r'(<(?:a|img)\s[^>]*?\b(?:href|src)=")([^"]*)(")')
"""A link's or an image's address in a note's HTML (nh3 writes every attribute as name="value")."""


def site_root_path(href: str) -> str | None:
    """The path from the site's root that a relative link or image of a note leads to, as written
    on the note's page (`../../tags/rl/` -> `tags/rl/`, `/about/#x` -> `about/#x`, `../../` ->
    ``), keeping its trailing `/`, query and fragment and its %-escapes; None for a link to
    another site, a fragment, a note (`note_slug_of`: placed as a note), or a path above the root."""
    if site_path(href) is None or note_slug_of(href) is not None:
        return None
    cut = min((i for i in (href.find("?"), href.find("#")) if i >= 0), default=len(href))
    path, rest = href[:cut], href[cut:]
    joined = _from_root(path)  # as written: its %-escapes kept
    if joined == ".." or joined.startswith(("../", "notes/this-note/")):
        return None  # above the root, or below the note's own page, where nothing is (the check says so)
    joined = "" if joined in (".", "") else joined + ("/" if path.endswith("/") else "")
    return joined + rest


def place_site_links(html: Markup, to_site: Callable[[str], str]) -> Markup:
    """`html` with each relative link and image that leads to a page or file of the site other
    than a note (`[About](../../about/)`, `![](../../assets/fig.svg)`) pointed from the page
    showing it (`to_site`): written relative to the note's page, they led elsewhere from a day,
    tag or home page and from the feeds, and from the host's root (`/about/`) on a site served
    under a path."""
    if "<a " not in html and "<img" not in html:
        return html

    def place(match: re.Match[str]) -> str:
        written = match.group(2)
        path = site_root_path(Markup(written).unescape() if "&" in written else written)
        return match.group(0) if path is None else match.group(1) + str(escape(to_site(path))) + match.group(3)

    return Markup(_SITE_ADDRESS.sub(place, html))


class LinkResolver:
    """Points a note's mention links at the site's notes, relative to the page showing them."""

    def __init__(self, by_arxiv: dict[str, str], slugs: set[str], to_note: Callable[[str], str],
                 previews: bool = False, to_site: Callable[[str], str] | None = None) -> None:
        """`previews`: mark the links as having a preview card, for pages (`data-pn-preview`; the
        preview module finds the card from the link's address); feeds want plain links.
        `to_site`: the link to a path from the site's root (`about/`, `assets/fig.svg`), for a
        note's other relative links and images (`place_site_links`)."""
        self.by_arxiv = by_arxiv
        self.slugs = slugs
        self.to_note = to_note
        self.previews = previews
        self.to_site = to_site

    def slug_for(self, target: Target) -> str | None:
        if target.slug is not None:
            return target.slug if target.slug in self.slugs else None
        return self.by_arxiv.get(target.arxiv or "") if target.mention else None

    def resolve(self, html: Markup, own: str | None = None) -> Markup:
        """`own`: the slug of the note whose page shows `html`: a mention of its own paper keeps
        its link to arXiv (a link to the page itself, with a preview of it, led nowhere)."""
        if self.to_site is not None:
            html = place_site_links(html, self.to_site)
        if "<a " not in html:
            return html
        out, last = [], 0
        for match, target in find_links(html):
            slug = self.slug_for(target)
            if slug is None or slug == own:
                continue
            fragment = ""
            if target.slug is not None and "#" in match.group(1):
                fragment = "#" + match.group(1).split("#", 1)[1]
            out.append(html[last:match.start()])
            if not self.previews:
                out.append(f'<a href="{escape(self.to_note(slug))}{fragment}">{match.group(3)}</a>')
            else:
                out.append(f'<a class="pn-mention" href="{escape(self.to_note(slug))}{fragment}" '
                           f'data-pn-preview>{match.group(3)}</a>')
            last = match.end()
        if not out:
            return html
        out.append(html[last:])
        return Markup("".join(out))
