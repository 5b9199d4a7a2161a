"""Lighthouse scores of one page of every page kind, served the way GitHub Pages serves them.

    python scripts/audit_pages.py                     # build the bundled notes, audit mobile and desktop
    python scripts/audit_pages.py --site site/        # audit a site already built (mkdocs build)
    python scripts/audit_pages.py --form-factor mobile --kinds browse,statistics --runs 3

It builds the project's own notes with this checkout's hook (or takes `--site`), serves the
folder from a local static server that gzips text files (as GitHub Pages does; without it every
page would lose points for uncompressed text), and runs Lighthouse from npm on one page of each
kind the page families plan (`pages.registry`: home, note (the newest), tag (the most used), tag
index, day, month and year (of the newest note), archive, browse, statistics, ...), about and contributing. It prints the four category scores
(performance, accessibility, best practices, SEO) with cumulative layout shift and total blocking
time, one table per form factor, then what Lighthouse flags on any page under the bar (mobile
performance 98, accessibility 100). With `--runs N` each figure is the median of N runs.

Lighthouse (pinned in scripts/audit/package-lock.json) is installed on demand with `npm ci` into
the gitignored .cache/test-tools/lighthouse/ and drives Debian's Chromium (CHROME_PATH, default
/usr/bin/chromium). It is a tool of this report only; the site never loads it. Lighthouse's
mobile form factor simulates a slow phone (4x CPU slowdown, slow 4G), so the figures depend on
the machine's load: run it on an idle machine, and prefer --runs 3 for figures to quote.

Exit codes: 0 reported (whatever the scores), 1 the build, npm or Lighthouse failed, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import email.utils
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "hooks") not in sys.path:
    sys.path.insert(0, str(ROOT / "hooks"))  # this checkout's papernotes, for its URL scheme
from papernotes.outputs.notes_json import read_index  # noqa: E402 - after the sys.path line above
from papernotes.pages import registry  # noqa: E402
from papernotes.catalog import urls  # noqa: E402

TOOLS = ROOT / "scripts" / "audit"
CACHE = ROOT / ".cache" / "test-tools" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
DOCS_PAGES = {"about": "about.md", "contributing": "contributing.md"}
KINDS = (*registry.kinds(), *DOCS_PAGES)
"""Every page kind of the page families (`pages.registry`), then two pages of docs/."""
FORM_FACTORS = ("mobile", "desktop")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BAR = {"performance": 98, "accessibility": 100}
"""Scores under these (mobile performance, accessibility in both form factors) get details printed."""

# What GitHub Pages compresses: text. Images and fonts are sent as they are.
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".bib", ".map")


class UsageError(Exception):
    """Bad arguments: exit code 2."""


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server like GitHub Pages: gzip for text when the client accepts it, a
    10-minute cache lifetime, `404.html` for missing paths."""

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # noqa: ANN201 - the base class's contract: a file object or None
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the base class redirects to the slash form
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            return self._not_found()
        with open(path, "rb") as f:
            body = f.read()
        encoding = None
        if path.endswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body, encoding = gzip.compress(body, compresslevel=6, mtime=0), "gzip"
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        if path.endswith(COMPRESSIBLE):
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Last-Modified", email.utils.formatdate(os.path.getmtime(path), usegmt=True))
        self.end_headers()
        return io.BytesIO(body)

    def _not_found(self) -> io.BytesIO:
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `folder` on a free localhost port in a daemon thread: (server, base URL)."""
    handler = functools.partial(GzipHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def pages_of(site: Path) -> dict[str, str]:
    """One URL (relative to the site root) per page kind, chosen from the site's notes.json."""
    listing = site / "notes.json"
    if not listing.is_file():
        raise UsageError(f"{site} has no notes.json: is it a papernotes site built with `mkdocs build`?")
    doc = json.loads(listing.read_text(encoding="utf-8"))
    if not doc.get("notes"):
        raise UsageError(f"{listing} lists no notes: the note, tag and date pages have nothing to show")
    pages = {**registry.examples(read_index(doc)), **DOCS_PAGES}
    found = {kind: urls.src_to_url(src) for kind, src in pages.items()}
    absent = [kind for kind in KINDS if kind not in found]
    if absent:
        raise UsageError(f"{site} has no page of kind {', '.join(absent)} (its notes do not make one)")
    missing = [f"{kind} ({url or '/'})" for kind, url in found.items() if not (site / url / "index.html").is_file()]
    if missing:
        raise UsageError(f"{site} lacks pages: {', '.join(missing)}")
    return found


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build the bundled notes into a temporary folder)")
    parser.add_argument("--form-factor", choices=(*FORM_FACTORS, "both"), default="both")
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"comma-separated page kinds (default: all: {', '.join(KINDS)})")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page; figures are the medians (default 1)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--reports", type=Path, help="keep every Lighthouse JSON report in this folder")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        raise (UsageError("see the usage above") if exit_.code else exit_) from None
    args.kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    unknown = [k for k in args.kinds if k not in KINDS]
    if unknown or not args.kinds:
        raise UsageError(f"--kinds: unknown page kind {', '.join(map(repr, unknown)) or '(none given)'}; known: {', '.join(KINDS)}")
    if not 1 <= args.runs <= 9:
        raise UsageError(f"--runs must be between 1 and 9, not {args.runs}")
    if args.site is not None and not (args.site / "index.html").is_file():
        raise UsageError(f"--site {args.site}: no index.html there; build the site first (mkdocs build -d {args.site})")
    args.form_factors = FORM_FACTORS if args.form_factor == "both" else (args.form_factor,)
    return args


def lighthouse() -> list[str]:
    """The command that runs Lighthouse, installing it from the lock file when missing or stale."""
    cli = CACHE / "node_modules" / "lighthouse" / "cli" / "index.js"
    lock = (TOOLS / "package-lock.json").read_text(encoding="utf-8")
    stamp = CACHE / "package-lock.json"
    if not cli.exists() or not stamp.exists() or stamp.read_text(encoding="utf-8") != lock:
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError("npm is missing: it installs Lighthouse (apt-get install npm)")
        CACHE.mkdir(parents=True, exist_ok=True)
        shutil.copy(TOOLS / "package.json", CACHE / "package.json")
        shutil.copy(TOOLS / "package-lock.json", CACHE / "package-lock.json")
        print(f"installing Lighthouse into {CACHE} ...", file=sys.stderr)
        result = subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=CACHE,
                                capture_output=True, text=True, timeout=600)
        if result.returncode != 0 or not cli.exists():
            stamp.unlink(missing_ok=True)
            raise RuntimeError(f"npm could not install Lighthouse into {CACHE}:\n{result.stderr[-2000:]}")
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is missing: Lighthouse runs on Node.js (apt-get install nodejs)")
    return [node, str(cli)]


def build_bundled(dest: Path) -> Path:
    """`mkdocs build` of the project's own notes with this checkout's hook, into dest/site."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1",
               PYTHONPATH=os.pathsep.join(p for p in (str(ROOT / "hooks"), os.environ.get("PYTHONPATH", "")) if p))
    out = dest / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
                            capture_output=True, text=True, env=env, cwd=ROOT)
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{result.stderr[-3000:]}")
    return out


def audit(command: list[str], url: str, form_factor: str, workdir: Path) -> dict:
    """One Lighthouse run: its JSON report."""
    out = workdir / "report.json"
    cmd = [*command, url, "--quiet", "--output=json", f"--output-path={out}",
           f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROME_FLAGS)}"]
    if form_factor == "desktop":
        cmd.append("--preset=desktop")
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", CHROMIUM))
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0 or not out.is_file():
        raise RuntimeError(f"Lighthouse failed on {url} ({form_factor}):\n{result.stderr[-3000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    if report.get("runtimeError"):
        raise RuntimeError(f"Lighthouse could not load {url}: {report['runtimeError'].get('message')}")
    return report


def figures(report: dict) -> dict[str, float]:
    """The four scores (0-100), CLS and TBT (ms) of a report."""
    cats = report["categories"]
    row = {c: round(100 * (cats[c]["score"] or 0)) for c in CATEGORIES}
    row["cls"] = report["audits"]["cumulative-layout-shift"]["numericValue"]
    row["tbt"] = report["audits"]["total-blocking-time"]["numericValue"]
    return row


def flagged(report: dict) -> Iterator[str]:
    """What Lighthouse holds against the page in the categories under the bar."""
    audits = report["audits"]
    for cat in BAR:
        for ref in report["categories"][cat]["auditRefs"]:
            a = audits[ref["id"]]
            # The weighted metrics and the classic audits; "hidden" holds the newer insights that repeat them.
            if ref.get("group") == "hidden" or a.get("score") is None or a["score"] >= 0.9:
                continue
            if a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings"):
                value = f" ({a['displayValue']})" if a.get("displayValue") else ""
                yield f"{cat}: {a['title']}{value}"


def median_row(rows: list[dict[str, float]]) -> dict[str, float]:
    return {k: statistics.median(r[k] for r in rows) for k in rows[0]}


def table(results: dict[str, dict[str, float]]) -> str:
    lines = ["| page kind | perf | a11y | best pr. | SEO | CLS | TBT ms |", "|---|---:|---:|---:|---:|---:|---:|"]
    for kind, r in results.items():
        lines.append(f"| {kind} | {r['performance']:.0f} | {r['accessibility']:.0f} | {r['best-practices']:.0f} | {r['seo']:.0f} "
                     f"| {r['cls']:.3f} | {r['tbt']:.0f} |")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    command = lighthouse()
    with tempfile.TemporaryDirectory(prefix="papernotes-audit-") as tmp:
        site = args.site or build_bundled(Path(tmp))
        pages = pages_of(site)
        server, base = serve(site)
        everything: dict[str, dict[str, dict[str, float]]] = {}
        try:
            for form_factor in args.form_factors:
                results, notes = {}, []
                for kind in args.kinds:
                    rows = []
                    for n in range(args.runs):
                        report = audit(command, base + pages[kind], form_factor, Path(tmp))
                        rows.append(figures(report))
                        if args.reports:
                            args.reports.mkdir(parents=True, exist_ok=True)
                            name = f"{form_factor}-{kind.replace(' ', '-')}-{n + 1}.json"
                            (args.reports / name).write_text(json.dumps(report), encoding="utf-8")
                    results[kind] = median_row(rows)
                    bar = {c: v for c, v in BAR.items() if form_factor == "mobile" or c != "performance"}
                    if any(results[kind][c] < v for c, v in bar.items()):
                        notes.append((kind, sorted(set(flagged(report)))))
                    print(f"  {form_factor} {kind}: {results[kind]['performance']:.0f}", file=sys.stderr)
                everything[form_factor] = results
                print(f"\n{form_factor} (Lighthouse {report['lighthouseVersion']}, {args.runs} run(s) per page, median)\n")
                print(table(results))
                for kind, items in notes:
                    print(f"\n{kind} ({pages[kind] or '/'}) under the bar:")
                    for item in items or ["(no single audit under 0.9: the score is the sum of small losses)"]:
                        print(f"  - {item}")
        finally:
            server.shutdown()
    if args.json:
        args.json.write_text(json.dumps({"pages": pages, "results": everything}, indent=2), encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        args = parse_args(sys.argv[1:] if argv is None else argv)
    except UsageError as err:
        print(f"audit_pages: {err}", file=sys.stderr)
        return 2
    try:
        return run(args)
    except UsageError as err:
        print(f"audit_pages: {err}", file=sys.stderr)
        return 2
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as err:
        print(f"audit_pages: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
