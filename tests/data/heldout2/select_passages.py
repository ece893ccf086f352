import json, random, re, pathlib
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
        lines = [l for l in f.read_text(encoding="utf-8").split("\n")]
        cands = []
        for i, l in enumerate(lines):
            if l.startswith("#") or "查看原文" in l or "http" in l or "wikisource" in l.lower() or "CC BY" in l:
                continue
            for s, e in windows(l):
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
for f in gwr:  # every report once; the four longest twice
    b += pick([f], 1, "gw")
extra = pick(gwr, 4, "gw")
for x in extra:
    x["id"] += "b"
b += [x for x in extra if x["text"] not in {y["text"] for y in b}]
ps = sorted(a, key=lambda x: x["id"]) + sorted(b, key=lambda x: x["id"])
json.dump([{"id": p["id"], "source": p["source"], "line": p["line"], "text": p["text"]} for p in ps], open("tests/data/heldout2/passages.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print(len(ps))
for p in ps[:3]: print(p["id"], p["text"][:100])
