"""The search index (papernotes.outputs.search_index): terms, weights and the files the search box reads.

Pure Python: the files are written to a temporary folder and read back with tests/search_data.py,
which decodes them independently of the writer. The browser side is in test_reader_browser.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from markupsafe import escape

import search_data
from conftest import READER_NOTES, make_site
from papernotes.outputs import search_index as searchindex
from papernotes.markup import snippet
from papernotes.catalog.index import build_index
from papernotes.source.tree import load_site
from papernotes.model import Note, Tag, TagRegistry
from papernotes.outputs.plan import plan_files
from papernotes.config import Settings
from papernotes.markup import NoteHtml
from papernotes.outputs.search_index import build_search_files, document_terms, tokenize
from papernotes.outputs.concepts import ConceptMatcher
from papernotes.source.glossary import Concept, Glossary

# (text, terms): lower-cased, accents removed, runs of letters and digits, dotted numbers whole
TOKENS = [
    ("Reward Models at Scale", ["reward", "models", "at", "scale"]),
    ("이 방법은 보상을 다시 정의한다.", ["이", "방법은", "보상을", "다시", "정의한다"]),
    ("Bernhard Schölkopf, Günter Klambauer", ["bernhard", "scholkopf", "gunter", "klambauer"]),
    ("arXiv:2401.12340v2", ["arxiv", "2401.12340", "v2"]),
    ("cs/0112017", ["cs", "0112017"]),
    ("version 1.2.3, pi 3.14.", ["version", "1.2.3", "pi", "3.14"]),
    ("self-supervised pre_training", ["self", "supervised", "pre", "training"]),
    ("GPT-4o로 RLHF를", ["gpt", "4o로", "rlhf를"]),
    ("🤗 Hugging Face 👍🏽", ["hugging", "face"]),
    ("e\u0301cole", ["ecole"]),                    # decomposed accent: composed first, then folded
    ("\u1100\u1161\u11a8", ["각"]),                 # decomposed Hangul is composed
    ("ΟΔΟΣ", ["οδος"]),                             # Greek final sigma, as JavaScript lower-cases
    ("Straße ＡＢＣ x²", ["straße", "ａｂｃ", "x²"]),   # no compatibility folding
    ("Łukasz Søren Æsa Đorđe", ["lukasz", "soren", "aesa", "dorde"]),  # a stroke folds like an accent, as names match
    ("", []),
    ("— … !?", []),
]


@pytest.mark.parametrize(("text", "terms"), TOKENS)
def test_tokenize(text: str, terms: list[str]) -> None:
    assert tokenize(text) == terms


TAGS = TagRegistry((Tag("rl", "강화학습", "Reinforcement learning"),), {"rl": "rl"},
                   {"rl": Tag("rl", "강화학습", "Reinforcement learning")})
BASE = Note(slug="n", source="n.md", title="Plain Title", authors=("Grace Hopper",), date=dt.date(2025, 1, 1),
            tags=("rl",), arxiv="2401.12340", org="Example Lab", abstract="An abstract sentence.",
            ko="한국어 해설.", en="English commentary.")

# (note changes, term, weight): the best field's weight, +1 when the term occurs 3+ times
WEIGHTS = [
    ({}, "plain", 8),                                              # title
    ({}, "강화학습", 6), ({}, "reinforcement", 6), ({}, "rl", 6),   # tag labels and slug
    ({}, "hopper", 4), ({}, "lab", 4), ({}, "2401.12340", 4),      # people: authors, org, arXiv id
    ({}, "commentary", 2), ({}, "해설", 2),                         # commentary, both languages
    ({}, "sentence", 1),                                           # abstract
    ({"abstract": "plain words"}, "plain", 8),                     # the best field counts
    ({"abstract": "word word word"}, "word", 2),                   # 3 occurrences: +1
    ({"abstract": "word word"}, "word", 1),
    ({"title": "Loop Loop Loop"}, "loop", 9),
    ({"title": "Scale", "en": "scale", "abstract": "scale"}, "scale", 9),   # counted over all fields
    ({"en": "[code](https://github.com/x/y) \\alpha $x$"}, "github", None),  # link targets are not words
    ({"en": "[code](https://github.com/x/y) \\alpha $x$"}, "alpha", None),   # nor LaTeX commands
    ({"en": "[code](https://github.com/x/y) \\alpha $x$"}, "code", 2),
    ({"en": "see https://somehost.org/page"}, "somehost", None),
]


@pytest.mark.parametrize(("changes", "term", "weight"), WEIGHTS)
def test_document_terms_weights(changes: dict, term: str, weight: int | None) -> None:
    assert document_terms(dataclasses.replace(BASE, **changes), TAGS).get(term) == weight


def test_weights_fit_in_four_bits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(searchindex.FIELD_WEIGHTS, "title", 15)
    note = dataclasses.replace(BASE, title="Loop Loop Loop")
    assert document_terms(note, TAGS)["loop"] == 15  # not 16: a posting keeps 4 bits for it


def test_a_long_run_of_hangul_indexes_a_bounded_number_of_sub_words() -> None:
    """20,000 syllables with no space (a pasted text, a hostile note) made a 547 MB index: every
    inner sub-word of a word is a term, n²/2 syllables. Only its last MAX_INNER syllables' are
    now; a real compound is still found by each of its parts."""
    run = dataclasses.replace(BASE, ko="가" * 20_000, en="")
    terms = document_terms(run, TAGS)
    assert sum(len(t) for t in terms) < 200_000
    compound = document_terms(dataclasses.replace(BASE, ko="대규모언어모델기반추론을 다룬다", en=""), TAGS)
    assert {"언어모델기반추론", "모델기반추론", "기반추론", "추론"} <= set(compound)


# --- the files ---

def commentary(note: Note) -> tuple[str, str]:
    return f"<p>{note.ko}</p>", f"<p>{note.en} &amp; more</p>"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - a fixture, typed where it is made
    """The fixture site's notes plus READER_NOTES and one with terms that sort differently in
    UTF-16 (how JavaScript compares) and by code point: 𝒜 (U+1D49C) before ｚ (U+FF5A)."""
    notes = dict(READER_NOTES)
    notes["2025/order.md"] = READER_NOTES["2025/particle-b.md"].replace("Lambda: Humans Rate Outputs", "ｚｚ 𝒜𝒜 Order")
    root = make_site(tmp_path_factory.mktemp("searchindex"), notes=notes)
    result = load_site(root, "data")
    assert not [p for p in result.problems if p.severity == "error"]
    return build_index(result.notes, result.tags)


def write(files: list[tuple[str, str]], dest: Path) -> Path:
    for rel, text in files:
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return dest


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(searchindex, "CHUNK_BYTES", 300)  # many terms files from a few notes


@pytest.mark.parametrize(("authors", "shown"), [
    (("Grace Hopper",), ["Grace Hopper"]),
    (("A", "B", "C", "D", "E", "F"), ["A", "B", "C", "D", "E", "F"]),
    (("A", "B", "C", "D", "E", "F", "G"), ["A", "B", "C", "D", "E", "F", "…"]),
    (("O'Brien, Jr.", "Ada Lovelace", "이순신"), ["O'Brien, Jr.", ["Ada Lovelace", "ada-lovelace"], ["이순신", "yi-sun-sin"]]),
    (("B", "C", "D", "E", "F", "G", "Ada Lovelace"), ["B", "C", "D", "E", "F", "G", "…"]),  # not shown, not linked
])
def test_card_authors_carry_the_slug_of_those_with_a_page(authors: tuple[str, ...], shown: list) -> None:
    pages = {"Ada Lovelace": "ada-lovelace", "이순신": "yi-sun-sin"}
    assert searchindex.card_authors(authors, pages.get) == shown


@pytest.mark.parametrize(("authors", "more"), [
    (("A", "B", "C", "D", "E", "F"), []),
    (("A", "B", "C", "D", "E", "F", "G"), ["G"]),
    (("B", "C", "D", "E", "F", "G", "H", "Ada Lovelace"), ["H", ["Ada Lovelace", "ada-lovelace"]]),
])
def test_the_authors_a_card_leaves_out_are_in_the_abstracts_file(authors: tuple[str, ...], more: list) -> None:
    """A search by a senior author (often last, past the card's six) found the note, and its result
    showed no name that matched: the abstracts file, loaded for such a result, holds the rest."""
    pages = {"Ada Lovelace": "ada-lovelace"}
    assert searchindex.more_authors(authors, pages.get) == more
    assert [a for a in searchindex.card_authors(authors, pages.get) if a != "…"] + more == [pages.get(n) and [n, pages[n]] or n for n in authors]


def test_an_authors_other_names_are_indexed_and_listed_for_the_result() -> None:
    """data/authors.yml's other names of an author (김민지 for Minji Kim) are words of the note's
    people, and its abstracts row lists them by the author's place, for the result to show."""
    other = {"Minji Kim": ("김민지", "Kim Min-ji")}
    note = dataclasses.replace(BASE, authors=("Ada Lovelace", "Minji Kim"))
    terms = document_terms(note, TAGS, None, None, lambda name: other.get(name, ()))
    assert terms["김민지"] == searchindex.FIELD_WEIGHTS["people"] and "minji" in terms
    assert "김민지" not in document_terms(note, TAGS)
    assert searchindex.known_as(note, lambda name: other.get(name, ())) == [{"aka": {"1": ["김민지", "Kim Min-ji"]}, "org": ["Example Lab"],
                                                                             "arxiv": "2401.12340"}]
    assert searchindex.known_as(dataclasses.replace(BASE, org=None, arxiv=None), lambda name: other.get(name, ())) == []
    lab = document_terms(note, TAGS, None, None, lambda name: ("예시 연구소",) if name == "Example Lab" else ())
    assert lab["연구소"] == searchindex.FIELD_WEIGHTS["people"]


def test_every_published_note_is_a_card_once_in_order(loaded, tmp_path: Path) -> None:  # noqa: ANN001 - a fixture, typed where it is made
    site = write(build_search_files(loaded.notes, loaded.tags, commentary), tmp_path)
    cards = search_data.cards(site)
    assert [c.slug for c in cards] == [n.slug for n in loaded.notes]
    assert search_data.meta(site)["docs"] == len(loaded.notes) > searchindex.CARD_SHARD
    for card, note in zip(cards, loaded.notes):
        ko, en = commentary(note)
        assert (card.title, card.date, card.ko, card.en) == (note.title, note.date.isoformat(),
                                                             snippet(ko, searchindex.EXCERPT_CHARS), snippet(en, searchindex.EXCERPT_CHARS))
        assert card.authors == searchindex.card_authors(note.authors)
    assert cards[0].en.endswith("& more")  # plain text: entities decoded once, no markup
    abstracts = [json.loads((site / "search" / "abstracts" / f"{n}.json").read_text(encoding="utf-8"))
                 for n in range(-(-len(cards) // searchindex.CARD_SHARD))]
    assert [a for shard in abstracts for a in shard] == [[snippet(str(escape(n.abstract)), searchindex.ABSTRACT_CHARS), list(n.authors[6:]),
                                                          *([{k: v for k, v in (("org", [n.org] if n.org else None), ("arxiv", n.arxiv)) if v}]
                                                            if n.org or n.arxiv else [])] for n in loaded.notes]
    assert search_data.meta(site)["abstracts"] == "search/abstracts/{n}.json"
    files = sorted((site / "search" / "cards").glob("*.json"), key=lambda f: int(f.stem))
    assert [len(json.loads(f.read_text(encoding="utf-8"))) for f in files] == [
        min(searchindex.CARD_SHARD, len(cards) - i) for i in range(0, len(cards), searchindex.CARD_SHARD)]


def test_postings_give_back_every_notes_terms(loaded, tmp_path: Path, small_chunks: None) -> None:  # noqa: ANN001 - a fixture, typed where it is made
    site = write(build_search_files(loaded.notes, loaded.tags, commentary), tmp_path)
    by_doc: dict[int, dict[str, int]] = {}
    for term, docs in search_data.postings(site).items():
        for doc, weight in docs.items():
            by_doc.setdefault(doc, {})[term] = weight
    assert by_doc == {i: document_terms(note, loaded.tags) for i, note in enumerate(loaded.notes)}


def test_chunks_are_sorted_as_javascript_compares(loaded, tmp_path: Path, small_chunks: None) -> None:  # noqa: ANN001 - a fixture, typed where it is made
    site = write(build_search_files(loaded.notes, loaded.tags, commentary), tmp_path)
    chunks = search_data.chunks(site)
    assert len(chunks) > 5
    terms = [term for _, _, chunk in chunks for term in chunk]
    assert terms == sorted(terms, key=lambda t: t.encode("utf-16-be")) and len(set(terms)) == len(terms)
    assert terms.index("𝒜𝒜") < terms.index("ｚｚ")  # code-point order would put them the other way
    for first, name, chunk in chunks:
        assert next(iter(chunk)) == first
        assert (site / "search" / "terms" / f"{name}.json").is_file()
    # Each file stays near the target size (a term's postings are never split).
    sizes = [len(json.dumps(chunk, ensure_ascii=False, separators=(",", ":")).encode()) for _, _, chunk in chunks]
    assert max(sizes[:-1]) < 300 + max(len(json.dumps({t: p}, ensure_ascii=False).encode()) for _, _, c in chunks for t, p in c.items())


def test_meta_describes_the_files(loaded, tmp_path: Path) -> None:  # noqa: ANN001 - a fixture, typed where it is made
    files = build_search_files(loaded.notes, loaded.tags, commentary)
    meta = json.loads(dict(files)["search/meta.json"])
    assert {k: meta[k] for k in ("v", "docs", "card_shard", "note", "terms", "cards")} == {
        "v": 1, "docs": len(loaded.notes), "card_shard": searchindex.CARD_SHARD, "note": "notes/{slug}/",
        "terms": "search/terms/{name}.json", "cards": "search/cards/{n}.json"}
    assert meta["particles"] == sorted(meta["particles"], key=len, reverse=True)  # longest first
    names = {path for path, _ in files}
    assert len(names) == len(files)
    assert names == {"search/meta.json"} | {meta["terms"].replace("{name}", n) for _, n in meta["chunks"]} | {
        meta[kind].replace("{n}", str(i)) for i in range(-(-len(loaded.notes) // searchindex.CARD_SHARD)) for kind in ("cards", "abstracts")}


def test_meta_ships_the_ranking_numbers_and_the_tokenizer_tables(loaded) -> None:  # noqa: ANN001 - a fixture, typed where it is made
    """The box holds none of them (docs/assets/search/): a weight changed in Python reaches it."""
    import re

    from papernotes.source.glossary import MAX_FORM_WORDS
    from papernotes.text.words import JOINER, JOINER_CHARACTERS

    meta = json.loads(dict(build_search_files(loaded.notes, loaded.tags, commentary))["search/meta.json"])
    assert meta["rank"] == {"partial": 0.7, "beside_whole": 0.3, "stemmed": 0.9, "split": 0.8, "light_min": 4, "max_span": 3} == searchindex.RANK
    assert meta["words"] == {"joiner": " \t\u00a0-\u2010\u2011", "max_form_words": MAX_FORM_WORDS, "stemmable": "[a-z]{3,}",
                             "spell_min": searchindex.SPELL_MIN, "tag_prefix": "#", "arxiv": searchindex.ARXIV_REFERENCE, "plural": "들",
                             "verb_forms": list(searchindex.VERB_FORMS)}
    # The box builds its joiner from the characters as the Python does: a hyphen is one, not a range.
    assert JOINER_CHARACTERS == meta["words"]["joiner"]
    assert [g for g in (" - ", "\u2010", " \n ", "\u00a0") if not JOINER.fullmatch(g)] == []
    assert [g for g in ("\n\n", ", ", ".", "+") if JOINER.fullmatch(g)] == []
    assert re.fullmatch(meta["words"]["stemmable"], "models") and not re.fullmatch(meta["words"]["stemmable"], "ab")


def test_same_notes_same_bytes(loaded) -> None:  # noqa: ANN001 - a fixture, typed where it is made
    assert build_search_files(loaded.notes, loaded.tags, commentary) == build_search_files(loaded.notes, loaded.tags, commentary)


def test_a_site_without_notes_has_no_search_files() -> None:
    empty = build_index((), TAGS)
    html = lambda n: NoteHtml("", "", "")
    assert [p for p, _ in plan_files(empty, Settings(), html) if p.startswith("search/")] == []
    one = build_index((BASE,), TAGS)
    assert {p for p, _ in plan_files(one, Settings(), html) if p.startswith("search/")} == {
        "search/meta.json", "search/cards/0.json", "search/abstracts/0.json", *(f"search/terms/{n}.json" for _, n in json.loads(
            dict(build_search_files((BASE,), TAGS, lambda n: ("", "")))["search/meta.json"])["chunks"])}


# --- variants: stems, Korean sub-words, tags ---

@pytest.mark.parametrize(("changes", "term", "weight"), [
    ({"en": "two surveys"}, "survey", 2),                  # the stem, weighted as the word
    ({"en": "two surveys"}, "surveys", 2),                 # the word itself stays
    ({"title": "Distilling"}, "distil", 8),
    ({"ko": "보상모델을 쓴다"}, "보상모델", 2),               # without its particle, as the word
    ({"ko": "보상모델을 쓴다"}, "모델", 1),                   # an inner sub-word: one less
    ({"ko": "보상모델을 쓴다"}, "상모델", 1),
    ({"ko": "보상모델을 쓴다"}, "델", None),                  # shorter than MIN_PART syllables
    ({"ko": "모델 보상모델"}, "모델", 2),                     # the word written alone counts fully
    ({"ko": "rlhf를"}, "hf", None),                        # only words of Hangul syllables are split
    ({"ko": "추론 모델을 쓴다"}, "_추론모델", 2),              # adjacent Korean words: a pair term
    ({"title": "추론 모델"}, "_추론모델", 8),                  # weighted as a word of its field
    ({"ko": "추론을 모델로"}, "_추론을모델", None),             # the first has a particle: not a compound
    ({"ko": "추론. 모델"}, "_추론모델", None),                 # a sentence ends between them
    ({"ko": "추론\n\n모델"}, "_추론모델", None),              # a paragraph break
    ({"ko": "추론\n모델"}, "_추론모델", 2),                   # one line break is a space
    ({"ko": "더 모델"}, "_더모델", None),                      # an adverb of one syllable: no compound
    ({"ko": "긴 영상을 본다"}, "_긴영상", 2),                  # a modifier of one syllable: a pair term
    ({"ko": "빅 파이브 성격"}, "_빅파이브", 2),
    ({"ko": "이 모델은"}, "_이모델", None),                    # a demonstrative is no modifier of the word
    ({"ko": "RL로 학습"}, "_로학습", None),                    # nor a particle after another script
    ({"ko": "긴 글"}, "_긴글", None),                         # the second word shorter than MIN_PART
    ({"ko": "사전학습 데이터로"}, "_학습데이터", 1),            # from the first word's inner sub-words: one less
    ({"ko": "사전학습 데이터로"}, "_전학습데이터", 1),
    ({"ko": "사전학습 데이터로"}, "_습데이터", None),            # shorter than MIN_PART syllables
    ({"title": "사전학습 데이터"}, "_학습데이터", 7),
    ({}, "#rl", 6),                                        # a tag term per tag
    ({"title": "GPT-4 Beats Llama-3"}, "gpt4", 8),          # a model's name as readers type it
    ({"en": "Unlike DeepSeek-R1, it"}, "deepseekr1", 2),
    ({"en": "a reward-model here"}, "rewardmodel", None),   # no digit: not a model's name
    ({"title": "Think-RM: Long Reasoning"}, "thinkrm", 8),   # capitals: a method's name (Think-RM, S-GRPO)
    ({"en": "with S-GRPO, it"}, "sgrpo", 2),
    ({"en": "A Reward-Model here"}, "rewardmodel", None),   # one capital a word: no name
    ({"authors": ("Seo-yeon Park",)}, "seoyeon", 4),        # an author's name in parts, as readers type it
    ({"authors": ("Jane O'Neil",)}, "oneil", 4),
    ({"en": "the well-known O'Neil"}, "wellknown", None),   # only names: the people field
    ({"title": "When They're Right"}, "theyre", 8),         # a contraction as readers type it, without its apostrophe
    ({"en": "says “I don’t know”"}, "dont", 2),
    ({"en": "rock'n'roll and O'Brien"}, "obrien", None),    # not a contraction
    ({"authors": ("Thomas L. Griffiths",)}, "=tom", 4),     # a given name's short form, as readers type it (Tom Griffiths)
    ({"authors": ("Thomas L. Griffiths",)}, "tom", None),   # not the word tom: ToM (theory of mind) found his notes
    ({"authors": ("Tom Mitchell",)}, "=thomas", 4),
    ({"authors": ("Hyunwoo Kim",)}, "=김", 4),              # a Korean family name in the other script: 김 finds Hyunwoo Kim
    ({"authors": ("김민지",)}, "=kim", 4),                   # and Kim finds 김민지
    ({"authors": ("김 민지",)}, "=gim", 4),
    ({"authors": ("Alice Kimball",)}, "=김", None),          # a whole last name only
    ({"en": "on ToM tasks"}, "^tom", 2),                     # an acronym as a note writes it: `tom` reads ToM first
    ({"en": "on AIME25 it"}, "^aime", 2),
    ({"en": "most LLMs do"}, "^llm", 2),
    ({"en": "Tom said"}, "^tom", None),                      # one capital: a word
    ({"en": "at NeurIPS it"}, "^neurips", None),             # longer: a name
    ({"en": "since 2024-05"}, "202405", None),             # two numbers: a date
    ({"en": "Qwen2.5-VL"}, "5vl", None),                   # not from inside a version
    ({"title": "The Llama 3 Herd"}, "llama3", 8),            # a name and its version spaced, as readers type it
    ({"en": "DeepSeek V3 and"}, "deepseekv3", 2),
    ({"en": "beats Qwen 2.5 at"}, "qwen2", 2),              # `qwen2.5` is read as qwen2 and 5
    ({"en": "beats Qwen 2.5 at"}, "5", 2),
    ({"en": "Qwen2.5-Math-7B Base"}, "2.5", 2),             # written together: the version alone (`qwen 2.5`)
    ({"en": "Llama-3.1 405B"}, "1", 2),                     # `llama3.1` is read as llama3 and 1
    ({"en": "at step 1 of"}, "step1", None),                # not a capitalised name: a sentence's words
    ({"en": "at step 1.5 of"}, "5", None),
    ({"en": "OpenAI o1"}, "1", None),                       # a one-letter name's version alone
    ({"en": "on AIME 2024 it"}, "aime24", 2),               # a benchmark's year, typed the other way
    ({"en": "ICLR 2024 paper"}, "iclr24", 2),
    ({"en": "at NeurIPS 2024"}, "neurips24", 2),
    ({"en": "on AIME25 it"}, "aime2025", 2),
    ({"en": "on AIME25 it"}, "aime", 2),                    # and its name and year apart: `aime 2025`
    ({"en": "on AIME25 it"}, "2025", 2),
    ({"en": "Since 2024 it"}, "since24", None),             # one capital: a sentence's words
    ({"en": "Llama3 here"}, "llama2003", None),             # one digit: a version, not a year
])
def test_document_terms_variants(changes: dict, term: str, weight: int | None) -> None:
    assert document_terms(dataclasses.replace(BASE, **changes), TAGS).get(term) == weight


@pytest.mark.parametrize(("word", "root"), [
    # the examples: word families meet, general and generate stay apart
    ("surveys", "survey"), ("survey", "survey"), ("distilling", "distil"), ("distillation", "distil"),
    ("generalizes", "general"), ("generalization", "general"), ("generate", "generat"), ("generation", "generat"),
    ("optimizes", "optim"), ("optimization", "optim"), ("verifying", "verifi"), ("verified", "verifi"),
    ("hallucinations", "hallucin"), ("hallucinating", "hallucin"), ("thinkers", "thinker"),
    # Snowball's own examples: plurals, -ed/-ing, y, the exceptions and R1 prefixes
    ("caresses", "caress"), ("ponies", "poni"), ("ties", "tie"), ("gaps", "gap"), ("gas", "gas"), ("kiwis", "kiwi"),
    ("agreed", "agre"), ("hopping", "hop"), ("hoped", "hope"), ("added", "add"), ("dying", "die"), ("inning", "inning"),
    ("succeeding", "succeed"), ("cry", "cri"), ("say", "say"), ("skies", "sky"), ("news", "news"), ("early", "earli"),
    ("communism", "communism"), ("pasted", "paste"), ("controll", "control"),
    ("is", "is"), ("naïve", "naïve"), ("gpt4", "gpt4"), ("Capital", "Capital"),   # not 3+ lower-case letters
])
def test_stem(word: str, root: str) -> None:
    assert searchindex.stem(word) == root


def test_spelling_entries_and_tags_in_meta(loaded) -> None:  # noqa: ANN001 - a fixture, typed where it is made
    files = dict(build_search_files(loaded.notes, loaded.tags, commentary))
    meta = json.loads(files["search/meta.json"])
    terms = {t: p for path, text in files.items() if path.startswith("search/terms/") for t, p in json.loads(text).items()}
    written: set[str] = set()
    for note in loaded.notes:
        document_terms(note, loaded.tags, None, written)
    words = {t for t in written if t.isascii() and t.isalpha() and t.islower() and len(t) >= 4}
    assert words and all(terms[meta["spell"] + w[::-1]] == [] for w in words)
    # Only words a note writes: a stem that is no word (`arriv`, `convent`) is never suggested.
    spelled = {t[len(meta["spell"]):][::-1] for t in terms if t.startswith(meta["spell"])}
    stems_only = {t for t in terms if t.isascii() and t.isalpha() and len(t) >= 4} - written
    assert spelled == words and stems_only and not spelled & stems_only
    assert meta["tags"] == [[t.slug, t.ko, t.en, list(t.aliases)] for t in loaded.tags.tags]
    assert meta["tag"] == "tags/{slug}/"


def test_common_lists_the_frequent_korean_words_of_two_syllables_notes_write_as_words(tmp_path: Path) -> None:
    """meta.common: the words the box corrects a first-syllable slip to (뵤상: 보상). A word of two
    syllables written with a particle in some note (보상을) and held by a tenth of the notes or more;
    not a word only inside others (연어 of 자연어), nor one note's word, nor a particle or verb form."""
    texts = ["보상을 바꾼다.", "보상 모델.", "보상과 자연어가 있다는 점.", "자연어와 모델의 성능에서."] + ["관련 없음."] * 6
    notes = [dataclasses.replace(BASE, slug=f"n{i}", ko=text, en="", date=dt.date(2024, 1, 1) - dt.timedelta(days=i))
             for i, text in enumerate(texts)]
    meta = search_data.meta(write(build_search_files(notes, TAGS, commentary), tmp_path))
    # 보상: in 3 of 10 notes, 보상을/보상과 once; 모델 in 2 (모델의); 성능 in one note only; 연어 only
    # inside 자연어; 있다 (있다는) a verb; 에서 a particle.
    assert meta["common"] == ["모델", "보상"]


# --- glossary concepts and title phrases ---

GLOSSARY = Glossary((Concept("reward-hacking", ("reward hacking",), ("보상 해킹", "리워드 해킹")),
                     Concept("unused", ("zebra term",), ("없는 용어",)),
                     Concept("human-feedback", ("human feedback",), ("인간 피드백",)),
                     Concept("prm", ("process reward model", "PRM"), ("과정 보상 모델",))))


@pytest.mark.parametrize(("changes", "term", "weight"), [
    ({"ko": "reward hacking을 줄인다"}, "@0", 2),          # a concept the note names: @<its number>
    ({"ko": "리워드 해킹이 줄어든다"}, "@0", 2),            # in any form, with a particle
    ({"title": "Less Reward-Hacking"}, "@0", 8),            # weighted as its field
    ({"abstract": "보상해킹"}, "@0", 1),                    # whatever its spacing
    ({"en": "a reward. Hacking"}, "@0", None),              # not across a sentence's end
    ({"en": "from human feedback"}, "@2", 2),
    ({"en": "trains PRMs"}, "@3", 2),                     # an acronym's plural names its singular
    ({"ko": "리워드 해킹들이 생긴다"}, "@0", 2),             # so does a Korean plural, with its particle
    ({"ko": "보상 해킹이라는 문제"}, "@0", 2),               # and a word quoted (이라는)
    ({"ko": "PRMs를 학습한다"}, "@3", 2),
    ({"en": "on arms"}, "@3", None),
    ({"title": "Reasoning Models Are Prone"}, "_reasonmodel", 8),   # a title's adjacent words
    ({"title": "Reasons to Use Models"}, "_reasonmodel", None),
    ({"en": "reasoning models"}, "_reasonmodel", None),              # titles only
    ({"title": "Self-Taught Reasoners"}, "_selftaught", 8),         # a hyphen joins too
    ({"title": "추론 모델"}, "_추론모델", 8),                          # Korean pairs as before
    ({"en": "rewritten in C++ and C#."}, "c++", 2),                # a letter a sign ends: one name
    ({"ko": "커널을 C#로 쓴다"}, "c#", 2),
    ({"en": "see (c) and ABC++"}, "c++", None),
])
def test_document_terms_concepts_and_title_pairs(changes: dict, term: str, weight: int | None) -> None:
    matcher = ConceptMatcher(GLOSSARY)
    assert document_terms(dataclasses.replace(BASE, **changes), TAGS, matcher).get(term) == weight


def test_only_the_concepts_notes_name_go_to_the_browser(tmp_path: Path) -> None:
    notes = [dataclasses.replace(BASE, slug="a", en="Learning from human feedback."),
             dataclasses.replace(BASE, slug="b", ko="보상 해킹과 인간 피드백.", date=dt.date(2024, 1, 1)),
             dataclasses.replace(BASE, slug="c", ko="관련 없음.", date=dt.date(2023, 1, 1))]
    site = write(build_search_files(notes, TAGS, commentary, GLOSSARY), tmp_path)
    meta = search_data.meta(site)
    # Renumbered in glossary order: reward-hacking @0, human-feedback @1; "unused" is not sent.
    assert meta["glossary"] == [[["reward hacking"], ["보상 해킹", "리워드 해킹"]], [["human feedback"], ["인간 피드백"]]]
    assert meta["concept"] == "@" and meta["title"] == searchindex.FIELD_WEIGHTS["title"]
    assert meta["people"] == searchindex.FIELD_WEIGHTS["people"]   # a name part typed with its hyphen (engine.lookUpJoined)
    found = search_data.postings(site)
    assert set(found["@0"]) == {1} and set(found["@1"]) == {0, 1} and "@2" not in found
    # Without a glossary: no concept terms, an empty list.
    site = write(build_search_files(notes, TAGS, commentary), tmp_path / "none")
    assert search_data.meta(site)["glossary"] == [] and not [t for t in search_data.postings(site) if t.startswith("@")]


def test_a_concept_a_note_writes_only_with_a_version_goes_to_the_browser(tmp_path: Path) -> None:
    """The notes write Qwen2.5 and Qwen3, never Qwen alone: the glossary's qwen (큐웬) was not sent,
    so 큐웬 found nothing where Qwen finds both. A one-word form some note writes with a version
    sends its concept (without notes of its own: the box finds it by that form, a prefix)."""
    glossary = Glossary(GLOSSARY.concepts + (Concept("qwen", ("Qwen",), ("큐웬",)), Concept("llama", ("LLaMA",), ("라마",))))
    notes = [dataclasses.replace(BASE, slug="a", en="We fine-tune Qwen3 and Qwen2.5-7B."),
             dataclasses.replace(BASE, slug="b", ko="보상 해킹.", date=dt.date(2024, 1, 1))]
    site = write(build_search_files(notes, TAGS, commentary, glossary), tmp_path)
    assert search_data.meta(site)["glossary"] == [[["reward hacking"], ["보상 해킹", "리워드 해킹"]], [["Qwen"], ["큐웬"]]]
    found = search_data.postings(site)
    assert set(found["@0"]) == {1} and "@1" not in found          # named by no note: no postings of its own
    assert searchindex.versioned_concepts(glossary, {"qwen3", "llama", "라마2"}) == {4, 5}


@pytest.mark.parametrize(("title", "parts"), [
    ("ThinkTuning: Instilling Cognitive Reflections", ["think", "tuning"]),
    ("OlaGPT: Empowering LLMs", ["ola", "gpt"]),
    ("ChatGPT and SophiaVL-R1", ["chat", "gpt", "sophia", "vl"]),
    ("LLaMA, MoE, ToM, AlphaGo, GPT-4 and SimpleToM", []),   # parts that are not words: left alone
])
def test_a_camel_case_name_in_a_title_is_also_its_words(title: str, parts: list[str]) -> None:
    from papernotes.outputs.search_index import PAIR_PREFIX, camel_parts
    found = camel_parts(title)
    assert [t for t in found if not t.startswith(PAIR_PREFIX)] == parts


def test_a_verb_form_is_not_indexed_by_its_inner_sub_words() -> None:
    """커지도록 (become larger) was indexed by 지도록: 지도 학습 found and marked it. A compound still is."""
    assert searchindex.variants("커지도록") == ()
    assert ("모델", True) in searchindex.variants("보상모델을")


def test_a_word_in_angle_brackets_is_indexed_as_the_token() -> None:
    """<think> is a token a model writes: the box looks `<think>` up before the word think."""
    assert searchindex.angled_names("between `<think>` and `</think>`; a < b > c") == ["<think>", "<think>"]


def test_each_years_documents_are_one_run() -> None:
    """A query of a year beside other words keeps that year's documents (engine.search): numbered
    newest first, each year's are a run; notes in another order give no runs (nothing filtered)."""
    dated = lambda *days: tuple(SimpleNamespace(date=dt.date.fromisoformat(d)) for d in days)  # only the date is read
    assert searchindex.year_runs(dated("2025-03-01", "2025-01-02", "2024-12-31", "2023-05-05", "2023-01-01")) == {
        "2025": [0, 2], "2024": [2, 3], "2023": [3, 5]}
    assert searchindex.year_runs(dated("2025-03-01", "2024-12-31", "2025-01-02")) == {}
    assert searchindex.year_runs(()) == {}
