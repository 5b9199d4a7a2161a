"""Who wrote what, and which lab: the site's authors and organisations, from the notes' `authors`
and `org` fields joined by `data/authors.yml` (`source.authors`).

Names are matched on `names.match_key` and joined through the file's entries; a page shows the
declared name, else the form most notes write (the newest note's on a tie).

Which authors get a page: everyone named in `data/authors.yml` who has a note and everyone with
two notes or more (a large team's note counts for its first `names.LISTED_AUTHORS` authors).
An author of a single note gets no page of their own (at 10,000 notes, one page per name would
be most of the site, each listing one note): the authors index lists them with a link to
their one note, so they are found there (by name, under their initial) and by the site search.
Every organisation a note names gets a page (there are few).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Callable

from papernotes.config import file_settings
from papernotes.model import Note
from papernotes.names import (LISTED_AUTHORS, UNDECOMPOSED, NameForms, family_split, korean_family, match_key, name_slug,
                              split_script)
from papernotes.schema import RESERVED_PARTY_SLUGS
from papernotes.source.authors import AuthorsFile, Entity
from papernotes.source.tree import PartyPages

MIN_NOTES = 2
"""Notes an author needs for a page of their own, unless `data/authors.yml` names them (the
default of the `author_page_min_notes` setting)."""


@dataclass(frozen=True)
class Party:
    """An author or an organisation: the notes that name it, newest first."""

    slug: str
    """Its URL part, unique among its kind."""
    name: str
    """The name its page shows."""
    notes: tuple[Note, ...]
    """Its notes, newest first."""
    entity: Entity | None = None
    """Its `data/authors.yml` entry, if any (ORCID, homepage)."""
    written: tuple[str, ...] = field(default=(), compare=False)
    """Every form the notes write its name in, most written first."""

    @property
    def declared(self) -> tuple[str, ...]:
        """The names its `data/authors.yml` entry gives it (the name, then the aliases); () without one."""
        return (self.entity.name, *self.entity.aliases) if self.entity else ()

    @property
    def also(self) -> tuple[str, ...]:
        """Its other names, as its page lists them: the forms its notes write, then those its
        `data/authors.yml` entry declares that no note writes (the authors index lists 최예진 under
        ㅊ, and its page named only Choi Yejin: a QA pass); a declared form only when no form shown
        spells it (`match_key`)."""
        out = [form for form in self.written if form != self.name]
        seen = {match_key(form) for form in (self.name, *out)}
        for form in self.declared:
            if match_key(form) not in seen:
                seen.add(match_key(form))
                out.append(form)
        return tuple(out)


class People:
    """The authors and organisations of one build's notes (`notes` newest first)."""

    def __init__(self, notes: tuple[Note, ...], authors: AuthorsFile, min_notes: int = MIN_NOTES) -> None:
        self.file = authors
        self.key = people_key(notes, authors, min_notes)
        """What the parties are made from (`people_key`): `renewed` serves a build with the same key."""
        by_author = _group(((match_key(a), a) for n in notes for a in n.authors), notes, authors.person_of,
                           lambda n: n.authors)
        by_org = _group(((match_key(n.org), n.org) for n in notes if n.org), notes, authors.org_of,
                        lambda n: (n.org,) if n.org else ())
        declared = {e.slug for e in authors.people}
        age = {n.slug: i for i, n in enumerate(notes)}  # a larger number, an older note
        everyone = _parties(by_author, authors.people, age)
        # Named in data/authors.yml: a page from the first note (not an empty one before it).
        # A note by a large team counts towards a page for its first LISTED_AUTHORS authors only.
        has_page = [_listed_notes(p, min_notes) >= min_notes or p.slug in declared and bool(p.notes) for p in everyone]
        self.authors: tuple[Party, ...] = tuple(p for p, page in zip(everyone, has_page) if page)
        """Authors with a page, sorted by name (`match_key`)."""
        # Decided per party, not by `p not in self.authors`: that compares dataclasses field by
        # field against every author, quadratic (minutes at 10,000 notes).
        self.single: tuple[Party, ...] = tuple(p for p, page in zip(everyone, has_page) if not page and p.notes)
        """Authors without a page (too few notes, no entry): found by the site search."""
        self.orgs: tuple[Party, ...] = tuple(p for p in _parties(by_org, authors.orgs, age) if p.notes)
        """Organisations named by at least one note, sorted by name."""
        self.forms = name_forms(notes, authors)
        """Organisations and declared family names, for the citation files and tags (kept by
        `renewed`: its key holds every `org:` and the file's entries)."""
        self._other_names: dict[str, tuple[str, ...]] = {}
        self._author_page = {k: p for p in self.authors for k in _keys(p)}
        self._org_page = {k: p for p in self.orgs for k in _keys(p)}
        self._notes = {n.slug: n for n in notes}

    def renewed(self, notes: tuple[Note, ...]) -> People:
        """The same authors and organisations for `notes`, whose `people_key` is this one's (a
        save under serve that changed no note's authors, lab or place in the order): the parties
        of the notes whose records changed list the new records; the others are kept as they
        are (a fresh `People` took a quarter of a second per save at 10,000 notes)."""
        current = {n.slug: n for n in notes}
        changed = {slug for slug, note in current.items() if self._notes.get(slug) is not note}
        people = object.__new__(People)
        people.__dict__.update(self.__dict__)
        people._notes = current
        people._other_names = {}
        if not changed:
            return people
        renew: dict[int, Party] = {}
        for party in (*self.authors, *self.single, *self.orgs):
            if not changed.isdisjoint(n.slug for n in party.notes):
                renew[id(party)] = Party(party.slug, party.name, tuple(current[n.slug] for n in party.notes),
                                         party.entity, party.written)

        def fresh(party: Party) -> Party:
            return renew.get(id(party), party)

        people.authors = tuple(fresh(p) for p in self.authors)
        people.single = tuple(fresh(p) for p in self.single)
        people.orgs = tuple(fresh(p) for p in self.orgs)
        people._author_page = {k: fresh(p) for k, p in self._author_page.items()}
        people._org_page = {k: fresh(p) for k, p in self._org_page.items()}
        return people

    def author(self, written: str) -> Party | None:
        """The author page a written name links to, if it has one."""
        return self._author_page.get(match_key(written))

    def org(self, written: str) -> Party | None:
        return self._org_page.get(match_key(written))

    def other_names(self, written: str) -> tuple[str, ...]:
        """The other names of a written name's author or lab, with a page: the declared name and
        aliases (`data/authors.yml`) and the forms other notes write, one per `match_key` (the
        search indexes them with the name, so 김민지 finds the notes by Minji Kim). Once per name."""
        key = match_key(written)
        found = self._other_names.get(key)
        if found is None:
            party = self._author_page.get(key) or self._org_page.get(key)
            forms = () if party is None else (party.name, *party.written, *party.declared)
            seen, other = {key}, []
            for form in forms:
                if match_key(form) not in seen:
                    seen.add(match_key(form))
                    other.append(form)
            found = self._other_names[key] = tuple(other)
        return found

    def coauthors(self, party: Party) -> list[tuple[str, Party | None, int]]:
        """(name, their page or None, notes together), most notes together first, then by name.
        A large team's note counts its first `LISTED_AUTHORS` authors, as lists of papers show it."""
        mine = set(_keys(party))
        counts: Counter[str] = Counter()
        shown: dict[str, tuple[str, Party | None]] = {}
        for note in party.notes:
            seen = set()
            for written in note.authors[:LISTED_AUTHORS]:
                key = match_key(written)
                page = self.author(written)
                ident = page.slug if page is not None else key
                if key in mine or ident in seen:
                    continue
                seen.add(ident)
                counts[ident] += 1
                shown.setdefault(ident, (page.name if page is not None else written, page))
        return sorted(((shown[i][0], shown[i][1], c) for i, c in counts.items()), key=lambda r: (-r[2], match_key(r[0])))


def _listed_notes(party: Party, enough: int) -> int:
    """How many of the party's notes name it among their first `LISTED_AUTHORS` authors (every note
    of a smaller team does), counted up to `enough`: the 1,000th author of a large lab's report
    does not get a page for it, and is found on the note page and by the search."""
    found = 0
    keys: set[str] | None = None
    for note in party.notes:
        if len(note.authors) > LISTED_AUTHORS:
            keys = keys if keys is not None else set(_keys(party))
            if not any(match_key(a) in keys for a in note.authors[:LISTED_AUTHORS]):
                continue
        found += 1
        if found >= enough:
            break
    return found


def name_forms(notes: tuple[Note, ...], authors: AuthorsFile) -> NameForms:
    """The site's organisations (every note's `org:`, the file's `orgs` and their aliases) and the
    family names the file declares (`names.NameForms`), or that an entry's own name implies for its
    aliases (`implied_families`)."""
    families = [(e.family, (e.name, *e.aliases)) for e in authors.people if e.family]
    families += [found for e in authors.people if not e.family for found in implied_families(e)]
    return NameForms((*(n.org for n in notes if n.org), *(name for e in authors.orgs for name in (e.name, *e.aliases))),
                     families)


def implied_families(entry: Entity) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(family name, the aliases written family name first) for each family name that an entry
    without `family:` implies. A name written given name first, as a name with no `family:` is
    read (`Minji Kim`: `Kim`):
    an alias that starts with that word is the same name family first (`Kim Min-ji`). Without it
    the docs' own example gave the alias the family name `Min-ji` in every citation file. () when
    no alias starts so (the others split at their last space already, as the name does).

    A Korean name in Hangul (`김민지`) says its family name by its first syllable
    (`names.korean_family`): its romanised aliases that start with one of that name's usual
    romanisations are written family name first (`Kim Minji`, `Yi Min` for `이민`; a QA pass saw
    `Kim Minji` split family name "Minji" in every citation format)."""
    words = entry.name.split()
    if len(words) >= 2 and "," not in entry.name and split_script(entry.name):
        families: tuple[str, ...] = (words[-1],)
    else:
        families = korean_family(entry.name)
    found = ((family, tuple(a for a in entry.aliases if split_script(a) and (family_split(a, family) or 0) > 0))
             for family in families)
    return tuple((family, forms) for family, forms in found if forms)


def people_key(notes: tuple[Note, ...], authors: AuthorsFile, min_notes: int) -> tuple:
    """Everything `People` is made from: each note's slug, authors and lab in the notes' order,
    the declared people and organisations, and the page threshold."""
    return (tuple((n.slug, n.authors, n.org) for n in notes), authors.people, authors.orgs, min_notes)


def _keys(party: Party) -> list[str]:
    return [match_key(w) for w in (*party.written, *party.declared)]


_Group = dict[str, tuple[list[Note], Counter[str], Entity | None]]


def _group(names, notes, declared, names_of) -> _Group:  # noqa: ANN001 - private helper of People
    """Identity -> (notes newest first, written forms counted, entry); identity is the entry's
    slug when `data/authors.yml` joins the name, else its `match_key`."""
    groups: _Group = {}
    for note in notes:
        for written in dict.fromkeys(names_of(note)):
            key = match_key(written)
            entity = declared.get(key)
            ident = "\0" + entity.slug if entity is not None else key
            group = groups.setdefault(ident, ([], Counter(), entity))
            if not group[0] or group[0][-1] is not note:
                group[0].append(note)
            group[1][written] += 1
    return groups


def _preference(written: str, count: int) -> tuple[int, bool, int]:
    """How a spelling ranks as the name shown: the most written first; on a tie, one already in
    Unicode's compatibility form (`Minji`, not fullwidth `Ｍinji`), then the one with the most of
    its accents (`Anna Müller`, not `Anna Muller`; `José García-López`, not `José Garcia-Lopez`;
    a stroke counts: `Łukasz`, not `Lukasz`). `sorted` keeps the newest note's first among equals."""
    return (-count, *_spelling(written))


@lru_cache(maxsize=1 << 17)
def _spelling(written: str) -> tuple[bool, int]:
    """`_preference` of a spelling beside its count; once per spelling (under serve a note added
    or deleted makes the parties again, of the same names)."""
    accents = sum(1 for c in written if unicodedata.combining(c) or len(unicodedata.normalize("NFD", c)) > 1
                  or c.casefold().translate(UNDECOMPOSED) != c.casefold())
    return (unicodedata.normalize("NFKC", written) != written, -accents)


def _parties(groups: _Group, declared: tuple[Entity, ...], age: dict[str, int]) -> list[Party]:
    """The parties of `groups`. Two names that make one slug (`Jae-won Park`, `Jae Won Park`) are
    told apart by `-2`, `-3`: the name noted first keeps the plain slug, so a newcomer never takes
    over an author's address (`age`: each note's place in the build's newest-first order, which
    `people_key` holds, so serve's renewed parties agree with a fresh build)."""
    for entity in declared:
        groups.setdefault("\0" + entity.slug, ([], Counter(), entity))
    taken = {e.slug for e in declared} | set(RESERVED_PARTY_SLUGS)  # an author named "Index" gets index-2

    def first_noted(group: tuple[str, tuple[list[Note], Counter[str], Entity | None]]) -> tuple[int, str]:
        notes = group[1][0]
        return (-age[notes[-1].slug] if notes else 0, group[0].lstrip("\0"))  # notes: newest first

    parties = []
    for _ident, (notes, written, entity) in sorted(groups.items(), key=first_noted):
        forms = tuple(sorted(written, key=lambda w: _preference(w, written[w])))
        name = entity.name if entity is not None else forms[0]
        if entity is not None:
            slug = entity.slug
        else:
            base = slug = name_slug(name)
            n = 2
            while slug in taken:
                slug, n = f"{base}-{n}", n + 1
            taken.add(slug)
        parties.append(Party(slug, name, tuple(notes), entity, forms))
    return sorted(parties, key=lambda p: (match_key(p.name), p.slug))


def project_party_pages(config_file: Path) -> Callable[[tuple[Note, ...], AuthorsFile], PartyPages]:
    """`party_pages` as a build of the project whose `mkdocs.yml` is `config_file` makes them: with
    its `author_page_min_notes` (the default when the file is missing or its settings are wrong).
    What `papernotes check` and the note writers hand `source.tree.load_site`."""
    settings = file_settings(config_file)[0] if config_file.is_file() else None
    return partial(party_pages, min_notes=settings.author_page_min_notes) if settings else party_pages


def party_pages(notes: tuple[Note, ...], authors: AuthorsFile, min_notes: int = MIN_NOTES) -> PartyPages:
    """The URL parts of the author and lab pages a build of `notes` (newest first) makes, for
    checking the notes' links to them (`source.tree.load_site`)."""
    people = People(notes, authors, min_notes)
    return PartyPages({p.slug for p in people.authors}, {p.slug for p in people.orgs}, min_notes,
                      {k for p in people.authors for k in _keys(p)})
