"""The theme's indentation is removed from pages, and nothing a reader sees changes with it:
text whose whitespace shows (`<pre>`, `<textarea>`) and scripts are copied as written."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from papernotes.pages.compact import strip_indentation

PAGE = """<!doctype html>
<html>
  <head>
    <script>
      var a = 1;

      var b = 2;
    </script>
  </head>
  <body>


    <p>
      one
      two
    </p>
    <pre><code>@misc{key,
  title = {{T}},
}
</code></pre>
    <textarea>
  kept
    as typed</textarea>
    <PRE class="x">
   upper
</PRE>
  </body>
</html>
"""


def test_indentation_and_blank_lines_go_outside_pre_textarea_and_script() -> None:
    out = strip_indentation(PAGE)
    outside = re.sub(r"<(pre|textarea|script)\b.*?</\1>", "KEPT", out, flags=re.S | re.I)
    assert "\n " not in outside and "\n\n" not in outside
    assert "<p>\none\ntwo\n</p>" in out
    assert "<pre><code>@misc{key,\n  title = {{T}},\n}\n</code></pre>" in out
    assert "<textarea>\n  kept\n    as typed</textarea>" in out
    assert "<script>\n      var a = 1;\n\n      var b = 2;\n    </script>" in out
    assert '<PRE class="x">\n   upper\n</PRE>' in out
    assert len(out) < len(PAGE)


def test_the_text_a_reader_sees_is_the_same() -> None:
    before, after = BeautifulSoup(PAGE, "html.parser"), BeautifulSoup(strip_indentation(PAGE), "html.parser")
    assert " ".join(before.p.get_text().split()) == " ".join(after.p.get_text().split()) == "one two"
    for name in ("pre", "textarea", "script"):
        assert [e.get_text() for e in before.find_all(name)] == [e.get_text() for e in after.find_all(name)]
