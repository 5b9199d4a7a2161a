"""Read big note trees on two cores: half the files in a forked process, half here.

Validating a note renders its Markdown (under a time budget, `markup.render_within_budget`),
which is most of the time a build spends before MkDocs starts; the halves are independent.
The child sends back its notes, problems and the HTML it rendered, so nothing is converted
twice. Anything unusual (no `fork`, one core, a small tree, PAPERNOTES_WORKER=0, any failure
of the child) reads serially, with the same result.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable

from papernotes import markup
from papernotes.model import Note, Problem

PARALLEL_MIN_FILES = 1000
"""Below this many files a second process costs more than it saves."""

Loaded = tuple[Note | None, list[Problem]]


def load_files(files: list[Path], load_one: Callable[[Path], Loaded]) -> list[Loaded]:
    """`load_one` of every file, in order."""
    if not _parallel(len(files)):
        return [load_one(p) for p in files]
    half = len(files) // 2
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
        future = pool.submit(_load_with_html, files[half:], load_one)
        first = [load_one(p) for p in files[:half]]
        try:
            rest, html = future.result()
        except Exception:  # noqa: BLE001 - the child failing only means reading its half here
            return first + [load_one(p) for p in files[half:]]
    markup.remember_rendered(html)
    return first + rest


def _load_with_html(files: list[Path], load_one: Callable[[Path], Loaded]) -> tuple[list[Loaded], dict[str, markup.Markup]]:
    markup.forget_rendered()
    return [load_one(p) for p in files], markup.rendered()


def _parallel(count: int) -> bool:
    if os.environ.get("PAPERNOTES_WORKER") == "0" or count < PARALLEL_MIN_FILES:
        return False
    return sys.platform.startswith("linux") and (os.cpu_count() or 1) >= 2
