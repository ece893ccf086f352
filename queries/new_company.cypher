// name: new_company
// answers: What company did an entity gain in a period: the entities it co-occurs with in $period and did not co-occur with in the period before (the previous year, quarter or month; periods matched as in neighbours_in_period), most shared units first?
// params: $name (string, "新质生产力"), $period (string, "2025"), $limit (integer, 10)
// columns: name, type, count
// browser: :param [{name, period, limit}] => { RETURN "新质生产力" AS name, "2025" AS period, 10 AS limit }
MATCH (n:Entity)
WHERE n.id = $name OR n.name = $name OR $name IN n.aliases
WITH n, CASE
  WHEN size($period) = 4 THEN toString(toInteger($period) - 1)
  WHEN $period CONTAINS '-Q' THEN
    CASE WHEN right($period, 1) = '1' THEN toString(toInteger(left($period, 4)) - 1) + '-Q4'
         ELSE left($period, 6) + toString(toInteger(right($period, 1)) - 1) END
  ELSE left(toString(date($period + '-01') - duration('P1M')), 7)
END AS before
MATCH (n)-[r:CO_OCCURS]-(m:Entity)
WHERE r.periods IS NOT NULL
WITH m, [i IN range(0, size(r.periods) - 1) WHERE r.periods[i] = $period OR r.periods[i] STARTS WITH $period + '-'
         | r.period_counts[i]] AS counts,
     [p IN r.periods WHERE p = before OR p STARTS WITH before + '-'] AS earlier
WHERE size(counts) > 0 AND size(earlier) = 0
RETURN m.name AS name, m.type AS type, reduce(total = 0, c IN counts | total + c) AS count
ORDER BY count DESC, name, m.id
LIMIT $limit
