"""`papernotes` command line.

- `papernotes check [FILES...] [--format text|github]` validates notes without building.
- `papernotes new <arXiv id or URL>` scaffolds a note from the arXiv API (see scaffold.py).
- `papernotes import-post FILE` (alias `import-feed`) / `papernotes import-hf FILE|--date D` import notes
  (see authoring/importers.py).
- `papernotes post YYYY-MM-DD [--lang ko|en] [--no-abstract]` prints a day's notes as a daily post
  (see cli/daily_post.py; the format, both ways, is outputs/daily_post.py).

Exit codes: 0 success, 1 errors or warnings found (`check`: whatever `mkdocs build --strict` fails)
or the command failed, 2 bad usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence

import yaml

from papernotes.authoring import importers

from papernotes.authoring import scaffold
from papernotes.source.tree import load_site, misplaced_note, note_files
from papernotes.source.yamlerrors import explain_syntax_error
from papernotes.cli import daily_post
from papernotes.catalog.people import project_party_pages
from papernotes.config import file_settings
from papernotes.report import FORMATS, count, format_problems


class NoProject(Exception):
    """No papernotes project where the command looked: said in one line, exit code 2."""


def is_project(folder: Path) -> bool:
    """Whether `folder` is a papernotes project: it holds `mkdocs.yml` or `data/tags.yml`."""
    return (folder / "mkdocs.yml").is_file() or (folder / "data" / "tags.yml").is_file()


def find_root(start: Path) -> Path | None:
    """The project root: the nearest folder (from `start` up) that `is_project`, or None."""
    return next((folder for folder in (start, *start.parents) if is_project(folder)), None)


def _listed(items: list[str], most: int = 5) -> str:
    """The first `most` of `items`, and how many more: a folder of thousands is no 19 kB line."""
    return ", ".join(items[:most]) + (f" and {len(items) - most} more" if len(items) > most else "")


def cmd_check(args: argparse.Namespace) -> int:
    given = [Path(f) for f in args.files]
    # Given files, the project is the one they live in, wherever the command is run from.
    root = (find_root(given[0].resolve().parent) if given and not args.root and given[0].exists() else None) or _root(args)
    notes_dir = (root / "data" / "notes").resolve()
    data_files = {(root / "data" / name).resolve() for name in ("tags.yml", "glossary.yml", "authors.yml")}
    # The project or its data folder (`papernotes check .`, `check data`): every note, as without arguments.
    if any(p.is_dir() and notes_dir.is_relative_to(p.resolve()) and p.resolve().is_relative_to(root) for p in given):
        given = []
    # Only files under data/notes/ are notes (and the data files, checked against every note):
    # anything else would silently pass. Told before a folder is listed: `check ../` listed every file.
    outside = [p for p in given if p.exists() and not p.resolve().is_relative_to(notes_dir) and p.resolve() not in data_files]
    # A note saved outside data/notes/ is checked for what a plain `check` says of it: an error at the file.
    outside = [str(p) for p in outside if not misplaced_note(p, root)]
    if outside:
        print(f"papernotes check: not a note or folder under {notes_dir}: {_listed(outside)}", file=sys.stderr)
        return 2
    # A folder (`papernotes check data/notes/2026`) is the notes under it, as the build lists them.
    only = [file for f in given for file in (note_files(f) if f.is_dir() else [f])] or None
    if only is None and given:
        print(f"papernotes check: no note files under: {_listed([str(p) for p in given])}", file=sys.stderr)
        return 2
    if only:
        missing = [str(f) for f in only if not f.is_file()]
        if missing:
            print(f"papernotes check: no such file: {_listed(missing)}", file=sys.stderr)
            return 2
        # The data files (tags, glossary, authors) are checked on every run; naming one checks the
        # site against it (an authors.yml edit can join or split the notes' names).
        only = [f for f in only if f.resolve() not in data_files] or None
    # mkdocs.yml's settings, as the build reads them (the check passed what the build refused).
    _, setting = file_settings(root / "mkdocs.yml", _explained, validate=True) if (root / "mkdocs.yml").is_file() else (None, None)
    result = load_site(root, "data", only=only, party_pages=project_party_pages(root / "mkdocs.yml"))
    for line in format_problems([*([setting] if setting else []), *result.problems], args.format):
        print(line)
    errors, warnings = len(result.errors) + (setting is not None), len(result.warnings)
    checked = len(only) if only else result.files
    drafts = f", {count(len(result.drafts), 'draft')} not published" if result.drafts else ""
    notices = f", {count(len(result.notices), 'notice')}" if result.notices else ""
    print(f"checked {count(checked, 'note file')}: {count(errors, 'error')}, {count(warnings, 'warning')}{notices}{drafts}",
          file=sys.stderr)
    if warnings and not errors:
        print("warnings fail the site's strict build (`mkdocs build --strict`, as CI runs it): fix them too", file=sys.stderr)
    # The exit code is CI's verdict: `mkdocs build --strict` stops on every warning as on every error.
    # Notices are advice (e.g. two names that look like one person): they fail nothing.
    return 1 if errors or warnings else 0


def _explained(err: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str, str]:
    """A YAML syntax error in mkdocs.yml as a note's is said (`yamlerrors.explain_syntax_error`)."""
    said = explain_syntax_error(err, text, 0)
    return said.line, said.column, said.field or "mkdocs.yml", said.message


def _root(args: argparse.Namespace) -> Path:
    """The project `--root` names, else the one the current folder is in. Raises `NoProject`: a
    command run elsewhere wrote a note into whatever folder it was run in."""
    if args.root:
        root = Path(args.root).resolve()
        if not is_project(root):
            raise NoProject(f"--root {args.root}: not a papernotes project (no mkdocs.yml or data/tags.yml in {root})")
        return root
    cwd = Path.cwd().resolve()
    root = find_root(cwd)
    if root is None:
        raise NoProject(f"{cwd} is not in a papernotes project (no mkdocs.yml or data/tags.yml in it or above it): "
                        "run the command in your clone of the site, or pass --root")
    return root


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="papernotes", description="Tools for the papernotes site.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate notes (all, or the given files or folders) without building the site")
    check.add_argument("files", nargs="*", help="note files to check (default: every note under data/notes/); "
                       "naming data/authors.yml, tags.yml or glossary.yml checks every note against it")
    check.add_argument("--format", choices=FORMATS, default="text",
                       help="text: path:line:col lines; github: workflow annotations on the pull request")
    check.set_defaults(func=cmd_check)
    # (name, other names, help, what adds its arguments, what runs it with the parsed arguments and the project root)
    commands = [
        ("new", [], "scaffold a note from an arXiv id or URL", scaffold.add_arguments, scaffold.run_new),
        ("import-post", ["import-feed"], "import notes from daily bilingual posts (a text file `papernotes post` writes)",
         importers.add_post_arguments, importers.run_posts),
        ("import-hf", [], "import Hugging Face Daily Papers as draft notes", importers.add_hf_arguments, importers.run_hf),
        ("post", [], "print a day's notes as a daily bilingual post (what import-post reads)",
         daily_post.add_arguments, daily_post.run),
    ]
    subparsers = [check]
    for name, aliases, help_text, add_arguments, run in commands:
        command = sub.add_parser(name, aliases=aliases, help=help_text)
        add_arguments(command)
        command.set_defaults(func=lambda args, run=run: run(args, _root(args)))
        subparsers.append(command)
    for command in subparsers:
        command.add_argument("--root", help="project folder (default: found from the current folder)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        try:
            code = int(args.func(args))
        except NoProject as exc:
            print(f"papernotes {args.command}: {exc}", file=sys.stderr)
            return 2
        sys.stdout.flush()  # inside the `try`: a closed pipe shows here, not at exit
        return code
    except BrokenPipeError:  # the reader went away (`papernotes post DAY | head -1`): not a crash
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # as Python's signal docs advise
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
