"""Size figures of a built site: pages, bytes, the largest HTML page, and what a first search downloads.

The first-search figure counts the files the site's search fetches before it can show results
for a one-word query:

- mkdocs-material's search plugin: `search/search_index.json`, the search worker and the lunr
  language files for the index's languages (all fetched whole, whatever the query);
- Pagefind (`pagefind/`): `pagefind.js`, `pagefind-entry.json`, the language's WASM, the
  `.pf_meta`, the largest index chunk, every filter chunk and the five largest fragments (an
  upper bound: a one-word query loads one index chunk and the fragments of the results shown),
  plus the Pagefind UI's JS and CSS when present.

Both raw bytes and gzip bytes (what a static host such as GitHub Pages sends) are reported;
Pagefind's `.pf_*` files are already compressed.
"""

from __future__ import annotations

import gzip
import json
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
    """`mkdocs-search`, `pagefind` or `none`."""
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
    pagefind = out / "pagefind"
    if (pagefind / "pagefind-entry.json").is_file():
        return "pagefind", _pagefind_files(pagefind)
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


def _pagefind_files(pagefind: Path) -> list[Path]:
    entry = json.loads((pagefind / "pagefind-entry.json").read_text(encoding="utf-8"))
    files = [pagefind / "pagefind.js", pagefind / "pagefind-entry.json"]
    for lang in entry.get("languages", {}).values():
        files += sorted(pagefind.glob(f"pagefind.{lang['hash']}.pf_meta"))
        wasm = lang.get("wasm")
        files += sorted(pagefind.glob(f"wasm.{wasm}.pagefind")) if wasm else sorted(pagefind.glob("wasm.*.pagefind"))[:1]
        break  # a reader's first search uses one language
    chunks = sorted(pagefind.glob("index/*.pf_index"), key=lambda p: p.stat().st_size)
    files += chunks[-1:]
    files += sorted(pagefind.glob("filter/*.pf_filter"))
    files += sorted(pagefind.glob("fragment/*.pf_fragment"), key=lambda p: p.stat().st_size)[-5:]
    files += [p for p in (pagefind / "pagefind-ui.js", pagefind / "pagefind-ui.css") if p.is_file()]
    return [f for f in files if f.is_file()]


def _gzip_size(path: Path) -> int:
    data = path.read_bytes()
    if path.suffix.startswith(".pf_") or path.suffix == ".pagefind" or data[:2] == b"\x1f\x8b":
        return len(data)
    return len(gzip.compress(data, 6))
