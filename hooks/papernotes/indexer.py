"""Run Pagefind on the search documents in the background, while MkDocs builds the pages.

The documents depend only on the notes (`search.plan_documents`), so they are written and
Pagefind (a compiled binary from the `pagefind` wheel, about 1.4 cores for 15 s at 10,000
notes) is started as soon as the notes are loaded; the build waits for it only at its end.
On a 2-core machine it fills the time the second core would otherwise wait.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable


class IndexFailed(Exception):
    """Pagefind exited with an error; the message holds its output."""


class SearchIndexer:
    """Writes the documents to a temporary folder, then starts Pagefind on them."""

    def __init__(self, documents: Iterable[tuple[str, Callable[[], str]]], output: Path) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="papernotes-search-")
        self.count = 0
        root = Path(self._tmp.name)
        for path, render in documents:  # one at a time: never all documents in memory
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render(), encoding="utf-8")
            self.count += 1
        self._log = tempfile.TemporaryFile()
        cmd = [sys.executable, "-m", "pagefind", "--site", str(root), "--output-path", str(output)]
        self._proc: subprocess.Popen[bytes] | None = subprocess.Popen(cmd, stdout=self._log, stderr=subprocess.STDOUT)

    def wait(self) -> int:
        """Wait for Pagefind; its peak memory in KiB (0 where the OS does not say). Raises IndexFailed."""
        proc, self._proc = self._proc, None
        if proc is None:
            raise IndexFailed("pagefind was stopped")
        peak = 0
        try:
            if hasattr(os, "wait4"):
                _, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = os.waitstatus_to_exitcode(status)
                peak = usage.ru_maxrss
            else:
                proc.wait()
            self._log.seek(0)
            output = self._log.read().decode("utf-8", "replace")
        finally:
            self._cleanup()
        if proc.returncode != 0:
            raise IndexFailed(f"pagefind failed ({proc.returncode}):\n{output}")
        return peak

    def stop(self) -> None:
        """Stop Pagefind if it still runs (the build failed or was restarted)."""
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
        self._cleanup()

    def _cleanup(self) -> None:
        self._log.close()
        self._tmp.cleanup()
