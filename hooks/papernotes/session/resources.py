"""How much CPU time and memory this process uses: reporting it (the build log, the benchmark)
and sparing the garbage collector work during a build."""

from __future__ import annotations

import gc


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


class GcFreeze:
    """Keeps the garbage collector off the objects that live all build long.

    A build's notes, pages and MkDocs' files live until it ends, and every full collection
    would walk them again (~7 % of the MkDocs process's time at 10,000 notes); the first
    `freeze` also makes collections rarer, as MkDocs and Jinja make few reference cycles.
    `thaw` (at the end of each build) undoes both, so `mkdocs serve` frees one build before
    the next. One per process, owned by the `Build`."""

    def __init__(self) -> None:
        self._threshold: tuple[int, int, int] | None = None

    def freeze(self) -> None:
        """Move every object alive now out of the collector's sight until `thaw()`."""
        gc.freeze()
        if self._threshold is None:
            self._threshold = gc.get_threshold()
            gc.set_threshold(50_000, 50, 1_000)

    def thaw(self) -> None:
        gc.unfreeze()
        if self._threshold is not None:
            gc.set_threshold(*self._threshold)
            self._threshold = None
