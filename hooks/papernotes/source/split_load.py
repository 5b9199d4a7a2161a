"""Read big note trees on two cores: half the files in a forked process, half here.

Validating a note renders its Markdown (under a time budget, `HtmlCache.check`), which is
most of the time a build spends before MkDocs starts; the halves are independent. The child
sends back its notes, problems and the HTML it rendered, so nothing is converted twice.
Anything unusual (no `fork`, one core, a small tree, PAPERNOTES_WORKER=0, any failure of the
child) reads serially, with the same result.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from papernotes.fork import MIN_FILES, Child, should_fork
from papernotes.markup import HtmlCache
from papernotes.model import Note, Problem

Loaded = tuple[Note | None, list[Problem]]


def load_files(files: list[Path], load_one: Callable[[Path], Loaded], html: HtmlCache) -> list[Loaded]:
    """`load_one` of every file, in order; `load_one` renders into `html`."""
    if not files or not should_fork(len(files), MIN_FILES):
        return [load_one(p) for p in files]
    half = len(files) // 2

    def load_rest() -> tuple[list[Loaded], tuple[bytes, dict[str, tuple[int, int]]]]:
        html.clear()  # in the child: send back only what it rendered
        return [load_one(p) for p in files[half:]], html.packed()

    child = Child(load_rest)
    future = child.submit()
    child.close(cancel=False)
    first = [load_one(p) for p in files[:half]]
    try:
        rest, rendered = future.result()
    except Exception:  # noqa: BLE001 - the child failing only means reading its half here
        return first + [load_one(p) for p in files[half:]]
    html.merge(rendered)
    return first + rest
