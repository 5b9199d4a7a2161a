"""The note template, `data/note-template.md`: its guidance text and the placeholder tag.

The scaffold (`papernotes new`) fills a new note's sections with the template's guidance
sentences; the checker refuses any note that still contains one of them, so a contributor
cannot publish the guidance by accident. Both read the same file, so they never disagree.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from papernotes.model import Problem
from papernotes.schema import FrontMatter, heading_text, section_for, split_front_matter

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


@dataclass(frozen=True)
class Guidance:
    """The template's guidance paragraph for each body section."""

    sections: dict[str, str]
    """Section key (`abstract`, `ko`, `en`) -> its guidance text, whitespace-normalised."""

    @property
    def paragraphs(self) -> frozenset[str]:
        return frozenset(_squash(p) for text in self.sections.values() for p in text.split("\n\n") if p.strip())


def read_guidance(template: Path) -> Guidance:
    """The guidance paragraphs of `template`, or the built-in ones when the file is missing."""
    try:
        text = template.read_text(encoding="utf-8-sig")
    except (FileNotFoundError, UnicodeDecodeError):
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
    return Guidance(found or dict(DEFAULT_GUIDANCE))


def find_template_text(text: str, source: str, guidance: Guidance) -> list[Problem]:
    """Errors for every line of `text` that is still the template's guidance or placeholder tag."""
    problems: list[Problem] = []
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
        problems.append(Problem(source, number, 1, section,
                                "this is the template's guidance text; replace it with your own text", "template-text"))

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
