// name: central_policies
// answers: The most central policies of the graph: PageRank over the kept edges (weighted by count), highest first, with degree, weighted degree, mentions and documents.
// params: $limit (integer, 10)
// columns: name, pagerank, degree, weighted_degree, mentions, documents
// browser: :param [{limit}] => { RETURN 10 AS limit }
MATCH (n:Policy)
RETURN n.name AS name, round(n.pagerank, 8) AS pagerank, n.degree AS degree, toFloat(n.weighted_degree) AS weighted_degree,
       n.mentions AS mentions, n.documents AS documents
ORDER BY n.pagerank DESC, name, n.id
LIMIT $limit
