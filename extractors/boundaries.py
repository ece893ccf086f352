"""Word-boundary checks with a private jieba tokenizer.

A dictionary term found on characters is only a mention if the text has a word boundary at both
its ends: 科技部 is not in 科技部署 (科技 | 部署), 中国 is not a place inside 中国科学院. jieba decides,
with the HMM off (it glues unknown neighbours onto words) and with the lexicon's terms added to a
*private* ``jieba.Tokenizer`` (``jieba.add_word`` on the default tokenizer would change
segmentation for every other caller in the process).

Checking is lazy and cheap where it can be: only when a word of jieba's dictionary crosses one of
the term's ends is the window around the term segmented.
"""
from __future__ import annotations

import hashlib
import logging
import marshal
import os
import tempfile
from pathlib import Path
from typing import Iterable

import jieba

jieba.setLogLevel(logging.WARNING)

#: Words of jieba's dictionary kept for boundary checks: those at least this frequent (and every
#: single character). The rare tail (two thirds of the 349k words, three quarters of the memory)
#: mostly blocks real mentions (台湾 in 台湾同胞) rather than wrong ones.
MIN_WORD_FREQ = 10

#: Words of jieba's dictionary that are no words: a verb glued to the adjective that begins the next
#: word (开发新|能源 would hide 新能源 in 积极开发新能源) or to a place (符合中国), and a country, province or city glued to a place or
#: a body in it (上海浦东 would hide both 上海 and 浦东, 美国硅谷 both 美国 and 硅谷; each is named on its
#: own). Left out of the boundary dictionary; ``tests/test_lexicon.py`` checks that every such compound of
#: jieba's dictionary is listed, but for those that name one thing (捷克斯洛伐克, 上海人民出版社).
NOT_WORDS = frozenset({
    "开发新",
    # a verb glued to the place after it (符合|中国国情, 曾任|柏林市长)
    "符合中国", "任柏林",
    "上海南京路", "上海浦东", "北京中山公园", "北京人民大会堂", "北京天安门广场", "北京故宫", "广州白云机场",
    "承德避暑山庄", "洛阳龙门石窟", "辽宁抚顺",
    "中国内蒙古自治区", "中国华北地区", "中国北方地区", "中国西藏自治区", "俄罗斯远东地区", "埃及西奈半岛", "美国硅谷",
    "俄罗斯黑海舰队", "北京故宫博物院", "上海复旦大学", "成都电子科技大学", "德国西门子", "日本共同社", "美国波音公司",
    "美国加州大学", "美国加州理工学院", "美国哈佛大学", "美国哥伦比亚大学", "美国斯坦福大学", "美国普林斯顿大学",
    "美国耶鲁大学", "美国芝加哥大学", "美国麻省理工学院", "英国剑桥大学", "英国牛津大学",
    # a place glued to 地区 (中东|地区, 北京|地区): the place is named, 地区 says no more
    "上海地区", "东北亚地区", "东南亚地区", "中东地区", "中亚地区", "中美洲地区", "亚洲地区", "伊犁地区", "内蒙古地区",
    "北京地区", "北美地区", "南亚地区", "商洛地区", "地中海地区", "天津地区", "太平洋地区", "巴勒斯坦地区", "广东地区",
    "广州地区", "延安地区", "新疆地区", "欧洲地区", "河北地区", "波斯湾地区", "波罗的海地区", "澳门地区", "西亚地区",
    "西伯利亚地区", "西太平洋地区", "西藏地区", "青海地区", "非洲地区", "香港地区", "黑海地区",
})

#: How far around a term the segmentation looks.
_CONTEXT = 8
#: Longest dictionary word considered when looking for words that cross a boundary.
#: From this many characters a lexicon term's end is its own: the words jieba would make across it are the
#: term's head joined to what the text does with it (…水电工程|建设, …战略|实施). Not a rule's span, whose
#: end is what is in question (流动人口计划|生育).
_LONG_TERM = 6
_MAX_CROSSING = 4
#: Longest dictionary word considered when looking for a word that goes on past a term.
_MAX_WORD = 8


def cache_dir() -> Path:
    """Where jieba may keep its dictionary cache: ``$KG_CACHE_DIR``, else the XDG cache folder."""
    base = os.environ.get("KG_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "kg"
    )
    return Path(base)


def _boundary_dictionary(folder: Path) -> Path:
    """jieba's own dictionary without its rare tail, derived once into the cache folder."""
    source = Path(jieba.__file__).parent / "dict.txt"
    raw = source.read_bytes()
    digest = hashlib.sha1(raw).hexdigest()[:12]
    dropped = hashlib.sha1(" ".join(sorted(NOT_WORDS)).encode()).hexdigest()[:6]
    target = folder / f"jieba-boundaries-{MIN_WORD_FREQ}-{digest}-{dropped}.txt"
    if target.is_file():
        return target
    kept = []
    for line in raw.decode("utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) >= 2 and (len(parts[0]) == 1 or int(parts[1]) >= MIN_WORD_FREQ) and parts[0] not in NOT_WORDS:
            kept.append(f"{parts[0]} {parts[1]}")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".jieba-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\n".join(kept) + "\n")
    os.replace(tmp, target)
    return target


def _add_words(tk: jieba.Tokenizer, words: list[str], folder: Path, dictionary: Path) -> None:
    """``tk.add_word`` for every word, in order, as jieba does it, remembered in the cache folder.

    jieba's ``add_word`` segments each word to suggest its frequency (a millisecond a word, 20,000
    words); what it changes in the tokenizer depends only on the dictionary and the words, so the
    changes are kept once (``marshal``, as jieba keeps its own cache) and laid over the next time.
    """
    key = hashlib.sha1("\n".join([dictionary.name, *words]).encode("utf-8")).hexdigest()[:16]
    cached = folder / f"jieba-words-{key}.marshal"
    try:
        changed, total = marshal.loads(cached.read_bytes())
        if isinstance(changed, dict) and isinstance(total, int):
            tk.FREQ.update(changed)
            tk.total = total
            return
    except (OSError, ValueError, EOFError, TypeError):
        pass  # not there yet, or unreadable: derive it again
    before = dict(tk.FREQ)
    for w in words:
        tk.add_word(w)
    changed = {w: f for w, f in tk.FREQ.items() if before.get(w) != f}
    store_in_cache(cached, marshal.dumps((changed, tk.total)), prune="jieba-words-*.marshal", keep=_KEEP_WORD_CACHES)


#: How many lexicons' word caches stay in the cache folder (2-3 MB each; one is written per lexicon
#: a build sees, so a researcher who edits a lexicon often would otherwise fill the folder).
_KEEP_WORD_CACHES = 8


def store_in_cache(path: Path, payload: bytes, *, prune: str | None = None, keep: int = 0) -> None:
    """Write ``payload`` to ``path`` in the cache folder atomically (a temporary file, then a rename),
    and with ``prune`` remove all but the ``keep`` most recently written files matching that pattern
    there. A folder that cannot be written only costs the time of deriving the data again next run."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".cache-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, path)
        if prune:
            found = sorted(path.parent.glob(prune), key=lambda p: p.stat().st_mtime_ns, reverse=True)
            for old in found[keep:]:
                old.unlink(missing_ok=True)
    except OSError:
        pass


class WordBoundaries:
    """Decides whether ``text[start:end]`` stands as a word in its sentence."""

    def __init__(self, words: Iterable[str]):
        self._words = sorted(set(words))
        self._tokenizer: jieba.Tokenizer | None = None
        self._freq: dict[str, int] | None = None
        # memo of decisions by local context: the same phrase recurs across a corpus
        self._crossed_memo: dict[str, bool] = {}
        self._cut_memo: dict[str, frozenset[int]] = {}
        self._segment_memo: dict[str, tuple[str, ...]] = {}

    def _init(self) -> None:
        folder = cache_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            writable = os.access(folder, os.W_OK)
        except OSError:
            writable = False
        if not writable:
            folder = Path(tempfile.gettempdir())
        dictionary = _boundary_dictionary(folder)
        tk = jieba.Tokenizer(dictionary=str(dictionary))
        tk.tmp_dir = str(folder)
        tk.initialize()
        _add_words(tk, [w for w in self._words if " " not in w], folder, dictionary)  # jieba words hold no spaces
        self._tokenizer = tk
        self._freq = tk.FREQ

    def segment(self, text: str) -> list[str]:
        """jieba's words of ``text`` (HMM off, lexicon terms added); the same phrase recurs across a
        corpus (meeting heads, programme names), so short texts are remembered."""
        if self._tokenizer is None:
            self._init()
        words = self._segment_memo.get(text)
        if words is None:
            words = tuple(self._tokenizer.cut(text, HMM=False))
            if len(text) <= _CONTEXT * 8:
                self._remember(self._segment_memo, text, words)
        return list(words)

    def frequency(self, word: str) -> int:
        """The word's frequency in jieba's dictionary (0 if it is not a word there)."""
        if self._tokenizer is None:
            self._init()
        return self._freq.get(word, 0) or 0

    def _crossed(self, text: str, start: int, end: int, lo: int, hi: int) -> bool:
        """Is there a dictionary word that starts inside the term (or at its start) and ends after
        it, or starts before it and ends inside it (or at its end)?

        jieba's table holds every prefix of every word (with frequency 0), so a walk from one
        starting point stops as soon as the characters read are no word's beginning."""
        freq = self._freq
        for k in range(end - 1, start - 1, -1):
            if text[k:end] not in freq:
                continue  # no word begins with this end of the term
            for j in range(end + 1, min(hi, k + _MAX_CROSSING) + 1):
                w = text[k:j]
                if w not in freq:
                    break
                if freq[w] > 0:
                    return True
        for k in range(max(lo, start - _MAX_CROSSING + 1), start):
            if text[k:start] not in freq:
                continue
            for j in range(start + 1, min(end, k + _MAX_CROSSING) + 1):
                w = text[k:j]
                if w not in freq:
                    break
                if freq[w] > 0:
                    return True
        return False

    def word_goes_on(self, text: str, start: int, end: int, hi: int | None = None) -> bool:
        """Is there a word of the dictionary that starts at ``start`` and ends after ``end``
        (汪洋大海 after 汪洋)?"""
        if self._tokenizer is None:
            self._init()
        freq = self._freq
        hi = len(text) if hi is None else hi
        for j in range(end + 1, min(hi, start + _MAX_WORD) + 1):
            w = text[start:j]
            if w not in freq:
                return False  # no word begins with these characters
            if freq[w] > 0:
                return True
        return False

    def accepts(self, text: str, start: int, end: int, lo: int = 0, hi: int | None = None, *, known: bool = False) -> bool:
        """True if jieba puts word boundaries at ``start`` and ``end`` (within ``text[lo:hi]``). A ``known``
        term (a lexicon form) of ``_LONG_TERM`` characters or more needs the boundary at its start only."""
        if self._tokenizer is None:
            self._init()
        hi = len(text) if hi is None else hi
        k0 = max(lo, start - _MAX_CROSSING + 1)
        key = f"{start - k0}|{text[k0 : min(hi, end + _MAX_CROSSING)]}|{end - start}"
        crossed = self._crossed_memo.get(key)
        if crossed is None:
            crossed = self._crossed(text, start, end, lo, hi)
            self._remember(self._crossed_memo, key, crossed)
        if not crossed:
            return True
        w0 = max(lo, start - _CONTEXT)
        window = text[w0 : min(hi, end + _CONTEXT)]
        cuts = self._cut_memo.get(window)
        if cuts is None:
            pos, found = 0, {0}
            for tok in self._tokenizer.cut(window, HMM=False):
                pos += len(tok)
                found.add(pos)
            cuts = frozenset(found)
            self._remember(self._cut_memo, window, cuts)
        # a long term (a programme, a strategy's full name) stands where it starts a word, whatever jieba
        # makes of its last characters and the next ones (…水电工程|建设 cut as 水电|工程建设)
        return (start - w0) in cuts and ((end - w0) in cuts or (known and end - start >= _LONG_TERM))

    def forget(self) -> None:
        """Drop the tokenizer and the memo of decisions (memory back for the stages after
        extraction); both are rebuilt, identically, on the next use."""
        self._crossed_memo.clear()
        self._cut_memo.clear()
        self._segment_memo.clear()
        self._tokenizer = None
        self._freq = None

    @staticmethod
    def _remember(memo: dict, key, value, limit: int = 200_000) -> None:
        if len(memo) >= limit:
            memo.clear()  # bounded memory; decisions are recomputed identically
        memo[key] = value
