"""Mentions from a document: lexicon matches and rules, resolved to canonical entities.

``extract_mentions(doc, lexicon, *, rules=True)`` is a pure function of its arguments: no I/O and
no module-level state. Its output is sorted by ``(doc_id, start, end, entity_id)``.

Steps:

1. Lexicon terms are found on characters (longest match at every position) and kept where jieba
   puts word boundaries at both ends (科技部 is not in 科技部署); so are terms written with part of
   them in quotes (“零就业”家庭 is 零就业家庭).
2. Rules find what no lexicon lists (people by titles and bylines, institutions by structure,
   documents in 《》, meetings, quoted policy terms), building on the lexicon matches.
3. Overlaps are resolved: the longest match wins; on equal spans a lexicon entry wins. Nested
   entities are not double-counted, with two exceptions: the parent of an institution's sub-unit
   (天津大学 in 天津大学精仪学院) and the place a disaster is named after (汶川 in 汶川特大地震) are
   kept as mentions of their own, since the text names them; so is a title in 《》 inside an event's
   name (《生物多样性公约》 in 《生物多样性公约》第十五次缔约方大会).
4. Within a document, a name introduced once is recognised again when it recurs on its own
   (王韬 after 主任王韬; 罗素 after 斯图尔特·罗素; 《方案》 after …（以下简称《方案》）).
5. Every mention resolves to one canonical entity through the alias registry, with a stable id.
6. What the user's stop-lists name is dropped (``extractors.stoplist``): after overlaps are resolved,
   so a stopped name still keeps a shorter term or a rule from being found inside it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from operator import attrgetter

from extractors.lexicon import Lexicon
from extractors.records import Document, Mention, entity_id
from extractors.rules.base import Candidate, Context
from extractors.rules.coordination import expand_coordination
from extractors.rules.documents import find_documents, texts_in_titles, titles_in_events
from extractors.rules.events import find_events
from extractors.rules.headlines import find_headlines
from extractors.rules.institutions import bodies_inside, find_institutions
from extractors.rules.persons import ends_a_name_context, find_persons, known_short_name_stands, starts_with_title
from extractors.rules.places import drop_places_out_of_place, find_places, find_sites, places_inside
from extractors.rules.policies import anchors_in_systems, find_policies, find_programmes, find_systems, policies_inside
from extractors.rules.recurring import find_recurring
from extractors.rules.technologies import find_technologies
from extractors.segment import sentences
from extractors.textutil import is_han
from extractors.traditional import simplified


@dataclass(frozen=True)
class ExtractOptions:
    rules: bool = True  # False: lexicon matches only
    boundary_check: bool = True  # False: accept every lexicon match (faster, less precise)


DEFAULT_OPTIONS = ExtractOptions()


def extract_mentions(
    doc: Document, lexicon: Lexicon, *, options: ExtractOptions = DEFAULT_OPTIONS, sents: list | None = None
) -> list[Mention]:
    """The document's mentions; ``sents`` may pass ``sentences(doc.id, doc.text)`` if already made.

    Traditional characters are read as simplified (``extractors.traditional``: same length, same
    offsets); a mention's text is sliced from the document as written."""
    text = simplified(doc.text)
    sents = sentences(doc.id, text) if sents is None else sents
    anchors = _resolve([*_lexicon_candidates(text, sents, lexicon, options), *_across_quotes(text, sents, lexicon)])
    if options.rules:
        ctx = Context(
            text, sents, lexicon, anchors,
            is_common_word=lexicon.is_common_word,
            word_frequency=lexicon.boundaries.frequency,
            boundary_check=lexicon.boundaries.accepts,
            segment=lexicon.boundaries.segment,
        )
        found = [*find_documents(ctx), *find_events(ctx)]
        institutions = find_institutions(ctx)
        found.extend(institutions)
        inst_ends = {c.end for c in institutions} | {a.end for a in anchors if a.type == "Institution"}
        found.extend(find_persons(ctx, inst_ends))
        found.extend(find_policies(ctx))
        found.extend(find_programmes(ctx))
        found.extend(find_systems(ctx))
        found.extend(find_places(ctx))
        found.extend(find_sites(ctx))
        found.extend(find_technologies(ctx))
        accepted = _resolve([*anchors, *found])
        accepted = _with_parents(accepted)
        accepted = titles_in_events(text, accepted, lexicon.lookup)
        accepted = texts_in_titles(text, accepted, anchors)
        accepted = anchors_in_systems(accepted, anchors)
        accepted = places_inside(text, accepted, lexicon.lookup)
        accepted = bodies_inside(text, accepted, lexicon.lookup)
        accepted = policies_inside(text, accepted, lexicon.lookup)
        accepted = find_recurring(text, accepted, lexicon)
        accepted = find_headlines(text, accepted, ctx.repeated_runs)
        accepted = drop_places_out_of_place(text, accepted)
        accepted = expand_coordination(text, accepted, lexicon)
    else:
        accepted = anchors
    # Mention order (doc_id, start, end, entity_id), by a key made once per mention, not per comparison
    mentions = sorted((_to_mention(doc.id, doc.text, c, lexicon) for c in accepted), key=_ORDER)
    if lexicon.stop:  # stopped entities kept their spans above (nothing shorter is found inside them)
        mentions = [m for m in mentions if not lexicon.drops(m)]
    return mentions


def _lexicon_candidates(text: str, sents, lexicon: Lexicon, options: ExtractOptions) -> list[Candidate]:
    out = []
    forms = lexicon.forms
    matcher = lexicon.matcher
    ends = [s.end for s in sents]
    k, n_sents = 0, len(sents)
    for start, end in matcher.find(text):
        while k < n_sents and ends[k] <= start:  # matches come in text order: walk the sentences along
            k += 1
        if k == n_sents or start < sents[k].start or end > ends[k]:
            continue  # outside a sentence, or across its end
        lo, hi = sents[k].start, ends[k]
        if options.boundary_check and not _stands_alone(text, start, end, lo, hi, lexicon):
            # the longest term does not stand as a word here; a shorter one may (科技部 in 科技部署 no,
            # but 中国科学院 in 中国科学院院士 yes)
            for e in matcher.find_all(text, start):
                if e < end and _stands_alone(text, start, e, lo, hi, lexicon):
                    end = e
                    break
            else:
                continue
        entry = forms[text[start:end]]
        out.append(Candidate(start, end, entry.type, entry.name, "lexicon", entry))
    return out


#: A quoted stretch of a line, what a term may quote part of (“零就业”家庭, “三网”融合, 黄河“几字弯”攻坚战).
_QUOTED_PART = re.compile(r"“([^“”\n]{1,12})”")
_BEFORE_QUOTE, _AFTER_QUOTE = 6, 8  # how far a term may reach out of the quote on either side
_LONG_FORM = 6  # a term this long needs a word boundary at its start only (as in ``Boundaries.accepts``)


def _across_quotes(text: str, sents, lexicon: Lexicon) -> list[Candidate]:
    """Lexicon terms written with part of them in quotes: “零就业”家庭 is 零就业家庭, “米袋子”省长负责制 the
    system of that name. The term covers the quoted words and reaches out of the quotes on one side or
    both; the mention is the span as written, quotes included, and stands where jieba puts word boundaries at
    both ends, as any lexicon term (“三农”工作者 are workers, no 三农工作), counting the term's length without
    its quotes (“东数西算”工程|建设, a long term, needs its start only)."""
    out: list[Candidate] = []
    if "“" not in text:
        return out
    matcher, forms = lexicon.matcher, lexicon.forms
    bounds = [(s.start, s.end) for s in sents]
    k = 0
    for m in _QUOTED_PART.finditer(text):
        qs, qe = m.start(), m.end()
        while k < len(bounds) and bounds[k][1] <= qs:
            k += 1
        if k == len(bounds) or bounds[k][0] > qs or qe > bounds[k][1]:
            continue
        lo, hi = bounds[k]
        b = qs
        while b > max(lo, qs - _BEFORE_QUOTE) and is_han(text[b - 1]):
            b -= 1
        a = qe
        while a < min(hi, qe + _AFTER_QUOTE) and is_han(text[a]):
            a += 1
        pre, inner, post = text[b:qs], m.group(1), text[qe:a]
        if not pre and not post:
            continue
        joined = pre + inner + post
        inner_end = len(pre) + len(inner)
        best = None
        for i in range(len(pre) + 1):  # a start before the quote or at it; an end at or after it
            for e in matcher.find_all(joined, i):
                if e >= inner_end and (i < len(pre) or e > inner_end):
                    if best is None or e - i > best[1] - best[0]:
                        best = (i, e)
                    break
        if best is None:
            continue
        i, e = best
        start, end = (b + i if i < len(pre) else qs), qe + (e - inner_end)
        entry = forms[joined[i:e]]
        if entry.type == "Person" or not lexicon.boundaries.accepts(text, start, end, lo, hi, known=e - i >= _LONG_FORM):
            continue
        out.append(Candidate(start, end, entry.type, entry.name, "lexicon", entry))
    return out


def _stands_alone(text: str, start: int, end: int, lo: int, hi: int, lexicon: Lexicon) -> bool:
    """Word-boundary check of a lexicon match, with two refinements jieba cannot know:
    a two-character personal name must be followed by something a name can be followed by
    (李希 is not in 李希义), and an institution followed by a title stands (全国人大 in 全国人大代表)."""
    entry = lexicon.forms[text[start:end]]
    if (text[start].isascii() or text[end - 1].isascii()) and _glued_latin(text, start, end):
        return False  # EAST in EASTERN, AI in AIGC
    if entry.type == "Person":
        if end - start <= 2 and not known_short_name_stands(
                text, start, end, word_frequency=lexicon.boundaries.frequency, is_person_at=lambda pos: _person_at(text, pos, lexicon)):
            return False
        if (start == lo or ends_a_name_context(text, start)) and not lexicon.boundaries.word_goes_on(text, start, end, hi):
            return True  # a known name after punctuation or a title stands, whatever jieba makes of its end (韩正在 -> 韩 | 正在)
    if entry.type == "Institution" and entry.category in _NATIONAL_BODIES and start > lo \
            and text[start - 1] in _LEVELS and not text.startswith(_NATIONAL, start):
        return False  # 县|妇联, 浙江省|工商联: the local federation, not the national one its short form names
    if entry.type == "Institution" and starts_with_title(text, end):
        return True
    if entry.category == "country" and text.startswith("式", end):
        return True  # 美国式|民主, 美国式“小圈子”: the country's way, jieba's word 美国式 notwithstanding
    if entry.type == "Document" and text[end - 1] == "法" and text[end : end + 1] in _LAW_GOES_ON:
        return False  # 国家安全法|治体系: 法治, not a law (the lexicon's word wins jieba's cut there)
    return lexicon.boundaries.accepts(text, start, end, lo, hi, known=True)


#: Categories of national bodies with local branches at every level (妇联, 工商联): their short form after a level
#: of government names the branch there. 各级妇联 are all of them, the organisation.
_NATIONAL_BODIES = frozenset({"mass-organisation", "federation"})
_LEVELS = frozenset("省市县区乡镇旗州村")
_NATIONAL = ("全国", "中国", "中华")

#: Characters after a law's 法 that make 法 part of another word (法治, 法院, 法人; not 法规 of 宪法规定, 法制 of 宪法制度).
_LAW_GOES_ON = frozenset("治院人典官庭")


def _person_at(text: str, pos: int, lexicon: Lexicon) -> bool:
    """Does a name of the lexicon's people start at ``pos``?"""
    return any(lexicon.forms[text[pos:e]].type == "Person" for e in lexicon.matcher.find_all(text, pos))


def _glued_latin(text: str, start: int, end: int) -> bool:
    def alnum(i: int) -> bool:
        return 0 <= i < len(text) and text[i].isascii() and text[i].isalnum()

    return (alnum(start) and alnum(start - 1)) or (alnum(end - 1) and alnum(end))


def _resolve(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: longest first; on equal spans lexicon entries, then rule order."""
    order = sorted(
        enumerate(cands),
        key=lambda ic: (-ic[1].length, ic[1].entry is None, ic[1].start, ic[0]),
    )
    accepted: list[Candidate] = []
    occupied = bytearray()
    for _, c in order:
        if len(occupied) < c.end:
            occupied.extend(b"\0" * (c.end - len(occupied)))
        if any(occupied[c.start : c.end]):
            continue
        occupied[c.start : c.end] = b"\1" * c.length
        accepted.append(c)
    return sorted(accepted, key=lambda c: (c.start, c.end))


def _with_parents(accepted: list[Candidate]) -> list[Candidate]:
    out = list(accepted)
    seen = {(c.start, c.end) for c in accepted}
    for c in accepted:
        p = c.parent
        while p is not None:
            if (p.start, p.end) not in seen:
                seen.add((p.start, p.end))
                out.append(p)
            p = p.parent
    return sorted(out, key=lambda c: (c.start, c.end))


_ORDER = attrgetter("start", "end", "entity_id")  # one document: doc_id is the same for all


def _to_mention(doc_id: str, text: str, c: Candidate, lexicon: Lexicon) -> Mention:
    entry = c.entry or lexicon.lookup(c.name)
    if entry is not None and entry.type == c.type:
        c = Candidate(c.start, c.end, c.type, entry.name, c.rule, entry)
    if c.entry is not None:
        eid, name, type_ = c.entry.id, c.entry.name, c.entry.type
    else:
        eid, name, type_ = entity_id(c.type, c.name), c.name, c.type
    return Mention(doc_id, c.start, c.end, eid, text[c.start : c.end], type_, name, c.rule)
