"""A small client for the arXiv API (`export.arxiv.org/api/query?id_list=...`, Atom XML).

Real HTTP with urllib and a timeout; every way it can fail (offline, HTTP error, timeout,
malformed XML, unknown id) becomes an `ArxivError` whose message says what happened.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import urllib.parse
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from papernotes.authoring.sources.http import FetchError, fetch
from papernotes.schema import parse_arxiv_id, read_arxiv_id  # noqa: F401 - moved to schema; kept importable from here

API_URL = "https://export.arxiv.org/api/query"
"""The query endpoint; `PAPERNOTES_ARXIV_API` in the environment points it at a mirror."""
TIMEOUT = 20.0
"""Seconds to wait for arXiv before giving up."""
MAX_RESPONSE_BYTES = 2 * 1024 * 1024
"""A single-paper answer is a few KiB; refuse to read more than this."""
USER_AGENT = "papernotes/0.1 (scaffolds research notes from arXiv metadata)"

_ATOM = "{http://www.w3.org/2005/Atom}"
_VERSION = re.compile(r"v[0-9]+$")  # ASCII digits: \d also matches ٢


class ArxivError(Exception):
    """The paper could not be fetched; `str(error)` says why, for a person to read."""


class ArxivNotFound(ArxivError):
    """arXiv answered, but has no paper with that id."""


@dataclass(frozen=True)
class Paper:
    """The metadata a note needs about one arXiv paper."""

    arxiv: str
    """Identifier without version, e.g. `2504.06141`."""
    title: str
    """Title with whitespace collapsed."""
    authors: tuple[str, ...]
    """Author names in order."""
    abstract: str
    """The abstract, whitespace collapsed to one paragraph."""
    published: dt.date | None
    """Date of version 1."""


def query_url(params: dict[str, str | int]) -> str:
    base = os.environ.get("PAPERNOTES_ARXIV_API") or API_URL
    return f"{base}?{urllib.parse.urlencode(params)}"


def fetch_paper(arxiv_id: str, timeout: float = TIMEOUT) -> Paper:
    """Ask the arXiv API for one paper. Raises `ArxivError` (or `ArxivNotFound`)."""
    return parse_feed(_get({"id_list": arxiv_id, "max_results": 1}, timeout), arxiv_id)


def search_title(title: str, timeout: float = TIMEOUT) -> list[Paper]:
    """Papers whose title contains the words of `title` (at most 5). Raises `ArxivError`."""
    words = " ".join(re.findall(r"\w+", title))  # the query syntax has no escaping: keep words only
    return parse_entries(_get({"search_query": f'ti:"{words}"', "max_results": 5}, timeout))


def _get(params: dict[str, str | int], timeout: float) -> bytes:
    try:
        return fetch(query_url(params), timeout=timeout, max_bytes=MAX_RESPONSE_BYTES, label="the arXiv API", user_agent=USER_AGENT)
    except FetchError as err:
        hint = "; try again later" if "answered HTTP" in str(err) else ""
        raise ArxivError(f"{err}{hint}") from None


def parse_feed(body: bytes, arxiv_id: str) -> Paper:
    """The paper `arxiv_id` from an Atom answer. Raises `ArxivError` on malformed content."""
    for paper in parse_entries(body, arxiv_id):
        if paper.arxiv == arxiv_id:
            return paper
    raise ArxivNotFound(f"arXiv has no paper {arxiv_id}")


def parse_entries(body: bytes, asked: str = "") -> list[Paper]:
    """Every paper of an Atom answer; an arXiv error entry raises `ArxivNotFound`."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError as err:
        line, column = err.position
        raise ArxivError(f"the arXiv API returned malformed XML (line {line}, column {column + 1})") from None
    if root.tag != f"{_ATOM}feed":
        raise ArxivError(f"the arXiv API returned {root.tag!r} instead of an Atom feed")
    papers = []
    for entry in root.iter(f"{_ATOM}entry"):
        entry_id = _text(entry, "id")
        title = _text(entry, "title")
        if "/api/errors" in entry_id or title == "Error":
            detail = _text(entry, "summary") or "unknown error"
            raise ArxivNotFound(f"arXiv has no paper {asked} ({detail})" if asked else f"arXiv answered: {detail}")
        found = _VERSION.sub("", entry_id.rsplit("/abs/", 1)[-1])
        authors = tuple(n for a in entry.iter(f"{_ATOM}author") if (n := _text(a, "name")))
        if not title or not authors:
            raise ArxivError(f"the arXiv answer for {found or asked} lacks a title or authors")
        papers.append(Paper(arxiv=found, title=title, authors=authors,
                            abstract=_text(entry, "summary"), published=_date(_text(entry, "published"))))
    return papers


def _text(element: ET.Element, name: str) -> str:
    child = element.find(f"{_ATOM}{name}")
    return " ".join((child.text or "").split()) if child is not None else ""


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
