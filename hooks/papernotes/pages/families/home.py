"""The home page: the newest days, capped at `home_notes` notes (and `PAGE_TEXT_BUDGET` bytes of their
text), and the busiest tags."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Iterator

from papernotes.model import Note
from papernotes.pages import meta
from papernotes.pages.context import Family, PageContext, PlannedPage
from papernotes.pages.meta import PageMeta
from papernotes.catalog import urls
from papernotes.catalog.paging import PAGE_TEXT_BUDGET

HOME_OLDER_DAYS = 5
"""Days before the home page's own listed at its end, so the feed goes on in one tap."""


def recent(ctx: PageContext) -> list[tuple[dt.date, tuple[Note, ...], int]]:
    """The home page's days: (day, notes shown in full, how many more that day has)."""
    days, room, budget = [], ctx.settings.home_notes, PAGE_TEXT_BUDGET
    for d in ctx.index.days[: ctx.settings.home_days]:
        shown: list[Note] = []
        for note in ctx.index.by_day[d][: max(room, 0)]:
            # A byte budget as the listing pages have (`paging.paginate`): 30 notes of 10 kB
            # abstracts and commentaries made the home page 0.9 MB; heavier ones passed 1 MB.
            weight = ctx.card_weight(note)
            if weight > budget and room < ctx.settings.home_notes:  # the first note is always shown
                room = 0
                break
            shown.append(note)
            budget -= weight
            room -= 1
        days.append((d, tuple(shown), len(ctx.index.by_day[d]) - len(shown)))
    return days


def render_home_page(ctx: PageContext) -> str:
    top = ctx.tag_rows()
    days = recent(ctx)
    older = ctx.index.days[len(days): len(days) + HOME_OLDER_DAYS]
    return ctx.render("home.html", urls.home(), site_name=ctx.settings.site_name, recent=days,
                      older_days=[(d, len(ctx.index.by_day[d])) for d in older],
                      total=len(ctx.index.notes), tag_count=len(ctx.index.tags.tags), top_tags=[r for r in top[:12] if r[1]])


def home_meta(ctx: PageContext) -> PageMeta:
    index, settings = ctx.index, ctx.settings
    latest = index.days[0] if index.days else None
    lead = meta.bi(settings, f"머신러닝 논문 노트 {len(index.notes):,}개 (한국어·영어)",
                   f"{len(index.notes):,} bilingual (Korean/English) notes on machine-learning papers")
    if latest is not None:
        lead += meta.bi(settings, f". 최근: {latest.isoformat()}", f". Latest: {latest.isoformat()}")
        return PageMeta(title=settings.site_name, description=meta.titles(index.by_day[latest], lead))
    return PageMeta(title=settings.site_name, description=meta.cut(lead))


def plan(ctx: PageContext) -> Iterator[PlannedPage]:
    shows = tuple(n.slug for _, shown, _ in recent(ctx) for n in shown)
    yield PlannedPage(urls.home(), ctx.settings.site_name, "home", partial(render_home_page, ctx), shows=shows,
                      meta=partial(home_meta, ctx))


FAMILY = Family("home", ("home",), plan, lambda index: {"home": urls.home()})
