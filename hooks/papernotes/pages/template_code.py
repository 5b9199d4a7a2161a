"""Compiled Jinja templates kept for the whole process, so a serve rebuild does not compile them again.

`mkdocs serve` reloads the config for every rebuild, and with it makes a new theme
environment, and every build makes a new environment for our page templates: each one
compiled every template it rendered again (mkdocs-material's `base.html`, our `main.html`,
the page families' templates), about a sixth of a save's CPU on a 1,000-note site. Jinja's
bytecode cache is the supported way to skip that: a template's compiled code is kept under
its name and file, and used only while the template's source is the same (its checksum),
so an edited template is compiled afresh. Only the compiled code is shared, never a
rendered page or an environment's globals.
"""

from __future__ import annotations

import threading

import jinja2
from jinja2.bccache import Bucket


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates in memory, for the process's lifetime (a few MB)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def load_bytecode(self, bucket: Bucket) -> None:
        with self._lock:
            found = self._code.get(bucket.key)
        if found is not None:
            bucket.bytecode_from_string(found)  # ignored by Jinja when the source's checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = bucket.bytecode_to_string()
        with self._lock:
            self._code[bucket.key] = code

    def clear(self) -> None:
        with self._lock:
            self._code.clear()


TEMPLATE_CODE = MemoryBytecodeCache()
"""The one cache: our page templates' environment and, through the hook, the theme's."""
