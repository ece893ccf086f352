"""Extraction over files: documents in, mentions out, one document at a time (what `kg extract` runs)."""
from __future__ import annotations

import os
from dataclasses import replace
from typing import Iterable, Iterator

from extractors.documents import iter_documents
from extractors.errors import ReadError
from extractors.lexicon import Lexicon
from extractors.mentions import DEFAULT_OPTIONS, ExtractOptions, extract_mentions
from extractors.normalize import written_positions
from extractors.reading import written_text
from extractors.records import Document, Mention


def extract_paths(
    paths: Iterable[str | os.PathLike],
    lexicon: Lexicon,
    *,
    options: ExtractOptions = DEFAULT_OPTIONS,
    layout: str = "auto",
) -> Iterator[tuple[Document, list[Mention]] | ReadError]:
    """For each input file in id order: ``(document, mentions)``, or the ReadError that skipped it."""
    for item in iter_documents(paths, layout=layout):
        if isinstance(item, ReadError):
            yield item
        else:
            yield item, extract_mentions(item, lexicon, options=options)


def as_written(document: Document, mentions: list[Mention]) -> list[Mention]:
    """The mentions of a plain-text document with offsets and texts on the file's text as written
    (indentation, empty lines and control characters included), for a reader who opens the file itself.

    Other formats (Markdown, HTML, DOCX, PDF) have markup or layout between the file and its text, and
    text the ``pdf`` layout rejoined has no such positions: their mentions are returned unchanged, on
    the normalised text (what ``kg normalize`` prints).
    """
    if document.format != "txt" or not mentions:
        return mentions
    try:
        written = written_text(document.path)
    except ReadError:
        return mentions
    positions = written_positions(written, document.text)  # None: not only deletions and one-for-one replacements
    if positions is None:
        return mentions
    moved = []
    for m in mentions:
        start, end = positions[m.start], positions[m.end - 1] + 1
        moved.append(replace(m, start=start, end=end, text=written[start:end]))
    return moved
