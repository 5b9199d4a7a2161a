"""YAML errors in the writer's words, located where the writer must act.

PyYAML reports where parsing finally failed, in parser terms ("while parsing a block mapping
expected <block end>"), often lines after the cause: an unclosed quote on line 2 runs to the
next quote and fails at line 9. `explain_syntax_error` recognises the common causes (an open
quote or bracket, a value starting with YAML syntax, a missing space after a colon, a stray
indentation, ...) and says what to type, on the line to fix. It also refuses, where they are,
what PyYAML reads differently from every editor (NEL, U+2028, U+2029 as line breaks) and
locates escapes it cannot decode. Anything unrecognised keeps PyYAML's words and position.
"""

from __future__ import annotations

import re

import yaml

from papernotes.schema import FIELDS
from papernotes.source.characters import describe


class NodeError(Exception):
    """A problem with one node: `line`/`column` are 1-based and absolute in the file."""

    def __init__(self, message: str, line: int, column: int, rule: str = "invalid", field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.rule = rule
        self.field = field
        """The key the problem is in, when a syntax error can tell (None: the document as a whole)."""


_YAML_ONLY_BREAKS = re.compile("[\x85\u2028\u2029]")
"""NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR: line breaks to YAML 1.1 (PyYAML), not to editors,
git or our line numbers."""


def refuse_yaml_only_line_breaks(text: str, offset: int) -> None:
    """Refuse NEL, U+2028 and U+2029 anywhere in the YAML, comments included, where they are.

    PyYAML counts them as line breaks, so left in they would shift every later line number
    by one, fold a quoted value silently (NEL becomes a space) or end a comment early, while
    the writer's editor shows one line. They are invisible and no front matter needs them, so
    the one consistent treatment is to refuse them, located by the lines everyone else counts.
    (In the Markdown body they are harmless text and are left alone.)"""
    found = _YAML_ONLY_BREAKS.search(text)
    if found is None:
        return
    before = text[: found.start()]
    line = before.count("\n") + 1 + offset
    column = found.start() - before.rfind("\n")
    key = _KEY_LINE.match(text.split("\n")[before.count("\n")])  # a comment line names no field
    raise NodeError(f"the invisible character {describe(found.group())} is a line break to YAML but not to your editor; "
                    "delete it (retype the text around it)", line, column, "invisible-character", key.group(1) if key else None)


_BIG_ESCAPE = re.compile(r"\\U([0-9A-Fa-f]{8})")


def escape_out_of_range(text: str, offset: int) -> NodeError:
    """The `\\UXXXXXXXX` escape past U+10FFFF that made PyYAML's scanner fail (it calls chr()
    without a range check, raising ValueError or OverflowError with no position)."""
    for match in _BIG_ESCAPE.finditer(text):
        if int(match.group(1), 16) > 0x10FFFF:
            before = text[: match.start()]
            return NodeError(f"YAML syntax error: the escape {match.group()} is not a Unicode character (the last one is \\U0010FFFF); "
                             "write the character itself, or delete the escape", before.count("\n") + 1 + offset,
                             match.start() - before.rfind("\n"), "yaml-syntax", _key_above(text.split("\n"), before.count("\n")))
    return NodeError("YAML syntax error: an escape in a double-quoted value is not a Unicode character; "
                     "write the character itself", offset + 1, 1, "yaml-syntax")


_KEY_LINE = re.compile(r"^\s*(?:-\s+)?([^\s#:'\"\[\]{},&*!|>%@`-][^#:]*?)\s*:(?:\s|$)")


def _key_above(lines: list[str], index: int) -> str | None:
    """The key of line `index` (0-based) or of the nearest line above it that has one."""
    for i in range(min(index, len(lines) - 1), -1, -1):
        match = _KEY_LINE.match(lines[i])
        if match:
            return match.group(1)
    return None


def _value_start(line: str) -> int:
    """0-based index where the value of a `key: value` line starts (0 when there is no key)."""
    match = re.match(r"^\s*(?:-\s+)?[^#:]*?:\s+", line)
    return match.end() if match else len(line) - len(line.lstrip())


def _quote_end(line: str, start: int) -> int | None:
    """Index just after the quote that closes the one opened at `line[start]`, or None."""
    quote = line[start]
    i = start + 1
    while i < len(line):
        c = line[i]
        if quote == '"' and c == "\\":
            i += 2
            continue
        if c == quote:
            if quote == "'" and line[i + 1:i + 2] == "'":  # '' is an escaped quote
                i += 2
                continue
            return i + 1
        i += 1
    return None


def _closes_later(lines: list[str], index: int, quote: str, upto: int) -> int | None:
    """The line after `index` where a quoted value left open closes, if it does before a line
    that looks like a new `key:` (then the quote was never meant to run on)."""
    for later in range(index + 1, min(upto, len(lines) - 1) + 1):
        text = lines[later]
        if _KEY_LINE.match(text) and not text.startswith((" ", "\t")):
            return None
        if _quote_end(quote + text, 0) is not None or text.count(quote) % 2:
            return later
    return None


def _unclosed_quote(lines: list[str], upto: int) -> tuple[int, int] | None:
    """(line index, column index) of the first quoted value up to line `upto` that is not closed
    on its own line, or has text after its closing quote. Only consulted once parsing failed:
    a valid value may span lines, but after a syntax error this is almost always the cause.
    A quote that closes on a later line before any `key:` line is a valid multi-line value."""
    continued = -1  # the last line of a valid multi-line quoted value
    for index, line in enumerate(lines[: upto + 1]):
        if index <= continued:
            continue
        start = _value_start(line)
        if start < len(line) and line[start] in "\"'":
            end = _quote_end(line, start)
            if end is None:
                closing = _closes_later(lines, index, line[start], upto)
                if closing is None:
                    return index, start
                continued = closing
            elif line[end:].strip() and not line[end:].lstrip().startswith("#"):
                return index, start
        elif start < len(line) and line[start] in "[{":  # a flow list: each item may be quoted
            at = start + 1
            while at < len(line):
                quote = re.compile(r"\s*([\"'])").match(line, at)
                if quote:
                    end = _quote_end(line, quote.start(1))
                    if end is None:
                        return index, quote.start(1)
                    at = end
                following = line.find(",", at)
                if following < 0:
                    break
                at = following + 1
    return None


_ODD_COLON = re.compile(r"^([A-Za-z_][\w-]*)(?:[ \t]*([\uff1a\ufe55\ufe13])|:([\u00a0\u2007\u202f\u3000]))")
"""A key whose colon is full-width (`org： UIUC`, a Korean input method's) or followed by a no-break
or ideographic space (`org:\u00a0UIUC`): YAML reads neither as a key's colon and space."""


def odd_colon(line: str) -> tuple[str, int, str] | None:
    """(key, column, what to type) when `line` starts with a key written with `_ODD_COLON`'s look-alikes."""
    m = _ODD_COLON.match(line)
    if m is None:
        return None
    if m.group(2):
        return m.group(1), m.start(2) + 1, (f"the colon after {m.group(1)!r} is the full-width {m.group(2)!r} (a Korean "
                                            f"or Japanese input method's), which YAML does not read as a colon: type `:`")
    return m.group(1), m.start(3) + 1, (f"the space after `{m.group(1)}:` is a no-break or wide space (U+{ord(m.group(3)):04X}), "
                                        f"which YAML does not read as a space: type an ordinary space")


_INDICATORS = set("[{|>*&!%@`")
"""Characters that give a plain value a YAML meaning when they start it."""


def quoted(value: str) -> str:
    """`value` as a YAML quoted scalar a writer can paste: double quotes unless it holds some.
    Curly quotes around the whole value (a word processor's) are taken off: YAML keeps them."""
    if len(value) > 1 and {"\u201c": "\u201d", "\u2018": "\u2019"}.get(value[0]) == value[-1]:
        value = value[1:-1].strip()
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _curly(value: str) -> str:
    """A word to add when `value` opens with a curly quote: the writer thinks it is quoted."""
    return " (YAML keeps curly quotes (“…”) as part of the value: use straight ones)" if value[:1] in "\u201c\u201d\u2018\u2019\u00ab" else ""


def _known_key(word: str) -> bool:
    """Whether `word` is a key of a note's front matter or of `data/authors.yml` (its owner's lists,
    imported here: that module reads its file through this one): a line that starts with one and a
    space (`org Lab`) left out the colon."""
    from papernotes.source.authors import ORG_KEYS, PERSON_KEYS, TOP_KEYS

    return word in {field.name for field in FIELDS} or word in (*TOP_KEYS, *PERSON_KEYS, *ORG_KEYS)


_QUOTED_ALONE = re.compile(r"""^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')\s*(?:#.*)?$""")


def _keyless_value(lines: list[str], upto: int) -> int | None:
    """The index of the first line up to `upto` that is a quoted value alone at the left edge
    (`"A paper"`, its `title: ` deleted), which no front matter can hold: PyYAML fails on a later
    line and the advice there (quote the next value, delete the next line) made it worse (a
    fuzzing QA pass)."""
    for index, line in enumerate(lines[: upto + 1]):
        if _QUOTED_ALONE.match(line) and not line[:1].isspace() and not (index and lines[index - 1].rstrip().endswith(("\\", ","))) \
                and (_unclosed_quote(lines, index) or (index,))[0] >= index:   # not inside a quoted value above
            return index
    return None


def _keyless_text(lines: list[str], index: int) -> int | None:
    """The index of the line above `index` when it is text alone at the left edge
    (no colon, no list dash, no quote) and line `index` a key at the left edge: `A paper` (its
    `title: ` deleted) above `authors: [A B]`, which YAML reads as one key and failed on as
    "quote the authors' value" (a fuzzing QA pass). None otherwise."""
    if index >= len(lines) or not _KEY_LINE.match(lines[index]) or lines[index][:1].isspace():
        return None
    above = next((i for i in range(index - 1, -1, -1) if lines[i].strip()), None)
    if above is None:
        return None
    text = lines[above]
    if text[:1] in (" ", "\t", "-", "#", "'", '"') or ":" in text or text.strip() in ("---", "..."):
        return None
    if above and lines[above - 1].strip() and not _KEY_LINE.match(lines[above - 1]):
        return None   # the last line of a longer text, not a line alone
    return above


def _stray_quote(line: str, column: int) -> str | None:
    """The key of `line` when its quote at `column` is all that stands before a `key: value` at
    the left edge (`'published: 2025-09-09`): a quote typed there by mistake, not an unclosed value
    (the key above was blamed for it, and told to close the quote). None otherwise."""
    if line[:column].strip():
        return None
    match = _KEY_LINE.match(line[column + 1:])
    return match.group(1) if match and not line[column + 1:column + 2].isspace() else None


def explain_syntax_error(exc: yaml.MarkedYAMLError, text: str, offset: int) -> NodeError:
    """PyYAML's syntax error in plain words, at the line where the writer must act.

    PyYAML reports where parsing finally failed, which is often lines after the cause (an
    unclosed quote on line 2 runs to the next quote and fails at line 9 as "while parsing a
    block mapping"). The common causes are recognised here; anything else keeps PyYAML's words.
    """
    lines = text.split("\n")
    mark = exc.problem_mark or exc.context_mark
    problem, context = exc.problem or "", exc.context or ""

    def at(index: int, column: int, message: str, keyed: bool = True) -> NodeError:
        return NodeError(f"YAML syntax error: {message}", index + 1 + offset, column + 1, "yaml-syntax",
                         _key_above(lines, index) if keyed else None)

    def value_of(index: int) -> str:
        key = _key_above(lines, index)
        return f"the value of {key!r}" if key else "this value"

    if mark is None:
        return NodeError(f"YAML syntax error: {context} {problem}".strip(), offset + 1, 1, "yaml-syntax")
    if "\t" in text and ("tab" in problem.lower() or "'\\t'" in problem):
        # PyYAML's "while scanning for the next token found character '\t' that cannot start any
        # token" meant nothing to a newcomer: say where the tab is and what to type instead.
        index = next((i for i in range(mark.line, -1, -1) if "\t" in lines[i]), mark.line)   # the nearest tab at or above
        line = lines[index]
        column = line.find("\t") if "\t" in line else mark.column
        if not line[:column].strip():
            return at(index, column, "this line is indented with a tab; YAML indents with spaces only: replace the tab with spaces")
        return at(index, column, "a tab here, which YAML cannot read between values: use spaces, not tabs")
    if context.startswith("while scanning a quoted scalar") and exc.context_mark is not None:
        start = exc.context_mark
        stray = _stray_quote(lines[start.line], start.column)
        if stray is not None:
            return NodeError(f"YAML syntax error: a stray {lines[start.line][start.column]} before `{stray}:` starts a quoted "
                             "text that runs on: delete it", start.line + 1 + offset, start.column + 1, "yaml-syntax", stray)
        return at(start.line, start.column, f"unclosed quote in {value_of(start.line)}: end the value with {lines[start.line][start.column]} on this line")
    for index, line in enumerate(lines[: mark.line + 2]):   # PyYAML fails at the line after such a key
        odd = odd_colon(line)
        if odd is not None:
            return NodeError(f"YAML syntax error: {odd[2]}", index + 1 + offset, odd[1], "yaml-syntax", odd[0])
    for index, line in enumerate(lines[: mark.line + 1]):
        squeezed = re.match(r"^([A-Za-z_][\w-]*):([^\s:].*)$", line)  # `title:x`: YAML needs a space after the colon
        if squeezed:
            return NodeError(f"YAML syntax error: put a space after the colon: `{squeezed.group(1)}: {squeezed.group(2)}`",
                             index + 1 + offset, len(squeezed.group(1)) + 2, "yaml-syntax", squeezed.group(1))
    quoted_alone = _keyless_value(lines, mark.line)
    index = quoted_alone if quoted_alone is not None else _keyless_text(lines, mark.line)
    if index is not None:
        # The key to write: `title` when no line has it (the commonest key to lose), else any key.
        key = "key" if any(re.match(r"^title\s*:", other) for other in lines) else "title"
        word, _, rest = lines[index].strip().partition(" ")
        if quoted_alone is None and key != "title" and rest and _known_key(word):   # `org Lab`: the key is there, its colon is not
            return NodeError(f"YAML syntax error: this line is not a `key: value` line: put a colon after `{word}`: "
                             f"`{word}: {rest.strip()}`", index + 1 + offset, len(word) + 1, "yaml-syntax", word)
        further = "" if quoted_alone is not None or key == "title" else ", or if it continues the value above, put that value in quotes"
        return NodeError(f"YAML syntax error: this line has a value but no key: write its key before it, e.g. "
                         f"`{key}: {lines[index].strip()}`{further}", index + 1 + offset, 1, "yaml-syntax")
    unclosed = _unclosed_quote(lines, mark.line)
    if unclosed is not None:
        index, column = unclosed
        line = lines[index]
        quote = line[column]
        stray = _stray_quote(line, column)
        if stray is not None:
            return NodeError(f"YAML syntax error: a stray {quote} before `{stray}:` starts a quoted text that runs on: "
                             "delete it", index + 1 + offset, column + 1, "yaml-syntax", stray)
        if _quote_end(line, column) is None:
            return at(index, column, f"unclosed quote in {value_of(index)}: end the value with {quote} on this line")
        return at(index, column, f"text after the closing quote in {value_of(index)}: quote the whole value, "
                                 f"e.g. {quoted(line[column:].strip())}")
    index, column = mark.line, mark.column
    line = lines[index] if index < len(lines) else ""
    start = _value_start(line)
    value = line[start:].strip()
    if value[:1] in _INDICATORS and not ("flow" in context and value[:1] in "[{") and _KEY_LINE.match(line):
        # `title: [Draft] A paper`, `title: *Bold*`, `title: |x|`: the first character means something to YAML.
        return at(index, start, f"{value_of(index)} starts with {value[0]!r}, which YAML reads as syntax; "
                                f"put the whole value in quotes: {quoted(value)}")
    if "expected '<document start>'" in problem:
        end = next((i for i in range(index - 1, -1, -1) if lines[i].strip() == "..." or lines[i].startswith("%")), index)
        return at(end, 0, "this line ends the YAML early (`...` or a `%` directive); delete it", keyed=False)
    if "expected the node content, but found ','" in problem:
        return at(index, column, f"two commas in a row in {value_of(index)}: delete one")
    if "mapping values are not allowed" in problem:
        indent = len(line) - len(line.lstrip())
        at_above = next((i for i in range(index - 1, -1, -1) if lines[i].strip()), None)
        above = lines[at_above] if at_above is not None else ""
        # `people` (its colon left out) above `  - name: Tuo Zhao`: YAML reads the word and the lines
        # below as one text, and the name's ": " fails; quoting the name was the advice (a QA pass).
        if re.fullmatch(r"\s*[A-Za-z_][\w-]*\s*", above) and len(above) - len(above.lstrip()) < indent:
            word = above.strip()
            return NodeError(f"YAML syntax error: `{word}` has no colon, so YAML reads it and the lines below as one text: "
                             f"write `{word}:`", at_above + 1 + offset, len(above.rstrip()) + 1, "yaml-syntax")
        item = re.match(r"^(\s*)-\s+\S", above)  # `  - Author Name` then `   date: ...`: read as the item's text
        if indent and _KEY_LINE.match(line) and (item or _KEY_LINE.match(above) and above[_value_start(above):].strip()) \
                and len(above) - len(above.lstrip()) < indent:
            return at(index, 0, f"this line is indented, so YAML reads it as part of the value above; "
                                f"remove the spaces before {_key_above(lines, index)!r}")
        value = line[_value_start(line):].strip()
        return at(index, _value_start(line), f"{value_of(index)} contains ': ', which YAML reads as a new key; "
                                              f"put the whole value in quotes: {quoted(value)}{_curly(value)}")
    if "could not find expected ':'" in problem and exc.context_mark is not None:
        index = exc.context_mark.line
        return NodeError("YAML syntax error: this line is not a `key: value` line: add `key:`, or if it continues "
                         "the value above, put that value in quotes", index + 1 + offset, exc.context_mark.column + 1, "yaml-syntax")
    found = re.search(r"found character '(.+)' that cannot start any token", problem)
    if found:
        char = found.group(1)
        value = line[_value_start(line):].strip()
        return at(index, column, f"{value_of(index)} cannot start with {char!r} unquoted; put it in quotes: {quoted(value)}")
    escape = re.search(r"found unknown escape character '(.+)'", problem)
    if escape:
        return at(index, column, f"unknown escape \\{escape.group(1)} in {value_of(index)}: write \\\\ for a backslash, "
                                 "or use 'single quotes', which have no escapes")
    if "found '<stream end>'" in problem or "sequence entries are not allowed here" in problem:
        # The front matter's last line opens a list or mapping it never closes (`org: [`), or
        # a value starts with "- " after its key (`title: - x`), which YAML reads as a list.
        for back in range(min(index, len(lines) - 1), -1, -1):
            start = _value_start(lines[back]) if _KEY_LINE.match(lines[back]) else -1
            value = lines[back][start:].strip() if start >= 0 else ""
            if value[:1] in ("[", "{"):
                closer = "]" if value[0] == "[" else "}"
                return at(back, start, f"the {value[0]} that opens {value_of(back)} is not closed: end it with {closer} on this line")
            if value.startswith("- "):
                return at(back, start, f"{value_of(back)} starts with '- ', which YAML reads as a list item; put the whole "
                                       f"value in quotes: {quoted(value)}, or write a list on the lines below")
            if lines[back].strip() and start >= 0:
                break
    if context.startswith(("while parsing a flow sequence", "while parsing a flow mapping")) and exc.context_mark is not None:
        opener, closer = ("[", "]") if "sequence" in context else ("{", "}")
        start = exc.context_mark
        if start.line != index:
            return at(start.line, start.column, f"the {opener} that opens {value_of(start.line)} is not closed: "
                                                f"end it with {closer} on this line")
        return at(index, column, f"in {value_of(index)}, separate the items with commas and end with {closer}")
    if context.startswith(("while parsing a block mapping", "while parsing a block collection")) and "expected <block end>" in problem:
        if "'-'" in problem or "<block sequence start>" in problem:
            return at(index, column, f"this list item is not lined up with the items above: start every `- ` item of "
                                     f"{value_of(index)} with the same number of spaces")
        return at(index, column, "this line is indented differently from the lines above: keys start at the left "
                                 "edge, list items under their key with the same spaces")
    what = " ".join(p for p in (context, problem) if p)
    if exc.context_mark and exc.context_mark.line != index:
        what += f" (in the part that starts on line {exc.context_mark.line + 1 + offset})"
    return at(index, column, what)
