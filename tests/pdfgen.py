"""A tiny PDF writer for test fixtures (not a general tool: just enough to exercise the reader).

It writes valid PDFs with a Type0/Identity-H font whose /ToUnicode CMap uses every bfchar/bfrange form
(incrementing ranges, array ranges, surrogate pairs), the standard Helvetica font, FlateDecode or plain
content, classic xref tables or xref streams with object streams, incremental updates, and a few
deliberately broken variants.
"""
from __future__ import annotations

import re
import zlib

#: The Type0 font's resource name, and Helvetica's.
CJK, LATIN = b"F1", b"F2"


class Builder:
    """Collects numbered objects and writes them out with an xref table or stream."""

    def __init__(self) -> None:
        self.objects: dict[int, bytes] = {}
        self.streams: set[int] = set()
        self._next = 1

    def reserve(self) -> int:
        num = self._next
        self._next += 1
        return num

    def add(self, body: bytes, num: int | None = None) -> int:
        num = self.reserve() if num is None else num
        self.objects[num] = body
        return num

    def add_stream(self, data: bytes, extra: bytes = b"", *, compress: bool = True,
                   num: int | None = None) -> int:
        if compress:
            data = zlib.compress(data)
            extra = b"/Filter /FlateDecode " + extra
        body = b"<< " + extra + b"/Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
        num = self.add(body, num)
        self.streams.add(num)
        return num

    def build(self, root: int, *, xref: str = "table", objstm: bool = False,
              trailer_extra: bytes = b"") -> bytes:
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets: dict[int, int] = {}
        in_stream: dict[int, tuple[int, int]] = {}
        size = self._next
        if objstm:
            packed = [n for n in sorted(self.objects) if n not in self.streams]
            header, body = [], bytearray()
            for num in packed:
                header.append(b"%d %d" % (num, len(body)))
                body += self.objects[num] + b"\n"
            head = b" ".join(header) + b"\n"
            stm_num = size
            size += 1
            stm_data = zlib.compress(head + bytes(body))
            stm = (b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
                   % (len(packed), len(head), len(stm_data)) + stm_data + b"\nendstream")
            for index, num in enumerate(packed):
                in_stream[num] = (stm_num, index)
            direct = {n: b for n, b in self.objects.items() if n not in in_stream}
            direct[stm_num] = stm
        else:
            direct = dict(self.objects)
        for num in sorted(direct):
            offsets[num] = len(out)
            out += b"%d 0 obj\n" % num + direct[num] + b"\nendobj\n"
        if xref == "stream":
            xref_num = size
            size += 1
            offsets[xref_num] = len(out)
            rows = []
            for num in range(size):
                if num in offsets:
                    rows.append(bytes([1]) + offsets[num].to_bytes(4, "big") + bytes(2))
                elif num in in_stream:
                    stm_num, index = in_stream[num]
                    rows.append(bytes([2]) + stm_num.to_bytes(4, "big") + index.to_bytes(2, "big"))
                else:
                    rows.append(bytes([0]) + bytes(4) + b"\xff\xff")
            data = zlib.compress(_png_up(rows, 7))
            out += (
                b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root %d 0 R %s/Filter /FlateDecode "
                b"/DecodeParms << /Predictor 12 /Columns 7 >> /Length %d >>\nstream\n"
                % (xref_num, size, root, trailer_extra, len(data))
                + data + b"\nendstream\nendobj\n"
            )
            out += b"startxref\n%d\n%%%%EOF\n" % offsets[xref_num]
            return bytes(out)
        start = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for num in range(1, size):
            if num in offsets:
                out += b"%010d 00000 n \n" % offsets[num]
            else:
                out += b"0000000000 65535 f \n"
        out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
            size, root, trailer_extra, start)
        return bytes(out)


def _png_up(rows: list[bytes], columns: int) -> bytes:
    """Encode rows with the PNG "Up" predictor (type 2), as real xref streams often are."""
    out = bytearray()
    previous = bytes(columns)
    for row in rows:
        out.append(2)
        out += bytes((row[i] - previous[i]) & 0xFF for i in range(columns))
        previous = row
    return bytes(out)


# ---------------------------------------------------------------------------------------------
# Fonts
# ---------------------------------------------------------------------------------------------


class CidFont:
    """A Type0 font with Identity-H encoding; CIDs are assigned so the ToUnicode CMap needs
    an incrementing bfrange (digits), bfchar entries and an array-form bfrange."""

    def __init__(self, text: str):
        chars = sorted(set(text) - set("0123456789") - {"\n"})
        self.cid: dict[str, int] = {str(d): 1 + d for d in range(10)}
        half = len(chars) // 2
        self.single = chars[:half]
        self.array = chars[half:]
        for i, ch in enumerate(self.single):
            self.cid[ch] = 0x100 + i
        for i, ch in enumerate(self.array):
            self.cid[ch] = 0x400 + i

    def encode(self, text: str) -> bytes:
        """A hex string operand showing ``text``."""
        return b"<" + b"".join(b"%04X" % self.cid[ch] for ch in text) + b">"

    def tounicode(self) -> bytes:
        def utf16(ch: str) -> bytes:
            return b"<" + ch.encode("utf-16-be").hex().upper().encode() + b">"

        lines = [
            b"/CIDInit /ProcSet findresource begin",
            b"12 dict begin",
            b"begincmap",
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            b"/CMapName /Adobe-Identity-UCS def",
            b"/CMapType 2 def",
            b"1 begincodespacerange",
            b"<0000> <FFFF>",
            b"endcodespacerange",
            b"1 beginbfrange",
            b"<0001> <000A> <0030>",
            b"endbfrange",
        ]
        if self.single:
            lines.append(b"%d beginbfchar" % len(self.single))
            lines += [b"<%04X> " % self.cid[ch] + utf16(ch) for ch in self.single]
            lines.append(b"endbfchar")
        if self.array:
            lines.append(b"1 beginbfrange")
            lines.append(b"<0400> <%04X> [" % (0x400 + len(self.array) - 1)
                         + b" ".join(utf16(ch) for ch in self.array) + b"]")
            lines.append(b"endbfrange")
        lines += [b"endcmap", b"CMapName currentdict /CMap defineresource pop", b"end", b"end"]
        return b"\n".join(lines) + b"\n"

    def add_to(self, builder: Builder, *, compress: bool = True) -> int:
        tounicode = builder.add_stream(self.tounicode(), compress=compress)
        widths = b" ".join(b"500" for _ in range(10))
        descendant = builder.add(
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            b"/DW 1000 /W [1 [" + widths + b"]] >>"
        )
        return builder.add(
            b"<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding /Identity-H "
            b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (descendant, tounicode)
        )


def helvetica(builder: Builder) -> int:
    return builder.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")


# ---------------------------------------------------------------------------------------------
# Content
# ---------------------------------------------------------------------------------------------


def text_lines(font: CidFont, lines: list[str], *, size: int = 12, tj_kern: int | None = None) -> bytes:
    """Content drawing ``lines`` top-down with the Type0 font; ASCII letters use Helvetica.

    With ``tj_kern``, each CJK run is drawn as a TJ array with that adjustment between glyphs.
    """
    ops = [b"BT", b"%d TL" % (size * 3 // 2), b"72 720 Td"]
    for number, line in enumerate(lines):
        if number:
            ops.append(b"T*")
        for run, latin in _runs(line):
            if latin:
                ops.append(b"/%s %d Tf (%s) Tj" % (LATIN, size, run.encode("latin-1")))
            elif tj_kern is None:
                ops.append(b"/%s %d Tf %s Tj" % (CJK, size, font.encode(run)))
            else:
                parts = b" %d " % tj_kern
                ops.append(b"/%s %d Tf [%s] TJ" % (CJK, size, parts.join(font.encode(ch) for ch in run)))
    ops.append(b"ET")
    return b"\n".join(ops) + b"\n"


def _runs(line: str) -> list[tuple[str, bool]]:
    return [(m.group(0), bool(m.group(1))) for m in re.finditer(r"([A-Za-z ,.()]+)|([^A-Za-z ,.()]+)", line)]


def resources(font_num: int, latin_num: int, extra: bytes = b"") -> bytes:
    return b"<< /Font << /%s %d 0 R /%s %d 0 R >> %s>>" % (CJK, font_num, LATIN, latin_num, extra)


def document(pages: list[list[str]], *, compress: bool = True, xref: str = "table",
             objstm: bool = False, tj_kern: int | None = None, trailer_extra: bytes = b"",
             content_array: bool = False, inherit_resources: bool = True) -> bytes:
    """A PDF with one page per list of lines, drawn with the Type0 (and Helvetica) font."""
    builder = Builder()
    font = CidFont("".join("".join(page) for page in pages))
    font_num = font.add_to(builder, compress=compress)
    latin = helvetica(builder)
    pages_num = builder.reserve()
    kids = []
    res = resources(font_num, latin)
    for lines in pages:
        content = text_lines(font, lines, tj_kern=tj_kern)
        if content_array:  # split mid-way, even inside BT/ET: the pieces are one content stream
            middle = len(content) // 2
            while content[middle:middle + 1] not in b"\n":
                middle += 1
            first = builder.add_stream(content[:middle], compress=compress)
            second = builder.add_stream(content[middle:], compress=compress)
            contents = b"[%d 0 R %d 0 R]" % (first, second)
        else:
            contents = b"%d 0 R" % builder.add_stream(content, compress=compress)
        own = b"" if inherit_resources else b"/Resources " + res
        kids.append(builder.add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %s %s>>"
            % (pages_num, contents, own)
        ))
    inherited = b"/Resources " + res if inherit_resources else b""
    builder.add(
        b"<< /Type /Pages /Kids [%s] /Count %d %s>>"
        % (b" ".join(b"%d 0 R" % k for k in kids), len(kids), inherited),
        pages_num,
    )
    catalog = builder.add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_num)
    return builder.build(catalog, xref=xref, objstm=objstm, trailer_extra=trailer_extra)


def cid_page_pdf(font: CidFont, content: bytes) -> bytes:
    """One page whose raw ``content`` uses ``font`` as /F1 (and Helvetica as /F2)."""
    builder = Builder()
    font_num = font.add_to(builder)
    latin = helvetica(builder)
    content_num = builder.add_stream(content)
    pages_num = builder.reserve()
    page = builder.add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources %s >>"
                       % (pages_num, content_num, resources(font_num, latin)))
    builder.add(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page, pages_num)
    return builder.build(builder.add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_num))


def append_update(pdf: bytes, objects: dict[int, bytes], *, size: int, root: int) -> bytes:
    """An incremental update: new versions of ``objects`` and an xref section pointing back (/Prev)."""
    prev = int(re.findall(rb"startxref\s+(\d+)", pdf)[-1])
    out = bytearray(pdf)
    offsets = {}
    for num, body in sorted(objects.items()):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    start = len(out)
    out += b"xref\n"
    for num, offset in sorted(offsets.items()):
        out += b"%d 1\n%010d 00000 n \n" % (num, offset)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
        max(size, max(objects) + 1), root, prev, start)
    return bytes(out)


def stream_body(data: bytes, *, compress: bool = True) -> bytes:
    """The body of a stream object (for :func:`append_update`)."""
    if compress:
        data = zlib.compress(data)
        return b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def raw_page_pdf(
    content: bytes,
    *,
    page_resources: bytes = b"<< >>",
    extra_objects: dict[int, bytes] | None = None,
    stream_objects: dict[int, tuple[bytes, bytes]] | None = None,
    filter_: bytes = b"",
) -> bytes:
    """One page whose content stream is ``content`` as given (uncompressed unless ``filter_``).

    Objects 1-3 are the catalog, pages and page; 4 is the content; extra objects start at 5.
    ``stream_objects`` maps a number to (dictionary entries, data).
    """
    builder = Builder()
    builder.add(b"<< /Type /Catalog /Pages 2 0 R >>", 1)
    builder.add(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", 2)
    builder.add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources %s >>"
                % page_resources, 3)
    body = b"<< %s/Length %d >>\nstream\n" % (filter_, len(content)) + content + b"\nendstream"
    builder.add(body, 4)
    builder.streams.add(4)
    builder._next = 5
    for num, obj in sorted((extra_objects or {}).items()):
        builder.add(obj, num)
    for num, (entries, data) in sorted((stream_objects or {}).items()):
        builder.add(b"<< %s/Length %d >>\nstream\n" % (entries, len(data)) + data + b"\nendstream", num)
        builder.streams.add(num)
    builder._next = max(builder.objects) + 1
    return builder.build(1)


def lzw_encode(data: bytes) -> bytes:
    """LZWDecode-compatible encoding (EarlyChange 1, MSB-first codes, clear code at the start)."""
    codes: list[tuple[int, int]] = []
    table: dict[bytes, int] = {}

    def reset() -> int:
        table.clear()
        table.update({bytes([i]): i for i in range(256)})
        return 258

    next_code = reset()
    width = 9
    codes.append((256, width))
    current = b""
    for byte in data:
        candidate = current + bytes([byte])
        if candidate in table:
            current = candidate
            continue
        codes.append((table[current], width))
        table[candidate] = next_code
        next_code += 1
        if next_code + 1 > (1 << width) and width < 12:
            width += 1
        if next_code >= 4093:
            codes.append((256, width))
            next_code, width = reset(), 9
        current = bytes([byte])
    if current:
        codes.append((table[current], width))
    codes.append((257, width))
    bits = "".join(format(code, f"0{size}b") for code, size in codes)
    bits += "0" * (-len(bits) % 8)
    return int(bits, 2).to_bytes(len(bits) // 8, "big")
