"""Small HTML pieces that appear many times per page, built in Python and cached.

Tag chips and day links fill every listing page; as nested Jinja macros they cost more than
the rest of the page. The output is exactly what the `_macros.html` versions produced.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Callable

from markupsafe import Markup, escape

from papernotes.catalog import urls
from papernotes.model import Note, TagRegistry
from papernotes.names import name_separator, right_to_left
from papernotes.report import count

_BI = Markup('<span class="pn-lang" lang="ko">%s</span><span class="pn-lang" lang="en">%s</span>')
# No data-tag: the href names the tag, and no script reads it (the browse filter's chips are its own).
_CHIP = Markup('<a class="pn-tag" href="%s" title="#%s">%s</a>')
# No datetime attribute: a <time> whose text is a valid date string is that date (HTML's rule),
# and a `datetime` repeating it was 23 bytes of every listed note (issue 24).
_DAY = Markup('<a class="pn-date" href="%s"><time>%s</time></a>')
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_LATIN = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
_LETTER = re.compile(r"[^\W\d_]")
# Interface text that is neither language's own: names of things (arXiv, BibTeX) and tag slugs.
_NAME = Markup('<span lang="en">%s</span>')
_ISOLATED = Markup("<bdi>%s</bdi>")
_HASHTAG = Markup('<span class="pn-hashtag" lang="en">#%s</span>')


@lru_cache(maxsize=8192, typed=True)  # typed: a Markup and a str of the same text escape differently
def bi(ko: str, en: str) -> Markup:
    """The same text in both languages; CSS shows the reader's. Most calls name interface text (a
    heading, a label), the same on every page: made once."""
    return _BI % (ko, en)


en_count = count
"""An English count: "1 note", "2 notes", "10,000 notes" (`report.count`; a Korean count takes its
counter word, 개, 명, 일, and the same grouping, `num`)."""


def num(n: int) -> str:
    """A count as both languages write it: digits grouped by thousands (10,000; 노트 10,000개)."""
    return f"{n:,}"


def note_link(note: Note, href: Callable[[str], str]) -> str:
    """A link to a note with its preview card, from the page `href` makes links for: the note's
    title as written, marked with its language (related notes, lineage, backlinks, the map)."""
    return (f'<a href="{escape(href(urls.note(note.slug)))}" data-pn-preview '
            f'lang="{text_lang(note.title)}">{escape(note.title)}</a>')


def label(ko: str, en: str, attribute: str = "aria-label") -> Markup:
    """An attribute (an accessible name, a tooltip) in both languages: the Korean value, and both
    values in `data-pn-ko-*` / `data-pn-en-*` for lang.js to swap when the language changes
    (CSS cannot switch an attribute's text)."""
    return Markup('%s="%s" data-pn-ko-%s="%s" data-pn-en-%s="%s"') % (attribute, ko, attribute, ko, attribute, en)


def split_pair(text: str) -> tuple[str, str] | None:
    """(Korean, English) of a theme string written `English · 한국어` (or the other way round) in
    mkdocs.yml (navigation titles, the palette switch's names); None when it is not such a pair."""
    parts = [p.strip() for p in text.split(" · ")]
    if len(parts) != 2 or not all(parts):
        return None
    ko = [p for p in parts if _HANGUL.search(p)]
    en = [p for p in parts if not _HANGUL.search(p)]
    if len(ko) != 1 or len(en) != 1:
        return None
    # What a page's title adds after its pair belongs to both halves (`Authors · 저자: K`,
    # `Reward model · 보상 모델 (2)`), as lang.js reads the tab's title: English said `Authors`.
    shared = _SHARED_TAIL.search(parts[1])[0] if parts[1] == ko[0] else ""
    return ko[0], en[0] + shared if shared and _HANGUL.search(ko[0][: -len(shared)]) else en[0]


_SHARED_TAIL = re.compile(r"(?:: \S+)?(?: \(\d+\))?$")
"""An index's letter and a page's number after a title's pair (docs/assets/lang.js, `titleIn`)."""


def theme_text(text: str) -> Markup:
    """A title printed by the theme (which prints titles as HTML, see the hook): a pair becomes
    the two languages' spans; anything else (a paper's title, `#tag`, a date) is marked with the
    language it is written in."""
    html = Markup(str(text))  # already HTML: mkdocs.yml text, or a title the hook escaped
    pair = split_pair(str(text))
    if pair is not None:
        return _BI % (Markup(pair[0]), Markup(pair[1]))
    return Markup('<span lang="%s">%s</span>') % (text_lang(html.striptags()), html)


def theme_lang(text: str) -> str:
    """The `lang` of a theme string, or '' for a pair (whose two spans carry their own)."""
    return "" if split_pair(str(text)) is not None else text_lang(Markup(str(text)).striptags())


def theme_label(text: str, attribute: str = "aria-label") -> Markup:
    """`label()` for a theme string that may be a pair; a plain string is one attribute as is."""
    pair = split_pair(str(text))
    if pair is None:
        return Markup('%s="%s"') % (attribute, str(text))
    return label(pair[0], pair[1], attribute)


def text_lang(text: str) -> str:
    """The `lang` of paper metadata as written: `ko` when it holds Hangul; `""` (unknown, in
    HTML) when its letters are of another script and none is Latin (محمد علي, 张伟, Ελένη),
    which `en` would have a screen reader read as English; else `en`.

    Titles, authors and organisations are shown as written in either interface language;
    marking them keeps screen readers' pronunciation right and tells them apart from the
    interface text, which follows the switch.
    """
    if _HANGUL.search(text):
        return "ko"
    return "" if not _LATIN.search(text) and _LETTER.search(text) else "en"


def isolate(shown: object, name: str | None = None) -> Markup:
    """`shown` (a name, or HTML showing the name `name`), escaped, and isolated (`<bdi>`) when the
    name is written right to left: beside left-to-right text (a comma, a count, a date) the
    bidirectional algorithm would carry its neighbours into it (`محمد علي 1` read `1 محمد علي`)."""
    return _ISOLATED % shown if right_to_left(str(shown) if name is None else name) else escape(shown)


def name(text: str) -> Markup:
    """A proper name in Latin letters (arXiv, BibTeX, Hugging Face) inside interface text."""
    return _NAME % text


def hashtags(slugs: tuple[str, ...] | list[str]) -> Markup:
    """Tag slugs as `#slug` words that never break inside (`#reward-model` stays whole)."""
    return Markup(" ").join(_HASHTAG % s for s in slugs)


def authors(names: tuple[str, ...], limit: int | None = None,
            link: Callable[[str, Callable[[str], str]], Markup] | None = None,
            href: Callable[[str], str] | None = None) -> Markup:
    """The author list as written, each name marked with its own language when the list mixes
    them; with `link` and `href` (`PageContext.author_link`), names with an author page link to it.
    Names are separated by `, `, or by `; ` when one has a comma (`Smith, John; Henry Ford, Jr.`),
    as the daily post writes them."""
    shown = names if limit is None else names[:limit]
    shown_as: Callable[[str], object] = (lambda n: link(n, href)) if link is not None and href is not None else (lambda n: n)

    def show(n: str) -> object:  # a right-to-left name isolated from the commas and the date beside it
        return isolate(shown_as(n), n)
    sep = Markup(name_separator(names))
    langs = {text_lang(n) for n in shown}
    if len(langs) == 1:
        inner = sep.join(show(n) for n in shown)
        outer = langs.pop()
    else:
        inner = sep.join(Markup('<span lang="%s">%s</span>') % (text_lang(n), show(n)) for n in shown)
        outer = "en"
    if limit is not None and len(names) > limit:
        inner += sep + Markup("… (+%d)") % (len(names) - limit)
    return Markup('<span class="pn-authors" lang="%s">%s</span>') % (outer, inner)


class Fragments:
    """Builds tag chips and day links for one build; a chip is cached per tag and link text."""

    def __init__(self, tags: TagRegistry) -> None:
        self._tags = tags
        self._chips: dict[tuple[str, str], Markup] = {}
        self._names: dict[str, Markup] = {}

    def chip(self, slug: str, href: Callable[[str], str]) -> Markup:
        link = href(urls.tag(slug))
        html = self._chips.get((slug, link))
        if html is None:
            tag = self._tags.get(slug)
            html = self._chips[(slug, link)] = _CHIP % (link, slug, bi(tag.ko, tag.en))
        return html

    def tag_names(self, slugs: tuple[str, ...] | list[str]) -> Markup:
        """Tags named in the reader's language, unlinked (a list item's other tags: `#reward-model`
        showed a Korean reader the English slug where the chips beside it said 보상 모델)."""
        return Markup(", ").join(self._name(s) for s in slugs)

    def _name(self, slug: str) -> Markup:
        html = self._names.get(slug)
        if html is None:
            tag = self._tags.get(slug)
            # No wrapper of its own: a tag's name is listed on every item of tag and author pages
            # (each byte here is ~3 kB a note at 10,000 notes, issue 24).
            html = self._names[slug] = (bi(tag.ko, tag.en) if tag.ko != tag.en
                                        else Markup('<span lang="%s">%s</span>') % (text_lang(tag.en), tag.en))
        return html

    def chips(self, slugs: tuple[str, ...], href: Callable[[str], str], skip: str | None = None) -> Markup:
        inner = Markup(" ").join(self.chip(s, href) for s in slugs if s != skip)
        return Markup('<span class="pn-tags">') + inner + Markup("</span>")

    bi = staticmethod(bi)
    en_count = staticmethod(en_count)
    label = staticmethod(label)
    text_lang = staticmethod(text_lang)
    isolate = staticmethod(isolate)
    name_separator = staticmethod(name_separator)
    name = staticmethod(name)
    hashtags = staticmethod(hashtags)
    authors = staticmethod(authors)

    @staticmethod
    def day_link(day: dt.date, href: Callable[[str], str]) -> Markup:
        iso = day.isoformat()
        return _DAY % (href(urls.day(day)), iso)
