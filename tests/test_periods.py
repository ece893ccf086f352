"""Time slices: periods of dates, ranges of periods with their zeros, period specs for filters."""
from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.errors import KgError
from kg.periods import (
    DateInterval,
    PeriodCounts,
    PeriodError,
    count_by_period,
    date_span,
    parse_period_spec,
    period_of,
    period_range,
    period_span,
    resolution_of,
)

days = st.dates(min_value=datetime.date(1949, 1, 1), max_value=datetime.date(2099, 12, 31))


@pytest.mark.parametrize("date, resolution, expected", [
    ("2023-09-08", "day", "2023-09-08"),
    ("2023-09-08", "month", "2023-09"),
    ("2023-09-08", "quarter", "2023-Q3"),
    ("2023-09-08", "year", "2023"),
    ("2023-01-01", "quarter", "2023-Q1"),
    ("2023-03-31", "quarter", "2023-Q1"),
    ("2023-04-01", "quarter", "2023-Q2"),
    ("2023-12-31", "quarter", "2023-Q4"),
    ("2023-09", "month", "2023-09"),
    ("2023-09", "quarter", "2023-Q3"),  # a month has a quarter
    ("2023-09", "year", "2023"),
    ("2023", "year", "2023"),
])
def test_period_of(date, resolution, expected):
    assert period_of(date, resolution) == expected


@pytest.mark.parametrize("date, resolution", [
    ("2023", "month"),  # a year-only date has no month: None, not January
    ("2023", "quarter"),
    ("2023", "day"),
    ("2023-09", "day"),
    ("", "year"),  # undated
])
def test_a_date_less_precise_than_the_resolution_has_no_period(date, resolution):
    assert period_of(date, resolution) is None


@pytest.mark.parametrize("date, message", [
    ("2023-13", "'2023-13' is not a calendar date"),
    ("2023-02-29", "'2023-02-29' is not a calendar date"),
    ("2023/09/08", "'2023/09/08' is not YYYY, YYYY-MM or YYYY-MM-DD"),
    ("2023-Q3", "'2023-Q3' is not YYYY, YYYY-MM or YYYY-MM-DD"),  # a period is not a date
])
def test_a_malformed_date_is_named(date, message):
    with pytest.raises(PeriodError, match=message):
        period_of(date, "year")


def test_an_unknown_resolution_is_named():
    with pytest.raises(PeriodError, match="resolution must be one of day, month, quarter, year; got 'week'"):
        period_of("2023-09-08", "week")


def test_period_errors_are_project_errors():
    assert issubclass(PeriodError, KgError)


@pytest.mark.parametrize("first, last, expected", [
    ("2022", "2024", ["2022", "2023", "2024"]),
    ("2022-Q3", "2023-Q2", ["2022-Q3", "2022-Q4", "2023-Q1", "2023-Q2"]),
    ("2022-11", "2023-02", ["2022-11", "2022-12", "2023-01", "2023-02"]),
    ("2024-02-27", "2024-03-01", ["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"]),
    ("2023", "2023", ["2023"]),
])
def test_period_range_lists_every_period(first, last, expected):
    assert period_range(first, last) == expected


@pytest.mark.parametrize("first, last, message", [
    ("2024", "2022", "starts after it ends"),
    ("2023", "2023-09", "different resolutions"),
    ("2023-Q5", "2024-Q1", "'2023-Q5' is not a period label"),
    ("2023-13", "2024-01", "'2023-13' is not a calendar period"),
])
def test_bad_period_ranges_are_named(first, last, message):
    with pytest.raises(PeriodError, match=message):
        period_range(first, last)


@pytest.mark.parametrize("label, resolution", [("2023", "year"), ("2023-Q3", "quarter"), ("2023-09", "month"), ("2023-09-08", "day")])
def test_resolution_of(label, resolution):
    assert resolution_of(label) == resolution


@pytest.mark.parametrize("label, first, last", [
    ("2023", "2023-01-01", "2023-12-31"),
    ("2023-Q1", "2023-01-01", "2023-03-31"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2023-02", "2023-02-01", "2023-02-28"),
    ("2023-09-08", "2023-09-08", "2023-09-08"),
])
def test_period_span(label, first, last):
    assert period_span(label) == DateInterval(first, last)


@pytest.mark.parametrize("spec, first, last", [
    ("2023", "2023-01-01", "2023-12-31"),
    ("2023-09", "2023-09-01", "2023-09-30"),
    ("2023-Q3", "2023-07-01", "2023-09-30"),
    ("2023-q3", "2023-07-01", "2023-09-30"),
    ("2023-09-08", "2023-09-08", "2023-09-08"),
    ("2022..2023", "2022-01-01", "2023-12-31"),
    ("2023-03..2023-09", "2023-03-01", "2023-09-30"),
    ("2023-Q2..2024", "2023-04-01", "2024-12-31"),
    (" 2022 .. 2023 ", "2022-01-01", "2023-12-31"),
    ("2023..", "2023-01-01", ""),
    ("..2023-06", "", "2023-06-30"),
    ("2023-09-08..2023-09-08", "2023-09-08", "2023-09-08"),
])
def test_parse_period_spec(spec, first, last):
    assert parse_period_spec(spec) == DateInterval(first, last)


@pytest.mark.parametrize("spec, message", [
    ("", "period spec '' is empty"),
    ("..", "period spec '..' is not a range"),
    ("2023-13", "period spec '2023-13': '2023-13' is not a calendar period"),
    ("2023-Q5", "period spec '2023-Q5': '2023-Q5' is not a period"),
    ("2023-02-30", "'2023-02-30' is not a calendar period"),
    ("23", "period spec '23': '23' is not a period; expected YYYY"),
    ("2023/09", "'2023/09' is not a period"),
    ("2024..2023", "period spec '2024..2023' starts after it ends"),
    ("2023-09..2023-03", "starts after it ends"),
    ("2021..2022..2023", "is not a range"),
    ("2023...2024", "'.2024' is not a period"),
])
def test_bad_period_specs_are_named(spec, message):
    with pytest.raises(PeriodError, match=message):
        parse_period_spec(spec)


def test_an_interval_tells_inside_from_overlapping():
    spring_to_summer = parse_period_spec("2023-03..2023-09")
    assert spring_to_summer.contains("2023-05-04") and spring_to_summer.contains("2023-09")
    assert not spring_to_summer.contains("2023") and spring_to_summer.overlaps("2023")
    assert not spring_to_summer.overlaps("2022") and not spring_to_summer.overlaps("2023-10-01")
    assert not spring_to_summer.contains("") and not spring_to_summer.overlaps("")
    assert parse_period_spec("2023").contains("2023")
    assert parse_period_spec("2023..").contains("2099-01-01") and not parse_period_spec("2023..").contains("2022-12-31")


def test_date_span():
    assert date_span("2023-09") == DateInterval("2023-09-01", "2023-09-30")


def test_count_by_period_keeps_zeros_and_counts_what_it_cannot_place():
    dates = ["2023-01-05", "2023-03", "2023-03-09", "2023", "", "2023-06-30"]
    assert count_by_period(dates, resolution="month") == PeriodCounts(
        ("2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06"), (1, 0, 2, 0, 0, 1), unplaced=2
    )


def test_count_by_period_in_given_periods():
    counts = count_by_period(["2022-05-01", "2023-01-01", "2024-01-01"], resolution="year", periods=["2023", "2024", "2025"])
    assert counts == PeriodCounts(("2023", "2024", "2025"), (1, 1, 0), unplaced=0, outside=1)


def test_count_by_period_of_nothing():
    assert count_by_period(["", "2023"], resolution="month") == PeriodCounts((), (), unplaced=2)


def test_count_by_period_rejects_periods_of_another_resolution():
    with pytest.raises(PeriodError, match="'2023-Q1' is not a month"):
        count_by_period([], resolution="month", periods=["2023-Q1"])


@given(days, days, st.sampled_from(["day", "month", "quarter", "year"]))
def test_a_range_is_contiguous_and_covers_every_date_between(a, b, resolution):
    a, b = min(a, b), max(a, b)
    if resolution == "day" and (b - a).days > 800:
        b = a + datetime.timedelta(days=800)
    labels = period_range(period_of(a.isoformat(), resolution), period_of(b.isoformat(), resolution))
    assert labels == sorted(labels) and len(set(labels)) == len(labels)
    spans = [period_span(label) for label in labels]
    for before, after in zip(spans, spans[1:]):  # no gaps, no overlaps
        assert datetime.date.fromisoformat(before.last) + datetime.timedelta(days=1) == datetime.date.fromisoformat(after.first)
    assert spans[0].first <= a.isoformat() and b.isoformat() <= spans[-1].last


@given(days, st.sampled_from(["day", "month", "quarter", "year"]))
def test_a_date_lies_in_the_span_of_its_period(day, resolution):
    label = period_of(day.isoformat(), resolution)
    assert parse_period_spec(label).contains(day.isoformat())
    assert resolution_of(label) == resolution
