"""The output folder of ``kg build``: what is in it, how each table is written, and how it is read back.

This module is the folder's contract. Everything that writes or reads a table takes its names,
columns and conventions from here: the build, the notebook (``kg.load``), the query twins and the
Neo4j files and loader. Like a networkx ``readwrite`` module, the writer and the one reader of the
format live together.

Tables (UTF-8 with a byte-order mark, so Excel and pandas both read them):

- ``entities.csv``: one row per entity. Columns: id, name, type, category, aliases (joined with
  ' | '), source (lexicon or rule), mentions, documents, first_date, last_date, burst_start,
  burst_end, burst_strength (its strongest burst, in time slices), degree, weighted_degree,
  pagerank, community, in_graph, periods (the time slices it is mentioned in, ' | '),
  period_documents and period_mentions (its documents and mentions in each of those slices, ' | ').
- ``relations.csv``: one row per relation. Every co-occurring pair (before the graph's filters)
  with type CO_OCCURS, and every typed relation (HOLDS_POSITION, ISSUED, AUTHORED, PUBLISHED_IN,
  PART_OF) read source -> target. Columns: source, target, source_name, target_name, type, detail,
  count, doc_count, pmi, npmi, jaccard, llr, first_date, in_graph, documents (' | '), evidence
  (the evidence sentences, joined with ' ‖ '), evidence_refs (doc#sN:start-end, joined with ' | '),
  periods and period_counts (the time slices the pair co-occurs in and its units in each, ' | ').
- ``mentions.csv`` (streamed while documents are read): doc, start, end, text, entity_id, name,
  type, rule, sentence. ``text`` is the normalised document's text from start to end.
- ``evidence.csv`` (streamed): every unit where a pair co-occurs: source, target, doc, unit,
  start, end.
- ``documents.csv``: id, path, format, title, publication, date, date_precision (year, month or
  day), date_source (manifest, front-matter, title, path, html-meta, docx-properties or pdf-info),
  chars, sentences, paragraphs, mentions.

Cells that a spreadsheet would run as a formula are written behind a single quote (the OWASP guard
against CSV injection): a text cell that starts with = + - @, a tab or a carriage return (a name like
=HYPERLINK(...), a file named -x.txt, a sentence starting with -) is written as '=HYPERLINK(...), which
Excel and LibreOffice show as text, quote included. So that the quote can always be taken off again,
a text cell that starts with a quote gets one more ('abc is written ''abc). Numbers are written as they
are (-0.25 stays a number). kg.load and every reader of this package take the quote off; pandas.read_csv
or another CSV reader keeps it: remove one leading ' from text cells to get the values back.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass, fields
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, NamedTuple, Sequence

from extractors.errors import KgError
from extractors.records import CO_OCCURS, ENTITY_TYPES, RELATION_TYPES
from kg.files import atomic_text

if TYPE_CHECKING:
    import pandas as pd

ENCODING = "utf-8-sig"
#: How a table writes a list in one cell, and the evidence texts of a relation.
LIST_SEPARATOR = " | "
EVIDENCE_SEPARATOR = " ‖ "

ENTITIES, RELATIONS, DOCUMENTS, MENTIONS, EVIDENCE = (
    "entities.csv", "relations.csv", "documents.csv", "mentions.csv", "evidence.csv",
)
TABLES = (ENTITIES, RELATIONS, DOCUMENTS, MENTIONS, EVIDENCE)
MENTION_COLUMNS = ("doc", "start", "end", "text", "entity_id", "name", "type", "rule", "sentence")
EVIDENCE_COLUMNS = ("source", "target", "doc", "unit", "start", "end")


def describe_tables() -> str:
    """The list of tables and their columns (for the README written into every output folder)."""
    return __doc__.split("read them):\n\n", 1)[1]


# --- rows -----------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class EntityRow:
    id: str
    name: str
    type: str
    category: str
    aliases: tuple[str, ...]
    source: str  # "lexicon" or "rule"
    mentions: int
    documents: int
    first_date: str
    last_date: str
    burst_start: str  # the strongest burst's first and last period (kg.timeline), "" when none
    burst_end: str
    burst_strength: float  # 0.0 when none
    degree: int
    weighted_degree: float
    pagerank: float
    community: int
    in_graph: bool
    periods: tuple[str, ...] = ()  # the time slices it is mentioned in, in order
    period_documents: tuple[int, ...] = ()  # documents mentioning it, per slice
    period_mentions: tuple[int, ...] = ()  # its mentions, per slice


@dataclass(frozen=True, slots=True)
class RelationRow:
    """A co-occurring pair (``type`` CO_OCCURS, source < target) or a typed relation (source -> target)."""

    source: str
    target: str
    source_name: str
    target_name: str
    type: str
    detail: str
    count: int
    doc_count: int
    pmi: float | None  # the association measures of a pair; None for a typed relation
    npmi: float | None
    jaccard: float | None
    llr: float | None
    first_date: str
    in_graph: bool
    documents: tuple[str, ...]
    evidence: tuple[str, ...]  # sentence texts
    evidence_refs: tuple[str, ...]  # one reference (see EvidenceRef) per text
    periods: tuple[str, ...] = ()  # the time slices the pair co-occurs in (co-occurrence only)
    period_counts: tuple[int, ...] = ()  # its units per slice


@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: str
    path: str
    format: str
    title: str
    publication: str
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD; "" when not known
    date_precision: str  # year, month, day ("" when undated)
    date_source: str  # where the date came from (extractors.dating): manifest, front-matter, title, path …
    chars: int
    sentences: int
    paragraphs: int
    mentions: int


ENTITY_COLUMNS = tuple(f.name for f in fields(EntityRow))
RELATION_COLUMNS = tuple(f.name for f in fields(RelationRow))
DOCUMENT_COLUMNS = tuple(f.name for f in fields(DocumentRow))
#: A row's values in column order (dataclasses.astuple copies every value deeply: far slower).
_VALUES = {cls: attrgetter(*(f.name for f in fields(cls))) for cls in (EntityRow, RelationRow, DocumentRow)}


# --- evidence references -----------------------------------------------------------------------------------

class EvidenceRef(NamedTuple):
    """Where an evidence text is: ``doc#sN:start-end`` (a sentence of a co-occurrence) or
    ``doc:start-end`` (the span of a typed relation); offsets into the normalised text."""

    doc: str
    sentence: str  # the sentence id (doc#sN), "" for a typed relation's span
    start: int
    end: int

    def __str__(self) -> str:
        return f"{self.sentence or self.doc}:{self.start}-{self.end}"


def parse_ref(ref: str) -> EvidenceRef:
    """The parts of an evidence reference. Raises ValueError for anything else."""
    where, sep, span = ref.rpartition(":")
    start, dash, end = span.partition("-")
    if not sep or not dash or not start.isdigit() or not end.isdigit() or not where:
        raise ValueError(f"not an evidence reference (doc#sN:start-end or doc:start-end): {ref!r}")
    doc, mark, index = where.rpartition("#s")
    if mark and index.isdigit() and doc:
        return EvidenceRef(doc, where, int(start), int(end))
    return EvidenceRef(where, "", int(start), int(end))


def split_evidence(joined: str, refs: Sequence[str]) -> list[str]:
    """The evidence texts of a relations.csv cell, joined with ' ‖ '.

    Each ref gives the length of its text, so a sentence that itself contains ' ‖ ' is cut at the
    right place; without usable refs, split on the separator.
    """
    if not joined:
        return []
    try:
        lengths = [ref.end - ref.start for ref in map(parse_ref, refs)]
    except ValueError:
        lengths = []
    sep = EVIDENCE_SEPARATOR
    if lengths and min(lengths) >= 0 and sum(lengths) + len(sep) * (len(lengths) - 1) == len(joined):
        texts, pos = [], 0
        for k, n in enumerate(lengths):
            if k and joined[pos:pos + len(sep)] != sep:
                break
            pos += len(sep) if k else 0
            texts.append(joined[pos:pos + n])
            pos += n
        else:
            return texts
    return joined.split(sep)


# --- writing ---------------------------------------------------------------------------------------------

#: A text cell starting with one of these is written behind FORMULA_GUARD: what spreadsheets take for
#: the start of a formula (OWASP, CSV injection: = + - @, tab, carriage return), and the guard itself,
#: so that taking one leading guard off (``unguard_cell``) always gives the value back.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMULA_GUARD = "'"
_GUARDED = (*FORMULA_START, FORMULA_GUARD)


def guard_cell(value: str) -> str:
    """A text cell as written: behind a single quote when a spreadsheet would run it as a formula
    (see the module docstring); ``value`` itself otherwise."""
    return FORMULA_GUARD + value if value.startswith(_GUARDED) else value


def unguard_cell(value: str) -> str:
    """A text cell as read: ``guard_cell`` undone."""
    return value[1:] if value.startswith(FORMULA_GUARD) else value


def guard_cells(cells: list) -> list:
    """A row for csv.writer with every text cell guarded (numbers and booleans are left as they are)."""
    return [FORMULA_GUARD + v if v.__class__ is str and v.startswith(_GUARDED) else v for v in cells]


def csv_field(value: str) -> str:
    """One text field as ``guard_cells`` and the csv module write it (quoted only when it must be), for
    rows formatted by hand where the csv module would be the bottleneck (mentions.csv, evidence.csv).
    ``value`` itself (the same object) when it needs neither guard nor quotes."""
    if value.startswith(_GUARDED):
        value = FORMULA_GUARD + value
    if "," in value or '"' in value or "\n" in value or "\r" in value:
        return '"' + value.replace('"', '""') + '"'
    return value


def header(columns: Sequence[str]) -> str:
    return ",".join(columns) + "\n"


def _cells(row) -> list:
    out = []
    for value in _VALUES[type(row)](row):
        if isinstance(value, bool):
            out.append("true" if value else "false")
        elif value is None:
            out.append("")
        else:
            out.append(value)
    return out


def _line(cells: list) -> str:
    """One table line: text cells through ``csv_field`` (guarded, quoted when they must be, a bare
    carriage return included: Python's csv.writer before 3.11.9 leaves it unquoted), numbers as
    ``str`` gives them (floats as repr), as csv.writer would otherwise write them."""
    return ",".join(csv_field(v) if v.__class__ is str else str(v) for v in cells) + "\n"


def _write_table(path: Path, columns: Sequence[str], lines: Iterable[str]) -> Path:
    with atomic_text(path, encoding=ENCODING, newline="") as fh:
        fh.write(header(columns))
        chunk: list[str] = []
        for line in lines:
            chunk.append(line)
            if len(chunk) >= 4096:
                fh.write("".join(chunk))
                chunk.clear()
        fh.write("".join(chunk))
    return Path(path)


def write_entities(rows: Iterable[EntityRow], path: Path) -> Path:
    lists = [ENTITY_COLUMNS.index(c) for c in ("aliases", "periods", "period_documents", "period_mentions")]

    def lines() -> Iterator[str]:
        for row in rows:
            cells = _cells(row)
            for i in lists:
                cells[i] = LIST_SEPARATOR.join(map(str, cells[i]))
            yield _line(cells)

    return _write_table(path, ENTITY_COLUMNS, lines())


def write_relations(rows: Iterable[RelationRow], path: Path) -> Path:
    lists = {RELATION_COLUMNS.index(c): sep for c, sep in
             (("documents", LIST_SEPARATOR), ("evidence", EVIDENCE_SEPARATOR), ("evidence_refs", LIST_SEPARATOR),
              ("periods", LIST_SEPARATOR), ("period_counts", LIST_SEPARATOR))}

    def lines() -> Iterator[str]:
        for row in rows:
            cells = _cells(row)
            for i, sep in lists.items():
                cells[i] = sep.join(map(str, cells[i]))
            yield _line(cells)

    return _write_table(path, RELATION_COLUMNS, lines())


def write_documents(rows: Iterable[DocumentRow], path: Path) -> Path:
    return _write_table(path, DOCUMENT_COLUMNS, (_line(_cells(row)) for row in rows))


# --- reading ---------------------------------------------------------------------------------------------

#: The columns of each table read as text whatever they hold: every column but the numbers and flags
#: (a date column of years only, a document 0001 alone in a relation's documents, a mention 2024 must
#: not become numbers).
_NUMERIC_MENTION_COLUMNS = ("start", "end")


def _text_columns(columns: Sequence[str], numeric: Iterable[str]) -> dict[str, type]:
    return {c: str for c in columns if c not in set(numeric)}


def _row_text_columns(cls) -> dict[str, type]:
    return {f.name: str for f in fields(cls) if str(f.type).startswith(("str", "tuple"))}


_TEXT_COLUMNS = {
    ENTITIES: _row_text_columns(EntityRow),
    RELATIONS: _row_text_columns(RelationRow),
    DOCUMENTS: _row_text_columns(DocumentRow),
    MENTIONS: _text_columns(MENTION_COLUMNS, _NUMERIC_MENTION_COLUMNS),
    EVIDENCE: _text_columns(EVIDENCE_COLUMNS, _NUMERIC_MENTION_COLUMNS),
}


def read_table(folder: str | os.PathLike, name: str, *, usecols: Sequence[str] | None = None) -> "pd.DataFrame":
    """One table of an output folder as pandas reads it: empty cells are NaN, ids and dates text."""
    import pandas as pd  # only the readers need it: building writes with the csv module

    path = Path(folder) / name
    if not path.is_file():
        raise KgError(f"{path}: missing; is {Path(folder)} the output folder of `kg build`?")
    try:
        return unguard_frame(pd.read_csv(path, encoding=ENCODING, keep_default_na=False, na_values=[""],
                                          dtype=_TEXT_COLUMNS.get(name, {}), usecols=usecols))
    except UnicodeDecodeError:
        raise KgError(f"{path}: not UTF-8 text; is it a table written by `kg build`?") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        if usecols and isinstance(exc, pd.errors.EmptyDataError):
            raise KgError(f"{path}: missing column(s) {', '.join(usecols)}; is it a table written by `kg build`?") from None
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise KgError(f"{path}: not a readable CSV table ({first})") from None
    except ValueError:  # usecols naming columns the table does not have
        present = pd.read_csv(path, encoding=ENCODING, nrows=0).columns
        lacking = [c for c in usecols or () if c not in present]
        raise KgError(f"{path}: missing column(s) {', '.join(lacking)}; is it a table written by `kg build`?") from None


def unguard_frame(df: "pd.DataFrame") -> "pd.DataFrame":
    """``df`` with ``unguard_cell`` applied to every text cell (in place; one vectorised pass per text
    column, and a second only over the cells that start with the guard)."""
    from pandas.api.types import is_string_dtype

    for column in df.columns:
        values = df[column]
        if values.dtype == object or is_string_dtype(values.dtype):
            try:
                guarded = values.str.startswith(FORMULA_GUARD, na=False).astype(bool)
            except AttributeError:  # an object column of no text (booleans, say): nothing was guarded
                continue
            if guarded.any():
                df.loc[guarded, column] = values[guarded].str[1:]
    return df


_FLOAT_COLUMNS = frozenset({"pmi", "npmi", "jaccard", "llr", "pagerank", "weighted_degree"})


class _Cells:
    """Typed access to one table row, with messages naming file, line and column."""

    def __init__(self, path: Path, columns: Sequence[str], required: Sequence[str]):
        lacking = [c for c in required if c not in columns]
        if lacking:
            raise KgError(f"{path}: missing column(s) {', '.join(lacking)}; is it a table written by `kg build`?")
        self.path, self.line, self.record = path, 1, {}

    def at(self, index: int, record: dict) -> "_Cells":
        self.line, self.record = index + 2, record  # line 1 is the header
        return self

    def fail(self, column: str, expected: str) -> KgError:
        return KgError(f"{self.path}: line {self.line}, column {column}: expected {expected}, got {self.text(column)!r}")

    def text(self, column: str) -> str:
        value = self.record.get(column)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return ""
        if isinstance(value, float) and value.is_integer() and column not in _FLOAT_COLUMNS:
            return str(int(value))
        return str(value)

    def required(self, column: str) -> str:
        value = self.text(column)
        if not value:
            raise self.fail(column, "a value")
        return value

    def integer(self, column: str) -> int:
        value = self.text(column).strip()
        try:
            number = float(value) if value else 0.0
        except ValueError:
            raise self.fail(column, "an integer") from None
        if not number.is_integer():
            raise self.fail(column, "an integer")
        return int(number)

    def number(self, column: str) -> float | None:
        value = self.text(column).strip()
        if not value:
            return None
        try:
            number = float(value)
        except ValueError:
            raise self.fail(column, "a number") from None
        return number if math.isfinite(number) else None

    def boolean(self, column: str) -> bool:
        value = self.record.get(column)
        if isinstance(value, bool):
            return value
        text = self.text(column).strip().lower()
        if text in ("true", "1", ""):
            return text != ""
        if text in ("false", "0"):
            return False
        raise self.fail(column, "true or false")

    def items(self, column: str, sep: str = LIST_SEPARATOR) -> tuple[str, ...]:
        return tuple(v for v in self.text(column).split(sep) if v)

    def integers(self, column: str, length: int) -> tuple[int, ...]:
        """A list of ``length`` integers (one per item of a list column beside it)."""
        items = self.items(column)
        if len(items) != length or not all(v.strip().isdigit() for v in items):
            raise self.fail(column, f"{length} whole number(s) separated by '{LIST_SEPARATOR}'")
        return tuple(int(v) for v in items)


def _records(df: "pd.DataFrame") -> Iterator[tuple[int, dict]]:
    columns = list(df.columns)
    for i, values in enumerate(df.itertuples(index=False, name=None)):
        yield i, dict(zip(columns, values))


def read_entity_rows(folder: str | os.PathLike) -> list[EntityRow]:
    """entities.csv as typed rows, each value checked (errors name file, line and column)."""
    df = read_table(folder, ENTITIES)
    c = _Cells(Path(folder) / ENTITIES, df.columns, ENTITY_COLUMNS[:ENTITY_COLUMNS.index("in_graph")])
    out, seen = [], set()
    for i, record in _records(df):
        c.at(i, record)
        eid, type_ = c.required("id"), c.required("type")
        if type_ not in ENTITY_TYPES:
            raise c.fail("type", "one of " + ", ".join(ENTITY_TYPES))
        if eid in seen:
            raise c.fail("id", "an id not used on an earlier line")
        seen.add(eid)
        periods = c.items("periods") if "periods" in df.columns else ()
        out.append(EntityRow(
            eid, c.required("name"), type_, c.text("category"), c.items("aliases"), c.text("source"),
            c.integer("mentions"), c.integer("documents"), c.text("first_date"), c.text("last_date"),
            c.text("burst_start"), c.text("burst_end"), c.number("burst_strength") or 0.0,
            c.integer("degree"), c.number("weighted_degree") or 0.0, c.number("pagerank") or 0.0,
            c.integer("community"), c.boolean("in_graph") if "in_graph" in df.columns else True,
            periods, c.integers("period_documents", len(periods)) if periods else (),
            c.integers("period_mentions", len(periods)) if periods else (),
        ))
    return out


def read_relation_rows(folder: str | os.PathLike, known: set[str] | None = None) -> list[RelationRow]:
    """relations.csv as typed rows; ``known``: the entity ids a relation may name."""
    df = read_table(folder, RELATIONS)
    required = ("source", "target", "type", "detail", "count", "doc_count", "pmi", "npmi", "jaccard", "llr",
                "first_date", "in_graph", "documents", "evidence", "evidence_refs")
    c = _Cells(Path(folder) / RELATIONS, df.columns, required)
    out, seen = [], set()
    for i, record in _records(df):
        c.at(i, record)
        source, target, type_ = c.required("source"), c.required("target"), c.required("type")
        if type_ not in RELATION_TYPES:
            raise c.fail("type", "one of " + ", ".join(RELATION_TYPES))
        for column, eid in (("source", source), ("target", target)):
            if known is not None and eid not in known:
                raise c.fail(column, "the id of an entity in entities.csv")
        detail = c.text("detail")
        key = (type_, source, target, detail if type_ != CO_OCCURS else "")
        if key in seen:
            raise c.fail("type", "one row per relation (this one was on an earlier line)")
        seen.add(key)
        refs = c.items("evidence_refs")
        periods = c.items("periods") if "periods" in df.columns else ()
        out.append(RelationRow(
            source, target, c.text("source_name"), c.text("target_name"), type_, detail,
            c.integer("count"), c.integer("doc_count"), c.number("pmi"), c.number("npmi"), c.number("jaccard"),
            c.number("llr"), c.text("first_date"), c.boolean("in_graph"), c.items("documents"),
            tuple(split_evidence(c.text("evidence"), refs)), refs,
            periods, c.integers("period_counts", len(periods)) if periods else (),
        ))
    return out


def read_document_rows(folder: str | os.PathLike) -> list[DocumentRow]:
    df = read_table(folder, DOCUMENTS)
    c = _Cells(Path(folder) / DOCUMENTS, df.columns, ("id", "path", "format", "title", "publication", "date",
                                                      "chars", "sentences", "mentions"))
    out, seen = [], set()
    for i, record in _records(df):
        c.at(i, record)
        doc = c.required("id")
        if doc in seen:
            raise c.fail("id", "an id not used on an earlier line")
        seen.add(doc)
        out.append(DocumentRow(doc, c.text("path"), c.text("format"), c.text("title"), c.text("publication"),
                               c.text("date"), c.text("date_precision") if "date_precision" in df.columns else "",
                               c.text("date_source") if "date_source" in df.columns else "",
                               c.integer("chars"), c.integer("sentences"),
                               c.integer("paragraphs") if "paragraphs" in df.columns else 0, c.integer("mentions")))
    return out


class MentionCounts(NamedTuple):
    """How often each entity is mentioned in each document: one position per (entity, document)."""

    entity_ids: tuple[str, ...]
    doc_ids: tuple[str, ...]
    entity: Sequence[int]  # index into entity_ids
    doc: Sequence[int]  # index into doc_ids
    count: Sequence[int]
    first: Sequence[int]  # index of the pair's first row in mentions.csv (its line is index + 2)


def read_mention_counts(folder: str | os.PathLike) -> MentionCounts:
    """mentions.csv reduced to one count per (entity, document), read for its two id columns only."""
    df = read_table(folder, MENTIONS, usecols=["doc", "entity_id"])
    df = df.fillna("")
    df["row"] = range(len(df))
    grouped = df.groupby(["entity_id", "doc"], sort=False)["row"].agg(["size", "min"]).reset_index()
    entity_codes, entity_ids = grouped["entity_id"].factorize()
    doc_codes, doc_ids = grouped["doc"].factorize()
    return MentionCounts(tuple(entity_ids), tuple(doc_ids), entity_codes.tolist(), doc_codes.tolist(),
                         grouped["size"].tolist(), grouped["min"].tolist())
