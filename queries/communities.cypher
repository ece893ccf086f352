// name: communities
// answers: The communities of the graph (the build's seeded Louvain run over the kept edges), largest first, with their most central members by PageRank. Entities with no edge in the graph (degree 0) are left out.
// params: $members (integer, 8), $limit (integer, 10)
// columns: community, size, members
// browser: :param [{members, limit}] => { RETURN 8 AS members, 10 AS limit }
MATCH (n:Entity)
WHERE n.degree > 0
WITH n
ORDER BY n.pagerank DESC, n.name, n.id
WITH n.community AS community, collect(n.name) AS names
RETURN community, size(names) AS size,
       reduce(s = '', x IN names[0..$members] | s + CASE s WHEN '' THEN '' ELSE '、' END + x) AS members
ORDER BY size DESC, community
LIMIT $limit
