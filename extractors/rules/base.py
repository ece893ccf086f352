"""What rules work with: the candidate record and the read-only context of one document."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from extractors.lexicon import Lexicon
from extractors.records import LexiconEntry, Sentence
from extractors.segment import SentenceIndex
from extractors.textutil import repeated_runs


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible mention, before overlaps are resolved and names made canonical."""

    start: int
    end: int
    type: str
    name: str
    rule: str
    entry: LexiconEntry | None = None  # set when the surface form is a lexicon form
    parent: "Candidate | None" = field(default=None, compare=False)  # the unit a sub-unit belongs to

    @property
    def length(self) -> int:
        return self.end - self.start

    @property
    def names_a_country(self) -> bool:
        """Is this a lexicon match of a country (俄罗斯, 中国), the category the families give countries?"""
        return self.entry is not None and self.entry.category == "country"


def with_nested(accepted: list[Candidate], extra: list[Candidate]) -> list[Candidate]:
    """``accepted`` and the ``extra`` mentions a post-pass keeps inside them (a title in an event's name, a place
    in a delegation's, a body in its sitting's), in text order; ``accepted`` itself when there are none."""
    return sorted([*accepted, *extra], key=lambda c: (c.start, c.end)) if extra else accepted


def anchors_kept_inside(accepted: list[Candidate], anchors: list[Candidate], outers: list[Candidate]) -> list[Candidate]:
    """``accepted`` with the lexicon's matches (``anchors``, as found before a longer name took their place) that lie
    inside one of ``outers`` and end before it kept as mentions of their own: what a title or a system's name is
    made of (关于黄河保护法草案审议结果的报告 names 黄河保护法; 职业教育经费投入机制 names 职业教育)."""
    if not outers:
        return accepted
    spans = {(c.start, c.end) for c in accepted}
    inside = sorted(anchors, key=lambda a: a.start)
    starts = [a.start for a in inside]
    extra = []
    for c in outers:
        for a in inside[bisect_left(starts, c.start) : bisect_left(starts, c.end)]:
            if a.end < c.end and (a.start, a.end) not in spans:
                extra.append(a)
                spans.add((a.start, a.end))
    return with_nested(accepted, extra)


@dataclass
class Context:
    """One document as rules see it. Rules read it and return candidates; they never mutate it."""

    text: str
    sentences: list[Sentence]
    lexicon: Lexicon
    anchors: list[Candidate]  # lexicon matches, boundary-checked and non-overlapping
    is_common_word: Callable[[str], bool]
    word_frequency: Callable[[str], int]
    boundary_check: Callable[[str, int, int, int, int], bool]
    segment: Callable[[str], list[str]]
    _starts: dict[int, Candidate] = field(init=False, repr=False)
    _ends: dict[int, Candidate] = field(init=False, repr=False)
    _sentence_index: SentenceIndex = field(init=False, repr=False)
    _by_start_order: list[Candidate] = field(init=False, repr=False)
    _anchor_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._starts = {a.start: a for a in self.anchors}
        self._ends = {a.end: a for a in self.anchors}
        self._sentence_index = SentenceIndex(self.sentences, len(self.text))
        self._by_start_order = sorted(self.anchors, key=lambda a: (a.start, a.end))
        self._anchor_starts = [a.start for a in self._by_start_order]

    def anchor_at(self, start: int, *types: str) -> Candidate | None:
        a = self._starts.get(start)
        return a if a is not None and (not types or a.type in types) else None

    def anchor_inside(self, pos: int) -> Candidate | None:
        """The anchor ``pos`` falls strictly inside (``start < pos < end``), if any: anchors do not
        overlap, so there is at most one, found by bisection."""
        k = bisect_left(self._anchor_starts, pos) - 1
        if k >= 0:
            a = self._by_start_order[k]
            if a.start < pos < a.end:
                return a
        return None

    def anchors_between(self, lo: int, hi: int) -> list[Candidate]:
        """The anchors that start at or after ``lo`` and end by ``hi``, in text order (found by bisection)."""
        i, j = bisect_left(self._anchor_starts, lo), bisect_left(self._anchor_starts, hi)
        return [a for a in self._by_start_order[i:j] if a.end <= hi]

    def anchors_before(self, pos: int, reach: int) -> list[Candidate]:
        """The anchors of ``pos``'s paragraph that end by ``pos``, at most ``reach`` characters back, in text order:
        what the story has named before (a theatre before its bare 战区海军, a region before its bare 特区政府)."""
        return self.anchors_between(max(self.text.rfind("\n", 0, pos) + 1, pos - reach), pos)

    def anchor_ending_at(self, end: int, *types: str) -> Candidate | None:
        a = self._ends.get(end)
        return a if a is not None and (not types or a.type in types) else None

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        return self._sentence_index.bounds(pos)

    @cached_property
    def repeated_runs(self) -> list[tuple[int, int, int]]:
        """Headlines printed several times in a row (fake bold): (start, unit length, end)."""
        return repeated_runs(self.text)

    def stands_alone(self, start: int, end: int, lo: int | None = None, hi: int | None = None) -> bool:
        """Does jieba put word boundaries at both ends of ``text[start:end]``, read within ``text[lo:hi]``
        (by default the sentence ``start`` is in)?"""
        if lo is None or hi is None:
            lo, hi = self.sentence_bounds(start)
        return self.boundary_check(self.text, start, end, lo, hi)

    def entry(self, form: str) -> LexiconEntry | None:
        return self.lexicon.lookup(form)

    def resolved(self, start: int, end: int, type_: str, name: str, rule: str, *, form: str | None = None,
                 parent: Candidate | None = None) -> Candidate:
        """A candidate for ``text[start:end]``: the lexicon's entity when ``form`` (default: ``name``)
        is a lexicon form, whatever its type; otherwise an entity of ``type_`` called ``name``."""
        entry = self.entry(name if form is None else form)
        if entry is not None:
            return Candidate(start, end, entry.type, entry.name, rule, entry, parent=parent)
        return Candidate(start, end, type_, name, rule, parent=parent)
