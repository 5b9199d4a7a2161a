"""How problems are printed: plain `path:line:col: severity: field: message` lines, or GitHub
workflow commands that GitHub Actions turns into annotations on the pull request's lines.
"""

from __future__ import annotations

from typing import Iterable

from papernotes.model import Problem, printable

FORMATS = ("text", "github")


def count(n: int, word: str, words: str | None = None) -> str:
    """"1 error", "4 errors", "1,200 notes": a count in the commands' summaries and the build's log
    (they said "4 error(s)" where the preview server's box said "4 errors")."""
    return f"{n:,} {word if n == 1 else words or word + 's'}"


def format_problems(problems: Iterable[Problem], style: str = "text") -> list[str]:
    """One output line per problem in the chosen `style` (one of `FORMATS`)."""
    if style == "github":
        return [github_annotation(p) for p in problems]
    return [p.format() for p in problems]


def github_annotation(problem: Problem) -> str:
    """`::error file=…,line=…,col=…,title=…::message`; line and col are left out when unknown (0).
    Control, line-break and bidi characters of a file name, field or message are written as
    escapes (`model.printable`), as in the plain format: GitHub's escaping covers only CR and LF."""
    props = [f"file={_escape_property(printable(problem.path))}"]
    if problem.line:
        props.append(f"line={problem.line}")
        if problem.column:
            props.append(f"col={problem.column}")
    props.append(f"title={_escape_property(printable(f'papernotes {problem.rule}: {problem.field}'))}")
    return f"::{problem.severity} {','.join(props)}::{_escape_data(printable(problem.message))}"


def _escape_data(text: str) -> str:
    # The escaping GitHub's runner expects (actions/toolkit `escapeData`).
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


LOGGED_NOTICES = 5
"""Notices of one kind a build's log shows before it counts the rest: advice is logged on every
build, and a site with thousands of notes dated ahead logged a line for each on every save."""


def notice_lines(notices: Iterable[Problem]) -> list[str]:
    """The build log's lines for `notices` (advice): the first `LOGGED_NOTICES` of each rule, then
    how many more there are and where `papernotes check` lists them all."""
    shown: dict[str, int] = {}
    lines: list[str] = []
    for problem in notices:
        count = shown[problem.rule] = shown.get(problem.rule, 0) + 1
        if count <= LOGGED_NOTICES:
            lines.append(problem.format())
    lines += [f"... and {count - LOGGED_NOTICES} more notices like these ({rule}); `papernotes check` lists them all"
              for rule, count in shown.items() if count > LOGGED_NOTICES]
    return lines
