"""Links written into feeds and notes.json: absolute with site_url, else relative to the file."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import feedparser
import pytest

from papernotes.outputs import atom as feeds
from papernotes.catalog import urls
from papernotes.model import Note, Tag, TagRegistry

# (site_url, from_file, to, expected)
LINKS = [
    (None, "feed.xml", "notes/a.md", "notes/a/"),
    (None, "feed.xml", "index.md", "./"),
    (None, "tags/rl/feed.xml", "notes/a.md", "../../notes/a/"),
    (None, "tags/rl/feed.xml", "tags/rl.md", "./"),
    (None, "tags/rl/feed.xml", "tags/rl/feed.xml", "feed.xml"),
    (None, "notes.json", "tags/rl/papernotes.bib", "tags/rl/papernotes.bib"),
    (None, "authors/김-철수/feed.xml", "tags/rl.md", "../../tags/rl/"),
    (None, "authors/김-철수/feed.xml", "authors/김-철수.md", "./"),
    (None, "tags/rl/feed.xml", "tags/rlhf.md", "../rlhf/"),
    ("https://x.org/site/", "tags/rl/feed.xml", "notes/a.md", "https://x.org/site/notes/a/"),
    ("https://x.org/site", "feed.xml", "index.md", "https://x.org/site/"),
    ("https://x.org/", "feed.xml", "notes/한국어.md", "https://x.org/notes/%ED%95%9C%EA%B5%AD%EC%96%B4/"),
]


@pytest.mark.parametrize(("site_url", "from_file", "to", "expected"), LINKS)
def test_link(site_url: str | None, from_file: str, to: str, expected: str) -> None:
    assert urls.link(site_url, from_file, to) == expected


def test_feed_escapes_markup_in_titles_and_content() -> None:
    tags = (Tag("rl", "강화학습", "RL"),)
    reg = TagRegistry(tags=tags, lookup={"rl": "rl"}, by_slug={"rl": tags[0]})
    note = Note(slug="n", source="n.md", title='<script>alert("x")</script> & Co', authors=("Ada & Bob",),
                date=dt.date(2025, 1, 2), tags=("rl",), ko="보상 <b>", en="x")
    info = feeds.FeedInfo(urls.feed("rl"), "site & more", urls.tag("rl"), "site", None)
    xml = feeds.render_feed(info, (note,), reg, lambda n: "<p>보상 &amp; <em>x</em></p>", lambda n: "보상 <b>")
    parsed = feedparser.parse(xml.encode("utf-8"))
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.title == "site & more"
    entry = parsed.entries[0]
    assert entry.title == '<script>alert("x")</script> & Co'
    assert entry.content[0].value == "<p>보상 &amp; <em>x</em></p>"
    assert entry.link == "../../notes/n/"
    assert entry.id == feeds.entry_id("site", "n") and entry.id.startswith("urn:uuid:")
    assert entry.updated.startswith("2025-01-02")


def test_summary_feed_keeps_every_value_as_written() -> None:
    """An author's feed (summaries, no content): titles, names, tag labels and summaries with
    XML's special characters, quotes and line breaks reach a strict XML parser unchanged."""
    tags = (Tag("rl", '강화 "학습" & <b>', "RL\tand\nmore"),)
    reg = TagRegistry(tags=tags, lookup={"rl": "rl"}, by_slug={"rl": tags[0]})
    notes = [Note(slug=f"n{i}", source=f"n{i}.md", title=f'A <{i}> & "B"', authors=("Ada & Bob", 'C "D"', ""),
                  date=dt.date(2025, 1, 9 - i), tags=("rl",), ko="x", en="y", arxiv="2401.00001") for i in range(3)]
    info = feeds.FeedInfo("authors/ada/feed.xml", "site: Ada & <Bob>", "authors/ada.md", "site", None)
    summaries = {"n0": "", "n1": "보상 <b> & \r\n", "n2": "]]> end"}
    xml = feeds.render_feed(info, notes, reg, None, lambda n: summaries[n.slug], limit=2)
    root = ET.fromstring(xml.encode("utf-8"))
    ns = {"a": feeds.ATOM}
    assert root.findtext("a:title", namespaces=ns) == "site: Ada & <Bob>"
    entries = root.findall("a:entry", ns)
    assert [e.findtext("a:title", namespaces=ns) for e in entries] == ['A <0> & "B"', 'A <1> & "B"']
    assert [n.text or "" for n in entries[0].findall("a:author/a:name", ns)] == ["Ada & Bob", 'C "D"', ""]
    category = entries[0].find("a:category", ns)
    assert category.get("label") == 'RL\tand\nmore · 강화 "학습" & <b>' and category.get("scheme") == "../../tags/rl/"
    assert [e.findtext("a:summary", namespaces=ns) or "" for e in entries] == ["", "보상 <b> & \n"]  # XML reads CR LF as LF
    assert entries[1].find("a:link[@rel='related']", ns).get("href") == "https://arxiv.org/abs/2401.00001"
    assert all(e.find("a:content", ns) is None for e in entries)


def test_empty_feed_is_valid() -> None:
    reg = TagRegistry(tags=(), lookup={}, by_slug={})
    info = feeds.FeedInfo(urls.feed(), "s", urls.home(), "s", None)
    parsed = feedparser.parse(feeds.render_feed(info, (), reg, str, str).encode())
    assert not parsed.bozo and parsed.entries == []
