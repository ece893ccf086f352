// name: rising_concepts
// answers: Which concepts are new? Entities of a type first seen (first_date, their earliest dated document) on or after $since; $since "" means the date of the latest dated source document. Newest first, then most mentioned.
// params: $type (string, "Policy"), $since (string, ""), $limit (integer, 20)
// columns: name, type, first_date, last_date, mentions, documents
// browser: :param [{type, since, limit}] => { RETURN "Policy" AS type, "" AS since, 20 AS limit }
OPTIONAL MATCH (d:SourceDocument)
WHERE coalesce(d.date, '') <> ''
WITH max(d.date) AS latest
WITH CASE WHEN $since = '' THEN latest ELSE $since END AS since
MATCH (n:Entity)
WHERE ($type = '' OR n.type = $type) AND coalesce(n.first_date, '') <> '' AND n.first_date >= since
RETURN n.name AS name, n.type AS type, n.first_date AS first_date, coalesce(n.last_date, '') AS last_date,
       n.mentions AS mentions, n.documents AS documents
ORDER BY first_date DESC, mentions DESC, name, n.id
LIMIT $limit
