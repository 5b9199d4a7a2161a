"""The plain-text fast path of the Markdown renderer gives exactly what the full render gives."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from markupsafe import Markup

from conftest import BUNDLED_ROOT
from papernotes import markup
from papernotes.source.tree import load_site

ROOT = Path(__file__).resolve().parents[1]

# Characters chosen to sit on both sides of the fast path's rule: Markdown syntax, HTML
# specials, whitespace of several kinds, digits and list markers, Hangul and accents.
ALPHABET = list("abc XYZ 012 .,;:()'\"%/?-+=*_`[]!<>&$|#~{}\\\n\n\t") + [
    "보상", "모델을", "é", "\u00a0", "\u3000", "\u200b", "\u2028", "1. ", "\n- ", "\n\n", "  \n", "=\n", "---",
]


MOSTLY_PLAIN = list("abc XYZ 012 .,;:()'\"%/?\n") + ["보상", "é", "\n\n", "1. ", "\n- ", "  \n", "\u3000", "=\n", "\t"]


def _random_text(rng: random.Random) -> str:
    alphabet = ALPHABET if rng.random() < 0.5 else MOSTLY_PLAIN
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))


def _full(text: str) -> str:
    return str(markup.sanitise(markup.Converter()._full_convert(text)))


CASES = [
    ("One paragraph.", "<p>One paragraph.</p>"),
    ("Two lines\nin one paragraph.", "<p>Two lines\nin one paragraph.</p>"),
    ("First.\n\n\nSecond.\n", "<p>First.</p>\n<p>Second.</p>"),
    ("보상 모델을 다시 본다: \"quotes\" and 'it's' 100% (ok).", "<p>보상 모델을 다시 본다: \"quotes\" and 'it's' 100% (ok).</p>"),
    ("a *b*", None),
    ("1. item", None),
    ("- item", None),
    ("title\n===", None),
    ("    code", None),
    ("line  \nbreak", None),
    ("x & y", None),
    ("cost $5", None),
    ("a\u00a0b", None),
    ("\u3000indented", None),
    # Mentions of papers are linked on the fast path exactly as the full render links them.
    ("extends 2504.06141v2, see arXiv:cs/0112017.",
     '<p>extends <a href="https://arxiv.org/abs/2504.06141" rel="noopener noreferrer nofollow">2504.06141v2</a>, '
     'see <a href="https://arxiv.org/abs/cs/0112017" rel="noopener noreferrer nofollow">arXiv:cs/0112017</a>.</p>'),
    ("보라 https://huggingface.co/papers/2504.06141 를.\n\nNo id: 2504.0614.",
     '<p>보라 <a href="https://arxiv.org/abs/2504.06141" rel="noopener noreferrer nofollow">https://huggingface.co/papers/2504.06141</a> 를.</p>\n'
     "<p>No id: 2504.0614.</p>"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_plain_paragraphs(text: str, expected: str | None) -> None:
    assert markup.plain_paragraphs(text) == expected
    if expected is not None:
        assert expected == _full(text)


def test_fast_path_equals_full_render_on_random_text() -> None:
    rng = random.Random(20261122)
    taken = 0
    for _ in range(20_000):
        text = _random_text(rng)
        fast = markup.plain_paragraphs(text)
        if fast is not None and text.strip():
            taken += 1
            assert fast == _full(text), repr(text)
    assert taken > 1_000  # the comparison really ran on many texts the fast path took


def test_fast_path_equals_full_render_on_the_bundled_notes() -> None:
    notes = load_site(BUNDLED_ROOT, "data").notes
    texts = [t for n in notes for t in (n.abstract, n.ko, n.en) if t.strip()]
    taken = [t for t in texts if markup.plain_paragraphs(t) is not None]
    assert taken, "no bundled section is plain text"
    for text in texts:
        assert markup.Converter().convert(text) == markup.keep_hyphens(markup.glue_endings(markup.glue_math(markup.sanitise(markup.Converter()._full_convert(text)))))


@pytest.mark.parametrize("text, glued", [
    ("GRPO(보상 모델 RM 포함)에서는 다르다", ["포함)\u2060에서는"]),
    ("생각(언어)까지, “인용”이라고 [1]은", ["생각\u2060(언어)\u2060까지", "”\u2060이라고", "]\u2060은"]),
    # a per cent sign before an ending, and a Korean word before the bracket it opens (a phone
    # showed "30.7%" / "에서" and "일치" / "(faithfulness)" on two lines)
    ("30.7%에서 일치(faithfulness)는 높다", ["30.7%\u2060에서", "일치\u2060(faithfulness)\u2060는"]),
    ("`O(n)`로 줄인다", ["</code>\u2060로"]),
    # code ending in any mark: the contributing guide's lines began with 를, 는, 에 on a phone
    ("그냥 `pip install -e .`를 하면 `family:`는 `data/notes/`에", ["</code>\u2060를", "</code>\u2060는", "</code>\u2060에"]),
    ("`mkdocs`를 `v1.5`로 `x.` 가", []),  # a letter or digit before the ending, or a space: no break to stop
    ("(a)\n\n가", []),  # two paragraphs: nothing to join
    ("`f(x)한`", []),  # code is copied as written
    ("(a) 가, (b)c", []),
])
def test_a_korean_ending_stays_with_the_bracket_or_quote_before_it(text: str, glued: list[str]) -> None:
    """Chromium breaks a line between a closing bracket and a Korean ending even with
    `word-break: keep-all`: a phone showed a line starting with "에서는" after "…RM 포함)"."""
    html = markup.Converter().convert(text)
    for piece in glued:
        assert piece in html, html
    assert html.count("\u2060") == sum(piece.count("\u2060") for piece in glued), html


def test_the_joiners_stay_on_pages() -> None:
    """Feeds, summaries and descriptions are laid out by their readers: no joiner is copied into
    them, nor a span holding a Korean word's hyphen on its line."""
    from papernotes.outputs.plan import _commentary_html

    html = markup.Converter().convert("생각(언어)까지 간다.")
    assert "\u2060" in html
    assert "\u2060" not in markup.snippet(html) and "\u2060" not in _commentary_html(markup.NoteHtml(Markup(""), html, Markup("")))
    held = markup.Converter().convert("Adv-RM과 GPT-4o의")
    assert "pn-nobreak" in held and "pn-nobreak" not in _commentary_html(markup.NoteHtml(Markup(""), held, Markup("")))


@pytest.mark.parametrize("text, held", [
    ("Adv-RM과 같이 읽는다", ["Adv<span class=\"pn-nobreak\">-R</span>M과"]),
    # a link, then its particle: the hyphen held inside the link, its address as written
    ("[Adv-RM](https://arxiv.org/abs/2504.06141)과 같이", ['href="https://arxiv.org/abs/2504.06141" rel="noopener noreferrer nofollow">Adv<span class="pn-nobreak">-R</span>M</a>과']),
    ("**GPT-4o**의 LLaVA-7b가 warm-up한 뒤", ["GPT<span class=\"pn-nobreak\">-4</span>o", "LLaVA<span class=\"pn-nobreak\">-7</span>b가",
                                           "warm<span class=\"pn-nobreak\">-u</span>p한"]),
    ("rule-based RL로, Adv-RM 학습", []),  # no Hangul in the word: it breaks as English does
    ("Reward-model training with Adv-RM.", []),  # English
    ("`Adv-RM`과 $a-b$를", []),  # code and formulas as written
    ("LLaVA-OneVision-72B-Instruct를 쓴다", []),  # longer than a line of large text: may break at a hyphen
    ("[보상](https://x.org/a-b)를", []),  # an address is no text
])
def test_a_korean_word_keeps_its_hyphen_on_its_line(text: str, held: list[str]) -> None:
    """Chromium breaks a line after a hyphen even with `word-break: keep-all`: a phone showed
    "Adv-" at a line's end and "RM과" on the next. The hyphen of a word with Hangul and the letter
    after it are held together (papernotes.css: nowrap); what a reader reads and copies is the
    same text."""
    html = markup.Converter().convert(text)
    for piece in held:
        assert piece in html, html
    assert html.count("pn-nobreak") == len(held), html
    plain = lambda h: re.sub(r"<[^>]+>", "", h)
    assert plain(html) == plain(markup.glue_endings(markup.glue_math(markup.sanitise(markup.Converter()._full_convert(text)))))
    assert "pn-nobreak" not in markup.without_nobreaks(html) and plain(markup.without_nobreaks(html)) == plain(html)


def test_a_formula_keeps_the_punctuation_or_ending_after_it() -> None:
    """Inline math and what is written right after it, a "." or a Korean ending, are one
    unbreakable run (papernotes.css); display math, a space after, and long runs are not."""
    html = markup.Converter().convert("length $n$. 엔트로피 $H$를 낮춘다, $a$ b, $$x$$. and $y$" + "가" * 12)
    glued = re.findall(r'<span class="pn-math-glue">(<math[^>]*>.*?</math>)([^<]*)</span>', html)
    assert [(re.sub(r"<[^>]+>", "", m), after) for m, after in glued] == [("n", "."), ("H", "를"), ("y", "가" * 8)]
    assert html.count("pn-math-glue") == 3  # not $a$ (a space follows), not $$x$$ (a block)


@pytest.mark.parametrize(("tex", "shown"), [
    ("O(n \\log n)", '<mi>n</mi><mo lspace="0.1667em" rspace="0.1667em">log</mo><mi>n</mi>'),
    ("\\sin x + \\exp(y)", '<mo lspace="0.1667em" rspace="0.1667em">sin</mo>'),
    ("\\log_2 n", '<msub><mo lspace="0.1667em" rspace="0.1667em">log</mo><mn>2</mn></msub>'),
    ("(x, y) \\sim \\mathcal{D}", "<mo>∼</mo>"),
    ("\\arg\\max_x f", "<mo>arg</mo>"),
])
def test_function_names_and_sim_read_as_tex_draws_them(tex: str, shown: str) -> None:
    """Found by a QA pass: `$n \\log n$` showed "nlogn" (latex2mathml writes log as an identifier,
    without TeX's thin spaces), `\\sim` an ASCII tilde instead of the relation ∼, and `\\arg` its
    own source (a misread warning). The sanitiser keeps the spacing."""
    html = markup.Converter().convert(f"a ${tex}$ b")
    assert shown in html, html
    assert "~" not in html and "\\arg" not in html


def test_note_html_has_one_field_per_schema_section() -> None:
    """`HtmlCache.note_html` fills NoteHtml from `schema.SECTIONS` by position: a new section needs its field."""
    from papernotes.markup import NoteHtml
    from papernotes.schema import SECTION_KEYS

    assert NoteHtml._fields == SECTION_KEYS


def test_the_html_cache_gives_back_what_it_rendered_after_pruning_and_merging() -> None:
    """The cache keeps HTML as UTF-8 in one buffer (`HtmlCache`): what it hands out, after
    `keep_only` rewrote the buffer and after `merge` took another process's, is what the text
    renders to, and `size` is that HTML's UTF-8 length."""
    texts = [f"단락 {i}: *강조* $x_{i}$ and [a link](https://example.org/{i})." for i in range(40)]
    expected = {text: markup.Converter().convert(text) for text in texts}
    cache = markup.HtmlCache()
    for text in texts[:30]:
        cache.check(text)
    other = markup.HtmlCache()  # another process's half, sent back as `packed()`
    for text in texts[25:]:
        other.html(text)
    cache.merge(other.packed())
    assert len(cache) == 40
    cache.keep_only(set(texts[::3]))  # most of the buffer forgotten: it is rewritten
    assert len(cache) == len(texts[::3])
    for text in texts:
        assert cache.html(text) == expected[text]
        assert isinstance(cache.html(text), markup.Markup)
        assert cache.size(text) == len(expected[text].encode("utf-8"))
    assert cache.items() == expected


@pytest.mark.parametrize("tex, text", [
    ("$O(n^2)$로 커진다", "O(n²)로 커진다"),
    ("$t_1 < t_2$", "t₁<t₂"),
    ("$r_1 > r_2$", "r₁>r₂"),
    ("$n^{2k}$", "n^(2k)"),
    ("$x_{i,j}^2$", "x_(i,j)²"),
    ("$\\frac{a}{b}$", "a/b"),
    ("$O(n \\log n)$", "O(n log n)"), ("$\\frac{\\log a}{b}$", "(log a)/b"), ("$\\log_2 n$", "log₂ n"),
    ("$\\sqrt{d}$", "√d"),
    ("$e^{-x^2}$", "e^(−x²)"),
    ("$2^{-1}$, $x_{t-1}$", "2⁻¹, xₜ₋₁"),
    ("$a \\& b$ and 5 < 6", "a&b and 5 < 6"),
])
def test_excerpts_write_a_formula_out_as_text(tex: str, text: str) -> None:
    """Tag pages, browse, feeds, search cards and link previews show text only: the scripts ran
    into their base, so O(n²) read "O(n2)" and t₁ < t₂ read "t1<t2"."""
    assert markup.snippet(markup.HtmlCache().html(tex), 400) == text


def test_an_excerpt_of_a_formula_heavy_text_is_the_excerpt_of_all_of_it() -> None:
    """Only the formulas before the cut are written out (a note of hundreds costs a few): the
    excerpt is the one every formula written out gives, for texts of formulas, words and markup."""
    rng = random.Random(7)
    pieces = ["$a^2$", "$x_{i,j}$", " ", "단어 ", "word ", "\n\n", "$\\frac{a}{b}$", "**b** ", "`c` "]
    cache = markup.HtmlCache()
    for _ in range(400):
        html = cache.html("".join(rng.choice(pieces) for _ in range(rng.randint(1, 200))))
        whole = markup.MATH_ELEMENT.sub(lambda m: str(markup.escape(markup.math_text(m.group()))), html)
        for limit in (20, 140, 300):
            assert markup.snippet(html, limit) == markup.snippet(whole, limit)


@pytest.mark.parametrize(("text", "links"), [
    # A daily post writes its links bare: only the arXiv one was a link, the Nature one plain text.
    ("See (https://arxiv.org/abs/2302.09664, https://www.nature.com/articles/s41586-024-07421-0).",
     [("https://arxiv.org/abs/2302.09664", "https://arxiv.org/abs/2302.09664"),
      ("https://www.nature.com/articles/s41586-024-07421-0", "https://www.nature.com/articles/s41586-024-07421-0")]),
    ("코드는 https://github.com/o/r에서 볼 수 있다.", [("https://github.com/o/r", "https://github.com/o/r")]),  # the particle is text
    ("Wiki https://en.wikipedia.org/wiki/A_(b) ok.", [("https://en.wikipedia.org/wiki/A_(b)", "https://en.wikipedia.org/wiki/A_(b)")]),
    ("Query https://example.org/a?b=1&c=2.", [("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&c=2")]),
    ("Code `https://x.org` stays.", []),
    ("Not a link where it reads as one site and leads to another: https://arxiv.org@evil.example/ .", []),
])
def test_a_bare_address_is_a_link_to_itself(text: str, links: list[tuple[str, str]]) -> None:
    from bs4 import BeautifulSoup

    for html in (markup.Converter().convert(text), markup.plain_paragraphs(text)):
        if html is None:  # not plain text: the full render above is the answer
            continue
        found = [(a["href"], a.get_text()) for a in BeautifulSoup(html, "html.parser").find_all("a")]
        assert found == links, html
        assert all(a["rel"] == ["noopener", "noreferrer", "nofollow"] for a in BeautifulSoup(html, "html.parser").find_all("a"))


def test_how_deep_a_note_may_nest_does_not_depend_on_who_renders_it() -> None:
    """A list nested 483 deep passed `papernotes check` and failed every build: the build renders
    from deeper in the stack, and Python's recursion limit counts from its bottom. The renderer
    now has the same stack whoever calls it: the same verdict from 1 frame down or from 300."""
    def verdict(levels: int, frames: int) -> bool:
        if frames:
            return verdict(levels, frames - 1)
        try:
            markup.Converter().convert("\n".join("  " * i + "- item" for i in range(levels)))
            return True
        except RecursionError:
            return False

    for levels in (100, 300, 400, 500):
        assert verdict(levels, 0) == verdict(levels, 300), levels
    assert verdict(100, 300) and not verdict(500, 0)


@pytest.mark.parametrize("text, shown", [
    ("The model reasons inside <think>...</think> and answers in <answer></answer>.",
     "The model reasons inside &lt;think&gt;...&lt;/think&gt; and answers in &lt;answer&gt;&lt;/answer&gt;."),
    ("조건 a<b and c>d 가 성립하면", "조건 a&lt;b and c&gt;d 가 성립하면"),
    ("the <s> token and </s>", "the &lt;s&gt; token and &lt;/s&gt;"),
    ("<think>\nline\n</think>", "&lt;think&gt;\nline\n&lt;/think&gt;"),
    ("<eos> and <pad>", "&lt;eos&gt; and &lt;pad&gt;"),
    # A known element left open in its paragraph is a token too: it took the word away and wrapped
    # the rest of the section in code or a link, or showed it as source (<title>, <template>).
    ("We prepend a <code> token to each prompt.", "We prepend a &lt;code&gt; token to each prompt."),
    ("an <a> token, an <img> token, LLaVA's <image> and <video>", "an &lt;a&gt; token, an &lt;img&gt; token, LLaVA's &lt;image&gt; and &lt;video&gt;"),
    ("The <title> token and a <template> one.", "The &lt;title&gt; token and a &lt;template&gt; one."),
])
def test_text_that_looks_like_a_tag_is_shown_as_written(text: str, shown: str) -> None:
    """`<think>` in a pasted abstract vanished ("reasons inside  and answers in ") and `a<b and c>d`
    made the rest of the paragraph bold; HTML that is HTML still works."""
    assert str(markup.Converter().convert(text)) == f"<p>{shown}</p>"
    assert str(markup.Converter().convert("<b>bold</b> and <sub>2</sub>")) == "<p><b>bold</b> and <sub>2</sub></p>"
    assert str(markup.Converter().convert("We prepend a <code> token.\n\nNext paragraph.")) == (
        "<p>We prepend a &lt;code&gt; token.</p>\n<p>Next paragraph.</p>")
    assert str(markup.Converter().convert('<code>x</code> <img src="a.png" alt="a">')) == '<p><code>x</code> <img src="a.png" alt="a"></p>'


@pytest.mark.parametrize("text, removed", [
    ("a <script>alert(1)</script> b <iframe src=//x></iframe> <font color=red>c</font>", ("<script>", "<iframe>", "<font>")),
    ("[t](tel:123) [f](ftp://x.example/) [j](javascript:alert(1)) [ok](https://x.org) <a href=\"vbscript:x\">v</a>",
     ("tel:123", "ftp://x.example/", "javascript:alert(1)", "vbscript:x")),
    ('<a href="data:text/html,<script>x</script>">data</a>', ("data:text/html,<script>x</script>",)),
    ('<a href="jav&#x09;ascript:alert(1)">tab</a>', ("jav&#x09;ascript:alert(1)",)),  # javascript: to a browser
    ("[bad](javascript&#58;alert(1))", ("javascript&#58;alert(1)",)),  # as written: the writer can find it
    # A scheme spelt with %-escapes: no browser decodes it (a relative link to nothing), a decoding tool runs it.
    ("[x](java%73cript:alert(1)) [y](javascript%3Aalert(1)) ![z](data%3Aimage/png;base64,AA)",
     ("java%73cript:alert(1)", "javascript%3Aalert(1)", "data%3Aimage/png;base64,AA")),
    ("`<script>x</script>` and `[j](javascript:x)` in code", ()),
    ("<b>kept</b> <span>kept</span> [rel](../x/) <https://x.org>", ()),
    ("[a](../a%20b/) [w](https://en.wikipedia.org/wiki/Help%3AURL) [c](a%20b:c)", ()),  # escapes, but no scheme in them
    # An image from another site is shown as a link to it, never loaded: `!` and its address, as written.
    ('![fig](https://x.org/f.png?a=1&b=2) <img src="//cdn.example/y.png"> <img alt=n src="\\\\evil.example/z.png">',
     ("!https://x.org/f.png?a=1&amp;b=2", "!//cdn.example/y.png", "!\\\\evil.example/z.png")),
    ("![here](../../assets/f.png) ![root](/assets/f.png) [link](https://x.org/f.png) <a href=\"//x.org/\">a</a>", ()),
])
def test_what_the_sanitiser_removes_is_known(text: str, removed: tuple[str, ...]) -> None:
    """The checker warns about it (it said nothing, and readers saw the text without it)."""
    cache = markup.HtmlCache()
    cache.check(text)
    assert cache.removed(text) == removed


@pytest.mark.parametrize("text", ["[e](java\tscript:alert(13))", '<a href="java\tscript:alert(406)">tab raw</a>',
                                  "[s](java script:alert(1))"])
def test_an_address_spelling_a_scheme_with_spaces_is_removed_as_the_checker_says(text: str) -> None:
    """A hostile-input QA pass: the checker said `java<TAB>script:...` (Markdown reads the tab as
    spaces) was removed, and the page kept it, a link to a path under the note. It is removed: a
    tool that drops the spaces would meet the scheme."""
    cache = markup.HtmlCache()
    cache.check(text)
    html = str(markup.Converter().convert(text))
    assert "href" not in html and ("e" in html or "tab raw" in html or ">s<" in html), html
    assert len(cache.removed(text)) == 1 and "script:alert" in cache.removed(text)[0]


def test_the_checker_warns_at_what_the_page_leaves_out(tmp_path: Path) -> None:
    from conftest import make_site
    note = (BUNDLED_ROOT / "data" / "notes" / "2025" / "thought-manipulation.md").read_text(encoding="utf-8")
    hostile = note.replace("## English\n", "## English\n\nSee [call](tel:123) and <iframe src=//evil.example/></iframe>.\n", 1)
    site = make_site(tmp_path, data=BUNDLED_ROOT / "data", notes={"2025/thought-manipulation.md": hostile})
    found = [(p.line, p.field, p.severity, p.message) for p in load_site(site, "data").problems]
    line = hostile.split("\n").index("See [call](tel:123) and <iframe src=//evil.example/></iframe>.") + 1
    assert [(f[0], f[1], f[2]) for f in found] == [(line, "## English", "warning")] * 2, found
    assert "'tel:123' is removed" in found[0][3] and "<iframe> is removed" in found[1][3]
    # An address hidden in an entity is found where the note writes it, and quoted so.
    hidden = note.replace("## English\n", "## English\n\nA [bad](javascript&#58;alert(1)) link.\n", 1)
    site = make_site(tmp_path / "hidden", data=BUNDLED_ROOT / "data", notes={"2025/thought-manipulation.md": hidden})
    found = [(p.line, p.column, p.message) for p in load_site(site, "data").problems]
    line = hidden.split("\n").index("A [bad](javascript&#58;alert(1)) link.") + 1
    assert [(f[0], f[1]) for f in found] == [(line, 9)] and "'javascript&#58;alert(1)' is removed" in found[0][2], found
    # So is a scheme spelt with %-escapes, which the page kept as a link that led nowhere.
    encoded = note.replace("## English\n", "## English\n\nAn [x](java%73cript:alert(1)) link.\n", 1)
    site = make_site(tmp_path / "encoded", data=BUNDLED_ROOT / "data", notes={"2025/thought-manipulation.md": encoded})
    found = [(p.line, p.column, p.rule, p.message) for p in load_site(site, "data").problems]
    line = encoded.split("\n").index("An [x](java%73cript:alert(1)) link.") + 1
    assert [f[:3] for f in found] == [(line, 8, "removed-html")], found
    assert "'java%73cript:alert(1)' is removed" in found[0][3] and "spells javascript:" in found[0][3], found
    assert 'href="java' not in str(markup.Converter().convert("An [x](java%73cript:alert(1)) link."))
    # An image from another site: the page shows a link, and the writer is told where and why.
    image = note.replace("## English\n", "## English\n\nThe plot: ![loss curve](https://evil.example/plot.png).\n", 1)
    site = make_site(tmp_path / "image", data=BUNDLED_ROOT / "data", notes={"2025/thought-manipulation.md": image})
    found = [(p.line, p.column, p.rule, p.severity, p.message) for p in load_site(site, "data").problems]
    line = image.split("\n").index("The plot: ![loss curve](https://evil.example/plot.png).") + 1
    assert [f[:4] for f in found] == [(line, 25, "remote-image", "notice")], found  # advice: the page keeps it as a link
    assert "'https://evil.example/plot.png' is from another site" in found[0][4] and "without the `!`" in found[0][4]


def test_every_removed_tag_past_the_first_five_is_named_with_its_line(tmp_path: Path) -> None:
    """Found by a contributor check: a section pasting a dozen kinds of HTML got five located
    warnings and "10 more kinds of HTML tag or link address are removed" at its heading, naming
    none. The rest are named in one more warning, each with its line and column, located at the first."""
    from conftest import make_site
    note = (BUNDLED_ROOT / "data" / "notes" / "2025" / "thought-manipulation.md").read_text(encoding="utf-8")
    pasted = ["<script>x</script>", "[a](javascript:x)", "<iframe></iframe>", "<object></object>", "<form></form>",
              "<video></video>", "<audio></audio>", "[b](data:text/html,x)", "<embed>", "<marquee>m</marquee>"]
    hostile = note.replace("## English\n", "## English\n\n" + "\n".join(f"Item {i}: {p}" for i, p in enumerate(pasted)) + "\n", 1)
    site = make_site(tmp_path, data=BUNDLED_ROOT / "data", notes={"2025/thought-manipulation.md": hostile})
    found = [p for p in load_site(site, "data").problems if p.rule == "removed-html"]
    lines = hostile.split("\n")
    at = {p: lines.index(f"Item {i}: {p}") + 1 for i, p in enumerate(pasted)}
    assert len(found) == 6 and [p.line for p in found[:5]] == [at[p] for p in pasted[:5]], [p.format() for p in found]
    last = found[5]
    assert (last.line, last.column) == (at["<video></video>"], len("Item 5: ") + 1), last.format()
    assert last.message.startswith("5 more HTML tags or link or image addresses are removed"), last.message
    for what, written in (("<video>", "<video></video>"), ("<audio>", "<audio></audio>"), ("data:text/html,x", "[b](data:text/html,x)"),
                          ("<embed>", "<embed>"), ("<marquee>", "<marquee>m</marquee>")):
        assert f"{what} (line {at[written]}:" in last.message, (what, last.message)
