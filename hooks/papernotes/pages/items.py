"""The items of the long lists (tag, author and lab pages), built in Python.

A note is an item on each of its tags', authors' and lab's pages: at 10,000 notes that is about
ten items a note, and as Jinja loops of macro calls they were a fifth of the whole build's CPU
(issue 24). The output is exactly what the templates' loops wrote (the same escaping: every
value goes through `escape`, as Jinja's autoescape did), and nothing is kept between pages, so
the build's memory does not grow with it.
"""

from __future__ import annotations

from typing import Callable, Iterable

from markupsafe import Markup, escape

from papernotes.catalog import urls
from papernotes.markup import NoteHtml
from papernotes.model import Note
from papernotes.pages.fragments import Fragments, authors, bi, isolate, note_link, text_lang


def slot(note: Note) -> Markup:
    """The reading list's place for a note (its buttons; `_reading_list.html` says what it carries):
    only what the item does not show. Its slug and tags are the item's (`data-slug`, `data-tags`),
    its title the item's heading and its date the item's day link or the day heading above it
    (`slotInfo` in docs/assets/reading-list/controls.js reads them; issue 24: 1.6 kB a note)."""
    extra = ""
    if note.arxiv:
        extra += f' data-rl-arxiv="{escape(note.arxiv)}"'
    if note.published:
        extra += f' data-rl-published="{escape(note.published.isoformat())}"'
    return Markup(f'<div class="pn-rl"{extra}></div>')


def paper_links(note: Note) -> Markup:
    """The paper's links: arXiv, its PDF and Hugging Face page, the paper's own link, the code.
    A space apart: the " · " between them is the stylesheet's (`a + a::before`), so a phone can lay
    them out as boxes without a dot at a line's end, and a screen reader reads no "middle dot"."""
    out = '<span class="pn-links">'
    if note.arxiv:
        out += (f'<a href="{escape(urls.arxiv_abs(note.arxiv))}" rel="noopener" lang="en">arXiv</a>'
                f' <a href="{escape(urls.arxiv_pdf(note.arxiv))}" rel="noopener" lang="en">PDF</a>')
        hf = urls.hf_paper(note.arxiv)
        if hf:
            out += f' <a href="{escape(hf)}" rel="noopener" lang="en">Hugging Face</a>'
    if note.url:
        out += f'{" " if note.arxiv else ""}<a href="{escape(note.url)}" rel="noopener">{_PAPER}</a>'
    if note.code:
        out += f' <a href="{escape(note.code)}" rel="noopener">{_CODE}</a>'
    return Markup(out + "</span>")


_PAPER = bi("논문 링크", "Paper")
_CODE = bi("코드", "Code")
_ABSTRACT = bi("초록 (원문)", "Abstract")


class Items:
    """One build's list items and cards; `coins`, `author_link`, `org_link`, `commentary_of` and
    `excerpt_of` are the page context's (memoised) pieces, `fragments` its tag chips."""

    def __init__(self, coins: Callable[[Note], Markup], author_link: Callable[[str, Callable[[str], str]], Markup],
                 org_link: Callable[[str, Callable[[str], str]], Markup], commentary_of: Callable[[Note], Markup],
                 excerpt_of: Callable[[Note], Markup], fragments: Fragments) -> None:
        self._coins = coins
        self._author_link = author_link
        self._org_link = org_link
        self._commentary_of = commentary_of
        self._excerpt_of = excerpt_of
        self._fragments = fragments
        self._items: dict[tuple[str, str, str], str] = {}
        """Author page items without their COinS span, by (kind, slug, way to the root): `_shared`."""
        self._bylines: dict[tuple[str, int, str, str], Markup] = {}

    paper_links = staticmethod(paper_links)

    def cards(self, notes: Iterable[Note], html_of: Callable[[Note], NoteHtml], href: Callable[[str], str],
              heading: str = "h2") -> Markup:
        """Notes in full (day and home pages), each followed by a line break: title, authors and
        lab, the commentary (its links to notes placed from this page), then the tag chips, the
        paper's links, the reading list's slot and the abstract, folded. The commentary comes
        before the chips and buttons, in the page as on the screen (a screen reader reads it in
        that order too): on a 390×844 phone two rows of chips, the links and the buttons had put
        the home page's first commentary below the first screen."""
        out = []
        for note in notes:
            html = html_of(note)
            slug, tags = escape(note.slug), escape(" ".join(note.tags))
            meta = authors(note.authors, 8, self._author_link, href)
            if note.org:
                meta += Markup(" · ") + self._org_link(note.org, href)
            abstract = ""
            if html.abstract:
                abstract = (f'<details class="pn-abstract"><summary>{_ABSTRACT}</summary>'
                            f'<div class="pn-abstract-text" lang="en">{escape(html.abstract)}</div></details>')
            out.append(f'<article class="pn-note" id="{slug}" data-slug="{slug}" data-tags="{tags}">{self._coins(note)}\n'
                       f'<{heading} class="pn-note__title" lang="{text_lang(note.title)}"><a href="{escape(href(urls.note(note.slug)))}">'
                       f'{escape(note.title)}</a></{heading}>\n'
                       f'<p class="pn-meta">{meta}</p>\n{self._commentary_of(note)}\n'
                       f'<p class="pn-meta pn-note__footer">{self._fragments.chips(note.tags, href)}<br>{paper_links(note)}</p>\n'
                       f'{slot(note)}\n{abstract}\n</article>\n')
        return Markup("".join(out))

    def _start(self, note: Note, href: Callable[[str], str], coins: bool = True, tags: bool = False) -> tuple[str, str, str]:
        """The item's opening tag (with its COinS span; `tags`: with the note's tags, for the
        reading list's slot), its link to the note, and the title's `lang`."""
        opening = f'<li class="pn-item" data-slug="{escape(note.slug)}"'
        opening += f' data-tags="{escape(" ".join(note.tags))}">' if tags else ">"
        if coins:
            opening += str(self._coins(note))  # str + Markup would escape the opening tag
        return opening, str(escape(href(urls.note(note.slug)))), text_lang(note.title)

    def tag(self, notes: Iterable[Note], href: Callable[[str], str], tag: str) -> Markup:
        """A tag page's items: title, first authors, day, the note's other tags, the reading
        list's slot and the start of the commentary."""
        out = []
        for note in notes:
            opening, link, lang = self._start(note, href, tags=True)
            meta = self._byline(note, 3, href) + Markup("<br>") + Fragments.day_link(note.date, href)
            if len(note.tags) > 1:
                meta += Markup(" · ") + self._fragments.tag_names([t for t in note.tags if t != tag])
            out.append(f'{opening}\n<h2 class="pn-item__title" lang="{lang}"><a href="{link}">{escape(note.title)}</a></h2>\n'
                       f'<p class="pn-meta">{meta}</p>\n{slot(note)}\n{self._excerpt_of(note)}\n</li>\n')
        return Markup("".join(out))

    def author(self, notes: Iterable[Note], href: Callable[[str], str]) -> Markup:
        """An author page's items: title, day, tags and the reading list's slot."""
        return self._shared("author", notes, href, lambda note: self._fragments.tag_names(note.tags))

    def lab(self, notes: Iterable[Note], href: Callable[[str], str]) -> Markup:
        """A lab page's items: title, day, first authors and the reading list's slot."""
        return self._short(notes, href, lambda note: authors(note.authors, 4, self._author_link, href))

    def _byline(self, note: Note, limit: int, href: Callable[[str], str]) -> Markup:
        """`authors(...)` of a note with links to its authors' pages, made once per note, limit
        and page position: a note is listed on each of its tags' pages (a day's cards are made
        once or twice: not kept). The links depend on the way to the root and to the authors' folder."""
        key = (note.slug, limit, href(urls.home()), href(urls.authors_index()))
        found = self._bylines.get(key)
        if found is None:
            found = self._bylines[key] = authors(note.authors, limit, self._author_link, href)
        return found

    def related(self, note: Note, related: Iterable[Note], href: Callable[[str], str]) -> Markup:
        """A note page's related notes: each linked (with its preview), its day and the tags it
        shares with `note`."""
        out = []
        for other in related:
            shared = self._fragments.tag_names([t for t in other.tags if t in note.tags])
            out.append(f'<li data-slug="{escape(other.slug)}">{note_link(other, href)}\n'
                       f'<span class="pn-meta">{Fragments.day_link(other.date, href)} · {shared}</span></li>\n')
        return Markup("".join(out))

    @staticmethod
    def coauthors(coauthors: Iterable[tuple[str, object, int]], href: Callable[[str], str]) -> Markup:
        """An author page's co-authors: each name (linked to its page where it has one) and the
        notes they share (a busy author has dozens: in Python, not a template loop)."""
        out = []
        for name, page, count in coauthors:
            lang = text_lang(name)
            if page:
                shown = f'<a href="{escape(href(urls.author(page.slug)))}" lang="{lang}">{escape(name)}</a>'  # type: ignore[attr-defined]
            else:
                shown = f'<span lang="{lang}">{escape(name)}</span>'
            out.append(f'<li>{isolate(Markup(shown), name)} <span class="pn-count">{escape(count)}</span></li>\n')
        return Markup("".join(out))

    def _shared(self, kind: str, notes: Iterable[Note], href: Callable[[str], str], detail: Callable[[Note], Markup]) -> Markup:
        """`_short` items of author pages, each made once per note and way to the root: a note is
        on the page of each of its authors (7,700 author pages at 10,000 notes; a note is on one
        lab's page, whose items are not kept). Their links lead out of the page's folder (to
        notes and days), so pages of one family at one depth write them alike."""
        root = href(urls.home())
        out = []
        for note in notes:
            key = (kind, note.slug, root)
            item = self._items.get(key)
            if item is None:
                # Kept without its COinS span (the page context keeps that once per note): the
                # span goes right after the opening tag, as `_start` puts it.
                item = self._items[key] = str(self._short((note,), href, detail, coins=False))
            opening = item.index(">") + 1  # the end of `<li class="pn-item" data-slug="...">` (the slug is escaped)
            out += (item[:opening], self._coins(note), item[opening:])
        return Markup("".join(out))

    def _short(self, notes: Iterable[Note], href: Callable[[str], str], detail: Callable[[Note], Markup],
               coins: bool = True) -> Markup:
        """One-line items: the title linked to the note, then its day and `detail(note)`, and the
        reading list's slot (a reader saves a note from an author's or lab's page as from a tag's)."""
        out = []
        for note in notes:
            opening, link, lang = self._start(note, href, coins, tags=True)
            out.append(f'{opening}\n<a href="{link}" lang="{lang}">{escape(note.title)}</a>\n'
                       f'<span class="pn-meta">{Fragments.day_link(note.date, href)} · {detail(note)}</span>\n{slot(note)}\n</li>\n')
        return Markup("".join(out))
