"""MkDocs hook: the only MkDocs-aware module. Loads and validates notes, adds generated pages.

Under `mkdocs serve` this module is not reloaded between builds, so every build recomputes
everything from `data/` and the only state kept is the current build's page table.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from papernotes import urls
from papernotes.index import build_index
from papernotes.load import load_site
from papernotes.outputs import plan_files
from papernotes.pages import GeneratedPage, Pages, Settings, plan_pages
from papernotes.search import plan_documents

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.papernotes")

_pages: dict[str, GeneratedPage] = {}
_note_dests: list[str] = []
_search_docs: list = []  # (path, render) of the documents Pagefind indexes
_settings = Settings()
_root = Path(".")


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
    )
    return None


def on_files(files: Files, config: MkDocsConfig) -> Files | None:
    _pages.clear()
    _note_dests.clear()
    _search_docs.clear()
    result = load_site(_root, "data")
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
    for page in planned:
        clash = files.get_file_from_path(page.src_uri)
        if clash is not None:
            raise PluginError(f"docs/{clash.src_uri} collides with the generated page {page.src_uri}; rename or remove it")
        meta = {"title": str(escape(page.title))}
        if not page.search:
            meta["search"] = {"exclude": True}
        files.append(File.generated(config, page.src_uri, content=f"---\n{json.dumps(meta, ensure_ascii=False)}\n---\n"))
        _pages[page.src_uri] = page
    in_notes = [f for f in files.documentation_pages() if f.dest_uri.startswith("notes/")]
    strays = [f.src_uri for f in in_notes if f.src_uri not in _pages]
    if strays or len(in_notes) != published:
        raise PluginError(f"{len(in_notes)} pages under notes/ but {published} published note files; only notes may publish "
                          f"pages there (remove {', '.join('docs/' + s for s in strays) or 'nothing'})")
    _note_dests.extend(f.abs_dest_path for f in in_notes)
    _search_docs.extend(plan_documents(index, renderer.html_of))
    for path, content in plan_files(index, _settings, renderer.html_of):
        clash = files.get_file_from_path(path)
        if clash is not None:
            raise PluginError(f"docs/{clash.src_uri} collides with the generated file {path}; rename or remove it")
        files.append(File.generated(config, path, content=content))
    if not _settings.site_url:
        log.info("papernotes: site_url is not set in mkdocs.yml, so feed and notes.json links are relative "
                 "to the file; set site_url for absolute links")
    log.info("papernotes: %d notes, %d generated pages", len(result.notes), len(_pages))
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


def on_post_build(config: MkDocsConfig) -> None:
    """Invariant: every note page was written (a theme or plugin error cannot lose one silently);
    then the search index."""
    missing = [dest for dest in _note_dests if not Path(dest).is_file()]
    if missing:
        raise PluginError(f"{len(missing)} note page(s) were not written: {', '.join(missing[:5])}")
    _write_search_index(config)


def on_page_markdown(markdown: str, page: Page, **kwargs: object) -> str | None:
    page.meta["pn_alternates"] = _alternates(page.file.src_uri)
    # Generated pages carry no Markdown: their HTML comes from the templates below.
    return "" if page.file.src_uri in _pages else None


def on_page_content(html: str, page: Page, **kwargs: object) -> str | None:
    generated = _pages.get(page.file.src_uri)
    return generated.render() if generated is not None else None


def _alternates(src_uri: str) -> list[dict[str, str]]:
    """The feeds a page advertises in its head: the site's, and its tag's on tag pages."""
    feeds = [{"title": f"{_settings.site_name} (Atom)", "href": urls.relative(src_uri, urls.feed())}]
    generated = _pages.get(src_uri)
    if generated is not None and generated.feed:
        feeds.append({"title": f"{_settings.site_name}: {generated.title} (Atom)", "href": urls.relative(src_uri, generated.feed)})
    return feeds


def _write_search_index(config: MkDocsConfig) -> None:
    """Index the notes with Pagefind (the binary from the pagefind wheel) into site/pagefind/.

    Pagefind reads our own search documents (papernotes.search explains why), written to a
    temporary folder that mirrors the note URLs."""
    if not _search_docs:
        log.info("papernotes: no notes, so no search index")
        return
    output = Path(config.site_dir).resolve() / urls.pagefind_dir()
    with tempfile.TemporaryDirectory(prefix="papernotes-search-") as tmp:
        for path, render in _search_docs:
            target = Path(tmp) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render(), encoding="utf-8")
        cmd = [sys.executable, "-m", "pagefind", "--site", tmp, "--output-path", str(output)]
        done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise PluginError(f"pagefind failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    log.info("papernotes: search index of %d notes written by pagefind", len(_search_docs))
