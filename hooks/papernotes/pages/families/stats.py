"""The statistics page: notes per month (the newest ten years; per year too when the notes span
more), a heatmap for each of the newest years, links to the earlier ones, the busiest tags
(figures, and what bounds them: `pages.stats`)."""

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
    months = figures.month_counts(index)
    shown = figures.recent_months(months)
    drawn, earlier = figures.calendar_years(index)
    return ctx.render("stats.html", here, total=len(index.notes), days=len(index.days),
                      chart=figures.month_chart(shown, href, lang=lang), months_shown=len(shown), months_left=len(months) - len(shown),
                      first_month=shown[0] if shown else None,
                      year_chart=figures.year_chart(figures.year_counts(index), href, lang=lang) if len(months) > len(shown) else "",
                      heatmaps=[(y, figures.heatmap(index, y, href, lang=lang)) for y in drawn],
                      earlier=[(y, index.count_in(y)) for y in earlier],
                      # The list of 24 px links: the twins of the drawn months and days only (bounded as they are).
                      day_list=figures.day_list(index, [(m.year, m.month) for m in shown], drawn),
                      top=[(index.tags.get(s), n) for s, n in figures.top_tags(index)])


def plan(ctx: PageContext) -> Iterator[PlannedPage]:
    n = len(ctx.index.notes)
    yield PlannedPage(urls.stats(), TITLE, "statistics", partial(render_stats_page, ctx),
                      meta=partial(meta.listing, TITLE, ctx.settings, f"논문 노트 {n:,}개의 월별·태그별 통계",
                                   f"Statistics of {n:,} paper notes by month and tag"),
                      scripts=SCRIPTS)


FAMILY = Family("statistics", ("statistics",), plan, lambda index: {"statistics": urls.stats()})
