"""Rendering in a second process changes nothing in the output, only when the work is done."""

from __future__ import annotations

import re
import sys
from concurrent.futures import Future
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


class _FakeChild:
    """Stands in for the forked process: each request's future is completed by the test."""

    def __init__(self) -> None:
        self.futures: list = []

    def submit(self, *args: object) -> Future:
        future: Future = Future()
        future.set_running_or_notify_cancel()  # as if sent at once
        self.futures.append((args, future))
        return future

    def close(self, cancel: bool = True) -> None:
        pass


def test_a_batch_the_worker_finished_after_mkdocs_passed_it_is_not_kept() -> None:
    """When the worker is behind, MkDocs renders the pages itself and moves on; the batch the
    worker finishes afterwards must not wait in MkDocs' memory until the build ends (at 10,000
    notes such batches held up to ~300 MB)."""
    from papernotes.session import page_worker

    class Page:
        def __init__(self, n: int) -> None:
            self.src_uri = f"p{n}.md"

    pages = [Page(n) for n in range(page_worker.BATCH * 3)]
    child = _FakeChild()
    worker = page_worker.PageWorker(pages, child)  # type: ignore[arg-type]
    first = child.futures[0][1]
    assert child.futures[0][0] == ("pages", 0, page_worker.BATCH)
    assert worker.html("p0.md") is None and worker.behind == 1  # not done: rendered here
    first.set_result((["<p>late</p>"] * page_worker.BATCH, (0.0, 0)))  # the worker finishes it late
    second = child.futures[1][1]
    second.set_result(([f"<p>{n}</p>" for n in range(page_worker.BATCH)], (0.0, 0)))
    assert worker.html(f"p{page_worker.BATCH}.md") == "<p>0</p>"
    assert all(f is not first for f in vars(worker)["_batches"].values()), "the late batch is still held"
    assert worker.html("p1.md") is None  # asked again out of order: rendered here, never the late HTML
