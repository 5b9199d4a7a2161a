"""What a page tells link previews and search engines: its description, Open Graph and Twitter
fields, and where to edit it. The theme (`overrides/main.html`) prints them in the page head.

Descriptions are plain text in the site's default language, at most `DESCRIPTION_LIMIT`
characters (cut at a word, with an ellipsis). Values are plain text: the template escapes them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from papernotes.config import Settings
from papernotes.markup import HtmlCache, snippet
from papernotes.model import Note, Tag
from papernotes.site.index import SiteIndex

DESCRIPTION_LIMIT = 160
LOCALES = {"ko": "ko_KR", "en": "en_US"}


@dataclass(frozen=True)
class PageMeta:
    """One page's head metadata."""

    title: str
    """`og:title`: the page's title, plain text."""
    description: str
    """`description` and `og:description`, plain text."""
    type: str = "website"
    """`og:type`: `article` for a note, `website` otherwise."""
    published: str | None = None
    """`article:published_time` (ISO date) on note pages."""
    tags: tuple[str, ...] = ()
    """`article:tag` values on note pages (tag slugs)."""

    def as_dict(self, settings: Settings, url: str | None) -> dict[str, object]:
        """What the theme reads from `page.meta.pn_meta`; `url`: the page's absolute URL, or None."""
        alternate = "en" if settings.default_lang == "ko" else "ko"
        return {"title": self.title, "description": self.description, "type": self.type,
                "published": self.published, "tags": list(self.tags), "url": url,
                "locale": LOCALES[settings.default_lang], "locale_alternate": LOCALES[alternate],
                "site_name": settings.site_name}


def _bi(settings: Settings, ko: str, en: str) -> str:
    return ko if settings.default_lang == "ko" else en


def _cut(text: str) -> str:
    return snippet(str(_plain(text)), DESCRIPTION_LIMIT)


def _plain(text: str) -> str:
    return " ".join(text.split())


def _titles(notes: tuple[Note, ...] | list[Note], lead: str) -> str:
    return _cut(lead + ": " + " · ".join(_plain(n.title) for n in notes)) if notes else _cut(lead)


def note_meta(note: Note, settings: Settings, html: HtmlCache) -> PageMeta:
    parts = html.note_html(note)
    first, second = ("ko", "en") if settings.default_lang == "ko" else ("en", "ko")
    text = ""
    for field in (first, second, "abstract"):
        text = snippet(str(getattr(parts, field)), DESCRIPTION_LIMIT)
        if text:
            break
    return PageMeta(title=_plain(note.title), description=text or _plain(note.title), type="article",
                    published=note.date.isoformat(), tags=note.tags)


def tag_meta(tag: Tag, notes: tuple[Note, ...], total: int, title: str, settings: Settings) -> PageMeta:
    label = _bi(settings, tag.ko, tag.en)
    lead = _bi(settings, f"#{tag.slug} ({label}) 태그의 논문 노트 {total}개", f"{total} paper notes tagged #{tag.slug} ({label})")
    description = _bi(settings, tag.description_ko, tag.description_en)
    if description:
        lead += ". " + _plain(description)
    return PageMeta(title=title, description=_titles(notes, lead) if not description else _cut(lead))


def day_meta(day: dt.date, notes: tuple[Note, ...], title: str, settings: Settings) -> PageMeta:
    lead = _bi(settings, f"{day.year}년 {day.month}월 {day.day}일의 논문 노트 {len(notes)}개",
               f"{len(notes)} paper note{'s' if len(notes) != 1 else ''} of {day.strftime('%B %-d, %Y')}")
    return PageMeta(title=title, description=_titles(notes, lead))


def month_meta(year: int, month: int, notes: tuple[Note, ...], title: str, settings: Settings) -> PageMeta:
    lead = _bi(settings, f"{year}년 {month}월의 논문 노트 {len(notes)}개",
               f"{len(notes)} paper notes of {dt.date(year, month, 1).strftime('%B %Y')}")
    return PageMeta(title=title, description=_titles(notes, lead))


def home_meta(index: SiteIndex, settings: Settings) -> PageMeta:
    latest = index.days[0] if index.days else None
    lead = _bi(settings, f"머신러닝 논문 노트 {len(index.notes)}개 (한국어·영어)",
               f"{len(index.notes)} bilingual (Korean/English) notes on machine-learning papers")
    if latest is not None:
        lead += _bi(settings, f". 최근: {latest.isoformat()}", f". Latest: {latest.isoformat()}")
        return PageMeta(title=settings.site_name, description=_titles(index.by_day[latest], lead))
    return PageMeta(title=settings.site_name, description=_cut(lead))


def listing_meta(kind: str, title: str, index: SiteIndex, settings: Settings, year: int | None = None) -> PageMeta:
    """Tag index, archive, year, browse and statistics pages."""
    n = len(index.notes) if year is None else index.count_in(year)
    texts = {
        "tag_index": (f"태그 {len(index.tags.tags)}개와 태그마다의 논문 노트 수", f"All {len(index.tags.tags)} tags and how many paper notes each has"),
        "archive": (f"날짜별로 모은 논문 노트 {n}개", f"All {n} paper notes by date"),
        "year": (f"{year}년의 논문 노트 {n}개, 월별", f"{n} paper notes of {year}, by month"),
        "browse": (f"태그로 논문 노트 {n}개를 걸러 보기", f"Filter {n} paper notes by tag"),
        "stats": (f"논문 노트 {n}개의 월별·태그별 통계", f"Statistics of {n} paper notes by month and tag"),
        "wanted": ("노트에서 언급됐지만 아직 노트가 없는 논문", "Papers the notes mention that have no note yet"),
    }
    ko, en = texts[kind]
    return PageMeta(title=title, description=_cut(_bi(settings, ko, en)))
