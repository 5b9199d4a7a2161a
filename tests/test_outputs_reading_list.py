"""The reading list's data files (hooks/papernotes/outputs/reading_list.py), as pure functions:
every note is found again from its slug, terms say what notes share, cards line up with the
index, the files are in the site's outputs plan, and the index stays small at scale."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random

from markupsafe import Markup

from papernotes.config import read_settings
from papernotes.markup import NoteHtml
from papernotes.model import Note, Tag, TagRegistry
from papernotes.outputs import reading_list
from papernotes.outputs.plan import plan_files
from papernotes.catalog.index import build_index
from papernotes.source.glossary import Concept, Glossary

TAGS = (Tag("rl", "강화학습", "Reinforcement learning"), Tag("safety", "안전성", "Safety"), Tag("rm", "보상 모델", "Reward model"))
REGISTRY = TagRegistry(tags=TAGS, lookup={t.slug: t.slug for t in TAGS}, by_slug={t.slug: t for t in TAGS})


def note(slug: str, day: int = 1, tags: tuple[str, ...] = ("rl",), title: str = "A Title", abstract: str = "",
         authors: tuple[str, ...] = ("A",), **kw: object) -> Note:
    return Note(slug=slug, source=f"data/notes/{slug}.md", title=title, authors=authors, date=dt.date(2025, 1, day),
                tags=tags, abstract=abstract, **kw)  # type: ignore[arg-type]


def rows(packed: str) -> list[list[int]]:
    return [[int(x, 36) for x in part.split(",") if x] for part in packed.split(";")]


def find(doc: dict, slug: str) -> int:
    """What recommend.js does: the exact table first, else the hash's position."""
    if slug in doc["exact"]:
        return doc["exact"][slug]
    ids = doc["ids"]
    hits = [i for i in range(doc["count"]) if ids[6 * i: 6 * i + 6] == reading_list.slug_hash(slug)]
    return hits[0] if len(hits) == 1 else -1


def test_every_note_is_found_from_its_slug_and_a_removed_one_is_not() -> None:
    notes = (note("zeta", 9), note("보상-모델", 8), note("x" * 150, 7), note("2503.01234-a", 6))
    index = build_index(notes, REGISTRY)
    doc = reading_list.reading_list_index(index)
    assert [find(doc, n.slug) for n in index.notes] == list(range(len(notes)))
    assert find(doc, "removed-from-the-site") == -1


def test_slugs_whose_hashes_clash_are_listed_in_full() -> None:
    seen: dict[str, str] = {}
    for i in itertools.count():  # a clash of 30-bit hashes turns up within ~100,000 slugs
        slug = f"s{i}"
        h = reading_list.slug_hash(slug)
        if h in seen:
            pair = (seen[h], slug)
            break
        seen[h] = slug
    index = build_index((note(pair[0], 2), note(pair[1], 1), note("other", 3)), REGISTRY)
    doc = reading_list.reading_list_index(index)
    assert set(doc["exact"]) == set(pair)
    assert [find(doc, n.slug) for n in index.notes] == [0, 1, 2]


def test_terms_are_shared_names_not_stop_words_or_one_offs() -> None:
    filler = [note(f"f{i}", 1, title=f"Filler {i}", abstract="We tune GRPO with a baseline.") for i in range(40)]
    notes = (note("a", 3, title="Sparse Autoencoders on GSM8K", abstract="We study SAEs with this method on Llama-3."),
             note("b", 2, title="GSM8K Circuits in Sparse Autoencoders", abstract="Another method, on Llama-3, with an SAE and OnlyHere."),
             *filler)
    index = build_index(tuple(notes), REGISTRY)
    doc = reading_list.reading_list_index(index)
    terms = [[doc["terms"][t] for t in r] for r in rows(doc["terms_of"])]
    by_slug = dict(zip((n.slug for n in index.notes), terms))
    assert set(by_slug["a"]) == set(by_slug["b"]) == {"GSM8K", "Llama-3", "SAE"}  # SAEs is an SAE
    assert "OnlyHere" not in doc["terms"] and "GRPO" not in doc["terms"]  # in one note; in nearly every note
    assert not [t for t in doc["terms"] if t.lower() in ("sparse", "autoencoders", "circuits", "with", "method")]


def test_tags_and_cards_line_up_with_the_positions() -> None:
    notes = tuple(note(f"n{i:02d}", 1 + i % 28, tags=(("rl",), ("safety", "rm"))[i % 2], arxiv=f"2501.{i:05d}",
                       published=dt.date(2024, 12, 1) if i == 3 else None) for i in range(40))
    index = build_index(notes, REGISTRY)
    files = dict(reading_list.reading_list_files(index))
    doc = json.loads(files["reading-list/index.json"])
    tags = [[doc["tags"][t][0] for t in r] for r in rows(doc["tags_of"])]
    assert tags == [list(n.tags) for n in index.notes]
    cards = [row for k in range(3) for row in json.loads(files[doc["cards"].replace("{n}", str(k))])]
    assert [c[0] for c in cards] == [n.slug for n in index.notes]
    n3 = next(c for c in cards if c[0] == "n03")
    assert n3 == ["n03", "A Title", "2025-01-04", "2024-12-01", "2501.00003", ["A"]]
    assert "lineage_of" not in doc  # no note names what it builds on


def test_cards_name_the_first_authors_and_their_pages() -> None:
    """The list page showed saved notes without authors: a card names the first three, as a tag
    page's item does, each with its author page's slug where it has one, and counts the rest."""
    pages = {"Ada Lovelace": "ada-lovelace"}
    notes = (note("many", 2, authors=("Ada Lovelace", "B", "C", "D", "E")), note("two", 1, authors=("김철수", "Ada Lovelace")))
    files = dict(reading_list.reading_list_files(build_index(notes, REGISTRY), pages.get))
    doc = json.loads(files["reading-list/index.json"])
    cards = {c[0]: c for c in json.loads(files[doc["cards"].replace("{n}", "0")])}
    assert cards["many"][5] == [["Ada Lovelace", "ada-lovelace"], "B", "C", 2]
    assert cards["two"][5] == ["김철수", ["Ada Lovelace", "ada-lovelace"]]
    assert doc["author_page"].replace("{slug}", "ada-lovelace") == "authors/ada-lovelace/"


def test_the_files_are_in_the_sites_outputs_plan() -> None:
    index = build_index((note("a"), note("b", 2)), REGISTRY)
    settings = read_settings(None, site_name="t", site_url=None)
    paths = [p for p, _ in plan_files(index, settings, lambda n: NoteHtml(Markup(""), Markup(""), Markup("")))]
    assert "reading-list/index.json" in paths and "reading-list/cards/0.json" in paths


def test_the_index_stays_within_the_budget_at_scale() -> None:
    """At 10,000 notes the list page's first view of recommendations must transfer at most
    300 kB; the index is most of it (the rest: the list page's modules, ~50 kB, and the cards of
    the notes shown, ~1.6 kB a file). Measured per note on 3,000 notes with realistic titles,
    abstracts and 1-4 tags of 60, so the budget per note is what 10,000 notes may spend."""
    rng = random.Random(7)
    words = [f"{a}{b}" for a, b in itertools.product(["sparse", "reward", "token", "vision", "graph", "policy", "agent", "scale"],
                                                     ["", "ing", "ers", "ness", "ion", "ity", "al", "ive"])]
    tags = tuple(Tag(f"tag-{i:02d}", f"태그{i}", f"Tag {i}") for i in range(60))
    registry = TagRegistry(tags=tags, lookup={t.slug: t.slug for t in tags}, by_slug={t.slug: t for t in tags})
    notes = tuple(Note(slug=f"synthetic-paper-{i:05d}", source="x", authors=("A",), date=dt.date(2020, 1, 1) + dt.timedelta(days=i // 5),
                       title=" ".join(rng.choice(words).capitalize() for _ in range(rng.randint(3, 8))),
                       abstract=" ".join(rng.choice(words) for _ in range(150)),
                       tags=tuple(t.slug for t in rng.sample(tags, rng.randint(1, 4)))) for i in range(3000))
    doc = json.dumps(reading_list.reading_list_index(build_index(notes, registry)), ensure_ascii=False, separators=(",", ":"))
    fixed = len(json.dumps([[t.slug, t.ko, t.en] for t in tags], ensure_ascii=False))
    per_note = (len(doc.encode()) - fixed) / len(notes)
    assert per_note * 10_000 + fixed <= 235_000


def test_lineage_is_written_when_notes_say_what_they_build_on() -> None:
    """`builds_on` is not in the schema yet; when it is, a note's parents land in `lineage_of`."""
    from dataclasses import dataclass

    @dataclass(frozen=True, kw_only=True)
    class NoteWithLineage(Note):
        builds_on: tuple[str, ...] = ()

    notes = (NoteWithLineage(slug="child", source="x", title="T", authors=("A",), date=dt.date(2025, 1, 3), tags=("rl",),
                             builds_on=("parent", "not-on-the-site")),
             NoteWithLineage(slug="parent", source="x", title="T", authors=("A",), date=dt.date(2025, 1, 2), tags=("rl",)))
    doc = reading_list.reading_list_index(build_index(notes, REGISTRY))
    assert rows(doc["lineage_of"]) == [[1], []]


def test_terms_are_what_notes_are_about_not_the_words_every_abstract_uses() -> None:
    """Two abstracts that share only connectives, filler and other ordinary words ("able",
    "additionally", "absolute": the list page said "Shared terms: absolute") share no term, nor
    capitalised ones that begin a sentence or a title-cased phrase (Reinforcement Learning from
    Human Feedback) when a note writes them in lower case; sharing "Bradley-Terry" they do."""
    filler = ("Additionally, although the method is able to easily yield absolute gains, it commonly allows "
              "Reinforcement Learning from Human Feedback (RLHF) to scale. Absolute scores improve. ")
    notes = (note("a", 1, abstract=filler + "We fit a Bradley-Terry model."), note("b", 2, abstract=filler + "A Bradley-Terry model."),
             note("c", 3, abstract="Speech recognition with reinforcement learning."), note("d", 4, abstract="Image generation."),
             *(note(f"f{i}", 5, abstract="RLHF again.") for i in range(3)))
    vocabulary, chosen = reading_list.note_terms(build_index(notes, REGISTRY).notes)
    assert vocabulary == ["Bradley-Terry"]


def test_terms_are_whole_names_as_the_notes_write_them() -> None:
    """Bradley-Terry and RM-Bench stayed whole, not "Bradley" and "Bench"; a capitalised name no
    note writes in lower case counts (Markovian), wherever it is not a sentence's first word; an
    acronym's plural is its singular, and the form most written is shown; a compound the glossary
    lists counts in lower case, other lower-case words never."""
    glossary = Glossary((Concept("cot", ("chain-of-thought", "CoT"), ("생각의 사슬",)), Concept("weight", ("weight",), ("가중치",))))
    notes = (note("a", 1, title="RM-Bench Results", abstract="A Bradley-Terry model on RM-Bench, its Markovian states; RMs and chain-of-thought, weight."),
             note("b", 2, abstract="Markovian thinking, or Markovian plans. The Bradley-Terry loss of an RM, scored on RM-Bench with CoT and weight decay."),
             note("c", 3, abstract="Speech recognition."), note("d", 4, abstract="Image generation."))
    built = build_index(notes, REGISTRY).notes
    reading_list.TERMS_PER_NOTE, kept = 9, reading_list.TERMS_PER_NOTE
    try:
        vocabulary, chosen = reading_list.note_terms(built, glossary)
    finally:
        reading_list.TERMS_PER_NOTE = kept
    terms = {n.slug: {vocabulary[t] for t in c} for n, c in zip(built, chosen)}
    assert terms["a"] == terms["b"] == {"Bradley-Terry", "RM-Bench", "Markovian", "RM", "chain-of-thought"}


def test_glossary_terms_have_their_korean_form() -> None:
    """The list page said "같은 용어: pre-training" to a Korean reader, though the glossary gives 사전
    학습: the index holds each glossary term's Korean form by its index, not a term the glossary
    writes the same in both (GRPO) nor one it does not list."""
    glossary = Glossary((Concept("pt", ("pre-training", "pretraining"), ("사전 학습", "사전 훈련")),
                         Concept("grpo", ("GRPO",), ("GRPO",)), Concept("bt", ("Bradley-Terry",), ())))
    assert reading_list.korean_terms(["GRPO", "Pre-training", "RM-Bench", "Bradley-Terry", "pretraining"], glossary) == {
        "1": "사전 학습", "4": "사전 학습"}
    assert reading_list.korean_terms(["pre-training"], None) == {}
