"""Parse the daily bilingual post format into entries, reporting malformed blocks by line.

    2025년 4월 9일                     <- a day header (or ISO: 2025-04-09)
    Paper title                        <- per paper: the title line,
    (First Author, Second Author)      <- the authors in parentheses,
    The abstract ...                   <- the abstract (one or more lines),
    한국어 코멘트 ...                   <- the Korean commentary (lines with Hangul),
    English commentary ...             <- the English commentary,
    #tag-one #tag-two                  <- and a hashtag line that ends the block.

An optional line holding only an arXiv id or URL may follow the authors. Blank lines are
ignored. Every other line is a Markdown paragraph, except that consecutive list items
(`- item`, `1. item`) stay one list; `authoring/daily_post.py` writes this format. A bad block is reported with its line number and never stops the others.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from papernotes.authoring.sources.arxiv import parse_arxiv_id
from papernotes.source.tags import normalise_tag

_KO_DATE = re.compile(r"^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_HASHTAGS = re.compile(r"^#[^\s#]+(?:\s+#[^\s#]+)*$")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,9}[.)])\s+\S")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


@dataclass(frozen=True)
class FeedEntry:
    """One paper of a daily post."""

    line: int
    """Line of the title in the feed file."""
    date: dt.date
    """The day header above it."""
    title: str
    """The title line."""
    authors: tuple[str, ...]
    """Names from the parenthesised line."""
    abstract: str
    """The abstract; several lines become paragraphs."""
    ko: str
    """Korean commentary."""
    en: str
    """English commentary."""
    tags: tuple[str, ...]
    """Hashtags without `#`, as written (normalised to NFC)."""
    arxiv: str | None = None
    """arXiv id, when the block has a line with one."""


@dataclass(frozen=True)
class FeedProblem:
    """A malformed part of the feed: where it starts and what is wrong."""

    line: int
    """1-based line in the feed file."""
    message: str
    """What is wrong, and how to fix it."""


def parse_feed(text: str) -> tuple[list[FeedEntry], list[FeedProblem]]:
    """Every well-formed entry, and a problem for every malformed block or header."""
    entries: list[FeedEntry] = []
    problems: list[FeedProblem] = []
    day: dt.date | None = None
    seen_header = False
    block: list[tuple[int, str]] = []

    def close(tags_line: tuple[int, str] | None) -> None:
        if not block and tags_line is not None:
            problems.append(FeedProblem(tags_line[0], "a hashtag line with no paper above it"))
        for part, ends_with_tags in _split_runs(block, tags_line is not None):
            result = _parse_block(part, tags_line if ends_with_tags else None, day, seen_header)
            (entries if isinstance(result, FeedEntry) else problems).append(result)  # type: ignore[arg-type]
        block.clear()

    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        line = raw.strip().lstrip("\ufeff")
        if not line:
            continue
        header = _KO_DATE.match(line) or _ISO_DATE.match(line)
        if header:
            if block:
                close(None)
            seen_header = True
            try:
                day = dt.date(*(int(g) for g in header.groups()))
            except ValueError:
                day = None
                problems.append(FeedProblem(number, f"{line!r} is not a real date; the papers under it are skipped"))
            continue
        if _HASHTAGS.match(line):
            close((number, line))
            continue
        block.append((number, line))
    if block:
        close(None)
    return entries, sorted(problems, key=lambda p: p.line)


def _is_authors(line: str) -> bool:
    return line.startswith("(") and line.endswith(")") and "http" not in line


# What the reader takes a line for; `authoring.daily_post` asks the same when it writes a post.

def is_day_header(line: str) -> bool:
    """The line reads as a day header (`2025년 4월 9일` or `2025-04-09`), real date or not."""
    line = line.strip()
    return bool(_KO_DATE.match(line) or _ISO_DATE.match(line))


def is_hashtag_line(line: str) -> bool:
    """The line reads as the hashtag line that ends a paper block."""
    return bool(_HASHTAGS.match(line.strip()))


def is_authors_line(line: str) -> bool:
    """The line reads as an author list."""
    return _is_authors(line.strip())


def is_list_item(line: str) -> bool:
    """The line is a Markdown list item (`- `, `* `, `+ `, `1. `, `1) `)."""
    return bool(_LIST_ITEM.match(line))


def has_hangul(text: str) -> bool:
    """The reader takes a line with Hangul for Korean commentary."""
    return bool(_HANGUL.search(text))


def _split_runs(block: list[tuple[int, str]], has_tags: bool) -> list[tuple[list[tuple[int, str]], bool]]:
    """Split a block where a new `title` + `(authors)` pair starts: the part before lacks its hashtag line."""
    starts = [0] + [i - 1 for i in range(4, len(block)) if _is_authors(block[i][1]) and not _HANGUL.search(block[i - 1][1])]
    runs = [block[a:b] for a, b in zip(starts, starts[1:] + [len(block)])]
    return [(run, has_tags and k == len(runs) - 1) for k, run in enumerate(runs) if run]


def _parse_block(block: list[tuple[int, str]], tags_line: tuple[int, str] | None,
                 day: dt.date | None, seen_header: bool) -> FeedEntry | FeedProblem:
    start = block[0][0]
    lines = [text for _, text in block]
    if day is None:
        why = "its day header is not a valid date" if seen_header else "there is no date header (e.g. `2025년 4월 9일` or `2025-04-09`) above it"
        return FeedProblem(start, f"the paper block starting here is skipped: {why}")
    if tags_line is None:
        return FeedProblem(start, f"the paper block {lines[0]!r} has no hashtag line (e.g. `#reward-model #rl`) at its end")
    if _is_authors(lines[0]):
        return FeedProblem(start, "the paper block starts with the authors; put the title on the line above them")
    if len(lines) < 2 or not _is_authors(lines[1]):
        return FeedProblem(block[1][0] if len(block) > 1 else start,
                           f"after the title {lines[0]!r} comes the author list in parentheses, e.g. `(First Author, Second Author)`")
    authors = tuple(a.strip() for a in re.split(r"[,;]", lines[1][1:-1]) if a.strip())
    rest = block[2:]
    ids = [parse_arxiv_id(text) for _, text in rest]
    arxiv = next((i for i in ids if i), None)
    rest = [item for item, found in zip(rest, ids) if not found]
    first_ko = next((k for k, (_, text) in enumerate(rest) if _HANGUL.search(text)), None)
    if first_ko is None:
        return FeedProblem(start, f"the paper block {lines[0]!r} has no Korean commentary (a line written in Hangul)")
    if first_ko == 0:
        return FeedProblem(rest[0][0], f"the paper block {lines[0]!r} has no abstract between the authors and the Korean commentary")
    end_ko = next((k for k in range(first_ko, len(rest)) if not _HANGUL.search(rest[k][1])), len(rest))
    if end_ko == len(rest):
        return FeedProblem(tags_line[0], f"the paper block {lines[0]!r} has no English commentary after the Korean one")
    if any(_HANGUL.search(text) for _, text in rest[end_ko:]):
        return FeedProblem(rest[end_ko][0], f"the paper block {lines[0]!r} mixes Korean and English commentary lines; "
                                            f"write the Korean lines first, then the English ones")
    tags = tuple(normalise_tag(t) for t in tags_line[1].split())
    return FeedEntry(line=start, date=day, title=" ".join(lines[0].split()), authors=authors,
                     abstract=_join(rest[:first_ko]), ko=_join(rest[first_ko:end_ko]), en=_join(rest[end_ko:]),
                     tags=tags, arxiv=arxiv)


def _join(lines: list[tuple[int, str]]) -> str:
    """Lines as Markdown paragraphs; consecutive list items stay one list (`- a\n- b`)."""
    out: list[str] = []
    for k, (_, text) in enumerate(lines):
        if k:
            out.append("\n" if is_list_item(text) and is_list_item(lines[k - 1][1]) else "\n\n")
        out.append(text)
    return "".join(out)
