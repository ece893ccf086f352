"""Format readers: pure functions from a file's bytes to its raw text layer.

Each module takes bytes (or decoded text) and returns text with the source's line structure kept;
none of them opens files. A problem with the content raises :class:`FormatError` with a short reason
for a person; :func:`extractors.reading.read_source` adds the file's path and turns it into a
:class:`extractors.errors.ReadError`.

This module also holds the plain-text decoding every text-based format shares: the encoding is
detected from the bytes (byte-order mark, then strict UTF-8, then strict GB18030), never guessed from
the file name.
"""
from __future__ import annotations

__all__ = ["FormatError", "decode_text", "looks_binary", "bom_encoding", "newlines"]


class FormatError(Exception):
    """The content cannot be read; ``reason`` says why, in words for the user."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# Longest marks first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

# C0 control bytes that do not occur in text (everything below 0x20 except \t \n \v \f \r, and DEL).
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\x0b\x0c\r") + b"\x7f"
_BINARY_SAMPLE = 64 * 1024
_BINARY_CONTROL_SHARE = 0.10


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``data`` declares, or None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """True for content that is not text: NUL bytes, or a high share of control characters.

    Call it only for data without a UTF-16/32 byte-order mark (those contain NUL bytes legitimately).
    """
    if b"\x00" in data:
        return True
    sample = data[:_BINARY_SAMPLE]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > _BINARY_CONTROL_SHARE


def newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``: the text layer keeps lines, never carriage returns."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode text bytes, detecting the encoding; returns ``(text, encoding)``.

    A byte-order mark decides (``utf-8-sig``, ``utf-16``, ``utf-32``); otherwise the bytes must be
    strict UTF-8 (``utf-8``) or, failing that, strict GB18030 (``gb18030``, which covers GBK and
    GB2312). Binary content and bytes neither encoding accepts raise :class:`FormatError`.
    Line breaks come back as ``\\n``.
    """
    declared = bom_encoding(data)
    if declared is not None:
        try:
            return newlines(data.decode(declared)), declared
        except UnicodeDecodeError as exc:
            raise FormatError(
                f"cannot decode as {declared.upper()} (declared by its byte-order mark): "
                f"invalid bytes at offset {exc.start}"
            ) from None
    if looks_binary(data):
        raise FormatError("binary file, not text")
    try:
        return newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return newlines(data.decode("gb18030")), "gb18030"
        except UnicodeDecodeError as gb_error:
            bad = data[utf8_error.start]
            raise FormatError(
                "cannot decode as UTF-8 (invalid byte 0x%02X at offset %d) "
                "or as GB18030 (invalid byte 0x%02X at offset %d)"
                % (bad, utf8_error.start, data[gb_error.start], gb_error.start)
            ) from None
