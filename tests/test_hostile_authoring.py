"""The authoring commands read existing notes with the loader's guarded YAML reader.

`papernotes new`, `import-post` (was `import-feed`) and `import-hf` index the notes already under `data/notes/`
(to skip a paper that has a note). One note with a YAML alias bomb on its `title:` line once
made them eat memory until they died, while `check` refused it at once: they used a second,
unguarded reader. Each command now runs, bounded in memory and time, next to hostile notes:
each hostile note is a located error, the command still does its work, and nothing prints a
traceback.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from hostile_base import note, write_site

MEMORY_LIMIT = 1024 * 1024 * 1024
"""Address space for each command: plenty for the command, far too little for an alias bomb."""
LAUGHS = "[" + ", ".join(f"&{a} [{', '.join([f'*{b}' if b else 'lol'] * 9)}]" for b, a in zip(["", *"abcdefgh"], "abcdefghi")) + "]"
"""One line of nine anchors, each nine aliases of the one before: 9**9 items once expanded."""

B = "data/notes/2024/bomb.md"
# (id, note text, the located error each command must print for it)
HOSTILE = [
    ("alias-bomb-title", note(title=LAUGHS, arxiv='"2406.00005"'), f"{B}:2:9: error: title: YAML anchors and aliases (&, *) are not allowed here"),
    ("deep-title", note(title="[" * 5000 + "]" * 5000, arxiv='"2406.00005"'), f"{B}:2:23: error: title: nesting deeper than 16 levels"),
    ("custom-tag-arxiv", note(arxiv="!!python/object/apply:os.system ['true']"), f"{B}:6:8: error: arxiv: YAML tag"),
]

# (command line after `papernotes`, its files copied into the project, what it must have done)
COMMANDS = [
    (["new", "2504.06141", "--title", "A New Paper", "--author", "Ada Lovelace", "--date", "2025-04-10"], {},
     "created data/notes/2025/a-new-paper.md"),
    (["import-post", "feed.txt"], {"feed.txt": ROOT / "tests" / "fixtures" / "daily_post" / "daily-posts.txt"}, "import-post:"),
    (["import-hf", "hf.json", "--tag", "rl"], {"hf.json": ROOT / "tests" / "fixtures" / "hf" / "daily-papers-2025-04-09.json"}, "import-hf:"),
]


def _bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS bounds memory on Linux")
@pytest.mark.parametrize("text, located", [pytest.param(t, e, id=i) for i, t, e in HOSTILE])
@pytest.mark.parametrize("argv, files, done", [pytest.param(a, f, d, id=a[0]) for a, f, d in COMMANDS])
def test_authoring_command_reports_a_hostile_note_and_does_its_work(tmp_path: Path, text: str, located: str,
                                                                    argv: list[str], files: dict, done: str) -> None:
    root = write_site(tmp_path, {"2024/bomb.md": text})
    for name, source in files.items():
        shutil.copy(source, root / name)
    result = subprocess.run([sys.executable, "-m", "papernotes", *argv, "--root", str(root)], capture_output=True, text=True,
                            cwd=root, timeout=120, preexec_fn=_bounded)
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "MemoryError" not in output, output[-3000:]
    assert result.returncode in (0, 1), output[-3000:]
    assert located in result.stderr, output[-3000:]
    assert done in output, output[-3000:]
    # The hostile note is left as it was; `check` reports it the same way.
    assert (root / B).read_text(encoding="utf-8") == text
