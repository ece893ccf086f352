"""Paragraph and sentence segmentation with offsets into the normalised text.

Paragraphs are the lines of the normalised text. Sentences end at 。！？； (and their ASCII forms),
taking any closing quotes or brackets that follow; they never cross a paragraph. Whitespace is
never a boundary: Chinese is not segmented on spaces.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Sequence

from extractors.records import Paragraph, Sentence

_SENTENCE = re.compile(
    r"[^\S\n]*([^。！？；!?;\n]*[^。！？；!?;\s](?:[^\S\n]*[。！？；!?;]+[”’」』）)】》]*)?|[。！？；!?;]+[”’」』）)】》]*)"
)


def paragraphs(doc_id: str, text: str) -> list[Paragraph]:
    out: list[Paragraph] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            out.append(Paragraph(doc_id, len(out), start, end))
        start = end + 1
    return out


def sentences(doc_id: str, text: str, paras: list[Paragraph] | None = None) -> list[Sentence]:
    """Sentences of ``text`` in order, each with its paragraph index; blank spans are skipped.
    ``paras`` may pass ``paragraphs(doc_id, text)`` if already made."""
    paras = paragraphs(doc_id, text) if paras is None else paras
    if not paras:
        return []
    out: list[Sentence] = []
    p = 0
    para_end = paras[0].end
    for m in _SENTENCE.finditer(text):
        start, end = m.span(1)
        while start >= para_end and p + 1 < len(paras):
            p += 1
            para_end = paras[p].end
        # trailing spaces inside the match (before punctuation-less line ends) are not text
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append(Sentence(doc_id, len(out), p, start, end))
    return out


class SentenceIndex:
    """Which sentence an offset is in: the one definition of "the sentence around an offset"
    (used by the rules, the typed relations and the evidence of every edge)."""

    def __init__(self, sents: Sequence[Sentence], text_length: int):
        self.sentences = sents
        self.text_length = text_length
        self._starts = [s.start for s in sents]

    def index(self, pos: int) -> int:
        """The index of the last sentence starting at or before ``pos`` (-1 if none does)."""
        return bisect_right(self._starts, pos) - 1

    def bounds(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence that ``pos`` is in; the whole text before the first one."""
        i = self.index(pos)
        if i < 0:
            return 0, self.text_length
        s = self.sentences[i]
        return s.start, s.end

    def span(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) of the sentences from the one holding ``start`` to the one holding ``end - 1``."""
        first, last = self.index(start), self.index(max(start, end - 1))
        if first < 0:
            return (0, self.sentences[last].end) if last >= 0 else (0, self.text_length)
        return self.sentences[first].start, max(self.sentences[last].end, end)
