"""Benchmark the full site build at N notes against the floor of MkDocs + mkdocs-material.

    python scripts/bench.py 1000 10000            # our build and the floor at each N
    python scripts/bench.py 500 --blog            # also the mkdocs-material blog + tags plugins
    python scripts/bench.py 50 --json out.json    # also write the figures as JSON
    python scripts/bench.py 2000 --hugo           # also Hugo on the same notes (hugo_site.py)
    python scripts/bench.py 10000 --commentary 2500   # notes with long commentaries

For each N it generates N notes (`notegen.generate_notes`, deterministic), builds the site
with the project's own mkdocs.yml, theme and hook, and prints wall and CPU time (and the user
part of it, which the disk's state moves least), peak memory
(of all the build's processes together, sampled as PSS every 0.1 s or less often so that the
sampler takes at most 5% of a core, and of the largest one, from os.wait4;
the hook's log splits it by process), pages written, output size, the largest HTML page, and the bytes
a first search transfers. The floor is N bare pages (out of the navigation) built with the
same mkdocs.yml minus the hook; `--blog` builds the same notes as blog posts with the blog and
tags plugins; `--hugo` builds them with Hugo (Debian's `hugo`, installed with apt-get when
missing and the bench runs as root) with tag and day/month/year taxonomies and lean templates,
and prints our time ÷ Hugo's. Timings from one run are comparable with each other, not across machines.
Every site stays on disk until the run ends: removing one slowed the next build's file creation.
Exit codes: 0 built, 1 a build failed, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from notegen import COMMENTARY, generate_notes, tag_registry
from sitesize import SiteSize, measure_site
from hugo_site import write_hugo_site

ROOT = Path(__file__).resolve().parents[1]

__all__ = ["generate_notes", "main", "run_build", "BuildRun"]


@dataclass(frozen=True)
class BuildRun:
    """One `mkdocs build` subprocess: how long it took and how much memory it used."""

    seconds: float
    """Wall-clock time."""
    cpu_seconds: float
    """User + system CPU time of the build process and the processes it waited for: steadier than wall time."""
    peak_mib: float
    """Peak resident memory of the largest single process of the build (ru_maxrss from os.wait4)."""
    total_mib: float
    """Peak of the build's processes together: their proportional set sizes (PSS, so pages a
    forked child shares with its parent count once) summed, sampled every 0.1 s (0 off Linux)."""
    returncode: int
    """The build's exit status."""
    stderr: str
    """Its log, kept to explain failures."""
    processes: tuple[tuple[str, float, float], ...] = ()
    """(process, peak MiB, CPU s) as the hook logs them: MkDocs', the page worker's, the exports writer's."""
    user_seconds: float = 0.0
    """The user part of `cpu_seconds`: the work the code does. The system part is mostly the kernel
    creating files, and on this machine it moves with the disk's state (10-30 s for the same
    build), so user CPU is the steadier figure to compare code by."""


def project_config(hook: bool = True) -> dict:
    """The project's mkdocs.yml made usable from another folder (absolute hook and theme paths)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    config["hooks"] = [str(ROOT / h) for h in config.get("hooks", [])] if hook else []
    if hook:
        config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    else:  # the overrides use the hook's Jinja filters (pn_label...): the floor is the bare theme
        config["theme"].pop("custom_dir", None)
    config["watch"] = []
    return config


def write_site(dest: Path, config: dict) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "docs", dest / "docs", dirs_exist_ok=True)
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest


def make_our_site(dest: Path, n: int, seed: int, commentary: int = COMMENTARY) -> Path:
    generate_notes(n, dest, seed, commentary)
    return write_site(dest, project_config())


def make_floor_site(dest: Path, n: int) -> Path:
    """N bare pages under docs/notes/ (out of the navigation), same config without the hook
    (and without the theme overrides, which need the hook)."""
    write_site(dest, project_config(hook=False))
    pages = dest / "docs" / "notes"
    pages.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (pages / f"page-{i}.md").write_text(f"# Page {i}\n\nA bare page.\n", encoding="utf-8")
    return dest


def make_blog_site(dest: Path, n: int, seed: int) -> Path:
    """The same notes as mkdocs-material blog posts with tags (blog + tags plugins)."""
    generate_notes(n, dest / "gen", seed)
    posts = dest / "docs" / "blog" / "posts"
    posts.mkdir(parents=True, exist_ok=True)
    (dest / "docs" / "blog" / "index.md").write_text("# Blog\n", encoding="utf-8")
    (dest / "docs" / "tags.md").write_text("# Tags\n\n<!-- material/tags -->\n", encoding="utf-8")
    (dest / "docs" / "index.md").write_text("# Notes\n", encoding="utf-8")
    for path in sorted((dest / "gen" / "data" / "notes").rglob("*.md")):
        meta_text, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
        meta = yaml.safe_load(meta_text.removeprefix("---\n"))
        front = {"date": meta["date"], "tags": meta["tags"]}
        abstract_end = body.index("## 한국어")
        text = (f"# {meta['title']}\n\n{', '.join(meta['authors'])}\n\n<!-- more -->\n\n"
                + re.sub(r"^## ", "### ", body[:abstract_end] + body[abstract_end:], flags=re.M))
        (posts / path.name).write_text(f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n\n{text}", encoding="utf-8")
    shutil.rmtree(dest / "gen")
    config = {
        "site_name": "blog benchmark", "docs_dir": "docs", "use_directory_urls": True,
        "theme": {"name": "material", "language": "ko"},
        "plugins": ["search", {"blog": {"blog_dir": "blog"}}, {"tags": {}}],
        "nav": [{"Home": "index.md"}, {"Blog": ["blog/index.md"]}, {"Tags": "tags.md"}],
        "markdown_extensions": ["tables", "admonition", {"toc": {"permalink": True}}],
    }
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest


PROCESS_LOG = (
    ("MkDocs", re.compile(r"the MkDocs process's peak memory (\d+) MiB, CPU ([\d.]+) s")),
    ("worker", re.compile(r"rendered by the second process.*?\(its peak memory (\d+) MiB, CPU ([\d.]+) s\)")),
    ("exports", re.compile(r"written by a forked process \(its peak memory (\d+) MiB, CPU ([\d.]+) s\)")),
)


SAMPLE_EVERY = 0.1
"""Seconds between memory samples of a build's processes, at the least."""
SAMPLER_SHARE = 0.05
"""The most of one core the memory sampler may take (it waits 20 times as long as a sample took)."""


def tree_pss_kib(root: int) -> int:
    """Summed PSS (KiB) of `root` and its descendants, from /proc; 0 where there is none."""
    children: dict[int, list[int]] = {}
    try:
        entries = [e for e in os.listdir("/proc") if e.isdigit()]
    except OSError:
        return 0
    for entry in entries:
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, ()))
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        found = re.search(r"^Pss:\s+(\d+) kB", rollup, re.M)
        total += int(found.group(1)) if found else 0
    return total


def make_hugo_site(dest: Path, n: int, seed: int) -> Path:
    """The same notes as a Hugo site (see hugo_site.py)."""
    generate_notes(n, dest / "gen", seed)
    write_hugo_site(dest / "gen" / "data", dest)
    shutil.rmtree(dest / "gen")
    return dest


def find_hugo(install: bool = True) -> str | None:
    """The `hugo` program; when it is missing and we are root, install Debian's with apt-get."""
    found = shutil.which("hugo")
    if found or not install or not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    print("bench: installing Debian's hugo (apt-get install -y hugo)", file=sys.stderr, flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "install", "-y", "-qq", "hugo"], env=env, stdout=subprocess.DEVNULL, check=False)
    return shutil.which("hugo")


def run_hugo(site: Path, out: Path, hugo: str = "hugo") -> BuildRun:
    """Build the Hugo site `site` into `out`, measured as `run_build` measures ours."""
    return run_command([hugo, "--quiet", "-s", str(site), "-d", str(out)], site)


def run_build(site: Path, out: Path, *extra: str) -> BuildRun:
    """Build `site` into `out` in a child process, sampling the memory of its process tree."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(site / "mkdocs.yml"), "-d", str(out), *extra]
    return run_command(cmd, site)


def run_command(cmd: list[str], site: Path) -> BuildRun:
    """Run `cmd` in `site`, timing it and sampling the memory of its process tree."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    peak_total = 0
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=site, env=env, stdout=subprocess.DEVNULL, stderr=err)
        done = threading.Event()

        def sample() -> None:
            # Every 0.1 s, but at most SAMPLER_SHARE of one core: reading a process's PSS walks
            # its page tables (~20 ms for 1 GB), so at 30,000 notes a fixed 0.1 s took ~40% of a
            # core from a two-process build on two cores (148.9 s against 114.4 s unsampled).
            nonlocal peak_total
            wait = SAMPLE_EVERY
            while not done.wait(wait):
                began = time.perf_counter()
                peak_total = max(peak_total, tree_pss_kib(proc.pid))
                wait = max(SAMPLE_EVERY, (time.perf_counter() - began) / SAMPLER_SHARE)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        log = err.read().decode("utf-8", "replace")
    processes = tuple((name, float(m.group(1)), float(m.group(2)))
                      for name, pattern in PROCESS_LOG if (m := pattern.search(log)))
    return BuildRun(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, peak_total / 1024,
                    proc.returncode, log, processes, usage.ru_utime)


@dataclass(frozen=True)
class Row:
    """Everything printed for one N."""

    notes: int
    build: BuildRun
    size: SiteSize
    floor: BuildRun | None
    blog: BuildRun | None
    hugo: BuildRun | None = None
    hugo_size: SiteSize | None = None

    def ratio(self, other: BuildRun | None) -> float | None:
        return self.build.seconds / other.seconds if other else None

    def cpu_ratio(self, other: BuildRun | None) -> float | None:
        return self.build.cpu_seconds / other.cpu_seconds if other else None

    def user_ratio(self, other: BuildRun | None) -> float | None:
        return self.build.user_seconds / other.user_seconds if other and other.user_seconds else None


def growth(rows: list[Row]) -> list[tuple[int, int, float]]:
    """(n1, n2, exponent k) with time2/time1 = (n2/n1)^k, for consecutive sizes and first-to-last."""
    pairs = list(zip(rows, rows[1:]))
    if len(rows) > 2:
        pairs.append((rows[0], rows[-1]))
    return [(a.notes, b.notes, math.log(b.build.seconds / a.build.seconds) / math.log(b.notes / a.notes))
            for a, b in pairs if b.notes != a.notes]


def format_table(rows: list[Row]) -> str:
    head = ("notes", "build s", "cpu s", "peak MiB (all processes)", "largest process MiB",
            "MkDocs / worker / exports: MiB, CPU s", "pages", "output MB", "largest HTML kB", "search kB (gz)",
            "floor s", "÷ floor", "cpu ÷ floor", "user cpu ÷ floor", "blog s", "blog ÷ ours", "hugo s", "ours ÷ hugo",
            "hugo cpu s", "hugo MiB", "hugo output MB")
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    for r in rows:
        blog_ratio = r.blog.seconds / r.build.seconds if r.blog else None
        cells = (f"{r.notes}", f"{r.build.seconds:.1f}", f"{r.build.cpu_seconds:.1f}",
                 f"{r.build.total_mib:.0f}", f"{r.build.peak_mib:.0f}",
                 " / ".join(f"{name} {mib:.0f}, {cpu:.1f}" for name, mib, cpu in r.build.processes) or "-",
                 f"{r.size.pages}",
                 f"{r.size.total_bytes / 1e6:.1f}", f"{r.size.largest_html_bytes / 1e3:.0f} ({r.size.largest_html})",
                 f"{r.size.search_bytes / 1e3:.0f} ({r.size.search_gzip_bytes / 1e3:.0f})",
                 f"{r.floor.seconds:.1f}" if r.floor else "-", f"{r.ratio(r.floor):.2f}" if r.floor else "-",
                 f"{r.cpu_ratio(r.floor):.2f}" if r.floor else "-",
                 f"{r.user_ratio(r.floor):.2f}" if r.user_ratio(r.floor) else "-",
                 f"{r.blog.seconds:.1f}" if r.blog else "-", f"{blog_ratio:.1f}" if blog_ratio else "-",
                 f"{r.hugo.seconds:.1f}" if r.hugo else "-", f"{r.ratio(r.hugo):.2f}" if r.hugo else "-",
                 f"{r.hugo.cpu_seconds:.1f}" if r.hugo else "-", f"{r.hugo.total_mib:.0f}" if r.hugo else "-",
                 f"{r.hugo_size.total_bytes / 1e6:.1f}" if r.hugo_size else "-")
        lines.append(" | ".join(cells))
    for n1, n2, k in growth(rows):
        lines.append(f"growth {n1} -> {n2} notes: time ~ N^{k:.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000], help="numbers of notes (default 1000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--commentary", type=int, default=COMMENTARY,
                        help=f"characters of each language's commentary in our notes (default {COMMENTARY}; "
                             "real daily notes run 1,000-3,000)")
    parser.add_argument("--blog", action="store_true", help="also build the notes with the blog + tags plugins")
    parser.add_argument("--hugo", action="store_true", help="also build the notes with Hugo (tags and date taxonomies)")
    parser.add_argument("--no-floor", action="store_true", help="skip the bare-pages floor build")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    args = parser.parse_args(argv)
    if not args.sizes or min(args.sizes) < 1:
        parser.print_usage(sys.stderr)
        print("bench: sizes must be positive numbers of notes", file=sys.stderr)
        return 2

    hugo = find_hugo() if args.hugo else None
    if args.hugo and hugo is None:
        print("bench: --hugo needs the `hugo` program (apt-get install -y hugo)", file=sys.stderr)
        return 1
    work = args.keep or Path(tempfile.mkdtemp(prefix="papernotes-bench-"))
    rows: list[Row] = []
    try:
        for n in sorted(args.sizes):
            runs: dict[str, BuildRun | None] = {"floor": None, "blog": None, "hugo": None}
            hugo_size = None
            plans = [("ours", lambda d, n=n: make_our_site(d, n, args.seed, args.commentary))]
            if not args.no_floor:
                plans.append(("floor", lambda d, n=n: make_floor_site(d, n)))
            if args.blog:
                plans.append(("blog", lambda d, n=n: make_blog_site(d, n, args.seed)))
            if hugo:
                plans.append(("hugo", lambda d, n=n: make_hugo_site(d, n, args.seed)))
            for name, make in plans:
                site = make(work / f"{name}-{n}")
                run = run_hugo(site, site / "site", hugo) if name == "hugo" else run_build(site, site / "site")
                print(f"bench: {name} {n} notes: {run.seconds:.1f} s ({run.cpu_seconds:.1f} s CPU, {run.user_seconds:.1f} of it user), "
                      f"{run.total_mib:.0f} MiB all processes, {run.peak_mib:.0f} MiB the largest",
                      file=sys.stderr, flush=True)
                if run.returncode != 0:
                    print(f"bench: the {name} build of {n} notes failed:\n{run.stderr[-4000:]}", file=sys.stderr)
                    return 1
                runs[name] = run
                if name == "ours":
                    ours, size = run, measure_site(site / "site")
                if name == "hugo":
                    hugo_size = measure_site(site / "site")
                # Sites are removed at the end, not here: deleting a large tree slowed the file
                # creation of the next build several times over on this machine (scripts/benchmarks-log.md).
            rows.append(Row(n, ours, size, runs["floor"], runs["blog"], runs["hugo"], hugo_size))
            if runs["hugo"]:
                print(f"bench: {n} notes: ours {ours.seconds:.1f} s, Hugo {runs['hugo'].seconds:.1f} s: "
                      f"ours ÷ Hugo = {ours.seconds / runs['hugo'].seconds:.2f} (CPU {ours.cpu_seconds / runs['hugo'].cpu_seconds:.2f})",
                      file=sys.stderr, flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(format_table(rows))
    if args.json:
        data = [dict(asdict(r), floor_ratio=r.ratio(r.floor), floor_cpu_ratio=r.cpu_ratio(r.floor),
                     blog_ratio=(r.blog.seconds / r.build.seconds if r.blog else None),
                     hugo_ratio=r.ratio(r.hugo))
                for r in rows]
        for item in data:
            for key in ("build", "floor", "blog", "hugo"):
                if item[key]:
                    item[key].pop("stderr")
        args.json.write_text(json.dumps({"rows": data, "growth": growth(rows), "tags": len(tag_registry())}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
