"""scripts/audit_pages.py without Lighthouse: its GitHub-Pages-like gzip server, the page of each
kind it picks, and its argument handling. (Running Lighthouse takes minutes: the script is a
report, run by hand; see DEVELOPING.md, "Accessibility, privacy and weight".)"""

from __future__ import annotations

import gzip
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import audit_pages  # noqa: E402 - after the sys.path line above


@pytest.fixture
def served(tmp_path: Path):  # noqa: ANN201 - a fixture, typed where it is made
    (tmp_path / "notes" / "a").mkdir(parents=True)
    (tmp_path / "index.html").write_text("<!doctype html><p>home " + "x" * 2000, encoding="utf-8")
    (tmp_path / "notes" / "a" / "index.html").write_text("<p>note a</p>", encoding="utf-8")
    (tmp_path / "site.css").write_text("p { color: red }\n" * 100, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    (tmp_path / "404.html").write_text("<p>no such page</p>", encoding="utf-8")
    server, base = audit_pages.serve(tmp_path)
    yield tmp_path, base
    server.shutdown()
    server.server_close()


def get(url: str, gzip_ok: bool = True) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip, deflate, br"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as err:
        return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read()


def test_text_is_gzipped_for_clients_that_accept_it(served: str) -> None:
    root, base = served
    for path, file in [("", "index.html"), ("notes/a/", "notes/a/index.html"), ("site.css", "site.css")]:
        status, headers, body = get(base + path)
        assert status == 200 and headers["content-encoding"] == "gzip" and headers["vary"] == "Accept-Encoding"
        assert int(headers["content-length"]) == len(body)
        assert gzip.decompress(body) == (root / file).read_bytes()
    status, headers, body = get(base + "site.css", gzip_ok=False)
    assert "content-encoding" not in headers and body == (root / "site.css").read_bytes()
    assert headers["content-type"].startswith("text/css")


def test_images_go_as_they_are(served: str) -> None:
    root, base = served
    status, headers, body = get(base + "logo.png")
    assert status == 200 and "content-encoding" not in headers and body == (root / "logo.png").read_bytes()
    assert headers["content-type"] == "image/png" and headers["cache-control"] == "max-age=600"


def test_missing_pages_get_the_sites_404_page_and_folders_their_slash(served: str) -> None:
    root, base = served
    status, _, body = get(base + "notes/nothing/", gzip_ok=False)
    assert status == 404 and body == (root / "404.html").read_bytes()
    status, _, body = get(base + "../../etc/passwd", gzip_ok=False)
    assert status == 404
    # urllib follows the redirect from notes/a to notes/a/.
    status, _, body = get(base + "notes/a", gzip_ok=False)
    assert status == 200 and body == b"<p>note a</p>"


@pytest.mark.parametrize(("argv", "message"), [
    (["--kinds", "home,nope"], "unknown page kind 'nope'"),
    (["--kinds", ","], "(none given)"),
    (["--runs", "0"], "--runs must be between 1 and 9"),
    (["--form-factor", "tablet"], "see the usage above"),
    (["--site", "/nonexistent/site"], "no index.html there"),
])
def test_bad_arguments_exit_2_with_a_reason(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert audit_pages.main(argv) == 2
    assert message in capsys.readouterr().err


def test_good_arguments(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>", encoding="utf-8")
    args = audit_pages.parse_args(["--site", str(tmp_path), "--kinds", "browse, statistics", "--form-factor", "mobile", "--runs", "3"])
    assert (args.kinds, args.form_factors, args.runs, args.site) == (["browse", "statistics"], ("mobile",), 3, tmp_path)
    assert audit_pages.parse_args([]).form_factors == ("mobile", "desktop") and audit_pages.parse_args([]).kinds == list(audit_pages.KINDS)


def test_one_page_of_every_kind_from_a_built_site(fixture_build: Path) -> None:
    pages = audit_pages.pages_of(fixture_build)
    assert list(pages) == list(audit_pages.KINDS)
    assert all((fixture_build / url / "index.html").is_file() for url in pages.values())
    assert pages["home"] == "" and pages["browse"] == "browse/" and pages["tag index"] == "tags/"
    assert pages["tag"].startswith("tags/") and pages["day"].startswith("archive/") and pages["note"].startswith("notes/")


def test_a_folder_that_is_not_a_papernotes_site_is_refused(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>", encoding="utf-8")
    with pytest.raises(audit_pages.UsageError, match="no notes.json"):
        audit_pages.pages_of(tmp_path)
