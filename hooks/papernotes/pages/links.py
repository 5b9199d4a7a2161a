"""The pages' side of links between notes: resolved mentions, a note's lineage and backlinks
and its neighbourhood map, the page of papers waiting for a note, and the preview script.

Kept apart from `render.py` (one renderer for every page kind): the renderer asks this module
to point a note's HTML at the site's notes from the page it is rendering (`enter`,
`resolved`), to add the note page's link sections (`render_note_links`), and to add the
preview module to pages that have links to notes (`add_preview_script`).
"""

from __future__ import annotations

import math
import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable
from urllib.parse import quote

from markupsafe import Markup

from papernotes.markup import NoteHtml
from papernotes.markup_links import LinkResolver
from papernotes.model import Note
from papernotes.site import urls
from papernotes.site.links import LinkGraph, build_links

if TYPE_CHECKING:
    from papernotes.pages.render import PageRenderer

PREVIEW_SCRIPT = "assets/papernotes-preview.js"
MAP_NODES = 10
"""Most notes drawn around the centre of a note's map (the rest are in the lists)."""

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
    x: float
    y: float
    label: str


class LinkPages:
    """One renderer's links: the graph (made on first use) and resolvers per page depth."""

    def __init__(self, renderer: PageRenderer) -> None:
        self.r = renderer
        self._graph: LinkGraph | None = None
        self._resolvers: dict[str, LinkResolver] = {}
        self._root = ""
        self._by_slug = {n.slug: n for n in renderer.index.notes}

    @property
    def graph(self) -> LinkGraph:
        if self._graph is None:
            html = self.r.html
            self._graph = build_links(self.r.index, lambda n: zip(NoteHtml._fields, html.note_html(n)))
        return self._graph

    # -- resolving a note's HTML for the page being rendered ---------------------------------

    def enter(self, href: Callable[[str], str]) -> None:
        """The page about to be rendered (its `urls.linker`)."""
        self._root = href("notes/")

    def _resolver(self) -> LinkResolver:
        """Links from the current page: every page at the same place relative to `notes/` makes the same ones."""
        notes = self._root
        resolver = self._resolvers.get(notes)
        if resolver is None:
            graph = self.graph
            up = posixpath.normpath(posixpath.join(notes, ".."))
            root = "" if up == "." else up + "/"
            resolver = self._resolvers[notes] = LinkResolver(
                graph.by_arxiv, graph.slugs, lambda s: f"{notes}{quote(s)}/", lambda s: root + urls.preview(quote(s)))
        return resolver

    def resolved(self, html: NoteHtml) -> NoteHtml:
        if not any("<a " in part for part in html):
            return html
        resolver = self._resolver()
        return NoteHtml(*(resolver.resolve(part) for part in html))

    def cache_key(self, note: Note) -> str | tuple[str, str]:
        """The commentary of a note with links differs by the depth of the page showing it."""
        html = self.r.html.note_html(note)
        return (note.slug, self._root) if "<a " in html.ko or "<a " in html.en else note.slug

    def add_preview_script(self, page: str, href: Callable[[str], str]) -> str:
        """A page with links to notes loads the preview module (an ES module: deferred, no globals)."""
        if "data-pn-preview" not in page or PREVIEW_SCRIPT in page:
            return page
        return page + f'\n<script type="module" src="{href(PREVIEW_SCRIPT)}"></script>\n'

    def preview_of(self, slug: str, href: Callable[[str], str]) -> str:
        return href(urls.preview(slug))

    # -- the note page's sections ------------------------------------------------------------

    def lineage(self, note: Note) -> list[tuple[str, tuple[str, str], list[Paper], tuple[str, str], list[Note]]]:
        """Per lineage field: (field, heading, papers listed, inverse heading, notes listing this one)."""
        graph = self.graph
        out = []
        for field, (own, inverse) in LINEAGE_LABELS.items():
            papers = [Paper(a, self._by_slug.get(graph.by_arxiv.get(a, ""))) for a in getattr(note, field)]
            out.append((field, own, papers, inverse, graph.inverse.get(field, {}).get(note.slug, [])))
        return out

    def neighbourhood(self, note: Note) -> list[MapNode]:
        """The notes around `note` on its map: lineage both ways, then mentions both ways, then
        related notes, then (room permitting) notes two links away; at most `MAP_NODES`."""
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
        for other in self.r.related_to(note):
            add(other.slug, "related")
        for slug in list(chosen):
            for far in sorted(graph.related_slugs(slug)):
                add(far, "far")
        nodes = []
        count = len(chosen)
        for i, (slug, relation) in enumerate(chosen.items()):
            angle = -math.pi / 2 + 2 * math.pi * i / max(count, 1)
            x = 180 + 122 * math.cos(angle)
            y = 120 + 88 * math.sin(angle)
            other = self._by_slug[slug]
            nodes.append(MapNode(other, relation, round(x, 1), round(y, 1), _short(other.title, 22)))
        return nodes

    def render_note_links(self, note: Note, href: Callable[[str], str]) -> Markup:
        graph = self.graph
        template = self.r._env.get_template("links.html")
        return Markup(template.render(
            note=note, href=href, lineage=self.lineage(note), backlinks=graph.backlinks.get(note.slug, []),
            nodes=self.neighbourhood(note), preview=lambda slug: self.preview_of(slug, href), centre=_short(note.title, 26)))

    def render_wanted_page(self) -> str:
        return self.r._render("wanted.html", urls.wanted(), papers=self.graph.unnoted,
                              preview=lambda slug, href: href(urls.preview(slug)))

    def shows(self, note: Note) -> tuple[str, ...]:
        """Notes whose text the note's page quotes: the sentences of its backlinks (lineage
        shows titles only, and is part of `dirty.site_shape`)."""
        return tuple(b.source.slug for b in self.graph.backlinks.get(note.slug, ()))


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip(" :,-") + "…"
