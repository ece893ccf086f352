"""Draw the twenty-fifth tuning set: 12 more windows of the 20th Party Congress report and 28 work-report windows (up to
three per report), none overlapping a passage of another set (held-out sets and tuning sets 23 and 24 included). Drawn in the
eighth round's seventh session after the changes made for tuning sets 23 and 24, to measure them on text they were not made
from, and for fresh misses; its misses may be read (it is a tuning set).

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw, start_draw, write  # noqa: E402

data = pathlib.Path("tests/data")
rng, (_, reports, long_reports), used_text = start_draw("tune25", 20261209, pathlib.Path("../shared/corpus"), data)
congress = [f for f in long_reports if "party_congress" in f.name]
rows = draw(rng, congress, "t25pc", 12, lambda f: f.stem[:2], used_text, per_file=12)
rows += draw(rng, reports, "t25gw", 40 - len(rows), lambda f: f.stem, used_text, per_file=3)
write(rows, data / "tune25" / "passages.json")
