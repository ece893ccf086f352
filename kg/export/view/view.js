
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
// Text from the documents is shown without bidirectional controls (U+202A-E, U+2066-9, U+200E/F, U+061C,
// as the build's normaliser removes them): they are invisible and can only reorder what surrounds them,
// making a name or a sentence show as another ("Trojan Source"); an isolate closed early inside a name
// would even reach the text after it.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const shown = (t) => String(t).replace(BIDI, '');
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : shown(v));
  }
  el.append(...kids(children));
  return el;
}
function kids(children) {
  return children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false)
    .map((c) => (c instanceof Node ? c : document.createTextNode(shown(c))));
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
  label.textContent = shown(n.name);
  g.append(label);
  const title = s('title');
  title.textContent = shown(`${n.name} (${n.type}) · ${plural(n.mentions, 'mention')}`);
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
    ['Burst', n.burst ? `${n.burst[0]}${n.burst[1] !== n.burst[0] ? ' – ' + n.burst[1] : ''} (strength ${n.burst[2].toFixed(2)})` : '—'],
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
    timelineChart(n),
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
// The entity's documents per time slice (year, quarter or month, as the build sliced time), its burst marked.
function timelineChart(n) {
  const P = META.periods || [];
  if (!P.length || !n.timeline || !n.timeline.some((v) => v > 0)) return null;
  const W = 320, H = 70, gap = P.length > 40 ? 0 : 1, bw = W / P.length, max = Math.max(...n.timeline, 1);
  const inBurst = (p) => n.burst && p >= n.burst[0] && p <= n.burst[1];
  const svg = s('svg', {viewBox: `0 0 ${W} ${H + 14}`, class: 'timeline', role: 'img',
    'aria-label': `Documents mentioning it per ${META.slice}, ${P[0]} to ${P[P.length - 1]}; most in one ${META.slice}: ${max}`});
  P.forEach((p, k) => {
    const v = n.timeline[k], bh = v ? Math.max(1.5, (H * v) / max) : 0;
    const bar = s('rect', {x: (k * bw + gap / 2).toFixed(2), y: (H - bh).toFixed(2), width: Math.max(0.5, bw - gap).toFixed(2),
      height: bh.toFixed(2), class: inBurst(p) ? 'bar burst' : 'bar'});
    const tip = s('title', {});
    tip.textContent = `${p}: ${plural(v, 'document')} of ${(META.period_documents || [])[k] || 0}`;
    bar.append(tip);
    svg.append(bar);
  });
  for (const [k, anchor] of [[0, 'start'], [P.length - 1, 'end']]) {
    const label = s('text', {x: anchor === 'start' ? 0 : W, y: H + 12, 'text-anchor': anchor, class: 'tick'});
    label.textContent = P[k];
    svg.append(label);
  }
  return [h('h3', {}, `Documents per ${META.slice}`), svg,
    n.burst ? h('p', {class: 'muted'}, 'Red: its strongest burst (Kleinberg).') : null];
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
    if (a > pos) frag.append(document.createTextNode(shown(text.slice(pos, a))));
    frag.append(h('mark', {class: cls}, text.slice(a, b)));
    pos = b;
  }
  if (pos < text.length) frag.append(document.createTextNode(shown(text.slice(pos))));
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
const norm = (t) => shown(t).normalize('NFKC').toLowerCase().replace(/\s+/g, '');
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
  input.value = shown(N[hit.i].name);
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
$('meta').textContent = shown([
  `Co-occurrence window: ${META.window || '—'}`,
  `filters: ${META.filters || '—'}`,
  `${plural(Number(META.documents) || 0, 'document')}, ${Number(META.units || 0).toLocaleString('en')} units`,
  `${META.nodes_total.toLocaleString('en')} entities (${META.connected_total.toLocaleString('en')} with edges), ${META.edges_total.toLocaleString('en')} edges`,
  META.capped ? `drawn: top ${N.length.toLocaleString('en')} by PageRank` : null,
  `layout: seeded force-directed (seed ${META.layout_seed})`,
].filter(Boolean).join(' · '));
refreshVisibility();
renderOverview();
fit();
updateLabels();
window.addEventListener('resize', () => { if (selected >= 0) centreOn(selected); else fit(); });
svgEl.dataset.ready = '1';
})();
