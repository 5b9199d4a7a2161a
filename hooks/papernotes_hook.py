"""MkDocs hook: the only MkDocs-aware module. Loads and validates notes, adds generated pages.

Under `mkdocs serve` this module is not reloaded between builds, so every build recomputes
everything from `data/`. The state kept here is the current build's: its page table, the page
worker (`prerender`) and the writer of the files that are not pages (`outputs`), which under
serve may still be finishing when the next build starts (`on_pre_build` waits for it). What the
core keeps across serve builds (each unchanged note's result, its HTML) lives in `load`,
`markup` and `pages`, keyed by content.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import Future, wait
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

from papernotes.site import urls
from papernotes.site.index import build_index
from papernotes.source.tree import LoadResult, load_site
from papernotes.outputs.files import FileClash, plan_files, start_writing, write_files
from papernotes.pages.render import GeneratedPage, Pages, Settings, plan_pages
from papernotes.build.page_worker import Prerenderer
from papernotes.build.page_worker import available as prerender_available
from papernotes.build.resources import describe, freeze_long_lived, own_usage, thaw
from papernotes.build.dirty import STATE, digest, site_shape

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.papernotes")

_pages: dict[str, GeneratedPage] = {}
_note_dests: list[str] = []
_settings = Settings()
_root = Path(".")
_worker: Prerenderer | None = None
_outputs: Future[tuple[object, tuple[float, int]]] | None = None  # feeds, BibTeX, notes.json, browse and search files, being written
WORKER_MIN_PAGES = 500
"""Below this many generated pages, starting a second process costs more than it saves."""


class _GeneratedFile(File):
    """A generated page that, under `--dirty`, reports itself unmodified when its HTML is unchanged."""

    unchanged = False

    def is_modified(self) -> bool:
        if self.unchanged and os.path.isfile(self.abs_dest_path):
            return False
        return super().is_modified()


def on_startup(command: str, dirty: bool, **kwargs: object) -> None:
    global _serving
    _serving = command == "serve"
    STATE.start(dirty)


_serving = False
"""Under `mkdocs serve` a build does not wait for the files that are not pages (feeds, search):
the edited page shows as soon as MkDocs has written it, and they follow a few seconds later."""


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    global _settings, _root
    options = dict((config.extra or {}).get("papernotes") or {})
    lang = options.get("default_lang", "ko")
    if lang not in ("ko", "en"):
        raise PluginError(f"mkdocs.yml: extra.papernotes.default_lang must be 'ko' or 'en', not {lang!r}")
    if not config.use_directory_urls:
        raise PluginError("mkdocs.yml: papernotes needs use_directory_urls: true (its links are directory URLs)")
    _root = Path(config.config_file_path).parent
    _settings = Settings(
        site_name=config.site_name,
        default_lang=lang,
        home_days=int(options.get("home_days", Settings.home_days)),
        tag_page_size=int(options.get("tag_page_size", Settings.tag_page_size)),
        site_url=config.site_url or None,
        day_page_size=int(options.get("day_page_size", Settings.day_page_size)),
        month_page_size=int(options.get("month_page_size", Settings.month_page_size)),
        home_notes=int(options.get("home_notes", Settings.home_notes)),
    )
    return None


def on_pre_build(config: MkDocsConfig) -> None:
    _drain_outputs()  # before MkDocs cleans site/ for this build


def on_files(files: Files, config: MkDocsConfig) -> Files | None:
    _pages.clear()
    _note_dests.clear()
    freeze_long_lived()  # MkDocs' config and files
    result = load_site(_root, "data")
    freeze_long_lived()  # the notes
    for problem in result.warnings:
        log.warning(problem.format())
    if result.errors:
        listed = "\n".join(p.format() for p in result.errors)
        raise PluginError(f"{len(result.errors)} error(s) in the notes; nothing was built:\n{listed}")
    if result.drafts:
        log.info("papernotes: %d draft(s) not published: %s", len(result.drafts), ", ".join(n.source for n in result.drafts))
    if len(result.notes) + len(result.drafts) != result.files:
        raise PluginError(f"internal error: {result.files} note files but {len(result.notes)} notes "
                          f"and {len(result.drafts)} drafts loaded")

    published = result.files - len(result.drafts)  # drafts are note files without a page
    index = build_index(result.notes, result.tags)
    renderer = Pages(index, _settings)
    planned = plan_pages(index, _settings, renderer)
    check_planned(planned, published)
    changed = _changed_pages(planned, result) if STATE.dirty else None
    global _worker
    _stop_worker()
    if _wants_worker(len(planned) if changed is None else len(changed)):
        _worker = Prerenderer(planned, wait=os.environ.get("PAPERNOTES_WORKER") == "1")
    for page in planned:
        clash = files.get_file_from_path(page.src_uri)
        if clash is not None:
            raise PluginError(f"docs/{clash.src_uri} collides with the generated page {page.src_uri}; rename or remove it")
        file = _GeneratedFile.generated(config, page.src_uri, content="")  # title set in on_page_markdown
        file.unchanged = changed is not None and page.src_uri not in changed
        files.append(file)
        _pages[page.src_uri] = page
    in_notes = [f for f in files.documentation_pages() if f.dest_uri.startswith("notes/")]
    strays = [f.src_uri for f in in_notes if f.src_uri not in _pages]
    if strays or len(in_notes) != published:
        raise PluginError(f"{len(in_notes)} pages under notes/ but {published} published note files; only notes may publish "
                          f"pages there (remove {', '.join('docs/' + s for s in strays) or 'nothing'})")
    _note_dests.extend(f.abs_dest_path for f in in_notes)
    _start_outputs(config, files, index, renderer)
    if not _settings.site_url:
        log.info("papernotes: site_url is not set in mkdocs.yml, so feed and notes.json links are relative "
                 "to the file; set site_url for absolute links")
    freeze_long_lived()  # the pages and files just planned
    log.info("papernotes: %d notes, %d generated pages%s", len(result.notes), len(_pages),
             f", {len(changed)} changed since the last build" if changed is not None else "")
    return files


def check_planned(planned: list[GeneratedPage], note_files: int) -> None:
    """Invariants: one note page per published note file, and no two generated pages on one URL."""
    note_pages = sum(1 for page in planned if page.kind == "note")
    if note_pages != note_files:
        raise PluginError(f"internal error: {note_files} note files but {note_pages} note pages planned")
    seen: dict[str, GeneratedPage] = {}
    for page in planned:
        # casefold: on macOS and Windows file systems `notes/a/` and `notes/A/` are one folder.
        first = seen.setdefault(page.src_uri.casefold(), page)
        if first is not page:
            raise PluginError(f"internal error: the {first.kind} page {first.title!r} and the {page.kind} page "
                              f"{page.title!r} would both be written to {page.src_uri}")


def on_env(env: object, config: MkDocsConfig, files: Files) -> None:
    freeze_long_lived()  # MkDocs has now read every page; those objects live until the end too


def on_post_build(config: MkDocsConfig) -> None:
    """Invariant: every note page was written (a theme or plugin error cannot lose one silently)."""
    thaw()
    _stop_worker()
    missing = [dest for dest in _note_dests if not Path(dest).is_file()]
    if missing:
        raise PluginError(f"{len(missing)} note page(s) were not written: {', '.join(missing[:5])}")
    _finish_outputs()
    log.info("papernotes: the MkDocs process's %s", describe(*own_usage()))


def _changed_pages(planned: list[GeneratedPage], result: LoadResult) -> set[str]:
    """Under --dirty: the pages MkDocs must render again; it skips the theme and the write for the rest."""
    labels = tuple((t.slug, t.ko, t.en, t.description, t.aliases) for t in result.tags.tags)
    changed = STATE.changed_by_notes(planned, result.notes, site_shape(planned, result.notes, (labels, _settings)))
    if changed is not None:
        return changed
    if not STATE.page_digests:
        return {p.src_uri for p in planned}  # first build: everything, digests are taken as pages render
    return STATE.changed({p.src_uri: digest(p.render()) for p in planned})


def on_page_markdown(markdown: str, page: Page, **kwargs: object) -> str | None:
    page.meta["pn_alternates"] = _alternates(page.file.src_uri)
    # Generated pages carry no Markdown: their HTML comes from the templates below.
    generated = _pages.get(page.file.src_uri)
    if generated is None:
        return None
    # Escaped here because mkdocs-material prints page titles unescaped (issue 4).
    page.meta["title"] = str(escape(generated.title))
    # Hack: MkDocs builds a whole Markdown parser for every page, even for empty text (about a
    # tenth of a big build); give our pages a render that does what it would do with "".
    page.render = lambda config, files: _render_empty(page)  # type: ignore[method-assign]
    return ""


def _render_empty(page: Page) -> None:
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set()


def on_page_content(html: str, page: Page, **kwargs: object) -> str | None:
    generated = _pages.get(page.file.src_uri)
    if generated is None:
        return None
    if _worker is not None:
        return ""  # the worker's HTML is put in place in on_page_context, just before the theme
    html = generated.render()
    if STATE.dirty:
        STATE.record(generated.src_uri, html)
    return html


def _alternates(src_uri: str) -> list[dict[str, str]]:
    """The feeds a page advertises in its head: the site's, and its tag's on tag pages."""
    feeds = [{"title": f"{_settings.site_name} (Atom)", "href": urls.relative(src_uri, urls.feed())}]
    generated = _pages.get(src_uri)
    if generated is not None and generated.feed:
        feeds.append({"title": f"{_settings.site_name}: {generated.title} (Atom)", "href": urls.relative(src_uri, generated.feed)})
    return feeds


def _start_outputs(config: MkDocsConfig, files: Files, index: object, renderer: Pages) -> None:
    """Write the files that are not pages straight into site/ (MkDocs has cleaned it): in a
    forked process on big sites, here otherwise. `on_post_build` waits for them."""
    global _outputs
    site_dir = Path(config.site_dir)
    taken = {f.dest_uri for f in files if not f.is_documentation_page()}
    job = lambda: write_files(site_dir, plan_files(index, _settings, renderer.html_of), taken)  # noqa: E731
    if _wants_worker(len(_pages)):  # a big site (even when --dirty renders few pages): ~5 s at 10,000 notes
        _outputs = start_writing(job)
    else:
        _outputs = Future()
        try:
            _outputs.set_result((job(), None))
        except Exception as exc:  # noqa: BLE001 - reported by _finish_outputs like the forked case
            _outputs.set_exception(exc)


def _finish_outputs() -> None:
    """Report the written files, a clash as a build error. Under serve, report them when they
    are done instead, so the build (and the page the author is looking at) ends first."""
    global _outputs
    if _outputs is None:
        return
    if _serving:
        _outputs.add_done_callback(_report_outputs)  # the next build waits for it (_drain_outputs)
        return
    outputs, _outputs = _outputs, None
    try:
        _report_outputs(outputs)
    except FileClash as err:
        raise PluginError(str(err)) from None
    except Exception as err:  # noqa: BLE001 - e.g. the forked writer was killed: say what failed
        raise PluginError(f"writing the feeds, exports and search files failed: {err!r}") from err


def _drain_outputs() -> None:
    """Wait for the previous serve build's writer, if it still runs: one writer at a time."""
    global _outputs
    if _outputs is not None:
        wait([_outputs])
        _outputs = None


def _report_outputs(outputs: Future) -> None:
    if outputs.cancelled():
        return
    try:
        count, usage = outputs.result()
    except Exception as err:
        if not _serving:
            raise
        log.error("papernotes: writing the feeds, exports and search files failed: %s", err)
        return
    log.info("papernotes: %d feeds, BibTeX, export and search files written%s", count,
             f" by a forked process (its {describe(*usage)})" if usage else "")


@event_priority(100)  # before the search plugin reads the content
def on_page_context(context: dict, page: Page, **kwargs: object) -> dict | None:
    # MkDocs first collects every page's content, then renders the theme page by page. With a
    # worker, our HTML is taken only now, so the worker renders during both phases, on its own core.
    generated = _pages.get(page.file.src_uri)
    if generated is not None and _worker is not None:
        ahead = _worker.html(generated.src_uri)
        page.content = ahead if ahead is not None else generated.render()
        if STATE.dirty:
            STATE.record(generated.src_uri, page.content)
    return context


def on_post_page(output: str, page: Page, **kwargs: object) -> str | None:
    # MkDocs keeps every page's content until the build ends; ours is written now and nothing
    # reads it again, so let it go (about a third of the process's memory at 10,000 notes).
    if page.file.src_uri in _pages:
        page.content = ""
    return None


def on_build_error(error: Exception) -> None:
    thaw()
    _stop_worker()
    global _outputs
    if _outputs is not None and _outputs.cancel():
        _outputs = None  # otherwise still writing: the next build waits for it


def _wants_worker(pages: int) -> bool:
    """Whether a second process takes work on a site of this many pages (to render or to write):
    on big sites with a spare core; PAPERNOTES_WORKER=0/1 forces it."""
    forced = os.environ.get("PAPERNOTES_WORKER")
    if forced in ("0", "1"):
        return forced == "1" and prerender_available()
    return pages >= WORKER_MIN_PAGES and (os.cpu_count() or 1) >= 2 and prerender_available()


def _stop_worker() -> None:
    global _worker
    if _worker is not None:
        _worker.close()
        _worker = None
