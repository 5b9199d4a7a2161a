"""Under `mkdocs serve` a saved note starts its rebuild from the kernel's event, and MkDocs'
polling of the same folder does not build it a second time (hooks/papernotes/session/watch.py)."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.livereload import LiveReloadServer

from papernotes.session.watch import FAST, SLOW, ChangeFilter, watch_notes


def _event(path: Path, *, directory: bool = False, dest: Path | None = None) -> SimpleNamespace:
    return SimpleNamespace(is_directory=directory, src_path=str(path), dest_path=str(dest) if dest else "")


def test_a_change_is_reported_once_whoever_sees_it(tmp_path: Path) -> None:
    calls: list[int] = []
    changes = ChangeFilter(lambda: calls.append(1))
    note = tmp_path / "a.md"
    note.write_text("one", encoding="utf-8")
    changes.dispatch(_event(note))  # the kernel's event
    changes.dispatch(_event(note))  # the poll's report of the same save
    assert calls == [1]
    note.write_text("two, longer", encoding="utf-8")
    changes.dispatch(_event(note))
    assert calls == [1, 1]
    changes.dispatch(_event(tmp_path, directory=True))  # folders are not changes, as in MkDocs
    assert calls == [1, 1]
    moved = tmp_path / "b.md"
    note.rename(moved)
    changes.dispatch(_event(note, dest=moved))
    assert calls == [1, 1, 1]
    changes.dispatch(_event(note))  # the poll: a.md gone, already reported with the move
    changes.dispatch(_event(moved))
    assert calls == [1, 1, 1]
    moved.unlink()
    changes.dispatch(_event(moved))
    assert calls == [1, 1, 1, 1]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")
def test_a_save_rebuilds_once_with_kernel_events_and_polling(tmp_path: Path) -> None:
    notes = tmp_path / "data"
    (notes / "notes" / "2025").mkdir(parents=True)
    note = notes / "notes" / "2025" / "a.md"
    note.write_text("one", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    watch = watch_notes(server, str(notes))
    assert watch is not None and len(watch.observers) == 2, "polling and kernel events on Linux"
    server.watch(str(notes))  # mkdocs.yml's `watch: [data]` after on_serve: MkDocs does not poll it too
    assert not server.observer._handlers
    changes = watch.observers[0]._handlers  # the paced poll's one handler
    assert len(changes) == 1
    server.observer.start()

    def asked(seconds: float) -> bool:
        """Whether a rebuild was asked for within `seconds`; like MkDocs' build loop, the events
        of one save (truncate, write, close) are taken together, then the request is cleared."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            with server._rebuild_cond:
                if server._want_rebuild:
                    break
            time.sleep(0.02)
        else:
            return False
        time.sleep(0.2)
        with server._rebuild_cond:
            server._want_rebuild = False
        return True

    try:
        time.sleep(0.7)  # the poller's first listing
        for k in range(2):
            note.write_text(f"saved {k} " * (k + 2), encoding="utf-8")
            assert asked(5.0), f"save {k} never asked for a rebuild"
            assert not asked(SLOW + 1.0), f"save {k} asked for a second rebuild (the poll's report of it)"
        (notes / "notes" / "2026").mkdir()
        (notes / "notes" / "2026" / "b.md").write_text("new", encoding="utf-8")
        assert asked(5.0), "an added note in a new folder never asked for a rebuild"
    finally:
        watch.stop()
        server.observer.stop()


def test_polling_slows_once_kernel_events_are_seen_and_speeds_up_when_they_miss_one(tmp_path: Path) -> None:
    calls: list[int] = []
    changes = ChangeFilter(lambda: calls.append(1))
    note = tmp_path / "a.md"
    assert changes.interval() == FAST  # nothing known yet: MkDocs' pace
    note.write_text("one", encoding="utf-8")
    changes.from_kernel.dispatch(_event(note))
    changes.from_poll.dispatch(_event(note))
    assert calls == [1] and changes.interval() == SLOW
    note.write_text("two, and longer", encoding="utf-8")  # e.g. saved on the host of a container
    changes.from_poll.dispatch(_event(note))
    assert calls == [1, 1] and changes.interval() == FAST
    note.write_text("three, longer still", encoding="utf-8")
    changes.from_kernel.dispatch(_event(note))
    assert calls == [1, 1, 1] and changes.interval() == SLOW
