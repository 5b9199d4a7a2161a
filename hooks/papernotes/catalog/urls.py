"""Every URL and source path of the site, in one place.

URLs are site-relative, directory style (`notes/<slug>/`), and links between pages are made
relative (`relative`) so the site works at a domain root and under a sub-path such as
GitHub Pages' `/<repo>/`.

| page            | source file (`src_uri`)          | URL                        |
|-----------------|----------------------------------|----------------------------|
| home            | `index.md`                       | ``                         |
| note            | `notes/<slug>.md`                | `notes/<slug>/`            |
| tag index       | `tags/index.md`                  | `tags/`                    |
| tag index (page n>1) | `tags/_/<n>.md`             | `tags/_/<n>/`              |
| tag (page n>1)  | `tags/<tag>.md`, `tags/<tag>/page/<n>.md` | `tags/<tag>/`, `tags/<tag>/page/<n>/` |
| archive         | `archive/index.md`               | `archive/`                 |
| year            | `archive/<yyyy>/index.md`        | `archive/<yyyy>/`          |
| month           | `archive/<yyyy>/<mm>/index.md`   | `archive/<yyyy>/<mm>/`     |
| month (page n>1)| `archive/<yyyy>/<mm>/page/<n>.md`| `archive/<yyyy>/<mm>/page/<n>/` |
| day             | `archive/<yyyy>/<mm>/<dd>.md`    | `archive/<yyyy>/<mm>/<dd>/`|
| day (page n>1)  | `archive/<yyyy>/<mm>/<dd>/page/<n>.md` | `archive/<yyyy>/<mm>/<dd>/page/<n>/` |
| browse (filter) | `browse/index.md`                | `browse/`                  |
| statistics      | `stats/index.md`                 | `stats/`                   |
| authors index   | `authors/index.md`               | `authors/`                 |
| author          | `authors/<slug>.md`              | `authors/<slug>/`          |
| labs index      | `labs/index.md`                  | `labs/`                    |
| lab (org)       | `labs/<slug>.md`                 | `labs/<slug>/`             |
| papers to note  | `wanted/index.md`                | `wanted/`                  |

Files that are not pages (written by the hook; paths relative to the site root):

| file                          | what                                             |
|-------------------------------|--------------------------------------------------|
| `feed.xml`                    | Atom feed of the newest notes                    |
| `tags/<tag>/feed.xml`         | Atom feed of one tag                             |
| `papernotes.bib`              | BibTeX of every note                             |
| `tags/<tag>/papernotes.bib`   | BibTeX of one tag's notes                        |
| `authors/<slug>/feed.xml`     | Atom feed of one author's notes                  |
| `authors/<slug>/papernotes.bib` | BibTeX of one author's notes                   |
| `<folder>/papernotes.ris`, `<folder>/papernotes.csl.json` | RIS and CSL-JSON of a tag or a big author (`references`) |
| `notes/<slug>.md`             | a note as Markdown (`outputs.markdown_copy`)     |
| `llms.txt`                    | the site, its tags and notes for AI tools        |
| `notes.json`                  | every note's fields and URLs (DEVELOPING.md)        |
| `browse/index.json`           | the compact index the browse page filters        |
| `browse/snippets/<n>.json`    | commentary excerpts for the browse page's rows   |
| `search/meta.json`            | the search index's directory (`searchindex`)     |
| `search/terms/<hash>.json`    | a run of indexed terms with their notes          |
| `search/cards/<n>.json`       | what a search result shows, 4 notes a file       |
| `previews/<n>.json`           | preview cards of the notes whose slug hashes to n |
| `cite/<n>.json`               | the BibTeX entries of the notes whose slug hashes to n (My list's export) |
| `reading-list/index.json`     | what the reading list recommends from            |
| `reading-list/cards/<n>.json` | a recommended note's title, date and arXiv id    |
| `wanted/papers.json`          | the arXiv ids the waiting page lists, each with how many notes name it (the search box links a pasted one there) |

A note's RIS and CSL-JSON, and those of an author of at most `INLINE_REFERENCES` notes, are
`data:` links in its page (`data_link`), not files.

The reading list's page is a docs page, `list/index.md` (URL `list/`).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import zlib
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


def tag_index(page: int = 1) -> str:
    """The tag index; its further pages (a registry of thousands of tags) are one folder below the
    tag pages (`tags/<tag>/`, a slug has no `_`), so no tag's page can take them."""
    return "tags/index.md" if page == 1 else f"tags/_/{page}.md"


from papernotes.schema import RESERVED_TAG_SLUGS  # noqa: E402,F401 (stated with the note format; the URL rules above are why)


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


def browse() -> str:
    return "browse/index.md"


def stats() -> str:
    return "stats/index.md"


def authors_index() -> str:
    return "authors/index.md"


def author(slug: str, page: int = 1) -> str:
    return f"authors/{slug}.md" if page == 1 else f"authors/{slug}/page/{page}.md"


def authors_initial(key: str) -> str:
    """The authors whose names start with one initial (`key`: a lowercase letter, a Hangul
    initial consonant, or `etc`). One folder below the author pages (`authors/<slug>/`, a slug
    has no `/`), so no author page can take these, whatever its slug."""
    return f"authors/_/{key}.md"


def author_feed(slug: str) -> str:
    return f"authors/{slug}/feed.xml"


def author_bibtex(slug: str) -> str:
    return f"authors/{slug}/papernotes.bib"


def lab_feed(slug: str) -> str:
    return f"labs/{slug}/feed.xml"


def lab_bibtex(slug: str) -> str:
    return f"labs/{slug}/papernotes.bib"


def labs_index() -> str:
    return "labs/index.md"


def lab(slug: str, page: int = 1) -> str:
    return f"labs/{slug}.md" if page == 1 else f"labs/{slug}/page/{page}.md"


def wanted() -> str:
    return "wanted/index.md"


def wanted_papers() -> str:
    return "wanted/papers.json"


PREVIEW_FILES = 2048
"""Preview cards are shared out among this many files by their note's slug (`preview_file`):
about five cards a file at 10,000 notes (a first preview fetches ~8 kB, ~3 kB gzipped), fifteen
at 30,000, and 10,000 notes make ~2,000 files instead of 10,000 (each file the build creates
costs it 0.2-1 ms of kernel time on this machine). Fixed, so that adding a note moves no other
note's card (every page linking to it would change)."""


def _shard(slug: str) -> str:
    """The file name, of `PREVIEW_FILES`, that note `slug`'s card and BibTeX entry share (its CRC-32, in hex)."""
    return f"{zlib.crc32(slug.encode('utf-8')) % PREVIEW_FILES:03x}.json"


def preview_file(slug: str) -> str:
    """The file holding the preview card of note `slug`: a JSON object, slug -> card HTML."""
    return f"previews/{_shard(slug)}"


def cite_file(slug: str) -> str:
    """The file holding note `slug`'s BibTeX entry, as in `papernotes.bib` (a JSON object, slug ->
    entry), shared out as the preview cards are: My list exports its notes' entries from these
    files (it fetched the whole site's papernotes.bib, 4.9 MB at 10,000 notes, for 30 entries: a QA pass)."""
    return f"cite/{_shard(slug)}"


def preview(slug: str) -> str:
    """A note's preview card: the file, and the slug as the fragment. Links do not write it (they
    carry a bare `data-pn-preview`): the preview module computes it from the link's slug and
    `PREVIEW_FILES` (`previewOf` in docs/assets/papernotes-preview.js; tests compare the two)."""
    return f"{preview_file(slug)}#{slug}"


def feed(tag_slug: str | None = None) -> str:
    return f"tags/{tag_slug}/feed.xml" if tag_slug else "feed.xml"


def bibtex(tag_slug: str | None = None) -> str:
    return f"tags/{tag_slug}/papernotes.bib" if tag_slug else "papernotes.bib"


REFERENCE_FORMATS = {"bibtex": "bib", "ris": "ris", "csl": "csl.json"}
"""Bibliography files, by format: BibTeX, RIS, CSL-JSON."""


def references(fmt: str, owner: str = "") -> str:
    """A bibliography file (`fmt`: a key of `REFERENCE_FORMATS`) of the whole site (`owner` ""),
    or of the notes of a tag, author or note page folder (`tags/rl`, `authors/<slug>`, `notes/<slug>`)."""
    name = f"papernotes.{REFERENCE_FORMATS[fmt]}"
    return f"{owner}/{name}" if owner else name


INLINE_REFERENCES = 10
"""Most notes whose RIS and CSL-JSON a page carries itself, as `data:` links (a note page, the
page of an author of this many notes or fewer), instead of files beside it. Each such file was a
file for the host to hold and the build to create (at 10,000 notes, 34,000 of the output's 97,000)
for ~1 kB of text; inside the page it costs about that text (`data_link`), which bounds
the page's growth at ~12 kB. A bigger author's
files stay files: inside the page they would pass 1 MB for the busiest (issue 24)."""


def references_inline(notes: int) -> bool:
    """Whether the RIS and CSL-JSON of a note page or an author's `notes` are `data:` links in
    the page (`data_link`) rather than files (`references`): the pages and the exports writer
    both ask here."""
    return notes <= INLINE_REFERENCES


REFERENCE_TYPES = {"ris": "application/x-research-info-systems", "csl": "application/vnd.citationstyles.csl+json"}
"""Media types of the bibliography formats that can be `data:` links."""


_DATA_ESCAPES = {c: f"%{c:02X}" for c in (*range(0x20), 0x7F, *b"%#&'<>")}
"""What `data_link` percent-encodes: what a URL parser drops or reads (tab, CR, LF and the other
controls; `#` starts a fragment, `%` a percent-encoded byte) and what a single-quoted HTML
attribute reads (`'` ends it, `&` starts a character reference; `<` and `>`, which it would
not, so that no page holds a tag-like run of a note's text outside its text)."""


def data_link(fmt: str, text: str) -> str:
    """A `data:` URL holding `text` in `fmt` (a key of `REFERENCE_TYPES`), for an `<a download>`
    whose `href` is written in single quotes: the text as it is, UTF-8 included, but for the
    characters of `_DATA_ESCAPES` and spaces at either end (which a URL parser strips),
    percent-encoded. `"` stays, so CSL-JSON's many quotes cost nothing (base64 made every
    link a third longer than its text; `quote` made it twice as long: spaces, quotes and
    punctuation). A browser saves the percent-decoded body, byte for byte the text
    (`tests/test_reading_list_browser.py` saves one)."""
    body = text.translate(_DATA_ESCAPES)
    core = body.strip(" ")
    if core != body:  # a URL parser strips spaces at either end
        lead = len(body) - len(body.lstrip(" "))
        body = "%20" * lead + core + "%20" * (len(body) - lead - len(core))
    return f"data:{REFERENCE_TYPES[fmt]};charset=utf-8,{body}"


def note_folder(slug: str) -> str:
    return f"notes/{slug}"


def tag_folder(slug: str) -> str:
    return f"tags/{slug}"


def author_folder(slug: str) -> str:
    return f"authors/{slug}"


def lab_folder(slug: str) -> str:
    return f"labs/{slug}"


def llms_txt() -> str:
    return "llms.txt"


def notes_json() -> str:
    return "notes.json"


def browse_index() -> str:
    return "browse/index.json"


def browse_snippets(shard: int | str) -> str:
    return f"browse/snippets/{shard}.json"


def search_meta() -> str:
    return "search/meta.json"


def search_terms_dir() -> str:
    return "search/terms"


def search_terms(name: str) -> str:
    return f"{search_terms_dir()}/{name}.json"


def search_cards(shard: int | str) -> str:
    return f"search/cards/{shard}.json"


def search_abstracts(shard: int | str) -> str:
    return f"search/abstracts/{shard}.json"


def reading_list_page() -> str:
    return "list/index.md"


def reading_list_index() -> str:
    return "reading-list/index.json"


def reading_list_cards(shard: int | str) -> str:
    return f"reading-list/cards/{shard}.json"


def absolute(site_url: str, path: str) -> str:
    """`path` (a page source `*.md` or a file path) as an absolute URL under `site_url`."""
    target = src_to_url(path) if path.endswith(".md") else path
    return site_url.rstrip("/") + "/" + quote(target, safe="/:#?=&%.-_~")


def quote_path(path: str) -> str:
    """A file path (e.g. `data/notes/2025/x.md`) quoted for a URL."""
    return quote(path, safe="/")


def link(site_url: str | None, from_file: str, to: str) -> str:
    """A link written into a non-page file (feed, JSON): absolute under `site_url` when it is set,
    else relative to the folder of `from_file` (readers resolve it against the file's own URL)."""
    if site_url:
        return absolute(site_url, to)
    target = src_to_url(to) if to.endswith(".md") else to
    rel = _relpath(target, posixpath.dirname(from_file))
    if (target == "" or target.endswith("/")) and not rel.endswith("/"):
        rel += "/"
    return _quote(rel)


def _relpath(target: str, folder: str) -> str:
    """`posixpath.relpath("/" + target, "/" + folder)`, without its path normalisation where no
    part is `.` or `..` (every generated path): the feeds make tens of thousands of links, and
    `relpath` was a third of their time."""
    start = [p for p in folder.split("/") if p]
    parts = [p for p in target.split("/") if p]
    if "." in start or ".." in start or "." in parts or ".." in parts:
        return posixpath.relpath("/" + target, "/" + folder)
    common = 0
    for a, b in zip(start, parts):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(start) - common) + parts[common:]) or "."


def relative(from_src: str, to: str) -> str:
    """A link from the page built from `from_src` to `to` (a page source `*.md` or a file path)."""
    return linker(from_src)(to)


def linker(from_src: str) -> Callable[[str], str]:
    """`relative` bound to one page, with the page's own path split once (pages make many links)."""
    here = [p for p in src_to_url(from_src).split("/") if p]
    made: dict[str, str] = {}  # a list page links to the same tags and days over and over

    def link(to: str) -> str:
        found = made.get(to)
        if found is None:
            found = made[to] = _link(to)
        return found

    def _link(to: str) -> str:
        parts, quoted, folder = _target(to)
        common = 0
        for a, b in zip(here, parts):
            if a != b:
                break
            common += 1
        rel = "/".join([".."] * (len(here) - common) + quoted[common:])
        if folder and not rel.endswith("/"):
            rel = (rel + "/") if rel else "./"
        return rel

    return link


@lru_cache(maxsize=1 << 17)
def _target(to: str) -> tuple[list[str], list[str], bool]:
    """A link target's URL parts, the same quoted (quoting works character by character, so a
    quoted path is its quoted parts joined), and whether it is a folder. Callers do not change them."""
    target = src_to_url(to) if to.endswith(".md") else to
    parts = [p for p in target.split("/") if p]
    return parts, [_quote(p) for p in parts], target == "" or target.endswith("/")


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
