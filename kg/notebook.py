"""The graph in a notebook: pandas tables, a networkx graph, and the helpers one reaches for.

    import kg
    g = kg.load("out/")
    g.entities.head()                      # pandas DataFrames: entities, relations, mentions, documents
    g.graph                                # networkx.Graph (as in graph.json)
    g.neighbours("新质生产力", by="npmi")    # ranked by an association measure
    g.ego("科技部", radius=1)               # networkx subgraph
    g.path("阴和俊", "新质生产力")           # shortest path, as a table of steps
    g.top("Policy", by="pagerank")
    g.evidence("新质生产力", "高质量发展")    # the sentences behind an edge
    g.communities()
    g.typed("阴和俊")                       # typed relations of an entity

Time (document dates, ``extractors.dating``; periods, ``kg.periods``):

    g.timeline("新质生产力", "高质量发展", by="month")       # documents per month, one column each
    g.timeline("新质生产力", by="quarter", share=True)      # as a share of the quarter's documents
    g.timeline(("新质生产力", "高质量发展"), by="year")      # an edge: units where both occur
    g.bursts("Policy")                                    # strongest bursts (Kleinberg), strongest first
    g.at("2023")                                          # the graph of a period (or "2023-03..2023-09")
    g.neighbours_in("新质生产力", "2023-Q4")                # co-occurring entities in a period
    g.new_company("新质生产力", "2023-10")                  # neighbours gained over the period before
    g.mentions_by_document("新质生产力")                    # mentions per document, in date order

Entities are named by canonical name, alias or id wherever a helper takes one. A name that names no
entity raises ``UnknownNameError`` (a ``KgError``) with the nearest names in its message and in
``.suggestions`` (新质 -> 新质生产力; see ``kg.lookup``).
"""
from __future__ import annotations

import os
from pathlib import Path

import networkx as nx
import pandas as pd

from extractors.errors import KgError
from extractors.records import CO_OCCURS, ENTITY_TYPES, TYPED_RELATIONS
from kg.folder import read_folder
from kg.lookup import Known, check_choice, unknown_name
from kg.periods import RESOLUTIONS, parse_period_spec, period_of, period_range, previous_period
from kg.tables import EVIDENCE, LIST_SEPARATOR, parse_ref, read_table, split_evidence

MEASURES = ("npmi", "pmi", "jaccard", "llr", "count", "doc_count")
#: The entity columns ``top`` ranks by.
TOP_MEASURES = ("pagerank", "degree", "weighted_degree", "mentions", "documents")


def load(path: str | os.PathLike) -> "KnowledgeGraph":
    """Load the output folder of ``kg build``."""
    return KnowledgeGraph(Path(path))


class KnowledgeGraph:
    def __init__(self, folder: Path):
        data = read_folder(folder)
        self.folder = folder
        self.entities = data.entities
        self.relations = data.relations
        self.mentions = data.mentions
        self.documents = data.documents
        self.graph: nx.Graph = data.graph
        self._names = dict(zip(self.entities["id"], self.entities["name"]))
        self._types = dict(zip(self.entities["id"], self.entities["type"]))
        self._evidence: pd.DataFrame | None = None
        self._known: list[Known] | None = None
        self._lookup: dict[str, str] = {}
        for row in self.entities.itertuples(index=False):
            self._lookup.setdefault(row.name, row.id)
        for row in self.entities.itertuples(index=False):
            if isinstance(row.aliases, str):
                for alias in row.aliases.split(LIST_SEPARATOR):
                    self._lookup.setdefault(alias, row.id)

    def __repr__(self) -> str:
        return (
            f"KnowledgeGraph({self.folder}: {len(self.entities)} entities, {len(self.relations)} relations, "
            f"{len(self.mentions)} mentions, {len(self.documents)} documents)"
        )

    # --- lookups ------------------------------------------------------------------------------------
    def id(self, entity: str, *, param: str = "entity") -> str:
        """The id of an entity given by id, canonical name or alias. Raises UnknownNameError (a KgError
        about ``param``, the helper's parameter) with the nearest names when none has that name."""
        if entity in self._names:
            return entity
        if entity in self._lookup:
            return self._lookup[entity]
        if not isinstance(entity, str):
            raise KgError(f"expected the name or id of an entity, got {entity!r}", param=param)
        raise unknown_name(entity, self.known(), param=param)

    def known(self) -> list[Known]:
        """Every entity as ``kg.lookup`` compares names: id, canonical name and aliases, type, mentions."""
        if self._known is None:
            e = self.entities
            aliases = e["aliases"].map(lambda a: tuple(a.split(LIST_SEPARATOR)) if isinstance(a, str) else ())
            self._known = [Known(i, (n, *a), t, int(m)) for i, n, a, t, m in
                           zip(e["id"], e["name"], aliases, e["type"], e["mentions"].fillna(0))]
        return self._known

    def known_documents(self) -> list[Known]:
        """Every source document as ``kg.lookup`` compares names: its id, title and path."""
        d = self.documents
        return [Known(i, tuple(v for v in (i, t, p) if isinstance(v, str) and v), "SourceDocument", int(m))
                for i, t, p, m in zip(d["id"], d["title"], d["path"], d["mentions"].fillna(0))]

    def matches(self, entity: str, *, type: str | None = None) -> list[str]:
        """The ids of every entity whose id, canonical name or one of whose aliases is ``entity``
        (optionally of one type), sorted; ``[]`` when none. This is how the Cypher queries in
        queries/ match a name (``n.id = $name OR n.name = $name OR $name IN n.aliases``), where
        ``id()`` picks one entity and raises when there is none."""
        e = self.entities
        hit = (e["id"] == entity) | (e["name"] == entity)
        hit |= e["aliases"].map(lambda a: isinstance(a, str) and entity in a.split(LIST_SEPARATOR))
        if type is not None:
            hit &= e["type"] == type
        return sorted(e.loc[hit, "id"])

    def name(self, entity: str) -> str:
        return self._names[self.id(entity)]

    def entity(self, entity: str) -> pd.Series:
        return self.entities.loc[self.entities["id"] == self.id(entity)].iloc[0]

    # --- exploration ----------------------------------------------------------------------------------
    def neighbours(self, entity: str, *, by: str = "npmi", k: int | None = 10, type: str | None = None, min_count: int = 1) -> pd.DataFrame:
        """Entities co-occurring with ``entity``, ranked by an association measure (all pairs,
        before the graph's filters)."""
        check_choice(by, MEASURES, param="by", what="the measure to rank by")
        if type is not None:
            check_choice(type, ENTITY_TYPES, param="type", what="the entity type")
        eid = self.id(entity)
        co = self.relations[(self.relations["type"] == CO_OCCURS) & ((self.relations["source"] == eid) | (self.relations["target"] == eid))]
        other = co["target"].where(co["source"] == eid, co["source"])
        df = pd.DataFrame({"id": other.values})
        df["name"] = df["id"].map(self._names)
        df["type"] = df["id"].map(dict(zip(self.entities["id"], self.entities["type"])))
        for col in ("count", "doc_count", "pmi", "npmi", "jaccard", "llr"):
            df[col] = co[col].values
        df["in_graph"] = co["in_graph"].values
        df = df[df["count"] >= min_count]
        if type is not None:
            df = df[df["type"] == type]
        df = df.sort_values([by, "count", "name"], ascending=[False, False, True], kind="mergesort")
        return (df.head(k) if k else df).reset_index(drop=True)

    def ego(self, entity: str, *, radius: int = 1) -> nx.Graph:
        return nx.ego_graph(self.graph, self.id(entity), radius=radius)

    def path(self, a: str, b: str) -> pd.DataFrame:
        """The shortest path between two entities in the graph, one row per step."""
        try:
            nodes = nx.shortest_path(self.graph, self.id(a, param="a"), self.id(b, param="b"))
        except nx.NetworkXNoPath:
            return pd.DataFrame(columns=["step", "id", "name", "type"])
        return pd.DataFrame(
            [{"step": i, "id": n, "name": self._names[n], "type": self.graph.nodes[n]["type"]} for i, n in enumerate(nodes)]
        )

    def top(self, type: str | None = None, *, by: str = "pagerank", k: int = 10) -> pd.DataFrame:
        if type is not None:
            check_choice(type, ENTITY_TYPES, param="type", what="the entity type")
        check_choice(by, TOP_MEASURES, param="by", what="the column to rank by")
        df = self.entities if type is None else self.entities[self.entities["type"] == type]
        cols = ["id", "name", "type", "mentions", "documents", "degree", "weighted_degree", "pagerank", "community"]
        return df.sort_values([by, "name"], ascending=[False, True], kind="mergesort")[cols].head(k).reset_index(drop=True)

    def evidence(self, a: str, b: str) -> pd.DataFrame:
        """The sentences behind the edge between two entities (co-occurrence and typed relations)."""
        ia, ib = self.id(a, param="a"), self.id(b, param="b")
        rows = []
        if self.graph.has_edge(ia, ib):
            d = self.graph.edges[ia, ib]
            for e in d.get("evidence", []):
                rows.append({"relation": CO_OCCURS, "doc": e["doc"], "sentence": e["sentence"], "start": e["start"],
                             "end": e["end"], "text": e["text"]})
            for r in d.get("relations", []):
                for e in r["evidence"]:
                    rows.append({"relation": r["type"], "doc": e["doc"], "sentence": "", "start": e["start"],
                                 "end": e["end"], "text": e["text"]})
        else:
            s, t = min(ia, ib), max(ia, ib)
            rel = self.relations[(self.relations["source"] == s) & (self.relations["target"] == t) & (self.relations["type"] == CO_OCCURS)]
            for _, row in rel.iterrows():
                refs = row["evidence_refs"].split(LIST_SEPARATOR) if isinstance(row["evidence_refs"], str) else []
                texts = split_evidence(row["evidence"], refs) if isinstance(row["evidence"], str) else []
                for text, ref in zip(texts, map(parse_ref, refs)):
                    rows.append({"relation": CO_OCCURS, "doc": ref.doc, "sentence": ref.sentence, "start": ref.start,
                                 "end": ref.end, "text": text})
        return pd.DataFrame(rows, columns=["relation", "doc", "sentence", "start", "end", "text"])

    def mentions_by_document(self, entity: str) -> pd.DataFrame:
        """Mentions of an entity per document, in date order (undated documents last)."""
        eid = self.id(entity)
        counts = self.mentions[self.mentions["entity_id"] == eid].groupby("doc").size().rename("mentions")
        docs = self.documents.set_index("id")[["date", "title"]].join(counts, how="inner").reset_index().rename(columns={"id": "doc"})
        docs["date"] = docs["date"].fillna("")
        docs["_undated"] = docs["date"] == ""
        return docs.sort_values(["_undated", "date", "doc"], kind="mergesort").drop(columns="_undated").reset_index(drop=True)

    # --- time -------------------------------------------------------------------------------------------
    def timeline(self, *items, by: str = "month", what: str = "documents", share: bool = False) -> pd.DataFrame:
        """Counts per period for entities (by name, alias or id) and edges (a pair of them, as a tuple).

        One row per period at ``by`` (day, month, quarter, year) from the first to the last period
        with a dated document, zeros kept; one column per item (an edge is named ``a–b``).
        ``what``: ``documents`` (documents mentioning the entity, or holding a unit with both ends
        of the edge) or ``mentions`` (mentions of the entity; units holding both ends of the edge).
        ``share``: divided by the number of the period's dated documents, so a busy month does not
        look like a rise (NaN for a period without documents: there is nothing to share).
        Documents dated less precisely than ``by`` are left out; how many is in ``df.attrs["unplaced"]``."""
        check_choice(by, RESOLUTIONS, param="by", what="the period length")
        check_choice(what, ("documents", "mentions"), param="what", what="what to count")
        if not items:
            raise KgError("name at least one entity (or a pair of them, for an edge)", param="items")
        periods_of_docs, unplaced = self._doc_periods(by)
        periods = period_range(min(periods_of_docs.values()), max(periods_of_docs.values())) if periods_of_docs else []
        table = pd.DataFrame(index=pd.Index(periods, name="period"))
        per_period = pd.Series(list(periods_of_docs.values()), dtype=object).value_counts()
        for item in items:
            if isinstance(item, (tuple, list)):
                if len(item) != 2:
                    raise KgError(f"an edge is a pair of entities, got {item!r}", param="items")
                a, b = sorted((self.id(item[0], param="items"), self.id(item[1], param="items")))
                ev = self.evidence_units()
                rows = ev[(ev["source"] == a) & (ev["target"] == b)]
                label = f"{self._names[a]}–{self._names[b]}"
                docs = rows["doc"] if what == "mentions" else rows["doc"].drop_duplicates()
            else:
                eid = self.id(item, param="items")
                rows = self.mentions[self.mentions["entity_id"] == eid]
                label = self._names[eid]
                docs = rows["doc"] if what == "mentions" else rows["doc"].drop_duplicates()
            counts = docs.map(periods_of_docs).dropna().value_counts()
            column = counts.reindex(table.index, fill_value=0).astype(int)
            table[label] = column / per_period.reindex(table.index).to_numpy() if share else column
        table.attrs["unplaced"] = unplaced
        table.attrs["documents"] = per_period.reindex(table.index, fill_value=0).astype(int).tolist()
        return table

    def bursts(self, type: str | None = None, *, k: int | None = 20) -> pd.DataFrame:
        """Entities with a burst (Kleinberg's, over the time slices of the build), strongest first."""
        if type is not None:
            check_choice(type, ENTITY_TYPES, param="type", what="the entity type")
        e = self.entities[self.entities["burst_strength"].fillna(0) > 0]
        if type is not None:
            e = e[e["type"] == type]
        cols = ["id", "name", "type", "burst_start", "burst_end", "burst_strength", "first_date", "mentions", "documents"]
        df = e.sort_values(["burst_strength", "name"], ascending=[False, True], kind="mergesort")[cols]
        return (df.head(k) if k else df).reset_index(drop=True)

    def at(self, period: str, *, min_count: int = 1) -> nx.Graph:
        """The co-occurrence graph of a period (``2023``, ``2023-Q3``, ``2023-09``, ``2023-09-08`` or a
        range ``2022..2023``), recounted from the documents dated inside it: nodes are the entities
        they mention (``mentions``, ``documents`` in the period), edges the pairs that co-occur in
        their units (``count`` units, ``doc_count`` documents; at least ``min_count`` units)."""
        docs = self._docs_in(period)
        m = self.mentions[self.mentions["doc"].isin(docs)]
        g = nx.Graph(period=period, documents=len(docs))
        if len(m):
            for eid, group in m.groupby("entity_id", sort=True):
                g.add_node(eid, name=self._names.get(eid, eid), type=self._types.get(eid, ""), mentions=len(group),
                           documents=group["doc"].nunique())
        ev = self.evidence_units()
        ev = ev[ev["doc"].isin(docs)]
        if len(ev):
            pairs = ev.groupby(["source", "target"], sort=True).agg(count=("doc", "size"), doc_count=("doc", "nunique"))
            for (a, b), row in pairs.iterrows():
                if row["count"] >= min_count:
                    g.add_edge(a, b, count=int(row["count"]), doc_count=int(row["doc_count"]))
        return g

    def neighbours_in(self, entity: str, period: str, *, k: int | None = 10) -> pd.DataFrame:
        """Entities co-occurring with ``entity`` in the documents of a period, most units first."""
        eid = self.id(entity)
        sub = self.at(period)
        rows = [{"id": n, "name": sub.nodes[n]["name"], "type": sub.nodes[n]["type"], "count": d["count"],
                 "doc_count": d["doc_count"]} for n, d in (sub[eid].items() if eid in sub else [])]
        df = pd.DataFrame(rows, columns=["id", "name", "type", "count", "doc_count"])
        df = df.sort_values(["count", "name", "id"], ascending=[False, True, True], kind="mergesort")
        return (df.head(k) if k else df).reset_index(drop=True)

    def new_company(self, entity: str, period: str, *, before: str | None = None, k: int | None = 10) -> pd.DataFrame:
        """Neighbours ``entity`` has in ``period`` and did not have in the period before it (the
        previous year, quarter, month or day; or ``before``), most units first."""
        before = before or previous_period(period)
        now, then = self.neighbours_in(entity, period, k=None), self.neighbours_in(entity, before, k=None)
        df = now[~now["id"].isin(set(then["id"]))]
        return (df.head(k) if k else df).reset_index(drop=True)

    def evidence_units(self) -> pd.DataFrame:
        """evidence.csv: every unit (sentence, by default) where a pair co-occurs (read on first use)."""
        if self._evidence is None:
            self._evidence = read_table(self.folder, EVIDENCE, usecols=["source", "target", "doc", "unit"])
        return self._evidence

    def _doc_periods(self, by: str) -> tuple[dict[str, str], int]:
        out, unplaced = {}, 0
        for doc, date in zip(self.documents["id"], self.documents["date"]):
            if isinstance(date, str) and date:
                p = period_of(date, by)
                if p is None:
                    unplaced += 1
                else:
                    out[doc] = p
        return out, unplaced

    def _docs_in(self, period: str) -> set[str]:
        interval = parse_period_spec(period)
        return {doc for doc, date in zip(self.documents["id"], self.documents["date"])
                if isinstance(date, str) and date and interval.contains(date)}

    def communities(self, *, members: int = 8) -> pd.DataFrame:
        """Communities (from the build's seeded Louvain run) with their most central members."""
        rows = []
        for c, group in self.entities[self.entities["in_graph"]].groupby("community"):
            group = group.sort_values(["pagerank", "name"], ascending=[False, True], kind="mergesort")
            rows.append({"community": int(c), "size": len(group), "members": "、".join(group["name"].head(members))})
        table = pd.DataFrame(rows, columns=["community", "size", "members"])
        return table.sort_values(["size", "community"], ascending=[False, True], kind="mergesort").reset_index(drop=True)

    def common_neighbours(self, a: str, b: str, *, by: str = "npmi", k: int = 10) -> pd.DataFrame:
        """Entities that co-occur with both ``a`` and ``b``, ranked by the weaker of the two associations."""
        check_choice(by, MEASURES, param="by", what="the measure to rank by")
        ia, ib = self.id(a, param="a"), self.id(b, param="b")
        na = self.neighbours(ia, by=by, k=None).set_index("id")
        nb = self.neighbours(ib, by=by, k=None).set_index("id")
        both = na[[by, "name", "type"]].rename(columns={by: f"{by}_a"}).join(
            nb[[by]].rename(columns={by: f"{by}_b"}), how="inner"
        )
        both[by] = both[[f"{by}_a", f"{by}_b"]].min(axis=1)
        both = both.drop(index=[i for i in (ia, ib) if i in both.index])
        return both.reset_index().sort_values([by, "name"], ascending=[False, True], kind="mergesort").head(k).reset_index(drop=True)

    def typed(self, entity: str | None = None, *, type: str | None = None) -> pd.DataFrame:
        """Typed relations (not CO_OCCURS), optionally of one entity and/or of one type."""
        df = self.relations[self.relations["type"] != CO_OCCURS]
        if entity is not None:
            eid = self.id(entity)
            df = df[(df["source"] == eid) | (df["target"] == eid)]
        if type is not None:
            check_choice(type, TYPED_RELATIONS, param="type", what="the relation type")
            df = df[df["type"] == type]
        return df[["source_name", "type", "target_name", "detail", "count", "documents", "evidence"]].reset_index(drop=True)
