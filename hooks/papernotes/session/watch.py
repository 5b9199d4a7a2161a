"""Under `mkdocs serve`: see a saved note at once, not at MkDocs' next poll.

MkDocs watches files by polling (every 0.5 s it lists and stats every watched file: 10,000
notes take it most of that time again), because kernel events do not reach a container from a
host folder or cross a network mount. Polling alone made a save wait 0.3-0.6 s before its
rebuild began at 10,000 notes (issue 24). `watch_notes` keeps MkDocs' polling of the notes
folder and adds the kernel's events (inotify on Linux, FSEvents on macOS): whichever sees a
change first starts the rebuild, and the other one's report of the same change is dropped,
because each path's state (size, time, inode, or gone) is remembered when it is reported. Where
kernel events never come, polling works as it did; where both come, a save builds once.

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


class ChangeFilter:
    """Reports a change to `trigger` once, whichever observer sees it first."""

    def __init__(self, trigger: Any) -> None:
        self._trigger = trigger
        self._seen: dict[str, tuple[object, ...]] = {}
        self._lock = threading.Lock()

    def dispatch(self, event: Any) -> None:
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
        if new:
            self._trigger()


def watch_notes(server: Any, folder: str) -> Any | None:
    """Watch `folder` by MkDocs' polling and by kernel events, a change building once; returns
    the kernel observer (stop it at shutdown), or None where only polling watches."""
    path = os.path.abspath(folder)
    if not all(hasattr(server, name) for name in ("_watch_refs", "_rebuild_cond", "_want_rebuild", "observer")):
        server.watch(path)
        return None

    def trigger() -> None:
        with server._rebuild_cond:  # private: see the module doc
            server._want_rebuild = True
            server._rebuild_cond.notify_all()

    changes = ChangeFilter(trigger)
    server.watch(path)  # counted as watched, so mkdocs.yml's `watch: [data]` adds no second poll
    server.observer.unschedule(server._watch_refs[path])
    server._watch_refs[path] = server.observer.schedule(changes, path, recursive=True)
    try:
        from watchdog import events
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver

        if Observer is PollingObserver:
            return None
        native = Observer()
        # Writes, creations, moves and deletions only: every build reads every note, and the
        # kernel need not report those reads.
        written = [events.FileModifiedEvent, events.FileClosedEvent, events.FileCreatedEvent,
                   events.FileMovedEvent, events.FileDeletedEvent]
        native.schedule(changes, path, recursive=True, event_filter=written)
        native.daemon = True
        native.start()
    except (OSError, RuntimeError) as err:  # e.g. the system's inotify watch limit
        log.info("papernotes: kernel file events unavailable (%s); saves are seen by MkDocs' polling", err)
        return None
    return native
