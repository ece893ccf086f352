"""Co-occurrence in one document: the units of the window, the pairs in each, the best evidence.

Pure functions over a document's sentences and the entities in each sentence. Windows never cross
their unit's boundary; pairs are canonical (``combinations(sorted(set(ids)), 2)``); every pair
keeps where it came from (a row of evidence.csv per unit) and its most informative sentences.
Association measures are a separate step over the corpus's counts (``kg.measures``).
"""
from __future__ import annotations

import heapq
from collections import Counter
from itertools import combinations
from typing import NamedTuple, Sequence

from extractors.records import Paragraph, Sentence
from kg.tables import csv_field

WINDOWS = ("sentence", "paragraph", "document")
#: A sentence naming more entities than this is a list (a roll call, the members elected, the countries
#: taking part): its entities are counted as mentioned, but they do not co-occur through it. 338 names
#: in one sentence would otherwise make 56,953 pairs, each with that sentence as its evidence.
MAX_SENTENCE_ENTITIES = 30
#: Evidence sentences kept per pair and per typed relation.
EVIDENCE_PER_EDGE = 3


class Unit(NamedTuple):
    """One unit of the co-occurrence window: its id, span, entities and the sentences it holds."""

    id: str
    start: int
    end: int
    entities: set[str]
    sentences: list[int]


class UnitCounts(NamedTuple):
    unit_counts: Counter  # entity -> units holding it
    pair_counts: Counter  # (a, b) -> units holding both
    where: dict[tuple[str, str], list[int]]  # pair -> sentences holding both (evidence candidates)
    evidence_csv: str  # rows for evidence.csv


def units(doc_id: str, text_length: int, sents: Sequence[Sentence], paras: Sequence[Paragraph],
          per_sentence: dict[int, set[str]], window: str) -> list[Unit]:
    """The units of ``window`` that hold an entity (a paragraph window lists every paragraph)."""
    if window == "sentence":
        return [Unit(f"{doc_id}#s{i}", sents[i].start, sents[i].end, ents, [i]) for i, ents in sorted(per_sentence.items())]
    if window == "paragraph":
        by_para: dict[int, list[int]] = {}
        for i, s in enumerate(sents):
            by_para.setdefault(s.paragraph, []).append(i)
        out = []
        for p in paras:
            idx = by_para.get(p.index, [])
            ents = set().union(*(per_sentence.get(i, set()) for i in idx)) if idx else set()
            out.append(Unit(f"{doc_id}#p{p.index}", p.start, p.end, ents, idx))
        return out
    if window == "document":
        ents = set().union(*per_sentence.values()) if per_sentence else set()
        return [Unit(doc_id, 0, text_length, ents, list(range(len(sents))))]
    raise ValueError(f"window must be one of {', '.join(WINDOWS)}")


def count_units(doc_id: str, unit_list: Sequence[Unit], per_sentence: dict[int, set[str]], window: str,
                max_sentence_entities: int = MAX_SENTENCE_ENTITIES) -> UnitCounts:
    """Entities and pairs per unit, the sentences where each pair may find its evidence, and the
    evidence.csv rows (one per pair and unit). Sentences with more than ``max_sentence_entities``
    entities (lists; 0: no limit) pair nobody: their entities pair through the unit's other sentences."""
    lists = {i for i, e in per_sentence.items() if len(e) > max_sentence_entities} if max_sentence_entities else set()
    if lists:
        per_sentence = {i: e for i, e in per_sentence.items() if i not in lists}
    unit_counts: Counter = Counter()
    pair_counts: Counter = Counter()
    where: dict[tuple[str, str], list[int]] = {}
    rows: list[str] = []
    doc_field = csv_field(doc_id)
    for unit_id, u0, u1, ents, sent_idx in unit_list:
        if not ents:
            continue
        unit_counts.update(ents)
        if lists and lists.intersection(sent_idx):  # what the unit's sentences that are no lists name
            ents = set().union(*(per_sentence.get(i, ()) for i in sent_idx))
        if len(ents) < 2:
            continue
        unit_field = csv_field(unit_id) if doc_field is not doc_id else unit_id
        for pair in combinations(sorted(ents), 2):
            pair_counts[pair] += 1
            rows.append(f"{pair[0]},{pair[1]},{doc_field},{unit_field},{u0},{u1}\n")
            if window == "sentence":
                where.setdefault(pair, []).append(sent_idx[0])
                continue
            a, b = pair
            for i in sent_idx:
                in_sentence = per_sentence.get(i, ())
                if a in in_sentence and b in in_sentence:
                    where.setdefault(pair, []).append(i)
    return UnitCounts(unit_counts, pair_counts, where, "".join(rows))


def best_evidence(doc_id: str, text: str, sents: Sequence[Sentence], per_sentence: dict[int, set[str]],
                  where: dict[tuple[str, str], list[int]]) -> tuple[dict[tuple[str, str], tuple[int, ...]], dict[int, tuple]]:
    """Each pair's most informative sentences (fewest entities, then shortest, then first), as
    indices into one table of sentences ``{index: (rank, sentence id, start, end, text)}``: a
    sentence with many entities serves many pairs, and its text travels once."""

    def rank(i: int) -> tuple:
        s = sents[i]
        return (len(per_sentence[i]), s.end - s.start), f"{doc_id}#s{i}"

    evidence: dict[tuple[str, str], tuple[int, ...]] = {}
    used: set[int] = set()
    for pair, idx in where.items():
        best = tuple(heapq.nsmallest(EVIDENCE_PER_EDGE, idx, key=rank)) if len(idx) > 1 else tuple(idx)
        evidence[pair] = best
        used.update(best)
    table = {i: (rank(i)[0], f"{doc_id}#s{i}", sents[i].start, sents[i].end, text[sents[i].start : sents[i].end])
             for i in sorted(used)}
    return evidence, table
