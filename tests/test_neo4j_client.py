"""The Bolt client (kg/neo4j/client.py) as a user meets it through `kg export neo4j` and `kg query`:
one line per failure (wrong password, unreachable host, missing database), no traceback, the
password in no output; the password hidden only where a server could have echoed it, so that a
short or common password does not garble the URI or host in a message; and no driver
notification or log record on the terminal. The commands run as real processes (what a user's
terminal shows, Python's last-resort log handler included) against the real Neo4j test server."""
from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from kg.neo4j.client import MIN_SECRET, describe, scrub

ROOT = Path(__file__).resolve().parent.parent


def kg(*args: str, password: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """`kg ARGS` in its own process, the password in NEO4J_PASSWORD only (never on the command line)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["NEO4J_PASSWORD"] = password
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def one_line_error(done: subprocess.CompletedProcess, *secrets_: str) -> str:
    """The command failed with exit 1 and printed exactly one line, ``Error: ...``, on stderr (and
    nothing on stdout); none of ``secrets_`` anywhere."""
    assert done.returncode == 1, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), done.stderr
    assert done.stdout == "" and "Traceback" not in done.stderr
    for s in secrets_:
        assert s not in done.stdout + done.stderr
    return lines[0]


# --- scrub: the password hidden where an echo would stand, the message otherwise intact --------------------

def test_a_common_password_leaves_the_uri_intact():
    uri = "neo4j://localhost:7687"
    said = "Unable to retrieve routing information from neo4j://localhost:7687 for database neo4j"
    assert scrub(said, "neo4j", keep=(uri, "localhost", "neo4j", "neo4j")) == said
    # without the settings to keep, "neo4j" standing alone is hidden, inside a word it is not
    assert scrub("user neo4j, neo4jdb", "neo4j") == "user ***, neo4jdb"


def test_a_one_letter_password_leaves_the_host_intact():
    said = "Failed to DNS resolve address nonexistent.invalid:7687: [Errno -2] Name or service not known"
    assert scrub(said, "x", keep=("neo4j://nonexistent.invalid:7687", "nonexistent.invalid")) == said
    assert scrub(said, "x") == said  # "x" never stands alone there


@pytest.mark.parametrize("said, hidden", [
    ("password=hunter2 rejected", "password=*** rejected"),
    ("credentials 'hunter2'", "credentials '***'"),
    ("bolt://neo4j:hunter2@host", "bolt://neo4j:***@host"),
    ("hunter2", "***"),
])
def test_an_echoed_password_is_hidden(said, hidden):
    assert scrub(said, "hunter2") == hidden


def test_a_long_password_is_hidden_even_inside_a_word():
    password = "s3cretpassw0rd"
    assert len(password) >= MIN_SECRET
    assert scrub(f"token{password}tail and {password}", password) == "token***tail and ***"
    assert scrub("neo4j://h:1", password, keep=("neo4j://h:1",)) == "neo4j://h:1"


@pytest.mark.parametrize("password, uri", [
    ("x", "neo4j://nonexistent.invalid:7687"),
    ("neo4j", "neo4j://127.0.0.1:{port}"),
    ("bolt", "bolt://127.0.0.1:{port}"),
])
def test_kg_export_with_a_short_password_shows_the_uri_and_host_intact(password, uri, hostile_out):
    uri = uri.format(port=closed_port())
    line = one_line_error(kg("export", "neo4j", str(hostile_out), "--uri", uri, password=password))
    assert line.startswith(f"Error: cannot reach a Neo4j server at {uri} (")
    assert "***" not in line
    if "invalid" in uri:
        assert "nonexistent.invalid:7687" in line.split("(", 1)[1]


def test_a_real_server_message_echoing_the_password_is_scrubbed(neo4j_server):
    """A server message that does hold the password's text (Neo4j echoes an unknown YIELD
    column), through the same ``describe`` the loader and ``kg query`` use."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import Neo4jError

    secret = "pw" + secrets.token_hex(6)
    with GraphDatabase.driver(neo4j_server.uri, auth=neo4j_server.auth) as driver:
        with pytest.raises(Neo4jError) as info:
            driver.execute_query(f"CALL db.labels() YIELD {secret} RETURN 1", database_=neo4j_server.database)
    assert secret in str(info.value)  # the server did echo it
    message, _ = describe(info.value, uri=neo4j_server.uri, user="neo4j", database="neo4j", action="query",
                          password=secret)
    assert secret not in message and "***" in message
    assert message.startswith(f"Neo4j refused the query at {neo4j_server.uri} (database 'neo4j'): Neo.ClientError")


# --- one line for each failure a user meets ----------------------------------------------------------------

def test_wrong_password_is_one_line(neo4j_server, hostile_out):
    wrong = "wrong-" + secrets.token_hex(8)
    for args in (["export", "neo4j", str(hostile_out), "--uri", neo4j_server.uri],
                 ["query", "neighbours", "--uri", neo4j_server.uri]):
        line = one_line_error(kg(*args, password=wrong), wrong, neo4j_server.password)
        assert line.startswith(f"Error: authentication failed at {neo4j_server.uri} for user 'neo4j'")
        assert line.endswith("(option --user)")


def test_unreachable_host_is_one_line(hostile_out):
    password = "pw-" + secrets.token_hex(8)
    uri = f"bolt://127.0.0.1:{closed_port()}"
    for args in (["export", "neo4j", str(hostile_out), "--uri", uri], ["query", "timeline", "--uri", uri]):
        line = one_line_error(kg(*args, password=password), password)
        assert line.startswith(f"Error: cannot reach a Neo4j server at {uri} (") and line.endswith("(option --uri)")


def test_missing_database_is_one_line(neo4j_server, hostile_out):
    for args in (["export", "neo4j", str(hostile_out), "--uri", neo4j_server.uri, "--database", "nosuchdb"],
                 ["query", "timeline", "--uri", neo4j_server.uri, "--database", "nosuchdb"]):
        line = one_line_error(kg(*args, password=neo4j_server.password), neo4j_server.password)
        assert line.startswith("Error: database 'nosuchdb' does not exist or is not available at ")
        assert line.endswith("(option --database)")


# --- the driver kept quiet -----------------------------------------------------------------------------------

def test_no_driver_notification_or_log_reaches_the_terminal(neo4j_db, hostile_out):
    """On a new database Neo4j warns that labels and properties the statements name do not exist
    yet (the driver logged "Received notification from DBMS server ..." on stderr): nothing of the
    driver shows, only the command's own lines."""
    empty = kg("query", "central_policies", "--uri", neo4j_db.uri, password=neo4j_db.password)  # names no entity
    assert empty.returncode == 0 and empty.stderr == "", empty.stderr
    assert empty.stdout.splitlines()[-1].startswith("(0 rows: central_policies over ")
    load = kg("export", "neo4j", str(hostile_out), "--uri", neo4j_db.uri, password=neo4j_db.password)
    assert load.returncode == 0, load.stderr
    assert "notification" not in (load.stdout + load.stderr).lower() and "warn" not in load.stderr.lower()
    assert all(line.startswith(("rows ", "Loaded", "  ")) for line in load.stdout.splitlines()), load.stdout
    assert load.stderr == "" or all("rows" in line for line in load.stderr.splitlines()), load.stderr
    assert neo4j_db.password not in load.stdout + load.stderr
