"""Authors and labs: names matched on a normalised form, `data/authors.yml` validated with
located errors, advice about lookalike names, and the author, authors-index and lab pages of a
real build (with their feeds and BibTeX read back by real parsers)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build, build_log, make_site, shared_build
from papernotes.cli.main import main as cli
from papernotes.catalog.people import People, people_key
from papernotes.model import Note
from papernotes.names import lookalike_keys, match_key
from papernotes.pages.families.authors import initial
from papernotes.source.authors import AuthorsFile, Entity, load_authors, orcid_checksum_ok


@pytest.mark.parametrize("a, b, same", [
    ("Stéphane Hatgis-Kessell", "Stephane Hatgis-Kessell", True),
    ("Ａｄａ  Lovelace", "ada lovelace", True),
    ("김민지", "김민지", True),
    ("Łukasz Kaiser", "Lukasz Kaiser", True),  # a stroke is a diacritic too (arXiv writes both)
    ("Søren Hauberg", "Soren Hauberg", True),
    ("Minji Kim", "Min-Ji Kim", False),  # different names; they only look alike
])
def test_names_match_on_a_normalised_form(a: str, b: str, same: bool) -> None:
    assert (match_key(a) == match_key(b)) is same


@pytest.mark.parametrize("a, b, alike", [
    ("Minji Kim", "Min-Ji Kim", True),
    ("Minji Kim", "Kim Minji", True),
    ("Jose Muller", "José Müller", True),
    ("Juergen Mueller", "Jürgen Müller", True),  # the umlaut's German spelling
    ("Jürgen Müller", "Jurgen Muller", True),
    ("Jurgen Muller", "Juergen Mueller", True),  # the umlaut dropped and spelt: both Jürgen Müller's (no notice was given)
    ("Sophie Muller", "Sophie Mueller", True),
    ("Joerg Boehm", "Jörg Böhm", True),
    ("Yue Dong", "Dong Yu", False),  # pinyin's ue is no umlaut (the bundled notes had this notice)
    ("Xue Li", "Xu Li", False),
    ("Michael Chen", "Michal Chen", False),
    ("Zoe Park", "Zo Park", False),
    ("Samuel Park", "Samel Park", False),  # no `e` dropped elsewhere
    ("Minji Kim (김민지)", "Minji Kim", True),  # a form in brackets is the same person
    ("Minji Kim (김민지)", "김민지", True),
    ("Zhang Wei (张伟)", "Wei Zhang", True),
    ("Minji Kim (김민지)", "Minji Park", False),
    ("Minji Kim", "Minjun Kim", False),
    ("Minji Kim", "Minji Park", False),
    ("Olga N. B. Park", "Olga B. N. Park", False),
    ("김 민지", "김민지", True),
    ("Li, Wei", "Wei Li", True),  # family name first, with a comma
    ("Li, Wei", "Wei Lin", False),
    ("Chitta_Baral", "Chitta Baral", True),  # a handle pasted as a name got a page of its own, with no notice
    ("Li (Lily) Chen", "Lily Chen", True),  # another given name in brackets (there was no notice)
    ("Li (Lily) Chen", "Li Chen", True),
    ("Lily (Li) Chen", "Lily Chen", True),
    ("Li (Lily) Chen", "Lily Park", False),
    ("Wei Zhang (Alibaba)", "Min Zhang (Alibaba)", False),  # a lab in brackets is no name of its own
    ("Wei Zhang (Alibaba)", "Wei Zhang", True),
])
def test_lookalike_names(a: str, b: str, alike: bool) -> None:
    assert bool(lookalike_keys(a) & lookalike_keys(b)) is alike


def test_match_key_is_remembered() -> None:
    """A build asks for the same names hundreds of thousands of times (every author link)."""
    assert match_key.cache_info().maxsize == 1 << 17


@pytest.mark.parametrize("orcid, ok", [("0000-0002-1825-0097", True), ("0000-0001-5109-3700", True),
                                       ("0000-0002-1694-233X", True), ("0000-0002-1825-0098", False)])
def test_orcid_check_digit(orcid: str, ok: bool) -> None:
    assert orcid_checksum_ok(orcid) is ok


@pytest.mark.parametrize("text, line, column, field, says", [
    ("people:\n  - name: A\n    orcid: 0000-0002-1825-0098\n", 3, 12, "people[0].orcid", "wrong check digit"),
    ("people:\n  - name: A\n    orcid: 1234-5678\n", 3, 12, "people[0].orcid", "0000-0002-1825-0097"),
    ("people:\n  - name: A\n    homepage: ftp://x\n", 3, 15, "people[0].homepage", "http(s) link"),
    ("people:\n  - name: A\n    alias: [B]\n", 3, 5, "people[0].alias", "did you mean 'aliases'"),
    ("people:\n  - aliases: [B]\n", 2, 5, "people[0]", "needs a `name:`"),
    ("people:\n  - name: A\n  - name: B\n    aliases: [a]\n", 4, 15, "people[1].aliases[0]", "already a name of 'A' (line 2)"),
    # A person's alias that an organisation has: a note's author "DeepMind" went to the person's page.
    ("orgs:\n  - name: Google DeepMind\n    aliases: [DeepMind]\npeople:\n  - name: Ada Lovelace\n    aliases: [deepmind]\n",
     6, 15, "people[0].aliases[0]", "already a name of the organisation 'Google DeepMind' (line 2)"),
    ("distinct:\n  - [A]\n", 2, 5, "distinct[0]", "two different names"),
    ("peeple: []\n", 1, 1, "peeple", "did you mean 'people'"),
    ("people:\n  - name: A\n    slug: index\n", 3, 11, "people[0].slug", "reserved"),
    ("orgs:\n  - name: A\n    slug: index\n", 3, 11, "orgs[0].slug", "reserved"),
])
def test_authors_file_errors_are_located(tmp_path: Path, text: str, line: int, column: int, field: str, says: str) -> None:
    (tmp_path / "authors.yml").write_text(text, encoding="utf-8")
    _, problems = load_authors(tmp_path / "authors.yml", "data/authors.yml")
    assert [(p.path, p.line, p.column, p.field) for p in problems] == [("data/authors.yml", line, column, field)]
    assert says in problems[0].message
    assert not problems[0].message.startswith(field)  # the line names it once: "people[7]: people[7] needs" read twice


@pytest.mark.parametrize("name, group", [("Ada Lovelace", "A"), ("Émile Borel", "E"), ("김민지", "ㄱ"), ("꽃님", "ㄱ"),
                                         ("이순신", "ㅇ"), ("42 Lab", "#"),
                                         ("Øystein Ore", "O"), ("Łukasz Kaiser", "L"), ("Æsa Berg", "A")])  # were under '#'
def test_index_initials(name: str, group: str) -> None:
    assert initial(name) == group


AUTHORS_YML = """\
people:
  - name: Minji Kim
    aliases: [김민지, Kim Min-ji]
    orcid: 0000-0002-1825-0097
    homepage: https://example.org/minji
  - name: Grace Hopper
distinct:
  - [Jae Lee, Jae-Won Lee]
orgs:
  - name: Google DeepMind
    aliases: [DeepMind]
"""


def _note(title: str, authors: list[str], day: str, arxiv: str, org: str | None = None) -> str:
    org_line = f"org: {org}\n" if org else ""
    names = "".join(f"  - {a}\n" for a in authors)
    return (f"---\ntitle: \"{title}\"\nauthors:\n{names}date: {day}\ntags: [rl]\narxiv: \"{arxiv}\"\n{org_line}---\n\n"
            "## 한국어\n\n코멘트.\n\n## English\n\nCommentary.\n")


PEOPLE_NOTES = {
    "2025/p1.md": _note("Paper One", ["Minji Kim", "Jae Lee", "Sora Park"], "2025-04-01", "2512.90001", "Google DeepMind"),
    "2025/p2.md": _note("Paper Two", ["김민지", "Sora Park"], "2025-04-02", "2512.90002", "DeepMind"),
    "2025/p3.md": _note("Paper Three", ["Kim Min-ji", "Jae-Won Lee", "Hyun Choi"], "2025-04-03", "2512.90003"),
    "2025/p4.md": _note("Paper Four", ["Hyun Choi", "Jose Muller"], "2025-04-04", "2512.90004"),
    "2025/p5.md": _note("Paper Five", ["José Müller", "Hyun-Woo Choi"], "2025-04-05", "2512.90005"),
    "2025/p6.md": _note("Paper Six", ["HyunWoo Choi"], "2025-04-06", "2512.90006"),
}


@pytest.fixture(scope="module")
def people_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def make(folder: Path) -> Path:
        site = make_site(folder, notes=PEOPLE_NOTES)
        (site / "data" / "authors.yml").write_text(AUTHORS_YML, encoding="utf-8")
        return site

    out = shared_build(tmp_path_factory, "people-site", make)  # --strict: the lookalike advice must not fail it
    assert "look like one person" in build_log(out)  # said, as information
    return out.parent


def test_a_person_or_lab_named_index_gets_a_page_beside_the_index(tmp_path: Path) -> None:
    """`authors/index.md` and `labs/index.md` are the indexes: an author or a lab whose name makes
    the slug `index` (or an authors.yml entry named so) gets `index-2`, and both pages are built."""
    notes = {f"2025/i{i}.md": _note(f"Paper {i}", ["Index", "Sora Park"], f"2025-04-0{i}", f"2512.9010{i}", "Index")
             for i in (1, 2)}
    site = make_site(tmp_path / "site", notes=notes)
    (site / "data" / "authors.yml").write_text("orgs:\n  - name: Index\n", encoding="utf-8")
    result = build(site)
    assert result.returncode == 0, result.stderr
    person, lab = _page(site, "authors/index-2"), _page(site, "labs/index-2")
    assert person.h1.get_text() == "Index" and lab.h1.get_text() == "Index"
    assert _page(site, "authors").find("a", href="index-2/") and _page(site, "labs").find("a", href="index-2/")


def test_a_declared_family_name_and_a_lab_written_as_an_author_reach_the_citation_files(tmp_path: Path) -> None:
    """`family: Kim` splits `Kim Minji` family first, and `Hugging Face`, which another note names
    as its lab, stays one name: in the page's citation tags, its RIS and CSL-JSON, and the author's
    files. By their look alone, `Kim Minji` was family "Minji" and `Hugging Face` family "Face"."""
    import json
    from urllib.parse import parse_qs

    import rispy

    notes = {"2025/q1.md": _note("Paper Q1", ["Kim Minji", "Hugging Face"], "2025-04-01", "2512.90201", "KAIST"),
             "2025/q2.md": _note("Paper Q2", ["Minji Kim", "Sora Park"], "2025-04-02", "2512.90202", "Hugging Face")}
    site = make_site(tmp_path / "site", notes=notes)
    (site / "data" / "authors.yml").write_text("people:\n  - name: Minji Kim\n    aliases: [Kim Minji]\n    family: Kim\n",
                                               encoding="utf-8")
    result = build(site)
    assert result.returncode == 0, result.stderr
    head = _page(site, "notes/q1").head
    assert [m["content"] for m in head.select('meta[name="citation_author"]')] == ["Kim, Minji", "Hugging Face"]
    out = site / "site"
    note_page, author_page = _page(site, "notes/q1"), _page(site, "authors/minji-kim")
    (record,) = rispy.loads(_download(note_page, "RIS")[1])
    assert record["authors"] == ["Kim, Minji", "Hugging Face"]
    (item,) = json.loads(_download(note_page, "CSL-JSON")[1])
    assert item["author"] == [{"given": "Minji", "family": "Kim"}, {"literal": "Hugging Face"}]
    items = json.loads(_download(author_page, "CSL-JSON")[1])
    assert [i["author"][0] for i in items] == [{"given": "Minji", "family": "Kim"}] * 2
    assert "author = {Kim, Minji and {Hugging Face}}" in (out / "authors/minji-kim/papernotes.bib").read_text(encoding="utf-8")
    spans = _page(site, "authors/minji-kim").select("span.Z3988")  # newest first: q2, then q1
    kev = parse_qs(spans[1]["title"], strict_parsing=True)
    assert kev["rft.au"] == ["Kim, Minji"] and kev["rft.aucorp"] == ["Hugging Face"]


def test_an_alias_written_family_first_splits_at_the_family_name_its_entry_implies(tmp_path: Path) -> None:
    """The guide's own example, `Minji Kim` with the alias `Kim Min-ji` and no `family:`: the alias
    is the name family first, so it is `Kim, Min-ji` in every citation format (it was family name
    "Min-ji", given "Kim", in the RIS, the CSL-JSON and the BibTeX)."""
    import json

    import rispy

    from papernotes.catalog.people import implied_families
    from papernotes.source.authors import Entity

    notes = {"2025/q1.md": _note("Paper Q1", ["Kim Min-ji", "Sora Park"], "2025-04-01", "2512.90201", "KAIST"),
             "2025/q2.md": _note("Paper Q2", ["Minji Kim", "Sora Park"], "2025-04-02", "2512.90202", "KAIST")}
    site = make_site(tmp_path / "site", notes=notes)
    (site / "data" / "authors.yml").write_text("people:\n  - name: Minji Kim\n    aliases: [김민지, Kim Min-ji]\n", encoding="utf-8")
    result = build(site)
    assert result.returncode == 0, result.stderr
    note_page = _page(site, "notes/q1")
    assert [m["content"] for m in note_page.head.select('meta[name="citation_author"]')] == ["Kim, Min-ji", "Sora Park"]
    assert rispy.loads(_download(note_page, "RIS")[1])[0]["authors"] == ["Kim, Min-ji", "Park, Sora"]
    assert json.loads(_download(note_page, "CSL-JSON")[1])[0]["author"][0] == {"given": "Min-ji", "family": "Kim"}
    assert "author = {Kim, Min-ji and Sora Park}" in (site / "site/authors/minji-kim/papernotes.bib").read_text(encoding="utf-8")
    # Only aliases that start with the name's last word; a one-word name implies nothing.
    assert implied_families(Entity("Wei Zhang", "wei-zhang", ("Zhang Wei", "W. Zhang", "张伟"))) == (("Zhang", ("Zhang Wei",)),)
    assert implied_families(Entity("Minji Kim", "minji-kim", ("M. Kim", "김민지"))) == ()
    assert implied_families(Entity("Ada", "ada", ("Ada L.",))) == ()


def test_the_spellings_the_notes_write_show_when_the_file_names_the_person_otherwise(tmp_path: Path) -> None:
    """An authors.yml name the notes never write ('Seán O'Brien' for notes that write 'O'Brien,
    Seán'): the page said nothing of the spelling its notes use (`Also written` needed two
    spellings). Names with a comma are separated by `; `."""
    notes = {f"2025/o{i}.md": _note(f"Paper {i}", ["\"O'Brien, Seán\"" if i == 1 else "\"O'Brien, S.\"", "Sora Park"],
                                    f"2025-04-0{i}", f"2512.9020{i}", "kaist") for i in (1, 2)}
    site = make_site(tmp_path / "site", notes=notes)
    (site / "data" / "authors.yml").write_text("people:\n  - name: Seán O'Brien\n    aliases: [\"O'Brien, Seán\", \"O'Brien, S.\"]\n"
                                               "orgs:\n  - name: KAIST\n", encoding="utf-8")
    result = build(site)
    assert result.returncode == 0, result.stderr
    assert _page(site, "authors/sean-o-brien").select_one(".pn-also").get_text() == "다른 표기Also written: O'Brien, Seán; O'Brien, S."
    assert _page(site, "labs/kaist").select_one(".pn-also").get_text() == "다른 표기Also written: kaist"


def test_the_names_the_file_declares_show_on_the_page_too(tmp_path: Path) -> None:
    """A QA pass: the authors index lists 최예진 under ㅊ, linking to Yejin Choi's page, which named
    only the spelling a note writes (Choi Yejin); a lab's alias (마이크로소프트) neither. The
    declared names no note writes come after the written ones, one of each spelling."""
    notes = {f"2025/y{i}.md": _note(f"Paper {i}", ["Yejin Choi" if i == 1 else "Choi Yejin", "Sora Park"],
                                    f"2025-04-0{i}", f"2512.9030{i}", "Microsoft" if i == 1 else "Microsoft Research")
             for i in (1, 2)}
    site = make_site(tmp_path / "site", notes=notes)
    (site / "data" / "authors.yml").write_text("people:\n  - name: Yejin Choi\n    aliases: [Choi Yejin, 최예진, yejin choi]\n"
                                               "orgs:\n  - name: Microsoft\n    aliases: [Microsoft Research, 마이크로소프트]\n",
                                               encoding="utf-8")
    result = build(site)
    assert result.returncode == 0, result.stderr
    also = _page(site, "authors/yejin-choi").select_one(".pn-also")
    assert also.get_text() == "다른 표기Also written: Choi Yejin, 최예진"
    assert [(s.get_text(), s["lang"]) for s in also.select("span[lang]:not(.pn-lang)")] == [("Choi Yejin", "en"), ("최예진", "ko")]
    assert _page(site, "labs/microsoft").select_one(".pn-also").get_text() == "다른 표기Also written: Microsoft Research, 마이크로소프트"


def test_a_hangul_name_says_which_word_of_its_romanisations_is_the_family_name(tmp_path: Path) -> None:
    """A QA pass: `김민지` with the aliases `Minji Kim`, `Min-Ji Kim` and `Kim Minji` (the guide's
    "Hangul name and its romanisations"), no `family:`: a note writing `Kim Minji` got family name
    "Minji", given "Kim" in every citation format. The Hangul name's first syllable (김: Kim, Gim)
    says `Kim` is the family name, first or last; a compound family name (남궁) and a second
    romanisation of one (이: Lee, Yi) too."""
    import json

    import rispy

    from papernotes.catalog.people import implied_families
    from papernotes.source.authors import Entity

    notes = {"2025/k1.md": _note("Paper K1", ["Kim Minji", "Sora Park"], "2025-04-01", "2512.90211"),
             "2025/k2.md": _note("Paper K2", ["Minji Kim", "Sora Park"], "2025-04-02", "2512.90212")}
    site = make_site(tmp_path / "site", notes=notes)
    (site / "data" / "authors.yml").write_text("people:\n  - name: 김민지\n    aliases: [Minji Kim, Min-Ji Kim, Kim Minji]\n",
                                               encoding="utf-8")
    result = build(site)
    assert result.returncode == 0, result.stderr
    for slug in ("k1", "k2"):
        note_page = _page(site, f"notes/{slug}")
        assert rispy.loads(_download(note_page, "RIS")[1])[0]["authors"][0] == "Kim, Minji"
        assert json.loads(_download(note_page, "CSL-JSON")[1])[0]["author"][0] == {"given": "Minji", "family": "Kim"}
    assert [m["content"] for m in _page(site, "notes/k1").head.select('meta[name="citation_author"]')][0] == "Kim, Minji"
    assert implied_families(Entity("남궁민", "남궁민", ("Min Namgung", "Namgung Min"))) == (("Namgung", ("Namgung Min",)),)
    assert implied_families(Entity("이민", "이민", ("Min Lee", "Lee Min", "Yi Min"))) == (("Lee", ("Lee Min",)), ("Yi", ("Yi Min",)))
    # An unknown family name, or a name that is not Korean, implies nothing (the last space rules).
    assert implied_families(Entity("뷁민", "뷁민", ("Bwelk Min",))) == ()
    assert implied_families(Entity("金敏智", "kim", ("Kim Minji",))) == ()


def _page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / "site" / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def _download(page: BeautifulSoup, fmt: str, scope: str = ".pn-downloads") -> tuple[str, str]:
    """(file name, text) of a page's `data:` download link in `fmt` (`RIS`, `CSL-JSON`), as a
    browser saves it: the `download` name, the body after the comma percent-decoded as UTF-8."""
    from urllib.parse import unquote_to_bytes

    (link,) = [a for a in page.select(f"{scope} a") if a.get_text() == fmt]
    head, _, data = link["href"].partition(",")
    assert head in ("data:application/x-research-info-systems;charset=utf-8",
                    "data:application/vnd.citationstyles.csl+json;charset=utf-8"), head
    assert not set(data) & set("#'&<>\t\r\n"), data  # nothing a URL parser or the attribute would read
    return link["download"], unquote_to_bytes(data).decode("utf-8")


def test_joined_spellings_make_one_author_page(people_site: Path) -> None:
    page = _page(people_site, "authors/minji-kim")
    content = page.select_one("article.md-content__inner")
    assert content.h1.get_text() == "Minji Kim"
    assert [li["data-slug"] for li in content.select(".pn-author-notes li")] == ["p3", "p2", "p1"]  # newest first
    assert "김민지" in content.select_one(".pn-also").get_text() and "Kim Min-ji" in content.select_one(".pn-also").get_text()
    # each spelling in its own language, for screen readers (the Hangul one was read as the page's)
    assert {(s.get_text(), s["lang"]) for s in content.select(".pn-also > span[lang]:not(.pn-lang)")} == {("김민지", "ko"), ("Kim Min-ji", "en")}
    assert content.select_one('a[href="https://orcid.org/0000-0002-1825-0097"]') is not None
    coauthors = {li.contents[0].get_text(): li.select_one(".pn-count").get_text() for li in content.select(".pn-coauthors li")}
    assert coauthors == {"Sora Park": "2", "Hyun Choi": "1", "Jae Lee": "1", "Jae-Won Lee": "1"}
    assert content.select_one(".pn-coauthors a").get("href") == "../sora-park/"
    # names carry their language on a Korean page (a screen reader read 'Sora Park' with the Korean voice)
    assert {li.contents[0]["lang"] for li in content.select(".pn-coauthors li")} == {"en"}
    assert content.select_one("a.pn-org")["lang"] == "en"
    index, labs = _page(people_site, "authors"), _page(people_site, "labs")
    hangul = re.compile("[가-힣]")
    for a in index.select("article .pn-people a") + labs.select("article .pn-labs a"):
        assert a["lang"] == ("ko" if hangul.search(a.get_text()) else "en"), a


def test_author_feed_and_bibtex(people_site: Path) -> None:
    feed = ET.parse(people_site / "site" / "authors" / "minji-kim" / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert [e.findtext("a:title", namespaces=ns) for e in feed.findall("a:entry", ns)] == ["Paper Three", "Paper Two", "Paper One"]
    bib = (people_site / "site" / "authors" / "minji-kim" / "papernotes.bib").read_text(encoding="utf-8")
    assert bib.count("@article{") + bib.count("@misc{") == 3
    head = _page(people_site, "authors/minji-kim").select('link[type="application/atom+xml"]')
    assert any(link["href"].endswith("feed.xml") and "minji" not in link["href"] for link in head)
    assert head[0]["href"] == "feed.xml"  # its own first: a feed reader given the page takes the first


def test_right_to_left_names_in_name_lists_are_isolated_and_not_marked_english(tmp_path: Path) -> None:
    """A co-author list read `<li><span lang="en">محمد علي</span> <span class="pn-count">1</span></li>`:
    shown as "1 محمد علي" (the count carried into the name) and read by a screen reader as English.
    Each list of names (co-authors, the authors index and its initial's page, the labs, an author's
    labs) isolates a right-to-left name (<bdi>, as bylines do) and marks no language it cannot tell."""
    notes = {f"2025/r{i}.md": _note(f"Paper {i}", ["Ada Lovelace", "محمد علي", *(["Noor Haddad"] if i == 1 else [])],
                                    f"2025-04-0{i}", f"2512.9020{i}", "جامعة القاهرة") for i in (1, 2)}
    site = make_site(tmp_path / "site", notes=notes)
    result = build(site)
    assert result.returncode == 0, result.stderr
    arabic = "محمد علي"

    def shown(items: list) -> dict[str, tuple[str, str]]:  # name -> (its element's lang, the text of its <li>)
        found = {}
        for li in items:
            bdi = li.find("bdi")
            if bdi is not None:
                named = bdi.find(attrs={"lang": True}) or bdi.find_parent(attrs={"lang": True})
                found[bdi.get_text()] = (named["lang"], li.get_text())
        return found

    ada = _page(site, "authors/ada-lovelace")
    assert shown(ada.select(".pn-coauthors li")) == {arabic: ("", f"{arabic} 2")}
    assert [li.find("bdi") for li in ada.select(".pn-coauthors li") if "Noor" in li.get_text()] == [None]
    assert [(a["lang"], str(a.find("bdi"))) for a in ada.select("a.pn-org") if a.find("bdi")] == [("", "<bdi>جامعة القاهرة</bdi>")]
    index = _page(site, "authors")
    assert shown(index.select("article .pn-people li")) == {arabic: ("", f"{arabic} 2")}
    assert index.select_one("article .pn-people a")["lang"] == "en"  # Ada Lovelace, first by name
    labs = _page(site, "labs")
    assert shown(labs.select("article .pn-labs li")) == {"جامعة القاهرة": ("", "جامعة القاهرة 2")}


@pytest.mark.parametrize("text, lang", [
    ("Ada Lovelace", "en"), ("José Müller", "en"), ("김민지", "ko"), ("Minji Kim (김민지)", "ko"), ("GPT-4o", "en"),
    ("محمد علي", ""), ("דוד כהן", ""), ("张伟", ""), ("Ελένη Παππά", ""), ("محمد علي (Mohamed Ali)", "en"), ("2024", "en"),
])
def test_names_and_titles_are_marked_english_only_when_written_in_latin_letters(text: str, lang: str) -> None:
    """`lang=""` (unknown) for a name wholly in another script: `en` had it read as English."""
    from papernotes.pages.fragments import text_lang

    assert text_lang(text) == lang


def test_authors_index_lists_pages_by_name_with_a_jump(people_site: Path) -> None:
    content = _page(people_site, "authors").select_one("article.md-content__inner")
    names = [a.get_text() for a in content.select(".pn-people a")]
    # Two notes or more, or named in the file and on a note; a tie in spelling shows the newest note's.
    assert "Minji Kim" in names and "Sora Park" in names and "José Müller" in names
    assert "Grace Hopper" not in names  # named in the file, on no note yet: no empty page
    assert "Jae Lee" not in names  # one note: found by search instead
    assert names == sorted(names, key=match_key)
    jumps = [a.get_text() for a in content.select("nav.pn-jump a")]
    assert jumps == [h.get_text() for h in content.select("h2")]
    # Each initial leads to its own page, which lists that initial's authors (and marks itself in the jump).
    for a, h2 in zip(content.select("nav.pn-jump a"), content.select("h2")):
        page = _page(people_site, "authors/" + unquote(a["href"]).rstrip("/"))
        listed = [x.get_text() for x in page.select("article .pn-people a")]
        assert listed == [x.get_text() for x in h2.find_next_sibling("ul").select("a")], a["href"]
        assert page.select_one('nav.pn-jump a[aria-current="page"]').get_text() == a.get_text()


def test_an_author_shown_by_a_latin_name_is_also_under_their_hangul_names_consonant(people_site: Path) -> None:
    """A QA pass: `Minsu Kim` with the alias `김민수` was only under M; a Korean reader pressing ㄱ
    found nothing. The ㄱ group (in the index and on its page) lists `김민지`, linking to the page
    of `Minji Kim`, the name it shows, with the same count; M still lists `Minji Kim`."""
    content = _page(people_site, "authors").select_one("article.md-content__inner")
    groups = {h2.get_text(): [(a.get_text(), a["href"], a.find_next_sibling("span")["data-count"])
                              for a in h2.find_next_sibling("ul").select("a")] for h2 in content.select("h2")}
    minji = next(entry for entry in groups["M"] if entry[0] == "Minji Kim")
    assert ("김민지", minji[1], minji[2]) in groups["ㄱ"], groups
    page = _page(people_site, "authors/_/ㄱ").select_one("article.md-content__inner")
    assert "김민지" in [a.get_text() for a in page.select(".pn-people a")]
    # An author shown by a Hangul name is listed once.
    assert sum(name == "김민지" for names in groups.values() for name, _, _ in names) == 1


def test_a_big_authors_index_lists_the_initials_and_their_pages_list_the_authors(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above `INDEX_LIMIT` authors the index lists the initials with their counts (at 30,000
    notes the whole list was a 2.4 MB page); every author is still one click away."""
    from papernotes.pages.families import authors as family

    monkeypatch.setattr(family, "INDEX_LIMIT", 2)
    site = make_site(tmp_path / "site", notes=PEOPLE_NOTES)
    (site / "data" / "authors.yml").write_text(AUTHORS_YML, encoding="utf-8")
    assert build(site).returncode == 0
    index = _page(site, "authors").select_one("article.md-content__inner")
    assert index.select("h2") == []
    initials = {a.select_one(".pn-initial").get_text(): a["href"] for a in index.select(".pn-initials a")}
    assert list(initials) == [a.get_text() for a in index.select("nav.pn-jump a")]
    listed = []
    for letter, href in initials.items():
        count = index.select_one(f'.pn-initials a[href="{href}"] .pn-count')["data-count"]   # the whole row is the link
        names = [a.get_text() for a in _page(site, "authors/" + unquote(href).rstrip("/")).select("article .pn-people a")]
        assert len(names) == int(count) and names, letter
        listed += names
    assert "Minji Kim" in listed and "Grace Hopper" not in listed and listed == sorted(listed, key=match_key)


def test_names_outside_a_z_before_and_after_the_letters_make_one_initial_page(tmp_path: Path) -> None:
    """`'t Hooft` and `42 Lab` sort before A, `张伟` and `Σοφία` after Z: all are under `#`, which
    came out as two groups whose pages both wanted `authors/_/etc/`, and the build stopped."""
    authors = ["\"'t Hooft\"", "42 Lab", "Ada Lovelace", "张伟", "Σοφία Παππά", "김민지"]  # quoted for YAML
    notes = {f"2025/n{i}.md": _note(f"N{i}", authors, f"2025-04-0{i}", f"2512.9030{i}") for i in (1, 2)}
    site = make_site(tmp_path / "site", notes=notes)
    result = build(site)
    assert result.returncode == 0, result.stderr
    index = _page(site, "authors").select_one("article.md-content__inner")
    assert [a.get_text() for a in index.select("nav.pn-jump a")] == ["A", "#", "ㄱ"]
    other = [a.get_text() for a in _page(site, "authors/_/etc").select("article .pn-people a")]
    assert other == ["'t Hooft", "42 Lab", "Σοφία Παππά", "张伟"]


def test_lab_aliases_make_one_lab_page(people_site: Path) -> None:
    content = _page(people_site, "labs/google-deepmind").select_one("article.md-content__inner")
    assert [li["data-slug"] for li in content.select(".pn-lab-notes li")] == ["p2", "p1"]
    labs = _page(people_site, "labs").select_one("article.md-content__inner")
    assert "Google DeepMind" in [a.get_text() for a in labs.select(".pn-labs a")]
    assert "DeepMind" not in [a.get_text() for a in labs.select(".pn-labs a")]


def test_a_lab_page_has_its_feed_and_bibliographies(people_site: Path) -> None:
    """A lab page offers what an author page does: its Atom feed (named first in its head), BibTeX,
    RIS and CSL-JSON of its notes, newest first (it had only the page)."""
    import json

    import bibtexparser
    import rispy
    from test_outputs_references import _render

    out, page = people_site / "site" / "labs" / "google-deepmind", _page(people_site, "labs/google-deepmind")
    assert [a["href"] for a in page.select("article .pn-downloads a")] == [
        "feed.xml", "papernotes.bib", "papernotes.ris", "papernotes.csl.json"]
    assert page.select('head link[type="application/atom+xml"]')[0]["href"] == "feed.xml"
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(out / "feed.xml").getroot()
    assert [e.findtext("a:title", namespaces=ns) for e in feed.findall("a:entry", ns)] == ["Paper Two", "Paper One"]
    assert "Google DeepMind" in feed.findtext("a:title", namespaces=ns)
    bib = bibtexparser.parse_string((out / "papernotes.bib").read_text(encoding="utf-8"))
    records = rispy.loads((out / "papernotes.ris").read_text(encoding="utf-8"))
    items = (out / "papernotes.csl.json").read_text(encoding="utf-8")
    assert [e.key for e in bib.entries] == [r["id"] for r in records] == [i["id"] for i in json.loads(items)] == ["p2", "p1"]
    assert len(_render(items)) == 2


def test_note_pages_link_names_that_have_a_page(people_site: Path) -> None:
    facts = _page(people_site, "notes/p2").select_one(".pn-facts")
    links = {a.get_text(): a["href"] for a in facts.select("a.pn-author")}
    assert links == {"김민지": "../../authors/minji-kim/", "Sora Park": "../../authors/sora-park/"}
    assert facts.select_one("a.pn-org")["href"] == "../../labs/google-deepmind/"
    day = _page(people_site, "archive/2025/04/01")
    assert day.select_one('.pn-authors a[href="../../../../authors/minji-kim/"]') is not None
    # A tag page's cards name the authors too (the first three), linked where a page exists.
    card = _page(people_site, "tags/rl").select_one('.pn-item[data-slug="p2"]')
    assert {a.get_text(): a["href"] for a in card.select(".pn-authors a")} == {
        "김민지": "../../authors/minji-kim/", "Sora Park": "../../authors/sora-park/"}


def test_check_advises_on_lookalike_names_without_failing(people_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["check", "--root", str(people_site)]) == 0
    out = capsys.readouterr()
    notices = [line for line in out.out.splitlines() if ": notice: " in line]
    # Hyun Choi / Hyun-Woo Choi? no: different given names. HyunWoo Choi / Hyun-Woo Choi: yes.
    # Jose Muller / José Müller match outright (one author); Jae Lee / Jae-Won Lee are declared distinct.
    assert len(notices) == 1, notices
    assert re.match(r"data/notes/2025/p6\.md:\d+:\d+: notice: authors: 'HyunWoo Choi' here and 'Hyun-Woo Choi' in "
                    r"data/notes/2025/p5\.md:\d+ look like one person", notices[0]), notices[0]
    line = int(notices[0].split(":")[1])
    assert "HyunWoo Choi" in (people_site / "data/notes/2025/p6.md").read_text(encoding="utf-8").splitlines()[line - 1]
    assert "1 notice" in out.err



def test_an_entry_that_joins_two_coauthors_of_one_paper_is_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`Tuo Zhao` with `aliases: [Haifeng Qian]`, both authors of one paper: both names linked to
    one author page and nothing was said. A warning at the later name (the strict build fails),
    naming the entry; the same person written once under two joined spellings in two notes is fine."""
    site = make_site(tmp_path / "site", notes={
        "2025/p1.md": _note("Paper One", ["Haifeng Qian", "Ann Lee", "Tuo Zhao"], "2025-04-01", "2512.90001"),
        "2025/p2.md": _note("Paper Two", ["Haifeng Qian"], "2025-04-02", "2512.90002")})
    (site / "data" / "authors.yml").write_text("people:\n  - name: Tuo Zhao\n    aliases: [Haifeng Qian]\n", encoding="utf-8")
    assert cli(["check", "--root", str(site)]) == 1
    out = capsys.readouterr().out
    (warning,) = [line for line in out.splitlines() if ": warning: " in line]
    assert warning.startswith("data/notes/2025/p1.md:6:5: warning: authors: 'Haifeng Qian' and 'Tuo Zhao' are two authors of "
                              "this paper, but data/authors.yml:2 joins them"), warning
    assert build(site).returncode == 1  # strict


def test_check_advises_once_per_name_and_person_however_many_spellings_the_file_joins(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'Kim Min-ji' looks like 'Minji Kim' and 'Min-Ji Kim', which authors.yml joins as one
    person: one notice (it gave one per spelling), at the unjoined name, naming the other file."""
    site = make_site(tmp_path / "site", notes={
        "2025/p1.md": _note("Paper One", ["Minji Kim"], "2025-04-01", "2512.90001"),
        "2025/p2.md": _note("Paper Two", ["Min-Ji Kim"], "2025-04-02", "2512.90002"),
        "2025/p3.md": _note("Paper Three", ["Kim Min-ji"], "2025-04-03", "2512.90003")})
    (site / "data" / "authors.yml").write_text("people:\n  - name: Minji Kim\n    aliases: [Min-Ji Kim]\n", encoding="utf-8")
    assert cli(["check", "--root", str(site)]) == 0
    notices = [line for line in capsys.readouterr().out.splitlines() if ": notice: " in line]
    assert len(notices) == 1, notices
    assert re.match(r"data/notes/2025/p3\.md:\d+:\d+: notice: authors: 'Kim Min-ji' here and 'Minji Kim' in "
                    r"data/notes/2025/p1\.md:\d+ look like one person; join them in data/authors\.yml", notices[0]), notices[0]

def test_a_lookalike_notice_points_at_the_author_not_at_a_title_holding_the_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The notice's line and column were the first front-matter line holding the name: the title
    'Li-Wei Revisited' (line 2), not the author (line 4), in both files it names."""
    site = make_site(tmp_path / "site", notes={
        "2025/p1.md": _note("Li Wei Revisited", ["Li Wei"], "2025-04-01", "2512.90001"),
        "2025/p2.md": _note("Li-Wei Revisited", ["Li-Wei"], "2025-04-02", "2512.90002")})
    assert cli(["check", "--root", str(site)]) == 0
    notices = [line for line in capsys.readouterr().out.splitlines() if ": notice: " in line]
    assert len(notices) == 1, notices
    assert notices[0].startswith("data/notes/2025/p2.md:4:5: notice: authors: 'Li-Wei' here and 'Li Wei' in data/notes/2025/p1.md:4 "), notices[0]


def test_note_pages_describe_the_paper_in_highwire_tags(people_site: Path) -> None:
    """Google Scholar's inclusion guidelines: one citation_author per author in order, the title,
    a publication date written YYYY/MM/DD "or a year alone otherwise" (this paper's month is its
    arXiv id's: no day), the PDF URL; plus arXiv's DOI."""
    head = _page(people_site, "notes/p2").head
    tags = [(m["name"], m["content"]) for m in head.select('meta[name^="citation_"]')]
    assert tags == [("citation_title", "Paper Two"), ("citation_author", "김민지"), ("citation_author", "Sora Park"),
                    ("citation_publication_date", "2025"), ("citation_arxiv_id", "2512.90002"),
                    ("citation_technical_report_institution", "arXiv"), ("citation_technical_report_number", "arXiv:2512.90002"),
                    ("citation_abstract_html_url", "https://arxiv.org/abs/2512.90002"),
                    ("citation_pdf_url", "https://arxiv.org/pdf/2512.90002"), ("citation_doi", "10.48550/arXiv.2512.90002")]


def test_list_pages_carry_one_coins_span_per_paper(people_site: Path) -> None:
    """COinS: a span of class Z3988 whose title is an OpenURL 1.0 ContextObject in KEV format."""
    from urllib.parse import parse_qs

    # a lab page lists papers too (it had no span: Zotero saw nothing to save there)
    for url, slugs in (("authors/minji-kim", ["p3", "p2", "p1"]), ("archive/2025/04/01", ["p1"]), ("labs/google-deepmind", ["p2", "p1"])):
        page = _page(people_site, url)
        spans = page.select("span.Z3988")
        assert len(spans) == len(slugs), url
        kev = parse_qs(spans[-1]["title"], strict_parsing=True)
        assert kev["ctx_ver"] == ["Z39.88-2004"] and kev["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:journal"]
        assert kev["rft.atitle"] == ["Paper One"] and kev["rft.au"] == ["Minji Kim", "Jae Lee", "Sora Park"]
        assert "info:doi/10.48550/arXiv.2512.90001" in kev["rft_id"]


def test_ris_and_csl_json_beside_each_bibtex_file(people_site: Path) -> None:
    """A tag's RIS and CSL-JSON are files; a note's, and an author's of at most
    `urls.INLINE_REFERENCES` notes, are `data:` links in the page, saved under the page's name
    (files were two of the output's files per note), and what they hold reads back."""
    import json

    import rispy

    out = people_site / "site"
    author, note = _page(people_site, "authors/minji-kim"), _page(people_site, "notes/p2")
    for page, slugs, name in ((author, ["p3", "p2", "p1"], "minji-kim"), (note, ["p2"], "p2")):
        (ris_name, ris_text), (csl_name, csl_text) = _download(page, "RIS"), _download(page, "CSL-JSON")
        assert (ris_name, csl_name) == (f"{name}.ris", f"{name}.csl.json")
        assert [r["id"] for r in rispy.loads(ris_text)] == [i["id"] for i in json.loads(csl_text)] == slugs
    records = rispy.loads((out / "tags/rl/papernotes.ris").read_text(encoding="utf-8"))
    items = json.loads((out / "tags/rl/papernotes.csl.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == [i["id"] for i in items] and records
    links = [a["href"] for a in author.select(".pn-downloads a")]
    assert links[:2] == ["feed.xml", "papernotes.bib"] and all(h.startswith("data:") for h in links[2:]) and len(links) == 4
    assert not list(out.glob("notes/**/papernotes.*")) and not list(out.glob("authors/**/papernotes.ris"))
    # The whole site comes as BibTeX only (issue 24: the RIS and CSL-JSON copies were 1.2 kB a note).
    assert (out / "papernotes.bib").is_file()
    assert not (out / "papernotes.ris").exists() and not (out / "papernotes.csl.json").exists()


def test_each_note_has_a_markdown_copy_linked_from_its_page(people_site: Path) -> None:
    import yaml

    page = _page(people_site, "notes/p2")
    (link,) = page.select('link[rel="alternate"][type="text/markdown"]')
    copy = (people_site / "site" / "notes" / "p2" / link["href"]).resolve()
    assert copy == (people_site / "site" / "notes" / "p2.md").resolve()
    text = copy.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    facts = yaml.safe_load(front)
    assert facts["title"] == "Paper Two" and facts["authors"] == ["김민지", "Sora Park"]
    assert facts["arxiv"] == "2512.90002" and facts["doi"] == "10.48550/arXiv.2512.90002" and facts["tags"] == ["rl"]
    assert [line for line in body.splitlines() if line.startswith("#")] == ["# Paper Two", "## 한국어", "## English"]
    assert "코멘트." in body and "Commentary." in body
    assert (people_site / "site" / "notes" / "sitemap.xml").is_file()  # the theme asks for it beside the copy


def test_llms_txt_lists_the_site_its_tags_and_its_notes(people_site: Path) -> None:
    out = people_site / "site"
    text = (out / "llms.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# papernotes" and lines[2].startswith("> ")
    assert "## Tags" in lines and "## Notes" in lines
    notes = lines[lines.index("## Notes") + 2:]
    targets = [re.match(r"- \[[^\]]+\]\(([^)]+)\): ", line).group(1) for line in notes]
    assert "notes/p2.md" in targets
    assert all((out / t).is_file() for t in targets)
    tags = lines[lines.index("## Tags") + 2: lines.index("## Notes") - 1]
    assert any(line.startswith("- [Reinforcement learning · 강화학습](tags/rl/)") for line in tags)
    # Every file it names is there: a tag's exports in its folder, an author's feed and BibTeX.
    named = re.findall(r"`([^`]+)`", lines[4])
    assert "tags/<tag>/papernotes.ris" in named
    assert all((out / "tags" / "rl" / name).is_file() for name in named if "/" not in name), named
    author = next(p.parent for p in (out / "authors").glob("*/feed.xml"))
    assert (author / "papernotes.bib").is_file() and "each author's folder" in lines[4]


def test_a_serve_session_advises_again_when_the_names_or_the_authors_file_change(tmp_path: Path) -> None:
    """`mkdocs serve` loads the notes again after every save with one `NoteCache`, which
    remembers the look-alike pairs: the advice follows a moved line, a joining entry and a
    changed name, as a fresh load gives it."""
    from papernotes.source.tree import NoteCache, load_site

    site = make_site(tmp_path / "site", notes={"2025/p5.md": PEOPLE_NOTES["2025/p5.md"], "2025/p6.md": PEOPLE_NOTES["2025/p6.md"]})
    cache = NoteCache()

    def advice() -> list[str]:
        found = [p.format() for p in load_site(site, "data", reuse=cache).notices]
        assert found == [p.format() for p in load_site(site, "data").notices]  # the same as without the cache
        return found

    assert len(advice()) == 1
    p6 = site / "data" / "notes" / "2025" / "p6.md"
    p6.write_text(p6.read_text(encoding="utf-8").replace("---\ntitle:", "---\nurl: https://example.org/six\ntitle:", 1), encoding="utf-8")
    moved = advice()
    assert len(moved) == 1 and "HyunWoo Choi" in p6.read_text(encoding="utf-8").splitlines()[int(moved[0].split(":")[1]) - 1]
    (site / "data" / "authors.yml").write_text("people:\n  - name: Hyun-Woo Choi\n    aliases: [HyunWoo Choi]\n", encoding="utf-8")
    assert advice() == []
    (site / "data" / "authors.yml").unlink()
    p6.write_text(p6.read_text(encoding="utf-8").replace("HyunWoo Choi", "Grace Hopper"), encoding="utf-8")
    assert advice() == []


def test_a_save_that_changes_no_name_renews_the_people_with_the_new_records() -> None:
    """Under serve, `People.renewed` stands for a fresh `People` when `people_key` is the same:
    the same parties, page for page, each listing the new records of its notes."""
    def notes(text: str) -> tuple[Note, ...]:
        return tuple(Note(slug=f"n{i}", source=f"n{i}.md", title=f"N{i}", authors=names, date=dt.date(2025, 1, 9 - i),
                          tags=(), org=org, en=text)
                     for i, (names, org) in enumerate([(("Ann Lee", "Bo Kim"), "DeepMind"), (("ann lee",), None),
                                                       (("Bo Kim", "Cy Park"), "Google DeepMind"), (("Dee Moss",), None)]))
    authors = AuthorsFile(orgs=(Entity("Google DeepMind", "google-deepmind", ("DeepMind",)),))
    authors = AuthorsFile(orgs=authors.orgs, org_of={match_key(n): authors.orgs[0] for n in ("Google DeepMind", "DeepMind")})
    before, after = notes("first"), notes("edited")
    last = People(before, authors)
    assert last.key == people_key(after, authors, 2)
    renewed, fresh = last.renewed(after), People(after, authors)
    assert renewed.authors == fresh.authors and renewed.single == fresh.single and renewed.orgs == fresh.orgs
    assert [p.slug for p in renewed.authors] == ["ann-lee", "bo-kim"] and [p.slug for p in renewed.orgs] == ["google-deepmind"]
    assert all(n in after for p in (*renewed.authors, *renewed.single, *renewed.orgs) for n in p.notes)
    assert renewed.author("ANN LEE") is renewed.authors[0] and renewed.org("DeepMind") is renewed.orgs[0]
    assert renewed.coauthors(renewed.authors[0]) == fresh.coauthors(fresh.authors[0])
    # Anything People is made from changes the key: an author, a lab, the order, the threshold.
    moved = (after[1], after[0], *after[2:])
    for other in (moved, tuple(n if n.slug != "n3" else dataclasses.replace(n, authors=("Ann Lee",)) for n in after)):
        assert people_key(other, authors, 2) != last.key
    assert people_key(after, authors, 3) != last.key
    # One note edited: the parties of its names get its new record; every other party is kept.
    one = (*after[:3], dataclasses.replace(after[3], en="edited again"))
    again = renewed.renewed(one)
    dee = next(p for p in again.single if p.slug == "dee-moss")
    assert dee.notes[0] is one[3] and dee not in renewed.single
    assert all(a is b for a, b in zip(again.single, renewed.single) if a.slug != "dee-moss")
    assert all(a is b for a, b in zip(again.authors, renewed.authors)) and again.orgs[0] is renewed.orgs[0]
    assert again.authors == People(one, authors).authors and again.single == People(one, authors).single


def test_a_busy_author_or_lab_gets_numbered_pages_and_a_capped_coauthor_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An author's notes are cut into pages of `author_page_size` (the busiest author of 10,000
    generated notes had a 625 kB page); every note is on one page, in order, with a pager; the
    first page names at most `COAUTHORS_SHOWN` co-authors and counts the rest."""
    from papernotes.pages.families import authors as family

    monkeypatch.setattr(family, "COAUTHORS_SHOWN", 3)
    notes = {f"2025/busy-{i}.md": _note(f"Busy Paper {i}", ["Ada Busy", f"Co Author{i}"], f"2025-05-{i + 1:02d}", f"2512.9{i:04d}", "Busy Lab")
             for i in range(5)}
    site = make_site(tmp_path / "site", notes=notes, extra={"author_page_size": 2})
    assert build(site).returncode == 0
    pages = [_page(site, "authors/ada-busy"), _page(site, "authors/ada-busy/page/2"), _page(site, "authors/ada-busy/page/3")]
    assert not (site / "site" / "authors" / "ada-busy" / "page" / "4").exists()
    slugs = [li["data-slug"] for page in pages for li in page.select(".pn-author-notes li")]
    assert slugs == [f"busy-{i}" for i in (4, 3, 2, 1, 0)]  # newest first, each once
    assert [a.get_text() for a in pages[0].select_one("nav.pn-pager").select("a")] == ["2", "3"]
    assert pages[1].select_one('nav.pn-pager [aria-current="page"]').get_text() == "2"
    assert len(pages[0].select(".pn-coauthors li")) == 3
    assert "2 more co-authors" in pages[0].select_one(".pn-more").get_text()
    assert pages[1].select(".pn-coauthors li") == [] and pages[0].select_one(".pn-count")["data-count"] == "5"
    # A lab's notes are paged the same way (the largest page at 30,000 generated notes was a lab's, 922 kB).
    lab = [_page(site, "labs/busy-lab"), _page(site, "labs/busy-lab/page/2"), _page(site, "labs/busy-lab/page/3")]
    assert [li["data-slug"] for page in lab for li in page.select(".pn-lab-notes li")] == [f"busy-{i}" for i in (4, 3, 2, 1, 0)]
    assert lab[2].select_one('nav.pn-pager [aria-current="page"]').get_text() == "3"


@pytest.mark.parametrize("older, newer, shown", [
    ("Ｍinji Kim", "Minji Kim", "Minji Kim"),  # fullwidth letters lose a tie
    ("Minji Kim", "Ｍinji Kim", "Minji Kim"),
    ("Anna Müller", "Anna Muller", "Anna Müller"),  # the accents win a tie
    ("Anna Muller", "Anna Müller", "Anna Müller"),
    ("Łukasz Kaiser", "Lukasz Kaiser", "Łukasz Kaiser"),  # a stroke is an accent too
    ("José García-López", "José Garcia-Lopez", "José García-López"),  # the most accents: both had one
    ("José Garcia-Lopez", "José García-López", "José García-López"),
    ("Jose\u0301 Garci\u0301a", "Jose\u0301 Garcia", "Jose\u0301 Garci\u0301a"),  # written as letter and mark
])
def test_a_tie_between_spellings_shows_the_plain_form_with_its_accents(older: str, newer: str, shown: str) -> None:
    notes = tuple(Note(slug=s, source=f"{s}.md", title=s, authors=(name,), date=dt.date(2025, 1, d), tags=("rl",))
                  for s, name, d in (("new", newer, 2), ("old", older, 1)))  # newest first, as the index has them
    (person,) = People(notes, AuthorsFile()).authors
    assert person.name == shown


def test_a_large_teams_papers_are_listed_with_their_first_authors_and_noted_with_all(tmp_path: Path) -> None:
    """Two notes by one large team: each of its members' pages and files lists the papers with
    their first `LISTED_AUTHORS` authors (BibTeX says `and others`), so the site grows with the
    team, not with its square; the note's page and own files name everyone."""
    import json

    import bibtexparser
    import rispy

    from papernotes.outputs.citation import LISTED_AUTHORS

    team = [f"Member{i:03d} Person" for i in range(LISTED_AUTHORS + 30)]
    notes = {"2025/big1.md": _note("Big One", team, "2025-04-01", "2512.90201"),
             "2025/big2.md": _note("Big Two", team[:LISTED_AUTHORS + 10], "2025-04-02", "2512.90202")}
    site = make_site(tmp_path / "site", notes=notes)
    result = build(site)
    assert result.returncode == 0, result.stderr
    out = site / "site"
    member = out / "authors" / "member005-person"
    first = team[:LISTED_AUTHORS]
    feed = ET.parse(member / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    for entry in feed.findall("a:entry", ns):
        assert [n.text for n in entry.findall("a:author/a:name", ns)] == first
    library = bibtexparser.parse_string((member / "papernotes.bib").read_text(encoding="utf-8"))
    assert [e["author"].split(" and ")[-1] for e in library.entries] == ["others", "others"]
    assert [len(e["author"].split(" and ")) for e in library.entries] == [LISTED_AUTHORS + 1] * 2
    as_ris = [f"Person, {name.split()[0]}" for name in team]  # RIS's `Family, Given`
    member_page = _page(site, "authors/member005-person")
    assert [r["authors"] for r in rispy.loads(_download(member_page, "RIS")[1])] == [as_ris[:LISTED_AUTHORS]] * 2
    csl = json.loads(_download(member_page, "CSL-JSON")[1])
    assert [len(item["author"]) for item in csl] == [LISTED_AUTHORS] * 2
    spans = member_page.select("span.Z3988")
    assert [unquote(s["title"]).count("rft.au=") for s in spans] == [LISTED_AUTHORS] * 2
    # The note itself: every author, in its page's tags, its inline BibTeX and its own files.
    page = _page(site, "notes/big1")
    assert [m["content"] for m in page.select('meta[name="citation_author"]')] == team
    assert "and others" not in page.select_one("pre.pn-bibtex").get_text()
    assert rispy.loads(_download(page, "RIS", ".pn-cite")[1])[0]["authors"] == as_ris
    own = json.loads(_download(page, "CSL-JSON", ".pn-cite")[1])
    assert len(own[0]["author"]) == len(team)


def test_an_author_of_more_notes_than_a_page_carries_gets_reference_files(tmp_path: Path) -> None:
    """Past `urls.INLINE_REFERENCES` notes an author's RIS and CSL-JSON are files beside the page
    (inside it they would grow it by ~1.2 kB a note); up to it, `data:` links. Both hold every note."""
    import json

    import rispy

    from papernotes.catalog.urls import INLINE_REFERENCES

    many = INLINE_REFERENCES + 1
    notes = {f"2025/m{i}.md": _note(f"Paper M{i}", ["Busy Author", f"Other{i} Person" if i < INLINE_REFERENCES - 1 else "Edge Author"],
                                    f"2025-04-{i + 1:02d}", f"2512.9{i:04d}") for i in range(many)}
    site = make_site(tmp_path / "site", notes=notes)
    result = build(site)
    assert result.returncode == 0, result.stderr
    out = site / "site"
    busy = [a["href"] for a in _page(site, "authors/busy-author").select(".pn-downloads a")]
    assert busy == ["feed.xml", "papernotes.bib", "papernotes.ris", "papernotes.csl.json"]
    assert len(rispy.loads((out / "authors/busy-author/papernotes.ris").read_text(encoding="utf-8"))) == many
    assert len(json.loads((out / "authors/busy-author/papernotes.csl.json").read_text(encoding="utf-8"))) == many
    edge = _page(site, "authors/edge-author")  # the last notes' co-author: fewer notes, inline
    assert len(json.loads(_download(edge, "CSL-JSON")[1])) == many - INLINE_REFERENCES + 1 == 2
    assert not (out / "authors/edge-author/papernotes.ris").exists()


def test_two_names_with_one_slug_the_first_noted_keeps_its_address() -> None:
    """`Jae-won Park` (noted since 2024) and a newcomer `Jae Won Park` (not joined in
    data/authors.yml, so two authors) make the same slug: the newcomer gets `-2`, so the older
    author's page does not move, whatever order the names sort in."""
    def note(slug: str, day: str, author: str) -> Note:
        return Note(slug=slug, source=f"{slug}.md", title=slug, authors=(author, "Sora Park"), date=dt.date.fromisoformat(day), tags=("rl",))

    notes = (note("new2", "2025-05-02", "Jae Won Park"), note("new1", "2025-05-01", "Jae Won Park"),
             note("old2", "2024-01-02", "Jae-won Park"), note("old1", "2024-01-01", "Jae-won Park"))
    people = People(notes, AuthorsFile(), 2)
    assert {p.slug: p.name for p in people.authors if "park" in p.slug and p.name != "Sora Park"} == {
        "jae-won-park": "Jae-won Park", "jae-won-park-2": "Jae Won Park"}


def test_a_very_long_name_gets_a_slug_a_folder_can_have() -> None:
    """An author or lab's slug names a folder (`authors/<slug>/`, `labs/<slug>/`); file systems allow
    255 bytes a name, and a 300-letter name (or 180 Hangul syllables, 3 bytes each) stopped the build
    with "File name too long" after `papernotes check` had passed it. Two names cut to one slug
    are still two pages."""
    long_a, long_b = "Averylongname " * 20 + "Kim", "Averylongname " * 20 + "Lee"
    lab = "연구소" * 60

    def note(slug: str, author: str) -> Note:
        return Note(slug=slug, source=f"{slug}.md", title=slug, authors=(author,), date=dt.date(2025, 1, 1), tags=("rl",), org=lab)

    people = People((note("a1", long_a), note("a2", long_a), note("b1", long_b), note("b2", long_b)), AuthorsFile(), 2)
    slugs = [p.slug for p in (*people.authors, *people.orgs)]
    assert len(slugs) == 3 and len(set(slugs)) == 3, slugs
    assert all(0 < len(slug.encode("utf-8")) <= 120 for slug in slugs), slugs
    assert people.orgs[0].slug == lab[:40] and people.orgs[0].name == lab  # whole syllables (3 bytes each); the page shows the name


def test_names_with_a_comma_are_separated_by_semicolons() -> None:
    """`Smith, John, Henry Ford, Jr., Jae Lee` reads as five people (found on a built note page's
    byline): with a comma in a name, names are separated by `; `, as in the daily post."""
    from papernotes.pages.fragments import authors

    assert str(authors(("Smith, John", "Henry Ford, Jr.", "Jae Lee"))) == (
        '<span class="pn-authors" lang="en">Smith, John; Henry Ford, Jr.; Jae Lee</span>')
    assert str(authors(("Smith, John", "Jae Lee", "Ada Lovelace"), 2)).endswith("Smith, John; Jae Lee; … (+1)</span>")
    assert str(authors(("Ada Lovelace", "Jae Lee"))) == '<span class="pn-authors" lang="en">Ada Lovelace, Jae Lee</span>'


def test_a_person_named_in_authors_yml_gets_a_page_from_their_first_note() -> None:
    """An entry of data/authors.yml whose person no note names yet makes no page (an empty
    "0 notes" page with an empty feed, listed with 0 on the index); their first note makes one."""
    person = Entity(name="Solo Person", slug="solo-person")
    authors = AuthorsFile(people=(person,), person_of={match_key("Solo Person"): person})
    note = Note(slug="n1", source="n1.md", title="N1", authors=("Sora Park",), date=dt.date(2025, 1, 1), tags=("rl",))
    assert [p.slug for p in People((note,), authors, 2).authors] == []
    solo = dataclasses.replace(note, slug="n2", source="n2.md", authors=("Solo Person",))
    assert [p.slug for p in People((solo, note), authors, 2).authors] == ["solo-person"]


def test_a_large_teams_note_counts_for_the_pages_and_co_authors_of_its_first_authors() -> None:
    """A member far down a large team's list does not get an author page from its notes (the
    1,000th author of a lab's report), and a member's co-authors count the first LISTED_AUTHORS
    of such a note: a build with 200-3,000-author notes took 21 minutes counting every pair."""
    from papernotes.names import LISTED_AUTHORS

    team = tuple(f"Member{i:03d} Person" for i in range(LISTED_AUTHORS + 30))
    notes = tuple(Note(slug=f"big{i}", source=f"big{i}.md", title=f"Big {i}", authors=team,
                       date=dt.date(2025, 1, 1 + i), tags=("rl",)) for i in range(2))
    people = People(notes, AuthorsFile(), 2)
    slugs = {p.slug for p in people.authors}
    assert "member005-person" in slugs and "member070-person" not in slugs
    assert len(slugs) == LISTED_AUTHORS
    coauthors = people.coauthors(people.author("Member005 Person"))
    assert len(coauthors) == LISTED_AUTHORS - 1 and all(count == 2 for _, _, count in coauthors)
