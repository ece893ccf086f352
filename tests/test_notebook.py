"""kg.load: the notebook API, and the example notebook run end to end."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

import kg
from extractors.errors import KgError
from tests.nbrun import run_notebook

NOTEBOOK = Path(__file__).resolve().parent.parent / "queries" / "explore_seeds.ipynb"


@pytest.fixture(scope="module")
def g(seeds_build):
    return kg.load(seeds_build.out)


def test_tables_and_graph(g, seeds_build):
    assert len(g.entities) == seeds_build.graph.number_of_nodes()
    assert isinstance(g.graph, nx.Graph) and g.graph.number_of_edges() == seeds_build.graph.number_of_edges()
    assert {"CO_OCCURS", "HOLDS_POSITION"} <= set(g.relations["type"])
    assert len(g.mentions) == sum(d.mentions for d in seeds_build.corpus.documents)


def test_names_aliases_and_ids_resolve(g):
    assert g.id("科学技术部") == g.id("科技部") == g.id(g.id("科技部"))
    with pytest.raises(KgError, match="no entity"):
        g.id("不存在的实体")


@pytest.mark.parametrize("by", ["npmi", "count", "pmi", "jaccard", "llr"])
def test_neighbours_ranked_by_measure(g, by):
    n = g.neighbours("新质生产力", by=by, k=10)
    assert len(n) == 10 and list(n[by]) == sorted(n[by], reverse=True)
    assert "新质生产力" not in set(n["name"])


def test_ego_path_top(g):
    ego = g.ego("新质生产力")
    assert g.id("新质生产力") in ego and ego.number_of_nodes() > 5
    path = g.path("中医药", "高水平科技自立自强")
    assert list(path["name"])[0] == "中医药" and list(path["name"])[-1] == "高水平科技自立自强"
    top = g.top("Policy", k=5)
    assert list(top["name"])[0] == "新质生产力" and set(top["type"]) == {"Policy"}


def test_evidence_contains_both_names(g):
    ev = g.evidence("新质生产力", "高质量发展")
    assert len(ev) >= 1 and all("新质生产力" in t and "高质量发展" in t for t in ev["text"])


def test_timeline_in_date_order(g):
    t = g.timeline("新质生产力")
    dated = [d for d in t["date"] if d]
    assert dated == sorted(dated) and t["mentions"].sum() > 100


def test_communities_and_typed(g):
    c = g.communities()
    assert c["size"].is_monotonic_decreasing and c["size"].iloc[0] > 5
    t = g.typed("阴和俊")
    assert ("阴和俊", "HOLDS_POSITION", "科技部") in set(zip(t["source_name"], t["type"], t["target_name"]))


def test_common_neighbours(g):
    both = g.common_neighbours("新质生产力", "人工智能")
    assert len(both) > 0 and not {"新质生产力", "人工智能"} & set(both["name"])


def test_load_of_a_folder_that_is_not_a_build(tmp_path):
    with pytest.raises(KgError, match="kg build"):
        kg.load(tmp_path)


def test_example_notebook_runs_end_to_end(seeds_build, monkeypatch):
    monkeypatch.setenv("KG_OUT", str(seeds_build.out))
    monkeypatch.chdir(NOTEBOOK.parent.parent)
    ns = run_notebook(NOTEBOOK)
    assert isinstance(ns["g"], kg.notebook.KnowledgeGraph)
