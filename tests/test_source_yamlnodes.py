"""The data files (`data/tags.yml`, `glossary.yml`, `authors.yml`) are read by one function,
`yamlnodes.read_data_file`: the same bad file gets the same located problem from each loader,
and only what a missing or empty file means differs (the tag registry is required)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from papernotes.source.authors import load_authors
from papernotes.source.glossary import load_glossary
from papernotes.source.tags import load_tag_registry

LOADERS: dict[str, Callable[[Path, str], tuple[object, list]]] = {
    "tags.yml": load_tag_registry, "glossary.yml": load_glossary, "authors.yml": load_authors}


def problems(name: str, content: bytes | None, tmp_path: Path) -> list[str]:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    _, found = LOADERS[name](path, f"data/{name}")
    return [f"{p.path}:{p.line}:{p.column}: {p.field}: {p.message} ({p.rule})" for p in found]


@pytest.mark.parametrize("name", LOADERS)
@pytest.mark.parametrize(("content", "expected"), [
    ("# a comment\nfirst: x\nsecond: caf\xe9\n".encode("latin-1"),
     "data/{name}:3:12: file: not valid UTF-8 text; save it as UTF-8 (encoding)"),
    ("\ufeff한: 가".encode("utf-8") + b"\xff\n",    # after a BOM; the column counts characters, not bytes
     "data/{name}:1:5: file: not valid UTF-8 text; save it as UTF-8 (encoding)"),
    (b"- a\n- b\n", "data/{name}:1:1: file: expected a mapping of `key: value` lines, got a list (not-a-mapping)"),
    (b"a: [\n", "data/{name}:1:4: file: YAML syntax error: the [ that opens the value of 'a' is not closed"),
])
def test_a_bad_file_gets_the_same_problem_from_every_loader(name: str, content: bytes, expected: str, tmp_path: Path) -> None:
    found = problems(name, content, tmp_path)
    assert len(found) == 1 and found[0].startswith(expected.format(name=name)), found


@pytest.mark.parametrize("name", LOADERS)
@pytest.mark.parametrize(("content", "expected"), [
    (b"[a, b]: c\n", "data/{name}:1:1: file: keys must be plain names, got a list (bad-key)"),
    (b"? {a: b}\n: c\n", "data/{name}:1:3: file: keys must be plain names, got a mapping (bad-key)"),
    (b"1: c\n", "data/{name}:1:1: file: keys must be plain names, got a number '1' (bad-key)"),
])
def test_a_key_that_is_not_a_name_is_described_in_words(name: str, content: bytes, expected: str, tmp_path: Path) -> None:
    # A list or mapping key was once shown as Python's repr of its parser nodes (`[ScalarNode(tag=...)]`).
    assert problems(name, content, tmp_path)[0] == expected.format(name=name)


@pytest.mark.parametrize("key", ["2024", "yes", "[a, b]"])
def test_a_key_that_is_not_a_name_costs_only_its_entry(key: str, tmp_path: Path) -> None:
    # It once lost the whole tag registry, so that every note's every tag was an unknown tag.
    (tmp_path / "tags.yml").write_text(f"rl:\n  ko: 강화학습\n  en: RL\n{key}:\n  ko: 가\n  en: A\n", encoding="utf-8")
    registry, found = load_tag_registry(tmp_path / "tags.yml", "data/tags.yml")
    assert [(p.line, p.field, p.rule) for p in found] == [(4, "file", "bad-key")]
    assert [t.slug for t in registry.tags] == ["rl"]


def test_a_repeated_key_is_reported_and_the_first_kept(tmp_path: Path) -> None:
    (tmp_path / "glossary.yml").write_text("rl:\n  en: [rl]\n  ko: [강화학습]\nrl:\n  en: [x]\n  ko: [엑스]\n", encoding="utf-8")
    glossary, found = load_glossary(tmp_path / "glossary.yml", "data/glossary.yml")
    assert [(p.line, p.field, p.rule) for p in found] == [(4, "file", "duplicate-key")]
    assert [c.en for c in glossary.concepts] == [("rl",)]


@pytest.mark.parametrize(("name", "missing", "empty"), [
    ("tags.yml", ["data/tags.yml:1:1: file: the tag registry is missing; create it (see docs/contributing.md) (missing-file)"],
     ["data/tags.yml:1:1: file: no tags defined (empty)"]),
    ("glossary.yml", [], []),
    ("authors.yml", [], []),
])
def test_only_the_tag_registry_must_exist_and_hold_entries(name: str, missing: list[str], empty: list[str], tmp_path: Path) -> None:
    assert problems(name, None, tmp_path) == missing
    assert problems(name, b"# nothing yet\n", tmp_path) == empty
    assert problems(name, b"{}\n", tmp_path) == empty
