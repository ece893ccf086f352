"""Draw the twentieth tuning set: 20 news passages (one per news day no earlier set uses) and 20 windows of the
government work reports (two per report), none overlapping a passage of another set (held-out sets included). Drawn
in the eighth round's sixth session after tuning set 19, for fresh misses of the two kinds the hidden sets hold most
(news, work reports of other years); its misses may be read (it is a tuning set).

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw, start_draw, write  # noqa: E402

data = pathlib.Path("tests/data")
rng, (news, reports, _), used_text = start_draw("tune20", 20261208, pathlib.Path("../shared/corpus"), data)
rows = draw(rng, news, "t20", 20, lambda f: f.stem, used_text)
rows += draw(rng, reports, "t20gw", 40 - len(rows), lambda f: f.stem, used_text, per_file=2)
write(rows, data / "tune20" / "passages.json")
