"""Draw the twenty-fourth tuning set: 12 more windows of the 20th Party Congress report and 28 work-report windows (up to
three per report), none overlapping a passage of another set (held-out sets and tuning set 23 included). Drawn in the
eighth round's seventh session after the changes made for tuning set 23, to measure them on text they were not made
from, and for fresh misses; its misses may be read (it is a tuning set).

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""


import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw_set  # noqa: E402

draw_set("tune24", 20261208, "t24", pathlib.Path("../shared/corpus"), pathlib.Path("tests/data"), congress=12, per_report=3)
