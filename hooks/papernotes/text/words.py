"""Words as search sees them: the tokenizer, Korean particles, and the spacing-free key of a phrase.

Shared by the search index (`search_index`), the glossary's concepts (`concepts`) and the glossary's
checker (`source.glossary`, which calls two forms the same when their `phrase_key`s are). Every
function here has a twin in docs/assets/search/words.js that must give the same answer; the
browser tests compare them (tests/test_reader_browser.py). The tables (particles, endings, the
joiner's characters) reach the box through search/meta.json (`search_index.build_search_files`),
so they are written here only.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from papernotes.names import UNDECOMPOSED
from papernotes.text.stemmer import stem

PARTICLES = ("으로부터", "에서는", "에서도", "에서의", "에게서", "으로는", "으로서", "으로써", "으로의", "로부터", "에서", "에게",
             "으로", "로서", "로써", "로의", "과의", "와의", "까지", "부터", "보다", "처럼", "마다", "조차", "과", "와", "을", "를",
             "은", "는", "이", "가", "의", "에", "로", "도", "만")
"""Korean particles the search box strips from the end of a query word (longest first)."""

TOKEN = re.compile(r"\d+(?:\.\d+)+|[^\W_]+")
"""A term: a dotted number (an arXiv id, a version) or a run of letters and digits."""

_SPLIT = re.compile(f"({TOKEN.pattern})")

JOINER_CHARACTERS = " \t\u00a0-\u2010\u2011"
"""Spaces and hyphens: what may part two words of one phrase, with at most one line break (see JOINER).
The search box builds its JOINER from these (search/meta.json, `words.joiner`)."""

JOINER = re.compile(f"[{re.escape(JOINER_CHARACTERS)}]*(?:\n[{re.escape(JOINER_CHARACTERS)}]*)?")
"""What may part two words of one phrase: spaces and hyphens, at most one line break (not a
sentence's end, a bracket or a paragraph break). `chain-of-thought` is `chain of thought`."""


@functools.lru_cache(maxsize=1 << 16)
def fold(token: str) -> str:
    """`token` without accents (é -> e), letters with a stroke and Latin ligatures included (ł -> l,
    ø -> o, æ -> ae: `names.UNDECOMPOSED`, so `Lukasz` finds `Łukasz`, as author names match);
    Hangul and plain ASCII unchanged. Memoised, bounded: a site repeats its words many times."""
    if token.isascii():
        return token
    # Nonspacing marks (category Mn, as the JS's \p{Mn}), not combining classes: a few marks
    # (Tibetan, Myanmar) have class 0 and would otherwise stay here but not in the browser.
    stripped = "".join(c for c in unicodedata.normalize("NFD", token) if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", stripped).translate(UNDECOMPOSED)


def tokenize(text: str) -> list[str]:
    """The terms of `text`, in order, with repeats: what the index stores and a query looks up."""
    # NFC first, as the JS does: decomposed accents (e + U+0301) would otherwise split a word.
    return [fold(token) for token in TOKEN.findall(unicodedata.normalize("NFC", text).lower())]


def tokenize_joined(text: str) -> tuple[list[str], list[bool]]:
    """`tokenize(text)` and, for each term, whether only JOINER stands between it and the next
    (the last is False): which neighbours may be read as one phrase."""
    parts = _SPLIT.split(unicodedata.normalize("NFC", text).lower())   # gap, term, gap, term, ..., gap
    tokens = [fold(token) for token in parts[1::2]]
    joined = [_joins(gap) for gap in parts[2:-1:2]]
    if tokens:
        joined.append(False)
    return tokens, joined


@functools.lru_cache(maxsize=1 << 12)
def _joins(gap: str) -> bool:
    """Whether `gap` is only JOINER. Memoised, bounded: a text has few kinds of gaps."""
    return JOINER.fullmatch(gap) is not None


@functools.lru_cache(maxsize=1 << 16)
def strip_particle(word: str) -> str:
    """`word` without one trailing Korean particle (longest first), keeping at least one syllable;
    the box does the same to a query word, where a word of Hangul keeps MIN_PART syllables (평가 is
    not 평 + 가). Memoised, bounded: called for every Korean word of every note."""
    for particle in PARTICLES:
        if len(word) > len(particle) and word.endswith(particle):
            return word[:-len(particle)]
    return word


_LATIN_ENDING = re.compile(r"((?=[0-9]*[a-z])[a-z0-9]++)[\uac00-\ud7a3]+")
"""An English word with a Korean ending written onto it: distill된, overthinking한다, RLHF를."""


VERB_ENDINGS = ("시켰다", "시키기", "되었다", "이라는", "시키는", "되는", "되어", "되고", "된다", "되지", "됐다", "시켜", "하는", "하여",
                "하고", "하기", "하지", "하면", "하며", "해서", "했다", "했던", "했고", "한다", "시킨", "라는", "이란", "받는", "받은",
                "받을", "적인", "된", "한", "할", "함")
"""Endings that make a Korean noun a verb or adjective (보정된, 정렬한다, 추론할, 검증하기, 학습시켰다,
보상받는, 효율적인) or quote it (보상이라는, 환각이란), longest first: the glossary's forms are nouns, so
a run naming a concept may end in one (`without_ending`), and the box looks a query word up without
one (효율적인 finds 효율적, 효율성: it found nothing)."""

VERB_FORMS = ("도록", "지만", "면서", "는데", "으며", "거나", "려면", "려고", "니다", "다는", "다고", "으면", "는지", "게끔", "어서", "아서")
"""Endings of a Korean verb form (커지도록, 늘어나지만, 줄이면서): such a word is no compound, so it is not
indexed by its inner sub-words (search_index.variants), nor does the box mark a query word inside it:
지도 학습 found and marked 커지도록 through its inner 지도록."""

PLURAL = "들"
"""The Korean plural suffix, before a particle if any (에이전트들, 모델들의): `without_ending` drops it
after the particle, when two syllables stay, so 에이전트들 finds 에이전트 (the box shows what a note
wrote: a prefix finds 에이전트들 too)."""


_ACRONYM_PLURAL = re.compile(r"([b-df-hj-np-tv-xz]{2,})s")
"""An acronym's plural: consonants only (as acronyms are read), then s: LLMs, PRMs, VLMs. Snowball
leaves it whole (no vowel before the s), so without this `PRMs` did not name the glossary's PRM."""


@functools.lru_cache(maxsize=1 << 16)
def without_ending(word: str) -> str:
    """`word` without what Korean wrote after it: the Korean ending of an English word (distill된 ->
    distill, reward를 -> reward), else a verb ending (보정된 -> 보정), else one particle
    (`strip_particle`), and then the plural suffix (PLURAL: 모델들의 -> 모델); an acronym's plural
    without its s (`_ACRONYM_PLURAL`: PRMs, PRMs를 -> prm), as a glossary form is singular.
    Memoised, bounded."""
    latin = _LATIN_ENDING.fullmatch(word)
    plural = _ACRONYM_PLURAL.fullmatch(latin.group(1) if latin else word)
    if plural:
        return plural.group(1)
    if latin:
        return latin.group(1)
    for ending in VERB_ENDINGS:
        if len(word) > len(ending) and word.endswith(ending):
            return _without_plural(word[:-len(ending)])
    return _without_plural(strip_particle(word))


_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")


def _without_plural(word: str) -> str:
    """`word` without PLURAL when two syllables stay (search_index.MIN_PART: 그들 stays)."""
    return word[:-len(PLURAL)] if word.endswith(PLURAL) and len(word) - len(PLURAL) >= 2 and _HANGUL_WORD.fullmatch(word) else word


_AGENT = re.compile(r"[a-z]+(?:er|or)")
"""A word in -er or -or: an agent noun (transformer, verifier, generator) when Snowball shortens it."""


@functools.lru_cache(maxsize=1 << 16)
def key_stem(word: str) -> str:
    """What `phrase_key` writes for one word: its Snowball stem, but an agent noun the stemmer
    shortens to its verb (transformer -> transform, verifier -> verifi, generator -> generat), or
    its plural, is the noun itself: a transformer is no transforming, a verifier nothing verifiable.
    The glossary's 트랜스포머 found a note titled Transforming. Memoised, bounded."""
    root = stem(word)
    noun = word[:-1] if word.endswith("s") else word
    if root != noun and _AGENT.fullmatch(noun) and stem(noun) == root:
        return noun
    return root


def phrase_key(text: str) -> str:
    """What a phrase is compared by, whatever its spacing, case, accents and inflection: its terms'
    Snowball stems (other terms as they are; an agent noun itself, `key_stem`) written together.
    `Reward models`, `reward-model` and `rewardmodel`... : `rewardmodel`; `보상 모델` and
    `보상모델`: `보상모델`; `Transformers`: `transformer`."""
    return "".join(key_stem(token) for token in tokenize(text))
