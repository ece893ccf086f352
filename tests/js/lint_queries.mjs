// Lint Cypher statements with Neo4j's own parser and semantic analysis (@neo4j-cypher/language-support),
// as Cypher 5, against the project's schema. Only Neo4j's built-in functions and procedures are declared,
// so an APOC call (or any other plugin) is reported as an error.
// usage: node lint_queries.mjs < {"schema": {labels, relationshipTypes, propertyKeys},
//                                  "queries": [{"name", "text", "parameters": {name: example value}}]}
// prints: [{"name", "diagnostics": [{"severity", "message", "line", "character"}]}]
import { readFileSync } from 'node:fs';
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

const VERSION = 'CYPHER 5';
const input = JSON.parse(readFileSync(0, 'utf8'));

function builtIns(registry) {
  const all = registry?.[VERSION] ?? {};
  return Object.fromEntries(Object.entries(all).filter(([, fn]) => fn.isBuiltIn));
}

const functions = builtIns(testData.mockSchema.functions);
const procedures = Object.fromEntries(
  Object.entries(testData.mockSchema.procedures?.[VERSION] ?? {}).filter(([name]) => name.startsWith('db.') || name.startsWith('dbms.')),
);

const out = input.queries.map((q) => {
  const dbSchema = {
    labels: input.schema.labels,
    relationshipTypes: input.schema.relationshipTypes,
    propertyKeys: input.schema.propertyKeys,
    parameters: q.parameters ?? {},
    functions: { [VERSION]: functions },
    procedures: { [VERSION]: procedures },
    defaultLanguage: VERSION,
  };
  const { diagnostics } = lintCypherQuery(q.text, dbSchema, { consoleCommandsEnabled: false });
  return {
    name: q.name,
    diagnostics: diagnostics.map((d) => ({
      severity: d.severity,
      message: d.message,
      line: d.range.start.line + 1,
      character: d.range.start.character + 1,
    })),
  };
});
process.stdout.write(JSON.stringify(out));
