"""Kleinberg's batched two-state burst detection: known bursts, flat streams, a hand-computed case, invariants."""
from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.errors import KgError
from kg import bursts as bursts_module
from kg.bursts import Burst, BurstError, burst_states, bursts, bursts_many, strongest_burst, strongest_bursts


def sequence_cost(q, r, d, *, s=2.0, gamma=1.0):
    """Kleinberg's cost of a state sequence, in full (C(d, r) included), written out independently."""
    n = len(r)
    p0 = sum(r) / sum(d)
    p1 = min(s * p0, bursts_module.P1_MAX)

    def sigma(p, rt, dt):
        log_binomial = math.lgamma(dt + 1) - math.lgamma(rt + 1) - math.lgamma(dt - rt + 1)
        return -(log_binomial + (rt * math.log(p) if rt else 0.0) + ((dt - rt) * math.log(1 - p) if dt - rt else 0.0))

    fit = sum(sigma(p1 if state else p0, rt, dt) for state, rt, dt in zip(q, r, d))
    ups = sum(1 for before, after in zip((0,) + tuple(q), q) if after > before)
    return fit + ups * gamma * math.log(n)


def test_a_known_burst_is_found_exactly():
    d = [100] * 20
    r = [2] * 20
    r[8:12] = [20, 25, 22, 18]
    assert [(b.start, b.end) for b in bursts(r, d)] == [(8, 11)]


def test_a_flat_stream_has_no_burst():
    assert bursts([5] * 12, [100] * 12) == []
    assert strongest_burst([5] * 12, [100] * 12) is None


def test_a_stream_that_grows_with_the_corpus_has_no_burst():
    d = [100, 200, 400, 800, 1600, 3200]
    assert bursts([x // 20 for x in d], d) == []


def test_hand_computed_example():
    """Four periods of 10 documents each; the entity is in 1, 1, 6 and 0 of them.

    R = 8, D = 40, so p0 = 0.2 and p1 = s·p0 = 0.4 (s = 2). Per period, the gain of the burst state
    σ(0) − σ(1) = r ln(p1/p0) + (d − r) ln((1 − p1)/(1 − p0)) = r ln 2 + (10 − r) ln 0.75:
      r = 1: ln 2 + 9 ln 0.75  = 0.693147 − 2.589139 = −1.895992
      r = 6: 6 ln 2 + 4 ln 0.75 = 4.158883 − 1.150728 =  3.008155  (= ln(64 · 0.31640625) = ln 20.25)
      r = 0: 10 ln 0.75                               = −2.876821
    Entering the burst costs τ = γ ln n = ln 4 = 1.386294. Bursting in period 2 alone saves
    3.008155 − 1.386294 = 1.621861; adding period 1 or 3 would add a negative gain. So the states
    are 0, 0, 1, 0 and the one burst has strength ln 20.25.
    With γ = 2.2, τ = 2.2 ln 4 = 3.049847 > 3.008155: no burst; with γ = 2.1, τ = 2.911218: the burst.
    """
    r, d = [1, 1, 6, 0], [10, 10, 10, 10]
    assert burst_states(r, d) == [0, 0, 1, 0]
    assert sequence_cost([0, 0, 0, 0], r, d) - sequence_cost([0, 0, 1, 0], r, d) == pytest.approx(math.log(20.25) - math.log(4))
    (burst,) = bursts(r, d, periods=["2020", "2021", "2022", "2023"])
    assert (burst.start, burst.end, burst.start_period, burst.end_period) == (2, 2, "2022", "2022")
    assert burst.strength == pytest.approx(math.log(20.25), abs=1e-12)
    assert burst_states(r, d, gamma=2.2) == [0, 0, 0, 0]
    assert burst_states(r, d, gamma=2.1) == [0, 0, 1, 0]


def test_empty_periods_cost_nothing_and_neither_start_nor_end_a_burst():
    d = [10, 10, 0, 10, 0, 10, 10, 0]
    r = [1, 1, 0, 8, 0, 8, 1, 0]
    (burst,) = bursts(r, d)
    assert (burst.start, burst.end) == (3, 5)  # bridges the empty period 4, not 2 before it nor 7 after
    gain = bursts_module._gain(np.array([r], float), np.array([d], float), s=2.0)[0]
    assert gain[4] == 0 and burst.strength == pytest.approx(gain[3] + gain[5])


@pytest.mark.parametrize("r, d", [([0, 0, 0], [0, 0, 0]), ([0, 0, 0], [5, 5, 5]), ([], []), ([3], [3])])
def test_streams_that_cannot_burst(r, d):
    assert bursts(r, d) == []


def test_an_entity_in_every_document_cannot_burst():
    assert bursts([10, 10, 10], [10, 10, 10]) == []


def test_a_very_common_entity_uses_a_capped_burst_rate():
    d = [10] * 6
    r = [6, 6, 10, 10, 6, 6]  # p0 = 0.733, s·p0 > 1: capped below 1
    assert [(b.start, b.end) for b in bursts(r, d)] == [(2, 3)]


def test_the_strongest_burst_wins():
    d = [100] * 12
    r = [1, 1, 25, 1, 1, 1, 30, 30, 30, 1, 1, 1]
    found = bursts(r, d)
    assert [(b.start, b.end) for b in found] == [(2, 2), (6, 8)]
    assert strongest_burst(r, d) == found[1]


def test_many_entities_at_once_equal_one_at_a_time(monkeypatch):
    rng = np.random.default_rng(7)
    d = rng.integers(20, 60, size=15)
    r = rng.binomial(d[None, :], rng.uniform(0.02, 0.3, size=(11, 1)))
    r[3, 5:8] = d[5:8]
    monkeypatch.setattr(bursts_module, "CHUNK", 4)  # several blocks, and a short last one
    together = bursts_many(r, d)
    assert together == [bursts(row, d) for row in r]
    assert bursts_many(r, np.tile(d, (11, 1))) == together  # a row of totals per entity
    assert strongest_bursts(r, d) == [strongest_burst(row, d) for row in r]


@pytest.mark.parametrize("r, d, kwargs, message", [
    ([1, 5], [2, 4], {}, "r cannot exceed d: period 1 has r=5 > d=4"),
    ([1, -1], [2, 4], {}, "r must hold document counts"),
    ([1, 1.5], [2, 4], {}, "r must hold document counts"),
    ([1, 1], [2, float("nan")], {}, "d must hold document counts"),
    (["a"], [2], {}, "r must hold document counts"),
    ([1, 1], [2, 4, 6], {}, "d must have one count per period like r"),
    ([1, 1], [2, 4], {"s": 1.0}, "s must be a number greater than 1"),
    ([1, 1], [2, 4], {"gamma": -0.5}, "gamma must be a number ≥ 0"),
    ([1, 1], [2, 4], {"periods": ["2023"]}, "periods must name each of the 2 periods; got 1"),
])
def test_bad_input_is_named(r, d, kwargs, message):
    with pytest.raises(BurstError, match=message):
        bursts(r, d, **kwargs)


def test_burst_errors_are_project_errors():
    assert issubclass(BurstError, KgError)


def test_a_burst_knows_its_length():
    assert Burst(3, 5, 1.0).periods == 3


# -- invariants -------------------------------------------------------------------------------------

streams = st.integers(min_value=1, max_value=9).flatmap(
    lambda n: st.tuples(
        st.lists(st.integers(0, 30), min_size=n, max_size=n),
        st.lists(st.integers(0, 30), min_size=n, max_size=n),
    )
).map(lambda pair: ([min(a, b) for a, b in zip(*pair)], [max(a, b) for a, b in zip(*pair)]))
parameters = st.tuples(st.sampled_from([1.5, 2.0, 3.0]), st.sampled_from([0.0, 0.5, 1.0, 2.0]))


@settings(max_examples=300, deadline=None)
@given(streams, parameters)
def test_bursts_are_positive_disjoint_ordered_and_match_the_states(stream, params):
    (r, d), (s, gamma) = stream, params
    found = bursts(r, d, s=s, gamma=gamma)
    states = burst_states(r, d, s=s, gamma=gamma)
    assert all(b.strength > 0 for b in found)
    assert all(b.start <= b.end for b in found)
    assert all(a.end + 1 < b.start for a, b in zip(found, found[1:]))  # disjoint, ordered, never adjacent
    assert [t for b in found for t in range(b.start, b.end + 1)] == [t for t, q in enumerate(states) if q]


@settings(max_examples=300, deadline=None)
@given(streams, parameters)
def test_viterbi_finds_the_cheapest_state_sequence(stream, params):
    (r, d), (s, gamma) = stream, params
    states = burst_states(r, d, s=s, gamma=gamma)
    if sum(r) == 0 or sum(d) == 0 or min(s * sum(r) / sum(d), bursts_module.P1_MAX) <= sum(r) / sum(d):
        assert states == [0] * len(r)  # cannot burst
        return
    cheapest = min(sequence_cost(q, r, d, s=s, gamma=gamma) for q in itertools.product((0, 1), repeat=len(r)))
    assert sequence_cost(states, r, d, s=s, gamma=gamma) == pytest.approx(cheapest, rel=1e-9, abs=1e-9)


def test_a_hundred_thousand_entities_over_a_hundred_periods_take_seconds_not_minutes():
    """A guard against losing the vectorisation (a Python loop per entity and period takes minutes);
    measured at about 0.4 s on one core of the development machine."""
    import time

    rng = np.random.default_rng(0)
    d = rng.integers(500, 1500, size=100)
    r = rng.integers(0, 15, size=(100_000, 100))
    r[::2, 40:45] += 60  # every other entity bursts
    started = time.perf_counter()
    found = bursts_many(r, d)
    assert time.perf_counter() - started < 10
    assert len(found) == 100_000 and all(found[i] for i in range(0, 100_000, 2000))
