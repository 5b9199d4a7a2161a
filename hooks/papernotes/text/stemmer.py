"""English stems for the search index: Snowball's English stemmer ("Porter2", M. F. Porter's revision
of his 1980 algorithm), from the `snowballstemmer` package. The index files English words also
under their stem, and the search box looks a query word up under its stem too, so `surveys` finds
`survey`, `distilling` finds `distillation` and `generalizes` finds `generalization` (all
`general`), while `generate` stays apart (`generat`).

`stem` must give exactly what `stem` in docs/assets/search/words.js gives: Snowball's own generated
JavaScript (docs/assets/search/snowball-english.js; its header says which version and from
where). The two are compared in Chromium over every English word of the bundled notes, those
words with each suffix the algorithm knows, and generated letter strings
(tests/test_reader_browser.py). Only words of 3+ lower-case ASCII letters (`STEMMABLE`, which the
box reads from search/meta.json) are stemmed; anything else is returned unchanged.
"""

from __future__ import annotations

import functools
import re

# The pure-Python stemmer itself, never `snowballstemmer.stemmer("english")`: that returns
# PyStemmer's C stemmer when PyStemmer is installed, which may implement an older version of the
# algorithm than the locked package (and than the box's).
from snowballstemmer.english_stemmer import EnglishStemmer

STEMMABLE = re.compile(r"[a-z]{3,}")
"""The words stemmed; others are their own stem."""


@functools.lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """The Snowball English stem of `word`, or `word` itself when it is not 3+ lower-case ASCII
    letters. Memoised, bounded: a site repeats its words many times."""
    if not STEMMABLE.fullmatch(word):
        return word
    # A stemmer object holds the word it works on: one per call, so threads never share one.
    return EnglishStemmer().stemWord(word)
