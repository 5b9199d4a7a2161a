"""`mkdocs serve` while notes are broken: it keeps serving, every page shows each problem
(file:line, field, fix), a broken note is a draft page at its URL, and fixing the note takes
the banner away; `mkdocs build --strict` still refuses the same tree. A real server on
127.0.0.1, fetched over HTTP with bounded waits, and Chromium to see the banner on the page.
The banner is a file every page shows (pages/problems.py), so a problem changes no page."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Iterator

import pytest
import yaml
from conftest import build, make_site
from playwright.sync_api import Browser

from papernotes.pages.problems import PROBLEMS_FILE, PROBLEMS_SLOT

HALF_WRITTEN = "---\ntitle: Half Written <script>x</script>\nauthors: [Ann Lee]\n"
BAD_TAG = """---
title: A Note With A Bad Tag
authors: [Ann Lee]
date: 2025-04-09
tags: [no-such-tag]
arxiv: "2504.09999"
---

## 한국어

한국어 코멘트.

## English

English commentary.
"""


class _Banner(HTMLParser):
    """The text of the problems banner's list items, and the page's <h1>."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[str] = []
        self.h1 = ""
        self._in: str | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if "pn-problems" in classes:
            self._depth = 1
        elif self._depth and tag == "div":
            self._depth += 1
        if self._depth and tag == "li":
            self.items.append("")
            self._in = "li"
        if tag == "h1":
            self._in = "h1"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("li", "h1"):
            self._in = None
        if self._depth and tag == "div":
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in == "li":
            self.items[-1] += data
        elif self._in == "h1":
            self.h1 += data


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8", "replace")


def parsed(html: str) -> _Banner:
    found = _Banner()
    found.feed(html)
    return found


def wait_for(what: Callable[[], bool], seconds: float, log: Path) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            if what():
                return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"gave up after {seconds:g} s; the server said:\n{log.read_text(errors='replace')[-3000:]}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    site = make_site(tmp_path / "site", notes={"2025/half-written.md": HALF_WRITTEN, "2025/bad-tag.md": BAD_TAG})
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    config["watch"] = ["data"]  # what the project's own mkdocs.yml watches
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(site / "mkdocs.yml"),
                                   "-a", f"127.0.0.1:{port}"], cwd=site, stdout=out, stderr=subprocess.STDOUT,
                                  env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_for(lambda: fetch(base)[0] == 200, 180, log)
        yield site, base
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=20)


@pytest.mark.slow  # `mkdocs serve` in a process, the point here: it must not stop on a bad note
def test_serve_shows_the_problems_on_every_page_until_the_notes_are_fixed(served: tuple[Path, str], browser: Browser) -> None:
    site, base = served
    expected = [
        "data/notes/2025/bad-tag.md:5 error tags[0]: unknown tag 'no-such-tag'",
        "data/notes/2025/half-written.md:1 error front matter: the front matter opened on line 1 is never closed: "
        "add a --- line after it",
    ]
    status, banner = fetch(base + PROBLEMS_FILE)
    items = parsed(json.loads(banner)["html"]).items
    assert status == 200 and [item[:len(want)] for item, want in zip(items, expected)] == expected, items
    for path in ("", "notes/alpha/", "tags/", "archive/", "about/"):  # generated pages and a docs/ page
        status, html = fetch(base + path)
        assert status == 200 and PROBLEMS_SLOT in html, path
    # The 404 page too (found by a QA pass: a broken note's day page is a 404, and showed none).
    status, html = fetch(base + "archive/2099/01/01/")
    assert status == 404 and PROBLEMS_SLOT in html
    # In a browser, each page shows the banner where its content starts.
    page = browser.new_page()
    try:
        for path in ("notes/alpha/", "about/", "archive/2099/01/01/"):
            page.goto(base + path)
            page.wait_for_selector("article .pn-problems", timeout=15_000)
            shown = page.locator(".pn-problems li").all_inner_texts()
            assert [" ".join(item.split())[:len(want)] for item, want in zip(shown, expected)] == expected, shown
            assert page.evaluate("document.querySelector('.pn-problems').getAttribute('role')") == "alert"
            # Each file's place links to its draft page, from the site's root whatever the page's
            # depth (the banner said a broken note is a draft page and gave no way there).
            links = page.eval_on_selector_all(".pn-problems li a[data-pn-draft]", "els => els.map(e => e.href)")
            assert links == [base + "notes/bad-tag/", base + "notes/half-written/"], (path, links)
    finally:
        page.close()
    # The half-written note is a draft page at its own URL, its text shown as text.
    status, html = fetch(base + "notes/half-written/")
    assert status == 200
    assert "Draft: data/notes/2025/half-written.md" in parsed(html).h1
    assert "Half Written &lt;script&gt;x&lt;/script&gt;" in html and "<script>x</script>" not in html
    status, html = fetch(base + "notes/bad-tag/")
    assert status == 200 and "Draft: data/notes/2025/bad-tag.md" in parsed(html).h1
    # `mkdocs build` refuses what `serve` shows.
    refused = build(site)
    assert refused.returncode != 0 and "half-written.md:1:1: error: front matter" in refused.stderr

    notes = site / "data" / "notes" / "2025"
    (notes / "half-written.md").unlink()
    log = site.parent / "serve.log"
    # Fixed, but dated in a year to come (a typo): a notice, which fails nothing, and which the
    # banner shows folded (a serve QA pass: it was in the terminal only).
    (notes / "bad-tag.md").write_text(BAD_TAG.replace("no-such-tag", "rl").replace("2025-04-09", "2099-04-09"), encoding="utf-8")
    wait_for(lambda: "bad-tag.md:4" in fetch(base + PROBLEMS_FILE)[1], 180, log)
    html = json.loads(fetch(base + PROBLEMS_FILE)[1])["html"]
    assert 'class="note pn-notices"' in html and "pn-problems" not in html and "<details" in html, html
    assert "after today" in html and "1 notice: advice, no build fails" in html
    (notes / "bad-tag.md").write_text(BAD_TAG.replace("no-such-tag", "rl"), encoding="utf-8")
    wait_for(lambda: fetch(base + PROBLEMS_FILE) == (200, '{"html": ""}') and fetch(base + "notes/bad-tag/")[0] == 200
             and "A Note With A Bad Tag" in fetch(base + "notes/bad-tag/")[1], 180, log)
    assert fetch(base + "notes/half-written/")[0] == 404
    assert "pn-problems" not in fetch(base + "about/")[1]


def test_the_banner_escapes_every_value_and_lists_at_most_fifty_problems() -> None:
    from papernotes.model import Problem
    from papernotes.pages.problems import MAX_LISTED, add_banner, problems_banner

    problems = tuple(Problem("data/notes/<x>.md", n, 1, "title<i>", "write `a<b>` here <script>", "invalid")
                     for n in range(1, 61))
    page = add_banner('<body><div id="pn-content" tabindex="-1"></div><p>rest</p></body>', problems_banner(problems))
    banner = parsed(page)
    assert len(banner.items) == MAX_LISTED + 1
    assert banner.items[0] == "data/notes/<x>.md:1 error title<i>: write a<b> here <script>"
    assert "… and 10 more: run .venv/bin/papernotes check to see them all" in banner.items[-1]
    assert "<script>" not in page and "<x>" not in page and "<code>a&lt;b&gt;</code>" in page
    assert page.index("pn-problems") < page.index("<p>rest</p>")
    # A bidi override or an escape in a file name is written out, as the command line does.
    odd = problems_banner((Problem("data/notes/evil\u202e.md", 0, 0, "file name", "bad\x1b[31m name", "invalid"),))
    assert "\u202e" not in odd and "\x1b" not in odd
    assert "data/notes/evil\\u202e.md:0" in odd and "bad\\x1b[31m name" in odd
    # The title's command is code in both languages, not backticks.
    assert page.count("<code>mkdocs build</code>") == 2 and "`" not in page
    # A code part's spaces at its ends stay seen: "` #` starts a YAML comment" showed a bare "#".
    commented = problems_banner((Problem("data/notes/a.md", 2, 8, "title", "` #` starts a YAML comment", "invalid"),))
    assert "<code>\u00a0#</code> starts a YAML comment" in commented


def test_notices_are_folded_under_the_banner_and_nothing_is_no_banner() -> None:
    from papernotes.model import Problem
    from papernotes.pages.problems import problems_banner
    notice = Problem("data/notes/2025/a.md", 4, 7, "date", "2099-04-09 is after today", "future-date", "notice")
    error = Problem("data/notes/2025/b.md", 5, 1, "tags[0]", "unknown tag", "unknown-tag")
    assert problems_banner(()) == ""
    alone = problems_banner((notice,))
    assert "pn-notices" in alone and "pn-problems" not in alone and "1 notice" in alone and "2099-04-09" in alone
    both = problems_banner((notice, error))
    assert both.index("pn-problems") < both.index("pn-notices") and "1 problem in the notes (1 error, 0 warnings)" in both


def test_the_banner_says_which_build_fails() -> None:
    """Warnings only fail `mkdocs build --strict` (as CI builds); the banner said `mkdocs build`
    fails, which exits 0 with a warning."""
    from papernotes.model import Problem
    from papernotes.pages.problems import problems_banner

    warning = Problem("data/notes/2025/a.md", 9, 1, "## English", "missing", "missing-language", "warning")
    error = Problem("data/notes/2025/b.md", 4, 7, "date", "bad", "invalid")
    assert "mkdocs build --strict" in problems_banner((warning,))
    assert "mkdocs build --strict" not in problems_banner((warning, error)) and "mkdocs build" in problems_banner((warning, error))


def test_a_note_with_a_bad_file_name_has_its_draft_page_at_the_suggested_name(tmp_path: Path) -> None:
    """The banner says a note with errors is shown as a draft page; one named `Lets Verify.md`
    (a file name that is no URL) was shown nowhere: 404 at both names."""
    from hostile_base import note, write_site

    from papernotes.session.session import Build
    from papernotes.source.tree import load_site

    root = write_site(tmp_path, {"2024/Lets Verify.md": note(title='"Let\'s Verify"')})
    result = load_site(root, "data")
    assert any(p.path == "data/notes/2024/Lets Verify.md" and p.rule == "bad-slug" for p in result.errors)
    build = Build()
    build.root = root
    pages = build._broken_note_pages(result, set())
    assert [(p.src_uri, p.source) for p in pages] == [("notes/lets-verify.md", "data/notes/2024/Lets Verify.md")]


def test_a_note_named_in_hangul_has_its_draft_page_at_the_name_its_error_suggests(tmp_path: Path) -> None:
    """A contributor QA pass: `상호-후생.md` was told "e.g. 'mutual-welfare-revisited', from the
    title", but its draft page was at notes/my-note/ (the name's own suggestion, which keeps nothing
    of Hangul). Both are the title's now; a note whose text does not read, `my-note`, as its error."""
    from hostile_base import note, write_site

    from papernotes.session.session import Build
    from papernotes.source.tree import load_site

    root = write_site(tmp_path, {"2024/상호-후생.md": note(title="Mutual Welfare Revisited"),
                                 "2024/보상.md": "---\ntitle: [unclosed\n---\n"})
    result = load_site(root, "data")
    said = {p.path: p.message for p in result.errors if p.rule == "bad-slug"}
    assert "'mutual-welfare-revisited', from the title" in said["data/notes/2024/상호-후생.md"]
    assert "'my-note'" in said["data/notes/2024/보상.md"]
    build = Build()
    build.root = root
    pages = build._broken_note_pages(result, set())
    assert sorted((p.src_uri, p.source) for p in pages) == [("notes/mutual-welfare-revisited.md", "data/notes/2024/상호-후생.md"),
                                                            ("notes/my-note.md", "data/notes/2024/보상.md")]


@pytest.mark.parametrize("encoding", ["utf-16", "cp949"])
def test_a_note_saved_in_another_encoding_shows_its_text_on_its_draft_page(tmp_path: Path, encoding: str) -> None:
    """A UTF-16 file's draft page showed its text with a NUL byte between letters (in the HTML);
    a CP949 one as replacement marks. Each is shown as written, and its error names the encoding."""
    from hostile_base import note, write_site

    from papernotes.session.session import Build
    from papernotes.source.tree import load_site

    root = write_site(tmp_path, {})
    (root / "data/notes/2024/saved.md").write_bytes(note(extra="org: 서울대학교 연구실\n").encode(encoding))
    result = load_site(root, "data")
    (problem,) = [p for p in result.errors if p.path == "data/notes/2024/saved.md"]
    assert ("UTF-16" if encoding == "utf-16" else "CP949") in problem.message
    build = Build()
    build.root = root
    (page,) = build._broken_note_pages(result, set())
    html = page.render()
    assert "\x00" not in html and "서울대학교 연구실" in html


def test_the_banner_counts_in_plain_english() -> None:
    """It read "1 problem in the notes (1 error, 0 warnings)" on every page under serve."""
    from papernotes.model import Problem
    from papernotes.pages.problems import problems_banner

    error = Problem("data/notes/2025/b.md", 4, 7, "date", "bad", "invalid")
    warning = Problem("data/notes/2025/a.md", 9, 1, "## English", "missing", "missing-language", "warning")
    assert "1 problem in the notes (1 error, 0 warnings)" in problems_banner((error,))
    assert "until it is fixed" in problems_banner((error,))
    assert "2 problems in the notes (1 error, 1 warning)" in problems_banner((warning, error))
    assert "(s)" not in problems_banner((warning, error))
    # A data file's problem is no note's, and has no draft page (a serve QA pass).
    glossary = Problem("data/glossary.yml", 1051, 1, "file", "duplicate key 'early-exit'", "invalid")
    banner = problems_banner((glossary,))
    assert "1 problem in the data files (1 error, 0 warnings)" in banner and "데이터 파일 문제 1건" in banner
    assert "draft page" not in banner and "초안" not in banner
    assert "2 problems in the notes and data files (2 errors, 0 warnings)" in problems_banner((error, glossary))
    assert "draft page" in problems_banner((error, glossary))
