"""The date archive: the archive page, a page per year, per month and per day (months and
days paged). A day's first page also carries the whole day as a post (its copy button)."""

from __future__ import annotations

import calendar
import datetime as dt
from functools import partial
from itertools import groupby
from typing import Iterator

from markupsafe import Markup

from papernotes.markup import NoteHtml
from papernotes.outputs.daily_post import day_post
from papernotes.model import Note
from papernotes.pages import meta
from papernotes.pages.context import Family, PageContext, PlannedPage, cited, fingerprint
from papernotes.pages.meta import PageMeta
from papernotes.catalog import urls
from papernotes.catalog.index import SiteIndex
from papernotes.catalog.paging import PAGE_TEXT_BUDGET

ARCHIVE_TITLE = "Archive · 보관함"
DAY_SCRIPTS = ("assets/copy.js",)


def day_pages(ctx: PageContext, day: dt.date) -> tuple[tuple[Note, ...], ...]:
    return ctx.paged(("day", day), ctx.index.by_day[day], ctx.settings.day_page_size, ctx.card_weight)


def post_notes(ctx: PageContext, day: dt.date, page: int) -> tuple[Note, ...]:
    """The notes of the post a day page carries (what `papernotes post` prints for them): the
    whole day on its first page, unless the day's text is more than one page may show
    (`PAGE_TEXT_BUDGET`); then each page carries its own notes' post. The whole post of 10,000
    notes on 20 days made those days' first pages 1.1 MB, over the 1 MB every page keeps to."""
    whole = ctx.index.by_day[day]
    chunks = day_pages(ctx, day)
    if len(chunks) == 1 or sum(ctx.card_weight(n) for n in whole) <= PAGE_TEXT_BUDGET:
        return tuple(whole) if page == 1 else ()
    return chunks[page - 1]


def month_pages(ctx: PageContext, year: int, month: int) -> tuple[tuple[Note, ...], ...]:
    return ctx.paged(("month", year, month), ctx.index.notes_in_month(year, month), ctx.settings.month_page_size)


def render_day_page(ctx: PageContext, day: dt.date, page: int = 1) -> str:
    index = ctx.index
    here = urls.day(day, page)
    older, newer = index.neighbours(day)
    chunks = day_pages(ctx, day)
    daynav = ctx.navs("daynav.html", here, older=older, newer=newer)
    pager = ctx.navs("pager.html", here, page=page, pages=len(chunks), page_src=partial(urls.day, day)) if len(chunks) > 1 else ("", "")
    posted = post_notes(ctx, day, page)
    post = day_post(day, posted) if posted else None  # what `papernotes post` prints
    # The cards leave the abstract to the note page, one link away (and to the daily post above
    # them): a collapsed abstract on every card was a tenth of the day pages' bytes (issue 24).
    return ctx.render("day.html", here, day=day, notes=chunks[page - 1], total=len(index.by_day[day]),
                      daynav=daynav, pager=pager, post=post,
                      post_count=len(posted) if len(posted) < len(index.by_day[day]) else None, html_of=partial(_card_html, ctx))


def _card_html(ctx: PageContext, note: Note) -> NoteHtml:
    """A note's HTML for a day page's card: everything but the abstract."""
    return ctx.html_of(note)._replace(abstract=Markup(""))


def render_month_page(ctx: PageContext, year: int, month: int, page: int = 1) -> str:
    index = ctx.index
    months = index.months()
    i = months.index((year, month))
    here = urls.month(year, month, page)
    chunks = month_pages(ctx, year, month)
    shown = chunks[page - 1]
    days = [(d, tuple(group), len(index.by_day[d])) for d, group in groupby(shown, key=lambda n: n.date)]
    pager = ctx.navs("pager.html", here, page=page, pages=len(chunks), page_src=partial(urls.month, year, month)) if len(chunks) > 1 else ("", "")
    return ctx.render("month.html", here, year=year, month=month, month_name=calendar.month_name[month],
                      days=days, total=index.count_in(year, month), day_count=len(index.days_in_month(year, month)),
                      pager=pager, older=months[i + 1] if i + 1 < len(months) else None, newer=months[i - 1] if i > 0 else None)


def render_year_page(ctx: PageContext, year: int) -> str:
    index = ctx.index
    years = index.years()
    i = years.index(year)
    months = [(mo, [(d, len(index.by_day[d])) for d in index.days_in_month(year, mo)], index.count_in(year, mo))
              for (y, mo) in index.months() if y == year]
    return ctx.render("year.html", urls.year(year), year=year, months=months, total=index.count_in(year),
                      older=years[i + 1] if i + 1 < len(years) else None, newer=years[i - 1] if i > 0 else None)


def render_archive_page(ctx: PageContext) -> str:
    index = ctx.index
    years = [(y, [(mo, index.count_in(y, mo)) for (yy, mo) in index.months() if yy == y], index.count_in(y))
             for y in index.years()]
    return ctx.render("archive.html", urls.archive(), years=years, total=len(index.notes), days=len(index.days))


def day_key(ctx: PageContext, day: dt.date, page: int) -> tuple:
    """What `render_day_page` and `day_meta` read: the day's notes (whole: the post and the
    cards), each card's links and names, the page's place and the days before and after."""
    chunks = day_pages(ctx, day)
    return (day, page, len(chunks), tuple(fingerprint(n) for n in ctx.index.by_day[day]), ctx.index.neighbours(day),
            tuple(ctx.card_key(n) for n in chunks[page - 1]))


def month_key(ctx: PageContext, year: int, month: int, page: int) -> tuple:
    """What `render_month_page` and `month_meta` read: the month's notes (their titles, days and
    order: the page's days, counts, pagination and description), the page's place and the
    months before and after. Without it every month page was drawn again to be compared when a
    note was added or deleted under serve, though one or two differ."""
    months = ctx.index.months()
    i = months.index((year, month))
    return (year, month, page, months[i + 1] if i + 1 < len(months) else None, months[i - 1] if i > 0 else None,
            tuple(cited(n) for n in ctx.index.notes_in_month(year, month)))


def day_meta(day: dt.date, notes: tuple[Note, ...], title: str, ctx: PageContext) -> PageMeta:
    lead = meta.bi(ctx.settings, f"{day.year}년 {day.month}월 {day.day}일의 논문 노트 {len(notes):,}개",
                   f"{len(notes):,} paper note{'s' if len(notes) != 1 else ''} of {day:%B} {day.day}, {day.year}")
    return PageMeta(title=title, description=meta.titles(notes, lead))


def month_meta(year: int, month: int, notes: tuple[Note, ...], title: str, ctx: PageContext) -> PageMeta:
    lead = meta.bi(ctx.settings, f"{year}년 {month}월의 논문 노트 {len(notes):,}개",
                   f"{len(notes):,} paper notes of {dt.date(year, month, 1).strftime('%B %Y')}")
    return PageMeta(title=title, description=meta.titles(notes, lead))


def plan(ctx: PageContext) -> Iterator[PlannedPage]:
    idx, settings = ctx.index, ctx.settings
    n = len(idx.notes)
    yield PlannedPage(urls.archive(), ARCHIVE_TITLE, "archive", partial(render_archive_page, ctx),
                      meta=partial(meta.listing, ARCHIVE_TITLE, settings, f"날짜별로 모은 논문 노트 {n:,}개", f"All {n:,} paper notes by date"))
    for year in idx.years():
        n = idx.count_in(year)
        yield PlannedPage(urls.year(year), str(year), "year", partial(render_year_page, ctx, year),
                          meta=partial(meta.listing, str(year), settings, f"{year}년의 논문 노트 {n:,}개, 월별", f"{n:,} paper notes of {year}, by month"))
    for year, month in idx.months():
        for page in range(1, len(month_pages(ctx, year, month)) + 1):
            title = meta.numbered(f"{year:04d}-{month:02d}", page)
            yield PlannedPage(urls.month(year, month, page), title, "month", partial(render_month_page, ctx, year, month, page),
                              meta=partial(month_meta, year, month, idx.notes_in_month(year, month), title, ctx),
                              key=partial(month_key, ctx, year, month, page))
    for day in idx.days:
        for page, notes in enumerate(day_pages(ctx, day), start=1):
            title = meta.numbered(day.isoformat(), page)
            # The first page also carries the whole day as a post (its copy button), unless too long.
            shown = tuple(dict.fromkeys((*post_notes(ctx, day, page), *notes)))
            yield PlannedPage(urls.day(day, page), title, "day", partial(render_day_page, ctx, day, page),
                              shows=tuple(n.slug for n in shown), meta=partial(day_meta, day, idx.by_day[day], title, ctx),
                              scripts=DAY_SCRIPTS, key=partial(day_key, ctx, day, page))


def examples(index: SiteIndex) -> dict[str, str]:
    """The archive, and the newest note's year, month and day."""
    if not index.notes:
        return {"archive": urls.archive()}
    day = index.notes[0].date
    return {"archive": urls.archive(), "year": urls.year(day.year), "month": urls.month(day.year, day.month), "day": urls.day(day)}


FAMILY = Family("date archive", ("archive", "year", "month", "day"), plan, examples)
