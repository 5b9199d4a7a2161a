"""RIS records of notes' papers (the format EndNote, Zotero, Mendeley and RefWorks all import).

A RIS record is a run of `XX  - value` lines ended by `ER  - `, so a value must stay on its one
line: every run of whitespace, line and paragraph separators included, becomes one space, and
control characters are dropped. Then nothing a note writes can start a line of its own, so no
title can end a record early or add tags to it (tests/test_outputs_references.py reads hostile
notes back with `rispy`). The record describes the paper; the note's page is its `N1` note.

An author is written in RIS's own form, `Family, Given, Suffix`, when `citation.name_parts` splits
the name (`Ford, Henry, Jr.`): Zotero's import reads the text before the first comma as the family
name, and a name without a comma as one field, which styles cannot abbreviate or sort by family
name. A name kept whole (`이순신`, `OpenAI`, `Kim, Minji`) is written as it is.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Iterable

from papernotes.model import Note
from papernotes.names import NO_FORMS, NameForms
from papernotes.outputs.citation import arxiv_doi, family_first, is_pdf, listed_authors, paper_day
from papernotes.catalog import urls


_CONTROL = re.compile("[" + "".join(c for c in map(chr, range(0xA0)) if unicodedata.category(c) == "Cc" and not c.isspace()) + "]")
"""The control characters (category Cc, all below U+00A0) that are not whitespace."""


def clean(text: str) -> str:
    """`text` on one line, without control characters."""
    return " ".join(_CONTROL.sub("", text).split())


def author(written: str, forms: NameForms = NO_FORMS) -> str:
    """An `AU` value: `Family, Given[, Suffix]`, or the name as written when it is kept whole."""
    return family_first(clean(written), forms=forms)


def record(note: Note, page_url: str | None = None, listed: bool = False, forms: NameForms = NO_FORMS) -> str:
    """One `TY  - RPRT` record (arXiv papers are reports of arXiv, as in the Highwire tags).
    `listed`: for a file of many papers, with at most `LISTED_AUTHORS` authors. `forms`:
    organisations and declared family names."""
    lines: list[tuple[str, str]] = [("TY", "RPRT"), ("ID", note.slug), ("TI", note.title)]
    lines += [("AU", author(name, forms)) for name in (listed_authors(note) if listed else note.authors)]
    day = paper_day(note)  # the paper's, or none: never the day it was noted
    if day:
        lines.append(("PY", str(day[0])))
        lines.append(("DA", f"{day[0]:04d}/{day[1]:02d}/{day[2]:02d}/" if len(day) == 3 else f"{day[0]:04d}/{day[1]:02d}//"))
    if note.arxiv:
        lines += [("PB", "arXiv"), ("SN", f"arXiv:{note.arxiv}"), ("DO", arxiv_doi(note.arxiv)),
                  ("UR", urls.arxiv_abs(note.arxiv)), ("L1", urls.arxiv_pdf(note.arxiv))]
    elif note.url:
        lines.append(("UR", note.url))
        if is_pdf(note.url):
            lines.append(("L1", note.url))  # Zotero attaches the PDF, as the page's citation_pdf_url says
    if note.org:
        lines.append(("AD", note.org))
    lines += [("KW", tag) for tag in note.tags]
    if page_url:
        lines.append(("N1", f"papernotes: {page_url}"))
    body = "".join(f"{tag}  - {clean(value)}\n" for tag, value in lines if clean(value))
    return body + "ER  - \n"


def bibliography(notes: Iterable[Note], record_of: Callable[[Note], str] = record) -> str:
    """Records for `notes`, separated by blank lines."""
    return "\n".join(record_of(n) for n in notes)
