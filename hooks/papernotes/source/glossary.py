"""The glossary, `data/glossary.yml`: ML concepts with their English and Korean forms, so that search
finds a note whatever language (or transliteration) it wrote a term in.

```yaml
reward-hacking:                      # the concept's id: lowercase ASCII kebab-case
  en: [reward hacking]               # English forms (a list, or one text)
  ko: [보상 해킹, 리워드 해킹]          # Korean forms: translations and transliterations
```

Forms are compared as search compares phrases (`words.phrase_key`: spacing, case, accents and
English inflections do not count), so `보상해킹` need not be listed beside `보상 해킹`, nor
`reward models` beside `reward model`; two forms with one key in two concepts are an error (search
could not say which concept a query means). The file is optional: without it search has no bridges.
Read through `yamlnodes`, so every problem is located, anchors and aliases are refused, and one bad
form costs only itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from papernotes.model import Problem
from papernotes.text.words import phrase_key, tokenize
from papernotes.source.tags import suggest
from papernotes.source.yamlnodes import Located, NodeError, mapping_items, read_data_file, read_list, read_text

CONCEPT_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGS = ("en", "ko")
"""The keys of a concept, both required: its English and its Korean forms."""
MAX_FORM_CHARS = 50
"""Longest form: a term, not a sentence."""
MAX_FORM_WORDS = 6
"""Most words in a form (search looks this far ahead for a phrase)."""
MIN_KEY = 2
"""Shortest form, in characters without spaces: one letter would mark half of every excerpt."""
HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


@dataclass(frozen=True)
class Concept:
    """One entry of the glossary."""

    id: str
    """Its key in glossary.yml, e.g. `reward-hacking`."""
    en: tuple[str, ...]
    """English forms as written (NFC, trimmed), first the usual one."""
    ko: tuple[str, ...]
    """Korean forms as written, first the usual one."""


@dataclass(frozen=True)
class Glossary:
    """Every valid concept, in file order."""

    concepts: tuple[Concept, ...] = ()


def load_glossary(path: Path, display: str) -> tuple[Glossary, list[Problem]]:
    """Read and validate the glossary; returns its valid concepts (each with its valid forms) and
    every problem. A missing file is an empty glossary."""
    problems: list[Problem] = []

    def report(err: NodeError, field: str) -> None:
        problems.append(Problem(display, err.line, err.column, field, err.message, err.rule))

    try:
        entries, found = read_data_file(path, display)
    except FileNotFoundError:
        return Glossary(), problems
    problems += found
    if not entries:
        return Glossary(), problems

    owners: dict[str, tuple[str, str, int]] = {}  # phrase key -> (concept id, form, line)
    concepts: list[Concept] = []
    for concept_id, key, value in entries:
        # A bad id leaves the concept out, but its forms are still checked: renaming it should not
        # reveal a second round of problems.
        named = CONCEPT_ID.match(concept_id) is not None
        if not named:
            report(key.error(f"concept {concept_id!r} must be lowercase ASCII kebab-case like 'reward-hacking'", "bad-concept-id"),
                   concept_id)
        try:
            forms = _read_concept(concept_id, key, value)
        except NodeError as err:
            report(err, concept_id)
            continue
        kept: dict[str, list[str]] = {lang: [] for lang in LANGS}
        for lang, index, loc in forms:
            field = f"{concept_id}.{lang}[{index}]"
            try:
                form = read_text(loc)
                phrase = _check_form(lang, form, loc)
            except NodeError as err:
                report(err, field)
                continue
            owner = owners.get(phrase)
            if owner is not None:
                where = "this concept" if owner[0] == concept_id else f"concept {owner[0]!r}"
                report(loc.error(f"{form!r} is the same as {owner[1]!r} of {where} (line {owner[2]}) to search, which "
                                 "ignores spacing, case and word endings; keep one"
                                 + ("" if owner[0] == concept_id else ", or merge the two concepts"), "duplicate-form"), field)
                continue
            owners[phrase] = (concept_id, form, loc.line)
            kept[lang].append(form)
        if named and kept["en"] and kept["ko"]:
            concepts.append(Concept(concept_id, tuple(kept["en"]), tuple(kept["ko"])))
    return Glossary(tuple(concepts)), problems


def _read_concept(concept_id: str, key: Located, value: Located) -> list[tuple[str, int, Located]]:
    """(lang, index, node) of every form a concept lists; raises on a broken concept."""
    found: dict[str, list[tuple[str, int, Located]]] = {}
    for name, name_node, lang_value in mapping_items(value):
        if name not in LANGS:
            raise name_node.error(f"unknown key {name!r}{suggest(name, LANGS)}; a concept has `en:` and `ko:` forms",
                                  "unknown-key")
        items = read_list(lang_value)
        if not items:
            raise lang_value.error(f"`{name}:` lists no forms; give at least one", "empty")
        found[name] = [(name, index, item) for index, item in enumerate(items)]
    for lang in LANGS:
        if lang not in found:
            label = "English" if lang == "en" else "Korean"
            raise value.error(f"concept {concept_id!r} needs `{lang}:` with its {label} forms", "missing-forms")
    return found["en"] + found["ko"]


def _check_form(lang: str, form: str, loc: Located) -> str:
    """The form's phrase key; raises when search could not use the form."""
    words = tokenize(form)
    if not words:
        raise loc.error(f"{form!r} has no letters or digits", "no-words")
    if len(form) > MAX_FORM_CHARS or len(words) > MAX_FORM_WORDS:
        raise loc.error(f"{form!r} is too long for a term (at most {MAX_FORM_CHARS} characters and "
                        f"{MAX_FORM_WORDS} words); list the term alone", "too-long")
    phrase = phrase_key(form)
    if len(phrase) < MIN_KEY:
        raise loc.error(f"{form!r} is too short: a form needs {MIN_KEY}+ letters or digits", "too-short")
    hangul = HANGUL.search(form) is not None
    if lang == "ko" and not hangul:
        raise loc.error(f"{form!r} has no Hangul; English forms belong under `en:`", "wrong-language")
    if lang == "en" and hangul:
        raise loc.error(f"{form!r} is written in Hangul; Korean forms belong under `ko:`", "wrong-language")
    return phrase
