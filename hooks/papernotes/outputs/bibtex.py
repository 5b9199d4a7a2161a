"""BibTeX entries for notes: one `@misc` per paper, escaped for classic BibTeX and biber.

Escaping rules (proved by tests/test_outputs_bibtex.py with a real BibTeX parser and a LaTeX decoder):
- LaTeX specials `\\ { } & % $ # _ ~ ^` become commands, so a stray brace can never end a field
  (braces as `\\textbraceleft{}` / `\\textbraceright{}`: classic BibTeX counts a brace after a
  backslash too, so `\\{` alone in a field would leave it unbalanced);
- accented Latin letters become `{\\'e}`-style commands, which every BibTeX variant reads;
- TeX's ligatures of plain characters (`--`, two backquotes, `''`) are kept apart with `{}`;
- anything else (Hangul, CJK, Greek) stays UTF-8: biber and bibtex8/bibtexu read it, and
  there is no ASCII spelling of Hangul to fall back on.
The title is wrapped in an extra pair of braces so styles keep its capitalisation.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Iterable

from papernotes.catalog import urls
from papernotes.model import Note
from papernotes.names import NO_FORMS, NameForms
from papernotes.outputs.citation import arxiv_doi, family_name, listed_authors, name_parts, paper_day

_SPECIALS = {
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "&": r"\&", "%": r"\%", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_ACCENTS = {  # combining mark -> LaTeX accent command
    "\u0300": "`", "\u0301": "'", "\u0302": "^", "\u0303": "~", "\u0304": "=", "\u0306": "u",
    "\u0307": ".", "\u0308": '"', "\u030a": "r", "\u030b": "H", "\u030c": "v", "\u0327": "c", "\u0328": "k",
}
_LETTERS = {"ß": r"{\ss}", "æ": r"{\ae}", "Æ": r"{\AE}", "ø": r"{\o}", "Ø": r"{\O}", "œ": r"{\oe}",
            "Œ": r"{\OE}", "ł": r"{\l}", "Ł": r"{\L}", "ı": r"{\i}", "å": r"{\aa}", "Å": r"{\AA}"}
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_:.\-]")


_NEEDS_ESCAPING = re.compile(r"[\\{}&%$#_~^]|[^\x00-\x7f]|--|``|''|[!?]`")
"""A character `escape` changes, or a ligature it breaks: most titles and names have none, and keep their text."""
_LIGATURE = re.compile(r"(?<=-)(?=-)|(?<=`)(?=`)|(?<=')(?=')|(?<=[!?])(?=`)")
"""Where TeX's fonts join two characters: `--` prints an en dash, ``` `` ``` and `''` curly quotes,
``!` `` and ``?` `` inverted marks. A note's title is plain text, so an empty group keeps them apart
(`-{}-`)."""


def escape(text: str) -> str:
    """`text` as the value of a BibTeX field (to be wrapped in braces)."""
    if not _NEEDS_ESCAPING.search(text):
        return " ".join(text.split())
    out: list[str] = []
    for ch in text:
        if ch in _SPECIALS:
            out.append(_SPECIALS[ch])
        elif ch in _LETTERS:
            out.append(_LETTERS[ch])
        elif ch.isascii():
            out.append(ch)
        else:
            out.append(_accented(ch))
    return _LIGATURE.sub("{}", " ".join("".join(out).split()))  # newlines and runs of spaces mean nothing in BibTeX


def _accented(ch: str) -> str:
    base, *marks = unicodedata.normalize("NFD", ch)
    if not base.isascii() or not marks or any(m not in _ACCENTS for m in marks):
        return ch  # Hangul, CJK and other scripts: UTF-8 as is
    inner = {"i": r"\i", "j": r"\j"}.get(base, base)  # dotless i/j under accents
    for mark in marks:
        cmd = _ACCENTS[mark]
        inner = f"\\{cmd}{inner}" if not cmd.isalpha() else f"\\{cmd}{{{inner}}}"
    return "{" + inner + "}"


def escape_url(url: str) -> str:
    """URLs are verbatim in biblatex (so `&`, `%` and `_` stay), but a brace would end the field."""
    return url.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C").replace(" ", "%20")


def cite_key(note: Note) -> str:
    """The note's slug (unique on the site), restricted to characters BibTeX keys allow."""
    return _KEY_UNSAFE.sub("-", note.slug)


_AND_WORD = re.compile(r"(?<!\S)and(?!\S)", re.IGNORECASE)
"""BibTeX splits a name list at `and` as a whole word in any case (`Foo AND Bar` is two authors)."""


def _author(name: str, forms: NameForms) -> str:
    # A comma would make BibTeX read "Last, First"; `and` as a word would split the name in two;
    # a name that is just `others` would print as "et al."; a name of more than one word that
    # `name_parts` keeps whole (`山田 太郎`, `Qwen Team`, `Wei Zhang (张伟)`) would get a first and
    # a last name ("Q. Team"). Braces keep each one whole.
    written = " ".join(name.split())
    parts = name_parts(written, forms)
    if parts is not None and "suffix" in parts and "given" in parts:  # BibTeX's `von Last, Jr, First`
        return f"{escape(family_name(parts))}, {escape(parts['suffix'])}, {escape(parts['given'])}"
    if parts is not None and (forms.split(written) is not None or "," in written):
        # a declared family name, or one written family first: `Kim, Minji`, `Smith, John`
        return f"{escape(family_name(parts))}, {escape(parts['given'])}"
    if parts is not None and "given" in parts and any(not word[:1].isupper() for word in parts["given"].split()):
        # Written `First Last`, BibTeX would read a given-name word that does not start with a capital
        # letter (`de` of `Maria de Souza Santos`, `{Brace}` of `Guy {Brace} O'Neil`, escaped as
        # `\textbraceleft{}...`) as a `von` part: `von Last, First` keeps the split CSL-JSON and RIS give.
        return f"{escape(family_name(parts))}, {escape(parts['given'])}"
    value = escape(name)
    whole = ("," in name or _AND_WORD.search(value) is not None or value.strip().lower() == "others"
             or (parts is None and len(name.split()) > 1))
    return "{" + value + "}" if whole else value


def entry(note: Note, page_url: str | None = None, listed: bool = False, forms: NameForms = NO_FORMS) -> str:
    """One `@misc` entry; `page_url` (absolute) is added as a note when known. `listed`: for a
    file of many papers, with at most `LISTED_AUTHORS` authors and then `and others`. `forms`:
    organisations and declared family names."""
    names = listed_authors(note) if listed else note.authors
    others = " and others" if len(names) < len(note.authors) else ""
    fields: list[tuple[str, str]] = [
        ("title", "{" + escape(note.title) + "}"),
        ("author", " and ".join(_author(a, forms) for a in names) + others),
    ]
    day = paper_day(note)  # the paper's, or none: never the day it was noted
    if day:
        fields += [("year", str(day[0])), ("month", str(day[1]))]
    if note.arxiv:
        fields += [("eprint", escape(note.arxiv)), ("archiveprefix", "arXiv"), ("url", escape_url(urls.arxiv_abs(note.arxiv))),
                   ("doi", escape(arxiv_doi(note.arxiv)))]  # as RIS, CSL-JSON and the page's citation_doi
    elif note.url:
        fields.append(("url", escape_url(note.url)))
    if note.org:
        fields.append(("institution", escape(note.org)))
    if page_url:
        fields.append(("note", "papernotes: \\url{" + escape_url(page_url) + "}"))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{cite_key(note)},\n{body}\n}}\n"


def bibliography(notes: Iterable[Note], entry_of: Callable[[Note], str] = entry) -> str:
    """Entries for `notes`, one after another; `entry_of` makes each (the site's files share
    one memo of entries, as a note appears in the whole bibliography and in each of its tags')."""
    return "\n".join(entry_of(n) for n in notes)
