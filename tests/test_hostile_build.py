"""Build-level guarantees: broken notes stop the build with every error located, the
invariants hold on every build, and two builds of the same input are byte-for-byte equal."""

from __future__ import annotations

import filecmp
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from conftest import BUNDLED_DATA, ROOT, build, make_site
from hostile_base import note, write_site
from papernotes.session.session import Build, BuildError, check_planned
from papernotes.pages.context import PlannedPage


def _hook_module():  # noqa: ANN202 - a fixture, typed where it is made
    spec = importlib.util.spec_from_file_location("papernotes_hook_under_test", ROOT / "hooks" / "papernotes_hook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_broken_notes_stop_the_build_listing_every_error(tmp_path: Path) -> None:
    data = write_site(tmp_path / "d", {
        "2024/bad-date.md": note(date="2024-02-30"),
        "2024/bad-title.md": note(title="yes", arxiv='"2406.00002"'),
        "2024/bidi.md": note(title="a \u202eb", arxiv='"2406.00003"'),
    }) / "data"
    result = build(make_site(tmp_path / "s", data=data))
    assert result.returncode != 0
    assert "3 errors in the notes; nothing was built" in result.stderr
    for line in ("data/notes/2024/bad-date.md:4:7: error: date: '2024-02-30' is not a real calendar date",
                 "data/notes/2024/bad-title.md:2:8: error: title: expected text, but YAML reads `yes` as a boolean",
                 "data/notes/2024/bidi.md:2:10: error: title: contains the invisible character U+202E RIGHT-TO-LEFT OVERRIDE"):
        assert line in result.stderr


def test_a_data_files_error_is_named_so(tmp_path: Path) -> None:
    """A duplicate key in data/glossary.yml stopped the build with "1 error in the notes" (a serve QA pass)."""
    data = write_site(tmp_path / "d", {"2024/good.md": note()}) / "data"
    (data / "glossary.yml").write_text("a-term:\n  en: [one term]\n  ko: [한 용어]\na-term:\n  en: [other]\n  ko: [다른 것]\n",
                                       encoding="utf-8")
    result = build(make_site(tmp_path / "s", data=data))
    assert result.returncode != 0
    assert "1 error in the data files; nothing was built" in result.stderr, result.stderr
    assert "data/glossary.yml:4:1: error: " in result.stderr


# (id, docs file, content) -> the build must refuse it: only notes publish pages under notes/.
DOCS_CLASHES = [
    ("page-on-a-note-url", "notes/good-old.md", "docs/notes/good-old.md collides with the generated page notes/good-old.md"),
    ("stray-page-under-notes", "notes/extra.md", "only notes may publish pages there (remove docs/notes/extra.md)"),
    ("page-on-a-tag-url", "tags/rl.md", "docs/tags/rl.md collides with the generated page tags/rl.md"),
    ("file-on-the-feed", "feed.xml", "docs/feed.xml collides with the generated file feed.xml"),
    ("file-on-a-tag-bibtex", "tags/rl/papernotes.bib", "docs/tags/rl/papernotes.bib collides with the generated file"),
    ("file-on-the-search-index", "search/meta.json", "docs/search/meta.json collides with the generated file"),
]


@pytest.mark.parametrize("docs_file, message", [pytest.param(f, m, id=i) for i, f, m in DOCS_CLASHES])
def test_docs_page_may_not_take_a_generated_url(tmp_path: Path, docs_file: str, message: str) -> None:
    site = make_site(tmp_path / "s", data=write_site(tmp_path / "d", {}) / "data")
    (site / "docs" / docs_file).parent.mkdir(parents=True, exist_ok=True)
    (site / "docs" / docs_file).write_text("# Not a note\n", encoding="utf-8")
    result = build(site)
    assert result.returncode != 0
    assert message in result.stderr


def _page(src: str, kind: str = "note") -> PlannedPage:
    return PlannedPage(src, src, kind, lambda: "")  # type: ignore[arg-type]


# (id, planned pages, note files, message) for the hook's page-plan invariants.
PLAN_CASES = [
    ("fewer-note-pages", [_page("notes/a.md")], 2, "2 note files but 1 note pages planned"),
    ("more-note-pages", [_page("notes/a.md"), _page("notes/b.md")], 1, "1 note files but 2 note pages planned"),
    ("same-url-twice", [_page("notes/a.md"), _page("tags/a.md", "tag"), _page("tags/a.md", "tag")], 1,
     "the tag page 'tags/a.md' and the tag page 'tags/a.md' would both be written to tags/a.md"),
    ("same-url-by-case", [_page("notes/a.md"), _page("tags/A.md", "tag"), _page("tags/a.md", "tag")], 1,
     "would both be written to tags/a.md"),
]


@pytest.mark.parametrize("planned, files, message", [pytest.param(p, f, m, id=i) for i, p, f, m in PLAN_CASES])
def test_page_plan_invariants(planned: list, files: int, message: str) -> None:
    with pytest.raises(BuildError, match=message.replace("(", r"\(").replace(")", r"\)")):
        check_planned(planned, files)


def test_page_plan_invariants_accept_a_good_plan() -> None:
    check_planned([_page("notes/a.md"), _page("tags/a.md", "tag"), _page("index.md", "home")], 1)


@pytest.mark.slow  # builds two generated sites twice
def test_two_builds_of_the_same_input_are_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Bundled notes plus the hostile-but-valid ones, built from two copies in different
    folders with different hash seeds; every output file must be equal, none ignored.
    SOURCE_DATE_EPOCH fixes the only clock MkDocs reads (sitemap dates, gzip header)."""
    data = write_site(tmp_path / "d", {}) / "data"
    shutil.copytree(BUNDLED_DATA / "notes", data / "notes" / "bundled")
    shutil.copy(ROOT / "data" / "tags.yml", data / "tags.yml")
    # The base notes' tags (rl, reasoning, alignment) are all in the bundled registry.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    outputs = []
    for seed in ("1", "2"):
        monkeypatch.setenv("PYTHONHASHSEED", seed)
        site = make_site(tmp_path / f"site-{seed}", data=data)
        result = build(site)
        assert result.returncode == 0, result.stderr
        outputs.append(site / "site")
    first, second = outputs
    files_a = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file())
    assert files_a == files_b
    assert len([f for f in files_a if f.startswith("notes/") and f.endswith("/index.html")]) == len(list(data.rglob("*.md")))
    _, mismatch, errors = filecmp.cmpfiles(first, second, files_a, shallow=False)
    assert mismatch == [] and errors == []
    assert not any(str(tmp_path) in (first / f).read_text(errors="ignore") for f in files_a if f.endswith((".html", ".json", ".xml")))


@pytest.mark.slow  # a build process that must not hang
def test_pathological_markdown_is_reported_not_left_to_hang_the_build(tmp_path: Path) -> None:
    # Unstopped, this body keeps python-markdown busy for many minutes.
    data = write_site(tmp_path / "d", {"2024/slow.md": note(body="\n## English\n\n" + "a<" * 60000 + "\n\n## 한국어\n\n본문\n")}) / "data"
    site = make_site(tmp_path / "s", data=data)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(site / "mkdocs.yml"), "-d", str(site / "site")],
                            capture_output=True, text=True, cwd=site, timeout=60)
    assert result.returncode != 0
    assert ("data/notes/2024/slow.md:9:1: error: ## English: rendering this section's Markdown was stopped at the limit of 2 s"
            in result.stderr), result.stderr


def test_a_note_page_that_was_not_written_fails_the_build(tmp_path: Path) -> None:
    build = Build()
    build._pages = {"notes/a.md": _page("notes/a.md"), "notes/b.md": _page("notes/b.md")}
    written = {slug: tmp_path / "notes" / slug / "index.html" for slug in "ab"}
    for path in written.values():
        path.parent.mkdir(parents=True)
        path.write_text("<p>a</p>", encoding="utf-8")
    build.check_notes_folder([(f"notes/{s}.md", f"notes/{s}/index.html") for s in written], tmp_path)
    build.finish()  # all there: passes
    written["b"].unlink()
    with pytest.raises(BuildError, match=r"1 note page\(s\) were not written: .*notes/b/index.html"):
        build.finish()


def test_the_hook_turns_build_errors_into_plugin_errors(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    hook = _hook_module()

    def fail(site_dir: Path) -> None:
        raise BuildError("1 note page(s) were not written: notes/b/index.html")

    monkeypatch.setattr(hook.build, "finish", fail)
    with pytest.raises(PluginError, match=r"1 note page\(s\) were not written"):
        hook.on_post_build(config=SimpleNamespace(site_dir=str(tmp_path)))


@pytest.mark.slow  # a forced fork
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the forked writer runs on Linux only")
def test_a_clash_is_reported_when_a_forked_process_writes_the_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAPERNOTES_WORKER", "1")  # the worker and the exports writer, even on a small site
    site = make_site(tmp_path / "s", data=write_site(tmp_path / "d", {}) / "data")
    (site / "docs" / "feed.xml").write_text("<feed/>\n", encoding="utf-8")
    result = build(site)
    assert result.returncode != 0
    assert "docs/feed.xml collides with the generated file feed.xml" in result.stderr
    assert "rendered by the second process" in result.stderr  # so the files were written by the fork too


@pytest.mark.slow  # a build process: -q is the command line's
def test_a_quiet_strict_build_fails_on_a_notes_warning_as_check_does(tmp_path: Path) -> None:
    """`mkdocs build --strict -q` passed a note `papernotes check` failed: MkDocs counts the
    warnings its log lets through, and -q lets none through. The build now fails, naming them."""
    data = write_site(tmp_path / "d", {"2024/math.md": note(body="\n## English\n\nSet $\\text{a<b}$.\n\n## 한국어\n\n본문\n")}) / "data"
    site = make_site(tmp_path / "s", data=data)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(site / "mkdocs.yml"), "-d", str(site / "site")],
                            capture_output=True, text=True, cwd=site, timeout=120)
    assert result.returncode == 1, result.stderr
    assert "1 warning in the notes fail a strict build" in result.stderr
    assert "data/notes/2024/math.md:" in result.stderr and "cannot be shown as math" in result.stderr
    quiet = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(site / "mkdocs.yml"), "-d", str(site / "site")],
                           capture_output=True, text=True, cwd=site, timeout=120)
    assert quiet.returncode == 0, quiet.stderr  # not strict: warnings fail nothing


def test_the_site_name_is_text_wherever_it_is_shown(tmp_path: Path) -> None:
    """`site_name: '<b>x</b> & "q"'` came out as markup in the header and the navigation (the
    theme's partials printed it unescaped there, escaped elsewhere)."""
    import yaml

    site = make_site(tmp_path / "site")
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_name"] = '<b>Lab</b> & "Notes"'
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert build(site).returncode == 0
    for page in ("index.html", "about/index.html"):
        html = (site / "site" / page).read_text(encoding="utf-8")
        assert "<b>Lab</b>" not in html and "&lt;b&gt;Lab&lt;/b&gt;" in html, page
