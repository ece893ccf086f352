"""Draw the fifth held-out set (never tuned on: only its totals are read): 40 windows of 新闻联播 transcripts from
days no other set uses and that no lexicon harvest read (``docs/harvested-days.txt``, rounds 1 to 7), none
overlapping a passage of another set. The reports were read whole by the first harvest, so none is drawn from them.

Drawn before the eighth harvest round, which then reads none of these days. Run from the project root. Seeded;
nothing about the passages is chosen with the extractor in view.
"""

import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw, sources, used_passages, write  # noqa: E402

root = pathlib.Path("../shared/corpus")
rng = random.Random(20261207)
data = pathlib.Path("tests/data")
#: The news days read whole for the lexicon (rounds 1 to 7): not drawn from.
harvested = {f"xwlb/{line.strip()}.md" for line in pathlib.Path("docs/harvested-days.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")}
used_days, used_text = used_passages(
    data, ('heldout', 'heldout2', 'heldout3', 'heldout4', 'tune', 'tune2', 'tune3', 'tune4', 'tune5', 'tune6',
           'tune7', 'tune8', 'tune9', 'tune10'))
news, _, _ = sources(root, rng, used_days | harvested)
print(len(news), "news days to draw from")
write(draw(rng, news, "h5", 40, lambda f: f.stem, used_text), data / "heldout5" / "passages.json")
