"""Rendering in a second process changes nothing in the output, only when the work is done."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from conftest import build, make_site

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from notegen import generate_notes


def _tree(out: Path) -> dict[str, bytes]:
    # sitemap.xml.gz embeds a timestamp; everything else must be byte-identical
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file() and p.suffix != ".gz"}


@pytest.mark.slow  # builds a 30-note site twice (small pages: some 300 files)
def test_worker_output_is_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    generate_notes(30, tmp_path / "gen", seed=3)
    trees = []
    for forced in ("0", "1"):
        monkeypatch.setenv("PAPERNOTES_WORKER", forced)
        site = make_site(tmp_path / f"site-{forced}", data=tmp_path / "gen" / "data",
                         extra={"tag_page_size": 5, "day_page_size": 2, "month_page_size": 7})
        result = build(site)
        assert result.returncode == 0, result.stderr[-3000:]
        if forced == "1":
            served = re.search(r"(\d+) of (\d+) pages rendered by the second process", result.stderr)
            assert served and served.group(1) == served.group(2), result.stderr[-2000:]
        else:
            assert "second process" not in result.stderr
        trees.append(_tree(site / "site"))
    assert len(trees[0]) > 200, len(trees[0])
    assert trees[0] == trees[1]
