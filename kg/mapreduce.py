"""The build's map and reduce, and where they run.

Map: a batch of files becomes a ``Partial``: each document read, normalised and analysed
(``kg.analysis``), the results added to a corpus of that batch alone (``kg.corpus``), and the
batch's rows of mentions.csv and evidence.csv as text. Reduce: partials merged in batch order
(``Corpus.merge``), which gives exactly what adding every document's result in document-id order
gives; so the output does not depend on how documents were batched, how many workers analysed
them, or on which machines.

Three places to run, one contract (``run_partials`` yields the partials in batch order):

- in this process, one batch per document (``workers=1``);
- in local worker processes (``workers=N``), forked once, the lexicon inherited;
- on a Dask distributed cluster (``scheduler="tcp://host:port"``): the lexicon is sent to every
  worker once; batches are analysed where the cluster puts them; the corpora of the partials are
  merged pairwise on the cluster (a tree, order kept), and only each batch's table rows and the
  final corpus travel back.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import time
import uuid
from dataclasses import dataclass, field
from typing import Callable, Iterator, Sequence

from extractors.documents import Meta, load_document
from extractors.errors import KgError, ReadError
from extractors.lexicon import Lexicon
from extractors.names import surnames
from extractors.records import Document
from extractors.rules.wordclass import tag as word_tag
from extractors.traditional import simplified
from kg.analysis import DocResult, analyse_document
from kg.cooccurrence import MAX_SENTENCE_ENTITIES
from kg.corpus import Corpus

Task = tuple[str, str, Meta | None]  # file, document id, manifest row

#: A batch holds documents up to about this many bytes (at least one document): large enough that
#: merging is cheap next to analysing, small enough to spread over workers and to show progress.
BATCH_BYTES = 2_000_000
#: ... and at most this many documents.
BATCH_DOCUMENTS = 64
#: Seconds between the progress reports that say a long document is still being analysed.
STILL_WORKING_EVERY = 5.0


@dataclass(frozen=True)
class AnalysisOptions:
    window: str = "sentence"
    rules: bool = True
    layout: str = "auto"
    date_from: str = "auto"  # extractors.dating: "auto" (the precedence) or one source alone
    max_sentence_entities: int = MAX_SENTENCE_ENTITIES  # kg.cooccurrence: longer sentences are lists


@dataclass
class Partial:
    """What the map step makes of one batch of files."""

    corpus: Corpus
    mention_csv: str = ""  # the batch's rows of mentions.csv, in document order
    evidence_csv: str = ""  # ... and of evidence.csv
    skipped: list[ReadError] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (file, what was repaired)
    date_conflicts: list[tuple[str, str]] = field(default_factory=list)  # (document id, sources that disagreed)
    timings: dict[str, float] = field(default_factory=dict)  # seconds reading and analysing
    documents: int = 0  # files handled (read or skipped)
    last: str = ""  # the id of the batch's last file

    def rows_only(self) -> "Partial":
        """The partial without its corpus (what travels back from a cluster worker)."""
        return Partial(Corpus(), self.mention_csv, self.evidence_csv, self.skipped, self.warnings, self.date_conflicts,
                       self.timings, self.documents, self.last)


def batches(tasks: Sequence[Task], *, max_bytes: int = BATCH_BYTES, max_documents: int = BATCH_DOCUMENTS) -> list[list[Task]]:
    """Consecutive runs of tasks, each up to ``max_bytes`` of files (by size on disk) and
    ``max_documents`` files, in order."""
    out: list[list[Task]] = []
    current: list[Task] = []
    size = 0
    for task in tasks:
        try:
            n = os.stat(task[0]).st_size
        except OSError:
            n = 0  # reading will say what is wrong with it
        if current and (size + n > max_bytes or len(current) >= max_documents):
            out.append(current)
            current, size = [], 0
        current.append(task)
        size += n
    if current:
        out.append(current)
    return out


# --- map -----------------------------------------------------------------------------------------------

def process_document(task: Task, lexicon: Lexicon, options: AnalysisOptions,
                     stage: Callable[[str], None] | None = None) -> tuple[DocResult | ReadError, Document | None, dict[str, float]]:
    """One file: its result (or why it could not be read), the document (for what reading repaired
    and how it was dated; its text is not used after), and the seconds spent reading and analysing."""
    path, doc_id, meta = task
    t0 = time.perf_counter()
    if stage is not None:
        stage("reading")
    try:
        doc = load_document(path, doc_id, layout=options.layout, meta=meta, date_from=options.date_from)
    except ReadError as exc:
        return exc, None, {"read": time.perf_counter() - t0}
    except KgError as exc:
        return ReadError(path, str(exc)), None, {"read": time.perf_counter() - t0}
    t1 = time.perf_counter()
    if stage is not None:
        stage("analysing")
    result = analyse_document(doc, lexicon, window=options.window, rules=options.rules,
                              max_sentence_entities=options.max_sentence_entities)
    return result, doc, {"read": t1 - t0, "analyse": time.perf_counter() - t1}


def analyse_batch(tasks: Sequence[Task], lexicon: Lexicon, options: AnalysisOptions,
                  stage: Callable[[str, str], None] | None = None) -> Partial:
    """The map step: a batch of files into one ``Partial``."""
    corpus = Corpus()
    mention_rows: list[str] = []
    evidence_rows: list[str] = []
    partial = Partial(corpus, timings={"read": 0.0, "analyse": 0.0, "merge": 0.0})
    for task in tasks:
        result, doc, seconds = process_document(
            task, lexicon, options, None if stage is None else (lambda what, name=task[1]: stage(name, what)))
        for k, v in seconds.items():
            partial.timings[k] += v
        if doc is not None:
            partial.warnings.extend((task[0], w) for w in doc.warnings)
            partial.date_conflicts.extend((doc.id, c) for c in doc.date_conflicts)
        if isinstance(result, ReadError):
            partial.skipped.append(result)
        else:
            t0 = time.perf_counter()
            mention_rows.append(result.mention_csv)
            evidence_rows.append(result.evidence_csv)
            corpus.add(result)
            partial.timings["merge"] += time.perf_counter() - t0
        partial.documents += 1
        partial.last = task[1]
    partial.mention_csv = "".join(mention_rows)
    partial.evidence_csv = "".join(evidence_rows)
    return partial


def merge(a: Corpus, b: Corpus) -> Corpus:
    """The reduce step: ``b`` (later documents) merged into ``a``; returns ``a``."""
    a.merge(b)
    return a


def preload(lexicon: Lexicon, *, rules: bool = True) -> None:
    """Load every table the map step reads lazily (the lexicon's automaton, jieba's dictionary and
    word classes, the surname and traditional-character tables) in this process, so that worker
    processes forked after it share them instead of each reading them again (a quarter of a second
    a worker, most of a small build's analysis)."""
    _ = lexicon.matcher  # the automaton, built here once
    lexicon.boundaries.frequency("预热")
    simplified("")
    surnames()
    if rules:
        word_tag("预热")


# --- where the map runs --------------------------------------------------------------------------------

Progress = Callable[[int, str], None]  # (files done, what is happening)


def run_partials(tasks: Sequence[Task], lexicon: Lexicon, options: AnalysisOptions, *, workers: int = 1,
                 scheduler: str | None = None, progress: Progress | None = None) -> Iterator[Partial]:
    """Partials of every batch of ``tasks`` in order; on a cluster, the last partial carries the
    merged corpus of all documents and the others carry none (see ``reduce_partials``)."""
    if scheduler:
        yield from _on_dask(tasks, lexicon, options, scheduler, progress)
    elif workers <= 1 or len(tasks) <= 1:
        yield from _in_process(tasks, lexicon, options, progress)
    else:
        yield from _in_pool(tasks, lexicon, options, workers, progress)


def reduce_partials(partials: Iterator[Partial], on_rows: Callable[[Partial], None]) -> Corpus:
    """Merge the partials' corpora in order, handing each partial to ``on_rows`` first (to write its
    table rows and count what it skipped)."""
    corpus = Corpus()
    for p in partials:
        on_rows(p)
        t0 = time.perf_counter()
        corpus.merge(p.corpus)
        p.timings["merge"] = p.timings.get("merge", 0.0) + time.perf_counter() - t0
    return corpus


def _in_process(tasks, lexicon, options, progress) -> Iterator[Partial]:
    done = 0
    for task in tasks:  # one document per batch: progress after every document, nothing held back
        stage = None if progress is None else (lambda name, what, done=done: progress(done, f"{name}: {what}"))
        partial = analyse_batch([task], lexicon, options, stage)
        done += partial.documents
        if progress is not None:
            progress(done, partial.last)
        yield partial


_worker_lexicon: Lexicon | None = None  # set in each worker process (and only there) before work starts
_worker_options: AnalysisOptions | None = None


def _init_worker(lexicon: Lexicon, options: AnalysisOptions) -> None:
    global _worker_lexicon, _worker_options
    _worker_lexicon, _worker_options = lexicon, options


def _pool_batch(batch: list[Task]) -> Partial:
    return analyse_batch(batch, _worker_lexicon, _worker_options)


def _in_pool(tasks, lexicon, options, workers, progress) -> Iterator[Partial]:
    # more batches than workers (load balance), fewer than documents (merging stays cheap)
    per_batch = max(1, min(BATCH_DOCUMENTS, len(tasks) // (workers * 8) or 1))
    work = batches(tasks, max_documents=per_batch)
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    done = 0
    with ctx.Pool(workers, initializer=_init_worker, initargs=(lexicon, options)) as pool:
        results = pool.imap(_pool_batch, work, chunksize=1)
        for batch in work:
            partial = _next_with_progress(results, batch, done, progress)
            done += partial.documents
            if progress is not None:
                progress(done, partial.last)
            yield partial


def _next_with_progress(results, batch: list[Task], done: int, progress: Progress | None) -> Partial:
    """The next result; while it takes long, say every few seconds which file it waits for."""
    if progress is None:
        return next(results)
    t0 = time.monotonic()
    while True:
        try:
            return results.next(timeout=STILL_WORKING_EVERY)
        except mp.TimeoutError:
            progress(done, f"{batch[0][1]}: still analysing ({time.monotonic() - t0:.0f} s)")


def _on_dask(tasks, lexicon, options, scheduler, progress) -> Iterator[Partial]:
    try:
        from distributed import Client
    except ImportError:
        raise KgError("running on a cluster needs Dask: pip install 'dask[distributed]' (the project's 'cluster' "
                      "extra)", param="scheduler") from None
    try:
        client = Client(scheduler, timeout="20s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise KgError(f"cannot reach the Dask scheduler at {scheduler} ({exc})", param="scheduler") from None
    with client:
        _check_workers(client, scheduler, tasks[0][0])
        work = batches(tasks)
        run = uuid.uuid4().hex[:12]  # keys of this build: two builds may share a cluster
        shared = client.scatter(lexicon, broadcast=True)
        partials = client.map(analyse_batch, work, lexicon=shared, options=options, pure=False,
                              key=[f"kg-analyse-{run}-{i}" for i in range(len(work))])
        rows = client.map(Partial.rows_only, partials, pure=False, key=[f"kg-rows-{run}-{i}" for i in range(len(work))])
        corpora = client.map(_corpus_of, partials, pure=False, key=[f"kg-corpus-{run}-{i}" for i in range(len(work))])
        del partials  # the cluster may drop each partial once its rows and corpus are taken
        level = 0
        while len(corpora) > 1:  # pairwise, neighbours only: the order of documents is kept
            merged = [client.submit(merge, corpora[i], corpora[i + 1], pure=False, key=f"kg-merge-{run}-{level}-{i}")
                      for i in range(0, len(corpora) - 1, 2)]
            if len(corpora) % 2:
                merged.append(corpora[-1])
            corpora, level = merged, level + 1
        done = 0
        for i, future in enumerate(rows):
            partial = _result(future, scheduler)
            rows[i] = None  # each batch's rows are written and let go
            done += partial.documents
            if progress is not None:
                progress(done, partial.last)
            if i == len(rows) - 1:
                partial.corpus = _result(corpora[0], scheduler)
            yield partial


def _check_workers(client, scheduler: str, probe: str) -> None:
    """At least one worker, and every worker sees the input files where this machine sees them."""
    try:
        client.wait_for_workers(1, timeout=30)
        seen = client.run(os.path.exists, probe)
    except (OSError, TimeoutError) as exc:
        raise KgError(f"the Dask cluster at {scheduler} has no worker ready ({exc})", param="scheduler") from None
    blind = sorted(worker for worker, ok in seen.items() if not ok)
    if blind:
        raise KgError(f"Dask worker(s) {', '.join(blind)} cannot see {probe}: every worker must see the input "
                      f"files at the same paths (a shared file system)", param="scheduler")


def _corpus_of(partial: Partial) -> Corpus:
    return partial.corpus


def _result(future, scheduler: str):
    try:
        return future.result()
    except KgError:
        raise
    except (OSError, TimeoutError) as exc:
        raise KgError(f"the Dask cluster at {scheduler} stopped answering ({exc})", param="scheduler") from None
