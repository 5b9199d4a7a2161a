"""Write notes in the daily bilingual post format that `sources/daily_posts.py` reads.

    2025년 4월 9일                     <- the day header
    Paper title                        <- per note: the title,
    (First Author, Second Author)      <- the authors in parentheses,
    arXiv:2504.06141                   <- the arXiv id, when the note has one,
    The abstract ...                   <- the abstract, one line per paragraph,
    한국어 코멘트 ...                   <- the Korean commentary, one line per paragraph,
    English commentary ...             <- the English commentary, one line per paragraph,
    #tag-one #tag-two                  <- and the tags as hashtags.

How the format carries Markdown: every paragraph is one line (a paragraph's soft line breaks
become spaces, which Markdown renders the same), and everything inside a paragraph stays as
the Markdown source: links `[text](https://...)`, inline and display math `$...$`, `$$...$$`,
emphasis and code. Importing the post gives back the same Markdown, paragraph for paragraph.

What the format cannot carry is reported by `round_trip_problems`, never changed silently:
a paragraph the reader would put in another section (a Korean paragraph without Hangul, an
English or abstract paragraph with Hangul), a paragraph that would read as a header, a
hashtag line or an arXiv id, a block of several lines (a list, a table, code), an author name
with a comma, and a missing Korean or English commentary.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable

from papernotes.authoring.sources.arxiv import parse_arxiv_id
from papernotes.authoring.sources.daily_posts import has_hangul, is_authors_line, is_day_header, is_hashtag_line, is_list_item
from papernotes.model import Note
from papernotes.schema import SECTIONS

LANGS = tuple(s.key for s in SECTIONS if s.commentary)
_BLOCK_LINE = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|>|\||```|~~~|#{1,6}\s|    )")
"""A line that starts a Markdown block (list item, quote, table row, fence, heading, code)."""
_SECTIONS = {s.key: f"## {s.heading}" for s in SECTIONS}


@dataclass(frozen=True)
class PostOptions:
    """What a post shows: both commentaries or one, with or without abstracts."""

    lang: str | None = None
    """`ko` or `en` for one commentary only; None for both (the form `import-feed` reads)."""
    abstracts: bool = True
    """False leaves the abstracts out."""

    @property
    def importable(self) -> bool:
        """Only the complete post can be read back by `import-feed`."""
        return self.lang is None and self.abstracts


@dataclass(frozen=True)
class CarryProblem:
    """A part of a note that the post cannot carry so that importing it gives it back."""

    field: str
    """Which part: `title`, `authors[2]`, `## 한국어 paragraph 2`, ..."""
    message: str
    """What is wrong and what to do."""
    snippet: str = ""
    """The start of the text concerned (to locate its line in the note file)."""


def day_header(day: dt.date) -> str:
    """The header line of a day: `2025년 4월 9일`."""
    return f"{day.year}년 {day.month}월 {day.day}일"


def paragraphs(markdown: str) -> list[str]:
    """A Markdown text's post lines: a paragraph is one line (soft line breaks become spaces),
    a list one line per item."""
    lines: list[str] = []
    for block in _blocks(markdown):
        lines += _block_lines(block)
    return lines


def normalised(markdown: str) -> str:
    """The Markdown a post gives back for `markdown`: what importing `paragraphs` yields."""
    out = []
    for block in _blocks(markdown):
        items = _block_lines(block)
        out.append("\n".join(items) if len(items) > 1 else items[0])
    return "\n\n".join(out)


def _blocks(markdown: str) -> list[list[str]]:
    return [[line for line in block.splitlines() if line.strip()]
            for block in re.split(r"\n[ \t]*\n", markdown.strip()) if block.strip()]


def _block_lines(lines: list[str]) -> list[str]:
    """A tight list (every line an item or an item's continuation) gives one line per item;
    any other block one line."""
    if is_list_item(lines[0].strip()) and not lines[0][:1].isspace():
        items: list[str] = []
        for line in lines:
            if is_list_item(line) and not line[:1].isspace():
                items.append(line.strip())
            else:
                items[-1] += " " + line.strip()
        return items
    return [" ".join(line.strip() for line in lines)]


def note_block(note: Note, options: PostOptions = PostOptions()) -> str:
    """One note as a post block (no trailing newline)."""
    lines = [" ".join(note.title.split()), "(" + ", ".join(note.authors) + ")"]
    if note.arxiv:
        lines.append(f"arXiv:{note.arxiv}")
    if options.abstracts:
        lines += paragraphs(note.abstract)
    for lang in LANGS:
        if options.lang in (None, lang):
            lines += paragraphs(getattr(note, lang))
    lines.append(" ".join(f"#{tag}" for tag in note.tags))
    return "\n".join(lines)


def day_post(day: dt.date, notes: Iterable[Note], options: PostOptions = PostOptions()) -> str:
    """A day's post: the header, then every note's block, a blank line between them."""
    blocks = [note_block(note, options) for note in notes]
    return day_header(day) + "\n" + "\n\n".join(blocks) + "\n"


def round_trip_problems(note: Note) -> list[CarryProblem]:
    """Why importing this note's complete post would not give back its title, authors,
    abstract, commentary and tags; empty when it would."""
    found: list[CarryProblem] = []
    title = " ".join(note.title.split())
    if _special(title) or is_authors_line(title):
        found.append(CarryProblem("title", "the title would read as a day header, a hashtag line, an arXiv id or an "
                                           "author list", title))
    for i, author in enumerate(note.authors):
        if "," in author or ";" in author or "(" in author or ")" in author or "http" in author:
            found.append(CarryProblem(f"authors[{i}]", "an author name with a comma, semicolon, parenthesis or link "
                                                       "would be split or misread in the author line", author))
    if not note.abstract.strip():
        found.append(CarryProblem(_SECTIONS["abstract"], "the post needs an abstract between the authors and the commentary"))
    for section in SECTIONS:
        if section.commentary and not getattr(note, section.key).strip():
            found.append(CarryProblem(_SECTIONS[section.key], "the post needs both commentaries; this one is empty"))
    for section in SECTIONS:
        found += _paragraph_problems(section.key, getattr(note, section.key))
    return found


def _paragraph_problems(part: str, text: str) -> list[CarryProblem]:
    found = []
    previous_list = False
    for number, lines in enumerate(_blocks(text), start=1):
        where = f"{_SECTIONS[part]} paragraph {number}"
        carried = _block_lines(lines)
        is_list = is_list_item(lines[0])
        if is_list and previous_list:
            found.append(CarryProblem(where, "two lists with only a blank line between them become one list in the post; "
                                             "put a sentence between them", lines[0]))
        previous_list = is_list
        if len(carried) == 1 and (any(_BLOCK_LINE.match(x) for x in lines[1:]) or (len(lines) > 1 and _BLOCK_LINE.match(lines[0]))) \
                or any(x.endswith("  ") or x.endswith("\\") for x in lines[:-1]) \
                or (len(carried) > 1 and any(_BLOCK_LINE.match(x) and not is_list_item(x) for x in lines)):
            found.append(CarryProblem(where, "a block of several lines (a nested list, table, quote, code or hard line "
                                             "break) becomes one line in the post; write it as a paragraph or a simple list",
                                      lines[0]))
            continue
        for line in carried:
            found += _line_problems(part, where, line)
    return found


def _line_problems(part: str, where: str, line: str) -> list[CarryProblem]:
    if _special(line) or is_authors_line(line):
        return [CarryProblem(where, "this line would read as a day header, a hashtag line, an arXiv id or an author list", line)]
    if part == "ko" and not has_hangul(line):
        return [CarryProblem(where, "a Korean line without Hangul would be read as part of the abstract or the English "
                                    "commentary; add Korean words to it", line)]
    if part != "ko" and has_hangul(line):
        return [CarryProblem(where, "Hangul in this line would make it read as Korean commentary", line)]
    return []


def _special(line: str) -> bool:
    return is_day_header(line) or is_hashtag_line(line) or parse_arxiv_id(line) is not None
