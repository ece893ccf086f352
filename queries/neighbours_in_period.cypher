// name: neighbours_in_period
// answers: Which entities co-occur with an entity in a period, and in how many units (sentences, by default) of that period's documents? $period is one of the build's time slices (2023, 2023-Q3 or 2023-09, as the slices are labelled) or a year, which sums its quarters or months; uses every CO_OCCURS pair's periods and period_counts.
// params: $name (string, "新质生产力"), $period (string, "2025"), $limit (integer, 10)
// columns: name, type, count
// browser: :param [{name, period, limit}] => { RETURN "新质生产力" AS name, "2025" AS period, 10 AS limit }
MATCH (n:Entity)
WHERE n.id = $name OR n.name = $name OR $name IN n.aliases
MATCH (n)-[r:CO_OCCURS]-(m:Entity)
WHERE r.periods IS NOT NULL
WITH m, [i IN range(0, size(r.periods) - 1) WHERE r.periods[i] = $period OR r.periods[i] STARTS WITH $period + '-'
         | r.period_counts[i]] AS counts
WHERE size(counts) > 0
RETURN m.name AS name, m.type AS type, reduce(total = 0, c IN counts | total + c) AS count
ORDER BY count DESC, name, m.id
LIMIT $limit
