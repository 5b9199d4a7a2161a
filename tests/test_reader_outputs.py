"""Feeds, BibTeX files, notes.json and the browse index of a real build, checked against the notes."""

from __future__ import annotations

from typing import TYPE_CHECKING
import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import bibtexparser
import feedparser
import pytest
import yaml

from conftest import BUNDLED_DATA, READER_NOTES, make_site, shared_build
from papernotes.catalog import urls
from papernotes.outputs import atom

if TYPE_CHECKING:
    from papernotes.catalog.index import SiteIndex

SITE_URL = "https://example.org/papers/"


@pytest.fixture(scope="module")
def index(reader_index):  # noqa: ANN001, ANN201 - the session's (conftest.py)
    return reader_index


@pytest.fixture(scope="module")
def absolute_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def make(folder: Path) -> Path:
        site = make_site(folder, notes=READER_NOTES)
        config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
        config["site_url"] = SITE_URL
        (site / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return site

    return shared_build(tmp_path_factory, "reader-abs-site", make)


def page_file(site: Path, url: str) -> Path:
    """The built file behind a site-root-relative URL such as `notes/x/`."""
    return site / url / "index.html" if url.endswith("/") or url == "" else site / url


def test_site_feed_lists_newest_notes(reader_build: Path, index: SiteIndex) -> None:
    feed = feedparser.parse((reader_build / urls.feed()).read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert [e.title for e in feed.entries] == [n.title for n in index.notes]
    base = "http://host/" + urls.feed()
    for entry, note in zip(feed.entries, index.notes):
        target = urljoin(base, entry.link)
        assert target == "http://host/" + urls.src_to_url(urls.note(note.slug))
        assert page_file(reader_build, target.removeprefix("http://host/")).is_file()
        assert [t.term for t in entry.tags] == list(note.tags)
        assert entry.published.startswith(note.date.isoformat())
        assert [a.name for a in entry.authors] == list(note.authors)
        text = entry.content[0].value
        first_words = (note.ko or note.en).split()[0]
        assert first_words in text


@pytest.mark.parametrize("tag", ["reward-model", "rl", "safety", "unused-tag"])
def test_tag_feeds(reader_build: Path, index: SiteIndex, tag: str) -> None:
    feed = feedparser.parse((reader_build / urls.feed(tag)).read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert [e.title for e in feed.entries] == [n.title for n in index.by_tag[tag][:atom.TAG_FEED_SIZE]]
    # A tag's entries carry a summary (the start of the commentary), not the whole note: a note is
    # in the feeds of all its tags (issue 24); the site's feed carries the whole commentary.
    assert all(e.summary for e in feed.entries)
    assert "<content" not in (reader_build / urls.feed(tag)).read_text(encoding="utf-8")
    for entry, note in zip(feed.entries, index.by_tag[tag]):
        assert (note.ko or note.en).split()[0] in entry.summary
    assert all(tag in [t.term for t in e.tags] for e in feed.entries)


def test_feeds_use_site_url_when_set(absolute_build: Path) -> None:
    feed = feedparser.parse((absolute_build / urls.feed("rl")).read_bytes())
    assert not feed.bozo
    assert feed.entries and all(e.link.startswith(SITE_URL + "notes/") for e in feed.entries)
    assert feed.feed.link == SITE_URL + "tags/rl/"


class _Heads(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.alternates: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        # Feed readers match the rel token, not the whole value (tag feeds say "alternate feed").
        if tag == "link" and "alternate" in (a.get("rel") or "").split() and a.get("type") == "application/atom+xml":
            self.alternates.append(a)


@pytest.mark.parametrize(("page", "feeds"), [
    ("index.html", [urls.feed()]),
    ("notes/zeta/index.html", [urls.feed()]),
    ("about/index.html", [urls.feed()]),
    ("tags/rl/index.html", [urls.feed("rl"), urls.feed()]),   # its own first: a feed reader takes the first
])
def test_pages_link_their_feeds(reader_build: Path, page: str, feeds: list[str]) -> None:
    parser = _Heads()
    parser.feed((reader_build / page).read_text(encoding="utf-8"))
    base = "http://host/" + page.removesuffix("index.html")
    assert [urljoin(base, a["href"]) for a in parser.alternates] == ["http://host/" + f for f in feeds]


@pytest.mark.parametrize("tag", [None, "reward-model", "safety"])
def test_bib_files(reader_build: Path, index: SiteIndex, tag: str | None) -> None:
    library = bibtexparser.parse_string((reader_build / urls.bibtex(tag)).read_text(encoding="utf-8"))
    assert not library.failed_blocks
    notes = index.by_tag[tag] if tag else index.notes
    assert [e.key for e in library.entries] == [n.slug for n in notes]
    for entry, note in zip(library.entries, notes):
        if note.arxiv:
            assert entry["eprint"] == note.arxiv


def test_notes_json(reader_build: Path, index: SiteIndex) -> None:
    doc = json.loads((reader_build / urls.notes_json()).read_text(encoding="utf-8"))
    assert doc["schema"] == "papernotes.notes/1"
    assert doc["count"] == len(index.notes) == len(doc["notes"])
    for record, note in zip(doc["notes"], index.notes):
        assert record["slug"] == note.slug
        assert record["title"] == note.title
        assert record["authors"] == list(note.authors)
        assert record["date"] == note.date.isoformat()
        assert record["tags"] == list(note.tags)
        assert record["arxiv"] == note.arxiv
        assert (record["ko"], record["en"], record["abstract"]) == (note.ko, note.en, note.abstract)
        assert page_file(reader_build, record["links"]["page"]).is_file()
        if note.arxiv:
            assert record["links"]["arxiv_pdf"] == urls.arxiv_pdf(note.arxiv)
    counts = {t["slug"]: t["count"] for t in doc["tags"]}
    assert counts == {slug: len(notes) for slug, notes in index.by_tag.items()}
    for tag in doc["tags"]:
        assert (reader_build / tag["feed"]).is_file() and (reader_build / tag["bibtex"]).is_file()


def test_notes_json_takes_every_schema_field_and_section(reader_build: Path, index: SiteIndex) -> None:
    """A field added to `schema.FIELDS` is either in `notes_json.KEYS` or listed here by name."""
    from papernotes.outputs.notes_json import KEYS
    from papernotes.schema import FIELD_NAMES, SECTIONS

    assert [name for name in FIELD_NAMES if name not in KEYS] == [], "place these fields in notes_json.KEYS"
    assert [name for name in KEYS if name not in FIELD_NAMES] == [], "notes_json.KEYS names fields the schema lacks"
    doc = json.loads((reader_build / urls.notes_json()).read_text(encoding="utf-8"))
    # `mentions` is not written in a note: the build reads it from the note's text (issue 21).
    expected = ["slug"] + [KEYS[n] for n in KEYS if KEYS[n]] + ["mentions"] + [s.key for s in SECTIONS] + ["links"]
    assert all(list(record) == expected for record in doc["notes"])
    with_url = [n for n in index.notes if n.url]
    assert with_url and all(r["paper_url"] == n.url for r, n in zip(doc["notes"], index.notes))


def test_notes_json_absolute_links(absolute_build: Path) -> None:
    doc = json.loads((absolute_build / urls.notes_json()).read_text(encoding="utf-8"))
    assert doc["site_url"] == SITE_URL
    assert all(r["links"]["page"] == SITE_URL + f"notes/{r['slug']}/" for r in doc["notes"])


def test_browse_index(reader_build: Path, index: SiteIndex) -> None:
    doc = json.loads((reader_build / urls.browse_index()).read_text(encoding="utf-8"))
    slugs = [t[0] for t in doc["tags"]]
    assert slugs == [t.slug for t in index.tags.tags]
    size = doc["shard"]
    files = -(-len(doc["notes"]) // size)
    snippets = [row for k in range(files)
                for row in json.loads((reader_build / doc["snippets"].replace("{n}", str(k))).read_text(encoding="utf-8"))]
    assert len(snippets) == len(doc["notes"])
    rows = {r[0]: r + s for r, s in zip(doc["notes"], snippets)}
    assert list(rows) == [n.slug for n in index.notes]
    for note in index.notes:
        slug, title, date, tags, ko, en = rows[note.slug]
        assert (title, date) == (note.title, note.date.isoformat())
        assert [slugs[i] for i in tags] == list(note.tags)
        assert page_file(reader_build, doc["note"].replace("{slug}", slug)).is_file()
    assert rows["particle-a"][4] == "이 방법은 보상을 다시 정의한다."
    assert rows["particle-a"][5] == "Redefines the training signal."


def test_note_page_has_related_notes_and_bibtex(reader_build: Path) -> None:
    html = (reader_build / "notes" / "zeta" / "index.html").read_text(encoding="utf-8")
    related = html.split('class="pn-related"', 1)[1].split("</section>", 1)[0]
    # zeta has reward-model (4 notes), rl (4) and safety (3). gamma shares two tags; escape shares
    # the rarer safety; then reward-model/rl notes, newest first: alpha (2024) does not make the five.
    found = [part.split('"', 1)[0] for part in related.split('<li data-slug="')[1:]]
    assert found == ["gamma", "escape", "epsilon", "particle-b", "particle-a"]
    assert "@misc{zeta," in html


def test_stats_page_links_day_pages(reader_build: Path, index: SiteIndex) -> None:
    html = (reader_build / "stats" / "index.html").read_text(encoding="utf-8")
    for day in index.days:
        assert f'data-day="{day.isoformat()}"' in html
        assert page_file(reader_build, urls.src_to_url(urls.day(day))).is_file()


class _Links(HTMLParser):
    def __init__(self, css_class: str) -> None:
        super().__init__()
        self.css_class, self.inside, self.hrefs = css_class, 0, []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if self.css_class in (a.get("class") or "").split():
            self.inside += 1
        elif tag == "a" and self.inside:
            self.hrefs.append(a["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self.inside:
            self.inside -= 1


@pytest.mark.parametrize(("page", "targets"), [
    ("index.html", [urls.feed(), urls.bibtex(), urls.notes_json(), "stats/"]),
    ("tags/safety/index.html", [urls.feed("safety"), urls.bibtex("safety"), urls.references("ris", urls.tag_folder("safety")),
                                urls.references("csl", urls.tag_folder("safety"))]),
])
def test_download_links(reader_build: Path, page: str, targets: list[str]) -> None:
    parser = _Links("pn-downloads")
    parser.feed((reader_build / page).read_text(encoding="utf-8"))
    base = "http://host/" + page.removesuffix("index.html")
    found = [urljoin(base, h).removeprefix("http://host/") for h in parser.hrefs]
    assert found == targets
    assert all(page_file(reader_build, t).is_file() for t in found)


@pytest.mark.parametrize("per_part", [1, 2, 1000])
def test_notes_json_written_in_parts_is_one_compact_document(reader_build: Path, index: SiteIndex, per_part: int,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """`notes.json` is written a few hundred notes at a time (outputs/notes_json.py): however
    it is cut, the parts make the built file, which is the compact dump of its own document."""
    from papernotes.outputs import notes_json as module

    monkeypatch.setattr(module, "NOTES_PER_PART", per_part)
    parts = list(module.notes_json_parts(index, "papernotes", None))
    assert len(parts) == 2 + -(-len(index.notes) // per_part)
    text = "".join(parts)
    assert text == (reader_build / urls.notes_json()).read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":")) + "\n"


def test_list_items_name_other_tags_in_the_readers_language(bundled_build: Path) -> None:
    """Related notes, tag and author pages named a note's other tags by slug (`#reward-model`):
    English words for a Korean reader, beside chips that said 보상 모델. Each is the tag's name in
    both languages now (CSS shows the reader's), and no list keeps a slug."""
    from bs4 import BeautifulSoup

    tags = yaml.safe_load((BUNDLED_DATA / "tags.yml").read_text(encoding="utf-8"))
    page = BeautifulSoup((bundled_build / "notes" / "think-rm" / "index.html").read_text(encoding="utf-8"), "html.parser")
    related = page.select_one("#related").find_next("ol")
    assert related.select(".pn-meta") and not related.select(".pn-hashtag")
    assert {n.get_text() for n in related.select('.pn-meta .pn-lang[lang="ko"]')} == {tags["reward-model"]["ko"]}
    assert {n.get_text() for n in related.select('.pn-meta .pn-lang[lang="en"]')} == {tags["reward-model"]["en"]}
    tag_page = BeautifulSoup((bundled_build / "tags" / "reward-model" / "index.html").read_text(encoding="utf-8"), "html.parser")
    items = tag_page.select("li.pn-item .pn-meta")
    assert items and not [i for i in items if i.select(".pn-hashtag")]
    assert any(n.get_text() == "RLHF" for i in items for n in i.select('span[lang="en"]'))
