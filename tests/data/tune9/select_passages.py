"""Draw the ninth tuning set: 14 windows of 新闻联播 transcripts from days no other set uses, 14 of the
government work reports and 12 of the long reports, none overlapping a passage of another set. Weighted to the
reports, whose policy wording is where the held-out sets lose most.

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""

import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw, sources, used_passages, write  # noqa: E402

root = pathlib.Path("../shared/corpus")
rng = random.Random(20261208)
data = pathlib.Path("tests/data")
used_days, used_text = used_passages(
    data, ('heldout', 'heldout2', 'heldout3', 'tune', 'tune2', 'tune3', 'tune4', 'tune5', 'tune6', 'tune7', 'tune8'))
news, reports, long_reports = sources(root, rng, used_days)
rows = (
    draw(rng, news, "t9", 14, lambda f: f.stem, used_text)
    + draw(rng, reports, "t9gw", 14, lambda f: f.stem, used_text)
    + draw(rng, long_reports, "t9lr", 12, lambda f: f.stem[:2], used_text, per_file=4)
)
write(rows, data / "tune9" / "passages.json")
