"""Read what the browser gets from the Pagefind index: the per-page fragments (gzipped JSON).

Strings come back NFC-normalised: the index holds Hangul decomposed (papernotes.search), and
the search box recomposes it before showing anything.
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def _nfc(value: object) -> object:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {k: _nfc(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    return value


def fragments(site: Path) -> list[dict]:
    """Every page fragment of `site/pagefind/`: url, content, meta (title, date, ko, en, stems)."""
    out = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(SIGNATURE), path
        out.append(_nfc(json.loads(raw[len(SIGNATURE):])))
    return out
