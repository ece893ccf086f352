"""Chinese personal names: surnames and the shape of a name, shared by the normaliser and rules."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from extractors.textutil import is_han

#: Characters that do not occur in given names but do follow names in running text.
GIVEN_NAME_STOP = frozenset(
    "的了是在与及等对从被把将也都就还而并或这那其之于们个说表认指称时后所年月日号届次"
    "省市县区部局院校系委会办厅处员授长士教记者代提介向为以要已曾再又该各由据经作做"
    "他她它我你您咱驻互共"
)


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character surnames, compound surnames)."""
    text = (resources.files("extractors") / "data" / "surnames.txt").read_text(encoding="utf-8")
    tokens = [t for line in text.splitlines() if not line.startswith("#") for t in line.split()]
    return frozenset(t for t in tokens if len(t) == 1), frozenset(t for t in tokens if len(t) == 2)


#: The hundred commonest surnames (about 85% of people in China), for rules whose cue is weak.
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤温"
    "康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷"
)


def name_ends(text: str, start: int, end: int | None = None) -> list[int]:
    """Possible ends of a personal name starting at ``start``, longest first (never past ``end``).

    A name is a surname (single or compound) and a given name of one or two Han characters that
    are not function characters.
    """
    end = len(text) if end is None else end
    single, compound = surnames()
    if text[start : start + 2] in compound:
        given_at = start + 2
    elif start < end and text[start] in single:
        given_at = start + 1
    else:
        return []
    ends = []
    for n in (2, 1):
        stop = given_at + n
        if stop > end:
            continue
        given = text[given_at:stop]
        if all(is_han(c) and c not in GIVEN_NAME_STOP for c in given):
            ends.append(stop)
    return ends


def looks_like_name(s: str) -> bool:
    """True if ``s`` as a whole has the shape of a Chinese personal name."""
    return 2 <= len(s) <= 4 and len(s) in [e for e in name_ends(s, 0)]


#: Characters used in Chinese transliterations of foreign names (after the Xinhua name tables).
TRANSLIT = frozenset(
    "阿埃艾爱安昂奥巴拜班邦鲍贝本比彼毕边宾波伯博布查达戴丹道德登迪蒂丁东杜多厄恩法凡菲费芬丰弗福伏"
    "盖甘冈高戈格古瓜圭哈海汉豪赫亨胡华怀霍基吉加贾杰金卡凯坎康考柯科克肯库夸奎拉莱兰朗劳勒雷里利莉"
    "连林琳卢鲁路伦罗洛吕马迈麦曼芒梅门蒙米密明摩莫默姆穆纳奈南内尼涅宁努诺欧帕潘庞佩皮珀普齐奇恰乔"
    "切钦琼丘让热瑞萨塞桑瑟森沙莎山尚绍舍申圣施什史舒斯松苏索塔泰坦汤唐特提廷图托瓦万旺威维韦温沃乌"
    "武西希锡谢辛休雅亚扬耶伊因尤约泽扎詹芝朱卓兹佐别娃娜丽黛琪蕾妮娅薇尔夫素穆埃霍姆茨普京默克"
    "拉德姆巴赫泰勒柯林顿奥巴马拜登特朗普马克龙肖恩科斯蒂芬贝佐斯乔布斯盖茨扎克伯格马斯克黄仁勋"
    # more of the Xinhua transliteration tables
    "列契茹若赛滕通屈孔昆宗秋玛娜纽理赖根贡洪冯范富察别德恩文英罕迦蒲庇铁裴萝黎"
    # and what names on the news still stopped at: 约翰逊, 彼得森, 罗慕尔德兹, 奇隆博, 达席尔瓦, 沃兹沃思,
    # 乌略亚, 纪尧姆, 达布力, 华莱士, 科代伊
    "翰逊得慕隆席思略纪尧力士代立珍卜"
    # Uyghur, Kazakh and Tibetan names in their Chinese spelling: 艾尔肯·吐尼亚孜, 玉苏甫江·麦麦提
    "吐孜甫依满买玉江措旦增次仁顿珠央吾木易"
    # Russian -енко, -ян: 马特维延科, 基里延科
    "延"
    # the rest of the Xinhua syllable table that is no function word (奥斯汀, 蓬佩奥, 哲伦斯基, 柏林格, 嘉科,
    # 芙蓉, 茜茜, 琴科, 翁贝托, 岑格, 楚德, 敦刻, 迭戈, 哥斯, 喀布, 廉姆, 娄德, 缪勒, 墨菲, 嫩科,
    # 彭斯, 泼里, 陶德, 仙娜, 魏斯, 宰德, 祖马, 斐迪, 翠西); not 荣 (荣获), 赞 (赞扬), 曾 (曾经), 坚 (坚持), nor 捷
    # and 培, which end Chinese given names in lists written without separators (肖捷肖培)
    "汀蓬瑙哲柏嘉芙茜琴翁岑楚敦迭哥喀廉娄缪墨嫩彭泼陶仙魏宰祖斐翠"
    # Armenian -ian (瓦哈根·哈恰图良, not 良好: a common word after a name stops it)
    "良"
)
#: Transliteration characters that are also common words (阿不都, 肖开提, 阿布来提): inside a name
#: only, never its last character (…·阿不都满金, but not …·达林|都表示).
TRANSLIT_MEDIAL = frozenset("不都来开地礼")
