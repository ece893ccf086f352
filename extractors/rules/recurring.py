"""Names recognised again: a name a rule introduced once is found again where it recurs on its own.

王韬 after 主任王韬; 罗素 after 斯图尔特·罗素; 《方案》 after …（以下简称《方案》）. This runs after the
other rules and overlap resolution, on the accepted candidates of one document.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from extractors.lexicon import Lexicon
from extractors.matcher import TermMatcher
from extractors.rules.base import Candidate
from extractors.rules.persons import known_short_name_stands
from extractors.textutil import is_han

#: A title recurs without its 《》 only from this length on.
_BARE_TITLE_MIN = 6
_ABBREVIATION = re.compile(r"[（(](?:以下)?简称[“\"《]?([^”\"》）)，,]{2,20})[”\"》]?[）)]")


def find_recurring(text: str, accepted: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """Recognise again, in the same document, names that rules introduced once."""
    known: dict[str, Candidate] = {}
    introduced: dict[str, list[int]] = {}  # a foreign surname: where its full name stands
    for c in accepted:
        if c.entry is None and c.type in ("Person", "Institution", "Document"):
            form = text[c.start : c.end]
            if c.type == "Document" and len(form) < _BARE_TITLE_MIN and text[c.start - 1 : c.start] == "《":
                form = f"《{form}》"  # a short title is only that document in 《》 again (《绽放》, not 绽放生命精彩)
            known.setdefault(form, c)
            if c.type == "Person" and "·" in c.name:
                last = c.name.rsplit("·", 1)[1]
                if len(last) >= 2:
                    known.setdefault(last, c)
                    introduced.setdefault(last, []).append(c.start)
    definitions = []
    by_end = sorted(accepted, key=lambda c: c.end)
    ends = [c.end for c in by_end]
    for m in _ABBREVIATION.finditer(text):
        short = m.group(1)
        # the candidates ending right before the definition (at most one character before it)
        before = by_end[bisect_right(ends, m.start() - 2) : bisect_right(ends, m.start())]
        before.sort(key=lambda c: (c.start, c.end))
        if before and lexicon.lookup(short) is None:
            # a short form written in 《》 is only that document when written in 《》 again
            key = f"《{short}》" if "《" in m.group(0) else short
            known[key] = before[-1]
            definitions.append((m.span(), key))
    if not known:
        return accepted
    if definitions:
        # what the abbreviation stands for wins over what a rule made of the short form alone
        # (《概论》 after （以下简称《概论》） is the full title, not a document called 概论)
        spans = [span for span, _ in definitions]
        shorts = {key for _, key in definitions}
        accepted = [c for c in accepted if not (
            any(s <= c.start and c.end <= e for s, e in spans)
            or (c.entry is None and f"《{text[c.start:c.end]}》" in shorts and text[c.start - 1 : c.start] == "《")
            or (c.entry is None and text[c.start:c.end] in shorts)
        )]
    occupied = bytearray(len(text))
    for c in accepted:
        occupied[c.start : c.end] = b"\1" * c.length
    for m in _ABBREVIATION.finditer(text):  # the definition itself is not another mention
        occupied[m.start() : m.end()] = b"\1" * (m.end() - m.start())
    starts, ends = bytearray(len(text) + 1), bytearray(len(text) + 1)  # where accepted mentions start and end
    for c in accepted:
        starts[c.start] = ends[c.end] = 1
    out = list(accepted)
    for form, start in _occurrences(text, known):
        src = known[form]
        bracketed = form.startswith("《")
        s, e = (start + 1, start + len(form) - 1) if bracketed else (start, start + len(form))
        if any(occupied[s:e]) and not (src.type == "Document" and _holds_whole(occupied, s, e, starts, ends)):
            continue  # (a title again may hold names of its own: 写在“五一”国际劳动节之际 holds the day)
        # a short form must stand alone: not glued to Han characters on both sides
        if not bracketed and len(form) <= 2 and src.type != "Person" and _glued(text, s, e):
            continue
        if not bracketed and src.type == "Document" and not _stands_as_item(text, s, e):
            continue  # a title without 《》 only as an item of its own (5.央视快评： …；), not inside a sentence
        if src.type == "Person" and not _person_stands(text, s, e, lexicon, introduced.get(form)):
            continue
        occupied[s:e] = b"\1" * (e - s)
        out.append(Candidate(s, e, src.type, src.name, "rule:recurring", src.entry))
    return sorted(out, key=lambda c: (c.start, c.end))


def _holds_whole(occupied: bytearray, s: int, e: int, starts: bytearray, ends: bytearray) -> bool:
    """Do the mentions in ``[s, e)`` lie wholly inside it (none crosses its ends or covers it all)?"""
    crosses_start = s > 0 and occupied[s - 1] and occupied[s] and not ends[s]
    crosses_end = e < len(occupied) and occupied[e - 1] and occupied[e] and not ends[e]
    return not crosses_start and not crosses_end and not (starts[s] and ends[e])


def _occurrences(text: str, forms) -> list[tuple[str, int]]:
    """(form, start) of every occurrence of the forms, longest form first, then by form and start;
    occurrences of one form do not overlap (as ``re.finditer`` finds them). One scan of the text for
    all forms, however many there are."""
    matcher = TermMatcher(forms)
    found: list[tuple[int, str, int]] = [(-len(f), f, m.start()) for f in forms if len(f) < 2
                                         for m in re.finditer(re.escape(f), text)]
    for i in matcher.candidates(text):
        for end in matcher.find_all(text, i):
            form = text[i:end]
            found.append((-len(form), form, i))
    found.sort()
    out, last_form, last_end = [], None, -1
    for neg, form, start in found:
        if form != last_form:
            last_form, last_end = form, -1
        if start < last_end:
            continue
        last_end = start - neg
        out.append((form, start))
    return out


#: How far from its full name a foreign surname alone is taken for that person: about one news item
#: (a day's transcript names 华莱士 the MEP in one item and 华莱士 the defence secretary in another).
_SURNAME_REACH = 1500
#: What after a name makes it the name of a body: 莫塔集团, 洛克菲勒基金会, “杜鲁门”号.
_NAMES_A_BODY = re.compile(r"[”\"]?(?:集团|公司|家族|基金会|大学|学院|银行|研究所|研究院|中心|号|奖|大桥|大街|大道|广场)")


def _person_stands(text: str, start: int, end: int, lexicon: Lexicon, full_names: list[int] | None) -> bool:
    """Does a name recur at ``text[start:end]`` as itself: not inside a longer name (穆萨|耶娃),
    and, for a foreign surname alone, near where the full name was written?"""
    if full_names is not None and all(abs(start - p) > _SURNAME_REACH for p in full_names):
        return False
    if _NAMES_A_BODY.match(text, end):
        return False  # 莫塔集团, 加德纳大学: a body named after the person
    return known_short_name_stands(text, start, end, word_frequency=lexicon.boundaries.frequency,
                                   is_person_at=lambda pos: False)


_ITEM_BEFORE = re.compile(r"(?:^|\n|[：:）)]|\d+[.．、])[ \u3000]*$")
_ITEM_AFTER = re.compile(r"[ \u3000]*(?:[；;。\n]|$)")


def _stands_as_item(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` an item of its own: after a colon, a number or a line break, and
    before a semicolon, a full stop or the line's end (5.央视快评： 坚持…；)?"""
    return bool(_ITEM_BEFORE.search(text, max(0, start - 6), start) and _ITEM_AFTER.match(text, end))


def _glued(text: str, start: int, end: int) -> bool:
    """Is a short form glued to Han characters on both sides (so not a name standing alone)?"""
    return (0 < start and end < len(text) and is_han(text[start - 1])
            and text[end] not in "说称表认指强介等和与的，。、；")
