"""A real Bolt server for tests: ArcadeDB from the PyPI package ``arcadedb-embedded``.

No Neo4j server can be installed here; ArcadeDB's Bolt plugin answers the official ``neo4j``
driver as "Neo4j/5.26 compatible". The server is started on loopback with free ports in a
temporary root folder, a default database is created at start, more databases are created over
its HTTP API (``CREATE DATABASE`` over Bolt is refused), and everything is removed at the end.
See ../shared/notes/bolt-test-server.md for the measured facts this relies on.
"""
from __future__ import annotations

import base64
import json
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ArcadeServer:
    def __init__(self, *, database: str = "kg", heap: str = "1g"):
        import arcadedb_embedded

        self.pkg = Path(arcadedb_embedded.__file__).parent
        self.database = database
        self.heap = heap
        self.password = secrets.token_hex(12)
        self.user = "root"
        self.bolt_port = _free_port()
        self.http_port = _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="kg-arcadedb-"))
        self.proc: subprocess.Popen | None = None

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    def start(self, timeout: float = 90.0) -> "ArcadeServer":
        java = self.pkg / "jre" / "bin" / "java"
        cmd = [
            str(java), f"-Xmx{self.heap}", "--add-modules", "jdk.incubator.vector",
            f"-Darcadedb.server.rootPath={self.root}",
            f"-Darcadedb.server.rootPassword={self.password}",
            "-Darcadedb.server.httpIncomingHost=127.0.0.1",
            f"-Darcadedb.server.httpIncomingPort={self.http_port}",
            f"-Darcadedb.server.defaultDatabases={self.database}[root]",
            "-Darcadedb.server.plugins=Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "-Darcadedb.bolt.host=127.0.0.1",
            f"-Darcadedb.bolt.port={self.bolt_port}",
            "-cp", f"{self.pkg / 'jars'}/*", "com.arcadedb.server.ArcadeDBServer",
        ]
        self._log = open(self.root / "server.log", "wb")
        self.proc = subprocess.Popen(cmd, stdout=self._log, stderr=subprocess.STDOUT, cwd=self.root)
        self._wait(timeout)
        return self

    def _wait(self, timeout: float) -> None:
        from neo4j import GraphDatabase

        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"ArcadeDB exited ({self.proc.returncode}):\n{self.log()[-3000:]}")
            try:
                with GraphDatabase.driver(self.uri, auth=(self.user, self.password)) as driver:
                    with driver.session(database=self.database) as s:
                        s.run("RETURN 1").consume()
                return
            except Exception as exc:  # not up yet
                last = exc
                time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"ArcadeDB did not answer on {self.uri} within {timeout}s: {last}")

    def create_database(self, name: str) -> str:
        """A fresh, empty database (far cheaper than deleting everything)."""
        body = json.dumps({"command": f"create database {name}"}).encode()
        auth = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
        req = urllib.request.Request(
            f"http://127.0.0.1:{self.http_port}/api/v1/server", data=body, method="POST",
            headers={"Authorization": f"Basic {auth}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=30) as resp:
            resp.read()
        return name

    def log(self) -> str:
        try:
            return (self.root / "server.log").read_text(errors="replace")
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        if getattr(self, "_log", None):
            self._log.close()
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> "ArcadeServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
