// name: timeline
// answers: In which source documents is a concept mentioned, and how often, in date order (undated documents last)? Follows MENTIONED_IN to :SourceDocument.
// params: $name (string, "新质生产力")
// columns: date, doc, title, mentions
// browser: :param [{name}] => { RETURN "新质生产力" AS name }
MATCH (n:Entity)
WHERE n.id = $name OR n.name = $name OR $name IN n.aliases
MATCH (n)-[m:MENTIONED_IN]->(d:SourceDocument)
WITH d, sum(m.mentions) AS mentions
RETURN coalesce(d.date, '') AS date, d.id AS doc, coalesce(d.title, '') AS title, mentions
ORDER BY date = '', date, doc
