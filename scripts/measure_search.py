"""Measure what a reader downloads for search and for the browse filter on a built site.

    python scripts/measure_search.py SITE_DIR [QUERY ...]

Serves SITE_DIR on localhost, opens the home page in Chromium (/usr/bin/chromium) and, for each
query in a fresh browser context (cold cache), focuses the search box, types the query and
waits for the results. It prints the bytes transferred under search/ (meta.json on focus, then
the terms and cards files the query needed), the number of requests and results, the time from
Enter to the first results (localhost, so mostly our JS and the browser), what the
browse page loads as tags are picked, the size of the browse index and, if present,
mkdocs-material's search_index.json (raw and gzip). Bytes are the response bodies as served:
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
from typing import Sequence

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


def measure_query(browser, base: str, site: Path, query: str) -> Query:  # noqa: ANN001
    """What one query typed into a fresh page (cold cache) costs."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base)
    page.wait_for_load_state("networkidle")
    sizes: list[tuple[str, int]] = []
    page.on("requestfinished", lambda r: sizes.append((r.url, r.sizes()["responseBodySize"])) if r.url.startswith(base + "search/") else None)
    with page.expect_response(lambda r: r.url == base + "search/meta.json"):
        page.focus(".pn-search__input")  # focus loads meta.json
    page.fill(".pn-search__input", query)
    start = time.monotonic()
    page.press(".pn-search__input", "Enter")
    page.wait_for_function("document.querySelector('.pn-search__results a') || document.querySelector('.pn-search__results').dataset.count === '0'",
                           timeout=60000)
    seconds = time.monotonic() - start
    page.wait_for_load_state("networkidle")
    results = int(page.get_attribute(".pn-search__results", "data-count"))
    context.close()
    # What a gzipping host (GitHub Pages) would send for the same files.
    gz = sum(len(gzip.compress((site / url[len(base):]).read_bytes())) for url, _ in sizes)
    return Query(sum(size for _, size in sizes), gz, len(sizes), results, seconds)


def measure_browse(browser, base: str, tags: list[str]) -> list[tuple[str, int, int]]:  # noqa: ANN001
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
        page.click(f'.pn-filter-tag[data-tag="{tag}"]')
        page.wait_for_function(ready, timeout=60000)
        steps.append((f"+{tag}", sum(sizes), int(page.get_attribute(".pn-browse__count", "data-count"))))
    context.close()
    return steps


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("queries", nargs="*", default=DEFAULT_QUERIES)
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
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
        for step, size, listed in measure_browse(browser, base, ["reasoning", "rl", "reward-model"]):
            print(f"browse {step}: {size / 1024:.0f} kB of browse/*.json so far, {listed} notes listed")
        for query in args.queries:
            q = measure_query(browser, base, args.site, query)
            print(f"first query {query!r}: {q.bytes / 1024:.0f} kB ({q.gzip_bytes / 1024:.0f} kB gzip) in {q.requests} requests, "
                  f"{q.results} results, shown in {q.seconds * 1000:.0f} ms")
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
