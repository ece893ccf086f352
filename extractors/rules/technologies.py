"""Technologies named by a series and a number (spacecraft, satellites, probes and launchers), and hydropower.

China's space programme names its craft as a series and an ordinal (神舟十五号, 天舟六号, 嫦娥五号, 风云三号G星,
长征五号B): a lexicon cannot list every number to come, and the name alone says what it is. What follows
the name (载人飞船, 货运飞船, 运载火箭, 卫星, 探测器) describes it and is not part of it.

Hydropower is written 水电, as the utilities water and power are (水电气, 房租水电减免, 水电故障): it is a technology
where the text speaks of it as a source of power.
"""
from __future__ import annotations

import re

from extractors.rules.base import Candidate, Context

#: Series of China's spacecraft, satellites, probes and launch vehicles named with an ordinal.
SERIES = "神舟|天舟|嫦娥|天问|鹊桥|天宫|实践|风云|高分|海洋|北斗|长征|快舟|天链|夸父|天绘|遥感|中星|亚太"
_NUMBER = "[一二三四五六七八九十百零〇]{1,4}|[0-9]{1,3}"
_CRAFT = re.compile(rf"(?:{SERIES})(?:{_NUMBER})号(?:[A-Z甲乙丙](?![A-Za-z])星?)?")


#: What after 水电 makes it hydropower: its development, capacity and works (水电开发, 水电装机容量, 水电项目).
_HYDRO_AFTER = re.compile(r"(?:开发|装机|工程|项目|发电|基地|产业|资源|建设|清洁能源)")
#: What before it does: developing or building it, or a kind of it (积极发展水电, 常规水电).
_HYDRO_BEFORE = re.compile(r"(?:发展|开发|建设|先进|常规|大型)$")
#: What joins it to another source of power in a list (水电、核电, 风电、光伏、水电, 水电核电).
_LISTED = "、和与及"


def find_technologies(ctx: Context) -> list[Candidate]:
    """神舟十五号, 天舟六号, 长征五号B: a craft of a named series, by its number (the lexicon's entry when it
    has one); 水电 where it is hydropower."""
    out = []
    for m in _CRAFT.finditer(ctx.text):
        if ctx.anchor_inside(m.start()) is None and ctx.stands_alone(m.start(), m.end()):
            out.append(ctx.resolved(m.start(), m.end(), "Technology", m.group(), "rule:technology-series"))
    for m in re.finditer("水电", ctx.text):
        if ctx.anchor_inside(m.start()) is None and ctx.anchor_at(m.start()) is None \
                and ctx.stands_alone(m.start(), m.end()) and _hydropower(ctx, m.start(), m.end()):
            out.append(ctx.resolved(m.start(), m.end(), "Technology", "水电", "rule:hydropower"))
    return out


def _hydropower(ctx: Context, start: int, end: int) -> bool:
    """Is 水电 at ``start`` hydropower: its works or development named with it, or another source of power listed
    beside it (not 水电气, 房租水电, 水电路气信邮)."""
    text = ctx.text
    if _HYDRO_AFTER.match(text, end) or _HYDRO_BEFORE.search(text, max(0, start - 2), start):
        return True
    after = end + 1 if end < len(text) and text[end] in _LISTED else end
    before = start - 1 if start > 0 and text[start - 1] in _LISTED else start
    return _a_source_of_power(ctx.anchor_at(after)) or _a_source_of_power(ctx.anchor_ending_at(before))


def _a_source_of_power(anchor: Candidate | None) -> bool:
    return anchor is not None and anchor.entry is not None and anchor.entry.category == "energy"
