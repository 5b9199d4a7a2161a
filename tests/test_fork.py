"""`fork`: the one fork policy, and `Child`, the forked process every second-core job uses."""

from __future__ import annotations

import os
import sys

import pytest

from papernotes.fork import Child, ChildFailed, should_fork

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is used on Linux only")


# (PAPERNOTES_WORKER, size, threshold, cores, forks?)
POLICY = [
    ("0", 10_000, 500, 2, False),   # forced off
    ("1", 1, 500, 1, True),         # forced on, whatever the size or cores
    (None, 499, 500, 2, False),     # too small to pay for a fork
    (None, 500, 500, 2, True),
    (None, 10_000, 500, 1, False),  # no second core
]


@linux_only
@pytest.mark.parametrize(("forced", "size", "threshold", "cores", "expected"), POLICY)
def test_fork_policy(monkeypatch: pytest.MonkeyPatch, forced: str | None, size: int, threshold: int, cores: int,
                     expected: bool) -> None:
    if forced is None:
        monkeypatch.delenv("PAPERNOTES_WORKER", raising=False)
    else:
        monkeypatch.setenv("PAPERNOTES_WORKER", forced)
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    assert should_fork(size, threshold) is expected


@linux_only
def test_the_child_inherits_memory_and_answers_in_order() -> None:
    inherited = {"pages": [f"<p>{i}</p>" for i in range(10)], "parent": os.getpid()}  # never pickled

    def work(start: int, stop: int) -> tuple[list[str], bool]:
        return inherited["pages"][start:stop], os.getpid() != inherited["parent"]

    child = Child(work)
    futures = [child.submit(i, i + 2) for i in range(0, 10, 2)]
    assert [f.result(timeout=30) for f in futures] == [(inherited["pages"][i:i + 2], True) for i in range(0, 10, 2)]
    child.close()


@linux_only
def test_a_failing_request_fails_only_its_future() -> None:
    def work(n: int) -> int:
        if n == 2:
            raise KeyError("surprise")
        return n * 10

    child = Child(work)
    futures = [child.submit(n) for n in range(4)]
    assert futures[0].result(timeout=30) == 0 and futures[1].result(timeout=30) == 10
    with pytest.raises(ChildFailed, match="KeyError: 'surprise'"):
        futures[2].result(timeout=30)
    assert futures[3].result(timeout=30) == 30
    child.close()


@linux_only
def test_a_dead_child_fails_every_waiting_future() -> None:
    def work(n: int) -> int:
        if n == 1:
            os._exit(3)  # as if killed
        return n

    child = Child(work)
    futures = [child.submit(n) for n in range(5)]
    assert futures[0].result(timeout=30) == 0
    for future in futures[1:]:
        with pytest.raises(ChildFailed):
            future.result(timeout=30)


@linux_only
def test_requests_not_yet_sent_can_be_cancelled() -> None:
    import time

    def work(n: int) -> int:
        if n == 0:
            time.sleep(1.0)  # keeps the requests after the first IN_FLIGHT waiting here
        return n

    child = Child(work)
    futures = [child.submit(n) for n in range(Child.IN_FLIGHT + 3)]
    queued = futures[Child.IN_FLIGHT:]
    assert all(f.cancel() for f in queued)  # not sent yet: they can be dropped
    last = child.submit(99)  # the child skips the cancelled ones and answers this next
    assert [f.result(timeout=30) for f in futures[:Child.IN_FLIGHT]] == list(range(Child.IN_FLIGHT))
    assert last.result(timeout=30) == 99
    assert all(f.cancelled() for f in queued)
    child.close()


@linux_only
def test_close_without_cancel_sends_what_waits() -> None:
    child = Child(lambda n: n + 1)
    futures = [child.submit(n) for n in range(6)]
    child.close(cancel=False)
    assert [f.result(timeout=30) for f in futures] == [1, 2, 3, 4, 5, 6]
    assert child.submit(1).exception(timeout=5) is not None  # closed: refused, not hung
