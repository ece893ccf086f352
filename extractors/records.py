"""The records passed between stages.

Every stage takes records and returns records; nothing reaches back into an earlier stage.
Offsets (``start``/``end``) are character offsets into ``Document.text``, the *normalised* text.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache

#: The fixed vocabulary of entity types (see ../shared/eval/GUIDELINES.md).
ENTITY_TYPES: tuple[str, ...] = (
    "Person",
    "Institution",
    "Policy",
    "Document",
    "Event",
    "Place",
    "Technology",
)

#: Short, stable prefixes used in entity ids.
TYPE_PREFIX: dict[str, str] = {
    "Person": "per",
    "Institution": "ins",
    "Policy": "pol",
    "Document": "doc",
    "Event": "evt",
    "Place": "pla",
    "Technology": "tec",
}


@lru_cache(maxsize=65536)
def entity_id(type_: str, name: str) -> str:
    """Stable id of an entity: a type prefix and a hash of type and canonical name.

    It depends on nothing but its arguments, so it is the same between runs, machines and
    input orders, and an entity found by a rule keeps its id when it is later added to a lexicon.

    >>> entity_id("Policy", "新质生产力")
    'pol_f29ce40160c3'
    """
    digest = hashlib.sha1(f"{type_}\t{name}".encode("utf-8")).hexdigest()
    return f"{TYPE_PREFIX[type_]}_{digest[:12]}"


@dataclass(frozen=True, slots=True)
class Source:
    """A file as read, before normalisation.

    ``warnings``: what the user should know about how the file was read, in words, in the order
    found (``encoding guessed as Big5 (weak guess)``, ``12 control characters removed``).
    ``meta``: metadata the format carries, ``(key, value)`` sorted by key, values as written in the
    file (dates not parsed). Keys, when present: ``front_matter.date``, ``front_matter.title``
    (Markdown and text), ``html.published_time``, ``html.title``, ``docx.created``,
    ``docx.modified``, ``docx.title``, ``pdf.creation_date``, ``pdf.mod_date``, ``pdf.title``.
    """

    path: str
    format: str  # txt, md, html, docx, pdf
    encoding: str  # utf-8, utf-8-sig, utf-16, gb18030, big5, utf-16-le …, or "" for binary containers
    text: str
    warnings: tuple[str, ...] = ()
    meta: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """A normalised document. ``text`` is what every offset downstream refers to."""

    id: str
    path: str
    format: str
    text: str
    title: str = ""
    publication: str = ""
    date: str = ""  # ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD), "" when unknown
    date_precision: str = ""  # year, month or day ("" when undated)
    date_source: str = ""  # one of DATE_SOURCES: where the date came from
    date_conflicts: tuple[str, ...] = ()  # sources that disagreed ("manifest=2023 vs path=2024")
    warnings: tuple[str, ...] = ()  # what reading repaired or guessed (dropped control characters, an encoding)


@dataclass(frozen=True, slots=True)
class Sentence:
    doc_id: str
    index: int  # 0-based position in the document
    paragraph: int  # 0-based paragraph the sentence belongs to
    start: int
    end: int

    @property
    def id(self) -> str:
        return f"{self.doc_id}#s{self.index}"


@dataclass(frozen=True, slots=True)
class Paragraph:
    doc_id: str
    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One row of a lexicon file: a canonical entity and the surface forms that name it."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    category: str = ""
    origin: str = ""  # "file:line" the entry came from, for messages

    @property
    def id(self) -> str:
        return entity_id(self.type, self.name)

    def __reduce__(self):
        # pickled as its fields, rebuilt by the constructor: a third of the cost of the generic state of a
        # frozen, slotted dataclass, for the 37,000 entries of the cached lexicon read at every start
        return (LexiconEntry, (self.name, self.type, self.aliases, self.category, self.origin))


@dataclass(frozen=True, slots=True, order=True)
class Mention:
    """One occurrence of an entity in a document.

    Ordered by ``(doc_id, start, end, entity_id)``, the order extractors return them in.
    """

    doc_id: str
    start: int
    end: int
    entity_id: str
    text: str = field(compare=False)
    type: str = field(compare=False)
    name: str = field(compare=False)
    rule: str = field(compare=False)  # what found it: "lexicon", "rule:person-title", ...


#: Relationship types of the graph (a fixed schema: never taken from text).
#: CO_OCCURS is undirected; the typed relations read source -> target.
CO_OCCURS = "CO_OCCURS"
RELATION_TYPES: tuple[str, ...] = (
    CO_OCCURS,
    "HOLDS_POSITION",  # Person -> Institution, detail: the position (党组书记、部长)
    "ISSUED",  # Institution -> Document
    "AUTHORED",  # Person -> Document
    "PUBLISHED_IN",  # Document -> Institution (newspaper, journal)
    "PART_OF",  # Institution (sub-unit) -> Institution
)
TYPED_RELATIONS: tuple[str, ...] = RELATION_TYPES[1:]

@dataclass(frozen=True, slots=True, order=True)
class TypedRelation:
    """A relation the text states, with the span of text that states it (its evidence)."""

    doc_id: str
    start: int  # evidence span in the normalised text
    end: int
    type: str
    source: str  # entity id
    target: str  # entity id
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity, as the graph sees it."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    category: str = ""


#: Where a document's date came from, highest precedence first (see extractors/dating.py).
DATE_SOURCES: tuple[str, ...] = (
    "manifest",
    "front-matter",
    "title",
    "path",
    "html-meta",
    "docx-properties",
    "pdf-info",
)


@dataclass(frozen=True, slots=True)
class DocumentDate:
    """A document's date, how precise it is, which source gave it, and what disagreed.

    ``date`` is ``""``, ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``precision`` is ``""``, ``year``,
    ``month`` or ``day`` to match; ``source`` is one of :data:`DATE_SOURCES` (``""`` when undated).
    ``conflicts`` are human-readable lines for the build summary, ``"source=value vs source=value"``
    (or ``"source: 'raw' is not a date"``), each naming both sides; the document keeps ``date``.
    """

    date: str = ""
    precision: str = ""
    source: str = ""
    conflicts: tuple[str, ...] = ()
