"""What one `mkdocs serve` session remembers between rebuilds, so a rebuild redoes little.

MkDocs re-executes the hook module for every rebuild, but this package stays imported, so
the state here lives as long as the server. Under `mkdocs serve --dirty` MkDocs re-renders
only pages that report themselves modified: the hook compares each generated page's HTML
with what the previous build wrote and lets unchanged pages be skipped.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass
class RebuildState:
    """Mutable on purpose: one instance per process, updated by every build."""

    dirty: bool = False
    """Whether MkDocs runs with `--dirty` (then unchanged generated pages are skipped)."""
    page_digests: dict[str, bytes] = field(default_factory=dict)
    """src_uri -> digest of the HTML content the previous build wrote for that page."""

    def start(self, dirty: bool) -> None:
        self.dirty = dirty
        self.page_digests.clear()

    def changed(self, current: dict[str, bytes]) -> set[str]:
        """Pages whose HTML differs from the previous build's (or that are new); remembers `current`."""
        changed = {src for src, d in current.items() if self.page_digests.get(src) != d}
        self.page_digests = dict(current)
        return changed


STATE = RebuildState()


def digest(html: str) -> bytes:
    return hashlib.blake2b(html.encode("utf-8"), digest_size=16).digest()
