"""Draw the twenty-third tuning set: 12 windows of the 20th Party Congress report (the long report with free
windows left; its kind, a long Party document, is one the hidden sets hold) and 28 work-report windows (up to three
per report, from the twelve reports with free lines), none overlapping a passage of another set (held-out sets
included). The news days are used up: the 36 days no set uses have no window left. Drawn in the eighth round's
seventh session, for fresh misses before any change made for them; its misses may be read (it is a tuning set).

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""


import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw_set  # noqa: E402

draw_set("tune23", 20261207, "t23", pathlib.Path("../shared/corpus"), pathlib.Path("tests/data"), congress=12, per_report=3)
