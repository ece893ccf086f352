"""People: by their titles, bylines and speaker lines.

- Title before the name: 部长阴和俊, 主任王韬认为, 教授许能贵表示 (the name must be followed by a
  boundary: a reporting verb, punctuation, 同志 …).
- Title after the name, with a clean left edge: 天津大学精仪学院黄显教授, 习近平总书记.
- Bylines: （作者系…） does not name anyone; 作者：刘冬梅，… ；杨洋，…, 作者高绍林系…，黄鹤系…,
  ◎许竹青、张淑慧, 评荐：吴爱祥（…）, and a paragraph that is nothing but names (杨娟、杜帅).
- Speaker lines in meeting digests: 张希全国人大代表、中国科学院院士、吉林大学校长 …
- Transliterated names with a middle dot: 斯图尔特·罗素.
- A name right before an institution and a title (李希义中共中央政治局常委), or glued after a headline
  the PDF printed three or four times (…路径…路径…路径宋德雄党的二十届三中全会).

A candidate that is a common word in jieba's dictionary (和平, 高校) is not a name.
"""
from __future__ import annotations

import re
from typing import Iterator

from extractors.names import COMMON_SURNAMES, TRANSLIT, TRANSLIT_MEDIAL, looks_like_name, name_ends
from extractors.rules.base import Candidate, Context
from extractors.rules.wordclass import CLAUSE_TAGS, NAME_TAGS, VERB_TAGS, common_non_name, known_name, tag
from extractors.textutil import HAN, is_han

TITLES = (
    # an official's assistant, before the office it assists (市长|助理 is no mayor)
    "部长助理|省长助理|市长助理|总统助理|国务卿助理|院长助理|校长助理|总经理助理|"
    "中共中央总书记|国家主席|总书记|副主席|主席|副总统|总统|副总理|总理|国务委员|委员长|"
    "党组书记|党委书记|副书记|书记|副部长|部长|副局长|局长|副主任|执行主任|主任|副厅长|厅长|"
    "副省长|省长|副市长|市长|县长|区长|司长|处长|副院长|院长|执行所长|副所长|所长|副校长|校长|"
    "董事长|总经理|总裁|首席执行官|首席科学家|首席专家|副理事长|理事长|副会长|会长|秘书长|"
    "执行主编|常务副主编|副主编|主编|总编辑|社长|讲席教授|特聘教授|副教授|教授|副研究员|助理研究员|"
    "研究员|院士|博士|博导|专家|学者|人大代表|代表|政协委员|委员|常委|新闻发言人|发言人|"
    "总工程师|高级工程师|工程师|主任医师|创始人|负责人|记者|通讯员|顾问|大使|参赞|领事|"
    # titles of foreign and international office, as the news writes them
    "外交部长|外长|国防部长|防长|首相|议长|国务卿|总督|总干事|行长|总裁|国王|女王|王储|亲王|埃米尔|苏丹|"
    "司令员|司令|政委|参谋长|大法官|检察长|主任委员|特使|发言人|领袖|党首"
)
#: Occupations the news names people by, like titles (村民王秀英说, 首席经济学家李明认为): before a name,
#: never after one (a name must be followed by what may follow a name).
OCCUPATIONS = (
    "首席经济学家|经济学家|科学家|分析师|研究人员|工程师|技术员|设计师|总监|经理|总经理助理|厂长|站长|馆长|台长|队长|"
    "机长|船长|店长|园长|村支书|支书|村民|农民|牧民|渔民|工人|职工|员工|医生|护士|教师|老师|班主任|学生|研究生|"
    "运动员|选手|小将|名将|老将|新秀|组合|队员|队友|搭档|球员|棋手|教练员|主教练|教练|志愿者|快递员|外卖员|网格员|民警|辅警|消防员|指战员|战士|飞行员|航天员|党员|居民|市民|游客|"
    "企业家|创业者|负责人|讲解员|非遗传承人|传承人|演员|歌手|作家|画家|律师|法官|检察官|警官|夫人|遗孀|"
    # people the news introduces by what they grow, where they came back from, what they are to a family
    "种粮大户|养殖大户|大户|养殖户|农户|果农|茶农|菜农|返乡青年|青年|大学生|老党员|老兵|退役军人|村干部|村医|乡村医生|"
    "护林员|巡护员|店主|摊主|商户|船员|乘客|旅客|患者|家长|母亲|父亲|妻子|丈夫|科研人员|科技特派员|技术人员|"
    "第一书记|驻村第一书记|名叫|叫做|他叫|她叫|我叫"
)
_TITLE_BEFORE = re.compile(rf"(?:{TITLES})(?:、(?:{TITLES}))*")
_OCCUPATION_BEFORE = re.compile(rf"(?:{OCCUPATIONS})")
_TITLE_AFTER = re.compile(
    r"(?:总书记|同志|先生|女士|教授|副教授|院士|研究员|博士|主席|总理|委员长|部长|局长|校长|院长|常委|"
    r"所长|主任|书记|董事长|理事长|代表|委员|专家|记者)"
)
#: What may follow a name: reporting verbs, verbs of what officials do, dates, punctuation,
#: particles, a title.
_AFTER_NAME = re.compile(
    r"(?:表示|认为|指出|强调|介绍|说|称|提出|建议|坦言|透露|谈到|谈及|回忆|忆及|发表|主持|出席|会见|会谈|正在|"
    r"考察|调研|在|向|对|同志|等|的|和|与|及|也|则|还|就|曾|此前|日前|近日|今天|分析|解释|呼吁|希望|"
    r"告诉|接受|答|作|做|率|带领|一行|亲自|预计|补充|举例|坦承|直言|宣布|主张|撰文|署名|系|是|"
    r"夺得|获得|荣获|摘得|夺冠|包揽|打破|卫冕|击败|战胜|凭借|凭|以|首次|再次|成功|一举|率队|带队|领衔|搭档|联手|"
    r"来到|前往|抵达|签署|签发|陪同|参加|参观|出访|访问|视察|慰问|致电|致信|致辞|致贺|互致|通话|举行|"
    r"先后|分别|随后|当天|当日|今日|昨天|近期|至今|一直|始终|依然|仍然|已经|曾经|多年来|每天|经常|总是|从小|刚刚|"
    r"带头|开起|开办|创办|回到|返回|回乡|返乡|种植|养殖|经营|发现|决定|开始|打算|准备|负责|坚持|带着|拿着|家里|家中|"
    r"今年|去年|每年|笑着|感慨|报道|发自|摄|"
    r"[0-9０-９]|[一二三四五六七八九十]+[日月]|"
    r"[，。、；：！？,.;:!?（(）)“”/／\s]|$)"
)
_BYLINE_KEY = re.compile(r"(?:作者|撰文|文|记者|通讯员|评荐|主讲|讲述|口述|整理|编辑|供稿)[：:]?\s*")
_BYLINE_PAREN = re.compile(r"[（(][^（）()]*?(?:作者|记者|来源)[^（）()]*[）)]")
_ITEM_START = re.compile(r"(?:[：:；;、，,]|作者|记者|系)")
_FOREIGN_LEFT_TRIM = set("与和同对向在的是据及等为被把让给跟称说于从由以将了曾也都还就前后时年")
_BYLINE_ITEM_END = frozenset("，,、；;：:系（(）) \t\n\u3000")
_NAME_LINE_MARK = re.compile(r"[◎○■●]\s*")
_SPEAKER_TITLE = re.compile(r"(?:全国人大代表|全国政协委员|全国政协常委|中国科学院院士|中国工程院院士|两院院士|院士|教授|研究员)")


def find_persons(ctx: Context, institution_ends: set[int]) -> list[Candidate]:
    """Person candidates; ``institution_ends`` are ends of institution candidates already found,
    so that 天津大学精仪学院 黄显 教授 has a clean left edge."""
    spans = [
        *_after_titles(ctx),
        *_after_occupations(ctx),
        *_foreign_after_titles(ctx),
        *_foreign_before_titles(ctx),
        *_appointed(ctx),
        *_before_titles(ctx.text, institution_ends),
        *_in_bylines(ctx.text),
        *_on_own_lines(ctx),
        *_before_institution_titles(ctx),
        *_after_repeated_headlines(ctx),
        *_before_reporting_verbs(ctx.text),
        *_in_personal_contexts(ctx.text),
        *_foreign_before_reporting_verbs(ctx),
    ]
    out = [c for c in (_accept(ctx, *span) for span in spans) if c is not None]
    out.extend(_foreign_names(ctx.text, ctx.word_frequency, ctx.anchor_ending_at))
    out.extend(_spaced_names(ctx))
    out.extend(_team_members(ctx))
    out.extend(_counted_lists(ctx))
    out.extend(_winners(ctx))
    out.extend(_listed_after(ctx, [*out, *(a for a in ctx.anchors if a.type == "Person")]))
    return out


def _ends_list_item(ctx: Context, e: int) -> bool:
    """After a listed name: the next item's 、, what may follow a name, or a verb, adverb,
    preposition or pronoun (兰天辰|包揽, 黄雅琼|以, 张强|都)."""
    text = ctx.text
    if text[e : e + 1] == "、" or _AFTER_NAME.match(text, e) or _TITLE_AFTER.match(text, e):
        return True
    words = ctx.segment(text[e : e + 6])
    return bool(words) and (tag(words[0]) in VERB_TAGS | CLAUSE_TAGS or words[0] in _FUNCTION_AFTER
                            or words[0] in _ONE_CHARACTER_AFTER or words[0] in _PAIR_AFTER)


#: One-character words jieba's tags do not cover here (its tags are read for words of two or more).
_ONE_CHARACTER_AFTER = frozenset("以并又均各分获夺")
#: Words that speak of the people just listed together (郑钦文和朱琳|之间展开, 张三和李四|两人).
_PAIR_AFTER = frozenset({"之间", "两人", "二人", "俩人", "三人", "夫妇", "母女", "父子", "兄弟", "姐妹"})


#: What joins the names of a list (选手张子扬、兰天辰; 郑思维和黄雅琼; 组合薛晨/夏欣怡).
_LIST_JOINS = ("、", "和", "与", "/", "／")
#: Conjunctions that may stand between two names, and so end no name before another (苏辉|和郑建邦).
_JOINS_NAMES = frozenset("和与及")
#: A team named by its members: 由刘疆驰、吴云轩、韩旭组成的中国队, 由3名“00后”选手韩佳予、夏思钰和张琼月组成.
_TEAM = re.compile(rf"由(?:[\d一二三四五六七八九十]+名)?(?:“[^“”\n]{{1,6}}”)?(?:选手|运动员|队员|小将|老将|名将)?"
                   rf"((?:[{HAN}]{{2,4}}[、和与/／]){{1,9}}[{HAN}]{{2,4}})(?:等[\d一二三四五六七八九十]*人)?组成")


def _team_members(ctx: Context) -> list[Candidate]:
    """由刘疆驰、吴云轩、韩旭组成的中国队: a list of names a team, a crew or a panel is made of. Every
    item must be a name (no word, no place: 由中国、俄罗斯组成 is no list of people), or none is taken."""
    out = []
    for m in _TEAM.finditer(ctx.text):
        out += _every_item_a_name(ctx, m.start(1), re.split(r"[、和与/／]", m.group(1)),
                                  lambda i, item: i + len(item) in name_ends(ctx.text, i) and ctx.anchor_at(i) is None)
    return out


def _every_item_a_name(ctx: Context, start: int, items: list[str], may_be_name) -> list[Candidate]:
    """The items of a list written from ``start`` (one separator character between them) as people, if
    every one passes ``may_be_name(position, item)`` and is accepted as a name; otherwise none."""
    found, i = [], start
    for item in items:
        c = _accept(ctx, i, i + len(item), "rule:person-list", True) if may_be_name(i, item) else None
        if c is None:
            return []
        found.append(c)
        i += len(item) + 1
    return found


#: A list of names closed by their count (马丽、扎庚、…、韩宇南等10名同志获得…称号): the count says every item is one.
_COUNTED_LIST = re.compile(
    rf"(?:^|(?<=[，。；：“\n]))((?:[{HAN}]{{2,3}}、){{2,40}}[{HAN}]{{2,3}})等([\d一二三四五六七八九十]+)(?:名|位|人)")
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _count(written: str) -> int | None:
    """10, 十, 十二, 二十三 as a number (up to 99)."""
    if written.isdigit():
        return int(written)
    tens, _, ones = written.rpartition("十")
    if "十" not in written:
        return _DIGITS.get(written)
    return (_DIGITS.get(tens, 0) if tens else 1) * 10 + (_DIGITS.get(ones, 0) if ones else 0)


def _counted_lists(ctx: Context) -> list[Candidate]:
    """Names listed and then counted (…、韩宇南等10名同志): as many items as the count, each of two or three
    characters, none a word of the dictionary or an entity of another type; else none is taken. Names
    listed before 等人 (陈思远、刘梓萱等人; 等同志, 等专家 …) the same way, where each starts with one of the common
    surnames or is a known person."""
    out = []
    for m in _COUNTED_LIST.finditer(ctx.text):
        items = m.group(1).split("、")
        if _count(m.group(2)) == len(items):
            out += _listed_names(ctx, m.start(1), items, surnames=False)
    for m in _PEOPLE_LIST.finditer(ctx.text):
        out += _listed_names(ctx, m.start(1), m.group(1).split("、"), surnames=True)
    return out


#: Names listed before what says they are people (陈思远、刘梓萱等人, 王军、李红等同志), after punctuation or
#: a word that opens a list (包括, 还有, 其中).
_PEOPLE_LIST = re.compile(
    rf"(?:(?<=[，。；：“\n])|(?<=包括)|(?<=还有)|(?<=其中)|^)((?:[{HAN}]{{2,3}}、){{1,40}}[{HAN}]{{2,3}})"
    r"等(?:人|同志|专家|学者|院士|代表|委员|选手|运动员|队员)(?![口民才员工类力群士文事体格生性权心气情家间物数选种道团组处作会队部室])",
    re.M)


def _listed_names(ctx: Context, start: int, items: list[str], *, surnames: bool) -> list[Candidate]:
    found, i = [], start
    for item in items:
        entry = ctx.entry(item)
        if (entry is not None and entry.type != "Person") or (
                entry is None and ctx.word_frequency(item) > 0 and tag(item) not in NAME_TAGS) or (
                surnames and entry is None and item[0] not in COMMON_SURNAMES):
            return []
        found.append(Candidate(i, i + len(item), "Person", entry.name if entry else item, "rule:person-list", entry))
        i += len(item) + 1
    return found


#: Winners named at the start of a clause, before what they won: ，梁小梅以绝对优势夺冠, ，毕焜、黄先婷分获…冠军.
_WINNERS = re.compile(rf"(?:^|(?<=[，。；：\n]))((?:[{HAN}]{{2,3}}[、和]){{0,4}}[{HAN}]{{2,3}})"
                      r"(?=(?:以[^，。；\n]{1,8})?(?:分获|夺得|夺冠|摘得|摘金|获得冠军|卫冕|包揽|斩获|勇夺|折桂|登顶))", re.M)


def _winners(ctx: Context) -> list[Candidate]:
    """Athletes named at the start of a clause before the verb of winning (，梁小梅以绝对优势夺冠;
    ，毕焜、黄先婷分获…冠军). Strict: every item a name of a common surname and no word of the dictionary,
    or none is taken (，中国队夺得…, ，男女混合接力夺得… are no names)."""
    out = []
    for m in _WINNERS.finditer(ctx.text):
        out += _every_item_a_name(ctx, m.start(1), re.split(r"[、和]", m.group(1)),
                                  lambda i, item: item[0] in COMMON_SURNAMES and ctx.anchor_at(i) is None)
    return out


#: A count and what it counts after the last name of a list (金杨|两对组合, 三位选手).
_COUNTS = frozenset("两俩二三四五六七八九十")
_COUNTED = frozenset("对位人名个支组")


def _listed_after(ctx: Context, people: list[Candidate]) -> list[Candidate]:
    """选手张子扬、兰天辰包揽: names listed after a name found otherwise, each followed by the next
    item's join or by what may follow a name. Strict: no word of the dictionary is taken for a name."""
    text, out = ctx.text, []
    seen = {c.start for c in people}
    todo = sorted({c.end for c in people})
    while todo:
        end = todo.pop()
        if text[end : end + 1] not in _LIST_JOINS:
            continue
        i = end + 1
        if i in seen or ctx.anchor_at(i) is not None:
            continue
        ends = {*name_ends(text, i), *_translit_ends(ctx, i)}
        if known_name(text[i : i + 3]):
            ends.add(i + 3)  # 许其亮
        for e in sorted(ends, reverse=True):
            if text[e - 1] in _COUNTS and text[e : e + 1] in _COUNTED:
                continue  # 彭程/金杨|两对组合: a count of the pairs listed, not a given name's end
            counted = text[e : e + 1] in _COUNTS and text[e + 1 : e + 2] in _COUNTED  # 金杨|两对组合
            if counted or _ends_list_item(ctx, e):
                c = _accept(ctx, i, e, "rule:person-list", True)
                if c is not None:
                    out.append(c)
                    seen.add(i)
                    todo.append(e)
                break
    return out


def _translit_ends(ctx: Context, i: int) -> list[int]:
    """Possible ends of a transliterated name starting at ``i`` (沃洛金、|马特维延科): two to six
    characters of the transliteration tables, longest first, before no common word."""
    end = _translit_run_end(ctx, i)
    return [e for e in range(end, i + 1, -1) if ctx.word_frequency(ctx.text[i:e]) == 0]


def _translit_run_end(ctx: Context, i: int) -> int:
    """Where a run of transliteration characters from ``i`` ends: at most six, and before a common
    word that starts from its third character on (萨勒|总统 stops at no word, 普京|表示 at 表示)."""
    text, end = ctx.text, i
    while end < len(text) and end - i < 6 and text[end] in TRANSLIT:
        if end - i >= 2 and ctx.word_frequency(text[end : end + 2]) >= 1000:
            break
        end += 1
    return end


#: Characters that begin a title, never end a name (国家副主席, 常务副主席).
_TITLE_PREFIXES = frozenset("副")
#: Prepositions (some are also surnames) that, before an institution and a title, begin no name.
_PREPOSITIONS = frozenset("向于由从自对在为以将把被与和同跟")
#: Prepositions that are also surnames (向警予): before a word or a known name they are the preposition
#: (应|李强邀请).
_PREPOSITION_SURNAMES = frozenset("向于应")
#: Conjunctions that are also rare surnames (和, 同): between two titles they join, they do not name.
_CONJUNCTIONS = frozenset("和与及同并或")
_NUMERALS = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十两几百千万数多")

#: Rules whose context says a person stands there, whatever the name's word is.
_PERSON_CONTEXTS = frozenset({"rule:person-list", "rule:person-title", "rule:person-context"})
#: A possible name: (start, end, rule, strict); strict: a word of the general dictionary is no name.
Span = tuple[int, int, str, bool]


def _accept(ctx: Context, start: int, end: int, rule: str, strict: bool) -> Candidate | None:
    """The candidate for ``text[start:end]`` if it has the shape of a name and is no common word."""
    name = ctx.text[start:end]
    listed = rule == "rule:person-list"
    foreign = (listed or rule == _FOREIGN_TITLE) and all(c in TRANSLIT for c in name)
    # a name jieba knows as one (李岚清, 许其亮, whose 其 no given name is expected to have; 张建国, a word of its
    # dictionary), where the context says a person stands there: a list of names, a title, what only a person
    # does (not a verb of saying, which documents do too: jieba tags 白皮书 a name, and 白皮书指出)
    known = rule in _PERSON_CONTEXTS and len(name) == 3 and name[0] in COMMON_SURNAMES and known_name(name)
    if not looks_like_name(name) and "·" not in name and not foreign and not known:
        return None
    if name[-1] in _TITLE_PREFIXES or ctx.text[start - 1 : start] in _NUMERALS or name[0] in _CONJUNCTIONS:
        return None  # 国家副 (主席), 常务副 (主席); 15位老 (教授); 副总理和国务 (委员)
    entry = ctx.entry(name)
    if entry is not None and entry.type != "Person":
        return None
    if entry is None and "·" not in name and (name[-1] in _BODY_ENDS or name[-1] in "前原" or name[0] in _ADVERBS):
        return None  # 委员宣讲团, 由前 (总理), 总书记都牵挂: a body, a former office, an adverb and a verb
    if entry is None and len(name) == 3 and name[2] in "同与和及跟向对" and (known := ctx.entry(name[:2])) is not None \
            and known.type == "Person":
        return None  # 蔡奇同|越共中央政治局委员…: a known name, then 同 (with)
    if entry is None and name[1:] in _ADDRESS_TERMS:
        return None  # 张大爷, 李奶奶: a surname and a way of addressing someone, no name
    if entry is None and name in _NOT_NAMES:
        return None  # 主席|贺信, 专家|农技 (人员), 加拿大|原住民: a letter, a trade, a people
    if entry is None and len(name) == 2 and name[1] == "方" and name[0] in _SIDES:
        return None  # 乌方表示, 俄方称: a country's side in talks, not 乌 (a surname) 方
    if entry is None and ((ctx.is_common_word(name) and not known) or _common_given_name(ctx, name) or common_non_name(name)):
        return None  # 和平, 高校; 宣讲 (a verb jieba knows, if not a common one); 教授王晓东 is a name jieba knows
    if entry is None and name[0] in _PREPOSITION_SURNAMES and (ctx.word_frequency(name[1:]) > 0 or ctx.entry(name[1:])):
        return None  # 主席向拉美…, 走向观众: the preposition, not the surname 向
    if entry is None and strict and not known and (ctx.word_frequency(name) > 0
                                                   or common_non_name(name[:2], min_freq=1000)):
        return None  # 文章指出; 师范生表示 (师范 is a word)
    return Candidate(start, end, "Person", entry.name if entry else name, rule, entry)


#: What follows a place's name where the place's party, people or side is meant (古巴党, 中方), not a name
#: that starts like a place (阿曼|达).
_A_PLACES_OWN = frozenset("党国方军民人省市州")
#: Words that stand after a title where a name would, rare enough for the common-word checks, and that jieba
#: tags as names or nouns: letters, students, trades, peoples (习近平主席|贺信, 代表|农技人员).
_NOT_NAMES = frozenset({"贺信", "贺电", "贺词", "唁电", "复信", "回信", "来信", "师范生", "农技", "原住民", "智库"})
#: What follows a surname to address someone whose name is not given (张大爷, 李奶奶, 王阿姨).
_ADDRESS_TERMS = frozenset({"大爷", "大妈", "大娘", "奶奶", "爷爷", "阿姨", "大姐", "大哥", "大叔", "大婶", "婆婆",
                            "阿婆", "老汉", "老伯", "伯伯", "叔叔", "嫂子", "师傅", "老师", "同学", "姐", "哥", "叔", "婶"})
#: One-character country forms that take 方 for "that country's side" (中方, 美方, 乌方, 俄方).
_SIDES = frozenset("中美俄乌日英法德韩朝印巴以伊土沙越菲澳加蒙老柬缅泰意西葡荷比瑞丹挪芬波匈捷塞希新马叙黎约埃苏古委阿斯")
#: Last characters of bodies, not of people's names (宣讲团, 工作组).
_BODY_ENDS = frozenset("团组队部局处院所校班社")
#: Adverbs that start a predicate after a title, where a given name would be (总书记|都牵挂).
_ADVERBS = frozenset("都也就还又才再均亦")


def _after_titles(ctx: Context) -> Iterator[Span]:
    """部长阴和俊, 主任王韬认为: a title, then a name followed by what may follow a name (unless
    the lexicon knows the name starting there: 主席巴赫来到 is 巴赫)."""
    text = ctx.text
    for m in _TITLE_BEFORE.finditer(text):
        i = m.end()
        if _title_goes_on(ctx, m):
            continue  # 轮值主席国泰国: the title is part of a longer word
        while text[i : i + 1] in (" ", "\u3000"):  # 全国政协委员  王小明 (a speaker list lined up)
            i += 1
        if ctx.anchor_at(i, "Person") is not None:
            continue
        end = _name_end_before(ctx, i)
        if end is not None and not ((p := ctx.anchor_at(i, "Place")) is not None and p.end < end
                                    and text[p.end] in _A_PLACES_OWN):
            yield i, end, "rule:person-title", False  # 代表|古巴党和国家: a place's party is no name


def _after_occupations(ctx: Context) -> Iterator[Span]:
    """村民王秀英说, 首席经济学家李明认为: an occupation, then a name of one of the common surnames
    followed by what may follow a name. Occupations are weaker than titles (居民都期待, 游客来报名),
    so the surname must be a common one and the name no word at all."""
    text = ctx.text
    for m in _OCCUPATION_BEFORE.finditer(text):
        i = m.end()
        if text[i : i + 1] not in COMMON_SURNAMES or _title_goes_on(ctx, m) or ctx.anchor_at(i, "Person") is not None:
            continue
        end = _name_end_before(ctx, i)
        if end is not None and not (end - i == 3 and tag(text[i : i + 2]) in (*CLAUSE_TAGS, *VERB_TAGS)):
            yield i, end, "rule:person-title", True  # not 企业家|安心搞经营, 退役军人|安置工作: a name starts with no verb


def _name_end_before(ctx: Context, i: int) -> int | None:
    """The end of a name starting at ``i`` that is followed by what may follow a name, longest
    first; a name whose last character begins a frequent word with the next (张欣|正在, 李闯|正在)
    is the shorter one, if that one is followed by what may follow a name too."""
    text = ctx.text
    ends = [e for e in name_ends(text, i) if _AFTER_NAME.match(text, e) or _TITLE_AFTER.match(text, e)]
    for k, end in enumerate(ends):
        across = text[end - 1 : end + 1]
        if k + 1 < len(ends) and len(across) == 2 and ctx.word_frequency(across) >= 2000:
            continue  # 张欣正在测试: 正在 (but 杨万明代表: 杨万 is followed by nothing a name is)
        if k + 1 < len(ends) and text[end - 1] in _JOINS_NAMES and (
                _ends_list_item(ctx, ends[k + 1]) or ctx.anchor_at(end, "Place", "Institution") is not None):
            continue  # 苏辉|和…, 武钢|和中国疾控中心: the conjunction that joins the next name or body
        return end
    return None



_FOREIGN_TITLE = "rule:person-title"


def _title_goes_on(ctx: Context, m: re.Match) -> bool:
    """Is the title matched by ``m`` the start of a longer word (主席国, 部长级, 委员会)?"""
    word = ctx.text[m.end() - 2 : m.end() + 1]
    return len(word) == 3 and ctx.word_frequency(word) >= 20


def _foreign_after_titles(ctx: Context) -> Iterator[Span]:
    """总统萨勒, 总理阿尔巴尼斯: a title, then a transliterated name (two to six characters of the
    transliteration tables) that stops where a name may stop, before a word."""
    text = ctx.text
    for m in _TITLE_BEFORE.finditer(text):
        i = m.end()
        known = ctx.anchor_at(i)
        if (known is not None and (known.type == "Person" or _translit_run_end(ctx, i) <= known.end)) \
                or _title_goes_on(ctx, m) or any(_AFTER_NAME.match(text, e) or _TITLE_AFTER.match(text, e)
                                                 for e in name_ends(text, i)):
            continue  # a known name, or a Chinese one (the other passes take those; 穆萨耶娃 is none); but a
            # place the name starts with is no name of its own (前总理|普拉钦达, not the place 普拉)
        end = _translit_run_end(ctx, i)
        while end - i >= 2 and not follows_name(text, end):
            end -= 1
        name = text[i:end]
        if end - i >= 2 and (known_name(name) or not ctx.is_common_word(name) and ctx.word_frequency(name) == 0):
            yield i, end, _FOREIGN_TITLE, False  # 国防部长|奥斯汀: jieba knows it as a name


#: Titles of heads of state and government and of envoys, which follow a foreign name (萨勒总统).
_HEAD_TITLE_AFTER = re.compile(r"(?:总统|副总统|总理|副总理|首相|国王|女王|王储|亲王|外长|议长|秘书长|大使)")
#: What may stand before a foreign name: a join of a list, a preposition of meeting (同萨勒总统一道).
_BEFORE_FOREIGN_NAME = frozenset("同与和及跟对向、，。；：（“ \n")


def _foreign_before_titles(ctx: Context) -> Iterator[Span]:
    """愿同萨勒总统一道: a transliterated name (two to six characters of the transliteration tables)
    right before the title of a head of state or government, after a join or a preposition."""
    text = ctx.text
    for m in _HEAD_TITLE_AFTER.finditer(text):
        start = m.start()
        while start > 0 and m.start() - start < 6 and text[start - 1] in TRANSLIT:
            start -= 1
        while start < m.start() - 2 and start > 0 and text[start - 1] not in _BEFORE_FOREIGN_NAME:
            start += 1  # 俄罗斯|普京总统 is found from the name the lexicon knows; here only a clean left edge
        if m.start() - start < 2 or (start > 0 and text[start - 1] not in _BEFORE_FOREIGN_NAME):
            continue
        if ctx.anchor_inside(start) is not None or any(ctx.anchor_at(k) is not None for k in range(start, m.start())):
            continue  # a country (俄罗斯总统) or a known name
        name = text[start : m.start()]
        if not ctx.is_common_word(name) and ctx.word_frequency(name) == 0:
            yield start, m.start(), _FOREIGN_TITLE, False


#: Verbs of appointing and removing, and what follows the name they govern (任命潘岳为…, 免去陈小江的…职务).
_APPOINT = re.compile(r"(?:决定任命|决定免去|任命|免去|提名|选举|推选)")
_APPOINTED_AS = re.compile(r"(?:为|的|兼任的|担任的|同志为|同志的)")


def _appointed(ctx: Context) -> Iterator[Span]:
    """任命潘岳为国家民族事务委员会主任, 免去陈小江的…职务: a name between a verb of appointing or removing and
    为 or 的, as the reports of the people's congresses and the State Council write appointments."""
    text = ctx.text
    for m in _APPOINT.finditer(text):
        i = m.end()
        if ctx.anchor_at(i, "Person") is not None:
            continue
        for e in name_ends(text, i):
            if _APPOINTED_AS.match(text, e):
                yield i, e, "rule:person-title", False  # the frame is a strong cue: 潘岳 may be a word of jieba's too
                break


def _before_titles(text: str, institution_ends: set[int]) -> Iterator[Span]:
    """黄显教授, 习近平总书记: a name with a clean left edge, then a title (not a ministry's name
    cut before its 部: 乌内政|部长 is Ukraine's minister of the interior)."""
    for m in _TITLE_AFTER.finditer(text):
        if _MINISTRY_BEFORE.search(text, max(0, m.start() - 2), m.start() + 1):
            continue
        if text[m.end() : m.end() + 1] in COMMON_SURNAMES:
            continue  # 高技能专家|孙柏慧: the name follows the title, what stands before it qualifies the title
        for start in (m.start() - 3, m.start() - 2, m.start() - 4):
            if start < 0 or m.start() not in name_ends(text, start):
                continue
            if _clean_left(text, start, institution_ends) or (
                    text[start - 1] == "的" and text[start] in COMMON_SURNAMES and _HONORIFIC_AFTER.fullmatch(m.group())):
                yield start, m.start(), "rule:person-title", False
                break


#: Titles only a person bears, so that a name of a common surname may stand after 的 before them
#: (浙江大学的刘志远教授; not 的居民杜先生); not 代表, 委员, 主任 …, which a body's name ends in as well
#: (会议的政协委员).
_HONORIFIC_AFTER = re.compile(r"(?:教授|副教授|院士|研究员|博士|先生|女士|同志)")

#: Ministries whose name a title completes (内政部长, 外交部长): no name ends before them.
_MINISTRY_BEFORE = re.compile(r"(?:内政|外交|国防|财政|司法|卫生|教育|能源|商务|经济|农业|交通|文化|劳工|内务|安全|情报)部$")


def _in_bylines(text: str) -> Iterator[Span]:
    """Bylines in parentheses or after a key word (作者：…): names at the start of each item."""
    for seg_start, seg_end in _byline_segments(text):
        for m in _ITEM_START.finditer(text, seg_start, seg_end):
            i = m.end()
            for end in name_ends(text, i, seg_end):
                if end == seg_end or end == len(text) or text[end] in _BYLINE_ITEM_END:
                    yield i, end, "rule:person-byline", False
                    break


def _on_own_lines(ctx: Context) -> Iterator[Span]:
    """Paragraphs (or their first line) that are nothing but names (杨娟、杜帅 / ◎宋德雄), and
    speaker lines (张希全国人大代表、中国科学院院士 …)."""
    text = ctx.text
    for para_start, para_end in _paragraph_spans(text):
        line = text[para_start:para_end]
        mark = _NAME_LINE_MARK.match(line)
        body_start = para_start + (mark.end() if mark else 0)
        body = text[body_start:para_end]
        parts = body.split("、")
        if 0 < len(body) <= 24 and all(looks_like_name(p) for p in parts):
            pos = body_start
            for p in parts:
                # a lone short line is a name only if it is no word at all (简报 is a word)
                yield pos, pos + len(p), "rule:person-byline", len(parts) == 1 and not mark
                pos += len(p) + 1
            continue
        for end in name_ends(text, para_start, para_end):
            nxt = ctx.anchor_at(end, "Institution")
            if _SPEAKER_TITLE.match(text, end) or (nxt is not None and _TITLE_AFTER.match(text, nxt.end)):
                yield para_start, end, "rule:person-speaker", False
                break


_REPORTING = re.compile(r"(?:表示|指出|认为|介绍|强调|说道|坦言|透露|告诉记者|说[，：:]|同志)")
_CLAUSE_START = frozenset("，。；：！？“”（）、\n")
#: A source named with 据 (据张志强介绍, 据王韬透露): the name starts after it.
_ACCORDING_TO = re.compile(r"(?:介绍|透露|说)")


def _before_reporting_verbs(text: str) -> Iterator[Span]:
    """A name alone at the start of a clause, right before a verb of saying or 同志: 。王韬表示, “李明说：,
    ，张志强同志; or after 据 before 介绍, 透露, 说 (据张志强介绍). No title needed; the name must not be a
    word, as for every rule-made name."""
    for m in _REPORTING.finditer(text):
        lead = "据" if _ACCORDING_TO.match(m.group()) else ""
        for start in _names_ending_at(text, m.start()):
            if _opens_clause(text, start, lead):
                yield start, m.start(), "rule:person-speech", True
                break


def _names_ending_at(text: str, end: int) -> list[int]:
    """Where a name of three or two characters ending at ``end`` starts, the longer first."""
    return [start for start in (end - 3, end - 2) if start >= 0 and end in name_ends(text, start)]


def _opens_clause(text: str, start: int, lead: str = "") -> bool:
    """Does ``text[start]`` start a clause, or follow one of ``lead`` that does (据|张志强介绍)?"""
    return start == 0 or text[start - 1] in _CLAUSE_START or (
        text[start - 1] in lead and (start == 1 or text[start - 2] in _CLAUSE_START))


#: What only a person is said to do or have, right after a name: an age (今年56岁), family (和妻子, 的女儿, 一家人),
#: a manner of saying (笑着说), talking to the reporter (向记者介绍), a job or a birth (是一名教师, 出生于).
_PERSONAL_AFTER = re.compile(
    r"(?:今年\d{1,3}岁|今年[一二三四五六七八九十]{1,3}岁|[和的](?:妻子|丈夫|老伴|爱人|儿子|女儿|父亲|母亲|孩子|家人|徒弟|师傅)"
    r"|一家(?:人|[三四五六七八九]口)|(?:笑着|激动地|高兴地|感慨地|自豪地|动情地|坦言|回忆)说|(?:向|对|跟)记者"
    r"|是一[名位个](?!月|年|天)|出生于|生于|毕业于)")
#: ... and what follows a name after 在: a home or a view (在王丽家里, 在张强看来).
_AT_PERSON = re.compile(r"(?:家里|家中|看来|眼里|心中)")
#: An age, right before a name (今年58岁的王德福是, 72岁高龄的林恩): the name must then end where a name may.
_AGE_BEFORE = re.compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})(?:岁|周岁)(?:高龄)?的")


def _in_personal_contexts(text: str) -> Iterator[Span]:
    """Names no title introduces, before what only a person is said to do or have (。张建国今年56岁, 李华和妻子,
    陈晓东向记者展示, 在王丽家里, 在张强看来): one of the common surnames, alone at the start of a clause (or after
    在 or 据 there), or after 在 before a home or a view; or after an age (今年58岁的王德福是); no word of the
    dictionary, as for every rule-made name."""
    cued = [(m.start(), lambda s: _opens_clause(text, s, "在据")) for m in _PERSONAL_AFTER.finditer(text)]
    cued += [(m.start(), lambda s: s > 0 and text[s - 1] == "在") for m in _AT_PERSON.finditer(text)]
    for end, stands in cued:
        for start in _names_ending_at(text, end):
            if text[start] in COMMON_SURNAMES and stands(start):  # not 但面|对记者, 由罗英: a function word
                yield start, end, "rule:person-context", True
                break
    for m in _AGE_BEFORE.finditer(text):
        if m.end() < len(text) and text[m.end()] in COMMON_SURNAMES:
            for end in name_ends(text, m.end()):
                if _AFTER_NAME.match(text, end) or _TITLE_AFTER.match(text, end):
                    yield m.end(), end, "rule:person-context", True
                    break


def _foreign_before_reporting_verbs(ctx: Context) -> Iterator[Span]:
    """。纽森表示, ，库莱巴说: a transliterated name (two to six characters of the transliteration tables) alone
    at the start of a clause, right before a verb of saying; no word of the dictionary (。西方认为) and no
    name or body the lexicon knows."""
    text = ctx.text
    for m in _REPORTING.finditer(text):
        start = m.start()
        while start > 0 and text[start - 1] in TRANSLIT and m.start() - start < 6:
            start -= 1
        name = text[start : m.start()]
        if len(name) >= 2 and (start == 0 or text[start - 1] in _CLAUSE_START) and m.group() != "同志" \
                and ctx.anchor_inside(start) is None and ctx.anchor_at(start) is None \
                and ctx.word_frequency(name) == 0 and not ctx.is_common_word(name) \
                and not common_non_name(name[:2], min_freq=1000) and ctx.stands_alone(start, m.start()):
            yield start, m.start(), _FOREIGN_TITLE, False  # not 努力增|强调控: a word, and a verb inside another


def _before_institution_titles(ctx: Context) -> Iterator[Span]:
    """A name right before an institution and a title, wherever it stands: …路径李希义中共中央政治局常委."""
    text = ctx.text
    for a in ctx.anchors:
        if a.type != "Institution" or not _TITLE_AFTER.match(text, a.end) and not _SPEAKER_TITLE.match(text, a.end):
            continue
        for start in (a.start - 3, a.start - 2):
            if start >= 0 and a.start in name_ends(text, start):
                if common_non_name(text[start : start + 2], min_freq=2000) and start + 2 < a.start:
                    break  # 以视频方式同俄罗斯联邦委员会主席: 方式 is a word, 方式同 no name
                if text[start] in _PREPOSITIONS or ctx.word_frequency(text[start - 1 : start + 1]) >= 1000:
                    break  # 会见由古共中央…, 中国常驻联合国代表: a preposition, or the end of a word (中国)
                if text[a.start - 1] in _JOINS_NAMES:
                    break  # 苏辉|和民建中央主席…, 董事长武钢|和中国疾控中心专家: the conjunction joining the next one
                if ctx.anchor_ending_at(a.start, "Place") is not None:
                    break  # 时任河北|正定县委书记: the place that says where the body is, no name
                yield start, a.start, "rule:person-title", False
                break


def _after_repeated_headlines(ctx: Context) -> Iterator[Span]:
    """A byline glued after a headline that the PDF repeated (fake bold): 路径路径路径宋德雄党的…"""
    text = ctx.text
    for _, _, i in ctx.repeated_runs:
        for end in name_ends(text, i):
            if ctx.anchor_at(end) is not None or text[end : end + 1] in "《“":
                yield i, end, "rule:person-byline", False
                break


_SPACED_NAME = re.compile(rf"(?:{TITLES})[ \u3000]+((?:[{HAN}][ \u3000]+){{1,2}}[{HAN}])(?=[ \u3000]*$|[ \u3000]{{2,}}|[，、；：:])", re.M)


def _spaced_names(ctx: Context) -> Iterator[Candidate]:
    """Names spaced out to line up in a list of speakers: 全国政协常委  杨  杰 (a name of two or
    three characters with spaces between them, after a title)."""
    for m in _SPACED_NAME.finditer(ctx.text):
        name = re.sub(r"[ \u3000]", "", m.group(1))
        if not looks_like_name(name) or ctx.is_common_word(name):
            continue
        entry = ctx.entry(name)
        if entry is not None and entry.type != "Person":
            continue
        yield Candidate(m.start(1), m.end(1), "Person", entry.name if entry else name, "rule:person-speaker", entry)


#: What joins the parts of a transliterated name: the middle dot, and a hyphen inside a part
#: (阿拉·阿布-扎伊德, 米格尔·迪亚斯-卡内尔·贝穆德斯).
_NAME_HYPHENS = frozenset("-－")
_JOINERS = frozenset("·") | _NAME_HYPHENS


def _foreign_names(text: str, word_frequency, anchor_ending_at) -> Iterator[Candidate]:
    """Transliterated names around a middle dot (斯图尔特·罗素), stopping at function characters,
    before a common word (丹尼斯·穆内内 | 热烈欢迎) and after a known name (陈敏尔|努尔兰·阿不都满金)."""
    for m in re.finditer("·", text):
        if m.start() > 0 and text[m.start() - 1] == "·":
            continue
        start = m.start()
        while start > 0 and start > m.start() - 12 and not _chinese_name_ends(text, start, anchor_ending_at) and (
                _is_translit(text[start - 1]) or _is_medial(text, start - 1) or (
                text[start - 1] in _NAME_HYPHENS and start > 1 and _is_translit(text[start - 2])
                and _is_translit(text[start]))):
            start -= 1
        start = _after_title_inside(text, start, m.start())  # 主席|奥莱·达林: 席 ends the title
        while start < m.start() - 1 and start > 0 and text[start - 1 : start + 1] in _WORDS_BEFORE_NAMES:
            start += 1  # 媒体人士|罗伯特·布里奇, 总统助理|约翰·博尔顿: the word before the name ends on a transliteration character
        end = m.end()
        while end < len(text) and (_is_translit(text[end]) or _is_medial(text, end) or (
                text[end] in _JOINERS and end + 1 < len(text) and _is_translit(text[end + 1]) and _is_translit(text[end - 1]))):
            word3 = text[end : end + 3]
            after = _AFTER_NAME.match(text, end)
            if end > m.end() + 1 and after is not None and len(after.group()) >= 2 and is_han(after.group()[-1]):
                break  # 马克·米利|通话: a verb that follows names, not the name's next syllable
            if end - m.end() >= 12 or (end > m.end() + 1 and (
                    word_frequency(text[end : end + 2]) >= 1000
                    or (word_frequency(word3) >= 10 and not all(_is_translit(c) for c in word3)))):  # |通电话, not |扎耶德
                break
            end += 1
        if start < m.start() and end > m.end() + 1 and not _names_a_vessel(text, end):
            yield Candidate(start, end, "Person", text[start:end], "rule:person-foreign")


#: Words for a person ending on a transliteration character, which a name after them must not take (人士|罗伯特).
_WORDS_BEFORE_NAMES = frozenset({"人士", "女士", "博士", "院士", "护士", "战士", "总理", "助理", "经理", "襄理"})


def _chinese_name_ends(text: str, pos: int, anchor_ending_at) -> bool:
    """Does a known Chinese name end at ``pos`` (陈敏尔 in 陈敏尔努尔兰·阿不都满金, a list whose spaces
    were taken out)?"""
    a = anchor_ending_at(pos, "Person")
    name = text[a.start : a.end] if a is not None else ""
    return looks_like_name(name) and not all(_is_translit(c) for c in name)  # not 安瓦尔, 巴沙尔


def _after_title_inside(text: str, start: int, dot: int) -> int:
    """Where a transliterated name before a middle dot starts, if a title ends inside what was
    walked over (国际冬季两项联盟主席奥莱·达林: the walk took 席 of 主席)."""
    for p in range(dot - 1, start, -1):
        if _TITLE_BEHIND.search(text, max(0, p - 10), p):
            return p
    return start


def _names_a_vessel(text: str, end: int) -> bool:
    """“哈里·杜鲁门”号航母, 卡尔·文森号, 弗朗西斯·霍兰德学校: a ship or a body named after a person is no
    person."""
    return text[end : end + 2] == "”号" or text[end : end + 1] == "号" or _BODY_AFTER.match(text, end) is not None


_BODY_AFTER = re.compile(r"(?:学校|小学|中学|大学|学院|研究所|研究院|基金会|公司|集团|医院|中心|奖|大街|广场|纪念馆)")


def _is_translit(ch: str) -> bool:
    return ch in TRANSLIT


def _is_medial(text: str, i: int) -> bool:
    """阿|不|都满金: a transliteration character that is also a word, with name characters on both sides."""
    if text[i] == "都" and text[i - 2 : i] == "阿不":
        return True  # 阿不都 (Abdu), which may end a name: 艾米拉古丽·阿不都
    return (text[i] in TRANSLIT_MEDIAL and 0 < i < len(text) - 1
            and (_is_translit(text[i - 1]) or text[i - 1] in TRANSLIT_MEDIAL) and
            (_is_translit(text[i + 1]) or text[i + 1] in TRANSLIT_MEDIAL))


def _common_given_name(ctx: Context, name: str) -> bool:
    """和企业, 位大学: the 'given name' is a very common word, so this is no name."""
    given = name[2:] if len(name) == 4 else name[1:]
    return len(given) == 2 and ctx.word_frequency(given) >= 5000


def follows_name(text: str, end: int) -> bool:
    """Can a personal name end at ``end``? (李希 in 李希义 cannot.)"""
    return bool(_AFTER_NAME.match(text, end) or _TITLE_AFTER.match(text, end))


#: Characters that follow a name without belonging to it (particles, prepositions, short verbs).
_FUNCTION_AFTER = frozenset("在和与及同对向为将也又就还都曾等的是说称到从于把被让给跟已先再均则即")
#: One-character verbs that follow a leader's name and are hardly ever a given name's last character
#: (李强赴德国, 李强乘包机, 李强受中共中央委托, 李强监誓, 习近平率团, 王毅应询).
_VERBS_AFTER = frozenset("赴乘受监率携偕邀抵兼应")


def known_short_name_stands(text: str, start: int, end: int, *, word_frequency, is_person_at) -> bool:
    """Can a two-character name the lexicon knows (李强, 普京) stand at ``text[start:end]``?

    It can, unless the text goes on into a longer name: a Chinese name that the next character would
    lengthen (李希 in 李希义), or a transliteration that continues on either side (巴赫 in 巴赫穆特
    or 劳特巴赫). Dates, verbs, titles, punctuation and another person's name may follow it
    (李强8月8日, 李强来到, 李强签署, 蔡奇陪同, 李强李干杰 in a list without separators).
    ``word_frequency`` is the general dictionary's; ``is_person_at(pos)`` tells whether a known
    name starts at ``pos``.
    """
    name = text[start:end]
    foreign = all(c in TRANSLIT for c in name)
    prev = text[start - 1 : start]
    if foreign and prev in TRANSLIT and prev not in _FUNCTION_AFTER and word_frequency(text[start - 2 : start]) < 100:
        return False  # 劳特巴赫
    nxt = text[end : end + 1]
    if not nxt or not is_han(nxt) or follows_name(text, end) or nxt in _FUNCTION_AFTER or is_person_at(end):
        return True
    if nxt in _VERBS_AFTER or text[end : end + 2] == "副" + text[end + 1 : end + 2] and _TITLE_AFTER.match(text, end + 1):
        return True  # 李强赴, 李强乘包机, 韩正副主席
    if word_frequency(text[end : end + 2]) >= 20 or word_frequency(text[end : end + 3]) >= 10:
        return True  # 李强起身, 普京总统, 汪洋起立, 卢拉得票率, 拜登通电话
    if foreign:
        return nxt not in TRANSLIT  # 巴赫穆特
    return not looks_like_name(name + nxt)  # 李希义


_TITLE_BEHIND = re.compile(rf"(?:{TITLES}|同志|先生|女士)$")
_PUNCT_BEFORE_NAME = frozenset("，。、；：！？,.;:!?（(）)“”‘’《》【】 \t\n")


def ends_a_name_context(text: str, pos: int) -> bool:
    """Does what comes before ``pos`` leave room for a name to start there: punctuation, or a
    title (国务院副总理韩正, 、汪洋、)?"""
    return pos == 0 or text[pos - 1] in _PUNCT_BEFORE_NAME or _TITLE_BEHIND.search(text, max(0, pos - 10), pos) is not None


def starts_with_title(text: str, pos: int) -> bool:
    return bool(_TITLE_BEFORE.match(text, pos))


def _clean_left(text: str, start: int, institution_ends: set[int]) -> bool:
    if start == 0 or start in institution_ends:
        return True
    prev = text[start - 1]
    return not is_han(prev) or prev in "和与及同"


def _byline_segments(text: str) -> list[tuple[int, int]]:
    segs = [(m.start(), m.end()) for m in _BYLINE_PAREN.finditer(text)]
    for m in re.finditer(r"(?m)^(?:作者|评荐|撰文|记者|文)[：:]", text):
        end = text.find("\n", m.start())
        segs.append((m.start(), len(text) if end < 0 else end))
    return segs


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans
