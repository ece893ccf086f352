"""`make bench`: throughput, memory and scaling of `kg build` on real policy text, against the jieba
pipeline researchers use today, in the same run.

    python -m tests.bench.build_bench [--runs 3] [--big-mb 100] [--workdir DIR] [--quick]

What is measured, on what:

1. The real corpus: ../shared/corpus/xwlb/ (699 days of 新闻联播 transcripts) and
   ../shared/corpus/gwr/ (sixteen government work reports), as they are. ``kg build`` with one
   worker and with two (every output written, as the command writes them), and the jieba pipeline
   of ../shared/bench/jieba_pipeline.py (jieba.cut over every sentence with kg's entity names as
   its user dictionary, lexicon lookup, sentence co-occurrence, networkx GraphML). Medians of
   ``--runs`` runs: wall time, MB/s of input, the ratio, peak memory of the largest process and of
   the whole process tree (RSS sampled every 20 ms), time per build stage.
2. The same corpus repeated with distinct ids (copies in folders r1/, r2/ …) to ``--big-mb`` MB,
   one worker and two, and the jieba pipeline on it; with 1/4 and 1/2 of it, the corpus scaling
   exponent: time ~ size^b, memory ~ size^b (least squares on the logarithms).
3. One document of 1, 2, 4 and 8 MB (the transcripts joined into a single line): the
   single-document scaling exponent; then one single-line file of ``--line-mb`` MB (50), built
   with the progress the command prints, its time per MB against the 8 MB document's.
4. Checks: two workers write byte-identical output, and the dev-set quality is unchanged.

Nothing here is a unit test; CI does not run it. About 15 minutes on 2 cores.
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
CORPUS = SHARED / "corpus"
JIEBA_PIPELINE = SHARED / "bench" / "jieba_pipeline.py"
KG = Path(sys.executable).parent / "kg"


# --- corpora ----------------------------------------------------------------------------------------------

def real_files() -> list[Path]:
    files = sorted((CORPUS / "xwlb").glob("*.md")) + sorted((CORPUS / "gwr").glob("*.txt"))
    if not files:
        sys.exit(f"no corpus in {CORPUS}/xwlb and {CORPUS}/gwr")
    return files


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")) / 1e6


def make_real(folder: Path) -> Path:
    """The real corpus as it is (xwlb/ and gwr/ side by side)."""
    if not (folder / ".complete").is_file():
        shutil.rmtree(folder, ignore_errors=True)
        for sub in ("xwlb", "gwr"):
            shutil.copytree(CORPUS / sub, folder / sub)
        (folder / ".complete").write_text("")
    return folder


def make_repeated(folder: Path, target_mb: float) -> Path:
    """Copies of the real corpus in folders r1/, r2/ … (distinct document ids, the file names and so
    the dates kept) until ``target_mb``; the last copy is cut short to end near the target."""
    marker = folder / ".complete"
    if marker.is_file() and marker.read_text() == str(target_mb):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    files, total, copy = real_files(), 0, 0
    target = target_mb * 1e6
    while total < target:
        copy += 1
        for f in files:
            if total >= target:
                break
            dest = folder / f"r{copy}" / f.parent.name / f.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, dest)
            total += f.stat().st_size
    marker.write_text(str(target_mb))
    return folder


def joined_text() -> str:
    return "".join(f.read_text(encoding="utf-8") for f in sorted((CORPUS / "xwlb").glob("*.md")))


def make_single(folder: Path, mb: float, text: str) -> Path:
    """One document of ``mb`` MB: the transcripts joined, line breaks removed (a single line)."""
    path = folder / f"line-{mb:g}mb" / "one.txt"
    if path.is_file():
        return path.parent
    path.parent.mkdir(parents=True, exist_ok=True)
    line = re.sub(r"\s*\n\s*", "", text)
    data = line.encode("utf-8")
    while len(data) < mb * 1e6:
        data += data
    data = data[: int(mb * 1e6)].decode("utf-8", "ignore").encode("utf-8")
    path.write_bytes(data)
    return path.parent


# --- measuring a child process ----------------------------------------------------------------------------

def _rss_kb(pid: int) -> tuple[int, list[int]]:
    """VmRSS of one process and its children's pids (Linux /proc)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) if "VmRSS" in status else 0
        children = []
        for task in Path(f"/proc/{pid}/task").iterdir():
            children += [int(c) for c in (task / "children").read_text().split()]
        return rss, children
    except (OSError, AttributeError):
        return 0, []


def measure(cmd: list[str], *, stderr_to: Path | None = None) -> dict:
    """Run ``cmd``: wall seconds, peak RSS of the largest process and of the whole tree (MB), and
    the JSON of its last stdout line, if any."""
    t0 = time.perf_counter()
    err = open(stderr_to, "w") if stderr_to else subprocess.PIPE
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, text=True)
    peak_one = peak_tree = 0
    done = threading.Event()

    def sample():
        nonlocal peak_one, peak_tree
        while not done.is_set():
            tree, stack = 0, [proc.pid]
            while stack:
                rss, children = _rss_kb(stack.pop())
                peak_one = max(peak_one, rss)
                tree += rss
                stack += children
            peak_tree = max(peak_tree, tree)
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, errors = proc.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - t0
    if stderr_to:
        err.close()
        errors = stderr_to.read_text()
    if proc.returncode not in (0, 2):
        sys.exit(f"{' '.join(cmd[:6])} … failed ({proc.returncode}):\n{(errors or '')[-3000:]}")
    result = {}
    lines = out.strip().splitlines()
    if lines and lines[-1].startswith("{"):
        result = json.loads(lines[-1])
    result.update(wall=wall, peak_process_mb=peak_one / 1024, peak_tree_mb=peak_tree / 1024)
    return result


def run_kg(corpus: Path, out: Path, workers: int) -> dict:
    """``kg build`` with every output, in a child process that prints the stage timings."""
    shutil.rmtree(out, ignore_errors=True)
    return measure([sys.executable, "-m", "tests.bench.build_bench", "--child-kg", str(corpus), str(out), str(workers)])


def child_kg(corpus: str, out: str, workers: int) -> None:
    from extractors.lexicon import load_lexicon
    from kg.build import BuildOptions, build

    r = build([corpus], out, load_lexicon(), BuildOptions(workers=workers))
    print(json.dumps({k: round(v, 4) for k, v in r.timings.items()}))


def run_jieba(corpus: Path, entities_csv: Path, out: Path) -> dict:
    """../shared/bench/jieba_pipeline.py over every file of ``corpus``, with kg's entity names."""
    files = [str(p) for p in sorted(corpus.rglob("*")) if p.is_file() and p.suffix in (".md", ".txt")]
    out.mkdir(parents=True, exist_ok=True)
    return measure([sys.executable, str(JIEBA_PIPELINE), str(entities_csv), str(out / "jieba.graphml"), *files])


def run_cli_with_progress(corpus: Path, out: Path, log: Path) -> dict:
    """``kg build`` as typed at a prompt (progress on stderr, off a terminal: a line every 5 s)."""
    shutil.rmtree(out, ignore_errors=True)
    return measure([str(KG), "build", str(corpus), "-o", str(out)], stderr_to=log)


# --- figures ----------------------------------------------------------------------------------------------

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


def exponent(xs: list[float], ys: list[float]) -> float:
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = statistics.fmean(lx), statistics.fmean(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / sum((a - mx) ** 2 for a in lx)


def quality() -> str:
    score = SHARED / "eval" / "score.py"
    if not score.is_file():
        return "(../shared/eval/score.py not found)"
    r = subprocess.run([sys.executable, str(score), str(SHARED / "eval" / "dev_passages.json"),
                        str(SHARED / "eval" / "dev_gold.json"), "--cmd", f"{KG} extract {{files}} --format jsonl"],
                       capture_output=True, text=True)
    return r.stdout.strip().splitlines()[-1] if r.stdout.strip() else r.stderr[-300:]


def machine() -> str:
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, AttributeError):
        pass
    cpu = platform.machine()
    try:
        cpu = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text()).group(1)
    except (OSError, AttributeError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){mem}, Python {platform.python_version()}"


def _kg_line(label: str, m: dict, mb: float) -> str:
    return (f"{label:<22}: {m['wall']:7.2f} s  {mb / m['wall']:5.2f} MB/s  peak {m['peak_process_mb']:5.0f} MB per process, "
            f"{m['peak_tree_mb']:5.0f} MB in all")


def _stages(m: dict) -> str:
    return "  ".join(f"{k} {m[k]:.2f}" for k in ("read", "analyse", "merge", "graph", "write") if k in m)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="runs of each figure on the real corpus (medians)")
    ap.add_argument("--big-mb", type=float, default=100.0, help="size of the repeated corpus")
    ap.add_argument("--line-mb", type=float, default=50.0, help="size of the single-line document (0: skip)")
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "kg-bench"))
    ap.add_argument("--quick", action="store_true", help="small sizes and one run each, to try the benchmark")
    ap.add_argument("--child-kg", nargs=3, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child_kg:
        child_kg(a.child_kg[0], a.child_kg[1], int(a.child_kg[2]))
        return 0
    if a.quick:
        a.runs, a.big_mb, a.line_mb = 1, 40.0, 10.0

    work = Path(a.workdir)
    work.mkdir(parents=True, exist_ok=True)
    print(f"Machine: {machine()}", flush=True)
    lines: list[str] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    # 1. the real corpus, as it is
    real = make_real(work / "real")
    real_mb = size_mb(real)
    say(f"Real corpus: ../shared/corpus/xwlb (699 days of 新闻联播) and gwr (16 government work reports): "
        f"{real_mb:.1f} MB, {sum(1 for p in real.rglob('*') if p.is_file() and not p.name.startswith('.'))} "
        f"files; medians of {a.runs} runs")
    kg1 = median_of([run_kg(real, work / "w1" / "out", 1) for _ in range(a.runs)])
    kg2 = median_of([run_kg(real, work / "w2" / "out", 2) for _ in range(a.runs)])
    same = tree_digest(work / "w1" / "out") == tree_digest(work / "w2" / "out")
    jb = median_of([run_jieba(real, work / "w1" / "out" / "entities.csv", work / "jieba") for _ in range(a.runs)])
    say(_kg_line("kg build, 1 worker", kg1, real_mb))
    say(f"{'  stages (s)':<22}: {_stages(kg1)}")
    say(_kg_line("kg build, 2 workers", kg2, real_mb) + f"; {kg1['wall'] / kg2['wall']:.2f}x one worker; "
        f"output identical: {'yes' if same else 'NO'}")
    say(_kg_line("jieba pipeline", jb, real_mb))
    say(f"{'ratio to jieba':<22}: {jb['wall'] / kg1['wall']:.2f}x with 1 worker, {jb['wall'] / kg2['wall']:.2f}x with 2 workers "
        f"(above 1: kg build is faster)")

    # 2. repeated to the big size; corpus scaling
    say()
    sizes = [a.big_mb / 4, a.big_mb / 2, a.big_mb]
    scaling = []
    for target in sizes:
        folder = make_repeated(work / f"repeated-{target:g}", target)
        mb = size_mb(folder)
        m = run_kg(folder, work / "big" / "out", 1)
        scaling.append((mb, m))
        say(_kg_line(f"{mb:.0f} MB, 1 worker", m, mb))
    big_mb, big1 = scaling[-1]
    big2 = run_kg(work / f"repeated-{a.big_mb:g}", work / "big2" / "out", 2)
    say(_kg_line(f"{big_mb:.0f} MB, 2 workers", big2, big_mb) + f"; {big1['wall'] / big2['wall']:.2f}x one worker")
    bigjb = run_jieba(work / f"repeated-{a.big_mb:g}", work / "big" / "out" / "entities.csv", work / "jieba-big")
    say(_kg_line(f"{big_mb:.0f} MB, jieba pipeline", bigjb, big_mb) + f"; ratio {bigjb['wall'] / big1['wall']:.2f}x "
        f"(1 worker), {bigjb['wall'] / big2['wall']:.2f}x (2 workers)")
    xs = [mb for mb, _ in scaling]
    say(f"{'corpus scaling':<22}: time ~ size^{exponent(xs, [m['wall'] for _, m in scaling]):.2f}, "
        f"memory ~ size^{exponent(xs, [m['peak_process_mb'] for _, m in scaling]):.2f} "
        f"({', '.join(f'{mb:.0f} MB' for mb in xs)}, one worker)")

    # 3. one document, ever larger
    say()
    text = joined_text()
    single = []
    for mb in (1, 2, 4, 8):
        m = run_kg(make_single(work, mb, text), work / "single" / "out", 1)
        single.append((mb, m))
        say(_kg_line(f"one {mb} MB document", m, mb) + f"  ({_stages(m)})")
    xs = [mb for mb, _ in single]
    say(f"{'document scaling':<22}: time ~ size^{exponent(xs, [m['wall'] for _, m in single]):.2f}, "
        f"memory ~ size^{exponent(xs, [m['peak_process_mb'] for _, m in single]):.2f}")
    if a.line_mb:
        log = work / "line-progress.log"
        m = run_cli_with_progress(make_single(work, a.line_mb, text), work / "line" / "out", log)
        progress = [line for line in log.read_text().splitlines() if line.strip()]
        rate8 = single[-1][1]["wall"] / 8
        say(_kg_line(f"one {a.line_mb:g} MB line", m, a.line_mb) + f"; {m['wall'] / a.line_mb:.2f} s per MB against "
            f"{rate8:.2f} for 8 MB; {len(progress)} progress lines, e.g. {progress[len(progress) // 2]!r}")

    say()
    say(f"{'quality (dev set)':<22}: {quality()}")
    report = "\n".join(lines)
    (work / "results.txt").write_text(f"Machine: {machine()}\n{report}\n")
    (work / "results.json").write_text(json.dumps({
        "machine": machine(), "real_mb": real_mb, "runs": a.runs, "kg_1_worker": kg1, "kg_2_workers": kg2,
        "identical": same, "jieba": jb, "scaling": scaling, "big_2_workers": big2, "big_jieba": bigjb,
        "single": single,
    }, indent=1))
    print(f"\n(written to {work / 'results.txt'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
