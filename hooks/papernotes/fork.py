"""The one place that decides whether a build uses a second process, and the one way it does.

A build has three jobs that can run beside MkDocs on the second core: reading half of a big
note tree (`source.split_load`), rendering our HTML of the generated pages (`session.page_worker`) and writing
the files that are not pages (`Build.start_exports`). Each runs in a `Child`: a process forked
from this one, so it inherits the notes, their HTML and the planned pages as they are at the
fork, and nothing but each request's arguments and result crosses the pipe.

`PAPERNOTES_WORKER=0` keeps everything in one process; `=1` forks whatever the size (tests
compare both); unset, a job forks when it is big enough to pay for the fork, on Linux (where
`fork` is safe and cheap) with at least two cores.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections import deque
from concurrent.futures import Future
from typing import Any, Callable

MIN_PAGES = 500
"""Below this many generated pages, a second process costs more than it saves."""
MIN_FILES = 1000
"""Below this many note files, reading half of them in a second process costs more than it saves."""


def fork_available() -> bool:
    """Whether a child can be forked here (Linux; elsewhere `fork` is missing or unsafe)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def should_fork(size: int, threshold: int) -> bool:
    """Whether a job of `size` (pages or files) goes to a second process; see the module doc."""
    forced = os.environ.get("PAPERNOTES_WORKER")
    if forced in ("0", "1"):
        return forced == "1" and fork_available()
    return size >= threshold and (os.cpu_count() or 1) >= 2 and fork_available()


class ChildFailed(Exception):
    """The forked process died, or a request failed there (the message says which)."""


class Child:
    """A forked process that runs `work(*args)` for each request, in order.

    Requests wait in this process until the child is nearly free (at most `IN_FLIGHT` are sent
    ahead), so a request that is not yet sent can still be cancelled through its future.
    A thread here reads the results and completes the futures.
    """

    IN_FLIGHT = 2

    def __init__(self, work: Callable[..., Any], *, nice: int = 0) -> None:
        context = multiprocessing.get_context("fork")
        self._conn, child_end = context.Pipe()
        # A forked Process inherits `work` as it is in memory: nothing is pickled.
        self._process = context.Process(target=_serve, args=(work, child_end, nice), daemon=True)
        self._process.start()
        child_end.close()
        self._lock = threading.Lock()
        self._queued: deque[tuple[Future[Any], tuple[Any, ...]]] = deque()
        self._sent: deque[Future[Any]] = deque()
        self._closed = False
        threading.Thread(target=self._read_results, name="papernotes-child", daemon=True).start()

    def submit(self, *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        with self._lock:
            if self._closed:
                future.set_exception(ChildFailed("the second process was already closed"))
                return future
            self._queued.append((future, args))
            self._send_queued()
        return future

    def _send_queued(self, limit: int | None = None) -> None:
        """Send waiting requests while fewer than `limit` (default `IN_FLIGHT`) are at the child."""
        limit = self.IN_FLIGHT if limit is None else limit
        while self._queued and len(self._sent) < limit:
            future, args = self._queued.popleft()
            if not future.set_running_or_notify_cancel():
                continue  # cancelled while it waited here
            try:
                self._conn.send(args)
            except OSError as err:
                future.set_exception(ChildFailed(f"the second process is gone ({err})"))
                continue
            self._sent.append(future)

    def _read_results(self) -> None:
        while True:
            try:
                ok, value = self._conn.recv()
            except (EOFError, OSError) as err:
                self._fail_all(ChildFailed(f"the second process ended early ({err!r})"))
                return
            with self._lock:
                future = self._sent.popleft()
                self._send_queued()
            if ok:
                future.set_result(value)
            else:
                future.set_exception(ChildFailed(value))
            if self._closed and not self._sent and not self._queued:
                return

    def _fail_all(self, error: Exception) -> None:
        with self._lock:
            waiting = [f for f in self._sent] + [f for f, _ in self._queued if f.set_running_or_notify_cancel()]
            self._sent.clear()
            self._queued.clear()
        for future in waiting:
            if not future.done():
                future.set_exception(error)

    def close(self, cancel: bool = True) -> None:
        """Let the child exit once the requests sent to it are done; with `cancel`, the ones still
        waiting here are dropped, otherwise they are sent first."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            if cancel:
                for future, _ in self._queued:
                    future.cancel()
                self._queued.clear()
            else:
                self._send_queued(limit=len(self._queued) + len(self._sent))
            try:
                self._conn.send(None)
            except OSError:
                pass


    def kill(self) -> None:
        """Stop the child now (a newer build supersedes its work); the requests it had not
        finished fail with `ChildFailed`."""
        with self._lock:
            self._closed = True
            for future, _ in self._queued:
                future.cancel()
            self._queued.clear()
        self._process.kill()
        self._process.join()


def _serve(work: Callable[..., Any], conn: Any, nice: int) -> None:
    """The child's loop: run each request, send back (True, result) or (False, what failed)."""
    if nice:
        os.nice(nice)
    while True:
        try:
            args = conn.recv()
        except EOFError:
            break
        if args is None:
            break
        try:
            reply: tuple[bool, Any] = (True, work(*args))
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, which carries on without us
            reply = (False, f"{type(exc).__name__}: {exc}")
        conn.send(reply)
    conn.close()
