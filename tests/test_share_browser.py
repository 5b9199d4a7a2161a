"""The "copy this day as a post" button, in Chromium."""

from __future__ import annotations

from typing import TYPE_CHECKING
from pathlib import Path

import pytest

from conftest import BUNDLED_ROOT
from papernotes.cli.main import main
from papernotes.source.tree import load_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser
    from conftest import Serve

pytestmark = pytest.mark.browser


def test_copy_button_puts_the_days_post_on_the_clipboard(browser: Browser, bundled_build: Path, serve: Serve, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    day = load_site(BUNDLED_ROOT).notes[0].date
    assert main(["post", day.isoformat(), "--root", str(BUNDLED_ROOT)]) == 0
    printed = capsys.readouterr().out
    base = serve(bundled_build)
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(base + f"archive/{day:%Y/%m/%d}/")
        button = page.locator(".pn-post-copy")
        assert button.is_visible()  # shown once the script runs; the post itself stays folded
        assert not page.locator(".pn-post").is_visible()
        page.screenshot(path=str(tmp_path / "day.png"))
        button.click()
        page.wait_for_selector('.pn-post-copy[data-state="copied"]')
        assert page.evaluate("navigator.clipboard.readText()") == printed
        page.click(".pn-post-wrap summary")
        assert page.locator(".pn-post").is_visible()
    finally:
        context.close()
