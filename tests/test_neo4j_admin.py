"""The bulk importer for real: `neo4j-admin database import full` run on OUT/neo4j/*.csv with the
command line OUT/neo4j/README.md gives (read out of the README, run from that folder as it says),
a Neo4j server started on the imported database, schema.cypher run as cypher-shell runs it, and
the database compared with the one the Bolt loader makes from the same build: labels, types,
counts, every property with its Neo4j type (lists as lists), constraints and indexes. On the seeds
and on the hostile build (quotes, backslashes, line breaks, Cypher in names and evidence)."""
from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest

from kg.neo4j.files import write_files
from kg.neo4j.rows import read_folder
from tests.neo4jserver import Neo4jServer
from tests.test_neo4j_files import shell_statements
from tests.test_neo4j_load import _Db, _expected_counts


def readme_commands(readme: str) -> list[str]:
    """The command lines of the README's indented code blocks, continuation lines joined."""
    commands, current = [], ""
    for line in readme.splitlines():
        if line.startswith("       ") and line.strip():
            current += line.strip()
            if current.endswith("\\"):
                current = current[:-1].rstrip() + " "
                continue
            commands.append(current)
        current = ""
    return commands


def admin_command(folder: Path) -> list[str]:
    """The README's neo4j-admin command, as arguments (without `neo4j-admin`)."""
    found = [c for c in readme_commands((folder / "README.md").read_text(encoding="utf-8"))
             if c.startswith("neo4j-admin ")]
    assert len(found) == 1, found
    args = shlex.split(found[0])
    assert args[:5] == ["neo4j-admin", "database", "import", "full", "neo4j"]
    return args[1:]


def typed_fingerprint(db: _Db) -> tuple[list[str], list[str]]:
    """Every node (labels, properties, each property's Neo4j type) and relationship (ends, type,
    properties and their types), as sorted JSON lines."""
    def key(d):
        return json.dumps(d, sort_keys=True, ensure_ascii=False)

    nodes = db.read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props, "
                    "[k IN keys(n) | [k, valueType(n[k])]] AS types")
    rels = db.read("MATCH (a)-[r]->(b) RETURN a.id AS a, b.id AS b, type(r) AS t, properties(r) AS props, "
                   "[k IN keys(r) | [k, valueType(r[k])]] AS types")
    nodes = sorted(key({"labels": sorted(n["labels"]), "props": n["props"], "types": sorted(n["types"])}) for n in nodes)
    rels = sorted(key({**r, "types": sorted(r["types"])}) for r in rels)
    return nodes, rels


def schema(db: _Db) -> tuple[list, list]:
    constraints = db.read("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties "
                          "RETURN name, type, labelsOrTypes, properties ORDER BY name")
    indexes = db.read("SHOW INDEXES YIELD name, type, labelsOrTypes, properties, owningConstraint "
                      "WHERE type <> 'LOOKUP' RETURN name, type, labelsOrTypes, properties, owningConstraint ORDER BY name")
    return constraints, indexes


def test_the_readme_gives_one_import_command_for_every_file(seeds_out):
    folder = seeds_out / "neo4j"
    args = admin_command(folder)
    files = sorted(p.name for p in folder.glob("*.csv"))
    given = sorted(a.split("=./", 1)[1] for a in args if a.startswith(("--nodes=./", "--relationships=./")))
    assert given == files
    assert "--array-delimiter=U+001F" in args and "--legacy-style-quoting=true" in args
    shell = [c for c in readme_commands((folder / "README.md").read_text(encoding="utf-8")) if c.startswith("cypher-shell ")]
    assert [c.split(" -f ")[1] for c in shell] == ["load.cypher", "schema.cypher"]


@pytest.mark.parametrize("which", ["seeds", "hostile"])
def test_neo4j_admin_import_gives_the_bolt_loaders_database(which, neo4j_db, seeds_out, hostile_out, tmp_path):
    if which == "seeds":
        out = seeds_out
        # a copy: neo4j-admin writes import.report into the folder it runs in, and the session's
        # build must stay as kg build wrote it
        folder = Path(shutil.copytree(out / "neo4j", tmp_path / "neo4j"))
    else:
        out = hostile_out
        folder = write_files(read_folder(out, corpus=out.name), out / "neo4j")
    rows = read_folder(out, corpus=out.name)

    # the Bolt loader, into the session's server
    bolt = _Db(neo4j_db)
    try:
        bolt.load(out)
        by_bolt = (bolt.label_counts(), bolt.type_counts(), typed_fingerprint(bolt), schema(bolt))
    finally:
        bolt.close()

    # neo4j-admin, as the README says, into a new server's home; then schema.cypher
    server = Neo4jServer()
    try:
        done = server.admin(admin_command(folder), cwd=folder)
        assert done.returncode == 0 and "IMPORT DONE" in done.stdout, done.stdout[-3000:] + done.stderr[-3000:]
        assert re.search(rf"Imported:\s+{rows.node_rows} nodes\s+{rows.relationship_rows} relationships", done.stdout), done.stdout[-2000:]
        report = folder / "import.report"  # neo4j-admin's report of skipped lines: none here (5.26 writes it
        if neo4j_db.version.startswith("5."):  # into the folder it runs in; 2026.x keeps it elsewhere)
            assert report.is_file()
        assert not report.exists() or report.read_text(encoding="utf-8").strip() == ""
        with server:
            imported = _Db(server)
            try:
                for statement in shell_statements((folder / "schema.cypher").read_text(encoding="utf-8")):
                    with imported.driver.session(database=server.database) as s:
                        s.run(statement).consume()
                imported.read("CALL db.awaitIndexes(300)")
                by_admin = (imported.label_counts(), imported.type_counts(), typed_fingerprint(imported), schema(imported))
            finally:
                imported.close()
    finally:
        server.stop()

    assert by_admin[0] == by_bolt[0] == _expected_counts(rows)[0]
    assert by_admin[1] == by_bolt[1] == _expected_counts(rows)[1]
    nodes, rels = by_admin[2]
    assert len(nodes) == rows.node_rows and len(rels) == rows.relationship_rows
    assert by_admin[2][0] == by_bolt[2][0]
    assert by_admin[2][1] == by_bolt[2][1]
    assert by_admin[3] == by_bolt[3]
    # lists came in as lists of strings, numbers as numbers
    types = {t for line in nodes + rels for k, t in json.loads(line)["types"]}
    assert {"LIST<STRING NOT NULL> NOT NULL", "INTEGER NOT NULL", "STRING NOT NULL"} <= types
    if which == "seeds":
        assert {"FLOAT NOT NULL", "BOOLEAN NOT NULL"} <= types
