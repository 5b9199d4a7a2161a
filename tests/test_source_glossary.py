"""The glossary (data/glossary.yml): what `papernotes check` says about a broken one, located to the
line, column and field, and the concepts a valid one gives search."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BUNDLED_ROOT, make_site
from papernotes.cli.main import main
from papernotes.outputs.concepts import ConceptMatcher
from papernotes.text.words import tokenize_joined
from papernotes.source.glossary import Concept, load_glossary
from papernotes.source.tree import load_site

GOOD = """\
reward-hacking:
  en: [reward hacking]
  ko: [보상 해킹, 리워드 해킹]
human-feedback:
  en: human feedback
  ko: [인간 피드백]
"""


def load(tmp_path: Path, text: str):  # noqa: ANN201
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    return load_glossary(path, "data/glossary.yml")


def test_a_valid_glossary(tmp_path: Path) -> None:
    glossary, problems = load(tmp_path, GOOD)
    assert problems == []
    assert glossary.concepts == (Concept("reward-hacking", ("reward hacking",), ("보상 해킹", "리워드 해킹")),
                                 Concept("human-feedback", ("human feedback",), ("인간 피드백",)))


def test_a_missing_or_empty_glossary_is_no_glossary(tmp_path: Path) -> None:
    assert load_glossary(tmp_path / "absent.yml", "data/glossary.yml") == load(tmp_path, "# nothing yet\n") == (
        load(tmp_path, "")[0], [])
    assert load(tmp_path, "")[0].concepts == ()


# (file, [(line, column, field, rule, words in the message)])
BROKEN = [
    # a form two concepts share, whatever its spacing, case or ending
    ("a:\n  en: [reward model]\n  ko: [보상 모델]\nb:\n  en: [Reward Models]\n  ko: [보상모델]\n",
     [(5, 8, "b.en[0]", "duplicate-form", "'reward model' of concept 'a' (line 2)"),
      (6, 8, "b.ko[0]", "duplicate-form", "'보상 모델' of concept 'a' (line 3)")]),
    # the same form twice in one concept
    ("a:\n  en: [probing, probe]\n  ko: [프로빙]\n", [(2, 17, "a.en[1]", "duplicate-form", "of this concept")]),
    # empty forms and lists
    ("a:\n  en: []\n  ko: [가나]\n", [(2, 7, "a", "empty", "lists no forms")]),
    ("a:\n  en: [\"  \"]\n  ko: [가나]\n", [(2, 8, "a.en[0]", "empty", "must not be empty")]),
    ("a:\n  en: [x y]\n  ko: [\"—\"]\n", [(3, 8, "a.ko[0]", "no-words", "no letters or digits")]),
    # wrong types
    ("a:\n  en: [2024]\n  ko: [가나]\n", [(2, 8, "a.en[0]", "wrong-type", 'quote it: "2024"')]),
    ("a:\n  en: [yes]\n  ko: [가나]\n", [(2, 8, "a.en[0]", "wrong-type", "a boolean")]),
    ("a:\n  en: {x: y}\n  ko: [가나]\n", [(2, 7, "a", "wrong-type", "expected a list")]),
    ("a: [reward]\n", [(1, 4, "a", "not-a-mapping", "mapping")]),
    ("- a\n- b\n", [(1, 1, "file", "not-a-mapping", "mapping")]),
    # unknown and missing keys, bad ids
    ("a:\n  en: [reward]\n  kor: [보상]\n", [(3, 3, "a", "unknown-key", "did you mean 'ko'?")]),
    ("a:\n  en: [reward]\n", [(2, 3, "a", "missing-forms", "needs `ko:`")]),
    ("Reward_Hacking:\n  en: [reward hacking]\n  ko: [보상 해킹]\n", [(1, 1, "Reward_Hacking", "bad-concept-id", "kebab-case")]),
    # A bad id and a bad form: both at once (the form showed only once the id was fixed).
    ("Bad_Concept:\n  en: [reward]\n  ko: [reward]\n", [(1, 1, "Bad_Concept", "bad-concept-id", "kebab-case"),
                                                       (3, 8, "Bad_Concept.ko[0]", "wrong-language", "belong under `en:`")]),
    ("a:\n  en: [x1]\n  ko: [가나]\na:\n  en: [x2]\n  ko: [다라]\n", [(4, 1, "file", "duplicate-key", "first defined on line 1")]),
    # forms search could not use
    ("a:\n  en: [" + "word " * 7 + "]\n  ko: [가나]\n", [(2, 8, "a.en[0]", "too-long", "at most")]),
    ("a:\n  en: [" + "x" * 60 + "]\n  ko: [가나]\n", [(2, 8, "a.en[0]", "too-long", "at most 50 characters")]),
    ("a:\n  en: [x]\n  ko: [가나]\n", [(2, 8, "a.en[0]", "too-short", "2+ letters")]),
    ("a:\n  en: [보상]\n  ko: [reward]\n", [(2, 8, "a.en[0]", "wrong-language", "belong under `ko:`"),
                                         (3, 8, "a.ko[0]", "wrong-language", "belong under `en:`")]),
    # YAML the located reader refuses: aliases (alias bombs), tags, bad syntax, invisible characters
    ("a: &x\n  en: [reward]\n  ko: [보상]\nb: *x\n", [(1, 4, "file", "yaml-alias", "anchors and aliases")]),
    ("a:\n  en: !!python/name:os.system [x]\n  ko: [가나]\n", [(2, 7, "file", "yaml-tag", "not allowed")]),
    ("a:\n  en: [reward\n  ko: [보상]\n", [(2, 7, "file", "yaml-syntax", "is not closed")]),
    ("a:\n  en: [re\u200bward]\n  ko: [보상]\n", [(2, 10, "a.en[0]", "invisible-character", "U+200B")]),
]


@pytest.mark.parametrize(("text", "expected"), BROKEN, ids=[e[0][3] for _, e in BROKEN])
def test_problems_are_located(tmp_path: Path, text: str, expected: list) -> None:
    _, problems = load(tmp_path, text)
    got = [(p.line, p.column, p.field, p.rule) for p in problems]
    assert got == [e[:4] for e in expected], [p.format() for p in problems]
    for problem, (*_, words) in zip(problems, expected):
        assert problem.path == "data/glossary.yml" and words in problem.message, problem.format()


def test_one_bad_form_costs_only_itself(tmp_path: Path) -> None:
    glossary, problems = load(tmp_path, "a:\n  en: [reward, 12]\n  ko: [보상]\nb:\n  en: [hacking]\n  ko: [해킹]\n")
    assert [p.field for p in problems] == ["a.en[1]"]
    assert [(c.id, c.en) for c in glossary.concepts] == [("a", ("reward",)), ("b", ("hacking",))]


AGENTS = """\
transformer:
  en: [transformer]
  ko: [트랜스포머]
verifier:
  en: [verifier]
  ko: [검증기]
computer-use-agent:
  en: [computer-use agent]
  ko: [컴퓨터 사용 에이전트]
"""


@pytest.mark.parametrize(("text", "ids"), [
    ("Transformers beat RNNs", ["transformer"]),           # the noun and its plural
    ("a transformer를 쓴다", ["transformer"]),
    ("Transforming and Combining Rewards", []),            # not the verb it is made from
    ("how to transform a reward", []),
    ("the transformation of rewards", []),
    ("verifiable rewards", []),                            # a verifier is nothing verifiable
    ("two verifiers disagree", ["verifier"]),
    ("a computer use agent", ["computer-use-agent"]),
    ("compute use agent", []),
])
def test_an_agent_noun_names_its_concept_not_its_verbs(tmp_path: Path, text: str, ids: list[str]) -> None:
    """Forms are compared by their words' Snowball stems, which cut an agent noun down to its verb:
    트랜스포머 (transformer) found a note titled Transforming, 검증기 (verifier) six notes writing
    verifiable and nothing of verifiers. Such a noun (-er, -or) is its own key (words.key_stem)."""
    glossary, problems = load(tmp_path, AGENTS)
    assert problems == []
    matcher = ConceptMatcher(glossary)
    assert [glossary.concepts[n].id for _, _, n in matcher.runs(*tokenize_joined(text))] == ids


def test_papernotes_check_reports_the_glossary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path / "site")
    (site / "data" / "glossary.yml").write_text("a:\n  en: [reward model]\n  ko: [보상 모델]\nb:\n  en: [reward-models]\n  ko: [보상]\n",
                                                encoding="utf-8")
    assert main(["check", "--root", str(site)]) == 1
    out = capsys.readouterr().out
    assert "data/glossary.yml:5:8: error: b.en[0]: 'reward-models' is the same as 'reward model' of concept 'a' (line 2)" in out


def test_the_bundled_glossary_is_valid_and_its_concepts_are_in_the_notes() -> None:
    """At least 150 concepts, each named by some bundled note (title, abstract or commentary)."""
    result = load_site(BUNDLED_ROOT, "data")
    assert [p.format() for p in result.problems if p.path == "data/glossary.yml"] == []
    matcher = ConceptMatcher(result.glossary)
    named = set()
    for note in result.notes:
        for text in (note.title, note.abstract, note.ko, note.en):
            named |= {n for _, _, n in matcher.runs(*tokenize_joined(text), every=True)}
    assert len(named) >= 150
    ids = {c.id: c for c in result.glossary.concepts}
    assert {"리워드 해킹", "보상 해킹"} <= set(ids["reward-hacking"].ko) and "인간 피드백" in ids["human-feedback"].ko


# (text, the concepts ConceptMatcher finds in it): spacing, particles, inflections and hyphens do
# not count; words parted by punctuation or inside a longer word do not name a concept.
MATCHES = [
    ("reward hacking을 줄인다", ["reward-hacking"]),
    ("보상해킹은 흔하다", ["reward-hacking"]),
    ("리워드 해킹이", ["reward-hacking"]),
    ("Reward-Hacking", ["reward-hacking"]),
    ("reward. Hacking", []),
    ("정책이 reward hacking한다", ["reward-hacking"]),   # a Korean ending written onto the English word
    ("보상 해킹된 정책", ["reward-hacking"]),              # a verb ending on the Korean noun
    ("learning from human feedback", ["human-feedback"]),
    ("인간 피드백으로", ["human-feedback"]),
    ("인간피드백", ["human-feedback"]),
    ("비인간 피드백", []),
]


@pytest.mark.parametrize(("text", "ids"), MATCHES)
def test_concepts_found_in_text(tmp_path: Path, text: str, ids: list[str]) -> None:
    glossary, _ = load(tmp_path, GOOD)
    matcher = ConceptMatcher(glossary)
    assert [glossary.concepts[n].id for _, _, n in matcher.runs(*tokenize_joined(text))] == ids
