"""Render the generated pages: one `render_<kind>_page` and one template per kind.

`plan.plan_pages` lists the pages; each renders lazily (MkDocs asks for the HTML when it
writes the page). Every note's Markdown comes from the build's `HtmlCache`, converted once
however many pages show it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import partial
from itertools import groupby

import jinja2
from markupsafe import Markup

from papernotes.outputs.daily_post import day_post
from papernotes.config import Settings
from papernotes.markup import HtmlCache, NoteHtml
from papernotes.model import Note
from papernotes.outputs import bibtex, browse
from papernotes.pages import stats
from papernotes.pages.fragments import Fragments
from papernotes.site import urls
from papernotes.site.index import SiteIndex
from papernotes.site.paging import card_weight, commentary_weight, paginate
from papernotes.site.related import Related
from papernotes.pages import links as link_pages

HOME_OLDER_DAYS = 5
"""Days before the home page's own listed at its end, so the feed goes on in one tap."""


class PageRenderer:
    """Renders one build's pages from its index, settings and HTML cache."""

    def __init__(self, index: SiteIndex, settings: Settings, html: HtmlCache) -> None:
        self.index = index
        self.settings = settings
        self.html = html
        self._related: Related | None = None
        self._env = jinja2.Environment(
            loader=jinja2.PackageLoader("papernotes.pages", "templates"),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
            auto_reload=False,  # templates cannot change during a build; skips a stat() per render
        )
        self._env.globals["urls"] = urls
        self._env.globals["commentary_of"] = self.commentary_of
        self._env.globals["fragments"] = Fragments(index.tags)
        self._commentary: dict[str, Markup] = {}
        self._tag_pages: dict[str, tuple[tuple[Note, ...], ...]] = {}
        self._day_pages: dict[dt.date, tuple[tuple[Note, ...], ...]] = {}
        self._month_pages: dict[tuple[int, int], tuple[tuple[Note, ...], ...]] = {}
        self.links = link_pages.LinkPages(self)

    # Pagination, computed once per listing; `plan_pages` and the renderers share it.

    def tag_pages(self, slug: str) -> tuple[tuple[Note, ...], ...]:
        if slug not in self._tag_pages:
            self._tag_pages[slug] = paginate(self.index.by_tag.get(slug, ()), self.settings.tag_page_size, commentary_weight)
        return self._tag_pages[slug]

    def day_pages(self, day: dt.date) -> tuple[tuple[Note, ...], ...]:
        if day not in self._day_pages:
            self._day_pages[day] = paginate(self.index.by_day[day], self.settings.day_page_size, card_weight)
        return self._day_pages[day]

    def month_pages(self, year: int, month: int) -> tuple[tuple[Note, ...], ...]:
        if (year, month) not in self._month_pages:
            self._month_pages[(year, month)] = paginate(self.index.notes_in_month(year, month), self.settings.month_page_size)
        return self._month_pages[(year, month)]

    def commentary_of(self, note: Note) -> Markup:
        """The note's commentary block: rendered once, its links to notes pointed from each page."""
        cached = self._commentary.get(note.slug)
        if cached is None:
            macros = self._env.get_template("_macros.html").module
            html = self.html.note_html(note)
            cached = self._commentary[note.slug] = self.links.tokenised(Markup(macros.commentary(note, html)))  # type: ignore[attr-defined]
        return self.links.place(cached)  # its links to notes, from the page being rendered

    def html_of(self, note: Note) -> NoteHtml:
        """The note's HTML with its mentions pointed at the site's notes from the page being rendered."""
        return self.links.resolved(self.html.note_html(note))

    def _render(self, template: str, here: str, **context: object) -> str:
        href = urls.linker(here)
        self.links.enter(href)
        page = self._env.get_template(template).render(
            href=href, tags=self.index.tags, html_of=self.html_of, **context)
        return self.links.add_preview_script(page, href)

    # One render function per page kind.

    def related_to(self, note: Note) -> tuple[Note, ...]:
        if self._related is None:
            self._related = Related(self.index)
        return self._related.for_note(note)

    def render_note_page(self, note: Note) -> str:
        page_url = urls.absolute(self.settings.site_url, urls.note(note.slug)) if self.settings.site_url else None
        here = urls.note(note.slug)
        self.links.enter(urls.linker(here))
        related = self.related_to(note)
        return self._render("note.html", here, note=note, html=self.html_of(note),
                            related=related, bibtex=bibtex.entry(note, page_url),
                            neighbourhood=partial(self.links.render_note_links, note, related))

    def render_browse_page(self) -> str:
        rows = sorted(((t, len(self.index.by_tag.get(t.slug, ()))) for t in self.index.tags.tags), key=lambda r: (-r[1], r[0].slug))
        first = browse.first_rows(self.index, lambda n: (self.html_of(n).ko, self.html_of(n).en))
        return self._render("browse.html", urls.browse(), rows=[r for r in rows if r[1]], total=len(self.index.notes),
                            first=first, page_rows=browse.PAGE_ROWS)

    def render_stats_page(self) -> str:
        here = urls.stats()
        href = partial(urls.relative, here)
        return self._render("stats.html", here, total=len(self.index.notes), days=len(self.index.days),
                            chart=stats.month_chart(stats.month_counts(self.index), href),
                            heatmaps=[(y, stats.heatmap(self.index, y, href)) for y in self.index.years()],
                            top=[(self.index.tags.get(s), n) for s, n in stats.top_tags(self.index)])

    def render_tag_page(self, slug: str, page: int) -> str:
        chunks = self.tag_pages(slug)
        pages = len(chunks)
        here = urls.tag(slug, page)
        pager = self._navs("pager.html", here, page=page, pages=pages, page_src=partial(urls.tag, slug)) if pages > 1 else ("", "")
        return self._render("tag.html", here, tag=self.index.tags.get(slug), notes=chunks[page - 1],
                            total=len(self.index.by_tag.get(slug, ())), page=page, pages=pages, pager=pager)

    def render_tag_index_page(self) -> str:
        rows = sorted(((t, len(self.index.by_tag.get(t.slug, ()))) for t in self.index.tags.tags), key=lambda r: (-r[1], r[0].slug))
        return self._render("tag_index.html", urls.tag_index(), rows=rows, total=len(self.index.notes))

    def _navs(self, template: str, here: str, **context: object) -> tuple[Markup, Markup]:
        """A navigation block for the top and the bottom of a page: two landmarks, two labels."""
        return tuple(Markup(self._render(template, here, end=end, **context)) for end in (False, True))  # type: ignore[return-value]

    def render_day_page(self, day: dt.date, page: int = 1) -> str:
        here = urls.day(day, page)
        older, newer = self.index.neighbours(day)
        chunks = self.day_pages(day)
        daynav = self._navs("daynav.html", here, older=older, newer=newer)
        pager = self._navs("pager.html", here, page=page, pages=len(chunks), page_src=partial(urls.day, day)) if len(chunks) > 1 else ("", "")
        post = day_post(day, self.index.by_day[day]) if page == 1 else None  # what `papernotes post` prints
        return self._render("day.html", here, day=day, notes=chunks[page - 1], total=len(self.index.by_day[day]),
                            daynav=daynav, pager=pager, post=post)

    def render_month_page(self, year: int, month: int, page: int = 1) -> str:
        months = self.index.months()
        i = months.index((year, month))
        here = urls.month(year, month, page)
        chunks = self.month_pages(year, month)
        shown = chunks[page - 1]
        days = [(d, tuple(group), len(self.index.by_day[d])) for d, group in groupby(shown, key=lambda n: n.date)]
        pager = self._navs("pager.html", here, page=page, pages=len(chunks), page_src=partial(urls.month, year, month)) if len(chunks) > 1 else ("", "")
        return self._render("month.html", here, year=year, month=month, month_name=calendar.month_name[month],
                            days=days, total=self.index.count_in(year, month), day_count=len(self.index.days_in_month(year, month)),
                            pager=pager, older=months[i + 1] if i + 1 < len(months) else None, newer=months[i - 1] if i > 0 else None)

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

    def home_recent(self) -> list[tuple[dt.date, tuple[Note, ...], int]]:
        """The home page's days: (day, notes shown in full, how many more that day has)."""
        recent, room = [], self.settings.home_notes
        for d in self.index.days[: self.settings.home_days]:
            shown = self.index.by_day[d][: max(room, 0)]
            recent.append((d, shown, len(self.index.by_day[d]) - len(shown)))
            room -= len(shown)
        return recent

    def render_home_page(self) -> str:
        recent = self.home_recent()
        top = sorted(((t, len(self.index.by_tag.get(t.slug, ()))) for t in self.index.tags.tags), key=lambda r: (-r[1], r[0].slug))
        older = self.index.days[len(recent): len(recent) + HOME_OLDER_DAYS]
        return self._render("home.html", urls.home(), site_name=self.settings.site_name, recent=recent,
                            older_days=[(d, len(self.index.by_day[d])) for d in older],
                            total=len(self.index.notes), tag_count=len(self.index.tags.tags), top_tags=[r for r in top[:12] if r[1]])
