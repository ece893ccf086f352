"""Format readers: pure functions from a file's bytes to its raw text layer.

Each module takes bytes (or decoded text) and returns text with the source's line structure kept;
none of them opens files. A problem with the content raises :class:`FormatError` with a short reason
for a person; :func:`extractors.reading.read_source` adds the file's path and turns it into a
:class:`extractors.errors.ReadError`. What a reader found worth telling without refusing the file
(an encoding it had to guess, characters it removed) goes into the ``warnings`` of its result.

This module also holds what every text-based format shares:

- :func:`decode_text`: the encoding is detected from the bytes, never from the file name: a byte-order
  mark decides; else the bytes are UTF-8 (the fast path: one strict decode, nearly every file); else
  ``charset-normalizer`` tells GB18030/GBK, Big5 and UTF-16/32 without a byte-order mark apart, on a
  sample of the file. A guess it cannot make with confidence is said in a warning.
- :func:`clean_text`: characters that are never text are taken out of every format's text layer and
  counted: control characters (NUL and the like), bidirectional controls (which can make text read
  differently from how it is stored), unpaired surrogates; line and paragraph separators become
  line breaks.
"""
from __future__ import annotations

import codecs
import re
from typing import NamedTuple

__all__ = [
    "FormatError",
    "Extracted",
    "decode_text",
    "clean_text",
    "looks_binary",
    "looks_binary_text",
    "bom_encoding",
    "newlines",
    "BINARY_REASON",
]

BINARY_REASON = "binary file, not text"


class FormatError(Exception):
    """The content cannot be read; ``reason`` says why, in words for the user."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class Extracted(NamedTuple):
    """What a format reader gives back: the text layer, the encoding it was decoded from ("" for
    binary containers), warnings for the user, and metadata as ``(key, raw value)`` pairs."""

    text: str
    encoding: str = ""
    warnings: tuple[str, ...] = ()
    meta: tuple[tuple[str, str], ...] = ()


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
_BINARY_SHARE = 0.10  # more control characters (or undecodable bytes) than this: not text
_BINARY_MIN = 8  # ... and at least this many (a NUL in a short note does not make it binary)
_DAMAGE_SHARE = 0.01  # more undecodable sequences than this (of the non-ASCII characters): wrong encoding
_DETECT_SAMPLE = 1024 * 1024  # bytes charset-normalizer looks at

# The encodings a guess is reported as (Python codec names, as Source.encoding gives them), and the
# codec that decodes each: GB2312 and GBK are subsets of GB18030; Big5 is decoded as Big5-HKSCS, its
# superset (Hong Kong characters), when plain Big5 cannot.
_FAMILY = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "hz": "gb18030",
    "big5": "big5", "cp950": "big5", "big5hkscs": "big5",
}
_PREFERRED = ("gb18030", "big5", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
_DISPLAY = {"gb18030": "GB18030", "big5": "Big5", "utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE",
            "utf-32-le": "UTF-32 LE", "utf-32-be": "UTF-32 BE"}


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``data`` declares, or None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any single-byte-based encoding: many control bytes.

    Call it only for data without a UTF-16/32 byte-order mark (those contain NUL bytes legitimately).
    """
    sample = data[:_BINARY_SAMPLE]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > _BINARY_SHARE


_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")


def newlines(text: str) -> str:
    """Line breaks become ``\\n``: ``\\r\\n`` and lone ``\\r``, vertical tab and form feed (a page
    break), NEL, and the Unicode line and paragraph separators U+2028/U+2029."""
    if "\r" not in text and not _LINE_BREAKS.search(text):
        return text
    return _LINE_BREAKS.sub("\n", text)


# Never text: C0 controls but tab and newline, DEL, C1 controls, non-characters; bidirectional
# controls (embeddings, overrides, isolates, marks); unpaired surrogates.
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufdd0-\ufdef\ufffe\uffff"
                       "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def clean_text(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` with line breaks made ``\\n`` (:func:`newlines`) and the characters that are never
    text taken out, and a warning for each kind removed: control characters are dropped,
    bidirectional controls are dropped, unpaired surrogates become U+FFFD."""
    text = newlines(text)
    if not _NOT_TEXT.search(text):
        return text, ()
    counts = {"control": 0, "bidi": 0, "surrogate": 0}

    def fix(match: re.Match[str]) -> str:
        ch = match.group()
        if ch in _BIDI:
            counts["bidi"] += 1
            return ""
        if "\ud800" <= ch <= "\udfff":
            counts["surrogate"] += 1
            return "\ufffd"
        counts["control"] += 1
        return ""

    text = _NOT_TEXT.sub(fix, text)
    warnings = []
    if counts["control"]:
        warnings.append(_count(counts["control"], "control character") + " removed")
    if counts["bidi"]:
        warnings.append(_count(counts["bidi"], "bidirectional control character") + " removed")
    if counts["surrogate"]:
        warnings.append(_count(counts["surrogate"], "unpaired surrogate") + " replaced with U+FFFD")
    return text, tuple(warnings)


def _count(n: int, what: str) -> str:
    return f"{n} {what}" + ("" if n == 1 else "s")


def decode_text(data: bytes) -> Extracted:
    """Decode text bytes, detecting the encoding; returns ``Extracted(text, encoding, warnings)``.

    In order: a byte-order mark (``utf-8-sig``, ``utf-16``, ``utf-32``); strict UTF-8 (``utf-8``);
    UTF-8 with a few damaged bytes; the encoding charset-normalizer finds (``gb18030`` for
    GB2312/GBK/GB18030, ``big5``, ``utf-16-le`` …); last, the Chinese or UTF-16 reading with the
    fewest undecodable bytes, if they are few. Undecodable sequences become U+FFFD and a weak guess is
    said, in warnings. Binary content and bytes no encoding fits raise :class:`FormatError`.
    Line breaks come back as ``\\n``; nothing else is changed here (see :func:`clean_text`).
    """
    declared = bom_encoding(data)
    if declared is not None:
        result = _decode_declared(data, declared)
    else:
        try:
            result = Extracted(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError as utf8_error:
            result = _detect(data, utf8_error)
    if looks_binary_text(result.text):
        raise FormatError(BINARY_REASON)
    return result._replace(text=newlines(result.text))


def _detect(data: bytes, utf8_error: UnicodeDecodeError) -> Extracted:
    text, bad = _decode_replacing(data, "utf-8")
    good = _non_ascii(text) - bad  # multi-byte characters that did decode: evidence for UTF-8
    if good > 0 and bad <= max(1, _DAMAGE_SHARE * good):
        # UTF-8 with a few damaged bytes (a file cut mid-character, a corrupted byte): other
        # encodings fail as UTF-8 at nearly every non-ASCII character
        return Extracted(text, "utf-8", (_count(bad, "undecodable byte sequence") + " replaced with U+FFFD",))
    found = _guess(data, single_byte=good == 0) or _least_damaged(data)
    nuls = data.count(b"\x00")
    if found is not None:
        if nuls > 1 and nuls > 0.01 * len(data) and not found.encoding.startswith("utf-"):
            raise FormatError(BINARY_REASON)  # NUL bytes are text only in UTF-16 and UTF-32
        return found
    if nuls or looks_binary(data):
        raise FormatError(BINARY_REASON)
    utf8 = "invalid byte 0x%02X at offset %d" % (data[utf8_error.start], utf8_error.start)
    try:
        data.decode("gb18030")
    except UnicodeDecodeError as gb_error:
        gb18030 = "invalid byte 0x%02X at offset %d" % (data[gb_error.start], gb_error.start)
    else:
        gb18030 = "it decodes, but to characters that are not text"
    raise FormatError(f"cannot decode as UTF-8 ({utf8}) or as GB18030 ({gb18030}), nor in another "
                      "encoding; save it as UTF-8")


_PLAUSIBLE = re.compile("[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u3400-\u4dbf"
                        "\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\ufffd\U00020000-\U0003134f]")


def _plausible(text: str) -> bool:
    """Whether a last-resort decoding reads as text: nine in ten characters are ASCII, Latin-1,
    general or CJK punctuation, or Han (UTF-16 decodes any even number of bytes, mostly to nonsense)."""
    sample = text[:_BINARY_SAMPLE]
    return bool(sample) and len(_PLAUSIBLE.findall(sample)) >= 0.9 * len(sample)


def looks_binary_text(text: str) -> bool:
    """True for decoded text that is mostly control characters or undecodable bytes: binary content."""
    sample = text[:_BINARY_SAMPLE]
    if not sample:
        return False
    junk = len(_NOT_TEXT.findall(sample)) + sample.count("\ufffd")
    return junk >= _BINARY_MIN and junk / len(sample) > _BINARY_SHARE


def _decode_replacing(data: bytes, encoding: str) -> tuple[str, int]:
    """Decode with undecodable sequences replaced by U+FFFD; also how many were replaced (each
    adds one U+FFFD that ``ignore`` does not, whatever U+FFFD the file itself holds)."""
    text = data.decode(encoding, "replace")
    return text, len(text) - len(data.decode(encoding, "ignore"))


def _decode_declared(data: bytes, encoding: str) -> Extracted:
    text, bad = _decode_replacing(data, encoding)
    if bad and bad > max(3, _DAMAGE_SHARE * len(text)):
        try:
            data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise FormatError(
                f"cannot decode as {encoding.upper()} (declared by its byte-order mark): "
                f"invalid bytes at offset {exc.start}"
            ) from None
    warnings = (_count(bad, "undecodable sequence") + " replaced with U+FFFD",) if bad else ()
    return Extracted(text, encoding, warnings)


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def _guess(data: bytes, *, single_byte: bool) -> Extracted | None:
    """The encoding charset-normalizer finds for ``data`` (on a sample), or None.

    ``single_byte``: whether a single-byte reading (Latin-1, Cyrillic …) may be chosen; not for bytes
    that hold valid UTF-8 sequences, which such a reading turns into mojibake.
    """
    from charset_normalizer import from_bytes

    matches = None
    sample = data[:_DETECT_SAMPLE]
    # a sample cut inside a multi-byte character fails every decoder: cut up to three bytes more
    for cut in range(4 if len(data) > _DETECT_SAMPLE else 1):
        matches = list(from_bytes(sample[: len(sample) - cut] if cut else sample))
        if matches:
            break
    if not matches:
        return None
    names = [_codec_name(match.encoding) for match in matches]
    chosen = names[0]
    weak = len(set(names)) > 1 or matches[0].chaos > 0.1
    if chosen not in _PREFERRED:
        # Chinese text is what this tool reads: a Chinese or Unicode reading the detector also found
        # wins over, say, Korean or Latin-1 for a short or ambiguous sample
        preferred = [name for name in names if name in _PREFERRED]
        if preferred:
            chosen, weak = preferred[0], True
        elif not single_byte and _is_single_byte(chosen):
            return None
    if chosen.startswith(_JAPANESE) and _HALFWIDTH_KANA.search(sample.decode(chosen, "replace")):
        # half-width katakana, which no Japanese prose of today is written in, is a Chinese text read
        # as Shift-JIS (a short Big5 sample can pass as both): a Chinese reading that decodes wins
        chinese = [name for name in ("gb18030", "big5") if _decodes(sample, name)]
        if chinese:
            chosen, weak = _gb_or_big5(sample, chinese[0]) if len(chinese) == 2 else chinese[0], True
    if weak and chosen in ("gb18030", "big5"):
        chosen = _gb_or_big5(sample, chosen)
    text, encoding, damage = _decode_with(data, chosen)
    if damage > max(3, _DAMAGE_SHARE * max(1, _non_ascii(text))):
        return None
    if encoding.startswith("utf-") and not _plausible(text):
        return None  # UTF-16 reads any even number of bytes
    warnings = []
    if weak:
        warnings.append(f"encoding guessed as {_DISPLAY.get(encoding, encoding)} (weak guess)")
    if damage:
        warnings.append(_count(damage, "undecodable byte sequence") + " replaced with U+FFFD")
    return Extracted(text, encoding, tuple(warnings))


_JAPANESE = ("cp932", "shift_jis", "euc_j", "iso2022_jp")  # and their variants (shift_jis_2004, euc_jisx0213 …)
_HALFWIDTH_KANA = re.compile("[\uff61-\uff9f]")
_NOT_CHINESE = re.compile("[\ue000-\uf8ff\u3040-\u30ff\uff61-\uff9f]")


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _gb_or_big5(sample: bytes, detected: str) -> str:
    """For a short or ambiguous sample, whichever of GB18030 and Big5 gives more of the hundred most
    frequent Chinese characters (most of them written alike in both scripts) and fewer characters no
    Chinese text holds (private use, kana): the other reading of the same bytes is rare characters. A
    tie keeps the detector's choice."""
    from charset_normalizer.constant import FREQUENCIES

    common = frozenset(FREQUENCIES.get("Chinese", ()))
    scores = {}
    for encoding in ("gb18030", "big5"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            scores[encoding] = -1
            continue
        # characters no Chinese text holds (private use, kana) count against the reading
        scores[encoding] = sum(1 for ch in text if ch in common) - len(_NOT_CHINESE.findall(text))
    other = "big5" if detected == "gb18030" else "gb18030"
    return other if scores[other] > scores[detected] else detected


def _least_damaged(data: bytes) -> Extracted | None:
    """The Chinese or UTF-16 reading of ``data`` with the fewest undecodable sequences, if they are
    few (a GBK file with one corrupted byte, UTF-16 with an unpaired surrogate); else None."""
    best: tuple[int, str, str] | None = None
    for encoding in ("gb18030", "big5", "utf-16-le", "utf-16-be"):
        text, decoded_as, damage = _decode_with(data, encoding)
        if _plausible(text) and (best is None or damage < best[0]):
            best = (damage, text, decoded_as)
    if best is None:
        return None
    damage, text, encoding = best
    if damage > max(1, _DAMAGE_SHARE * _non_ascii(text)) or not _plausible(text) or looks_binary_text(text):
        return None
    warnings = [f"encoding guessed as {_DISPLAY.get(encoding, encoding)} (weak guess)"]
    if damage:
        warnings.append(_count(damage, "undecodable byte sequence") + " replaced with U+FFFD")
    return Extracted(text, encoding, tuple(warnings))


def _is_single_byte(encoding: str) -> bool:
    """Latin-1, Cyrillic, Greek …: one byte a character (a Chinese character cannot be written)."""
    return len("\u00e9\u4e2d".encode(encoding, "replace")) == 2


def _codec_name(name: str) -> str:
    name = codecs.lookup(name).name
    return _FAMILY.get(name, name)


def _decode_with(data: bytes, encoding: str) -> tuple[str, str, int]:
    """Decode ``data`` with ``encoding`` (Big5 also as Big5-HKSCS); returns text, encoding, how many
    undecodable sequences were replaced."""
    codecs_to_try = ("big5", "cp950", "big5hkscs") if encoding == "big5" else (encoding,)
    for codec in codecs_to_try:
        try:
            return data.decode(codec), codec, 0
        except UnicodeDecodeError:
            continue
    text, bad = _decode_replacing(data, codecs_to_try[-1])
    return text, codecs_to_try[-1], bad
