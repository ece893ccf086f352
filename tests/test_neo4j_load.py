"""Loading a build into Neo4j: the pure rows (no server) and the Bolt loader against a real Bolt
server (Neo4j 5.26 Community, see tests/neo4jserver.py): counts, idempotent re-loads, corpora and --replace,
lists, hostile names, errors without the password, and every statement through Neo4j's parser."""
from __future__ import annotations

import csv
import json
import re
import secrets
import shutil
from pathlib import Path

import pandas as pd
import pytest

from extractors.errors import KgError
from extractors.records import ENTITY_TYPES, RELATION_TYPES, TYPED_RELATIONS
from kg.neo4j.rows import MentionRows, Neo4jRows, corpus_name, read_folder
from kg.neo4j.schema import NODE_LABELS, RELATIONSHIP_TYPES
from kg.neo4j.statements import PARAMETERS, all_statements, node_statement, property_keys, relationship_statement
from kg.tables import split_evidence
from tests.hostile_build import HOSTILE_INSTITUTION, HOSTILE_PERSON, HOSTILE_POLICY

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

#: Keys of the row maps the statements read (row.id, row.props ...): declared for the linter.
ROW_KEYS = ["id", "source", "target", "detail", "corpus", "props"]
# --- fixtures ----------------------------------------------------------------------------------------------

def _build(paths, out, lexicon):
    from kg.build import BuildOptions, build

    return build(paths, out, lexicon, BuildOptions())


@pytest.fixture(scope="module")
def seeds_rows(seeds_out) -> Neo4jRows:
    return read_folder(seeds_out, corpus="seeds")


# --- rows, without a server ------------------------------------------------------------------------------

def _table(folder: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(folder / name, encoding="utf-8-sig", dtype=str, keep_default_na=False)


def test_rows_match_the_tables(seeds_out, seeds_rows):
    entities = _table(seeds_out, "entities.csv")
    relations = _table(seeds_out, "relations.csv")
    mentions = _table(seeds_out, "mentions.csv")
    counts = seeds_rows.counts()
    assert counts["Entity"] == len(entities)
    for t in ENTITY_TYPES:
        assert counts[t] == (entities["type"] == t).sum()
    for t in RELATION_TYPES:
        assert counts[t] == (relations["type"] == t).sum()
    assert counts["SourceDocument"] == len(_table(seeds_out, "documents.csv"))
    assert counts["MENTIONED_IN"] == len(mentions[["entity_id", "doc"]].drop_duplicates())
    assert sum(r.props["mentions"] for r in seeds_rows.mentioned_in) == len(mentions)


def test_every_row_carries_the_corpus(seeds_rows):
    for _, rows in (*seeds_rows.node_groups(), *seeds_rows.relationship_groups()):
        assert rows and all(row.corpus == "seeds" for row in rows)
    for row in (*seeds_rows.documents, *seeds_rows.co_occurs, *seeds_rows.mentioned_in):
        assert row.props["corpus"] == "seeds"


def test_lists_are_lists(seeds_rows):
    with_aliases = [r for rows in seeds_rows.entities.values() for r in rows if r.props["aliases"]]
    assert with_aliases and all(isinstance(r.props["aliases"], list) for r in with_aliases)
    for row in seeds_rows.co_occurs:
        p = row.props
        assert isinstance(p["doc_ids"], list) and isinstance(p["evidence"], list)
        assert len(p["evidence"]) == len(p["evidence_refs"])
        for text, ref in zip(p["evidence"], p["evidence_refs"]):
            start, end = ref.rsplit(":", 1)[1].split("-")
            assert len(text) == int(end) - int(start)


def test_typed_relations_keep_detail_as_identity(seeds_rows):
    rows = [r for t in TYPED_RELATIONS for r in seeds_rows.typed[t]]
    assert rows and all(isinstance(r.detail, str) and r.detail == r.props["detail"] for r in rows)
    assert any(r.detail == "" for r in rows)
    keys = [(r.source, r.target, r.detail) for r in seeds_rows.typed["HOLDS_POSITION"]]
    assert len(keys) == len(set(keys))


def test_empty_values_are_not_stored(seeds_rows):
    docs = [r for r in seeds_rows.documents if r.props["publication"] is None]
    assert docs, "seeds have documents without a publication"
    for rows in seeds_rows.entities.values():
        for r in rows:
            assert all(v != "" and v != [] for v in r.props.values())


@pytest.mark.parametrize("texts", [
    ["一句话。"],
    ["含有 ‖ 分隔符的句子。", "第二句。"],
    [" ‖ ", "‖", ""],
    ["a ‖ b ‖ c", "d"],
])
def test_split_evidence_uses_the_refs_lengths(texts):
    refs, pos = [], 0
    for t in texts:
        refs.append(f"d#s0:{pos}-{pos + len(t)}")
        pos += len(t) + 1
    assert split_evidence(" ‖ ".join(texts), refs) == texts


def test_split_evidence_without_refs_splits_on_the_separator():
    assert split_evidence("a ‖ b", []) == ["a", "b"]
    assert split_evidence("", []) == []


def test_hostile_rows_keep_names_verbatim(hostile_out):
    rows = read_folder(hostile_out, corpus="h")
    names = {r.props["name"] for rs in rows.entities.values() for r in rs}
    assert {HOSTILE_INSTITUTION, HOSTILE_POLICY, HOSTILE_PERSON} <= names
    inst = rows.entities["Institution"][0].props
    assert inst["aliases"] == ["科技部`", "MATCH (m) RETURN m; //", "a\\b\"c'd\n{e}"]
    co = [r for r in rows.co_occurs if len(r.props["evidence"]) == 2][0]
    assert co.props["evidence"][0] == "第一句，\"引号\" ‖ 还有 | 竖线\n和换行\\。"


def test_not_a_build_folder(tmp_path):
    with pytest.raises(KgError, match=r"no kg-build\.json; this is not the complete output of `kg build`"):
        read_folder(tmp_path)
    with pytest.raises(KgError, match=r"entities\.csv: missing; is .* the output folder of `kg build`"):
        read_folder(tmp_path, verify=False)
    with pytest.raises(KgError, match="no such folder"):
        read_folder(tmp_path / "missing")


def test_a_table_without_its_columns_is_named(hostile_out):
    (hostile_out / "entities.csv").write_text("id,name\nx,y\n", encoding="utf-8")
    with pytest.raises(KgError, match=r"entities\.csv: missing column\(s\) type"):
        read_folder(hostile_out, verify=False)


def test_a_bad_value_names_file_line_and_column(hostile_out):
    df = _table(hostile_out, "entities.csv")
    df.loc[1, "mentions"] = "many"
    df.to_csv(hostile_out / "entities.csv", index=False, encoding="utf-8-sig")
    with pytest.raises(KgError, match=r"entities\.csv: line 3, column mentions: expected an integer, got 'many'"):
        read_folder(hostile_out, corpus="h", verify=False)


def test_a_relation_to_an_unknown_entity_is_refused(hostile_out):
    df = _table(hostile_out, "relations.csv")
    df.loc[0, "target"] = "pol_000000000000"
    df.to_csv(hostile_out / "relations.csv", index=False, encoding="utf-8-sig")
    with pytest.raises(KgError, match=r"relations\.csv: line 2, column target"):
        read_folder(hostile_out, corpus="h", verify=False)


# --- MENTIONED_IN: mentions.csv streamed into counts --------------------------------------------------------

def _mention_table(folder: Path) -> list[list[str]]:
    with open(folder / "mentions.csv", encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def _write_mention_table(folder: Path, rows: list[list[str]]) -> None:
    with open(folder / "mentions.csv", "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def test_mentioned_in_rows_count_each_entity_in_each_document(seeds_out, seeds_rows):
    mentions = _table(seeds_out, "mentions.csv")
    expected = [(e, d, int(n)) for (e, d), n in mentions.groupby(["entity_id", "doc"], sort=True).size().items()]
    rows = seeds_rows.mentioned_in
    assert isinstance(rows, MentionRows)  # held as integers, a dict made per row asked for
    assert rows.pairs() == expected
    assert [(r.source, r.target, r.props["mentions"]) for r in rows] == expected


def test_mentioned_in_rows_are_a_sequence_of_rows(seeds_rows):
    rows = seeds_rows.mentioned_in
    as_list = list(rows)
    assert len(rows) == len(as_list) > 5
    assert rows[0] == as_list[0] and rows[-1] == as_list[-1] and rows[2:5] == as_list[2:5]
    assert rows[len(rows) - 3:len(rows) + 10] == as_list[-3:] and rows[::200] == as_list[::200]
    assert rows == as_list and rows[0] in rows
    assert as_list[0].parameter() == {"source": as_list[0].source, "target": as_list[0].target, "corpus": "seeds",
                                      "props": {"mentions": as_list[0].props["mentions"], "corpus": "seeds"}}
    with pytest.raises(IndexError):
        rows[len(rows)]


def test_mentions_out_of_document_order_give_the_same_rows(seeds_out, seeds_rows, tmp_path):
    """kg build writes mentions.csv grouped by document; a table that is not still gives each
    (entity, document) one row with the whole count."""
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_out, folder, ignore=shutil.ignore_patterns("neo4j", "*.html", "graph.*", "evidence.csv"))
    header, *rows = _mention_table(folder)
    _write_mention_table(folder, [header, *rows[1::2], *reversed(rows[0::2])])
    assert read_folder(folder, corpus="seeds", verify=False).mentioned_in == seeds_rows.mentioned_in


@pytest.mark.parametrize("column, message", [
    ("entity_id", "expected an id in entities.csv, got 'aaa_unknown'"),
    ("doc", "expected an id in documents.csv, got 'aaa_unknown'"),
])
def test_a_mention_of_an_unknown_id_names_file_line_and_column(column, message, seeds_out, tmp_path):
    """Several bad rows: the message names the first line of the first bad (entity, document) pair."""
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_out, folder, ignore=shutil.ignore_patterns("neo4j", "*.html", "graph.*", "evidence.csv"))
    header, *rows = _mention_table(folder)
    i = header.index(column)
    rows[40][i] = "zzz_unknown"
    rows[60][i] = "aaa_unknown"
    rows[80][i] = "aaa_unknown"
    _write_mention_table(folder, [header, *rows])
    if column == "doc":  # the pair of row 60 comes first only if no pair of row 40 or 80 sorts before it,
        # whichever entities the seeds' rows happen to hold (they change whenever extraction does)
        last = max(r[header.index("entity_id")] for r in rows)
        rows[40][header.index("entity_id")] = last
        rows[80][header.index("entity_id")] = last
        _write_mention_table(folder, [header, *rows])
    pattern = rf"mentions\.csv: line 62, column {column}: {re.escape(message)}"
    with pytest.raises(KgError, match=pattern):
        read_folder(folder, corpus="seeds", verify=False)


# --- reading the tables (pandas, the one reader) -------------------------------------------------------

def _edit_lines(path: Path, edit) -> None:
    text = path.read_text(encoding="utf-8-sig")
    path.write_text(edit(text.split("\n")), encoding="utf-8-sig")


@pytest.mark.parametrize("table, edit, message", [
    ("relations.csv", lambda lines: "\n".join([*lines[:-1], lines[0].replace("source", "x") + ",extra", ""]),
     r"relations\.csv: not a readable CSV table \(Error tokenizing data\. C error: Expected 19 fields in line 6, saw 20\)"),
    ("documents.csv", lambda lines: "\n".join([*lines[:-1], '"unterminated,', ""]),
     r"documents\.csv: not a readable CSV table \(Error tokenizing data\. C error: EOF inside string starting at row 2\)"),
    ("mentions.csv", lambda lines: "",
     r"mentions\.csv: missing column\(s\) doc, entity_id"),
    ("mentions.csv", lambda lines: "\n".join([lines[0].replace("entity_id", "entity"), *lines[1:]]),
     r"mentions\.csv: missing column\(s\) entity_id"),
])
def test_a_table_that_cannot_be_read_is_named(table, edit, message, hostile_out):
    _edit_lines(hostile_out / table, edit)
    with pytest.raises(KgError, match=message):
        read_folder(hostile_out, verify=False)


def test_a_table_that_is_not_utf8_is_named(hostile_out):
    raw = (hostile_out / "mentions.csv").read_bytes()
    (hostile_out / "mentions.csv").write_bytes(raw[:-20] + b"\xff\xfe" + raw[-20:])
    with pytest.raises(KgError, match=r"mentions\.csv: not UTF-8 text"):
        read_folder(hostile_out, verify=False)


def _edit_rows(path: Path, edit, *, line_end: str = "\n") -> None:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, lineterminator=line_end).writerows(edit(rows))


def test_blank_lines_and_crlf_are_read(hostile_out):
    """Blank lines are skipped (line numbers in messages count table rows), CRLF line ends are read."""
    before = read_folder(hostile_out, corpus="h", verify=False)
    _edit_rows(hostile_out / "entities.csv", lambda rows: [rows[0], [], *rows[1:], []], line_end="\r\n")
    _edit_rows(hostile_out / "mentions.csv", lambda rows: [*rows[:2], [], *rows[2:]])
    assert read_folder(hostile_out, corpus="h", verify=False) == before

    def bad_count(rows):
        first = next(i for i, r in enumerate(rows) if i and len(r) > 1)
        rows[first][rows[0].index("mentions")] = "two"
        return rows

    _edit_rows(hostile_out / "entities.csv", bad_count)
    with pytest.raises(KgError, match=r"entities\.csv: line 2, column mentions: expected an integer, got 'two'"):
        read_folder(hostile_out, corpus="h", verify=False)


def test_long_cells_are_read(hostile_out):
    """An evidence cell longer than the csv module's default field limit (128 KiB) is read whole."""
    long = "很长的句子" * 40_000
    relations = _table(hostile_out, "relations.csv")
    relations.loc[0, "evidence"] = long
    relations.loc[0, "evidence_refs"] = ""
    relations.to_csv(hostile_out / "relations.csv", index=False, encoding="utf-8-sig")
    rows = read_folder(hostile_out, corpus="h", verify=False)
    assert [long] in [r.props["evidence"] for r in rows.co_occurs]


def test_building_imports_no_pandas(tmp_path):
    """`kg build` (the Neo4j files included) runs without pandas: importing it alone costs ~40 MB."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from extractors.lexicon import load_lexicon\n"
        "from kg.build import BuildOptions, build\n"
        f"build([{str(sorted(SEEDS.glob('*.txt'))[0])!r}], {str(tmp_path / 'out')!r}, load_lexicon(), BuildOptions())\n"
        "assert 'pandas' not in sys.modules, 'pandas was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=300)
    assert (tmp_path / "out" / "neo4j" / "relationships_MENTIONED_IN.csv").is_file()


def test_statements_only_take_labels_from_the_schema():
    with pytest.raises(ValueError):
        node_statement("Person) DETACH DELETE n //")
    with pytest.raises(ValueError):
        relationship_statement("KNOWS")
    for statement in all_statements().values():  # values only as parameters: no literal strings
        assert "'" not in statement and '"' not in statement


def test_corpus_name_defaults_to_the_folder_name(tmp_path):
    assert corpus_name(tmp_path / "policy2024") == "policy2024"


def test_connection_from_env_keeps_the_password_out_of_repr():
    from kg.neo4j.client import Connection

    env = {"NEO4J_PASSWORD": "pw-secret-123", "NEO4J_URI": "bolt://h:1", "NEO4J_DATABASE": "d"}
    c = Connection.from_env(environ=env)
    assert (c.uri, c.user, c.database, c.password) == ("bolt://h:1", "neo4j", "d", "pw-secret-123")
    assert "pw-secret-123" not in repr(c)
    assert Connection.from_env("bolt://x:2", "u", None, environ=env).uri == "bolt://x:2"
    with pytest.raises(KgError, match="NEO4J_PASSWORD"):
        Connection.from_env("bolt://x:2", environ={})


@pytest.mark.parametrize("uri", ["http://localhost:7474", "localhost:7687", "bolt://", "bolt://neo4j:pw-secret-9@host:7687"])
def test_bad_uris_are_refused_before_connecting(uri, hostile_out):
    from kg.neo4j.load import load_folder

    with pytest.raises(KgError) as info:
        load_folder(hostile_out, uri=uri, user="neo4j", password="pw-secret-9", database="neo4j")
    assert "pw-secret-9" not in str(info.value)


def test_cli_help_for_export_and_build(capsys):
    from kg.cli import main

    for argv in (["export", "neo4j", "--help"], ["build", "--help"]):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 0
        out = capsys.readouterr().out
        assert "NEO4J_PASSWORD" in out and "--replace" in out and "corpora" in out


def test_cli_without_password_is_an_error(hostile_out, monkeypatch, capsys):
    from kg.cli import main

    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    assert main(["export", "neo4j", str(hostile_out), "--uri", "bolt://127.0.0.1:1"]) == 1
    assert "Error: set the Neo4j password in the environment variable NEO4J_PASSWORD" in capsys.readouterr().err



def test_cli_messages_name_the_options_of_the_command(hostile_out, tmp_path, monkeypatch, capsys):
    from kg.cli import main

    monkeypatch.setenv("NEO4J_PASSWORD", "pw-secret-7")
    assert main(["export", "neo4j", str(hostile_out), "--uri", "bolt://u:pw-secret-7@h"]) == 1
    err = capsys.readouterr().err
    assert "must not hold a user or password" in err and err.rstrip().endswith("(option --user)")
    assert "pw-secret-7" not in err
    # kg build checks the URI before it builds: nothing is written
    out = tmp_path / "out"
    assert main(["build", str(SEEDS / "004_dff61195967c57f5.txt"), "-o", str(out), "--quiet", "--neo4j", "bolt://u:pw-secret-7@h"]) == 1
    err = capsys.readouterr().err
    assert err.rstrip().endswith("(option --neo4j-user)") and "pw-secret-7" not in err
    assert not out.exists()

# --- Neo4j's parser -----------------------------------------------------------------------------------------

def lint_schema(keys=()) -> dict:
    return {
        "labels": list(NODE_LABELS),
        "relationshipTypes": list(RELATIONSHIP_TYPES),
        "propertyKeys": sorted({*property_keys(), *ROW_KEYS, *keys}),
        "parameters": PARAMETERS,
    }


def lint(queries: dict[str, str], tmp_path: Path, keys=()) -> dict[str, list[dict]]:
    """Neo4j's parser and semantic analysis on each statement; ``keys``: more property keys to know
    (the CSV columns a LOAD CSV line is read by)."""
    from tests.jstools import run_node

    schema = tmp_path / "lint-schema.json"
    schema.write_text(json.dumps(lint_schema(keys)), encoding="utf-8")
    return run_node("lint_cypher.mjs", str(schema), input=json.dumps(queries), timeout=300)


def test_every_loader_statement_passes_neo4js_parser(tmp_path, node):
    statements = all_statements()
    queries = {**statements, "known-bad": "MATCH (n:Entity) RETURN n.id AS"}
    result = lint(queries, tmp_path)
    assert [d["severity"] for d in result.pop("known-bad")] == [1]  # the linter does report errors
    errors = {name: [d for d in diags if d["severity"] == 1] for name, diags in result.items()}
    assert not {k: v for k, v in errors.items() if v}
    warnings = {name: diags for name, diags in result.items() if diags}
    assert not warnings, warnings  # with the schema declared, not even a warning
    assert set(result) == set(statements)


# --- over Bolt ----------------------------------------------------------------------------------------------

class _Db:
    """A driver on the test server's database, with the queries the checks need."""

    def __init__(self, server):
        from neo4j import GraphDatabase

        self.server, self.database = server, server.database
        self.driver = GraphDatabase.driver(server.uri, auth=(server.user, server.password))

    def close(self):
        self.driver.close()

    def read(self, query: str, **params) -> list[dict]:
        with self.driver.session(database=self.database) as s:
            return s.execute_read(lambda tx: [r.data() for r in tx.run(query, params)])

    def write(self, query: str, **params) -> None:
        with self.driver.session(database=self.database) as s:
            s.execute_write(lambda tx: tx.run(query, params).consume())

    def load(self, folder, **kw):
        from kg.neo4j.load import load_folder

        return load_folder(folder, uri=self.server.uri, user=self.server.user, password=self.server.password,
                           database=self.database, **kw)

    def label_counts(self) -> dict[str, int]:
        out = {}
        for label in NODE_LABELS:  # labels from the fixed schema
            out[label] = self.read("MATCH (n:" + label + ") RETURN count(n) AS c")[0]["c"]
        return out

    def type_counts(self, corpus: str | None = None) -> dict[str, int]:
        out = {}
        for t in RELATIONSHIP_TYPES:
            q = "MATCH (:Entity)-[r:" + t + "]->() WHERE $corpus IS NULL OR r.corpus = $corpus RETURN count(r) AS c"
            out[t] = self.read(q, corpus=corpus)[0]["c"]
        return out

    def duplicates(self) -> dict[str, int]:
        return {
            "nodes": self.read("MATCH (n:Entity) WITH n.id AS id, count(*) AS k WHERE k > 1 RETURN count(*) AS c")[0]["c"],
            "documents": self.read("MATCH (n:SourceDocument) WITH n.id AS id, count(*) AS k WHERE k > 1 RETURN count(*) AS c")[0]["c"],
            "relationships": self.read(
                "MATCH (a:Entity)-[r]->(b) WITH a.id AS a, b.id AS b, type(r) AS t, r.corpus AS c, r.detail AS d, count(*) AS k "
                "WHERE k > 1 RETURN count(*) AS c")[0]["c"],
        }

    def fingerprint(self, corpus: str | None = None) -> tuple[list, list]:
        """Every node and relationship with its labels/type and properties, sorted."""
        nodes = self.read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
        rels = self.read(
            "MATCH (a)-[r]->(b) WHERE $corpus IS NULL OR r.corpus = $corpus "
            "RETURN a.id AS a, b.id AS b, type(r) AS t, properties(r) AS props", corpus=corpus)
        key = lambda d: json.dumps(d, sort_keys=True, ensure_ascii=False)  # noqa: E731
        nodes = sorted((key({"labels": sorted(n["labels"]), "props": n["props"]}) for n in nodes))
        rels = sorted(key(r) for r in rels)
        return nodes, rels


@pytest.fixture
def db(neo4j_db):
    d = _Db(neo4j_db)
    yield d
    d.close()


def _expected_counts(rows: Neo4jRows) -> tuple[dict, dict]:
    c = rows.counts()
    return {label: c[label] for label in NODE_LABELS}, {t: c[t] for t in RELATIONSHIP_TYPES}


def test_load_seeds_counts_match_the_build(db, seeds_out, seeds_rows):
    report = db.load(seeds_out, corpus="seeds")
    nodes, rels = _expected_counts(seeds_rows)
    assert db.label_counts() == nodes
    assert db.type_counts() == rels
    assert db.read("MATCH (n) RETURN count(n) AS c")[0]["c"] == nodes["Entity"] + nodes["SourceDocument"]
    assert report.nodes_written == report.nodes_created == nodes["Entity"] + nodes["SourceDocument"]
    assert report.relationships_written == report.relationships_created == sum(rels.values())
    assert {k: c.rows for k, c in report.relationships.items()} == rels
    assert report.rate("nodes") > 0 and report.rate("relationships") > 0
    assert "seeds" in report.summary() and db.server.password not in report.summary()
    # constraints and indexes
    constraints = db.read("SHOW CONSTRAINTS YIELD labelsOrTypes, properties RETURN labelsOrTypes, properties")
    assert {(c["labelsOrTypes"][0], tuple(c["properties"])) for c in constraints} >= {
        (label, ("id",)) for label in ("Entity", *ENTITY_TYPES, "SourceDocument")}


def test_lists_come_back_as_lists(db, seeds_out, seeds_rows):
    db.load(seeds_out, corpus="seeds")
    with_aliases = next(r for rows in seeds_rows.entities.values() for r in rows if r.props["aliases"])
    got = db.read("MATCH (n:Entity {id: $id}) RETURN n.aliases AS aliases, n.corpora AS corpora", id=with_aliases.id)[0]
    assert got == {"aliases": with_aliases.props["aliases"], "corpora": ["seeds"]}
    co = max(seeds_rows.co_occurs, key=lambda r: len(r.props["evidence"] or []))
    got = db.read(
        "MATCH (:Entity {id: $a})-[r:CO_OCCURS]->(:Entity {id: $b}) RETURN r.evidence AS e, r.evidence_refs AS refs, "
        "r.doc_ids AS docs, r.in_graph AS in_graph, r.npmi AS npmi", a=co.source, b=co.target)[0]
    assert got["e"] == co.props["evidence"] and len(got["e"]) > 1
    assert got["refs"] == co.props["evidence_refs"] and got["docs"] == co.props["doc_ids"]
    assert got["in_graph"] is co.props["in_graph"] and got["npmi"] == co.props["npmi"]


def test_reload_changes_nothing_and_updates_properties(db, seeds_out, seeds_rows, tmp_path):
    db.load(seeds_out, corpus="seeds")
    before = db.fingerprint()
    report = db.load(seeds_out, corpus="seeds")
    assert report.nodes_created == 0 and report.relationships_created == 0
    assert db.fingerprint() == before
    assert db.duplicates() == {"nodes": 0, "documents": 0, "relationships": 0}

    # the same corpus, rebuilt with a changed name and count
    changed = tmp_path / "seeds"
    changed.mkdir()
    for name in ("entities.csv", "relations.csv", "documents.csv", "mentions.csv"):
        shutil.copy(seeds_out / name, changed / name)
    entities = _table(changed, "entities.csv")
    eid = entities.loc[0, "id"]
    entities.loc[0, "name"] = "改过的名字"
    entities.to_csv(changed / "entities.csv", index=False, encoding="utf-8-sig")
    relations = _table(changed, "relations.csv")
    a, b = relations.loc[0, "source"], relations.loc[0, "target"]
    relations.loc[0, "count"] = "999"
    relations.to_csv(changed / "relations.csv", index=False, encoding="utf-8-sig")
    from kg.stamp import write_stamp

    write_stamp(changed, version="test", documents=5, options={})  # as a rebuild stamps its files
    db.load(changed)  # corpus name: the folder's name, "seeds"
    assert db.label_counts() == _expected_counts(seeds_rows)[0]
    assert db.type_counts() == _expected_counts(seeds_rows)[1]
    assert db.duplicates() == {"nodes": 0, "documents": 0, "relationships": 0}
    assert db.read("MATCH (n:Entity {id: $id}) RETURN n.name AS name", id=eid) == [{"name": "改过的名字"}]
    got = db.read("MATCH (:Entity {id: $a})-[r:CO_OCCURS]->(:Entity {id: $b}) RETURN r.count AS c, r.weight AS w", a=a, b=b)
    assert got == [{"c": 999, "w": 999}]


def _renamed_build(files: list[Path], folder: Path, lexicon, prefix: str) -> Path:
    """A build of seed files copied under new names (so their document ids are new)."""
    src = folder.parent / (folder.name + "-input")
    src.mkdir(parents=True)
    for i, f in enumerate(files):
        shutil.copy(f, src / f"{prefix}{i}{f.suffix}")
    return _build([src], folder, lexicon).out


def _entity_ids(rows: Neo4jRows) -> set[str]:
    return {r.id for rs in rows.entities.values() for r in rs}


def test_second_corpus_shares_entities_and_replace_removes_exactly_its_own(db, seeds_out, seeds_rows, tmp_path, lexicon):
    seed_files = sorted(SEEDS.glob("*.txt"))
    b_out = _renamed_build(seed_files[1:3], tmp_path / "corpusB", lexicon, "b")
    b_rows = read_folder(b_out, corpus="corpusB")
    db.load(seeds_out, corpus="A")
    db.load(b_out)  # corpus name from the folder: corpusB
    shared = _entity_ids(seeds_rows) & _entity_ids(b_rows)
    assert shared
    corpora = {r["id"]: sorted(r["corpora"]) for r in db.read("MATCH (n:Entity) RETURN n.id AS id, n.corpora AS corpora")}
    assert set(corpora) == _entity_ids(seeds_rows) | _entity_ids(b_rows)
    assert all(corpora[i] == ["A", "corpusB"] for i in shared)
    assert db.type_counts("corpusB") == _expected_counts(b_rows)[1]
    assert db.type_counts("A") == _expected_counts(seeds_rows)[1]
    b_before = db.fingerprint(corpus="corpusB")[1]

    # replace corpus A by a smaller build: exactly A's own things go
    a2_out = _renamed_build(seed_files[3:4], tmp_path / "a2", lexicon, "a")
    a2_rows = read_folder(a2_out, corpus="A")
    report = db.load(a2_out, corpus="A", replace=True)
    assert report.removed["CO_OCCURS"] == len(seeds_rows.co_occurs)
    assert report.removed["SourceDocument"] == len(seeds_rows.documents)
    assert db.type_counts("A") == _expected_counts(a2_rows)[1]
    assert db.type_counts("corpusB") == _expected_counts(b_rows)[1]
    assert db.fingerprint(corpus="corpusB")[1] == b_before
    docs = db.read("MATCH (d:SourceDocument) RETURN d.id AS id, d.corpus AS corpus")
    assert sorted((d["corpus"], d["id"]) for d in docs) == sorted(
        [("A", r.id) for r in a2_rows.documents] + [("corpusB", r.id) for r in b_rows.documents])
    a2, b = _entity_ids(a2_rows), _entity_ids(b_rows)
    corpora = {r["id"]: sorted(r["corpora"]) for r in db.read("MATCH (n:Entity) RETURN n.id AS id, n.corpora AS corpora")}
    assert set(corpora) == a2 | b  # A's exclusive entities are gone, B's all stay
    for eid, names in corpora.items():
        assert names == sorted(({"A"} if eid in a2 else set()) | ({"corpusB"} if eid in b else set()))
    assert db.duplicates() == {"nodes": 0, "documents": 0, "relationships": 0}


def test_a_document_id_of_another_corpus_is_refused(db, hostile_out):
    db.load(hostile_out, corpus="one")
    with pytest.raises(KgError, match="already loaded by another corpus"):
        db.load(hostile_out, corpus="two")


def test_hostile_names_are_stored_verbatim_and_harm_nothing(db, hostile_out):
    db.write("CREATE (:Canary {id: 'canary'})")
    rows = read_folder(hostile_out, corpus="hostile")
    db.load(hostile_out)
    db.load(hostile_out)
    got = {r["id"]: r for r in db.read("MATCH (n:Entity) RETURN n.id AS id, n.name AS name, n.aliases AS aliases")}
    for rs in rows.entities.values():
        for r in rs:
            assert got[r.id]["name"] == r.props["name"]
            assert got[r.id]["aliases"] == r.props["aliases"]
    assert {HOSTILE_INSTITUTION, HOSTILE_POLICY, HOSTILE_PERSON} <= {g["name"] for g in got.values()}
    assert db.read("MATCH (n:Canary) RETURN n.id AS id") == [{"id": "canary"}]
    assert db.label_counts() == _expected_counts(rows)[0]
    assert db.type_counts() == _expected_counts(rows)[1]
    held = db.read("MATCH ()-[r:HOLDS_POSITION]->() RETURN r.detail AS d, r.evidence AS e")
    assert held == [{"d": "部长\"'}", "e": ["第一句，\"引号\" ‖ 还有 | 竖线\n和换行\\。"]}]
    doc = db.read("MATCH (d:SourceDocument) RETURN d.id AS id, d.title AS title, d.path AS path")
    assert doc == [{"id": "hostile'doc\"1 {x}", "title": "标题\"'}) //\n二", "path": "x/it's \"here\".txt"}]


class _Recorder:
    """Wraps a driver and records every query sent through sessions and transactions."""

    def __init__(self, driver):
        self.driver, self.sent = driver, []

    def session(self, **kw):
        return _RecordingSession(self.driver.session(**kw), self.sent)


class _RecordingSession:
    def __init__(self, session, sent):
        self.s, self.sent = session, sent

    def __enter__(self):
        self.s.__enter__()
        return self

    def __exit__(self, *exc):
        return self.s.__exit__(*exc)

    def run(self, query, *a, **k):
        self.sent.append(query)
        return self.s.run(query, *a, **k)

    def _wrap(self, fn):
        sent = self.sent

        class Tx:
            def __init__(self, tx):
                self.tx = tx

            def run(self, query, *a, **k):
                sent.append(query)
                return self.tx.run(query, *a, **k)

        return lambda tx, *a, **k: fn(Tx(tx), *a, **k)

    def execute_write(self, fn, *a, **k):
        return self.s.execute_write(self._wrap(fn), *a, **k)

    def execute_read(self, fn, *a, **k):
        return self.s.execute_read(self._wrap(fn), *a, **k)


def test_the_loader_sends_only_the_listed_statements(db, hostile_out):
    from kg.neo4j.load import load_rows

    rows = read_folder(hostile_out, corpus="hostile")
    recorder = _Recorder(db.driver)
    load_rows(recorder, rows, database=db.database, replace=True, batch_size=2)
    load_rows(recorder, rows, database=db.database, replace=True, batch_size=2)
    listed = all_statements()
    assert set(recorder.sent) <= set(listed.values())
    unused = {name for name, statement in listed.items() if statement not in recorder.sent}
    empty = {f"nodes:{label}" for label, group in rows.node_groups() if not group}
    empty |= {f"relationships:{t}" for t, group in rows.relationship_groups() if not group}
    assert unused == empty  # every other statement was exercised


# --- errors -----------------------------------------------------------------------------------------------

def _no_secret(exc: BaseException, *secrets_: str) -> str:
    text = str(exc) + repr(exc) + str(exc.__cause__ or "") + str(exc.__context__ or "")
    for s in secrets_:
        assert s not in text
    return str(exc)


def test_wrong_password_is_a_clear_error_without_the_password(neo4j_server, hostile_out):
    from kg.neo4j.load import load_folder

    wrong = "wrong-" + secrets.token_hex(8)
    with pytest.raises(KgError) as info:
        load_folder(hostile_out, uri=neo4j_server.uri, user=neo4j_server.user, password=wrong, database=neo4j_server.database)
    message = _no_secret(info.value, wrong, neo4j_server.password)
    assert "authentication failed" in message and "NEO4J_PASSWORD" in message


def test_unreachable_server_is_a_clear_error_without_the_password(hostile_out):
    import socket

    from kg.neo4j.load import load_folder

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    password = "pw-" + secrets.token_hex(8)
    with pytest.raises(KgError) as info:
        load_folder(hostile_out, uri=f"bolt://127.0.0.1:{port}", user="neo4j", password=password, database="neo4j")
    message = _no_secret(info.value, password)
    assert f"cannot reach a Neo4j server at bolt://127.0.0.1:{port}" in message


def test_missing_database_is_a_clear_error_without_the_password(neo4j_server, hostile_out):
    from kg.neo4j.load import load_folder

    with pytest.raises(KgError) as info:
        load_folder(hostile_out, uri=neo4j_server.uri, user=neo4j_server.user, password=neo4j_server.password,
                    database="nosuchdb")
    message = _no_secret(info.value, neo4j_server.password)
    assert "database 'nosuchdb' does not exist" in message


def test_a_folder_that_is_not_a_build_output_is_a_clear_error(neo4j_server, tmp_path):
    from kg.neo4j.load import load_folder

    with pytest.raises(KgError) as info:
        load_folder(tmp_path, uri=neo4j_server.uri, user=neo4j_server.user, password=neo4j_server.password,
                    database=neo4j_server.database)
    message = _no_secret(info.value, neo4j_server.password)
    assert str(tmp_path) in message and "output of `kg build`" in message


def test_cli_errors_never_print_the_password(neo4j_db, hostile_out, monkeypatch, capsys):
    from kg.cli import main

    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_db.password)
    assert main(["export", "neo4j", str(hostile_out), "--uri", neo4j_db.uri, "--user", neo4j_db.user,
                 "--database", "nosuchdb"]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("Error: database 'nosuchdb' does not exist")
    assert neo4j_db.password not in captured.out + captured.err


# --- the CLI end to end -------------------------------------------------------------------------------------

def test_cli_build_with_neo4j_loads_the_graph(neo4j_db, tmp_path, monkeypatch, capsys):
    from kg.cli import main

    text = tmp_path / "policy.txt"
    text.write_text("国务院印发《关于加快发展新质生产力的意见》。科技部推动新质生产力和高质量发展。\n"
                    "科技部部长阴和俊表示，要发展新质生产力。\n", encoding="utf-8")
    out = tmp_path / "policyout"
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_db.password)
    code = main(["build", str(text), "-o", str(out), "--no-html", "--quiet", "--neo4j", neo4j_db.uri,
                 "--neo4j-user", neo4j_db.user, "--neo4j-database", neo4j_db.database])
    assert code == 0
    d = _Db(neo4j_db)
    try:
        rows = read_folder(out, corpus="policyout")
        assert d.label_counts() == _expected_counts(rows)[0]
        assert d.type_counts("policyout") == _expected_counts(rows)[1]
    finally:
        d.close()
    assert main(["export", "neo4j", str(out), "--uri", neo4j_db.uri, "--user", neo4j_db.user,
                 "--database", neo4j_db.database, "--replace"]) == 0
    printed = capsys.readouterr()
    assert "Replaced corpus 'policyout'" in printed.out and "Loaded corpus 'policyout'" in printed.out
    assert neo4j_db.password not in printed.out + printed.err


class _RacingSession:
    """A session where another load creates each schema rule between the IF NOT EXISTS check and the creation."""

    def __init__(self, code: str):
        self.code, self.calls = code, 0

    def execute_write(self, fn, statement, parameters):
        from neo4j.exceptions import Neo4jError

        self.calls += 1
        raise Neo4jError._hydrate_neo4j(code=self.code, message="An equivalent index already exists")


def test_a_schema_rule_created_by_a_concurrent_load_counts_as_created():
    from kg.neo4j.load import create_schema
    from kg.neo4j.statements import schema_statements

    session = _RacingSession("Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists")
    create_schema(session)  # no error: the rule exists, as wanted
    assert session.calls == len(list(schema_statements()))


def test_other_schema_errors_still_fail_the_load():
    from neo4j.exceptions import ClientError

    from kg.neo4j.load import create_schema

    with pytest.raises(ClientError):
        create_schema(_RacingSession("Neo.ClientError.Security.Forbidden"))
