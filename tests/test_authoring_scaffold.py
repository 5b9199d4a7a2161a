"""`papernotes new`: the arXiv client against recorded Atom answers served on 127.0.0.1,
and the scaffolded note, which the checker rejects until the contributor finishes it."""

from __future__ import annotations

import datetime as dt
import http.server
import shutil
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from papernotes.authoring.sources import arxiv
from papernotes.authoring import scaffold
from papernotes.cli.main import main
from papernotes.source.tree import load_site

FIXTURES = Path(__file__).parent / "fixtures"
RECORDED = FIXTURES / "arxiv"
CONTRIB = FIXTURES / "contrib"

# id_list -> (HTTP status, recorded body file or text, delay in seconds)
ANSWERS: dict[str, tuple[int, str, float]] = {
    "2504.06141": (200, "success-2504.06141.xml", 0),
    "2504.99999": (200, "unknown-error-entry.xml", 0),
    "2504.99998": (200, "unknown-no-entry.xml", 0),
    "2504.77777": (200, "malformed.xml", 0),
    "2504.50300": (503, "Service Unavailable", 0),
    "2504.40400": (404, "Not Found", 0),
    "2504.11111": (200, "success-2504.06141.xml", 3.0),  # slower than the test's timeout
}


class _RecordedArxiv(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        from urllib.parse import parse_qs, urlsplit

        query = parse_qs(urlsplit(self.path).query)
        status, body, delay = ANSWERS.get(query.get("id_list", [""])[0], (500, "unexpected query", 0))
        time.sleep(delay)
        data = (RECORDED / body).read_bytes() if body.endswith(".xml") else body.encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/atom+xml" if status == 200 else "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout case)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def arxiv_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _RecordedArxiv)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/query"
    server.shutdown()


@pytest.fixture
def api(arxiv_server: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("PAPERNOTES_ARXIV_API", arxiv_server)
    return arxiv_server


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(CONTRIB / "data", tmp_path / "data")
    return tmp_path


@pytest.mark.parametrize(("text", "expected"), [
    ("2504.06141", "2504.06141"),
    ("2504.06141v2", "2504.06141"),
    ("arXiv:2504.06141", "2504.06141"),
    ("https://arxiv.org/abs/2504.06141v1", "2504.06141"),
    ("http://arxiv.org/pdf/2504.06141v3.pdf", "2504.06141"),
    ("https://www.arxiv.org/abs/2504.06141/", "2504.06141"),
    ("cs/0112017", "cs/0112017"),
    ("https://arxiv.org/abs/math.GT/0309136", "math.GT/0309136"),
    ("2504.061", None),
    ("https://example.org/abs/2504.06141", None),
    ("Adversarial Training of Reward Models", None),
])
def test_arxiv_ids_are_read_from_ids_and_urls(text: str, expected: str | None) -> None:
    assert arxiv.parse_arxiv_id(text) == expected


def test_fetch_reads_the_recorded_answer(api: str) -> None:
    paper = arxiv.fetch_paper("2504.06141", timeout=5)
    assert paper == arxiv.Paper(
        arxiv="2504.06141", title="Adversarial Training of Reward Models",
        authors=("Alexander Bukharin", "Haifeng Qian", "Tuo Zhao"),
        abstract=("Reward modeling has emerged as a promising approach for the scalable alignment of language models. "
                  "However, contemporary reward models (RMs) often lack robustness, awarding high rewards to "
                  "low-quality, out-of-distribution (OOD) samples."),
        published=dt.date(2025, 4, 8))


@pytest.mark.parametrize(("paper_id", "error", "message"), [
    ("2504.99999", arxiv.ArxivNotFound, "arXiv has no paper 2504.99999 (incorrect id format for 2504.99999)"),
    ("2504.99998", arxiv.ArxivNotFound, "arXiv has no paper 2504.99998"),
    ("2504.77777", arxiv.ArxivError, "the arXiv API returned malformed XML (line 6, column 5)"),
    ("2504.50300", arxiv.ArxivError, "answered HTTP 503 Service Unavailable; try again later"),
    ("2504.40400", arxiv.ArxivError, "answered HTTP 404 Not Found"),
    ("2504.11111", arxiv.ArxivError, "did not answer within 0.5 s"),
])
def test_fetch_failures_say_what_happened(api: str, paper_id: str, error: type, message: str) -> None:
    with pytest.raises(error) as caught:
        arxiv.fetch_paper(paper_id, timeout=0.5)
    assert message in str(caught.value)


def test_offline_is_reported_as_unreachable(monkeypatch: pytest.MonkeyPatch) -> None:
    # A port nobody listens on: the connection is refused at once, like being offline.
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("PAPERNOTES_ARXIV_API", f"http://127.0.0.1:{port}/api/query")
    with pytest.raises(arxiv.ArxivError, match=r"could not reach the arXiv API \(127\.0\.0\.1:\d+\).*are you offline\?"):
        arxiv.fetch_paper("2504.06141", timeout=2)


def test_new_scaffolds_a_note_the_checker_rejects_until_finished(api: str, project: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["new", "https://arxiv.org/abs/2504.06141v1", "--root", str(project), "--date", "2025-04-09"])
    out = capsys.readouterr().out
    path = project / "data" / "notes" / "2025" / "adversarial-training-of-reward-models.md"
    assert code == 0 and f"created {path.relative_to(project).as_posix()}" in out
    assert "tags that may fit: alignment, reward-model" in out  # words of the title and abstract
    text = path.read_text(encoding="utf-8")
    for expected in ("title: Adversarial Training of Reward Models", "- Alexander Bukharin", "- Tuo Zhao",
                     "date: 2025-04-09", "tags: [replace-me]", 'arxiv: "2504.06141"', "published: 2025-04-08",
                     "## Abstract\n\nReward modeling has emerged"):
        assert expected in text

    assert main(["check", str(path), "--root", str(project)]) == 1
    report = capsys.readouterr().out.splitlines()
    shown = path.relative_to(project).as_posix()
    assert report == [
        f"{shown}:8:8: error: tags: replace the placeholder tag 'replace-me' with tags from data/tags.yml (or add a new tag there)",
        f"{shown}:21:1: error: ## 한국어: this is the template's guidance text; replace it with your own text",
        f"{shown}:25:1: error: ## English: this is the template's guidance text; replace it with your own text",
    ]

    finished = (text.replace("[replace-me]", "[reward-model, rl]")
                .replace(_guidance_line(text, "## 한국어"), "보상 모델을 적대적 예시로 단련합니다.")
                .replace(_guidance_line(text, "## English"), "Reward models hardened with adversarial examples."))
    path.write_text(finished, encoding="utf-8")
    assert main(["check", str(path), "--root", str(project)]) == 0


def _guidance_line(text: str, heading: str) -> str:
    return text.split(heading + "\n\n", 1)[1].split("\n", 1)[0]


def test_new_refuses_a_paper_that_already_has_a_note(api: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted(project.rglob("*.md"))
    assert main(["new", "2503.00001v2", "--root", str(project)]) == 1
    err = capsys.readouterr().err
    assert "arXiv 2503.00001 already has a note: data/notes/2025/existing-paper.md" in err
    assert sorted(project.rglob("*.md")) == before


@pytest.mark.parametrize(("paper_id", "said"), [
    ("2504.50300", "answered HTTP 503"),
    ("2504.99999", "arXiv has no paper 2504.99999"),
    ("2504.77777", "malformed XML"),
])
def test_new_on_api_errors_explains_and_offers_the_offline_way(api: str, project: Path, paper_id: str, said: str,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", paper_id, "--root", str(project), "--timeout", "2"]) == 1
    err = capsys.readouterr().err
    assert said in err
    assert f"papernotes new {paper_id} --title 'Paper title' --author 'First Author'" in err
    assert not (project / "data" / "notes" / "2026").exists() and len(list(project.rglob("*.md"))) == 2


def test_new_from_given_fields_needs_no_network(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the offline scaffold must not call the API")

    monkeypatch.setattr(scaffold, "fetch_paper", no_network)
    code = main(["new", "2504.06141", "--root", str(project), "--title", "Yes: A Paper", "--author", "Ada Lovelace",
                 "--published", "2025-04-08", "--date", "2025-04-10"])
    assert code == 0, capsys.readouterr().err
    text = (project / "data" / "notes" / "2025" / "yes.md").read_text(encoding="utf-8")
    assert 'title: "Yes: A Paper"' in text and 'arxiv: "2504.06141"' in text and "published: 2025-04-08" in text
    # Without an abstract the template's guidance stands in its place, so the checker flags it too,
    # and the next steps say to paste it (they named the tag and the commentary only).
    assert "## Abstract\n\nPaste the paper's abstract here" in text
    assert "paste the paper's abstract under ## Abstract" in capsys.readouterr().out
    code = main(["new", "2504.06142", "--root", str(project), "--title", "Another Paper", "--author", "Ada Lovelace",
                 "--abstract", "We study things.", "--date", "2025-04-10"])
    assert code == 0 and "abstract" not in capsys.readouterr().out.split("next:")[1]


def test_new_refuses_the_templates_example_values_as_check_does(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`check` refuses a note still holding data/note-template.md's example title, names or arXiv id;
    `new` given them wrote such a note, which could then never pass."""
    code = main(["new", "2504.06141", "--root", str(project), "--title", "Paper title exactly as on arXiv",
                 "--author", "Ada Lovelace", "--author", "Second Author", "--date", "2025-04-10"])
    said = capsys.readouterr()
    assert code == 1 and not (project / "data" / "notes" / "2025" / "paper-title-exactly-as-on-arxiv.md").exists()
    assert "2:8: error: title: still the template's example title 'Paper title exactly as on arXiv'" in said.err
    assert "5:3: error: authors[1]: still the template's example name 'Second Author'" in said.err


def test_new_writes_a_note_dated_after_today_with_checks_notice(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A date after today is a notice in `check` (it fails nothing), but `new` refused the note."""
    code = main(["new", "2504.06141", "--root", str(project), "--title", "Future Paper", "--author", "Ada Lovelace",
                 "--date", "2099-01-01"])
    said = capsys.readouterr()
    assert code == 0, said.err
    assert (project / "data" / "notes" / "2099" / "future-paper.md").is_file()
    assert "notice: date: 2099-01-01 is after today" in said.err and "created data/notes/2099/future-paper.md" in said.out


@pytest.mark.parametrize(("title", "file"), [
    ("혼합 전문가 라우팅: Stable Routing for Mixture-of-Experts", "stable-routing-for-mixture-of-experts.md"),
    ("보상 모델의 안정적인 학습", "arxiv-2504.06141.md"),   # no Latin word at all: named after its arXiv id
])
def test_new_names_a_korean_titled_note_after_its_words_or_its_id(project: Path, title: str, file: str,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A Korean title (with or without an English part after a colon) does not make the file
    `note.md`: the English words name it, else the paper's arXiv id."""
    code = main(["new", "2504.06141", "--root", str(project), "--title", title, "--author", "김민지",
                 "--published", "2025-04-08", "--date", "2025-04-10"])
    assert code == 0, capsys.readouterr().err
    assert (project / "data" / "notes" / "2025" / file).is_file()


@pytest.mark.parametrize(("argv", "code", "message"), [
    (["new", "not-an-id"], 2, "'not-an-id' is not an arXiv id"),
    (["new", "https://arxiv.org/abs/2513.01234"], 2, "'2513.01234': 13 is not a month (new-style ids are YYMM.NNNNN)"),
    (["new", "2504.06141", "--title", "Only a title"], 2, "needs both --title and --author"),
])
def test_new_usage_errors(project: Path, argv: list[str], code: int, message: str,
                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*argv, "--root", str(project)]) == code
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("argv", [
    ["new", "2504.06141", "--title", "T", "--author", "A", "--published", "2025-02-30"],
    ["new", "2504.06141", "--title", "T", "--author", "A", "--date", "2025-13-01"],
    ["import-hf", "--date", "2025-02-30"],
])
def test_an_impossible_date_option_is_refused_in_words(project: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    # argparse said "invalid fromisoformat value: '2025-02-30'", the name of a Python function.
    with pytest.raises(SystemExit) as exited:
        main([*argv, "--root", str(project)])
    err = capsys.readouterr().err
    assert exited.value.code == 2 and "fromisoformat" not in err
    assert "is not a date; write the day as YYYY-MM-DD, e.g. 2025-04-09" in err


def test_new_shows_the_templates_lineage_lines_commented_and_still_passes_check_once_finished(
        project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`builds_on:` / `compares_with:` cannot come from arXiv: the scaffold shows the template's
    commented lines for them where they go, and they change nothing `check` reads."""
    template = (Path(__file__).resolve().parents[1] / "data" / "note-template.md").read_text(encoding="utf-8")
    (project / "data" / "note-template.md").write_text(template, encoding="utf-8")
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the offline scaffold must not call the API")

    monkeypatch.setattr(scaffold, "fetch_paper", no_network)
    assert main(["new", "2504.06141", "--root", str(project), "--title", "Lineage Scaffold", "--author", "Ada Lovelace",
                 "--abstract", "An abstract.", "--date", "2025-04-10"]) == 0
    path = project / "data" / "notes" / "2025" / "lineage-scaffold.md"
    text = path.read_text(encoding="utf-8")
    head = text.split("\n---\n", 1)[0]
    assert head.endswith('\n# builds_on: ["2203.02155"]        # arXiv ids of earlier work this paper extends (shown both ways)\n'
                         '# compares_with: ["2505.16265"]    # arXiv ids of the baselines it is measured against')
    capsys.readouterr()
    finished = (text.replace("[replace-me]", "[reward-model, rl]")
                .replace(_guidance_line(text, "## 한국어"), "계보 줄은 주석입니다.")
                .replace(_guidance_line(text, "## English"), "The lineage lines are comments."))
    path.write_text(finished, encoding="utf-8")
    assert main(["check", str(path), "--root", str(project)]) == 0, capsys.readouterr().out
    # Uncommented, the template's example lines are what `check` reads.
    path.write_text(finished.replace("# builds_on:", "builds_on:"), encoding="utf-8")
    assert main(["check", str(path), "--root", str(project)]) == 0, capsys.readouterr().out
    note = next(n for n in load_site(project).notes if n.slug == "lineage-scaffold")
    assert (note.builds_on, note.compares_with) == (("2203.02155",), ())
