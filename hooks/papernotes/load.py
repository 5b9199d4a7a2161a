"""Load every note under `data/notes/`: each file becomes a `Note` or located problems.

Nothing is ever dropped silently: a file that is not a note (wrong extension, bad
encoding, too big) is itself a problem, and so are two notes claiming one slug or paper.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .model import Note, Problem, TagRegistry
from .notes import parse_note
from .tags import load_tag_registry
from .template import Guidance, find_template_text, read_guidance

MAX_NOTE_BYTES = 256 * 1024
"""A note is a page of commentary; anything bigger is almost surely a mistake."""
NOTE_SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]|\.(?!\.))*$")
IGNORED_NAMES = {".gitkeep", ".DS_Store"}


@dataclass(frozen=True)
class LoadResult:
    """Every valid note, newest first, and every problem found on the way."""

    notes: tuple[Note, ...]
    """Valid published notes, sorted by date (newest first) then slug; drafts are not among them."""
    problems: tuple[Problem, ...]
    """Errors and warnings, sorted by file and line."""
    tags: "TagRegistry"
    """The tag registry the notes were checked against."""
    files: int
    """How many files were found under the notes folder (each is a note, a draft or a problem)."""
    drafts: tuple[Note, ...] = ()
    """Valid notes marked `draft: true`: checked like the others but not published."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)


def display_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def load_site(root: Path, data_dir: str = "data", only: list[Path] | None = None) -> LoadResult:
    """Load `<root>/<data_dir>/tags.yml` and every note; `only` limits which notes are reported on.

    Identity checks (duplicate slugs and arXiv ids) always look at the whole tree, so a
    new note that collides with an existing one is caught even when only it is checked.
    """
    data = root / data_dir
    registry, problems = load_tag_registry(data / "tags.yml", display_path(data / "tags.yml", root))
    notes_dir = data / "notes"
    files = sorted(p for p in notes_dir.rglob("*") if p.is_file() and p.name not in IGNORED_NAMES) if notes_dir.is_dir() else []
    if not notes_dir.is_dir():
        problems.append(Problem(display_path(notes_dir, root), 0, 0, "folder", "the notes folder is missing", "missing-folder"))

    wanted = {p.resolve() for p in only} if only is not None else None
    guidance = read_guidance(data / "note-template.md")
    loaded: list[Note] = []
    for path in files:
        shown = display_path(path, root)
        note, found = load_note(path, shown, registry, guidance)
        if note is not None:
            loaded.append(note)
        if wanted is None or path.resolve() in wanted:
            problems.extend(found)
    clashes = _identity_problems(loaded)
    if wanted is not None:
        clashes = [p for p in clashes if (root / p.path).resolve() in wanted]
    problems.extend(clashes)
    clashing = {p.path for p in clashes}
    notes = [n for n in loaded if n.source not in clashing and (wanted is None or (root / n.source).resolve() in wanted)]
    notes.sort(key=lambda n: (-n.date.toordinal(), n.slug))
    drafts = tuple(n for n in notes if n.draft)
    published = tuple(n for n in notes if not n.draft)
    return LoadResult(published, tuple(sorted(problems)), registry, len(files), drafts)


def load_note(path: Path, shown: str, registry: TagRegistry,
              guidance: Guidance | None = None) -> tuple[Note | None, list[Problem]]:
    """Read one file from disk and parse it; file-level problems are located at line 0."""
    if path.suffix != ".md":
        return None, [Problem(shown, 0, 0, "file", "only .md files belong under data/notes/; rename it to .md or move it out", "not-markdown")]
    slug = unicodedata.normalize("NFC", path.stem)
    if not NOTE_SLUG.match(slug):
        return None, [Problem(shown, 0, 0, "file name",
                              f"the file name {path.stem!r} is the note's URL: use lowercase ASCII letters, digits, '-' and '.' "
                              f"(e.g. {_suggest_slug(path.stem)!r})", "bad-slug")]
    size = path.stat().st_size
    if size > MAX_NOTE_BYTES:
        return None, [Problem(shown, 0, 0, "file", f"the note is {size // 1024} KiB; the limit is {MAX_NOTE_BYTES // 1024} KiB", "too-big")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(shown, line, 1, "file", "the file is not valid UTF-8; save it as UTF-8", "encoding")]
    note, problems = parse_note(text, slug=slug, source=shown, tags=registry)
    leftovers = find_template_text(text, shown, guidance) if guidance is not None else []
    if leftovers:
        # The placeholder tag is reported as template text, not as a tag to add to tags.yml.
        spots = {(p.line, p.column) for p in leftovers}
        problems = [p for p in problems if not (p.rule == "unknown-tag" and (p.line, p.column) in spots)]
        return None, sorted(problems + leftovers)
    return note, problems


def _identity_problems(notes: list[Note]) -> list[Problem]:
    """Two notes may not share a slug (also by case) or a paper; each is told about the other."""
    found = []
    groups: dict[tuple[str, str], list[Note]] = {}
    for note in notes:
        groups.setdefault(("slug", note.slug.casefold()), []).append(note)
        if note.arxiv:
            groups.setdefault(("arxiv", note.arxiv), []).append(note)
    for (kind, value), members in groups.items():
        for note in members if len(members) > 1 else ():
            others = ", ".join(m.source for m in members if m is not note)
            if kind == "slug":
                found.append(Problem(note.source, 0, 0, "file name", f"the slug {note.slug!r} is also used by {others}; rename one of them", "duplicate-slug"))
            else:
                found.append(Problem(note.source, 1, 1, "arxiv", f"arXiv {value} also has a note in {others}; keep one note per paper", "duplicate-paper"))
    return found


def _suggest_slug(stem: str) -> str:
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9.]+", "-", ascii_stem).strip("-.") or "my-note"
