"""`papernotes import-post` (also `import-feed`) and `papernotes import-hf`: many notes at once, safely.

Each item is on its own: a malformed block or item is reported with its file, line (and item
index or arXiv id) and field, and costs nothing else; no input gives a traceback. Both are
idempotent (a paper that already has a note, by arXiv id or title, is skipped), show a progress
bar on long runs, end with a created/skipped/failed summary, and validate every note before
writing it in its site, through the checker's own function (`notefile.SiteCheck`: `data/authors.yml`,
the tags, links, other notes), so what they write always passes `papernotes check`.
Exit codes: 0 nothing failed, 1 something failed (the rest was still imported), 2 bad input.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import urllib.parse
from pathlib import Path
from typing import Iterable

import yaml

from papernotes.authoring.sources import arxiv
from papernotes.authoring.sources import hf_daily as hfdaily
from papernotes.authoring.batch import PROGRESS_MIN_ITEMS, ImportRun, Progress
from papernotes.model import NoteDraft
from papernotes.schema import RESERVED_TAG_SLUGS
from papernotes.source.tags import PLACEHOLDER_DESCRIPTION, TAG_SLUG, load_tag_registry, suggest_tag
from papernotes.authoring.notefile import date_argument, title_key
from papernotes.outputs import daily_post
from papernotes.report import count

LOOKUP_INTERVAL = 3.0
"""Seconds between two arXiv API requests (the API's terms of use ask for 3)."""


def add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help=f"show a progress bar (default: on a terminal, for {PROGRESS_MIN_ITEMS}+ papers)")


def add_post_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="a text file of daily bilingual posts (what `papernotes post` prints)")
    parser.add_argument("--add-tags", action="store_true",
                        help="add unknown hashtags to data/tags.yml (review their labels afterwards)")
    parser.add_argument("--lookup-arxiv", action="store_true",
                        help="find the arXiv id of papers given without one, by exact title (one request per "
                             f"{LOOKUP_INTERVAL:g} s, as arXiv asks); otherwise they link an arXiv title search")
    parser.add_argument("--timeout", type=float, default=arxiv.TIMEOUT, help="seconds to wait for arXiv")
    add_common(parser)


def add_hf_arguments(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("file", type=Path, nargs="?", help="a saved /api/daily_papers JSON file")
    source.add_argument("--date", type=date_argument, help="fetch the listing of this day (YYYY-MM-DD)")
    parser.add_argument("--tag", action="append", default=[], help="a tag for every imported note (repeatable)")
    parser.add_argument("--min-upvotes", type=int, default=0, help="import only papers with at least this many upvotes")
    parser.add_argument("--timeout", type=float, default=hfdaily.TIMEOUT, help="seconds to wait for huggingface.co")
    add_common(parser)


def read_input(path: Path, command: str, limit: int) -> bytes | None:
    """The bytes of an import file, or None after saying (on stderr) why it cannot be read."""
    why = None
    try:
        if path.is_dir():
            why = "it is a folder; give the file inside it"
        elif not path.exists():
            why = "there is no such file"
        elif path.stat().st_size > limit:
            why = f"it is {path.stat().st_size // (1024 * 1024)} MiB; the limit is {limit // (1024 * 1024)} MiB (split it)"
        else:
            with path.open("rb") as handle:
                raw = handle.read(limit + 1)  # a file that grows while read is still cut at the limit
            if len(raw) > limit:
                why = f"it is over {limit // (1024 * 1024)} MiB; split it"
            else:
                return raw
    except OSError as err:
        why = err.strerror or str(err)
    print(f"papernotes {command}: cannot read {path}: {why}", file=sys.stderr)
    return None


MAX_POSTS_BYTES = 8 * 1024 * 1024
"""A year of daily posts is a few MiB."""


def run_posts(args: argparse.Namespace, root: Path) -> int:
    command = "import-post"
    raw = read_input(args.file, command, MAX_POSTS_BYTES)
    if raw is None:
        return 2
    # A byte that is not UTF-8 (a block pasted from a Latin-1 file) costs its own paper, not the file's
    # others: it is read as a lone surrogate, and the paper whose text holds one is reported at its line.
    text = raw.decode("utf-8-sig", errors="surrogateescape")
    if not text.strip():
        print(f"papernotes {command}: {args.file}: error: file: the file is empty; it should hold daily posts "
              f"(what `papernotes post YYYY-MM-DD` prints)", file=sys.stderr)
        return 2
    entries, problems = daily_post.parse_posts(text)
    undecodable = [e for e in entries if _UNDECODABLE.search(repr(e))]
    entries = [e for e in entries if e not in undecodable]
    if not entries and _UNDECODABLE.search(repr(text)):  # no paper in UTF-8 at all (a Latin-1 or UTF-16 file)
        line, byte = _first_undecodable(text, 1)
        print(f"papernotes {command}: {args.file}:{line}: error: file: the file is not valid UTF-8 (the byte 0x{byte:02X}); "
              f"save it as UTF-8", file=sys.stderr)
        return 2
    tags_file = root / "data" / "tags.yml"
    registry, _ = load_tag_registry(tags_file, "data/tags.yml")
    def form(tag: str) -> str:
        """A post's tag as data/tags.yml names it: `#Overoptimization` is `overoptimization` (it
        was "not a tag name" even with --add-tags)."""
        return tag if tag in registry.lookup else re.sub(r"[\s_]+", "-", tag.casefold())

    unknown = sorted({form(t) for e in entries for t in e.tags if form(t) not in registry.lookup})
    addable: list[str] = []
    tags_before = ""  # data/tags.yml before --add-tags appended to it
    if unknown and args.add_tags:
        addable = [t for t in unknown if TAG_SLUG.match(t) and t not in RESERVED_TAG_SLUGS]  # tags.yml would refuse the rest
        try:
            tags_before = tags_file.read_text(encoding="utf-8") if tags_file.exists() else ""
            append_tags(tags_file, addable)
        except (OSError, UnicodeDecodeError) as err:
            print(f"papernotes {command}: cannot add tags to data/tags.yml: {err}", file=sys.stderr)
            return 2
        registry, _ = load_tag_registry(tags_file, "data/tags.yml")
    elif unknown:
        print(f"unknown tag(s): {', '.join(unknown)}; papers using them are not imported. "
              f"Add them to data/tags.yml, or rerun with --add-tags", file=sys.stderr)
    last_request = [0.0]
    used: set[str] = set()  # the tags of the notes written
    unidentified = 0  # notes written without an arXiv id
    with Progress(entries, args.progress, command) as (items, bar):
        run = ImportRun(root, registry, bar)
        for problem in problems:
            start = min(problem.block or problem.line, problem.line)
            line, byte = _first_undecodable(text, start) if _UNDECODABLE.search(repr(problem.message)) else (0, 0)
            why = f" (line {line} is not valid UTF-8: the byte 0x{byte:02X}; save the file as UTF-8)" if byte else ""
            run.fail(f"{args.file}:{problem.line}", f"{problem.field}: {_shown(problem.message)}{why}",
                     item=("block", problem.block) if problem.block else None)
        for entry in undecodable:
            line, byte = _first_undecodable(text, entry.line)
            run.fail(f"{args.file}:{entry.line}", f"file: line {line} is not valid UTF-8 (the byte 0x{byte:02X}, e.g. "
                                                  f"Latin-1): save the file as UTF-8; '{_shown(entry.title)}' is not imported")
        for entry in items:
            label = f"{args.file}:{entry.line}"
            if run.exists(label, entry.arxiv, entry.title):
                continue
            missing = [form(t) for t in entry.tags if form(t) not in registry.lookup]
            if missing and args.add_tags:  # what --add-tags could not add: reserved, or not a tag's name
                run.fail(label, "tags: " + "; ".join(
                    f"{t!r} is reserved ({RESERVED_TAG_SLUGS[t]})" if t in RESERVED_TAG_SLUGS
                    else f"{t!r} is not a tag name (lowercase words and digits joined by '-')" for t in missing)
                    + "; use another tag")
                continue
            if missing:
                # With the checker's suggestion (`#보상모델`: the tag whose Korean label it is, reward-model).
                run.fail(label, f"tags: unknown tag(s) {', '.join(repr(t) + suggest_tag(t, registry) for t in missing)}: "
                                f"add them to data/tags.yml or rerun with --add-tags")
                continue
            found = lookup_arxiv(entry.title, run, label, args.timeout, last_request) \
                if args.lookup_arxiv and not entry.arxiv else None
            arxiv_id = entry.arxiv or (found.arxiv if found else None)
            run.write(label, NoteDraft(
                title=entry.title, authors=entry.authors, date=entry.date,
                tags=tuple(dict.fromkeys(registry.lookup[form(t)] for t in entry.tags)),
                arxiv=arxiv_id, url=entry.url or (None if arxiv_id else search_url(entry.title)),
                code=entry.code, org=entry.org, published=entry.published or (found.published if found else None),
                builds_on=entry.builds_on, compares_with=entry.compares_with,
                abstract=entry.abstract, ko=entry.ko, en=entry.en), slug=entry.slug)
        run.finish()   # the papers that link one written later in this run
    for draft in run.written:
        used.update(draft.tags)
        if not draft.arxiv and (draft.url or "").startswith(SEARCH_URL):   # a paper with its own link may be on no archive
            unidentified += 1
    if addable:
        # Only the tags of notes written stay: a paper that failed for another reason adds none.
        kept = [t for t in addable if t in used]
        try:
            if len(kept) < len(addable):
                tags_file.write_text(tags_before, encoding="utf-8")
                append_tags(tags_file, kept)
        except OSError as err:
            print(f"papernotes {command}: cannot write data/tags.yml: {err}", file=sys.stderr)
        if kept:
            print(f"added {count(len(kept), 'tag')} to data/tags.yml: {', '.join(kept)}; review their Korean and English labels")
    if unidentified:
        # Without an id a note has no PDF or Hugging Face link, is not found by its id, and
        # another note's mention of the paper links to arXiv, not to it.
        hint = "" if args.lookup_arxiv else " (or delete them and import again with --lookup-arxiv, which finds ids by title)"
        print(f"{count(unidentified, 'note')} written without an arXiv id (the post gives none; their url: is an arXiv search): "
              f"add `arxiv:` to each by hand and delete its `url:`{hint}")
    print(run.summary.line(command))
    return 1 if run.summary.failed else 0


_UNDECODABLE = re.compile(r"\\udc[89a-f][0-9a-f]")
"""A byte that is not UTF-8 as `repr` shows the lone surrogate `surrogateescape` reads it as."""


def _first_undecodable(text: str, line: int) -> tuple[int, int]:
    """The first line from `line` on that holds a byte that is not UTF-8, and that byte."""
    for number, content in enumerate(text.split("\n")[line - 1:], start=line):
        bad = next((c for c in content if "\udc80" <= c <= "\udcff"), None)
        if bad is not None:
            return number, ord(bad) - 0xDC00
    return line, 0


def _shown(message: str) -> str:
    """A message as it can be printed: a byte that is not UTF-8 as `\\xe9`."""
    return message.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def run_hf(args: argparse.Namespace, root: Path) -> int:
    source = str(args.file) if args.file else f"daily_papers?date={args.date}"
    try:
        body = hfdaily.fetch_listing(args.date, args.timeout) if args.date else read_input(args.file, "import-hf", hfdaily.MAX_RESPONSE_BYTES)
        if body is None:
            return 2
        papers, problems = hfdaily.parse_listing(body)
    except hfdaily.HfError as err:
        # `FILE:43:7: error: ...` as every other located message (it read "FILE: error: line 43, column 7: ...").
        at = re.match(r"line (\d+)(?:, column (\d+))?: ", str(err))
        where = f"{source}:{at[1]}{':' + at[2] if at[2] else ''}" if at else source
        print(f"papernotes import-hf: {where}: error: {str(err)[at.end():] if at else err}", file=sys.stderr)
        return 1 if args.date else 2
    registry, _ = load_tag_registry(root / "data" / "tags.yml", "data/tags.yml")
    bad = [t for t in args.tag if t not in registry.lookup]
    if bad:
        print(f"papernotes import-hf: --tag {', '.join(bad)} is not in data/tags.yml", file=sys.stderr)
        return 2
    kept = [p for p in papers if p.upvotes >= args.min_upvotes]
    with Progress(kept, args.progress, "import-hf") as (items, bar):
        run = ImportRun(root, registry, bar)
        for problem in problems:
            run.fail(_item_label(source, problem.line, problem.index, problem.arxiv), f"{problem.field}: {problem.message}",
                     item=problem.index)
        for paper in items:
            label = _item_label(source, paper.line, paper.index, paper.arxiv)
            if run.exists(label, paper.arxiv, paper.title):
                continue
            from_keywords = [registry.lookup[k] for k in map(keyword_slug, paper.keywords) if k in registry.lookup]
            tags = list(dict.fromkeys([registry.lookup[t] for t in args.tag] + from_keywords))
            if not tags:
                run.fail(label, "paper.ai_keywords: none of its keywords is a tag in data/tags.yml; pass --tag SLUG")
                continue
            date = args.date or paper.listed or paper.published
            if date is None:
                run.fail(label, "publishedAt: no date in the item; pass --date")
                continue
            run.write(label, NoteDraft(
                title=paper.title, authors=paper.authors, date=date, tags=tuple(tags), arxiv=paper.arxiv,
                code=paper.code, org=paper.org, published=paper.published, draft=True, abstract=paper.abstract))
        run.finish()
    if len(kept) < len(papers):
        print(f"{count(len(papers) - len(kept), 'paper')} below --min-upvotes {args.min_upvotes} were left out")
    print(run.summary.line("import-hf"))
    if run.summary.created:
        print("The new notes are drafts (draft: true): write the commentary, then delete the draft line to publish them.")
    return 1 if run.summary.failed else 0


def _item_label(source: str, line: int, index: int, arxiv: str | None) -> str:
    """`daily.json:42: item [3] (arXiv 2504.06141)`: where an item is, for every message about it."""
    return f"{source}:{line}: item [{index}]" + (f" (arXiv {arxiv})" if arxiv else "")


def lookup_arxiv(title: str, run: ImportRun, label: str, timeout: float, last: list[float]) -> arxiv.Paper | None:
    """The arXiv paper with exactly this title, or None (said why); `last` paces the requests."""
    wait = last[0] + LOOKUP_INTERVAL - time.monotonic()
    if wait > 0:
        time.sleep(wait)
    try:
        papers = arxiv.search_title(title, timeout)
    except arxiv.ArxivError as err:
        run.say(f"{label}: note: arXiv lookup failed ({err}); linking an arXiv title search instead")
        return None
    finally:
        last[0] = time.monotonic()
    match = next((p for p in papers if title_key(p.title) == title_key(title)), None)
    if match is None:
        run.say(f"{label}: note: no arXiv paper is titled {title!r}; linking an arXiv title search instead")
    return match


def keyword_slug(keyword: str) -> str:
    """`Reinforcement Learning` -> `reinforcement-learning`, to look a keyword up as a tag."""
    return "-".join(keyword.lower().replace("_", " ").replace("-", " ").split())


def search_url(title: str) -> str:
    """An arXiv title search: the link of a note whose block named no arXiv id."""
    return SEARCH_URL + urllib.parse.urlencode({"query": title, "searchtype": "title"})


SEARCH_URL = "https://arxiv.org/search/?"
"""arXiv's title search, the start of `search_url`'s links."""


def append_tags(tags_file: Path, slugs: Iterable[str]) -> None:
    """Append new tags to `tags.yml` as text, keeping its comments; labels start from the slug."""
    blocks = []
    for slug in slugs:
        label = slug.replace("-", " ").capitalize()
        entry = {slug: {"ko": label, "en": label, "description": dict(PLACEHOLDER_DESCRIPTION)}}
        blocks.append(yaml.safe_dump(entry, allow_unicode=True, sort_keys=False))
    if blocks:
        text = tags_file.read_text(encoding="utf-8") if tags_file.exists() else ""
        tags_file.write_text(text + ("" if text.endswith("\n") else "\n") + "".join(blocks), encoding="utf-8")
