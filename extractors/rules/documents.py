"""Documents and publications: titles in 《》, named five-year plans (“十四五”规划 …), column titles
in quotes (专栏“新思想指引科技强国建设新征程”), and the publication in a source line (来源：科技日报…),
which is an institution (the newspaper or journal), not a document."""
from __future__ import annotations

import re

from extractors.rules.base import Candidate, Context, anchors_kept_inside, with_nested
from extractors.textutil import HAN

#: Titles that only stand for a document introduced earlier (…（以下简称《方案》）).
GENERIC_TITLES = frozenset(
    "方案 决定 意见 通知 规划 纲要 报告 办法 条例 建议 规定 指南 计划 公报 讲话 实施意见 行动方案 实施方案 "
    "指导意见 若干意见 决议 说明 细则 通告 白皮书 本书 该书 全文 宣言 声明 联合声明 倡议 协定 条约 公约 章程 构想 "
    "蓝皮书 措施 若干措施 实施办法 实施细则 纲领 议定书 备忘录 规则 准则 指南 法 条款 草案 修正案".split()
)
_TITLE = re.compile(r"《([^《》\n]{1,120})》")
_PUBLICATION = re.compile(
    rf"^[{HAN}A-Za-z·]{{1,14}}(?:日报|晚报|时报|周报|导报|商报|快报|(?<![公通简年季月汇情预申])报|杂志|学报|周刊|月刊|期刊|画报|论坛|前沿|年鉴)$"
)
_FIVE_YEAR_PLAN = re.compile(
    rf"“(十[一二三四五六七八九]五)”((?:[{HAN}]{{0,18}}?)(?:规划纲要|规划建议|规划))"
)
_SOURCE = re.compile(
    rf"(?:来源|信息来源|稿源|期刊|刊物|转载自|原载)[：:；;]\s*《?([{HAN}A-Za-z·]{{2,20}}?)》?(?=[，,；;：:。（(）)\s]|(?:19|20)\d\d|$)",
    re.M,
)
_COLUMN = re.compile(r"(?:专栏|栏目|专题|系列文章|署名文章|理论文章|评论员文章|课题|著作|新书)“([^“”\n]{4,40})”")
_BARE_FIVE_YEAR_PLAN = re.compile(r"(?<![“\"《])(十[一二三四五六七八九]五)(规划纲要|规划建议|规划)")
#: A plan period in quotes, alone: “十四五”实现良好开局, 面向“十四五”: the text names the plan by its period.
_QUOTED_PLAN_PERIOD = re.compile(r"“(十[一二三四五六七八九]五)”")


#: Laws, regulations and agreements named without 《》 where the text says what it does with them.
_LAW_KIND = r"(?:法典|法|条例|协定|公约)"
_FULL_LAW = re.compile(rf"中华人民共和国[{HAN}]{{1,24}}?{_LAW_KIND}(?:实施条例|实施细则)?(?![{HAN}])|"
                       rf"中华人民共和国[{HAN}]{{1,24}}?{_LAW_KIND}(?:实施条例|实施细则)?(?=[草修（(的，。、；和与及等])")
_LAW_TRIGGER = re.compile(
    r"(?:审议通过|表决通过|审议|通过|新修订的|修订后的|修订|修改|制定|颁布|施行|实施|贯彻|落实|根据|依据|依照|按照|违反|出台|公布|发布|印发|"
    r"签署|签订|批准|加入|升级|谈判|达成|发表)好?了?的?"
)
#: Characters of a law's name: Han characters but the particles of a clause (巴以双方的协定 is no title).
_LAW_CHAR = rf"(?:(?![的了是在对])[{HAN}])"
#: Agreements, declarations and plans a text signs, adopts or issues without 《》 (签署了…谅解备忘录,
#: 通过…联合声明, 制定…行动计划), and 关于…的… titles, which may hold a 的 of their own (通过了关于修改反垄断法的决定:
#: the decision, not a law named 关于修改反垄断法).
_AGREEMENT_KIND = (r"(?:条约|议定书|谅解备忘录|备忘录|联合声明|宣言|行动计划|合作规划|规划纲要|实施方案|工作方案|行动方案|总体方案|"
                   r"(?<![一第])[二三四五六七八九十]{1,3}条(?:措施|举措))")
#: How the title of a set of opinions starts (加强环境保护重点工作的意见; not 多数代表的意见).
_OPINION_START = r"(?:加强|加快|推进|推动|促进|鼓励|支持|深化|完善|健全|做好|进一步|全面|坚持|建立|构建|实施|关于)"
#: The plan period a plan's title may start with (“十二五”节能减排综合性工作方案).
_PLAN_PERIOD = r"(?:“十[一二三四五六七八九]五”)"
#: A law's implementing regulations, a text of their own (专利法实施细则, 外商投资法实施条例).
_IMPLEMENTING = r"(?:实施条例|实施细则|实施办法)"
_IMPLEMENTING_END = re.compile(_IMPLEMENTING + "$")
_LAW_NAME = re.compile(
    rf"(?:关于[^，。、；：\n]{{2,40}}?的(?:决定|决议)|{_LAW_CHAR}{{2,16}}?{_LAW_KIND}{_IMPLEMENTING}?|{_PLAN_PERIOD}?{_LAW_CHAR}{{2,20}}?{_AGREEMENT_KIND}|"
    rf"关于[^，。、；：\n]{{2,30}}?的{_AGREEMENT_KIND}|{_OPINION_START}{_LAW_CHAR}{{2,20}}?的(?:指导|实施)?意见)"
    r"(?=草案|修正案|修订草案|（草案）|实施条例|的|，|。|、|；|和|与|及|等|将|自|于|正式|生效|$)"
)
#: An agreement the text does not name: a determiner, a count or a bare kind of cooperation before it.
_UNNAMED_AGREEMENT = re.compile(
    rf"(?:这|该|此|那|多|各|每|一系列|系列|一批|一份|两国|双方|三方|多方|有关|相关|政府间|经贸|投资|和平|友好|战略|全面|合作|"
    rf"中长期|长期|五年|三年|附加|和|及|与)*{_AGREEMENT_KIND}$|(?:这|该|此|那|多份|多项|各项|一系列|两国|双方|有关|相关|并|及|与)"
)
#: An ordinal count before a kind of text (第一个自贸协定, 第三份联合声明): the how-manieth, not a title.
_ORDINAL_COUNT = re.compile(r"第[一二三四五六七八九十百\d]+[个份部项]")
#: A decision on a kind of text, none named: 关于批准条约的决定, 关于修改法律的决定.
_UNNAMED_DECISION = re.compile(r"关于(?:批准|修改|废止|接受)?(?:条约|协定|公约|议定书|法律|法规)的(?:决定|决议)")
#: Plans, which a text may sign (a document) or carry out (a programme, see policies.find_programmes).
_PLAN_KINDS = ("行动计划",)
#: Plans that are a titled document only where the text issues them (印发, 出台, 发布, 通过).
_ISSUED_PLANS = ("行动方案", "总体方案")
_ISSUING = re.compile(r"(?:印发|出台|发布|公布|审议通过|表决通过|通过|审议|签署|批准)")
_CARRIED_OUT = re.compile(r"(?:实施|落实|推进|贯彻|执行|推动)好?了?的?$")
_LEADING_COUNT = re.compile(r"[一二三四五六七八九十两\d]+(?:期|项|个|份|批|轮)")
_LAW_FOLLOW = re.compile(r"(?:草案|修正案|修订草案|（草案）)")
#: Bodies of law and kinds of agreement, which a verb of law-making may govern but which name no text.
_GENERIC_LAWS = frozenset({"国际法", "国内法", "国际公约", "自贸协定", "自由贸易协定", "贸易协定", "投资协定", "双边协定",
                           "多边协定", "国际条约", "双边条约", "发展规划纲要", "规划纲要", "实施方案", "行动计划"})
_DETERMINERS = re.compile(r"^(?:已生效的?|现有的?|这些|该|各项|多项|一系列|相关|有关)")
_NOT_LAWS = ("方法", "办法", "做法", "看法", "想法", "说法", "立法", "执法", "司法", "违法", "合法", "依法", "非法", "守法",
             "普法", "手法", "写法", "用法", "算法", "疗法", "技法", "兵法", "书法", "语法", "章法", "无法", "设法", "效法",
             "协定书", "法律", "法规", "良法", "活法", "玩法", "打法", "加法", "减法", "乘法", "除法", "魔法", "佛法", "正法",
             "变法", "修法")


def _last_trigger(name: str) -> int:
    """Where a would-be law's name starts again after a verb of law-making inside it (0 if none)."""
    last = 0
    name = _IMPLEMENTING_END.sub("", name)  # the 实施 of 专利法实施细则 is the regulations' name, no verb
    for t in _LAW_TRIGGER.finditer(name):
        if t.end() < len(name) - 1:
            last = t.end()
    return last


#: A report titled by what it is about, written without 《》 (关于2021年中央决算的报告, 关于提案工作情况的报告,
#: 关于职业教育法修订草案审议结果的报告): a title as formal as a law's, where the text hears, reviews or delivers it.
_REPORT = re.compile(r"关于[^，。、；：《》“”（）\n]{2,60}?的(?:报告|汇报)(?=[，。、；：）\n]|和|及|与|$)")
#: What a congress or a committee does with a report, right before it or before the body that made it
#: (听取了|…执法检查组|关于…的报告, 审议|国务院|关于…的报告, 分别作的|关于…的报告).
_REPORT_HEARD = re.compile(r"(?:听取|审议|审查|作|所作|提交|提请审议|批准|通过)(?:了|的)?$")


def _reports(ctx: Context) -> list[Candidate]:
    """Reports titled 关于…的报告 without 《》 where a congress or a committee hears, reviews or delivers them, or
    listed after another document (政协全国委员会常务委员会工作报告、关于提案工作情况的报告)."""
    text = ctx.text
    out = []
    for m in _REPORT.finditer(text):
        if ctx.anchor_inside(m.start()) is not None:
            continue
        before = m.start()
        maker = ctx.anchor_ending_at(before, "Institution", "Person")
        if maker is not None:
            before = maker.start  # 审议|国务院|关于…, 李德印分别作的|…: the body or the person who reports
        lo = ctx.sentence_bounds(m.start())[0]
        listed = before - 1 >= lo and text[before - 1] in "、和及" \
            and ctx.anchor_ending_at(before - 1, "Document") is not None
        if listed or _REPORT_HEARD.search(text, max(lo, before - 6), before):
            out.append(ctx.resolved(m.start(), m.end(), "Document", m.group(), "rule:report"))
    return out


def _laws(ctx: Context) -> list[Candidate]:
    """中华人民共和国外商投资法 always; 数据安全法, 区域全面经济伙伴关系协定 when a verb of law-making
    or applying comes right before (审议通过, 修订后的, 根据, 签署) or 草案 / 修正案 right after."""
    text = ctx.text
    out = []

    def is_law(name: str) -> bool:  # the last word is the kind of law, not 方法, 办法, 设法 …
        words = ctx.segment(name)
        if _UNNAMED_DECISION.fullmatch(name):
            return False  # 关于批准条约的决定: which treaty is not said
        if _DETERMINERS.sub("", name) in _GENERIC_LAWS:
            return False  # 遵守国际法, 签署自贸协定: a body of law or a kind of agreement, no one text
        if _UNNAMED_AGREEMENT.match(name) or _ORDINAL_COUNT.match(name):
            return False  # 这一条约, 多份谅解备忘录, 两国经贸合作规划, 第一个自贸协定: which one is not said
        if name.endswith(("工作方案", "实施方案")) and len(name) < 12:
            return False  # 制定产业强链工作方案: a plan of work, described, not a titled document
        return bool(words) and words[-1] not in _NOT_LAWS and not (len(name) <= 4 and name[-2:] in _NOT_LAWS)

    for m in _FULL_LAW.finditer(text):
        if is_law(m.group()):
            out.append(ctx.resolved(m.start(), m.end(), "Document", m.group(), "rule:law"))
            continue
    for t in _LAW_TRIGGER.finditer(text):
        pos = t.end()
        while (more := _LAW_TRIGGER.match(text, pos)) is not None and more.end() > pos:
            pos = more.end()  # 通过了 | 新修订的 | 野生动物保护法
        m = _LAW_NAME.match(text, pos)
        while m is not None and not m.group().startswith("关于") and (inner := _last_trigger(m.group())) > 0:
            m = _LAW_NAME.match(text, m.start() + inner)  # 审议了监察司法委关于提请审议|反间谍法修订草案
            # (but a 关于…的决定 title holds its verb: 关于修改反垄断法的决定)
        if m is not None and m.group().endswith(_PLAN_KINDS):
            if _CARRIED_OUT.search(text, max(0, m.start() - 4), m.start()):
                continue  # 实施|…行动计划: a programme carried out (policies.find_programmes), not a text signed
        if m is not None and m.group().endswith(_ISSUED_PLANS) and (not _ISSUING.match(t.group()) or "等" in m.group()):
            continue  # 印发|种业振兴行动方案; not 制定收入划分总体方案 (a plan to be written) nor 实施系列行动方案
        while m is not None and not m.group().startswith("中华人民共和国") and is_law(m.group()):
            if (count := _LEADING_COUNT.match(m.group())) is not None:
                m = _LAW_NAME.match(text, m.start() + count.end())  # 签署|两份|…谅解备忘录
                continue
            # a national law's full name is 中华人民共和国…法: the lexicon may know it so
            form = f"中华人民共和国{m.group()}" if ctx.entry(f"中华人民共和国{m.group()}") else m.group()
            out.append(ctx.resolved(m.start(), m.end(), "Document", m.group(), "rule:law", form=form))
            # and the laws listed with it: 野生动物保护法、预备役人员法; 原子能法草案、国家公园法草案
            end = f.end() if (f := _LAW_FOLLOW.match(text, m.end())) is not None else m.end()
            m = _LAW_NAME.match(text, end + 1) if text[end : end + 1] in ("、", "和", "及") else None
    return out


#: Words before a title that make it a programme, a film, a show or a work of art, not a document
#: (纪录片《…》, 第五集《…》, 舞蹈诗剧《…》, 奏响《…》).
_PROGRAMME_BEFORE = re.compile(
    r"(?:节目|栏目|纪录片|专题片|系列片|宣传片|特别节目|电视剧|电视节目|电影|影片|短片|动画片|动画|晚会|综艺|访谈|频道|歌曲|演出|"
    r"播出|首播|重播|展播|系列报道|特别报道|主题曲|主题歌|宣传曲|片单|微短剧|短剧|网剧|真人秀|"
    r"舞剧|话剧|歌剧|音乐剧|舞蹈诗剧|诗剧|舞蹈诗画|诗画|舞乐|舞蹈|戏曲|京剧|昆曲|越剧|豫剧|黄梅戏|相声|小品|杂技|"
    r"音乐会|MV|专辑|剧目|曲目|乐曲|名曲|奏响|演奏|演唱|合唱|齐唱|高唱|唱响|朗诵|画作|名画|油画|国画|长卷|雕塑|"
    r"第[一二三四五六七八九十\d]+[集季期])[“”]?$"
)
#: What after a title (or a list of titles) makes it a programme: 《…》今晚播出, 《…》第五季,
#: 《A》《B》等15部精品, 《A》《B》等一批国产新片.
_PROGRAMME_AFTER = re.compile(
    r"[”]?(?:第[一二三四五六七八九十\d]+[季集期]|"
    r"(?:等)?(?:超过|近|约|共)?(?:[\d一二三四五六七八九十百几多]+[部首档集个台场支批]|一批|多部|多首|多个|多档|系列)?"
    r"[\u4e00-\u9fff]{0,6}?"
    r"(?:栏目|节目|系列节目|特别节目|今晚|明晚|今天播出|将播出|播出|开播|首播|热播|上映|热映|票房|演出|晚会|影片|电影|"
    r"电视剧|纪录片|曲目|歌曲|剧目|综艺|精品|新片|大片|影视|动画|舞台艺术|展播|暑期档|春节档|国庆档|档期|收视))"
)
#: China's free trade agreements by their partners' one-character forms or names (中新自贸协定, 新中自贸协定,
#: 中国—东盟自由贸易协定, 中国—海合会自由贸易区协定), with their upgrades.
_FREE_TRADE = re.compile(
    rf"(?:中国[—－-][{HAN}]{{2,6}}|中[{HAN}]{{1,2}}|[{HAN}]中)(?:自由贸易协定|自贸协定|自由贸易区协定|自贸区协定)(?:升级议定书|升级版)?"
    rf"|(?:中国[—－-][{HAN}]{{2,6}}|中[{HAN}]{{1,2}})(?:自由贸易区|自贸区)(?:[\d.]+版)?升级议定书"  # 中国—东盟自贸区3.0版升级议定书
)
#: A pair of countries listed before another pair's free trade agreement (中韩、|中澳自贸协定), and the heads it shares.
_PAIR_LISTED = re.compile(rf"中[{HAN}][、和与]")
_FTA_HEADS = ("自由贸易协定", "自贸协定", "自由贸易区协定", "自贸区协定")
#: Titles written one after another (《A》《B》、《C》和《D》) are one list, of one kind.
_TITLE_GAP = re.compile(r"[、，,和与及]?")
#: A publication named after its title: 《明镜》周刊, 《求是》杂志.
_PUBLICATION_AFTER = re.compile(r"(?:周刊|杂志|月刊|半月刊|双月刊|期刊|画报|网站|日报|周报|晚报|时报|电视台|通讯社)")


#: Journals known by a bare word, which in 《》 name the journal (《自然》, 《科学》), not a text.
_JOURNALS = frozenset({"自然", "科学", "细胞", "柳叶刀", "求是", "新英格兰医学杂志", "美国医学会杂志", "中国科学",
                       "科学通报", "自然·通讯", "英国医学杂志"})
_COLUMN_BRACKETS = re.compile(r"【([^【】\n]{2,40})】")

#: What a document's own title says it is (…意见, …法, …白皮书, …读本, …（2022年版）（征求意见稿）).
_DOCUMENT_KIND = re.compile(
    r"(?:法|法典|条例|规划|纲要|意见|通知|方案|办法|决定|报告|计划|白皮书|蓝皮书|绿皮书|宣言|声明|公报|协定|条约|公约|备忘录|"
    r"规定|细则|指南|标准|规范|规程|目录|清单|名录|章程|准则|原则|决议|讲话|述评|评论|通报|公告|倡议|议定书|框架|路线图|"
    r"议程|战略|政策|措施|条款|规则|守则|制度|指引|建议|批复|函|令|文件|构想|愿景|行动|议案|草案|修正案|说明|规章|法规|"
    r"要点|展望|指数|年鉴|大事记|文集|选集|文选|全集|语录|概论|读本|问答|百问|汇编|摘编|纲目|教材|手册|词典|辞典|"
    r"典|记|史|传|志|论|谈|书|集|录|稿|报|刊|经|要|案|单|证|表|图谱|共识|承诺|信|约)"
    r"(?:（[^（）]*）|\([^()]*\))*$"
)
#: What a text does with a document near its title (印发《…》, 发表题为《…》的文章, 《…》出版发行).
_DOCUMENT_VERB = re.compile(
    r"发表|印发|出版|发布|审议|签署|签订|通过|题为|题目是|文章|著作|一书|全文|学习|颁布|施行|实施|修订|修改|制定|出台|批准|公布|"
    r"下发|起草|编写|编辑|编制|撰写|收录|读本|署名|快评|评论员|述评|刊发|播发|转发|解读|贯彻|落实|依据|根据|按照|违反|征求意见|"
    r"文件|报告|宣读|作了|作出|引用|援引|刊载|刊登|连载|再版|译本|版本|翻译|"
    r"阅读|研读|精读|品读|诵读|朗读|领读|通读|读了|读过|读完|书籍|图书|丛书|典籍|古籍|藏书|书中|书里|主编|编著|著有|写下|"
    r"编排|编纂|编选|全书|该书|本书|此书|收入|文稿|篇目"
)
#: What a document says, after its title (《意见》指出, 《规划》明确, 《条例》规定).
_DOCUMENT_SAYS = re.compile(r"(?:[^，。\n]{0,4})(?:规定|要求|提出|指出|明确|强调|显示|认为)")


#: An item of a reference list: ⑤《…》，《学术前沿》，2025年第12期; [3]《…》; 作者：《…》.
_CITATION_BEFORE = re.compile(r"(?:[①-⑳]|\[\d+\]|［\d+］|^\s*\d+[.．、]|[：:])\s*$", re.M)
_CITATION_AFTER = re.compile(r"[，,．.]\s*(?:《[^《》\n]{1,30}》|(?:19|20)\d\d年|[^，,。\n]{1,20}出版社)")


def _documented(text: str, titles: list[re.Match]) -> bool:
    """Does a list of titles say it names documents: a member's title says what kind of document it
    is, or the text around the list does with it what is done with documents?"""
    if any(_DOCUMENT_KIND.search(m.group(1).strip()) for m in titles):
        return True
    first, last = titles[0].start(), titles[-1].end()
    return bool(_DOCUMENT_VERB.search(text, max(0, first - 14), first) or _DOCUMENT_VERB.search(text[last : last + 10])
                or _DOCUMENT_SAYS.match(text, last)
                or _CITATION_BEFORE.search(text, max(0, first - 4), first) or _CITATION_AFTER.match(text, last))


def _programme(text: str, start: int, end: int) -> str | None:
    """The words that make the title (or list of titles) in 《》 at text[start:end] a programme, film
    or show, named as such (纪录片《…》, 《…》今晚播出, 《A》《B》等多部影片), or None."""
    m = _PROGRAMME_BEFORE.search(text, max(0, start - 6), start) or _PROGRAMME_AFTER.match(text, end)
    return m.group() if m else None


def _title_lists(text: str) -> list[list[re.Match]]:
    """The titles of ``text`` in 《》, grouped into lists of titles written one after another."""
    lists: list[list[re.Match]] = []
    for m in _TITLE.finditer(text):
        if lists:
            last = lists[-1][-1]
            gap = _TITLE_GAP.fullmatch(text, last.end(), m.start())
            if gap is not None:
                lists[-1].append(m)
                continue
        lists.append([m])
    return lists


#: Of those words, the ones that make a title a report (a documentary, a series of reports, an
#: interview column, a body of work), which is a document: 系列报道《解码十年》, 纪录片《必由之路》.
_REPORT_MARKER = re.compile(r"纪录片|专题片|系列片|文献片|政论片|系列报道|特别报道|系列评论|访谈|栏目|系列节目")


def _programmes(text: str) -> tuple[set[str], set[str]]:
    """Titles that name programmes, films, shows or works of art anywhere in ``text``, and of them
    the ones that name reports and documentaries: a list of titles is one kind, so a marker before
    its first title or after its last covers them all."""
    shows, reports = set(), set()
    for titles in _title_lists(text):
        markers = [_programme(text, titles[0].start(), titles[-1].end())]
        markers += [_programme(text, m.start(), m.end()) for m in titles]
        markers = [w for w in markers if w]
        if markers:
            names = {m.group(1).strip() for m in titles}
            shows |= names
            if all(_REPORT_MARKER.search(w) for w in markers):
                reports |= names
    return shows, reports


#: The longest title that may stand for a longer one written before it.
_SHORT_TITLE = 6
_EDITION_NOTE = re.compile(r"(?:（[^（）]*）|\([^()]*\))+$")


class _Earlier:
    """Documents titled so far, by the endings of their titles: the document a short title stands
    for is the nearest one titled before it whose title (without its edition notes) ends with it
    (《蓝皮书》 after 《中国航天科技活动蓝皮书》（2021年）). One lookup per title, whatever came before."""

    def __init__(self, text: str):
        self.text = text
        self._by_ending: dict[str, Candidate] = {}

    def add(self, c: Candidate) -> None:
        title = _EDITION_NOTE.sub("", self.text[c.start : c.end])
        for k in range(1, min(len(title) - 1, _SHORT_TITLE) + 1):
            self._by_ending[title[-k:]] = c  # the later one wins: the nearest before what follows

    def shortened(self, inner: str) -> Candidate | None:
        return self._by_ending.get(inner) if len(inner) <= _SHORT_TITLE else None


def find_documents(ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    text = ctx.text
    programmes, reports = _programmes(text)
    programmes |= {m.group(1).strip() for m in _COLUMN_BRACKETS.finditer(text)}  # 【开好局起好步】: a column
    documented = {m.group(1).strip() for titles in _title_lists(text) if _documented(text, titles) for m in titles}
    earlier = _Earlier(text)  # documents titled so far, for short titles that stand for them
    for m in _TITLE.finditer(text):
        inner = m.group(1).strip()
        start, end = m.start(1), m.end(1)
        if not inner or inner.isdigit():
            continue
        full = earlier.shortened(inner)
        if full is not None:  # 《蓝皮书》 after 《中国航天科技活动蓝皮书》, 《构想》 after 《…外交政策构想》
            out.append(Candidate(start, end, "Document", full.name, "rule:title-brackets", full.entry))
            continue
        if inner in GENERIC_TITLES:
            continue  # 《方案》 alone names whatever （以下简称《方案》） introduced
        entry = ctx.entry(inner)
        if entry is not None:
            out.append(Candidate(start, end, entry.type, entry.name, "rule:title-brackets", entry))
            if entry.type == "Document":
                earlier.add(out[-1])
        elif inner in reports:  # 系列报道《解码十年》, 纪录片《必由之路》: a report, a document of the news
            out.append(Candidate(start, end, "Document", inner, "rule:report-title"))
        elif inner in programmes:
            continue  # 《人世间》今晚播出, 歌曲《我和我的祖国》: a show or a work of art (here or anywhere in the text)
        elif _PUBLICATION.match(inner) or _PUBLICATION_AFTER.match(text, m.end()) or inner in _JOURNALS:
            out.append(Candidate(start, end, "Institution", inner, "rule:publication-brackets"))
        elif inner in documented:
            out.append(Candidate(start, end, "Document", inner, "rule:title-brackets"))
            earlier.add(out[-1])
        # else: a title that neither says nor is said to be a document (a song, a film, a painting)
    out.extend(_laws(ctx))
    out.extend(_reports(ctx))
    for m in _FREE_TRADE.finditer(text):
        if ctx.anchor_inside(m.start()) is None and ctx.stands_alone(m.start(), m.end()):
            out.append(ctx.resolved(m.start(), m.end(), "Document", m.group(), "rule:free-trade-agreement"))
            head, start = m.group()[2:], m.start()
            while m.group()[0] == "中" and head.startswith(_FTA_HEADS) and start >= 3 \
                    and (p := _PAIR_LISTED.match(text, start - 3)):
                # 中韩、中澳自贸协定: a pair listed before takes the agreement's head (中韩自贸协定)
                out.append(ctx.resolved(p.start(), p.start() + 2, "Document", text[p.start() : p.start() + 2] + head,
                                        "rule:free-trade-agreement"))
                start = p.start()
    for m in _SOURCE.finditer(text):
        out.append(ctx.resolved(m.start(1), m.end(1), "Institution", m.group(1), "rule:publication-source"))
    for m in _COLUMN.finditer(text):
        out.append(Candidate(m.start(1), m.end(1), "Document", m.group(1), "rule:column-title"))
    for m in _FIVE_YEAR_PLAN.finditer(text):
        written = m.group(0)
        if m.group(2).startswith("等"):  # “十四五”等规划, “十四五”等各类规划: the plan, and others like it
            written = f"“{m.group(1)}”{next(k for k in ('规划纲要', '规划建议', '规划') if m.group(2).endswith(k))}"
        entry = ctx.entry(written) or ctx.entry(written.replace("“", "").replace("”", ""))
        name = entry.name if entry else written
        out.append(Candidate(m.start(), m.end(), "Document", name, "rule:five-year-plan", entry))
    planned = {c.start for c in out if c.rule == "rule:five-year-plan"}
    for m in _QUOTED_PLAN_PERIOD.finditer(text):
        if m.start() not in planned:  # not “十四五”规划, found whole above
            written = f"“{m.group(1)}”规划"
            entry = ctx.entry(written) or ctx.entry(f"{m.group(1)}规划")
            out.append(Candidate(m.start(1), m.end(1), "Document", entry.name if entry else written, "rule:five-year-plan", entry))
    for m in _BARE_FIVE_YEAR_PLAN.finditer(text):
        written = m.group(0)
        entry = ctx.entry(written) or ctx.entry(f"“{m.group(1)}”{m.group(2)}")
        name = entry.name if entry else f"“{m.group(1)}”{m.group(2)}"
        out.append(Candidate(m.start(), m.end(), "Document", name, "rule:five-year-plan", entry))
    return out


def titles_in_events(text: str, accepted: list[Candidate], lookup) -> list[Candidate]:
    """``accepted`` with the documents named in 《》 inside an event's name kept as mentions of their
    own (《联合国气候变化框架公约》第二十八次缔约方大会: the convention, and the conference of its
    parties), since the text names both; ``lookup`` finds a title's lexicon entry."""
    spans = {(c.start, c.end) for c in accepted}
    extra = []
    for c in accepted:
        if c.type != "Event" or "《" not in text[c.start : c.end]:
            continue
        for m in _TITLE.finditer(text, c.start, c.end):
            title, span = m.group(1), (m.start(1), m.end(1))
            entry = lookup(title)
            if span in spans or title in GENERIC_TITLES or (entry is not None and entry.type != "Document"):
                continue
            spans.add(span)
            extra.append(Candidate(*span, "Document", entry.name if entry else title, "rule:title", entry))
    return with_nested(accepted, extra)


#: A title about something the text names as well: a report, a decision or a resolution on a law, a session or a policy
#: (关于黄河保护法草案审议结果的报告, 关于修改立法法的决定).
_ABOUT = re.compile(r"关于.+的(?:报告|汇报|决定|决议)(?:草案)?$")


def texts_in_titles(text: str, accepted: list[Candidate], anchors: list[Candidate]) -> list[Candidate]:
    """``accepted`` with what a 关于…的报告 or a 关于…的决定 is about kept as mentions of their own, as the lexicon
    found them (关于黄河保护法草案审议结果的报告: the report, and 黄河保护法, the law it is on; 关于十三届全国人大五次会议
    主席团交付…的报告: the session; 关于数字经济发展情况的报告: the field); ``anchors`` are the lexicon's matches,
    before the title took their place."""
    titles = [c for c in accepted if c.type == "Document" and _ABOUT.match(text, c.start, c.end)]
    return anchors_kept_inside(accepted, anchors, titles)

