"""Draw the third tuning set: 20 windows of 新闻联播 transcripts from days no other set uses, 10 windows
of the government work reports and 10 of the three long reports at the top of the corpus (the 2023 and
2024 government work reports, the 20th Party Congress report), none overlapping a passage of another set.

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""

import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw, sources, used_passages, write  # noqa: E402

root = pathlib.Path("../shared/corpus")
rng = random.Random(20261207)
data = pathlib.Path("tests/data")
used_days, used_text = used_passages(data, ('heldout', 'heldout2', 'tune', 'tune2'))
news, reports, long_reports = sources(root, rng, used_days)
rows = (
    draw(rng, news, "t3", 20, lambda f: f.stem, used_text)
    + draw(rng, reports, "t3gw", 10, lambda f: f.stem, used_text)
    + draw(rng, long_reports, "t3lr", 10, lambda f: f.stem[:2], used_text, per_file=4)
)
write(rows, data / "tune3" / "passages.json")
