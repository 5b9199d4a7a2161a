"""Safe, located YAML: compose a document into nodes and read typed values from them.

We work on `yaml.compose` nodes rather than `yaml.safe_load` results because nodes keep
each value's line and column and its *original text*: an unquoted `2401.12340` is a float
node whose text is still `2401.12340`, so the message can say exactly what to quote.
PyYAML's own pitfalls are handled here once: duplicate keys (silently last-wins in PyYAML),
anchors and aliases (alias bombs), pathological nesting (recursion in the composer). What a
syntax error means, in the writer's words and at the line to fix, is `yamlerrors`' job.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import yaml

from papernotes.model import Problem
from papernotes.schema import date_fix
from papernotes.source.characters import describe, find_invisible, invisible_message
from papernotes.source.yamlerrors import NodeError, escape_out_of_range, explain_syntax_error, refuse_yaml_only_line_breaks

__all__ = ["NodeError", "Located", "compose", "mapping_items", "read_text", "read_list", "read_written_list", "read_date", "read_data_file"]

MAX_DEPTH = 16
"""Deepest nesting a front-matter document may have; notes need 2."""

STR = "tag:yaml.org,2002:str"
_KIND_NAMES = {
    "tag:yaml.org,2002:bool": "a boolean",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "empty (null)",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:seq": "a list",
    "tag:yaml.org,2002:map": "a mapping",
}
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")  # ASCII digits: \d also matches ٢٠٢٤


@dataclass(frozen=True)
class Located:
    """A YAML node plus the line offset of the document inside its file."""

    node: yaml.Node
    offset: int

    @property
    def line(self) -> int:
        return self.node.start_mark.line + 1 + self.offset

    @property
    def column(self) -> int:
        return self.node.start_mark.column + 1

    def error(self, message: str, rule: str = "invalid") -> NodeError:
        return NodeError(message, self.line, self.column, rule)

    def error_at(self, index: int, message: str, rule: str = "invalid") -> NodeError:
        """An error at the character `index` of this scalar's value, located in the file.

        The character is looked up in the node's source text, so the column is exact for
        plain, quoted and block scalars alike; an escaped one (`"\\u200b"`) points at the node.
        """
        char = self.node.value[index]
        start, end = self.node.start_mark, self.node.end_mark
        source = start.buffer[start.index:end.index] if start.buffer is not None else ""
        at = source.find(char)
        if at < 0:
            return self.error(message, rule)
        before = source[:at]
        line = self.line + before.count("\n")
        column = at - before.rfind("\n") if "\n" in before else self.column + at
        return NodeError(message, line, column, rule)

    def describe(self) -> str:
        """Say what kind of value this node holds, for messages ('a number', 'a list')."""
        return _KIND_NAMES.get(self.node.tag, "text" if self.node.tag == STR else "a value")


_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
"""libyaml's loader when PyYAML has it: about ten times faster on valid documents."""


def compose(text: str, offset: int = 0) -> yaml.Node | None:
    """Compose one YAML document, refusing aliases, custom tags and deep nesting.

    `offset` is the number of file lines before the document, so errors point into the file.
    """
    refuse_yaml_only_line_breaks(text, offset)
    # libyaml's marks do not carry the source buffer, so a document that will be refused for an
    # invisible character goes to the pure-Python loader, which locates it exactly.
    if _FAST_LOADER is not None and find_invisible(text) is None:
        try:
            return _compose(text, offset, _FAST_LOADER)
        except NodeError as err:
            if err.rule != "yaml-syntax":
                raise
            # Fall through: the pure-Python loader words syntax errors the way users see them.
    return _compose(text, offset, yaml.SafeLoader)


def _compose(text: str, offset: int, loader: type) -> yaml.Node | None:
    depth = 0
    try:
        # Hack: scan the event stream first; it is iterative, so neither a deep nesting
        # nor an alias bomb can recurse or expand before we refuse it.
        for event in yaml.parse(text, Loader=loader):
            line = event.start_mark.line + 1 + offset
            column = event.start_mark.column + 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise NodeError("YAML anchors and aliases (&, *) are not allowed here", line, column, "yaml-alias")
            tag = getattr(event, "tag", None)
            implicit = getattr(event, "implicit", True)  # a pair for scalars, a bool for collections
            if tag and not (implicit[0] if isinstance(implicit, tuple) else implicit) and tag != "!":
                raise NodeError(f"YAML tag {tag!r} is not allowed; write plain values", line, column, "yaml-tag")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise NodeError(f"nesting deeper than {MAX_DEPTH} levels", line, column, "yaml-depth")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
        return yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        raise explain_syntax_error(exc, text, offset) from None
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line = before.count("\n") + 1 + offset
        column = exc.position - before.rfind("\n")
        char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        raise NodeError(f"YAML syntax error: the character {describe(char)} is not allowed; delete it", line, column, "yaml-syntax") from None
    except (ValueError, OverflowError):  # PyYAML's scanner calls chr() on a `\UXXXXXXXX` escape unchecked
        raise escape_out_of_range(text, offset) from None
    except yaml.YAMLError as exc:
        raise NodeError(f"YAML error: {exc}", offset + 1, 1, "yaml-syntax") from None


def mapping_items(loc: Located, on_skip: Callable[[NodeError], None] | None = None) -> Iterator[tuple[str, Located, Located]]:
    """Yield `(key, key_node, value_node)`; raises on non-text keys and duplicate keys.

    With `on_skip`, such a key (a repeated one: the first wins) is passed to it and skipped
    instead, so one bad entry in a registry does not cost the others.
    """
    if not isinstance(loc.node, yaml.MappingNode):
        raise loc.error(f"expected a mapping of `key: value` lines, got {loc.describe()}", "not-a-mapping")
    seen: dict[str, int] = {}
    for key_node, value_node in loc.node.value:
        key = Located(key_node, loc.offset)
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != STR:
            shown = f" {key_node.value!r}" if isinstance(key_node, yaml.ScalarNode) else ""  # a list's value is its nodes
            error = key.error(f"keys must be plain names, got {key.describe()}{shown}", "bad-key")
            if on_skip is None:
                raise error
            on_skip(error)
            continue
        name = key_node.value
        hidden = find_invisible(name)
        if hidden is not None:
            raise key.error_at(hidden, f"the key {name!r} {invisible_message(name, hidden)}", "invisible-character")
        if name in seen:
            error = key.error(
                f"duplicate key {name!r} (first defined on line {seen[name]}); YAML would silently keep the last one",
                "duplicate-key",
            )
            if on_skip is None:
                raise error
            on_skip(error)
            continue
        seen[name] = key.line
        yield name, key, Located(value_node, loc.offset)


Entries = list[tuple[str, Located, Located]]
"""A mapping's `(key, key node, value node)` triples, as `mapping_items` yields them."""


MAX_DATA_BYTES = 2 * 1024 * 1024
"""The most a data file (`data/tags.yml`, `glossary.yml`, `authors.yml`) may hold: ten times a large
project's, and a bound on what one pull request makes every build read."""


class DataFileRefused(Exception):
    """A data file that is not read: a symbolic link, not a regular file, or too large (the message says which)."""


def read_capped(path: Path) -> bytes:
    """`path`'s bytes, read only when it is a regular file of at most MAX_DATA_BYTES and not a
    symbolic link: a link in a pull request could name `/dev/zero` (the build read until memory ran
    out) or a file of the machine outside the project (its keys were printed in the errors), as a
    note cannot (`tree.note_files`). A missing file raises FileNotFoundError."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        if isinstance(err, FileNotFoundError):
            raise
        if path.is_symlink():
            raise DataFileRefused("a symbolic link: data files are read only as regular files of the project; "
                                  "replace the link with the file itself") from None
        raise DataFileRefused(f"cannot be read ({err.strerror or err})") from None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise DataFileRefused("not a regular file; data files are plain text files of the project")
        data = file.read(MAX_DATA_BYTES + 1)
    if len(data) > MAX_DATA_BYTES:
        raise DataFileRefused(f"over {MAX_DATA_BYTES // (1024 * 1024)} MiB; the limit keeps every build small: "
                              f"split it, or trim what no note uses")
    return data


def byte_position(raw: bytes, at: int) -> tuple[int, int]:
    """Line and column (1-based, in characters) of the byte `at` of `raw`, the text before it on
    its line read as UTF-8 as far as it goes: where an editor shows the first byte that is not."""
    start = raw.rfind(b"\n", 0, at) + 1
    return raw.count(b"\n", 0, at) + 1, len(raw[start:at].decode("utf-8", "replace")) + 1


def read_data_file(path: Path, display: str) -> tuple[Entries | None, list[Problem]]:
    """The top-level entries of a data file (`data/tags.yml`, `glossary.yml`, `authors.yml`: one
    mapping each) and the problems met reading them, located in `display`: None and the problem
    when the file is not UTF-8 (at the line and column of the first bad byte) or not a YAML
    mapping; no entries when it holds no document
    (empty, or comments only); a repeated key (the first wins) or one that is not a name is
    reported and skipped. A missing
    file raises FileNotFoundError: whether that is an error is the caller's to say."""
    problems: list[Problem] = []

    def report(err: NodeError) -> None:
        problems.append(Problem(display, err.line, err.column, "file", err.message, err.rule))

    try:
        text = read_capped(path).decode("utf-8-sig")
    except DataFileRefused as refused:
        problems.append(Problem(display, 1, 1, "file", str(refused), "file"))
        return None, problems
    except UnicodeDecodeError as exc:
        line, column = byte_position(exc.object, exc.start)  # in the bytes after a BOM, the first bad one
        problems.append(Problem(display, line, column, "file", "not valid UTF-8 text; save it as UTF-8", "encoding"))
        return None, problems
    try:
        root = compose(text)
        return (list(mapping_items(Located(root, 0), on_skip=report)) if root is not None else []), problems
    except NodeError as err:
        report(err)
        return None, problems


_CURLY = {"\u201c": "\u201d", "\u2018": "\u2019", "\u201e": "\u201c", "\u00ab": "\u00bb", "\u300c": "\u300d", "\u300e": "\u300f"}
"""Opening quotation marks of prose and their closing ones: “…”, ‘…’, „…“, «…», 「…」, 『…』."""


_IN_ONE_LINE = re.compile(r"\S[ \t\n]*?([\t\n])[ \t\n]*\S")
"""A tab or line break between two characters of a value (not the spaces around it, which are
stripped: a `>` block ends in one)."""


def read_text(loc: Located, *, allow_empty: bool = False, one_line: str | None = None) -> str:
    """A text value, NFC-normalised. Numbers, booleans, dates and nulls are refused with a
    'quote it' hint; invisible and bidi-control characters are refused where they are, and so,
    in a value that names something (`one_line`: what it is, "the title"), are the two control
    characters other text may hold, a line break and a tab: `title: "Title\\nTY  - JOUR"`
    passed, and its citation files showed the name run together with what followed the break."""
    node = loc.node
    if isinstance(node, yaml.ScalarNode) and node.tag == STR:
        hidden = find_invisible(node.value)
        if hidden is not None:
            raise loc.error_at(hidden, invisible_message(node.value, hidden), "invisible-character")
        broken = _IN_ONE_LINE.search(node.value) if one_line is not None else None
        if broken is not None:
            what = "a line break" if broken.group(1) == "\n" else "a tab"
            # At the value: libyaml's marks (the usual loader) do not say where in it the break is.
            raise loc.error(f"contains {what} (U+{ord(broken.group(1)):04X}): {one_line} is one line of text; "
                            "write it on one line, with spaces", "control-character")
        value = unicodedata.normalize("NFC", node.value).strip()
        if not value and not allow_empty:
            raise loc.error("must not be empty", "empty")
        if not node.style and len(value) > 1 and _CURLY.get(value[0]) == value[-1]:  # plain: "" (the C loader) or None
            # A word processor's quotes are text to YAML: the title's <h1> and BibTeX kept them,
            # and an arXiv id or a date so wrapped was "not an arXiv id" with no word of why.
            raise loc.error(f"the value is wrapped in curly quotes ({value[0]}…{value[-1]}), which YAML keeps as part of it; "
                            f"use straight quotes instead: \"{value[1:-1].strip()}\"", "curly-quotes")
        return value
    if isinstance(node, yaml.ScalarNode) and node.tag != "tag:yaml.org,2002:null":
        raise loc.error(
            f"expected text, but YAML reads `{node.value}` as {loc.describe()}; quote it: \"{node.value}\"",
            "wrong-type",
        )
    if allow_empty and node.tag == "tag:yaml.org,2002:null":
        return ""
    raise loc.error(f"expected text, got {loc.describe()}", "wrong-type")


def read_list(loc: Located) -> list[Located]:
    """A list; a single scalar is read as a one-item list."""
    if isinstance(loc.node, yaml.SequenceNode):
        return [Located(item, loc.offset) for item in loc.node.value]
    if isinstance(loc.node, yaml.ScalarNode) and loc.node.tag != "tag:yaml.org,2002:null":
        return [loc]
    raise loc.error(f"expected a list, got {loc.describe()}", "wrong-type")


def read_written_list(loc: Located, key: str, *, entry: str, one: str) -> list[Located]:
    """A list written as one (`[a, b]`, or `- a` lines): a scalar is refused, with the list to
    write. For fields where one value alone is never the likely meaning: `aliases: 김민지, Kim
    Min-ji` was read as one alias (so nobody was joined), and `aliases: "x"` passed unnoticed.
    `key` is the field as written, `entry` what one item is ('name'), `one` what a line of them
    would make ('alias')."""
    node = loc.node
    if isinstance(node, yaml.ScalarNode) and node.tag != "tag:yaml.org,2002:null":
        text = " ".join(str(node.value).split())
        parts = [part.strip() for part in text.split(",") if part.strip()]
        if len(parts) > 1:
            raise loc.error(f"several {entry}s on one line make one {one}; write a list: {key}: [{', '.join(parts)}]",
                            "wrong-type")
        raise loc.error(f"`{key}:` is a list, even of one {entry}; write a list: {key}: [{text}]", "wrong-type")
    return read_list(loc)


def read_date(loc: Located) -> dt.date:
    """A calendar date written `YYYY-MM-DD` (quoted or not); impossible dates are refused."""
    node = loc.node
    if not isinstance(node, yaml.ScalarNode) or node.tag not in (STR, "tag:yaml.org,2002:timestamp"):
        raise loc.error(f"expected a date YYYY-MM-DD, got {loc.describe()}", "bad-date")
    text = node.value.strip()
    if not _ISO_DATE.match(text):
        if not node.style and len(text) > 1 and _CURLY.get(text[0]) == text[-1]:
            raise loc.error(f"the date is wrapped in curly quotes ({text[0]}…{text[-1]}), which YAML keeps as part of it; "
                            f"use straight quotes or none: {text[1:-1].strip()}", "bad-date")
        # 2026-12-7, 2026년 12월 7일, Dec 7, 2026: the date is clear, its writing is not
        raise loc.error(f"expected a date written YYYY-MM-DD, got {text!r}{date_fix(text)}", "bad-date")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise loc.error(f"{text!r} is not a real calendar date", "bad-date") from None
