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

Terms are the words that say what a note is about beyond its tags: English words of its title
(counted three times) and abstract, of four or more ASCII letters, not stop words, found in at least
two notes and at most TERM_MAX_SHARE of them; each note keeps its TERMS_PER_NOTE best by tf-idf.
`terms` are written as a note writes them ("Bradley"); notes match on their indices.
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

SCHEMA = "papernotes.reading-list-index/1"
CARD_SHARD = 16
TERMS_PER_NOTE = 3
TERM_MAX_SHARE = 0.05
HASH_WIDTH = 6
CARD_AUTHORS = 3
"""Authors a card names, as a tag page's item does; the others are counted."""
_WORD = re.compile(r"(?<![a-z0-9])[a-z]{4,}(?![a-z0-9])")
_HASH_BITS = 30
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


def _words(note: Note) -> Counter[str]:
    # A regular expression, not the search tokenizer: at 10,000 notes a Python loop over every
    # token of every abstract costs seconds, and only plain English words are wanted here.
    counts = Counter(_WORD.findall(note.abstract.lower()))
    for word in _WORD.findall(note.title.lower()):
        counts[word] += 3
    for word in STOP_WORDS.intersection(counts):
        del counts[word]
    return counts


def note_terms(notes: tuple[Note, ...]) -> tuple[list[str], list[list[int]]]:
    """The term vocabulary and each note's best terms (indices into it), best first."""
    words = [_words(n) for n in notes]
    df: Counter[str] = Counter()
    for counts in words:
        df.update(counts.keys())
    ceiling = max(2, int(len(notes) * TERM_MAX_SHARE))
    useful = {t for t, d in df.items() if 2 <= d <= ceiling}
    chosen: list[list[str]] = []
    for counts in words:
        scored = heapq.nsmallest(TERMS_PER_NOTE, ((-c * math.log(len(notes) / df[t]), t) for t, c in counts.items() if t in useful))
        chosen.append([t for _, t in scored])
    # Most used first, so most indices are one or two base-36 digits.
    uses = Counter(t for terms in chosen for t in terms)
    vocabulary = sorted(uses, key=lambda t: (-uses[t], t))
    number = {t: i for i, t in enumerate(vocabulary)}
    return _as_written(vocabulary, notes, chosen), [[number[t] for t in terms] for terms in chosen]


def _as_written(vocabulary: list[str], notes: tuple[Note, ...], chosen: list[list[str]]) -> list[str]:
    """Each term as an abstract writes it: the list page shows "Shared terms: Bradley, Gaussian",
    not the folded "bradley". Titles are not read (they are often in title case) nor a word that
    starts a sentence; a lower-case use wins; without a telling use the term stays folded. Only
    the first note with the term is read, one search per term."""
    first: dict[str, Note] = {}
    for n, terms in zip(notes, chosen):
        for t in terms:
            first.setdefault(t, n)
    written = []
    for t in vocabulary:
        text = first[t].abstract
        forms = Counter(m.group() for m in re.finditer(rf"(?<![A-Za-z0-9]){t}(?![A-Za-z0-9])", text, re.IGNORECASE)
                        if not _SENTENCE_START.search(text, 0, m.start()))
        written.append(t if not forms or t in forms else forms.most_common(1)[0][0])
    return written


_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s*|\n\s*)$")


def _join(rows: list[list[int]]) -> str:
    return ";".join(",".join(_base36(i) for i in row) for row in rows)


def reading_list_index(index: SiteIndex) -> dict[str, object]:
    notes = index.notes
    position = {n.slug: i for i, n in enumerate(notes)}
    tags = sorted(index.tags.tags, key=lambda t: (-len(index.by_tag.get(t.slug, ())), t.slug))  # most used first, as terms
    tag_number = {t.slug: i for i, t in enumerate(tags)}
    hashes = [slug_hash(n.slug) for n in notes]
    seen = Counter(hashes)
    vocabulary, terms_of = note_terms(notes)
    doc: dict[str, object] = {
        "schema": SCHEMA,
        "count": len(notes),
        "card_shard": CARD_SHARD,
        "cards": urls.reading_list_cards("{n}"),
        "author_page": urls.src_to_url(urls.author("{slug}")),
        "tags": [[t.slug, t.ko, t.en] for t in tags],
        "terms": vocabulary,
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
