"""Draw the sixth tuning set: 30 windows of 新闻联播 transcripts from days no other set uses and 10 windows
of the government work reports, none overlapping a passage of another set.

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""
import json
import pathlib
import random
import re

root = pathlib.Path("../shared/corpus")
rng = random.Random(20261211)
data = pathlib.Path("tests/data")
used = [json.loads((data / s / "passages.json").read_text(encoding="utf-8"))
        for s in ("heldout", "heldout2", "heldout3", "tune", "tune2", "tune3", "tune4", "tune5")]
used_days = {p["source"] for rows in used for p in rows if p["source"].startswith("xwlb/")}
used_text = [p["text"] for rows in used for p in rows]


def windows(line):
    ends = [m.end() for m in re.finditer(r"[。！？；]”?", line)]
    return [(s, e) for s in [0] + ends for e in ends if 200 <= e - s <= 350]


def draw(files, prefix, n, stem, per_file=1):
    rows = []
    for f in files:
        lines = f.read_text(encoding="utf-8").split("\n")
        cands = [(i, s, e) for i, line in enumerate(lines)
                 if not (line.startswith("#") or "查看原文" in line or "http" in line)
                 for s, e in windows(line)]
        for _ in range(per_file):
            cands = [(i, s, e) for i, s, e in cands
                     if not any(lines[i][s:e][:40] in t or t[:40] in lines[i][s:e] for t in used_text)]
            if not cands:
                break
            i, s, e = rng.choice(cands)
            text = lines[i][s:e].replace("**", "").lstrip("\u3000 ")
            used_text.append(text)
            rows.append({"id": f"{prefix}-{stem(f)}-{i + 1}" if per_file > 1 else f"{prefix}-{stem(f)}",
                         "source": f"{f.parent.name}/{f.name}", "line": i + 1, "text": text})
            if len(rows) == n:
                return rows
    return rows


news = [f for f in sorted((root / "xwlb").glob("*.md")) if f"xwlb/{f.name}" not in used_days]
rng.shuffle(news)
reports = sorted((root / "gwr").glob("*.txt"))
rng.shuffle(reports)
rows = draw(news, "t6", 30, lambda f: f.stem) + draw(reports, "t6gw", 10, lambda f: f.stem)
rows.sort(key=lambda r: r["id"])
(data / "tune6" / "passages.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
print(len(rows))
