// name: shortest_path
// answers: How are two entities connected in the graph? All shortest paths (up to 10 hops) between them over the graph's edges (the CO_OCCURS pairs the build kept, in_graph, and the typed relations), one row per step; paths in order of their names, at most $limit. via lists the relationship types joining a step to the one before.
// params: $source (string, "清华大学"), $target (string, "高质量发展"), $limit (integer, 5)
// columns: path, step, name, type, via
// browser: :param [{source, target, limit}] => { RETURN "清华大学" AS source, "高质量发展" AS target, 5 AS limit }
MATCH (a:Entity)
WHERE a.id = $source OR a.name = $source OR $source IN a.aliases
MATCH (b:Entity)
WHERE b.id = $target OR b.name = $target OR $target IN b.aliases
WITH a, b
WHERE a <> b
MATCH p = allShortestPaths((a)-[:CO_OCCURS|HOLDS_POSITION|ISSUED|AUTHORED|PUBLISHED_IN|PART_OF*..10]-(b))
WHERE all(r IN relationships(p) WHERE type(r) <> 'CO_OCCURS' OR r.in_graph)
WITH DISTINCT nodes(p) AS ns
WITH ns, reduce(s = '', n IN ns | s + n.name + '/') AS names, reduce(s = '', n IN ns | s + n.id + '/') AS ids
ORDER BY names, ids
LIMIT $limit
WITH collect(ns) AS paths
UNWIND range(0, size(paths) - 1) AS i
UNWIND range(0, size(paths[i]) - 1) AS step
WITH i, step, paths[i][step] AS n, CASE WHEN step = 0 THEN null ELSE paths[i][step - 1] END AS prev
RETURN i + 1 AS path, step, n.name AS name, n.type AS type,
       CASE WHEN prev IS NULL THEN [] ELSE
         [t IN ['CO_OCCURS', 'HOLDS_POSITION', 'ISSUED', 'AUTHORED', 'PUBLISHED_IN', 'PART_OF']
          WHERE t IN [(prev)-[r]-(n) WHERE type(r) <> 'CO_OCCURS' OR r.in_graph | type(r)]] END AS via
ORDER BY path, step
