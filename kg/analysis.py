"""One document's share of the corpus: what the build's map step makes of each document.

``analyse_document`` turns one normalised document into a compact, picklable ``DocResult``:
mention rows, per-unit entity sets reduced to counts, the few most informative evidence sentences
per pair, and typed relations. It runs in worker processes (or on a cluster); the main process
only merges results (``kg.corpus.Corpus.add``) in document-id order, so the output does not depend
on where or in what order documents were analysed.

Nothing here holds a document's text after its ``DocResult`` is made: the corpus keeps counts and a
bounded number of evidence sentences per pair, which is what lets large corpora stream.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from extractors.lexicon import Lexicon
from extractors.mentions import ExtractOptions, extract_mentions
from extractors.records import Document, Mention, Sentence, TypedRelation
from extractors.relations import extract_relations
from extractors.segment import paragraphs, sentences
from kg.cooccurrence import MAX_SENTENCE_ENTITIES, WINDOWS, best_evidence, count_units, units
from kg.tables import DocumentRow, csv_field


@dataclass
class DocResult:
    info: DocumentRow
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


def analyse_document(doc: Document, lexicon: Lexicon, *, window: str = "sentence", rules: bool = True,
                     max_sentence_entities: int = MAX_SENTENCE_ENTITIES) -> DocResult:
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {', '.join(WINDOWS)}")
    text = doc.text
    paras = paragraphs(doc.id, text)
    sents = sentences(doc.id, text, paras)
    mentions = extract_mentions(doc, lexicon, options=ExtractOptions(rules=rules), sents=sents)
    sentence_of = _sentence_of(mentions, sents)

    entities: dict[str, tuple[str, str]] = {}
    mention_counts: Counter = Counter()
    first_mention: dict[str, int] = {}
    per_sentence: dict[int, set[str]] = {}
    for row, (m, si) in enumerate(zip(mentions, sentence_of)):
        entities[m.entity_id] = (m.name, m.type)
        mention_counts[m.entity_id] += 1
        first_mention.setdefault(m.entity_id, row)
        if si is not None:
            per_sentence.setdefault(si, set()).add(m.entity_id)

    unit_list = units(doc.id, len(text), sents, paras, per_sentence, window)
    counts = count_units(doc.id, unit_list, per_sentence, window, max_sentence_entities)
    evidence, evidence_sentences = best_evidence(doc.id, text, sents, per_sentence, counts.where)
    typed = [(r, text[r.start : r.end]) for r in extract_relations(doc, mentions, sents=sents)]
    info = DocumentRow(doc.id, doc.path, doc.format, doc.title, doc.publication, doc.date, doc.date_precision,
                       doc.date_source, len(text), len(sents),
                       len(paras), len(mentions))
    n_units = {"sentence": len(sents), "paragraph": len(paras), "document": 1}[window]
    return DocResult(info, entities, mention_counts, first_mention, counts.unit_counts, counts.pair_counts, n_units,
                     evidence, evidence_sentences, typed, mention_rows(doc.id, mentions, sentence_of), counts.evidence_csv)


def _sentence_of(mentions: Sequence[Mention], sents: Sequence[Sentence]) -> list[int | None]:
    """The index of the sentence each mention starts in (None between sentences); mentions come in
    text order, so the sentences are walked along once."""
    out: list[int | None] = []
    k, n = 0, len(sents)
    for m in mentions:
        while k < n and sents[k].end <= m.start:
            k += 1
        out.append(k if k < n and sents[k].start <= m.start else None)
    return out


def mention_rows(doc_id: str, mentions: Sequence[Mention], sentence_of: Sequence[int | None]) -> str:
    """The document's rows of mentions.csv."""
    doc_field = csv_field(doc_id)
    return "".join(
        f"{doc_field},{m.start},{m.end},{csv_field(m.text)},{m.entity_id},{csv_field(m.name)},{m.type},"
        f"{m.rule},{'' if si is None else csv_field(f'{doc_id}#s{si}')}\n"
        for m, si in zip(mentions, sentence_of)
    )
