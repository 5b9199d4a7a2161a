"""The statistics page: notes per month, a heatmap per year, the busiest tags (figures: `pages.stats`)."""

from __future__ import annotations

from functools import partial
from typing import Iterator

from papernotes.pages import meta
from papernotes.pages import stats as figures
from papernotes.pages.context import Family, PageContext, PlannedPage
from papernotes.catalog import urls

TITLE = "Statistics · 통계"
SCRIPTS = ("assets/figures.js",)


def render_stats_page(ctx: PageContext) -> str:
    index = ctx.index
    here = urls.stats()
    href = partial(urls.relative, here)
    lang = ctx.settings.default_lang
    return ctx.render("stats.html", here, total=len(index.notes), days=len(index.days),
                      chart=figures.month_chart(figures.month_counts(index), href, lang=lang),
                      heatmaps=[(y, figures.heatmap(index, y, href, lang=lang)) for y in index.years()],
                      day_list=figures.day_list(index),
                      top=[(index.tags.get(s), n) for s, n in figures.top_tags(index)])


def plan(ctx: PageContext) -> Iterator[PlannedPage]:
    n = len(ctx.index.notes)
    yield PlannedPage(urls.stats(), TITLE, "statistics", partial(render_stats_page, ctx),
                      meta=partial(meta.listing, TITLE, ctx.settings, f"논문 노트 {n}개의 월별·태그별 통계",
                                   f"Statistics of {n} paper notes by month and tag"),
                      scripts=SCRIPTS)


FAMILY = Family("statistics", ("statistics",), plan, lambda index: {"statistics": urls.stats()})
