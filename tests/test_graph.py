"""Co-occurrence, evidence, filters and statistics: the graph builder and its inputs."""
from __future__ import annotations

import filecmp
import json
from pathlib import Path

import pandas as pd
import pytest

from extractors.records import Document, entity_id
from kg.analysis import analyse_document
from kg.build import BuildOptions, build
from kg.corpus import Corpus
from kg.graph import GraphOptions, build_graph, weighted_pagerank

TEXT = "科技部和工信部联合发文。科技部推动新质生产力发展。工信部指出，要发展人工智能。\n新质生产力和人工智能相互促进。"


def doc(text=TEXT, id_="d1", date=""):
    return Document(id=id_, path=f"{id_}.txt", format="txt", text=text, title=id_, date=date)


def eid(name_type):
    return entity_id(name_type[1], name_type[0])


def ids(*names_types):
    return tuple(sorted(entity_id(t, n) for n, t in names_types))


MOST = ("科技部", "Institution")
MIIT = ("工信部", "Institution")
NQPF = ("新质生产力", "Policy")
AI = ("人工智能", "Technology")


def test_sentence_cooccurrence_counts(lexicon):
    r = analyse_document(doc(), lexicon)
    assert r.units == 4
    assert r.pair_counts[ids(MOST, MIIT)] == 1
    assert r.pair_counts[ids(MOST, NQPF)] == 1
    assert r.pair_counts[ids(MIIT, AI)] == 1
    assert r.pair_counts[ids(NQPF, AI)] == 1
    assert ids(MOST, AI) not in r.pair_counts  # never in one sentence
    assert r.unit_counts[eid(MOST)] == 2


def test_paragraph_and_document_windows(lexicon):
    para = analyse_document(doc(), lexicon, window="paragraph")
    assert para.units == 2
    assert para.pair_counts[ids(MOST, AI)] == 1  # same first paragraph
    whole = analyse_document(doc(), lexicon, window="document")
    assert whole.units == 1
    assert set(whole.pair_counts.values()) == {1}
    assert len(whole.pair_counts) == 6  # all pairs of 4 entities


#: A roll call: more entities in one sentence than MAX_SENTENCE_ENTITIES (the provinces, 31 of them).
PROVINCES = "北京、天津、河北、山西、内蒙古、辽宁、吉林、黑龙江、上海、江苏、浙江、安徽、福建、江西、山东、河南、湖北、湖南、广东、广西、海南、重庆、四川、贵州、云南、西藏、陕西、甘肃、青海、宁夏、新疆"


def test_a_list_sentence_counts_its_entities_but_pairs_nobody(lexicon):
    text = f"参加会议的有{PROVINCES}等地代表。科技部推动新质生产力发展。\n北京发展人工智能。"
    r = analyse_document(doc(text), lexicon)
    beijing = eid(("北京", "Place"))
    assert r.unit_counts[beijing] == 2  # mentioned in the list and in the last sentence
    assert not any(beijing in pair and eid(("天津", "Place")) in pair for pair in r.pair_counts)
    assert r.pair_counts[ids(MOST, NQPF)] == 1 and r.pair_counts[ids(("北京", "Place"), AI)] == 1
    assert r.evidence_csv and not any(",d1#s0," in row for row in r.evidence_csv.splitlines())  # no evidence from it
    # the paragraph holding the list: its other sentences still pair what they name
    para = analyse_document(doc(text), lexicon, window="paragraph")
    assert para.pair_counts[ids(MOST, NQPF)] == 1 and ids(MOST, ("天津", "Place")) not in para.pair_counts
    # no limit: the roll call is a clique (31 places: 465 pairs)
    unlimited = analyse_document(doc(text), lexicon, max_sentence_entities=0)
    assert unlimited.pair_counts[ids(("北京", "Place"), ("天津", "Place"))] == 1
    assert len(unlimited.pair_counts) >= 465
    assert analyse_document(doc(text), lexicon, max_sentence_entities=31).pair_counts == unlimited.pair_counts


def test_the_list_limit_is_checked_and_stamped(tmp_path, lexicon):
    from extractors.errors import KgError

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(KgError, match="max_sentence_entities"):
        build([tmp_path / "in"], tmp_path / "out", lexicon, BuildOptions(max_sentence_entities=-1))
    build([tmp_path / "in"], tmp_path / "out", lexicon, BuildOptions(max_sentence_entities=12))
    stamp = json.loads((tmp_path / "out" / "kg-build.json").read_text(encoding="utf-8"))
    assert stamp["options"]["max_sentence_entities"] == 12


def test_evidence_sentences_contain_both_entities(lexicon):
    for window in ("sentence", "paragraph", "document"):
        r = analyse_document(doc(), lexicon, window=window)
        names = {eid: name for eid, (name, _) in r.entities.items()}
        for (a, b), items in r.evidence.items():
            for i in items:
                _, _, start, end, text = r.evidence_sentences[i]
                assert names[a] in text and names[b] in text
                assert TEXT[start:end] == text


def test_pairs_are_canonical_and_symmetric(lexicon):
    r = analyse_document(doc(), lexicon)
    assert all(a < b for a, b in r.pair_counts)


def test_corpus_merges_documents_in_order(lexicon):
    c = Corpus()
    c.add(analyse_document(doc(id_="a", date="2024"), lexicon))
    c.add(analyse_document(doc(id_="b", date="2025-03"), lexicon))
    p = c.pairs[ids(MOST, MIIT)]
    assert (p.count, p.doc_count, p.first_date) == (2, 2, "2024")
    e = c.entities[eid(NQPF)]
    assert (e.documents, e.first_date, e.last_date) == (2, "2024", "2025-03")
    assert c.units == 8


def test_graph_measures_and_filters(lexicon):
    c = Corpus()
    c.add(analyse_document(doc(id_="a"), lexicon))
    c.add(analyse_document(doc(id_="b"), lexicon))
    g = build_graph(c, lexicon.by_id(), GraphOptions(min_count=2, min_npmi=-1, top_k=0))
    a, b = ids(MOST, MIIT)
    edge = g.edges[a, b]
    assert edge["count"] == 2 and edge["weight"] == 2 and edge["doc_count"] == 2
    # n = 8 sentences; 科技部 in 4, 工信部 in 4, both in 2: PMI = log2(2*8/16) = 0
    assert edge["pmi"] == pytest.approx(0.0)
    strict = build_graph(c, lexicon.by_id(), GraphOptions(min_count=3))
    assert strict.number_of_edges() == 0
    assert strict.number_of_nodes() == g.number_of_nodes()  # entities stay, as nodes


def test_top_k_keeps_strongest_neighbours(lexicon):
    c = Corpus()
    c.add(analyse_document(doc(), lexicon))
    g = build_graph(c, lexicon.by_id(), GraphOptions(min_count=1, min_npmi=-1, top_k=1))
    for node in g:
        strongest = max((g.edges[node, n]["npmi"] for n in g[node]), default=None)
        assert strongest is None or all(g.edges[node, n]["npmi"] <= strongest for n in g[node])
    assert g.number_of_edges() <= len(g)


def test_typed_relations_survive_filters(lexicon):
    text = "科技部党组书记、部长阴和俊出席会议。"
    c = Corpus()
    c.add(analyse_document(doc(text), lexicon))
    g = build_graph(c, lexicon.by_id(), GraphOptions(min_count=99))
    person, inst = entity_id("Person", "阴和俊"), entity_id("Institution", "科技部")
    rels = g.edges[person, inst]["relations"]
    assert [(r["type"], r["source"], r["target"], r["detail"]) for r in rels] == [("HOLDS_POSITION", person, inst, "党组书记、部长")]
    assert rels[0]["evidence"][0]["text"] == text


def test_pagerank_matches_networkx_definition():
    import networkx as nx

    g = nx.Graph()
    g.add_weighted_edges_from([("a", "b", 3), ("b", "c", 1), ("c", "a", 1), ("c", "d", 2)])
    g.add_node("e")
    pr = weighted_pagerank(g)
    assert sum(pr.values()) == pytest.approx(1.0)
    # reference: networkx's pure-Python implementation of the same definition
    ref = nx.algorithms.link_analysis.pagerank_alg._pagerank_python(g, weight="weight", tol=1e-13)
    for n in g:
        assert pr[n] == pytest.approx(ref[n], abs=1e-8)


# --- on the seeds build ----------------------------------------------------------------------------

def test_every_edge_evidence_contains_both_entities(seeds_build):
    out = seeds_build.out
    mentions = pd.read_csv(out / "mentions.csv", encoding="utf-8-sig")
    by_doc = {d: m for d, m in mentions.groupby("doc")}
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    checked = 0
    for e in graph["edges"]:
        items = list(e["evidence"]) + [x for r in e["relations"] for x in r["evidence"]]
        for ev in items:
            m = by_doc[ev["doc"]]
            inside = m[(m["start"] >= ev["start"]) & (m["end"] <= ev["end"])]
            assert {e["source"], e["target"]} <= set(inside["entity_id"]), ev
            checked += 1
    assert checked > 300


def test_entity_statistics_present(seeds_build):
    g = seeds_build.graph
    for _, d in g.nodes(data=True):
        assert d["mentions"] >= 1 and d["documents"] >= 1
        assert {"degree", "weighted_degree", "pagerank", "community"} <= set(d)
    nqpf = g.nodes[entity_id("Policy", "新质生产力")]
    assert nqpf["first_date"] == "2024" and nqpf["last_date"] == "2025-12-19"
    assert nqpf["documents"] == 5


def test_same_input_same_bytes_whatever_the_order_and_workers(tmp_path, lexicon):
    seeds = sorted(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt"))
    a = build(seeds, tmp_path / "a" / "out", lexicon, BuildOptions(html=True))
    b = build(list(reversed(seeds)), tmp_path / "b" / "out", lexicon, BuildOptions(html=True, workers=2))
    names = sorted(p.name for p in a.out.rglob("*") if p.is_file())
    assert names == sorted(p.name for p in b.out.rglob("*") if p.is_file())
    for p in a.out.rglob("*"):
        if p.is_file():
            assert filecmp.cmp(p, b.out / p.relative_to(a.out), shallow=False), p.name
