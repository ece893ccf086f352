"""Institutions found by their structure: a proper-name head and an organisational suffix.

- Sub-units of a known institution: 天津大学 + 精仪学院 + 感知科学与工程系, 中国科学技术发展战略研究院
  + 科技创新理论研究所. The parent stays known (``Candidate.parent``), so the graph can say which
  unit belongs to which.
- Institutions headed by a named place: 上海市 + 同济医院, 成都 + 理工大学, 江西省 + 科技厅.
- Institutions headed by a national or international qualifier: 中国 + 医学科学院, 世界 + 中医药学会联合会.
- A country's political parties, named after it: 德国|社会民主党, 英国|工党, 南非|共产党, 印度|共产党（马克思主义）
  (never 中国共产党 or 中国国民党, which the lexicon's short forms 共产党, 国民党 would otherwise make them).
- 陆军, 海军, 空军 alone: the PLA's services, where no foreign place or body is named in the sentence.
- A body stationed somewhere keeps who is stationed before its 驻 (八路军驻新疆办事处纪念馆).
- Companies by their legal form (有限公司, 股份有限公司, 集团有限公司 …), from the start of their phrase or the
  last verb, preposition or parent company before it: 北京长木谷医疗科技股份有限公司, 三联书店（香港）有限公司.

A generic class (高校, 重点实验室, 一流大学) is never an institution, whatever its head.
"""
from __future__ import annotations

import re

from extractors.rules.base import Candidate, Context, with_nested
from extractors.rules.wordclass import NAME_VERBS, VERB_TAGS, clause_word, tag
from extractors.textutil import HAN, is_han

#: Suffixes a sub-unit of a known institution ends with.
_SUBUNIT = (
    "学院|研究院|研究所|研究中心|创新中心|技术中心|工程中心|数据中心|中心|重点实验室|实验室|学系|系|学部|分院|"
    "附属医院|医院|办公室|委员会|学会|分会|基金会|书院|智库|研究基地|基地|党校|所|处|司|局|厅|部"
)
#: A province's, a city's or a county's departments and bodies under their full official names, which may hold
#: 和 or a verb (湖北省发展和改革委员会, 成都市住房和城乡建设局, 浙江省卫生健康委员会); tried before the shorter
#: suffixes they end with (委员会, 局), so the full name is the head, and the checks for a clause look only at what
#: stands between the place and it. Generated from the departments' names: every head with each level's ending.
_LOCAL_DEPARTMENTS = "|".join(
    [head + end for head, ends in (
        ("发展和改革", "委员会 局"), ("工业和信息化", "厅 局 委员会"), ("经济和信息化", "厅 局 委员会"),
        ("人力资源和社会保障", "厅 局"), ("住房和城乡建设", "厅 局 委员会"), ("文化和旅游", "厅 局"),
        ("科学技术", "厅 局"), ("退役军人事务", "厅 局"), ("审计", "厅 局"), ("卫生健康", "委员会 局"),
        ("林业和草原", "局"), ("粮食和物资储备", "局"), ("规划和自然资源", "局 委员会"),
        ("城市管理和综合执法", "局"), ("地方金融监督管理", "局"), ("地方金融监管", "局"),
        ("医疗保障", "局"), ("广播电视", "局"), ("知识产权", "局"),
        ("乡村振兴", "局"), ("信访", "局"), ("地震", "局"), ("能源", "局"), ("水务", "局"), ("海事", "局"),
        ("数据", "局"), ("烟草专卖", "局"), ("国家安全", "厅 局"), ("粮食", "局"), ("政务服务和数据管理", "局"),
        ("互联网信息", "办公室"),
        # the names before the 2018 reform, which reports and news of those years write
        ("卫生和计划生育", "委员会"), ("人口和计划生育", "委员会"), ("国土资源", "厅 局"), ("环境保护", "厅 局"),
        ("质量技术监督", "局"), ("新闻出版广电", "局"), ("食品药品监督管理", "局"),
        ("外事", "办公室"), ("人民防空", "办公室"), ("侨务", "办公室"), ("台湾事务", "办公室"), ("港澳事务", "办公室"),
        ("口岸", "办公室"), ("国防动员", "办公室"),
        ("疾病预防控制", "中心"), ("疾控", "中心"), ("融媒体", "中心"), ("公共资源交易", "中心"), ("政务服务", "中心"),
        ("急救", "中心"), ("血液", "中心"), ("妇幼保健", "院"),
        ("消防救援", "总队 支队 大队 站"), ("出入境边防检查", "站"), ("边检", "站"), ("军", "分区"),
        ("总工", "会"), ("科", "协"), ("残", "联"), ("侨", "联"), ("文", "联"), ("社科", "联"), ("作", "协"),
        ("红十字", "会"),
    ) for end in ends.split()]
)
_LOCAL_DEPARTMENT_NAMES = frozenset(_LOCAL_DEPARTMENTS.split("|"))
#: Suffixes an institution headed by a place or a qualifier ends with.
_STANDALONE = (
    _LOCAL_DEPARTMENTS + "|"
    "职业技术学院|大学|学院|研究院|研究所|科学院|工程院|社会科学院|重点实验室|实验室|医院|学会|协会|联合会|基金会|"
    "集团有限公司|股份有限公司|有限公司|集团|公司|银行|交易所|研究中心|(?<!科技)(?<!区域)创新中心|委员会|管理局|总局|人民政府|政府|人大常委会|"
    "党委|法院|检察院|博物馆|纪念馆|图书馆|出版社|报社|电视台|科技厅|教育厅|财政厅|科技局|科委|发改委|经信委|工信厅|商务厅|"
    # a province's or a city's departments under their usual short names (浙江省发展改革委, 苏州工业园区管委会)
    "发展改革委|卫生健康委|卫健委|国资委|民宗委|管委会|党工委|工委|组委会|筹委会|冬奥组委|亚组委|执委会|"
    "公安厅|公安局|民政厅|民政局|司法厅|司法局|水利厅|水利局|财政局|教育局|税务局|统计局|气象局|商务局|工信局|"
    "经信厅|经信局|应急管理厅|应急管理局|生态环境厅|生态环境局|自然资源厅|自然资源局|农业农村厅|农业农村局|"
    "交通运输厅|交通运输局|住房城乡建设厅|住建厅|住建局|人力资源社会保障厅|人社厅|人社局|"
    "文旅厅|文旅局|市场监管局|市场监督管理局|医保局|林业局|林草局|文物局|体育局|外办|台办|侨办|"
    "金融办|海关|"
    # a village's, a community's and a town's own bodies, schools and services (余村村委会, 合肥市第一中学)
    "村民委员会|村委会|居民委员会|居委会|党支部|党总支|中学|小学|幼儿园|卫生院|气象台|派出所|专业合作社|合作社"
)
#: What between a place and a local body's head makes it one of a class (一小学, 属地派出所, 各中学).
_LOCAL_CLASS = re.compile(r"(?:一|各|多所|某|属地|当地|辖区|最|全|部分|所有)")
#: Of those, the heads of local bodies, named after the nearest place only (余村|村委会, not 浙江安吉县余村村委会).
_LOCAL_HEADS = frozenset("村民委员会 村委会 居民委员会 居委会 党支部 党总支 中学 小学 幼儿园 卫生院 派出所 专业合作社 合作社".split())
# a suffix followed by 长/主任/书记 … is a title (研究所所长, 系主任), not the end of a name
_TITLE_NEXT = r"(?!长|主任|副|书记|委员|党委|党组|成员)"
#: A school attached to a body (清华大学|附属中学, 华中师范大学|第一附属中学).
_ATTACHED_SCHOOL = rf"(?:第[一二三四五六七八九十]+)?附属[{HAN}]{{0,4}}?(?:中学|小学|学校|幼儿园)"
_SUBUNIT_RE = re.compile(rf"(?:[{HAN}与和·]{{1,18}}?(?:{_SUBUNIT})|{_ATTACHED_SCHOOL}){_TITLE_NEXT}")
#: After a local body's head a title may follow at once (成都市教育局副局长, 湖北省发展改革委党组成员): only a head
#: whose last character starts the title is none (教育局|局长 is found, not 教育局局|长).
_STANDALONE_RE = re.compile(rf"(?:{_STANDALONE})(?!长)")
_COMPOUND_TAIL = re.compile(r"(?:联合会|联盟|总会|分会|协会|学会|商会|研究会|促进会|基金会)")  # 中国上市公司|协会
#: A body's term, which belongs to the body named before it (致公党|第十六届中央委员会).
_TERM = re.compile(r"第?[一二三四五六七八九十]+届")
_QUALIFIER = re.compile(r"(?:中国|中华|国家|中央|全国|世界|国际|亚洲|亚太|欧洲|首都|陆军|海军|空军|火箭军)")

_SINGLE_SUFFIX = set("系所处司局厅部")
#: Bodies named after a thought or a person (习近平外交思想研究中心, 詹天佑纪念馆); for a person, only the
#: memorials and foundations (a 邓小平 + 研究中心 may be a centre for the study of his work, or not).
_NAMED_AFTER = re.compile(r"(?:故居陈列馆|故居纪念馆|纪念馆|陈列馆|图书馆|基金会|研究中心|研究院|研究会)"
                          r"(?!长|主任|副|书记|理事|成员)")
_MEMORIALS = frozenset({"故居陈列馆", "故居纪念馆", "纪念馆", "陈列馆", "图书馆", "基金会"})
#: A country's national team (阿根廷队, 中国女队, 日本男队, 中国女排, 中国女足); not its players, captain or ranks
#: (中国队员, 队长, 队伍), nor the game (女足球员, 女篮坛).
_NATIONAL_TEAM = re.compile(r"(?:(?:国家)?[男女]?队(?![员长伍列形友旗服内里中])|[男女][排足篮](?![球坛]))")  # 中国女排, 日本女足
#: The longest country name a team's name starts with (中非共和国).
_LONGEST_COUNTRY = 8
#: What may stand before a team's name where jieba would join it to the word before (由|中国队, 与|阿根廷队).
_TEAM_BEFORE = frozenset("，、；：。“（由与和及同对在向被让给是")
#: Memorials of an event, after its name (古田会议纪念馆, 中共一大纪念馆, 辽沈战役纪念馆).
_EVENT_MEMORIALS = re.compile(r"(?:会址纪念馆|旧址纪念馆|纪念馆)(?!长|馆长|副|书记)")
#: The bodies that organise an event, after its name (杭州亚运会组委会).
_ORGANISERS = re.compile(r"(?:组织委员会|组委会|执行委员会|执委会|筹备委员会|筹委会)(?!主任|副|委员|成员)")
#: Verbs after 所 the particle (所作, 所说, 所提): the 所 of an institute is followed by none of them.
_AFTER_PARTICLE_SUO = frozenset("作做说讲提述谓有属在以带领")
#: A quantity before a name makes it a class: 部分俄罗斯银行, 多家美国地区银行, 一些捷克贸易公司.
_QUANTIFIED = re.compile(r"(?:一些|部分|多家|几家|数家|一家|两家|这些|那些|其他|其它|许多|不少|众多|各家|个别)$")
#: A count right after the head: 西藏两座气膜实验室, 上海一家医院.
_COUNT_INSIDE = re.compile(r"[\d一二三四五六七八九十两几多数]+[座家所个批只台处]")
#: A range of grades or sizes: 全国二级以上医院, 规模以上企业.
_RANGE_INSIDE = re.compile(r"以上|以下|以内")
#: A count of the places listed before a suffix: 河北、云南两省人民政府, 京津冀三地.
_COUNTED_PLACES = re.compile(r"[两二三四五六七八九十]+([省市])")
#: A government in one of its terms: 美国上一届政府, 以色列新政府, 英国新一届政府, 美国现任政府.
_TERM_OF_GOVERNMENT = re.compile(r"(新一届|上一届|下一届|本届|上届|新任|现任|前任|新|历届|多届|各届|几届)政府")
#: A person's title inside a would-be name shows a clause (印度总统穆尔穆…政府).
_TITLE_INSIDE = re.compile(
    r"总统|总理|主席|首相|国王|部长|外长|大使|秘书长|委员长|议长|总书记|书记|院士|教授|研究员|院长|馆长|校长|所长|司令(?!部)|"
    r"组成人员|成员|工作报告|报告|第[一二三四五六七八九十]+任"  # …委员会组成人员和第五任…委员会: a list of bodies
)
#: Verbs that show a phrase is a clause, not a name (厦门大学 成立 新质生产力研究发展中心).
_VERBS = re.compile(
    r"成立|设立|组建|组成|建设|建立|推动|推进|作出|统筹|发布|举办|召开|牵头|依托|加强|开展|实施|提出|印发|出台|部署|决策|"
    r"打造|支持|围绕|聚焦|联合|合作|共建|携手|参与|发起|获批|入选|落户|签约|启动|宣布|表示|认为|指出|强调|"
    r"会同|协同|配合|委托|授权|批准|指导|代表|主持|会见|出席|要求|希望|呼吁|批评|谴责|反对|敦促|称赞|援引|报道|媒体|不满|感染"
)
#: Characters that never occur inside an institution name.
_STOP = set("的在是为对从到将把被了等及或、，。；：“”《》（）()这其该各个我你他她它们")
#: Words that make a name a generic class rather than one organisation.
_GENERIC_PARTS = (
    "党和", "党政", "民众", "群众", "官员", "代表团",
    "一流", "重点", "高水平", "研究型", "新型", "地方", "有关", "相关", "各级", "各类", "主要", "骨干", "龙头",
    "领军", "知名", "顶尖", "国内", "国外", "海外", "境外", "一批", "若干", "多家", "多个", "其他", "所属",
    "下属", "基层", "优势", "特色", "综合性", "专业", "科研", "高等", "现代", "创新型", "科技型", "民营",
    "外资", "中小", "大型", "头部", "平台", "驻区", "驻企", "驻园", "联合", "协同", "共性", "开放", "总部",
    "当地", "本地", "内地", "全市", "全省", "全县", "全区",
    "所有", "最大", "最高", "县级", "市级", "省级", "乡镇", "定点", "方舱",
)
_GENERIC_NAMES = frozenset(
    {
        "国家实验室", "国家重点实验室", "全国重点实验室", "国家研究中心", "国家工程研究中心", "国家技术创新中心",
        "国家制造业创新中心", "中央企业", "国有企业", "国家机关", "中央部门", "国家部委", "全国人大代表",
        "国际组织", "中央政府", "国家高新区", "中国企业", "国家级实验室", "世界一流大学", "国际科技创新中心",
        "全国政协委员", "中国政府", "中国中央政府", "国家科研机构", "国家医学中心", "国家区域医疗中心",
        "国家工程实验室", "国家工程技术研究中心", "国家企业技术中心",
    }
)


#: A company's legal form, the end of its registered name (宁德时代新能源科技股份有限公司).
_LEGAL_FORM = re.compile(r"(?:（集团）)?(?:集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|有限公司)")
#: What a company's name never holds: sentence punctuation, digits, the particle 的 (总投资20亿元的|西门子…).
_NOT_IN_COMPANY = re.compile(r"[^\u3400-\u9fff（）]|的")
#: Words after which a company's name starts: a verb of visiting or reporting, a preposition, a conjunction
#: (李强首先来到|北京长木谷医疗科技股份有限公司, 记者从|中国铁路国际有限公司, 山东大学和|济南二机床集团有限公司).
_COMPANY_AFTER = frozenset("在 到 从 对 向 由 与 和 及 同 跟 给 为 被 把 将 让 是 了 以 于 等 旗下 下属 所属 "
                           "会见 前往 来到 走进 调研 考察 视察 参观 看望 慰问 抵达 企业".split())


def _companies(ctx: Context) -> list[Candidate]:
    """Companies by their legal form: 北京长木谷医疗科技股份有限公司, 昌河飞机工业（集团）有限责任公司,
    摩尔线程智能科技（北京）有限责任公司. The name runs back from the legal form to the start of its phrase,
    or to the last verb, preposition, conjunction or person's name before it (韩正前往|沈阳鼓风机集团股份
    有限公司), or to a parent company before its subsidiary (联合出版集团旗下|三联书店（香港）有限公司), at most 24
    characters; two or more characters must remain, none of them a counter (一家有限公司)."""
    text = ctx.text
    out = []
    for m in _LEGAL_FORM.finditer(text):
        if ctx.anchor_inside(m.start()) is not None or ctx.anchor_ending_at(m.end(), "Institution") is not None:
            continue  # part of a name the lexicon knows
        lo, _ = ctx.sentence_bounds(m.start())
        start = m.start()
        while start > max(lo, m.start() - 24) and not _NOT_IN_COMPANY.match(text[start - 1]):
            start -= 1
        words, pos = ctx.segment(text[start : m.start()]), start
        cut = start
        for w in words:
            pos += len(w)
            a = ctx.anchor_ending_at(pos)
            if w in _COMPANY_AFTER or clause_word(w) or tag(w) in VERB_TAGS and w not in NAME_VERBS \
                    or a is not None and a.type in ("Person", "Event", "Policy") \
                    or a is not None and a.type == "Institution" and ctx.anchor_at(pos, "Place") is not None:
                cut = pos  # …; a parent company before its subsidiary's place (徐矿集团|江苏华美热电有限公司)
        stem = text[cut : m.start()].strip("（）")
        if len(stem) < 2 or re.search(r"[一二三四五六七八九十两几多该本这那其各每][家个]", stem) or stem in _COMPANY_CLASS:
            continue
        cut = m.start() - len(text[cut : m.start()].lstrip("（"))
        out.append(ctx.resolved(cut, m.end(), "Institution", text[cut : m.end()], "rule:institution-company"))
    return out


#: A party's name after its country: up to eight characters and 党, with what the party calls itself in
#: brackets (印度共产党（马克思主义）).
_PARTY = re.compile(rf"([{HAN}]{{1,8}}?)党(?:（[{HAN}]{{2,8}}）)?(?![员派性])")
#: Categories of the Chinese parties whose short forms (国民党, 共产党, 农工党) a foreign party's name may hold.
_CHINESE_PARTIES = frozenset({"party", "party-taiwan", "democratic-party"})
#: Characters that join, count or predicate, which no party's name holds.
_NOT_IN_PARTY = frozenset("的在是为对从到将把被了等及或与和同这其该各个我他们两多位名都也还又")
#: Words that make the characters before 党 a class or a count of parties, not a name (韩国|最大在野党,
#: 美国|两党, 英国|执政党, 德国|政党, 美国|一共和党).
_PARTY_CLASS = re.compile(r"(?:执政|在野|反对|主要|最大|第一|第二|多数|少数|[政两各该多一几数这那全其本入建]|.*的)")


def _foreign_parties(ctx: Context) -> list[Candidate]:
    """A country's political party, named right after the country (德国社会民主党, 日本立宪民主党, 南非共产党,
    新西兰工党); the name holds no clause word, no place and no class of parties (韩国最大在野党, 美国两党)."""
    text = ctx.text
    out = []
    for a in ctx.anchors:
        if a.type != "Place" or not a.names_a_country or a.name == "中国":
            continue
        m = _PARTY.match(text, a.end)
        if m is None or _PARTY_CLASS.match(m.group(1)):
            continue
        name_end = a.end + len(m.group(1))
        if any(ch in _NOT_IN_PARTY for ch in m.group(1)) or any(clause_word(w) for w in ctx.segment(m.group(1))):
            continue  # 以色列与|黎巴嫩真主党, 埃及等国宣介|党的二十大, 美国总统与国会两党
        own = ctx.anchor_ending_at(name_end + 1, "Institution")
        if own is not None and (own.entry is None or own.entry.category not in _CHINESE_PARTIES
                                or ctx.text.startswith(("中国", "中华", "中共"), own.start)):
            continue  # 新加坡|人民行动党: the lexicon's party; 南非高度评价|中国共产党: China's
        # (斯里兰卡统一|国民党 goes on: a foreign party whose name holds the short form of a Chinese one)
        if any((b := ctx.anchor_at(k) or ctx.anchor_inside(k)) is not None and b is not own
               for k in range(a.end, name_end + 1)):
            continue  # 越南|老挝古巴党, 美国参众两院多位共和党: a place, a body or a term inside or across 党
        out.append(ctx.resolved(a.start, m.end(), "Institution", text[a.start : m.end()], "rule:institution-party"))
    return out


#: The services of the PLA by their bare names, as its own news writes them (陆军、海军、空军、火箭军).
_SERVICE = re.compile(r"(?<![外防])(陆军|海军|空军)(?!备|陆战队|航空兵|[\u4e00-\u9fff]{0,2}(?:学院|大学|医院|司令|部队|基地))")
#: Categories of foreign places and bodies: with one in the sentence, a bare service may be theirs.
_FOREIGN_PLACES = frozenset({"country", "world-city", "world-capital", "us-state", "world-region", "world-subdivision",
                             "city-foreign", "region-foreign"})
_SERVICES = {"陆军": "中国人民解放军陆军", "海军": "中国人民解放军海军", "空军": "中国人民解放军空军"}


def _pla_services(ctx: Context) -> list[Candidate]:
    """陆军, 海军 and 空军 alone: the PLA's services, where no country is named in the sentence (a country's own
    services are its bodies, 美国海军, from the foreign-bodies family; 俄罗斯…，海军称 is Russia's)."""
    text, out = ctx.text, []
    for m in _SERVICE.finditer(text):
        start, end = m.start(1), m.end(1)
        if ctx.anchor_inside(start) is not None or ctx.anchor_at(start) is not None \
                or ctx.anchor_ending_at(start, "Place") is not None or not ctx.stands_alone(start, end):
            continue  # 中国人民解放军|海军 (the lexicon's), 美国|海军 (the family's), 海军陆战队
        if text.endswith("战区", 0, start):  # 战区海军: a theatre's navy, the theatre named before (东部战区……战区海军)
            theatre = _theatre_before(ctx, start - 2)
            form = None if theatre is None else theatre + m.group(1)
            if form is not None and ctx.entry(form) is not None:
                out.append(ctx.resolved(start - 2, end, "Institution", form, "rule:institution-pla"))
            continue
        lo, hi = ctx.sentence_bounds(start)
        if any(lo <= a.start < hi and a.entry is not None and a.name != "中国"
               and (a.entry.category in _FOREIGN_PLACES or a.entry.category.startswith("foreign"))
               for a in ctx.anchors):
            continue  # a foreign place or body in the sentence (俄罗斯国防部称，海军…): whose service is not said
        out.append(ctx.resolved(start, end, "Institution", _SERVICES[m.group(1)], "rule:institution-pla",
                                form=_SERVICES[m.group(1)]))
    return out


def _theatre_before(ctx: Context, pos: int) -> str | None:
    """The last theatre command (东部战区) named in the paragraph before ``pos`` (at most ``_STORY_REACH`` back),
    alone or as the head of one of its bodies (东部战区联合作战指挥中心): whose 战区海军 a bare 战区海军 is."""
    found = None
    for a in ctx.anchors_before(pos, _STORY_REACH):
        written = ctx.text[a.start : a.end]
        if a.type == "Institution" and (k := written.find("战区")) >= 2:
            found = written[: k + 2]
    return found


#: How far back a bare 战区海军 looks for its theatre, or a bare 特区政府 for its region.
_STORY_REACH = 400


#: The government of a special administrative region written bare (特区政府), and the regions by how the texts name them.
_BARE_SAR_GOVERNMENT = re.compile(r"(?<![港门])特区政府(?![民旅工保])")
_SARS = {"香港": "香港特别行政区政府", "澳门": "澳门特别行政区政府"}
#: What joins the two regions named as a pair (香港、澳门; 香港和澳门).
_PAIR_JOINS = frozenset({"、", "和", "与", "及", "以及"})


def _sar_governments(ctx: Context) -> list[Candidate]:
    """特区政府 written bare, where the paragraph has named its region before (当前香港疫情形势严峻，特区政府…; 为澳门
    特区长远发展开辟空间。特区政府…): that region's government; with no region before it, or both named as a pair last
    (支持香港、澳门发展经济……支持特区政府), it is left alone."""
    text, out = ctx.text, []
    for m in _BARE_SAR_GOVERNMENT.finditer(text):
        if ctx.anchor_at(m.start()) is not None or ctx.anchor_inside(m.start()) is not None:
            continue
        region, last = None, None
        for a in ctx.anchors_before(m.start(), _STORY_REACH):
            written = text[a.start : a.end]
            if written.startswith("港澳"):
                region = None  # 港澳: both regions, whose government is not said
            elif (r := next((r for r in _SARS if a.name == r or written.startswith(r)), None)) is not None:
                both = region not in (None, r) and last is not None and text[last.end : a.start] in _PAIR_JOINS
                region, last = (None if both else r), a  # 香港、澳门: both
        if region is not None and ctx.entry(_SARS[region]) is not None and ctx.stands_alone(m.start(), m.end()):
            out.append(ctx.resolved(m.start(), m.end(), "Institution", _SARS[region], "rule:institution-sar"))
    return out


#: A ministry glued to the 长 of its minister, which jieba's words (国防部长, 外交部长 …) hide: 俄罗斯国防部长绍伊古,
#: 美国财政部长耶伦. The ministry is the minister's organisation in apposition, as in 外交部部长王毅.
_MINISTER = re.compile(r"(?:外交|国防|财政|卫生|教育|司法|交通)部(?=长)")
#: What before a bare ministry of that kind says it is China's (国务委员兼外交部长王毅, 中国外交部长): bare, it is
#: as often a foreign one (以色列候任总理、外交部长拉皮德, 俄美两国外长和国防部长), which is no fact to record.
_CHINAS_MINISTER_BEFORE = ("国务委员兼", "中国")


def _ministers_ministries(ctx: Context) -> list[Candidate]:
    """俄罗斯国防部|长绍伊古, 国务委员兼外交部|长王毅: the ministry of a minister written with the 长 of the title,
    where a country's form of it (the foreign-bodies family's) or China's says whose it is."""
    text, out = ctx.text, []
    for m in _MINISTER.finditer(text):
        for start in range(max(0, m.start() - 8), m.start()):  # the longest form ending at the ministry first
            if not all(is_han(ch) for ch in text[start : m.start()]):
                continue  # a lookup passes over layout spaces and line breaks; a name does not begin with one
            entry = ctx.entry(text[start : m.end()])
            if entry is not None and entry.type == "Institution" and ctx.anchor_inside(start) is None:
                out.append(Candidate(start, m.end(), "Institution", entry.name, "rule:institution-minister", entry))
                break
        else:
            entry = ctx.entry(m.group())
            if entry is not None and text.endswith(_CHINAS_MINISTER_BEFORE, 0, m.start()):
                start = m.start() - 2 if text.endswith("中国", 0, m.start()) else m.start()  # 中国外交部: China's, no place
                out.append(Candidate(start, m.end(), "Institution", entry.name, "rule:institution-minister", entry))
    return out


#: The people's congresses and the unions as kinds of body, written bare where a report names them with the other
#: bodies the government answers to or works with: 接受同级人大及其常委会的监督, 人大、政协, 工会、共青团、妇联.
#: Elsewhere bare 人大 is as often 人大代表 (a delegate), 人大附中 or 中国人民大学, and 工会 an enterprise's own.
_CONGRESS_KIND = re.compile(r"人大(?=及其常委会|及其常务委员会|和政协|、政协|与政协|依法|监督)")
#: The CPPCC as a kind of body, listed right after the congresses (人大、政协, 人大和政协): 人民政协.
_CPPCC_KIND = re.compile(r"(?<=人大[、和与])政协(?![委员会常主])")
#: A level of government before 人大: the local congress, found as a local body (县人大、政协).
_LEVEL_BEFORE = frozenset("省市县区乡镇州旗村")
_UNIONS_LISTED = re.compile(r"(?<![总县市省区乡镇村厂业校])工会(?=、共青团|、妇联|和共青团)|(?<=共青团、|[、和]妇联、)工会")


def _kinds_of_body(ctx: Context) -> list[Candidate]:
    """人大 (→ 人民代表大会), 政协 listed right after it (→ 人民政协) and 工会 (→ 中华全国总工会, the unions' national
    body) where the text names them as the kinds of body a government answers to or the mass organisations it
    supports; not after a level of government (县人大 is the county's, found as a local body)."""
    text, out = ctx.text, []
    for m in _CONGRESS_KIND.finditer(text):
        listed = text.startswith("政协", m.end() + 1)  # 人大、政协: the two kinds of body, whatever precedes them
        if ctx.anchor_inside(m.start()) is None and (m.start() == 0 or not is_han(text[m.start() - 1])
                                                     or text.endswith(("同级", "各级", "地方", "接受", "向", "和", "、"), 0, m.start())
                                                     or listed and text[m.start() - 1] not in _LEVEL_BEFORE):
            out.append(ctx.resolved(m.start(), m.end(), "Institution", "人民代表大会", "rule:institution-kind"))
            if listed and _CPPCC_KIND.match(text, m.end() + 1) and ctx.anchor_inside(m.end() + 1) is None:
                out.append(ctx.resolved(m.end() + 1, m.end() + 3, "Institution", "人民政协", "rule:institution-kind"))
    for m in _UNIONS_LISTED.finditer(text):
        if ctx.anchor_inside(m.start()) is None:
            out.append(ctx.resolved(m.start(), m.end(), "Institution", "中华全国总工会", "rule:institution-kind"))
    return out


#: What before a legal form is a class of companies, not a name (国有独资有限公司, 子公司).
_COMPANY_CLASS = frozenset("国有独资 国有控股 国有 民营 外资 合资 独资 控股 子 母 上市 股份 集团 投资 科技 贸易 实业 发展".split())


#: A body's own sittings, press conferences, inspections and reorganisation, after its name (国务院|常务会议,
#: 中央纪委常委会|会议, 国新办|新闻发布会, 国务院|年度大督查, 国务院|机构改革): the body is named too.
_SITTING = re.compile(r"(?:常务会议|全体会议|扩大会议|会议|(?:例行)?(?:新闻发布会|记者会|吹风会)|"
                      r"(?:第[一二三四五六七八九十]+次|年度)?(?:大督查|执法检查)|机构改革)$")  # 国务院|年度大督查, 国务院|机构改革


def bodies_inside(text: str, accepted: list[Candidate], lookup) -> list[Candidate]:
    """``accepted`` with the body whose sitting an event is kept as a mention of its own (国务院 in 国务院常务会议,
    中央纪委常委会 in 中央纪委常委会会议), where the body's name is all that comes before the sitting."""
    spans = {(c.start, c.end) for c in accepted}
    extra = []
    for c in accepted:
        if c.type not in ("Event", "Policy") or (m := _SITTING.search(text, c.start, c.end)) is None or m.end() != c.end:
            continue
        body = text[c.start : m.start()]
        entry = lookup(body) if all(is_han(ch) or ch in "“”·" for ch in body) else None
        if entry is not None and entry.type == "Institution" and (c.start, m.start()) not in spans \
                and (entry.category not in ("ministry", "agency") or not m.group().endswith("会议")):
            # not 普京在|国防部扩大会议 (Russia's, not China's); a ministry's press conference is China's (外交部例行记者会)
            extra.append(Candidate(c.start, m.start(), "Institution", entry.name, "rule:body-sitting", entry))
    return with_nested(accepted, extra)


def find_institutions(ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()

    def add(c: Candidate) -> None:
        if (c.start, c.end) not in seen:
            seen.add((c.start, c.end))
            out.append(c)

    for rule in (_national_teams, _companies, _foreign_parties, _pla_services, _ministers_ministries, _numbered_units,
                 _kinds_of_body, _sar_governments):
        for c in rule(ctx):
            add(c)

    # Headed by a place or a qualifier, or by a known institution: chains of sub-units.
    heads: list[Candidate] = [a for a in ctx.anchors if a.type == "Institution"]
    for a in ctx.anchors:
        if a.type == "Place":
            c = _headed(ctx, a.start, a.end, "rule:institution-place")
            if c is not None:
                add(c)
                heads.append(c)
        elif a.type in ("Policy", "Person") and (m := _NAMED_AFTER.match(ctx.text, a.end)) is not None \
                and (a.type == "Policy" or m.group() in _MEMORIALS):
            # 习近平经济思想 + 研究中心, 邓小平故居 + 陈列馆: a body named after a thought or a person
            c = ctx.resolved(a.start, m.end(), "Institution", ctx.text[a.start : m.end()], "rule:institution-named-after")
            add(c)
            heads.append(c)
        elif a.type == "Event" and (m := _ORGANISERS.match(ctx.text, a.end)) is not None:
            # 杭州亚运会 + 组委会: the body that organises an event
            c = ctx.resolved(a.start, m.end(), "Institution", ctx.text[a.start : m.end()], "rule:institution-organisers")
            add(c)
            heads.append(c)
        elif a.type == "Event" and (m := _EVENT_MEMORIALS.match(ctx.text, a.end)) is not None:
            # 古田会议 + 纪念馆: the memorial of an event
            add(ctx.resolved(a.start, m.end(), "Institution", ctx.text[a.start : m.end()], "rule:institution-named-after"))
    for m in _QUALIFIER.finditer(ctx.text):
        if _clean_left(ctx, m.start()) and ctx.anchor_at(m.start(), "Institution") is None:
            c = _headed(ctx, m.start(), m.end(), "rule:institution-qualifier")
            if c is not None:
                add(c)
                heads.append(c)
    queue = list(heads)
    while queue:
        head = queue.pop()
        c = _subunit(ctx, head)
        if c is not None and (c.start, c.end) not in seen:
            add(c)
            queue.append(c)
    return out


def _clean_left(ctx: Context, i: int) -> bool:
    """Is ``i`` a plausible start of a name (not in the middle of a word)? After a verb too (依托|国家…创新中心),
    unless the verb and what follows make a word."""
    if i == 0:
        return True
    prev = ctx.text[i - 1]
    return not (prev and is_han(prev[0])) or prev in _STOP or prev in "系任在与和及由向对为据经原现" \
        or (i >= 2 and tag(ctx.text[i - 2 : i]) in VERB_TAGS and ctx.word_frequency(ctx.text[i - 2 : i + 1]) == 0)


#: Heads that after a bare country name make a class, not a name (法国公司, 美国企业, 日本银行 is a name).
_CLASS_OF_A_COUNTRY = frozenset({"公司", "企业", "集团", "医院", "学校", "机构", "媒体", "高校", "大学"})


def _national_teams(ctx: Context) -> list[Candidate]:
    """阿根廷队, 中国女队: a country's name, then 队 (jieba knows many of these as one word, so the
    country is no lexicon match there)."""
    text, out = ctx.text, []
    for m in _NATIONAL_TEAM.finditer(text):
        for k in range(min(_LONGEST_COUNTRY, m.start()), 1, -1):
            if not is_han(text[m.start() - k]):
                continue  # the lexicon's lookup passes over a line break; a name does not begin with one
            entry = ctx.entry(text[m.start() - k : m.start()])
            if entry is not None and entry.type == "Place" and entry.category == "country":
                start = m.start() - k
                lo, hi = ctx.sentence_bounds(start)
                if ctx.stands_alone(start, m.end(), lo, hi) or text[start - 1 : start] in _TEAM_BEFORE or start == lo:
                    country = Candidate(start, m.start(), "Place", entry.name, "rule:national-team", entry)
                    # the country is named too (印尼|队): kept as a mention of its own
                    out.append(ctx.resolved(start, m.end(), "Institution", text[start : m.end()], "rule:national-team",
                                            parent=None if entry.name == "中国" else country))
                break
    return out


#: Units named by their number: the Central Committee's inspection and supervision groups (中央第一巡视组,
#: 中央第三生态环境保护督察组) and the PLA's group armies (第74集团军, 第七十一集团军).
_NUMBERED_UNIT = re.compile(r"(?:中央|国务院)第[一二三四五六七八九十]+(?:巡视组|生态环境保护督察组|督察组|督查组)|"
                            r"(?<![\d一二三四五六七八九十])第(?:[7８8]\d|七十[一二三四五六七八九]|八十[一二三])集团军")


def _numbered_units(ctx: Context) -> list[Candidate]:
    return [ctx.resolved(m.start(), m.end(), "Institution", m.group(), "rule:institution-numbered")
            for m in _NUMBERED_UNIT.finditer(ctx.text) if ctx.anchor_inside(m.start()) is None]


def _stationed_from(ctx: Context, zhu: int) -> int | None:
    """Where the name of a body stationed somewhere begins, before its 驻 (李希还到|八路军驻新疆办事处纪念馆):
    the words back to a clause word, a verb or punctuation; None if there are none."""
    lo, _ = ctx.sentence_bounds(zhu)
    left = max(lo, zhu - 8)
    start = zhu
    for w in reversed(ctx.segment(ctx.text[left:zhu])):
        if not is_han(w[0]) or any(ch in _STOP for ch in w) or clause_word(w) or tag(w) in VERB_TAGS:
            break
        start -= len(w)
    return start if start < zhu else None


def _headed(ctx: Context, start: int, head_end: int, rule: str) -> Candidate | None:
    """The longest institution name starting at ``start`` whose head ends at ``head_end``."""
    text = ctx.text
    _, hi = ctx.sentence_bounds(start)
    j = head_end
    limit = min(hi, head_end + 16)
    while j < limit and text[j] not in _STOP and (is_han(text[j]) or text[j] in "与和·"):
        j += 1
    m = _STANDALONE_RE.search(text, head_end, j)
    if m is None or (m.start() == head_end and rule.endswith("qualifier")):
        return None
    best = m.end()
    if m.group() in _LOCAL_HEADS:
        place = ctx.anchor_at(start, "Place")
        if any(ctx.anchor_at(k, "Place") for k in range(head_end, m.start())):
            return None  # 浙江|安吉县余村村委会: the village's committee is named from the village on
        if place is not None and place.entry is not None and (place.names_a_country or place.entry.category in _FOREIGN_PLACES
                                                              or place.entry.category.startswith("foreign")):
            return None  # 美国小学, 巴勒斯坦小学: a country's schools, no one of them (a foreign one is named otherwise)
        if _LOCAL_CLASS.match(text, head_end, m.start()):
            return None  # 得州一小学, 廊坊属地派出所: one of a class, the local one
    tail = _COMPOUND_TAIL.match(text, best, j)
    if tail:
        best = tail.end()
    if rule.endswith("place") and text[start - 1 : start] == "驻":
        start = _stationed_from(ctx, start - 1)  # 八路军驻|新疆办事处纪念馆: the name begins with who is stationed
        if start is None:
            return None
    name = text[start:best]
    tail = text[head_end:best]
    if rule.endswith("place") and (count := _COUNTED_PLACES.match(tail)) is not None:
        # 河北、黑龙江、云南三省人民政府: the last of the places listed, with their common suffix
        form = text[start:head_end] + count.group(1) + tail[count.end() :]
        return ctx.resolved(start, best, "Institution", form, rule, form=form)
    if rule.endswith("place") and tail.startswith("原") and tail[1:] in _LOCAL_DEPARTMENT_NAMES:
        # 黑龙江省原粮食局: the province's department under its former name, named without 原
        form = text[start:head_end] + tail[1:]
        return ctx.resolved(start, best, "Institution", form, rule, form=form)
    if rule.endswith("place") and (when := _TERM_OF_GOVERNMENT.fullmatch(tail)) is not None:
        if when.group(1) in ("历届", "多届", "各届", "几届"):
            return None  # 美国多届政府: several governments
        # 美国上一届政府, 以色列新政府: the country's government, in one of its terms
        return ctx.resolved(start, best, "Institution", text[start:head_end] + "政府", rule,
                            form=text[start:head_end] + "政府")
    if rule.endswith("place") and _an_industry(ctx, tail) and (
            (place := ctx.anchor_at(start, "Place")) is not None and place.names_a_country):
        return None  # 德国保险公司, 德国数据公司: a country's companies of a trade, no one of them
    if rule.endswith("place") and tail in _CLASS_OF_A_COUNTRY and (
            (place := ctx.anchor_at(start, "Place")) is not None and place.names_a_country):
        return None  # 法国公司, 美国企业: a country's companies, no one of them
    # a department's full name (发展和改革委员会, 住房和城乡建设厅) is a name whatever words it holds: the checks for a
    # clause look at what stands around it
    inner = text[head_end : m.start()] + text[m.end() : best] if m.group() in _LOCAL_DEPARTMENT_NAMES else tail
    if not _proper(name, tail if tail in _SUPREME_COURTS else inner) or _VERBS.search(inner) or _TITLE_INSIDE.search(inner) \
            or "和" in inner or "与" in inner:
        return None  # 印度总统穆尔穆代表印度政府: a clause, not a name
    if tail.startswith("非政府"):
        return None  # 美国|非政府组织: a country's NGOs, no one of them
    if _holds_clause(ctx, inner):
        return None  # 长春 继续 加大 政府, 全国 共 开立 银行
    if (_QUANTIFIED.search(text, max(0, start - 3), start) or tail in ("分公司", "子公司", "分行", "支行")
            or _COUNT_INSIDE.search(tail) or _RANGE_INSIDE.search(tail)):
        return None  # 部分俄罗斯银行, 一些捷克贸易公司, 英国石油公司美国分公司: no one named body
    if any(ctx.anchor_at(k, "Institution") is not None for k in range(head_end, best)):
        return None  # 中国|人民出版社, 中国主办|二十国集团: the known institution is the name
    if any((a := ctx.anchor_at(k)) is not None and a.end > best for k in range(head_end, best)):
        return None  # 尤瓦尔迪市|罗布小学枪击案: a known name runs on past the head
    lo, _ = ctx.sentence_bounds(start)
    if not ctx.stands_alone(start, best, lo, hi):
        return None  # 中国大学|生: the suffix begins a longer word
    local = m.group() in _LOCAL_HEADS and rule.endswith("place")
    # a village's or a town's body keeps its place as a mention of its own (余村 in 余村村委会): no other name says where
    return ctx.resolved(start, best, "Institution", name, rule, parent=ctx.anchor_at(start, "Place") if local else None)


#: Rooms and halls, which a building's sub-unit suffix 厅 also ends (演播厅, 会议厅, 展厅).
_ROOM = re.compile(r"(?:演播|会议|大|展|宴会|餐|会客|音乐)厅$")


def _subunit(ctx: Context, head: Candidate) -> Candidate | None:
    """The institution's sub-unit written right after it (天津大学 -> 天津大学精仪学院)."""
    text = ctx.text
    _, hi = ctx.sentence_bounds(head.start)
    if (o := _OFFICE.match(text, head.end, hi)) is not None and _GOVERNING.search(head.name):
        # 湖北省委|党校, 湖北省人民政府|办公厅: a committee's school and a government's general office, common words
        if (a := ctx.anchor_at(head.end, "Institution")) is not None and a.end >= o.end():
            return None
        return ctx.resolved(head.start, o.end(), "Institution", text[head.start : o.end()], "rule:institution-subunit",
                            form=text[head.start : o.end()], parent=head)
    m = _SUBUNIT_RE.match(text, head.end, min(hi, head.end + 24))
    if m is None:
        return None
    part = m.group(0)
    if any(c in _STOP for c in part) or not _proper(part, part) or part[0] in "和与" or _TITLE_INSIDE.search(part):
        return None  # 中共中央 | 总书记习近平和中共中央政治局: a clause
    if len(part) < 3 or _VERBS.search(part) or (ctx.is_common_word(part) and not _university_school(head, part)):
        return None  # 部署, 政府 (after 中国); but a university's 医学院 or 附属中学, common words, is its school
    if "某" in part or _ROOM.search(part):
        return None  # 战略支援部队|某基地: a unit the news does not name; 总台|一号演播厅: a room
    if any(text[k] in "与和" and ctx.anchor_at(k + 1, "Place", "Institution") is not None for k in range(head.end, m.end() - 1)):
        return None  # 美国政府|机构与乌克兰生物实验室, 四川农业大学|温江校区和成都工业学院: two bodies joined
    if _suffix_in_word(ctx, text, m.end()) or _holds_clause(ctx, part):
        return None  # 部署; 世卫组织 | 称 与 加沙地带希法医院
    known = ctx.entry(part)
    if _QUALIFIER.match(part) and known is not None and known.type == "Institution":
        return None  # 中国民主建国会中央委员会|中国民主促进会中央委员会…: a list without separators
    if (a := ctx.anchor_at(head.end, "Institution")) is not None and a.end >= m.end() and not _TERM.match(part):
        return None  # 全国政协办公厅|中共中央统战部|国务院侨办: a headline's list of known bodies (but 农工党|第十六届中央委员会)
    name = head.name + part if head.entry is None else text[head.start : m.end()]
    return ctx.resolved(head.start, m.end(), "Institution", name, "rule:institution-subunit",
                        form=text[head.start : m.end()], parent=head)


#: A Party committee's school and a government's or a committee's general office, words of their own.
_OFFICE = re.compile(rf"(?:党校|办公厅){_TITLE_NEXT}")
#: The bodies that have them (中共湖北省委员会, 湖北省人民政府, 全国人大常委会).
_GOVERNING = re.compile(r"(?:委|委员会|政府|常委会)$")
#: A university's schools and the schools and hospitals attached to it (医学院, 附属中学), common words as they are.
_UNIVERSITY_PART = re.compile(rf"(?:[{HAN}]{{1,6}}学院|附属[{HAN}]{{0,6}}(?:中学|小学|学校|幼儿园|医院))")


def _university_school(head: Candidate, part: str) -> bool:
    return head.name.endswith("大学") and _UNIVERSITY_PART.fullmatch(part) is not None


#: Words after which a verb names a field of study, not an action (感知科学与工程系, 控制工程研究院).
_DISCIPLINES = frozenset("科学 工程 技术 学 研究 医学 系统 材料 装备 器件 信息 理论".split())


def _holds_clause(ctx: Context, part: str) -> bool:
    """Does ``part`` (what lies between a name's head and the end of its suffix) hold a word that
    makes it a clause: an adverb, a preposition, a pronoun or a verb that no organisation is named
    by (``extractors.rules.wordclass``)? Words the lexicon knows (自贡, 保定) are names."""
    words = ctx.segment(part)
    return any(clause_word(w) and ctx.entry(w) is None and not (nxt in _DISCIPLINES and tag(w) in VERB_TAGS)
               for w, nxt in zip(words, [*words[1:], ""]))


def _suffix_in_word(ctx: Context, text: str, end: int) -> bool:
    """Is the single-character suffix ending at ``end`` really part of a common word
    (部署, 全局, 联系, 系列) rather than the end of a name?"""
    last = text[end - 1]
    if last not in _SINGLE_SUFFIX:
        return False
    if last == "所" and text[end : end + 1] in _AFTER_PARTICLE_SUO:
        return True  # 中央纪委常委会所作的报告: the particle 所
    before, after = text[end - 2 : end], text[end - 1 : end + 1]
    return ctx.word_frequency(before) >= 50 or (len(after) == 2 and ctx.word_frequency(after) >= 50)


def _an_industry(ctx: Context, tail: str) -> bool:
    """保险公司, 数据公司, 能源企业: a common word of a trade and a company's suffix."""
    for suffix in ("公司", "企业", "集团"):
        if tail.endswith(suffix) and len(tail) > len(suffix):
            trade = tail[: -len(suffix)]
            return ctx.word_frequency(trade) >= 1000
    return False


#: Courts whose name holds 最高 (generic in 最高学府, 最大银行): a country's supreme court is one body.
_SUPREME_COURTS = frozenset({"最高法院", "最高人民法院", "最高检察院", "最高人民检察院", "最高行政法院", "最高宪法法院"})


def _proper(name: str, tail: str) -> bool:
    if name in _GENERIC_NAMES:
        return False
    if any(p in tail for p in _GENERIC_PARTS) and tail not in _SUPREME_COURTS:
        return False
    return True
