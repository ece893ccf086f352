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
