"""Policy terms that no lexicon lists, where the text itself marks them as terms.

- Numbered slogans in quotes: “四个面向”, “八个坚持”, “两个毫不动摇” (X个Y), and slogans of parallel
  phrases of one length: “学思想、强党性、重实践、建新功”, “藏粮于地、藏粮于技”; unquoted, three or more right
  after the verb that holds to them: 坚持 | 省际共商、生态共治、全域共建、发展共享.
- Targeted measures, one per unit: 一企一策, 一村一品, 一人一档, quoted or not.
- Terms introduced in quotes that end in a policy head: “东数西算工程”, “科技创新2030—重大项目”
  is not (no head), “双一流”建设 is caught by the lexicon.
- Unquoted named strategies/programmes with a head (…战略, …工程, …计划, …行动, …体制, …机制)
  when the words before the head are themselves a known policy or technology:
  健康中国 + 战略, 人工智能 + 行动, 东数西算 + 工程.
- Named programmes introduced by the verb that launches them: 实施 | 中小企业数字化赋能 | 专项行动,
  开展 | 产业强链补链 | 行动, 实施 | 产业基础再造 | 工程. The words between the verb and the head
  (found with jieba) are the programme's name; a name made only of generic modifiers (重大工程,
  一批重点项目) is not one.
- Systems introduced by the verb that sets them up or reforms them, the same way: 建立 | 农村集体土地征收补偿 | 制度,
  完善 | 知识产权管理 | 体制, 健全 | 城乡社区治理 | 体系; not a system of no name (工作协调机制) or of a kind (相关制度).
"""
from __future__ import annotations

import re

from extractors.rules.base import Candidate, Context, anchors_kept_inside, with_nested
from extractors.rules.wordclass import clause_word
from extractors.textutil import HAN, LIST_JOINS, is_han

#: Policy heads, the compound ones first (a regex takes the first alternative that matches: 体制机制, not 体制).
_HEADS = ("体制机制|制度体系|政策体系|行动计划|行动方案|目标责任制|责任制|"
          "战略|工程|计划|行动|体制|机制|体系|制度|倡议|方针|理念|政策|专项|改革|试点|示范区")
#: Heads after a known policy that name the policy itself (科技金融体制 is 科技金融), not a programme of it.
_THE_POLICY_ITSELF = frozenset("战略 体制 体系 机制 制度 政策 理念 改革 倡议 体制机制 制度体系 政策体系".split())
_NUMBERED = re.compile(rf"“([一二三四五六七八九十两]个[{HAN}]{{2,6}})”")
#: What before a quote says it is a saying, not a slogan (中国有句老话，“一个巴掌拍不响”).
_SAYING_BEFORE = re.compile(r"(?:老话|俗话|谚语|古话|俗语|歇后语|成语)")
#: Slogans of parallel phrases in quotes: “学思想、强党性、重实践、建新功”, “人民至上、生命至上”, “谁审批、谁监管，谁主管、谁监管”.
_PARALLEL = re.compile(rf"“([{HAN}]{{3,5}}(?:[、，][{HAN}]{{3,5}}){{1,5}})”")
#: ... and unquoted, right after the verb that holds to them (坚持|省际共商、生态共治、全域共建、发展共享,
#: 坚持|中央统筹、省负总责、市县抓落实的工作机制): three phrases or more of one length (the last may be one character
#: longer), up to the clause's end or its 的.
_PARALLEL_HELD = re.compile(
    rf"(?:坚持|秉持|秉承|践行|贯彻|遵循|按照|落实|实行|推行|做到|不断)"
    rf"([{HAN}]{{3,5}}(?:、[{HAN}]{{3,5}}){{2,6}})(?=[，。；：的）]|\n|$)"
)
#: What a text says of a slogan right before it: that one holds to it, follows it, or that it is the aim,
#: the principle, the theme (坚持“人民至上、生命至上”, 总要求是“学思想、强党性、重实践、建新功”); not a
#: quoted description (“一江碧水、两岸青山”得到重现).
_SLOGAN_CUE = re.compile(r"(?:坚持|秉持|秉承|贯彻|践行|落实|按照|遵循|方针|原则|理念|口号|主题|要求是|目标是|要求|做到|实现|"
                         r"把握|树立|牢记|弘扬|确立|提出|倡导)[了的是为:：，]?$")
#: Terms in quotes that end in a policy head, and spirits named in quotes (“路易·艾黎精神”, not
#: “弘扬奥林匹克精神”, a verb and what it does).
_QUOTED_HEAD = re.compile(
    rf"“([{HAN}A-Za-z0-9+＋]{{2,16}}(?:{_HEADS})|(?!弘扬|发扬|传承|牢记|点亮|践行|学习|继承)(?:(?!的)[{HAN}·]){{2,8}}精神)”"
)
#: A principle the text holds to, named by what it says before 的方针 or 的基本国策 (坚持全心全意依靠工人阶级的根本方针,
#: 贯彻安全第一、预防为主的方针, 坚持对外开放的基本国策); not 原则 or 宗旨 alone, which follow any description.
_PRINCIPLE = re.compile(rf"(?:坚持|贯彻|实行|执行|遵循|落实)((?:(?![的这该])[{HAN}、“”]){{4,24}}?)的"
                        rf"(?:(?:根本|基本|总)?(?:方针|国策|方略)|(?:根本|基本)(?:原则|宗旨))")
#: What joins a second verb to 坚持 (坚持和发展, 坚持并完善): the object follows both verbs.
_JOINED_VERB = ("和", "与", "并", "及", "和发展", "和完善")
#: Xi Jinping's thought on a subject, named: 习近平网络强国重要思想, 习近平总书记关于…的重要思想.
_IMPORTANT_THOUGHT = re.compile(rf"习近平(?:总书记|同志)?(?:关于[^，。；：、“”\n]{{2,40}}?的|(?:(?!的)[{HAN}]){{2,8}}?)重要思想")
#: A leader's thought on a field, after the leader's name: 毛泽东|军事思想, 江泽民|国防和军队建设思想; not his
#: thinking of the moment (习近平|思想上…), and not a clause (毛泽东|同志的思想).
_THOUGHT_OF = re.compile(rf"((?:(?![的是在和与])[{HAN}]|和(?=[{HAN}]{{2}}建设)){{2,12}}?)思想(?![上中里性家者])")
_HEAD_AFTER = re.compile(rf"(?:{_HEADS})")
#: What makes a known policy China's own when written right before it (中国特色农业现代化); after 有 it only describes
#: it (具有中国特色, 富有中国特色). What may follow the policy as its way: 中国特色城镇化道路, 中国特色粮食安全之路.
_CHINESE_CHARACTERISTICS = "中国特色"
_WAY = re.compile(r"(?:发展道路|道路|之路)")
#: Targeted measures named by their pattern, one per unit (一企一策, 一村一品, 一人一档, 一厂一案); not a
#: programme's time slot (一日一图) nor an idiom (一心一意, which jieba's dictionary knows).
_ONE_PER = re.compile(rf"(?<!一)一([{HAN}])一([策案档单码品])(?![{HAN}]?一)")
_ONE_PER_NOT = frozenset("日天年月周时次")
#: Words after a head that make it a modifier of what follows (战略力量, 战略性, 体系化, 计划经济).
_HEAD_GOES_ON = re.compile(
    r"(?:力量|性|家|地位|意义|高度|布局|眼光|层面|思维|定力|资源|储备|伙伴|对话|支点|要地|方向|化|经济|单列|"
    r"整治|治理|资金|补助|补贴|经费|债|检查|督查|斗争|试点|项目)"  # 长江大保护专项整治: 专项 qualifies 整治; 交通强国专项试点项目
)
#: A count before a term makes it a common noun (一批新能源工程, 4个数字乡村试点).
_COUNTED = re.compile(r"(?:[\d一二三四五六七八九十百千万两几多数]+[个项批家座处类种条]|一批|一系列|若干|多项|各项)$")
#: What after …工程 makes it engineering, a discipline or a job: 增材制造工程技术人员, 航空航天工程专业.
_DISCIPLINE_AFTER = re.compile(r"(?:技术|师|专业|学|系|硕士|博士)")
_GENERIC = frozenset({
    "国家战略", "发展战略", "重大战略", "总体战略", "重点工程", "重大工程", "行动计划", "体制机制", "管理体制", "工作机制",
    "长效机制",
})


def find_policies(ctx: Context) -> list[Candidate]:
    text = ctx.text
    out: list[Candidate] = []

    def add(start: int, end: int, rule: str) -> None:
        name = text[start:end]
        if name not in _GENERIC:
            out.append(ctx.resolved(start, end, "Policy", name, rule))

    for m in _NUMBERED.finditer(text):
        if _SAYING_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # 老话“一个巴掌拍不响”: a saying, no numbered slogan
        add(m.start(1), m.end(1), "rule:policy-slogan")
    for m in _PARALLEL.finditer(text):
        if "、" not in m.group(1):
            continue  # “谁审批、谁监管，谁主管、谁监管” pairs its phrases with 、; a comma alone joins clauses
        parts = re.split("[、，]", m.group(1))
        if len({len(p) for p in parts}) == 1 and (len(parts) >= 3 or len(parts[0]) >= 4) \
                and not any("的" in p for p in parts) \
                and _SLOGAN_CUE.search(text, max(0, m.start() - 8), m.start()):  # not “怕出错、不敢闯”, a mood
            add(m.start(1), m.end(1), "rule:policy-slogan")  # phrases of one length, side by side: a slogan
    for m in _PARALLEL_HELD.finditer(text):
        parts = m.group(1).split("、")
        if len({len(p) for p in parts[:-1]}) == 1 and abs(len(parts[-1]) - len(parts[0])) <= 1 \
                and not any("的" in p for p in parts) \
                and not any((a := ctx.anchor_at(k)) is not None and a.end == k + len(p)
                            for k, p in _starts(m.start(1), parts)):
            add(m.start(1), m.end(1), "rule:policy-slogan")  # not 坚持|乡村振兴、…: a list of known policies
    for m in _PRINCIPLE.finditer(text):
        start, end = m.start(1), m.end(1)
        if text[start] == "“" and text[end - 1] == "”" and "“" not in text[start + 1 : end - 1]:
            start, end = start + 1, end - 1  # “和平统一、一国两制”的基本方针: the principle without its quotes
        if _names_a_principle(ctx, start, end):
            add(start, end, "rule:policy-principle")
    for m in _ONE_PER.finditer(text):
        if m.group(1) not in _ONE_PER_NOT and ctx.word_frequency(m.group()) == 0 and ctx.anchor_inside(m.start()) is None:
            add(m.start(), m.end(), "rule:policy-slogan")
    for m in _IMPORTANT_THOUGHT.finditer(text):
        add(m.start(), m.end(), "rule:policy-thought")
    for a in ctx.anchors:  # 毛泽东军事思想, 邓小平新时期军队建设思想, 江泽民国防和军队建设思想
        if a.type == "Person" and (m := _THOUGHT_OF.match(text, a.end)) is not None \
                and not any(clause_word(w) for w in ctx.segment(m.group(1))):
            add(a.start, m.end(), "rule:policy-thought")
    for m in _QUOTED_HEAD.finditer(text):
        if "是" in ctx.segment(m.group(1)):
            continue  # “党的领导制度是我国的根本领导制度”: a sentence, not a term
        start = m.start(1)
        stripped = True
        while stripped:  # “实施健康中国战略” names 健康中国战略; “推动建立…机制”, “加快发展…体系”: every verb
            stripped = False
            for verb in _QUOTED_VERBS:
                if text.startswith(verb, start) and m.end(1) - start - len(verb) >= 4:
                    start += len(verb)
                    stripped = True
                    break
        add(start, m.end(1), "rule:policy-quoted")
    # a known policy or technology followed directly by a head: 健康中国战略, 人工智能行动. Not a
    # place: 美国计划于…, 天津计划培育…, 乌克兰战略要地 read the head as a verb or an adjective
    for a in ctx.anchors:
        if a.type not in ("Policy", "Technology"):
            continue
        m = _HEAD_AFTER.match(text, a.end)
        if m is None or _HEAD_GOES_ON.match(text, m.end()):
            continue  # 农业科技战略力量: 战略 qualifies what follows
        lo, hi = ctx.sentence_bounds(a.start)
        if not ctx.stands_alone(a.start, m.end(), lo, hi) or _DISCIPLINE_AFTER.match(text, m.end()):
            continue  # 深度学习工程师 is no 深度学习工程, 增材制造工程技术人员 no 增材制造工程
        if _COUNTED.search(text, max(lo, a.start - 6), a.start):
            continue  # 一批新能源工程, 35项生态文明试点: a count of things of a kind, not one named policy
        if a.type != "Policy" and m.group() not in ("战略", "工程", "计划", "行动", "倡议", "专项", "行动计划", "目标责任制",
                                                    "责任制"):
            continue  # 节能环保目标责任制: a field's system of responsibility is a policy, its 体系 or 机制 not named so
        if a.type == "Technology" and m.group() == "工程" and ctx.entry(text[a.start : m.end()]) is None:
            continue  # 核电工程, 特高压输电工程, 轨道交通工程: works of a kind, not a named programme
        name = text[a.start : m.end()]
        entry = ctx.entry(name)
        if entry is not None:
            out.append(Candidate(a.start, m.end(), entry.type, entry.name, "rule:policy-head", entry))
        elif a.type == "Policy" and m.group() in _THE_POLICY_ITSELF:
            # 科技金融体制 is the policy 科技金融 itself, written with its head
            out.append(Candidate(a.start, m.end(), "Policy", a.name, "rule:policy-head", a.entry))
        else:
            out.append(Candidate(a.start, m.end(), "Policy", name, "rule:policy-head"))
    for a in [*ctx.anchors, *out]:  # 中国特色农业现代化, 中国特色涉外法治理念: a policy the text calls China's own
        if a.type == "Policy" and a.start >= 4 and text.startswith(_CHINESE_CHARACTERISTICS, a.start - 4) \
                and not a.name.startswith("社会主义") and text[a.start - 5 : a.start - 4] != "有" \
                and not text.startswith("式", a.end):  # 具有中国特色; 中国特色军民融合式发展路子
            m = _WAY.match(text, a.end)  # 中国特色城镇化道路, 中国特色粮食安全之路
            add(a.start - 4, a.end if m is None else m.end(), "rule:policy-chinese")
    return out


_PROGRAMME_HEAD = re.compile(
    r"(?:专项行动|行动计划|行动方案|攻坚行动|提升行动|攻坚战|行动|工程|计划|科技重大专项|重大专项|综合试点|试点|命运共同体)"
)
_LEADING_GENERIC = frozenset(
    "一批 若干 一系列 系列 多项 一项 两项 重点 重大 新一轮 一轮 多轮 新 各项 一些 更多 一大批 新一批 好 全年 年度 "
    "参与 参加 支持 推动 促进 加强 推进 开展 实施 落实 组织 启动 深化 做好 抓好 积极 大力 全面 深入 持续".split()
)
#: Verbs that launch a programme; the programme's name starts right after one of them.
_LAUNCH = frozenset(
    "实施 开展 推进 推动 启动 组织 落实 部署 发起 制定 印发 出台 深化 加强 强化 打造 构建 坚持 贯彻 执行 "
    "继续 持续 全面 大力 积极 加快 着力 扎实 深入 开始 正式 率先 首次 完成 打好 打赢 抓好 做好 用好 "
    "深入实施 组织实施 加快实施 全面实施 启动实施 继续实施 持续实施 实施了 开展了 启动了 完成了 "
    "搞好 推开 铺开 扩大 扩围 推广 进行 共筑 携手构建 共同构建 推动构建".split()
)
#: Those verbs, longest first, as they may begin a name jieba cut in pieces (共|筑|人类命运共同体).
_LAUNCH_PREFIXES = sorted((v for v in _LAUNCH if len(v) >= 2), key=len, reverse=True)
#: Verbs that may open a quoted policy term without being part of it, longest first.
_QUOTED_VERBS = sorted(_LAUNCH | {"建立", "健全", "完善", "建立健全", "发展", "建设", "构建", "促进", "推进", "优化", "探索"},
                       key=len, reverse=True)
#: How what stands before 的方针 starts when it is a verb's object, not a principle's name.
_NOT_A_PRINCIPLE_START = (*_JOINED_VERB, *_QUOTED_VERBS, "实行")
_FUNCTION = frozenset(
    "的 和 与 及 或 并 是 有 了 着 过 其 该 各 这 那 以 为 把 将 在 对 等 由 从 向 于 用 作为 通过 围绕 依托 按照 根据 关于 对于 "
    "针对 到 至".split()
)
#: Words that count or qualify, inside a programme's would-be name: the name starts after them
#: (服务 新一轮 | 千亿斤粮食产能提升行动), and right before the head they make a class (食物节约各项行动).
_QUANTIFIERS = frozenset("一批 新一批 一大批 新一轮 一轮 多轮 更多 各项 各类 多项 一系列".split())
#: Words that rank a thing among others of its kind, right before the head: 重要工程, 重点行动.
_RANKING = frozenset("重要 重大 重点 关键 主要 标志性 基础性 骨干".split())
#: A demonstrative and its measure word right before the head: what comes before is called so, not named so.
_DEMONSTRATIVES = frozenset("这场 这一 这个 这项 这些 那场 这次 此次 本次 该项".split())
#: An army's operations, not programmes: 地面行动, 特别军事行动, 空袭行动.
_MILITARY = re.compile(r"(?:地面|军事|空中|空袭|海上|反攻|进攻|清剿|围剿|封锁|打击)行动$")
_QUANTIFIER_PREFIXES = sorted(_QUANTIFIERS, key=len, reverse=True)
#: A count or a pronoun at the start of a programme's would-be name is not part of it.
_LEADING_COUNT = re.compile(
    r"^(?:[近约超]?第?[\d一二三四五六七八九十百两几]+[多余]?[期批轮项个类次届]|首批|首轮|我国|我军|我们|我省|我市|我区|本|其|该|此)"
)
_GENERIC_TOKENS = frozenset(
    "重大 重点 若干 一批 一系列 系列 有关 相关 各项 各类 多项 一项 两项 这些 新 新一轮 国家 国家级 省级 专项 综合 "
    "示范 试点 建设 发展 工作 项目 改革 创新 科技 基础 民生 重要 主要 一般 具体 总体 整体 相应 配套 全面 "
    "联合 军事 封控 演训 作战 巡航 规划 计划 行动 工程 培养 打击 整治 监督 检查 监督检查 巡查 排查 清理 执法 督查 "
    "帮扶 救援 灾后 救灾 救助 援助".split()
)
#: Verbs of reaching a goal, at the start of a would-be programme: the goal is what is named.
_GOAL_VERBS = ("实现", "确保", "夺取", "赢得", "取得", "完成")
#: A count of more than one at the start (25个, 三个): the things counted are of a kind.
_COUNT_OF_MANY = re.compile(r"^(?:\d+|[两三四五六七八九十百几]+)[多余]?个")
#: A year before a programme's name dates this year's round of it (2023年|大学生志愿服务西部计划).
_LEADING_YEAR = re.compile(r"^(?:19|20)\d\d年度?")


def _starts(start: int, parts: list[str]) -> list[tuple[int, str]]:
    """Where each of ``parts``, written one after another with one mark between them from ``start``, begins."""
    out = []
    for p in parts:
        out.append((start, p))
        start += len(p) + 1
    return out


def _names_a_principle(ctx: Context, start: int, end: int) -> bool:
    """Is what stands before 的方针 (的基本国策 …) at ``text[start:end]`` a principle's own name?"""
    named = ctx.text[start:end]
    if named.startswith(_NOT_A_PRINCIPLE_START):
        return False  # 坚持|和发展中国特色社会主义的基本方略; 遵循|健全政府间财政关系的基本原则: a verb's object
    known_inside = any(ctx.anchor_at(k) is not None for k in range(start, end)) or ctx.anchor_inside(start) is not None
    if "“" in named and known_inside:
        return False  # “外防输入、内防反弹”总策略和“动态清零”: named policies quoted, and what the text says of them
    parts = [p for p in re.split(r"[、和与及“”]+", named) if p]
    if len(parts) > 1:
        return 2 * sum(ctx.entry(p) is not None for p in parts) < len(parts)  # not “一国两制”、“港人治港”、高度自治
    return not known_inside  # not 党领导人民军队, 寄希望于台湾人民: a clause about a known name


def find_programmes(ctx: Context) -> list[Candidate]:
    """Programmes named right after the verb that launches them (实施中小企业数字化赋能专项行动)."""
    text = ctx.text
    out: list[Candidate] = []
    for m in _PROGRAMME_HEAD.finditer(text):
        lo, hi = ctx.sentence_bounds(m.start())
        name_tokens, launched = _words_after_verb(ctx, lo, m.start(), _LAUNCH)
        if name_tokens and (name_tokens[-1] in _QUANTIFIERS or name_tokens[-1] in _RANKING):
            continue  # 食物节约各项行动, 拉萨山南一体化重要工程: a class, ranked
        if name_tokens and name_tokens[-1] in _DEMONSTRATIVES:
            continue  # 打好党风廉政建设和反腐败斗争这场攻坚战: the policy, called a battle, is named before 这场
        for k in range(len(name_tokens) - 1, -1, -1):
            if name_tokens[k] in _QUANTIFIERS:
                name_tokens = name_tokens[k + 1 :]
                break
        while name_tokens and name_tokens[0] in _LEADING_GENERIC and name_tokens[1:2] != ["时代"]:
            name_tokens.pop(0)  # 重点|…; but 新|时代兴边富民行动 is the programme's name
        if not launched or not name_tokens:
            continue
        name = "".join(name_tokens)
        verb = next((v for v in _LAUNCH_PREFIXES if name.startswith(v) and len(name) - len(v) >= 2), "")
        name = name[len(verb) :]  # 共筑|人类命运共同体: a verb jieba cut in pieces (共|筑)
        name = name[next((len(q) for q in _QUANTIFIER_PREFIXES if name.startswith(q)), 0) :]  # 更|多|惠民
        if name.startswith(_GOAL_VERBS):
            continue  # 打好|实现建军一百年奋斗目标攻坚战: a battle for a goal, which is named (建军一百年奋斗目标)
        if _COUNT_OF_MANY.match(name):
            continue  # 实施了25个生态保护修复试点工程: many of a kind, no one programme
        name = _LEADING_COUNT.sub("", name)  # 四期|国家人权行动计划, 我军|建设规划计划
        name = _LEADING_YEAR.sub("", name)  # 2023年|大学生志愿服务西部计划
        words = ctx.segment(name)
        if len(name) < 4 or all(t in _GENERIC_TOKENS or len(t) == 1 for t in words):
            continue  # 重大工程, 一批重点项目, 建设规划计划: modifiers, no name
        if "专项" in words and all(t in _GENERIC_TOKENS for t in words[len(words) - words[::-1].index("专项"):]):
            continue  # 消防产品专项监督检查行动: what a campaign does, described, not its name
        if _MILITARY.search(text[max(lo, m.end() - 8) : m.end()]):
            continue  # 加沙地带地面行动: an army's operation
        start = m.start() - len(name)
        if not ctx.stands_alone(start, m.end(), lo, hi):
            continue
        out.append(ctx.resolved(start, m.end(), "Policy", text[start : m.end()], "rule:policy-programme"))
    return out


def _words_after_verb(ctx: Context, lo: int, head: int, verbs: frozenset[str]) -> tuple[list[str], bool]:
    """The words between one of ``verbs`` and ``head`` in the clause before it (at most 18 characters), and
    whether such a verb stands there: 实施|中小企业数字化赋能|专项行动, 建立|企业职工基本养老保险基金中央调剂|制度.
    The walk back stops at a function word or a mark (…的|…, “…)."""
    text = ctx.text
    left = max(lo, head - 18)
    clause = text[left:head]
    cut = max(clause.rfind(p) for p in "，、；：“”（）《》 ")
    if cut >= 0:
        clause = clause[cut + 1 :]
    tokens = ctx.segment(clause) if clause else []
    words: list[str] = []
    for i in range(len(tokens) - 1, -1, -1):
        tok = tokens[i]
        if tok in verbs:
            return words, True
        if i > 0 and len(tok) == 1 and tokens[i - 1] + tok in verbs:
            return words, True  # 打|好, 抓|好: a verb and its complement, which the segmenter may cut apart
        if tok in _FUNCTION or not (is_han(tok[0]) or (tok[0].isascii() and tok[0].isalnum())):
            break
        words.insert(0, tok)
    return words, False


#: Heads of a system a policy sets up; not where the head goes on into another word (制度化, 机制性) or names the
#: system's reform (体制改革).
_SYSTEM_HEAD = re.compile(r"(?:制度|机制|体制|体系)(?![化性上中内外改])")
#: Verbs that set up, reform or carry out a system; the system's name starts right after one of them.
_SYSTEM_VERBS = frozenset(
    "建立 健全 完善 建立健全 健全完善 建立和完善 推行 实行 施行 试行 深化 构建 落实 探索 探索建立 加快建立 形成 "
    "改革 创新 全面推行 全面实行 全面建立 逐步建立 普遍建立 初步建立 实施 执行 推广 坚持和完善 改进 优化".split()
)
#: Words that say what kind of system it is, not which one (工作机制, 管理制度, 长效机制): a name made only of
#: them, or of them and the generic tokens of programmes, names none.
_SYSTEM_GENERIC = frozenset(
    "工作 管理 长效 协调 保障 监督 考核 评价 考核评价 运行 激励 约束 激励约束 责任 问责 责任追究 奖惩 联动 协同 "
    "沟通 对话 合作 交流 会商 议事 决策 领导 组织 体制 机制 制度 体系 相关 有关 配套 内部 基本 基础 现代 新型 "
    "科学 规范 有效 完善 健全 统一 常态化 制度化 长期 稳定 多元 多元化 市场化 社会化 法治 法律 政策 规章 "
    "风险 防控 预警 应急 响应 处置 反馈 信息 共享 公开 报告 登记 备案 审查 审批 评估 监测 监管 调查 统计 "
    "投入 分配 补偿 分担 调整 退出 准入 选拔 任用 培养 引进 使用 服务 治理 各项 各类 各级 一系列".split()
)
#: Words right before a system's head that make it the systems of a kind (相关制度, 配套制度, 各项制度, 贸易投资领域体制机制).
_OF_A_CLASS = frozenset("相关 有关 配套 各项 各类 等 其他 其它 一系列 多项 基础性 领域".split())
#: The heads themselves, as words before another head (体制|机制, 制度|体系).
_SYSTEM_WORDS = frozenset("制度 机制 体制 体系".split())


def find_systems(ctx: Context) -> list[Candidate]:
    """Systems named right after the verb that sets them up or reforms them (建立|农村最低生活保障|制度,
    完善|生态保护补偿|机制, 推行|医生多点执业|制度, 深化|投融资|体制, 健全|城乡社区治理|体系). Not a system of no name (完善|工作机制,
    健全|考核评价|制度), nor one a count or a demonstrative makes a class."""
    text = ctx.text
    out: list[Candidate] = []
    for m in _SYSTEM_HEAD.finditer(text):
        lo, hi = ctx.sentence_bounds(m.start())
        words, set_up = _words_after_verb(ctx, lo, m.start(), _SYSTEM_VERBS)
        if not set_up and words:
            begin = m.start() - sum(map(len, words))
            set_up = _after_listed_systems(ctx, lo, begin)  # 完善激励机制和|容错纠错机制: the last of systems set up by one verb
        while words and (words[0] in _LEADING_GENERIC and words[0] not in _RANKING or words[0] in _QUANTIFIERS) \
                and words[1:2] != ["时代"]:
            words.pop(0)  # 加强|…, 一批|…; but 重点物资运输车辆通行证制度 and 新时代…制度体系 are one system's name
        last = words[-2] if len(words) > 1 and words[-1] in _SYSTEM_WORDS else words[-1] if words else ""
        if not set_up or not words or last in _RANKING or last in _DEMONSTRATIVES or last in _OF_A_CLASS:
            continue  # 注册制相关制度, 这项制度, 领域体制机制: systems of a kind, or one the text has named before
        if ctx.anchor_ending_at(m.end()) is not None or ctx.anchor_inside(m.end()) is not None:
            continue  # 大通关合作机制, 最严格的耕地保护制度: the lexicon names the system with its head
        name = "".join(words)
        if _COUNT_OF_MANY.match(name) or re.match(r"[约近超\d]", name):
            continue  # 302项制度: many systems of a kind
        name = _LEADING_COUNT.sub("", name)  # 我国|新型政党制度
        if len(name) < 4 or all(w in _SYSTEM_GENERIC or w in _GENERIC_TOKENS or len(w) == 1 for w in words):
            continue  # 完善|工作|机制, 健全|考核评价|制度: what kind of system, not which
        if any(w in _SYSTEM_VERBS or w in _LAUNCH for w in words[1:]):
            continue  # 建立|健全…: a second verb, a clause
        start = m.start() - len(name)
        if (known := ctx.anchor_at(start)) is not None and known.end == m.start():
            continue  # 构建|循环经济|体系: a known policy and its head, read as the policy itself (find_policies)
        if not ctx.stands_alone(start, m.end(), lo, hi):
            continue
        out.append(ctx.resolved(start, m.end(), "Policy", text[start : m.end()], "rule:policy-system"))
    return out


#: What joins systems listed after one verb.
_SYSTEM_JOINS = "和及与、"


def _after_listed_systems(ctx: Context, lo: int, begin: int) -> bool:
    """Does a list of systems set up by one verb end right before ``begin`` (建立健全利益协调机制、诉求表达机制和|…)?"""
    text = ctx.text
    for _ in range(6):
        if begin < 3 or text[begin - 1] not in _SYSTEM_JOINS or text[begin - 3 : begin - 1] not in _SYSTEM_WORDS:
            return False
        head = begin - 3
        words, set_up = _words_after_verb(ctx, lo, head, _SYSTEM_VERBS)
        if not words:
            return False
        if set_up:
            return True
        begin = head - sum(map(len, words))
    return False


def anchors_in_systems(accepted: list[Candidate], anchors: list[Candidate]) -> list[Candidate]:
    """``accepted`` with what a system found by its verb is made of kept as the lexicon found it (职业教育经费投入机制:
    the system, and 职业教育; 香港特区选举制度: 香港)."""
    return anchors_kept_inside(accepted, anchors, [c for c in accepted if c.rule == "rule:policy-system"])


#: What after a policy makes a longer name that still means it: its campaign, its policies, its system, its
#: strategic whole (种业振兴|行动, 耕地保护|制度, 中华民族伟大复兴|战略全局). Not its pilots (公立医院改革试点 is
#: read as the pilot alone).
_STILL_THE_POLICY = re.compile(r"(?:行动|政策|制度|战略全局)$")
#: The shortest half of two policies written together (碳达峰|碳中和).
_SHORTEST_HALF = 3


def policies_inside(text: str, accepted: list[Candidate], lookup) -> list[Candidate]:
    """``accepted`` with the policy a longer policy's name is made of kept as a mention of its own: the
    policy before its campaign or its system (种业振兴行动 names 种业振兴 too), and two policies written
    together (碳达峰碳中和: 碳达峰, 碳中和; 丝绸之路经济带和21世纪海上丝绸之路); ``lookup`` finds a form's
    lexicon entry.
    Not the parts of a slogan or of a reform (不敢腐、不能腐、不想腐; 投资审批制度改革), which annotators
    and readers take whole."""
    spans = {(c.start, c.end) for c in accepted}
    extra = []

    def add(start: int, end: int, outer: Candidate) -> None:
        entry = lookup(text[start:end])
        if entry is not None and entry.type == "Policy" and entry.name != outer.name and (start, end) not in spans:
            extra.append(Candidate(start, end, "Policy", entry.name, "rule:policy-inside", entry))

    for c in accepted:
        if c.type != "Policy":
            continue
        written = text[c.start : c.end]
        if (m := _STILL_THE_POLICY.search(written)) is not None and m.start() >= 2:
            add(c.start, c.start + m.start(), c)
            continue
        for k in range(_SHORTEST_HALF, len(written) - _SHORTEST_HALF + 1):
            # glued (碳达峰碳中和) or joined by a conjunction (丝绸之路经济带和21世纪海上丝绸之路)
            gap = 1 if written[k] in LIST_JOINS else 0
            first, second = lookup(written[:k]), lookup(written[k + gap :])
            if first is not None and second is not None and first.type == second.type == "Policy":
                add(c.start, c.start + k, c)
                add(c.start + k + gap, c.end, c)
                break
    return with_nested(accepted, extra)
