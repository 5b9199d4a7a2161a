"""Deterministic synthetic notes for the benchmark and the scale tests.

`generate_notes(n, dest, seed)` writes `dest/data/tags.yml` and `n` notes under
`dest/data/notes/<year>/<slug>.md` that look like real ones: titles of 3-20 words (often
`Name: subtitle`), 3-12 authors drawn from a Zipf-Mandelbrot population (a few prolific
authors, a long tail of one-paper authors, as on arXiv; `author_population`), an abstract of ~1,200 characters, Korean and English
commentary of ~300 characters each (some with `$math$`; `commentary=` makes it longer, in paragraphs and lists), 1-5 tags drawn from a
Zipf-distributed registry of 150 tags, dates over up to ~3 years with several notes per day.
Notes know each other like real ones: the commentary mentions 2-4 papers (earlier notes' arXiv
ids and, about a third of the time, papers without a note, written as bare ids, `arXiv:` ids
and arxiv.org/Hugging Face URLs), and `builds_on:` / `compares_with:` name earlier notes'
papers and un-noted ones. These come from a second random stream, so the rest of each note is
what it was before they were added. The same (n, seed) always gives byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
from pathlib import Path

from papernotes.authoring.notefile import render_note
from papernotes.model import NoteDraft

NOT_WRITTEN = ("draft",)
"""Schema fields the generator never fills: its notes are all published. Every other field of
`schema.FIELDS` is in some of the notes (tests/test_bench.py names a field that is not), so
the benchmark builds what a real site holds."""
TAG_COUNT = 150
LAST_DAY = dt.date(2025, 12, 31)
SPAN_DAYS = 3 * 365
"""Dates cover at most ~3 years, ending on LAST_DAY."""
NOTES_PER_DAY = 3
"""Small N are squeezed into fewer days so that days still hold several notes."""

_TOPICS = [
    ("reward-model", "보상 모델", "Reward model"), ("rl", "강화학습", "Reinforcement learning"),
    ("rlhf", "RLHF", "RLHF"), ("reasoning", "추론", "Reasoning"), ("alignment", "정렬", "Alignment"),
    ("safety", "안전성", "Safety"), ("agents", "에이전트", "Agents"), ("efficiency", "효율", "Efficiency"),
    ("evaluation", "평가", "Evaluation"), ("benchmark", "벤치마크", "Benchmark"), ("vision", "비전", "Vision"),
    ("multimodal", "멀티모달", "Multimodal"), ("retrieval", "검색", "Retrieval"), ("dpo", "DPO", "DPO"),
    ("distillation", "증류", "Distillation"), ("pretraining", "사전학습", "Pretraining"),
    ("fine-tuning", "미세조정", "Fine-tuning"), ("interpretability", "해석가능성", "Interpretability"),
    ("hallucination", "환각", "Hallucination"), ("tool-use", "도구 사용", "Tool use"), ("code", "코드", "Code"),
    ("math", "수학", "Math"), ("theory", "이론", "Theory"), ("survey", "서베이", "Survey"),
    ("data", "데이터", "Data"), ("scaling", "스케일링", "Scaling"), ("speech", "음성", "Speech"),
    ("robotics", "로보틱스", "Robotics"), ("diffusion", "확산 모델", "Diffusion"), ("video", "비디오", "Video"),
]
_ASPECTS = [("", "", ""), ("methods", "방법", "methods"), ("analysis", "분석", "analysis"),
            ("datasets", "데이터셋", "datasets"), ("systems", "시스템", "systems")]

_FIRST = ["Wei", "Yuxin", "Ji-woo", "Minseo", "Alice", "Rahul", "Sofia", "Hao", "Daniel", "Seung-hyun", "Maria",
          "Kenji", "Olga", "Tom", "Priya", "Jun", "Elena", "Mateo", "Hyeonwoo", "Chenxi", "Fatima", "Lukas", "Ana", "Yuki"]
_LAST = ["Kim", "Lee", "Park", "Zhang", "Wang", "Smith", "Garcia", "Nguyen", "Müller", "Rossi", "Tanaka", "Patel",
         "Choi", "Liu", "Chen", "Ivanova", "Silva", "Johnson", "Jung", "Kang", "Yamamoto", "Dubois", "Novak", "Singh"]
_ORGS = ["KAIST", "Seoul National University", "NAVER AI Lab", "Google DeepMind", "Meta FAIR", "OpenAI",
         "Anthropic", "Tsinghua University", "Stanford University", "MIT", "LG AI Research", "Microsoft Research"]
_NAMES = ["S-GRPO", "ThinkRM", "FlowRL", "MetaAlign", "ToMBench", "SafeChain", "R1-Lite", "VisTool", "DeepProbe",
          "ParaReason", "LoopLM", "CodeJudge", "MathSage", "OmniEval", "TinyDistill", "SparseMoE"]
_WORDS = ("learning reasoning models language large reward policy optimization preference alignment agents "
          "training inference efficient scalable robust multimodal retrieval augmented generation evaluation "
          "benchmark feedback human synthetic data chain thought verification search planning tool use "
          "long context memory sparse mixture experts distillation small transformer attention latent "
          "diffusion video vision speech safety jailbreak hallucination calibration uncertainty").split()
_SENTENCES = [
    "We propose a simple method that improves {w1} {w2} without additional supervision.",
    "Existing approaches to {w1} {w2} rely on expensive human annotation and scale poorly.",
    "Our experiments on {n} benchmarks show consistent gains of {p}% over strong baselines.",
    "We analyse why {w1} fails under distribution shift and identify {w2} as the main cause.",
    "The resulting models match the {w1} of much larger systems while using {p}% less compute.",
    "We release code, data and trained checkpoints to support future work on {w1} {w2}.",
    "Ablations show that both the {w1} objective and the {w2} curriculum are necessary.",
    "Theoretical analysis shows that the estimator is unbiased and its variance decays with {w1}.",
]
_KO = [
    "{w1} 관점에서 보면 이 논문의 핵심은 {w2} 신호를 더 싸게 얻는 방법이다.",
    "실험은 {n}개 벤치마크에서 진행되었고 기준선 대비 평균 {p}% 향상을 보였다.",
    "다만 {w1} 설정이 실제 서비스 환경과 얼마나 가까운지는 조금 의문이 남는다.",
    "저자들은 {w2} 모듈을 제거하면 성능이 크게 떨어진다는 점을 ablation으로 보여 준다.",
    "보상 $r_t$ 를 단계별로 나누어 주는 설계가 인상적이며 재현도 어렵지 않아 보인다.",
    "개인적으로는 {w1} 와 {w2} 를 함께 다룬 후속 연구가 기대된다.",
]
_EN = [
    "The key idea is to obtain {w2} signal for {w1} far more cheaply than before.",
    "Across {n} benchmarks the method beats the baselines by {p}% on average.",
    "It is less clear how close the {w1} setting is to real deployments.",
    "Ablations show that removing the {w2} module costs most of the gain.",
    "Splitting the reward $r_t$ per step is neat, and it looks easy to reproduce.",
    "I would like to see follow-up work that treats {w1} and {w2} together.",
]


def tag_registry() -> list[tuple[str, str, str]]:
    """The 150 synthetic tags as (slug, ko, en), most popular first."""
    tags = []
    for aspect_slug, aspect_ko, aspect_en in _ASPECTS:
        for slug, ko, en in _TOPICS:
            if aspect_slug:
                tags.append((f"{slug}-{aspect_slug}", f"{ko} {aspect_ko}", f"{en} {aspect_en}"))
            else:
                tags.append((slug, ko, en))
    return tags[:TAG_COUNT]


def _fill(rng: random.Random, template: str) -> str:
    return template.format(w1=rng.choice(_WORDS), w2=rng.choice(_WORDS), n=rng.randint(3, 12), p=rng.randint(2, 40))


def _text(rng: random.Random, pool: list[str], target: int) -> str:
    out: list[str] = []
    while sum(len(s) + 1 for s in out) < target:
        out.append(_fill(rng, rng.choice(pool)))
    return " ".join(out)


def _commentary(rng: random.Random, pool: list[str], length: int) -> str:
    """`length` characters of commentary: one paragraph at the default `COMMENTARY`; longer, in
    paragraphs of ~500 characters, every third a bullet list, as real daily notes are written."""
    if length <= COMMENTARY:
        return _text(rng, pool, length)
    blocks: list[str] = []
    while sum(len(b) + 2 for b in blocks) < length:
        if len(blocks) % 3 == 2:
            blocks.append("\n".join(f"- {_text(rng, pool, 120)}" for _ in range(3)))
        else:
            blocks.append(_text(rng, pool, 500))
    return "\n\n".join(blocks)


def _title(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(3, 14))]
    words[0] = words[0].capitalize()
    title = " ".join(words)
    return f"{rng.choice(_NAMES)}: {title}" if rng.random() < 0.4 else title


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


COMMENTARY = 300
"""Characters of each language's commentary by default (`generate_notes(commentary=...)`, the
benchmark's `--commentary`, writes longer ones)."""

AUTHOR_POPULATION = 300_000
"""Authors in the field the notes are drawn from (arXiv's ML categories have this order)."""
AUTHOR_OFFSET = 20
"""Zipf-Mandelbrot's q: the author of rank r is drawn with weight 1 / (r + q), so the most
prolific authors are on a few percent of the notes, and most authors on one."""


def author_population(seed: int) -> tuple[list[str], list[float]]:
    """`AUTHOR_POPULATION` distinct names (first, one or two middle initials, last) in a fixed random
    order, and the cumulative Zipf-Mandelbrot weights `random.choices` takes. Every name has an
    initial: `Jun Choi` beside `Jun A. E. Choi` is one person written two ways to the checker (a
    look-alike notice), and these are meant as different people."""
    rng = random.Random(f"authors-{seed}")
    letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    middles = [f"{a}. " for a in letters] + [f"{a}. {b}. " for a in letters for b in letters]
    names = [f"{first} {middle}{last}" for middle in middles for first in _FIRST for last in _LAST]
    rng.shuffle(names)
    names = names[:AUTHOR_POPULATION]
    return names, list(itertools.accumulate(1 / (rank + AUTHOR_OFFSET) for rank in range(len(names))))


def _authors(rng: random.Random, population: tuple[list[str], list[float]]) -> list[str]:
    names, cumulative = population
    wanted = rng.randint(3, 12)
    chosen: list[str] = []
    while len(chosen) < wanted:
        name = rng.choices(names, cum_weights=cumulative)[0]
        if name not in chosen:
            chosen.append(name)
    return chosen


_UNNOTED = [f"2{y}{m:02d}.{k:05d}" for y in range(3, 5) for m in range(1, 13) for k in range(90000, 90010)]
"""Papers no synthetic note has (ids 9xxxx): mentions of them fill the un-noted papers page."""
_MENTION_KO = ["이 방법은 {id} 의 아이디어를 잇는다.", "비교 대상으로 arXiv:{id} 를 쓴다.", "관련 연구는 https://arxiv.org/abs/{id} 를 보라."]
_MENTION_EN = ["It builds on {id} directly.", "The main baseline is arXiv:{id}v2.", "See https://huggingface.co/papers/{id} for context."]


def _paper(links: random.Random, known: list[str]) -> str:
    """An earlier note's arXiv id, or (a third of the time, or when there is none) an un-noted paper."""
    if known and links.random() < 0.67:
        return known[-1 - min(int(links.expovariate(1 / 40)), len(known) - 1)]  # recent notes more often
    return _UNNOTED[min(int(links.expovariate(1 / 30)), len(_UNNOTED) - 1)]  # a few papers very often


def _links(links: random.Random, known: list[str]) -> tuple[list[str], list[str], str, str]:
    """(builds_on, compares_with, a Korean and an English sentence with mentions)."""
    builds = list(dict.fromkeys(_paper(links, known) for _ in range(links.randint(0, 2))))
    compares = list(dict.fromkeys(_paper(links, known) for _ in range(links.randint(0, 2))))
    ko = " ".join(links.choice(_MENTION_KO).format(id=_paper(links, known)) for _ in range(links.randint(1, 2)))
    en = " ".join(links.choice(_MENTION_EN).format(id=_paper(links, known)) for _ in range(links.randint(1, 2)))
    return builds, compares, ko, en


def note_text(rng: random.Random, index: int, day: dt.date, tags: list[str],
              population: tuple[list[str], list[float]] | None = None,
              links: random.Random | None = None, known: list[str] | None = None,
              commentary: int = COMMENTARY) -> tuple[str, str]:
    """One note's (slug, file text); `index` makes the slug and the arXiv id unique. With `links`,
    the note mentions and lists papers: `known` holds the earlier notes' arXiv ids. `commentary`:
    characters of each language's commentary.

    Written by the project's own writer (`notefile.render_note`), so the notes have every field
    the schema orders, exactly as `papernotes new` and the importers write them."""
    title = _title(rng)
    slug = "-".join(title.lower().replace(":", "").split()[:5]) + f"-{index}"
    authors = tuple(_authors(rng, population or author_population(1)))
    published = day - dt.timedelta(days=rng.randint(0, 20))
    arxiv = url = code = org = None
    if rng.random() < 0.9:
        arxiv = f"{published:%y%m}.{index % 99999 + 1:05d}"
    else:
        url = f"https://example.org/papers/{slug}.pdf"
    if rng.random() < 0.3:
        code = f"https://github.com/example/{slug}"
    if rng.random() < 0.5:
        org = rng.choice(_ORGS)
    builds: list[str] = []
    compares: list[str] = []
    mention_ko = mention_en = ""
    if links is not None:
        builds, compares, mention_ko, mention_en = _links(links, [k for k in known or [] if k != arxiv])
    ko, en = _commentary(rng, _KO, commentary), _commentary(rng, _EN, commentary)
    draft = NoteDraft(title=title, authors=authors, date=day, tags=tuple(tags), arxiv=arxiv, url=url, code=code,
                      org=org, published=published, builds_on=tuple(builds), compares_with=tuple(compares),
                      abstract=_text(rng, _SENTENCES, 1200), ko=f"{ko} {mention_ko}".rstrip(),
                      en=f"{en} {mention_en}".rstrip())
    return slug, render_note(draft)


def generate_notes(n: int, dest: Path, seed: int = 1, commentary: int = COMMENTARY) -> list[Path]:
    """Write the tag registry and `n` notes under `dest/data/`; returns the note paths in order.
    `commentary`: characters of each language's commentary (the default keeps the files as they
    always were for a seed)."""
    rng = random.Random(seed)
    data = dest / "data"
    (data / "notes").mkdir(parents=True, exist_ok=True)
    registry = tag_registry()
    lines = ["# Synthetic tag registry written by scripts/notegen.py"]
    for slug, ko, en in registry:
        lines += [f"{slug}:", f"  ko: {_yaml_str(ko)}", f"  en: {_yaml_str(en)}",
                  "  description:", f"    ko: {_yaml_str(ko + ' 관련 논문.')}",
                  f"    en: {_yaml_str('Papers about ' + en.lower() + '.')}"]
    (data / "tags.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    slugs = [slug for slug, _, _ in registry]
    weights = [1 / (rank + 1) for rank in range(len(slugs))]  # Zipf, s = 1
    span = max(1, min(SPAN_DAYS, -(-n // NOTES_PER_DAY)))
    population = author_population(seed)
    paths = []
    links = random.Random(seed * 7919 + 1)
    known: list[str] = []
    for index in range(n):
        day = LAST_DAY - dt.timedelta(days=rng.randrange(span))
        wanted = rng.randint(1, 5)
        chosen: list[str] = []
        while len(chosen) < wanted:
            tag = rng.choices(slugs, weights)[0]
            if tag not in chosen:
                chosen.append(tag)
        slug, text = note_text(rng, index, day, chosen, population, links, known, commentary)
        # The note's own id, as the writer quotes it (double quotes since the twenty-sixth session;
        # in single quotes before, this found none, and the notes mentioned no earlier note).
        own = re.search(r'^arxiv: ["\']([^"\']+)["\']', text, re.M)
        if own:
            known.append(own.group(1))
        path = data / "notes" / f"{day.year}" / f"{slug}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """`python scripts/notegen.py N DEST [--seed S] [--commentary C]`: N notes and their tags under
    DEST/data/ (a site to build is `scripts/bench.py --keep`'s, or a copy of the repository with
    its data/ replaced). Exit codes: 0 written, 2 bad arguments."""
    import argparse

    parser = argparse.ArgumentParser(description="Write N deterministic synthetic notes and their tags under DEST/data/.")
    parser.add_argument("n", type=int, help="how many notes")
    parser.add_argument("dest", type=Path, help="the folder whose data/ receives them (data/notes/ must not exist yet)")
    parser.add_argument("--seed", type=int, default=1, help="the same N and seed give the same files (default 1)")
    parser.add_argument("--commentary", type=int, default=COMMENTARY, help="characters of each commentary")
    args = parser.parse_args(argv)
    if args.n < 1 or (args.dest / "data" / "notes").exists():
        parser.error("N must be 1 or more, and DEST/data/notes/ must not exist yet")
    paths = generate_notes(args.n, args.dest, args.seed, args.commentary)
    print(f"wrote {len(paths):,} notes and data/tags.yml under {args.dest / 'data'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
