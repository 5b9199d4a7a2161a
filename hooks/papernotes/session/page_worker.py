"""Render the generated pages in a second process while MkDocs does its own per-page work.

MkDocs builds pages one at a time on one core, and most of each page's time goes to the
theme and the search plugin. Our part (Markdown to HTML, the page templates) is a pure
function of the notes, so a worker process on the second core renders the pages, in the
order MkDocs asks for them, a batch at a time; the hook takes each page's HTML just before
the theme renders it (`on_page_context`), so the worker overlaps the whole build. The worker
is forked (`fork.Child`, by `Build.start_exports`) once the pages are planned, so it renders the very same page objects from the same
notes and HTML without receiving anything; if anything goes wrong there, the hook renders the
page itself, so the worker can only ever save time.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future
from typing import TYPE_CHECKING

from papernotes.fork import Child
from papernotes.session.resources import describe, own_usage

if TYPE_CHECKING:
    from papernotes.pages.context import PlannedPage

log = logging.getLogger("mkdocs.plugins.papernotes")

BATCH = 100
"""Pages per request to the worker: big enough to amortise the round trip, small enough to start
early, and to keep a batch of the biggest pages (tag and month pages, ~200 kB each at 30,000
notes) a passing ~20 MB in each process while it is pickled and read: with 200 pages a batch,
all processes together peaked ~80 MiB higher at 30,000 notes, at the same build time."""
AHEAD = 24
"""Batches requested ahead of the page MkDocs is on (2,400 pages). The worker renders faster than
the theme, and finished batches wait in this process's memory until MkDocs reaches them: without
a bound, every page of the site would (230 MB at 10,000 notes); `HELD` bounds their bytes."""
HELD = 48 * 2**20
"""Bytes of finished pages that may wait here before more batches are asked for. Tag and month
pages are ~200 kB each at 30,000 notes (a tag page lists 100 notes): a dozen batches of them
waiting made this process's peak. Note and author pages are ~30 kB each, and all the batches
asked for ahead stay under it."""
ENCODING = ("utf-8", "surrogatepass")
"""Pages cross the pipe and wait here as UTF-8 bytes, decoded when handed out: a Python string
with any Hangul in it takes two bytes a character, its UTF-8 mostly one (the pipe carried UTF-8
anyway: pickle writes strings so). `surrogatepass` makes the round trip exact for any text."""


def render_batch(pages: list[PlannedPage], start: int, stop: int) -> tuple[list[bytes | None], tuple[float, int]]:
    """In the worker: the HTML of pages[start:stop] as UTF-8, from the pages it inherited at the
    fork, with its CPU time and peak memory so far (for the build log)."""
    return [p.render().encode(*ENCODING) for p in pages[start:stop]], own_usage()


def _batch_bytes(future: Future[tuple[list[bytes | None], tuple[float, int]]]) -> int:
    """Bytes a finished batch holds here (0 while it is not finished, or when it failed)."""
    if not future.done() or future.cancelled() or future.exception() is not None:
        return 0
    return sum(len(page) for page in future.result()[0] if page is not None)


class PageWorker:
    """Hands out the HTML of planned pages, rendered ahead of time by one forked worker process."""

    def __init__(self, pages: list[PlannedPage], child: Child, wait: bool = False) -> None:
        """`pages`: what MkDocs will ask for, in order; `child`: a process forked after they were
        planned, which runs `render_batch(pages, start, stop)` for each ("pages", start, stop)
        request (session.py forks it; under `mkdocs build` the same process writes the exports
        after the first batches). `wait`: always
        wait for the worker's HTML (tests use it to compare every page), instead of rendering
        here the pages it has not reached."""
        self._wait = wait
        self._sources = [p.src_uri for p in pages]
        self._position = {src: i for i, src in enumerate(self._sources)}
        self._batches: dict[int, Future[tuple[list[bytes | None], tuple[float, int]]]] = {}
        self._sizes: dict[int, int] = {}
        """Bytes of each finished batch still waiting here (measured once, when first seen done)."""
        self._usage = (0.0, 0)
        self._next = 0
        self._failed = False
        self.served = 0
        """Pages whose HTML came from the worker."""
        self.behind = 0
        """Pages rendered here because the worker had not reached them yet."""
        self._child = child
        self._request_up_to(AHEAD)

    def _request_up_to(self, batch: int) -> None:
        while self._next <= batch and self._next * BATCH < len(self._sources) and self._held() <= HELD:
            start = self._next * BATCH
            self._batches[self._next] = self._child.submit("pages", start, start + BATCH)
            self._next += 1

    def _held(self) -> int:
        """Bytes of finished pages waiting here for MkDocs."""
        for k, future in self._batches.items():
            if k not in self._sizes and future.done():
                self._sizes[k] = _batch_bytes(future)
        return sum(self._sizes.values())

    def html(self, src_uri: str) -> str | None:
        """The page's HTML, or None when the caller should render it itself."""
        i = self._position.get(src_uri)
        if i is None or self._failed:
            return None
        batch, offset = divmod(i, BATCH)
        # MkDocs asks in plan order: the batches before this one were rendered here while the
        # worker was behind. Those not sent are cancelled; those it finished late are dropped
        # (kept, they held their HTML to the end of the build).
        for passed in [k for k in self._batches if k < batch]:
            self._batches.pop(passed).cancel()
            self._sizes.pop(passed, None)
        self._request_up_to(batch + AHEAD)
        future = self._batches.get(batch)
        if future is None:
            return None  # already handed out: a page asked for twice is rendered locally
        if not future.done() and not self._wait:
            # The worker is behind (it writes the exports, or shares its core with their
            # writer): render here rather than wait.
            self.behind += 1
            return None
        try:
            rendered, usage = future.result()
            self._usage = max(self._usage, usage)
        except Exception as exc:  # noqa: BLE001 - any worker failure just means rendering locally
            log.info("papernotes: rendering in a second process failed (%s); rendering here instead", exc)
            self._failed = True
            return None
        page, rendered[offset] = rendered[offset], None  # handed out once: its bytes go now
        if offset == len(rendered) - 1:
            del self._batches[batch]  # MkDocs asks in plan order: this batch is done
            self._sizes.pop(batch, None)
        if page is None:
            return None  # asked for twice: rendered here
        self.served += 1
        return page.decode(*ENCODING)

    def close(self) -> None:
        log.info("papernotes: %d of %d pages rendered by the second process, %d here while it was behind "
                 "(its %s)", self.served, len(self._sources), self.behind, describe(*self._usage))
        for future in self._batches.values():
            future.cancel()  # those not sent yet; the child's other requests (the exports) stay
        self._child.close(cancel=False)
