"""The theme's page around a generated page: rendered once per kind of page, then filled in.

mkdocs-material renders `main.html` whole for every page: ~0.45 ms a page, ~9 s of the MkDocs
process at 10,000 notes (19,000 generated pages; issue 24). Two generated pages outside the
navigation with the same `key` differ in the theme's output only by a few values: the title, the
content, the description, the canonical URL, the edit link and the page's own head (feeds,
citation tags, link previews: `overrides/partials/pn-page-head.html`). So for each key the theme
renders once a page whose values are tokens (`Shell`); the output is cut at the tokens, and each
page of the key is those pieces with its own values between them, byte for byte what the theme
would write.

Guarded twice: the first two pages of every key are also rendered whole and compared (a theme or
plugin that transforms one of the values, or prints one that is not a token, makes them differ:
that key is then rendered whole for every page), and `tests/test_shell.py` compares every page of
varied sites, hostile notes included. `PAPERNOTES_WHOLE_PAGES=1` turns the shortcut off (the
benchmark and the tests compare both). This module never imports MkDocs; the hook hands it the
theme's environment and each page's context.
"""

from __future__ import annotations

import copy
import logging
import os
import re
from typing import Any, Callable

from jinja2 import Environment, pass_context
from jinja2.runtime import Context

log = logging.getLogger("mkdocs.plugins.papernotes")

WHOLE_PAGES_SWITCH = "PAPERNOTES_WHOLE_PAGES"
"""Set to 1: every page is rendered whole by the theme (for comparing; no reader sees a difference)."""

TEMPLATE = "pn-generated.html"
"""The template generated pages name (`StubPage`): it calls `pn_generated_page`."""

CHECKED = 2
"""Pages of each key rendered whole too and compared before the key's pieces are trusted."""

_PAD = "·" * 120
"""Tokens are long, so that a theme that shortens a value (`truncate`) spoils them visibly."""

_NAMES = ("meta_title", "title", "title_text", "content", "description", "canonical", "edit", "head", "pn_edit")


def _token(name: str) -> str:
    return f"\ue000pn-shell:{name}:{_PAD}\ue001"


TOKENS = {name: _token(name) for name in _NAMES}
_SPLIT = re.compile("(" + "|".join(re.escape(t) for t in TOKENS.values()) + ")")
_NAME_OF = {t: name for name, t in TOKENS.items()}

_META = frozenset({"title", "description", "template", "pn_alternates", "pn_meta", "pn_kind", "pn_scripts", "pn_head"})
"""The page meta a generated page has (StubPage, the hook's `_set_page_meta`); any other key
(`hide`, `status`, a plugin's) may change the theme's output in ways the key does not say."""


class TitleToken(str):
    """The title token: the theme's title filters (`pn_text`, `pn_lang`) give their tokens for it
    (`theme_text`) and the key's language (`theme_lang`), which `key` recorded."""

    lang: str = ""


class Shells:
    """One build's page pieces, by key; made in `on_env`, asked for every generated page."""

    def __init__(self, env: Environment, features: list[str], head_template: str,
                 title_text: Callable[[str], str], title_lang: Callable[[str], str]) -> None:
        self.env = env
        self.enabled = os.environ.get(WHOLE_PAGES_SWITCH, "") not in ("1", "true", "yes")
        # The theme's edit and view buttons transform the edit URL (`replace("blob", "raw")`).
        self._edit_buttons = any(str(f).startswith("content.action") for f in features)
        self._head_template = head_template
        self._title_text = title_text
        self._title_lang = title_lang
        self._pieces: dict[tuple, list[str] | None] = {}
        """key -> the theme's output cut at the tokens (odd items are token names), or None for a
        key whose pages are rendered whole."""
        self._checked: dict[tuple, int] = {}
        self.filled = 0
        """Pages written from pieces (for the build log)."""
        self.whole = 0
        """Generated pages the theme rendered whole."""

    def render(self, context: dict[str, Any], sidebar_key: tuple | None) -> str:
        """The page `context["page"]` as the theme's `main.html` renders it."""
        page = context["page"]
        key = self._key(page, sidebar_key) if self.enabled else None
        pieces = self._pieces.get(key, ()) if key is not None else None
        if pieces is None:
            self.whole += 1
            return self._whole(context)
        if pieces == ():
            pieces = self._pieces[key] = self._cut(context, key)
            if pieces is None:
                self.whole += 1
                return self._whole(context)
        html = self._fill(pieces, context)
        if self._checked.get(key, 0) < CHECKED:
            self._checked[key] = self._checked.get(key, 0) + 1
            whole = self._whole(context)
            if whole != html:
                log.debug("papernotes: the theme's page for %s differs from its pieces; key %r rendered whole",
                          page.file.src_uri, key)
                self._pieces[key] = None
                self.whole += 1
                return whole
        self.filled += 1
        return html

    def _whole(self, context: dict[str, Any]) -> str:
        return self.env.get_template("main.html").render(context)

    def _key(self, page: Any, sidebar_key: tuple | None) -> tuple | None:
        """What the theme's page depends on beyond the tokens' values, or None when that is more
        than a key can say (a page in the navigation or with a table of contents: `sidebar_key`
        None; meta the theme may read; the theme's edit buttons)."""
        meta = page.meta or {}
        if sidebar_key is None or not meta.keys() <= _META or page.toc:
            return None
        if page.edit_url and self._edit_buttons:
            return None
        title = meta.get("title") or page.title or ""
        pm = meta.get("pn_meta") or {}
        return (sidebar_key, meta.get("pn_kind"), tuple(meta.get("pn_scripts") or ()),
                page.file.src_uri == "list/index.md", self._title_lang(title), bool(meta.get("title")),
                bool(page.title), page.title == meta.get("title"), bool(meta.get("description")),
                bool(page.canonical_url), bool(page.edit_url), bool(pm.get("edit_url")),
                "<h1" in (page.content or ""), page.is_homepage)

    def _cut(self, context: dict[str, Any], key: tuple) -> list[str] | None:
        """The theme's output for a page of `key` whose values are tokens, cut at them."""
        page = context["page"]
        proxy = copy.copy(page)
        meta = dict(page.meta)
        title = TitleToken(TOKENS["meta_title"])
        title.lang = key[4]  # type: ignore[misc]
        if meta.get("title"):
            meta["title"] = title
        if meta.get("description"):
            meta["description"] = TOKENS["description"]
        pm = meta.get("pn_meta")
        if pm and pm.get("edit_url"):
            meta["pn_meta"] = {**pm, "edit_url": TOKENS["pn_edit"]}
        proxy.meta = meta
        if page.title:
            proxy.title = title if key[7] else TOKENS["title"]
        proxy.content = TOKENS["content"] + ("<h1" if "<h1" in (page.content or "") else "")
        if page.canonical_url:
            proxy.canonical_url = TOKENS["canonical"]
        if page.edit_url:
            proxy.edit_url = TOKENS["edit"]
        output = self._whole({**context, "page": proxy, "pn_shell_head": TOKENS["head"]})
        parts = _SPLIT.split(output.replace(TOKENS["content"] + "<h1", TOKENS["content"]))
        for i in range(1, len(parts), 2):
            parts[i] = _NAME_OF[parts[i]]
        if "\ue000pn-shell:" in "".join(parts[::2]):
            return None  # a token the theme changed on its way out: render whole
        return parts

    def _fill(self, pieces: list[str], context: dict[str, Any]) -> str:
        page = context["page"]
        title = page.meta.get("title") or page.title or ""
        values = {
            "meta_title": page.meta.get("title") or "",
            "title": page.title or "",
            "title_text": str(self._title_text(title)),
            "content": page.content or "",
            "description": page.meta.get("description") or "",
            "canonical": page.canonical_url or "",
            "edit": page.edit_url or "",
            "pn_edit": (page.meta.get("pn_meta") or {}).get("edit_url") or "",
            "head": self.env.get_template(self._head_template).render(context),
        }
        out = list(pieces)
        for i in range(1, len(out), 2):
            out[i] = values[out[i]]
        return "".join(out)


def page_global(shells: Callable[[], Shells | None], sidebar_key: Callable[[Any, Any], tuple | None]) -> Callable[..., str]:
    """The `pn_generated_page()` global of `pn-generated.html`: the page as `main.html` renders it."""

    @pass_context
    def pn_generated_page(context: Context) -> str:
        values = context.get_all()
        found = shells()
        if found is None:
            return context.environment.get_template("main.html").render(values)
        return found.render(values, sidebar_key(values.get("page"), values.get("nav")))

    return pn_generated_page


def title_filters(text: Callable[[str], Any], lang: Callable[[str], str]) -> tuple[Callable[[str], Any], Callable[[str], str]]:
    """The theme's `pn_text` and `pn_lang` filters, giving for the title token its own token
    and the language its key recorded."""

    def pn_text(value: str) -> Any:
        return TOKENS["title_text"] if isinstance(value, TitleToken) else text(value)

    def pn_lang(value: str) -> str:
        return value.lang if isinstance(value, TitleToken) else lang(value)

    return pn_text, pn_lang
