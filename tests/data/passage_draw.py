"""Drawing evaluation passages from ``../shared/corpus``, shared by the ``select_passages.py`` of the sets drawn
from the third tuning set on (each script keeps its own seed, sources and counts, and stays the record of how its
set was drawn).

A passage is a window of one line, 200 to 350 characters from a sentence start to a sentence end, with Markdown
bold markers and leading full-width spaces removed; headings, links and licence lines are skipped, and so is any
window that overlaps a passage of a set drawn before.
"""
from __future__ import annotations

import json
import pathlib
import random
import re


def used_passages(data: pathlib.Path, sets: tuple[str, ...]) -> tuple[set[str], list[str]]:
    """The news days the earlier ``sets`` use, and the texts of all their passages."""
    used = [json.loads((data / s / "passages.json").read_text(encoding="utf-8")) for s in sets]
    days = {p["source"] for rows in used for p in rows if p["source"].startswith("xwlb/")}
    return days, [p["text"] for rows in used for p in rows]


def sources(root: pathlib.Path, rng: random.Random, used_days: set[str]):
    """The news days no earlier set uses and the work reports, each in a seeded random order, and the long
    reports at the top of the corpus in file order."""
    news = [f for f in sorted((root / "xwlb").glob("*.md")) if f"xwlb/{f.name}" not in used_days]
    rng.shuffle(news)
    reports = sorted((root / "gwr").glob("*.txt"))
    rng.shuffle(reports)
    return news, reports, sorted(root.glob("0*.txt"))


def windows(line: str) -> list[tuple[int, int]]:
    ends = [m.end() for m in re.finditer(r"[。！？；]”?", line)]
    return [(s, e) for s in [0] + ends for e in ends if 200 <= e - s <= 350]


def draw(rng: random.Random, files, prefix: str, n: int, stem, used_text: list[str], per_file: int = 1) -> list[dict]:
    """Up to ``n`` passages, ``per_file`` from each file in turn; each drawn text joins ``used_text``."""
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
            pid = f"{prefix}-{stem(f)}-{i + 1}" if per_file > 1 else f"{prefix}-{stem(f)}"
            if any(r["id"] == pid for r in rows):  # a second window of the same line
                pid += f"-{s}"
            rows.append({"id": pid,
                         "source": f"{f.parent.name}/{f.name}", "line": i + 1, "text": text})
            if len(rows) == n:
                return rows
    return rows


def write(rows: list[dict], path: pathlib.Path) -> None:
    rows.sort(key=lambda r: r["id"])
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    print(len(rows))


#: The sets drawn from the eighth round's sixth session on, in the order they were drawn, each after every set before it
#: (held-out 1–7 and tuning sets 1–18 all came first; tuning sets 23–25 in the seventh session); a set's script excludes
#: exactly the sets drawn before it, so that it draws the same passages when it is run again after later sets exist.
SIXTH_SESSION_ORDER = ("tune19", "tune20", "tune21", "tune22", "tune23", "tune24", "tune25")
_BEFORE_THE_SIXTH_SESSION = (
    "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
    *(f"tune{n}" if n > 1 else "tune" for n in range(1, 19)),
)


def start_draw(name: str, seed: int, root: pathlib.Path, data: pathlib.Path):
    """The seeded generator, the sources in their seeded order (news days no earlier set uses, work reports, long
    reports) and the texts of every passage drawn before, for the set ``name`` of ``SIXTH_SESSION_ORDER``."""
    before = (*_BEFORE_THE_SIXTH_SESSION, *SIXTH_SESSION_ORDER[: SIXTH_SESSION_ORDER.index(name)])
    rng = random.Random(seed)
    used_days, used_text = used_passages(data, before)
    return rng, sources(root, rng, used_days), used_text


def draw_set(name: str, seed: int, prefix: str, root: pathlib.Path, data: pathlib.Path, *, news: int = 0,
             congress: int = 0, per_report: int = 1) -> None:
    """A set of 40 drawn from the sixth session on: ``news`` news days (one window each, ids ``{prefix}-YYYYMMDD``),
    then ``congress`` windows of the 20th Party Congress report (``{prefix}pc-04-LINE``), then work-report windows,
    ``per_report`` of each report in turn (``{prefix}gw-YYYY…``), to make 40; written to ``data/name/passages.json``."""
    rng, (news_days, reports, long_reports), used_text = start_draw(name, seed, root, data)
    rows = draw(rng, news_days, prefix, news, lambda f: f.stem, used_text) if news else []
    if congress:
        speech = [f for f in long_reports if "party_congress" in f.name]
        rows += draw(rng, speech, f"{prefix}pc", congress, lambda f: f.stem[:2], used_text, per_file=congress)
    rows += draw(rng, reports, f"{prefix}gw", 40 - len(rows), lambda f: f.stem, used_text, per_file=per_report)
    write(rows, data / name / "passages.json")
