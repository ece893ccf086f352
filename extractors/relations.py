"""Typed relations the text states, each with the span that states it.

``extract_relations(doc, mentions)`` is pure: it reads the normalised text and the document's
mentions and returns ``TypedRelation`` records sorted by (doc, start, end, type, source, target).
Precision comes first: a pattern fires only when the words between the entities are exactly what
the pattern allows, so a wrong edge is rarer than a missing one.

- HOLDS_POSITION (Person -> Institution, detail = the position), from apposition chains:
  科技部党组书记、部长阴和俊; 中共中央政治局常委、中央科技委员会主任丁薛祥; 天津大学精仪学院黄显教授;
  刘冬梅，中国科学技术发展战略研究院党委书记; 刘冬梅系…研究院党委书记、研究员;
  张希全国人大代表、中国科学院院士、吉林大学校长.
- ISSUED (Institution -> Document): 工信部等七部门发布的《关于推动未来产业创新发展的实施意见》;
  中共中央、国务院印发《…》.
- AUTHORED (Person -> Document): 阴和俊同志的署名文章《…》; a reference entry 文章：《…》 … 作者：A、B;
  a headline followed by its byline (…路径 / 宋德雄).
- PUBLISHED_IN (Document -> Institution): 《…》，《人民日报》; 文章：《…》 … 期刊：工程科学学报.
- PART_OF (Institution -> Institution): a sub-unit written with its parent (天津大学精仪学院 -> 天津大学).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Sequence

from extractors.records import Document, Mention, Sentence, TypedRelation
from extractors.rules.persons import TITLES
from extractors.segment import SentenceIndex, sentences
from extractors.traditional import simplified

_TITLE_RUN = re.compile(rf"(?:{TITLES})(?:、?(?:{TITLES}))*")
_ISSUE_VERB = re.compile(
    r"(?:等(?:[一二三四五六七八九十两\d]+个?)?部门)?(?:近日|日前|近期|今年|联合|共同|正式)?(?:发布|印发|出台|制定|颁布|公布|发出|下发|联合印发|联合发布)(?:了|的)?"
)
_AFTER_PERSON = re.compile(r"系|，(?=[^，]{2,40}(?:；|）|$))|")
_AFTER_TITLE = re.compile(r"》[，,]\s*《?")
_AUTHORED = re.compile(r"^(?:同志)?的(?:署名文章|署名评论|文章|讲话|署名)")


def extract_relations(doc: Document, mentions: list[Mention], *, sents: Sequence[Sentence] | None = None) -> list[TypedRelation]:
    """The typed relations of one document; ``sents`` may pass ``sentences(doc.id, doc.text)``
    if already made. Each relation's evidence is the sentence(s) holding both entities. Patterns
    read traditional characters as simplified (same offsets; ``extractors.traditional``)."""
    text = simplified(doc.text)
    ms = sorted(mentions)
    index = SentenceIndex(sentences(doc.id, text) if sents is None else sents, len(text))
    out: set[TypedRelation] = set()
    out |= _positions(doc, index, text, ms)
    out |= _issued(doc, index, text, ms)
    out |= _authored(doc, index, text, ms)
    out |= _references(doc, index, text, ms)
    out |= _part_of(doc, index, text, ms)
    return sorted(out)


def _rel(doc, index: SentenceIndex, a: Mention, b: Mention, type_: str, detail: str = "", span=None) -> TypedRelation:
    lo, hi = span or index.span(min(a.start, b.start), max(a.end, b.end))
    return TypedRelation(doc.id, lo, hi, type_, a.entity_id, b.entity_id, detail)


#: Longest "institution + titles" segment looked at before a person's name.
_MAX_SEGMENT = 200


def _positions(doc, index, text, ms) -> set[TypedRelation]:
    out = set()
    people = [m for m in ms if m.type == "Person"]
    insts = [m for m in ms if m.type == "Institution"]
    by_end, by_start = _longest_at(insts, "end"), _longest_at(insts, "start")
    for p in people:
        # [Inst][titles]、[Inst][titles] … Person  (walking left from the person); a segment of
        # titles only (科技部党组书记、部长阴和俊) belongs to the institution before it
        pos = p.start
        pending: list[str] = []
        while True:
            lo = max(0, pos - _MAX_SEGMENT)  # look back a bounded way: the cost stays per person, not per text
            seg_start = max(text.rfind("、", lo, pos), text.rfind("，", lo, pos), text.rfind("\n", lo, pos)) + 1
            if seg_start == 0 and lo > 0:
                break  # no delimiter within reach: not an institution and its titles
            seg = text[seg_start:pos]
            inst, title = _inst_title(seg_start, seg, by_start)
            if inst is not None:
                out.add(_rel(doc, index, p, inst, "HOLDS_POSITION", "、".join([title, *pending])))
                pending = []
            elif seg and _TITLE_RUN.fullmatch(seg) and not pending:
                pending = [seg]
            else:
                break
            if seg_start == 0 or text[seg_start - 1] != "、":
                break
            pos = seg_start - 1
        # Person [系|，] [Inst][titles](、[Inst]?[titles])* …  (byline and speaker lines)
        pos = p.end
        m = _AFTER_PERSON.match(text, pos)
        pos += len(m.group(0))
        while pos < len(text):
            inst = by_start.get(pos)
            if inst is None:
                break
            t = _TITLE_RUN.match(text, inst.end)
            if t is None:
                break
            out.add(_rel(doc, index, p, inst, "HOLDS_POSITION", t.group(0)))
            pos = t.end()
            if text[pos : pos + 1] != "、":
                break
            pos += 1
        # [Inst] Person [title]: 天津大学精仪学院黄显教授
        inst = by_end.get(p.start)
        t = _TITLE_RUN.match(text, p.end)
        if inst is not None and t is not None:
            out.add(_rel(doc, index, p, inst, "HOLDS_POSITION", t.group(0)))
    return out


def _longest_at(mentions: list[Mention], edge: str) -> dict[int, Mention]:
    """The longest of ``mentions`` starting (``edge="start"``) or ending (``"end"``) at each offset."""
    at: dict[int, Mention] = {}
    for m in mentions:
        k = getattr(m, edge)
        if k not in at or at[k].end - at[k].start < m.end - m.start:
            at[k] = m
    return at


def _inst_title(seg_start: int, seg: str, by_start):
    """A segment that is exactly an institution followed by titles -> (institution, titles)."""
    inst = by_start.get(seg_start) if seg else None
    if inst is not None:
        rest = seg[inst.end - seg_start :]
        if rest and _TITLE_RUN.fullmatch(rest):
            return inst, rest
    return None, ""


def _issued(doc, index, text, ms) -> set[TypedRelation]:
    out = set()
    docs = [m for m in ms if m.type == "Document"]
    insts = [m for m in ms if m.type == "Institution"]
    by_end = _longest_at(insts, "end")
    for d in docs:
        if d.start == 0 or text[d.start - 1] != "《":
            continue
        # walk left over the verb, then over institutions joined by 、/和/与
        head_end = d.start - 1  # the verb ends right before 《 (matched in place: no copy of the text before it)
        verb = None
        for k in range(max(0, head_end - 16), head_end):
            m = _ISSUE_VERB.fullmatch(text, k, head_end)
            if m:
                verb = m
                break
        if verb is None:
            continue
        pos = verb.start()
        issuers = []
        while pos > 0:
            inst = by_end.get(pos)
            if inst is None:
                break
            issuers.append(inst)
            if inst.start > 0 and text[inst.start - 1] in "、和与及":
                pos = inst.start - 1
            else:
                break
        for inst in issuers:
            out.add(_rel(doc, index, inst, d, "ISSUED"))
    return out


def _authored(doc, index, text, ms) -> set[TypedRelation]:
    out = set()
    docs = {m.start: m for m in ms if m.type == "Document"}
    for p in (m for m in ms if m.type == "Person"):
        m = _AUTHORED.match(text, p.end)
        if m and text[m.end() : m.end() + 1] == "《":
            d = docs.get(m.end() + 1)
            if d is not None:
                out.add(_rel(doc, index, p, d, "AUTHORED"))
    # a headline followed by its byline: Document mention (rule:headline) then persons
    people = sorted((m for m in ms if m.type == "Person"), key=lambda m: m.start)
    starts = [m.start for m in people]
    for d in (m for m in ms if m.type == "Document" and m.rule == "rule:headline"):
        reach = min(len(text), d.end + _BYLINE_REACH)  # its line and the next, within reach
        line_end = text.find("\n", d.end, reach)
        nxt_end = text.find("\n", line_end + 1, reach) if line_end >= 0 else -1
        region_end = reach if nxt_end < 0 else nxt_end
        for p in people[bisect_left(starts, d.end) : bisect_left(starts, region_end)]:
            between = text[d.end : p.start]
            if re.fullmatch(r"[\n◎○、 ]*|(?:[\n◎○、 ]*[^\n]*)", between) and "。" not in between:
                lo = text.rfind("\n", 0, d.start) + 1
                out.add(_rel(doc, index, p, d, "AUTHORED", span=(lo, region_end)))
    return out


#: How far after a headline its byline is looked for (its line and the next).
_BYLINE_REACH = 400


def _references(doc, index, text, ms) -> set[TypedRelation]:
    """Reference entries: 文章：《X》 / 期刊：J / 作者：A、B, and 《X》，《人民日报》."""
    out = set()
    docs = [m for m in ms if m.type == "Document"]
    by_start = {m.start: m for m in ms}
    ms = sorted(ms, key=lambda m: m.start)
    starts = [m.start for m in ms]
    for d in docs:
        # 《X》，《人民日报》 / 《X》，人民日报
        m = _AFTER_TITLE.match(text, d.end)
        if m:
            pub = by_start.get(m.end())
            if pub is not None and pub.type == "Institution":
                out.add(_rel(doc, index, d, pub, "PUBLISHED_IN"))
        # 文章：《X》 then, within the next lines, 期刊：J and 作者：A、B
        if not re.search(r"(?:文章|论文|题目)[：:]《$", text[max(0, d.start - 4) : d.start]):
            continue
        entry_start = text.rfind("\n", 0, d.start) + 1
        entry_end = d.end
        for _ in range(4):  # the entry's following lines
            nl = text.find("\n", entry_end)
            if nl < 0:
                entry_end = len(text)
                break
            nxt = text.find("\n", nl + 1)
            line = text[nl + 1 : nxt if nxt >= 0 else len(text)]
            if re.match(r"(?:文章|论文)[：:]", line):
                break
            entry_end = nxt if nxt >= 0 else len(text)
        span = (entry_start, entry_end)
        for m2 in ms[bisect_right(starts, d.end) : bisect_left(starts, entry_end)]:
            line_start = text.rfind("\n", 0, m2.start) + 1
            label = text[line_start : line_start + 3]
            if m2.type == "Person" and label.startswith("作者"):
                out.add(_rel(doc, index, m2, d, "AUTHORED", span=span))
            elif m2.type == "Institution" and label.startswith("期刊") and m2.start - line_start <= 3:
                out.add(_rel(doc, index, d, m2, "PUBLISHED_IN", span=span))
    return out


def _part_of(doc, index, text, ms) -> set[TypedRelation]:
    out = set()
    insts = [m for m in ms if m.type == "Institution"]
    by_start: dict[int, list] = {}
    for m in insts:
        by_start.setdefault(m.start, []).append(m)
    for a in insts:
        parents = [b for b in by_start[a.start] if b.end < a.end and b.entity_id != a.entity_id]
        if parents:
            parent = max(parents, key=lambda b: b.end)  # the immediate parent, not the grandparent
            out.add(_rel(doc, index, a, parent, "PART_OF"))
    return out
