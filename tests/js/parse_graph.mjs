// Parse a GraphML or GEXF file with the parsers Gephi Lite uses (graphology-graphml, graphology-gexf)
// and print what a user opening the file would get: counts, attributes of every node and edge.
// usage: node parse_graph.mjs graphml|gexf FILE
import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import graphml from 'graphology-graphml';
import gexf from 'graphology-gexf';

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
}));
