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
    assert "1 error(s)" in broken.stderr
