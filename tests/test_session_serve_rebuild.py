"""Plain `mkdocs serve` keeps the unchanged pages of the previous build (session/kept.py): after
every rebuild the served folder must hold exactly what a clean `mkdocs build` of the same data
writes, file for file and byte for byte, whatever the writer did: edit, add, rename or delete a
note, edit tags.yml, mkdocs.yml or a docs page.

The serve session runs here as `mkdocs serve` runs it (one `on_startup("serve")`, then for each
change a freshly loaded config built into the same folder with the serve URL as site_url); each
clean build runs in this process too, as `mkdocs build` would (its own `on_startup("build")`, so
its own `Build`), with the serve session's `Build` set aside meanwhile and put back after: the
hook keeps one `Build` per process, and the clean build must neither see nor disturb the serve
session's. (Each clean build once ran in its own process: ten Python starts and MkDocs imports
per run, for nothing the in-process build does not show. `tests/test_session_dirty.py` runs a
real `mkdocs serve`.)
"""

from __future__ import annotations

import contextlib
import filecmp
import io
import json
import logging
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest
import yaml
from conftest import ROOT, build, make_site

from papernotes.catalog import urls
from papernotes.session.resources import GcFreeze
from papernotes.pages.problems import PROBLEMS_FILE, PROBLEMS_SLOT

SERVE_URL = "http://127.0.0.1:8000/"
HOOK = str(ROOT / "hooks" / "papernotes_hook.py")

pytestmark = pytest.mark.slow  # a dozen site builds

NEW_NOTE = """---
title: "Theta: A Note Added While Serving"
authors: [Ann Lee]
date: 2025-03-03
tags: [reasoning, safety]
arxiv: "2503.00042"
---

## 한국어

새로 추가한 노트.

## English

A note added while the server runs; it builds on [Beta](https://arxiv.org/abs/2501.00002).
"""


class ServeSession:
    """One `mkdocs serve` session's builds (`mkdocs serve --dirty`'s with `dirty`), in this
    process, into `site/served`."""

    def __init__(self, site: Path, dirty: bool = False) -> None:
        from mkdocs.config import load_config

        self.site = site
        self.dirty = dirty
        self.out = site / "served"
        self.out.mkdir()
        self.log = io.StringIO()
        with self._quiet_log(), contextlib.chdir(site):
            self.config = load_config(str(site / "mkdocs.yml"), site_dir=str(self.out))
            self.config.plugins.on_startup(command="serve", dirty=dirty)

    @contextlib.contextmanager
    def _quiet_log(self) -> Iterator[None]:
        handler = logging.StreamHandler(self.log)
        logger = logging.getLogger("mkdocs")
        level, propagate = logger.level, logger.propagate
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
        try:
            yield
        finally:
            logger.removeHandler(handler)
            logger.setLevel(level)
            logger.propagate = propagate

    def rebuild(self, wait: bool = True) -> str:
        """One serve (re)build, as MkDocs' `builder()`; returns its log. Waits for the exports,
        which a serve build leaves writing, unless `wait` is False (a save that comes while
        they are written)."""
        from mkdocs.commands.build import build as mkdocs_build
        from mkdocs.config import load_config

        start = self.log.tell()
        with self._quiet_log(), contextlib.chdir(self.site):
            config = load_config(str(self.site / "mkdocs.yml"), site_dir=str(self.out))
            config.site_url = SERVE_URL
            mkdocs_build(config, serve_url=SERVE_URL, dirty=self.dirty)
            hook = sys.modules[HOOK]
            if wait:
                hook.build.wait_for_exports()
        return self.log.getvalue()[start:]

    def close(self) -> None:
        self.config.plugins.on_shutdown()


def clean_build(site: Path, into: Path) -> Path:
    """A clean `mkdocs build` of `site`'s data with the serve URL as site_url, in this process
    beside the serve session (whose `Build` it sets aside and puts back)."""
    copy = into / "clean"
    shutil.rmtree(copy, ignore_errors=True)
    copy.mkdir(parents=True)
    for name in ("data", "docs"):
        shutil.copytree(site / name, copy / name)
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_url"] = SERVE_URL
    (copy / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    hook = sys.modules[HOOK]
    serving = hook.build
    try:
        result = build(copy, strict=False)
    finally:
        hook.build = serving
    assert result.returncode == 0, result.stderr[-3000:]
    assert hook.build is serving
    return copy / "site"


def differences(served: Path, clean: Path) -> list[str]:
    """Files only in one of the two folders, and files whose bytes differ; what only serve
    writes (the problems file, and the slot on each page that shows it: not on 404.html,
    which MkDocs renders without `on_post_page`) is set aside."""
    def files(root: Path) -> set[str]:
        return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}

    def same(name: str) -> bool:
        if not name.endswith(".html"):
            return filecmp.cmp(served / name, clean / name, shallow=False)
        ours = (served / name).read_text(encoding="utf-8")
        return ours.count(PROBLEMS_SLOT) <= 1 and ours.replace(PROBLEMS_SLOT, "") == (clean / name).read_text(encoding="utf-8")

    ours, theirs = files(served) - {PROBLEMS_FILE}, files(clean)
    found = [f"only served: {f}" for f in sorted(ours - theirs)] + [f"only in a clean build: {f}" for f in sorted(theirs - ours)]
    found += [f"differs: {f}" for f in sorted(ours & theirs) if not same(f)]
    return found


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ServeSession]:
    site = make_site(tmp_path / "site")
    serve = ServeSession(site)
    try:
        yield serve
    finally:
        serve.close()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _mtime(path: Path) -> int:
    return path.stat().st_mtime_ns


@pytest.mark.parametrize("forked", [False, True], ids=["one process", "forked"])
def test_every_serve_rebuild_serves_what_a_clean_build_writes(session: ServeSession, tmp_path: Path, forked: bool,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """`forked`: the second process as on a big site (pages compared by key and rendered there)."""
    if forked:
        monkeypatch.setenv("PAPERNOTES_WORKER", "1")
    site, out = session.site, session.out
    notes = site / "data" / "notes"

    session.rebuild()
    assert differences(out, clean_build(site, tmp_path)) == []
    untouched = out / "notes" / "alpha" / "index.html"
    before = _mtime(untouched)
    hook = sys.modules[HOOK]
    sitemap = hook.build._sitemap
    assert sitemap is not None and "notes/alpha/" in sitemap[1]

    # The usual save: one note's commentary. Its page changes; a page that does not show it is kept.
    _edit(notes / "2025" / "beta.md", "RL for reasoning with policy", "Edited while serving: RL for reasoning with policy")
    log = session.rebuild()
    assert "unchanged since the last build" in log, log
    # A docs page links to a kept page (contributing.md to wanted/): served, so not "excluded".
    assert "excluded from the built site" not in log, log
    assert "target is not found" not in log, log  # nor left out of the files MkDocs resolves links with
    assert hook.build._sitemap is sitemap, "the sitemap was made again though no page's URL changed"
    assert "Edited while serving" in (out / "notes" / "beta" / "index.html").read_text(encoding="utf-8")
    assert _mtime(untouched) == before, "a page the edit does not touch was written again"
    assert differences(out, clean_build(site, tmp_path)) == []

    # A note added, with new tags on its day: its page, its day, tag and month pages, the home page.
    (notes / "2025" / "theta.md").write_text(NEW_NOTE, encoding="utf-8")
    session.rebuild()
    assert (out / "notes" / "theta" / "index.html").is_file()
    assert hook.build._sitemap is not sitemap and "notes/theta/" in (out / "sitemap.xml").read_text(encoding="utf-8")
    assert differences(out, clean_build(site, tmp_path)) == []

    # A note renamed: served at its new URL only, and every listing links there.
    (notes / "2025" / "gamma.md").rename(notes / "2025" / "gamma-renamed.md")
    session.rebuild()
    assert not (out / "notes" / "gamma").exists()
    assert differences(out, clean_build(site, tmp_path)) == []

    # A note deleted: no page of it is left, and no listing or backlink names it.
    (notes / "2025" / "delta.md").unlink()
    session.rebuild()
    assert not (out / "notes" / "delta").exists()
    assert differences(out, clean_build(site, tmp_path)) == []

    # The title of a note others link to (backlinks and listings show it).
    _edit(notes / "2025" / "beta.md", 'title: "Beta: RL for Reasoning"', 'title: "Beta: RL for Reasoning, Retitled"')
    session.rebuild()
    assert differences(out, clean_build(site, tmp_path)) == []

    # The paper's own date: the COinS spans of its author's page and its lists describe the paper by it.
    _edit(notes / "2025" / "beta.md", "date: 2025-01-05", "date: 2025-01-05\npublished: 2024-12-30")
    session.rebuild()
    assert [p for p in (out / "authors").glob("*/index.html") if "rft.date=2024-12-30" in p.read_text(encoding="utf-8")]
    assert differences(out, clean_build(site, tmp_path)) == []

    # A note broken while typing: every page shows the problem; fixed, none does any more.
    # The banner is a file the pages show, so a page the broken note is not on is kept.
    good = (notes / "2025" / "beta.md").read_text(encoding="utf-8")
    (notes / "2025" / "beta.md").write_text(good.replace("date: 2025-01-05", "date: 2025-01-"), encoding="utf-8")
    before = _mtime(untouched)
    session.rebuild()
    assert "beta.md" in json.loads((out / PROBLEMS_FILE).read_text(encoding="utf-8"))["html"]  # the banner names the file
    assert _mtime(untouched) == before, "a problem made a page it is not on render again"
    (notes / "2025" / "beta.md").write_text(good, encoding="utf-8")
    session.rebuild()
    assert json.loads((out / PROBLEMS_FILE).read_text(encoding="utf-8")) == {"html": ""}
    assert differences(out, clean_build(site, tmp_path)) == []


@pytest.mark.parametrize("change", ["tags.yml", "authors.yml", "mkdocs.yml", "docs page", "nothing"])
def test_a_change_beside_the_notes_rebuilds_what_it_shows(session: ServeSession, tmp_path: Path, change: str) -> None:
    """Files every page depends on (mkdocs.yml, docs/, the data files beside the notes): the
    rebuild matches a clean build; with nothing changed, every generated page is kept."""
    site, out = session.site, session.out
    session.rebuild()
    note_page = out / "notes" / "beta" / "index.html"
    before = _mtime(note_page)
    if change == "tags.yml":
        _edit(site / "data" / "tags.yml", "en: Reasoning", "en: Reasoning, relabelled")
    elif change == "authors.yml":  # Ada Lovelace's family name: every list's COinS spans name her anew
        (site / "data" / "authors.yml").write_text("people:\n  - name: Ada Lovelace\n    family: Ada\n", encoding="utf-8")
    elif change == "mkdocs.yml":
        _edit(site / "mkdocs.yml", "site_name: papernotes", "site_name: renamed notes")
    elif change == "docs page":
        _edit(site / "docs" / "about.md", "\n", "\nA line added while serving.\n")
        os.utime(site / "docs" / "about.md")
    session.rebuild()
    # Kept (the same file, not written again) exactly when nothing it shows changed.
    assert (_mtime(note_page) == before) == (change == "nothing")
    assert differences(out, clean_build(site, tmp_path)) == []


def test_an_edited_page_template_renders_every_page_again_and_edited_code_says_restart(
        session: ServeSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by a newcomer's QA pass: after editing `templates/labs.html` under serve, the log said
    "9 to render, 161 unchanged" and the lab pages kept their old text; code added under
    `hooks/papernotes/` was not run and nothing said so. A template is read again by every build
    (its compiled code is checked against its source), so an edited one now makes the rebuild
    render every page, as an edited `mkdocs.yml` does; edited Python cannot be swapped into a
    running server, so the rebuild says to restart it. (A copy of the templates stands in for the
    package's: other tests build from those meanwhile.)"""
    import papernotes.pages

    hook = sys.modules[HOOK]
    assert hook.TEMPLATES == Path(papernotes.pages.__file__).resolve().parent / "templates"
    assert (hook.TEMPLATES / "lab.html").is_file()
    templates, code = tmp_path / "templates", tmp_path / "code"
    shutil.copytree(hook.TEMPLATES, templates)
    (code / "pages").mkdir(parents=True)
    (code / "pages" / "labs.py").write_text("X = 1\n", encoding="utf-8")
    monkeypatch.setattr(hook, "TEMPLATES", templates)
    monkeypatch.setattr(hook, "PACKAGE", code)
    monkeypatch.setattr(hook, "_code_at_start", hook._code_stamp())
    session.rebuild()
    note_page = session.out / "notes" / "beta" / "index.html"
    before = _mtime(note_page)
    assert "restart" not in session.rebuild() and _mtime(note_page) == before   # nothing changed: kept
    _edit(templates / "lab.html", "\n", "\n\n")
    assert "restart" not in session.rebuild()
    assert _mtime(note_page) != before   # every page rendered again
    (code / "pages" / "weekdays.py").write_text("Y = 2\n", encoding="utf-8")   # a new family's module
    said = session.rebuild()
    assert "its code under" in said and "start it again" in said, said


def test_exports_of_unchanged_notes_are_kept_and_every_change_matches_a_clean_build(
        session: ServeSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the second process doing the work it does on big sites (the page worker and the
    exports writer, forced here on a small site): a save writes again only the exports of what
    it changed (an unrelated note's Markdown copy and preview card are the
    previous build's files), and after every kind of change, a note's tags, authors or lineage
    included, the served folder equals a clean build."""
    monkeypatch.setenv("PAPERNOTES_WORKER", "1")
    site, out = session.site, session.out
    notes = site / "data" / "notes"
    session.rebuild()
    assert urls.preview_file("alpha") != urls.preview_file("beta")  # a card file of its own, to watch
    alpha = [out / "notes" / "alpha.md", out / urls.preview_file("alpha")]
    before = [_mtime(p) for p in alpha]

    # While the writer works, the files a save changes are the previous build's, never missing
    # (search and notes.json once answered 404 for seconds at 10,000 notes); what it writes, it
    # replaces whole. (The spy runs in the forked writer: it leaves its answer in a file.)
    from papernotes.session import session as build_session
    seen = tmp_path / "seen-by-the-writer.txt"
    write_groups = build_session.write_groups

    def spy(site_dir: Path, *args, **kwargs) -> int:  # noqa: ANN002, ANN003 - passed on as they are
        seen.write_text(" ".join(p for p in ("notes.json", "search/meta.json", "browse/snippets/0.json", "feed.xml", "notes/beta.md")
                                 if (site_dir / p).is_file()), encoding="utf-8")
        return write_groups(site_dir, *args, **kwargs)

    monkeypatch.setattr(build_session, "write_groups", spy)
    _edit(notes / "2025" / "beta.md", "RL for reasoning with policy", "Saved while serving: RL for reasoning with policy")
    session.rebuild()
    assert seen.read_text(encoding="utf-8") == "notes.json search/meta.json browse/snippets/0.json feed.xml notes/beta.md"
    assert not list(out.rglob(".*.part"))
    assert "Saved while serving" in (out / "notes" / "beta.md").read_text(encoding="utf-8")
    assert "Saved while serving" in json.loads((out / urls.preview_file("beta")).read_text(encoding="utf-8"))["beta"]
    assert [_mtime(p) for p in alpha] == before, "an unchanged note's exports were written again"
    assert differences(out, clean_build(site, tmp_path)) == []

    # Its tags change: the tags' pages, feeds and bibliographies, the search index.
    _edit(notes / "2025" / "beta.md", "tags: [rl, reasoning]", "tags: [rl, safety]")
    session.rebuild()
    assert "2501.00002" in (out / "tags" / "safety" / "papernotes.bib").read_text(encoding="utf-8")
    assert differences(out, clean_build(site, tmp_path)) == []

    # Its authors change: an author's page and files appear and go.
    _edit(notes / "2025" / "beta.md", "  - Ada Lovelace\n", "  - Grace Hopper\n")
    session.rebuild()
    assert differences(out, clean_build(site, tmp_path)) == []

    # Its lineage changes: the note it now builds on lists it the other way.
    _edit(notes / "2025" / "beta.md", 'arxiv: "2501.00002"\n', 'arxiv: "2501.00002"\nbuilds_on: ["2501.00003"]\n')
    session.rebuild()
    assert differences(out, clean_build(site, tmp_path)) == []

    # Added, renamed, deleted.
    (notes / "2025" / "theta.md").write_text(NEW_NOTE, encoding="utf-8")
    session.rebuild()
    assert differences(out, clean_build(site, tmp_path)) == []
    (notes / "2025" / "gamma.md").rename(notes / "2025" / "gamma-renamed.md")
    session.rebuild()
    cards = out / urls.preview_file("gamma")
    assert not (out / "notes" / "gamma").exists() and "gamma" not in (json.loads(cards.read_text(encoding="utf-8")) if cards.exists() else {})
    assert differences(out, clean_build(site, tmp_path)) == []
    (notes / "2025" / "delta.md").unlink()
    session.rebuild()
    assert not (out / "notes" / "delta.md").exists()
    assert differences(out, clean_build(site, tmp_path)) == []


def test_a_save_while_the_exports_are_written_stops_the_writer_and_loses_nothing(
        session: ServeSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A writer saves again before the exports writer of the last save is done (it takes 20-30 s
    at 10,000 notes): the new build does not wait for it, it stops it, and writes what it had not
    finished; the served folder then equals a clean build."""
    monkeypatch.setenv("PAPERNOTES_WORKER", "1")
    site, out = session.site, session.out
    notes = site / "data" / "notes"
    session.rebuild()

    from papernotes.session import session as build_session
    stall, stalled = tmp_path / "stall", tmp_path / "stalled"
    write_groups = build_session.write_groups

    def stalling(site_dir: Path, groups, *args, **kwargs) -> int:  # noqa: ANN001, ANN002, ANN003 - passed on as they are
        def some_then_stall():  # noqa: ANN202
            for number, group in enumerate(groups):
                if number == 3 and stall.exists():
                    stalled.touch()  # tells the test this writer is stuck here
                    time.sleep(600)  # in the forked writer: the next build must stop it, not wait
                yield group
        return write_groups(site_dir, some_then_stall(), *args, **kwargs)

    monkeypatch.setattr(build_session, "write_groups", stalling)
    monkeypatch.setattr(build_session, "EXPORTS_AFTER", 0.0)
    stall.touch()
    _edit(notes / "2025" / "beta.md", "RL for reasoning with policy", "First save: RL for reasoning with policy")
    hook = sys.modules[HOOK]
    session.rebuild(wait=False)  # the last build's exports are done: this one's are not started yet
    deadline = time.monotonic() + 30
    while hook.build._exports is None and time.monotonic() < deadline:  # the writer starts after the build
        time.sleep(0.05)
    assert hook.build._exports is not None and not hook.build._exports.done()
    # The next build's writer must not stall: let it pass only once this one is stuck (on a slow
    # machine it may not have reached its fourth group yet, and would then finish in time).
    while not stalled.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert stalled.exists()
    stall.unlink()
    _edit(notes / "2025" / "gamma.md", "\n## English\n", "\n## English\n\nSecond save, soon after.\n")
    log = session.rebuild()
    assert "a new save came while the feeds, exports and search files were written" in log, log
    assert "failed" not in log, log
    assert "First save" in (out / "notes" / "beta.md").read_text(encoding="utf-8")
    assert "Second save" in (out / "notes" / "gamma.md").read_text(encoding="utf-8")
    assert differences(out, clean_build(site, tmp_path)) == []


def test_saves_in_quick_succession_leave_what_a_clean_build_writes(
        session: ServeSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under serve a save's feeds, exports and search files start only once its pages are served
    (`Build.finish`); a save that comes sooner takes their place. A note added and deleted
    again before its exports started must leave nothing behind, and every change must show."""
    monkeypatch.setenv("PAPERNOTES_WORKER", "0")  # one process: the exports are started after the build
    site, out = session.site, session.out
    notes = site / "data" / "notes"
    session.rebuild()
    (notes / "2025" / "theta.md").write_text(NEW_NOTE, encoding="utf-8")
    session.rebuild(wait=False)
    assert (out / "notes" / "theta" / "index.html").is_file()  # the page is served before its exports
    (notes / "2025" / "theta.md").unlink()
    _edit(notes / "2025" / "beta.md", "RL for reasoning with policy", "Saved soon after: RL for reasoning with policy")
    session.rebuild(wait=False)
    assert not (out / "notes" / "theta" / "index.html").exists(), "the deleted note's page is served after its build"
    _edit(notes / "2025" / "gamma.md", "\n## English\n", "\n## English\n\nA third save.\n")
    session.rebuild()
    assert not (out / "notes" / "theta").exists()
    assert "Saved soon after" in (out / "notes" / "beta.md").read_text(encoding="utf-8")
    assert "A third save" in (out / "notes" / "gamma.md").read_text(encoding="utf-8")
    assert differences(out, clean_build(site, tmp_path)) == []


def test_the_sitemap_is_what_mkdocs_template_writes(session: ServeSession) -> None:
    """Under plain serve the hook writes sitemap.xml itself (`sitemap_text`), for the pages a
    note added or removed changes; it must be MkDocs' template's text, byte for byte, for
    every kind of entry: a canonical URL, an absolute URL only, no date, a link, no URL."""
    import jinja2
    from types import SimpleNamespace as Entry

    session.rebuild()
    hook = sys.modules[HOOK]
    assert session.config.theme.get_env().get_template("sitemap.xml").filename == hook.MKDOCS_SITEMAP
    with open(hook.MKDOCS_SITEMAP, encoding="utf-8") as f:
        template = jinja2.Environment(autoescape=False).from_string(f.read())
    pages = []
    for page in (
        Entry(is_link=False, canonical_url="http://127.0.0.1:8000/notes/a&b/", abs_url="/notes/a&b/", update_date="2026-12-04"),
        Entry(is_link=False, canonical_url=None, abs_url="/tags/<x>/", update_date="2026-12-04"),
        Entry(is_link=False, canonical_url="http://127.0.0.1:8000/about/", abs_url="/about/", update_date=None),
        Entry(is_link=True, canonical_url="http://example.org/", abs_url="/", update_date="2026-12-04"),
        Entry(is_link=False, canonical_url=None, abs_url=None, update_date="2026-12-04"),
    ):
        pages.append(Entry(page=page))
    for chosen in (pages, pages[:1], pages[3:], []):
        assert hook.sitemap_text(chosen) == template.render(pages=chosen)


def test_a_note_saved_converts_no_docs_page_again_and_says_what_a_build_says(
        session: ServeSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save of a note leaves docs/ and the site's files as they were: each docs/ page's HTML
    is the last build's (the guide and the benchmarks page were a fifth of a save at 10,000
    notes), with what its conversion logged logged again. A docs page edited converts again;
    a note added or deleted converts again only the pages that link to it (every page was
    converted again: its list of files was the key); each rebuild is a clean build's."""
    from mkdocs.structure.pages import Page

    site, out = session.site, session.out
    notes = site / "data" / "notes"
    (site / "docs" / "about.md").write_text(
        (site / "docs" / "about.md").read_text(encoding="utf-8") + "\n[a page that is not there](missing.md)\n",
        encoding="utf-8")
    (site / "docs" / "contributing.md").write_text(
        (site / "docs" / "contributing.md").read_text(encoding="utf-8") + "\n[A note to come](notes/theta.md)\n",
        encoding="utf-8")
    converted: list[str] = []
    render = Page.render

    def counted(page: Page, config: object, files: object) -> None:
        converted.append(page.file.src_uri)
        render(page, config, files)

    monkeypatch.setattr(Page, "render", counted)
    missing = "'about.md' contains a link 'missing.md', but the target is not found"
    assert missing in session.rebuild()
    docs_pages = set(converted)
    assert {"about.md", "contributing.md", "benchmarks.md"} <= docs_pages

    converted.clear()
    _edit(notes / "2025" / "beta.md", "RL for reasoning with policy", "Edited again: RL for reasoning with policy")
    log = session.rebuild()
    assert converted == [], converted
    assert missing in log, "the conversion's warning was not said again"
    assert differences(out, clean_build(site, tmp_path)) == []

    converted.clear()
    _edit(site / "docs" / "about.md", "[a page that is not there](missing.md)", "A line edited while serving.")
    log = session.rebuild()
    assert converted == ["about.md"] and missing not in log, (converted, log)
    assert "A line edited while serving." in (out / "about" / "index.html").read_text(encoding="utf-8")
    assert differences(out, clean_build(site, tmp_path)) == []

    # A note added that no docs page links to, then one that a page links to, then deleted.
    to_come = "'contributing.md' contains a link 'notes/theta.md', but the target is not found"
    converted.clear()
    (notes / "2025" / "iota.md").write_text(NEW_NOTE.replace("Theta", "Iota").replace("2503.00042", "2503.00043"),
                                            encoding="utf-8")
    log = session.rebuild()
    assert converted == [] and to_come in log, (converted, log)
    assert differences(out, clean_build(site, tmp_path)) == []

    converted.clear()
    (notes / "2025" / "theta.md").write_text(NEW_NOTE, encoding="utf-8")
    log = session.rebuild()
    assert converted == ["contributing.md"] and to_come not in log, (converted, log)
    assert 'href="../notes/theta/"' in (out / "contributing" / "index.html").read_text(encoding="utf-8")
    assert differences(out, clean_build(site, tmp_path)) == []

    converted.clear()
    (notes / "2025" / "theta.md").unlink()
    log = session.rebuild()
    assert converted == ["contributing.md"] and to_come in log, (converted, log)
    assert differences(out, clean_build(site, tmp_path)) == []


def test_each_serve_build_is_freed_by_the_next(session: ServeSession) -> None:
    """A serve build's MkDocs config, files, pages and Jinja environment are reference cycles,
    which only a full collection frees. The build hides its objects from the collector while
    it runs (`GcFreeze`), and `gc.freeze()` also sets the collector's counts back to zero: no
    full collection ran under serve, and the process grew by every save's garbage (2 MiB a
    save with the bundled notes, 3 MiB at 2,000 notes). No collection is forced here: what
    the session leaves alive is what `mkdocs serve` keeps. Test fails on the old code."""
    import gc

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    def alive() -> tuple[int, int]:
        # Serve collects a second after a build (GcFreeze.IDLE_DELAY), while it waits: counted
        # before that on a busy machine, one build's garbage was still there (a flaky run).
        full = gc.get_stats()[2]["collections"]
        deadline = time.monotonic() + GcFreeze.IDLE_DELAY + 10
        while gc.get_stats()[2]["collections"] == full and time.monotonic() < deadline:
            time.sleep(0.05)
        objects = gc.get_objects()
        return sum(isinstance(o, MkDocsConfig) for o in objects), sum(isinstance(o, Page) for o in objects)

    beta = session.site / "data" / "notes" / "2025" / "beta.md"
    for i in range(8):
        _edit(beta, "\n## English\n", f"\n## English\n\nSave {i}.\n")
        session.rebuild()
        if i == 1:
            configs, pages = alive()
    now = alive()
    assert now[0] <= configs and now[1] <= pages, f"(configs, pages) alive: {now} after 8 saves, {(configs, pages)} after 2"


def test_a_draft_is_previewed_at_its_url_under_serve_only(session: ServeSession, tmp_path: Path) -> None:
    """`papernotes import-hf` writes notes with `draft: true` and the guide says to write their
    commentary before deleting that line; under serve their page was a 404, so a writer saw the
    note only once published. Serve now shows a draft at its URL under a notice, and nowhere else
    (no list, feed, search or notes.json); published, the page is what a clean build writes, and
    a deleted draft leaves no page."""
    draft = NEW_NOTE.replace("tags: [reasoning, safety]", "tags: [reasoning, safety]\ndraft: true")
    path = session.site / "data" / "notes" / "2025" / "theta.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(draft.replace("새로 추가한 노트.", ""), encoding="utf-8")  # a draft may wait for its commentary
    session.rebuild()
    page = session.out / "notes" / "theta" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "pn-draft-notice" in html and "Theta: A Note Added While Serving" in html
    assert "notes/theta/" not in (session.out / "sitemap.xml").read_text(encoding="utf-8")   # a serve QA pass found it listed
    assert "Delete the <code>draft: true</code> line to publish it" in html
    assert "theta" not in {n["slug"] for n in json.loads((session.out / "notes.json").read_text(encoding="utf-8"))["notes"]}
    day = (session.out / "archive/2025/03/03/index.html")
    assert not day.exists() or "theta/" not in day.read_text(encoding="utf-8")
    assert "Theta" not in (session.out / "feed.xml").read_text(encoding="utf-8")
    # Published: the note's own page, no notice, the same as a clean build.
    path.write_text(NEW_NOTE, encoding="utf-8")
    session.rebuild()
    assert "pn-draft-notice" not in page.read_text(encoding="utf-8")
    assert differences(session.out, clean_build(session.site, tmp_path)) == []
    # A draft again, then deleted: no page is left.
    path.write_text(draft, encoding="utf-8")
    session.rebuild()
    assert "pn-draft-notice" in page.read_text(encoding="utf-8")
    path.unlink()
    session.rebuild()
    assert not page.exists()
    assert differences(session.out, clean_build(session.site, tmp_path)) == []
