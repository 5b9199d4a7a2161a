"""`PageContext`: what one build's pages share, and what it must not keep."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from papernotes import pages

from conftest import FIXTURE_SITE
from papernotes.config import Settings
from papernotes.markup import HtmlCache
from papernotes.pages.context import PageContext
from papernotes.pages.registry import plan_pages
from papernotes.catalog.index import build_index
from papernotes.source.tree import load_site


def _held_text(value: object, depth: int = 0) -> list[str]:
    """The strings `value` holds, looking two containers deep (the context's caches)."""
    if isinstance(value, str):
        return [value]
    if depth > 2:
        return []
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _held_text(k, depth + 1) + _held_text(v, depth + 1)]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [s for v in value for s in _held_text(v, depth + 1)]
    return []


def test_the_cards_pages_keep_no_note_commentary_after_rendering() -> None:
    """Every note's card (its whole commentary) is on its day page: a kept copy of each held all
    the notes' commentary again in every process that renders day pages, until the build ended
    (~250 MiB each at 10,000 notes with 5-10 kB commentaries)."""
    loaded = load_site(FIXTURE_SITE, "data")
    assert not loaded.errors
    html = HtmlCache()
    ctx = PageContext(build_index(loaded.notes, loaded.tags), Settings(), html)
    cards = [p for p in plan_pages(ctx) if p.kind in ("day", "home")]
    rendered = "".join(page.render() for page in cards)
    texts = []
    for note in loaded.notes:
        for part in (html.note_html(note).ko, html.note_html(note).en):
            text = part.split("<a ", 1)[0]  # before any link, the card shows it as converted
            if len(text) > 40:
                texts.append(text)
    assert texts and all(text in rendered for text in texts)
    held = [s for obj in (ctx, ctx.links) for s in _held_text(vars(obj))]
    kept = [text for text in texts if any(text in s for s in held)]
    assert not kept, f"{len(kept)} of {len(texts)} commentaries kept by the page context"


def test_a_serve_build_reuses_the_last_builds_excerpts_and_makes_an_edited_notes_again() -> None:
    """Under serve a note added or deleted draws every page of its tags again: the excerpts of
    the notes whose commentary is unchanged come from the last build (`last_excerpts`), an
    edited note's is made again (a stale one would show its old first sentence), and the pages
    are those of a fresh build."""
    loaded = load_site(FIXTURE_SITE, "data")
    assert not loaded.errors
    html = HtmlCache()

    def tag_pages(ctx: PageContext) -> dict[str, str]:
        return {p.src_uri: p.render() for p in plan_pages(ctx) if p.kind == "tag"}

    first = PageContext(build_index(loaded.notes, loaded.tags), Settings(), html)
    tag_pages(first)
    by_tag = first.index.by_tag
    edited, deleted = next((a, b) for notes in by_tag.values() for a in notes for b in notes if a is not b and a.en)
    notes = tuple(replace(n, en="Rewritten opening words. " + n.en) if n is edited else n
                  for n in loaded.notes if n is not deleted)
    index = build_index(notes, loaded.tags)
    second = PageContext(index, Settings(), html, last_excerpts=first.last_excerpts())
    assert tag_pages(second) == tag_pages(PageContext(index, Settings(), HtmlCache()))
    assert set(second.made_excerpts()) == {edited.slug}
    assert "Rewritten opening words." in second.excerpt_of(next(n for n in notes if n.slug == edited.slug))
    assert deleted.slug not in second.last_excerpts()


_RAW_ENGLISH_COUNT = re.compile(r'[(,]\s*([a-z_]+)\s*~\s*"\s+(?:more\s+)?(?:notes?|tags?|authors?|papers?|labs?)\b')
"""A template's English count written as a bare number before its noun: `total ~ " notes"`."""


def test_english_counts_in_the_templates_group_thousands_and_agree_in_number() -> None:
    """A scale QA pass read "10000 notes · 150 tags" on the English home page and "7701 authors" on
    the authors index, where every Korean count (노트 10,000개) and the rest of the English ones
    group thousands: an English count goes through `en_count` (or `num`), which also says "1 note"."""
    found = [(path.name, i, m.group(0)) for path in sorted((Path(pages.__file__).parent / "templates").glob("*.html"))
             for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) for m in _RAW_ENGLISH_COUNT.finditer(line)]
    assert found == []
