"""The people and organisations file, `data/authors.yml` (optional): who is who behind the
names notes write, and which labs are one.

```yaml
people:
  - name: Minji Kim                  # shown on the author page (as written)
    aliases: [김민지, Kim Min-ji]     # other spellings and romanisations of the same person
    orcid: 0000-0002-1825-0097       # optional; its check digit is verified
    homepage: https://example.org    # optional
    slug: minji-kim                  # optional URL part (default: from the name)
distinct:
  - [Min-Ji Park, Minji Park]        # two people whose names look alike: no advice about them
orgs:
  - name: Google DeepMind
    aliases: [DeepMind]
    homepage: https://deepmind.google
```

Names are matched on `names.match_key` (case, width, whitespace and accents do not matter);
pages show each name as it is written. Every author named under `people` gets an author page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping
from urllib.parse import urlsplit

from papernotes.model import Note, Problem
from papernotes.names import lookalike_keys, match_key, name_slug
from papernotes.source.tags import suggest
from papernotes.source.yamlnodes import Located, NodeError, mapping_items, read_data_file, read_list, read_text

TOP_KEYS = ("people", "distinct", "orgs")
PERSON_KEYS = ("name", "aliases", "orcid", "homepage", "slug")
ORG_KEYS = ("name", "aliases", "homepage", "slug")
SLUG = re.compile(r"^[\w]+(?:-[\w]+)*$")
ORCID = re.compile(r"^(?:https?://orcid\.org/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$")


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
    line: int = 0
    """Where the entry starts in `data/authors.yml`."""


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
    """Read and validate `data/authors.yml`; a missing file is an empty one. Entries with a problem
    are left out (and reported); the others still count."""
    problems: list[Problem] = []

    def report(err: NodeError, where: str) -> None:
        problems.append(Problem(display, err.line, err.column, where, err.message, err.rule))

    try:
        top, found = read_data_file(path, display)
    except FileNotFoundError:
        return AuthorsFile(path=display), problems
    problems += found
    if top is None:
        return AuthorsFile(path=display), problems

    people: list[Entity] = []
    orgs: list[Entity] = []
    distinct: set[frozenset[str]] = set()
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
            try:
                if key == "distinct":
                    names = [read_text(n) for n in read_list(item)]
                    if len({match_key(n) for n in names}) != 2:
                        raise item.error("a `distinct` entry lists two different names, e.g. [Minji Kim, Min-Ji Kim]", "bad-distinct")
                    distinct.add(frozenset(match_key(n) for n in names))
                else:
                    entity = _read_entity(item, PERSON_KEYS if key == "people" else ORG_KEYS, where)
                    (people if key == "people" else orgs).append(entity)
            except NodeError as err:
                report(err, where)
    person_of = _lookup(people, "people", display, problems)
    org_of = _lookup(orgs, "orgs", display, problems)
    return AuthorsFile(tuple(people), tuple(orgs), person_of, org_of, frozenset(distinct), display), problems


def _read_entity(item: Located, keys: tuple[str, ...], where: str) -> Entity:
    values: dict[str, object] = {}
    for name, name_node, value in mapping_items(item):
        if name not in keys:
            raise name_node.error(f"unknown key {name!r}{suggest(name, keys)}; allowed: {', '.join(keys)}", "unknown-key")
        if name == "aliases":
            values[name] = tuple(read_text(a) for a in read_list(value))
        elif name == "orcid":
            found = ORCID.match(read_text(value))
            if not found:
                raise value.error("an ORCID iD is written 0000-0002-1825-0097 (four groups of four; the last may be X)", "bad-orcid")
            if not orcid_checksum_ok(found.group(1)):
                raise value.error(f"ORCID iD {found.group(1)} has a wrong check digit: copy it again from orcid.org", "bad-orcid")
            values[name] = found.group(1)
        elif name == "homepage":
            link = read_text(value)
            parts = urlsplit(link)
            if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in link):
                raise value.error(f"expected an http(s) link, got {link!r}", "bad-url")
            values[name] = link
        elif name == "slug":
            slug = read_text(value)
            if not SLUG.match(slug) or slug != slug.lower():
                raise value.error(f"slug {slug!r} must be lowercase words joined by '-', like 'minji-kim'", "bad-slug")
            values[name] = slug
        else:
            values[name] = read_text(value)
    if "name" not in values:
        raise item.error(f"{where} needs a `name:`", "missing-name")
    values.setdefault("slug", name_slug(str(values["name"])))
    return Entity(line=item.line, **values)  # type: ignore[arg-type]


def _lookup(entities: list[Entity], key: str, display: str, problems: list[Problem]) -> dict[str, Entity]:
    found: dict[str, Entity] = {}
    slugs: dict[str, Entity] = {}
    for i, entity in enumerate(entities):
        if entity.slug in slugs:
            problems.append(Problem(display, entity.line, 1, f"{key}[{i}]", f"slug {entity.slug!r} is already used by "
                                    f"{slugs[entity.slug].name!r} (line {slugs[entity.slug].line}); give one a `slug:`", "duplicate-slug"))
        slugs.setdefault(entity.slug, entity)
        for written in (entity.name, *entity.aliases):
            other = found.get(match_key(written))
            if other is not None and other is not entity:
                problems.append(Problem(display, entity.line, 1, f"{key}[{i}]", f"{written!r} is already a name of "
                                        f"{other.name!r} (line {other.line}); list it once", "duplicate-name"))
                continue
            found[match_key(written)] = entity
    return found


def lookalike_notices(notes: Iterable[Note], authors: AuthorsFile, locate: Callable[[str, str], tuple[int, int]],
                      pairs: Callable[[], list[tuple[tuple[str, str], tuple[str, str]]]] | None = None) -> list[Problem]:
    """Advice (severity `notice`: it fails neither `papernotes check` nor `mkdocs build --strict`)
    where two notes write names that look like one person (`names.lookalike_keys`) and
    `data/authors.yml` neither joins them (one entry's name and aliases) nor separates them
    (`distinct`, or two entries). `locate(source, name)`: the line and column of a name in a note.
    `pairs`: the `lookalike_pairs` of these notes, when the caller remembers them."""
    found: list[Problem] = []
    for (sa, wa), (sb, wb) in (pairs() if pairs is not None else lookalike_pairs(notes, authors)):
        la, _ = locate(sa, wa)
        lb, cb = locate(sb, wb)
        found.append(Problem(sb, lb, cb, "authors", f"{wb!r} here and {wa!r} in {sa}:{la} look like one "
                             f"person; join them in {authors.path} (one entry's `aliases`) or declare them `distinct`",
                             "lookalike-authors", "notice"))
    return found


def lookalike_pairs(notes: Iterable[Note], authors: AuthorsFile) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """((note file, name as written there), (the other note file, its name)) for each pair of
    look-alike names that `authors` neither joins nor separates (see `lookalike_notices`)."""
    first: dict[str, tuple[Note, str]] = {}  # match key -> the first note writing it, as written
    for note in notes:
        for written in note.authors:
            first.setdefault(match_key(written), (note, written))
    groups: dict[str, list[str]] = {}
    for key, (_, written) in first.items():
        for loose in lookalike_keys(written):
            groups.setdefault(loose, []).append(key)
    found: list[tuple[tuple[str, str], tuple[str, str]]] = []
    told: set[frozenset[str]] = set()
    for keys in groups.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                pair = frozenset((a, b))
                pa, pb = authors.person_of.get(a), authors.person_of.get(b)
                if pair in told or pair in authors.distinct or (pa is not None and pb is not None):
                    continue
                told.add(pair)
                (na, wa), (nb, wb) = sorted((first[a], first[b]), key=lambda f: (f[0].source, f[1]))
                found.append(((na.source, wa), (nb.source, wb)))
    return found
