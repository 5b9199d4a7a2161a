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
    first.set_result(([b"<p>late</p>"] * page_worker.BATCH, (0.0, 0)))  # the worker finishes it late
    second = child.futures[1][1]
    second.set_result(([f"<p>{n}</p>".encode() for n in range(page_worker.BATCH)], (0.0, 0)))
    assert worker.html(f"p{page_worker.BATCH}.md") == "<p>0</p>"
    assert all(f is not first for f in vars(worker)["_batches"].values()), "the late batch is still held"
    assert worker.html("p1.md") is None  # asked again out of order: rendered here, never the late HTML


def test_pages_cross_as_utf8_and_big_finished_batches_hold_back_the_next_requests() -> None:
    """Pages wait in MkDocs' process as UTF-8 (half a Hangul string's size), each page's bytes
    are dropped once handed out, and no more batches are asked for while the finished ones
    waiting hold more than `HELD` bytes (twelve batches of 30,000-note tag pages did)."""
    from papernotes.session import page_worker

    class Page:
        def __init__(self, n: int) -> None:
            self.src_uri = f"p{n}.md"

        def render(self) -> str:
            return f"<p>한국어 {self.src_uri} \ud800</p>"  # a lone surrogate survives the trip

    pages = [Page(n) for n in range(page_worker.BATCH * (page_worker.AHEAD + 8))]
    assert page_worker.render_batch(pages, 0, 2)[0] == [p.render().encode("utf-8", "surrogatepass") for p in pages[:2]]
    child = _FakeChild()
    worker = page_worker.PageWorker(pages, child)  # type: ignore[arg-type]
    assert len(child.futures) == page_worker.AHEAD + 1  # small batches: asked for ahead as before
    big = b"x" * (page_worker.HELD // page_worker.BATCH + 1)
    for _, future in child.futures[1:3]:
        future.set_result(([big] * page_worker.BATCH, (0.0, 0)))  # two finished batches over HELD
    first = child.futures[0][1]
    first.set_result((page_worker.render_batch(pages, 0, page_worker.BATCH)[0], (0.0, 0)))
    assert worker.html("p0.md") == pages[0].render()
    assert vars(worker)["_batches"][0].result()[0][0] is None  # handed out: its bytes are gone
    assert worker.html("p0.md") is None  # asked again: rendered here
    for n in range(1, page_worker.BATCH):
        worker.html(f"p{n}.md")
    asked = len(child.futures)
    assert asked == page_worker.AHEAD + 1, "asked for more while the finished batches held more than HELD"
    for n in range(page_worker.BATCH, 3 * page_worker.BATCH):
        assert worker.html(f"p{n}.md") == big.decode()
    assert worker.html(f"p{3 * page_worker.BATCH}.md") is None  # not finished: rendered here
    assert len(child.futures) > asked  # the waiting bytes went: asking resumes
