"""`bench.py --hugo` compares us with Hugo on the same notes: the conversion must keep every
note with what Hugo needs to list it (title, date, tags and the day/month/year archives), and,
where Hugo is installed, a small real build must produce the note, tag and date pages."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from hugo_site import hugo_note, write_hugo_site  # noqa: E402
from notegen import generate_notes  # noqa: E402


def _front(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def test_every_note_becomes_hugo_content_with_its_taxonomies(tmp_path: Path) -> None:
    generate_notes(40, tmp_path / "gen", seed=3)
    notes = sorted((tmp_path / "gen" / "data" / "notes").rglob("*.md"))
    assert write_hugo_site(tmp_path / "gen" / "data", tmp_path / "hugo") == 40
    content = tmp_path / "hugo" / "content" / "notes"
    assert sorted(p.name for p in content.glob("*.md")) == sorted(p.name for p in notes)
    for source in notes:
        original = yaml.safe_load(source.read_text(encoding="utf-8").split("---\n")[1])
        front = _front(content / source.name)
        assert front["title"] == original["title"]
        assert front["tags"] == original["tags"]
        assert front["days"] == [original["date"].isoformat()]
        assert front["months"] == [original["date"].strftime("%Y-%m")]
        assert front["years"] == [str(original["date"].year)]
        body = (content / source.name).read_text(encoding="utf-8")
        assert "## Abstract" in body and "## 한국어" in body and "## English" in body
    config = (tmp_path / "hugo" / "config.toml").read_text(encoding="utf-8")
    for taxonomy in ('tag = "tags"', 'day = "days"', 'month = "months"', 'year = "years"'):
        assert taxonomy in config


def test_a_title_hugo_would_misread_survives_as_a_string() -> None:
    front, _ = hugo_note('---\ntitle: "No: 1.0 --- a title"\ndate: 2024-05-01\ntags: [rl]\n---\n\n## Abstract\n\nx\n')
    meta = yaml.safe_load(front.split("---\n")[1])
    assert meta["title"] == "No: 1.0 --- a title"
    assert meta["date"] == "2024-05-01"


def test_a_file_without_front_matter_is_refused() -> None:
    with pytest.raises(ValueError):
        hugo_note("## Abstract\n\nno front matter\n")


@pytest.mark.skipif(not Path("/usr/bin/hugo").exists(), reason="Debian's hugo is not installed")
def test_hugo_builds_note_tag_and_date_pages(tmp_path: Path) -> None:
    generate_notes(30, tmp_path / "gen", seed=2)
    write_hugo_site(tmp_path / "gen" / "data", tmp_path / "hugo")
    out = tmp_path / "out"
    subprocess.run(["/usr/bin/hugo", "--quiet", "-s", str(tmp_path / "hugo"), "-d", str(out)], check=True, timeout=300)
    notes = sorted((tmp_path / "gen" / "data" / "notes").rglob("*.md"))
    for source in notes:
        page = out / "notes" / source.stem / "index.html"
        assert page.is_file(), page
        assert "<h1>" in page.read_text(encoding="utf-8")
    first = yaml.safe_load(notes[0].read_text(encoding="utf-8").split("---\n")[1])
    tag_page = (out / "tags" / first["tags"][0] / "index.html").read_text(encoding="utf-8")
    assert f"/notes/{notes[0].stem}/" in tag_page
    assert (out / "days" / first["date"].isoformat() / "index.html").is_file()
    assert (out / "months" / first["date"].strftime("%Y-%m") / "index.html").is_file()
    assert (out / "tags" / "index.html").is_file()
    shutil.rmtree(out)
