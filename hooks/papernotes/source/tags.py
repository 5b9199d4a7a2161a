"""The tag registry, `data/tags.yml`: every tag with Korean and English labels and aliases.

```yaml
reward-model:
  ko: 보상 모델
  en: Reward model
  description:                                # optional, but then in both languages
    ko: 응답에 점수를 매기는 모델.
    en: Models that score responses.
  aliases: [reward-models, rm]                # optional
```

The site shows one language at a time, so a description in one language only would leave the
other language's readers with foreign text: it is refused, at the description's line. That
problem does not drop the tag (notes using it still build their pages once it is fixed, and
are not reported as using an unknown tag).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path
from typing import Callable, Iterable

import yaml

from papernotes.model import Note, Problem, Tag, TagRegistry
from papernotes.schema import MAX_REGISTRY_TAGS, MAX_SLUG_BYTES, RESERVED_TAG_SLUGS
from papernotes.source.yamlnodes import Located, NodeError, mapping_items, read_data_file, read_list, read_text

TAG_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TAG_KEYS = ("ko", "en", "description", "aliases")
LANGUAGES = ("ko", "en")


def normalise_tag(text: str) -> str:
    """The form a written tag is looked up under: NFC, trimmed, without a leading `#`."""
    return unicodedata.normalize("NFC", text).strip().lstrip("#")


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate `word` is most likely a misspelling of, or None when nothing is close."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return close[0] if close else None


def suggest(word: str, candidates: Iterable[str]) -> str:
    """A ` (did you mean 'x'?)` suffix, or '' when nothing is close."""
    meant = closest(word, candidates)
    return f" (did you mean {meant!r}?)" if meant is not None else ""


def suggest_tag(written: str, registry: TagRegistry) -> str:
    """A ` (did you mean 'rl': Reinforcement learning, 강화학습?)` suffix for an unknown tag, or ''.

    By meaning first, then by spelling, and never by a near-miss acronym:
    1. a tag's label written as a tag (`강화학습`, `Reward Model`, `chain_of_thought`);
    2. every word of the written tag is a word of one tag's slug or English label
       (`preference` -> `preference-optimization`; words of 4+ letters, plurals folded);
    3. spelling: close to a slug, an alias or a label (`reasonning` -> `reasoning`). A short
       acronym only matches with its letters swapped (`rlfh` -> `rlhf`): one letter more, less or
       different is another acronym (`llm` is not `mllm`, a multimodal alias; `rm` is not `rl`).
    The labels are shown so the writer sees what the suggestion means."""
    tag = _tag_for(written, registry)
    if tag is None:
        return ""
    labels = tag.en if tag.ko == tag.en else f"{tag.en}, {tag.ko}"
    return f" (did you mean {tag.slug!r}: {labels}?)"


def _squashed(text: str) -> str:
    return re.sub(r"[\s_-]+", "", unicodedata.normalize("NFC", text).casefold())


def _label_words(text: str) -> set[str]:
    words = re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text).casefold())
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words}


def _tag_for(written: str, registry: TagRegistry) -> Tag | None:
    key = _squashed(written)
    if not key:
        return None
    singular = key[:-1] if len(key) > 2 and key.endswith("s") else key
    for tag in registry.tags:
        if {key, singular} & {_squashed(tag.slug), _squashed(tag.en), _squashed(tag.ko), *map(_squashed, tag.aliases)}:
            return tag
    words = {w for w in _label_words(written) if len(w) >= 4}
    if words and len(words) == len(_label_words(written)):
        matches = [t for t in registry.tags if words <= _label_words(t.en) | _label_words(t.slug)]
        if len(matches) == 1:
            return matches[0]
    if len(key) <= 4:
        swapped = [t for t in registry.tags for name in (t.slug, *t.aliases) if len(name) == len(written) and sorted(name) == sorted(written)]
        return swapped[0] if swapped else None
    names: dict[str, Tag] = {}
    for tag in registry.tags:
        for name in (tag.slug, _squashed(tag.en), *(a for a in tag.aliases if len(a) > 4)):
            names.setdefault(name, tag)
    close = difflib.get_close_matches(written.casefold(), list(names), n=1, cutoff=0.75)
    return names[close[0]] if close else None


def load_tag_registry(path: Path, display: str) -> tuple[TagRegistry, list[Problem]]:
    """Read and validate the tag registry; returns the tags that are valid plus every problem."""
    problems: list[Problem] = []

    def report(err: NodeError, field: str) -> None:
        problems.append(Problem(display, err.line, err.column, field, err.message, err.rule))

    try:
        entries, found = read_data_file(path, display)
    except FileNotFoundError:
        problems.append(Problem(display, 1, 1, "file", "the tag registry is missing; create it (see docs/contributing.md)", "missing-file"))
        return TagRegistry((), {}, {}), problems
    problems += found
    if entries == []:
        problems.append(Problem(display, 1, 1, "file", "no tags defined", "empty"))
    if not entries:
        # No tag can be checked: each note says so once, not "unknown tag" for each of its tags.
        return TagRegistry((), {}, {}, None, display), problems

    tags: list[Tag] = []
    lookup: dict[str, str] = {}
    unreadable: set[str] = set()
    # Every entry's own name, usable or not: an alias naming another entry is refused even when that
    # entry has a problem (it took the name over: the other tag's notes were silently re-tagged).
    written = {normalise_tag(slug) for slug, _, _ in entries}

    for number, (slug, key, value) in enumerate(entries):
        if number >= MAX_REGISTRY_TAGS:  # each tag is a page and its files: the rest are refused where they start
            if number == MAX_REGISTRY_TAGS:
                problems.append(Problem(display, key.line, key.column, slug, f"{display} defines {len(entries):,} tags; the "
                                        f"limit is {MAX_REGISTRY_TAGS:,}: this one and those after it are not read", "too-many"))
            unreadable.add(normalise_tag(slug))
            continue
        try:
            tag = _read_tag(slug, key, value, report)
        except NodeError as err:
            report(err, slug)
            tag = None
        if tag is None:  # its problems are reported, each at its own field
            unreadable.add(normalise_tag(slug))
            continue
        for name in (tag.slug, *tag.aliases):
            owner = lookup.get(name) or (name if name != tag.slug and name in written else None)
            if owner is not None:
                at, field = _alias_at(value, name) if name != tag.slug else (None, slug)
                line, column = (at.line, at.column) if at is not None else (key.line, key.column)
                problems.append(Problem(display, line, column, f"{slug}.{field}" if field else slug,
                                        f"{name!r} is already used by tag {owner!r}", "duplicate-tag"))
            else:
                lookup[name] = tag.slug
        tags.append(tag)
    tags.sort()
    return TagRegistry(tuple(tags), lookup, {t.slug: t for t in tags}, frozenset(unreadable - set(lookup)), display), problems


def _alias_at(value: Located, alias: str) -> tuple[Located | None, str | None]:
    """Where an entry writes `alias` in its `aliases:` list, and its field path's tail."""
    try:
        for name, _, field_value in mapping_items(value):
            if name == "aliases":
                for i, item in enumerate(read_list(field_value)):
                    try:
                        if normalise_tag(read_text(item)) == alias:
                            return item, f"aliases[{i}]"
                    except NodeError:
                        continue
    except NodeError:
        pass
    return None, None


class _AnyTag(dict):  # type: ignore[type-arg]
    """A lookup that takes every well-formed tag a note writes as a tag of its own (`provisional_registry`)."""

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return key if TAG_SLUG.match(key) else default


def provisional_registry(file: str) -> TagRegistry:
    """A registry for notes checked while `data/tags.yml` cannot be read at all (a tab, a YAML
    mistake): each note keeps the tags it writes, so one mistake in that file does not cost every
    note (a fresh serve had none left, each failing "the tags cannot be checked"). The file's
    own error still fails the check and every strict build; `registry_of` gives the site its tags."""
    return TagRegistry((), _AnyTag(), {}, frozenset(), file)


def registry_of(provisional: TagRegistry, notes: Iterable[Note]) -> TagRegistry:
    """The tags `notes` use, each labelled by its slug, for a site built with `provisional_registry`."""
    slugs = sorted({t for n in notes for t in n.tags})
    tags = tuple(Tag(slug=s, ko=s, en=s) for s in slugs)
    return TagRegistry(tags, {s: s for s in slugs}, {t.slug: t for t in tags}, frozenset(), provisional.file)


def _read_tag(slug: str, key: Located, value: Located, report: Callable[[NodeError, str], None]) -> Tag | None:
    """One entry: raises for a slug that cannot be a tag; reports each problem of its fields at its
    own field (`reward-model.ko`, `reward-model.aliases[1]`: all of them in one run) and returns None
    when one makes the tag unusable: a label's. An unknown key, a wrong alias or description is left
    out and the tag stays usable (one such mistake failed every note of the tag)."""
    nfc = unicodedata.normalize("NFC", slug)
    if not TAG_SLUG.match(nfc):
        raise key.error(f"tag {slug!r} must be lowercase ASCII kebab-case like 'reward-model'", "bad-tag-slug")
    if len(nfc) > MAX_SLUG_BYTES:  # it names a folder (tags/<tag>/): file systems allow 255 bytes a name
        raise key.error(f"tag {slug[:40]!r}... is {len(nfc)} characters long; a tag is at most {MAX_SLUG_BYTES} "
                        "(it is a folder name in the site)", "long-slug")
    if nfc in RESERVED_TAG_SLUGS:
        raise key.error(f"the tag slug {slug!r} is reserved: {RESERVED_TAG_SLUGS[nfc]}; rename the tag "
                        f"(e.g. '{nfc}-tag') and the notes that use it", "reserved-slug")
    fields: dict[str, object] = {}
    failed = False
    for name, name_node, field_value in mapping_items(value):
        if name not in TAG_KEYS:
            report(name_node.error(f"unknown key {name!r}{suggest(name, TAG_KEYS)}; allowed: {', '.join(TAG_KEYS)}", "unknown-key"),
                   f"{slug}.{name}")  # the tag stays usable: its notes are not this key's mistake
        elif name == "aliases":
            aliases = []
            try:
                items = read_list(field_value)
            except NodeError as err:
                report(err, f"{slug}.aliases")
                items = []
            for i, item in enumerate(items):
                try:
                    alias = normalise_tag(read_text(item))
                    if not TAG_SLUG.match(alias):
                        raise item.error(f"alias {alias!r} must be lowercase ASCII kebab-case", "bad-tag-slug")
                    aliases.append(alias)
                except NodeError as err:
                    report(err, f"{slug}.aliases[{i}]")  # that alias only is left out
            fields[name] = tuple(aliases)
        elif name == "description":
            try:
                fields["description_ko"], fields["description_en"] = _read_description(slug, name_node, field_value)
            except NodeError as err:
                report(err, f"{slug}.description")  # the tag stays usable; only its description is left out
        else:
            try:
                fields[name] = read_text(field_value)
                if len(fields[name]) > MAX_LABEL_CHARS:  # a chip on every note of the tag, in every list
                    raise field_value.error(f"the label is {len(fields[name]):,} characters long; a tag's label is at most "
                                            f"{MAX_LABEL_CHARS} (say more in its `description:`)", "label-too-long")
            except NodeError as err:
                report(err, f"{slug}.{name}")
                failed = True
    for required in ("ko", "en"):
        if required not in fields and not failed:
            report(value.error(f"tag {slug!r} needs {'an' if required == 'en' else 'a'} `{required}:` label", "missing-label"), slug)
            failed = True
    return None if failed else Tag(slug=nfc, **fields)  # type: ignore[arg-type]


MAX_LABEL_CHARS = 80
"""Characters of a tag's `ko:` or `en:` label (the longest bundled one has 23): a label is a chip
on every page that lists the tag's notes, and its search terms."""

PLACEHOLDER_DESCRIPTION = {"ko": "papernotes import-post가 추가한 태그입니다. 이름과 설명을 검토하세요.",
                           "en": "Added by papernotes import-post; review the labels."}
"""What `papernotes import-post --add-tags` writes for a tag it adds (with its slug as both
labels): refused here until a person has reviewed it, as the note template's guidance is, so a
tag cannot be published with it by accident."""


def _read_description(slug: str, key: Located, value: Located) -> tuple[str, str]:
    """A tag's `description:` as (Korean, English); both are required, each one line of text."""
    if not isinstance(value.node, yaml.MappingNode):
        raise value.error(f"tag {slug!r}: the description needs both languages; write it as two lines "
                          "under `description:`, `ko: <Korean text>` and `en: <English text>`", "description-language")
    texts: dict[str, str] = {}
    for lang, lang_node, text in mapping_items(value):
        if lang not in LANGUAGES:
            raise lang_node.error(f"unknown key {lang!r} in the description{suggest(lang, LANGUAGES)}; allowed: ko, en", "unknown-key")
        texts[lang] = read_text(text)
    for lang in LANGUAGES:
        if lang not in texts:
            name = "Korean" if lang == "ko" else "English"
            raise key.error(f"tag {slug!r}: the description has no {name} text; add `{lang}:` under `description:`",
                            "description-language")
    if any(texts[lang] == PLACEHOLDER_DESCRIPTION[lang] for lang in LANGUAGES):
        raise key.error(f"tag {slug!r} was added by `papernotes import-post --add-tags`: review its `ko:` and `en:` "
                        "labels and write its description in both languages (or remove the description)", "placeholder")
    return texts["ko"], texts["en"]
