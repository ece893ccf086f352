"""Events: plenary sessions, Party congresses, collective-study sessions, named meetings and forums."""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.families import county_anywhere
from extractors.rules.base import Candidate, Context
from extractors.rules.wordclass import clause_word
from extractors.textutil import HAN, is_han

_NUM = "一二三四五六七八九十"
_TERM = rf"(?:十[{_NUM[:9]}]?|二十[{_NUM[:9]}]?|[{_NUM[:9]}])"
_PARTY = r"(?:党的|中共|中国共产党)"
_PLENUM = re.compile(rf"{_PARTY}?({_TERM})届(?:中央委员会第)?([{_NUM}])(?:中全会|次全体会议)")
#: Plenums named together: 十八届五中、六中全会 (two), 十七届三中、四中、五中全会 (three).
_PLENUMS = re.compile(rf"{_PARTY}?({_TERM})届([{_NUM}])中((?:、[{_NUM}]中)+)全会")
_CONGRESS = re.compile(rf"{_PARTY}({_TERM})大(?![学会小型])")
#: Congresses named together: 党的十八大、十九大.
_CONGRESSES = re.compile(rf"{_PARTY}({_TERM})大((?:、{_TERM}大)+)(?![学会小型])")
#: A numbered sitting of the NPC Standing Committee's Council of Chairmen (委员长会议, a body of its own), with its term
#: written in front or in the clause before (十四届全国人大常委会举行|第六次委员长会议).
_COUNCIL_SITTING = re.compile(rf"(?:({_TERM})届全国人大常委会)?(第[{_NUM}百零]+次委员长会议)")
_COUNCIL_TERM = re.compile(rf"({_TERM})届全国人大常委会(?:举行|召开|在京举行|在北京召开|在京召开)?$")
_STUDY = re.compile(rf"(?:中共中央|中央)政治局第([{_NUM}百零〇\d]+)次集体学习")

# named meetings: a proper head, then one of these
_MEETING_SUFFIX = re.compile(
    r"(?:工作会议|常务会议|全体会议|会议|全会|大会(?!发言)|论坛|峰会|博览会|交易会|年会|座谈会|协商会|研讨会|洽谈会|高峰论坛|发布会|对话会|交流会|推进会|现场会|"
    r"会晤|外长会(?![议谈见面])|部长会(?![议谈见面])|普查|调查|清查|大督查|联欢会|招待会|运动会|展览会|吹风会|电影节|艺术节|文化节|旅游节|音乐节|戏剧节|电视节|"
    r"航展|车展|锦标赛|世锦赛|展销会|推介会|部署会|动员会|总结会|报告会|通气会|见面会|调度会|分析会|工作会|启动会|恳谈会|"
    r"团拜会|茶话会|宣讲会|表彰会|誓师会|技能大赛|(?<![一二三四五六七八九十两几])大赛|高层对话(?!会)|战略对话(?!会))"
    r"(?![堂室厅馆员址场长议席晤]|中心|秘书|展览|事规则)"  # 人民大会堂, 国际会议中心, 立法会议员, 常委会议事规则, 议会议席: no meeting
    # (and 工作会|晤 is a 会晤)
)  # a 大会发言 is a speech to the plenary of the meeting named before it (全国政协十四届二次会议|大会发言)
_PROPER_START = re.compile(
    rf"(?:全国|全军|中央|国务院|政协|中国|中华|世界|全球|国际|亚洲|亚太|博鳌|首届|纪念|庆祝|第[{_NUM}百零〇\d]+[届次]|(?<![第{_NUM}]){_TERM}届|"
    r"(?:20|19)\d\d(?:年(?![\d一二三四五六七八九十]{1,2}月)|(?![年\d]))|"
    r"中[美俄日韩朝法德英意加澳印越泰老柬缅菲马新哈吉塔土伊以沙埃巴蒙乌欧非阿])"  # 中俄元首会晤, 中欧峰会
)
_EDITION = re.compile(rf"首届|第[{_NUM}百零〇\d]+届|(?:19|20)\d\d年?")
#: How far left a meeting's head may reach (学习贯彻习近平新时代中国特色社会主义思想主题教育第一批总结暨…会议).
_LONGEST_HEAD = 48
_STOP = set("的在于是和及与对从到将把被了等向为由经以同自、，。；：“”（）()《》【】")
_PUNCT = set("、，。；：“”（）()《》【】")
_STOP_WORDS = ("召开", "举行", "举办", "主办", "承办", "协办", "筹办",
               "出席", "参加", "主持", "通过", "闭幕", "开幕", "期间", "上午", "下午", "今年", "近日", "日前",
               "评价", "决定", "要求", "认为", "表示", "指出", "强调", "祝贺", "致信", "致贺", "会见", "同意", "批准", "审议",
               "热议", "积极", "关注", "聚焦", "点赞", "回顾", "夺得", "勇夺", "一个", "大型", "重点", "公告",
               "两个", "几个", "多个")
#: Verbs, standing as words, of a clause whose object is a meeting or a body (肯尼亚 遵守 联合国大会…)
#: or that launch a census (2023年11月起 开展 第四次全国文物普查); as words only, since some are
#: inside names (亚太经合组织, …战略实施十周年座谈会).
_CLAUSE_VERBS = frozenset(
    "遵守 恪守 违反 批评 谴责 抵制 排除 支持 公布 提请 实行 负责 召集 列席 旁听 累计 完成 退出 加入 设立 "
    "开展 进行 启动 迎来 建立 选举".split()
)
#: A numbered session of a body the text does not name there (理事会第160次会议, 第24次部长级会议).
_BARE_SESSION = re.compile(rf"第[{_NUM}百零〇\d]+[次届](?:部长级|全体|常务|高级别|双边|多边|领导人|专题|扩大|工作|特别|委员长|主席|"
                           r"院长|省长|市长|主任|党组|理事|董事)*"
                           r"(?:会议|大会|全会|峰会|会晤|普查)")
#: Who meets, before 会晤 when it names a meeting (中俄元首会晤, 金砖国家领导人会晤), not the verb
#: (中俄元首首次在国际场合会晤, 与沙特王储…会晤).
_WHO_MEETS = re.compile(r"(?:元首|领导人|首脑|外长|防长|工作|战略|年度|定期|级)$")
_ORDINAL_END = re.compile(rf"第[{_NUM}百零〇\d]+次$")


def _host_city(ctx: Context, head: str, end: int) -> str:
    """``head`` without the place that hosts the meeting named after it (金砖国家领导人|约翰内斯堡|会晤)."""
    place = ctx.anchor_ending_at(end, "Place")
    return head[: len(head) - (place.end - place.start)] if place is not None and place.end - place.start < len(head) else head
_NATIONAL_SURVEY = re.compile(rf"第[{_NUM}百零〇\d]+次全国")
#: Bodies named …会议 (俄罗斯联邦安全会议, 美国参谋长联席会议, 国务院反拐部际联席会议): institutions.
_BODY_MEETING = re.compile(r"(?:安全会议|联邦会议|联席会议|政治协商会议)$")
#: A dash between two parties of a meeting's name: 中国—拉美企业家高峰会, 中国-中亚峰会.
_DASHES = "—－-–"
#: Modifiers that make a meeting a class, not a named one (全国政协重要会议, 有关会议).
_GENERIC_MODIFIER = re.compile(r"(?:重要|有关|相关|主要|重大|各类|各种|各次|每次|此次|本次|这次|上述|历次|多次|一系列|系列|其他|专门)$")
_GENERIC = {
    "全国代表大会", "代表大会", "全体会议", "工作会议", "常务会议", "座谈会", "研讨会", "发布会", "年会", "大会", "论坛",
    "会议", "峰会", "分论坛", "主论坛", "庆祝大会", "纪念大会", "表彰大会", "动员大会", "总结大会", "新闻发布会",
    "欢迎仪式", "开幕式", "闭幕式", "颁奖典礼", "就职典礼", "中央委员会全体会议", "中国全国人民代表大会",
}


def find_events(ctx: Context) -> list[Candidate]:
    text = ctx.text
    out: list[Candidate] = []
    for m in _PLENUM.finditer(text):
        core = f"{m.group(1)}届{m.group(2)}中全会"
        out.append(_named(ctx, m.start(), m.end(), [m.group(0), f"党的{core}", core], f"党的{core}", "rule:plenum"))
    for m in _PLENUMS.finditer(text):
        term, spans = m.group(1), _listed(m, 2, 3)
        for (start, end), n in spans:
            core = f"{term}届{n}中全会"
            out.append(_named(ctx, start, end, [f"党的{core}", core], f"党的{core}", "rule:plenum"))
    for m in _CONGRESSES.finditer(text):
        for (start, end), term in _listed(m, 1, 2):
            core = f"{term}大"
            out.append(_named(ctx, start, end, [f"党的{core}"], f"党的{core}", "rule:congress"))
    for m in _CONGRESS.finditer(text):
        core = f"{m.group(1)}大"
        out.append(_named(ctx, m.start(), m.end(), [m.group(0), f"党的{core}"], f"党的{core}", "rule:congress"))
    for m in _STUDY.finditer(text):
        name = f"中央政治局第{m.group(1)}次集体学习"
        out.append(_named(ctx, m.start(), m.end(), [m.group(0), name], name, "rule:collective-study"))
    for m in _COUNCIL_SITTING.finditer(text):  # 十三届全国人大常委会举行|第一百一十次委员长会议
        term = m.group(1) or (t.group(1) if (t := _COUNCIL_TERM.search(text, max(0, m.start() - 24), m.start())) else None)
        if term is not None:
            name = f"{term}届全国人大常委会{m.group(2)}"
            out.append(_named(ctx, m.start(2) if m.group(1) is None else m.start(), m.end(), [m.group(0), name], name,
                              "rule:council-sitting"))
    out.extend(_meetings(ctx))
    out.extend(_elections(ctx))
    out.extend(_disasters(ctx))
    out.extend(_anniversaries(ctx))
    for m in _NAMED_INCIDENT.finditer(text):  # “北溪”管道遭破坏事件, “3·21”东航飞行事故
        if m.group(1) not in _RISK_METAPHORS and not m.group(1).endswith("级") \
                and not any(w in m.group(2) for w in _INCIDENT_CLAUSE):  # not “卡尔·文森”号航母上降落时发生事故
            out.append(ctx.resolved(m.start(), m.end(), "Event", m.group(), "rule:incident"))
    out.extend(_observances(ctx))
    for m in _CAMPAIGN.finditer(text):
        out.append(ctx.resolved(m.start(), m.end(), "Event", m.group(), "rule:campaign"))
    for m in _LAUNCHED_ACTIVITY.finditer(text):  # 开展“消费促进年”活动: the activity by its quoted name
        if ctx.anchor_inside(m.start(1)) is None and not any(
                ctx.anchor_at(i, "Place", "Institution", "Event", "Person") for i in range(m.start(1), m.end(1))):
            out.append(ctx.resolved(m.start(1), m.end(1), "Event", m.group(1), "rule:campaign"))
            # not 为北京冬奥会送祝福, 畅享高铁 乐游湖北: an activity named after a place or a body keeps naming it
    return out


#: A country's elections, after its name (美国中期选举, 日本参议院选举, 法国总统大选) or its legislature's (韩国国会|选举).
_ELECTION = re.compile(r"(?:\d{4}年)?(?:参议院|众议院|参众两院|国会|议会|议会下院|议会上院|国民议会|联邦议院|总统|中期|地方|州长)?"
                       r"(?:选举|大选)(?![权法人制委])")
_BARE_ELECTION = re.compile(r"(?:选举|大选)(?![权法人制委])")
_LEGISLATURE = re.compile(r"(?:国会|议会|议院|杜马|国民大会)$")


def _elections(ctx: Context) -> list[Candidate]:
    """美国中期选举, 日本参议院选举, 韩国国会选举: an election named by the country (not China, whose people's
    congresses are elected otherwise) or a foreign legislature before it, and its kind."""
    out = []
    for a in ctx.anchors:
        if a.type == "Place" and a.names_a_country and a.name != "中国":
            m = _ELECTION.match(ctx.text, a.end)
        elif a.type == "Institution" and _LEGISLATURE.search(a.name) and a.name[:2] != "中国":
            m = _BARE_ELECTION.match(ctx.text, a.end)
        else:
            continue
        if m is not None:
            out.append(ctx.resolved(a.start, m.end(), "Event", ctx.text[a.start : m.end()], "rule:election"))
    return out


#: An incident named in quotes: by a date (“3·21”东航飞行事故, “9·11”事件), a ship (“东方之星”号客轮翻沉事件), a
#: pipeline (“北溪”管道遭破坏事件); not a metaphor for a risk (“灰犀牛”事件) nor a class (“A级”事故).
_NAMED_INCIDENT = re.compile(rf"“([^“”\n]{{2,12}})”号?([{HAN}]{{0,8}}?)(?:事件|事故)")
_RISK_METAPHORS = frozenset({"灰犀牛", "黑天鹅"})
_INCIDENT_CLAUSE = ("的", "时", "发生", "上", "在", "中")
#: An anniversary of a founding, a return, diplomatic ties or a birth: 中国共产党成立一百周年, 香港回归祖国25周年,
#: 中俄建交75周年, 毛泽东同志诞辰130周年, 中国人民解放军建军九十周年, a war's victory, outbreak or entry
#: (抗美援朝战争胜利70周年, 全民族抗战爆发85周年, 中国人民志愿军抗美援朝出国作战七十周年), a place's liberation
#: (西藏和平解放70周年), a policy's or an event's own (改革开放四十周年, 辛亥革命110周年); not of a thing begun or done
#: (倡议提出10周年, 运动开展70周年).
_ANNIVERSARY = re.compile(rf"(?:同志)?(成立|回归祖国|回归|建交|建立外交关系|诞辰|胜利|建军|和平解放|解放|爆发|出国作战|)"
                          rf"([\d{_NUM}百零〇]+)周年")
#: What an anniversary's verb says was there before it: a place liberated (海南解放70周年), a war begun or entered
#: (全民族抗战爆发85周年, 抗美援朝出国作战七十周年), a victory won.
_OF_AN_EVENT = frozenset({"胜利", "爆发", "出国作战"})
#: Verbs before a policy that make its years those of a proposal or a launch (提出“一带一路”倡议10周年).
_LAUNCHED = ("提出", "实施", "启动", "开展", "发起", "推行", "作出")
#: Pairs of countries by their one-character forms before 建交 (中俄建交, 中厄建交).
_PAIR_BEFORE = re.compile(r"中[\u4e00-\u9fff]$")


def _anniversaries(ctx: Context) -> list[Candidate]:
    """Named anniversaries: what was founded, returned, tied or born, written right before (a name the
    lexicon or a rule knows, or a pair of countries before 建交), then the count of years."""
    text, out = ctx.text, []
    for m in _ANNIVERSARY.finditer(text):
        anchor = ctx.anchor_ending_at(m.start())
        ties = m.group(1) in ("建交", "建立外交关系")
        if not m.group(1):  # 改革开放四十周年, 辛亥革命110周年: a policy's or an event's years, its name right before
            if anchor is None or anchor.type not in ("Policy", "Event") or anchor.entry is None \
                    or text.endswith(_LAUNCHED, 0, anchor.start):
                continue  # 提出强军目标10周年: the years since a proposal, as 倡议提出10周年
            start = anchor.start
        elif anchor is not None and anchor.type in ("Institution", "Place", "Person", "Event") \
                and (m.group(1) == "诞辰") == (anchor.type == "Person") \
                and (m.group(1) not in _OF_AN_EVENT or anchor.type == "Event") \
                and (m.group(1) not in ("解放", "和平解放") or anchor.type == "Place"):
            start = anchor.start
            if m.group(1) == "出国作战" and (army := ctx.anchor_ending_at(start, "Institution")) is not None:
                start = army.start  # 中国人民志愿军|抗美援朝|出国作战七十周年: who went
            if text.endswith("新", 0, start) and anchor.name == "中国":
                start -= 1  # 新中国成立73周年: the People's Republic
            elif ties and (other := ctx.anchor_ending_at(start, "Place")) is not None:
                start, anchor = other.start, replace(anchor, parent=other)  # 中国非盟建立外交关系20周年: both parties
            elif m.group(1) == "胜利" and text.endswith("暨", 0, start) \
                    and (other := ctx.anchor_ending_at(start - 1, "Event")) is not None:
                start = other.start  # 中国人民抗日战争暨世界反法西斯战争胜利78周年: both wars, the one of the two joined
        elif ties and _PAIR_BEFORE.search(text, max(0, m.start() - 2), m.start()):
            anchor, start = None, m.start() - 2
        else:
            continue
        # what was founded is named too (the party in 中国共产党成立一百周年): kept as its own mention
        out.append(ctx.resolved(start, m.end(), "Event", text[start : m.end()], "rule:anniversary", parent=anchor))
    return out


#: A day or a festival the world, China or its people observe, by its head: 全国助残日, 国际禁毒日, 世界湿地日, 国际劳动节,
#: 中国影像节; then what ends a name (a clause mark, 期间, 前夕, 当天, 来临 …).
_OBSERVANCE = re.compile(rf"(?:世界|国际|全国|全民|中国)([{HAN}]{{2,8}}?)(?:日|节)"
                         r"(?=[，。、；：！？“”（）\s]|期间|前夕|当天|当日|来临|到来|之际|主题|前后|假期|这天|那天|活动|$)")
#: Characters no observance's name holds between its prefix and its head: particles, pronouns, counts, time words
#: (中国的生日, 全国各地过节, 全国第一日, 国际每日, 全国性节日, 全国公共假日, 全国多地…).
_NOT_IN_OBSERVANCE = frozenset("的了在是各每这那个第一二三四五六七八九十今明昨过性假多")
#: A festival's own word at the end, which makes the prefix a qualifier of it, not a name (全国民航春节, 共度佳节).
_FESTIVAL_WORDS = ("春节", "佳节", "过节", "节日", "假日")
#: Heads that name no day: 国际纪念日, 全国重要节日, 中国传统节日.
_GENERIC_OBSERVANCE = frozenset({"纪念", "节", "重要节", "传统节", "法定节", "节假", "假", "重大节"})


def _observances(ctx: Context) -> list[Candidate]:
    """Observance days and festivals by their head (全国助残日, 国际劳动节, 世界湿地日), where jieba reads the name as
    words of its own and no known name holds it (the lexicon's own, 全民国家安全教育日, are found as they are)."""
    text, out = ctx.text, []
    for m in _OBSERVANCE.finditer(text):
        middle = m.group(1)
        if middle in _GENERIC_OBSERVANCE or any(ch in _NOT_IN_OBSERVANCE for ch in middle) \
                or m.group().endswith(_FESTIVAL_WORDS) \
                or any(clause_word(w) for w in ctx.segment(middle)) \
                or ctx.anchor_inside(m.start()) is not None or ctx.anchor_inside(m.end()) is not None \
                or any(ctx.anchor_at(i) is not None for i in range(m.start(), m.end())) \
                or not ctx.stands_alone(m.start(), m.end()):
            continue
        out.append(ctx.resolved(m.start(), m.end(), "Event", m.group(), "rule:observance"))
    return out


#: An education campaign by its quoted slogan: “学习强军思想、建功强军事业”教育实践活动,
#: “争做新时代好队员”主题实践活动.
_CAMPAIGN = re.compile(r"“[^“”\n]{2,30}”(?:主题教育实践活动|教育实践活动|主题实践活动|主题教育活动|主题教育)")
#: An activity launched or held under a quoted name: 开展“消费促进年”活动, 举行“弘扬伟大抗战精神、砥砺民族复兴之志”活动.
_LAUNCHED_ACTIVITY = re.compile(r"(?:举行|开展|举办|启动|发起|组织)了?“([^“”\n]{2,24})”(?:主题)?活动")


#: A disaster named by where it struck (汶川特大地震, 玉树强烈地震, 四川泸定6.8级地震, 舟曲特大山洪泥石流).
_DISASTER = re.compile(r"(?:\d(?:\.\d)?级)?(?:特大|强烈|大)?(?:地震|山洪泥石流|泥石流|洪灾|雪灾)(?![带区局台网站应学预监科研部波谱仪])")
_DISASTER_KIND = re.compile(r"地震|泥石流|洪灾|雪灾|台风|热带风暴|飓风")
#: Places no disaster is named after: directions (利比亚东部|洪灾), the country itself (中国|地震局).
_NOT_DISASTER_PLACE = re.compile(r"(?:[东南西北中]部|[东南西北]方|[东南西北中]部地区|中国|中华人民共和国|我国|全国)")


def _disasters(ctx: Context) -> list[Candidate]:
    """Disasters named by their place: a place, then the kind of disaster right after it (汶川特大地震,
    叙利亚地震; not 叙利亚发生强烈地震, which names none). The place stays a mention of its own (the
    event's parent), as the text names it."""
    text, out, done = ctx.text, [], set()
    if not _DISASTER_KIND.search(text):
        return out  # most documents name none: one scan, not one match per place
    for a in ctx.anchors:
        if a.type == "Place" and (m := _DISASTER.match(text, a.end)) is not None \
                and not _NOT_DISASTER_PLACE.fullmatch(text[a.start : a.end]):
            out.append(ctx.resolved(a.start, m.end(), "Event", text[a.start : m.end()], "rule:disaster", parent=a))
            done.add(m.start())
    for m in _DISASTER.finditer(text):  # after a county's bare name, which the lexicon does not list (汶川, 舟曲)
        for k in (3, 2):
            start = m.start() - k
            if m.start() not in done and start >= 0 and ctx.anchor_at(start) is None \
                    and (county := county_anywhere(text[start : m.start()])) is not None \
                    and not _NOT_DISASTER_PLACE.fullmatch(text[start : m.start()]):  # 南部 is a county too
                place = ctx.resolved(start, m.start(), "Place", county, "rule:place-county", form=county)
                out.append(ctx.resolved(start, m.end(), "Event", text[start : m.end()], "rule:disaster", parent=place))
                break
    for m in _TYPHOON.finditer(text):  # 第5号台风“杜苏芮”, 超强台风“玛娃”: a storm by its name
        known = ctx.entry(m.group(2))  # the lexicon's storm, whatever the text calls it now (热带风暴|飓风“菲欧娜”)
        if known is not None and known.type == "Event":
            out.append(Candidate(m.start(), m.end(), "Event", known.name, "rule:disaster", known))
            continue
        name = m.group(1) + m.group(2)
        out.append(ctx.resolved(m.start(), m.end(), "Event", name, "rule:disaster", form=name))
    return out


#: A typhoon, a hurricane or a tropical storm by its name, in quotes (台风“杜苏芮”, 今年第11号台风“摩羯”, 超强台风“玛娃”,
#: 飓风“伊恩”).
_TYPHOON = re.compile(rf"(?:第\d+号)?(?:超强|强)?(台风|热带风暴|飓风)“([{HAN}]{{1,5}})”")


def _listed(m: re.Match, first: int, rest: int) -> list[tuple[tuple[int, int], str]]:
    """The items of a coordinated name (十八届五中、六中全会; 十八大、十九大): each item's span and its
    number. Every item is a number and one character (中, 大); the first span starts with the match
    (党的十八届五中), the last ends with it (六中全会)."""
    items = [[m.start(), m.end(first) + 1, m.group(first)]]
    pos = m.start(rest)
    for part in m.group(rest).split("、")[1:]:
        pos += 1  # the 、
        items.append([pos, pos + len(part), part[:-1]])
        pos += len(part)
    items[-1][1] = m.end()
    return [((start, end), number) for start, end, number in items]


def _named(ctx: Context, start: int, end: int, forms: list[str], default: str, rule: str) -> Candidate:
    for form in forms:
        entry = ctx.entry(form)
        if entry is not None:
            return Candidate(start, end, entry.type, entry.name, rule, entry)
    return Candidate(start, end, "Event", default, rule)


def _meetings(ctx: Context) -> list[Candidate]:
    text = ctx.text
    out = []
    for m in _MEETING_SUFFIX.finditer(text):
        end = m.end()
        lo, _ = ctx.sentence_bounds(m.start())
        i = _head_start(ctx, lo, m.start())
        head = text[i : m.start()]
        if m.group() == "会晤" and (not _WHO_MEETS.search(_ORDINAL_END.sub("", _host_city(ctx, head, m.start())))
                                  or (i > 0 and text[i - 1] in "与同和跟")):
            continue  # 在国际场合会晤, 巴西总统与委内瑞拉总统会晤: the verb (金砖国家领导人第十五次会晤 names one)
        if m.group() in ("调查", "清查") and not _NATIONAL_SURVEY.search(head):
            continue  # only a numbered national survey is an event (第三次全国国土调查)
        if _GENERIC_MODIFIER.search(head):
            continue  # 全国政协重要会议
        start = _proper_start(ctx, i, m.start())
        if start is None:
            continue
        known = ctx.anchor_ending_at(end, "Event")
        if known is not None and known.start > start and not _LEADING_EDITION.fullmatch(text[start : known.start]):
            continue  # 法国企业有效利用|中国国际进口博览会: the known event, not a clause before it
        name = text[start:end]
        if any((p := ctx.anchor_at(k, "Person")) is not None and not _ABOUT_A_PERSON.match(text, p.end)
               for k in range(start, m.start())):
            continue  # 第77届联大主席克勒希代表|联合国大会, 全国政协主席汪洋来到|大会: a person in a clause, no name
        head = _EDITION.sub("", text[start : m.start()])
        if (name in _GENERIC or len(re.findall(f"[{HAN}]", head)) < 2 or _bare_qualifier(head, m.group())
                or _BARE_SESSION.fullmatch(name) or _GENERIC_HEAD.fullmatch(head)):
            continue
        known = ctx.anchor_at(start, "Event")
        if known is not None and known.end == m.start() and m.group() in ("会议", "大会"):
            out.append(Candidate(start, end, known.type, known.name, "rule:meeting", known.entry))
            continue  # 中共二十大会议 is 党的二十大
        body = ctx.anchor_at(start, "Institution")
        if m.group() == "会议" and body is not None and body.end == m.start() and ctx.entry(name) is None \
                and not text.endswith("理事会", body.start, body.end):
            continue  # 俄国防部会议, 全国人大常委会会议: a body's sittings, no one named meeting (a council's
            # are: 国际原子能机构理事会会议)
        if _BODY_MEETING.search(name) and "国际" not in name and not _LEADING_EDITION.match(name):
            # 莫斯科国际安全会议, 第58届慕尼黑安全会议: a conference, held year by year
            out.append(ctx.resolved(start, end, "Institution", name, "rule:meeting"))
            continue
        if _ABOUT_AN_EVENT.search(name):
            continue  # 第十四届中国航展新闻发布会: a press conference about the airshow, no event of its own
        if _PARTY_CONGRESS.fullmatch(name) and _PARTY_CONVENES.search(text, max(lo, start - 12), start) \
                and ctx.entry("中国共产党" + name) is not None:
            out.append(ctx.resolved(start, end, "Event", "中国共产党" + name, "rule:meeting"))
            continue  # 中国共产党将召开|第二十次全国代表大会: the Party's congress (党的二十大)
        out.append(_meeting(ctx, start, end, _without_short_form(ctx, start, name)))
    return out


#: What a meeting's name says after a person it is about (纪念刘少奇同志诞辰125周年座谈会, 习近平经济思想研讨会).
_ABOUT_A_PERSON = re.compile(r"(?:同志|诞辰|逝世|生平|思想|精神|故居|的)")
#: A numbered national congress, and the Party convening it just before (中国共产党将召开|第二十次全国代表大会).
_PARTY_CONGRESS = re.compile(r"第[一二三四五六七八九十]+次全国代表大会")
_PARTY_CONVENES = re.compile(r"(?:中国共产党|中共|我们党|我党)(?:将|要|即将|将要)?(?:在[^，。]{0,8})?(?:召开|举行)$")
#: A press conference named after the event it announces (…航展新闻发布会, …运动会新闻发布会).
_ABOUT_AN_EVENT = re.compile(r"(?:航展|博览会|交易会|展览会|运动会|亚运会|冬奥会|奥运会|大运会|进博会|广交会|服贸会|消博会)"
                             r"(?:新闻)?发布会$")


def _head_start(ctx: Context, lo: int, suffix_start: int) -> int:
    """Where the head of a meeting's name may start: walking left over Han characters and digits
    up to punctuation, over a dash between two parties (中国—拉美企业家高峰会), then after the
    last verb of hosting (召开, 主办 …), particle, adverb, preposition or pronoun standing as a word
    in it (中国 主办 二十国集团杭州峰会; but 经 in 经济, 同 in 同志 and 以 in 以色列 are no words)."""
    text = ctx.text
    i = _walk_left(text, lo, suffix_start, suffix_start - _LONGEST_HEAD)
    kept = None  # the bracket of a name the head runs through, where no word cuts it
    if i - 1 > lo and text[i - 1] == "）" and (owner := _bracket_owner(ctx, lo, i)) is not None:
        kept = (owner.end, i)
        i = _walk_left(text, lo, owner.start, suffix_start - _LONGEST_HEAD)
    if i - 1 > lo and text[i - 1] in _DASHES:
        party = ctx.anchor_ending_at(i - 1, "Place", "Institution")
        if party is not None:
            i = party.start
    head = text[i:suffix_start]
    for w in _STOP_WORDS:
        k = head.rfind(w)
        if k >= 0 and (kept is None or not kept[0] <= i + k < kept[1]):
            i += k + len(w)
            head = text[i:suffix_start]
    pos = i
    for w in ctx.segment(head):
        pos += len(w)
        if kept is not None and kept[0] < pos <= kept[1]:
            continue  # 中国（绵阳）, 亚太经合组织（APEC）: the bracket belongs to the name
        if (a := ctx.anchor_inside(pos - len(w))) is not None and a.end <= suffix_start:
            continue  # 全军|党的建设|会议: the 的 of a known name before the head is no particle of a clause
        if (w in _STOP or w in _CLAUSE_VERBS or clause_word(w, verbs=False)) and ctx.entry(w) is None:
            i = pos  # 在|…, 与|…: a particle or preposition standing as a word (not 经 in 经济, 同 in 同志)
    return i


def _walk_left(text: str, lo: int, i: int, limit: int) -> int:
    """Back from ``i`` over Han characters, Latin letters, digits and ``·``, not past ``lo`` or ``limit``."""
    while i > lo and i > limit and text[i - 1] not in _PUNCT and (
        (is_han(text[i - 1]) or (text[i - 1].isascii() and text[i - 1].isalnum()) or text[i - 1] == "·")
    ):
        i -= 1
    return i


#: A bracket inside a meeting's name: a body's short form after its name (亚太经合组织（APEC）第三十次领导人非正式会议) or
#: the host of a series China holds in many places (第十一届中国（绵阳）科技城国际科技博览会, 中国（曲阜）国际孔子文化节).
_NAME_BRACKET = re.compile(r"（([A-Za-z0-9\u4e00-\u9fff]{2,8})）")


def _bracket_owner(ctx: Context, lo: int, close: int) -> Candidate | None:
    """The name a bracket ending at ``close`` belongs to, when the bracket is part of a meeting's name: a known
    body before its short form, or 中国 before a place (a known one, or Han characters no lexicon knows)."""
    open_ = ctx.text.rfind("（", lo, close)
    if open_ < 0 or _NAME_BRACKET.fullmatch(ctx.text, open_, close) is None:
        return None
    owner = ctx.anchor_ending_at(open_, "Place", "Institution")
    if owner is None:
        return None
    if owner.type == "Institution":
        short = ctx.anchor_at(open_ + 1, "Institution")
        return owner if short is None or short.name == owner.name else None
    inner = ctx.text[open_ + 1 : close - 1]
    known = ctx.anchor_at(open_ + 1)
    unknown = known is None and all(map(is_han, inner))  # 曲阜, 寿光: a place no lexicon lists bare
    a_place = known is not None and known.type == "Place" and known.end == close - 1
    return owner if owner.name == "中国" and (unknown or a_place) else None


def _without_short_form(ctx: Context, start: int, name: str) -> str:
    """A meeting's name without the short form of the body it names, in brackets after that body's name
    (亚太经合组织（APEC）第三十次领导人非正式会议 is 亚太经合组织第三十次领导人非正式会议)."""
    for m in _NAME_BRACKET.finditer(name):
        owner = ctx.anchor_ending_at(start + m.start(), "Institution")
        if owner is not None and owner.start >= start:
            return name[: m.start()] + name[m.end():]
    return name


def _meeting(ctx: Context, start: int, end: int, name: str) -> Candidate:
    """A meeting's candidate: the lexicon's event when the name, or the name without its edition
    (第二十三届中国国际投资贸易洽谈会 -> 中国国际投资贸易洽谈会), is a lexicon form; otherwise the name as
    written, without a leading 首届."""
    series = _LEADING_EDITION.sub("", name)
    if series != name and ctx.entry(series) is not None and ctx.entry(name) is None:
        return ctx.resolved(start, end, "Event", series, "rule:meeting")
    return ctx.resolved(start, end, "Event", re.sub(r"^首届", "", name), "rule:meeting", form=name)


_LEADING_EDITION = re.compile(rf"^(?:首届|第[{_NUM}百零〇\d]+届|(?:19|20)\d\d年?)")
_QUALIFIER_ONLY = re.compile(r"(?:全国|全军|中央|国务院|政协|人大|中国|中华|世界|全球|国际|亚洲|亚太)")


#: Heads that only say what kind of sitting a meeting is (纪念峰会, 2016年第五届|部长级会议, 特别领导人会议): no name,
#: the name was cut off before them or never written.
_GENERIC_HEAD = re.compile(r"(?:纪念|庆祝|特别|专题|部长级|高级别|领导人|首脑|元首|全体|扩大|双边|多边|年度|定期|视频|线上|非正式)+")
#: A sitting's number at the end of a head (政协|第一次|会议).
_SESSION_NUMBER = re.compile(rf"第[{_NUM}百零〇\d]+次$")
_GENERIC_KINDS = frozenset({"会议", "大会", "论坛", "峰会", "年会", "座谈会", "研讨会", "发布会", "会晤", "博览会", "普查",
                            "大赛"})


def _bare_qualifier(head: str, kind: str) -> bool:
    """国际会议, 全国大会, 世界论坛, 政协第一次会议: a qualifier (and a sitting's number) and a common kind of meeting,
    which names none (国务院大督查, 国务院常务会议 do)."""
    return kind in _GENERIC_KINDS and _QUALIFIER_ONLY.fullmatch(_SESSION_NUMBER.sub("", head)) is not None


def _proper_start(ctx: Context, lo: int, hi: int) -> int | None:
    """The leftmost position in [lo, hi) where a proper meeting name can start: a named place or
    institution, or a word like 全国/中央/中国/世界 or an edition (第三届, 2024年); never inside a
    known name (学习贯彻|习近平新时代…思想: the head starts before it)."""
    a = ctx.anchor_inside(lo)
    if a is not None:
        lo = a.start if a.start >= ctx.sentence_bounds(lo)[0] else a.end
    for i in range(lo, hi):
        if ctx.anchor_at(i, "Place", "Institution", "Event") is not None:
            return i
        if (p := ctx.anchor_at(i, "Policy")) is not None and ctx.text[p.start : p.end].endswith(_MECHANISMS) \
                and (s := _SITTING_OF_A_MECHANISM.fullmatch(ctx.text, p.end, hi)) is not None \
                and (s.group(1) or ctx.text.startswith(_WHO_SITS, hi)):
            return i  # 澜湄合作|第四次领导人会议, 澜湄合作|外长会: a cooperation mechanism's sitting
        if _PROPER_START.match(ctx.text, i):
            return i
    return None


#: Cooperation mechanisms the lexicon holds as policies (澜湄合作, 中国—中东欧国家合作), whose sittings are events.
_MECHANISMS = ("合作", "合作机制")
#: What between such a mechanism and a meeting's kind says it is the mechanism's sitting: its edition and who sits
#: (澜湄合作|第四次领导人|会议), or the edition alone before a kind that says who sits (…|外长会, …|峰会, …|会晤).
_SITTING_OF_A_MECHANISM = re.compile(rf"(?:第[{_NUM}百零〇\d]+[次届])?(领导人|外长|部长级|部长|高官|元首)?")
_WHO_SITS = ("外长会", "部长会", "峰会", "会晤")
