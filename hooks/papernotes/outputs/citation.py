"""What reference managers read from a note page: Highwire Press `citation_*` meta tags describing
the *paper* (never the note), as Google Scholar's inclusion guidelines and Zotero's embedded-
metadata translator expect them.

Dates are written `YYYY/MM/DD` (Scholar's form); a paper without `published:` gets the month of
its arXiv id (`2504.06141` -> 2025/04, `hep-th/9901001` -> 1999/01), else no date (`paper_day`);
Scholar takes a full date "or a year alone otherwise", so its tag then gives the year (COinS and
the citation files keep the month). The DOI is arXiv's own
(`10.48550/arXiv.<id>`), registered by arXiv for every paper.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote, urlencode

from papernotes.model import Note
from papernotes.names import LISTED_AUTHORS, NO_FORMS, NameForms, split_script
from papernotes.schema import arxiv_id_month
from papernotes.catalog import urls


def listed_authors(note: Note) -> tuple[str, ...]:
    """The first `LISTED_AUTHORS` of the note's authors: what lists of many papers carry."""
    return note.authors[:LISTED_AUTHORS]


_JOINED = re.compile(r"(?<!\S)(?:and|&)(?!\S)", re.IGNORECASE)
_SUFFIX = re.compile(r",? ((?:Jr|Sr|Jnr|Snr)\.?|II|III|IV)$")
_GROUP = frozenset({"team", "collaboration", "consortium", "group", "lab", "labs", "laboratory", "project", "research",
                    "institute", "university", "foundation", "inc", "inc.", "ltd", "ltd.", "corp", "corp.", "llc"})
"""Last words of a team or an organisation written as an author (`Gemini Team`, `ATLAS
Collaboration`, `Google Research`, and `AI` in capitals: `Meta AI`): not a family name."""


def name_parts(name: str, forms: NameForms = NO_FORMS) -> dict[str, str] | None:
    """A person's name (on one line) in CSL's parts, or None for a name to keep whole. A
    Latin-script name with a space is split at its last space into `given` and `family`, the
    lowercase words just before the family name being its `non-dropping-particle` (`Ludo van der
    Berg` is `van der Berg, L.`, not `Berg, L. van der`), and a generational `suffix` after it
    (`Henry Ford, Jr.`, `Robert W. Heath Jr.`: not a family name `Ford, Jr.` or `Jr.`). Anything
    else is kept whole: a Hangul or a one-word name, a name with more commas (one is `Family,
    Given`: `_inverted_parts`), one that joins words with `and` or `&` (a group such as `Smith and
    Wesson`, which split would print as "Wesson, S. and") or ends with a group's word (`Qwen Team`:
    not "Team, Q."), one with a part in brackets (`Wei Zhang (Tsinghua)`). CSL-JSON, RIS and BibTeX
    split names by this one rule.

    `forms` knows more than the name's look (`names.NameForms`): an organisation's name is kept
    whole (`Hugging Face`), and a family name `data/authors.yml` declares splits the name there
    (`Kim Minji` with `family: Kim`: family `Kim`, given `Minji`)."""
    found = _name_parts(name, forms)
    return dict(found) if found is not None else None


@lru_cache(maxsize=1 << 16)
def _name_parts(name: str, forms: NameForms) -> dict[str, str] | None:
    """`name_parts`, once per name and site: a name is split for each of the five forms a paper
    is described in (BibTeX, RIS, CSL-JSON, COinS, `citation_*`), on every list and file it is in."""
    at = forms.split(name)
    if at == 0:
        return None
    if at is not None and "," not in name and not _JOINED.search(name):
        words = name.split(" ")
        family, given = (words[:at], words[at:]) if at > 0 else (words[at:], words[:at])
        return {"given": " ".join(given), "family": " ".join(family)}
    found = _SUFFIX.search(name)
    base = name[:found.start()] if found else name
    if base.count(",") == 1 and not found:
        return _inverted_parts(base)
    given, _, family = base.rpartition(" ")
    if not given or "," in base or _JOINED.search(base) or not split_script(base):
        return None
    if _group_word(family) or any(c in "()[]" for c in base):
        return None
    suffix = {"suffix": found.group(1)} if found else {}
    words = given.split(" ")
    cut = len(words)
    while cut and family[:1].isupper() and words[cut - 1][:1].islower():  # `van der`, `de la` (not `danah boyd`)
        cut -= 1
    if cut == len(words):
        return {"given": given, "family": family, **suffix}
    return {**({"given": " ".join(words[:cut])} if cut else {}), "non-dropping-particle": " ".join(words[cut:]),
            "family": family, **suffix}


def _inverted_parts(base: str) -> dict[str, str] | None:
    """A name written `Family, Given` (one comma, no suffix: `Smith, John`, `van der Berg, Ludo`), as
    `names` reads it for matching and as RIS, COinS and `citation_author` pass it on (Zotero reads a
    comma so): split at the comma, the family's lowercase first words its particle. Kept whole when
    either side is empty, or the name would be kept whole written the other way round."""
    family, given = (part.strip() for part in base.split(","))
    if not family or not given or _JOINED.search(base) or any(c in "()[]" for c in base) or _group_word(family.split()[-1]):
        return None
    if not split_script(base.replace(",", "")):
        return None
    words = family.split(" ")
    cut = 0
    while cut < len(words) - 1 and words[cut][:1].islower():
        cut += 1
    particle = {"non-dropping-particle": " ".join(words[:cut])} if cut else {}
    return {"given": given, **particle, "family": " ".join(words[cut:])}


def _group_name(name: str) -> bool:
    """Whether `name` ends with a group's word (`Qwen Team`, `ATLAS Collaboration`, `Meta AI`):
    an organisation by its look, which `name_parts` keeps whole."""
    given, _, last = _SUFFIX.sub("", name).rpartition(" ")
    return bool(given) and _group_word(last)


def _single_field(name: str) -> bool:
    """Whether COinS gives `name` as one field (`rft.aucorp`) rather than a person's `rft.au`,
    which Zotero splits at the last space: a group by its look (`_group_name`), names joined
    by `and` or `&` (`Smith & Wesson` was saved as family "Wesson", given "Smith &") and a name
    with a part in brackets (`Wei Zhang (Tsinghua)`: family "(Tsinghua)"), which `name_parts`
    keeps whole too (CSL-JSON's `literal`, BibTeX's braces)."""
    return _group_name(name) or bool(_JOINED.search(name)) or any(c in "()[]" for c in name)


def _group_word(word: str) -> bool:
    """Whether `word`, a name's last, is a group's (`_GROUP`, or `AI` in capitals)."""
    return word.casefold() in _GROUP or word == "AI"


def family_name(parts: dict[str, str]) -> str:
    """The family name of `name_parts`' split, with its particle: `van der Berg`."""
    return " ".join(p for p in (parts.get("non-dropping-particle"), parts["family"]) if p)


def family_first(name: str, parts: dict[str, str] | None = None, forms: NameForms = NO_FORMS) -> str:
    """`Family, Given[, Suffix]` (RIS's form, and Scholar's `Smith, John`) when `name_parts` splits
    the name (on one line; `parts`: its split, when already made), else the name as written."""
    parts = parts if parts is not None else name_parts(name, forms)
    if parts is None or "given" not in parts:
        return name
    return ", ".join(p for p in (family_name(parts), parts["given"], parts.get("suffix")) if p)


def _scraped_author(name: str, forms: NameForms = NO_FORMS) -> str:
    """A `citation_author` or COinS `rft.au`: as written, but a name with a suffix or a declared
    family name family first (`Ford, Henry, Jr.`, `Kim, Minji`). Zotero (its Embedded Metadata and
    COinS translators alike) reads a name with a comma as `Family, Given` (`Henry Ford, Jr.` was
    family "Henry Ford", given "Jr."; `Kim Minji` family "Minji") and one without as given names
    and a last word (`Robert W. Heath Jr.`: family "Jr."); other names stay as written, since
    Zotero would split `van der Berg, Ludo Maria` (words on both sides of the comma) into two
    authors."""
    parts = name_parts(name, forms)
    declared = parts is not None and forms.split(name) is not None
    return family_first(name, parts) if parts is not None and ("suffix" in parts or declared) else name


def paper_day(note: Note) -> tuple[int, ...] | None:
    """The paper's date as (year, month, day) or (year, month), or None: `published:` when the
    note gives it, else the month its arXiv id was given (`2504.06141` -> 2025-04; old style
    `hep-th/9901001` -> 1999-01). Never the note's own `date:` (when it was noted, not
    published). The one rule for the Highwire tags, COinS, BibTeX, RIS and CSL-JSON."""
    if note.published:
        return (note.published.year, note.published.month, note.published.day)
    return arxiv_id_month(note.arxiv) if note.arxiv else None  # a note's id is checked: a real month


def paper_date(note: Note) -> str | None:
    """The paper's date as `YYYY/MM/DD`, or `YYYY/MM` when only its month is known (an arXiv id's)."""
    day = paper_day(note)
    return _slashed(day) if day else None


def _slashed(parts: tuple[int, ...]) -> str:
    return "/".join(f"{part:02d}" if i else f"{part:04d}" for i, part in enumerate(parts))


def arxiv_doi(arxiv_id: str) -> str:
    return f"10.48550/arXiv.{arxiv_id}"


def highwire(note: Note, forms: NameForms = NO_FORMS) -> tuple[tuple[str, str], ...]:
    """(name, content) pairs, in the order Scholar's examples give them."""
    tags: list[tuple[str, str]] = [("citation_title", " ".join(note.title.split()))]
    tags += [("citation_author", _scraped_author(" ".join(name.split()), forms)) for name in note.authors]
    day = paper_day(note)
    if day:  # Scholar's rule: the full date "if available; or a year alone otherwise"
        tags.append(("citation_publication_date", _slashed(day if len(day) == 3 else day[:1])))
    if note.arxiv:
        # Scholar's pair for a technical report: the institution and the report's number.
        tags += [("citation_arxiv_id", note.arxiv), ("citation_technical_report_institution", "arXiv"),
                 ("citation_technical_report_number", f"arXiv:{note.arxiv}"),
                 ("citation_abstract_html_url", urls.arxiv_abs(note.arxiv)), ("citation_pdf_url", urls.arxiv_pdf(note.arxiv)),
                 ("citation_doi", arxiv_doi(note.arxiv))]
    elif note.url:  # a link to the PDF itself is the PDF, not the abstract's page
        tags.append(("citation_pdf_url" if is_pdf(note.url) else "citation_abstract_html_url", note.url))
    return tuple(tags)


def is_pdf(url: str) -> bool:
    """Whether a note's `url:` is the paper's PDF itself (its path ends in `.pdf`): the Highwire
    tags give it as the PDF, and RIS as the file to attach (`L1`)."""
    return re.split(r"[?#]", url, maxsplit=1)[0].lower().endswith(".pdf")


def coins(note: Note, forms: NameForms = NO_FORMS) -> str:
    """The note's paper as a COinS `title`: an OpenURL 1.0 ContextObject in KEV format (Z39.88-2004,
    journal format, genre `preprint`), keys and values percent-encoded as UTF-8. An organisation
    written as an author (`forms`) is the format's `rft.aucorp`, "organization or corporation that
    is the author", not a person's `rft.au`; so is a name kept whole by its look (`_single_field`:
    Zotero read `rft.au=Qwen Team` as a person, family name "Team")."""
    pairs: list[tuple[str, str]] = [("ctx_ver", "Z39.88-2004"), ("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"),
                                    ("rft.genre", "preprint"), ("rft.atitle", " ".join(note.title.split()))]
    for written in listed_authors(note):  # COinS is for lists
        name = " ".join(written.split())
        pairs.append(("rft.aucorp", name) if forms.split(name) == 0 or _single_field(name) else ("rft.au", _scraped_author(name, forms)))
    date = paper_date(note)
    if date:
        pairs.append(("rft.date", date.replace("/", "-")))
    if note.arxiv:
        pairs += [("rft.jtitle", "arXiv"), ("rft_id", f"info:doi/{arxiv_doi(note.arxiv)}"),
                  ("rft_id", f"info:arxiv/{note.arxiv}"), ("rft_id", urls.arxiv_abs(note.arxiv))]
    elif note.url:
        pairs.append(("rft_id", note.url))
    return urlencode(pairs, quote_via=quote)
