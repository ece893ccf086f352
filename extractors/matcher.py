"""Dictionary matching on characters, with offsets.

Matching on jieba tokens silently misses terms (jieba splits 碳中和 differently in context), so
terms are found on characters: at every position where a term can start, the longest term starting
there. Word segmentation is used afterwards only to check boundaries (``extractors.boundaries``).

The scan is the hot loop of extraction, so it is not a Python loop over characters. Every
position's next three characters (and next two, for two-character terms) are packed into one
integer, hashed and looked up in a bitmap of term prefixes with numpy (vectorised over the whole
text); only the positions where a term can start are visited in Python.
"""
from __future__ import annotations

from typing import Iterable

import numpy as np

from extractors.textutil import codepoints

_SHIFT = np.uint64(21)  # a code point fits in 21 bits; three fit in a uint64


def _pack2(a: np.ndarray) -> np.ndarray:
    return (a[:-1] << _SHIFT) | a[1:]


def _pack3(a: np.ndarray) -> np.ndarray:
    return (a[:-2] << (_SHIFT + _SHIFT)) | (a[1:-1] << _SHIFT) | a[2:]


_BUCKETS = np.uint64((1 << 20) - 1)  # a 1 M-entry bitmap: a few thousand prefixes hashed into it


def _bitmap(codes: np.ndarray) -> np.ndarray:
    table = np.zeros(int(_BUCKETS) + 1, dtype=bool)
    table[(codes * np.uint64(0x9E3779B97F4A7C15) >> np.uint64(40)) & _BUCKETS] = True
    return table


def _member(values: np.ndarray, table: np.ndarray) -> np.ndarray:
    """A superset of the positions whose packed prefix is a term prefix (hash collisions are
    rare and weeded out by the exact check that follows)."""
    if len(values) == 0:
        return np.zeros(0, dtype=bool)
    return table[(values * np.uint64(0x9E3779B97F4A7C15) >> np.uint64(40)) & _BUCKETS]


class TermMatcher:
    """Longest-match lookup of a fixed set of terms (each at least two characters long)."""

    def __init__(self, terms: Iterable[str]):
        self._terms: frozenset[str] = frozenset(t for t in terms if len(t) >= 2)
        lengths: dict[str, set[int]] = {}  # first three characters -> lengths (two-character terms: _two)
        for t in self._terms:
            if len(t) >= 3:
                lengths.setdefault(t[:3], set()).add(len(t))
        self._lengths = {k: sorted(v, reverse=True) for k, v in lengths.items()}
        self._two = frozenset(t for t in self._terms if len(t) == 2)
        three = sorted({t[:3] for t in self._terms if len(t) >= 3})
        codes3 = _pack3(codepoints("".join(three)))[::3] if three else np.array([], dtype=np.uint64)
        codes2 = _pack2(codepoints("".join(sorted(self._two))))[::2] if self._two else np.array([], dtype=np.uint64)
        self._table3, self._table2 = _bitmap(codes3), _bitmap(codes2)

    def __contains__(self, term: str) -> bool:
        return term in self._terms

    def candidates(self, text: str) -> list[int]:
        """Positions where some term may start (a superset of the true starts, in order)."""
        if len(text) < 2:
            return []
        a = codepoints(text)
        hits = _member(_pack2(a), self._table2)
        if len(a) >= 3:
            hits[: len(a) - 2] |= _member(_pack3(a), self._table3)
        return np.flatnonzero(hits).tolist()

    def find(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of the longest term at every position where one starts (overlapping)."""
        terms, lengths, two = self._terms, self._lengths, self._two
        size = len(text)
        out = []
        for i in self.candidates(text):
            for n in lengths.get(text[i : i + 3], ()):
                if i + n <= size and text[i : i + n] in terms:
                    out.append((i, i + n))
                    break
            else:
                if text[i : i + 2] in two:
                    out.append((i, i + 2))
        return out

    def find_all(self, text: str, start: int) -> list[int]:
        """Ends of every term starting at ``start``, longest first."""
        lengths = self._lengths.get(text[start : start + 3], ())
        ends = [start + n for n in lengths if start + n <= len(text) and text[start : start + n] in self._terms]
        if text[start : start + 2] in self._two:
            ends.append(start + 2)
        return ends
