"""The site's settings: `extra.papernotes` in `mkdocs.yml`, checked once when a build starts.

A misspelt key or a value of the wrong type would otherwise be ignored or fail deep inside a
build; here it fails at once with the key, the value and, for a misspelling, the key meant.
Every setting, its default and its range are in `Settings` (and the table in DEVELOPING.md, "Settings").
"""

from __future__ import annotations

import difflib
import re
import urllib.parse
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Callable, Mapping

import yaml

from papernotes.model import Problem

LANGUAGES = ("ko", "en")
SECTION = "extra.papernotes"


class SettingsError(Exception):
    """A setting in `mkdocs.yml` that cannot be used; the message names it and says why, and
    `key` is its dotted path (`extra.papernotes.home_days`), for `papernotes check` to locate."""

    def __init__(self, message: str, key: str = "") -> None:
        super().__init__(message)
        self.key = key


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
    author_page_size: int = 100
    """Notes per author or lab page, as many as a tag page; more get numbered pages (an author's first page has
    the co-authors). It was 300: a prolific author's page at 10,000 notes was 476 kB with 15,000 elements, and
    a slow phone froze 0.66 s drawing its save buttons (a scale QA pass)."""
    author_page_min_notes: int = 2
    """Notes an author needs for a page of their own (people named in `data/authors.yml` get one
    from their first note). At 10,000 notes most names are on one note: see `catalog.people`."""


_UNSAFE_URL = re.compile(r"[\s\"'<>`\\\x00-\x1f\x7f]")
"""What no site's address holds, and HTML or a template could take for the end of an attribute."""
SITE_KEYS = ("site_name", "site_url", "edit_root")
"""Settings that come from MkDocs' own keys, not from `extra.papernotes`."""
COUNT_LIMIT = 100_000
"""The largest count a setting accepts: far above any sensible page size."""


def read_settings(options: Mapping[str, object] | None, *, site_name: str, site_url: str | None,
                  use_directory_urls: bool = True, edit_root: str | None = None, font: object = False) -> Settings:
    """`extra.papernotes` (None when absent) as `Settings`; `SettingsError` for the first bad key.
    `font`: the theme's `font` setting, which must be false (anything else loads web fonts)."""
    if not use_directory_urls:
        raise SettingsError("mkdocs.yml: papernotes needs use_directory_urls: true (its links are directory URLs)",
                            "use_directory_urls")
    if font is not False:
        # mkdocs-material's default (Roboto) and any font named here come from fonts.googleapis.com
        # on every page: a request to another host for every reader (docs/security.md).
        raise SettingsError(f"mkdocs.yml: theme.font must be false, not {font!r}: a web font makes every page load it from "
                            "fonts.googleapis.com, another host (papernotes.css sets the system fonts, Hangul included)",
                            "theme.font")
    if site_url and (urllib.parse.urlsplit(site_url).scheme not in ("http", "https") or _UNSAFE_URL.search(site_url)):
        # MkDocs takes `https://x.example/"><script>...` as a URL, and a theme's template wrote it
        # raw into a page (a hostile-input QA pass).
        raise SettingsError(f"mkdocs.yml: site_url: {site_url!r} is not a site's address: write an http(s) URL "
                            "without quotes, angle brackets or spaces, e.g. https://<user>.github.io/<repo>/", "site_url")
    if options is None:
        options = {}
    if not isinstance(options, Mapping):
        raise SettingsError(f"mkdocs.yml: {SECTION} must be a mapping of settings, not {options!r}", SECTION)
    known = [f.name for f in fields(Settings) if f.name not in SITE_KEYS]
    values: dict[str, object] = {}
    for key, value in options.items():
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise SettingsError(f"mkdocs.yml: {SECTION}.{key}: unknown setting{hint}; settings are {', '.join(known)}",
                                f"{SECTION}.{key}")
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
            raise SettingsError(f"{where} must be 'ko' or 'en', not {value!r}", f"{SECTION}.{key}")
        return value
    # bool is an int in Python, but `tag_page_size: yes` is a mistake.
    if not isinstance(value, int) or isinstance(value, bool):
        raise SettingsError(f"{where} must be a whole number, not {value!r}", f"{SECTION}.{key}")
    if not 1 <= value <= COUNT_LIMIT:
        raise SettingsError(f"{where} must be between 1 and {COUNT_LIMIT:,}, not {value!r}", f"{SECTION}.{key}")
    return value


_MATERIAL_FONT = {"text": "Roboto", "code": "Roboto Mono"}
"""mkdocs-material's `font` when mkdocs.yml names none."""


SyntaxExplainer = Callable[[yaml.MarkedYAMLError, str], tuple[int, int, str, str]]
"""(line, column, key, message) of a YAML syntax error in a file's text, in plain words."""


def _pyyaml_words(err: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str, str]:
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return line, column, "mkdocs.yml", f"YAML syntax error: {err.problem or err.context}"


def file_settings(config_file: Path, explain: SyntaxExplainer = _pyyaml_words,
                  validate: bool = False) -> tuple[Settings | None, Problem | None]:
    """`config_file`'s (mkdocs.yml's) settings as the build reads them, or the first thing the
    build would refuse there, located at its key, for `papernotes check` (which builds nothing, so
    MkDocs never reads the file): the check passed settings the build then refused (a QA pass: an
    unclosed quote, a `site_url` MkDocs refuses). Refused: what `read_settings` refuses, a file
    that is not YAML, a key written twice (`duplicate_key`) and, with `validate` (the check's
    verdict; a quarter of a second, and it loads the project's hooks), what MkDocs' own validation
    refuses or warns of (a warning stops `mkdocs build --strict`, as CI runs it). Tags MkDocs adds
    (`!ENV`, `!relative`) read as no value."""
    name = config_file.name
    try:
        text = config_file.read_text(encoding="utf-8-sig")
        root = yaml.compose(text, Loader=_TaggedLoader)
    except (OSError, UnicodeDecodeError) as err:
        return None, Problem(name, 1, 1, "mkdocs.yml", f"cannot be read: {err}", "setting")
    except yaml.MarkedYAMLError as err:
        # `explain`: the CLI's plain words, where the writer must act (an unclosed quote on line 1,
        # not line 24 where PyYAML gave up), as for a note's front matter.
        line, column, key, message = explain(err, text)
        return None, Problem(name, line, column, key, message, "setting")
    except yaml.YAMLError as err:
        return None, Problem(name, 1, 1, "mkdocs.yml", f"YAML syntax error: {err}", "setting")
    if not isinstance(root, yaml.MappingNode):
        return None, Problem(name, 1, 1, "mkdocs.yml", "must be a mapping of settings (`site_name: ...` and so on)", "setting")
    twice = duplicate_key(root)
    if twice is not None:
        key, mark = twice
        return None, Problem(name, mark.line + 1, mark.column + 1, key, _TWICE, "setting")

    def item(path: str) -> tuple[yaml.Node, yaml.Node] | None:
        """The key and value nodes of a dotted path, or None when it is not written."""
        found: tuple[yaml.Node, yaml.Node] | None = (root, root)
        for part in path.split("."):
            if found is None or not isinstance(found[1], yaml.MappingNode):
                return None
            found = next(((k, v) for k, v in found[1].value if isinstance(k, yaml.ScalarNode) and k.value == part), None)
        return found

    def value(path: str, default: object) -> object:
        found = item(path)
        return default if found is None else yaml.load(yaml.serialize(found[1]), Loader=_TaggedLoader)

    refused = _mkdocs_refuses(config_file, text) if validate else None
    if refused is not None:
        key, message = refused
        where = item(key) if key else None
        mark = where[0].start_mark if where is not None else None
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        return None, Problem(name, line, column, key or "mkdocs.yml", message, "setting")
    theme = value("theme", None)
    font = value("theme.font", _MATERIAL_FONT if isinstance(theme, Mapping) and theme.get("name") == "material" else False)
    site_url = value("site_url", None)
    try:
        return read_settings(value(SECTION, None), site_name="", site_url=site_url if isinstance(site_url, str) else None,
                             use_directory_urls=value("use_directory_urls", True) is not False, font=font), None
    except SettingsError as err:
        key, message = err.key, str(err).removeprefix("mkdocs.yml: ")
        where = item(key) if key else None
        while where is None and "." in key:  # a key not written (theme.font): its parent
            key = key.rsplit(".", 1)[0]
            where = item(key)
        # At the value when it is written on its key's line (`home_days: '3'`), else (and for a
        # key that is not a setting) at the key.
        at_value = where is not None and where[1].start_mark.line == where[0].start_mark.line and "unknown setting" not in message
        mark = where[1].start_mark if at_value else (where[0].start_mark if where is not None else None)
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        if key and key == err.key:  # `field: message` says the key once
            message = message.removeprefix(key).lstrip(": ")
        return None, Problem(config_file.name, line, column, key or "mkdocs.yml", message, "setting")


def repeated_setting(config_file: Path) -> str | None:
    """For the build: where `config_file` writes a key twice in one mapping, as `papernotes check`
    says it (MkDocs keeps the last one without a word: the check and the build disagreed), or None."""
    try:
        root = yaml.compose(config_file.read_text(encoding="utf-8-sig"), Loader=_TaggedLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None   # MkDocs read it, or says why it cannot
    twice = duplicate_key(root) if root is not None else None
    if twice is None:
        return None
    key, mark = twice
    return f"{config_file.name}:{mark.line + 1}:{mark.column + 1}: {key}: {_TWICE}"


_TWICE = "written twice in its mapping; YAML would silently keep the last one: write it once"


def duplicate_key(node: yaml.Node, path: str = "", visited: set[int] | None = None) -> tuple[str, yaml.Mark] | None:
    """The dotted path and place of the first key written twice in one mapping under `node`
    (`extra.papernotes.home_days` twice: YAML, and MkDocs, keep the last without a word). Each node
    is read once: an alias is the node it names (`&a [*a]` holds itself; a billion laughs are a
    few nodes named many times)."""
    visited = set() if visited is None else visited
    if id(node) in visited:
        return None
    visited.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
            here = f"{path}.{name}" if path else name
            if name in seen:
                return here, key.start_mark
            seen.add(name)
            found = duplicate_key(value, here, visited)
            if found is not None:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for k, value in enumerate(node.value):
            found = duplicate_key(value, f"{path}[{k}]", visited)
            if found is not None:
                return found
    return None


def _mkdocs_refuses(config_file: Path, text: str) -> tuple[str, str] | None:
    """(key, message) of the first setting MkDocs' own validation refuses, or warns of (which
    `--strict` refuses), as `mkdocs build` reads `config_file`; None when it takes them all."""
    import io
    import logging

    from mkdocs.config.defaults import MkDocsConfig

    config = MkDocsConfig(config_file_path=str(config_file))
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.CRITICAL)   # what validation logs on the way is said below, once
    try:
        config.load_file(io.StringIO(text))
        errors, warnings = config.validate()
    except Exception as err:  # noqa: BLE001 - MkDocs' own words for a file it cannot read
        return "", f"MkDocs cannot read it: {err}"
    finally:
        logger.setLevel(level)
    for key, err in errors:
        return key, f"MkDocs refuses it: {err}"
    for key, message in warnings:
        return key, f"{message} (a warning, which `mkdocs build --strict` refuses)"
    return None


class _TaggedLoader(yaml.SafeLoader):
    """YAML as MkDocs writes it: a tag of its own (`!ENV`, `!relative`, `!!python/name`) is no value here."""


_TaggedLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_TaggedLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
