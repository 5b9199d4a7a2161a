"""Every URL and source path of the site, in one place.

URLs are site-relative, directory style (`notes/<slug>/`), and links between pages are made
relative (`relative`) so the site works at a domain root and under a sub-path such as
GitHub Pages' `/<repo>/`.

| page            | source file (`src_uri`)          | URL                        |
|-----------------|----------------------------------|----------------------------|
| home            | `index.md`                       | ``                         |
| note            | `notes/<slug>.md`                | `notes/<slug>/`            |
| tag index       | `tags/index.md`                  | `tags/`                    |
| tag (page n>1)  | `tags/<tag>.md`, `tags/<tag>/page/<n>.md` | `tags/<tag>/`, `tags/<tag>/page/<n>/` |
| archive         | `archive/index.md`               | `archive/`                 |
| year            | `archive/<yyyy>/index.md`        | `archive/<yyyy>/`          |
| month           | `archive/<yyyy>/<mm>/index.md`   | `archive/<yyyy>/<mm>/`     |
| month (page n>1)| `archive/<yyyy>/<mm>/page/<n>.md`| `archive/<yyyy>/<mm>/page/<n>/` |
| day             | `archive/<yyyy>/<mm>/<dd>.md`    | `archive/<yyyy>/<mm>/<dd>/`|
| day (page n>1)  | `archive/<yyyy>/<mm>/<dd>/page/<n>.md` | `archive/<yyyy>/<mm>/<dd>/page/<n>/` |
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Callable
from urllib.parse import quote


def src_to_url(src_uri: str) -> str:
    """The URL MkDocs gives a Markdown source with `use_directory_urls: true`."""
    stem = src_uri[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def home() -> str:
    return "index.md"


def note(slug: str) -> str:
    return f"notes/{slug}.md"


def tag_index() -> str:
    return "tags/index.md"


def tag(slug: str, page: int = 1) -> str:
    return f"tags/{slug}.md" if page == 1 else f"tags/{slug}/page/{page}.md"


def archive() -> str:
    return "archive/index.md"


def year(y: int) -> str:
    return f"archive/{y:04d}/index.md"


def month(y: int, m: int, page: int = 1) -> str:
    return f"archive/{y:04d}/{m:02d}/index.md" if page == 1 else f"archive/{y:04d}/{m:02d}/page/{page}.md"


def day(d: dt.date, page: int = 1) -> str:
    stem = f"archive/{d.year:04d}/{d.month:02d}/{d.day:02d}"
    return f"{stem}.md" if page == 1 else f"{stem}/page/{page}.md"


def relative(from_src: str, to: str) -> str:
    """A link from the page built from `from_src` to `to` (a page source `*.md` or a file path)."""
    return linker(from_src)(to)


def linker(from_src: str) -> Callable[[str], str]:
    """`relative` bound to one page, with the page's own path split once (pages make many links)."""
    here = [p for p in src_to_url(from_src).split("/") if p]

    def link(to: str) -> str:
        target = src_to_url(to) if to.endswith(".md") else to
        parts = [p for p in target.split("/") if p]
        common = 0
        for a, b in zip(here, parts):
            if a != b:
                break
            common += 1
        rel = "/".join([".."] * (len(here) - common) + parts[common:])
        if (target == "" or target.endswith("/")) and not rel.endswith("/"):
            rel = (rel + "/") if rel else "./"
        return _quote(rel)

    return link


@lru_cache(maxsize=65536)
def _quote(rel: str) -> str:
    return quote(rel, safe="/:#?=&%.-_~")


def arxiv_abs(arxiv_id: str) -> str:
    return f"https://arxiv.org/abs/{arxiv_id}"


def arxiv_pdf(arxiv_id: str) -> str:
    return f"https://arxiv.org/pdf/{arxiv_id}"


def hf_paper(arxiv_id: str) -> str | None:
    """Hugging Face paper pages exist for new-style arXiv ids only."""
    return None if "/" in arxiv_id else f"https://huggingface.co/papers/{arxiv_id}"
