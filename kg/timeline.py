"""Time in the graph: per-period counts of every entity and every pair, and each entity's strongest burst.

The corpus knows each document's date and how precise it is (``extractors.dating``). Here the dated
documents are placed in time slices (``kg.periods``: years, quarters or months) and counted:

- per entity and period: documents mentioning it and mentions;
- per co-occurring pair and period: the units (sentences, by default) holding both;
- per period: the dated documents (the denominator of shares and of burst detection).

The resolution is the user's (``slice``) or, by default (``"auto"``), the coarsest of year, quarter
and month that gives at least :data:`AUTO_MIN_PERIODS` periods, among those at which nearly every
dated document can be placed (a report dated to the year has no month): twenty years of government
work reports get years, two years of daily news get months.

Bursts are Kleinberg's (``kg.bursts``), over the stream of dated documents per period, as CiteSpace
runs them: ``r_t`` documents mentioning the entity among the ``d_t`` documents of period ``t``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from extractors.errors import KgError
from kg.bursts import Burst, strongest_bursts
from kg.corpus import Corpus
from kg.periods import period_of, period_range

#: Resolutions a graph can be sliced at (days would make thousands of slices).
SLICES = ("year", "quarter", "month")
#: ``auto`` picks the coarsest resolution with at least this many periods.
AUTO_MIN_PERIODS = 12
#: ... among resolutions at which at least this share of dated documents can be placed.
AUTO_MIN_PLACED = 0.9


@dataclass(frozen=True)
class TimeOptions:
    slice: str = "auto"  # auto, year, quarter, month, or none
    burst_s: float = 2.0  # a burst: documents mentioning the entity s times more often than on average
    burst_gamma: float = 1.0  # how hard it is to enter a burst (its cost is gamma · ln(periods))

    def check(self) -> None:
        if self.slice not in ("auto", "none", *SLICES):
            raise KgError(f"the time slice must be auto, none or one of {', '.join(SLICES)}", param="slice")
        if not self.burst_s > 1:
            raise KgError("the burst rate s must be greater than 1", param="burst_s")
        if not self.burst_gamma >= 0:
            raise KgError("the burst cost gamma must be at least 0", param="burst_gamma")


@dataclass
class Slices:
    """Counts per period at one resolution ("" and no periods when nothing could be placed)."""

    resolution: str = ""
    periods: list[str] = field(default_factory=list)
    documents: list[int] = field(default_factory=list)  # dated documents per period
    unplaced: int = 0  # dated documents too imprecise for the resolution
    entity_documents: dict[str, dict[str, int]] = field(default_factory=dict)  # entity -> period -> documents
    entity_mentions: dict[str, dict[str, int]] = field(default_factory=dict)  # entity -> period -> mentions
    pair_units: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)  # pair -> period -> units
    bursts: dict[str, Burst] = field(default_factory=dict)  # entity -> its strongest burst


def choose_resolution(dates: list[str], wanted: str = "auto") -> str:
    """The slice resolution for documents with these dates ("" when none is dated or ``wanted`` is none)."""
    dates = [d for d in dates if d]
    if not dates or wanted == "none":
        return ""
    if wanted != "auto":
        return wanted
    placeable = []
    for resolution in SLICES:  # coarsest first
        placed = [p for p in (period_of(d, resolution) for d in dates) if p is not None]
        if len(placed) >= AUTO_MIN_PLACED * len(dates):
            placeable.append(resolution)
            if len(period_range(min(placed), max(placed))) >= AUTO_MIN_PERIODS:
                return resolution
    return placeable[-1] if placeable else "year"


def time_slices(corpus: Corpus, options: TimeOptions = TimeOptions()) -> Slices:
    """Per-period counts and strongest bursts of ``corpus`` (see the module docstring)."""
    options.check()
    dates = {d.id: d.date for d in corpus.documents}
    resolution = choose_resolution(list(dates.values()), options.slice)
    if not resolution:
        return Slices()
    doc_period = {doc: period_of(date, resolution) for doc, date in dates.items() if date}
    placed = [p for p in doc_period.values() if p is not None]
    if not placed:
        return Slices(resolution, unplaced=len(doc_period))
    periods = period_range(min(placed), max(placed))
    column = {p: i for i, p in enumerate(periods)}
    per_period = [0] * len(periods)
    for p in placed:
        per_period[column[p]] += 1
    slices = Slices(resolution, periods, per_period, unplaced=len(doc_period) - len(placed))

    # entities: one (entity, document) pair per position of the mention-count arrays
    entity_ids, doc_ids, entity, doc, count, _ = corpus.mention_count_arrays()
    doc_column = [column.get(doc_period.get(d)) if doc_period.get(d) else None for d in doc_ids]
    matrix = np.zeros((len(entity_ids), len(periods)), dtype=np.int64)
    mentions = np.zeros_like(matrix)
    for e, d, n in zip(entity, doc, count):
        c = doc_column[d]
        if c is not None:
            matrix[e, c] += 1
            mentions[e, c] += n
    rows, cols = np.nonzero(matrix)
    for e, c in zip(rows.tolist(), cols.tolist()):
        eid, label = entity_ids[e], periods[c]
        slices.entity_documents.setdefault(eid, {})[label] = int(matrix[e, c])
        slices.entity_mentions.setdefault(eid, {})[label] = int(mentions[e, c])

    # pairs: their units by month (or year), regrouped at the resolution
    regroup = Regroup(resolution, periods)
    for pair, stats in corpus.pairs.items():
        if stats.dated:
            units = regroup(stats.dated)
            if units:
                slices.pair_units[pair] = units

    # bursts over the dated document stream
    if len(periods) >= 2:
        dated_rows = np.flatnonzero(matrix.sum(axis=1))
        found = strongest_bursts(matrix[dated_rows], np.asarray(per_period), s=options.burst_s,
                                 gamma=options.burst_gamma, periods=periods)
        for row, burst in zip(dated_rows.tolist(), found):
            if burst is not None:
                slices.bursts[entity_ids[row]] = burst
    return slices


class Regroup:
    """Counts by month (or year, for documents dated to the year) regrouped into the periods of a
    resolution, in time order; what cannot be placed is left out."""

    def __init__(self, resolution: str, periods: list[str]):
        self.resolution, self._periods = resolution, set(periods)
        self._label: dict[str, str | None] = {}

    def __call__(self, dated: dict[str, int]) -> dict[str, int]:
        out: dict[str, int] = {}
        if not self.resolution:
            return out
        for key, n in dated.items():
            label = self._label.get(key, "?")
            if label == "?":
                label = period_of(key, self.resolution)
                label = self._label[key] = label if label in self._periods else None
            if label is not None:
                out[label] = out.get(label, 0) + n
        return dict(sorted(out.items()))
