"""`papernotes post YYYY-MM-DD`: print a day's notes as a daily bilingual post.

The output is the format `papernotes import-post` (also `import-feed`) reads back; both sides
are `outputs/daily_post.py`. Whoever keeps notes here writes the daily digest once. `--lang ko|en` keeps one commentary and
`--no-abstract` leaves the abstracts out; those shorter posts are for reading, not importing.
Exit codes: 0 printed, 1 nothing to print (no notes that day, drafts only, broken notes),
2 bad usage (a date that is not a date).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from papernotes.outputs.daily_post import LANGS, PostOptions, day_post, round_trip_problems
from papernotes.model import Note
from papernotes.catalog.index import build_index
from papernotes.source.tree import load_site


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
    if result.errors:
        for problem in result.errors:
            print(problem.format(), file=sys.stderr)
        print(f"papernotes post: {len(result.errors)} error(s) in the notes; fix them first (see `papernotes check`), "
              f"as a broken note of {day} would be missing from the post", file=sys.stderr)
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
        print(f"papernotes post: {len(drafts)} draft(s) of {day} left out: {', '.join(n.source for n in drafts)}",
              file=sys.stderr)
    if options.importable:
        for note in notes:
            for problem in round_trip_problems(note):
                print(f"{note.source}:{_line_of(root, note, problem.snippet)}: warning: {problem.field}: {problem.message} "
                      f"(import-post would not read it back as written)", file=sys.stderr)
    return 0


def _nearest(days: tuple[dt.date, ...], day: dt.date) -> str:
    before = max((d for d in days if d < day), default=None)
    after = min((d for d in days if d > day), default=None)
    if before is None and after is None:
        return " (there are no published notes yet)"
    parts = ([f"{before} before it"] if before else []) + ([f"{after} after it"] if after else [])
    return "; the nearest days with notes are " + " and ".join(parts)


def _line_of(root: Path, note: Note, snippet: str) -> int:
    """The line of the note file where `snippet` starts (1, the file's, when it cannot be found:
    a missing section has no line; `:0:` is no line an editor opens)."""
    if not snippet:
        return 1
    try:
        text = (root / note.source).read_text(encoding="utf-8")
    except OSError:
        return 1
    found = text.find(snippet.strip()[:60])
    return text.count("\n", 0, found) + 1 if found >= 0 else 1
