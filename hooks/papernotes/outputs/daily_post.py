"""The daily post: the bilingual text digest of a day's notes, written and read in one place.

`papernotes post DAY` writes it (and the day page shows it); `papernotes import-post FILE`
(also spelled `import-feed`) reads it back into notes. Both sides live here so that what the
writer writes and what the reader reads cannot drift apart. It sits in `outputs/` because the
day page shows the post (pages import outputs, never the authoring package) and the importer
in `authoring/` may import anything below it:

    2025년 4월 9일                     <- the day header (the reader also takes 2025-04-09)
    Paper title                        <- per note: the title,
    (First Author, Second Author)      <- the authors in parentheses (`;` between them when a name has a comma),
    arXiv:2504.06141                   <- the arXiv id, when the note has one,
    Link: https://...                  <- optional lines, only for what the note has:
    Code: https://github.com/...          the paper's link, the code, the organisation,
    Org: Example Lab                      the paper's own date, and the note's slug when
    Published: 2025-04-08                 it is not the one its title gives
    Slug: adv-rm                          (`Builds on:` / `Compares with:` list the note's
    Builds on: 2203.02155, 2305.18290     `builds_on` / `compares_with` arXiv ids, `, ` between)
    The abstract ...                   <- the abstract, one line per paragraph (may be absent),
    한국어 코멘트 ...                   <- the Korean commentary, one line per paragraph,
    English commentary ...             <- the English commentary, one line per paragraph,
    #tag-one #tag-two                  <- and the tags as hashtags, which end the block.

Which section a paragraph belongs to is told by Hangul: the Korean commentary is the run of
lines with Hangul, the abstract comes before it and the English commentary after it. A note
the rule would misplace (a Korean paragraph that is only a formula, Hangul in the abstract, a
missing commentary) gets marker lines, its own section headings `## Abstract`, `## 한국어` and
`## English`, in its block only; every other block stays the plain post.

How the format carries Markdown: every paragraph is one line (a paragraph's soft line breaks
become spaces, which Markdown renders the same), a tight list one line per item, and
everything inside a paragraph stays Markdown source (links, `$...$` math, emphasis, code).

The reader reports a malformed block by its line and never lets it stop the others; a line
that looks like an arXiv id or an optional line but is not a valid one is a problem, never
text. Ids and dates are read with the ASCII digits 0-9 only: a day header, `Published:` date or
id written with other digits (Arabic-Indic `٢٠٢٥`, fullwidth `２０２５`) is a problem at its line
naming the digit, and the papers under such a header are skipped, never filed under the day
before. The writer reports (`round_trip_problems`) whatever in a note the post cannot carry
so that reading it back gives the note again; it never changes it silently.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, fields, replace
from typing import Iterable
from urllib.parse import urlsplit

from papernotes.model import Note
from papernotes.model import NoteText
from papernotes.names import name_separator
from papernotes.schema import FIELD_NAMES, LINEAGE_FIELDS, SECTIONS, date_fix
from papernotes.schema import NOTE_SLUG, RESERVED_SLUGS, id_slug, paper_arxiv_id, parse_arxiv_id, read_arxiv_id, slugify
from papernotes.source.tags import normalise_tag

LANGS = tuple(s.key for s in SECTIONS if s.commentary)
_WEEKDAY = r"(?:\s*\(?\s*[월화수목금토일](?:요일)?\s*\)?|\s*\(?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\)?)?"
"""A weekday after a day header, as people write it: `(토)`, `토요일`, `(Sat)` (a CLI QA pass: the header was not
recognised, and every paper under it was skipped)."""
_KO_DATE = re.compile(r"^([0-9]{4})\s*년\s*([0-9]{1,2})\s*월\s*([0-9]{1,2})\s*일" + _WEEKDAY + "$")
_ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_HEADER_DATE = re.compile(r"^([0-9]{4})([-./])([0-9]{1,2})\2([0-9]{1,2})\.?" + _WEEKDAY + "$")
"""A day header written with digits: 2025-04-09, and 2025.04.09, 2025/4/9, a weekday after it."""
_HASHTAGS = re.compile(r"^#[^\s#]+(?:\s+#[^\s#]+)*$")
_LIST_ITEM = re.compile(r"^(?:[-*+]|[0-9]{1,9}[.)])\s+\S")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_ARXIV_LIKE = re.compile(r"^(?:(?i:arxiv)\s*:\s*\S*(?:\s+\S+)?|(?i:https?://(?:www\.|export\.)?arxiv\.org/)\S*"
                         r"|(?i:https?://(?:www\.)?(?:huggingface|hf)\.co/+papers/)\S*|[0-9]{4}\.[0-9]{4,5}(?:v[0-9]+)?)$")
"""A line the reader takes for an arXiv id line: checked, and reported when it is not a valid id.
After `arXiv:` at most two words (`arXiv:2504.06141 [cs.CL]` is reported, not taken for text), and
no Hangul: a commentary sentence that starts with an id (`arXiv:2305.18290 의 후속 연구다.`) is text."""
_OPTIONAL = re.compile(r"^(Link|Code|Org|Published|Slug|Builds[ \t]+on|Compares[ \t]+with):[ \t]*(.*)$", re.IGNORECASE)
"""An optional line after the authors: `Key: value`."""
OPTIONAL_FIELDS = {"link": "url", "code": "code", "org": "org", "published": "published", "slug": "slug",
                   "builds on": "builds_on", "compares with": "compares_with"}
"""Optional line key (any case, one space) -> the note field it carries. The lineage lines
(`Builds on:`, `Compares with:`) hold arXiv ids separated by commas."""
NOT_CARRIED = ("draft",)
"""Schema fields a post does not carry: `post` prints published notes only."""
_BLOCK_LINE = re.compile(r"^\s*(?:[-*+]\s|[0-9]+[.)]\s|>|\||```|~~~|#{1,6}\s|    )")
"""A line that starts a Markdown block (list item, quote, table row, fence, heading, code)."""
_SECTIONS = {s.key: f"## {s.heading}" for s in SECTIONS}
_MARKERS_BY_KEY = _SECTIONS
_MARKERS = {heading.casefold(): key for key, heading in _SECTIONS.items()}
"""Marker lines, written only in a block whose sections the Hangul rule would misplace (a Korean
paragraph that is only a formula, one commentary missing): the note's own section headings."""


# -- reading ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class PostEntry:
    """One paper of a daily post, as the post wrote it. A field named as one of `model.NoteText`'s
    (title, authors, abstract, ko, en, arxiv, url, code, org, published, builds_on,
    compares_with) means what `NoteText` says (the one owner of those docs); the module's
    docstring shows the line that carries each. Only what is the post's own is said here."""

    line: int
    """Line of the title in the post file."""
    date: dt.date
    """The day header above it (a note's `date`)."""
    title: str
    authors: tuple[str, ...]
    abstract: str
    """Empty when the block has none."""
    ko: str
    en: str
    tags: tuple[str, ...]
    """Hashtags without `#`, as written (NFC): names the tag registry may still have to resolve,
    not yet the slugs of a `NoteText`."""
    arxiv: str | None = None
    url: str | None = None
    code: str | None = None
    org: str | None = None
    published: dt.date | None = None
    slug: str | None = None
    """The `Slug:` line: the note's file name; None means the one its title gives (`slugify`)."""
    builds_on: tuple[str, ...] = ()
    compares_with: tuple[str, ...] = ()


@dataclass(frozen=True)
class PostProblem:
    """A malformed part of a post: where it is, what it concerns, what is wrong."""

    line: int
    """1-based line in the post file."""
    message: str
    """What is wrong, and how to fix it."""
    field: str = "block"
    """What the line was read as: `block`, `day header`, `arxiv`, `code`, `published`, ..."""
    block: int = 0
    """Line of the first line of the paper block it concerns (0: none), so that several
    problems of one paper count as one failed paper."""


def parse_posts(text: str) -> tuple[list[PostEntry], list[PostProblem]]:
    """Every well-formed entry, and a problem for every malformed block, header or line."""
    entries: list[PostEntry] = []
    problems: list[PostProblem] = []
    day: dt.date | None = None
    seen_header = False
    block: list[tuple[int, str]] = []

    def close(tags_line: tuple[int, str] | None) -> None:
        if not block and tags_line is not None:
            problems.append(PostProblem(tags_line[0], "a hashtag line with no paper above it"))
        for part, ends_with_tags in _split_runs(block, tags_line is not None):
            result = _parse_block(part, tags_line if ends_with_tags else None, day, seen_header)
            if isinstance(result, PostEntry):
                entries.append(result)
            else:
                problems.extend(replace(p, block=part[0][0]) for p in result)
        block.clear()

    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        line = raw.strip().lstrip("\ufeff")
        if not line:
            continue
        header = _KO_DATE.match(line) or _HEADER_DATE.match(line)
        if header and block:
            # A date inside a paper's block (before its hashtag line) is its commentary's: read as
            # the next day's header it moved every paper after it to that day, with no word, and
            # then, refused, cost them all (12 of 14 papers of a round trip).
            block.append((number, line))
            continue
        if header is None and is_day_header(line):  # a date header written with other digits than 0-9
            if block:
                close(None)
            seen_header, day = True, None
            problems.append(PostProblem(number, f"the day header {_short(line)} {_digit_problem(line)}; the papers "
                                                "under it are skipped", "day header"))
            continue
        if header:
            seen_header = True
            try:
                day = dt.date(*(int(g) for g in header.groups() if g and g.isdigit()))
            except ValueError:
                day = None
                problems.append(PostProblem(number, f"{line!r} is not a real date; the papers under it are skipped", "day header"))
            continue
        if _HASHTAGS.match(line):
            close((number, line))
            continue
        block.append((number, line))
    if block:
        close(None)
    return entries, sorted(problems, key=lambda p: p.line)


# What the reader takes a line for; the writer asks the same before it writes a post.

def is_day_header(line: str) -> bool:
    """The line reads as a day header (`2025년 4월 9일` or `2025-04-09`), real date or not, and
    whatever its digits (the reader refuses a header written with other digits than 0-9)."""
    line = ascii_digits(line.strip())
    return bool(_KO_DATE.match(line) or _HEADER_DATE.match(line))


def ascii_digits(text: str) -> str:
    """`text` with every decimal digit (Arabic-Indic `٢`, fullwidth `２`, ...) as its ASCII digit:
    only to tell what a line was meant to be; the reader itself takes 0-9 only. A long line (a
    paragraph: headers and ids are short) is returned as it is, so no paragraph is walked twice."""
    if text.isascii() or len(text) > 100:
        return text
    return "".join(str(unicodedata.decimal(c)) if not c.isascii() and unicodedata.decimal(c, None) is not None else c
                   for c in text)


def _digit_problem(text: str) -> str:
    """What to say about the first non-ASCII digit in `text`."""
    digit = next(c for c in text if not c.isascii() and unicodedata.decimal(c, None) is not None)
    return (f"is written with the digit {digit!r} (U+{ord(digit):04X} {unicodedata.name(digit, 'DIGIT')}); "
            f"dates and ids use the ASCII digits 0-9: {_short(ascii_digits(text))}")


def _hashtags(line: str) -> tuple[str, ...]:
    """The tags of a hashtag line. A comma after a hashtag (`#reasoning, #rl`) is the list's, not the
    tag's: it was "unknown tag 'reasoning,'", which --add-tags refused as no tag name (a CLI QA pass)."""
    return tuple(normalise_tag(t.rstrip(",;")) for t in line.split())


def is_hashtag_line(line: str) -> bool:
    """The line reads as the hashtag line that ends a paper block."""
    return bool(_HASHTAGS.match(line.strip()))


def is_authors_line(line: str) -> bool:
    """The line reads as an author list: one pair of parentheses around it all (a title such as
    `(Mis)alignment: A Survey (Part 1)` starts and ends with one, but its first closes early)."""
    line = line.strip()
    return line.startswith("(") and line.endswith(")") and "http" not in line and not _closes_early(line)


def _closes_early(line: str) -> bool:
    """The line's parentheses balance and its first `(` closes before its last character."""
    depth, early = 0, False
    for i, ch in enumerate(line):
        depth += (ch == "(") - (ch == ")")
        early = early or (depth == 0 and i < len(line) - 1)
    return early and depth == 0


def is_arxiv_line(line: str) -> bool:
    """The line reads as an arXiv id line (valid or not, whatever its digits)."""
    return bool(_ARXIV_LIKE.match(ascii_digits(line.strip()))) and not _HANGUL.search(line)


def is_optional_line(line: str) -> bool:
    """The line reads as one of the optional `Key: value` lines after the authors."""
    return bool(_OPTIONAL.match(line.strip()))


def is_list_item(line: str) -> bool:
    """The line is a Markdown list item (`- `, `* `, `+ `, `1. `, `1) `)."""
    return bool(_LIST_ITEM.match(line))


def has_hangul(text: str) -> bool:
    """The reader takes a line with Hangul for Korean commentary."""
    return bool(_HANGUL.search(text))


def _split_runs(block: list[tuple[int, str]], has_tags: bool) -> list[tuple[list[tuple[int, str]], bool]]:
    """Split a block where a new `title` + `(authors)` pair starts: the part before lacks its hashtag line."""
    starts = [0] + [i - 1 for i in range(4, len(block)) if is_authors_line(block[i][1]) and not _HANGUL.search(block[i - 1][1])]
    runs = [block[a:b] for a, b in zip(starts, starts[1:] + [len(block)])]
    return [(run, has_tags and k == len(runs) - 1) for k, run in enumerate(runs) if run]


def _read_authors(line: str) -> tuple[str, ...]:
    inner = line[1:-1]
    return tuple(a.strip() for a in inner.split(";" if ";" in inner else ",") if a.strip())


def _short(value: str, limit: int = 60) -> str:
    """`value` as a message quotes it: repr'd, and cut when long (a line may be a megabyte)."""
    return repr(value) if len(value) <= limit else repr(value[:limit]) + f"… ({len(value)} characters)"


def _read_optional(number: int, key: str, value: str, found: dict[str, object]) -> PostProblem | None:
    name = OPTIONAL_FIELDS[" ".join(key.lower().split())]
    shown = " ".join(key.split()).capitalize()
    if name in found:
        return PostProblem(number, f"a second `{shown}:` line; keep one", name)
    if name in ("url", "code"):
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
            return PostProblem(number, f"`{shown}:` takes an http(s) link, got {_short(value)}", name)
    elif name == "published":
        try:
            found[name] = dt.date.fromisoformat(value) if _ISO_DATE.match(value) else None
        except ValueError:
            found[name] = None
        if found[name] is None:
            del found[name]
            if ascii_digits(value) != value:
                return PostProblem(number, f"`Published:` {_short(value)} {_digit_problem(value)}", name)
            return PostProblem(number, f"`Published:` takes a date written YYYY-MM-DD, got {_short(value)}{date_fix(value)}", name)
        return None
    elif name in LINEAGE_FIELDS:
        return _read_ids(number, shown, name, value, found)
    elif name == "slug":
        if not NOTE_SLUG.match(value) or value in RESERVED_SLUGS or len(value) > 200:
            return PostProblem(number, f"`Slug:` takes a note file name of lowercase ASCII letters, digits, '-' and '.' "
                                       f"(not {sorted(RESERVED_SLUGS)}), got {_short(value)}", name)
    elif not value:
        return PostProblem(number, f"`{shown}:` is empty; write the value or remove the line", name)
    found[name] = value
    return None


def _read_ids(number: int, shown: str, name: str, value: str, found: dict[str, object]) -> PostProblem | None:
    """A lineage line: arXiv ids separated by commas, each read by the schema's one id rule
    (`read_arxiv_id`: ASCII digits, a real month, not from the future), none twice."""
    items = [item.strip() for item in value.split(",")]
    if not any(items):
        return PostProblem(number, f"`{shown}:` is empty; write arXiv ids (e.g. `{shown}: 2203.02155, 2305.18290`) "
                                   f"or remove the line", name)
    ids: list[str] = []
    why: list[str] = []
    for k, item in enumerate(items, start=1):
        if not item:
            why.append(f"item {k} is empty (two commas in a row)")
        else:
            try:
                if len(item) > 200:
                    raise ValueError(f"{_short(item)} is far too long for an id")
                read = read_arxiv_id(item)
            except ValueError as err:
                why.append(f"item {k}: {err}")
            else:
                if read in ids:
                    why.append(f"item {k}: {read!r} is listed twice; keep it once")
                ids.append(read)
        if len(why) >= 3:  # a line may be a megabyte of commas: three reasons are enough to act on
            break
    if why:
        return PostProblem(number, f"`{shown}:` takes arXiv ids separated by commas (e.g. 2203.02155, 2305.18290): "
                                   + "; ".join(why), name)
    found[name] = tuple(ids)
    return None


def _parse_block(block: list[tuple[int, str]], tags_line: tuple[int, str] | None,
                 day: dt.date | None, seen_header: bool) -> PostEntry | list[PostProblem]:
    start = block[0][0]
    lines = [text for _, text in block]
    if day is None:
        why = "its day header is not a valid date" if seen_header else "there is no date header (e.g. `2025년 4월 9일` or `2025-04-09`) above it"
        return [PostProblem(start, f"the paper block starting here is skipped: {why}")]
    if tags_line is None:
        last = lines[-1].strip()
        if last.startswith("#") and not last.startswith("# "):  # a hashtag line written wrong, not a Markdown heading
            return [PostProblem(block[-1][0], f"the paper block {_short(lines[0])} ends with {_short(last)}, which is not a hashtag "
                                              "line: write each tag as `#` and its name, the tags separated by spaces (e.g. `#reward-model #rl`)")]
        return [PostProblem(start, f"the paper block {_short(lines[0])} has no hashtag line (e.g. `#reward-model #rl`) at its end")]
    if is_authors_line(lines[0]):
        return [PostProblem(start, "the paper block starts with the authors; put the title on the line above them (a title "
                                   "written as a date reads as a day header, which then dates the papers after it: reword it)")]
    if len(lines) < 2 or not is_authors_line(lines[1]):
        return [PostProblem(block[1][0] if len(block) > 1 else start,
                            f"after the title {_short(lines[0])} comes the author list in parentheses, e.g. `(First Author, Second Author)`")]
    authors = _read_authors(lines[1])
    problems: list[PostProblem] = []
    found: dict[str, object] = {}
    arxiv: str | None = None
    rest = block[2:]
    head = 0
    while head < len(rest) and (is_optional_line(rest[head][1]) or is_arxiv_line(rest[head][1])):
        head += 1
    body: list[tuple[int, str]] = []
    for k, (number, text) in enumerate(rest):
        optional = _OPTIONAL.match(text) if k < head else None
        if optional:
            problem = _read_optional(number, optional.group(1), optional.group(2).strip(), found)
            if problem:
                problems.append(problem)
        elif is_arxiv_line(text):
            try:
                if len(text) > 200:
                    raise ValueError(f"{_short(text)} is far too long for an id")
                value = read_arxiv_id(text.split(":", 1)[1] if text.lower().startswith("arxiv") else text)
            except ValueError as err:
                problems.append(PostProblem(number, f"this line reads as an arXiv id, but {err}; write a valid id "
                                                    f"(e.g. arXiv:2504.06141) or remove the line", "arxiv"))
                continue
            if arxiv not in (None, value):
                problems.append(PostProblem(number, f"a second arXiv id ({value}, after {arxiv}); a note is about one paper", "arxiv"))
            arxiv = arxiv or value
        else:
            body.append((number, text))
    for name in LINEAGE_FIELDS:
        if arxiv is not None and arxiv in found.get(name, ()):  # type: ignore[operator]
            number = next(n for n, text in rest[:head] if (m := _OPTIONAL.match(text))
                          and OPTIONAL_FIELDS[" ".join(m.group(1).lower().split())] == name)
            problems.append(PostProblem(number, f"{arxiv} is this paper's own id (its arXiv line); this line lists "
                                                f"other papers: take it out", name))
    if any(section_marker(text) for _, text in body):
        return _parse_marked(start, lines[0], body, problems, day, tags_line, authors, arxiv, found)
    first_ko = next((k for k, (_, text) in enumerate(body) if _HANGUL.search(text)), None)
    if first_ko is None:
        problems.append(PostProblem(start, f"the paper block {_short(lines[0])} has no Korean commentary (a line written in Hangul)"))
        return problems
    end_ko = next((k for k in range(first_ko, len(body)) if not _HANGUL.search(body[k][1])), len(body))
    if end_ko == len(body):
        problems.append(PostProblem(tags_line[0], f"the paper block {_short(lines[0])} has no English commentary after the Korean one"))
    elif any(_HANGUL.search(text) for _, text in body[end_ko:]):
        problems.append(PostProblem(body[end_ko][0], f"the paper block {_short(lines[0])} mixes Korean and English commentary lines; "
                                                     f"write the Korean lines first, then the English ones"))
    if problems:
        return sorted(problems, key=lambda p: p.line)
    tags = _hashtags(tags_line[1])
    return PostEntry(line=start, date=day, title=" ".join(lines[0].split()), authors=authors,
                     abstract=_join(body[:first_ko]), ko=_join(body[first_ko:end_ko]), en=_join(body[end_ko:]),
                     tags=tags, arxiv=arxiv, **found)  # type: ignore[arg-type]


def _parse_marked(start: int, title: str, body: list[tuple[int, str]], problems: list[PostProblem], day: dt.date,
                  tags_line: tuple[int, str], authors: tuple[str, ...], arxiv: str | None,
                  found: dict[str, object]) -> PostEntry | list[PostProblem]:
    """A block whose sections are marked (`## 한국어`, ...): each marker's lines are its section."""
    parts: dict[str, list[tuple[int, str]]] = {"abstract": []}
    current, marked_abstract = "abstract", False
    for number, text in body:
        key = section_marker(text)
        if key is None:
            parts[current].append((number, text))
        elif key in parts and (parts[key] or key != "abstract" or current != "abstract"):
            problems.append(PostProblem(number, f"a second `{_MARKERS_BY_KEY[key]}` line in the paper block "
                                                f"{_short(title)}; keep one", "block"))
        else:
            if current == "abstract" and key != "abstract" and not marked_abstract:
                # Lines before the first marker are the abstract: Korean ones there were a block's
                # commentary written without markers, then markers added below it, and came in
                # under `## Abstract` without a word (a QA pass).
                korean = next((n for n, t in parts["abstract"] if _HANGUL.search(t)), None)
                if korean is not None:
                    problems.append(PostProblem(korean, f"in the paper block {_short(title)}, this line before "
                                                        f"`{_MARKERS_BY_KEY[key]}` is Korean, but the lines before the "
                                                        f"first section marker are the abstract: put the commentary "
                                                        f"under its marker (or write the block without markers)", "block"))
            marked_abstract = marked_abstract or key == "abstract"
            parts[key], current = [], key
    if problems:
        return sorted(problems, key=lambda p: p.line)
    return PostEntry(line=start, date=day, title=" ".join(title.split()), authors=authors,
                     abstract=_join(parts["abstract"]), ko=_join(parts.get("ko", [])), en=_join(parts.get("en", [])),
                     tags=_hashtags(tags_line[1]), arxiv=arxiv, **found)  # type: ignore[arg-type]


def section_marker(line: str) -> str | None:
    """The section a marker line opens (`## 한국어` -> `ko`), or None for any other line."""
    return _MARKERS.get(unicodedata.normalize("NFC", " ".join(line.split())).casefold())


def _join(lines: list[tuple[int, str]]) -> str:
    """Lines as Markdown paragraphs; consecutive list items stay one list (`- a\n- b`)."""
    out: list[str] = []
    for k, (_, text) in enumerate(lines):
        if k:
            out.append("\n" if is_list_item(text) and is_list_item(lines[k - 1][1]) else "\n\n")
        out.append(text)
    return "".join(out)


# -- writing ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class PostOptions:
    """What a post shows: both commentaries or one, with or without abstracts."""

    lang: str | None = None
    """`ko` or `en` for one commentary only; None for both (the form the reader reads)."""
    abstracts: bool = True
    """False leaves the abstracts out."""

    @property
    def importable(self) -> bool:
        """Only the complete post can be read back into notes."""
        return self.lang is None and self.abstracts


@dataclass(frozen=True)
class CarryProblem:
    """A part of a note that the post cannot carry so that reading it back gives it back."""

    field: str
    """Which part: `title`, `authors[2]`, `## 한국어 paragraph 2`, ..."""
    message: str
    """What is wrong and what to do."""
    snippet: str = ""
    """The start of the text concerned (to locate its line in the note file)."""
    section: str = ""
    """The key of the body section the snippet is in (`ko`, `en`, `abstract`), or "": the same
    paragraph in two sections is told at each one's own line."""


def day_header(day: dt.date) -> str:
    """The header line of a day: `2025년 4월 9일`."""
    return f"{day.year}년 {day.month}월 {day.day}일"


def paragraphs(markdown: str) -> list[str]:
    """A Markdown text's post lines: a paragraph is one line (soft line breaks become spaces),
    a list one line per item."""
    lines: list[str] = []
    for block in _blocks(markdown):
        lines += _block_lines(block)
    return lines


def normalised(markdown: str) -> str:
    """The Markdown a post gives back for `markdown`: what reading `paragraphs` yields."""
    out = []
    for block in _blocks(markdown):
        items = _block_lines(block)
        out.append("\n".join(items) if len(items) > 1 else items[0])
    return "\n\n".join(out)


def _blocks(markdown: str) -> list[list[str]]:
    return [[line for line in block.splitlines() if line.strip()]
            for block in re.split(r"\n[ \t]*\n", markdown.strip()) if block.strip()]


def _block_lines(lines: list[str]) -> list[str]:
    """A tight list (every line an item or an item's continuation) gives one line per item;
    any other block one line."""
    if is_list_item(lines[0].strip()) and not lines[0][:1].isspace():
        items: list[str] = []
        for line in lines:
            if is_list_item(line) and not line[:1].isspace():
                items.append(line.strip())
            else:
                items[-1] += " " + line.strip()
        return items
    return [" ".join(line.strip() for line in lines)]


def note_block(note: Note, options: PostOptions = PostOptions()) -> str:
    """One note as a post block (no trailing newline)."""
    # A name with a comma (`Smith, J.`) is kept whole by `;` between names (and after a lone name).
    separator = name_separator(note.authors)
    authors = separator.join(note.authors) + (";" if separator == "; " and len(note.authors) == 1 else "")
    lines = [" ".join(note.title.split()), f"({authors})"]
    if note.arxiv:
        lines.append(f"arXiv:{note.arxiv}")
    for key, name in OPTIONAL_FIELDS.items():
        value = getattr(note, name) if name != "slug" else (note.slug if note.slug != slugify(note.title, id_slug(note.arxiv)) else None)
        if value:
            lines.append(f"{key.capitalize()}: {', '.join(value) if isinstance(value, tuple) else value}")
    marked = options.importable and needs_markers(note)
    if options.abstracts:
        lines += ([_SECTIONS["abstract"]] if marked and note.abstract.strip() else []) + paragraphs(note.abstract)
    for lang in LANGS:
        if options.lang in (None, lang):
            text = note.ko if lang == "ko" else note.en
            lines += ([_SECTIONS[lang]] if marked and text.strip() else []) + paragraphs(text)
    lines.append(" ".join(f"#{tag}" for tag in note.tags))
    return "\n".join(lines)


def needs_markers(note: Note) -> bool:
    """The reader's Hangul rule would misplace a paragraph of this note (a Korean line without
    Hangul, Hangul outside the Korean commentary, a missing commentary), or its first
    paragraph reads as an optional line: its post marks the sections."""
    ko, en, abstract = paragraphs(note.ko), paragraphs(note.en), paragraphs(note.abstract)
    first = (abstract or ko)[:1]
    return (not ko or not en or not all(has_hangul(line) for line in ko)
            or any(has_hangul(line) for line in abstract + en)
            or bool(first and (is_optional_line(first[0]) or is_arxiv_line(first[0]))))


def day_post(day: dt.date, notes: Iterable[Note], options: PostOptions = PostOptions()) -> str:
    """A day's post: the header, then every note's block, a blank line between them."""
    blocks = [note_block(note, options) for note in notes]
    return day_header(day) + "\n" + "\n\n".join(blocks) + "\n"


def round_trip_problems(note: Note) -> list[CarryProblem]:
    """Why reading this note's complete post back would not give the note again (every field,
    the slug, the sections as `normalised` Markdown); empty when it would."""
    found: list[CarryProblem] = []
    title = " ".join(note.title.split())
    if _special(title) or is_day_header(title) or is_authors_line(title):  # a title starts a block: a date there is a day
        found.append(CarryProblem("title", "the title would read as a day header, a hashtag line, an arXiv id or an "
                                           "author list", title))
    for i, author in enumerate(note.authors):
        if ";" in author or author.startswith(("(", ")")) or author.endswith(("(", ")")) or "http" in author:
            found.append(CarryProblem(f"authors[{i}]", "an author name with a semicolon, a link or a parenthesis at "
                                                       "its edge would be split or misread in the author line", author))
    for lang, label in (("ko", "## 한국어"), ("en", "## English")):
        if not (note.ko if lang == "ko" else note.en).strip():
            found.append(CarryProblem(label, "this commentary is missing or empty: the post marks it missing, but `import-post` "
                                             "writes only notes that pass `papernotes check` without a warning"))
    for part, text in (("abstract", note.abstract), ("ko", note.ko), ("en", note.en)):
        found += _paragraph_problems(part, text)
    if not found:
        found += _compare_read_back(note)
    return found


def _compare_read_back(note: Note) -> list[CarryProblem]:
    """The last word: write the block, read it back, and name every field that differs."""
    entries, problems = parse_posts(day_post(note.date, [note]))
    if problems or len(entries) != 1:
        why = "; ".join(p.message for p in problems) or "it reads as several papers"
        return [CarryProblem("note", f"its post block would not be read back: {why}")]
    entry = entries[0]
    # Every schema field and section, and the slug: a field the post has no line for reads back
    # as its default, so a new field in `schema.FIELDS` is named here until the post carries it.
    names = [n for n in FIELD_NAMES if n not in NOT_CARRIED] + [s.key for s in SECTIONS] + ["slug"]
    defaults = {f.name: f.default for f in fields(NoteText)}
    back = replace(note, **{n: getattr(entry, n, defaults.get(n)) for n in names if n != "slug"},
                   slug=entry.slug or slugify(entry.title, id_slug(paper_arxiv_id(entry.arxiv, entry.url))))
    want = replace(note, title=" ".join(note.title.split()), abstract=normalised(note.abstract),
                   ko=normalised(note.ko), en=normalised(note.en))
    return [CarryProblem(name, f"reading the post back would change it ({getattr(want, name)!r} -> {getattr(back, name)!r})"
                         if hasattr(entry, name) else f"the post has no line for `{name}:`; importing it gives a note "
                                                      f"without it")
            for name in names if getattr(back, name) != getattr(want, name)]


_LINK_DEFINITION = re.compile(r" {0,3}\[[^\]]+\]:\s*\S")
"""A Markdown link reference definition (`[a]: https://example.org`): the post joins a block's
lines into one, where such a line is text, not a definition."""


def _paragraph_problems(part: str, text: str) -> list[CarryProblem]:
    found = []
    previous_list = False
    for number, lines in enumerate(_blocks(text), start=1):
        where = f"{_SECTIONS[part]} paragraph {number}"
        carried = _block_lines(lines)
        is_list = is_list_item(lines[0])
        if is_list and previous_list:
            found.append(CarryProblem(where, "two lists with only a blank line between them become one list in the post; "
                                             "put a sentence between them", lines[0], part))
        previous_list = is_list
        if len(lines) > 1 and any(_LINK_DEFINITION.match(x) for x in lines):
            found.append(CarryProblem(where, "reference-style link definitions ([a]: https://…) on lines of one block become "
                                             "one line of text in the post, and the links that use them are lost; write the "
                                             "links inline, [text](https://…)", lines[0], part))
            continue
        if len(carried) == 1 and (any(_BLOCK_LINE.match(x) for x in lines[1:]) or (len(lines) > 1 and _BLOCK_LINE.match(lines[0]))) \
                or any(x.endswith("  ") or x.endswith("\\") for x in lines[:-1]) \
                or (len(carried) > 1 and any(_BLOCK_LINE.match(x) and not is_list_item(x) for x in lines)):
            found.append(CarryProblem(where, "a block of several lines (a nested list, table, quote, code or hard line "
                                             "break) becomes one line in the post; write it as a paragraph or a simple list",
                                      lines[0], part))
            continue
        for line in carried:
            found += _line_problems(part, where, line)
    return found


def _line_problems(part: str, where: str, line: str) -> list[CarryProblem]:
    if _special(line) or is_authors_line(line) or section_marker(line):
        return [CarryProblem(where, "this line would read as a hashtag line, an arXiv id, a section marker or an "
                                    "author list; reword its start", line, part)]
    return []


def _special(line: str) -> bool:
    """A line of a paper's block that would be read as something else than the text it is (a
    date is not: inside a block it is the commentary's, `parse_posts`)."""
    return is_hashtag_line(line) or is_arxiv_line(line) or parse_arxiv_id(line) is not None
