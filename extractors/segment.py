"""Paragraph and sentence segmentation with offsets into the normalised text.

Paragraphs are the lines of the normalised text. Sentences end at 。！？； (and their ASCII forms),
taking any closing quotes or brackets that follow; they never cross a paragraph. Whitespace is
never a boundary: Chinese is not segmented on spaces.
"""
from __future__ import annotations

import re

from kg.records import Paragraph, Sentence

_SENTENCE = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』）)】》]*|$)")


def paragraphs(doc_id: str, text: str) -> list[Paragraph]:
    out: list[Paragraph] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            out.append(Paragraph(doc_id, len(out), start, end))
        start = end + 1
    return out


def sentences(doc_id: str, text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, each with its paragraph index; blank spans are skipped."""
    out: list[Sentence] = []
    for para in paragraphs(doc_id, text):
        for m in _SENTENCE.finditer(text, para.start, para.end):
            start, end = m.span()
            # trim surrounding whitespace so offsets point at text
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                out.append(Sentence(doc_id, len(out), para.index, start, end))
    return out
