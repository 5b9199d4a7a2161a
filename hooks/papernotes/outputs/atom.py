"""Atom feeds (RFC 4287): one for the whole site and one per tag.

Links are absolute when `site_url` is set in mkdocs.yml. Without it they are relative to the
feed's own URL, which Atom allows (IRI references, resolved against the document) and feed
readers resolve; the hook says so in the build log. Entry ids never depend on the site URL
(`urn:uuid` from the site name and note slug), so moving the site does not make readers show
every note again.
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Sequence

from papernotes.catalog import urls
from papernotes.model import Note, TagRegistry
from papernotes.outputs.citation import listed_authors

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50
"""Entries of the site's feed: the newest notes."""
TAG_FEED_SIZE = 20
"""Entries of each tag's feed. A feed reader polls a feed and keeps what it saw, so a feed
needs only what appeared since the last poll; a new subscriber sees the tag's 20 newest notes
(the tag page lists all of them). 150 tag feeds of 50 whole entries were 6.5 kB of output per
note at 2,000 notes (issue 24); their entries are summaries too (the start of the commentary and
a link): a note is in every one of its tags' feeds, and the site's feed has the whole text."""


@dataclass(frozen=True)
class FeedInfo:
    """What a feed is about, besides its notes."""

    path: str
    """The feed file, e.g. `feed.xml` or `tags/rl/feed.xml` (see `urls.feed`)."""
    title: str
    """Feed title."""
    page: str
    """Source of the HTML page the feed mirrors (`index.md`, `tags/rl.md`)."""
    site_name: str
    """Site name: the feed's author and part of every entry id."""
    site_url: str | None = None
    """`site_url` from mkdocs.yml, or None."""


@lru_cache(maxsize=None)
def entry_id(site_name: str, slug: str) -> str:
    """A note's entry id (the same in every feed it is in: made once per build and note)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"papernotes:{site_name}:note:{slug}").urn


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


# Hack: ElementTree's own escaping functions (private), so the feed is byte for byte what
# `ET.tostring` wrote when the feeds were element trees (compared on 240 feeds when this changed;
# tests/test_reader_urls.py reads hostile values back through a strict XML parser).
_text = ET._escape_cdata  # type: ignore[attr-defined]
_attr = ET._escape_attrib  # type: ignore[attr-defined]


def _element(tag: str, text: str | None = None, **attrs: str) -> str:
    """One element as `ET.tostring` writes it: attributes in order, `<tag ... />` when it has no text."""
    head = "<" + tag + "".join(f' {name}="{_attr(value)}"' for name, value in attrs.items())
    return f"{head}>{_text(text)}</{tag}>" if text else head + " />"


def render_feed(info: FeedInfo, notes: Sequence[Note], tags: TagRegistry,
                content: Callable[[Note], str] | None, summary: Callable[[Note], str], limit: int = FEED_SIZE) -> str:
    """The Atom document for `notes` (newest first; the first `limit` are included);
    `content(note)` is the entry's HTML (None: summaries only, as author feeds are, since a
    note appears in every one of its authors' feeds), `summary(note)` its plain-text summary,
    written only where there is no content (RFC 4287 asks for a summary only beside content that
    is not inline; readers make their previews from the content).

    Written as text, one line per element of the feed (each entry whole on its line) instead of
    indenting every nested element: a feed reader ignores the whitespace, and the indentation was
    a sixth of the feeds (issue 24). Text rather than an element tree: the site writes thousands
    of feeds (every tag's and author's), and building and serialising trees was most of the
    exports writer's time."""
    link = lambda to: urls.link(info.site_url, info.path, to)
    lines = [
        _element("title", info.title),
        _element("id", uuid.uuid5(uuid.NAMESPACE_URL, f"papernotes:{info.site_name}:feed:{info.path}").urn),
        _element("link", rel="self", type="application/atom+xml", href=link(info.path)),
        _element("link", rel="alternate", type="text/html", href=link(info.page)),
        _element("updated", _stamp(notes[0].date) if notes else "1970-01-01T00:00:00Z"),
        "<author>" + _element("name", info.site_name) + "</author>",
        _element("generator", "papernotes"),
    ]
    for note in notes[:limit]:
        stamp = _stamp(note.date)
        parts = [_element("title", note.title), _element("id", entry_id(info.site_name, note.slug)),
                 _element("link", rel="alternate", type="text/html", href=link(urls.note(note.slug)))]
        if note.arxiv:
            parts.append(_element("link", rel="related", type="text/html", href=urls.arxiv_abs(note.arxiv)))
        parts += (_element("updated", stamp), _element("published", stamp))
        parts += ["<author>" + _element("name", name) + "</author>" for name in listed_authors(note)]
        for slug in note.tags:
            tag = tags.get(slug)
            parts.append(_element("category", term=slug, label=f"{tag.en} · {tag.ko}", scheme=link(urls.tag(slug))))
        if content is not None:  # the whole commentary: a summary would repeat its start (issue 24)
            parts.append(_element("content", content(note), type="html"))
        else:
            parts.append(_element("summary", summary(note)))
        lines.append("<entry>" + "".join(parts) + "</entry>")
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="{ATOM}">\n' + "\n".join(lines) + "\n</feed>\n")
