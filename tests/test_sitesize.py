"""The benchmark's size figures, on hand-made output folders."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from sitesize import measure_site  # noqa: E402 - after the sys.path line above


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


def test_our_search_counts_what_a_one_word_query_needs_at_most(tmp_path: Path) -> None:
    meta = json.dumps({"v": 1, "docs": 120, "chunks": [["a", "t1"], ["m", "t2"], ["x", "t3"], ["가", "t4"]]})
    _write(tmp_path, {
        "assets/search/box.js": 600, "assets/search/engine.js": 250, "assets/dom.js": 50, "assets/lang.js": 5000,
        "search/meta.json": meta,
        **{f"search/terms/t{i}.json": 100 * i for i in range(1, 5)},
        **{f"search/cards/{i}.json": 10 + i for i in range(12)},
        "search/search_index.json": json.dumps({"config": {"lang": ["en"]}, "docs": []}),  # ignored: ours is used
    })
    size = measure_site(tmp_path)
    assert size.search_kind == "papernotes"
    # the box's modules (not the language switch) + meta + the three largest terms files + the ten largest cards files
    assert size.search_bytes == 900 + len(meta) + 200 + 300 + 400 + sum(10 + i for i in range(2, 12))
    assert "search/terms/t1.json" not in size.search_files and "search/cards/1.json" not in size.search_files
    assert "search/cards/11.json" in size.search_files and "assets/lang.js" not in size.search_files
    assert 0 < size.search_gzip_bytes < size.search_bytes


def test_breakdown_puts_every_byte_in_one_kind_and_splits_html(tmp_path: Path) -> None:
    from sitesize import breakdown, format_breakdown

    page = "<html><head><title>t</title></head><body><nav>menu</nav><article>text</article></body></html>"
    _write(tmp_path, {"notes/a/index.html": page, "notes/b/index.html": page, "tags/x/feed.xml": 40,
                      "tags/x/index.html": page, "notes.json": 100})
    kinds = {k.name: k for k in breakdown(tmp_path)}
    assert set(kinds) == {"notes .html", "tags .xml", "tags .html", "(root) .json"}
    assert (kinds["notes .html"].files, kinds["notes .html"].bytes) == (2, 2 * len(page))
    head = len("<html><head><title>t</title></head>")
    assert kinds["notes .html"].head_bytes == 2 * head
    assert kinds["notes .html"].shell_bytes == 2 * (len(page) - head - len("<article>text</article>"))
    assert sum(k.bytes for k in kinds.values()) == sum(p.stat().st_size for p in tmp_path.rglob("*") if p.is_file())
    table = format_breakdown(list(kinds.values()), notes=2)
    assert "notes .html | 2 |" in table and table.splitlines()[-1].startswith("all | 5 |")
