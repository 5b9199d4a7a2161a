"""Write new note files: a `NoteDraft` as text in the schema's order, slugs, and what already exists.

Shared by the scaffold (`papernotes new`) and the importers. Every note they write is first
run through the same validation as `papernotes check` (`check_text`: the note alone; `SiteCheck`:
the note in its site, as `check` runs it), so they cannot write a broken note.
The writer walks `schema.FIELDS` and `schema.SECTIONS` rather than a list of its own, so a
new field cannot be dropped from written notes by forgetting this module.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from papernotes.catalog.people import project_party_pages
from papernotes.markup import HtmlCache
from papernotes.model import NoteDraft, Problem, TagRegistry
from papernotes.schema import FENCE, FIELDS, SECTIONS, FrontMatter, canonical_arxiv_id, paper_arxiv_id, split_front_matter
from papernotes.source.guidance import Guidance, normalise_text
from papernotes.source.tree import LoadResult, NoteCache, display_path, load_site, read_note_file, slug_key
from papernotes.source.yamlnodes import Located, NodeError, compose, mapping_items, read_text

_IDENTITY_KEYS = ("title", "arxiv", "url")


def title_key(title: str) -> str:
    """Titles compared loosely: case, punctuation and spacing do not matter."""
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", title).casefold()))


def date_argument(text: str) -> dt.date:
    """The `type` of a command-line date option (`--date`, `--published`): a day that exists,
    written YYYY-MM-DD; otherwise argparse's usage error says so in these words."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write the day as YYYY-MM-DD, e.g. 2025-04-09") from None


class _Dumper(yaml.SafeDumper):
    """`yaml.SafeDumper` that quotes a value, when it must, in double quotes, as the guide writes
    them (`arxiv: "2510.08872"`; a QA pass was unsure of the scaffold's `'2510.08872'`)."""

    def choose_scalar_style(self) -> str:
        style = super().choose_scalar_style()
        return '"' if style == "'" else style


def render_note(draft: NoteDraft) -> str:
    """The text of a note file: every non-empty field in schema order, then the body sections.

    Values are dumped by YAML, which quotes an arXiv id that would read as a number (`_Dumper`).
    """
    head = ""
    for spec in FIELDS:
        value = getattr(draft, spec.name)
        if not value:  # None, "", () and False are left out, like an unset key
            continue
        in_one_line = spec.kind == "tag list"  # block style like the template, but tags read best on one line
        dumped = yaml.dump({spec.name: list(value) if isinstance(value, tuple) else value}, Dumper=_Dumper,
                           allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=in_one_line)
        head += dumped[1:-2] + "\n" if in_one_line else dumped
    parts = [f"{FENCE}\n{head}{FENCE}\n"]
    for section in SECTIONS:
        text = getattr(draft, section.key).strip()
        if text:
            parts.append(f"## {section.heading}\n\n{text}\n")
        elif section.commentary:
            parts.append(f"## {section.heading}\n")
    return "\n".join(parts)


def check_text(text: str, *, slug: str, source: str, registry: TagRegistry, guidance: Guidance) -> list[Problem]:
    """The problems `papernotes check` would report for `text` written as `<slug>.md`: every rule
    of the loader's (file name, size, encoding, fields, sections, template text), through the
    loader's own code. Identity clashes are the caller's (`ExistingNotes`)."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate: no UTF-8 file can hold it
        return [_surrogate_problem(text, exc.start, source)]
    _, problems = read_note_file(slug, data, source, registry, guidance)
    return sorted(problems)


class SiteCheck:
    """`papernotes check` of notes about to be written into the project at `root`: every rule the
    check applies to a note, those that read the rest of the site too (`data/authors.yml`, the
    tags, links to other notes and pages, a paper or file name another note has), by the
    checker's own function (`source.tree.load_site`, with the note as a pending file), so the
    writers cannot drift from it. A problem elsewhere counts only when the note brings it: the
    project's own problems before the run (a broken note, a tag being reviewed) are not the note's."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.cache, self.html = NoteCache(), HtmlCache()  # each existing note is read once per run
        self.pages = project_party_pages(root / "mkdocs.yml")
        self.known = set(self._load({}).problems)

    def _load(self, pending: dict[Path, str]) -> LoadResult:
        return load_site(self.root, "data", only=list(pending), html=self.html, reuse=self.cache,
                         party_pages=self.pages, pending=pending)

    def problems(self, path: Path, text: str) -> list[Problem]:
        """What `papernotes check` would report if `text` were written at `path`, and were the
        project's only change: its problems (notices too) and those it would bring to other files."""
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate: no UTF-8 file can hold it
            return [_surrogate_problem(text, exc.start, display_path(path, self.root))]
        shown = display_path(path, self.root)
        return sorted(p for p in self._load({path: text}).problems if p.path == shown or p not in self.known)

    def problems_together(self, pending: dict[Path, str]) -> dict[str, list[Problem]]:
        """`problems` of several notes about to be written together (notes that link each other),
        by each one's shown path."""
        shown = {display_path(path, self.root) for path in pending}
        found: dict[str, list[Problem]] = {s: [] for s in shown}
        for p in sorted(self._load(pending).problems):
            if p.path in shown:
                found[p.path].append(p)
        return found

    def written(self, found: list[Problem]) -> None:
        """The note whose `problems` were `found` was written: what it brought elsewhere (advice) is
        the project's now."""
        self.known.update(found)


def _surrogate_problem(text: str, at: int, source: str) -> Problem:
    """Where `text` holds a lone surrogate (a byte that was not UTF-8 read with `surrogateescape`,
    or `\\ud800` in JSON), named by the section or field it is in: the note cannot be written."""
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    before = text[:at].split("\n")
    heading = next((ln.strip() for ln in reversed(before) if ln.startswith("## ")), None)
    key = heading or next((ln.split(":", 1)[0].strip() for ln in reversed(before) if re.match(r"[a-z_]+:", ln)), "front matter")
    return Problem(source, line, column, key, f"{ord(text[at]):#06x} is not a character (a byte that was not UTF-8, "
                   "or a lone surrogate such as \\ud800 in JSON): remove it", "encoding")


MAX_SCANNED_BYTES = 64 * 1024
"""How much of each existing note is read to find its title and arXiv id."""


@dataclass
class ExistingNotes:
    """What is already under `data/notes/`, read leniently (broken notes still count).

    Read with the loader's own guarded YAML reader (`source.yamlnodes.compose`), never a second
    one: a note with an alias bomb or a deep nesting is refused before it can expand, and
    becomes a located problem the command prints, instead of eating the machine's memory."""

    by_arxiv: dict[str, Path] = field(default_factory=dict)
    """arXiv id -> the note that names it."""
    by_title: dict[str, Path] = field(default_factory=dict)
    """`title_key(title)` -> note."""
    slugs: set[str] = field(default_factory=set)
    """Every file stem in use, as `tree.slug_key` compares them."""
    problems: list[Problem] = field(default_factory=list)
    """Notes whose title or arXiv id could not be read (so a duplicate of them goes unnoticed)."""

    @classmethod
    def scan(cls, notes_dir: Path, root: Path | None = None) -> ExistingNotes:
        found = cls()
        for path in sorted(notes_dir.rglob("*")) if notes_dir.is_dir() else ():
            if path.suffix != ".md" or path.is_symlink() or not path.is_file():
                found.slugs.add(slug_key(path.stem))  # a name in use all the same
                continue
            try:
                with path.open("rb") as handle:
                    raw = handle.read(MAX_SCANNED_BYTES)  # enough for the front matter of any note
            except OSError:
                raw = b""
            found.add(path, raw.decode("utf-8", errors="replace"), display_path(path, root) if root is not None else None)
        return found

    def add(self, path: Path, text: str, shown: str | None = None) -> None:
        self.slugs.add(slug_key(path.stem))
        lines = normalise_text(text).split("\n")
        split = split_front_matter(lines)
        if isinstance(split, FrontMatter):
            head = list(split.yaml_lines)
        else:  # a note still being written (front matter not closed yet) names its paper all the same
            head = lines[1:] if split.rule == "unclosed-front-matter" else []
        values = _identity_fields(head, shown or path.as_posix(), self.problems)
        arxiv = paper_arxiv_id(values.get("arxiv"), values.get("url"))  # one paper, however it is linked
        if arxiv:
            self.by_arxiv.setdefault(arxiv, path)
        if values.get("title"):
            self.by_title.setdefault(title_key(values["title"]), path)

    def noted(self, arxiv: str) -> Path | None:
        """The note already naming this arXiv id, if any (`math.GT/0309136` is `math/0309136`'s paper)."""
        return self.by_arxiv.get(canonical_arxiv_id(arxiv))

    def find(self, arxiv: str | None, title: str) -> Path | None:
        """The note already covering this paper (same arXiv id, or the same title), if any."""
        return (self.noted(arxiv) if arxiv else None) or self.by_title.get(title_key(title))

    def free_path(self, notes_dir: Path, date: dt.date, slug: str) -> Path:
        """`<notes_dir>/<year>/<slug>.md`, with `-2`, `-3`, ... when the slug is taken."""
        candidate, n = slug, 1
        while slug_key(candidate) in self.slugs:
            n += 1
            candidate = f"{slug}-{n}"
        return notes_dir / str(date.year) / f"{candidate}.md"


def _identity_fields(head: list[str], shown: str, problems: list[Problem]) -> dict[str, str]:
    """`title` and `arxiv` of a note's front-matter lines, as text; a refusal is added to `problems`.

    The whole front matter is read first. When it does not parse (a note being written), each
    `title:` / `arxiv:` line is read alone, so a half-written note still names its paper."""
    try:
        root = compose("\n".join(head), offset=1)
        if root is None:
            return {}
        return _text_values([(name, value) for name, _, value in mapping_items(Located(root, 1))])
    except NodeError as whole:
        found: dict[str, str] = {}
        reported = len(problems)
        for index, line in enumerate(head):
            key = line.split(":", 1)[0]
            if key not in _IDENTITY_KEYS or key in found:
                continue
            try:
                root = compose(line, offset=1 + index)
                found.update(_text_values([(name, value) for name, _, value in mapping_items(Located(root, 1 + index))]))
            except NodeError as err:
                problems.append(Problem(shown, err.line, err.column, key, f"{err.message} (this note's {key} cannot be read, "
                                        "so a second note about its paper would not be noticed)", err.rule))
        if whole.rule in ("yaml-alias", "yaml-depth", "yaml-tag") and len(problems) == reported:
            problems.append(Problem(shown, whole.line, whole.column, whole.field or "front matter", whole.message, whole.rule))
        return found


def _text_values(items: list[tuple[str, Located]]) -> dict[str, str]:
    found = {}
    for name, value in items:
        if name in _IDENTITY_KEYS:
            try:
                found[name] = read_text(value)
            except NodeError:
                continue  # not text: `check` reports it; here it names no paper
    return found
