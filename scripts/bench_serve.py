"""Measure `mkdocs serve` on N generated notes: the first build, then how long after saving a
note the served page shows the change.

    python scripts/bench_serve.py 10000            # MkDocs' default: every save rebuilds everything
    python scripts/bench_serve.py 10000 --dirty    # `mkdocs serve --dirty`

It edits one note's English commentary `--edits` times, each time polling the note's URL until
the new text is served, and prints the seconds from save to visible change together with the
time MkDocs reports for that rebuild, and how many notes the served search index holds, then
the median. Then it adds a note, renames one and deletes one, each time polling until the
served site shows it: the new page (dated today) served and listed on its day page, the renamed note at
its new URL and gone from the old one, the deleted note's page gone (404) and no longer listed
on its day page.
Exit codes: 0 measured, 1 the server failed or a change never showed, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import statistics
import urllib.error
import urllib.request
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import make_our_site

BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")
CPU = re.compile(r"the MkDocs process's peak memory (\d+) MiB, CPU ([\d.]+) s")
_cpu = [0.0, 0.0]
"""The MkDocs process's CPU seconds so far, as its log last said, and at the previous build."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - the local serve URL this script started
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - the local serve URL this script started
            return response.status
    except urllib.error.HTTPError as err:
        return err.code
    except OSError:
        return 0


def _wait(check, timeout: float) -> float | None:  # noqa: ANN001
    """Seconds until `check()` holds (None if it never did within `timeout`)."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if check():
            return time.monotonic() - start
        time.sleep(0.1)
    return None


def _day_url(base: str, note: Path) -> str:
    day = re.search(r"^date: (\d{4})-(\d{2})-(\d{2})$", note.read_text(encoding="utf-8"), re.M)
    return base + f"archive/{day.group(1)}/{day.group(2)}/{day.group(3)}/"  # type: ignore[union-attr]


def _changes(base: str, notes: list[Path], timeout: float) -> list[str]:
    """Add, rename and delete a note; each returns a line, or raises RuntimeError naming what failed."""
    lines = []
    first, second, third = notes[1], notes[2], notes[3]
    new = first.with_name(f"added-note-{int(time.time())}.md")
    title = f"Added note {int(time.time())}"
    text = re.sub(r"^title: .*$", f'title: "{title}"', first.read_text(encoding="utf-8"), count=1, flags=re.M)
    text = re.sub(r"^arxiv: .*$", f'arxiv: "2512.9{int(time.time()) % 10000:04d}"', text, count=1, flags=re.M)  # one note per paper
    # Dated today, as `papernotes new` dates it: the newest note, first on its tags' pages and
    # among the related notes of every note that shares its tags (ties go to the newer note).
    text = re.sub(r"^date: .*$", f"date: {time.strftime('%Y-%m-%d')}", text, count=1, flags=re.M)
    new.write_text(text, encoding="utf-8")
    took = _wait(lambda: title in _fetch(base + f"notes/{new.stem}/") and f"notes/{new.stem}/" in _fetch(_day_url(base, new)),
                 timeout)
    if took is None:
        raise RuntimeError(f"the added note {new.name} never showed (or its day page does not list it)")
    lines.append(f"  add: the new note is served and listed on its day page {took:.1f} s after saving")
    renamed = second.with_name(second.stem + "-renamed.md")
    second.rename(renamed)
    took = _wait(lambda: _status(base + f"notes/{renamed.stem}/") == 200 and _status(base + f"notes/{second.stem}/") == 404,
                 timeout)
    if took is None:
        raise RuntimeError(f"the renamed note {renamed.name} is not served at its new URL only")
    lines.append(f"  rename: served at the new URL, 404 at the old one {took:.1f} s after renaming")
    day = _day_url(base, third)
    third.unlink()
    took = _wait(lambda: _status(base + f"notes/{third.stem}/") == 404 and f"notes/{third.stem}/" not in _fetch(day), timeout)
    if took is None:
        raise RuntimeError(f"the deleted note {third.name} is still served or listed on {day}")
    lines.append(f"  delete: the page is gone (404) and its day page no longer lists it {took:.1f} s after deleting")
    return lines


def _searchable(base: str, meta: dict, term: str) -> bool:
    """Whether the served index holds `term` (ASCII digits here, so str order is the JS order)."""
    chunks = [name for first, name in meta.get("chunks", []) if first <= term]
    if not chunks:
        return False
    return term in json.loads(_fetch(base + meta["terms"].replace("{name}", chunks[-1])) or "{}")


def _next_build(lines: queue.Queue[str], timeout: float, rebuild: bool = False) -> float | None:
    """Seconds MkDocs reports for the next finished build (None if none within `timeout`).

    A rebuild ends with the server's "Reloading browsers" line: MkDocs logs "Documentation built
    in N seconds" only the first time a given N is written (`mkdocs.utils.DuplicateFilter` on its
    build logger), so two saves that take the same hundredths of a second would otherwise leave
    the second one waiting; its reported time is then None (MkDocs did not say it again)."""
    end = time.monotonic() + timeout
    reported = None
    while time.monotonic() < end:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        if (c := CPU.search(line)):
            _cpu[:] = [float(c.group(2)), _cpu[0]]
        if (m := BUILT.search(line)):
            reported = float(m.group(1))
            if not rebuild:
                return reported
        if rebuild and RELOADED in line:
            return reported
    return None


RELOADED = "Reloading browsers"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notes", type=int)
    parser.add_argument("--dirty", action="store_true", help="run `mkdocs serve --dirty`")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--log", type=Path, help="also write MkDocs' log to this file")
    parser.add_argument("--no-changes", action="store_true", help="only edits: no note added, renamed or deleted")
    args = parser.parse_args(argv)
    if args.notes < 1 or args.edits < 1:
        print("bench_serve: notes and edits must be positive", file=sys.stderr)
        return 2

    work = Path(tempfile.mkdtemp(prefix="papernotes-serve-"))
    site = make_our_site(work / "site", args.notes, args.seed)
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    config["watch"] = ["data"]  # as in the project's mkdocs.yml
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    note = sorted((site / "data" / "notes").rglob("*.md"))[len(list((site / "data" / "notes").rglob("*.md"))) // 2]
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(site / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"]
    if args.dirty:
        cmd.append("--dirty")
    lines: queue.Queue[str] = queue.Queue()
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=site, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    log = args.log.open("w", encoding="utf-8") if args.log else None

    def read_log() -> None:
        for line in proc.stderr:  # type: ignore[union-attr]
            lines.put(line)
            if log:
                log.write(line)
                log.flush()

    threading.Thread(target=read_log, daemon=True).start()
    try:
        first = _next_build(lines, args.timeout)
        if first is None:
            print("bench_serve: the first build did not finish", file=sys.stderr)
            return 1
        while not _fetch(base):
            time.sleep(0.2)
        print(f"{args.notes} notes, serve{' --dirty' if args.dirty else ''}: first build {first:.1f} s ({_cpu[0]:.1f} CPU-s) "
              f"(server up after {time.monotonic() - start:.1f} s)")
        url = base + f"notes/{note.stem}/"
        day = re.search(r"^date: (\d{4})-(\d{2})-(\d{2})$", note.read_text(encoding="utf-8"), re.M)
        day_url = base + f"archive/{day.group(1)}/{day.group(2)}/{day.group(3)}/"  # type: ignore[union-attr]
        shown_all: list[float] = []
        for k in range(1, args.edits + 1):
            marker = f"Edited-{k}-{int(time.time())}"
            text = note.read_text(encoding="utf-8").rstrip("\n") + f" {marker}\n"
            saved = time.monotonic()
            note.write_text(text, encoding="utf-8")
            reported = _next_build(lines, args.timeout, rebuild=True)
            while marker not in _fetch(url):
                if time.monotonic() - saved > args.timeout:
                    print(f"bench_serve: edit {k} never showed at {url}", file=sys.stderr)
                    return 1
                time.sleep(0.2)
            shown = time.monotonic() - saved
            shown_all.append(shown)
            if marker not in _fetch(day_url):
                print(f"bench_serve: edit {k} shows on the note page but not on its day page {day_url}", file=sys.stderr)
                return 1
            # Under serve the search files follow the page a few seconds later: poll for them too.
            while True:
                meta = json.loads(_fetch(base + "search/meta.json") or "{}")  # counts the notes it holds
                found = _searchable(base, meta, marker.split("-")[-1])
                if found or time.monotonic() - saved > args.timeout:
                    break
                time.sleep(0.2)
            searchable = time.monotonic() - saved
            said = f"{reported:.1f} s" if reported is not None else "the same time as an earlier build"
            print(f"  edit {k}: visible {shown:.1f} s after saving (MkDocs reports {said}, "
                  f"{_cpu[0] - _cpu[1]:.1f} CPU-s in its process); "
                  f"search index holds {meta.get('docs', 0)} of {args.notes} notes; "
                  + (f"the edit is searchable after {searchable:.1f} s" if found else "the edit is NOT searchable"), flush=True)
        print(f"  median of {len(shown_all)} edits: visible {statistics.median(shown_all):.1f} s after saving", flush=True)
        if not args.no_changes:
            notes = sorted((site / "data" / "notes").rglob("*.md"))
            try:
                for line in _changes(base, [n for n in notes if n != note], args.timeout):
                    print(line, flush=True)
            except RuntimeError as err:
                print(f"bench_serve: {err}", file=sys.stderr)
                return 1
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
