"""BibTeX escaping, proved by decoding our output with a real BibTeX parser and a LaTeX decoder."""

from __future__ import annotations

import datetime as dt
import json

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares.names import split_multiple_persons_names
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from papernotes.outputs import bibtex
from papernotes.model import Note

# (text, escaped form) — what each tricky character becomes in a field value.
ESCAPES = [
    ("Reward Models", "Reward Models"),
    ("{x}", r"\textbraceleft{}x\textbraceright{}"),
    ("R&D", r"R\&D"),
    ("100%", r"100\%"),
    ("$5 #1 a_b", r"\$5 \#1 a\_b"),
    ("~^", r"\textasciitilde{}\textasciicircum{}"),
    ("back\\slash", r"back\textbackslash{}slash"),
    ("Müller", r'M{\"u}ller'),
    ("José", r"Jos{\'e}"),
    ("Ångström", r'{\AA}ngstr{\"o}m'),
    ("naïve", r'na{\"\i}ve'),
    ("Łukasz", r"{\L}ukasz"),
    ("Çelik", r"{\c{C}}elik"),
    ("보상 모델", "보상 모델"),
    ("line\nbreak  spaces", "line break spaces"),
]

# Round trips: after parsing and decoding the LaTeX, the original text comes back.
ROUND_TRIP = [
    "Braces {x} & 100% done",
    "José Müller, Ångström, naïve, Łukasz, Çelik, ß",
    "보상 모델의 한계: 한국어 제목",
    "Costs $5 #1 a_b ~ ^",
    "Unbalanced { brace",
    "Unbalanced } brace",
    "中文 and Ελληνικά",
    "Pre-training -- and --- ``TeX quotes'' in a title",  # TeX's ligatures: printed as an en dash and curly quotes
    "Why?` and !` and 1--2",
]


@pytest.mark.parametrize(("text", "expected"), ESCAPES)
def test_escape(text: str, expected: str) -> None:
    assert bibtex.escape(text) == expected


def _note(title: str, authors: tuple[str, ...] = ("Ada Lovelace",), **kw: object) -> Note:
    return Note(slug="the-note", source="x.md", title=title, authors=authors, date=dt.date(2025, 3, 1),
                tags=("rl",), **kw)


def _parse(text: str) -> dict[str, str]:
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    assert len(library.entries) == 1
    entry = library.entries[0]
    return {"key": entry.key, "type": entry.entry_type, **{f.key: f.value for f in entry.fields}}


_LATEX = get_default_latex_context_db()
# LaTeX's kernel text commands for the two braces, which pylatexenc's default context lacks.
_LATEX.add_context_category("text-braces", prepend=True,
                            macros=[MacroTextSpec("textbraceleft", "{"), MacroTextSpec("textbraceright", "}")])


def _decode(value: str) -> str:
    inner = value[1:-1] if value.startswith("{") and value.endswith("}") else value
    # pylatexenc spells \textasciicircum as U+02C6 (modifier circumflex); LaTeX prints "^".
    return LatexNodes2Text(latex_context=_LATEX).latex_to_text(inner).replace("\u02c6", "^")


def _braces_balance(value: str) -> bool:
    """Classic BibTeX's rule for a braced field: every brace counts, a backslash before it or not;
    the depth never drops below zero and ends at zero."""
    depth = 0
    for ch in value:
        depth += (ch == "{") - (ch == "}")
        if depth < 0:
            return False
    return depth == 0


@pytest.mark.parametrize("text", ["Lone { brace", "Lone } brace", "}{", "{{{", "a \\{ b", "x}"])
def test_every_field_balances_its_braces_as_classic_bibtex_counts_them(text: str) -> None:
    """A lone brace in a title or an author's name (escaped as `\\{` it still counts in classic
    BibTeX, which biber and bibtexparser forgive) leaves every field's braces balanced."""
    entry = bibtex.entry(_note(text, authors=(text, "Ada Lovelace")))
    fields = _parse(entry)
    for name in ("title", "author"):
        assert _braces_balance(fields[name]), (name, fields[name])
    assert _decode(fields["title"]) == text


@pytest.mark.parametrize("title", ROUND_TRIP)
def test_title_round_trips_through_a_real_parser(title: str) -> None:
    fields = _parse(bibtex.entry(_note(title)))
    assert _decode(fields["title"]) == title


# One author each, however `and` is written: BibTeX splits a name list at `and` as a word in
# any case, so each of these must stay one name (counted by bibtexparser's own splitter).
AUTHOR_NAMES = ["José Müller", "이순신", "O'Brien, Jr.", "R&D Team", "Smith and Sons", "Foo AND Bar", "Foo And Bar",
                "Research aNd Development", "Tab\tand\tNewline", "and Co", "Co and", "others", "Others"]


@pytest.mark.parametrize("name", AUTHOR_NAMES)
def test_each_author_stays_one_bibtex_name(name: str) -> None:
    fields = _parse(bibtex.entry(_note("T", authors=("Ada Lovelace", name))))
    names = split_multiple_persons_names(fields["author"])
    assert len(names) == 2 and names[0] == "Ada Lovelace", names
    assert names[1] != "others", "a last name `others` prints as 'et al.'"


@pytest.mark.parametrize("written, last, jr, first", [("Henry Ford, Jr.", "Ford", "Jr.", "Henry"),
                                                      ("Robert W. Heath Jr.", "Heath", "Jr.", "Robert W."),
                                                      ("Ludo van der Berg III", "Berg", "III", "Ludo")])
def test_a_name_suffix_is_bibtex_s_jr_part(written: str, last: str, jr: str, first: str) -> None:
    """`{Henry Ford, Jr.}` was one last name (sorted under H, never abbreviated) and `Robert W.
    Heath Jr.` had the last name `Jr.`: BibTeX's form is `von Last, Jr, First`."""
    from bibtexparser.middlewares.names import parse_single_name_into_parts

    fields = _parse(bibtex.entry(_note("T", authors=(written, "Ada Lovelace"))))
    name, _ = split_multiple_persons_names(fields["author"])
    parts = parse_single_name_into_parts(name)
    assert (parts.last, parts.jr, parts.first) == ([last], [jr], first.split())


@pytest.mark.parametrize("name", ["Qwen Team", "ATLAS Collaboration", "Meta AI", "山田 太郎", "김 민지", "Zhang Wei (张伟)",
                                  "Wei Zhang (Tsinghua)"])
def test_a_name_without_first_and_last_parts_is_one_last_name(name: str) -> None:
    """A team, a CJK name with a space, a name with a part in brackets: BibTeX made `Qwen` a first
    name and `Team` (`太郎`, `(张伟)`) the last name, which styles print as "Q. Team"."""
    from bibtexparser.middlewares.names import parse_single_name_into_parts

    fields = _parse(bibtex.entry(_note("T", authors=(name, "Ada Lovelace"))))
    written, _ = split_multiple_persons_names(fields["author"])
    parts = parse_single_name_into_parts(written)
    assert (parts.first, parts.von, parts.jr, len(parts.last)) == ([], [], [], 1), parts


@pytest.mark.parametrize("name", ["José Müller", "이순신", "O'Brien, Jr.", "R&D Team", "Smith and Sons", "Foo AND Bar"])
def test_author_names_survive(name: str) -> None:
    fields = _parse(bibtex.entry(_note("T", authors=(name, "Ada Lovelace"))))
    decoded = _decode("{" + fields["author"] + "}")
    # Names with a comma or " and " are braced so BibTeX keeps them as one name.
    assert decoded == f"{name} and Ada Lovelace"


def test_entry_fields() -> None:
    note = _note("Adversarial Training", authors=("A B", "C D"), arxiv="2504.06141",
                 published=dt.date(2025, 4, 8), org="R&D Lab", url="https://x.org/a?b=1&c={2}")
    fields = _parse(bibtex.entry(note, page_url="https://site.example/notes/the-note/"))
    assert fields["key"] == "the-note"
    assert fields["type"] == "misc"
    assert fields["year"] == "2025"
    assert fields["month"] == "4"
    assert fields["eprint"] == "2504.06141"
    assert fields["archiveprefix"] == "arXiv"
    assert fields["url"] == "https://arxiv.org/abs/2504.06141"
    assert fields["doi"] == "10.48550/arXiv.2504.06141"  # as RIS, CSL-JSON and citation_doi give it
    assert fields["institution"] == r"R\&D Lab"
    assert "https://site.example/notes/the-note/" in fields["note"]


def test_url_braces_are_percent_encoded() -> None:
    fields = _parse(bibtex.entry(_note("T", url="https://x.org/a?b=1&c={2}")))
    assert fields["url"] == "https://x.org/a?b=1&c=%7B2%7D"


@pytest.mark.parametrize("kw, year, month", [
    ({"published": dt.date(2019, 6, 30)}, "2019", "6"),
    ({"arxiv": "2212.09999"}, "2022", "12"),  # the month of its arXiv id
    ({"arxiv": "hep-th/9108001"}, "1991", "8"),  # old style
    ({"arxiv": "cs/0112017"}, "2001", "12"),
    ({"url": "https://example.org/paper.pdf"}, None, None),  # no date known: none, never the note's (2025)
])
def test_the_year_is_the_papers_never_the_notes(kw: dict, year: str | None, month: str | None) -> None:
    fields = _parse(bibtex.entry(_note("T", **kw)))
    assert (fields.get("year"), fields.get("month")) == (year, month)


def test_bibliography_has_one_entry_per_note() -> None:
    notes = [_note("One"), Note(slug="other", source="y.md", title="Two", authors=("X",), date=dt.date(2024, 1, 1), tags=())]
    library = bibtexparser.parse_string(bibtex.bibliography(notes))
    assert [e.key for e in library.entries] == ["the-note", "other"]


def test_an_organisation_and_a_declared_family_name_are_read_as_written() -> None:
    """With `names.NameForms`: an organisation written as an author is one last name (not first
    name `Hugging`, last name `Face`), and a declared family name written first is the last name
    (`Kim Minji`: last `Kim`, first `Minji`)."""
    from bibtexparser.middlewares.names import parse_single_name_into_parts

    from papernotes.names import NameForms

    forms = NameForms(["Hugging Face"], [("Kim", ("Kim Minji",))])
    fields = _parse(bibtex.entry(_note("T", authors=("Hugging Face", "Kim Minji", "Ada Lovelace")), forms=forms))
    parts = [parse_single_name_into_parts(n) for n in split_multiple_persons_names(fields["author"])]
    assert [(p.first, p.last) for p in parts] == [([], ["{Hugging Face}"]), (["Minji"], ["Kim"]), (["Ada"], ["Lovelace"])]


@pytest.mark.parametrize("name", ["Guy {Brace} O'Neil", "Li {Wei} Chen", "Maria de Souza Santos", "Ludo van der Berg", "Minji Kim",
                                  "Robert W. Heath Jr."])
def test_bibtex_splits_a_name_as_csl_json_does(name: str) -> None:
    """Written `First Last`, a given-name word not starting with a capital (`de`, `{Brace}`) was
    BibTeX's `von` part: the same author had another family name in BibTeX than in CSL-JSON, RIS
    and the citation tags. The family and given names bibtexparser reads are CSL-JSON's."""
    from bibtexparser.middlewares.names import parse_single_name_into_parts

    from papernotes.outputs import csl_json

    note = _note("T", authors=(name,))
    parts = parse_single_name_into_parts(split_multiple_persons_names(_parse(bibtex.entry(note))["author"])[0])
    csl = csl_json.item(note)["author"][0]
    family = " ".join(filter(None, [csl.get("non-dropping-particle", ""), csl["family"]]))
    assert (_decode("{" + " ".join(parts.von + parts.last) + "}"), _decode("{" + " ".join(parts.first) + "}")) == (family, csl["given"])


def test_the_plain_text_shortcut_escapes_as_the_full_rules_do() -> None:
    """Text with no character to escape skips the per-character rules: the same output for
    every text, plain or not (random ASCII, accents, Hangul, odd spaces)."""
    import random

    from papernotes.outputs import bibtex

    def by_the_rules(text: str) -> str:
        out = [bibtex._SPECIALS.get(ch) or bibtex._LETTERS.get(ch) or (ch if ch.isascii() else bibtex._accented(ch)) for ch in text]
        return bibtex._LIGATURE.sub("{}", " ".join("".join(out).split()))

    rng = random.Random(3)
    alphabet = [chr(i) for i in range(128)] + list("éßø한\u00a0\u2028")
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert bibtex.escape(text) == by_the_rules(text), repr(text)


@pytest.mark.parametrize("written, von, last, first", [("Smith, John", [], "Smith", "John"),
                                                      ("van der Berg, Ludo", ["van", "der"], "Berg", "Ludo"),
                                                      ("Lovelace, Ada King", [], "Lovelace", "Ada King")])
def test_a_name_written_family_first_splits_alike_in_every_format(written: str, von: list[str], last: str, first: str) -> None:
    """Found by a QA pass: `Smith, John` was family "Smith", given "John" in RIS, COinS and
    `citation_author` (Zotero reads a comma so) but one undivided name in BibTeX (`{Smith, John}`)
    and CSL-JSON (`literal`). Every format now splits it at the comma."""
    from urllib.parse import parse_qs

    from bibtexparser.middlewares.names import parse_single_name_into_parts

    from papernotes.outputs import csl_json, ris
    from papernotes.outputs.citation import coins, highwire

    note = _note("T", authors=(written, "Ada Lovelace"))
    name, _ = split_multiple_persons_names(_parse(bibtex.entry(note))["author"])
    parts = parse_single_name_into_parts(name)
    assert (parts.von, parts.last, parts.first) == (von, [last], first.split())
    family = " ".join([*von, last])
    (item,) = json.loads(csl_json.items([note]))
    assert (" ".join(p for p in (item["author"][0].get("non-dropping-particle"), item["author"][0]["family"]) if p),
            item["author"][0]["given"]) == (family, first)
    (record,) = rispy.loads(ris.record(note))
    assert record["authors"][0] == f"{family}, {first}"
    assert parse_qs(coins(note))["rft.au"][0] == written
    assert [v for k, v in highwire(note) if k == "citation_author"][0] == written
