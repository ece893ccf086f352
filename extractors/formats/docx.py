"""DOCX (Office Open XML) to plain text with ``zipfile`` and ``xml.etree`` from the standard library.

The main document part (found through ``_rels/.rels``, normally ``word/document.xml``) is read in
document order: each ``w:p`` is one line; ``w:t`` gives text, ``w:tab`` a tab, ``w:br``/``w:cr`` a
line break; tables come row by row with the cells separated by a tab; text boxes follow the paragraph
that anchors them; content controls, smart tags and custom XML are read through. Deleted revisions and
field codes are left out. Footnotes and endnotes, if any, follow the body.

A password-protected DOCX is not a ZIP but an OLE compound file (like a legacy ``.doc``);
:func:`is_ole` recognises it so the caller can say so.

:func:`read_docx` also passes on the package's core properties (``docProps/core.xml``): ``dc:title``,
``dcterms:created`` and ``dcterms:modified``, as written (``2024-03-05T10:00:00Z``).
"""
from __future__ import annotations

import io
import posixpath
import xml.etree.ElementTree as ET
import zipfile

from extractors.formats import Extracted, FormatError, newlines

__all__ = ["docx_to_text", "read_docx", "is_ole", "OLE_MAGIC", "ENCRYPTED_REASON"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_REASON = "password-protected or encrypted DOCX (or a legacy .doc file), cannot read"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = "/officeDocument"
_CORE_PROPERTIES = "/core-properties"
_CORE = (("{http://purl.org/dc/terms/}created", "docx.created"),
         ("{http://purl.org/dc/terms/}modified", "docx.modified"),
         ("{http://purl.org/dc/elements/1.1/}title", "docx.title"))
_MAX_PART = 256 * 1024 * 1024  # uncompressed size of one XML part

_P, _TBL, _TR, _TC = _W + "p", _W + "tbl", _W + "tr", _W + "tc"
_T, _TAB, _BR, _CR = _W + "t", _W + "tab", _W + "br", _W + "cr"
_SYM, _NB_HYPHEN, _TXBX = _W + "sym", _W + "noBreakHyphen", _W + "txbxContent"
_SKIP = frozenset({_W + "del", _W + "moveFrom", _W + "instrText", _W + "delText", _W + "pPr",
                   _W + "rPr", _W + "sectPr", _W + "tblPr", _W + "tblGrid", _W + "trPr", _W + "tcPr",
                   _MC + "Fallback"})


def is_ole(data: bytes) -> bool:
    """True for an OLE compound file: an encrypted OOXML package, or a legacy .doc/.xls."""
    return data.startswith(OLE_MAGIC)


def docx_to_text(data: bytes) -> str:
    """The text of a DOCX file, one line per paragraph; see the module docstring."""
    return read_docx(data).text


def read_docx(data: bytes) -> Extracted:
    """Text and core properties of a DOCX file. Raises FormatError with a reason."""
    if is_ole(data):
        raise FormatError(ENCRYPTED_REASON)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise FormatError(f"corrupt DOCX, not a readable ZIP archive ({exc})") from None
    with archive:
        main = _main_part(archive)
        body_root = _parse(archive, main)
        body = body_root.find(_W + "body")
        lines: list[str] = []
        _blocks(body if body is not None else body_root, lines)
        rels = _relationships(archive, main)
        for kind, default in (("footnotes", "word/footnotes.xml"), ("endnotes", "word/endnotes.xml")):
            part = rels.get(kind, default)
            if part in archive.namelist():
                notes = _parse(archive, part)
                for note in notes:
                    if note.get(_W + "type") in (None, "normal"):
                        _blocks(note, lines)
        meta = _core_properties(archive)
    return Extracted(newlines("\n".join(lines)), "", (), meta)


def _core_properties(archive: zipfile.ZipFile) -> tuple[tuple[str, str], ...]:
    """Created, modified and title from docProps/core.xml, as written; () when absent or unreadable."""
    names = set(archive.namelist())
    part = "docProps/core.xml"
    if "_rels/.rels" in names:
        for rel in _parse(archive, "_rels/.rels").iter(_REL + "Relationship"):
            target = rel.get("Target", "").lstrip("/")
            if rel.get("Type", "").endswith(_CORE_PROPERTIES) and target in names:
                part = target
    if part not in names:
        return ()
    try:
        root = _parse(archive, part)
    except FormatError:  # damaged properties do not make the text unreadable
        return ()
    found = []
    for tag, key in _CORE:
        element = root.find(tag)
        value = (element.text or "").strip() if element is not None else ""
        if value:
            found.append((key, value))
    return tuple(sorted(found))


def _main_part(archive: zipfile.ZipFile) -> str:
    names = set(archive.namelist())
    if "_rels/.rels" in names:
        root = _parse(archive, "_rels/.rels")
        for rel in root.iter(_REL + "Relationship"):
            if rel.get("Type", "").endswith(_OFFICE_DOCUMENT):
                target = rel.get("Target", "").lstrip("/")
                if target in names:
                    return target
    if "word/document.xml" in names:
        return "word/document.xml"
    raise FormatError("not a DOCX file: the ZIP archive has no word/document.xml")


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Targets of a part's relationships by type (last path segment of the type URI)."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    if rels_name not in archive.namelist():
        return {}
    found: dict[str, str] = {}
    for rel in _parse(archive, rels_name).iter(_REL + "Relationship"):
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join(folder, target)
        )
        found.setdefault(kind, path)
    return found


def _parse(archive: zipfile.ZipFile, name: str) -> ET.Element:
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise FormatError(f"not a DOCX file: {name} is missing") from None
    if info.file_size > _MAX_PART:
        raise FormatError(f"DOCX part {name} is too large ({info.file_size} bytes)")
    try:
        raw = archive.read(info)
    except Exception as exc:  # BadZipFile, zlib.error, EOFError … from a damaged member
        raise FormatError(f"corrupt DOCX, cannot unpack {name} ({exc})") from None
    if b"<!DOCTYPE" in raw[:4096] or b"<!ENTITY" in raw[:4096]:
        raise FormatError(f"DOCX part {name} declares a DTD, which Word never writes")
    try:
        return ET.fromstring(raw)
    except ET.ParseError as exc:
        raise FormatError(f"corrupt DOCX, {name} is not well-formed XML ({exc})") from None


def _blocks(container: ET.Element, lines: list[str]) -> None:
    """Append the lines of every paragraph and table inside ``container``, in document order."""
    for child in container:
        tag = child.tag
        if tag == _P:
            extra: list[str] = []
            lines.append(_paragraph(child, extra))
            lines.extend(extra)
        elif tag == _TBL:
            for row in child.iter(_TR):
                if _nearest_table(row, child):
                    lines.append("\t".join(_cell(cell) for cell in row if cell.tag == _TC))
        elif tag not in _SKIP:
            _blocks(child, lines)  # sdt, sdtContent, customXml, body-level containers


def _nearest_table(row: ET.Element, table: ET.Element) -> bool:
    """True if ``row`` belongs to ``table`` itself, not to a table nested in one of its cells."""
    for tr in table:
        if tr is row:
            return True
        if tr.tag != _TR:  # rows wrapped in sdt/customXml
            for inner in tr.iter(_TR):
                if inner is row:
                    return True
    return False


def _cell(cell: ET.Element) -> str:
    lines: list[str] = []
    _blocks(cell, lines)
    return " ".join(line.replace("\n", " ").replace("\t", " ") for line in lines if line.strip())


def _paragraph(paragraph: ET.Element, extra: list[str]) -> str:
    parts: list[str] = []
    _runs(paragraph, parts, extra)
    return "".join(parts)


def _runs(element: ET.Element, parts: list[str], extra: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag == _NB_HYPHEN:
            parts.append("-")
        elif tag == _SYM:
            code = child.get(_W + "char", "")
            try:
                value = int(code, 16)
            except ValueError:
                continue
            if 0xF000 <= value <= 0xF0FF:  # symbol-font private-use range
                value -= 0xF000
            if 0x20 <= value and not 0xD800 <= value <= 0xDFFF:
                parts.append(chr(value))
        elif tag == _TXBX:
            _blocks(child, extra)  # a text box: its paragraphs follow the anchoring paragraph
        else:
            _runs(child, parts, extra)
