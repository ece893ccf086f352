// Check Cypher with Neo4j's own parser and linter (@neo4j-cypher/language-support).
// usage: node lint_cypher.mjs [SCHEMA.json] < {"name": "query", ...}
// SCHEMA.json is a DbSchema ({labels, relationshipTypes, propertyKeys, parameters, ...}); declaring
// what the queries use keeps "not defined" warnings from hiding real errors. A query may hold
// several statements separated by ';' (a whole .cypher file).
// Prints {"name": [{"severity", "message", "line", "column", "offset"}], ...}: severity 1 is an error,
// 2 a warning (LSP numbering).
import { readFileSync } from 'node:fs';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const schemaFile = process.argv[2];
const dbSchema = schemaFile ? JSON.parse(readFileSync(schemaFile, 'utf8')) : {};
const queries = JSON.parse(readFileSync(0, 'utf8'));

const out = {};
for (const [name, query] of Object.entries(queries)) {
  const { diagnostics } = lintCypherQuery(query, dbSchema, { consoleCommandsEnabled: true });
  out[name] = diagnostics.map((d) => ({
    severity: d.severity,
    message: d.message,
    line: d.range?.start?.line,
    column: d.range?.start?.character,
    offset: d.offsets?.start,
  }));
}
process.stdout.write(JSON.stringify(out));
