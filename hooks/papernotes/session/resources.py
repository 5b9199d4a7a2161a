"""How much CPU time and memory this process uses: reporting it (the build log, the benchmark)
and sparing the garbage collector work during a build."""

from __future__ import annotations

import ctypes
import gc
import sys
import threading


def own_usage() -> tuple[float, int]:
    """(user + system CPU seconds, peak resident memory in KiB) of this process; zeros where
    the platform does not say (the `resource` module is Unix only)."""
    try:
        import resource
    except ImportError:
        return 0.0, 0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def describe(cpu: float, peak_kib: int) -> str:
    """'peak memory 291 MiB, CPU 7.4 s': the form `scripts/bench.py` reads from the log."""
    return f"peak memory {peak_kib // 1024} MiB, CPU {cpu:.1f} s"


LARGE_BLOCK = 128 * 1024
"""Allocations of this many bytes or more get their own memory mapping (`return_large_blocks`)."""


def return_large_blocks() -> bool:
    """Under glibc, serve every allocation of `LARGE_BLOCK` bytes or more with its own mapping,
    which goes back to the system when it is freed. glibc's default threshold starts there but
    rises to the largest block freed so far, so after the first pages were written their HTML
    (tens to hundreds of kB each) came from the heap, whose freed holes the process kept (at
    2,000 notes tracemalloc saw the live objects shrink by 140 MB while the resident size grew
    by 56 MB). Setting the threshold keeps it where it starts: at 10,000 notes all processes
    peaked at 779-850 MiB in four builds, against 839-877 without, at the same wall time
    (docs/benchmarks.md). Returns whether it was set (False off glibc, where nothing changes)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    m_mmap_threshold = -3  # glibc's malloc.h
    return bool(mallopt(m_mmap_threshold, LARGE_BLOCK))


class GcFreeze:
    """Keeps the garbage collector off the objects that live all build long.

    A build's notes, pages and MkDocs' files live until it ends, and every full collection
    would walk them again (~7 % of the MkDocs process's time at 10,000 notes); the first
    `freeze` also makes collections rarer, as MkDocs and Jinja make few reference cycles.
    `thaw` (at the end of each build) undoes both. One per process, owned by the `Build`.

    The first `freeze` of a build collects everything first unless a full collection ran
    since the last `thaw`. A serve build's MkDocs pages, files, navigation and Jinja
    environment are reference cycles that only a full collection frees. `gc.freeze()` hid the
    last build's garbage again and set every generation's count back to zero, so under
    `mkdocs serve` the oldest generation rarely or never reached its threshold: the process
    grew by each save's garbage (2 MiB a save with the bundled notes, 69 to 147 MiB over 45
    saves; 3 MiB a save at 2,000 notes). At 10,000 notes the work after a build starts a full
    collection by itself, so a save there does not pay for another (~0.2 s).

    With `idle_collect` (under serve) that collection runs a second after a build instead, while
    the server waits for the next save: with long notes at 10,000 it took 0.85 s of a 2.8 s save
    (the heap is large), before the saved page was written. A build that starts meanwhile stops
    it from running (then the build collects first, as without)."""

    IDLE_DELAY = 1.0
    """Seconds after a build: MkDocs' serve has returned from it and dropped its objects."""

    def __init__(self, idle_collect: bool = False) -> None:
        self._threshold: tuple[int, int, int] | None = None
        self._full_at_thaw: int | None = None
        self._idle_collect = idle_collect
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def freeze(self) -> None:
        """Move every object alive now out of the collector's sight until `thaw()`; the first
        call of a build first frees the garbage earlier builds left (see the class)."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._threshold is None:
                if self._full_at_thaw is not None and gc.get_stats()[2]["collections"] == self._full_at_thaw:
                    gc.collect()
                self._threshold = gc.get_threshold()
                gc.set_threshold(50_000, 50, 1_000)
            gc.freeze()

    def thaw(self) -> None:
        with self._lock:
            gc.unfreeze()
            if self._threshold is not None:
                gc.set_threshold(*self._threshold)
                self._threshold = None
            self._full_at_thaw = gc.get_stats()[2]["collections"]
            if self._idle_collect:
                self._timer = threading.Timer(self.IDLE_DELAY, self._collect_when_idle)
                self._timer.daemon = True
                self._timer.start()

    def _collect_when_idle(self) -> None:
        with self._lock:
            if self._threshold is None and self._timer is not None:   # no build began meanwhile
                self._timer = None
                gc.collect()
