"""Both importers on fixtures written for these tests: malformed blocks reported by line,
idempotent second runs, and everything they write builds with `mkdocs build --strict`."""

from __future__ import annotations

import re

import http.server
import shutil
import threading
from pathlib import Path
from typing import Iterator

import pytest
from conftest import make_site, build_log, shared_build
from search_data import cards

from papernotes.cli.main import main
from papernotes.outputs.daily_post import parse_posts

FIXTURES = Path(__file__).parent / "fixtures"
POSTS = FIXTURES / "daily_post" / "daily-posts.txt"
HF = FIXTURES / "hf" / "daily-papers-2025-04-09.json"
CONTRIB = FIXTURES / "contrib" / "data"

# Every malformed part of the daily-post fixture: (line, start of the message).
POST_PROBLEMS = [
    (17, "after the title 'This Block Has No Author Line' comes the author list in parentheses"),
    (35, "the paper block 'A Block Whose Hashtag Line Is Missing' has no hashtag line"),
    (53, "'2025년 2월 30일' is not a real date; the papers under it are skipped"),
    (54, "the paper block starting here is skipped: its day header is not a valid date"),
]
POST_CREATED = {
    "data/notes/2025/calibrated-critics-for-language-model-feedback.md",
    "data/notes/2025/step-counting-as-a-reasoning-benchmark.md",
    "data/notes/2025/refusal-directions-in-small-models.md",
    "data/notes/2025/preference-data-from-debates.md",
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(CONTRIB, tmp_path / "data")
    return tmp_path


def notes_in(project: Path) -> set[str]:
    return {p.relative_to(project).as_posix() for p in (project / "data" / "notes").rglob("*.md")}


def test_post_parser_reads_blocks_and_reports_malformed_ones() -> None:
    entries, problems = parse_posts(POSTS.read_text(encoding="utf-8"))
    assert [(p.line, p.message[:len(m)]) for p, (_, m) in zip(problems, POST_PROBLEMS)] == POST_PROBLEMS
    assert [(e.line, str(e.date), e.tags, e.arxiv) for e in entries] == [
        (2, "2025-04-09", ("reward-model", "rl"), "2504.01234"),
        (9, "2025-04-09", ("reasoning",), None),
        (21, "2025-04-09", ("verifier-games", "rl"), None),
        (29, "2025-04-10", ("safety", "rm"), None),          # the ISO day header
        (40, "2025-04-10", ("reward-model", "alignment"), None),  # found after a block without hashtags
        (46, "2025-04-10", ("reward-model",), None),
    ]
    first, second = entries[0], entries[1]
    assert first.authors == ("Mina Park", "Jonas Weber", "Li Wei")
    assert first.ko.startswith("보상 모델의 확신도를") and first.en.startswith("Calibrating the critic's")
    assert second.abstract.count("\n\n") == 1  # two abstract lines become two paragraphs


def test_post_import_then_second_run_creates_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = notes_in(project)
    assert main(["import-post", str(POSTS), "--root", str(project)]) == 1
    out, err = capsys.readouterr()
    assert notes_in(project) - before == POST_CREATED
    for line, message in POST_PROBLEMS:
        field = "day header" if line == 53 else "block"
        assert f"{POSTS}:{line}: error: {field}: {message}" in out
    assert f"{POSTS}:21: error: tags: unknown tag(s) 'verifier-games': add them to data/tags.yml or rerun with --add-tags" in out
    assert f"{POSTS}:46: skipped 'An Existing Paper on Reward Hacking': already in data/notes/2025/existing-paper.md" in out
    assert out.splitlines()[-1] == "import-post: 4 created, 1 skipped (already have a note), 5 failed"
    assert "unknown tag(s): verifier-games" in err
    refusal = (project / "data/notes/2025/refusal-directions-in-small-models.md").read_text(encoding="utf-8")
    assert "tags: [safety, reward-model]" in refusal  # the alias `rm` is normalised
    assert "url: https://arxiv.org/search/?query=Refusal+Directions+in+Small+Models&searchtype=title" in refusal
    assert 'arxiv: "2504.01234"' in (project / "data/notes/2025/calibrated-critics-for-language-model-feedback.md").read_text(encoding="utf-8")

    assert main(["import-post", str(POSTS), "--root", str(project)]) == 1
    out = capsys.readouterr().out
    assert notes_in(project) - before == POST_CREATED
    assert out.splitlines()[-1] == "import-post: 0 created, 5 skipped (already have a note), 5 failed"
    assert main(["check", "--root", str(project)]) == 0


def review_added_tags(root: Path) -> None:
    """What a person does after `--add-tags`: the placeholder description is replaced (here removed)."""
    path = root / "data" / "tags.yml"
    text = re.sub(r"  description:\n    ko: [^\n]*import-post[^\n]*\n    en: [^\n]*import-post[^\n]*\n", "", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")


def test_post_import_can_add_unknown_tags(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import-post", str(POSTS), "--root", str(project), "--add-tags"]) == 1  # malformed blocks remain
    out = capsys.readouterr().out
    assert "added 1 tag to data/tags.yml: verifier-games; review their Korean and English labels" in out
    assert out.splitlines()[-1] == "import-post: 5 created, 1 skipped (already have a note), 4 failed"
    assert "verifier-games:\n  ko: Verifier games\n  en: Verifier games\n" in (project / "data/tags.yml").read_text(encoding="utf-8")
    assert "# Tags of the small project" in (project / "data/tags.yml").read_text(encoding="utf-8")  # comments kept
    # The added tag's placeholder description is refused until a person reviews the tag (it was
    # published as "Added by papernotes import-post; review the labels.").
    assert main(["check", "--root", str(project)]) == 1
    assert "tag 'verifier-games' was added by `papernotes import-post --add-tags`: review" in capsys.readouterr().out
    review_added_tags(project)
    assert main(["check", "--root", str(project)]) == 0
    tags_after = (project / "data/tags.yml").read_text(encoding="utf-8")
    assert main(["import-post", str(POSTS), "--root", str(project), "--add-tags"]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == "import-post: 0 created, 6 skipped (already have a note), 4 failed"
    assert (project / "data/tags.yml").read_text(encoding="utf-8") == tags_after


def test_hf_import_writes_drafts_idempotently(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = notes_in(project)
    assert main(["import-hf", str(HF), "--root", str(project)]) == 1
    out = capsys.readouterr().out
    assert notes_in(project) - before == {"data/notes/2025/adversarial-training-of-reward-models.md",
                                          "data/notes/2025/chains-of-thought-that-count.md"}
    for expected in (
        f"{HF}:30: item [2] (arXiv 2504.04444): error: paper.ai_keywords: none of its keywords is a tag in data/tags.yml; "
        f"pass --tag SLUG",
        f"{HF}:42: item [3]: error: paper.id: 'not-an-id' is not an arXiv id",
        f"{HF}:46: item [4]: error: paper: is missing; every item needs a `paper` object (the item's keys: `title`)",
        f"{HF}:47: item [5] (arXiv 2503.00001): skipped 'An Existing Paper on Reward Hacking': already in "
        f"data/notes/2025/existing-paper.md",
        "import-hf: 2 created, 1 skipped (already have a note), 3 failed",
    ):
        assert expected in out
    text = (project / "data/notes/2025/adversarial-training-of-reward-models.md").read_text(encoding="utf-8")
    for expected in ("tags: [reward-model, rl]", 'arxiv: "2504.06141"', "code: https://github.com/example/adv-rm",
                     "org: NVIDIA", "published: 2025-04-08", "date: 2025-04-09", "draft: true",
                     "## 한국어\n\n## English\n"):
        assert expected in text

    # --tag gives the unmapped paper a tag; everything else is already there.
    assert main(["import-hf", str(HF), "--root", str(project), "--tag", "safety"]) == 1
    out = capsys.readouterr().out
    assert "import-hf: 1 created, 3 skipped (already have a note), 2 failed" in out
    assert main(["import-hf", str(HF), "--root", str(project), "--tag", "safety"]) == 1
    assert "import-hf: 0 created, 4 skipped" in capsys.readouterr().out
    assert main(["check", "--root", str(project)]) == 0
    assert "3 drafts not published" in capsys.readouterr().err


class _Listing(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        ok = self.path == "/api/daily_papers?date=2025-04-09"
        body = HF.read_bytes() if ok else b'{"error": "Not found"}'
        self.send_response(200 if ok else 404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def hf_api(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Listing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("PAPERNOTES_HF_API", f"http://127.0.0.1:{server.server_address[1]}/api/daily_papers")
    yield
    server.shutdown()


def test_hf_import_fetches_a_day(project: Path, hf_api: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import-hf", "--date", "2025-04-09", "--root", str(project), "--min-upvotes", "5"]) == 1
    out = capsys.readouterr().out
    assert "daily_papers?date=2025-04-09:2: item [0] (arXiv 2504.06141): created data/notes/2025/adversarial-training-of-reward-models.md" in out
    assert "2 papers below --min-upvotes 5 were left out" in out
    assert main(["import-hf", "--date", "2025-04-10", "--root", str(project)]) == 1
    assert "answered HTTP 404 Not Found" in capsys.readouterr().err


@pytest.fixture(scope="module")
def imported_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A site holding everything both importers wrote, built once with --strict."""
    def make(folder: Path) -> Path:
        site = make_site(folder, data=CONTRIB)
        assert main(["import-post", str(POSTS), "--root", str(site), "--add-tags"]) == 1
        review_added_tags(site)
        assert main(["import-hf", str(HF), "--root", str(site), "--tag", "safety"]) == 1
        return site

    out = shared_build(tmp_path_factory, "imported-site", make)
    return out, build_log(out)


def test_imported_notes_build_strict_and_drafts_stay_unpublished(imported_build: tuple[Path, str]) -> None:
    out, log = imported_build
    for slug in ("calibrated-critics-for-language-model-feedback", "refusal-directions-in-small-models",
                 "verifier-games-with-unlisted-tags", "existing-paper"):
        assert (out / "notes" / slug / "index.html").is_file()
    drafts = ("adversarial-training-of-reward-models", "chains-of-thought-that-count", "a-paper-with-unmapped-keywords")
    searchable = [card.slug for card in cards(out)]  # what search can find
    assert "existing-paper" in searchable and "refusal-directions-in-small-models" in searchable
    assert sorted(searchable) == sorted(p.parent.name for p in (out / "notes").glob("*/index.html"))
    for slug in drafts:
        assert not (out / "notes" / slug).exists()
        assert slug not in searchable
    assert "papernotes: 3 drafts not published: " in log
    assert all(f"data/notes/2025/{slug}.md" in log for slug in drafts)
    # No generated page (home, tags, days, archive) mentions a draft.
    pages = [p for p in out.rglob("*.html")]
    for title in ("Chains of Thought That Count", "A Paper With Unmapped Keywords"):
        assert not [p for p in pages if title in p.read_text(encoding="utf-8")]
    assert any("Refusal Directions in Small Models" in p.read_text(encoding="utf-8") for p in pages)


@pytest.mark.parametrize(("flag", "shown"), [("--progress", True), ("--no-progress", False), (None, False)])
def test_progress_bar_on_request(project: Path, flag: str | None, shown: bool,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    # Without a flag the bar appears only on a terminal for long runs; captured output is no terminal.
    argv = ["import-hf", str(HF), "--root", str(project), "--tag", "safety"] + ([flag] if flag else [])
    main(argv)
    err = capsys.readouterr().err
    assert ("import-hf: 100%" in err and "4/4" in err) is shown


# (post text, the (line, message start) problems expected); every text also holds one good block.
GOOD_BLOCK = "Good Paper\n(Ann Lee)\nAn abstract.\n한국어 코멘트.\nEnglish commentary.\n#rl\n"
MALFORMED = [
    ("Orphan Paper\n(Ann Lee)\nAbstract.\n코멘트.\nCommentary.\n#rl\n2025-04-09\n" + GOOD_BLOCK,
     [(1, "the paper block starting here is skipped: there is no date header")]),
    ("2025-04-09\n#rl\n" + GOOD_BLOCK, [(2, "a hashtag line with no paper above it")]),
    # A line that reads as an arXiv id or an optional line but is not a valid one is a problem, never abstract text.
    ("2025-04-09\nBad Id\n(Ann Lee)\narXiv:2513.99999\nAbstract.\n코멘트.\nCommentary.\n#rl\n" + GOOD_BLOCK,
     [(4, "this line reads as an arXiv id, but '2513.99999': 13 is not a month")]),
    ("2025-04-09\nBad Id\n(Ann Lee)\nAbstract.\nhttps://arxiv.org/abs/2504.0614\n코멘트.\nCommentary.\n#rl\n" + GOOD_BLOCK,
     [(5, "this line reads as an arXiv id, but")]),
    ("2025-04-09\nBad Lines\n(Ann Lee)\nCode: github.com/x\nPublished: 2025-13-01\nSlug: Index\nOrg:\n"
     "Abstract.\n코멘트.\nCommentary.\n#rl\n" + GOOD_BLOCK,
     [(4, "`Code:` takes an http(s) link, got 'github.com/x'"), (5, "`Published:` takes a date written YYYY-MM-DD"),
      (6, "`Slug:` takes a note file name"), (7, "`Org:` is empty")]),
    ("2025-04-09\nNo English\n(Ann Lee)\nAbstract.\n코멘트.\n#rl\n" + GOOD_BLOCK,
     [(6, "the paper block 'No English' has no English commentary")]),
    ("2025-04-09\nNo Korean\n(Ann Lee)\nAbstract.\nCommentary.\n#rl\n" + GOOD_BLOCK,
     [(2, "the paper block 'No Korean' has no Korean commentary")]),
    ("2025-04-09\nMixed\n(Ann Lee)\nAbstract.\n코멘트.\nCommentary.\n또 코멘트.\n#rl\n" + GOOD_BLOCK,
     [(6, "the paper block 'Mixed' mixes Korean and English commentary lines")]),
    ("2025-04-09\n(Ann Lee)\nAbstract.\n코멘트.\nCommentary.\n#rl\n" + GOOD_BLOCK,
     [(2, "the paper block starts with the authors")]),
    ("2025년 13월 1일\n" + GOOD_BLOCK,
     [(1, "'2025년 13월 1일' is not a real date"), (2, "the paper block starting here is skipped: its day header")]),
]


@pytest.mark.parametrize(("text", "expected"), MALFORMED, ids=[str(i) for i in range(len(MALFORMED))])
def test_malformed_blocks_are_reported_by_line(text: str, expected: list[tuple[int, str]]) -> None:
    entries, problems = parse_posts(text)
    assert [(p.line, p.message[:len(m)]) for p, (_, m) in zip(problems, expected)] == expected
    assert len(problems) == len(expected)
    assert [e.title for e in entries] == ([] if "13월" in text else ["Good Paper"])


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "error: not valid JSON (Expecting property name enclosed in double quotes: line 1 column 2 (char 1)); expected a JSON list"),
    ('{"paper": {}}', "error: expected a JSON list of papers (the answer of /api/daily_papers), got an object"),
    ("", "error: the file is empty"),
    ('[{"paper": 1}', "error: the list is never closed with `]`"),
])
def test_hf_import_refuses_a_file_that_is_not_a_listing(project: Path, tmp_path: Path, content: str, message: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    listing = tmp_path / "listing.json"
    listing.write_text(content, encoding="utf-8")
    assert main(["import-hf", str(listing), "--root", str(project)]) == 2
    assert capsys.readouterr().err.startswith(f"papernotes import-hf: {listing}: {message}")


class _ArxivSearch(http.server.BaseHTTPRequestHandler):
    """Answers title searches: the recorded answer for one title, 503 for another, none otherwise."""

    def do_GET(self) -> None:
        from urllib.parse import parse_qs, urlsplit

        query = parse_qs(urlsplit(self.path).query).get("search_query", [""])[0]
        status, body = 200, (FIXTURES / "arxiv" / "unknown-no-entry.xml").read_bytes()
        if query == 'ti:"Refusal Directions in Small Models"':
            body = (FIXTURES / "arxiv" / "search-refusal-directions.xml").read_bytes()
        elif query.startswith('ti:"Step Counting'):
            status, body = 503, b"busy"
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_post_import_can_look_up_arxiv_ids_by_title(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from papernotes.authoring import importers

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _ArxivSearch)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("PAPERNOTES_ARXIV_API", f"http://127.0.0.1:{server.server_address[1]}/api/query")
    monkeypatch.setattr(importers, "LOOKUP_INTERVAL", 0.0)
    try:
        assert main(["import-post", str(POSTS), "--root", str(project), "--lookup-arxiv", "--timeout", "5"]) == 1
    finally:
        server.shutdown()
    out = capsys.readouterr().out
    refusal = (project / "data/notes/2025/refusal-directions-in-small-models.md").read_text(encoding="utf-8")
    assert 'arxiv: "2504.02222"' in refusal and "published: 2025-04-03" in refusal and "url:" not in refusal
    assert (f"{POSTS}:9: note: arXiv lookup failed (the arXiv API (127.0.0.1:"
            in out and "answered HTTP 503 Service Unavailable; try again later); linking an arXiv title search instead" in out)
    assert f"{POSTS}:40: note: no arXiv paper is titled 'Preference Data From Debates'; linking an arXiv title search" in out
    assert "url: https://arxiv.org/search/" in (project / "data/notes/2025/preference-data-from-debates.md").read_text(encoding="utf-8")
    assert out.splitlines()[-1] == "import-post: 4 created, 1 skipped (already have a note), 5 failed"


def test_a_draft_that_would_not_pass_the_checker_is_not_written(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import datetime as dt

    from papernotes.authoring.batch import ImportRun
    from papernotes.model import NoteDraft
    from papernotes.source.tags import load_tag_registry

    registry, _ = load_tag_registry(project / "data" / "tags.yml", "data/tags.yml")
    run = ImportRun(project, registry)
    run.write("posts.txt:3", NoteDraft(title="Bad Link", authors=("Ann Lee",), date=dt.date(2025, 4, 9), tags=("rl",),
                                       url="ftp://example.org/x", ko="코멘트.", en="Commentary."))
    assert ("posts.txt:3: error: 'Bad Link' would not pass the checker, not written: url: expected an http(s) link"
            in capsys.readouterr().out)
    assert run.summary.failed == ["posts.txt:3"] and not (project / "data/notes/2025/bad-link.md").exists()


def test_a_note_written_for_a_day_after_today_is_written_with_the_checkers_notice(project: Path,
                                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """A listing dated 2099 wrote data/notes/2099/… and said only "created"; `check` then gave the
    notice (the note waits for its day). The import says it where it makes the note."""
    import datetime as dt

    from papernotes.authoring.batch import ImportRun
    from papernotes.model import NoteDraft
    from papernotes.source.tags import load_tag_registry

    registry, _ = load_tag_registry(project / "data" / "tags.yml", "data/tags.yml")
    run = ImportRun(project, registry)
    run.write("hf.json:1", NoteDraft(title="Far Future", authors=("Ann Lee",), date=dt.date(2099, 1, 2), tags=("rl",), arxiv="2504.77777",
                                     ko="코멘트.", en="Commentary."))
    out = capsys.readouterr().out
    assert "hf.json:1: created data/notes/2099/far-future.md" in out
    assert "hf.json:1: notice: date: 2099-01-02 is after today" in out


@pytest.mark.parametrize("line", ["https://huggingface.co/papers/2503.00001", "Link: https://huggingface.co/papers/2503.00001",
                                  "https://hf.co/papers/2503.00001v2", "Link: https://doi.org/10.48550/arXiv.2503.00001"])
def test_a_post_naming_a_noted_paper_by_any_link_is_skipped(project: Path, line: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A paper already noted (arXiv 2503.00001, existing-paper.md) is skipped however the post links
    it; a Hugging Face link on the id line or in `Link:` wrote a second note for it, which then
    failed both notes' check ('also has a note') and so the whole build."""
    post = project / "post.txt"
    post.write_text(f"2026-12-02\nSome Title X\n(Frank)\n{line}\n한국어.\nEnglish.\n#rl\n", encoding="utf-8")
    before = notes_in(project)
    main(["import-post", str(post), "--root", str(project)])
    out = capsys.readouterr().out
    assert notes_in(project) == before
    assert "skipped 'Some Title X': already in data/notes/2025/existing-paper.md" in out


def test_add_tags_never_writes_a_tag_that_tags_yml_refuses(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--add-tags` with `#index` (reserved: the tag index's page) or `#Evil` wrote `index` into
    data/tags.yml, which then failed every check and build. Such tags are not added; the block
    says why, and the file still loads."""
    from papernotes.source.tags import load_tag_registry

    post = project / "post.txt"
    post.write_text("2026-12-02\nA Fresh Title\n(Frank)\n2601.05555\n한국어.\nEnglish.\n#rl #index #Evil\n", encoding="utf-8")
    before = (project / "data" / "tags.yml").read_text(encoding="utf-8")
    main(["import-post", str(post), "--root", str(project), "--add-tags"])
    out = capsys.readouterr().out
    assert (project / "data" / "tags.yml").read_text(encoding="utf-8") == before
    _, problems = load_tag_registry(project / "data" / "tags.yml", "data/tags.yml")
    assert problems == []
    assert "tags: 'index' is reserved" in out and "use another tag" in out


def test_add_tags_adds_a_capitalised_tag_as_a_tag_name(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`#Overoptimization`: without --add-tags the import said to rerun with it, and with it that
    'Overoptimization' is not a tag name (a QA pass). It is added, and used, as `overoptimization`."""
    post = project / "post.txt"
    post.write_text("2026-12-02\nA Fresh Title\n(Frank)\n2601.05555\n한국어.\nEnglish.\n#rl #Overoptimization #Reward_Hacking\n",
                    encoding="utf-8")
    assert main(["import-post", str(post), "--root", str(project), "--add-tags"]) == 0, capsys.readouterr()
    out = capsys.readouterr().out
    assert "added 2 tags to data/tags.yml: overoptimization, reward-hacking" in out
    (written,) = [p for p in (project / "data" / "notes").rglob("*.md") if "A Fresh Title" in p.read_text(encoding="utf-8")]
    assert "tags: [rl, overoptimization, reward-hacking]" in written.read_text(encoding="utf-8")


def test_a_slug_line_naming_a_taken_slug_is_refused_not_renamed(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`Slug:` keeps a note's URL, so a slug another note has is an error naming the block (it
    was written as `existing-paper-2.md` without a word)."""
    post = project / "post.txt"
    post.write_text("2026-11-01\nA Different Paper\n(Ada Lovelace)\narXiv:2508.10004\nSlug: existing-paper\n"
                    "한국어 코멘트.\nEnglish.\n#rl\n", encoding="utf-8")
    before = notes_in(project)
    assert main(["import-post", str(post), "--root", str(project)]) == 1
    out = capsys.readouterr().out
    assert notes_in(project) == before
    assert "error: Slug: 'existing-paper' is the file name of another note" in out


def test_add_tags_keeps_only_the_tags_of_notes_written(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A block that fails for another reason (here a taken `Slug:`) adds no tag: its new tag
    stayed in data/tags.yml with no note, while the block's note was refused."""
    post = project / "post.txt"
    post.write_text("2026-11-01\nA Refused Paper\n(Ada Lovelace)\narXiv:2508.10004\nSlug: existing-paper\n"
                    "한국어 코멘트.\nEnglish.\n#never-used-tag\n\n"
                    "A Written Paper\n(Ada Lovelace)\narXiv:2508.10005\n한국어 코멘트.\nEnglish.\n#kept-new-tag\n",
                    encoding="utf-8")
    before = (project / "data" / "tags.yml").read_text(encoding="utf-8")
    assert main(["import-post", str(post), "--root", str(project), "--add-tags"]) == 1
    out = capsys.readouterr().out
    after = (project / "data" / "tags.yml").read_text(encoding="utf-8")
    assert after.startswith(before) and "kept-new-tag:" in after and "never-used-tag" not in after
    assert "added 1 tag to data/tags.yml: kept-new-tag;" in out
    assert out.splitlines()[-1] == "import-post: 1 created, 0 skipped (already have a note), 1 failed"
    review_added_tags(project)
    assert main(["check", "--root", str(project)]) == 0


def test_a_listing_broken_inside_an_item_is_told_where_json_breaks() -> None:
    """`{"id": "2401.00001",}` (a trailing comma) inside the list was "the list is never closed
    with `]`", with no line: the list is closed, the item is not valid JSON."""
    from papernotes.authoring.sources.hf_daily import HfError, parse_listing

    with pytest.raises(HfError, match=r"not valid JSON \(Expecting property name enclosed in double quotes: line 2 column 33"):
        parse_listing('[\n  {"paper": {"id": "2401.00001",}]\n')
    with pytest.raises(HfError, match="the list is never closed"):  # cut short: said so
        parse_listing('[\n  {"paper": {"id": "2401.00001"}},\n')


def test_notes_written_without_an_arxiv_id_are_counted_with_the_fix(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A post without arXiv lines (the real daily format) made notes whose url: is an arXiv search:
    no PDF link, not found by id, other notes' mentions of the paper not linked to them; the run
    said only "created"."""
    post = tmp_path / "post.txt"
    post.write_text("2025년 4월 9일\nA Paper Without An Id\n(Ada Lovelace)\nAn abstract of the paper.\n한국어 코멘트.\n"
                    "English commentary.\n#rl\n", encoding="utf-8")
    assert main(["import-post", str(post), "--root", str(project)]) == 0
    out = capsys.readouterr().out
    assert "1 note written without an arXiv id" in out and "--lookup-arxiv" in out, out
    assert out.splitlines()[-1] == "import-post: 1 created, 0 skipped (already have a note), 0 failed"
    # A paper with its own link (found by a QA pass: it was counted as an arXiv search too).
    post.write_text("2025년 4월 10일\nA Paper With Its Own Link\n(Ada Lovelace)\nLink: https://example.com/paper?x=1\n"
                    "An abstract.\n한국어 코멘트.\nEnglish commentary.\n#rl\n", encoding="utf-8")
    assert main(["import-post", str(post), "--root", str(project)]) == 0
    out = capsys.readouterr().out
    assert "without an arXiv id" not in out and out.splitlines()[-1].startswith("import-post: 1 created"), out


JOINED = "people:\n  - name: Minji Kim\n    aliases: [김민지, Min-Ji Kim, Kim Min-ji]\n"


@pytest.mark.parametrize("command, content", [
    ("import-post", "2026-11-21\nPost Twice Paper\n(김민지, Minji Kim)\narXiv:2505.01030\n한국어 코멘트.\nEnglish comment.\n#reasoning\n"),
    ("import-hf", '[{"paper": {"id": "2505.01030", "title": "Post Twice Paper", "summary": "An abstract.",\n'
                  '  "authors": [{"name": "김민지"}, {"name": "Min-Ji Kim"}], "publishedAt": "2025-04-08T00:00:00.000Z"},\n'
                  '  "publishedAt": "2025-04-09T00:00:00.000Z"}]'),
], ids=["post", "hf"])
def test_a_paper_whose_two_authors_authors_yml_joins_is_refused(project: Path, command: str, content: str,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Both importers wrote the note and said "1 created"; `papernotes check` then failed on it
    (data/authors.yml joins the two names as one person). The note is checked in its site, as
    `check` checks it: refused at its input line, nothing written."""
    (project / "data" / "authors.yml").write_text(JOINED, encoding="utf-8")
    source = project / ("posts.txt" if command == "import-post" else "daily.json")
    source.write_text(content, encoding="utf-8")
    before = notes_in(project)
    extra = ["--tag", "reasoning"] if command == "import-hf" else []
    assert main([command, str(source), "--root", str(project), *extra]) == 1
    out = capsys.readouterr().out
    assert notes_in(project) == before
    label = f"{source}:2" if command == "import-post" else f"{source}:1: item [0] (arXiv 2505.01030)"
    assert f"{label}: error: 'Post Twice Paper' would not pass the checker, not written: authors: " in out
    assert "data/authors.yml:2 joins them as one person ('Minji Kim')" in out
    assert out.splitlines()[-1].endswith("0 created, 0 skipped (already have a note), 1 failed")
    assert main(["check", "--root", str(project)]) == 0


def test_a_commentary_linking_no_note_is_refused_and_a_good_one_checks_clean(project: Path,
                                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """A commentary linking a note that does not exist passed the import and then failed `check`
    (a warning: the link leads nowhere). Every rule `check` applies to a note in its site is the
    import's, so such a block is refused; one linking the note that is there is written."""
    post = project / "posts.txt"
    post.write_text("2026-11-21\nLinks Nowhere\n(Ann Lee)\narXiv:2505.01031\n한국어 [코멘트](../no-such-note/).\nEnglish.\n#rl\n\n"
                    "Links Somewhere\n(Ann Lee)\narXiv:2505.01032\n한국어 [코멘트](../existing-paper/).\nEnglish.\n#rl\n",
                    encoding="utf-8")
    assert main(["import-post", str(post), "--root", str(project)]) == 1
    out = capsys.readouterr().out
    assert f"{post}:2: error: 'Links Nowhere' would not pass the checker, not written: ## 한국어: the link to '../no-such-note/'" in out
    assert notes_in(project) - {"data/notes/2025/existing-paper.md"} == {"data/notes/2026/links-somewhere.md"}
    assert main(["check", "--root", str(project)]) == 0


def test_a_note_that_would_make_an_authors_yml_slug_taken_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An entry's `slug: lone-wolf` takes nothing while Lone Wolf has one note (no page): that
    note is written. A second one would give Lone Wolf a page, which the entry's slug takes: a
    warning at data/authors.yml that `check` and the strict build fail on, so it is refused,
    naming that file and line."""
    (project / "data" / "authors.yml").write_text("people:\n  - name: Tong Zheng\n    slug: lone-wolf\n", encoding="utf-8")
    post = project / "posts.txt"
    post.write_text("2026-11-21\nFirst Wolf Paper\n(Lone Wolf)\narXiv:2505.01041\n한국어.\nEnglish.\n#rl\n\n"
                    "Second Wolf Paper\n(Lone Wolf)\narXiv:2505.01042\n한국어.\nEnglish.\n#rl\n", encoding="utf-8")
    assert main(["import-post", str(post), "--root", str(project)]) == 1
    out = capsys.readouterr().out
    assert f"{post}:2: created data/notes/2026/first-wolf-paper.md" in out
    assert (f"{post}:9: error: 'Second Wolf Paper' would not pass the checker, not written: data/authors.yml:3:11: "
            "people[0].slug: slug 'lone-wolf' is the page of the author 'Lone Wolf'") in out
    assert not (project / "data/notes/2026/second-wolf-paper.md").exists()
    assert main(["check", "--root", str(project)]) == 0


def test_a_listing_not_in_utf8_is_refused_at_its_line_and_column() -> None:
    """Found by a contributors' QA pass: "line 1: … not valid UTF-8 (byte 45)" gave an offset into the
    file where the posts' importer gives the byte's value. Both now say where (line and column, as
    the checker does) and which byte."""
    from papernotes.authoring.sources.hf_daily import HfError, parse_listing

    with pytest.raises(HfError) as refused:
        parse_listing(b'[\n  {"title": "Caf\xe9"}\n]')
    assert str(refused.value).startswith("line 2, column 17: the file is not valid UTF-8 (the byte 0xE9)"), refused.value
