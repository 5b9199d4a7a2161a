"""RIS and CSL-JSON, proved by real libraries: `rispy` reads our RIS back field for field, and
`citeproc-py` renders a bibliography from our CSL-JSON. Hostile text (newlines, control
characters, RIS tags inside a value) must stay inside its field."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from papernotes.model import Note
from papernotes.outputs import csl_json, ris

HOSTILE_TITLES = [
    "Plain Title",
    "Two\nlines\r\nand ER  - early end",
    "Injected\nAU  - Mallory\nER  - \nTY  - JOUR\nTI  - Fake",
    "Tab\there\u2028line separator\u2029paragraph\x85next line",
    "Control \x00\x07\x1b[31m characters",
    "보상 모델의 한계: 한국어 제목 & {braces} 100%",
]


def _note(title: str, slug: str = "the-note", authors: tuple[str, ...] = ("Ada Lovelace", "이순신", "O'Brien, Jr."),
          **kw: object) -> Note:
    return Note(slug=slug, source="x.md", title=title, authors=authors, date=dt.date(2025, 3, 1), tags=("rl", "safety"),
                arxiv="2503.01234", published=dt.date(2025, 2, 27), org="R&D\nLab", **kw)


def _one_line(text: str) -> str:
    return " ".join("".join(c for c in text if c.isprintable() or c.isspace()).split())


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_rispy_reads_back_one_record_with_the_papers_fields(title: str) -> None:
    text = ris.record(_note(title), "https://example.org/notes/the-note/")
    (entry,) = rispy.loads(text)
    assert entry["type_of_reference"] == "RPRT"
    assert entry["title"] == _one_line(title)
    assert entry["authors"] == ["Lovelace, Ada", "이순신", "O'Brien, Jr."]
    assert entry["doi"] == "10.48550/arXiv.2503.01234"
    assert entry["urls"] == ["https://arxiv.org/abs/2503.01234"]
    assert entry["file_attachments1"] == "https://arxiv.org/pdf/2503.01234"
    assert entry["keywords"] == ["rl", "safety"] and entry["date"] == "2025/02/27/"
    assert entry["notes"] == ["papernotes: https://example.org/notes/the-note/"]


def test_a_bibliography_of_several_notes_is_several_records() -> None:
    notes = [_note(t, slug=f"n{i}") for i, t in enumerate(HOSTILE_TITLES)]
    entries = rispy.loads(ris.bibliography(notes))
    assert [e["id"] for e in entries] == [f"n{i}" for i in range(len(HOSTILE_TITLES))]
    assert all("Mallory" not in e["authors"] for e in entries)


def _render(document: str) -> list[str]:
    source = CiteProcJSON(json.loads(document))
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for key in source:
        bibliography.register(Citation([CitationItem(key)]))
    return [str(item) for item in bibliography.bibliography()]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_citeproc_renders_a_bibliography_from_the_csl_json(title: str) -> None:
    (line,) = _render(csl_json.items([_note(title)]))
    assert f"“{_one_line(title)}”" in line
    assert line.startswith("Lovelace, A., 이순신 and O'Brien, Jr. (2025)")
    assert line.endswith("arXiv. Available at: https://doi.org/10.48550/arXiv.2503.01234.")


def test_csl_items_split_latin_names_and_keep_others_literal() -> None:
    # Greek and Cyrillic names split as Latin ones do; Arabic, Hebrew and Indic names, whose family
    # name is not the last word by rule, are kept whole (`محمد علي` was family name "علي").
    written = ("José Müller", "이순신", "Plato", "Kim, Minji", "Smith and Wesson", "R & D Team", "Sandy Andersen",
               "Νίκος Παπαδόπουλος", "Анна Иванова", "محمد علي", "דוד כהן", "अमित शर्मा")
    (item,) = json.loads(csl_json.items([_note("T", authors=written)]))
    assert item["author"] == [{"given": "José", "family": "Müller"}, {"literal": "이순신"}, {"literal": "Plato"},
                              {"given": "Minji", "family": "Kim"}, {"literal": "Smith and Wesson"}, {"literal": "R & D Team"},
                              {"given": "Sandy", "family": "Andersen"}, {"given": "Νίκος", "family": "Παπαδόπουλος"},
                              {"given": "Анна", "family": "Иванова"}, {"literal": "محمد علي"}, {"literal": "דוד כהן"},
                              {"literal": "अमित शर्मा"}]
    assert item["issued"] == {"date-parts": [[2025, 2, 27]]} and item["DOI"] == "10.48550/arXiv.2503.01234"
    assert item["authority"] == "R&D Lab"


@pytest.mark.parametrize("title", [*HOSTILE_TITLES, "a\n---\nb", "x\n\n---\n\ntitle: fake"])
def test_markdown_copy_front_matter_reads_back_whatever_the_text(title: str) -> None:
    import yaml

    from papernotes.outputs.markdown_copy import render_copy

    note = _note(title, authors=("---", "key: value", "- item", '"quoted"'), ko="## 한국어\n\n---\ntitle: fake\n---")
    text = render_copy(note, "https://example.org/notes/the-note/")
    assert text.startswith("---\n")
    front, body = text[4:].split("\n---\n", 1)  # the first line that is `---` closes the front matter
    facts = yaml.safe_load(front)
    assert facts["title"] == title and facts["authors"] == ["---", "key: value", "- item", '"quoted"']
    assert facts["page"] == "https://example.org/notes/the-note/" and facts["published"] == "2025-02-27"
    assert body.count("\n## ") == 2 and "title: fake" in body  # the commentary, as written, after the title
    assert "builds_on" not in facts and "compares_with" not in facts  # no lineage: no empty lists


@pytest.mark.parametrize(("title", "written"), [
    ("Smile 😀 and 𝔼[x] 한국어", "Smile 😀 and 𝔼\\u005Bx] 한국어"),  # emoji and math letters beyond U+FFFF, as written ([ escaped)
    ("a \\U0001F600 b: c", None),  # a backslash and a U written in the title stay text
    ("tag \U000E0041 bidi \u202e", None),  # a format character beyond U+FFFF stays escaped
])
def test_a_markdown_copy_writes_emoji_as_themselves(title: str, written: str | None) -> None:
    import yaml

    from papernotes.outputs.markdown_copy import render_copy

    front = render_copy(_note(title))[4:].split("\n---\n", 1)[0]
    assert yaml.safe_load(front)["title"] == title
    if written:
        assert f'title: "{written}"' in front or f"title: {written}" in front, front  # libyaml wrote \\U0001F600


@pytest.mark.parametrize(("title", "authors", "org"), [
    pytest.param("Injected <script>alert(1)</script>", ("Eve <img src=x onerror=alert(1)>", "Ada Lovelace"), "<b>Evil</b> Lab",
                 id="tags-in-title-authors-org"),
    pytest.param("a<b and \\<i> 😀 \\u003c", ("<!-- x -->", "<https://x.org>"), "Lab\n<iframe src=//e.example>",
                 id="backslashes-emoji-comment-autolink-new-line"),
    pytest.param("x" * 1200 + " <svg onload=alert(1)>", ("'<q>'", '"<q>"'), "<", id="long-and-quoted"),
])
def test_a_markdown_copys_front_matter_holds_no_raw_html_and_reads_back(title: str, authors: tuple[str, ...], org: str) -> None:
    """The body was escaped, but the front matter wrote `title: Injected <script>alert(1)</script>`
    and `- Eve <img src=x onerror=alert(1)>`: a Markdown viewer that does not know front matter
    ran them. A text holding `<` is now double-quoted with `<` escaped `\\u003c`."""
    import markdown
    import yaml
    from bs4 import BeautifulSoup

    from papernotes.outputs.markdown_copy import render_copy

    note = dataclasses.replace(_note(title, authors=authors), org=org)
    text = render_copy(note, "https://example.org/notes/the-note/")
    front = text[4:].split("\n---\n", 1)[0]
    facts = yaml.safe_load(front)
    assert (facts["title"], facts["authors"], facts["org"]) == (title, list(authors), org)
    assert "```" not in text and "~~~" not in text and "<" not in text  # no code here, so nowhere
    html = BeautifulSoup(markdown.markdown(text), "html.parser")  # the whole file, front matter as Markdown
    assert not html.find_all(["script", "img", "b", "iframe", "svg", "q"]) and not html.find_all(attrs={"onerror": True})


def test_a_markdown_copy_carries_the_notes_lineage() -> None:
    import yaml

    from papernotes.outputs.markdown_copy import render_copy

    note = _note("Lineage", builds_on=("2305.18290", "2203.02155"), compares_with=("1707.06347",))
    facts = yaml.safe_load(render_copy(note)[4:].split("\n---\n", 1)[0])
    assert facts["builds_on"] == ["2305.18290", "2203.02155"] and facts["compares_with"] == ["1707.06347"]


def test_a_markdown_copys_front_matter_holds_no_live_link_or_image_from_elsewhere() -> None:
    """A title, author or lab written as Markdown (`[t](javascript:alert(3))`, `![x](https://...)`)
    was a live link and an image from another host to a viewer that shows front matter as Markdown
    (a fuzzing pass): the body's rule holds there too; a plain title is as written."""
    import markdown
    import yaml
    from bs4 import BeautifulSoup

    from papernotes.outputs.markdown_copy import render_copy

    note = dataclasses.replace(_note("[t](javascript:alert(3)) Think-RM: [MASK] tokens",
                                     authors=("[a1](javascript:alert(1))", "![x](https://evil.example/i.png)", "Ada Lovelace")),
                               org="[o](javascript:alert(2)) ![i](//evil.example/o.png)")
    text = render_copy(note)
    facts = yaml.safe_load(text[4:].split("\n---\n", 1)[0])
    # As written for a YAML reader (a QA pass: the title came back as "t Think-RM ..."), inert to a viewer.
    assert (facts["title"], facts["authors"], facts["org"]) == (note.title, list(note.authors), note.org)
    html = BeautifulSoup(markdown.markdown(text), "html.parser")  # the whole file, front matter as Markdown
    assert not html.find_all("img")
    assert not [a["href"] for a in html.find_all("a") if a["href"].lower().startswith("javascript:")]
    front = text[4:].split("\n---\n", 1)[0]
    assert "[" not in front and "\\u005B" in front
    # A backslash and `uFFFF` written in a title stay text beside the escapes.
    odd = dataclasses.replace(note, title="a \\uFFFF [b](c) \\\\uFFFF")
    assert yaml.safe_load(render_copy(odd)[4:].split("\n---\n", 1)[0])["title"] == odd.title


def test_a_markdown_copy_runs_and_loads_nothing_in_a_markdown_viewer() -> None:
    """Rendered by any Markdown viewer, a copy holds no script, no raw HTML, no image from another
    host and no script link, as the note's page holds none (the page's sanitiser); code stays as
    written, and the title is a title, not markup."""
    import markdown
    from bs4 import BeautifulSoup

    from papernotes.outputs.markdown_copy import render_copy

    en = ("Hi <script>alert('en')</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) "
          "![ref][r] ![a13] ![e](https&#58;//evil.example/ent.png) [j1](java&#115;cript:alert(1)) [j2](javascript\\:alert(2)) "
          "[n [e] st](javascript:alert(3)) "
          "[d](DATA:text/html,x) ![t](https://tracker.example/p.gif) ![here](fig.png) [ok](https://example.org) "
          "<https://example.org/auto> `<b>code</b>` $a<b$ $$x<y$$ $<script>x</script>$ [r][ref]\n\n[ref]: javascript:alert(2)\n[r]: https://evil.example/ref.png\n[a13]: <https://evil.example/collapsed.png> 't'\n[bad]: java&#115;cript:alert(4)\n\n```\n<script>kept</script>\n```")
    text = render_copy(_note("Lambda [Brackets](x) and *stars* <i>", ko="<iframe src=//evil.example></iframe> 가.", en=en))
    html = BeautifulSoup(markdown.markdown(text.split("\n---\n", 1)[1], extensions=["fenced_code"]), "html.parser")
    assert not html.find_all(["script", "iframe", "i"]) and not html.find_all(attrs={"onerror": True})
    assert [img["src"] for img in html.find_all("img")] == ["fig.png"]  # same-site only
    hrefs = [a["href"] for a in html.find_all("a")]
    assert "https://tracker.example/p.gif" in hrefs and "https://example.org" in hrefs
    assert not [h for h in hrefs if h.lower().startswith(("javascript:", "data:"))]
    assert html.h1.get_text() == "Lambda [Brackets](x) and *stars* <i>"
    # Code in a fenced block and a quiet tag in a code span as written (`hardened`).
    assert "<b>code</b>" in html.find("code").get_text() and "<script>kept</script>" in html.find("pre").get_text()
    assert "$a<b$" in text and "$$x<y$$" in text  # math as written
    assert "$&lt;script>" in text and "<script>" not in text.split("```")[0]  # but no tag hides in it


# Markdown that the copy passed on with an image from another host or a script link that a
# Markdown viewer loads or runs: math and code are not markup to a viewer that does not know them,
# and an image's alt text or a definition may run over two lines.
COPY_ESCAPES = [
    ("price-dollars", "It costs $5 ![x](https://evil.example/dollar.png) and $6 a month."),
    ("image-in-math", "$![x](https://evil.example/math.png)$"),
    ("script-link-in-math", "$[j](javascript:alert(1))$"),
    ("tag-in-math-closed-after-it", '$<img src=https://evil.example/m.png alt="$">'),
    ("tag-in-math-with-a-quoted-lt", '$<img src=https://evil.example/q.png alt="<$">'),
    ("handler-after-math", "$a<b$ onmouseover=alert(1)>"),
    ("alt-over-two-lines", "![a\nb](https://evil.example/nl.png)"),
    ("link-in-alt", "![a [b](fig.png) c](https://evil.example/nested.png)"),
    ("badge-in-a-link", "[![build](https://evil.example/badge.svg)](https://example.org)"),
    ("path-then-new-line", "![x](https://evil.example/p.png\n)"),
    ("escaped-backtick", "\\`![x](https://evil.example/esc.png)`"),
    ("backtick-in-a-link", "[a](https://x.org/`) ![x](https://evil.example/dest.png) `y`"),
    ("backtick-in-an-autolink", "<https://example.org/`> ![x](https://evil.example/auto.png) `"),
    ("fence-mid-line", "x ```\n\n![x](https://evil.example/fence.png)\n\n```"),
    ("indented-fence", "    ```\n![x](https://evil.example/ind.png)\n```"),
    ("fence-with-backtick-info", "```a`b\n![x](https://evil.example/info.png)\n```"),
    ("definition-on-two-lines", "[a][x]\n\n[x]:\n  javascript:alert(1)"),
    ("label-on-two-lines", "[z][a b]\n\n[a\nb]: javascript:alert(1)"),
    ("definition-in-a-list", "[a][r]\n\n- [r]: javascript:alert(1)"),
    ("link-inside-a-destination", "[a](:[](javascript:alert(1)) x"),
]


@pytest.mark.parametrize("en", [pytest.param(t, id=i) for i, t in COPY_ESCAPES])
def test_a_markdown_copy_loads_nothing_from_math_code_look_alikes_or_split_links(en: str) -> None:
    import markdown
    from bs4 import BeautifulSoup

    from papernotes.markup import same_site_path
    from papernotes.outputs.markdown_copy import render_copy

    text = render_copy(_note("T", en=en)).split("\n---\n", 1)[1]
    html = BeautifulSoup(markdown.markdown(text, extensions=["fenced_code"]), "html.parser")
    for code in html.find_all(["code", "pre"]):
        code.decompose()
    assert [i["src"] for i in html.find_all("img") if not same_site_path(i.get("src") or "")] == []
    assert [a["href"] for a in html.find_all("a") if "javascript" in (a.get("href") or "")] == []
    assert [t.name for t in html.find_all(True) if t.attrs and t.name not in ("a", "img")] == []
    assert all(url in text for url in re.findall(r"https://evil\.example/[\w.]+", en))  # shown or linked, not dropped


# Where a CommonMark viewer (cmark-gfm, markdown-it) reads a code span's or a label's edges
# otherwise than the copy did: it found a live tag, a script link or an image from another host.
VIEWER_DISAGREEMENTS = [
    ("quote-escaped-in-a-title", 'See [a](x "t\\"`")<img src="https://evil.example/p.png">` here.'),
    ("nested-parentheses", "See [a](x((`)))<img src=\"https://evil.example/p.png\">` here."),
    ("escaped-parenthesis", "See [b](x\\(`)<img src=\"https://evil.example/p.png\">` here."),
    ("autolink-in-math", "Cost $<javascript:alert(document.domain)>$ here."),
    ("code-across-table-pipes", "| h1 | h2 | h3 |\n|----|----|----|\n| `a | <img src=\"https://evil.example/p.png\"> | b` |"),
    ("label-with-an-escaped-bracket", "[a\\]b]: javascript:alert(1)\n\n[click][a\\]b]"),
    ("reference-image-elsewhere", "[a\\]b]: https://evil.example/x.png\n\n![pic][a\\]b]"),
]


@pytest.mark.parametrize("en", [pytest.param(t, id=i) for i, t in VIEWER_DISAGREEMENTS])
def test_a_markdown_copy_holds_nothing_live_whatever_a_viewer_takes_for_code(en: str) -> None:
    """Outside fenced code the copy holds no `<` that starts a tag, a comment or an autolink other
    than http(s) and mailto, no script scheme after `](` or `]:`, and no image but one of this
    site: so no viewer, whatever it reads as a code span, finds anything that runs or loads."""
    from papernotes.outputs.markdown_copy import render_copy

    text = render_copy(_note("T", en=en)).split("\n---\n", 1)[1]
    assert re.search(r"<(?=[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|/[A-Za-z]|!|\?|(?!(?:https?|mailto):)[A-Za-z][A-Za-z0-9+.-]*:)", text) is None, text
    assert re.search(r"(?i)(?:\]\(|\]:)\s*<?\s*(?:javascript|vbscript|data|file)\s*:", text) is None, text
    assert re.search(r"(?<!\\)!\[[^\]]*\](?:\[|\(\s*<?(?:https?:)?//)", text) is None, text


CODE_AS_WRITTEN = "Reasons in `<think>`…`</think>`, answers in ``<answer>``; `if a<b && c>d`; `<br/>`; $x<y z$."
LOUD_IN_CODE = ["`<img src=x>`", "`<script>`", "`<b onclick=alert(1)>`", "`<Style>`", "`<a href=\"x\">`",
                "`<!-- x -->`", "`<javascript:alert(1)>`", "`<b x` onclick=alert(1)>", "$<b onmouseover=alert(1)>$",
                "`<svg>`", "`<iframe>`"]


def test_a_markdown_copy_keeps_quiet_tags_in_code_as_written_and_nothing_live_in_them() -> None:
    """Found by a QA pass: `<think>` in a code span came out `&lt;think>` in the copy (a bundled note's
    abstract and both commentaries), which a Markdown viewer shows as written, `&lt;think>`. A tag
    in code or math that can neither run nor load is now kept; and read by a viewer that sees no
    code span at all (the backticks gone), none of them is an element that runs or loads, or has
    an attribute with a value. A tag that could is still escaped, in code too."""
    import markdown
    from bs4 import BeautifulSoup

    from papernotes.outputs.markdown_copy import hardened, inert, render_copy

    assert hardened(inert(CODE_AS_WRITTEN)) == CODE_AS_WRITTEN
    body = render_copy(_note("T", en=CODE_AS_WRITTEN, ko=CODE_AS_WRITTEN)).split("\n---\n", 1)[1]
    assert body.count(CODE_AS_WRITTEN) == 2
    misread = BeautifulSoup(markdown.markdown(body.replace("`", "").replace("$", "")), "html.parser")
    assert [(t.name, t.attrs) for t in misread.find_all(True) if any(t.attrs.values())] == []
    assert {t.name for t in misread.find_all(True)} <= {"h1", "h2", "p", "think", "answer", "b", "br"}
    for loud in LOUD_IN_CODE:
        assert "&lt;" in hardened(inert(loud)) and "<" not in hardened(inert(loud)).replace("&lt;", ""), loud


def test_a_markdown_copy_keeps_fenced_code_and_same_site_images_when_hardened() -> None:
    from papernotes.outputs.markdown_copy import hardened

    kept = "![here](fig.png) ![t](../a.png 'T') $a<b$ <https://example.org/x>\n\n```\n<script>kept</script> ![x](https://e.org/p.png)\n```"
    assert hardened(kept) == kept


def test_a_markdown_copy_keeps_same_site_images_code_and_math_as_written() -> None:
    from papernotes.outputs.markdown_copy import inert

    kept = "![here](fig.png) `<b>code</b>` ``a ` b`` $a<b$ $$x<y$$ ![t](../a.png 'T')\n\n```\n<script>kept</script> ![x](https://e.org/p.png)\n```"
    assert inert(kept) == kept


def test_llms_txt_keeps_titles_whole_through_a_markdown_parser() -> None:
    """A title with Markdown's own characters (`]` would end the link's text) is escaped, so a
    Markdown reader gets the title back as written and the link to the copy; counts of one are
    singular."""
    import markdown
    from bs4 import BeautifulSoup

    from papernotes.model import Tag, TagRegistry
    from papernotes.outputs.markdown_copy import render_llms_txt

    tags = (Tag(slug="rl", ko="강화학습", en="Reinforcement learning"),)
    registry = TagRegistry(tags=tags, lookup={"rl": "rl"}, by_slug={"rl": tags[0]})
    title = "Lone ] and [x] *bold* `code` a_b \\ end"
    text = render_llms_txt("papernotes", None, (_note(title),), registry, {"rl": 1})
    html = BeautifulSoup(markdown.markdown(text), "html.parser")
    links = {a.get_text(): a["href"] for a in html.find_all("a")}
    assert links[title] == "notes/the-note.md"
    assert "1 machine-learning paper:" in text and "): 1 note" in text



def test_llms_txt_holds_no_html_from_titles_names_or_tag_labels() -> None:
    """A title, an author or a tag label with HTML in it is text in llms.txt, as on the pages: a
    Markdown viewer renders no image or script from it."""
    import markdown
    from bs4 import BeautifulSoup

    from papernotes.model import Tag, TagRegistry
    from papernotes.outputs.markdown_copy import render_llms_txt

    tags = (Tag(slug="rl", ko="<img src=https://evil.example/t.png>악", en="<script>alert(1)</script>Evil"),)
    registry = TagRegistry(tags=tags, lookup={"rl": "rl"}, by_slug={"rl": tags[0]})
    note = _note("Title <img src=https://evil.example/title.png>", authors=("Auth <img src=https://evil.example/a.png>",))
    html = BeautifulSoup(markdown.markdown(render_llms_txt("papernotes", None, (note,), registry, {"rl": 1})), "html.parser")
    assert not html.find_all(["img", "script"])
    assert "Title <img src=https://evil.example/title.png>" in html.get_text()  # shown as written


@pytest.mark.parametrize("arxiv, published, parts, highwire, kev", [
    ("2503.01234", dt.date(2025, 2, 27), [2025, 2, 27], "2025/02/27", "2025-02-27"),
    # The month of its arXiv id; Scholar takes a full date "or a year alone otherwise".
    ("2212.09999", None, [2022, 12], "2022", "2022-12"),
    ("hep-th/9108001", None, [1991, 8], "1991", "1991-08"),  # old style, before 2000
    (None, None, None, None, None),  # no date known: none anywhere, never the note's own date (2025-03-01)
])
def test_ris_csl_and_highwire_give_the_papers_date_by_one_rule(arxiv: str | None, published: dt.date | None,
                                                              parts: list[int] | None, highwire: str | None,
                                                              kev: str | None) -> None:
    from papernotes.outputs.citation import coins, highwire as tags
    note = Note(slug="n", source="x.md", title="T", authors=("Ada Lovelace",), date=dt.date(2025, 3, 1), tags=("rl",),
                arxiv=arxiv, published=published, url=None if arxiv else "https://example.org/p")
    (record,) = rispy.loads(ris.record(note))
    (item,) = json.loads(csl_json.items([note]))
    year = str(parts[0]) if parts else None
    assert record.get("year") == year
    assert item.get("issued") == ({"date-parts": [parts]} if parts else None)
    assert dict(tags(note)).get("citation_publication_date") == highwire
    assert (f"rft.date={kev}&" in coins(note)) if kev else "rft.date" not in coins(note)


@pytest.mark.parametrize("url, name", [("https://example.org/paper.pdf", "citation_pdf_url"),
                                       ("https://example.org/paper.PDF?download=1", "citation_pdf_url"),
                                       ("https://example.org/paper", "citation_abstract_html_url")])
def test_a_papers_own_link_to_its_pdf_is_its_pdf_url(url: str, name: str) -> None:
    from papernotes.outputs.citation import highwire
    note = Note(slug="n", source="x.md", title="T", authors=("A",), date=dt.date(2025, 3, 1), tags=("rl",), url=url)
    assert [(k, v) for k, v in highwire(note) if k.endswith("_url")] == [(name, url)]
    # RIS says the same: the PDF is the file to attach (L1) as well as the address (UR).
    (record,) = rispy.loads(ris.record(note))
    assert record["urls"] == [url] and record.get("file_attachments1") == (url if name == "citation_pdf_url" else None)


def test_name_particles_stay_with_the_family_name() -> None:
    """`van der`, `de la` belong to the family name: split at the last space, citeproc printed
    "Berg, L. van . der ." (found rendering an author page's CSL-JSON with citeproc-py)."""
    written = ("Ludo van der Berg", "María de la Cruz", "van der Berg", "danah boyd")
    (item,) = json.loads(csl_json.items([_note("T", authors=written)]))
    assert item["author"] == [{"given": "Ludo", "non-dropping-particle": "van der", "family": "Berg"},
                              {"given": "María", "non-dropping-particle": "de la", "family": "Cruz"},
                              {"non-dropping-particle": "van der", "family": "Berg"}, {"given": "danah", "family": "boyd"}]
    (line,) = _render(csl_json.items([_note("T", authors=written[:2])]))
    assert line.startswith("van der Berg, L. and de la Cruz, M. (2025)")


def test_a_name_suffix_is_a_suffix_not_a_family_name() -> None:
    """RIS's `AU` is `Family, Given, Suffix`: Zotero reads the text before the first comma as the
    family name, so `Henry Ford, Jr.` as written became family "Henry Ford", given "Jr.", and a
    name without a comma one field it cannot abbreviate. In CSL-JSON, `Jr.` was a literal name or,
    without the comma, the family name; citeproc sorted and printed them so."""
    written = ("Henry Ford, Jr.", "Robert W. Heath Jr.", "Ludo van der Berg III", "Ada Lovelace", "O'Brien, Jr.")
    (entry,) = rispy.loads(ris.record(_note("T", authors=written)))
    assert entry["authors"] == ["Ford, Henry, Jr.", "Heath, Robert W., Jr.", "van der Berg, Ludo, III", "Lovelace, Ada",
                                "O'Brien, Jr."]
    (item,) = json.loads(csl_json.items([_note("T", authors=written)]))
    assert item["author"][:2] == [{"given": "Henry", "family": "Ford", "suffix": "Jr."},
                                  {"given": "Robert W.", "family": "Heath", "suffix": "Jr."}]
    (line,) = _render(csl_json.items([_note("T", authors=written[:2])]))
    assert line.startswith("Ford, H., Jr. and Heath, R.W., Jr. (2025)")


def _zotero_highwire_creators(content: str) -> list[tuple[str, str]]:
    """(last, first) as Zotero's Embedded Metadata translator reads one `citation_author`: split
    at `;`, or at commas with words on both sides, then `cleanAuthor` (`Last, First` with a
    comma, else the last word is the last name)."""
    names = re.split(r"\s*;\s*", content)
    by_comma = re.split(r"\s*,\s*", names[0])
    if len(names) == 1 and len(by_comma) > 1 and " " in by_comma[0] and " " in by_comma[1]:
        names = by_comma
    found = []
    for name in names:
        if "," in name:
            last, first, *_ = re.split(r", ?", name)
        else:
            first, _, last = name.rpartition(" ")
        found.append((last, first))
    return found


def test_zotero_reads_a_suffix_in_the_highwire_tags_as_neither_family_nor_given_name() -> None:
    from papernotes.outputs.citation import highwire

    written = ("Henry Ford, Jr.", "Robert W. Heath Jr.", "Ada Lovelace")
    contents = [v for k, v in highwire(_note("T", authors=written)) if k == "citation_author"]
    assert [c for content in contents for c in _zotero_highwire_creators(content)] == [
        ("Ford", "Henry"), ("Heath", "Robert W."), ("Lovelace", "Ada")]


def test_zotero_reads_a_suffix_in_a_coins_span_as_neither_family_nor_given_name() -> None:
    """Zotero's COinS reading (`rft.au`) is `cleanAuthor`, `Last, First` when the value has a comma."""
    from urllib.parse import parse_qs

    from papernotes.outputs.citation import coins

    written = ("Henry Ford, Jr.", "Robert W. Heath Jr.", "Ada Lovelace")
    values = parse_qs(coins(_note("T", authors=written)))["rft.au"]
    assert [_zotero_highwire_creators(v)[0] for v in values] == [("Ford", "Henry"), ("Heath", "Robert W."), ("Lovelace", "Ada")]


def test_a_team_or_a_name_with_brackets_is_not_split() -> None:
    """`Gemini Team` is not family "Team", given "Gemini" (citeproc printed "Team, G."), nor is
    `(Tsinghua)` a family name; RIS keeps them as written."""
    written = ("Gemini Team", "ATLAS Collaboration", "Meta AI", "Wei Zhang (Tsinghua)", "Qing Ai")
    (item,) = json.loads(csl_json.items([_note("T", authors=written)]))
    assert item["author"] == [{"literal": n} for n in written[:4]] + [{"given": "Qing", "family": "Ai"}]
    (line,) = _render(csl_json.items([_note("T", authors=written[:2])]))
    assert line.startswith("Gemini Team and ATLAS Collaboration (2025)")
    (entry,) = rispy.loads(ris.record(_note("T", authors=written)))
    assert entry["authors"] == [*written[:4], "Ai, Qing"]


def test_llms_txt_keeps_names_with_a_comma_whole() -> None:
    """`Smith, John` and `Henry Ford, Jr.` joined by `, ` read as four people (found reading a
    built llms.txt); with a comma in a name, `; ` separates them, as in the daily post."""
    from papernotes.model import Tag, TagRegistry
    from papernotes.outputs.markdown_copy import render_llms_txt

    tags = (Tag(slug="rl", ko="강화학습", en="Reinforcement learning"),)
    registry = TagRegistry(tags=tags, lookup={"rl": "rl"}, by_slug={"rl": tags[0]})
    notes = (_note("A", slug="a", authors=("Smith, John", "Henry Ford, Jr.", "Jae Lee")), _note("B", slug="b", authors=("Ada Lovelace", "이순신")))
    text = render_llms_txt("papernotes", None, notes, registry, {"rl": 2})
    assert "2025-03-01; Smith, John; Henry Ford, Jr.; Jae Lee\n" in text
    assert "2025-03-01; Ada Lovelace, 이순신\n" in text


def test_an_organisation_written_as_an_author_is_one_name_in_every_format() -> None:
    """An author that is also an organisation (a note's `org:` or `data/authors.yml`'s `orgs`) is
    kept whole: split by its look, `Hugging Face` was family "Face", given "Hugging" (citeproc
    printed "Face, H.")."""
    from urllib.parse import parse_qsl

    from papernotes.names import NameForms
    from papernotes.outputs.citation import coins, highwire

    written = ("Hugging Face", "Ada Lovelace", "google  deepmind")
    note = _note("T", authors=written)
    forms = NameForms(["Hugging Face", "Google DeepMind"])
    assert csl_json.item(note)["author"][0] == {"given": "Hugging", "family": "Face"}  # without: by its look
    assert csl_json.item(note, forms=forms)["author"] == [{"literal": "Hugging Face"}, {"given": "Ada", "family": "Lovelace"},
                                                          {"literal": "google deepmind"}]
    (line,) = _render(csl_json.items([note], lambda n: csl_json.item_line(n, forms=forms)))
    assert line.startswith("Hugging Face, Lovelace, A. and google deepmind (2025)")
    (entry,) = rispy.loads(ris.record(note, forms=forms))
    assert entry["authors"] == ["Hugging Face", "Lovelace, Ada", "google deepmind"]
    assert [v for k, v in highwire(note, forms) if k == "citation_author"] == ["Hugging Face", "Ada Lovelace", "google deepmind"]
    # COinS has a key for it: `aucorp`, "organization or corporation that is the author"
    assert [(k, v) for k, v in parse_qsl(coins(note, forms)) if k.startswith("rft.au")] == [
        ("rft.aucorp", "Hugging Face"), ("rft.au", "Ada Lovelace"), ("rft.aucorp", "google deepmind")]


def test_a_team_written_as_an_author_is_a_corporate_author_in_coins() -> None:
    """`Qwen Team` (written as Hugging Face lists it) was `rft.au`, which Zotero's COinS reader
    splits into given "Qwen", family "Team"; CSL-JSON and RIS already kept it whole."""
    from urllib.parse import parse_qsl

    from papernotes.outputs.citation import coins

    note = _note("T", authors=("Qwen Team", "Ada Lovelace", "Meta AI", "Ada Team-Lovelace"))
    assert [(k, v) for k, v in parse_qsl(coins(note)) if k.startswith("rft.au")] == [
        ("rft.aucorp", "Qwen Team"), ("rft.au", "Ada Lovelace"), ("rft.aucorp", "Meta AI"), ("rft.au", "Ada Team-Lovelace")]
    assert csl_json.item(note)["author"][0] == {"literal": "Qwen Team"}


def test_coins_keeps_whole_every_name_the_other_formats_keep_whole_by_its_look() -> None:
    """`Smith & Wesson` was `rft.au`, which Zotero saved as family "Wesson", given "Smith &",
    while CSL-JSON gave it as a `literal` and BibTeX in braces; one-word and Hangul names are
    people all the same."""
    from urllib.parse import parse_qsl

    from papernotes.outputs.citation import coins

    written = ("Smith & Wesson", "Procter and Gamble", "Wei Zhang (Tsinghua)", "Plato", "김민지", "Ada Lovelace")
    note = _note("T", authors=written)
    assert [(k, v) for k, v in parse_qsl(coins(note)) if k.startswith("rft.au")] == [
        ("rft.aucorp", "Smith & Wesson"), ("rft.aucorp", "Procter and Gamble"), ("rft.aucorp", "Wei Zhang (Tsinghua)"),
        ("rft.au", "Plato"), ("rft.au", "김민지"), ("rft.au", "Ada Lovelace")]
    assert [a.get("literal") for a in csl_json.item(note)["author"][:3]] == list(written[:3])


def test_a_declared_family_name_splits_each_form_that_starts_or_ends_with_it() -> None:
    """`family: Kim` in `data/authors.yml` for `Kim Minji` (aliases `Minji Kim`, `김민지`): by its
    look `Kim Minji` is family "Minji", given "Kim"; declared, every format says family `Kim`, and
    the citation tag writes it `Kim, Minji`, which Zotero reads as family, given."""
    from urllib.parse import parse_qs

    from papernotes.names import NameForms
    from papernotes.outputs.citation import coins, highwire

    forms = NameForms(families=[("Kim", ("Kim Minji", "Minji Kim", "김민지"))])
    note = _note("T", authors=("Kim Minji", "minji  kim", "Lee Jae", "김민지"))
    assert csl_json.item(note, forms=forms)["author"] == [
        {"given": "Minji", "family": "Kim"}, {"given": "minji", "family": "kim"}, {"given": "Lee", "family": "Jae"},
        {"literal": "김민지"}]
    (line,) = _render(csl_json.items([_note("T", authors=("Kim Minji",))], lambda n: csl_json.item_line(n, forms=forms)))
    assert line.startswith("Kim, M. (2025)")
    (entry,) = rispy.loads(ris.record(note, forms=forms))
    assert entry["authors"] == ["Kim, Minji", "kim, minji", "Jae, Lee", "김민지"]
    contents = [v for k, v in highwire(note, forms) if k == "citation_author"]
    assert contents == ["Kim, Minji", "kim, minji", "Lee Jae", "김민지"]
    assert [c for content in contents for c in _zotero_highwire_creators(content)][:2] == [("Kim", "Minji"), ("kim", "minji")]
    assert parse_qs(coins(note, forms))["rft.au"] == contents  # the same reading in a COinS span
