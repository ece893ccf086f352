"""Place names that are not places where they stand.

- A direction after a place is part of that place's description, not China's region of that name:
  乌克兰东部, 美国西部, 四川西部 (the lexicon's 东部 / 西部 … mean China's regions, 东部地区).
- A place before 时间 tells the time, not where: 北京时间.
- A bare 东部, 西部 or 中部 (without 地区) is China's region only where the text says so: after 我国,
  中国, 全国, or listed with another of China's regions (东部、中部、西部; 东北全面振兴、东部率先发展).
  On the news it is mostly a direction of somewhere else (乌军在东部击退…, 加沙地带中部, 肯塔基州东部).

Runs after overlap resolution, on the accepted candidates of one document.
"""
from __future__ import annotations

import re

from extractors.rules.base import Candidate

#: The lexicon's regions of China named by a direction.
DIRECTIONS = frozenset({"东部", "西部", "中部", "南部", "北部", "东北", "西北", "东南", "西南", "中西部"})


#: China's regions named by a bare direction, which the news uses for directions of anywhere.
_BARE_REGIONS = frozenset({"东部", "西部", "中部"})
#: What says that a bare direction is China's region: 我国东部, 中国的中部.
_CHINA_BEFORE = re.compile(r"(?:我国|中国|全国|国内)的?$")
#: The end of a place's name (肯塔基州东部地区, 该国西部): the direction is that place's.
_PLACE_SUFFIX_BEFORE = re.compile(r"(?:[州省市县国岛]|该国|该州|其)$")
_CLAUSE = re.compile(r"[^，。；！？\n]*")


def drop_places_out_of_place(text: str, accepted: list[Candidate]) -> list[Candidate]:
    place_ends = {c.end for c in accepted if c.type == "Place"}
    regions = [c for c in accepted if c.type == "Place" and c.name in DIRECTIONS]
    out = []
    for c in accepted:
        if c.type == "Place":
            if c.name in DIRECTIONS and (c.start in place_ends or _PLACE_SUFFIX_BEFORE.search(text, max(0, c.start - 2), c.start)):
                continue  # 乌克兰东部, 肯塔基州东部地区
            if c.name in _BARE_REGIONS and text[c.start : c.end] == c.name and not _chinese_region(text, c, regions):
                continue  # 乌军在东部击退…
            if text.startswith("时间", c.end):
                continue  # 北京时间
        out.append(c)
    return out


def _chinese_region(text: str, c: Candidate, regions: list[Candidate]) -> bool:
    """Does the text say that the bare direction at ``c`` is China's region: 我国东部, or another of
    China's regions in the same clause (东部、中部、西部)?"""
    if _CHINA_BEFORE.search(text, max(0, c.start - 3), c.start):
        return True
    lo = c.start
    while lo > 0 and text[lo - 1] not in "，。；！？\n":
        lo -= 1
    hi = _CLAUSE.match(text, c.end).end()
    return any(r is not c and lo <= r.start and r.end <= hi and r.name != c.name for r in regions)
