// name: pair_evidence
// answers: Why are two entities linked? The evidence sentences of every relationship between them: CO_OCCURS (in_graph or not) and typed relations, each sentence with its reference (doc#sentence:start-end, or doc:start-end for typed relations).
// params: $a (string, "新质生产力"), $b (string, "高质量发展")
// columns: relation, detail, source, target, ref, sentence
// browser: :param [{a, b}] => { RETURN "新质生产力" AS a, "高质量发展" AS b }
MATCH (a:Entity)
WHERE a.id = $a OR a.name = $a OR $a IN a.aliases
MATCH (b:Entity)
WHERE b.id = $b OR b.name = $b OR $b IN b.aliases
MATCH (a)-[r:CO_OCCURS|HOLDS_POSITION|ISSUED|AUTHORED|PUBLISHED_IN|PART_OF]-(b)
WITH r, startNode(r) AS s, endNode(r) AS t
UNWIND range(0, size(coalesce(r.evidence, [])) - 1) AS i
RETURN type(r) AS relation, coalesce(r.detail, '') AS detail, s.name AS source, t.name AS target,
       r.evidence_refs[i] AS ref, r.evidence[i] AS sentence
ORDER BY relation, detail, s.id, t.id, i
