"""`papernotes check` runs the build's validation without building: exit 0 clean, 1 errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURE_SITE


def run_check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "papernotes", "check", *args], cwd=root, capture_output=True, text=True)


def test_clean_tree_exits_0_and_broken_tree_exits_1(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE_SITE / "data", tmp_path / "data")
    clean = run_check(tmp_path)
    assert (clean.returncode, clean.stdout) == (0, "")
    (tmp_path / "data" / "notes" / "2025" / "broken.md").write_text(
        "---\ntitle: T\nauthors: [A]\ndate: 2025-01-01\ntags: [rl]\narxiv: 2501.12340\n---\n\n## 한국어\n\n코멘트\n", encoding="utf-8")
    broken = run_check(tmp_path)
    assert broken.returncode == 1
    assert broken.stdout.splitlines()[0].startswith("data/notes/2025/broken.md:6:8: error: arxiv: ")
    assert "1 error" in broken.stderr


def test_output_cut_short_by_its_reader_is_no_traceback() -> None:
    """`papernotes new … | head -1` printed a BrokenPipeError traceback: the reader closing the
    pipe (head, a pager quit early) is not a crash."""
    process = subprocess.Popen([sys.executable, "-m", "papernotes", "post", "2025-01-05", "--root", str(FIXTURE_SITE)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    process.stdout.close()  # the reader is gone before the first line
    stderr = process.stderr.read()
    process.wait(timeout=60)
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr
