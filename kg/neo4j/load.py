"""Loading a build into Neo4j over Bolt (with the driver of ``kg.neo4j.client``).

    from kg.neo4j.load import load_folder
    report = load_folder("out/", uri="bolt://localhost:7687", user="neo4j", password=..., database="neo4j")
    print(report.summary())

What a load does, in this order, each write in a managed transaction (``session.execute_write``) on
the named database:

1. checks the server answers (one auto-commit ``RETURN 1``, so an unreachable server, wrong
   credentials or a missing database fail at once with a clear ``KgError``);
2. creates the uniqueness constraints and name indexes (``IF NOT EXISTS``);
3. with ``replace=True``: removes what an earlier load of the same corpus put there: its
   relationships and source documents, the entities no other corpus loaded; other entities lose
   the corpus name from ``corpora``;
4. MERGEs the nodes (entities per type label, then source documents) and then the relationships
   (CO_OCCURS, the typed relations, MENTIONED_IN), ``batch_size`` rows per transaction, with the
   statements of ``kg.neo4j.statements`` (labels from the fixed schema, values as parameters).
   The MENTIONED_IN rows are held as integers (``MentionRows``); only the batch being sent is
   made into row maps.

Loading the same folder again leaves the database as it was (values updated, nothing duplicated).
Loading another corpus adds to it: entities are shared (``corpora`` lists both), relationships and
source documents carry their ``corpus``. The corpus name defaults to the folder's name.

The password is only ever passed to the driver: it is never printed, logged or put in a message
(what a server says is scrubbed of it, in case a server echoes it: ``kg.neo4j.client.scrub``).

Each batch is its own transaction, retried by the driver on transient errors (a deadlock with
another load, a leader switch) and on a lost connection, for up to 30 s. A load that fails after
some batches were committed leaves those in the database; the error says how far it got, and
running the same load again completes it (MERGE adds what is missing and duplicates nothing).
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Callable

from extractors.errors import KgError
from kg.neo4j.client import check_uri, describe, driver
from kg.neo4j.rows import Neo4jRows, batches, read_folder
from kg.neo4j.statements import (
    DOCUMENT_CONFLICT_STATEMENT,
    PROBE_STATEMENT,
    node_statement,
    relationship_statement,
    replace_statements,
    schema_statements,
)

DEFAULT_BATCH_SIZE = 1000
Progress = Callable[[int, int, str], None]  # (rows done, rows in all, what is being written)


class Neo4jLoadError(KgError):
    """Neo4j could not be reached or refused the load; the message never holds the password."""


# --- the report -----------------------------------------------------------------------------------------

@dataclass
class Counts:
    rows: int = 0  # rows sent
    created: int = 0  # nodes or relationships the server created
    seconds: float = 0.0  # time spent writing them

    @property
    def updated(self) -> int:
        """Rows that matched what was there already (their properties were set again)."""
        return max(0, self.rows - self.created)


@dataclass
class LoadReport:
    corpus: str
    database: str
    uri: str
    batch_size: int
    nodes: dict[str, Counts] = field(default_factory=dict)  # per label (entity types, SourceDocument)
    relationships: dict[str, Counts] = field(default_factory=dict)  # per type
    removed: dict[str, int] = field(default_factory=dict)  # replace=True: removed per type/label
    seconds: dict[str, float] = field(default_factory=dict)  # schema, replace, nodes, relationships, total

    @property
    def nodes_written(self) -> int:
        return sum(c.rows for c in self.nodes.values())

    @property
    def relationships_written(self) -> int:
        return sum(c.rows for c in self.relationships.values())

    @property
    def nodes_created(self) -> int:
        return sum(c.created for c in self.nodes.values())

    @property
    def relationships_created(self) -> int:
        return sum(c.created for c in self.relationships.values())

    def rate(self, phase: str) -> float:
        """Rows per second of a phase: "nodes", "relationships" or "total"."""
        rows = {"nodes": self.nodes_written, "relationships": self.relationships_written,
                "total": self.nodes_written + self.relationships_written}[phase]
        seconds = self.seconds.get(phase, 0.0)
        return rows / seconds if seconds > 0 else 0.0

    def summary(self) -> str:
        lines = []
        if self.removed:
            lines.append(f"Replaced corpus {self.corpus!r}: removed " + ", ".join(
                f"{name} {n}" for name, n in self.removed.items() if n)
                + (" (nothing was there)" if not any(self.removed.values()) else ""))
        lines.append(
            f"Loaded corpus {self.corpus!r} into database {self.database!r} at {self.uri}: "
            f"{self.nodes_written} nodes ({self.nodes_created} created, {self.nodes_written - self.nodes_created} updated), "
            f"{self.relationships_written} relationships ({self.relationships_created} created, "
            f"{self.relationships_written - self.relationships_created} updated) in {self.seconds.get('total', 0.0):.1f} s"
        )
        lines.append("  nodes: " + ", ".join(f"{k} {c.rows}" for k, c in self.nodes.items()))
        lines.append("  relationships: " + ", ".join(f"{k} {c.rows}" for k, c in self.relationships.items()))
        lines.append(
            f"  {self.rate('nodes'):.0f} node rows/s, {self.rate('relationships'):.0f} relationship rows/s "
            f"(batches of {self.batch_size})"
        )
        return "\n".join(lines)


# --- loading ----------------------------------------------------------------------------------------------

def load_folder(
    folder: str | os.PathLike,
    *,
    uri: str,
    user: str,
    password: str,
    database: str,
    corpus: str | None = None,
    replace: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
) -> LoadReport:
    """Load the output folder of ``kg build`` into ``database`` at ``uri``.

    ``corpus`` defaults to the folder's name. ``replace=True`` first removes what the earlier load
    of that corpus put there (see the module docstring). Raises KgError (never holding the
    password) when the folder is not a build output or the server cannot be used.
    """
    check_uri(uri)
    if batch_size < 1:
        raise KgError("the batch size must be at least 1", param="batch_size")
    rows = read_folder(folder, corpus=corpus)
    try:
        db = driver(uri, user, password)
    except Exception as exc:  # a URI the driver refuses
        message, param = describe(exc, uri=uri, user=user, database=database, password=password)
        raise Neo4jLoadError(message, param=param) from None
    try:
        return _load(db, rows, database=database, replace=replace, batch_size=batch_size, progress=progress,
                     uri=uri, user=user, password=password)
    finally:
        db.close()


def load_rows(
    driver,
    rows: Neo4jRows,
    *,
    database: str,
    replace: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    uri: str = "",
    user: str = "",
) -> LoadReport:
    """Write ``rows`` with an open ``neo4j`` driver (the lower-level half of ``load_folder``)."""
    return _load(driver, rows, database=database, replace=replace, batch_size=batch_size, progress=progress,
                 uri=uri, user=user, password=None)


def _load(driver, rows: Neo4jRows, *, database: str, replace: bool, batch_size: int, progress: Progress | None,
          uri: str, user: str, password: str | None) -> LoadReport:
    if not database:
        raise KgError("no database name given", param="database")
    report = LoadReport(rows.corpus, database, uri or "the server", batch_size)
    total_rows = rows.node_rows + rows.relationship_rows
    done = 0
    t_start = time.perf_counter()
    try:
        with driver.session(database=database) as session:
            session.run(PROBE_STATEMENT).consume()  # auto-commit, no retries: fails fast

            t0 = time.perf_counter()
            create_schema(session)
            report.seconds["schema"] = time.perf_counter() - t0

            ids = [row.id for row in rows.documents]
            if ids:
                taken = session.execute_read(_records, DOCUMENT_CONFLICT_STATEMENT, {"ids": ids, "corpus": rows.corpus})
                if taken:
                    raise Neo4jLoadError(
                        "source document id(s) already loaded by another corpus: "
                        + ", ".join(f"{r['id']} ({r['corpus']})" for r in taken)
                        + "; a document id belongs to one corpus (replace that corpus's earlier load, or "
                        "build from a folder layout that gives other ids)", param="replace",
                    )

            if replace:
                t0 = time.perf_counter()
                report.removed = _remove_corpus(session, rows.corpus, batch_size)
                report.seconds["replace"] = time.perf_counter() - t0

            def advance(n: int, what: str) -> None:
                nonlocal done
                done += n
                if progress:
                    progress(done, total_rows, what)

            report.seconds["nodes"] = _write_groups(
                session, "nodes", rows.node_groups(), node_statement, report.nodes, batch_size, advance)
            report.seconds["relationships"] = _write_groups(
                session, "relationships", rows.relationship_groups(), relationship_statement, report.relationships,
                batch_size, advance)
    except KgError:
        raise
    except Exception as exc:  # the driver's errors become one project error, without the password
        message, param = describe(exc, uri=uri or "the server", user=user, database=database, password=password)
        if done:
            message += (f"; the load stopped after {done:,} of {total_rows:,} rows (each batch of {batch_size:,} is "
                        "committed on its own): run it again to complete it (nothing is duplicated)")
        raise Neo4jLoadError(message, param=param) from None
    report.seconds["total"] = time.perf_counter() - t_start
    if progress and total_rows == 0:
        progress(0, 0, "nothing to write")
    return report


def _remove_corpus(session, corpus: str, batch_size: int) -> dict[str, int]:
    removed: dict[str, int] = {}
    for name, statement in replace_statements():
        key = name.split(":", 1)[1]
        n = 0
        while True:
            records = session.execute_write(_records, statement, {"corpus": corpus, "limit": batch_size})
            k = records[0]["removed"] if records else 0
            n += k
            if k == 0:
                break
        removed["corpora of shared entities" if key == "corpora" else key] = n
    return removed


def _write_groups(session, what: str, groups, statement_for, tally: dict[str, Counts], batch_size: int,
                  advance: Callable[[int, str], None]) -> float:
    """MERGE each group (``what`` = "nodes" of a label or "relationships" of a type) in batches, one
    managed transaction a batch; counts per group in ``tally`` the rows sent and what the server
    created. Returns the seconds it took."""
    t0 = time.perf_counter()
    for name, group in groups:
        counts = tally.setdefault(name, Counts())
        statement = statement_for(name)
        t1 = time.perf_counter()
        for batch in batches(group, batch_size):
            summary = session.execute_write(_consume, statement, {"rows": [row.parameter() for row in batch]})
            counts.rows += len(batch)
            counts.created += getattr(summary.counters, f"{what}_created")
            advance(len(batch), f"{name} {what}")
        counts.seconds += time.perf_counter() - t1
    return time.perf_counter() - t0


#: What the server says when another session created the same constraint or index between this statement's
#: ``IF NOT EXISTS`` check and its creation (two loads started at once): the rule exists, as wanted.
_SCHEMA_RACE = ("Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
                "Neo.ClientError.Schema.ConstraintAlreadyExists", "Neo.ClientError.Schema.IndexAlreadyExists")


def create_schema(session) -> None:
    """The uniqueness constraints and name indexes, each ``IF NOT EXISTS``; a rule another load created at the
    same moment counts as created."""
    from neo4j.exceptions import ClientError

    for _, statement in schema_statements():
        try:
            session.execute_write(_consume, statement, {})
        except ClientError as exc:
            if getattr(exc, "code", "") not in _SCHEMA_RACE:
                raise


def _consume(tx, statement: str, parameters: dict):
    return tx.run(statement, parameters).consume()


def _records(tx, statement: str, parameters: dict) -> list[dict]:
    return [record.data() for record in tx.run(statement, parameters)]


