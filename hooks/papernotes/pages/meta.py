"""What a page tells link previews and search engines: its description, Open Graph and Twitter
fields, and where to edit it. The theme (`overrides/main.html`) prints them in the page head;
each page family (`pages/families/`) says what its pages' descriptions are, with these helpers.

Descriptions are plain text in the site's default language, at most `DESCRIPTION_LIMIT`
characters (cut at a word, with an ellipsis). Values are plain text: the template escapes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from papernotes.config import Settings
from papernotes.markup import snippet
from papernotes.model import Note

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
    citation: tuple[tuple[str, str], ...] = ()
    """Highwire Press `citation_*` (name, content) pairs describing the paper, on note pages."""

    def as_dict(self, settings: Settings, url: str | None) -> dict[str, object]:
        """What the theme reads from `page.meta.pn_meta`; `url`: the page's absolute URL, or None."""
        alternate = "en" if settings.default_lang == "ko" else "ko"
        return {"title": self.title, "description": self.description, "type": self.type,
                "published": self.published, "tags": list(self.tags), "url": url,
                "locale": LOCALES[settings.default_lang], "locale_alternate": LOCALES[alternate],
                "site_name": settings.site_name, "citation": [list(pair) for pair in self.citation]}


def bi(settings: Settings, ko: str, en: str) -> str:
    """The text in the site's default language."""
    return ko if settings.default_lang == "ko" else en


def cut(text: str) -> str:
    return snippet(str(plain(text)), DESCRIPTION_LIMIT)


def plain(text: str) -> str:
    return " ".join(text.split())


def titles(notes: tuple[Note, ...] | list[Note], lead: str) -> str:
    """`lead`, then the notes' titles, cut to the description limit."""
    return cut(lead + ": " + " · ".join(plain(n.title) for n in notes)) if notes else cut(lead)


def numbered(title: str, page: int) -> str:
    """A listing page's title: the listing's, with its number from the second page on (`#rl (2)`)."""
    return title if page == 1 else f"{title} ({page})"


def listing(title: str, settings: Settings, ko: str, en: str) -> PageMeta:
    """A listing page's metadata: its title and a one-line description in the default language."""
    return PageMeta(title=title, description=cut(bi(settings, ko, en)))
