"""Character classes shared by the normaliser, the segmenter and the rules."""
from __future__ import annotations

#: Han characters (CJK Unified Ideographs, Extension A, compatibility ideographs, 〇, and the
#: supplementary planes' extensions), as a regex character-class body.
HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

#: Full-width and CJK punctuation, as a regex character-class body.
CJK_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"

#: Either of the above: the characters around which spaces are PDF residue.
CJK = HAN + CJK_PUNCT

#: Sentence-final punctuation.
SENTENCE_END = "。！？；!?;"

#: Characters a line may end with when it ends a paragraph (closing quotes and brackets included).
LINE_END = "。！？；!?;：:…”’」』）)】"


#: The characters that join the items of a list (科技、教育; 失业和工伤保险; 丝绸之路经济带和21世纪海上丝绸之路).
LIST_JOINS = frozenset("、和与及")


def word_bounds(words, start: int = 0) -> set[int]:
    """The offsets where the segmented ``words`` of a text that starts at ``start`` begin and end."""
    bounds, at = {start}, start
    for word in words:
        at += len(word)
        bounds.add(at)
    return bounds


def is_han(ch: str) -> bool:
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x3134F
        or o == 0x3007
    )


def codepoints(text: str):
    """The code points of ``text`` as a numpy uint64 array (room to pack or hash several)."""
    import numpy as np

    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)


def repeated_runs(text: str, *, min_unit: int = 4, max_unit: int = 40, copies: int = 3) -> list[tuple[int, int, int]]:
    """Runs where a unit of ``min_unit``..``max_unit`` characters is written ``copies`` or more
    times in a row (a headline a PDF printed three or four times to fake bold type).

    Returns ``(start, unit_length, end)`` for each maximal run, in text order. Found with
    vectorised comparisons (numpy, which pandas brings), since a backreference regex such as
    ``(.{4,40}?)\\1\\1`` costs dozens of attempts at every position of the text.
    """
    import numpy as np

    n = len(text)
    if n < min_unit * copies:
        return []
    a = codepoints(text)
    # a rolling hash of min_unit characters: equal units have equal hashes
    h = np.zeros(n - min_unit + 1, dtype=np.uint64)
    for k in range(min_unit):
        h = h * np.uint64(1_000_003) + a[k : n - min_unit + 1 + k]
    found: dict[int, tuple[int, int, int]] = {}
    covered = bytearray(n)  # inside a run already found
    for unit in range(min_unit, max_unit + 1):
        span = unit * (copies - 1)
        if len(h) <= span:
            break
        same = h[: len(h) - unit] == h[unit:]
        ok = same[: len(same) - unit] & same[unit:] if copies >= 3 else same
        for i in np.flatnonzero(ok).tolist():
            if covered[i]:
                continue
            piece = text[i : i + unit]
            if text[i + unit : i + unit * copies] != piece * (copies - 1) or "\n" in piece:
                continue
            end = i + unit * copies
            while text[end : end + unit] == piece:
                end += unit
            found[i] = (i, unit, end)
            covered[i:end] = b"\1" * (end - i)
    # keep maximal runs, earliest first
    out: list[tuple[int, int, int]] = []
    for s, u, e in sorted(found.values()):
        if out and s < out[-1][2]:
            continue
        out.append((s, u, e))
    return out
