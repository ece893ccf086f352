// name: document_entities
// answers: Which entities of a type does a source document mention, most mentioned first? The document is given by id, title or path; $type "" keeps every type.
// params: $doc (string, "004_dff61195967c57f5"), $type (string, "Policy"), $limit (integer, 20)
// columns: name, type, mentions
// browser: :param [{doc, type, limit}] => { RETURN "004_dff61195967c57f5" AS doc, "Policy" AS type, 20 AS limit }
MATCH (d:SourceDocument)
WHERE d.id = $doc OR d.title = $doc OR d.path = $doc
MATCH (n:Entity)-[m:MENTIONED_IN]->(d)
WHERE $type = '' OR n.type = $type
RETURN n.name AS name, n.type AS type, m.mentions AS mentions
ORDER BY mentions DESC, name, n.id, d.id
LIMIT $limit
