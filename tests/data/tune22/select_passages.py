"""Draw the twenty-second tuning set: up to 20 news passages (one per news day no earlier set uses; 13 of those days
still had a free window) and work-report windows (up to two per report) to make 40 (26 were free), none overlapping a passage of another set (held-out sets included). Drawn
in the eighth round's sixth session after tuning set 21, for fresh misses of the two kinds the hidden sets hold most
(news, work reports of other years); its misses may be read (it is a tuning set).

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw, start_draw, write  # noqa: E402

data = pathlib.Path("tests/data")
rng, (news, reports, _), used_text = start_draw("tune22", 20261210, pathlib.Path("../shared/corpus"), data)
rows = draw(rng, news, "t22", 20, lambda f: f.stem, used_text)
rows += draw(rng, reports, "t22gw", 40 - len(rows), lambda f: f.stem, used_text, per_file=2)
write(rows, data / "tune22" / "passages.json")
