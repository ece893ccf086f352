"""``OUT/neo4j/``: the graph for users who load Neo4j without Python.

- CSV files with typed headers for ``neo4j-admin database import full``: ``entities_<Type>.csv``
  (``id:ID(Entity)``, ``:LABEL``, ``name``, ``aliases:string[]``, ``mentions:long``,
  ``pagerank:double`` ...), ``source_documents.csv`` (its own ID space, ``SourceDocument``) and one
  ``relationships_<TYPE>.csv`` per relationship type (``:START_ID(Entity)``, ``:END_ID(...)``,
  ``:TYPE`` and typed properties);
- ``schema.cypher``: the uniqueness constraints and name indexes (run it after an import);
- ``load.cypher``: the schema and one ``LOAD CSV`` statement per CSV file, for ``cypher-shell -f
  load.cypher`` into a running server (the CSV files copied into its import folder);
- ``README.md``: the exact command lines.

Everything comes from the rows of ``kg.neo4j.rows`` (the build's tables, in memory), so
``neo4j-admin``, ``cypher-shell`` and ``kg export neo4j`` give the same graph.
The same build gives the same bytes. Files are written as they are made, a line (CSV) or a
statement (``load.cypher``) at a time, so no file is ever held whole in memory.

Array delimiter: list values (``aliases``, ``doc_ids``, ``evidence``, ``evidence_refs``, ``corpora``)
and the two labels in ``:LABEL`` are joined with U+001F (ASCII unit separator), passed to
neo4j-admin as ``--array-delimiter=U+001F``. neo4j-admin cannot escape the delimiter inside a value,
so it must never occur in a list item: the normalisation removes every C0 control character from the
text, document ids are made printable, and the writer checks every list item and stops with an
``ExportError`` if one holds it anyway (a plain string property may hold it: it is not split).
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple, TextIO

from extractors.records import CO_OCCURS
from kg.files import ExportError, atomic_text, staged_folder
from kg.neo4j.rows import Neo4jRows
from kg.neo4j.schema import (
    CO_OCCURS_PROPERTIES,
    DOCUMENT_PROPERTIES,
    ENTITY_LABEL,
    ENTITY_PROPERTIES,
    MENTIONED_IN_PROPERTIES,
    PROVENANCE,
    SOURCE_LABEL,
    TYPED_PROPERTIES,
)
from kg.neo4j.statements import (
    CSV_TRANSACTION_ROWS,
    load_csv_node_statement,
    load_csv_relationship_statement,
    schema_statements,
)

ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_OPTION = "U+001F"  # how neo4j-admin's --array-delimiter takes it


class CsvTable(NamedTuple):
    """One neo4j-admin CSV file: its name, header, lines (made one at a time) and what it holds."""

    name: str
    header: list[str]
    lines: Iterator[list[str]]
    kind: str  # "nodes" or "relationships"
    label: str  # the node label or relationship type
    properties: dict[str, str]


def write_files(rows: Neo4jRows, folder: str | Path) -> Path:
    """Write the CSV files, schema.cypher, load.cypher and README.md for ``rows`` into ``folder``,
    each streamed to its file."""
    folder = Path(folder)
    _list_field([rows.corpus])  # checked first: it is in every file, in the corpora arrays
    tables = []
    with staged_folder(folder, replaceable=_written_here) as staging:
        for table in _csv_tables(rows):
            with atomic_text(staging / table.name, encoding="utf-8", newline="") as fh:
                _write_csv(fh, table.header, table.lines)
            tables.append(table)
        with atomic_text(staging / "schema.cypher") as fh:
            fh.write(schema_cypher())
        with atomic_text(staging / "load.cypher") as fh:
            fh.write(load_cypher(rows))
        with atomic_text(staging / "README.md") as fh:
            fh.write(readme(rows, [t.name for t in tables]))
    return folder


def _written_here(folder: Path) -> bool:
    """Does ``folder`` hold only what ``write_files`` writes (so that replacing it loses nothing)?"""
    return all(p.is_file() and p.suffix in (".csv", ".cypher", ".md") for p in folder.iterdir())


def _delimiter_error(value: str) -> ExportError:
    shown = value.replace(ARRAY_DELIMITER, "<U+001F>")
    return ExportError(
        f"a value holds U+001F, the array delimiter of the neo4j-admin files, which cannot be escaped: "
        f"{shown[:120]!r}; remove the character from the input (lexicon or text) and build again"
    )


# --- CSV for neo4j-admin -------------------------------------------------------------------------------------

def _field(value, type_: str = "string") -> str:
    """One CSV field as neo4j-admin (with ``--legacy-style-quoting=true``) and LOAD CSV (by default)
    both read it: strings always quoted, with backslash and quote escaped by a backslash, so an
    empty string stays an empty string; a missing value is an empty unquoted field (no property)."""
    return _CONVERTERS[type_](value)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _string_field(value) -> str:
    return "" if value is None else _quote(value if type(value) is str else str(value))


def _list_field(value) -> str:
    if value is None:
        return ""
    for item in value:
        if ARRAY_DELIMITER in item:
            raise _delimiter_error(item)
    text = ARRAY_DELIMITER.join(value)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _long_list_field(value) -> str:
    return "" if value is None else '"' + ARRAY_DELIMITER.join(str(int(v)) for v in value) + '"'


def _boolean_field(value) -> str:
    return "" if value is None else ("true" if value else "false")


def _long_field(value) -> str:
    return "" if value is None else str(int(value))


def _double_field(value) -> str:
    return "" if value is None else repr(float(value))


_CONVERTERS = {"string": _string_field, "string[]": _list_field, "long[]": _long_list_field, "boolean": _boolean_field,
               "long": _long_field,
               "double": _double_field}


def _header(name: str, type_: str) -> str:
    return name if type_ == "string" else f"{name}:{type_}"


#: Characters of CSV lines collected before they are written (fewer, larger writes).
_WRITE_CHUNK = 1 << 16


def _write_csv(fh: TextIO, header: list[str], lines: Iterable[list[str]]) -> None:
    fh.write(",".join(header) + "\n")
    chunk: list[str] = []
    size = 0
    for fields in lines:
        line = ",".join(fields) + "\n"
        chunk.append(line)
        size += len(line)
        if size >= _WRITE_CHUNK:
            fh.write("".join(chunk))
            chunk.clear()
            size = 0
    fh.write("".join(chunk))


def _csv_tables(rows: Neo4jRows) -> Iterator[CsvTable]:
    """Every neo4j-admin CSV file, in import order, its lines made one at a time."""
    for label, group in rows.node_groups():
        if label == SOURCE_LABEL:
            props, name, labels = DOCUMENT_PROPERTIES, "source_documents.csv", [SOURCE_LABEL]
            header = [f"id:ID({SOURCE_LABEL})", ":LABEL"]
            corpora = False
        else:
            props, name, labels = ENTITY_PROPERTIES, f"entities_{label}.csv", [ENTITY_LABEL, label]
            header = [f"id:ID({ENTITY_LABEL})", ":LABEL"]
            corpora = True
        header += [_header(k, t) for k, t in props.items()] + (["corpora:string[]"] if corpora else [])
        yield CsvTable(name, header, _node_lines(group, props, _field(labels, "string[]"), corpora), "nodes", label, props)
    for type_, group in rows.relationship_groups():
        if type_ == CO_OCCURS:
            props = CO_OCCURS_PROPERTIES
        elif type_ == PROVENANCE:
            props = MENTIONED_IN_PROPERTIES
        else:
            props = TYPED_PROPERTIES
        end = SOURCE_LABEL if type_ == PROVENANCE else ENTITY_LABEL
        header = [f":START_ID({ENTITY_LABEL})", f":END_ID({end})", ":TYPE"] + [_header(k, t) for k, t in props.items()]
        yield CsvTable(f"relationships_{type_}.csv", header, _relationship_lines(group, props, type_), "relationships",
                       type_, props)


def _node_lines(group: Iterable[dict], props: dict[str, str], labels: str, corpora: bool) -> Iterator[list[str]]:
    columns = [(k, _CONVERTERS[t]) for k, t in props.items()]
    for row in group:
        get = row.props.get
        fields = [_quote(row.id), labels, *[convert(get(k)) for k, convert in columns]]
        if corpora:
            fields.append(_list_field([row.corpus]))
        yield fields


def _relationship_lines(group: Iterable[dict], props: dict[str, str], type_: str) -> Iterator[list[str]]:
    kind = _quote(type_)
    columns = [(k, _CONVERTERS[t]) for k, t in props.items()]
    for row in group:
        get = row.props.get
        yield [_quote(row.source), _quote(row.target), kind, *[convert(get(k)) for k, convert in columns]]


def csv_files(rows: Neo4jRows) -> dict[str, str]:
    """File name -> text of every neo4j-admin CSV file (header line first), in import order: what
    ``write_files`` streams to the files, collected in memory (for tests and small graphs)."""
    files: dict[str, str] = {}
    for table in _csv_tables(rows):
        buffer = io.StringIO(newline="")
        _write_csv(buffer, table.header, table.lines)
        files[table.name] = buffer.getvalue()
    return files


# --- Cypher scripts -----------------------------------------------------------------------------------------

def schema_cypher() -> str:
    lines = ["// Uniqueness constraints and name indexes of the kg graph model (see README.md)."]
    lines += [statement + ";" for _, statement in schema_statements()]
    return "\n".join(lines) + "\n"


def load_cypher(rows: Neo4jRows) -> str:
    """``load.cypher``: the schema, then one LOAD CSV statement per CSV file of this folder, which
    MERGE what the Bolt loader MERGEs, from the same values (``cypher-shell -f load.cypher`` with the
    CSV files in Neo4j's import folder). The data stay in the CSV files: Neo4j parses a statement
    with its rows written as literals slowly (seconds per thousand rows), a LOAD CSV line fast."""
    lines = [
        "// Load a kg graph into a running Neo4j: copy this folder's *.csv into Neo4j's import folder, then",
        "//   cypher-shell -d <database> -f load.cypher",
        f"// corpus {_comment(rows.corpus)}: {rows.node_rows} nodes and {rows.relationship_rows} relationships,",
        f"// read with LOAD CSV in transactions of {CSV_TRANSACTION_ROWS} rows. MERGE on ids: running it again",
        "// changes nothing. Written by `kg build`; see README.md.",
        "",
        "// schema",
        *(statement + ";" for _, statement in schema_statements()),
    ]
    for table in _csv_tables(rows):
        statement = (load_csv_node_statement if table.kind == "nodes" else load_csv_relationship_statement)
        lines += ["", f"// {table.label} {table.kind} ({len(_group(rows, table))})",
                  statement(table.label, table.name, table.properties) + ";"]
    return "\n".join(lines) + "\n"


def _group(rows: Neo4jRows, table: CsvTable):
    groups = rows.node_groups() if table.kind == "nodes" else rows.relationship_groups()
    return dict(groups)[table.label]


def _comment(text: str) -> str:
    """A corpus name inside a one-line comment: no line breaks, no backticks."""
    return "".join(c if c.isprintable() else " " for c in text).replace("`", "'")


# --- README -------------------------------------------------------------------------------------------------

def readme(rows: Neo4jRows, files: Iterable[str]) -> str:
    """README.md for the CSV files named in ``files`` (names in import order, or a ``csv_files`` dict)."""
    files = list(files)
    nodes = [name for name in files if not name.startswith("relationships_")]
    rels = [name for name in files if name.startswith("relationships_")]
    counts = rows.counts()
    import_cmd = " \\\n".join(
        ["neo4j-admin database import full neo4j",
         f"    --array-delimiter={ARRAY_DELIMITER_OPTION}",
         "    --multiline-fields=true",
         "    --legacy-style-quoting=true",
         "    --overwrite-destination=true"]
        + [f"    --nodes=./{name}" for name in nodes]
        + [f"    --relationships=./{name}" for name in rels]
    )
    table = "\n".join(
        f"| `{name}` | {counts[_group_of(name)]} |" for name in files
    )
    return f"""# The graph for Neo4j

Written by `kg build` from the tables in the folder above; corpus `{_comment(rows.corpus)}`
({rows.node_rows} nodes, {rows.relationship_rows} relationships). The graph model (labels, properties,
relationship types) is described in `kg/neo4j/schema.py`. Three ways to load it give the same
graph:

1. **From Python, over Bolt** (no files to copy; loads into a running server, repeatable):

       export NEO4J_PASSWORD=...            # read from the environment only
       kg export neo4j OUT --uri bolt://localhost:7687 --database neo4j

2. **With cypher-shell** (a running Neo4j 5.26 or later; `load.cypher` creates the constraints and
   indexes, then reads the CSV files below with `LOAD CSV`, MERGE on ids, so running it twice changes
   nothing). Copy the CSV files into the server's import folder first (`server.directories.import`,
   `import/` in a Neo4j installation):

       cp *.csv /path/to/neo4j/import/
       export NEO4J_PASSWORD=...            # cypher-shell reads NEO4J_USERNAME / NEO4J_PASSWORD too
       cypher-shell -a bolt://localhost:7687 -u neo4j -d neo4j -f load.cypher

3. **With neo4j-admin import** (fastest for large graphs; the database must be stopped, and its
   content is replaced). From this folder; the database name comes first (after the last
   `--relationships=` it would be read as one more file) and the files as `./name.csv` (Neo4j 2025+
   refuses a bare file name):

       {import_cmd.replace(chr(10), chr(10) + "       ")}

   (it writes `import.report` here, the lines it skipped: none from these files), then start the
   database (Enterprise: `CREATE DATABASE neo4j` if it is new) and create the constraints and
   indexes, which the import does not:

       cypher-shell -a bolt://localhost:7687 -u neo4j -d neo4j -f schema.cypher

## Files

| file | rows |
|---|---|
{table}

- Headers are typed (`mentions:long`, `pagerank:double`, `in_graph:boolean`, `aliases:string[]`);
  untyped columns are strings. Entities share the ID space `Entity` (ids are unique across types);
  source documents have their own, `SourceDocument`.
- **Array delimiter: U+001F** (the ASCII unit separator, invisible in most editors). List values
  (`aliases`, `doc_ids`, `evidence`, `evidence_refs`, `corpora`) and the two labels in `:LABEL`
  (`Entity` and the type) are joined with it; pass `--array-delimiter=U+001F`. neo4j-admin cannot
  escape the delimiter inside a value, and the tool's normalisation removes control characters from
  all text; the writer checks every value and stops with an error if one holds it.
- Strings are always quoted, a quote or backslash inside escaped with a backslash (`\\"`, `\\\\`): the
  convention LOAD CSV reads by default, and neo4j-admin with `--legacy-style-quoting=true`, so both
  read the same files alike. Evidence sentences may hold line breaks, hence `--multiline-fields=true`.
  An empty value is an empty unquoted field: the property is absent
  (read `coalesce(n.aliases, [])`), as after the other two ways of loading.
- `detail` of the typed relations is `""` when there is none (it is part of a relationship's
  identity: `MERGE (a)-[:HOLDS_POSITION {{detail: ..., corpus: ...}}]->(b)`).
- UTF-8 without a byte-order mark, `\\n` line ends; the same build gives the same bytes.
"""


def _group_of(name: str) -> str:
    stem = name.rsplit(".", 1)[0]
    if stem == "source_documents":
        return SOURCE_LABEL
    return stem.split("_", 1)[1]
