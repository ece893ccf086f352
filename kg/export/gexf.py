"""GEXF 1.3 for Gephi and Gephi Lite: node colours per type, sizes by mentions, and time.

Written by hand (not networkx) so the file is byte-stable (no modification date). Time, with
``mode="dynamic" timeformat="date"``:

- when the graph has time slices (``kg.timeline``), every node and edge carries ``<spells>``: the
  slices it is present in (consecutive slices joined into one spell, from the first day of the
  first to the last day of the last), so Gephi's Timeline shows entities and edges appear *and
  vanish*; and a static column per slice (``documents_2023-09`` on nodes, ``count_2023-09`` on
  edges), which Gephi Lite, which reads no spells, can filter and size by;
- without slices, a ``start`` on nodes (the first dated document that mentions the entity) and
  edges (the first dated document where the pair co-occurs): the network grows.

Entities seen only in undated documents carry no time and are always shown.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from kg.export import xml_safe
from kg.export.graphml import (
    attribute_types,
    edge_attr_names,
    flat_edges,
    flat_nodes,
    node_attr_names,
    period_columns,
    scalar_text,
)
from kg.files import atomic_text
from kg.palette import OTHER_COLOR, TYPE_COLORS
from kg.periods import period_span

_TYPES = {bool: "boolean", int: "integer", float: "double", str: "string"}


def gexf_date(date: str) -> str:
    """YYYY -> YYYY-01-01, YYYY-MM -> YYYY-MM-01; '' stays ''."""
    if not date:
        return ""
    parts = date.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts[:3])


def node_size(mentions: int) -> float:
    return round(4.0 + 3.0 * (max(1, mentions) ** 0.5), 3)


def write_gexf(g: nx.Graph, path: Path) -> Path:
    node_keys = [k for k in node_attr_names(g) if k != "label"]
    edge_keys = [k for k in edge_attr_names(g) if k != "weight"]
    order = {p: i for i, p in enumerate(g.graph.get("periods") or [])}
    nodes, edges = list(flat_nodes(g)), list(flat_edges(g))  # flattened once, for the types and the file
    ntypes = {k: _TYPES.get(t, "string") for k, t in attribute_types((a for _, a in nodes), node_keys).items()}
    etypes = {k: _TYPES.get(t, "string") for k, t in attribute_types((a for _, _, a in edges), edge_keys).items()}
    with atomic_text(path) as fh:
        w = fh.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n')
        w('<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" '
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
          'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n')
        w('  <meta>\n    <creator>kg (Chinese S&amp;T policy knowledge graph)</creator>\n')
        desc = f"co-occurrence window: {g.graph.get('window', '')}; filters: {g.graph.get('filters', '')}"
        w(f"    <description>{_text(desc)}</description>\n  </meta>\n")
        w('  <graph defaultedgetype="undirected" mode="dynamic" timeformat="date">\n')
        sliced = set().union(*period_columns(g))  # a column per time slice: 0 by default, zeros left out
        for cls, keys, types in (("node", node_keys, ntypes), ("edge", edge_keys, etypes)):
            w(f'    <attributes class="{cls}" mode="static">\n')
            for k in keys:
                default = "><default>0</default></attribute>" if k in sliced else "/>"
                w(f'      <attribute id={quoteattr(k)} title={quoteattr(k)} type="{types[k]}"{default}\n')
            w("    </attributes>\n")
        w("    <nodes>\n")
        for node, d in nodes:
            spells = _spells(g.nodes[node].get("periods"), order)
            start = "" if order else gexf_date(g.nodes[node].get("first_date", ""))
            span = f" start={quoteattr(start)}" if start else ""
            w(f"      <node id={quoteattr(node)} label={quoteattr(xml_safe(str(d['label'])))}{span}>\n")
            w(_attvalues(node_keys, d, sliced))
            w(spells)
            r, gg, b = TYPE_COLORS.get(d.get("type", ""), OTHER_COLOR)
            w(f'        <viz:color r="{r}" g="{gg}" b="{b}" a="1.0"/>\n')
            w(f'        <viz:size value="{node_size(int(d.get("mentions") or 0))}"/>\n')
            w("      </node>\n")
        w("    </nodes>\n    <edges>\n")
        for i, (u, v, d) in enumerate(edges):
            spells = _spells(g.edges[u, v].get("periods"), order)
            start = "" if order else gexf_date(g.edges[u, v].get("first_date", ""))
            span = f" start={quoteattr(start)}" if start else ""
            w(f'      <edge id="{i}" source={quoteattr(u)} target={quoteattr(v)} weight="{_value(d["weight"])}"{span}>\n')
            w(_attvalues(edge_keys, d, sliced))
            w(spells)
            w("      </edge>\n")
        w("    </edges>\n  </graph>\n</gexf>\n")
    return Path(path)


def _spells(periods, order: dict[str, int]) -> str:
    """The <spells> block for the slices in ``periods`` (consecutive ones joined), or ""."""
    indices = sorted(order[p] for p in (periods or ()) if p in order)
    if not indices:
        return ""
    labels = list(order)
    runs, first = [], indices[0]
    for a, b in zip(indices, indices[1:] + [None]):
        if b != a + 1:
            runs.append((labels[first], labels[a]))
            first = b
    spells = "".join(f'          <spell start="{period_span(s).first}" end="{period_span(e).last}"/>\n' for s, e in runs)
    return f"        <spells>\n{spells}        </spells>\n"


def _attvalues(keys, d: dict, defaults: set[str] = frozenset()) -> str:
    """The <attvalues> block of a node or an edge: a value for every declared attribute (but a 0 where
    the attribute's default is 0)."""
    values = "".join(f"          <attvalue for={_key(k)} value={_attr(_value(d.get(k, '')))}/>\n" for k in keys
                     if not (k in defaults and d.get(k) == 0))
    return f"        <attvalues>\n{values}        </attvalues>\n"


@lru_cache(maxsize=None)
def _key(k: str) -> str:
    return quoteattr(k)


def _attr(v: str) -> str:
    """``quoteattr(v)``, without its work for the many values that hold nothing to escape."""
    for ch in '&<>"\'\n\r\t':
        if ch in v:
            return quoteattr(v)
    return f'"{v}"'


def _value(v) -> str:
    if type(v) is str:
        return xml_safe(v)
    return scalar_text(v)  # numbers and booleans: nothing unsafe


def _text(s: str) -> str:
    return escape(xml_safe(s))
