"""Place names that are not places where they stand.

- A direction after a place is part of that place's description, not China's region of that name:
  乌克兰东部, 美国西部, 四川西部 (the lexicon's 东部 / 西部 … mean China's regions, 东部地区).
- A place before 时间 tells the time, not where: 北京时间.

Runs after overlap resolution, on the accepted candidates of one document.
"""
from __future__ import annotations

from extractors.rules.base import Candidate

#: The lexicon's regions of China named by a direction.
DIRECTIONS = frozenset({"东部", "西部", "中部", "南部", "北部", "东北", "西北", "东南", "西南", "中西部"})


def drop_places_out_of_place(text: str, accepted: list[Candidate]) -> list[Candidate]:
    place_ends = {c.end for c in accepted if c.type == "Place"}
    out = []
    for c in accepted:
        if c.type == "Place":
            if c.name in DIRECTIONS and c.start in place_ends:
                continue  # 乌克兰东部
            if text.startswith("时间", c.end):
                continue  # 北京时间
        out.append(c)
    return out
