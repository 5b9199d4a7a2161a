"""Under `mkdocs serve`: see a saved note at once, not at MkDocs' next poll.

MkDocs watches files by polling (every 0.5 s it lists and stats every watched file), because
kernel events do not reach a container from a host folder or cross a network mount. At 10,000
notes a save waited 0.3-0.6 s for the poll that saw it, and each poll held the process for
0.1 s, a fifth of the time a rebuild had (issue 24). `watch_notes` watches the notes folder
both ways: the kernel's events (inotify on Linux, FSEvents on macOS) and polling. Whichever
sees a change first starts the rebuild; the other one's report of the same change is dropped,
because each path's state (size, time, inode, or gone) is remembered when it is reported. Once
the kernel has reported a change first, the polling slows to a backstop (`SLOW`); when a poll
finds a change the kernel did not report, it is back at MkDocs' pace (`FAST`). Where kernel
events never come, polling works as it did; where both come, a save builds once.

Hack: MkDocs has no public way to trigger its rebuild or to replace a watch's handler; this
uses `LiveReloadServer`'s `_watch_refs`, `_rebuild_cond` and `_want_rebuild` (MkDocs 1.6, pinned
in requirements.txt). If they are missing, the folder is watched the way MkDocs does it.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

log = logging.getLogger("mkdocs.plugins.papernotes")

_GONE = ("gone",)


def _state(path: str) -> tuple[object, ...]:
    try:
        st = os.stat(path)
    except OSError:
        return _GONE
    return (st.st_mtime_ns, st.st_size, st.st_ino)


FAST = 0.5
"""Seconds between polls while kernel events are not known to work (MkDocs' own interval)."""
SLOW = 3.0
"""Seconds between polls once they are: a backstop. Each poll of 10,000 notes holds this
process for 0.1 s (listing, 10,000 stats, the comparison), a fifth of the time at `FAST`,
taken from the build a save starts."""


class ChangeFilter:
    """Reports a change to `trigger` once, whichever observer sees it first, and paces the
    polling: slow once the kernel has reported a change first, fast again when a poll finds
    one the kernel did not report."""

    def __init__(self, trigger: Any) -> None:
        self._trigger = trigger
        self._seen: dict[str, tuple[object, ...]] = {}
        self._lock = threading.Lock()
        self.kernel_works = False
        self.from_kernel = _Source(self, kernel=True)
        self.from_poll = _Source(self, kernel=False)

    def interval(self) -> float:
        return SLOW if self.kernel_works else FAST

    def dispatch(self, event: Any, *, kernel: bool = True) -> None:
        """watchdog's handler call: an event for a file (folders are ignored, as MkDocs does)."""
        if event.is_directory:
            return
        paths = [p for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        new = False
        with self._lock:
            for raw in paths:
                path = os.fsdecode(raw)
                state = _state(path)
                if self._seen.get(path) != state:
                    self._seen[path] = state
                    new = True
            if new and kernel != self.kernel_works:
                if not kernel:
                    log.info("papernotes: a change came by polling, not by kernel events; polling every %s s", FAST)
                self.kernel_works = kernel
        if new:
            self._trigger()


class _Source:
    """One observer's handler: `ChangeFilter.dispatch`, saying which observer it is."""

    def __init__(self, changes: ChangeFilter, *, kernel: bool) -> None:
        self._changes = changes
        self._kernel = kernel

    def dispatch(self, event: Any) -> None:
        self._changes.dispatch(event, kernel=self._kernel)


class Watch:
    """The observers of the notes folder: stop them when the server stops."""

    def __init__(self, *observers: Any) -> None:
        self.observers = observers

    def stop(self) -> None:
        for observer in self.observers:
            observer.stop()


def watch_notes(server: Any, folder: str) -> Watch | None:
    """Watch `folder` by kernel events and by paced polling (in place of MkDocs' polling of it),
    a change building once; returns the observers (stop them at shutdown), or None where MkDocs
    polls the folder itself."""
    path = os.path.abspath(folder)
    if not all(hasattr(server, name) for name in ("_watch_refs", "_rebuild_cond", "_want_rebuild", "observer")):
        server.watch(path)
        return None

    def trigger() -> None:
        with server._rebuild_cond:  # private: see the module doc
            server._want_rebuild = True
            server._rebuild_cond.notify_all()

    from watchdog import events
    from watchdog.observers import Observer
    from watchdog.observers.api import BaseObserver
    from watchdog.observers.polling import PollingEmitter, PollingObserver

    changes = ChangeFilter(trigger)

    class PacedEmitter(PollingEmitter):
        def queue_events(self, timeout: float) -> None:  # the pace is the filter's, not MkDocs'
            super().queue_events(changes.interval())

    server.watch(path)  # counted as watched, so mkdocs.yml's `watch: [data]` adds no second poll
    server.observer.unschedule(server._watch_refs[path])
    polling = BaseObserver(PacedEmitter, timeout=FAST)
    polling.schedule(changes.from_poll, path, recursive=True)
    polling.daemon = True
    polling.start()
    if Observer is PollingObserver:
        return Watch(polling)
    try:
        native = Observer()
        # Writes, creations, moves and deletions only: every build reads every note, and the
        # kernel need not report those reads.
        written = [events.FileModifiedEvent, events.FileClosedEvent, events.FileCreatedEvent,
                   events.FileMovedEvent, events.FileDeletedEvent]
        native.schedule(changes.from_kernel, path, recursive=True, event_filter=written)
        native.daemon = True
        native.start()
    except (OSError, RuntimeError) as err:  # e.g. the system's inotify watch limit
        log.info("papernotes: kernel file events unavailable (%s); saves are seen by polling", err)
        return Watch(polling)
    return Watch(polling, native)
