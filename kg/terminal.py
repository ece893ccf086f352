"""Terminal output of ``kg extract``: JSON lines, a readable table, or a summary per type."""
from __future__ import annotations

import json
import unicodedata
from collections import Counter
from typing import Iterable, TextIO

from extractors.errors import ReadError
from extractors.records import ENTITY_TYPES, Document, Mention


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


def write_mentions(results: Iterable[tuple[Document, list[Mention]] | ReadError], fmt: str, out: TextIO) -> list[ReadError]:
    """Write mentions as they come; return the files that were skipped."""
    skipped: list[ReadError] = []
    per_type: dict[str, Counter] = {t: Counter() for t in ENTITY_TYPES}
    docs = mentions = 0
    if fmt == "table":
        out.write(f"{pad('doc', 24)} {'start':>6} {'end':>6}  {pad('type', 11)} {pad('name', 36)} {pad('text', 30)} rule\n")
    for item in results:
        if isinstance(item, ReadError):
            skipped.append(item)
            continue
        doc, ms = item
        docs += 1
        mentions += len(ms)
        for m in ms:
            if fmt == "jsonl":
                out.write(mention_json(m) + "\n")
            elif fmt == "table":
                out.write(
                    f"{pad(m.doc_id, 24)} {m.start:>6} {m.end:>6}  {pad(m.type, 11)} {pad(m.name, 36)} "
                    f"{pad(m.text, 30)} {m.rule}\n"
                )
            else:
                per_type[m.type][m.name] += 1
    if fmt == "summary":
        out.write(f"{docs} document(s), {mentions} mention(s)\n")
        for t in ENTITY_TYPES:
            c = per_type[t]
            top = "、".join(f"{n}({k})" for n, k in sorted(c.items(), key=lambda x: (-x[1], x[0]))[:8])
            out.write(f"{pad(t, 12)} {len(c):>5} entities {sum(c.values()):>6} mentions  {top}\n")
    return skipped
