"""Lint the project: ruff for every Python file, ESLint for the site's scripts. `.ci/run` runs it.

    python scripts/lint.py             # both
    python scripts/lint.py --python    # ruff only (needs no npm)
    python3 scripts/lint.py --js       # ESLint only (needs no venv: `.ci/run` runs it while pip installs)

ruff is pinned in the lock (requirements.txt, from the `test` extra) and configured in
pyproject.toml, where `exclude` is spelled out so that hooks/papernotes/session/ is read. ESLint,
its recommended rules and the browser globals are pinned in scripts/lint/package-lock.json and
installed on demand with `npm ci` into the gitignored .cache/test-tools/eslint/ (again whenever
the lock changes); scripts/lint/eslint.config.mjs says what it checks.
Exit codes: 0 clean, 1 problems found (printed), 2 a tool is missing or could not be installed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parents[1]
LINT = ROOT / "scripts" / "lint"
CACHE = ROOT / ".cache" / "test-tools" / "eslint"
JS_FILES = "docs/assets/"


def run_ruff() -> int:
    ruff = Path(sys.executable).parent / "ruff"
    if not ruff.exists():
        print(f"lint: {ruff} is missing; install the lock (README's test command)", file=sys.stderr)
        return 2
    return 1 if subprocess.run([str(ruff), "check", "."], cwd=ROOT).returncode else 0


def install_eslint() -> Path:
    """The eslint executable in CACHE, installed (again) when scripts/lint's lock has changed."""
    lock = (LINT / "package-lock.json").read_bytes()
    binary = CACHE / "node_modules" / ".bin" / "eslint"
    if not binary.exists() or (CACHE / "package-lock.json").read_bytes() != lock:
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError("npm is missing: it installs ESLint (apt-get install npm)")
        CACHE.mkdir(parents=True, exist_ok=True)
        shutil.copy(LINT / "package.json", CACHE / "package.json")
        shutil.copy(LINT / "package-lock.json", CACHE / "package-lock.json")
        result = subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=CACHE,
                                capture_output=True, text=True)
        if result.returncode != 0 or not binary.exists():
            raise RuntimeError(f"npm could not install ESLint into {CACHE}:\n{result.stderr[-2000:]}")
    # The config imports its packages, so it must sit beside the node_modules it imports from.
    shutil.copy(LINT / "eslint.config.mjs", CACHE / "eslint.config.mjs")
    return binary


def run_eslint() -> int:
    try:
        eslint = install_eslint()
    except RuntimeError as error:
        print(f"lint: {error}", file=sys.stderr)
        return 2
    result = subprocess.run([str(eslint), "--max-warnings", "0", "--config", str(CACHE / "eslint.config.mjs"), JS_FILES],
                            cwd=ROOT)
    return 1 if result.returncode else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--python", action="store_true", help="run ruff only")
    only.add_argument("--js", action="store_true", help="run ESLint only")
    args = parser.parse_args(argv)
    codes = ([] if args.js else [run_ruff()]) + ([] if args.python else [run_eslint()])
    return max(codes)


if __name__ == "__main__":
    raise SystemExit(main())
