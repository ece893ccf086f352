// Parse a GraphML or GEXF file with the parsers Gephi Lite uses (graphology-graphml, graphology-gexf)
// and print what a user opening the file would get: counts, attributes of every node and edge.
// graphology-gexf reads no time; for GEXF the spells of every node and edge (what Gephi's Timeline
// reads) are also listed, read with the XML parser graphology-gexf itself uses (@xmldom/xmldom).
// usage: node parse_graph.mjs graphml|gexf FILE
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Graph from 'graphology';
import graphml from 'graphology-graphml';
import gexf from 'graphology-gexf';

const require = createRequire(import.meta.resolve('graphology-gexf'));
const { DOMParser } = require('@xmldom/xmldom');

function spells(xml) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const out = { nodes: {}, edges: {} };
  for (const [tag, key] of [['node', 'nodes'], ['edge', 'edges']]) {
    const elements = doc.getElementsByTagName(tag);
    for (let i = 0; i < elements.length; i++) {
      const el = elements[i];
      const found = el.getElementsByTagName('spell');
      if (!found.length) continue;
      const id = tag === 'node' ? el.getAttribute('id') : `${el.getAttribute('source')}|${el.getAttribute('target')}`;
      out[key][id] = [];
      for (let j = 0; j < found.length; j++) out[key][id].push([found[j].getAttribute('start'), found[j].getAttribute('end')]);
    }
  }
  return out;
}

const [format, file] = process.argv.slice(2);
const xml = readFileSync(file, 'utf8');
const parser = format === 'gexf' ? gexf : graphml;
const graph = parser.parse(Graph, xml);
const nodes = {};
graph.forEachNode((key, attrs) => { nodes[key] = attrs; });
const edges = [];
graph.forEachEdge((key, attrs, source, target) => { edges.push({ source, target, attrs }); });
process.stdout.write(JSON.stringify({
  type: graph.type, multi: graph.multi, order: graph.order, size: graph.size,
  graphAttributes: graph.getAttributes(), nodes, edges,
  spells: format === 'gexf' ? spells(xml) : null,
}));
