"""Plan the generated pages: every page the site gets, in a fixed order.

A page is planned with what MkDocs needs before rendering (its path and title) and a render
function the build calls when MkDocs reaches it, here or in the page worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Callable, Iterator, Literal

from papernotes.pages.render import PageRenderer
from papernotes.site import urls

PageKind = Literal["home", "note", "tag_index", "tag", "archive", "year", "month", "day", "browse", "stats"]


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


def plan_pages(renderer: PageRenderer) -> list[PlannedPage]:
    """Every generated page, in a fixed order: home, notes, tags, archive, years, months, days, browse, stats."""
    return list(_iter_pages(renderer))


def _iter_pages(p: PageRenderer) -> Iterator[PlannedPage]:
    idx = p.index
    home_shows = tuple(n.slug for _, shown, _ in p.home_recent() for n in shown)
    yield PlannedPage(urls.home(), p.settings.site_name, "home", p.render_home_page, shows=home_shows)
    for note in idx.notes:
        yield PlannedPage(urls.note(note.slug), note.title, "note", partial(p.render_note_page, note), shows=(note.slug,))
    yield PlannedPage(urls.tag_index(), "Tags · 태그", "tag_index", p.render_tag_index_page)
    for tag in idx.tags.tags:
        for page, notes in enumerate(p.tag_pages(tag.slug), start=1):
            suffix = f" ({page})" if page > 1 else ""
            yield PlannedPage(urls.tag(tag.slug, page), f"#{tag.slug}{suffix}", "tag", partial(p.render_tag_page, tag.slug, page),
                                feed=urls.feed(tag.slug), shows=tuple(n.slug for n in notes))
    yield PlannedPage(urls.archive(), "Archive · 보관함", "archive", p.render_archive_page)
    for year in idx.years():
        yield PlannedPage(urls.year(year), str(year), "year", partial(p.render_year_page, year))
    for year, month in idx.months():
        for page in range(1, len(p.month_pages(year, month)) + 1):
            suffix = f" ({page})" if page > 1 else ""
            yield PlannedPage(urls.month(year, month, page), f"{year:04d}-{month:02d}{suffix}", "month",
                                partial(p.render_month_page, year, month, page))
    for day in idx.days:
        for page, notes in enumerate(p.day_pages(day), start=1):
            suffix = f" ({page})" if page > 1 else ""
            yield PlannedPage(urls.day(day, page), f"{day.isoformat()}{suffix}", "day", partial(p.render_day_page, day, page),
                                shows=tuple(n.slug for n in notes))
    yield PlannedPage(urls.browse(), "Browse · 둘러보기", "browse", p.render_browse_page)
    yield PlannedPage(urls.stats(), "Statistics · 통계", "stats", p.render_stats_page)
