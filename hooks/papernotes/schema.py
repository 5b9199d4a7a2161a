"""The note format, written down once: front-matter fields, body sections, the fence, arXiv ids.

A note file is YAML front matter between `---` lines, then the body in `## ` sections. The
reader (`source/note.py`), the writer (`authoring/notefile.py`), the template guidance
(`source/guidance.py`) and the contributors' guide (`docs/contributing.md`, checked by a
test) all take the format from here, so adding a field or a section is one edit here plus
the code that gives it meaning (a reader function, a `Note`/`NoteDraft` field), and the
tests name whatever was forgotten. Pure: no MkDocs, no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import urllib.parse
from dataclasses import dataclass
from typing import Literal, Sequence
from urllib.parse import urlsplit

Kind = Literal["text", "text list", "tag list", "date", "arXiv id", "arXiv id list", "link", "true/false"]


@dataclass(frozen=True)
class Field:
    """One front-matter key."""

    name: str
    """The key as written, and the name of the `Note` and `NoteDraft` attribute holding its value."""
    kind: Kind
    """What the value is; the writer writes lists as YAML lists, the tag list on one line."""
    required: bool
    """Every note must have it (`arxiv`/`url` are instead governed by `LINK_FIELDS`)."""
    doc: str
    """One line of Markdown: the `meaning` column of the field table in `docs/contributing.md`."""


FIELDS: tuple[Field, ...] = (
    Field("title", "text", True, "the paper's title (text on one line, with at least one letter or digit)"),
    Field("authors", "text list", True, "a list of author names, one name an item (at least one; every author by name, not `et al.`)"),
    Field("date", "date", True, "the day of the note, `YYYY-MM-DD` (a year from 1900 to 2100; a day after today is a notice); "
          "it decides the day page"),
    Field("tags", "tag list", True,
          "a list of tags, each defined in `data/tags.yml` (aliases are accepted and normalised)"),
    Field("arxiv", "arXiv id", False,
          'the arXiv id **in quotes**, without version: `"2504.06141"` or `"cs/0112017"`'),
    Field("url", "link", False, "a link to the paper (http/https); *required when there is no `arxiv`"),
    Field("code", "link", False, "a link to the code"),
    Field("org", "text", False, "the organisation"),
    Field("published", "date", False, "the paper's own date, `YYYY-MM-DD` (from 1900, not after today); without it, citations give "
          "the month of the arXiv id (Google Scholar's "
          "`citation_publication_date` its year: a date there is a whole day or a year), or no date (never `date`)"),
    Field("builds_on", "arXiv id list", False,
          'arXiv ids (in quotes) of earlier work this paper extends: `["1706.03762"]`; shown both ways; at most 100'),
    Field("compares_with", "arXiv id list", False,
          "arXiv ids (in quotes) of the baselines it is measured against; shown both ways; at most 100"),
    Field("draft", "true/false", False,
          "`true`: checked but not published (`mkdocs serve` shows its page, marked as a draft); a draft may have no commentary yet"),
)
"""Every allowed key, in the order the writer puts them (and the guide lists them)."""

FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in FIELDS)
REQUIRED_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.required)
LINK_FIELDS: tuple[str, ...] = ("arxiv", "url")
LINEAGE_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.kind == "arXiv id list")
"""Lists of other papers' arXiv ids; each note page shows them and their inverse."""
"""A note needs at least one of these, so that a reader can reach the paper."""


@dataclass(frozen=True)
class BodySection:
    """One level-2 section of the body."""

    key: str
    """The name of the `Note` and `NoteDraft` attribute holding its Markdown."""
    heading: str
    """The text after `## ` (matched ignoring case)."""
    commentary: bool
    """A commentary language: a published note needs one of them, and a missing one is a warning.
    The writer always writes a commentary heading, so the contributor sees where to write."""


SECTIONS: tuple[BodySection, ...] = (
    BodySection("abstract", "Abstract", commentary=False),
    BodySection("ko", "한국어", commentary=True),
    BodySection("en", "English", commentary=True),
)
"""The body sections, in the order the writer puts them; a section outside this list is an error."""
SECTION_KEYS: tuple[str, ...] = tuple(s.key for s in SECTIONS)

_SECTION_BY_HEADING = {s.heading.lower(): s for s in SECTIONS}
SECTION_SLIPS = {"korean": "ko", "한글": "ko", "국문": "ko", "한국어 요약": "ko", "코멘트": "ko", "한국어 코멘트": "ko",
                 "영어": "en", "영문": "en", "eng": "en", "english commentary": "en", "초록": "abstract", "요약": "abstract",
                 "summary": "abstract"}
"""Headings a writer means as a section but writes otherwise (`## Korean`, `## 한글`): the check names
the section (spelling alone found none for them), and does not also say that section is missing."""
_H2 = re.compile(r"^ {0,3}##(?!#)[ \t]*(.*?)[ \t#]*$")


def heading_text(line: str) -> str | None:
    """The text of a level-2 ATX heading line (`## 한국어 ##` -> `한국어`), or None for any other line."""
    match = _H2.match(line)
    return match.group(1) if match else None


def section_for(heading: str) -> BodySection | None:
    """The section a `## ` heading names, ignoring case, surrounding space and Unicode normalisation."""
    return _SECTION_BY_HEADING.get(unicodedata.normalize("NFC", heading.strip()).lower())


NOTE_SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]|\.(?![.]|$))*(?<!\.md)$")
"""What a note's file stem (its slug, the URL part `notes/<slug>/`) may be. Not ending in `.md`:
the page folder `notes/x.md/` would be the path of note `x`'s Markdown copy (`notes/x.md`); nor
in `.`: Windows and some static hosts drop a folder name's last dot (`notes/a./`)."""
RESERVED_SLUGS = {"index": "notes/index.md would become the page notes/ itself, not notes/index/",
                  "sitemap.xml": "its page folder notes/sitemap.xml/ would be the path of the notes' sitemap"}
"""Slugs that are valid names but would not give the page `notes/<slug>/`."""
RESERVED_TAG_SLUGS = {"index": "tags/index.md is the tag index page, so a tag 'index' would have no page of its own"}
"""Tag slugs whose page (`tags/<slug>.md`, see `catalog.urls.tag`) would be another generated page;
the tag registry refuses them (a test holds this table against `catalog.urls`)."""
RESERVED_PARTY_SLUGS = {"index": "authors/index.md and labs/index.md are the authors and labs indexes"}
"""Author and lab slugs whose page (`authors/<slug>.md`, `labs/<slug>.md`) would be an index page:
a name that makes one gets `-2` (`catalog.people`), and `data/authors.yml` may not write one."""
MAX_TEXT_CHARS = 1000
"""Characters a title, an author's name or an organisation may have. arXiv's longest titles are
about 300; a 200,000-character title passed the check and made a 2 MB note page."""
MAX_LINEAGE = 100
"""Papers `builds_on:` or `compares_with:` may list each. A paper builds on a handful and is
measured against a few dozen at most; 16,000 ids passed the check and made a 4 MB note page."""
MAX_TAGS = 20
"""Tags a note may have. A topic is a few tags; a note listing 3,000 was on 3,000 tag pages, each
carrying its authors in full in the page, feed and citation files (2 GB from one note)."""
MAX_AUTHORS = 2000
"""Authors a note may list: the largest ML papers (a model's technical report) have about 1,500."""
MAX_REGISTRY_TAGS = 5000
"""Tags `data/tags.yml` may define, thirty times a large site's. Every tag has a page and its files:
10,000 tags no note used took 78 s and wrote 290 MB."""
MAX_SLUG_BYTES = 120
"""The longest slug a writer makes: file systems allow 255 bytes a name, and a slug also gets
`.md` and perhaps `-2`; a URL part this long is already more than anyone reads."""
MAX_NOTE_FILE_BYTES = 255 - len(".html")
"""The longest note file stem (its slug) in UTF-8 bytes: file systems allow 255 bytes a name, and
the build names a page folder and a Markdown copy (`notes/<slug>.md`) after a note, and the page's
downloads (`<slug>.ris`); 250 leaves room for any such suffix."""
MAX_SLUG_WORDS = 6
"""A title's first words make its slug; six say what the paper is."""


def slugify(title: str, fallback: str = "note") -> str:
    """The slug a writer gives a note about `title`: `Think-RM: Enabling ...` -> `think-rm`,
    otherwise the first few words (the words after a colon when the part before it has no Latin
    word: `보상 모델: Reward Models` -> `reward-models`), else `fallback` (`id_slug`). Always a
    valid, unreserved slug of at most `MAX_SLUG_BYTES`."""
    head, sep, _ = title.partition(":")
    words = _slug_words(head) if sep and 1 <= len(head.split()) <= 4 else []
    slug = "-".join(words or _slug_words(title)) or fallback
    if len(slug) > MAX_SLUG_BYTES:  # ASCII: one byte a character
        cut = slug[:MAX_SLUG_BYTES]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[MAX_SLUG_BYTES // 2:] else cut
    return f"{slug}-paper" if slug in RESERVED_SLUGS else slug


def _slug_words(text: str) -> list[str]:
    # An apostrophe inside a word joins it (Let's -> lets, They're -> theyre), as notes are named
    # by hand; split there, "let-s" read as two words.
    text = re.sub(r"(?<=\w)['\u2019\u02bc](?=\w)", "", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)[:MAX_SLUG_WORDS]
    # Not cut after a little word (`think-only-when-you-need-with`, a QA pass): `...-need`.
    while len(words) > 1 and words[-1] in _LITTLE_WORDS:
        words.pop()
    return words


_LITTLE_WORDS = frozenset("an the of for with and or to in on at by via from as is are be into over than vs versus".split())
"""Not `a`: `Lineage A: …` names a thing (`lineage-a`)."""


def id_slug(arxiv: str | None) -> str:
    """The slug of a note whose title has no Latin word to make one from: its arXiv id
    (`arxiv-2403.01234`), else `note` (the writer numbers it)."""
    return "arxiv-" + re.sub(r"[^a-z0-9.]+", "-", arxiv.lower()).strip("-.") if arxiv else "note"


FENCE = "---"
"""The line that opens and closes the front matter."""


@dataclass(frozen=True)
class FrontMatter:
    """Where a note's front matter and body are, in the note's lines."""

    yaml_lines: tuple[str, ...]
    """The lines between the two fences (the YAML text)."""
    body_start: int
    """0-based index of the first body line, the one after the closing fence."""


@dataclass(frozen=True)
class NoFrontMatter:
    """Why a text has no usable front matter, located for a `Problem`."""

    line: int
    """1-based line of the problem (always 1: the first line is where the fence belongs)."""
    column: int
    """1-based column."""
    field: str
    """What the problem concerns, as `Problem.field` names it: `file` or `front matter`."""
    message: str
    """What is wrong and how to fix it."""
    rule: str
    """`empty-file`, `no-front-matter` or `unclosed-front-matter`."""


def split_front_matter(lines: Sequence[str]) -> FrontMatter | NoFrontMatter:
    """Split a note's lines (newline-free) at its `---` fences.

    The opening fence must be the first line; the closing fence is the next line that is
    `---` (trailing spaces allowed), so a `---` in the body is only a Markdown rule.
    """
    if not any(line.strip() for line in lines):
        return NoFrontMatter(1, 1, "file", f"the file is empty; start it with a `{FENCE}` front-matter block "
                                   "(see the note template)", "empty-file")
    if lines[0].strip() != FENCE:
        return NoFrontMatter(1, 1, "front matter", f"a note must start with a `{FENCE}` line that opens the YAML front matter",
                             "no-front-matter")
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() == FENCE), None)
    if closing is None:
        return NoFrontMatter(1, 1, "front matter", f"the front matter opened on line 1 is never closed: add a `{FENCE}` line after it",
                             "unclosed-front-matter")
    return FrontMatter(tuple(lines[1:closing]), closing + 1)


# arXiv identifiers (https://info.arxiv.org/help/arxiv_identifier.html). New style since
# April 2007: YYMM.NNNN, and YYMM.NNNNN from January 2015. Old style from August 1991 to
# March 2007: archive[.SC]/YYMMNNN, e.g. hep-th/9108001, math.GT/0309136.
# Digits are spelled [0-9], never \d: Python's \d (and str.isdigit) also match Arabic-Indic,
# fullwidth and mathematical digits, which would give one paper a second, bogus id.
_NEW_STYLE = r"[0-9]{4}\.[0-9]{4,5}"
_OLD_STYLE = r"[a-z][a-z-]*(?:\.[A-Z]{2})?/[0-9]{7}"
ARXIV_ID_SHAPE = f"{_NEW_STYLE}|{_OLD_STYLE}"
"""A regex (no groups) for what an id of either style looks like, e.g. to find one in a URL;
`arxiv_id_problem` then checks its month, era and digits."""
ARXIV_VERSION = r"v[0-9]+"
"""A version suffix (`v2`): part of a URL or a citation, never of the id a note names."""
HOST_END = r"\.?(?::(?:443|80))?"
"""What may follow a host and still name the same site: the root's dot (`arxiv.org.`) and the
default port (`arxiv.org:443`)."""
ARXIV_PAGE = (rf"(?:(?:www\.|export\.|browse\.)?arxiv\.org{HOST_END}/+(?:abs|pdf|html|format|src|e-print|ps)"
              rf"|(?:www\.)?(?:huggingface|hf)\.co{HOST_END}/+papers)/+(?:arxiv:)?")
"""A regex (case-insensitive) for a paper's arXiv page (abs, pdf, html; format, src, e-print and
ps, its source and formats) or Hugging Face page, after `https://`, up to its id:
`arxiv.org/abs/arXiv:2504.06141` is arXiv's page of 2504.06141 too."""
ARXIV_DOI = r"10\.48550/arxiv\."
"""A regex for arXiv's DOI prefix, up to the id (`10.48550/arXiv.2504.06141`)."""
_ARXIV_IN_URL = re.compile(rf"^https?://(?:{ARXIV_PAGE}|(?:dx\.)?doi\.org{HOST_END}/+{ARXIV_DOI})"
                           rf"({ARXIV_ID_SHAPE})(?:v[0-9]*)?(?:\.pdf)?/?(?:[?#].*)?$", re.IGNORECASE)
"""A link to a paper's arXiv or Hugging Face page (`hf.co` too), or its arXiv DOI, any version,
query or fragment."""

OLD_STYLE_ARCHIVES = frozenset((
    "acc-phys", "adap-org", "alg-geom", "ao-sci", "astro-ph", "atom-ph", "bayes-an", "chao-dyn", "chem-ph",
    "cmp-lg", "comp-gas", "cond-mat", "cs", "dg-ga", "funct-an", "gr-qc", "hep-ex", "hep-lat", "hep-ph", "hep-th",
    "math", "math-ph", "mtrl-th", "nlin", "nucl-ex", "nucl-th", "patt-sol", "physics", "plasm-ph", "q-alg",
    "q-bio", "quant-ph", "solv-int", "supr-con"))
"""The archives an old-style id may name (arXiv's list, August 1991 to March 2007): `foo/9108001`
is no paper."""
OLD_STYLE_SUBJECT_CLASSES = {
    "cs": frozenset("AI AR CC CE CG CL CR CV CY DB DC DL DM DS ET FL GL GR GT HC IR IT LG LO MA MM MS NA NE NI OH OS PF PL "
                    "RO SC SD SE SI SY".split()),
    "math": frozenset("AC AG AP AT CA CO CT CV DG DS FA GM GN GR GT HO IT KT LO MG MP NA NT OA OC PR QA RA RT SG SP "
                      "ST".split()),
    "nlin": frozenset("AO CD CG PS SI".split()),
    "q-bio": frozenset("BM CB GN MN NC OT PE QM SC TO".split()),
}
"""The archives whose old-style ids may carry a subject class of two capitals (`math.GT/0309136`),
with arXiv's classes for each: `math.XX/0309136` is no paper, and `hep-th.QQ/9108001` neither
(hep-th has no classes)."""
_NEW_STYLE_FIRST = (2007, 4)
_FIVE_DIGITS_FROM = (2015, 1)
_OLD_STYLE_FIRST, _OLD_STYLE_LAST = (1991, 8), (2007, 3)


def arxiv_id_month(value: str) -> tuple[int, int] | None:
    """The (year, month) an id's digits say, either style (`2504.06141` -> (2025, 4),
    `hep-th/9108001` -> (1991, 8)), or None for text of neither shape; `arxiv_id_problem` says
    whether that month is a real one for the style."""
    if re.fullmatch(_NEW_STYLE, value, re.ASCII):
        return (2000 + int(value[:2]), int(value[2:4]))
    if re.fullmatch(_OLD_STYLE, value, re.ASCII):
        yymm = value.rsplit("/", 1)[1][:4]
        return ((1900 if int(yymm[:2]) >= 91 else 2000) + int(yymm[:2]), int(yymm[2:]))
    return None


_SUBJECT_CLASS = re.compile(r"^([a-z][a-z-]*)\.[A-Z]{2}/", re.ASCII)


def canonical_arxiv_id(value: str) -> str:
    """The one spelling of a paper's id: an old-style id without its optional subject class
    (`math.GT/0309136` -> `math/0309136`; arXiv numbers papers per archive, so both name one
    paper and arxiv.org/abs/math.GT/0309136 is arxiv.org/abs/math/0309136)."""
    return _SUBJECT_CLASS.sub(r"\1/", value)


def _ascii_digits(text: str) -> str:
    """`text` with every digit of another script (fullwidth ２, Arabic-Indic ٢, 𝟐) written 0-9."""
    return "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in text)


def arxiv_id_problem(value: str, today: dt.date | None = None) -> str | None:
    """Why `value` is not a bare arXiv id (without version) by arXiv's scheme; None when it is one.

    An id from a month after `today` (the build date; default: now) cannot exist yet: `9912.12345`
    would be December 2099, not 1999 (new-style ids start in 2007)."""
    non_ascii = next((c for c in value if c.isdigit() and not c.isascii()), None)
    if non_ascii is not None:
        ascii_form = _ascii_digits(value)
        return (f"{value!r} contains the digit {non_ascii!r} (U+{ord(non_ascii):04X} {unicodedata.name(non_ascii, 'DIGIT')}); "
                f"arXiv ids use the ASCII digits 0-9: \"{ascii_form}\"")
    when = arxiv_id_month(value)
    if when is not None and "/" not in value:
        yymm, number = value.split(".")
        if not 1 <= when[1] <= 12:
            return f"{value!r}: {yymm[2:]} is not a month (new-style ids are YYMM.{'N' * len(number)})"
        if when < _NEW_STYLE_FIRST:
            return f"{value!r}: new-style ids start in April 2007 (0704); older papers have ids like \"hep-th/9108001\""
        now = today or dt.date.today()
        if when > (now.year, now.month):
            return (f"{value!r} would be from {when[0]}-{when[1]:02d}, after today ({now.year}-{now.month:02d}); "
                    f"check the id on arxiv.org")
        if when < _FIVE_DIGITS_FROM and len(number) == 5:
            return f"{value!r} has 5 digits after the dot; ids before 2015 have 4 (YYMM.NNNN)"
        if when >= _FIVE_DIGITS_FROM and len(number) == 4:
            return f"{value!r} has 4 digits after the dot; ids from 2015 have 5 (YYMM.NNNNN)"
        if not int(number):
            return f"{value!r}: a month's papers are numbered from {'0' * (len(number) - 1)}1; check the id on arxiv.org"
        return None
    if when is not None:
        yymm = value.rsplit("/", 1)[1][:4]
        if not 1 <= when[1] <= 12:
            return f"{value!r}: {yymm[2:]} is not a month (old-style ids are archive/YYMMNNN)"
        if not _OLD_STYLE_FIRST <= when <= _OLD_STYLE_LAST:
            return f"{value!r}: old-style ids run from 9108 to 0703; later papers have ids like \"0704.0001\""
        archive = value.split("/", 1)[0].split(".", 1)[0]
        if archive not in OLD_STYLE_ARCHIVES:
            return f"{value!r}: {archive!r} is not an arXiv archive (old-style ids name one, as in hep-th/9108001 or cs/0112017)"
        if "." in value.split("/", 1)[0]:
            subject, bare = value.split("/", 1)[0].split(".", 1)[1], f"{archive}/{value.rsplit('/', 1)[1]}"
            classes = OLD_STYLE_SUBJECT_CLASSES.get(archive)
            if classes is None:
                return f"{value!r}: {archive} has no subject classes; write the id without one: \"{bare}\""
            if subject not in classes:
                return (f"{value!r}: {subject!r} is not a subject class of {archive} ({' '.join(sorted(classes))}); "
                        f"write the id without it: \"{bare}\"")
        if not int(value[-3:]):
            return f"{value!r}: a month's papers are numbered from 001; check the id on arxiv.org"
        return None
    classed = _LOOSE_SUBJECT_CLASS.fullmatch(value)
    if classed:
        archive, subject, number = classed.groups()
        return (f"{value!r}: the subject class after an old-style id's archive is two capital letters "
                f"(math.GT/0309136), not {subject!r}; write the id without it: \"{archive}/{number}\"")
    long = _LONG_NUMBER.fullmatch(value)
    if long:
        return (f"{value!r} has {len(long.group(1))} digits after the dot; a new-style id has 5 (YYMM.NNNNN), "
                f"4 before 2015: check the id on arxiv.org")
    return f"{value!r} is not an arXiv id like \"2504.06141\" or \"cs/0112017\""


_LOOSE_SUBJECT_CLASS = re.compile(r"([a-z][a-z-]*)\.([A-Za-z][A-Za-z-]*)/([0-9]{7})", re.ASCII)
"""An old-style id with a subject class arXiv does not write (`cond-mat.stat-mech/0112917`,
`math.gt/0309136`): the checker says which part is wrong and what to write."""
_LONG_NUMBER = re.compile(r"[0-9]{4}\.([0-9]{6,})", re.ASCII)
"""A new-style id with too many digits after the dot (2510.088722)."""


def link_problem(value: str) -> str | None:
    """Why `value` is not an http(s) link a note or `data/authors.yml` may give; None when it is.
    A link with a user name before its host (`https://arxiv.org@evil.example/`) is refused: it
    reads as one site and leads to another."""
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:  # e.g. an unclosed `[` in the host ("Invalid IPv6 URL")
        return f"expected an http(s) link, got {value!r} (its host or port is not valid)"
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        return f"expected an http(s) link, got {value!r}"
    odd = next((c for c in value if c in _NOT_IN_LINKS or unicodedata.category(c) == "Cc"), None)
    if odd is not None:  # `https://github.com/a/b"><x` passed and made a broken link
        return f"{value!r} holds {odd!r}, which a link cannot (write it as %{ord(odd):02X} if the address has it)"
    if "@" in parts.netloc:
        return (f"{value!r} leads to {parts.hostname!r}, not to what is written before its '@'; "
                f"write the site's own address")
    mixed = next((label for label in (parts.hostname or "").split(".") if _mixes_scripts(label)), None)
    if mixed is not None:
        shown = mixed.encode("ascii").decode("idna") if mixed.startswith("xn--") else mixed
        odd = next(c for c in shown if not c.isascii() and c.isalpha())
        return (f"the host of {value!r} mixes Latin letters with {unicodedata.name(odd, 'another script').split()[0].title()} "
                f"ones ({odd!r} in {shown!r}): it reads as one site and leads to another; write the site's own address")
    return None


_NOT_IN_LINKS = frozenset('"<>\\`')
"""Characters no URL holds as written (RFC 3986), and that end an address in HTML or Markdown.
(`{`, `|`, `^` are not allowed either, but real links pasted from a browser's bar may hold them.)"""

_LOOKALIKE_SCRIPTS = ("CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "FULLWIDTH")


def _mixes_scripts(label: str) -> bool:
    """Whether a host's label has Latin letters beside letters of a script that looks like Latin
    (`аrxiv` with a Cyrillic а: a homograph of arxiv.org). A label in one script (a Korean or
    Cyrillic domain name) is a real name. A label written in punycode (`xn--...`) is read decoded."""
    if label.startswith("xn--"):
        try:
            label = label.encode("ascii").decode("idna")
        except UnicodeError:
            pass
    latin = any(c.isascii() and c.isalpha() for c in label)
    return latin and any(not c.isascii() and c.isalpha() and unicodedata.name(c, "").startswith(_LOOKALIKE_SCRIPTS) for c in label)


def arxiv_id_in_url(url: str) -> str | None:
    """The arXiv id an arxiv.org abs/pdf/html (or huggingface.co/papers) link names, without its
    version; None for other links."""
    # Percent-escapes decoded first: `abs/2406%2E30001` and `a%62s/2406.30001` are the same address
    # (RFC 3986), and named a second note of one paper; so is a bare `v` after the id.
    match = _ARXIV_IN_URL.match(urllib.parse.unquote(url.strip()))
    return canonical_arxiv_id(match.group(1)) if match and arxiv_id_problem(match.group(1)) is None else None


_ARXIV_PAGE_START = re.compile(rf"^https?://{ARXIV_PAGE}", re.IGNORECASE)
_ODD_DOTS = str.maketrans({"\uff0e": ".", "\u3002": ".", "\u2024": ".", "\ufe52": "."})


def arxiv_url_problem(url: str) -> str | None:
    """Why a link to an arXiv or Hugging Face paper page names no paper; None for any other link
    and for a page that names one (`arxiv_id_in_url`). `https://arxiv.org/abs/２５０４.06141` (other
    digits than 0-9) or `.../abs/2504.0614` named no id, so a second note of a paper published
    beside the first (a QA pass)."""
    text = urllib.parse.unquote(url.strip())
    start = _ARXIV_PAGE_START.match(text)
    if start is None:
        return None
    found = _ARXIV_IN_URL.match(text)
    if found is not None:
        problem = arxiv_id_problem(found.group(1))
        return None if problem is None else f"{url!r} is a paper's page, but {problem}"
    rest = re.split(r"[?#]", text[start.end():], maxsplit=1)[0]
    plain = _ascii_digits(rest.translate(_ODD_DOTS))
    again = _ARXIV_IN_URL.match(text[:start.end()] + plain)
    if plain != rest and again is not None and arxiv_id_problem(again.group(1)) is None:
        return (f"{url!r} writes its arXiv id with other digits or dots than 0-9 and '.' ({rest!r}); "
                f"write {text[:start.end()] + plain!r}")
    return (f"{url!r} is an arXiv or Hugging Face paper's address, but {rest!r} is not an arXiv id with "
            f"at most a version (2504.06141, 2504.06141v2); write the paper's own address")


def paper_arxiv_id(arxiv: str | None, url: str | None) -> str | None:
    """A paper's arXiv id, from `arxiv:` or from an arXiv or Hugging Face paper `url:` (any
    version, `schema.arxiv_id_in_url`); None for a paper known only by another link. The one
    rule for notes (source/note.py reads it into the note), drafts and files being imported.
    Canonical (`canonical_arxiv_id`): `math.GT/0309136` is the paper of `math/0309136`."""
    return canonical_arxiv_id(arxiv) if arxiv else (arxiv_id_in_url(url) if url else None)


def paper_identity(arxiv: str | None, url: str | None) -> str | None:
    """What two notes about one paper share: its arXiv id (`paper_arxiv_id`).

    Two notes with one identity never both publish (`source/tree.py`). Other links are not
    compared: one page may list many papers (a proceedings page, a lab's site)."""
    found = paper_arxiv_id(arxiv, url)
    return f"arXiv {found}" if found else None


# The prefix, version and `.pdf` in any case; the id itself exactly as arXiv writes it.
_ID_IN_TEXT = re.compile(
    rf"^(?i:arxiv:|https?://(?:www\.|export\.)?arxiv\.org/+(?:abs|pdf|html)/+|https?://(?:www\.)?(?:huggingface|hf)\.co/+papers/+)?"
    rf"({ARXIV_ID_SHAPE})(?i:{ARXIV_VERSION})?(?i:\.pdf)?/?$")


def read_arxiv_id(text: str) -> str:
    """The bare id in `2504.06141`, `2504.06141v2`, `arXiv:2504.06141` or an arxiv.org URL.

    Raises `ValueError` saying why `text` holds no id, or which rule of arXiv's scheme its id breaks.
    """
    match = _ID_IN_TEXT.match(text.strip()) or _ARXIV_IN_URL.match(_with_scheme(text.strip()))  # a link with ?context=cs too
    if not match and any(c.isdigit() and not c.isascii() for c in text):
        raise ValueError(arxiv_id_problem(text.strip()))  # says which digit, and the id in ASCII digits
    if not match:
        raise ValueError(f"{text!r} is not an arXiv id like 2504.06141 or an arxiv.org/abs/ URL")
    problem = arxiv_id_problem(match.group(1))
    if problem:
        raise ValueError(problem)
    return match.group(1)


_SCHEMELESS = re.compile(r"(?:(?:www\.|export\.)?arxiv\.org|(?:www\.)?(?:huggingface|hf)\.co|(?:dx\.)?doi\.org)/", re.IGNORECASE)


def _with_scheme(text: str) -> str:
    """`arxiv.org/pdf/2504.06141.pdf` as a browser's address bar copies it without `https://`."""
    return "https://" + text if _SCHEMELESS.match(text) else text


def parse_arxiv_id(text: str) -> str | None:
    """`read_arxiv_id`, or None instead of the reason (to tell id lines from other text)."""
    try:
        return read_arxiv_id(text)
    except ValueError:
        return None


_MONTHS = {name: k for k, names in enumerate(("jan january", "feb february", "mar march", "apr april", "may", "jun june",
                                              "jul july", "aug august", "sep sept september", "oct october",
                                              "nov november", "dec december"), start=1) for name in names.split()}
_DATE_WAYS = (
    (re.compile(r"([0-9]{4})\s*[-/.]\s*([0-9]{1,2})\s*[-/.]\s*([0-9]{1,2})\.?"), "ymd"),   # 2026-12-7, 2026/12/07, 2026.12.7
    (re.compile(r"([0-9]{4})\s*년\s*([0-9]{1,2})\s*월\s*([0-9]{1,2})\s*일?"), "ymd"),       # 2026년 12월 7일
    (re.compile(r"([0-9]{1,2})\s*[-/.]\s*([0-9]{1,2})\s*[-/.]\s*([0-9]{4})"), "dmy or mdy"),  # 07/12/2026
    (re.compile(r"([A-Za-z]{3,9})\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+([0-9]{4})"), "mdy"),  # Dec 7, 2026
    (re.compile(r"([0-9]{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+([0-9]{4})"), "dmy"),  # 7 December 2026
)


def date_fix(text: str) -> str:
    """What to write for a date written otherwise than YYYY-MM-DD, as the end of a message
    (`: write 2026-12-07`), or '' when the writing says no date. Two answers when the order of
    day and month cannot be told (`07/12/2026`)."""
    for pattern, order in _DATE_WAYS:
        found = pattern.fullmatch(text.strip())
        if found is None:
            continue
        a, b, c = found.groups()
        if order == "ymd":
            options = [(a, b, c)]
        elif order == "dmy or mdy":
            options = [(c, b, a), (c, a, b)]
        else:
            word, number = (a, b) if order == "mdy" else (b, a)
            month = _MONTHS.get(word.lower())
            options = [(c, str(month), number)] if month else []
        days = []
        for year, month, day in options:
            try:
                days.append(dt.date(int(year), int(month), int(day)).isoformat())
            except ValueError:
                continue
        days = list(dict.fromkeys(days))
        if len(days) == 1:
            return f": write {days[0]}"
        if len(days) == 2:
            return f": write {days[0]} if {int(a)} is the day, {days[1]} if it is the month"
    return ""
