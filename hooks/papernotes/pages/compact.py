"""Drop the indentation the theme's templates leave in every page.

mkdocs-material's templates are indented for their authors; the spaces reach every page
(about 3 kB of each: a 37.7 kB note page is 34.7 kB without them; issue 24). A browser
collapses a newline and the spaces after it into one space, so removing the spaces (keeping the
newline) renders the same page, except where whitespace is kept as written: `<pre>`, `<textarea>` (and `<script>`,
left alone too). Those regions are copied unchanged.
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"(<(pre|textarea|script)\b.*?</\2\s*>)", re.S | re.I)
_BREAK = re.compile(r"\n[ \t\n]+")
"""A newline and the spaces, tabs and newlines after it: the indentation of the next line and
any blank lines, which become one newline. One pass; two (indentation, then runs of newlines)
took three times as long, a tenth of the MkDocs process's time on a big site."""


def strip_indentation(html: str) -> str:
    """`html` with the spaces and tabs that start its lines, and its blank lines, removed
    outside `<pre>`, `<textarea>` and `<script>`."""
    parts = _KEEP.split(html)
    out = []
    # split() with two groups yields [text, whole kept element, tag name, text, ...]
    for i in range(0, len(parts), 3):
        out.append(_BREAK.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)
