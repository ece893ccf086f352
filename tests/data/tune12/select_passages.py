"""Draw the twelfth tuning set: 24 windows of the government work reports (two from each of twelve reports) and
16 of the three long reports at the top of the corpus, none overlapping a passage of another set. Every news day
had been read for the lexicon or belongs to a held-out set by then; the reports are the text most like the unseen
work reports, plenum decisions and speech digests the outside measure uses.

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""

import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw, sources, used_passages, write  # noqa: E402

root = pathlib.Path("../shared/corpus")
rng = random.Random(20261210)
data = pathlib.Path("tests/data")
used_days, used_text = used_passages(
    data, ('heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout5', 'tune', 'tune2', 'tune3', 'tune4', 'tune5',
           'tune6', 'tune7', 'tune8', 'tune9', 'tune10', 'tune11'))
_, reports, long_reports = sources(root, rng, used_days)
rows = (draw(rng, reports, "t12gw", 24, lambda f: f.stem, used_text, per_file=2)
        + draw(rng, long_reports, "t12lr", 16, lambda f: f.stem[:2], used_text, per_file=6))
write(rows, data / "tune12" / "passages.json")
