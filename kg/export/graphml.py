"""GraphML for Gephi: ``label`` is the Chinese name, numbers have numeric GraphML types, edge
``weight`` is the co-occurrence count, lists are flattened to strings, text is XML-safe.

Written by hand, element by element, straight to the file: no copy of the graph and no XML tree
in memory (the networkx writer builds both), and key ids unique per domain (``n_…``/``e_…``), so a
node and an edge attribute of the same name never share an id.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from kg.export import flat, xml_safe
from kg.files import atomic_text
from kg.tables import EVIDENCE_SEPARATOR, LIST_SEPARATOR

#: Node attributes written, in this order (lists flattened).
NODE_ATTRS = (
    "label", "type", "category", "aliases", "source", "mentions", "documents", "first_date", "last_date",
    "burst_start", "burst_end", "burst_strength", "degree", "weighted_degree", "pagerank", "community",
)
EDGE_ATTRS = (
    "weight", "kind", "count", "doc_count", "pmi", "npmi", "jaccard", "llr", "first_date", "relations",
    "doc_ids", "evidence",
)
_GRAPHML_TYPES = {bool: "boolean", int: "int", float: "double", str: "string"}
_MEASURES = ("pmi", "npmi", "jaccard", "llr")


def period_columns(g: nx.Graph) -> tuple[list[str], list[str]]:
    """One column per time slice of the graph (``kg.timeline``): documents mentioning each entity
    (``documents_2023-09``) and units of each pair (``count_2023-09``), so Gephi and Gephi Lite can
    filter and size by period."""
    periods = g.graph.get("periods") or []
    return [f"documents_{p}" for p in periods], [f"count_{p}" for p in periods]


def node_attr_names(g: nx.Graph) -> list[str]:
    return [*NODE_ATTRS, *period_columns(g)[0]]


def edge_attr_names(g: nx.Graph) -> list[str]:
    return [*EDGE_ATTRS, *period_columns(g)[1]]


def flat_nodes(g: nx.Graph) -> Iterator[tuple[str, dict]]:
    """(node, scalar attributes) in id order, as GraphML and GEXF can hold them."""
    periods = g.graph.get("periods") or []
    for node in sorted(g.nodes):
        d = g.nodes[node]
        attrs = {k: _scalar(d.get(k, "")) for k in NODE_ATTRS}
        counts = d.get("periods") or {}
        for p in periods:
            attrs[f"documents_{p}"] = counts[p]["documents"] if p in counts else 0
        yield node, attrs


def flat_edges(g: nx.Graph) -> Iterator[tuple[str, str, dict]]:
    """(source, target, scalar attributes) in order; typed relations and evidence as text."""
    periods = g.graph.get("periods") or []
    for u, v in sorted(g.edges):
        d = g.edges[u, v]
        # a typed-only edge has no co-occurrence: its association measures are 0
        attrs = {k: _scalar(d.get(k, 0.0 if k in _MEASURES else "")) for k in EDGE_ATTRS if k not in ("relations", "evidence")}
        counts = d.get("periods") or {}
        for p in periods:
            attrs[f"count_{p}"] = counts.get(p, 0)
        attrs["relations"] = xml_safe(LIST_SEPARATOR.join(relation_summary(g, r) for r in d.get("relations", [])))
        texts = [e["text"] for e in d.get("evidence", [])]
        texts += [e["text"] for r in d.get("relations", []) for e in r.get("evidence", [])]
        attrs["evidence"] = xml_safe(EVIDENCE_SEPARATOR.join(dict.fromkeys(texts)))
        yield u, v, attrs


def attribute_types(items: Iterator[dict], keys) -> dict[str, type]:
    """The Python type of each attribute over all items (int and float together: float)."""
    seen: dict[str, set] = {k: set() for k in keys}
    for attrs in items:
        for k in keys:
            seen[k].add(type(attrs.get(k, "")))
    out = {}
    for k, kinds in seen.items():
        if kinds == {int, float}:
            out[k] = float
        elif len(kinds) == 1:
            out[k] = kinds.pop()
        else:
            out[k] = str
    return out


def relation_summary(g: nx.Graph, r: dict) -> str:
    src = g.nodes[r["source"]].get("name", r["source"])
    dst = g.nodes[r["target"]].get("name", r["target"])
    detail = f" {r['detail']}" if r.get("detail") else ""
    return f"{src} -[{r['type']}{detail}]-> {dst}"


def _scalar(value):
    value = flat(value)
    return xml_safe(value) if isinstance(value, str) else value


def scalar_text(v) -> str:
    """A typed scalar as GraphML and GEXF write it (before XML escaping): true/false, floats in
    full precision, everything else as text."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)
    return str(v)


def _value(v) -> str:
    if type(v) is str:
        return escape(v) if ("&" in v or "<" in v or ">" in v) else v
    return scalar_text(v)  # numbers and booleans need no escaping


def write_graphml(g: nx.Graph, path: Path) -> Path:
    nodes, edges = list(flat_nodes(g)), list(flat_edges(g))  # flattened once, for the types and the file
    node_names, edge_names = node_attr_names(g), edge_attr_names(g)
    node_types = attribute_types((a for _, a in nodes), node_names)
    edge_types = attribute_types((a for _, _, a in edges), edge_names)
    graph_attrs = {k: flat(g.graph[k]) for k in sorted(g.graph) if k != "id"}
    with atomic_text(path) as fh:
        w = fh.write
        w("<?xml version='1.0' encoding='utf-8'?>\n")
        w('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
          'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
          'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
        for k, v in graph_attrs.items():
            t = _GRAPHML_TYPES.get(type(v), "string")
            w(f'  <key id={quoteattr("g_" + k)} for="graph" attr.name={quoteattr(k)} attr.type="{t}" />\n')
        sliced = set().union(*period_columns(g))
        for domain, types in (("node", node_types), ("edge", edge_types)):
            for k, t in types.items():
                default = "<default>0</default></key>" if k in sliced else "/>"  # zeros are left out below
                w(f'  <key id={quoteattr(domain[0] + "_" + k)} for="{domain}" attr.name={quoteattr(k)} '
                  f'attr.type="{_GRAPHML_TYPES.get(t, "string")}"{">" if k in sliced else " "}{default}\n')
        w('  <graph edgedefault="undirected">\n')
        for k, v in graph_attrs.items():
            w(f'    <data key={quoteattr("g_" + k)}>{_value(v if isinstance(v, (int, float)) else xml_safe(str(v)))}</data>\n')
        node_keys = [(k, f'      <data key="n_{k}">') for k in node_names]
        edge_keys = [(k, f'      <data key="e_{k}">') for k in edge_names]
        for node, attrs in nodes:
            w(f"    <node id={quoteattr(xml_safe(node))}>\n"
              + "".join(f"{open_}{_value(attrs[k])}</data>\n" for k, open_ in node_keys
                        if not (k in sliced and attrs[k] == 0)) + "    </node>\n")
        for u, v, attrs in edges:
            w(f"    <edge source={quoteattr(xml_safe(u))} target={quoteattr(xml_safe(v))}>\n"
              + "".join(f"{open_}{_value(attrs[k])}</data>\n" for k, open_ in edge_keys
                        if not (k in sliced and attrs[k] == 0)) + "    </edge>\n")
        w("  </graph>\n</graphml>\n")
    return Path(path)
