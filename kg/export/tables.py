"""Tidy CSV tables (UTF-8 with a byte-order mark, so Excel and pandas both read them).

- ``entities.csv``: one row per entity. Columns: id, name, type, category, aliases (joined with
  ' | '), source (lexicon or rule), mentions, documents, first_date, last_date, degree,
  weighted_degree, pagerank, community, in_graph.
- ``relations.csv``: one row per relation. Every co-occurring pair (before the graph's filters)
  with type CO_OCCURS, and every typed relation (HOLDS_POSITION, ISSUED, AUTHORED, PUBLISHED_IN,
  PART_OF) read source -> target. Columns: source, target, source_name, target_name, type, detail,
  count, doc_count, pmi, npmi, jaccard, llr, first_date, in_graph, documents (' | '), evidence
  (the evidence sentences, joined with ' ‖ '), evidence_refs (doc#sN:start-end, joined with ' | ').
- ``mentions.csv`` (streamed while documents are read): doc, start, end, text, entity_id, name,
  type, rule, sentence. ``text`` is the normalised document's text from start to end.
- ``evidence.csv`` (streamed): every unit where a pair co-occurs: source, target, doc, unit,
  start, end.
- ``documents.csv``: id, path, format, title, publication, date, chars, sentences, paragraphs,
  mentions.
"""
from __future__ import annotations

import csv
from dataclasses import astuple, fields
from pathlib import Path

import networkx as nx

from kg.corpus import Corpus, DocInfo
from kg.export import atomic_text
from extractors.records import EVIDENCE_SEPARATOR, LIST_SEPARATOR

ENTITY_COLUMNS = (
    "id", "name", "type", "category", "aliases", "source", "mentions", "documents", "first_date",
    "last_date", "degree", "weighted_degree", "pagerank", "community", "in_graph",
)
RELATION_COLUMNS = (
    "source", "target", "source_name", "target_name", "type", "detail", "count", "doc_count", "pmi",
    "npmi", "jaccard", "llr", "first_date", "in_graph", "documents", "evidence", "evidence_refs",
)
DOCUMENT_COLUMNS = tuple(f.name for f in fields(DocInfo))
ENCODING = "utf-8-sig"


def write_entities(g: nx.Graph, path: Path) -> Path:
    with atomic_text(path, encoding=ENCODING, newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(ENTITY_COLUMNS)
        for node in sorted(g.nodes):
            d = g.nodes[node]
            row = [node if c == "id" else d.get(c, "") for c in ENTITY_COLUMNS[:-1]]
            row[ENTITY_COLUMNS.index("aliases")] = LIST_SEPARATOR.join(d.get("aliases", []))
            w.writerow([*row, "true" if g.degree(node) else "false"])
    return Path(path)


def write_relations(g: nx.Graph, corpus: Corpus, path: Path) -> Path:
    names = {eid: e.name for eid, e in corpus.entities.items()}
    with atomic_text(path, encoding=ENCODING, newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(RELATION_COLUMNS)
        for (a, b) in sorted(corpus.pairs):
            p = corpus.pairs[(a, b)]
            s = corpus.association(a, b)
            in_graph = g.has_edge(a, b) and g.edges[a, b]["count"] > 0
            w.writerow([
                a, b, names[a], names[b], "CO_OCCURS", "", p.count, p.doc_count,
                round(s.pmi, 6), round(s.npmi, 6), round(s.jaccard, 6), round(s.llr, 6), p.first_date,
                "true" if in_graph else "false", LIST_SEPARATOR.join(p.documents),
                EVIDENCE_SEPARATOR.join(e.text for e in p.evidence),
                LIST_SEPARATOR.join(f"{e.sentence}:{e.start}-{e.end}" for e in p.evidence),
            ])
        for (type_, src, dst, detail), t in sorted(corpus.typed.items()):
            w.writerow([
                src, dst, names.get(src, src), names.get(dst, dst), type_, detail, t.count, len(t.documents),
                "", "", "", "", "", "true", LIST_SEPARATOR.join(t.documents),
                EVIDENCE_SEPARATOR.join(x for _, _, _, x in t.evidence),
                LIST_SEPARATOR.join(f"{d}:{s}-{e}" for d, s, e, _ in t.evidence),
            ])
    return Path(path)


def write_documents(corpus: Corpus, path: Path) -> Path:
    with atomic_text(path, encoding=ENCODING, newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(DOCUMENT_COLUMNS)
        for info in sorted(corpus.documents, key=lambda d: d.id):
            w.writerow(astuple(info))
    return Path(path)
