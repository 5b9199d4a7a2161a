"""`papernotes` command line: `papernotes check [FILES...]` validates notes without building.

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from .load import load_site


def find_root(start: Path) -> Path:
    """The project root: the nearest folder (from `start` up) holding `mkdocs.yml` or `data/`."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() or (folder / "data" / "tags.yml").is_file():
            return folder
    return start


def cmd_check(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve() if args.root else find_root(Path.cwd().resolve())
    only = [Path(f) for f in args.files] if args.files else None
    if only:
        missing = [str(f) for f in only if not f.is_file()]
        if missing:
            print(f"papernotes check: no such file: {', '.join(missing)}", file=sys.stderr)
            return 2
    result = load_site(root, "data", only=only)
    for problem in result.problems:
        print(problem.format())
    errors, warnings = len(result.errors), len(result.warnings)
    checked = len(only) if only else result.files
    print(f"checked {checked} note file(s): {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="papernotes", description="Tools for the papernotes site.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate notes (all, or the given files) without building the site")
    check.add_argument("files", nargs="*", help="note files to check (default: every note under data/notes/)")
    check.add_argument("--root", help="project folder (default: found from the current folder)")
    check.set_defaults(func=cmd_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
