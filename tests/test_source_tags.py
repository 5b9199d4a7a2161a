"""'Did you mean' for an unknown tag: by label and meaning first, then by spelling, never by a
near-miss acronym, checked against the project's own vocabulary (`data/tags.yml`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from papernotes.source.tags import load_tag_registry, suggest_tag

REGISTRY, PROBLEMS = load_tag_registry(ROOT / "data" / "tags.yml", "data/tags.yml")

# (written tag, the tag suggested, or None when nothing should be suggested)
SUGGESTIONS = [
    # An acronym one letter away is another concept: `mllm` is a multimodal alias, `rm` a reward model.
    ("llm", None),
    ("llms", None),
    ("rk", None),
    ("ppo", None),
    ("rlfh", "rlhf"),              # letters swapped: a typo
    # A label written as a tag, in either language, any case or separator.
    ("강화학습", "rl"),
    ("보상모델", "reward-model"),
    ("Reward-Model", "reward-model"),
    ("chain_of_thought", "chain-of-thought"),
    ("vlms", "multimodal"),        # an alias in the plural
    # Every word of the written tag in one tag's label.
    ("preference", "preference-optimization"),
    # Spelling.
    ("reasonning", "reasoning"),
    ("reward-modeling", "reward-model"),
    ("interpretabilty", "interpretability"),
    ("hallucinations", "hallucination"),
    ("multimodel", "multimodal"),
]


def test_the_project_vocabulary_loads() -> None:
    assert PROBLEMS == [] and REGISTRY.tags


@pytest.mark.parametrize("written, expected", SUGGESTIONS)
def test_suggestion(written: str, expected: str | None) -> None:
    assert written not in REGISTRY.lookup
    hint = suggest_tag(written, REGISTRY)
    if expected is None:
        assert hint == ""
    else:
        tag = REGISTRY.get(expected)
        assert hint.startswith(f" (did you mean {expected!r}: {tag.en}"), hint


def test_a_reserved_slug_is_a_located_error_not_a_build_failure(tmp_path: Path) -> None:
    path = tmp_path / "tags.yml"
    path.write_text("rl:\n  ko: 강화학습\n  en: RL\nindex:\n  ko: 색인\n  en: Index\n", encoding="utf-8")
    registry, problems = load_tag_registry(path, "data/tags.yml")
    assert [p.format() for p in problems] == [
        "data/tags.yml:4:1: error: index: the tag slug 'index' is reserved: tags/index.md is the tag index page, "
        "so a tag 'index' would have no page of its own; rename the tag (e.g. 'index-tag') and the notes that use it"]
    assert [t.slug for t in registry.tags] == ["rl"]
