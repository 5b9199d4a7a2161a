"""Measure what a reader downloads for search and for the browse filter on a built site.

    python scripts/measure_search.py SITE_DIR [QUERY ...] [--index-build DATA_DIR]

Serves SITE_DIR on localhost, opens the home page in Chromium (/usr/bin/chromium) and, for each
query in a fresh browser context (cold cache), focuses the search box, types the query and
waits for the results. It prints the bytes transferred under search/ (meta.json on focus, then
the terms and cards files the query needed), the number of requests and results, the time from
Enter to the first results (localhost, so mostly our JS and the browser), from the last file's
arrival to the results, and the same query again once the box holds its files (all of its own
work without waiting: what "results appear within 150 ms of the files arriving" asks), what the
browse page loads as tags are picked, the size of the browse index and, if present,
mkdocs-material's search_index.json (raw and gzip). With --index-build, also the CPU time and
peak memory of building the index alone from DATA_DIR. Bytes are the response bodies as served:
this server does not gzip, so they are raw sizes; the gzip
figure is what a compressing host such as GitHub Pages would send for the same files. Exit codes: 0 done, 2 bad usage.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence, TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

DEFAULT_QUERIES = ["보상", "reward model", "2001.00003", "Kim"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def file_sizes(path: Path) -> str:
    raw = path.read_bytes()
    return f"{len(raw) / 1024:.0f} kB raw, {len(gzip.compress(raw)) / 1024:.0f} kB gzip"


@dataclass(frozen=True)
class Query:
    """What one first query cost."""

    bytes: int
    """Response bodies under search/ (meta.json included), as served (uncompressed)."""
    gzip_bytes: int
    """The same files gzipped: what a compressing host sends."""
    requests: int
    """Requests under search/."""
    results: int
    """The result count the box shows."""
    seconds: float
    """From Enter (meta.json already loaded on focus) to the first results on screen."""
    after_files: float
    """From the end of the last search/ response to the first results on screen (the page's own
    clock): the box's last step, once the cards of the results have arrived."""
    warm: float
    """The same query again in the same page, its files already in the box's memory: from Enter to
    the results on screen, all of the box's own work (matching, ranking, rendering) without waiting."""


_CLOCK = """() => { window.__pnEnter = null; window.__pnShown = null;
    const input = document.querySelector('.pn-search__input'), list = document.querySelector('.pn-search__results');
    const enter = e => { if (e.key === 'Enter') { window.__pnEnter = performance.now(); input.removeEventListener('keydown', enter, true); } };
    input.addEventListener('keydown', enter, true);   // (Shift+Enter: the Shift's own keydown comes first)
    const seen = new MutationObserver(() => {
      if (window.__pnEnter !== null && list.dataset.count !== undefined) { window.__pnShown = performance.now(); seen.disconnect(); } });
    seen.observe(list, { attributes: true, attributeFilter: ['data-count'] }); }"""
"""The page's clock when Enter is pressed and when the results list next gets its count (the box
sets it once that query's results are on screen). A count set before Enter is the typing's own
search (the box searches 120 ms after the last keystroke), which a slow machine may finish before
Enter is pressed: Enter searches again, and that is the one timed. (Shift+Enter: a plain Enter
opens the first result when the results shown are already the query's.)"""


def _run(page: Page, query: str) -> tuple[float, float]:
    """Type `query`, press Enter, wait for its results: (Enter, results shown) on the page's clock, ms."""
    page.fill(".pn-search__input", query)
    page.evaluate(_CLOCK)
    page.press(".pn-search__input", "Shift+Enter")
    page.wait_for_function("window.__pnShown !== null", timeout=60000)
    return page.evaluate("() => [window.__pnEnter, window.__pnShown]")


def measure_query(browser: Browser, base: str, site: Path, query: str) -> Query:
    """What one query typed into a fresh page (cold cache) costs, and the same query again once the
    box holds its files."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base)
    page.wait_for_load_state("networkidle")
    sizes: list[tuple[str, int]] = []
    page.on("requestfinished", lambda r: sizes.append((r.url, r.sizes()["responseBodySize"])) if r.url.startswith(base + "search/") else None)
    with page.expect_response(lambda r: r.url == base + "search/meta.json"):
        page.focus(".pn-search__input")  # focus loads meta.json
    enter, shown = _run(page, query)
    page.wait_for_load_state("networkidle")
    results = int(page.get_attribute(".pn-search__results", "data-count"))
    arrived = page.evaluate("""shown => Math.max(0, ...performance.getEntriesByType('resource')
        .filter(e => e.name.includes('/search/') && e.responseEnd <= shown).map(e => e.responseEnd))""", shown)
    requests = list(sizes)
    page.fill(".pn-search__input", "")
    again = _run(page, query)                       # every file already in the box's memory
    context.close()
    # What a gzipping host (GitHub Pages) would send for the same files.
    gz = sum(len(gzip.compress((site / url[len(base):]).read_bytes())) for url, _ in requests)
    return Query(sum(size for _, size in requests), gz, len(requests), results, (shown - enter) / 1000,
                 (shown - arrived) / 1000, (again[1] - again[0]) / 1000)


def measure_browse(browser: Browser, base: str, tags: list[str]) -> list[tuple[str, int, int]]:
    """(step, bytes of browse/ JSON so far, notes listed) opening the browse page, then adding tags."""
    context = browser.new_context()
    page = context.new_page()
    sizes: list[int] = []
    page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"]) if "/browse/" in r.url and r.url.endswith(".json") else None)
    ready = "document.querySelector('.pn-browse').dataset.snippetsReady === 'true'"
    page.goto(base + "browse/")
    page.wait_for_function(ready, timeout=60000)
    steps = [("open", sum(sizes), int(page.get_attribute(".pn-browse__count", "data-count")))]
    for tag in tags:
        if page.get_attribute(f'.pn-filter-tag[data-tag="{tag}"]', "aria-disabled") == "true":
            # no note listed has it, so it cannot be chosen (browse-filter.js): nothing is loaded
            steps.append((f"+{tag} (no note left has it)", sum(sizes), int(page.get_attribute(".pn-browse__count", "data-count"))))
            continue
        page.click(f'.pn-filter-tag[data-tag="{tag}"]')
        page.wait_for_function(ready, timeout=60000)
        steps.append((f"+{tag}", sum(sizes), int(page.get_attribute(".pn-browse__count", "data-count"))))
    context.close()
    return steps


def _rss_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise OSError(f"no {field} in /proc/self/status")


def measure_index_build(data: Path) -> str:
    """What building the search index costs on the notes of `data` (a data folder), on its own:
    the notes are loaded and their commentary rendered first (the build has both anyway), then
    `build_search_files` runs alone. CPU seconds of this process, and its peak resident memory
    above what it held before (Linux: the peak is reset through /proc/self/clear_refs)."""
    from papernotes.markup import HtmlCache
    from papernotes.outputs.search_index import build_search_files
    from papernotes.catalog.index import build_index
    from papernotes.source.tree import load_site

    loaded = load_site(data.parent, data.name)
    index = build_index(loaded.notes, loaded.tags)
    cache = HtmlCache()
    html = {n.slug: (cache.html(n.ko), cache.html(n.en)) for n in index.notes}
    before = _rss_kib("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")   # VmHWM := VmRSS
    cpu = time.process_time()
    files = build_search_files(index.notes, index.tags, lambda n: html[n.slug])
    cpu = time.process_time() - cpu
    peak = _rss_kib("VmHWM")
    size = sum(len(text.encode()) for _, text in files)
    return (f"index build ({len(index.notes)} notes): {cpu:.1f} CPU-s, peak +{(peak - before) / 1024:.0f} MiB; "
            f"{len(files)} files, {size / 1e6:.1f} MB")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("queries", nargs="*", default=DEFAULT_QUERIES)
    parser.add_argument("--index-build", type=Path, metavar="DATA_DIR",
                        help="also time building the index alone from this data folder (the site's notes)")
    args = parser.parse_args(argv)
    meta = args.site / "search" / "meta.json"
    if not meta.is_file():
        parser.error(f"{args.site} has no search/meta.json: build the site first")
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(args.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    notes = sum(1 for _ in (args.site / "notes").glob("*/index.html"))
    print(f"site: {args.site} ({notes} note pages)")
    print(f"browse/index.json: {file_sizes(args.site / 'browse' / 'index.json')}")
    terms = sorted((args.site / "search" / "terms").glob("*.json"), key=lambda p: p.stat().st_size)
    print(f"search/meta.json: {file_sizes(meta)}; {len(terms)} terms files, largest {file_sizes(terms[-1])}" if terms
          else f"search/meta.json: {file_sizes(meta)}; no terms files")
    material = args.site / "search" / "search_index.json"
    if material.exists():
        print(f"mkdocs-material search_index.json: {file_sizes(material)}")
    if args.index_build:
        print(measure_index_build(args.index_build))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
        for step, size, listed in measure_browse(browser, base, ["reasoning", "rl", "reward-model"]):
            print(f"browse {step}: {size / 1024:.0f} kB of browse/*.json so far, {listed} notes listed")
        for query in args.queries:
            q = measure_query(browser, base, args.site, query)
            print(f"first query {query!r}: {q.bytes / 1024:.0f} kB ({q.gzip_bytes / 1024:.0f} kB gzip) in {q.requests} requests, "
                  f"{q.results} results, shown in {q.seconds * 1000:.0f} ms ({q.after_files * 1000:.0f} ms after the last file "
                  f"arrived; {q.warm * 1000:.0f} ms again with the files in memory)")
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
