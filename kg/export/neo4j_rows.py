"""The graph in Neo4j's shape: batches of rows, and the Cypher statements that write them.

Pure code, no network: ``read_tables(out)`` reads the tables ``kg build`` wrote, and
``to_neo4j_rows(tables, corpus=...)`` turns them into the rows both writers send:
``kg.export.neo4j`` (over Bolt, with ``$rows`` parameters) and ``kg.export.neo4j_files``
(``load.cypher`` with the same statements and literal rows, and CSV files for ``neo4j-admin``).
So the three ways into Neo4j give the same graph.

Memory grows with the graph, not with the mentions: the tables are read with the ``csv`` module
(no pandas); ``mentions.csv``, by far the largest, is streamed and reduced while it is read to one
count per (entity, document), kept in arrays of integers (``MentionCounts``), and the
``MENTIONED_IN`` rows are a ``MentionRows`` sequence that makes each row's dict only when it is
asked for (one batch at a time in the writers).

The model is ``kg.export.neo4j_schema``. Choices made here, where the schema leaves room:

- Every row carries the corpus name (``row.corpus``). Entities are shared between corpora (merged
  on ``id``; ``corpora`` lists the corpora that loaded them); relationships and source documents
  belong to one corpus: ``corpus`` is part of a relationship's identity (``MERGE ... {corpus: ...}``),
  so two corpora give two ``CO_OCCURS`` between the same pair, each with its own counts.
- An empty value (``""``, an empty list) is not stored: the property is absent, as after
  ``neo4j-admin import``; read ``coalesce(n.aliases, [])``. Rows carry it as ``null`` so a re-load
  removes a value that has become empty. The exception is ``detail`` on the typed relations, part
  of their identity: always a string, ``""`` when there is none.
- Statements are built from the schema's constants only (labels and types are checked against it);
  values are always parameters (``$rows``), or, in ``load.cypher``, literals written by
  ``cypher_literal``.
"""
from __future__ import annotations

import csv
import math
import re
import sys
from functools import lru_cache
import unicodedata
from array import array
from collections.abc import Sequence as SequenceABC
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Mapping, Sequence

from extractors.errors import KgError
from kg.export.neo4j_schema import (
    ENTITY_LABEL, NODE_LABELS, PROVENANCE, RELATIONSHIP_TYPES, SOURCE_LABEL, TYPED_ENDPOINTS,
)
from extractors.records import ENTITY_TYPES, EVIDENCE_SEPARATOR, LIST_SEPARATOR, TYPED_RELATIONS

#: The tables ``kg build`` writes that the Neo4j writers read, with the columns they need.
TABLE_FILES = {
    "entities": "entities.csv",
    "relations": "relations.csv",
    "documents": "documents.csv",
    "mentions": "mentions.csv",
}
REQUIRED_COLUMNS = {
    "entities": ("id", "name", "type", "category", "aliases", "source", "mentions", "documents", "first_date",
                 "last_date", "degree", "weighted_degree", "pagerank", "community"),
    "relations": ("source", "target", "type", "detail", "count", "doc_count", "pmi", "npmi", "jaccard", "llr",
                  "first_date", "in_graph", "documents", "evidence", "evidence_refs"),
    "documents": ("id", "path", "format", "title", "publication", "date", "chars", "sentences", "mentions"),
    "mentions": ("doc", "entity_id"),
}

#: Property types, the same for every writer (neo4j-admin headers use them too).
#: "string" | "long" | "double" | "boolean" | "string[]".
ENTITY_PROPERTIES: dict[str, str] = {
    "name": "string", "type": "string", "category": "string", "aliases": "string[]", "source": "string",
    "mentions": "long", "documents": "long", "first_date": "string", "last_date": "string",
    "degree": "long", "weighted_degree": "double", "pagerank": "double", "community": "long",
}
DOCUMENT_PROPERTIES: dict[str, str] = {
    "path": "string", "title": "string", "publication": "string", "date": "string", "format": "string",
    "chars": "long", "sentences": "long", "mentions": "long", "corpus": "string",
}
CO_OCCURS_PROPERTIES: dict[str, str] = {
    "count": "long", "doc_count": "long", "weight": "long", "pmi": "double", "npmi": "double",
    "jaccard": "double", "llr": "double", "first_date": "string", "in_graph": "boolean",
    "doc_ids": "string[]", "evidence": "string[]", "evidence_refs": "string[]", "corpus": "string",
}
TYPED_PROPERTIES: dict[str, str] = {
    "detail": "string", "count": "long", "doc_ids": "string[]", "evidence": "string[]",
    "evidence_refs": "string[]", "corpus": "string",
}
MENTIONED_IN_PROPERTIES: dict[str, str] = {"mentions": "long", "corpus": "string"}

CO_OCCURS = "CO_OCCURS"
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


# --- rows -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Table:
    """One table as read: column names (a repeated name gets ``.1``, ``.2``, an empty one
    ``Unnamed: <n>``, as pandas names them) and rows of strings, each as wide as the header
    (``""`` where a line has fewer fields)."""

    columns: tuple[str, ...]
    rows: list[tuple[str, ...]]

    def __len__(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class MentionCounts:
    """``mentions.csv`` reduced while it is read: how often each entity is mentioned in each document.

    Ids are stored once (``entity_ids``, ``doc_ids``, in the order first seen); each (entity,
    document) pair is one position in four parallel arrays: the indexes of its ids, its count and
    the index of its first table row (for messages). A pair comes once per run of rows of its
    document (once in all, as ``kg build`` writes the rows grouped by document).
    """

    entity_ids: tuple[str, ...]
    doc_ids: tuple[str, ...]
    entity: array  # index into entity_ids
    doc: array  # index into doc_ids
    count: array  # mention rows of the pair (in this run)
    first: array  # index of the pair's first row in the table (line = index + 2)

    def __len__(self) -> int:
        return len(self.count)


@dataclass(frozen=True)
class Tables:
    """The tables of one ``kg build`` output folder (all values as read: strings, ``""`` when empty);
    ``mentions`` already reduced to counts."""

    entities: Table
    relations: Table
    documents: Table
    mentions: MentionCounts
    folder: Path | None = None  # for messages

    def where(self, table: str) -> str:
        name = TABLE_FILES[table]
        return str(self.folder / name) if self.folder is not None else name


@dataclass(frozen=True)
class Neo4jRows:
    """Everything one corpus puts in Neo4j, as batches of rows, sorted (deterministic).

    Node rows: ``{"id", "corpus", "props"}``. Relationship rows: ``{"source", "target", "corpus",
    "props"}`` plus ``"detail"`` for the typed relations. ``props`` holds the schema's properties
    (``None`` for an empty value).
    """

    corpus: str
    entities: dict[str, list[dict]]  # type label -> rows, for every type in ENTITY_TYPES
    documents: list[dict]
    co_occurs: list[dict]
    typed: dict[str, list[dict]]  # relationship type -> rows, for every type in TYPED_RELATIONS
    mentioned_in: Sequence[dict]  # a MentionRows (or any sequence of row dicts)

    def node_groups(self) -> list[tuple[str, Sequence[dict]]]:
        """(label, rows) in write order: entity types, then source documents."""
        return [*((t, self.entities[t]) for t in ENTITY_TYPES), (SOURCE_LABEL, self.documents)]

    def relationship_groups(self) -> list[tuple[str, Sequence[dict]]]:
        """(type, rows) in write order: CO_OCCURS, the typed relations, MENTIONED_IN."""
        return [(CO_OCCURS, self.co_occurs), *((t, self.typed[t]) for t in TYPED_RELATIONS), (PROVENANCE, self.mentioned_in)]

    def counts(self) -> dict[str, int]:
        """Rows per label (Entity: all entities) and per relationship type."""
        out = {ENTITY_LABEL: sum(len(r) for r in self.entities.values())}
        out.update({label: len(rows) for label, rows in self.node_groups()})
        out.update({type_: len(rows) for type_, rows in self.relationship_groups()})
        return out

    @property
    def node_rows(self) -> int:
        return sum(len(rows) for _, rows in self.node_groups())

    @property
    def relationship_rows(self) -> int:
        return sum(len(rows) for _, rows in self.relationship_groups())

    def strings(self) -> Iterator[str]:
        """Every string value in the rows (ids, names, list items, the corpus): what a file format
        must be able to carry."""
        yield self.corpus
        for _, rows in (*self.node_groups(), *self.relationship_groups()):
            if isinstance(rows, MentionRows):
                yield from rows.strings()
                continue
            for row in rows:
                yield from _strings(row)


class MentionRows(SequenceABC):
    """The MENTIONED_IN rows, sorted by (entity id, document id), held as arrays of integers.

    A read-only sequence of row dicts, ``{"source", "target", "corpus", "props": {"mentions",
    "corpus"}}``, each made when it is asked for: ``rows[i]``, ``rows[i:j]`` (a list), iteration.
    """

    def __init__(self, corpus: str, entity_ids: Sequence[str], doc_ids: Sequence[str],
                 source: array, target: array, mentions: array):
        if not len(source) == len(target) == len(mentions):
            raise ValueError("source, target and mentions must have the same length")
        self.corpus = corpus
        self._entity_ids, self._doc_ids = entity_ids, doc_ids
        self._source, self._target, self._mentions = source, target, mentions

    def __len__(self) -> int:
        return len(self._mentions)

    def _row(self, i: int) -> dict:
        corpus = self.corpus
        return {"source": self._entity_ids[self._source[i]], "target": self._doc_ids[self._target[i]],
                "corpus": corpus, "props": {"mentions": self._mentions[i], "corpus": corpus}}

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._row(i) for i in range(*index.indices(len(self)))]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("MentionRows index out of range")
        return self._row(index)

    def __iter__(self) -> Iterator[dict]:
        return (self._row(i) for i in range(len(self)))

    def __eq__(self, other) -> bool:
        if isinstance(other, MentionRows):
            return (self.corpus, self.pairs()) == (other.corpus, other.pairs())
        if isinstance(other, SequenceABC) and not isinstance(other, (str, bytes)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # mutable-looking sequence semantics, like a list

    def __repr__(self) -> str:
        return f"MentionRows({self.corpus!r}, {len(self)} rows)"

    def pairs(self) -> list[tuple[str, str, int]]:
        """(entity id, document id, mentions) of every row (for tests and comparisons)."""
        e, d = self._entity_ids, self._doc_ids
        return [(e[s], d[t], n) for s, t, n in zip(self._source, self._target, self._mentions)]

    def strings(self) -> Iterator[str]:
        """The string values of the rows in row order, but the corpus (the same in every row)."""
        e, d = self._entity_ids, self._doc_ids
        for s, t in zip(self._source, self._target):
            yield e[s]
            yield d[t]


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def corpus_name(folder: str | Path) -> str:
    """The default corpus name of an output folder: the folder's name."""
    name = Path(folder).resolve().name
    if not name:
        raise KgError(f"{folder}: cannot take a corpus name from this folder; give one with --corpus")
    return name


def read_tables(folder: str | Path, *, mentions: "MentionCounts | None" = None) -> Tables:
    """Read the tables of a ``kg build`` output folder, every value as a string.

    Read as ``pandas.read_csv(dtype=str, keep_default_na=False)`` would (the same values, messages
    and line numbers), with the ``csv`` module; ``mentions.csv`` is streamed into ``MentionCounts``.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise KgError(f"{folder}: no such folder; give the output folder of `kg build`")
    missing = [name for name in TABLE_FILES.values() if not (folder / name).is_file()]
    if missing:
        raise KgError(f"{folder}: not an output folder of `kg build` (missing {', '.join(missing)})")
    tables: dict = {}
    with _csv_field_limit():
        for table, name in TABLE_FILES.items():
            reader = _TableReader(folder / name, table)
            if table == "mentions":
                # the build passes the counts it made while writing mentions.csv: no second read
                tables[table] = mentions if mentions is not None else _read_mentions(reader)
            else:
                rows = list(reader)
                _check_columns(reader)
                tables[table] = Table(reader.columns, rows)
    return Tables(folder=folder, **tables)


@contextmanager
def _csv_field_limit():
    """Let the csv module read fields of any length while the tables are read (an evidence cell
    can be longer than its default limit of 128 KiB), then put its limit back."""
    limit = csv.field_size_limit()
    try:
        csv.field_size_limit(sys.maxsize)
    except OverflowError:
        csv.field_size_limit(2**31 - 1)
    try:
        yield
    finally:
        csv.field_size_limit(limit)


class _TableReader:
    """The data rows of one table, read as pandas' C parser reads it: blank lines skipped, short
    rows padded with ``""``, a row with more fields than the header refused (but in mentions.csv,
    read for two columns only, as with pandas' ``usecols``), an unterminated quote refused.
    ``columns`` is known once the first row has been read (or the table has been read).

    One difference, on purpose: pandas takes a first data row with more fields than the header for
    a sign of index columns and shifts every value of the table to the left; this refuses the row
    as it refuses any other too long one."""

    def __init__(self, path: Path, table: str):
        self.path, self.table = path, table
        self.extra_fields = table == "mentions"
        self.columns: tuple[str, ...] = ()

    def fail(self, reason: str) -> KgError:
        return KgError(f"{self.path}: not a readable CSV table ({reason})")

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        try:
            with open(self.path, encoding="utf-8-sig", newline="") as fh:
                yield from self._rows(fh)
        except UnicodeDecodeError:
            raise KgError(f"{self.path}: not UTF-8 text; is it a table written by `kg build`?") from None
        except csv.Error as exc:
            raise self.fail(str(exc).strip().splitlines()[0] if str(exc).strip() else "csv error") from None

    def _rows(self, fh) -> Iterator[tuple[str, ...]]:
        at_end = [False]

        def lines():
            yield from fh
            at_end[0] = True

        record = -1  # index of the CSV record just read, blank lines included (pandas counts them)
        reader = csv.reader(lines())
        width = 0
        for fields in reader:
            record += 1
            if at_end[0]:  # the reader asked for a line after the last one: EOF inside quotes
                raise self.fail(f"Error tokenizing data. C error: EOF inside string starting at row {record}")
            if not fields or (len(fields) == 1 and fields[0] and not fields[0].strip(" \t")):
                continue  # a blank line
            if not width:
                self.columns = _column_names(fields)
                width = len(fields)
                continue
            if len(fields) > width:
                if not self.extra_fields:
                    raise self.fail(f"Error tokenizing data. C error: Expected {width} fields in line "
                                    f"{record + 1}, saw {len(fields)}")
                fields = fields[:width]
            elif len(fields) < width:
                fields += [""] * (width - len(fields))
            yield tuple(fields)
        if not width:
            raise self.fail("No columns to parse from file")


def _column_names(header: list[str]) -> tuple[str, ...]:
    """Column names as pandas gives them: ``Unnamed: <i>`` for an empty one, ``.1``, ``.2`` ...
    appended to a repeated one."""
    names = [name or f"Unnamed: {i}" for i, name in enumerate(header)]
    counts: dict[str, int] = {}
    for i, name in enumerate(names):
        n = counts.get(name, 0)
        while n > 0:
            counts[name] = n + 1
            name = f"{name}.{n}"
            n = counts.get(name, 0)
        names[i] = name
        counts[name] = n + 1
    return tuple(names)


def _check_columns(reader: _TableReader) -> None:
    lacking = [c for c in REQUIRED_COLUMNS[reader.table] if c not in reader.columns]
    if lacking:
        raise KgError(f"{reader.path}: missing column(s) {', '.join(lacking)}; is it a table written by `kg build`?")


def _read_mentions(reader: _TableReader) -> MentionCounts:
    """Stream mentions.csv into one count per (entity, document) and run of the document's rows."""
    entity_index: dict[str, int] = {}
    doc_index: dict[str, int] = {}
    entity, doc, count, first = array("I"), array("I"), array("Q"), array("Q")
    run_doc, run = -1, {}  # the current document and its entities' positions in the arrays
    columns = None
    data = iter(reader)
    for i, fields in enumerate(data):
        if columns is None:
            if any(c not in reader.columns for c in REQUIRED_COLUMNS["mentions"]):
                for _ in data:  # read on: a table that cannot be parsed is reported as such first
                    pass
                break
            columns = (reader.columns.index("doc"), reader.columns.index("entity_id"))
        d = doc_index.setdefault(fields[columns[0]], len(doc_index))
        if d != run_doc:
            run_doc, run = d, {}
        e = entity_index.setdefault(fields[columns[1]], len(entity_index))
        at = run.get(e)
        if at is None:
            run[e] = len(count)
            entity.append(e)
            doc.append(d)
            count.append(1)
            first.append(i)
        else:
            count[at] += 1
    _check_columns(reader)
    return MentionCounts(tuple(entity_index), tuple(doc_index), entity, doc, count, first)


def to_neo4j_rows(tables: Tables, *, corpus: str) -> Neo4jRows:
    """The rows for Neo4j from the tables of one build. Raises KgError naming the file, line and
    column of a value that is not what ``kg build`` writes."""
    if not isinstance(corpus, str) or not corpus.strip():
        raise KgError("the corpus name must not be empty")
    entities = _entity_rows(tables, corpus)
    known = {row["id"] for rows in entities.values() for row in rows}
    documents = _document_rows(tables, corpus)
    co_occurs, typed = _relation_rows(tables, corpus, known)
    mentioned_in = _mention_rows(tables, corpus, known, {row["id"] for row in documents})
    return Neo4jRows(corpus, entities, documents, co_occurs, typed, mentioned_in)


class _Cells:
    """Typed access to one table row, with messages naming file, line and column."""

    def __init__(self, tables: Tables, table: str):
        self.where = tables.where(table)
        self.line = 1
        self.record: Mapping[str, str] = {}

    def at(self, index: int, record: Mapping[str, str]) -> "_Cells":
        self.line, self.record = index + 2, record  # line 1 is the header
        return self

    def fail(self, column: str, expected: str) -> KgError:
        return KgError(f"{self.where}: line {self.line}, column {column}: expected {expected}, got {self.raw(column)!r}")

    def raw(self, column: str) -> str:
        value = self.record.get(column, "")
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return ""
        return str(value)

    def text(self, column: str) -> str | None:
        return self.raw(column) or None

    def required(self, column: str) -> str:
        value = self.raw(column)
        if not value:
            raise self.fail(column, "a value")
        return value

    def long(self, column: str) -> int | None:
        value = self.raw(column).strip()
        if not value:
            return None
        try:
            return int(value)
        except ValueError:
            pass
        try:
            number = float(value)
        except ValueError:
            raise self.fail(column, "an integer") from None
        if not number.is_integer():
            raise self.fail(column, "an integer")
        return int(number)

    def double(self, column: str) -> float | None:
        value = self.raw(column).strip()
        if not value:
            return None
        try:
            number = float(value)
        except ValueError:
            raise self.fail(column, "a number") from None
        return number if math.isfinite(number) else None

    def boolean(self, column: str) -> bool | None:
        value = self.raw(column).strip().lower()
        if value in ("true", "1"):
            return True
        if value in ("false", "0"):
            return False
        if not value:
            return None
        raise self.fail(column, "true or false")

    def strings(self, column: str) -> list[str] | None:
        # short items (document ids, aliases) repeat across thousands of rows: keep one copy of each
        items = [sys.intern(v) if len(v) < 64 else v for v in self.raw(column).split(LIST_SEPARATOR) if v]
        return items or None


def _records(table: Table) -> Iterator[tuple[int, dict]]:
    columns = table.columns
    for i, values in enumerate(table.rows):
        yield i, dict(zip(columns, values))


def _entity_rows(tables: Tables, corpus: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {t: [] for t in ENTITY_TYPES}
    seen: set[str] = set()
    cells = _Cells(tables, "entities")
    for i, record in _records(tables.entities):
        c = cells.at(i, record)
        eid, type_ = c.required("id"), c.required("type")
        if type_ not in out:
            raise c.fail("type", "one of " + ", ".join(ENTITY_TYPES))
        if eid in seen:
            raise c.fail("id", "an id not used on an earlier line")
        seen.add(eid)
        props = {
            "name": c.required("name"),
            "type": type_,
            "category": c.text("category"),
            "aliases": c.strings("aliases"),
            "source": c.text("source"),
            "mentions": c.long("mentions"),
            "documents": c.long("documents"),
            "first_date": c.text("first_date"),
            "last_date": c.text("last_date"),
            "degree": c.long("degree"),
            "weighted_degree": c.double("weighted_degree"),
            "pagerank": c.double("pagerank"),
            "community": c.long("community"),
        }
        out[type_].append({"id": eid, "corpus": corpus, "props": props})
    for rows in out.values():
        rows.sort(key=lambda r: r["id"])
    return out


def _document_rows(tables: Tables, corpus: str) -> list[dict]:
    rows = []
    seen: set[str] = set()
    cells = _Cells(tables, "documents")
    for i, record in _records(tables.documents):
        c = cells.at(i, record)
        doc = c.required("id")
        if doc in seen:
            raise c.fail("id", "an id not used on an earlier line")
        seen.add(doc)
        props = {
            "path": c.text("path"),
            "title": c.text("title"),
            "publication": c.text("publication"),
            "date": c.text("date"),
            "format": c.text("format"),
            "chars": c.long("chars"),
            "sentences": c.long("sentences"),
            "mentions": c.long("mentions"),
            "corpus": corpus,
        }
        rows.append({"id": doc, "corpus": corpus, "props": props})
    rows.sort(key=lambda r: r["id"])
    return rows


def split_evidence(joined: str, refs: Sequence[str]) -> list[str]:
    """The evidence texts of a relations.csv cell, joined with ' ‖ '.

    Each ref (``doc#sN:start-end`` or ``doc:start-end``) gives the length of its text, so a sentence
    that itself contains ' ‖ ' is cut at the right place; without usable refs, split on the separator.
    """
    if not joined:
        return []
    lengths = []
    for ref in refs:
        try:
            start, end = ref.rsplit(":", 1)[1].split("-")
            lengths.append(int(end) - int(start))
        except (IndexError, ValueError):
            lengths = []
            break
    sep = EVIDENCE_SEPARATOR
    if lengths and min(lengths) >= 0 and sum(lengths) + len(sep) * (len(lengths) - 1) == len(joined):
        texts, pos = [], 0
        for k, n in enumerate(lengths):
            if k and joined[pos:pos + len(sep)] != sep:
                break
            pos += len(sep) if k else 0
            texts.append(joined[pos:pos + n])
            pos += n
        else:
            return texts
    return joined.split(sep)


def _relation_rows(tables: Tables, corpus: str, known: set[str]) -> tuple[list[dict], dict[str, list[dict]]]:
    co: list[dict] = []
    typed: dict[str, list[dict]] = {t: [] for t in TYPED_RELATIONS}
    seen: set[tuple] = set()
    cells = _Cells(tables, "relations")
    for i, record in _records(tables.relations):
        c = cells.at(i, record)
        source, target, type_ = c.required("source"), c.required("target"), c.required("type")
        for column, eid in (("source", source), ("target", target)):
            if eid not in known:
                raise c.fail(column, "the id of an entity in entities.csv")
        refs = c.strings("evidence_refs")
        evidence = split_evidence(c.raw("evidence"), refs or []) or None
        detail = c.raw("detail")
        key = (type_, source, target, detail if type_ != CO_OCCURS else "")
        if key in seen:
            raise c.fail("type", "one row per relation (this one was on an earlier line)")
        seen.add(key)
        if type_ == CO_OCCURS:
            count = c.long("count")
            props = {
                "count": count,
                "doc_count": c.long("doc_count"),
                "weight": count,
                "pmi": c.double("pmi"),
                "npmi": c.double("npmi"),
                "jaccard": c.double("jaccard"),
                "llr": c.double("llr"),
                "first_date": c.text("first_date"),
                "in_graph": c.boolean("in_graph"),
                "doc_ids": c.strings("documents"),
                "evidence": evidence,
                "evidence_refs": refs,
                "corpus": corpus,
            }
            co.append({"source": source, "target": target, "corpus": corpus, "props": props})
        elif type_ in typed:
            props = {
                "detail": detail,
                "count": c.long("count"),
                "doc_ids": c.strings("documents"),
                "evidence": evidence,
                "evidence_refs": refs,
                "corpus": corpus,
            }
            typed[type_].append({"source": source, "target": target, "detail": detail, "corpus": corpus, "props": props})
        else:
            raise c.fail("type", "one of " + ", ".join((CO_OCCURS, *TYPED_RELATIONS)))
    co.sort(key=lambda r: (r["source"], r["target"]))
    for rows in typed.values():
        rows.sort(key=lambda r: (r["source"], r["target"], r["detail"]))
    return co, typed


def _mention_rows(tables: Tables, corpus: str, known: set[str], docs: set[str]) -> MentionRows:
    """One MENTIONED_IN row per (entity, document), sorted by (entity id, document id)."""
    m = tables.mentions
    entity_ok = [eid in known for eid in m.entity_ids]
    doc_ok = [doc in docs for doc in m.doc_ids]
    if not all(entity_ok) or not all(doc_ok):  # the first bad pair in (entity, document) order
        (eid, doc), index = min(
            ((m.entity_ids[e], m.doc_ids[d]), i) for e, d, i in zip(m.entity, m.doc, m.first)
            if not entity_ok[e] or not doc_ok[d]
        )
        c = _Cells(tables, "mentions").at(index, {"doc": doc, "entity_id": eid})
        raise c.fail("entity_id" if eid not in known else "doc",
                     "an id in entities.csv" if eid not in known else "an id in documents.csv")
    # sort the pairs by (entity id, document id): each pair becomes one integer,
    # (rank of its entity * documents + rank of its document) << bits | count
    entity_ids, entity_rank = _ranks(m.entity_ids)
    doc_ids, doc_rank = _ranks(m.doc_ids)
    n_docs = max(1, len(doc_ids))
    bits = max(m.count, default=0).bit_length()
    keys = [((entity_rank[e] * n_docs + doc_rank[d]) << bits) | n for e, d, n in zip(m.entity, m.doc, m.count)]
    keys.sort()
    source, target, mentions = array("I"), array("I"), array("Q")
    mask, last = (1 << bits) - 1, -1
    for key in keys:
        pair = key >> bits
        if pair == last:  # the pair came in two runs of its document's rows
            mentions[-1] += key & mask
            continue
        last = pair
        e, d = divmod(pair, n_docs)
        source.append(e)
        target.append(d)
        mentions.append(key & mask)
    return MentionRows(corpus, entity_ids, doc_ids, source, target, mentions)


def _ranks(ids: Sequence[str]) -> tuple[list[str], list[int]]:
    """The ids sorted, and the position in that order of each id (by its index in ``ids``)."""
    order = sorted(range(len(ids)), key=ids.__getitem__)
    rank = [0] * len(ids)
    for r, i in enumerate(order):
        rank[i] = r
    return [ids[i] for i in order], rank


# --- statements -----------------------------------------------------------------------------------------

def _label(name: str) -> str:
    """A label or relationship type for a statement: only from the fixed schema."""
    if name not in NODE_LABELS and name not in RELATIONSHIP_TYPES:
        raise ValueError(f"{name!r} is not in the schema")
    assert _IDENTIFIER.match(name)
    return name


def _name(kind: str, label: str) -> str:
    return f"{label.lower()}_{kind}"


def schema_statements() -> list[tuple[str, str]]:
    """(name, statement): uniqueness of ``id`` on :Entity, each type label and :SourceDocument;
    indexes on ``name`` for :Entity and each type label."""
    out = []
    for label in (ENTITY_LABEL, *ENTITY_TYPES, SOURCE_LABEL):
        label = _label(label)
        out.append((
            "constraint:" + label,
            "CREATE CONSTRAINT " + _name("id", label) + " IF NOT EXISTS FOR (n:" + label + ") REQUIRE n.id IS UNIQUE",
        ))
    for label in (ENTITY_LABEL, *ENTITY_TYPES):
        label = _label(label)
        out.append((
            "index:" + label,
            "CREATE INDEX " + _name("name", label) + " IF NOT EXISTS FOR (n:" + label + ") ON (n.name)",
        ))
    return out


def batches(rows: Sequence[dict], size: int) -> Iterator[Sequence[dict]]:
    """Slices of ``size`` rows (a slice of MentionRows makes only that batch's dicts)."""
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def node_statement(label: str, rows: str = "$rows") -> str:
    """MERGE one batch of nodes of ``label`` (an entity type or SourceDocument). ``rows`` is
    ``$rows`` over Bolt, a list literal in load.cypher."""
    label = _label(label)
    if label == SOURCE_LABEL:
        return "UNWIND " + rows + " AS row\nMERGE (d:" + SOURCE_LABEL + " {id: row.id})\nSET d += row.props"
    if label not in ENTITY_TYPES:
        raise ValueError(f"{label!r} is not an entity type")
    return (
        "UNWIND " + rows + " AS row\n"
        "MERGE (n:" + ENTITY_LABEL + ":" + label + " {id: row.id})\n"
        "SET n += row.props,\n"
        "    n.corpora = CASE WHEN row.corpus IN coalesce(n.corpora, []) THEN n.corpora\n"
        "                ELSE coalesce(n.corpora, []) + row.corpus END"
    )


def relationship_statement(type_: str, rows: str = "$rows") -> str:
    """MERGE one batch of relationships of ``type_``, matching both ends by label and id."""
    type_ = _label(type_)
    if type_ not in RELATIONSHIP_TYPES:
        raise ValueError(f"{type_!r} is not a relationship type")
    target = SOURCE_LABEL if type_ == PROVENANCE else ENTITY_LABEL
    identity = "{detail: row.detail, corpus: row.corpus}" if type_ in TYPED_ENDPOINTS else "{corpus: row.corpus}"
    return (
        "UNWIND " + rows + " AS row\n"
        "MATCH (a:" + ENTITY_LABEL + " {id: row.source})\n"
        "MATCH (b:" + target + " {id: row.target})\n"
        "MERGE (a)-[r:" + type_ + " " + identity + "]->(b)\n"
        "SET r += row.props"
    )


def replace_statements() -> list[tuple[str, str]]:
    """(name, statement) that remove what an earlier load of ``$corpus`` put there, ``$limit`` at a
    time (each returns ``removed``; run each until it returns 0), in this order."""
    out = []
    for type_ in RELATIONSHIP_TYPES:
        type_ = _label(type_)
        out.append((
            "replace:" + type_,
            "MATCH (:" + ENTITY_LABEL + ")-[r:" + type_ + "]->()\nWHERE r.corpus = $corpus\n"
            "WITH r LIMIT $limit\nDELETE r\nRETURN count(*) AS removed",
        ))
    out.append((
        "replace:" + SOURCE_LABEL,
        "MATCH (d:" + SOURCE_LABEL + ")\nWHERE d.corpus = $corpus\nWITH d LIMIT $limit\nDETACH DELETE d\nRETURN count(*) AS removed",
    ))
    out.append((
        "replace:" + ENTITY_LABEL,
        "MATCH (n:" + ENTITY_LABEL + ")\nWHERE n.corpora = [$corpus]\nWITH n LIMIT $limit\nDETACH DELETE n\nRETURN count(*) AS removed",
    ))
    out.append((
        "replace:corpora",
        "MATCH (n:" + ENTITY_LABEL + ")\nWHERE $corpus IN n.corpora\nWITH n LIMIT $limit\n"
        "SET n.corpora = [c IN n.corpora WHERE c <> $corpus]\nRETURN count(*) AS removed",
    ))
    return out


#: Read-only statements the loader sends besides the writes.
PROBE_STATEMENT = "RETURN 1 AS ok"
DOCUMENT_CONFLICT_STATEMENT = (
    "UNWIND $ids AS id\nMATCH (d:" + SOURCE_LABEL + " {id: id})\nWHERE d.corpus <> $corpus\n"
    "RETURN d.id AS id, d.corpus AS corpus\nORDER BY id\nLIMIT 5"
)


def all_statements() -> dict[str, str]:
    """Every statement the Bolt loader can send, by name (for checks with Neo4j's parser)."""
    out = {"probe": PROBE_STATEMENT, "check:documents": DOCUMENT_CONFLICT_STATEMENT}
    out.update(schema_statements())
    for label in (*ENTITY_TYPES, SOURCE_LABEL):
        out["nodes:" + label] = node_statement(label)
    for type_ in RELATIONSHIP_TYPES:
        out["relationships:" + type_] = relationship_statement(type_)
    out.update(replace_statements())
    return out


#: Parameters, property keys, labels and types the statements use (for a linter's schema).
PARAMETERS = {"rows": [], "corpus": "", "limit": 1000, "ids": []}


def property_keys() -> list[str]:
    keys = {"id", "corpora", "detail", "corpus", *ENTITY_PROPERTIES, *DOCUMENT_PROPERTIES, *CO_OCCURS_PROPERTIES,
            *TYPED_PROPERTIES, *MENTIONED_IN_PROPERTIES}
    return sorted(keys)


# --- Cypher literals (for load.cypher, which cypher-shell runs without parameters) ---------------------------

_ESCAPES = {"\\": "\\\\", "'": "\\'", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_MAX_LONG = 2**63 - 1
#: Characters written as an escape: the ones above, lone surrogates, and every control, format and
#: line/paragraph-separator character of the Basic Multilingual Plane.
_NEEDS_ESCAPE = re.compile("[" + "".join(
    re.escape(chr(c)) for c in range(0x10000)
    if chr(c) in _ESCAPES or 0xD800 <= c <= 0xDFFF or unicodedata.category(chr(c)) in ("Cc", "Cf", "Zl", "Zp")
) + "]")


def _escape(match: re.Match) -> str:
    ch = match.group()
    esc = _ESCAPES.get(ch)
    if esc is not None:
        return esc
    code = ord(ch)
    if 0xD800 <= code <= 0xDFFF:
        raise ValueError(f"a lone surrogate (U+{code:04X}) cannot be written to a UTF-8 file")
    return f"\\u{code:04X}"


def cypher_string(value: str) -> str:
    """A Cypher string literal (single-quoted) that reads back as exactly ``value``.

    Backslash and both quotes are escaped; so is every control, format and line/paragraph-separator
    character in the Basic Multilingual Plane (as ``\\uXXXX``), so the file holds no invisible
    character and no raw line break inside a string. Other characters are written as they are
    (the file is UTF-8). Only the escapes Neo4j documents are used: ``\\\\ \\' \\" \\n \\r \\t \\b \\f \\uXXXX``.
    """
    if len(value) < 64:
        return _short_string(value)  # ids and names recur on thousands of rows
    return "'" + _NEEDS_ESCAPE.sub(_escape, value) + "'"


@lru_cache(maxsize=65536)
def _short_string(value: str) -> str:
    return "'" + _NEEDS_ESCAPE.sub(_escape, value) + "'"


_PLAIN_KEYS: set[str] = set()


def cypher_literal(value) -> str:
    """A Cypher literal for a row value: null, booleans, integers, floats, strings, lists, maps
    (map keys must be plain identifiers: they come from the schema)."""
    kind = type(value)
    if kind is str:
        return cypher_string(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is dict:
        parts = []
        for k, v in value.items():
            if k not in _PLAIN_KEYS:
                if not isinstance(k, str) or not _IDENTIFIER.match(k):
                    raise ValueError(f"map key {k!r} is not a plain identifier")
                _PLAIN_KEYS.add(k)
            parts.append(k + ": " + cypher_literal(v))
        return "{" + ", ".join(parts) + "}"
    if isinstance(value, int):
        if not -_MAX_LONG <= value <= _MAX_LONG:
            raise ValueError(f"{value} does not fit a Cypher integer")
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else "null"
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return cypher_literal(dict(value))
    raise TypeError(f"no Cypher literal for {type(value).__name__}")
