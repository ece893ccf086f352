"""Draw the nineteenth tuning set: 24 news passages (one per news day no earlier set uses), the windows of the
three long reports still free (up to 6 of each; 9 were), and government work report windows to make 40, none overlapping a passage of another set (held-out sets included). Drawn in the eighth
round's sixth session to give fresh misses of the kinds the hidden sets hold (news, reports); its misses may be read
(it is a tuning set).

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw, start_draw, write  # noqa: E402

data = pathlib.Path("tests/data")
rng, (news, reports, long_reports), used_text = start_draw("tune19", 20261207, pathlib.Path("../shared/corpus"), data)
rows = draw(rng, news, "t19", 24, lambda f: f.stem, used_text)
rows += draw(rng, long_reports, "t19lr", 16, lambda f: f.stem[:2], used_text, per_file=6)
rows += draw(rng, reports, "t19gw", 40 - len(rows), lambda f: f.stem, used_text)
write(rows, data / "tune19" / "passages.json")
