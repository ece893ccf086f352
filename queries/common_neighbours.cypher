// name: common_neighbours
// answers: Which entities co-occur with both of two concepts? Every co-occurring pair counts (in_graph or not) when seen in at least $min_count sentences; ranked by the weaker of the two associations (score = the smaller NPMI).
// params: $a (string, "新质生产力"), $b (string, "高质量发展"), $min_count (integer, 1), $limit (integer, 10)
// columns: name, type, score, npmi_a, npmi_b, count_a, count_b
// browser: :param [{a, b, min_count, limit}] => { RETURN "新质生产力" AS a, "高质量发展" AS b, 1 AS min_count, 10 AS limit }
MATCH (a:Entity)
WHERE a.id = $a OR a.name = $a OR $a IN a.aliases
MATCH (b:Entity)
WHERE b.id = $b OR b.name = $b OR $b IN b.aliases
MATCH (a)-[ra:CO_OCCURS]-(n:Entity)-[rb:CO_OCCURS]-(b)
WHERE n <> a AND n <> b AND ra.count >= $min_count AND rb.count >= $min_count
RETURN n.name AS name, n.type AS type,
       round(CASE WHEN ra.npmi < rb.npmi THEN ra.npmi ELSE rb.npmi END, 6) AS score,
       round(ra.npmi, 6) AS npmi_a, round(rb.npmi, 6) AS npmi_b, ra.count AS count_a, rb.count AS count_b
ORDER BY score DESC, name, n.id
LIMIT $limit
