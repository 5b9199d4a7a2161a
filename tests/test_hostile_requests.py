"""No request to another host from anything a note or `tags.yml` contains.

An image from another site is a tracking pixel: every reader of every page that shows it tells
that host what they read, and when. Two tables: LOADS (every way a note can ask the browser to
fetch from elsewhere; each must load nothing) and LINKS (what the reader gets instead: the
image's alt text as a plain link, which loads only if the reader clicks it). The LOADS are then
built with the real `mkdocs build` (not strict: the checker warns about the tags it removes) and opened in Chromium with every request recorded:
not one may leave the site's own host.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import build, make_site
from hostile_base import note, write_site
from papernotes.markup import Converter, same_site_path
from test_hostile_render import parse

EVIL = "evil.example"
# (id, Markdown or HTML in a note body): each asks a browser to fetch something from EVIL.
LOADS = [
    ("md-image", f"![pixel](https://{EVIL}/md.png)"),
    ("md-image-http", f"![pixel](http://{EVIL}/http.png)"),
    ("md-image-no-alt", f"![](https://{EVIL}/noalt.png)"),
    ("md-image-reference", f"![ref][px]\n\n[px]: https://{EVIL}/ref.png"),
    ("md-image-protocol-relative", f"![pixel](//{EVIL}/pr.png)"),
    ("html-img", f'<img src="https://{EVIL}/img.png" alt="pixel">'),
    ("html-img-protocol-relative", f'<img src="//{EVIL}/img-pr.png">'),
    ("html-img-backslashes", f'<img src="\\\\{EVIL}/bs.png"> <img src="/\\{EVIL}/bs2.png">'),
    ("html-img-tab-in-slashes", f'<img src="/&#x09;/{EVIL}/tab.png">'),
    ("html-img-entity-scheme", f'<img src="&#104;ttps://{EVIL}/ent.png">'),
    ("html-img-upper-scheme", f'<IMG SRC="HTTPS://{EVIL}/upper.png">'),
    ("html-img-srcset", f'<img src="x.png" srcset="https://{EVIL}/srcset.png 2x">'),
    ("html-picture-source", f'<picture><source srcset="https://{EVIL}/pic.png"><img src="x.png"></picture>'),
    ("html-video-poster", f'<video poster="https://{EVIL}/poster.png" src="https://{EVIL}/v.mp4"></video>'),
    ("html-audio", f'<audio src="https://{EVIL}/a.mp3" autoplay></audio>'),
    ("html-iframe", f'<iframe src="https://{EVIL}/frame"></iframe>'),
    ("html-embed-object", f'<embed src="https://{EVIL}/e.swf"><object data="https://{EVIL}/o.swf"></object>'),
    ("css-style-url", f'<p style="background:url(https://{EVIL}/css.png)">styled</p>'),
    ("css-style-tag", f"<style>@import url(https://{EVIL}/i.css); body{{background:url(//{EVIL}/b.png)}}</style>"),
    ("svg-image", f'<svg><image href="https://{EVIL}/svg.png"/><use href="https://{EVIL}/u.svg#a"/></svg>'),
    ("link-preload", f'<link rel="preload" as="image" href="https://{EVIL}/pre.png"><link rel="stylesheet" href="https://{EVIL}/s.css">'),
    ("meta-refresh", f'<meta http-equiv="refresh" content="0;url=https://{EVIL}/refresh">'),
    ("anchor-ping", f'<a href="https://example.org/" ping="https://{EVIL}/ping">a link with ping</a>'),
    ("table-background", f'<table background="https://{EVIL}/tbl.png"><tr><td background="https://{EVIL}/td.png">c</td></tr></table>'),
    ("input-image", f'<input type="image" src="https://{EVIL}/input.png">'),
    ("math-href", f'<math><mi href="https://{EVIL}/mi">x</mi></math> $\\href{{https://{EVIL}/tex}}{{y}}$'),
    ("base-href", f'<base href="https://{EVIL}/">![rel](rel.png)'),
]

# (id, Markdown, (link text, href)): what a reader sees instead of a remote image.
LINKS = [
    ("alt-text", '![그림 1: 결과](https://example.org/fig.png "Figure 1")', ("그림 1: 결과", "https://example.org/fig.png")),
    ("no-alt-shows-file-name", "![](https://example.org/plots/loss.svg)", ("loss.svg", "https://example.org/plots/loss.svg")),
    ("protocol-relative", '<img src="//example.org/a.png" alt="a">', ("a", "//example.org/a.png")),
    ("image-with-query", "![](https://example.org/plots/loss.svg?v=2#top)", ("loss.svg", "https://example.org/plots/loss.svg?v=2#top")),
    ("html-with-hostile-alt", '<img src="https://example.org/a.png" alt="&quot;><b>x</b>">', ('"><b>x</b>', "https://example.org/a.png")),
]

# (url, resolved by a browser on the page's own host?)
SAME_SITE = [
    ("fig.png", True), ("../assets/fig.png", True), ("/assets/fig.png", True), ("?x=1", True),
    ("https://example.org/a.png", False), ("HTTP://example.org", False), ("//example.org/a", False),
    ("\\\\example.org/a", False), ("/\\example.org/a", False), ("/\t/example.org/a", False),
    (" //example.org/a", False), ("data:image/png;base64,AA", False), ("", False),
]


@pytest.mark.parametrize("url, same", SAME_SITE)
def test_same_site_path(url: str, same: bool) -> None:
    assert same_site_path(url) is same


@pytest.mark.parametrize("markdown", [pytest.param(m, id=i) for i, m in LOADS])
def test_rendered_note_names_no_other_host_in_a_loading_attribute(markdown: str) -> None:
    loading = {"src", "srcset", "poster", "data", "background", "ping", "style"}
    for tag, attrs in parse(Converter().convert(markdown)).elements:
        for name, value in attrs.items():
            assert not (name in loading and EVIL in value), (tag, name, value)
        assert tag not in {"base", "link", "meta", "style", "iframe", "embed", "object", "video", "audio", "source", "svg", "input"}


@pytest.mark.parametrize("markdown, expected", [pytest.param(m, e, id=i) for i, m, e in LINKS])
def test_remote_image_becomes_its_alt_text_as_a_link(markdown: str, expected: tuple[str, str]) -> None:
    html = Converter().convert(markdown)
    elements = parse(html).elements
    assert not any(tag == "img" for tag, _ in elements), html
    text, href = expected
    assert ("a", href) in [(tag, attrs.get("href")) for tag, attrs in elements], html
    assert text in "".join(parse(html).text), html


def test_an_image_on_the_site_itself_still_shows() -> None:
    elements = parse(Converter().convert("![로고](../../assets/logo.png)")).elements
    assert ("img", "../../assets/logo.png", "로고") in [(t, a.get("src"), a.get("alt")) for t, a in elements]


HOSTILE_TAG = f"""\
pixel-tag:
  ko: '<img src="https://{EVIL}/tag-ko.png"> 태그'
  en: '![x](https://{EVIL}/tag-en.png)'
  description:
    ko: '<img src=//{EVIL}/tag-desc-ko.png> <style>@import "https://{EVIL}/d.css"</style> 설명'
    en: '<img src=//{EVIL}/tag-desc.png> <style>@import "https://{EVIL}/d.css"</style>'
"""


@pytest.fixture(scope="module")
def pixel_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every LOADS case as the English commentary of its own note, one more in an abstract,
    and a note using a tag whose labels try to load from EVIL."""
    notes = {f"2024/{case_id}.md": note(arxiv=f'"2406.{20000 + i}"', body=f"\n## 한국어\n\n본문.\n\n## English\n\nBefore.\n\n{markdown}\n")
             for i, (case_id, markdown) in enumerate(LOADS)}
    notes["2024/abstract-pixel.md"] = note(arxiv='"2406.29998"', body=f"\n## Abstract\n\n![a](https://{EVIL}/abs.png)\n\n## 한국어\n\n본문.\n\n## English\n\nText.\n")
    notes["2024/tagged-pixel.md"] = note(arxiv='"2406.29999"', tags="[pixel-tag, rl]")
    root = write_site(tmp_path_factory.mktemp("pixel-data"), notes)
    with (root / "data" / "tags.yml").open("a", encoding="utf-8") as f:
        f.write(HOSTILE_TAG)
    site = make_site(tmp_path_factory.mktemp("pixel-site"), data=root / "data")
    result = build(site, strict=False)
    assert result.returncode == 0, result.stderr
    assert "the HTML tag <iframe> is removed from the page" in result.stderr  # and the writer is told
    return site / "site"


@pytest.mark.browser
def test_no_page_makes_a_request_to_another_host(pixel_site: Path, serve, page) -> None:  # noqa: ANN001
    base = serve(pixel_site)
    elsewhere: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(base) else elsewhere.append(request.url))
    # Recorded above, then refused: the test must not depend on (or reach) the network.
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
    urls = ["", "archive/2024/06/01/", "tags/", "tags/rl/", "tags/pixel-tag/", "notes/abstract-pixel/", "notes/tagged-pixel/",
            "browse/", *(f"notes/{case_id}/" for case_id, _ in LOADS)]
    for url in urls:
        response = page.goto(base + url, wait_until="load")
        assert response is not None and response.ok, url
        page.wait_for_timeout(50)
    assert elsewhere == [], "requests to other hosts:\n  " + "\n  ".join(elsewhere)
    # The day page shows every case in full; each remote image is a link the reader may follow.
    page.goto(base + "archive/2024/06/01/")
    links = page.locator("a.pn-image-link")
    assert links.count() >= 8
    assert f"https://{EVIL}/md.png" in [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert {urlsplit(u).hostname for u in elsewhere} == set()
