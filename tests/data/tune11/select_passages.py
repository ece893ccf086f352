"""Draw the eleventh tuning set: 30 windows of 新闻联播 transcripts and 10 of the government work reports, none
overlapping a passage of another set. Every news day had been read whole for the lexicon by then (or belongs to a
held-out set, never drawn from), so the news passages come from harvested days: what the extractor still misses
there is mostly what rules, not lexicon rows, must find.

Run from the project root. Seeded; nothing about the passages is chosen with the extractor in view.
"""

import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from passage_draw import draw, sources, used_passages, write  # noqa: E402

root = pathlib.Path("../shared/corpus")
rng = random.Random(20261209)
data = pathlib.Path("tests/data")
used_days, used_text = used_passages(
    data, ('heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout5', 'tune', 'tune2', 'tune3', 'tune4', 'tune5',
           'tune6', 'tune7', 'tune8', 'tune9', 'tune10'))
news, reports, _ = sources(root, rng, used_days)
rows = draw(rng, news, "t11", 30, lambda f: f.stem, used_text) + draw(rng, reports, "t11gw", 10, lambda f: f.stem, used_text)
write(rows, data / "tune11" / "passages.json")
