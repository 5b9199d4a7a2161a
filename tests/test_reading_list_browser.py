"""The reading list in real Chromium: save and mark on several page kinds, reload, a second tab,
export and import (twice), a shared link in a fresh profile, storage that throws, a saved note
removed from the site, notes new since the last visit, recommendations and their reasons, and
pages without notes loading none of its code."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from conftest import LAYOUT_SHIFT, READER_NOTES, build, visit
from papernotes.outputs.reading_list import slug_hash
from test_pages_a11y import axe_source, serious  # noqa: F401 (a fixture)

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def open_search(page: Page) -> None:
    """On a narrow screen the field opens from the header's search button (issue 18)."""
    if page.is_visible(".pn-search__open"):
        page.click(".pn-search__open")

STORAGE_THROWS = """Object.defineProperty(window, "localStorage", {get() { throw new DOMException("blocked", "SecurityError"); }});"""


@pytest.fixture(scope="module")
def base(reader_build: Path, serve) -> str:  # noqa: ANN001
    return serve(reader_build)


@pytest.fixture
def context(browser):  # noqa: ANN001, ANN201
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield ctx
    ctx.close()


def stored(page) -> dict:  # noqa: ANN001
    return json.loads(page.evaluate("localStorage.getItem('papernotes.reading-list')") or "null")


def slot(page, slug: str) -> str:  # noqa: ANN001
    # The build's slots are in their note's item; the list page's own carry the slug themselves.
    return f':is([data-slug="{slug}"] > .pn-rl, .pn-rl[data-rl-slug="{slug}"])'


def save(page, slug: str) -> None:  # noqa: ANN001
    page.click(f"{slot(page, slug)} .pn-rl__save")


def write_memo(page, slug: str, text: str) -> None:  # noqa: ANN001
    """Open the slot's memo editor, type `text` and leave the field (which stores it)."""
    page.click(f"{slot(page, slug)} .pn-rl__note-toggle")
    page.fill(f"{slot(page, slug)} textarea", text)
    page.keyboard.press("Tab")


def pressed(page, slug: str, button: str) -> str:  # noqa: ANN001
    return page.get_attribute(f"{slot(page, slug)} .pn-rl__{button}", "aria-pressed")


def test_save_and_mark_on_several_page_kinds_survive_a_reload_and_reach_the_list(context, base: str) -> None:  # noqa: ANN001
    page = context.new_page()
    page.goto(f"{base}?lang=en")
    page.wait_for_selector(f"{slot(page, 'zeta')} .pn-rl__save")
    save(page, "zeta")
    assert pressed(page, "zeta", "save") == "true"
    assert page.get_attribute(slot(page, "zeta"), "data-rl-state") == "to-read"
    assert page.inner_text(f"{slot(page, 'zeta')} .pn-rl__state") == "To read"
    # The note page: Read saves and marks at once; a private note is kept.
    page.goto(f"{base}notes/particle-a/?lang=en")
    page.click(f"{slot(page, 'particle-a')} .pn-rl__read")
    assert pressed(page, "particle-a", "save") == "true"
    write_memo(page, "particle-a", "check the ablation in §4")
    page.goto(f"{base}tags/safety/?lang=ko")
    save(page, "escape")
    assert page.inner_text(f"{slot(page, 'escape')} .pn-rl__save") .startswith("★")
    page.goto(f"{base}archive/2025/03/02/")
    save(page, "particle-b")
    page.reload()
    assert pressed(page, "particle-b", "save") == "true"
    doc = stored(page)
    assert doc["version"] == 1
    assert sorted(doc["items"]) == ["escape", "particle-a", "particle-b", "zeta"]
    assert doc["items"]["particle-a"]["state"] == "read"
    assert doc["items"]["particle-a"]["note"] == "check the ablation in §4"
    assert doc["items"]["escape"]["title"].startswith("Braces {x} & 100%")

    page.goto(f"{base}list/?lang=en")
    page.wait_for_selector(".pn-rl-items li[data-slug='zeta']")
    assert page.inner_text(".pn-rl-counts") == "4 saved · 3 to read · 1 read"
    # A saved note's tag chips lead to their pages, as chips do everywhere else (a QA pass tapped them).
    page.wait_for_selector(".pn-rl-items li[data-slug='zeta'] a.pn-tag")
    chips = page.eval_on_selector_all(".pn-rl-items li[data-slug='zeta'] .pn-tag", "els => els.map(e => e.getAttribute('href'))")
    assert chips and all(href and href.endswith("/") and "/tags/" in href for href in chips), chips
    page.select_option("#pn-rl-state", "read")
    assert page.eval_on_selector_all(".pn-rl-items > li", "els => els.map(e => e.dataset.slug)") == ["particle-a"]
    page.select_option("#pn-rl-state", "all")
    page.select_option("#pn-rl-tag", "safety")
    assert page.eval_on_selector_all(".pn-rl-items > li", "els => els.map(e => e.dataset.slug)") == ["escape", "zeta"]  # newest saved first
    page.select_option("#pn-rl-tag", "")
    # The counts are a live region: written only when they change (found by a QA pass: each key
    # typed in the finder wrote the same counts again, and a screen reader read them each time).
    page.evaluate("""() => { window.__counts = 0;
      new MutationObserver(() => window.__counts++).observe(document.querySelector('.pn-rl-counts'), {childList: true, subtree: true}); }""")
    page.type("#pn-rl-q", "zzz", delay=50)   # z: zeta (showing 1), zz and zzz: none (showing 0, written once)
    # ... and the list says so where the notes were (a QA pass: they just vanished on a phone)
    assert page.inner_text(".pn-rl-items") == "No saved note matches; change the search or the filters."
    page.fill("#pn-rl-q", "")
    assert page.evaluate("window.__counts") == 3
    page.fill("#pn-rl-q", "ablation")  # the private note is searched too
    assert page.eval_on_selector_all(".pn-rl-items > li", "els => els.map(e => e.dataset.slug)") == ["particle-a"]
    assert "(showing 1)" in page.inner_text(".pn-rl-counts")
    page.fill("#pn-rl-q", "안전성")  # a tag by its label in the other language: the English page shows "Safety"
    assert page.eval_on_selector_all(".pn-rl-items > li", "els => els.map(e => e.dataset.slug)") == ["escape", "zeta"]
    # As the search box reads words: a particle, a compound written without its space, a #tag by
    # name or label. The list matched text as typed: 보상모델을, 안전성을 and #safety found nothing.
    page.fill("#pn-rl-q", "보상 모델")
    spaced = page.eval_on_selector_all(".pn-rl-items > li", "els => els.map(e => e.dataset.slug)")
    assert "zeta" in spaced
    for query, want in (("보상모델을", spaced), ("안전성을", ["escape", "zeta"]), ("#safety", ["escape", "zeta"]),
                        ("#안전성", ["escape", "zeta"]), ("#보상모델", spaced), ("#safety ablation", [])):
        page.fill("#pn-rl-q", query)
        try:  # the word rules load on the first query: the list may be redrawn once they are here
            page.wait_for_function("want => JSON.stringify([...document.querySelectorAll('.pn-rl-items > li[data-slug]')]"
                                   ".map(e => e.dataset.slug)) === JSON.stringify(want)", arg=want, timeout=5000)
        except PlaywrightTimeout:
            shown = page.eval_on_selector_all(".pn-rl-items > li[data-slug]", "els => els.map(e => e.dataset.slug)")
            raise AssertionError(f"{query!r} shows {shown}, not {want}") from None
    page.fill("#pn-rl-q", "")
    page.select_option("#pn-rl-sort", "paper")
    # Paper date (published, else the note's date), newest first: zeta 2025-04-09 before the March notes.
    assert page.eval_on_selector_all(".pn-rl-items > li", "els => els.map(e => e.dataset.slug)") == ["zeta", "escape", "particle-b", "particle-a"]



def test_the_list_shows_each_saved_notes_memo_as_text(context, base: str) -> None:  # noqa: ANN001
    """Found by a QA pass: a memo written on a note page ("✎ 메모") did not show on the list
    page; the reader had to open each item's editor. It shows under its item, in either
    language, as text (markup typed into it stays characters), its line breaks kept; the list's
    filter finds it, and an edit in the item's own editor shows at once. An item without one
    shows nothing."""
    page = context.new_page()
    page.goto(f"{base}notes/particle-a/?lang=ko")
    write_memo(page, "particle-a", "<b>4절</b> ablation 다시 보기\nsecond line")
    page.goto(f"{base}notes/zeta/?lang=ko")
    save(page, "zeta")
    for lang, label in (("ko", "내 메모"), ("en", "My memo")):
        page.goto(f"{base}list/?lang={lang}")
        page.wait_for_selector(".pn-rl-items li[data-slug='zeta']")
        # The button says Memo in English ("✎ Note" read as one of the site's notes), the
        # placeholder and the editor's label too: one name for it in each language.
        button = page.locator("li[data-slug='zeta'] .pn-rl__note-toggle")
        assert button.inner_text().replace("\n", " ").startswith({"ko": "✎ 메모", "en": "✎ Memo"}[lang]), button.inner_text()
        assert page.get_attribute("#pn-rl-q", "placeholder") == {"ko": "제목, 태그, 메모", "en": "Title, tag, memo"}[lang]
        label_text = page.eval_on_selector("li[data-slug='zeta'] .pn-rl__label", f"e => e.querySelector('[lang={lang}]').textContent")
        assert ("메모" if lang == "ko" else "memo") in label_text and "note" not in label_text.lower(), label_text
        memo = page.locator("li[data-slug='particle-a'] > .pn-rl-memo")
        assert memo.is_visible()
        assert memo.inner_text().replace("\n", " | ") == f"{label}: <b>4절</b> ablation 다시 보기 | second line"
        assert memo.locator("b").count() == 0
        assert not page.locator("li[data-slug='zeta'] > .pn-rl-memo").is_visible()
    page.fill("#pn-rl-q", "다시 보기")
    page.wait_for_function("[...document.querySelectorAll('.pn-rl-items > li')].map(e => e.dataset.slug).join() === 'particle-a'")
    assert page.locator("li[data-slug='particle-a'] > .pn-rl-memo").is_visible()
    page.fill("#pn-rl-q", "")
    write_memo(page, "zeta", "read §2 first")
    page.wait_for_function("(document.querySelector(\"li[data-slug='zeta'] > .pn-rl-memo\") || {}).innerText === 'My memo: read §2 first'")

def test_two_tabs_stay_consistent(context, base: str) -> None:  # noqa: ANN001
    one, two = context.new_page(), context.new_page()
    one.goto(f"{base}?lang=en")
    two.goto(f"{base}list/?lang=en")
    two.wait_for_selector(".pn-rl-counts:has-text('0 saved')")
    save(one, "zeta")
    two.wait_for_selector(".pn-rl-items li[data-slug='zeta']")
    assert two.inner_text(".pn-rl-counts").startswith("1 saved")
    # Marked read in the list tab: the first tab's button follows, and neither change is lost.
    two.click(f"{slot(two, 'zeta')} .pn-rl__read")
    one.wait_for_selector(f"{slot(one, 'zeta')}[data-rl-state='read']")
    save(one, "epsilon")
    two.wait_for_selector(".pn-rl-items li[data-slug='epsilon']")
    assert {k: v["state"] for k, v in stored(two)["items"].items()} == {"zeta": "read", "epsilon": "to-read"}


def _export(page, kind: str = "json") -> str:  # noqa: ANN001
    """What My list's export of `kind` (json, bib, ris) downloads, the list page open."""
    with page.expect_download() as info:
        page.click(f"[data-rl-export='{kind}']")
    return Path(info.value.path()).read_text(encoding="utf-8")


def test_a_share_link_that_inflates_past_the_limit_stops_at_it(context, base: str) -> None:  # noqa: ANN001
    """A QA pass opened a share link of 777 kB that inflates to 600 MB of spaces: the page inflated
    all of it before checking the size (its tab reached 1.8 GB, blank for 5 s). It stops reading
    once past the import limit, and says the link cannot be read."""
    import base64
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = packer.compress(b"[" + b" " * 100_000_000 + b"]") + packer.flush()
    link = "z" + base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")
    page = context.new_page()
    # Count what the page inflates (its DecompressionStream, wrapped).
    page.add_init_script("""(() => { const Inflate = window.DecompressionStream; window.inflated = 0;
      window.DecompressionStream = class { constructor(format) { const d = new Inflate(format);
        this.writable = d.writable; this.readable = d.readable.pipeThrough(new TransformStream({
          transform(chunk, out) { window.inflated += chunk.length; out.enqueue(chunk); } })); } }; })();""")
    page.goto(f"{base}list/?lang=en#list={link}")
    page.wait_for_selector(".pn-rl-shared [role=alert]", timeout=30_000)
    assert "cannot be read" in page.inner_text(".pn-rl-shared [role=alert]")
    assert 2_000_000 < page.evaluate("window.inflated") < 10_000_000


def test_export_and_import_twice_is_idempotent_and_keeps_private_notes(context, base: str, tmp_path: Path) -> None:  # noqa: ANN001
    page = context.new_page()
    page.goto(f"{base}notes/particle-a/?lang=en")
    page.click(f"{slot(page, 'particle-a')} .pn-rl__read")
    write_memo(page, "particle-a", "mine")
    page.goto(f"{base}?lang=en")
    save(page, "zeta")
    page.goto(f"{base}list/?lang=en")
    exported = json.loads(_export(page))
    assert exported["schema"] == "papernotes.reading-list/1"
    assert {e["slug"]: e["note"] for e in exported["items"]} == {"particle-a": "mine", "zeta": ""}
    file = tmp_path / "list.json"
    file.write_text(json.dumps(exported), encoding="utf-8")

    # A second profile imports it twice: everything arrives once, the second import adds nothing.
    other = context.browser.new_context(accept_downloads=True)
    try:
        pg = other.new_page()
        pg.goto(f"{base}list/?lang=en")
        pg.set_input_files("#pn-rl-import", str(file))
        pg.wait_for_selector(".pn-rl-message:has-text('2 added')")
        first = stored(pg)["items"]
        pg.set_input_files("#pn-rl-import", str(file))
        pg.wait_for_selector(".pn-rl-message:has-text('0 added, 0 merged, 2 already there')")
        assert stored(pg)["items"] == first
        assert first["particle-a"]["note"] == "mine" and first["particle-a"]["state"] == "read"
        # The same paper under another slug (same arXiv id) merges instead of doubling.
        renamed = dict(exported, items=[dict(exported["items"][0], slug="renamed", note="theirs")] if exported["items"][0]["slug"] == "particle-a"
                       else [dict(exported["items"][1], slug="renamed", note="theirs")])
        file.write_text(json.dumps(renamed), encoding="utf-8")
        pg.set_input_files("#pn-rl-import", str(file))
        pg.wait_for_selector(".pn-rl-message:has-text('1 merged')")
        items = stored(pg)["items"]
        assert sorted(items) == ["particle-a", "zeta"]
        assert items["particle-a"]["note"] == "mine\n\ntheirs"
        # Bad files: a clear message, and the list is as it was.
        before = stored(pg)
        for name, content, says in [("broken.json", "{not json", "not a JSON file"),
                                    ("other.json", '{"schema": "something-else/1", "rows": []}', "not a papernotes list file"),
                                    ("future.json", '{"schema": "papernotes.reading-list/9", "version": 9, "items": []}', "newer version")]:
            (tmp_path / name).write_text(content, encoding="utf-8")
            pg.set_input_files("#pn-rl-import", str(tmp_path / name))
            pg.wait_for_selector(f".pn-rl-message:has-text('{says}')")
            assert "Your list is unchanged" in pg.inner_text(".pn-rl-message")
            assert stored(pg) == before
        assert pg.inner_text(".pn-rl-counts").startswith("2 saved")
    finally:
        other.close()


def test_hostile_list_files_change_nothing_or_only_what_they_can(context, base: str, tmp_path: Path) -> None:  # noqa: ANN001
    """From an outside check: `"items": "hello"` added entries h, e, l, o (a text read letter by
    letter); an export without its `version` line gave a JavaScript error as the message; a 12 MB
    file was "added" and then lost with every later change of the tab (the browser's storage was
    full); dates were taken as written (read in 2099, `9999-99-99`)."""
    page = context.new_page()
    page.goto(f"{base}list/?lang=en")
    page.evaluate("localStorage.clear()")
    page.reload()
    before = stored(page)

    def imported(name: str, content: str, says: str) -> str:
        (tmp_path / name).write_text(content, encoding="utf-8")
        page.set_input_files("#pn-rl-import", str(tmp_path / name))
        page.wait_for_selector(f".pn-rl-message:has-text({json.dumps(says)})")
        return page.inner_text(".pn-rl-message")

    for name, content, says in [
            ("text-items.json", '{"schema": "papernotes.reading-list/1", "items": "hello"}', "is not a list of notes"),
            # its size said as the file's (a QA pass read "2.0 MB; at most 2 MB" for a 6 MB file of Hangul)
            ("huge.json", '{"schema": "papernotes.reading-list/1", "items": [], "pad": "' + "가" * 7_000_000 + '"}', "(21.0 MB; at most 20 MB)")]:
        message = imported(name, content, says)
        assert "Your list is unchanged" in message and "Error" not in message and "iterable" not in message
        assert stored(page) == before
    item = {"slug": "gone-note", "title": "Gone", "date": "9999-99-99", "published": "2025-02-30", "state": "read",
            "saved": "2099-01-01T00:00:00Z", "read": "not a date", "tags": [], "note": ""}
    # A note the site has: its own title and tags win over the file's.
    hostile = {"slug": "zeta", "title": "<svg onload=alert(4)>", "tags": ["<b>x</b>"], "note": ""}
    imported("no-version.json", json.dumps({"schema": "papernotes.reading-list/1", "items": [item, hostile],
                                            "dismissed": {"epsilon": "2025-01-01T00:00:00Z", "bad": 5}}), "2 added")
    assert stored(page)["dismissed"] == {"epsilon": "2025-01-01T00:00:00Z"}   # an export's dismissals come along
    entry = stored(page)["items"]["gone-note"]
    assert entry["date"] == "" and entry["published"] is None
    now = page.evaluate("new Date().toISOString()")
    assert entry["saved"] <= now and entry["read"] <= now and entry["saved"][:4] >= "2000"
    page.reload()
    page.wait_for_function("!JSON.parse(localStorage.getItem('papernotes.reading-list')).items.zeta.title.includes('<')")
    zeta = stored(page)["items"]["zeta"]
    assert zeta["tags"] and "<b>x</b>" not in zeta["tags"] and "<b>x</b>" not in page.inner_text("main")


def test_the_lists_own_export_with_long_korean_memos_imports_again(context, base: str, tmp_path: Path) -> None:  # noqa: ANN001
    """A QA pass exported 43 notes, each with a memo of 20,000 Hangul characters (the memo's limit):
    2.6 MB, which the list's own import refused ("at most 2 MB"). Any list the browser can hold
    imports again."""
    page = context.new_page()
    page.goto(f"{base}list/?lang=en")
    items = [{"slug": f"n{i}", "title": f"Note {i}", "note": "보상 모델 " * 4000} for i in range(43)]
    text = json.dumps({"schema": "papernotes.reading-list/1", "version": 1, "items": items}, ensure_ascii=False)
    assert len(text.encode("utf-8")) > 2_000_000   # the old limit
    (tmp_path / "long-memos.json").write_text(text, encoding="utf-8")
    page.set_input_files("#pn-rl-import", str(tmp_path / "long-memos.json"))
    page.wait_for_selector(".pn-rl-message:has-text('43 added')")
    assert len(stored(page)["items"]) == 43


def test_a_saved_note_whose_file_was_renamed_follows_it(context, base: str) -> None:  # noqa: ANN001
    """A serve QA pass renamed a saved note's file (the guide's way to change its address): My list
    said "removed from the site", the new page's Save was not pressed, and pressing it listed the
    paper twice. The entry saved under the old name moves to the note with its arXiv id, its state
    and memo kept."""
    page = context.new_page()
    page.goto(f"{base}notes/zeta/?lang=en")
    save(page, "zeta")
    doc = stored(page)
    entry = doc["items"].pop("zeta")
    assert entry["arxiv"], "the note has an arXiv id"
    doc["items"]["zeta-before-the-rename"] = {**entry, "slug": "zeta-before-the-rename", "state": "read", "note": "mine"}
    page.evaluate("doc => localStorage.setItem('papernotes.reading-list', JSON.stringify(doc))", doc)
    page.reload()
    page.wait_for_function("() => document.querySelector('.pn-rl__save').getAttribute('aria-pressed') === 'true'")
    items = stored(page)["items"]
    assert list(items) == ["zeta"] and items["zeta"]["state"] == "read" and items["zeta"]["note"] == "mine"
    page.goto(f"{base}list/?lang=en")
    page.wait_for_selector(".pn-rl-items li[data-slug='zeta']")
    assert page.inner_text(".pn-rl-counts").startswith("1 saved") and "removed" not in page.inner_text(".pn-rl-counts")


def test_my_list_follows_a_renamed_note_by_its_arxiv_id(context, base: str) -> None:  # noqa: ANN001
    """The same on the list page itself, opened first: it looks the lost entry's arXiv id up in the
    search index and moves it to the note that has it (checked against the note's card)."""
    page = context.new_page()
    page.goto(f"{base}notes/zeta/?lang=en")
    save(page, "zeta")
    doc = stored(page)
    entry = doc["items"].pop("zeta")
    doc["items"]["zeta-before-the-rename"] = {**entry, "slug": "zeta-before-the-rename", "note": "mine"}
    doc["items"]["gone-for-good"] = {**entry, "slug": "gone-for-good", "arxiv": "1999.99999", "title": "Gone"}
    page.evaluate("doc => localStorage.setItem('papernotes.reading-list', JSON.stringify(doc))", doc)
    page.goto(f"{base}list/?lang=en")
    page.wait_for_selector(".pn-rl-items li[data-slug='zeta']")
    items = stored(page)["items"]
    assert sorted(items) == ["gone-for-good", "zeta"] and items["zeta"]["note"] == "mine"
    page.wait_for_selector(".pn-rl-counts:has-text('1 removed from the site')")


def test_save_past_the_lists_limit_says_the_list_is_full(context, base: str) -> None:  # noqa: ANN001
    """A QA pass saved two notes past the 5,000 a list holds (Save took them, silently), and the
    list's own export then could not be imported again. At the limit, Save and Read say the list
    is full and store nothing."""
    page = context.new_page()
    page.goto(f"{base}?lang=en")
    save(page, "zeta")
    doc = stored(page)
    entry = doc["items"]["zeta"]
    doc["items"] = {f"n{i}": {**entry, "slug": f"n{i}"} for i in range(5000)}
    page.evaluate("doc => localStorage.setItem('papernotes.reading-list', JSON.stringify(doc))", doc)
    page.reload()
    for button in ("save", "read"):
        page.click(f"{slot(page, 'epsilon')} .pn-rl__{button}")
        page.wait_for_selector(f"{slot(page, 'epsilon')} .pn-rl__state:has-text('Your list is full')")
        assert len(stored(page)["items"]) == 5000 and "epsilon" not in stored(page)["items"]


def small_storage(browser):  # noqa: ANN001, ANN201
    """A browser context whose storage takes a reading list of up to 3,000 characters (then it is full)."""
    ctx = browser.new_context()
    ctx.add_init_script("""const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) {
          if (k === "papernotes.reading-list" && v.length > 3000) throw new DOMException("full", "QuotaExceededError");
          return set.call(this, k, v); };""")
    return ctx


def test_an_import_too_large_for_the_storage_leaves_the_list_as_stored(browser, base: str, tmp_path: Path) -> None:  # noqa: ANN001
    ctx = small_storage(browser)
    try:
        page = ctx.new_page()
        page.goto(f"{base}list/?lang=en")
        items = [{"slug": f"n{i}", "title": f"Note {i}", "note": "m" * 200} for i in range(40)]
        (tmp_path / "big.json").write_text(json.dumps({"schema": "papernotes.reading-list/1", "version": 1, "items": items}),
                                          encoding="utf-8")
        page.set_input_files("#pn-rl-import", str(tmp_path / "big.json"))
        page.wait_for_selector(".pn-rl-message:has-text('storage is full')")
        assert "Your list is unchanged" in page.inner_text(".pn-rl-message")
        assert page.inner_text(".pn-rl-counts").startswith("0 saved") or stored(page).get("items", {}) == {}
        page.goto(f"{base}?lang=en")
        save(page, "zeta")  # a later change is kept
        page.reload()
        assert pressed(page, "zeta", "save") == "true"
    finally:
        ctx.close()


def test_an_import_refuses_bytes_that_are_no_utf8_and_strips_bidi_overrides(context, base: str, tmp_path: Path) -> None:  # noqa: ANN001
    """A fuzzing QA pass: a file holding `A\\xffC` imported as "A�C", and a title holding U+202E
    (which reverses what follows it, and which a note may not hold) was shown so. A file that is
    not UTF-8 is refused, named, the list unchanged; a title loses its bidi overrides. And the
    message below the buttons is brought into view (a phone QA pass saw it below the screen)."""
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base}list/?lang=en")
    good = {"schema": "papernotes.reading-list/1", "version": 1, "items": [{"slug": "n1", "title": "abc\u202edef"}]}
    bad = json.dumps({**good, "items": [{"slug": "n2", "title": "A__C"}]}).encode().replace(b"__", b"\xff")
    (tmp_path / "bad.json").write_bytes(bad)
    page.set_input_files("#pn-rl-import", str(tmp_path / "bad.json"))
    page.wait_for_selector(".pn-rl-message:has-text('not UTF-8')")
    assert page.inner_text(".pn-rl-message") == "bad.json: not imported: it holds bytes that are not UTF-8 text. Your list is unchanged."
    box = page.locator(".pn-rl-message").bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 845, box
    assert not (stored(page) or {}).get("items")
    (tmp_path / "good.json").write_text(json.dumps(good), encoding="utf-8")
    page.set_input_files("#pn-rl-import", str(tmp_path / "good.json"))
    page.wait_for_selector(".pn-rl-message:has-text('1 added')")
    assert stored(page)["items"]["n1"]["title"] == "abcdef"


def test_bibtex_and_ris_exports_reuse_the_sites_entries(context, base: str, reader_build: Path) -> None:  # noqa: ANN001
    page = context.new_page()
    page.goto(f"{base}tags/safety/")
    save(page, "escape")
    page.goto(f"{base}list/?lang=en")
    # From the small file that holds the note's entry (urls.cite_file), not the whole site's
    # papernotes.bib (4.9 MB at 10,000 notes, 25 s on a slow phone for a list of 30: a QA pass).
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    bib = _export(page, "bib")
    from papernotes.catalog import urls
    assert [u for u in fetched if u.endswith((".bib", ".json")) and "/cite/" in u or u.endswith("papernotes.bib")] == [
        base + urls.cite_file("escape")]
    assert page.evaluate("u => import(u).then(m => m.CITE_FILES)", base + "assets/reading-list/transfer.js") == urls.PREVIEW_FILES
    site_bib = (reader_build / "papernotes.bib").read_text(encoding="utf-8")
    entry = next(e for e in site_bib.split("\n@") if "{escape," in e)
    assert bib.strip() == ("@" + entry.lstrip("@")).strip()
    ris = _export(page, "ris").splitlines()
    assert ris[0] == "TY  - RPRT" and ris[-1] == "ER  - "   # the site's type (it said UNPB: two item types in Zotero)
    assert "TI  - Braces {x} & 100% Ünïcode: $\\alpha$_test #1" in ris
    # As the site's RIS writes them: family first (Zotero reads `José Müller` as one field), and
    # no date, since the note gives neither `published` nor an arXiv id (its `date` is when it was
    # noted: the export wrote it as the paper's date).
    # The note page's own RIS link (a `data:` link, urls.INLINE_REFERENCES), saved by a real click.
    page.goto(f"{base}notes/escape/?lang=en")
    with page.expect_download() as info:
        page.click(".pn-cite .pn-downloads a:text-is('RIS')")
    assert info.value.suggested_filename == "escape.ris"
    saved = Path(info.value.path()).read_bytes()
    # byte for byte the tag file's record of the note (`%`, `#`, `&`, `'`, `$\alpha$`, UTF-8 and
    # newlines percent-encoded in the link, urls.data_link; three authors, so listed or not alike)
    tag_ris = (reader_build / "tags/safety/papernotes.ris").read_text(encoding="utf-8")
    (record,) = [r for r in tag_ris.split("\n\n") if "ID  - escape\n" in r]
    assert saved == (record.rstrip("\n") + "\n").encode("utf-8")
    site_ris = saved.decode("utf-8").splitlines()
    assert site_ris[0] == "TY  - RPRT" and "TI  - Braces {x} & 100% Ünïcode: $\\alpha$_test #1" in site_ris
    assert [line for line in ris if line.startswith("AU")] == [line for line in site_ris if line.startswith("AU")] == [
        "AU  - Müller, José", "AU  - 이순신", "AU  - O'Brien, Jr."]
    assert not [line for line in ris if line.startswith(("PY", "DA"))]
    with page.expect_download() as info:
        page.click(".pn-cite .pn-downloads a:text-is('CSL-JSON')")
    assert info.value.suggested_filename == "escape.csl.json"
    tag_csl = (reader_build / "tags/safety/papernotes.csl.json").read_text(encoding="utf-8")
    (line,) = [item for item in tag_csl.split("\n") if '"id": "escape"' in item or '"id":"escape"' in item]
    assert Path(info.value.path()).read_bytes() == f"[\n{line.rstrip(',')}\n]\n".encode("utf-8")  # its quotes kept as they are


def test_the_list_exports_csl_json_as_the_site_describes_its_papers(context, base: str, reader_build: Path) -> None:  # noqa: ANN001
    """Found by a QA pass: tag, author and lab pages offer CSL-JSON, the list only JSON, BibTeX and
    RIS. The list's CSL-JSON gives each paper the title and authors of the site's own CSL-JSON (the
    hostile `escape` note: braces, `%`, accents, a Hangul name, a suffix), and citeproc-py renders it."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    page = context.new_page()
    page.goto(f"{base}tags/safety/")
    save(page, "escape")
    page.goto(f"{base}list/?lang=en")
    (item,) = json.loads(_export(page, "csl"))
    site = next(i for i in json.loads((reader_build / "tags/safety/papernotes.csl.json").read_text(encoding="utf-8")) if i["id"] == "escape")
    assert {k: item[k] for k in ("id", "type", "title", "author")} == {k: site[k] for k in ("id", "type", "title", "author")}
    assert item["note"].endswith("/notes/escape/") and "issued" not in item   # no paper date: none invented
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem("escape")]))
    (rendered,) = [str(entry) for entry in bibliography.bibliography()]
    assert "Müller" in rendered and "Braces" in rendered, rendered


def test_the_list_is_cleared_after_a_question(context, base: str) -> None:  # noqa: ANN001
    """Found by a QA pass: nothing emptied the list but each note's ☆ in turn. "Clear the list" asks
    first (a no keeps everything), then removes every saved note and private note."""
    page = context.new_page()
    page.goto(f"{base}?lang=en")
    save(page, "zeta")
    save(page, "epsilon")
    page.goto(f"{base}list/?lang=en")
    page.wait_for_selector(".pn-rl-items li[data-slug='epsilon']")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("[data-rl-clear]")
    assert set(stored(page)["items"]) == {"zeta", "epsilon"}
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    page.click("[data-rl-clear]")
    page.wait_for_selector(".pn-rl-counts:has-text('0 saved')")
    assert stored(page)["items"] == {} and "2 notes" in questions[0]
    assert page.inner_text(".pn-rl-message") == "Removed 2 notes from your list."


def test_the_lists_english_messages_count_one_note(context, base: str) -> None:  # noqa: ANN001
    """"Exported 1 notes." and "1 notes, read-only" (a one-note list): `fill`'s `{n:one:many}`."""
    page = context.new_page()
    page.goto(f"{base}list/?lang=en")
    said = page.evaluate("""async () => { const { fill } = await import(new URL("../assets/reading-list/text.js", location.href).href);
      return [1, 3].map(n => fill(["노트 {n}개", "Exported {n:note:notes}."], { n })); }""")
    assert said == [["노트 1개", "Exported 1 note."], ["노트 3개", "Exported 3 notes."]]
    page.goto(f"{base}?lang=en")
    save(page, "zeta")
    page.goto(f"{base}list/?lang=en")
    _export(page)
    page.wait_for_function("document.body.innerText.includes('Exported 1 note.')")


def test_the_lists_ris_describes_an_arxiv_paper_as_the_sites_ris_does(context, base: str, reader_build: Path) -> None:  # noqa: ANN001
    """The list's RIS export gave the paper another type (UNPB, the site's RPRT) and no DOI: one
    paper became two kinds of item in a reference manager, by where it was exported from."""
    page = context.new_page()
    page.goto(f"{base}?lang=en")
    save(page, "zeta")
    page.goto(f"{base}list/?lang=en")
    ris = _export(page, "ris").splitlines()
    site = (reader_build / "papernotes.bib").read_text(encoding="utf-8")
    arxiv = next(e for e in site.split("\n@") if "{zeta," in e).split("eprint = {", 1)[1].split("}", 1)[0]
    assert ris[0] == "TY  - RPRT"
    for line in ("PB  - arXiv", f"SN  - arXiv:{arxiv}", f"DO  - 10.48550/arXiv.{arxiv}", f"UR  - https://arxiv.org/abs/{arxiv}",
                 f"L1  - https://arxiv.org/pdf/{arxiv}"):
        assert line in ris, (line, ris)


@pytest.mark.parametrize(("rows", "count", "skipped"), [([1], "0 notes", "1 unreadable entry skipped"),
                                                        ([["ok", "T", "2025-01-01", 0, "2501.00004"], [1], ["//evil.example", "E"]],
                                                         "1 note", "2 unreadable entries skipped")])
def test_a_share_link_says_how_many_of_its_entries_it_could_not_read(context, base: str, rows: list, count: str, skipped: str) -> None:  # noqa: ANN001
    """A fuzzing QA pass: `[1]` showed "0 notes" and `[good, [1]]` "1 note", not a word of the rows
    left out, where a file import says how many it skipped."""
    import base64
    import json

    link = "j" + base64.urlsafe_b64encode(json.dumps(rows).encode()).decode("ascii").rstrip("=")
    page = context.new_page()
    page.goto(f"{base}list/?lang=en#list={link}")
    page.wait_for_selector(".pn-rl-shared .pn-list", state="attached")
    said = page.inner_text(".pn-rl-shared > p")
    assert said.startswith(count) and said.endswith(skipped + "."), said


def test_a_shared_link_opens_read_only_in_a_fresh_profile_and_adds_all(context, browser, base: str) -> None:  # noqa: ANN001
    page = context.new_page()
    page.goto(f"{base}?lang=en")
    save(page, "zeta")
    save(page, "epsilon")
    page.goto(f"{base}notes/particle-a/")
    write_memo(page, "particle-a", "secret thought")
    page.goto(f"{base}list/?lang=en")
    page.click("[data-rl-share]")
    page.wait_for_function("document.querySelector('#pn-rl-share-url').value.includes('#list=')")
    url = page.input_value("#pn-rl-share-url")
    assert "#list=" in url and "?" not in url.split("#")[0]   # nor the sender's ?lang=en
    fresh = browser.new_context()
    requests: list[str] = []
    fresh.on("request", lambda r: requests.append(r.url))
    try:
        pg = fresh.new_page()
        pg.goto(url)
        pg.wait_for_selector(".pn-rl-shared li")
        shared = pg.eval_on_selector_all(".pn-rl-shared li h3", "els => els.map(e => e.textContent)")
        assert sorted(shared) == ["Epsilon: Old-Style Identifier", "Kappa: Particle Test One", "Zeta: Reward Hacking"]
        # Its authors too, once the site's notes have loaded, as on the reader's own list.
        pg.wait_for_selector(".pn-rl-shared li[data-slug='zeta'] .pn-authors")
        assert pg.inner_text(".pn-rl-shared li[data-slug='zeta'] .pn-authors") == "Ada Lovelace, 김철수"
        assert "secret thought" not in pg.content()
        assert stored(pg) is None  # read-only: opening it stored nothing
        pg.click(".pn-rl-shared button")
        pg.wait_for_selector(".pn-rl-shared [role=status]:has-text('Added 3')")
        assert sorted(stored(pg)["items"]) == ["epsilon", "particle-a", "zeta"]
        pg.click(".pn-rl-shared button")
        pg.wait_for_selector(".pn-rl-shared [role=status]:has-text('Added 0')")
    finally:
        fresh.close()
    assert all("#list=" not in r and "list=" not in r.split("#")[0] for r in requests)


def test_adding_a_shared_list_before_the_site_notes_load_keeps_its_message(context, browser, base: str) -> None:  # noqa: ANN001
    """The shared list is drawn again once the site's notes arrive (to mark removed notes); a
    reader on a slow phone who tapped "Add all" before that still sees "Added 2" (the second
    draw wiped it, and a full test run on a loaded machine failed on it), and a keyboard user
    stays on the button."""
    page = context.new_page()
    page.goto(f"{base}?lang=en")
    save(page, "zeta")
    save(page, "epsilon")
    page.goto(f"{base}list/?lang=en")
    page.click("[data-rl-share]")
    page.wait_for_function("document.querySelector('#pn-rl-share-url').value.includes('#list=')")
    url = page.input_value("#pn-rl-share-url")
    fresh = browser.new_context()
    held: list = []
    fresh.route("**/reading-list/index.json", lambda route: held.append(route))  # the site's notes wait until let go
    try:
        pg = fresh.new_page()
        pg.goto(url.replace("#", "?lang=en#", 1))   # a reader who reads English (the link carries no language)
        pg.wait_for_selector(".pn-rl-shared li")
        assert held, "the list page asked for the site's notes"
        pg.focus(".pn-rl-shared button")
        pg.keyboard.press("Enter")
        pg.wait_for_selector(".pn-rl-shared [role=status]:has-text('Added 2')")
        pg.evaluate("window.firstDraw = document.querySelector('.pn-rl-shared ol')")
        held[0].continue_()
        pg.wait_for_function("document.querySelector('.pn-rl-shared ol') !== window.firstDraw")  # drawn again
        assert "Added 2" in pg.inner_text(".pn-rl-shared [role=status]")
        assert pg.evaluate("document.activeElement.matches('.pn-rl-shared button')")  # a keyboard user keeps their place
    finally:
        fresh.close()


def test_blocked_storage_says_so_and_the_page_still_works(browser, base: str) -> None:  # noqa: ANN001
    ctx = browser.new_context()
    ctx.add_init_script(STORAGE_THROWS)
    errors: list[str] = []
    try:
        page = ctx.new_page()
        page.on("pageerror", lambda e: errors.append(page.url))
        # The theme's own scripts throw on such a page too; ours must add no error of their own.
        visit(page, f"{base}archive/?lang=en")
        baseline = len(errors)
        visit(page, f"{base}?lang=en")
        assert len(errors) == 2 * baseline
        save(page, "zeta")
        assert pressed(page, "zeta", "save") == "true"  # kept for this page view
        assert "cannot be stored in this browser" in page.inner_text(".pn-rl-banner")
        page.goto(f"{base}list/?lang=en")
        page.wait_for_selector(".pn-rl-banner")
        assert "cannot be stored" in page.inner_text(".pn-rl-banner")
        page.wait_for_selector(".pn-rl-recs__status:not(:empty)")
        open_search(page)
        page.fill(".pn-search__input", "reward")  # the rest of the site still works
        page.wait_for_selector(".pn-search__results > li")
        assert len(errors) == 3 * baseline
    finally:
        ctx.close()


def test_a_full_storage_says_so_and_keeps_every_change_in_the_page(browser, base: str) -> None:  # noqa: ANN001
    ctx = browser.new_context()
    ctx.add_init_script("""const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) {
          if (k === "papernotes.reading-list") throw new DOMException("full", "QuotaExceededError");
          return set.call(this, k, v); };""")
    try:
        page = ctx.new_page()
        page.goto(f"{base}?lang=en")
        save(page, "zeta")
        save(page, "epsilon")
        assert "Storage is full" in page.inner_text(".pn-rl-banner")
        assert pressed(page, "zeta", "save") == "true" and pressed(page, "epsilon", "save") == "true"
        assert page.inner_text(".pn-rl-news") .startswith("My list (2)")
    finally:
        ctx.close()


def test_an_unreadable_stored_list_is_set_aside_not_lost(context, base: str) -> None:  # noqa: ANN001
    page = context.new_page()
    page.goto(f"{base}?lang=en")
    page.evaluate("localStorage.setItem('papernotes.reading-list', '{oops')")
    page.reload()
    assert "set aside" in page.inner_text(".pn-rl-banner")
    assert page.evaluate("localStorage.getItem('papernotes.reading-list.broken')") == "{oops"
    # A list from a newer site is shown, never overwritten.
    newer = json.dumps({"version": 7, "items": {"zeta": {"slug": "zeta", "title": "Zeta", "state": "read"}}})
    page.evaluate(f"localStorage.setItem('papernotes.reading-list', {json.dumps(newer)})")
    page.reload()
    assert pressed(page, "zeta", "save") == "true"
    save(page, "epsilon")
    assert "newer version" in page.inner_text(".pn-rl-banner")
    assert page.evaluate("localStorage.getItem('papernotes.reading-list')") == newer


def test_slug_hashes_agree_with_python(context, base: str) -> None:  # noqa: ANN001
    page = context.new_page()
    page.goto(f"{base}list/")
    slugs = ["zeta", "a", "2503.01234-kappa", "보상-모델", "über-ß", "x" * 120]
    got = page.evaluate("async (slugs) => { const m = await import('./../assets/reading-list/recommend.js'); return slugs.map(m.slugHash); }", slugs)
    assert got == [slug_hash(s) for s in slugs]


def test_a_buttons_name_says_its_note_in_the_titles_language(context, base: str) -> None:  # noqa: ANN001
    """A button is named "저장: <title>" / "Save: <title>", the title marked with its own language (a
    Korean title was marked `lang="en"`, and a screen reader read it in an English voice), with no
    space before the colon (the shown label beside a hidden ": <title>" was read "저장 : <title>")."""
    page = context.new_page()
    page.goto(f"{base}list/")
    got = page.evaluate("async (titles) => { const m = await import('./../assets/reading-list/text.js'); "
                        "return titles.map((t) => { const s = m.labelFor(['저장', 'Save'], t).lastChild; return [s.textContent, s.lastElementChild.lang]; }); }",
                        ["보상 모델 연구", "Reward models"])
    assert got == [["저장Save: 보상 모델 연구", "ko"], ["저장Save: Reward models", "en"]]
    cdp = context.new_cdp_session(page)
    for lang, words in (("ko", ("저장", "읽음", "메모")), ("en", ("Save", "Read", "Memo"))):
        page.goto(f"{base}notes/zeta/?lang={lang}")
        page.wait_for_selector(".pn-rl__save")
        names = {n.get("name", {}).get("value", "") for n in cdp.send("Accessibility.getFullAXTree")["nodes"]
                 if n.get("role", {}).get("value") == "button"}
        for word in words:
            assert f"{word}: Zeta: Reward Hacking" in names, (word, sorted(names))


def test_recommendations_say_why_and_not_interested_counts_against_similar(context, base: str) -> None:  # noqa: ANN001
    page = context.new_page()
    page.goto(f"{base}notes/zeta/?lang=en")
    save(page, "zeta")  # reward-model
    page.goto(f"{base}list/?lang=en")
    page.wait_for_selector(".pn-rl-recs__items > li")
    recs = page.eval_on_selector_all(".pn-rl-recs__items > li", "els => els.map(e => e.dataset.slug)")
    assert "zeta" not in recs
    reasons = page.inner_text(f".pn-rl-recs__items > li[data-slug='{recs[0]}'] .pn-rl-why")
    tags = next(line for line in reasons.splitlines() if line.startswith("Shared tag"))
    assert "Reward model" in tags and tags.startswith("Shared tag: " if "," not in tags else "Shared tags: "), tags
    assert "Like ‘Zeta: Reward Hacking’, which you saved" in reasons
    page.click(".pn-toggle__button[data-lang=ko]")
    assert "보상 모델" in next(line for line in page.inner_text(f".pn-rl-recs__items > li[data-slug='{recs[0]}'] .pn-rl-why").splitlines()
                           if line.startswith("같은 태그: "))
    # Not interested: the note leaves, and notes sharing only its other tags rank lower.
    first = recs[0]
    page.click(f".pn-rl-recs__items > li[data-slug='{first}'] .pn-rl__dismiss")
    page.wait_for_selector(f".pn-rl-recs__items > li[data-slug='{first}']", state="detached")
    assert first in stored(page)["dismissed"]
    # ... and it can be taken back (there was no way to).
    page.click(".pn-rl-undismiss")
    page.wait_for_selector(f".pn-rl-recs__items > li[data-slug='{first}']")
    assert stored(page)["dismissed"] == {} and not page.is_visible(".pn-rl-undismiss")
    page.click(f".pn-rl-recs__items > li[data-slug='{first}'] .pn-rl__dismiss")
    page.wait_for_selector(f".pn-rl-recs__items > li[data-slug='{first}']", state="detached")
    # The export carries the dismissals, so another browser does not suggest them again.
    assert first in json.loads(_export(page))["dismissed"]
    # Saving a recommendation from the list page moves it into the list.
    second = page.eval_on_selector_all(".pn-rl-recs__items > li", "els => els.map(e => e.dataset.slug)")[0]
    page.click(f".pn-rl-recs__items > li[data-slug='{second}'] .pn-rl__save")
    page.wait_for_selector(f".pn-rl-items > li[data-slug='{second}']")


def test_suggestions_name_whole_terms_never_fragments_or_ordinary_words(browser, bundled_build: Path, serve) -> None:  # noqa: ANN001
    """The phone QA pass saved Think-RM and S-GRPO (☆ 저장 on their pages) and read "같은 용어:
    Bradley" (of Bradley-Terry), "같은 용어: Bench" (of RM-Bench), "같은 용어: absolute", and in
    English "Shared terms: Bradley" for one. Terms are whole names as written, "Shared term" for
    one, each marked with its own language inside the Korean sentence."""
    base = serve(bundled_build)
    terms = json.loads((bundled_build / "reading-list" / "index.json").read_text(encoding="utf-8"))["terms"]
    assert "Bradley-Terry" in terms and not {"Bradley", "Terry", "Bench", "absolute"} & set(terms), terms
    assert not [t for t in terms if t.isalpha() and t.islower()], terms  # no plain lower-case word
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = ctx.new_page()
        for slug in ("think-rm", "s-grpo"):
            visit(page, f"{base}notes/{slug}/?lang=ko")
            save(page, slug)
        visit(page, f"{base}list/?lang=ko")
        page.wait_for_selector(".pn-rl-recs__items > li")
        lines = {lang: page.eval_on_selector_all(f".pn-rl-why > li > [lang={lang}]", "els => els.map(e => e.textContent)")
                 for lang in ("ko", "en")}
        shown = [[t.strip() for t in line.split(":", 1)[1].split(",")] for line in lines["en"] if line.startswith("Shared term")]
        assert any("Bradley-Terry" in words for words in shown), lines
        for line, words in zip((line for line in lines["en"] if line.startswith("Shared term")), shown):
            assert set(words) <= set(terms) and line.startswith("Shared term: " if len(words) == 1 else "Shared terms: "), line
        assert len([line for line in lines["ko"] if line.startswith("같은 용어: ")]) == len(shown), lines
        # The Korean sentence names a glossary term in Korean (the language QA pass read "같은 용어:
        # pre-training"); the same line's English names it as written.
        korean = json.loads((bundled_build / "reading-list" / "index.json").read_text(encoding="utf-8"))["terms_ko"]
        in_korean = {terms[int(i)]: ko for i, ko in korean.items()}
        for ko_line, en_line in zip(lines["ko"], lines["en"]):
            if en_line.startswith("Shared term"):
                words = [t.strip() for t in en_line.split(":", 1)[1].split(",")]
                assert ko_line == "같은 용어: " + ", ".join(in_korean.get(w, w) for w in words), (ko_line, en_line)
        marked = page.eval_on_selector_all(".pn-rl-why > li > [lang=ko] span[lang]", "els => els.map(e => [e.textContent, e.lang])")
        assert ["브래들리-테리", "ko"] in marked and ["AIME", "en"] in marked, marked  # a glossary term in Korean; a name as written
        for line in lines["en"]:
            if line.startswith("Shared tag"):
                assert line.startswith("Shared tags: " if "," in line else "Shared tag: "), line
    finally:
        ctx.close()


def test_pages_without_notes_load_none_of_the_list(context, base: str) -> None:  # noqa: ANN001
    page = context.new_page()
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    for path in ["archive/", "stats/", "browse/", "tags/", "about/"]:
        visit(page, base + path)
    assert [u for u in seen if "reading-list" in u] == []
    visit(page, f"{base}notes/zeta/")
    assert any("assets/reading-list/cards.js" in u for u in seen)
    assert not any("reading-list/index.json" in u for u in seen)  # recommendations' data: the list page only


def test_controls_do_not_shift_the_page_and_are_big_enough_on_phones(browser, base: str) -> None:  # noqa: ANN001
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    ctx.add_init_script(LAYOUT_SHIFT)
    try:
        page = ctx.new_page()
        page.goto(base)
        save(page, "zeta")  # the list page then has items, recommendations and their buttons
        page.click(".pn-rl-news a")
        page.click("[data-rl-share]")
        page.wait_for_function("document.querySelector('#pn-rl-share-url').value.includes('#list=')")
        shared = page.input_value("#pn-rl-share-url")
        # Each visit a new document of the same page, its shifts counted from its start: the shared
        # link (list/#list=...) comes before list/, since from list/ it would only change the fragment.
        assert shared.startswith(base + "list/#list=")
        for path in ["", "notes/zeta/", "tags/reward-model/", "archive/2025/03/01/", shared.removeprefix(base), "list/"]:
            visit(page, base + path)
            assert page.evaluate("window.__pnShift") <= 0.02, path
            sizes = page.eval_on_selector_all(".pn-rl__button", "els => els.map(e => [e.offsetWidth, e.offsetHeight])")
            assert sizes and all(w >= 44 and h >= 44 for w, h in sizes), path
    finally:
        ctx.close()


def test_removed_note_stays_as_gone_and_new_notes_are_marked_until_seen(browser, serve, tmp_path: Path, reader_build: Path) -> None:  # noqa: ANN001
    # A copy of the shared reader site (its data, config and built output): the test changes it.
    # Copied with new times (shutil.copy, not copy2): Chromium would keep serving a page from its
    # cache for a while (a tenth of its Last-Modified age) instead of the rebuilt one.
    root = tmp_path / "site"
    shutil.copytree(reader_build.parent, root, symlinks=True, copy_function=shutil.copy)
    base = serve(root / "site")
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    # Routing turns Chromium's HTTP cache off: the copy's files are seconds old, so a tenth of
    # that age of heuristic freshness could still outlast the rebuild on a loaded machine, and the
    # home page would read the old notes' list (seen once in a full run).
    ctx.route("**/*", lambda route: route.continue_())
    try:
        page = ctx.new_page()
        page.goto(f"{base}?lang=en")
        assert page.locator(".pn-rl-is-new").count() == 0  # first visit: nothing is new
        page.goto(f"{base}notes/particle-b/")
        save(page, "particle-b")
        # The note leaves the site, and a new one arrives on the newest day.
        (root / "data" / "notes" / "2025" / "particle-b.md").unlink()
        (root / "data" / "notes" / "2025" / "fresh.md").write_text(
            READER_NOTES["2025/particle-a.md"].replace("Kappa: Particle Test One", "Omega: Freshly Added")
            .replace("2025-03-01", "2025-04-09").replace("2503.01234", "2504.99999"), encoding="utf-8")
        result = build(root)
        assert result.returncode == 0, result.stderr
        page.goto(f"{base}?lang=en")
        page.wait_for_selector(".pn-rl-is-new")
        assert page.eval_on_selector_all(".pn-rl-is-new", "els => els.map(e => e.dataset.slug)") == ["fresh"]
        assert "1 new since your last visit" in page.inner_text(".pn-rl-news")
        page.locator("article#fresh").scroll_into_view_if_needed()
        page.wait_for_function("JSON.parse(localStorage.getItem('papernotes.reading-list.visits')).seen.fresh === '2025-04-09'")
        page.reload()
        assert page.locator(".pn-rl-is-new").count() == 0  # seen: no longer marked
        page.goto(f"{base}archive/2025/04/09/?lang=en")
        assert page.locator(".pn-rl-is-new").count() == 0  # seen on the home page
        page.goto(f"{base}list/?lang=en")
        page.wait_for_selector(".pn-rl-items .pn-rl-gone")
        item = page.inner_text(".pn-rl-items > li[data-slug='particle-b']")
        assert "Lambda: Humans Rate Outputs" in item and "Removed from the site" in item and "particle-b" in item
        assert page.locator(".pn-rl-items > li[data-slug='particle-b'] a[href*='notes/particle-b']").count() == 0
        assert "1 removed from the site" in page.inner_text(".pn-rl-counts")
    finally:
        ctx.close()
        shutil.rmtree(root / "site", ignore_errors=True)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_problem_with_the_list_in_use(browser, base: str, axe_source: str, scheme: str) -> None:  # noqa: ANN001
    """Saved, read, a private note open, a new-note mark, recommendations and a storage message:
    axe finds nothing serious in either language (in the dark palette: in what it changes, see
    test_pages_a11y.serious)."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    try:
        page = ctx.new_page()
        page.goto(base)
        for lang in ["ko", "en"]:
            page.evaluate("""localStorage.setItem('papernotes.reading-list.visits', JSON.stringify(
                {version: 1, base: '2025-04-09', next: '2025-04-09', seen: {}, at: Date.now()}))""")
            page.goto(f"{base}?lang={lang}")
            page.wait_for_selector(".pn-rl-is-new")
            if not stored(page):
                save(page, "zeta")
                page.click(f"{slot(page, 'epsilon')} .pn-rl__read")
            page.click(f"{slot(page, 'zeta')} .pn-rl__note-toggle")
            page.fill(f"{slot(page, 'zeta')} textarea", "memo")
            open_search(page)
            page.fill(".pn-search__input", "reward")
            page.wait_for_selector(".pn-search__results .pn-rl__save")
            assert serious(page, axe_source, scheme) == [], lang
            page.goto(f"{base}list/?lang={lang}")
            page.wait_for_selector(".pn-rl-recs__items > li")
            page.click("[data-rl-share]")
            page.wait_for_function("document.querySelector('#pn-rl-share-url').value.includes('#list=')")
            assert serious(page, axe_source, scheme) == [], lang
        blocked = ctx.browser.new_context(color_scheme=scheme)
        blocked.add_init_script(STORAGE_THROWS)
        pg = blocked.new_page()
        pg.goto(f"{base}list/?lang=en")
        pg.wait_for_selector(".pn-rl-banner")
        assert serious(pg, axe_source, scheme) == []
        blocked.close()
    finally:
        ctx.close()


def test_ranking_counts_tags_terms_lineage_and_not_interested(context, base: str) -> None:  # noqa: ANN001
    """recommend.js on a made-up index: what each signal does to the order and the reasons."""
    slugs = ["saved", "same-tag-a", "same-tag-b", "shares-term", "builds-on-saved", "unrelated", "disliked"]
    tags_of = [[0, 1], [0], [1], [2], [3], [3], [0]]
    terms_of = [[0], [], [], [0], [], [], []]
    doc = {"schema": "papernotes.reading-list-index/1", "count": len(slugs), "card_shard": 16, "cards": "reading-list/cards/{n}.json",
           "tags": [["a", "가", "Alpha"], ["b", "나", "Beta"], ["c", "다", "Gamma"], ["d", "라", "Delta"]],
           "terms": ["autoencoders"], "ids": "".join(slug_hash(s) for s in slugs), "exact": {},
           "tags_of": ";".join(",".join(map(str, r)) for r in tags_of), "terms_of": ";".join(",".join(map(str, r)) for r in terms_of),
           "lineage_of": ";".join(["", "", "", "", "0", "", ""])}
    page = context.new_page()
    page.goto(f"{base}list/")
    ranked = page.evaluate("""async ([doc, dismissed]) => {
        const m = await import('./../assets/reading-list/recommend.js');
        const site = new m.SiteNotes(doc);
        const run = (d) => m.recommend(site, [{slug: 'saved', state: 'to-read'}], d).map(r =>
            ({slug: r.position, score: r.score, tags: r.tags.map(t => doc.tags[t][0]),
              terms: r.terms.map(t => doc.terms[t]), lineage: r.lineage, like: r.like}));
        return [run([]), run(dismissed)];
    }""", [doc, ["disliked"]])
    before, after = ([dict(r, slug=slugs[r["slug"]]) for r in run] for run in ranked)
    assert before[0]["slug"] == "builds-on-saved" and before[0]["lineage"] == ["saved"] and before[0]["tags"] == []
    assert {r["slug"] for r in before} == {"builds-on-saved", "same-tag-a", "same-tag-b", "shares-term", "disliked"}
    assert next(r for r in before if r["slug"] == "shares-term")["terms"] == ["autoencoders"]
    assert all(r["like"] == "saved" for r in before if r["slug"] != "builds-on-saved")
    # "Not interested" in a note tagged "a": it leaves, the other "a" note scores less, a "b" note the same.
    score = lambda run, slug: next((r["score"] for r in run if r["slug"] == slug), 0.0)
    assert "disliked" not in [r["slug"] for r in after]
    assert score(after, "same-tag-a") < score(before, "same-tag-a")
    assert score(after, "same-tag-b") == score(before, "same-tag-b")


def test_the_list_names_each_saved_notes_authors_as_other_lists_do(context, base: str, reader_build: Path) -> None:  # noqa: ANN001
    """My list showed a saved note's title, dates and tags but no author, where every other list
    names them: the first authors (the rest counted), linked to their pages where they have one,
    from the card the list already fetches (no page carries them in its slots)."""
    page = context.new_page()
    page.goto(f"{base}?lang=en")
    save(page, "zeta")
    page.goto(f"{base}tags/safety/?lang=en")
    save(page, "escape")
    page.goto(f"{base}list/?lang=en")
    page.wait_for_selector(".pn-rl-items li[data-slug='escape'] .pn-authors")
    page.wait_for_selector(".pn-rl-items li[data-slug='zeta'] .pn-authors")
    names = {slug: page.eval_on_selector(f".pn-rl-items li[data-slug='{slug}'] .pn-authors",
                                         "s => [s.textContent, [...s.querySelectorAll('a')].map(a => [a.textContent, a.getAttribute('href')])]")
             for slug in ("zeta", "escape")}
    assert names["zeta"][0] == "Ada Lovelace, 김철수"
    assert [n for n, _ in names["zeta"][1]] == ["Ada Lovelace", "김철수"]
    for _, href in names["zeta"][1]:   # each link leads to a page of the site
        assert (reader_build / unquote(href).strip("/") / "index.html").is_file(), href
    assert names["escape"][0] == "José Müller; 이순신; O'Brien, Jr."   # a name with a comma: `; ` between, as on every list
    assert page.eval_on_selector(".pn-rl-items li[data-slug='zeta'] .pn-authors a", "a => a.lang") == "en"


def test_the_scripts_mark_a_names_language_as_the_pages_do(context, base: str) -> None:  # noqa: ANN001
    """The reading list and the search results wrote a name in another script (张伟, محمد علي)
    lang="en", where the pages write lang="" (unknown): a screen reader read it with an English
    voice. Both now use dom.js's `langOf`, which agrees with the pages' `text_lang`."""
    from papernotes.pages.fragments import text_lang

    texts = ["Ada Lovelace", "José Müller", "김민지", "Minji Kim (김민지)", "GPT-4o", "محمد علي", "דוד כהן", "张伟",
             "Ελένη Παππά", "محمد علي (Mohamed Ali)", "2024", "강"]
    page = context.new_page()
    page.goto(f"{base}?lang=en")
    marked = page.evaluate("async ([url, texts]) => { const m = await import(url); return texts.map(t => m.langOf(t)); }",
                           [f"{base}assets/dom.js", texts])
    assert marked == [text_lang(t) for t in texts]
    assert marked[5:8] == ["", "", ""] and marked[2] == "ko"


def test_search_results_can_be_saved_and_the_list_page_completes_them(context, base: str) -> None:  # noqa: ANN001
    page = context.new_page()
    page.goto(f"{base}notes/zeta/?lang=en")
    save(page, "zeta")
    open_search(page)
    page.fill(".pn-search__input", "hacking")
    page.wait_for_selector(".pn-search__results .pn-rl__save")
    assert page.get_attribute(".pn-search__results li:has(a[href*='notes/zeta']) .pn-rl__save", "aria-pressed") == "true"
    open_search(page)
    page.fill(".pn-search__input", "particle")
    page.wait_for_selector(".pn-search__results li:has(a[href*='notes/particle-a']) .pn-rl__save")
    page.click(".pn-search__results li:has(a[href*='notes/particle-a']) .pn-rl__save")
    assert stored(page)["items"]["particle-a"]["tags"] == []  # a result knows only title and date
    assert stored(page)["items"]["zeta"]["tags"] == ["reward-model", "rl", "safety"]  # untouched by its result
    page.goto(f"{base}list/?lang=en")
    page.wait_for_function("JSON.parse(localStorage.getItem('papernotes.reading-list')).items['particle-a'].arxiv === '2503.01234'")
    assert stored(page)["items"]["particle-a"]["tags"] == ["reward-model"]


@pytest.mark.parametrize("path", ["tags/", "about/", "authors/", "labs/", "archive/", "browse/", "stats/", "contributing/", "list/"])
def test_search_results_have_the_list_buttons_on_every_page(context, base: str, path: str) -> None:  # noqa: ANN001
    """Results had Save, Read and Note only on the pages that show notes (home, tag, note pages:
    their cards.js gave results theirs); searched from the tag index, the about page, the archive,
    even the list page, no result had them, though the contributors' guide says results do. The
    box now loads the list's buttons with the results, on every page; on the list page a result
    saved joins the list at once (one store for the page)."""
    page = context.new_page()
    visit(page, f"{base}{path}?lang=en")
    open_search(page)
    page.fill(".pn-search__input", "reward")
    page.wait_for_selector(".pn-search__results > li")
    results = page.locator(".pn-search__results > li")
    assert results.count() >= 2
    for i in range(results.count()):   # each result has its buttons as it appears
        assert results.nth(i).locator(".pn-rl__save, .pn-rl__read, .pn-rl__note-toggle").count() == 3
    if path == "list/":
        page.click(".pn-search__results li:has(a[href*='notes/zeta']) .pn-rl__save")
        page.wait_for_selector(".pn-rl-items > li[data-slug='zeta']")
        assert stored(page)["items"]["zeta"]["state"] == "to-read"


HEADING_ORDER = """async () => (await axe.run(document, {runOnly: {type: "rule", values: ["heading-order"]}}))
    .violations.flatMap(v => v.nodes.map(n => n.target.join(" ")))"""
OUTLINE = """() => [...document.querySelectorAll("article :is(h1, h2, h3)")].filter(h => h.checkVisibility()
    || h.closest(".pn-rl-hidden")).map(h => h.tagName + " " + h.innerText.trim().split("\\n")[0])"""


def test_the_lists_headings_go_down_one_level_at_a_time(context, base: str, axe_source: str) -> None:  # noqa: ANN001
    """Found by a QA pass (axe's heading-order, WCAG 1.3.1): the saved notes were h3 right under
    the page's h1, with no h2 of their own (the shared list and the recommendations have theirs).
    An h2 that only screen readers see names them now, in either language; the page looks the same."""
    page = context.new_page()
    page.goto(f"{base}notes/zeta/?lang=ko")
    save(page, "zeta")
    page.goto(f"{base}list/?lang=ko")
    page.wait_for_selector(".pn-rl-items li[data-slug='zeta']")
    page.wait_for_selector(".pn-rl-recs__items > li")
    page.add_script_tag(content=axe_source)
    for lang, heading in (("ko", "H2 저장한 노트"), ("en", "H2 Saved notes")):
        page.click(f".pn-toggle__button[data-lang={lang}]")
        assert page.evaluate(HEADING_ORDER) == [], lang
        outline = page.evaluate(OUTLINE)
        assert outline[:3] == ["H1 " + ("내 목록" if lang == "ko" else "My list"), heading, "H3 Zeta: Reward Hacking"], outline
        # Seen by screen readers only: one pixel, clipped.
        assert page.locator("#pn-rl-saved-title").bounding_box()["height"] <= 1


FOCUSED_ROW = """() => { const a = document.activeElement, li = a.closest('.pn-rl-items > li');
    return [li ? li.dataset.slug : a.className, a.matches('.pn-rl__save') ? 'save' : a.matches('.pn-rl__read') ? 'read' : a.tagName]; }"""


def test_a_row_taken_off_the_list_hands_the_focus_to_its_neighbour(context, base: str) -> None:  # noqa: ANN001
    """Found by a QA pass (WCAG 2.4.3): Enter on a row's "★ 저장" took the row off the list and the
    focus fell to <body>, the keyboard back at the top of the page. It goes to the same button of
    the next row, else of the row before, else to the counts line; so when "○ 읽음" takes a row
    out of a list showing only the notes to read."""
    page = context.new_page()
    page.goto(f"{base}?lang=ko")
    for slug in ("zeta", "epsilon", "particle-a", "escape"):   # listed newest saved first: escape, particle-a, epsilon, zeta
        page.goto(f"{base}notes/{slug}/?lang=ko")
        save(page, slug)
    page.goto(f"{base}list/?lang=ko")
    page.wait_for_selector(".pn-rl-items li[data-slug='zeta']")
    rows = "() => [...document.querySelectorAll('.pn-rl-items > li[data-slug]')].map(li => li.dataset.slug)"
    assert page.evaluate(rows) == ["escape", "particle-a", "epsilon", "zeta"]
    page.focus(f"{slot(page, 'particle-a')} .pn-rl__save")
    page.keyboard.press("Enter")
    page.wait_for_function(f"!({rows})().includes('particle-a')")
    assert page.evaluate(FOCUSED_ROW) == ["epsilon", "save"]
    page.keyboard.press("Enter")   # the last but one: the next is the last
    page.wait_for_function(f"!({rows})().includes('epsilon')")
    assert page.evaluate(FOCUSED_ROW) == ["zeta", "save"]
    # Read, with only the notes to read shown: the row leaves; the last row's focus goes back.
    page.select_option("#pn-rl-state", "to-read")
    page.focus(f"{slot(page, 'zeta')} .pn-rl__read")
    page.keyboard.press("Enter")
    page.wait_for_function(f"({rows})().join() === 'escape'")
    assert page.evaluate(FOCUSED_ROW) == ["escape", "read"]
    page.keyboard.press(" ")   # no row left: the counts line, which says so
    page.wait_for_function(f"({rows})().length === 0")
    assert page.evaluate("document.activeElement.matches('.pn-rl-counts')")
    assert page.evaluate("document.activeElement.innerText") == "전체 2 · 읽을 것 0 · 읽음 2 (표시 0)"


FOCUSED_REC = """() => { const a = document.activeElement, li = a.closest('.pn-rl-recs__items > li');
    return li ? [[...li.parentNode.children].indexOf(li), li.dataset.slug, a.className.split(' ').pop()] : [a.className]; }"""


def test_a_control_pressed_in_the_recommendations_keeps_the_focus(context, base: str) -> None:  # noqa: ANN001
    """Found by a QA pass (WCAG 2.4.3): under "이런 노트는 어떨까요", Enter on ☆ 저장 or ○ 읽음 drew
    the suggestions again without the note, and the focus fell to <body> ("관심 없음" kept it).
    Each keeps it now on the same button of the suggestion in the note's place; "undo" on the
    status line, which stays."""
    page = context.new_page()
    page.goto(f"{base}notes/zeta/?lang=ko")
    save(page, "zeta")
    page.goto(f"{base}list/?lang=ko")
    page.wait_for_selector(".pn-rl-recs__items > li")
    recs = "() => [...document.querySelectorAll('.pn-rl-recs__items > li')].map(li => li.dataset.slug)"
    for button in ("save", "read", "dismiss"):
        first = page.evaluate(recs)[0]
        page.focus(f".pn-rl-recs__items > li[data-slug='{first}'] .pn-rl__{button}")
        page.keyboard.press("Enter")
        page.wait_for_function(f"!({recs})().includes({first!r})")
        focused = page.evaluate(FOCUSED_REC)   # [place, note, button], or [the class] outside a suggestion
        assert focused[0::2] == [0, f"pn-rl__{button}"] and focused[1] != first, (button, focused)
    assert stored(page)["items"].keys() >= {"zeta"} and len(stored(page)["items"]) == 3
    page.focus(".pn-rl-undismiss")
    page.keyboard.press("Enter")
    page.wait_for_function("!document.querySelector('.pn-rl-undismiss')")
    assert page.evaluate(FOCUSED_REC) == ["pn-rl-recs__status"]


def test_a_memo_is_kept_when_the_page_is_left_at_once(context, base: str) -> None:  # noqa: ANN001
    """Found by a QA pass: a memo typed and the page left within the pause before it is stored
    (a link followed, Back, the tab closed) was lost."""
    page = context.new_page()
    page.goto(f"{base}notes/zeta/?lang=en")
    page.evaluate("localStorage.clear()")
    page.reload()
    page.click(f"{slot(page, 'zeta')} .pn-rl__note-toggle")
    page.locator(f"{slot(page, 'zeta')} textarea").press_sequentially("quick memo")
    page.goto(f"{base}notes/particle-a/?lang=en")     # at once: no blur, no pause
    assert stored(page)["items"]["zeta"]["note"] == "quick memo"


def test_lists_too_long_or_named_like_objects_properties_are_said_and_change_nothing(context, base: str, tmp_path: Path) -> None:  # noqa: ANN001
    """Found by a QA pass: 100,000 entries froze the page for 103 s (each was looked for in the
    whole list) and a list page of 20,000 took 27 s to draw; a slug `constructor` or `toString`
    threw (the list read the Object's own property); a share link showed any title for a note
    the site has; the Korean message for a file that is not JSON carried the browser's English."""
    page = context.new_page()
    page.goto(f"{base}list/?lang=en")
    page.evaluate("localStorage.clear()")
    page.reload()

    def imported(name: str, content: str, says: str) -> str:
        (tmp_path / name).write_text(content, encoding="utf-8")
        page.set_input_files("#pn-rl-import", str(tmp_path / name))
        page.wait_for_selector(f".pn-rl-message:has-text({json.dumps(says)})", timeout=30000)
        return page.inner_text(".pn-rl-message")

    many = {"schema": "papernotes.reading-list/1", "version": 1, "items": [{"slug": f"s{i}"} for i in range(5001)]}
    assert "a reading list holds at most 5,000" in imported("many.json", json.dumps(many), "5,001 papers")
    assert stored(page) is None
    odd = {"schema": "papernotes.reading-list/1", "version": 1,
           "items": [{"slug": s} for s in ("constructor", "toString", "hasOwnProperty", "zeta")]}
    imported("odd.json", json.dumps(odd), "4 added")
    assert sorted(stored(page)["items"]) == ["constructor", "hasOwnProperty", "toString", "zeta"]
    page.reload()
    page.wait_for_selector(".pn-rl-items li[data-slug='constructor']")
    # 4,996 more make 5,000 (the most); one more is refused, and the list stays as it was.
    imported("fill.json", json.dumps({**many, "items": many["items"][:4996]}), "4,996 added")
    assert "at most 5,000" in imported("one-more.json", json.dumps({**many, "items": [{"slug": "one-more"}]}), "5,001 papers")
    assert len(stored(page)["items"]) == 5000
    page.evaluate("localStorage.clear()")
    # A share link of a note the site has, with another title: the site's own.
    rows = [["zeta", "FAKE TITLE: call now", "2024-12-24", 0, ""]]
    code = "j" + page.evaluate("s => btoa(unescape(encodeURIComponent(s))).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '')", json.dumps(rows))
    page.goto(f"{base}list/?lang=en#list={code}")
    page.wait_for_selector(".pn-rl-shared li[data-slug='zeta'] .pn-authors")
    assert page.inner_text(".pn-rl-shared li[data-slug='zeta'] h3") == "Zeta: Reward Hacking"
    too_many = "j" + page.evaluate("s => btoa(s).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '')",
                                   json.dumps([[f"s{i}", "t", "", 0, ""] for i in range(5001)]))
    page.goto(f"{base}list/?lang=en#list={too_many}")
    page.wait_for_selector(".pn-rl-shared [role=alert]:has-text('at most 5,000')")
    page.goto(f"{base}list/?lang=ko")
    (tmp_path / "bad.json").write_text("not json", encoding="utf-8")
    page.set_input_files("#pn-rl-import", str(tmp_path / "bad.json"))
    page.wait_for_selector(".pn-rl-message:has-text('JSON 파일이 아닙니다')")
    assert "Unexpected" not in page.locator(".pn-rl-message [lang=ko]").inner_text()


def test_a_list_items_meta_line_has_one_dot_between_parts(context, base: str, tmp_path: Path) -> None:  # noqa: ANN001
    """A QA pass: an imported note the site no longer has, without a date, showed "Removed from the
    site (constructor) · · saved 2026-12-07"; so did any note without tags."""
    page = context.new_page()
    page.goto(f"{base}list/?lang=en")
    items = [{"slug": "gone-one", "title": "Gone"}, {"slug": "gone-two", "title": "Dated", "date": "2025-01-02"}]
    (tmp_path / "few.json").write_text(json.dumps({"schema": "papernotes.reading-list/1", "version": 1, "items": items}), encoding="utf-8")
    page.set_input_files("#pn-rl-import", str(tmp_path / "few.json"))
    page.wait_for_selector(".pn-rl-message:has-text('2 added')")
    texts = page.eval_on_selector_all(".pn-rl-items li .pn-meta", "els => els.map(e => e.textContent)")
    assert len(texts) == 2 and not [t for t in texts if re.search("\u00b7\\s*\u00b7", t)], texts


def test_on_a_phone_a_list_items_dots_keep_to_what_follows_them(browser, base: str) -> None:  # noqa: ANN001
    """My list's meta line on a phone broke after a " ·": a lone dot ended the line before "저장
    2026-12-07" (a phone QA pass). Each dot keeps to what follows it."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        for slug in ("zeta", "particle-a"):
            page.goto(f"{base}notes/{slug}/?lang=ko")
            save(page, slug)
        page.goto(f"{base}list/?lang=ko")
        page.wait_for_selector(".pn-rl-items li[data-slug='zeta']")
        texts = page.eval_on_selector_all(".pn-rl-items li .pn-meta", "els => els.map(e => e.textContent)")
        # No dot followed by a breaking space: each is " ·" then a no-break space, which keeps it on
        # the line of what follows (the date, "논문 ...", a tag, "저장 ...").
        assert texts and all("\u00b7 " not in t for t in texts), texts
        assert all("\u00b7\u00a0저장" in t for t in texts), texts
    finally:
        context.close()


def test_a_list_holding_object_words_as_slugs_keeps_its_recommendations(context, base: str, tmp_path: Path) -> None:  # noqa: ANN001
    """A QA pass: an import or share link with an entry `constructor` (or `__proto__`, `toString`)
    made the recommendations fail on every load of the list page (`slug in` found Object's own)."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}notes/zeta/?lang=en")
    save(page, "zeta")
    page.goto(f"{base}list/?lang=en")
    items = [{"slug": s, "title": "Great paper", "state": "to-read", "tags": [], "note": ""} for s in ("constructor", "toString", "hasOwnProperty")]
    (tmp_path / "proto.json").write_text(json.dumps({"schema": "papernotes.reading-list/1", "version": 1, "items": items}), encoding="utf-8")
    page.set_input_files("#pn-rl-import", str(tmp_path / "proto.json"))
    page.wait_for_selector(".pn-rl-message:has-text('3 added')")
    page.reload()
    page.wait_for_selector(".pn-rl-recs__items > li")
    assert errors == []


def test_a_memo_pasted_past_its_limit_says_the_end_was_not_kept(page, base: str) -> None:  # noqa: ANN001
    """A memo holds 20,000 characters (the store cuts an imported one there): a paste past it was
    cut by the box without a word (a QA pass lost the end of a pasted article)."""
    page.goto(f"{base}notes/zeta/?lang=en")
    save(page, "zeta")
    page.click(f"{slot(page, 'zeta')} .pn-rl__note-toggle")
    page.focus(f"{slot(page, 'zeta')} textarea")
    page.keyboard.insert_text("a" * 19990 + "THE END IS HERE")   # a paste: the box takes what fits
    page.keyboard.press("Tab")
    done = page.inner_text(f"{slot(page, 'zeta')} .pn-rl__done")
    assert "20,000 characters" in done and "not kept" in done, done
    stored = page.evaluate("JSON.parse(localStorage.getItem('papernotes.reading-list')).items.zeta.note")
    assert len(stored) == 20000 and stored.endswith("THE END IS")
    page.fill(f"{slot(page, 'zeta')} textarea", "short again")   # the editor is still open
    page.keyboard.press("Tab")
    assert page.inner_text(f"{slot(page, 'zeta')} .pn-rl__done") == "Memo saved"


def test_a_memo_that_could_not_be_stored_is_not_said_saved_and_titles_stay_one_line(browser, base: str, tmp_path: Path) -> None:  # noqa: ANN001
    """A QA pass: with the storage full, "Memo saved" showed under a memo the browser had not kept
    (and a banner said storage was full); a title with a line break from an import made a record of
    its own in the RIS export."""
    ctx = small_storage(browser)
    try:
        page = ctx.new_page()
        page.goto(f"{base}notes/zeta/?lang=en")
        save(page, "zeta")
        write_memo(page, "zeta", "short")
        assert page.inner_text(f"{slot(page, 'zeta')} .pn-rl__done") == "Memo saved"
        page.fill(f"{slot(page, 'zeta')} textarea", "long " * 700)   # the editor is still open
        page.keyboard.press("Tab")
        assert "could not be stored" in page.inner_text(f"{slot(page, 'zeta')} .pn-rl__done")
    finally:
        ctx.close()
    ctx = browser.new_context()
    try:
        page = ctx.new_page()
        page.goto(f"{base}list/?lang=en")
        item = {"slug": "gone-note", "title": "Line1\nTY  - JOUR\nTI  - injected", "state": "to-read", "tags": ["a\nb"], "note": ""}
        (tmp_path / "lines.json").write_text(json.dumps({"schema": "papernotes.reading-list/1", "version": 1, "items": [item]}), encoding="utf-8")
        page.set_input_files("#pn-rl-import", str(tmp_path / "lines.json"))
        page.wait_for_selector(".pn-rl-message:has-text('1 added')")
        ris = _export(page, "ris")
        assert [line[:6] for line in ris.splitlines()].count("TY  - ") == 1 and "\nTI  - injected" not in ris, ris
    finally:
        ctx.close()


def test_an_imported_site_note_shows_the_sites_title_at_once_and_repeats_are_merged(context, base: str, tmp_path: Path) -> None:  # noqa: ANN001
    """A QA pass: right after an import, a note the site has showed the file's title and tags
    ("HACKED TITLE", until a reload); a note listed twice was counted "unreadable"."""
    page = context.new_page()
    page.goto(f"{base}list/?lang=en")
    page.wait_for_selector(".pn-rl-recs")   # the site's notes loaded
    zeta = {"slug": "zeta", "title": "HACKED TITLE", "tags": ["hacked"], "state": "to-read", "note": "FIRST"}
    # (each memo of a note listed twice is kept, as when an import meets a stored one: the first was dropped)
    (tmp_path / "twice.json").write_text(json.dumps({"schema": "papernotes.reading-list/1", "version": 1,
                                                     "items": [zeta, {**zeta, "note": "SECOND", "state": "read"}]}), encoding="utf-8")
    page.set_input_files("#pn-rl-import", str(tmp_path / "twice.json"))
    page.wait_for_selector(".pn-rl-message:has-text('1 added')")
    message = page.inner_text(".pn-rl-message")
    assert "1 repeated entries merged" in message and "unreadable" not in message, message
    assert stored(page)["items"]["zeta"]["note"] == "FIRST\n\nSECOND" and stored(page)["items"]["zeta"]["state"] == "read"
    page.wait_for_function("() => !document.querySelector('.pn-rl-items').textContent.includes('HACKED')")
    assert "Zeta: Reward Hacking" in page.inner_text(".pn-rl-items") and "hacked" not in page.inner_text(".pn-rl-items")


def test_a_long_list_is_drawn_a_hundred_at_a_time_and_the_export_is_a_link_away(context, base: str) -> None:  # noqa: ANN001
    """A QA pass at 10,000 notes: a list of 300 put the export 100,000 px down the page, and one of
    5,000 (the most a list holds) took 6 s to draw and 13 s to filter on a phone. The list draws
    100 rows, then "Show 100 more" draws the next (the keyboard going on at the first added); a
    filter starts again from the first rows, its count all the notes it matches; the intro's
    "export it below" is a link to the export."""
    items = {f"kept-{k:03d}": {"slug": f"kept-{k:03d}", "title": f"Kept {k:03d}", "state": "read" if k % 2 else "to-read",
                               "saved": f"2025-01-01T00:00:{k % 60:02d}.{k:03d}Z"} for k in range(250)}
    page = context.new_page()
    page.goto(f"{base}list/?lang=en")
    page.evaluate("doc => localStorage.setItem('papernotes.reading-list', JSON.stringify(doc))", {"version": 1, "items": items})
    page.reload()
    rows = "li[data-slug]"
    page.wait_for_function("n => document.querySelectorAll('.pn-rl-items > li[data-slug]').length === n", arg=100)
    assert page.inner_text(".pn-rl-more") == "Show 100 more (150 left)"
    page.click(".pn-rl-more")
    assert page.locator(f".pn-rl-items > {rows}").count() == 200
    assert page.evaluate("document.activeElement.closest('li').dataset.slug") == page.eval_on_selector_all(
        f".pn-rl-items > {rows}", "els => els[100].dataset.slug")
    page.click(".pn-rl-more")
    assert page.locator(f".pn-rl-items > {rows}").count() == 250 and not page.is_visible(".pn-rl-more")
    page.select_option("#pn-rl-state", "read")
    assert page.locator(f".pn-rl-items > {rows}").count() == 100
    assert "(showing 125)" in page.inner_text(".pn-rl-counts") and page.inner_text(".pn-rl-more") == "Show 25 more (25 left)"
    page.click('.md-typeset a[href="#export"] >> visible=true')
    page.wait_for_function("location.hash === '#export'")
