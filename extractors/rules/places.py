"""Places found by their suffix, and place names that are not places where they stand.

- A county, district, town or township no lexicon lists, by its suffix: 平陆县, 海珠区, 洞泾镇, 草科乡
  (``find_places``). The proper name before the suffix (two or three characters) must be no
  common word (贫困县, 示范区, 开发区 are classes), the suffix must not make a common word with
  the character before it (社区, 山区, 城镇, 返乡), the whole must stand as a word in its sentence,
  and it must start a phrase: after punctuation, a place (河北省|阜平县) or 在/到/赴. On 699 days
  of news this finds about 390 places, some 95 in 100 of them real ones.

- A county by its bare name where the news goes to it or speaks from it (来到兰考，, 在正定考察): the only
  county of China so named, and no common word (在和平, 在新建的冰场). About 36 news mentions.

- A direction after a place is part of that place's description, not China's region of that name:
  乌克兰东部, 美国西部, 四川西部 (the lexicon's 东部 / 西部 … mean China's regions, 东部地区).
- A place before 时间 tells the time, not where: 北京时间. 红海 before 市场, 竞争 or 赛道 is a saturated market.
  中国 before 特色, 风格 or 气派 describes a quality, not the country: 中国特色、世界一流, 中国特色强军之路.
- 苏丹 after 文莱 is Brunei's ruler, not Sudan.
- A bare 东部, 西部 or 中部 (without 地区) is China's region only where the text says so: after 我国,
  中国, 全国, or listed with another of China's regions (东部、中部、西部; 东北全面振兴、东部率先发展).
  On the news it is mostly a direction of somewhere else (乌军在东部击退…, 加沙地带中部, 肯塔基州东部).

- A named site by its head (``find_sites``): 黄河大峡谷景区, 喀纳斯景区, 辛店遗址, 青海湖国家公园. The
  name runs from its phrase's start, or from the end of the place that says where the site is
  (张掖|七彩丹霞景区), to the head; no class of sites (A级旅游景区, 商代晚期都城遗址), no counter or
  verb inside (个左右国家公园, 村庄变景区). On 699 days of news about 130 mentions of 95 sites, a few
  of them with their county's name in front (稻城皮洛遗址).
- A named work by its head (same function): bridges, tunnels, railways, airports, reservoirs, power
  stations (哈巴雪山隧道, 池黄高铁, 溪洛渡水电站, 萨那机场, 弥勒至蒙自高铁). Stricter than sites, for the
  news writes these heads after classes and networks (跨海大桥, 全国铁路, 杭州铁路, 长江隧道, 英国机场,
  五大水库): the name is a known place of the right kind, or two to five characters each a place, a
  name or a rare word. On 699 days of news about 220 more mentions, a few of them generic (齿轨铁路).

Runs after overlap resolution, on the accepted candidates of one document.
"""
from __future__ import annotations

import re

from extractors.families import bare_county_names, county_anywhere, county_in, province_of
from extractors.rules.base import Candidate, Context, with_nested
from extractors.rules.wordclass import FUNCTION_CHARS, NAME_TAGS, PLACE_TAG, VERB_TAGS, clause_word, tag
from extractors.textutil import HAN, is_han, word_bounds

#: The lexicon's regions of China named by a direction.
DIRECTIONS = frozenset({"东部地区", "西部地区", "中部地区", "东北地区", "中西部地区", "西北", "西南"})


#: China's regions named by a bare direction, which the news uses for directions of anywhere
#: (canonical name: the direction as written).
_BARE_REGIONS = {"东部地区": "东部", "西部地区": "西部", "中部地区": "中部"}
#: What says that a bare direction is China's region: 我国东部, 中国的中部.
_CHINA_BEFORE = re.compile(r"(?:我国|中国|全国|国内)的?$")
#: The end of a place's name (肯塔基州东部地区, 该国西部): the direction is that place's.
_PLACE_SUFFIX_BEFORE = re.compile(r"(?:[州省市县国岛]|该国|该州|其)$")
_CLAUSE = re.compile(r"[^，。；！？\n]*")


_SUFFIXED = re.compile(rf"(?=([{HAN}]{{2,3}})([县区镇乡]))")
#: Characters that are never inside such a name (particles, pronouns, numbers, directions, …).
_NOT_IN_NAME = frozenset(
    "的了是在和与及或等对从到将把被这那其该各每某本此个们所之于为以由向也都就还又并而但很最更再已曾正全新老大小"
    "多少上下中内外前后东西南北有至位万千百家座片跨出让两三四五六七八九十经要仅除撤"
)
#: Characters a name cannot start with: the suffix of a place before it (宜宾市|长宁县).
_NOT_FIRST = frozenset("省市县区州镇乡包")
#: What the suffix makes with the character before it when the whole is a kind of area, not a
#: name (棚户区, 冬麦区, 七宝古镇, 禁飞区).
_CLASS_TAILS = frozenset(
    "麦区 湖区 滩区 山区 林区 牧区 垦区 库区 矿区 园区 城区 市区 开区 贸区 新区 古镇 名镇 小镇 重镇 乡镇 水乡 画乡 之乡 "
    "穷县 强县 大县 名县 小县 两县 城镇 港区 片区 景区 校区 辖区 展区 社区 小区 街区 郊区 灾区 疫区 原区 控区 防区 战区 "
    "警区 选区 学区 商区 厂区 营区 试区 范区 验区 户区 址区 飞区 险区 播区 产区 植区 作区 养区".split()
)
_LOCATIVE = frozenset("在到于赴往至")
#: Verbs of going that jieba does not tag as verbs (前往 is a time word there).
_MOTION = frozenset("前往 来到 走进 深入 奔赴 赶赴".split())
#: A village right after the county, district or town it belongs to (安吉县余村, 梓山镇潭头村).
_VILLAGE = re.compile(rf"([{HAN}]{{1,4}}?)村(?![民庄落寨镇])")
_VILLAGE_AFTER = frozenset("县区镇乡旗市")
_COUNTY_SUFFIX = frozenset("县市区旗镇乡州")
#: The kinds of development zone a city names (西安|高新区, 天津|经开区, 苏州|工业园区).
_ZONE = re.compile(r"(?:国家级|国家)?(?:高新技术产业开发区|经济技术开发区|高新区|经开区|经济开发区|综合保税区|保税港区|"
                   r"保税区|工业园区|出口加工区)")
#: What a national programme designates, one site at a time (国家自主创新示范区, 人工智能创新应用先导区,
#: 综合性国家科学中心, 国际科技创新中心, 自由贸易试验区); not a class of areas (国家级新区).
_DESIGNATED = re.compile(r"(?:示范区|先导区|试验区|先行区|科学中心|科技创新中心)$")
#: jieba's tags of verbs, adverbs, directions, pronouns and the like: a common word of these is no county.
_NOT_A_NAME_TAGS = frozenset({"v", "vn", "vd", "d", "ad", "f", "r", "p", "c", "m", "q", "a", "an", "t"})
#: A town or township right after the county it belongs to (武夷山市星村镇, 疏附县托克扎克镇).
_TOWN = re.compile(rf"([{HAN}]{{2,5}}?)(?:镇|乡|街道)(?![村民亲土镇长政里间情愁音]|下[辖属设面]|办事处)")
#: Numerals a town's name may hold after its county (吴江区|七都镇, 三河镇), unless they count (三个乡镇).
_TOWN_NUMERALS = frozenset("一二三四五六七八九十")
_VILLAGE_CLASSES = frozenset({"农村", "乡村", "中心村", "行政村", "自然村"})
#: Villages are named after families, sizes and directions (顾家台村, 小岗村, 大寨村, 西山村).
_NOT_IN_VILLAGE = _NOT_IN_NAME - frozenset("家大小上下中东西南北新老前后")


def find_places(ctx: Context) -> list[Candidate]:
    """Counties, districts, towns and townships by their suffix (河北省阜平县, 在平陆县), counties by
    their bare name after their province, development zones after their city, and the towns and
    villages written after their county."""
    out = _suffixed(ctx)
    out += _bare_counties(ctx)
    out += _zones(ctx)
    counties = {a.end for a in ctx.anchors if a.type == "Place" and ctx.text[a.end - 1 : a.end] in _VILLAGE_AFTER}
    counties |= {c.end for c in out}
    towns = _towns(ctx, counties, {c.start for c in out})
    out += towns + _villages(ctx, counties | {c.end for c in towns})
    out += _villages_visited(ctx, {c.start for c in out})
    out += _foreign_ports(ctx)
    out += _counties_visited(ctx, {c.start for c in out})
    return out + _counties_of_the_story(ctx, {c.start for c in out})


#: A port after its country, by its transliterated name (秘鲁|钱凯港, 缅甸|皎漂港, 马来西亚|关丹港); not 港澳, 港口, 港区.
_PORT = re.compile(r"([\u4e00-\u9fff]{2,5}?)港(?![口区澳务湾城股企资人])")


def _foreign_ports(ctx: Context) -> list[Candidate]:
    text, out = ctx.text, []
    if "港" not in text:
        return out
    for a in ctx.anchors:
        if a.type != "Place" or not a.names_a_country or a.name == "中国":
            continue
        m = _PORT.match(text, a.end)
        if m is None or ctx.anchor_at(a.end) is not None or any(ch in _NOT_IN_NAME for ch in m.group(1)) \
                or _common_word(ctx, m.group(1)) or any(clause_word(w) or tag(w) in VERB_TAGS for w in ctx.segment(m.group(1))):
            continue  # 美国|沿海港口, 日本|各港
        out.append(Candidate(a.end, m.end(), "Place", m.group(), "rule:place-port"))
    return out


def _suffixed(ctx: Context) -> list[Candidate]:
    """平陆县, 海珠区, 洞泾镇, 草科乡: a name no lexicon lists, by its suffix."""
    text = ctx.text
    out = []
    for m in _SUFFIXED.finditer(text):
        start, stem = m.start(), m.group(1)
        end = start + len(stem) + 1
        name = text[start:end]
        if any(ch in _NOT_IN_NAME for ch in stem) or stem[0] in _NOT_FIRST or stem[-1] + m.group(2) in _CLASS_TAILS:
            continue
        if m.group(2) in stem:
            continue  # 岷县漳县: two counties written together (a town may hold 县: 旧县镇)
        if ctx.entry(name) is not None or ctx.entry(stem) is not None or _starts_with_place(ctx, stem):
            continue  # the lexicon's own, or 蚌埠|固镇县 (the county is found where it starts)
        if not _starts_a_phrase(ctx, start) or _common_word(ctx, stem) or _common_word(ctx, name[-2:], 10):
            continue
        if any(clause_word(w) for w in ctx.segment(stem)):
            continue  # 恢复湖区, 直通乌镇
        if ctx.stands_alone(start, end):
            out.append(Candidate(start, end, "Place", name, "rule:place-suffix"))
    return out


def _bare_counties(ctx: Context) -> list[Candidate]:
    """Counties written by their bare name after their province or city (山东|蓬莱, 江苏盐城|阜宁)."""
    text = ctx.text
    out = []
    for a in [a for a in ctx.anchors if a.type == "Place"]:
        for k in (3, 2):
            bare = text[a.end : a.end + k]
            full = county_in(a.name, bare) if len(bare) == k else None
            if full is None or text[a.end + k : a.end + k + 1] in _COUNTY_SUFFIX:
                continue  # none, or written with its suffix (山东蓬莱市: the lexicon's)
            if tag(bare) in _NOT_A_NAME_TAGS and _common_word(ctx, bare, 100):
                break  # 辽宁|振兴 (a verb), 四川|南部 (a direction): the word, not 振兴区 or 南部县
            if ctx.anchor_at(a.end) is None and ctx.stands_alone(a.end, a.end + k):
                entry = ctx.entry(full)
                out.append(Candidate(a.end, a.end + k, "Place", entry.name if entry else full, "rule:place-county",
                                     entry))
            break
    return out


def _zones(ctx: Context) -> list[Candidate]:
    """Development zones named after their city (西安高新区, 天津经开区, 北京经济技术开发区), and the
    zones and centres a national programme designates, named after their place (苏南|国家自主创新示范区,
    北京|国际科技创新中心, 武汉东湖|国家自主创新示范区): the programme is a policy, its site a place."""
    text = ctx.text
    out = []
    for a in ctx.anchors:
        if a.type != "Place" or a.name in DIRECTIONS or ctx.anchor_at(a.start, "Place") is not a:
            continue
        m = _ZONE.match(text, a.end)
        if m is not None and ctx.entry(text[a.start : m.end()]) is None:
            if ctx.stands_alone(a.start, m.end()) or not is_han(text[m.end() : m.end() + 1]):
                out.append(Candidate(a.start, m.end(), "Place", text[a.start : m.end()], "rule:place-zone"))
            continue
        programme = ctx.anchor_at(a.end, "Policy")
        # 中国|自由贸易试验区 is the class, 黄河流域|自贸试验区 the zones of nine provinces
        broad = a.names_a_country or a.name.endswith("流域")
        if programme is not None and not broad and _DESIGNATED.search(text, programme.start, programme.end):
            before = ctx.anchor_ending_at(a.start, "Place")  # 武汉|东湖
            start = before.start if before is not None and before.name not in DIRECTIONS else a.start
            out.append(ctx.resolved(start, programme.end, "Place", text[start : programme.end], "rule:place-zone"))
    return out


def _towns(ctx: Context, counties: set[int], taken: set[int]) -> list[Candidate]:
    """Towns, townships and urban subdistricts written right after their county or district (武夷山市|星村镇,
    疏附县|托克扎克镇, 鼓楼区|湖南路街道, 吴江区|七都镇), whose
    names the suffix rule may not take on their own (a word inside, a long transliteration);
    ``counties`` are where counties end, ``taken`` where places already found start."""
    text = ctx.text
    out = []
    for end in sorted(counties):
        m = _TOWN.match(text, end)
        if m is None or end in taken \
                or any(ch in _NOT_IN_VILLAGE and ch not in _TOWN_NUMERALS or ch in _NOT_FIRST for ch in m.group(1)) \
                or all(ch in _TOWN_NUMERALS for ch in m.group(1)):
            continue
        words = ctx.segment(m.group(1))
        road = m.group().endswith("街道") and m.group(1)[-1] in "路街"  # 文化路街道: a road's name, a word or not
        if any(clause_word(w) or tag(w) in VERB_TAGS or w in _MOTION for w in words) or ctx.entry(m.group()) \
                or (_common_word(ctx, m.group(1), 200) and not road) or m.group()[-2:] in _CLASS_TAILS:
            continue  # 县|召开…乡, 县|前往草科乡 (the town is found where it starts), 县|旧城镇 (城镇)
        out.append(Candidate(m.start(), m.end(), "Place", m.group(), "rule:place-town"))
    return out


def _villages(ctx: Context, places: set[int]) -> list[Candidate]:
    """Villages written right after their county or town (安吉县|余村, 根子镇|柏桥村), and the villages
    listed with the first (骆驼湾村和顾家台村); ``places`` are where counties and towns end."""
    text = ctx.text
    out = []
    for end in sorted(places):
        m = _VILLAGE.match(text, end)
        first = True
        while m is not None and not any(ch in _NOT_IN_VILLAGE or ch in _NOT_FIRST for ch in m.group(1)):
            name = m.group()
            verb = first and any(clause_word(w) or tag(w) in VERB_TAGS for w in ctx.segment(m.group(1)))
            if verb or ctx.entry(name) is not None or _common_word(ctx, name, 5) or name[-2:] in _VILLAGE_CLASSES \
                    or name in _VILLAGE_CLASSES:
                break  # 组建|农村, 受灾村, 中心村: a verb, a class of village
            first = False
            out.append(Candidate(m.start(), m.end(), "Place", name, "rule:place-village"))
            # and the villages listed with it: 骆驼湾村和顾家台村
            m = _VILLAGE.match(text, m.end() + 1) if text[m.end() : m.end() + 1] in ("、", "和", "及") else None
    return out


#: A village named where the news goes to it or is in it (来到柏桥村，, 在兴西村的田间), or after its kind
#: (专业村柏桥村): the cue before, a name of two or three characters, 村, then what ends a place's name in a clause.
#: Verbs of going to a place or being there, before a village's or a county's bare name.
_GOING_TO = "在|来到|走进|走访|考察|调研|前往|位于|到了|回到"
_VILLAGE_VISITED = re.compile(rf"(?:{_GOING_TO}|住在|专业村|示范村|贫困村|重点村|明星村|文明村)"
                              rf"([{HAN}]{{2,3}}?)村"
                              r"(?=[，。、；：]|的|是|有|里|内|村民|党支部|党总支|村委会|村集体|考察|调研|看望|了解)")
#: Kinds of village, not names (贫困村, 示范村, 小山村).
_VILLAGE_KINDS = frozenset("""贫困 示范 专业 明星 文明 中心 行政 自然 重点 试点 移民 空心 美丽 脱贫 帮扶 定点 小山 渔 山 古
    农 乡 全 本 该 此 邻 各 每 新农 和美 生态 旅游 民族 少数民族 边境 红色 传统 特色 先进 模范""".split())


def _villages_visited(ctx: Context, taken: set[int]) -> list[Candidate]:
    """Villages the news goes to or speaks from, written without their county (来到柏桥村，, 走进兴西村的田间):
    only after a verb of going or being there, no kind of village (贫困村, 示范村), and not where a known place
    starts (山东|周村 is a district of Zibo after its province)."""
    text, out = ctx.text, []
    for m in _VILLAGE_VISITED.finditer(text):
        stem, start = m.group(1), m.start(1)
        if len(stem) == 3 and county_anywhere(stem[:2]) is not None:
            stem, start = stem[2:], start + 2  # 安吉|余村: the county's bare name, then the village
        if start in taken or any(stem.endswith(k) or stem == k for k in _VILLAGE_KINDS) \
                or any(ch in _NOT_IN_VILLAGE or ch in _NOT_FIRST or ch.isdigit() for ch in stem):
            continue
        name = text[start : m.end()]
        if ctx.entry(name) is not None or ctx.anchor_inside(start) is not None or ctx.anchor_at(start) is not None \
                or (len(stem) > 1 and _common_word(ctx, stem, 50)) \
                or any(clause_word(w) or tag(w) in VERB_TAGS for w in ctx.segment(stem)):
            continue
        out.append(Candidate(start, m.end(), "Place", name, "rule:place-village"))
    return out


#: A county the news goes to or speaks from, by its bare name (来到兰考，, 在正定考察, 走进阜平的山村).
_COUNTY_VISITED = re.compile(rf"(?:{_GOING_TO}|地处|赴|深入)([{HAN}]{{2,3}}?)"
                             r"(?=[，。、；：]|的|考察|调研|看望|了解|县城|农村|乡村|山区|各地|全县|期间)")


def _counties_visited(ctx: Context, taken: set[int]) -> list[Candidate]:
    """Counties the news goes to or speaks from, by their bare name (来到兰考，, 在正定考察): the only county of
    China with that name, and no common word of jieba's other than a place (在|和平 is peace)."""
    text, out = ctx.text, []
    for m in _COUNTY_VISITED.finditer(text):
        bare, start = m.group(1), m.start(1)
        full = county_anywhere(bare)
        if full is None or start in taken or ctx.anchor_at(start) is not None or ctx.anchor_inside(start) is not None \
                or ctx.anchor_inside(m.end(1)) is not None \
                or (ctx.word_frequency(bare) >= 100 and tag(bare) not in (PLACE_TAG, *NAME_TAGS)):
            continue  # 在|和平: a word of jieba's, and common (a rare one, 正定 as an adverb, says little)
        if text.startswith("的", m.end(1)) and ctx.word_frequency(bare) >= 500:
            continue  # 在新建的冰场里: a common word before 的 is read as the word (新建区 is jieba's place too)
        entry = ctx.entry(full)
        out.append(Candidate(start, m.end(1), "Place", entry.name if entry else full, "rule:place-county", entry))
    return out


#: The longest a paragraph may reach back for the province or the city a bare county is in.
_STORY_REACH = 400


def _counties_of_the_story(ctx: Context, taken: set[int]) -> list[Candidate]:
    """Counties by their bare name where the paragraph has named their province or city before (宁德……前往福安,
    浙江……在安吉), or the document the county by its full name (云和县……云和): the story says where it is once
    and then names the county bare. After a province or a city only a name jieba does not know as a common word
    (牡丹, 滨海, 青山 are words; 兴业 a noun), and only where jieba reads the name as a word."""
    text, out = ctx.text, []
    named = {a.name for a in ctx.anchors if a.type == "Place" and a.entry is not None
             and a.entry.category in _COUNTY_KINDS}
    said: dict[str, int] = {}  # province -> where the paragraph last named it or a city of it
    places = iter(sorted((a for a in ctx.anchors if a.type == "Place"), key=lambda a: a.end))
    nxt = next(places, None)
    by_bare_name = bare_county_names()
    for m in _HAN_RUN.finditer(text):
        if m.start() > 0 and text[m.start() - 1] == "\n":
            said.clear()  # a new paragraph, a new story
        for k in range(m.start(), m.end() - 1):
            while nxt is not None and nxt.end <= k:
                if (province := province_of(nxt.name)) is not None:
                    said[province] = nxt.end
                nxt = next(places, None)
            if not said or k in taken:
                continue
            for n in (3, 2):
                if k + n > m.end() or (by_province := by_bare_name.get(text[k : k + n])) is None:
                    continue
                full = next((f for p, f in by_province.items() if k - said.get(p, -_STORY_REACH) < _STORY_REACH), None)
                entry = ctx.entry(full) if full is not None else None
                name = entry.name if entry else full
                if full is not None and _story_county(ctx, k, n, name, named):
                    out.append(Candidate(k, k + n, "Place", name, "rule:place-county", entry))
                    taken.add(k)
                    break
    return out


def _story_county(ctx: Context, k: int, n: int, name: str, named: set[str]) -> bool:
    """Is ``text[k:k+n]``, the bare name of the county called ``name``, that county here?"""
    text, bare = ctx.text, ctx.text[k : k + n]
    if text[k + n : k + n + 1] in _COUNTY_SUFFIX or bare in _ORDINARY_BARE_NAMES \
            or text[k + n : k + n + 1] in _NAMED_AFTER_IT or text[k - 1 : k] == "“" \
            or ctx.anchor_at(k) is not None or ctx.anchor_inside(k) is not None \
            or ctx.anchor_inside(k + n) is not None:
        return False  # 三河村, 栖霞大道, 右江河畔: a village, a road, a river; “双城”联动: a slogan
    if name not in named and (ctx.word_frequency(bare) >= _COMMON_BARE_NAME
                              or tag(bare) not in (None, PLACE_TAG, *NAME_TAGS)):
        return False  # 菏泽|牡丹, 绿水|青山: the word, unless the document names the county in full
    return ctx.stands_alone(k, k + n)


#: What after a county's bare name makes it the name of a village, a road, a river or a lake (三河村, 栖霞大道,
#: 右江河畔, 宁晋泊), not the county.
_NAMED_AFTER_IT = frozenset("村镇乡路街道河江湖泊桥山")
#: Bare names of counties that news writes as ordinary words: 高峡平湖 (a calm lake), 城市滨江绿廊 (a riverside),
#: 生态龙江 (Heilongjiang), 宜居兴业之城 (thriving), 双城联动 (two cities), 东坡文化 (Su Dongpo).
_ORDINARY_BARE_NAMES = frozenset({"平湖", "滨江", "龙江", "兴业", "双城", "东坡"})
#: Categories of the county-level places (the lexicon's county family).
_COUNTY_KINDS = frozenset({"county", "district", "county-city", "banner", "autonomous-county", "autonomous-banner"})
#: How often jieba's dictionary may use a county's bare name for it to be read as the county on the story's word
#: alone (延庆 279, 牡丹 457, 滨海 441: the common ones need the county's full name in the document).
_COMMON_BARE_NAME = 100
_HAN_RUN = re.compile(rf"[{HAN}]+")


#: Heads of named sites: scenic areas, ruins, parks and reserves, old towns (黄河大峡谷景区, 辛店遗址), and
#: named works: bridges, tunnels, railways, airports, dams and power stations (哈巴雪山隧道, 池黄高铁, 溪洛渡水电站).
_SITE = re.compile(r"(?:风景名胜区|国家级自然保护区|自然保护区|国家公园|湿地公园|森林公园|地质公园|郊野公园|风景区|景区|遗址|"
                   r"古城|古镇|石窟|会展中心|"
                   r"(?P<works>特大桥|大桥|隧道|城际铁路|高速铁路|铁路|高铁|高速公路|国际机场|机场|水库|水电站|核电站|抽水蓄能电站|水利枢纽|"
                   r"运河|灌区)(?![局段网线站集公部办院系职工企运])"
                   r")")
#: What before a work's head makes it a class of works, or a stretch of a network (跨海大桥, 全国铁路, 最大水电站).
_WORKS_CLASS = frozenset(
    "高速 城际 市域 跨海 跨江 过江 海底 盾构 国际 货运 客运 军用 民用 通用 支线 干线 重载 普速 地铁 城市 公铁 公路 "
    "抽水 蓄能 光伏 风电 梯级 骨干 控制性 病险 中小 大中型 大型 小型 中型 特大型 全线 全程 沿线 沿途 最大 最长 "
    "首座 首条 首个 一座 新建 在建 新开工 新增 现代化 综合 交通 枢纽 物流 双线 单线 复线 电气化 智能 智慧 "
    "老旧 现有 既有 境内 境外 边境 沿海 西部 中西部 东部 长江 黄河 主要 重要 重点 各类 所有 部分 全部 其他 我国 "
    "全国 国家 中国 美国 英国 当地 本地 附近 周边 多地 各地 该 这 那 首都 南方 北方 铁路 高铁 一号 二号 水系 "
    "地区 高原 高寒 最美 古老 沉管 州际 海洋 跨境 通勤 新线 迁建 改建 扩建 双城 首台".split()
)
#: Where an event was held or a body sat, after its name (遵义会议会址, 中共一大会址, 新四军军部旧址).
_FORMER_SEAT = re.compile(r"(?:革命)?(?:旧址|会址)(?!纪念馆|陈列馆|博物馆)")
#: What before a site's head makes it a class of sites, not a named one (A级旅游景区, 考古遗址, 该景区).
_SITE_CLASS = frozenset(
    "旅游 重点 热门 主要 知名 著名 红色 文化 历史 考古 古代 商代 周代 汉代 唐代 宋代 明代 清代 早期 晚期 都城 城址 "
    "聚落 居住 人类 史前 新石器 国家级 省级 世界级 全国 国家 各地 各类 部分 周边 附近 当地 本地 乡村 城市 农村 "
    "自然 生态 湿地 森林 海洋 草原 山地 沿线 重要 大型 小型 一批 多个 该 这 那 各 其 国际 古迹 千年 丝路 水乡 小镇 "
    "村庄 村寨 边境 古城 主 核心 全电 依法 合规 运营 罪证".split()
)
#: Characters no site's name holds: counters, verbs of a clause, pronouns (个左右国家公园, 村庄变景区).
_NOT_IN_SITE = frozenset("个处是变逛们尽显耀把被在的了让给将为有到进入游览领略推")
#: Places that name where a site is, not the site (张掖|七彩丹霞景区; 内蒙古准格尔旗|黄河大峡谷景区).
_WHERE_CATEGORIES = frozenset(
    "country province municipality autonomous-region sar city sub-provincial-city county district county-city banner "
    "autonomous-county autonomous-banner autonomous-prefecture prefecture-region league".split()
)


def find_sites(ctx: Context) -> list[Candidate]:
    """Named sites by their head: 黄河大峡谷景区, 太行山大峡谷景区, 喀纳斯景区, 辛店遗址 (and, in a list
    sharing the head, 陶家营、邵家棚遗址 -> 邵家棚遗址), and the seat of a meeting or a body after its name
    (遵义会议会址, 新四军军部旧址). The name runs from the start of its phrase, or
    from the end of the place that says where it is (张掖|七彩丹霞景区), to the head; it must be no class
    of sites (A级旅游景区, 商代晚期都城遗址) and hold no clause word."""
    text = ctx.text
    out = []
    for m in _SITE.finditer(text):
        if ctx.entry(text[m.start() - 1 : m.end()]) is not None or ctx.anchor_inside(m.start()) is not None:
            continue  # inside a name the lexicon knows (圆明园遗址 …)
        lo, _ = ctx.sentence_bounds(m.start())
        if m.group("works") is not None:
            start = _work_start(ctx, m.start(), m.group("works"), lo)
        else:
            start = _site_stem_start(ctx, m.start(), lo)
            if not _site_stem(ctx, text[start : m.start()]):
                start = None
        if start is not None and ctx.stands_alone(start, m.end()):
            out.append(ctx.resolved(start, m.end(), "Place", text[start : m.end()], "rule:place-site"))
    for a in ctx.anchors:
        if a.type in ("Event", "Institution") and (m := _FORMER_SEAT.match(text, a.end)) is not None:
            out.append(ctx.resolved(a.start, m.end(), "Place", text[a.start : m.end()], "rule:place-site"))
    return out


def _site_stem_start(ctx: Context, end: int, lo: int) -> int:
    """Where the name before a site's head at ``end`` starts: at its phrase's start, after a locative or
    a conjunction, or at the end of the place that says where the site is (张掖|七彩丹霞景区); at most 8
    characters back."""
    return _stem_start(ctx, end, lo, 8, lambda start: (where := ctx.anchor_ending_at(start, "Place")) is not None
                       and where.entry is not None and where.entry.category in _WHERE_CATEGORIES)


def _stem_start(ctx: Context, end: int, lo: int, limit: int, stop) -> int:
    """Back from ``end`` over Han characters, at most ``limit`` and not past ``lo``, to a locative, a
    conjunction, or a position where ``stop(position)`` holds."""
    text = ctx.text
    start = end
    while start > max(lo, end - limit) and is_han(text[start - 1]) and not stop(start) \
            and text[start - 1] not in _LOCATIVE and text[start - 1] not in "的与和及等":
        start -= 1
    return start


def _site_stem(ctx: Context, stem: str) -> bool:
    """Can ``stem`` name a site: two to seven characters, no class of sites, no clause word, verb, digit
    or counter, no common word."""
    if len(stem) < 2 or len(stem) > 7 or stem in _SITE_CLASS:
        return False
    words = ctx.segment(stem)
    if any(w in _SITE_CLASS or clause_word(w) or tag(w) in VERB_TAGS for w in words) \
            or any(ch.isdigit() or ch in _NOT_IN_SITE for ch in stem):
        return False
    return not _common_word(ctx, stem, 200)


#: Places whose name before a work's head is the work's name whatever their kind (萨那机场, 喀土穆机场);
#: before other heads, a city's or a county's name says where a stretch of a network is (杭州铁路).
_NAMED_BY_ANY_PLACE = frozenset({"机场", "国际机场"})
#: The end of a work's name (a work before another work's head holds it: 深中通道|隧道).
_WORK_END = re.compile(r"(?:桥|隧道|铁路|高铁|公路|高速|通道|机场|水库|电站|枢纽|运河|灌区)$")
#: Heads of works that run through places, which a place's name alone does not name (杭州铁路, 龙川高速公路).
_NETWORKS = frozenset({"铁路", "高铁", "高速公路", "运河"})
#: Kinds of place that never name a work: regions, rivers and countries say where a work or part of a network
#: is (长三角铁路, 长江隧道, 英国机场).
_NO_WORK_CATEGORIES = frozenset({"region", "zone", "lake", "river", "country", "province", "autonomous-region", "sar"})


def _work_start(ctx: Context, head: int, head_text: str, lo: int) -> int | None:
    """Where the name of a work whose head starts at ``head`` begins, or None for no named work: a place
    the lexicon knows right before the head (溪洛渡|水电站, 萨那|机场; not a city before a railway,
    杭州|铁路, nor a region), else up to five characters back to the nearest known name, locative or
    punctuation (金甬铁路|千石岩隧道, 广东肇庆|马房特大桥), which must name a work (``_names_a_work``); a
    line named by its two ends takes both (弥勒至蒙自高铁)."""
    text = ctx.text
    before = ctx.anchor_ending_at(head)
    if before is not None:
        category = before.entry.category if before.entry is not None else "county"  # a rule's: a division
        if before.type != "Place" or category in _NO_WORK_CATEGORIES or _WORK_END.search(text[before.start : before.end]):
            return None  # 长江|隧道, 英国|机场; 莆炎高速公路|隧道: a part of a work, not a work of its own
        if category in _WHERE_CATEGORIES and head_text not in _NAMED_BY_ANY_PLACE:
            return None
        return before.start
    start = _work_stem_start(ctx, head, lo)
    if head_text in LINE_HEADS and (termini := _termini_start(ctx, start, head)) is not None:
        return termini  # 哈大|高铁, 建成|沪宁|城际铁路: a line named by its termini
    if not _names_a_work(ctx, text[start:head]):
        return None
    if text[start - 1 : start] == "至":  # 弥勒至蒙自高铁: a line named by its two ends
        left = _work_stem_start(ctx, start - 1, lo)
        if _names_a_work(ctx, text[left : start - 1]):
            return left
    if head_text in _NETWORKS and county_anywhere(text[start:head]) is not None:
        return None  # 广东|龙川|高速公路: a county's stretch of the road (寻乌到龙川), as after a known city
    return start


#: One-character names of provinces and of the cities railway lines are named after (京沪: Beijing and
#: Shanghai; 哈大: Harbin and Dalian; 郑西: Zhengzhou and Xi'an).
TERMINI = frozenset("京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔滇藏陕甘青宁新港"
                    "哈大沈长广深武郑西昆兰包石太杭甬温福厦合蚌成徐连盐济烟银呼乌拉张怀宜汉蓉衡柳湛汕漳"
                    "九池衢金芜襄遂绵雅日临菏邯雄唐锡嘉绍牡佳齐")
#: Heads of lines a pair of termini names (哈大高铁, 沪宁城际铁路, 京哈高速公路).
LINE_HEADS = frozenset({"铁路", "高铁", "高速铁路", "城际铁路", "高速公路"})


def names_a_line(stem: str) -> bool:
    """Is ``stem`` two or three one-character names of places, as a line between them is named (哈大, 沪宁,
    京港澳): a word jieba does not know, knows as rare, or knows as an abbreviation or a proper noun (京沪
    j, 京广 nz), not a common word of another class (广大, 长大, 合成, 成长)?"""
    return 2 <= len(stem) <= 3 and all(ch in TERMINI for ch in stem) and tag(stem) in _LINE_TAGS


def _termini_start(ctx: Context, start: int, head: int) -> int | None:
    """Where the termini that name a line before ``head`` start, within the stem from ``start``: three
    or two characters, at a word boundary of the stem (建成|沪宁, not 建|成沪宁)."""
    stem = ctx.text[start:head]
    bounds = word_bounds(ctx.segment(stem))
    for k in (3, 2):
        if k <= len(stem) and len(stem) - k in bounds and names_a_line(stem[-k:]):
            return head - k
    return None


#: jieba's tags a line's termini may have: none (not a word, or a rare one), an abbreviation, a proper noun.
_LINE_TAGS = frozenset({None, "j", "nz"})


def _work_stem_start(ctx: Context, end: int, lo: int) -> int:
    return _stem_start(ctx, end, lo, 5, lambda start: ctx.anchor_ending_at(start) is not None)


#: Characters that, as words of their own, show a work's stem is no name (某机场, 乘高铁, 双国际机场).
_NOT_IN_WORKS = frozenset("某乘坐双中着了第大小新多每各该这那其本全不无有是在的座条处所余但待享通亚运要好首台")
#: A number and its counter (五大水库, 万座隧道, 两座电站).
_COUNTED = re.compile(r"[一二三四五六七八九十百千万两几多][座条个大台处所批家项种余]|^余[座条个台处所批家项种]")  # 60|余项高速铁路
#: jieba's tags of words that may make up a work's name: places, names, proper nouns, abbreviations.
_WORKS_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz"})


def _names_a_work(ctx: Context, stem: str) -> bool:
    """Can ``stem`` name a bridge, tunnel, railway, airport, dam or power station? Two to five characters,
    no class of works and no stretch of a network (跨海大桥, 全国铁路, 最大水电站, 节后铁路, 通勤高铁): each
    of its words of two or more characters is a place or a name to jieba or the lexicon, or a rare word of
    jieba's (used fewer than 30 times) (溪洛渡水电站, 哈巴雪山隧道, 池黄高铁), and no one-character word is a counter, a function
    word or a verb (某机场, 乘高铁, 双国际机场, 五大水库)."""
    if not 2 <= len(stem) <= 5 or not all(map(is_han, stem)):
        return False
    if any(w in stem for w in _WORKS_CLASS):
        return False
    words = ctx.segment(stem)
    if any(len(w) == 1 and (w in _NOT_IN_WORKS or w in FUNCTION_CHARS) for w in words) \
            or _COUNTED.search(stem):
        return False
    return all(ctx.word_frequency(w) < 30 or tag(w) in _WORKS_NAME_TAGS
               or (e := ctx.entry(w)) is not None and e.type == "Place"
               for w in words if len(w) > 1)


def _starts_with_place(ctx: Context, stem: str) -> bool:
    return any((e := ctx.entry(stem[:k])) is not None and e.type == "Place" for k in range(2, len(stem)))


def _starts_a_phrase(ctx: Context, start: int) -> bool:
    """After punctuation or the start, a place (河北省|阜平县) or a locative (在|平陆县); not after a
    number (88家开发区) or inside a word."""
    text = ctx.text
    if start == 0:
        return True
    prev = text[start - 1]
    if prev.isdigit():
        return False
    if not re.match(f"[{HAN}]", prev):
        return True
    return (prev in _LOCATIVE or ctx.anchor_ending_at(start, "Place") is not None
            or (prev in "省市州" and ctx.anchor_ending_at(start - 1, "Place") is not None))  # 宜宾|市|长宁县


def _common_word(ctx: Context, word: str, min_freq: int = 20) -> bool:
    """A word of jieba's dictionary used at least ``min_freq`` times, but no place name there."""
    return ctx.word_frequency(word) >= min_freq and tag(word) != PLACE_TAG


#: Provincial units and countries, whose name before a delegation, a government or a designated zone says
#: where it is (山东代表团, 英国政府, 河北雄安新区), unlike the name of a university or a body (北京大学,
#: 新疆生产建设兵团, 上海合作组织), of which the place is only a part.
_JURISDICTIONS = frozenset({"province", "municipality", "autonomous-region", "sar", "country"})
#: What after such a place makes the whole that place's: its delegation or government, a zone in it.
_OF_THE_PLACE = {
    "Institution": re.compile(r"(?:省|市|自治区)?(?:代表团|人民政府|政府)$"),
    "Place": re.compile(r"(?:新区|自由贸易试验区|自贸试验区|自由贸易港|高新区|经开区|沿江八市)$"),
}


def places_inside(text: str, accepted: list[Candidate], lookup) -> list[Candidate]:
    """``accepted`` with the province or country that starts a delegation's, a government's or a zone's name
    kept as a place of its own (山东|代表团, 英国|政府, 河北|雄安新区, 重庆|两江新区): the text says where too; and the
    ones a document's title names anywhere in it (``_jurisdictions_in``). Not China itself (中国政府: 中国 is part of
    the body's name); ``lookup`` finds a form's lexicon entry."""
    spans = {(c.start, c.end) for c in accepted}
    extra = []
    for c in accepted:
        if c.type == "Document" and c.end - c.start >= _TITLE_WITH_PLACES:
            extra.extend(_jurisdictions_in(text, c, lookup))
            continue
        pattern = _OF_THE_PLACE.get(c.type)
        written = text[c.start : c.end]
        if pattern is None or c.entry is None or not pattern.search(written):
            continue
        for k in (4, 3, 2):
            entry = lookup(written[:k]) if k < len(written) - 1 and all(is_han(ch) for ch in written[:k]) else None
            if entry is not None and entry.type == "Place" and entry.category in _JURISDICTIONS \
                    and entry.name not in ("中国", "中华人民共和国") and (c.start, c.start + k) not in spans:
                extra.append(Candidate(c.start, c.start + k, "Place", entry.name, "rule:place-inside", entry))
                break
    return with_nested(accepted, extra)


#: The shortest document title that may name a place inside it (《中华人民共和国和巴西联邦共和国联合声明》,
#: 香港特别行政区基本法, 关于支持贵州在新时代西部大开发上闯新路的意见).
_TITLE_WITH_PLACES = 8


def _jurisdictions_in(text: str, doc: Candidate, lookup) -> list[Candidate]:
    """The provinces, SARs and countries a document's title names (巴西 in the joint statement with 巴西联邦共和国, 香港 in
    香港特别行政区基本法), longest form first, each a mention of its own: a researcher asks which documents concern a place.
    Not China, whose laws and statements most titles name."""
    out, i = [], doc.start
    while i < doc.end - 1:
        for k in range(min(8, doc.end - i), 1, -1):
            form = text[i : i + k]
            entry = lookup(form) if all(is_han(ch) for ch in form) else None
            if entry is not None and entry.type == "Place" and entry.category in _JURISDICTIONS \
                    and entry.name not in ("中国", "中华人民共和国"):
                out.append(Candidate(i, i + k, "Place", entry.name, "rule:place-inside", entry))
                i += k - 1
                break
        i += 1
    return out


def drop_places_out_of_place(text: str, accepted: list[Candidate]) -> list[Candidate]:
    place_ends = {c.end for c in accepted if c.type == "Place"}
    regions = [c for c in accepted if c.type == "Place" and c.name in DIRECTIONS]
    out = []
    for c in accepted:
        if c.type == "Place":
            if c.name in DIRECTIONS and (c.start in place_ends or _PLACE_SUFFIX_BEFORE.search(text, max(0, c.start - 2), c.start)):
                continue  # 乌克兰东部, 肯塔基州东部地区
            if text[c.start : c.end] == _BARE_REGIONS.get(c.name) and not _chinese_region(text, c, regions):
                continue  # 乌军在东部击退…
            if text.startswith("时间", c.end):
                continue  # 北京时间
            if c.name == "红海" and _MARKET.match(text, c.end):
                continue  # 红海市场: a saturated market, not the sea
            if c.name == "中国" and _QUALITY.match(text, c.end):
                continue  # 中国特色、世界一流: a quality (肯尼亚特色优质产品 are Kenya's products)
            if text[c.end : c.end + 1] == "舰" or text.startswith("号舰", c.end):
                continue  # 五指山舰, 长沙舰: a warship named after the place
            if c.name in _RULERS and _RULERS[c.name].search(text, max(0, c.start - 6), c.start):
                continue  # 文莱苏丹哈桑纳尔: the Sultan of Brunei
        out.append(c)
    return out


#: After 红海, what makes it a saturated market (红海市场, 红海竞争, 红海赛道).
_MARKET = re.compile(r"市场|竞争|赛道|行业|领域|产业|阶段|困境")
#: After 中国, what describes a quality rather than names the country (中国特色, 中国风格, 中国气派).
_QUALITY = re.compile(r"特色|风格|气派")

#: Places whose name is also a ruler's title, and the countries whose ruler it names (文莱苏丹).
_RULERS = {"苏丹": re.compile(r"(?:文莱|达鲁萨兰国|阿曼|马来西亚|柔佛)$")}


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
