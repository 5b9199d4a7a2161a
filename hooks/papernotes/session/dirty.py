"""What one `mkdocs serve` session remembers between rebuilds, so a rebuild redoes little.

The build (`session.Build`) keeps one `RebuildState` for the whole server session (MkDocs
imports the hook once per process and calls it for every rebuild). It says which generated
pages a rebuild must render: under `mkdocs serve --dirty` MkDocs re-renders only those, under
plain `mkdocs serve` the others are kept from the previous build (`kept.py`). When only the
details of some notes changed (the usual edit), those are the pages that show them; when the
site's shape changed (a note added, a title, date or tag changed), every page's HTML is
compared with what the previous build wrote, and only pages whose HTML differs count.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Callable, Hashable, Iterable, Protocol

from papernotes.model import Note


class _Page(Protocol):
    src_uri: str
    shows: tuple[str, ...]


@dataclass
class RebuildState:
    """Mutable on purpose: one per serve session, owned by the `Build` and updated by every build."""

    dirty: bool = False
    """Whether MkDocs runs with `--dirty` (then unchanged generated pages are skipped)."""
    page_digests: dict[str, bytes] = field(default_factory=dict)
    """src_uri -> digest of the HTML content the previous build wrote for that page."""
    page_keys: dict[str, bytes] = field(default_factory=dict)
    """src_uri -> digest of the page's key (`PlannedPage.key`) when its digest above was made,
    for the pages that have one; dropped whenever the page is rendered from other inputs."""
    notes: dict[str, Note] = field(default_factory=dict)
    """The previous build's notes by slug."""
    shape: Hashable = None
    """The previous build's page plan and everything listing pages show (see `site_shape`)."""

    def start(self, dirty: bool) -> None:
        self.dirty = dirty
        self.page_digests.clear()
        self.page_keys.clear()
        self.notes.clear()
        self.shape = None

    def changed_by_notes(self, pages: Iterable[_Page], notes: Iterable[Note], shape: Hashable) -> set[str] | None:
        """The pages to re-render when only the details of some notes changed, or None when the
        shape changed too (then every page's HTML has to be compared with `changed`)."""
        current = {n.slug: n for n in notes}
        same_shape = self.shape is not None and shape == self.shape
        edited = {slug for slug, note in current.items() if self.notes.get(slug) != note} if same_shape else set()
        self.notes, self.shape = current, shape
        if not same_shape:
            return None
        changed = {p.src_uri for p in pages if edited.intersection(p.shows)}
        for src in changed:
            self.page_digests.pop(src, None)  # no longer what is on disk: compare afresh next time
            self.page_keys.pop(src, None)
        return changed

    def changed(self, current: dict[str, bytes]) -> set[str]:
        """Pages whose HTML differs from the previous build's (or that are new); remembers `current`."""
        changed = {src for src, d in current.items() if self.page_digests.get(src) != d}
        self.page_digests = dict(current)
        return changed

    def record(self, src_uri: str, html: str) -> None:
        """Remember the HTML a build wrote for a page."""
        self.page_digests[src_uri] = digest(html)



def site_shape(pages: Iterable[_Page], notes: Iterable[Note], extra: Hashable) -> Hashable:
    """Everything a page may show about notes it does not detail: the page plan, and each
    note's title, date and tags (month, year and tag pages list them), arXiv id (every mention
    of that id elsewhere links to the note) and lineage (the other note lists it the other
    way), authors and lab (the authors and labs indexes list names and counts), and the paper's
    own date and link (the COinS span of every list page describes the paper by them: so author
    and lab pages, which show nothing else of their notes, need no `shows`). `extra` adds the
    tag labels and settings. Mentions are in the plan: a note page `shows` the notes that
    mention it, so editing such a sentence re-renders the page it points at, and adding or
    removing a mention changes the plan."""
    return (tuple((p.src_uri, p.shows) for p in pages),
            tuple((n.slug, n.title, n.date, n.tags, n.arxiv, n.builds_on, n.compares_with, n.authors, n.org,
                   n.published, n.url) for n in notes), extra)


def digest(html: str) -> bytes:
    return hashlib.blake2b(html.encode("utf-8"), digest_size=16).digest()


def key_digest(key: Callable[[], Hashable] | None) -> bytes | None:
    """A digest of a page's key (None without one): its `repr`, which for the records, tuples,
    strings and dates keys are made of says every field."""
    return None if key is None else digest(repr(key()))
