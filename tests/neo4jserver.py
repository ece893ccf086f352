"""A real Neo4j server for tests: Neo4j Community from Maven Central, started by tests/neo4j.

`make test-tools` builds tests/neo4j (a Maven project: one launcher class, the jars stay in the
local Maven cache) and writes the class path to tests/neo4j/target/classpath.txt. This module
starts the launcher in its own JVM on loopback, on free ports, with authentication on and a random
password that only ever travels in the environment, in a temporary folder that is removed at the end.

    with Neo4jServer() as server:            # start() waits for the READY line and a Bolt RETURN 1
        driver = GraphDatabase.driver(server.uri, auth=(server.user, server.password))
        ...
        server.reset()                       # empty the database between tests

    server = import_database(folder, nodes=[...], relationships=[...])   # neo4j-admin import full
    with server: ...                         # a server started on the imported database

Another Neo4j version: build it into its own folder and point KG_NEO4J_BUILD at it, with a Java
it runs on (2025.x needs Java 21+, 2025.10 and later Java 25):

    cd tests/neo4j && JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn -q -Dneo4j.version=2026.08.1 \\
        -Dneo4j.build.dir=target-2026.08.1 compile dependency:build-classpath
    KG_NEO4J_BUILD=tests/neo4j/target-2026.08.1 JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 pytest ...

Run so against Neo4j 2026.08.1 Community on Temurin 25, every Neo4j test passes (the loader, the
queries and their twins, load.cypher, neo4j-admin import, concurrency, faults) but the Browser's: the
2026 server serves another Browser, whose page the Chromium test does not know.
"""
from __future__ import annotations

import functools
import os
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterable, Sequence

HERE = Path(__file__).resolve().parent
PROJECT = HERE / "neo4j"
#: The launcher's main class (tests/neo4j/src/main/java/kgtest/Neo4jTestServer.java).
MAIN = "kgtest.Neo4jTestServer"
#: The launcher reads the password of user neo4j from this variable, never from its arguments.
PASSWORD_ENV = "NEO4J_TEST_PASSWORD"
#: C1 only (TieredStopAtLevel=1) for the tests: on 2 cores C2's compiler threads compete with the
#: server, so a start took ~20 s with C2 and ~11 s without, and small test workloads ran faster too.
#: A benchmark starts the server without it (``full_jit=True``), as Neo4j's own launcher does.
FAST_START = ("-XX:TieredStopAtLevel=1",)
#: JVM flags of Neo4j's own launcher that matter here (Netty and the page cache reach into the JDK).
JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",  # JNA (Java 22+ warns on stderr without it)
)
#: From Java 23 on, without it Java 25 warns on stderr about sun.misc.Unsafe (Netty, jctools).
JVM_FLAGS_23 = ("--sun-misc-unsafe-memory-access=allow",)
READY = re.compile(r"^READY bolt=(\S+) http=(\S+) version=(\S+)$", re.M)


class Neo4jUnavailable(RuntimeError):
    """Java or the built launcher is missing: `make test-tools` builds it."""


def build_dir() -> Path:
    return Path(os.environ.get("KG_NEO4J_BUILD") or PROJECT / "target").resolve()


def java_binary() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    found = shutil.which("java")
    if found is None:
        raise Neo4jUnavailable("no java on PATH (nor JAVA_HOME): the Neo4j tests need Java 17+ and "
                               "`make test-tools` (which `make test` runs)")
    return found


@functools.cache
def java_major(java: str) -> int:
    """The feature version of a Java binary (17, 21, 25...)."""
    done = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    match = re.search(r'version "(\d+)(?:\.(\d+))?', done.stderr + done.stdout)
    if not match:
        raise Neo4jUnavailable(f"{java} -version did not say which Java it is: {done.stderr[:200]!r}")
    major = int(match.group(1))
    return int(match.group(2)) if major == 1 else major


def launcher(heap: str = "1g", *, full_jit: bool = False) -> list[str]:
    """The command that starts the launcher (arguments follow), or Neo4jUnavailable saying what to run."""
    java = java_binary()
    build = build_dir()
    classpath = build / "classpath.txt"
    classes = build / "classes" / "kgtest" / "Neo4jTestServer.class"
    if not classpath.is_file() or not classes.is_file():
        raise Neo4jUnavailable(f"the Neo4j test server is not built ({classpath} or {classes} is missing): "
                               "run `make test-tools` (which `make test` runs)")
    jars = classpath.read_text().strip()
    missing = [jar for jar in jars.split(os.pathsep) if jar and not os.path.exists(jar)]
    if missing:
        raise Neo4jUnavailable(f"{len(missing)} jar(s) of the Neo4j test server are gone from the Maven cache "
                               f"(e.g. {missing[0]}): run `rm -rf {build} && make test-tools`")
    flags = (() if full_jit else FAST_START) + JVM_FLAGS + (JVM_FLAGS_23 if java_major(java) >= 23 else ())
    return [java, f"-Xmx{heap}", *flags, "-cp", f"{build / 'classes'}{os.pathsep}{jars}", MAIN]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Neo4jServer:
    """One Neo4j Community server on 127.0.0.1 with its own NEO4J_HOME (``home``) in ``root``.

    ``user``/``password`` log in over Bolt (and HTTP); ``database`` is Community's one user database.
    Nothing of it outlives ``stop()`` unless ``keep=True``.
    """

    user = "neo4j"
    database = "neo4j"

    def __init__(self, *, root: str | Path | None = None, heap: str = "1g", keep: bool = False,
                 page_cache: str = "128m", full_jit: bool = False, password: str | None = None):
        # fails first, with what to run, if Java or the build is missing
        self._command = launcher(heap, full_jit=full_jit)
        self.heap = heap
        self.page_cache = page_cache
        self.keep = keep
        self.root = Path(root) if root is not None else Path(tempfile.mkdtemp(prefix="kg-neo4j-"))
        self.root.mkdir(parents=True, exist_ok=True)
        self.home = self.root / "home"
        # 8 characters or more (Neo4j's default minimum); hex, so it never looks like an option.
        # A restart on the same root may keep the password of the first start.
        self.password = password or secrets.token_hex(16)
        self.bolt_port = self.http_port = 0
        self.version: str | None = None
        self.proc: subprocess.Popen | None = None
        self.returncode: int | None = None
        self._driver = None

    # --- addresses -------------------------------------------------------------------------------------------

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def browser_url(self) -> str:
        """Neo4j Browser, with the connection filled in (the password is typed, never in the URL)."""
        return (f"{self.http_url}/browser/?dbms=neo4j://{self.user}@127.0.0.1:{self.bolt_port}"
                "&preselectAuthMethod=NATIVE")

    @property
    def auth(self) -> tuple[str, str]:
        return (self.user, self.password)

    # --- running it ------------------------------------------------------------------------------------------

    def _env(self, password: bool = True) -> dict[str, str]:
        """The caller's environment without its NEO4J_* variables (a user's NEO4J_PASSWORD stays
        out), with the server's password for the launcher's ``serve``."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
        if password:
            env[PASSWORD_ENV] = self.password
        return env

    def start(self, timeout: float = 180.0, *, ports: tuple[int, int] | None = None) -> "Neo4jServer":
        """Start on free ports (or on ``ports``, Bolt and HTTP: a restart where a server was) and
        wait for the READY line, then for a Bolt ``RETURN 1``.

        Two free ports are picked and released before Java binds them; if another process takes
        one in between, the start is retried on new ports (three tries)."""
        if self.proc is not None:
            raise RuntimeError("this server was started already")
        deadline = time.monotonic() + timeout
        for attempt in range(3):
            if ports is not None:
                self.bolt_port, self.http_port = ports
            else:
                self.bolt_port, self.http_port = _free_port(), _free_port()
            while self.http_port == self.bolt_port:
                self.http_port = _free_port()
            if self._launch(deadline):
                break
            if attempt == 2 or "already in use" not in self.output():
                self._fail("exited before it was ready")
        self._wait_for_bolt(deadline)
        return self

    def _launch(self, deadline: float) -> bool:
        """Run the launcher; True once it printed READY, False if it exited first."""
        self.home.mkdir(parents=True, exist_ok=True)
        self._out = open(self.root / "stdout.txt", "ab")
        self._err = open(self.root / "stderr.txt", "ab")
        cmd = [*self._command, "serve", "--home", str(self.home), "--bolt", str(self.bolt_port),
               "--http", str(self.http_port), "--pagecache", self.page_cache, "--exit-on-stdin-eof"]
        # the server stops by itself when this pipe closes: when this process ends, however it ends
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=self._out, stderr=self._err,
                                     cwd=self.root, env=self._env())
        while time.monotonic() < deadline:
            # stdout.txt is appended to: a restart in the same root follows the earlier READY lines
            for match in READY.finditer(self._read("stdout.txt")):
                if match.group(1) == self.uri:
                    self.version = match.group(3)
                    return True
            if self.proc.poll() is not None:
                self._close_files()
                self.returncode, self.proc = self.proc.returncode, None
                return False
            time.sleep(0.2)
        self._fail(f"printed no READY line within the timeout ({self.root})")

    def _wait_for_bolt(self, deadline: float) -> None:
        from neo4j import GraphDatabase

        last = None
        while time.monotonic() < deadline:
            try:
                with GraphDatabase.driver(self.uri, auth=self.auth) as driver:
                    driver.execute_query("RETURN 1", database_=self.database)
                return
            except Exception as exc:  # noqa: BLE001 - not up yet; reported below
                last = exc
                if self.proc.poll() is not None:
                    break
                time.sleep(0.5)
        self._fail(f"did not answer RETURN 1 on {self.uri}: {last}")

    def _fail(self, what: str):
        output = self.output()[-4000:]
        self.stop()
        raise RuntimeError(f"Neo4j {what}:\n{output}".replace(self.password, "***"))

    def driver(self):
        """A driver on this server (one, kept until stop())."""
        from neo4j import GraphDatabase

        if self._driver is None:
            self._driver = GraphDatabase.driver(self.uri, auth=self.auth)
        return self._driver

    def run(self, query: str, **params) -> list[dict]:
        """Run one query in an auto-commit transaction; the records as dicts."""
        with self.driver().session(database=self.database) as session:
            return [record.data() for record in session.run(query, params)]

    def reset(self, batch: int = 10_000) -> None:
        """Empty the database: every relationship and node (in batches), every constraint and index
        (but the two token lookup indexes a new database has, re-created if a test dropped them).

        What stays from earlier tests: label, type and property-key names in the token store
        (``db.propertyKeys()`` lists them; ``db.labels()`` lists only labels in use) and the id
        counters (elementId values are not reused in a predictable way). Community has no
        ``CREATE DATABASE``; a new database means a new server.
        """
        # relationships first: DETACH DELETE of a node with thousands of them (a document's
        # MENTIONED_IN) in a batch of nodes can exceed the transaction memory pool
        if self.run("MATCH ()-[r]->() RETURN r LIMIT 1"):
            self.run(f"MATCH ()-[r]->() CALL (r) {{ DELETE r }} IN TRANSACTIONS OF {int(batch)} ROWS")
        if self.run("MATCH (n) RETURN n LIMIT 1"):
            self.run(f"MATCH (n) CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF {int(batch)} ROWS")
        for name in (r["name"] for r in self.run("SHOW CONSTRAINTS YIELD name")):
            self.run(f"DROP CONSTRAINT {_name(name)} IF EXISTS")
        for name in (r["name"] for r in self.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")):
            self.run(f"DROP INDEX {_name(name)} IF EXISTS")
        self.run("CREATE LOOKUP INDEX IF NOT EXISTS FOR (n) ON EACH labels(n)")
        self.run("CREATE LOOKUP INDEX IF NOT EXISTS FOR ()-[r]-() ON EACH type(r)")

    def admin(self, args: Sequence[str], *, cwd: str | Path | None = None, timeout: float = 600.0
              ) -> subprocess.CompletedProcess:
        """``neo4j-admin ARGS`` with NEO4J_HOME = this server's home (its conf), e.g.
        ``["database", "import", "full", ...]``; run it while the server is stopped.
        Output captured (text); the exit code is not checked."""
        self.home.mkdir(parents=True, exist_ok=True)
        return subprocess.run([*self._command, "admin", "--home", str(self.home), *map(str, args)],
                              cwd=cwd or self.root, env=self._env(password=False), capture_output=True, text=True,
                              timeout=timeout, stdin=subprocess.DEVNULL)

    def stop(self, timeout: float = 60.0) -> int | None:
        """SIGTERM (Neo4j checkpoints and closes its stores), kill if still running after
        ``timeout`` s; then remove the folders (unless ``keep``). The exit code (0 after a clean stop)."""
        if self._driver is not None:
            self._driver.close()
            self._driver = None
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.terminate()
                try:
                    self.proc.wait(timeout=timeout)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait(timeout=30)
            self._close_files()
            self.returncode, self.proc = self.proc.returncode, None
        self._close_files()
        if not self.keep:
            shutil.rmtree(self.root, ignore_errors=True)
        return self.returncode

    def _close_files(self) -> None:
        if self.proc is not None and self.proc.stdin is not None and self.proc.poll() is not None:
            self.proc.stdin.close()
        for name in ("_out", "_err"):
            fh = getattr(self, name, None)
            if fh is not None:
                fh.close()
                setattr(self, name, None)

    # --- what it wrote ---------------------------------------------------------------------------------------

    def _read(self, name: str) -> str:
        try:
            return (self.root / name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def output(self) -> str:
        """The launcher's stdout and stderr."""
        return self._read("stdout.txt") + self._read("stderr.txt")

    def logs(self) -> dict[str, str]:
        """Every file the server and the launcher wrote as text: stdout, stderr, home/logs/*, conf."""
        files = {"stdout.txt": self._read("stdout.txt"), "stderr.txt": self._read("stderr.txt")}
        for folder in ("logs", "conf"):
            for path in sorted((self.home / folder).glob("*")):
                if path.is_file():
                    files[f"{folder}/{path.name}"] = path.read_text(encoding="utf-8", errors="replace")
        return files

    def __enter__(self) -> "Neo4jServer":
        return self if self.proc is not None else self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _name(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _absolute(folder: Path, value: str) -> str:
    """``[Label[:Label]=]a.csv[,b.csv]`` with every file made absolute against ``folder``."""
    prefix, sep, files = value.rpartition("=")
    return prefix + sep + ",".join(str(folder / f) for f in files.split(","))


class ImportFailed(RuntimeError):
    pass


def import_database(csv_folder: str | Path, nodes: Iterable[str], relationships: Iterable[str] = (), *,
                    array_delimiter: str = "U+001F", multiline_fields: bool = True,
                    extra_args: Sequence[str] = (), heap: str = "1g", keep: bool = False) -> Neo4jServer:
    """``neo4j-admin database import full`` of the CSV files into a new server's home; the server,
    not started (``with import_database(...) as server:`` starts it, on the imported database).

    ``nodes``/``relationships`` are the values of ``--nodes=``/``--relationships=`` (``file.csv``,
    ``Label=file.csv``, ``header.csv,data.csv``), relative to ``csv_folder``. The import's output
    is in ``server.import_output``.

    Two traps of neo4j-admin avoided here: the database name goes before the options (after a
    ``--relationships=`` value, 5.26 and 2026.x read it as one more file of that option: "File
    'neo4j' doesn't exist"), and the files are given as absolute paths (2026.x refuses a bare
    file name: "Unable to find the parent of the path").
    """
    csv_folder = Path(csv_folder).resolve()
    server = Neo4jServer(heap=heap, keep=keep)
    args = ["database", "import", "full", server.database,
            f"--array-delimiter={array_delimiter}", f"--multiline-fields={str(multiline_fields).lower()}",
            "--overwrite-destination=true", f"--report-file={server.root / 'import.report'}",
            *(f"--nodes={_absolute(csv_folder, n)}" for n in nodes),
            *(f"--relationships={_absolute(csv_folder, r)}" for r in relationships), *extra_args]
    try:
        done = server.admin(args, cwd=csv_folder)
    except BaseException:
        server.stop()
        raise
    server.import_output = done.stdout + done.stderr
    if done.returncode != 0 or "IMPORT DONE" not in done.stdout:
        server.stop()
        raise ImportFailed(f"neo4j-admin import failed ({done.returncode}):\n{server.import_output[-4000:]}")
    return server
