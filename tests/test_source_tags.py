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


def test_a_label_of_thousands_of_characters_is_a_located_error(tmp_path: Path) -> None:
    """A 5,000-character `ko:` label passed: a chip on every list of the tag's notes."""
    path = tmp_path / "tags.yml"
    path.write_text(f"rl:\n  ko: 강화학습\n  en: RL\nlong:\n  ko: {'가' * 5000}\n  en: Long\n", encoding="utf-8")
    registry, problems = load_tag_registry(path, "data/tags.yml")
    assert [p.format()[:120] for p in problems] == [
        "data/tags.yml:5:7: error: long.ko: the label is 5,000 characters long; a tag's label is at most 80 (say more in its `des"]
    assert [t.slug for t in registry.tags] == ["rl"]


def test_a_broken_tags_file_is_the_first_problem_and_notes_are_not_told_to_add_tags(tmp_path: Path) -> None:
    """`en: "Reasoning"x` in tags.yml made every note's every tag an "unknown tag ...; add the tag
    to data/tags.yml" error (133 of them, one annotation each on files a pull request did not
    touch), listed before the one line that said what was wrong; then each note said its tags
    could not be checked, and a fresh serve had no note left. Now the file's error is the one
    problem, and the notes keep the tags they write (labelled by their names) until it is fixed."""
    from hostile_base import TAGS_YML, write_site
    from papernotes.source.tree import load_site

    root = write_site(tmp_path, {})
    (root / "data" / "tags.yml").write_text(TAGS_YML.replace("en: Reasoning", 'en: "Reasoning"x'), encoding="utf-8")
    result = load_site(root, "data")
    lines = [p.format() for p in result.errors]
    assert len(lines) == 1 and lines[0].startswith("data/tags.yml:7:7: error: file: YAML syntax error"), lines
    assert result.notes and all(n.tags for n in result.notes)
    used = {t for n in result.notes for t in n.tags}
    assert {t.slug for t in result.tags.tags} == used and all(result.tags.get(t).en == t for t in used)


@pytest.mark.parametrize("text", ["", "# only a comment\n"])
def test_an_empty_tags_file_is_one_cause_not_an_unknown_tag_per_tag(tmp_path: Path, text: str) -> None:
    """An empty (or comment-only) tags.yml gave "no tags defined" and then 131 lines telling notes
    to add each of their tags: the same cascade as a broken file, in other words."""
    from hostile_base import write_site
    from papernotes.source.tree import load_site

    root = write_site(tmp_path, {})
    (root / "data" / "tags.yml").write_text(text, encoding="utf-8")
    result = load_site(root, "data")
    lines = [p.format() for p in result.errors]
    assert lines == ["data/tags.yml:1:1: error: file: no tags defined"], lines
    assert result.notes


def test_each_problem_of_a_tag_entry_is_told_at_its_own_field(tmp_path: Path) -> None:
    """`ko: ''` was reported as "fz-tag: must not be empty" (which field?), and of `ko: 1.5` and
    `en: no` or of three aliases only the first problem was told: a round of fixing each."""
    (tmp_path / "tags.yml").write_text("fz-tag:\n  ko: 1.5\n  en: no\n  aliases: [Fz Tag, 2024-01-01, ok-alias]\n"
                                        "other:\n  ko: ''\n  en: Other\n", encoding="utf-8")
    registry, problems = load_tag_registry(tmp_path / "tags.yml", "data/tags.yml")
    assert [(p.line, p.field) for p in problems] == [
        (2, "fz-tag.ko"), (3, "fz-tag.en"), (4, "fz-tag.aliases[0]"), (4, "fz-tag.aliases[1]"), (6, "other.ko")], problems
    assert registry.tags == () and registry.unreadable == {"fz-tag", "other"}


def test_an_unknown_key_or_a_wrong_alias_leaves_the_tag_usable(tmp_path: Path) -> None:
    """`color: red` in the `reasoning` entry failed every note tagged reasoning (22 of the bundled
    notes): only the key is wrong, and only it is told."""
    from hostile_base import TAGS_YML, note, write_site
    from papernotes.source.tree import load_site

    root = write_site(tmp_path, {"2024/uses.md": note(tags="[reasoning]")}, good=False)
    (root / "data" / "tags.yml").write_text(TAGS_YML.replace("  en: Reasoning\n", "  en: Reasoning\n  color: red\n  aliases: [Bad Alias]\n"),
                                            encoding="utf-8")
    result = load_site(root, "data")
    assert [(p.path, p.field, p.rule) for p in result.errors] == [
        ("data/tags.yml", "reasoning.color", "unknown-key"), ("data/tags.yml", "reasoning.aliases[0]", "bad-tag-slug")]
    assert [n.tags for n in result.notes] == [("reasoning",)]


def test_a_tag_whose_entry_is_broken_is_not_called_unknown(tmp_path: Path) -> None:
    from hostile_base import TAGS_YML, note, write_site
    from papernotes.source.tree import load_site

    root = write_site(tmp_path, {"2024/uses.md": note(tags="[reasoning, nope]")}, good=False)
    (root / "data" / "tags.yml").write_text(TAGS_YML.replace("  en: Reasoning\n", ""), encoding="utf-8")
    lines = [p.format() for p in load_site(root, "data").errors]
    assert lines[0].startswith("data/tags.yml:") and "needs an `en:` label" in lines[0], lines
    assert lines[1:] == [
        "data/notes/2024/uses.md:5:8: error: tags[0]: tag 'reasoning' cannot be checked: its entry in data/tags.yml has an "
        "error (see its own message); fix data/tags.yml first",
        "data/notes/2024/uses.md:5:19: error: tags[1]: unknown tag 'nope'; add the tag to data/tags.yml"], lines


def test_under_serve_a_tags_file_broken_mid_edit_keeps_the_notes_served(tmp_path: Path) -> None:
    """One typo in tags.yml while `mkdocs serve` ran left the site with no note (every one a
    draft: its tags could not be checked) until the file was fixed. A serve session (one
    NoteCache) checks the notes against the last readable tags meanwhile; the file's error
    stays, so no build passes with it."""
    from hostile_base import TAGS_YML, write_site
    from papernotes.source.tree import NoteCache, load_site

    root = write_site(tmp_path, {})
    cache = NoteCache()
    before = load_site(root, "data", reuse=cache)
    (root / "data" / "tags.yml").write_text(TAGS_YML.replace("en: Reasoning", 'en: "Reasoning"x'), encoding="utf-8")
    during = load_site(root, "data", reuse=cache)
    assert [n.source for n in during.notes] == [n.source for n in before.notes] != []
    assert [p.path for p in during.errors] == ["data/tags.yml"]
    alone = load_site(root, "data")   # a build on its own: the file's one error (which fails it), the notes kept
    assert [p.path for p in alone.errors] == ["data/tags.yml"] and len(alone.notes) == len(before.notes)


def test_an_alias_naming_another_tag_is_told_at_the_alias_even_when_that_entry_is_broken(tmp_path: Path) -> None:
    """`aliases: [rl, reasoning]` on another tag was reported at the entry's first line, column 1,
    once for a tag declared before it and never for one declared after; and when the `rl` entry
    had a problem of its own the alias took its name over: notes tagged rl were re-tagged, silently."""
    text = ("rl:\n  ko: 강화학습\n  en: RL\nclash:\n  ko: 충돌\n  en: Clash\n  aliases: [x, rl, reasoning]\n"
            "reasoning:\n  ko: 추론\n  en: Reasoning\n")
    (tmp_path / "tags.yml").write_text(text, encoding="utf-8")
    registry, problems = load_tag_registry(tmp_path / "tags.yml", "data/tags.yml")
    assert [(p.line, p.column, p.field, p.rule) for p in problems] == [
        (7, 16, "clash.aliases[1]", "duplicate-tag"), (7, 20, "clash.aliases[2]", "duplicate-tag")]
    assert registry.lookup["rl"] == "rl" and registry.lookup["reasoning"] == "reasoning" and registry.lookup["x"] == "clash"
    (tmp_path / "tags.yml").write_text("rl:\n  ko: 강화학습\nclash:\n  ko: 충돌\n  en: Clash\n  aliases: [rl]\n", encoding="utf-8")
    registry, problems = load_tag_registry(tmp_path / "tags.yml", "data/tags.yml")
    assert [(p.field, p.rule) for p in problems] == [("rl", "missing-label"), ("clash.aliases[0]", "duplicate-tag")]
    assert "rl" not in registry.lookup and registry.unreadable == {"rl"}
