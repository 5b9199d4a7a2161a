"""Read one note file into a `Note`, or into located problems that say what to fix.

The format (fields, sections, fences, arXiv ids) is `papernotes.schema`'s; this module gives
it meaning: one reader function per front-matter field, and the section rules' messages.
"""

from __future__ import annotations

import datetime
import re
from html import unescape as html_unescape
import unicodedata
from dataclasses import dataclass
from functools import partial
from typing import Callable

import yaml

from papernotes.markup import MAX_BRACKETS, RENDER_BUDGET, HtmlCache, SlowMarkdown, encoded_scheme, math_problem
from papernotes.model import Note, Problem, TagRegistry
from papernotes.schema import (ARXIV_VERSION, FIELD_NAMES, MAX_AUTHORS, MAX_LINEAGE, MAX_TAGS, MAX_TEXT_CHARS, LINEAGE_FIELDS, LINK_FIELDS,
                               REQUIRED_FIELDS, SECTION_SLIPS, SECTIONS,
                               FrontMatter, paper_arxiv_id, paper_identity, read_arxiv_id, arxiv_id_problem, canonical_arxiv_id, heading_text,
                               link_problem, arxiv_url_problem, section_for, split_front_matter)
from papernotes.names import match_key
from papernotes.source.characters import describe, shows_text
from papernotes.source.guidance import normalise_text
from papernotes.source.tags import closest, normalise_tag, suggest, suggest_tag
from papernotes.source.yamlerrors import odd_colon, quoted
from papernotes.source.yamlnodes import Located, NodeError, compose, mapping_items, read_date, read_list, read_text

_HEADING = {s.key: s.heading for s in SECTIONS}
_COMMENTARY = tuple(s.key for s in SECTIONS if s.commentary)
_NON_COMMENTARY = tuple(s.key for s in SECTIONS if not s.commentary)
_ARXIV_VERSION = re.compile(rf"^(.*?){ARXIV_VERSION}$")
_CODE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
"""A fenced code block's opening or closing line: the fence, then its info string (CommonMark 4.5)."""
_ET_AL = re.compile(r"(?:^|[\s,;])(?:et(?:\.\s*|\s+)al\b\.?|and\s+others)$|^others$", re.IGNORECASE)
"""`et al.` (alone or after a name) and `and others`: the rest of an author list, not a name; as a
name it got an author page with the co-authors of every note that wrote it, and went to the
citation files as an author."""
_SEVERAL = re.compile(r"\s*,\s*|\s+(?:and|&)\s+", re.IGNORECASE)
"""What parts names written in one item: a comma, or `and`/`&` between words."""
_JOINED = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)
"""`and`/`&` between words: two names when both sides have two words or more (Smith & Wesson is one)."""
_SUFFIX = re.compile(r"(?:Jr|Sr)\.?|I{2,3}|IV", re.IGNORECASE)
"""A name's suffix after a comma (`O'Brien, Jr.`), no name of its own."""
_COMMENTED = re.compile(r"^([a-z_]+):[ \t]+([^\"'\[{#|>\s][^#]*?)[ \t]+#(\S.*)$")
"""A key whose plain value a ` #` cuts short: the rest of the line is a YAML comment. Not `# a
comment` (a space after the sign): a writer's own comment, as the template's."""
_TEXT_FIELDS = frozenset({"title", "org"})
_HASHED_TAGS = re.compile(r"^tags:[ \t]*((?:\[[^#\]]*)?(#)\S.*)$")
"""A `tags:` line with a hashtag in it, at the value's start or inside its `[`."""
_LEFT_OVER = re.compile(r"(?:^|\s)(?:and|&)$|^(?:and|&)\s|[,;]$|^[,;]", re.IGNORECASE)
"""A list's separator at either end of a name (`Harold Brown and`, `Garcia,`): what is left of a
pasted `A, B and C` split by hand, which went to every citation file as the author's name."""
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
"""Control characters (tab and newline excepted) and the two non-characters XML forbids: pasted
from a PDF (a form feed at a page break) or a terminal (ESC), they would make the Atom feeds, which
carry the body, not well-formed XML, so a feed reader would refuse every note in them."""
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_PREFIXED_ID = re.compile(r"(?<![\w/.])arXiv:[ ]?((?:[0-9]+\.[0-9]+|[a-z-]+(?:\.[A-Za-z]{2})?/[0-9]+))(?:v[0-9]+)?(?![\w.]*[0-9])",
                          re.IGNORECASE | re.ASCII)
"""`arXiv:` and what follows it as an id (a mention in a section): one that names no paper
(`arXiv:2513.99999`, a mistyped month) was silent text, where the same id in `builds_on:` is an error."""
_ARXIV_SEARCH = re.compile(r"https?://(?:www\.)?arxiv\.org/search/", re.IGNORECASE)
"""An arXiv search's address (`authoring.importers.search_url`)."""


def _control_reference(line: str) -> re.Match[str] | None:
    """The first character reference (`&#x1B;`, `&#1;`) outside code that writes what `_CONTROL`
    refuses written out, a surrogate or no character: it reached the site feed as a raw ESC and
    made it XML no reader accepts (a QA pass). In code it is shown as written, and harmless."""
    outside = _CODE_SPAN.sub(lambda m: " " * len(m.group()), line)
    for ref in _CHARACTER_REFERENCE.finditer(outside):
        point = int(ref.group(1), 16) if ref.group(1) else int(ref.group(2))
        if point == 0 or point > 0x10FFFF or 0xD800 <= point <= 0xDFFF or _CONTROL.match(chr(point)):
            return ref
    return None


@dataclass(frozen=True)
class Section:
    """A body section: its Markdown text and the line of its heading."""

    text: str
    line: int
    first: int = 0
    """The line of its text's first line (after the heading and any blank lines)."""


def parse_note(text: str, *, slug: str, source: str, tags: TagRegistry,
               html: HtmlCache | None = None) -> tuple[Note | None, list[Problem]]:
    """Validate one note's text. Returns the note (None if any error) and all its problems.

    Validating renders every section (under a time budget) into `html`, where the pages find it."""
    problems: list[Problem] = []

    def add(line: int, column: int, field: str, message: str, rule: str, severity: str = "error") -> None:
        problems.append(Problem(source, line, column, field, message, rule, severity))  # type: ignore[arg-type]

    # Handled without loss rather than refused (what Windows editors and macOS file names
    # produce): CRLF/CR line ends become LF, a leading byte-order mark is dropped, and the
    # text is NFC-normalised so that decomposed Hangul or accents match composed ones.
    text = normalise_text(text)
    lines = text.split("\n")
    split = split_front_matter(lines)
    if not isinstance(split, FrontMatter):
        add(split.line, split.column, split.field, split.message, split.rule)
        return None, problems

    present: set[str] = set()
    fields = _read_front_matter("\n".join(split.yaml_lines), offset=1, tags=tags, add=add, present=present)
    misleveled: set[str] = set()  # sections written with another level (`# English`): told there, not "missing"
    sections = _read_sections(lines, start=split.body_start, add=add, misleveled=misleveled)
    for spec in SECTIONS:
        sections.setdefault(spec.key, Section("", 0))

    is_draft = bool(fields and fields.get("draft"))
    cache = _Rendered(html if html is not None else HtmlCache())
    blank = {key for key in _COMMENTARY if sections[key].text and not _shows_text(sections[key].text, cache)}
    written = [key for key in _COMMENTARY if sections[key].text and key not in blank]
    if not written:
        if not is_draft and not misleveled:  # a draft may wait; `# English` is told at its line
            add(split.body_start + 1, 1, "body", f"write the commentary in a {_headings_phrase(_COMMENTARY)} section (at least one)",
                "no-commentary")
    elif not is_draft:
        there = sections[written[0]]
        for key in (k for k in _COMMENTARY if k not in written and k not in misleveled):
            heading, line = _HEADING[key], sections[key].line
            if key in blank:
                why = "shows no text (only spaces, markup or invisible characters); write it, or"
            elif line:  # the heading is there, nothing under it
                why = f"is empty (write it under `## {heading}`);"
            else:  # point at the section that is there: the missing one goes next to it
                place = "before" if _COMMENTARY.index(key) < _COMMENTARY.index(written[0]) else "after"
                why, line = f"is missing (add a `## {heading}` section {place} `## {_HEADING[written[0]]}`);", there.line
            add(line, 1, f"## {heading}", f"the {heading} commentary {why} readers who choose it see the "
                f"{_HEADING[written[0]]} text with a marker", "missing-language", "warning")

    if fields is not None and not present & set(LINK_FIELDS):
        add(1, 1, "url", "a note needs `arxiv:` (e.g. \"2504.06141\") or, for papers not on arXiv, `url:`", "no-link")
    # Its sections are checked whatever its fields say: a formula or a section too big for a page
    # was told only once the date or a tag was fixed, a second round.
    for spec in SECTIONS:
        _check_renders(sections[spec.key], f"## {spec.heading}", add, cache)
    if any(p.is_error for p in problems) or fields is None:
        return None, problems
    # A commentary that shows nothing is a missing one (the page shows the other with its marker).
    texts = {key: "" if key in blank else section.text for key, section in sections.items()}
    note = Note(slug=slug, source=source, **texts, **fields)  # type: ignore[arg-type]
    return note, problems


def body_texts(text: str) -> dict[str, str] | None:
    """The body sections of a note's text by key, read as `parse_note` reads them, or None for a
    draft or a text with no front matter to split. `source.tree` checks the links of a note that
    failed to load in them: fixing the note's fields should not reveal a second round of problems."""
    found = _front_and_sections(text)
    if found is None:
        return None
    if any(re.match(r"draft\s*:\s*(?:true|yes|on)\s*(?:#.*)?$", line.strip(), re.IGNORECASE) for line in found[0].yaml_lines):
        return None  # a draft's links are on no page
    return {key: section.text for key, section in found[1].items()}


def sections_of(text: str) -> dict[str, Section]:
    """The body sections of a note's text by key, each with its heading's and first line, as
    `parse_note` reads them (drafts too); empty when the text has no front matter to split. For
    telling the line of a section's text (`papernotes post`'s warnings)."""
    found = _front_and_sections(text)
    return found[1] if found is not None else {}


def _front_and_sections(text: str) -> tuple[FrontMatter, dict[str, Section]] | None:
    """A note text's front matter and body sections (problems unreported), or None without front matter."""
    lines = normalise_text(text).split("\n")
    split = split_front_matter(lines)
    if not isinstance(split, FrontMatter):
        return None
    return split, _read_sections(lines, start=split.body_start, add=lambda *_args, **_kw: None)


_PAPER_KEY = re.compile(r"(arxiv|url)\s*:\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s#]*))")


def paper_of(text: str) -> str | None:
    """The paper a note's text is about (`paper_identity` of its top-level `arxiv:` and `url:`,
    read line by line, so a text whose YAML or other fields fail still says it), or None.
    `source.tree` tells a note that failed to load that its paper already has a note: fixing
    its fields should not reveal that second problem."""
    split = split_front_matter(normalise_text(text).split("\n"))
    if not isinstance(split, FrontMatter):
        return None
    found: dict[str, str] = {}
    for line in split.yaml_lines:
        match = _PAPER_KEY.match(line)
        if match and match.group(1) not in found:
            found[match.group(1)] = next(g for g in match.groups()[1:] if g is not None).strip()
    arxiv = found.get("arxiv")
    try:
        arxiv = canonical_arxiv_id(read_arxiv_id(arxiv)) if arxiv else None
    except ValueError:
        arxiv = None
    return paper_identity(arxiv, found.get("url") or None)


class _Rendered:
    """`HtmlCache.check` for one note, remembering a failure too: a section is rendered once
    whether it is asked about for its text (`_shows_text`) or for its time and size."""

    def __init__(self, cache: HtmlCache) -> None:
        self._cache = cache
        self._failed: dict[str, Exception] = {}

    def removed(self, text: str) -> tuple[str, ...]:
        return self._cache.removed(text)

    def check(self, text: str) -> str:
        failed = self._failed.get(text)
        if failed is not None:
            raise failed
        try:
            return self._cache.check(text)
        except Exception as exc:
            self._failed[text] = exc
            raise


def _shows_text(text: str, cache: _Rendered) -> bool:
    """Whether a section's Markdown renders to any character a reader sees (`shows_text`); a
    section that cannot be rendered counts as text: `_check_renders` reports why."""
    try:
        return shows_text(cache.check(text))
    except Exception:  # noqa: BLE001 - reported by _check_renders, with the reason
        return True


def _headings_phrase(keys: tuple[str, ...]) -> str:
    """The sections named in a message: "`## 한국어` or `## English`"."""
    names = [f"`## {_HEADING[key]}`" for key in keys]
    return " or ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


SECTION_HTML_LIMIT = 200_000
"""Bytes of HTML one section may render to. A page shows up to three sections (the note page;
a day page shows both commentaries and the day's post), and every page keeps under 1 MB: a
218 KiB note of 5,000 formulas made a 1.6 MB note page and a 1.8 MB day page. Real sections are
a few kB (a formula-heavy one ~10 kB of Markdown, ~80 kB of MathML)."""


_MATH_ERROR_START = '<code class="pn-math-error">'
_MATH_ERROR = re.compile(re.escape(_MATH_ERROR_START) + r"(.*?)</code>", re.S)


def _where(section: Section, *needles: str, fold: bool = False) -> tuple[int, int]:
    """The file's line and column of the first of `needles` (tried in order) the section's text
    holds, case-folded with `fold`; the section's first line when it holds none."""
    lines = section.text.split("\n")
    for needle in needles:
        for n, line in enumerate(lines):
            column = (line.lower() if fold else line).find(needle) if needle else -1
            if column >= 0:
                return section.first + n, column + 1
    return section.first, 1


def _math_problems(section: Section, field: str, rendered: str, add: Callable[..., None]) -> None:
    """A warning at each formula that could not be turned into MathML (`markup._MathInline`):
    readers see its TeX source in red, and the writer saw nothing until they read the page."""
    for match in _MATH_ERROR.finditer(rendered):
        tex = html_unescape(match[1])
        shown = tex if len(tex) <= 60 else tex[:59] + "…"
        add(*_where(section, tex), field,
            f"the formula ${shown}$ cannot be shown as math ({math_problem(tex)}); readers see its TeX source instead",
            "math-error", "warning")


_OVERRIDE = re.compile("[\u202a-\u202e]")
"""Bidi embeddings and overrides: they make text read differently from what it holds."""


def _override_problems(section: Section, field: str, rendered: str, add: Callable[..., None]) -> None:
    """A warning at the first direction override or embedding the section puts on the page, written
    as a character, an entity or `\\unicode{x202E}`: `[‮moc.elgoog](https://evil.example/)` read
    "google.com" and led elsewhere, and check said nothing (front matter refuses them). Right-to-
    left words need none: the page isolates them."""
    char = _OVERRIDE.search(rendered)[0]
    add(*_where(section, char), field,
        f"the text holds {describe(char)}, which makes it read differently from what it holds (a link's text can show "
        "another address); delete it (right-to-left words need no such character)", "direction-override", "warning")


_REMOVED_SHOWN = 5
"""Removed elements and links reported per section (a pasted web page can hold hundreds)."""
_MORE_NAMED = 30
"""Of the rest, those named (with their lines) in one more warning."""


def _removed_problems(section: Section, field: str, removed: tuple[str, ...], add: Callable[..., None]) -> None:
    """A warning at each element or link address the sanitiser removed (`markup.removed_markup`):
    readers saw the text without it, and the writer was told nothing."""
    def needles(what: str) -> list[str]:
        address = what.removeprefix("!")
        if what.startswith("<"):
            return [what[:-1].lower()]
        # Markdown reads a tab as spaces: `java<TAB>script:` comes back as `java    script:`.
        return [address.lower(), html_unescape(address).lower(), address.lower().replace("    ", "\t")]

    for what in removed[:_REMOVED_SHOWN]:
        address = what.removeprefix("!")
        if what.startswith("!"):
            shown = address if address.lower() in section.text.lower() else html_unescape(address)
            why = (f"the image {shown!r} is from another site, so the page shows it as a link, not the image: a page "
                   "loads nothing from other sites (it would tell them who reads it); write it as a link: "
                   "`[figure](address)`, without the `!`")
            # A notice (advice: it fails nothing): the page keeps what was written, as a link.
            add(*_where(section, *needles(what), fold=True), field, why, "remote-image", "notice")
            continue
        if what in ("<script>", "<style>"):
            why = (f"the HTML element {what} is removed from the page with what it holds: a note runs no script and "
                   "sets no style; to show it as written, put it in backticks")
        elif what.startswith("<"):
            why = (f"the HTML tag {what} is removed from the page: a note keeps simple formatting only (b, i, em, "
                   "strong, code, sub, sup, lists, tables, links); to show the tag as written, put it in backticks")
        else:
            shown = what if what.lower() in section.text.lower() else html_unescape(what)  # `&amp;` as the note writes it
            spelt = encoded_scheme(html_unescape(what))
            how = f"it spells {spelt}: with %-escapes, which no browser reads as a scheme (the link led nowhere); " if spelt else ""
            why = (f"the link address {shown!r} is removed (its words stay): {how}a note's links keep http:, https: and "
                   "mailto: addresses only")
        add(*_where(section, *needles(what), fold=True), field, why, "removed-html", "warning")
    more = removed[_REMOVED_SHOWN:]
    if more:
        # Named with their lines (a pasted web page can hold hundreds: the first few dozen).
        places = [(what.removeprefix("!"), _where(section, *needles(what), fold=True)) for what in more[:_MORE_NAMED]]
        named = ", ".join(f"{what} (line {line}:{column})" for what, (line, column) in places)
        rest = f" and {len(more) - _MORE_NAMED} more" if len(more) > _MORE_NAMED else ""
        add(*places[0][1], field, f"{len(more)} more HTML tags or link or image addresses are removed from this "
            f"section's page or shown as links (each named once): {named}{rest}", "removed-html", "warning")


def _check_renders(section: Section, field: str, add: Callable[..., None], html: _Rendered) -> None:
    """Render the section under a time budget, so a hostile note is reported, not a hang, and
    within `SECTION_HTML_LIMIT`, so no page showing it passes 1 MB."""
    if not section.text.strip():
        return
    try:
        rendered = html.check(section.text)
        # A character is 1-4 bytes of UTF-8: encode (each load, every note) only when it may pass.
        size = len(rendered.encode()) if 4 * len(rendered) > SECTION_HTML_LIMIT else 0
        if size > SECTION_HTML_LIMIT:
            add(section.line, 1, field, f"this section renders to {size // 1000:,} kB of HTML, more than the "
                f"{SECTION_HTML_LIMIT // 1000} kB a page may show of one section (formulas render to many times "
                "their TeX); shorten it or move long derivations and tables to a linked page", "section-too-large")
        if _MATH_ERROR_START in rendered:
            _math_problems(section, field, rendered, add)
        if _OVERRIDE.search(rendered):
            _override_problems(section, field, rendered, add)
        removed = html.removed(section.text)
        if removed:
            _removed_problems(section, field, removed, add)
    except SlowMarkdown as slow:
        if slow.paragraph is not None:
            at, characters, marks = slow.paragraph
            start = section.text.split("\n")[at - 1].strip()
            if slow.brackets:
                add(section.line, 1, field, f"the paragraph that starts {start[:24]!r} holds {marks:,} `[`, more than the "
                    f"{MAX_BRACKETS:,} one paragraph may hold (each makes rendering slower); break it up or write "
                    "fewer brackets", "slow-markdown")
                return
            add(section.line, 1, field, f"the paragraph that starts {start[:24]!r} is {characters:,} characters long with "
                f"{marks:,} Markdown marks (`\\`, `*`, `_`, `&`, `$`, backticks) in it, which no build renders in "
                "time; break it into paragraphs (a blank line between them)", "slow-markdown")
            return
        what = f"was stopped at the limit of {RENDER_BUDGET:g} s" if slow.stopped else f"took {slow.seconds:.1f} s (limit {RENDER_BUDGET:g} s)"
        add(section.line, 1, field, f"rendering this section's Markdown {what}; "
            "break up very long lines and long runs of `[`, `<`, `*` or `_`", "slow-markdown")
    except Exception as exc:  # noqa: BLE001 - a Markdown bug must cost this note only, and be reported
        add(section.line, 1, field, f"the Markdown could not be rendered ({type(exc).__name__}: {exc})", "render-error")


def _read_front_matter(yaml_text: str, *, offset: int, tags: TagRegistry,
                       add: Callable[..., None], present: set[str]) -> dict[str, object] | None:
    """Read the front matter into note fields; `present` receives every key written."""
    # A `#` where YAML starts a comment, silently (a CLI QA pass): `tags: [alignment, #rlhf]` and
    # `tags: #alignment #rlhf`, as a daily post writes them, were told as an unclosed `[` or an empty
    # list; `title: GTAlign #1 mutual welfare` made the title "GTAlign" (said for the fields of text).
    commented = []
    for index, line in enumerate(yaml_text.split("\n") if "#" in yaml_text else ()):   # most front matter has none
        hashed = _HASHED_TAGS.match(line)
        if hashed and line[hashed.start(2) - 1] not in "\"'":   # `["#rl"]` is a quoted tag, read without its `#`
            written = [w.strip("#[], ") for w in re.split(r"[\s,]+", hashed.group(1)) if w.strip("#[], ")]
            add(index + 1 + offset, hashed.start(2) + 1, "tags", "tags are written without `#` (a `#` there starts a YAML "
                f"comment, which hides the rest of the line): tags: [{', '.join(written)}]", "yaml-comment")
            return None
        cut = _COMMENTED.match(line)
        if cut and cut.group(1) in _TEXT_FIELDS:
            whole = f"{cut.group(2)} #{cut.group(3)}".strip()
            commented.append((index + 1 + offset, cut.start(3), cut.group(1), f"` #` starts a YAML comment, so the value ends "
                              f"before it ({cut.group(2)!r}) and {('#' + cut.group(3)).strip()!r} is left out: put the whole "
                              f"value in quotes: {quoted(whole)}", "yaml-comment"))
    try:
        root = compose(yaml_text, offset=offset)
    except NodeError as err:
        add(err.line, err.column, err.field or "front matter", err.message, err.rule)
        return None
    if root is None:
        add(offset + 1, 1, "front matter", f"the front matter is empty; it needs {', '.join(REQUIRED_FIELDS)}", "missing-field")
        return None
    for problem in commented:
        add(*problem)
    fields: dict[str, object] = {}
    try:
        items = list(mapping_items(Located(root, offset)))
    except NodeError as err:
        add(err.line, err.column, "front matter", err.message, err.rule)
        return None
    present.update(name for name, _, _ in items)
    meant: set[str] = set()  # fields a misspelt key stands for: told at that key, not also "missing"
    for name, key, value in items:
        odd = odd_colon(name) if name not in FIELD_NAMES else None
        if odd is not None and odd[0] in FIELD_NAMES:   # `title:\u00a0'A: B'` read as the key "title:\u00a0'A"
            meant.add(odd[0])
            add(key.line, key.column + odd[1] - 1, odd[0], odd[2], "yaml-syntax")
            continue
        if name not in FIELD_NAMES:
            field = closest(name, FIELD_NAMES)
            if field is not None:
                meant.add(field)
            hint = f" (did you mean {field!r}?)" if field is not None else ""
            add(key.line, key.column, name, f"unknown key {name!r}{hint}; allowed keys: {', '.join(FIELD_NAMES)}", "unknown-key")
            continue
        try:
            fields[name] = READERS[name](value, tags, add)
        except NodeError as err:
            add(err.line, err.column, name, err.message, err.rule)
    if "arxiv" not in fields and isinstance(fields.get("url"), str):
        # A `url:` naming an arXiv or Hugging Face paper is that paper, as `arxiv:` would say:
        # mentions of the id, lineage and citations find this note.
        named = paper_arxiv_id(None, str(fields["url"]))
        if named:
            fields["arxiv"] = named
    elif isinstance(fields.get("url"), str) and isinstance(fields.get("arxiv"), str):
        # Both name a paper: they must name the same one (a note about 2506.00001 whose `url:` was
        # another note's paper linked two papers, and only one of them was checked for a twin).
        named = paper_arxiv_id(None, str(fields["url"]))
        where = next(value for name, _, value in items if name == "url")
        if named and named != fields["arxiv"]:
            add(where.line, where.column, "url",
                f"`url:` is arXiv {named}'s page, but `arxiv:` is {fields['arxiv']}: a note is about one paper; "
                f"fix the one that is wrong, or drop `url:` (the note links its arXiv page already)", "two-papers")
        elif _ARXIV_SEARCH.match(str(fields["url"])):
            # What `import-post` writes for a paper its post gave no id: once the id is added, the
            # page showed an arXiv search beside the paper's own arXiv and PDF links.
            add(where.line, where.column, "url", "`url:` is an arXiv search, which `arxiv:` makes needless (the page links "
                "the paper's arXiv page and PDF): delete the `url:` line", "search-url", "notice")
    _check_not_self(items, fields, add)
    for name in REQUIRED_FIELDS:
        if name not in present and name not in meant:
            add(offset, 1, name, f"required field `{name}:` is missing", "missing-field")
    return fields


def _short(loc: Located, text: str, what: str) -> str:
    """`text`, refused when longer than `MAX_TEXT_CHARS`."""
    if len(text) > MAX_TEXT_CHARS:
        raise loc.error(f"{what} is {len(text):,} characters long; the limit is {MAX_TEXT_CHARS:,}", "too-long")
    return text


def _title(loc: Located, tags: TagRegistry, add: Callable[..., None]) -> str:
    title = _short(loc, " ".join(read_text(loc, one_line="the title").split()), "the title")
    if not any(c.isalnum() for c in title):  # `"\u0301"`, `"-"`: nothing a reader could read or a list could show
        raise loc.error("the title has no letter or digit: write the paper's title", "empty")
    return title


def _authors(loc: Located, tags: TagRegistry, add: Callable[..., None]) -> tuple[str, ...]:
    if loc.node.tag == "tag:yaml.org,2002:str" and ("," in str(loc.node.value) or " and " in str(loc.node.value)):
        # `authors: A, B` would be one author named "A, B" (one name alone may be written so)
        names = [n.strip() for n in re.split(r",| and ", str(loc.node.value)) if n.strip()]
        raise loc.error(f"several names on one line make one author; write a list: authors: [{', '.join(names)}]", "wrong-type")
    items = read_list(loc)
    if not items:
        raise loc.error("list at least one author", "empty")
    if len(items) > MAX_AUTHORS:
        raise items[MAX_AUTHORS].error(f"the note lists {len(items):,} authors; the limit is {MAX_AUTHORS:,}", "too-many")
    names = []
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        try:
            name = _short(item, " ".join(read_text(item, one_line="an author's name").split()), "the name")
        except NodeError as err:
            add(err.line, err.column, f"authors[{i}]", err.message, err.rule)
            continue
        node = item.node
        if not getattr(node, "style", None) and node.end_mark is not None and node.end_mark.line > node.start_mark.line:
            # `- Alice Fuzz` over `  Bob Mutant` (its `- ` deleted): YAML joins the lines into one author,
            # and the check said nothing (a fuzzing QA pass).
            add(item.line, item.column, f"authors[{i}]", f"{name!r} runs on over {node.end_mark.line - node.start_mark.line + 1} "
                "lines, which YAML joins into one name: start each author's line with `- ` (or write the name on one line)",
                "several-names")
            continue
        if _ET_AL.search(name):
            add(item.line, item.column, f"authors[{i}]", f"{name!r} is not a name: list every author by name "
                "(`papernotes new <arXiv id>` fills them in)", "not-a-name")
            continue
        if (end := _LEFT_OVER.search(name)) is not None:
            add(item.line, item.column, f"authors[{i}]", f"{name!r} has {end.group().strip()!r} at its "
                f"{'end' if end.end() == len(name) else 'start'}, left from a list: write the name alone", "not-a-name")
            continue
        # Several names in one item (`- Siqi Zhu, David Zhang, Jiaxuan You`, `[A B and C D]`): one
        # author in every citation (a CLI QA pass). Two commas or an `and` between names is never one
        # name; one comma between two names of two words or more may be `Family Name, Given Name`
        # (García Márquez, Gabriel José), so that one is advice.
        several = _several_names(name) if _SEVERAL.search(name) else None   # most names hold no separator
        if several is not None:
            severity, parts = several
            add(item.line, item.column, f"authors[{i}]", f"{name!r} is several names in one item; write one name "
                f"an item: [{', '.join(parts)}]" if severity == "error" else f"{name!r} looks like two names in one item; "
                f"write one name an item ([{', '.join(parts)}]), unless it is one name written `Family, Given`",
                "several-names", severity)
            if severity == "error":
                continue
        # The same name twice is a slip more often than two people (a large team may have two
        # Wei Wangs): advice that fails nothing.
        first = seen.setdefault(match_key(name), i)
        if first != i:
            add(item.line, item.column, f"authors[{i}]", f"{name!r} is listed twice (also authors[{first}]); delete one, "
                "unless these are two people of one name", "duplicate-author", "notice")
        names.append(name)
    return tuple(names)


def _several_names(name: str) -> tuple[str, list[str]] | None:
    """("error" or "notice", the names) when author item `name` holds several names, else None."""
    commas = [part.strip() for part in name.split(",") if part.strip() and not _SUFFIX.fullmatch(part.strip())]
    joined = [part.strip() for part in _JOINED.split(name)]   # Smith & Wesson, Tom and Jerry: one name each
    parts = [part.strip() for part in _SEVERAL.split(name) if part.strip() and not _SUFFIX.fullmatch(part.strip())]
    if len(commas) > 2 or (len(joined) > 1 and all(len(part.split()) >= 2 for part in joined[:2])):
        return "error", parts
    if len(commas) == 2 and all(len(part.split()) >= 2 for part in commas):
        return "notice", parts
    return None


def _tags(loc: Located, registry: TagRegistry, add: Callable[..., None]) -> tuple[str, ...]:
    if loc.node.tag == "tag:yaml.org,2002:str" and "," in str(loc.node.value):
        # `tags: math, reasoning` is one tag named "math, reasoning" (one tag alone may be written so)
        written = [t.strip() for t in str(loc.node.value).split(",") if t.strip()]
        raise loc.error(f"several tags on one line make one tag; write a list: tags: [{', '.join(written)}]", "wrong-type")
    items = read_list(loc)
    if not items:
        raise loc.error("list at least one tag defined in data/tags.yml", "empty")
    if len(items) > MAX_TAGS:
        raise items[MAX_TAGS].error(f"the note lists {len(items):,} tags; the limit is {MAX_TAGS}: keep the topics it is about", "too-many")
    if registry.unreadable is None:  # not this note's mistake: reported at the registry's own error
        raise loc.error(f"the tags cannot be checked: {registry.file} has an error (see its own message); "
                        f"fix {registry.file} first", "tags-file-broken")
    slugs: list[str] = []
    for i, item in enumerate(items):
        try:
            written = normalise_tag(read_text(item))
        except NodeError as err:
            add(err.line, err.column, f"tags[{i}]", err.message, err.rule)
            continue
        slug = registry.lookup.get(written)
        if slug is None and written in registry.unreadable:  # the registry's entry has an error, reported there
            add(item.line, item.column, f"tags[{i}]", f"tag {written!r} cannot be checked: its entry in {registry.file} "
                f"has an error (see its own message); fix {registry.file} first", "tags-file-broken")
        elif slug is None:
            hint = suggest_tag(written, registry) or "; add the tag to data/tags.yml"
            add(item.line, item.column, f"tags[{i}]", f"unknown tag {written!r}{hint}", "unknown-tag")
        elif slug in slugs:
            add(item.line, item.column, f"tags[{i}]", f"tag {written!r} is listed twice (as {slug!r})", "duplicate-tag", "warning")
        else:
            slugs.append(slug)
    return tuple(slugs)


NOTE_YEARS = (1900, 2100)
"""The years a note's `date:` may fall in. `0001-01-01` made the statistics page list every month
since year 1 (3.2 MB) and `9999-12-31` the newest day for ever; the site's date pages and charts
span from its first note's month to its last's."""


def _date(loc: Located, tags: TagRegistry, add: Callable[..., None]) -> object:
    when = read_date(loc)
    if not NOTE_YEARS[0] <= when.year <= NOTE_YEARS[1]:
        raise loc.error(f"{when.isoformat()} is not a year from {NOTE_YEARS[0]} to {NOTE_YEARS[1]}; `date:` is the day the note "
                        "was written, as YYYY-MM-DD", "bad-date")
    today = datetime.date.today()
    if when > today + datetime.timedelta(days=1):  # advice: a site may date notes ahead (a post scheduled)
        add(loc.line, loc.column, "date", f"{when.isoformat()} is after today ({today.isoformat()}): the note will be the newest on "
            "the home page and in the feeds until then; `date:` is the day the note was written (a typo for another year?)",
            "future-date", "notice")
    return when


def _published(loc: Located, tags: TagRegistry, add: Callable[..., None]) -> object:
    """The paper's own date: not after today (`2099-01-01` went to every citation as given; a day
    of slack for a writer whose today is ahead of this machine's)."""
    when = read_date(loc)
    today = datetime.date.today()
    if when > today + datetime.timedelta(days=1):
        raise loc.error(f"{when.isoformat()} is after today ({today.isoformat()}); `published:` is the date the paper "
                        "came out (leave it out if unknown)", "future-date")
    if when.year < NOTE_YEARS[0]:  # `0001-01-01` went to every citation as given
        raise loc.error(f"{when.isoformat()} is before {NOTE_YEARS[0]}; `published:` is the date the paper came out "
                        "(leave it out if unknown)", "bad-date")
    return when


_LONGEST_ID = 80
"""Characters of the longest value an arXiv id's message quotes whole (an id written as an
arXiv link with a version is about 40)."""


def _arxiv(loc: Located, tags: TagRegistry, add: Callable[..., None]) -> str:
    node = loc.node
    if node.tag in ("tag:yaml.org,2002:float", "tag:yaml.org,2002:int", "tag:yaml.org,2002:bool"):
        problem = arxiv_id_problem(node.value)
        if problem:  # quoted, `5` or `true` would still be no id: say that, not "quote it"
            raise loc.error(problem, "bad-arxiv")
        raise loc.error(
            f"YAML reads the unquoted arXiv id {node.value} as a number, which can name the wrong paper; "
            f"quote it: arxiv: \"{node.value}\"", "arxiv-not-quoted")
    value = read_text(loc)
    if len(value) > _LONGEST_ID:  # not echoed whole: a 20,000-character value made a 20 kB message
        raise loc.error(f"{value[:40]!r}... ({len(value):,} characters) is not an arXiv id like \"2504.06141\" or "
                        "\"cs/0112017\"", "bad-arxiv")
    for prefix in ("https://arxiv.org/abs/", "http://arxiv.org/abs/", "arxiv:", "arXiv:"):
        if value.startswith(prefix):
            raise loc.error(f"write the bare id without {prefix!r}: \"{value[len(prefix):]}\"", "bad-arxiv")
    versioned = _ARXIV_VERSION.match(value)
    if versioned and arxiv_id_problem(versioned.group(1)) is None:
        raise loc.error(f"drop the version suffix: \"{versioned.group(1)}\"", "bad-arxiv")
    problem = arxiv_id_problem(value)
    if problem:
        raise loc.error(problem, "bad-arxiv")
    return canonical_arxiv_id(value)


def _arxiv_list(loc: Located, tags: TagRegistry, add: Callable[..., None], *, name: str) -> tuple[str, ...]:
    """`builds_on:` / `compares_with:`: a list of bare arXiv ids, each checked like `arxiv:`,
    none twice (a paper cannot list itself: `_check_not_self`, once `arxiv:` is known). The key
    with nothing after it lists none, as `[]` does (the template's commented line uncommented and
    emptied); a string holding several ids is refused with the list to write."""
    if _is_null(loc):
        return ()
    _several_ids_in_one(loc, name)
    ids: list[str] = []
    items = read_list(loc)
    if len(items) > MAX_LINEAGE:
        raise items[MAX_LINEAGE].error(f"`{name}:` lists {len(items):,} papers; the limit is {MAX_LINEAGE} (keep the ones "
                                       "this paper most directly builds on or is measured against)", "too-many")
    for i, item in enumerate(items):
        try:
            value = _arxiv(item, tags, add)
        except NodeError as err:
            message = err.message
            if err.rule == "arxiv-not-quoted":
                message = message.split("quote it: ", 1)[0] + f"quote it: {_quoted_in_list(loc, item, name)}"
            add(err.line, err.column, f"{name}[{i}]", message, err.rule)
            continue
        if value in ids:
            # One line holding the list (`[a, a]`): deleting the line would drop the other ids too (a QA pass).
            fix = f"take this {value!r} out of the list" if getattr(loc.node, "flow_style", False) else "delete this line"
            written = str(item.node.value).strip()
            same = f" (written {written!r} here: the same paper)" if written != value else ""
            add(item.line, item.column, f"{name}[{i}]", f"{value!r} is listed twice in `{name}:`{same}; {fix}",
                "duplicate-id")
        else:
            ids.append(value)
    return tuple(ids)


_LONGEST_HINT = 160
"""Characters of the longest list a quoting hint writes out whole."""


def _quoted_in_list(loc: Located, item: Located, name: str) -> str:
    """The fix for `item`, an unquoted id of the list `loc`, written in the list's own form: a line
    of a block list (`- "2203.02155"`), or the one-line list with its ids quoted
    (`builds_on: ["2203.02155", "2305.18290"]`: `- "…"` was offered for that too, which is not
    how a `[...]` list is written); one id alone after the key becomes such a list."""
    def quoted(node: yaml.Node) -> str:
        return '"' + str(node.value).replace("\\", "\\\\").replace('"', '\\"') + '"' if isinstance(node, yaml.ScalarNode) else "..."

    if isinstance(loc.node, yaml.SequenceNode) and not loc.node.flow_style:
        return f"- {quoted(item.node)}"
    nodes = loc.node.value if isinstance(loc.node, yaml.SequenceNode) else [loc.node]
    whole = f"{name}: [{', '.join(quoted(node) for node in nodes)}]"
    return whole if len(whole) <= _LONGEST_HINT else quoted(item.node)


def _is_null(loc: Located) -> bool:
    return loc.node.tag == "tag:yaml.org,2002:null"


def _several_ids_in_one(loc: Located, name: str) -> None:
    """Raises for one string of several arXiv ids (`builds_on: "2611.00001, 2611.00002"`): it read as
    one id and was refused as "not an arXiv id", without saying that a list is what is meant."""
    node = loc.node
    if node.tag != "tag:yaml.org,2002:str" or len(str(node.value)) > _LONGEST_ID:
        return
    parts = [part.strip("\"'") for part in re.split(r"[\s,;]+", str(node.value).strip()) if part.strip("\"'")]
    if len(parts) > 1 and any(arxiv_id_problem(part) is None for part in parts):
        listed = ", ".join(f'"{part}"' for part in parts)
        raise loc.error(f"{len(parts)} arXiv ids in one string read as one id; write a YAML list: {name}: [{listed}]",
                        "wrong-type")


def _check_not_self(items: list[tuple[str, Located, Located]], fields: dict[str, object], add: Callable[..., None]) -> None:
    """A note naming its own paper in `builds_on:` or `compares_with:` is an error at that item."""
    own = fields.get("arxiv")
    if not own:
        return
    where = "`arxiv:`" if any(name == "arxiv" for name, _, _ in items) else "its `url:` names it"
    for name, _, value in items:
        if name in LINEAGE_FIELDS and name in fields and not _is_null(value):
            # One line holding the list (`[a, b]`): deleting the line would drop the other ids too (a QA pass).
            fix = f"take {own!r} out of the list" if getattr(value.node, "flow_style", False) else "delete this line"
            for i, item in enumerate(read_list(value)):
                if item.node.tag == "tag:yaml.org,2002:str" and canonical_arxiv_id(str(item.node.value).strip()) == own:
                    add(item.line, item.column, f"{name}[{i}]", f"{own!r} is this note's own paper ({where}); "
                        f"`{name}:` lists other papers: {fix}", "lineage-self")


def _draft(loc: Located, tags: TagRegistry, add: Callable[..., None]) -> bool:
    node = loc.node
    if node.tag != "tag:yaml.org,2002:bool":
        raise loc.error(f"`draft:` is `true` or `false`, got {loc.describe()}; delete the line to publish the note", "bad-draft")
    if node.value.lower() not in ("true", "false"):
        # YAML 1.1 reads yes/no/on/off as true/false: `draft: yes` unpublished a note with only the
        # summary's count to say so (a fuzzing pass), and `draft: no` reads like "no draft".
        raise loc.error(f"`draft:` is `true` or `false`, got {node.value!r}: write `draft: "
                        f"{'true' if node.value.lower() in ('yes', 'on', 'y') else 'false'}`, or delete the line to publish the note",
                        "bad-draft")
    return node.value.lower() == "true"


def _link(loc: Located, tags: TagRegistry, add: Callable[..., None]) -> str:
    value = read_text(loc)
    problem = link_problem(value) or arxiv_url_problem(value)
    if problem is not None:
        raise loc.error(problem, "bad-url")
    return value


def _org(loc: Located, tags: TagRegistry, add: Callable[..., None]) -> str:
    return _short(loc, " ".join(read_text(loc, one_line="the organisation").split()), "the organisation")


READERS: dict[str, Callable[[Located, TagRegistry, Callable[..., None]], object]] = {
    "title": _title, "authors": _authors, "date": _date, "tags": _tags, "arxiv": _arxiv,
    "url": _link, "code": _link, "org": _org, "published": _published, "draft": _draft,
    **{name: partial(_arxiv_list, name=name) for name in LINEAGE_FIELDS},
}
"""Schema field name -> the function that reads and checks its value (a test keeps both in step)."""


def _next_fence(fence: str | None, line: str) -> str | None:
    """The open code fence after `line` (None outside code), given the one open before it.

    As CommonMark says (and Python-Markdown does): a block opened by N backticks or tildes
    closes only at a line of the same character, at least N long, with nothing after it, so
    a ``` line inside a ```` block is code, and so is a `## ` line after it.
    """
    match = _CODE_FENCE.match(line)
    if match is None:
        return fence
    marker, rest = match.groups()
    if fence is None:
        return None if marker[0] == "`" and "`" in rest else marker  # a backtick info string may not hold a backtick
    closes = marker[0] == fence[0] and len(marker) >= len(fence) and not rest.strip()
    return None if closes else fence


_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
"""A setext heading's underline (CommonMark 4.3): the line above is a heading of level 1 (`=`) or 2 (`-`)."""
_OTHER_LEVEL = re.compile(r"^ {0,3}(#|#{3,6})[ \t]+([^#]+?)[ \t]*#*[ \t]*$")
"""A heading of another level than a section's (`# English`, `### 한국어`); one naming a section
is a mistake for it."""


def _read_sections(lines: list[str], *, start: int, add: Callable[..., None], misleveled: set[str] | None = None) -> dict[str, Section]:
    """Split the body into its `## ` sections; anything outside them is an error."""
    sections: dict[str, Section] = {}
    current: str | None = None
    heading_line = 0
    buffer: list[str] = []
    fence: str | None = None
    stray_reported = False

    def flush() -> None:
        if current is not None:
            joined = "\n".join(buffer)
            blank = joined[:len(joined) - len(joined.lstrip("\n"))].count("\n")  # lines before its text
            sections[current] = Section(joined.strip("\n"), heading_line, heading_line + 1 + blank)

    for index in range(start, len(lines)):
        line, number = lines[index], index + 1
        control = _CONTROL.search(line)
        if control is not None:
            add(number, control.start() + 1, f"## {_HEADING[current]}" if current else "body",
                f"contains the control character {describe(control.group())}, which no page or feed can carry; delete it "
                "(a PDF's page break or a terminal's colour code pastes as one)", "control-character")
        elif fence is None and (ref := _control_reference(line)) is not None:
            add(number, ref.start() + 1, f"## {_HEADING[current]}" if current else "body",
                f"{ref.group()!r} writes a character no page or feed can carry (a control character or none at all); "
                "delete it", "control-character")
        if fence is None and current is not None and "rxiv:" in line.lower():
            for found in _PREFIXED_ID.finditer(_CODE_SPAN.sub(lambda m: " " * len(m.group()), line)):
                problem = arxiv_id_problem(found.group(1))
                if problem is not None:
                    add(number, found.start() + 1, f"## {_HEADING[current]}", f"{found.group()!r} names no paper: {problem}; "
                        "it stays text, not a link", "bad-mention", "notice")
        fence = _next_fence(fence, line)
        heading = heading_text(line) if fence is None else None
        if heading is not None:
            name = unicodedata.normalize("NFC", heading.strip())
            spec = section_for(name)
            key = spec.key if spec else None
            if key is None:
                known = ", ".join(f"## {s.heading}" for s in SECTIONS)
                meant = SECTION_SLIPS.get(name.casefold().rstrip(":").strip())
                if meant is not None and misleveled is not None:
                    misleveled.add(meant)  # told here, not also "missing" at another line
                hint = f" (did you mean '## {_HEADING[meant]}'?)" if meant else suggest(name, _HEADING.values())
                add(number, 1, "body", f"unknown section '## {name}'{hint}; sections are {known}", "unknown-section")
            elif key in sections or key == current:
                add(number, 1, "body", f"section '## {_HEADING[key]}' appears twice", "duplicate-section")
            flush()
            current, heading_line, buffer = (key if key and key not in sections else None), number, []
            if current is None:
                stray_reported = True  # the problem is already reported; do not also flag its lines
            continue
        other = _OTHER_LEVEL.match(line) if fence is None else None
        if other is not None and section_for(other.group(2)) is not None:
            # `# English`: read as text of the section above (its words under the wrong language),
            # and the missing-language warning pointed at another line.
            key_named = section_for(other.group(2)).key  # type: ignore[union-attr]
            name = _HEADING[key_named]
            if misleveled is not None:
                misleveled.add(key_named)
            add(number, 1, "body", f"`{other.group(1)} {other.group(2).strip()}` is not a section heading: sections are level 2, "
                f"write `## {name}`", "section-heading-level")
            if current is None:
                stray_reported = True  # its text is that section's: told once, at the heading
        underline = _SETEXT.match(line) if fence is None and index > start else None
        above = lines[index - 1].strip() if underline is not None else ""
        underlined = section_for(above) if above and heading_text(lines[index - 1]) is None else None
        if underline is not None and underlined is not None:
            # `English` over `=======`: a heading of level 1 or 2 inside the section above, which the
            # Markdown copy kept as a section of its own (a fuzzing pass); told as `# English` is.
            if misleveled is not None:
                misleveled.add(underlined.key)
            add(number - 1, 1, "body", f"`{above}` underlined with `{underline.group(1)[:3]}` is not a section heading: write "
                f"`## {underlined.heading}` on one line", "section-heading-level")
        if current is None:
            if line.strip() and not stray_reported:
                add(number, 1, "body", f"text outside a section; put it under {_headings_phrase(_COMMENTARY + _NON_COMMENTARY)}", "text-outside-section")
                stray_reported = True
            continue
        buffer.append(line)
    flush()
    return sections
