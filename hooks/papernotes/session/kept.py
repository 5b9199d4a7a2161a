"""Keep the previous build's output across MkDocs' clean, so plain `mkdocs serve` rebuilds in seconds.

Under plain `mkdocs serve` (the README's command) MkDocs empties the site folder before every
rebuild and renders the theme for every page again: 22-24 s at 10,000 notes for one saved note.
`--dirty` avoids that, but nobody should have to know a flag to see their edit. MkDocs empties
the folder right after `on_pre_build` and calls `on_files` next. So a serve build moves the
previous output aside in `on_pre_build` (one rename per top-level entry) and, in `on_files`,
once the pages are planned and `dirty.RebuildState` has said which generated pages' HTML is
unchanged, moves it all back (one rename per top-level entry again: a rename per file, and a
folder made per page, cost seconds at 10,000 notes) and deletes what the previous build wrote
and this one does not (a deleted or renamed note's page and files, a stale export, a removed
`docs/` file): the `Build` knows both lists. MkDocs is told not to build the unchanged pages;
it writes the changed ones over their old files, and the exports writer replaces each changed
file whole (`outputs.plan.write_groups`), so a file a save changes is never missing, only late.
The served folder then holds exactly what a clean build writes, and the problems banner's
slot and file (`pages/problems.py`).

This module never imports MkDocs; `session.Build` decides what may be kept.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterable


class KeptOutput:
    """The previous serve build's output while MkDocs cleans the site folder. Mutable on
    purpose: one per serve session, owned by the `Build`."""

    def __init__(self) -> None:
        self._site_dir: Path | None = None
        """The folder the previous build completed in (None: none did, or it failed)."""
        self._aside: Path | None = None
        """Where that output waits while MkDocs cleans the folder (None when nothing is aside)."""
        self.restored = False
        """Whether this build's folder holds the previous build's output (`restore` moved it back)."""

    @property
    def ready(self) -> bool:
        """Whether this build has the previous complete output to keep pages from."""
        return self._aside is not None or self.restored

    def set_aside(self, site_dir: Path) -> None:
        """Before MkDocs cleans `site_dir`: move the previous complete build's output next to it."""
        self._discard()
        self.restored = False
        if self._site_dir is None or site_dir.resolve() != self._site_dir or not site_dir.is_dir():
            return
        aside = Path(tempfile.mkdtemp(prefix=".papernotes-previous-", dir=site_dir.parent))
        try:
            for entry in os.scandir(site_dir):
                os.rename(entry.path, aside / entry.name)
        except OSError:  # another file system, a file held open: MkDocs' clean does the rest
            self._aside = aside
            self._discard()
            return
        self._aside = aside

    def restore(self, site_dir: Path) -> bool:
        """After MkDocs' clean: move the previous output back whole; False when there is none
        (then this build writes everything)."""
        if self._aside is None:
            return False
        aside, self._aside = self._aside, None
        try:
            for entry in os.scandir(aside):
                os.rename(entry.path, site_dir / entry.name)
        except OSError:  # the folder is in an unknown state: clean it, the build writes everything
            self._clean(site_dir)
            shutil.rmtree(aside, ignore_errors=True)
            return False
        shutil.rmtree(aside, ignore_errors=True)
        self.restored = True
        return True

    def remove(self, site_dir: Path, paths: Iterable[str]) -> None:
        """Delete `paths` (relative to `site_dir`) of the restored output, and the folders that
        leaves empty (a deleted note's folder would otherwise stay)."""
        parents: set[Path] = set()
        for path in paths:
            target = site_dir / path
            try:
                target.unlink()
            except FileNotFoundError:
                continue
            except IsADirectoryError:
                shutil.rmtree(target, ignore_errors=True)
            parents.add(target.parent)
        root = site_dir.resolve()
        for folder in sorted(parents, key=lambda p: len(p.parts), reverse=True):
            while folder.resolve() != root and folder.is_relative_to(site_dir):
                try:
                    folder.rmdir()  # only when empty
                except OSError:
                    break
                folder = folder.parent

    def completed(self, site_dir: Path) -> None:
        """The build finished in `site_dir`: the next one may keep its output."""
        self._site_dir = site_dir.resolve()
        self._discard()

    def failed(self) -> None:
        """The build failed: the folder's state is unknown, so the next build writes everything."""
        self._site_dir = None
        self.restored = False
        self._discard()

    def _discard(self) -> None:
        if self._aside is not None:
            shutil.rmtree(self._aside, ignore_errors=True)
            self._aside = None

    @staticmethod
    def _clean(site_dir: Path) -> None:
        for entry in os.scandir(site_dir):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                os.unlink(entry.path)


def input_stamp(paths: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """(path, mtime, size) of every file under `paths` (files or folders): what every page's
    shell depends on beyond the notes (mkdocs.yml, the theme overrides, `docs/`, the data files
    beside the notes). When it changes, a serve rebuild keeps no page."""
    found: list[tuple[str, int, int]] = []
    for path in paths:
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
        for file in files:
            try:
                stat = file.stat()
            except OSError:
                continue
            found.append((str(file), stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(found))
