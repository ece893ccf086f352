"""index.html: one self-contained, offline page to explore the graph in a browser.

The page's HTML, CSS and JavaScript are files beside this module (``kg/export/view/``: page.html,
view.css, view.js), inlined into the one page written: it holds its own CSS and JavaScript (no CDN,
fonts, images or other files) and the graph as JSON in ``<script type="application/json" id="kg-data">``.
A Content-Security-Policy with hashes
of the page's own style and script forbids every network request and every other script, so text
from documents can never run, and the code inserts that text with ``textContent`` only, without
bidirectional controls (invisible, they could only make a name or sentence show as another). The data
block keeps every text verbatim; ``data_json`` escapes ``<``, ``>`` and ``&`` so nothing in it can end
the block.

Node positions are computed here, not in the browser: a seeded force-directed layout
(Fruchterman-Reingold with a little gravity, so small components stay near the main one),
rounded, so the same graph gives a byte-identical file. Entities without any edge are placed on
rings around the drawing and hidden until the reader asks for them. Large graphs are cut to the
``MAX_DRAWN`` entities with the highest PageRank (connected ones first); the page says so.
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx

from extractors.records import ENTITY_TYPES
from kg.corpus import Corpus
from kg.files import atomic_text
from kg.palette import OTHER_COLOR, TYPE_COLORS

#: At most this many entities are put in the page (by PageRank, connected entities first).
MAX_DRAWN = 1500
#: Document ids listed per entity in the panel.
DOC_IDS_PER_NODE = 20
#: Seed of the layout: the same graph gives the same picture.
LAYOUT_SEED = 42
_MEASURES = ("pmi", "npmi", "jaccard", "llr")


def write_html(g: nx.Graph, corpus: Corpus, path: Path, *, max_nodes: int = MAX_DRAWN) -> Path:
    """Write the interactive view of ``g`` to ``path`` (atomically); ``g`` is not modified."""
    text = render_html(g, corpus, max_nodes=max_nodes)
    with atomic_text(path) as fh:
        fh.write(text)
    return Path(path)


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """A file of the page (page.html, view.css, view.js), shipped as package data in kg/export/view/."""
    return (resources.files("kg.export") / "view" / name).read_text(encoding="utf-8")


def render_html(g: nx.Graph, corpus: Corpus, *, max_nodes: int = MAX_DRAWN) -> str:
    data = view_data(g, corpus, max_nodes=max_nodes)
    css = asset("view.css") + _type_css(data["types"])
    js = asset("view.js")
    csp = (
        "default-src 'none'; "
        f"script-src '{_sha256(js)}'; style-src '{_sha256(css)}'; "
        "img-src data:; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    page = asset("page.html")
    for marker, value in (
        ("@@CSP@@", csp),
        ("@@TITLE@@", f"Knowledge graph · {data['meta']['nodes_total']} entities"),
        ("@@CSS@@", css),
        ("@@JS@@", js),
        ("@@DATA@@", data_json(data)),  # last: the data may contain any text, markers included
    ):
        page = page.replace(marker, value, 1)
    return page


def data_json(data: dict) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' (escaped as \\u003c …)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # lone surrogates cannot be written as UTF-8; JSON can carry them as escapes
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


# --- the data embedded in the page -----------------------------------------------------------------


def view_data(g: nx.Graph, corpus: Corpus, *, max_nodes: int = MAX_DRAWN) -> dict:
    """What the page needs, as plain JSON-able values; nodes by id, edges as pairs of node indices."""
    ranked = sorted(g.nodes, key=lambda n: (g.degree(n) == 0, -float(g.nodes[n].get("pagerank") or 0.0), n))
    kept = set(ranked[: max(0, max_nodes)])
    ids = sorted(kept)
    index = {n: i for i, n in enumerate(ids)}
    pairs = sorted((min(u, v), max(u, v)) for u, v in g.edges if u in kept and v in kept and u != v)

    connected = [n for n in ids if g.degree(n) > 0]
    isolated = sorted((n for n in ids if g.degree(n) == 0), key=lambda n: (-float(g.nodes[n].get("pagerank") or 0.0), n))
    radius = 60.0 * math.sqrt(max(1, len(connected)))
    pos = force_layout(connected, [(u, v, float(g.edges[u, v].get("weight") or 1)) for u, v in pairs], seed=LAYOUT_SEED)
    pos = {n: (x * radius, y * radius) for n, (x, y) in pos.items()}
    pos.update(ring_positions(isolated, inner=radius + 120.0 if connected else 0.0))

    docs_used: set[str] = set()
    periods = list(g.graph.get("periods") or [])
    nodes = []
    for n in ids:
        d = g.nodes[n]
        stats = corpus.entities.get(n)
        doc_ids = list(stats.doc_ids[:DOC_IDS_PER_NODE]) if stats else []
        docs_used.update(doc_ids)
        x, y = pos[n]
        nodes.append({
            "id": n,
            "name": str(d.get("name", n)),
            "type": str(d.get("type", "")),
            "category": str(d.get("category") or ""),
            "aliases": [str(a) for a in d.get("aliases") or []],
            "mentions": int(d.get("mentions") or 0),
            "documents": int(d.get("documents") or 0),
            "doc_ids": doc_ids,
            "first_date": str(d.get("first_date") or ""),
            "last_date": str(d.get("last_date") or ""),
            "pagerank": _num(d.get("pagerank")),
            "community": int(d.get("community", -1)),
            "timeline": [int((d.get("periods") or {}).get(p, {}).get("documents", 0)) for p in periods],
            "burst": [str(d.get("burst_start") or ""), str(d.get("burst_end") or ""), _num(d.get("burst_strength"))]
            if d.get("burst_start") else None,
            "degree": g.degree(n),
            "isolated": g.degree(n) == 0,
            "x": _coord(x),
            "y": _coord(y),
        })

    edges = []
    for u, v in pairs:
        d = g.edges[u, v]
        evidence = [{"doc": e["doc"], "sentence": e.get("sentence", ""), "text": e["text"]} for e in d.get("evidence") or []]
        docs_used.update(e["doc"] for e in evidence)
        relations = []
        for r in d.get("relations") or []:
            if r["source"] not in index or r["target"] not in index:
                continue
            rel_ev = [{"doc": e["doc"], "start": e.get("start"), "end": e.get("end"), "text": e["text"]} for e in r.get("evidence") or []]
            docs_used.update(e["doc"] for e in rel_ev)
            relations.append({
                "type": r["type"], "source": index[r["source"]], "target": index[r["target"]],
                "detail": r.get("detail", ""), "count": r.get("count", 0), "evidence": rel_ev,
            })
        count = int(d.get("count") or 0)
        edges.append({
            "a": index[u],
            "b": index[v],
            "kind": d.get("kind", "co-occurrence"),
            "weight": _num(d.get("weight")) or 1,
            "count": count,
            "doc_count": int(d.get("doc_count") or 0),
            "first_date": str(d.get("first_date") or ""),
            **{m: (_num(d.get(m)) if count else None) for m in _MEASURES},
            "evidence": evidence,
            "relations": relations,
        })

    docs = {
        info.id: {"title": info.title, "publication": info.publication, "date": info.date}
        for info in corpus.documents
        if info.id in docs_used
    }
    present = {str(g.nodes[n].get("type", "")) for n in g.nodes}  # the drawn nodes are among them
    types = [t for t in ENTITY_TYPES if t in present] + sorted(present - set(ENTITY_TYPES))
    type_counts = {t: 0 for t in types}
    for n in nodes:
        type_counts[n["type"]] += 1
    return {
        "meta": {
            "window": str(g.graph.get("window", "")),
            "filters": str(g.graph.get("filters", "")),
            "units": g.graph.get("units", ""),
            "documents": g.graph.get("documents", len(corpus.documents)),
            "nodes_total": g.number_of_nodes(),
            "edges_total": g.number_of_edges(),
            "connected_total": sum(1 for n in g.nodes if g.degree(n) > 0),
            "nodes_included": len(nodes),
            "edges_included": len(edges),
            "cap": max_nodes,
            "capped": len(nodes) < g.number_of_nodes(),
            "layout_seed": LAYOUT_SEED,
            "slice": str(g.graph.get("slice") or ""),
            "periods": periods,
            "period_documents": [int(n) for n in g.graph.get("period_documents") or []],
        },
        "types": [{"type": t, "color": _hex(TYPE_COLORS.get(t, OTHER_COLOR)), "count": type_counts[t]} for t in types],
        "docs": docs,
        "nodes": nodes,
        "edges": edges,
    }


def _num(value) -> float | int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    value = float(value)
    return round(value, 8) if math.isfinite(value) else None


def _coord(value: float) -> float:
    value = round(value, 1)
    return 0.0 if value == 0 else value  # no "-0.0"


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _type_css(types: list[dict]) -> str:
    return "".join(f".t{i}{{--c:{t['color']}}}" for i, t in enumerate(types)) + "\n"


# --- layout --------------------------------------------------------------------------------------------


def force_layout(nodes: list[str], edges: list[tuple[str, str, float]], *, seed: int = LAYOUT_SEED,
                 gravity: float = 2.0) -> dict[str, tuple[float, float]]:
    """Seeded Fruchterman-Reingold with gravity; positions within the unit disc, centred on 0.

    Deterministic for the same ``nodes`` (in the given order) and ``edges``. Attraction grows with
    the logarithm of the edge weight. Dense numpy arithmetic: fine for the ``MAX_DRAWN`` nodes.
    """
    import numpy as np

    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {v: i for i, v in enumerate(nodes)}
    pairs = {}
    for u, v, w in edges:
        if u in index and v in index and u != v:
            i, j = sorted((index[u], index[v]))
            pairs[(i, j)] = 1.0 + math.log(max(1.0, w))
    src = np.array([i for i, _ in pairs], dtype=np.int64)
    dst = np.array([j for _, j in pairs], dtype=np.int64)
    strength = np.array(list(pairs.values()), dtype=np.float64)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2)) - 0.5
    k = 1.0 / math.sqrt(n)
    iterations = int(min(200, max(60, 200 * math.sqrt(300 / n))))
    t = 0.1
    dt = t / (iterations + 1)
    # repulsion row by row in blocks of float32 (memory O(block x n), half the bandwidth of float64;
    # IEEE arithmetic in a fixed order, so the same positions on any machine), summed in float64
    block = 512
    f32 = np.float32
    kk = f32(k * k)
    for _ in range(iterations):
        disp = np.zeros((n, 2))
        x = pos[:, 0].astype(f32)
        y = pos[:, 1].astype(f32)
        for b0 in range(0, n, block):
            b1 = min(n, b0 + block)
            dx = x[b0:b1, None] - x[None, :]
            dy = y[b0:b1, None] - y[None, :]
            force = dx * dx
            force += dy * dy
            np.maximum(force, f32(1e-6), out=force)
            np.divide(kk, force, out=force)
            force[np.arange(b1 - b0), np.arange(b0, b1)] = 0.0
            dx *= force
            dy *= force
            disp[b0:b1, 0] = dx.sum(axis=1, dtype=np.float64)
            disp[b0:b1, 1] = dy.sum(axis=1, dtype=np.float64)
        if len(src):
            ex = pos[src, 0] - pos[dst, 0]
            ey = pos[src, 1] - pos[dst, 1]
            pull = strength * np.sqrt(np.maximum(ex * ex + ey * ey, 1e-6)) / k
            ex *= pull
            ey *= pull
            disp[:, 0] += np.bincount(dst, ex, n) - np.bincount(src, ex, n)
            disp[:, 1] += np.bincount(dst, ey, n) - np.bincount(src, ey, n)
        disp -= gravity * pos
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-3)
        pos += disp * (np.minimum(length, t) / length)[:, None]
        t -= dt
    pos -= pos.mean(axis=0)
    scale = float(np.hypot(pos[:, 0], pos[:, 1]).max()) or 1.0
    pos /= scale
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for i, v in enumerate(nodes)}


def ring_positions(nodes: list[str], *, inner: float, spacing: float = 44.0) -> dict[str, tuple[float, float]]:
    """Nodes on concentric rings from radius ``inner`` outwards, ``spacing`` apart, in the given order."""
    out: dict[str, tuple[float, float]] = {}
    radius = max(inner, spacing)
    i = 0
    while i < len(nodes):
        capacity = max(6, int(2 * math.pi * radius / spacing))
        ring = nodes[i : i + capacity]
        step = 2 * math.pi / capacity
        for j, node in enumerate(ring):
            angle = -math.pi / 2 + j * step
            out[node] = (radius * math.cos(angle), radius * math.sin(angle))
        i += len(ring)
        radius += spacing
    return out


# --- the page ----------------------------------------------------------------------------------------------
