"""The records every other module passes around: tags, notes, note drafts and problems.

They are frozen so that a build can share them freely, and they are built in one place
each (`tags.load_tag_registry`, `note.parse_note`): raw YAML never leaves the loader.
A `NoteDraft` is what the scaffold and the importers write; its fields are the front-matter
fields of `schema.FIELDS` and the body sections of `schema.SECTIONS` (a test keeps it so).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal, Mapping

Severity = Literal["error", "warning", "notice"]

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with line breaks, control and bidi-control characters written as escapes (`\\n`, `\\x1b`)."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], text)


@dataclass(frozen=True, order=True)
class Problem:
    """One located finding about an input file, printed as `path:line:col: level: field: message`."""

    path: str
    """File path as the user should see it (relative to the project root when possible)."""
    line: int
    """1-based line number (0 when the problem concerns the file as a whole)."""
    column: int
    """1-based column number (0 when unknown)."""
    field: str
    """The front-matter field or body part concerned, e.g. `tags[1]`, `date`, `body`."""
    message: str
    """What is wrong and, where possible, how to fix it."""
    rule: str = "invalid"
    """A short stable identifier of the check, e.g. `unknown-tag`."""
    severity: Severity = "error"
    """`error` stops the build; `warning` only fails `mkdocs build --strict`; `notice` is advice
    that fails nothing (e.g. two notes writing one person's name two ways)."""

    def format(self) -> str:
        """One line, whatever the path, field or message hold: a file name with a newline or a
        terminal escape must not split the one-problem-per-line output or recolour the terminal."""
        return f"{printable(self.path)}:{self.line}:{self.column}: {self.severity}: {printable(self.field)}: {printable(self.message)}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


@dataclass(frozen=True, order=True)
class Tag:
    """A tag defined in `data/tags.yml`; ordered and hashed by slug."""

    slug: str
    """Canonical lowercase ASCII kebab-case name, e.g. `reward-model`; also its URL part."""
    ko: str = field(compare=False)
    """Korean label."""
    en: str = field(compare=False)
    """English label."""
    description_ko: str = field(default="", compare=False)
    """Optional one-line Korean description shown on the tag page (given with `description_en`)."""
    description_en: str = field(default="", compare=False)
    """Optional one-line English description shown on the tag page (given with `description_ko`)."""
    aliases: tuple[str, ...] = field(default=(), compare=False)
    """Old names accepted in notes and normalised to `slug`."""


@dataclass(frozen=True, eq=False)
class TagRegistry:
    """Every defined tag, plus the alias table used to normalise note tags."""

    tags: tuple[Tag, ...]
    """All tags, sorted by slug."""
    lookup: Mapping[str, str]
    """Slug or alias -> canonical slug."""
    by_slug: Mapping[str, Tag]
    """Canonical slug -> tag."""
    unreadable: frozenset[str] | None = frozenset()
    """Tags `data/tags.yml` names in entries it could not read (their notes cannot be checked
    until it is fixed); None when the file itself could not be read (no tag can be checked)."""
    file: str = "data/tags.yml"
    """The registry's file as problems name it."""

    def get(self, slug: str) -> Tag:
        return self.by_slug[slug]


@dataclass(frozen=True, kw_only=True)
class NoteText:
    """What a note file says about its paper: the fields of `schema.FIELDS`, then the body
    sections of `schema.SECTIONS`, in that order (a test keeps it so). Shared by the note
    read from a file (`Note`) and the note about to be written (`NoteDraft`)."""

    title: str
    """Paper title."""
    authors: tuple[str, ...]
    """Author names, in order."""
    date: dt.date
    """The day of the note; decides its day page."""
    tags: tuple[str, ...]
    """Tag slugs, in the order written, without duplicates (canonical in a `Note`)."""
    arxiv: str | None = None
    """arXiv identifier without version (`2504.06141`, `cs/0112017`)."""
    url: str | None = None
    """Link to the paper when there is no arXiv id (or in addition to it)."""
    code: str | None = None
    """Link to the code."""
    org: str | None = None
    """Organisation behind the paper."""
    published: dt.date | None = None
    """The paper's own date (e.g. arXiv v1)."""
    builds_on: tuple[str, ...] = ()
    """arXiv ids of earlier work this paper extends (`builds_on:`), in the order written."""
    compares_with: tuple[str, ...] = ()
    """arXiv ids of the baselines this paper is measured against (`compares_with:`)."""
    draft: bool = False
    """`draft: true`: validated but not published; a draft may still lack commentary."""
    abstract: str = ""
    """The `## Abstract` section, Markdown."""
    ko: str = ""
    """The `## 한국어` commentary, Markdown (may be empty when `en` is not)."""
    en: str = ""
    """The `## English` commentary, Markdown (may be empty when `ko` is not)."""


@dataclass(frozen=True, kw_only=True)
class Note(NoteText):
    """One validated note about one paper."""

    slug: str
    """File stem; unique across `data/notes/`, and the note's URL part (`notes/<slug>/`)."""
    source: str
    """Path of the note file as shown in messages, e.g. `data/notes/2025/adv-rm.md`."""

    def __hash__(self) -> int:
        """The slug and the file only (equal notes have them equal; two records of one file
        still differ by `==`): the generated hash hashed every field, and the page keys look
        notes up in their caches (`pages.context.cited`) 170,000 times a build at 10,000 notes."""
        return hash((self.slug, self.source))


@dataclass(frozen=True, kw_only=True)
class NoteDraft(NoteText):
    """A note about to be written by `papernotes new` or an importer; `notefile.render_note` writes it.

    Not validated: the writer checks the written text like `papernotes check` does. Empty
    values (None, "", (), False) are left out of the file, except the `## 한국어` and
    `## English` headings, which are written even when empty.
    """
