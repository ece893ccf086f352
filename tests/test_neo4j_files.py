"""OUT/neo4j: neo4j-admin CSV files (typed headers, an array delimiter that never occurs in values),
load.cypher (Neo4j's parser accepts it; run statement by statement it gives the same graph as the
Bolt loader), the Cypher string-literal escaper, README commands, deterministic bytes."""
from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.records import ENTITY_TYPES, TYPED_RELATIONS
from kg.files import ExportError
from kg.neo4j.files import ARRAY_DELIMITER, csv_files, load_cypher, schema_cypher, write_files
from kg.neo4j.rows import MentionRows, Neo4jRows, read_folder
from kg.neo4j.schema import (
    CO_OCCURS_PROPERTIES,
    DOCUMENT_PROPERTIES,
    ENTITY_PROPERTIES,
    MENTIONED_IN_PROPERTIES,
    TYPED_PROPERTIES,
)
from tests.hostile_build import HOSTILE_INSTITUTION, HOSTILE_PERSON, HOSTILE_POLICY
from tests.test_neo4j_load import _Db, _expected_counts, lint


@pytest.fixture(scope="module")
def seeds_files(seeds_out) -> Path:
    folder = seeds_out / "neo4j"
    assert (folder / "load.cypher").is_file(), "kg build writes OUT/neo4j by default"
    return folder


@pytest.fixture(scope="module")
def seeds_rows(seeds_out) -> Neo4jRows:
    return read_folder(seeds_out, corpus=seeds_out.name)


@pytest.fixture
def hostile_rows(hostile_out) -> Neo4jRows:
    return read_folder(hostile_out, corpus="hostile")


def sample(rows: Neo4jRows, k: int = 3) -> Neo4jRows:
    """At most k rows per label and type (Neo4j's linter is slow on megabytes of literals)."""
    return replace(
        rows,
        entities={t: r[:k] for t, r in rows.entities.items()},
        documents=rows.documents[:k],
        co_occurs=sorted(rows.co_occurs, key=lambda r: -len(r.props["evidence"] or []))[:k],
        typed={t: r[:k] for t, r in rows.typed.items()},
        mentioned_in=rows.mentioned_in[:k],
    )


# --- reading the files back as their readers do ---------------------------------------------------------

def admin_csv(text: str) -> list[list[tuple[str, bool]]]:
    """Fields as neo4j-admin (--legacy-style-quoting=true) and LOAD CSV read them (quote '"', a
    backslash escaping the next character inside quotes, multi-line fields): (value, was_quoted)."""
    rows, row, field, quoted, i, n = [], [], [], False, 0, len(text)
    while i < n:
        ch = text[i]
        if ch == '"' and not field and not quoted:
            quoted, i = True, i + 1
            while text[i] != '"':
                if text[i] == "\\":
                    i += 1
                field.append(text[i])
                i += 1
            i += 1
            continue
        if ch in ",\n":
            row.append(("".join(field), quoted))
            field, quoted = [], False
            if ch == "\n":
                rows.append(row)
                row = []
            i += 1
            continue
        field.append(ch)
        i += 1
    assert not field and not row, "every line ends with a line break"
    return rows


def admin_value(value: str, quoted: bool, type_: str):
    if not value and not quoted:
        return None  # an empty unquoted field: no property
    if type_ == "string[]":
        return value.split(ARRAY_DELIMITER)
    if type_ == "long[]":
        return [int(v) for v in value.split(ARRAY_DELIMITER)]
    if type_ == "long":
        return int(value)
    if type_ == "double":
        return float(value)
    if type_ == "boolean":
        assert value in ("true", "false")
        return value == "true"
    return value


def parse_admin_files(files: dict[str, str]) -> dict[str, tuple[list[str], list[dict]]]:
    out = {}
    for name, text in files.items():
        header, *lines = admin_csv(text)
        names = [h for h, quoted in header]
        assert not any(quoted for _, quoted in header)
        records = []
        for line in lines:
            assert len(line) == len(names), name
            record = {}
            for h, (value, quoted) in zip(names, line):
                key, _, type_ = h.partition(":")
                if "(" in type_ or type_ in ("LABEL", "TYPE"):  # ID, START_ID, END_ID, LABEL, TYPE
                    record[h] = admin_value(value, quoted, "string[]" if type_ == "LABEL" else "string")
                else:
                    record[key] = admin_value(value, quoted, type_ or "string")
            records.append(record)
        out[name] = (names, records)
    return out


def shell_statements(text: str) -> list[str]:
    """Split a file as cypher-shell does (a port of its ShellStatementParser): statements end at a
    ';' outside quotes, backticks and comments; a backslash escapes the next character; comments
    between statements are skipped; a ':' at a statement's start would be a shell command."""
    out, i, n = [], 0, len(text)
    while i < n:
        if text[i] in " \n\t\r":
            i += 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
        else:
            assert text[i] != ":", "no shell commands in load.cypher"
            buf, awaited, skip, prev, cur, complete = [], None, False, "", "", False
            while i < n:
                prev, cur = cur, text[i]
                i += 1
                buf.append(cur)
                if skip:
                    skip = False
                elif awaited in ("\n", "*/"):
                    if (awaited == "\n" and cur == "\n") or (awaited == "*/" and prev + cur == "*/"):
                        awaited = None
                elif cur == "\\":
                    skip = True
                elif awaited is not None:
                    if cur == awaited:
                        awaited = None
                elif cur == ";":
                    complete = True
                    break
                else:
                    awaited = {"//": "\n", "/*": "*/"}.get(prev + cur) or (cur if cur in "`\"'" else None)
            assert complete, "every statement ends with ';'"
            out.append("".join(buf[:-1]))
    return out


# --- CSV for neo4j-admin ------------------------------------------------------------------------------------

def test_csv_headers_are_typed(seeds_files):
    def header(name):
        return (seeds_files / name).read_text(encoding="utf-8").split("\n", 1)[0].split(",")

    for t in ENTITY_TYPES:
        h = header(f"entities_{t}.csv")
        assert h[:2] == ["id:ID(Entity)", ":LABEL"]
        for col in ("name", "aliases:string[]", "mentions:long", "documents:long", "degree:long",
                    "weighted_degree:double", "pagerank:double", "community:long", "corpora:string[]"):
            assert col in h
    h = header("source_documents.csv")
    assert h[:2] == ["id:ID(SourceDocument)", ":LABEL"] and "chars:long" in h and "corpus" in h
    h = header("relationships_CO_OCCURS.csv")
    assert h[:3] == [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]
    for col in ("count:long", "npmi:double", "in_graph:boolean", "doc_ids:string[]", "evidence:string[]",
                "evidence_refs:string[]", "corpus"):
        assert col in h
    for t in TYPED_RELATIONS:
        assert header(f"relationships_{t}.csv")[:4] == [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "detail"]
    assert header("relationships_MENTIONED_IN.csv") == [
        ":START_ID(Entity)", ":END_ID(SourceDocument)", ":TYPE", "mentions:long", "corpus"]
    raw = (seeds_files / "entities_Policy.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw


def _expected_records(rows: Neo4jRows) -> dict[str, list[dict]]:
    out = {}
    for t in ENTITY_TYPES:
        out[f"entities_{t}.csv"] = [
            {"id:ID(Entity)": r.id, ":LABEL": ["Entity", t], **{k: r.props[k] for k in ENTITY_PROPERTIES},
             "corpora": [r.corpus]} for r in rows.entities[t]]
    out["source_documents.csv"] = [
        {"id:ID(SourceDocument)": r.id, ":LABEL": ["SourceDocument"], **{k: r.props[k] for k in DOCUMENT_PROPERTIES}}
        for r in rows.documents]
    groups = [("CO_OCCURS", rows.co_occurs, CO_OCCURS_PROPERTIES, "Entity"),
              *((t, rows.typed[t], TYPED_PROPERTIES, "Entity") for t in TYPED_RELATIONS),
              ("MENTIONED_IN", rows.mentioned_in, MENTIONED_IN_PROPERTIES, "SourceDocument")]
    for t, group, props, end in groups:
        out[f"relationships_{t}.csv"] = [
            {":START_ID(Entity)": r.source, f":END_ID({end})": r.target, ":TYPE": t,
             **{k: r.props[k] for k in props}} for r in group]
    return out


@pytest.mark.parametrize("which", ["seeds", "hostile"])
def test_csv_files_read_back_as_the_rows(which, seeds_rows, hostile_rows):
    """Read like neo4j-admin (typed, arrays split on the delimiter), every file gives back exactly
    the rows the Bolt loader sends: so the delimiter occurs in no value, quoting is right, and an
    absent value is an empty unquoted field."""
    rows = seeds_rows if which == "seeds" else hostile_rows
    parsed = parse_admin_files(csv_files(rows))
    expected = _expected_records(rows)
    assert set(parsed) == set(expected)
    for name, (_, records) in parsed.items():
        assert records == expected[name], name


def test_the_array_delimiter_occurs_in_no_value(seeds_rows, hostile_rows):
    for rows in (seeds_rows, hostile_rows):
        assert not any(ARRAY_DELIMITER in s for s in rows.strings())


def test_a_value_holding_the_delimiter_fails_loudly(hostile_rows, tmp_path):
    inst = hostile_rows.entities["Institution"][0]
    bad = replace(hostile_rows, entities={**hostile_rows.entities, "Institution": [
        replace(inst, props={**inst.props, "aliases": ["科技部", "a\x1fb"]})]})
    with pytest.raises(ExportError, match="U\\+001F"):
        write_files(bad, tmp_path / "neo4j")
    assert not (tmp_path / "neo4j").exists()


def test_empty_detail_stays_an_empty_string(seeds_files):
    lines = (seeds_files / "relationships_ISSUED.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert lines and all(line.split(",")[3] == '""' for line in lines)


def test_build_writes_the_same_bytes_as_the_rows_give(seeds_out, seeds_files, seeds_rows, tmp_path):
    again = write_files(seeds_rows, tmp_path / "neo4j")
    names = sorted(p.name for p in seeds_files.iterdir())
    assert names == sorted(p.name for p in again.iterdir())
    for name in names:
        assert (seeds_files / name).read_bytes() == (again / name).read_bytes(), name


def test_streamed_files_hold_what_csv_files_and_load_cypher_give(seeds_rows, tmp_path):
    folder = write_files(seeds_rows, tmp_path / "neo4j")
    files = csv_files(seeds_rows)
    for name, text in files.items():
        assert (folder / name).read_bytes() == text.encode("utf-8"), name
    assert (folder / "load.cypher").read_bytes() == load_cypher(seeds_rows).encode("utf-8")
    assert (folder / "schema.cypher").read_bytes() == schema_cypher().encode("utf-8")
    assert sorted(p.name for p in folder.iterdir()) == sorted([*files, "load.cypher", "schema.cypher", "README.md"])


def _many_mentions(n_entities: int, n_docs: int) -> Neo4jRows:
    from array import array

    pairs = [(e, d) for e in range(n_entities) for d in range(n_docs)]
    mentions = MentionRows(
        "big", [f"ent_{e:06d}" for e in range(n_entities)], [f"doc_{d:06d}" for d in range(n_docs)],
        array("I", (e for e, _ in pairs)), array("I", (d for _, d in pairs)), array("Q", (1 + (e * d) % 7 for e, d in pairs)),
    )
    return Neo4jRows("big", {t: [] for t in ENTITY_TYPES}, [], [], {t: [] for t in TYPED_RELATIONS}, mentions)


def test_writing_the_files_holds_no_whole_file_in_memory(tmp_path):
    """The files are streamed: writing megabytes of MENTIONED_IN rows takes a small, fixed amount of
    memory (a batch of rows, a chunk of lines), not the size of the files."""
    import gc
    import tracemalloc

    rows = _many_mentions(100, 300)  # 30,000 relationships
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        folder = write_files(rows, tmp_path / "neo4j")
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    written = (folder / "relationships_MENTIONED_IN.csv").stat().st_size
    assert written > 1_000_000
    assert peak < 1_500_000, f"{peak} bytes held while writing {written} bytes"
    mentioned = (folder / "relationships_MENTIONED_IN.csv").read_text(encoding="utf-8").splitlines()
    assert len(mentioned) == 30_001 and mentioned[1] == '"ent_000000","doc_000000","MENTIONED_IN",1,"big"'
    assert mentioned[-1] == '"ent_000099","doc_000299","MENTIONED_IN",' + str(1 + (99 * 299) % 7) + ',"big"'


def test_write_files_is_deterministic(hostile_out):
    rows = read_folder(hostile_out, corpus="hostile")
    first = write_files(rows, hostile_out / "neo4j")
    snapshot = {p.name: p.read_bytes() for p in first.iterdir()}
    write_files(read_folder(hostile_out, corpus="hostile"), hostile_out / "neo4j")
    assert {p.name: p.read_bytes() for p in first.iterdir()} == snapshot


def test_readme_gives_the_command_lines(seeds_files):
    readme = (seeds_files / "README.md").read_text(encoding="utf-8")
    assert "neo4j-admin database import full" in readme
    assert "--array-delimiter=U+001F" in readme and "--multiline-fields=true" in readme
    for p in seeds_files.glob("*.csv"):
        flag = "--relationships=./" if p.name.startswith("relationships_") else "--nodes=./"
        assert flag + p.name in readme
    assert "import full neo4j" in readme and "--legacy-style-quoting=true" in readme
    assert "cypher-shell" in readme and "-f load.cypher" in readme and "-f schema.cypher" in readme


# --- the CSV quoting both readers share ---------------------------------------------------------------------

HOSTILE_STRINGS = [
    HOSTILE_INSTITUTION, HOSTILE_POLICY, HOSTILE_PERSON, "", "'", '"', "\\", "\\'", "'\\", '\\"', "x\\", "\\u0041",
    "`x`", "a;b", "a,b", "/* c */", "// d", "\n", "\r\n", "\u2028\u2029", "🚀𠀀", "MATCH (n) DETACH DELETE n", "${x}",
]


@pytest.mark.parametrize("value", HOSTILE_STRINGS)
def test_a_quoted_field_reads_back_verbatim(value):
    from kg.neo4j.files import _field

    assert admin_csv(f"{_field(value)},{_field(value)}\n") == [[(value, True), (value, True)]]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="\x1f", blacklist_categories=("Cs",))))
def test_quoting_round_trip(value):
    from kg.neo4j.files import _field

    assert admin_csv(_field(value) + "\n") == [[(value, True)]]


def test_load_csv_reads_the_quoting_verbatim(neo4j_db):
    """Neo4j's own LOAD CSV (its default, backslash-escaped quotes) reads every hostile value back."""
    from kg.neo4j.files import _field

    (neo4j_db.home / "import").mkdir(exist_ok=True)
    (neo4j_db.home / "import" / "hostile.csv").write_text(
        "i,v\n" + "".join(f"{i},{_field(v)}\n" for i, v in enumerate(HOSTILE_STRINGS)), encoding="utf-8")
    db = _Db(neo4j_db)
    try:
        got = db.read("LOAD CSV WITH HEADERS FROM 'file:///hostile.csv' AS line RETURN line.v AS v ORDER BY toInteger(line.i)")
        assert [r["v"] for r in got] == HOSTILE_STRINGS
    finally:
        db.close()


# --- load.cypher ----------------------------------------------------------------------------------------------

def test_load_cypher_splits_as_cypher_shell_splits_it(seeds_rows, hostile_rows):
    """The schema, then one LOAD CSV statement per CSV file; no data in the script itself."""
    for rows in (seeds_rows, hostile_rows):
        text = load_cypher(rows)
        statements = shell_statements(text)
        files = csv_files(rows)
        assert len(statements) == 17 + len(files)
        assert all(s.lstrip().startswith(("CREATE ", "LOAD CSV ")) for s in statements)
        assert [s.split("'")[1] for s in statements if s.startswith("LOAD CSV")] == [f"file:///{n}" for n in files]
        assert "\t" not in text and "\r" not in text and len(text) < 20_000


def test_load_cypher_passes_neo4js_parser(seeds_rows, hostile_rows, seeds_files, tmp_path, node):
    queries = {
        "schema.cypher": schema_cypher(),
        "seeds": load_cypher(seeds_rows),
        "hostile": load_cypher(hostile_rows),
        "seeds load.cypher": (seeds_files / "load.cypher").read_text(encoding="utf-8"),
    }
    columns = {c for rows in (seeds_rows, hostile_rows) for text in csv_files(rows).values() for c in text.split("\n", 1)[0].split(",")}
    result = lint(queries, tmp_path, keys=columns)
    assert {name: [d for d in diags if d["severity"] == 1] for name, diags in result.items()} == {name: [] for name in queries}
    assert {name: diags for name, diags in result.items() if diags} == {}


def _run_statements(db: _Db, text: str, csv_folder: Path) -> int:
    """What ``cypher-shell -f`` does with the script, the CSV files copied into the import folder:
    each statement in an auto-commit transaction (CALL … IN TRANSACTIONS needs one)."""
    imports = db.server.home / "import"
    imports.mkdir(exist_ok=True)
    for f in csv_folder.glob("*.csv"):
        shutil.copy(f, imports / f.name)
    statements = shell_statements(text)
    with db.driver.session(database=db.database) as s:
        for statement in statements:
            s.run(statement).consume()
    return len(statements)


@pytest.mark.parametrize("which", ["seeds", "hostile"])
def test_load_cypher_gives_the_same_graph_as_the_bolt_loader(which, neo4j_db, seeds_files, seeds_out, hostile_out):
    if which == "seeds":
        folder, files = seeds_out, seeds_files
    else:
        folder = hostile_out
        files = write_files(read_folder(hostile_out, corpus=hostile_out.name), hostile_out / "neo4j")
    text = (files / "load.cypher").read_text(encoding="utf-8")
    rows = read_folder(folder, corpus=folder.name)
    db = _Db(neo4j_db)  # Community has one database: load one way, look, empty it, load the other way
    try:
        _run_statements(db, text, files)
        by_file = (db.label_counts(), db.type_counts(), db.fingerprint())
        if which == "hostile":
            names = {json.loads(n)["props"].get("name") for n in by_file[2][0]}
            assert {HOSTILE_INSTITUTION, HOSTILE_POLICY, HOSTILE_PERSON} <= names
            _run_statements(db, text, files)  # running it again changes nothing
            assert db.fingerprint() == by_file[2]
        neo4j_db.reset()
        db.load(folder)
        by_bolt = (db.label_counts(), db.type_counts(), db.fingerprint())
        assert by_file[0] == by_bolt[0] == _expected_counts(rows)[0]
        assert by_file[1] == by_bolt[1] == _expected_counts(rows)[1]
        assert by_file[2] == by_bolt[2]
    finally:
        db.close()
