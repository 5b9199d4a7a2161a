"""Small HTML pieces that appear many times per page, built in Python and cached.

Tag chips and day links fill every listing page; as nested Jinja macros they cost more than
the rest of the page. The output is exactly what the `_macros.html` versions produced.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from markupsafe import Markup

from papernotes.site import urls
from papernotes.model import TagRegistry

_BI = Markup('<span class="pn-lang" lang="ko">%s</span><span class="pn-lang" lang="en">%s</span>')
_CHIP = Markup('<a class="pn-tag" href="%s" data-tag="%s" title="#%s">%s</a>')
_DAY = Markup('<a class="pn-date" href="%s"><time datetime="%s">%s</time></a>')


def bi(ko: str, en: str) -> Markup:
    """The same text in both languages; CSS shows the reader's."""
    return _BI % (ko, en)


class Fragments:
    """Builds tag chips and day links for one build; a chip is cached per tag and link text."""

    def __init__(self, tags: TagRegistry) -> None:
        self._tags = tags
        self._chips: dict[tuple[str, str], Markup] = {}

    def chip(self, slug: str, href: Callable[[str], str]) -> Markup:
        link = href(urls.tag(slug))
        html = self._chips.get((slug, link))
        if html is None:
            tag = self._tags.get(slug)
            html = self._chips[(slug, link)] = _CHIP % (link, slug, slug, bi(tag.ko, tag.en))
        return html

    def chips(self, slugs: tuple[str, ...], href: Callable[[str], str], skip: str | None = None) -> Markup:
        inner = Markup(" ").join(self.chip(s, href) for s in slugs if s != skip)
        return Markup('<span class="pn-tags">') + inner + Markup("</span>")

    bi = staticmethod(bi)

    @staticmethod
    def day_link(day: dt.date, href: Callable[[str], str]) -> Markup:
        iso = day.isoformat()
        return _DAY % (href(urls.day(day)), iso, iso)
