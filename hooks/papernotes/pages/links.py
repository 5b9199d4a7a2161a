"""The pages' side of links between notes: resolved mentions, a note's lineage and backlinks
and its neighbourhood map, the page of papers waiting for a note, and the preview script.

Kept apart from the page families: the build's `PageContext` (`pages/context.py`) asks this
module to point a note's HTML at the site's notes from the page it is rendering (`enter`,
`resolved`) and to add the preview module to pages that have links to notes
(`add_preview_script`); the note family adds the note page's link sections
(`render_note_links`) and the wanted family renders `render_wanted_page`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Callable
from urllib.parse import quote

from markupsafe import Markup, escape

from papernotes.markup import NoteHtml, keep_hyphens
from papernotes.markup_links import LinkResolver
from papernotes.model import Note
from papernotes.pages.fragments import Fragments, bi, label, note_link, text_lang
from papernotes.catalog import urls
from papernotes.catalog.links import ABSTRACT, LinkGraph, build_links, update_links

if TYPE_CHECKING:
    from papernotes.catalog.index import SiteIndex
    from papernotes.pages.context import PageContext

PREVIEW_SCRIPT = "assets/papernotes-preview.js"
_NOTES = "\x01"
"""The placeholder in tokenised HTML for the page's relative way to `notes/` (a control
character; one written in a note is replaced by U+FFFD first, so none can collide)."""
_ROOT = "\x02"
"""The same for the page's way to the site's root (a note's other links to the site, `place_site_links`)."""
MAP_NODES = 10
"""Most notes drawn around the centre of a note's map (the rest are in the lists)."""
MAX_BACKLINKS = 200
"""Most mentioning notes a note page quotes (newest first); the rest are counted."""
MAX_LISTED_BY = 200
"""Most notes a lineage field's inverse list names ("Built upon by", newest first); the rest are
counted. A paper everyone builds on (DPO, say) was listed by thousands: a 2.4 MB page."""
SHOWN_OPEN = 10
"""Items of a note page's "Built upon by" or "Mentioned in" list shown open; the rest of it is
folded under a "show the other N" (a note 200 notes build on was 18,000 px of list on a phone,
its map 57 screens down: a QA pass at 10,000 notes)."""
WANTED_PAPERS = 200
"""Most papers the waiting-for-a-note page lists (most-mentioned first), so it stays small (500
with long titles made it 1.5 MB)."""
WANTED_NOTES_EACH = 6
"""Most mentioning notes named per waiting paper (newest first); the rest are counted."""

LINEAGE_LABELS = {
    "builds_on": (("이 연구의 바탕", "Builds on"), ("이어진 연구", "Built upon by")),
    "compares_with": (("비교 대상", "Compared with"), ("이 연구와 비교한 연구", "Used as a baseline by")),
}
"""Lineage field -> (its own heading, the inverse heading), each (Korean, English)."""


@dataclass(frozen=True)
class Paper:
    """An entry of a lineage list: a note of the site, or only an arXiv id."""

    arxiv: str | None
    note: Note | None


@dataclass(frozen=True)
class MapNode:
    note: Note
    relation: str
    """`lineage`, `mention` or `related`: how it is drawn."""
    x: int
    y: int
    label: str
    """The title cut to fit a phone's map (`_MAP_WIDTH`)."""
    wide: str
    """The title cut to fit a wide screen's (`_MAP_WIDE`)."""
    via_y: int | None = None
    """A note two links away: the row of the note it is reached through (its line starts there)."""


class LinkPages:
    """One build's links: the graph (made on first use) and resolvers per page depth."""

    def __init__(self, renderer: PageContext, last: tuple[SiteIndex, LinkGraph] | None = None) -> None:
        self.r = renderer
        self._graph: LinkGraph | None = None
        self._last = last
        """The previous serve build's index and graph, which a save patches (`update_links`)."""
        self._resolver: LinkResolver | None = None
        self._notes = "notes/"
        self._root = ""
        self._by_slug = {n.slug: n for n in renderer.index.notes}
        self._nears: dict[str, list[str]] = {}

    @property
    def graph(self) -> LinkGraph:
        if self._graph is None:
            html = self.r.html
            last, self._last = self._last, None
            updated = update_links(last, self.r.index, html.note_html) if last is not None else None
            self._graph = updated if updated is not None else build_links(self.r.index, html.note_html)
        return self._graph

    def last_links(self) -> tuple[SiteIndex, LinkGraph] | None:
        """This build's index and graph, if it made the graph (for the next serve build to patch)."""
        return (self.r.index, self._graph) if self._graph is not None else None

    # -- resolving a note's HTML for the page being rendered ---------------------------------

    def enter(self, href: Callable[[str], str]) -> None:
        """The page about to be rendered (its `urls.linker`)."""
        self._notes = href("notes/")
        self._root = href(urls.home())

    @property
    def _tokens(self) -> LinkResolver:
        """Resolves links with a placeholder for the page's way to `notes/`, so a note's resolved
        HTML is made once and placed on each page by `str.replace`."""
        if self._resolver is None:
            graph = self.graph
            self._resolver = LinkResolver(graph.by_arxiv, graph.slugs, lambda s: f"{_NOTES}{quote(s)}/", previews=True,
                                          to_site=lambda path: _ROOT + path)
        return self._resolver

    def tokenised(self, html: Markup, own: str | None = None) -> Markup:
        """`html` with its links to notes resolved, for `place` to finish on each page (`own`: the
        note whose page shows it, as `LinkResolver.resolve`)."""
        for placeholder in (_NOTES, _ROOT):
            if placeholder in html:
                html = Markup(str.replace(html, placeholder, "\ufffd"))
        return self._tokens.resolve(html, own) if "<a " in html or "<img" in html else html

    def place(self, html: Markup) -> Markup:
        """Tokenised HTML as the page being rendered shows it."""
        if _NOTES in html:
            html = Markup(str.replace(html, _NOTES, self._notes))
        return Markup(str.replace(html, _ROOT, self._root)) if _ROOT in html else html

    def resolved(self, html: NoteHtml, own: str | None = None) -> NoteHtml:
        if not any("<a " in part or "<img" in part for part in html):
            return html
        return NoteHtml(*(self.place(self.tokenised(part, own)) for part in html))

    def add_preview_script(self, page: str, href: Callable[[str], str]) -> str:
        """A page with links to notes loads the preview module (an ES module: deferred, no globals).
        A link only says it has a card (`data-pn-preview`, no value): the module finds the card's
        file from the link's slug and the number of files, written once here (`urls.preview_file`)."""
        if "data-pn-preview" not in page or PREVIEW_SCRIPT in page:
            return page
        # Low priority like the other page modules (overrides/main.html says why).
        return page + (f'\n<script type="module" fetchpriority="low" src="{href(PREVIEW_SCRIPT)}" '
                       f'data-pn-preview-files="{urls.PREVIEW_FILES}"></script>\n')

    # -- the note page's sections ------------------------------------------------------------

    def lineage(self, note: Note) -> list[tuple[str, tuple[str, str], list[Paper], tuple[str, str], list[Note]]]:
        """Per lineage field: (field, heading, papers listed, inverse heading, notes listing this one)."""
        graph = self.graph
        out = []
        for field, (own, inverse) in LINEAGE_LABELS.items():
            papers = [Paper(a, self._by_slug.get(graph.by_arxiv.get(a, ""))) for a in getattr(note, field)]
            out.append((field, own, papers, inverse, graph.inverse.get(field, {}).get(note.slug, [])))
        return out

    def around(self, note: Note, related: tuple[Note, ...]) -> list[tuple[Note, str, str | None]]:
        """The notes around `note` on its map, in the map's order, each with how it is linked and,
        for a note two links away, the slug of the note it is reached through: lineage both ways,
        then mentions both ways, then related notes, then (room permitting) notes two links away;
        at most `MAP_NODES`. What the map shows beside its layout (the note page's key)."""
        graph = self.graph
        chosen: dict[str, str] = {}

        def add(slug: str, relation: str) -> None:
            if slug != note.slug and slug in self._by_slug and slug not in chosen and len(chosen) < MAP_NODES:
                chosen[slug] = relation

        for field in LINEAGE_LABELS:
            for arxiv_id in getattr(note, field):
                slug = graph.by_arxiv.get(arxiv_id)
                if slug:
                    add(slug, "lineage")
            for other in graph.inverse.get(field, {}).get(note.slug, []):
                add(other.slug, "lineage")
        for target in graph.outgoing.get(note.slug, ()):
            if not target.startswith("arxiv:"):
                add(target, "mention")
        for back in graph.backlinks.get(note.slug, ()):
            add(back.source.slug, "mention")
        for other in related:
            add(other.slug, "related")
        near = list(chosen)
        via: dict[str, list[str]] = {}  # a near note -> the notes two links away through it
        for slug in near:
            for far in self._near(slug):
                if len(chosen) >= MAP_NODES:
                    break  # full: no more notes two links away are added
                before = len(chosen)
                add(far, "far")
                if len(chosen) > before:
                    via.setdefault(slug, []).append(far)
        # Each note two links away right under the note it is reached through, joined to it (they
        # hung at the end of the map, under whichever note came last, joined to the spine).
        order = [entry for slug in near for entry in ((slug, None), *((far, slug) for far in via.get(slug, ())))]
        return [(self._by_slug[slug], chosen[slug], through) for slug, through in order]

    def _near(self, slug: str) -> list[str]:
        """`LinkGraph.related_slugs`, sorted, once per note and build: a note is one link away
        from several notes, and every note page's key draws its map (a note added or deleted
        under serve compares them all)."""
        found = self._nears.get(slug)
        if found is None:
            found = self._nears[slug] = sorted(self.graph.related_slugs(slug))
        return found

    def neighbourhood(self, note: Note, related: tuple[Note, ...]) -> list[MapNode]:
        """The map's nodes (`around`), laid out."""
        nodes: list[MapNode] = []
        rows: dict[str, int] = {}
        for i, (other, relation, through) in enumerate(self.around(note, related)):
            x = _MAP_FAR_X if relation == "far" else _MAP_NEAR_X
            rows[other.slug] = y = _MAP_TOP + _MAP_ROW * (i + 1)
            nodes.append(MapNode(other, relation, x, y, _fit(other.title, _MAP_WIDTH - x - 16), _fit(other.title, _MAP_WIDE - x - 16),
                                 rows[through] if through else None))
        return nodes

    def render_note_links(self, note: Note, related: tuple[Note, ...], href: Callable[[str], str]) -> Markup:
        """The note page's lineage, backlinks and map. Built in Python like `fragments`: as a
        Jinja template it was about half the time of rendering a note page."""
        graph = self.graph
        link = partial(note_link, href=href)
        parts: list[str] = []
        lineage = self.lineage(note)
        if any(papers or listers for _, _, papers, _, listers in lineage):
            parts.append(f'<section class="pn-lineage">\n<h2 id="lineage">{bi("연구의 계보", "Lineage")}</h2>')
            for field, own, papers, inverse, listers in lineage:
                anchor = field.replace("_", "-")
                if papers:
                    parts.append(f'<h3 id="{anchor}">{bi(*own)}</h3>\n<ul class="pn-list pn-lineage__list" data-field="{field}">')
                    for paper in papers:
                        if paper.note is not None:
                            parts.append(f'<li>{link(paper.note)} <small class="pn-meta">{escape(paper.arxiv)}</small></li>')
                        else:
                            parts.append(f'<li><a class="pn-arxiv-id" href="{escape(urls.arxiv_abs(paper.arxiv or ""))}" rel="noopener">'
                                         f'{escape(paper.arxiv)}</a> <small class="pn-meta">{_NO_NOTE}</small></li>')
                    parts.append("</ul>")
                if listers:
                    parts.append(f'<h3 id="{anchor}-inverse">{bi(*inverse)}</h3>')
                    items = [f'<li>{link(other)} <small class="pn-meta">{Fragments.day_link(other.date, href)}</small></li>'
                             for other in listers[:MAX_LISTED_BY]]
                    parts += _folded(items, f'<ul class="pn-list pn-lineage__list" data-field="{field}-inverse">', "</ul>")
                    if len(listers) > MAX_LISTED_BY:
                        more = len(listers) - MAX_LISTED_BY
                        parts.append(f'<p class="pn-meta">{bi(f"그 밖에 {more:,}개 노트가 더 있습니다.", f"And {more:,} more notes.")}</p>')
            parts.append("</section>")
        backlinks = graph.backlinks.get(note.slug, [])
        if backlinks:
            parts.append(f'<section class="pn-backlinks">\n<h2 id="mentioned-in">{bi("이 노트를 언급한 노트", "Mentioned in")}</h2>')
            items = []
            for back in backlinks[:MAX_BACKLINKS]:
                ko, en, abstract = back.sentences.get("ko"), back.sentences.get("en"), back.sentences.get(ABSTRACT)
                if abstract:  # no commentary mentions it: the paper's words, said to be so in both languages
                    only = ""
                    quotes = (f'<p class="pn-meta">{bi("논문 초록에서:", "From the paper’s abstract:")}</p>'
                              f'<blockquote lang="en">{escape(abstract)}</blockquote>')
                else:
                    only = " pn-only-ko" if ko and not en else (" pn-only-en" if en and not ko else "")
                    quotes = _QUOTED_IN[only.strip()] + "".join(f'<blockquote class="pn-lang" lang="{lang}">{keep_hyphens(escape(text))}</blockquote>'
                                                                for lang, text in (("ko", ko), ("en", en)) if text)
                items.append(f'<li data-slug="{escape(back.source.slug)}">{link(back.source)} '
                             f'<small class="pn-meta">{Fragments.day_link(back.source.date, href)}</small>\n'
                             f'<div class="pn-commentary pn-backlink__context{only}">{quotes}</div></li>')
            parts += _folded(items, '<ol class="pn-list">', "</ol>")
            if len(backlinks) > MAX_BACKLINKS:
                more = len(backlinks) - MAX_BACKLINKS
                parts.append(f'<p class="pn-meta">{bi(f"그 밖에 {more:,}개 노트가 더 언급합니다.", f"{more:,} more notes mention it.")}</p>')
            parts.append("</section>")
        nodes = self.neighbourhood(note, related)
        if nodes:
            parts.append(_map(note, nodes, href))
        return Markup("\n".join(parts))

    def render_wanted_page(self) -> str:
        papers = self.graph.unnoted
        return self.r.render("wanted.html", urls.wanted(), papers=papers[:WANTED_PAPERS], total=len(papers),
                              each=WANTED_NOTES_EACH)

    def shows(self, note: Note) -> tuple[str, ...]:
        """Notes whose text the note's page quotes: the sentences of its backlinks (lineage
        shows titles only, and is part of `dirty.site_shape`)."""
        return tuple(b.source.slug for b in self.graph.backlinks.get(note.slug, ()))


_NO_NOTE = bi("arXiv, 아직 노트 없음", "arXiv, no note yet")
_LEGEND = {key: Markup('<span class="pn-map__key pn-map__key--%s"></span>%s') % (key, bi(ko, en)) for key, ko, en in (
    ("lineage", "계보", "lineage"), ("mention", "언급", "mention"), ("related", "관련", "related"), ("far", "두 단계", "two steps away"))}
"""The map's legend entry of each relation, in its order: a line's style, and the word lang.js adds
to the accessible name of each link drawn with it (the style alone told nobody who cannot see it)."""


_MAP_NAME = label("이 노트와 이어진 노트", "Notes linked to this one")
_MAP_TOP, _MAP_ROW, _MAP_HIT, _MAP_NEAR_X, _MAP_FAR_X, _MAP_SPINE, _MAP_WIDTH, _MAP_WIDE = 18, 46, 46, 34, 58, 10, 360, 660
"""The map's layout: the note at the top left, its neighbours one per row below it like a
tree, each joined to the spine by a line whose style says how it is linked (notes two links
away sit one step further in). Its links' rows are `_MAP_HIT` tall, touching, `_MAP_ROW` apart: 46
units, so a 390 px phone (which shows the map at 0.99 of its size) has 45.7 px rows to tap, 44 px
and more as everywhere on a phone (they were 32: a thumb took the row above or below), and a 375 px
one 43.8. A phone of 320 px shows it at 0.8 of its size: its labels (`_FONT`) are still 12.8 px
and its rows 36.8 px. A desktop shows the same rows, a list spaced as a menu.
A wider screen (papernotes.css: 48em and up, where the column is 700 px or more) shows it at its
size with each label cut to `_MAP_WIDE` (660) instead, past the drawing's right edge: on a desktop the
titles were cut at about 30 characters beside an empty half of the column."""


def _map(note: Note, nodes: list[MapNode], href: Callable[[str], str]) -> str:
    """The neighbourhood as SVG with real links (no script needed)."""
    height = _MAP_TOP + _MAP_ROW * len(nodes) + _MAP_HIT // 2
    # The figure is named by the heading (its legend, read as its name, was "lineage mention ...").
    out = [f'<section class="pn-map">\n<h2 id="map">{bi("이웃 노트 지도", "Map of nearby notes")}</h2>\n'
           '<figure class="pn-map__figure" aria-labelledby="map">',
           # Named in the reader's language only (lang.js swaps it): a <title> is one text for both.
           f'<svg class="pn-map__svg" viewBox="0 0 {_MAP_WIDTH} {height}" role="group" {_MAP_NAME} focusable="false">',
           f'<path class="pn-map__spine" d="M{_MAP_SPINE} {_MAP_TOP}V{max(n.y for n in nodes if n.via_y is None)}"/>']
    # The lines from the spine, one path per relation (a dash pattern starts again at each of a
    # path's subpaths, so each line looks as it did as a <line> of its own: 85 bytes a line).
    straight: dict[str, list[str]] = {}
    for n in nodes:
        if n.via_y is None:
            straight.setdefault(n.relation, []).append(f"M{_MAP_SPINE} {n.y}H{n.x}")
    out += [f'<path class="pn-map__edge pn-map__edge--{relation}" d="{"".join(lines)}"/>' for relation, lines in straight.items()]
    out += [f'<polyline class="pn-map__edge pn-map__edge--{n.relation}" points="{_MAP_NEAR_X},{n.via_y + 5} {_MAP_NEAR_X},{n.y} {n.x},{n.y}"/>'
            for n in nodes if n.via_y is not None]
    centre = (_fit(note.title, _MAP_WIDTH - _MAP_SPINE - 18, bold=True), _fit(note.title, _MAP_WIDE - _MAP_SPINE - 18, bold=True))
    out.append(f'<g class="pn-map__node pn-map__node--centre"><circle cx="{_MAP_SPINE}" cy="{_MAP_TOP}" r="6"/>'
               f'{_labels(_MAP_SPINE + 12, _MAP_TOP + 5, text_lang(note.title), *centre)}</g>')
    wide = any(n.wide != n.label for n in nodes) or centre[0] != centre[1]
    for n in nodes:
        out.append(f'<a class="pn-map__node pn-map__node--{n.relation}" href="{href(urls.note(n.note.slug))}" '
                   f'data-pn-preview><title>{escape(n.note.title)}</title>'
                   f'<rect class="pn-map__hit" x="{n.x - 8}" y="{n.y - _MAP_HIT // 2}" width="{(_MAP_WIDE if wide else _MAP_WIDTH) - n.x + 8}" '
                   f'height="{_MAP_HIT}"/><circle cx="{n.x}" cy="{n.y}" r="5"/>{_labels(n.x + 10, n.y + 5, text_lang(n.note.title), n.label, n.wide)}</a>')
    shown = {n.relation for n in nodes}  # a legend of the lines drawn ("two steps away" with none was noise)
    legend = Markup(" ").join(entry for key, entry in _LEGEND.items() if key in shown)
    out.append(f"</svg>\n<figcaption class=\"pn-map__legend\">{legend}</figcaption>\n</figure>\n</section>")
    return "\n".join(out)


def _labels(x: int, y: int, lang: str, label: str, wide: str) -> str:
    """A map label: one text, or, when the wide screen's is longer, the phone's and the wide
    screen's (papernotes.css shows one of them)."""
    if wide == label:
        return f'<text x="{x}" y="{y}" lang="{lang}">{escape(label)}</text>'
    return (f'<text class="pn-map__short" x="{x}" y="{y}" lang="{lang}">{escape(label)}</text>'
            f'<text class="pn-map__wide" x="{x}" y="{y}" lang="{lang}">{escape(wide)}</text>')


_QUOTED_IN = {"": "", "pn-only-ko": '<p class="pn-missing" lang="en">The note mentions it in Korean only:</p>',
              "pn-only-en": '<p class="pn-missing" lang="ko">이 노트는 영어 문장에서만 언급합니다:</p>'}
"""The marker over a backlink's quote in the other language, as the commentary has one (CSS
shows it only to readers of the missing language)."""
_FONT = 16
"""The map's labels' font size in its own units (papernotes.css: `.pn-map__svg text`)."""


def _em(char: str) -> float:
    """A character's width in ems, generously estimated for a sans-serif system font: labels
    are cut to fit the map's width (on a phone the map is the screen's width and scales down
    with its text, so a label that overflows its units is cut off at the edge)."""
    if unicodedata.east_asian_width(char) in "WF":
        return 1.0  # Hangul, CJK
    if char in "MWmw@%&<>=+~^#*":
        return 0.9
    if char.isupper() or char.isdigit():
        return 0.72
    if char in " .,:;'!|()[]ijlIft1-":
        return 0.35
    return 0.6


@lru_cache(maxsize=1 << 16)
def _fit(text: str, width: float, bold: bool = False) -> str:
    """`text`, or as much of it as fits `width` units with an ellipsis (once per title and room:
    a note is on the maps of its neighbours)."""
    scale = _FONT * (1.12 if bold else 1.0)
    room = width - _em("…") * scale
    used, fits = 0.0, 0  # `fits`: how many characters fit beside an ellipsis
    for i, char in enumerate(text):
        used += _em(char) * scale
        if used <= room:
            fits = i + 1
        if used > width:
            return text[:fits].rstrip(" :,-") + "…"
    return text


def _folded(items: list[str], opening: str, closing: str) -> list[str]:
    """A list's HTML: its first `SHOWN_OPEN` items open, the rest in the same kind of list (an
    ordered one numbered on) under a `<details>` that says how many it holds."""
    if len(items) <= SHOWN_OPEN + 2:   # two more are no reason to fold
        return [opening, *items, closing]
    rest = len(items) - SHOWN_OPEN
    more = opening.replace("<ol", f'<ol start="{SHOWN_OPEN + 1}"', 1) if opening.startswith("<ol") else opening
    summary = bi(f"나머지 {rest:,}개 보기", f"Show the other {rest:,}")
    return [opening, *items[:SHOWN_OPEN], closing, f'<details class="pn-more-items"><summary>{summary}</summary>', more,
            *items[SHOWN_OPEN:], closing, "</details>"]
