"""Draw the sixteenth tuning set: 40 windows of 新闻联播 transcripts, none
overlapping a passage of another set. The held-out sets' recall is lowest on news text (held-out 4 and 5 are all
news, and their institutions are found least), so this set is all news, from days no earlier set uses.

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""

import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw, sources, used_passages, write  # noqa: E402

root = pathlib.Path("../shared/corpus")
rng = random.Random(20261214)
data = pathlib.Path("tests/data")
used_days, used_text = used_passages(
    data, ('heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout5', 'tune', 'tune2', 'tune3', 'tune4', 'tune5',
           'tune6', 'tune7', 'tune8', 'tune9', 'tune10', 'tune11', 'tune12', 'tune13', 'tune14', 'tune15'))
news, _, _ = sources(root, rng, used_days)
rows = draw(rng, news, "t16", 40, lambda f: f.stem, used_text)
write(rows, data / "tune16" / "passages.json")
