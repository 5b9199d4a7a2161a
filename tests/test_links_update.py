"""A serve rebuild patches the previous link graph with the notes a save changed
(`catalog.links.update_links`) instead of reading every note's links again: the patched graph
must be the graph `build_links` makes of the same notes, entry for entry and in order, hold the
new note records (never the replaced ones), and leave the previous graph as it was."""

from __future__ import annotations

import dataclasses
import random
import sys
from pathlib import Path

import pytest

from papernotes.catalog.index import SiteIndex, build_index
from papernotes.catalog.links import UPDATE_LIMIT, LinkGraph, build_links, update_links
from papernotes.markup import HtmlCache
from papernotes.model import Note
from papernotes.source.tree import load_site

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from notegen import generate_notes


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - a fixture, typed where it is made
    root = tmp_path_factory.mktemp("links-update")
    generate_notes(160, root, seed=11)  # notes that mention and list each other, and papers with no note
    result = load_site(root, "data")
    assert not result.problems, result.problems[:3]
    return result


def _index(result, notes: list[Note]) -> SiteIndex:  # noqa: ANN001 - a load result
    return build_index(tuple(notes), result.tags, result.glossary, result.drafts)


def _base(result) -> list[Note]:  # noqa: ANN001 - a load result
    """The generated notes, every third also building on and comparing with other notes of the
    site (the generator's lineage names papers without a note), so that a save can take a note
    out of another's "Built upon by" list."""
    notes = list(result.notes)
    papers = [n.arxiv for n in notes if n.arxiv]
    for at in range(0, len(notes), 3):
        others = [a for a in papers if a != notes[at].arxiv and a not in notes[at].builds_on + notes[at].compares_with]
        notes[at] = dataclasses.replace(notes[at], builds_on=notes[at].builds_on + (others[at % len(others)],),
                                        compares_with=notes[at].compares_with + (others[(at * 7 + 1) % len(others)],))
    return notes


def view(graph: LinkGraph) -> tuple:
    """Everything the graph says, by slug, in order (notes compared by their slug)."""
    return (dict(graph.outgoing),
            {k: [(b.source.slug, dict(b.sentences)) for b in v] for k, v in graph.backlinks.items() if v},
            {f: {k: [n.slug for n in v] for k, v in m.items() if v} for f, m in graph.inverse.items()},
            [(u.arxiv, [n.slug for n in u.by], u.draft) for u in graph.unnoted])


def notes_held(graph: LinkGraph) -> list[Note]:
    return ([b.source for v in graph.backlinks.values() for b in v]
            + [n for m in graph.inverse.values() for v in m.values() for n in v]
            + [n for u in graph.unnoted for n in u.by])


def _edited(rng: random.Random, note: Note, others: list[Note]) -> Note:
    """The note as a writer might save it: mentions added or taken out, lineage changed."""
    noted = [n.arxiv for n in others if n.arxiv and n.arxiv != note.arxiv]
    unnoted = [f"2609.{rng.randrange(90000, 99999):05d}" for _ in range(3)]
    pick = rng.randrange(5)
    if pick == 0:  # a mention of a noted paper and of one with no note, in Korean
        return dataclasses.replace(note, ko=f"{note.ko} 이 논문은 {rng.choice(noted)} 과 arXiv:{unnoted[0]} 를 잇는다.")
    if pick == 1:  # every mention taken out of the English commentary
        return dataclasses.replace(note, en="No papers named here any more.")
    if pick == 2:  # lineage rewritten: noted and un-noted papers
        return dataclasses.replace(note, builds_on=(rng.choice(noted), unnoted[1]), compares_with=(unnoted[2],))
    if pick == 3:  # lineage emptied, and the same paper mentioned in both languages
        paper = rng.choice(noted)
        return dataclasses.replace(note, builds_on=(), compares_with=(),
                                   ko=f"{note.ko} {paper} 를 보라.", en=f"{note.en} See https://arxiv.org/abs/{paper}.")
    return dataclasses.replace(note, ko=note.ko + " 고친 문장.")  # text only: no link changes


@pytest.mark.parametrize("seed", range(6))
def test_a_patched_graph_is_the_graph_of_the_saved_notes(site, seed: int) -> None:  # noqa: ANN001
    html = HtmlCache()
    before = _index(site, _base(site))
    old = build_links(before, html.note_html)
    assert any(old.inverse.get("builds_on")) and any(old.inverse.get("compares_with"))
    old_view = view(old)
    rng = random.Random(seed)
    notes = list(before.notes)
    for _ in range(rng.choice([1, 2, 5, 12])):  # one save, or a few files saved together
        at = rng.randrange(len(notes))
        notes[at] = _edited(rng, notes[at], notes)
    after = _index(site, notes)
    patched = update_links((before, old), after, html.note_html)
    assert patched is not None and patched is not old
    assert view(patched) == view(build_links(after, html.note_html))
    current = {id(n) for n in after.notes}
    assert all(id(n) in current for n in notes_held(patched)), "the patched graph holds a replaced note record"
    assert view(old) == old_view, "patching changed the previous graph"


def test_what_is_not_a_save_of_some_notes_builds_the_graph_whole(site) -> None:  # noqa: ANN001
    html = HtmlCache()
    before = _index(site, list(site.notes))
    old = build_links(before, html.note_html)
    notes = list(before.notes)
    assert update_links((before, old), _index(site, notes), html.note_html) is old  # nothing changed
    assert update_links((before, old), _index(site, notes[1:]), html.note_html) is None  # a note deleted
    moved = dataclasses.replace(notes[-1], date=notes[0].date, slug="zz-" + notes[-1].slug)
    assert update_links((before, old), _index(site, notes[:-1] + [moved]), html.note_html) is None  # renamed, moved
    many = [dataclasses.replace(n, ko=n.ko + " 고침.") for n in notes[:UPDATE_LIMIT + 1]] + notes[UPDATE_LIMIT + 1:]
    assert update_links((before, old), _index(site, many), html.note_html) is None  # more than a save
