"""Draw the twenty-second tuning set: up to 20 news passages (one per news day no earlier set uses; 13 of those days
still had a free window) and work-report windows (up to two per report) to make 40 (26 were free), none overlapping a passage of another set (held-out sets included). Drawn
in the eighth round's sixth session after tuning set 21, for fresh misses of the two kinds the hidden sets hold most
(news, work reports of other years); its misses may be read (it is a tuning set).

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw_set  # noqa: E402

draw_set("tune22", 20261210, "t22", pathlib.Path("../shared/corpus"), pathlib.Path("tests/data"), news=20, per_report=2)
