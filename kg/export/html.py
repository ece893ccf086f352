"""index.html: one self-contained, offline page to explore the graph in a browser.

The page holds its own CSS and JavaScript (no CDN, fonts, images or other files) and the graph as
JSON in ``<script type="application/json" id="kg-data">``. A Content-Security-Policy with hashes
of the page's own style and script forbids every network request and every other script, so text
from documents can never run, and the code inserts that text with ``textContent`` only.

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
from pathlib import Path

import networkx as nx

from kg.corpus import Corpus
from kg.files import atomic_text
from kg.export.gexf import OTHER_COLOR, TYPE_COLORS
from extractors.records import ENTITY_TYPES

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


def render_html(g: nx.Graph, corpus: Corpus, *, max_nodes: int = MAX_DRAWN) -> str:
    data = view_data(g, corpus, max_nodes=max_nodes)
    css = _CSS + _type_css(data["types"])
    js = _JS
    csp = (
        "default-src 'none'; "
        f"script-src '{_sha256(js)}'; style-src '{_sha256(css)}'; "
        "img-src data:; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    page = _PAGE
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
    block = 256  # repulsion row by row in blocks: memory O(block x n), not O(n x n)
    for _ in range(iterations):
        disp = np.zeros((n, 2))
        for b0 in range(0, n, block):
            b1 = min(n, b0 + block)
            dx = pos[b0:b1, 0, None] - pos[None, :, 0]
            dy = pos[b0:b1, 1, None] - pos[None, :, 1]
            d2 = np.maximum(dx * dx + dy * dy, 1e-6)
            force = k * k / d2
            force[np.arange(b1 - b0), np.arange(b0, b1)] = 0.0
            disp[b0:b1, 0] = (dx * force).sum(axis=1)
            disp[b0:b1, 1] = (dy * force).sum(axis=1)
        if len(src):
            ex = pos[src, 0] - pos[dst, 0]
            ey = pos[src, 1] - pos[dst, 1]
            pull = strength * np.sqrt(np.maximum(ex * ex + ey * ey, 1e-6)) / k
            np.subtract.at(disp[:, 0], src, ex * pull)
            np.subtract.at(disp[:, 1], src, ey * pull)
            np.add.at(disp[:, 0], dst, ex * pull)
            np.add.at(disp[:, 1], dst, ey * pull)
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

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="@@CSP@@">
<meta name="referrer" content="no-referrer">
<title>@@TITLE@@</title>
<style>@@CSS@@</style>
</head>
<body>
<header class="top">
<h1>Science-policy knowledge graph</h1>
<div class="search" role="search">
<label for="q">Search entities</label>
<div class="combo">
<input id="q" type="search" autocomplete="off" spellcheck="false" placeholder="name or alias, e.g. 新质生产力" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="results">
<ul id="results" role="listbox" aria-label="Matching entities" hidden></ul>
</div>
</div>
</header>
<p id="cap-note" class="notice" hidden></p>
<div id="app">
<aside id="panel" tabindex="-1" aria-label="Entity details"></aside>
<main id="stage">
<svg id="net" tabindex="0" role="img" aria-label="Network of entities; drag to pan, wheel or + and − to zoom, arrow keys to pan" lang="zh-CN">
<g id="viewport"><g id="edges"></g><g id="nodes"></g></g>
</svg>
<div class="controls" role="toolbar" aria-label="Zoom">
<button type="button" id="zoom-in" aria-label="Zoom in" title="Zoom in">+</button>
<button type="button" id="zoom-out" aria-label="Zoom out" title="Zoom out">−</button>
<button type="button" id="zoom-fit" title="Fit the drawing to the window">Fit</button>
</div>
<div class="legend" role="group" aria-label="Entity types: press to show or hide"><div id="legend-types"></div>
<button type="button" id="toggle-isolated" aria-pressed="false"></button></div>
<p id="status" aria-live="polite"></p>
</main>
</div>
<footer id="meta"></footer>
<noscript><p class="notice">This view needs JavaScript. The same graph is in graph.json, graph.graphml and graph.gexf next to this file.</p></noscript>
<script type="application/json" id="kg-data">@@DATA@@</script>
<script>@@JS@@</script>
</body>
</html>
"""

_CSS = r"""
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:#1d2329;background:#f6f7f8;display:flex;flex-direction:column}
:lang(zh-CN){font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,sans-serif}
button{font:inherit;cursor:pointer}
:focus-visible{outline:2px solid #1d6fd1;outline-offset:2px}
.top{display:flex;align-items:center;gap:1.5rem;padding:.5rem 1rem;background:#fff;border-bottom:1px solid #d9dde1;flex-wrap:wrap}
.top h1{font-size:1.05rem;margin:0;font-weight:600}
.search{display:flex;align-items:center;gap:.5rem}
.search label{font-weight:600}
.combo{position:relative}
#q{width:22rem;max-width:60vw;padding:.35rem .6rem;border:1px solid #9aa3ab;border-radius:4px;font:inherit}
#results{position:absolute;z-index:20;top:100%;left:0;right:0;margin:2px 0 0;padding:0;list-style:none;background:#fff;border:1px solid #9aa3ab;border-radius:4px;max-height:60vh;overflow:auto;box-shadow:0 4px 14px rgba(0,0,0,.15)}
#results li{padding:.3rem .6rem;cursor:pointer;display:flex;gap:.4rem;align-items:baseline}
#results li[aria-selected=true],#results li:hover{background:#e6f0fb}
#results .via,#results .ty{color:#5b6670;font-size:.85em}
#results .more{color:#5b6670;cursor:default}
.notice{margin:0;padding:.4rem 1rem;background:#fff4d6;border-bottom:1px solid #e9c46a}
#app{flex:1;min-height:0;display:grid;grid-template-columns:minmax(0,1fr) 25rem;grid-template-areas:"stage panel"}
#stage{grid-area:stage;position:relative;min-height:0;overflow:hidden;background:#fbfbfc}
#panel{grid-area:panel;overflow:auto;background:#fff;border-left:1px solid #d9dde1;padding:.75rem 1rem 2rem}
@media (max-width:800px){#app{grid-template-columns:1fr;grid-template-rows:60vh auto;grid-template-areas:"stage" "panel"}}
#net{width:100%;height:100%;display:block;cursor:grab;touch-action:none;user-select:none;--k:1}
#net.dragging{cursor:grabbing}
#net:focus-visible{outline-offset:-3px}
#net:focus:not(:focus-visible){outline:none}
.e{stroke:#8d99a6;stroke-opacity:.55;vector-effect:non-scaling-stroke;pointer-events:none}
.e.typed{stroke-dasharray:4 3;stroke:#6c5a7d}
.n{cursor:pointer}
.n circle{fill:var(--c,#969696);stroke:#fff;stroke-width:1.2px;vector-effect:non-scaling-stroke}
.n text{display:none;font-size:calc(13px / var(--k));fill:#1d2329;stroke:#fff;stroke-width:3px;stroke-linejoin:round;paint-order:stroke;text-anchor:middle;pointer-events:none;vector-effect:non-scaling-stroke}
.n.lbl text,.n:hover text,.n.sel text,.n.nb text{display:inline}
.n:hover circle{stroke:#1d2329}
.hidden{display:none}
#net.focus .n{opacity:.22}
#net.focus .e{stroke-opacity:.08}
#net.focus .n.sel,#net.focus .n.nb{opacity:1}
#net.focus .e.hl{stroke-opacity:.85;stroke:#3d4852}
#net.focus .e.pick{stroke:#d62828;stroke-opacity:1}
.n.sel circle{stroke:#111;stroke-width:3px}
.n.pick circle{stroke:#d62828;stroke-width:3px}
.n.sel text{font-weight:700;font-size:calc(15px / var(--k))}
.controls{position:absolute;top:.6rem;left:.6rem;display:flex;flex-direction:column;gap:.25rem}
.controls button{min-width:2.2rem;height:2.2rem;border:1px solid #9aa3ab;background:#fff;border-radius:4px;font-size:1.05rem}
.legend{position:absolute;left:.6rem;bottom:2rem;background:rgba(255,255,255,.94);border:1px solid #d9dde1;border-radius:6px;padding:.4rem;display:flex;flex-direction:column;gap:.2rem;max-width:16rem}
.legend button{display:flex;align-items:center;gap:.4rem;border:0;background:none;padding:.1rem .3rem;border-radius:3px;text-align:left}
.legend button:hover{background:#eef1f4}
.legend #legend-types button[aria-pressed=false]{color:#8a949c}
.legend button[aria-pressed=false] .dot{background:none;box-shadow:inset 0 0 0 2px var(--c,#969696)}
.legend .count{color:#5b6670;margin-left:auto;padding-left:.6rem}
#toggle-isolated{border-top:1px solid #d9dde1;margin-top:.2rem;padding-top:.3rem}
#status{position:absolute;right:.6rem;bottom:.3rem;margin:0;color:#5b6670;font-size:.85em;background:rgba(251,251,252,.85)}
.dot{display:inline-block;width:.75em;height:.75em;border-radius:50%;background:var(--c,#969696);flex:none}
#panel h2{font-size:1.3rem;margin:.2rem 0 .4rem;word-break:break-all}
#panel h3{font-size:.95rem;margin:1.1rem 0 .4rem;border-bottom:1px solid #e3e6e9;padding-bottom:.2rem}
.phead{display:flex;align-items:flex-start;gap:.5rem}
.phead h2{flex:1}
#panel-close{border:1px solid #c3c9ce;background:#fff;border-radius:4px;padding:.1rem .5rem;margin-top:.3rem}
dl.facts{display:grid;grid-template-columns:auto 1fr;gap:.15rem .8rem;margin:0}
dl.facts dt{color:#5b6670}
dl.facts dd{margin:0;word-break:break-word}
.muted{color:#5b6670}
ol.list,ul.list{list-style:none;margin:0;padding:0}
.list li{display:flex;align-items:center;gap:.2rem}
.list button.item{flex:1;display:flex;align-items:center;gap:.45rem;border:0;background:none;padding:.22rem .35rem;border-radius:3px;text-align:left;min-width:0}
.list button.item:hover{background:#eef1f4}
.list button.item[aria-pressed=true]{background:#fde8e8;box-shadow:inset 3px 0 0 #d62828}
.list .nm{flex:1;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.list .val{font-variant-numeric:tabular-nums;color:#38434d}
.list button.go{border:1px solid #c3c9ce;background:#fff;border-radius:3px;padding:0 .4rem;line-height:1.5}
#neighbours{max-height:16rem;overflow:auto;border:1px solid #e3e6e9;border-radius:4px;padding:.15rem}
.measure{display:flex;align-items:center;gap:.4rem;margin-bottom:.35rem}
.measure select{font:inherit}
.evlist,.rellist{list-style:none;margin:0;padding:0}
.rellist li{margin:.3rem 0 .6rem}
.rellist .cite{margin:.1rem 0 0 1.2rem;color:#38434d;font-size:.85em}
.ev{border-left:3px solid #d9dde1;padding:.25rem .6rem;margin:.4rem 0;background:#fafbfc}
.ev .sent{margin:0;white-space:pre-line}
.ev .cite{margin:.2rem 0 0;color:#5b6670;font-size:.82em;word-break:break-all}
mark{padding:0 .1em;border-radius:2px}
mark.a{background:#ffe08a}
mark.b{background:#b9e3ff}
.rel{margin:.35rem 0}
.rel .rt{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.82em;background:#eef1f4;padding:0 .3em;border-radius:3px}
.rel button.link{border:0;background:none;color:#1d5fb0;padding:0;text-decoration:underline}
.rel .this{font-weight:600}
#meta{padding:.35rem 1rem;border-top:1px solid #d9dde1;background:#fff;color:#5b6670;font-size:.82em}
"""

_JS = r"""
(() => {
'use strict';
const $ = (id) => document.getElementById(id);
const SVGNS = 'http://www.w3.org/2000/svg';
const D = JSON.parse($('kg-data').textContent);
const N = D.nodes, E = D.edges, META = D.meta, TYPES = D.types, DOCS = D.docs;
const MEASURES = [['npmi', 'NPMI'], ['count', 'count'], ['pmi', 'PMI'], ['jaccard', 'Jaccard'], ['llr', 'G² (log-likelihood)']];
const typeIndex = new Map(TYPES.map((t, i) => [t.type, i]));
const typeClass = (type) => 't' + (typeIndex.has(type) ? typeIndex.get(type) : 'x');
const svgEl = $('net'), viewport = $('viewport'), gEdges = $('edges'), gNodes = $('nodes'), panel = $('panel');

// ---- small DOM helpers: text always goes in as text nodes --------------------------------------
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  el.append(...kids(children));
  return el;
}
function kids(children) {
  return children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false)
    .map((c) => (c instanceof Node ? c : document.createTextNode(String(c))));
}
const fill = (el, ...children) => el.replaceChildren(...kids(children));
function s(tag, attrs) {
  const el = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  return el;
}
const dot = (type) => h('span', {class: 'dot ' + typeClass(type), 'aria-hidden': 'true'});
const plural = (n, word, many) => n.toLocaleString('en') + ' ' + (n === 1 ? word : many || word + 's');
function fmt(measure, v) {
  if (v === null || v === undefined) return '—';
  if (measure === 'count') return String(v);
  if (measure === 'pmi') return v.toFixed(2);
  if (measure === 'llr') return v.toFixed(1);
  return v.toFixed(3);
}

// ---- derived data ------------------------------------------------------------------------------------------
const adj = N.map(() => []);
E.forEach((e, k) => { adj[e.a].push(k); adj[e.b].push(k); });
const other = (k, i) => (E[k].a === i ? E[k].b : E[k].a);
const maxMentions = N.reduce((m, n) => Math.max(m, n.mentions), 1);
const maxWeight = E.reduce((m, e) => Math.max(m, e.weight || 1), 1);
N.forEach((n) => { n.r = 4 + 22 * Math.sqrt(Math.max(1, n.mentions) / maxMentions); });
const byRank = N.map((_, i) => i).sort((a, b) => (N[b].pagerank || 0) - (N[a].pagerank || 0) || (N[a].id < N[b].id ? -1 : 1));
const rankOf = new Array(N.length);
byRank.forEach((i, r) => { rankOf[i] = r + 1; });
const alwaysLabel = new Set(N.map((_, i) => i).filter((i) => !N[i].isolated)
  .sort((a, b) => N[b].mentions - N[a].mentions || a - b).slice(0, 12));
const communitySize = new Map();
N.forEach((n) => communitySize.set(n.community, (communitySize.get(n.community) || 0) + 1));

// ---- drawing ------------------------------------------------------------------------------------------------
const nodeEls = new Array(N.length), edgeEls = new Array(E.length);
E.forEach((e, k) => {
  const a = N[e.a], b = N[e.b];
  const w = maxWeight > 1 ? 0.6 + 2.6 * Math.log(Math.max(1, e.weight)) / Math.log(maxWeight) : 1;
  const line = s('line', {x1: a.x, y1: a.y, x2: b.x, y2: b.y, 'stroke-width': w.toFixed(2), class: 'e' + (e.count ? '' : ' typed')});
  edgeEls[k] = line;
  gEdges.append(line);
});
N.map((_, i) => i).sort((a, b) => N[a].mentions - N[b].mentions || a - b).forEach((i) => {
  const n = N[i];
  const g = s('g', {class: 'n ' + typeClass(n.type), transform: `translate(${n.x} ${n.y})`, 'data-i': i, 'data-id': n.id});
  g.append(s('circle', {r: n.r.toFixed(1)}));
  const label = s('text', {y: (n.r + 2).toFixed(1), dy: '0.9em'});
  label.textContent = n.name;
  g.append(label);
  const title = s('title');
  title.textContent = `${n.name} (${n.type}) · ${plural(n.mentions, 'mention')}`;
  g.append(title);
  nodeEls[i] = g;
  gNodes.append(g);
});

// ---- visibility: types, isolated entities ---------------------------------------------------------
const hiddenTypes = new Set();
let showIsolated = false;
let selected = -1, picked = -1, measure = 'npmi';
const isVisible = (i) => i === selected || (!hiddenTypes.has(N[i].type) && (showIsolated || !N[i].isolated));
function refreshVisibility() {
  const vis = N.map((_, i) => isVisible(i));
  let drawn = 0;
  nodeEls.forEach((g, i) => { g.classList.toggle('hidden', !vis[i]); if (vis[i]) drawn++; });
  edgeEls.forEach((l, k) => l.classList.toggle('hidden', !(vis[E[k].a] && vis[E[k].b])));
  svgEl.dataset.drawn = drawn;
  const iso = N.filter((n) => n.isolated).length;
  $('status').textContent = `${drawn.toLocaleString('en')} of ${plural(N.length, 'entity', 'entities')} drawn` +
    (iso && !showIsolated ? ` · ${iso.toLocaleString('en')} without edges hidden` : '');
}
const legend = $('legend-types');
TYPES.forEach((t, i) => {
  const b = h('button', {type: 'button', class: 't' + i, 'aria-pressed': 'true', title: `Show or hide ${t.type}`,
    onclick: () => {
      const on = hiddenTypes.has(t.type);
      if (on) hiddenTypes.delete(t.type); else hiddenTypes.add(t.type);
      b.setAttribute('aria-pressed', String(on));
      refreshVisibility();
    }}, dot(t.type), t.type, h('span', {class: 'count'}, t.count.toLocaleString('en')));
  legend.append(b);
});
const isoButton = $('toggle-isolated');
const isoCount = N.filter((n) => n.isolated).length;
isoButton.textContent = `Show entities without edges (${isoCount.toLocaleString('en')})`;
isoButton.hidden = isoCount === 0;
isoButton.addEventListener('click', () => {
  showIsolated = !showIsolated;
  isoButton.setAttribute('aria-pressed', String(showIsolated));
  isoButton.textContent = `${showIsolated ? 'Hide' : 'Show'} entities without edges (${isoCount.toLocaleString('en')})`;
  refreshVisibility();
  fit();
});

// ---- pan and zoom -----------------------------------------------------------------------------------------
const view = {k: 1, x: 0, y: 0};
const K_MIN = 0.02, K_MAX = 40;
let labelFrame = 0;
function applyView() {
  viewport.setAttribute('transform', `translate(${view.x.toFixed(2)} ${view.y.toFixed(2)}) scale(${view.k.toFixed(5)})`);
  svgEl.style.setProperty('--k', view.k.toFixed(5));
  if (!labelFrame) labelFrame = requestAnimationFrame(updateLabels);
}
function updateLabels() {
  labelFrame = 0;
  nodeEls.forEach((g, i) => g.classList.toggle('lbl', alwaysLabel.has(i) || N[i].r * view.k >= 9));
}
const size = () => ({w: svgEl.clientWidth || 800, h: svgEl.clientHeight || 600});
function zoomAt(px, py, f) {
  const k = Math.min(K_MAX, Math.max(K_MIN, view.k * f));
  view.x = px - (px - view.x) * (k / view.k);
  view.y = py - (py - view.y) * (k / view.k);
  view.k = k;
  applyView();
}
function zoomCentre(f) { const {w, h: hh} = size(); zoomAt(w / 2, hh / 2, f); }
function fit() {
  const idx = N.map((_, i) => i).filter(isVisible);
  const {w, h: hh} = size();
  if (!idx.length) { view.k = 1; view.x = w / 2; view.y = hh / 2; applyView(); return; }
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const i of idx) {
    const n = N[i];
    x0 = Math.min(x0, n.x - n.r); x1 = Math.max(x1, n.x + n.r);
    y0 = Math.min(y0, n.y - n.r); y1 = Math.max(y1, n.y + n.r);
  }
  const pad = 30;
  view.k = Math.min(K_MAX, Math.max(K_MIN, Math.min((w - 2 * pad) / Math.max(1, x1 - x0), (hh - 2 * pad) / Math.max(1, y1 - y0))));
  view.x = w / 2 - view.k * (x0 + x1) / 2;
  view.y = hh / 2 - view.k * (y0 + y1) / 2;
  applyView();
}
function centreOn(i) {
  const n = N[i], {w, h: hh} = size();
  let far = 0;
  for (const k of adj[i]) { const m = N[other(k, i)]; far = Math.max(far, Math.hypot(m.x - n.x, m.y - n.y) + m.r); }
  const k = far ? Math.min(3, Math.max(0.15, 0.45 * Math.min(w, hh) / far)) : Math.max(view.k, 2);
  view.k = k;
  view.x = w / 2 - k * n.x;
  view.y = hh / 2 - k * n.y;
  applyView();
}
$('zoom-in').addEventListener('click', () => zoomCentre(1.4));
$('zoom-out').addEventListener('click', () => zoomCentre(1 / 1.4));
$('zoom-fit').addEventListener('click', fit);
svgEl.addEventListener('wheel', (ev) => {
  ev.preventDefault();
  const r = svgEl.getBoundingClientRect();
  const unit = ev.deltaMode === 1 ? 33 : ev.deltaMode === 2 ? 400 : 1;
  zoomAt(ev.clientX - r.left, ev.clientY - r.top, Math.exp(-ev.deltaY * unit * 0.0015));
}, {passive: false});
let drag = null, dragged = false;
svgEl.addEventListener('pointerdown', (ev) => {
  if (ev.button !== 0) return;
  drag = {id: ev.pointerId, x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, captured: false};
  dragged = false;
});
svgEl.addEventListener('pointermove', (ev) => {
  if (!drag || ev.pointerId !== drag.id) return;
  const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
  if (!dragged && Math.hypot(dx, dy) < 4) return;
  if (!drag.captured) { svgEl.setPointerCapture(ev.pointerId); drag.captured = true; svgEl.classList.add('dragging'); }
  dragged = true;
  view.x = drag.vx + dx; view.y = drag.vy + dy;
  applyView();
});
const endDrag = () => { drag = null; svgEl.classList.remove('dragging'); };
svgEl.addEventListener('pointerup', endDrag);
svgEl.addEventListener('pointercancel', endDrag);
svgEl.addEventListener('click', (ev) => {
  if (dragged) { dragged = false; return; }
  const g = ev.target.closest ? ev.target.closest('g.n') : null;
  if (g) select(Number(g.dataset.i), {centre: false});
  else if (selected >= 0) clearSelection();
});
svgEl.addEventListener('keydown', (ev) => {
  const step = 60;
  const keys = {ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step]};
  if (keys[ev.key]) { view.x += keys[ev.key][0]; view.y += keys[ev.key][1]; applyView(); ev.preventDefault(); }
  else if (ev.key === '+' || ev.key === '=') { zoomCentre(1.4); ev.preventDefault(); }
  else if (ev.key === '-' || ev.key === '_') { zoomCentre(1 / 1.4); ev.preventDefault(); }
  else if (ev.key === '0') { fit(); ev.preventDefault(); }
});
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape' && selected >= 0 && ev.target !== $('q')) clearSelection();
});

// ---- selection ----------------------------------------------------------------------------------------------
function clearMarks() {
  svgEl.classList.remove('focus');
  for (const g of gNodes.querySelectorAll('.sel, .nb, .pick')) g.classList.remove('sel', 'nb', 'pick');
  for (const l of gEdges.querySelectorAll('.hl, .pick')) l.classList.remove('hl', 'pick');
}
function select(i, {centre = true} = {}) {
  clearMarks();
  selected = i;
  svgEl.classList.add('focus');
  nodeEls[i].classList.add('sel');
  gNodes.append(nodeEls[i]);  // draw on top
  for (const k of adj[i]) { edgeEls[k].classList.add('hl'); nodeEls[other(k, i)].classList.add('nb'); }
  refreshVisibility();
  if (centre) centreOn(i);
  const ranked = rankedNeighbours(i);
  picked = ranked.length ? ranked[0].j : -1;
  renderEntity(i);
}
function clearSelection() {
  clearMarks();
  selected = -1; picked = -1;
  refreshVisibility();
  renderOverview();
}
function pick(j) {
  picked = j;
  for (const g of gNodes.querySelectorAll('.pick')) g.classList.remove('pick');
  for (const l of gEdges.querySelectorAll('.pick')) l.classList.remove('pick');
  const k = edgeBetween(selected, j);
  if (k >= 0) { edgeEls[k].classList.add('pick'); nodeEls[j].classList.add('pick'); }
  for (const b of panel.querySelectorAll('#neighbours button.item')) b.setAttribute('aria-pressed', String(Number(b.dataset.j) === j));
  renderEvidence();
}
function edgeBetween(i, j) {
  for (const k of adj[i]) if (other(k, i) === j) return k;
  return -1;
}
function rankedNeighbours(i) {
  const value = (e) => (measure === 'count' ? (e.count || null) : e[measure]);
  return adj[i].map((k) => ({k, j: other(k, i), e: E[k], v: value(E[k])}))
    .sort((p, q) => (p.v === null) - (q.v === null) || (q.v || 0) - (p.v || 0) || q.e.count - p.e.count ||
      (N[p.j].name < N[q.j].name ? -1 : N[p.j].name > N[q.j].name ? 1 : p.j - q.j));
}

// ---- the side panel ----------------------------------------------------------------------------------------
function entityButton(j, cls) {
  return h('button', {type: 'button', class: cls || 'link', onclick: () => select(j)}, N[j].name);
}
function docLabel(id) {
  const d = DOCS[id];
  if (!d) return id;
  return [d.title || id, d.publication, d.date].filter(Boolean).join(' · ');
}
function renderOverview() {
  const top = byRank.slice(0, 25);
  fill(panel,
    h('h2', {id: 'panel-title'}, 'Overview'),
    h('p', {class: 'muted'}, 'Search for an entity or click a node to see its neighbours, relations and the sentences behind each edge.'),
    h('dl', {class: 'facts'},
      h('dt', {}, 'Entities'), h('dd', {}, META.nodes_total.toLocaleString('en')),
      h('dt', {}, 'Edges'), h('dd', {}, META.edges_total.toLocaleString('en')),
      h('dt', {}, 'Documents'), h('dd', {}, String(META.documents))),
    h('h3', {}, 'Top entities by PageRank'),
    h('ol', {class: 'list', id: 'top-list'}, top.map((i) => h('li', {},
      h('button', {type: 'button', class: 'item', onclick: () => select(i)}, dot(N[i].type),
        h('span', {class: 'nm', lang: 'zh-CN'}, N[i].name), h('span', {class: 'val'}, (N[i].pagerank || 0).toFixed(4)))))),
  );
}
function renderEntity(i) {
  const n = N[i];
  const facts = [
    ['Type', h('span', {}, dot(n.type), ' ', n.type)],
    ['Category', n.category || '—'],
    ['Aliases', n.aliases.length ? n.aliases.join('、') : '—'],
    ['Mentions', n.mentions.toLocaleString('en')],
    ['Documents', n.documents.toLocaleString('en')],
    ['First date', n.first_date || '—'],
    ['Last date', n.last_date || '—'],
    ['PageRank', `${(n.pagerank || 0).toFixed(5)} (#${rankOf[i]} of ${N.length})`],
    ['Community', n.community >= 0 ? `${n.community} (${plural(communitySize.get(n.community) || 0, 'entity', 'entities')} here)` : '—'],
    ['Degree', String(adj[i].length)],
    ['Id', n.id],
  ];
  const docs = n.doc_ids.length ? h('details', {}, h('summary', {}, `Documents mentioning it (${n.documents})`),
    h('ul', {class: 'docs'}, n.doc_ids.map((d) => h('li', {}, h('span', {lang: 'zh-CN'}, docLabel(d)), ' ', h('span', {class: 'muted'}, d)))),
    n.documents > n.doc_ids.length ? h('p', {class: 'muted'}, `… and ${n.documents - n.doc_ids.length} more (see mentions.csv)`) : null) : null;
  const select_ = h('select', {id: 'measure'});
  for (const [m, label] of MEASURES) select_.append(h('option', {value: m, selected: m === measure}, label));
  select_.value = measure;
  select_.addEventListener('change', () => { measure = select_.value; renderNeighbours(); });
  fill(panel,
    h('div', {class: 'phead'}, h('h2', {id: 'panel-title', lang: 'zh-CN', tabindex: '-1'}, n.name),
      h('button', {type: 'button', id: 'panel-close', 'aria-label': 'Clear selection', title: 'Clear selection (Esc)', onclick: clearSelection}, '×')),
    h('dl', {class: 'facts', id: 'facts'}, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {lang: k === 'Aliases' ? 'zh-CN' : null}, v)])),
    docs,
    h('h3', {}, `Neighbours (${adj[i].length})`),
    adj[i].length ? h('div', {class: 'measure'}, h('label', {for: 'measure'}, 'Rank by'), select_) : h('p', {class: 'muted'}, 'No edges after the filters.'),
    h('ol', {class: 'list', id: 'neighbours', 'aria-label': 'Neighbours; press one to see the evidence'}),
    h('section', {id: 'evidence-box', 'aria-live': 'polite'}),
    h('section', {id: 'relations-box'}),
  );
  if (!adj[i].length) $('neighbours').remove();
  renderNeighbours();
  renderRelations(i);
  pick(picked);
}
function renderNeighbours() {
  const list = $('neighbours');
  if (!list || selected < 0) return;
  list.replaceChildren(...rankedNeighbours(selected).map(({j, v}) => h('li', {},
    h('button', {type: 'button', class: 'item', 'data-j': j, 'aria-pressed': String(j === picked), title: 'Show the evidence for this edge', onclick: () => pick(j)},
      dot(N[j].type), h('span', {class: 'nm', lang: 'zh-CN'}, N[j].name), h('span', {class: 'val'}, fmt(measure, v))),
    h('button', {type: 'button', class: 'go', 'aria-label': `Select ${N[j].name}`, title: `Select ${N[j].name}`, onclick: () => select(j)}, '→'))));
}
function highlighted(text, groups) {
  const hits = [];
  for (const [terms, cls] of groups) {
    for (const t of terms) {
      if (!t) continue;
      for (let at = text.indexOf(t); at >= 0; at = text.indexOf(t, at + 1)) hits.push([at, at + t.length, cls]);
    }
  }
  hits.sort((p, q) => p[0] - q[0] || q[1] - p[1]);
  const frag = document.createDocumentFragment();
  let pos = 0;
  for (const [a, b, cls] of hits) {
    if (a < pos) continue;
    if (a > pos) frag.append(document.createTextNode(text.slice(pos, a)));
    frag.append(h('mark', {class: cls}, text.slice(a, b)));
    pos = b;
  }
  if (pos < text.length) frag.append(document.createTextNode(text.slice(pos)));
  return frag;
}
const terms = (i) => [N[i].name, ...N[i].aliases];
function relationLine(r, i) {
  const src = r.source === i ? h('span', {class: 'this', lang: 'zh-CN'}, N[r.source].name) : entityButton(r.source);
  const dst = r.target === i ? h('span', {class: 'this', lang: 'zh-CN'}, N[r.target].name) : entityButton(r.target);
  return h('p', {class: 'rel'}, r.source === i ? '→ ' : '← ', src, ' ', h('span', {class: 'rt'}, r.type), ' ', dst,
    r.detail ? h('span', {lang: 'zh-CN'}, ` （${r.detail}）`) : null, r.count > 1 ? h('span', {class: 'muted'}, ` ×${r.count}`) : null);
}
function evidenceItem(text, doc, where, groups) {
  return h('li', {class: 'ev'},
    h('p', {class: 'sent', lang: 'zh-CN'}, highlighted(text, groups)),
    h('p', {class: 'cite'}, h('span', {class: 'doc', 'data-doc': doc}, doc), ' · ', h('span', {class: 'sid'}, where),
      DOCS[doc] ? h('span', {class: 'title', lang: 'zh-CN'}, ' · ', docLabel(doc)) : null));
}
function renderEvidence() {
  const box = $('evidence-box');
  if (!box) return;
  const j = picked, i = selected;
  if (i < 0 || j < 0) { fill(box); return; }
  const k = edgeBetween(i, j), e = E[k];
  const groups = [[terms(i), 'a'], [terms(j), 'b']];
  const items = e.evidence.map((ev) => evidenceItem(ev.text, ev.doc, ev.sentence, groups));
  for (const r of e.relations) for (const ev of r.evidence) {
    items.push(evidenceItem(ev.text, ev.doc, `${r.type}, characters ${ev.start}–${ev.end}`, groups));
  }
  const stats = e.count ? `${plural(e.count, 'sentence')} together (window: ${META.window}) in ${plural(e.doc_count, 'document')}` +
    (e.first_date ? `, first ${e.first_date}` : '') + ` · NPMI ${fmt('npmi', e.npmi)} · PMI ${fmt('pmi', e.pmi)} · Jaccard ${fmt('jaccard', e.jaccard)} · G² ${fmt('llr', e.llr)}`
    : 'Typed relation only (no co-occurrence edge after the filters).';
  fill(box,
    h('h3', {id: 'evidence-title'}, 'Evidence: ', h('mark', {class: 'a', lang: 'zh-CN'}, N[i].name), ' — ', h('mark', {class: 'b', lang: 'zh-CN'}, N[j].name)),
    h('p', {class: 'muted'}, stats),
    e.relations.length ? e.relations.map((r) => relationLine(r, i)) : null,
    items.length ? h('ol', {class: 'evlist', id: 'evidence'}, items) : h('p', {class: 'muted'}, 'No evidence sentence kept for this edge.'),
    e.count > e.evidence.length ? h('p', {class: 'muted'}, `The ${e.evidence.length} most specific sentences are shown; evidence.csv lists every one.`) : null,
  );
}
function renderRelations(i) {
  const rels = [];
  for (const k of adj[i]) for (const r of E[k].relations) rels.push(r);
  rels.sort((p, q) => (p.type < q.type ? -1 : p.type > q.type ? 1 : 0) || (p.source === i) - (q.source === i));
  const box = $('relations-box');
  fill(box, h('h3', {}, `Typed relations (${rels.length})`),
    rels.length ? h('ul', {class: 'rellist', id: 'relations'}, rels.map((r) => h('li', {class: 'relitem'},
      h('div', {}, relationLine(r, i), r.evidence.length ? h('p', {class: 'cite', lang: 'zh-CN'},
        r.evidence[0].text, h('span', {class: 'muted'}, ` — ${r.evidence[0].doc}`)) : null))))
      : h('p', {class: 'muted'}, 'None found by the rules (HOLDS_POSITION, ISSUED, AUTHORED, PUBLISHED_IN, PART_OF).'));
}

// ---- search -----------------------------------------------------------------------------------------------
const input = $('q'), results = $('results');
const norm = (t) => t.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
const keys = N.map((n) => [n.name, ...n.aliases].map(norm));
let found = [], active = -1;
const RESULTS_SHOWN = 30;
function search(q) {
  q = norm(q);
  if (!q) return [];
  const out = [];
  keys.forEach((ks, i) => {
    let best = 9, via = '';
    ks.forEach((k, a) => {
      const score = k === q ? 0 : k.startsWith(q) ? 2 : k.includes(q) ? 4 : 9;
      if (score + (a ? 1 : 0) < best) { best = score + (a ? 1 : 0); via = a ? N[i].aliases[a - 1] : ''; }
    });
    if (best < 9) out.push({i, best, via});
  });
  return out.sort((p, q2) => p.best - q2.best || (N[q2.i].pagerank || 0) - (N[p.i].pagerank || 0) || p.i - q2.i);
}
function setActive(a) {
  active = a;
  results.querySelectorAll('[role=option]').forEach((li, x) => li.setAttribute('aria-selected', String(x === a)));
  const li = $('opt-' + a);
  if (li) { input.setAttribute('aria-activedescendant', li.id); li.scrollIntoView({block: 'nearest'}); }
  else input.removeAttribute('aria-activedescendant');
}
function closeResults() { results.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); }
function showResults() {
  found = search(input.value);
  results.replaceChildren();
  if (!input.value.trim()) { closeResults(); return; }
  found.slice(0, RESULTS_SHOWN).forEach(({i, via}, x) => {
    results.append(h('li', {role: 'option', id: 'opt-' + x, 'aria-selected': 'false', 'data-i': i,
      onmousedown: (ev) => ev.preventDefault(), onclick: () => choose(x)},
    dot(N[i].type), h('span', {class: 'nm', lang: 'zh-CN'}, N[i].name), h('span', {class: 'ty'}, N[i].type),
    via ? h('span', {class: 'via', lang: 'zh-CN'}, `alias ${via}`) : null));
  });
  if (!found.length) results.append(h('li', {class: 'more'}, 'No entity matches.'));
  else if (found.length > RESULTS_SHOWN) results.append(h('li', {class: 'more'}, `${found.length - RESULTS_SHOWN} more; type more characters`));
  results.hidden = false;
  input.setAttribute('aria-expanded', 'true');
  setActive(found.length ? 0 : -1);
}
function choose(x) {
  const hit = found[x];
  if (!hit) return;
  closeResults();
  input.value = N[hit.i].name;
  select(hit.i, {centre: true});
}
input.addEventListener('input', showResults);
input.addEventListener('focus', () => { if (input.value.trim()) showResults(); });
input.addEventListener('blur', () => setTimeout(closeResults, 150));
input.addEventListener('keydown', (ev) => {
  const n = Math.min(found.length, RESULTS_SHOWN);
  if (ev.key === 'ArrowDown' && n) { if (results.hidden) showResults(); setActive((active + 1) % n); ev.preventDefault(); }
  else if (ev.key === 'ArrowUp' && n) { setActive((active - 1 + n) % n); ev.preventDefault(); }
  else if (ev.key === 'Enter') { if (results.hidden) showResults(); choose(active >= 0 ? active : 0); ev.preventDefault(); }
  else if (ev.key === 'Escape') { if (!results.hidden) closeResults(); else { input.value = ''; } ev.preventDefault(); }
});

// ---- footer and start ------------------------------------------------------------------------------------
if (META.capped) {
  const note = $('cap-note');
  note.textContent = `Large graph: this view holds the ${N.length.toLocaleString('en')} entities with the highest PageRank ` +
    `(of ${META.nodes_total.toLocaleString('en')}) and the ${E.length.toLocaleString('en')} edges between them; ` +
    'graph.json and the CSV tables have everything.';
  note.hidden = false;
}
$('meta').textContent = [
  `Co-occurrence window: ${META.window || '—'}`,
  `filters: ${META.filters || '—'}`,
  `${plural(Number(META.documents) || 0, 'document')}, ${Number(META.units || 0).toLocaleString('en')} units`,
  `${META.nodes_total.toLocaleString('en')} entities (${META.connected_total.toLocaleString('en')} with edges), ${META.edges_total.toLocaleString('en')} edges`,
  META.capped ? `drawn: top ${N.length.toLocaleString('en')} by PageRank` : null,
  `layout: seeded force-directed (seed ${META.layout_seed})`,
].filter(Boolean).join(' · ');
refreshVisibility();
renderOverview();
fit();
updateLabels();
window.addEventListener('resize', () => { if (selected >= 0) centreOn(selected); else fit(); });
svgEl.dataset.ready = '1';
})();
"""
