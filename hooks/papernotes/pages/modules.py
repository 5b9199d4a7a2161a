"""The modules a page's ES modules import, so the page can ask for all of them at once.

The site's scripts are ES modules without a bundler (DEVELOPING.md, "The front end"): the browser
learns that `search/box.js` imports `dom.js`, or that `reading-list/cards.js` imports five more,
only once it has the importing module, one round trip per level of imports. A page names every
module it will run in `<link rel="modulepreload">` (overrides/main.html), so they are fetched side
by side; this module says which those are, read from the modules' own `import ... from "./x.js"`
lines, so the list cannot fall behind the code.

Only static imports count: a dynamic `import()` (the search engine, on the box's first focus) is
fetched when it is needed, which is its point.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

_STATIC_IMPORT = re.compile(r"""^\s*(?:import|export)\s(?:[^"';]*?\sfrom\s*)?["'](\.{1,2}/[^"']+)["']""", re.MULTILINE)
"""`import {a} from "./x.js"`, `import "./x.js"`, `export {a} from "../x.js"` at the start of a line:
the site's modules write one statement per line (ESLint checks them)."""


class ModuleGraph:
    """The static imports of the modules under one docs folder, each file read once per build
    (a new graph is made for every build, so `mkdocs serve` sees edited imports)."""

    def __init__(self, docs_dir: Path) -> None:
        self._docs = docs_dir
        self._direct: dict[str, tuple[str, ...]] = {}

    def direct(self, script: str) -> tuple[str, ...]:
        """The modules `script` (a path under the docs folder, e.g. `assets/search/box.js`) imports
        itself, as paths under the docs folder, in the order it names them; () for a file that is
        not there (a module of the theme's, or one another hook writes)."""
        found = self._direct.get(script)
        if found is None:
            path = self._docs / script
            text = path.read_text(encoding="utf-8") if path.is_file() else ""
            here = posixpath.dirname(script)
            found = tuple(dict.fromkeys(posixpath.normpath(posixpath.join(here, m)) for m in _STATIC_IMPORT.findall(text)))
            self._direct[script] = found
        return found

    def imports(self, scripts: list[str] | tuple[str, ...]) -> list[str]:
        """Every module that `scripts` import, directly or through another, each once, none of
        `scripts` themselves: what a page preloads besides the modules it names."""
        seen = dict.fromkeys(scripts)
        out: list[str] = []
        stack = [m for s in reversed(scripts) for m in reversed(self.direct(s))]
        while stack:
            module = stack.pop()
            if module in seen:
                continue
            seen[module] = None
            out.append(module)
            stack.extend(reversed(self.direct(module)))
        return out
