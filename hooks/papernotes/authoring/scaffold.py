"""`papernotes new <arXiv id or URL>`: write a new note filled from the arXiv API.

The note gets the paper's title, authors, abstract and v1 date, today's date, the placeholder
tag and the template's guidance in the commentary sections. `papernotes check` rejects the
placeholder and the guidance until the contributor replaces them, so nothing half-written
can be published. Offline, `--title`/`--author` (and optionally `--abstract`, `--published`)
scaffold the note without the API.

The lineage fields (`builds_on:`, `compares_with:`) and the optional `code:` and `org:` (the
guide's step 3) cannot be filled from arXiv, so the note gets the template's own commented lines
for them (`# builds_on: [...]  # ...`), when the template has them, just before the closing `---`: the writer sees the fields where they go, and a YAML comment
changes nothing `check` reads.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shlex
import shutil
import sys
from pathlib import Path

from papernotes.authoring.sources.arxiv import TIMEOUT, ArxivError, Paper, fetch_paper
from papernotes.schema import FENCE, LINEAGE_FIELDS, FrontMatter, id_slug, read_arxiv_id, slugify, split_front_matter
from papernotes.model import NoteDraft, Problem
from papernotes.source.tree import display_path
from papernotes.source.tags import load_tag_registry
from papernotes.source.guidance import PLACEHOLDER_TAG, normalise_text, read_guidance
from papernotes.authoring.notefile import ExistingNotes, check_text, date_argument, render_note
from papernotes.report import count, format_problems


def program() -> str:
    """How to run papernotes again, as the writer ran it: `papernotes` when that is on the PATH,
    else the path they typed (`.venv/bin/papernotes`, as the README and the guide do). A hint
    reading "run: papernotes check" answered "command not found" to a writer following them."""
    script = os.path.abspath(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    if os.path.basename(script) != "papernotes":
        return "papernotes"  # not the command (a test calling main())
    on_path = shutil.which("papernotes")
    if on_path and os.path.abspath(on_path) == script:
        return "papernotes"
    relative = os.path.relpath(script)
    return shlex.quote(script if relative.startswith("..") else relative)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paper", help="arXiv id (2504.06141) or URL (https://arxiv.org/abs/2504.06141v1)")
    parser.add_argument("--date", type=date_argument, help="the note's date, YYYY-MM-DD (default: today)")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help=f"seconds to wait for arXiv (default {TIMEOUT:g})")
    offline = parser.add_argument_group("without the arXiv API (offline)", "give at least --title and --author")
    offline.add_argument("--title", help="the paper's title; skips the arXiv API")
    offline.add_argument("--author", action="append", default=[], help="an author name (repeat for each author)")
    offline.add_argument("--abstract", default="", help="the abstract")
    offline.add_argument("--published", type=date_argument, help="the paper's v1 date, YYYY-MM-DD")


def run_new(args: argparse.Namespace, root: Path) -> int:
    try:
        arxiv_id = read_arxiv_id(args.paper)
    except ValueError as err:
        print(f"papernotes new: {err}", file=sys.stderr)
        return 2
    notes_dir = root / "data" / "notes"
    existing = ExistingNotes.scan(notes_dir, root)
    for line in format_problems(existing.problems):  # a broken note is reported, and costs this one nothing
        print(line, file=sys.stderr)
    noted = existing.noted(arxiv_id) if arxiv_id else None
    if noted is not None:
        print(f"papernotes new: arXiv {arxiv_id} already has a note: {display_path(noted, root)}; "
              f"edit that file instead", file=sys.stderr)
        return 1
    if args.title or args.author:
        if not (args.title and args.author):
            print("papernotes new: scaffolding without the API needs both --title and --author", file=sys.stderr)
            return 2
        paper = Paper(arxiv_id, " ".join(args.title.split()), tuple(args.author), args.abstract.strip(), args.published)
    else:
        try:
            paper = fetch_paper(arxiv_id, timeout=args.timeout)
        except ArxivError as err:
            print(f"papernotes new: {err}", file=sys.stderr)
            print("You can scaffold the note from the paper's details instead, e.g.:\n"
                  f"  {program()} new {arxiv_id} --title {shlex.quote('Paper title')} --author {shlex.quote('First Author')} "
                  f"--author {shlex.quote('Second Author')} [--published YYYY-MM-DD] [--abstract TEXT]", file=sys.stderr)
            return 1
    same_title = existing.find(None, paper.title)
    if same_title is not None:
        print(f"papernotes new: {display_path(same_title, root)} already has a note titled {paper.title!r}; "
              f"edit that file instead", file=sys.stderr)
        return 1
    try:
        path, notices = write_scaffold(root, paper, args.date or dt.date.today(), existing)
    except ScaffoldRefused as refused:
        for problem in refused.problems:
            print(problem.format(), file=sys.stderr)
        print("papernotes new: the note would not pass `papernotes check` for the reasons above (besides the "
              "template text you replace), so it was not written", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"papernotes new: cannot write the note: {err.strerror or err}", file=sys.stderr)
        return 1
    shown = display_path(path, root)
    for problem in notices:  # advice that fails nothing (a date after today), as `check` gives it
        print(problem.format(), file=sys.stderr)
    print(f"created {shown}")
    hints = suggest_tags(root, f"{paper.title} {paper.abstract}")
    # scaffolded offline without --abstract: the section is optional
    abstract = "" if paper.abstract else "paste the paper's abstract under ## Abstract (or delete that section), "
    print(f"next: replace the tag {PLACEHOLDER_TAG!r} (see data/tags.yml"
          + (f"; tags that may fit: {', '.join(hints)}" if hints else "") + f"), {abstract}write the 한국어 and English "
          f"commentary, then run: {program()} check {shown}")
    return 0


def suggest_tags(root: Path, text: str, limit: int = 5) -> list[str]:
    """Tags whose English label or slug words all occur in `text` (a hint, never written for you)."""
    registry, _ = load_tag_registry(root / "data" / "tags.yml", "data/tags.yml")
    words = _stems(text)
    found = [tag.slug for tag in registry.tags if any(names and names <= words for names in (_stems(tag.en), _stems(tag.slug)))]
    return found[:limit]


def _stems(text: str) -> set[str]:
    # Crude plural folding is enough for a hint: "models" matches the label "Reward model".
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in re.findall(r"[a-z0-9]+", text.lower())}


class ScaffoldRefused(Exception):
    """The scaffold would fail `papernotes check` for more than its template text."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(count(len(problems), "problem"))
        self.problems = problems


def _meant(problem: Problem) -> bool:
    """What `check` refuses in a fresh scaffold on purpose, until the contributor writes the note:
    the template's guidance, the placeholder tag, the commentary not written yet."""
    return problem.rule in ("template-text", "no-commentary") or (problem.rule == "unknown-tag" and PLACEHOLDER_TAG in problem.message)


_COMMENTED_FIELD = re.compile(r"^#[ \t]*([a-z_]+)[ \t]*:")


def commented_fields(template: Path, names: tuple[str, ...] = LINEAGE_FIELDS) -> list[str]:
    """The template's commented front-matter lines for `names` (`# builds_on: [...]  # ...`), as
    written there; none when the template is missing, unreadable or has no such line. Read as
    text only (never parsed as YAML), so a hostile template cannot expand."""
    try:
        text = template.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []
    split = split_front_matter(normalise_text(text).split("\n"))
    if not isinstance(split, FrontMatter):
        return []
    return [line.rstrip() for line in split.yaml_lines
            if (m := _COMMENTED_FIELD.match(line)) and m.group(1) in names and len(line) <= 200]


def with_front_matter_lines(text: str, lines: list[str]) -> str:
    """`text` (a rendered note) with `lines` added at the end of its front matter."""
    if not lines:
        return text
    all_lines = text.split("\n")
    closing = all_lines.index(FENCE, 1)
    return "\n".join(all_lines[:closing] + lines + all_lines[closing:])


def write_scaffold(root: Path, paper: Paper, today: dt.date, existing: ExistingNotes) -> tuple[Path, list[Problem]]:
    """Write the new note and return its path and the checker's notices about it (advice that
    fails nothing: a date after today); never overwrites a file.

    The text is checked like `papernotes check` checks a note (`notefile.check_text`); only the
    template's guidance and placeholder tag may fail it, as they are there to be replaced.
    Raises `ScaffoldRefused` with the other problems otherwise (a notice refused the note, which
    `check` then passed)."""
    template = read_guidance(root / "data" / "note-template.md")
    guidance = template.sections
    text = render_note(NoteDraft(
        title=paper.title, authors=paper.authors, date=today, tags=(PLACEHOLDER_TAG,), arxiv=paper.arxiv,
        published=paper.published, abstract=paper.abstract or guidance.get("abstract", ""),
        ko=guidance.get("ko", ""), en=guidance.get("en", "")))
    # The optional fields the guide's step 3 names and the lineage: as the template comments them.
    text = with_front_matter_lines(text, commented_fields(root / "data" / "note-template.md", ("code", "org", *LINEAGE_FIELDS)))
    path = existing.free_path(root / "data" / "notes", today, slugify(paper.title, id_slug(paper.arxiv)))
    registry, _ = load_tag_registry(root / "data" / "tags.yml", "data/tags.yml")
    problems = check_text(text, slug=path.stem, source=display_path(path, root), registry=registry, guidance=template)
    notices = [p for p in problems if p.severity == "notice"]
    refused = [p for p in problems if not _meant(p) and p.severity != "notice"]
    if refused:
        raise ScaffoldRefused(refused)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": fail rather than overwrite
        handle.write(text)
    return path, notices
