"""Size figures of a built site: pages, bytes, the largest HTML page, and what a first search downloads.

The first-search figure counts the files the site's search fetches before it can show results
for a one-word query:

- mkdocs-material's search plugin: `search/search_index.json`, the search worker and the lunr
  language files for the index's languages (all fetched whole, whatever the query);
- ours (`search/meta.json`, see hooks/papernotes/outputs/search_index.py): the search box's JS,
  `meta.json`, the three largest terms files and the ten largest cards files (an upper bound:
  a one-word query loads at most three terms files and the cards of the ten results shown).

Both raw bytes and gzip bytes (what a static host such as GitHub Pages sends) are reported.
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
"""Terms files one query word may load (MAX_SPAN in docs/assets/papernotes-search.js)."""
RESULTS_SHOWN = 10
"""Results the box shows at first (PAGE in the JS): each may need its own cards file."""


def _papernotes_files(out: Path) -> list[Path]:
    search = out / "search"
    largest = lambda folder, n: sorted(folder.glob("*.json"), key=lambda p: (p.stat().st_size, p.name))[-n:]
    files = [out / "assets" / "papernotes-search.js", search / "meta.json"]
    files += largest(search / "terms", MAX_TERMS_FILES) + largest(search / "cards", RESULTS_SHOWN)
    return [f for f in files if f.is_file()]


def _gzip_size(path: Path) -> int:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":  # already gzipped
        return len(data)
    return len(gzip.compress(data, 6))
