// name: sub_units
// answers: What are an institution's sub-units? Every institution reaching it through PART_OF, with the unit it is directly part of and its depth (1 = direct sub-unit).
// params: $name (string, "天津大学")
// columns: unit, parent, depth, count
// browser: :param [{name}] => { RETURN "天津大学" AS name }
MATCH (i:Institution)
WHERE i.id = $name OR i.name = $name OR $name IN i.aliases
MATCH p = (u:Institution)-[:PART_OF*]->(i)
WHERE u <> i
WITH DISTINCT u, nodes(p)[1] AS up, length(p) AS depth
MATCH (u)-[r:PART_OF]->(up)
RETURN u.name AS unit, up.name AS parent, depth, r.count AS count
ORDER BY depth, parent, unit, u.id, up.id
