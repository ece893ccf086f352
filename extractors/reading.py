"""Reading input files into :class:`extractors.records.Source` records, and finding them in folders.

``read_source`` looks at a file's bytes before its name: a PDF, DOCX or OLE file (an encrypted DOCX or a
legacy ``.doc``) is recognised by its magic bytes whatever its suffix. HTML is read as HTML for
``.html``/``.htm`` files and for content that starts with ``<!DOCTYPE html`` or ``<html``; Markdown
for ``.md``/``.markdown``; anything else is plain text, with its encoding detected from the bytes
(see :func:`extractors.formats.decode_text`).

The text returned is the raw text layer with its line structure (one line per source line or
paragraph, ``\\n`` line breaks, no ``\\r``), with the characters that are never text taken out
(:func:`extractors.formats.clean_text`); normalising it is a later stage's job. What the user should
know about a file that was read goes into ``Source.warnings``; the metadata its format carries into
``Source.meta``. Every failure is a :class:`extractors.errors.ReadError` naming the file and the reason.

``discover`` turns files and folders into the files to read and the ones it skipped, each skipped one
with its reason: formats this tool cannot read (with what to do), symbolic-link loops, folders that
cannot be listed, output folders of ``kg build``.
"""
from __future__ import annotations

import errno
import os
import re
from collections import defaultdict
from pathlib import Path
from typing import Iterable, NamedTuple

from extractors.errors import ReadError
from extractors.formats import Extracted, FormatError, bom_encoding, clean_text, decode_text, newlines
from extractors.formats.docx import ENCRYPTED_REASON as DOCX_ENCRYPTED_REASON
from extractors.formats.docx import is_ole, read_docx
from extractors.formats.html import read_html
from extractors.formats.markdown import front_matter, markdown_to_text
from extractors.formats.pdf import find_header, read_pdf
from extractors.records import Source

__all__ = [
    "SUPPORTED_SUFFIXES",
    "UNSUPPORTED_SUFFIXES",
    "BUILD_STAMP",
    "Discovery",
    "read_source",
    "discover",
    "sniff_format",
]

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"}
)

_TO_DOCX = "convert it to DOCX or text first, e.g. libreoffice --headless --convert-to docx FILE"
_TO_PDF = "convert it to PDF first, e.g. libreoffice --headless --convert-to pdf FILE"
_TABLE = "a table, not running text: save the text you need as .txt (or the sheet as CSV and read it yourself)"

#: Formats users keep beside their texts that this tool does not read, with what to do instead.
#: Found in a folder, such a file is skipped and named; given directly, it gets the same reason
#: unless its content is a format that can be read.
UNSUPPORTED_SUFFIXES: dict[str, str] = {
    ".doc": f"legacy Word document: {_TO_DOCX}",
    ".wps": f"WPS Writer document: {_TO_DOCX}",
    ".rtf": f"RTF document: {_TO_DOCX}",
    ".odt": f"OpenDocument text: {_TO_DOCX}",
    ".pages": "Apple Pages document: export it as DOCX or PDF from Pages",
    ".csv": f"CSV file: {_TABLE}",
    ".xls": f"Excel workbook: {_TABLE}",
    ".xlsx": f"Excel workbook: {_TABLE}",
    ".et": f"WPS spreadsheet: {_TABLE}",
    ".ods": f"OpenDocument spreadsheet: {_TABLE}",
    ".ppt": f"PowerPoint presentation: {_TO_PDF}",
    ".pptx": f"PowerPoint presentation: {_TO_PDF}",
    ".dps": f"WPS presentation: {_TO_PDF}",
    ".odp": f"OpenDocument presentation: {_TO_PDF}",
    ".caj": "CNKI CAJ file: open it in CAJViewer and save it as PDF (or text) first",
    ".kdh": "CNKI KDH file: open it in CAJViewer and save it as PDF (or text) first",
    ".nh": "CNKI NH file: open it in CAJViewer and save it as PDF (or text) first",
    ".ofd": "OFD document (GB/T 33190): convert it to PDF first, e.g. with an OFD reader's 'save as PDF'",
    ".epub": "EPUB e-book: convert it to text or HTML first, e.g. ebook-convert FILE out.txt (Calibre)",
    ".mobi": "Kindle e-book: convert it to text first, e.g. ebook-convert FILE out.txt (Calibre)",
    ".azw3": "Kindle e-book: convert it to text first, e.g. ebook-convert FILE out.txt (Calibre)",
}
_TEXT_BASED_UNSUPPORTED = frozenset({".csv"})  # given directly, these are read as text

#: File names skipped inside folders (besides hidden ones), without a word: the corpus manifest.
SKIPPED_NAMES: frozenset[str] = frozenset({"manifest.csv"})

#: The file ``kg build`` writes into its output folder; a folder holding it is never read as input.
BUILD_STAMP = "kg-build.json"

_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_HTML_SUFFIXES = frozenset({".html", ".htm"})
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_SUFFIXES = frozenset({".doc", ".wps", ".xls", ".et", ".ppt", ".dps"})


class Discovery(NamedTuple):
    """What :func:`discover` found: ``(file, document id)`` pairs in id order, and the files and
    folders it skipped, each a :class:`ReadError` with the reason, in path order."""

    files: list[tuple[Path, str]]
    skipped: list[ReadError]


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
    """Read one file into a Source(path=str(path), format, encoding, text, warnings, meta).

    Raises ReadError(path, reason) for anything that stops the file from being read.
    """
    name = str(path)
    data = _read_bytes(Path(path))
    try:
        fmt, extracted = _read(data, Path(name).suffix)
        text, cleaned = clean_text(extracted.text)
        if not text.strip():
            raise FormatError(_NO_TEXT[fmt])
    except FormatError as exc:
        raise ReadError(name, exc.reason) from None
    except RecursionError:
        raise ReadError(name, "the file's structure is nested too deeply to read") from None
    except MemoryError:
        raise ReadError(name, "the file is too large to read in memory") from None
    except Exception as exc:  # a bug or an input nobody foresaw: still a message, not a traceback
        raise ReadError(name, f"unexpected error while reading ({type(exc).__name__}: {exc})") from exc
    return Source(path=name, format=fmt, encoding=extracted.encoding, text=text,
                  warnings=extracted.warnings + cleaned, meta=extracted.meta)


def written_text(path: str | os.PathLike) -> str:
    """The text layer of a file as decoded, before line breaks are unified and control characters
    dropped: for a plain-text file, the text a reader sees when opening it. Raises ReadError."""
    data = _read_bytes(Path(path))
    try:
        extracted = _read(data, Path(path).suffix)[1]
    except FormatError as exc:
        raise ReadError(str(path), exc.reason) from None
    try:  # the decoder unified the line breaks: decode again, keeping them
        raw = data.decode(extracted.encoding, errors="replace").lstrip("\ufeff")
    except (LookupError, TypeError):
        return extracted.text
    return raw if newlines(raw) == extracted.text else extracted.text


_NO_TEXT = {
    "txt": "empty file (only whitespace)",
    "md": "Markdown has no text once its markup is removed",
    "html": "HTML has no text",
    "docx": "DOCX has no text",
    "pdf": "no text layer — a scanned PDF? run OCR first",
}


def _read_bytes(path: Path) -> bytes:
    name = str(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        if path.is_symlink():
            raise ReadError(name, f"broken symbolic link (its target {os.readlink(path)} does not exist)") from None
        raise ReadError(name, "no such file") from None
    except IsADirectoryError:
        raise ReadError(name, "is a folder, not a file") from None
    except PermissionError:
        raise ReadError(name, "permission denied: the file cannot be opened (check its permissions)") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReadError(name, f"symbolic link loop ({_link_chain(path)})") from None
        raise ReadError(name, f"cannot read the file ({exc.strerror or exc})") from None


def _read(data: bytes, suffix: str) -> tuple[str, Extracted]:
    if not data:
        raise FormatError("empty file (0 bytes)")
    if not data.strip():
        raise FormatError("empty file (only whitespace)")
    suffix = suffix.lower()
    kind = sniff_format(data, suffix)
    if kind == "pdf":
        return "pdf", read_pdf(data)
    if kind == "ole":
        raise FormatError(UNSUPPORTED_SUFFIXES[suffix] if suffix in _OLE_SUFFIXES else DOCX_ENCRYPTED_REASON)
    if kind == "docx":
        if suffix in UNSUPPORTED_SUFFIXES:  # .xlsx, .pptx, .odt, .epub, .ofd are ZIP archives too
            raise FormatError(UNSUPPORTED_SUFFIXES[suffix])
        return "docx", read_docx(data)
    if suffix == ".pdf":
        raise FormatError("not a PDF file (no %PDF- header)")
    if suffix == ".docx":
        raise FormatError("not a DOCX file (not a ZIP archive)")
    if kind == "html":
        return "html", read_html(data)
    if data.lstrip().startswith(b"{\\rtf"):
        raise FormatError(UNSUPPORTED_SUFFIXES[".rtf"])
    if suffix in UNSUPPORTED_SUFFIXES and suffix not in _TEXT_BASED_UNSUPPORTED:
        raise FormatError(UNSUPPORTED_SUFFIXES[suffix])
    decoded = decode_text(data)
    if kind == "md":
        meta, _ = front_matter(decoded.text)
        return "md", decoded._replace(text=markdown_to_text(decoded.text), meta=meta)
    meta, lines = front_matter(decoded.text, strict=True)
    if lines:  # the block is metadata, not text
        decoded = decoded._replace(text="\n".join(decoded.text.split("\n")[lines:]))
    return "txt", decoded._replace(meta=meta)


# ---------------------------------------------------------------------------------------------
# discover
# ---------------------------------------------------------------------------------------------


def _hidden(name: str) -> bool:
    # dot files (.git, .DS_Store), and Office's "~$name.docx" lock files that sit beside open documents
    return name.startswith(".") or name.startswith("~$")


def discover(paths: Iterable[str | os.PathLike], *, exclude: Iterable[str | os.PathLike] = ()) -> Discovery:
    """Expand files and folders (recursively) into the files to read and what was skipped.

    A file given directly is always included, whatever its suffix (its format is sniffed when read),
    unless it is a symbolic-link loop. In folders only files with a suffix in
    :data:`SUPPORTED_SUFFIXES` are taken; hidden files and folders (``.git``, ``.DS_Store``, Office
    ``~$`` lock files) and ``manifest.csv`` are passed over without a word. Skipped and named, with
    the reason: files of a format in :data:`UNSUPPORTED_SUFFIXES` (with what to do), symbolic-link
    loops and broken links, links to folders (not followed), folders that cannot be listed, and
    output folders of ``kg build`` (a folder holding :data:`BUILD_STAMP`). Folders in ``exclude``
    (the build's own output and staging folders) are never entered.

    doc_id: for a file given directly, its name without extension; for a file found in a folder, its
    path relative to that folder without extension, with ``/`` separators. Ids that two different files
    would share (``a.txt`` and ``a.pdf``) keep their extension instead (``a.pdf``, ``a.txt``); if that
    still collides (the same relative path under two folders), the folder's name is put in front, then
    the whole path. So ids are unique and do not depend on the order of the inputs. A file reached twice
    (given directly and inside a folder) is listed once. Raises ReadError for a path that does not exist.
    """
    excluded = {_key(Path(p)) for p in exclude}
    skipped: list[ReadError] = []
    # each candidate: (path, id without extension, id with extension, folder name, absolute path)
    candidates: list[tuple[Path, str, str, str, str]] = []
    for given in paths:
        root = Path(given)
        if root.is_symlink() and _link_problem(root):
            skipped.append(ReadError(str(root), _link_problem(root)))
            continue
        if not root.exists():
            raise ReadError(str(given), "no such file or folder")
        if root.is_dir():
            if _key(root) in excluded:
                continue
            folder = root.resolve().name or root.resolve().as_posix()
            for file in _walk(root, excluded, skipped):
                relative = file.relative_to(root)
                with_ext = relative.as_posix()
                bare = relative.with_suffix("").as_posix() if relative.suffix else with_ext
                candidates.append((file, bare, with_ext, f"{folder}/{with_ext}", _key(file)))
        else:
            with_ext = root.name
            bare = root.stem if root.suffix else root.name
            parent = root.resolve().parent.name
            candidates.append((root, bare, with_ext, f"{parent}/{with_ext}", _key(root)))
    unique = {error.path: error for error in skipped}  # a folder given twice is named once
    return Discovery(_assign_ids(candidates), sorted(unique.values(), key=lambda error: error.path))


def _assign_ids(candidates: list[tuple[Path, str, str, str, str]]) -> list[tuple[Path, str]]:
    # the same file reached twice keeps one entry: the one with the smallest id (order-independent)
    unique: dict[str, tuple[Path, str, str, str, str]] = {}
    for candidate in candidates:
        kept = unique.get(candidate[4])
        if kept is None or (candidate[1], candidate[2], str(candidate[0])) < (kept[1], kept[2], str(kept[0])):
            unique[candidate[4]] = candidate
    entries = list(unique.values())

    # level 1: bare id; 2: with extension; 3: folder/with extension; 4: absolute path (each made
    # printable: an id travels into every output, where a control character in a file name would break
    # a table line, an XML file or an array of the Neo4j files)
    entries = [(e[0], *(printable_id(x) for x in e[1:4]), e[4]) for e in entries]
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


#: Characters a document id never holds: C0 and C1 controls, bidirectional controls and the line and
#: paragraph separators (each replaced by U+FFFD, so the id stays one line, visible and unique enough).
_UNPRINTABLE_ID = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable_id(text: str) -> str:
    return _UNPRINTABLE_ID.sub("\ufffd", text)


def _key(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):  # RuntimeError: a symbolic-link loop (Python < 3.13)
        return os.path.abspath(path)


def _walk(root: Path, excluded: set[str], skipped: list[ReadError]) -> list[Path]:
    """Supported files under ``root``; what is skipped on the way is added to ``skipped``."""
    found: list[Path] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            skipped.append(ReadError(str(folder), f"cannot list the folder ({exc.strerror or exc}); skipped"))
            continue
        if any(entry.name == BUILD_STAMP for entry in entries):
            skipped.append(ReadError(str(folder), f"output folder of kg build (it holds {BUILD_STAMP}); skipped"))
            continue
        subfolders: list[Path] = []
        for entry in entries:
            if _hidden(entry.name):
                continue
            path = Path(folder, entry.name)
            suffix = path.suffix.lower()
            if entry.is_symlink():
                problem = _link_problem(path)
                if problem:
                    if suffix in SUPPORTED_SUFFIXES or suffix in UNSUPPORTED_SUFFIXES:
                        skipped.append(ReadError(str(path), problem))
                    continue
                if path.is_dir():
                    skipped.append(ReadError(str(path), "symbolic link to a folder, not followed "
                                                        "(give the folder itself to read it)"))
                    continue
            if _is_dir(entry):
                if _key(path) not in excluded:
                    subfolders.append(path)
            elif entry.name.lower() in SKIPPED_NAMES:
                continue
            elif suffix in SUPPORTED_SUFFIXES:
                found.append(path)
            elif suffix in UNSUPPORTED_SUFFIXES:
                skipped.append(ReadError(str(path), f"not read: {UNSUPPORTED_SUFFIXES[suffix]}"))
        stack.extend(reversed(subfolders))
    return found


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _link_problem(path: Path) -> str:
    """Why a symbolic link cannot be read (a loop, a missing target), or ""."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"symbolic link loop ({_link_chain(path)}); skipped"
        if exc.errno == errno.ENOENT:
            return f"broken symbolic link (its target {os.readlink(path)} does not exist); skipped"
        return f"symbolic link cannot be followed ({exc.strerror or exc}); skipped"
    return ""


def _link_chain(path: Path, limit: int = 8) -> str:
    """``a.txt -> b.txt -> a.txt``: the links followed until one repeats (at most ``limit``)."""
    chain = [path.name]
    seen = {os.path.abspath(path)}
    current = path
    for _ in range(limit):
        try:
            target = Path(os.readlink(current))
        except OSError:
            break
        current = target if target.is_absolute() else current.parent / target
        chain.append(str(target))
        key = os.path.abspath(current)
        if key in seen:
            break
        seen.add(key)
    return " -> ".join(chain)
