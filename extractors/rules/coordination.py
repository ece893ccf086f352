"""Names shortened by coordination: the shared part is written once, for the last member.

- 全国政协社会和法制委员会、民族和宗教委员会 -> the CPPCC's committees: the parent's name written once, before the first.
- 北京、上海市委 -> 北京市委 and 上海市委: places listed before a name that starts with a place
  share that name's tail (when the full name is an entity of its own).
- 科尔沁、浑善达克沙地 / 科尔沁、浑善达克两大沙地 / 长江、黄河流域 -> 科尔沁沙地, 长江流域: a word listed
  before a known name (or before a count and a shared head) takes that name's tail, where the whole is
  a known name of the same type (the lexicon says so; nothing is invented); joined by 和, 与 or 及 too
  where the word stands as an item of its own (失业和工伤保险 -> 失业保险).
- 京沪、京广、哈大等高铁 / 电力、油气等体制改革 -> 京沪高铁, 哈大高铁, 电力体制改革: words listed before 等
  share the head after it where half of them at least make known names with it (or name a railway
  line's termini).
- 中、美两国 / 中、俄、蒙三国 / 中、法双方 -> 中国, 美国 …: one-character country abbreviations in a
  list that says it is a list of countries; so is China and one other country as a pair before what they
  share (中俄关系, 中法合作, 中菲建交).

- 土外交部称, 以国防部称: a one-character country abbreviation that the lexicon does not build
  compounds with (it is also a preposition or a common character) before a Chinese body's name, at
  the start of a clause and followed by what a body does, names that country's body; where the
  character stands for several countries (巴, 伊, 阿) the body is at least not China's.
- 各国央行, 两国央行, 等国外交部: bodies of several countries are no Chinese body.

Runs after overlap resolution, on the accepted candidates of one document (the coordinated plenums
and congresses, 十八届五中、六中全会, are the event rules' own).
"""
from __future__ import annotations

import re

from extractors.lexicon import Lexicon
from extractors.rules.base import Candidate
from extractors.rules.places import LINE_HEADS, names_a_line
from extractors.rules.wordclass import VERB_TAGS, tag
from extractors.textutil import LIST_JOINS, is_han, word_bounds

#: Places that are sites or natural features, not divisions: a body named after one is not shared with the
#: divisions listed before it (长白山管委会), nor a site's with another site's.
_SITES = frozenset("mountain river lake bay sea island islands plain strait desert heritage news-harvest".split())
#: The ethnic designation of the last autonomous region listed, which the others do not share.
_ETHNIC_REGION = re.compile(r"^[\u4e00-\u9fff]{1,4}族自治区")
#: A count of the places listed, before their shared suffix (两省, 三市).
_COUNT = re.compile(r"^[两二三四五六七八九十]+(?=[省市])")
#: One-character abbreviations of countries, as Chinese news writes them in lists.
COUNTRY_ABBREVIATIONS = {
    "中": "中国", "美": "美国", "俄": "俄罗斯", "日": "日本", "韩": "韩国", "朝": "朝鲜", "法": "法国", "德": "德国",
    "英": "英国", "意": "意大利", "加": "加拿大", "澳": "澳大利亚", "印": "印度", "越": "越南", "泰": "泰国",
    "老": "老挝", "柬": "柬埔寨", "缅": "缅甸", "菲": "菲律宾", "蒙": "蒙古国", "巴": "巴基斯坦", "土": "土耳其",
    "伊": "伊朗", "以": "以色列", "埃": "埃及", "沙": "沙特阿拉伯", "哈": "哈萨克斯坦", "吉": "吉尔吉斯斯坦",
    "塔": "塔吉克斯坦", "乌": "乌克兰",
}
_ABBR = "".join(COUNTRY_ABBREVIATIONS)
_COUNTRY_LIST = re.compile(
    rf"(?<![\u4e00-\u9fff])([{_ABBR}])((?:、[{_ABBR}])+)(?=两国|三国|四国|五国|双方|三方|四方|各方|关系|领导人|元首|外长)"
)

#: The same written together, counted (中俄两国, 中老两国, 中日韩三国), but for the one-character forms of more
#: than one country (巴: Pakistan or Brazil, 印: India or Indonesia, 伊, 埃, 乌), and not after a word ending in
#: 中 (其中|美…, 集中).
_GLUED = "".join(c for c in COUNTRY_ABBREVIATIONS if c not in "巴印伊埃乌")
_GLUED_COUNTRIES = re.compile(rf"(?<![其集高当空心家期途手眼胸暗])([{_GLUED}]{{2,4}})([两三四五])国")
_HOW_MANY = {"两": 2, "三": 3, "四": 4, "五": 5}
#: China and one other country as a pair, before what the two share (中俄关系, 中法合作, 中菲建交, 中德企业): both named;
#: not after a word ending in 中 (其中|美…), as above, and not 土 or 加, which in pairs name more countries (中土: Turkey or
#: Turkmenistan; 中加: Canada, Gabon or Ghana).
_PAIR = re.compile(rf"(?<![其集高当空心家期途手眼胸暗看])中([{''.join(c for c in _GLUED if c not in '中土加')}])"
                   r"(?=关系|友好|友谊|合作|建交|双方|元首|战略|经贸|贸易|人民|企业|议会|边境|外长|自贸|交往|人文交流)")


def expand_coordination(text: str, accepted: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    out = _shared_heads(text, accepted, lexicon)
    out = _shared_tails(text, out, lexicon)
    out = _known_tails(text, out, lexicon)
    out = _country_lists(text, out, lexicon)
    return _foreign_bodies(text, out, lexicon)


#: Categories of China's government bodies whose names foreign bodies share (外交部, 央行, 国家统计局).
_CHINESE_BODIES = frozenset({"ministry", "agency"})
#: Several countries before a body: 各国央行, 两国央行, 土耳其、卡塔尔等国外交部.
_SEVERAL_COUNTRIES = re.compile(r"(?:各国|两国|三国|多国|等国|该国|他国|别国|外国|有关国家|一些国家)$")
#: Abbreviations that stand for several countries (巴西, 巴基斯坦, 巴勒斯坦; 伊朗, 伊拉克; 阿富汗, 阿根廷 …).
_AMBIGUOUS_ABBREVIATIONS = frozenset("巴伊阿塞瑞")
#: What a body does right after its name: 称, 表示, 发表声明, 就…召见.
_BODY_ACTS = re.compile(r"(?:\d+日)?(?:称|表示|发表|宣布|就|说|证实|发布|指出|透露|召见|回应|否认|谴责|警告)")


def _foreign_bodies(text: str, accepted: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    out = []
    for c in accepted:
        if c.entry is None or c.entry.category not in _CHINESE_BODIES:
            out.append(c)
            continue
        if _SEVERAL_COUNTRIES.search(text, max(0, c.start - 4), c.start):
            continue  # 各国央行: no one body
        abbr = text[c.start - 1 : c.start]
        if (abbr and (abbr in COUNTRY_ABBREVIATIONS or abbr in _AMBIGUOUS_ABBREVIATIONS) and abbr != "中"
                and not re.match(r"[\u4e00-\u9fff]", text[c.start - 2 : c.start - 1]) and _BODY_ACTS.match(text, c.end)):
            if abbr in _AMBIGUOUS_ABBREVIATIONS:
                continue  # 阿央行: a foreign body, of which country the text does not say
            entry = lexicon.lookup(COUNTRY_ABBREVIATIONS[abbr] + text[c.start : c.end])
            if entry is not None:
                out.append(Candidate(c.start - 1, c.end, entry.type, entry.name, "rule:coordination-country", entry))
            continue  # 土外交部称: Turkey's
        out.append(c)
    return out


#: The bodies whose name heads a list of their committees or departments, written once for all of them
#: (全国政协社会和法制委员会、民族和宗教委员会、外事委员会; 中共中央宣传部、组织部).
_SHARED_HEADS = ("全国人大常委会", "全国人大", "全国政协", "中共中央", "国务院")
#: An item of such a list: what runs to the next separator.
_LIST_ITEM = re.compile(r"[^、，。；：,;:（）()《》“”\s]{2,14}")


#: A title after one body of a list and before the 、 of the next (新疆维吾尔自治区党委常委、人民政府副主席).
_TITLE_BETWEEN = re.compile(r"(?:党组)?(?:常委|副书记|书记|副主席|主席|副主任|主任|委员|成员)(?=、)")
#: The kinds of place whose organs a list names after the place written once (provincial units).
_PROVINCIAL = frozenset({"province", "municipality", "autonomous-region"})


def _province_at(text: str, c: Candidate, lexicon: Lexicon) -> str | None:
    """The provincial unit a body's name starts with, as written (新疆维吾尔自治区 of 新疆维吾尔自治区党委), if any."""
    for k in range(min(8, c.end - c.start - 1), 1, -1):
        entry = lexicon.lookup(text[c.start : c.start + k])
        if entry is not None and entry.type == "Place" and entry.category in _PROVINCIAL:
            return text[c.start : c.start + k]
    return None


def _shared_heads(text: str, accepted: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """全国政协社会和法制委员会、民族和宗教委员会、港澳台侨委员会 -> the CPPCC's committees: a known body whose name
    starts with its parent's, then items after 、 that with the parent's name are known bodies too (the longest
    such start of the item); an item replaces only a mention of exactly its span."""
    by_span = {(c.start, c.end): c for c in accepted}
    covered = bytearray(len(text) + 1)
    for c in accepted:
        covered[c.start : c.end] = b"\1" * (c.end - c.start)
    found: dict[tuple[int, int], Candidate] = {}
    for c in accepted:
        if c.type != "Institution" or c.entry is None:
            continue
        head = next((h for h in _SHARED_HEADS if text.startswith(h, c.start) and c.end - c.start > len(h)), None) \
            or _province_at(text, c, lexicon)
        end = c.end
        if head is not None and (title := _TITLE_BETWEEN.match(text, end)) is not None:
            end = title.end()  # 新疆维吾尔自治区党委|常委|、人民政府副主席
        while head is not None and text[end : end + 1] == "、" and (m := _LIST_ITEM.match(text, end + 1)) is not None:
            # the longest start of the item that is a known body with the parent's name (组织部|联合印发), the
            # place's name taken with or without its 省 (浙江省委、省政府: 浙江省政府)
            heads = (head, head[:-1]) if head.endswith(("省", "市")) else (head,)
            hit = next(((m.start() + k, e) for k in range(len(m.group()), 1, -1) for h in heads
                        if (e := lexicon.lookup(h + m.group()[:k])) is not None and e.type == "Institution"), None)
            if hit is None:
                break
            item_end, entry = hit
            span = (m.start(), item_end)
            if any(covered[m.start() : item_end]) and span not in by_span:
                break  # another name's
            found[span] = Candidate(m.start(), item_end, "Institution", entry.name, "rule:coordination", entry)
            end = item_end
    if not found:
        return accepted
    kept = [c for c in accepted if (c.start, c.end) not in found]
    return sorted(kept + list(found.values()), key=lambda c: (c.start, c.end))


def _shared_tails(text: str, accepted: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """Places listed before a name that starts with a place take that name's tail."""
    by_start = {c.start: c for c in accepted}
    places_by_start: dict[int, list[Candidate]] = {}
    places_by_end: dict[int, Candidate] = {}
    for p in accepted:
        if p.type == "Place":
            places_by_start.setdefault(p.start, []).append(p)
            places_by_end.setdefault(p.end, p)
    replace: dict[int, Candidate] = {}
    for c in accepted:
        if (c.type == "Place" and c.rule != "rule:place-zone") or c.rule.startswith("rule:coordination") \
                or c.parent is not None:
            continue  # a sub-unit is not what the places share: its parent is (山东省党委|统战部); a place is
            # shared only as a programme's site (北京、上海|国际科技创新中心: both cities' centres)
        if text[c.start - 1 : c.start] != "、":
            continue  # no list before it
        place = next((p for p in places_by_start.get(c.start, ()) if p.end < c.end), None)
        head = _place_at(text, c, lexicon) if place is None else place
        if head is None:
            continue
        tail = raw_tail = text[head.end : c.end]
        if text.startswith(head.name, c.start) and c.start + len(head.name) < head.end:
            tail = text[c.start + len(head.name) : c.end]  # 甘肃省|政府 shares 省政府, not 政府
        tail = _COUNT.sub("", tail)  # 河北、云南|两|省人民政府
        pos = c.start
        while pos >= 2 and text[pos - 1] == "、":
            before = places_by_end.get(pos - 1)
            if before is None or before.start in replace:
                break
            written = text[before.start : before.end]
            forms = [written + tail, before.name + tail, written + raw_tail]
            own = _ETHNIC_REGION.sub("自治区", tail)  # 内蒙古、广西壮族自治区党委: 内蒙古自治区党委
            if own != tail:
                forms = [written + own, before.name + own]
            name = next((f for f in forms if lexicon.lookup(f) is not None), None)
            pos = before.start
            if name is None and (own != tail or c.entry is not None):
                continue  # the body shared is a known one, but this place has none of that name
            if name is None and any(p.entry is not None and p.entry.category in _SITES for p in (head, before)):
                continue  # 通化市、白山市、长白山管委会: a mountain's body is no city's (a site's, no division's)
            name = name or before.name + tail
            entry = lexicon.lookup(name)
            if entry is not None:
                replace[before.start] = Candidate(before.start, before.end, entry.type, entry.name, "rule:coordination", entry)
            else:
                replace[before.start] = Candidate(before.start, before.end, c.type, name, "rule:coordination")
    if not replace:
        return accepted
    return sorted((replace.get(c.start, c) if c.type == "Place" and c.start in replace and by_start.get(c.start) is c else c
                   for c in accepted), key=lambda c: (c.start, c.end))


#: The Han characters before a list's separator, among whose endings the listed word is sought.
_LISTED = re.compile(r"[\u4e00-\u9fff]{2,8}$")
#: Two words listed before a count and the head they share: 科尔沁、浑善达克|两大|沙地.
_COUNTED_PAIR = re.compile(r"([\u4e00-\u9fff]{2,6})、([\u4e00-\u9fff]{2,6}?)(?:两|二|三|四|五)(?:大|个|条|座)?(?=[\u4e00-\u9fff])")
#: Types whose names are shared this way (people's names are not).
_SHARED_TYPES = frozenset({"Place", "Institution", "Event", "Policy", "Document", "Technology"})


#: What stands before the first item of a list: a separator, or a word that introduces the list.
_BEFORE_ITEM = LIST_JOINS | frozenset("如是在")
#: Words listed before 等 and the head they share: 京沪、京广、哈大|等|高铁.
_LISTED_ETC = re.compile(r"[\u4e00-\u9fff]{2,6}(?:、[\u4e00-\u9fff]{2,6})+等(?=[\u4e00-\u9fff])")


def _each_with_head(text: str, end: int, head: str, starts: dict[int, Candidate], covered: bytearray,
                    lexicon: Lexicon, found: dict[int, Candidate]) -> bool:
    """京沪、京广、哈大等高铁 -> 京沪高铁, 京广高铁, 哈大高铁: each item of the list before ``end`` whose name with
    ``head`` is known (or, before the head of a line, names the line's termini), all of one type. An item
    runs from the 、 before it; the first from where the list starts (after punctuation or 如, 和 …), or
    it is a name found there of just its span (深圳|罗湖、福田等区). An item not known so is skipped, not
    the list, but half the items at least must be known so; an item that is part of another name
    (内蒙古|中部、…等地区) is no item."""
    hits: list[Candidate] = []
    type_ = None
    items = known = 0
    ends = {c.end for c in starts.values()}
    while True:
        items += 1
        sep = text.rfind("、", max(0, end - 7), end)
        if sep >= 0:
            begins = [sep + 1]
        else:  # the first item: the longest that starts the list, or a name of just its span
            lo = max(0, end - 6)
            word_starts = word_bounds(lexicon.boundaries.segment(text[lo:end]), lo)
            begins = [k for k in range(lo, end - 1)
                      if k == 0 or text[k - 1] in _BEFORE_ITEM or not is_han(text[k - 1])
                      or ((own := starts.get(k)) is not None and own.end == end)
                      or (k in word_starts and k not in ends)]  # 加快|电力、; not 内蒙古|中部、
        hit = None
        for start in begins:
            if end - start < 2:
                continue
            own = starts.get(start)
            if any(covered[start:end]) and not (own is not None and own.end == end and own.type == "Place"):
                continue  # part of another name (a place of just the item's span is replaced)
            entry = lexicon.lookup(text[start:end] + head)
            if own is not None and entry is not None and own.entry is entry:
                known += 1  # 华北|、…等地区: the item is that name already
                break
            if entry is not None and entry.type in _SHARED_TYPES and entry.type == (type_ or entry.type):
                hit = Candidate(start, end, entry.type, entry.name, "rule:coordination", entry)
            elif head in LINE_HEADS and type_ in (None, "Place") and names_a_line(text[start:end]) \
                    and not any(covered[start:end]):
                hit = Candidate(start, end, "Place", text[start:end] + head, "rule:coordination")  # 哈大|等高铁
            if hit is not None:
                type_ = hit.type
                hits.append(hit)
                break
        if sep < 0:
            break
        end = sep
    if (len(hits) + known) * 2 < items:
        return False  # 科研、产业、技术、金融等|科技创新资源: one item of four makes a name by chance
    for hit in hits:
        found.setdefault(hit.start, hit)
    return True


def _after_a_verb(text: str, start: int, lexicon: Lexicon) -> bool:
    """Does a verb of two characters or more end at ``start`` (推进|失业…, 实施|城中村…)?"""
    words = lexicon.boundaries.segment(text[max(0, start - 4) : start])
    return bool(words) and len(words[-1]) >= 2 and tag(words[-1]) in VERB_TAGS


def _known_tails(text: str, accepted: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """科尔沁、浑善达克沙地 -> 科尔沁沙地; 科尔沁、浑善达克两大沙地 -> both: the listed word plus the tail of the
    name after it is a lexicon name of that name's type. Replaces a candidate that spans the word
    exactly (长江 in 长江、黄河流域 is 长江流域 there); skips words partly covered by another."""
    starts = {c.start: c for c in accepted}
    covered = bytearray(len(text) + 1)
    for c in accepted:
        covered[c.start : c.end] = b"\1" * (c.end - c.start)
    found: dict[int, Candidate] = {}

    def word_with_tail(end: int, tails: list[str], type_: str, outer: Candidate | None = None) -> None:
        """The word ending at ``end`` with the first of ``tails`` that makes a known name, and the words
        listed before it with the same tail (科技、教育、人才强国建设). Before a conjunction (``outer``: the
        name after 和, 与 or 及) the word must stand as a whole item, as long as what it stands for in
        ``outer`` within two characters, and make another name than ``outer``'s (失业和工伤保险; not
        高水平|开放和高质量发展, 中国的发展和构建人类命运共同体, 农业和农业科技)."""
        while True:
            m = _LISTED.search(text, max(0, end - 8), end)
            if m is None:
                return
            hit = None
            for start in range(m.start(), end - 1):  # the longest word first
                own = starts.get(start)
                if outer is not None and not (
                        (start == 0 or not is_han(text[start - 1]) or text[start - 1] in _BEFORE_ITEM
                         or (own is not None and own.end == end) or _after_a_verb(text, start, lexicon))):
                    continue  # 金融|改革和对外开放: part of a longer phrase (推进|失业和工伤保险 is not)
                if type_ != "Place" and (known := lexicon.lookup(text[start:end])) is not None and known.type == "Place":
                    continue  # 通化市、白山市、长白山管委会: places listed before a body are places
                if any(covered[start:end]) and not (own is not None and own.end == end and own.type == "Place" == type_):
                    continue  # another name's: only a place grows into a longer place (长江 -> 长江流域)
                for tail in tails:
                    if outer is not None and abs((outer.end - outer.start - len(tail)) - (end - start)) > 2:
                        continue  # 发展和|构建人类命运|共同体: the items are no pair
                    entry = lexicon.lookup(text[start:end] + tail)
                    if entry is not None and entry.type == type_ and (own is None or own.entry is not entry) \
                            and (outer is None or entry is not outer.entry):
                        hit = Candidate(start, end, entry.type, entry.name, "rule:coordination", entry)
                        tails = [tail]
                        break
                if hit is not None:
                    break
            if hit is None:
                return
            found[hit.start] = hit
            if text[hit.start - 1 : hit.start] != "、":
                return
            end = hit.start - 1

    for c in accepted:
        if c.type in _SHARED_TYPES and c.entry is not None and text[c.start - 1 : c.start] in LIST_JOINS \
                and c.end - c.start >= 3:
            written = text[c.start : c.end]
            # the shortest shared tail first (长江、黄河|流域), two characters at least
            word_with_tail(c.start - 1, [written[k:] for k in range(len(written) - 2, 0, -1)], c.type,
                           None if text[c.start - 1] == "、" else c)
    for m in _COUNTED_PAIR.finditer(text):
        for k in (2, 1, 3, 4):  # the shared head: most often two characters (沙地, 流域), then one, three, four
            head = text[m.end() : m.end() + k]
            second = lexicon.lookup(m.group(2) + head)
            if second is not None and second.type in _SHARED_TYPES and not any(covered[m.start(2) : m.end(2)]):
                found.setdefault(m.start(2), Candidate(m.start(2), m.end(2), second.type, second.name, "rule:coordination", second))
                word_with_tail(m.end(1), [head], second.type)
                break
    for m in _LISTED_ETC.finditer(text):
        for k in (2, 1, 3, 4):  # the shared head after 等: most often two characters (高铁), then one, three, four
            head = text[m.end() : m.end() + k]
            if lexicon.boundaries.word_goes_on(text, m.end(), m.end() + k):
                continue  # 教育、科技等|法定支出: the head is part of a longer word
            if _each_with_head(text, m.end() - 1, head, starts, covered, lexicon, found):
                break
    if not found:
        return accepted
    kept = [c for c in accepted if not (c.start in found and c.end == found[c.start].end)]
    return sorted(kept + list(found.values()), key=lambda c: (c.start, c.end))


def _place_at(text: str, c: Candidate, lexicon: Lexicon) -> Candidate | None:
    """The place a name starts with (上海 in 上海市委), found in the lexicon."""
    for end in sorted(lexicon.matcher.find_all(text, c.start), reverse=True):
        if end < c.end:
            entry = lexicon.forms.get(text[c.start : end])
            if entry is not None and entry.type == "Place":
                return Candidate(c.start, end, "Place", entry.name, "lexicon", entry)
    return None


def _country_lists(text: str, accepted: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    found = []
    lists = [[m.start(1)] + [m.start(2) + i for i, ch in enumerate(m.group(2)) if ch != "、"]
             for m in _COUNTRY_LIST.finditer(text)]
    lists += [list(range(m.start(1), m.end(1))) for m in _GLUED_COUNTRIES.finditer(text)
              if len(m.group(1)) == _HOW_MANY[m.group(2)] and len(set(m.group(1))) == len(m.group(1))]
    lists += [[m.start(), m.start(1)] for m in _PAIR.finditer(text)]
    for positions in lists:
        for pos in positions:
            country = COUNTRY_ABBREVIATIONS[text[pos]]
            entry = lexicon.lookup(country)
            if entry is not None:
                found.append(Candidate(pos, pos + 1, entry.type, entry.name, "rule:coordination-country", entry))
            else:
                found.append(Candidate(pos, pos + 1, "Place", country, "rule:coordination-country"))
    if not found:
        return accepted
    taken = {(c.start, c.end) for c in accepted}
    occupied = bytearray(len(text))
    for c in accepted:
        occupied[c.start : c.end] = b"\1" * (c.end - c.start)
    out = list(accepted) + [c for c in found if not occupied[c.start] and (c.start, c.end) not in taken]
    return sorted(out, key=lambda c: (c.start, c.end))
