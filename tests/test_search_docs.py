"""The documents Pagefind indexes: decomposed Hangul, every searchable field in its own block."""

from __future__ import annotations

import datetime as dt
import unicodedata
from html.parser import HTMLParser

import pytest
from markupsafe import Markup

from papernotes.model import Note, Tag, TagRegistry
from papernotes.search import decompose_hangul, korean_stems, search_document

# (text, what NFC of the decomposition gives back, whether it changed)
HANGUL = [
    ("보상을", "보상을", True),
    ("reward 보상은 é", "reward 보상은 é", True),
    ("plain ASCII", "plain ASCII", False),
    ("Müller", "Müller", False),  # only Hangul is decomposed
]


@pytest.mark.parametrize(("text", "back", "changed"), HANGUL)
def test_decompose_hangul(text: str, back: str, changed: bool) -> None:
    out = decompose_hangul(text)
    assert unicodedata.normalize("NFC", out) == back
    assert (out != text) == changed
    assert not any("\uac00" <= ch <= "\ud7a3" for ch in out)


# (commentary, stems indexed besides the words themselves)
STEMS = [
    ("보상을 정의하고 보상은 사람이 준다", ["보상", "사람"]),
    ("모델에서는 모델의 모델이", ["모델"]),
    ("RL 기반의 학습", ["기반"]),
    ("가 이 을", []),  # a particle alone is not a word with a particle
    ("no korean here", []),
]


@pytest.mark.parametrize(("text", "stems"), STEMS)
def test_korean_stems(text: str, stems: list[str]) -> None:
    assert korean_stems(text) == stems


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.blocks: list[str] = []
        self.body = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if "data-pagefind-body" in a:
            self.body = True
        spec = a.get("data-pagefind-meta")
        if spec and "[" in spec:
            self.meta[spec.split("[")[0]] = a[spec.split("[")[1].rstrip("]")]
        elif spec and ":" in spec:
            key, value = spec.split(":", 1)
            self.meta[key] = value
        if tag in ("p", "div", "h1"):
            self.blocks.append("")

    def handle_data(self, data: str) -> None:
        if self.body and self.blocks:
            self.blocks[-1] += data


def test_search_document_fields() -> None:
    tags = (Tag("rl", "강화학습", "Reinforcement learning"),)
    reg = TagRegistry(tags=tags, lookup={"rl": "rl"}, by_slug={"rl": tags[0]})
    note = Note(slug="n", source="n.md", title="Kappa <RL> & Co", authors=("Grace Hopper", "김철수"),
                date=dt.date(2025, 3, 1), tags=("rl",), arxiv="2503.01234", org="R&D")
    doc = search_document(note, Markup("<p>Abstract text.</p>"), Markup("<p>보상을 정의한다.</p>"),
                          Markup("<p>Defines the reward.</p>"), reg)
    parser = _Blocks()
    parser.feed(unicodedata.normalize("NFC", doc))
    blocks = [b.strip() for b in parser.blocks if b.strip()]
    assert blocks == [
        "Kappa <RL> & Co",
        "Grace Hopper, 김철수 · R&D · arXiv 2503.01234",
        "#rl 강화학습 / Reinforcement learning",
        "보상을 정의한다.",
        "Defines the reward.",
        "Abstract text.",
    ]
    assert parser.meta == {"date": "2025-03-01", "ko": "보상을 정의한다.", "en": "Defines the reward.", "stems": "보상"}
    assert '<h1 data-pagefind-meta="title">' in doc and '<html lang="ko">' in doc


def test_korean_stems_match_the_longest_particle_rule() -> None:
    """The regex in korean_stems agrees with the plain rule: cut the first (longest) particle in
    PARTICLES that ends the word and leaves a stem."""
    import random

    from papernotes.search import _HANGUL, PARTICLES, korean_stems

    def by_rule(text: str) -> list[str]:
        stems: dict[str, None] = {}
        for word in _HANGUL.findall(text):
            particle = next((p for p in PARTICLES if word.endswith(p) and len(word) > len(p)), None)
            if particle:
                stems[word[: -len(particle)]] = None
        return list(stems)

    rng = random.Random(3)
    syllables = "보상모델학습에서는으로이가의도만까지게써"
    for _ in range(3000):
        text = " ".join("".join(rng.choice(syllables) for _ in range(rng.randint(1, 6))) for _ in range(rng.randint(1, 8)))
        assert korean_stems(text) == by_rule(text), text
