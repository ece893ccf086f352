"""GraphML for Gephi: ``label`` is the Chinese name, numbers have numeric GraphML types, edge
``weight`` is the co-occurrence count, lists are flattened to strings, text is XML-safe."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.export import atomic_text, flat, xml_safe

#: Node attributes written, in this order (lists flattened).
NODE_ATTRS = (
    "label", "type", "category", "aliases", "source", "mentions", "documents", "first_date", "last_date",
    "degree", "weighted_degree", "pagerank", "community",
)
EDGE_ATTRS = (
    "weight", "kind", "count", "doc_count", "pmi", "npmi", "jaccard", "llr", "first_date", "relations",
    "doc_ids", "evidence",
)


def flat_graph(g: nx.Graph) -> nx.Graph:
    """A copy of ``g`` with only scalar attributes, as GraphML (and Gephi) can hold them."""
    out = nx.Graph()
    for k in sorted(g.graph):
        out.graph[k] = xml_safe(str(g.graph[k])) if not isinstance(g.graph[k], (int, float)) else g.graph[k]
    for node in sorted(g.nodes):
        d = g.nodes[node]
        out.add_node(node, **{k: _scalar(d.get(k, "")) for k in NODE_ATTRS})
    for u, v in sorted(g.edges):
        d = g.edges[u, v]
        attrs = {k: _scalar(d.get(k, "")) for k in EDGE_ATTRS if k not in ("relations", "evidence")}
        attrs["relations"] = xml_safe(" | ".join(relation_summary(g, r) for r in d.get("relations", [])))
        texts = [e["text"] for e in d.get("evidence", [])]
        texts += [e["text"] for r in d.get("relations", []) for e in r.get("evidence", [])]
        attrs["evidence"] = xml_safe(" ‖ ".join(dict.fromkeys(texts)))
        for k in ("pmi", "npmi", "jaccard", "llr"):
            if attrs.get(k) == "":
                attrs[k] = 0.0  # typed-only edge: no co-occurrence, no association
        out.add_edge(u, v, **attrs)
    return out


def relation_summary(g: nx.Graph, r: dict) -> str:
    src = g.nodes[r["source"]].get("name", r["source"])
    dst = g.nodes[r["target"]].get("name", r["target"])
    detail = f" {r['detail']}" if r.get("detail") else ""
    return f"{src} -[{r['type']}{detail}]-> {dst}"


def _scalar(value):
    value = flat(value)
    return xml_safe(value) if isinstance(value, str) else value


def write_graphml(g: nx.Graph, path: Path) -> Path:
    flat_g = flat_graph(g)
    with atomic_text(path) as fh:
        for line in nx.generate_graphml(flat_g, encoding="utf-8", prettyprint=True, named_key_ids=True):
            fh.write(line + "\n")
    return Path(path)
