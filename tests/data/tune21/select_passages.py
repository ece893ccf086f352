"""Draw the twenty-first tuning set: 30 news passages (one per news day no earlier set uses) and 10 windows of the
government work reports (one per report), none overlapping a passage of another set (held-out sets included). Drawn
in the eighth round's sixth session after tuning set 20, for fresh misses of the two kinds the hidden sets hold most
(news, work reports of other years); its misses may be read (it is a tuning set).

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw, start_draw, write  # noqa: E402

data = pathlib.Path("tests/data")
rng, (news, reports, _), used_text = start_draw("tune21", 20261209, pathlib.Path("../shared/corpus"), data)
rows = draw(rng, news, "t21", 30, lambda f: f.stem, used_text)
rows += draw(rng, reports, "t21gw", 40 - len(rows), lambda f: f.stem, used_text, per_file=1)
write(rows, data / "tune21" / "passages.json")
