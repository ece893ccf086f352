// name: neighbours
// answers: Which entities co-occur with a concept, strongest association (NPMI) first? Every co-occurring pair counts (CO_OCCURS with in_graph true or false) when seen in at least $min_count sentences; $type keeps one entity type ("" keeps all).
// params: $name (string, "新质生产力"), $min_count (integer, 1), $type (string, ""), $limit (integer, 10)
// columns: name, type, count, doc_count, npmi, pmi, jaccard, in_graph
// browser: :param [{name, min_count, type, limit}] => { RETURN "新质生产力" AS name, 1 AS min_count, "" AS type, 10 AS limit }
MATCH (c:Entity)
WHERE c.id = $name OR c.name = $name OR $name IN c.aliases
MATCH (c)-[r:CO_OCCURS]-(n:Entity)
WHERE r.count >= $min_count AND ($type = '' OR n.type = $type)
RETURN n.name AS name, n.type AS type, r.count AS count, r.doc_count AS doc_count,
       round(r.npmi, 6) AS npmi, round(r.pmi, 6) AS pmi, round(r.jaccard, 6) AS jaccard,
       coalesce(r.in_graph, false) AS in_graph
ORDER BY npmi DESC, count DESC, name, n.id
LIMIT $limit
