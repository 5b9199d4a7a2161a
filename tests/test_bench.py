"""The benchmark stays runnable: its note generator is deterministic and valid, and a small
run prints sane figures. Timing itself is never asserted here (that is the benchmark's job)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from papernotes import schema
from papernotes.source.tree import load_site

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from notegen import NOT_WRITTEN, generate_notes  # noqa: E402 - after the sys.path line above


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "data").rglob("*")) if p.is_file()}


def test_generator_is_deterministic(tmp_path: Path) -> None:
    generate_notes(20, tmp_path / "a", seed=5)
    generate_notes(20, tmp_path / "b", seed=5)
    generate_notes(20, tmp_path / "c", seed=6)
    a, b, c = _tree(tmp_path / "a"), _tree(tmp_path / "b"), _tree(tmp_path / "c")
    assert len(a) == 21  # 20 notes and tags.yml
    assert a == b
    assert a != c


# (figure, lowest, highest) over 300 generated notes, as the benchmark promises in notegen's docstring
SHAPE = [
    ("authors per note", 3, 12),
    ("tags per note", 1, 5),
    ("abstract characters", 1100, 1500),
    ("Korean commentary characters", 250, 500),
    ("English commentary characters", 250, 550),   # an earlier note's id with its version (arXiv:2510.00107v2) is longer
]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - a fixture, typed where it is made
    root = tmp_path_factory.mktemp("gen")
    generate_notes(300, root, seed=1)
    return load_site(root, "data")


def test_generated_notes_are_valid(generated) -> None:  # noqa: ANN001 - a fixture, typed where it is made
    assert generated.files == 300
    assert len(generated.notes) == 300
    assert generated.problems == ()


def test_long_commentaries_are_paragraphs_and_lists_and_valid(tmp_path: Path) -> None:
    """`--commentary` (notes written at length, as real daily notes are) gives commentaries that
    long, in paragraphs and bullet lists, that the checker accepts."""
    generate_notes(30, tmp_path, seed=3, commentary=2500)
    loaded = load_site(tmp_path, "data")
    assert loaded.problems == () and len(loaded.notes) == 30
    for note in loaded.notes:
        for text in (note.ko, note.en):
            assert len(text) >= 2500 and "\n\n" in text and "\n- " in text


def test_generated_notes_know_each_other(generated) -> None:  # noqa: ANN001 - a fixture, typed where it is made
    """notegen's docstring promises mentions and lineage of earlier notes: it found a note's own id
    with a pattern for double quotes while the writer wrote single ones, so every mention and
    lineage id was of a paper without a note, and the benchmark built no backlink."""
    ids = {n.arxiv for n in generated.notes}
    lineage = [i for n in generated.notes for i in (*n.builds_on, *n.compares_with)]
    mentioned = [i for n in generated.notes for i in ids if i and i in n.en + n.ko]
    assert sum(i in ids for i in lineage) > len(generated.notes) // 3
    assert len(mentioned) > len(generated.notes) // 3


def never_written(notes) -> list[str]:  # noqa: ANN001 - Note records
    """The schema's fields and sections that no note holds a value for, but those the generator
    leaves out on purpose (`notegen.NOT_WRITTEN`)."""
    names = [f.name for f in schema.FIELDS] + [s.key for s in schema.SECTIONS]
    return [name for name in names if name not in NOT_WRITTEN and not any(getattr(n, name, None) for n in notes)]


def test_generated_notes_hold_every_schema_field(generated) -> None:  # noqa: ANN001 - a fixture, typed where it is made
    """Issue 20: the schema drives the generator; a field it does not fill is named here."""
    assert never_written(generated.notes) == [], "scripts/notegen.py fills no note's value for these schema fields"


def test_a_field_added_to_the_schema_is_named_until_the_generator_fills_it(generated, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(schema, "FIELDS", (*schema.FIELDS, schema.Field("added_by_this_test", "text", False, "a field no note has")))
    assert never_written(generated.notes) == ["added_by_this_test"]


@pytest.mark.parametrize("figure, low, high", SHAPE)
def test_generated_notes_look_real(generated, figure: str, low: int, high: int) -> None:  # noqa: ANN001 - a fixture, typed where it is made
    measure = {
        "authors per note": lambda n: len(n.authors),
        "tags per note": lambda n: len(n.tags),
        "abstract characters": lambda n: len(n.abstract),
        "Korean commentary characters": lambda n: len(n.ko),
        "English commentary characters": lambda n: len(n.en),
    }[figure]
    values = [measure(n) for n in generated.notes]
    assert low <= min(values) and max(values) <= high, (min(values), max(values))


def test_generated_tags_follow_a_zipf_law(generated) -> None:  # noqa: ANN001 - a fixture, typed where it is made
    counts: dict[str, int] = {}
    for note in generated.notes:
        for tag in note.tags:
            counts[tag] = counts.get(tag, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    assert len(generated.tags.tags) == 150
    assert ranked[0] > 5 * ranked[len(ranked) // 2]  # a few tags dominate, most are rare
    days = {n.date for n in generated.notes}
    assert len(days) < len(generated.notes) / 2  # several notes per day


@pytest.mark.slow  # runs scripts/bench.py: two builds in processes
def test_benchmark_runs_and_prints_sane_figures(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py"), "40", "--json", str(out)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "notes | build s" in run.stdout and "\n40 | " in run.stdout
    row = json.loads(out.read_text())["rows"][0]
    assert row["notes"] == 40
    assert row["build"]["seconds"] > 0 and row["floor"]["seconds"] > 0 and row["floor_ratio"] > 0
    assert 0 < row["build"]["user_seconds"] <= row["build"]["cpu_seconds"]
    assert "| user cpu ÷ floor |" in run.stdout
    assert 10 < row["build"]["peak_mib"] < 4096
    if sys.platform.startswith("linux"):  # the whole process tree's PSS, sampled from /proc
        assert 10 < row["build"]["total_mib"] < 4096
    assert [name for name, _, _ in row["build"]["processes"]] == ["MkDocs"]  # 40 notes: one process
    assert row["size"]["pages"] > 40  # notes plus tag, day, month, year pages
    assert 0 < row["size"]["largest_html_bytes"] < 1_000_000
    assert row["size"]["search_kind"] == "papernotes"
    assert row["size"]["search_bytes"] > 0 and row["size"]["search_files"]


def test_tree_memory_counts_a_child_process() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench import tree_pss_kib

    if not Path("/proc/self/smaps_rollup").exists():
        pytest.skip("no /proc/<pid>/smaps_rollup here")
    alone = tree_pss_kib(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", "b = bytearray(200 * 2**20); import time; time.sleep(5)"])
    try:
        deadline = time.monotonic() + 5
        while tree_pss_kib(os.getpid()) < alone + 150 * 1024 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert tree_pss_kib(os.getpid()) >= alone + 150 * 1024  # the child's 200 MiB are counted
    finally:
        child.kill()
        child.wait()


def test_benchmark_refuses_bad_sizes() -> None:
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py"), "0"], capture_output=True, text=True)
    assert run.returncode == 2
    assert "positive" in run.stderr
