"""Hostile and broken notes: each gets its located error, and costs no other note.

Each case is (id, files written under data/notes/, expected error lines). An expected line is
the start of a `path:line:col: error: field: message` line; the case passes when each
expected line matches exactly one reported error and nothing else is reported as an error,
and every good note of `hostile_base` not named in the expectations still loads unchanged.
"""

from __future__ import annotations

import os
import signal
import threading
import unicodedata
import time
from pathlib import Path

import pytest

from hostile_base import BODY, assert_good_notes_survive, good_baseline, note, write_site
from papernotes.source.tree import MAX_NOTE_BYTES, load_site
from papernotes.markup import HtmlCache, SlowMarkdown
from papernotes.source.guidance import DEFAULT_GUIDANCE

H = "data/notes/2024/hostile.md"
BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'

# (id, {path under data/notes/: content}, expected error-line prefixes)
CASES: list[tuple[str, dict[str, str | bytes], tuple[str, ...]]] = [
    # --- whole-file problems ---
    ("empty-file", {"2024/hostile.md": ""}, (f"{H}:1:1: error: file: the file is empty",)),
    ("blank-file", {"2024/hostile.md": "  \n\n\t\n"}, (f"{H}:1:1: error: file: the file is empty",)),
    ("no-front-matter", {"2024/hostile.md": "## English\n\nhello\n"},
     (f"{H}:1:1: error: front matter: a note must start with a `---` line",)),
    ("front-matter-not-first", {"2024/hostile.md": "\n" + note()},
     (f"{H}:1:1: error: front matter: a note must start with a `---` line",)),
    ("unclosed-front-matter", {"2024/hostile.md": note().replace("\n---\n\n## ", "\n\n## ")},
     (f"{H}:1:1: error: front matter: the front matter opened on line 1 is never closed",)),
    ("invalid-utf8", {"2024/hostile.md": note().encode() + b"\n\xff\xfe bad bytes\n"},
     (f"{H}:17:1: error: file: the file is not valid UTF-8 (the byte 0xFF here: it was saved in another encoding, "
      "e.g. Latin-1); save it as UTF-8",)),
    ("latin1-in-a-line", {"2024/hostile.md": note().encode() + "\nCaf\xe9 au lait\n".encode("latin-1")},
     (f"{H}:17:4: error: file: the file is not valid UTF-8 (the byte 0xE9 here",)),
    ("utf16-file", {"2024/hostile.md": note().encode("utf-16")},
     (f"{H}:1:1: error: file: the file is not valid UTF-8 (the byte 0xFF here: it was saved as UTF-16); save it as UTF-8",)),
    # Windows' Korean "ANSI" (a QA pass: the message named Latin-1 and UTF-16 only).
    ("cp949-file", {"2024/hostile.md": note(extra="org: 서울대학교 인공지능 연구실\n").encode("cp949")},
     (f"{H}:7:6: error: file: the file is not valid UTF-8 (the byte 0xBC here: it was saved as CP949 (EUC-KR), "
      "Windows' Korean encoding); save it as UTF-8",)),
    ("too-big", {"2024/hostile.md": note(body=BODY + "x" * MAX_NOTE_BYTES)},
     (f"{H}:1:1: error: file: the note is {len(note(body=BODY + 'x' * MAX_NOTE_BYTES).encode()):,} bytes; "
      f"the limit is {MAX_NOTE_BYTES:,} bytes (256 KiB): shorten it",)),
    ("title-too-long", {"2024/hostile.md": note(title='"' + "A" * 200_000 + '"')},
     (f"{H}:2:8: error: title: the title is 200,000 characters long; the limit is 1,000",)),
    ("author-name-too-long", {"2024/hostile.md": note(authors="[Kim Minji, " + "B" * 5000 + "]")},
     (f"{H}:3:22: error: authors[1]: the name is 5,000 characters long; the limit is 1,000",)),
    ("not-markdown", {"2024/hostile.txt": note()}, ("data/notes/2024/hostile.txt:1:1: error: file: only .md files belong under data/notes/",)),
    ("nul-byte", {"2024/hostile.md": note(title='"a\x00b"')},
     (f"{H}:2:10: error: front matter: YAML syntax error: the character U+0000 (a control character) is not allowed; delete it",)),
    ("control-char", {"2024/hostile.md": note(title='"bell\x07"')},
     (f"{H}:2:13: error: front matter: YAML syntax error: the character U+0007 (a control character) is not allowed; delete it",)),
    # --- YAML syntax ---
    ("unclosed-quote", {"2024/hostile.md": note(title='"never closed')},
     (f"{H}:2:8: error: title: YAML syntax error: unclosed quote in the value of 'title': end the value with \" on this line",)),
    ("unclosed-single-quote", {"2024/hostile.md": note(title="'never closed")},
     (f"{H}:2:8: error: title: YAML syntax error: unclosed quote in the value of 'title': end the value with ' on this line",)),
    ("text-after-quote", {"2024/hostile.md": note(title='"Attention" Is All')},
     (f"{H}:2:8: error: title: YAML syntax error: text after the closing quote in the value of 'title': quote the whole value, "
      "e.g. '\"Attention\" Is All'",)),
    ("mapping-in-plain-value", {"2024/hostile.md": note(title="Attention: Is All You Need")},
     (f"{H}:2:8: error: title: YAML syntax error: the value of 'title' contains ': ', which YAML reads as a new key; "
      "put the whole value in quotes: \"Attention: Is All You Need\"",)),
    ("unclosed-list", {"2024/hostile.md": note(tags="[rl, reasoning")},
     (f"{H}:5:7: error: tags: YAML syntax error: the [ that opens the value of 'tags' is not closed: end it with ] on this line",)),
    ("value-starts-with-at", {"2024/hostile.md": note(extra="org: @lab\n")},
     (f"{H}:7:6: error: org: YAML syntax error: the value of 'org' starts with '@', which YAML reads as syntax; put the whole value in quotes: \"@lab\"",)),
    ("unknown-escape", {"2024/hostile.md": note(title='"C:\\new\\path"')},
     (f"{H}:2:16: error: title: YAML syntax error: unknown escape \\p in the value of 'title': write \\\\ for a backslash",)),
    ("indented-key", {"2024/hostile.md": note(extra="org: Lab\n  code: https://example.org/c\n")},
     (f"{H}:8:1: error: code: YAML syntax error: this line is indented, so YAML reads it as part of the value above; "
      "remove the spaces before 'code'",)),
    ("indented-key-after-a-list-item", {"2024/hostile.md": note(authors="\n  - Kim Minji\n   code: https://example.org/c")},
     (f"{H}:5:1: error: code: YAML syntax error: this line is indented, so YAML reads it as part of the value above; "
      "remove the spaces before 'code'",)),
    ("tags-on-one-line", {"2024/hostile.md": note(tags="rl, reasoning")},
     (f"{H}:5:7: error: tags: several tags on one line make one tag; write a list: tags: [rl, reasoning]",)),
    # A word processor's quotes: text to YAML, so they reached the page's <h1> and BibTeX.
    ("curly-quoted-title", {"2024/hostile.md": note(title="“A hostile note”")},
     (f"{H}:2:8: error: title: the value is wrapped in curly quotes (“…”), which YAML keeps as part of it; "
      "use straight quotes instead: \"A hostile note\"",)),
    ("curly-quoted-date", {"2024/hostile.md": note(date="“2024-06-01”")},
     (f"{H}:4:7: error: date: the date is wrapped in curly quotes (“…”), which YAML keeps as part of it; "
      "use straight quotes or none: 2024-06-01",)),
    ("curly-quoted-title-with-colon", {"2024/hostile.md": note(title="“A: hostile note”")},
     (f"{H}:2:8: error: title: YAML syntax error: the value of 'title' contains ': ', which YAML reads as a new key; "
      "put the whole value in quotes: \"A: hostile note\" (YAML keeps curly quotes (“…”) as part of the value: use straight ones)",)),
    ("published-in-year-one", {"2024/hostile.md": note(extra="published: 0001-01-01\n")},
     (f"{H}:7:12: error: published: 0001-01-01 is before 1900; `published:` is the date the paper came out",)),
    ("line-without-colon", {"2024/hostile.md": note(extra="org Lab\nurl: https://example.org/\n")},
     (f"{H}:7:4: error: org: YAML syntax error: this line is not a `key: value` line: put a colon after `org`: `org: Lab`",)),
    # A fuzzing QA pass: a key deleted from its line, or a quote typed before a key, was blamed on the line
    # after or the key above, with advice that made it worse (quote the authors' list, delete `authors:`).
    ("title-without-its-key", {"2024/hostile.md": note().replace('title: "A hostile note"', '"A hostile note"')},
     (f"{H}:2:1: error: front matter: YAML syntax error: this line has a value but no key: write its key before it, "
      "e.g. `title: \"A hostile note\"`",)),
    ("plain-title-without-its-key", {"2024/hostile.md": note().replace('title: "A hostile note"', 'A hostile note')},
     (f"{H}:2:1: error: front matter: YAML syntax error: this line has a value but no key: write its key before it, "
      "e.g. `title: A hostile note`",)),
    # Its `- ` deleted, a second author's line was joined to the first into one name, without a word.
    ("an-author-line-without-its-dash", {"2024/hostile.md": note(authors="\n  - Kim Minji\n    Lee Jihoon")},
     (f"{H}:4:5: error: authors[0]: 'Kim Minji Lee Jihoon' runs on over 2 lines, which YAML joins into one name: start "
      "each author's line with `- `",)),
    ("a-stray-quote-before-a-key", {"2024/hostile.md": note(extra="'published: 2024-05-30\n")},
     (f"{H}:7:1: error: published: YAML syntax error: a stray ' before `published:` starts a quoted text that runs on: "
      "delete it",)),
    ("tab-indent", {"2024/hostile.md": note(authors="\n\t- Kim")},
     (f"{H}:4:1: error: authors: YAML syntax error: this line is indented with a tab; YAML indents with spaces only: "
      "replace the tab with spaces",)),
    ("bad-indent", {"2024/hostile.md": note(authors="\n  - Kim\n - Lee")},
     (f"{H}:5:2: error: authors: YAML syntax error: this list item is not lined up with the items above",)),
    ("two-documents", {"2024/hostile.md": note(extra="...\nx: 1\n")},
     (f"{H}:7:1: error: front matter: YAML syntax error: this line ends the YAML early (`...` or a `%` directive); delete it",)),
    ("value-starts-with-bracket", {"2024/hostile.md": note(title="[Draft] A Paper")},
     (f"{H}:2:8: error: title: YAML syntax error: the value of 'title' starts with '[', which YAML reads as syntax; "
      "put the whole value in quotes: \"[Draft] A Paper\"",)),
    ("value-starts-with-star", {"2024/hostile.md": note(title="*Bold* Claims")},
     (f"{H}:2:8: error: title: YAML syntax error: the value of 'title' starts with '*'",)),
    ("no-space-after-colon", {"2024/hostile.md": note(extra="org:Lab\n")},
     (f"{H}:7:5: error: org: YAML syntax error: put a space after the colon: `org: Lab`",)),
    # `#1` in a plain title is a YAML comment: the title was silently "GTAlign" (a CLI QA pass).
    ("hash-in-plain-title", {"2024/hostile.md": note(title="GTAlign #1 mutual welfare")},
     (f"{H}:2:16: error: title: ` #` starts a YAML comment, so the value ends before it ('GTAlign') and "
      "'#1 mutual welfare' is left out: put the whole value in quotes: \"GTAlign #1 mutual welfare\"",)),
    # Hashtags as a daily post writes them: YAML comments, told as an unclosed `[` or an empty list.
    ("hashtag-in-tag-list", {"2024/hostile.md": note(tags="[rl, #reasoning]")},
     (f"{H}:5:12: error: tags: tags are written without `#` (a `#` there starts a YAML comment, which hides the rest "
      "of the line): tags: [rl, reasoning]",)),
    ("hashtags-as-tags", {"2024/hostile.md": note(tags="#rl #reasoning")},
     (f"{H}:5:7: error: tags: tags are written without `#`",)),
    # A Korean input method's full-width colon and a no-break space after a key were blamed on the
    # next line's field with a wrong fix (a CLI QA pass).
    ("full-width-colon", {"2024/hostile.md": note(extra="org\uff1a Lab\ncode: https://example.org/c\n")},
     (f"{H}:7:4: error: org: YAML syntax error: the colon after 'org' is the full-width '\uff1a' (a Korean or Japanese "
      "input method's), which YAML does not read as a colon: type `:`",)),
    ("no-break-space-after-colon", {"2024/hostile.md": note(extra="org:\u00a0Lab\ncode: https://example.org/c\n")},
     (f"{H}:7:5: error: org: YAML syntax error: the space after `org:` is a no-break or wide space (U+00A0), which YAML "
      "does not read as a space: type an ordinary space",)),
    ("no-break-space-after-title", {"2024/hostile.md": note(title="\u00a0'A: hostile note'").replace("title: \u00a0", "title:\u00a0")},
     (f"{H}:2:7: error: title: the space after `title:` is a no-break or wide space (U+00A0), which YAML does not read "
      "as a space: type an ordinary space",)),
    ("two-commas", {"2024/hostile.md": note(authors="[Kim, Lee,, Park]")},
     (f"{H}:3:20: error: authors: YAML syntax error: two commas in a row in the value of 'authors': delete one",)),
    ("multi-line-quote-then-open-list", {"2024/hostile.md": note(title='"A long\n  title"', authors="[Kim")},
     (f"{H}:4:10: error: authors: YAML syntax error: the [ that opens the value of 'authors' is not closed: end it with ] on this line",)),
    ("unclosed-quote-in-list", {"2024/hostile.md": note(authors='["Kim, Lee]')},
     (f"{H}:3:11: error: authors: YAML syntax error: unclosed quote in the value of 'authors'",)),
    # --- escapes and YAML-only line breaks (NEL, U+2028, U+2029): refused where they are, so no
    # later line number shifts and a value is never silently folded ---
    ("escape-out-of-range", {"2024/hostile.md": note(title='"\\U00110000"')},
     (f"{H}:2:9: error: title: YAML syntax error: the escape \\U00110000 is not a Unicode character",)),
    ("escape-overflow", {"2024/hostile.md": note(title='"a\\UFFFFFFFF"')},
     (f"{H}:2:10: error: title: YAML syntax error: the escape \\UFFFFFFFF is not a Unicode character",)),
    ("nel-in-comment", {"2024/hostile.md": note(extra="# a comment\x85 with NEL\npublished: 2023-02-29\n")},
     (f"{H}:7:12: error: front matter: the invisible character U+0085",)),
    ("line-separator-in-comment", {"2024/hostile.md": note(title='"T" # x\u2028y', date="2024-02-30")},
     (f"{H}:2:15: error: title: the invisible character U+2028 LINE SEPARATOR is a line break to YAML but not to your editor",)),
    ("paragraph-separator-in-value", {"2024/hostile.md": note(extra="org: 'A\u2029B'\n")},
     (f"{H}:7:8: error: org: the invisible character U+2029 PARAGRAPH SEPARATOR",)),
    ("nel-in-quoted-value", {"2024/hostile.md": note(title='"one\x85two"')},
     (f"{H}:2:12: error: title: the invisible character U+0085",)),
    # --- structure and keys ---
    ("front-matter-empty", {"2024/hostile.md": "---\n---\n" + BODY}, (f"{H}:2:1: error: front matter: the front matter is empty",)),
    ("front-matter-list", {"2024/hostile.md": "---\n- title\n- authors\n---\n" + BODY},
     (f"{H}:2:1: error: front matter: expected a mapping of `key: value` lines, got a list",)),
    ("front-matter-scalar", {"2024/hostile.md": "---\njust some text\n---\n" + BODY},
     (f"{H}:2:1: error: front matter: expected a mapping of `key: value` lines, got text",)),
    ("number-key", {"2024/hostile.md": note(extra="1: one\n")},
     (f"{H}:7:1: error: front matter: keys must be plain names, got a number '1'",)),
    ("complex-key", {"2024/hostile.md": note(extra="? [a, b]\n: c\n")},
     (f"{H}:7:3: error: front matter: keys must be plain names, got a list",)),
    ("duplicate-key", {"2024/hostile.md": note(extra='title: "Second title"\n')},
     (f"{H}:7:1: error: front matter: duplicate key 'title' (first defined on line 2); YAML would silently keep the last one",)),
    ("unknown-key", {"2024/hostile.md": note(extra="titel: typo\n")},
     (f"{H}:7:1: error: titel: unknown key 'titel' (did you mean 'title'?)",)),
    ("missing-required", {"2024/hostile.md": note(date=None)}, (f"{H}:1:1: error: date: required field `date:` is missing",)),
    ("no-link", {"2024/hostile.md": note(arxiv=None)},
     (f"{H}:1:1: error: url: a note needs `arxiv:` (e.g. \"2504.06141\") or, for papers not on arXiv, `url:`",)),
    # --- anchors, aliases, tags, nesting ---
    ("billion-laughs", {"2024/hostile.md": note(extra=BILLION_LAUGHS)},
     (f"{H}:7:4: error: front matter: YAML anchors and aliases (&, *) are not allowed here",)),
    ("simple-anchor", {"2024/hostile.md": note(authors="&who [Kim]", extra="org: *who\n")},
     (f"{H}:3:10: error: front matter: YAML anchors and aliases (&, *) are not allowed here",)),
    ("python-tag", {"2024/hostile.md": note(title='!!python/object/apply:os.system ["touch /tmp/pwned"]')},
     (f"{H}:2:8: error: front matter: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",)),
    ("custom-tag", {"2024/hostile.md": note(title="!include /etc/passwd")},
     (f"{H}:2:8: error: front matter: YAML tag '!include' is not allowed",)),
    ("str-tag", {"2024/hostile.md": note(title="!!str 2024")},
     (f"{H}:2:8: error: front matter: YAML tag 'tag:yaml.org,2002:str' is not allowed",)),
    ("deep-nesting", {"2024/hostile.md": note(extra="x: " + "[" * 5000 + "]" * 5000 + "\n")},
     (f"{H}:7:{4 + 15}: error: front matter: nesting deeper than 16 levels",)),
    ("deep-block-nesting", {"2024/hostile.md": note(extra="".join("  " * i + f"k{i}:\n" for i in range(40)))},
     (f"{H}:{7 + 16}:{2 * 16 + 1}: error: front matter: nesting deeper than 16 levels",)),
    # --- wrong types: `no`/`yes`/numbers where text is expected ---
    ("title-yes", {"2024/hostile.md": note(title="yes")},
     (f"{H}:2:8: error: title: expected text, but YAML reads `yes` as a boolean; quote it: \"yes\"",)),
    ("title-no", {"2024/hostile.md": note(title="No")},
     (f"{H}:2:8: error: title: expected text, but YAML reads `No` as a boolean; quote it: \"No\"",)),
    ("title-number", {"2024/hostile.md": note(title="2024")},
     (f"{H}:2:8: error: title: expected text, but YAML reads `2024` as a number; quote it: \"2024\"",)),
    ("title-float", {"2024/hostile.md": note(title="3.14")},
     (f"{H}:2:8: error: title: expected text, but YAML reads `3.14` as a number; quote it: \"3.14\"",)),
    ("title-null", {"2024/hostile.md": note(title="")}, (f"{H}:2:7: error: title: expected text, got empty (null)",)),
    ("title-empty-quoted", {"2024/hostile.md": note(title='"  "')}, (f"{H}:2:8: error: title: must not be empty",)),
    ("title-list", {"2024/hostile.md": note(title="[a, b]")}, (f"{H}:2:8: error: title: expected text, got a list",)),
    ("title-mapping", {"2024/hostile.md": note(title="{a: b}")}, (f"{H}:2:8: error: title: expected text, got a mapping",)),
    ("title-date", {"2024/hostile.md": note(title="2024-01-01")},
     (f"{H}:2:8: error: title: expected text, but YAML reads `2024-01-01` as a date; quote it",)),
    ("author-number", {"2024/hostile.md": note(authors="[Kim, 42]")},
     (f"{H}:3:16: error: authors[1]: expected text, but YAML reads `42` as a number",)),
    ("author-on", {"2024/hostile.md": note(authors="[Kim, on]")},
     (f"{H}:3:16: error: authors[1]: expected text, but YAML reads `on` as a boolean",)),
    ("authors-empty", {"2024/hostile.md": note(authors="[]")}, (f"{H}:3:10: error: authors: list at least one author",)),
    ("authors-mapping", {"2024/hostile.md": note(authors="{Kim: 1}")}, (f"{H}:3:10: error: authors: expected a list, got a mapping",)),
    ("org-number", {"2024/hostile.md": note(extra="org: 3M\n")}, ()),  # `3M` is text in YAML: accepted (control case)
    ("tag-boolean", {"2024/hostile.md": note(tags="[rl, no]")},
     (f"{H}:5:12: error: tags[1]: expected text, but YAML reads `no` as a boolean",)),
    ("tag-unknown", {"2024/hostile.md": note(tags="[rl, reasonning]")},
     (f"{H}:5:12: error: tags[1]: unknown tag 'reasonning' (did you mean 'reasoning': Reasoning, 추론?)",)),
    ("tag-written-as-its-label", {"2024/hostile.md": note(tags="[강화학습]")},
     (f"{H}:5:8: error: tags[0]: unknown tag '강화학습' (did you mean 'rl': Reinforcement learning, 강화학습?)",)),
    ("tag-near-miss-acronym", {"2024/hostile.md": note(tags="[rlm]")},
     (f"{H}:5:8: error: tags[0]: unknown tag 'rlm'; add the tag to data/tags.yml",)),
    ("tags-empty", {"2024/hostile.md": note(tags="[]")}, (f"{H}:5:7: error: tags: list at least one tag",)),
    # --- dates ---
    ("date-feb-30", {"2024/hostile.md": note(date="2024-02-30")}, (f"{H}:4:7: error: date: '2024-02-30' is not a real calendar date",)),
    ("date-month-13", {"2024/hostile.md": note(date="2024-13-01")}, (f"{H}:4:7: error: date: '2024-13-01' is not a real calendar date",)),
    ("date-non-leap", {"2024/hostile.md": note(extra="published: 2023-02-29\n")},
     (f"{H}:7:12: error: published: '2023-02-29' is not a real calendar date",)),
    ("date-slashes", {"2024/hostile.md": note(date='"2024/06/01"')},
     (f"{H}:4:7: error: date: expected a date written YYYY-MM-DD, got '2024/06/01'",)),
    ("date-with-time", {"2024/hostile.md": note(date="2024-06-01 10:00:00")},
     (f"{H}:4:7: error: date: expected a date written YYYY-MM-DD, got '2024-06-01 10:00:00'",)),
    ("date-arabic-indic-digits", {"2024/hostile.md": note(date='"\u0662\u0660\u0662\u0664-\u0660\u0666-\u0660\u0661"')},
     (f"{H}:4:7: error: date: expected a date written YYYY-MM-DD, got '\u0662\u0660\u0662\u0664-\u0660\u0666-\u0660\u0661'",)),
    ("date-boolean", {"2024/hostile.md": note(date="yes")}, (f"{H}:4:7: error: date: expected a date YYYY-MM-DD, got a boolean",)),
    # --- links and ids ---
    ("arxiv-unquoted", {"2024/hostile.md": note(arxiv="2406.10010")},
     (f"{H}:6:8: error: arxiv: YAML reads the unquoted arXiv id 2406.10010 as a number",)),
    ("arxiv-prefixed", {"2024/hostile.md": note(arxiv='"arXiv:2406.00001"')},
     (f"{H}:6:8: error: arxiv: write the bare id without 'arXiv:': \"2406.00001\"",)),
    ("arxiv-version", {"2024/hostile.md": note(arxiv='"2406.00001v3"')}, (f"{H}:6:8: error: arxiv: drop the version suffix: \"2406.00001\"",)),
    ("arxiv-arabic-indic-digits", {"2024/hostile.md": note(arxiv='"\u0662\u0664\u0660\u0665.\u0660\u0660\u0660\u0661\u0660"')},
     (f"{H}:6:8: error: arxiv: '\u0662\u0664\u0660\u0665.\u0660\u0660\u0660\u0661\u0660' contains the digit '\u0662' "
      "(U+0662 ARABIC-INDIC DIGIT TWO); arXiv ids use the ASCII digits 0-9: \"2405.00010\"",)),
    ("arxiv-fullwidth-digits", {"2024/hostile.md": note(arxiv='"\uff12\uff14\uff10\uff15.00010"')},
     (f"{H}:6:8: error: arxiv: '\uff12\uff14\uff10\uff15.00010' contains the digit '\uff12' (U+FF12 FULLWIDTH DIGIT TWO)",)),
    ("arxiv-math-bold-digits", {"2024/hostile.md": note(arxiv='"2405.0001\U0001d7ce"')},
     (f"{H}:6:8: error: arxiv: '2405.0001\U0001d7ce' contains the digit '\U0001d7ce' (U+1D7CE MATHEMATICAL BOLD DIGIT ZERO)",)),
    ("arxiv-non-ascii-version", {"2024/hostile.md": note(arxiv='"2405.00010v\u0662"')},
     (f"{H}:6:8: error: arxiv: '2405.00010v\u0662' contains the digit",)),
    ("arxiv-old-style-non-ascii", {"2024/hostile.md": note(arxiv='"cs/011201\u0667"')},
     (f"{H}:6:8: error: arxiv: 'cs/011201\u0667' contains the digit",)),
    ("arxiv-from-the-future", {"2024/hostile.md": note(arxiv='"9912.12345"')},
     (f"{H}:6:8: error: arxiv: '9912.12345' would be from 2099-12, after today",)),
    ("arxiv-before-new-style", {"2024/hostile.md": note(arxiv='"0703.1234"')},
     (f"{H}:6:8: error: arxiv: '0703.1234': new-style ids start in April 2007 (0704)",)),
    *((f"duplicate-paper-by-{name}-url", {"2024/hostile.md": note(arxiv=None, extra=f"url: {url}\n")},
       ("data/notes/2024/good-korean.md:6:8: error: arxiv: arXiv 2405.00010 also has a note in data/notes/2024/hostile.md; keep one note per paper",
        f"{H}:6:6: error: url: arXiv 2405.00010 also has a note in data/notes/2024/good-korean.md; keep one note per paper"))
      for name, url in (("arxiv", "https://arxiv.org/abs/2405.00010v2"), ("doi", "https://doi.org/10.48550/arXiv.2405.00010"),
                        ("hf-short", "https://hf.co/papers/2405.00010"), ("double-slash", "https://arxiv.org//abs/2405.00010"),
                        # The same site written with its default port, the root's dot, or the id's prefix:
                        # each passed as another paper, and both notes were published.
                        ("port", "https://arxiv.org:443/abs/2405.00010"), ("root-dot", "https://arxiv.org./abs/2405.00010"),
                        ("id-prefix", "https://arxiv.org/abs/arXiv:2405.00010"), ("hf-port", "https://huggingface.co:443/papers/2405.00010"),
                        # arXiv's pages of a paper's formats and source (a hostile-input QA pass).
                        ("format", "https://arxiv.org/format/2405.00010"), ("src", "https://arxiv.org/src/2405.00010v1"),
                        ("e-print", "https://arxiv.org/e-print/2405.00010"))),
    ("duplicate-paper-by-pdf-url", {"2024/hostile.md": note(arxiv=None, extra="url: http://arxiv.org/pdf/cs/0112017v1.pdf\n")},
     ("data/notes/2023/good-old.md:6:8: error: arxiv: arXiv cs/0112017 also has a note in data/notes/2024/hostile.md",
      f"{H}:6:6: error: url: arXiv cs/0112017 also has a note in data/notes/2023/good-old.md")),
    # An old-style id's subject class is optional: cs.AI/0112017 is cs/0112017, one paper with two notes.
    ("duplicate-paper-by-subject-class", {"2024/hostile.md": note(arxiv='"cs.AI/0112017"')},
     ("data/notes/2023/good-old.md:6:8: error: arxiv: arXiv cs/0112017 also has a note in data/notes/2024/hostile.md",
      f"{H}:6:8: error: arxiv: arXiv cs/0112017 also has a note in data/notes/2023/good-old.md")),
    ("arxiv-garbage", {"2024/hostile.md": note(arxiv='"<script>"')},
     (f"{H}:6:8: error: arxiv: '<script>' is not an arXiv id",)),
    ("url-javascript", {"2024/hostile.md": note(extra='url: "javascript:alert(1)"\n')},
     (f"{H}:7:6: error: url: expected an http(s) link, got 'javascript:alert(1)'",)),
    ("code-data-url", {"2024/hostile.md": note(extra='code: "data:text/html,<script>alert(1)</script>"\n')},
     (f"{H}:7:7: error: code: expected an http(s) link, got 'data:text/html,<script>alert(1)</script>'",)),
    ("url-bad-host", {"2024/hostile.md": note(extra='url: "https://[example.org/paper"\n')},
     (f"{H}:7:6: error: url: expected an http(s) link, got 'https://[example.org/paper' (its host or port is not valid)",)),
    ("url-space", {"2024/hostile.md": note(extra='url: "https://exa mple.org/"\n')}, (f"{H}:7:6: error: url: expected an http(s) link",)),
    ("url-relative", {"2024/hostile.md": note(extra='url: "../../hooks/papernotes_hook.py"\n')}, (f"{H}:7:6: error: url: expected an http(s) link",)),
    ("url-userinfo", {"2024/hostile.md": note(extra='url: "https://arxiv.org@evil.example/abs/2301.00001"\n')},
     (f"{H}:7:6: error: url: 'https://arxiv.org@evil.example/abs/2301.00001' leads to 'evil.example', not to what is "
      "written before its '@'",)),
    ("arxiv-made-up-archive", {"2024/hostile.md": note(arxiv='"foo-bar/9108001"')},
     (f"{H}:6:8: error: arxiv: 'foo-bar/9108001': 'foo-bar' is not an arXiv archive",)),
    ("arxiv-made-up-subject-class", {"2024/hostile.md": note(arxiv='"math.XX/0309136"')},
     (f"{H}:6:8: error: arxiv: 'math.XX/0309136': 'XX' is not a subject class of math (AC AG AP AT CA CO CT CV DG DS "
      'FA GM GN GR GT HO IT KT LO MG MP NA NT OA OC PR QA RA RT SG SP ST); write the id without it: "math/0309136"',)),
    ("arxiv-subject-class-of-an-archive-without", {"2024/hostile.md": note(arxiv='"hep-th.QQ/9108001"')},
     (f"{H}:6:8: error: arxiv: 'hep-th.QQ/9108001': hep-th has no subject classes; write the id without one: \"hep-th/9108001\"",)),
    ("arxiv-old-style-number-zero", {"2024/hostile.md": note(arxiv='"hep-th/9108000"')},
     (f"{H}:6:8: error: arxiv: 'hep-th/9108000': a month's papers are numbered from 001",)),
    ("arxiv-number-zero", {"2024/hostile.md": note(arxiv='"2401.00000"')},
     (f"{H}:6:8: error: arxiv: '2401.00000': a month's papers are numbered from 00001",)),
    # --- invisible and bidi characters ---
    ("title-zero-width", {"2024/hostile.md": note(title='"Attention\u200b Is All"')},
     (f"{H}:2:18: error: title: contains the invisible character U+200B ZERO WIDTH SPACE",)),
    ("title-bidi-override", {"2024/hostile.md": note(title="Safe \u202egnp.exe")},
     (f"{H}:2:13: error: title: contains the invisible character U+202E RIGHT-TO-LEFT OVERRIDE",)),
    ("title-bidi-isolate", {"2024/hostile.md": note(title='"a \u2067b\u2069"')},
     (f"{H}:2:11: error: title: contains the invisible character U+2067 RIGHT-TO-LEFT ISOLATE",)),
    ("title-hangul-filler", {"2024/hostile.md": note(title='"\u3164"')},
     (f"{H}:2:9: error: title: contains the invisible character U+3164 HANGUL FILLER",)),
    ("title-bom-inside", {"2024/hostile.md": note(title="a\ufeffb")},
     (f"{H}:2:9: error: title: contains the invisible character U+FEFF ZERO WIDTH NO-BREAK SPACE",)),
    ("title-escaped-zwj", {"2024/hostile.md": note(title='"a\\u200db"')},
     (f"{H}:2:8: error: title: contains the invisible character U+200D ZERO WIDTH JOINER",)),
    ("title-block-scalar", {"2024/hostile.md": note(title=">\n  first line\n  se\u200bcond")},
     (f"{H}:4:5: error: title: contains the invisible character U+200B ZERO WIDTH SPACE",)),
    ("title-line-separator", {"2024/hostile.md": note(title='"one\u2028two"')},
     (f"{H}:2:12: error: title: the invisible character U+2028 LINE SEPARATOR",)),
    # A line break or tab inside a name passed (other control characters were refused) and the
    # citation files ran the name into what followed it (`AU  - -, Evil ER`). At the value; the
    # spaces around a value (the line break a `>` block ends with) are fine.
    ("title-line-break", {"2024/hostile.md": note(title='"Title\\nTY  - JOUR"')},
     (f"{H}:2:8: error: title: contains a line break (U+000A): the title is one line of text",)),
    ("title-literal-block", {"2024/hostile.md": note(title="|\n  first line\n  second line")},
     (f"{H}:2:8: error: title: contains a line break (U+000A)",)),
    ("author-line-break", {"2024/hostile.md": note(authors='[Ann Lee, Bob Ray, "Evil\\nER  - "]')},
     (f"{H}:3:29: error: authors[2]: contains a line break (U+000A): an author's name is one line of text",)),
    ("author-tab", {"2024/hostile.md": note(authors='["Kim\\tMinji"]')},
     (f"{H}:3:11: error: authors[0]: contains a tab (U+0009)",)),
    ("org-line-break", {"2024/hostile.md": note(extra='org: "Lab\\nAU  - Injected, Lab"\n')},
     (f"{H}:7:6: error: org: contains a line break (U+000A): the organisation is one line of text",)),
    ("author-soft-hyphen", {"2024/hostile.md": note(authors="[Kim, Le\u00ade]")},
     (f"{H}:3:18: error: authors[1]: contains the invisible character U+00AD SOFT HYPHEN",)),
    ("tag-zero-width", {"2024/hostile.md": note(tags="[rl\u200b]")},
     (f"{H}:5:10: error: tags[0]: contains the invisible character U+200B ZERO WIDTH SPACE",)),
    ("tag-word-joiner", {"2024/hostile.md": note(tags="[\u2060reasoning]")},
     (f"{H}:5:8: error: tags[0]: contains the invisible character U+2060 WORD JOINER",)),
    ("key-zero-width", {"2024/hostile.md": note(extra="org\u200b: Lab\n")},
     (f"{H}:7:4: error: front matter: the key 'org\\u200b' contains the invisible character U+200B ZERO WIDTH SPACE",)),
    # --- file names (slugs) and identity ---
    ("slug-spaces", {"2024/My Note.md": note()},
     ("data/notes/2024/My Note.md:1:1: error: file name: the file name 'My Note' is the note's URL: use lowercase ASCII",)),
    # The file's text is checked with its name: its impossible date showed only once it was renamed.
    ("slug-and-date", {"2024/Bad_Date.md": note(date="2025-02-30")},
     ("data/notes/2024/Bad_Date.md:1:1: error: file name: the file name 'Bad_Date' is the note's URL",
      "data/notes/2024/Bad_Date.md:4:7: error: date: ")),
    ("slug-dots", {"2024/..md": note()}, ("data/notes/2024/..md:1:1: error: file name: the file name '.' is the note's URL",)),
    ("slug-double-dot", {"2024/a..b.md": note()}, ("data/notes/2024/a..b.md:1:1: error: file name: the file name 'a..b' is the note's URL: use lowercase ASCII "
                                                       "letters, digits, '-' and '.' (e.g. 'a-b')",)),
    ("slug-trailing-dot", {"2024/a..md": note()}, ("data/notes/2024/a..md:1:1: error: file name: the file name 'a.' is the note's URL: use "
                                                     "lowercase ASCII letters, digits, '-' and '.' (e.g. 'a')",)),
    ("slug-zero-width", {"2024/hostile\u200b.md": note()},
     ("data/notes/2024/hostile\u200b.md:1:1: error: file name: the file name contains the invisible character U+200B",)),
    ("slug-newline", {"2024/two\nlines.md": note()},
     ("data/notes/2024/two\\nlines.md:1:1: error: file name: the file name 'two\\nlines' is the note's URL",)),
    ("slug-terminal-escape", {"2024/\x1b[31mred.md": note()},
     ("data/notes/2024/\\x1b[31mred.md:1:1: error: file name: the file name contains the invisible character U+001B",)),
    # Each would break the build (IsADirectoryError, no file named): the page folder notes/<slug>/
    # is where the build writes another note's Markdown copy notes/x.md, or the notes' sitemap.
    ("slug-ends-in-md", {"2024/x.md.md": note()},
     ("data/notes/2024/x.md.md:1:1: error: file name: the file name 'x.md' ends in '.md': its page folder notes/x.md/ "
      "would be the path of the Markdown copy of a note 'x'; rename it (e.g. 'x')",)),
    ("slug-reserved-sitemap", {"2024/sitemap.xml.md": note()},
     ("data/notes/2024/sitemap.xml.md:1:1: error: file name: the file name 'sitemap.xml' is reserved: its page folder "
      "notes/sitemap.xml/ would be the path of the notes' sitemap",)),
    # A 251-byte name passed the checker and stopped the build (its preview card was then previews/<slug>.html).
    ("slug-too-long-for-its-files", {"2024/" + "a" * 251 + ".md": note()},
     ("data/notes/2024/" + "a" * 251 + ".md:1:1: error: file name: the file name is 251 bytes long without `.md`; the site's files "
      "named after it (its page folder notes/<name>/, its Markdown copy notes/<name>.md) allow 250",)),
    ("slug-long-but-fits", {"2024/" + "a" * 250 + ".md": note()}, ()),
    ("slug-hangul", {"2024/보상.md": note()}, ("data/notes/2024/보상.md:1:1: error: file name: the file name '보상' is the note's URL",)),
    ("slug-reserved-index", {"2024/index.md": note()},
     ("data/notes/2024/index.md:1:1: error: file name: the file name 'index' is reserved: notes/index.md would become the page notes/",)),
    ("slug-same-in-two-years", {"2023/twin.md": note(), "2024/twin.md": note(arxiv='"2406.00002"')},
     ("data/notes/2023/twin.md:1:1: error: file name: the slug 'twin' is also used by data/notes/2024/twin.md",
      "data/notes/2024/twin.md:1:1: error: file name: the slug 'twin' is also used by data/notes/2023/twin.md")),
    ("slug-case-collision", {"2023/Twin.md": note(), "2024/twin.md": note(arxiv='"2406.00002"')},
     ("data/notes/2023/Twin.md:1:1: error: file name: the file name 'Twin' is the note's URL",
      "data/notes/2023/Twin.md:1:1: error: file name: the slug 'Twin' is also used by data/notes/2024/twin.md",
      "data/notes/2024/twin.md:1:1: error: file name: the slug 'twin' is also used by data/notes/2023/Twin.md")),
    ("slug-nfc-nfd-collision", {"2023/caf\u00e9.md": note(), "2024/cafe\u0301.md": note(arxiv='"2406.00002"')},
     ("data/notes/2023/caf\u00e9.md:1:1: error: file name: the file name 'caf\u00e9' is the note's URL",
      "data/notes/2023/caf\u00e9.md:1:1: error: file name: the slug 'caf\u00e9' is also used by data/notes/2024/cafe\u0301.md",
      "data/notes/2024/cafe\u0301.md:1:1: error: file name: the file name 'cafe\u0301' is the note's URL",
      "data/notes/2024/cafe\u0301.md:1:1: error: file name: the slug 'caf\u00e9' is also used by data/notes/2023/caf\u00e9.md")),
    ("slug-fullwidth-collision", {"2024/\uff54\uff57\uff49\uff4e.md": note(), "2023/twin.md": note(arxiv='"2406.00002"')},
     ("data/notes/2024/\uff54\uff57\uff49\uff4e.md:1:1: error: file name: the file name",
      "data/notes/2024/\uff54\uff57\uff49\uff4e.md:1:1: error: file name: the slug '\uff54\uff57\uff49\uff4e' is also used by data/notes/2023/twin.md",
      "data/notes/2023/twin.md:1:1: error: file name: the slug 'twin' is also used by data/notes/2024/\uff54\uff57\uff49\uff4e.md")),
    ("slug-collides-with-good-note", {"2025/good-old.md": note()},
     ("data/notes/2023/good-old.md:1:1: error: file name: the slug 'good-old' is also used by data/notes/2025/good-old.md",
      "data/notes/2025/good-old.md:1:1: error: file name: the slug 'good-old' is also used by data/notes/2023/good-old.md")),
    ("duplicate-arxiv", {"2024/hostile.md": note(arxiv='"2405.00010"')},
     ("data/notes/2024/good-korean.md:6:8: error: arxiv: arXiv 2405.00010 also has a note in data/notes/2024/hostile.md; keep one note per paper",
      f"{H}:6:8: error: arxiv: arXiv 2405.00010 also has a note in data/notes/2024/good-korean.md; keep one note per paper")),
    ("duplicate-arxiv-three-notes", {"2023/a.md": note(arxiv='"cs/0112017"'), "2024/b.md": note(extra="org: Lab\n", arxiv='"cs/0112017"')},
     ("data/notes/2023/good-old.md:6:8: error: arxiv: arXiv cs/0112017 also has a note in data/notes/2023/a.md, data/notes/2024/b.md",
      "data/notes/2023/a.md:6:8: error: arxiv: arXiv cs/0112017 also has a note in data/notes/2023/good-old.md, data/notes/2024/b.md",
      "data/notes/2024/b.md:6:8: error: arxiv: arXiv cs/0112017 also has a note in data/notes/2023/a.md, data/notes/2023/good-old.md")),
    # --- body ---
    ("guidance-with-cr-line-ends", {"2024/hostile.md": note(body=f"\n## 한국어\n\n{DEFAULT_GUIDANCE['ko']}\n\n## English\n\nBody.\n").replace("\n", "\r")},
     (f"{H}:11:1: error: ## 한국어: this is the template's guidance text",)),
    ("guidance-with-crlf-and-nfd-hangul", {"2024/hostile.md": unicodedata.normalize("NFD", note(
        body=f"\n## 한국어\n\n{DEFAULT_GUIDANCE['ko']}\n\n## English\n\n{DEFAULT_GUIDANCE['en']}\n")).replace("\n", "\r\n")},
     (f"{H}:11:1: error: ## 한국어: this is the template's guidance text", f"{H}:15:1: error: ## English: this is the template's guidance text")),
    ("no-commentary", {"2024/hostile.md": note(body="\n## Abstract\n\nOnly an abstract.\n")},
     (f"{H}:8:1: error: body: write the commentary in a `## 한국어` or `## English` section",)),
    ("text-outside-section", {"2024/hostile.md": note(body="\nstray text\n" + BODY)},
     (f"{H}:9:1: error: body: text outside a section",)),
    ("unknown-section", {"2024/hostile.md": note(body=BODY + "\n## Notes\n\nmore\n")},
     (f"{H}:17:1: error: body: unknown section '## Notes'",)),
    ("duplicate-section", {"2024/hostile.md": note(body=BODY + "\n## English\n\nagain\n")},
     (f"{H}:17:1: error: body: section '## English' appears twice",)),
    ("slow-brackets", {"2024/hostile.md": note(body=BODY + "[" * 60000 + "\n")},
     (f"{H}:13:1: error: ## English: the paragraph that starts 'Body.' holds 60,000 `[`, more than the 1,000",)),
    # Slow in Python-Markdown too, but not counted: the time budget stops it.
    ("slow-angles", {"2024/hostile.md": note(body=BODY + "a<" * 60000 + "\n")},
     (f"{H}:13:1: error: ## English: rendering this section's Markdown was stopped at the limit of 2 s",)),
    # A form feed pasted from a PDF passed, and made feed.xml not well-formed XML for every reader.
    ("control-character-in-body", {"2024/hostile.md": note(body="\n## 한국어\n\n보상\x0c 모델\n\n## English\n\nEsc \x1b[31m red\n")},
     (f"{H}:11:3: error: ## 한국어: contains the control character U+000C (a control character), which no page or feed can carry",
      f"{H}:15:5: error: ## English: contains the control character U+001B (a control character)")),
    ("nul-in-body", {"2024/hostile.md": note(body="\n## English\n\nnul \x00 here\n")},
     (f"{H}:11:5: error: ## English: contains the control character U+0000 (a control character)",)),
    # 60,000 backslashes rendered in 0.3 s in `papernotes check` but took 5 s in `mkdocs build`,
    # whose allocator gave back and asked again for each copy Python-Markdown makes per escape:
    # check passed what the build refused. Such a paragraph is refused unrendered, in both.
    ("escapes-rendered-in-time-by-check-only", {"2024/hostile.md": note(body="\n## 한국어\n\n본문.\n\n## English\n\n" + "\\" * 60000 + "\n")},
     (f"{H}:13:1: error: ## English: the paragraph that starts '" + "\\\\" * 24 + "' is 60,000 characters long with 30,000 Markdown marks",)),
    ("slow-angle-brackets", {"2024/hostile.md": note(body="\n## 한국어\n\n" + "a<" * 80000 + "\n")},
     (f"{H}:9:1: error: ## 한국어: rendering this section's Markdown was stopped at the limit of 2 s",)),
    # 4,000 formulas (90 kB of Markdown) render to more HTML than a page may show: with both
    # commentaries so, the note page was 1.6 MB and its day page 1.8 MB.
    ("formulas-beyond-any-page", {"2024/hostile.md": note(body="\n## 한국어\n\n보상.\n\n## English\n\n"
                                                          + "".join(f"- item $\\alpha_{{{j}}}^2$\n" for j in range(4000)))},
     (f"{H}:13:1: error: ## English: this section renders to ",)),
    # One note, one paper: a `url:` that is another arXiv paper's page linked two papers (and the
    # other one was never checked for a note of its own).
    ("arxiv-and-url-name-two-papers", {"2024/hostile.md": note(extra="url: https://arxiv.org/abs/2412.17256v2\n")},
     (f"{H}:7:6: error: url: `url:` is arXiv 2412.17256's page, but `arxiv:` is 2406.00001: a note is about one paper",)),
    ("title-of-a-lone-accent", {"2024/hostile.md": note(title='"\u0301"')},
     (f"{H}:2:8: error: title: the title has no letter or digit",)),
]


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return good_baseline(tmp_path_factory.mktemp("baseline"))


@pytest.mark.parametrize("files, expected", [pytest.param(f, e, id=i) for i, f, e in CASES])
def test_hostile_note_is_located_and_costs_no_other_note(tmp_path: Path, baseline: dict, files: dict, expected: tuple[str, ...]) -> None:
    started = time.process_time()  # CPU time: a loaded machine's waits do not count (a wall-clock bound failed under load)
    result = load_site(write_site(tmp_path, files), "data")
    elapsed = time.process_time() - started
    errors = [p.format() for p in result.errors]
    assert not any("\n" in e or "\r" in e for e in errors), "one problem per line, whatever the input"
    for prefix in expected:
        matches = [e for e in errors if e.startswith(prefix)]
        assert len(matches) == 1, f"expected exactly one error starting with\n  {prefix}\ngot:\n  " + "\n  ".join(errors)
    assert len(errors) == len(expected), "unexpected errors:\n  " + "\n  ".join(errors)
    named = {line.split(":", 1)[0] for line in expected}
    assert_good_notes_survive(result, baseline, named)
    assert result.files == len(files) + 3
    # Nothing is dropped silently: every file is a note or has an error.
    # (The oldest note of a clash is both: published, and told of the newer one that clashes.)
    sources_with_errors = {p.path for p in result.errors}
    assert len({n.source for n in result.notes} | sources_with_errors) == result.files
    assert elapsed < 20, f"loading took {elapsed:.1f} CPU-s"  # a hang would never get here; this bounds a slow one


def test_there_are_at_least_sixty_hostile_cases() -> None:
    assert len(CASES) >= 60
    assert len({case_id for case_id, _, _ in CASES}) == len(CASES)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
@pytest.mark.parametrize("target", ["../../../hooks/papernotes_hook.py", "/etc/hostname", "../../tags.yml"])
def test_symlinked_note_is_refused_not_followed(tmp_path: Path, baseline: dict, target: str) -> None:
    root = write_site(tmp_path, {})
    (root / "hooks").mkdir()
    (root / "hooks" / "papernotes_hook.py").write_text(note(), encoding="utf-8")
    os.symlink(target, root / "data" / "notes" / "2024" / "leak.md")
    result = load_site(root, "data")
    assert [p.format() for p in result.errors] == [
        "data/notes/2024/leak.md:1:1: error: file: symbolic links are not allowed under data/notes/; commit the note itself"]
    assert_good_notes_survive(result, baseline, set())


def test_symlinked_folder_is_refused(tmp_path: Path, baseline: dict) -> None:
    root = write_site(tmp_path / "project", {})  # the link leads out of the project (a note in it is misplaced)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "secret.md").write_text(note(), encoding="utf-8")
    os.symlink(tmp_path / "elsewhere", root / "data" / "notes" / "2025")
    result = load_site(root, "data")
    assert [p.format() for p in result.errors] == [
        "data/notes/2025:1:1: error: file: symbolic links are not allowed under data/notes/; commit the note itself"]
    assert_good_notes_survive(result, baseline, set())


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
@pytest.mark.parametrize(("name", "target"), [("glossary.yml", "/dev/zero"), ("authors.yml", "/etc/passwd"), ("tags.yml", "/dev/zero")])
def test_a_symlinked_data_file_is_refused_not_read(tmp_path: Path, name: str, target: str) -> None:
    """Found by a QA pass: data/glossary.yml as a link to /dev/zero read until memory ran out (a
    MemoryError naming no file); data/authors.yml as a link to a file of the machine printed that
    file's keys in the errors. A data file that is a link is refused at its first line, unread."""
    root = write_site(tmp_path, {"2025/a.md": note()})
    data = root / "data" / name
    data.unlink(missing_ok=True)
    os.symlink(target, data)
    result = load_site(root, "data")
    assert [p.format() for p in result.errors] == [
        f"data/{name}:1:1: error: file: a symbolic link: data files are read only as regular files of the project; "
        "replace the link with the file itself"]


def test_a_data_file_over_its_limit_is_refused(tmp_path: Path) -> None:
    from papernotes.source.yamlnodes import MAX_DATA_BYTES

    root = write_site(tmp_path, {"2025/a.md": note()})
    (root / "data" / "glossary.yml").write_text("# padding\n" * (MAX_DATA_BYTES // 10 + 1), encoding="utf-8")
    result = load_site(root, "data")
    assert [p.format() for p in result.errors] == [
        "data/glossary.yml:1:1: error: file: over 2 MiB; the limit keeps every build small: split it, or trim what no note uses"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_symlinked_notes_folder_is_refused(tmp_path: Path) -> None:
    """data/notes itself a link to another folder was read as the notes (a folder inside it was refused)."""
    root = write_site(tmp_path / "project", {"2025/a.md": note()})  # the link leads out of the project
    (root / "data" / "notes").rename(tmp_path / "elsewhere")
    os.symlink(tmp_path / "elsewhere", root / "data" / "notes")
    result = load_site(root, "data")
    assert [p.format() for p in result.errors] == [
        "data/notes:1:1: error: folder: the notes folder is a symbolic link: notes are read only from data/notes/ "
        "itself; replace the link with the folder"] and not result.notes


def test_a_note_with_too_many_tags_or_authors_is_refused_at_the_first_over(tmp_path: Path, baseline: dict) -> None:
    """Found by a QA pass: one note listing 3,000 tags and 3,000 authors passed the check and wrote
    2 GB (each tag page, feed and citation file carrying every author). At most MAX_TAGS tags and
    MAX_AUTHORS authors, refused at the first one over; the other notes are untouched."""
    from papernotes.schema import MAX_AUTHORS, MAX_TAGS

    tags = "tags:\n" + "".join("  - rl\n" for _ in range(MAX_TAGS + 1))
    authors = "authors:\n" + "".join(f"  - Person {i}\n" for i in range(MAX_AUTHORS + 1))
    root = write_site(tmp_path, {"2024/many-tags.md": note(tags=None, arxiv='"2406.00011"', extra=tags),
                                 "2024/many-authors.md": note(authors=None, arxiv='"2406.00012"', extra=authors)})
    result = load_site(root, "data")
    found = {p.path.rsplit("/", 1)[-1]: (p.field, p.message) for p in result.errors}
    assert found == {"many-tags.md": ("tags", f"the note lists {MAX_TAGS + 1} tags; the limit is {MAX_TAGS}: keep the topics it is about"),
                     "many-authors.md": ("authors", f"the note lists {MAX_AUTHORS + 1:,} authors; the limit is {MAX_AUTHORS:,}")}
    assert_good_notes_survive(result, baseline, {"data/notes/2024/many-tags.md", "data/notes/2024/many-authors.md"})


def test_a_tag_registry_over_its_limit_refuses_the_rest(tmp_path: Path) -> None:
    """10,000 tags no note used took 78 s and wrote 290 MB: tags past MAX_REGISTRY_TAGS are refused
    at the first one over (the others are read), and a note using one of them is told so."""
    from papernotes.schema import MAX_REGISTRY_TAGS
    from papernotes.source.tags import load_tag_registry

    path = tmp_path / "tags.yml"
    path.write_text("".join(f"t{i}:\n  ko: 태그{i}\n  en: Tag {i}\n" for i in range(MAX_REGISTRY_TAGS + 5)), encoding="utf-8")
    registry, problems = load_tag_registry(path, "data/tags.yml")
    assert [p.format() for p in problems] == [
        f"data/tags.yml:{3 * MAX_REGISTRY_TAGS + 1}:1: error: t{MAX_REGISTRY_TAGS}: data/tags.yml defines "
        f"{MAX_REGISTRY_TAGS + 5:,} tags; the limit is {MAX_REGISTRY_TAGS:,}: this one and those after it are not read"]
    assert len(registry.tags) == MAX_REGISTRY_TAGS and f"t{MAX_REGISTRY_TAGS + 1}" in registry.unreadable


# Input that is handled without loss instead of refused: what Windows editors and macOS file
# systems produce. (id, bytes of the note) -> the same Note as the plain UTF-8/LF original.
CANONICAL = note(title='"정렬된 보상 모델: Café"', authors="[김민지]", body="\n## 한국어\n\n첫 줄\n둘째 줄\n\n## English\n\nText.\n")
LOSSLESS_CASES = [
    ("utf8-bom", b"\xef\xbb\xbf" + CANONICAL.encode()),
    ("crlf", CANONICAL.replace("\n", "\r\n").encode()),
    ("bom-and-crlf", b"\xef\xbb\xbf" + CANONICAL.replace("\n", "\r\n").encode()),
    ("old-mac-cr", CANONICAL.replace("\n", "\r").encode()),
    ("mixed-line-ends", CANONICAL.replace("\n", "\r\n", 3).encode()),
    ("nfd-hangul-and-accents", unicodedata.normalize("NFD", CANONICAL).encode()),
]


@pytest.mark.parametrize("content", [pytest.param(c, id=i) for i, c in LOSSLESS_CASES])
def test_bom_crlf_and_nfd_are_read_without_loss(tmp_path: Path, content: bytes) -> None:
    expected = load_site(write_site(tmp_path / "plain", {"2024/same.md": CANONICAL}, good=False), "data")
    result = load_site(write_site(tmp_path / "variant", {"2024/same.md": content}, good=False), "data")
    assert [p.format() for p in result.problems] == [p.format() for p in expected.problems] == []
    assert result.notes == expected.notes
    assert result.notes[0].title == "정렬된 보상 모델: Café" and unicodedata.is_normalized("NFC", result.notes[0].ko)


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_errors_in_crlf_files_keep_their_line_and_column(tmp_path: Path, line_end: str) -> None:
    text = note(date="2024-02-30").replace("\n", line_end)
    result = load_site(write_site(tmp_path, {"2024/hostile.md": b"\xef\xbb\xbf" + text.encode()}, good=False), "data")
    assert [p.format() for p in result.errors] == [f"{H}:4:7: error: date: '2024-02-30' is not a real calendar date"]


# Hostile additions to data/tags.yml (appended after line 10): (id, YAML, expected error-line prefixes).
# The good notes use other tags, so they must all still load.
T = "data/tags.yml"
TAG_CASES = [
    ("label-zero-width", "extra:\n  ko: 추\u200b가\n  en: Extra\n", (f"{T}:12:8: error: extra.ko: contains the invisible character U+200B ZERO WIDTH SPACE",)),
    ("label-bidi", "extra:\n  ko: 추가\n  en: \u202eartxE\n", (f"{T}:13:7: error: extra.en: contains the invisible character U+202E RIGHT-TO-LEFT OVERRIDE",)),
    ("alias-zero-width", "extra:\n  ko: 추가\n  en: Extra\n  aliases: [ex\u200btra]\n", (f"{T}:14:15: error: extra.aliases[0]: contains the invisible character U+200B ZERO WIDTH SPACE",)),
    ("slug-not-kebab", "Extra Tag:\n  ko: 추가\n  en: Extra\n", (f"{T}:11:1: error: Extra Tag: tag 'Extra Tag' must be lowercase ASCII kebab-case",)),
    ("slug-hangul", "추가:\n  ko: 추가\n  en: Extra\n", (f"{T}:11:1: error: 추가: tag '추가' must be lowercase ASCII kebab-case",)),
    ("duplicate-tag-key", "rl:\n  ko: 다시\n  en: Again\n",
     (f"{T}:11:1: error: file: duplicate key 'rl' (first defined on line 1); YAML would silently keep the last one",)),
    ("label-number", "extra:\n  ko: 2024\n  en: Extra\n", (f"{T}:12:7: error: extra.ko: expected text, but YAML reads `2024` as a number",)),
    ("alias-bomb", "extra: &x\n  ko: a\n  en: b\nmore: *x\n", (f"{T}:11:8: error: file: YAML anchors and aliases (&, *) are not allowed here",)),
    ("slug-index", "index:\n  ko: 색인\n  en: Index\n",
     (f"{T}:11:1: error: index: the tag slug 'index' is reserved: tags/index.md is the tag index page",)),
    ("label-escape-out-of-range", 'extra:\n  ko: "\\U00110000"\n  en: Extra\n', (f"{T}:12:8: error: file: YAML syntax error: the escape \\U00110000",)),
    ("line-separator-in-comment", "extra:  # \u2028\n  ko: 추가\n  en: Extra\n", (f"{T}:11:11: error: file: the invisible character U+2028 LINE SEPARATOR is a line break to YAML",)),
    # A tag names a folder (tags/<tag>/): past 255 bytes the build stopped with "File name too long".
    ("slug-too-long", "-".join(["averylongword"] * 20) + ":\n  ko: 긴\n  en: Long\n",
     (f"{T}:11:1: error: {'-'.join(['averylongword'] * 20)}: tag 'averylongword-averylongword-averylongwor'... is 279 characters long; "
      "a tag is at most 120",)),
    ("alias-taken", "extra:\n  ko: 추가\n  en: Extra\n  aliases: [reasoning]\n", (f"{T}:14:13: error: extra.aliases[0]: 'reasoning' is already used by tag 'reasoning'",)),
]


@pytest.mark.parametrize("addition, expected", [pytest.param(a, e, id=i) for i, a, e in TAG_CASES])
def test_hostile_tag_registry_entry_is_located(tmp_path: Path, baseline: dict, addition: str, expected: tuple[str, ...]) -> None:
    root = write_site(tmp_path, {})
    with (root / "data" / "tags.yml").open("a", encoding="utf-8") as f:
        f.write(addition)
    result = load_site(root, "data")
    errors = [p.format() for p in result.errors]
    assert not any("\n" in e or "\r" in e for e in errors), "one problem per line, whatever the input"
    for prefix in expected:
        assert len([e for e in errors if e.startswith(prefix)]) == 1, f"{prefix}\n got {errors}"
    if any(words in expected[0] for words in ("anchors and aliases", "YAML syntax error", "line break to YAML")):
        # An unreadable registry (YAML-level problem): its one error; every note kept, with the tags it writes.
        assert len(errors) == 1 and {n.source for n in result.notes} == set(baseline)
        return
    assert len(errors) == len(expected), errors
    assert_good_notes_survive(result, baseline, set())


SLOW = "a<" * 60000  # python-markdown is quadratic on these: many seconds, not milliseconds
SLOWISH = "a<" * 5000  # a tenth of a second (runs of `[` are refused by their count first: markup.MAX_BRACKETS)


def test_render_budget_stops_a_slow_render_on_the_main_thread() -> None:
    started = time.process_time()  # the budget is CPU time: a loaded machine's waits do not count
    with pytest.raises(SlowMarkdown) as caught:
        HtmlCache().check(SLOW, budget=0.2)
    assert caught.value.stopped and time.process_time() - started < 2


def test_render_budget_reports_after_the_fact_off_the_main_thread() -> None:
    # `mkdocs serve` rebuilds in a thread, where no signal can interrupt: the render
    # finishes, and is still reported.
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            HtmlCache().check(SLOWISH, budget=0.01)
            outcome.append(None)
        except SlowMarkdown as slow:
            outcome.append(slow)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(120)
    assert isinstance(outcome[0], SlowMarkdown) and not outcome[0].stopped


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="Unix timers only")
@pytest.mark.parametrize(("which", "sig"), [(signal.ITIMER_REAL, signal.SIGALRM), (signal.ITIMER_PROF, signal.SIGPROF)])
def test_render_budget_puts_back_an_outer_timer(which: int, sig: int) -> None:
    fired: list[int] = []
    previous = signal.signal(sig, lambda *_: fired.append(1))
    try:
        signal.setitimer(which, 30)
        HtmlCache().check("*fine*", budget=1)
        remaining, _ = signal.setitimer(which, 0)
        assert 25 < remaining <= 30.1 and fired == []  # CPU timers tick in jiffies
    finally:
        signal.setitimer(which, 0)
        signal.signal(sig, previous)


def test_a_markdown_crash_costs_only_its_note(tmp_path: Path, baseline: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    real = HtmlCache.check

    def fragile(self: HtmlCache, text: str, budget: float = 2.0) -> object:
        if "boom" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(self, text, budget)

    monkeypatch.setattr(HtmlCache, "check", fragile)
    result = load_site(write_site(tmp_path, {"2024/hostile.md": note(body="\n## English\n\nboom\n\n## 한국어\n\n본문\n")}), "data")
    assert [p.format() for p in result.errors] == [
        f"{H}:9:1: error: ## English: the Markdown could not be rendered (RecursionError: maximum recursion depth exceeded)"]
    assert_good_notes_survive(result, baseline, set())


def test_a_bug_reading_one_note_costs_only_that_note(tmp_path: Path, baseline: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    import papernotes.source.tree

    real = papernotes.source.tree.load_note

    def fragile(path: Path, *args: object) -> object:
        if path.name == "hostile.md":
            raise KeyError("surprise")
        return real(path, *args)

    monkeypatch.setattr(papernotes.source.tree, "load_note", fragile)
    result = load_site(write_site(tmp_path, {"2024/hostile.md": note()}), "data")
    assert [p.format() for p in result.errors] == [
        f"{H}:1:1: error: file: internal error while reading this note (KeyError('surprise')); please report it"]
    assert_good_notes_survive(result, baseline, set())


@pytest.mark.parametrize("line", ["authors: A Single String, Another Person\n", "authors: Ada Lovelace and Alan Turing\n"])
def test_several_authors_on_one_line_is_a_located_error(line: str) -> None:
    """`authors: A, B` read as one author named 'A, B' (found by an acceptance run); one name
    alone may still be written without brackets."""
    from papernotes.source.note import parse_note
    from papernotes.source.tags import load_tag_registry

    tags, _ = load_tag_registry(Path(__file__).parent / "fixtures" / "site" / "data" / "tags.yml", "data/tags.yml")
    head = '---\ntitle: "X"\n{authors}date: 2025-04-09\ntags: [rl]\narxiv: "2504.06141"\n---\n\n## 한국어\n\n가.\n\n## English\n\na.\n'
    note, problems = parse_note(head.format(authors=line), slug="x", source="x.md", tags=tags)
    assert note is None and [(p.line, p.field, p.rule) for p in problems] == [(3, "authors", "wrong-type")]
    assert "write a list: authors: [" in problems[0].message
    note, problems = parse_note(head.format(authors="authors: Ada Lovelace\n"), slug="x", source="x.md", tags=tags)
    assert problems == [] and note is not None and note.authors == ("Ada Lovelace",)


def test_a_very_long_word_is_read_in_linear_time() -> None:
    """One 300,000-letter word (a note may hold one: 256 KiB is the file limit) went through a
    pattern that backtracked over every split of it (text/words.py `_LATIN_ENDING`): a 100,000-
    letter word stalled `mkdocs build` for 95 s while `papernotes check` passed the note in under
    a second, and this one would have taken about ten minutes. Now it is read at once."""
    from papernotes.text.words import _LATIN_ENDING, without_ending

    word = "a" * 300_000
    assert without_ending(word) == word
    assert _LATIN_ENDING.fullmatch(word + "-가") is None and _LATIN_ENDING.fullmatch(word + "가") is not None


@pytest.mark.parametrize("clash", ["paper", "file name", "paper, dated earlier", "draft dated earlier"])
def test_a_new_note_that_clashes_does_not_unpublish_the_note_that_was_there(tmp_path: Path, baseline: dict, clash: str) -> None:
    """Under serve, a new note about a paper that has a note (or under the file name of one) turned
    the existing note into a draft: its page, tag pages, feeds and notes.json lost it. Both files
    are told of the clash (no build publishes either), and the older note keeps its page: the
    file written first, whatever the newcomer's `date:` says, and never a draft (which is not
    published: the paper had no page at all)."""
    existing = "data/notes/2024/good-korean.md"
    if clash == "file name":
        files = {"2026/good-korean.md": note(arxiv='"2406.00077"', date="2026-01-02")}
        newcomer = "data/notes/2026/good-korean.md"
    else:
        date = "2026-01-02" if clash == "paper" else "2001-01-02"
        files = {"2026/newcomer.md": note(arxiv='"2405.00010"', date=date, extra="draft: true\n" if "draft" in clash else "")}
        newcomer = "data/notes/2026/newcomer.md"
    root = write_site(tmp_path, files)
    os.utime(root / newcomer, (2e9, 2e9))  # written after the notes that were there
    result = load_site(root, "data")
    published = {n.source for n in result.notes}
    assert existing in published and newcomer not in published
    assert {existing, newcomer} <= {p.path for p in result.errors}


def test_a_note_saved_outside_the_notes_folder_is_a_located_error(tmp_path: Path, baseline: dict) -> None:
    """A note in data/ or a folder of it was never published while the check and the strict build
    passed; one in docs/ was published as a page of the site, its HTML unchecked. A Markdown file
    without a note's front matter (a README, a page of docs/ with its own front matter) is no note."""
    root = write_site(tmp_path, {})
    strays = {"data/2024/misplaced.md": note(arxiv='"2406.00002"'), "data/loose.md": note(arxiv=None),
              "docs/paper.md": note(arxiv='"2406.00003"', body=BODY + "<script>alert(1)</script>\n")}
    fine = {"data/README.md": "# Data\n\nNotes live in notes/.\n", "docs/page.md": "---\ntitle: About\nhide: [toc]\n---\n# About\n",
            "docs/blog.md": "---\ntitle: A post\nauthors: [me]\n---\nText\n"}
    for rel, text in {**strays, **fine}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    result = load_site(root, "data")
    found = {p.path: p for p in result.problems}
    assert set(found) == set(strays), [p.format() for p in result.problems]
    assert all(p.severity == "error" and (p.line, p.field) == (1, "file") and "move it to data/notes/<year>/" in p.message
               for p in found.values())
    assert "published as a page of the site" in found["docs/paper.md"].message and "not published" in found["data/loose.md"].message
    assert_good_notes_survive(result, baseline, set())
    # Checking one note names only its own problems, as for any other check of some files.
    only = load_site(root, "data", only=[root / "data" / "notes" / next(iter(baseline)).split("data/notes/", 1)[1]])
    assert not only.problems, [p.format() for p in only.problems]
