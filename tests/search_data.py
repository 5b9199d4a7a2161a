"""Read a built site's search index (`site/search/`, format in papernotes.outputs.search_index) back.

Independent of the writer: it decodes what the search box downloads, so tests can say which
notes are searchable, by which terms, and what a result card shows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

LOAD_WORDS = """async () => {
  const engine = await import(new URL("assets/search/engine.js", location.href));
  await engine.loadMeta();
  window.pnWords = await import(new URL("assets/search/words.js", location.href));
}"""
"""Imports the box's word functions (docs/assets/search/words.js) into a page opened at a site's
root, configured from its search/meta.json as the box configures them, as `window.pnWords`."""


def load_words(page: Page) -> None:
    """Make `window.pnWords` the search box's words module (see LOAD_WORDS): the modules define no
    globals, so a test that compares them with the Python imports them."""
    page.evaluate(LOAD_WORDS)


@dataclass(frozen=True)
class Card:
    """What a search result shows for one document."""

    doc: int
    """Document number (0 = newest note)."""
    slug: str
    """The note's slug."""
    title: str
    """Its title, plain text."""
    date: str
    """Its date, YYYY-MM-DD."""
    ko: str
    """Korean commentary excerpt, plain text."""
    en: str
    """English commentary excerpt, plain text."""
    authors: list
    """The authors shown: the first names, each a string or [name, author page slug], then "…"
    if there are more."""


def meta(site: Path) -> dict:
    return json.loads((site / "search" / "meta.json").read_text(encoding="utf-8"))


def decode(postings: list[int]) -> dict[int, int]:
    """document number -> weight, from `delta * 16 + weight` postings."""
    out, doc = {}, 0
    for value in postings:
        doc += value >> 4
        out[doc] = value & 15
    return out


def chunks(site: Path) -> list[tuple[str, str, dict[str, list[int]]]]:
    """(first term in meta, file name, the file's {term: postings}) for each terms file, in order."""
    m = meta(site)
    return [(first, name, json.loads((site / m["terms"].replace("{name}", name)).read_text(encoding="utf-8")))
            for first, name in m["chunks"]]


def postings(site: Path) -> dict[str, dict[int, int]]:
    """term -> {document number: weight} over the whole index."""
    return {term: decode(p) for _, _, chunk in chunks(site) for term, p in chunk.items()}


def cards(site: Path) -> list[Card]:
    """Every card, by document number."""
    m = meta(site)
    out: list[Card] = []
    for n in range(-(-m["docs"] // m["card_shard"])):
        rows = json.loads((site / m["cards"].replace("{n}", str(n))).read_text(encoding="utf-8"))
        out += [Card(len(out) + i, *row) for i, row in enumerate(rows)]
    return out
