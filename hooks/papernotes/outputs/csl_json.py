"""CSL-JSON items of notes' papers: the input format of citeproc (Zotero, Pandoc, Quarto, and
citeproc-py, which renders a bibliography from these files in the tests).

Names are given as written, split into parts by `citation.name_parts` (what citeproc needs to
sort and abbreviate); a name it keeps whole is a `literal`. JSON escaping makes any text safe; control
characters are dropped and whitespace runs become one space, as in the RIS export.
"""

from __future__ import annotations

import json
from typing import Callable, Iterable

from papernotes.model import Note
from papernotes.names import NO_FORMS, NameForms
from papernotes.outputs.citation import arxiv_doi, listed_authors, name_parts, paper_day
from papernotes.outputs.ris import clean
from papernotes.catalog import urls


def _name(written: str, forms: NameForms) -> dict[str, str]:
    name = clean(written)
    return name_parts(name, forms) or {"literal": name}


def item(note: Note, page_url: str | None = None, listed: bool = False, forms: NameForms = NO_FORMS) -> dict[str, object]:
    """One CSL item (type `article`: CSL 1.0.2's type for preprints). `listed`: for a file of many
    papers, with at most `LISTED_AUTHORS` authors. `forms`: organisations and declared family names."""
    found: dict[str, object] = {"id": note.slug, "type": "article", "title": clean(note.title),
                                "author": [_name(a, forms) for a in (listed_authors(note) if listed else note.authors)]}
    day = paper_day(note)  # the paper's, or none: never the day it was noted
    if day:
        found["issued"] = {"date-parts": [list(day)]}
    if note.arxiv:
        found.update({"publisher": "arXiv", "number": f"arXiv:{note.arxiv}", "DOI": arxiv_doi(note.arxiv),
                      "URL": urls.arxiv_abs(note.arxiv)})
    elif note.url:
        found["URL"] = clean(note.url)
    if note.org:
        found["authority"] = clean(note.org)
    if page_url:
        found["note"] = f"papernotes: {page_url}"
    return found


def item_line(note: Note, page_url: str | None = None, listed: bool = False, forms: NameForms = NO_FORMS) -> str:
    """One item as `items` writes it: compact, on one line."""
    return json.dumps(item(note, page_url, listed, forms), ensure_ascii=False, separators=(",", ":"))


def items(notes: Iterable[Note], line_of: Callable[[Note], str] = item_line) -> str:
    """A CSL-JSON document: an array of items, one compact item a line (a third of the indented
    size). `line_of`: a note's line (the exports memoise it: a note is in several files)."""
    return "[\n" + ",\n".join(line_of(n) for n in notes) + "\n]\n"
