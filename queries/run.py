"""Running the ready-made queries (what ``kg query`` does): offline over a build, or over Bolt.

    from queries.run import run_query, format_result
    result = run_query("neighbours", {"name": "新质生产力"}, out="out/")       # the Python twin, no network
    result = run_query("neighbours", {"name": "新质生产力"}, uri="bolt://localhost:7687")   # the Cypher
    print(format_result(result, "table"))

Both give the same columns and rows (see queries/library.py). Over Bolt the password comes only from
the environment variable NEO4J_PASSWORD; user and database default to NEO4J_USER / NEO4J_DATABASE,
else ``neo4j``. Nothing connects anywhere unless a URI is given.

A name that names nothing is an error on both sides (UnknownNameError, with the nearest names), never
an empty answer. The names are checked after an answer with no rows, not before every run: every query
matches its names with a MATCH that must succeed, so rows mean every name named something, and a
correct name costs nothing more. An empty answer costs one more read over Bolt (``NAMES_FOUND``: does
each name match, by index lookups on id and name and a scan for aliases), and only an unknown name a
third (``KNOWN_ENTITIES`` or ``KNOWN_DOCUMENTS``: every name in the database, for the suggestions,
ranked in Python exactly as offline). The check reads the database the query read, so a name is known
when any corpus loaded there has it, as the query itself sees it.
"""
from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

from extractors.errors import KgError
from kg.lookup import Known
from kg.neo4j.client import Connection, check_uri, describe, driver
from kg.notebook import load
from kg.tables import LIST_SEPARATOR, guard_cell
from kg.terminal import display_width, pad
from queries.library import DOCUMENT_LABEL, ENTITY_LABEL, NameParam, Query, check_names, get
from queries.options import DEFAULT_OUT, FORMATS

CELL_WIDTH = 60  # display columns of a text cell in the table format (json and csv give it whole)


@dataclass(frozen=True)
class QueryResult:
    query: str
    params: dict[str, Any]
    columns: tuple[str, ...]
    rows: list[dict[str, Any]]
    where: str  # what answered: the folder, or the URI and database


def run_query(
    name: str,
    params: Mapping[str, Any] | None = None,
    *,
    out: str | os.PathLike = DEFAULT_OUT,
    uri: str | None = None,
    user: str | None = None,
    database: str | None = None,
    environ: Mapping[str, str] = os.environ,
) -> QueryResult:
    """Run query ``name`` with ``params`` (strings from the command line or typed values; defaults for
    the rest): its Python twin over the build folder ``out``, or, when ``uri`` is given, its Cypher over
    Bolt. Raises KgError for an unknown query or parameter, a bad value, or a server problem."""
    query = get(name)
    bound = query.bind(params or {})
    if uri is None:
        if user is not None or database is not None:
            raise KgError("a user or database needs a Neo4j URI (without one the query runs offline over the output folder)",
                          param="uri")
        graph = load(Path(out))
        return QueryResult(name, bound, query.columns, query.run_python(graph, **bound), f"{out} (offline)")
    conn = Connection.from_env(uri=uri, user=user, database=database, environ=environ)
    rows = run_cypher(query.cypher, bound, columns=query.columns, uri=conn.uri, user=conn.user,
                      password=conn.password, database=conn.database)
    if not rows:
        check_names_over_bolt(query, bound, conn)
    return QueryResult(name, bound, query.columns, rows, f"{conn.uri}, database {conn.database}")


#: For each name given (param, value): the types of the entities it names and the number of source
#: documents it names, matched as the queries match them.
NAMES_FOUND = """\
UNWIND $names AS q
OPTIONAL MATCH (n:Entity)
WHERE n.id = q.value OR n.name = q.value OR q.value IN n.aliases
WITH q, collect(DISTINCT n.type) AS types
OPTIONAL MATCH (d:SourceDocument)
WHERE d.id = q.value OR d.title = q.value OR d.path = q.value
RETURN q.param AS param, types, count(d) AS documents
ORDER BY param
"""
#: Every entity's names, for suggestions (read only when a name is unknown).
KNOWN_ENTITIES = """\
MATCH (n:Entity)
RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases, n.type AS type, coalesce(n.mentions, 0) AS mentions
ORDER BY id
"""
#: Every source document's id, title and path, for suggestions (read only when a document is unknown).
KNOWN_DOCUMENTS = """\
MATCH (d:SourceDocument)
RETURN d.id AS id, coalesce(d.title, '') AS title, coalesce(d.path, '') AS path, coalesce(d.mentions, 0) AS mentions
ORDER BY id
"""


def check_names_over_bolt(query: Query, bound: Mapping[str, Any], conn: Connection) -> None:
    """Raise UnknownNameError for a name given to ``query`` that names nothing in the database (see the
    module docstring); nothing when every name names something."""
    given = query.given_names(bound)
    if not given:
        return
    read = {"uri": conn.uri, "user": conn.user, "password": conn.password, "database": conn.database}
    names = [{"param": p.name, "value": value} for p, value in given]
    found = {r["param"]: r for r in run_cypher(NAMES_FOUND, {"names": names}, columns=("param", "types", "documents"), **read)}

    def matches(p: NameParam, value: str) -> bool:
        r = found.get(p.name) or {"types": [], "documents": 0}
        if p.label == DOCUMENT_LABEL:
            return r["documents"] > 0
        return bool(r["types"]) if p.label == ENTITY_LABEL else p.label in r["types"]

    def known(label: str) -> list[Known]:
        if label == DOCUMENT_LABEL:
            rows = run_cypher(KNOWN_DOCUMENTS, {}, columns=("id", "title", "path", "mentions"), **read)
            return [Known(r["id"], tuple(v for v in (r["id"], r["title"], r["path"]) if v), DOCUMENT_LABEL,
                          int(r["mentions"] or 0)) for r in rows]
        rows = run_cypher(KNOWN_ENTITIES, {}, columns=("id", "name", "aliases", "type", "mentions"), **read)
        return [Known(r["id"], (r["name"], *(r["aliases"] or [])), r["type"], int(r["mentions"] or 0)) for r in rows]

    check_names(query, bound, matches=matches, known=known)


def run_cypher(cypher: str, params: Mapping[str, Any], *, columns: Sequence[str], uri: str, user: str,
               password: str, database: str) -> list[dict[str, Any]]:
    """Run one read-only statement in a managed read transaction; rows as plain Python values."""
    check_uri(uri)
    try:
        from neo4j import READ_ACCESS

        with driver(uri, user, password, pool=2) as db:
            # an auto-commit read: no retries, so an unreachable server fails at once
            with db.session(database=database, default_access_mode=READ_ACCESS) as session:
                result = session.run(cypher, dict(params))
                keys, values = list(result.keys()), [record.values() for record in result]
    except KgError:
        raise
    except Exception as exc:  # the driver's errors become one project error, never holding the password
        message, param = describe(exc, uri=uri, user=user, database=database, action="query", password=password)
        raise KgError(message, param=param) from None
    # Neo4j names the columns even when there are no rows (ArcadeDB, the earlier test server, did not)
    if tuple(keys) != tuple(columns):
        raise KgError(f"the server answered with columns {', '.join(keys)}; expected {', '.join(columns)}")
    return [dict(zip(keys, (_plain(v) for v in row))) for row in values]


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return str(value)


# --- output -----------------------------------------------------------------------------------------------

def _cell(value: Any, *, sep: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return sep.join(_cell(v, sep=sep) for v in value)
    return str(value)


def _csv_cell(value: Any) -> str:
    """A CSV cell as the build's tables write it: text behind a quote where a spreadsheet would take it
    for a formula (kg.tables.guard_cell); numbers as they are."""
    cell = _cell(value, sep=LIST_SEPARATOR)
    return guard_cell(cell) if isinstance(value, (str, list)) else cell


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """The rows as a readable table, JSON (a list of objects) or CSV; lists are joined with ', ' in a
    table and ' | ' in CSV, and CSV text cells are guarded against formulas (as in the build's tables)."""
    if fmt == "json":
        return json.dumps(result.rows, ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(result.columns)
        for row in result.rows:
            w.writerow([_csv_cell(row[c]) for c in result.columns])
        return buf.getvalue().rstrip("\n")
    if fmt != "table":
        raise KgError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
    return _table(result)


def _table(result: QueryResult) -> str:
    cols = result.columns
    cells = [[_clip(_cell(row[c], sep=", ").replace("\n", " ")) for c in cols] for row in result.rows]
    numeric = [bool(result.rows) and all(isinstance(row[c], (int, float)) and not isinstance(row[c], bool) or row[c] is None
                                         for row in result.rows) for c in cols]
    widths = [max([display_width(c)] + [display_width(r[i]) for r in cells]) for i, c in enumerate(cols)]

    def line(values):
        parts = [(" " * (w - display_width(v)) + v) if num else pad(v, w) for v, w, num in zip(values, widths, numeric)]
        return "  ".join(parts).rstrip()

    lines = [line(list(cols)), "  ".join("─" * w for w in widths)]
    lines += [line(r) for r in cells]
    n = len(result.rows)
    lines.append(f"({n} row{'s' if n != 1 else ''}: {result.query} over {result.where})")
    return "\n".join(lines)


def _clip(text: str, width: int = CELL_WIDTH) -> str:
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"
