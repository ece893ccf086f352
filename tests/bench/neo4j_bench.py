"""`make bench-neo4j`: how fast a build gets into Neo4j, the three ways OUT/neo4j/README.md gives.

    python -m tests.bench.neo4j_bench [--corpus ../shared/corpus/xwlb] [--runs 3]
                                      [--batch-sizes 500,1000,2000,5000] [--workdir DIR]

1. Builds ``--corpus`` with ``kg build`` (kept in ``--workdir`` for the next run).
2. Starts Neo4j 5.26 Community (the test server, tests/neo4jserver.py) on loopback as a user's
   server runs: the full JIT (the tests start it with C1 only, for quick starts), 2 GB heap, 1 GB
   page cache. One load is run first and not counted (query plans, JIT).
3. Bolt (``kg export neo4j``, ``load_folder``): for each batch size, ``--runs`` loads, each into the
   database emptied of data (its constraints and indexes kept, as on a second load into a user's
   database: a schema change empties Neo4j's query plan cache, and planning the 16 statements
   again costs about a second; the first load above shows that case): nodes per second (entities
   and source documents), relationships per second, the whole load.
4. ``neo4j-admin database import full`` with the README's command line, into a new server's
   home, ``--runs`` times: rows (nodes + relationships) per second, by the tool's own
   "IMPORT DONE in" time and by the wall clock (which adds the JVM's start).
5. ``load.cypher`` (LOAD CSV, MERGE, ``CALL {...} IN TRANSACTIONS``) with cypher-shell's
   splitting, the CSV files in the server's import folder, into the emptied database, ``--runs``
   times.

Medians of the runs. Published anchors for comparison: ~20,000 entities/s for batched UNWIND over
Bolt, 76,000-110,000 rows/s for neo4j-admin import. Nothing here is a unit test.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from kg.neo4j.schema import RELATIONSHIP_TYPES
from tests.bench.build_bench import machine

ROOT = Path(__file__).resolve().parents[2]
ANCHOR_BOLT = 20_000  # entities/s, batched UNWIND over Bolt
ANCHOR_ADMIN = (76_000, 110_000)  # rows/s, neo4j-admin import


def build(corpus: Path, workdir: Path) -> Path:
    out = workdir / f"out-{corpus.name}"
    if not (out / "neo4j" / "README.md").is_file():
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", str(out), "--quiet", "--no-html"],
                       cwd=ROOT, check=True)
    return out


def driver_version() -> str:
    try:
        rust = metadata.version("neo4j-rust-ext")
        return f"neo4j driver {metadata.version('neo4j')} with neo4j-rust-ext {rust}"
    except metadata.PackageNotFoundError:
        return f"neo4j driver {metadata.version('neo4j')} (pure Python packing; neo4j-rust-ext not installed)"


def empty(server) -> None:
    """Delete every relationship and node; constraints and indexes stay."""
    with server.driver().session(database=server.database) as session:
        for query in ("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
                      "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"):
            session.run(query).consume()


def bolt_runs(server, out: Path, batch: int, runs: int) -> list:
    from kg.neo4j.load import load_folder

    reports = []
    for _ in range(runs):
        empty(server)
        reports.append(load_folder(out, uri=server.uri, user=server.user, password=server.password,
                                   database=server.database, batch_size=batch))
    return reports


def admin_runs(folder: Path, rows: int, runs: int) -> list[tuple[float, float]]:
    """(seconds by the tool's report, wall seconds) of each import."""
    from tests.neo4jserver import Neo4jServer
    from tests.test_neo4j_admin import admin_command

    out = []
    for _ in range(runs):
        server = Neo4jServer(heap="2g")
        try:
            t0 = time.perf_counter()
            done = server.admin(admin_command(folder), cwd=folder, timeout=3600)
            wall = time.perf_counter() - t0
            if done.returncode != 0 or "IMPORT DONE" not in done.stdout:
                raise RuntimeError(f"neo4j-admin import failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
            m = re.search(r"IMPORT DONE in (?:(\d+)m )?(\d+)s (\d+)ms", done.stdout)
            tool = int(m.group(1) or 0) * 60 + int(m.group(2)) + int(m.group(3)) / 1000 if m else wall
            out.append((tool, wall))
        finally:
            server.stop()
    return out


def load_cypher_runs(server, folder: Path, runs: int) -> list[float]:
    from tests.test_neo4j_files import shell_statements

    imports = server.home / "import"
    imports.mkdir(exist_ok=True)
    for f in folder.glob("*.csv"):
        shutil.copy(f, imports / f.name)
    statements = shell_statements((folder / "load.cypher").read_text(encoding="utf-8"))
    out = []
    for _ in range(runs):
        empty(server)
        t0 = time.perf_counter()
        with server.driver().session(database=server.database) as session:
            for statement in statements:
                session.run(statement).consume()
        out.append(time.perf_counter() - t0)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.bench.neo4j_bench", description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "xwlb")
    ap.add_argument("--runs", type=int, default=3, help="runs of each measurement; medians are reported (default 3)")
    ap.add_argument("--batch-sizes", default="500,1000,2000,5000", help="Bolt batch sizes (default 500,1000,2000,5000)")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "kg-bench-neo4j",
                    help="the build is kept here (default: a folder in the system's temp folder)")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.batch_sizes.split(",")]
    sys.path.insert(0, str(ROOT))
    from kg.neo4j.load import load_folder
    from kg.neo4j.rows import read_folder
    from tests.neo4jserver import Neo4jServer

    args.workdir.mkdir(parents=True, exist_ok=True)
    print(f"Building {args.corpus} in {args.workdir} ...", flush=True)
    t0 = time.perf_counter()
    out = build(args.corpus.resolve(), args.workdir)
    rows = read_folder(out)
    counts = rows.counts()
    nodes, rels = rows.node_rows, rows.relationship_rows
    print(f"  {time.perf_counter() - t0:.0f} s: {nodes:,} nodes, {rels:,} relationships", flush=True)

    load_before = os.getloadavg()[0]
    server = Neo4jServer(heap="2g", page_cache="1g", full_jit=True).start()
    bolt, cypher = {}, []
    try:
        print(f"Neo4j {server.version} on {server.uri}; a first load, not counted ...", flush=True)
        first = load_folder(out, uri=server.uri, user=server.user, password=server.password, database=server.database)
        print(f"  first load into the new database (batches of {first.batch_size}): {first.seconds['total']:.1f} s, "
              f"nodes {first.rate('nodes'):,.0f}/s, relationships {first.rate('relationships'):,.0f}/s", flush=True)
        for batch in sizes:
            bolt[batch] = bolt_runs(server, out, batch, args.runs)
            r = bolt[batch]
            print(f"  Bolt, batches of {batch}: " + ", ".join(f"{x.seconds['total']:.1f} s" for x in r), flush=True)
        cypher = load_cypher_runs(server, out / "neo4j", args.runs)
        print("  load.cypher: " + ", ".join(f"{s:.1f} s" for s in cypher), flush=True)
        version = server.version
    finally:
        server.stop()
    admin = admin_runs(out / "neo4j", nodes + rels, args.runs)
    print("  neo4j-admin import: " + ", ".join(f"{t:.1f} s ({w:.1f} s wall)" for t, w in admin), flush=True)

    med = statistics.median
    best = max(sizes, key=lambda b: med(r.rate("total") for r in bolt[b]))
    admin_rate = (nodes + rels) / med(t for t, _ in admin)
    lines = [
        "",
        f"Command:  make bench-neo4j   (python -m tests.bench.neo4j_bench --corpus {args.corpus} --runs {args.runs})",
        f"Machine:  {machine()}; load average {load_before:.1f} before the runs, {os.getloadavg()[0]:.1f} after "
        "(another process's work shows in the figures)",
        f"Software: Neo4j {version} Community (2 GB heap, 1 GB page cache, full JIT), {driver_version()}",
        f"Graph:    {args.corpus.name}: {nodes:,} nodes ({counts['Entity']:,} entities, {counts['SourceDocument']:,} source "
        f"documents), {rels:,} relationships (" + ", ".join(f"{t} {counts[t]:,}" for t in RELATIONSHIP_TYPES if counts[t]) + ")",
        f"Medians of {args.runs} runs, each into the database emptied of data (constraints and indexes kept). "
        f"The first load into the new database: {first.seconds['total']:.1f} s (nodes {first.rate('nodes'):,.0f}/s, "
        f"relationships {first.rate('relationships'):,.0f}/s; query plans and JIT cold).",
        "",
        "| way | batch | nodes/s | relationships/s (CO_OCCURS, MENTIONED_IN) | rows/s | time |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for batch in sizes:
        r = bolt[batch]

        def rate(t, r=r):
            return med(x.relationships[t].rows / x.relationships[t].seconds for x in r)

        lines.append(
            f"| Bolt (`kg export neo4j`){' **best**' if batch == best else ''} | {batch:,} | {med(x.rate('nodes') for x in r):,.0f} | "
            f"{med(x.rate('relationships') for x in r):,.0f} ({rate('CO_OCCURS'):,.0f}, {rate('MENTIONED_IN'):,.0f}) | "
            f"{med(x.rate('total') for x in r):,.0f} | {med(x.seconds['total'] for x in r):.1f} s |")
    lines.append(f"| `cypher-shell -f load.cypher` (LOAD CSV) | 1,000 | | | {(nodes + rels) / med(cypher):,.0f} | "
                 f"{med(cypher):.1f} s |")
    lines.append(f"| `neo4j-admin database import full` | | | | {admin_rate:,.0f} | {med(t for t, _ in admin):.1f} s "
                 f"({med(w for _, w in admin):.1f} s wall) |")
    b = bolt[best]
    lines += [
        "",
        f"Against the anchors: Bolt nodes {med(x.rate('nodes') for x in b):,.0f}/s at batches of {best:,} = "
        f"{med(x.rate('nodes') for x in b) / ANCHOR_BOLT:.2f}x the ~{ANCHOR_BOLT:,} entities/s of batched UNWIND; "
        f"neo4j-admin {admin_rate:,.0f} rows/s = {admin_rate / ANCHOR_ADMIN[1]:.2f}-{admin_rate / ANCHOR_ADMIN[0]:.2f}x "
        f"the {ANCHOR_ADMIN[0]:,}-{ANCHOR_ADMIN[1]:,} rows/s published for it.",
    ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
