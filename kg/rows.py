"""The build's tables as typed rows (``kg.tables``), made from the graph and the corpus in memory.

The CSV tables, the Neo4j files and the Bolt loader all take these rows, so they hold the same
values; nothing is read back from a file the build has just written.
"""
from __future__ import annotations

import networkx as nx

from extractors.records import CO_OCCURS
from kg.corpus import Corpus
from kg.tables import DocumentRow, EntityRow, RelationRow
from kg.timeline import Regroup


def entity_rows(g: nx.Graph) -> list[EntityRow]:
    """One row per node, in id order."""
    out = []
    for node in sorted(g.nodes):
        d = g.nodes[node]
        periods = d.get("periods", {})
        out.append(EntityRow(
            node, d["name"], d["type"], d.get("category", ""), tuple(d.get("aliases", ())), d.get("source", ""),
            d.get("mentions", 0), d.get("documents", 0), d.get("first_date", ""), d.get("last_date", ""),
            d.get("burst_start", ""), d.get("burst_end", ""), d.get("burst_strength", 0.0),
            d.get("degree", 0), d.get("weighted_degree", 0), d.get("pagerank", 0.0), d.get("community", -1),
            g.degree(node) > 0, tuple(periods), tuple(c["documents"] for c in periods.values()),
            tuple(c["mentions"] for c in periods.values()),
        ))
    return out


def relation_rows(g: nx.Graph, corpus: Corpus) -> list[RelationRow]:
    """Every co-occurring pair (before the graph's filters; ``in_graph`` says whether it was kept),
    then every typed relation, each in key order."""
    names = {eid: e.name for eid, e in corpus.entities.items()}
    out = []
    assoc = corpus.associations()
    pairs = corpus.pairs
    kept = {(u, v) if u < v else (v, u) for u, v, n in g.edges(data="count") if n}  # co-occurrence edges in the graph
    regroup = Regroup(g.graph.get("slice", ""), g.graph.get("periods", []))
    for a, b in sorted(pairs):
        p = pairs[(a, b)]
        s = assoc[(a, b)]
        evidence = p.evidence
        units = regroup(p.dated) if p.dated else {}
        out.append(RelationRow(
            a, b, names[a], names[b], CO_OCCURS, "", p.count, p.doc_count,
            round(s.pmi, 6), round(s.npmi, 6), round(s.jaccard, 6), round(s.llr, 6), p.first_date,
            (a, b) in kept,
            tuple(p.documents), tuple([e.text for e in evidence]),
            tuple([f"{e.sentence}:{e.start}-{e.end}" for e in evidence]), tuple(units), tuple(units.values()),
        ))
    for (type_, src, dst, detail), t in sorted(corpus.typed.items()):
        out.append(RelationRow(
            src, dst, names.get(src, src), names.get(dst, dst), type_, detail, t.count, len(t.documents),
            None, None, None, None, "", True, tuple(t.documents),
            tuple(x for _, _, _, x in t.evidence), tuple(f"{d}:{s}-{e}" for d, s, e, _ in t.evidence),
        ))
    return out


def document_rows(corpus: Corpus) -> list[DocumentRow]:
    return sorted(corpus.documents, key=lambda d: d.id)
