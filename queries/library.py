"""The exploration queries, each answered in two places: Cypher for Neo4j Browser, Python for notebooks.

Every query is a file ``queries/<name>.cypher`` whose header says what it answers, its parameters
(with types and defaults) and its result columns::

    // name: neighbours
    // answers: Which entities co-occur with a concept, ...
    // params: $name (string, "新质生产力"), $min_count (integer, 1), $limit (integer, 10)
    // columns: name, type, count, doc_count, npmi, pmi, jaccard, in_graph
    // browser: :param [{name, min_count, limit}] => { RETURN "新质生产力" AS name, 1 AS min_count, 10 AS limit }

and a Python twin here that answers the same question over the files of ``kg build`` (a
``kg.notebook.KnowledgeGraph``): the same columns, the same rows in the same order, the same values
(floats rounded as the Cypher rounds them). ``QUERIES`` maps each name to a ``Query``::

    from queries.library import QUERIES
    import kg
    g = kg.load("out/")
    QUERIES["neighbours"].run_python(g, name="新质生产力", limit=5)   # list of dicts
    QUERIES["neighbours"].cypher                                     # the text for Neo4j

Which edges each side sees is part of each query's definition (its ``answers`` line):

- Neo4j holds every co-occurring pair (``CO_OCCURS``, with ``in_graph`` true when the build's
  filters kept it) and every typed relation; relations.csv holds the same rows.
- graph.json (``KnowledgeGraph.graph``) holds only the kept edges: ``in_graph`` co-occurrence
  and the typed relations.

So neighbours, common neighbours, evidence and shortest paths use every pair (the tables); the ego
network uses the graph (``in_graph`` or typed). PageRank, degree and communities are the build's,
stored on the entities. Names are matched as the Cypher matches them: id, canonical name or alias
(``KnowledgeGraph.matches``); a name that matches nothing gives no rows (``Query.answer``, the
twin's rows, equal to the Cypher's).

For a user, no rows for a mistyped name reads as "nothing there". So ``run_python`` (and ``kg query``,
offline and over Bolt, queries/run.py) checks the names given when an answer has no rows: a name that
names nothing (or nothing of the type the query takes) raises ``UnknownNameError`` with the nearest
names (``kg.lookup``: 新质 -> 新质生产力). Which parameters are names, and of what, is read from the
statement itself (``name_params``: ``x.id = $p OR x.name = $p OR $p IN x.aliases`` with ``x``'s label).
An entity type parameter (``n.type = $type``) must be one of the entity types (or "" where the
statement allows it), checked before running.

Ordering mirrors each ``ORDER BY`` exactly, ending on names and ids, so the two sides can be compared
row by row (string order is by code point on both sides for the BMP; Java compares UTF-16 units, so
names with characters beyond U+FFFF may order differently).
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

import networkx as nx
import pandas as pd

from extractors.errors import KgError
from extractors.records import CO_OCCURS, ENTITY_TYPES, RELATION_TYPES
from kg.lookup import Known, check_choice, matching, unknown_name
from kg.notebook import KnowledgeGraph
from kg.periods import previous_period
from kg.tables import LIST_SEPARATOR, split_evidence

QUERY_DIR = Path(__file__).resolve().parent
PARAM_TYPES: dict[str, type] = {"string": str, "integer": int, "float": float}
HEADER_FIELDS = ("name", "answers", "params", "columns")
#: The relationship types between entities, in the order ``shortest_path`` lists them in ``via``.
ENTITY_RELATIONS = RELATION_TYPES
MAX_HOPS = 10  # shortest_path's bound ([*..10]: Neo4j warns about unbounded shortest paths)
DIGITS = 6  # floats are rounded to 6 decimals on both sides (PageRank: 8)

Row = dict[str, Any]


# --- the registry -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Param:
    name: str
    type: str  # "string" | "integer" | "float"
    default: Any

    def coerce(self, value: Any, *, query: str) -> Any:
        """The value as this parameter's type: from a string (the command line) or a Python value."""
        where = f"parameter {self.name} of query {query}"
        if self.type == "string":
            if not isinstance(value, str):
                raise KgError(f"{where}: expected a string, got {value!r}")
            return value
        if isinstance(value, bool):
            raise KgError(f"{where}: expected {'an integer' if self.type == 'integer' else 'a number'}, got {value!r}")
        if self.type == "integer":
            if isinstance(value, str):
                try:
                    value = int(value.strip())
                except ValueError:
                    raise KgError(f"{where}: expected an integer, got {value!r}") from None
            if not isinstance(value, int):
                raise KgError(f"{where}: expected an integer, got {value!r}")
            if value < 0:
                raise KgError(f"{where}: expected 0 or more, got {value}")
            return value
        if isinstance(value, str):
            try:
                value = float(value.strip())
            except ValueError:
                raise KgError(f"{where}: expected a number, got {value!r}") from None
        if not isinstance(value, (int, float)) or not math.isfinite(value):
            raise KgError(f"{where}: expected a number, got {value!r}")
        return float(value)

    def describe(self) -> str:
        """``name=新质生产力 (string)``: as given on the command line, with its default."""
        shown = json.dumps(self.default, ensure_ascii=False) if self.default == "" else str(self.default)
        return f"{self.name}={shown} ({self.type})"


@dataclass(frozen=True)
class NameParam:
    """A parameter the statement matches against names: of an entity (``label`` "Entity" or a type
    label, the node it must name) or of a source document (``label`` "SourceDocument": its id, title or
    path). ``optional``: the statement takes "" as "any" (``$p = '' OR ...``)."""

    name: str
    label: str
    optional: bool = False


ENTITY_LABEL, DOCUMENT_LABEL = "Entity", "SourceDocument"
_ENTITY_NAME = re.compile(r"\b(\w+)\.id = \$(\w+) OR \1\.name = \$\2 OR \$\2 IN \1\.aliases\b")
_DOCUMENT_NAME = re.compile(r"\b(\w+)\.id = \$(\w+) OR \1\.title = \$\2 OR \1\.path = \$\2\b")
_TYPE_FILTER = re.compile(r"\b\w+\.type = \$(\w+)\b")


def name_params(statement: str, *, where: str = "query") -> tuple[NameParam, ...]:
    """The parameters ``statement`` matches against names (see NameParam), in the order they appear."""
    found = []
    for pattern in (_ENTITY_NAME, _DOCUMENT_NAME):
        for m in pattern.finditer(statement):
            var, param = m.groups()
            label = re.search(rf"\(\s*{var}\s*:\s*(\w+)", statement)
            if label is None:
                raise KgError(f"{where}: ({var}) that ${param} names is matched without a label")
            found.append((m.start(), NameParam(param, label.group(1), f"${param} = ''" in statement)))
    return tuple(p for _, p in sorted(found, key=lambda x: x[0]))


def type_params(statement: str) -> tuple[tuple[str, bool], ...]:
    """The parameters ``statement`` compares with an entity's type: (name, whether "" is allowed)."""
    names = dict.fromkeys(_TYPE_FILTER.findall(statement))
    return tuple((p, f"${p} = ''" in statement) for p in names)


@dataclass(frozen=True)
class Query:
    name: str
    answers: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    cypher: str  # the whole file, header comments included (Neo4j ignores them)
    path: Path
    twin: Callable[..., list[Row]] = field(repr=False, compare=False)
    names: tuple[NameParam, ...] = ()  # the parameters that name an entity or a document
    types: tuple[tuple[str, bool], ...] = ()  # the entity-type parameters, and whether "" is allowed

    @property
    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params}

    def bind(self, params: Mapping[str, Any] | None = None, **more: Any) -> dict[str, Any]:
        """Every parameter of the query, typed: the given values over the defaults. Raises KgError for
        a parameter the query does not have or a value of the wrong type."""
        given = {**(params or {}), **more}
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(known))
        if unknown:
            names = ", ".join(known) or "none"
            raise KgError(f"query {self.name} has no parameter {', '.join(unknown)} (its parameters: {names})")
        bound = {name: (p.coerce(given[name], query=self.name) if name in given else p.default) for name, p in known.items()}
        for name, optional in self.types:
            if not (optional and bound[name] == ""):
                check_choice(bound[name], ENTITY_TYPES, param=name,
                             what=f"{name} (an entity type{', or empty for any' if optional else ''})")
        return bound

    def given_names(self, bound: Mapping[str, Any]) -> list[tuple[NameParam, str]]:
        """The name parameters with the values they were given (an optional one left empty is none)."""
        return [(p, bound[p.name]) for p in self.names if not (p.optional and bound[p.name] == "")]

    def answer(self, kg: KnowledgeGraph, params: Mapping[str, Any] | None = None, **more: Any) -> list[Row]:
        """The twin's rows, as the Cypher gives them: none for a name that names nothing."""
        rows = self.twin(kg, **self.bind(params, **more))
        return [{c: row[c] for c in self.columns} for row in rows]

    def run_python(self, kg: KnowledgeGraph, **params: Any) -> list[Row]:
        """The query's answer over a ``kg build`` output folder loaded with ``kg.load``. When there are no
        rows, the names given are checked: UnknownNameError (a KgError naming the parameter, with the
        nearest names) for one that names nothing of what the query takes."""
        rows = self.answer(kg, params)
        if not rows:
            check_names(self, self.bind(params), matches=lambda p, value: bool(offline_matches(kg, p, value)),
                        known=lambda label: offline_known(kg, label))
        return rows

    def frame(self, kg: KnowledgeGraph, **params: Any) -> pd.DataFrame:
        """``run_python`` as a DataFrame (for a notebook)."""
        return pd.DataFrame(self.run_python(kg, **params), columns=list(self.columns))


def check_names(query: Query, bound: Mapping[str, Any], *, matches: Callable[[NameParam, str], bool],
                known: Callable[[str], Sequence[Known]]) -> None:
    """Raise UnknownNameError for the first name given to ``query`` that names nothing of its label.
    ``matches(param, value)``: does it name something; ``known(label)``: what could be named (every
    entity, or every source document), only asked for when a name is unknown."""
    for p, value in query.given_names(bound):
        if not matches(p, value):
            everything = known(p.label)
            raise unknown_name(value, everything, param=p.name, type=p.label)


def offline_matches(kg: KnowledgeGraph, p: NameParam, value: str) -> list[str]:
    """The ids ``value`` names in a build, as the statement matches ``p``."""
    if p.label == DOCUMENT_LABEL:
        return [k.id for k in matching(value, kg.known_documents())]
    return kg.matches(value, type=None if p.label == ENTITY_LABEL else p.label)


def offline_known(kg: KnowledgeGraph, label: str) -> list[Known]:
    return kg.known_documents() if label == DOCUMENT_LABEL else kg.known()


def parse_header(text: str, *, where: str = "query") -> dict[str, str]:
    """The ``// key: value`` lines at the top of a .cypher file."""
    header: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if not line.startswith("//"):
            break
        m = re.match(r"//\s*([a-z_]+)\s*:\s*(.*)$", line)
        if m:
            header[m.group(1)] = m.group(2).strip()
    missing = [k for k in HEADER_FIELDS if not header.get(k)]
    if missing:
        raise KgError(f"{where}: header lacks {', '.join('// ' + k + ':' for k in missing)}")
    return header


_PARAM = re.compile(r'\$([A-Za-z_][A-Za-z0-9_]*)\s*\(\s*(string|integer|float)\s*,\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)\s*\)')


def parse_params(spec: str, *, where: str = "query") -> tuple[Param, ...]:
    """``$name (string, "新质生产力"), $limit (integer, 10)`` -> Params; "none" for no parameters."""
    if spec.strip() == "none":
        return ()
    params, pos = [], 0
    for m in _PARAM.finditer(spec):
        if spec[pos:m.start()].strip(" ,"):
            break
        name, type_, raw = m.groups()
        default = json.loads(raw)
        if type_ == "float":
            default = float(default)
        elif not isinstance(default, PARAM_TYPES[type_]):
            raise KgError(f"{where}: the default of ${name} is not a {type_}: {raw}")
        params.append(Param(name, type_, default))
        pos = m.end()
    if spec[pos:].strip(" ,"):
        raise KgError(f"{where}: cannot read the params line at {spec[pos:]!r} (expected $name (type, default), ...)")
    return tuple(params)


def load_query(path: Path, twin: Callable[..., list[Row]]) -> Query:
    text = path.read_text(encoding="utf-8")
    header = parse_header(text, where=str(path))
    if header["name"] != path.stem:
        raise KgError(f"{path}: header names {header['name']!r}, the file {path.stem!r}")
    columns = tuple(c.strip() for c in header["columns"].split(","))
    statement = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return Query(path.stem, header["answers"], parse_params(header["params"], where=str(path)), columns, text, path, twin,
                 name_params(statement, where=str(path)), type_params(statement))


# --- helpers for the twins --------------------------------------------------------------------------------

def _s(value) -> str:
    """A table cell as a string ("" for an empty cell: Neo4j stores no property, read with coalesce)."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    return str(value)


def _list(value) -> list[str]:
    return [v for v in _s(value).split(LIST_SEPARATOR) if v]


def _evidence(row) -> tuple[list[str], list[str]]:
    """The evidence texts and references of a relations.csv row, split as the Neo4j loader splits them."""
    refs = _list(row["evidence_refs"])
    return split_evidence(_s(row["evidence"]), refs), refs


def _num(value, digits: int = DIGITS) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(float(value), digits)


def order_by(rows: Iterable[Row], *keys: tuple[str | Callable[[Row], Any], bool]) -> list[Row]:
    """Sort rows as a Cypher ``ORDER BY k1 [DESC], k2 [DESC], ...``: keys are (column or function,
    descending). Stable sorts from the last key to the first."""
    out = list(rows)
    for key, descending in reversed(keys):
        get = key if callable(key) else (lambda r, k=key: r[k])
        out.sort(key=get, reverse=descending)
    return out


class _Tables:
    """Lookups over one KnowledgeGraph's tables, built once per twin call."""

    def __init__(self, kg: KnowledgeGraph):
        self.kg = kg
        e = kg.entities
        self.name = dict(zip(e["id"], e["name"]))
        self.type = dict(zip(e["id"], e["type"]))
        rel = kg.relations.copy()
        rel["detail"] = rel["detail"].map(_s)
        self.relations = rel
        self.co = rel[rel["type"] == CO_OCCURS]
        self.typed = rel[rel["type"] != CO_OCCURS]

    def touching(self, frame: pd.DataFrame, ids: Sequence[str]) -> Iterable[tuple[str, str, pd.Series]]:
        """(centre, other, row) for each relationship of ``frame`` at one of ``ids``, either direction
        (a relationship between two of ``ids`` is seen from both, as an undirected MATCH sees it)."""
        for centre in ids:
            for _, row in frame[frame["source"] == centre].iterrows():
                yield centre, row["target"], row
            for _, row in frame[frame["target"] == centre].iterrows():
                yield centre, row["source"], row


def _graph_edges(t: _Tables) -> pd.DataFrame:
    """The relationships of the graph (graph.json): kept co-occurrence (in_graph) and typed relations."""
    rel = t.relations
    return rel[(rel["type"] != CO_OCCURS) | rel["in_graph"]]


# --- the twins --------------------------------------------------------------------------------------------

def neighbours(kg: KnowledgeGraph, *, name: str, min_count: int, type: str, limit: int) -> list[Row]:
    frames = [kg.neighbours(eid, by="npmi", k=None, type=type or None, min_count=min_count) for eid in kg.matches(name)]
    rows = [
        {"name": r["name"], "type": r["type"], "count": int(r["count"]), "doc_count": int(r["doc_count"]),
         "npmi": _num(r["npmi"]), "pmi": _num(r["pmi"]), "jaccard": _num(r["jaccard"]), "in_graph": bool(r["in_graph"]),
         "_id": r["id"]}
        for df in frames for r in df.to_dict("records")
    ]
    return order_by(rows, ("npmi", True), ("count", True), ("name", False), ("_id", False))[:limit]


def ego(kg: KnowledgeGraph, *, name: str) -> list[Row]:
    t = _Tables(kg)
    edges = _graph_edges(t)
    centres = kg.matches(name)
    around = {other for _, other, _ in t.touching(edges, centres)}
    nodes = set(centres) | around
    rows = []
    for _, r in edges[edges["source"].isin(nodes) & edges["target"].isin(nodes)].iterrows():
        s, d = r["source"], r["target"]
        rows.append({
            "source": t.name[s], "source_type": t.type[s], "relation": r["type"], "detail": r["detail"],
            "target": t.name[d], "target_type": t.type[d], "count": int(r["count"]),
            "npmi": _num(r["npmi"]) if r["type"] == CO_OCCURS else None, "_s": s, "_t": d,
        })
    return order_by(rows, ("source", False), ("target", False), ("relation", False), ("detail", False), ("_s", False), ("_t", False))


def shortest_path(kg: KnowledgeGraph, *, source: str, target: str, limit: int) -> list[Row]:
    t = _Tables(kg)
    g = nx.Graph()
    g.add_nodes_from(kg.entities["id"])
    via: dict[frozenset, set[str]] = {}
    edges = _graph_edges(t)
    for s, d, type_ in zip(edges["source"], edges["target"], edges["type"]):
        g.add_edge(s, d)
        via.setdefault(frozenset((s, d)), set()).add(type_)
    paths: set[tuple[str, ...]] = set()
    for a in kg.matches(source):
        for b in kg.matches(target):
            if a != b and nx.has_path(g, a, b) and nx.shortest_path_length(g, a, b) <= MAX_HOPS:
                paths.update(tuple(p) for p in nx.all_shortest_paths(g, a, b))
    ranked = sorted(paths, key=lambda p: ("".join(t.name[n] + "/" for n in p), "".join(n + "/" for n in p)))[:limit]
    rows = []
    for i, p in enumerate(ranked, start=1):
        for step, n in enumerate(p):
            types = via[frozenset((p[step - 1], n))] if step else set()
            rows.append({"path": i, "step": step, "name": t.name[n], "type": t.type[n],
                         "via": [x for x in ENTITY_RELATIONS if x in types]})
    return rows


def policy_actors(kg: KnowledgeGraph, *, name: str, min_count: int, limit: int) -> list[Row]:
    t = _Tables(kg)
    direct = []
    for _, other, r in t.touching(t.co, kg.matches(name, type="Policy")):
        if t.type[other] in ("Person", "Institution") and r["count"] >= min_count:
            direct.append({"id": other, "name": t.name[other], "npmi": float(r["npmi"]), "count": int(r["count"])})
    direct = order_by(direct, ("npmi", True), ("count", True), ("name", False), ("id", False))[:limit]
    actors = {d["id"] for d in direct}
    ties = t.typed[t.typed["type"].isin(("HOLDS_POSITION", "PART_OF"))]
    rows = []
    for i, d in enumerate(direct):
        rows.append({"name": d["name"], "type": t.type[d["id"]], "tie": CO_OCCURS, "via": "", "count": d["count"],
                     "npmi": _num(d["npmi"]), "_id": d["id"], "_i": i, "_hop": 0})
        for _, x, r in t.touching(ties, [d["id"]]):
            if t.type[x] in ("Person", "Institution") and x not in actors:
                tie = r["type"] + (" " + r["detail"] if r["detail"] else "")
                rows.append({"name": t.name[x], "type": t.type[x], "tie": tie, "via": d["name"], "count": int(r["count"]),
                             "npmi": None, "_id": x, "_i": i, "_hop": 1})
    return order_by(rows, ("_i", False), ("_hop", False), ("name", False), ("tie", False), ("_id", False))


def policy_evidence(kg: KnowledgeGraph, *, name: str, min_count: int, limit: int) -> list[Row]:
    t = _Tables(kg)
    rows = []
    for _, other, r in t.touching(t.co, kg.matches(name, type="Policy")):
        if r["count"] < min_count:
            continue
        texts, refs = _evidence(r)
        for i, text in enumerate(texts):
            rows.append({"partner": t.name[other], "partner_type": t.type[other], "count": int(r["count"]),
                         "npmi": _num(r["npmi"]), "ref": refs[i] if i < len(refs) else None, "sentence": text,
                         "_id": other, "_i": i})
    return order_by(rows, ("npmi", True), ("count", True), ("partner", False), ("_id", False), ("_i", False))[:limit]


def communities(kg: KnowledgeGraph, *, members: int, limit: int) -> list[Row]:
    df = kg.communities(members=members).head(limit)
    return [{"community": int(r["community"]), "size": int(r["size"]), "members": r["members"]} for r in df.to_dict("records")]


def common_neighbours(kg: KnowledgeGraph, *, a: str, b: str, min_count: int, limit: int) -> list[Row]:
    def partners(eid: str) -> dict[str, dict]:
        return {r["id"]: r for r in kg.neighbours(eid, k=None, min_count=min_count).to_dict("records")}

    rows = []
    for ia in kg.matches(a):
        for ib in kg.matches(b):
            if ia == ib:
                continue
            pa, pb = partners(ia), partners(ib)
            for n in sorted(set(pa) & set(pb) - {ia, ib}):
                ra, rb = pa[n], pb[n]
                rows.append({"name": ra["name"], "type": ra["type"], "score": _num(min(ra["npmi"], rb["npmi"])),
                             "npmi_a": _num(ra["npmi"]), "npmi_b": _num(rb["npmi"]), "count_a": int(ra["count"]),
                             "count_b": int(rb["count"]), "_id": n})
    return order_by(rows, ("score", True), ("name", False), ("_id", False))[:limit]


def timeline(kg: KnowledgeGraph, *, name: str) -> list[Row]:
    frames = [kg.mentions_by_document(eid) for eid in kg.matches(name)]
    if not frames:
        return []
    df = pd.concat(frames).groupby("doc", sort=True).agg(date=("date", "first"), title=("title", "first"), mentions=("mentions", "sum"))
    rows = [{"date": _s(r["date"]), "doc": doc, "title": _s(r["title"]), "mentions": int(r["mentions"])} for doc, r in df.iterrows()]
    return order_by(rows, (lambda r: r["date"] == "", False), ("date", False), ("doc", False))


def central_policies(kg: KnowledgeGraph, *, limit: int) -> list[Row]:
    df = kg.top("Policy", by="pagerank", k=limit)  # pagerank DESC, name; ties in id order (the table's)
    return [{"name": r["name"], "pagerank": _num(r["pagerank"], 8), "degree": int(r["degree"]),
             "weighted_degree": float(r["weighted_degree"]), "mentions": int(r["mentions"]), "documents": int(r["documents"])}
            for r in df.to_dict("records")]


def person_relations(kg: KnowledgeGraph, *, name: str) -> list[Row]:
    t = _Tables(kg)
    people = kg.matches(name, type="Person")
    rel = t.typed[t.typed["source"].isin(people) & t.typed["type"].isin(("HOLDS_POSITION", "AUTHORED"))]
    rows = [{"relation": r["type"], "detail": r["detail"], "target": t.name[r["target"]], "target_type": t.type[r["target"]],
             "count": int(r["count"]), "documents": _list(r["documents"]), "_id": r["target"]} for _, r in rel.iterrows()]
    return order_by(rows, ("relation", False), ("target", False), ("detail", False), ("_id", False))


def issued_documents(kg: KnowledgeGraph, *, name: str) -> list[Row]:
    t = _Tables(kg)
    rel = t.typed[t.typed["type"] == "ISSUED"]
    rel = rel[rel["source"].map(t.type).eq("Institution") & rel["target"].map(t.type).eq("Document")]
    if name:
        rel = rel[rel["source"].isin(kg.matches(name))]
    first = dict(zip(kg.entities["id"], kg.entities["first_date"].map(_s)))
    rows = [{"issuer": t.name[r["source"]], "document": t.name[r["target"]], "first_date": first[r["target"]],
             "count": int(r["count"]), "sources": _list(r["documents"]), "_i": r["source"], "_d": r["target"]}
            for _, r in rel.iterrows()]
    return order_by(rows, ("issuer", False), ("document", False), ("_i", False), ("_d", False))


def document_entities(kg: KnowledgeGraph, *, doc: str, type: str, limit: int) -> list[Row]:
    t = _Tables(kg)
    d = kg.documents
    docs = set(d.loc[(d["id"] == doc) | (d["title"] == doc) | (d["path"] == doc), "id"])
    m = kg.mentions[kg.mentions["doc"].isin(docs)]
    counts = m.groupby(["entity_id", "doc"], sort=True).size()
    rows = [{"name": t.name[eid], "type": t.type[eid], "mentions": int(n), "_id": eid, "_d": did}
            for (eid, did), n in counts.items() if not type or t.type[eid] == type]
    return order_by(rows, ("mentions", True), ("name", False), ("_id", False), ("_d", False))[:limit]


def rising_concepts(kg: KnowledgeGraph, *, type: str, since: str, limit: int) -> list[Row]:
    dates = [x for x in kg.documents["date"].map(_s) if x]
    since = since or (max(dates) if dates else "")
    if not since:
        return []
    rows = []
    for r in kg.entities.to_dict("records"):
        first = _s(r["first_date"])
        if (not type or r["type"] == type) and first and first >= since:
            rows.append({"name": r["name"], "type": r["type"], "first_date": first, "last_date": _s(r["last_date"]),
                         "mentions": int(r["mentions"]), "documents": int(r["documents"]), "_id": r["id"]})
    return order_by(rows, ("first_date", True), ("mentions", True), ("name", False), ("_id", False))[:limit]


def _part_of(t: _Tables) -> pd.DataFrame:
    return t.typed[t.typed["type"] == "PART_OF"]


def sub_units(kg: KnowledgeGraph, *, name: str) -> list[Row]:
    """Every (unit, parent, depth) on a PART_OF trail ending at the institution, as Cypher's
    variable-length match enumerates them (no relationship twice on one path)."""
    t = _Tables(kg)
    part_of = _part_of(t)
    incoming: dict[str, list[tuple[int, str]]] = {}
    for k, (s, d) in enumerate(zip(part_of["source"], part_of["target"])):
        incoming.setdefault(d, []).append((k, s))
    found: set[tuple[str, str, int]] = set()
    for top in kg.matches(name, type="Institution"):
        stack = [(top, 0, frozenset())]
        while stack:
            node, depth, used = stack.pop()
            for k, unit in incoming.get(node, ()):
                if k in used:
                    continue
                if unit != top and t.type[unit] == "Institution":
                    found.add((unit, node, depth + 1))
                stack.append((unit, depth + 1, used | {k}))
    rows = []
    for unit, parent, depth in found:
        for _, r in part_of[(part_of["source"] == unit) & (part_of["target"] == parent)].iterrows():
            rows.append({"unit": t.name[unit], "parent": t.name[parent], "depth": depth, "count": int(r["count"]),
                         "_u": unit, "_p": parent})
    return order_by(rows, ("depth", False), ("parent", False), ("unit", False), ("_u", False), ("_p", False))


def pair_evidence(kg: KnowledgeGraph, *, a: str, b: str) -> list[Row]:
    t = _Tables(kg)
    rows = []
    for ia in kg.matches(a):
        for ib in kg.matches(b):
            rel = t.relations
            between = rel[((rel["source"] == ia) & (rel["target"] == ib)) | ((rel["source"] == ib) & (rel["target"] == ia))]
            for _, r in between.iterrows():
                texts, refs = _evidence(r)
                for i, text in enumerate(texts):
                    rows.append({"relation": r["type"], "detail": r["detail"], "source": t.name[r["source"]],
                                 "target": t.name[r["target"]], "ref": refs[i] if i < len(refs) else None,
                                 "sentence": text, "_s": r["source"], "_t": r["target"], "_i": i})
    return order_by(rows, ("relation", False), ("detail", False), ("_s", False), ("_t", False), ("_i", False))


def institution_people(kg: KnowledgeGraph, *, name: str) -> list[Row]:
    t = _Tables(kg)
    part_of = _part_of(t)
    reach = set(kg.matches(name, type="Institution"))  # PART_OF*0.. : the institution itself and all below
    frontier = set(reach)
    while frontier:
        frontier = set(part_of.loc[part_of["target"].isin(frontier), "source"]) - reach
        reach |= frontier
    units = {u for u in reach if t.type[u] == "Institution"}
    rel = t.typed[(t.typed["type"] == "HOLDS_POSITION") & t.typed["target"].isin(units)]
    rows = [{"person": t.name[r["source"]], "position": r["detail"], "institution": t.name[r["target"]],
             "count": int(r["count"]), "_p": r["source"], "_u": r["target"]}
            for _, r in rel.iterrows() if t.type[r["source"]] == "Person"]
    return order_by(rows, ("person", False), ("institution", False), ("position", False), ("_p", False), ("_u", False))


#: Each query's Python twin, by the name of its .cypher file.
def bursting_concepts(kg: KnowledgeGraph, *, type: str, limit: int) -> list[Row]:
    e = kg.entities
    rows = [{"name": r["name"], "type": r["type"], "burst_start": _s(r["burst_start"]), "burst_end": _s(r["burst_end"]),
             "strength": float(r["burst_strength"]), "first_date": _s(r["first_date"]), "mentions": int(r["mentions"]),
             "_id": r["id"]}
            for r in e[e["burst_start"].map(_s) != ""].to_dict("records") if not type or r["type"] == type]
    return order_by(rows, ("strength", True), ("name", False), ("_id", False))[:limit]


def _in_period(label: str, period: str) -> bool:
    """Does a slice label fall in ``period`` (itself, or a quarter or month of a year)?"""
    return label == period or label.startswith(period + "-")


def _period_counts(kg: KnowledgeGraph, name: str) -> Iterable[tuple[str, list[str], list[int]]]:
    """(other entity, its slices, its units per slice) of every CO_OCCURS pair at an entity named ``name``."""
    t = _Tables(kg)
    for _, other, r in t.touching(t.co, kg.matches(name)):
        periods = _list(r.get("periods"))
        if periods:
            yield other, periods, [int(c) for c in _list(r["period_counts"])]


def neighbours_in_period(kg: KnowledgeGraph, *, name: str, period: str, limit: int) -> list[Row]:
    t = _Tables(kg)
    rows = []
    for other, periods, counts in _period_counts(kg, name):
        inside = [c for p, c in zip(periods, counts) if _in_period(p, period)]
        if inside:
            rows.append({"name": t.name[other], "type": t.type[other], "count": sum(inside), "_id": other})
    return order_by(rows, ("count", True), ("name", False), ("_id", False))[:limit]


def new_company(kg: KnowledgeGraph, *, name: str, period: str, limit: int) -> list[Row]:
    t = _Tables(kg)
    before = previous_period(period)
    rows = []
    for other, periods, counts in _period_counts(kg, name):
        inside = [c for p, c in zip(periods, counts) if _in_period(p, period)]
        if inside and not any(_in_period(p, before) for p in periods):
            rows.append({"name": t.name[other], "type": t.type[other], "count": sum(inside), "_id": other})
    return order_by(rows, ("count", True), ("name", False), ("_id", False))[:limit]


TWINS: dict[str, Callable[..., list[Row]]] = {
    "neighbours": neighbours,
    "ego": ego,
    "shortest_path": shortest_path,
    "policy_actors": policy_actors,
    "policy_evidence": policy_evidence,
    "communities": communities,
    "common_neighbours": common_neighbours,
    "timeline": timeline,
    "central_policies": central_policies,
    "person_relations": person_relations,
    "issued_documents": issued_documents,
    "document_entities": document_entities,
    "rising_concepts": rising_concepts,
    "sub_units": sub_units,
    "pair_evidence": pair_evidence,
    "institution_people": institution_people,
    "bursting_concepts": bursting_concepts,
    "neighbours_in_period": neighbours_in_period,
    "new_company": new_company,
}


def load_queries(folder: Path = QUERY_DIR) -> dict[str, Query]:
    """Every queries/*.cypher with its twin, by name (sorted). Raises KgError for a file without a twin
    or a twin without a file."""
    files = {p.stem: p for p in sorted(folder.glob("*.cypher"))}
    lacking = sorted(set(files) - set(TWINS))
    if lacking:
        raise KgError(f"{folder}: no Python twin for {', '.join(lacking)}")
    orphans = sorted(set(TWINS) - set(files))
    if orphans:
        raise KgError(f"{folder}: no .cypher file for {', '.join(orphans)}")
    return {name: load_query(path, TWINS[name]) for name, path in files.items()}


QUERIES: dict[str, Query] = load_queries()


def get(name: str) -> Query:
    """The query called ``name``; KgError naming the known ones otherwise."""
    try:
        return QUERIES[name]
    except KeyError:
        raise KgError(f"no query named {name!r}; the queries are: {', '.join(QUERIES)}") from None
