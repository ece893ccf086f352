"""The Cypher statements that write a build into Neo4j, and remove one corpus from it.

Built from the schema's constants only (labels and types are checked against it); values are always
parameters (``$rows``), or, in ``load.cypher``, the fields of a CSV line. Every statement
MERGEs on ids behind uniqueness constraints and matches both ends of a relationship by label, so a
second load changes nothing and no lookup scans the whole database.
"""
from __future__ import annotations

import re

from extractors.records import ENTITY_TYPES
from kg.neo4j.schema import (
    CO_OCCURS_PROPERTIES,
    DOCUMENT_PROPERTIES,
    ENTITY_LABEL,
    ENTITY_PROPERTIES,
    MENTIONED_IN_PROPERTIES,
    NODE_LABELS,
    PROVENANCE,
    RELATIONSHIP_TYPES,
    SOURCE_LABEL,
    TYPED_ENDPOINTS,
    TYPED_PROPERTIES,
)

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


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
    """MERGE one batch of nodes of ``label`` (an entity type or SourceDocument), given as ``$rows``."""
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


# --- LOAD CSV (load.cypher): the same MERGEs, row by row from the neo4j-admin CSV files -----------------

#: How a column of a given type is read from a LOAD CSV line (every field comes as a string or null).
_CSV_VALUE = {
    "string": "line.`{h}`",
    "long": "toInteger(line.`{h}`)",
    "double": "toFloat(line.`{h}`)",
    "boolean": "toBoolean(line.`{h}`)",
    "string[]": "split(line.`{h}`, '\\u001F')",
    "long[]": "[x IN split(line.`{h}`, '\\u001F') | toInteger(x)]",
}
#: Rows per transaction of a LOAD CSV statement.
CSV_TRANSACTION_ROWS = 1000


def csv_value(name: str, type_: str) -> str:
    """The Cypher expression that reads property ``name`` of type ``type_`` from a CSV line."""
    header = name if type_ == "string" else f"{name}:{type_}"
    assert _IDENTIFIER.match(name)
    return _CSV_VALUE[type_].format(h=header)


def _csv_props(properties: dict[str, str]) -> str:
    return "{" + ", ".join(f"{k}: {csv_value(k, t)}" for k, t in properties.items()) + "}"


def load_csv_node_statement(label: str, file: str, properties: dict[str, str]) -> str:
    """MERGE the nodes of ``label`` from the neo4j-admin CSV ``file`` (in Neo4j's import folder),
    as ``node_statement`` does from rows, in transactions of ``CSV_TRANSACTION_ROWS`` rows."""
    label = _label(label)
    if label == SOURCE_LABEL:
        body = (f"  MERGE (d:{SOURCE_LABEL} {{id: line.`id:ID({SOURCE_LABEL})`}})\n"
                f"  SET d += {_csv_props(properties)}\n")
    elif label in ENTITY_TYPES:
        body = (f"  MERGE (n:{ENTITY_LABEL}:{label} {{id: line.`id:ID({ENTITY_LABEL})`}})\n"
                f"  SET n += {_csv_props(properties)},\n"
                "      n.corpora = CASE WHEN line.`corpora:string[]` IN coalesce(n.corpora, []) THEN n.corpora\n"
                "                  ELSE coalesce(n.corpora, []) + line.`corpora:string[]` END\n")
    else:
        raise ValueError(f"{label!r} is not an entity type")
    return _load_csv(file, body)


def load_csv_relationship_statement(type_: str, file: str, properties: dict[str, str]) -> str:
    """MERGE the relationships of ``type_`` from the neo4j-admin CSV ``file``, matching both ends by
    label and id, as ``relationship_statement`` does from rows."""
    type_ = _label(type_)
    if type_ not in RELATIONSHIP_TYPES:
        raise ValueError(f"{type_!r} is not a relationship type")
    target = SOURCE_LABEL if type_ == PROVENANCE else ENTITY_LABEL
    identity = "{detail: line.detail, corpus: line.corpus}" if type_ in TYPED_ENDPOINTS else "{corpus: line.corpus}"
    body = (f"  MATCH (a:{ENTITY_LABEL} {{id: line.`:START_ID({ENTITY_LABEL})`}})\n"
            f"  MATCH (b:{target} {{id: line.`:END_ID({target})`}})\n"
            f"  MERGE (a)-[r:{type_} {identity}]->(b)\n"
            f"  SET r += {_csv_props(properties)}\n")
    return _load_csv(file, body)


def _load_csv(file: str, body: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_]+\.csv", file):
        raise ValueError(f"{file!r} is not a file name of OUT/neo4j")
    return (f"LOAD CSV WITH HEADERS FROM 'file:///{file}' AS line\n"
            f"CALL (line) {{\n{body}}} IN TRANSACTIONS OF {CSV_TRANSACTION_ROWS} ROWS")


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


