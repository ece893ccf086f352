// name: neighbours (as a picture)
// answers: The neighbours query (../neighbours.cypher) drawn in Neo4j Browser: the concept and the entities co-occurring with it, with the same MATCH, WHERE, ORDER BY and LIMIT, returning the nodes and relationships instead of rows. Browser also draws the CO_OCCURS among the neighbours ("Connect result nodes" in its settings).
// params: $name (string, "新质生产力"), $min_count (integer, 1), $type (string, ""), $limit (integer, 10)
// browser: :param [{name, min_count, type, limit}] => { RETURN "新质生产力" AS name, 1 AS min_count, "" AS type, 10 AS limit }
MATCH (c:Entity)
WHERE c.id = $name OR c.name = $name OR $name IN c.aliases
MATCH (c)-[r:CO_OCCURS]-(n:Entity)
WHERE r.count >= $min_count AND ($type = '' OR n.type = $type)
WITH c, r, n
ORDER BY round(r.npmi, 6) DESC, r.count DESC, n.name, n.id
LIMIT $limit
RETURN c, r, n
