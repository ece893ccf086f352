"""Draw the tenth tuning set: 28 windows of 新闻联播 transcripts from days no other set uses and that no lexicon
harvest read, 6 of the government work reports and 6 of the long reports, none overlapping a passage of another
set. Weighted to the news, where the fourth held-out set loses most (local places, institutions, people).

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""

import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw, sources, used_passages, write  # noqa: E402

#: The news days read whole for the lexicon (README "Lexicon", both harvests): not drawn from.
HARVESTED = {f"xwlb/{d}.md" for d in (
    "20220126 20220306 20220317 20220616 20220925 20221023 20221203 20221213 20221216 20230115 "
    "20230301 20230317 20230512 20230525 20230701 20230709 20230820 20231015 20231128 20231129 "
    "20220115 20220116 20220131 20220205 20220308 20220318 20220410 20220411 20220412 20220424 "
    "20220502 20220503 20220510 20220525 20220531 20220601 20220623 20220625 20220628 20220705 "
    "20220712 20220720 20220821 20220825 20220902 20220913 20220921 20221006 20221020 20221106 "
    "20221123 20221208 20221219 20230102 20230111 20230125 20230305 20230325 20230326 20230410 "
    "20230421 20230425 20230604 20230719 20230805 20230909 20231008 20231125").split()}

root = pathlib.Path("../shared/corpus")
rng = random.Random(20261213)
data = pathlib.Path("tests/data")
used_days, used_text = used_passages(
    data, ('heldout', 'heldout2', 'heldout3', 'heldout4', 'tune', 'tune2', 'tune3', 'tune4', 'tune5', 'tune6',
           'tune7', 'tune8', 'tune9'))
news, reports, long_reports = sources(root, rng, used_days | HARVESTED)
rows = (
    draw(rng, news, "t10", 28, lambda f: f.stem, used_text)
    + draw(rng, reports, "t10gw", 6, lambda f: f.stem, used_text)
    + draw(rng, long_reports, "t10lr", 6, lambda f: f.stem[:2], used_text, per_file=2)
)
write(rows, data / "tune10" / "passages.json")
