"""Every URL comes from papernotes.urls; these tables pin them down (Korean included)."""

from __future__ import annotations

import datetime as dt

import pytest

from papernotes.catalog import urls

SOURCES = [
    (urls.home(), "index.md", ""),
    (urls.note("adv-rm"), "notes/adv-rm.md", "notes/adv-rm/"),
    (urls.note("2504.06141"), "notes/2504.06141.md", "notes/2504.06141/"),
    (urls.tag_index(), "tags/index.md", "tags/"),
    (urls.tag_index(2), "tags/_/2.md", "tags/_/2/"),
    (urls.tag("reward-model"), "tags/reward-model.md", "tags/reward-model/"),
    (urls.tag("reward-model", 2), "tags/reward-model/page/2.md", "tags/reward-model/page/2/"),
    (urls.archive(), "archive/index.md", "archive/"),
    (urls.year(2025), "archive/2025/index.md", "archive/2025/"),
    (urls.month(2025, 4), "archive/2025/04/index.md", "archive/2025/04/"),
    (urls.day(dt.date(2025, 4, 9)), "archive/2025/04/09.md", "archive/2025/04/09/"),
]


@pytest.mark.parametrize("src, expected_src, expected_url", SOURCES)
def test_sources_and_urls(src: str, expected_src: str, expected_url: str) -> None:
    assert src == expected_src
    assert urls.src_to_url(src) == expected_url


RELATIVE = [
    ("index.md", "tags/index.md", "tags/"),
    ("index.md", "index.md", "./"),
    ("notes/adv-rm.md", "index.md", "../../"),
    ("notes/adv-rm.md", "tags/reward-model.md", "../../tags/reward-model/"),
    ("notes/adv-rm.md", "archive/2025/04/09.md", "../../archive/2025/04/09/"),
    ("archive/2025/04/09.md", "archive/2025/04/10.md", "../10/"),
    ("archive/2025/04/index.md", "archive/2025/index.md", "../"),
    ("tags/reward-model/page/2.md", "tags/reward-model.md", "../../"),
    ("tags/reward-model.md", "tags/reward-model/page/2.md", "page/2/"),
    ("tags/_/2.md", "tags/reward-model.md", "../../reward-model/"),
    ("tags/index.md", "tags/_/2.md", "_/2/"),
    ("archive/2025/04/09.md", "notes/adv-rm.md", "../../../../notes/adv-rm/"),
    # Korean text in a target is percent-encoded, so the link works on any host.
    ("index.md", "notes/보상.md", "notes/%EB%B3%B4%EC%83%81/"),
    ("notes/a.md", "feed.xml", "../../feed.xml"),
]


@pytest.mark.parametrize("here, target, expected", RELATIVE)
def test_relative_links(here: str, target: str, expected: str) -> None:
    assert urls.relative(here, target) == expected


PAPER_LINKS = [
    ("2504.06141", "https://arxiv.org/abs/2504.06141", "https://arxiv.org/pdf/2504.06141", "https://huggingface.co/papers/2504.06141"),
    ("cs/0112017", "https://arxiv.org/abs/cs/0112017", "https://arxiv.org/pdf/cs/0112017", None),
]


@pytest.mark.parametrize("arxiv, abs_url, pdf_url, hf_url", PAPER_LINKS)
def test_paper_links(arxiv: str, abs_url: str, pdf_url: str, hf_url: str | None) -> None:
    assert (urls.arxiv_abs(arxiv), urls.arxiv_pdf(arxiv), urls.hf_paper(arxiv)) == (abs_url, pdf_url, hf_url)


def test_reserved_tag_slugs_are_the_generated_pages_a_tag_page_would_overwrite() -> None:
    from papernotes.schema import RESERVED_TAG_SLUGS
    assert RESERVED_TAG_SLUGS, "the tag index needs a reserved slug"
    for slug in RESERVED_TAG_SLUGS:
        assert urls.tag(slug) == urls.tag_index(), slug


DATA_TEXTS = [
    'TY  - RPRT\nTI  - Braces {x} & 100% Ünïcode: $\\alpha$_test #1\nAU  - O\'Brien, Jr.\nER  - \n',
    '[{"title": "<b>x</b> &amp; 50%25 \\"q\\" ?a=1#f", "note": "tab\there\r\nend"}]\n',
    "  leading and trailing spaces  ",
    "   ",
    "\x00\x1f\x7f",
]


@pytest.mark.parametrize("text", DATA_TEXTS)
def test_a_data_link_keeps_its_text_and_encodes_only_what_a_url_or_a_single_quoted_attribute_would_read(text: str) -> None:
    """The body is the text itself but for `%`, `#`, controls, `&`, `'`, `<`, `>` and spaces at
    either end, percent-encoded: what a browser percent-decodes back to the text's UTF-8 bytes.
    (The old base64 body was a third longer than the text: `test_a_data_link_costs_about_its_text`.)"""
    from urllib.parse import unquote_to_bytes

    link = urls.data_link("csl", text)
    head, _, body = link.partition(",")
    assert head == "data:application/vnd.citationstyles.csl+json;charset=utf-8"  # no ;base64
    assert unquote_to_bytes(body) == text.encode("utf-8")
    assert not set(body) & set("#&'<>\t\r\n\x00\x7f"), body  # nothing a URL parser or the attribute reads
    assert body == body.strip(" ") and body.count("%") == sum(body.count(f"%{c:02X}") for c in (*range(0x21), 0x7F, *b"%#&'<>"))
    assert "Ünïcode" not in text or "Ünïcode" in body  # UTF-8 kept as it is, under charset=utf-8


def test_a_data_link_costs_about_its_text() -> None:
    """CSL-JSON's quotes and RIS's text stay as they are: the link is the text and a few bytes,
    where base64 made it a third longer."""
    csl = '[{"id": "a", "type": "report", "title": "Müller\'s method", "author": [{"family": "Kim", "given": "Minji"}]}]\n'
    ris = "TY  - RPRT\nTI  - A title\nAU  - Kim, Minji\nER  - \n"
    body = urls.data_link("csl", csl).partition(",")[2]
    assert len(body) == len(csl) + 2 + 2  # `'` and the newline as %27 and %0A; base64 was 148 characters for these 110 bytes
    assert len(urls.data_link("ris", ris).partition(",")[2]) == len(ris) + 4 * 2  # each newline as %0A
    assert urls.data_link("ris", ris).endswith(",TY  - RPRT%0ATI  - A title%0AAU  - Kim, Minji%0AER  - %0A")
