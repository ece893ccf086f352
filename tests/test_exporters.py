"""Exporters: what Gephi (Lite), networkx and pandas get when they open the files."""
from __future__ import annotations

import copy

import networkx as nx
import pandas as pd
import pytest

from extractors.records import entity_id
from kg.export.gexf import write_gexf
from kg.export.graphml import write_graphml
from kg.export.jsonfile import read_json, write_json
from kg.files import ExportError, atomic_text
from kg.tables import ENTITY_COLUMNS, RELATION_COLUMNS
from tests.jstools import run_node

NQPF = entity_id("Policy", "新质生产力")


@pytest.fixture(scope="module")
def parsed(seeds_build, node):
    out = seeds_build.out
    return {
        "graphml": run_node("parse_graph.mjs", "graphml", str(out / "graph.graphml")),
        "gexf": run_node("parse_graph.mjs", "gexf", str(out / "graph.gexf")),
    }


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_gephi_lite_parsers_read_every_node_and_edge(seeds_build, parsed, fmt):
    g = seeds_build.graph
    p = parsed[fmt]
    assert p["type"] == "undirected"
    assert (p["order"], p["size"]) == (g.number_of_nodes(), g.number_of_edges())
    node = p["nodes"][NQPF]
    assert node["label"] == "新质生产力"
    assert node["type"] == "Policy"
    assert node["mentions"] == g.nodes[NQPF]["mentions"] and isinstance(node["mentions"], int)
    assert node["pagerank"] == pytest.approx(g.nodes[NQPF]["pagerank"])
    for e in p["edges"]:
        assert isinstance(e["attrs"]["weight"], (int, float)) and e["attrs"]["weight"] >= 1
        for value in e["attrs"].values():
            assert not isinstance(value, (list, dict))


def test_gexf_colours_sizes_and_time(seeds_build, parsed):
    g = seeds_build.graph
    nodes = parsed["gexf"]["nodes"]
    assert nodes[NQPF]["color"].startswith("rgba(230,57,70")  # Policy colour
    assert nodes[NQPF]["size"] > nodes[entity_id("Person", "阴和俊")]["size"]
    text = (seeds_build.out / "graph.gexf").read_text(encoding="utf-8")
    assert 'mode="dynamic" timeformat="date"' in text
    # the seeds are dated to the year: slices are years, and every dated entity and edge has spells
    assert g.graph["slice"] == "year" and g.graph["periods"] == ["2024", "2025"]
    spells = parsed["gexf"]["spells"]
    assert spells["nodes"][NQPF] == [["2024-01-01", "2025-12-31"]]  # two years in a row: one spell
    for n, d in g.nodes(data=True):
        expected = _spells_of(d["periods"])
        assert spells["nodes"].get(n, []) == expected, n
    for u, v, d in g.edges(data=True):
        assert spells["edges"].get(f"{u}|{v}", []) == _spells_of(d["periods"]), (u, v)
    # and a column per slice, which Gephi Lite reads
    for n, d in g.nodes(data=True):
        assert [nodes[n][f"documents_{p}"] for p in ("2024", "2025")] == [d["periods"].get(p, {}).get("documents", 0) for p in ("2024", "2025")]


def _spells_of(periods: dict) -> list[list[str]]:
    """Years present, consecutive ones joined, as GEXF spells."""
    years = sorted(int(p) for p in periods)
    runs: list[list[int]] = []
    for y in years:
        if runs and runs[-1][1] == y - 1:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    return [[f"{a}-01-01", f"{b}-12-31"] for a, b in runs]


def test_networkx_reads_graphml_with_types(seeds_build):
    g = seeds_build.graph
    h = nx.read_graphml(seeds_build.out / "graph.graphml")
    assert (h.number_of_nodes(), h.number_of_edges()) == (g.number_of_nodes(), g.number_of_edges())
    d = h.nodes[NQPF]
    assert d["label"] == "新质生产力" and isinstance(d["mentions"], int) and isinstance(d["pagerank"], float)
    assert set(h.edges) == {tuple(e) for e in g.edges} or {tuple(sorted(e)) for e in h.edges} == {tuple(sorted(e)) for e in g.edges}


def test_graph_json_round_trip_is_equal(seeds_build):
    g = seeds_build.graph
    h = read_json(seeds_build.out / "graph.json")
    assert nx.utils.graphs_equal(g, h)


def test_tables_have_documented_columns_and_open_in_pandas(seeds_build):
    out = seeds_build.out
    entities = pd.read_csv(out / "entities.csv")
    relations = pd.read_csv(out / "relations.csv")
    assert tuple(entities.columns) == ENTITY_COLUMNS  # the BOM does not leak into the first name
    assert tuple(relations.columns) == RELATION_COLUMNS
    assert len(entities) == seeds_build.graph.number_of_nodes()
    assert set(relations["type"]) >= {"CO_OCCURS", "HOLDS_POSITION", "PART_OF"}
    mentions = pd.read_csv(out / "mentions.csv", keep_default_na=False)
    assert list(mentions.columns)[:4] == ["doc", "start", "end", "text"]
    assert (out / "entities.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # Excel sees UTF-8


def test_mention_offsets_point_into_normalised_text(seeds_build, lexicon):
    from extractors.documents import load_document

    out = seeds_build.out
    mentions = pd.read_csv(out / "mentions.csv", keep_default_na=False)
    docs = pd.read_csv(out / "documents.csv")
    for row in docs.itertuples():
        text = load_document(row.path, row.id).text
        m = mentions[mentions["doc"] == row.id]
        assert all(text[s:e] == t for s, e, t in zip(m["start"], m["end"], m["text"]))


def tiny_graph(name="新质生产力"):
    g = nx.Graph(window="sentence", units=1, documents=1, filters="none")
    attrs = dict(type="Policy", category="", aliases=["甲", "乙"], source="rule", mentions=2, documents=1, units=1,
                 first_date="2024", last_date="2024", degree=1, weighted_degree=1, pagerank=0.5, community=0)
    g.add_node("a", id="a", name=name, label=name, **attrs)
    g.add_node("b", id="b", name="科技部", label="科技部", **{**attrs, "type": "Institution"})
    g.add_edge("a", "b", count=1, doc_count=1, weight=1, pmi=1.0, npmi=1.0, jaccard=1.0, llr=1.0, first_date="2024",
               doc_ids=["d"], evidence=[{"doc": "d", "sentence": "d#s0", "start": 0, "end": 3, "text": "x\x1by"}],
               relations=[], kind="co-occurrence")
    return g


@pytest.mark.parametrize("writer, suffix", [(write_graphml, "graphml"), (write_gexf, "gexf"), (write_json, "json")])
def test_exporters_do_not_mutate_their_input(tmp_path, writer, suffix):
    g = tiny_graph()
    g.graph["id"] = "keep-me"
    before = copy.deepcopy(g)
    writer(g, tmp_path / f"g.{suffix}")
    assert nx.utils.graphs_equal(g, before) and g.graph == before.graph


@pytest.mark.parametrize("writer, fmt", [(write_graphml, "graphml"), (write_gexf, "gexf")])
def test_control_characters_never_reach_xml(tmp_path, writer, fmt, node):
    g = tiny_graph(name="新质\x1b生产力\x07")
    path = writer(g, tmp_path / f"g.{fmt}")
    data = path.read_text(encoding="utf-8")
    assert "\x1b" not in data and "\x07" not in data
    parsed = run_node("parse_graph.mjs", fmt, str(path))
    assert parsed["nodes"]["a"]["label"] == "新质生产力"


@pytest.mark.parametrize("writer, suffix", [(write_graphml, "graphml"), (write_gexf, "gexf"), (write_json, "json")])
def test_unwritable_target_raises_project_error(tmp_path, writer, suffix):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="not-a-folder"):
        writer(tiny_graph(), blocker / f"g.{suffix}")


def test_atomic_write_keeps_old_file_when_writer_fails(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("old")
    with pytest.raises(ExportError):
        with atomic_text(path) as fh:
            fh.write("half")
            raise TypeError("boom")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]
