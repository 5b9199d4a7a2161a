"""The note template, `data/note-template.md`: its guidance text, its example values and the
placeholder tag.

The scaffold (`papernotes new`) fills a new note's sections with the template's guidance
sentences; the checker refuses any note that still contains one of them, or still holds the
template's example title, author names or arXiv id (a copy of the template with only the tag
and the commentary written), so a contributor cannot publish them by accident. Both read the
same file, so they never disagree.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from papernotes.model import Problem
from papernotes.schema import FrontMatter, canonical_arxiv_id, heading_text, section_for, split_front_matter
from papernotes.source.yamlnodes import DataFileRefused, Located, NodeError, compose, mapping_items, read_capped

PLACEHOLDER_TAG = "replace-me"
"""The tag the template and the scaffold write; the checker asks to replace it."""

DEFAULT_GUIDANCE = {
    "abstract": "Paste the paper's abstract here (arXiv abstracts are CC0 and may be pasted as they are).",
    "ko": "여기에 한국어 코멘트를 씁니다: 논문이 무엇을 했고 왜 흥미로운지 두세 문장으로 적고, 이 줄은 지워 주세요.",
    "en": "Write the English commentary here: what the paper does and why it matters, "
          "in two or three sentences, then delete this line.",
}
"""Guidance used when the project has no `data/note-template.md` (e.g. a minimal test site)."""

_PLACEHOLDER_IN_TAGS = re.compile(rf"^tags:.*(?<![\w-]){PLACEHOLDER_TAG}(?![\w-])|^\s*-\s*['\"]?{PLACEHOLDER_TAG}['\"]?\s*$")

EXAMPLE_FIELDS = ("title", "authors", "arxiv")
"""The front-matter fields whose value in the template is an example that no note may keep: a
copy of the template with only the tag and the commentary written passed the check with the
title "Paper title exactly as on arXiv", the authors "First Author" and "Second Author", and
the id of an unrelated paper. (Its `date:` is a real day a note may have.)"""

_WRITE_INSTEAD = {
    "title": "write the paper's title",
    "authors": "list the paper's authors",
    "arxiv": "write this paper's arXiv id, or `url:` for a paper not on arXiv",
}


@dataclass(frozen=True)
class Guidance:
    """The template's guidance paragraph for each body section, and its example field values."""

    sections: dict[str, str]
    """Section key (`abstract`, `ko`, `en`) -> its guidance text, whitespace-normalised."""
    examples: dict[str, frozenset[str]] = field(default_factory=dict)
    """Field (`EXAMPLE_FIELDS`) -> the template's example values for it, in the form a note's values
    are compared in (spaces squashed; an arXiv id canonical); none without a template."""

    @property
    def paragraphs(self) -> frozenset[str]:
        return frozenset(_squash(p) for text in self.sections.values() for p in text.split("\n\n") if p.strip())


def read_guidance(template: Path) -> Guidance:
    """The guidance paragraphs of `template`, or the built-in ones when the file is missing, and
    its example front-matter values (none when it is missing)."""
    try:
        text = read_capped(template).decode("utf-8-sig")   # a link to /dev/zero is not read
    except (FileNotFoundError, UnicodeDecodeError, DataFileRefused):
        return Guidance(dict(DEFAULT_GUIDANCE))
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for line in _body_lines(normalise_text(text).split("\n")):
        heading = heading_text(line)
        if heading is not None:
            spec = section_for(heading)
            current = spec.key if spec else None
            if current:
                sections[current] = []
        elif current:
            sections[current].append(line)
    found = {k: "\n".join(v).strip() for k, v in sections.items() if "\n".join(v).strip()}
    return Guidance(found or dict(DEFAULT_GUIDANCE), _template_examples(normalise_text(text).split("\n")))


def _template_examples(lines: list[str]) -> dict[str, frozenset[str]]:
    """The template's values of `EXAMPLE_FIELDS`, read from its front matter (none when it cannot
    be read: the template's own mistakes are not a note's)."""
    examples: dict[str, frozenset[str]] = {}
    for name, _, items in _example_fields(lines):
        values = frozenset(v for item in items if isinstance(item.node, yaml.ScalarNode)
                           and (v := _comparable(name, str(item.node.value))))
        if values:
            examples[name] = values
    return examples


def _example_fields(lines: list[str]) -> list[tuple[str, bool, list[Located]]]:
    """Each of `EXAMPLE_FIELDS` the front matter of `lines` writes, whether it is a list, and its
    values (a list's items, or the one value), located in the file; none when the front matter is
    not a readable mapping (the note's reader says why)."""
    split = split_front_matter(lines)
    if not isinstance(split, FrontMatter):
        return []
    try:
        root = compose("\n".join(split.yaml_lines), offset=1)
        items = list(mapping_items(Located(root, 1))) if root is not None else []
    except NodeError:
        return []
    found = []
    for name, _, value in items:
        if name in EXAMPLE_FIELDS:
            listed = isinstance(value.node, yaml.SequenceNode)
            found.append((name, listed, [Located(item, value.offset) for item in value.node.value] if listed else [value]))
    return found


def _comparable(name: str, value: str) -> str:
    """`value` in the form example values are compared in: NFC, spaces squashed (a title or name
    over two lines is one), an arXiv id without its optional subject class."""
    squashed = _squash(unicodedata.normalize("NFC", value))
    return canonical_arxiv_id(squashed) if name == "arxiv" else squashed


def find_template_examples(text: str, source: str, guidance: Guidance) -> list[Problem]:
    """Errors at every value of `EXAMPLE_FIELDS` in `text`'s front matter that is still the
    template's example. Equal values only (spaces squashed): a title or name that merely resembles
    one is the writer's own."""
    lines = normalise_text(text).split("\n")
    split = split_front_matter(lines)
    if not guidance.examples or not isinstance(split, FrontMatter):
        return []
    front = _squash(" ".join(split.yaml_lines))
    if not any(value in front for values in guidance.examples.values() for value in values):
        return []  # the usual note: its front matter is not composed a second time
    problems: list[Problem] = []
    for name, listed, items in _example_fields(lines):
        for i, item in enumerate(items):
            value = _comparable(name, str(item.node.value)) if isinstance(item.node, yaml.ScalarNode) else ""
            if value not in guidance.examples.get(name, ()):
                continue
            what = {"title": "title", "authors": "name", "arxiv": "id"}[name]
            problems.append(Problem(source, item.line, item.column, f"{name}[{i}]" if listed else name,
                                    f"still the template's example {what} {value!r}; {_WRITE_INSTEAD[name]}",
                                    "template-example"))
    # The example id is a real paper's: alone it is a note about that paper, not a template left as
    # it was. Beside the example title or a name it is the template's.
    if all(p.field == "arxiv" for p in problems):
        return []
    return problems


def find_template_text(text: str, source: str, guidance: Guidance) -> list[Problem]:
    """Errors for every line of `text` that is still the template's guidance or placeholder tag, and
    for every front-matter value still the template's example (`find_template_examples`)."""
    problems = find_template_examples(text, source, guidance)
    lines = normalise_text(text).split("\n")
    body_start = _body_start(lines)
    for number, line in enumerate(lines[:body_start], start=1):
        if _PLACEHOLDER_IN_TAGS.search(line):
            column = line.find(PLACEHOLDER_TAG) + 1
            problems.append(Problem(source, number, column, "tags",
                                    f"replace the placeholder tag {PLACEHOLDER_TAG!r} with tags from data/tags.yml "
                                    f"(or add a new tag there)", "template-text"))
    paragraphs = guidance.paragraphs
    section = "body"
    start, run = 0, []  # the paragraph being read: its first line number and its lines

    def report(number: int) -> None:
        # `## Abstract` is optional: offline, a writer with no abstract to paste may drop it.
        extra = " (or delete the section: ## Abstract is optional)" if section == "## Abstract" else ""
        problems.append(Problem(source, number, 1, section,
                                f"this is the template's guidance text; replace it with your own text{extra}", "template-text"))

    def close_paragraph() -> None:
        # A guidance paragraph may be wrapped over lines, or be one line of a longer paragraph.
        if run and _squash(" ".join(run)) in paragraphs:
            report(start)
        else:
            for offset, line in enumerate(run):
                if _squash(line) in paragraphs:
                    report(start + offset)
        run.clear()

    for number, line in enumerate(lines[body_start:], start=body_start + 1):
        heading = heading_text(line)
        if heading is not None or not line.strip():
            close_paragraph()
        if heading is not None:
            spec = section_for(heading)
            section = f"## {spec.heading}" if spec else "body"
        elif line.strip():
            start = start if run else number
            run.append(line)
    close_paragraph()
    return problems


def normalise_text(text: str) -> str:
    """A note's text as the checker reads it (`parse_note` does the same): CRLF and CR line ends
    as LF, no byte-order mark, NFC. Guidance saved by a Windows editor or with decomposed Hangul
    (macOS) is the same guidance, and line numbers agree with every other problem's."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text[1:] if text.startswith("\ufeff") else text


def _squash(text: str) -> str:
    return " ".join(text.split())


def _body_start(lines: list[str]) -> int:
    """Index of the first body line, or 0 without (closed) front matter: then all of it is body."""
    split = split_front_matter(lines)
    return split.body_start if isinstance(split, FrontMatter) else 0


def _body_lines(lines: list[str]) -> list[str]:
    return lines[_body_start(lines):]
