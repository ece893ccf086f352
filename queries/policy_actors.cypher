// name: policy_actors
// answers: Which institutions and people are tied to a policy? Those co-occurring with it (every pair seen in at least $min_count sentences; strongest NPMI first, at most $limit), each followed by the people and institutions a typed relation (HOLDS_POSITION, PART_OF) links to it that are not in the list themselves.
// params: $name (string, "新质生产力"), $min_count (integer, 1), $limit (integer, 20)
// columns: name, type, tie, via, count, npmi
// browser: :param [{name, min_count, limit}] => { RETURN "新质生产力" AS name, 1 AS min_count, 20 AS limit }
MATCH (p:Policy)
WHERE p.id = $name OR p.name = $name OR $name IN p.aliases
MATCH (p)-[r:CO_OCCURS]-(a:Entity)
WHERE (a:Person OR a:Institution) AND r.count >= $min_count
WITH a, r
ORDER BY r.npmi DESC, r.count DESC, a.name, a.id
LIMIT $limit
WITH collect({actor: a, r: r}) AS direct
WITH direct, [d IN direct | d.actor] AS actors
UNWIND range(0, size(direct) - 1) AS i
WITH actors, i, direct[i].actor AS a, direct[i].r AS r
UNWIND [{name: a.name, type: a.type, tie: 'CO_OCCURS', via: '', count: r.count, npmi: round(r.npmi, 6), id: a.id, hop: 0}] +
       [(a)-[t:HOLDS_POSITION|PART_OF]-(x:Entity) WHERE (x:Person OR x:Institution) AND NOT x IN actors |
        {name: x.name, type: x.type, tie: type(t) + CASE coalesce(t.detail, '') WHEN '' THEN '' ELSE ' ' + t.detail END,
         via: a.name, count: t.count, npmi: null, id: x.id, hop: 1}] AS row
RETURN row.name AS name, row.type AS type, row.tie AS tie, row.via AS via, row.count AS count, row.npmi AS npmi
ORDER BY i, row.hop, name, tie, row.id
