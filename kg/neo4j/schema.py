"""The graph model in Neo4j: labels, properties and relationship types (a fixed schema).

Labels and relationship types are only ever taken from here, never from text; values are always
query parameters.

Nodes
- ``(:Entity:<Type>)``, Type one of ENTITY_TYPES (Person, Institution, Policy, Document, Event,
  Place, Technology). Properties: ``id`` (unique), ``name``, ``type``, ``category``, ``aliases``
  (list), ``source`` ("lexicon"|"rule"), ``mentions``, ``documents``, ``first_date``,
  ``last_date``, ``degree``, ``weighted_degree``, ``pagerank``, ``community``, ``corpora``
  (list of corpus names that loaded the entity).
- ``(:SourceDocument)``: an input file. Properties: ``id`` (unique), ``path``, ``title``,
  ``publication``, ``date``, ``format``, ``chars``, ``sentences``, ``mentions``, ``corpus``.

Relationships
- ``(:Entity)-[:CO_OCCURS]->(:Entity)``: one per co-occurring pair, stored from the smaller id to
  the larger (read it undirected: ``-[:CO_OCCURS]-``). Properties: ``count``, ``doc_count``,
  ``weight``, ``pmi``, ``npmi``, ``jaccard``, ``llr``, ``first_date``, ``in_graph`` (kept by the
  build's filters), ``doc_ids`` (list), ``evidence`` (list of sentence texts), ``evidence_refs``
  (list of ``doc#sN:start-end``), ``corpus``.
- Typed, read source -> target: ``HOLDS_POSITION`` (Person -> Institution), ``ISSUED``
  (Institution -> Document), ``AUTHORED`` (Person -> Document), ``PUBLISHED_IN`` (Document ->
  Institution), ``PART_OF`` (Institution -> Institution). Properties: ``detail`` (the position for
  HOLDS_POSITION, "" otherwise; part of the relationship's identity), ``count``, ``doc_ids``,
  ``evidence``, ``evidence_refs``, ``corpus``.
- ``(:Entity)-[:MENTIONED_IN]->(:SourceDocument)``: provenance. Properties: ``mentions``,
  ``corpus``.

Constraints and indexes
- uniqueness of ``id`` on ``:Entity``, on each type label, and on ``:SourceDocument``;
- indexes on ``:Entity(name)`` and each type label's ``name`` (lookups by name in the queries).
"""
from __future__ import annotations

from extractors.records import ENTITY_TYPES, RELATION_TYPES, TYPED_RELATIONS
from kg.palette import LABEL_COLORS  # noqa: F401  (the Browser style's colours, with the labels)

ENTITY_LABEL = "Entity"
SOURCE_LABEL = "SourceDocument"
PROVENANCE = "MENTIONED_IN"
NODE_LABELS = (ENTITY_LABEL, *ENTITY_TYPES, SOURCE_LABEL)
RELATIONSHIP_TYPES = (*RELATION_TYPES, PROVENANCE)

#: Endpoint types of the typed relations (source type, target type).
TYPED_ENDPOINTS = {
    "HOLDS_POSITION": ("Person", "Institution"),
    "ISSUED": ("Institution", "Document"),
    "AUTHORED": ("Person", "Document"),
    "PUBLISHED_IN": ("Document", "Institution"),
    "PART_OF": ("Institution", "Institution"),
}
assert set(TYPED_ENDPOINTS) == set(TYPED_RELATIONS)

#: Property types, the same for every writer (neo4j-admin headers use them too):
#: "string" | "long" | "double" | "boolean" | "string[]" | "long[]".
ENTITY_PROPERTIES: dict[str, str] = {
    "name": "string", "type": "string", "category": "string", "aliases": "string[]", "source": "string",
    "mentions": "long", "documents": "long", "first_date": "string", "last_date": "string",
    "burst_start": "string", "burst_end": "string", "burst_strength": "double",
    "degree": "long", "weighted_degree": "double", "pagerank": "double", "community": "long",
    "periods": "string[]", "period_documents": "long[]", "period_mentions": "long[]",
}
DOCUMENT_PROPERTIES: dict[str, str] = {
    "path": "string", "title": "string", "publication": "string", "date": "string", "date_precision": "string",
    "date_source": "string", "format": "string",
    "chars": "long", "sentences": "long", "mentions": "long", "corpus": "string",
}
CO_OCCURS_PROPERTIES: dict[str, str] = {
    "count": "long", "doc_count": "long", "weight": "long", "pmi": "double", "npmi": "double",
    "jaccard": "double", "llr": "double", "first_date": "string", "in_graph": "boolean",
    "doc_ids": "string[]", "evidence": "string[]", "evidence_refs": "string[]", "periods": "string[]",
    "period_counts": "long[]", "corpus": "string",
}
TYPED_PROPERTIES: dict[str, str] = {
    "detail": "string", "count": "long", "doc_ids": "string[]", "evidence": "string[]",
    "evidence_refs": "string[]", "corpus": "string",
}
MENTIONED_IN_PROPERTIES: dict[str, str] = {"mentions": "long", "corpus": "string"}
