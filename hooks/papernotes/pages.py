"""Plan and render the generated pages: one `render_<kind>_page` and one template per kind.

`plan_pages` lists every page the site gets, in a deterministic order; each page renders
lazily (MkDocs asks for the HTML when it writes the page), and each note's Markdown is
converted once per build however many pages show it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import partial
from typing import Callable, Iterator

import jinja2
from markupsafe import Markup

from . import bibtex, stats, urls
from .index import SiteIndex
from .markup import Renderer
from .model import Note
from .related import Related

PAGE_KINDS = ("home", "note", "tag_index", "tag", "archive", "year", "month", "day", "browse", "stats")


@dataclass(frozen=True)
class Settings:
    """Site options read from `mkdocs.yml` (`extra.papernotes`)."""

    site_name: str = "papernotes"
    """Shown on the home page."""
    default_lang: str = "ko"
    """Language of a first visit: `ko` or `en`."""
    home_days: int = 3
    """How many of the most recent days the home page shows in full."""
    tag_page_size: int = 100
    """Notes per tag page; bigger tags are split into numbered pages."""
    site_url: str | None = None
    """`site_url` from mkdocs.yml (absolute links in BibTeX notes), or None."""


@dataclass(frozen=True)
class NoteHtml:
    """A note's Markdown parts as sanitised HTML."""

    abstract: Markup
    ko: Markup
    en: Markup


@dataclass(frozen=True)
class GeneratedPage:
    """One page the hook adds to the site."""

    src_uri: str
    """Virtual source path, e.g. `notes/adv-rm.md` (see `urls`)."""
    title: str
    """Page title (plain text; the theme escapes it)."""
    kind: str
    """One of `PAGE_KINDS`."""
    render: Callable[[], str]
    """Produces the page's HTML content when called."""
    search: bool = False
    """Whether the page goes into the search index (only note pages do)."""
    feed: str | None = None
    """The tag's Atom feed (`urls.feed`) on tag pages, advertised in the page head."""


class Pages:
    """Renders pages for one build; holds the per-build Markdown cache."""

    def __init__(self, index: SiteIndex, settings: Settings) -> None:
        self.index = index
        self.settings = settings
        self._renderer = Renderer()
        self._html: dict[str, NoteHtml] = {}
        self._related: Related | None = None
        self._env = jinja2.Environment(
            loader=jinja2.PackageLoader("papernotes", "templates"),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
        )
        self._env.globals["urls"] = urls

    def html_of(self, note: Note) -> NoteHtml:
        cached = self._html.get(note.slug)
        if cached is None:
            r = self._renderer.render
            cached = self._html[note.slug] = NoteHtml(r(note.abstract), r(note.ko), r(note.en))
        return cached

    def _render(self, template: str, here: str, **context: object) -> str:
        href = partial(urls.relative, here)
        return self._env.get_template(template).render(
            href=href, tags=self.index.tags, html_of=self.html_of, **context)

    # One render function per page kind.

    def related_to(self, note: Note) -> tuple[Note, ...]:
        if self._related is None:
            self._related = Related(self.index)
        return self._related.for_note(note)

    def render_note_page(self, note: Note) -> str:
        page_url = urls.absolute(self.settings.site_url, urls.note(note.slug)) if self.settings.site_url else None
        return self._render("note.html", urls.note(note.slug), note=note, html=self.html_of(note),
                            related=self.related_to(note), bibtex=bibtex.entry(note, page_url))

    def render_browse_page(self) -> str:
        rows = sorted(((t, len(self.index.by_tag.get(t.slug, ()))) for t in self.index.tags.tags), key=lambda r: (-r[1], r[0].slug))
        return self._render("browse.html", urls.browse(), rows=[r for r in rows if r[1]], total=len(self.index.notes))

    def render_stats_page(self) -> str:
        here = urls.stats()
        href = partial(urls.relative, here)
        return self._render("stats.html", here, total=len(self.index.notes), days=len(self.index.days),
                            chart=stats.month_chart(stats.month_counts(self.index), href),
                            heatmaps=[(y, stats.heatmap(self.index, y, href)) for y in self.index.years()],
                            top=[(self.index.tags.get(s), n) for s, n in stats.top_tags(self.index)])

    def render_tag_page(self, slug: str, page: int) -> str:
        notes = self.index.by_tag.get(slug, ())
        size = self.settings.tag_page_size
        pages = max(1, -(-len(notes) // size))
        here = urls.tag(slug, page)
        pager = Markup(self._render("pager.html", here, page=page, pages=pages, page_src=partial(urls.tag, slug))) if pages > 1 else ""
        return self._render("tag.html", here, tag=self.index.tags.get(slug), notes=notes[(page - 1) * size: page * size],
                            total=len(notes), page=page, pages=pages, pager=pager)

    def render_tag_index_page(self) -> str:
        rows = sorted(((t, len(self.index.by_tag.get(t.slug, ()))) for t in self.index.tags.tags), key=lambda r: (-r[1], r[0].slug))
        return self._render("tag_index.html", urls.tag_index(), rows=rows, total=len(self.index.notes))

    def render_day_page(self, day: dt.date) -> str:
        here = urls.day(day)
        older, newer = self.index.neighbours(day)
        daynav = Markup(self._render("daynav.html", here, older=older, newer=newer))
        return self._render("day.html", here, day=day, notes=self.index.by_day[day], daynav=daynav)

    def render_month_page(self, year: int, month: int) -> str:
        months = self.index.months()
        i = months.index((year, month))
        days = [(d, self.index.by_day[d]) for d in self.index.days_in_month(year, month)]
        return self._render("month.html", urls.month(year, month), year=year, month=month, month_name=calendar.month_name[month],
                            days=days, total=sum(len(n) for _, n in days),
                            older=months[i + 1] if i + 1 < len(months) else None, newer=months[i - 1] if i > 0 else None)

    def render_year_page(self, year: int) -> str:
        years = self.index.years()
        i = years.index(year)
        months = [(mo, [(d, len(self.index.by_day[d])) for d in self.index.days_in_month(year, mo)], self.index.count_in(year, mo))
                  for (y, mo) in self.index.months() if y == year]
        return self._render("year.html", urls.year(year), year=year, months=months, total=self.index.count_in(year),
                            older=years[i + 1] if i + 1 < len(years) else None, newer=years[i - 1] if i > 0 else None)

    def render_archive_page(self) -> str:
        years = [(y, [(mo, self.index.count_in(y, mo)) for (yy, mo) in self.index.months() if yy == y], self.index.count_in(y))
                 for y in self.index.years()]
        return self._render("archive.html", urls.archive(), years=years, total=len(self.index.notes), days=len(self.index.days))

    def render_home_page(self) -> str:
        recent = [(d, self.index.by_day[d]) for d in self.index.days[: self.settings.home_days]]
        top = sorted(((t, len(self.index.by_tag.get(t.slug, ()))) for t in self.index.tags.tags), key=lambda r: (-r[1], r[0].slug))
        return self._render("home.html", urls.home(), site_name=self.settings.site_name, recent=recent,
                            total=len(self.index.notes), tag_count=len(self.index.tags.tags), top_tags=[r for r in top[:12] if r[1]])


def plan_pages(index: SiteIndex, settings: Settings, pages: Pages | None = None) -> list[GeneratedPage]:
    """Every generated page, in a fixed order: home, notes, tags, archive, years, months, days, browse, stats.
    Pass `pages` to share its Markdown cache with other outputs (feeds)."""
    return list(_iter_pages(pages or Pages(index, settings)))


def _iter_pages(p: Pages) -> Iterator[GeneratedPage]:
    idx = p.index
    yield GeneratedPage(urls.home(), p.settings.site_name, "home", p.render_home_page)
    for note in idx.notes:
        yield GeneratedPage(urls.note(note.slug), note.title, "note", partial(p.render_note_page, note), search=True)
    yield GeneratedPage(urls.tag_index(), "Tags · 태그", "tag_index", p.render_tag_index_page)
    for tag in idx.tags.tags:
        count = len(idx.by_tag.get(tag.slug, ()))
        for page in range(1, max(1, -(-count // p.settings.tag_page_size)) + 1):
            suffix = f" ({page})" if page > 1 else ""
            yield GeneratedPage(urls.tag(tag.slug, page), f"#{tag.slug}{suffix}", "tag", partial(p.render_tag_page, tag.slug, page),
                                feed=urls.feed(tag.slug))
    yield GeneratedPage(urls.archive(), "Archive · 보관함", "archive", p.render_archive_page)
    for year in idx.years():
        yield GeneratedPage(urls.year(year), str(year), "year", partial(p.render_year_page, year))
    for year, month in idx.months():
        yield GeneratedPage(urls.month(year, month), f"{year:04d}-{month:02d}", "month", partial(p.render_month_page, year, month))
    for day in idx.days:
        yield GeneratedPage(urls.day(day), day.isoformat(), "day", partial(p.render_day_page, day))
    yield GeneratedPage(urls.browse(), "Browse · 둘러보기", "browse", p.render_browse_page)
    yield GeneratedPage(urls.stats(), "Statistics · 통계", "stats", p.render_stats_page)
