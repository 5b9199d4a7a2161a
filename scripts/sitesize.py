"""Size figures of a built site: pages, bytes, the largest HTML page, and what a first search downloads.

The first-search figure counts the files the site's search fetches before it can show results
for a one-word query:

- mkdocs-material's search plugin: `search/search_index.json`, the search worker and the lunr
  language files for the index's languages (all fetched whole, whatever the query);
- ours (`search/meta.json`, see hooks/papernotes/outputs/search_index.py): the search box's
  modules (`assets/dom.js` and `assets/search/*.js`: the box, and the engine it imports on first
  focus), `meta.json`, the three largest terms files, the ten largest cards files and the ten
  largest abstracts files (an upper bound: a one-word query loads at most three terms files, the
  cards of the ten results shown, and the abstracts of those whose card does not show the match).

Both raw bytes and gzip bytes (what a static host such as GitHub Pages sends) are reported.

Where the bytes go (`breakdown`, or `python scripts/sitesize.py SITE_DIR --notes N`): every file
is put in a kind named by its top folder and its extension (`notes .html`, `tags .xml`,
`archive .html`, `search .json`, ...) and each kind is printed with its files, bytes and bytes
per note; HTML pages are also split into the `<head>`, the theme's shell (header, navigation,
footer: everything outside the `<article>`) and the article itself, the part a reader came for.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SiteSize:
    """Size figures of one built site."""

    pages: int
    """HTML files written."""
    total_bytes: int
    """All files of the output folder."""
    largest_html: str
    """Path (relative to the output folder) of the largest HTML file."""
    largest_html_bytes: int
    """Its size."""
    search_kind: str
    """`papernotes` (our index), `mkdocs-search` or `none`."""
    search_files: tuple[str, ...]
    """The files counted for a first search."""
    search_bytes: int
    """Their total size on disk."""
    search_gzip_bytes: int
    """Their total size once gzipped (already-compressed files count as they are)."""


def measure_site(out: Path) -> SiteSize:
    html = [(p.stat().st_size, p) for p in out.rglob("*.html")]
    total = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    size, largest = max(html) if html else (0, out)
    kind, files = search_files(out)
    raw = sum(f.stat().st_size for f in files)
    gz = sum(_gzip_size(f) for f in files)
    return SiteSize(len(html), total, largest.relative_to(out).as_posix(), size, kind,
                    tuple(f.relative_to(out).as_posix() for f in files), raw, gz)


def search_files(out: Path) -> tuple[str, list[Path]]:
    if (out / "search" / "meta.json").is_file():
        return "papernotes", _papernotes_files(out)
    index = out / "search" / "search_index.json"
    if index.is_file():
        return "mkdocs-search", _mkdocs_search_files(out, index)
    return "none", []


def _mkdocs_search_files(out: Path, index: Path) -> list[Path]:
    files = [index, *sorted((out / "assets" / "javascripts" / "workers").glob("search*.js"))]
    langs = [lang for lang in json.loads(index.read_text(encoding="utf-8"))["config"]["lang"] if lang != "en"]
    lunr = out / "assets" / "javascripts" / "lunr" / "min"
    names = (["lunr.stemmer.support.min.js"] if langs else []) + [f"lunr.{lang}.min.js" for lang in langs]
    names += ["lunr.multi.min.js"] if langs else []
    return files + [lunr / name for name in names if (lunr / name).is_file()]


MAX_TERMS_FILES = 3
"""Terms files one query word may load (MAX_SPAN in hooks/papernotes/outputs/search_index.py)."""
RESULTS_SHOWN = 10
"""Results the box shows at first (PAGE in docs/assets/search/box.js): each may need its own cards file."""


def _papernotes_files(out: Path) -> list[Path]:
    search = out / "search"
    largest = lambda folder, n: sorted(folder.glob("*.json"), key=lambda p: (p.stat().st_size, p.name))[-n:]
    files = [out / "assets" / "dom.js", *sorted((out / "assets" / "search").glob("*.js")), search / "meta.json"]
    files += largest(search / "terms", MAX_TERMS_FILES) + largest(search / "cards", RESULTS_SHOWN)
    if (search / "abstracts").is_dir():
        files += largest(search / "abstracts", RESULTS_SHOWN)
    return [f for f in files if f.is_file()]


def _gzip_size(path: Path) -> int:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":  # already gzipped
        return len(data)
    return len(gzip.compress(data, 6))


@dataclass(frozen=True)
class Kind:
    """The files of one kind (top folder and extension) of a built site."""

    name: str
    """`<top folder> <extension>`, e.g. `tags .html`; `(root)` for files at the top."""
    files: int
    bytes: int
    head_bytes: int = 0
    """HTML only: bytes of the `<head>` elements."""
    shell_bytes: int = 0
    """HTML only: bytes of the body outside the `<article>` (header, navigation, footer, scripts)."""


def kind_of(rel: str) -> str:
    parts = rel.split("/")
    top = parts[0] if len(parts) > 1 else "(root)"
    suffix = Path(rel).suffix or "(none)"
    return f"{top} {suffix}"


def _html_split(data: bytes) -> tuple[int, int]:
    """(head bytes, shell bytes) of one HTML page; the rest is its article."""
    head_end = data.find(b"</head>")
    head = head_end + 7 if head_end >= 0 else 0
    start, end = data.find(b"<article"), data.rfind(b"</article>")
    article = end + 10 - start if 0 <= start < end else 0
    return head, len(data) - head - article


def breakdown(out: Path) -> list[Kind]:
    """Every kind of file of the built site `out`, largest first."""
    totals: dict[str, list[int]] = {}
    for path in out.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(out).as_posix()
        row = totals.setdefault(kind_of(rel), [0, 0, 0, 0])
        size = path.stat().st_size
        row[0] += 1
        row[1] += size
        if path.suffix == ".html":
            head, shell = _html_split(path.read_bytes())
            row[2] += head
            row[3] += shell
    kinds = [Kind(name, *row) for name, row in totals.items()]
    return sorted(kinds, key=lambda k: (-k.bytes, k.name))


def format_breakdown(kinds: list[Kind], notes: int) -> str:
    total = sum(k.bytes for k in kinds)
    lines = ["kind | files | MB | bytes per note | share | of HTML: head / shell (outside <article>)",
             "--- | --- | --- | --- | --- | ---"]
    for k in kinds:
        split = f"{k.head_bytes / max(k.bytes, 1):.0%} / {k.shell_bytes / max(k.bytes, 1):.0%}" if k.name.endswith(".html") else "-"
        lines.append(f"{k.name} | {k.files} | {k.bytes / 1e6:.2f} | {k.bytes / notes:,.0f} | {k.bytes / max(total, 1):.1%} | {split}")
    lines.append(f"all | {sum(k.files for k in kinds)} | {total / 1e6:.2f} | {total / notes:,.0f} | 100% | -")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Where the bytes of a built site go, per kind of file and per note.")
    parser.add_argument("site", type=Path, help="the built site folder (mkdocs build -d ...)")
    parser.add_argument("--notes", type=int, help="notes the site holds (default: the pages under notes/)")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"sitesize: {args.site} is not a folder", file=sys.stderr)
        return 2
    notes = args.notes or sum(1 for _ in (args.site / "notes").glob("*/index.html")) or 1
    print(f"{notes} notes")
    print(format_breakdown(breakdown(args.site), notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
