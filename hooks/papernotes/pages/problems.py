"""What `mkdocs serve` shows while notes have problems: a banner on every page, and a draft page
in place of each note that does not load.

The banner is not written into the pages: under serve every page carries the same small slot
(`PROBLEMS_SLOT`), which shows the banner the build wrote to `PROBLEMS_FILE` at the site's root
(empty while no note has a problem). So a problem that appears or goes away changes no page:
a rename or deletion that breaks other notes' links re-renders the few pages it changes, not
every page of the site (at 10,000 heavily linked notes: 119 s before, every page rendered again).

A writer looks at the browser, not the terminal: under `serve` the build keeps going with the
notes that load (`session.session.Build.plan`), and these pieces put every problem (file:line,
field, what to do) where the writer looks. `mkdocs build` never uses them: it refuses the
notes. Pure HTML strings, every value escaped; the note's own text is shown as text, never as
Markdown or HTML.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from markupsafe import Markup

from papernotes.model import Problem, printable
from papernotes.pages.fragments import en_count

BANNER_CLASS = "pn-problems"
"""The class of the banner's element (tests find it by it)."""
NOTICES_CLASS = "pn-notices"
"""The class of the folded notices under the banner (tests find them by it)."""
PROBLEMS_FILE = "papernotes-problems.json"
"""Under serve: `{"html": the banner}` at the site's root ("" while no note has a problem). Not
an .html file: the serve server adds its reload script to those."""
PROBLEMS_SLOT = (
    '<script>(function(s){var u;try{u=new URL("' + PROBLEMS_FILE + '",__md_scope)}catch(e){return}'
    'fetch(u,{cache:"no-store"}).then(function(r){return r.ok?r.json():{}})'
    '.then(function(d){if(!d.html)return;s.insertAdjacentHTML("beforebegin",d.html);'
    'var a=s.previousElementSibling.querySelectorAll("a[data-pn-draft]");'
    'for(var i=0;i<a.length;i++)a[i].href=new URL(a[i].getAttribute("href"),__md_scope).href}).catch(function(){})})'
    '(document.currentScript)</script>')
"""Under serve, on every page where the banner goes: shows `PROBLEMS_FILE` there (`__md_scope`,
the site's root, is the theme's), its links to draft pages made from the root. The same on every
build, so it never makes a page change."""
MAX_LISTED = 50
"""The banner lists this many problems; the rest are counted (every page carries the banner)."""


def _bi(ko: str, en: str) -> Markup:
    return Markup('<span class="pn-lang" lang="ko">{}</span><span class="pn-lang" lang="en">{}</span>').format(ko, en)


def _message(text: str) -> Markup:
    """A problem's message, its `quoted` parts as code (what to type), all of it escaped."""
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an odd number of backticks: show them as written
        return Markup("{}").format(text)
    return Markup("").join(Markup("<code>{}</code>").format(_edges_kept(part)) if k % 2 else Markup("{}").format(part)
                           for k, part in enumerate(parts))


def _edges_kept(code: str) -> str:
    """A code part's spaces at its ends as no-break spaces, which HTML does not fold into the text
    around it: "` #` starts a YAML comment" showed a bare "#" (a QA pass)."""
    stripped = code.strip(" ")
    if not stripped:
        return code.replace(" ", "\u00a0")
    start = code.index(stripped)
    return "\u00a0" * start + stripped + "\u00a0" * (len(code) - start - len(stripped))


def _items(problems: tuple[Problem, ...], drafts: Mapping[str, str] | None = None) -> Markup:
    # As `Problem.format` prints them: a bidi override or a control character in a file name
    # must not reverse or hide what the line says.
    rows = []
    for p in problems:
        where = Markup("<code>{}:{}</code>").format(printable(p.path), p.line)
        if drafts and p.path in drafts:  # the file's draft page, from the site's root (PROBLEMS_SLOT)
            where = Markup('<a href="{}" data-pn-draft>{}</a>').format(drafts[p.path], where)
        rows.append(Markup('<li data-severity="{}">{} <strong>{}</strong> <em>{}</em>: {}</li>').format(
            p.severity, where, p.severity, printable(p.field), _message(printable(p.message))))
    return Markup("").join(rows)


def problems_banner(problems: tuple[Problem, ...], drafts: Mapping[str, str] | None = None) -> str:
    """The banner every page shows under `serve`: each error and warning with its file:line, field
    and fix, then the notices (advice that fails nothing: a date after today, a name written two
    ways) folded under one line, which the writer opens (a serve QA pass: a year typed wrong showed
    its notice in the terminal only). A file that has a draft page (`drafts`: its path -> the page's
    URL from the site's root) links to it (the banner said a note with errors is shown as a draft
    page, and gave no way there). "" when there is nothing to show."""
    failing = tuple(p for p in problems if p.severity != "notice")
    notices = tuple(p for p in problems if p.severity == "notice")
    shown = [_failing_banner(failing, drafts)] if failing else []
    if notices:
        title = _bi(f"참고 {len(notices)}건: 빌드는 실패하지 않습니다", f"{en_count(len(notices), 'notice')}: advice, no build fails")
        shown.append(Markup('<details class="note {}"><summary>{}</summary><ul>{}{}</ul></details>').format(
            NOTICES_CLASS, title, _items(notices[:MAX_LISTED], drafts), _more(len(notices))))
    return str(Markup('<div class="pn-serve-problems">{}</div>').format(Markup("").join(shown))) if shown else ""


def _more(listed: int) -> Markup:
    """The last item of a list cut at MAX_LISTED: how many more, and where they all are."""
    more = listed - MAX_LISTED
    return Markup("<li>{}</li>").format(_bi(_message(f"… 그리고 {more}건 더: `.venv/bin/papernotes check`로 모두 보세요"),
                                             _message(f"… and {more} more: run `.venv/bin/papernotes check` to see them all"))) \
        if more > 0 else Markup("")


def _in_data_file(problem: Problem) -> bool:
    """Whether `problem` is in a data file (`data/tags.yml`, `glossary.yml`, `authors.yml`), not a note."""
    return problem.path.endswith((".yml", ".yaml"))


def where(problems: Iterable[Problem]) -> tuple[str, str]:
    """What `problems` are in, in Korean and English: the notes, the data files or both (a glossary's
    duplicate key was "1 problem in the notes": a QA pass)."""
    kinds = {_in_data_file(p) for p in problems}
    if kinds == {True}:
        return "데이터 파일", "the data files"
    return ("노트와 데이터 파일", "the notes and data files") if kinds == {True, False} else ("노트", "the notes")


def _failing_banner(problems: tuple[Problem, ...], drafts: Mapping[str, str] | None) -> Markup:
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    # An error stops `mkdocs build`; a warning only `mkdocs build --strict` (as CI builds).
    build = "`mkdocs build`" if errors else "`mkdocs build --strict`"
    ko, en = where(problems)
    title = _bi(_message(f"{ko} 문제 {len(problems)}건 (오류 {errors}, 경고 {warnings}): {build}는 고칠 때까지 실패합니다"),
                _message(f"{en_count(len(problems), 'problem')} in {en} ({en_count(errors, 'error')}, "
                         f"{en_count(warnings, 'warning')}): {build} fails until {'it is' if len(problems) == 1 else 'they are'} fixed"))
    # A note with errors is shown as a draft page; a data file's problem has none.
    drafted = any(p.is_error and not _in_data_file(p) for p in problems)
    note = _bi("미리보기 서버에서만 보입니다." + (" 오류가 있는 노트는 초안 페이지로 보입니다." if drafted else ""),
               "Shown by the preview server only" + ("; a note with errors is shown as a draft page." if drafted else "."))
    rest = _more(len(problems))
    return Markup('<div class="admonition failure {}" role="alert"><p class="admonition-title">{}</p>'
                  '<ul>{}{}</ul><p>{}</p></div>').format(BANNER_CLASS, title, _items(problems[:MAX_LISTED], drafts), rest, note)


def broken_note_page(source: str, problems: tuple[Problem, ...], text: str | None) -> str:
    """The draft page `serve` shows at a note's URL while the note does not load: its problems,
    then the file as written."""
    heading = Markup('<h1>{}</h1>').format(_bi(f"초안: {printable(source)}", f"Draft: {printable(source)}"))
    intro = _bi("이 노트는 아직 게시되지 않습니다. 아래 문제를 고치면 노트 페이지가 됩니다.",
                "This note is not published yet: fix the problems below and this becomes its page.")
    shown = Markup('<details open><summary>{}</summary><pre><code>{}</code></pre></details>').format(
        _bi("파일 내용", "The file as written"), text) if text is not None else Markup("")
    return str(Markup('{}<p>{}</p><ul class="pn-draft-problems">{}</ul>{}').format(heading, intro, _items(problems), shown))


def draft_notice() -> str:
    """The notice at the top of a `draft: true` note's preview (under serve only)."""
    return str(Markup('<div class="admonition note pn-draft-notice"><p class="admonition-title">{}</p><p>{}</p></div>').format(
        _bi("초안 미리보기", "Draft preview"),
        _bi(_message("`draft: true`인 노트입니다. 미리보기 서버에서만 이 페이지가 보이고, 목록·검색·피드에는 없습니다. "
                     "게시하려면 `draft: true` 줄을 지우세요."),
            _message("This note has `draft: true`: only the preview server shows this page, and no list, search or feed "
                     "has it. Delete the `draft: true` line to publish it."))))


def add_banner(html: str, banner: str) -> str:
    """`html` (a whole page) with `banner` at the start of its content."""
    for marker in ('<div id="pn-content" tabindex="-1"></div>', "<article"):
        at = html.find(marker)
        if at >= 0:
            at += len(marker) if marker.endswith(">") else 0
            return html[:at] + banner + html[at:]
    body = html.find("<body")
    end = html.find(">", body) + 1 if body >= 0 else 0
    return html[:end] + banner + html[end:]

