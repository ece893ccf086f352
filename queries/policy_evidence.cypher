// name: policy_evidence
// answers: The sentences that tie a policy to its partners: the evidence kept on each CO_OCCURS pair (every pair, in_graph or not, seen in at least $min_count sentences), strongest partner (NPMI) first, each with its reference (doc#sentence:start-end); at most $limit sentences.
// params: $name (string, "新质生产力"), $min_count (integer, 2), $limit (integer, 20)
// columns: partner, partner_type, count, npmi, ref, sentence
// browser: :param [{name, min_count, limit}] => { RETURN "新质生产力" AS name, 2 AS min_count, 20 AS limit }
MATCH (p:Policy)
WHERE p.id = $name OR p.name = $name OR $name IN p.aliases
MATCH (p)-[r:CO_OCCURS]-(n:Entity)
WHERE r.count >= $min_count
UNWIND range(0, size(coalesce(r.evidence, [])) - 1) AS i
RETURN n.name AS partner, n.type AS partner_type, r.count AS count, round(r.npmi, 6) AS npmi,
       r.evidence_refs[i] AS ref, r.evidence[i] AS sentence
ORDER BY npmi DESC, count DESC, partner, n.id, i
LIMIT $limit
