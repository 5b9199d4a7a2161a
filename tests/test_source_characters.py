"""find_invisible's regex fast path agrees with the per-character rule it replaced."""

from __future__ import annotations

import pytest

from papernotes.source.characters import SAFE_RANGES, find_invisible, is_invisible


def _brute_force(text: str) -> int | None:
    return next((i for i, char in enumerate(text) if is_invisible(char)), None)


def test_safe_ranges_hold_no_invisible_character() -> None:
    bad = [hex(code) for lo, hi in SAFE_RANGES for code in range(lo, hi + 1) if is_invisible(chr(code))]
    assert bad == []


@pytest.mark.parametrize(("text", "expected"), [
    ("", None),
    ("Attention is all you need", None),
    ("강화학습 보상 모델\tKim, Lee\n", None),
    ("rl\u200b", 2),  # zero-width space
    ("title \u202eevil", 6),  # right-to-left override
    ("\u3164", 0),  # Hangul filler
    ("soft\u00adhyphen", 4),
    ("Ελληνικά and Кириллица", None),  # outside the safe ranges, but visible
    ("emoji \U0001F600\ufe0f ok", None),  # presentation selector is allowed
    ("a\x00b", 1),
    ("line\u2028sep", 4),
    ("\u2800blank", 0),
    ("tag\U000E0041", 3),
])
def test_find_invisible(text: str, expected: int | None) -> None:
    assert find_invisible(text) == expected == _brute_force(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("می\u200cخواهم", None),  # Persian: the non-joiner is spelling (it was refused: "retype the text around it")
    ("\u0645\u062d\u0645\u062f\u200c\u0631\u0636\u0627", None),  # محمد‌رضا, a Persian given name
    ("क्\u200dष", None),  # Devanagari: the joiner chooses a conjunct's form
    ("👨\u200d👩\u200d👧 Family", None),  # an emoji ZWJ sequence is one emoji
    ("👍\ufe0f\u200d🔥", None),
    ("r\u200dl", 1),  # between Latin letters it only hides: `rl` and `r‍l` would be two tags
    ("Kim\u200cMinji", 3),
    ("보\u200c상", 1),  # Hangul does not use it
    ("\u200dمحمد", 0),  # at the start it joins nothing
    ("محمد\u200c", 4),
    ("a 👍\u200d", 3),
])
def test_joiners_are_allowed_where_a_script_spells_with_them(text: str, expected: int | None) -> None:
    assert find_invisible(text) == expected
