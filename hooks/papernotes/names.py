"""How people's and organisations' names are compared: one normalised form for matching, while
pages always show the name as written.

`match_key` folds what does not distinguish two written names: Unicode compatibility forms
(NFKC: full-width letters, ligatures), letter case, runs of whitespace, and diacritics
(`Stéphane` and `Stephane` match; Hangul is recomposed, so it survives), strokes and Latin
ligatures included (`Łukasz` and `Lukasz`, `Søren` and `Soren`). `lookalike_keys` is
looser and only *advises*: names that share one may be one person (`Minji Kim`, `Min-Ji Kim`,
`Kim Minji`, `Kim, Minji`), which `papernotes check` points out unless `data/authors.yml` joins or separates them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from papernotes.schema import MAX_SLUG_BYTES

LISTED_AUTHORS = 50
"""The authors a paper carries where it is one of many papers: its COinS span on list pages, its
feed entries, the tag and author bibliographies (`outputs.citation`), and its authors' pages (a
page from the notes its author is among the first of; the co-authors it counts). A paper by a
large team is in each of its authors' files and pages, so there its whole list grew with the
square of the team: two notes on reports with about 1,350 and 560 authors (Gemini's and Llama 3's
are that size) wrote 170 MB of author pages and files, and 2,000 notes of which 15% had 200-3,000
authors took 21 minutes to build (counting each member's co-authors). Its note page and the
note's own files (`citation_author`, BibTeX, RIS, CSL-JSON, the Markdown copy, `notes.json`)
name every author."""

def name_separator(names: Iterable[str]) -> str:
    """What goes between names in a list: `, `, or `; ` when one has a comma (`Smith, John; Henry
    Ford, Jr.`), the daily post's rule; with `, ` those would read as four people."""
    return "; " if any("," in name for name in names) else ", "


UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŧ": "t", "ƀ": "b",
                                "æ": "ae", "œ": "oe", "þ": "th"})
"""Latin letters with a stroke, and ligatures, which Unicode does not decompose into a letter and
a mark: arXiv writes `Lukasz Kaiser` and `Soren` where a note may write `Łukasz` and `Søren`.
Applied to the casefolded text (the capitals fold to these)."""
_SEPARATORS = re.compile(r"[-‐‑–.'’`·]")
_NOT_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=1 << 14)
def right_to_left(name: str) -> bool:
    """Whether `name` has a letter written right to left (Arabic, Hebrew): shown in a line of
    left-to-right text, it is isolated (`<bdi>`), or the bidirectional algorithm carried the
    neighbouring text into it (`Ada Lovelace, محمد علي · 2026-11-29` read `… 29-11-2026 · محمد علي`)."""
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in name)


@lru_cache(maxsize=1 << 17)
def match_key(name: str) -> str:
    """The form two names must share to be the same name: NFKC, no diacritics, casefolded, one space.

    Cached: a build asks for the same few thousand names hundreds of thousands of times (every
    author link on every page); the cache holds at most 131,072 names (~20 MB)."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return " ".join(unicodedata.normalize("NFC", text).casefold().translate(UNDECOMPOSED).split())


@lru_cache(maxsize=1 << 17)
def lookalike_keys(name: str) -> frozenset[str]:
    """Looser forms: names sharing one look like one person written two ways (hyphens, dots and
    apostrophes dropped; the family name first or last; spaces inside a Hangul name ignored).
    Given names keep their order: `Olga N. B. Park` and `Olga B. N. Park` are two people.
    A name written `Family, Given` (one comma) is read as `Given Family`: `Li, Wei` is `Wei Li`.
    An umlaut is also read as its German spelling with `e`: `Jürgen Müller` is `Juergen Mueller`,
    and that spelling as the name without the umlaut: `Mueller` is `Muller` (as `Müller` is).
    A name with another form in brackets is also each form alone: `Minji Kim (김민지)` looks like
    `Minji Kim` and `김민지`; brackets inside a name hold another given name: `Li (Lily) Chen` looks
    like `Li Chen` and `Lily Chen`.

    Cached, as `match_key`: under serve a note added or deleted compares every name of the
    site again (`source.authors.lookalike_pairs`), and the names are the same ones."""
    return frozenset(_lookalike_keys(name))


def _lookalike_keys(name: str) -> set[str] | frozenset[str]:
    bracketed = _BRACKETED.search(name)
    if bracketed:
        before, inside, after = name[:bracketed.start()].strip(), bracketed.group(1).strip(), name[bracketed.end():].strip()
        rest = f"{before} {after}".strip()
        # The bracketed form alone when it can be a name alone: two words or more, or a name in
        # Hangul or Han (`Minji Kim (김민지)`); not one Latin word (`Wei Zhang (Alibaba)` and
        # `Min Zhang (Alibaba)` looked like one person).
        alone = len(inside.split()) > 1 or not inside.isascii()
        keys = (lookalike_keys(rest) | (lookalike_keys(inside) if alone else set())) if rest else lookalike_keys(inside)
        if before and after and inside:  # a given name's other form: `Li (Lily) Chen` is also `Lily Chen`
            keys |= lookalike_keys(f"{inside} {after}")
        return keys
    plain = match_key(name)
    keys = _loose(plain)
    spelt = unicodedata.normalize("NFC", name).casefold().translate(_UMLAUTS)
    if spelt != unicodedata.normalize("NFC", name).casefold():
        keys |= _loose(match_key(spelt))
    # ... and that German spelling as a name without its umlaut writes it: `Mueller` is `Muller`.
    unspelt = _UMLAUT_SPELLINGS.sub(r"\1", plain)
    return keys | _loose(unspelt) if unspelt != plain else keys


_BRACKETED = re.compile(r"[(（]([^()（）]*)[)）]")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
_UMLAUT_SPELLINGS = re.compile(r"(?<=[bcdfghjklmnpqrstvwxyz])([ou])e(?=[a-z])")
"""`ue` and `oe` inside a word after a consonant, as German spells `ü` and `ö` (Mueller, Boehm,
Juergen). Not `ae` (Michael is not Michal), nor at a word's end: pinyin's Yue, Xue and Jue are
no umlauts (`Yue Dong` is not `Dong Yu`). The notice this feeds is advice only."""


def _given_first(key: str) -> str:
    """A `match_key` written `Family, Given` (one comma) as `Given Family`: `li, wei` is `wei li`."""
    if key.count(",") == 1:
        family, given = (part.strip() for part in key.split(","))
        return f"{given} {family}" if family and given else key
    return key


def _loose(key: str) -> set[str]:
    """`lookalike_keys` of one `match_key`."""
    # An underscore parts words as a space does (`Chitta_Baral`, a handle pasted as a name).
    tokens = [t for t in (_SEPARATORS.sub("", t) for t in _given_first(key).replace("_", " ").split()) if t]
    if not tokens:
        return set()
    return {" ".join(tokens), " ".join([tokens[-1], *tokens[:-1]]), "".join(tokens)}


@lru_cache(maxsize=1 << 17)
def without_initials(name: str) -> str | None:
    """The looser form of a name with Latin middle initials, or one Latin middle name, without
    them (`Thomas L. Griffiths`, `Aniket Rajiv Didolkar` -> `thomas griffiths`, `aniket didolkar`),
    or None when it has none. Compared only with the `lookalike_keys` of names (whose keys keep
    every word), so `Anna K. Lindqvist` looks like `Anna Lindqvist` while `Olga N. B. Park` and
    `Olga B. N. Park`, or `Anna Karin Lindqvist` and `Anna Maria Lindqvist`, stay two people."""
    tokens = [_SEPARATORS.sub("", t) for t in _given_first(match_key(name)).split()]
    if len(tokens) < 3 or not all(tokens) or not all(t.isascii() and t.isalpha() for t in tokens[1:-1]):
        return None
    if len(tokens) > 3 and not all(len(t) == 1 for t in tokens[1:-1]):
        return None  # several middle names: `Maria Anna Karin Lindqvist` may be a name of two given names
    return f"{tokens[0]} {tokens[-1]}"


@lru_cache(maxsize=1 << 17)
def name_slug(name: str) -> str:
    """A URL part for a name: lowercase words joined by `-`, diacritics dropped, Hangul kept; at
    most `schema.MAX_SLUG_BYTES` of UTF-8, cut after a whole word when one ends in its second half
    (it names a folder, `authors/<slug>/`, and file systems allow 255 bytes a name: a 300-letter
    name stopped the build). Two names cut to one slug are told apart like any other (`-2`)."""
    slug = _NOT_WORD.sub("-", match_key(name).replace("_", "-")).strip("-") or "x"
    if len(slug.encode("utf-8")) > MAX_SLUG_BYTES:
        cut = slug.encode("utf-8")[:MAX_SLUG_BYTES].decode("utf-8", "ignore")
        slug = (cut.rsplit("-", 1)[0] if "-" in cut[len(cut) // 2:] else cut).strip("-")
    return slug


def split_script(name: str) -> bool:
    """Whether `name` is written in a script whose names split into given and family names at a
    space (Latin, Greek, Cyrillic: ASCII, or letters and marks up to U+052F and Latin and Greek
    Extended, U+1E00-U+1FFF). Hangul, kana and Han names are kept whole, and so are Arabic,
    Hebrew and Indic ones, whose family name is not the last word by rule."""
    return all(c.isascii() or (c.isalpha() or unicodedata.combining(c)) and (ord(c) <= 0x052F or 0x1E00 <= ord(c) <= 0x1FFF)
               for c in name)


KOREAN_FAMILY_NAMES: dict[str, tuple[str, ...]] = {
    "김": ("Kim", "Gim"), "이": ("Lee", "Yi", "Rhee", "Rhie", "Ri", "I"), "박": ("Park", "Pak", "Bak"),
    "최": ("Choi", "Choe", "Chey"), "정": ("Jung", "Jeong", "Chung", "Jong", "Joung"), "강": ("Kang", "Gang"),
    "조": ("Cho", "Jo", "Joe"), "윤": ("Yoon", "Yun"), "장": ("Jang", "Chang"), "임": ("Lim", "Im", "Rim", "Yim"),
    "한": ("Han",), "오": ("Oh", "O"), "서": ("Seo", "Suh", "Su"), "신": ("Shin", "Sin"), "권": ("Kwon", "Gwon"),
    "황": ("Hwang",), "안": ("Ahn", "An"), "송": ("Song",), "전": ("Jeon", "Jun", "Chun"), "홍": ("Hong",),
    "유": ("Yoo", "Yu", "You", "Ryu"), "류": ("Ryu", "Yoo", "Yu", "Rhyu"), "고": ("Ko", "Go", "Koh"), "문": ("Moon", "Mun"),
    "양": ("Yang",), "손": ("Son", "Sohn"), "배": ("Bae", "Pae"), "백": ("Baek", "Paik", "Paek", "Baik"),
    "허": ("Heo", "Huh", "Hur"), "남": ("Nam",), "노": ("Noh", "Roh", "No", "Ro"), "심": ("Shim", "Sim"), "하": ("Ha",),
    "곽": ("Kwak", "Gwak"), "성": ("Sung", "Seong"), "차": ("Cha",), "주": ("Joo", "Ju", "Chu", "Choo"), "우": ("Woo", "U"),
    "구": ("Koo", "Gu", "Ku"), "민": ("Min",), "나": ("Na", "Ra"), "진": ("Jin", "Chin"), "지": ("Ji", "Chi"),
    "엄": ("Um", "Eom", "Uhm"), "채": ("Chae",), "원": ("Won",), "천": ("Cheon", "Chun"), "방": ("Bang",),
    "공": ("Kong", "Gong"), "현": ("Hyun", "Hyeon"), "함": ("Ham",), "변": ("Byun", "Byeon"), "염": ("Yeom", "Yum"),
    "여": ("Yeo", "Yoh"), "추": ("Choo", "Chu"), "도": ("Do", "Doh"), "소": ("So",), "석": ("Seok", "Suk"),
    "선": ("Sun", "Seon"), "설": ("Seol", "Sul"), "마": ("Ma",), "길": ("Gil", "Kil"), "연": ("Yeon", "Yun"),
    "위": ("Wi", "Wee"), "표": ("Pyo",), "명": ("Myung", "Myeong"), "기": ("Ki", "Gi"), "반": ("Ban",), "왕": ("Wang",),
    "금": ("Keum", "Geum"), "옥": ("Ok",), "육": ("Yuk", "Yook"), "인": ("In",), "맹": ("Maeng",), "제": ("Je",),
    "모": ("Mo",), "탁": ("Tak",), "국": ("Kook", "Guk"), "어": ("Eo",), "은": ("Eun",), "편": ("Pyeon", "Pyun"),
    "용": ("Yong",), "예": ("Ye",), "경": ("Kyung", "Gyeong"), "봉": ("Bong",), "부": ("Boo", "Bu"),
    "남궁": ("Namgung", "Namkoong", "Namkung"), "황보": ("Hwangbo",), "제갈": ("Jegal",), "선우": ("Sunwoo", "Seonwoo"),
    "독고": ("Dokgo", "Tokko"), "사공": ("Sagong",), "서문": ("Seomun",),
}
"""Korean family names and their usual romanisations: a Hangul name's first syllable (two for
the compound names) says which word of a romanised form is the family name (`catalog.people.implied_families`:
`김민지` written `Kim Minji` is `Kim, Minji`, written `Minji Kim` too)."""


def korean_family(name: str) -> tuple[str, ...]:
    """The romanisations of the family name of `name`, a Korean name in Hangul of two to five
    syllables, family name first (`김민지`: Kim, Gim); () for any other name or an unknown family
    name. A compound family name (`남궁민`) is tried before its first syllable (`남`)."""
    bare = "".join(name.split())
    if not 2 <= len(bare) <= 5 or not all("\uac00" <= c <= "\ud7a3" for c in bare):
        return ()
    for cut in (2, 1):
        if len(bare) > cut and bare[:cut] in KOREAN_FAMILY_NAMES:
            return KOREAN_FAMILY_NAMES[bare[:cut]]
    return ()


def family_split(form: str, family: str) -> int | None:
    """Where `family` (a declared family name, one word or more) sits in `form`, a written name:
    its number of words when the form starts with it (`Kim Minji`: 1), minus that when the form
    ends with it (`Minji Kim`: -1), None when it is neither or is the whole form. Compared word
    by word on `match_key`."""
    words = [match_key(w) for w in form.split()]
    family_words = [match_key(w) for w in family.split()]
    n = len(family_words)
    if not n or len(words) <= n:
        return None
    if words[:n] == family_words:
        return n
    if words[-n:] == family_words:
        return -n
    return None


class NameForms:
    """What the site knows about how its written names split into family and given names, beyond
    the names themselves, for reference managers (`outputs.citation.name_parts`):

    - organisations: every note's `org:` and `data/authors.yml`'s `orgs` (names and aliases). Such
      a name written as an author is kept whole (`Hugging Face`, `Google DeepMind`: not a person
      whose family name is `Face`).
    - family names that `data/authors.yml` declares (`family: Kim`) for each of the person's
      forms that starts or ends with it: `Kim Minji` is family `Kim`, given `Minji`.

    Equal when they say the same; `marks` is what one note's authors get from it (page keys)."""

    __slots__ = ("_orgs", "_splits", "_key", "_hash")

    def __init__(self, orgs: Iterable[str] = (), families: Iterable[tuple[str, Iterable[str]]] = ()) -> None:
        """`orgs`: organisation names as written; `families`: (declared family name, the person's
        written forms)."""
        self._orgs = frozenset(match_key(o) for o in orgs)
        splits: dict[str, int] = {}
        for family, forms in families:
            for form in forms:
                at = family_split(form, family)
                if at is not None:
                    splits.setdefault(match_key(form), at)
        self._splits = splits
        self._key = (self._orgs, tuple(sorted(splits.items())))
        self._hash = hash(self._key)  # a cache key of every name split (`outputs.citation.name_parts`)

    def split(self, name: str) -> int | None:
        """0 for an organisation's name; the `family_split` of a declared family name; else None."""
        key = match_key(name)
        if key in self._orgs:
            return 0
        return self._splits.get(key)

    def marks(self, names: Iterable[str]) -> tuple[tuple[int, int], ...]:
        """(position, `split`) of each name that has one: () for most notes."""
        return tuple((i, at) for i, name in enumerate(names) if (at := self.split(name)) is not None)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NameForms) and self._key == other._key

    def __hash__(self) -> int:
        return self._hash

    def __repr__(self) -> str:
        return f"NameForms(orgs={sorted(self._orgs)!r}, splits={self._key[1]!r})"


NO_FORMS = NameForms()
"""Nothing known beyond the names: each is split by its own look."""
