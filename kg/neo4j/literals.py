"""Cypher literals, for ``load.cypher``: cypher-shell runs it without parameters, so every value
is written as a literal that reads back as exactly the value (strings escaped, nothing invisible)."""
from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_ESCAPES = {"\\": "\\\\", "'": "\\'", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_MAX_LONG = 2**63 - 1
#: Characters written as an escape: the ones above, lone surrogates, and every control, format and
#: line/paragraph-separator character of the Basic Multilingual Plane.
_NEEDS_ESCAPE = re.compile("[" + "".join(
    re.escape(chr(c)) for c in range(0x10000)
    if chr(c) in _ESCAPES or 0xD800 <= c <= 0xDFFF or unicodedata.category(chr(c)) in ("Cc", "Cf", "Zl", "Zp")
) + "]")


def _escape(match: re.Match) -> str:
    ch = match.group()
    esc = _ESCAPES.get(ch)
    if esc is not None:
        return esc
    code = ord(ch)
    if 0xD800 <= code <= 0xDFFF:
        raise ValueError(f"a lone surrogate (U+{code:04X}) cannot be written to a UTF-8 file")
    return f"\\u{code:04X}"


def cypher_string(value: str) -> str:
    """A Cypher string literal (single-quoted) that reads back as exactly ``value``.

    Backslash and both quotes are escaped; so is every control, format and line/paragraph-separator
    character in the Basic Multilingual Plane (as ``\\uXXXX``), so the file holds no invisible
    character and no raw line break inside a string. Other characters are written as they are
    (the file is UTF-8). Only the escapes Neo4j documents are used: ``\\\\ \\' \\" \\n \\r \\t \\b \\f \\uXXXX``.
    """
    if len(value) < 64:
        return _short_string(value)  # ids and names recur on thousands of rows
    return "'" + _NEEDS_ESCAPE.sub(_escape, value) + "'"


@lru_cache(maxsize=65536)
def _short_string(value: str) -> str:
    return "'" + _NEEDS_ESCAPE.sub(_escape, value) + "'"


_PLAIN_KEYS: set[str] = set()


def cypher_literal(value) -> str:
    """A Cypher literal for a row value: null, booleans, integers, floats, strings, lists, maps
    (map keys must be plain identifiers: they come from the schema)."""
    kind = type(value)
    if kind is str:
        return cypher_string(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is dict:
        parts = []
        for k, v in value.items():
            if k not in _PLAIN_KEYS:
                if not isinstance(k, str) or not _IDENTIFIER.match(k):
                    raise ValueError(f"map key {k!r} is not a plain identifier")
                _PLAIN_KEYS.add(k)
            parts.append(k + ": " + cypher_literal(v))
        return "{" + ", ".join(parts) + "}"
    if isinstance(value, int):
        if not -_MAX_LONG <= value <= _MAX_LONG:
            raise ValueError(f"{value} does not fit a Cypher integer")
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else "null"
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return cypher_literal(dict(value))
    raise TypeError(f"no Cypher literal for {type(value).__name__}")
