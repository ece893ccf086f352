// name: person_relations
// answers: What do the texts state about a person? Their typed relations: positions held (HOLDS_POSITION, with the position as detail) and documents authored (AUTHORED), with the source documents that state them.
// params: $name (string, "刘冬梅")
// columns: relation, detail, target, target_type, count, documents
// browser: :param [{name}] => { RETURN "刘冬梅" AS name }
MATCH (p:Person)
WHERE p.id = $name OR p.name = $name OR $name IN p.aliases
MATCH (p)-[r:HOLDS_POSITION|AUTHORED]->(x:Entity)
RETURN type(r) AS relation, coalesce(r.detail, '') AS detail, x.name AS target, x.type AS target_type,
       r.count AS count, coalesce(r.doc_ids, []) AS documents
ORDER BY relation, target, detail, x.id
