"""``kg build``: files in, graph files out.

Documents are read, normalised and analysed one at a time (in ``workers`` processes when asked),
their results merged in document-id order, then the graph is assembled once and written by each
exporter. ``mentions.csv`` and ``evidence.csv`` are streamed as documents are processed; nothing
keeps a document's text once it has been analysed.
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

from extractors.documents import Meta, document_files, load_document
from extractors.errors import KgError, ReadError
from extractors.lexicon import Lexicon
from kg.analysis import DocResult, analyse_document
from kg.cooccurrence import WINDOWS
from kg.corpus import Corpus
from kg.export.gexf import write_gexf
from kg.export.graphml import write_graphml
from kg.export.jsonfile import write_json
from kg.files import ExportError, atomic_text
from kg.graph import DEFAULT_OPTIONS as DEFAULT_GRAPH_OPTIONS
from kg.graph import GraphOptions, build_graph
from kg.neo4j.rows import Neo4jRows, corpus_name, to_neo4j_rows
from kg.rows import document_rows, entity_rows, relation_rows
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


@dataclass(frozen=True)
class BuildOptions:
    window: str = "sentence"
    rules: bool = True
    layout: str = "auto"
    workers: int = 1
    graph: GraphOptions = DEFAULT_GRAPH_OPTIONS
    html: bool = True
    neo4j_files: bool = True


@dataclass
class BuildResult:
    out: Path
    corpus: Corpus
    graph: nx.Graph
    skipped: list[ReadError]
    timings: dict[str, float] = field(default_factory=dict)


# --- per-document work, in this process or in workers ------------------------------------------------

Task = tuple[str, str, Meta | None]

_worker_lexicon: Lexicon | None = None  # set in each worker process (and only there) before work starts
_worker_options: tuple[str, bool, str] = ("sentence", True, "auto")


def _init_worker(lexicon: Lexicon, options: tuple[str, bool, str]) -> None:
    global _worker_lexicon, _worker_options
    _worker_lexicon, _worker_options = lexicon, options


def _process(task: Task) -> tuple[DocResult | ReadError, dict[str, float]]:
    return process_document(task, _worker_lexicon, *_worker_options)


def process_document(task: Task, lexicon: Lexicon, window: str, rules: bool, layout: str):
    path, doc_id, meta = task
    t0 = time.perf_counter()
    try:
        doc = load_document(path, doc_id, layout=layout, meta=meta)
    except ReadError as exc:
        return exc, {"read": time.perf_counter() - t0}
    except KgError as exc:
        return ReadError(path, str(exc)), {"read": time.perf_counter() - t0}
    t1 = time.perf_counter()
    result = analyse_document(doc, lexicon, window=window, rules=rules)
    t2 = time.perf_counter()
    return result, {"read": t1 - t0, "analyse": t2 - t1}


def _results(tasks: list[Task], lexicon: Lexicon, options: BuildOptions) -> Iterator[tuple[DocResult | ReadError, dict]]:
    opts = (options.window, options.rules, options.layout)
    if options.workers <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield process_document(task, lexicon, *opts)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(options.workers, initializer=_init_worker, initargs=(lexicon, opts)) as pool:
        yield from pool.imap(_process, tasks, chunksize=1)


# --- the build ---------------------------------------------------------------------------------------------

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


def build(
    paths: Iterable[str | os.PathLike],
    out: str | os.PathLike,
    lexicon: Lexicon,
    options: BuildOptions = BuildOptions(),
    *,
    progress: Callable[[int, int, str], None] | None = None,
) -> BuildResult:
    if options.window not in WINDOWS:
        raise KgError(f"the co-occurrence window must be one of {', '.join(WINDOWS)}", param="window")
    if options.workers < 1:
        raise KgError("the number of workers must be at least 1", param="workers")
    if not -1.0 <= options.graph.min_npmi <= 1.0:
        raise KgError("the minimum NPMI must be between -1 and 1", param="min_npmi")
    out = Path(out)
    paths = list(paths)
    tasks: list[Task] = document_files(paths)
    if not tasks:
        raise KgError(f"no readable files (.txt .md .html .docx .pdf) in {', '.join(map(str, paths))}")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{out}: cannot create output folder ({exc.strerror or exc})") from None

    corpus = Corpus()
    skipped: list[ReadError] = []
    # seconds per stage: reading and normalising, analysing (mentions, relations, co-occurrence per
    # document), merging results into the corpus (and streaming their rows), the graph, the files
    timings = {"read": 0.0, "analyse": 0.0, "merge": 0.0, "graph": 0.0, "write": 0.0}
    t_start = time.perf_counter()
    with atomic_text(out / MENTIONS, encoding=ENCODING, newline="") as mfh, \
            atomic_text(out / EVIDENCE, encoding=ENCODING, newline="") as efh:
        mfh.write(header(MENTION_COLUMNS))
        efh.write(header(EVIDENCE_COLUMNS))
        for i, (result, t) in enumerate(_results(tasks, lexicon, options), start=1):
            for k, v in t.items():
                timings[k] += v
            if isinstance(result, ReadError):
                skipped.append(result)
            else:
                t0 = time.perf_counter()
                mfh.write(result.mention_csv)
                efh.write(result.evidence_csv)
                corpus.add(result)
                timings["merge"] += time.perf_counter() - t0
            if progress:
                progress(i, len(tasks), tasks[i - 1][1])
    t_docs = time.perf_counter()
    if "boundaries" in lexicon.__dict__:
        lexicon.boundaries.forget()  # the memo of word-boundary decisions is not needed any more
    if not corpus.documents:
        raise KgError("no document could be read: " + "; ".join(str(e) for e in skipped[:5]))

    t0 = time.perf_counter()
    graph = build_graph(corpus, lexicon.by_id(), options.graph, window=options.window)
    timings["graph"] += time.perf_counter() - t0

    t0 = time.perf_counter()
    entities, relations, documents = entity_rows(graph), relation_rows(graph, corpus), document_rows(corpus)
    write_entities(entities, out / "entities.csv")
    write_relations(relations, out / "relations.csv")
    write_documents(documents, out / "documents.csv")
    neo4j_job = None
    if options.neo4j_files:
        rows = to_neo4j_rows(entities, relations, documents, MentionCounts(*corpus.mention_count_arrays()),
                             corpus=corpus_name(out), where=str(out / MENTIONS))
        neo4j_job = _start_neo4j_files(rows, out / "neo4j", parallel=options.workers > 1)
    write_graphml(graph, out / "graph.graphml")
    write_gexf(graph, out / "graph.gexf")
    write_json(graph, out / "graph.json")
    if options.html:
        from kg.export.html import write_html

        write_html(graph, corpus, out / "index.html")
    if neo4j_job is not None:
        neo4j_job()
    _write_readme(out)
    timings["write"] += time.perf_counter() - t0
    timings["total"] = time.perf_counter() - t_start
    timings["documents"] = t_docs - t_start
    return BuildResult(out, corpus, graph, skipped, timings)


def _start_neo4j_files(rows: Neo4jRows, folder: Path, *, parallel: bool) -> Callable[[], None]:
    """Write OUT/neo4j; with more than one worker, in a forked process while the other files are
    written. Returns the function that waits for it (and raises its error, if any)."""
    from kg.neo4j.files import write_files

    if not parallel or "fork" not in mp.get_all_start_methods():
        write_files(rows, folder)
        return lambda: None
    ctx = mp.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def child() -> None:
        try:
            write_files(rows, folder)
            send.send(None)
        except BaseException as exc:  # reported by the parent as a project error
            send.send(str(exc) or type(exc).__name__)

    proc = ctx.Process(target=child, daemon=True)
    proc.start()
    send.close()

    def wait() -> None:
        try:
            error = receive.recv()
        except EOFError:
            error = f"the process writing {folder} ended unexpectedly (exit code {proc.exitcode})"
        proc.join()
        if error is not None:
            raise ExportError(error)

    return wait


def _write_readme(out: Path) -> None:
    from kg import tables

    text = (
        "Files written by `kg build` (see the project README for how to open each one).\n\n"
        "graph.graphml  Gephi: File > Open. Pick a CJK font (e.g. Noto Sans CJK) for labels.\n"
        "graph.gexf     Gephi / Gephi Lite, with colours per type, sizes by mentions and dates for the timeline.\n"
        "graph.json     networkx node-link JSON: networkx.node_link_graph(json.load(f), edges='edges').\n"
        "index.html     an interactive view; open it in a browser, no network needed.\n"
        "neo4j/         CSV files for neo4j-admin import and load.cypher for cypher-shell (see neo4j/README.md).\n"
        "\nTables (UTF-8 with BOM; pandas.read_csv reads them as they are):\n"
        + tables.describe_tables()
    )
    with atomic_text(out / "README.txt") as fh:
        fh.write(text)
