"""Reading input files into :class:`extractors.records.Source` records, and finding them in folders.

``read_source`` looks at a file's bytes before its name: a PDF, DOCX or OLE file (an encrypted DOCX or a
legacy ``.doc``) is recognised by its magic bytes whatever its suffix. HTML is read as HTML for
``.html``/``.htm`` files and for content that starts with ``<!DOCTYPE html`` or ``<html``; Markdown
for ``.md``/``.markdown``; anything else is plain text, with its encoding detected from the bytes
(see :func:`extractors.formats.decode_text`).

The text returned is the raw text layer with its line structure (one line per source line or
paragraph, ``\\n`` line breaks, no ``\\r``); normalising it is a later stage's job. Every failure is a
:class:`extractors.errors.ReadError` naming the file and the reason.
"""
from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path
from typing import Iterable

from extractors.errors import ReadError
from extractors.formats import FormatError, bom_encoding, decode_text, newlines
from extractors.formats.docx import ENCRYPTED_REASON as DOCX_ENCRYPTED_REASON
from extractors.formats.docx import docx_to_text, is_ole
from extractors.formats.html import html_to_text
from extractors.formats.markdown import markdown_to_text
from extractors.formats.pdf import find_header, pdf_to_text
from extractors.records import Source

__all__ = ["SUPPORTED_SUFFIXES", "read_source", "discover", "sniff_format"]

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"}
)

#: File names skipped inside folders (besides hidden ones): the corpus manifest.
SKIPPED_NAMES: frozenset[str] = frozenset({"manifest.csv"})

_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_HTML_SUFFIXES = frozenset({".html", ".htm"})
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


def sniff_format(data: bytes, suffix: str) -> str:
    """The format to read ``data`` as: pdf, docx, ole, html, md or txt.

    Magic bytes win over the suffix; the suffix only chooses between the text-based formats.
    """
    suffix = suffix.lower()
    header = find_header(data)
    if header == 0 or (header > 0 and (suffix == ".pdf" or b"startxref" in data[-4096:])):
        return "pdf"  # junk before the header (in the first KiB) is allowed when it is clearly a PDF
    if data.startswith(_ZIP_MAGIC):
        return "docx"
    if is_ole(data):
        return "ole"
    if suffix in _HTML_SUFFIXES or _starts_like_html(data):
        return "html"
    if suffix in _MARKDOWN_SUFFIXES:
        return "md"
    return "txt"


def _starts_like_html(data: bytes) -> bool:
    encoding = bom_encoding(data)
    head = data[:1024]
    text = head.decode(encoding, "ignore") if encoding else head.decode("latin-1")
    text = text.lstrip("\ufeff \t\r\n").lower()
    return text.startswith("<!doctype html") or text.startswith("<html")


def read_source(path: str | os.PathLike) -> Source:
    """Read one file into a Source(path=str(path), format=..., encoding=..., text=...).

    Raises ReadError(path, reason) for anything that stops the file from being read.
    """
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ReadError(name, "no such file") from None
    except IsADirectoryError:
        raise ReadError(name, "is a folder, not a file") from None
    except PermissionError:
        raise ReadError(name, "permission denied") from None
    except OSError as exc:
        raise ReadError(name, f"cannot read the file ({exc.strerror or exc})") from None
    try:
        fmt, encoding, text = _read(data, Path(name).suffix)
    except FormatError as exc:
        raise ReadError(name, exc.reason) from None
    except RecursionError:
        raise ReadError(name, "the file's structure is nested too deeply to read") from None
    except MemoryError:
        raise ReadError(name, "the file is too large to read in memory") from None
    except Exception as exc:  # a bug or an input nobody foresaw: still a message, not a traceback
        raise ReadError(name, f"unexpected error while reading ({type(exc).__name__}: {exc})") from exc
    return Source(path=name, format=fmt, encoding=encoding, text=text)


def _read(data: bytes, suffix: str) -> tuple[str, str, str]:
    if not data.strip():
        raise FormatError("empty file")
    kind = sniff_format(data, suffix)
    if kind == "pdf":
        return "pdf", "", newlines(pdf_to_text(data))
    if kind == "ole":
        raise FormatError(DOCX_ENCRYPTED_REASON)
    if kind == "docx":
        text = docx_to_text(data)
        if not text.strip():
            raise FormatError("DOCX has no text")
        return "docx", "", text
    suffix = suffix.lower()
    if suffix == ".pdf":
        raise FormatError("not a PDF file (no %PDF- header)")
    if suffix == ".docx":
        raise FormatError("not a DOCX file (not a ZIP archive)")
    if kind == "html":
        text, encoding = html_to_text(data)
        if not text.strip():
            raise FormatError("HTML has no text")
        return "html", encoding, text
    if data.lstrip().startswith(b"{\\rtf"):
        raise FormatError("RTF file, not supported (save it as DOCX or plain text)")
    text, encoding = decode_text(data)
    if not text.strip():
        raise FormatError("empty file")
    if kind == "md":
        text = markdown_to_text(text)
        if not text.strip():
            raise FormatError("Markdown has no text once its markup is removed")
        return "md", encoding, text
    return "txt", encoding, text


# ---------------------------------------------------------------------------------------------
# discover
# ---------------------------------------------------------------------------------------------


def _hidden(name: str) -> bool:
    # dot files (.git, .DS_Store), and Office's "~$name.docx" lock files that sit beside open documents
    return name.startswith(".") or name.startswith("~$")


def discover(paths: Iterable[str | os.PathLike]) -> list[tuple[Path, str]]:
    """Expand files and folders (recursively) into ``(file, doc_id)`` pairs, sorted by doc_id.

    A file given directly is always included, whatever its suffix (its format is sniffed when read).
    In folders only files with a suffix in :data:`SUPPORTED_SUFFIXES` are taken, skipping hidden files
    and folders (``.git``, ``.DS_Store``, Office ``~$`` lock files) and ``manifest.csv``.

    doc_id: for a file given directly, its name without extension; for a file found in a folder, its
    path relative to that folder without extension, with ``/`` separators. Ids that two different files
    would share (``a.txt`` and ``a.pdf``) keep their extension instead (``a.pdf``, ``a.txt``); if that
    still collides (the same relative path under two folders), the folder's name is put in front, then
    the whole path. So ids are unique and do not depend on the order of the inputs. A file reached twice
    (given directly and inside a folder) is listed once. Raises ReadError for a path that does not exist.
    """
    # each candidate: (path, id without extension, id with extension, folder name, absolute path)
    candidates: list[tuple[Path, str, str, str, str]] = []
    for given in paths:
        root = Path(given)
        if not root.exists():
            raise ReadError(str(given), "no such file or folder")
        if root.is_dir():
            for file in _walk(root):
                relative = file.relative_to(root)
                with_ext = relative.as_posix()
                bare = relative.with_suffix("").as_posix() if relative.suffix else with_ext
                folder = root.resolve().name or root.resolve().as_posix()
                candidates.append((file, bare, with_ext, f"{folder}/{with_ext}", _key(file)))
        else:
            with_ext = root.name
            bare = root.stem if root.suffix else root.name
            parent = root.resolve().parent.name
            candidates.append((root, bare, with_ext, f"{parent}/{with_ext}", _key(root)))

    # the same file reached twice keeps one entry: the one with the smallest id (order-independent)
    unique: dict[str, tuple[Path, str, str, str, str]] = {}
    for candidate in candidates:
        kept = unique.get(candidate[4])
        if kept is None or (candidate[1], candidate[2], str(candidate[0])) < (kept[1], kept[2], str(kept[0])):
            unique[candidate[4]] = candidate
    entries = list(unique.values())

    # level 1: bare id; 2: with extension; 3: folder/with extension; 4: absolute path
    ids = [entry[1] for entry in entries]
    for level in (2, 3, 4):
        groups: dict[str, list[int]] = defaultdict(list)
        for index, doc_id in enumerate(ids):
            groups[doc_id].append(index)
        clashes = [indices for indices in groups.values() if len(indices) > 1]
        if not clashes:
            break
        for indices in clashes:
            for index in indices:
                ids[index] = entries[index][level]
    pairs = [(entry[0], doc_id) for entry, doc_id in zip(entries, ids)]
    return sorted(pairs, key=lambda pair: (pair[1], str(pair[0])))


def _key(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return os.path.abspath(path)


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []

    def fail(error: OSError) -> None:
        raise ReadError(str(error.filename or root), f"cannot list the folder ({error.strerror or error})")

    for folder, dirnames, filenames in os.walk(root, onerror=fail):
        dirnames[:] = sorted(d for d in dirnames if not _hidden(d))
        for filename in sorted(filenames):
            if _hidden(filename) or filename.lower() in SKIPPED_NAMES:
                continue
            if Path(filename).suffix.lower() in SUPPORTED_SUFFIXES:
                found.append(Path(folder, filename))
    return found
