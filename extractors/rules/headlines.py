"""Headlines that name an article: a headline line followed by its byline is a Document.

…路径 / 宋德雄: the line before a line of names; also in running text where a PDF printed the
headline several times before the name (路径路径路径宋德雄). Runs after the other rules, on the
accepted candidates of one document.
"""
from __future__ import annotations

import re

from extractors.rules.base import Candidate
from extractors.rules.persons import TITLES
from extractors.textutil import HAN

_HEADLINE = re.compile(rf"[{HAN}A-Za-z0-9“”‘’：:，,、—\-+·（）()《》 ]{{4,40}}")
_NOT_HEADLINE = re.compile(
    rf"^(?:[（(]|来源|信息来源|作者|文章|期刊|评荐|摘要|关键词|网址|编写|【|-|——|(?:19|20)\d\d年|[一二三四五六七八九十]+、)|(?:{TITLES})$"
)


def find_headlines(text: str, accepted: list[Candidate], runs: list[tuple[int, int, int]]) -> list[Candidate]:
    """A headline followed by its byline (…路径 / 宋德雄) names an article: a Document.

    Also in running text where a PDF printed the headline several times before the name
    (路径路径路径宋德雄)."""
    people = [c for c in accepted if c.type == "Person"]
    if not people:
        return accepted
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    out = list(accepted)
    covered = bytearray(len(text))
    for c in accepted:
        covered[c.start : c.end] = b"\1" * c.length
    for (h0, h1), (b0, b1) in zip(lines, lines[1:]):
        head = text[h0:h1]
        if not _HEADLINE.fullmatch(head) or _NOT_HEADLINE.search(head) or re.search("[。！？；]", head) or head.endswith(("：", ":")):
            continue
        in_byline = [c for c in people if b0 <= c.start and c.end <= b1]
        rest = text[b0:b1]
        for c in sorted(in_byline, key=lambda c: -c.start):
            rest = rest[: c.start - b0] + rest[c.end - b0 :]
        if not in_byline or re.sub(r"[◎○、 ]", "", rest):
            continue
        s, e = h0, h1
        while s < e and text[s] in "◎○★-— ":
            s += 1
        if any(covered[s:e]) and all(covered[s:e]):
            continue
        inner = [c for c in out if s <= c.start and c.end <= e]
        for c in inner:
            out.remove(c)
        out.append(Candidate(s, e, "Document", text[s:e], "rule:headline"))
    for s, unit, run_end in runs:
        after = [c for c in people if c.start == run_end]
        e = s + unit
        if after and not any(c.start < e and s < c.end and c.type == "Document" for c in out):
            out = [c for c in out if not (s <= c.start and c.end <= run_end)]
            out.append(Candidate(s, e, "Document", text[s:e], "rule:headline"))
    return sorted(out, key=lambda c: (c.start, c.end))
