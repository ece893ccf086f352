"""The one graph builder: a networkx graph from the corpus counts, with measures and statistics.

Nodes are entities; an edge joins two entities that co-occur in a unit (sentence by default) and
survive the filters, or that a typed relation links. Nodes and edges are added in sorted order, so
the same corpus gives the same graph whatever the input order.

Nodes are keyed by entity id. Node attributes: ``name label type category aliases mentions documents units first_date
last_date degree weighted_degree pagerank community``.
Edge attributes: ``count doc_count weight pmi npmi jaccard llr first_date doc_ids evidence``
(co-occurrence) and ``relations`` (typed relations between the two, each with its direction,
detail and evidence); ``kind`` says which of the two the edge carries.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import networkx as nx

from extractors.records import LexiconEntry
from kg.corpus import Corpus, EntityStats
from kg.timeline import Slices, TimeOptions, time_slices


@dataclass(frozen=True)
class GraphOptions:
    """Filters against hairballs. An edge with a typed relation is always kept."""

    min_count: int = 2  # units in which the pair co-occurs
    min_npmi: float = 0.0  # association at least this strong (0: more often together than by chance)
    top_k: int = 10  # keep an edge only if it is among the k strongest (by NPMI) of one of its ends
    community_seed: int = 42
    community_resolution: float = 1.0
    time: TimeOptions = TimeOptions()  # time slices and burst detection

    def describe(self) -> str:
        return f"min count {self.min_count}, min NPMI {self.min_npmi:g}, top {self.top_k} neighbours per node"


DEFAULT_OPTIONS = GraphOptions()


def build_graph(corpus: Corpus, entries: Mapping[str, LexiconEntry], options: GraphOptions = DEFAULT_OPTIONS, *,
                window: str = "sentence") -> nx.Graph:
    """The graph of ``corpus``; ``entries`` are the lexicon's entries by entity id (their category
    and aliases go on the nodes; an entity without one was found by a rule)."""
    edges = _cooccurrence_edges(corpus, options)
    _add_typed_relations(edges, corpus)
    slices = time_slices(corpus, options.time)
    g = nx.Graph(window=window, units=corpus.units, documents=len(corpus.documents), filters=options.describe(),
                 slice=slices.resolution, periods=list(slices.periods), period_documents=list(slices.documents))
    for eid in sorted(corpus.entities):
        g.add_node(eid, **_node(corpus.entities[eid], entries.get(eid)), **_node_time(eid, slices))
    for key in sorted(edges):
        g.add_edge(*key, **edges[key], periods=slices.pair_units.get(key, {}))
    _add_centrality(g, options)
    return g


def _node_time(eid: str, slices: Slices) -> dict:
    """An entity's strongest burst (periods of the slice resolution) and its counts per period."""
    burst = slices.bursts.get(eid)
    docs, mentions = slices.entity_documents.get(eid, {}), slices.entity_mentions.get(eid, {})
    return {
        "burst_start": burst.start_period if burst else "",
        "burst_end": burst.end_period if burst else "",
        "burst_strength": round(burst.strength, 4) if burst else 0.0,
        "periods": {p: {"documents": n, "mentions": mentions[p]} for p, n in docs.items()},
    }


def _cooccurrence_edges(corpus: Corpus, options: GraphOptions) -> dict[tuple[str, str], dict]:
    """The co-occurring pairs that pass the filters, with their measures and evidence."""
    assoc = corpus.associations()
    candidates = [(pair, p, assoc[pair]) for pair, p in corpus.pairs.items()]
    kept = _filter(candidates, options)
    edges = {}
    for (a, b), p, assoc in candidates:
        if (a, b) not in kept:
            continue
        edges[(a, b)] = {
            "count": p.count,
            "doc_count": p.doc_count,
            "weight": p.count,
            "pmi": round(assoc.pmi, 6),
            "npmi": round(assoc.npmi, 6),
            "jaccard": round(assoc.jaccard, 6),
            "llr": round(assoc.llr, 6),
            "first_date": p.first_date,
            "doc_ids": list(p.documents),
            "evidence": [
                {"doc": e.doc, "sentence": e.sentence, "start": e.start, "end": e.end, "text": e.text}
                for e in p.evidence
            ],
            "relations": [],
        }
    return edges


def _add_typed_relations(edges: dict[tuple[str, str], dict], corpus: Corpus) -> None:
    """Every typed relation rides on the edge of its pair (made if the filters dropped it)."""
    for (type_, src, dst, detail), t in sorted(corpus.typed.items()):
        key = (min(src, dst), max(src, dst))
        edge = edges.get(key)
        if edge is None:
            edge = edges[key] = {"count": 0, "doc_count": 0, "weight": 0, "first_date": "", "doc_ids": [], "evidence": [],
                                 "relations": []}
        edge["relations"].append(
            {
                "type": type_,
                "source": src,
                "target": dst,
                "detail": detail,
                "count": t.count,
                "doc_ids": list(t.documents),
                "evidence": [{"doc": d, "start": s, "end": e, "text": x} for d, s, e, x in t.evidence],
            }
        )
    for edge in edges.values():
        if edge["weight"] == 0:
            edge["weight"] = sum(r["count"] for r in edge["relations"])
        edge["kind"] = "both" if edge["count"] and edge["relations"] else ("typed" if edge["relations"] else "co-occurrence")


def _node(e: EntityStats, entry: LexiconEntry | None) -> dict:
    return {
        "name": e.name,
        "label": e.name,
        "type": e.type,
        "category": entry.category if entry else "",
        "aliases": list(entry.aliases) if entry else [],
        "source": "lexicon" if entry else "rule",
        "mentions": e.mentions,
        "documents": e.documents,
        "units": e.units,
        "first_date": e.first_date,
        "last_date": e.last_date,
    }


def _filter(candidates, options: GraphOptions) -> set[tuple[str, str]]:
    passing = [(pair, assoc) for pair, p, assoc in candidates if p.count >= options.min_count and assoc.npmi >= options.min_npmi]
    if options.top_k <= 0:
        return {pair for pair, _ in passing}
    by_node: dict[str, list] = {}
    for pair, assoc in passing:
        for node in pair:
            by_node.setdefault(node, []).append((-assoc.npmi, pair))
    kept: set[tuple[str, str]] = set()
    for items in by_node.values():
        items.sort()
        kept.update(pair for _, pair in items[: options.top_k])
    return kept


def _add_centrality(g: nx.Graph, options: GraphOptions) -> None:
    """Degree, weighted degree, PageRank and a seeded community on the co-occurrence edges."""
    co = nx.Graph()
    co.add_nodes_from(sorted(g.nodes))
    co.add_weighted_edges_from(sorted((u, v, d["weight"]) for u, v, d in g.edges(data=True)))
    pagerank = weighted_pagerank(co)
    # an entity without co-occurrence edges is a community of its own: Louvain is run on the others
    # only (it visits every node on every pass, and most entities of a large corpus stand alone), on a
    # graph of their own: a subgraph view of a few nodes iterates them in set order, which differs
    # from run to run
    linked = nx.Graph()
    linked.add_nodes_from(n for n in co if co.degree(n))
    linked.add_edges_from(co.edges(data=True))
    communities = nx.community.louvain_communities(
        linked, weight="weight", resolution=options.community_resolution, seed=options.community_seed
    ) if linked.number_of_edges() else []
    communities += [{n} for n in co if not co.degree(n)]
    # number communities by size (largest first), then by smallest member id: stable labels
    ordered = sorted(communities, key=lambda c: (-len(c), min(c)))
    community = {n: i for i, c in enumerate(ordered) for n in c}
    for node in sorted(g.nodes):
        attrs = g.nodes[node]
        attrs["degree"] = co.degree(node)
        attrs["weighted_degree"] = co.degree(node, weight="weight")
        attrs["pagerank"] = round(pagerank.get(node, 0.0), 8)
        attrs["community"] = community.get(node, -1)


def weighted_pagerank(g: nx.Graph, *, alpha: float = 0.85, tol: float = 1e-12, max_iter: int = 200) -> dict[str, float]:
    """PageRank by power iteration over edge weights (as ``networkx.pagerank`` computes it, without
    needing SciPy); dangling nodes spread their rank uniformly. Vectorised with numpy;
    deterministic for a given graph."""
    import numpy as np

    nodes = sorted(g.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    src, dst, w = [], [], []
    for u, v, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1])):
        weight = float(d.get("weight", 1))
        src += [index[u], index[v]]
        dst += [index[v], index[u]]
        w += [weight, weight]
    src_a, dst_a, w_a = np.array(src, dtype=np.int64), np.array(dst, dtype=np.int64), np.array(w, dtype=np.float64)
    out_weight = np.bincount(src_a, weights=w_a, minlength=n) if len(src) else np.zeros(n)
    dangling = out_weight == 0
    share = np.divide(w_a, out_weight[src_a], out=np.zeros_like(w_a), where=out_weight[src_a] > 0) if len(src) else w_a
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        new = np.bincount(dst_a, weights=rank[src_a] * share, minlength=n) * alpha if len(src) else np.zeros(n)
        new += (1.0 - alpha) / n + alpha * rank[dangling].sum() / n
        err = np.abs(new - rank).sum()
        rank = new
        if err < n * tol:
            break
    return {node: float(rank[i]) for i, node in enumerate(nodes)}
