"""`Build`: the one object that owns a build, and every rebuild of a `mkdocs serve` session.

MkDocs imports the hook once per process and calls it for every (re)build, so everything a
session keeps lives here, made once in `on_startup`: the settings, each note file's last
result (`NoteCache`), the Markdown-to-HTML cache (`HtmlCache`), the `--dirty` state, the page
worker and the exports writer. A build runs, in order:

    configure(settings, root, inputs)  on_config: settings checked by `config.read_settings`
    before_build(site_dir)        on_pre_build: the previous serve build's exports writer is
                                  stopped if a save overtook it, and under plain serve the
                                  output set aside while MkDocs cleans (`kept.py`)
    plan(docs_files, always)      on_files: load and validate every note (all problems at once),
                                  index, plan the pages
    check_notes_folder(...)       on_files: only notes publish pages under notes/
    keep(dests)                   on_files, plain serve: the previous output back, unchanged
                                  pages kept
    start_exports(site_dir, ...)  on_files: feeds, BibTeX, notes.json, browse and search files,
                                  in the second process that also renders the pages on big sites
                                  (and, under plain serve, what the previous build wrote and this
                                  one does not is deleted)
    content(page) / late_content  while MkDocs renders each page
    finish()                      on_post_build: invariants, wait for the exports
    abort()                       on_build_error

Errors a user can fix are `BuildError`s whose message lists every problem; the hook turns them
into MkDocs' `PluginError`. Except under `mkdocs serve`: there the writer looks at the browser,
and a `PluginError` would leave the server with no site to serve ("the server will appear
stuck"). So a serve build keeps the notes that load, plans a draft page (`pages.problems`) at
the URL of each note that does not, and keeps the problems in `problems` for the banner the
hook puts on every page. `mkdocs build` (and `--strict`, and CI) still refuses them. This module never imports MkDocs.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import unicodedata
from concurrent.futures import Future, wait
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Hashable, Iterable, Mapping, Sequence

from papernotes.session.dirty import RebuildState, digest, key_digest, site_shape
from papernotes.fork import MIN_PAGES, Child, ChildFailed, should_fork
from papernotes.session.kept import KeptOutput, input_stamp
from papernotes.session.page_worker import PageWorker, render_batch
from papernotes.session.resources import GcFreeze, describe, own_usage
from papernotes.report import count, notice_lines
from papernotes.config import Settings
from papernotes.markup import HtmlCache
from papernotes.model import Note, Problem
from papernotes.outputs.plan import ExportGroup, FileClash, iter_groups, write_groups
from papernotes.pages.context import Excerpt, PageContext, PlannedPage
from papernotes.pages.families.note import draft_previews
from papernotes.pages.problems import PROBLEMS_FILE, broken_note_page, problems_banner, where
from papernotes.pages.registry import plan_pages
from papernotes.schema import NOTE_SLUG, RESERVED_SLUGS
from papernotes.source.tree import suggested_name
from papernotes.catalog.people import party_pages
from papernotes.catalog import urls
from papernotes.catalog.index import build_index
from papernotes.source.tree import MAX_NOTE_BYTES, LoadResult, NoteCache, encoding_of, load_site

log = logging.getLogger("mkdocs.plugins.papernotes")


class BuildError(Exception):
    """Something in the notes or the docs folder stops the build; the message says what and where."""


@dataclass
class Plan:
    """What `Build.plan` hands the hook: the pages to add and what to tell the user."""

    pages: list[PlannedPage]
    """Every generated page, in the order MkDocs should render them."""
    unchanged: set[str] = field(default_factory=set)
    """Under `--dirty`: src_uris of pages whose HTML is what the previous build wrote."""
    keep: set[str] = field(default_factory=set)
    """Under plain serve: the same, for pages whose file the previous build's output has
    (`Build.keep` takes them back; MkDocs then neither renders nor writes them)."""


class Build:
    """One MkDocs process's builds; see the module docstring for the order of calls."""

    def __init__(self, *, serving: bool = False, dirty: bool = False) -> None:
        self.serving = serving
        """Under `mkdocs serve` a build does not wait for the files that are not pages (feeds,
        search): the edited page shows as soon as MkDocs has written it, they follow shortly."""
        self._draft_urls: dict[str, str] = {}
        """Under serve: each draft page's file -> its URL from the site's root (the banner links them)."""
        self.draft_pages: set[str] = set()
        """The pages only serve shows (broken notes' draft pages, `draft: true` previews): no sitemap lists them."""
        self.settings = Settings()
        self.root = Path(".")
        self.notes = NoteCache()
        self.html = HtmlCache()
        # Plain serve keeps the --dirty bookkeeping too: it keeps the unchanged pages' files.
        self.rebuild = RebuildState(dirty=dirty or serving)
        self.kept = KeptOutput() if serving and not dirty else None
        """Under plain serve: the previous build's output, while MkDocs cleans the site folder."""
        self._inputs: Hashable = None
        """Under serve: what every page's shell depends on beyond the notes (`kept.input_stamp`)."""
        self._last_inputs: Hashable = None
        """The previous build's `_inputs` (None after a failed build)."""
        self.gc = GcFreeze(idle_collect=serving)
        self._pages: dict[str, PlannedPage] = {}
        self._note_dests: dict[str, str] = {}
        """src_uri -> absolute destination of every note page this build writes (`finish` checks them)."""
        self._loaded: LoadResult | None = None
        self._pages_context: PageContext | None = None
        self._worker: PageWorker | None = None
        self._to_render: list[PlannedPage] | None = None
        """The pages the second process renders (`start_exports` forks it): None for none."""
        self._ahead: dict[str, str] = {}
        """HTML of changed pages, rendered while comparing them with the previous build's."""
        self._always: set[str] = set()
        """The generated pages MkDocs builds every time (those in the navigation)."""
        self._always_html: dict[str, str] = {}
        """Under serve: the HTML the last build rendered for each of `_always`."""
        self._reuse: dict[str, str] = {}
        """This build's `_always` pages whose HTML is the last build's (nothing they show changed)."""
        self._sitemap: tuple[Hashable, str] | None = None
        """Under plain serve: the last `sitemap.xml` and what it was made from (`last_sitemap`)."""
        self._exports: Future[tuple[int, tuple[float, int] | None]] | None = None
        self._writer: Child | None = None
        """The forked exports writer of the last build (None when it wrote in this process)."""
        self._later: tuple[Path, set[str], list[str]] | None = None
        """Under serve, when no page waits for a second process: `start_exports`' arguments,
        used once the pages are written (`finish`), so that the edited page shows first."""
        self._starter: threading.Thread | None = None
        """The thread that starts those exports after the build (joined before the next one)."""
        self._hurry = threading.Event()
        """Set to end `_start_later`'s wait at once."""
        self._superseding = False
        """Whether `_start_later` gives way to a newer build (or the end of the session)."""
        self._exported: set[str] = set()
        """The files of the export groups of the last exports started (`_start_exports`)."""
        self._superseded: Future[tuple[int, tuple[float, int] | None]] | None = None
        """The writer a newer save stopped: its failure is not an error to report."""
        self._pending: set[tuple[str, ...]] = set()
        """The export groups the last build's writer was asked to write (not unchanged)."""
        self._outputs: set[str] = set()
        """Under plain serve: every file the last build wrote (pages, copied files, exports; not
        the files of the exports' folders, which the writer keeps exact itself)."""
        self._export_keys: dict[tuple[str, ...], object] = {}
        """Under plain serve: the key (`ExportGroup.key`) of every export group the previous
        build wrote, by its paths, with `_inputs` under the key `()`; empty when unknown."""
        self.problems: tuple[Problem, ...] = ()
        self.warnings: Sequence[Problem] = ()
        """The notes' warnings of the last plan (logged: `mkdocs build --strict` fails on them)."""
        """Under serve: every problem of the last load, shown on every page until fixed."""

    # -- the steps of a build, in order ------------------------------------------------------

    def configure(self, settings: Settings, root: Path, inputs: Sequence[Path] = ()) -> None:
        """`inputs`: the files and folders every page's shell depends on (mkdocs.yml, the theme
        overrides, `docs/`); with the data files beside the notes, a change there makes a serve
        rebuild render every page."""
        self.settings = settings
        self.root = root
        if self.serving:
            data = root / "data"
            beside = [p for p in data.iterdir() if p.name != "notes"] if data.is_dir() else []
            self._inputs = (input_stamp([*inputs, *beside]), settings)

    def before_build(self, site_dir: Path | None = None) -> None:
        """One exports writer at a time, and MkDocs is about to clean site/: a save that comes
        while the previous build's writer still works stops it (it was writing what this build
        writes again; its unfinished groups are written by this one), instead of waiting for
        it (20-30 s at 10,000 notes). Under plain serve, set the previous output aside (`kept.py`)."""
        self._join_starter(superseded=True)
        if self._exports is not None:
            if not self._exports.done() and self._writer is not None:
                self._superseded = self._exports
                self._writer.kill()
                log.info("papernotes: a new save came while the feeds, exports and search files were written; "
                         "this build writes them")
            wait([self._exports])
            if self._exports.cancelled() or self._exports.exception() is not None:
                for paths in self._pending:  # what the writer did not finish: written again
                    self._export_keys.pop(paths, None)
            self._exports = None
        self._writer = None
        if self.kept is not None and site_dir is not None:
            self.kept.set_aside(site_dir)

    def plan(self, docs_files: set[str], always: Iterable[str] = ()) -> Plan:
        """Load and validate every note, plan every page; `docs_files` are the src_uris MkDocs
        found in docs/, which no generated page may take. `always`: pages MkDocs must build
        even when unchanged (those in the navigation: MkDocs' nav needs their files)."""
        self._pages.clear()
        self._note_dests.clear()
        self._ahead.clear()
        self.gc.freeze()  # MkDocs' config and files
        result = load_site(self.root, "data", html=self.html, reuse=self.notes,
                           party_pages=partial(party_pages, min_notes=self.settings.author_page_min_notes))
        self.gc.freeze()  # the notes
        for problem in result.warnings:
            log.warning(problem.format())  # `mkdocs build --strict` fails on these
        self.warnings = result.warnings
        for line in notice_lines(result.notices):
            log.info(line)  # advice: fails nothing
        # The banner shows them all, the notices (advice) folded under the errors and warnings.
        self.problems = tuple(result.problems) if self.serving else ()
        if result.errors and self.serving:
            # The writer looks at the browser: keep serving the notes that load, and show every
            # problem on every page (`on_post_page`) and each broken note as a draft page.
            for problem in result.errors:
                log.error(problem.format())
        elif result.errors:
            listed = "\n".join(p.format() for p in result.errors)
            raise BuildError(f"{count(len(result.errors), 'error')} in {where(result.errors)[1]}; nothing was built:\n{listed}")
        if result.drafts:
            log.info("papernotes: %s not published: %s", count(len(result.drafts), "draft"), ", ".join(n.source for n in result.drafts))
        if not result.errors and len(result.notes) + len(result.drafts) != result.files:
            raise BuildError(f"internal error: {result.files} note files but {len(result.notes)} notes "
                             f"and {len(result.drafts)} drafts loaded")
        index = build_index(result.notes, result.tags, result.glossary, result.drafts)
        self._loaded = result
        last = self._pages_context
        self._pages_context = PageContext(index, self.settings, self.html, result.authors,
                                          last_people=last.last_people() if last is not None and self.serving else None,
                                          last_links=last.links.last_links() if last is not None and self.serving else None,
                                          last_coins=last.last_coins() if last is not None and self.serving else None,
                                          last_excerpts=last.last_excerpts() if last is not None and self.serving else None)
        pages = plan_pages(self._pages_context)
        taken = {p.src_uri.casefold() for p in pages}
        drafts = self._broken_note_pages(result, taken) if result.errors else []
        if self.serving:  # the writer sees a `draft: true` note as it will be
            drafts += draft_previews(self._pages_context, result.drafts, taken)
        pages += drafts  # only under serve
        self._draft_urls = {p.source: urls.quote_path(urls.src_to_url(p.src_uri)) for p in drafts if p.source}
        self.draft_pages = {p.src_uri for p in drafts}
        check_planned(pages, len(result.notes) + sum(1 for p in pages if p.kind == "note" and p.meta is None))
        for page in pages:
            if page.src_uri in docs_files:
                raise BuildError(f"docs/{page.src_uri} collides with the generated page {page.src_uri}; rename or remove it")
        changed = self._changed_pages(pages, result.notes, drafts) if self.rebuild.dirty else None
        keep: set[str] = set()
        self._always = set(always) if self.rebuild.dirty else set()
        self._reuse = {}
        if self.kept is not None and self.kept.ready and changed is not None:
            keep = {p.src_uri for p in pages if p.src_uri not in changed and p.src_uri not in self._always}
            # MkDocs' navigation needs the files of its pages, so it builds them every time; when
            # nothing they show changed, their HTML is the last build's (the authors index alone
            # took 1 s to render at 10,000 notes).
            self._reuse = {src: html for src, html in self._always_html.items() if src not in changed}
        self._always_html = {}
        self._stop_worker()
        self._to_render = None
        if self.kept is not None:  # plain serve: MkDocs builds what is not kept
            rendered = [p for p in pages if p.src_uri not in keep and p.src_uri not in self._ahead and p.src_uri not in self._reuse]
            if should_fork(len(rendered), MIN_PAGES):
                self._to_render = rendered
        elif should_fork(len(pages) if changed is None else len(changed), MIN_PAGES):
            self._to_render = pages
        self._pages = {page.src_uri: page for page in pages}
        unchanged = {p.src_uri for p in pages} - changed if changed is not None and self.kept is None else set()
        shown = len(unchanged) if self.kept is None else len(keep)
        log.info("papernotes: %d notes, %d generated pages%s", len(result.notes), len(pages),
                 f", {len(pages) - shown} to render, {shown} unchanged since the last build" if changed is not None else "")
        return Plan(pages, unchanged, keep)

    def _broken_note_pages(self, result: LoadResult, taken: set[str]) -> list[PlannedPage]:
        """Under serve: a draft page, at its URL, for each note file that does not load."""
        loaded = {n.source for n in result.notes + result.drafts}
        by_file: dict[str, list[Problem]] = {}
        for problem in result.problems:
            by_file.setdefault(problem.path, []).append(problem)
        pages = []
        for source, found in sorted(by_file.items()):
            path = self.root / source
            if source in loaded or not any(p.is_error for p in found) or path.suffix != ".md":
                continue
            raw: bytes | None = None
            if not path.is_symlink() and path.resolve().is_relative_to((self.root / "data" / "notes").resolve()):
                try:  # a link is never followed: it could show any file of the machine
                    with path.open("rb") as handle:
                        raw = handle.read(MAX_NOTE_BYTES)
                except OSError:
                    pass
            stem = unicodedata.normalize("NFC", path.stem)
            if not NOTE_SLUG.match(stem):  # `Lets Verify.md`: at the name its error suggests, not nowhere
                stem = suggested_name(stem, raw, result.tags)
            if not NOTE_SLUG.match(stem) or stem in RESERVED_SLUGS or urls.note(stem).casefold() in taken:
                continue
            text = encoding_of(raw)[0] if raw is not None else None
            taken.add(urls.note(stem).casefold())
            pages.append(PlannedPage(urls.note(stem), f"Draft: {stem}", "note",
                                     partial(broken_note_page, source, tuple(found), text), source=source))
        return pages

    def shutdown(self) -> None:
        """The server stops (Ctrl-C): a writer still at work is stopped without an error (the
        next `mkdocs serve` or `build` writes everything)."""
        self._join_starter(superseded=True)
        if self._exports is not None and not self._exports.done() and self._writer is not None:
            self._superseded = self._exports
            self._writer.kill()

    def wait_for_exports(self) -> None:
        """Until the last build's exports writer is done (tests and benchmarks; a serve build
        does not wait, and a newer save stops it)."""
        self._join_starter()
        if self._exports is not None:
            wait([self._exports])

    def keep(self, dests: Mapping[str, str], site_dir: Path) -> set[str]:
        """Plain serve, after MkDocs' clean: move the previous output back; returns those of
        `Plan.keep`'s pages (src_uri -> dest_uri) whose file it holds, which MkDocs must not
        build. The others MkDocs renders as usual, over their old files."""
        if self.kept is None or not self.kept.restore(site_dir):
            return set()
        # What the last build wrote came back whole with the folder; anything else is looked for.
        kept = {key for key, dest in dests.items() if dest in self._outputs or os.path.isfile(os.path.join(site_dir, dest))}
        for key in kept:  # found just now: `finish` need not look for them again
            self._note_dests.pop(key, None)
        return kept

    def last_sitemap(self, pages: Sequence[str], site_url: str | None, date: str) -> tuple[Hashable, str | None]:
        """Under plain serve: the key of the sitemap of `pages` (src_uris, in MkDocs' order) and,
        when the last build's had the same key (same pages, site URL, date and theme), its text.
        A save that changes no page's URL needs no new sitemap: rendering it again took a
        tenth of a save at 10,000 notes."""
        key = (self._inputs, site_url, date, tuple(pages))
        if self._inputs is not None and self._sitemap is not None and self._sitemap[0] == key:
            return key, self._sitemap[1]
        return key, None

    def remember_sitemap(self, key: Hashable, text: str) -> None:
        if self._inputs is not None:
            self._sitemap = (key, text)

    def check_notes_folder(self, pages: list[tuple[str, str]], site_dir: Path | str) -> None:
        """`pages`: (src_uri, dest_uri) of every page MkDocs will write into `site_dir`. Only
        notes publish pages under notes/, one each."""
        in_notes = [(src, os.path.join(site_dir, dest_uri)) for src, dest_uri in pages if dest_uri.startswith("notes/")]
        strays = [src for src, _ in in_notes if src not in self._pages]
        published = sum(1 for p in self._pages.values() if p.kind == "note")
        if strays or len(in_notes) != published:
            raise BuildError(f"{len(in_notes)} pages under notes/ but {published} published note files; only notes may "
                             f"publish pages there (remove {', '.join('docs/' + s for s in strays) or 'nothing'})")
        self._note_dests = dict(in_notes)
        self.gc.freeze()  # the pages and files just planned

    def start_exports(self, site_dir: Path, taken: set[str], outputs: Iterable[str] = ()) -> None:
        """Write the files that are not pages straight into site/: in a forked process on big
        sites, here otherwise. `taken`: where docs/ files are copied; `outputs`: every file
        MkDocs writes or keeps in this build (pages included), so that under plain serve what
        the previous build wrote and this one does not is deleted from the restored output.

        Under serve they are started after MkDocs has written the pages (`finish`): planning
        them and forking their writer took 0.3 s of each save at 10,000 notes, and the reader
        waits for the page, not for the feeds. Only the pages' own second process, when a
        change has many pages to render, starts here."""
        if self.serving:
            outputs = list(outputs)
            if self.kept is not None and self.kept.restored:
                # A deleted note's page goes now; the files of its exports with them, later.
                self.kept.remove(site_dir, self._outputs - set(outputs) - self._exported)
            to_render, self._to_render = self._to_render, None
            if to_render is not None:
                def forked_pages(kind: str, *args: int) -> object:
                    assert kind == "pages"
                    return render_batch(to_render, *args)
                self._start_page_worker(to_render, Child(forked_pages))
            self._later = (site_dir, set(taken), outputs)
            return
        self._start_exports(site_dir, taken, outputs)

    def _start_exports(self, site_dir: Path, taken: set[str], outputs: Iterable[str] = ()) -> None:
        assert self._pages_context is not None
        index, settings, html, people = self._pages_context.index, self.settings, self.html, self._pages_context.people
        graph = self._pages_context.links.graph  # made once, here, so the forked writer inherits it
        groups = list(iter_groups(index, settings, html.note_html, people, graph))
        unchanged = self._unchanged_exports(groups)
        self._pending = {g.paths for g in groups if g.paths and g.paths not in unchanged}
        self._exported = {path for g in groups for path in g.paths}
        restored = self.kept is not None and self.kept.restored
        if self.kept is not None:
            current = set(outputs).union(*(g.paths for g in groups))
            if restored:
                self.kept.remove(site_dir, self._outputs - current)
            self._outputs = current

        def in_place(group: ExportGroup) -> bool:  # unchanged, and restored with the previous output
            return restored and group.paths in unchanged and all((site_dir / p).is_file() for p in group.paths)

        def job() -> tuple[int, tuple[float, int] | None]:
            try:
                return write_groups(site_dir, groups, taken, in_place), None
            finally:
                # The groups' closures hold what the writer made once for many files (every
                # note's BibTeX entry, RIS record, CSL item, feed summary): let the pages that
                # the same process renders next reuse that memory (~100 MB at 30,000 notes).
                groups.clear()

        if not self.settings.site_url:
            log.info("papernotes: site_url is not set in mkdocs.yml, so feed and notes.json links are relative "
                     "to the file; set site_url for absolute links")
            log.info("papernotes: site_url also unlocks canonical links, the sitemap's page list and og:url in link "
                     "previews (absolute page URLs); without it pages carry none of them, and the 404 page's "
                     "links start at the host's root (wrong on a project site, https://<user>.github.io/<repo>/)")
        # A big site forks even when --dirty renders few pages: ~5 s of work at 10,000 notes.
        # `mkdocs build`: one second process does both the exports and (when there are enough)
        # the pages' HTML. A third would share the same two cores and hold a third copy of what
        # the notes touch (~300 MiB at 10,000 notes). The exports come after the first batches
        # of pages; while they are written, MkDocs renders the pages the worker has not reached
        # itself (`PageWorker.html`), so the two processes share the work whatever its split.
        # Closing the page worker cancels only its own batches: the exports are always written.
        # Under serve (`start_exports`) the pages have a process of their own, started during
        # the build, and the writer comes after it (a note added took 5.1 s instead of 3.9 s to
        # show at 10,000 notes when they shared one).
        to_render, self._to_render = self._to_render, None
        if to_render is not None or should_fork(len(self._pages), MIN_PAGES):
            def forked_work(kind: str, *args: int) -> object:
                if kind == "pages":
                    assert to_render is not None
                    return render_batch(to_render, *args)
                return job()[0], own_usage()

            # Alone, the writer yields to MkDocs; beside the pages, MkDocs waits for its batches.
            writer = Child(forked_work, nice=0 if to_render is not None else 5)
            if to_render is not None:  # its first batches, then the exports, then the rest
                self._start_page_worker(to_render, writer)
            self._exports = writer.submit("exports")
            self._writer = writer
            if to_render is None:
                writer.close(cancel=False)
            return
        self._exports = Future()
        try:
            self._exports.set_result(job())
        except Exception as exc:  # noqa: BLE001 - reported by finish() like the forked case
            self._exports.set_exception(exc)

    def alternates(self, src_uri: str) -> list[dict[str, str]]:
        """The feeds a page advertises in its head: its own on tag and author pages, then the site's.

        A tag feed's `rel` is "alternate feed", not just "alternate": feed readers match the
        `alternate` token, while mkdocs-material fetches a sitemap.xml next to every element
        matching exactly `link[rel=alternate]` (meant for language versions), which for
        tags/<tag>/feed.xml is a 404 on every tag page. The site feed sits beside the real
        sitemap.xml, so it keeps the plain form."""
        name = self.settings.site_name
        feeds = [{"rel": "alternate", "title": f"{name} (Atom)", "href": urls.relative(src_uri, urls.feed())}]
        page = self._pages.get(src_uri)
        if page is not None and page.feed:
            # The page's own first: a feed reader given the page subscribes to the first it
            # finds (an author's or a tag's page gave the whole site's).
            feeds.insert(0, {"rel": "alternate feed", "title": f"{name}: {page.title} (Atom)",
                             "href": urls.relative(src_uri, page.feed)})
        return feeds

    def page_meta(self, src_uri: str) -> dict[str, object] | None:
        """A generated page's head metadata (`pages.meta`) for the theme, with its absolute URL
        when `site_url` is set and its edit link when `repo_url` and `edit_uri` are; None for
        pages the build did not generate."""
        page = self._pages.get(src_uri)
        if page is None or page.meta is None:
            return None
        found = page.meta()
        url = urls.absolute(self.settings.site_url, src_uri) if self.settings.site_url else None
        values = found.as_dict(self.settings, url)
        values["edit_url"] = self.edit_url(src_uri)
        return values

    def edit_url(self, src_uri: str) -> str | None:
        """Where to edit the file that holds a generated page's text: a note's own file."""
        page = self._pages.get(src_uri)
        if page is None or page.source is None or not self.settings.edit_root:
            return None
        return self.settings.edit_root + urls.quote_path(page.source)

    def page(self, src_uri: str) -> PlannedPage | None:
        return self._pages.get(src_uri)

    def content(self, page: PlannedPage) -> str:
        """The page's HTML when MkDocs converts its Markdown; empty when the worker renders it
        (then `late_content` gives it, just before the theme)."""
        if self._worker is not None and page.src_uri not in self._reuse:
            return ""
        ahead = self._ahead.pop(page.src_uri, None)
        if ahead is None:
            ahead = self._reuse.get(page.src_uri)
        return self._rendered(page, ahead if ahead is not None else page.render())

    def late_content(self, page: PlannedPage) -> str | None:
        """With a worker: the page's HTML, taken as late as possible (MkDocs first collects every
        page, then renders the theme page by page), so the worker overlaps both phases."""
        if self._worker is None or page.src_uri in self._reuse:
            return None
        ahead = self._ahead.pop(page.src_uri, None)
        if ahead is None:
            ahead = self._worker.html(page.src_uri)
        return self._rendered(page, ahead if ahead is not None else page.render())

    def finish(self, site_dir: Path | None = None) -> None:
        """After MkDocs wrote every page: check none was lost, then report the exports (under
        serve, when they are done, so the build ends first)."""
        self.gc.thaw()
        self._stop_worker()
        missing = [dest for dest in self._note_dests.values() if not os.path.isfile(dest)]
        if missing:
            raise BuildError(f"{len(missing)} note page(s) were not written: {', '.join(missing[:5])}")
        if self.serving and site_dir is not None:
            banner = problems_banner(self.problems, self._draft_urls)  # every page shows it ("" when there is none)
            (site_dir / PROBLEMS_FILE).write_text(json.dumps({"html": banner}), encoding="utf-8")
        if self.kept is not None and site_dir is not None:
            self.kept.completed(site_dir)
        if self._later is not None:
            later, self._later = self._later, None
            self._hurry = threading.Event()
            self._starter = threading.Thread(target=self._start_later, args=(*later, self._hurry),
                                             name="papernotes-exports", daemon=True)
            self._starter.start()
        elif self._exports is not None:
            if self.serving:
                self._exports.add_done_callback(self._report_exports)  # before_build waits for it
            else:
                exports, self._exports = self._exports, None
                try:
                    self._report_exports(exports)
                except FileClash as err:
                    raise BuildError(str(err)) from None
                except Exception as err:
                    raise BuildError(f"writing the feeds, exports and search files failed: {err!r}") from err
        log.info("papernotes: the MkDocs process's %s", describe(*own_usage()))

    def abort(self) -> None:
        self._later = None
        self._join_starter(superseded=True)
        if self.kept is not None:
            self.kept.failed()
        self._outputs = set()
        self._last_inputs = None  # the next build renders every page
        self._export_keys.clear()  # and writes every export
        self.gc.thaw()
        self._stop_worker()
        if self._exports is not None and self._exports.cancel():
            self._exports = None  # otherwise still writing: the next build waits for it

    # -- helpers ---------------------------------------------------------------------------

    def _unchanged_exports(self, groups: list[ExportGroup]) -> set[tuple[str, ...]]:
        """Under plain serve: the paths of the export groups whose files the previous build wrote
        from the same inputs (same key, same settings and data files), which the writer moves
        back instead of rendering them again; remembers this build's keys."""
        if self.kept is None:
            return set()
        previous = self._export_keys if self.kept.ready else {}
        current: dict[tuple[str, ...], object] = {(): self._inputs}
        unchanged = set()
        same_inputs = previous.get(()) == self._inputs
        for group in groups:
            if not group.paths or group.key is None:
                continue
            current[group.paths] = group.key
            if same_inputs and group.paths in previous and previous[group.paths] == group.key:
                unchanged.add(group.paths)
        self._export_keys = current
        return unchanged


    def _rendered(self, page: PlannedPage, html: str) -> str:
        if self.rebuild.dirty:
            self.rebuild.record(page.src_uri, _page_text(page, html))
        if page.src_uri in self._always:
            self._always_html[page.src_uri] = html
        return html

    def _changed_pages(self, pages: list[PlannedPage], notes: tuple[Note, ...], drafts: list[PlannedPage]) -> set[str]:
        """Under serve: the pages MkDocs must render again; it skips the theme and the write for the
        rest (`--dirty`), or they are kept from the previous build (plain serve). Every page when
        what every page shows beyond the notes changed (mkdocs.yml, the theme, docs/, the data
        files beside the notes); always the draft pages of broken notes
        (they show the file's text, which no note record holds)."""
        assert self._loaded is not None
        inputs, self._last_inputs = self._last_inputs, self._inputs  # the banner is in no page (pages/problems.py)
        if inputs != self._last_inputs:
            self.rebuild.page_digests.clear()  # so every page is rendered, not compared
        changed = self._changed_by_notes(pages, notes)
        if inputs != self._last_inputs:
            return {p.src_uri for p in pages}
        return changed | {p.src_uri for p in drafts}

    def _changed_by_notes(self, pages: list[PlannedPage], notes: tuple[Note, ...]) -> set[str]:
        """The pages that show notes whose details changed; when the site's shape changed, those
        whose HTML differs from what the previous build wrote (each page rendered to compare)."""
        assert self._loaded is not None
        labels = tuple((t.slug, t.ko, t.en, t.description_ko, t.description_en, t.aliases) for t in self._loaded.tags.tags)
        changed = self.rebuild.changed_by_notes(pages, notes, site_shape(pages, notes, (labels, self.settings)))
        if changed is not None:
            return changed
        if not self.rebuild.page_digests:
            # First build: everything; digests are taken as pages render, and the keys now, so
            # that the first note added, renamed or deleted compares only what it may change.
            self.rebuild.page_keys = {p.src_uri: key for p in pages if (key := key_digest(p.key)) is not None}
            return {p.src_uri for p in pages}
        return self.rebuild.changed(self._page_digests(pages))

    def _page_digests(self, pages: list[PlannedPage]) -> dict[str, bytes]:
        """Every page's digest, every other page in a forked process on big sites: a page whose
        key (`PlannedPage.key`) is the one its last digest was made with keeps that digest; the
        others are rendered and digested (at 10,000 notes, rendering every page took 11 s of a
        note added). The HTML of changed pages rendered here is kept for MkDocs (`_ahead`)."""
        previous, keys = self.rebuild.page_digests, self.rebuild.page_keys
        context = self._pages_context
        assert context is not None

        def compared(page: PlannedPage) -> tuple[bytes | None, bytes, str | None]:
            key = key_digest(page.key)
            if key is not None and keys.get(page.src_uri) == key and page.src_uri in previous:
                return key, previous[page.src_uri], None
            html = page.render()
            return key, digest(_page_text(page, html)), html

        here, tail, there = pages, [], None
        if should_fork(len(pages), MIN_PAGES):
            for kind in {p.kind: p for p in pages}.values():
                kind.render()  # what a family computes on first use, computed once before the fork
                if kind.key is not None:
                    kind.key()
            here, tail = pages[::2], pages[1::2]  # every other page: each process gets every kind

            def there_job() -> tuple[list[tuple[bytes | None, bytes, str | None]], dict[str, Excerpt]]:
                found = [compared(p) for p in tail]  # the HTML of changed pages comes back for MkDocs
                return ([(k, d, html if html is not None and previous.get(p.src_uri) != d else None)
                         for p, (k, d, html) in zip(tail, found)], context.made_excerpts())  # for the next build

            child = Child(there_job)
            there = child.submit()
            child.close(cancel=False)
        current: dict[str, bytes] = {}
        new_keys: dict[str, bytes] = {}
        for page in here:
            key, current[page.src_uri], html = compared(page)
            if key is not None:
                new_keys[page.src_uri] = key
            if html is not None and previous.get(page.src_uri) != current[page.src_uri] and len(self._ahead) < AHEAD_LIMIT:
                self._ahead[page.src_uri] = html  # rendered once: MkDocs takes it from here
        if there is not None:
            try:
                found_there, excerpts = there.result()
                context.add_excerpts(excerpts)
            except ChildFailed as err:
                log.info("papernotes: comparing pages in a second process failed (%s); comparing here", err)
                found_there = [(*compared(p)[:2], None) for p in tail]
            for page, (key, found, html) in zip(tail, found_there):
                current[page.src_uri] = found
                if key is not None:
                    new_keys[page.src_uri] = key
                if html is not None and len(self._ahead) < AHEAD_LIMIT:
                    self._ahead[page.src_uri] = html
        self.rebuild.page_keys = new_keys
        return current

    def _start_page_worker(self, to_render: list[PlannedPage], child: Child) -> None:
        """`child` renders `to_render` in batches beside MkDocs (`PageWorker`)."""
        self._worker = PageWorker(to_render, child, wait=os.environ.get("PAPERNOTES_WORKER") == "1")

    def _start_later(self, site_dir: Path, taken: set[str], outputs: list[str], hurry: threading.Event) -> None:
        """`finish`'s thread: start the exports of the build just served, and report them, once
        the reloaded page has been fetched (`EXPORTS_AFTER`). When a newer build comes first,
        they are not started at all (that build writes what changed since the last exports):
        only the pages this build wrote are remembered, for the next one to delete when gone."""
        hurry.wait(EXPORTS_AFTER)
        if self._superseding:
            self._outputs |= set(outputs)
            return
        try:
            self._start_exports(site_dir, taken, outputs)
        except Exception as exc:  # noqa: BLE001 - reported like a failed writer
            self._exports = Future()
            self._exports.set_exception(exc)
        assert self._exports is not None
        self._exports.add_done_callback(self._report_exports)

    def _join_starter(self, *, superseded: bool = False) -> None:
        """Wait for `_start_later`: at once, and, when `superseded`, without starting the exports."""
        if self._starter is not None:
            self._superseding = superseded
            self._hurry.set()
            self._starter.join()
            self._starter = None
            self._superseding = False

    def _report_exports(self, exports: Future[tuple[int, tuple[float, int] | None]]) -> None:
        if exports.cancelled() or exports is self._superseded:
            return
        try:
            written, usage = exports.result()
        except Exception as err:
            if not self.serving:
                raise
            log.error("papernotes: writing the feeds, exports and search files failed: %s", err)
            return
        log.info("papernotes: %s feeds, BibTeX, export and search files written%s", f"{written:,}",
                 f" by a forked process (its {describe(*usage)})" if usage else "")

    def _stop_worker(self) -> None:
        if self._worker is not None:
            self._worker.close()
            self._worker = None


EXPORTS_AFTER = 0.5
"""Under serve, seconds between a build's end and the start of its exports: long enough for the
browser to reload and fetch the page (the planning of the exports and the fork of their writer
would compete with the server for this process), short beside the ~10 s they take."""
AHEAD_LIMIT = 1_000
"""Changed pages whose HTML, rendered to compare it, is kept for MkDocs (more are rendered again)."""


def _page_text(page: PlannedPage, html: str) -> str:
    """What a rebuild compares of a generated page: its HTML and what the theme prints around it."""
    meta = page.meta() if page.meta is not None else None
    return f"{html}\0{(page.title, page.feed, page.scripts, page.head, page.source, meta)!r}"


def check_planned(planned: list[PlannedPage], note_files: int) -> None:
    """Invariants: one note page per published note file, and no two generated pages on one URL."""
    note_pages = sum(1 for page in planned if page.kind == "note")
    if note_pages != note_files:
        raise BuildError(f"internal error: {note_files} note files but {note_pages} note pages planned")
    seen: dict[str, PlannedPage] = {}
    for page in planned:
        # casefold: on macOS and Windows file systems `notes/a/` and `notes/A/` are one folder.
        first = seen.setdefault(page.src_uri.casefold(), page)
        if first is not page:
            raise BuildError(f"internal error: the {first.kind} page {first.title!r} and the {page.kind} page "
                             f"{page.title!r} would both be written to {page.src_uri}")
