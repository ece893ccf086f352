"""Time slices: the period a date falls in, every period between two, and users' period filters.

A timeline is a row of periods at one resolution: ``day`` (``2023-09-08``), ``month``
(``2023-09``), ``quarter`` (``2023-Q3``) or ``year`` (``2023``). Labels sort in time order within
a resolution, and :func:`period_range` lists every period between two, so counts per period keep
their zeros and burst detection (:mod:`kg.bursts`) sees the quiet periods too.

Document dates have a precision (:mod:`extractors.dating`): a date known only to the year has no
month. :func:`period_of` says so by returning ``None`` rather than guessing January, and
:func:`count_by_period` counts such dates as ``unplaced``.

Filters take a period spec: ``2023``, ``2023-09``, ``2023-Q3``, ``2023-09-08``, or a range of two
of them ``2022..2023``, ``2023-03..2023-09``, ``2023-Q2..2024`` (inclusive at both ends), or an
open range ``2023..`` / ``..2023-06``. :func:`parse_period_spec` turns one into a
:class:`DateInterval` of days. A document dated ``2023`` is *inside* the interval for ``2023``,
but only *overlaps* the one for ``2023-03..2023-09``: the interval's methods tell the two apart.
Pure: no I/O, no state.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date as _Day
from datetime import timedelta
from typing import Iterable, Sequence

from extractors.errors import KgError

#: Resolutions, finest first.
RESOLUTIONS: tuple[str, ...] = ("day", "month", "quarter", "year")
#: How precise a date must be (its length in characters) to have a period at each resolution.
_NEEDS = {"day": 10, "month": 7, "quarter": 7, "year": 4}
_LABEL = {
    "year": re.compile(r"(\d{4})"),
    "quarter": re.compile(r"(\d{4})-Q([1-4])"),
    "month": re.compile(r"(\d{4})-(\d{2})"),
    "day": re.compile(r"(\d{4})-(\d{2})-(\d{2})"),
}
_SPEC_HELP = "expected YYYY, YYYY-MM, YYYY-Qn, YYYY-MM-DD or a range A..B of them (either end may be left open)"


class PeriodError(KgError):
    """A date, period label, resolution or period spec that cannot be read: names it and says what was expected."""


@dataclass(frozen=True, slots=True)
class DateInterval:
    """Days from ``first`` to ``last``, both included, as ``YYYY-MM-DD``; ``""`` leaves that end open."""

    first: str = ""
    last: str = ""

    def contains(self, date: str) -> bool:
        """Whether every day ``date`` may be lies inside (``2023`` is inside ``2023``, not inside ``2023-03..2023-09``)."""
        if not date:
            return False
        span = date_span(date)
        return (not self.first or self.first <= span.first) and (not self.last or span.last <= self.last)

    def overlaps(self, date: str) -> bool:
        """Whether some day ``date`` may be lies inside (``2023`` overlaps ``2023-03..2023-09``)."""
        if not date:
            return False
        span = date_span(date)
        return (not self.first or self.first <= span.last) and (not self.last or span.first <= self.last)


@dataclass(frozen=True, slots=True)
class PeriodCounts:
    """How many dates fall in each period, in time order and with zeros.

    ``unplaced``: dates too imprecise for the resolution (or empty); ``outside``: dates placed in a
    period that is not among ``periods`` (only when the periods were given).
    """

    periods: tuple[str, ...]
    counts: tuple[int, ...]
    unplaced: int = 0
    outside: int = 0


def period_of(date: str, resolution: str) -> str | None:
    """The label of the period holding ``date`` at ``resolution``.

    ``None`` when the date is less precise than the resolution (``2023`` has no month, ``2023-09``
    has no day; a month has a quarter) or empty. Raises PeriodError for a malformed date or an
    unknown resolution.
    """
    _check_resolution(resolution)
    if not date:
        return None
    _check_date(date)
    if len(date) < _NEEDS[resolution]:
        return None
    if resolution == "quarter":
        return f"{date[:4]}-Q{(int(date[5:7]) - 1) // 3 + 1}"
    return date[: _NEEDS[resolution]]


def resolution_of(label: str) -> str:
    """``"day"``, ``"month"``, ``"quarter"`` or ``"year"`` for a period label; PeriodError otherwise."""
    for resolution in RESOLUTIONS:
        if _LABEL[resolution].fullmatch(label):
            period_span(label)  # a well-formed label of a real period
            return resolution
    raise PeriodError(f"period {label!r} is not a period label; expected YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD")


def period_span(label: str) -> DateInterval:
    """The first and last day of a period (``2023-Q3`` → 2023-07-01..2023-09-30)."""
    try:
        if m := _LABEL["year"].fullmatch(label):
            year = int(m[1])
            return DateInterval(_Day(year, 1, 1).isoformat(), _Day(year, 12, 31).isoformat())
        if m := _LABEL["quarter"].fullmatch(label):
            year, quarter = int(m[1]), int(m[2])
            return DateInterval(_month_start(year, 3 * quarter - 2), _month_end(year, 3 * quarter))
        if m := _LABEL["month"].fullmatch(label):
            return DateInterval(_month_start(int(m[1]), int(m[2])), _month_end(int(m[1]), int(m[2])))
        if _LABEL["day"].fullmatch(label):
            day = _Day.fromisoformat(label).isoformat()
            return DateInterval(day, day)
    except ValueError:
        raise PeriodError(f"period {label!r} is not a calendar period") from None
    raise PeriodError(f"period {label!r} is not a period label; expected YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD")


def date_span(date: str) -> DateInterval:
    """The days a document date may be: ``2023`` → the whole year, ``2023-09-08`` → that day."""
    _check_date(date)
    return period_span(date)


def period_range(first: str, last: str) -> list[str]:
    """Every period from ``first`` to ``last``, both included, in time order (so timelines keep their zeros).

    Both labels must have the same resolution; ``first`` after ``last`` is an error (PeriodError).
    """
    resolution = resolution_of(first)
    if resolution_of(last) != resolution:
        raise PeriodError(f"periods {first!r} and {last!r} have different resolutions ({resolution}, {resolution_of(last)})")
    if period_span(first).first > period_span(last).first:
        raise PeriodError(f"period range {first!r}..{last!r} starts after it ends")
    labels, label = [], first
    while True:
        labels.append(label)
        if label == last:
            return labels
        label = _next(label, resolution)


def previous_period(label: str) -> str:
    """The period right before ``label``, at its resolution (``2023-Q1`` → ``2022-Q4``)."""
    resolution = resolution_of(label)
    if resolution == "day":
        return (_Day.fromisoformat(label) - timedelta(days=1)).isoformat()
    if resolution == "year":
        return f"{int(label) - 1:04d}"
    year, step = int(label[:4]), int(label[-1:] if resolution == "quarter" else label[5:7])
    year, step = (year - 1, 4 if resolution == "quarter" else 12) if step == 1 else (year, step - 1)
    return f"{year:04d}-Q{step}" if resolution == "quarter" else f"{year:04d}-{step:02d}"


def parse_period_spec(spec: str) -> DateInterval:
    """A user's period filter as an inclusive interval of days (see the module docstring).

    ``"2023-Q3"`` → 2023-07-01..2023-09-30; ``"2022..2023"`` → 2022-01-01..2023-12-31;
    ``"2023.."`` → 2023-01-01 onwards. Raises PeriodError naming the spec and what is wrong.
    """
    text = re.sub(r"(?<=\d{4}-)q(?=\d)", "Q", spec.strip())  # 2023-q3 is 2023-Q3
    if not text:
        raise PeriodError(f"period spec {spec!r} is empty; {_SPEC_HELP}")
    if ".." not in text:
        return _spec_part(spec, text)
    start, _, end = (part.strip() for part in text.partition(".."))
    if not start and not end or ".." in end:
        raise PeriodError(f"period spec {spec!r} is not a range; {_SPEC_HELP}")
    first = _spec_part(spec, start).first if start else ""
    last = _spec_part(spec, end).last if end else ""
    if first and last and first > last:
        raise PeriodError(f"period spec {spec!r} starts after it ends")
    return DateInterval(first, last)


def count_by_period(dates: Iterable[str], *, resolution: str, periods: Sequence[str] | None = None) -> PeriodCounts:
    """Count dates per period at ``resolution``.

    ``periods``: the periods to count in (e.g. the corpus's whole span, shared by every entity so
    the rows line up); by default every period from the earliest to the latest date placed.
    """
    _check_resolution(resolution)
    placed: dict[str, int] = {}
    unplaced = 0
    for date in dates:
        label = period_of(date, resolution)
        if label is None:
            unplaced += 1
        else:
            placed[label] = placed.get(label, 0) + 1
    if periods is None:
        periods = period_range(min(placed), max(placed)) if placed else []
    else:
        for label in periods:
            if resolution_of(label) != resolution:
                raise PeriodError(f"period {label!r} is not a {resolution}")
    counts = tuple(placed.get(label, 0) for label in periods)
    return PeriodCounts(tuple(periods), counts, unplaced, sum(placed.values()) - sum(counts))


# -- helpers ----------------------------------------------------------------------------------------


def _check_resolution(resolution: str) -> None:
    if resolution not in RESOLUTIONS:
        raise PeriodError(f"resolution must be one of {', '.join(RESOLUTIONS)}; got {resolution!r}")


def _check_date(date: str) -> None:
    if not (_LABEL["year"].fullmatch(date) or _LABEL["month"].fullmatch(date) or _LABEL["day"].fullmatch(date)):
        raise PeriodError(f"date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        period_span(date)
    except PeriodError:
        raise PeriodError(f"date {date!r} is not a calendar date") from None


def _spec_part(spec: str, part: str) -> DateInterval:
    if not any(pattern.fullmatch(part) for pattern in _LABEL.values()):
        raise PeriodError(f"period spec {spec!r}: {part!r} is not a period; {_SPEC_HELP}")
    try:
        return period_span(part)
    except PeriodError:
        raise PeriodError(f"period spec {spec!r}: {part!r} is not a calendar period (month 01–12, a real day)") from None


def _month_start(year: int, month: int) -> str:
    return _Day(year, month, 1).isoformat()


def _month_end(year: int, month: int) -> str:
    return _Day(year, month, calendar.monthrange(year, month)[1]).isoformat()


def _next(label: str, resolution: str) -> str:
    if resolution == "day":
        return (_Day.fromisoformat(label) + timedelta(days=1)).isoformat()
    if resolution == "year":
        return f"{int(label) + 1:04d}"
    year, step = int(label[:4]), int(label[-1:] if resolution == "quarter" else label[5:7])
    last = 4 if resolution == "quarter" else 12
    year, step = (year + 1, 1) if step == last else (year, step + 1)
    return f"{year:04d}-Q{step}" if resolution == "quarter" else f"{year:04d}-{step:02d}"
