"""Word classes from jieba's own dictionary, to tell a name from a clause.

jieba's ``dict.txt`` gives each word a part-of-speech tag (``word freq tag``). A rule that walks
from a head to a suffix (长春 … 政府, 美国 … 银行) may cross a clause instead of a name: 长春 继续 加大
政府, 南非人民 衷心 感谢 中国政府, 全国 共 开立 银行, 世卫组织 称 与 加沙地带希法医院. The words inside
show it: adverbs (继续, 不断, 始终), prepositions (向, 与, 关于), pronouns (其, 另), and verbs that make
a predicate (感谢, 加大, 坚持). Verbs that name what an organisation does (保护, 选举, 出版: 中国出版
集团, 中央选举委员会) do occur inside names and are listed in :data:`NAME_VERBS`.

The table is read once per process from the jieba package (no download); only the classes used
here are kept.
"""
from __future__ import annotations

import marshal
from functools import lru_cache
from pathlib import Path

import jieba

from extractors.boundaries import cache_dir, store_in_cache

#: jieba tags of words that never stand inside a name: adverbs, prepositions, pronouns.
CLAUSE_TAGS = frozenset({"d", "ad", "vd", "p", "r"})
#: jieba's tag of verbs.
VERB_TAGS = frozenset({"v"})
#: jieba's tags of personal names.
NAME_TAGS = frozenset({"nr", "nrt", "nrfg"})
#: jieba's tag of place names.
PLACE_TAG = "ns"
#: Words of other classes are kept from this frequency on (enough to tell a common word from a name).
_KEEP_FREQ = 100

#: Words jieba tags as adverbs, pronouns or verbs that are names or nouns in names (国家自然博物馆,
#: 首都医科大学, 大连理工大学, 联邦公开市场委员会, 香港特别行政区, 虎头要塞博物馆, 韶关分行).
_NOT_CLAUSE = frozenset(
    "自然 首都 大连 公开 特别 正式 自主 联合 共同 互联 大力 集体 统一 专门 平等 永久 临时 长期 全面 要塞 分行".split()
)

#: Words of a clause that jieba tags otherwise (主办 as a distinguishing word, 首次 as a numeral).
_ALSO_CLAUSE = frozenset("主办 首次 再度 一再 一度 亲自 专程 分头".split())

#: One-character words that, standing alone inside a would-be name, make it a clause:
#: prepositions, adverbs and verbs of saying or replying (北京 同 清华大学, 上海 已 建成, 世卫组织 称 …,
#: 中国共产党中央委员会 复 电 中国国民党中央委员会).
FUNCTION_CHARS = frozenset("向由以已又不还并就共同对把被将让给从在于也都再仍均则即愿称有读设致遭未曾正复")

#: Verbs that name what an organisation does, and so occur inside institution names (中国出版集团,
#: 俄罗斯侦查委员会, 几内亚过渡政府, 南京审计大学, 国家开发银行, 中国国际贸易促进委员会).
NAME_VERBS = frozenset(
    """保护 促进 出版 创新 制造 免疫 协调 反恐 发行 学习 审计 应用 开发 执行 探索 演出 看守 过渡 选举 维护 编译
    表彰 消除 减少 预算 预防 控制 飞行 祭扫 终审 寄宿 认证 认可 试制 育种 排水 提案 报道 传承 实践 知识 展示 转化
    侦查 侦察 发射 筹备 保卫 援建 呼吸 感染 扩散 通用 组织 计算 辐射 应对 控股 联防 模拟 防卫 巡视 转让 振兴 结算
    发明 求索 组成 翻译 监测 检测 检验 检定 检疫 救援 救助 勘探 勘察 设计 规划 运输 交易 投资 建设 管理 服务 监督
    评估 咨询 调查 研究 发展 教育 培训 鉴定 治疗 康复 护理 储备 出口 进口 进出口 承包 通信 通讯 广播 传播 统计
    评价 仲裁 调解 审判 检察 监察 纪检 指挥 领导 防治 防控 防疫 保障 保险 信托 证券 担保 营销 制药 养殖 种植
    创业 孵化 加工 生产 经营 销售 采购 物流 储运 开放 改革 协作 合作 交流 联络 援助 安全 互助 共享 导航 测绘
    遥感 探测 观测 试验 实验 测试 测量 计量 标准化 拍卖 租赁 回收 利用 处理 保存 收藏 展览 陈列 演艺 表演 创作
    策划 编辑 印刷 发布 制作 摄制 录制 播出 放映 体育 竞技 登山 游泳 滑雪 射击 飞行器 驾驶 维修 修理 装备 制冷
    供电 供水 供热 排污 环保 清洁 救灾 减灾 应急 消防 搜救 戒毒 矫正 监管 审查 审核 审批 许可 注册 登记 征信
    结算 清算 支付 托管 公证 见证 律师 代理 引进 输出 推广 普及 宣传 研发 攻关 示范 推进 联合 共建""".split()
)


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, int]]:
    """Words of jieba's dictionary (two characters or more) with their tag and frequency: every
    adverb, preposition, pronoun, verb and place name, every personal name of three characters, and
    the words of other classes used at least ``_KEEP_FREQ`` times. Read from jieba's ``dict.txt`` once
    and kept in the cache folder (``marshal``; a twentieth of the time of reading the dictionary)."""
    path = Path(jieba.__file__).parent / "dict.txt"
    stat = path.stat()
    folder = cache_dir()
    cached = folder / f"word-classes-{_SELECTION}-{stat.st_size}-{stat.st_mtime_ns}.marshal"
    try:
        out = marshal.loads(cached.read_bytes())
        if isinstance(out, dict):
            return out
    except (OSError, ValueError, EOFError, TypeError):
        pass  # not there yet, or unreadable: read the dictionary
    keep = CLAUSE_TAGS | VERB_TAGS | {PLACE_TAG}
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) >= 2:
                freq = int(parts[1])
                if parts[2] in keep or freq >= _KEEP_FREQ or (len(parts[0]) == 3 and parts[2] in NAME_TAGS):
                    out[parts[0]] = (parts[2], freq)
    store_in_cache(cached, marshal.dumps(out))
    return out


#: Names the words ``_words`` keeps; change it with what it keeps, so that an older cache is not read.
_SELECTION = f"v2-{_KEEP_FREQ}"


def tag(word: str) -> str | None:
    """jieba's tag of ``word`` (None if jieba does not know it, or knows it as a rare word that is
    neither an adverb, a preposition, a pronoun nor a verb)."""
    found = _words().get(word)
    return found[0] if found else None


def known_name(word: str) -> bool:
    """Does jieba know ``word`` as a personal name (李岚清, 许其亮; also a few words it mistags, 黄金周:
    read it only where the context already says a name stands there)?"""
    return tag(word) in NAME_TAGS


def common_non_name(word: str, *, min_freq: int = _KEEP_FREQ) -> bool:
    """Is ``word`` a word of jieba's dictionary used at least ``min_freq`` times that jieba does not
    tag as a personal name (宣讲, 方式; not 钟山, 高峰)?"""
    found = _words().get(word)
    return found is not None and found[0] not in NAME_TAGS and found[1] >= max(min_freq, _KEEP_FREQ)


def clause_word(word: str, *, verbs: bool = True) -> bool:
    """Does ``word``, standing inside a would-be name, show a clause rather than a name?
    ``verbs=False`` lets every verb pass (meetings are named by what they do: 庆祝…大会, 推进会)."""
    if len(word) == 1:
        return word in FUNCTION_CHARS
    if word in _ALSO_CLAUSE:
        return True
    t = tag(word)
    if t is None or word in _NOT_CLAUSE:
        return False
    return t in CLAUSE_TAGS or (verbs and t in VERB_TAGS and word not in NAME_VERBS)
