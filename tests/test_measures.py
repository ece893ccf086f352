"""Association measures against values computed by hand."""
from __future__ import annotations

import math

import pytest

from kg.measures import association, log_likelihood


def test_measures_match_hand_computed_values():
    # 100 sentences; a in 10, b in 20, both in 5
    s = association(5, 10, 20, 100)
    assert s.pmi == pytest.approx(math.log2(5 * 100 / (10 * 20)))  # log2(2.5) = 1.3219
    assert s.pmi == pytest.approx(1.321928, abs=1e-6)
    assert s.npmi == pytest.approx(1.321928 / -math.log2(0.05), abs=1e-6)  # 0.305865
    assert s.jaccard == pytest.approx(5 / 25)
    # G² by hand over the 2x2 table [[5, 5], [15, 75]] with expected [[2, 8], [18, 72]]
    g2 = 2 * (5 * math.log(5 / 2) + 5 * math.log(5 / 8) + 15 * math.log(15 / 18) + 75 * math.log(75 / 72))
    assert s.llr == pytest.approx(g2)
    assert s.llr == pytest.approx(5.1165, abs=1e-4)


def test_pair_that_always_cooccurs_has_npmi_one():
    s = association(7, 7, 7, 50)
    assert s.npmi == pytest.approx(1.0)
    assert s.jaccard == 1.0


def test_independent_pair_has_pmi_zero_and_no_likelihood():
    s = association(2, 10, 20, 100)
    assert s.pmi == pytest.approx(0.0)
    assert s.npmi == pytest.approx(0.0)
    assert s.llr == pytest.approx(0.0, abs=1e-12)


def test_less_than_expected_is_negative():
    s = association(1, 50, 50, 100)
    assert s.pmi < 0 and s.npmi < 0 and s.llr < 0


def test_symmetric_in_a_and_b():
    assert association(3, 8, 12, 60) == association(3, 12, 8, 60)
    assert log_likelihood(3, 8, 12, 60) == pytest.approx(log_likelihood(3, 12, 8, 60))


@pytest.mark.parametrize("args", [(0, 1, 1, 10), (3, 2, 5, 10), (1, 5, 5, 4)])
def test_inconsistent_counts_rejected(args):
    with pytest.raises(ValueError):
        association(*args)


def test_vectorised_associations_equal_the_scalar_ones():
    from kg.measures import associations

    n = 100
    cases = [(5, 10, 20), (7, 7, 7), (2, 10, 20), (1, 50, 50), (3, 8, 12), (4, 4, 4), (1, 1, 99), (100, 100, 100)]
    values = associations(*zip(*cases), n)
    assert len(values) == len(cases)
    for (n_ab, n_a, n_b), v in zip(cases, values):
        s = association(n_ab, n_a, n_b, n)
        for name in ("pmi", "npmi", "jaccard", "llr"):
            assert getattr(v, name) == pytest.approx(getattr(s, name), rel=1e-12, abs=1e-12), (n_ab, n_a, n_b, name)
    assert associations([], [], [], 10) == []
    with pytest.raises(ValueError, match="inconsistent"):
        associations([1, 5], [2, 4], [2, 9], 10)
