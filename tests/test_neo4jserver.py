"""The Neo4j test server itself (tests/neo4jserver.py, tests/neo4j): it starts, authentication is on,
its password never reaches its output or logs, reset() empties it, neo4j-admin import round-trips
into it, and Browser is served at /browser/. Needs Java and `make test-tools` (marked `external`)."""
from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.neo4jserver import Neo4jServer, Neo4jUnavailable, import_database

U = "\x1f"  # the array delimiter of the project's neo4j-admin files


def _get(url: str, auth: tuple[str, str] | None = None, timeout: float = 30) -> tuple[int, str, str]:
    request = urllib.request.Request(url)
    if auth:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read().decode("utf-8", "replace")


@pytest.mark.external
def test_server_answers_over_bolt_and_http(neo4j_server):
    from neo4j import GraphDatabase

    assert neo4j_server.uri.startswith("bolt://127.0.0.1:") and neo4j_server.database == "neo4j"
    with GraphDatabase.driver(neo4j_server.uri, auth=neo4j_server.auth) as driver:
        records, _, _ = driver.execute_query("RETURN 1 AS one", database_="neo4j")
        assert records[0]["one"] == 1
        assert driver.get_server_info().agent == f"Neo4j/{neo4j_server.version}"
    status, _, body = _get(neo4j_server.http_url + "/")
    discovery = json.loads(body)
    assert status == 200 and discovery["neo4j_edition"] == "community"
    assert discovery["bolt_direct"] == neo4j_server.uri


@pytest.mark.external
def test_authentication_is_on(neo4j_server):
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError

    with GraphDatabase.driver(neo4j_server.uri, auth=("neo4j", "wrong-password-1")) as driver:
        with pytest.raises(AuthError):
            driver.execute_query("RETURN 1", database_="neo4j")
    with GraphDatabase.driver(neo4j_server.uri, auth=("neo4j", "neo4j")) as driver:  # the default password
        with pytest.raises(AuthError):
            driver.execute_query("RETURN 1", database_="neo4j")
    tx = neo4j_server.http_url + "/db/neo4j/tx/commit"
    assert _get(tx)[0] == 401
    assert _get(tx, auth=("neo4j", "wrong-password-1"))[0] == 401


@pytest.mark.external
def test_the_password_never_reaches_output_logs_or_command_line(neo4j_server):
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError

    with GraphDatabase.driver(neo4j_server.uri, auth=("neo4j", "wrong-password-2")) as driver:
        with pytest.raises(AuthError):
            driver.execute_query("RETURN 1", database_="neo4j")
    neo4j_server.run("RETURN $x AS x", x=1)
    password = neo4j_server.password
    cmdline = Path(f"/proc/{neo4j_server.proc.pid}/cmdline").read_bytes().decode(errors="replace")
    assert password not in cmdline
    logs = neo4j_server.logs()
    assert {"stdout.txt", "stderr.txt", "logs/neo4j.log", "logs/debug.log", "conf/neo4j.conf"} <= set(logs)
    assert "READY bolt=" in logs["stdout.txt"]
    assert "wrong-password-2" not in "".join(logs.values())
    assert [name for name, text in logs.items() if password in text] == []
    # the failed login is logged (Community's security.log stays empty), without what was typed
    assert "unauthorized due to authentication failure" in logs["logs/neo4j.log"]


@pytest.mark.external
def test_reset_empties_data_constraints_and_indexes(neo4j_db):
    db = neo4j_db
    db.run("CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE")
    db.run("CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)")
    db.run("CREATE FULLTEXT INDEX entity_text IF NOT EXISTS FOR (n:Entity) ON EACH [n.name]")
    db.run("UNWIND range(1, 3000) AS i CREATE (:Entity {id: toString(i), name: 'n' + i})-[:MENTIONED_IN]->(:SourceDocument {id: i})")
    assert db.run("MATCH (n) RETURN count(n) AS c") == [{"c": 6000}]
    db.reset(batch=1000)
    assert db.run("MATCH (n) RETURN count(n) AS c") == [{"c": 0}]
    assert db.run("MATCH ()-[r]->() RETURN count(r) AS c") == [{"c": 0}]
    assert db.run("SHOW CONSTRAINTS YIELD name") == []
    assert sorted(r["type"] for r in db.run("SHOW INDEXES YIELD type")) == ["LOOKUP", "LOOKUP"]
    # what a new database has: the two token lookup indexes, which reset() re-creates if dropped
    for row in db.run("SHOW INDEXES YIELD name"):
        db.run(f"DROP INDEX `{row['name']}`")
    db.reset()
    assert sorted(r["entityType"] for r in db.run("SHOW INDEXES YIELD entityType")) == ["NODE", "RELATIONSHIP"]


@pytest.mark.external
def test_each_test_gets_an_empty_database(neo4j_db):
    assert neo4j_db.run("MATCH (n) RETURN count(n) AS c") == [{"c": 0}]


def _write(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8"))


@pytest.mark.external
def test_neo4j_admin_import_round_trip(tmp_path):
    """Typed headers as kg writes them (ID spaces, :LABEL with two labels, string[] with U+001F,
    long, quoted multi-line strings) -> neo4j-admin import full -> a server on that database."""
    _write(tmp_path / "entities_Org.csv",
           "id:ID(Entity),:LABEL,name,aliases:string[],mentions:long\n"
           f'"o1","Entity{U}Org","科技部","MOST{U}科学技术部",3\n'
           f'"o2","Entity{U}Org","He said ""hi""\nline two",,5\n')
    _write(tmp_path / "entities_Person.csv",
           "id:ID(Entity),:LABEL,name,aliases:string[],mentions:long\n"
           f'"p1","Entity{U}Person","张三","a,b{U}c;d|e",1\n')
    _write(tmp_path / "source_documents.csv",
           'id:ID(SourceDocument),:LABEL,path\n"o1","SourceDocument","a.txt"\n"d2","SourceDocument","b.txt"\n')
    _write(tmp_path / "relationships_MENTIONED_IN.csv",
           ':START_ID(Entity),:END_ID(SourceDocument),:TYPE,count:long\n'
           '"o1","o1","MENTIONED_IN",2\n"p1","d2","MENTIONED_IN",1\n"o2","o1","MENTIONED_IN",1\n')
    _write(tmp_path / "relationships_CO_OCCURS.csv",
           ':START_ID(Entity),:END_ID(Entity),:TYPE,weight:long,evidence:string[]\n'
           f'"o1","p1","CO_OCCURS",4,"s1{U}s2"\n')
    server = import_database(
        tmp_path, nodes=["entities_Org.csv", "entities_Person.csv", "source_documents.csv"],
        relationships=["relationships_MENTIONED_IN.csv", "relationships_CO_OCCURS.csv"])
    try:
        assert "5 nodes" in server.import_output and "4 relationships" in server.import_output
        with server:
            labels = server.run("MATCH (n) RETURN labels(n) AS labels, count(*) AS c ORDER BY c, labels")
            assert labels == [{"labels": ["Entity", "Person"], "c": 1}, {"labels": ["Entity", "Org"], "c": 2},
                              {"labels": ["SourceDocument"], "c": 2}]
            types = server.run("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c ORDER BY t")
            assert types == [{"t": "CO_OCCURS", "c": 1}, {"t": "MENTIONED_IN", "c": 3}]
            rows = {r["id"]: r for r in server.run(
                "MATCH (n:Entity) RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.mentions AS mentions, "
                "valueType(n.aliases) AS aliases_type, valueType(n.mentions) AS mentions_type")}
            assert rows["o1"]["aliases"] == ["MOST", "科学技术部"]
            assert rows["o1"]["aliases_type"].startswith("LIST<STRING")
            assert rows["o1"]["mentions"] == 3 and rows["o1"]["mentions_type"].startswith("INTEGER")
            assert rows["o2"]["aliases"] is None and rows["o2"]["name"] == 'He said "hi"\nline two'
            assert rows["p1"]["aliases"] == ["a,b", "c;d|e"] and rows["p1"]["name"] == "张三"
            # the two ID spaces: entity o1 and document o1 are different nodes
            assert server.run("MATCH (:Entity {id: 'o1'})-[r:MENTIONED_IN]->(:SourceDocument {id: 'o1'}) "
                              "RETURN r.count AS c") == [{"c": 2}]
            assert server.run("MATCH ()-[r:CO_OCCURS]->() RETURN r.evidence AS e") == [{"e": ["s1", "s2"]}]
    finally:
        server.stop()
    assert server.returncode == 0  # a clean stop on SIGTERM
    assert not server.root.exists()


@pytest.mark.external
def test_browser_is_served(neo4j_server):
    status, content_type, html = _get(neo4j_server.http_url + "/browser/")
    assert status == 200 and content_type.startswith("text/html")
    assert "<title>Neo4j Browser</title>" in html
    bundles = [part.split('"')[0] for part in html.split('src="')[1:] if part.split('"')[0].endswith(".js")]
    assert bundles, "no script in Browser's page"
    status, content_type, script = _get(neo4j_server.http_url + "/browser/" + bundles[-1])
    assert status == 200 and "javascript" in content_type and len(script) > 1000
    assert neo4j_server.browser_url.startswith(neo4j_server.http_url + "/browser/?dbms=neo4j://neo4j@127.0.0.1:")


def test_a_missing_build_says_to_run_make_test_tools(tmp_path, monkeypatch):
    """Without Java or the built launcher the server (and so the fixtures) fail with what to run."""
    monkeypatch.setenv("KG_NEO4J_BUILD", str(tmp_path / "nothing"))
    with pytest.raises(Neo4jUnavailable, match="make test-tools"):
        Neo4jServer()
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "no-jdk"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(Neo4jUnavailable, match="make test-tools"):
        Neo4jServer()


@pytest.mark.external
def test_a_restart_on_the_same_folder_keeps_the_data_and_takes_the_new_password(tmp_path):
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError

    first = Neo4jServer(root=tmp_path / "server", keep=True).start()
    first.run("CREATE (:Kept {v: 1})")
    assert first.stop() == 0
    second = Neo4jServer(root=tmp_path / "server").start()  # a new password, set on the existing system database
    try:
        assert second.run("MATCH (k:Kept) RETURN k.v AS v") == [{"v": 1}]
        with GraphDatabase.driver(second.uri, auth=("neo4j", first.password)) as driver:
            with pytest.raises(AuthError):
                driver.execute_query("RETURN 1", database_="neo4j")
        assert [name for name, text in second.logs().items() if second.password in text or first.password in text] == []
    finally:
        second.stop()
