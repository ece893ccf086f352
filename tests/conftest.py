"""Shared fixtures: the shipped lexicon (loaded once) and a helper to extract from a string."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from extractors.lexicon import load_lexicon
from extractors.mentions import ExtractOptions, extract_mentions
from extractors.normalize import normalize
from extractors.records import Document

# Property tests draw the same examples on every run and every machine: a CI run finds what the last
# local run found, never a new example by chance (`HYPOTHESIS_PROFILE=explore` searches afresh).
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


#: Fixtures that start or need a program outside Python; a test using one is marked `external`
#: (so `pytest -m "not external"` runs on a bare checkout, without node, chromium or a server).
EXTERNAL_FIXTURES = frozenset({"node", "chromium", "neo4j_server", "neo4j_db"})


def pytest_collection_modifyitems(items):
    for item in items:
        if EXTERNAL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.external)


@pytest.fixture(scope="session")
def node():
    """The Node tools of tests/js (Gephi Lite's parsers, Neo4j's Cypher parser): installed by `make test-tools`."""
    from tests.jstools import node_available, run_node

    node_available()
    return run_node


@pytest.fixture(scope="session")
def chromium(node):
    """Debian's chromium, driven by playwright-core from tests/js (installed by `make test-tools`)."""
    import shutil

    if shutil.which("chromium") is None and not Path("/usr/bin/chromium").exists():
        pytest.fail("chromium is not installed: run `make test-tools` (make test does)")
    return node


@pytest.fixture(scope="session")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="session")
def extract(lexicon):
    """extract(text) -> list of (surface text, type, canonical name, rule) in text order."""

    def run(text: str, *, rules: bool = True, normalise: bool = False):
        if normalise:
            text = normalize(text)
        doc = Document(id="t", path="t.txt", format="txt", text=text)
        return extract_mentions(doc, lexicon, options=ExtractOptions(rules=rules))

    return run


def names(mentions, type_=None):
    return {m.name for m in mentions if type_ is None or m.type == type_}


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory, lexicon):
    """`kg build seeds/` run once for the session: the BuildResult (result.out is the folder)."""
    from kg.build import BuildOptions, build

    out = tmp_path_factory.mktemp("seeds_out")
    return build([SEEDS], out, lexicon, BuildOptions())


@pytest.fixture(scope="session")
def seeds_out(seeds_build) -> Path:
    """The output folder of the session's seeds build."""
    return seeds_build.out


@pytest.fixture
def hostile_out(tmp_path) -> Path:
    """An output folder of hostile names and texts (see tests/hostile_build.py)."""
    from tests.hostile_build import write_hostile_out

    return write_hostile_out(tmp_path / "hostile")


@pytest.fixture(scope="session")
def neo4j_server():
    """A real Neo4j Community server (tests/neo4jserver.py) for the session, auth on, on loopback.

    Fails (does not skip) when Java or the launcher is missing: `make test-tools` builds it.
    Tests that use it are marked `external` (automatically, see below)."""
    from tests.neo4jserver import Neo4jServer

    server = Neo4jServer().start()
    yield server
    server.stop()


@pytest.fixture
def neo4j_db(neo4j_server):
    """The session's server with its database emptied (data, constraints, indexes) for this test."""
    neo4j_server.reset()
    return neo4j_server

