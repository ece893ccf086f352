"""Lexicons: loading, validation, and the alias registry that maps surface forms to entities.

The file format is documented in ``extractors/lexicon/README.md``. The shipped lexicon is every
``*.tsv`` file in ``extractors/lexicon/`` plus the entries the families generate from their member
lists (``extractors.families``); users add files with ``--lexicon PATH``.
"""
from __future__ import annotations

import os
import re
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from extractors.boundaries import WordBoundaries
from extractors.errors import LexiconError
from extractors.families import family_entries
from extractors.forms import surface_key, surface_variants
from extractors.matcher import TermMatcher
from extractors.records import ENTITY_TYPES, LexiconEntry

__all__ = ["Lexicon", "TYPE_ALIASES", "build_lexicon", "builtin_entries", "builtin_lexicon_files", "load_lexicon",
           "parse_lexicon_file", "surface_key", "surface_variants"]

#: Chinese type names accepted in lexicon files.
TYPE_ALIASES: Mapping[str, str] = {
    "人物": "Person",
    "人名": "Person",
    "机构": "Institution",
    "政策": "Policy",
    "文件": "Document",
    "文献": "Document",
    "会议": "Event",
    "事件": "Event",
    "地点": "Place",
    "地名": "Place",
    "技术": "Technology",
    **{t: t for t in ENTITY_TYPES},
    **{t.lower(): t for t in ENTITY_TYPES},
}

#: A word with at least this frequency in jieba's dictionary is a common word, not a name.
COMMON_WORD_FREQ = 400

_FORBIDDEN = re.compile(r"[\t|\n\r]")
_SHOWN = 20  # conflicts listed in one message


class Lexicon:
    """Entries and the alias registry: every surface form maps to exactly one entry.

    The matcher and the word-boundary checker built from the forms are created on first use and
    belong to this object (no module-level state).
    """

    def __init__(self, entries: tuple[LexiconEntry, ...], forms: Mapping[str, LexiconEntry]):
        self.entries = entries
        self.forms = forms

    def __repr__(self) -> str:
        return f"Lexicon({len(self.entries)} entries, {len(self.forms)} surface forms)"

    def __len__(self) -> int:
        return len(self.entries)

    @cached_property
    def matcher(self) -> TermMatcher:
        return TermMatcher(self.forms)

    @cached_property
    def boundaries(self) -> WordBoundaries:
        return WordBoundaries(self.forms)

    def is_common_word(self, word: str) -> bool:
        """A frequent word of the general dictionary (高校, 和平): not a name."""
        return self.boundaries.frequency(word) >= COMMON_WORD_FREQ

    def lookup(self, form: str) -> LexiconEntry | None:
        """The entry a surface form names, after the same character cleaning texts get."""
        hit = self.forms.get(form)
        return hit if hit is not None else self.forms.get(surface_key(form))

    def by_id(self) -> dict[str, LexiconEntry]:
        return {e.id: e for e in self.entries}


def builtin_lexicon_files() -> list[Path]:
    folder = resources.files("extractors") / "lexicon"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".tsv"))


def parse_lexicon_file(path: str | os.PathLike) -> list[LexiconEntry]:
    """Parse and validate one lexicon file. Raises LexiconError naming file and line."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read lexicon file ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: lexicon files must be UTF-8 (bad byte at offset {exc.start})") from None
    entries = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        entries.append(_parse_row(line, f"{path}:{lineno}"))
    return entries


def _parse_row(line: str, origin: str) -> LexiconEntry:
    cols = line.rstrip("\r\n").split("\t")
    while len(cols) > 2 and not cols[-1].strip():
        cols.pop()
    if len(cols) < 2:
        raise LexiconError(
            f"{origin}: expected 'name<TAB>type[<TAB>aliases[<TAB>category]]', got one column "
            f"(are the columns separated by TABs?)"
        )
    if len(cols) > 4:
        raise LexiconError(f"{origin}: expected at most 4 TAB-separated columns, got {len(cols)}")
    name, type_raw = cols[0].strip(), cols[1].strip()
    aliases_raw = cols[2] if len(cols) > 2 else ""
    category = cols[3].strip() if len(cols) > 3 else ""
    if not name:
        raise LexiconError(f"{origin}: empty canonical name")
    type_ = TYPE_ALIASES.get(type_raw)
    if type_ is None:
        raise LexiconError(
            f"{origin}: unknown type {type_raw!r}; expected one of {', '.join(ENTITY_TYPES)}"
        )
    aliases = [a.strip() for a in aliases_raw.split("|")] if aliases_raw.strip() else []
    for form in [name, *aliases]:
        if not form:
            raise LexiconError(f"{origin}: empty alias (two '|' in a row, or a trailing '|')")
        if _FORBIDDEN.search(form):
            raise LexiconError(f"{origin}: {form!r} contains a TAB, '|' or line break")
        if len(surface_key(form)) < 2:
            raise LexiconError(f"{origin}: {form!r} is shorter than two characters and would match everywhere")
    unique = tuple(dict.fromkeys(a for a in aliases if a != name))
    return LexiconEntry(name=name, type=type_, aliases=unique, category=category, origin=origin)


def _listing(messages: Sequence[str], head: str = "") -> str:
    shown = list(messages[:_SHOWN])
    if len(messages) > _SHOWN:
        shown.append(f"... and {len(messages) - _SHOWN} more")
    return head + ("\n  ".join(shown) if head else "\n".join(shown))


def build_lexicon(entries: Iterable[LexiconEntry], *, merge: bool = True) -> Lexicon:
    """Register every surface form of ``entries``.

    Entries with the same type and name are merged (their aliases combined), or with ``merge=False``
    are an error naming both rows. Raises LexiconError listing every form claimed by two entries.
    """
    ordered, forms, twice, conflicts = _register(entries, merge=merge)
    if twice:
        raise LexiconError(_listing(twice, "lexicon conflict: an entry must be listed once; remove one row:\n  "))
    if conflicts:
        raise LexiconError(_listing(
            conflicts,
            "lexicon conflict: a surface form must name one entity; remove the alias from one entry "
            "or merge the entries:\n  ",
        ))
    return Lexicon(entries=ordered, forms=forms)


def _register(entries: Iterable[LexiconEntry], *, merge: bool):
    """``(entries in (type, name) order, forms, entries listed twice, forms claimed twice)``."""
    merged: dict[tuple[str, str], LexiconEntry] = {}
    twice: list[str] = []
    for e in entries:
        key = (e.type, e.name)
        old = merged.get(key)
        if old is None:
            merged[key] = e
        elif merge:
            aliases = tuple(dict.fromkeys((*old.aliases, *e.aliases)))
            merged[key] = LexiconEntry(old.name, old.type, aliases, old.category or e.category, old.origin)
        else:
            twice.append(f"{e.type} {e.name!r} is listed twice: {old.origin} and {e.origin}")
    ordered = tuple(sorted(merged.values(), key=lambda x: (x.type, x.name)))
    forms: dict[str, LexiconEntry] = {}
    conflicts: set[str] = set()
    for e in ordered:
        for form in (e.name, *e.aliases):
            for variant in surface_variants(form):
                other = forms.get(variant)
                if other is None:
                    forms[variant] = e
                elif other is not e:
                    conflicts.add(
                        f"{variant!r} is claimed by {other.type} {other.name!r} ({other.origin}) "
                        f"and by {e.type} {e.name!r} ({e.origin})"
                    )
    return ordered, forms, twice, sorted(conflicts)


def builtin_entries() -> list[LexiconEntry]:
    """The shipped lexicon's entries: every row of the shipped files and every generated entry."""
    entries: list[LexiconEntry] = []
    for f in builtin_lexicon_files():
        entries.extend(parse_lexicon_file(f))
    entries.extend(family_entries())
    return entries


def _builtin_lexicon() -> Lexicon:
    # the shipped data must be consistent on its own: a row listed twice (say a city typed into
    # place.tsv that a family also generates) is an error, not a silent merge
    return build_lexicon(builtin_entries(), merge=False)


def load_lexicon(paths: Iterable[str | os.PathLike] = (), *, builtin: bool = True) -> Lexicon:
    """The shipped lexicon (unless ``builtin=False``) plus the user's files, validated and merged."""
    entries = list(_builtin_lexicon().entries) if builtin else []
    for f in paths:
        entries.extend(parse_lexicon_file(f))
    return build_lexicon(entries)
