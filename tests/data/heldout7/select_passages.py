"""Draw the seventh held-out set: 40 windows of the government work reports 2004–2022, none overlapping a passage
of another set. Tuning set 17 showed the reports' older policy wording to be what the lexicon knew least; this set
measures what the changes made for it carry to report text no one has read for the lexicon. Its misses are never
read (totals and counts by type only).

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""

import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw, sources, used_passages, write  # noqa: E402

root = pathlib.Path("../shared/corpus")
rng = random.Random(20261218)
data = pathlib.Path("tests/data")
used_days, used_text = used_passages(
    data, ('heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout5', 'heldout6', 'tune', 'tune2', 'tune3', 'tune4',
           'tune5', 'tune6', 'tune7', 'tune8', 'tune9', 'tune10', 'tune11', 'tune12', 'tune13', 'tune14', 'tune15',
           'tune16', 'tune17'))
_, reports, _ = sources(root, rng, used_days)
rows = draw(rng, reports, "h7gw", 40, lambda f: f.stem, used_text, per_file=3)
write(rows, data / "heldout7" / "passages.json")
