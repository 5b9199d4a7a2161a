"""Recall of the search box, per class of query, on a built site; optionally Pagefind's on the same site.

if TYPE_CHECKING:
    from playwright.sync_api import Page

    python scripts/search_eval.py SITE_DIR DATA_DIR [--pagefind] [--only CLASS ...] [--limit N]
                                  [--queries FILE] [--misses]

SITE_DIR is a built site (`mkdocs build`), DATA_DIR the data folder it was built from (its notes
and tags.yml label the queries). For each query of QUERIES the page is opened in Chromium
(/usr/bin/chromium), the query typed into the search box and the first ten results read;
recall@10 is the share of the expected notes among them (of at most ten expected). With
--pagefind, Pagefind (npm `pagefind`, PAGEFIND_VERSION, fetched by `npx` on demand: never a
dependency of the site) indexes a copy of the site with `--force-language en` and with its
default settings, and the same queries go to its JavaScript API; the best configuration per
class is printed beside ours. Exit codes: 0 done, 2 bad usage.

A query's expected notes, written from the bundled notes:
- `tag:<slug>`: the notes carrying that tag (a tag query expects the tag's notes);
- `re:<pattern>`: the notes whose file or tag labels match the pattern (case-insensitive), i.e.
  that write the word in some form or spacing or show it on their page as a tag (a note tagged
  `rl` shows "강화학습" and "Reinforcement learning", and the index holds both);
- `<slug> <slug> ...`: those notes.

The `cross` class asks in one language for notes that wrote the concept in the other (through
data/glossary.yml), and expects only those: `환각` expects the notes that write `hallucination`.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from papernotes.schema import FrontMatter, split_front_matter
from papernotes.source.tags import load_tag_registry
from papernotes.source.yamlnodes import Located, NodeError, compose, mapping_items, read_list, read_text

if TYPE_CHECKING:
    from playwright.sync_api import Page

PAGEFIND_VERSION = "1.5.2"
CLASSES = ("korean", "forms", "typos", "tags", "cross")

# (class, query, expected)
QUERIES: list[tuple[str, str, str]] = [
    # Korean spacing: compounds typed with or without spaces; particles; a part inside a compound
    ("korean", "보상모델", "tag:reward-model"),
    ("korean", "보상 모델을", "tag:reward-model"),
    ("korean", "추론모델", r"re:추론 ?모델"),
    ("korean", "추론 모델", r"re:추론 ?모델"),
    ("korean", "적대적학습", "tag:adversarial-training"),
    ("korean", "인지 과학", "tag:cognitive-science"),
    ("korean", "인지과학", "tag:cognitive-science"),
    ("korean", "강화 학습", "tag:rl"),
    ("korean", "선호최적화", "tag:preference-optimization"),
    ("korean", "과정감독", "tag:process-supervision"),
    ("korean", "자기개선", "tag:self-improvement"),
    ("korean", "자기 검증", "tag:self-verification"),
    ("korean", "해석가능성", "tag:interpretability"),
    ("korean", "지식증류", "tag:distillation"),
    ("korean", "정렬실패", "tag:misalignment"),
    ("korean", "마음이론", "tag:theory-of-mind"),
    ("korean", "사전 학습", r"re:사전 ?학습"),
    ("korean", "선호데이터", r"re:선호 ?데이터"),
    ("korean", "추론능력", r"re:추론 ?능력"),
    ("korean", "문제해결", r"re:문제 ?해결"),
    ("korean", "엔트로피를", r"re:엔트로피"),
    # as typed key by key without composition (a lone consonant begins the next syllable); a given name alone
    ("korean", "강화학ㅅ", "tag:rl"),
    ("korean", "현우", "simpletom"),
    # lone letters a keyboard or a paste left uncomposed (compatibility jamo): composed first
    ("korean", "ㄱㅏㅇㅎㅘㅎㅏㄱㅅㅡㅂ", "tag:rl"),
    # a Chinese author's name in Hangul (외래어 표기법's forms, or informal ones): the notes write it in pinyin
    ("korean", "자오", r"re:\bZhao\b"),
    ("korean", "퉈 자오", "think-rm adversarial-training-of-reward-models"),
    ("korean", "투오 자오", "think-rm adversarial-training-of-reward-models"),
    ("korean", "저우", r"re:\bZhou\b"),
    # one that also finds a syllable inside a word (황 in 장황한): the author's notes first
    ("korean", "황", r"re:\bHuang\b"),
    # English word forms
    ("forms", "surveys", r"re:\bsurvey"),
    ("forms", "distilling", r"re:\bdistill"),
    ("forms", "hallucinations", r"re:\bhallucinat"),
    ("forms", "rewarded", r"re:\breward"),
    ("forms", "aligning", r"re:\balign"),
    ("forms", "generalizes", r"re:\bgenerali[sz]"),
    ("forms", "preferences", r"re:\bpreferen"),
    ("forms", "benchmarking", r"re:\bbenchmark"),
    ("forms", "imitating", r"re:\bimitat"),
    ("forms", "monitored", r"re:\bmonitor"),
    ("forms", "verifying", r"re:\bverif(y|i)"),
    ("forms", "optimizes", r"re:\boptimi[sz]"),
    ("forms", "thinkers", r"re:\bthinker"),
    ("forms", "refusals", r"re:\brefus"),
    ("forms", "simulations", r"re:\bsimulat"),
    ("forms", "exploring", r"re:\bexplor"),
    # a hyphenated model name no note writes whole (notes write DeepSeek-R1, R1-Distill): its first part's notes
    ("forms", "R1-Zero", r"re:\bR1\b"),
    # Typos: one letter wrong, missing, extra or swapped
    ("typos", "hallucinaton", r"re:\bhallucinat"),
    ("typos", "interpretabilty", r"re:\binterpretab"),
    ("typos", "reinforcment", r"re:\breinforcement"),
    ("typos", "alignmnet", r"re:\balignment"),
    ("typos", "curriculum", r"re:\bcurriculum"),
    ("typos", "curiculum", r"re:\bcurriculum"),
    ("typos", "benchmrk", r"re:\bbenchmark"),
    ("typos", "distilation", r"re:\bdistillation"),
    ("typos", "preferance", r"re:\bpreference"),
    ("typos", "monitorring", r"re:\bmonitoring"),
    ("typos", "suprevision", r"re:\bsupervision"),
    ("typos", "multimodla", r"re:\bmultimodal"),
    ("typos", "uncertainity", r"re:\buncertainty"),
    ("typos", "markovain", r"re:\bmarkovian"),
    ("typos", "xdversarial", r"re:\badversarial"),
    ("typos", "reward modle", "tag:reward-model"),
    # Tags: #slug, or a label in either language
    ("tags", "#rl", "tag:rl"),
    ("tags", "#reward-model", "tag:reward-model"),
    ("tags", "#alignment", "tag:alignment"),
    ("tags", "#math", "tag:math"),
    ("tags", "#safety", "tag:safety"),
    ("tags", "#agents", "tag:agents"),
    ("tags", "#efficiency", "tag:efficiency"),
    ("tags", "Reinforcement learning", "tag:rl"),
    ("tags", "강화학습", "tag:rl"),
    ("tags", "Chain-of-thought", "tag:chain-of-thought"),
    ("tags", "사고의 사슬", "tag:chain-of-thought"),
    ("tags", "Test-time scaling", "tag:test-time-scaling"),
    ("tags", "RLHF", "tag:rlhf"),
    ("tags", "정렬", "tag:alignment"),
    ("tags", "Self-verification", "tag:self-verification"),
    # Across languages (data/glossary.yml): a Korean query finds the notes that wrote the term in
    # English, an English one those that wrote it in Korean; expected: only the other language's notes
    ("cross", "보상 해킹", r"re:\breward hacking"),
    ("cross", "리워드 해킹을", r"re:\breward hacking"),
    ("cross", "인간 피드백", r"re:\bhuman feedback"),
    ("cross", "환각을", r"re:\bhallucinat"),
    ("cross", "과잉 사고", r"re:\boverthink"),
    ("cross", "커리큘럼", r"re:\bcurricul"),
    ("cross", "자기개선", r"re:\bself-improv"),
    ("cross", "기계적 해석 가능성", r"re:\bmechanistic interpretability"),
    ("cross", "창발적 정렬 실패", r"re:\bemergent misalignment"),
    ("cross", "행동 복제", r"re:\bbehaviou?ral cloning"),
    ("cross", "모방학습", r"re:\bimitation learning"),
    ("cross", "콜드 스타트", r"re:\bcold[ -]start"),
    ("cross", "병렬 사고", r"re:\bparallel thinking"),
    ("cross", "은닉 상태", r"re:\bhidden states?\b"),
    ("cross", "다수결", r"re:\bmajority vot"),
    ("cross", "sycophancy", r"re:아첨"),
    ("cross", "belief tracking", r"re:믿음 ?추적"),
    ("cross", "expected value", r"re:기댓값"),
    ("cross", "deception", r"re:(?<![가-힣])기만"),
    ("cross", "uncertainty", r"re:불확실성"),
    # acronyms listed or compared: the notes on either (PRM's, ORM's through outcome reward)
    ("cross", "PRM ORM", r"re:\bPRMs?\b|outcome[ -]reward"),
    ("cross", "PPO vs GRPO", r"re:\bPPO\b|\bGRPO\b"),
]


def note_files(data: Path) -> dict[str, str]:
    """slug -> the note file's text (published notes only: `draft: true` ones are skipped)."""
    out = {}
    for path in sorted((data / "notes").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"^draft:\s*true\s*$", text, re.M):
            continue
        out[path.stem] = text
    return out


@functools.lru_cache(maxsize=None)
def _written_tags(text: str) -> tuple[str, ...]:
    """The note's tags, read with the loader's guarded YAML reader (notes come from pull requests);
    parsed once per note, not once per query."""
    front = split_front_matter(text.split("\n"))
    if not isinstance(front, FrontMatter):
        return ()
    try:
        root = compose("\n".join(front.yaml_lines), offset=1)
        fields = {name: value for name, _, value in mapping_items(Located(root, 1))} if root is not None else {}
        return tuple(read_text(item) for item in read_list(fields["tags"])) if "tags" in fields else ()
    except NodeError:
        return ()  # `papernotes check` reports it; the evaluation counts the note as untagged


def note_tags(text: str, aliases: dict[str, str]) -> set[str]:
    return {aliases.get(t, t) for t in _written_tags(text)}


def expected(spec: str, notes: dict[str, str], aliases: dict[str, str], labels: dict[str, str] | None = None) -> set[str]:
    """The notes `spec` expects; `labels`: tag slug -> its labels (what a note page shows for it)."""
    if spec.startswith("tag:"):
        return {slug for slug, text in notes.items() if spec[4:] in note_tags(text, aliases)}
    if spec.startswith("re:"):
        pattern = re.compile(spec[3:], re.I)
        labels = labels or {}
        return {slug for slug, text in notes.items()
                if pattern.search(text) or any(pattern.search(labels.get(t, "")) for t in note_tags(text, aliases))}
    return set(spec.split())


def recall(found: list[str], want: set[str]) -> float:
    return len(set(found[:10]) & want) / min(10, len(want)) if want else 1.0


def our_search(page: Page, base: str) -> Callable[[str], list[str]]:
    page.goto(base)

    def run(query: str) -> list[str]:
        page.fill(".pn-search__input", query)
        # Search now; a plain Enter opens the first result when the typing's own search showed it first.
        page.press(".pn-search__input", "Shift+Enter")
        page.wait_for_function("q => document.querySelector('.pn-search__results').dataset.count !== undefined"
                               " && document.querySelector('.pn-search__input').value === q", arg=query)
        hrefs = page.eval_on_selector_all(".pn-search__results a.pn-search__title", "els => els.map(e => e.getAttribute('href'))")
        return [h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs]
    return run


def pagefind_search(page: Page, base: str, bundle: str) -> Callable[[str], list[str]]:
    page.goto(base)
    page.evaluate("async url => { window.__pf = await import(url); await window.__pf.init(); }", base + bundle + "/pagefind.js")

    def run(query: str) -> list[str]:
        urls = page.evaluate("async q => { const r = await window.__pf.search(q);"
                             " const d = await Promise.all(r.results.slice(0, 40).map(x => x.data()));"
                             " return d.map(x => x.url); }", query)
        slugs = [m.group(1) for u in urls if (m := re.search(r"/notes/([^/]+)/", u))]
        return list(dict.fromkeys(slugs))[:10]  # only note pages count, as in our box
    return run


def build_pagefind(site: Path, bundle: str, *flags: str) -> None:
    cmd = ["npx", "--yes", f"pagefind@{PAGEFIND_VERSION}", "--site", str(site), "--output-subdir", bundle, *flags]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"pagefind failed ({' '.join(cmd)}):\n{result.stderr[-2000:]}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("data", type=Path)
    parser.add_argument("--pagefind", action="store_true", help="also measure Pagefind (npx, on demand)")
    parser.add_argument("--only", nargs="*", choices=CLASSES, help="only these classes")
    parser.add_argument("--limit", type=int, help="at most N queries per class")
    parser.add_argument("--misses", action="store_true", help="print the queries our box misses")
    parser.add_argument("--queries", type=Path, help="ask these queries (class<TAB>query<TAB>expected per line)")
    args = parser.parse_args(argv)
    if not (args.site / "search" / "meta.json").is_file():
        parser.error(f"{args.site} has no search/meta.json: build the site first")
    if not (args.data / "tags.yml").is_file():
        parser.error(f"{args.data} has no tags.yml")
    registry, _ = load_tag_registry(args.data / "tags.yml", "tags.yml")
    aliases = {a: t.slug for t in registry.tags for a in t.aliases}
    labels = {t.slug: f"{t.ko}\n{t.en}" for t in registry.tags}
    notes = note_files(args.data)
    classes = args.only or list(CLASSES)
    asked = QUERIES
    if args.queries:
        asked = [tuple(line.split("\t")) for line in args.queries.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#")]
        bad = [q for q in asked if len(q) != 3 or q[0] not in CLASSES]
        if bad:
            parser.error(f"{args.queries}: not class<TAB>query<TAB>expected with a class of {CLASSES}: {bad[0]}")
    queries = [q for q in asked if q[0] in classes]
    classes = [c for c in classes if any(q[0] == c for q in queries)]
    if args.limit:
        queries = [q for c in classes for q in [q for q in queries if q[0] == c][:args.limit]]
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        engines: dict[str, str | None] = {"ours": None}
        if args.pagefind:
            site = Path(tmp) / "site"
            shutil.copytree(args.site, site)
            for name, flags in (("pagefind-en", ("--force-language", "en")), ("pagefind", ())):
                build_pagefind(site, f"_{name}", *flags)
                engines[name] = f"_{name}"
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        scores: dict[str, dict[str, list[float]]] = {}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
            for engine, bundle in engines.items():
                page = browser.new_page()
                run = our_search(page, base) if bundle is None else pagefind_search(page, base, bundle)
                for cls, query, spec in queries:
                    want = expected(spec, notes, aliases, labels)
                    found = run(query)
                    r = recall(found, want)
                    scores.setdefault(engine, {}).setdefault(cls, []).append(r)
                    if args.misses and engine == "ours" and r < 1:
                        print(f"miss {cls} {query!r}: {r:.2f} want {sorted(want - set(found))} got {found}")
                page.close()
            browser.close()
        server.shutdown()
    print(f"recall@10 on {len(queries)} queries ({len(notes)} notes)")
    header = f"{'engine':<14}" + "".join(f"{c:>9}" for c in classes) + f"{'all':>9}"
    print(header)
    for engine, by_class in scores.items():
        every = [r for c in classes for r in by_class.get(c, [])]
        print(f"{engine:<14}" + "".join(f"{sum(by_class[c]) / len(by_class[c]):>9.2f}" for c in classes)
              + f"{sum(every) / len(every):>9.2f}")
    if args.pagefind:
        best = {c: max(sum(scores[e][c]) / len(scores[e][c]) for e in engines if e != "ours") for c in classes}
        print(f"{'pagefind best':<14}" + "".join(f"{best[c]:>9.2f}" for c in classes))
    return 0


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


if __name__ == "__main__":
    sys.exit(main())
