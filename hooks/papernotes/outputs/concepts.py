"""Where a text names a glossary concept: the bridge between a Korean query and a note that wrote the
term in English (and back), and between two transliterations (보상 해킹, 리워드 해킹).

A concept is named where a run of adjacent words (only spaces or hyphens between them, see
`words.JOINER`) has the `phrase_key` of one of its forms: the words' stems written together (an
agent noun, transformer, as itself: `words.key_stem`), the
last word also without its Korean particle or, an English word, the Korean ending written onto it
(`words.without_ending`: overthinking한다). So `reward hacking을`, `보상해킹은`, `Reward-Hacking`
and `리워드 해킹이` all name reward-hacking, whatever their spacing. Runs are whole words: 지도학습
(supervised learning) is not found inside 자기지도학습. The index files each note under a term
`@<n>` per concept it names; the search box finds the concepts of a query with the same rules
(`conceptRuns` in docs/assets/search/words.js, compared with `ConceptMatcher.runs` in the
browser tests), looks up their terms, and marks the runs in the excerpts.
"""

from __future__ import annotations

from typing import Iterator

from papernotes.text.words import key_stem, phrase_key, tokenize, without_ending
from papernotes.source.glossary import MAX_FORM_WORDS, Glossary

def _two_words(forms: tuple[str, ...]) -> list[list[str]]:
    """The tokens of each form of two words (two words apart, two tokens)."""
    return [tokens for form in forms if len(form.split()) == 2 and len(tokens := tokenize(form)) == 2]


CONCEPT_PREFIX = "@"
"""Concept terms are `@<n>` (no token holds an @), n the concept's number in meta.json's glossary."""


class ConceptMatcher:
    """The forms of a glossary by phrase key, ready to find them in tokenized text."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.keys: dict[str, int] = {}
        """Phrase key of every form -> its concept's number in `glossary.concepts`."""
        for number, concept in enumerate(glossary.concepts):
            for form in (*concept.en, *concept.ko):
                self.keys.setdefault(phrase_key(form), number)
        # A term of two words written half in each language (reward 해킹, 보상 hacking): each English
        # form of two words with each Korean one, word for word in order (their compounds put the
        # head last alike: reward model, 보상 모델); a form of the glossary's own keeps its key. As
        # `buildConcepts` in words.js (a search QA pass typed `reward 해킹` and lost 해킹).
        for number, concept in enumerate(glossary.concepts):
            for en in _two_words(concept.en):
                for ko in _two_words(concept.ko):
                    for first, second in ((en[0], ko[1]), (ko[0], en[1])):
                        self.keys.setdefault(key_stem(first) + key_stem(second), number)
        self.heads = {key[:end] for key in self.keys for end in range(1, len(key) + 1)}
        """Every beginning of a key: how far a run of words may still grow into one."""

    def __bool__(self) -> bool:
        return bool(self.keys)

    def runs(self, tokens: list[str], joined: list[bool], every: bool = False) -> Iterator[tuple[int, int, int]]:
        """(first word, last word, concept number) of the longest run naming a concept that starts at
        each word, or of every such run with `every` (`reward model` names reward-model and
        reward); runs from different words may overlap (`process reward model` holds `reward model`)."""
        keys, heads = self.keys, self.heads
        bases = [key_stem(token) for token in tokens]
        count = len(tokens)
        for start in range(count):
            if bases[start] not in heads:
                # Nothing longer starts here: only a one-word form with an ending after it (보상을).
                token = tokens[start]
                bare = without_ending(token)
                number = keys.get(key_stem(bare)) if bare != token else None
                if number is not None:
                    yield start, start, number
                continue
            head = ""
            found = None
            for end in range(start, min(count, start + MAX_FORM_WORDS)):
                base = bases[end]
                number = keys.get(head + base)
                if number is None:
                    token = tokens[end]
                    bare = without_ending(token)
                    if bare != token:
                        number = keys.get(head + key_stem(bare))
                if number is not None:
                    if every:
                        yield start, end, number
                    found = (end, number)
                head += base
                if not joined[end] or head not in heads:
                    break
            if found is not None and not every:
                yield start, found[0], found[1]
