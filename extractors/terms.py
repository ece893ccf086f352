"""Term candidates of one document: what the text marks as a name that no lexicon lists.

``propose_terms(doc, mentions, lexicon)`` is the per-document half of ``kg candidates`` (the corpus
half, counting and ranking, is ``kg.candidates``). It is pure, and it reads the text as extraction
does (traditional characters as simplified, ``extractors.traditional``). Each proposal is a span,
a type, a name and the source that proposed it:

- ``quoted``: a term in Chinese quotes, “放管服”, “米袋子”; typed by its head (…会议 an Event,
  …委员会 an Institution, otherwise a Policy). Names of plan periods (“十一五”) are dates, not terms.
- ``policy-head``: a name ending in a policy head (…体制, …机制, …战略, …工程, …行动, …计划, …倡议,
  …制度, …体系, …示范区): the words before the head, found with the private jieba tokenizer, back
  to the verb, function word or punctuation before them (全面实施 | 农村义务教育学生营养改善 | 计划).
- ``rule:…``: a mention found by a rule, not the lexicon (people by titles, institutions by
  structure, meetings by their heads, programmes by the verb that launches them), with its rule.
- ``word``: a string that stands as a word here and that jieba's dictionary lists as a rare name
  (frequency below ``RARE_WORD_FREQ``) of a person, a place or an organisation, typed by that part of
  speech: units of text that are not general vocabulary. (Strings jieba does not list at all carry no
  type, and a lexicon row needs one; those the text marks are proposed by the other sources.)

Nothing the lexicon knows is proposed: not a lexicon form, nor a span inside a lexicon mention.
``term_occurrences`` is the other per-document step: every place a candidate stands as a word.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterator, Sequence

import jieba

from extractors.lexicon import Lexicon
from extractors.matcher import TermMatcher
from extractors.names import TRANSLIT
from extractors.records import Document, Mention, Sentence
from extractors.segment import sentences
from extractors.textutil import HAN
from extractors.traditional import simplified

QUOTED, POLICY_HEAD, WORD = "quoted", "policy-head", "word"

#: A word at least this frequent in jieba's dictionary is general vocabulary, not a term (unless its
#: part of speech says it is a name or an abbreviation: ``NAME_TAGS``).
RARE_WORD_FREQ = 30
NAME_TAGS = frozenset({"j", "nz", "nt", "ns", "nr", "nrt", "nrfg", "i", "l"})
#: Parts of speech a name does not start with (verbs, adverbs, prepositions, conjunctions, particles,
#: pronouns, numerals with measure words …): 充分发挥 | 新型举国体制 is no new name.
_INSIDE_STOP_TAGS = frozenset({"f", "p", "c", "u", "uj", "ul", "uv", "ud", "uz", "ug", "r", "rr", "rz", "y", "e", "o"})
_NO_START_TAGS = frozenset({"v", "vd", "vg", "vi", "d", "ad", "dg", "df", "p", "c", "u", "uj", "ul", "uv", "ud", "uz",
                            "ug", "r", "rr", "rz", "rg", "q", "mq", "y", "e", "o", "f", "t", "tg", "z", "x"})

POLICY_HEADS = ("体制", "机制", "战略", "工程", "行动", "计划", "倡议", "制度", "体系", "示范区")
_POLICY_HEAD = re.compile("|".join(POLICY_HEADS))
_EVENT_HEAD = re.compile(r"(?:会议|全会|大会|论坛|峰会|博览会|交易会|年会|座谈会|研讨会)$")
_INSTITUTION_HEAD = re.compile(r"(?:委员会|领导小组|办公室|研究院|研究所|大学|学院|银行|集团|公司|协会|学会|实验室|中心|总局|管理局)$")
_QUOTED = re.compile(rf"“([{HAN}A-Za-z0-9+＋·]{{2,16}})”")
_PERIOD = re.compile(r"^十[一二三四五六七八九]?五$|^[一二三四五六七八九十]+五$")
_CLAUSE_STOP = "，、；：“”‘’（）《》()[]【】 \n。！？"

#: Words that end a name to the left of its head: verbs that launch or govern it, adverbs, function
#: words (实施 | 西部大开发 | 战略; 加快 | 构建 | 现代产业 | 体系).
_LEFT_STOP = frozenset(
    "实施 开展 推进 推动 启动 组织 落实 部署 发起 制定 出台 深化 加强 强化 打造 构建 建立 建设 健全 完善 坚持 贯彻 "
    "执行 继续 持续 全面 大力 积极 加快 着力 扎实 深入 开始 正式 率先 首次 完成 打好 打赢 抓好 做好 用好 实行 推行 "
    "形成 加大 提高 提升 扩大 支持 鼓励 引导 促进 保障 确保 实现 加紧 抓紧 进一步 不断 逐步 切实 认真 努力 实施好 改革 "
    "的 和 与 及 或 并 是 有 了 着 过 其 该 各 这 那 以 为 把 将 在 对 等 由 从 向 于 通过 围绕 依托 按照 根据 "
    "我们 我国 国家级 一批 若干 一系列 系列 多项 一项 两项 这项 这些 新一轮 各项 各类 有关 相关 重大 重点 主要 "
    "要 要求 必须 需要 应 应当 可以 能够 已 已经 正在 将要 共 共同 统一 同时 以及 还 也 都 又 再 更".split()
)
#: Modifiers a name does not start with (重大 | 工程, 一批 | 重点项目); a national or social qualifier
#: stays (国家 | 自主创新示范区, 社会 | 治安防控体系).
_LEADING_MODIFIERS = frozenset(
    "重大 重点 若干 一批 一系列 系列 有关 相关 各项 各类 多项 一项 两项 这些 新一轮 总体 整体 相应 配套 全面 长效".split()
)
#: Names made only of these (and single characters) are generic: 重大工程, 国家战略, 总体规划.
_GENERIC = frozenset(
    "国家 中央 地方 全国 全省 各地 发展 建设 工作 管理 改革 创新 科技 基础 民生 重要 总体 整体 长效 相应 配套 "
    "经济 社会 体制 机制 制度 体系 政策 战略 工程 行动 计划 项目 专项 示范 试点 行动计划 实施 推进 保障 服务 "
    "现代 现代化 新型 综合 一体化 协调 统筹 重大 重点 若干 有关 相关".split()
)
#: Heads that are as often a modifier of the next word (战略合作, 行动方案): a name only when no Han
#: character follows, or one that can follow a name (的, 和, 是 …).
_MODIFIER_HEADS = frozenset({"战略", "行动"})
_AFTER_NAME = frozenset("的和与及或是为要在中等已将也都就还并")
_HAN_CHAR = re.compile(f"[{HAN}]")
#: Words after a lexicon term that do not make another entity of it.
_GENERIC_SUFFIXES = frozenset("试点 改革 工作 建设 政策 体制 机制 制度 体系 战略 工程 行动 计划".split())
#: Words a name does not start with: what they head began further left (重大|问题…, 突发公共卫生|事件…).
_NO_NAME_START = frozenset("问题 事件 合理 深化 有效 科学 进一步 体制".split())
_MAX_NAME_TOKENS = 5
_MAX_NAME_CHARS = 14


@dataclass(frozen=True, slots=True)
class Proposal:
    """A span the text marks as a name no lexicon lists, the type proposed and what proposed it."""

    start: int
    end: int
    type: str
    name: str
    source: str  # quoted, policy-head, word, or the mention's rule (rule:…)


def propose_terms(
    doc: Document, mentions: Sequence[Mention], lexicon: Lexicon, *, sents: Sequence[Sentence] | None = None,
    words: bool = True,
) -> list[Proposal]:
    """The document's proposals, sorted by (start, end, source); ``mentions`` are the document's
    (``extract_mentions``), ``sents`` its sentences if already made; ``words=False`` leaves out the
    ``word`` source (it segments every sentence, the costliest step)."""
    text = simplified(doc.text)
    sents = sentences(doc.id, text) if sents is None else sents
    found = [*_from_rules(mentions, lexicon), *_quoted(text), *_policy_heads(text, sents, lexicon)]
    if words:
        found.extend(_words(text, sents, lexicon))
    spans = _MentionSpans(mentions, lexicon)
    kept = {
        p for p in found
        if lexicon.lookup(p.name) is None and not _PERIOD.match(p.name) and not _known_with_suffix(p.name, lexicon)
        and (p.source.startswith("rule:") or (not general_vocabulary(p.name, lexicon) and spans.allow(p)))
    }
    return sorted(kept, key=lambda p: (p.start, p.end, p.source, p.type, p.name))


def _known_with_suffix(name: str, lexicon: Lexicon) -> bool:
    """The lexicon's term with a generic word after it (营业税改征增值税 | 试点) is that term."""
    return any(name.endswith(w) and lexicon.lookup(name[: -len(w)]) is not None for w in _GENERIC_SUFFIXES)


class _MentionSpans:
    """Where the document's mentions are: a proposal may not lie inside a lexicon mention, cross the
    edge of any mention (…发展战略 | 研究院), nor be a lexicon mention with words put in front of it."""

    def __init__(self, mentions: Sequence[Mention], lexicon: Lexicon):
        self._spans = sorted((m.start, m.end, m.rule == "lexicon" or lexicon.lookup(m.name) is not None)
                             for m in mentions)
        self._starts = [s for s, _, _ in self._spans]

    def allow(self, p: Proposal) -> bool:
        for s, e, known in self._spans[: bisect_left(self._starts, p.end)]:
            if e <= p.start:
                continue
            if (s < p.start < e < p.end) or (p.start < s < p.end < e):
                return False  # crosses a mention's edge
            if known and (s <= p.start and p.end <= e or e == p.end):
                return False
        return True


@cache
def _jieba_words() -> dict[str, tuple[int, str]]:
    """Frequency and part of speech of every word of jieba's own dictionary."""
    words = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                words[parts[0]] = (int(parts[1]), parts[2])
    return words


def part_of_speech(word: str) -> str:
    """The word's part of speech in jieba's dictionary ("" for a word it does not list)."""
    return _jieba_words().get(word, (0, ""))[1]


def general_vocabulary(name: str, lexicon: Lexicon) -> bool:
    """A word of jieba's dictionary common enough, and not tagged as a name or an abbreviation
    (科技, 核心, 蛋糕; but 三通 nz, 三公 j stay terms)."""
    freq, tag = _jieba_words().get(name, (0, ""))
    return freq >= RARE_WORD_FREQ and tag not in NAME_TAGS


def _from_rules(mentions: Sequence[Mention], lexicon: Lexicon) -> Iterator[Proposal]:
    for m in mentions:
        if m.rule != "lexicon" and m.type != "Document" and lexicon.lookup(m.name) is None:
            yield Proposal(m.start, m.end, m.type, m.name, m.rule)


#: A policy head, or 政策 / 规划, at the end of a name.
_POLICY_END = re.compile(f"(?:{'|'.join(POLICY_HEADS)}|政策|规划)$")


def has_head(name: str) -> bool:
    """Does the name end in a head that says what it is (…制度, …政策, …会议, …委员会)?"""
    return bool(_POLICY_END.search(name) or _EVENT_HEAD.search(name) or _INSTITUTION_HEAD.search(name))


def type_by_head(name: str) -> str:
    """The type a name's last characters suggest: a meeting, an organisation, else a policy term."""
    if _EVENT_HEAD.search(name):
        return "Event"
    if _INSTITUTION_HEAD.search(name) and not _POLICY_HEAD.search(name):
        return "Institution"
    return "Policy"


def _quoted(text: str) -> Iterator[Proposal]:
    for m in _QUOTED.finditer(text):
        name = m.group(1)
        if _PERIOD.match(name) or not re.search(f"[{HAN}]", name) or re.fullmatch(r"[0-9A-Za-z+＋·]+", name):
            continue
        yield Proposal(m.start(1), m.end(1), type_by_head(name), name, QUOTED)


def _policy_heads(text: str, sents: Sequence[Sentence], lexicon: Lexicon) -> Iterator[Proposal]:
    seg = lexicon.boundaries
    for s in sents:
        for m in _POLICY_HEAD.finditer(text, s.start, s.end):
            if m.group() in _MODIFIER_HEADS and _HAN_CHAR.match(text, m.end()) and text[m.end()] not in _AFTER_NAME:
                continue  # 战略 and 行动 modify what follows: 全面战略合作伙伴关系, 行动方案
            left = max(s.start, m.start() - _MAX_NAME_CHARS)
            clause = text[left : m.start()]
            cut = max(clause.rfind(c) for c in _CLAUSE_STOP)
            if cut >= 0:
                clause, left = clause[cut + 1 :], left + cut + 1
            if not clause:
                continue
            name_tokens: list[str] = []
            stopped_at = ""
            for tok in reversed(seg.segment(clause)):
                if (not re.match(f"[{HAN}A-Za-z0-9]", tok) or len(name_tokens) == _MAX_NAME_TOKENS
                        or part_of_speech(tok) in _INSIDE_STOP_TAGS or (name_tokens and tok in _LEFT_STOP)):
                    stopped_at = tok
                    break  # the word next to the head is part of the name even if it can govern one (社会保障 | 体系)
                name_tokens.insert(0, tok)
            if name_tokens and _cut_from(stopped_at, name_tokens[0], "".join(name_tokens)):
                continue  # 突发|事件应急管理机制, 以|药补医机制: the name began before the word that stopped the walk
            popped = ""
            while len(name_tokens) > 1 and (name_tokens[0] in _LEADING_MODIFIERS or name_tokens[0] in _LEFT_STOP
                                            or part_of_speech(name_tokens[0]) in _NO_START_TAGS):
                popped = name_tokens.pop(0)
            if popped and _cut_from(popped, name_tokens[0]):
                continue  # 突发 | 事件应急管理机制: the modifier and the word after it are one word
            if name_tokens and name_tokens[0] in _NO_NAME_START:
                continue  # 重大 | 问题集体决策制度, 人才 | 合理流动机制: the name began further left
            # the longest name that stands as a word (建立健全 | 最低生活保障制度: 健全 is no part of it)
            for i in range(len(name_tokens)):
                if not _substantial(name_tokens[i:], lexicon):
                    break
                start = m.start() - sum(map(len, name_tokens[i:]))
                if _WHEN_ONLY.fullmatch(text, start, m.start()):
                    break  # 2023年计划, 年度计划: a year's plan, no programme's name
                if seg.accepts(text, start, m.end(), s.start, s.end):
                    yield Proposal(start, m.end(), "Policy", text[start : m.end()], POLICY_HEAD)
                    break


#: A year or a period alone before a head (2023年计划, 年度计划, 今年计划).
_WHEN_ONLY = re.compile(r"(?:(?:19|20)\d\d年度?|年度|今年|明年|去年|本年度?|当年)")


def _cut_from(before: str, first: str, stem: str = "") -> bool:
    """Do the word that ended the walk to the left and the name's first word belong together: one
    word of jieba's dictionary (突发 + 事件), or a preposition and the three characters of a
    four-character phrase (以 + 药补医, 以 + 质取胜)?"""
    if not before or not first:
        return False
    return (before + first) in _jieba_words() or (before in ("以", "为") and len(stem) == 3)


def _substantial(tokens: list[str], lexicon: Lexicon) -> bool:
    """Words before a head that make a name: two or more, not all generic (重大 | 工程 is no name), or
    one that is no general word (菜篮子 | 工程 is a name, 产业 | 体系 is not)."""
    if not tokens or all(t in _GENERIC or len(t) == 1 for t in tokens):
        return False
    if len(tokens) == 1:
        return len(tokens[0]) >= 3 or not general_vocabulary(tokens[0], lexicon)
    return True


#: The type a rare dictionary word's part of speech gives it. Personal names (nr) are left to the
#: rules (jieba tags many rare words nr: 强降雨, 高素质), other proper nouns (nz) and abbreviations (j)
#: are of every type, and words jieba has no entry for carry no type at all: a lexicon row needs one.
_TAG_TYPES = {"ns": "Place", "nt": "Institution"}


#: Last characters that confirm jieba's tag of a rare word (its tags of rare words are often wrong:
#: 热烈祝贺 ns, 中美关系 nt): a place's suffix, an organisation's head.
_PLACE_END = re.compile(r"(?:国|省|市|县|区|州|岛|湾|河|江|湖|山|岸|港|洲|盟|斯|亚)$")
_ORGANISATION_END = re.compile(r"(?:部|局|委|会|院|团|社|厅|署|办|所|校|中心|公司|集团|银行|大学|学院)$")
#: Words whose 局 or 会 is no body's (新格局, 大变局, 机会): a situation, a layout, an occasion.
_NOT_BODY_ENDS = frozenset("格局 布局 大局 全局 结局 变局 开局 时局 僵局 政局 残局 骗局 机会 社会 体会 误会 都会 约会".split())


@cache
def _rare_names() -> tuple[TermMatcher, dict[str, str]]:
    """jieba's rare names of three characters or more (places, organisations), with their type, where
    the word's shape agrees with its tag: a place's suffix, an organisation's head."""
    types = {}
    for word, (freq, tag) in _jieba_words().items():
        type_ = _TAG_TYPES.get(tag)
        if not type_ or freq >= RARE_WORD_FREQ or len(word) < 3 or not re.fullmatch(f"[{HAN}]+", word):
            continue
        if (_PLACE_END if type_ == "Place" else _ORGANISATION_END).search(word) and word[-2:] not in _NOT_BODY_ENDS:
            types[word] = type_
    return TermMatcher(types), types


#: First words of a class of bodies, not of one body's name.
_CLASS_PREFIXES = frozenset("公立 重点 上市 民营 国有 地方 高等 知名 一流 各级 基层 骨干".split())


def _words(text: str, sents: Sequence[Sentence], lexicon: Lexicon) -> Iterator[Proposal]:
    """Rare names of jieba's dictionary standing as a word in a sentence (a lexicon term wins:
    lexicon forms are words of the private tokenizer)."""
    matcher, types = _rare_names()
    seg = lexicon.boundaries
    k, n = 0, len(sents)
    for start, end in matcher.find(text):
        while k < n and sents[k].end <= start:
            k += 1
        if k == n or start < sents[k].start or end > sents[k].end:
            continue
        word = text[start:end]
        if _inside_transliteration(text, start, end):
            continue  # 福尼亚 in 加利福尼亚
        if word[:2] in _CLASS_PREFIXES:
            continue  # 公立医院, 重点高校, 上市公司: a class of bodies, no one of them
        if lexicon.lookup(word) is None and seg.accepts(text, start, end, sents[k].start, sents[k].end):
            yield Proposal(start, end, types[word], word, WORD)


def _inside_transliteration(text: str, start: int, end: int) -> bool:
    word = text[start:end]
    return all(c in TRANSLIT for c in word[:2] + word[-2:]) and (
        (start > 0 and text[start - 1] in TRANSLIT) or (end < len(text) and text[end] in TRANSLIT)
    )


def term_occurrences(
    doc: Document, matcher: TermMatcher, lexicon: Lexicon, *, sents: Sequence[Sentence] | None = None
) -> list[tuple[int, int, int]]:
    """Every ``(start, end, sentence index)`` where a term of ``matcher`` stands as a word in a
    sentence of the document (nested terms too: 示范区 inside 自主创新示范区), in text order."""
    text = simplified(doc.text)
    sents = sentences(doc.id, text) if sents is None else sents
    out = []
    k, n = 0, len(sents)
    for start in matcher.candidates(text):
        while k < n and sents[k].end <= start:
            k += 1
        if k == n or start < sents[k].start:
            continue
        lo, hi = sents[k].start, sents[k].end
        for end in matcher.find_all(text, start):
            if end <= hi and lexicon.boundaries.accepts(text, start, end, lo, hi):
                out.append((start, end, k))
    return out
