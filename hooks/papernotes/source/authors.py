"""The people and organisations file, `data/authors.yml` (optional): who is who behind the
names notes write, and which labs are one.

```yaml
people:
  - name: Minji Kim                  # shown on the author page (as written)
    aliases: [김민지, Kim Min-ji]     # other spellings and romanisations of the same person
    orcid: 0000-0002-1825-0097       # optional; its check digit is verified
    homepage: https://example.org    # optional
    slug: minji-kim                  # optional URL part (default: from the name)
  - name: Wei Zhang
    aliases: [Zhang Wei]             # written family name first
    family: Zhang                    # optional: the family name, for reference managers
distinct:
  - [Min-Ji Park, Minji Park]        # two people whose names look alike: no advice about them
orgs:
  - name: Google DeepMind
    aliases: [DeepMind]
    homepage: https://deepmind.google
```

Names are matched on `names.match_key` (case, width, whitespace and accents do not matter);
pages show each name as it is written. Every author named under `people` gets an author page.
A `family:` name must start or end the name or one of its aliases; the citation files and tags
split each of those forms there (`names.NameForms`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Callable, Iterable, Mapping

from papernotes.model import Note, Problem
from papernotes.names import family_split, lookalike_keys, match_key, name_slug, without_initials
from papernotes.schema import MAX_SLUG_BYTES, MAX_TEXT_CHARS, RESERVED_PARTY_SLUGS, link_problem
from papernotes.source.tags import suggest
from papernotes.source.yamlnodes import Located, NodeError, mapping_items, read_data_file, read_list, read_text, read_written_list

TOP_KEYS = ("people", "distinct", "orgs")
PERSON_KEYS = ("name", "aliases", "orcid", "homepage", "slug", "family")
ORG_KEYS = ("name", "aliases", "homepage", "slug")
SLUG = re.compile(r"^[^\W_]+(?:-[^\W_]+)*$")
"""Words of letters and digits (any script: Hangul is kept) joined by '-', as `names.name_slug` makes
them. No '_': `slug: "_"` built the author's page at `authors/_/`, the folder of the index's
initial pages (`authors/_/a/`), and no made-up slug has one."""
ORCID = re.compile(r"^(?:https?://orcid\.org/)?([0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X])$")
"""ASCII digits only ([0-9], never \\d: `０000-0002-1825-0097` passed, and its page linked a broken iD)."""


@dataclass(frozen=True)
class Entity:
    """A person or an organisation of `data/authors.yml`."""

    name: str
    """The name its page shows."""
    slug: str
    """Its URL part (`authors/<slug>/`, `labs/<slug>/`)."""
    aliases: tuple[str, ...] = ()
    """Other written forms of the same name."""
    homepage: str | None = None
    """An http(s) link."""
    orcid: str | None = None
    """`0000-0002-1825-0097` (people only), checksum verified."""
    family: str | None = None
    """The family name (people only), first or last in the name or an alias: `Kim` of `Kim Minji`."""
    line: int = 0
    """Where the entry starts in `data/authors.yml`."""
    slug_at: tuple[int, int] = (0, 0)
    """Where its `slug:` value is written (line, column), when it chose one."""


@dataclass(frozen=True, eq=False)
class AuthorsFile:
    """What `data/authors.yml` says; empty when the file does not exist."""

    people: tuple[Entity, ...] = ()
    """Declared people, in file order."""
    orgs: tuple[Entity, ...] = ()
    """Declared organisations, in file order."""
    person_of: Mapping[str, Entity] = field(default_factory=dict)
    """`match_key` of a name or alias -> the person."""
    org_of: Mapping[str, Entity] = field(default_factory=dict)
    """`match_key` of an org name or alias -> the organisation."""
    distinct: frozenset[frozenset[str]] = frozenset()
    """Pairs of `match_key`s declared to be different people."""
    path: str = "data/authors.yml"
    """The file as messages show it."""


def orcid_checksum_ok(orcid: str) -> bool:
    """ISO 7064 MOD 11-2, the check ORCID's last character carries."""
    digits = orcid.replace("-", "")
    total = 0
    for ch in digits[:-1]:
        total = (total + int(ch)) * 2
    result = (12 - total % 11) % 11
    return digits[-1] == ("X" if result == 10 else str(result))


def load_authors(path: Path, display: str) -> tuple[AuthorsFile, list[Problem]]:
    """Read and validate `data/authors.yml`; a missing file is an empty one. Every problem is
    reported at the place and field path of the value it is about (`people[1].aliases[0]`); a
    wrong value is left out (an entry without a right name, all of it), and the rest still counts."""
    problems: list[Problem] = []

    def report(err: NodeError, where: str) -> None:
        problems.append(Problem(display, err.line, err.column, where, err.message, err.rule))

    def advise(err: NodeError, where: str) -> None:  # advice: fails nothing
        problems.append(Problem(display, err.line, err.column, where, err.message, err.rule, "notice"))

    try:
        top, found = read_data_file(path, display)
    except FileNotFoundError:
        return AuthorsFile(path=display), problems
    problems += found
    if top is None:
        return AuthorsFile(path=display), problems

    people: list[_Entry] = []
    orgs: list[_Entry] = []
    pairs: list[tuple[tuple[str, str], Located, str]] = []
    for key, key_node, value in top:
        if key not in TOP_KEYS:
            report(key_node.error(f"unknown key {key!r}{suggest(key, TOP_KEYS)}; allowed: {', '.join(TOP_KEYS)}", "unknown-key"), key)
            continue
        try:
            items = read_list(value) if value.node.tag != "tag:yaml.org,2002:null" else []
        except NodeError as err:
            report(err, key)
            continue
        for i, item in enumerate(items):
            where = f"{key}[{i}]"
            if key == "distinct":
                pair = _read_distinct(item, where, report)
                if pair is not None:
                    pairs.append((pair, item, where))
                continue
            entry = _read_entity(item, PERSON_KEYS if key == "people" else ORG_KEYS, where, report)
            if entry is not None:
                (people if key == "people" else orgs).append(entry)
    person_of = _lookup(people, report, advise)
    org_of = _lookup(orgs, report, advise)
    _check_people_against_orgs(people, org_of, report)
    _check_orcids(people, report)
    distinct = _check_distinct(pairs, person_of, report)
    return AuthorsFile(tuple(e.entity for e in people), tuple(e.entity for e in orgs), person_of, org_of, distinct,
                       display), problems


Report = Callable[[NodeError, str], None]
"""Records a problem under the field path it is about (`people[1].orcid`)."""


@dataclass(frozen=True)
class _Entry:
    """A `people` or `orgs` entry as read, with where each of its values is written."""

    entity: Entity
    where: str
    """Its field path, `people[1]`."""
    at: Mapping[str, Located]
    """Field path (`people[1]`, `people[1].name`, `people[1].aliases[0]`, ...) -> its node."""

    def names(self) -> list[tuple[str, str]]:
        """Each name it is known by, with its field path: the name, then the aliases."""
        return [(self.entity.name, f"{self.where}.name"),
                *((alias, f"{self.where}.aliases[{j}]") for j, alias in enumerate(self.entity.aliases))]


def _read_entity(item: Located, keys: tuple[str, ...], where: str, report: Report) -> _Entry | None:
    """One entry of `people` or `orgs`, every problem in it reported; None when its name is
    missing or wrong. A wrong value of another field (an ORCID's check digit, an unknown key, one
    alias) leaves that value out and keeps the rest: the check and the strict build still fail on
    it, but the names the entry joins stay one author meanwhile (under serve, their page stays,
    and no notice advises joining what the entry joins)."""
    failed: list[NodeError] = []

    def fail(err: NodeError, path: str) -> None:
        failed.append(err)
        report(err, path)

    values: dict[str, object] = {}
    at: dict[str, Located] = {where: item}
    written: set[str] = set()
    try:
        for name, name_node, value in mapping_items(item, on_skip=lambda err: fail(err, where)):
            path = f"{where}.{name}"
            written.add(name)
            if name not in keys:
                fail(name_node.error(f"unknown key {name!r}{suggest(name, keys)}; allowed: {', '.join(keys)}", "unknown-key"), path)
            elif name == "aliases":
                values[name] = _read_aliases(value, path, at, fail)
            else:
                try:
                    values[name] = _read_value(name, value)
                    at[path] = value
                except NodeError as err:
                    fail(err, path)
    except NodeError as err:  # not a mapping, or a key that is not a plain name: nothing more to read
        fail(err, where)
        return None
    if "name" not in written:
        fail(item.error("this entry needs a `name:` (the name its page shows)", "missing-name"), where)
    if "name" not in values:  # no name (or a wrong one): nothing to join the aliases to
        return None
    if "family" in values:
        before = len(failed)
        _check_family(str(values["family"]), (str(values["name"]), *values.get("aliases", ())), f"{where}.family", at, fail)
        if len(failed) > before:
            del values["family"]
    if "slug" in values:
        values["slug_at"] = (at[f"{where}.slug"].line, at[f"{where}.slug"].column)
    else:  # from the name; a reserved one gets -2, as a note's name would (catalog.people)
        slug = name_slug(str(values["name"]))
        values["slug"] = f"{slug}-2" if slug in RESERVED_PARTY_SLUGS else slug
    return _Entry(Entity(line=item.line, **values), where, at)  # type: ignore[arg-type]


def _check_family(family: str, forms: tuple[str, ...], path: str, at: Mapping[str, Located], fail: Report) -> None:
    """A declared family name must start or end (word by word) a form with a given name beside it."""
    if not any(family_split(form, family) is not None for form in forms):
        written = ", ".join(repr(f) for f in forms)
        fail(at[path].error(f"family name {family!r} is neither the first nor the last word(s) of the name or an "
                            f"alias ({written}); write it as the name writes it, e.g. 'Zhang' for 'Zhang Wei'", "bad-family"), path)


def _read_aliases(value: Located, path: str, at: dict[str, Located], fail: Report) -> tuple[str, ...]:
    """The `aliases` list, each alias checked on its own (`people[1].aliases[0]`) and placed in `at`.
    A scalar is refused: `aliases: 김민지, Kim Min-ji` would be one alias."""
    try:
        nodes = read_written_list(value, "aliases", entry="name", one="alias")
    except NodeError as err:
        fail(err, path)
        return ()
    found: list[str] = []
    for j, node in enumerate(nodes):
        try:
            found.append(_read_value("name", node))
            at[f"{path}[{j}]"] = node
        except NodeError as err:
            fail(err, f"{path}[{j}]")
    return tuple(found)


def _read_value(key: str, value: Located) -> str:
    """The text of an entry's `name`, `orcid` (the bare iD), `homepage` or `slug`; raises if it is wrong."""
    text = read_text(value, one_line="a name" if key == "name" else f"the {key}")
    if key in ("name", "homepage") and len(text) > MAX_TEXT_CHARS:  # as a note's author or organisation
        raise value.error(f"the {key} is {len(text):,} characters long; the limit is {MAX_TEXT_CHARS:,}", "too-long")
    if key == "orcid":
        found = ORCID.match(text)
        non_ascii = next((c for c in text if c.isdigit() and not c.isascii()), None)
        if non_ascii is not None:
            raise value.error(f"ORCID iD {text!r} contains the digit {non_ascii!r} (U+{ord(non_ascii):04X} "
                              f"{unicodedata.name(non_ascii, 'DIGIT')}); write the ASCII digits 0-9", "bad-orcid")
        if not found:
            raise value.error("an ORCID iD is written 0000-0002-1825-0097 (four groups of four; the last may be X)", "bad-orcid")
        if not orcid_checksum_ok(found.group(1)):
            raise value.error(f"ORCID iD {found.group(1)} has a wrong check digit: copy it again from orcid.org", "bad-orcid")
        return found.group(1)
    if key == "homepage" and (problem := link_problem(text)) is not None:
        raise value.error(problem, "bad-url")
    # casefold, not lower: the build refuses two pages whose paths differ only by case
    # (`session.check_planned`, which casefolds: 'straße' and 'strasse', 'ﬁ' and 'fi' are one folder
    # on macOS and Windows), and made-up slugs (`names.name_slug`) are NFKC-casefolded already.
    folded = unicodedata.normalize("NFKC", text).casefold() if key == "slug" else text
    if key == "slug" and (not SLUG.match(text) or text != folded):
        dashed = re.sub(r"[-_]+", "-", folded).strip("-")  # `a_b` is written `a-b`
        hint = f" (write {dashed!r})" if SLUG.match(dashed) and dashed != text else ""
        why = " ('_' is not one: authors/_/ and labs/_/ hold the indexes' pages by initial)" if "_" in text else ""
        raise value.error(f"slug {text!r} must be lowercase words joined by '-', like 'minji-kim'{hint}{why}", "bad-slug")
    if key == "slug" and len(text.encode("utf-8")) > MAX_SLUG_BYTES:  # a folder name: authors/<slug>/
        raise value.error(f"slug {text[:40]!r}... is {len(text.encode('utf-8'))} bytes long; a slug is at most {MAX_SLUG_BYTES} "
                          "(it is a folder name in the site)", "long-slug")
    if key == "slug" and text in RESERVED_PARTY_SLUGS:
        raise value.error(f"the slug {text!r} is reserved: {RESERVED_PARTY_SLUGS[text]}; write e.g. '{text}-2'", "reserved-slug")
    return text


def _read_distinct(item: Located, where: str, report: Report) -> tuple[str, str] | None:
    """A `distinct` pair as written; None (reported) unless it is two different names."""
    try:
        nodes = read_list(item)
    except NodeError as err:
        report(err, where)
        return None
    names: list[str] = []
    for k, node in enumerate(nodes):
        try:
            names.append(read_text(node, one_line="a name"))
        except NodeError as err:
            report(err, f"{where}[{k}]")
    if len(names) < len(nodes):
        return None
    if len(names) != 2:
        report(item.error("a `distinct` entry lists two different names, e.g. [Minji Kim, Min-Ji Kim]", "bad-distinct"), where)
        return None
    if match_key(names[0]) == match_key(names[1]):
        report(item.error(f"{names[0]!r} and {names[1]!r} are one name to papernotes (case, width, spacing and accents are "
                          "not compared), so they are one author and cannot be kept apart; `distinct` is for names that "
                          "differ otherwise, e.g. [Minji Kim, Min-Ji Kim]", "bad-distinct"), where)
        return None
    return names[0], names[1]


def _lookup(entries: list[_Entry], report: Report, advise: Report) -> dict[str, Entity]:
    """`match_key` of every name and alias -> its entity. A name or a slug that an earlier entry
    already has is reported where the later entry writes it (a slug made from the name: at the name);
    an alias the entry itself already has (its own name, or the same alias twice) is advice there."""
    found: dict[str, Entity] = {}
    slugs: dict[str, Entity] = {}
    for entry in entries:
        entity = entry.entity
        first = slugs.setdefault(entity.slug, entity)
        if first is not entity:
            path = f"{entry.where}.slug" if f"{entry.where}.slug" in entry.at else f"{entry.where}.name"
            report(entry.at[path].error(f"slug {entity.slug!r} is already used by {first.name!r} (line {first.line}); "
                                        "give one a `slug:`", "duplicate-slug"), path)
        own: dict[str, str] = {}
        for written, path in entry.names():
            key = match_key(written)
            if key in own:
                advise(entry.at[path].error(f"{written!r} is already {own[key]} of this entry (line "
                                            f"{entity.line}); list it once", "duplicate-name"), path)
                continue
            own[key] = "the name" if path.endswith(".name") else path.rpartition(".")[2]
            other = found.setdefault(key, entity)
            if other is not entity:
                report(entry.at[path].error(f"{written!r} is already a name of {other.name!r} (line {other.line}); "
                                            "list it once", "duplicate-name"), path)
    return found


def _check_people_against_orgs(people: list[_Entry], org_of: Mapping[str, Entity], report: Report) -> None:
    """A person's name or alias that is an organisation's (an alias `DeepMind` on a person while
    `orgs` has it): a note's author `DeepMind` was linked to the person's page and written as the
    organisation in COinS (a QA pass). Reported at the person's entry."""
    for entry in people:
        for written, path in entry.names():
            org = org_of.get(match_key(written))
            if org is not None:
                report(entry.at[path].error(f"{written!r} is already a name of the organisation {org.name!r} (line "
                                            f"{org.line}); a name belongs to one entry: take it out of one of them",
                                            "duplicate-name"), path)


def _check_orcids(people: list[_Entry], report: Report) -> None:
    """One ORCID iD is one person: an iD that an earlier entry already has is reported where the later one writes it."""
    first: dict[str, Entity] = {}
    for entry in people:
        orcid = entry.entity.orcid
        if orcid is None:
            continue
        other = first.setdefault(orcid, entry.entity)
        if other is not entry.entity:
            path = f"{entry.where}.orcid"
            report(entry.at[path].error(f"ORCID iD {orcid} is already the iD of {other.name!r} (line {other.line}); "
                                        "one iD is one person: join the two entries, or copy the right iD from orcid.org",
                                        "duplicate-orcid"), path)


def _check_distinct(pairs: list[tuple[tuple[str, str], Located, str]], person_of: Mapping[str, Entity],
                    report: Report) -> frozenset[frozenset[str]]:
    """The `match_key` pairs of `distinct`, less (and reporting) any whose two names one `people`
    entry joins: the file cannot say both."""
    kept: set[frozenset[str]] = set()
    for (a, b), node, where in pairs:
        person = person_of.get(match_key(a))
        if person is not None and person is person_of.get(match_key(b)):
            report(node.error(f"{a!r} and {b!r} are both names of {person.name!r} (line {person.line}); "
                              "remove this pair, or split that entry in two", "contradicts-people"), where)
            continue
        kept.add(frozenset((match_key(a), match_key(b))))
    return frozenset(kept)


def lookalike_notices(notes: Iterable[Note], authors: AuthorsFile, locate: Callable[[str, str], tuple[int, int]],
                      pairs: Callable[[], list[tuple[tuple[str, str], tuple[str, str]]]] | None = None) -> list[Problem]:
    """Advice (severity `notice`: it fails neither `papernotes check` nor `mkdocs build --strict`)
    where two notes write names that look like one person (`names.lookalike_keys`) and
    `data/authors.yml` neither joins them (one entry's name and aliases) nor separates them
    (`distinct`, or two entries): one notice per written name and look-alike person, however many
    spellings the file joins for that person. `locate(source, name)`: the line and column of a
    name in a note. `pairs`: the `lookalike_pairs` of these notes, when the caller remembers them."""
    found: list[Problem] = []
    for (sa, wa), (sb, wb) in (pairs() if pairs is not None else lookalike_pairs(notes, authors)):
        la, _ = locate(sa, wa)
        lb, cb = locate(sb, wb)
        found.append(Problem(sb, lb, cb, "authors", f"{wb!r} here and {wa!r} in {sa}:{la} look like one "
                             f"person; join them in {authors.path} (one entry's `aliases`) or declare them `distinct`",
                             "lookalike-authors", "notice"))
    return found


def joined_coauthors(notes: Iterable[Note], authors: AuthorsFile, locate: Callable[[str, str], tuple[int, int]]) -> list[Problem]:
    """A warning where one note names two authors that one entry of `data/authors.yml` joins (an
    alias that is a co-author: `Tuo Zhao` with `aliases: [Haifeng Qian]`): both names linked to
    one author page, and the check said nothing. At the later name in the note, naming the entry.
    `locate(source, name)`: the line and column of a name in a note."""
    if not authors.person_of:
        return []
    found: list[Problem] = []
    for note in notes:
        seen: dict[int, str] = {}
        for name in note.authors:
            person = authors.person_of.get(match_key(name))
            if person is None:
                continue
            first = seen.setdefault(id(person), name)
            if match_key(first) != match_key(name):
                line, column = locate(note.source, name)
                found.append(Problem(note.source, line, column, "authors",
                                     f"{first!r} and {name!r} are two authors of this paper, but {authors.path}:{person.line} "
                                     f"joins them as one person ({person.name!r}): take the wrong name out of that entry's "
                                     "aliases, or, if they are one person, write the name once here", "joined-coauthors", "warning"))
    return found


def slug_clashes(notes: Iterable[Note], authors: AuthorsFile, paged: Callable[[], set[str] | None] = lambda: None) -> list[Problem]:
    """A `slug:` of `data/authors.yml` that is the page of another author or lab the notes name
    (its name makes that slug, and no entry joins it to this one) is a warning at the entry: the
    entry took that page (`authors/chitta-baral/` showed Tong Zheng) and moved its owner to `-2`,
    silently, so links others shared led to someone else. Only an author who has a page counts:
    `paged()` gives the `match_key` of every name an author page gathers (`tree.PartyPages`), or
    None when it is not known (then every author the notes name counts). The author of a single
    note has none, so there is nothing to take (the warning failed the strict build all the same).
    Every lab a note names has a page."""
    found: list[Problem] = []
    notes = list(notes)
    for kind, entities, joined in (("author", authors.people, authors.person_of), ("lab", authors.orgs, authors.org_of)):
        chosen = {e.slug: e for e in entities if e.slug != name_slug(e.name)}
        if not chosen:  # most sites: no slug chosen, and no name made into a slug on every serve save
            continue
        written = {a for n in notes for a in n.authors} if kind == "author" else {n.org for n in notes if n.org}
        with_page = paged() if kind == "author" else None
        taken: dict[str, str] = {}
        for name in sorted(written):
            slug = name_slug(name)
            key = match_key(name)
            if slug in chosen and key not in joined and (with_page is None or key in with_page):
                taken.setdefault(slug, name)
        for slug, name in taken.items():
            entity = chosen[slug]
            index = entities.index(entity)
            found.append(Problem(authors.path, *entity.slug_at, f"{'people' if kind == 'author' else 'orgs'}[{index}].slug",
                                 f"slug {slug!r} is the page of the {kind} {name!r}, whom notes name and this entry does not "
                                 f"join; give {entity.name!r} another slug (or add {name!r} to its aliases if they are one)",
                                 "slug-taken", "warning"))
    return found


def lab_lookalike_notices(notes: Iterable[Note], authors: AuthorsFile, locate: Callable[[str], tuple[int, int]]) -> list[Problem]:
    """Advice (a notice) where two notes write one lab apart only by punctuation or spacing
    (`Qualcomm.` and `QUALCOMM!`: two lab pages, `qualcomm-2` and `qualcomm-3`) and `data/authors.yml`
    does not name both: at the later note's `org:`, naming the first. `locate(source)`: the line
    and column of a note's `org:`."""
    first: dict[str, tuple[str, str]] = {}
    told: set[tuple[str, str]] = set()
    found: list[Problem] = []
    for note in notes:
        if not note.org:
            continue
        key = match_key(note.org)
        loose = _NOT_LETTER.sub("", key)
        if not loose:
            continue
        source, written = first.setdefault(loose, (note.source, note.org))
        other = match_key(written)
        if other == key or (key in authors.org_of and other in authors.org_of) or (loose, key) in told:
            continue
        told.add((loose, key))
        line, column = locate(note.source)
        found.append(Problem(note.source, line, column, "org", f"{note.org!r} here and {written!r} in {source}:{locate(source)[0]} "
                             f"look like one lab (two lab pages now); write it one way, or join them in {authors.path} "
                             "(one `orgs` entry with `aliases`)", "lookalike-labs", "notice"))
    return found


_NOT_LETTER = re.compile(r"[\W_]+")


def first_spellings(notes: Iterable[Note]) -> dict[str, tuple[str, str]]:
    """Match key -> (the first note file writing that name, the name as written there)."""
    first: dict[str, tuple[str, str]] = {}
    for note in notes:
        for written in note.authors:
            first.setdefault(match_key(written), (note.source, written))
    return first


def lookalike_pairs(notes: Iterable[Note], authors: AuthorsFile,
                    first: dict[str, tuple[str, str]] | None = None) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """((note file, name as written there), (the other note file, its name)) for each pair of
    look-alike parties that `authors` neither joins nor separates (see `lookalike_notices`). A
    party is a `people` entry (all the spellings it joins) or a name no entry joins (names sharing
    a `lookalike_keys` key, or one without its middle initials and one written so); a pair
    of parties is told once, by its first spellings in file order. `first`: the notes'
    `first_spellings`, when the caller has them."""
    if first is None:
        first = first_spellings(notes)
    groups: dict[str, list[str]] = {}
    for key, (_, written) in first.items():
        for loose in lookalike_keys(written):
            groups.setdefault(loose, []).append(key)

    def party(key: str) -> Entity | str:
        return authors.person_of.get(key, key)

    # A name with middle initials and one without them (`names.without_initials`), never two with.
    candidates = chain(((a, b) for keys in groups.values() for i, a in enumerate(keys) for b in keys[i + 1:]),
                       ((a, b) for a, (_, written) in first.items() if (plain := without_initials(written)) is not None
                        for b in groups.get(plain, ())))
    apart = {frozenset(map(party, pair)) for pair in authors.distinct}
    told: dict[frozenset[Entity | str], tuple[tuple[str, str], tuple[str, str]]] = {}
    for a, b in candidates:
        pa, pb = party(a), party(b)
        both = frozenset((pa, pb))
        if pa == pb or both in apart or (isinstance(pa, Entity) and isinstance(pb, Entity)):
            continue
        pair = min((first[a], first[b]), (first[b], first[a]))
        told[both] = min(told.get(both, pair), pair)
    return list(told.values())
