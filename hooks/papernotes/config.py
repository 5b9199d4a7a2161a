"""The site's settings: `extra.papernotes` in `mkdocs.yml`, checked once when a build starts.

A misspelt key or a value of the wrong type would otherwise be ignored or fail deep inside a
build; here it fails at once with the key, the value and, for a misspelling, the key meant.
Every setting, its default and its range are in `Settings` (and the table in DEVELOPING.md, "Settings").
"""

from __future__ import annotations

import difflib
import urllib.parse
from dataclasses import dataclass, fields
from typing import Mapping

LANGUAGES = ("ko", "en")
SECTION = "extra.papernotes"


class SettingsError(Exception):
    """A setting in `mkdocs.yml` that cannot be used; the message names it and says why."""


@dataclass(frozen=True)
class Settings:
    """Site options: `extra.papernotes` in `mkdocs.yml`, plus the MkDocs settings the core needs."""

    site_name: str = "papernotes"
    """MkDocs' `site_name`: shown on the home page and in feed titles."""
    site_url: str | None = None
    """MkDocs' `site_url` (absolute links in feeds, BibTeX and notes.json), or None."""
    edit_root: str | None = None
    """From MkDocs' `repo_url` and `edit_uri`: the URL that, followed by a file's path from the
    project root (`data/notes/...`), edits that file; None when either is unset."""
    default_lang: str = "ko"
    """Language of a first visit: `ko` or `en`."""
    home_days: int = 3
    """How many of the most recent days the home page shows in full."""
    home_notes: int = 30
    """At most this many notes in full on the home page; the rest of those days are a link away."""
    tag_page_size: int = 100
    """Notes per tag page; bigger tags are split into numbered pages."""
    day_page_size: int = 50
    """Notes shown in full per day page; busier days are split into numbered pages."""
    month_page_size: int = 500
    """Note titles per month page; busier months are split into numbered pages."""
    author_page_size: int = 300
    """Notes per author or lab page; more get numbered pages (an author's first page has the co-authors)."""
    author_page_min_notes: int = 2
    """Notes an author needs for a page of their own (people named in `data/authors.yml` get one
    from their first note). At 10,000 notes most names are on one note: see `catalog.people`."""


SITE_KEYS = ("site_name", "site_url", "edit_root")
"""Settings that come from MkDocs' own keys, not from `extra.papernotes`."""
COUNT_LIMIT = 100_000
"""The largest count a setting accepts: far above any sensible page size."""


def read_settings(options: Mapping[str, object] | None, *, site_name: str, site_url: str | None,
                  use_directory_urls: bool = True, edit_root: str | None = None) -> Settings:
    """`extra.papernotes` (None when absent) as `Settings`; `SettingsError` for the first bad key."""
    if not use_directory_urls:
        raise SettingsError("mkdocs.yml: papernotes needs use_directory_urls: true (its links are directory URLs)")
    if options is None:
        options = {}
    if not isinstance(options, Mapping):
        raise SettingsError(f"mkdocs.yml: {SECTION} must be a mapping of settings, not {options!r}")
    known = [f.name for f in fields(Settings) if f.name not in SITE_KEYS]
    values: dict[str, object] = {}
    for key, value in options.items():
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise SettingsError(f"mkdocs.yml: {SECTION}.{key}: unknown setting{hint}; settings are {', '.join(known)}")
        values[key] = _checked(key, value)
    return Settings(site_name=site_name, site_url=site_url or None, edit_root=edit_root or None, **values)  # type: ignore[arg-type]


def edit_root(repo_url: str | None, edit_uri: str | None, docs_to_root: str) -> str | None:
    """The URL that edits files by their path from the project root: MkDocs' `repo_url` +
    `edit_uri` edits the docs folder, and `docs_to_root` (e.g. `..`) leads from it to the root."""
    if not repo_url or not edit_uri or edit_uri.startswith(("?", "#")):
        return None
    docs = urllib.parse.urljoin(repo_url.rstrip("/") + "/", edit_uri.rstrip("/") + "/")
    root = urllib.parse.urljoin(docs, docs_to_root.rstrip("/") + "/") if docs_to_root not in ("", ".") else docs
    return root


def _checked(key: str, value: object) -> object:
    where = f"mkdocs.yml: {SECTION}.{key}"
    if key == "default_lang":
        if value not in LANGUAGES:
            raise SettingsError(f"{where} must be 'ko' or 'en', not {value!r}")
        return value
    # bool is an int in Python, but `tag_page_size: yes` is a mistake.
    if not isinstance(value, int) or isinstance(value, bool):
        raise SettingsError(f"{where} must be a whole number, not {value!r}")
    if not 1 <= value <= COUNT_LIMIT:
        raise SettingsError(f"{where} must be between 1 and {COUNT_LIMIT:,}, not {value!r}")
    return value
