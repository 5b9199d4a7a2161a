"""Notes that know each other: mentions become links, lineage both ways, backlinks with their
sentence, the papers waiting for a note, the map, previews' files and notes.json."""

from __future__ import annotations

import html as htmllib
import re

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from conftest import make_site, run_cli, shared_build
from papernotes.catalog import urls
from papernotes.outputs.daily_post import day_post, parse_posts, round_trip_problems
from papernotes.markup import Converter
from papernotes.source.note import parse_note
from papernotes.source.tags import load_tag_registry

FIXTURE_TAGS = Path(__file__).parent / "fixtures" / "site" / "data" / "tags.yml"

LINK_NOTES = {
    "2025/base-paper.md": """---
title: "Base Paper: Reward Models"
authors: [Ada Lovelace]
date: 2025-01-10
tags: [reward-model]
arxiv: "2501.10001"
---

## 한국어

기초가 되는 보상 모델 논문.

## English

The reward model everyone builds on.
""",
    "2025/follow-up.md": """---
title: "Follow-up: Better Rewards"
authors: [Grace Hopper]
date: 2025-02-20
tags: [reward-model, rl]
arxiv: "2502.20002"
builds_on:
  - "2501.10001"
  - "1706.03762"
compares_with: ["hep-th/9108001"]
---

## 한국어

서론이다. 이 연구는 2501.10001 의 보상 모델을 확장한다. 코드 `2501.10001` 는 그대로 둔다.

## English

Intro. It extends arXiv:2501.10001v2 with a new loss. Compare https://arxiv.org/abs/hep-th/9108001 and the unnoted 2310.12345.
""",
    "2025/third.md": """---
title: "Third: Safety Later"
authors: [Alan Turing]
date: 2025-03-30
tags: [safety]
arxiv: "2503.30003"
---

## 한국어

[후속 연구](../follow-up/)를 참고하라. 2310.12345 도 아직 노트가 없다.

## English

See huggingface.co/papers/2501.10001 for the base. Math $x_{2501.10001}$ stays math.
""",
    "2025/draft-attention.md": """---
title: "Attention Is All You Need"
authors: [Ashish Vaswani]
date: 2025-04-01
tags: [rl]
arxiv: "1706.03762"
draft: true
---
""",
    "2024/old-school.md": """---
title: "Old School Parsing"
authors: [Noam Chomsky]
date: 2024-12-01
tags: [rl]
arxiv: "hep-th/9108001"
---

## 한국어

오래된 논문.

## English

An old paper.
""",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site plus LINK_NOTES, built once per run (test_links_browser.py serves the same)."""
    return shared_build(tmp_path_factory, "links-site", lambda folder: make_site(folder, notes=LINK_NOTES))


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def links_in(el) -> list[tuple[str, str]]:  # noqa: ANN001
    return [(a.get_text(), a["href"]) for a in el.find_all("a")]


# -- mentions in Markdown ---------------------------------------------------------------------

MENTIONS = [
    ("2501.12345-based 방법과 2501.12345-2, data-2501.12345-x.csv", ["2501.12345"]),  # a hyphen before a word (it was not linked)
    ("see 2504.06141.", ["2504.06141"]),
    ("see 2504.06141v2 and arXiv:2504.06141", ["2504.06141v2", "arXiv:2504.06141"]),
    ("old cs/0112017 and hep-th/9108001, math.GT/0309136", ["cs/0112017", "hep-th/9108001", "math.GT/0309136"]),
    ("https://arxiv.org/abs/2504.06141v1 and arxiv.org/pdf/2504.06141", ["https://arxiv.org/abs/2504.06141v1", "arxiv.org/pdf/2504.06141"]),
    ("https://huggingface.co/papers/2504.06141", ["https://huggingface.co/papers/2504.06141"]),
    ("`2504.06141` and $x_{2504.06141}$", []),
    ("```\n2504.06141\n```", []),
    ("    2504.06141 indented code", []),
    ("not ids: 2504.1234, 1.23456, 2013.12345, 2504.061412, x2504.06141, v1.2504.06141", []),
    ("Arabic-Indic digits: ٢٥٠٤.٠٦١٤١", []),
    ("month 13: 2513.06141, before 2007: 0612.0001", []),
    ("path and/1234567 or foo/0112017", []),
    # another site's link is no mention: a link to that site as written (a bare address is a link), not to arXiv
    ("another site's link: https://openreview.net/forum?id=2504.06141 or x.org/?p=1&id=2504.06141#2504.06141",
     ["https://openreview.net/forum?id=2504.06141"]),
    ("with a trailing slash: https://arxiv.org/abs/2504.06141/ ok", ["https://arxiv.org/abs/2504.06141/"]),
    # a URL's fragment or query is the mention's, a sentence's full stop is not
    ("https://huggingface.co/papers/2504.06141#community. Then https://arxiv.org/pdf/2504.06141.pdf#page=3)",
     ["https://huggingface.co/papers/2504.06141#community", "https://arxiv.org/pdf/2504.06141.pdf#page=3"]),
    # arXiv's HTML version and its export mirror name the paper as `url:` does (schema.ARXIV_PAGE)
    ("https://arxiv.org/html/2504.06141v2 와 http://export.arxiv.org/abs/2504.06141",
     ["https://arxiv.org/html/2504.06141v2", "http://export.arxiv.org/abs/2504.06141"]),
    # the same site with its default port or the root's dot, the id with its prefix (as a `url:` is read)
    ("https://arxiv.org:443/abs/2504.06141, https://arxiv.org./abs/2504.06141 and arxiv.org/abs/arXiv:2504.06141",
     ["https://arxiv.org:443/abs/2504.06141", "https://arxiv.org./abs/2504.06141", "arxiv.org/abs/arXiv:2504.06141"]),
    # arXiv's DOI names the paper too, bare, after `doi:` or as a doi.org address (it linked to doi.org, or was text)
    ("10.48550/arXiv.2504.06141, https://doi.org/10.48550/arXiv.2504.06141. doi:10.48550/arxiv.2504.06141 http://dx.doi.org/10.48550/ARXIV.2504.06141",
     ["10.48550/arXiv.2504.06141", "https://doi.org/10.48550/arXiv.2504.06141", "doi:10.48550/arxiv.2504.06141",
      "http://dx.doi.org/10.48550/ARXIV.2504.06141"]),
    # not arXiv's DOI prefix, nor an id inside a path
    ("10.1000/arXiv.2504.06141 and x.org/10.48550/arXiv.2504.06141", []),
    # struck through as on GitHub (its tildes showed, and the id was no link: a QA pass); a lone
    # tilde is text ("~2 to ~3", not a subscript)
    ("Strike ~~2504.06141~~ here, about ~2 to ~3 times", ["2504.06141"]),
]


@pytest.mark.parametrize("text, linked", MENTIONS)
def test_arxiv_mentions_become_links_outside_code_and_math(text: str, linked: list[str]) -> None:
    html = BeautifulSoup(Converter().convert(text), "html.parser")
    assert [a.get_text() for a in html.find_all("a")] == linked
    for a in html.find_all("a"):
        if "openreview" in a["href"]:
            assert a["href"] == a.get_text()
            continue
        assert a["href"].startswith("https://arxiv.org/abs/") and "v" not in a["href"].rsplit("/", 1)[1]


@pytest.mark.parametrize("text, links", [
    # A mention inside the author's own raw link was linked too: a link in a link, which the
    # sanitiser split, leaving the author's link empty (axe: link-name) or cut short.
    ('Raw <a href="https://example.org/r">arXiv:2502.23456</a> and 2501.12345.',
     [("https://example.org/r", "arXiv:2502.23456"), ("https://arxiv.org/abs/2501.12345", "2501.12345")]),
    ('B <a href="https://example.org/b">see 2501.12345 paper</a>.', [("https://example.org/b", "see 2501.12345 paper")]),
    ('x <a href="../a/">see *2501.12345* here</a> y', [("../a/", "see 2501.12345 here")]),
    # An id in raw <code> was linked (and listed on the wanted page), unlike one in backticks.
    ("raw <code>2508.11112</code> here", []),
    # A formula is kept whole as raw HTML too: what follows it is still read.
    ("Math $x_1$ then 2501.12345, <a href=\"../q/\">q</a> $y$ 2502.23456.",
     [("https://arxiv.org/abs/2501.12345", "2501.12345"), ("../q/", "q"), ("https://arxiv.org/abs/2502.23456", "2502.23456")]),
    # A raw element left open ends with its paragraph.
    ("open <code>x\n\nnext 2502.23456", [("https://arxiv.org/abs/2502.23456", "2502.23456")]),
])
def test_mentions_inside_raw_html_links_and_code_stay_as_written(text: str, links: list[tuple[str, str]]) -> None:
    html = BeautifulSoup(Converter().convert(text), "html.parser")
    assert [(a["href"], a.get_text()) for a in html.find_all("a")] == links


# -- lineage in the front matter --------------------------------------------------------------

NOTE_HEAD = '---\ntitle: "X"\nauthors: [A]\ndate: 2025-04-09\ntags: [rl]\narxiv: "2504.06141"\n'
NOTE_BODY = "---\n\n## 한국어\n\n가.\n\n## English\n\na.\n"
LINEAGE_PROBLEMS = [
    ('builds_on:\n  - "1706.03762"\n  - "1706.03762"\n', (9, 5, "builds_on[1]", "duplicate-id", "listed twice in `builds_on:`; delete this line")),
    # One line holding the list: "delete this line" dropped the first id too (a QA pass); an old-style id written
    # two ways is named as written.
    ('builds_on: ["2305.18290", "1706.03762", "1706.03762"]\n', (7, 41, "builds_on[2]", "duplicate-id",
                                                                 "take this '1706.03762' out of the list")),
    ('compares_with: ["math/0309136", "math.GT/0309136"]\n', (7, 33, "compares_with[1]", "duplicate-id",
                                                             "(written 'math.GT/0309136' here: the same paper)")),
    ('builds_on:\n  - "2504.06141"\n', (8, 5, "builds_on[0]", "lineage-self", "own paper (`arxiv:`); `builds_on:` lists other papers: delete this line")),
    # one line holding the list: deleting it would drop the other ids too (a serve QA pass)
    ('builds_on: ["2305.18290", "2504.06141"]\n', (7, 27, "builds_on[1]", "lineage-self", "lists other papers: take '2504.06141' out of the list")),
    ("compares_with:\n  - 2203.02155\n", (8, 5, "compares_with[0]", "arxiv-not-quoted", 'quote it: - "2203.02155"')),
    # In a one-line list the fix is that list quoted (`- "…"`, a block list's line, was offered).
    ("builds_on: [2203.02155]\n", (7, 13, "builds_on[0]", "arxiv-not-quoted", 'quote it: builds_on: ["2203.02155"]')),
    ('compares_with: ["2305.18290", 2203.02155]\n', (7, 31, "compares_with[1]", "arxiv-not-quoted",
                                                    'quote it: compares_with: ["2305.18290", "2203.02155"]')),
    ("builds_on: 2203.02155\n", (7, 12, "builds_on[0]", "arxiv-not-quoted", 'quote it: builds_on: ["2203.02155"]')),
    ("builds_on: [" + ", ".join(f"2401.{i:05d}" for i in range(1, 31)) + "]\n",
     (7, 13, "builds_on[0]", "arxiv-not-quoted", 'as a number, which can name the wrong paper; quote it: "2401.00001"')),
    # No id quoted either (a QA pass followed "quote it" and met another error): said as for text.
    ("builds_on: [5]\n", (7, 13, "builds_on[0]", "bad-arxiv", "'5' is not an arXiv id")),
    ("compares_with: true\n", (7, 16, "compares_with[0]", "bad-arxiv", "'true' is not an arXiv id")),
    ("builds_on: [2203.0215]\n", (7, 13, "builds_on[0]", "bad-arxiv", "4 digits after the dot")),
    ('compares_with: ["arXiv:2203.02155"]\n', (7, 17, "compares_with[0]", "bad-arxiv", 'without \'arXiv:\'')),
    ('compares_with: ["2203.02155v2"]\n', (7, 17, "compares_with[0]", "bad-arxiv", "drop the version")),
    ('builds_on: ["2203.0215"]\n', (7, 13, "builds_on[0]", "bad-arxiv", "4 digits after the dot")),
    ("builds_on: {a: b}\n", (7, 12, "builds_on", "wrong-type", "expected a list")),
    # several ids in one string: the list to write, not "not an arXiv id"
    ('builds_on: "2611.00001, 2611.00002"\n', (7, 12, "builds_on", "wrong-type",
                                               'write a YAML list: builds_on: ["2611.00001", "2611.00002"]')),
    ("compares_with: 2203.02155 2305.18290\n", (7, 16, "compares_with", "wrong-type",
                                                'compares_with: ["2203.02155", "2305.18290"]')),
    # 16,000 ids passed the check and made a 4 MB note page: at most 100, the error at the 101st.
    ("builds_on:\n" + "".join(f'  - "2401.{i:05d}"\n' for i in range(1, 102)), (108, 5, "builds_on", "too-many", "the limit is 100")),
    # A 20,000-character value was quoted whole in its message (a 20 kB line).
    (f'compares_with: ["{"9" * 20000}"]\n', (7, 17, "compares_with[0]", "bad-arxiv", "(20,000 characters)")),
]


@pytest.mark.parametrize("lines, expected", LINEAGE_PROBLEMS)
def test_bad_lineage_is_a_located_error(lines: str, expected: tuple) -> None:
    tags, _ = load_tag_registry(FIXTURE_TAGS, "data/tags.yml")
    note, problems = parse_note(NOTE_HEAD + lines + NOTE_BODY, slug="x", source="data/notes/x.md", tags=tags)
    line, column, field, rule, words = expected
    assert note is None
    found = [(p.line, p.column, p.field, p.rule) for p in problems]
    assert (line, column, field, rule) in found, problems
    assert any(words in p.message for p in problems)
    assert all(len(p.message) < 300 for p in problems)


@pytest.mark.parametrize("lines", ["builds_on:\ncompares_with:   # none yet\n", "builds_on: []\ncompares_with: []\n",
                                   "compares_with:\nbuilds_on: ~\n"])
def test_a_bare_lineage_key_lists_no_paper(lines: str) -> None:
    """An optional lineage list with nothing after its key lists none, as `[]` does ("expected a
    list, got empty (null)" refused the template's line uncommented and emptied)."""
    tags, _ = load_tag_registry(FIXTURE_TAGS, "data/tags.yml")
    note, problems = parse_note(NOTE_HEAD + lines + NOTE_BODY, slug="x", source="x.md", tags=tags)
    assert problems == [] and note is not None
    assert note.builds_on == () and note.compares_with == ()


def test_lineage_is_read_in_order() -> None:
    tags, _ = load_tag_registry(FIXTURE_TAGS, "data/tags.yml")
    text = NOTE_HEAD + 'builds_on:\n  - "1706.03762"\n  - "hep-th/9108001"\ncompares_with: ["2203.02155"]\n' + NOTE_BODY
    note, problems = parse_note(text, slug="x", source="x.md", tags=tags)
    assert problems == [] and note is not None
    assert note.builds_on == ("1706.03762", "hep-th/9108001") and note.compares_with == ("2203.02155",)


@pytest.mark.parametrize("url", ["https://arxiv.org/abs/2504.06141v2", "https://huggingface.co/papers/2504.06141"])
def test_a_note_whose_url_names_an_arxiv_paper_is_that_papers_note(url: str) -> None:
    """`url:` naming an arXiv or Hugging Face paper is the paper `arxiv:` would name: mentions of
    the id and lineage find the note, and listing it in its own lineage is a located error."""
    tags, _ = load_tag_registry(FIXTURE_TAGS, "data/tags.yml")
    head = NOTE_HEAD.replace('arxiv: "2504.06141"\n', f"url: {url}\n")
    note, problems = parse_note(head + NOTE_BODY, slug="x", source="x.md", tags=tags)
    assert problems == [] and note is not None and note.arxiv == "2504.06141" and note.url == url
    note, problems = parse_note(head + 'builds_on: ["2504.06141"]\n' + NOTE_BODY, slug="x", source="x.md", tags=tags)
    assert note is None and [(p.line, p.field, p.rule) for p in problems] == [(7, "builds_on[0]", "lineage-self")]
    assert "its `url:` names it" in problems[0].message


# -- the built site ---------------------------------------------------------------------------

def test_mentions_link_to_notes_or_arxiv(site: Path) -> None:
    page = soup(site, "notes/follow-up")
    commentary = page.select_one(".pn-commentary")
    assert links_in(commentary) == [
        ("2501.10001", "../base-paper/"),
        ("arXiv:2501.10001v2", "../base-paper/"),
        ("https://arxiv.org/abs/hep-th/9108001", "../old-school/"),
        ("2310.12345", "https://arxiv.org/abs/2310.12345"),
    ]
    assert commentary.find("code").get_text() == "2501.10001"
    for a in commentary.select("a.pn-mention"):
        assert a.get("data-pn-preview") == ""  # marked only: the module finds the card from the href


def test_a_relative_link_to_a_note_works_on_every_page(site: Path) -> None:
    for path, expected in (("notes/third", "../follow-up/"), ("archive/2025/03/30", "../../../../notes/follow-up/")):
        ko = soup(site, path).select_one('[data-slug="third"] .pn-commentary .pn-lang[lang="ko"]')
        assert ("후속 연구", expected) in links_in(ko), path
    # A tag page shows the start of each commentary as plain text, and its title leads to the
    # note, whose commentary has the links (issue 24: whole commentaries were a tenth of the site).
    entry = soup(site, "tags/safety").select_one('[data-slug="third"]')
    assert entry.select_one(".pn-commentary .pn-lang[lang='ko']").get_text(strip=True).startswith("후속 연구를 참고하라.")
    assert entry.select_one(".pn-commentary a") is None
    assert entry.select_one(".pn-item__title a")["href"] == "../../notes/third/"
    third = soup(site, "notes/third").select_one(".pn-commentary")
    assert ("huggingface.co/papers/2501.10001", "../base-paper/") in links_in(third)
    assert third.find("math") is not None and "2501.10001" not in [a.get_text() for a in third.find_all("a") if a.find_parent("math")]


def test_links_to_notes_lead_there_from_the_feed_and_the_markdown_copy(site: Path) -> None:
    """The site's feed (/feed.xml) and a note's Markdown copy (/notes/<slug>.md) are not where the
    note's page is: a link written `../follow-up/` (from the page) and a mention of a noted
    paper lead to those notes from there too (as written they led to /follow-up/ from the feed)."""
    import xml.etree.ElementTree as ET
    from urllib.parse import urljoin, urlsplit

    from bs4 import BeautifulSoup as Soup

    def lands(base: str, href: str) -> str:
        path = urlsplit(urljoin("http://site.test/" + base, href)).path.lstrip("/")
        return path if (site / path / "index.html").is_file() else f"missing: {path}"

    atom = "{http://www.w3.org/2005/Atom}"
    entries = ET.parse(site / "feed.xml").getroot().findall(f"{atom}entry")
    third = next(e for e in entries if "Third: Safety Later" in e.findtext(f"{atom}title", ""))
    links = [(a.get_text(), a["href"]) for a in Soup(third.findtext(f"{atom}content"), "html.parser").find_all("a")]
    landed = {text: lands("feed.xml", href) for text, href in links}  # relative to /feed.xml, or absolute
    assert landed["후속 연구"] == "notes/follow-up/"
    assert landed["huggingface.co/papers/2501.10001"] == "notes/base-paper/"
    copy = (site / "notes" / "third.md").read_text(encoding="utf-8")
    target = re.search(r"\[후속 연구\]\(([^)]+)\)", copy).group(1)
    assert lands("notes/third.md", target) == "notes/follow-up/"
    assert "$x_{2501.10001}$" in copy  # math and code stay as written


def test_lineage_shows_both_ways(site: Path) -> None:
    follow = soup(site, "notes/follow-up")
    builds = follow.select_one('[data-field="builds_on"]')
    assert links_in(builds) == [("Base Paper: Reward Models", "../base-paper/"), ("1706.03762", "https://arxiv.org/abs/1706.03762")]
    assert "Builds on" in follow.find(id="builds-on").get_text() and "이 연구의 바탕" in follow.find(id="builds-on").get_text()
    assert links_in(follow.select_one('[data-field="compares_with"]')) == [("Old School Parsing", "../old-school/")]
    base = soup(site, "notes/base-paper")
    assert "이어진 연구" in base.find(id="builds-on-inverse").get_text() and "Built upon by" in base.find(id="builds-on-inverse").get_text()
    assert [t for t, _ in links_in(base.select_one('[data-field="builds_on-inverse"]'))][0] == "Follow-up: Better Rewards"
    old = soup(site, "notes/old-school")
    assert [t for t, _ in links_in(old.select_one('[data-field="compares_with-inverse"]'))][0] == "Follow-up: Better Rewards"


def test_backlinks_newest_first_with_the_sentence_per_language(site: Path) -> None:
    items = soup(site, "notes/base-paper").select(".pn-backlinks li")
    assert [li["data-slug"] for li in items] == ["third", "follow-up"]
    third, follow = items
    assert follow.select_one('blockquote[lang="ko"]').get_text() == "이 연구는 2501.10001 의 보상 모델을 확장한다."
    assert follow.select_one('blockquote[lang="en"]').get_text() == "It extends arXiv:2501.10001v2 with a new loss."
    # Third mentions the base in English only: shown under both languages, like the commentary.
    assert "pn-only-en" in third.select_one(".pn-backlink__context")["class"]
    assert third.select_one('blockquote[lang="en"]').get_text() == "See huggingface.co/papers/2501.10001 for the base."
    assert third.select_one('blockquote[lang="ko"]') is None
    # ... with a marker for Korean readers, as the commentary has (CSS shows it only to them).
    marker = third.select_one('.pn-backlink__context .pn-missing[lang="ko"]')
    assert marker and "영어" in marker.get_text() and not follow.select_one(".pn-missing")


def test_one_note_listing_many_papers_does_not_push_the_others_off_the_waiting_page() -> None:
    """The waiting page shows the first `WANTED_PAPERS`: a note listing 500 ids in `builds_on:`
    filled it, and another note's paper (as often mentioned: once) dropped off."""
    import datetime as dt

    from markupsafe import Markup

    from papernotes.catalog.index import build_index
    from papernotes.catalog.links import build_links
    from papernotes.model import Note, Tag, TagRegistry

    rl = Tag(slug="rl", ko="강화학습", en="RL")
    tags = TagRegistry(tags=(rl,), lookup={"rl": "rl"}, by_slug={"rl": rl})
    many = Note(slug="many", source="many.md", title="Many", authors=("A",), date=dt.date(2025, 5, 1), tags=("rl",),
                arxiv="2505.00001", builds_on=tuple(f"2401.{i:05d}" for i in range(1, 101)))
    one = Note(slug="one", source="one.md", title="One", authors=("A",), date=dt.date(2025, 3, 1), tags=("rl",),
               arxiv="2503.00001", builds_on=("2302.09664",))
    graph = build_links(build_index((many, one), tags), lambda n: [Markup("")] * 3)
    assert [u.arxiv for u in graph.unnoted][:2] == ["2302.09664", "2401.00001"]


def test_papers_waiting_for_a_note(site: Path) -> None:
    page = soup(site, "wanted")
    rows = page.select(".pn-wanted > li")
    assert [r.select_one(".pn-arxiv-id").get_text() for r in rows] == ["2310.12345", "1706.03762"]
    assert rows[0].select_one(".pn-wanted__command").get_text() == ".venv/bin/papernotes new 2310.12345"  # as the guide runs it
    # 1706.03762 has a draft (draft: true, not published): the row says where, not `papernotes new`.
    assert rows[1].select_one(".pn-wanted__command") is None
    assert rows[1].select_one(".pn-wanted__draft code").get_text() == "data/notes/2025/draft-attention.md"
    assert [t for t, _ in links_in(rows[0].select_one(".pn-wanted__by"))] == ["Third: Safety Later", "Follow-up: Better Rewards"]
    # Its count says what it counts: "노트 2개" on a paper with no note read as the paper's notes (a phone QA pass).
    assert [s.get_text() for s in rows[0].select(".pn-meta > .pn-lang")] == ["언급한 노트 2개", "named by 2 notes"]
    guide = soup(site, "contributing")
    assert any(a["href"].rstrip("/").endswith("wanted") for a in guide.find_all("a", href=True))


def test_the_map_is_svg_with_real_links(site: Path) -> None:
    svg = soup(site, "notes/base-paper").select_one(".pn-map svg")
    # Named in the reader's language only (lang.js swaps the aria-label), not by a <title> that
    # read "Notes linked to … · …와 이어진 노트" to a Korean or an English reader alike.
    assert svg.find("title", recursive=False) is None and not svg.get("aria-labelledby")
    assert svg["data-pn-ko-aria-label"] == svg["aria-label"] == "이 노트와 이어진 노트"
    assert svg["data-pn-en-aria-label"] == "Notes linked to this one"
    hrefs = {a["href"] for a in svg.find_all("a")}
    assert {"../follow-up/", "../third/"} <= hrefs
    assert all(a.find("title").get_text() for a in svg.find_all("a"))


def test_the_maps_lines_from_the_spine_are_one_path_per_relation(site: Path) -> None:
    """Each straight line from the spine was a <line> of its own with four coordinates (85 bytes,
    five or more on every note page; issue 24); now one <path> per kind of link, a subpath a
    line, joining the spine at each linked note's row."""
    svg = soup(site, "notes/base-paper").select_one(".pn-map svg")
    assert not svg.select("line")
    spine = svg.select_one("path.pn-map__spine")["d"]
    assert re.fullmatch(r"M10 18V\d+", spine)
    edges = svg.select("path.pn-map__edge")
    relations = [e["class"][-1] for e in edges]
    assert len(relations) == len(set(relations))
    drawn = sorted(int(y) for e in edges for y, _ in re.findall(r"M10 (\d+)H(\d+)", e["d"]))
    near = sorted(int(a.select_one("circle")["cy"]) for a in svg.select("a.pn-map__node")
                  if a["class"][-1] != "pn-map__node--far")
    assert drawn == near and drawn


def _card(site: Path, slug: str) -> str:
    return json.loads((site / urls.preview_file(slug)).read_text(encoding="utf-8"))[slug]


def test_previews_are_small_same_origin_fragments(site: Path) -> None:
    card = _card(site, "base-paper")
    assert len(card.encode()) < 4096
    html = BeautifulSoup(card, "html.parser")
    assert html.select_one(".pn-preview__title").get_text() == "Base Paper: Reward Models"
    assert html.select_one('[lang="ko"] p').get_text() == "기초가 되는 보상 모델 논문."
    assert html.find("a") is None and html.find("script") is None
    third = BeautifulSoup(_card(site, "third"), "html.parser")
    assert third.find("math") is not None


def test_every_note_has_its_card_in_the_file_its_links_name(site: Path) -> None:
    """Each preview file holds exactly the cards of the notes whose slug it is named by, and every
    link marked `data-pn-preview` leads to a note whose card is in the file its slug names (the
    module's rule, `test_links_browser.py` checks that it computes the same), on a page that says
    how many files there are."""
    slugs = {p.name for p in (site / "notes").iterdir() if p.is_dir()}
    files = {p.relative_to(site).as_posix(): json.loads(p.read_text(encoding="utf-8")) for p in (site / "previews").iterdir()}
    assert files and all(path == urls.preview_file(slug) for path, cards in files.items() for slug in cards)
    assert sorted(slug for cards in files.values() for slug in cards) == sorted(slugs)
    named = 0
    for page in site.rglob("*.html"):
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links = html.select("[data-pn-preview]")
        if links:
            (script,) = html.select("script[data-pn-preview-files]")
            assert script["data-pn-preview-files"] == str(urls.PREVIEW_FILES)
        for link in links:
            assert link["data-pn-preview"] == "", (page, link)
            target = (page.parent / link["href"].partition("#")[0]).resolve().relative_to(site.resolve()).as_posix()
            folder, slug = target.split("/")
            assert folder == "notes" and slug in files[urls.preview_file(slug)], (page, link)
            named += 1
    assert named > 20


def test_the_preview_module_loads_only_on_pages_with_note_links(site: Path) -> None:
    def modules(path: str) -> list[str]:
        return [s["src"] for s in soup(site, path).find_all("script", type="module")]

    assert "../../assets/papernotes-preview.js" in modules("notes/follow-up")
    assert "../../../../assets/papernotes-preview.js" in modules("archive/2025/03/30")
    assert not any("papernotes-preview.js" in m for m in modules("stats") + modules("about"))


def test_notes_json_carries_lineage_and_mentions(site: Path) -> None:
    notes = {n["slug"]: n for n in json.loads((site / "notes.json").read_text(encoding="utf-8"))["notes"]}
    follow = notes["follow-up"]
    assert follow["builds_on"] == ["2501.10001", "1706.03762"] and follow["compares_with"] == ["hep-th/9108001"]
    assert follow["mentions"] == [{"arxiv": "2501.10001", "note": "base-paper"}, {"arxiv": "hep-th/9108001", "note": "old-school"},
                                  {"arxiv": "2310.12345", "note": None}]
    assert notes["third"]["mentions"][0] == {"arxiv": "2502.20002", "note": "follow-up"}


def test_a_link_to_a_note_that_is_not_published_is_a_located_warning(tmp_path: Path) -> None:
    """A relative link to no note, or to a draft, is broken on every page showing the commentary
    (from the home page it even leaves the site): `check` and `--strict` name its line and column."""
    from papernotes.source.tree import load_site

    notes = {**LINK_NOTES, "2025/linker.md": """---
title: "Linker"
authors: [Ada Lovelace]
date: 2025-05-01
tags: [rl]
arxiv: "2505.10001"
---

## 한국어

[기초](../base-paper/)와 [없는 노트](../no-such-note/)를 보라.

## English

See [the draft](draft-attention.md) and [the base](../base-paper/), not [the broken one](../broken/).
""", "2025/broken.md": LINK_NOTES["2025/base-paper.md"].replace("2501.10001", "2505.20002").replace("[reward-model]", "[no-such-tag]")}
    result = load_site(make_site(tmp_path, notes=notes), "data")
    found = [(p.path, p.line, p.column, p.field, p.rule, p.severity) for p in result.problems if p.rule == "unknown-note-link"]
    assert found == [("data/notes/2025/linker.md", 11, 31, "## 한국어", "unknown-note-link", "warning"),
                     ("data/notes/2025/linker.md", 15, 17, "## English", "unknown-note-link", "warning")], result.problems
    messages = [p.message for p in result.problems if p.rule == "unknown-note-link"]
    assert "'no-such-note' is no note" in messages[0] and "is a draft" in messages[1]
    assert any(n.slug == "linker" for n in result.notes)  # a warning: the note is still published
    # A note file that does not load: its own error is reported, not every link to it.
    assert [(p.path, p.rule) for p in result.problems if "broken" in p.path or "broken" in p.message] == [
        ("data/notes/2025/broken.md", "unknown-tag")]


@pytest.mark.parametrize(("written", "meant"), [
    ("../base-paper-renamed/", "base-paper"),   # the file renamed back, or the link written after a rename
    ("../Base-Paper/", "base-paper"),           # other letter case
    ("../base-papr/", "base-paper"),            # a close spelling
    ("../follow-up-2/", "follow-up"),
    ("../quite-another-note/", None),
])
def test_a_link_to_no_note_names_the_note_it_most_likely_meant(tmp_path: Path, written: str, meant: str | None) -> None:
    """A QA pass renamed a note's file: six warnings said `'qa-alpha' is no note`, none named
    `qa-alpha-renamed`, nor `qa-alpha` for a link written `../QA-Alpha/`."""
    from papernotes.source.tree import load_site

    linker = LINK_NOTES["2025/base-paper.md"].replace("2501.10001", "2505.10009").replace(
        "## English\n", f"## English\n\nSee [it]({written}).\n", 1)
    result = load_site(make_site(tmp_path, notes={**LINK_NOTES, "2025/linker.md": linker}), "data")
    messages = [p.message for p in result.problems if p.rule == "unknown-note-link"]
    assert len(messages) == 1, result.problems
    assert ("did you mean" in messages[0]) is (meant is not None), messages
    if meant:
        assert messages[0].endswith(f".md; did you mean {meant!r}?); link a published note, or write the paper's arXiv id "
                                    "(it links to arXiv until the paper has a note)"), messages


def test_a_note_with_a_field_error_still_has_its_links_checked(tmp_path: Path) -> None:
    """Fixing a note's front matter must not reveal a second round of problems: its broken link is
    told in the same `check` as its date (a draft's links are on no page, so they are not)."""
    from papernotes.source.tree import load_site

    linker = """---
title: "Linker"
authors: [Ada Lovelace]
date: 2025-13-01
tags: [rl]
arxiv: "2505.10001"
---

## 한국어

[없는 노트](../no-such-note/)를 보라.

## English

See [the base](../base-paper/).
"""
    notes = {**LINK_NOTES, "2025/linker.md": linker,
             "2025/drafted.md": linker.replace("2505.10001", "2505.10002").replace("tags: [rl]", "tags: [rl]\ndraft: true")}
    result = load_site(make_site(tmp_path, notes=notes), "data")
    found = [(p.path, p.line, p.column, p.field, p.rule) for p in result.problems if p.path.endswith(("linker.md", "drafted.md"))]
    assert found == [("data/notes/2025/drafted.md", 4, 7, "date", "bad-date"),
                     ("data/notes/2025/linker.md", 4, 7, "date", "bad-date"),
                     ("data/notes/2025/linker.md", 11, 9, "## 한국어", "unknown-note-link")], result.problems
    assert not any(n.slug == "linker" for n in result.notes)


def test_post_keeps_the_arxiv_ids_of_the_commentary() -> None:
    tags, _ = load_tag_registry(FIXTURE_TAGS, "data/tags.yml")
    note, problems = parse_note(LINK_NOTES["2025/follow-up.md"].replace("## 한국어", "## Abstract\n\nAn abstract.\n\n## 한국어"),
                                slug="follow-up", source="x.md", tags=tags)
    assert note is not None
    post = day_post(note.date, [note])
    assert "2501.10001 의 보상 모델" in post and "arXiv:2501.10001v2 with" in post and "https://arxiv.org/abs/hep-th/9108001" in post
    entries, feed_problems = parse_posts(post)
    assert feed_problems == [] and entries[0].arxiv == "2502.20002"
    assert entries[0].ko == note.ko and entries[0].en == note.en
    # The lineage comes back through the post's `Builds on:` / `Compares with:` lines.
    assert note.builds_on or note.compares_with
    assert (entries[0].builds_on, entries[0].compares_with) == (note.builds_on, note.compares_with)
    assert round_trip_problems(note) == []


def test_editing_a_mention_rerenders_the_page_it_points_at(tmp_path: Path) -> None:
    """Under `mkdocs serve --dirty`: a changed sentence in one note re-renders the backlinks of
    the note it mentions; a new mention (the site's links change) compares every page."""
    from papernotes.session.session import Build
    from papernotes.config import Settings

    root = make_site(tmp_path, notes=LINK_NOTES)
    session = Build(dirty=True)
    session.configure(Settings(), root)

    def rebuild() -> set[str]:
        plan = session.plan(set())
        for page in plan.pages:
            if page.src_uri not in plan.unchanged:
                session.content(page)
        session.finish()
        return {p.src_uri for p in plan.pages} - plan.unchanged

    rebuild()
    third = root / "data" / "notes" / "2025" / "third.md"
    third.write_text(third.read_text(encoding="utf-8").replace("for the base.", "for the base model."), encoding="utf-8")
    changed = rebuild()
    assert {"notes/base-paper.md", "notes/third.md"} <= changed and "notes/old-school.md" not in changed
    assert "for the base model." in session.page("notes/base-paper.md").render()
    third.write_text(third.read_text(encoding="utf-8").replace("Math $x", "Old school: hep-th/9108001. Math $x"), encoding="utf-8")
    changed = rebuild()
    assert "notes/old-school.md" in changed
    assert "Old school: hep-th/9108001." in session.page("notes/old-school.md").render()


def test_a_backlink_quotes_the_commentary_before_the_abstract() -> None:
    """The abstract comes first in a note, but the sentence a backlink shows is the commentary's
    (why the note mentions the paper). When only the Korean commentary mentions it, an English
    reader gets that sentence (marked "in Korean only"), as the commentary falls back, not the
    abstract's; the abstract's only when no commentary mentions the paper."""
    import datetime as dt

    from markupsafe import Markup

    from papernotes.catalog.index import build_index
    from papernotes.catalog.links import build_links
    from papernotes.model import Note, Tag, TagRegistry

    rl = Tag(slug="rl", ko="강화학습", en="RL")
    tags = TagRegistry(tags=(rl,), lookup={"rl": "rl"}, by_slug={"rl": rl})

    def note(slug: str, arxiv: str, **text: str) -> Note:
        return Note(slug=slug, source=f"{slug}.md", title=slug, authors=("A",), date=dt.date(2025, 3, 1), tags=("rl",),
                    arxiv=arxiv, **text)

    base = note("base", "2501.10001")
    link = '<a href="https://arxiv.org/abs/2501.10001">2501.10001</a>'
    html = {"": "",
            "The abstract names 2501.10001 first.": f"<p>The abstract names {link} first.</p>",
            "한국어 문장 2501.10001 이다.": f"<p>한국어 문장 {link} 이다.</p>",
            "We build on 2501.10001 here.": f"<p>We build on {link} here.</p>",
            "No link here.": "<p>No link here.</p>"}

    def html_of(n: Note) -> list[Markup]:
        return [Markup(html[text]) for text in (n.abstract, n.ko, n.en)]

    cites = note("cites", "2502.20002", abstract="The abstract names 2501.10001 first.", ko="한국어 문장 2501.10001 이다.",
                 en="We build on 2501.10001 here.")
    graph = build_links(build_index((base, cites), tags), html_of)
    (backlink,) = graph.backlinks["base"]
    assert dict(backlink.sentences) == {"ko": "한국어 문장 2501.10001 이다.", "en": "We build on 2501.10001 here."}
    cites = note("cites", "2502.20002", abstract="The abstract names 2501.10001 first.", ko="한국어 문장 2501.10001 이다.",
                 en="No link here.")
    (backlink,) = build_links(build_index((base, cites), tags), html_of).backlinks["base"]
    assert dict(backlink.sentences) == {"ko": "한국어 문장 2501.10001 이다."}
    cites = note("cites", "2502.20002", abstract="The abstract names 2501.10001 first.", ko="No link here.", en="No link here.")
    (backlink,) = build_links(build_index((base, cites), tags), html_of).backlinks["base"]
    assert dict(backlink.sentences) == {"abstract": "The abstract names 2501.10001 first."}


def test_a_backlink_from_the_abstract_only_says_so(tmp_path: Path) -> None:
    """A paper mentioned only in another note's abstract: its page quoted the abstract under "this
    note mentions it only in an English sentence", as if the note had written it. A note
    mentioning its own paper linked to its own page, with a preview of itself."""
    from conftest import build

    abstract_only = LINK_NOTES["2025/third.md"].replace("title: \"Third: Safety Later\"", "title: \"Fourth\"").replace(
        '"2503.30003"', '"2504.40004"').replace("See huggingface.co/papers/2501.10001 for the base.", "No mention here.").replace(
        "---\n\n## 한국어", "---\n\n## Abstract\n\nWe extend 2501.10001 to $n^2$ tasks (a<b).\n\n## 한국어")
    # ... and a note mentioning its own paper: on its own page a link to arXiv, not to the page itself.
    abstract_only = abstract_only.replace("No mention here.", "This paper (2504.40004) in brief.")
    site = make_site(tmp_path / "site", notes={**LINK_NOTES, "2025/fourth.md": abstract_only})
    assert build(site).returncode == 0
    fourth = BeautifulSoup((site / "site" / "notes" / "fourth" / "index.html").read_text(encoding="utf-8"), "html.parser")
    (own,) = [a for a in fourth.select(".pn-commentary a") if a.get_text() == "2504.40004"]
    assert own["href"] == "https://arxiv.org/abs/2504.40004" and not own.get("data-pn-preview")
    base = BeautifulSoup((site / "site" / "notes" / "base-paper" / "index.html").read_text(encoding="utf-8"), "html.parser")
    (item,) = [li for li in base.select(".pn-backlinks li") if li["data-slug"] == "fourth"]
    context = item.select_one(".pn-backlink__context")
    quote = context.select_one("blockquote")
    # the formula drawn as on the note's page (it was quoted as "n2"), the text escaped once
    assert quote.get_text() == "We extend 2501.10001 to n2 tasks (a<b)." and quote.select_one("math msup")
    assert "논문 초록에서" in context.get_text() and "From the paper’s abstract" in context.get_text()
    assert not context.select(".pn-missing") and "pn-only-en" not in context["class"]


@pytest.mark.parametrize("html, sentence", [
    ("First. It cites <a>2401.01234</a> again, e.g. for the reward. Next.", "It cites 2401.01234 again, e.g. for the reward."),
    ("Intro. Dr. Smith et al. showed in <a>2402.05678</a> that it works. Done.", "Dr. Smith et al. showed in 2402.05678 that it works."),
    ("Compared with Alpha, i.e. <a>2401.01234</a>, it is better. Yes.", "Compared with Alpha, i.e. 2401.01234, it is better."),
    ("See Fig. 3 and <a>2401.01234</a>. New sentence.", "See Fig. 3 and 2401.01234."),
    ("It ends in 2024. <a>2401.01234</a> starts this one. Next.", "2401.01234 starts this one."),
    ("앞 문장이다. 이 논문은 <a>2401.01234</a>을 잇는다. 다음 문장.", "이 논문은 2401.01234을 잇는다."),
    # a Korean sentence may start with a lowercase Latin word (found on a note page's backlinks)
    ("저자 이름 비교. <a>arXiv:2401.01234</a> 에서 쓴 방법과 같다.", "arXiv:2401.01234 에서 쓴 방법과 같다."),
    ("선행 연구 <a>2401.01234</a>를 잇는다. arxiv.org/pdf/2601.09999 도 참고.", "선행 연구 2401.01234를 잇는다."),
    # a sentence that ends in a closing quote or bracket
    ('They call it "the best baseline." We build on <a>2401.01234</a> here. Next.', "We build on 2401.01234 here."),
    ("“보상 모델이 핵심이다.” 우리는 <a>2401.01234</a>을 따른다. 다음.", "우리는 2401.01234을 따른다."),
    ("It helps (see the appendix.) Then <a>2401.01234</a> follows. Next.", "Then 2401.01234 follows."),
    ('Quoted: "we follow <a>2401.01234</a>." Next one.', 'Quoted: "we follow 2401.01234."'),
    ("He said (see Fig. 2.) that <a>2401.01234</a> works! Next.", "He said (see Fig. 2.) that 2401.01234 works!"),
])
def test_a_backlink_sentence_is_not_cut_at_an_abbreviation(html: str, sentence: str) -> None:
    from papernotes.catalog.links import _sentence_at
    assert htmllib.unescape(_sentence_at(html, html.index("<a>"), html.index("</a>") + 4)) == sentence


_FORMULA = re.compile(r"<math\b.*?</math>", re.S)


def test_a_backlink_sentence_quotes_its_formulas_as_the_note_draws_them() -> None:
    """"Mentioned in" quoted `$x^2 + \\frac{a}{b}$` as "x2+ab" (every tag stripped, MathML's too):
    the quote holds the note's own MathML, and its text stays escaped."""
    from papernotes.catalog.links import _mentions
    html = str(Converter().convert("- First item: with $x^2 + \\frac{a}{b}$ the loss of 2611.00006 drops, "
                                   "$\\beta = 2$ and a<b & c hold.\n- Next item."))
    ((key, sentence),) = _mentions(html)
    assert key == ("arxiv", "2611.00006")
    assert _FORMULA.findall(sentence) == _FORMULA.findall(html) and len(_FORMULA.findall(html)) == 2
    assert _FORMULA.sub("F", sentence) == "First item: with F the loss of 2611.00006 drops, F and a&lt;b &amp; c hold."


def test_a_cut_sentence_keeps_the_formulas_it_shows() -> None:
    """A long sentence cut around its mention quotes, after each word, that word's own formula."""
    from papernotes.catalog.links import SENTENCE_LIMIT, _mentions
    words = " ".join(f"w{i} $v_{{{i}}}$" for i in range(80))
    html = str(Converter().convert(f"Before. {words} then 2401.01234 and {words} too. After."))
    ((_, sentence),) = _mentions(html)
    pairs = re.findall(r"w(\d+) (?:<span[^>]*>)?(<math\b.*?</math>)", sentence)
    assert len(pairs) > 20 and "2401.01234" in sentence
    assert len(re.sub(r"<[^>]+>", "", _FORMULA.sub("F", sentence))) <= SENTENCE_LIMIT + 2
    drawn = {str(Converter().convert(f"$v_{{{i}}}$")).removeprefix("<p>").removesuffix("</p>") for i in range(80)}
    assert all(formula in drawn and f"<mn>{i}</mn>" in formula for i, formula in pairs)


def test_a_mention_in_a_table_is_quoted_with_its_row() -> None:
    """A cell alone quoted the id and nothing else (`2511.01002` under "Mentioned in")."""
    from papernotes.catalog.links import _mentions
    html = str(Converter().convert("| model | paper | score |\n|---|---|---|\n| Adv-RM | 2504.06141 | +3.1 |\n| B | x | 1 |"))
    assert _mentions(html) == ((("arxiv", "2504.06141"), "Adv-RM · 2504.06141 · +3.1"),)


@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_a_long_sentence_is_cut_to_the_limit_around_its_mention(where: str) -> None:
    """A sentence over SENTENCE_LIMIT characters is cut at words around the mention, to about
    the limit wherever the mention is (near the end it kept barely half: found replaying issue 21)."""
    from papernotes.catalog.links import SENTENCE_LIMIT, _sentence_at
    words = " ".join(f"단어{i}" for i in range(100))
    at = {"start": 0, "middle": len(words) // 2, "end": len(words)}[where]
    html = f"앞 문장이다. {words[:at]} <a>2401.01234</a> {words[at:]}를 잇는다. 다음 문장."
    sentence = _sentence_at(html, html.index("<a>"), html.index("</a>") + 4)
    assert "2401.01234" in sentence and SENTENCE_LIMIT - 10 <= len(sentence) <= SENTENCE_LIMIT + 2, (len(sentence), sentence)


@pytest.mark.parametrize("href, arxiv_id", [
    ("https://huggingface.co/papers/2504.06141?x=1", "2504.06141"),
    ("https://arxiv.org/abs/2504.06141v2?context=cs", "2504.06141"),
    ("https://arxiv.org/abs/2504.06141/", "2504.06141"),
    ("https://arxiv.org/abs/2504.06141#S3", "2504.06141"),
    ("https://arxiv.org/abs/2504.06141x", None),
    ("https://openreview.net/forum?id=2504.06141", None),
    ("https://doi.org/10.48550/arXiv.2504.06141", "2504.06141"),   # a labelled link to its DOI goes to the note too
])
def test_a_link_to_a_paper_is_known_with_a_query_or_a_slash(href: str, arxiv_id: str | None) -> None:
    from papernotes.markup_links import paper_url_id
    assert paper_url_id(href) == arxiv_id


@pytest.mark.parametrize("href, words, mention", [
    ("https://arxiv.org/abs/2504.06141", "Adv-RM", True),
    ("https://arxiv.org/html/2504.06141v2", "Adv-RM's HTML version", False),
    ("https://arxiv.org/html/2504.06141v2#S5.T2", "Table 2", False),
    ("https://arxiv.org/html/2504.06141v2", "https://arxiv.org/html/2504.06141v2", True),
    ("https://arxiv.org/pdf/2504.06141", "PDF", False),
])
def test_a_link_to_the_papers_html_version_is_its_paper(href: str, words: str, mention: bool) -> None:
    """A note's `url:` on arXiv's HTML version is that paper's note, so a link to it names the
    paper too (found replaying issue 21: it stayed a link to arXiv, with no backlink); like the
    PDF, a labelled link to it keeps its target (a table, a section), a bare URL goes to the note."""
    from markupsafe import Markup

    from papernotes.markup_links import LinkResolver, link_target
    target = link_target(href, words)
    assert target is not None and (target.arxiv, target.mention) == ("2504.06141", mention)
    resolver = LinkResolver({"2504.06141": "adv-rm"}, {"adv-rm"}, lambda slug: f"../{slug}/")
    html = resolver.resolve(Markup(f'<p><a href="{href}" rel="nofollow">{words}</a></p>'))
    assert ('href="../adv-rm/"' in html) == mention


@pytest.mark.parametrize("text", ["See 10.48550/arXiv.2504.06141.", "See https://doi.org/10.48550/arXiv.2504.06141.",
                                  "See [Adv-RM](https://doi.org/10.48550/arXiv.2504.06141)."])
def test_an_arxiv_doi_leads_to_the_papers_note(text: str) -> None:
    """arXiv's DOI names the paper as its arXiv page does: the mention goes to the paper's note (it
    stayed text, or a link to doi.org, and the note had no backlink from it)."""
    from papernotes.markup_links import LinkResolver
    resolver = LinkResolver({"2504.06141": "adv-rm"}, {"adv-rm"}, lambda slug: f"../{slug}/")
    html = resolver.resolve(Converter().convert(text))
    assert [a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a")] == ["../adv-rm/"], html


def test_a_preview_is_cut_as_the_reader_sees_the_text_never_inside_an_entity() -> None:
    from papernotes.outputs.previews import TEXT_LIMIT, clip_html
    html = "<p>" + "a" * (TEXT_LIMIT - 8) + " <code>x</code> R&amp;D &lt;is&gt; good and more</p>"
    clipped = clip_html(html)
    assert clipped.endswith("R&amp;D…") or clipped.endswith("R&amp;D &lt;is&gt;…"), clipped
    text = clipped.replace("<code>", "").replace("</code>", "").replace("</p>", "")
    assert not re.search(r"&[a-z]*…", text) and len(htmllib.unescape(text)) <= TEXT_LIMIT + 1


@pytest.mark.parametrize("title", ["MMMM WWWW: MASSIVE WIDE MODELS FOR EVERYTHING AT ONCE",
                                   "강화학습 보상 모델을 위한 적대적 학습과 그 너머의 모든 것들에 대하여",
                                   "Calibration latent preference retrieval diffusion models"])
def test_map_labels_are_cut_to_the_maps_width_not_a_count_of_characters(title: str) -> None:
    """On a phone the map is the screen's width and scales with its text: a label wider than its
    room was cut off at the edge mid-word. Labels are cut by estimated width, with an ellipsis."""
    from papernotes.pages.links import _FONT, _em, _fit
    room = 360 - 34 - 16
    label = _fit(title, room)
    assert sum(_em(c) for c in label) * _FONT <= room and (label == title or label.endswith("…"))
    assert len(label) > 10  # not cut to nothing


def test_a_preview_keeps_names_with_a_comma_whole() -> None:
    """A preview card joined `Smith, John` and `Henry Ford, Jr.` by `, ` (five people to read);
    with a comma in a name it separates names by `; `, as the pages do."""
    import datetime as dt

    from markupsafe import Markup

    from papernotes.markup import NoteHtml
    from papernotes.model import Note, Tag, TagRegistry
    from papernotes.outputs.previews import preview_card

    tag = Tag(slug="rl", ko="강화학습", en="RL")
    note = Note(slug="n", source="n.md", title="T", authors=("Smith, John", "Henry Ford, Jr.", "Jae Lee"),
                date=dt.date(2025, 3, 1), tags=("rl",))
    card = preview_card(note, NoteHtml(Markup(""), Markup("가."), Markup("A.")), TagRegistry(tags=(tag,), lookup={"rl": "rl"}, by_slug={"rl": tag}))
    meta = BeautifulSoup(card, "html.parser").select_one(".pn-preview__meta span").get_text()
    assert meta == "Smith, John; Henry Ford, Jr.; Jae Lee"


@pytest.mark.parametrize(("ko", "en", "marker"), [("<p>가.</p>", "", "en"), ("", "<p>A.</p>", "ko"), ("<p>가.</p>", "<p>A.</p>", None)])
def test_a_preview_of_a_one_language_note_says_so(ko: str, en: str, marker: str | None) -> None:
    """The card of a note with one commentary showed it to the other language's readers with no
    word about it (the note page says "No English commentary yet"); now it says so too."""
    import datetime as dt

    from markupsafe import Markup

    from papernotes.markup import NoteHtml
    from papernotes.model import Note, Tag, TagRegistry
    from papernotes.outputs.previews import preview_card

    tag = Tag(slug="rl", ko="강화학습", en="RL")
    note = Note(slug="n", source="n.md", title="T", authors=("Jae Lee",), date=dt.date(2025, 3, 1), tags=("rl",))
    card = BeautifulSoup(preview_card(note, NoteHtml(Markup(""), Markup(ko), Markup(en)),
                                      TagRegistry(tags=(tag,), lookup={"rl": "rl"}, by_slug={"rl": tag})), "html.parser")
    missing = card.select(".pn-commentary .pn-missing")
    assert [m["lang"] for m in missing] == ([marker] if marker else [])
    if marker:
        assert f"pn-only-{'ko' if marker == 'en' else 'en'}" in card.select_one(".pn-commentary")["class"]


@pytest.mark.parametrize("href, slug", [
    ("/notes/adv-rm/", "adv-rm"),
    ("/notes/adv-rm/#cite", "adv-rm"),
    ("/notes/adv-rm", "adv-rm"),
    ("//evil.example/notes/adv-rm/", None),   # another host, not a path
    ("/tags/rl/", None),
    ("/notes/", None),
])
def test_a_link_from_the_sites_root_to_a_note_is_that_note(href: str, slug: str | None) -> None:
    """`[Adv-RM](/notes/adv-rm/)` was left as written: a 404 on a site served under a path (a
    GitHub Pages project site is `user.github.io/papernotes/`), no backlink, no preview. It is that
    note, pointed at from each page like `../adv-rm/`."""
    from markupsafe import Markup

    from papernotes.markup_links import LinkResolver, note_slug_of
    assert note_slug_of(href) == slug
    resolver = LinkResolver({}, {"adv-rm"}, lambda s: f"../{s}/")
    html = resolver.resolve(Markup(f'<p><a href="{href}" rel="nofollow">Adv-RM</a></p>'))
    assert ('href="../adv-rm/' in html) == (slug is not None)


def test_long_lineage_and_waiting_lists_are_cut_and_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A paper that thousands of notes build on listed every one under "Built upon by" (a 2.4 MB
    note page at 10,000 notes of another generator), and the waiting page's 500 papers made 1.5 MB.
    The newest `MAX_LISTED_BY` are named and the rest counted; the waiting page lists `WANTED_PAPERS`.
    (Limits of 1 here, so that three notes show it.)"""
    from conftest import build
    from papernotes.pages import links

    monkeypatch.setattr(links, "MAX_LISTED_BY", 1)
    monkeypatch.setattr(links, "WANTED_PAPERS", 1)
    another = LINK_NOTES["2025/follow-up.md"].replace("Follow-up: Better Rewards", "Another Follow-up").replace(
        '"2502.20002"', '"2504.20004"').replace("2025-02-20", "2025-04-20")
    site = make_site(tmp_path / "site", notes={**LINK_NOTES, "2025/another.md": another})
    assert build(site).returncode == 0
    base = BeautifulSoup((site / "site" / "notes" / "base-paper" / "index.html").read_text(encoding="utf-8"), "html.parser")
    inverse = base.select_one('[data-field="builds_on-inverse"]')
    assert [a.get_text() for a in inverse.select("li > a[data-pn-preview]")] == ["Another Follow-up"]  # the newest
    assert "And 1 more notes." in inverse.find_next_sibling("p").get_text()
    wanted = BeautifulSoup((site / "site" / "wanted" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(wanted.select("ol.pn-wanted > li")) == 1
    assert "Showing the 1 most-mentioned of 2 papers." in wanted.get_text()


def test_a_long_built_upon_or_mentioned_in_list_folds_after_its_first_items(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A QA pass at 10,000 notes: a note 200 notes build on and mention listed them all, 18,000 px of
    list on a phone before its map. The first `SHOWN_OPEN` items are open, the rest folded under a
    `<details>` saying how many (every one still there, an ordered list numbered on). (One open
    here, so that four notes show it.)"""
    from conftest import build
    from papernotes.pages import links

    monkeypatch.setattr(links, "SHOWN_OPEN", 1)
    more = {f"2025/more-{k}.md": LINK_NOTES["2025/follow-up.md"].replace("Follow-up: Better Rewards", f"More {k}").replace(
        '"2502.20002"', f'"2504.2000{k}"').replace("2025-02-20", f"2025-04-2{k}") for k in range(3)}
    site = make_site(tmp_path / "site", notes={**LINK_NOTES, **more})
    assert build(site).returncode == 0
    base = BeautifulSoup((site / "site" / "notes" / "base-paper" / "index.html").read_text(encoding="utf-8"), "html.parser")
    titles = [a.get_text() for a in base.select('[data-field="builds_on-inverse"] li > a[data-pn-preview]')]
    assert {"Follow-up: Better Rewards", "More 0", "More 1", "More 2"} <= set(titles) and len(titles) == len(set(titles))
    for open_list, kind in (('[data-field="builds_on-inverse"]', "ul"), (".pn-backlinks > ol", "ol")):
        shown = base.select_one(open_list)
        assert len(shown.select(":scope > li")) == 1
        folded = shown.find_next_sibling("details")
        rest = folded.select_one(f":scope > {kind}")
        n = len(rest.select(":scope > li"))
        assert n >= 3 and folded.summary.get_text(" ", strip=True) == f"나머지 {n}개 보기 Show the other {n}"
        assert kind == "ul" or rest["start"] == "2"


def test_a_link_to_a_site_page_that_does_not_exist_is_a_located_warning(tmp_path: Path) -> None:
    """`../../tags/no-such-tag/` and `../../nothing/` passed the checker and the strict build, and
    readers met a 404; a tag that exists, a guide page and the home page are fine."""
    from papernotes.source.tree import load_site

    links = ["../../tags/no-such-tag/", "../../tags/rl/", "../../nothing/", "../../about/", "../../", "../../archive/2025/",
             "../../archive/1999/", "../../archive/2025/01/", "evil.example/x", "../base-paper/index.html"]
    linker = LINK_NOTES["2025/base-paper.md"].replace("2501.10001", "2505.10001").replace(
        "## English\n", "## English\n\n" + " ".join(f"[{i}]({href})" for i, href in enumerate(links)) + "\n", 1)
    result = load_site(make_site(tmp_path, notes={**LINK_NOTES, "2025/site-linker.md": linker}), "data")
    found = [(p.field, p.rule, p.severity, p.message) for p in result.problems if p.path.endswith("site-linker.md")]
    assert found == [
        ("## English", "unknown-site-link", "warning",
         "the link to '../../tags/no-such-tag/' leads nowhere: there is no tag 'no-such-tag' in data/tags.yml"),
        ("## English", "unknown-site-link", "warning", "the link to '../../nothing/' leads nowhere: no page of the site is there"),
        ("## English", "unknown-site-link", "warning", "the link to '../../archive/1999/' leads nowhere: no note is dated 1999, so it has no page"),
        # An address without its `https://` was read from the note's page, below it, where nothing is.
        ("## English", "unknown-site-link", "warning",
         "the link to 'evil.example/x' leads nowhere: no page of the site is there (a web address needs its `https://`)"),
    ], result.problems
    lines = linker.split("\n")
    assert {p.line for p in result.problems if p.path.endswith("site-linker.md")} == {lines.index(next(x for x in lines if x.startswith("[0]"))) + 1}


def test_a_notes_links_to_site_pages_and_its_images_work_on_every_page_showing_it(tmp_path: Path) -> None:
    """Found by a contributor check: a note's link to another page of the site (`../../about/`,
    `/tags/rl/`) and an image of docs/ (`../../assets/fig.svg`), written from the note's page as
    the guide says, were copied as written onto its day page, the home page and the feed, where
    they led elsewhere (a 404, a broken image; `/about/` leaves a site served under a path).
    Each is now pointed from the page that shows it; links to notes and other sites are as before."""
    from conftest import build

    written = ["../../about/", "/tags/rl/#top", "../../", "https://example.org/x", "../base-paper/"]
    linker = LINK_NOTES["2025/base-paper.md"].replace("2501.10001", "2505.10001").replace("2025-01-10", "2025-05-10").replace(
        "## English\n", "## English\n\n" + " ".join(f"[{i}]({href})" for i, href in enumerate(written))
        + " ![fig](../../assets/fig.svg)\n", 1)
    site = make_site(tmp_path / "site", notes={**LINK_NOTES, "2025/site-linker.md": linker})
    (site / "docs" / "assets" / "fig.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    result = build(site)
    assert result.returncode == 0, result.stderr
    out = site / "site"

    def targets(page: str) -> dict[str, str]:
        soup = BeautifulSoup((out / page / "index.html").read_text(encoding="utf-8"), "html.parser")
        text = soup.select_one('[lang="en"] img[alt="fig"]').find_parent("p")
        found = {a.get_text(): a["href"] for a in text.select("a")}
        found["fig"] = text.select_one("img")["src"]
        return found

    for page in ("notes/site-linker", "archive/2025/05/10", ""):
        found = targets(page)
        where = "/" + page + ("/" if page else "")
        resolved = {key: urljoin("https://h.example/site" + where, href) for key, href in found.items()}
        assert resolved == {"0": "https://h.example/site/about/", "1": "https://h.example/site/tags/rl/#top",
                            "2": "https://h.example/site/", "3": "https://example.org/x",
                            "4": "https://h.example/site/notes/base-paper/", "fig": "https://h.example/site/assets/fig.svg"}, (page, found)
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert 'href="about/"' in htmllib.unescape(feed) and 'src="assets/fig.svg"' in htmllib.unescape(feed)
    # The note's Markdown copy is in notes/, one folder up from its page.
    copy = (out / "notes" / "site-linker.md").read_text(encoding="utf-8")
    assert "[0](../about/) [1](../tags/rl/#top) [2](../)" in copy and "![fig](../assets/fig.svg)" in copy, copy
    assert "[3](https://example.org/x)" in copy


def test_an_image_that_is_no_file_of_the_site_is_a_located_warning(tmp_path: Path) -> None:
    """`![그림](figure1.png)` passed the checker and the strict build, and readers saw a broken
    image: a note holds no files. A warning at the image; an image of docs/ is fine, and one
    from another site keeps its notice."""
    from papernotes.source.tree import load_site

    linker = LINK_NOTES["2025/base-paper.md"].replace("2501.10001", "2505.10001").replace(
        "## English\n", "## English\n\nSee ![그림](figure1.png) and ![ok](../../assets/fig.svg)"
        " and <img src=\"/nothing.png\"> and ![far](https://x.example/a.png).\n", 1)
    site = make_site(tmp_path, notes={**LINK_NOTES, "2025/site-linker.md": linker})
    (site / "docs" / "assets" / "fig.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    found = [(p.line, p.column, p.rule, p.severity, p.message) for p in load_site(site, "data").problems
             if p.path.endswith("site-linker.md")]
    line = linker.split("\n").index(next(x for x in linker.split("\n") if x.startswith("See "))) + 1
    advice = ("so readers see a broken image: a note holds no files; show a figure of docs/ by its path from the note's page "
              "(`../../assets/…`), or link the figure where it is published: `[Figure 2](https://arxiv.org/html/…)`")
    text = linker.split("\n")[line - 1]
    assert [f[:4] for f in found] == [(line, text.index("figure1.png") + 1, "unknown-site-image", "warning"),
                                      (line, text.index("/nothing.png") + 1, "unknown-site-image", "warning"),
                                      (line, text.index("https://x.example") + 1, "remote-image", "notice")], found
    assert [f[4] for f in found[:2]] == [f"the image 'figure1.png' is no file of the site, {advice}",
                                         f"the image '/nothing.png' is no file of the site, {advice}"]


def test_a_link_to_an_author_or_lab_without_a_page_is_a_located_warning(tmp_path: Path) -> None:
    """A link to an author or lab page was not checked: `../../authors/grace-hopper/` (one note, so
    no page) passed the checker and the strict build, and readers met a 404. Pages are decided by the
    build's own rule, with mkdocs.yml's author_page_min_notes."""
    from functools import partial

    from papernotes.catalog.people import party_pages
    from papernotes.source.tree import load_site

    links = ["../../authors/ada-lovelace/", "../../authors/grace-hopper/", "../../authors/", "../../authors/_/g/",
             "../../labs/example-lab/", "../../labs/no-lab/", "../../labs/"]
    linker = LINK_NOTES["2025/base-paper.md"].replace("2501.10001", "2505.10001").replace(
        "authors: [Ada Lovelace]\n", "authors: [Ada Lovelace]\norg: Example Lab\n").replace(
        "## English\n", "## English\n\n" + " ".join(f"[{i}]({href})" for i, href in enumerate(links)) + "\n", 1)
    site = make_site(tmp_path, notes={**LINK_NOTES, "2025/site-linker.md": linker})
    found = [(p.line, p.field, p.rule, p.severity, p.message) for p in load_site(site, "data", party_pages=party_pages).problems
             if p.path.endswith("site-linker.md")]
    line = linker.split("\n").index(next(x for x in linker.split("\n") if x.startswith("[0]"))) + 1
    assert found == [
        (line, "## English", "unknown-site-link", "warning",
         "the link to '../../authors/grace-hopper/' leads nowhere: no author has the page 'grace-hopper': an author has one "
         "once 2 notes name them (mkdocs.yml's author_page_min_notes) or data/authors.yml has an entry for them"),
        (line, "## English", "unknown-site-link", "warning",
         "the link to '../../labs/no-lab/' leads nowhere: no lab has the page 'no-lab': a lab has one once a note names it in `org:`"),
    ]
    # With a page for every author, only the lab is missing; the command line reads the setting from mkdocs.yml.
    found = [p.message for p in load_site(site, "data", party_pages=partial(party_pages, min_notes=1)).problems
             if p.path.endswith("site-linker.md")]
    assert found == ["the link to '../../labs/no-lab/' leads nowhere: no lab has the page 'no-lab': a lab has one once a note names it in `org:`"]
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    (site / "mkdocs.yml").write_text(config.replace("  papernotes:\n", "  papernotes:\n    author_page_min_notes: 1\n", 1), encoding="utf-8")
    assert "author_page_min_notes: 1" in (site / "mkdocs.yml").read_text(encoding="utf-8")
    checked = run_cli(["check"], site)
    assert "grace-hopper" not in checked.stdout and "'no-lab'" in checked.stdout, checked.stdout + checked.stderr


def test_right_to_left_names_are_isolated_in_author_lists_and_previews() -> None:
    """A right-to-left name beside left-to-right text is isolated (<bdi>), others are not."""
    import datetime as dt

    from markupsafe import Markup

    from papernotes.markup import NoteHtml
    from papernotes.model import Note, Tag, TagRegistry
    from papernotes.outputs.previews import preview_card
    from papernotes.pages.fragments import authors

    names = ("Ada Lovelace", "محمد علي", "דוד כהן", "김민지", "Émile <Durand>")
    html = BeautifulSoup(authors(names), "html.parser")
    assert [b.get_text() for b in html.find_all("bdi")] == ["محمد علي", "דוד כהן"]
    assert "Émile &lt;Durand&gt;" in str(html)
    tag = Tag(slug="rl", ko="강화학습", en="RL")
    note = Note(slug="n", source="n.md", title="T", authors=names, date=dt.date(2025, 3, 1), tags=("rl",))
    card = preview_card(note, NoteHtml(Markup(""), Markup("가."), Markup("A.")), TagRegistry(tags=(tag,), lookup={"rl": "rl"}, by_slug={"rl": tag}))
    meta = BeautifulSoup(card, "html.parser").select_one(".pn-preview__meta span")
    assert [b.get_text() for b in meta.find_all("bdi")] == ["محمد علي", "דוד כהן"]
    assert meta.get_text() == "Ada Lovelace, محمد علي, דוד כהן, 김민지, … (+1)"


def test_a_note_two_links_away_hangs_under_the_note_it_is_reached_through(bundled_build: Path) -> None:
    """Notes two links away were drawn at the end of the map, under whichever note came last and
    joined to the spine: nothing said through which note they are reached. Each now follows its
    note (or that note's other far notes), its line starting at that note's row."""
    far_seen = 0
    for page in (bundled_build / "notes").glob("*/index.html"):
        svg = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(".pn-map svg")
        if svg is None:
            continue
        rows = [(a["class"][-1].removeprefix("pn-map__node--"), int(a.select_one("circle")["cy"])) for a in svg.select("a.pn-map__node")]
        elbows = {int(p["points"].split()[-1].split(",")[1]): int(p["points"].split()[0].split(",")[1]) for p in svg.select("polyline")}
        assert len(elbows) == sum(relation == "far" for relation, _ in rows), page
        for i, (relation, y) in enumerate(rows):
            if relation != "far":
                continue
            far_seen += 1
            via = next(prev_y for prev_relation, prev_y in reversed(rows[:i]) if prev_relation != "far")
            assert elbows[y] == via + 5, page
    assert far_seen > 0


def test_a_note_that_fails_to_load_is_told_about_its_site_links_and_images_at_once(tmp_path: Path) -> None:
    """A note with a bad date and a link to a missing site page or image was told about the date
    only; once the date was fixed, a second round of warnings came. Now all at once, as for its
    links to notes."""
    from papernotes.source.tree import load_site

    broken = LINK_NOTES["2025/base-paper.md"].replace("2501.10001", "2505.10001").replace("2025-01-10", "2025-13-10").replace(
        "## English\n", "## English\n\nSee ![fig](figure1.png) and [nothing](../../nothing/).\n", 1)
    site = make_site(tmp_path, notes={**LINK_NOTES, "2025/broken.md": broken})
    found = [(p.rule, p.severity) for p in load_site(site, "data").problems if p.path.endswith("broken.md")]
    assert sorted(found) == sorted([("bad-date", "error"), ("unknown-site-image", "warning"), ("unknown-site-link", "warning")]), found


def test_an_image_in_raw_html_is_warned_at_its_own_line(tmp_path: Path) -> None:
    """Found by a contributors' QA pass: `<img src=x>` two paragraphs down was warned at the first
    letter x of the section ("ne|x|t figure"), `<div><img src="fig.png"></div>` at a line above it.
    A target is looked for where it is written as one (`src=`, `](`) before anywhere else."""
    from papernotes.source.tree import load_site

    body = "The next figure shows the results.\n\n<div><img src=\"fig.png\"></div>\n\n<p>Also <img src=x></p>\n"
    linker = LINK_NOTES["2025/base-paper.md"].replace("2501.10001", "2505.10001").replace(
        "## English\n", "## English\n\n" + body, 1)
    site = make_site(tmp_path, notes={**LINK_NOTES, "2025/site-linker.md": linker})
    found = [(p.line, p.column) for p in load_site(site, "data").problems
             if p.path.endswith("site-linker.md") and p.rule == "unknown-site-image"]
    lines = linker.split("\n")
    fig, x = (next(n for n, line in enumerate(lines, 1) if line.startswith(start)) for start in ("<div><img", "<p>Also"))
    assert found == [(fig, len('<div><img src="') + 1), (x, len("<p>Also <img src=") + 1)], found


def test_the_same_missing_image_twice_and_a_tabbed_address_are_each_at_their_own_line(tmp_path: Path) -> None:
    """Found by a QA pass: two images of one address (lines 50 and 52) were both reported at line
    50, and `[w](java<TAB>script:…)` at its section's first line: each is where it is written."""
    from papernotes.source.tree import load_site

    linker = LINK_NOTES["2025/base-paper.md"].replace("2501.10001", "2505.10001").replace(
        "## English\n", "## English\n\n<img src=\"/x.png\" alt=\"a\">\n\nbetween\n\n<img src=\"/x.png\" alt=\"b\">\n\n"
        "[w](java\tscript:alert(1))\n", 1)
    site = make_site(tmp_path, notes={**LINK_NOTES, "2025/site-linker.md": linker})
    found = sorted((p.line, p.column, p.rule) for p in load_site(site, "data").problems if p.path.endswith("site-linker.md"))
    lines = linker.split("\n")
    first = lines.index('<img src="/x.png" alt="a">') + 1
    second = lines.index('<img src="/x.png" alt="b">') + 1
    tabbed = lines.index("[w](java\tscript:alert(1))") + 1
    assert found == [(first, 11, "unknown-site-image"), (second, 11, "unknown-site-image"), (tabbed, 5, "removed-html")], found


def _lineage_note(title: str, arxiv: str, builds_on: list[str]) -> str:
    lineage = "".join(f'  - "{b}"\n' for b in builds_on)
    return (f'---\ntitle: "{title}"\nauthors: [Ada Lovelace]\ndate: 2025-03-01\ntags: [rl]\narxiv: "{arxiv}"\n'
            + (f"builds_on:\n{lineage}" if builds_on else "") + "---\n\n## 한국어\n\n가.\n\n## English\n\na.\n")


def test_lineage_that_goes_round_in_a_circle_is_a_notice_at_each_note(tmp_path: Path) -> None:
    """A QA pass: alpha builds on beta and beta on alpha passed the check without a word, and each page
    said both "Builds on" and "Built upon by" the other. Each note of a circle (two notes, or more) is
    told at the id that leads on round it, with the other note's file: a notice, failing neither the
    check nor the strict build (revised papers do cite each other). A chain that does not come back
    is no circle."""
    from papernotes.source.tree import load_site

    notes = {"2025/circle-alpha.md": _lineage_note("Alpha", "2503.00001", ["1706.03762", "2503.00002"]),
             "2025/circle-beta.md": _lineage_note("Beta", "2503.00002", ["2503.00001"]),
             "2025/circle-c1.md": _lineage_note("C1", "2503.00011", ["2503.00012"]),
             "2025/circle-c2.md": _lineage_note("C2", "2503.00012", ["2503.00013"]),
             "2025/circle-c3.md": _lineage_note("C3", "2503.00013", ["2503.00011"]),
             "2025/circle-chain.md": _lineage_note("Chain", "2503.00021", ["2503.00001", "2503.00011"])}
    site = make_site(tmp_path, notes=notes)
    problems = [p for p in load_site(site, "data").problems if "/circle-" in p.path]
    found = sorted((p.path, p.line, p.column, p.field, p.rule, p.severity) for p in problems)
    assert found == [
        ("data/notes/2025/circle-alpha.md", 9, 5, "builds_on", "lineage-circle", "notice"),
        ("data/notes/2025/circle-beta.md", 8, 5, "builds_on", "lineage-circle", "notice"),
        ("data/notes/2025/circle-c1.md", 8, 5, "builds_on", "lineage-circle", "notice"),
        ("data/notes/2025/circle-c2.md", 8, 5, "builds_on", "lineage-circle", "notice"),
        ("data/notes/2025/circle-c3.md", 8, 5, "builds_on", "lineage-circle", "notice"),
    ]
    messages = {p.path: p.message for p in problems}
    assert messages["data/notes/2025/circle-alpha.md"].startswith(
        "'2503.00002' (data/notes/2025/circle-beta.md) builds on this paper too (its `builds_on:` names it); a paper")
    assert "leads back to this paper: its `builds_on:` and 1 other note's go round in a circle" in messages["data/notes/2025/circle-c1.md"]
    checked = run_cli(["check"], site)
    assert checked.returncode == 0 and "5 notices" in checked.stderr, checked.stdout + checked.stderr
