// name: issued_documents
// answers: Who issued which documents? Every ISSUED relation (Institution -> Document) of one issuer, or of all issuers when $name is "".
// params: $name (string, "")
// columns: issuer, document, first_date, count, sources
// browser: :param [{name}] => { RETURN "" AS name }
MATCH (i:Institution)-[r:ISSUED]->(d:Document)
WHERE $name = '' OR i.id = $name OR i.name = $name OR $name IN i.aliases
RETURN i.name AS issuer, d.name AS document, coalesce(d.first_date, '') AS first_date, r.count AS count,
       coalesce(r.doc_ids, []) AS sources
ORDER BY issuer, document, i.id, d.id
