import json
import pathlib
import random
import re

root = pathlib.Path("../shared/corpus")
rng = random.Random(20261206)
def windows(line):
    # cut a 200-350 char window starting at a sentence start, ending at a sentence end
    ends = [m.end() for m in re.finditer(r"[。！？；]”?", line)]
    starts = [0] + ends
    out = []
    for s in starts:
        for e in ends:
            if 200 <= e - s <= 350:
                out.append((s, e))
    return out
def pick(files, n, prefix, per_file=1):
    chosen = []
    files = list(files)
    rng.shuffle(files)
    for f in files:
        lines = f.read_text(encoding="utf-8").split("\n")
        cands = []
        for i, line in enumerate(lines):
            if line.startswith("#") or "查看原文" in line or "http" in line or "wikisource" in line.lower() or "CC BY" in line:
                continue
            for s, e in windows(line):
                cands.append((i, s, e))
        if not cands:
            continue
        i, s, e = rng.choice(cands)
        chosen.append({"id": f"{prefix}-{f.stem}", "source": f"{f.parent.name}/{f.name}", "line": i + 1, "text": lines[i][s:e]})
        if len(chosen) == n:
            break
    return chosen
xwlb = sorted((root / "xwlb").glob("*.md"))
gwr = sorted((root / "gwr").glob("*.txt"))
a = pick(xwlb, 30, "xw")
b = []
for f in gwr:  # every report once, then four drawn at random a second time
    b += pick([f], 1, "gw")
extra = pick(gwr, 4, "gw")
for x in extra:
    x["id"] += "b"
b += [x for x in extra if x["text"] not in {y["text"] for y in b}]
ps = sorted(a, key=lambda x: x["id"]) + sorted(b, key=lambda x: x["id"])
# as plain text: no Markdown bold markers, no leading full-width spaces
rows = [{"id": p["id"], "source": p["source"], "line": p["line"], "text": p["text"].replace("**", "").lstrip("\u3000 ")}
        for p in ps]
with open("tests/data/heldout2/passages.json", "w", encoding="utf-8") as fh:
    json.dump(rows, fh, ensure_ascii=False, indent=1)
print(len(ps))
for p in ps[:3]:
    print(p["id"], p["text"][:100])
