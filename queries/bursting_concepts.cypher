// name: bursting_concepts
// answers: Which entities had a burst, strongest first? Kleinberg's two-state burst detection over the build's time slices (the documents mentioning an entity among each slice's dated documents, as CiteSpace runs it); burst_start and burst_end are slices (years, quarters or months), strength the burst's weight; $type "" for every type.
// params: $type (string, "Policy"), $limit (integer, 20)
// columns: name, type, burst_start, burst_end, strength, first_date, mentions
// browser: :param [{type, limit}] => { RETURN "Policy" AS type, 20 AS limit }
MATCH (n:Entity)
WHERE ($type = '' OR n.type = $type) AND n.burst_strength IS NOT NULL
RETURN n.name AS name, n.type AS type, n.burst_start AS burst_start, n.burst_end AS burst_end,
       n.burst_strength AS strength, coalesce(n.first_date, '') AS first_date, n.mentions AS mentions
ORDER BY strength DESC, name, n.id
LIMIT $limit
