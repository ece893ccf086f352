"""Text for the terminal: ``kg extract``'s mention formats and the width of CJK text in columns."""
from __future__ import annotations

import json
import unicodedata
from collections import Counter

from extractors.records import ENTITY_TYPES, Document, Mention

FORMATS = ("jsonl", "table", "summary")


def mention_json(m: Mention) -> str:
    row = {
        "doc": m.doc_id, "start": m.start, "end": m.end, "text": m.text,
        "type": m.type, "name": m.name, "id": m.entity_id, "rule": m.rule,
    }
    return json.dumps(row, ensure_ascii=False)


def display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def pad(s: str, width: int) -> str:
    return s + " " * max(0, width - display_width(s))


class MentionFormat:
    """Mentions as ``kg extract`` shows them: JSON lines, a readable table, or a summary per type.

    The caller writes what ``header()``, ``document()`` (once per document, as documents come) and
    ``footer()`` return; nothing here writes anywhere.
    """

    def __init__(self, fmt: str):
        if fmt not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}")
        self.fmt = fmt
        self.per_type: dict[str, Counter] = {t: Counter() for t in ENTITY_TYPES}
        self.documents = self.mentions = 0

    def header(self) -> str:
        if self.fmt == "table":
            return f"{pad('doc', 24)} {'start':>6} {'end':>6}  {pad('type', 11)} {pad('name', 36)} {pad('text', 30)} rule\n"
        return ""

    def document(self, doc: Document, mentions: list[Mention]) -> str:
        self.documents += 1
        self.mentions += len(mentions)
        if self.fmt == "jsonl":
            return "".join(mention_json(m) + "\n" for m in mentions)
        if self.fmt == "table":
            return "".join(
                f"{pad(m.doc_id, 24)} {m.start:>6} {m.end:>6}  {pad(m.type, 11)} {pad(m.name, 36)} {pad(m.text, 30)} {m.rule}\n"
                for m in mentions
            )
        for m in mentions:
            self.per_type[m.type][m.name] += 1
        return ""

    def footer(self) -> str:
        if self.fmt != "summary":
            return ""
        lines = [f"{self.documents} document(s), {self.mentions} mention(s)\n"]
        for t in ENTITY_TYPES:
            c = self.per_type[t]
            top = "、".join(f"{n}({k})" for n, k in sorted(c.items(), key=lambda x: (-x[1], x[0]))[:8])
            lines.append(f"{pad(t, 12)} {len(c):>5} entities {sum(c.values()):>6} mentions  {top}\n")
        return "".join(lines)
