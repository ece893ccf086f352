"""The exploration queries (queries/*.cypher and their Python twins in queries/library.py).

- every .cypher file has a header (name, answers, params, columns), a Python twin, and passes Neo4j's
  own parser and semantic analysis (@neo4j-cypher/language-support, Cypher 5, built-in functions only)
  against the project's schema, with no error and no warning;
- every twin runs on the seeds build and gives rows for its default parameters;
- the integration test loads the seeds build into Neo4j itself (5.26 Community, tests/neo4jserver.py)
  with the project's loader and compares every query's rows over Bolt with its twin's: same columns,
  same rows, same order;
- ``kg query``: the table, JSON and CSV output, ``--list``, and clear errors.

The shortest-path query filters its relationships as a Neo4j user writes it: a type alternation and a
predicate on every relationship of the path (``WHERE all(r IN relationships(p) WHERE …)``), which
Neo4j applies during the search. (ArcadeDB, the stand-in these tests used before, applied it only
after the search, so the query had to use every co-occurring pair.)
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

import kg
from extractors.errors import KgError, UnknownNameError
from kg.neo4j.schema import LABEL_COLORS, NODE_LABELS, RELATIONSHIP_TYPES
from kg.neo4j.statements import property_keys
from queries.library import QUERIES, QUERY_DIR, TWINS, NameParam, Query, get, name_params, parse_header
from queries.run import KNOWN_DOCUMENTS, KNOWN_ENTITIES, NAMES_FOUND, run_query
from tests.jstools import run_node

CYPHER_FILES = sorted(QUERY_DIR.glob("*.cypher"))
NAMES = [p.stem for p in CYPHER_FILES]

#: More parameter sets (beyond the defaults) compared between Neo4j and the twins: aliases, ids,
#: filters, several paths, empty answers.
EXTRA_CASES = [
    ("ego", {"name": "科学技术部"}),  # an alias of 科技部
    ("ego", {"name": "新质生产力"}),
    ("neighbours", {"name": "高质量发展", "type": "Policy", "min_count": 2, "limit": 50}),
    ("neighbours", {"name": "pol_f29ce40160c3", "limit": 1000}),  # an id
    ("neighbours", {"name": "不存在的概念"}),  # nothing matches: no rows on either side
    ("shortest_path", {"source": "张希", "target": "新质生产力", "limit": 10}),
    ("shortest_path", {"source": "阴和俊", "target": "新质生产力"}),  # not connected
    ("policy_actors", {"name": "高质量发展", "min_count": 1, "limit": 100}),
    ("policy_evidence", {"name": "高质量发展", "min_count": 1, "limit": 200}),
    ("pair_evidence", {"a": "刘冬梅", "b": "中国科学技术发展战略研究院"}),  # CO_OCCURS and two HOLDS_POSITION
    ("common_neighbours", {"a": "人工智能", "b": "新质生产力", "limit": 100}),
    ("communities", {"members": 3, "limit": 1000}),
    ("central_policies", {"limit": 1000}),
    ("timeline", {"name": "科技部"}),
    ("rising_concepts", {"type": "", "since": "2024", "limit": 1000}),
    ("document_entities", {"doc": "003_846a3d207423c563", "type": "", "limit": 1000}),
    ("person_relations", {"name": "张希"}),
    ("institution_people", {"name": "清华大学"}),
    ("sub_units", {"name": "中国科学技术发展战略研究院"}),
    ("issued_documents", {"name": "国务院"}),
    ("bursting_concepts", {"type": "", "limit": 1000}),
    ("neighbours_in_period", {"name": "新质生产力", "period": "2024", "limit": 1000}),
    ("neighbours_in_period", {"name": "高质量发展", "period": "2025-03", "limit": 10}),  # not a slice: no rows
    ("new_company", {"name": "高质量发展", "period": "2025", "limit": 1000}),
    ("new_company", {"name": "新质生产力", "period": "2024", "limit": 1000}),  # everything is new in the first year
]


@pytest.fixture(scope="module")
def graph(seeds_build):
    return kg.load(seeds_build.out)


def body(query: Query) -> str:
    """The statement without its header comments."""
    return "\n".join(line for line in query.cypher.splitlines() if not line.lstrip().startswith("//"))


# --- the files ---------------------------------------------------------------------------------------------

def test_there_are_at_least_fourteen_queries():
    assert len(CYPHER_FILES) >= 14
    assert sorted(QUERIES) == NAMES


@pytest.mark.parametrize("path", CYPHER_FILES, ids=NAMES)
def test_header(path: Path):
    header = parse_header(path.read_text(encoding="utf-8"), where=str(path))
    assert header["name"] == path.stem
    assert len(header["answers"]) > 30
    query = QUERIES[path.stem]
    assert query.columns and all(re.fullmatch(r"[a-z_]+", c) for c in query.columns)
    assert path.stem in TWINS


def browser_params(line: str) -> dict:
    """The parameters a header's `// browser: :param [{a, b}] => { RETURN 1 AS a, "x" AS b }` line sets."""
    m = re.fullmatch(r"// browser: :param \[\{([\w, ]+)\}\] => \{ RETURN (.*) \}", line)
    assert m, line
    names = [n.strip() for n in m.group(1).split(",")]
    items = re.findall(r'("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?) AS (\w+)(?:, |$)', m.group(2))
    assert ", ".join(f"{v} AS {k}" for v, k in items) == m.group(2)
    assert names == [k for _, k in items]
    return {k: json.loads(v) for v, k in items}


@pytest.mark.parametrize("name", NAMES)
def test_browser_line_sets_the_defaults(name):
    """The header's `// browser:` line sets exactly the declared defaults, with their types: a
    `:param [...] => { RETURN ... }` line (Neo4j evaluates the values: 10 stays an integer), not
    `:params {limit: 10}`, which Browser reads as JavaScript (10.0, refused by LIMIT)."""
    query = QUERIES[name]
    line = next(line for line in query.cypher.splitlines() if line.startswith("// browser:"))
    values = browser_params(line)
    assert values == query.defaults
    assert [type(v) for v in values.values()] == [type(v) for v in query.defaults.values()]


@pytest.mark.parametrize("name", NAMES)
def test_parameters_in_the_statement_are_the_declared_ones(name):
    query = QUERIES[name]
    used = set(re.findall(r"\$([A-Za-z_]\w*)", body(query)))
    assert used == {p.name for p in query.params}


@pytest.mark.parametrize("name", NAMES)
def test_neo4j_5_only_no_apoc_no_gql_shortest(name):
    text = body(QUERIES[name])
    assert "apoc." not in text.lower()
    assert not re.search(r"\bSHORTEST\b", text, re.I)  # GQL SHORTEST k; shortestPath() is fine
    assert not re.search(r"\bCYPHER\s+25\b", text)
    assert re.search(r"\bORDER BY\b", text), "results must come in a deterministic order"


@pytest.mark.parametrize("name", NAMES)
def test_matches_are_labelled(name):
    """A node variable's first appearance in a pattern carries a label (variables bound otherwise, by
    UNWIND or AS, come first in the text)."""
    text = re.sub(r"'[^']*'", "''", body(QUERIES[name]))
    seen: set[str] = set()
    for m in re.finditer(r"(?<![\w.])(\w+)\b|(?<![\w])\(\s*(\w+)\s*(:\s*\w+)?\s*(?=[){:])", text):
        if m.group(2):  # a node pattern
            var = m.group(2)
            if var not in seen:
                assert m.group(3), f"{name}: ({var}) is matched without a label"
            seen.add(var)
        else:
            seen.add(m.group(1))


# --- Neo4j's parser ----------------------------------------------------------------------------------------

def lint_schema() -> dict:
    return {"labels": list(NODE_LABELS), "relationshipTypes": list(RELATIONSHIP_TYPES), "propertyKeys": property_keys()}


@pytest.fixture(scope="module")
def lint_results(node) -> dict[str, list[dict]]:
    queries = [{"name": n, "text": q.cypher, "parameters": q.defaults} for n, q in QUERIES.items()]
    queries += [  # the statements kg query --uri reads to check the names of an empty answer
        {"name": f"check:{n}", "text": text, "parameters": params} for n, text, params in (
            ("NAMES_FOUND", NAMES_FOUND, {"names": [{"param": "name", "value": "新质"}]}),
            ("KNOWN_ENTITIES", KNOWN_ENTITIES, {}),
            ("KNOWN_DOCUMENTS", KNOWN_DOCUMENTS, {}),
        )
    ]
    queries += [  # known-bad statements: the linter does report what the tests rely on
        {"name": "bad:apoc", "text": "MATCH (n:Entity) RETURN apoc.coll.sort([n.name]) AS x", "parameters": {}},
        {"name": "bad:param", "text": "MATCH (n:Entity) WHERE n.name = $nope RETURN n.name AS x", "parameters": {}},
        {"name": "bad:syntax", "text": "MATCH (n:Entity) RETURN n.name AS x ORDER", "parameters": {}},
        {"name": "bad:property", "text": "MATCH (n:Entity) RETURN n.nmae AS x", "parameters": {}},
    ]
    out = run_node("lint_queries.mjs", input=json.dumps({"schema": lint_schema(), "queries": queries}), timeout=300)
    return {r["name"]: r["diagnostics"] for r in out}


def test_the_linter_reports_problems(lint_results):
    for name in ("bad:apoc", "bad:param", "bad:syntax"):
        assert any(d["severity"] == 1 for d in lint_results[name]), name
    assert [d["severity"] for d in lint_results["bad:property"]] == [2]


@pytest.mark.parametrize("name", NAMES)
def test_neo4j_parser_accepts(name, lint_results):
    errors = [d for d in lint_results[name] if d["severity"] == 1]
    assert errors == [], f"{name}: {errors}"


@pytest.mark.parametrize("name", ["NAMES_FOUND", "KNOWN_ENTITIES", "KNOWN_DOCUMENTS"])
def test_neo4j_parser_accepts_the_name_checks(name, lint_results):
    assert lint_results[f"check:{name}"] == []


@pytest.mark.parametrize("name", NAMES)
def test_neo4j_parser_has_no_warnings(name, lint_results):
    """Labels, types and properties are all in the schema; no deprecations, no unbounded paths."""
    assert lint_results[name] == [], f"{name}: {lint_results[name]}"


# --- the Python twins --------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_twin_runs_on_the_seeds(name, graph):
    query = QUERIES[name]
    rows = query.run_python(graph)
    assert rows, f"{name} gives no rows for its defaults on the seeds"
    for row in rows:
        assert tuple(row) == query.columns
    json.dumps(rows, ensure_ascii=False, allow_nan=False)  # plain values only
    assert query.run_python(graph) == rows  # deterministic


def test_twins_agree_with_the_notebook_helpers(graph):
    top = graph.neighbours("新质生产力", k=5)
    assert [r["name"] for r in QUERIES["neighbours"].run_python(graph, limit=5)] == list(top["name"])
    assert [r["name"] for r in QUERIES["central_policies"].run_python(graph, limit=5)] == list(graph.top("Policy", k=5)["name"])
    path = graph.path("张希", "全国人民代表大会")
    rows = QUERIES["shortest_path"].run_python(graph, source="张希", target="全国人民代表大会")
    assert [r["name"] for r in rows if r["path"] == 1] == list(path["name"])


def test_matches_by_name_alias_and_id(graph):
    eid = graph.id("科技部")
    assert graph.matches("科技部") == graph.matches("科学技术部") == graph.matches(eid) == [eid]
    assert graph.matches("科技部", type="Policy") == []
    assert graph.matches("不存在") == []


def test_bind_checks_parameters():
    query = get("neighbours")
    assert query.bind({"limit": "5"})["limit"] == 5
    assert query.bind()["name"] == "新质生产力"
    with pytest.raises(KgError, match="no parameter nme"):
        query.bind({"nme": "x"})
    with pytest.raises(KgError, match="expected an integer"):
        query.bind({"limit": "ten"})
    with pytest.raises(KgError, match="0 or more"):
        query.bind({"limit": -1})
    with pytest.raises(KgError, match="no query named 'nope'"):
        get("nope")


# --- names that name nothing ----------------------------------------------------------------------------------

#: Which parameters of each query name what (read from the statements, queries.library.name_params).
NAME_PARAMS = {
    "common_neighbours": [("a", "Entity"), ("b", "Entity")],
    "document_entities": [("doc", "SourceDocument")],
    "ego": [("name", "Entity")],
    "institution_people": [("name", "Institution")],
    "issued_documents": [("name", "Institution")],
    "neighbours": [("name", "Entity")],
    "neighbours_in_period": [("name", "Entity")],
    "new_company": [("name", "Entity")],
    "pair_evidence": [("a", "Entity"), ("b", "Entity")],
    "person_relations": [("name", "Person")],
    "policy_actors": [("name", "Policy")],
    "policy_evidence": [("name", "Policy")],
    "shortest_path": [("source", "Entity"), ("target", "Entity")],
    "sub_units": [("name", "Institution")],
    "timeline": [("name", "Entity")],
}
#: String parameters that name nothing: entity-type filters and a date.
NOT_NAMES = {("document_entities", "type"), ("neighbours", "type"), ("rising_concepts", "type"), ("rising_concepts", "since"),
             ("bursting_concepts", "type"), ("neighbours_in_period", "period"), ("new_company", "period")}


def test_name_parameters_are_read_from_the_statements():
    assert {n: [(p.name, p.label) for p in q.names] for n, q in QUERIES.items() if q.names} == NAME_PARAMS
    assert [p.name for p in QUERIES["issued_documents"].names if p.optional] == ["name"]
    assert {n for n, q in QUERIES.items() if q.types} == {"bursting_concepts", "document_entities", "neighbours", "rising_concepts"}


def test_every_string_parameter_is_a_name_or_declared_otherwise():
    """A new query whose name parameter the pattern does not recognise would answer a typo with no rows."""
    for n, q in QUERIES.items():
        for p in q.params:
            if p.type == "string":
                assert (n, p.name) in NOT_NAMES or p.name in dict(NAME_PARAMS.get(n, [])), (n, p.name)


def test_name_params_need_a_labelled_node():
    with pytest.raises(KgError, match="without a label"):
        name_params("MATCH (c)\nWHERE c.id = $x OR c.name = $x OR $x IN c.aliases RETURN c", where="q")
    assert name_params("MATCH (c:Person) WHERE c.id = $x OR c.name = $x OR $x IN c.aliases") == (NameParam("x", "Person"),)


#: (query, params, the parameter at fault, the first suggestion or None, words of the message)
UNKNOWN_NAMES = [
    ("neighbours", {"name": "新质"}, "name", "新质生产力", "no entity is named '新质'"),  # a part of the name
    ("neighbours", {"name": "新質生產力"}, "name", "新质生产力", "no entity"),  # traditional characters
    ("neighbours", {"name": "新制生产力"}, "name", "新质生产力", "no entity"),  # a typo
    ("timeline", {"name": "发展新质生产力"}, "name", "新质生产力", "no entity"),  # a longer phrase
    ("ego", {"name": "科技 部"}, "name", "科技部", "no entity"),
    ("common_neighbours", {"a": "新质生产力", "b": "人工只能"}, "b", "人工智能", "no entity is named '人工只能'"),
    ("shortest_path", {"source": "清华大", "target": "高质量发展"}, "source", "清华大学", "no entity"),
    ("policy_actors", {"name": "科技部"}, "name", None, "no Policy is named '科技部' (it names an Institution)"),
    ("person_relations", {"name": "刘冬"}, "name", "刘冬梅", "no Person is named '刘冬'"),
    ("issued_documents", {"name": "国务"}, "name", "国务院", "no Institution is named '国务'"),
    ("document_entities", {"doc": "003"}, "doc", "003_846a3d207423c563", "no document has the id, title or path '003'"),
    ("neighbours", {"name": "不存在的概念"}, "name", None, "no entity is named '不存在的概念', and no entity has a name like it"),
    ("neighbours", {"name": " "}, "name", None, "expected the name of an entity"),
]


@pytest.mark.parametrize("name,params,param,first,message", UNKNOWN_NAMES, ids=[f"{c[0]}-{i}" for i, c in enumerate(UNKNOWN_NAMES)])
def test_an_unknown_name_raises_with_the_nearest_names(name, params, param, first, message, graph):
    query = QUERIES[name]
    assert query.answer(graph, params) == []  # the twin answers as the Cypher does
    with pytest.raises(UnknownNameError) as caught:
        query.run_python(graph, **params)
    assert caught.value.param == param and message in str(caught.value)
    assert (caught.value.suggestions[:1] or [None])[0] == first
    assert len(caught.value.suggestions) <= 5


def test_a_known_name_without_rows_is_no_error(graph):
    assert QUERIES["shortest_path"].run_python(graph, source="阴和俊", target="新质生产力") == []  # not connected
    assert QUERIES["issued_documents"].run_python(graph, name="") != []  # "" is any issuer


@pytest.mark.parametrize("name,value,meant", [("neighbours", "policy", "Policy"), ("rising_concepts", "Polcy", "Policy"),
                                              ("document_entities", "person", "Person")])
def test_an_unknown_entity_type_is_refused_before_running(name, value, meant, graph):
    with pytest.raises(KgError, match=f"did you mean '{meant}'") as caught:
        QUERIES[name].run_python(graph, type=value)
    assert caught.value.param == "type"


def test_kg_query_unknown_name_exits_with_an_error(seeds_build, capsys):
    from kg.cli import main

    assert main(["query", "neighbours", "-p", "name=新质", str(seeds_build.out)]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.startswith("Error: no entity is named '新质'; did you mean '新质生产力'")
    assert out.err.rstrip().endswith("(option --param name)")


# --- in Neo4j (a real Bolt server) -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def loaded(neo4j_server, seeds_build):
    """The seeds build loaded, with the project's loader, into the emptied database for this module."""
    from kg.neo4j.load import load_folder

    neo4j_server.reset()
    load_folder(seeds_build.out, uri=neo4j_server.uri, user=neo4j_server.user, password=neo4j_server.password,
                database=neo4j_server.database)
    return neo4j_server, neo4j_server.database


def run_in_neo4j(loaded, query: Query, params: dict) -> tuple[list[str], list[dict]]:
    from neo4j import GraphDatabase

    server, database = loaded
    with GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver:
        with driver.session(database=database) as session:
            result = session.run(query.cypher, query.bind(params))
            return list(result.keys()), [record.data() for record in result]


@pytest.mark.parametrize("name", NAMES)
def test_neo4j_and_python_give_the_same_rows(name, loaded, graph):
    query = QUERIES[name]
    keys, rows = run_in_neo4j(loaded, query, {})
    assert tuple(keys) == query.columns
    assert rows, f"{name} gives no rows in Neo4j for its defaults"
    assert rows == query.answer(graph) == query.run_python(graph)


@pytest.mark.parametrize("name,params", EXTRA_CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(EXTRA_CASES)])
def test_neo4j_and_python_agree_on_more_parameters(name, params, loaded, graph):
    query = QUERIES[name]
    keys, rows = run_in_neo4j(loaded, query, params)
    assert tuple(keys) == query.columns
    assert rows == query.answer(graph, params)  # the twin's rows (run_python raises for an unknown name)


def test_every_query_in_the_extra_cases_or_defaults_has_rows_somewhere(graph):
    with_rows = {n for n, p in EXTRA_CASES if QUERIES[n].answer(graph, p)}
    assert {"ego", "shortest_path", "pair_evidence"} <= with_rows


def test_kg_query_over_bolt(loaded, seeds_build, monkeypatch, capsys):
    from kg.cli import main

    server, database = loaded
    monkeypatch.setenv("NEO4J_PASSWORD", server.password)
    code = main(["query", "neighbours", "--param", "name=新质生产力", "--uri", server.uri, "--user", server.user,
                 "--database", database, "--format", "json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert json.loads(out.out) == QUERIES["neighbours"].run_python(kg.load(seeds_build.out), name="新质生产力")
    assert server.password not in out.out + out.err


def test_kg_query_over_bolt_errors_without_the_password(loaded, monkeypatch, capsys):
    from kg.cli import main

    server, database = loaded
    monkeypatch.setenv("NEO4J_PASSWORD", "wrong-" + server.password)
    code = main(["query", "timeline", "--uri", server.uri, "--user", server.user, "--database", database])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("Error: ") and "authentication failed" in err
    assert server.password not in err


@pytest.mark.parametrize("name,params,param,first,message", UNKNOWN_NAMES, ids=[f"{c[0]}-{i}" for i, c in enumerate(UNKNOWN_NAMES)])
def test_an_unknown_name_over_bolt_raises_as_offline(name, params, param, first, message, loaded, seeds_build):
    server, database = loaded
    environ = {"NEO4J_PASSWORD": server.password}
    with pytest.raises(UnknownNameError) as offline:
        run_query(name, params, out=seeds_build.out)
    with pytest.raises(UnknownNameError) as bolt:
        run_query(name, params, uri=server.uri, user=server.user, database=database, environ=environ)
    assert (bolt.value.param, str(bolt.value), bolt.value.suggestions) == (offline.value.param, str(offline.value), offline.value.suggestions)


def test_a_known_name_without_rows_over_bolt_is_no_error(loaded):
    server, database = loaded
    result = run_query("shortest_path", {"source": "阴和俊", "target": "新质生产力"}, uri=server.uri, user=server.user,
                       database=database, environ={"NEO4J_PASSWORD": server.password})
    assert result.rows == []


def test_kg_query_over_bolt_unknown_name(loaded, monkeypatch, capsys):
    from kg.cli import main

    server, database = loaded
    monkeypatch.setenv("NEO4J_PASSWORD", server.password)
    code = main(["query", "policy_evidence", "-p", "name=新质", "--uri", server.uri, "--user", server.user, "--database", database])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("Error: no Policy is named '新质'; did you mean '新质生产力'")
    assert "(option --param name)" in err and server.password not in err


# --- kg query ----------------------------------------------------------------------------------------------

def test_kg_query_prints_a_table(seeds_build, capsys):
    from kg.cli import main

    assert main(["query", "neighbours", "--param", "name=新质生产力", str(seeds_build.out)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == list(QUERIES["neighbours"].columns)
    assert set(out[1]) <= {"─", " "}
    first = QUERIES["neighbours"].run_python(kg.load(seeds_build.out))[0]
    assert out[2].split()[0] == first["name"]
    assert out[-1].startswith("(10 rows: neighbours over ")


def test_kg_query_options_may_come_before_or_after_out(seeds_build, capsys):
    from kg.cli import main

    assert main(["query", "timeline", str(seeds_build.out), "-p", "name=高质量发展", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    expected = QUERIES["timeline"].run_python(kg.load(seeds_build.out), name="高质量发展")
    assert [r["doc"] for r in rows] == [r["doc"] for r in expected]
    assert [int(r["mentions"]) for r in rows] == [r["mentions"] for r in expected]


def test_kg_query_json_lists_stay_lists(seeds_build, capsys):
    from kg.cli import main

    assert main(["query", "person_relations", str(seeds_build.out), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == QUERIES["person_relations"].run_python(kg.load(seeds_build.out))
    assert all(isinstance(r["documents"], list) for r in rows)


def test_kg_query_list(capsys):
    from kg.cli import main

    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    for name, query in QUERIES.items():
        assert re.search(rf"^{name}\s", out, re.M), name
        for p in query.params:
            assert f"--param {p.name}=" in out
    assert "新质生产力" in out


@pytest.mark.parametrize("argv,message", [
    (["query", "no_such_query", "OUT"], "no query named 'no_such_query'"),
    (["query", "neighbours", "--param", "nme=新质生产力", "OUT"], "has no parameter nme"),
    (["query", "neighbours", "--param", "limit=ten", "OUT"], "expected an integer"),
    (["query", "neighbours", "--param", "limit", "OUT"], "expected key=value"),
    (["query"], "name a query"),
    (["query", "neighbours", "OUT", "--user", "neo4j"], "needs a Neo4j URI (without one the query runs offline over the output folder) (option --uri)"),
    (["query", "neighbours", "--uri", "http://localhost:7474"], "is not a Neo4j URI"),
    (["query", "neighbours", "--uri", "bolt://neo4j:secret-not-shown@localhost"], "must not hold a user or password"),
])
def test_kg_query_errors(argv, message, seeds_build, capsys, monkeypatch):
    from kg.cli import main

    monkeypatch.setenv("NEO4J_PASSWORD", "secret-not-shown")
    code = main([str(seeds_build.out) if a == "OUT" else a for a in argv])
    err = capsys.readouterr().err
    assert code != 0
    assert err.startswith("Error: ") and message in err
    assert "secret-not-shown" not in err and "Traceback" not in err


def test_kg_query_missing_folder(tmp_path, capsys):
    from kg.cli import main

    assert main(["query", "neighbours", str(tmp_path / "nothing")]) == 1
    assert "output folder of `kg build`" in capsys.readouterr().err


def test_kg_query_help(capsys):
    from kg.cli import main

    with pytest.raises(SystemExit):
        main(["query", "--help"])
    out = capsys.readouterr().out
    assert "NEO4J_PASSWORD" in out and "--param" in out and "--list" in out


# --- the Browser style and the README ----------------------------------------------------------------------

def parse_grass(text: str) -> dict[str, dict[str, str]]:
    """Neo4j Browser's GraSS parser (GraphStyleModel.parse in neo4j-browser), ported: braces delimit rules
    outside single-quoted strings, single quotes are dropped, whitespace is dropped from selectors."""
    rules, keyword, props, inside_string, inside_props = {}, "", "", False, False
    for c in text:
        if c == "{" and not inside_string:
            inside_props = True
            continue
        if c == "}" and not inside_string:
            inside_props = False
            rules[keyword] = props
            keyword, props = "", ""
            continue
        if c == "'":
            inside_string = not inside_string
            continue
        if inside_props:
            props += c
        elif not c.isspace():
            keyword += c
    out = {}
    for selector, body_ in rules.items():
        out[selector] = {}
        for prop in body_.split(";"):
            key, _, value = prop.partition(":")
            if key.strip() and value.strip():
                out[selector][key.strip()] = value.strip()
    return out


def test_style_gives_each_label_its_colour_and_caption():
    style = parse_grass((QUERY_DIR / "style.grass").read_text(encoding="utf-8"))
    assert set(style) >= {"node", "relationship"}
    for label, colour in LABEL_COLORS.items():
        rule = style[f"node.{label}"]
        assert rule["color"] == colour
        assert rule["caption"] == ("{title}" if label == "SourceDocument" else "{name}")
        assert re.fullmatch(r"\d+px", rule["diameter"])
    assert set(LABEL_COLORS) == set(NODE_LABELS) - {"Entity"}
    for type_ in RELATIONSHIP_TYPES:
        assert style[f"relationship.{type_}"]["caption"] == ("{detail}" if type_ == "HOLDS_POSITION" else "<type>")
    sizes = {style[f"node.{label}"]["diameter"] for label in LABEL_COLORS}
    assert len(sizes) > 1  # sized by label


def test_readme_lists_every_query():
    readme = (QUERY_DIR / "README.md").read_text(encoding="utf-8")
    for name in NAMES:
        assert re.search(rf"^\| `{name}` \|", readme, re.M), name
    assert ":style" in readme and "favourites" in readme.lower()
