"""The text layer of a PDF, read with pypdf.

pypdf (pure Python, maintained) parses the file, repairs broken cross-reference tables, decrypts a
PDF whose user password is empty (RC4 and, through ``cryptography``, AES), and maps glyphs to text
through ``/ToUnicode`` CMaps, Identity-H/V and the predefined Chinese CMaps (GBK-EUC-H, UniGB-UCS2-H
…). It follows the order in which the content stream draws text, which for pages printed by browsers
and office programs is the reading order, columns included: on the seeds printed by Chromium in two
justified columns it kept every character in order, where pdfminer.six's layout analysis, grouping by
position, interleaved the columns (53% in order) and ran twice as long. Pages are separated by a
blank line.

This module adds what is particular to this project:

- Kangxi and supplementary radical code points that a ToUnicode CMap gives for ordinary ideographs
  (Chrome writes ⽣ U+2F63 for 生) are turned back into the ideographs.
- What pypdf logs while repairing a damaged file, pages without text, and fonts without a Unicode
  mapping become warnings for the user, not lines on the console.
- Every failure is a :class:`~extractors.formats.FormatError` whose reason says what to do: a PDF
  that needs a password, one with no text layer (a scan: run OCR first), a truncated or corrupt one.
- The document information's ``/CreationDate``, ``/ModDate`` and ``/Title`` are passed on as they are
  written (``D:20240305101010+08'00'``); parsing dates is a later stage's job.
"""
from __future__ import annotations

import io
import logging
import re
import threading
import unicodedata
from contextlib import contextmanager
from typing import Iterator

from extractors.formats import Extracted, FormatError

__all__ = [
    "pdf_to_text",
    "read_pdf",
    "find_header",
    "ENCRYPTED_REASON",
    "NO_TEXT_REASON",
    "UNMAPPED_REASON",
]

ENCRYPTED_REASON = (
    "password-protected PDF: it cannot be opened without its password "
    "(remove the protection first, e.g. qpdf --decrypt --password=PASSWORD in.pdf out.pdf)"
)
NO_TEXT_REASON = "no text layer — a scanned PDF? run OCR first (e.g. ocrmypdf -l chi_sim in.pdf out.pdf)"
UNMAPPED_REASON = (
    "the PDF's text cannot be decoded: its fonts map glyphs to no characters (no ToUnicode table); "
    "run OCR on it (e.g. ocrmypdf --force-ocr -l chi_sim in.pdf out.pdf)"
)

_HEADER_SCAN = 1024
_MAX_LISTED_PAGES = 10
_MAX_WARNINGS = 5  # distinct repair messages passed on from pypdf


def find_header(data: bytes) -> int:
    """Offset of ``%PDF-`` within the first KiB (viewers allow junk before it), or -1."""
    return data.find(b"%PDF-", 0, _HEADER_SCAN)


def pdf_to_text(data: bytes) -> str:
    """The text layer of a PDF, pages separated by a blank line; see :func:`read_pdf`."""
    return read_pdf(data).text


def read_pdf(data: bytes) -> Extracted:
    """Text, warnings and document information of a PDF. Raises FormatError with a reason."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    with _pypdf_messages() as messages:
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            decrypted = _decrypt(reader)
            pages = _page_texts(reader)
        except FormatError:
            raise
        except NotImplementedError as exc:  # pypdf meets an encryption method it does not know
            raise FormatError(f"encrypted PDF with a method that cannot be read ({exc})") from None
        except (PyPdfError, ValueError, TypeError, KeyError, IndexError, AttributeError, AssertionError,
                OSError, EOFError, ZeroDivisionError, UnicodeError) as exc:
            raise FormatError(_damage_reason(data, exc)) from None
        meta = _document_info(reader)
        unmapped = _unmapped_fonts(reader)
    texts = [_undash(_unradical(text)) for text, _ in pages]
    if not any(_NOT_META.sub("", text).strip() for text in texts):  # glyphs of unmapped fonts come out as controls
        if unmapped:
            raise FormatError(UNMAPPED_REASON)
        failed = [error for _, error in pages if error]
        if failed:
            raise FormatError(f"corrupt PDF: no page could be read ({failed[0]})")
        raise FormatError(NO_TEXT_REASON)
    warnings: list[str] = []
    if decrypted:
        warnings.append("encrypted PDF, opened with its empty user password")
    warnings += _page_warnings(texts, pages)
    if unmapped:
        warnings.append("font(s) without a Unicode mapping (no ToUnicode table): "
                        f"{', '.join(sorted(unmapped))}; their text is missing or garbled")
    warnings += [f"damaged PDF, read around the damage: {message}" for message in messages[:_MAX_WARNINGS]]
    text = "\n\n".join(text.rstrip() for text in texts)
    return Extracted(text, "", tuple(warnings), meta)


def _decrypt(reader) -> bool:
    """Open an encrypted PDF with the empty user password; True if it was encrypted."""
    from pypdf import PasswordType
    from pypdf.errors import DependencyError

    if not reader.is_encrypted:
        return False
    try:
        result = reader.decrypt("")
    except DependencyError:
        raise FormatError("encrypted PDF (AES): reading it needs the 'cryptography' package "
                          "(pip install 'pypdf[crypto]')") from None
    except NotImplementedError as exc:
        raise FormatError(f"encrypted PDF with a method that cannot be read ({exc})") from None
    except Exception as exc:  # a damaged /Encrypt dictionary
        raise FormatError(f"encrypted PDF whose encryption dictionary cannot be read ({exc})") from None
    if result == PasswordType.NOT_DECRYPTED:
        raise FormatError(ENCRYPTED_REASON)
    return True


def _page_texts(reader) -> list[tuple[str, str]]:
    """``(text, error)`` of every page: a page whose content cannot be read keeps the others."""
    from pypdf.errors import LimitReachedError

    out: list[tuple[str, str]] = []
    for page in reader.pages:
        try:
            out.append((page.extract_text() or "", ""))
        except LimitReachedError as exc:
            raise FormatError(f"PDF stream too large to decompress safely ({exc})") from None
        except RecursionError:
            raise
        except Exception as exc:
            out.append(("", f"{type(exc).__name__}: {exc}"))
    return out


def _page_warnings(texts: list[str], pages: list[tuple[str, str]]) -> list[str]:
    warnings = []
    failed = [number for number, (_, error) in enumerate(pages, start=1) if error]
    if failed:
        warnings.append(f"{_pages(failed)} could not be read and {'is' if len(failed) == 1 else 'are'} "
                        f"left out ({pages[failed[0] - 1][1]})")
    empty = [number for number, text in enumerate(texts, start=1)
             if not _NOT_META.sub("", text).strip() and number not in failed]
    if empty:
        warnings.append(f"no text on {_pages(empty)} (scanned or blank: OCR would read a scan)")
    return warnings


def _pages(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:_MAX_LISTED_PAGES])
    more = f" and {len(numbers) - _MAX_LISTED_PAGES} more" if len(numbers) > _MAX_LISTED_PAGES else ""
    return f"page{'s' if len(numbers) > 1 else ''} {shown}{more}"


def _damage_reason(data: bytes, exc: Exception) -> str:
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if re.search(rb"/Encrypt\b", data[-65536:]):  # the trailer (or xref stream) names an encryption dictionary
        return f"encrypted (password-protected) PDF that is damaged as well, cannot open it ({detail})"
    if b"%%EOF" not in data[-2048:]:
        return f"truncated or corrupt PDF: the end of the file is missing (was the download cut short?) ({detail})"
    return f"corrupt PDF, cannot read its structure ({detail})"


_INFO_KEYS = (("/CreationDate", "pdf.creation_date"), ("/ModDate", "pdf.mod_date"), ("/Title", "pdf.title"))
_NOT_META = re.compile("[\x00-\x1f\x7f-\x9f\ufeff]")


def _document_info(reader) -> tuple[tuple[str, str], ...]:
    try:
        info = reader.metadata
        if info is None:
            return ()
        found = []
        for pdf_key, key in _INFO_KEYS:
            value = info.get(pdf_key)
            if value is None:
                continue
            value = _NOT_META.sub("", str(value.get_object() if hasattr(value, "get_object") else value)).strip()
            if value:
                found.append((key, value))
        return tuple(sorted(found))
    except Exception:  # a damaged /Info dictionary: the text is still worth having
        return ()


def _unmapped_fonts(reader) -> set[str]:
    """Names of Type0 fonts with an Identity encoding and no /ToUnicode: pypdf can only give their
    glyph numbers, which are not text."""
    found: set[str] = set()
    try:
        for page in reader.pages:
            resources = page.get("/Resources")
            fonts = resources.get_object().get("/Font") if resources is not None else None
            if fonts is None:
                continue
            for font in fonts.get_object().values():
                font = font.get_object()
                encoding = font.get("/Encoding")
                if (font.get("/Subtype") == "/Type0" and "/ToUnicode" not in font
                        and str(encoding) in ("/Identity-H", "/Identity-V")):
                    found.add(str(font.get("/BaseFont", "?")).lstrip("/"))
    except Exception:
        pass
    return found


class _Collector(logging.Handler):
    """Collects what pypdf logs in this thread while a PDF is read."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            message = record.getMessage().strip()
            if message and message not in self.messages:
                self.messages.append(message)


@contextmanager
def _pypdf_messages() -> Iterator[list[str]]:
    """pypdf reports repairs through ``logging``; gather them (to become warnings) instead of letting
    Python print them on the console (an application that configured logging still gets them)."""
    logger = logging.getLogger("pypdf")
    collector = _Collector()
    logger.addHandler(collector)  # a handler on the way up: Python's last-resort printer stays silent
    try:
        yield collector.messages
    finally:
        logger.removeHandler(collector)


# ---------------------------------------------------------------------------------------------
# Radicals: Chrome's ToUnicode CMaps give Kangxi radicals (U+2F00-U+2FD5) and CJK radical
# supplement code points (U+2E80-U+2EF3) for ordinary ideographs.
# ---------------------------------------------------------------------------------------------

_RADICALS_SUPPLEMENT = """
2E80 51AB 2E81 5382 2E82 4E5B 2E83 4E5A 2E84 4E59 2E85 4EBB 2E86 5182 2E89 5202 2E8A 535C 2E8B 353E
2E8E 5140 2E8F 5C23 2E90 5C22 2E92 5DF3 2E93 5E7A 2E94 5F51 2E95 5F50 2E96 5FC4 2E97 38FA 2E98 624C
2E99 6535 2E9B 65E1 2E9D 6708 2E9E 6B7A 2E9F 6BCD 2EA0 6C11 2EA1 6C35 2EA2 6C3A 2EA3 706C 2EA4 722B
2EA5 722B 2EA6 4E2C 2EA7 725B 2EA8 72AD 2EA9 738B 2EAB 7F52 2EAC 793A 2EAD 793B 2EAE 7AF9 2EAF 7CF9
2EB0 7E9F 2EB1 7F53 2EB3 34C1 2EB4 34C1 2EB6 7F8A 2EB7 7F8A 2EB9 8002 2EBA 8080 2EBC 6708 2EBD 81FC
2EBE 8279 2EBF 8279 2EC0 8279 2EC1 864E 2EC2 8864 2EC3 8980 2EC4 897F 2EC5 89C1 2EC6 89D2 2EC7 89D2
2EC8 8BA0 2EC9 8D1D 2ECA 8DB3 2ECB 8F66 2ECC 8FB6 2ECD 8FB6 2ECE 8FB6 2ECF 961D 2ED0 9485 2ED1 9577
2ED2 9578 2ED3 957F 2ED4 95E8 2ED6 961D 2ED7 96E8 2ED8 9752 2ED9 97E6 2EDA 9875 2EDB 98CE 2EDC 98DE
2EDD 98DF 2EDE 98DF 2EDF 98E0 2EE0 9963 2EE1 9996 2EE2 9A6C 2EE3 9AA8 2EE4 9B3C 2EE5 9C7C 2EE6 9E1F
2EE7 5364 2EE8 9EA6 2EE9 9EC4 2EEA 9EFE 2EEB 6589 2EEC 9F50 2EED 6B6F 2EEE 9F7F 2EEF 7ADC 2EF0 9F99
2EF1 9F9C 2EF2 4E80 2EF3 9F9F
"""


def _radical_table() -> dict[int, str]:
    values = _RADICALS_SUPPLEMENT.split()
    table = {int(values[i], 16): chr(int(values[i + 1], 16)) for i in range(0, len(values), 2)}
    for code in range(0x2F00, 0x2FD6):
        table[code] = unicodedata.normalize("NFKC", chr(code))
    table[0x2F3E] = "\u6237"  # 户: simplified-Chinese fonts draw this radical for 户, not 戶
    return table


_RADICALS = _radical_table()
_RADICAL_RE = re.compile("[\u2e80-\u2ef3\u2f00-\u2fd5]")


def _unradical(text: str) -> str:
    return text.translate(_RADICALS) if _RADICAL_RE.search(text) else text


# The Noto CJK fonts draw the em dash (U+2014) and the horizontal bar (U+2015) with one glyph, and the
# ToUnicode CMap Chrome writes names the bar: a Chinese dash (——, 中国—东盟, 2012—2030年) printed to PDF
# reads back as ―, and no lexicon form written with — would match it.
def _undash(text: str) -> str:
    return text.replace("\u2015", "\u2014")
