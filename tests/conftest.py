"""Shared test helpers: fixture sites built with the real MkDocs, and a real Chromium.

Browser tests use Debian's Chromium (/usr/bin/chromium) through Playwright and need a Korean
font (fonts-noto-cjk). Locally they skip when either is missing; with CI=true they fail instead,
so CI never silently skips them.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import functools
import http.server
import io
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

import pytest
import yaml

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Response

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_SITE = ROOT / "tests" / "fixtures" / "site"


def _bundled_copy() -> Path:
    """A copy of the repository's `data/` holding only the notes the tests were written against
    (tests/bundled-notes.txt), with its tags, glossary, authors and template as they are.

    Tests that know the bundled notes (which note a search finds first, how many mention a
    word) read this copy, not `data/`: a contributor's new note, checked by `papernotes check`
    and the strict build, must not fail the suite on their pull request or on main after it
    is merged. Removing or renaming a listed note fails here, by name."""
    listed = (ROOT / "tests" / "bundled-notes.txt").read_text(encoding="utf-8").split()
    missing = [rel for rel in listed if not (ROOT / "data" / rel).is_file()]
    if missing:
        raise RuntimeError(f"tests/bundled-notes.txt lists notes that are no longer in data/: {', '.join(missing)}; "
                           "take them out of the list (and out of the tests that use them)")
    root = Path(tempfile.mkdtemp(prefix="papernotes-bundled-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    shutil.copytree(ROOT / "data", root / "data", ignore=lambda folder, names: names if Path(folder).name == "notes" else [])
    for rel in listed:
        (root / "data" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "data" / rel, root / "data" / rel)
    return root


BUNDLED_ROOT = _bundled_copy()
"""A folder whose `data/` is the bundled notes the tests know (see `_bundled_copy`)."""
BUNDLED_DATA = BUNDLED_ROOT / "data"
CHROMIUM = "/usr/bin/chromium"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # mkdocs-material's notice, for builds in this process too
Serve = Callable[[Path], str]
"""The `serve` fixture: serve a built site's folder over HTTP, get its base URL."""
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def make_site(dest: Path, data: Path | None = None, notes: dict[str, str] | None = None,
              tags_yml: str | None = None, extra: dict | None = None) -> Path:
    """Create a buildable site in `dest`: the project's mkdocs.yml, docs/ and theme, plus data.

    `data` is a data folder to copy (default: the fixture site's); `notes` adds or replaces
    files relative to `data/notes/`; `tags_yml` replaces `data/tags.yml`.
    """
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "docs", dest / "docs", dirs_exist_ok=True)
    shutil.copytree(data or FIXTURE_SITE / "data", dest / "data", dirs_exist_ok=True)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    config["hooks"] = [str(ROOT / h) for h in config["hooks"]]
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["watch"] = []
    if extra:
        config.setdefault("extra", {}).setdefault("papernotes", {}).update(extra)
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for rel, text in (notes or {}).items():
        path = dest / "data" / "notes" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if tags_yml is not None:
        (dest / "data" / "tags.yml").write_text(tags_yml, encoding="utf-8")
    return dest


def build(site: Path, strict: bool = True, *, process: bool = False) -> subprocess.CompletedProcess[str]:
    """A real MkDocs build of `site` into `site/site`: the log is `stderr`, 1 is a failed build.

    In this process unless `process` is set, the way `mkdocs build` runs it (load the config,
    `on_startup`, build, `on_shutdown`) without paying a Python start and MkDocs' imports per
    build. MkDocs imports the hook module once per process and the hook makes a fresh `Build`
    in `on_startup`, so builds in one process share nothing, as under `mkdocs serve`.
    """
    if process:
        cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(site / "mkdocs.yml"), "-d", str(site / "site")]
        if strict:
            cmd.append("--strict")
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=site)
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    log = io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)  # as the command line sets it
    logger.propagate = False  # the log is the result; pytest's capture would only repeat it
    code = 0
    try:
        with contextlib.chdir(site):
            config = load_config(str(site / "mkdocs.yml"), site_dir=str(site / "site"), strict=strict)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
    except MkDocsException as error:  # what `mkdocs build` prints as its last line before exiting with 1
        log.write(f"Error: {error}\n")
        code = 1
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
    return subprocess.CompletedProcess(["mkdocs", "build", str(site)], code, "", log.getvalue())


def run_cli(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """`papernotes ARGV` run in this process from `cwd`, as the command runs it: its exit code
    (argparse's 2 included), stdout and stderr. `tests/test_cli_exit_codes.py` runs the real
    command in a process once; elsewhere the process is not the point."""
    from papernotes.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
    return subprocess.CompletedProcess(["papernotes", *argv], code, out.getvalue(), err.getvalue())


def shared_build(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Path], *,
                 strict: bool = True) -> Path:
    """`make(folder)` (a `make_site` call) built once (with --strict unless `strict` is False: a
    site of notes that are warned about) for the whole run; the output folder.

    Under pytest-xdist the workers share one build: the first to get here builds into the run's
    common temporary folder while holding a lock, the others wait and take its output. In a single
    process the same folder (the run's temporary folder) makes it one build per run too. So a
    module's own site (`name` unique to it) is built once even when `--dist=worksteal` spreads the
    module's tests over several workers, and two modules that read the same site share it by name.
    Tests only read it. The build's log is `build_log(output folder)`.
    """
    common = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        common = common.parent  # the same folder for every worker of this run
    done = common / name / ".built"
    with (common / f"{name}.lock").open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(common / name, ignore_errors=True)  # a build that failed in another worker
            site = make(common / name)
            assert site == common / name, "make(folder) must make the site in that folder"
            result = build(site, strict)
            assert result.returncode == 0, result.stderr
            (site / "build.log").write_text(result.stderr, encoding="utf-8")
            done.touch()
    return common / name / "site"


def build_log(out: Path) -> str:
    """The log of the `shared_build` whose output folder is `out`."""
    return (out.parent / "build.log").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def fixture_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site, built once with --strict; returns the output folder."""
    return shared_build(tmp_path_factory, "fixture-site", lambda folder: make_site(folder))


@pytest.fixture(scope="session")
def bundled_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own bundled notes, built once with --strict."""
    return shared_build(tmp_path_factory, "bundled-site", lambda folder: make_site(folder, data=BUNDLED_DATA))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A page that goes on before a file it asked for has come (a test's next step) closes the
        connection: not an error of the site's, and its traceback buried the test output."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def serve() -> Iterator:
    """`serve(folder) -> base_url`: serve a built site over HTTP on localhost.

    One server per folder for the whole session (a second call for the same folder gets the same
    URL, so tests may call it per test); all stop at the end of the session.
    """
    servers: dict[Path, tuple[_QuietServer, str]] = {}

    def start(folder: Path) -> str:
        folder = Path(folder).resolve()
        if folder not in servers:
            handler = functools.partial(_QuietHandler, directory=str(folder))
            server = _QuietServer(("127.0.0.1", 0), handler)
            # A short poll: shutdown() waits for it, once per server at the end of the session.
            threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
            servers[folder] = server, f"http://127.0.0.1:{server.server_address[1]}/"
        return servers[folder][1]

    yield start
    for server, _ in servers.values():
        server.shutdown()
        server.server_close()


# An init script that sums the page's layout shifts (those not caused by input) in window.__pnShift.
LAYOUT_SHIFT = """window.__pnShift = 0;
new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__pnShift += e.value; })
  .observe({type: "layout-shift", buffered: true});"""


# Words broken at a hyphen: the text of `selector`'s visible elements as one run of characters
# (across links and spans), each word whose hyphen ends a line and the next character starts the
# next one, with the page's overflow past the screen.
HYPHEN_BREAKS = """(selector) => {
  const found = [], range = document.createRange();
  for (const block of document.querySelectorAll(selector)) {
    if (!block.checkVisibility()) continue;
    const chars = [], walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        chars.push([node.data[i], box ? box.top : null]);
      }
    }
    const text = chars.map(c => c[0]).join("");
    for (let i = 1; i + 1 < chars.length; i++) {
      if (chars[i][0] !== "-" || chars[i][1] === null || chars[i + 1][1] === null || chars[i + 1][1] <= chars[i][1] + 2) continue;
      found.push(text.slice(0, i).match(/\\S*$/)[0] + text.slice(i).match(/^\\S*/)[0]);
    }
  }
  return [found, document.documentElement.scrollWidth];
}"""

def visit(page: Page, url: str, quiet_ms: int = 200, timeout_ms: int = 15_000) -> Response | None:
    """`page.goto(url)`, then wait until the page has settled: loaded, and no request of its in
    flight for `quiet_ms` since the load event or the last request's end (whichever is later).

    What `wait_for_load_state("networkidle")` means, without its fixed 500 ms of idling per visit:
    a fetch that starts late (the browse page's snippets, a list's recommendations) or answers
    slowly is waited for because it is in flight; a timer that starts one later than `quiet_ms`
    after the last request would not be (none of the site's does: its longest is 50 ms).
    """
    in_flight: set[object] = set()
    last = [time.monotonic()]

    def started(request: object) -> None:
        in_flight.add(request)
        last[0] = time.monotonic()

    def ended(request: object) -> None:
        in_flight.discard(request)
        last[0] = time.monotonic()

    page.on("request", started)
    page.on("requestfinished", ended)
    page.on("requestfailed", ended)
    try:
        response = page.goto(url)  # returns at the load event
        last[0] = max(last[0], time.monotonic())
        deadline = time.monotonic() + timeout_ms / 1000
        while in_flight or time.monotonic() - last[0] < quiet_ms / 1000:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url}: still loading after {timeout_ms} ms: {[r.url for r in in_flight]}")  # type: ignore[attr-defined]
            page.wait_for_timeout(20)  # Playwright delivers the page's events meanwhile
        return response
    finally:
        page.remove_listener("request", started)
        page.remove_listener("requestfinished", ended)
        page.remove_listener("requestfailed", ended)


def korean_font() -> bool:
    """Whether fontconfig, which Chromium asks for fonts on Linux, has one that covers Korean."""
    try:
        found = subprocess.run(["fc-list", ":lang=ko", "family"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return found.returncode == 0 and bool(found.stdout.strip())


@pytest.fixture(scope="session")
def browser() -> Iterator:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: CI must install it (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    if not korean_font():
        # Without one Hangul is drawn as boxes: line breaks, widths and screenshots of Korean
        # text would be judged on glyphs no reader sees (a fresh Debian has none).
        if os.environ.get("CI"):
            pytest.fail("no Korean font: CI must install one (apt-get install fonts-noto-cjk)")
        pytest.skip("no Korean font for Chromium (apt-get install fonts-noto-cjk)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


PAGE_VIEWPORT = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def _kept_page() -> Iterator[dict]:
    """The `page` fixture's page and the origins it visited since it was last emptied."""
    kept: dict = {}
    yield kept
    if "page" in kept:
        kept["page"].context.close()


def _empty(kept: dict) -> None:
    """Leave nothing of the last test in the kept page: no routes, no cookies, no local or session
    storage on any origin it visited, on about:blank at its size. Throws the page away (the next
    test makes another) when the test closed it or opened another page in its context."""
    pg = kept["page"]
    try:
        if pg.is_closed() or pg.context.pages != [pg]:
            raise RuntimeError("the test closed its page or opened another one")
        pg.unroute_all(behavior="ignoreErrors")
        pg.context.unroute_all(behavior="ignoreErrors")
        pg.context.clear_cookies()
        for origin in sorted(kept["origins"]):
            pg.goto(origin + "/.pn-test-reset")  # a 404 page of that origin: its storage is the site's
            pg.evaluate("localStorage.clear(); sessionStorage.clear()")
        pg.goto("about:blank")
        kept["origins"].clear()
        pg.set_viewport_size(PAGE_VIEWPORT)
    except Exception:  # noqa: BLE001 - whatever went wrong, the next test gets a new page
        del kept["page"]
        with contextlib.suppress(Exception):
            pg.context.close()


@pytest.fixture
def page(browser: Browser, _kept_page: dict):  # noqa: ANN201 - a fixture, typed where it is made
    """A 1280×900 page with nothing of an earlier test in it: no stored data (cookies, local and
    session storage of every origin it visited are cleared), no routes, on about:blank.

    One page per worker, emptied after each test, rather than a new context per test: a context
    and its page cost about a second of CPU to make (DEVELOPING.md, "Tests"). A test that adds an
    init script, a binding or permissions, or changes the palette, makes its own context
    (`browser.new_context(...)`) instead. Listeners a test adds stay (they only append to that
    test's lists).
    """
    if "page" not in _kept_page:
        pg = browser.new_context(viewport=PAGE_VIEWPORT).new_page()
        origins: set[str] = set()

        def navigated(frame) -> None:  # noqa: ANN001 - Playwright's Frame
            parts = frame.url.split("/")
            if frame.url.startswith(("http://", "https://")) and len(parts) > 2:
                origins.add("/".join(parts[:3]))

        pg.on("framenavigated", navigated)
        _kept_page.update(page=pg, origins=origins)
    yield _kept_page["page"]
    _empty(_kept_page)


# Notes added to the fixture data for the reader features (search, feeds, BibTeX): Korean nouns
# with particles only, tricky BibTeX characters, an author and an arXiv id found nowhere else.
READER_NOTES = {
    "2025/particle-a.md": """---
title: "Kappa: Particle Test One"
authors: [Grace Hopper]
date: 2025-03-01
tags: [reward-model]
arxiv: "2503.01234"
---

## 한국어

이 방법은 보상을 다시 정의한다.

## English

Redefines the training signal.
""",
    "2025/particle-b.md": """---
title: "Lambda: Humans Rate Outputs"
authors: [Alan Turing]
date: 2025-03-02
tags: [rl]
url: https://example.org/lambda
---

## 한국어

여기서 보상은 사람이 매긴다.

## English

Here people score the outputs.
""",
    "2025/escape.md": """---
title: "Braces {x} & 100% Ünïcode: $\\\\alpha$_test #1"
authors: ["José Müller", "이순신", "O'Brien, Jr."]
date: 2025-03-03
tags: [safety]
org: "R&D Lab"
url: "https://example.org/escape?a=1&b=2"
---

## 한국어

안전성 연구.

## English

Safety and robustness at scale.
""",
}


@pytest.fixture(scope="session")
def reader_index(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - a SiteIndex, imported where it is made
    """The catalogue of the fixture site plus READER_NOTES (what `reader_build` builds), loaded once."""
    from papernotes.catalog.index import build_index
    from papernotes.source.tree import load_site

    result = load_site(make_site(tmp_path_factory.mktemp("reader-data"), notes=READER_NOTES), "data")
    assert not result.errors, [p.format() for p in result.errors]
    return build_index(result.notes, result.tags)


@pytest.fixture(scope="session")
def reader_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site plus READER_NOTES, built once with --strict; returns the output folder."""
    return shared_build(tmp_path_factory, "reader-site", lambda folder: make_site(folder, notes=READER_NOTES))
