"""Draw the twenty-first tuning set: 30 news passages (one per news day no earlier set uses) and 10 windows of the
government work reports (one per report), none overlapping a passage of another set (held-out sets included). Drawn
in the eighth round's sixth session after tuning set 20, for fresh misses of the two kinds the hidden sets hold most
(news, work reports of other years); its misses may be read (it is a tuning set).

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw_set  # noqa: E402

draw_set("tune21", 20261209, "t21", pathlib.Path("../shared/corpus"), pathlib.Path("tests/data"), news=30)
