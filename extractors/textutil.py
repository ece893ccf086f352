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


def is_han(ch: str) -> bool:
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x3134F
        or o == 0x3007
    )
