"""Draw the eighteenth tuning set: 40 windows of the government work reports 2004–2022, none overlapping a passage
of another set (held-out 7 included). Tuning set 17 showed the reports' older policy wording to be what the lexicon
knew least; this set gives more of it to read. Its misses may be read (it is a tuning set).

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""

import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw, sources, used_passages, write  # noqa: E402

root = pathlib.Path("../shared/corpus")
rng = random.Random(20261219)
data = pathlib.Path("tests/data")
used_days, used_text = used_passages(
    data, ('heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout5', 'heldout6', 'tune', 'tune2', 'tune3', 'tune4',
           'tune5', 'tune6', 'tune7', 'tune8', 'tune9', 'tune10', 'tune11', 'tune12', 'tune13', 'tune14', 'tune15',
           'tune16', 'tune17', 'heldout7'))
_, reports, _ = sources(root, rng, used_days)
rows = draw(rng, reports, "t18gw", 40, lambda f: f.stem, used_text, per_file=3)
write(rows, data / "tune18" / "passages.json")
