"""What a user named, and the nearest names when nothing has that name.

Queries and notebook helpers match a name exactly, as the Cypher queries do: an entity's id, canonical
name or one of its aliases (a source document's id, title or path). A name typed from memory is often
not one of them: a part of the name (新质 for 新质生产力), a longer phrase (发展新质生产力), a typo
(新制生产力), traditional characters (新質生產力), or another width, case or spacing (ＡＩ, ai, "科技 部").
Without a check such a name gives an empty answer, which reads as "nothing there"; ``unknown_name``
builds the error to raise instead, with the names to try.

Suggestions, best first (each a name that would be accepted as it is written):

0. names equal to the given one once width, case and spaces are folded and traditional characters read
   as simplified;
1. names that start with it (Chinese names grow at the end: 新质 -> 新质生产力), the more mentioned
   entity first (what a researcher most likely meant), then the shorter name;
2. names that contain it (生产力 -> 新质生产力), that it contains, of two characters or more
   (发展新质生产力 -> 新质生产力), or that difflib finds close (a ratio of at least 0.6, one character in
   five differing: 新制生产力 -> 新质生产力), the most similar first (difflib's ratio), then the more
   mentioned.

Each entity is suggested once, under the name of it that matched best, and each name once. difflib is
the standard library's matcher: the names of a corpus number thousands, and the suggestions are only
computed when a name is unknown.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Sequence

from extractors.errors import KgError, UnknownNameError
from extractors.traditional import simplified

#: How many names an error suggests.
SUGGESTIONS = 5
#: difflib's cutoff for a close match.
CLOSE = 0.6


@dataclass(frozen=True, slots=True)
class Known:
    """Something a user may name: an entity (``type`` its entity type) or a source document
    (``type`` "SourceDocument"). ``names``: what names it exactly and may be suggested (canonical
    name and aliases; a document's id, title and path); ``id`` matches exactly too but is only suggested
    when it is among ``names``. ``weight`` (mentions) ranks equally good suggestions."""

    id: str
    names: tuple[str, ...]
    type: str
    weight: int = 0


_SPACE = re.compile(r"\s+")
_SURROGATE = re.compile("[\ud800-\udfff]")


def fold(text: str) -> str:
    """``text`` as compared for suggestions: NFKC (full-width forms half-width), case folded, without
    spaces, traditional characters read as simplified."""
    text = _SPACE.sub("", unicodedata.normalize("NFKC", _SURROGATE.sub("", text)).casefold())
    return simplified(text) if text else text


def suggest(given: str, known: Iterable[Known], *, n: int = SUGGESTIONS) -> list[str]:
    """Up to ``n`` names of ``known`` nearest to ``given``, best first (see the module docstring)."""
    q = fold(given)
    if not q or n <= 0:
        return []
    best: dict[str, tuple] = {}  # entity id -> (rank key, name)

    def offer(k: Known, name: str, key: tuple) -> None:
        if k.id not in best or key < best[k.id][0]:  # one suggestion per entity: its best name
            best[k.id] = (key, name)

    folded: dict[str, list[tuple[str, Known]]] = {}
    for k in known:
        for name in k.names:
            f = fold(name) if name else ""
            if not f:
                continue
            folded.setdefault(f, []).append((name, k))
            if f == q:
                offer(k, name, (0, -k.weight, len(name), name))
            elif f.startswith(q):
                offer(k, name, (1, -k.weight, len(name), name))
            elif q in f or (len(f) >= 2 and f in q):  # difflib's ratio for a substring, without difflib
                offer(k, name, (2, -2 * min(len(q), len(f)) / (len(q) + len(f)), -k.weight, len(name), name))
    for f in difflib.get_close_matches(q, list(folded), n=4 * n, cutoff=CLOSE):
        ratio = difflib.SequenceMatcher(None, q, f).ratio()
        for name, k in folded[f]:
            offer(k, name, (2, -ratio, -k.weight, len(name), name))
    return list(dict.fromkeys(name for _, name in sorted(best.values())))[:n]  # two entities may share a name


def matching(given: str, known: Iterable[Known]) -> list[Known]:
    """Everything ``given`` names exactly: by id or by one of its names (as the Cypher queries match)."""
    return [k for k in known if given == k.id or given in k.names]


def unknown_name(given: str, known: Sequence[Known], *, param: str | None, type: str | None = None) -> UnknownNameError:
    """The error for a name that names nothing (of ``type``, an entity type or "SourceDocument", when
    given): what was given, what it is if it names something of another type, and the nearest names."""
    what = _what(type)
    typed = type not in (None, "Entity")
    wanted = [k for k in known if not typed or k.type == type]
    elsewhere = sorted({k.type for k in matching(given, known)} - {type}) if typed else []
    if not given.strip():
        message = f"expected the name of {_article(what)}, got {given!r}"
        return UnknownNameError(message, param=param, name=given)
    if type == "SourceDocument":
        message = f"no document has the id, title or path {given!r}"
    elif elsewhere:
        message = f"no {what} is named {given!r} (it names {' and '.join(_article(_what(t)) for t in elsewhere)})"
    else:
        message = f"no {what} is named {given!r}"
    suggestions = suggest(given, wanted)
    if suggestions:
        message += "; did you mean " + _either(suggestions) + "?"
    else:
        message += f", and no {what} has a name like it"
    return UnknownNameError(message, param=param, name=given, suggestions=tuple(suggestions))


def _what(type: str | None) -> str:
    if type is None or type == "Entity":
        return "entity"
    if type == "SourceDocument":
        return "document"
    return type


def _article(what: str) -> str:
    return ("an " if what[:1].lower() in "aeiou" else "a ") + what


def _either(names: Sequence[str]) -> str:
    quoted = [repr(n) for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def check_choice(value, choices: Sequence[str], *, param: str, what: str) -> None:
    """Raise a KgError about ``param`` unless ``value`` is one of ``choices`` (a fixed vocabulary: entity
    types, relation types, measures), suggesting the one meant when only case or a typo differs."""
    if isinstance(value, str) and value in choices:
        return
    message = f"{what} must be one of {', '.join(choices)}; got {value!r}"
    if isinstance(value, str):
        near = [c for c in choices if fold(c) == fold(value)] or difflib.get_close_matches(value, list(choices), n=1, cutoff=CLOSE)
        if near:
            message += f"; did you mean {near[0]!r}?"
    raise KgError(message, param=param)
