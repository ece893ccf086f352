"""Draw the twentieth tuning set: 20 news passages (one per news day no earlier set uses) and 20 windows of the
government work reports (two per report), none overlapping a passage of another set (held-out sets included). Drawn
in the eighth round's sixth session after tuning set 19, for fresh misses of the two kinds the hidden sets hold most
(news, work reports of other years); its misses may be read (it is a tuning set).

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw_set  # noqa: E402

draw_set("tune20", 20261208, "t20", pathlib.Path("../shared/corpus"), pathlib.Path("tests/data"), news=20, per_report=2)
