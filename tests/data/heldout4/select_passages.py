"""Draw the fourth held-out set (never tuned on: only its totals are read): 40 windows of 新闻联播 transcripts
from days no other set uses and that the lexicon harvest did not read (the reports were all read whole by that
harvest, so none is drawn from them), none overlapping a passage of another set.

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""

import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw, sources, used_passages, write  # noqa: E402

#: The news days read whole for the lexicon (README "Lexicon"): not drawn from.
HARVESTED = {f"xwlb/{d}.md" for d in (
    "20220126 20220306 20220317 20220616 20220925 20221023 20221203 20221213 20221216 20230115 "
    "20230301 20230317 20230512 20230525 20230701 20230709 20230820 20231015 20231128 20231129").split()}

root = pathlib.Path("../shared/corpus")
rng = random.Random(20261212)
data = pathlib.Path("tests/data")
used_days, used_text = used_passages(
    data, ('heldout', 'heldout2', 'heldout3', 'tune', 'tune2', 'tune3', 'tune4', 'tune5', 'tune6', 'tune7', 'tune8',
           'tune9'))
news, _, _ = sources(root, rng, used_days | HARVESTED)
write(draw(rng, news, "h4", 40, lambda f: f.stem, used_text), data / "heldout4" / "passages.json")
