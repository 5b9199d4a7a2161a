"""Link previews and edit links: the head of every page kind, checked against the notes."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import BUNDLED_DATA, ROOT, make_site, build_log, shared_build, BUNDLED_ROOT
from papernotes.markup import HtmlCache, snippet
from papernotes.source.tree import load_site


def head(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def prop(soup: BeautifulSoup, name: str) -> list[str]:
    return [m["content"] for m in soup.find_all("meta", attrs={"property": name})] + \
           [m["content"] for m in soup.find_all("meta", attrs={"name": name})]


def plain(html: str) -> str:
    """The text a description is cut from: formulas written out (`markup.math_text`), no tags."""
    return snippet(html, len(html))


OLAGPT = "2023/olagpt.md"
"""The bundled note the deployed site carries, under data/notes/ as in the repository."""


@pytest.fixture(scope="module")
def deployed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site plus one bundled note (olagpt, at its own path, with the bundled tags)
    built with site_url, repo_url and edit_uri set. (It was all the bundled notes: a build ten
    times bigger in the fast part, for links that only depend on the note's own path and date.)"""
    def make(folder: Path) -> Path:
        site = make_site(folder, tags_yml=(ROOT / "data" / "tags.yml").read_text(encoding="utf-8"),
                         notes={OLAGPT: (BUNDLED_DATA / "notes" / OLAGPT).read_text(encoding="utf-8")})
        config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
        config.update(site_url="https://example.org/notes-site/", repo_url="https://github.com/someone/papernotes",
                      edit_uri="edit/main/docs/")
        (site / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return site

    out = shared_build(tmp_path_factory, "deployed-site", make)  # once per run, whatever worker asks first
    assert "site_url also unlocks" not in build_log(out)
    return out


def test_every_note_page_describes_its_note(bundled_build: Path) -> None:
    notes = load_site(BUNDLED_ROOT).notes
    html = HtmlCache()
    for note in notes:
        soup = head(bundled_build, f"notes/{note.slug}")
        (description,) = prop(soup, "description")
        assert prop(soup, "og:description") == [description]
        # X reads og:title and og:description where its own tags are absent (issue 24: not repeated)
        assert prop(soup, "twitter:description") == prop(soup, "twitter:title") == []
        assert len(description) <= 161 and not re.search(r"</?(?:p|a|em|strong|code|math|mi|mo|mn|span)\b", description)  # plain text, no markup
        ko = plain(html.note_html(note).ko)
        assert ko.startswith(description.rstrip("…").rstrip())  # the Korean commentary, cut at a word
        if description.endswith("…"):
            assert ko[len(description) - 1:][:1] in (" ", ",", ".", ";", ":")
        assert prop(soup, "og:title") == [" ".join(note.title.split())]
        assert soup.title.string == f"{' '.join(note.title.split())} - papernotes"  # escaped once: parsed back as written
        assert prop(soup, "og:type") == ["article"]
        assert prop(soup, "article:published_time") == [note.date.isoformat()]
        assert prop(soup, "article:tag") == list(note.tags)
        assert prop(soup, "og:locale") == ["ko_KR"] and prop(soup, "og:locale:alternate") == ["en_US"]
        assert prop(soup, "twitter:card") == ["summary"]
        assert prop(soup, "og:url") == [] and soup.find("link", rel="canonical") is None  # no site_url
        assert soup.find("a", class_="pn-edit-link") is None  # no repo_url
        assert soup.find("a", class_="pn-contributing-link")["href"] == "../../contributing/"


def test_tag_day_month_and_home_pages(bundled_build: Path) -> None:
    result = load_site(BUNDLED_ROOT)
    notes, tags = result.notes, result.tags
    home = head(bundled_build, ".")
    assert home.title.string == "papernotes"
    (description,) = prop(home, "description")
    assert f"{len(notes)}개" in description and notes[0].date.isoformat() in description
    assert prop(home, "og:type") == ["website"] and prop(home, "article:published_time") == []
    tag = tags.get("rl")
    tagged = [n for n in notes if "rl" in n.tags]
    soup = head(bundled_build, "tags/rl")
    (description,) = prop(soup, "description")
    assert description.startswith(f"#rl ({tag.ko}) 태그의 논문 노트 {len(tagged)}개")
    assert prop(soup, "og:title") == [f"{tag.en} · {tag.ko}"]   # its labels, as the other listings are titled
    day = notes[0].date
    on_day = [n for n in notes if n.date == day]
    soup = head(bundled_build, f"archive/{day:%Y/%m/%d}")
    (description,) = prop(soup, "description")
    assert description.startswith(f"{day.year}년 {day.month}월 {day.day}일의 논문 노트 {len(on_day)}개: ")
    assert " ".join(on_day[0].title.split())[:40] in description
    in_month = [n for n in notes if (n.date.year, n.date.month) == (day.year, day.month)]
    soup = head(bundled_build, f"archive/{day:%Y/%m}")
    assert prop(soup, "description")[0].startswith(f"{day.year}년 {day.month}월의 논문 노트 {len(in_month)}개")
    descriptions = {prop(head(bundled_build, u), "description")[0] for u in (".", "tags", "archive", "browse", "stats", "tags/rl")}
    assert len(descriptions) == 6  # no more one site-wide description
    about = head(bundled_build, "about")
    assert prop(about, "og:title") and prop(about, "twitter:card") == ["summary"]
    assert about.find("a", class_="pn-contributing-link") is not None


@pytest.mark.slow  # its own build of the bundled notes
def test_site_url_and_edit_links(deployed: Path) -> None:
    note = next(n for n in load_site(BUNDLED_ROOT).notes if n.slug == "olagpt")
    soup = head(deployed, "notes/olagpt")
    assert prop(soup, "og:url") == ["https://example.org/notes-site/notes/olagpt/"]
    assert soup.find("link", rel="canonical")["href"] == "https://example.org/notes-site/notes/olagpt/"
    link = soup.find("a", class_="pn-edit-link")
    assert [(s["lang"], s.get_text()) for s in link.find_all("span", class_="pn-lang")] == [("ko", "이 노트 고치기"), ("en", "Edit this note")]
    assert link["href"] == f"https://github.com/someone/papernotes/edit/main/{note.source}"
    assert (ROOT / note.source).is_file()
    day = head(deployed, f"archive/{note.date:%Y/%m/%d}")
    assert prop(day, "og:url") == [f"https://example.org/notes-site/archive/{note.date:%Y/%m/%d}/"]
    assert day.find("a", class_="pn-edit-link") is None and day.find("a", class_="pn-contributing-link")
    sitemap = (deployed / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://example.org/notes-site/notes/olagpt/" in sitemap
    assert f"https://example.org/notes-site/archive/{note.date:%Y/%m/%d}/" in sitemap


def test_a_day_page_carries_the_post_papernotes_post_prints(bundled_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from papernotes.cli.main import main
    day = load_site(BUNDLED_ROOT).notes[0].date
    assert main(["post", day.isoformat(), "--root", str(BUNDLED_ROOT)]) == 0
    printed = capsys.readouterr().out
    soup = head(bundled_build, f"archive/{day:%Y/%m/%d}")
    assert soup.find("code", id=f"pn-post-{day.isoformat()}").get_text() == printed
    assert isinstance(day, dt.date)


@pytest.mark.parametrize("day, english", [(dt.date(2025, 4, 9), "April 9, 2025"), (dt.date(2024, 12, 30), "December 30, 2024")])
def test_english_dates_have_no_leading_zero_on_any_platform(day: dt.date, english: str) -> None:
    """Written without strftime's `%-d`, which only glibc knows (Windows and macOS builds failed or printed it)."""
    from types import SimpleNamespace

    from papernotes.config import read_settings
    from papernotes.pages.families.archive import day_meta

    settings = read_settings({"default_lang": "en"}, site_name="s", site_url=None)
    assert f"paper notes of {english}" in day_meta(day, (), "t", SimpleNamespace(settings=settings)).description  # type: ignore[arg-type]
    template = (ROOT / "hooks" / "papernotes" / "pages" / "templates" / "day.html").read_text(encoding="utf-8")
    assert "%-" not in template and "%#" not in template


def test_a_day_page_heading_gives_the_english_date(fixture_build: Path) -> None:
    soup = head(fixture_build, "archive/2025/04/09")
    assert "April 9, 2025" in soup.h1.get_text(" ")
