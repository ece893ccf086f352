"""`make bench-neo4j`: how fast ``kg export neo4j`` loads a graph over Bolt.

    python -m tests.bench.neo4j_bench [--relationships 50000] [--runs 3] [--batch-size 1000]
                                   [--window paragraph] [--workdir DIR]

1. Builds a graph of at least ``--relationships`` relationships with ``kg build``: the texts in
   ../shared/corpus/ and seeds/ copied as distinct documents (distinct ids) until the rows reach the
   target (a first build of one copy tells how many copies are needed: co-occurring pairs do not
   grow with copies, MENTIONED_IN provenance does). Co-occurrence window ``paragraph`` by default,
   for more distinct pairs; the graph filters do not matter here (every pair is loaded).
2. Starts ArcadeDB (the Bolt server the tests use, tests/boltserver.py) on loopback.
3. Loads the build ``--runs`` times, each into a fresh database, with ``load_folder``; then loads
   it again into the same database (a re-load: everything MERGEs onto what is there).
4. Prints rows per second for nodes and relationships (medians of the runs), per relationship type,
   the machine and the batch size.

ArcadeDB stands in for Neo4j here: absolute figures on Neo4j will differ. Nothing here is a unit test.
"""
from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from kg.neo4j.schema import RELATIONSHIP_TYPES
from tests.bench.build_bench import machine

ROOT = Path(__file__).resolve().parents[2]


def versions() -> str:
    def v(name):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "?"

    return f"neo4j driver {v('neo4j')}, ArcadeDB {v('arcadedb-embedded')} (Bolt, 'Neo4j 5.26 compatible')"


def build_graph_folder(workdir: Path, target: int, window: str) -> tuple[Path, int]:
    """A build with at least ``target`` relationship rows; returns (OUT, copies)."""
    from extractors.lexicon import load_lexicon
    from kg.build import BuildOptions, build
    from kg.neo4j.rows import read_folder
    from tests.bench.build_bench import source_texts

    lexicon = load_lexicon()
    options = BuildOptions(window=window, html=False, neo4j_files=False)

    def make(copies: int) -> Path:
        src = workdir / f"corpus-{copies}"
        if not (src / ".complete").is_file():
            src.mkdir(parents=True, exist_ok=True)
            for c in range(copies):
                for name, text in source_texts():
                    (src / f"c{c:03d}_{name}.txt").write_text(text, encoding="utf-8")
            (src / ".complete").write_text("")
        out = workdir / f"out-{window}-{copies}"
        if not (out / "mentions.csv").is_file():
            build([src], out, lexicon, options)
        return out

    one = read_folder(make(1), corpus="probe")
    per_copy = len(one.mentioned_in)
    fixed = one.relationship_rows - per_copy
    copies = max(1, math.ceil((target - fixed) / per_copy)) if per_copy else 1
    return make(copies), copies


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.bench.neo4j_bench", description=__doc__.split("\n\n")[0])
    ap.add_argument("--relationships", type=int, default=50_000, help="at least this many relationships (default 50000)")
    ap.add_argument("--runs", type=int, default=3, help="loads into fresh databases; medians are reported (default 3)")
    ap.add_argument("--batch-size", type=int, default=None, help="rows per transaction (default: the loader's)")
    ap.add_argument("--window", choices=("sentence", "paragraph", "document"), default="paragraph")
    ap.add_argument("--workdir", type=Path, default=None, help="keep the corpus and build here (default: a temporary folder)")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT))  # tests/boltserver.py: the ArcadeDB server the tests start
    from kg.neo4j.load import DEFAULT_BATCH_SIZE, load_folder
    from kg.neo4j.rows import read_folder
    from tests.boltserver import ArcadeServer

    batch_size = args.batch_size or DEFAULT_BATCH_SIZE
    tmp = None
    if args.workdir is None:
        tmp = tempfile.TemporaryDirectory(prefix="kg-bench-neo4j-")
        workdir = Path(tmp.name)
    else:
        workdir = args.workdir
        workdir.mkdir(parents=True, exist_ok=True)

    print(f"Building a graph of at least {args.relationships} relationships in {workdir} ...", flush=True)
    t0 = time.perf_counter()
    out, copies = build_graph_folder(workdir, args.relationships, args.window)
    rows = read_folder(out, corpus=out.name)
    counts = rows.counts()
    print(f"  built in {time.perf_counter() - t0:.0f} s: {copies} copies of the sources, "
          f"{counts['SourceDocument']} documents", flush=True)

    print("Starting ArcadeDB ...", flush=True)
    server = ArcadeServer(heap="2g").start()
    first, reload = [], []
    try:
        for run in range(args.runs):
            database = server.create_database(f"bench{run}")
            kw = dict(uri=server.uri, user=server.user, password=server.password, database=database,
                      batch_size=batch_size)
            r1 = load_folder(out, **kw)
            r2 = load_folder(out, **kw)
            first.append(r1)
            reload.append(r2)
            print(f"  run {run + 1}: load {r1.seconds['total']:.1f} s "
                  f"({r1.rate('nodes'):.0f} node rows/s, {r1.rate('relationships'):.0f} relationship rows/s); "
                  f"re-load {r2.seconds['total']:.1f} s", flush=True)
            assert r1.nodes_created == rows.node_rows and r1.relationships_created == rows.relationship_rows
            assert r2.nodes_created == 0 and r2.relationships_created == 0
    finally:
        server.stop()
        if tmp is not None:
            tmp.cleanup()

    def med(reports, fn):
        return statistics.median(fn(r) for r in reports)

    def type_rate(reports, t):
        return med(reports, lambda r: r.relationships[t].rows / r.relationships[t].seconds if r.relationships[t].seconds else 0.0)

    rel_types = {t: counts[t] for t in RELATIONSHIP_TYPES}
    lines = [
        "",
        "Neo4j loading benchmark (kg export neo4j / load_folder over Bolt; ArcadeDB as the server)",
        "Command:   make bench-neo4j   (python -m tests.bench.neo4j_bench"
        + (f" --batch-size {args.batch_size}" if args.batch_size else "") + (f" --window {args.window}" if args.window != "paragraph" else "") + ")",
        f"Machine:   {machine()}",
        f"Software:  {versions()}",
        f"Graph:     {rows.node_rows} nodes ({counts['Entity']} entities, {counts['SourceDocument']} source documents), "
        f"{rows.relationship_rows} relationships ("
        + ", ".join(f"{t} {n}" for t, n in rel_types.items() if n) + f"); {args.window} window, "
        f"{copies} copies of ../shared/corpus + seeds as distinct documents",
        f"Batch:     {batch_size} rows per transaction; medians of {args.runs} runs, each into a fresh database",
        f"Load:      nodes {med(first, lambda r: r.rate('nodes')):,.0f} rows/s, "
        f"relationships {med(first, lambda r: r.rate('relationships')):,.0f} rows/s "
        f"(CO_OCCURS {type_rate(first, 'CO_OCCURS'):,.0f}, MENTIONED_IN {type_rate(first, 'MENTIONED_IN'):,.0f}); "
        f"total {med(first, lambda r: r.seconds['total']):.1f} s incl. schema "
        f"{med(first, lambda r: r.seconds['schema']):.1f} s",
        f"Re-load:   nodes {med(reload, lambda r: r.rate('nodes')):,.0f} rows/s, "
        f"relationships {med(reload, lambda r: r.rate('relationships')):,.0f} rows/s; "
        f"total {med(reload, lambda r: r.seconds['total']):.1f} s (nothing created, every property set again)",
    ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
