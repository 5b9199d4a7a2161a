"""Invisible and direction-changing characters, which have no business in names and titles.

A zero-width space makes `rl` and `rl\u200b` two different tags that look the same; a
right-to-left override (U+202E) makes a title read differently from what it contains;
Hangul fillers (U+3164) render as nothing. We refuse them wherever a value names something
(titles, authors, tags, slugs, labels) instead of silently deleting them, so nothing a
contributor wrote is changed without their knowing.
"""

from __future__ import annotations

import re
import unicodedata
from html import unescape

# Unicode's Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt), which include
# every zero-width and bidi-control character and the Hangul fillers, plus a few visible-
# looking blanks. U+FE0E/U+FE0F (text/emoji presentation selectors) are left out on purpose:
# they only choose how an emoji is drawn.
_IGNORABLE_RANGES = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0D), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
    (0x2800, 0x2800),  # BRAILLE PATTERN BLANK: looks like a space, is not one
)
_BAD_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}
_ALLOWED_CONTROLS = {"\t", "\n"}
SAFE_RANGES = ((0x09, 0x0A), (0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x02FF), (0x2010, 0x2027), (0x4E00, 0x9FFC),
               (0xAC00, 0xD7A3))
"""Ranges with no invisible character (tests/test_characters.py checks every one): tab, newline,
printable ASCII, Latin-1 and Latin Extended letters, common punctuation, CJK ideographs, Hangul
syllables. `find_invisible` looks closer only at characters outside them."""
_SUSPECT = re.compile("[^" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in SAFE_RANGES) + "]")


def is_invisible(char: str) -> bool:
    """True for characters that draw nothing or silently reorder text (tab and newline excepted)."""
    if char in _ALLOWED_CONTROLS:
        return False
    code = ord(char)
    if any(lo <= code <= hi for lo, hi in _IGNORABLE_RANGES):
        return True
    return unicodedata.category(char) in _BAD_CATEGORIES and char not in "\ufe0e\ufe0f"


_JOINED_SCRIPTS = ((0x0600, 0x08FF), (0x0900, 0x0DFF), (0x0F00, 0x109F), (0x1780, 0x17FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFC))
"""Arabic (Persian, Urdu), Syriac, Thaana, the Indic scripts, Tibetan, Myanmar, Khmer: scripts
whose spelling uses the zero-width non-joiner and joiner (Persian `می‌خواهم`, Devanagari `क्‍ष`)."""


def _joins(text: str, at: int) -> bool:
    """Whether the joiner or non-joiner at `at` is part of the text's spelling: between two letters
    of a script that writes them (`_JOINED_SCRIPTS`), or a ZWJ between two emoji (👨‍👩‍👧). A
    Persian name could only be misspelt to pass; elsewhere it is refused as any invisible character."""
    if not 0 < at < len(text) - 1:
        return False
    before, after = text[at - 1], text[at + 1]
    if all(any(lo <= ord(c) <= hi for lo, hi in _JOINED_SCRIPTS) for c in (before, after)):
        return True
    emoji = lambda c: ord(c) >= 0x2600 and unicodedata.category(c) in ("So", "Sk") or c == "\ufe0f"
    return text[at] == "\u200d" and emoji(before) and emoji(after)


def find_invisible(text: str) -> int | None:
    """Index of the first invisible character in `text`, or None."""
    # A regex skips the (common) safe characters in C; checking every character in Python
    # cost a fifth of a 10,000-note build.
    return next((m.start() for m in _SUSPECT.finditer(text)
                 if is_invisible(m.group()) and not (m.group() in "\u200c\u200d" and _joins(text, m.start()))), None)


def describe(char: str) -> str:
    """`U+200B ZERO WIDTH SPACE`: how messages name a character nobody can see."""
    fallback = "(a control character)" if unicodedata.category(char) == "Cc" else "(unnamed)"
    return f"U+{ord(char):04X} {unicodedata.name(char, fallback)}"


def invisible_message(text: str, index: int) -> str:
    """The shared wording for a refused invisible character."""
    return f"contains the invisible character {describe(text[index])}; delete it (retype the text around it)"


_TEXT_IN_HTML = re.compile(r"(?:^|>)([^<]+)")
"""The text between tags of sanitised HTML (no comments, scripts or styles are left in it)."""


def shows_text(html: str) -> bool:
    """Whether sanitised HTML draws a character: not only spaces (`&nbsp;`, the full-width space),
    invisible characters (`&#8203;`), empty elements (`<span></span>`, a rule, a link without text).
    Stops at the first character drawn, usually the first of the first paragraph."""
    for match in _TEXT_IN_HTML.finditer(html):
        chunk = match.group(1)
        if "&" in chunk:
            chunk = unescape(chunk)
        if any(not c.isspace() and not is_invisible(c) for c in chunk):
            return True
    return False
