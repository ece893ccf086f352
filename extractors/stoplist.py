"""Stop-lists: names, surface forms or whole categories a user keeps out of the graph and the mentions.

A news corpus repeats its source on every item (央视网消息（新闻联播）：…); a researcher who does not want
央视网 and 新闻联播 in every co-occurrence writes them in a stop-list, or one line ``category:media-source``.
Nothing is stopped by default.

File format (documented in ``extractors/lexicon/README.md``): UTF-8, one entry a line, lines starting
with ``#`` and empty lines ignored:

- ``NAME`` (or ``name:NAME``): the entity NAME names, under every form. NAME may be a lexicon entry's
  canonical name or any of its forms (央行 stops 中国人民银行 wherever it is written); an entity found
  by a rule is stopped when its canonical name or its text is NAME.
- ``form:TEXT``: only that written form; the entity's other forms still count (``form:央行`` keeps
  中国人民银行 when it is written out).
- ``category:CATEGORY``: every lexicon entry of that category (``category:media-source``).

A stopped lexicon match still occupies its span while mentions are found (no shorter term or rule is
found inside 新闻联播 instead); it is dropped from the document's mentions at the end, so it is in no
table, no co-occurrence and no relation.
"""
from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from extractors.errors import LexiconError
from extractors.forms import surface_key
from extractors.records import LexiconEntry, Mention

KINDS = ("name", "form", "category")
_PREFIX = re.compile(r"^([A-Za-z_]+):(.*)$")


@dataclass(frozen=True)
class StopRule:
    """One line of a stop-list."""

    kind: str  # name | form | category
    value: str
    origin: str  # file:line


@dataclass(frozen=True)
class Stop:
    """Stop rules resolved against a lexicon: what ``drops`` removes."""

    ids: frozenset[str] = frozenset()  # lexicon entities stopped under every form
    names: frozenset[str] = frozenset()  # canonical names or texts of entities found by rules
    forms: frozenset[str] = frozenset()  # written forms dropped wherever they occur

    def __bool__(self) -> bool:
        return bool(self.ids or self.names or self.forms)

    def drops(self, mention: Mention) -> bool:
        if mention.entity_id in self.ids:
            return True
        text = surface_key(mention.text)
        return text in self.forms or text in self.names or surface_key(mention.name) in self.names


def parse_stoplist_file(path: str | os.PathLike) -> list[StopRule]:
    """Parse and validate one stop-list. Raises LexiconError naming file, line and reason for every
    invalid line."""
    rules, errors = read_stoplist_file(path)
    if errors:
        raise LexiconError("\n".join(errors), param="stoplists")
    return rules


def read_stoplist_file(path: str | os.PathLike) -> tuple[list[StopRule], list[str]]:
    """The valid lines of one stop-list and a message for each invalid one. Raises LexiconError only
    if the file cannot be read or decoded."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read stop-list ({exc.strerror or exc})", param="stoplists") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: stop-lists must be UTF-8 (bad byte at offset {exc.start})", param="stoplists") from None
    rules, errors = [], []
    for lineno, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            rules.append(_rule(stripped, f"{path}:{lineno}"))
        except LexiconError as exc:
            errors.append(str(exc))
    return rules, errors


def _rule(line: str, origin: str) -> StopRule:
    if "\t" in line:
        raise LexiconError(f"{origin}: a TAB: a stop-list holds one name a line (is this a lexicon file?)")
    kind, value = "name", line
    m = _PREFIX.match(line)
    if m:
        kind, value = m.group(1), m.group(2).strip()
        if kind not in KINDS:
            raise LexiconError(f"{origin}: unknown prefix '{kind}:'; expected a name, or one of "
                               f"{', '.join(k + ':' for k in KINDS)}")
    if not value:
        raise LexiconError(f"{origin}: nothing after '{kind}:'")
    if kind != "category" and len(value) < 2:
        raise LexiconError(f"{origin}: {value!r} is shorter than two characters; no name is")
    return StopRule(kind, value, origin)


def resolve(rules: Iterable[StopRule], entries: Iterable[LexiconEntry], forms: Mapping[str, LexiconEntry]) -> Stop:
    """The entities, names and forms the rules stop, given a lexicon's entries and its registry of
    forms. Raises LexiconError for a category no entry has."""
    stop, errors = resolve_rules(rules, entries, forms)
    if errors:
        raise LexiconError("\n".join(errors), param="stoplists")
    return stop


def resolve_rules(
    rules: Iterable[StopRule], entries: Iterable[LexiconEntry], forms: Mapping[str, LexiconEntry]
) -> tuple[Stop, list[str]]:
    """As ``resolve``, with the errors returned rather than raised."""
    entries = list(entries)
    by_category: dict[str, list[LexiconEntry]] = {}
    for e in entries:
        if e.category:
            by_category.setdefault(e.category, []).append(e)
    ids, names, stop_forms, errors = set(), set(), set(), []
    for r in rules:
        if r.kind == "category":
            members = by_category.get(r.value)
            if members is None:
                errors.append(f"{r.origin}: no lexicon entry has the category {r.value!r}{_suggest(r.value, by_category)}")
                continue
            ids.update(e.id for e in members)
        elif r.kind == "form":
            stop_forms.add(surface_key(r.value))
        else:
            entry = forms.get(surface_key(r.value))
            if entry is not None:
                ids.add(entry.id)
            names.add(surface_key(r.value))
    return Stop(frozenset(ids), frozenset(names), frozenset(stop_forms)), errors


def _suggest(category: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(category, sorted(known), n=3, cutoff=0.6)
    if close:
        return f" (did you mean {' or '.join(close)}?)"
    return f"; the categories are: {', '.join(sorted(known))}"


def describe(rules: Iterable[StopRule], entries: Iterable[LexiconEntry], forms: Mapping[str, LexiconEntry]) -> list[str]:
    """One line per valid rule: what it stops in this lexicon (for ``kg lexicon check``)."""
    counts: dict[str, int] = {}
    for e in entries:
        counts[e.category] = counts.get(e.category, 0) + 1
    out = []
    for r in rules:
        if r.kind == "category":
            if r.value in counts:
                out.append(f"{r.origin}: stops the {counts[r.value]} entries of category {r.value!r}")
        elif r.kind == "form":
            entry = forms.get(surface_key(r.value))
            what = f"a form of {entry.type} {entry.name!r}" if entry else "not a lexicon form"
            out.append(f"{r.origin}: stops the written form {r.value!r} ({what})")
        else:
            entry = forms.get(surface_key(r.value))
            what = (f"{entry.type} {entry.name!r} under all its forms" if entry
                    else f"{r.value!r}: not in the lexicon; stops entities found by rules under that name")
            out.append(f"{r.origin}: stops {what}")
    return out
