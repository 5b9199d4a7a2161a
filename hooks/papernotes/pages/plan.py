"""Plan the generated pages: every page the site gets, in a fixed order.

A page is planned with what MkDocs needs before rendering (its path and title) and a render
function the build calls when MkDocs reaches it, here or in the page worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Callable, Iterator, Literal

from papernotes.pages import meta
from papernotes.pages.meta import PageMeta
from papernotes.pages.render import PageRenderer
from papernotes.site import urls

PageKind = Literal["home", "note", "tag_index", "tag", "archive", "year", "month", "day", "browse", "stats", "wanted"]


@dataclass(frozen=True)
class PlannedPage:
    """One page the build adds to the site."""

    src_uri: str
    """Virtual source path, e.g. `notes/adv-rm.md` (see `urls`)."""
    title: str
    """Page title (plain text; the hook escapes it for the theme, which prints it raw)."""
    kind: PageKind
    """What sort of page it is."""
    render: Callable[[], str]
    """Produces the page's HTML content when called."""
    feed: str | None = None
    """The tag's Atom feed (`urls.feed`) on tag pages, advertised in the page head."""
    shows: tuple[str, ...] = ()
    """Slugs of the notes whose details beyond title, date and tags the page shows (for rebuilds)."""
    source: str | None = None
    """The file that holds the page's text (a note's `data/notes/...` path), for its edit link."""
    meta: Callable[[], PageMeta] | None = None
    """The page's head metadata (description, Open Graph), computed when MkDocs reaches the page."""


def plan_pages(renderer: PageRenderer) -> list[PlannedPage]:
    """Every generated page, in a fixed order: home, notes, tags, archive, years, months, days, browse, stats."""
    return list(_iter_pages(renderer))


def _iter_pages(p: PageRenderer) -> Iterator[PlannedPage]:
    idx, settings = p.index, p.settings
    home_shows = tuple(n.slug for _, shown, _ in p.home_recent() for n in shown)
    yield PlannedPage(urls.home(), settings.site_name, "home", p.render_home_page, shows=home_shows,
                      meta=partial(meta.home_meta, idx, settings))
    for note in idx.notes:
        yield PlannedPage(urls.note(note.slug), note.title, "note", partial(p.render_note_page, note),
                          shows=(note.slug, *p.links.shows(note)),
                          source=note.source, meta=partial(meta.note_meta, note, settings, p.html))
    title = "Tags · 태그"
    yield PlannedPage(urls.tag_index(), title, "tag_index", p.render_tag_index_page,
                      meta=partial(meta.listing_meta, "tag_index", title, idx, settings))
    for tag in idx.tags.tags:
        for page, notes in enumerate(p.tag_pages(tag.slug), start=1):
            suffix = f" ({page})" if page > 1 else ""
            title = f"#{tag.slug}{suffix}"
            yield PlannedPage(urls.tag(tag.slug, page), title, "tag", partial(p.render_tag_page, tag.slug, page),
                              feed=urls.feed(tag.slug), shows=tuple(n.slug for n in notes),
                              meta=partial(meta.tag_meta, tag, notes, len(idx.by_tag.get(tag.slug, ())), title, settings))
    title = "Archive · 보관함"
    yield PlannedPage(urls.archive(), title, "archive", p.render_archive_page,
                      meta=partial(meta.listing_meta, "archive", title, idx, settings))
    for year in idx.years():
        yield PlannedPage(urls.year(year), str(year), "year", partial(p.render_year_page, year),
                          meta=partial(meta.listing_meta, "year", str(year), idx, settings, year))
    for year, month in idx.months():
        for page in range(1, len(p.month_pages(year, month)) + 1):
            suffix = f" ({page})" if page > 1 else ""
            title = f"{year:04d}-{month:02d}{suffix}"
            yield PlannedPage(urls.month(year, month, page), title, "month", partial(p.render_month_page, year, month, page),
                              meta=partial(meta.month_meta, year, month, idx.notes_in_month(year, month), title, settings))
    for day in idx.days:
        for page, notes in enumerate(p.day_pages(day), start=1):
            suffix = f" ({page})" if page > 1 else ""
            title = f"{day.isoformat()}{suffix}"
            # The first page also carries the whole day as a post (its copy button).
            shown = idx.by_day[day] if page == 1 else notes
            yield PlannedPage(urls.day(day, page), title, "day", partial(p.render_day_page, day, page),
                              shows=tuple(n.slug for n in shown), meta=partial(meta.day_meta, day, idx.by_day[day], title, settings))
    title = "Browse · 둘러보기"
    yield PlannedPage(urls.browse(), title, "browse", p.render_browse_page,
                      meta=partial(meta.listing_meta, "browse", title, idx, settings))
    title = "Statistics · 통계"
    yield PlannedPage(urls.stats(), title, "stats", p.render_stats_page,
                      meta=partial(meta.listing_meta, "stats", title, idx, settings))
    yield from _link_pages(p)


def _link_pages(p: PageRenderer) -> Iterator[PlannedPage]:
    """The papers that notes mention without a note of their own (`pages/links.py`)."""
    title = "Papers waiting for a note · 노트를 기다리는 논문"
    yield PlannedPage(urls.wanted(), title, "wanted", p.links.render_wanted_page,
                      meta=partial(meta.listing_meta, "wanted", title, p.index, p.settings))
