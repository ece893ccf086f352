// name: institution_people
// answers: Who holds positions at an institution or any of its sub-units (PART_OF, any depth)? One row per HOLDS_POSITION, with the position as stated.
// params: $name (string, "中国科学技术发展战略研究院")
// columns: person, position, institution, count
// browser: :param [{name}] => { RETURN "中国科学技术发展战略研究院" AS name }
MATCH (i:Institution)
WHERE i.id = $name OR i.name = $name OR $name IN i.aliases
MATCH (u:Institution)-[:PART_OF*0..]->(i)
WITH DISTINCT u
MATCH (p:Person)-[r:HOLDS_POSITION]->(u)
RETURN p.name AS person, coalesce(r.detail, '') AS position, u.name AS institution, r.count AS count
ORDER BY person, institution, position, p.id, u.id
