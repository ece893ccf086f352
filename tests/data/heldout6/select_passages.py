"""Draw the sixth held-out set (never tuned on: only its totals and counts by type are read): 40 windows of 新闻联播
transcripts from days no other set uses, none overlapping a passage of another set.

Drawn at the end of the eighth round's second session, to measure that session's rules on passages none of them
was made for. Every news day not in a set had been read whole by a lexicon harvest by then (``docs/harvested-days.txt``),
so the lexicon knows these days' names better than it would know a later year's: the set measures the rules, and
flatters the lexicon. Run from the project root. Seeded; nothing about the passages is chosen with the extractor in
view.
"""

import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw, sources, used_passages, write  # noqa: E402

root = pathlib.Path("../shared/corpus")
rng = random.Random(20261215)
data = pathlib.Path("tests/data")
used_days, used_text = used_passages(
    data, ('heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout5', 'tune', 'tune2', 'tune3', 'tune4', 'tune5',
           'tune6', 'tune7', 'tune8', 'tune9', 'tune10', 'tune11', 'tune12', 'tune13', 'tune14', 'tune15', 'tune16'))
news, _, _ = sources(root, rng, used_days)
write(draw(rng, news, "h6", 40, lambda f: f.stem, used_text), data / "heldout6" / "passages.json")
