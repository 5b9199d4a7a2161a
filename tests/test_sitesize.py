"""The benchmark's size figures, on hand-made output folders."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from sitesize import measure_site  # noqa: E402


def _write(root: Path, files: dict[str, int | str]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else b"x" * content)


def test_pages_total_and_largest_page(tmp_path: Path) -> None:
    _write(tmp_path, {"index.html": 10, "notes/a/index.html": 300, "tags/b/index.html": 20, "assets/x.css": 1000})
    size = measure_site(tmp_path)
    assert (size.pages, size.total_bytes, size.largest_html, size.largest_html_bytes) == (3, 1330, "notes/a/index.html", 300)
    assert (size.search_kind, size.search_bytes) == ("none", 0)


def test_mkdocs_search_counts_the_whole_index_and_its_scripts(tmp_path: Path) -> None:
    index = json.dumps({"config": {"lang": ["ko", "en"]}, "docs": [{"location": "notes/a/", "text": "y" * 5000}]})
    _write(tmp_path, {
        "search/search_index.json": index,
        "assets/javascripts/workers/search.1234.min.js": 700,
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": 50,
        "assets/javascripts/lunr/min/lunr.ko.min.js": 60,
        "assets/javascripts/lunr/min/lunr.multi.min.js": 40,
        "assets/javascripts/lunr/min/lunr.ja.min.js": 9999,   # not one of the index's languages
    })
    size = measure_site(tmp_path)
    assert size.search_kind == "mkdocs-search"
    assert size.search_bytes == len(index) + 700 + 50 + 60 + 40
    assert size.search_gzip_bytes < size.search_bytes  # JSON and JS compress


def test_pagefind_counts_what_a_one_word_query_needs_at_most(tmp_path: Path) -> None:
    entry = json.dumps({"version": "1.3.0", "languages": {"ko": {"hash": "ko_abc", "wasm": "ko", "page_count": 9}}})
    _write(tmp_path, {
        "pagefind/pagefind-entry.json": entry, "pagefind/pagefind.js": 100,
        "pagefind/pagefind.ko_abc.pf_meta": 200, "pagefind/wasm.ko.pagefind": 3000, "pagefind/wasm.en.pagefind": 3000,
        "pagefind/index/a.pf_index": 400, "pagefind/index/b.pf_index": 900,
        "pagefind/filter/t.pf_filter": 30,
        **{f"pagefind/fragment/f{i}.pf_fragment": 10 + i for i in range(8)},
    })
    size = measure_site(tmp_path)
    assert size.search_kind == "pagefind"
    # entry + js + meta + one wasm + the largest index chunk + filters + the five largest fragments
    assert size.search_bytes == len(entry) + 100 + 200 + 3000 + 900 + 30 + sum(10 + i for i in range(3, 8))
    assert "pagefind/index/a.pf_index" not in size.search_files
    assert size.search_gzip_bytes <= size.search_bytes
