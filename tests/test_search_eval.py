"""scripts/search_eval.py runs on the bundled notes (a few queries per class), so it cannot rot."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BUNDLED_DATA, ROOT

pytestmark = pytest.mark.browser


def load_eval():  # noqa: ANN201 - a fixture, typed where it is made
    spec = importlib.util.spec_from_file_location("search_eval", ROOT / "scripts" / "search_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_query_set_covers_every_class_with_60_queries() -> None:
    module = load_eval()
    assert len(module.QUERIES) >= 60
    assert {c for c, _, _ in module.QUERIES} == set(module.CLASSES)
    tags = {"reward-model", "rl", "cognitive-science"}
    notes = module.note_files(BUNDLED_DATA)
    for _, query, spec in module.QUERIES:
        assert module.expected(spec, notes, {}), f"{query!r} expects no note"
    assert tags <= {s[4:] for _, _, s in module.QUERIES if s.startswith("tag:")}


def test_the_held_out_queries_parse_and_expect_notes() -> None:
    module = load_eval()
    lines = [line for line in (ROOT / "scripts" / "search_eval_holdout.tsv").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    rows = [line.split("\t") for line in lines]
    assert len(rows) >= 60 and all(len(r) == 3 for r in rows)
    assert {c for c, _, _ in rows} == set(module.CLASSES)
    assert not {q for _, q, _ in rows} & {q for _, q, _ in module.QUERIES}, "held-out queries must differ from QUERIES"
    notes = module.note_files(BUNDLED_DATA)
    for _, query, spec in rows:
        assert module.expected(spec, notes, {}), f"{query!r} expects no note"


def test_eval_prints_recall_per_class(bundled_build: Path) -> None:
    # A process of its own: the browser tests' Playwright already runs an event loop in this one.
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "search_eval.py"), str(bundled_build),
                             str(BUNDLED_DATA), "--limit", "3"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    classes = load_eval().CLASSES
    row = re.search(r"^ours" + r"\s+([\d.]+)" * (len(classes) + 1) + "$", out, re.M)   # each class, then all
    assert row, out
    assert all(0.85 <= float(x) <= 1.0 for x in row.groups()), out  # most of the first queries of each class are found
