"""The full-text search index: small static files the search box loads as a query needs them.

Until this module the site used Pagefind. At 10,000 notes Pagefind 1.5.2 held ~200 kB per
document while indexing (2 GiB) and took ~20 CPU-seconds, more than the rest of our work put
together, and it needed two workarounds for Korean (decomposed jamo, particle-stripped stems)
because it chunks its index by word count. The index below is built from the notes we already
hold in memory, in a few seconds and a few hundred MiB, and is chunked by bytes, so Korean and
English words are split alike. The reader's side is `docs/assets/search/` (`engine.js` reads
these files; `words.js` is the tokenizer's twin).

Files, under `search/` (paths from `urls`):

- `meta.json`: `{"v": 1, "docs": N, "chunks": [[first term, file name], ...], "cards": url
  template, "card_shard": S, "excerpt": EXCERPT_SHOWN, "particles": [...], "note": url template, "tags": [[slug, ko, en,
  [aliases]], ...], "tag": tag page url template, "author": author page url template, "year": year page url template, "years": {year: notes},
  "year_docs": {year: [first, end]} (`year_runs`),
  "wanted": [the waiting page's url, the file of the arXiv ids it lists (`outputs.plan`: a JSON object, {id: the notes naming it})],
  "min_part": MIN_PART, "spell": SPELL_PREFIX,
  "pair": PAIR_PREFIX, "endings": VERB_ENDINGS, "title": the title's weight, "people": the people field's weight
  (a name part typed with its hyphen, ji-rong, is that part when the people field holds it joined), "concept": CONCEPT_PREFIX, "glossary": [[[English
  forms], [Korean forms]], ...], "rank": RANK, "words": {...}}`: the glossary's concepts that some
  note names, or writes a one-word form of with a version (Qwen3: `versioned_concepts`) (about 6 kB
  gzipped for the bundled glossary), concept n's term being `@<n>` (see
  `concepts`); how the box weighs what it finds (`RANK`); and the tokenizer's tables the box
  needs besides the particles and endings (`words`: the joiner's characters, the longest glossary
  form in words, the stemmed words' pattern, the shortest word a typo is corrected to, the tag
  prefix, the pattern of a pasted arXiv id or link, the Korean plural suffix). The box holds none of these numbers or tables itself: this module and
  `papernotes.text` are their one owner.
- `terms/<hash>.json`: `{term: [posting, ...], ...}` for a run of terms in sorted order (UTF-16
  code-unit order, as JavaScript compares strings), about CHUNK_BYTES each. A posting is
  `delta * 16 + weight`: `delta` is the document number minus the previous posting's (the first
  is the number itself), `weight` 1-15 says where the term occurs (see FIELD_WEIGHTS).
- `cards/<n>.json`: `[[slug, title, date, ko excerpt, en excerpt, authors], ...]` for
  documents n*S ... n*S+S-1, what a result shows (excerpts: the commentary's plain text, up to
  EXCERPT_CHARS, of which the box shows meta's `excerpt` around the first match; authors: a list of the first CARD_AUTHORS
  names, each a string, or `[name, slug]` for an author with a page at meta's `author` URL, then
  "…" if there are more; see `card_authors`).
- `abstracts/<n>.json`: `[[abstract, more authors(, {"aka": ..., "org": ..., "arxiv": ...})], ...]` for the same
  documents as `cards/<n>.json`: each abstract's plain text, up to ABSTRACT_CHARS, the authors its
  card leaves out (after the first CARD_AUTHORS, as `card_authors` gives a name; `[]` for most),
  and for a note whose authors go by other names (data/authors.yml) or that names its lab or arXiv
  id, those, the lab and the id (`known_as`). The
  box loads one only for a result whose card (title, authors, commentary in either language)
  shows none of some query word, to show the passage of the abstract that matched, or the author
  past the card's first names that did (a senior author, often last: most results never need
  it, so the cards stay small).

Besides the words, the terms hold each word's `variants` (Snowball English stem; Korean word
without its particle and its inner sub-words), `_<word><next word>` for adjacent Korean words
(see `pairs`), `_<stem><next stem>` for adjacent words of a title (see `title_pairs`: a phrase in
the title ranks first), `@<n>` per glossary concept the note names in any of its forms (see
`concepts`: 보상 해킹 finds a note that wrote reward hacking), `#<slug>` per tag of the note,
`=<form>` per other form of an author's given name (`given_name_forms`: `=tom` for Thomas) or
Korean family name (`family_name_forms`: `=김` for Hyunwoo Kim, `=kim` for 김민지), and
spelling entries `~<English word backwards>` with no postings (for typo correction; see `correct`
in the JS).

Documents are the published notes newest first (the site's order), numbered from 0.
Tokenising is shared with the search box and must stay identical to `tokenize` in the JS:
NFC, lower-case, then runs of letters and digits (`\\d+(\\.\\d+)+` kept whole, so arXiv ids are one
term), then accents removed (NFD, drop combining marks, NFC; Hangul is unchanged by this).
The box matches every query word as a prefix of indexed terms, so 보상 finds 보상을 and 보상은,
and strips a trailing Korean particle from the query word first (보상을 also finds 보상은).
"""

from __future__ import annotations

import functools
import hashlib
from array import array
from collections import Counter
import json
import re
import unicodedata
from typing import Callable, Iterable, Iterator

from markupsafe import escape

from papernotes.catalog import urls
from papernotes.markup import HYPHEN_WORD_MAX, snippet
from papernotes.model import Note, TagRegistry
from papernotes.names import LISTED_AUTHORS
from papernotes.outputs.concepts import CONCEPT_PREFIX, ConceptMatcher
from papernotes.schema import ARXIV_DOI, ARXIV_ID_SHAPE, ARXIV_PAGE, ARXIV_VERSION
from papernotes.source.glossary import MAX_FORM_WORDS, Glossary
from papernotes.text.stemmer import STEMMABLE, stem
from papernotes.text.words import (JOINER_CHARACTERS, PARTICLES, PLURAL, VERB_ENDINGS, VERB_FORMS, fold, strip_particle, tokenize,  # noqa: F401 (re-exported)
                                   tokenize_joined)

VERSION = 1
CHUNK_BYTES = 24_000
"""Target size of a terms file: a query word usually needs one, at most MAX_SPAN."""
CARD_SHARD = 4
"""Documents per cards file. The ten results of a page usually sit in ten different files, so a file
holds few cards: 4 sends about 25 kB of cards for a page of results (10 sent about 65 kB), with
2,500 files at 10,000 notes."""
CARD_AUTHORS = 6
"""Authors a result shows, so a search by an author's name shows why the note matched."""
EXCERPT_CHARS = 640
"""Characters of each commentary a card holds (the whole of most: two or three sentences), so the
box can show the passage that matched, not only the commentary's beginning. About twice the
bytes of a 140-character excerpt: the bundled notes' ten largest cards files, what a page of
results may load, went from 25 to 49 kB (27 kB gzipped)."""
ABSTRACT_CHARS = 2000
"""Characters of an abstract its file holds (the whole of nearly all): a note found only through
its abstract shows the passage that matched (`abstracts/<n>.json`, loaded for such results only)."""
EXCERPT_SHOWN = 140
"""Characters of it a result shows: around the first word that matched (meta's `excerpt`)."""
FIELD_WEIGHTS = {"title": 8, "tags": 6, "people": 4, "commentary": 2, "abstract": 1}
"""Where a term counts most. A posting's weight is its best field's, +1 when it occurs 3+ times."""

HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
"""A word of Hangul syllables only: indexed also without its particle and by its inner sub-words."""
MIN_PART = 2
"""Syllables of the shortest sub-word a Korean compound is indexed (and a query split) by, and the
fewest a Korean query word keeps when the box strips its particle (평가, 정도: not 평, 정)."""
MAX_INNER = 24
"""Syllables of the longest inner sub-word indexed: a Korean word of n syllables has n-2 of them,
so a run of Hangul with no space (pasted text, a hostile note: 20,000 syllables made a 547 MB
index) would index n²/2 syllables. A longer word is found by its start and its last MAX_INNER
syllables' sub-words; real compounds (대규모언어모델기반추론, 11) are far shorter."""
TAG_PREFIX = "#"
"""Tag terms are `#<slug>` (no token holds a #): the notes carrying that tag, for `#slug` queries."""
PAIR_PREFIX = "_"
"""Pair terms are `_<word><next word>` (no token holds a _): two Korean words written one after the
other, so a compound typed either way ranks the notes that write it (with or without the space)
above those holding its parts apart."""

GIVEN_PREFIX = "="
"""A given name's other form is the term `=<form>` (no token holds a =): `=tom` for a note by Thomas
L. Griffiths, which the box looks up for a query word `tom` (`Tom Griffiths` finds him); `=김` for
Hyunwoo Kim, looked up for `김` (meta's `given_names` lists the query words that have such terms). Not `tom`
itself: a note by a Thomas was then a note holding the word, and `ToM` (theory of mind) found it."""

ACRONYM_PREFIX = "^"
"""A word written as an acronym is also the term `^<word>` (no token holds a ^): `^aime` for a note
writing AIME, `^tom` for ToM (see `acronyms`). A word every note holding it writes so is that
acronym however a reader types it: `aime` found "aim" and "aimed", `tom` "tomorrow"."""

PERSON_PREFIX = "%"
"""An author's whole name is the term `%<its words run together>` (no token holds a %), and, for a
name of three words or more, `%<first><last>` too: `%rahulmowang` and `%rahulwang` for Rahul M. O.
Wang. The box looks them up for a query that may be a name, whatever its order (`Wang, Rahul`),
and puts that person's notes first: the notes where a Rahul and a Wang are two other authors
ranked alike, and at 10,000 notes a one-note author was the 66th result (a QA pass)."""

SPELL_MIN = 4
"""Shortest word a typo can be corrected to (a query word of 5+ letters, one letter missing)."""
SPELLABLE = re.compile(r"[a-z]+")
"""Words the box corrects typos in: plain lower-case English letters."""
SPELL_PREFIX = "~"
"""Spelling entries are `~<word backwards>` in the terms files (no token holds a ~)."""

ARXIV_REFERENCE = (rf"(?:(?:https?://)?{ARXIV_PAGE}|(?:(?:https?://)?(?:dx\.)?doi\.org/+)?{ARXIV_DOI}|\barxiv\s*:?\s*"
                   r"|(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}/+(?:[^\s/?#]+/+)*?)"
                   rf"({ARXIV_ID_SHAPE})(?:{ARXIV_VERSION})?(?:\.pdf)?(?:/?[?#]\S*)?"
                   r"|\barxiv\s*:?\s*(?=\d|[a-z-]+(?:\.[a-z-]+)?/|$)")
"""A paper's arXiv id as a reader pastes it into the box: `arXiv:2401.12340`, a link to its arXiv
or Hugging Face page (with its query or fragment), its arXiv DOI, any version. The box searches it as the bare id (group 1;
`words.bareArxivIds`), the only form a note's id is indexed by: `arxiv`, `https`, `org` and `abs`
are no note's words, and a note must match every word of the query. So is `arXiv:` before an id
still being typed (`arXiv:2505.1`, `arXiv:cs/01`, `arXiv:` at the query's end; group 1 empty):
each key of it found nothing and offered "arriv". So is any other link whose path holds an id
(alphaxiv.org/abs/2505.16265, semanticscholar.org/arxiv/2505.16265, ar5iv's pages): its host and
path were words no note holds. Matched case-insensitively."""

PARTIAL = 0.7
"""How a term that merely starts with the query word counts (reward -> rewardless), against 1 for
the word itself or one of its inflections (reward -> rewards, rewarded)."""
STEMMED = 0.9
"""How an English word found by its Snowball stem only (generalizes -> general) counts."""
SPLIT = 0.8
"""How a Korean compound found by its two parts apart in a note (보상모델: 보상 ... 모델) counts."""
LIGHT_MIN = 4
"""Shortest light form (a query word without its inflection) the box looks up as a prefix."""
MAX_SPAN = 3
"""Terms files one query word's prefix may load (CHUNK_BYTES each); a word starting more
terms than that is searched in the first MAX_SPAN and the box says so."""
BESIDE_WHOLE = 0.3
"""How a term that only starts with the query word counts when some note holds the word itself:
`choi` finds the author Choi before a title's "Choice" (weight 8 against a name's 4)."""
RANK = {"partial": PARTIAL, "beside_whole": BESIDE_WHOLE, "stemmed": STEMMED, "split": SPLIT, "light_min": LIGHT_MIN, "max_span": MAX_SPAN}
"""What meta.json tells the box about ranking (`rank`): change a weight here, rebuild, and run
scripts/search_eval.py (DEVELOPING.md, "Change a ranking weight")."""

_MARKUP = re.compile(r"\]\([^)\s]*\)|https?://\S+|\\[A-Za-z]+")
"""Link targets, bare URLs and LaTeX command names in the Markdown: not words of the note."""


@functools.lru_cache(maxsize=1 << 16)
def variants(term: str) -> tuple[tuple[str, bool], ...]:
    """The extra terms a word is indexed by: an English word's Snowball stem; a Korean word (Hangul
    syllables only) without its particle and every inner sub-word of MIN_PART+ syllables from
    there to its end (of at most MAX_INNER syllables), so 모델 finds 보상모델을 and 보상 모델 (two query words) finds it too.
    Each as (term, whether it is an inner sub-word). Memoised, bounded (a site repeats its words)."""
    if term.isascii():
        root = stem(term)
        return ((root, False),) if root != term else ()
    if not HANGUL_WORD.fullmatch(term):
        return ()
    base = strip_particle(term)
    out = [(base, False)] if base != term else []
    if any(len(base) > len(ending) and base.endswith(ending) for ending in VERB_FORMS):
        return tuple(out)   # a verb form (커지도록): no compound, its inner 지도록 is no word of it
    out += [(base[i:], True) for i in range(max(1, len(base) - MAX_INNER), len(base) - MIN_PART + 1)]
    return tuple(out)


_ADJACENT = re.compile(r"([\uac00-\ud7a3](?<![^\W_][\uac00-\ud7a3])[\uac00-\ud7a3]*+)(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"
                       r"(?=([\uac00-\ud7a3]++)(?![^\W_]))")
"""Two words of Hangul syllables with only spaces (at most one line break) between them. The
pattern starts with a syllable (its word's start checked just after it) so the engine skips to
the next syllable instead of trying every character of English text."""


NOT_MODIFIERS = frozenset("을를은는이가의에와과로도만그저수것때즉왜또더잘다한두세네번중데및각좀꼭늘덜곧안못참걸건게뭘뭐")
"""Words of one syllable that are no modifier of the word after them: particles after a word of
another script (`RL로 학습`), demonstratives, adverbs, numerals, nouns of function. Any other
(긴 영상, 빅 파이브, 역 전파, 새 모델) makes a pair term with the next word."""


def pairs(text: str, inner: bool = False) -> list[str]:
    """The pair terms of `text`: PAIR_PREFIX + a Korean word + the next Korean word without its
    particle, when only spaces part them (not a sentence's end or a paragraph break), the first
    has no particle (추론 모델을 -> _추론모델; 추론을 모델 -> none) and both have MIN_PART+
    syllables (a query word is split into parts that long), or the first is a modifier of one
    syllable (긴 영상 -> _긴영상, as 빅 파이브: a phone QA pass typed 긴영상 and 빅파이브 and found
    nothing; `NOT_MODIFIERS` are not). With `inner`, those pairs from each
    inner sub-word of the first word instead (사전학습 데이터 -> _전학습데이터, _학습데이터), as
    `variants` indexes a compound written together, so 학습데이터 finds 사전학습 데이터 too."""
    return _pairs_of(_adjacent(text), inner)


def _adjacent(text: str) -> list[tuple[str, str]]:
    """The word pairs `pairs` makes terms of: (first word, second word without its particle)."""
    out = []
    for match in _ADJACENT.finditer(unicodedata.normalize("NFC", text)):
        first, second = match[1], strip_particle(match[2])
        if len(second) >= MIN_PART and (len(first) >= MIN_PART and strip_particle(first) == first
                                        or len(first) == 1 and first not in NOT_MODIFIERS):
            out.append((first, second))
    return out


def _pairs_of(adjacent: list[tuple[str, str]], inner: bool) -> list[str]:
    if not inner:
        return [PAIR_PREFIX + first + second for first, second in adjacent]
    return [PAIR_PREFIX + first[i:] + second for first, second in adjacent
            for i in range(max(1, len(first) - MAX_INNER), len(first) - MIN_PART + 1)]


_NAME_PARTS = re.compile(r"(?<![^\W_])(?<!\.)([^\W_]++)[-\u2010\u2011]([^\W_]++)(?![^\W_])")
"""Two runs of letters and digits joined by a hyphen: `GPT-4`, `DeepSeek-R1`, `Llama-3`."""


_NAME_VERSION = re.compile(r"(?<![^\W_])(?<!\.)([A-Za-z]++)([-\u2010\u2011 ]?)([A-Za-z]?(?:\d+(?:\.\d+)+|\d[^\W_]*))(?![^\W_])")
"""A name and its version, written together, with a hyphen or with a space: `Qwen2.5`, `Llama-3.1`,
`Llama 3`, `DeepSeek V3`."""


_DIGIT = re.compile(r"\d")
_HYPHEN = re.compile("[-\u2010\u2011]")


def _name_like(part: str) -> bool:
    """Whether one side of a hyphen looks like part of a name: a digit (GPT-4), two capitals (Think-RM,
    B-STaR) or a capital alone (S-GRPO), not a word (reward-model, Reward-Model)."""
    return any(c.isdigit() for c in part) or sum(c.isupper() for c in part) >= 2 or (len(part) == 1 and part.isupper())


def model_names(text: str) -> list[str]:
    """A model's or method's name written with a hyphen and a number or capitals (`GPT-4`, `DeepSeek-R1`,
    `Think-RM`, `S-GRPO`) also as the one word readers type (`gpt4`, `deepseekr1`, `thinkrm`, `sgrpo`);
    its parts are terms already, so `gpt-4` and `gpt 4` find it too. Only where a part holds a digit
    or looks like an acronym (`_name_like`): `reward-model` is found as
    `rewardmodel` through the glossary and title pairs, and joining every hyphenated pair would
    grow the vocabulary every reader downloads. A name followed by its version (`_NAME_VERSION`)
    is also indexed as readers type it the other way: `Llama 3`, `DeepSeek V3` and `Qwen 2.5` (a
    capitalised name) as one word (`llama3`, `deepseekv3`, and `qwen2` and `5`, as the tokenizer
    reads `qwen2.5`; `Llama-3.1` adds the `1`), `Qwen2.5` and `Llama3` by the version alone (`2.5`,
    `3`), so `qwen 2.5` finds Qwen2.5, `qwen2.5` Qwen 2.5, and `llama3` Llama 3."""
    out: list[str] = []
    text = unicodedata.normalize("NFC", text)
    # Each pattern is looked for only where it can match: `_NAME_PARTS` needs a hyphen, `_NAME_VERSION` a digit.
    for match in _NAME_PARTS.finditer(text) if _HYPHEN.search(text) else ():
        first, second = match[1], match[2]
        if (_name_like(first) or _name_like(second)) and not (first.isdigit() and second.isdigit()):
            out += tokenize(first + second)
    for match in _NAME_VERSION.finditer(text) if _DIGIT.search(text) else ():
        name, gap, version = match[1], match[2], match[3]
        if gap == " " and name[0].isupper():   # a name's, not a sentence's: `Llama 3`, not `step 1`
            out += tokenize(name + version)
        elif gap not in ("", " ") and version[0].isdigit():   # `Llama-3.1`: `llama3` is a _NAME_PARTS term already
            out += tokenize(name + version)[1:]
        elif not gap and len(name) > 1:        # `Qwen2.5`, `Llama3` (not `o1`)
            out += tokenize(version)
        out += _edition(name, version)
    return out


_YEAR = re.compile(r"20([0-4]\d)")
_SHORT_YEAR = re.compile(r"[1-4]\d")


def _edition(name: str, version: str) -> list[str]:
    """A benchmark's or a venue's year, as readers type it the other way: `AIME 2024` also as
    `aime24`, `AIME25` also as `aime2025` and as its name and year apart (`aime 2025`), `ICLR 2024`
    as `iclr24`. Only for a name with two capitals (an acronym: `AIME`, `NeurIPS`), so that a
    sentence's `Since 2024` stays a sentence's."""
    if sum(c.isupper() for c in name) < 2:
        return []
    year = _YEAR.fullmatch(version)
    if year:
        return tokenize(name + year[1])
    if _SHORT_YEAR.fullmatch(version):
        return tokenize(name) + tokenize(f"{name}20{version}") + [f"20{version}"]
    return []


_PERSON_PARTS = re.compile(r"(?<![^\W_])([^\W_]+)((?:['\u2019\u02bc\-\u2010\u2011][^\W_]+)+)(?![^\W_])")
"""A name written in parts joined by hyphens or apostrophes: `Seo-yeon`, `O'Neil`, `Jean-Pierre`."""


_SHORT_NAMES = {
    "thomas": ("tom",), "william": ("will", "bill"), "robert": ("rob", "bob"), "michael": ("mike",), "daniel": ("dan",),
    "david": ("dave",), "christopher": ("chris",), "alexander": ("alex",), "alexandra": ("alex",), "james": ("jim",),
    "joseph": ("joe",), "benjamin": ("ben",), "samuel": ("sam",), "nicholas": ("nick",), "matthew": ("matt",),
    "anthony": ("tony",), "andrew": ("andy",), "edward": ("ed",), "patrick": ("pat",), "steven": ("steve",),
    "stephen": ("steve",), "jonathan": ("jon",), "joshua": ("josh",), "katherine": ("kate",), "catherine": ("kate",),
    "elizabeth": ("liz",), "jennifer": ("jen",), "jeffrey": ("jeff",), "gregory": ("greg",), "timothy": ("tim",),
    "kenneth": ("ken",), "richard": ("rich", "rick"), "zachary": ("zach",), "nathaniel": ("nate",), "jacob": ("jake",),
    "frederick": ("fred",), "peter": ("pete",), "raymond": ("ray",), "ronald": ("ron",), "douglas": ("doug",),
}
"""Short forms readers type for a given name (`Tom Griffiths` for Thomas L. Griffiths, found
nothing), and the other way round: a note writing Tom finds Thomas too."""
_LONG_NAMES = {short: tuple(long for long, shorts in _SHORT_NAMES.items() if short in shorts)
               for shorts in _SHORT_NAMES.values() for short in shorts}


def given_name_forms(authors: tuple[str, ...]) -> list[str]:
    """The other forms of each author's first given name (`_SHORT_NAMES`), indexed as people terms
    after GIVEN_PREFIX."""
    out: list[str] = []
    for name in authors:
        first = name.split(" ", 1)[0].lower()
        out += _SHORT_NAMES.get(first, ()) + _LONG_NAMES.get(first, ())
    return out


_KOREAN_FAMILIES = {
    "김": ("kim", "gim"), "이": ("lee", "rhee"), "박": ("park", "bak"), "최": ("choi", "choe"),
    "정": ("jung", "jeong", "chung"), "강": ("kang",), "조": ("cho",), "윤": ("yoon",), "장": ("jang",),
    "임": ("lim", "yim"), "한": ("han",), "오": ("oh",), "서": ("seo", "suh"), "신": ("shin",), "권": ("kwon",),
    "황": ("hwang",), "안": ("ahn",), "송": ("song",), "전": ("jeon",), "홍": ("hong",), "유": ("yoo",), "류": ("ryu",),
    "고": ("ko",), "문": ("moon",), "손": ("sohn", "son"), "배": ("bae",), "백": ("baek", "paik"), "허": ("heo", "huh"),
    "남": ("nam",), "심": ("shim",), "노": ("noh", "roh"), "곽": ("kwak",), "성": ("sung",), "차": ("cha",),
    "우": ("woo",), "구": ("koo",), "민": ("min",),
}
"""The commonest Korean family names (borne by about nine Koreans in ten) and the spellings papers
write them in: a reader types 김 for Hyunwoo Kim, or Kim for an author a note writes 김민지. (Whole
names typed in Hangul are spelt by docs/assets/search/hangul-names.js.)"""
_KOREAN_SPELLINGS = {spelling: family for family, spellings in _KOREAN_FAMILIES.items() for spelling in spellings}


def family_name_forms(authors: tuple[str, ...]) -> list[str]:
    """The other script's forms of each author's Korean family name, indexed as people terms after
    GIVEN_PREFIX, as a given name's other forms are: 김 for Hyunwoo Kim (a Latin name's last word),
    kim and gim for 김민지 or 김 민지 (a name of two to four Hangul syllables, the family name first)."""
    out: list[str] = []
    for name in authors:
        words = tokenize(name)
        hangul = "".join(words)
        if HANGUL_WORD.fullmatch(hangul) and 2 <= len(hangul) <= 4:
            out += _KOREAN_FAMILIES.get(hangul[0], ())
        elif len(words) >= 2 and words[-1] in _KOREAN_SPELLINGS:
            out.append(_KOREAN_SPELLINGS[words[-1]])
    return out


def name_forms() -> dict[str, list[str]]:
    """meta.json's `given_names`: each form a query word may be (tom, 김, kim) -> the names it
    finds by GIVEN_PREFIX (thomas; kim, gim; 김), which the box marks in a result's authors."""
    forms = {form: set(_SHORT_NAMES.get(form, ()) + _LONG_NAMES.get(form, ())) for form in set(_SHORT_NAMES) | set(_LONG_NAMES)}
    for family, spellings in _KOREAN_FAMILIES.items():
        forms.setdefault(family, set()).update(spellings)
        for spelling in spellings:
            forms.setdefault(spelling, set()).add(family)
    return {form: sorted(names) for form, names in sorted(forms.items())}


def person_names(text: str) -> list[str]:
    """Each name of the people field written in parts (`_PERSON_PARTS`) also as one word, as readers
    type a romanised Korean given name or an Irish surname: `seoyeon` finds Seo-yeon Park, `oneil`
    finds O'Neil (its parts are terms already: `seo yeon` and `neil` find them too)."""
    return [term for match in _PERSON_PARTS.finditer(unicodedata.normalize("NFC", text))
            for term in tokenize(re.sub(r"[^\w]|_", "", match[0]))]


_CONTRACTION = re.compile(r"(?<![\w'’])([A-Za-z]+)['’]([A-Za-z]{1,2})(?![\w'’])")
"""An English contraction: `they're`, `don't`, `We've`, `can’t` (a straight or curly apostrophe)."""


def contractions(text: str) -> list[str]:
    """Each contraction of `text` also as one word, as readers type it without its apostrophe:
    `theyre right` and `dont know` found nothing (its parts are terms already: `they re` finds it)."""
    return [(match[1] + match[2]).lower() for match in _CONTRACTION.finditer(text)] if "'" in text or "’" in text else []


_CAMEL = re.compile(r"(?<![\w-])((?:[A-Z][a-z]{2,}|[A-Z]{2,}(?![a-z])){2,})(?![\w])")
"""A name written in camel case: capitalised words (or an acronym) run together, `ThinkTuning`,
`OlaGPT`, `ChatGPT` (not `LLaMA`, `MoE` or `ToM`, whose parts are not words)."""
_CAMEL_PART = re.compile(r"[A-Z][a-z]{2,}|[A-Z]{2,}(?![a-z])")


def camel_parts(text: str) -> list[str]:
    """The words of each camel-case name in `text` (`think`, `tuning` for ThinkTuning), and the
    title pair of each two in a row: readers type the name apart, `think tuning`, which found
    every note holding think... and tuning... but not ThinkTuning itself."""
    out: list[str] = []
    for match in _CAMEL.finditer(text):
        parts = [part.lower() for part in _CAMEL_PART.findall(match[1])]
        out += parts
        out += [PAIR_PREFIX + stem(a) + stem(b) for a, b in zip(parts, parts[1:])]
    return out


def title_pairs(tokens: list[str], joined: list[bool]) -> list[str]:
    """The phrase terms of a title: PAIR_PREFIX + the stems of two adjacent words (parted by spaces
    or a hyphen) written together, unless both are Korean words (`pairs` has those), so the box
    can tell a title holding `reasoning models` from one holding `reasons` and `models` apart."""
    out = []
    for i in range(len(tokens) - 1):
        first, second = tokens[i], tokens[i + 1]
        if joined[i] and not (HANGUL_WORD.fullmatch(first) and HANGUL_WORD.fullmatch(second)):
            out.append(PAIR_PREFIX + stem(first) + stem(second))
    return out


def document_terms(note: Note, tags: TagRegistry, concepts: ConceptMatcher | None = None,
                   written: set[str] | None = None,
                   aliases: Callable[[str], tuple[str, ...]] = lambda name: ()) -> dict[str, int]:
    """term -> weight (1-15) for one note. Besides its words: their `variants` (weighted as the
    word, one less for a Korean sub-word), the `pairs` of adjacent Korean words (weighted as a
    word of that field), the `title_pairs` of its title, `@<n>` for each glossary concept n it
    names (`concepts`; n its number in the glossary, see `build_search_files`) and `#<slug>` for
    each of its tags. Its authors' and lab's other names (`aliases(name)`: data/authors.yml's,
    김민지 for Minji Kim) are words of its people, as their names are."""
    fields = {
        "title": note.title,
        "tags": " ".join(f"{t} {tags.get(t).ko} {tags.get(t).en}" for t in note.tags),
        "people": " ".join([*note.authors, note.org or "", *(a for name in (*note.authors, note.org) if name for a in aliases(name)),
                            note.arxiv or ""]),
        "commentary": _MARKUP.sub(" ", f"{note.ko}\n{note.en}"),
        "abstract": _MARKUP.sub(" ", note.abstract),
    }
    weights: dict[str, int] = {}
    counts: dict[str, int] = {}
    for field, text in fields.items():
        weight = FIELD_WEIGHTS[field]
        phrases = field == "title" or (concepts and field != "people")
        tokens, joined = tokenize_joined(text) if phrases else (tokenize(text), [])
        adjacent = _adjacent(text)
        terms = (tokens + _pairs_of(adjacent, False) + model_names(text) + signed_names(text) + angled_names(text)
                 + (person_names(text) if field == "people" else acronyms(text) + contractions(text)))
        if field == "title":
            terms += title_pairs(tokens, joined) + camel_parts(text)
        if concepts and field != "people":
            terms += [CONCEPT_PREFIX + str(number) for _, _, number in concepts.runs(tokens, joined, every=True)]
        for term in terms:
            counts[term] = counts.get(term, 0) + 1
            if weights.get(term, 0) < weight:
                weights[term] = weight
        for term in _pairs_of(adjacent, True):   # one weight lower, as a compound's inner sub-words
            counts[term] = counts.get(term, 0) + 1
            if weights.get(term, 0) < max(1, weight - 1):
                weights[term] = max(1, weight - 1)
    out = {term: min(15, w + (counts[term] >= 3)) for term, w in weights.items()}
    if written is not None:  # the terms as written, before their stems and sub-words join them
        written.update(out)
    extra: dict[str, int] = {}
    for term, weight in out.items():
        for variant, inner in variants(term):
            w = max(1, weight - 1) if inner else weight
            if extra.get(variant, 0) < w:
                extra[variant] = w
    for variant, weight in extra.items():
        if out.get(variant, 0) < weight:
            out[variant] = weight
    for slug in note.tags:
        out[TAG_PREFIX + slug] = FIELD_WEIGHTS["tags"]
    for form in given_name_forms(note.authors) + family_name_forms(note.authors):
        out[GIVEN_PREFIX + form] = FIELD_WEIGHTS["people"]
    for key in person_keys(note.authors, aliases):
        out[PERSON_PREFIX + key] = FIELD_WEIGHTS["people"]
    return out


_LATIN_TOKEN = re.compile(r"[a-z0-9]+")


def person_keys(authors: tuple[str, ...], aliases: Callable[[str], tuple[str, ...]] = lambda name: ()) -> list[str]:
    """`PERSON_PREFIX`'s keys of a paper's first `LISTED_AUTHORS` authors (and their other names
    from data/authors.yml) written in Latin letters in two words or more."""
    keys: list[str] = []
    for name in authors[:LISTED_AUTHORS]:
        for written in (name, *aliases(name)):
            words = tokenize(written)
            if len(words) >= 2 and all(_LATIN_TOKEN.fullmatch(w) for w in words):
                keys.append("".join(words))
                if len(words) > 2:
                    keys.append(words[0] + words[-1])
    return keys


def common_short_words(written: Iterable[str], postings: dict[str, array[int]], docs: int) -> list[str]:
    """The Korean words of two syllables that notes write as words of their own (with a particle
    somewhere: 모델을) and that a tenth of the notes or more hold (at least two): the only words the
    box corrects a slip in a two-syllable word's first syllable to (뵤상: 보상, 노델: 모델; `correctHangul`
    in engine.js), without loading the terms of every syllable a key away. A few dozen words."""
    found = set()
    for term in written:
        if len(term) > 2 and HANGUL_WORD.fullmatch(term):
            word = strip_particle(term)
            # Not a particle (에서), a verb's ending (한다) or its plain form (있다) itself.
            if len(word) == 2 and word != term and word not in PARTICLES and word not in VERB_ENDINGS and not word.endswith("다"):
                found.add(word)
    return sorted(w for w in found if len(postings.get(w, ())) >= max(2, docs / 10))


def card_authors(authors: tuple[str, ...], page_of: Callable[[str], str | None] = lambda name: None) -> list[str | list[str]]:
    """The authors of a result: the first CARD_AUTHORS names, then "…" if there are more. A name
    is a string, or `[name, slug]` when `page_of(name)` gives the slug of its author page (only
    those carry a slug: the box links them, as note and list pages do)."""
    shown: list[str | list[str]] = []
    for name in authors[:CARD_AUTHORS]:
        slug = page_of(name)
        shown.append([name, slug] if slug else name)
    return shown + (["…"] if len(authors) > CARD_AUTHORS else [])


def more_authors(authors: tuple[str, ...], page_of: Callable[[str], str | None] = lambda name: None) -> list[str | list[str]]:
    """The authors a result's card leaves out (`card_authors` shows the first CARD_AUTHORS), each as
    it gives a name: what the abstracts file holds, for a search by one of them."""
    return [[name, slug] if (slug := page_of(name)) else name for name in authors[CARD_AUTHORS:]]


def known_as(note: Note, aliases: Callable[[str], tuple[str, ...]]) -> list[dict[str, object]]:
    """`[{"aka": {author's place: [other names]}, "org": [lab, its other names...], "arxiv": id}]`
    (each key only when there is something to say) for a note whose authors go by other names
    (`aliases`), that names its lab or its arXiv id, else `[]`: the third item of its abstracts row,
    so a result found by 김민지 shows "Minji Kim (김민지)", and one found by its lab or id shows it
    (the card holds neither). Places count from 0 over all the authors (the card's, then
    `more_authors`)."""
    out: dict[str, object] = {}
    named = {str(i): list(other) for i, name in enumerate(note.authors) if (other := aliases(name))}
    if named:
        out["aka"] = named
    if note.org:
        out["org"] = [note.org, *aliases(note.org)]
    if note.arxiv:
        out["arxiv"] = note.arxiv
    return [out] if out else []


def _utf16_key(term: str) -> bytes:
    return term.encode("utf-16-be")  # big-endian UTF-16 bytes sort as JavaScript compares strings


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


_SIGNED = re.compile(r"(?<![^\W_])([A-Za-z])(\+\+|#)")
"""A one-letter name a sign ends: C++, C#, F#."""


def signed_names(text: str) -> list[str]:
    """Each one-letter name a sign ends in `text` as one term, its letter lower-cased and its sign
    kept (C++ -> `c++`): the letter alone is in every `(c)` and `a`, so the box looks such a name
    up whole, and a one-letter query word is no search word of its own."""
    return [m.group(1).lower() + m.group(2) for m in _SIGNED.finditer(text)]


_ANGLED = re.compile(r"</?([A-Za-z][A-Za-z0-9]{0,30})>")
"""A word in angle brackets: a special token a model writes (<think>, </answer>)."""


def angled_names(text: str) -> list[str]:
    """Each word `text` writes in angle brackets as one term, lower-cased and bracketed (<think>, </think>
    -> `<think>`): a reader searching `<think>` means the token, not every note on thinking, and the
    box looks such a word up whole (engine.js, `angled`) before the word alone."""
    return ["<" + m.group(1).lower() + ">" for m in _ANGLED.finditer(text)]


_ACRONYM = re.compile(r"(?<![^\W_])([A-Za-z]{2,5}?)((?<=[A-Z])s)?(?![A-Za-z])")
"""A word of 2 to 5 letters, a plural s after a capital allowed: an acronym when two or more of its
letters are capitals (ToM, AIME, RLHF, LLaMA, LLMs), as the box's words.typedAcronym reads a query."""


def acronyms(text: str) -> list[str]:
    """ACRONYM_PREFIX and each acronym `text` writes, lower-cased (ToM -> `^tom`, LLMs -> `^llm`, AIME25 -> `^aime`)."""
    words = (m.group(1) for m in _ACRONYM.finditer(text))
    # islower first: most words are, and it runs at C speed.
    return [ACRONYM_PREFIX + w.lower() for w in words if not w.islower() and sum(c.isupper() for c in w) >= 2]


_VERSIONED = re.compile(r"([^\W\d_]+)\d")
"""A term that is a name and its version written together: qwen3, llama2, 라마2 (the name is group 1)."""


def versioned_concepts(glossary: Glossary, written: set[str]) -> set[int]:
    """The numbers of the glossary's concepts with a one-word form that some term of `written` is
    that form with a version after it (Qwen: qwen3; LLaMA: llama2), though no note names the
    form alone: the box finds the concept's other forms (큐웬, 라마) through it, a prefix."""
    names = {m.group(1) for term in written if (m := _VERSIONED.match(term))}
    return {n for n, concept in enumerate(glossary.concepts)
            if any(len(t := tokenize(form)) == 1 and t[0] in names for form in concept.en + concept.ko)}


def year_runs(notes: tuple[Note, ...]) -> dict[str, list[int]]:
    """{year: [first, end]}: the documents of each year's notes, a run (the site's order is newest
    first), which a query of a year beside other words keeps (2024년 보상 모델). Empty when some
    year's notes are not one run (notes not in the site's order): the box then filters nothing."""
    runs: dict[str, list[int]] = {}
    for number, note in enumerate(notes):
        run = runs.setdefault(str(note.date.year), [number, number])
        if run[1] != number:
            return {}
        run[1] = number + 1
    return runs


def build_search_files(notes: Iterable[Note], tags: TagRegistry, commentary: Callable[[Note], tuple[str, str]],
                       glossary: Glossary | None = None,
                       author_page: Callable[[str], str | None] = lambda name: None,
                       abstract: Callable[[Note], str] | None = None,
                       author_aliases: Callable[[str], tuple[str, ...]] = lambda name: ()) -> list[tuple[str, str]]:
    """(site path, content) of every search file (`iter_search_files`, listed)."""
    return list(iter_search_files(notes, tags, commentary, glossary, author_page, abstract, author_aliases))


def iter_search_files(notes: Iterable[Note], tags: TagRegistry, commentary: Callable[[Note], tuple[str, str]],
                      glossary: Glossary | None = None,
                      author_page: Callable[[str], str | None] = lambda name: None,
                      abstract: Callable[[Note], str] | None = None,
                      author_aliases: Callable[[str], tuple[str, ...]] = lambda name: ()) -> Iterator[tuple[str, str]]:
    """(site path, content) of every search file, each made as it is asked for (a build writes it
    before the next is made: together they are 40 MB at 10,000 notes); `commentary(note)` gives
    its (ko, en) HTML for the result excerpts, `author_page(name)` the slug of a written name's
    author page (None: no page), `abstract(note)` its abstract's HTML (None: the abstract as
    written), `author_aliases(name)` the other names a written author's or lab's name goes by
    (indexed with the name; `abstracts/<n>.json` holds them). Deterministic: the same notes give the same bytes."""
    notes = tuple(notes)
    matcher = ConceptMatcher(glossary) if glossary is not None else None
    postings: dict[str, array[int]] = {}  # machine ints: a tenth of the memory of a list of ints
    written: set[str] = set()  # every term as a note writes it (`document_terms`): the spelling list
    for number, note in enumerate(notes):
        for term, weight in document_terms(note, tags, matcher, written, author_aliases).items():
            entry = postings.get(term)
            if entry is None:
                postings[term] = entry = array("l")
            entry.append(number * 16 + weight)  # numbers rise, so deltas come out positive below
    # Only the concepts some note names go to the browser (a query's other concepts could find
    # nothing through them), and those a note writes a one-word form of with a version (Qwen3,
    # LLaMA2: the box finds 큐웬 and 라마 by that form as a prefix, `versioned_concepts`), numbered
    # again in glossary order: @<n> is the n-th of meta's glossary.
    used = sorted(int(term[len(CONCEPT_PREFIX):]) for term in postings if term.startswith(CONCEPT_PREFIX))
    kept = sorted(set(used) | versioned_concepts(glossary, written)) if glossary is not None else []
    for old in used:
        postings[f"{CONCEPT_PREFIX}{kept.index(old)}x"] = postings.pop(f"{CONCEPT_PREFIX}{old}")
    for new in range(len(kept)):
        if f"{CONCEPT_PREFIX}{new}x" in postings:
            postings[f"{CONCEPT_PREFIX}{new}"] = postings.pop(f"{CONCEPT_PREFIX}{new}x")
    shipped = [glossary.concepts[old] for old in kept] if glossary is not None else []
    common = common_short_words(written, postings, len(notes))

    directory: list[list[str]] = []
    chunk: dict[str, list[int]] = {}
    size = 0

    def flush() -> Iterator[tuple[str, str]]:
        nonlocal chunk, size
        if chunk:
            text = _dump(chunk)
            name = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
            directory.append([next(iter(chunk)), name])
            yield urls.search_terms(name), text
        chunk, size = {}, 0

    # Spelling entries: every English word of SPELL_MIN+ letters a note writes, backwards after
    # SPELL_PREFIX, with no postings, so the box can check a correction whose first half differs
    # from the typed word. Not the words' stems: `arriv` or `convent` is no word to suggest.
    for term in sorted(t for t in written if len(t) >= SPELL_MIN and SPELLABLE.fullmatch(t)):
        postings[SPELL_PREFIX + term[::-1]] = array("l")
    for term in sorted(postings, key=_utf16_key):
        encoded, previous = [], 0
        for posting in postings.pop(term):  # each term's postings go once encoded
            number = posting >> 4
            encoded.append((number - previous) * 16 + (posting & 15))
            previous = number
        chunk[term] = encoded
        size += len(term.encode()) + 6 + sum(map(len, map(str, encoded))) + len(encoded)
        if size >= CHUNK_BYTES:
            yield from flush()
    yield from flush()

    for start in range(0, len(notes), CARD_SHARD):
        rows = []
        for note in notes[start:start + CARD_SHARD]:
            ko, en = commentary(note)
            rows.append([note.slug, note.title, note.date.isoformat(), snippet(ko, EXCERPT_CHARS), snippet(en, EXCERPT_CHARS),
                         card_authors(note.authors, author_page)])
        yield urls.search_cards(start // CARD_SHARD), _dump(rows)
        abstracts = [[snippet(abstract(note) if abstract is not None else str(escape(note.abstract)), ABSTRACT_CHARS),
                      more_authors(note.authors, author_page), *known_as(note, author_aliases)]
                     for note in notes[start:start + CARD_SHARD]]
        yield urls.search_abstracts(start // CARD_SHARD), _dump(abstracts)

    meta = {
        "v": VERSION,
        "docs": len(notes),
        "chunks": directory,
        "terms": urls.search_terms("{name}"),
        "cards": urls.search_cards("{n}"),
        "abstracts": urls.search_abstracts("{n}"),
        "card_shard": CARD_SHARD,
        "excerpt": EXCERPT_SHOWN,
        "hyphen_word": HYPHEN_WORD_MAX,  # a Korean word's hyphen held on its line, as on the pages (markup.keep_hyphens)
        # A given name's other forms (tom: thomas) and a Korean family name's (김: kim), which the index added to each note
        # (given_name_forms, family_name_forms, as `given` + form): the box marks "Thomas" for `tom`, or nothing in the
        # result said why it matched.
        "given": GIVEN_PREFIX,
        "person": PERSON_PREFIX,
        "acronym": ACRONYM_PREFIX,
        "given_names": name_forms(),
        "particles": list(PARTICLES),
        "endings": list(VERB_ENDINGS),
        "note": urls.src_to_url(urls.note("{slug}")),
        "tags": [[t.slug, t.ko, t.en, list(t.aliases)] for t in tags.tags],
        "tag": urls.src_to_url(urls.tag("{slug}")),
        "author": urls.src_to_url(urls.author("{slug}")),
        "year": urls.src_to_url(urls.year(0)).replace("0000", "{year}"),
        "wanted": [urls.src_to_url(urls.wanted()), urls.wanted_papers()],
        "years": {str(year): count for year, count in sorted(Counter(n.date.year for n in notes).items())},
        "year_docs": year_runs(notes),
        "min_part": MIN_PART,
        "spell": SPELL_PREFIX,
        "pair": PAIR_PREFIX,
        "common": common,
        "title": FIELD_WEIGHTS["title"],
        "people": FIELD_WEIGHTS["people"],
        "concept": CONCEPT_PREFIX,
        "glossary": [[list(c.en), list(c.ko)] for c in shipped],
        "rank": RANK,
        "words": {"joiner": JOINER_CHARACTERS, "max_form_words": MAX_FORM_WORDS, "stemmable": STEMMABLE.pattern,
                  "spell_min": SPELL_MIN, "tag_prefix": TAG_PREFIX, "arxiv": ARXIV_REFERENCE, "plural": PLURAL,
                  "verb_forms": VERB_FORMS},
    }
    yield urls.search_meta(), _dump(meta)
