"""The graph in Neo4j's shape: batches of rows, and the Cypher statements that write them.

Pure code, no network: ``read_tables(out)`` reads the tables ``kg build`` wrote, and
``to_neo4j_rows(tables, corpus=...)`` turns them into the rows both writers send:
``kg.export.neo4j`` (over Bolt, with ``$rows`` parameters) and ``kg.export.neo4j_files``
(``load.cypher`` with the same statements and literal rows, and CSV files for ``neo4j-admin``).
So the three ways into Neo4j give the same graph.

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

import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Mapping, Sequence

import pandas as pd

from kg.errors import KgError
from kg.export.neo4j_schema import (
    ENTITY_LABEL, NODE_LABELS, PROVENANCE, RELATIONSHIP_TYPES, SOURCE_LABEL, TYPED_ENDPOINTS,
)
from kg.records import ENTITY_TYPES, TYPED_RELATIONS

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
LIST_SEPARATOR = " | "  # aliases, documents, evidence_refs in the tables
EVIDENCE_SEPARATOR = " ‖ "  # evidence texts in relations.csv

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
class Tables:
    """The tables of one ``kg build`` output folder (all values as read: strings, ``""`` when empty)."""

    entities: pd.DataFrame
    relations: pd.DataFrame
    documents: pd.DataFrame
    mentions: pd.DataFrame
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
    mentioned_in: list[dict]

    def node_groups(self) -> list[tuple[str, list[dict]]]:
        """(label, rows) in write order: entity types, then source documents."""
        return [*((t, self.entities[t]) for t in ENTITY_TYPES), (SOURCE_LABEL, self.documents)]

    def relationship_groups(self) -> list[tuple[str, list[dict]]]:
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
            for row in rows:
                yield from _strings(row)


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


def read_tables(folder: str | Path) -> Tables:
    """Read the tables of a ``kg build`` output folder, every value as a string."""
    folder = Path(folder)
    if not folder.is_dir():
        raise KgError(f"{folder}: no such folder; give the output folder of `kg build`")
    missing = [name for name in TABLE_FILES.values() if not (folder / name).is_file()]
    if missing:
        raise KgError(f"{folder}: not an output folder of `kg build` (missing {', '.join(missing)})")
    frames = {}
    for table, name in TABLE_FILES.items():
        path = folder / name
        usecols = (lambda c: c in REQUIRED_COLUMNS["mentions"]) if table == "mentions" else None
        try:
            df = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False, na_filter=False, usecols=usecols)
        except UnicodeDecodeError:
            raise KgError(f"{path}: not UTF-8 text; is it a table written by `kg build`?") from None
        except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
            raise KgError(f"{path}: not a readable CSV table ({str(exc).strip().splitlines()[0]})") from None
        lacking = [c for c in REQUIRED_COLUMNS[table] if c not in df.columns]
        if lacking:
            raise KgError(f"{path}: missing column(s) {', '.join(lacking)}; is it a table written by `kg build`?")
        frames[table] = df
    return Tables(folder=folder, **frames)


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
        items = [v for v in self.raw(column).split(LIST_SEPARATOR) if v]
        return items or None


def _records(df: pd.DataFrame) -> Iterator[tuple[int, dict]]:
    columns = list(df.columns)
    for i, values in enumerate(df.itertuples(index=False, name=None)):
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


def _mention_rows(tables: Tables, corpus: str, known: set[str], docs: set[str]) -> list[dict]:
    df = tables.mentions
    counts = df.groupby(["entity_id", "doc"], sort=True).size() if len(df) else {}
    rows = []
    for (eid, doc), n in (counts.items() if len(df) else ()):
        if eid not in known or doc not in docs:
            bad = df[(df["entity_id"] == eid) & (df["doc"] == doc)].index[0]
            c = _Cells(tables, "mentions").at(int(bad), df.loc[bad].to_dict())
            raise c.fail("entity_id" if eid not in known else "doc",
                         "an id in entities.csv" if eid not in known else "an id in documents.csv")
        rows.append({"source": eid, "target": doc, "corpus": corpus, "props": {"mentions": int(n), "corpus": corpus}})
    return rows


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
    return "'" + _NEEDS_ESCAPE.sub(_escape, value) + "'"


def cypher_literal(value) -> str:
    """A Cypher literal for a row value: null, booleans, integers, floats, strings, lists, maps
    (map keys must be plain identifiers: they come from the schema)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
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
        parts = []
        for k, v in value.items():
            if not isinstance(k, str) or not _IDENTIFIER.match(k):
                raise ValueError(f"map key {k!r} is not a plain identifier")
            parts.append(k + ": " + cypher_literal(v))
        return "{" + ", ".join(parts) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")
