"""The graph in Neo4j's shape: what one corpus puts in Neo4j, as typed rows in batches.

Pure code, no network: ``to_neo4j_rows`` takes a build's table rows (``kg.tables``: made in memory by
the build, or read from an output folder by ``read_folder``) and the mention counts, and gives the rows
both writers send: ``kg.neo4j.load`` (over Bolt, with ``$rows`` parameters) and ``kg.neo4j.files``
(``load.cypher`` with the same statements and literal rows, and CSV files for ``neo4j-admin``). So the
three ways into Neo4j give the same graph.

Memory grows with the graph, not with the mentions: the ``MENTIONED_IN`` rows are one count per
(entity, document), held in arrays of integers (``MentionRows``), each row made only when a batch
asks for it.

Choices made here, where the schema (``kg.neo4j.schema``) leaves room:

- Every row carries the corpus name. Entities are shared between corpora (merged on ``id``;
  ``corpora`` lists the corpora that loaded them); relationships and source documents belong to one
  corpus: ``corpus`` is part of a relationship's identity (``MERGE ... {corpus: ...}``), so two
  corpora give two ``CO_OCCURS`` between the same pair, each with its own counts.
- An empty value (``""``, an empty list) is not stored: the property is absent, as after
  ``neo4j-admin import``; read ``coalesce(n.aliases, [])``. Rows carry it as ``None`` so a re-load
  removes a value that has become empty. The exception is ``detail`` on the typed relations, part
  of their identity: always a string, ``""`` when there is none.
"""
from __future__ import annotations

import os
from array import array
from collections.abc import Sequence as SequenceABC
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from extractors.errors import KgError
from extractors.records import CO_OCCURS, ENTITY_TYPES, TYPED_RELATIONS
from kg.neo4j.schema import ENTITY_LABEL, PROVENANCE, SOURCE_LABEL
from kg.stamp import check_stamp
from kg.tables import (
    DOCUMENTS,
    ENTITIES,
    MENTIONS,
    RELATIONS,
    DocumentRow,
    EntityRow,
    MentionCounts,
    RelationRow,
    read_document_rows,
    read_entity_rows,
    read_mention_counts,
    read_relation_rows,
)


@dataclass(frozen=True, slots=True)
class NodeRow:
    """One node: its id, the corpus loading it, and its properties (None: not stored)."""

    id: str
    corpus: str
    props: dict

    def parameter(self) -> dict:
        """The row as the statements read it (``row.id``, ``row.corpus``, ``row.props``)."""
        return {"id": self.id, "corpus": self.corpus, "props": self.props}


@dataclass(frozen=True, slots=True)
class RelationshipRow:
    """One relationship: its ends' ids, the corpus, its properties; ``detail`` for the typed relations."""

    source: str
    target: str
    corpus: str
    props: dict
    detail: str | None = None

    def parameter(self) -> dict:
        """The row as the statements read it (``row.source``, ``row.target``, ``row.detail`` …)."""
        if self.detail is None:
            return {"source": self.source, "target": self.target, "corpus": self.corpus, "props": self.props}
        return {"source": self.source, "target": self.target, "detail": self.detail, "corpus": self.corpus,
                "props": self.props}


@dataclass(frozen=True)
class Neo4jRows:
    """Everything one corpus puts in Neo4j, as rows, sorted (deterministic)."""

    corpus: str
    entities: dict[str, list[NodeRow]]  # type label -> rows, for every type in ENTITY_TYPES
    documents: list[NodeRow]
    co_occurs: list[RelationshipRow]
    typed: dict[str, list[RelationshipRow]]  # relationship type -> rows, for every type in TYPED_RELATIONS
    mentioned_in: Sequence[RelationshipRow]  # a MentionRows

    def node_groups(self) -> list[tuple[str, Sequence[NodeRow]]]:
        """(label, rows) in write order: entity types, then source documents."""
        return [*((t, self.entities[t]) for t in ENTITY_TYPES), (SOURCE_LABEL, self.documents)]

    def relationship_groups(self) -> list[tuple[str, Sequence[RelationshipRow]]]:
        """(type, rows) in write order: CO_OCCURS, the typed relations, MENTIONED_IN."""
        return [(CO_OCCURS, self.co_occurs), *((t, self.typed[t]) for t in TYPED_RELATIONS), (PROVENANCE, self.mentioned_in)]

    def counts(self) -> dict[str, int]:
        """Rows per label (Entity: all entities) and per relationship type."""
        out = {ENTITY_LABEL: sum(len(r) for r in self.entities.values())}
        out.update({label: len(rows) for label, rows in self.node_groups()})
        out.update({type_: len(rows) for type_, rows in self.relationship_groups()})
        return out

    @property
    def node_rows(self) -> int:
        return sum(len(rows) for _, rows in self.node_groups())

    @property
    def relationship_rows(self) -> int:
        return sum(len(rows) for _, rows in self.relationship_groups())

    def strings(self) -> Iterator[str]:
        """Every string value in the rows (ids, names, list items, the corpus): what a file format
        must be able to carry."""
        yield self.corpus
        for _, rows in (*self.node_groups(), *self.relationship_groups()):
            if isinstance(rows, MentionRows):
                yield from rows.strings()
                continue
            for row in rows:
                yield from _strings(row.parameter())


class MentionRows(SequenceABC):
    """The MENTIONED_IN rows, sorted by (entity id, document id), held as arrays of integers.

    A read-only sequence of ``RelationshipRow``, each made when it is asked for: ``rows[i]``,
    ``rows[i:j]`` (a list), iteration.
    """

    def __init__(self, corpus: str, entity_ids: Sequence[str], doc_ids: Sequence[str],
                 source: array, target: array, mentions: array):
        if not len(source) == len(target) == len(mentions):
            raise ValueError("source, target and mentions must have the same length")
        self.corpus = corpus
        self._entity_ids, self._doc_ids = entity_ids, doc_ids
        self._source, self._target, self._mentions = source, target, mentions

    def __len__(self) -> int:
        return len(self._mentions)

    def _row(self, i: int) -> RelationshipRow:
        corpus = self.corpus
        return RelationshipRow(self._entity_ids[self._source[i]], self._doc_ids[self._target[i]], corpus,
                               {"mentions": self._mentions[i], "corpus": corpus})

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._row(i) for i in range(*index.indices(len(self)))]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("MentionRows index out of range")
        return self._row(index)

    def __iter__(self) -> Iterator[RelationshipRow]:
        return (self._row(i) for i in range(len(self)))

    def __eq__(self, other) -> bool:
        if isinstance(other, MentionRows):
            return (self.corpus, self.pairs()) == (other.corpus, other.pairs())
        if isinstance(other, SequenceABC) and not isinstance(other, (str, bytes)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # mutable-looking sequence semantics, like a list

    def __repr__(self) -> str:
        return f"MentionRows({self.corpus!r}, {len(self)} rows)"

    def pairs(self) -> list[tuple[str, str, int]]:
        """(entity id, document id, mentions) of every row (for tests and comparisons)."""
        e, d = self._entity_ids, self._doc_ids
        return [(e[s], d[t], n) for s, t, n in zip(self._source, self._target, self._mentions)]

    def strings(self) -> Iterator[str]:
        """The string values of the rows in row order, but the corpus (the same in every row)."""
        e, d = self._entity_ids, self._doc_ids
        for s, t in zip(self._source, self._target):
            yield e[s]
            yield d[t]


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def batches(rows: Sequence, size: int) -> Iterator[Sequence]:
    """Slices of ``size`` rows (a slice of MentionRows makes only that batch's rows)."""
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def corpus_name(folder: str | os.PathLike) -> str:
    """The default corpus name of an output folder: the folder's name."""
    name = Path(folder).resolve().name
    if not name:
        raise KgError(f"{folder}: cannot take a corpus name from this folder's name; name the corpus", param="corpus")
    return name


# --- rows from the tables -------------------------------------------------------------------------------

def read_folder(folder: str | os.PathLike, *, corpus: str | None = None, verify: bool = True) -> Neo4jRows:
    """The rows of an output folder of ``kg build`` (read with ``kg.tables``, every value checked:
    errors name file, line and column). ``corpus`` defaults to the folder's name. With ``verify``
    (the default) the tables must be as the build stamped them (``kg.stamp``); ``verify=False``
    reads tables edited by hand."""
    folder = Path(folder)
    if not folder.is_dir():
        raise KgError(f"{folder}: no such folder; give the output folder of `kg build`")
    if verify:
        check_stamp(folder, [ENTITIES, RELATIONS, DOCUMENTS, MENTIONS])  # all from one build
    entities = read_entity_rows(folder)
    relations = read_relation_rows(folder, {e.id for e in entities})
    documents = read_document_rows(folder)
    mentions = read_mention_counts(folder)
    return to_neo4j_rows(entities, relations, documents, mentions, corpus=corpus or corpus_name(folder),
                         where=str(folder / MENTIONS))


def to_neo4j_rows(entities: Sequence[EntityRow], relations: Sequence[RelationRow], documents: Sequence[DocumentRow],
                  mentions: MentionCounts, *, corpus: str, where: str = MENTIONS) -> Neo4jRows:
    """The rows for Neo4j of one build. ``where`` names mentions.csv in messages."""
    if not isinstance(corpus, str) or not corpus.strip():
        raise KgError("the corpus name must not be empty", param="corpus")
    entity_rows = _entity_rows(entities, corpus)
    doc_rows = _document_rows(documents, corpus)
    co_occurs, typed = _relation_rows(relations, corpus)
    mentioned_in = _mention_rows(mentions, corpus, {e.id for e in entities}, {d.id for d in documents}, where)
    return Neo4jRows(corpus, entity_rows, doc_rows, co_occurs, typed, mentioned_in)


def _or_none(value):
    return value if value else None


def _entity_rows(entities: Sequence[EntityRow], corpus: str) -> dict[str, list[NodeRow]]:
    out: dict[str, list[NodeRow]] = {t: [] for t in ENTITY_TYPES}
    for e in entities:
        props = {
            "name": e.name,
            "type": e.type,
            "category": _or_none(e.category),
            "aliases": _or_none(list(e.aliases)),
            "source": _or_none(e.source),
            "mentions": e.mentions,
            "documents": e.documents,
            "first_date": _or_none(e.first_date),
            "last_date": _or_none(e.last_date),
            "degree": e.degree,
            "weighted_degree": float(e.weighted_degree),
            "pagerank": float(e.pagerank),
            "community": e.community,
            "burst_start": _or_none(e.burst_start),
            "burst_end": _or_none(e.burst_end),
            "burst_strength": float(e.burst_strength) if e.burst_start else None,
            "periods": _or_none(list(e.periods)),
            "period_documents": _or_none(list(e.period_documents)),
            "period_mentions": _or_none(list(e.period_mentions)),
        }
        out[e.type].append(NodeRow(e.id, corpus, props))
    for rows in out.values():
        rows.sort(key=lambda r: r.id)
    return out


def _document_rows(documents: Sequence[DocumentRow], corpus: str) -> list[NodeRow]:
    rows = [
        NodeRow(d.id, corpus, {
            "path": _or_none(d.path), "title": _or_none(d.title), "publication": _or_none(d.publication),
            "date": _or_none(d.date), "date_precision": _or_none(d.date_precision),
            "date_source": _or_none(d.date_source), "format": _or_none(d.format), "chars": d.chars, "sentences": d.sentences,
            "mentions": d.mentions, "corpus": corpus,
        })
        for d in documents
    ]
    rows.sort(key=lambda r: r.id)
    return rows


def _relation_rows(relations: Sequence[RelationRow], corpus: str) -> tuple[list[RelationshipRow], dict[str, list[RelationshipRow]]]:
    co: list[RelationshipRow] = []
    typed: dict[str, list[RelationshipRow]] = {t: [] for t in TYPED_RELATIONS}
    for r in relations:
        if r.type == CO_OCCURS:
            props = {
                "count": r.count, "doc_count": r.doc_count, "weight": r.count, "pmi": r.pmi, "npmi": r.npmi,
                "jaccard": r.jaccard, "llr": r.llr, "first_date": r.first_date or None, "in_graph": r.in_graph,
                "doc_ids": list(r.documents) or None, "evidence": list(r.evidence) or None,
                "evidence_refs": list(r.evidence_refs) or None, "periods": list(r.periods) or None,
                "period_counts": list(r.period_counts) or None, "corpus": corpus,
            }
            co.append(RelationshipRow(r.source, r.target, corpus, props))
        else:
            props = {"detail": r.detail, "count": r.count, "doc_ids": list(r.documents) or None,
                     "evidence": list(r.evidence) or None, "evidence_refs": list(r.evidence_refs) or None,
                     "corpus": corpus}
            typed[r.type].append(RelationshipRow(r.source, r.target, corpus, props, r.detail))
    co.sort(key=lambda r: (r.source, r.target))
    for rows in typed.values():
        rows.sort(key=lambda r: (r.source, r.target, r.detail))
    return co, typed


def _mention_rows(m: MentionCounts, corpus: str, known: set[str], docs: set[str], where: str) -> MentionRows:
    """One MENTIONED_IN row per (entity, document), sorted by (entity id, document id)."""
    entity_ok = [eid in known for eid in m.entity_ids]
    doc_ok = [doc in docs for doc in m.doc_ids]
    if not all(entity_ok) or not all(doc_ok):  # the first bad pair in (entity, document) order
        (eid, doc), index = min(
            ((m.entity_ids[e], m.doc_ids[d]), i) for e, d, i in zip(m.entity, m.doc, m.first)
            if not entity_ok[e] or not doc_ok[d]
        )
        column, value, expected = (("entity_id", eid, "an id in entities.csv") if eid not in known
                                   else ("doc", doc, "an id in documents.csv"))
        raise KgError(f"{where}: line {index + 2}, column {column}: expected {expected}, got {value!r}")
    # sort the pairs by (entity id, document id): each pair becomes one integer,
    # (rank of its entity * documents + rank of its document) << bits | count
    entity_ids, entity_rank = _ranks(m.entity_ids)
    doc_ids, doc_rank = _ranks(m.doc_ids)
    n_docs = max(1, len(doc_ids))
    bits = max(m.count, default=0).bit_length()
    keys = [((entity_rank[e] * n_docs + doc_rank[d]) << bits) | n for e, d, n in zip(m.entity, m.doc, m.count)]
    keys.sort()
    source, target, mentions = array("I"), array("I"), array("Q")
    mask, last = (1 << bits) - 1, -1
    for key in keys:
        pair = key >> bits
        if pair == last:  # the pair came in two runs of its document's rows
            mentions[-1] += key & mask
            continue
        last = pair
        e, d = divmod(pair, n_docs)
        source.append(e)
        target.append(d)
        mentions.append(key & mask)
    return MentionRows(corpus, entity_ids, doc_ids, source, target, mentions)


def _ranks(ids: Sequence[str]) -> tuple[list[str], list[int]]:
    """The ids sorted, and the position in that order of each id (by its index in ``ids``)."""
    order = sorted(range(len(ids)), key=ids.__getitem__)
    rank = [0] * len(ids)
    for r, i in enumerate(order):
        rank[i] = r
    return [ids[i] for i in order], rank
