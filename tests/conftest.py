"""Shared fixtures: the shipped lexicon (loaded once) and a helper to extract from a string."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.mentions import ExtractOptions, extract_mentions
from extractors.lexicon import load_lexicon
from extractors.normalize import normalize
from extractors.records import Document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


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
def bolt_server():
    """A real Bolt server (ArcadeDB) on loopback for the session; stopped and removed at the end."""
    from tests.boltserver import ArcadeServer

    server = ArcadeServer().start()
    yield server
    server.stop()


@pytest.fixture
def bolt_database(bolt_server, request):
    """A fresh, empty database on the session's server for one test."""
    import re

    name = "t" + re.sub(r"\W", "", request.node.name)[:40] + str(abs(hash(request.node.nodeid)) % 10**6)
    return bolt_server.create_database(name)
