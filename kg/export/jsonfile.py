"""graph.json: the graph as networkx node-link JSON, lists kept as lists.

``networkx.node_link_graph(json.load(f), edges="edges")`` gives the graph back.
"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from kg.files import atomic_text


def write_json(g: nx.Graph, path: Path) -> Path:
    """Write what ``graph_to_json`` returns, item by item (no second copy of the graph in memory)."""

    def dumps(value) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    with atomic_text(path) as fh:
        fh.write('{"directed":' + dumps(g.is_directed()) + ',"edges":[')
        for i, (u, v, d) in enumerate(g.edges(data=True)):
            fh.write(("," if i else "") + dumps({**d, "source": u, "target": v}))
        fh.write('],"graph":' + dumps(g.graph) + ',"multigraph":' + dumps(g.is_multigraph()) + ',"nodes":[')
        for i, (n, d) in enumerate(g.nodes(data=True)):
            fh.write(("," if i else "") + dumps({**d, "id": n}))
        fh.write("]}\n")
    return Path(path)


def read_json(path: Path) -> nx.Graph:
    with open(path, encoding="utf-8") as fh:
        return nx.node_link_graph(json.load(fh), edges="edges")
