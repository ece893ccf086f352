"""Draw the second tuning set: 25 windows of 新闻联播 transcripts from days no other set uses, and 15
windows of the government work reports that overlap no held-out set 2 passage.

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""
import json
import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import windows  # noqa: E402

root = pathlib.Path("../shared/corpus")
rng = random.Random(20261206)
data = pathlib.Path("tests/data")
used = [json.loads((data / s / "passages.json").read_text(encoding="utf-8")) for s in ("heldout2", "tune")]
held_days = {p["source"] for rows in used for p in rows if p["source"].startswith("xwlb/")}
held_text = [p["text"] for rows in used for p in rows]


def draw(files, prefix, n, stem):
    rows = []
    for f in files:
        lines = f.read_text(encoding="utf-8").split("\n")
        cands = [(i, s, e) for i, line in enumerate(lines)
                 if not (line.startswith("#") or "查看原文" in line or "http" in line)
                 for s, e in windows(line)]
        cands = [(i, s, e) for i, s, e in cands
                 if not any(lines[i][s:e][:40] in t or t[:40] in lines[i][s:e] for t in held_text)]
        if not cands:
            continue
        i, s, e = rng.choice(cands)
        text = lines[i][s:e].replace("**", "").lstrip("\u3000 ")
        rows.append({"id": f"{prefix}-{stem(f)}", "source": f"{f.parent.name}/{f.name}", "line": i + 1, "text": text})
        if len(rows) == n:
            break
    return rows


news = [f for f in sorted((root / "xwlb").glob("*.md")) if f"xwlb/{f.name}" not in held_days]
rng.shuffle(news)
reports = sorted((root / "gwr").glob("*.txt"))
rng.shuffle(reports)
rows = draw(news, "t2", 25, lambda f: f.stem) + draw(reports, "t2gw", 15, lambda f: f.stem)
rows.sort(key=lambda r: r["id"])
(data / "tune2" / "passages.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
print(len(rows))
