"""MkDocs hook: the only MkDocs-aware module. It hands MkDocs' objects to the core's `Build`
and turns the core's errors into `PluginError`s; the work is in `papernotes.session.session`.

MkDocs imports this module once per process (`mkdocs serve` does not reload it), so the one
`Build`, made in `on_startup`, holds everything a serve session keeps. It knows whether it
serves (`on_startup`'s `command`): under `serve` broken notes do not stop the build, and every
page gets the banner of problems (`on_post_page`); `mkdocs build` refuses them.
"""

from __future__ import annotations

import functools
import logging
import os
import posixpath
import re
import threading
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator
from urllib.parse import unquote, urljoin, urlsplit

import mkdocs
from jinja2 import TemplateNotFound
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_build_date, get_relative_url

import papernotes
from papernotes.report import count
from papernotes.session.kept import input_stamp
from papernotes.session.resources import return_large_blocks
from papernotes.session.session import Build, BuildError
from papernotes.session.watch import Watch, watch_notes
from papernotes.config import SettingsError, edit_root, read_settings, repeated_setting
from papernotes.pages.context import PlannedPage
from papernotes.pages.registry import LEAN_KINDS, READING_LIST_KINDS
from papernotes.pages.fragments import label, theme_label, theme_lang, theme_text
from papernotes.pages.modules import ModuleGraph
from papernotes.markup import glue_endings
from papernotes.pages.compact import strip_indentation
from papernotes.pages.problems import PROBLEMS_SLOT, add_banner
from papernotes.pages.shell import TEMPLATE as GENERATED_TEMPLATE, Shells, page_global, title_filters
from papernotes.pages.template_code import TEMPLATE_CODE

if TYPE_CHECKING:
    from jinja2 import Environment, Template
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

log = logging.getLogger("mkdocs.plugins.papernotes")
build = Build()
return_large_blocks()  # before the build allocates its pages (session/resources.py says why)


class GeneratedFile(File):
    """A generated page that, under `--dirty`, reports itself unmodified when its HTML is unchanged."""

    unchanged = False

    def is_modified(self) -> bool:
        if self.unchanged and Path(self.abs_dest_path).is_file():
            return False
        return super().is_modified()

    @property
    def src_path(self) -> str:
        return os.path.normpath(self.src_uri)

    @src_path.setter
    def src_path(self, value: str) -> None:
        # Our pages' paths are POSIX already (catalog/urls.py): MkDocs' setter makes a PurePath of
        # each, 19,000 a save at 10,000 notes.
        self.src_uri = value

    @classmethod
    def planned(cls, config: MkDocsConfig) -> Callable[[str], GeneratedFile]:
        """What makes this build's generated files: `File.generated(config, src_uri, content="")`
        with the page's destination given as MkDocs derives it (`_dest_uri`) and the config read
        once (it was ~0.3 s of a save for 19,000 files)."""
        site_dir, directory_urls = config.site_dir, config.use_directory_urls
        by = config.plugins._current_plugin or "<unknown>"

        def make(src_uri: str) -> GeneratedFile:
            file = cls(src_uri, src_dir=None, dest_dir=site_dir, use_directory_urls=directory_urls,
                       dest_uri=_dest_uri(src_uri, directory_urls))
            file.generated_by = by
            file.abs_src_path = None
            file._content = ""
            return file

        return make


def _dest_uri(src_uri: str, directory_urls: bool) -> str:
    """Where MkDocs writes the Markdown page `src_uri` (`File._get_dest_path`): `a/b.md` to
    `a/b/index.html` with directory URLs, else `a/b.html`; an index or README to `index.html`."""
    stem = src_uri[: -len(".md")]
    name = stem.rpartition("/")[2]
    if name in ("index", "README"):
        return stem[: len(stem) - len(name)] + "index.html"
    return stem + ("/index.html" if directory_urls else ".html")


_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>#?]+\.md)(?:[#?][^)\s>]*)?>?(?:\s[^)]*)?\)|^\s*\[[^\]]+\]:\s*<?([^\s>#?]+\.md)", re.M)
"""A Markdown link or link definition to a `.md` file (its target, without anchor or query)."""


def _docs_links(docs: list[File]) -> set[str]:
    """The pages (`src_uri`) the Markdown of `docs/` links to, as MkDocs resolves a link:
    relative to the linking page, or to `docs/` when it starts with `/`."""
    found = set()
    for file in docs:
        if not file.abs_src_path:
            continue
        try:
            text = Path(file.abs_src_path).read_text(encoding="utf-8-sig", errors="replace")
        except OSError:
            continue
        base = posixpath.dirname(file.src_uri)
        for match in _MD_LINK.finditer(text):
            target = unquote(match.group(1) or match.group(2))
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
            found.add(posixpath.normpath(path))
    return found


class StubPage(Page):
    """A generated page: no Markdown to read or convert (MkDocs would build a whole Markdown
    parser for every page, about a tenth of a big build); its HTML comes from the core."""

    def __init__(self, planned: PlannedPage, file: File, config: MkDocsConfig, nav_title: str | None) -> None:
        super().__init__(nav_title, file, config)  # as MkDocs would make it, had the nav found it first
        self.planned = planned
        # MkDocs would link docs/<src_uri>, which does not exist: a note's own file, or nothing.
        self.edit_url = build.edit_url(planned.src_uri)

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        # Escaped here because mkdocs-material prints page titles unescaped (issue 4). The
        # template draws the theme's page around it once per kind of page (pages/shell.py).
        self.meta = {"title": str(escape(self.planned.title)), "template": GENERATED_TEMPLATE}

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = build.content(self.planned)
        self.toc = get_toc([])
        self.present_anchor_ids = set()


PACKAGE = Path(papernotes.__file__).resolve().parent
TEMPLATES = PACKAGE / "pages" / "templates"
_code_at_start: tuple | None = None
"""Under serve, the package's files when the server started (`input_stamp`): what it runs."""


def on_startup(command: str, dirty: bool, **kwargs: object) -> None:
    global build, _code_at_start
    build = Build(serving=command == "serve", dirty=dirty)
    _code_at_start = _code_stamp() if command == "serve" else None


def _code_stamp() -> tuple:
    return input_stamp(sorted(PACKAGE.rglob("*.py")))   # not the compiled files Python writes as it goes


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    root = Path(config.config_file_path).parent
    docs_to_root = os.path.relpath(root.resolve(), Path(config.docs_dir).resolve()).replace(os.sep, "/")
    try:
        settings = read_settings((config.extra or {}).get("papernotes"), site_name=config.site_name,
                                 site_url=config.site_url, use_directory_urls=config.use_directory_urls,
                                 edit_root=edit_root(config.repo_url, config.edit_uri, docs_to_root),
                                 font=config.theme.get("font"))
    except SettingsError as err:
        raise PluginError(str(err)) from None
    repeated = repeated_setting(Path(config.config_file_path))
    if repeated is not None:
        raise PluginError(repeated)
    # What every page's shell depends on: a change there makes a serve rebuild render every page.
    # Our page templates too: an edited template changes pages whose notes did not change.
    inputs = [Path(config.config_file_path), Path(config.docs_dir), TEMPLATES]
    if config.theme.custom_dir:
        inputs.append(Path(config.theme.custom_dir))
    build.configure(settings, root, inputs)
    if _code_at_start is not None and _code_stamp() != _code_at_start:
        # Python cannot swap a running server's modules safely: say so, rather than serve pages
        # the new code would not write as if they were up to date.
        log.warning("papernotes: its code under %s changed since `mkdocs serve` started; this server still "
                    "runs the code it started with: stop it (Ctrl+C) and start it again to see the change",
                    os.path.relpath(PACKAGE))
    return None


def on_pre_build(config: MkDocsConfig) -> None:
    build.before_build(Path(config.site_dir))  # before MkDocs cleans site/ for this build


def on_files(files: Files, config: MkDocsConfig) -> Files | None:
    _drop_theme_scripts(files, config)
    try:
        titles = dict(_nav_titles(config.nav or []))
        plan = build.plan({f.src_uri for f in files}, always=titles)
        if config.strict and build.warnings and not logging.getLogger("mkdocs").isEnabledFor(logging.WARNING):
            # `mkdocs build --strict -q`: MkDocs counts the warnings its log lets through, and
            # -q lets none through, so the strict build passed where `papernotes check` failed.
            listed = "\n".join(p.format() for p in build.warnings)
            raise BuildError(f"{count(len(build.warnings), 'warning')} in the notes fail a strict build:\n{listed}")
        kept: list[tuple[File, PlannedPage]] = []
        generated = GeneratedFile.planned(config)
        for planned in plan.pages:
            file = generated(planned.src_uri)
            file.unchanged = planned.src_uri in plan.unchanged
            if planned.src_uri in plan.keep:
                kept.append((file, planned))  # a page only if its file is not kept after all (below)
            else:
                StubPage(planned, file, config, titles.get(planned.src_uri))
            files.append(file)
        docs = files.documentation_pages(inclusion=lambda _: True)  # one pass over the ~19,000 files at 10,000 notes
        build.check_notes_folder([(f.src_uri, f.dest_uri) for f in docs if f.inclusion.is_included()], config.site_dir)
        # Plain serve: the previous output comes back, and MkDocs leaves the unchanged pages out
        # of this build (links to them still resolve); see session/kept.py. They get no Page
        # object (19,000 of them cost seconds per save at 10,000 notes); the sitemap still lists
        # them (on_template_context).
        taken = build.keep({f.src_uri: f.dest_uri for f, _ in kept}, Path(config.site_dir))
        for file, planned in kept:
            if file.src_uri in taken:
                file.inclusion = InclusionLevel.EXCLUDED
            else:
                StubPage(planned, file, config, titles.get(planned.src_uri))
        _pages[:] = [f for f in docs if f.inclusion.is_included() or f.src_uri in taken] if taken else []
        _kept_uris.clear()
        _kept_uris.update(taken)
        _conversions_of(build).planned = True
        copied, outputs = set(), []
        for f in files:
            if f.inclusion.is_included() or f.src_uri in taken:
                outputs.append(f.dest_uri)
            if not f.is_documentation_page():
                copied.add(f.dest_uri)
        if taken:
            # A kept page is already served: MkDocs needs its file only where a docs/ page links
            # to it (the link resolves). Every other one leaves the list, which MkDocs walks
            # seven times a build (19,000 files a save at 10,000 notes, ~0.3 s).
            linked = _docs_links(docs)
            for file, _ in kept:
                if file.src_uri in taken and file.src_uri not in linked:
                    files.remove(file)
        build.start_exports(Path(config.site_dir), copied, outputs)
    except BuildError as err:
        raise PluginError(str(err)) from None
    return files


_kept_uris: set[str] = set()
"""Under plain serve: the pages this build keeps from the last one (marked EXCLUDED for MkDocs)."""


class _Conversions:
    """Under serve: each `docs/` Markdown page's HTML from the last build, used again while its
    Markdown, its URL and the Markdown settings are the same, and every file its links looked
    up is found as it was (`_Lookups`). Saving a note changes none of them, and converting the
    guide and the benchmarks page (the longest Markdown of the site) was a fifth of a save at
    10,000 notes; a note added or deleted changes only the pages that link to it (the whole
    list of files was the key, so every page was converted again). What the conversion logged
    (a link to a missing page) is logged again with the HTML, so a save says what a build says."""

    def __init__(self) -> None:
        self.planned = False
        """Whether this session's `on_files` ran (the files the links resolve against are known)."""
        self.last: dict[str, tuple[tuple, dict[str, tuple[str, bool] | None], dict[str, object], list[logging.LogRecord]]] = {}

    def render(self, page: Page, render: Callable[[MkDocsConfig, Files], None], config: MkDocsConfig, files: Files) -> None:
        key = (page.markdown, page.url, repr(config["markdown_extensions"]),
               repr(config["mdx_configs"]), repr(config.validation), config.use_directory_urls)
        found = self.last.get(page.file.src_uri)
        if found is not None and found[0] == key and self.planned \
                and all(_found(files.get_file_from_path(path)) == was for path, was in found[1].items()):
            _, _, state, records = found
            for name, value in state.items():
                setattr(page, name, value)
            anchors = state.get("links_to_anchors")
            if anchors:  # keyed by the last build's File objects: this build's, found by path
                page.links_to_anchors = {target: links for uri, links in anchors.items()
                                         if (target := files.get_file_from_path(uri)) is not None}
            for record in records:
                logging.getLogger(record.name).handle(record)
            return
        records: list[logging.LogRecord] = []
        catch = _Records(records)
        lookups = _Lookups(files)
        logging.getLogger("mkdocs").addHandler(catch)
        try:
            render(config, lookups)  # type: ignore[arg-type] - MkDocs only looks files up by path
        finally:
            logging.getLogger("mkdocs").removeHandler(catch)
        state = {name: getattr(page, name) for name in _RENDERED if hasattr(page, name)}
        if state.get("links_to_anchors"):
            state["links_to_anchors"] = {f.src_uri: links for f, links in page.links_to_anchors.items()}
        self.last[page.file.src_uri] = (key, lookups.seen, state, records)


class _Lookups:
    """The build's files as a `docs/` page's conversion sees them: MkDocs resolves each link
    with `get_file_from_path` (the target, then its guesses for a link that finds nothing), and
    the HTML and warnings depend on what each lookup found (`_found`), which this records."""

    def __init__(self, files: Files) -> None:
        self._files = files
        self.seen: dict[str, tuple[str, bool] | None] = {}

    def get_file_from_path(self, path: str) -> File | None:
        file = self._files.get_file_from_path(path)
        self.seen[path] = _found(file)
        return file

    def __getattr__(self, name: str) -> Any:
        return getattr(self._files, name)


def _found(file: File | None) -> tuple[str, bool] | None:
    """What a link's conversion reads of the file it finds: its URL, and whether it is excluded
    from the site (a page kept from the last serve build is served: `_KeptLinkFilter`)."""
    return None if file is None else (file.url, file.inclusion.is_excluded() and file.src_uri not in _kept_uris)


_RENDERED = ("content", "toc", "_title_from_render", "present_anchor_ids", "links_to_anchors")
"""What MkDocs' `Page.render` sets on the page (mkdocs/structure/pages.py)."""


class _Records(logging.Handler):
    def __init__(self, into: list[logging.LogRecord]) -> None:
        super().__init__(logging.INFO)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == threading.get_ident():  # not what the exports' thread says meanwhile
            self.into.append(record)


_conversions: weakref.WeakKeyDictionary[Build, _Conversions] = weakref.WeakKeyDictionary()
"""Each serve session's (one per process, but the tests build beside a session)."""


def _conversions_of(session: Build) -> _Conversions:
    found = _conversions.get(session)
    if found is None:
        found = _conversions[session] = _Conversions()
    return found


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page | None:
    if build.serving and not isinstance(page, StubPage):
        page.render = functools.partial(_conversions_of(build).render, page, page.render)  # type: ignore[method-assign]
    return None


class _KeptLinkFilter(logging.Filter):
    """MkDocs says a `docs/` page "contains a link to 'wanted/index.md' which is excluded from
    the built site" when the target is a page kept from the last serve build: it is served, and
    the link works, so the message would be false (and came on every save)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _kept_uris and "which is excluded from the built site" in str(record.msg):
            found = _EXCLUDED_TARGET.search(str(record.msg))
            return found is None or found.group(1) not in _kept_uris
        return True


_EXCLUDED_TARGET = re.compile(r"contains a link to '([^']+)' which is excluded from the built site")
logging.getLogger("mkdocs.structure.pages").addFilter(_KeptLinkFilter())


def _drop_theme_scripts(files: Files, config: MkDocsConfig) -> None:
    """The theme's script, its search worker and lunr (2.3 MB) are not loaded by any page
    (docs/assets/theme.js does what the site uses of them): they are not copied to the site."""
    docs = Path(config.docs_dir).resolve()
    for file in [f for f in files if f.src_uri.startswith("assets/javascripts/")]:
        if file.abs_src_path and not Path(file.abs_src_path).resolve().is_relative_to(docs):
            files.remove(file)


_pages: list[File] = []
"""This build's pages, the kept ones included: what MkDocs' sitemap.xml lists after a clean build."""


def on_pre_template(template: Template, template_name: str, config: MkDocsConfig) -> Template | None:
    if template_name == "sitemap.xml" and build.kept is not None:
        return _Sitemap(template)  # type: ignore[return-value] - MkDocs only calls its render()
    return None


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict | None:
    if template_name == "sitemap.xml" and build.kept is not None:  # plain serve
        date = get_build_date()
        # Not the pages only serve shows (a broken note's draft page, a `draft: true` note's
        # preview): a build publishes neither (a serve QA pass found the preview listed).
        listed = [f for f in _pages or context["pages"] if f.src_uri not in build.draft_pages]
        key, text = build.last_sitemap([f.src_uri for f in listed], config.site_url, date)
        context["pn_sitemap"] = (key, text)
        if text is None:
            context["pages"] = [f if f.page is not None else _KeptEntry(f, config.site_url, date) for f in listed]
    return None


class _Sitemap:
    """MkDocs' sitemap.xml template under plain serve: the last build's text when the list of
    pages, the site URL, the date and the theme are the same (`Build.last_sitemap`)."""

    def __init__(self, template: Template) -> None:
        self.template = template

    def render(self, context: dict) -> str:
        key, text = context.get("pn_sitemap", (None, None))
        if text is not None:
            return text
        text = sitemap_text(context["pages"]) if self.template.filename == MKDOCS_SITEMAP else self.template.render(context)
        if key is not None:
            build.remember_sitemap(key, text)
        return text


MKDOCS_SITEMAP = os.path.join(os.path.dirname(mkdocs.__file__), "templates", "sitemap.xml")
"""MkDocs' own sitemap template; a theme may have its own, which is rendered as it is."""


def sitemap_text(pages: list) -> str:
    """What MkDocs' sitemap.xml template writes for `pages` (its files, or `_KeptEntry`s), 10
    times faster than the template (0.2-0.5 s per note added or removed under serve at
    10,000 notes); `test_the_sitemap_is_what_mkdocs_template_writes` compares the two."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for file in pages:
        page = file.page
        if page.is_link or not (page.abs_url or page.canonical_url):
            continue
        loc = escape(page.canonical_url or page.abs_url)
        date = page.update_date
        parts.append(f"\n    <url>\n         <loc>{loc}</loc>\n         "
                     + (f"<lastmod>{date}</lastmod>" if date else "") + "\n    </url>")
    parts.append("\n</urlset>")
    return "".join(parts)


class _KeptEntry:
    """A page kept from the previous serve build as MkDocs' sitemap.xml reads it (`file.page`'s
    link, URLs and date), without a `Page` object."""

    is_link = False

    def __init__(self, file: File, site_url: str | None, date: str) -> None:
        self.page = self
        base = site_url if not site_url or site_url.endswith("/") else site_url + "/"
        url = file.url
        if not base:
            self.canonical_url = self.abs_url = None
        elif url[:1] in ("/", ".") or ":" in url:  # what only urljoin gets right (MkDocs' Page uses it)
            self.canonical_url = urljoin(base, url)
            self.abs_url = urlsplit(self.canonical_url).path
        else:  # a plain relative path, as every generated page's: joined as urljoin does, 20x faster
            self.canonical_url = base + url
            self.abs_url = _path_of(base) + url
        self.update_date = date


@functools.lru_cache(maxsize=4)
def _path_of(base: str) -> str:
    return urlsplit(base).path


def _nav_titles(items: list) -> Iterator[tuple[str, str]]:
    """(file, title) of every `Title: file.md` entry of mkdocs.yml's `nav`, nested sections included."""
    for item in items:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    yield value, title
                elif isinstance(value, list):
                    yield from _nav_titles(value)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment | None:
    # The theme's own strings in both languages (overrides/partials/): `English · 한국어` pairs from
    # mkdocs.yml become spans the language switch's CSS chooses from.
    env.filters["pn_text"], env.filters["pn_lang"] = title_filters(theme_text, theme_lang)
    env.filters["pn_label"] = theme_label
    env.filters["pn_sidebar_key"] = _sidebar_key
    env.filters["pn_root_key"] = _root_key
    env.filters["pn_shell_key"] = _shell_key
    env.filters["pn_scripts_key"] = _scripts_key
    env.globals["pn_cached"] = _cached
    # A serve rebuild makes a new environment: the theme's templates compiled once per process.
    env.bytecode_cache = TEMPLATE_CODE
    # The modules a page's modules import, for its `modulepreload` links (overrides/main.html).
    env.filters["pn_imports"] = ModuleGraph(Path(config.docs_dir)).imports
    env.globals["pn_lean_kinds"] = LEAN_KINDS
    env.globals["pn_reading_list_kinds"] = READING_LIST_KINDS
    _theme_parts.clear()  # the nav or the config may have changed since the last build
    global _shells
    try:
        env.get_template(GENERATED_TEMPLATE)
        _shells = Shells(env, list(config.theme.get("features") or []), "partials/pn-page-head.html", theme_text, theme_lang)
    except TemplateNotFound:  # a theme folder without our templates: main.html renders every page
        _shells = None
        for file in files:
            if isinstance(file.page, StubPage):
                file.page.meta.pop("template", None)
    env.globals["pn_generated_page"] = page_global(lambda: _shells, _sidebar_key)
    build.gc.freeze()  # MkDocs has now read every page; those objects live until the end too
    return env


_shells: Shells | None = None
"""This build's theme pages around generated pages, by kind of page (pages/shell.py)."""

_theme_parts: dict[tuple[str, object], str] = {}
"""Parts of the theme's page rendered once and reused (`_cached`), for one build."""


def _sidebar_key(page: Page | None, nav: Navigation | None) -> tuple[str, ...] | None:
    """What the theme's sidebars (site navigation, table of contents) depend on for `page`, or
    None when that is more than its links: a page in the navigation (marked there), with a
    table of contents, or hiding a sidebar. Otherwise the sidebars differ only in their relative
    links: to the navigation's pages (in the key) and to the site's assets (the way up to the
    root, the first key, and the page's top folder, the second)."""
    if page is None or nav is None or page.toc or (page.meta or {}).get("hide"):
        return None
    in_nav = getattr(nav, "_pn_pages", None)
    if in_nav is None:
        in_nav = nav._pn_pages = {id(p): p.url for p in nav.pages}  # type: ignore[attr-defined]
    if page.parent is not None or id(page) in in_nav:
        return None
    here = page.url
    return (get_relative_url(".", here), here.split("/", 1)[0], *(get_relative_url(url, here) for url in in_nav.values()))


def _root_key(page: Page | None) -> tuple[str, str] | None:
    """What a part of the theme that links only to the site's root and assets depends on: the
    way up to the root and the page's top folder (None without a page)."""
    if page is None:
        return None
    return get_relative_url(".", page.url), page.url.split("/", 1)[0]


def _shell_key(page: Page | None) -> tuple[str, str, bool] | None:
    """What the theme's header without the page's title depends on: the way up to the root, the
    page's top folder, and whether the page has the lean shell (no drawer button)."""
    root = _root_key(page)
    if root is None:
        return None
    return (*root, (page.meta or {}).get("pn_kind") in LEAN_KINDS)


def _scripts_key(page: Page | None) -> tuple | None:
    """What main.html's scripts block depends on: the way up to the root and the page's top folder,
    its kind and scripts (`_set_page_meta`), and whether it is the reading list's own page."""
    root = _root_key(page)
    if root is None:
        return None
    meta = page.meta or {}
    return (*root, meta.get("pn_kind"), tuple(meta.get("pn_scripts") or ()), page.file.src_uri == "list/index.md")


def _cached(name: str, key: tuple[str, ...] | None, caller: Callable[[], str]) -> str:
    """The block `caller` renders, rendered once per (name, key) in a build; every time when
    `key` is None (the part depends on more than a key can say)."""
    if key is None:
        return caller()
    found = _theme_parts.get((name, key))
    if found is None:
        found = _theme_parts[(name, key)] = caller()
    return found


_PAGE_META = ("pn_alternates", "pn_meta", "description", "pn_kind", "pn_scripts", "pn_head")
"""What the hook adds to a page's meta for the theme: set just before the page is rendered and
dropped once it is written, so one page's worth is alive at a time (set for every page at once,
they held ~35 MB of the MkDocs process at 10,000 notes)."""


def _set_page_meta(page: Page) -> None:
    page.meta["pn_alternates"] = build.alternates(page.file.src_uri)
    found = build.page_meta(page.file.src_uri)
    if found is not None:
        page.meta["pn_meta"] = found
        # mkdocs-material prints page.meta.description unescaped, as it does titles (issue 4).
        page.meta["description"] = str(escape(found["description"]))
    planned = build.page(page.file.src_uri)
    page.meta["pn_kind"] = planned.kind if planned is not None else None
    page.meta["pn_scripts"] = list(planned.scripts) if planned is not None else []
    page.meta["pn_head"] = list(planned.head) if planned is not None else []


_HEADERLINK = re.compile(r'(<h[1-6][^>]*>)((?:(?!</h[1-6]>).)*?)(<a class="headerlink" href="[^"]*") title="([^"]*)"', re.DOTALL)
"""A heading of a Markdown page, its text and the permanent link beside it (the `toc` extension's
`permalink`, which ends the heading)."""


def _name_headerlink(m: re.Match[str]) -> str:
    """The heading's permanent link named by its heading, in the reader's language ("이 절의 링크:
    <heading>"; lang.js swaps it with the switch): its name was its text, "¶". The visible ¶ stays.
    `permalink_title` written as a pair (mkdocs.yml) gets the reader's half, as the theme's own
    labels do; one string stays as it is."""
    heading = Markup(m[2]).striptags()
    return (f"{m[1]}{m[2]}{m[3]} {theme_label(Markup(m[4]).unescape(), 'title')} "
            f"{label(f'이 절의 링크: {heading}', f'Link to this section: {heading}')}")


@event_priority(100)  # before other plugins read the content or the meta
def on_page_context(context: dict, page: Page, **kwargs: object) -> dict | None:
    _set_page_meta(page)
    if isinstance(page, StubPage):
        late = build.late_content(page.planned)
        if late is not None:
            page.content = late
    elif page.content and 'class="headerlink"' in page.content:
        page.content = _HEADERLINK.sub(_name_headerlink, page.content)
    return context


def on_page_content(html: str, page: Page, **kwargs: object) -> str | None:
    """A docs page's content (about, the guides) keeps a Korean ending with the bracket or quote
    before it, as notes do (`markup.glue_endings`); generated pages are made from notes' HTML
    that has it already."""
    return html if isinstance(page, StubPage) else glue_endings(html)


def on_post_page(output: str, page: Page, **kwargs: object) -> str | None:
    # MkDocs keeps every page's content until the build ends; ours is written now and nothing
    # reads it again, so let it go (about a third of the process's memory at 10,000 notes).
    if isinstance(page, StubPage):
        page.content = ""
        for key in _PAGE_META:
            page.meta.pop(key, None)
    output = strip_indentation(output)  # the same page without the theme's indentation (pages/compact.py)
    # Under `mkdocs serve`: the slot that shows the problems banner (the same on every build).
    return add_banner(output, PROBLEMS_SLOT) if build.serving else output


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str | None:
    """The 404 page, a theme template and no page: under `mkdocs serve` it has the problems banner's
    slot too (a broken note's own day page is a 404 while it fails, and the writer looks there)."""
    return add_banner(output_content, PROBLEMS_SLOT) if build.serving and template_name == "404.html" else output_content


def on_post_build(config: MkDocsConfig) -> None:
    if _shells is not None:
        log.debug("papernotes: %d generated pages drawn from their kind's theme page, %d by the theme whole",
                  _shells.filled, _shells.whole)
    try:
        _pages.clear()
        _kept_uris.clear()
        build.finish(Path(config.site_dir))
    except BuildError as err:
        raise PluginError(str(err)) from None


_watch: Watch | None = None
"""Under serve: the observers of the notes folder (`session/watch.py`), or None."""


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    global _watch
    data = build.root / "data"
    if data.is_dir():
        _watch = watch_notes(server, str(data))
    return server


def on_shutdown() -> None:
    if _watch is not None:
        _watch.stop()
    build.shutdown()


def on_build_error(error: Exception) -> None:
    _pages.clear()
    _kept_uris.clear()
    build.abort()
