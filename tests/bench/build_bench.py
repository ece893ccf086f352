"""`make bench`: throughput, memory and scaling of `kg build`, against the usual jieba pipeline.

    python -m tests.bench.build_bench [--size-mb 50] [--runs 3] [--workdir DIR] [--quick]

1. Builds a corpus of at least ``--size-mb`` MB of real policy text: the texts in
   ../shared/corpus/ and seeds/, copied as distinct documents with distinct ids until the size is
   reached (and 2x and 4x that for the scaling runs).
2. Measures ``kg build`` on it (one worker, then two): wall time, throughput in MB/s of input
   text, peak memory (the summed RSS of the whole process tree, sampled every 20 ms), and time per
   stage (read, analyse, merge, graph, write). Each figure is the median of ``--runs`` runs.
3. Measures in the same run the pipeline researchers use today: ``jieba.cut`` (accurate mode,
   the lexicon loaded as a user dictionary) over every sentence, lexicon lookup of the tokens,
   sentence co-occurrence counted in Python, a networkx graph written to GraphML.
4. Runs 1x, 2x and 4x the corpus and fits time ~ size^b and memory ~ size^b.
5. Checks that two workers give byte-identical output, and runs the quality scorer.

Nothing here is a unit test; CI does not run it.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


# --- corpus ---------------------------------------------------------------------------------------------

def source_texts() -> list[tuple[str, str]]:
    files = sorted((SHARED / "corpus").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    if not files:
        sys.exit(f"no source texts in {SHARED / 'corpus'} or {ROOT / 'seeds'}")
    return [(f.stem, f.read_text(encoding="utf-8")) for f in files]


def make_corpus(folder: Path, size_mb: float) -> float:
    """Copies of the source texts as distinct documents until ``size_mb`` MB; returns the size."""
    target = int(size_mb * 1_000_000)
    marker = folder / ".complete"
    if marker.is_file() and json.loads(marker.read_text())["target"] == target:
        return json.loads(marker.read_text())["bytes"] / 1e6
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    sources = source_texts()
    total, copy = 0, 0
    while total < target:
        for name, text in sources:
            data = text.encode("utf-8")
            (folder / f"c{copy:05d}_{name}.txt").write_bytes(data)
            total += len(data)
        copy += 1
    marker.write_text(json.dumps({"target": target, "bytes": total}))
    return total / 1e6


# --- measuring a child process --------------------------------------------------------------------------

def _tree_rss_kb(pid: int) -> int:
    """Summed VmRSS of a process and all its descendants (Linux /proc)."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) if "VmRSS" in status else 0
            for task in Path(f"/proc/{p}/task").iterdir():
                children = (task / "children").read_text().split()
                stack.extend(int(c) for c in children)
        except (OSError, AttributeError):
            continue
    return total


def measure(cmd: list[str], *, env=None) -> dict:
    """Run ``cmd``; its stdout's last line is JSON. Adds wall time and peak tree RSS (MB)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            done.wait(0.02)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, err = proc.communicate()
    done.set()
    t.join()
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 2):
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}")
    result = json.loads(out.strip().splitlines()[-1]) if out.strip() else {}
    result.update(wall=wall, peak_mb=peak / 1024)
    return result


def run_kg(corpus: Path, out: Path, workers: int) -> dict:
    """`kg build` as a user runs it (all outputs), in a child process. Every run writes to a folder
    named `out` (the Neo4j files record the folder's name), so outputs can be compared byte for byte."""
    out = out / "out"
    return measure([sys.executable, "-m", "tests.bench.build_bench", "--child-kg", str(corpus), str(out), str(workers)])


def run_baseline(corpus: Path, out: Path) -> dict:
    return measure([sys.executable, "-m", "tests.bench.build_bench", "--child-baseline", str(corpus), str(out)])


def child_kg(corpus: str, out: str, workers: int) -> None:
    from extractors.lexicon import load_lexicon
    from kg.build import BuildOptions, build

    lexicon = load_lexicon()
    r = build([corpus], out, lexicon, BuildOptions(workers=workers))  # every output, as `kg build` writes them
    print(json.dumps({k: round(v, 4) for k, v in r.timings.items()}))


def child_baseline(corpus: str, out: str) -> None:
    """What researchers do today, with the same lexicon: jieba tokens looked up in a dictionary."""
    from collections import Counter
    from itertools import combinations

    import jieba
    import networkx as nx

    from extractors.lexicon import load_lexicon

    t0 = time.perf_counter()
    lexicon = load_lexicon()
    jieba.setLogLevel(60)
    for form in lexicon.forms:
        if " " not in form:
            jieba.add_word(form)  # as with jieba.load_userdict(lexicon)
    jieba.initialize()
    t1 = time.perf_counter()
    split = re.compile(r"[。！？；\n]+")
    pairs: Counter = Counter()
    counts: Counter = Counter()
    for f in sorted(Path(corpus).iterdir()):
        if f.suffix != ".txt":
            continue
        for sentence in split.split(f.read_text(encoding="utf-8")):
            found = {lexicon.forms[t].id for t in jieba.cut(sentence) if t in lexicon.forms}
            counts.update(found)
            pairs.update(combinations(sorted(found), 2))
    t2 = time.perf_counter()
    g = nx.Graph()
    for eid, n in counts.items():
        g.add_node(eid, count=n)
    for (a, b), n in pairs.items():
        g.add_edge(a, b, weight=n)
    Path(out).mkdir(parents=True, exist_ok=True)
    nx.write_graphml(g, Path(out) / "baseline.graphml")
    t3 = time.perf_counter()
    print(json.dumps({"setup": round(t1 - t0, 4), "extract": round(t2 - t1, 4), "write": round(t3 - t2, 4),
                      "nodes": g.number_of_nodes(), "edges": g.number_of_edges()}))


# --- the benchmark --------------------------------------------------------------------------------------

def tree_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(folder)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def median_of(runs: list[dict]) -> dict:
    keys = set.intersection(*(set(r) for r in runs))
    return {k: statistics.median(r[k] for r in runs) for k in keys if isinstance(runs[0][k], (int, float))}


def fit_exponent(xs: list[float], ys: list[float]) -> float:
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = statistics.fmean(lx), statistics.fmean(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / sum((a - mx) ** 2 for a in lx)


def quality() -> str:
    score = SHARED / "eval" / "score.py"
    if not score.is_file():
        return "(../shared/eval/score.py not found)"
    kg = Path(sys.executable).parent / "kg"
    r = subprocess.run(
        [sys.executable, str(score), str(SHARED / "eval" / "dev_passages.json"), str(SHARED / "eval" / "dev_gold.json"),
         "--cmd", f"{kg} extract {{files}} --format jsonl"], capture_output=True, text=True,
    )
    return r.stdout.strip().splitlines()[-1] if r.stdout.strip() else r.stderr[-300:]


def machine() -> str:
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, AttributeError):
        pass
    cpu = platform.processor() or platform.machine()
    try:
        model = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text()).group(1)
        cpu = model
    except (OSError, AttributeError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){mem}, Python {platform.python_version()}, {platform.system()}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, default=50.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "kg-bench"))
    ap.add_argument("--quick", action="store_true", help="a small corpus and one run each, to try the benchmark")
    ap.add_argument("--child-kg", nargs=3, help=argparse.SUPPRESS)
    ap.add_argument("--child-baseline", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child_kg:
        child_kg(a.child_kg[0], a.child_kg[1], int(a.child_kg[2]))
        return 0
    if a.child_baseline:
        child_baseline(*a.child_baseline)
        return 0
    if a.quick:
        a.size_mb, a.runs = min(a.size_mb, 5.0), 1

    work = Path(a.workdir)
    work.mkdir(parents=True, exist_ok=True)
    print(f"Machine: {machine()}")
    corpora = {}
    for scale in (1, 2, 4):
        corpora[scale] = (work / f"corpus-{scale}x", make_corpus(work / f"corpus-{scale}x", a.size_mb * scale))
    base_dir, base_mb = corpora[1]
    print(f"Corpus: {base_mb:.1f} MB of policy text ({len(list(base_dir.glob('*.txt')))} documents), "
          f"copies of ../shared/corpus and seeds/ as distinct documents; runs: {a.runs} (medians)")

    all_runs: dict[str, list[float]] = {}

    def repeat(fn, *args):
        runs = [fn(*args) for _ in range(a.runs)]
        all_runs.setdefault(f"{fn.__name__} {args[0].name} {args[-1]}", []).extend(round(r["wall"], 2) for r in runs)
        return median_of(runs)

    kg1 = repeat(run_kg, base_dir, work / "out-w1", 1)
    kg2 = repeat(run_kg, base_dir, work / "out-w2", 2)
    same = tree_digest(work / "out-w1" / "out") == tree_digest(work / "out-w2" / "out")
    base = repeat(run_baseline, base_dir, work / "out-baseline")

    scale_rows = []
    for scale in (1, 2, 4):
        d, mb = corpora[scale]
        m = kg1 if scale == 1 else repeat(run_kg, d, work / f"out-{scale}x", 1)
        scale_rows.append((scale, mb, m["wall"], m["peak_mb"]))
    b_time = fit_exponent([r[1] for r in scale_rows], [r[2] for r in scale_rows])
    b_mem = fit_exponent([r[1] for r in scale_rows], [r[3] for r in scale_rows])

    def mbps(m):
        return base_mb / m["wall"]

    lines = [
        "",
        f"kg build, 1 worker : {kg1['wall']:7.2f} s  {mbps(kg1):6.2f} MB/s  peak {kg1['peak_mb']:6.0f} MB "
        f"({kg1['peak_mb'] / base_mb:.2f}x input)",
        f"   stages (s)      : read {kg1['read']:.2f}  analyse {kg1['analyse']:.2f}  merge {kg1['merge']:.2f}  graph {kg1['graph']:.2f}  write {kg1['write']:.2f}",
        f"kg build, 2 workers: {kg2['wall']:7.2f} s  {mbps(kg2):6.2f} MB/s  peak {kg2['peak_mb']:6.0f} MB  "
        f"speed-up {kg1['wall'] / kg2['wall']:.2f}x  output identical to 1 worker: {'yes' if same else 'NO'}",
        f"baseline (jieba)   : {base['wall']:7.2f} s  {mbps(base):6.2f} MB/s  peak {base['peak_mb']:6.0f} MB  "
        f"(jieba.cut {base['extract']:.2f} s, GraphML {base['write']:.2f} s)",
        f"ratio kg/baseline  : {base['wall'] / kg1['wall']:.1f}x with 1 worker, {base['wall'] / kg2['wall']:.1f}x with 2 workers",
        "scaling (1 worker) : " + "; ".join(f"{s}x {mb:.0f} MB {t:.1f} s {m:.0f} MB RSS" for s, mb, t, m in scale_rows),
        f"   exponents       : time ~ size^{b_time:.2f}, memory ~ size^{b_mem:.2f}",
        f"quality (dev set)  : {quality()}",
        "every run (wall s) : " + "; ".join(f"{k}: {v}" for k, v in all_runs.items()),
    ]
    report = "\n".join(lines)
    print(report)
    (work / "results.json").write_text(json.dumps({
        "machine": machine(), "corpus_mb": base_mb, "runs": a.runs, "kg_1_worker": kg1, "kg_2_workers": kg2,
        "identical": same, "baseline": base, "scaling": scale_rows, "exponent_time": b_time, "exponent_memory": b_mem,
    }, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
