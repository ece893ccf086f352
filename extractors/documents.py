"""From paths to normalised ``Document`` records, with metadata from a manifest or the text.

A folder may hold a ``manifest.csv`` (UTF-8, header ``file,title,publication,date``) giving each
file (path relative to that folder) a readable title, its publication and its date (``YYYY``,
``YYYY-MM`` or ``YYYY-MM-DD``). Where a file has no manifest row, the title is its first short
line and the date is taken from a dateline near the top of the text (``2025年12月19日``) only when
one is there: a wrong date is worse than none.
"""
from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from extractors.dating import METADATA_KEYS, document_date
from extractors.errors import KgError, ReadError
from extractors.normalize import normalize
from extractors.reading import discover, read_source
from extractors.records import Document

MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ("file", "title", "publication", "date")
_DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")


@dataclass(frozen=True, slots=True)
class Meta:
    title: str = ""
    publication: str = ""
    date: str = ""


def read_manifest(path: str | os.PathLike) -> dict[str, Meta]:
    """Rows of a manifest keyed by the file path as written. Raises KgError naming file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise KgError(f"{path}: cannot read manifest ({exc})") from None
    rows = list(csv.reader(text.splitlines()))
    if not rows or tuple(c.strip() for c in rows[0][:4]) != MANIFEST_COLUMNS:
        raise KgError(f"{path}:1: manifest header must be {','.join(MANIFEST_COLUMNS)}")
    out: dict[str, Meta] = {}
    for lineno, row in enumerate(rows[1:], start=2):
        if not row or not any(c.strip() for c in row):
            continue
        if len(row) < 4:
            raise KgError(f"{path}:{lineno}: expected 4 columns ({','.join(MANIFEST_COLUMNS)}), got {len(row)}")
        file, title, publication, date = (c.strip() for c in row[:4])
        if not file:
            raise KgError(f"{path}:{lineno}: empty file name")
        if date and not _DATE.match(date):
            raise KgError(f"{path}:{lineno}: date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        out[file] = Meta(title, publication, date)
    return out


def text_metadata(text: str) -> Meta:
    """The title as far as the text itself tells (its first short line); its date is read by
    ``extractors.dating`` with the other sources."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    return Meta(title=first if len(first) <= 60 else "")


def manifest_rows(paths: Iterable[str | os.PathLike]) -> dict[Path, Meta]:
    """Manifest rows of every folder given (and of the folder of every file given), by file."""
    found: dict[Path, Meta] = {}
    folders = {Path(p) if Path(p).is_dir() else Path(p).parent for p in paths}
    for folder in sorted(folders):
        manifest = folder / MANIFEST
        if manifest.is_file():
            for file, meta in read_manifest(manifest).items():
                found[(folder / file).resolve()] = meta
    return found


def load_document(path: str | os.PathLike, doc_id: str, *, layout: str = "auto", meta: Meta | None = None,
                  date_from: str = "auto") -> Document:
    """Read and normalise one file, and date it (``extractors.dating``: the manifest, front matter,
    the title or dateline, the file and folder names, the format's metadata; ``date_from`` forces
    one of them). Raises ReadError naming the file."""
    source = read_source(path)
    text = normalize(source.text, layout=layout, format=source.format)
    if not text.strip():
        raise ReadError(str(path), "no text left after normalisation")
    guessed = text_metadata(text)
    meta = meta or Meta()
    suffix = Path(path).suffix
    relative = doc_id if not suffix or doc_id.endswith(suffix) else doc_id + suffix  # what the folder names say
    dated = document_date(relative, text, metadata=[(k, v) for k, v in source.meta if k in METADATA_KEYS],
                          manifest_date=meta.date, date_from=date_from)
    return Document(
        id=doc_id,
        path=str(path),
        format=source.format,
        text=text,
        title=meta.title or guessed.title or doc_id,
        publication=meta.publication,
        date=dated.date,
        date_precision=dated.precision,
        date_source=dated.source,
        date_conflicts=dated.conflicts,
        warnings=tuple(source.warnings),
    )


class DocumentFiles(list):
    """The list of ``(file, document id, manifest row or None)``, with ``skipped``: the files and
    folders discovery passed over, each a ReadError with the reason."""

    def __init__(self, files: Iterable[tuple[str, str, Meta | None]], skipped: list[ReadError]):
        super().__init__(files)
        self.skipped = skipped


def document_files(paths: Iterable[str | os.PathLike], *, exclude: Iterable[str | os.PathLike] = ()) -> DocumentFiles:
    """``(file, document id, manifest row or None)`` of every readable file under ``paths``, in id order;
    ``.skipped`` holds what was skipped while looking (see :func:`extractors.reading.discover`);
    folders in ``exclude`` (the build's output and staging folders) are never entered."""
    paths = list(paths)
    manifests = manifest_rows(paths)
    found = discover(paths, exclude=exclude)
    return DocumentFiles(
        [(str(file), doc_id, manifests.get(Path(file).resolve())) for file, doc_id in found.files], found.skipped
    )


def iter_documents(paths: Iterable[str | os.PathLike], *, layout: str = "auto") -> Iterator[Document | ReadError]:
    """What discovery skipped (ReadErrors), then documents in id order; a file that cannot be read
    yields its ReadError and the rest go on."""
    files = document_files(paths)
    yield from files.skipped
    for file, doc_id, meta in files:
        try:
            yield load_document(file, doc_id, layout=layout, meta=meta)
        except ReadError as exc:
            yield exc
