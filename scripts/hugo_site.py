"""The same generated notes as a Hugo site, so `bench.py --hugo` can time Hugo beside us.

Hugo is the reference a reader would reach for ("why not Hugo?"), so the comparison has to be
fair: the same notes, a page per note, paged tag lists and date archives (day, month, year) as
Hugo taxonomies, a feed per list page as Hugo makes by default (capped at 20 items, as our
feeds are), and lean templates (no theme) that show what our pages show: title, authors, tags,
abstract and both commentaries on a note page; title and an excerpt on list pages.

`convert_notes(data_dir, dest)` turns each note of `data/notes/**.md` into
`content/notes/<slug>.md` with YAML front matter Hugo reads (title, date, tags, days, months,
years, authors, arxiv) and the note's sections as Markdown body; `write_hugo_site` adds the
config and layouts. Only the bench uses this module; it never runs Hugo itself.
"""

from __future__ import annotations

from pathlib import Path

import yaml

CONFIG = """\
baseURL = "https://example.org/"
languageCode = "ko"
title = "papernotes (Hugo benchmark)"
paginate = 100
disableKinds = ["sitemap"]

[taxonomies]
  tag = "tags"
  day = "days"
  month = "months"
  year = "years"

[services.rss]
  limit = 20
"""

BASEOF = """\
<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title>
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
</head><body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a> · <a href="{{ "/tags/" | relURL }}">Tags</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
"""

SINGLE = """\
{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ delimit .Params.authors ", " }} · {{ .Date.Format "2006-01-02" }}\
{{ with .Params.arxiv }} · <a href="https://arxiv.org/abs/{{ . }}">arXiv:{{ . }}</a>{{ end }}</p>
<p>{{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
{{ .Content }}</article>{{ end }}
"""

LIST = """\
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ range .Paginator.Pages }}<section><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p>{{ .Date.Format "2006-01-02" }} · {{ .Summary | truncate 200 }}</p></section>
{{ end }}{{ template "_internal/pagination.html" . }}{{ end }}
"""

TERMS = """\
{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}</ul>{{ end }}
"""

LAYOUTS = {
    "_default/baseof.html": BASEOF,
    "_default/single.html": SINGLE,
    "_default/list.html": LIST,
    "_default/terms.html": TERMS,
}


def hugo_note(text: str) -> tuple[str, str]:
    """(slug-independent) Hugo content for one note file's text: front matter Hugo reads, the
    note's own sections as body. Raises ValueError on a file without front matter."""
    if not text.startswith("---\n") or "\n---\n" not in text[4:]:
        raise ValueError("no front matter")
    head, body = text[4:].split("\n---\n", 1)
    meta = yaml.safe_load(head)
    day = meta["date"]
    front = {
        "title": str(meta["title"]),
        "date": day.isoformat(),
        "tags": list(meta.get("tags") or []),
        "days": [day.isoformat()],
        "months": [day.strftime("%Y-%m")],
        "years": [day.strftime("%Y")],
        "authors": [str(a) for a in meta.get("authors") or []],
    }
    if meta.get("arxiv"):
        front["arxiv"] = str(meta["arxiv"])
    # The abstract comes first in a note; Hugo's summary (list pages) is its first 70 words.
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n", body.lstrip("\n")


def convert_notes(data_dir: Path, dest: Path) -> int:
    """Write one `content/notes/<slug>.md` per note of `data_dir/notes`; returns how many."""
    content = dest / "content" / "notes"
    content.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted((data_dir / "notes").rglob("*.md")):
        front, body = hugo_note(path.read_text(encoding="utf-8"))
        (content / path.name).write_text(front + "\n" + body, encoding="utf-8")
        count += 1
    return count


def write_hugo_site(data_dir: Path, dest: Path) -> int:
    """A complete Hugo site in `dest` (config, layouts, content) from `data_dir`; returns the notes written."""
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "config.toml").write_text(CONFIG, encoding="utf-8")
    for name, text in LAYOUTS.items():
        path = dest / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return convert_notes(data_dir, dest)
