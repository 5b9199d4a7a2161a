"""scripts/measure_search.py: a real first query in Chromium, counted under search/."""

from __future__ import annotations

from typing import TYPE_CHECKING
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BUNDLED_DATA
from search_data import postings

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "measure_search.py"


@pytest.mark.browser
def test_measures_a_first_query(reader_build: Path, browser: Browser) -> None:
    run = subprocess.run([sys.executable, str(SCRIPT), str(reader_build), "보상"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    found = re.search(r"first query '보상': (\d+) kB \((\d+) kB gzip\) in (\d+) requests, (\d+) results, shown in \d+ ms", run.stdout)
    assert found, run.stdout
    expected = {d for term, docs in postings(reader_build).items() if term.startswith("보상") for d in docs}
    assert int(found.group(4)) == len(expected) <= 10  # one page of results: the cards of all of them
    terms = sorted((reader_build / "search" / "terms").glob("*.json"))
    assert len(terms) == 1  # a small index: the query needs its only terms file
    shard = json.loads((reader_build / "search" / "meta.json").read_text(encoding="utf-8"))["card_shard"]
    files = [reader_build / "search" / "meta.json", *terms, *{reader_build / "search" / "cards" / f"{d // shard}.json" for d in expected}]
    assert int(found.group(3)) == len(files)
    assert int(found.group(1)) == round(sum(f.stat().st_size for f in files) / 1024)


def test_refuses_a_folder_without_an_index(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, str(SCRIPT), str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "has no search/meta.json" in run.stderr


def test_measures_building_the_index_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("measure_search", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "measure_search", module)   # its dataclasses look their module up
    spec.loader.exec_module(module)
    line = module.measure_index_build(BUNDLED_DATA)
    found = re.fullmatch(r"index build \((\d+) notes\): ([\d.]+) CPU-s, peak \+(-?\d+) MiB; (\d+) files, ([\d.]+) MB", line)
    assert found, line
    assert int(found.group(1)) > 40 and float(found.group(2)) < 30 and int(found.group(4)) > 3
