"""`papernotes check` fails exactly what CI's `mkdocs build --strict` fails.

A contributor runs `check`; the pull request runs the strict build. Each case below is run
through both over the same files: their verdicts must agree (green locally means green on the
pull request), and neither may print a traceback or an internal error.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build, make_site, run_cli
from hostile_base import note, write_site

ONLY_KOREAN = "\n## 한국어\n\n한국어 코멘트만 있습니다.\n"

# (id, notes added to the base site, text appended to tags.yml, fails?)
CASES = [
    ("clean", {}, "", False),
    ("missing-english-section", {"2024/ko-only.md": note(body=ONLY_KOREAN)}, "", True),  # a warning, fatal under --strict
    ("tag-listed-twice", {"2024/twice.md": note(tags="[rl, reinforcement-learning]")}, "", True),  # a warning too
    ("impossible-date", {"2024/bad-date.md": note(date="2024-02-30")}, "", True),
    ("tag-slug-index", {}, "index:\n  ko: 색인\n  en: Index\n", True),
    ("arabic-indic-arxiv", {"2024/digits.md": note(arxiv='"\u0662\u0664\u0660\u0665.\u0660\u0660\u0660\u0661\u0660"')}, "", True),
    ("one-paper-twice", {"2024/again.md": note(arxiv=None, extra="url: https://arxiv.org/abs/2405.00010v2\n")}, "", True),
    ("remote-image-only", {"2024/pixel.md": note(body="\n## 한국어\n\n![그림](https://example.org/a.png)\n\n## English\n\nText.\n")}, "", False),
    ("draft-without-commentary", {"2024/draft.md": note(extra="draft: true\n", body="\n## Abstract\n\nLater.\n")}, "", False),
]


@pytest.mark.parametrize("notes, tags, fails", [pytest.param(n, t, f, id=i) for i, n, t, f in CASES])
def test_check_and_the_strict_build_agree(tmp_path: Path, notes: dict[str, str], tags: str, fails: bool) -> None:
    data = write_site(tmp_path / "d", notes) / "data"
    with (data / "tags.yml").open("a", encoding="utf-8") as f:
        f.write(tags)
    site = make_site(tmp_path / "s", data=data)
    check = run_cli(["check", "--root", str(site)], cwd=site)
    strict = build(site)
    assert (check.returncode != 0, strict.returncode != 0) == (fails, fails), (check.stdout + check.stderr, strict.stderr[-2000:])
    for output in (check.stdout + check.stderr, strict.stderr):
        assert "Traceback" not in output and "internal error" not in output, output[-2000:]
    # Every problem `check` prints is located in a file, and the strict build names it too.
    for line in check.stdout.splitlines():
        path = line.split(":", 1)[0]
        assert path.startswith("data/") and path in strict.stderr, (line, strict.stderr[-2000:])
