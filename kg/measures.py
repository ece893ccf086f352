"""Association measures for co-occurrence, computed from counts alone (a separate, pure step).

For a pair (a, b) over ``n`` units (sentences, paragraphs or documents):
``n_a`` units contain a, ``n_b`` contain b, ``n_ab`` contain both.

- PMI  = log2(n_ab · n / (n_a · n_b))
- NPMI = PMI / −log2(n_ab / n), in [−1, 1]; 1 when a and b only ever occur together
- Jaccard = n_ab / (n_a + n_b − n_ab)
- G² (Dunning's log-likelihood ratio) = 2 Σ O·ln(O/E) over the 2×2 contingency table,
  signed: negative when the pair occurs together less often than expected.
"""
from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Association:
    pmi: float
    npmi: float
    jaccard: float
    llr: float


def association(n_ab: int, n_a: int, n_b: int, n: int) -> Association:
    if not (0 < n_ab <= min(n_a, n_b) and max(n_a, n_b) <= n):
        raise ValueError(f"inconsistent counts: n_ab={n_ab}, n_a={n_a}, n_b={n_b}, n={n}")
    p_ab = n_ab / n
    pmi = math.log2(n_ab * n / (n_a * n_b))
    npmi = 1.0 if p_ab == 1.0 else pmi / -math.log2(p_ab)
    jaccard = n_ab / (n_a + n_b - n_ab)
    return Association(pmi=pmi, npmi=npmi, jaccard=jaccard, llr=log_likelihood(n_ab, n_a, n_b, n))


def log_likelihood(n_ab: int, n_a: int, n_b: int, n: int) -> float:
    """Signed G² for the 2×2 table of a and b over n units."""
    observed = (n_ab, n_a - n_ab, n_b - n_ab, n - n_a - n_b + n_ab)
    row = (n_a, n_a, n - n_a, n - n_a)
    col = (n_b, n - n_b, n_b, n - n_b)
    g2 = 0.0
    for o, r, c in zip(observed, row, col):
        if o > 0:
            g2 += o * math.log(o * n / (r * c))
    g2 *= 2.0
    expected_ab = n_a * n_b / n
    return g2 if n_ab >= expected_ab else -g2


def associations(n_ab, n_a, n_b, n: int) -> list[Association]:
    """``association`` for many pairs at once (sequences of counts over the same ``n`` units),
    vectorised with numpy: one pass over arrays instead of a Python call per pair."""
    import numpy as np

    n_ab = np.asarray(n_ab, dtype=np.float64)
    n_a = np.asarray(n_a, dtype=np.float64)
    n_b = np.asarray(n_b, dtype=np.float64)
    if n_ab.size == 0:
        return []
    bad = ~((n_ab > 0) & (n_ab <= np.minimum(n_a, n_b)) & (np.maximum(n_a, n_b) <= n))
    if bad.any():
        i = int(np.argmax(bad))
        raise ValueError(f"inconsistent counts: n_ab={int(n_ab[i])}, n_a={int(n_a[i])}, n_b={int(n_b[i])}, n={n}")
    p_ab = n_ab / n
    pmi = np.log2(n_ab * n / (n_a * n_b))
    with np.errstate(divide="ignore", invalid="ignore"):
        npmi = np.where(p_ab == 1.0, 1.0, pmi / -np.log2(p_ab))
    jaccard = n_ab / (n_a + n_b - n_ab)
    # signed G² over the four cells of the 2×2 table; a cell with no observations adds nothing
    observed = (n_ab, n_a - n_ab, n_b - n_ab, n - n_a - n_b + n_ab)
    row = (n_a, n_a, n - n_a, n - n_a)
    col = (n_b, n - n_b, n_b, n - n_b)
    g2 = np.zeros_like(n_ab)
    with np.errstate(divide="ignore", invalid="ignore"):
        for o, r, c in zip(observed, row, col):
            g2 += np.where(o > 0, o * np.log(o * n / (r * c)), 0.0)
    g2 *= 2.0
    llr = np.where(n_ab >= n_a * n_b / n, g2, -g2)
    return [Association(*values) for values in zip(pmi.tolist(), npmi.tolist(), jaccard.tolist(), llr.tolist())]
