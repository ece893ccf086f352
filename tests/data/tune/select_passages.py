"""Draw the tuning passages: 40 windows of 新闻联播 transcripts from days the held-out set 2 does not use.

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""
import json
import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import windows  # noqa: E402

root = pathlib.Path("../shared/corpus")
rng = random.Random(20261207)
held = {p["source"] for p in json.loads(pathlib.Path("tests/data/heldout2/passages.json").read_text(encoding="utf-8"))}


files = [f for f in sorted((root / "xwlb").glob("*.md")) if f"xwlb/{f.name}" not in held]
rng.shuffle(files)
rows = []
for f in files:
    lines = f.read_text(encoding="utf-8").split("\n")
    cands = [(i, s, e) for i, line in enumerate(lines)
             if not (line.startswith("#") or "查看原文" in line or "http" in line)
             for s, e in windows(line)]
    if not cands:
        continue
    i, s, e = rng.choice(cands)
    text = lines[i][s:e].replace("**", "").lstrip("\u3000 ")
    rows.append({"id": f"tu-{f.stem}", "source": f"xwlb/{f.name}", "line": i + 1, "text": text})
    if len(rows) == 40:
        break
rows.sort(key=lambda r: r["id"])
pathlib.Path("tests/data/tune/passages.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
print(len(rows))
