"""Dictionary matching on characters, with offsets.

Matching on jieba tokens silently misses terms (jieba splits 碳中和 differently in context), so
terms are found on characters: at every position where a term can start, the longest term starting
there. Word segmentation is used afterwards only to check boundaries (``extractors.boundaries``).

The scan is the hot loop of extraction. Candidate positions are found without a Python-level loop
over characters: every two-character window is looked up in the set of term prefixes by ``map``
(running in C), and only positions that can start a term are visited in Python.
"""
from __future__ import annotations

import operator
from itertools import compress, count
from typing import Iterable


class TermMatcher:
    """Longest-match lookup of a fixed set of terms (each at least two characters long)."""

    def __init__(self, terms: Iterable[str]):
        lengths: dict[str, set[int]] = {}
        self._terms: frozenset[str] = frozenset(t for t in terms if len(t) >= 2)
        for t in self._terms:
            lengths.setdefault(t[:2], set()).add(len(t))
        self._lengths = {k: sorted(v, reverse=True) for k, v in lengths.items()}
        self._prefixes = frozenset(self._lengths)

    def __contains__(self, term: str) -> bool:
        return term in self._terms

    def find(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of the longest term at every position where one starts (overlapping)."""
        if len(text) < 2:
            return []
        hits = compress(count(), map(self._prefixes.__contains__, map(operator.add, text, text[1:])))
        terms = self._terms
        lengths = self._lengths
        size = len(text)
        out = []
        for i in hits:
            for n in lengths[text[i : i + 2]]:
                if i + n <= size and text[i : i + n] in terms:
                    out.append((i, i + n))
                    break
        return out

    def find_all(self, text: str, start: int) -> list[int]:
        """Ends of every term starting at ``start``, longest first."""
        ends = []
        for n in self._lengths.get(text[start : start + 2], ()):
            if start + n <= len(text) and text[start : start + n] in self._terms:
                ends.append(start + n)
        return ends
