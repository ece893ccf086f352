"""``kg build``: files in, graph files out.

Files are found (``extractors.documents``), analysed in batches and merged in document-id order
(``kg.mapreduce``: in this process, in worker processes or on a Dask cluster), then the graph is
assembled once (``kg.graph``) and written by each exporter. ``mentions.csv`` and ``evidence.csv``
are streamed as batches arrive; nothing keeps a document's text once it has been analysed.

Everything is written into a staging folder beside the output folder and swapped in at the end
(``kg.files.staged_folder``), with a stamp naming every file (``kg.stamp``): an interrupted or
failed build leaves the previous output exactly as it was.
"""
from __future__ import annotations

import gc
import multiprocessing as mp
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import networkx as nx

from extractors.documents import document_files
from extractors.errors import KgError, ReadError
from extractors.lexicon import Lexicon
from extractors.reading import BUILD_STAMP
from extractors.records import DATE_SOURCES
from kg.cooccurrence import MAX_SENTENCE_ENTITIES, WINDOWS
from kg.corpus import Corpus
from kg.export.gexf import write_gexf
from kg.export.graphml import write_graphml
from kg.export.jsonfile import write_json
from kg.files import ExportError, atomic_text, staged_folder
from kg.graph import DEFAULT_OPTIONS as DEFAULT_GRAPH_OPTIONS
from kg.graph import GraphOptions, build_graph
from kg.mapreduce import AnalysisOptions, Partial, preload, reduce_partials, run_partials
from kg.neo4j.rows import corpus_name, to_neo4j_rows
from kg.rows import document_rows, entity_rows, relation_rows
from kg.stamp import write_stamp
from kg.tables import (
    ENCODING,
    EVIDENCE,
    EVIDENCE_COLUMNS,
    MENTION_COLUMNS,
    MENTIONS,
    MentionCounts,
    header,
    write_documents,
    write_entities,
    write_relations,
)

#: What a build writes into its output folder (an existing folder holding only these may be replaced).
OUTPUT_NAMES = frozenset({
    "entities.csv", "relations.csv", "documents.csv", "mentions.csv", "evidence.csv", "graph.graphml",
    "graph.gexf", "graph.json", "index.html", "neo4j", "README.txt", BUILD_STAMP,
})


@dataclass(frozen=True)
class BuildOptions:
    window: str = "sentence"
    rules: bool = True
    layout: str = "auto"
    workers: int = 1
    graph: GraphOptions = DEFAULT_GRAPH_OPTIONS
    html: bool = True
    neo4j_files: bool = True
    scheduler: str | None = None  # a Dask scheduler's address (tcp://host:port): analyse on that cluster
    date_from: str = "auto"  # where document dates come from: "auto" (extractors.dating's precedence) or one source
    max_sentence_entities: int = MAX_SENTENCE_ENTITIES  # a sentence naming more is a list: no co-occurrence through it


@dataclass
class BuildResult:
    out: Path
    corpus: Corpus
    graph: nx.Graph
    skipped: list[ReadError]
    timings: dict[str, float] = field(default_factory=dict)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (file, what reading repaired)
    date_conflicts: list[tuple[str, str]] = field(default_factory=list)  # (document id, sources that disagreed)


#: ``progress(done, total, what)``: files done of all files, and what is happening now.
Progress = Callable[[int, int, str], None]


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run Python's cyclic garbage collector less during a build.

    A build allocates millions of small objects that live to its end (counts, evidence, rows) and
    makes almost no reference cycles; at its default pace the collector walks them again and again
    (a fifth of the CPU time on 699 days of news). Objects alive at the start (the lexicon, jieba's
    dictionary) are moved out of its sight (``gc.freeze``), which forked workers inherit, and it
    runs less often; both are undone at the end."""
    old = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()


def is_build_output(folder: Path) -> bool:
    """May ``folder`` be replaced by a build? Only if it is empty, stamped by a build, or holds
    nothing but what a build writes."""
    entries = [p for p in folder.iterdir() if not p.name.startswith(".")]
    return not entries or (folder / BUILD_STAMP).is_file() or all(p.name in OUTPUT_NAMES for p in entries)


def build(
    paths: Iterable[str | os.PathLike],
    out: str | os.PathLike,
    lexicon: Lexicon,
    options: BuildOptions = BuildOptions(),
    *,
    progress: Progress | None = None,
) -> BuildResult:
    """Build the graph of the documents under ``paths`` into the folder ``out`` (replaced whole)."""
    _check(options)
    out = Path(out)
    paths = list(paths)
    tasks = document_files(paths, exclude=[out])
    if not tasks:
        found = "; ".join(str(e) for e in tasks.skipped[:5])
        raise KgError(f"no readable files (.txt .md .html .docx .pdf) in {', '.join(map(str, paths))}"
                      + (f" ({found})" if found else ""))
    name = corpus_name(out)
    preload(lexicon, rules=options.rules)  # before the collector is told to skip them, and before forking
    with fewer_collections(), staged_folder(out, replaceable=is_build_output) as staging:
        result = _build_into(staging, tasks, lexicon, options, progress, corpus=name, final=out)
    result.out = out
    return result


def _check(options: BuildOptions) -> None:
    if options.window not in WINDOWS:
        raise KgError(f"the co-occurrence window must be one of {', '.join(WINDOWS)}", param="window")
    if isinstance(options.max_sentence_entities, bool) or not isinstance(options.max_sentence_entities, int) \
            or options.max_sentence_entities < 0:
        raise KgError("max_sentence_entities must be a whole number of 0 or more (0: no limit)",
                      param="max_sentence_entities")
    if options.workers < 1:
        raise KgError("the number of workers must be at least 1", param="workers")
    if not -1.0 <= options.graph.min_npmi <= 1.0:
        raise KgError("the minimum NPMI must be between -1 and 1", param="min_npmi")
    options.graph.time.check()
    if options.date_from != "auto" and options.date_from not in DATE_SOURCES:
        raise KgError(f"the date source must be auto or one of {', '.join(DATE_SOURCES)}", param="date_from")


def _build_into(folder: Path, tasks, lexicon: Lexicon, options: BuildOptions, progress: Progress | None, *,
                corpus: str, final: Path) -> BuildResult:
    total = len(tasks)
    skipped: list[ReadError] = list(tasks.skipped)
    warnings: list[tuple[str, str]] = []
    conflicts: list[tuple[str, str]] = []
    # seconds per stage: reading and normalising, analysing (mentions, relations, co-occurrence per
    # document), merging results into the corpus (and streaming their rows), the graph, the files
    timings = {"read": 0.0, "analyse": 0.0, "merge": 0.0, "graph": 0.0, "write": 0.0}
    t_start = time.perf_counter()
    analysis = AnalysisOptions(options.window, options.rules, options.layout, options.date_from,
                               options.max_sentence_entities)
    with atomic_text(folder / MENTIONS, encoding=ENCODING, newline="") as mfh, \
            atomic_text(folder / EVIDENCE, encoding=ENCODING, newline="") as efh:
        mfh.write(header(MENTION_COLUMNS))
        efh.write(header(EVIDENCE_COLUMNS))

        def rows(p: Partial) -> None:
            t0 = time.perf_counter()
            mfh.write(p.mention_csv)
            efh.write(p.evidence_csv)
            skipped.extend(p.skipped)
            warnings.extend(p.warnings)
            conflicts.extend(p.date_conflicts)
            for k, v in p.timings.items():
                timings[k] = timings.get(k, 0.0) + v
            timings["merge"] += time.perf_counter() - t0

        report = None if progress is None else (lambda done, what: progress(done, total, what))
        corpus_ = reduce_partials(run_partials(tasks, lexicon, analysis, workers=options.workers,
                                               scheduler=options.scheduler, progress=report), rows)
    t_docs = time.perf_counter()
    if "boundaries" in lexicon.__dict__:
        lexicon.boundaries.forget()  # the memo of word-boundary decisions is not needed any more
    if not corpus_.documents:
        raise KgError("no document could be read: " + "; ".join(str(e) for e in skipped[:5]))

    step = (lambda what: progress(total, total, what)) if progress else (lambda what: None)
    step("building the graph")
    t0 = time.perf_counter()
    graph = build_graph(corpus_, lexicon.by_id(), options.graph, window=options.window)
    timings["graph"] += time.perf_counter() - t0

    t0 = time.perf_counter()
    _write_files(folder, graph, corpus_, options, step, corpus=corpus, where=final / MENTIONS)
    write_stamp(folder, version=_version(), documents=len(corpus_.documents), options=_stamped_options(options))
    timings["write"] += time.perf_counter() - t0
    timings["total"] = time.perf_counter() - t_start
    timings["documents"] = t_docs - t_start
    return BuildResult(final, corpus_, graph, skipped, timings, warnings, conflicts)


def _write_files(folder: Path, graph: nx.Graph, data: Corpus, options: BuildOptions, step: Callable[[str], None],
                 *, corpus: str, where: Path) -> None:
    """Every file but the streamed tables, as five jobs shared by this process and, when the build
    has more than one worker, a forked one. The tables and the Neo4j files (made from the same
    rows) are one job and the longest on a large corpus; the view is the longest of the others on
    a small one: both are started first, and each process then takes the next job left."""

    def tables_and_neo4j() -> None:
        step("writing the tables")
        entities, relations, documents = entity_rows(graph), relation_rows(graph, data), document_rows(data)
        write_entities(entities, folder / "entities.csv")
        write_relations(relations, folder / "relations.csv")
        write_documents(documents, folder / "documents.csv")
        if options.neo4j_files:
            from kg.neo4j.files import write_files

            step("writing the Neo4j files")
            rows = to_neo4j_rows(entities, relations, documents, MentionCounts(*data.mention_count_arrays()),
                                 corpus=corpus, where=str(where))
            write_files(rows, folder / "neo4j")

    def view() -> None:
        if options.html:
            from kg.export.html import write_html

            step("writing index.html")
            write_html(graph, data, folder / "index.html")

    def gexf() -> None:
        step("writing graph.gexf")
        write_gexf(graph, folder / "graph.gexf")

    def graphml() -> None:
        step("writing graph.graphml")
        write_graphml(graph, folder / "graph.graphml")

    def json() -> None:
        step("writing graph.json")
        write_json(graph, folder / "graph.json")

    _in_parallel([tables_and_neo4j, view, gexf, graphml, json], processes=min(2, options.workers))
    _write_readme(folder)


def _in_parallel(jobs: list[Callable[[], None]], *, processes: int) -> None:
    """Run ``jobs``: here and, when ``processes`` > 1, in forked processes (they see everything in
    memory as it is, nothing is copied or pickled), each process taking the next job not yet taken,
    in the order given. The first error raised by any job is raised here, as an ``ExportError``."""
    if processes <= 1 or len(jobs) == 1 or "fork" not in mp.get_all_start_methods():
        for job in jobs:
            job()
        return
    ctx = mp.get_context("fork")
    taken = ctx.Value("i", 0)  # the index of the next job; its lock makes taking one atomic

    def run_jobs() -> None:
        while True:
            with taken.get_lock():
                i = taken.value
                taken.value += 1
            if i >= len(jobs):
                return
            jobs[i]()

    children = []
    for _ in range(min(processes, len(jobs)) - 1):
        receive, send = ctx.Pipe(duplex=False)

        def child(send=send) -> None:
            try:
                run_jobs()
                send.send(None)
            except BaseException as exc:  # reported by the parent as a project error
                send.send(str(exc) or type(exc).__name__)

        proc = ctx.Process(target=child, daemon=True)
        proc.start()
        send.close()
        children.append((proc, receive))
    errors: list[str] = []
    cause: BaseException | None = None
    try:
        run_jobs()
    except Exception as exc:  # raised below, after the other processes are done
        errors.append(str(exc) or type(exc).__name__)
        cause = exc
    finally:
        for proc, receive in children:
            try:
                error = receive.recv()
            except EOFError:
                error = f"a process writing the output ended unexpectedly (exit code {proc.exitcode})"
            proc.join()
            if error is not None:
                errors.append(error)
    if errors:
        raise ExportError(errors[0]) from cause


def _write_readme(out: Path) -> None:
    from kg import tables

    text = (
        "Files written by `kg build` (see the project README for how to open each one).\n\n"
        "graph.graphml  Gephi: File > Open. Pick a CJK font (e.g. Noto Sans CJK) for labels.\n"
        "graph.gexf     Gephi / Gephi Lite, with colours per type, sizes by mentions and dates for the timeline.\n"
        "graph.json     networkx node-link JSON: networkx.node_link_graph(json.load(f), edges='edges').\n"
        "index.html     an interactive view; open it in a browser, no network needed.\n"
        "neo4j/         CSV files for neo4j-admin import and load.cypher for cypher-shell (see neo4j/README.md).\n"
        f"{BUILD_STAMP}  the build stamp: every file's size and SHA-256 (readers refuse files from another build).\n"
        "\nTables (UTF-8 with BOM; pandas.read_csv reads them as they are):\n"
        + tables.describe_tables()
    )
    with atomic_text(out / "README.txt") as fh:
        fh.write(text)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kg-policy")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


def _stamped_options(options: BuildOptions) -> dict:
    """The options that shape the output (not how many workers made it, nor where)."""
    g = options.graph
    return {"window": options.window, "max_sentence_entities": options.max_sentence_entities,
            "rules": options.rules, "layout": options.layout, "date_from": options.date_from,
            "html": options.html,
            "neo4j_files": options.neo4j_files, "min_count": g.min_count, "min_npmi": g.min_npmi, "top_k": g.top_k,
            "community_seed": g.community_seed, "community_resolution": g.community_resolution,
            "slice": g.time.slice, "burst_s": g.time.burst_s, "burst_gamma": g.time.burst_gamma}
