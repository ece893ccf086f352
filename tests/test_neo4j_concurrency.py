"""Two loads at once into one Neo4j database: two `kg export neo4j` processes of different corpora
that share entities, started together, small batches so their transactions interleave. Nothing is
duplicated (the uniqueness constraints are created before any write; MERGE on a constrained id
takes the index lock), no relationship is lost, no corpus is lost from a shared entity's `corpora`
(a read-modify-write a race could lose), and the database is what loading them one after the other
gives. Deadlocks between the two are retried by the driver (managed transactions), never reported:
both commands exit 0 and print only their own lines."""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kg.neo4j.rows import read_folder
from tests.test_neo4j_load import SEEDS, _Db, _entity_ids, _renamed_build

ROOT = Path(__file__).resolve().parent.parent
BATCH = 25  # small batches: many transactions, interleaved


@pytest.fixture(scope="module")
def two_corpora(tmp_path_factory, lexicon) -> tuple[Path, Path]:
    """Two builds of overlapping seed files under new names: shared entities, distinct documents."""
    files = sorted(SEEDS.glob("*.txt"))
    root = tmp_path_factory.mktemp("concurrent")
    a = _renamed_build(files[:4], root / "corpusA", lexicon, "a")
    b = _renamed_build(files[1:], root / "corpusB", lexicon, "b")
    assert _entity_ids(read_folder(a)) & _entity_ids(read_folder(b))
    return a, b


def state(db: _Db) -> tuple[dict, list]:
    """Entities by id (their `corpora` as a set: the order they were loaded in is not the state) and
    every relationship with its properties."""
    nodes = {}
    for r in db.read("MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props"):
        props = dict(r["props"])
        if "corpora" in props:
            props["corpora"] = sorted(props["corpora"])
        key = ("SourceDocument" in r["labels"], r["id"])
        assert key not in nodes, f"duplicate node {key}"
        nodes[key] = json.dumps({"labels": sorted(r["labels"]), "props": props}, sort_keys=True, ensure_ascii=False)
    rels = sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in db.read(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, b.id AS b, type(r) AS t, properties(r) AS props"))
    return nodes, rels


def sequential(db: _Db, server, first: Path, second: Path) -> tuple[dict, list]:
    server.reset()
    db.load(first, batch_size=BATCH)
    db.load(second, batch_size=BATCH)
    return state(db)


def kg_export(folder: Path, server) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["NEO4J_PASSWORD"] = server.password
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "export", "neo4j", str(folder), "--uri", server.uri,
                             "--batch-size", str(BATCH)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)


def check_against_sequential(got: tuple[dict, list], a_then_b: tuple[dict, list], b_then_a: tuple[dict, list]) -> None:
    nodes, rels = got
    assert rels == a_then_b[1] == b_then_a[1]  # every relationship, once, with its properties
    assert set(nodes) == set(a_then_b[0]) == set(b_then_a[0])
    # a shared entity holds the properties of whichever corpus wrote it last, as one of the two
    # orders gives, and both corpora
    for key, node in nodes.items():
        assert node in (a_then_b[0][key], b_then_a[0][key]), key


def test_two_kg_exports_at_once_equal_one_after_the_other(neo4j_db, two_corpora):
    a, b = two_corpora
    db = _Db(neo4j_db)
    try:
        a_then_b = sequential(db, neo4j_db, a, b)
        b_then_a = sequential(db, neo4j_db, b, a)
        shared = _entity_ids(read_folder(a)) & _entity_ids(read_folder(b))
        neo4j_db.reset()
        procs = [kg_export(a, neo4j_db), kg_export(b, neo4j_db)]
        outputs = [p.communicate(timeout=600) for p in procs]
        for p, (out, err) in zip(procs, outputs):
            assert p.returncode == 0, err
            assert "Traceback" not in err and "retried" not in err and "notification" not in err.lower(), err
            assert out.startswith("Loaded corpus ") and neo4j_db.password not in out + err
        got = state(db)
        check_against_sequential(got, a_then_b, b_then_a)
        corpora = {r["id"]: r["c"] for r in db.read("MATCH (n:Entity) RETURN n.id AS id, n.corpora AS c")}
        assert all(sorted(corpora[i]) == ["corpusA", "corpusB"] for i in shared)  # no lost update
        assert db.duplicates() == {"nodes": 0, "documents": 0, "relationships": 0}
    finally:
        db.close()


class _Retries(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.messages = []

    def emit(self, record):
        message = record.getMessage()
        if "retried" in message:
            self.messages.append(message)


def test_loads_in_threads_retry_deadlocks_and_give_the_same_database(neo4j_db, two_corpora):
    """The same in one process, four loads (each corpus twice) in threads, batches of 5: lock
    waits and deadlocks between them are likely; any the driver met were retried (its log records
    say so) and no load failed."""
    from kg.neo4j.load import load_folder

    a, b = two_corpora
    db = _Db(neo4j_db)
    handler = _Retries()
    logger = logging.getLogger("neo4j")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        a_then_b = sequential(db, neo4j_db, a, b)
        b_then_a = sequential(db, neo4j_db, b, a)
        neo4j_db.reset()
        errors = []

        def load(folder):
            try:
                load_folder(folder, uri=neo4j_db.uri, user=neo4j_db.user, password=neo4j_db.password,
                            database=neo4j_db.database, batch_size=5)
            except Exception as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        threads = [threading.Thread(target=load, args=(f,)) for f in (a, b, b, a)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=600)
        assert errors == []
        check_against_sequential(state(db), a_then_b, b_then_a)
        print(f"driver retries seen: {len(handler.messages)}", *handler.messages[:3], sep="\n  ")
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        db.close()
