"""The documents Pagefind indexes: one small HTML page per note, written next to the build.

Why not index the built pages: (1) Pagefind glues adjacent inline elements into one word
("강화학습Reinforcement" from a bilingual tag chip), so the visible markup indexes badly;
(2) Pagefind 1.5.2 stores Hangul words only as "diacritic variants" of their NFD form and does
not count variants when it splits the index into chunks, so every Korean word lands in one
chunk that every Korean query downloads (Pagefind issue #1211: 1.9 MB at 10,000 notes).
Writing Hangul already decomposed (NFD jamo, which renders and matches the same) makes each
Korean word an ordinary word, and the index splits normally. The search box NFC-normalises
what it shows.
"""

from __future__ import annotations

import re
import unicodedata
from functools import partial
from typing import Callable

from markupsafe import Markup, escape

from . import urls
from .export import snippet
from .index import SiteIndex
from .model import Note, TagRegistry
from .pages import NoteHtml

_HANGUL = re.compile("[\uac00-\ud7a3]+")
# Particles (josa) that follow a Korean noun, longest first. Conservative: a wrong cut only adds
# a search term, never hides a note.
PARTICLES = ("에서는", "에서도", "에게서", "으로는", "으로서", "으로써", "에서", "에게", "으로", "로서", "로써",
             "까지", "부터", "보다", "처럼", "마다", "조차", "과", "와", "을", "를", "은", "는", "이", "가",
             "의", "에", "로", "도", "만")
_STEM = re.compile("(.+?)(?:" + "|".join(PARTICLES) + ")")


def decompose_hangul(text: str) -> str:
    """Hangul syllables to conjoining jamo (NFD); everything else unchanged."""
    return _HANGUL.sub(lambda m: unicodedata.normalize("NFD", m.group()), text)


def korean_stems(text: str) -> list[str]:
    """Korean words of `text` with a trailing particle removed (보상을 -> 보상), unique, in order.

    Pagefind matches a query word as a prefix only inside the index chunk where the query word
    itself falls: with thousands of notes, 보상을 and 보상은 sit in other chunks than 보상 and
    would be missed. Indexing the bare noun as well makes 보상 an exact match everywhere."""
    # The shortest stem before a particle is the one before the longest particle, as PARTICLES'
    # order (longest first) would choose; one regex match per word instead of a loop over 30.
    matches = map(_STEM.fullmatch, _HANGUL.findall(text))
    return list(dict.fromkeys(m.group(1) for m in matches if m))


def search_document(note: Note, abstract: Markup, ko: Markup, en: Markup, tags: TagRegistry) -> str:
    """The page Pagefind indexes for `note`: title, authors, organisation, arXiv id, tags (slug and
    both labels), commentary and abstract, each in its own block so no words run together.
    Metadata `ko`/`en` (commentary excerpts) and `date` are shown in results; `stems` (Korean
    nouns without their particles) is searched but not shown."""
    labels = " · ".join(f"#{t} {tags.get(t).ko} / {tags.get(t).en}" for t in note.tags)
    facts = [", ".join(note.authors)] + ([note.org] if note.org else []) + ([f"arXiv {note.arxiv}"] if note.arxiv else [])
    body = "".join([
        '<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">',
        f"<title>{escape(note.title)}</title></head><body><main data-pagefind-body>",
        f'<h1 data-pagefind-meta="title">{escape(note.title)}</h1>',
        f'<span data-pagefind-meta="date:{note.date.isoformat()}"></span>',
        f'<span data-pagefind-meta="ko[data-text]" data-text="{escape(snippet(ko))}"></span>',
        f'<span data-pagefind-meta="en[data-text]" data-text="{escape(snippet(en))}"></span>',
        f'<span data-pagefind-meta="stems[data-text]" data-text="{escape(" ".join(korean_stems(Markup(ko).striptags())))}"></span>',
        f"<p>{escape(' · '.join(facts))}</p>",
        f"<p>{escape(labels)}</p>",
        f'<div lang="ko">{ko}</div>' if ko else "",
        f'<div lang="en">{en}</div>' if en else "",
        f'<div lang="en">{abstract}</div>' if abstract else "",
        "</main></body></html>\n",
    ])
    return decompose_hangul(body)


def plan_documents(index: SiteIndex, html_of: Callable[[Note], NoteHtml]) -> list[tuple[str, Callable[[], str]]]:
    """(path under the index's site folder, render) for every note: the path mirrors the note's
    URL, so the results link to the real note pages."""
    def render(note: Note) -> str:
        html = html_of(note)
        return search_document(note, html.abstract, html.ko, html.en, index.tags)

    return [(urls.src_to_url(urls.note(n.slug)) + "index.html", partial(render, n)) for n in index.notes]
