"""The reading list's data: what the browser needs to recognise saved notes and recommend others.

The reading list lives in the reader's browser (docs/assets/reading-list/); the site only ships
data. The list page downloads `reading-list/index.json` (and, for the few notes it shows as
recommendations, their `reading-list/cards/<n>.json`); no other page does. At 10,000 notes the
index must stay well under 300 kB uncompressed (the budget of the list page's first view), so:

- notes are numbered by their position (newest first) and named by a 30-bit FNV-1a hash of their
  slug, six base-36 characters each, concatenated (`ids`); the few slugs whose hash clashes are
  listed in full (`exact`), so a saved slug always finds its note;
- tags and terms are indices into `tags` and `terms` (each ordered most used first, so most
  indices are short), written in base 36 (`tags_of`, `terms_of`:
  one string per kind, notes separated by `;`, indices by `,`);
- titles, dates, arXiv ids and first authors are in the card files, CARD_SHARD notes per file
  (the list page fetches the cards of the notes it lists; `author_page` is where an author's
  page is, `{slug}` standing for its slug).

Terms are the names a note's title and abstract share with a few other notes, beyond its tags,
whole and as written: a word or hyphenated compound (Bradley-Terry, RM-Bench, DeepSeek-R1, not
Bradley and Bench) that its writing makes a name (a capital or a digit within it: GRPO, GSM8K; or a
capital where no sentence or title-cased phrase starts, on a word no note writes in lower case:
Markovian), or a compound the glossary lists (chain-of-thought). A plain lower-case word is never a
term: the list page once said "Shared terms: absolute" (a word two abstracts happened to use), and
no rule of letters tells sycophancy from weight. Not a stop word, nor a compound ending in one or
in COMPOUND_ENDS (LLM-based). A term is in at least two notes and at most TERM_MAX_SHARE of them
(at least TERM_MIN_CEILING); the title counts three times, and each note keeps its TERMS_PER_NOTE
best by tf-idf. An acronym's plural is its singular (RMs: RM), spellings that differ only in case
or hyphens are one term (MATH-500, MATH500), and `terms` holds each as the notes most often write
it; notes match on their indices.
`terms_ko` gives the Korean form of the terms the glossary names (by index, as a string).
`lineage_of` holds a note's `builds_on` notes when the schema has that field (else it is absent).
The JavaScript reads this format in docs/assets/reading-list/recommend.js; SCHEMA changes with it.
"""

from __future__ import annotations

import heapq
import json
import math
import re
from collections import Counter
from typing import Callable, Iterator

from papernotes.model import Note
from papernotes.catalog import urls
from papernotes.catalog.index import SiteIndex
from papernotes.source.glossary import Glossary

SCHEMA = "papernotes.reading-list-index/1"
CARD_SHARD = 16
TERMS_PER_NOTE = 3
TERM_MAX_SHARE = 0.05
TERM_MIN_CEILING = 3
"""A term is in at least two notes and at most TERM_MAX_SHARE of them, or TERM_MIN_CEILING on a
small site (at 43 notes a twentieth is two: a term had to be in exactly two notes)."""
HASH_WIDTH = 6
CARD_AUTHORS = 3
"""Authors a card names, as a tag page's item does; the others are counted."""
_HASH_BITS = 30
_EDGE_BEFORE = r"(?<![A-Za-z0-9'\u2019.-])"
_EDGE_AFTER = r"(?![A-Za-z0-9'\u2019]|[.-][A-Za-z0-9])"
_PART = r"[A-Za-z0-9]+(?:(?<=[0-9])\.[0-9]+)?"
_NAME = re.compile(_EDGE_BEFORE + r"(?=[A-Za-z0-9-]*[A-Z0-9])" + _PART + r"(?:-" + _PART + r")*" + _EDGE_AFTER)
"""A word or hyphenated compound, whole (Bradley-Terry, RM-Bench, Qwen2.5-7B), with a capital or a
digit in it: what may be a name. A regular expression, not the search tokenizer: at 10,000 notes a
Python loop over every token of every abstract costs seconds; the lookahead leaves the lower-case
words, most of the text, to `_LOWER`'s findall."""
_LOWER = re.compile(_EDGE_BEFORE + r"[a-z]+(?:-[a-z]+)*" + _EDGE_AFTER)
"""A word or hyphenated compound in lower case only (fine-tuning, reward)."""
_INNER = re.compile(r"[A-Za-z][A-Z]|[A-Za-z][0-9]|[0-9][A-Za-z]")
"""A capital after a letter, or letters and digits together, within one part: RM, CoT, DeepSeek,
GSM8K, o1: a name however it is placed (a title's capitals, a sentence's first word)."""
_PLURAL = re.compile(r"(?<=[A-Z])s$")
"""An acronym's plural (LLMs, RMs, CoTs): the same term as its singular."""
_SIZE = re.compile(r"^[0-9]+(?:\.[0-9]+)?(?:[A-Za-z]|st|nd|rd|th)$")
"""A number with a unit or an ordinal (7B, 10x, 3rd): no name."""
_SENTENCE = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)")
"""Where a sentence starts (its end): a capital there says nothing."""
_CAPITAL_BEFORE = re.compile(r"(?<![A-Za-z0-9-])[A-Z][A-Za-z0-9-]*[ \u00a0]$")
_CAPITAL_AFTER = re.compile(r"[ \u00a0][A-Z]")
"""A capitalised word beside another (not one that starts a sentence: "A Bradley-Terry model"):
a phrase in title case (Direct Preference Optimization), whose words are ordinary words."""
STOP_WORDS = frozenset("""
about above after again against also among based being below between both cannot could does doing down
during each even every from further have having here into itself just large larger learn learning lets
make makes many more most much must only other over paper same show shows shown should some such than
that their them then there these they this those through towards under until using very well were what
when where which while will with within without would your model models method methods approach results
via toward new novel study work
able across additionally ahead allow allows almost along already although always another anyone
because become becomes before behind beyond common commonly could despite different directly easily
either else enough especially existing fewer first firstly furthermore given gives however instead
last least less like likely mainly meanwhile moreover mostly namely nearly never next often once
onto otherwise overall perhaps possible present presents previous previously prior propose proposed
proposes provide provided provides quite rather recent recently several since still third thus
together typically upon usually various versus whereas whether whose widely yield yields yet""".split())
"""Words that say nothing of what a note is about: function words, and the connectives and verbs
every abstract uses ("additionally", "propose", "allows"). A small site once suggested a note
because both abstracts said "able"."""


def slug_hash(slug: str) -> str:
    """FNV-1a (32-bit) of the slug's UTF-8 bytes, folded to 30 bits, in base 36, HASH_WIDTH wide.
    recommend.js computes the same; tests/test_reading_list_outputs.py holds the shared table."""
    h = 0x811C9DC5
    for byte in slug.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return _base36((h ^ (h >> _HASH_BITS)) & ((1 << _HASH_BITS) - 1)).rjust(HASH_WIDTH, "0")


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


COMPOUND_ENDS = frozenset("""aware based centric conditioned driven free friendly generated guided level like
oriented ready scale specific style trained tuned wise""".split())
"""The last word of a compound that makes it a description, not a name: LLM-based, RL-trained."""


def _glossary_words(glossary: Glossary) -> dict[str, str]:
    """The glossary's one-word English forms that are terms by their writing: names (Bradley-Terry,
    BT, GRPO, Markovian) and compounds (chain-of-thought, out-of-distribution, not rule-based), in
    lower case, also with -s and -es, -> the term shown for their concept: its first such form as
    written (BT and Bradley-Terry are one term). Not its plain lower-case words: the glossary lists
    weight, cost and bias beside sycophancy for search's sake, and no rule of letters tells them
    apart."""
    found: dict[str, str] = {}
    for concept in glossary.concepts:
        single = [f for f in concept.en if _NAME.fullmatch(f) or (_LOWER.fullmatch(f) and "-" in f
                                                                   and f.rsplit("-", 1)[1] not in COMPOUND_ENDS)]
        for form in single:
            low = _PLURAL.sub("", form).lower()
            for key in (low, low + "s", low + "es"):
                found.setdefault(key, single[0])
    return found


def _candidates(note: Note, glossary: dict[str, str]) -> tuple[Counter[str], Counter[tuple[str, str]], set[str]]:
    """A note's possible terms by key, counted (its title's three times); how it writes each
    ((key, form), counted); and the words and compounds it writes in lower case.

    A name is a word or compound with a capital or a digit within a part (`_INNER`: GRPO,
    DeepSeek-R1, GSM8K, Think-RM: anywhere), or one that begins with a capital in the abstract,
    not at a sentence's start (Bradley-Terry, Markovian; keyed "?…": `note_terms` drops it when
    some note writes it in lower case, as the Reinforcement of "Reinforcement Learning from Human
    Feedback"). A lower-case word is a term only when the glossary names it (keyed "@…", as a
    name the glossary lists: BT and Bradley-Terry are one term)."""
    counts: Counter[str] = Counter()
    forms: Counter[tuple[str, str]] = Counter()
    lower: set[str] = set()

    def count(key: str, form: str, weight: int) -> None:
        counts[key] += weight
        forms[key, form] += weight

    for text, weight, in_title in ((note.abstract, 1, False), (note.title, 3, True)):
        starts = set() if in_title else {m.end() for m in _SENTENCE.finditer(text)}
        for m in _NAME.finditer(text):
            form = m.group()
            if len(form) < 2 or _SIZE.match(form) or not any(c.isalpha() for c in form):
                continue
            last = form.rsplit("-", 1)[-1]
            if "-" in form and last.islower() and (last in COMPOUND_ENDS or last in STOP_WORDS):
                continue
            inner = any(_INNER.search(part) for part in form.split("-"))
            if not inner and (in_title or m.start() in starts or form.lower() in STOP_WORDS or _CAPITAL_AFTER.match(text, m.end())
                              or ((before := _CAPITAL_BEFORE.search(text, max(0, m.start() - 60), m.start())) and before.start() not in starts)):
                continue
            key = _PLURAL.sub("", form).lower()
            if key in glossary:
                count("@" + glossary[key].lower(), glossary[key], weight)
            else:   # MATH-500 and MATH500 are one term
                count(key.replace("-", "") if inner else "?" + key, form, weight)
        written = _LOWER.findall(text)
        lower.update(written)
        for word in glossary.keys() & set(written):
            count("@" + glossary[word].lower(), glossary[word], weight)
    return counts, forms, lower


def note_terms(notes: tuple[Note, ...], glossary: Glossary | None = None) -> tuple[list[str], list[list[int]]]:
    """The term vocabulary (each term as the notes most often write it) and each note's best
    terms (indices into it), best first. What a term is: the module's docstring."""
    named = _glossary_words(glossary) if glossary is not None else {}
    found = [_candidates(n, named) for n in notes]
    lower: set[str] = set().union(*(f[2] for f in found))
    df: Counter[str] = Counter()
    for counts, _, _ in found:
        df.update(counts.keys())
    ceiling = max(TERM_MIN_CEILING, int(len(notes) * TERM_MAX_SHARE))
    useful = {t for t, d in df.items() if 2 <= d <= ceiling and not (t[0] == "?" and t[1:] in lower)}
    chosen: list[list[str]] = []
    for counts, _, _ in found:
        scored = heapq.nsmallest(TERMS_PER_NOTE, ((-c * math.log(len(notes) / df[t]), t) for t, c in counts.items() if t in useful))
        chosen.append([t for _, t in scored])
    # Most used first, so most indices are one or two base-36 digits.
    uses = Counter(t for terms in chosen for t in terms)
    vocabulary = sorted(uses, key=lambda t: (-uses[t], t))
    number = {t: i for i, t in enumerate(vocabulary)}
    written: Counter[tuple[str, str]] = Counter()
    for _, forms, _ in found:
        written.update(pair for pair in forms if pair[0] in uses)
    shown: dict[str, str] = {}
    for (key, form), _ in sorted(written.items(), key=lambda kv: (-kv[1], kv[0])):
        shown.setdefault(key, form)   # the form most written; ties: the first in code-point order
    return [shown[t] for t in vocabulary], [[number[t] for t in terms] for terms in chosen]


def korean_terms(vocabulary: list[str], glossary: Glossary | None) -> dict[str, str]:
    """The Korean form of each term the glossary names in English (pre-training: 사전 학습), by its
    index in `vocabulary`: the list page names shared terms in the reader's language."""
    korean: dict[str, str] = {}
    for concept in glossary.concepts if glossary is not None else ():
        if concept.ko:
            for form in concept.en:
                korean.setdefault(form.casefold(), concept.ko[0])
    return {str(i): korean[t.casefold()] for i, t in enumerate(vocabulary) if korean.get(t.casefold(), t) != t}


def _join(rows: list[list[int]]) -> str:
    return ";".join(",".join(_base36(i) for i in row) for row in rows)


def reading_list_index(index: SiteIndex) -> dict[str, object]:
    notes = index.notes
    position = {n.slug: i for i, n in enumerate(notes)}
    tags = sorted(index.tags.tags, key=lambda t: (-len(index.by_tag.get(t.slug, ())), t.slug))  # most used first, as terms
    tag_number = {t.slug: i for i, t in enumerate(tags)}
    hashes = [slug_hash(n.slug) for n in notes]
    seen = Counter(hashes)
    vocabulary, terms_of = note_terms(notes, index.glossary)
    doc: dict[str, object] = {
        "schema": SCHEMA,
        "count": len(notes),
        "card_shard": CARD_SHARD,
        "cards": urls.reading_list_cards("{n}"),
        "author_page": urls.src_to_url(urls.author("{slug}")),
        "tags": [[t.slug, t.ko, t.en] for t in tags],
        "terms": vocabulary,
        "terms_ko": korean_terms(vocabulary, index.glossary),
        "ids": "".join(hashes),
        "exact": {n.slug: i for i, (n, h) in enumerate(zip(notes, hashes)) if seen[h] > 1},
        "tags_of": _join([[tag_number[s] for s in n.tags if s in tag_number] for n in notes]),
        "terms_of": _join(terms_of),
    }
    lineage = [[position[s] for s in getattr(n, "builds_on", ()) or () if s in position] for n in notes]
    if any(lineage):
        doc["lineage_of"] = _join(lineage)
    return doc


def card_authors(names: tuple[str, ...], author_page: Callable[[str], str | None] | None = None) -> list[object]:
    """A card's byline: its first CARD_AUTHORS names, each `[name, slug]` when it has an author
    page (`author_page`: the name's page slug, or None), else the name; then, when there are
    more, how many (`["A", ["B", "b"], "C", 5]`: "A, B, C… (+5)", as `pages.fragments.authors`)."""
    shown: list[object] = []
    for name in names[:CARD_AUTHORS]:
        slug = author_page(name) if author_page is not None else None
        shown.append([name, slug] if slug else name)
    if len(names) > CARD_AUTHORS:
        shown.append(len(names) - CARD_AUTHORS)
    return shown


def reading_list_files(index: SiteIndex, author_page: Callable[[str], str | None] | None = None) -> Iterator[tuple[str, str]]:
    """`reading-list/index.json`, then the card files: [slug, title, date, published, arXiv id,
    authors (`card_authors`)]."""
    dump = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    yield urls.reading_list_index(), dump(reading_list_index(index))
    notes = index.notes
    for shard, start in enumerate(range(0, len(notes), CARD_SHARD)):
        rows = [[n.slug, n.title, n.date.isoformat(), n.published.isoformat() if n.published else None, n.arxiv,
                 card_authors(n.authors, author_page)]
                for n in notes[start:start + CARD_SHARD]]
        yield urls.reading_list_cards(shard), dump(rows)
