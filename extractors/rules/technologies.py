"""Technologies named by a series and a number: spacecraft, satellites, probes and launchers.

China's space programme names its craft as a series and an ordinal (神舟十五号, 天舟六号, 嫦娥五号, 风云三号G星,
长征五号B): a lexicon cannot list every number to come, and the name alone says what it is. What follows
the name (载人飞船, 货运飞船, 运载火箭, 卫星, 探测器) describes it and is not part of it.
"""
from __future__ import annotations

import re

from extractors.rules.base import Candidate, Context

#: Series of China's spacecraft, satellites, probes and launch vehicles named with an ordinal.
SERIES = "神舟|天舟|嫦娥|天问|鹊桥|天宫|实践|风云|高分|海洋|北斗|长征|快舟|天链|夸父|天绘|遥感|中星|亚太"
_NUMBER = "[一二三四五六七八九十百零〇]{1,4}|[0-9]{1,3}"
_CRAFT = re.compile(rf"(?:{SERIES})(?:{_NUMBER})号(?:[A-Z甲乙丙](?![A-Za-z])星?)?")


def find_technologies(ctx: Context) -> list[Candidate]:
    """神舟十五号, 天舟六号, 长征五号B: a craft of a named series, by its number (the lexicon's entry when it
    has one)."""
    out = []
    for m in _CRAFT.finditer(ctx.text):
        if ctx.anchor_inside(m.start()) is None and ctx.stands_alone(m.start(), m.end()):
            out.append(ctx.resolved(m.start(), m.end(), "Technology", m.group(), "rule:technology-series"))
    return out
