"""End-to-end: a real `mkdocs build --strict` of the fixture site, checked with an HTML parser."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import BUNDLED_DATA, ROOT, build, make_site
from papernotes.catalog import urls
from papernotes.source.tree import load_site

NOTES = {  # slug: (title, day, tags)
    "alpha": ("Alpha: Reward Models at Scale", "2024-12-30", ["reward-model"]),
    "beta": ("Beta: RL for Reasoning", "2025-01-05", ["rl", "reasoning"]),
    "gamma": ("Gamma: Safe Reward Shaping", "2025-01-05", ["reward-model", "safety"]),
    "delta": ("Delta: A Study of Chains", "2025-01-20", ["reasoning"]),
    "epsilon": ("Epsilon: Old-Style Identifier", "2025-04-09", ["rl"]),
    "zeta": ("Zeta: Reward Hacking", "2025-04-09", ["reward-model", "rl", "safety"]),
    "eta": ("Eta: No arXiv", "2025-04-09", ["reasoning"]),
}
TAG_PAGES = {  # newest first, ties by slug
    "reward-model": ["zeta", "gamma", "alpha"],
    "rl": ["epsilon", "zeta", "beta"],
    "reasoning": ["eta", "delta", "beta"],
    "safety": ["zeta", "gamma"],
    "unused-tag": [],
}
DAY_PAGES = {  # day: (notes, previous day, next day)
    "2024/12/30": (["alpha"], None, "2025/01/05"),
    "2025/01/05": (["beta", "gamma"], "2024/12/30", "2025/01/20"),
    "2025/01/20": (["delta"], "2025/01/05", "2025/04/09"),
    "2025/04/09": (["epsilon", "eta", "zeta"], "2025/01/20", None),
}
MONTH_PAGES = {"2024/12": ["2024-12-30"], "2025/01": ["2025-01-20", "2025-01-05"], "2025/04": ["2025-04-09"]}
YEAR_PAGES = {"2024": ["2024-12-30"], "2025": ["2025-04-09", "2025-01-20", "2025-01-05"]}


def soup(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html"
    assert path.is_file(), f"missing page {url}"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def nav_sections() -> set[str]:
    """The URLs of the navigation's entries as mkdocs.yml names them, so a page added to `nav`
    (a new page family's index, a docs page) is checked without a second list here."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    found = {urls.src_to_url(src) for entry in config["nav"] for src in entry.values()}
    assert {"", "tags/", "archive/", "list/", "about/"} <= found, found
    return found


def resolve(site: Path, page_url: str, href: str) -> str:
    """The site path a relative link on `page_url` points to."""
    return urlsplit(urljoin("http://site/" + page_url, href)).path.lstrip("/")


@pytest.mark.parametrize("slug", NOTES)
def test_every_note_has_its_page(fixture_build: Path, slug: str) -> None:
    title, day, tags = NOTES[slug]
    page = soup(fixture_build, f"notes/{slug}")
    article = page.select_one("article.pn-note--page")
    assert article.h1.get_text() == title
    assert page.title.get_text().startswith(title)
    date_link = article.select_one("a.pn-date")
    assert date_link.get_text() == day
    # the date is the <time>'s text, a valid date string, with no `datetime` repeating it (issue 24)
    assert date_link.time is not None and date_link.time.attrs == {} and dt.date.fromisoformat(date_link.time.get_text())
    assert resolve(fixture_build, f"notes/{slug}/", date_link["href"]) == f"archive/{day.replace('-', '/')}/"
    tag_links = [resolve(fixture_build, f"notes/{slug}/", a["href"]) for a in article.select(".pn-facts a.pn-tag")]
    assert tag_links == [f"tags/{t}/" for t in tags]
    assert article.select_one('.pn-commentary .pn-lang[lang="ko"]') and article.select_one('.pn-commentary .pn-lang[lang="en"]')


def test_paper_links_follow_the_identifier(fixture_build: Path) -> None:
    def links(slug: str) -> list[str]:
        return [a["href"] for a in soup(fixture_build, f"notes/{slug}").select(".pn-facts .pn-links a")]

    assert links("zeta") == ["https://arxiv.org/abs/2504.00006", "https://arxiv.org/pdf/2504.00006",
                             "https://huggingface.co/papers/2504.00006", "https://github.com/example/zeta"]
    assert links("epsilon") == ["https://arxiv.org/abs/cs/0112017", "https://arxiv.org/pdf/cs/0112017"]
    assert links("eta") == ["https://example.org/eta.pdf"]
    assert "Example Lab" in soup(fixture_build, "notes/zeta").select_one(".pn-org").get_text()


def test_commentary_markdown_renders(fixture_build: Path) -> None:
    beta = soup(fixture_build, "notes/beta")
    assert beta.select_one('.pn-lang[lang="en"] math'), "inline $...$ becomes MathML"
    gamma = soup(fixture_build, "notes/gamma")
    assert [li.get_text() for li in gamma.select('.pn-lang[lang="en"] ul li')] == ["first", "second"]
    delta = soup(fixture_build, "notes/delta")
    assert delta.select_one('.pn-lang[lang="ko"] a')["href"] == "https://github.com/example/delta"


@pytest.mark.parametrize("tag", TAG_PAGES)
def test_each_tag_page_lists_exactly_its_notes(fixture_build: Path, tag: str) -> None:
    page = soup(fixture_build, f"tags/{tag}")
    assert [li["data-slug"] for li in page.select("li.pn-item")] == TAG_PAGES[tag]
    assert page.select_one("p.pn-count")["data-count"] == str(len(TAG_PAGES[tag]))


def test_tag_labels_are_bilingual_and_index_counts(fixture_build: Path) -> None:
    page = soup(fixture_build, "tags/reward-model")
    assert page.select_one('h1 .pn-lang[lang="ko"]').get_text() == "보상 모델"
    assert page.select_one('h1 .pn-lang[lang="en"]').get_text() == "Reward model"
    index = soup(fixture_build, "tags")
    counts = {li["data-tag"]: int(li["data-count"]) for li in index.select(".pn-tag-index li")}
    assert counts == {tag: len(notes) for tag, notes in TAG_PAGES.items()}
    assert list(counts) == ["reasoning", "reward-model", "rl", "safety", "unused-tag"], "by count, then name"


@pytest.mark.parametrize("day", DAY_PAGES)
def test_day_pages_hold_their_notes_and_link_neighbours(fixture_build: Path, day: str) -> None:
    notes, older, newer = DAY_PAGES[day]
    url = f"archive/{day}/"
    page = soup(fixture_build, url)
    assert [a["data-slug"] for a in page.select("article.pn-note")] == notes
    prev_link, next_link = page.select_one("a.pn-prev"), page.select_one("a.pn-next")
    assert (resolve(fixture_build, url, prev_link["href"]) if prev_link else None) == (f"archive/{older}/" if older else None)
    assert (resolve(fixture_build, url, next_link["href"]) if next_link else None) == (f"archive/{newer}/" if newer else None)


@pytest.mark.parametrize("month", MONTH_PAGES)
def test_month_pages_list_their_days(fixture_build: Path, month: str) -> None:
    page = soup(fixture_build, f"archive/{month}")
    assert [li["data-day"] for li in page.select("li.pn-day")] == MONTH_PAGES[month]
    listed = {li["data-slug"] for li in page.select("li[data-slug]")}
    assert listed == {s for s, (_, d, _) in NOTES.items() if d.startswith(month.replace("/", "-"))}


@pytest.mark.parametrize("year", YEAR_PAGES)
def test_year_pages_list_their_days(fixture_build: Path, year: str) -> None:
    page = soup(fixture_build, f"archive/{year}")
    assert [li["data-day"] for li in page.select("li[data-day]")] == YEAR_PAGES[year]


def test_archive_and_home(fixture_build: Path) -> None:
    archive = soup(fixture_build, "archive")
    assert [a.get_text() for a in archive.select("h2 a")] == ["2025", "2024"]
    home = soup(fixture_build, "")
    assert [a["data-slug"] for a in home.select("article.pn-note")] == ["epsilon", "eta", "zeta", "delta", "beta", "gamma"]


def test_navigation_holds_section_pages_only(fixture_build: Path) -> None:
    nav = soup(fixture_build, "notes/alpha").select_one("nav.md-nav--primary")
    targets = {resolve(fixture_build, "notes/alpha/", a["href"]) for a in nav.select("a[href]")}
    assert targets == nav_sections()


def test_each_navigation_page_has_one_name_in_each_language(fixture_build: Path) -> None:
    """A phone QA pass found one page under several names: the English menu's "Wanted papers"
    was titled "Papers waiting for a note", the Korean menu's 성능 and 기여 were headed 성능 측정
    and 기여 안내. Each page of the navigation has, in each language, the menu's label as its
    tab's title and as its heading (mkdocs.yml's `nav` "English · 한국어", the page's title, its
    h1: a Markdown page's in its language's half, a generated page's two spans)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    for entry in config["nav"]:
        (label, src), = entry.items()
        url = urls.src_to_url(src)
        if not url:
            continue   # the home page is titled by the site's name
        en, ko = label.split(" · ")
        page = soup(fixture_build, url)
        assert page.title.string == f"{label} - papernotes", url
        heading = {}
        for h1 in page.select("h1"):
            halves = h1.select(":scope > [lang]")
            for part in halves or [h1]:
                lang = part.get("lang") or part.find_parent(attrs={"lang": True}).get("lang")
                heading[lang] = part.get_text(" ", strip=True).removesuffix("¶").strip()
        assert heading == {"en": en, "ko": ko}, (url, heading)


def test_navigation_is_right_on_every_page(fixture_build: Path) -> None:
    """The sidebars are rendered once per way up to the root for pages outside the navigation
    (the hook's `pn_cached`): every page, at every depth and in every folder, still links each
    navigation entry, and marks as current the page itself only when it is in the navigation.
    Author pages have the lean shell: the navigation, no table of contents
    (`test_author_pages_have_the_lean_shell_and_a_way_back`)."""
    sections = nav_sections()
    checked = set()
    for html in sorted(fixture_build.rglob("index.html")):
        url = html.relative_to(fixture_build).parent.as_posix() + "/"
        url = "" if url == "./" else url
        nav = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select_one("nav.md-nav--primary")
        targets = {resolve(fixture_build, url, a["href"]) for a in nav.select("a.md-nav__link[href]")}
        active = {resolve(fixture_build, url, a["href"]) for a in nav.select("a.md-nav__link--active[href]")}
        assert targets == sections, url
        assert active == ({url} & sections), url
        checked.add((url.count("/"), url.split("/")[0]))
    assert len(checked) > 8  # pages of several depths and folders


def test_the_theme_parts_rendered_once_are_the_parts_rendered_on_every_page(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The hook renders parts of the theme's shell once per key (`pn_cached`: the sidebars, the
    header around the title, the styles, the footer, the scripts). Built again with every part
    rendered on every page, each page is the same, byte for byte. (Both builds here: the hook
    module is loaded in this process by the first.)"""
    import sys

    cached = make_site(tmp_path / "cached")
    assert build(cached).returncode == 0
    site = make_site(tmp_path / "site")
    hook = next(m for name, m in sys.modules.items() if name.endswith(("papernotes_hook.py", "papernotes_hook")))
    monkeypatch.setattr(hook, "_cached", lambda name, key, caller: caller())
    assert build(site).returncode == 0
    pages = sorted(p.relative_to(cached / "site") for p in (cached / "site").rglob("*.html"))
    assert len(pages) > 30
    differ = [str(p) for p in pages if (site / "site" / p).read_bytes() != (cached / "site" / p).read_bytes()]
    assert differ == []


def test_every_internal_link_resolves(fixture_build: Path) -> None:
    broken = []
    for html in fixture_build.rglob("*.html"):
        url = html.relative_to(fixture_build).parent.as_posix() + "/"
        url = "" if url == "./" else url
        for a in BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select("a[href]"):
            href = a["href"]
            if urlsplit(href).scheme or href.startswith("#"):
                continue
            target = fixture_build / unquote(resolve(fixture_build, url, href))
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{url} -> {href}")
    assert broken == []


def test_a_broken_note_stops_the_build_listing_every_problem(tmp_path: Path) -> None:
    bad_one = "---\ntitle: Bad\nauthors: [A]\ndate: 2025-02-30\ntags: [rl]\narxiv: 2501.12340\n---\n\n## 한국어\n\n코멘트\n"
    bad_two = "---\ntitle: Worse\nauthors: [A]\ndate: 2025-01-01\ntags: [reward-modle]\nurl: https://example.org\n---\n\n## English\n\nx\n"
    site = make_site(tmp_path, notes={"2025/bad-one.md": bad_one, "2025/bad-two.md": bad_two})
    result = build(site)
    assert result.returncode != 0
    for expected in (
        "data/notes/2025/bad-one.md:4:7: error: date: '2025-02-30' is not a real calendar date",
        'data/notes/2025/bad-one.md:6:8: error: arxiv: YAML reads the unquoted arXiv id 2501.12340',
        "data/notes/2025/bad-two.md:5:8: error: tags[0]: unknown tag 'reward-modle' (did you mean 'reward-model': Reward model, 보상 모델?)",
    ):
        assert expected in result.stderr, result.stderr


def test_a_warning_fails_strict_and_shows_a_marker_otherwise(tmp_path: Path) -> None:
    korean_only = "---\ntitle: Only Korean\nauthors: [A]\ndate: 2025-05-01\ntags: [rl]\nurl: https://example.org/k\n---\n\n## 한국어\n\n한국어만 있습니다.\n"
    site = make_site(tmp_path, notes={"2025/korean-only.md": korean_only})
    strict = build(site)
    assert strict.returncode != 0
    assert "data/notes/2025/korean-only.md:9:1: warning: ## English: the English commentary is missing" in strict.stderr
    assert build(site, strict=False).returncode == 0
    page = soup(site / "site", "notes/korean-only")
    block = page.select_one(".pn-commentary.pn-only-ko")
    assert block.select_one('.pn-missing[lang="en"]').get_text().startswith("No English commentary yet")
    assert block.select_one('.pn-lang[lang="ko"]').get_text(strip=True) == "한국어만 있습니다."


@pytest.mark.slow  # a build of every note in data/
def test_the_repositorys_notes_build_strict(tmp_path: Path) -> None:
    """data/ as it is, with any note a contributor added (the other tests read the bundled notes
    they know, conftest.BUNDLED_DATA): the strict build CI runs passes, a page per note."""
    site = make_site(tmp_path / "site", data=ROOT / "data")
    result = build(site)
    assert result.returncode == 0, result.stderr
    notes = sorted(n.slug for n in load_site(ROOT).notes)  # drafts are not published
    assert sorted(p.parent.name for p in (site / "site" / "notes").glob("*/index.html")) == notes


def test_bundled_site_builds_strict_with_a_page_per_note(bundled_build: Path) -> None:
    notes = sorted(p.stem for p in (BUNDLED_DATA / "notes").rglob("*.md"))
    pages = sorted(p.parent.name for p in (bundled_build / "notes").glob("*/index.html"))
    assert pages == notes and len(notes) >= 30
    feed_day = soup(bundled_build, "archive/2025/04/09")
    assert len(feed_day.select("article.pn-note")) == 3


def _english_count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def test_english_counts_say_one_note_and_one_day(bundled_build: Path) -> None:
    """Month and year pages said "1 notes on 1 days" and "1 notes" (day, tag and author pages
    already said "1 note"). Every archive page of the bundled site, whatever its counts."""
    months = sorted(bundled_build.glob("archive/[0-9]*/[0-9][0-9]/index.html"))
    years = sorted(bundled_build.glob("archive/[0-9]*/index.html"))
    assert months and years
    singular = 0
    for page in months:
        html = soup(bundled_build, str(page.parent.relative_to(bundled_build)))
        count = html.select_one("p.pn-count")
        notes, days = int(count["data-count"]), len(html.select("li.pn-day"))
        english = count.select_one('[lang="en"]').get_text()
        assert english == f"{_english_count(notes, 'note')} on {_english_count(days, 'day')}", (page, english)
        singular += notes == 1 or days == 1
    for page in years:
        html = soup(bundled_build, str(page.parent.relative_to(bundled_build)))
        count = html.select_one("p.pn-count")
        assert count.select_one('[lang="en"]').get_text() == _english_count(int(count["data-count"]), "note"), page
    assert singular   # the bundled notes have such a month, so the singular was met


FIRST_PAINT_PAGES = ["", "notes/zeta", "tags", "tags/rl", "archive/2025/04/09", "browse", "stats", "list", "about"]


@pytest.mark.parametrize("url", FIRST_PAINT_PAGES)
def test_the_first_paint_waits_for_one_stylesheet_of_ours_and_no_script(fixture_build: Path, url: str) -> None:
    """Issue 18: a phone's first paint waits for every stylesheet in the head, so the site has
    one (after the theme's two); the modules run after it (deferred) and are fetched at low
    priority, each module they import named at once (`modulepreload`), not found one import
    level at a time."""
    page = soup(fixture_build, url)
    sheets = [resolve(fixture_build, url + "/", link["href"]) for link in page.select('link[rel="stylesheet"]')]
    assert [s.rsplit("/", 1)[-1].split(".")[0] for s in sheets] == ["main", "palette", "papernotes"], sheets
    assert page.select("style") == [] or all(s.find_parent("noscript") for s in page.select("style"))
    scripts = page.select("script[src]")
    assert scripts and all(s.has_attr("defer") or s.get("type") == "module" for s in scripts)
    modules = [resolve(fixture_build, url + "/", s["src"]) for s in scripts if s.get("type") == "module"]
    assert all(s.get("fetchpriority") == "low" for s in scripts if s.get("type") == "module")
    preloads = [link for link in page.select('link[rel="modulepreload"]')]
    assert all(link.get("fetchpriority") == "low" for link in preloads)
    named = set(modules) | {resolve(fixture_build, url + "/", link["href"]) for link in preloads}
    imported = {resolve(fixture_build, module, spec) for module in named
                for spec in re.findall(r'^import [^;]*?from "(\.[^"]+)"', (fixture_build / module).read_text(encoding="utf-8"), re.M)}
    assert imported <= named, f"{url or 'home'}: imported but not preloaded: {sorted(imported - named)}"


def test_every_icon_a_page_draws_is_in_the_shared_sprite(fixture_build: Path) -> None:
    """The theme's icons come from assets/icons.svg (issue 24: inline, they were ~1 kB of every
    page): each `<use>` on every page names a symbol the sprite has, by a path that reaches it."""
    import re

    sprite = (fixture_build / "assets" / "icons.svg").read_text(encoding="utf-8")
    symbols = set(re.findall(r'<symbol id="([^"]+)"', sprite))
    pages = sorted(fixture_build.rglob("index.html"))
    used: set[str] = set()
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<path" not in html.split("<article", 1)[0], f"{page}: an icon inline in the shell"
        for href in re.findall(r'<use href="([^"]+)"', html):
            path, _, symbol = href.partition("#")
            assert (page.parent / path).resolve() == (fixture_build / "assets" / "icons.svg").resolve(), (page, href)
            used.add(symbol)
    assert used == symbols == {"logo", "menu", "close", "dark", "light", "up"}


def test_author_pages_have_the_lean_shell_and_a_way_back(fixture_build: Path) -> None:
    """Author pages carry no table-of-contents sidebar (issue 24) but keep the navigation and its
    drawer button: on a phone the menu is the way to the rest of the site (the theme hides the
    logo there). A trail leads to the authors index and home, in both languages."""
    authors = sorted(p for p in (fixture_build / "authors").iterdir() if (p / "index.html").is_file())
    assert authors, "the fixture has an author with two notes"
    page = soup(fixture_build, f"authors/{authors[0].name}")
    assert not page.select(".md-sidebar--secondary")
    assert page.select(".md-sidebar--primary .md-nav__link") and page.select('.md-header label[for="__drawer"]')
    trail = page.select_one("nav.pn-trail")
    assert [a["href"] for a in trail.select("a")] == ["../../", "../"]
    assert [s.get_text() for s in trail.select('[lang="ko"]')] == ["홈", "저자"]
    assert [s.get_text() for s in trail.select('[lang="en"]')] == ["Home", "Authors"]
    note = soup(fixture_build, "notes/zeta")
    assert note.select(".md-sidebar--primary .md-nav__link") and note.select('.md-header label[for="__drawer"]')


def test_generated_pages_have_a_compact_shell(fixture_build: Path) -> None:
    """A page without a table of contents keeps the table-of-contents sidebar as an empty box (its
    width on a wide screen), without the theme's empty, named <nav> in three wrappers; the
    navigation's items are one line each, their titles in a bare <span> (issue 24: 12 items on
    every page). A page with a table of contents keeps the theme's sidebar."""
    note_html = (fixture_build / "notes" / "zeta" / "index.html").read_text(encoding="utf-8")
    note = BeautifulSoup(note_html, "html.parser")
    (box,) = note.select(".md-sidebar--secondary")
    assert not box.contents and not note.select(".md-nav--secondary")
    items = note.select(".md-sidebar--primary .md-nav__item")
    assert len(items) >= 10 and not note.select(".md-sidebar--primary .md-ellipsis")
    assert all(str(li).count("\n") == 0 and li.a.contents[0].name == "span" and not li.a.contents[0].get("class")
               for li in items), items[0]
    assert [s["lang"] for s in items[0].select(".pn-lang")] == ["ko", "en"]
    # the theme's content-tabs script: this site has no `pymdownx.tabbed`, so no tab to check
    assert "__tabbed_" not in note_html and "__tabbed_" not in (fixture_build / "index.html").read_text(encoding="utf-8")
    guide = soup(fixture_build, "contributing")
    assert guide.select_one(".md-sidebar--secondary nav.md-nav--secondary .md-nav__link")


@pytest.mark.parametrize("directory_urls", [True, False])
def test_generated_files_are_the_files_mkdocs_would_make(directory_urls: bool) -> None:
    """The hook makes its 19,000 page files without MkDocs' path objects (a tenth of a save at
    10,000 notes): each must be what `File` makes of the same page, for every kind of source
    path the site plans (catalog/urls.py) and any other a docs folder may hold."""
    import importlib.util

    from mkdocs.structure.files import File

    spec = importlib.util.spec_from_file_location("papernotes_hook_files", ROOT / "hooks" / "papernotes_hook.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    for uri in ["index.md", "notes/think-rm.md", "tags/rl/page/2.md", "archive/2025/01/index.md", "archive/2025/01/02.md",
                "README.md", "a/README.md", "authors/j.-doe.md", "a/xindex.md", "labs/index-lab.md"]:
        theirs = File(uri, src_dir=None, dest_dir="/site", use_directory_urls=directory_urls)
        ours = hook.GeneratedFile(uri, src_dir=None, dest_dir="/site", use_directory_urls=directory_urls,
                                  dest_uri=hook._dest_uri(uri, directory_urls))
        fields = ("src_uri", "src_path", "dest_uri", "dest_path", "abs_dest_path", "url", "name")
        assert [getattr(ours, f) for f in fields] == [getattr(theirs, f) for f in fields], uri
