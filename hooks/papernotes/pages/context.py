"""What every page family shares: the planned-page record, the family record, and the
`PageContext` of one build (index, settings, HTML cache, listing pagination, Jinja environment).

A family (`pages/families/<name>.py`) plans its pages from the context and renders them with
it; `pages/registry.py` names the families. Planning never needs the Jinja environment: it is
made on the first render, so counting or listing pages (the audit, the tests, `--dirty`) loads
no template.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Hashable, Iterable, Mapping, NamedTuple, TypeVar

import jinja2
from markupsafe import Markup

from papernotes.config import Settings
from papernotes.markup import HtmlCache, NoteHtml, glue_endings, keep_hyphens, snippet
from papernotes.model import Note
from papernotes.names import NameForms
from papernotes.outputs import citation, csl_json, ris
from papernotes.pages.fragments import Fragments, num, text_lang
from papernotes.pages.items import Items, slot
from papernotes.pages.links import LinkPages
from papernotes.pages.meta import PageMeta
from papernotes.pages.template_code import TEMPLATE_CODE
from papernotes.catalog import urls
from papernotes.catalog.index import SiteIndex
from papernotes.catalog.links import LinkGraph
from papernotes.catalog.people import Party, People, people_key
from papernotes.source.authors import AuthorsFile
from papernotes.catalog import paging
from papernotes.catalog.paging import paginate
from papernotes.catalog.related import Related

T = TypeVar("T")
EXCERPT = 160
"""Characters of each language's commentary a tag page shows; the note page has the rest."""


def _coins(note: Note, forms: NameForms) -> Markup:
    """One COinS span (OpenURL in a `Z3988` span) for Zotero on list pages. `hidden`: Zotero
    reads it by class, and its title (machine-readable English metadata) is no tooltip or
    accessible name for a reader in either language."""
    return Markup('<span class="Z3988" title="%s" hidden></span>') % citation.coins(note, forms)


class _CoinsMemo:
    """`_coins` once per note and build: a note is on its tag, day, month, year and authors'
    pages, and percent-encoding its authors is most of a list page's own work. `forms`: the
    site's organisations and declared family names (`People.forms`), asked for on first use.
    `last`: the previous serve build's spans, each used again for a note equal to the one it
    was made for, whose names `forms` marks alike (a note added or deleted redraws its tags'
    pages: ~3,500 spans, 0.4 s, at 10,000 notes)."""

    def __init__(self, forms: Callable[[], NameForms], last: dict[str, tuple[Note, tuple, Markup]] | None = None) -> None:
        self._forms = forms
        self._last = last or {}
        self.made: dict[str, tuple[Note, tuple, Markup]] = {}
        """This build's spans by slug, each with the note and marks it was made from."""

    def __call__(self, note: Note) -> Markup:
        found = self.made.get(note.slug)
        if found is None:
            forms = self._forms()
            marks = forms.marks(note.authors)
            old = self._last.get(note.slug)
            span = old[2] if old is not None and old[1] == marks and old[0] == note else _coins(note, forms)
            found = self.made[note.slug] = (note, marks, span)
        return found[2]


class Excerpt(NamedTuple):
    """A tag page's excerpt of a note (`PageContext.excerpt_of`) and the commentary it was made from."""

    ko: str
    """The note's `## 한국어` Markdown."""
    en: str
    """The note's `## English` Markdown."""
    html: Markup


@dataclass(frozen=True)
class PlannedPage:
    """One page the build adds to the site."""

    src_uri: str
    """Virtual source path, e.g. `notes/adv-rm.md` (see `urls`)."""
    title: str
    """Page title (plain text; the hook escapes it for the theme, which prints it raw)."""
    kind: str
    """What sort of page it is: one of its family's `kinds` (e.g. `tag index`)."""
    render: Callable[[], str]
    """Produces the page's HTML content when called."""
    feed: str | None = None
    """The page's own Atom feed (a tag's or an author's, `urls.feed`), advertised in the page head."""
    shows: tuple[str, ...] = ()
    """Slugs of the notes whose details beyond title, date and tags the page shows (for rebuilds)."""
    source: str | None = None
    """The file that holds the page's text (a note's `data/notes/...` path), for its edit link."""
    meta: Callable[[], PageMeta] | None = None
    """The page's head metadata (description, Open Graph), computed when MkDocs reaches the page."""
    scripts: tuple[str, ...] = ()
    """Page scripts (paths under the docs folder, e.g. `assets/copy.js`: ES modules) the theme loads on this page."""
    head: tuple[dict[str, str], ...] = ()
    """Extra `<link>` / `<meta>` elements for the page head, as attribute maps (e.g. the Markdown copy)."""
    key: Callable[[], Hashable] | None = None
    """Everything the page's HTML and metadata are made from beyond its template, the tag labels
    and the settings (None: not said). Under serve, when the site's shape changes (a note added,
    renamed or deleted), a page whose key is the last build's is not rendered again to be
    compared (`session.Build._page_digests`); `tests/test_pages_keys.py` checks that equal keys
    mean equal pages through random changes to a site."""


@dataclass(frozen=True)
class Family:
    """A family of pages: it plans them (and, through the functions it plans, renders them)."""

    name: str
    """The family's name, e.g. `tag`."""
    kinds: tuple[str, ...]
    """The `PlannedPage.kind`s it plans."""
    plan: Callable[[PageContext], Iterable[PlannedPage]]
    """Every page of the family, in a fixed order."""
    examples: Callable[[SiteIndex], Mapping[str, str]]
    """One page of each kind a site has, as `{kind: src_uri}`: what the accessibility tests and
    the page audit visit (`scripts/audit_pages.py --kinds` takes these kinds)."""


class PageContext:
    """One build's pages share this: its index, settings and HTML cache, the listings' pagination
    (computed once; planning and rendering read the same), and a Jinja environment made on first use."""

    def __init__(self, index: SiteIndex, settings: Settings, html: HtmlCache, authors: AuthorsFile | None = None,
                 last_people: People | None = None, last_links: tuple[SiteIndex, LinkGraph] | None = None,
                 last_coins: dict[str, tuple[Note, tuple, Markup]] | None = None,
                 last_excerpts: dict[str, Excerpt] | None = None) -> None:
        self.index = index
        self.authors_file = authors or AuthorsFile()
        self._people: People | None = None
        self._last_people = last_people
        """The previous serve build's `people`, renewed when nothing it is made from changed."""
        self.settings = settings
        self.html = html
        self._env: jinja2.Environment | None = None
        self._related: Related | None = None
        self._excerpts: dict[str, Excerpt] = dict(last_excerpts or {})
        """Tag pages' excerpts by slug (`excerpt_of`), the previous serve builds' included."""
        self._made_excerpts: list[str] = []
        """Slugs whose excerpt this process made (`made_excerpts`)."""
        self._paged: dict[object, tuple[tuple[Note, ...], ...]] = {}
        self._kept: dict[object, object] = {}
        self._author_links: dict[tuple[str, str], Markup] = {}
        self._names_keys: dict[str, tuple] = {}
        self._listed: dict[str, tuple[str, str]] = {}
        self._last_coins = last_coins
        self._coins: _CoinsMemo | None = None
        self.links = LinkPages(self, last_links)
        """Links between notes (`pages/links.py`): resolved mentions, backlinks, the preview script."""

    @property
    def env(self) -> jinja2.Environment:
        if self._env is None:
            env = jinja2.Environment(
                loader=jinja2.PackageLoader("papernotes.pages", "templates"),
                autoescape=True,
                trim_blocks=True,
                lstrip_blocks=True,
                undefined=jinja2.StrictUndefined,
                auto_reload=False,  # templates cannot change during a build; skips a stat() per render
                bytecode_cache=TEMPLATE_CODE,  # compiled once per process (template_code.py)
            )
            env.globals["urls"] = urls
            env.filters["num"] = num
            env.globals["commentary_of"] = self.commentary_of
            env.globals["excerpt_of"] = self.excerpt_of
            env.globals["fragments"] = fragments = Fragments(self.index.tags)
            env.globals["author_link"] = self.author_link
            env.globals["org_link"] = self.org_link
            env.globals["coins"] = coins = self._coins = _CoinsMemo(lambda: self.people.forms, self._last_coins)
            env.globals["items"] = Items(coins, self.author_link, self.org_link, self.commentary_of, self.excerpt_of, fragments)
            env.globals["reading_slot"] = slot
            self._env = env
        return self._env

    @property
    def people(self) -> People:
        """The site's authors and organisations (made once, on first use)."""
        if self._people is None:
            notes, min_notes = self.index.notes, self.settings.author_page_min_notes
            last, self._last_people = self._last_people, None
            if last is not None and last.key == people_key(notes, self.authors_file, min_notes):
                self._people = last.renewed(notes)
            else:
                self._people = People(notes, self.authors_file, min_notes)
        return self._people

    def last_people(self) -> People | None:
        """`people` if this build made it (for the next serve build to renew)."""
        return self._people

    def last_coins(self) -> dict[str, tuple[Note, tuple, Markup]] | None:
        """The COinS spans this build made, with what each was made from (for the next serve
        build), or None if it drew no list page. A span the build did not need is carried
        on from the build before (for a note still on the site), so a page drawn two saves
        later finds it too."""
        if self._coins is None:
            return self._last_coins
        if not self._last_coins:
            return self._coins.made
        here = {note.slug for note in self.index.notes}
        return {slug: made for slug, made in {**self._last_coins, **self._coins.made}.items() if slug in here}

    def card_key(self, note: Note) -> tuple:
        """What a note's card or page shows beside the note itself: where its links to other
        papers lead (`LinkGraph.outgoing`), and which of its authors and its lab have a page."""
        return (fingerprint(note), self.links.graph.outgoing.get(note.slug, ()), self.names_key(note))

    def party_key(self, party: Party) -> tuple:
        """What an author's or a lab's page shows: the party, and its notes as lists show them with
        their authors' and labs' pages (its co-authors and labs are made from these)."""
        return (party.slug, party.name, party.written, party.entity,
                tuple((cited(n), self.names_key(n)) for n in party.notes))

    def names_key(self, note: Note) -> tuple:
        """Which of the note's authors, and its lab, have a page (their links on every card), and
        which of its authors are organisations or have a declared family name (its COinS span,
        its citation tags and files: `People.forms`); once per note and build (a note is on the
        pages of each of its authors)."""
        found = self._names_keys.get(note.slug)
        if found is None:
            people = self.people
            found = self._names_keys[note.slug] = (tuple(_slug_of(people.author(name)) for name in note.authors),
                                                   _slug_of(people.org(note.org)) if note.org else None,
                                                   people.forms.marks(note.authors))
        return found

    def author_link(self, name: str, href: Callable[[str], str]) -> Markup:
        """The name as written, linked to its author page when it has one (made once per name
        and link: an author with a page is on every card of their notes, on many pages)."""
        page = self.people.author(name)
        if page is None:
            return Markup("%s") % name
        link = href(urls.author(page.slug))
        found = self._author_links.get((name, link))
        if found is None:
            found = self._author_links[(name, link)] = Markup('<a class="pn-author" href="%s">%s</a>') % (link, name)
        return found

    def org_link(self, name: str, href: Callable[[str], str]) -> Markup:
        """The organisation as written (its own `lang`), linked to its lab page when it has one."""
        page = self.people.org(name)
        lang = text_lang(name)
        if page is None:
            return Markup('<span class="pn-org" lang="%s">%s</span>') % (lang, name)
        return Markup('<a class="pn-org" href="%s" lang="%s">%s</a>') % (href(urls.lab(page.slug)), lang, name)

    def paged(self, key: object, notes: tuple[Note, ...], size: int, weight: Callable[[Note], int] | None = None) -> tuple[tuple[Note, ...], ...]:
        """`notes` cut into pages of `size` (see `paging.paginate`), once per `key`."""
        if key not in self._paged:
            self._paged[key] = paginate(notes, size, weight)
        return self._paged[key]

    def kept(self, key: object, make: Callable[[], T]) -> T:
        """`make()`, once per build and `key`: what the pages of one listing read alike (the tag
        index's rows, cut into its pages)."""
        if key not in self._kept:
            self._kept[key] = make()
        return self._kept[key]  # type: ignore[return-value]

    def listing_page(self, chunks: tuple[tuple[Note, ...], ...], page_src: Callable[[int], str],
                     page: int) -> tuple[tuple[Note, ...], int, str, tuple[Markup, Markup]]:
        """Page `page` of a listing cut into `chunks` (`paged`): its notes, the number of pages,
        its source and its pagers (top, bottom; empty when there is one page)."""
        here = page_src(page)
        pager = self.navs("pager.html", here, page=page, pages=len(chunks), page_src=page_src) if len(chunks) > 1 else (Markup(""), Markup(""))
        return chunks[page - 1], len(chunks), here, pager

    def card_weight(self, note: Note) -> int:
        """The bytes a day or home page's card of the note weighs (`paging.card_weight`)."""
        return paging.card_weight(note, self.html.size(note.ko) + self.html.size(note.en))

    def commentary_of(self, note: Note) -> Markup:
        """The note's commentary block, its links to notes pointed from the page being rendered.

        Not kept: a note's card is on its day page and, for the newest, the home page, so a
        kept copy saved a few dozen renders and held every note's commentary again until the
        build ended, in each process that renders day pages (~250 MiB each at 10,000 notes
        of 5-10 kB commentaries)."""
        macros = self.env.get_template("_macros.html").module
        tokenised = self.links.tokenised(Markup(macros.commentary(note, self.html.note_html(note))))  # type: ignore[attr-defined]
        return self.links.place(tokenised)

    def excerpt_of(self, note: Note) -> Markup:
        """The start of the note's commentary (`EXCERPT` characters of each language, plain text)
        for tag pages. A tag lists hundreds of notes: repeating every whole commentary there made
        tag pages a tenth of the site (issue 24). The title links to the note for the rest.

        Made once per note and commentary, and kept between serve builds (`last_excerpts`): it
        follows from the commentary's Markdown alone (the build's `HtmlCache` converts a text
        one way), and a note added or deleted draws every page of its tags again (~5,800
        excerpts, 0.6 CPU-s, at 10,000 notes)."""
        found = self._excerpts.get(note.slug)
        if found is not None and found.ko == note.ko and found.en == note.en:
            return found.html
        html = self.html.note_html(note)
        cut = lambda part: Markup(keep_hyphens(glue_endings(Markup("<p>%s</p>") % snippet(part, EXCERPT)))) if part else part
        macros = self.env.get_template("_macros.html").module
        made = Markup(macros.commentary(note, html._replace(ko=cut(html.ko), en=cut(html.en))))  # type: ignore[attr-defined]
        self._excerpts[note.slug] = Excerpt(note.ko, note.en, made)
        self._made_excerpts.append(note.slug)
        return made

    def made_excerpts(self) -> dict[str, Excerpt]:
        """The excerpts this process made (a forked process hands them back: `add_excerpts`)."""
        return {slug: self._excerpts[slug] for slug in self._made_excerpts}

    def add_excerpts(self, made: Mapping[str, Excerpt]) -> None:
        """Excerpts another process made for this build (`made_excerpts`), kept for the next."""
        self._excerpts.update(made)

    def last_excerpts(self) -> dict[str, Excerpt]:
        """The excerpts of the site's notes, for the next serve build."""
        here = {note.slug for note in self.index.notes}
        return {slug: found for slug, found in self._excerpts.items() if slug in here}

    def html_of(self, note: Note, on_its_page: bool = False) -> NoteHtml:
        """The note's HTML with its mentions pointed at the site's notes from the page being
        rendered (on the note's own page, a mention of its own paper stays a link to arXiv)."""
        return self.links.resolved(self.html.note_html(note), note.slug if on_its_page else None)

    def related_to(self, note: Note) -> tuple[Note, ...]:
        if self._related is None:
            self._related = Related(self.index)
        return self._related.for_note(note)

    def render(self, template: str, here: str, **context: object) -> str:
        href = urls.linker(here)
        self.links.enter(href)
        page = self.env.get_template(template).render(
            {"href": href, "tags": self.index.tags, "html_of": self.html_of, **context})  # a page may pass its own html_of
        return self.links.add_preview_script(page, href)

    def navs(self, template: str, here: str, **context: object) -> tuple[Markup, Markup]:
        """A navigation block for the top and the bottom of a page: two landmarks, two labels."""
        return tuple(Markup(self._fragment(template, here, end=end, **context)) for end in (False, True))  # type: ignore[return-value]

    def _fragment(self, template: str, here: str, **context: object) -> str:
        """A part of a page (no preview script of its own; the page adds it)."""
        href = urls.linker(here)
        self.links.enter(href)
        return self.env.get_template(template).render(href=href, tags=self.index.tags, html_of=self.html_of, **context)

    def tag_rows(self) -> list[tuple[object, int]]:
        """Every tag with its note count, most notes first (ties by slug)."""
        return sorted(((t, len(self.index.by_tag.get(t.slug, ()))) for t in self.index.tags.tags), key=lambda r: (-r[1], r[0].slug))

    def references(self, notes: tuple[Note, ...], listed: bool) -> dict[str, str]:
        """`{"ris": ..., "csl": ...}`: `data:` links (`urls.data_link`) holding the RIS and CSL-JSON
        of a note page's note (every author, `listed` False) or an author's notes (a large team's
        first authors, as lists carry them); a note's listed record and item are made once."""
        forms = self.people.forms
        made = self._listed if listed else {}  # a note page's own (every author) is made for its page only
        for note in notes:
            if note.slug not in made:
                url = self.page_url(urls.note(note.slug))
                made[note.slug] = (ris.record(note, url, listed, forms), csl_json.item_line(note, url, listed, forms))
        # written as they are, in single quotes (`urls.data_link`): autoescape would write each `"` as `&#34;`
        return {"ris": Markup(urls.data_link("ris", ris.bibliography(notes, lambda n: made[n.slug][0]))),
                "csl": Markup(urls.data_link("csl", csl_json.items(notes, lambda n: made[n.slug][1])))}

    def page_url(self, src_uri: str) -> str | None:
        """The page's absolute URL, when `site_url` is set."""
        return urls.absolute(self.settings.site_url, src_uri) if self.settings.site_url else None


def _slug_of(party: Party | None) -> str | None:
    return party.slug if party is not None else None


@lru_cache(maxsize=1 << 16)
def fingerprint(note: Note) -> bytes:
    """A digest of every field of the note (for page keys), once per record: a record stands
    for its file as long as the file is unchanged, so a serve rebuild looks this up."""
    return hashlib.blake2b(repr(note).encode("utf-8"), digest_size=16).digest()


@lru_cache(maxsize=1 << 16)
def cited(note: Note) -> bytes:
    """A digest of what a list shows of a note it does not detail: title, day, tags, and the paper
    as its COinS span and reading-list slot describe it. Once per record, as `fingerprint`: a
    note is in the keys of its related notes, its backlinks and its authors' pages, so the fields
    were written out again for each (about a sixth of comparing every page's key)."""
    fields = (note.slug, note.title, note.date, note.tags, note.authors, note.published, note.arxiv, note.url, note.org)
    return hashlib.blake2b(repr(fields).encode("utf-8"), digest_size=16).digest()
