"""The corpus: the reduce step of the build, merging each document's ``DocResult`` in document-id order.

What it keeps grows with the graph, not with the text: counts per entity and per pair, a bounded
number of evidence sentences per pair (the most informative), and the typed relations with their
evidence. Everything is merged in the order results are added, which the build fixes (document id),
so the output does not depend on how many workers analysed the documents.
"""
from __future__ import annotations

import heapq
from array import array
from dataclasses import dataclass, field
from typing import NamedTuple

from kg.analysis import DocResult
from kg.cooccurrence import EVIDENCE_PER_EDGE
from kg.measures import Association, association, associations
from kg.tables import DocumentRow

#: Document ids listed on an edge (the full list is in evidence.csv).
DOCUMENTS_PER_EDGE = 50


class Evidence(NamedTuple):
    """A sentence that contains both entities of a pair; ordered most informative first
    (fewest entities in the sentence, then shortest, then document and sentence id)."""

    rank: tuple  # (entities in the sentence, length)
    doc: str
    sentence: str  # sentence id (doc#sN)
    start: int
    end: int
    text: str


@dataclass
class PairStats:
    count: int = 0
    documents: list[str] = field(default_factory=list)
    doc_count: int = 0
    first_date: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    dated: dict[str, int] = field(default_factory=dict)  # units by the month of their document (its year if no month)


@dataclass
class TypedStats:
    count: int = 0
    documents: list[str] = field(default_factory=list)
    evidence: list[tuple[str, int, int, str]] = field(default_factory=list)  # doc, start, end, text


@dataclass
class EntityStats:
    name: str
    type: str
    mentions: int = 0
    documents: int = 0
    units: int = 0
    first_date: str = ""
    last_date: str = ""
    doc_ids: list[str] = field(default_factory=list)


class Corpus:
    """Counts and bounded evidence merged from DocResults, in the order they are added."""

    def __init__(self) -> None:
        self.documents: list[DocumentRow] = []
        self.entities: dict[str, EntityStats] = {}
        self.pairs: dict[tuple[str, str], PairStats] = {}
        self.typed: dict[tuple[str, str, str, str], TypedStats] = {}
        self.units = 0
        # how often each entity is mentioned in each document, in the order of mentions.csv
        self._entity_index: dict[str, int] = {}
        self._doc_index: dict[str, int] = {}
        self._mc = (array("I"), array("I"), array("Q"), array("Q"))  # entity, doc, count, first row
        self._rows = 0
        self._associations: dict[tuple[str, str], Association] | None = None

    def add(self, r: DocResult) -> None:
        """Merge one document's result (the build adds them in document-id order)."""
        self._associations = None
        self.documents.append(r.info)
        self.units += r.units
        self._add_mention_counts(r)
        self._add_entities(r)
        self._add_pairs(r)
        self._add_typed(r)

    def _add_mention_counts(self, r: DocResult) -> None:
        """How often each entity is mentioned in the document, as integers (for MENTIONED_IN)."""
        if not r.mention_counts:
            return
        d = self._doc_index.setdefault(r.info.id, len(self._doc_index))
        entity, doc, count, first = self._mc
        for eid, n in r.mention_counts.items():  # first-mention order, as in mentions.csv
            entity.append(self._entity_index.setdefault(eid, len(self._entity_index)))
            doc.append(d)
            count.append(n)
            first.append(self._rows + r.first_mention[eid])
        self._rows += r.info.mentions

    def _add_entities(self, r: DocResult) -> None:
        doc_id, date = r.info.id, r.info.date
        for eid, (name, type_) in r.entities.items():
            e = self.entities.get(eid)
            if e is None:
                e = self.entities[eid] = EntityStats(name, type_)
            e.mentions += r.mention_counts[eid]
            e.documents += 1
            e.units += r.unit_counts.get(eid, 0)
            e.doc_ids.append(doc_id)
            if date:
                e.first_date = min(e.first_date, date) if e.first_date else date
                e.last_date = max(e.last_date, date)

    def _add_pairs(self, r: DocResult) -> None:
        """Pair counts, and the pair's evidence: the most informative sentences seen so far."""
        doc_id, date = r.info.id, r.info.date
        month = date[:7]
        for pair, n in r.pair_counts.items():
            p = self.pairs.get(pair)
            if p is None:
                p = self.pairs[pair] = PairStats()
            p.count += n
            p.doc_count += 1
            if len(p.documents) < DOCUMENTS_PER_EDGE:
                p.documents.append(doc_id)
            if date:
                p.first_date = min(p.first_date, date) if p.first_date else date
                p.dated[month] = p.dated.get(month, 0) + n
            idx = r.evidence.get(pair)
            if idx:
                table = r.evidence_sentences
                first = table[idx[0]]
                if len(p.evidence) < EVIDENCE_PER_EDGE or (first[0], doc_id, first[1]) < p.evidence[-1][:3]:
                    new = [Evidence(t[0], doc_id, t[1], t[2], t[3], t[4]) for t in map(table.__getitem__, idx)]
                    p.evidence = heapq.nsmallest(EVIDENCE_PER_EDGE, [*p.evidence, *new])

    def _add_typed(self, r: DocResult) -> None:
        doc_id = r.info.id
        for rel, text in r.typed:
            key = (rel.type, rel.source, rel.target, rel.detail)
            t = self.typed.get(key)
            if t is None:
                t = self.typed[key] = TypedStats()
            t.count += 1
            if doc_id not in t.documents[-1:]:
                t.documents.append(doc_id)
            if len(t.evidence) < EVIDENCE_PER_EDGE:
                t.evidence.append((doc_id, rel.start, rel.end, text))

    def merge(self, other: "Corpus") -> None:
        """Merge a corpus of later documents into this one: the same as adding their results one by
        one after this corpus's own (``other`` is taken over, not copied: do not use it after)."""
        if not other.documents:
            return
        self._associations = None
        if not self.documents:  # the first partial: take it as it is
            self.__dict__.update(other.__dict__)
            self._associations = None
            return
        self.documents.extend(other.documents)
        self.units += other.units
        self._merge_mention_counts(other)
        self._merge_entities(other)
        self._merge_pairs(other)
        self._merge_typed(other)

    def _merge_mention_counts(self, other: "Corpus") -> None:
        entity, doc, count, first = self._mc
        o_entity, o_doc, o_count, o_first = other._mc
        entity_at = [self._entity_index.setdefault(eid, len(self._entity_index)) for eid in other._entity_index]
        doc_at = [self._doc_index.setdefault(d, len(self._doc_index)) for d in other._doc_index]
        entity.extend(map(entity_at.__getitem__, o_entity))
        doc.extend(map(doc_at.__getitem__, o_doc))
        count.extend(o_count)
        offset = self._rows
        first.extend(f + offset for f in o_first)
        self._rows += other._rows

    def _merge_entities(self, other: "Corpus") -> None:
        entities = self.entities
        for eid, o in other.entities.items():
            e = entities.get(eid)
            if e is None:
                entities[eid] = o
                continue
            e.mentions += o.mentions
            e.documents += o.documents
            e.units += o.units
            e.doc_ids.extend(o.doc_ids)
            if o.first_date:
                e.first_date = min(e.first_date, o.first_date) if e.first_date else o.first_date
                e.last_date = max(e.last_date, o.last_date)

    def _merge_pairs(self, other: "Corpus") -> None:
        pairs = self.pairs
        for pair, o in other.pairs.items():
            p = pairs.get(pair)
            if p is None:
                pairs[pair] = o
                continue
            p.count += o.count
            p.doc_count += o.doc_count
            room = DOCUMENTS_PER_EDGE - len(p.documents)
            if room > 0:
                p.documents.extend(o.documents[:room])
            if o.first_date:
                p.first_date = min(p.first_date, o.first_date) if p.first_date else o.first_date
            for month, n in o.dated.items():
                p.dated[month] = p.dated.get(month, 0) + n
            if o.evidence and (len(p.evidence) < EVIDENCE_PER_EDGE or o.evidence[0] < p.evidence[-1]):
                p.evidence = heapq.nsmallest(EVIDENCE_PER_EDGE, [*p.evidence, *o.evidence])

    def _merge_typed(self, other: "Corpus") -> None:
        typed = self.typed
        for key, o in other.typed.items():
            t = typed.get(key)
            if t is None:
                typed[key] = o
                continue
            t.count += o.count
            for doc_id in o.documents:
                if doc_id not in t.documents[-1:]:
                    t.documents.append(doc_id)
            room = EVIDENCE_PER_EDGE - len(t.evidence)
            if room > 0:
                t.evidence.extend(o.evidence[:room])

    def association(self, a: str, b: str) -> Association:
        """PMI, NPMI, Jaccard and G² of the pair (a, b) over the corpus's units."""
        return association(self.pairs[(a, b)].count, self.entities[a].units, self.entities[b].units, max(1, self.units))

    def associations(self) -> dict[tuple[str, str], Association]:
        """``association`` of every pair, in the order of ``pairs``, computed at once (numpy) and
        kept until the next document is added: the graph and the tables both need them."""
        if self._associations is None:
            pairs, entities = self.pairs, self.entities
            values = associations([p.count for p in pairs.values()], [entities[a].units for a, _ in pairs],
                                  [entities[b].units for _, b in pairs], max(1, self.units))
            self._associations = dict(zip(pairs, values))
        return self._associations

    def mention_count_arrays(self) -> tuple:
        """(entity ids, document ids, entity index, document index, count, first row) for every
        (entity, document) pair, in the order mentions.csv lists them: what the Neo4j files need
        without reading mentions.csv again."""
        entity, doc, count, first = self._mc
        return tuple(self._entity_index), tuple(self._doc_index), entity, doc, count, first
