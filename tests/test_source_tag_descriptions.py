"""`data/tags.yml`: a tag description is given in both languages, or refused at its line.

The site shows one language at a time, so a description in one language would show foreign text
to the other language's readers (issue 18). The refusal names the line and column, and leaves
the tag itself usable, so the notes that use it are not also reported as using an unknown tag.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from papernotes.cli.main import main
from papernotes.source.tags import load_tag_registry

CONTRIB = Path(__file__).parent / "fixtures" / "contrib"

HEAD = "reward-model:\n  ko: 보상 모델\n  en: Reward model\n"

# (case, the description lines after HEAD, the problems expected as "line:col: field: rule")
CASES = [
    ("both languages", "  description:\n    ko: 응답에 점수를 매기는 모델.\n    en: Models that score responses.\n", []),
    ("no description", "", []),
    ("one line of English", "  description: Models that score responses.\n", ["4:16: reward-model.description: description-language"]),
    ("English only", "  description:\n    en: Models that score responses.\n", ["4:3: reward-model.description: description-language"]),
    ("Korean only", "  description:\n    ko: 응답에 점수를 매기는 모델.\n", ["4:3: reward-model.description: description-language"]),
    ("a third language", "  description:\n    ko: 모델.\n    en: Models.\n    ja: モデル.\n", ["7:5: reward-model.description: unknown-key"]),
    ("empty Korean", "  description:\n    ko: ''\n    en: Models.\n", ["5:9: reward-model.description: empty"]),
]


def problems(tmp_path: Path, text: str) -> tuple[object, list[str]]:
    path = tmp_path / "tags.yml"
    path.write_text(text, encoding="utf-8")
    registry, found = load_tag_registry(path, "data/tags.yml")
    return registry, [f"{p.line}:{p.column}: {p.field}: {p.rule}" for p in found]


@pytest.mark.parametrize(("case", "lines", "expected"), CASES, ids=[c[0] for c in CASES])
def test_descriptions_need_both_languages(tmp_path: Path, case: str, lines: str, expected: list[str]) -> None:
    registry, found = problems(tmp_path, HEAD + lines)
    assert found == expected
    # The tag stays defined either way: only its description is left out.
    tag = registry.get("reward-model")
    assert tag.ko == "보상 모델" and tag.en == "Reward model"
    if expected:
        assert (tag.description_ko, tag.description_en) == ("", "")


def test_both_texts_are_kept(tmp_path: Path) -> None:
    registry, found = problems(tmp_path, HEAD + CASES[0][1])
    tag = registry.get("reward-model")
    assert found == [] and (tag.description_ko, tag.description_en) == ("응답에 점수를 매기는 모델.", "Models that score responses.")


def test_the_message_says_what_to_add(tmp_path: Path) -> None:
    path = tmp_path / "tags.yml"
    path.write_text(HEAD + CASES[3][1], encoding="utf-8")
    (problem,) = load_tag_registry(path, "data/tags.yml")[1]
    assert "no Korean text" in problem.message and "`ko:`" in problem.message


def test_the_bundled_registrys_descriptions_are_in_both_languages() -> None:
    """Each description the bundled tags give is in both languages. A description is optional (the
    contributing guide): a contributor QA pass added a tag as the guide shows, which `papernotes
    check` and the strict build passed, and this test failed the pull request's CI, requiring one."""
    root = Path(__file__).resolve().parents[1]
    registry, found = load_tag_registry(root / "data" / "tags.yml", "data/tags.yml")
    assert found == []
    described = [t for t in registry.tags if t.description_ko or t.description_en]
    assert described and all(t.description_ko and t.description_en for t in described)


def test_check_reports_a_one_language_description_with_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(CONTRIB / "data", tmp_path / "data")
    tags = tmp_path / "data" / "tags.yml"
    text = tags.read_text(encoding="utf-8")
    tags.write_text(text + "cheap-tag:\n  ko: 값싼 태그\n  en: Cheap tag\n  description: English only.\n", encoding="utf-8")
    line = text.count("\n") + 4
    assert main(["check", "--root", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"data/tags.yml:{line}:16: error: cheap-tag.description: tag 'cheap-tag': the description needs both languages")
