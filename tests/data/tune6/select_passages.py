"""Draw the sixth tuning set: 30 windows of 新闻联播 transcripts from days no other set uses and 10 windows
of the government work reports, none overlapping a passage of another set.

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""

import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw, sources, used_passages, write  # noqa: E402

root = pathlib.Path("../shared/corpus")
rng = random.Random(20261211)
data = pathlib.Path("tests/data")
used_days, used_text = used_passages(data, ('heldout', 'heldout2', 'heldout3', 'tune', 'tune2', 'tune3', 'tune4', 'tune5'))
news, reports, _ = sources(root, rng, used_days)
rows = (
    draw(rng, news, "t6", 30, lambda f: f.stem, used_text)
    + draw(rng, reports, "t6gw", 10, lambda f: f.stem, used_text)
)
write(rows, data / "tune6" / "passages.json")
