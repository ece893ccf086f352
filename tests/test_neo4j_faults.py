"""The server going away in the middle of a load: `kg export neo4j` (a real process, small batches so
the load lasts) is running when the Neo4j server is stopped (SIGTERM: Neo4j shuts down, rolling
back what is in flight) or killed (SIGKILL: a crash, recovered at the next start). The driver
retries for 30 s, then the command fails with one line, exit 1, saying how far it got; the
password is in no output. The server is started again on the same data directory, ports and
password (what a user's server does after a restart), the same command is run again and
completes, and the database equals a clean load of the build: counts, every property, no
duplicate."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.neo4j.rows import read_folder
from tests.neo4jserver import Neo4jServer
from tests.test_neo4j_admin import typed_fingerprint
from tests.test_neo4j_load import _Db, _expected_counts

ROOT = Path(__file__).resolve().parent.parent


def kg_export(folder: Path, server: Neo4jServer) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["NEO4J_PASSWORD"] = server.password
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "export", "neo4j", str(folder), "--uri", server.uri,
                             "--batch-size", "5", "--quiet"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)


@pytest.mark.external
@pytest.mark.parametrize("how", ["stop", "kill"])
def test_a_load_cut_by_the_server_fails_in_one_line_and_a_rerun_completes_it(how, seeds_out, tmp_path, neo4j_db):
    rows = read_folder(seeds_out, corpus=seeds_out.name)
    clean = _Db(neo4j_db)  # what a clean load gives, in the session's server
    try:
        clean.load(seeds_out)
        expected = (clean.label_counts(), clean.type_counts(), typed_fingerprint(clean))
    finally:
        clean.close()

    server = Neo4jServer(root=tmp_path / "server", keep=True).start()
    try:
        load = kg_export(seeds_out, server)
        # wait until part of the graph is in, then take the server away
        deadline = time.monotonic() + 120
        while server.run("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"] < 200:
            assert load.poll() is None, load.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.2)
        ports, password = (server.bolt_port, server.http_port), server.password
        if how == "kill":
            server.proc.kill()
            server.proc.wait(timeout=60)
        server.stop()
        out, err = load.communicate(timeout=180)
        assert load.returncode == 1, err
        lines = err.splitlines()
        assert len(lines) == 1 and out == "", err
        assert lines[0].startswith(f"Error: cannot reach a Neo4j server at {server.uri} (") and "Traceback" not in err
        assert "; the load stopped after " in lines[0] and f" of {rows.node_rows + rows.relationship_rows:,} rows" in lines[0]
        assert "run it again to complete it" in lines[0] and lines[0].endswith("(option --uri)")
        assert password not in out + err

        # the server back on the same data, ports and password; the same command again
        server = Neo4jServer(root=tmp_path / "server", keep=True, password=password).start(ports=ports)
        assert server.run("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"] < rows.relationship_rows  # part of it
        again = kg_export(seeds_out, server)
        out, err = again.communicate(timeout=600)
        assert again.returncode == 0 and err == "", err
        db = _Db(server)
        try:
            assert (db.label_counts(), db.type_counts(), typed_fingerprint(db)) == expected
            assert db.label_counts() == _expected_counts(rows)[0]
            assert db.duplicates() == {"nodes": 0, "documents": 0, "relationships": 0}
        finally:
            db.close()
        assert [name for name, text in server.logs().items() if password in text] == []
    finally:
        server.keep = False
        server.stop()
