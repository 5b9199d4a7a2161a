"""The machinery both importers share: validated writing, a summary, and a progress bar."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, TypeVar

from tqdm import tqdm

from papernotes.source.tree import display_path, slug_key
from papernotes.model import NoteDraft, Problem, TagRegistry
from papernotes.authoring.notefile import ExistingNotes, SiteCheck, render_note
from papernotes.report import format_problems
from papernotes.schema import id_slug, paper_arxiv_id, slugify

PROGRESS_MIN_ITEMS = 10
"""Runs with fewer items finish at once; a bar would only flicker."""
T = TypeVar("T")


@dataclass
class Summary:
    """What an import run did; printed at the end."""

    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def line(self, command: str) -> str:
        return f"{command}: {len(self.created)} created, {len(self.skipped)} skipped (already have a note), {len(self.failed)} failed"


class ImportRun:
    """One import into one project: writes validated notes, says what happened, keeps the summary."""

    def __init__(self, root: Path, registry: TagRegistry, bar: tqdm | None = None) -> None:
        self.root, self.registry, self.bar = root, registry, bar
        self.notes_dir = root / "data" / "notes"
        self.existing = ExistingNotes.scan(self.notes_dir, root)
        for line in format_problems(self.existing.problems):  # a broken note is reported, and costs the import nothing
            print(line, file=sys.stderr)
        self.check = SiteCheck(root)
        self.summary = Summary()
        self._failed: set[object] = set()
        self._waiting: list[tuple[str, NoteDraft, str | None]] = []   # drafts linking a note not written yet
        self.written: list[NoteDraft] = []   # the drafts written, in order

    def say(self, text: str) -> None:
        if self.bar is not None:
            tqdm.write(text, file=sys.stdout)  # keeps the bar on stderr intact
        else:
            print(text)

    def fail(self, label: str, message: str, item: object = None) -> None:
        """Report a problem; `item` (e.g. a listing index) counts several problems of one item once."""
        key = label if item is None else item
        if key not in self._failed:
            self._failed.add(key)
            self.summary.failed.append(label)
        self.say(f"{label}: error: {message}")

    def exists(self, label: str, arxiv: str | None, title: str) -> bool:
        """True (and counted as skipped) when the paper already has a note."""
        found = self.existing.find(arxiv, title)
        if found is not None:
            self.summary.skipped.append(label)
            self.say(f"{label}: skipped {title!r}: already in {display_path(found, self.root)}")
        return found is not None

    def write(self, label: str, draft: NoteDraft, slug: str | None = None, *, last: bool = False, together: bool = False) -> None:
        """Write `draft` as a new note (named `slug`, or after its title) unless the paper has one
        or the file would not pass the checker; then say why, and write nothing. A draft whose only
        problem is a link to a note that is not there waits for `finish` (`last`: it is its last try):
        the note may be one this run writes later (a day's post links a paper of the same day or of a
        later one: the round trip of a post lost it, though `check` passed its notes). `together`: its
        links to other notes were checked with the notes of this run it links (`finish`)."""
        if self.exists(label, paper_arxiv_id(draft.arxiv, draft.url), draft.title):
            return  # one paper, however it is linked (a Hugging Face `Link:` names its arXiv id)
        if slug is not None and slug_key(slug) in self.existing.slugs:
            # `Slug:` keeps a note's URL: another name would break the links to it.
            self.fail(label, f"Slug: {slug!r} is the file name of another note; choose another, or leave the "
                             "`Slug:` line out to name the note after its title")
            return
        path = self._place(draft, slug)
        shown = display_path(path, self.root)
        text = render_note(draft)
        # Warnings count too: they would fail `mkdocs build --strict`. So does a problem the note
        # would bring to another file (a `slug:` of data/authors.yml that its author's page makes taken).
        found = self.check.problems(path, text)
        errors = [p for p in found if p.severity != "notice" and not (together and p.rule == "unknown-note-link")]
        if errors and not last and all(p.rule == "unknown-note-link" for p in errors):
            self._waiting.append((label, draft, slug))
            return
        if errors:
            self.fail(label, f"{draft.title[:200]!r} would not pass the checker, not written: "
                             + "; ".join(_where(p, shown) + f"{p.field}: {_short(p.message)}" for p in errors))
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as err:
            self.fail(label, f"file: cannot write {shown}: {err.strerror or err}")
            return
        self.existing.add(path, text)
        self.check.written(found)
        self.written.append(draft)
        self.summary.created.append(shown)
        self.say(f"{label}: created {shown}")
        for notice in found:  # the advice `check` will give (a date after today): said now, where it is made
            self.say(f"{label}: notice: {_where(notice, shown)}{notice.field}: {_short(notice.message)}")

    def finish(self) -> None:
        """Write the drafts that waited for a note of this run (`write`): again while one more is
        written (one may wait for another); then those whose links lead to each other (two notes
        citing each other), checked together; then each one last time, failing with its problems."""
        while self._waiting:
            waiting, self._waiting = self._waiting, []
            for label, draft, slug in waiting:
                self.write(label, draft, slug)
            if len(self._waiting) < len(waiting):
                continue
            waiting, self._waiting = self._waiting, []
            cleared = self._cleared_together(waiting)
            for label, draft, slug in waiting:
                if (label, draft, slug) in cleared:
                    self.write(label, draft, slug, together=True)
                else:
                    self._waiting.append((label, draft, slug))
            if not cleared:   # the links lead nowhere: each says so
                waiting, self._waiting = self._waiting, []
                for label, draft, slug in waiting:
                    self.write(label, draft, slug, last=True)

    def _place(self, draft: NoteDraft, slug: str | None) -> Path:
        """Where `draft` would be written: named `slug`, or after its title, at a free path."""
        name = slug or slugify(draft.title, id_slug(paper_arxiv_id(draft.arxiv, draft.url)))
        return self.existing.free_path(self.notes_dir, draft.date, name)

    def _cleared_together(self, waiting: list[tuple[str, NoteDraft, str | None]]) -> list[tuple[str, NoteDraft, str | None]]:
        """The waiting drafts that pass the checker when all of them are written at once."""
        pending: dict[Path, str] = {}
        placed = []
        for item in waiting:
            _, draft, slug = item
            path = self._place(draft, slug)
            if path not in pending:   # two drafts after one name: the second is checked on its own, later
                pending[path] = render_note(draft)
                placed.append((item, display_path(path, self.root)))
        found = self.check.problems_together(pending)
        return [item for item, shown in placed if not [p for p in found[shown] if p.severity != "notice"]]


class Progress:
    """`with Progress(items, wanted, name) as (iterable, bar)`: a tqdm bar on stderr, or none."""

    def __init__(self, items: list[T], wanted: bool | None, name: str) -> None:
        show = wanted if wanted is not None else (sys.stderr.isatty() and len(items) >= PROGRESS_MIN_ITEMS)
        self.bar = tqdm(items, desc=name, unit="paper", file=sys.stderr) if show else None
        self.items = items

    def __enter__(self) -> tuple[Iterator[T], tqdm | None]:
        return (iter(self.bar) if self.bar is not None else iter(self.items)), self.bar

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()


def _where(problem: Problem, shown: str) -> str:
    """`data/authors.yml:3:11: ` before a problem the note would bring to another file; nothing for its own."""
    return "" if problem.path == shown else f"{problem.path}:{problem.line}:{problem.column}: "


def _short(message: str, most: int = 300) -> str:
    """A checker's message about a field, cut: one quoting a 5,000-character title repeated it whole."""
    return message if len(message) <= most else message[:most - 1] + "…"
