"""Extraction over files: documents in, mentions out, one document at a time (what `kg extract` runs)."""
from __future__ import annotations

import os
from typing import Iterable, Iterator

from extractors.documents import iter_documents
from extractors.errors import ReadError
from extractors.lexicon import Lexicon
from extractors.mentions import DEFAULT_OPTIONS, ExtractOptions, extract_mentions
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
