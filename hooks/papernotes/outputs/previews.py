"""`previews/<n>.json`: the small card a link to a note shows on hover, focus or long press.

The cards are shared out among `urls.PREVIEW_FILES` files by slug, a few notes' cards a file
(`urls.preview_file`): the preview module finds a link's file from the slug in its address
(`previews/1a3.json#<slug>`, the link itself says only `data-pn-preview`), fetched only when a
reader points at it, so the first preview on any page costs one small file (about 8 kB, 3 kB
gzipped, at 10,000 notes), and a file per note would be 10,000 files to write. The card is a
fragment of the site's own sanitised HTML: title, authors, date, tags, and the first lines of
each commentary with its math (MathML), marked with `lang` like the pages so that the
language switch shows the reader's language (and falls back like the commentary does). Links
are unwrapped: a tooltip holds no controls.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from typing import Callable

from markupsafe import Markup, escape

from papernotes.markup import NoteHtml
from papernotes.model import Note, TagRegistry
from papernotes.names import name_separator, right_to_left

TEXT_LIMIT = 200
"""Characters of commentary text a card shows per language (math counts as its text)."""
_FIRST_BLOCK = re.compile(r"<(p|li|blockquote)\b[^>]*>(.*?)</\1>", re.S)
_TOKEN = re.compile(r"<math\b.*?</math>|<[^>]+>|[^<]+", re.S)
_LINK_TAG = re.compile(r"</?a\b[^>]*>")
_VOID = {"br", "img", "hr"}


def clip_html(html: str, limit: int = TEXT_LIMIT) -> str:
    """The first paragraph of sanitised HTML, cut after about `limit` characters of text at a
    word, with its open tags closed and its links unwrapped; math is kept whole."""
    match = _FIRST_BLOCK.search(html)
    if match is None:
        return ""
    inner = _LINK_TAG.sub("", match.group(2))
    out: list[str] = []
    open_tags: list[str] = []
    used = 0
    for token in _TOKEN.findall(inner):
        if token.startswith("<math"):
            out.append(token)
            used += len(re.sub(r"<[^>]+>", "", token))
        elif token.startswith("</"):
            if open_tags:
                open_tags.pop()
            out.append(token)
        elif token.startswith("<"):
            name = re.match(r"<([a-zA-Z0-9]+)", token)
            if name and name.group(1).lower() not in _VOID and not token.endswith("/>"):
                open_tags.append(name.group(1))
            out.append(token)
        else:
            text = htmllib.unescape(token)  # counted and cut as the reader sees it: `&amp;` is one character
            room = limit - used
            if len(text) > room:
                piece = text[:room]
                space = piece.rfind(" ")
                out.append(str(escape((piece[:space] if space > room // 2 else piece).rstrip(" ,.;:"))) + "…")
                break
            out.append(token)
            used += len(text)
        if used >= limit:
            break
    out.extend(f"</{tag}>" for tag in reversed(open_tags))
    return "".join(out)


def preview_card(note: Note, html: NoteHtml, tags: TagRegistry) -> str:
    ko, en = clip_html(html.ko), clip_html(html.en)
    only = "ko" if ko and not en else ("en" if en and not ko else "")
    sep = name_separator(note.authors)  # `Smith, John; Henry Ford, Jr.`, as on the pages
    authors = sep.join(f"<bdi>{escape(n)}</bdi>" if right_to_left(n) else str(escape(n)) for n in note.authors[:4]) + (
        f"{sep}… (+{len(note.authors) - 4})" if len(note.authors) > 4 else "")
    chips = " ".join(f'<span class="pn-tag"><span class="pn-lang" lang="ko">{escape(tags.get(t).ko)}</span>'
                     f'<span class="pn-lang" lang="en">{escape(tags.get(t).en)}</span></span>' for t in note.tags)
    parts = [f'<p class="pn-preview__title" lang="en">{escape(note.title)}</p>',
             f'<p class="pn-preview__meta"><span lang="en">{authors}</span> · '
             f'<time datetime="{note.date.isoformat()}">{note.date.isoformat()}</time></p>',
             f'<p class="pn-preview__tags">{chips}</p>',
             f'<div class="pn-commentary pn-preview__text{" pn-only-" + only if only else ""}">']
    # One language only: the other's readers see it with a word saying so, as on the note page.
    if only == "ko":
        parts.append('<p class="pn-missing" lang="en">No English commentary yet.</p>')
    elif only == "en":
        parts.append('<p class="pn-missing" lang="ko">한국어 코멘트가 아직 없습니다.</p>')
    if ko:
        parts.append(f'<div class="pn-lang" lang="ko"><p>{ko}</p></div>')
    if en:
        parts.append(f'<div class="pn-lang" lang="en"><p>{en}</p></div>')
    parts.append("</div>")
    return str(Markup("\n".join(parts))) + "\n"


def preview_cards(notes: list[Note], html_of: Callable[[Note], NoteHtml], tags: TagRegistry) -> str:
    """One `urls.preview_file`: the cards of `notes` as a JSON object, slug -> card HTML."""
    return json.dumps({note.slug: preview_card(note, html_of(note), tags) for note in notes},
                      ensure_ascii=False, separators=(",", ":"))
