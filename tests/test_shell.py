"""Generated pages drawn from their kind's theme page (hooks/papernotes/pages/shell.py) are byte for
byte what the theme writes when it renders each page whole.

Each site is built twice in this process, once as `mkdocs build` runs and once with
`PAPERNOTES_WHOLE_PAGES=1`, and every file of the two outputs is compared. The sites are chosen
for what could tell a page's theme apart from its kind's: hostile titles (markup, template syntax,
Hangul, `English · 한국어` pairs, the shortcut's own token text), site_url set (canonical links),
repo_url and edit_uri set (edit links), and the theme's edit buttons on (which take the edit URL
apart: those pages are rendered whole).
"""

from __future__ import annotations

import filecmp
import shutil
import re
import sys
from types import ModuleType
from pathlib import Path

import pytest
import yaml

from conftest import READER_NOTES, ROOT, build, make_site
from hostile_base import note
from test_hostile_render import write_injection_site

from jinja2 import DictLoader, Environment

from papernotes.pages.shell import TOKENS, WHOLE_PAGES_SWITCH, Shells, title_filters

TITLES = {
    "2024/markup.md": note(title="'<h1>Big</h1> & <script>x</script> {{ page.title }} {% raw %}'", arxiv='"2406.00011"'),
    "2024/pair.md": note(title='"Reward models · 보상 모델"', arxiv='"2406.00012"'),
    "2024/hangul.md": note(title='"한국어 제목의 논문"', arxiv='"2406.00013"'),
    "2024/token.md": note(title='"' + TOKENS["title"].replace("\ue000", "").replace("\ue001", "") + '"', arxiv='"2406.00014"'),
}


def _hook() -> ModuleType:
    return next(m for name, m in sys.modules.items() if name.endswith(("papernotes_hook.py", "papernotes_hook")))


def _both(site: Path, monkeypatch: pytest.MonkeyPatch, strict: bool = True) -> tuple[Path, Path, float]:
    """The site built with the shortcut and whole; both output folders and the share of the
    generated pages that were filled in (the others: those in the navigation, any key that failed).
    `strict` False: a site of notes the checker warns about (hostile HTML it removes)."""
    result = build(site, strict)
    assert result.returncode == 0, result.stderr
    notes, generated = map(int, re.search(r"papernotes: (\d+) notes, (\d+) generated pages", result.stderr).groups())
    filled = _hook()._shells.filled / generated
    if "content.action.edit" in (site / "mkdocs.yml").read_text(encoding="utf-8"):
        filled = _hook()._shells.filled / (generated - notes)  # of the pages that are not notes
    fast = site / "site"
    fast.rename(site / "filled")
    monkeypatch.setenv(WHOLE_PAGES_SWITCH, "1")
    result = build(site, strict)
    monkeypatch.delenv(WHOLE_PAGES_SWITCH)
    assert result.returncode == 0, result.stderr
    assert _hook()._shells.filled == 0
    return site / "filled", site / "site", filled


def _differing(a: Path, b: Path) -> list[str]:
    names_a = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    names_b = sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    assert names_a == names_b
    return [n for n in names_a if not filecmp.cmp(a / n, b / n, shallow=False)]


def _config(site: Path, **changes: object) -> None:
    path = site / "mkdocs.yml"
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.Loader)
    for key, value in changes.items():
        if key == "features":
            config["theme"]["features"] = [*config["theme"].get("features", []), *value]  # type: ignore[misc]
        else:
            config[key] = value
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_hostile_and_reader_sites_are_the_same_both_ways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = make_site(tmp_path / "site", notes={**READER_NOTES, **TITLES})
    filled_out, whole_out, filled = _both(site, monkeypatch)
    assert filled > 0.8, filled  # all but the few pages in the navigation
    assert _differing(filled_out, whole_out) == []
    # The title given as the token's text is shown as written, not taken for the token.
    assert "pn-shell:title:" in (filled_out / "notes" / "token" / "index.html").read_text(encoding="utf-8")


def test_injection_site_is_the_same_both_ways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = make_site(tmp_path / "site", data=write_injection_site(tmp_path / "injections"))
    filled_out, whole_out, filled = _both(site, monkeypatch, strict=False)
    assert filled > 0.8, filled
    assert _differing(filled_out, whole_out) == []


def test_site_url_and_edit_links_are_the_same_both_ways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = make_site(tmp_path / "site", notes=TITLES)
    _config(site, site_url="https://example.org/notes/", repo_url="https://github.com/example/notes",
            edit_uri="edit/main/docs/")
    filled_out, whole_out, filled = _both(site, monkeypatch)
    assert filled > 0.8, filled
    assert _differing(filled_out, whole_out) == []
    page = (filled_out / "notes" / "pair" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/notes/notes/pair/">' in page
    assert "github.com/example/notes/edit/main/data/notes/2024/pair.md" in page


def test_the_themes_edit_buttons_send_note_pages_to_the_theme_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = make_site(tmp_path / "site", notes=TITLES)
    _config(site, repo_url="https://github.com/example/notes", edit_uri="blob/main/docs/",
            features=["content.action.edit", "content.action.view"])
    filled_out, whole_out, filled = _both(site, monkeypatch)
    assert filled <= 1, filled  # note pages have an edit URL: whole
    assert _differing(filled_out, whole_out) == []
    page = (filled_out / "notes" / "pair" / "index.html").read_text(encoding="utf-8")
    assert "/raw/main/data/notes/2024/pair.md" in page  # the view button, made from the edit URL


# --- the guard: a theme that prints what the key does not say ---

class _Page:
    def __init__(self, url: str, title: str) -> None:
        self.url, self.title, self.content = url, title, f"<p>{title}</p>"
        self.meta = {"title": title}
        self.toc, self.edit_url, self.canonical_url, self.is_homepage = [], None, None, False
        self.file = type("F", (), {"src_uri": url + "index.md"})()


def _env(main: str) -> Environment:
    env = Environment(loader=DictLoader({"main.html": main, "head.html": "<meta name=x content='{{ page.url }}'>"}))
    env.filters["pn_text"], env.filters["pn_lang"] = title_filters(str, lambda _: "en")
    return env


def _shells(main: str) -> Shells:
    return Shells(_env(main), [], "head.html", str, lambda _: "en")


def _whole(main: str, pages: list[_Page]) -> list[str]:
    template = _env(main).get_template("main.html")
    return [template.render(page=p) for p in pages]


def _render(shells: Shells, pages: list[_Page]) -> list[str]:
    return [shells.render({"page": p}, ("key",)) for p in pages]


PAGES = [_Page(f"notes/n{i}/", f"Note {i}") for i in range(6)]


def test_a_theme_printing_only_the_values_is_filled_in() -> None:
    main = ("<title>{{ page.meta.title }}</title>"
            "{% if pn_shell_head is defined %}{{ pn_shell_head }}{% else %}{% include 'head.html' %}{% endif %}"
            "<h2>{{ page.title | pn_text }}</h2>{{ page.content }}")
    shells = _shells(main)
    out = _render(shells, PAGES)
    assert shells.filled == len(PAGES) and shells.whole == 0
    assert out == _whole(main, PAGES)
    assert out[3] == "<title>Note 3</title><meta name=x content='notes/n3/'><h2>Note 3</h2><p>Note 3</p>"


@pytest.mark.parametrize("main", [
    "<p>{{ page.url }}</p>{{ page.content }}",  # a value the key does not hold: the second page tells
    "<title>{{ page.meta.title | upper }}</title>{{ page.content }}",  # a value transformed: the first page tells
    "<title>{{ page.meta.title | truncate(20) }}</title>{{ page.content }}",  # shortened: the token is spoilt
])
def test_a_theme_printing_more_renders_every_page_whole(main: str) -> None:
    shells = _shells(main)
    out = _render(shells, PAGES)
    assert out == _whole(main, PAGES)
    assert shells.filled <= 1 and shells.whole >= len(PAGES) - 1


def test_a_theme_folder_without_the_template_renders_every_page_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A site whose `custom_dir` is its own copy of the theme overrides, made before
    `pn-generated.html` existed, still builds: every page rendered by `main.html`, the same pages."""
    site = make_site(tmp_path / "site", notes=TITLES)
    result = build(site)
    assert result.returncode == 0, result.stderr
    (site / "site").rename(site / "usual")
    overrides = site / "my-overrides"
    shutil.copytree(ROOT / "overrides", overrides)
    (overrides / "pn-generated.html").unlink()
    _config(site, theme={**yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))["theme"], "custom_dir": str(overrides)})
    result = build(site)
    assert result.returncode == 0, result.stderr
    assert _hook()._shells is None
    assert _differing(site / "usual", site / "site") == []
