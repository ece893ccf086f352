// name: ego
// answers: The ego network of an entity: every relationship among the entity and its direct neighbours in the graph, one row each. The graph is what the build kept: CO_OCCURS with in_graph = true, and every typed relation.
// params: $name (string, "中国科学技术发展战略研究院")
// columns: source, source_type, relation, detail, target, target_type, count, npmi
// browser: :param [{name}] => { RETURN "中国科学技术发展战略研究院" AS name }
MATCH (c:Entity)
WHERE c.id = $name OR c.name = $name OR $name IN c.aliases
OPTIONAL MATCH (c)-[r:CO_OCCURS|HOLDS_POSITION|ISSUED|AUTHORED|PUBLISHED_IN|PART_OF]-(m:Entity)
WHERE type(r) <> 'CO_OCCURS' OR r.in_graph
WITH collect(DISTINCT c) AS centres, collect(DISTINCT m) AS around
WITH centres + [x IN around WHERE NOT x IN centres] AS ego
UNWIND ego AS a
MATCH (a)-[r:CO_OCCURS|HOLDS_POSITION|ISSUED|AUTHORED|PUBLISHED_IN|PART_OF]->(b:Entity)
WHERE b IN ego AND (type(r) <> 'CO_OCCURS' OR r.in_graph)
RETURN a.name AS source, a.type AS source_type, type(r) AS relation, coalesce(r.detail, '') AS detail,
       b.name AS target, b.type AS target_type, r.count AS count, round(r.npmi, 6) AS npmi
ORDER BY source, target, relation, detail, a.id, b.id
