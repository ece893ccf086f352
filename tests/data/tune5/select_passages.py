"""Draw the fifth tuning set: 26 windows of 新闻联播 transcripts from days no other set uses, 8 windows
of the government work reports and 6 of the three long reports at the top of the corpus (the 2023 and
2024 government work reports, the 20th Party Congress report), none overlapping a passage of another set.

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""
import json
import pathlib
import random
import re

root = pathlib.Path("../shared/corpus")
rng = random.Random(20261210)
data = pathlib.Path("tests/data")
used = [json.loads((data / s / "passages.json").read_text(encoding="utf-8"))
        for s in ("heldout", "heldout2", "heldout3", "tune", "tune2", "tune3", "tune4")]
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
long_reports = sorted(root.glob("0*.txt"))
rows = (draw(news, "t5", 26, lambda f: f.stem) + draw(reports, "t5gw", 8, lambda f: f.stem)
        + draw(long_reports * 1, "t5lr", 6, lambda f: f.stem[:2], per_file=4))
rows.sort(key=lambda r: r["id"])
(data / "tune5" / "passages.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
print(len(rows))
