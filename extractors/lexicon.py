"""Lexicons: loading, validation, and the alias registry that maps surface forms to entities.

The file format is documented in ``extractors/lexicon/README.md``. The shipped lexicon is every
``*.tsv`` file in ``extractors/lexicon/`` plus the entries the families generate from their member
lists (``extractors.families``); users add files with ``--lexicon PATH``.

Three rules decide what a surface form names:

- Within the shipped lexicon, and among a user's files, a form names one entity: two entries claiming
  it are a conflict, and loading fails naming both rows (two shipped rows with the same type and
  name fail too; two user rows with the same type and name are merged).
- A user's row may override the shipped lexicon (``apply_overrides``): if it claims a built-in
  entry's canonical name, it replaces that entry; if it claims only some of a built-in entry's other
  forms, it takes those forms away and the built-in entry keeps the rest.
- A stop-list (``extractors.stoplist``) keeps names, forms or categories out of the mentions.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
from dataclasses import dataclass, replace
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from extractors.boundaries import WordBoundaries, cache_dir, store_in_cache
from extractors.errors import LexiconError
from extractors.families import family_entries
from extractors.forms import surface_key, surface_variants
from extractors.matcher import TermMatcher
from extractors.records import ENTITY_TYPES, LexiconEntry, Mention
from extractors.stoplist import Stop, StopRule, describe, parse_stoplist_file, read_stoplist_file, resolve, resolve_rules

__all__ = [
    "Lexicon", "LexiconCheck", "Override", "TYPE_ALIASES", "apply_overrides", "build_lexicon", "builtin_entries",
    "builtin_lexicon_files", "check_lexicon_files", "load_lexicon", "parse_lexicon_file", "read_lexicon_file",
    "surface_key", "surface_variants",
]

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

#: The columns of a lexicon row, as error messages name them.
COLUMNS = ("name", "type", "aliases", "category")

#: A word with at least this frequency in jieba's dictionary is a common word, not a name.
COMMON_WORD_FREQ = 400

_FORBIDDEN = re.compile(r"[\t|\n\r]")
_SHOWN = 20  # errors or conflicts listed in one message


class Lexicon:
    """Entries and the alias registry: every surface form maps to exactly one entry.

    The matcher and the word-boundary checker built from the forms are created on first use and
    belong to this object (no module-level state). ``stop`` says which mentions the user's
    stop-lists drop (nothing, by default).
    """

    def __init__(self, entries: tuple[LexiconEntry, ...], forms: Mapping[str, LexiconEntry], stop: Stop | None = None):
        self.entries = entries
        self.forms = forms
        self.stop = stop if stop is not None else Stop()

    def __repr__(self) -> str:
        return f"Lexicon({len(self.entries)} entries, {len(self.forms)} surface forms)"

    def __len__(self) -> int:
        return len(self.entries)

    def __getstate__(self) -> dict:
        """Entries, forms and stop-lists only: the matcher and the word-boundary checker are made
        again where the lexicon is unpickled (a cluster worker), on first use."""
        return {"entries": self.entries, "forms": self.forms, "stop": self.stop}

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

    def drops(self, mention: Mention) -> bool:
        """True if a stop-list keeps this mention out."""
        return bool(self.stop) and self.stop.drops(mention)


# --- files -----------------------------------------------------------------------------------------

def builtin_lexicon_files() -> list[Path]:
    folder = resources.files("extractors") / "lexicon"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".tsv"))


def read_lexicon_file(path: str | os.PathLike) -> tuple[list[LexiconEntry], list[str]]:
    """The valid rows of one lexicon file and a message for each invalid one (``file:line: column N
    (field): reason``). Raises LexiconError only if the file cannot be read or decoded."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read lexicon file ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: lexicon files must be UTF-8 (bad byte at offset {exc.start})") from None
    entries, errors = [], []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            entries.append(_parse_row(line, f"{path}:{lineno}"))
        except LexiconError as exc:
            errors.append(str(exc))
    return entries, errors


def parse_lexicon_file(path: str | os.PathLike) -> list[LexiconEntry]:
    """Parse and validate one lexicon file. Raises LexiconError naming file, line, column and reason
    for every invalid row."""
    entries, errors = read_lexicon_file(path)
    if errors:
        raise LexiconError(_listing(errors))
    return entries


def _parse_row(line: str, origin: str) -> LexiconEntry:
    cols = line.rstrip("\r\n").split("\t")
    while len(cols) > 2 and not cols[-1].strip():
        cols.pop()
    if len(cols) < 2:
        raise LexiconError(
            f"{origin}: column 2 (type) is missing: expected 'name<TAB>type[<TAB>aliases[<TAB>category]]', "
            f"got one column (are the columns separated by TABs?)"
        )
    if len(cols) > 4:
        raise LexiconError(f"{origin}: expected at most 4 TAB-separated columns ({', '.join(COLUMNS)}), got {len(cols)}")
    name, type_raw = cols[0].strip(), cols[1].strip()
    aliases_raw = cols[2] if len(cols) > 2 else ""
    category = cols[3].strip() if len(cols) > 3 else ""
    if not name:
        raise LexiconError(f"{origin}: column 1 (name): empty canonical name")
    type_ = TYPE_ALIASES.get(type_raw)
    if type_ is None:
        raise LexiconError(
            f"{origin}: column 2 (type): unknown type {type_raw!r}; expected one of {', '.join(ENTITY_TYPES)}"
        )
    aliases = [a.strip() for a in aliases_raw.split("|")] if aliases_raw.strip() else []
    for col, form in [(1, name), *((3, a) for a in aliases)]:
        where = f"{origin}: column {col} ({COLUMNS[col - 1]})"
        if not form:
            raise LexiconError(f"{where}: empty alias (two '|' in a row, or a trailing '|')")
        if _FORBIDDEN.search(form):
            raise LexiconError(f"{where}: {form!r} contains a TAB, '|' or line break")
        if len(surface_key(form)) < 2:
            raise LexiconError(f"{where}: {form!r} is shorter than two characters and would match everywhere")
    unique = tuple(dict.fromkeys(a for a in aliases if a != name))
    return LexiconEntry(name=name, type=type_, aliases=unique, category=category, origin=origin)


def _listing(messages: Sequence[str], head: str = "") -> str:
    shown = list(messages[:_SHOWN])
    if len(messages) > _SHOWN:
        shown.append(f"... and {len(messages) - _SHOWN} more")
    return head + ("\n  ".join(shown) if head else "\n".join(shown))


# --- the registry ----------------------------------------------------------------------------------

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
    """The shipped lexicon's entries: every row of the shipped files and every generated entry, in
    (type, name) order."""
    return list(_builtin_lexicon().entries)


def _builtin_lexicon() -> Lexicon:
    """The shipped lexicon, registered (the shipped data must be consistent on its own: a row listed
    twice, say a city typed into place.tsv that a family also generates, is an error, not a silent
    merge).

    Parsed, registered and its matcher built once, then kept in the cache folder
    (``extractors.boundaries.cache_dir``) under a key made of every shipped data file's and every
    parsing module's path, size and modification time, so that an edited row or rule is parsed afresh;
    reading it back is about half the cost of making it. A cache that cannot be read or written only
    costs the parse."""
    cached = cache_dir() / f"lexicon-{_builtin_key()}.pickle"
    try:
        lexicon, matcher = pickle.loads(cached.read_bytes())
        if isinstance(lexicon, Lexicon) and isinstance(matcher, TermMatcher):
            lexicon.__dict__["matcher"] = matcher  # the cached_property's slot
            return lexicon
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        pass  # not there yet, or written by another version: parse
    entries = []
    for f in builtin_lexicon_files():
        entries.extend(parse_lexicon_file(f))
    entries.extend(family_entries())
    lexicon = build_lexicon(entries, merge=False)
    # the lexicons of earlier edits: the last few kept
    store_in_cache(cached, pickle.dumps((lexicon, lexicon.matcher), protocol=pickle.HIGHEST_PROTOCOL),
                   prune="lexicon-*.pickle", keep=4)
    return lexicon


def _builtin_key() -> str:
    """What the shipped entries are made from: the data files and the modules that parse them."""
    folder = Path(str(resources.files("extractors") / "lexicon"))
    here = Path(__file__).resolve().parent
    sources = sorted(folder.rglob("*.tsv")) + [here / m for m in ("lexicon.py", "families.py", "forms.py", "records.py",
                                                                  "matcher.py")]
    digest = hashlib.sha1()
    for f in sources:
        st = f.stat()
        digest.update(f"{f}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


# --- overriding the shipped lexicon ------------------------------------------------------------------

@dataclass(frozen=True)
class Override:
    """What one user entry does to one built-in entry.

    ``replaces``: the user entry claims the built-in's canonical name, so it stands in its place;
    ``kept`` are the built-in's forms the user did not list, which the user entry keeps as aliases
    (they still name the same thing). Otherwise the user entry takes ``forms`` from the built-in entry,
    which keeps its name and its other forms.
    """

    user: LexiconEntry
    builtin: LexiconEntry
    replaces: bool
    forms: tuple[str, ...]  # the built-in's forms the user entry claims
    kept: tuple[str, ...] = ()  # replaces: the built-in's other forms, now the user entry's

    def describe(self) -> str:
        u, b = self.user, self.builtin
        head = f"{u.origin}: {u.type} {u.name!r}"
        if self.replaces:
            kept = f"; keeps its other forms {', '.join(self.kept)}" if self.kept else ""
            return f"{head} replaces built-in {b.type} {b.name!r} ({b.origin}){kept}"
        return (f"{head} takes {', '.join(map(repr, self.forms))} from built-in {b.type} {b.name!r} "
                f"({b.origin}), which keeps its other forms")


def apply_overrides(builtin: Lexicon, user: Lexicon) -> tuple[list[LexiconEntry], list[Override]]:
    """The entries of the built-in lexicon with the user's entries laid over it, and what each user
    entry overrode.

    A user entry that claims a built-in entry's canonical name (as its name or an alias) replaces
    that entry: the user's type, canonical name and aliases win, the user's category wins unless it is
    empty, and the built-in's forms the user did not list stay as aliases of the user entry (renaming
    科技部 should not lose 中华人民共和国科学技术部). A user entry that claims only other forms of a
    built-in entry takes those forms away from it (国家计委 to 国家发展计划委员会); the built-in entry
    keeps its name and the rest. Forms claimed by any user entry are never kept for a built-in one.
    """
    claimed: dict[str, LexiconEntry] = {}  # variant -> the user entry claiming it
    for u in user.entries:
        for form in (u.name, *u.aliases):
            for variant in surface_variants(form):
                claimed[variant] = u
    touched: dict[str, tuple[LexiconEntry, dict[LexiconEntry, set[str]]]] = {}  # built-in id -> users -> variants
    for variant, u in claimed.items():
        b = builtin.forms.get(variant)
        if b is not None:
            touched.setdefault(b.id, (b, {}))[1].setdefault(u, set()).add(variant)

    def unclaimed(forms: Iterable[str]) -> tuple[str, ...]:
        return tuple(f for f in forms if not surface_variants(f) & claimed.keys())

    overrides: list[Override] = []
    changed: dict[str, LexiconEntry | None] = {}  # built-in id -> its trimmed entry, or None if replaced
    replacing: dict[LexiconEntry, list[LexiconEntry]] = {}  # user entry -> the built-ins it replaces
    for bid, (b, users) in sorted(touched.items(), key=lambda kv: (kv[1][0].type, kv[1][0].name)):
        owner = next((claimed[v] for v in sorted(surface_variants(b.name)) if v in claimed), None)
        for u, variants in sorted(users.items(), key=lambda kv: kv[0].origin):
            forms = tuple(f for f in (b.name, *b.aliases) if surface_variants(f) & variants)
            if u is owner:
                overrides.append(Override(u, b, True, forms, unclaimed((b.name, *b.aliases))))
                replacing.setdefault(u, []).append(b)
            else:
                overrides.append(Override(u, b, False, forms))
        changed[bid] = None if owner is not None else replace(b, aliases=unclaimed(b.aliases))
    entries = [changed.get(b.id, b) for b in builtin.entries]
    entries = [e for e in entries if e is not None]
    for u in user.entries:
        gone = replacing.get(u, [])
        kept = [f for b in gone for f in unclaimed((b.name, *b.aliases))]
        category = u.category or next((b.category for b in gone if b.category), "")
        entries.append(replace(u, aliases=tuple(dict.fromkeys((*u.aliases, *kept))), category=category))
    return entries, overrides


# --- loading -----------------------------------------------------------------------------------------

def _user_lexicon(paths: Iterable[str | os.PathLike]) -> Lexicon:
    entries: list[LexiconEntry] = []
    try:
        for p in paths:
            entries.extend(parse_lexicon_file(p))
        return build_lexicon(entries)
    except LexiconError as exc:
        raise LexiconError(str(exc), param="paths") from None


def load_lexicon(
    paths: Iterable[str | os.PathLike] = (),
    *,
    builtin: bool = True,
    stoplists: Iterable[str | os.PathLike] = (),
) -> Lexicon:
    """The shipped lexicon (unless ``builtin=False``) with the user's files laid over it (see
    ``apply_overrides``), validated, and the user's stop-lists applied."""
    user = _user_lexicon(paths)
    if builtin and user.entries:
        entries, _ = apply_overrides(_builtin_lexicon(), user)
        lexicon = build_lexicon(entries, merge=False)
    else:
        lexicon = _builtin_lexicon() if builtin else user
    rules = [r for f in stoplists for r in parse_stoplist_file(f)]
    if rules:
        lexicon = Lexicon(lexicon.entries, lexicon.forms, resolve(rules, lexicon.entries, lexicon.forms))
    return lexicon


# --- checking a user's files ---------------------------------------------------------------------------

@dataclass(frozen=True)
class LexiconCheck:
    """What ``kg lexicon check`` reports: errors (invalid rows, conflicts between the user's rows,
    unreadable files, unknown stop-list categories), the built-in entries the user's rows override,
    and what each stop-list line stops."""

    files: tuple[str, ...]
    entries: int
    errors: tuple[str, ...]
    overrides: tuple[Override, ...]
    stops: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors

    def report(self) -> str:
        lines = [f"{len(self.files)} file(s), {self.entries} valid entr{'y' if self.entries == 1 else 'ies'}"]
        if self.errors:
            lines += [f"{len(self.errors)} error(s):", *(f"  {e}" for e in self.errors)]
        if self.overrides:
            lines += [f"{len(self.overrides)} override(s) of the shipped lexicon:",
                      *(f"  {o.describe()}" for o in self.overrides)]
        elif not self.errors:
            lines.append("no conflict with the shipped lexicon")
        if self.stops:
            lines += ["stop-list:", *(f"  {s}" for s in self.stops)]
        lines.append("OK" if self.ok else "FAILED")
        return "\n".join(lines)


def _read_each(paths: Sequence[str | os.PathLike], read, errors: list[str]) -> list:
    """What ``read(path) -> (items, bad rows)`` finds in every file, its bad rows and unreadable files
    added to ``errors``."""
    items: list = []
    for path in paths:
        try:
            found, bad = read(path)
        except LexiconError as exc:
            errors.append(str(exc))
            continue
        items.extend(found)
        errors.extend(bad)
    return items


def check_lexicon_files(
    paths: Sequence[str | os.PathLike],
    *,
    stoplists: Sequence[str | os.PathLike] = (),
    builtin: bool = True,
) -> LexiconCheck:
    """Validate a user's lexicon files (and stop-lists) without building anything: every invalid row,
    every conflict between the user's rows, and what the rows override in the shipped lexicon."""
    errors: list[str] = []
    entries: list[LexiconEntry] = _read_each(paths, read_lexicon_file, errors)
    overrides: list[Override] = []
    lexicon: Lexicon | None = None
    ordered, forms, _, conflicts = _register(entries, merge=True)
    errors.extend(f"conflict: {c}" for c in conflicts)
    if not conflicts:
        user = lexicon = Lexicon(ordered, forms)
        if builtin:
            merged, overrides = apply_overrides(_builtin_lexicon(), user)
            lexicon = build_lexicon(merged, merge=False)
    stops: list[str] = []
    rules: list[StopRule] = _read_each(stoplists, read_stoplist_file, errors)
    if rules and lexicon is not None:
        errors.extend(resolve_rules(rules, lexicon.entries, lexicon.forms)[1])
        stops = describe(rules, lexicon.entries, lexicon.forms)
    return LexiconCheck(tuple(map(str, paths)), len(entries), tuple(errors), tuple(overrides), tuple(stops))
