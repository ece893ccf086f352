"""The text layer of a PDF, in pure Python (standard library only: ``zlib``, ``re``, ``base64``).

What it reads
    Classic xref tables and xref streams (PDF 1.5+), object streams, incremental updates (``/Prev``,
    hybrid ``/XRefStm``), and a damaged or missing xref (it then scans the file for ``N G obj``).
    Filters: FlateDecode, LZWDecode, ASCIIHexDecode, ASCII85Decode, RunLengthDecode, with PNG/TIFF
    predictors. The page tree in order with inherited resources; content streams (one or an array);
    Form XObjects. Text operators BT/ET, Tf, Tc, Tw, Tz, TL, Ts, Td, TD, Tm, T*, Tj, TJ, ' and ".
    Fonts: Type0 (Identity-H/V two-byte codes, embedded CMaps, and the predefined Chinese, Japanese
    and Korean CMaps such as GBK-EUC-H or UniGB-UCS2-H) through ``/ToUnicode`` (bfchar and bfrange,
    including the array form and surrogate pairs); simple fonts through ``/ToUnicode``, else
    ``/Encoding`` with ``/Differences`` glyph names (``uniXXXX``, ``uXXXX``, common Adobe names), else
    WinAnsi/Standard/MacRoman, else Latin-1. Marked content with ``/ActualText`` (which cairo and
    others write for ligatures and shaped clusters) replaces the glyphs it covers. Kangxi and
    supplementary radical code points that a ToUnicode CMap gives for ordinary ideographs (Chrome
    writes ⽣ U+2F63 for 生) are decoded as the ideographs.

Layout
    Glyph positions are tracked in user space. A new output line starts when the baseline moves by
    more than half the font size; text drawn later on the same baseline within the same horizontal
    span (fonts drawn one after another) joins that line, which is then ordered left to right and
    rid of doubled glyphs (fake bold). Lines otherwise keep the order they were drawn in. A gap
    between glyphs of more than 0.15 em becomes a space between non-CJK characters. Next to a CJK
    character, kerning inside one text-showing operation (a TJ array) never makes a space; a gap of
    more than 1 em between separately drawn pieces (table cells, tab stops) does. Pages are separated
    by a blank line.

What it refuses
    An encrypted PDF, a PDF with no text at all (a scan), and a truncated or corrupt one whose text
    cannot be read: each raises :class:`~extractors.formats.FormatError` with a reason.
"""
from __future__ import annotations

import base64
import math
import re
import unicodedata
import zlib
from typing import Any, Iterator

from extractors.formats import FormatError

__all__ = [
    "pdf_to_text",
    "find_header",
    "ENCRYPTED_REASON",
    "NO_TEXT_REASON",
]

ENCRYPTED_REASON = "password-protected or encrypted PDF, cannot read its text"
NO_TEXT_REASON = "PDF has no text layer (scanned image?)"

MAX_STREAM = 64 * 1024 * 1024  # decoded bytes of one stream
MAX_OPERATORS = 20_000_000  # content operators executed for one document
MAX_FORM_DEPTH = 12
MAX_PAGES = 100_000
MAX_REF_CHAIN = 32
MAX_NESTING = 256

_HEADER_SCAN = 1024


class PdfError(FormatError):
    pass


# ---------------------------------------------------------------------------------------------
# Objects
# ---------------------------------------------------------------------------------------------


class Name(str):
    """A PDF name (``/Type``), as the text after the slash."""


class Keyword(str):
    """A bare keyword: ``true``/``false``/``null`` are turned into values; operators stay keywords."""


class Ref(tuple):
    """An indirect reference ``num gen R``."""

    __slots__ = ()

    def __new__(cls, num: int, gen: int) -> "Ref":
        return tuple.__new__(cls, (num, gen))

    @property
    def num(self) -> int:
        return self[0]


class Stream:
    __slots__ = ("dict", "raw", "num")

    def __init__(self, dictionary: dict, raw: bytes, num: int = -1):
        self.dict = dictionary
        self.raw = raw
        self.num = num


_EOF = Keyword("")

_WS = b"\x00\t\n\x0c\r "
_WS_RE = re.compile(rb"(?:[\x00\t\n\x0c\r ]+|%[^\r\n]*)+")
_REGULAR_RE = re.compile(rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]+")
_INT_RE = re.compile(rb"[+-]?\d+$")
_REAL_RE = re.compile(rb"[+-]?(?:\d+\.\d*|\.\d+|\d+)$")
_NAME_ESC_RE = re.compile(rb"#([0-9A-Fa-f]{2})")
_HEX_CLEAN_RE = re.compile(rb"[^0-9A-Fa-f]")
_STR_SPECIAL_RE = re.compile(rb"[()\\]")
_STR_ESC_RE = re.compile(rb"\\(?:([0-7]{1,3})|(\r\n|\r|\n)|(.))", re.S)
_STR_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _unescape_string(raw: bytes) -> bytes:
    if b"\\" not in raw:
        return raw

    def sub(match: re.Match[bytes]) -> bytes:
        octal, newline, char = match.groups()
        if octal is not None:
            return bytes([int(octal, 8) & 0xFF])
        if newline is not None:
            return b""
        return _STR_ESCAPES.get(char, char)

    return _STR_ESC_RE.sub(sub, raw)


class Parser:
    """Reads PDF objects (and, in content streams, operators) from ``data`` starting at ``pos``."""

    __slots__ = ("data", "pos", "refs")

    def __init__(self, data: bytes, pos: int = 0, *, refs: bool = True):
        self.data = data
        self.pos = pos
        self.refs = refs

    def skip_ws(self) -> None:
        match = _WS_RE.match(self.data, self.pos)
        if match:
            self.pos = match.end()

    def parse(self, depth: int = 0) -> Any:
        """The next object, a :class:`Keyword` for an operator or stray token, or ``_EOF``."""
        if depth > MAX_NESTING:
            raise PdfError("corrupt PDF: objects nested too deeply")
        self.skip_ws()
        data, pos = self.data, self.pos
        if pos >= len(data):
            return _EOF
        c = data[pos]
        if c == 0x2F:  # /
            match = _REGULAR_RE.match(data, pos + 1)
            end = match.end() if match else pos + 1
            raw = data[pos + 1:end]
            self.pos = end
            if b"#" in raw:
                raw = _NAME_ESC_RE.sub(lambda m: bytes([int(m.group(1), 16)]), raw)
            return Name(raw.decode("latin-1"))
        if c == 0x28:  # (
            return self._literal_string()
        if c == 0x3C:  # <
            if data[pos + 1:pos + 2] == b"<":
                return self._dictionary(depth)
            end = data.find(b">", pos + 1)
            if end < 0:
                end = len(data)
            hexdigits = _HEX_CLEAN_RE.sub(b"", data[pos + 1:end])
            if len(hexdigits) % 2:
                hexdigits += b"0"
            self.pos = end + 1
            return bytes.fromhex(hexdigits.decode("ascii"))
        if c == 0x5B:  # [
            self.pos = pos + 1
            items: list[Any] = []
            while True:
                item = self.parse(depth + 1)
                if item is _EOF:
                    return items
                if isinstance(item, Keyword):
                    if item == "]":
                        return items
                    if item in ("endobj", "stream", "endstream", ">>"):
                        return items  # broken array
                items.append(item)
        if c == 0x5D:  # ]
            self.pos = pos + 1
            return Keyword("]")
        if c == 0x3E:  # >
            if data[pos + 1:pos + 2] == b">":
                self.pos = pos + 2
                return Keyword(">>")
            self.pos = pos + 1
            return Keyword(">")
        if c in (0x7B, 0x7D, 0x29):  # { } )
            self.pos = pos + 1
            return Keyword(chr(c))
        match = _REGULAR_RE.match(data, pos)
        token = match.group(0)
        self.pos = match.end()
        if _INT_RE.match(token):
            value = int(token)
            if self.refs and value >= 0:
                ref = self._maybe_ref(value)
                if ref is not None:
                    return ref
            return value
        if _REAL_RE.match(token):
            return float(token)
        if token == b"true":
            return True
        if token == b"false":
            return False
        if token == b"null":
            return None
        if token[:1] in b"+-." and token[1:2].isdigit():
            # malformed numbers such as "--5" or "1.2.3": read their leading numeric part
            num = re.match(rb"[+-]*(\d*\.?\d*)", token)
            try:
                sign = -1 if token.count(b"-") % 2 else 1
                return sign * float(num.group(1) or b"0") if num else 0
            except ValueError:
                return 0
        return Keyword(token.decode("latin-1"))

    def _maybe_ref(self, num: int) -> Ref | None:
        m = _REF_TAIL.match(self.data, self.pos)
        if m:
            self.pos = m.end()
            return Ref(num, int(m.group(1)))
        return None

    def _literal_string(self) -> bytes:
        data = self.data
        start = self.pos + 1
        pos = start
        depth = 1
        search = _STR_SPECIAL_RE.search
        while True:
            match = search(data, pos)
            if match is None:  # unterminated: take the rest
                self.pos = len(data)
                return _unescape_string(data[start:])
            char = data[match.start()]
            pos = match.end()
            if char == 0x5C:  # backslash: skip the escaped byte
                pos += 1
            elif char == 0x28:
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    self.pos = pos
                    return _unescape_string(data[start:pos - 1])

    def _dictionary(self, depth: int) -> dict:
        self.pos += 2
        result: dict[str, Any] = {}
        while True:
            key = self.parse(depth + 1)
            if key is _EOF:
                return result
            if isinstance(key, Keyword):
                if key == ">>":
                    return result
                if key in ("endobj", "stream", "endstream"):
                    self.pos -= len(key)
                    return result
                continue
            if not isinstance(key, Name):
                continue  # garbage where a key should be
            value = self.parse(depth + 1)
            if isinstance(value, Keyword):
                if value == ">>":
                    result[key] = None
                    return result
                if value in ("endobj", "stream", "endstream"):
                    self.pos -= len(value)
                    return result
            result[key] = value


_W = rb"[\x00\t\n\x0c\r ]"  # PDF whitespace
_END = rb"(?![^\x00\t\n\x0c\r ()<>\[\]{}/%])"  # end of a token
_REF_TAIL = re.compile(_W + rb"+(\d+)" + _W + rb"+R" + _END)
_OBJ_HEADER = re.compile(_W + rb"*(\d+)" + _W + rb"+(\d+)" + _W + rb"+obj" + _END)
_OBJ_SCAN = re.compile(rb"(?<![0-9])(\d{1,10})" + _W + rb"+(\d{1,5})" + _W + rb"+obj" + _END)
_XREF_ENTRY = re.compile(_W + rb"*(\d+)" + _W + rb"+(\d+)" + _W + rb"+([nf])")
_XREF_SUBSECTION = re.compile(_W + rb"*(\d+)" + _W + rb"+(\d+)(?=" + _W + rb")")
_STREAM_KEYWORD = re.compile(rb"[\x00\t\n\x0c\r ]*stream(?:\r\n|\n|\r)?")
_ENDSTREAM = re.compile(rb"(?:\r\n|\n|\r)?endstream")
_ENCRYPT_KEY = re.compile(rb"/Encrypt[\x00\t\n\x0c\r ]*(?:\d+[\x00\t\n\x0c\r ]+\d+[\x00\t\n\x0c\r ]+R|<<)")
_TRAILER = re.compile(rb"trailer[\x00\t\n\x0c\r ]*<<")


def find_header(data: bytes) -> int:
    """Offset of ``%PDF-`` within the first KiB (viewers allow junk before it), or -1."""
    return data.find(b"%PDF-", 0, _HEADER_SCAN)


# ---------------------------------------------------------------------------------------------
# Filters
# ---------------------------------------------------------------------------------------------

_IMAGE_FILTERS = frozenset({"DCTDecode", "DCT", "JPXDecode", "CCITTFaxDecode", "CCF", "JBIG2Decode"})


class _ImageData(Exception):
    """The stream holds image data; it has no text."""


def _inflate(data: bytes, problems: list[str]) -> bytes:
    out: list[bytes] = []
    total = 0
    for wbits in (zlib.MAX_WBITS, -zlib.MAX_WBITS):
        decomp = zlib.decompressobj(wbits)
        out.clear()
        total = 0
        pos = 0
        try:
            while pos < len(data) and not decomp.eof:
                buf = data[pos:pos + 65536]
                pos += len(buf)
                while buf and not decomp.eof:
                    chunk = decomp.decompress(buf, 1 << 20)
                    total += len(chunk)
                    if total > MAX_STREAM:
                        raise PdfError(f"a stream is too large when decoded (over {MAX_STREAM} bytes)")
                    out.append(chunk)
                    buf = decomp.unconsumed_tail
            if not decomp.eof:
                tail = decomp.flush()
                out.append(tail)
                if total == 0 and not tail:
                    raise zlib.error("no data")
                problems.append("a compressed stream ends early (truncated file?)")
            return b"".join(out)
        except zlib.error as exc:
            if out and total:
                problems.append(f"a compressed stream is damaged ({exc})")
                return b"".join(out)
            if wbits < 0:
                problems.append(f"a compressed stream is damaged ({exc})")
                return b""
    return b""


def _ascii_hex(data: bytes) -> bytes:
    end = data.find(b">")
    if end >= 0:
        data = data[:end]
    digits = _HEX_CLEAN_RE.sub(b"", data)
    if len(digits) % 2:
        digits += b"0"
    return bytes.fromhex(digits.decode("ascii"))


def _ascii85(data: bytes) -> bytes:
    data = re.sub(rb"[\x00\t\n\x0c\r ]", b"", data)
    if data.startswith(b"<~"):
        data = data[2:]
    end = data.find(b"~>")
    if end >= 0:
        data = data[:end]
    return base64.a85decode(data)


def _run_length(data: bytes) -> bytes:
    out = bytearray()
    i = 0
    n = len(data)
    while i < n:
        length = data[i]
        i += 1
        if length == 128:
            break
        if length < 128:
            out += data[i:i + length + 1]
            i += length + 1
        else:
            if i < n:
                out += bytes([data[i]]) * (257 - length)
            i += 1
        if len(out) > MAX_STREAM:
            raise PdfError("a stream is too large decoded")
    return bytes(out)


def _lzw(data: bytes, early: int = 1) -> bytes:
    out = bytearray()
    table = [bytes([i]) for i in range(256)] + [b"", b""]
    bits = 9
    buffer = 0
    count = 0
    previous = b""
    for byte in data:
        buffer = (buffer << 8) | byte
        count += 8
        while count >= bits:
            count -= bits
            code = (buffer >> count) & ((1 << bits) - 1)
            if code == 256:
                table = table[:258]
                bits = 9
                previous = b""
                continue
            if code == 257:
                return bytes(out)
            if code < len(table):
                entry = table[code]
                if previous:
                    table.append(previous + entry[:1])
            elif previous:
                entry = previous + previous[:1]
                table.append(entry)
            else:
                return bytes(out)
            out += entry
            if len(out) > MAX_STREAM:
                raise PdfError("a stream is too large decoded")
            previous = entry
            if len(table) > 4096:
                del table[4096:]
            size = len(table) + early
            if size >= 2048:
                bits = 12
            elif size >= 1024:
                bits = 11
            elif size >= 512:
                bits = 10
    return bytes(out)


def _unpredict(data: bytes, parms: dict) -> bytes:
    predictor = parms.get("Predictor", 1)
    if not isinstance(predictor, int) or predictor <= 1:
        return data
    colors = parms.get("Colors", 1) if isinstance(parms.get("Colors", 1), int) else 1
    bpc = parms.get("BitsPerComponent", 8) if isinstance(parms.get("BitsPerComponent", 8), int) else 8
    columns = parms.get("Columns", 1) if isinstance(parms.get("Columns", 1), int) else 1
    colors, bpc, columns = max(1, colors), max(1, bpc), max(1, columns)
    bpp = max(1, colors * bpc // 8)
    rowlen = (columns * colors * bpc + 7) // 8
    if predictor == 2:
        if bpc != 8:
            return data
        out = bytearray(data)
        for start in range(0, len(out), rowlen):
            for j in range(start + colors, min(start + rowlen, len(out))):
                out[j] = (out[j] + out[j - colors]) & 0xFF
        return bytes(out)
    out = bytearray()
    prev = bytearray(rowlen)
    step = rowlen + 1
    for start in range(0, len(data), step):
        kind = data[start]
        row = bytearray(data[start + 1:start + step])
        if len(row) < rowlen:
            row.extend(bytes(rowlen - len(row)))
        if kind == 1:
            for j in range(bpp, rowlen):
                row[j] = (row[j] + row[j - bpp]) & 0xFF
        elif kind == 2:
            for j in range(rowlen):
                row[j] = (row[j] + prev[j]) & 0xFF
        elif kind == 3:
            for j in range(rowlen):
                left = row[j - bpp] if j >= bpp else 0
                row[j] = (row[j] + ((left + prev[j]) >> 1)) & 0xFF
        elif kind == 4:
            for j in range(rowlen):
                a = row[j - bpp] if j >= bpp else 0
                b = prev[j]
                c = prev[j - bpp] if j >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                row[j] = (row[j] + pred) & 0xFF
        out += row
        prev = row
    return bytes(out)


# ---------------------------------------------------------------------------------------------
# Document: xref, objects, page tree
# ---------------------------------------------------------------------------------------------


class Document:
    def __init__(self, data: bytes):
        self.data = data
        self.header = max(0, find_header(data))
        self.xref: dict[int, tuple] = {}  # num -> ("o", offset) | ("s", stream_num, index)
        self.trailer: dict[str, Any] = {}
        self.problems: list[str] = []
        self.broken_xref = False
        self._cache: dict[int, Any] = {}
        self._loading: set[int] = set()
        self._scan: dict[int, int] | None = None
        self._objstm_index: dict[int, tuple[int, int]] | None = None
        self._objstm_cache: dict[int, tuple[list[tuple[int, int]], bytes, int]] = {}
        tail = data[-2048:]
        self.truncated = b"%%EOF" not in tail and b"startxref" not in tail
        self._load_xref()
        if self.trailer.get("Encrypt") is not None:
            raise PdfError(ENCRYPTED_REASON)
        if self.broken_xref and _ENCRYPT_KEY.search(data):
            raise PdfError(ENCRYPTED_REASON)

    # -- xref -------------------------------------------------------------------------------
    def _load_xref(self) -> None:
        data = self.data
        start = data.rfind(b"startxref")
        loaded = False
        if start >= 0:
            match = re.match(rb"startxref[\x00\t\n\x0c\r ]+(\d+)", data[start:start + 40])
            if match:
                try:
                    self._read_xref_chain(int(match.group(1)))
                    loaded = True
                except (PdfError, ValueError, IndexError, TypeError, KeyError) as exc:
                    self.problems.append(f"damaged cross-reference table ({exc})")
        if not loaded or "Root" not in self.trailer:
            self.broken_xref = True
            self._rebuild_from_scan()

    def _read_xref_chain(self, offset: int) -> None:
        seen: set[int] = set()
        pending: list[int] = [offset]
        first = True
        while pending:
            offset = pending.pop(0)
            if offset in seen or len(seen) > 10_000:
                continue
            seen.add(offset)
            trailer = self._read_xref_section(offset, required=first)
            first = False
            if trailer is None:
                continue
            for key, value in trailer.items():
                self.trailer.setdefault(key, value)
            stm = trailer.get("XRefStm")
            if isinstance(stm, int) and stm not in seen:
                seen.add(stm)
                self._read_xref_section(stm, required=False)
            prev = trailer.get("Prev")
            if isinstance(prev, (int, float)):
                pending.append(int(prev))

    def _read_xref_section(self, offset: int, *, required: bool) -> dict | None:
        data = self.data
        for base in dict.fromkeys((offset, offset + self.header)):
            if not 0 <= base < len(data):
                continue
            head = _WS_RE.match(data, base)
            pos = head.end() if head else base
            if data.startswith(b"xref", pos):
                return self._read_xref_table(pos + 4)
            if _OBJ_HEADER.match(data, base):
                obj = self._read_object_at(base, None)
                if isinstance(obj, Stream) and obj.dict.get("Type") == "XRef":
                    self._read_xref_stream(obj)
                    return obj.dict
        if required:
            raise PdfError(f"no cross-reference section at offset {offset}")
        self.problems.append(f"no cross-reference section at offset {offset}")
        return None

    def _read_xref_table(self, pos: int) -> dict:
        data = self.data
        while True:
            head = _WS_RE.match(data, pos)
            if head:
                pos = head.end()
            if data.startswith(b"trailer", pos):
                parser = Parser(data, pos + 7)
                trailer = parser.parse()
                return trailer if isinstance(trailer, dict) else {}
            sub = _XREF_SUBSECTION.match(data, pos)
            if not sub:
                raise PdfError("malformed xref table")
            first, count = int(sub.group(1)), int(sub.group(2))
            pos = sub.end()
            for i in range(count):
                entry = _XREF_ENTRY.match(data, pos)
                if not entry:
                    break
                pos = entry.end()
                if entry.group(3) == b"n":
                    num = first + i
                    if num not in self.xref:
                        self.xref[num] = ("o", int(entry.group(1)))

    def _read_xref_stream(self, stream: Stream) -> None:
        d = stream.dict
        widths = self.resolve(d.get("W"))
        if not isinstance(widths, list) or len(widths) < 3 or not all(isinstance(w, int) for w in widths):
            raise PdfError("xref stream without a valid /W")
        size = self.resolve(d.get("Size"))
        index = self.resolve(d.get("Index")) or [0, size if isinstance(size, int) else 0]
        raw = self.decode_stream(stream)
        w0, w1, w2 = widths[:3]
        entry_len = w0 + w1 + w2
        if entry_len <= 0:
            raise PdfError("xref stream with empty entries")
        pos = 0
        for i in range(0, len(index) - 1, 2):
            first, count = index[i], index[i + 1]
            if not isinstance(first, int) or not isinstance(count, int):
                continue
            for k in range(count):
                if pos + entry_len > len(raw):
                    return
                kind = int.from_bytes(raw[pos:pos + w0], "big") if w0 else 1
                f2 = int.from_bytes(raw[pos + w0:pos + w0 + w1], "big")
                f3 = int.from_bytes(raw[pos + w0 + w1:pos + entry_len], "big")
                pos += entry_len
                num = first + k
                if num in self.xref:
                    continue
                if kind == 1:
                    self.xref[num] = ("o", f2)
                elif kind == 2:
                    self.xref[num] = ("s", f2, f3)

    def _rebuild_from_scan(self) -> None:
        """A missing or damaged xref: find objects and trailers by scanning the file."""
        data = self.data
        table = self._scan_table()
        for num, offset in table.items():
            self.xref.setdefault(num, ("o", offset))
        trailers = []
        for match in _TRAILER.finditer(data):
            parser = Parser(data, match.end() - 2)
            try:
                trailer = parser.parse()
            except PdfError:
                continue
            if isinstance(trailer, dict):
                trailers.append(trailer)
        for trailer in reversed(trailers):
            for key, value in trailer.items():
                self.trailer.setdefault(key, value)
        if "Root" not in self.trailer:
            for num in sorted(table, key=table.get, reverse=True):
                obj = self.get(num)
                d = obj.dict if isinstance(obj, Stream) else obj
                if isinstance(d, dict):
                    if d.get("Type") == "XRef" and "Root" in d:
                        self.trailer.setdefault("Root", d["Root"])
                        if "Encrypt" in d:
                            self.trailer.setdefault("Encrypt", d["Encrypt"])
                        break
                    if d.get("Type") == "Catalog":
                        self.trailer.setdefault("Root", Ref(num, 0))
                        break

    def _scan_table(self) -> dict[int, int]:
        if self._scan is None:
            self._scan = {}
            for match in _OBJ_SCAN.finditer(self.data):
                self._scan[int(match.group(1))] = match.start(1)
        return self._scan

    # -- objects ----------------------------------------------------------------------------
    def get(self, num: int) -> Any:
        if num in self._cache:
            return self._cache[num]
        if num in self._loading:
            return None  # a reference loop
        self._loading.add(num)
        try:
            obj = self._load(num)
        finally:
            self._loading.discard(num)
        self._cache[num] = obj
        return obj

    def _load(self, num: int) -> Any:
        entry = self.xref.get(num)
        missing = object()
        obj: Any = missing
        if entry is not None:
            if entry[0] == "o":
                obj = self._read_object_at(entry[1], num, missing)
                if obj is missing and self.header:
                    obj = self._read_object_at(entry[1] + self.header, num, missing)
            else:
                obj = self._from_objstm(entry[1], entry[2], num, missing)
        if obj is missing:
            offset = self._scan_table().get(num)
            if offset is not None:
                obj = self._read_object_at(offset, num, missing)
        if obj is missing:
            located = self._objstm_locations().get(num)
            if located is not None:
                obj = self._from_objstm(located[0], located[1], num, missing)
        if obj is missing:
            if entry is not None or num in self._scan_table():
                self.problems.append(f"object {num} cannot be read")
            return None
        return obj

    def _read_object_at(self, offset: int, num: int | None, missing: Any = None) -> Any:
        data = self.data
        header = _OBJ_HEADER.match(data, offset)
        if not header or (num is not None and int(header.group(1)) != num):
            return missing
        number = int(header.group(1))
        parser = Parser(data, header.end())
        obj = parser.parse()
        if isinstance(obj, Keyword):
            return None
        if isinstance(obj, dict):
            keyword = _STREAM_KEYWORD.match(data, parser.pos)
            if keyword and data[keyword.start():keyword.end()].strip().startswith(b"stream"):
                return Stream(obj, self._stream_data(obj, keyword.end(), number), number)
        return obj

    def _stream_data(self, d: dict, start: int, num: int) -> bytes:
        data = self.data
        length = d.get("Length")
        if isinstance(length, Ref):
            length = self.get(length.num) if length.num != num else None
        if isinstance(length, int) and 0 <= length <= len(data) - start:
            end = start + length
            after = _WS_RE.match(data, end)
            check = after.end() if after else end
            if data.startswith(b"endstream", check):
                return data[start:end]
        match = _ENDSTREAM.search(data, start)
        if match is None:
            self.problems.append(f"the stream of object {num} is cut off")
            return data[start:]
        return data[start:match.start()]

    def _objstm_locations(self) -> dict[int, tuple[int, int]]:
        """Objects inside object streams found by scanning (only used when the xref is damaged)."""
        if self._objstm_index is None:
            self._objstm_index = {}
            if self.broken_xref:
                for num, offset in sorted(self._scan_table().items()):
                    if not re.search(rb"/Type[\x00\t\n\x0c\r ]*/ObjStm", self.data[offset:offset + 400]):
                        continue
                    parsed = self._parse_objstm(num)
                    if parsed is None:
                        continue
                    for index, (inner, _offset) in enumerate(parsed[0]):
                        self._objstm_index.setdefault(inner, (num, index))
        return self._objstm_index

    def _parse_objstm(self, stm_num: int) -> tuple[list[tuple[int, int]], bytes, int] | None:
        if stm_num in self._objstm_cache:
            return self._objstm_cache[stm_num]
        stream = self.get(stm_num)
        if not isinstance(stream, Stream):
            return None
        try:
            body = self.decode_stream(stream)
        except _ImageData:
            return None
        count = self.resolve(stream.dict.get("N"))
        first = self.resolve(stream.dict.get("First"))
        if not isinstance(count, int) or not isinstance(first, int):
            return None
        parser = Parser(body, 0, refs=False)
        pairs: list[tuple[int, int]] = []
        for _ in range(count):
            a, b = parser.parse(), parser.parse()
            if not isinstance(a, int) or not isinstance(b, int):
                break
            pairs.append((a, b))
        result = (pairs, body, first)
        self._objstm_cache[stm_num] = result
        return result

    def _from_objstm(self, stm_num: int, index: int, num: int, missing: Any) -> Any:
        parsed = self._parse_objstm(stm_num)
        if parsed is None:
            return missing
        pairs, body, first = parsed
        if not 0 <= index < len(pairs) or pairs[index][0] != num:
            matches = [i for i, (n, _o) in enumerate(pairs) if n == num]
            if not matches:
                return missing
            index = matches[0]
        parser = Parser(body, first + pairs[index][1])
        obj = parser.parse()
        return None if isinstance(obj, Keyword) else obj

    def resolve(self, obj: Any) -> Any:
        for _ in range(MAX_REF_CHAIN):
            if not isinstance(obj, Ref):
                return obj
            obj = self.get(obj.num)
        return None

    # -- streams ----------------------------------------------------------------------------
    def decode_stream(self, stream: Stream) -> bytes:
        d = stream.dict
        filters = self.resolve(d.get("Filter"))
        parms = self.resolve(d.get("DecodeParms", d.get("DP")))
        if filters is None:
            return stream.raw
        if not isinstance(filters, list):
            filters = [filters]
        if not isinstance(parms, list):
            parms = [parms] * len(filters) if len(filters) == 1 else [None] * len(filters)
        data = stream.raw
        for i, name in enumerate(filters):
            name = self.resolve(name)
            parm = self.resolve(parms[i]) if i < len(parms) else None
            if not isinstance(parm, dict):
                parm = {}
            if name in ("FlateDecode", "Fl"):
                data = _unpredict(_inflate(data, self.problems), parm)
            elif name in ("LZWDecode", "LZW"):
                early = parm.get("EarlyChange", 1)
                data = _unpredict(_lzw(data, early if early in (0, 1) else 1), parm)
            elif name in ("ASCIIHexDecode", "AHx"):
                data = _ascii_hex(data)
            elif name in ("ASCII85Decode", "A85"):
                try:
                    data = _ascii85(data)
                except ValueError as exc:
                    raise PdfError(f"damaged ASCII85 stream ({exc})") from None
            elif name in ("RunLengthDecode", "RL"):
                data = _run_length(data)
            elif name == "Crypt":
                continue
            elif name in _IMAGE_FILTERS:
                raise _ImageData()
            else:
                raise PdfError(f"unsupported stream filter /{name}")
            if len(data) > MAX_STREAM:
                raise PdfError(f"a stream is too large when decoded (over {MAX_STREAM} bytes)")
        return data

    # -- pages ------------------------------------------------------------------------------
    def pages(self) -> list[dict]:
        root = self.resolve(self.trailer.get("Root"))
        found: list[dict] = []
        if isinstance(root, dict):
            self._walk_pages(root.get("Pages"), {}, found, set(), 0)
        if not found:
            found = self._scan_pages()
            if found:
                self.problems.append("the page tree is damaged; pages were found by scanning")
        return found

    def _walk_pages(self, node: Any, inherited: dict, found: list, seen: set, depth: int) -> None:
        key = node.num if isinstance(node, Ref) else None
        if key is not None:
            if key in seen:
                return
            seen.add(key)
        node = self.resolve(node)
        if not isinstance(node, dict) or depth > 64 or len(found) >= MAX_PAGES:
            if node is None and key is not None:
                self.problems.append(f"page tree node {key} is missing")
            return
        attrs = dict(inherited)
        for name in ("Resources", "MediaBox", "CropBox", "Rotate"):
            if name in node:
                attrs[name] = node[name]
        kids = self.resolve(node.get("Kids"))
        if node.get("Type") == "Page" or (kids is None and "Contents" in node):
            page = dict(node)
            for name, value in attrs.items():
                page.setdefault(name, value)
            found.append(page)
            return
        if isinstance(kids, list):
            for kid in kids:
                self._walk_pages(kid, attrs, found, seen, depth + 1)

    def _scan_pages(self) -> list[dict]:
        pages = []
        for num, offset in sorted(self._scan_table().items(), key=lambda item: item[1]):
            if re.search(rb"/Type[\x00\t\n\x0c\r ]*/Page(?![A-Za-z])", self.data[offset:offset + 2000]):
                obj = self.get(num)
                if isinstance(obj, dict) and obj.get("Type") == "Page":
                    pages.append(obj)
        return pages


# ---------------------------------------------------------------------------------------------
# Fonts
# ---------------------------------------------------------------------------------------------

_ASCII_NAMES = (
    "space exclam quotedbl numbersign dollar percent ampersand quotesingle parenleft parenright "
    "asterisk plus comma hyphen period slash zero one two three four five six seven eight nine colon "
    "semicolon less equal greater question at A B C D E F G H I J K L M N O P Q R S T U V W X Y Z "
    "bracketleft backslash bracketright asciicircum underscore grave a b c d e f g h i j k l m n o p q "
    "r s t u v w x y z braceleft bar braceright asciitilde"
).split()
_WINANSI_HIGH = (
    "Euro - quotesinglbase florin quotedblbase ellipsis dagger daggerdbl circumflex perthousand Scaron "
    "guilsinglleft OE - Zcaron - - quoteleft quoteright quotedblleft quotedblright bullet endash emdash "
    "tilde trademark scaron guilsinglright oe - zcaron Ydieresis nbspace exclamdown cent sterling "
    "currency yen brokenbar section dieresis copyright ordfeminine guillemotleft logicalnot sfthyphen "
    "registered macron degree plusminus twosuperior threesuperior acute mu paragraph periodcentered "
    "cedilla onesuperior ordmasculine guillemotright onequarter onehalf threequarters questiondown "
    "Agrave Aacute Acircumflex Atilde Adieresis Aring AE Ccedilla Egrave Eacute Ecircumflex Edieresis "
    "Igrave Iacute Icircumflex Idieresis Eth Ntilde Ograve Oacute Ocircumflex Otilde Odieresis multiply "
    "Oslash Ugrave Uacute Ucircumflex Udieresis Yacute Thorn germandbls agrave aacute acircumflex atilde "
    "adieresis aring ae ccedilla egrave eacute ecircumflex edieresis igrave iacute icircumflex idieresis "
    "eth ntilde ograve oacute ocircumflex otilde odieresis divide oslash ugrave uacute ucircumflex "
    "udieresis yacute thorn ydieresis"
).split()
_STANDARD_HIGH = {
    0xA1: "exclamdown", 0xA2: "cent", 0xA3: "sterling", 0xA4: "fraction", 0xA5: "yen", 0xA6: "florin",
    0xA7: "section", 0xA8: "currency", 0xA9: "quotesingle", 0xAA: "quotedblleft",
    0xAB: "guillemotleft", 0xAC: "guilsinglleft", 0xAD: "guilsinglright", 0xAE: "fi", 0xAF: "fl",
    0xB1: "endash", 0xB2: "dagger", 0xB3: "daggerdbl", 0xB4: "periodcentered", 0xB6: "paragraph",
    0xB7: "bullet", 0xB8: "quotesinglbase", 0xB9: "quotedblbase", 0xBA: "quotedblright",
    0xBB: "guillemotright", 0xBC: "ellipsis", 0xBD: "perthousand", 0xBF: "questiondown", 0xC1: "grave",
    0xC2: "acute", 0xC3: "circumflex", 0xC4: "tilde", 0xC5: "macron", 0xC6: "breve", 0xC7: "dotaccent",
    0xC8: "dieresis", 0xCA: "ring", 0xCB: "cedilla", 0xCD: "hungarumlaut", 0xCE: "ogonek",
    0xCF: "caron", 0xD0: "emdash", 0xE1: "AE", 0xE3: "ordfeminine", 0xE8: "Lslash", 0xE9: "Oslash",
    0xEA: "OE", 0xEB: "ordmasculine", 0xF1: "ae", 0xF5: "dotlessi", 0xF8: "lslash", 0xF9: "oslash",
    0xFA: "oe", 0xFB: "germandbls",
}


def _glyph_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for code, name in enumerate(_ASCII_NAMES, start=0x20):
        table[name] = chr(code)
    for code, name in enumerate(_WINANSI_HIGH, start=0x80):
        if name != "-":
            table.setdefault(name, bytes([code]).decode("cp1252"))
    table.update(
        {
            "quoteright": "\u2019", "quoteleft": "\u2018", "fraction": "\u2044", "fi": "fi", "fl": "fl",
            "ff": "ff", "ffi": "ffi", "ffl": "ffl", "breve": "\u02d8", "dotaccent": "\u02d9",
            "ring": "\u02da", "hungarumlaut": "\u02dd", "ogonek": "\u02db", "caron": "\u02c7",
            "Lslash": "\u0141", "lslash": "\u0142", "dotlessi": "\u0131", "minus": "\u2212",
            "nbspace": "\xa0", "sfthyphen": "\xad", "periodcentered": "\xb7", "middot": "\xb7",
            "Delta": "\u2206", "Omega": "\u2126", "mu": "\xb5", "approxequal": "\u2248",
            "notequal": "\u2260", "lessequal": "\u2264", "greaterequal": "\u2265", "infinity": "\u221e",
            "summation": "\u2211", "product": "\u220f", "radical": "\u221a", "integral": "\u222b",
            "partialdiff": "\u2202", "lozenge": "\u25ca", "apple": "\uf8ff", "dotlessj": "\u0237",
            "copyrightserif": "\xa9", "registerserif": "\xae", "trademarkserif": "\u2122",
            "arrowright": "\u2192", "arrowleft": "\u2190", "arrowup": "\u2191", "arrowdown": "\u2193",
            "degree": "\xb0", "multiply": "\xd7", "divide": "\xf7", "ellipsis": "\u2026",
            "emdash": "\u2014", "endash": "\u2013", "bullet": "\u2022", "circle": "\u25cb",
            "filledbox": "\u25a0", "H22073": "\u25a1", "triagup": "\u25b2", "checkmark": "\u2713",
        }
    )
    return table


_GLYPHS = _glyph_table()
_HEX4 = re.compile(r"[0-9A-Fa-f]{4}")


def glyph_to_unicode(name: str) -> str | None:
    """Unicode for a glyph name: Adobe names, ``uniXXXX[XXXX…]``, ``uXXXX[XX]``, ``a_b`` ligatures."""
    if name in _GLYPHS:
        return _GLYPHS[name]
    base = name.split(".", 1)[0]
    if not base:
        return None
    if base in _GLYPHS:
        return _GLYPHS[base]
    if "_" in base:
        parts = [glyph_to_unicode(part) for part in base.split("_")]
        return "".join(parts) if all(parts) else None  # type: ignore[arg-type]
    if base.startswith("uni") and len(base) >= 7 and (len(base) - 3) % 4 == 0:
        units = [int(base[i:i + 4], 16) for i in range(3, len(base), 4) if _HEX4.fullmatch(base[i:i + 4])]
        if len(units) * 4 == len(base) - 3:
            try:
                return b"".join(u.to_bytes(2, "big") for u in units).decode("utf-16-be")
            except UnicodeDecodeError:
                return None
    if base.startswith("u") and 5 <= len(base) <= 7:
        try:
            value = int(base[1:], 16)
        except ValueError:
            return None
        if value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF:
            return chr(value)
    return None


def _base_encoding(name: Any) -> list[str | None]:
    if name == "MacRomanEncoding":
        table: list[str | None] = [bytes([i]).decode("mac_roman") for i in range(256)]
    elif name == "StandardEncoding":
        table = [chr(i) if 0x20 <= i < 0x7F else None for i in range(256)]
        table[0x27], table[0x60] = "\u2019", "\u2018"
        for code, glyph in _STANDARD_HIGH.items():
            table[code] = _GLYPHS.get(glyph)
    else:  # WinAnsiEncoding, and the default
        table = []
        for i in range(256):
            try:
                table.append(bytes([i]).decode("cp1252"))
            except UnicodeDecodeError:
                table.append(chr(i))  # Latin-1 for the five bytes cp1252 leaves undefined
    for i in range(0x20):
        if table[i] is not None and i not in (9, 10, 13):
            table[i] = None
    return table


# Widths (in 1/1000 em) of codes 32-126 in the standard 14 fonts that PDFs use without /Widths.
_HELVETICA = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778,
    722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278,
    278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)
_TIMES = (
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722,
    722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333,
    278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
)

# Predefined CJK CMaps: how codes split into bytes and which codec gives their Unicode.
_PREDEFINED = (
    (re.compile(r"^Uni\w+-UTF16-[HV]$"), "utf16", "utf-16-be"),
    (re.compile(r"^Uni\w+-UCS2(?:-HW)?-[HV]$"), "two", "utf-16-be"),
    (re.compile(r"^(?:GB|GBK|GBpc|GBKp|GBT|GBTpc)-EUC-[HV]$|^GBK2K-[HV]$"), "gb", "gb18030"),
    (re.compile(r"^GBT?-[HV]$"), "two", "gb-7bit"),  # GB 2312 rows/cells without the high bit
    (re.compile(r"^(?:B5pc|ETen-B5|ETenms-B5|HK\w+-B5)-[HV]$"), "lead81", "big5hkscs"),
    (re.compile(r"^(?:83pv|90ms|90msp|90pv|Add|Ext)-RKSJ-[HV]$"), "sjis", "cp932"),
    (re.compile(r"^(?:EUC|Ext)-[HV]$"), "lead81", "euc_jp"),
    (re.compile(r"^KSC(?:ms-UHC|pc)?-EUC-[HV]$|^KSCms-UHC-HW-[HV]$"), "lead81", "cp949"),
)


class CMap:
    """A ToUnicode or encoding CMap: code space, code→Unicode, code→CID."""

    def __init__(self) -> None:
        self.codespace: list[tuple[int, bytes, bytes]] = []  # (byte length, low, high)
        self.unicode: dict[tuple[int, int], str] = {}  # (code, byte length) -> text
        self.unicode_ranges: list[tuple[int, int, int, Any]] = []  # (nbytes, lo, hi, base bytes|list)
        self.cids: dict[tuple[int, int], int] = {}
        self.cid_ranges: list[tuple[int, int, int, int]] = []
        self.use: str | None = None  # a predefined CMap this one builds on (usecmap)
        self.vertical = False

    def lookup_unicode(self, code: int, nbytes: int) -> str | None:
        text = self.unicode.get((code, nbytes))
        if text is not None:
            return text
        for length, lo, hi, base in self.unicode_ranges:
            if length == nbytes and lo <= code <= hi:
                if isinstance(base, list):
                    item = base[code - lo] if code - lo < len(base) else None
                    return _utf16(item) if isinstance(item, bytes) else None
                value = int.from_bytes(base, "big") + (code - lo)
                try:
                    return _utf16(value.to_bytes(len(base), "big"))
                except OverflowError:
                    return None
        return None

    def lookup_cid(self, code: int, nbytes: int) -> int | None:
        cid = self.cids.get((code, nbytes))
        if cid is not None:
            return cid
        for length, lo, hi, base in self.cid_ranges:
            if length == nbytes and lo <= code <= hi:
                return base + code - lo
        return None


def _utf16(raw: bytes) -> str:
    if len(raw) == 1:
        return chr(raw[0])
    if len(raw) % 2:
        raw = b"\x00" + raw
    return raw.decode("utf-16-be", "replace")


def parse_cmap(data: bytes) -> CMap:
    """Parse a CMap program (ToUnicode or an embedded encoding)."""
    cmap = CMap()
    parser = Parser(data, refs=False)
    operands: list[Any] = []
    mode = None
    while True:
        try:
            token = parser.parse()
        except PdfError:
            break
        if token is _EOF:
            break
        if not isinstance(token, Keyword):
            operands.append(token)
            if len(operands) > 100_000:
                operands = operands[-3:]
            continue
        if token in ("begincodespacerange", "beginbfchar", "beginbfrange", "begincidchar",
                     "begincidrange", "beginnotdefrange"):
            mode = token[5:]
            operands = []
            continue
        if token.startswith("end") and mode and token[3:] == mode:
            _cmap_section(cmap, mode, operands)
            mode = None
            operands = []
            continue
        if token == "usecmap" and operands and isinstance(operands[-1], Name):
            cmap.use = str(operands[-1])
        elif token == "def" and len(operands) >= 2 and operands[-2] == "WMode":
            cmap.vertical = operands[-1] == 1
        if mode is None:
            operands = []
    return cmap


def _cmap_section(cmap: CMap, mode: str, ops: list[Any]) -> None:
    if mode == "codespacerange":
        for i in range(0, len(ops) - 1, 2):
            lo, hi = ops[i], ops[i + 1]
            if isinstance(lo, bytes) and isinstance(hi, bytes) and lo and len(lo) == len(hi):
                cmap.codespace.append((len(lo), lo, hi))
    elif mode == "bfchar":
        for i in range(0, len(ops) - 1, 2):
            src, dst = ops[i], ops[i + 1]
            if not isinstance(src, bytes) or not src:
                continue
            key = (int.from_bytes(src, "big"), len(src))
            if isinstance(dst, bytes):
                cmap.unicode[key] = _utf16(dst)
            elif isinstance(dst, Name):
                text = glyph_to_unicode(dst)
                if text:
                    cmap.unicode[key] = text
    elif mode == "bfrange":
        for i in range(0, len(ops) - 2, 3):
            lo, hi, dst = ops[i], ops[i + 1], ops[i + 2]
            if not isinstance(lo, bytes) or not isinstance(hi, bytes) or not lo:
                continue
            low, high = int.from_bytes(lo, "big"), int.from_bytes(hi, "big")
            if high < low:
                continue
            if isinstance(dst, list) or (isinstance(dst, bytes) and dst):
                cmap.unicode_ranges.append((len(lo), low, high, dst))
    elif mode in ("cidchar", "cidrange"):
        step = 2 if mode == "cidchar" else 3
        for i in range(0, len(ops) - step + 1, step):
            src = ops[i]
            if not isinstance(src, bytes) or not src or not isinstance(ops[i + step - 1], int):
                continue
            low = int.from_bytes(src, "big")
            if mode == "cidchar":
                cmap.cids[(low, len(src))] = ops[i + 1]
            elif isinstance(ops[i + 1], bytes):
                cmap.cid_ranges.append((len(src), low, int.from_bytes(ops[i + 1], "big"), ops[i + 2]))


class Font:
    """What the text extractor needs of a font: code splitting, Unicode, widths."""

    def __init__(self, doc: Document | None, fdict: dict | None):
        resolve = doc.resolve if doc else (lambda x: x)
        fdict = fdict if isinstance(fdict, dict) else {}
        self.subtype = resolve(fdict.get("Subtype"))
        self.composite = self.subtype == "Type0"
        self.vertical = False
        self.tounicode: CMap | None = None
        self.encoding_cmap: CMap | None = None
        self.split = "one"
        self.codec: str | None = None
        self.simple_map: list[str | None] = _base_encoding(None)
        self.widths: dict[int, float] = {}
        self.default_width = 500.0
        self.width_scale = 1.0
        self.cid_widths: list[tuple[int, int, float]] = []
        base_font = resolve(fdict.get("BaseFont"))
        self.base_name = str(base_font).split("+", 1)[-1] if isinstance(base_font, str) else ""

        tu = resolve(fdict.get("ToUnicode"))
        if doc is not None and isinstance(tu, Stream):
            try:
                self.tounicode = parse_cmap(doc.decode_stream(tu))
            except (PdfError, _ImageData):
                self.tounicode = None
        if self.composite:
            self._init_composite(doc, fdict, resolve)
        else:
            self._init_simple(doc, fdict, resolve)

    # -- composite --------------------------------------------------------------------------
    def _init_composite(self, doc: Document | None, fdict: dict, resolve: Any) -> None:
        encoding = resolve(fdict.get("Encoding"))
        self.split = "two"
        if isinstance(encoding, Name):
            self.vertical = encoding.endswith("-V")
            for pattern, split, codec in _PREDEFINED:
                if pattern.match(encoding):
                    self.split, self.codec = split, codec
                    break
        elif isinstance(encoding, Stream) and doc is not None:
            try:
                self.encoding_cmap = parse_cmap(doc.decode_stream(encoding))
            except (PdfError, _ImageData):
                self.encoding_cmap = None
            if self.encoding_cmap is not None:
                self.vertical = self.encoding_cmap.vertical
                use = self.encoding_cmap.use or ""
                if use.startswith("Identity"):
                    self.split = "two"
                for pattern, split, codec in _PREDEFINED:
                    if use and pattern.match(use):
                        self.split, self.codec = split, codec
                if self.encoding_cmap.codespace:
                    self.split = "codespace"
        descendants = resolve(fdict.get("DescendantFonts"))
        descendant = resolve(descendants[0]) if isinstance(descendants, list) and descendants else None
        if isinstance(descendant, dict):
            dw = resolve(descendant.get("DW"))
            self.default_width = float(dw) if isinstance(dw, (int, float)) else 1000.0
            widths = resolve(descendant.get("W"))
            if isinstance(widths, list):
                self._cid_width_table([resolve(w) for w in widths], resolve)
        else:
            self.default_width = 1000.0

    def _cid_width_table(self, items: list[Any], resolve: Any) -> None:
        i = 0
        while i < len(items) - 1:
            first = items[i]
            nxt = items[i + 1]
            if isinstance(first, int) and isinstance(nxt, list):
                for k, w in enumerate(nxt):
                    w = resolve(w)
                    if isinstance(w, (int, float)):
                        self.widths[first + k] = float(w)
                i += 2
            elif i + 2 < len(items) and all(isinstance(v, (int, float)) for v in items[i:i + 3]):
                low, high, w = int(items[i]), int(items[i + 1]), float(items[i + 2])
                if high - low <= 65536:
                    for cid in range(low, high + 1):
                        self.widths[cid] = w
                else:
                    self.cid_widths.append((low, high, w))
                i += 3
            else:
                i += 1

    # -- simple -----------------------------------------------------------------------------
    def _init_simple(self, doc: Document | None, fdict: dict, resolve: Any) -> None:
        encoding = resolve(fdict.get("Encoding"))
        base = None
        differences: list[Any] = []
        if isinstance(encoding, Name):
            base = encoding
        elif isinstance(encoding, dict):
            base = resolve(encoding.get("BaseEncoding"))
            diffs = resolve(encoding.get("Differences"))
            if isinstance(diffs, list):
                differences = [resolve(item) for item in diffs]
        table = _base_encoding(base)
        code = 0
        for item in differences:
            if isinstance(item, int):
                code = item
            elif isinstance(item, Name):
                if 0 <= code < 256:
                    table[code] = glyph_to_unicode(item)
                code += 1
        self.simple_map = table

        first = resolve(fdict.get("FirstChar"))
        widths = resolve(fdict.get("Widths"))
        if isinstance(first, int) and isinstance(widths, list):
            for k, w in enumerate(widths):
                w = resolve(w)
                if isinstance(w, (int, float)):
                    self.widths[first + k] = float(w)
        elif self.base_name:
            standard = _standard_widths(self.base_name)
            if standard:
                self.widths = standard
        descriptor = resolve(fdict.get("FontDescriptor"))
        if isinstance(descriptor, dict):
            missing = resolve(descriptor.get("MissingWidth"))
            if isinstance(missing, (int, float)) and missing > 0:
                self.default_width = float(missing)
        if self.subtype == "Type3":
            matrix = resolve(fdict.get("FontMatrix"))
            if isinstance(matrix, list) and matrix and isinstance(matrix[0], (int, float)):
                self.width_scale = float(matrix[0]) * 1000.0

    # -- decoding ---------------------------------------------------------------------------
    def codes(self, data: bytes) -> Iterator[tuple[int, int]]:
        """Split a shown string into ``(code, byte length)``."""
        n = len(data)
        split = self.split if self.composite else "one"
        if split == "one":
            for b in data:
                yield b, 1
            return
        if split == "two":
            for i in range(0, n - 1, 2):
                yield (data[i] << 8) | data[i + 1], 2
            return
        i = 0
        while i < n:
            length = self._code_length(data, i, split)
            length = max(1, min(length, n - i))
            yield int.from_bytes(data[i:i + length], "big"), length
            i += length

    def _code_length(self, data: bytes, i: int, split: str) -> int:
        b = data[i]
        if split == "codespace" and self.encoding_cmap is not None:
            for length in (1, 2, 3, 4):
                chunk = data[i:i + length]
                if len(chunk) < length:
                    break
                for size, lo, hi in self.encoding_cmap.codespace:
                    if size == length and all(lo[k] <= chunk[k] <= hi[k] for k in range(length)):
                        return length
            return 2 if len(self.encoding_cmap.codespace) and all(
                size == 2 for size, _, _ in self.encoding_cmap.codespace) else 1
        if split == "utf16":
            return 4 if 0xD8 <= b <= 0xDB else 2
        if split == "gb":
            if b < 0x81:
                return 1
            nxt = data[i + 1] if i + 1 < len(data) else 0
            return 4 if 0x30 <= nxt <= 0x39 else 2
        if split == "lead81":
            return 1 if b < 0x81 else 2
        if split == "sjis":
            return 2 if 0x81 <= b <= 0x9F or 0xE0 <= b <= 0xFC else 1
        return 2

    def to_unicode(self, code: int, nbytes: int) -> str | None:
        if self.tounicode is not None:
            text = self.tounicode.lookup_unicode(code, nbytes)
            if text is not None:
                return text
        if not self.composite:
            return self.simple_map[code] if 0 <= code < 256 else None
        if self.codec:
            try:
                raw = code.to_bytes(nbytes, "big")
                if self.codec == "gb-7bit":
                    return bytes(b | 0x80 for b in raw).decode("gb18030") if nbytes == 2 else None
                return raw.decode(self.codec)
            except (UnicodeDecodeError, LookupError):
                return None
        return None

    def width(self, code: int, nbytes: int) -> float:
        if self.composite:
            cid = code
            if self.encoding_cmap is not None:
                mapped = self.encoding_cmap.lookup_cid(code, nbytes)
                cid = mapped if mapped is not None else code
            elif self.codec:
                cid = -1  # predefined CMap: CIDs unknown without Adobe's tables
            w = self.widths.get(cid)
            if w is None:
                for low, high, value in self.cid_widths:
                    if low <= cid <= high:
                        return value
                if cid == -1 and nbytes == 1:
                    return self.default_width / 2  # half-width single-byte codes
                return self.default_width
            return w
        w = self.widths.get(code)
        if w is None:
            return self.default_width
        return w * self.width_scale


def _standard_widths(name: str) -> dict[int, float] | None:
    lowered = name.lower()
    if "courier" in lowered:
        return {code: 600.0 for code in range(32, 127)}
    if "helvetica" in lowered or "arial" in lowered:
        table = _HELVETICA
    elif "times" in lowered:
        table = _TIMES
    else:
        return None
    return {code: float(w) for code, w in enumerate(table, start=32)}


# Fonts often share one glyph between an ideograph and its radical form (生 and ⽣ U+2F63), and the
# ToUnicode CMap a generator writes may name the radical: Chrome/Skia does. In running text these are
# always the ideograph, so they are decoded as such (pdftotext does the same): Kangxi radicals through
# their compatibility decomposition, except ⼾ U+2F3E, whose glyph in simplified-Chinese fonts is 户
# (its decomposition is the traditional 戶); the CJK Radicals Supplement, which has no decomposition,
# through the equivalent unified ideographs below (Unicode's EquivalentUnifiedIdeograph data).
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
    table[0x2F3E] = "\u6237"  # 户
    return table


_RADICALS = _radical_table()
_RADICAL_RE = re.compile("[\u2e80-\u2ef3\u2f00-\u2fd5]")


def _unradical(text: str) -> str:
    return text.translate(_RADICALS) if _RADICAL_RE.search(text) else text


# ---------------------------------------------------------------------------------------------
# Content streams
# ---------------------------------------------------------------------------------------------

_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_EI = re.compile(rb"(?<=[\x00\t\n\x0c\r ])EI(?=[\x00\t\n\x0c\r ]|$)")


def _mul(m1: tuple, m2: tuple) -> tuple:
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def _matrix(values: Any) -> tuple | None:
    if isinstance(values, list) and len(values) == 6 and all(isinstance(v, (int, float)) for v in values):
        return tuple(float(v) for v in values)
    return None


_CONTENT_TOKEN = re.compile(
    rb"(?:[\x00\t\n\x0c\r ]+|%[^\r\n]*)+"
    rb"|(?P<num>[+-]?(?:\d+\.?\d*|\.\d+))(?![^\x00\t\n\x0c\r ()<>\[\]{}/%])"
    rb"|/(?P<name>[^\x00\t\n\x0c\r ()<>\[\]{}/%]*)"
    rb"|(?P<dopen><<)|(?P<dclose>>>)"
    rb"|(?P<hex><[^<>]*>)"
    rb"|(?P<open>\[)|(?P<close>\])"
    rb"|(?P<str>\()"
    rb"|(?P<kw>[^\x00\t\n\x0c\r ()<>\[\]{}/%]+)"
    rb"|(?P<other>.)",
    re.S,
)
_CONSTANTS = {b"true": True, b"false": False, b"null": None}


def iter_operations(data: bytes) -> Iterator[tuple[str, list[Any]]]:
    """``(operator, operands)`` pairs of a content stream; inline images are skipped.

    A flat tokenizer (one regular expression, an explicit stack for arrays and dictionaries): content
    streams are most of a PDF's bytes, and this is several times faster than the object parser.
    """
    operands: list[Any] = []
    stack: list[tuple[bool, list[Any]]] = []  # open arrays (True) and dictionaries (False)
    match = _CONTENT_TOKEN.match
    pos, end = 0, len(data)
    while pos < end:
        m = match(data, pos)
        pos = m.end()
        kind = m.lastgroup
        if kind is None:
            continue
        target = stack[-1][1] if stack else operands
        if kind == "num":
            token = m.group("num")
            target.append(float(token) if b"." in token else int(token))
        elif kind == "name":
            raw = m.group("name")
            if b"#" in raw:
                raw = _NAME_ESC_RE.sub(lambda x: bytes([int(x.group(1), 16)]), raw)
            target.append(Name(raw.decode("latin-1")))
        elif kind == "hex":
            digits = _HEX_CLEAN_RE.sub(b"", m.group("hex"))
            target.append(bytes.fromhex((digits + b"0" if len(digits) % 2 else digits).decode("ascii")))
        elif kind == "str":
            parser = Parser(data, m.start(), refs=False)
            target.append(parser._literal_string())
            pos = parser.pos
        elif kind == "open" or kind == "dopen":
            if len(stack) >= MAX_NESTING:
                raise PdfError("corrupt PDF: content nested too deeply")
            stack.append((kind == "open", []))
        elif kind == "close" or kind == "dclose":
            if stack and stack[-1][0] == (kind == "close"):
                items = stack.pop()[1]
                value: Any = items if kind == "close" else {
                    items[i]: items[i + 1] for i in range(0, len(items) - 1, 2) if isinstance(items[i], Name)
                }
                (stack[-1][1] if stack else operands).append(value)
        elif kind == "kw":
            token = m.group("kw")
            if token in _CONSTANTS:
                target.append(_CONSTANTS[token])
            elif stack:
                continue  # an operator inside an array or dictionary: malformed, skip it
            elif token == b"BI":
                parser = Parser(data, pos, refs=False)
                _skip_inline_image(parser)
                pos = parser.pos
                operands = []
            else:
                yield token.decode("latin-1"), operands
                operands = []
        if len(operands) > 4096:
            del operands[:-64]


def _skip_inline_image(parser: Parser) -> None:
    params: dict[Any, Any] = {}
    while True:
        key = parser.parse()
        if key is _EOF:
            return
        if isinstance(key, Keyword) and key == "ID":
            break
        value = parser.parse()
        if isinstance(key, Name):
            params[key] = value
    start = parser.pos + 1  # one whitespace byte after ID
    length = params.get("L", params.get("Length"))
    if isinstance(length, int) and length >= 0:
        end = start + length
        after = _WS_RE.match(parser.data, end)
        check = after.end() if after else end
        if parser.data.startswith(b"EI", check):
            parser.pos = check + 2
            return
    match = _EI.search(parser.data, start)
    parser.pos = match.end() if match else len(parser.data)


def text_string(raw: bytes) -> str:
    """A PDF text string: UTF-16BE or UTF-8 with a byte-order mark, else PDFDocEncoding (~Latin-1)."""
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    return raw.decode("latin-1")


def _replace_with_actual_text(glyphs: list["_Glyph"], start: int, actual: str) -> None:
    """Replace the glyphs drawn inside a marked-content sequence by its /ActualText."""
    first, last = glyphs[start], glyphs[-1]
    del glyphs[start:]
    if actual:
        glyphs.append(_Glyph(actual, first.ox, first.oy, last.ex, last.ey, first.size, first.dx, first.dy,
                             first.run))


class _Glyph:
    """One shown glyph: its text, origin and end point in user space, size, writing direction, and
    the text-showing operation (``run``) that drew it."""

    __slots__ = ("text", "ox", "oy", "ex", "ey", "size", "dx", "dy", "run")

    def __init__(self, text: str, ox: float, oy: float, ex: float, ey: float, size: float,
                 dx: float, dy: float, run: int):
        self.text = text
        self.ox, self.oy, self.ex, self.ey = ox, oy, ex, ey
        self.size = size
        self.dx, self.dy = dx, dy
        self.run = run


class _State:
    __slots__ = ("ctm", "font", "size", "tc", "tw", "th", "tl", "rise")

    def __init__(self) -> None:
        self.ctm = _IDENTITY
        self.font: Font | None = None
        self.size = 0.0
        self.tc = 0.0
        self.tw = 0.0
        self.th = 1.0
        self.tl = 0.0
        self.rise = 0.0

    def copy(self) -> "_State":
        other = _State()
        for name in self.__slots__:
            setattr(other, name, getattr(self, name))
        return other


_DEFAULT_FONT = Font(None, None)


class Interpreter:
    """Runs a page's content and collects its glyphs with their positions."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.fonts: dict[Any, Font] = {}
        self.operations = 0
        self.glyph_count = 0
        self.unmapped = 0
        self.runs = 0
        self._parsed: dict[Any, list[tuple[str, list[Any]]]] = {}

    def page_glyphs(self, page: dict) -> list[_Glyph]:
        glyphs: list[_Glyph] = []
        resources = self.doc.resolve(page.get("Resources"))
        contents = self.doc.resolve(page.get("Contents"))
        streams = contents if isinstance(contents, list) else [page.get("Contents")]
        pieces: list[bytes] = []
        for item in streams:
            stream = self.doc.resolve(item)
            if isinstance(stream, Stream):
                try:
                    pieces.append(self.doc.decode_stream(stream))
                except _ImageData:
                    continue
            elif item is not None and stream is None:
                self.doc.problems.append("a page's content stream is missing")
        data = b"\n".join(pieces)
        if data:
            self._run(iter_operations(data), resources if isinstance(resources, dict) else {},
                      _State(), glyphs, 0, set())
        return glyphs

    def _font(self, resources: dict, name: Any) -> Font:
        fonts = self.doc.resolve(resources.get("Font"))
        if not isinstance(fonts, dict):
            return _DEFAULT_FONT
        ref = fonts.get(name)
        key = ref if isinstance(ref, Ref) else id(ref)
        font = self.fonts.get(key)
        if font is None:
            fdict = self.doc.resolve(ref)
            font = Font(self.doc, fdict) if isinstance(fdict, dict) else _DEFAULT_FONT
            if isinstance(ref, Ref):
                self.fonts[key] = font
        return font

    def _run(self, ops: Any, resources: dict, state: _State, glyphs: list[_Glyph], depth: int,
             active: set) -> None:
        stack: list[_State] = []
        marked: list[tuple[int, str | None]] = []  # open marked content: (glyph index, ActualText)
        tm = tlm = _IDENTITY
        for op, args in ops:
            self.operations += 1
            if self.operations > MAX_OPERATORS:
                raise PdfError("PDF content is too complex (operator limit reached)")
            try:
                if op == "Tj" or op == "TJ":
                    if args:
                        shown = args[-1]
                        tm = self._show(shown if isinstance(shown, list) else [shown], state, tm, glyphs)
                elif op == "Td" or op == "TD":
                    if len(args) >= 2:
                        tx, ty = float(args[-2]), float(args[-1])
                        if op == "TD":
                            state.tl = -ty
                        tlm = _mul((1.0, 0.0, 0.0, 1.0, tx, ty), tlm)
                        tm = tlm
                elif op == "Tm":
                    m = _matrix(args[-6:])
                    if m:
                        tm = tlm = m
                elif op == "T*":
                    tlm = _mul((1.0, 0.0, 0.0, 1.0, 0.0, -state.tl), tlm)
                    tm = tlm
                elif op == "'":
                    tlm = _mul((1.0, 0.0, 0.0, 1.0, 0.0, -state.tl), tlm)
                    tm = tlm
                    if args:
                        tm = self._show([args[-1]], state, tm, glyphs)
                elif op == '"':
                    if len(args) >= 3:
                        state.tw, state.tc = float(args[-3]), float(args[-2])
                    tlm = _mul((1.0, 0.0, 0.0, 1.0, 0.0, -state.tl), tlm)
                    tm = tlm
                    if args:
                        tm = self._show([args[-1]], state, tm, glyphs)
                elif op == "BT":
                    tm = tlm = _IDENTITY
                elif op == "Tf":
                    if len(args) >= 2:
                        state.font = self._font(resources, args[-2])
                        state.size = float(args[-1])
                elif op == "Tc":
                    state.tc = float(args[-1])
                elif op == "Tw":
                    state.tw = float(args[-1])
                elif op == "Tz":
                    state.th = float(args[-1]) / 100.0
                elif op == "TL":
                    state.tl = float(args[-1])
                elif op == "Ts":
                    state.rise = float(args[-1])
                elif op == "q":
                    if len(stack) < 1024:
                        stack.append(state.copy())
                elif op == "Q":
                    if stack:
                        state = stack.pop()
                elif op == "cm":
                    m = _matrix(args[-6:])
                    if m:
                        state.ctm = _mul(m, state.ctm)
                elif op == "Do":
                    if args:
                        self._do(args[-1], resources, state, glyphs, depth, active)
                elif op == "BDC" or op == "BMC":
                    actual = self._actual_text(args[-1], resources) if op == "BDC" and args else None
                    if len(marked) < 1024:
                        marked.append((len(glyphs), actual))
                elif op == "EMC":
                    if marked:
                        start, actual = marked.pop()
                        if actual is not None and len(glyphs) > start and not any(
                            a is not None for _s, a in marked
                        ):
                            _replace_with_actual_text(glyphs, start, actual)
            except (TypeError, ValueError, IndexError, ZeroDivisionError, OverflowError):
                continue  # a malformed operator: ignore it, as viewers do
        return

    def _actual_text(self, properties: Any, resources: dict) -> str | None:
        """The /ActualText of a marked-content property list (inline or named in /Properties)."""
        if isinstance(properties, Name):
            named = self.doc.resolve(resources.get("Properties"))
            properties = self.doc.resolve(named.get(properties)) if isinstance(named, dict) else None
        if not isinstance(properties, dict):
            return None
        actual = self.doc.resolve(properties.get("ActualText"))
        return text_string(actual) if isinstance(actual, bytes) else None

    def _do(self, name: Any, resources: dict, state: _State, glyphs: list[_Glyph], depth: int,
            active: set) -> None:
        xobjects = self.doc.resolve(resources.get("XObject"))
        if not isinstance(xobjects, dict):
            return
        ref = xobjects.get(name)
        key = ref.num if isinstance(ref, Ref) else id(ref)
        if key in active or depth >= MAX_FORM_DEPTH:
            return
        form = self.doc.resolve(ref)
        if not isinstance(form, Stream) or form.dict.get("Subtype") != "Form":
            return
        ops = self._parsed.get(key)
        if ops is None:
            try:
                data = self.doc.decode_stream(form)
            except _ImageData:
                return
            ops = list(iter_operations(data))
            if isinstance(ref, Ref):
                self._parsed[key] = ops
        inner = state.copy()
        matrix = _matrix(self.doc.resolve(form.dict.get("Matrix")))
        if matrix:
            inner.ctm = _mul(matrix, inner.ctm)
        form_resources = self.doc.resolve(form.dict.get("Resources"))
        if not isinstance(form_resources, dict):
            form_resources = resources
        active.add(key)
        try:
            self._run(ops, form_resources, inner, glyphs, depth + 1, active)
        finally:
            active.discard(key)

    def _show(self, items: list[Any], state: _State, tm: tuple, glyphs: list[_Glyph]) -> tuple:
        font = state.font or _DEFAULT_FONT
        fs, tc, tw, th = state.size, state.tc, state.tw, state.th
        self.runs += 1
        run = self.runs
        m = _mul(tm, state.ctm)
        a, b, c, d, e, f = m
        size = abs(fs) * math.hypot(c, d)
        if font.vertical:
            length = math.hypot(c, d) or 1.0
            dx, dy = -c / length, -d / length
        else:
            length = math.hypot(a, b) or 1.0
            dx, dy = a / length, b / length
        pos = 0.0  # advance so far, in unscaled text space units
        for item in items:
            if isinstance(item, (int, float)):
                pos -= item / 1000.0 * fs
                continue
            if not isinstance(item, bytes):
                continue
            for code, nbytes in font.codes(item):
                text = font.to_unicode(code, nbytes)
                self.glyph_count += 1
                if text is None:
                    self.unmapped += 1
                    text = "\ufffd"
                if font.vertical:
                    advance = fs  # vertical writing: one em down per glyph (the DW2 default)
                    ox, oy = -pos * c + e, -pos * d + f
                    ex, ey = -(pos + advance) * c + e, -(pos + advance) * d + f
                else:
                    advance = font.width(code, nbytes) / 1000.0 * fs
                    x0 = pos * th
                    x1 = (pos + advance) * th
                    ox, oy = x0 * a + e, x0 * b + f
                    ex, ey = x1 * a + e, x1 * b + f
                if text and text != "\x00":
                    glyphs.append(_Glyph(text, ox, oy, ex, ey, size, dx, dy, run))
                pos += advance + tc
                if nbytes == 1 and code == 32:
                    pos += tw
        if font.vertical:
            return _mul((1.0, 0.0, 0.0, 1.0, 0.0, -pos), tm)
        return _mul((1.0, 0.0, 0.0, 1.0, pos * th, 0.0), tm)


# ---------------------------------------------------------------------------------------------
# Layout
# ---------------------------------------------------------------------------------------------

_CJK_RE = re.compile(
    r"[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    r"\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]"
)
_LINE_TOLERANCE = 0.5  # of the font size: baseline moves beyond this start a new line
_WORD_GAP = 0.15  # of the font size: a wider gap between non-CJK glyphs is a space
_CELL_GAP = 1.0  # of the font size: a wider gap next to CJK, between separate text runs, is a space
_MERGE_MARGIN = 0.3  # of the font size: text drawn later joins an earlier line this close to its span


class _Line:
    __slots__ = ("glyphs", "ref", "lo", "hi")

    def __init__(self, glyph: _Glyph):
        self.glyphs = [glyph]
        self.ref = glyph
        along = glyph.ox * glyph.dx + glyph.oy * glyph.dy
        self.lo = along
        self.hi = glyph.ex * glyph.dx + glyph.ey * glyph.dy

    def accepts(self, glyph: _Glyph) -> bool:
        ref = self.ref
        if ref.dx * glyph.dx + ref.dy * glyph.dy < 0.95:
            return False
        px, py = glyph.ox - ref.ox, glyph.oy - ref.oy
        perpendicular = abs(px * ref.dy - py * ref.dx)
        return perpendicular <= _LINE_TOLERANCE * max(ref.size, glyph.size, 1e-9)

    def overlaps(self, glyph: _Glyph) -> bool:
        """True if ``glyph`` falls within this line's span (not in the next column over)."""
        ref = self.ref
        along = glyph.ox * ref.dx + glyph.oy * ref.dy
        margin = _MERGE_MARGIN * max(ref.size, glyph.size)
        return self.lo - margin <= along <= self.hi + margin

    def add(self, glyph: _Glyph) -> None:
        self.glyphs.append(glyph)
        ref = self.ref
        self.lo = min(self.lo, glyph.ox * ref.dx + glyph.oy * ref.dy)
        self.hi = max(self.hi, glyph.ex * ref.dx + glyph.ey * ref.dy)


def layout(glyphs: list[_Glyph]) -> list[str]:
    """Group a page's glyphs (in drawing order) into visual lines and render them as text."""
    lines: list[_Line] = []
    current: _Line | None = None
    for glyph in glyphs:
        if current is not None and current.accepts(glyph):
            current.add(glyph)
            continue
        target = None
        for line in reversed(lines[-200:]):
            if line is not current and line.accepts(glyph) and line.overlaps(glyph):
                target = line
                break
        if target is not None:
            target.add(glyph)
            current = target
        else:
            current = _Line(glyph)
            lines.append(current)
    out = []
    for line in lines:
        text = _render_line(line)
        if text.strip():
            out.append(text.rstrip())
    return out


def _render_line(line: _Line) -> str:
    ref = line.ref
    dx, dy = ref.dx, ref.dy

    def along(g: _Glyph) -> float:
        return g.ox * dx + g.oy * dy

    glyphs = line.glyphs
    positions = [along(g) for g in glyphs]
    if any(positions[i + 1] < positions[i] - 0.3 * max(glyphs[i].size, 1e-9)
           for i in range(len(glyphs) - 1)):
        order = sorted(range(len(glyphs)), key=lambda i: positions[i])
        glyphs = [glyphs[i] for i in order]
    parts: list[str] = []
    previous: _Glyph | None = None
    for glyph in glyphs:
        if previous is not None:
            em = max(previous.size, glyph.size, 1e-9)
            if glyph.text == previous.text and abs(along(glyph) - along(previous)) < 0.1 * em and abs(
                (glyph.ox - previous.ox) * dy - (glyph.oy - previous.oy) * dx
            ) < 0.1 * em:
                continue  # the same glyph drawn twice (fake bold, duplicated layers)
            gap = along(glyph) - (previous.ex * dx + previous.ey * dy)
            last, first = previous.text[-1:], glyph.text[:1]
            if gap > _WORD_GAP * em and not last.isspace() and not first.isspace():
                if not (_CJK_RE.match(last) or _CJK_RE.match(first)):
                    parts.append(" ")  # a word gap between Latin letters, digits, punctuation
                elif glyph.run != previous.run and gap > _CELL_GAP * em:
                    parts.append(" ")  # separately drawn text far apart: table cells, tab stops
        parts.append(glyph.text)
        previous = glyph
    return "".join(parts)


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------


def pdf_to_text(data: bytes) -> str:
    """The text layer of a PDF: one line per visual line, pages separated by a blank line."""
    if find_header(data) < 0:
        raise PdfError("not a PDF file (no %PDF- header)")
    doc = Document(data)
    pages = doc.pages()
    if not pages:
        reason = doc.problems[0] if doc.problems else "no pages found"
        if doc.truncated:
            raise PdfError(f"truncated PDF, cannot read its pages ({reason})")
        raise PdfError(f"corrupt PDF, cannot find its pages ({reason})")
    interpreter = Interpreter(doc)
    texts: list[str] = []
    for number, page in enumerate(pages, start=1):
        before = len(doc.problems)
        try:
            lines = layout(interpreter.page_glyphs(page))
        except PdfError as exc:
            if exc.reason.startswith("PDF content is too complex"):
                raise
            doc.problems.append(exc.reason)
            lines = []
        for k in range(before, len(doc.problems)):
            doc.problems[k] = f"page {number}: {doc.problems[k]}"
        if lines:
            texts.append("\n".join(lines))
    text = _unradical("\n\n".join(texts))
    if doc.problems and (doc.truncated or not text.strip()):
        kind = "truncated" if doc.truncated else "corrupt"
        raise PdfError(f"{kind} PDF, its text cannot be read completely ({doc.problems[0]})")
    if not text.strip() or not text.replace("\ufffd", "").strip():
        if interpreter.glyph_count and interpreter.unmapped >= interpreter.glyph_count * 0.9:
            raise PdfError("PDF text uses fonts without a Unicode mapping (no /ToUnicode), cannot read it")
        raise PdfError(NO_TEXT_REASON)
    return text
