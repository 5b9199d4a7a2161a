"""`papernotes post YYYY-MM-DD`: print a day's notes as a daily bilingual post.

The output is the format `papernotes import-post` (also `import-feed`) reads back; both sides
are `outputs/daily_post.py`. Whoever keeps notes here writes the daily digest once. `--lang ko|en` keeps one commentary and
`--no-abstract` leaves the abstracts out; those shorter posts are for reading, not importing.
Exit codes: 0 printed, 1 nothing to print (no notes that day, drafts only, a broken note that
may be of that day), 2 bad usage (a date that is not a date).

A broken note stops the post only when it may be of that day: dated so, or with no `date:` line
to read. Errors elsewhere (a note of another day, `data/authors.yml`) are counted after the post;
an error in `data/tags.yml` stops it, as every note's hashtags are read through that file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from papernotes.outputs.daily_post import LANGS, CarryProblem, PostOptions, day_post, round_trip_problems
from papernotes.model import Note, Problem
from papernotes.catalog.index import build_index
from papernotes.schema import FrontMatter, split_front_matter
from papernotes.source.guidance import normalise_text
from papernotes.source.note import sections_of
from papernotes.source.tree import LoadResult, display_path, load_site
from papernotes.report import count

_DATE_LINE = re.compile(r"""^date[ \t]*:[ \t]*(["']?)([0-9]{4}-[0-9]{2}-[0-9]{2})\1[ \t]*(?:#.*)?$""")
"""A top-level `date:` line holding a bare or quoted YYYY-MM-DD (a comment may follow)."""
_DRAFT_LINE = re.compile(r"draft[ \t]*:[ \t]*(?:true|True|TRUE|yes)[ \t]*(?:#.*)?")
"""A top-level `draft: true` line."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("date", help="the day to post, as YYYY-MM-DD")
    parser.add_argument("--lang", choices=LANGS, help="only this language's commentary (default: both)")
    parser.add_argument("--no-abstract", dest="abstracts", action="store_false", help="leave the abstracts out")


def run(args: argparse.Namespace, root: Path) -> int:
    try:
        day = dt.date.fromisoformat(args.date)
    except ValueError:
        print(f"papernotes post: {args.date!r} is not a date; write the day as YYYY-MM-DD, e.g. 2025-04-09",
              file=sys.stderr)
        return 2
    result = load_site(root, "data")
    stopping, why, elsewhere = _errors_about(day, result, root)
    if stopping:
        for problem in stopping:
            print(problem.format(), file=sys.stderr)
        files = ", ".join(f"{path} ({reason})" for path, reason in why.items())
        print(f"papernotes post: {count(len(stopping), 'error')} in {files}; fix them first "
              f"(see `papernotes check`), as a broken note of {day} would be missing from the post", file=sys.stderr)
        return 1
    drafts = [n for n in result.drafts if n.date == day]
    index = build_index(result.notes, result.tags)
    notes = index.by_day.get(day, ())
    if not notes:
        if drafts:
            print(f"papernotes post: {day} has only draft notes ({len(drafts)}): {', '.join(n.source for n in drafts)}; "
                  f"drafts are not published, so they are not posted (remove `draft: true` to publish them)",
                  file=sys.stderr)
        else:
            print(f"papernotes post: no notes on {day}{_nearest(index.days, day)}", file=sys.stderr)
        return 1
    options = PostOptions(lang=args.lang, abstracts=args.abstracts)
    sys.stdout.write(day_post(day, notes, options))
    if drafts:
        print(f"papernotes post: {count(len(drafts), 'draft')} of {day} left out: {', '.join(n.source for n in drafts)}",
              file=sys.stderr)
    if options.importable:
        for note in notes:
            for problem in round_trip_problems(note):
                print(f"{note.source}:{_line_of(root, note, problem)}: warning: {problem.field}: {problem.message} "
                      f"(import-post would not read it back as written)", file=sys.stderr)
    if elsewhere:
        files = sorted({p.path for p in elsewhere})
        print(f"papernotes post: {count(len(elsewhere), 'error')} in {count(len(files), 'other file')} ({', '.join(files)}), none a note "
              f"of {day}; the post is whole, but fix them too (see `papernotes check`)", file=sys.stderr)
    return 0


def _errors_about(day: dt.date, result: LoadResult, root: Path) -> tuple[list[Problem], dict[str, str], list[Problem]]:
    """The errors that may leave a note of `day` out of its post, their files with why (a note
    dated `day`, or one whose date cannot be read; the tags file), and the other errors."""
    notes_shown = display_path(root / "data" / "notes", root) + "/"
    written: dict[str, tuple[dt.date | None, bool]] = {}
    stopping: list[Problem] = []
    why: dict[str, str] = {}
    elsewhere: list[Problem] = []
    for problem in result.errors:
        reason = None
        if problem.path == result.tags.file:
            reason = "every note's hashtags are read through it"
        elif problem.path.startswith(notes_shown) and problem.path.endswith(".md"):  # another file is no note of any day
            if problem.path not in written:
                written[problem.path] = _written(root / problem.path)
            when, draft = written[problem.path]
            if not draft:  # a draft is in no post
                reason = "its date cannot be read" if when is None else f"dated {day}" if when == day else None
        if reason is None:
            elsewhere.append(problem)
        else:
            stopping.append(problem)
            why[problem.path] = reason
    return stopping, why, elsewhere


def _written(path: Path) -> tuple[dt.date | None, bool]:
    """The day a note file's front matter says and whether it says `draft: true`, read line by
    line so that a note whose YAML or other fields fail still tells them; the day is None when
    the file has no one `date:` line holding a real date."""
    try:
        split = split_front_matter(normalise_text(path.read_bytes().decode("utf-8")).split("\n"))
    except (OSError, UnicodeDecodeError):
        return None, False
    if not isinstance(split, FrontMatter):
        return None, False
    draft = any(_DRAFT_LINE.fullmatch(line.rstrip()) for line in split.yaml_lines)
    written = [line for line in split.yaml_lines if re.match(r"date[ \t]*:", line)]
    found = _DATE_LINE.match(written[0].rstrip()) if len(written) == 1 else None
    try:
        return (dt.date.fromisoformat(found.group(2)) if found else None), draft
    except ValueError:  # 2025-02-30
        return None, draft


def _nearest(days: tuple[dt.date, ...], day: dt.date) -> str:
    before = max((d for d in days if d < day), default=None)
    after = min((d for d in days if d > day), default=None)
    if before is None and after is None:
        return " (there are no published notes yet)"
    parts = ([f"{before} before it"] if before else []) + ([f"{after} after it"] if after else [])
    return "; the nearest days with notes are " + " and ".join(parts)


def _line_of(root: Path, note: Note, problem: CarryProblem) -> int:
    """The line of the note file where the problem's snippet starts, looked for in its own section
    (`arXiv:…` under both `## 한국어` and `## English` is two lines); 1, the file's, when it cannot
    be found (a missing section has no line; `:0:` is no line an editor opens)."""
    snippet = problem.snippet.strip()[:60]
    if not snippet:
        return 1
    try:
        text = (root / note.source).read_text(encoding="utf-8")
    except OSError:
        return 1
    section = sections_of(text).get(problem.section) if problem.section else None
    if section is not None and (found := section.text.find(snippet)) >= 0:
        return section.first + section.text.count("\n", 0, found)
    text = normalise_text(text)
    found = text.find(snippet)
    return text.count("\n", 0, found) + 1 if found >= 0 else 1
