"""Hugging Face Daily Papers: read the list `/api/daily_papers?date=YYYY-MM-DD` returns.

Each item holds `paper.id` (the arXiv id), `paper.title`, `paper.summary`,
`paper.authors[].name`, `paper.publishedAt`, `paper.upvotes`, optional `paper.githubRepo`,
`paper.ai_keywords` and `organization`. Items are read leniently but never silently: a
malformed item becomes a problem naming its position in the list.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import urllib.parse
from dataclasses import dataclass

from papernotes.authoring.sources.arxiv import read_arxiv_id
from papernotes.authoring.sources.http import FetchError, fetch

API_URL = "https://huggingface.co/api/daily_papers"
"""The listing endpoint; `PAPERNOTES_HF_API` in the environment points it elsewhere."""
TIMEOUT = 30.0
MAX_RESPONSE_BYTES = 32 * 1024 * 1024


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


def fetch_listing(day: dt.date, timeout: float = TIMEOUT) -> bytes:
    """Download the listing for `day`. Raises `HfError` with a readable reason."""
    base = os.environ.get("PAPERNOTES_HF_API") or API_URL
    url = f"{base}?{urllib.parse.urlencode({'date': day.isoformat()})}"
    try:
        return fetch(url, timeout=timeout, max_bytes=MAX_RESPONSE_BYTES, label="Hugging Face", accept="application/json")
    except FetchError as err:
        hint = " Save the listing to a file and import that." if err.offline else ""
        raise HfError(f"{err}{hint}") from None


def parse_listing(body: bytes | str) -> tuple[list[HfPaper], list[tuple[int, str]]]:
    """Papers, and `(index, message)` for every item that cannot become a note."""
    try:
        items = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise HfError(f"not valid JSON: {err}") from None
    if not isinstance(items, list):
        raise HfError(f"expected a JSON list of papers, got {type(items).__name__}")
    papers: list[HfPaper] = []
    problems: list[tuple[int, str]] = []
    for index, item in enumerate(items):
        try:
            papers.append(_read_item(index, item))
        except ValueError as err:
            problems.append((index, str(err)))
    return papers, problems


def _read_item(index: int, item: object) -> HfPaper:
    paper = item.get("paper") if isinstance(item, dict) else None
    if not isinstance(paper, dict):
        raise ValueError("the item has no `paper` object")
    try:
        arxiv = read_arxiv_id(str(paper.get("id", "")))
    except ValueError as err:
        raise ValueError(f"`paper.id` {err}") from None
    title = " ".join(str(paper.get("title") or "").split())
    authors = tuple(" ".join(str(a.get("name") or "").split()) for a in paper.get("authors") or [] if isinstance(a, dict))
    authors = tuple(a for a in authors if a)
    if not title:
        raise ValueError(f"arXiv {arxiv}: `paper.title` is missing")
    if not authors:
        raise ValueError(f"arXiv {arxiv}: `paper.authors` lists no names")
    org = item.get("organization") or paper.get("organization")  # type: ignore[union-attr]
    if isinstance(org, dict):
        org = org.get("fullname") or org.get("name")
    repo = paper.get("githubRepo")
    keywords = paper.get("ai_keywords") or []
    upvotes = paper.get("upvotes")
    return HfPaper(
        index=index, arxiv=arxiv, title=title, authors=authors,
        abstract=" ".join(str(paper.get("summary") or "").split()),
        published=_date(paper.get("publishedAt")), listed=_date(item.get("publishedAt")),  # type: ignore[union-attr]
        upvotes=upvotes if isinstance(upvotes, int) else 0,
        code=repo if isinstance(repo, str) and repo.startswith(("https://", "http://")) else None,
        org=" ".join(org.split()) if isinstance(org, str) and org.strip() else None,
        keywords=tuple(str(k) for k in keywords if isinstance(k, str)) if isinstance(keywords, list) else (),
    )


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
