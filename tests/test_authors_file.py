"""`data/authors.yml` validation: every problem of an entry in one run, each at the line, column
and field path of the value it is about; one ORCID iD or one pair of names cannot be said twice
in contradiction; look-alike advice counts people, not spellings."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from papernotes.model import Note
from papernotes.source.authors import AuthorsFile, load_authors, lookalike_pairs


def _load(tmp_path: Path, text: str) -> tuple[AuthorsFile, list[tuple[int, int, str, str]]]:
    (tmp_path / "authors.yml").write_text(text, encoding="utf-8")
    authors, problems = load_authors(tmp_path / "authors.yml", "data/authors.yml")
    return authors, [(p.line, p.column, p.field, p.rule) for p in problems]


@pytest.mark.parametrize("text, expected", [
    pytest.param("people:\n  - name: A\n    orcid: 0000-0002-1825-0098\n    twitter: x\n",
                 [(3, 12, "people[0].orcid", "bad-orcid"), (4, 5, "people[0].twitter", "unknown-key")],
                 id="bad-orcid-and-unknown-key"),
    # A quote or a bracket passed and made a broken link (escaped, but not the address written).
    pytest.param('people:\n  - name: A\n    homepage: "https://evil.example/\\"><script>x"\n',
                 [(3, 15, "people[0].homepage", "bad-url")], id="homepage-with-a-quote"),
    pytest.param("people:\n  - name: A\n    orcd: 0000-0002-1825-0097\n    homepage: ftp://x\n",
                 [(3, 5, "people[0].orcd", "unknown-key"), (4, 15, "people[0].homepage", "bad-url")],
                 id="typo-key-and-ftp-homepage"),
    pytest.param("people:\n  - name: A\n    aliases: [B, 42, \"\"]\n    slug: Bad Slug\n",
                 [(3, 18, "people[0].aliases[1]", "wrong-type"), (3, 22, "people[0].aliases[2]", "empty"),
                  (4, 11, "people[0].slug", "bad-slug")],
                 id="each-alias-on-its-own"),
    pytest.param("people:\n  - aliases: [B]\n    orcid: 12\n",
                 [(3, 12, "people[0].orcid", "wrong-type"), (2, 5, "people[0]", "missing-name")],
                 id="missing-name-and-more"),
    pytest.param("orgs:\n  - name: 7\n    homepage: example.org\n",
                 [(2, 11, "orgs[0].name", "wrong-type"), (3, 15, "orgs[0].homepage", "bad-url")],
                 id="orgs-too"),
    pytest.param("distinct:\n  - [A, 42]\n", [(2, 9, "distinct[0][1]", "wrong-type")], id="distinct-name"),
    # Full-width or Arabic-Indic digits passed (\\d) and the page linked a broken iD.
    pytest.param("people:\n  - name: A\n    orcid: \uff10000-0002-1825-0097\n  - name: B\n    orcid: 000\u0660-0002-1825-0097\n",
                 [(3, 12, "people[0].orcid", "bad-orcid"), (5, 12, "people[1].orcid", "bad-orcid")], id="orcid-non-ascii-digits"),
    # A 5,000-character name passed here, while a note's author is limited to 1,000 characters.
    pytest.param("people:\n  - name: " + "A" * 1001 + "\n    aliases: [" + "B" * 1001 + "]\n",
                 [(2, 11, "people[0].name", "too-long"), (3, 15, "people[0].aliases[0]", "too-long")], id="names-too-long"),
    pytest.param("people:\n  - name: Minji Kim\n    aliases: [김민지]\n    family: Lee\n  - name: Jae Lee\n    family: Jae Lee\n",
                 [(4, 13, "people[0].family", "bad-family"), (6, 13, "people[1].family", "bad-family")],
                 id="family-not-in-the-name-or-the-whole-name"),
    pytest.param("orgs:\n  - name: Hugging Face\n    family: Face\n", [(3, 5, "orgs[0].family", "unknown-key")],
                 id="family-is-for-people"),
    # A slug names a folder (authors/<slug>/): past 255 bytes the build stopped with "File name too long".
    # A slug that folds to another (straße: strasse, ﬁ: fi) passed the check, then stopped the build:
    # the build refuses two pages whose folders differ only by case, and made-up slugs are folded.
    pytest.param("people:\n  - name: Bob\n    slug: straße-x\n", [(3, 11, "people[0].slug", "bad-slug")], id="slug-that-folds"),
    pytest.param("people:\n  - name: Bob\n    slug: ﬁ\n", [(3, 11, "people[0].slug", "bad-slug")], id="slug-with-a-ligature"),
    # `slug: "_"` built the author's page at authors/_/, the folder of the index's initial pages
    # (authors/_/a/); `_` is no word of a slug ("lowercase words joined by '-'"), anywhere in it.
    pytest.param('people:\n  - name: A\n    slug: "_"\n  - name: B\n    slug: __\n  - name: C\n    slug: a_b\n'
                 'orgs:\n  - name: D\n    slug: _\n',
                 [(3, 11, "people[0].slug", "bad-slug"), (5, 11, "people[1].slug", "bad-slug"),
                  (7, 11, "people[2].slug", "bad-slug"), (10, 11, "orgs[0].slug", "bad-slug")], id="slug-with-underscores"),
    # A line break or tab inside a name passed, as in a note's authors (a name is one line).
    pytest.param('people:\n  - name: "Evil\\nOne"\n    aliases: ["A\\tB", Fine]\ndistinct:\n  - [Fine, "X\\nY"]\n'
                 'orgs:\n  - name: "Lab\\nAU  - Injected"\n',
                 [(2, 11, "people[0].name", "control-character"), (3, 15, "people[0].aliases[0]", "control-character"),
                  (5, 12, "distinct[0][1]", "control-character"), (7, 11, "orgs[0].name", "control-character")],
                 id="names-with-line-breaks"),
    pytest.param("people:\n  - name: A\n    slug: " + "-".join(["averylongword"] * 20) + "\n",
                 [(3, 11, "people[0].slug", "long-slug")], id="slug-too-long-for-a-folder"),
])
def test_every_problem_of_an_entry_is_reported_in_one_run(tmp_path: Path, text: str,
                                                          expected: list[tuple[int, int, str, str]]) -> None:
    _, problems = _load(tmp_path, text)
    assert problems == expected


def test_a_wrong_value_is_left_out_and_the_rest_of_its_entry_still_counts(tmp_path: Path) -> None:
    """A wrong ORCID check digit dropped the whole entry: the names it joins were advised to be
    joined ("look like one person"), and under serve their author page went missing."""
    authors, problems = _load(tmp_path, "people:\n  - name: A\n    aliases: [a2, 42]\n    orcid: 0000-0002-1825-0098\n"
                                        "    twitter: x\n    family: Zed\n  - name: B\n    aliases: [b2]\n")
    assert [p[3] for p in problems] == ["wrong-type", "bad-orcid", "unknown-key", "bad-family"]
    assert [p.name for p in authors.people] == ["A", "B"] and set(authors.person_of) == {"a", "a2", "b", "b2"}
    assert authors.people[0].orcid is None and authors.people[0].family is None


@pytest.mark.parametrize("name", ["[Wei Zhang]", "123", None])
def test_an_entry_without_a_right_name_is_left_out_with_its_family_unchecked(tmp_path: Path, name: str | None) -> None:
    """A wrong or missing name beside a `family:` stopped the check, the build and serve with a
    KeyError instead of the located error."""
    line = f"  - name: {name}\n    aliases: [Zhang Wei]\n" if name else "  - aliases: [Zhang Wei]\n"
    authors, problems = _load(tmp_path, "people:\n" + line + "    family: Zhang\n  - name: B\n")
    assert [p[2] for p in problems] == ["people[0].name" if name else "people[0]"]
    assert [p.name for p in authors.people] == ["B"]


@pytest.mark.parametrize("text, expected", [
    pytest.param("people:\n  - name: Minji Kim\n    aliases: [Kim Min-ji]\n  - name: Jae Lee\n    aliases: [김민지, minji kim]\n"
                 "  - name: 김민지\n",
                 [(5, 20, "people[1].aliases[1]", "duplicate-name"), (6, 11, "people[2].name", "duplicate-name")],
                 id="names-where-written"),
    pytest.param("people:\n  - name: A\n    orcid: 0000-0002-1825-0098\n  - name: B\n  - name: C\n    aliases: [b]\n",
                 [(3, 12, "people[0].orcid", "bad-orcid"), (6, 15, "people[2].aliases[0]", "duplicate-name")],
                 id="index-counts-left-out-entries"),
    pytest.param("people:\n  - name: Ann\n    slug: ann\n  - name: Anne\n    slug: ann\n  - name: ANN\n    aliases: [Other]\n",
                 [(5, 11, "people[1].slug", "duplicate-slug"), (6, 11, "people[2].name", "duplicate-name"),
                  (6, 11, "people[2].name", "duplicate-slug")],
                 id="slugs-where-written-or-made"),
    pytest.param("orgs:\n  - name: Google DeepMind\n  - name: DeepMind\n    aliases: [google deepmind]\n",
                 [(4, 15, "orgs[1].aliases[0]", "duplicate-name")], id="orgs"),
])
def test_a_name_or_slug_said_twice_is_reported_where_it_is_written(tmp_path: Path, text: str,
                                                                  expected: list[tuple[int, int, str, str]]) -> None:
    _, problems = _load(tmp_path, text)
    assert sorted(problems) == sorted(expected)


@pytest.mark.parametrize("text, line, column, field, says", [
    pytest.param("people:\n  - name: Minji Kim\n    aliases: [김민지, minji  kim]\n", 3, 20, "people[0].aliases[1]",
                 "'minji  kim' is already the name of this entry (line 2)", id="own-name"),
    pytest.param("orgs:\n  - name: Google DeepMind\n    aliases: [DeepMind, deepmind]\n", 3, 25, "orgs[0].aliases[1]",
                 "'deepmind' is already aliases[0] of this entry (line 2)", id="alias-twice"),
])
def test_an_entry_naming_itself_twice_is_advice_where_it_is_written(tmp_path: Path, text: str, line: int, column: int,
                                                                    field: str, says: str) -> None:
    """An alias equal to its entry's own name, or written twice, was accepted in silence; it
    contradicts nothing, so it is a notice (failing neither check nor the strict build)."""
    (tmp_path / "authors.yml").write_text(text, encoding="utf-8")
    authors, problems = load_authors(tmp_path / "authors.yml", "data/authors.yml")
    assert [(p.path, p.line, p.column, p.field, p.severity) for p in problems] == [
        ("data/authors.yml", line, column, field, "notice")]
    assert says in problems[0].message and "list it once" in problems[0].message
    assert len(authors.people) + len(authors.orgs) == 1


def test_one_orcid_on_two_people_is_reported_on_the_second_naming_the_first(tmp_path: Path) -> None:
    (tmp_path / "authors.yml").write_text("people:\n  - name: Minji Kim\n    orcid: 0000-0002-1825-0097\n"
                                          "  - name: Grace Hopper\n    orcid: https://orcid.org/0000-0002-1825-0097\n",
                                          encoding="utf-8")
    _, problems = load_authors(tmp_path / "authors.yml", "data/authors.yml")
    assert [p.format() for p in problems] == [
        "data/authors.yml:5:12: error: people[1].orcid: ORCID iD 0000-0002-1825-0097 is already the iD of 'Minji Kim' "
        "(line 2); one iD is one person: join the two entries, or copy the right iD from orcid.org"]


@pytest.mark.parametrize("text, line, field", [
    ("people:\n  - name: Minji Kim\n    aliases: [김민지]\ndistinct:\n  - [Minji Kim, 김민지]\n", 5, "distinct[0]"),
    ("distinct:\n  - [Jae Lee, Jae-Won Lee]\n  - [김민지, minji kim]\npeople:\n  - name: Minji Kim\n    aliases: [김민지]\n",
     3, "distinct[1]"),  # `distinct` first: the check waits for the people
])
def test_a_distinct_pair_that_an_entry_joins_is_reported_on_the_pair(tmp_path: Path, text: str, line: int, field: str) -> None:
    authors, problems = _load(tmp_path, text)
    assert problems == [(line, 5, field, "contradicts-people")]
    assert frozenset({"minji kim", "김민지"}) not in authors.distinct


def test_a_contradicting_distinct_pair_names_the_person_and_both_names(tmp_path: Path) -> None:
    (tmp_path / "authors.yml").write_text("people:\n  - name: Minji Kim\n    aliases: [김민지]\ndistinct:\n  - [Minji Kim, 김민지]\n",
                                          encoding="utf-8")
    _, problems = load_authors(tmp_path / "authors.yml", "data/authors.yml")
    assert [p.format() for p in problems] == [
        "data/authors.yml:5:5: error: distinct[0]: 'Minji Kim' and '김민지' are both names of 'Minji Kim' (line 2); "
        "remove this pair, or split that entry in two"]


def test_a_distinct_pair_of_one_name_says_why_it_cannot_be_kept_apart(tmp_path: Path) -> None:
    """`[José García, Jose Garcia]` was refused as "two different names": they are one name to the
    matching (accents are not compared), and the message said the opposite of what it meant."""
    (tmp_path / "authors.yml").write_text("distinct:\n  - [José García, Jose Garcia]\n", encoding="utf-8")
    _, problems = load_authors(tmp_path / "authors.yml", "data/authors.yml")
    assert [p.format() for p in problems] == [
        "data/authors.yml:2:5: error: distinct[0]: 'José García' and 'Jose Garcia' are one name to papernotes (case, width, "
        "spacing and accents are not compared), so they are one author and cannot be kept apart; `distinct` is for names "
        "that differ otherwise, e.g. [Minji Kim, Min-Ji Kim]"]


def test_a_slug_that_is_another_authors_page_is_a_warning_at_the_slug(tmp_path: Path) -> None:
    """`slug: chitta-baral` on Tong Zheng's entry took Chitta Baral's page and moved him to
    `chitta-baral-2` with no word (and `qualcomm` for Tencent, the lab's). A slug an entry joins
    to its own names, or its name's own slug, is fine."""
    from hostile_base import note, write_site
    from papernotes.source.tree import load_site

    root = write_site(tmp_path, {
        "2024/a.md": note(authors="[Chitta Baral, Tong Zheng]", arxiv='"2406.00011"', extra="org: Qualcomm\n"),
        "2024/b.md": note(authors="[Chitta Baral, Minji Kim]", arxiv='"2406.00012"', extra="org: Tencent\n")})
    (root / "data" / "authors.yml").write_text(
        "people:\n  - name: Tong Zheng\n    slug: chitta-baral\n  - name: Minji Kim\n    slug: minji-kim\n"
        "orgs:\n  - name: Tencent\n    slug: qualcomm\n", encoding="utf-8")
    found = [(p.line, p.column, p.field, p.rule, p.severity) for p in load_site(root, "data").problems
             if p.path == "data/authors.yml"]
    # At the slug's value, as every other problem of the file (it was at the entry's line, column 1).
    assert found == [(3, 11, "people[0].slug", "slug-taken", "warning"), (8, 11, "orgs[0].slug", "slug-taken", "warning")]


def test_a_slug_with_an_underscore_says_what_to_write(tmp_path: Path) -> None:
    (tmp_path / "authors.yml").write_text("people:\n  - name: A\n    slug: a_b\n  - name: B\n    slug: \"_\"\n", encoding="utf-8")
    _, found = load_authors(tmp_path / "authors.yml", "data/authors.yml")
    assert [(p.line, p.column, p.field, p.message) for p in found] == [
        (3, 11, "people[0].slug", "slug 'a_b' must be lowercase words joined by '-', like 'minji-kim' (write 'a-b') "
         "('_' is not one: authors/_/ and labs/_/ hold the indexes' pages by initial)"),
        (5, 11, "people[1].slug", "slug '_' must be lowercase words joined by '-', like 'minji-kim' "
         "('_' is not one: authors/_/ and labs/_/ hold the indexes' pages by initial)")]


@pytest.mark.parametrize("notes, warned", [(1, False), (2, True)], ids=["one-note-no-page", "two-notes-a-page"])
def test_a_slug_is_taken_only_from_an_author_who_has_a_page(tmp_path: Path, notes: int, warned: bool,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """`slug: lone-wolf` on another entry was a warning ("is the page of the author 'Lone Wolf'")
    that failed the check and the strict build though Lone Wolf, with one note, has no page to
    take. It is one once a second note gives Lone Wolf a page (moved to `lone-wolf-2`)."""
    from hostile_base import note, write_site
    from papernotes.cli.main import main

    root = write_site(tmp_path, {f"2024/w{i}.md": note(authors="[Lone Wolf]", arxiv=f'"2406.0002{i}"') for i in range(notes)},
                      good=False)
    (root / "data" / "authors.yml").write_text("people:\n  - name: Tong Zheng\n    slug: lone-wolf\n", encoding="utf-8")
    assert main(["check", "--root", str(root)]) == (1 if warned else 0)
    out = capsys.readouterr().out
    assert ("data/authors.yml:3:11: warning: people[0].slug: slug 'lone-wolf' is the page of the author 'Lone Wolf'" in out) == warned


def test_labs_written_apart_only_by_punctuation_get_a_notice(tmp_path: Path) -> None:
    """`org: Qualcomm.` and `org: QUALCOMM!` made two lab pages (qualcomm-2, qualcomm-3) with no word.
    Named in data/authors.yml (an entry and its alias), they are one lab and get none."""
    from hostile_base import note, write_site
    from papernotes.source.tree import load_site

    root = write_site(tmp_path, {
        "2024/a.md": note(arxiv='"2406.00011"', extra="org: Qualcomm\n"),
        "2024/b.md": note(arxiv='"2406.00012"', extra="org: Qualcomm.\n"),
        "2024/c.md": note(arxiv='"2406.00013"', extra="org: QUALCOMM!\n")})
    result = load_site(root, "data")
    found = [(p.path, p.line, p.field, p.severity) for p in result.problems if p.rule == "lookalike-labs"]
    assert found == [("data/notes/2024/b.md", 7, "org", "notice"), ("data/notes/2024/c.md", 7, "org", "notice")], result.problems
    assert "'Qualcomm' in data/notes/2024/a.md:7" in next(p.message for p in result.problems if p.rule == "lookalike-labs")
    assert not result.errors and not result.warnings  # advice: it fails neither check nor --strict
    (root / "data" / "authors.yml").write_text("orgs:\n  - name: Qualcomm\n    aliases: [Qualcomm., QUALCOMM!]\n", encoding="utf-8")
    assert not [p for p in load_site(root, "data").problems if p.rule == "lookalike-labs"]


def _notes(*names: str) -> list[Note]:
    return [Note(slug=f"p{i}", source=f"data/notes/p{i}.md", title=f"P{i}", authors=(name,), date=dt.date(2025, 1, i), tags=())
            for i, name in enumerate(names, 1)]


JOINED = "people:\n  - name: Minji Kim\n    aliases: [Min-Ji Kim]\n"


@pytest.mark.parametrize("names, extra, expected", [
    pytest.param(("Minji Kim", "Min-Ji Kim", "Kim Min-ji"), "",
                 [(("data/notes/p1.md", "Minji Kim"), ("data/notes/p3.md", "Kim Min-ji"))], id="one-per-person"),
    pytest.param(("Kim Min-ji", "Min-Ji Kim", "Minji Kim"), "",
                 [(("data/notes/p1.md", "Kim Min-ji"), ("data/notes/p2.md", "Min-Ji Kim"))], id="first-spelling-told"),
    pytest.param(("Minji Kim", "Min-Ji Kim", "Kim Min-ji"), "distinct:\n  - [Kim Min-ji, Min-Ji Kim]\n", [],
                 id="distinct-from-one-spelling-is-distinct-from-the-person"),
    pytest.param(("Minji Kim", "Kim Min-ji", "Kim Minji"), "", [
        (("data/notes/p1.md", "Minji Kim"), ("data/notes/p2.md", "Kim Min-ji")),
        (("data/notes/p1.md", "Minji Kim"), ("data/notes/p3.md", "Kim Minji")),
        (("data/notes/p2.md", "Kim Min-ji"), ("data/notes/p3.md", "Kim Minji"))], id="unjoined-names-are-each-a-party"),
])
def test_lookalike_pairs_count_people_not_spellings(tmp_path: Path, names: tuple[str, ...], extra: str,
                                                    expected: list[tuple[tuple[str, str], tuple[str, str]]]) -> None:
    authors, problems = _load(tmp_path, JOINED + extra)
    assert problems == []
    assert sorted(lookalike_pairs(_notes(*names), authors)) == expected


@pytest.mark.parametrize("names, expected", [
    pytest.param(("Thomas L. Griffiths", "Thomas Griffiths"), [("Thomas L. Griffiths", "Thomas Griffiths")], id="middle-initial"),
    pytest.param(("Anna Lindqvist", "Anna K. J. Lindqvist"), [("Anna Lindqvist", "Anna K. J. Lindqvist")], id="two-initials"),
    pytest.param(("Olga N. B. Park", "Olga B. N. Park"), [], id="other-initials-are-another-person"),
    pytest.param(("Olga N. B. Park", "Olga B. N. Park", "Olga Park"),
                 [("Olga N. B. Park", "Olga Park"), ("Olga B. N. Park", "Olga Park")], id="both-look-like-the-plain-name"),
    pytest.param(("Aniket Rajiv Didolkar", "Aniket Didolkar"), [("Aniket Rajiv Didolkar", "Aniket Didolkar")],
                 id="a-middle-name"),   # a QA pass with real papers: no notice
    pytest.param(("Anna Karin Lindqvist", "Anna Maria Lindqvist"), [], id="other-middle-names-are-another-person"),
])
def test_a_name_looks_like_itself_with_middle_initials(tmp_path: Path, names: tuple[str, ...],
                                                       expected: list[tuple[str, str]]) -> None:
    """`Thomas L. Griffiths` and `Thomas Griffiths` (arXiv lists many people both ways) got no
    look-alike notice: the loose keys keep every word, so that two sets of initials stay apart."""
    authors, _ = _load(tmp_path, "")
    pairs = lookalike_pairs(_notes(*names), authors)
    assert sorted((a[1], b[1]) for a, b in pairs) == sorted(expected)


def test_the_remembered_lookalike_pairs_follow_the_names_and_their_first_files(tmp_path: Path) -> None:
    """`NoteCache` finds the pairs again only when what they are made of changed: a serve
    rebuild after a note is added, renamed or deleted must still tell what a fresh load tells."""
    from papernotes.source.tree import NoteCache

    authors, _ = _load(tmp_path, JOINED)
    cache = NoteCache()
    notes = _notes("Minji Kim", "Ann Lee", "Kim Min-ji")
    assert cache.lookalike_pairs(notes, authors) == lookalike_pairs(notes, authors) != []
    renamed = [*notes[:2], dataclasses.replace(notes[2], source="data/notes/renamed.md")]
    assert cache.lookalike_pairs(renamed, authors) == lookalike_pairs(renamed, authors)
    assert ("data/notes/renamed.md", "Kim Min-ji") in cache.lookalike_pairs(renamed, authors)[0]
    fewer = renamed[:2]
    assert cache.lookalike_pairs(fewer, authors) == lookalike_pairs(fewer, authors) == []
    more = [*fewer, dataclasses.replace(notes[2], slug="p9", source="data/notes/p9.md", authors=("Kim Minji",))]
    assert cache.lookalike_pairs(more, authors) == lookalike_pairs(more, authors) != []
    other, _ = _load(tmp_path, JOINED + "distinct:\n  - [Kim Minji, Minji Kim]\n")
    assert cache.lookalike_pairs(more, other) == lookalike_pairs(more, other) == []


def test_a_family_name_may_match_an_alias_and_is_kept(tmp_path: Path) -> None:
    authors, problems = _load(tmp_path, "people:\n  - name: 김민지\n    aliases: [Kim Min-ji, Minji Kim]\n    family: kim\n")
    assert problems == []
    assert authors.people[0].family == "kim"


@pytest.mark.parametrize("text, field, message", [
    # Read as one alias '김민지, Min-Ji Kim, Kim Min-ji': nobody was joined, and nothing was said.
    pytest.param("people:\n  - name: Minji Kim\n    aliases: 김민지, Min-Ji Kim, Kim Min-ji\n", "people[0].aliases",
                 "several names on one line make one alias; write a list: aliases: [김민지, Min-Ji Kim, Kim Min-ji]",
                 id="names-with-commas"),
    pytest.param('people:\n  - name: Minji Kim\n    aliases: "not a list"\n', "people[0].aliases",
                 "`aliases:` is a list, even of one name; write a list: aliases: [not a list]", id="one-quoted-name"),
    pytest.param("orgs:\n  - name: Google DeepMind\n    aliases: DeepMind, Google Brain\n", "orgs[0].aliases",
                 "several names on one line make one alias; write a list: aliases: [DeepMind, Google Brain]",
                 id="lab-names-with-commas"),
])
def test_aliases_written_on_one_line_without_brackets_are_an_error_showing_the_list(
        tmp_path: Path, text: str, field: str, message: str) -> None:
    (tmp_path / "authors.yml").write_text(text, encoding="utf-8")
    authors, problems = load_authors(tmp_path / "authors.yml", "data/authors.yml")
    assert [(p.path, p.line, p.column, p.field, p.message, p.rule, p.severity) for p in problems] == [
        ("data/authors.yml", 3, 14, field, message, "wrong-type", "error")]
    entity = (authors.people or authors.orgs)[0]
    assert entity.aliases == ()  # the entry keeps its name; no wrong alias joins anyone meanwhile


@pytest.mark.parametrize("key", ["people", "orgs"])
def test_a_section_without_its_colon_is_told_to_add_it(tmp_path: Path, key: str) -> None:
    """A serve QA pass wrote `people` for `people:` above `  - name: Tuo Zhao`, and was told to quote
    the name (YAML read the word and the lines below as one text): the line is named, with the fix."""
    (tmp_path / "authors.yml").write_text(f"# who is who\n{key}\n  - name: Tuo Zhao\n    aliases: [Zhao Tuo]\n", encoding="utf-8")
    _, problems = load_authors(tmp_path / "authors.yml", "data/authors.yml")
    assert [(p.line, p.column, p.message) for p in problems] == [
        (2, len(key) + 1, f"YAML syntax error: `{key}` has no colon, so YAML reads it and the lines below as one text: write `{key}:`")]
