"""Hugging Face Daily Papers: read the list `/api/daily_papers?date=YYYY-MM-DD` returns.

Each item holds `paper.id` (the arXiv id), `paper.title`, `paper.summary`,
`paper.authors[].name`, `paper.publishedAt`, `paper.upvotes`, optional `paper.githubRepo`,
`paper.ai_keywords` and `organization`. Items are read leniently but never silently: a
malformed item becomes problems naming its position (index and line) and each field at fault:
a wrong-typed value is reported, never turned into text or dropped, and never costs another item.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import urllib.parse
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

from papernotes.schema import read_arxiv_id
from papernotes.source.yamlnodes import byte_position
from papernotes.authoring.sources.http import FetchError, fetch

API_URL = "https://huggingface.co/api/daily_papers"
"""The listing endpoint; `PAPERNOTES_HF_API` in the environment points it elsewhere."""
TIMEOUT = 30.0
MAX_RESPONSE_BYTES = 8 * 1024 * 1024
"""A day's listing is a few hundred KiB; a saved file or an answer past this is refused."""


class HfError(Exception):
    """The listing could not be fetched or read; the message says why."""


@dataclass(frozen=True)
class HfPaper:
    """One paper of a Daily Papers listing."""

    index: int
    """Position in the list (0-based), for messages."""
    arxiv: str
    """arXiv id."""
    title: str
    """Title, whitespace collapsed."""
    authors: tuple[str, ...]
    """Author names."""
    abstract: str
    """`paper.summary`."""
    published: dt.date | None
    """`paper.publishedAt` as a date."""
    listed: dt.date | None
    """The day the paper was listed (the item's own `publishedAt`)."""
    upvotes: int
    """`paper.upvotes` (0 when absent)."""
    code: str | None = None
    """`paper.githubRepo`."""
    org: str | None = None
    """The organisation's full name."""
    keywords: tuple[str, ...] = ()
    """`paper.ai_keywords`."""
    line: int = 1
    """1-based line of the item's start in the file."""


def fetch_listing(day: dt.date, timeout: float = TIMEOUT) -> bytes:
    """Download the listing for `day`. Raises `HfError` with a readable reason."""
    base = os.environ.get("PAPERNOTES_HF_API") or API_URL
    url = f"{base}?{urllib.parse.urlencode({'date': day.isoformat()})}"
    try:
        return fetch(url, timeout=timeout, max_bytes=MAX_RESPONSE_BYTES, label="Hugging Face", accept="application/json")
    except FetchError as err:
        hint = (f" Save {url} to a file on a machine that is online, and import that file"
                " (papernotes import-hf FILE).") if err.offline else ""
        raise HfError(f"{err}{hint}") from None


@dataclass(frozen=True)
class ItemProblem:
    """Why one item of a listing cannot become a note; the other items are not affected."""

    index: int
    """Position of the item in the list (0-based)."""
    line: int
    """1-based line of the item's start in the file (1 for a listing fetched on one line)."""
    field: str
    """The item's field concerned: `paper.authors`, `paper.title`, `item`, ..."""
    message: str
    """What is wrong and how to fix it."""
    arxiv: str | None = None
    """The item's arXiv id, when it has a valid one (to find the item)."""


MAX_DEPTH = 40
"""Deeper nesting than any real listing has; refused per item rather than crashing the parser."""
MAX_DIGITS = 20
"""Longer numbers are refused per item (Python refuses to read numbers past 4,300 digits at all)."""


class _TooLong(int):
    """Stands in for a number with more than `MAX_DIGITS` digits until its field is read."""


def _parse_int(text: str) -> int:
    return int(text) if len(text.lstrip("-")) <= MAX_DIGITS else _TooLong(0)


def _parse_float(text: str) -> float:
    return float(text) if len(text) <= 2 * MAX_DIGITS else float("nan")


def _object(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """A JSON object; a key given twice is refused (JSON takes the last silently: an item with
    two `"id"`s would become a note on the second paper)."""
    found = dict(pairs)
    if len(found) < len(pairs):
        twice = next(key for i, (key, _) in enumerate(pairs) if key in dict(pairs[:i]))
        raise ValueError(f"the key {twice!r} is given twice in one object")
    return found


def parse_listing(body: bytes | str) -> tuple[list[HfPaper], list[ItemProblem]]:
    """Papers, and a located problem for every item that cannot become a note.

    The top-level list is split into items by scanning brackets, and each item is decoded on
    its own: an item that is not JSON, is nested absurdly deep or holds a 5,000-digit number
    costs that item only. Raises `HfError` when the body is no JSON list at all."""
    try:
        text = body.decode("utf-8-sig") if isinstance(body, bytes) else body
    except UnicodeDecodeError as err:
        line, column = byte_position(body, err.start)  # type: ignore[arg-type]
        raise HfError(f"line {line}, column {column}: the file is not valid UTF-8 (the byte 0x{body[err.start]:02X}); "
                      "save the listing as UTF-8") from None
    if not text.strip():
        raise HfError("the file is empty; save the answer of /api/daily_papers?date=YYYY-MM-DD (a JSON list)")
    spans, problem = _split_list(text)
    if problem is not None:
        raise HfError(problem)
    papers: list[HfPaper] = []
    problems: list[ItemProblem] = []
    decoder = json.JSONDecoder(parse_int=_parse_int, parse_float=_parse_float, object_pairs_hook=_object)
    line, counted = 1, 0
    for index, (start, end, depth) in enumerate(spans):
        line, counted = line + text.count("\n", counted, start), start
        if depth > MAX_DEPTH:
            problems.append(ItemProblem(index, line, "item", f"nested {depth} levels deep (a listing item has about 4); "
                                                             "this is not a Daily Papers item"))
            continue
        try:
            piece = text[start:end]
            item, stop = decoder.raw_decode(piece)
            if piece[stop:].strip():
                raise ValueError(f"unexpected text after the item: {piece[stop:].strip()[:40]!r}")
        except (ValueError, RecursionError) as err:
            problems.append(ItemProblem(index, line, "item", f"not valid JSON ({err}); fix or remove the item"))
            continue
        found = _read_item(index, line, item)
        if isinstance(found, HfPaper):
            papers.append(found)
        else:
            problems.extend(found)
    return papers, problems


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|"|[\[\]{},]')
"""What the item splitter looks at: whole strings (skipped), a string never closed, brackets, commas."""


def _split_list(text: str) -> tuple[list[tuple[int, int, int]], str | None]:
    """(start, end, deepest nesting) of each top-level item of a JSON list, found by its
    brackets outside strings; and why the list itself is broken, if it is."""
    first = re.search(r"\S", text)
    if first is None or text[first.start()] != "[":
        try:
            json.loads(text)
        except (ValueError, RecursionError) as err:  # `{not json`: say where it breaks, not that it is "an object"
            return [], f"not valid JSON ({err}); expected a JSON list of papers (the answer of /api/daily_papers)"
        kind = {"{": "an object", '"': "a string"}.get(text[first.start()] if first else "", "something else")
        return [], f"expected a JSON list of papers (the answer of /api/daily_papers), got {kind}"

    def line_at(k: int) -> int:
        return text.count("\n", 0, k) + 1

    spans: list[tuple[int, int, int]] = []
    depth = deepest = 0
    opened: list[int] = []  # where each bracket still open inside the list was opened
    after = first.start() + 1  # where the current item's text starts
    for token in _TOKEN.finditer(text, after):
        c, k = token.group(), token.start()
        if c == '"':
            return spans, f"line {line_at(k)}: a string is never closed; the file is cut short or not valid JSON"
        if c[0] == '"':
            continue
        if c in "[{":
            depth += 1
            deepest = max(deepest, depth)
            opened.append(k)
        elif c in "]}" and depth > 0:
            depth -= 1
            if text[opened.pop()] != {"]": "[", "}": "{"}[c]:  # `{"id": 1]`: say where JSON breaks
                return spans, _json_error(text) or f"line {line_at(k)}: `{c}` closes nothing opened; not valid JSON"
        elif c in ",]" and depth == 0:
            segment = text[after:k]
            if segment.strip():
                spans.append((after + len(segment) - len(segment.lstrip()), k, deepest))
            elif c == "," or spans:
                return spans, f"line {line_at(k)}: an empty item in the list; not valid JSON"
            after, deepest = k + 1, 0
            if c == "]":
                if text[k + 1:].strip():
                    return spans, f"line {line_at(k)}: text after the end of the list; not valid JSON"
                return spans, None
    return spans, _json_error(text) or "the list is never closed with `]`; the file is cut short or not valid JSON"


def _json_error(text: str) -> str | None:
    """Python's JSON reader's word on `text`, with its line and column: where the brackets do
    not say (`{"id": "1",}` inside the list was "the list is never closed")."""
    try:
        json.loads(text)
    except RecursionError:
        return None
    except json.JSONDecodeError as err:
        # At the end of the text the file is cut short, which the caller says better.
        return None if err.pos >= len(text.rstrip()) else f"not valid JSON ({err})"
    except ValueError as err:
        return f"not valid JSON ({err})"
    return None


def _describe(value: object) -> str:
    if isinstance(value, _TooLong):
        return f"a number of more than {MAX_DIGITS} digits"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value[:40]!r}" if value.strip() else "empty text"
    if isinstance(value, (list, dict)) and not value:
        return "an empty list" if isinstance(value, list) else "an empty object"
    return {list: "a list", dict: "an object"}.get(type(value), type(value).__name__)


def _read_item(index: int, line: int, item: object) -> HfPaper | list[ItemProblem]:
    """The paper of one item, or every problem of the item (each naming its field)."""
    problems: list[ItemProblem] = []
    arxiv: str | None = None

    def bad(field: str, message: str) -> None:
        problems.append(ItemProblem(index, line, field, message))

    def text(owner: dict, key: str, field: str, required: bool = False) -> str | None:
        value = owner.get(key)
        if value is None or (isinstance(value, str) and not value.strip() and not required):
            if required:
                bad(field, "is missing; every paper needs it")
            return None
        if not isinstance(value, str) or not value.strip():
            bad(field, f"expected text, got {_describe(value)}")
            return None
        return " ".join(value.split())

    if isinstance(item, dict) and "paper" not in item:   # not "`paper` is null": the key is not there (a QA pass)
        keys = ", ".join(f"`{k}`" for k in list(item)[:5]) or "none"
        return [ItemProblem(index, line, "paper", f"is missing; every item needs a `paper` object (the item's keys: {keys})")]
    if not isinstance(item, dict) or not isinstance(item.get("paper"), dict):
        got = _describe(item) if not isinstance(item, dict) else f"`paper` is {_describe(item.get('paper'))}"
        return [ItemProblem(index, line, "paper", f"expected an object with a `paper` object, got {got}")]
    paper: dict = item["paper"]
    raw_id = paper.get("id")
    if isinstance(raw_id, str) and len(raw_id) > 200:
        bad("paper.id", f"expected an arXiv id, got {_describe(raw_id)} ({len(raw_id)} characters)")
    elif not isinstance(raw_id, str):
        bad("paper.id", f"expected the arXiv id as text (\"2504.06141\"), got {_describe(raw_id)}")
    else:
        try:
            arxiv = read_arxiv_id(raw_id)
        except ValueError as err:
            bad("paper.id", str(err))
    title = text(paper, "title", "paper.title", required=True)
    authors: list[str] = []
    raw_authors = paper.get("authors")
    if not isinstance(raw_authors, list) or not raw_authors:
        bad("paper.authors", f"expected a list of authors ({{\"name\": \"...\"}}), got {_describe(raw_authors)}")
    else:
        for k, author in enumerate(raw_authors):
            name = text(author, "name", f"paper.authors[{k}].name", required=True) if isinstance(author, dict) else None
            if not isinstance(author, dict):
                bad(f"paper.authors[{k}]", f"expected an object with a `name`, got {_describe(author)}")
            elif name:
                authors.append(name)
    abstract = text(paper, "summary", "paper.summary") or ""
    published = _read_date(paper, "publishedAt", "paper.publishedAt", bad)
    listed = _read_date(item, "publishedAt", "publishedAt", bad)
    upvotes = paper.get("upvotes", 0)
    if upvotes is None:
        upvotes = 0
    if isinstance(upvotes, bool) or not isinstance(upvotes, int) or isinstance(upvotes, _TooLong) or upvotes < 0:
        bad("paper.upvotes", f"expected a count, got {_describe(upvotes)}")
        upvotes = 0
    code = text(paper, "githubRepo", "paper.githubRepo")
    if code is not None and (not code.startswith(("https://", "http://")) or " " in code or not urlsplit(code).netloc):
        bad("paper.githubRepo", f"expected an http(s) link, got {code[:60]!r}")
        code = None
    org: str | None = None
    for owner, where in ((item, "organization"), (paper, "paper.organization")):
        value = owner.get("organization")
        if value is None or org is not None:
            continue
        if isinstance(value, dict):
            org = text(value, "fullname", f"{where}.fullname") or text(value, "name", f"{where}.name")
        elif isinstance(value, str):
            org = text(owner, "organization", where)
        else:
            bad(where, f"expected an object with a `fullname` or text, got {_describe(value)}")
    keywords = paper.get("ai_keywords")
    if keywords is None:
        keywords = []
    if not isinstance(keywords, list):
        bad("paper.ai_keywords", f"expected a list of keywords, got {_describe(keywords)}")
        keywords = []
    for k, keyword in enumerate(keywords):
        if not isinstance(keyword, str):
            bad(f"paper.ai_keywords[{k}]", f"expected text, got {_describe(keyword)}")
    if problems:
        return [ItemProblem(p.index, p.line, p.field, p.message, arxiv) for p in problems]
    assert arxiv is not None and title is not None
    return HfPaper(index=index, arxiv=arxiv, title=title, authors=tuple(authors), abstract=abstract,
                   published=published, listed=listed, upvotes=upvotes, code=code, org=org,
                   keywords=tuple(k for k in keywords if isinstance(k, str)), line=line)


def _read_date(owner: dict, key: str, field: str, bad: Callable[[str, str], None]) -> dt.date | None:
    value = owner.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, str) and re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ]|$)", value):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    bad(field, f"expected a date like \"2025-04-08T15:51:30.000Z\", got {_describe(value)}")
    return None
