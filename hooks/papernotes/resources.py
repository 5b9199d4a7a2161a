"""How much CPU time and memory this process has used, for the build log and the benchmark."""

from __future__ import annotations


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
