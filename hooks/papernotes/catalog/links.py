"""How notes point at each other: mentions in the text, lineage in the front matter, and the inverse.

Built once per build from the index and the notes' HTML (`markup_links` marks the mentions
while the Markdown is converted; this reads them back), so a note's page can list what it
mentions, which notes mention it (each with the sentence that does, per language), its
`builds_on:` / `compares_with:` papers and the notes that list it there, and the site can list
the papers many notes mention that have no note yet.

A paper is named by its arXiv id; a note that has that id stands for it. A mention of a paper
without a note keeps the id (it links to arXiv and counts on the un-noted papers page).
"""

from __future__ import annotations

import bisect
import html as htmllib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

from markupsafe import Markup, escape

from papernotes.markup import MATH_ELEMENT, glue_math, math_text
from papernotes.markup_links import find_links
from papernotes.model import Note
from papernotes.schema import LINEAGE_FIELDS, SECTION_KEYS
from papernotes.catalog.index import SiteIndex

SENTENCE_LIMIT = 240
"""Characters of context kept around a mention; longer sentences are cut at word boundaries."""
_BLOCK = re.compile(r"</?(?:p|li|h[1-6]|dt|dd|blockquote|pre|ul|ol|table|thead|tbody|tr|div|br|hr)\b[^>]*>")
_CELL_BREAK = re.compile(r"</t[dh]>\s*<t[dh]\b[^>]*>")
"""Between two cells of a table's row: a mention in a cell is quoted with its row (`Adv-RM · 2504.06141 ·
+3.1`), the cells apart; a cell alone quoted the id and nothing else."""
_TAG = re.compile(r"<[^>]+>")
_CLOSERS = "\"'\u201d\u2019\u00bb\u300d\u300f)]"
"""Closing quotes and brackets a sentence may end in after its full stop: `"the best one." We ...`."""
_SENTENCE_END = re.compile(rf"(?:(?<=[.!?。？！])|(?<=[.!?。？！][{re.escape(_CLOSERS)}]))\s+(?=\S)")
_ABBREVIATION = re.compile(r"(?:^|[\s(\[])(?:e\.g|i\.e|cf|vs|al|etc|approx|resp|fig|figs|eq|eqs|sec|secs|tab|no|nos|vol|"
                           r"ch|dr|mr|mrs|ms|prof|st|jr|sr|inc|ltd|co|[A-Za-z])\.$", re.IGNORECASE)
"""Words a full stop ends without ending the sentence (`e.g.`, `et al.`, `Dr.`, an initial)."""
_HANGUL_STOP = re.compile(r"[\uac00-\ud7a3]\.$")
"""A full stop after a Hangul syllable: Korean has no such abbreviation, so it ends the sentence."""
ABSTRACT = "abstract"
"""The key of a backlink's sentence quoted from the paper's abstract (in English)."""
LANG_OF_SECTION = {"ko": "ko", "en": "en", "abstract": "en"}
"""The language of each section's text (the abstract is quoted from the paper, in English)."""


@dataclass(frozen=True)
class Backlink:
    """One note mentioning another: the sentence that does, in each language it does."""

    source: Note
    """The mentioning note."""
    sentences: Mapping[str, Markup]
    """`ko` / `en` -> the first sentence of that language's commentary that mentions the note;
    `ABSTRACT` -> the abstract's, when no commentary mentions it. Escaped text with the
    sentence's formulas as the note's own MathML (`_sentence_at`), safe in an element."""


@dataclass(frozen=True)
class Unnoted:
    """A paper mentioned or named in lineage by notes, with no note of its own."""

    arxiv: str
    by: tuple[Note, ...]
    """The notes that mention it or list it, newest first."""
    draft: str | None = None
    """The file of a draft note about it (`draft: true`), which waits to be finished."""


@dataclass
class LinkGraph:
    """Every link between notes and papers of one build (see the module docstring)."""

    by_arxiv: dict[str, str] = field(default_factory=dict)
    """arXiv id -> slug of its note."""
    arxiv_of: dict[str, str] = field(default_factory=dict)
    """Slug -> its note's arXiv id (notes that have one)."""
    slugs: set[str] = field(default_factory=set)
    outgoing: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Slug -> what its text mentions, in order, without repeats: note slugs, or `arxiv:<id>`."""
    backlinks: dict[str, list[Backlink]] = field(default_factory=dict)
    """Slug -> the notes that mention it, newest first."""
    inverse: dict[str, dict[str, list[Note]]] = field(default_factory=dict)
    """Lineage field -> slug -> the notes that list that note's paper there, newest first."""
    unnoted: tuple[Unnoted, ...] = ()
    """Papers without a note, most-mentioned first (ties: newest mention, then id)."""

    def slug_of(self, arxiv_id: str) -> str | None:
        return self.by_arxiv.get(arxiv_id)

    def related_slugs(self, slug: str) -> set[str]:
        """Notes one link away: mentioned, mentioning, or in lineage either way."""
        near = {t for t in self.outgoing.get(slug, ()) if not t.startswith("arxiv:")}
        near.update(b.source.slug for b in self.backlinks.get(slug, ()))
        for inverse in self.inverse.values():
            near.update(n.slug for n in inverse.get(slug, ()))
        near.discard(slug)
        return near


def build_links(index: SiteIndex, html_of: Callable[[Note], Sequence[str]]) -> LinkGraph:
    """The link graph of `index`; `html_of(note)` gives its sections' sanitised HTML (`NoteHtml`)."""
    graph = LinkGraph()
    graph.slugs = {n.slug for n in index.notes}
    graph.by_arxiv = {n.arxiv: n.slug for n in index.notes if n.arxiv}
    graph.arxiv_of = {slug: arxiv for arxiv, slug in graph.by_arxiv.items()}
    mentioned_by: dict[str, list[Note]] = {}
    for note in index.notes:  # newest first, so every list below is too
        targets = _targets(note, graph, html_of)
        graph.outgoing[note.slug] = tuple(targets)
        for name, sentences in targets.items():
            if name.startswith("arxiv:"):
                mentioned_by.setdefault(name[len("arxiv:"):], []).append(note)
            else:
                graph.backlinks.setdefault(name, []).append(Backlink(note, sentences))
        for field_name in LINEAGE_FIELDS:
            inverse = graph.inverse.setdefault(field_name, {})
            for arxiv_id in getattr(note, field_name):
                slug = graph.by_arxiv.get(arxiv_id)
                if slug is None:
                    by = mentioned_by.setdefault(arxiv_id, [])
                    if not by or by[-1] is not note:  # notes come in order: if listed, it is last
                        by.append(note)
                elif slug != note.slug:
                    inverse.setdefault(slug, []).append(note)
    order = {n.slug: i for i, n in enumerate(index.notes)}
    graph.unnoted = _ranked([Unnoted(a, tuple(by), index.drafted.get(a)) for a, by in mentioned_by.items()], order)
    return graph


def _ranked(unnoted: list[Unnoted], order: Mapping[str, int]) -> tuple[Unnoted, ...]:
    """Papers without a note, most mentioned first; among equals, those of notes naming fewer
    such papers first (one note listing 500 ids pushed every other note's papers off the
    waiting page, which shows the first `WANTED_PAPERS`), then the newest note's, then by id."""
    per_note = Counter(n.slug for u in unnoted for n in u.by)
    return tuple(sorted(unnoted, key=lambda u: (-len(u.by), min(per_note[n.slug] for n in u.by), order[u.by[0].slug], u.arxiv)))


def _targets(note: Note, graph: LinkGraph, html_of: Callable[[Note], Sequence[str]]) -> dict[str, dict[str, str]]:
    """What `note` mentions (a note's slug, or `arxiv:<id>`), in order, each with its sentence per language."""
    targets: dict[str, dict[str, str]] = {}
    quoted: set[tuple[str, str]] = set()  # (target, language) whose sentence is the abstract's so far
    for key, found in zip(SECTION_KEYS, _note_mentions(note, html_of)):
        lang = LANG_OF_SECTION.get(key, "en")
        for target, sentence in found:
            slug = target[1] if target[0] == "slug" else graph.by_arxiv.get(target[1])
            if target[0] == "slug" and slug not in graph.slugs:
                continue  # a relative link to no note: not a mention
            name = slug if slug else f"arxiv:{target[1]}"
            if name == note.slug:
                continue
            # The commentary's sentence says why the note mentions it; the abstract's is
            # the paper's, kept only when the commentary (of that language) has none.
            sentences = targets.setdefault(name, {})
            if lang not in sentences or (key != "abstract" and (name, lang) in quoted):
                sentences[lang] = sentence
                if key == "abstract":
                    quoted.add((name, lang))
                else:
                    quoted.discard((name, lang))
    # A mention the Korean commentary explains and the English one does not: the English reader
    # gets the Korean sentence (marked "in Korean only"), as the commentary falls back, rather
    # than the abstract's sentence, which says nothing of why the note mentions it.
    for name, lang in quoted:
        sentences = targets[name]
        if lang == "en" and "ko" in sentences and (name, "ko") not in quoted:
            del sentences["en"]
        elif lang in sentences:  # the paper's words, not the note's: said so where it is quoted
            sentences[ABSTRACT] = sentences.pop(lang)
    return targets


def _note_of(item: Note | Backlink) -> Note:
    """The note an entry of the graph's lists stands for (a backlink's is its source)."""
    return item.source if isinstance(item, Backlink) else item


UPDATE_LIMIT = 64
"""Changed notes `update_links` patches in; more (a bulk edit, a branch switch) build the graph whole."""


def update_links(last: tuple[SiteIndex, LinkGraph], index: SiteIndex,
                 html_of: Callable[[Note], Sequence[str]]) -> LinkGraph | None:
    """`build_links(index, html_of)` from the previous serve build's index and graph, when the
    site holds the same papers in the same order and only some notes changed (a save): only
    those notes' links are read again (rebuilding the whole graph took 1.7 s of a 3.6 s save at
    10,000 notes with many mentions each). None when more changed: build it whole."""
    old_index, old = last
    if len(old_index.notes) != len(index.notes) or old_index.drafted != index.drafted:
        return None
    pairs: list[tuple[Note, Note]] = []
    for was, now in zip(old_index.notes, index.notes):
        if was is now:
            continue
        if was.slug != now.slug or was.arxiv != now.arxiv or len(pairs) >= UPDATE_LIMIT:
            return None  # a note added, removed, renamed, moved in the order, or too many
        pairs.append((was, now))
    if not pairs:
        return old
    graph = LinkGraph(by_arxiv=old.by_arxiv, arxiv_of=old.arxiv_of, slugs=old.slugs, outgoing=dict(old.outgoing),
                      backlinks=dict(old.backlinks), inverse={f: dict(m) for f, m in old.inverse.items()})
    mentioned_by = {u.arxiv: u.by for u in old.unnoted}
    order = {n.slug: i for i, n in enumerate(index.notes)}
    copied: set[int] = set()  # lists copied already: the old graph's lists are never changed

    def own(table: dict, key: str) -> list:
        found = table.get(key)
        if found is None or id(found) not in copied:
            found = table[key] = list(found or ())
            copied.add(id(found))
        return found

    def drop(table: dict, key: str, note: Note) -> None:
        kept = [x for x in table.get(key, ()) if _note_of(x) is not note]  # a new list: the old one stays as it was
        if kept:
            table[key] = kept
            copied.add(id(kept))
        else:
            table.pop(key, None)

    def insert(table: dict, key: str, item: Note | Backlink) -> None:
        found = own(table, key)
        found.insert(bisect.bisect(found, order[_note_of(item).slug], key=lambda x: order[_note_of(x).slug]), item)

    touched: set[str] = set()
    for was, _ in pairs:
        for name in old.outgoing.get(was.slug, ()):
            if name.startswith("arxiv:"):
                drop(mentioned_by, name[len("arxiv:"):], was)
                touched.add(name[len("arxiv:"):])
            else:
                drop(graph.backlinks, name, was)
        for field_name in LINEAGE_FIELDS:
            for arxiv_id in getattr(was, field_name):
                slug = graph.by_arxiv.get(arxiv_id)
                if slug is None:
                    drop(mentioned_by, arxiv_id, was)
                    touched.add(arxiv_id)
                elif slug != was.slug:
                    drop(graph.inverse.setdefault(field_name, {}), slug, was)
    for _, now in pairs:
        targets = _targets(now, graph, html_of)
        graph.outgoing[now.slug] = tuple(targets)
        for name, sentences in targets.items():
            if name.startswith("arxiv:"):
                insert(mentioned_by, name[len("arxiv:"):], now)
                touched.add(name[len("arxiv:"):])
            else:
                insert(graph.backlinks, name, Backlink(now, sentences))
        for field_name in LINEAGE_FIELDS:
            for arxiv_id in getattr(now, field_name):
                slug = graph.by_arxiv.get(arxiv_id)
                if slug is None:
                    if not any(n is now for n in mentioned_by.get(arxiv_id, ())):
                        insert(mentioned_by, arxiv_id, now)
                    touched.add(arxiv_id)
                elif slug != now.slug:
                    insert(graph.inverse.setdefault(field_name, {}), slug, now)
    kept = [u for u in old.unnoted if u.arxiv not in touched]
    kept += [Unnoted(a, tuple(mentioned_by[a]), index.drafted.get(a)) for a in touched if a in mentioned_by]
    graph.unnoted = _ranked(kept, order)
    return graph


Mentions = tuple[tuple[tuple[str, str], str], ...]
_FOUND: dict[str, Mentions] = {}
"""Each section's mentions by its Markdown (its HTML follows from it), oldest first: a `mkdocs
serve` rebuild reads again only the edited note's sections instead of every note's (4 s at
10,000 notes). Keyed by the text the note already holds, not by the HTML, which `HtmlCache`
hands out as a new string on each read (keeping those would keep a copy of every note's HTML)."""
_FOUND_LIMIT = 1 << 17
"""Sections remembered: three sections each of 30,000 notes and more."""


def _note_mentions(note: Note, html_of: Callable[[Note], Sequence[str]]) -> list[Mentions]:
    """`_mentions` of each of the note's sections (`SECTION_KEYS` order); its HTML is read only
    when a section is not remembered."""
    texts = [getattr(note, key) for key in SECTION_KEYS]
    found = [_FOUND.get(text) for text in texts]
    if any(f is None for f in found):
        html = html_of(note)
        for i, text in enumerate(texts):
            if found[i] is None:
                if len(_FOUND) >= _FOUND_LIMIT:
                    del _FOUND[next(iter(_FOUND))]
                found[i] = _FOUND[text] = _mentions(html[i])
    return found  # type: ignore[return-value]


def _mentions(html: str) -> Mentions:
    """((kind, id or slug), sentence) for each paper or note link in the HTML, in order."""
    if "<a " not in html:
        return ()
    found = []
    if "<td" in html or "<th" in html:
        html = _CELL_BREAK.sub(" · ", html)
    for block in _BLOCK.split(html):
        if "<a " not in block:
            continue
        for match, target in find_links(block):
            key = ("slug", target.slug) if target.slug else ("arxiv", target.arxiv or "")
            found.append((key, _sentence_at(block, match.start(), match.end())))
    return tuple(found)


_FORMULA_MARK = "\x0e"
"""Where a formula stood in a sentence's plain text while it is found and cut: one character, so a
cut never splits a formula (a control character: a note can hold none, `source/characters.py`)."""
FORMULA_QUOTED_MAX = 2000
"""Bytes of MathML a quoted sentence keeps of one formula; a longer one (a display equation of a
page) is quoted as its text (`math_text`), as a sentence is cut to SENTENCE_LIMIT characters."""


def _plain(html: str, formulas: list[str]) -> str:
    """The text of `html`, each formula replaced by `_FORMULA_MARK` and appended to `formulas`."""
    if "<math" in html:
        def mark(match: re.Match[str]) -> str:
            formulas.append(match.group())
            return _FORMULA_MARK
        html = MATH_ELEMENT.sub(mark, html)
    return htmllib.unescape(_TAG.sub("", html))


def _quoted(text: str, formulas: Sequence[str]) -> Markup:
    """`text` escaped, each `_FORMULA_MARK` in it the next of `formulas` (the MathML the note's
    page shows, so `$x^2 + \\frac{a}{b}$` is quoted as drawn, not as "x2+ab"), kept on a line with
    the punctuation after it as on the note's page (`glue_math`)."""
    if not formulas:
        return escape(text)
    pieces = text.split(_FORMULA_MARK)
    out = [str(escape(pieces[0]))]
    for formula, piece in zip(formulas, pieces[1:]):
        out.append(formula if len(formula) <= FORMULA_QUOTED_MAX else str(escape(math_text(formula))))
        out.append(str(escape(piece)))
    return Markup(glue_math("".join(out)))


def _sentence_ends(text: str) -> list[re.Match[str]]:
    """The breaks between sentences: after `.`, `!`, `?` (or their CJK forms), perhaps a closing
    quote or bracket, and a space, unless
    the full stop ends an abbreviation or an initial, or the next word starts in lowercase (not
    after a Hangul word: `다. arXiv:2504.06141 ...` is two sentences)."""
    found = []
    for m in _SENTENCE_END.finditer(text):
        before, after = text[max(m.start() - 12, 0):m.start()].rstrip(_CLOSERS), text[m.end()]
        if before.endswith(".") and not _HANGUL_STOP.search(before) and (_ABBREVIATION.search(before) or after.islower()):
            continue
        found.append(m)
    return found


def _sentence_at(block: str, start: int, end: int) -> Markup:
    """The sentence of the block's text that holds the characters `start:end` of its HTML, as
    escaped text with its formulas (`_quoted`): the sentence is found and cut in plain text, where
    a formula counts as one character."""
    formulas: list[str] = []
    before, link = _plain(block[:start], formulas), _plain(block[start:end], formulas)
    text = " ".join((before + link + _plain(block[end:], formulas)).split())
    at = len(" ".join(before.split())) + (1 if before[-1:].isspace() else 0)
    sentence_start, sentence_end = 0, len(text)
    for m in _sentence_ends(text):
        if m.end() <= at:
            sentence_start = m.end()
        elif m.start() >= at + len(link.strip()):
            sentence_end = m.start()
            break
    sentence = text[sentence_start:sentence_end].strip()
    first = text[:sentence_start].count(_FORMULA_MARK)  # formulas of the block before the sentence
    if len(sentence) > SENTENCE_LIMIT:
        centre = max(at - sentence_start, 0)
        # Centred on the mention, but never past the sentence's end: a mention near the end
        # keeps the last SENTENCE_LIMIT characters, not half of them.
        lo = max(min(centre - SENTENCE_LIMIT // 2, len(sentence) - SENTENCE_LIMIT), 0)
        cut = sentence[lo:lo + SENTENCE_LIMIT]
        first += sentence[:lo].count(_FORMULA_MARK)
        if lo > 0:
            first += cut.split(" ", 1)[0].count(_FORMULA_MARK) if " " in cut else 0
            cut = "…" + cut.split(" ", 1)[-1]
        if lo + SENTENCE_LIMIT < len(sentence):
            cut = cut.rsplit(" ", 1)[0] + "…"
        sentence = cut
    return _quoted(sentence, formulas[first:])

