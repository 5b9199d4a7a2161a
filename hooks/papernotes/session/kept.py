"""Keep the previous build's pages across MkDocs' clean, so plain `mkdocs serve` rebuilds in seconds.

Under plain `mkdocs serve` (the README's command) MkDocs empties the site folder before every
rebuild and renders the theme for every page again: 22-24 s at 10,000 notes for one saved note.
`--dirty` avoids that, but nobody should have to know a flag to see their edit. MkDocs empties
the folder right after `on_pre_build` and calls `on_files` next. So a serve build moves the
previous output aside in `on_pre_build` (one rename per top-level entry), and in `on_files`,
once the pages are planned and `dirty.RebuildState` has said which generated pages' HTML is
unchanged, moves back just those pages' files; MkDocs is told not to build them. Everything
else (theme assets, `docs/` files, exports, the pages that changed) is written afresh by this
build, and whatever of the previous output was not taken back is deleted, after the build: a
deleted or renamed note's page, a stale export, a removed `docs/` file. So the served folder
holds exactly what a clean build writes.

This module never imports MkDocs; `session.Build` decides what may be kept.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from concurrent.futures import Future, wait
from pathlib import Path
from typing import Iterable, Mapping, Sequence


class KeptOutput:
    """The previous serve build's output while MkDocs cleans the site folder. Mutable on
    purpose: one per serve session, owned by the `Build`."""

    def __init__(self) -> None:
        self._site_dir: Path | None = None
        """The folder the previous build completed in (None: none did, or it failed)."""
        self._aside: Path | None = None
        """Where that output waits during this build (None when nothing is aside)."""
        self._sweeper: threading.Thread | None = None

    @property
    def ready(self) -> bool:
        """Whether this build has the previous complete output to take pages back from."""
        return self._aside is not None

    def set_aside(self, site_dir: Path) -> None:
        """Before MkDocs cleans `site_dir`: move the previous complete build's output next to it."""
        self.wait()
        self._discard()
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

    def take_back(self, files: Mapping[str, Path], site_dir: Path) -> set[str]:
        """After MkDocs' clean: move each of `files` (key -> absolute destination under
        `site_dir`) back from the previous output; returns the keys whose file was there."""
        if self._aside is None:
            return set()
        taken = set()
        made: set[Path] = set()
        for key, dest in files.items():
            kept = self._aside / dest.relative_to(site_dir)
            if dest.parent not in made:
                dest.parent.mkdir(parents=True, exist_ok=True)
                made.add(dest.parent)
            try:
                os.rename(kept, dest)
            except FileNotFoundError:
                continue
            taken.add(key)
        return taken

    def take_back_files(self, paths: Sequence[str], site_dir: Path) -> bool:
        """Move each of `paths` (relative to `site_dir`) back from the previous output; False when
        one of them is missing there (then the caller writes them all). Safe in a forked process:
        it only renames within the site folder's file system."""
        if self._aside is None:
            return False
        for path in paths:
            source, dest = self._aside / path, site_dir / path
            try:
                os.rename(source, dest)
            except FileNotFoundError:
                if not source.is_file():
                    return False
                dest.parent.mkdir(parents=True, exist_ok=True)  # its page may not be written yet
                os.rename(source, dest)
        return True

    def take_back_stale(self, paths: Iterable[str], site_dir: Path) -> None:
        """Move back each of `paths` that the previous output has, to be served as it was until
        the exports writer replaces it whole (`outputs.plan.write_groups`): a file a save changes
        (`notes.json`, `search/meta.json`, a tag's feed) is then never missing, only late."""
        if self._aside is None:
            return
        for path in paths:
            source, dest = self._aside / path, site_dir / path
            if source.is_file():
                dest.parent.mkdir(parents=True, exist_ok=True)
                os.rename(source, dest)

    def take_back_stale_folder(self, folder: str, site_dir: Path) -> None:
        """`take_back_stale` for a folder of files named by their content (the search index):
        the whole folder, or where the new build has made it already, each file it lacks."""
        if self._aside is None or not (self._aside / folder).is_dir():
            return
        source, dest = self._aside / folder, site_dir / folder
        if not dest.exists():
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.rename(source, dest)
            return
        for path in [p for p in source.rglob("*") if p.is_file()]:
            target = dest / path.relative_to(source)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                os.rename(path, target)

    def completed(self, site_dir: Path, after: Future[object] | None = None) -> None:
        """The build finished in `site_dir`: the next one may keep its pages. What this build did
        not take back is deleted in a thread, after the pages are written, and after `after` (the
        exports writer, which takes its unchanged files back too) is done."""
        self._site_dir = site_dir.resolve()
        self._sweep(after)

    def failed(self) -> None:
        """The build failed: the folder's state is unknown, so the next build writes everything."""
        self._site_dir = None
        self._sweep()

    def wait(self) -> None:
        """Until the previous output's leftovers are deleted (the process's exit waits too)."""
        if self._sweeper is not None:
            self._sweeper.join()
            self._sweeper = None

    def _sweep(self, after: Future[object] | None = None) -> None:
        if self._aside is None:
            return
        aside, self._aside = self._aside, None
        self.wait()

        def sweep() -> None:
            if after is not None:
                wait([after])
            shutil.rmtree(aside, ignore_errors=True)

        self._sweeper = threading.Thread(target=sweep, name="papernotes-sweep")
        self._sweeper.start()

    def _discard(self) -> None:
        if self._aside is not None:
            shutil.rmtree(self._aside, ignore_errors=True)
            self._aside = None


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
