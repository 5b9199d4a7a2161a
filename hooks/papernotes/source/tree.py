"""Load every note under `data/notes/`: each file becomes a `Note` or located problems.

Nothing is ever dropped silently: a file that is not a note (wrong extension, bad
encoding, too big) is itself a problem, and so are two notes claiming one slug or paper.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from functools import partial
from typing import Callable, Iterable, Mapping, NamedTuple
from pathlib import Path


from papernotes.source.characters import find_invisible, invisible_message
from papernotes.source.yamlnodes import byte_position
from papernotes.markup import HtmlCache
from papernotes.markup_links import site_path
from papernotes.schema import (MAX_NOTE_FILE_BYTES, NOTE_SLUG, REQUIRED_FIELDS, RESERVED_SLUGS, SECTION_KEYS, SECTIONS, FrontMatter, heading_text,
                               id_slug, paper_arxiv_id, paper_identity, slugify, split_front_matter)
from papernotes.model import Note, Problem, TagRegistry
from papernotes.source.note import body_texts, paper_of, parse_note
from papernotes.source.split_load import Loaded, load_files
from papernotes.source.authors import (AuthorsFile, first_spellings, joined_coauthors, lab_lookalike_notices, load_authors, lookalike_notices,
                                      lookalike_pairs, slug_clashes)
from papernotes.source.glossary import Glossary, load_glossary
from papernotes.source.tags import load_tag_registry, provisional_registry, registry_of
from papernotes.source.guidance import Guidance, find_template_text, normalise_text, read_guidance

MAX_NOTE_BYTES = 256 * 1024
"""A note is a page of commentary; anything bigger is almost surely a mistake."""
IGNORED_NAMES = {".gitkeep", ".DS_Store"}
EDITOR_FILES = re.compile(r"^\.#|^#.*#$|~$|^\..*\.sw[a-p]$|^\.goutputstream-|^4913$|\.md\.(?:tmp|bak|orig)$")
"""What an editor writes beside the note it has open, never a note: Vim's swap file
(`.note.md.swp`) and its write probe (`4913`), Emacs's lock link (`.#note.md`), auto-save
(`#note.md#`) and backups (`note.md~`), GNOME's save stream (`.goutputstream-ABC123`) and a
note's temporary or backup copy (`note.md.tmp`, `.bak`, `.orig`). Each was an error in the serve
banner while the note was open or being saved."""


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
    authors: AuthorsFile = AuthorsFile()
    """What `data/authors.yml` says about people and organisations (empty without the file)."""
    glossary: Glossary = Glossary()
    """The glossary's valid concepts (`data/glossary.yml`; empty without one)."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")

    @property
    def notices(self) -> tuple[Problem, ...]:
        """Advice that fails neither the check nor a strict build."""
        return tuple(p for p in self.problems if p.severity == "notice")


@functools.lru_cache(maxsize=256)
def _resolved(folder: Path) -> Path:
    """A folder's real path; cached, as a tree has few folders and many notes."""
    return folder.resolve()


def display_path(path: Path, root: Path) -> str:
    """`path` relative to `root`, printable: a byte of a file name that is not UTF-8 (which Python
    reads as a lone surrogate, and a strict UTF-8 stdout cannot print) is shown as `\\xe9`."""
    try:
        # Resolve the folder only: a symlink must be shown by its own name, not its target's.
        shown = (_resolved(path.parent) / path.name).relative_to(_resolved(root)).as_posix()
    except ValueError:
        shown = path.as_posix()
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


class _WantedFiles:
    """The files a check of `only` reports on: `path in wanted` when `path` is one of them, the
    same file by another written path too (resolved). Only a path whose name is one of theirs is
    resolved: an import checks each new note against every note of the site, and resolving each
    of 10,000 paths (a system call per folder of it) for each note was most of its time."""

    def __init__(self, only: list[Path]) -> None:
        self._files = {p.resolve() for p in only}
        self._names = {p.name for p in only} | {p.name for p in self._files}

    def __contains__(self, path: Path) -> bool:
        return path.name in self._names and path.resolve() in self._files


def load_site(root: Path, data_dir: str = "data", only: list[Path] | None = None, *,
              html: HtmlCache | None = None, reuse: NoteCache | None = None,
              party_pages: Callable[[tuple[Note, ...], AuthorsFile], PartyPages] | None = None,
              pending: Mapping[Path, str] | None = None) -> LoadResult:
    """Load `<root>/<data_dir>/tags.yml`, its glossary.yml and every note; `only` limits which notes
    are reported on (problems of tags.yml and glossary.yml are always reported).

    Validation renders every note's Markdown into `html` (the build's one HTML cache; a fresh
    one if not given). `reuse` keeps each file's result between loads of one serve session.

    Identity checks (duplicate slugs and arXiv ids) always look at the whole tree, so a
    new note that collides with an existing one is caught even when only it is checked.
    `party_pages` (`catalog.people.party_pages`, with the build's settings) says which authors and
    labs have a page, for checking the notes' links to them and `data/authors.yml`'s slugs against
    them; without it those links are not checked, and every author a note names counts as paged.

    `pending` (path -> text) are note files about to be written, not on disk yet: each is checked
    as if it were there, against the rest of the site, by every rule above. The writers
    (`authoring.notefile.SiteCheck`) check through it what they would write, so nothing that
    `papernotes check` refuses can pass them.
    """
    pending = dict(pending or {})
    data = root / data_dir
    registry, problems = load_tag_registry(data / "tags.yml", display_path(data / "tags.yml", root))
    if reuse is not None:  # serve: the last readable tags while tags.yml cannot be read
        registry = reuse.tags(registry)
    provisional = registry.unreadable is None
    if provisional:  # no readable tags at all: the notes' own tags, until the file is fixed
        registry = provisional_registry(registry.file)
    authors, found = load_authors(data / "authors.yml", display_path(data / "authors.yml", root))
    problems.extend(found)
    glossary, glossary_problems = load_glossary(data / "glossary.yml", display_path(data / "glossary.yml", root))
    problems += glossary_problems
    notes_dir = data / "notes"
    files = note_files(notes_dir) if notes_dir.is_dir() and not notes_dir.is_symlink() else []
    if notes_dir.is_symlink():  # as a folder inside it is (`note_files`): its notes would be another folder's
        problems.append(Problem(display_path(notes_dir, root), 1, 1, "folder",
                                "the notes folder is a symbolic link: notes are read only from data/notes/ itself; "
                                "replace the link with the folder", "symlink"))
    elif not notes_dir.is_dir():
        problems.append(Problem(display_path(notes_dir, root), 1, 1, "folder",
                                "the notes folder is missing: create data/notes/ and put the notes in it", "missing-folder"))

    wanted = _WantedFiles(only) if only is not None else None
    guidance = read_guidance(data / "note-template.md")
    loaded: list[Note] = []
    context = (str(root.resolve()), registry.tags, sorted(registry.lookup.items()), registry.unreadable, guidance)
    html = html if html is not None else HtmlCache()
    load_one = partial(_load_guarded, root=root, registry=registry, guidance=guidance, html=html)
    results = (reuse or NoteCache()).load(files, context, load_one, html)
    on_disk = set(files)
    for path, text in pending.items():
        if path not in on_disk:
            files.append(path)
            results.append(read_note_file(path.stem, text.encode("utf-8", "surrogatepass"), display_path(path, root),
                                          registry, guidance, html))
    for path, (note, found) in zip(files, results):
        if note is not None:
            loaded.append(note)
        if wanted is None or path in wanted:
            problems.extend(found)
    problems.extend(p for p in _stray_notes(data, root, only or ()) if wanted is None or root / p.path in wanted)
    clashes = _slug_problems(files, root) + _identity_problems(loaded, root, pending) + _lineage_circles(loaded, root, pending)
    if wanted is not None:
        clashes = [p for p in clashes if root / p.path in wanted]
    problems.extend(clashes)
    # The files that failed to load, read again once for what they still say (their paper, their links).
    texts = {path: pending[path] if path in pending else _text_of(path) for path, (note, _) in zip(files, results) if note is None}
    unloaded = [path for path in texts if wanted is None or path in wanted]
    problems.extend(_unloaded_identity_problems(loaded, texts, unloaded, root, pending))
    links = _note_link_problems(loaded, {path: texts[path] for path in unloaded}, {path.stem for path in files}, root, html,
                                pending)
    pages = _pages_of(loaded, authors, party_pages)
    links += _site_link_problems(loaded, {path: texts[path] for path in unloaded}, registry, root, html, pages, pending)
    problems.extend(p for p in links if wanted is None or root / p.path in wanted)
    pairs = (reuse or NoteCache()).lookalike_pairs(loaded, authors)
    problems.extend(slug_clashes(loaded, authors, lambda: None if (p := pages()) is None else p.author_names))
    joined = joined_coauthors(loaded, authors, lambda source, name: _value_position(root / source, name, pending))
    problems.extend(p for p in joined if wanted is None or root / p.path in wanted)
    labs = lab_lookalike_notices(loaded, authors, lambda source: _key_position(root / source, "org", pending))
    problems.extend(p for p in labs if wanted is None or root / p.path in wanted)
    advice = lookalike_notices(loaded, authors, lambda source, name: _value_position(root / source, name, pending),
                               lambda: pairs)
    problems.extend(p for p in advice if wanted is None or any(root / f in wanted for f in (p.path, _other_file(p))))
    held = _held_back(loaded, root)
    notes = [n for n in loaded if n.source not in held and (wanted is None or root / n.source in wanted)]
    notes.sort(key=lambda n: (-n.date.toordinal(), n.slug))
    html.keep_only({getattr(n, key) for n in loaded for key in SECTION_KEYS})
    if provisional:
        registry = registry_of(registry, loaded)
    drafts = tuple(n for n in notes if n.draft)
    published = tuple(n for n in notes if not n.draft)
    # The data files' problems first: one in tags.yml may be why notes fail, and is read first.
    notes_shown = display_path(notes_dir, root) + "/"
    ordered = tuple(sorted(problems, key=lambda p: (p.path.startswith(notes_shown), p)))
    return LoadResult(published, ordered, registry, len(files), drafts, authors=authors, glossary=glossary)


_TOP_KEY = re.compile(r"([A-Za-z_][\w-]*)\s*:")


def _front_keys(path: Path) -> set[str]:
    """The top-level keys of the front matter `path` starts with, read as a note's (none when it
    has none in a note's size, `MAX_NOTE_BYTES`). Read up to that size, not the 251 bytes of a file
    name's limit it once read: a copy of the note template, whose front matter is longer, had none,
    and in data/ passed the check unpublished."""
    try:
        with path.open("rb") as file:
            text = normalise_text(file.read(MAX_NOTE_BYTES).decode("utf-8", "replace"))
    except OSError:
        return set()
    front = split_front_matter(text.split("\n"))
    return {m[1] for line in front.yaml_lines if (m := _TOP_KEY.match(line))} if isinstance(front, FrontMatter) else set()


MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
"""The endings MkDocs builds a page from (`mkdocs.utils.markdown_extensions`, compared as it does,
case and all; a test checks they agree): a note saved in docs/ as `x.markdown` is published as
a page as surely as `x.md`."""
_NOT_A_NOTES_FOLDER = frozenset(("tests", "node_modules", "__pycache__"))
"""Folders of the project's root where a note-like file is meant to be one that is not published
(the tests' fixtures) or is no one's (installed packages)."""


def _looks_like_a_note(path: Path, in_data: bool) -> bool:
    """Whether `path`'s front matter is a note's: it names a paper (`arxiv:`), or has every field a
    note must have; in data/ (where only notes and data files live) a title or authors is enough."""
    keys = _front_keys(path)
    return "arxiv" in keys or set(REQUIRED_FIELDS) <= keys or (in_data and bool(keys & {"title", "authors"}))


def _skipped_folder(path: Path) -> bool:
    """A folder of the project's root that holds no one's notes: the tests', installed packages, a
    virtual environment, a built site (its Markdown copies of the notes look like notes)."""
    return (path.name in _NOT_A_NOTES_FOLDER or (path / "pyvenv.cfg").exists()
            or (path / "index.html").exists() or (path / "sitemap.xml").exists())


def misplaced_note(path: Path, root: Path, data_dir: str = "data") -> bool:
    """Whether the file `path` is a note saved outside `<data_dir>/notes/`, wherever it is (a file
    named to `papernotes check` may be anywhere): what `_stray_notes` reports."""
    return _misplaced(path, root / data_dir, root)


def _misplaced(path: Path, data: Path, root: Path) -> bool:
    """A Markdown file outside `data/notes/` whose front matter is a note's, not a link, not the
    note template."""
    path, data = path.parent.resolve() / path.name, data.resolve()  # not `_resolved`: a named path may be relative
    return (path.name.endswith(MARKDOWN_SUFFIXES) and path.is_file() and not path.is_symlink() and path != data / "note-template.md"
            and not path.is_relative_to(data / "notes") and _looks_like_a_note(path, path.is_relative_to(data)))


def _stray_notes(data: Path, root: Path, named: Iterable[Path] = ()) -> list[Problem]:
    """A note saved outside `data/notes/`: in `data/` or a folder of it (`data/2024/x.md`), or among
    the site's own pages in `docs/`, or anywhere when it is one of the files `named` to the check.
    The first was never published and the check and the strict build passed; the second was
    published as a page of the site, its HTML unsanitised (docs/ is the site's own text). An error
    at the file: move it to `data/notes/<year>/`. A Markdown file there without a note's front
    matter (a README) is left alone. Anywhere else in the project (`notes/2024/x.md`, `x.md` beside
    mkdocs.yml: `data/` forgotten) it is a notice, which fails nothing: a folder of notes kept out
    of the site on purpose (a copy, a fixture) must not stop its build; the tests, installed
    packages and built sites are not looked at."""
    named_found = {path.parent.resolve() / path.name for path in named if _misplaced(path, data, root)}
    found = set(named_found)
    folders = [(data, 0), (root / "docs", 0), (root, 1)]
    while folders:
        folder, depth = folders.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith(".") or entry.is_symlink():
                continue
            if entry.is_dir():
                if path not in (data / "notes", data, root / "docs") and depth < 4 and not (depth and _skipped_folder(path)):
                    folders.append((path, depth + 1))
            elif (entry.is_file() and entry.name.endswith(MARKDOWN_SUFFIXES) and path != data / "note-template.md"
                  and _looks_like_a_note(path, path.is_relative_to(data))):
                found.add(path.parent.resolve() / path.name)
    problems = []
    for path in sorted(found):
        in_docs = path.is_relative_to(root.resolve() / "docs")
        error = in_docs or path in named_found or path.is_relative_to(data.resolve())
        problems.append(Problem(
            display_path(path, root), 1, 1, "file",
            "this looks like a note (its front matter names a paper) but is outside data/notes/, so it is "
            + ("published as a page of the site, unchecked" if in_docs else "not published")
            + ": move it to data/notes/<year>/ (the year of its date)" + ("" if error else ", unless it is kept out of the site on purpose"),
            "note-outside-notes", "error" if error else "notice"))
    return problems


def note_files(notes_dir: Path) -> list[Path]:
    """Every file and symbolic link under `notes_dir`, sorted, but `IGNORED_NAMES` and `EDITOR_FILES`. Links are
    listed (and refused in load_note), never followed: a link in a pull request could otherwise
    publish any file of the machine that builds the site. What each entry is comes with the
    folder's listing (no stat per file; a serve rebuild lists 10,000 notes per save); a folder
    that cannot be read is skipped, as `Path.rglob` skips it."""
    found: list[str] = []
    folders = [str(notes_dir)]
    while folders:
        try:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.is_symlink() or entry.is_file(follow_symlinks=False):
                        if entry.name not in IGNORED_NAMES and not EDITOR_FILES.search(entry.name):
                            found.append(entry.path)
                    elif entry.is_dir(follow_symlinks=False):
                        folders.append(entry.path)
        except PermissionError:
            continue
    # The order of the paths' parts, as sorting `Path`s gives it (`a/x` before `a-b/x`), at a
    # fraction of the cost (comparing 10,000 Paths was a tenth of a second per save).
    found.sort(key=lambda path: path.split(os.sep))
    return [Path(path) for path in found]


class NoteCache:
    """Each note file's last result by path, with a digest of the bytes it was read from and
    the file's status when it was read.

    `mkdocs serve` loads the tree again after every save in one process: a file whose status
    (modification time, size, inode: what MkDocs' own watcher compares to start a rebuild) is
    unchanged is not read again, and one whose bytes (and tags.yml and the template: the
    `context`) are unchanged gives the same result, so only edited files are parsed again.
    The build keeps one for its whole session."""

    def __init__(self) -> None:
        self._results: dict[str, tuple[bytes, tuple[int, ...], Loaded]] = {}
        self._context: object = None
        self._lookalikes: tuple[object, list[tuple[tuple[str, str], tuple[str, str]]]] | None = None
        self._tags: TagRegistry | None = None

    def tags(self, registry: TagRegistry) -> TagRegistry:
        """The registry to check notes against: `registry`, or, while `data/tags.yml` cannot be
        read at all (a typo mid-edit), the last one that could. Every note failed ("its tags
        cannot be checked") and the served site had no note left until the file was fixed; its
        error stays in the banner, and no build passes with it."""
        if registry.unreadable is None and self._tags is not None:
            return self._tags
        if registry.unreadable is not None:
            self._tags = registry
        return registry

    def lookalike_pairs(self, notes: list[Note], authors: AuthorsFile) -> list[tuple[tuple[str, str], tuple[str, str]]]:
        """`authors.lookalike_pairs`, found again only when the names the notes write, or the
        first file writing each, or `data/authors.yml` changed since the last load (it compares
        every pair of similar names: 0.2 s a save at 10,000 notes; a note added, renamed or
        deleted seldom changes them). The lines are located afresh each time."""
        first = first_spellings(notes)
        key = (first, authors.people, authors.distinct, authors.path)
        if self._lookalikes is None or self._lookalikes[0] != key:
            self._lookalikes = (key, lookalike_pairs(notes, authors, first))
        return self._lookalikes[1]

    def load(self, files: list[Path], context: object, load_one: Callable[[Path], Loaded], html: HtmlCache) -> list[Loaded]:
        """`load_one` of every file, reusing the previous load's result for unchanged files."""
        previous = self._results if context == self._context else {}
        contents: list[tuple[bytes, tuple[int, ...]] | None] = []
        results: list[Loaded | None] = []
        todo = []
        for i, path in enumerate(files):
            found = None
            hit = previous.get(str(path))
            if path.suffix == ".md":
                try:
                    st = os.lstat(path)
                    if not stat.S_ISLNK(st.st_mode):
                        status = (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)
                        same = hit is not None and hit[1] == status
                        found = (hit[0] if same else hashlib.blake2b(path.read_bytes()).digest(), status)  # type: ignore[index]
                except OSError:
                    pass  # load_one reports it
            contents.append(found)
            results.append(hit[2] if found is not None and hit is not None and hit[0] == found[0] else None)
            if results[-1] is None:
                todo.append(i)
        for i, result in zip(todo, load_files([files[i] for i in todo], load_one, html)):
            results[i] = result
        self._results = {str(p): (raw[0], raw[1], r) for p, raw, r in zip(files, contents, results) if raw is not None and r is not None}
        self._context = context
        return results  # type: ignore[return-value]


def _load_guarded(path: Path, root: Path, registry: TagRegistry, guidance: Guidance | None,
                  html: HtmlCache) -> tuple[Note | None, list[Problem]]:
    shown = display_path(path, root)
    try:
        return load_note(path, shown, registry, guidance, html)
    except Exception as exc:  # noqa: BLE001 - a bug must cost this note only, and still be reported
        return None, [Problem(shown, 1, 1, "file", f"internal error while reading this note ({exc!r}); please report it", "internal-error")]


def too_big(size: int) -> str:
    """The message for a note of `size` bytes, over MAX_NOTE_BYTES: in bytes, as a KiB each side
    of the limit read "the note is 256 KiB; the limit is 256 KiB"."""
    return f"the note is {size:,} bytes; the limit is {MAX_NOTE_BYTES:,} bytes ({MAX_NOTE_BYTES // 1024} KiB): shorten it"


def encoding_of(raw: bytes) -> tuple[str, str | None]:
    """A file's text whatever it was saved in, and how it was saved when that is not UTF-8 and
    can be told: UTF-16 (a byte-order mark, or NUL bytes between ASCII letters) or CP949/EUC-KR,
    Windows' Korean "ANSI", which a Korean writer's editor may save in (the message named Latin-1
    and UTF-16 only). Otherwise UTF-8 with the undecodable bytes replaced. Never a NUL: a draft
    page showed a UTF-16 file's text with a NUL between each letter."""
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    found: tuple[str, str | None] | None = None
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or raw.count(0) > len(raw) // 4:
        big = raw[:2] == b"\xfe\xff" or (raw[:2] != b"\xff\xfe" and raw[:1] == b"\x00")
        found = (raw.decode("utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-16-be" if big else "utf-16-le",
                            errors="replace"), "as UTF-16")
    else:
        try:
            text = raw.decode("cp949")
            if sum("\uac00" <= c <= "\ud7a3" for c in text) >= 3:  # not a Latin-1 `Å` read as a lead byte
                found = (text, "as CP949 (EUC-KR), Windows' Korean encoding")
        except UnicodeDecodeError:
            pass
    text, saved = found or (raw.decode("utf-8", errors="replace"), None)
    return text.replace("\x00", "\ufffd"), saved


def load_note(path: Path, shown: str, registry: TagRegistry,
              guidance: Guidance | None = None, html: HtmlCache | None = None) -> tuple[Note | None, list[Problem]]:
    """Read one file from disk and parse it; file-level problems are located at line 1, column 1."""
    if path.is_symlink():
        return None, [Problem(shown, 1, 1, "file", "symbolic links are not allowed under data/notes/; commit the note itself", "symlink")]
    if path.suffix != ".md":
        return None, [Problem(shown, 1, 1, "file", "only .md files belong under data/notes/; rename it to .md or move it out", "not-markdown")]
    size = path.stat().st_size
    if size > MAX_NOTE_BYTES:  # refused before reading it
        return None, [Problem(shown, 1, 1, "file", too_big(size), "too-big")]
    return read_note_file(path.stem, path.read_bytes(), shown, registry, guidance, html)


def read_note_file(stem: str, raw: bytes, shown: str, registry: TagRegistry,
                   guidance: Guidance | None = None, html: HtmlCache | None = None) -> tuple[Note | None, list[Problem]]:
    """Every rule for a note file named `<stem>.md` holding `raw`: its name, size, encoding,
    text and leftover template text. `papernotes check` and the build read files through it,
    and the writers (`new`, the importers) check what they are about to write with it, so a
    writer cannot write a note that `check` refuses."""
    named = _file_name_problems(stem, shown)
    slug = unicodedata.normalize("NFC", stem)
    if len(raw) > MAX_NOTE_BYTES:
        return None, named + [Problem(shown, 1, 1, "file", too_big(len(raw)), "too-big")]
    if named:  # the file's text is checked too: renaming it should not reveal a second round of problems
        try:
            note, problems = _read_text(slug, raw, shown, registry, guidance, html)
        except Exception:  # noqa: BLE001 - a name no note may have (not UTF-8, say): its own problem is enough
            note, problems = None, []
        if note is not None and suggest_slug(stem) == _NO_SLUG:
            # A name with no ASCII letter (`과정-보상.md`) was told "e.g. 'my-note'": the title's slug says more.
            named = _file_name_problems(stem, shown, _title_slug(note))
        return None, sorted(named + problems)
    return _read_text(slug, raw, shown, registry, guidance, html)


def _title_slug(note: Note) -> str:
    return slugify(note.title, id_slug(note.arxiv) if note.arxiv else _NO_SLUG)


def suggested_name(stem: str, raw: bytes | None, registry: TagRegistry) -> str:
    """The name a note file's error suggests for a name that is no note's (`Lets Verify.md`: its
    `suggest_slug`; one with no ASCII letter or digit, `상호-후생.md`, its title's slug when the note
    reads): where serve shows its draft page (a contributor QA pass found it at notes/my-note/, the
    error naming another)."""
    name = suggest_slug(stem)
    if name != _NO_SLUG or raw is None:
        return name
    try:
        note, _ = _read_text(name, raw, stem, registry, None, None)
    except Exception:  # noqa: BLE001 - a text no note may have: the plain suggestion
        return name
    return _title_slug(note) if note is not None else name


def _read_text(slug: str, raw: bytes, shown: str, registry: TagRegistry,
               guidance: Guidance | None, html: HtmlCache | None) -> tuple[Note | None, list[Problem]]:
    """`read_note_file` once the name and size are checked: the encoding, the note and leftover template text."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = byte_position(raw, exc.start)
        saved = encoding_of(raw)[1] or "in another encoding, e.g. Latin-1"
        return None, [Problem(shown, line, column, "file", f"the file is not valid UTF-8 (the byte 0x{raw[exc.start]:02X} here: "
                              f"it was saved {saved}); save it as UTF-8", "encoding")]
    note, problems = parse_note(text, slug=slug, source=shown, tags=registry, html=html)
    leftovers = find_template_text(text, shown, guidance) if guidance is not None else []
    if leftovers:
        # The placeholder tag is reported as template text, not as a tag to add to tags.yml.
        spots = {(p.line, p.column) for p in leftovers}
        problems = [p for p in problems if not (p.rule == "unknown-tag" and (p.line, p.column) in spots)]
        return None, sorted(problems + leftovers)
    return note, problems


def _file_name_problems(stem: str, shown: str, titled: str | None = None) -> list[Problem]:
    """The problems of a note's file name; `titled`: a name from the note's title, offered for a
    name `suggest_slug` keeps nothing of."""
    def example() -> str:  # only for a name with a problem: most are fine
        return f"{titled!r}, from the title" if titled is not None else repr(suggest_slug(stem))

    if any("\udc80" <= c <= "\udcff" for c in stem):  # a byte that is not UTF-8, as os.fsdecode reads it
        return [Problem(shown, 1, 1, "file name", f"the file name is not valid UTF-8 (e.g. Latin-1); rename it "
                        f"(e.g. {example()})", "encoding")]
    slug = unicodedata.normalize("NFC", stem)
    hidden = find_invisible(slug)
    if hidden is not None:
        return [Problem(shown, 1, 1, "file name", f"the file name {invisible_message(slug, hidden)}", "invisible-character")]
    if slug in RESERVED_SLUGS:
        return [Problem(shown, 1, 1, "file name", f"the file name {slug!r} is reserved: {RESERVED_SLUGS[slug]}; rename the note", "reserved-slug")]
    if len(stem.encode("utf-8")) > MAX_NOTE_FILE_BYTES:
        return [Problem(shown, 1, 1, "file name", f"the file name is {len(stem.encode('utf-8'))} bytes long without `.md`; "
                        f"the site's files named after it (its page folder notes/<name>/, its Markdown copy notes/<name>.md) "
                        f"allow {MAX_NOTE_FILE_BYTES}: shorten it "
                        f"(e.g. {suggest_slug(stem)[:80]!r})", "long-slug")]
    if slug.endswith(".md") and NOTE_SLUG.match(slug[:-3]):
        return [Problem(shown, 1, 1, "file name", f"the file name {stem!r} ends in '.md': its page folder notes/{slug}/ would "
                        f"be the path of the Markdown copy of a note {slug[:-3]!r}; rename it (e.g. {example()})", "bad-slug")]
    if not NOTE_SLUG.match(slug):
        return [Problem(shown, 1, 1, "file name",
                        f"the file name {stem!r} is the note's URL: use lowercase ASCII letters, digits, '-' and '.' "
                        f"(e.g. {example()})", "bad-slug")]
    return []


def slug_key(stem: str) -> str:
    """What two file names must not share: their stems ignoring case and Unicode normalisation."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFC", stem).casefold())


def _slug_problems(files: list[Path], root: Path) -> list[Problem]:
    """Two files whose names give one note URL, compared over every `.md` file (valid or not)
    so that a clash is reported with its broken half too; each file names the others."""
    groups: dict[str, list[Path]] = {}
    for path in files:
        if path.suffix == ".md" and not path.is_symlink():
            groups.setdefault(slug_key(path.stem), []).append(path)
    found = []
    for members in groups.values():
        for path in members if len(members) > 1 else ():
            others = ", ".join(display_path(m, root) for m in members if m is not path)
            found.append(Problem(display_path(path, root), 1, 1, "file name",
                                 f"the slug {unicodedata.normalize('NFC', path.stem)!r} is also used by {others} "
                                 f"(slugs are compared ignoring case and Unicode normalisation); rename one of them", "duplicate-slug"))
    return found


def _held_back(notes: list[Note], root: Path) -> set[str]:
    """The notes (by source) not published because an older note has their URL or their paper:
    every note of a clash but the one that was there first: not a draft (a draft is not
    published, so it must not hide the page of the note it clashes with), then the file written
    first, then the earlier `date:`, then the file's name. The clash is an error in each of
    their files (`_slug_problems`, `_identity_problems`), so no build publishes any of them, but
    under serve the note that was there keeps its page: a new note written about its paper, or
    under its file name, unpublished it (its page turned into a draft, its links went), and so
    did a draft, or a newcomer dated earlier."""
    def first(note: Note) -> tuple[bool, float, dt.date, str]:
        try:
            written = (root / note.source).stat().st_mtime
        except OSError:
            written = float("inf")
        return (note.draft, written, note.date, note.source)

    by_slug: dict[str, list[Note]] = {}
    for note in notes:
        by_slug.setdefault(slug_key(note.slug), []).append(note)
    held: set[str] = set()
    for members in (*by_slug.values(), *_by_paper(notes).values()):
        if len(members) > 1:
            held.update(n.source for n in sorted(members, key=first)[1:])
    return held


def _by_paper(notes: list[Note]) -> dict[str, list[Note]]:
    """The notes by the paper they are about (`paper_identity`), for those that name one."""
    groups: dict[str, list[Note]] = {}
    for note in notes:
        identity = paper_identity(note.arxiv, note.url)
        if identity:
            groups.setdefault(identity, []).append(note)
    return groups


def _identity_problems(notes: list[Note], root: Path, pending: Mapping[Path, str]) -> list[Problem]:
    """Two notes may not be about one paper (one arXiv id, in `arxiv:` or an arXiv `url:`, any
    version); each is told about the other, and only the oldest is published (`_held_back`)."""
    found = []
    for value, members in _by_paper(notes).items():
        for note in members if len(members) > 1 else ():
            others = ", ".join(m.source for m in members if m is not note)
            found.append(_paper_clash(root / note.source, note.source, value, others, pending))
    return found


def _lineage_circles(notes: list[Note], root: Path, pending: Mapping[Path, str]) -> list[Problem]:
    """Notes whose `builds_on:` go round in a circle (A builds on B, and B on A, or through others):
    one of them is wrong, since a paper builds on earlier work; each note of the circle is told
    at its id that leads on round it, with the next note's file. A notice (it fails neither the
    check nor the strict build: papers revised later do cite each other; a QA pass saw both pages
    say "Builds on" and "Built upon by" the other). Circles are the strongly connected
    components of the published notes' `builds_on:` graph (Tarjan's, iterative: one pass)."""
    by_id: dict[str, Note] = {}
    for note in notes:
        identity = None if note.draft else paper_arxiv_id(note.arxiv, note.url)
        if identity:
            by_id.setdefault(identity, note)
    edges = {note.slug: [by_id[b] for b in note.builds_on if b in by_id and by_id[b] is not note] for note in by_id.values()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[Note] = []
    on_stack: set[str] = set()
    circles: list[list[Note]] = []
    for start in by_id.values():
        if start.slug in index:
            continue
        work = [(start, 0)]
        while work:
            note, i = work.pop()
            if i == 0:
                index[note.slug] = low[note.slug] = len(index)
                stack.append(note)
                on_stack.add(note.slug)
            nexts = edges[note.slug]
            if i < len(nexts):
                work.append((note, i + 1))
                other = nexts[i]
                if other.slug not in index:
                    work.append((other, 0))
                elif other.slug in on_stack:
                    low[note.slug] = min(low[note.slug], index[other.slug])
                continue
            if work and work[-1][0] is not note:
                parent = work[-1][0]
                low[parent.slug] = min(low[parent.slug], low[note.slug])
            if low[note.slug] == index[note.slug]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member.slug)
                    members.append(member)
                    if member is note:
                        break
                if len(members) > 1:
                    circles.append(members)
    found = []
    for members in circles:
        inside = {m.slug for m in members}
        for note in members:
            for written in note.builds_on:
                other = by_id.get(written)
                if other is None or other.slug not in inside or other is note:
                    continue
                line, column = _value_position(root / note.source, written, pending, "builds_on", at_quote=True)
                more = len(members) - 2
                others = "1 other note's" if more == 1 else f"{more} other notes'"
                how = ("builds on this paper too (its `builds_on:` names it)" if not more else
                       f"leads back to this paper: its `builds_on:` and {others} go round in a circle")
                found.append(Problem(note.source, line, column, "builds_on",
                                     f"{written!r} ({other.source}) {how}; a paper builds on earlier work: take the id out "
                                     "of the note about the later paper (`compares_with:` names a paper measured against)",
                                     "lineage-circle", "notice"))
                break
    return found


def _paper_clash(path: Path, source: str, value: str, others: str, pending: Mapping[Path, str]) -> Problem:
    """"Also has a note in `others`", at the note's `arxiv:` (as written), else its `url:` (the id
    may come from an arXiv link: source/note.py)."""
    field = "arxiv"
    line, column = _key_position(path, field, pending)
    if (line, column) == (1, 1):
        field = "url"
        line, column = _key_position(path, field, pending)
    return Problem(source, line, column, field, f"{value} also has a note in {others}; keep one note per paper", "duplicate-paper")


def _unloaded_identity_problems(loaded: list[Note], texts: dict[Path, str | None], told: list[Path], root: Path,
                                pending: Mapping[Path, str]) -> list[Problem]:
    """A note file that fails to load (`texts`: each one's text, `_text_of`) about a paper that
    another note file is about: told now (each of `told`), so that fixing its fields does not
    reveal a second problem. The paper is read from its `arxiv:` and `url:` lines (`note.paper_of`)."""
    papers = {path: paper_of(text) if text is not None else None for path, text in texts.items()}
    by_paper = {value: [n.source for n in members] for value, members in _by_paper(loaded).items()}
    for path, value in papers.items():
        if value:
            by_paper.setdefault(value, []).append(display_path(path, root))
    found = []
    for path in told:
        value, own = papers.get(path), display_path(path, root)
        others = [source for source in by_paper.get(value, ()) if source != own] if value else []
        if others:
            found.append(_paper_clash(path, own, value, ", ".join(others), pending))
    return found


def _bodies(notes: list[Note], unloaded: dict[Path, str | None], root: Path) -> list[tuple[str, dict[str, str], bool]]:
    """The sections whose links the checks read: each published note's (source, texts by section
    key, False), then each note file's that does not load (`unloaded`: its text, `_text_of`),
    True: only the texts its validation rendered are read (one may run long: `HtmlCache.check`)."""
    bodies = [(n.source, {s.key: getattr(n, s.key) for s in SECTIONS}, False) for n in notes if not n.draft]
    for path, text in unloaded.items():
        texts = body_texts(text) if text is not None else None
        if texts:
            bodies.append((display_path(path, root), texts, True))
    return bodies


def _note_link_problems(notes: list[Note], unloaded: dict[Path, str | None], stems: set[str], root: Path, html: HtmlCache,
                        pending: Mapping[Path, str]) -> list[Problem]:
    """A relative link to a note that is not published (no note has that file name, or it is a
    draft) is a broken link on every page that shows the commentary: a warning at the link, so
    `mkdocs build --strict` stops on it (`markup_links` resolves the links to published notes).
    A link to a file that does not load (`stems`: every note file's name) is not reported: that
    file's own problems are, and fixing them mends the link. The links of a note file that does
    not load (`unloaded`: its text, `_text_of`) are checked too, so that fixing its fields reveals
    no second round."""
    published = {n.slug for n in notes if not n.draft}
    drafts = {n.slug for n in notes if n.draft}
    nearest: dict[str, str] = {}
    found = []
    for source, texts, rendered_only in _bodies(notes, unloaded, root):
        for section in SECTIONS:
            for href, slug in html.note_links(texts.get(section.key, ""), rendered_only=rendered_only):
                if slug in published or (slug in stems and slug not in drafts):
                    continue
                near = "" if slug in drafts else _nearest_note(slug, published, nearest)
                why = ("is a draft (`draft: true`), which is not published" if slug in drafts
                       else "is no note (no data/notes/**/" + slug + ".md" + (f"; did you mean {near!r}?" if near else "") + ")")
                line, column = _section_text_position(root / source, section.heading, href, pending)
                found.append(Problem(source, line, column, f"## {section.heading}",
                                     f"the link to {href!r} leads nowhere: {slug!r} {why}; link a published "
                                     "note, or write the paper's arXiv id (it links to arXiv until the paper has a note)",
                                     "unknown-note-link", "warning"))
    return found


NEAREST_LOOKUPS = 20
"""Link targets that are no note the checker looks for a near name for (`_nearest_note`), per load:
each compares the name with every note's (~0.05 s at 10,000 notes), and a file of 1,000 broken
links would wait minutes."""


def _nearest_note(slug: str, published: set[str], nearest: dict[str, str]) -> str:
    """The published note a link to `slug`, which is no note, most likely meant: the same name in
    other letter case (`QA-Alpha`), the name with a part added or taken off (a renamed file:
    `qa-alpha` -> `qa-alpha-renamed`), else a close spelling; "" when none is near or after
    `NEAREST_LOOKUPS` names (`nearest`: the names looked up so far, and what was found)."""
    if slug in nearest or len(nearest) >= NEAREST_LOOKUPS:
        return nearest.get(slug, "")
    folded = slug.casefold()
    found = next((s for s in published if s.casefold() == folded), None)
    if found is None:
        grown = sorted(s for s in published if s.startswith(folded + "-") or folded.startswith(s + "-"))
        found = min(grown, key=lambda s: (abs(len(s) - len(folded)), s)) if grown else None
    if found is None:
        close = difflib.get_close_matches(folded, published, n=1, cutoff=0.8)
        found = close[0] if close else None
    nearest[slug] = found or ""
    return nearest[slug]


SITE_SECTIONS = frozenset({"", "tags", "archive", "browse", "stats", "authors", "labs", "wanted", "list", "notes",
                           "previews", "search", "reading-list", "feed.xml", "notes.json", "llms.txt", "papernotes.bib",
                           "sitemap.xml", "sitemap.xml.gz", "404.html", "index.html"})
"""The first part of every path the site's generated pages and files take (`catalog.urls`)."""


def _site_link_problems(notes: list[Note], unloaded: dict[Path, str | None], registry: TagRegistry, root: Path,
                        html: HtmlCache, party_pages: Callable[[], PartyPages | None], pending: Mapping[Path, str]) -> list[Problem]:
    """A relative link from a note to a page of the site that is no note and does not exist: a
    tag the registry has not (`../../tags/no-such-tag/`), a date page no note has, an author or
    lab without a page (`party_pages`, worked out only when a note links to one), or a path that
    is no generated page and no file of docs/ (`../../nothing/`); and an image that is no file
    of the site. A warning at the link, as a link to a missing note is; all passed the checker
    and the strict build, and readers met a 404. The links of a note file that does not load
    (`unloaded`, as `_note_link_problems`) are checked too: fixing its fields reveals no second round."""
    published = [n for n in notes if not n.draft]
    tags = set(registry.lookup) | set(registry.lookup.values())
    dated = {part for n in published for part in ((f"{n.date:%Y}",), (f"{n.date:%Y}", f"{n.date:%m}"),
                                                   (f"{n.date:%Y}", f"{n.date:%m}", f"{n.date:%d}"))}
    found = []
    for source, texts, rendered_only in _bodies(notes, unloaded, root):
        for section in SECTIONS:
            seen: dict[str, int] = {}
            for href in html.site_links(texts.get(section.key, ""), rendered_only=rendered_only):
                nth = seen[href] = seen.get(href, -1) + 1
                if href.startswith("!"):
                    src = href[1:]
                    if _site_file(site_path(src) or "", root / "docs"):
                        continue
                    message = (f"the image {src!r} is no file of the site, so readers see a broken image: a note holds "
                               "no files; show a figure of docs/ by its path from the note's page (`../../assets/…`), "
                               "or link the figure where it is published: `[Figure 2](https://arxiv.org/html/…)`")
                    rule, href = "unknown-site-image", src
                else:
                    why = _site_link_problem(site_path(href) or "", tags, dated, root / "docs", registry.file, party_pages)
                    if why is None:
                        continue
                    message, rule = f"the link to {href!r} leads nowhere: {why}", "unknown-site-link"
                line, column = _section_text_position(root / source, section.heading, href, pending, nth)
                found.append(Problem(source, line, column, f"## {section.heading}", message, rule, "warning"))
    return found


def _site_file(resolved: str, docs: Path) -> bool:
    """Whether the site's path `resolved` is a file of docs/ (an image a page may show)."""
    parts = [p for p in resolved.split("/") if p not in ("", ".")]
    return bool(parts) and ".." not in parts and (docs.joinpath(*parts)).is_file()


def _site_link_problem(resolved: str, tags: set[str], dated: set[tuple[str, ...]], docs: Path, tags_file: str,
                       party_pages: Callable[[], PartyPages | None]) -> str | None:
    """Why the site's path `resolved` (`markup_links.site_path`) is no page, or None when it is one."""
    parts = [p for p in resolved.split("/") if p not in ("", ".")]
    if parts[:1] == [".."]:
        return "it leads above the site's root"
    if parts[:1] in (["authors"], ["labs"]) and len(parts) >= 2 and parts[1] not in ("index.html", "_"):
        pages = party_pages()
        if pages is not None and parts[0] == "authors" and parts[1] not in pages.authors:
            return (f"no author has the page {parts[1]!r}: an author has one once {pages.min_notes} notes name them "
                    "(mkdocs.yml's author_page_min_notes) or data/authors.yml has an entry for them")
        if pages is not None and parts[0] == "labs" and parts[1] not in pages.labs:
            return f"no lab has the page {parts[1]!r}: a lab has one once a note names it in `org:`"
    if parts[:1] == ["tags"] and len(parts) >= 2 and parts[1] != "index.html" and parts[1].removesuffix(".md") not in tags:
        return f"there is no tag {parts[1].removesuffix('.md')!r} in {tags_file}"
    if parts[:1] == ["archive"] and len(parts) >= 2 and parts[1].isdigit() and tuple(parts[1:4]) not in dated:
        return f"no note is dated {'-'.join(parts[1:4])}, so it has no page"
    if parts[:1] == ["notes"] and len(parts) >= 3 and parts[2:] != ["index.html"]:
        # Nothing lies below a note's page: `[site](evil.example/x)`, an address without its
        # `https://`, was read from the note's page as `notes/<slug>/evil.example/x`.
        return "no page of the site is there (a web address needs its `https://`)" if "." in parts[2] else "no page of the site is there"
    if not parts or parts[0] in SITE_SECTIONS or any(
            (docs / p).exists() for p in (resolved, resolved + ".md", resolved.removesuffix(".html") + ".md")):
        return None
    return "no page of the site is there"


class PartyPages(NamedTuple):
    """The URL parts of the author and lab pages a build makes (`catalog.people`), and the setting
    that gives an author a page."""

    authors: set[str]
    labs: set[str]
    min_notes: int
    author_names: set[str]
    """The `match_key` of every name an author page gathers (the notes' spellings, its entry's names)."""


def _pages_of(notes: list[Note], authors: AuthorsFile,
              party_pages: Callable[[tuple[Note, ...], AuthorsFile], PartyPages] | None) -> Callable[[], PartyPages | None]:
    """`party_pages` of the published notes, newest first (as the build plans them), worked out
    once and only when asked (when a note links to an author or lab page, or `data/authors.yml` chooses
    a slug: `authors.slug_clashes`); None without it."""
    if party_pages is None:
        return lambda: None
    # Sorted only when asked: most builds have no such link, and every serve rebuild loads the notes.
    return functools.cache(lambda: party_pages(tuple(sorted((n for n in notes if not n.draft),
                                                            key=lambda n: (-n.date.toordinal(), n.slug))), authors))

def _text_of(path: Path) -> str | None:
    """The text of a note file that failed to load, read again for what it still says (its links,
    its paper), or None when it cannot be read as a note's text (a link, not .md, too big, not UTF-8)."""
    try:
        if path.is_symlink() or path.suffix != ".md" or path.stat().st_size > MAX_NOTE_BYTES:
            return None
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _file_text(path: Path, pending: Mapping[Path, str], encoding: str = "utf-8") -> str:
    """A note file's text: a pending one's (`load_site`'s `pending`, not on disk yet), else the file's."""
    return pending[path] if path in pending else path.read_text(encoding=encoding)


def _section_text_position(path: Path, heading: str, text: str, pending: Mapping[Path, str], nth: int = 0) -> tuple[int, int]:
    """Line and column of `text`, a link's or an image's target, in the body section `## heading`
    (else the heading's line): where it is written as a target (`](x`, `src="x"`, `href=x`, …)
    first, anywhere in the section's text only then (a target `x` is no first letter x of a word).
    `nth`: the section's nth link to the same target (from 0): two images of one address were both
    placed on the first one's line."""
    lines = normalise_text(_file_text(path, pending)).split("\n")  # as parse_note counts them
    start = next((n for n, line in enumerate(lines) if (heading_text(line) or "").lower() == heading.lower()), None)
    if start is None:
        return 1, 1
    end = next((n for n in range(start + 1, len(lines)) if heading_text(lines[n]) is not None), len(lines))
    for before in ("](", "](<", 'src="', "src='", "src=", 'href="', "href='", "href=", "]: ", "]:", "<", ""):
        found = [(number + 1, at.start() + len(before) + 1) for number in range(start + 1, end)
                 for at in re.finditer(re.escape(before + text), lines[number])]
        if found:
            return found[min(nth, len(found) - 1)]
    return start + 1, 1


def _key_position(path: Path, key: str, pending: Mapping[Path, str]) -> tuple[int, int]:
    """Line and column of `key:`'s value in a valid note's front matter (1, 1 if not found).

    Notes do not carry positions, and only clashing notes need one, so the file is read again.
    """
    front = split_front_matter(normalise_text(_file_text(path, pending)).split("\n"))  # lines as parse_note counts them
    if isinstance(front, FrontMatter):
        for number, line in enumerate(front.yaml_lines, start=2):
            match = re.match(rf"{key}\s*:\s*", line)
            if match:
                return number, match.end() + 1
    return 1, 1


def _value_position(path: Path, value: str, pending: Mapping[Path, str], key: str = "authors",
                    at_quote: bool = False) -> tuple[int, int]:
    """Line and column of a front-matter line holding `value` (an author's name, an id under
    `builds_on:`), else of `key:`. The search starts at `key:`, so a title that holds the name is
    not taken for it. `at_quote`: the column of a quoted value's opening quote, as an item's own
    errors give it."""
    start = _key_position(path, key, pending)
    front = split_front_matter(_file_text(path, pending, "utf-8-sig").splitlines())
    if isinstance(front, FrontMatter):
        for number, line in enumerate(front.yaml_lines, start=2):
            line = unicodedata.normalize("NFC", line)
            at = line.find(value)
            if at >= 0 and number >= start[0]:
                return number, at if at_quote and line[at - 1:at] in ("'", '"') else at + 1
    return start


def _other_file(problem: Problem) -> str:
    """The other note a lookalike notice names (`... in data/notes/x.md:4 ...`)."""
    found = re.search(r" in (\S+\.md):\d+ ", problem.message)
    return found.group(1) if found else problem.path


def suggest_slug(stem: str) -> str:
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9.]+|\.\.+", "-", re.sub(r"(?:\.md)+$", "", ascii_stem)).strip("-.") or _NO_SLUG


_NO_SLUG = "my-note"
"""`suggest_slug` of a name with no ASCII letter or digit to keep."""
