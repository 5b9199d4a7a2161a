"""A page's key (`PlannedPage.key`) says everything its HTML is made from: under `mkdocs serve`,
when a note is added, renamed or deleted, a page whose key is unchanged is not rendered again
to be compared. So equal keys must mean equal pages: this renders every keyed page of a
generated site before and after random changes of every kind a writer makes, and checks that
no page with an unchanged key changed (and that keys do change where pages do)."""

from __future__ import annotations

import random
import re
import shutil
import sys
from pathlib import Path

import pytest

from papernotes.catalog.index import build_index
from papernotes.config import Settings
from papernotes.markup import HtmlCache
from papernotes.pages.context import PageContext
from papernotes.pages.registry import plan_pages
from papernotes.session.dirty import key_digest
from papernotes.session.session import _page_text
from papernotes.source.tree import load_site

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from notegen import generate_notes  # noqa: E402 - after the sys.path line above

KEYED = {"note", "author", "tag", "day", "lab", "month", "authors initial"}


def _state(root: Path) -> dict[str, tuple[bytes, str]]:
    """Every keyed page of a fresh load: src_uri -> (key digest, what a rebuild compares)."""
    result = load_site(root, "data")
    assert not result.errors, [p.format() for p in result.errors]
    ctx = PageContext(build_index(result.notes, result.tags, result.glossary), Settings(site_url="https://example.org/"),
                      HtmlCache(), result.authors)
    pages = plan_pages(ctx)
    assert {p.kind for p in pages if p.key is not None} == KEYED
    return {p.src_uri: (key_digest(p.key), _page_text(p, p.render())) for p in pages if p.key is not None}


def _notes(root: Path) -> list[Path]:
    return sorted((root / "data" / "notes").rglob("*.md"))


def _field(text: str, name: str) -> str | None:
    found = re.search(rf"^{name}: (.*)$", text, re.M)
    return found.group(1) if found else None


def _set(text: str, name: str, value: str) -> str:
    text = re.sub(rf"^{name}:[ ]*\n(?:[ ]*- .*\n)+", "", text, count=1, flags=re.M)  # the block form of a list
    if _field(text, name) is not None:
        return re.sub(rf"^{name}: .*$", lambda _: f"{name}: {value}", text, count=1, flags=re.M)
    return text.replace("\n---\n", f"\n{name}: {value}\n---\n", 1)


def _authors_block(text: str) -> list[str]:
    block = re.search(r"^authors:\n((?:[ ]*- .*\n)+)", text, re.M)
    return [line.split("- ", 1)[1] for line in block.group(1).splitlines()] if block else []


def _mutate(root: Path, rng: random.Random, kind: str, step: int) -> None:
    notes = _notes(root)
    path, other = rng.sample(notes, 2)
    text, other_text = path.read_text(encoding="utf-8"), other.read_text(encoding="utf-8")
    other_arxiv = (_field(other_text, "arxiv") or "").strip("'\"")
    if kind == "add":
        new = _set(_set(text, "arxiv", f'"2612.{70000 + step:05d}"'), "title", f'"An added note {step}"')
        path.with_name(f"added-{step}.md").write_text(new, encoding="utf-8")
    elif kind == "delete":
        path.unlink()
    elif kind == "rename":
        path.rename(path.with_name(f"renamed-{step}.md"))
    elif kind == "retitle":
        path.write_text(_set(text, "title", f'"Retitled {step}"'), encoding="utf-8")
    elif kind == "tags":
        path.write_text(_set(text, "tags", _field(other_text, "tags") or "[reasoning]"), encoding="utf-8")
    elif kind == "authors":  # a name of another note: an author may reach a page of their own
        names = _authors_block(other_text)[:1] + _authors_block(text)[1:]
        block = "authors:\n" + "".join(f"  - {n}\n" for n in names)
        path.write_text(re.sub(r"^authors:\n(?:[ ]*- .*\n)+", lambda _: block, text, count=1, flags=re.M), encoding="utf-8")
    elif kind == "lineage" and other_arxiv and other_arxiv != (_field(text, "arxiv") or "").strip("'\""):
        path.write_text(_set(text, "builds_on", f'["{other_arxiv}"]'), encoding="utf-8")
    elif kind == "mention" and other_arxiv:
        path.write_text(text.rstrip("\n") + f" See also arXiv:{other_arxiv} for the baseline.\n", encoding="utf-8")
    elif kind == "commentary":
        path.write_text(text.replace("## English\n\n", f"## English\n\nEdited {step}. ", 1), encoding="utf-8")
    elif kind == "published":
        path.write_text(_set(text, "published", "2020-02-02"), encoding="utf-8")
    elif kind == "org":
        path.write_text(_set(text, "org", _field(other_text, "org") or "Some Lab"), encoding="utf-8")
    elif kind == "date":
        path.write_text(_set(text, "date", _field(other_text, "date") or "2025-01-01"), encoding="utf-8")


KINDS = ["add", "delete", "rename", "retitle", "tags", "authors", "lineage", "mention", "commentary",
         "published", "org", "date"]


@pytest.mark.parametrize("seed", [1, 2])
def test_equal_keys_mean_equal_pages_through_every_kind_of_change(tmp_path: Path, seed: int) -> None:
    root = tmp_path / "site"
    generate_notes(90, root, seed=seed)
    shutil.copy(ROOT / "data" / "note-template.md", root / "data" / "note-template.md")
    rng = random.Random(seed)
    before = _state(root)
    kept = changed = 0
    for step, kind in enumerate(KINDS * 2):
        _mutate(root, rng, kind, step)
        after = _state(root)
        for src in before.keys() & after.keys():
            (old_key, old_text), (new_key, new_text) = before[src], after[src]
            if old_key == new_key:
                assert old_text == new_text, f"{kind} (step {step}): {src} changed but its key did not"
                kept += 1
            elif old_text != new_text:
                changed += 1
        before = after
    assert kept > 1000 and changed > 20  # the keys spare most pages, and pages did change


def test_a_note_whose_author_another_note_names_as_its_lab_changes_its_key(tmp_path: Path) -> None:
    """An author who is also a note's `org:` is an organisation in the citation files and the
    page's BibTeX (`names.NameForms`): when another note starts naming that lab, this note's
    page changes, so its key must too (else a serve rebuild kept `Face` as a family name)."""
    root = tmp_path / "site"
    generate_notes(12, root, seed=3)
    shutil.copy(ROOT / "data" / "note-template.md", root / "data" / "note-template.md")
    first, other = _notes(root)[:2]
    block = "authors:\n  - Hugging Face\n  - Ada Lovelace\n"
    first.write_text(re.sub(r"^authors:\n(?:[ ]*- .*\n)+", lambda _: block, first.read_text(encoding="utf-8"), count=1,
                            flags=re.M), encoding="utf-8")

    def note_page() -> tuple[bytes | None, str]:
        result = load_site(root, "data")
        ctx = PageContext(build_index(result.notes, result.tags, result.glossary), Settings(), HtmlCache(), result.authors)
        (page,) = [p for p in plan_pages(ctx) if p.kind == "note" and p.source == f"data/notes/{first.relative_to(root / 'data' / 'notes').as_posix()}"]
        return key_digest(page.key), _page_text(page, page.render())

    key, text = note_page()
    assert "author = {Hugging Face and Ada Lovelace}" in text
    other.write_text(_set(other.read_text(encoding="utf-8"), "org", "Hugging Face"), encoding="utf-8")
    new_key, new_text = note_page()
    assert "author = {{Hugging Face} and Ada Lovelace}" in new_text and new_key != key
