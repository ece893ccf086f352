"""Per-document analysis and its aggregation over a corpus.

``analyse_document`` turns one normalised document into a compact, picklable ``DocResult``:
mention rows, per-unit entity sets reduced to counts, the few most informative evidence sentences
per pair, and typed relations. It runs in worker processes; the main process only merges results
(``Corpus.add``) in document-id order, so the output does not depend on the number of workers.

Nothing here holds a document's text after its ``DocResult`` is made: the corpus keeps counts and
a bounded number of evidence sentences per pair, which is what lets large corpora stream.
"""
from __future__ import annotations

import heapq
from array import array
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple
from itertools import combinations

from extractors.mentions import ExtractOptions, extract_mentions
from extractors.lexicon import Lexicon
from extractors.relations import extract_relations
from extractors.segment import paragraphs, sentences
from kg.measures import Association, association
from extractors.records import Document, TypedRelation

WINDOWS = ("sentence", "paragraph", "document")
#: Evidence sentences kept per pair and per typed relation.
EVIDENCE_PER_EDGE = 3
#: Document ids listed on an edge (the full list is in evidence.csv).
DOCUMENTS_PER_EDGE = 50

MENTION_COLUMNS = ("doc", "start", "end", "text", "entity_id", "name", "type", "rule", "sentence")
EVIDENCE_COLUMNS = ("source", "target", "doc", "unit", "start", "end")


@dataclass(frozen=True, slots=True)
class DocInfo:
    id: str
    path: str
    format: str
    title: str
    publication: str
    date: str
    chars: int
    sentences: int
    paragraphs: int
    mentions: int


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
class DocResult:
    info: DocInfo
    entities: dict[str, tuple[str, str]]  # id -> (name, type)
    mention_counts: Counter  # id -> mentions, in order of first mention
    first_mention: dict[str, int]  # id -> index of its first row in the document's mention rows
    unit_counts: Counter  # id -> units of the window containing it
    pair_counts: Counter  # (a, b) -> units containing both
    units: int
    evidence: dict[tuple[str, str], tuple[int, ...]]  # pair -> its best sentences (indices below)
    evidence_sentences: dict[int, tuple]  # sentence index -> (rank, sentence id, start, end, text)
    typed: list[tuple[TypedRelation, str]]  # relation and its evidence text
    mention_csv: str  # rows for mentions.csv
    evidence_csv: str  # rows for evidence.csv


def analyse_document(doc: Document, lexicon: Lexicon, *, window: str = "sentence", rules: bool = True) -> DocResult:
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {WINDOWS}")
    text = doc.text
    paras = paragraphs(doc.id, text)
    sents = sentences(doc.id, text, paras)
    mentions = extract_mentions(doc, lexicon, options=ExtractOptions(rules=rules), sents=sents)

    entities: dict[str, tuple[str, str]] = {}
    mention_counts: Counter = Counter()
    per_sentence: dict[int, set[str]] = {}
    rows = []
    doc_field = _csv_field(doc.id)
    k, n_sents = 0, len(sents)
    first_mention: dict[str, int] = {}
    for row_index, m in enumerate(mentions):  # in text order: walk the sentences along
        entities[m.entity_id] = (m.name, m.type)
        mention_counts[m.entity_id] += 1
        first_mention.setdefault(m.entity_id, row_index)
        while k < n_sents and sents[k].end <= m.start:
            k += 1
        si = k if k < n_sents and sents[k].start <= m.start else None
        if si is not None:
            per_sentence.setdefault(si, set()).add(m.entity_id)
        rows.append(
            f"{doc_field},{m.start},{m.end},{_csv_field(m.text)},{m.entity_id},{_csv_field(m.name)},{m.type},"
            f"{m.rule},{'' if si is None else _csv_field(f'{doc.id}#s{si}')}\n"
        )

    # units of the co-occurrence window (only those holding an entity), each with its entity set
    if window == "sentence":
        units = [(f"{doc.id}#s{i}", sents[i].start, sents[i].end, ents, [i]) for i, ents in sorted(per_sentence.items())]
    elif window == "paragraph":
        by_para: dict[int, list[int]] = {}
        for i, s in enumerate(sents):
            by_para.setdefault(s.paragraph, []).append(i)
        units = []
        for p in paras:
            idx = by_para.get(p.index, [])
            ents = set().union(*(per_sentence.get(i, set()) for i in idx)) if idx else set()
            units.append((f"{doc.id}#p{p.index}", p.start, p.end, ents, idx))
    else:
        units = [(doc.id, 0, len(text), set().union(*per_sentence.values()) if per_sentence else set(), list(range(len(sents))))]

    unit_counts: Counter = Counter()
    pair_counts: Counter = Counter()
    where: dict[tuple[str, str], list[int]] = {}  # pair -> sentences holding both (evidence candidates)
    ev_rows: list[str] = []
    for unit_id, u0, u1, ents, sent_idx in units:
        if not ents:
            continue
        unit_counts.update(ents)
        if len(ents) < 2:
            continue
        unit_field = _csv_field(unit_id) if doc_field is not doc.id else unit_id
        ordered = sorted(ents)
        for pair in combinations(ordered, 2):
            pair_counts[pair] += 1
            ev_rows.append(f"{pair[0]},{pair[1]},{doc_field},{unit_field},{u0},{u1}\n")
            if window == "sentence":
                where.setdefault(pair, []).append(sent_idx[0])
                continue
            a, b = pair
            for i in sent_idx:
                in_sentence = per_sentence.get(i, ())
                if a in in_sentence and b in in_sentence:
                    where.setdefault(pair, []).append(i)

    def rank(i: int) -> tuple:
        s = sents[i]
        return (len(per_sentence[i]), s.end - s.start), f"{doc.id}#s{i}"

    # each pair's best sentences, as indices into one table of sentences (a sentence with many
    # entities serves many pairs; its text travels once)
    evidence: dict[tuple[str, str], tuple[int, ...]] = {}
    used: set[int] = set()
    for pair, idx in where.items():
        best = tuple(heapq.nsmallest(EVIDENCE_PER_EDGE, idx, key=rank)) if len(idx) > 1 else tuple(idx)
        evidence[pair] = best
        used.update(best)
    evidence_sentences = {
        i: (rank(i)[0], f"{doc.id}#s{i}", sents[i].start, sents[i].end, text[sents[i].start : sents[i].end])
        for i in sorted(used)
    }

    typed = [(r, text[r.start : r.end]) for r in extract_relations(doc, mentions, sents=sents)]
    info = DocInfo(doc.id, doc.path, doc.format, doc.title, doc.publication, doc.date, len(text), len(sents), len(paras), len(mentions))
    n_units = {"sentence": len(sents), "paragraph": len(paras), "document": 1}[window]
    return DocResult(info, entities, mention_counts, first_mention, unit_counts, pair_counts, n_units, evidence, evidence_sentences, typed, "".join(rows), "".join(ev_rows))


def _csv_field(value: str) -> str:
    if "," in value or '"' in value or "\n" in value or "\r" in value:
        return '"' + value.replace('"', '""') + '"'
    return value


@dataclass
class PairStats:
    count: int = 0
    documents: list[str] = field(default_factory=list)
    doc_count: int = 0
    first_date: str = ""
    evidence: list[Evidence] = field(default_factory=list)


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
        self.documents: list[DocInfo] = []
        self.entities: dict[str, EntityStats] = {}
        self.pairs: dict[tuple[str, str], PairStats] = {}
        self.typed: dict[tuple[str, str, str, str], TypedStats] = {}
        self.units = 0
        # how often each entity is mentioned in each document, in the order of mentions.csv
        self._entity_index: dict[str, int] = {}
        self._doc_index: dict[str, int] = {}
        self._mc = (array("I"), array("I"), array("Q"), array("Q"))  # entity, doc, count, first row
        self._rows = 0

    def add(self, r: DocResult) -> None:
        doc_id, date = r.info.id, r.info.date
        self.documents.append(r.info)
        self.units += r.units
        if r.mention_counts:
            d = self._doc_index.setdefault(doc_id, len(self._doc_index))
            entity, doc, count, first = self._mc
            for eid, n in r.mention_counts.items():  # first-mention order, as in mentions.csv
                entity.append(self._entity_index.setdefault(eid, len(self._entity_index)))
                doc.append(d)
                count.append(n)
                first.append(self._rows + r.first_mention[eid])
            self._rows += r.info.mentions
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
            idx = r.evidence.get(pair)
            if idx:
                table = r.evidence_sentences
                first = table[idx[0]]
                if len(p.evidence) < EVIDENCE_PER_EDGE or (first[0], doc_id, first[1]) < p.evidence[-1][:3]:
                    new = [Evidence(t[0], doc_id, t[1], t[2], t[3], t[4]) for t in map(table.__getitem__, idx)]
                    p.evidence = heapq.nsmallest(EVIDENCE_PER_EDGE, [*p.evidence, *new])
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

    def association(self, a: str, b: str) -> Association:
        """PMI, NPMI, Jaccard and G² of the pair (a, b) over the corpus's units."""
        return association(self.pairs[(a, b)].count, self.entities[a].units, self.entities[b].units, max(1, self.units))

    def mention_count_arrays(self) -> tuple:
        """(entity ids, document ids, entity index, document index, count, first row) for every
        (entity, document) pair, in the order mentions.csv lists them: what the Neo4j files need
        without reading mentions.csv again."""
        entity, doc, count, first = self._mc
        return tuple(self._entity_index), tuple(self._doc_index), entity, doc, count, first
