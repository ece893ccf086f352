"""``kg candidates``: what a corpus suggests that no lexicon lists, ranked for a researcher to review.

Two passes over the documents, each one document at a time:

1. Proposals (``extractors.terms.propose_terms``): quoted terms, names with a policy head, mentions
   found by rules rather than the lexicon, and strings that stand as one unit but are not general
   vocabulary. Each proposes a type; a name proposed with several types takes the type most of its
   proposals give (a rule's vote counts twice: it read the name's structure).
2. Occurrences (``extractors.terms.term_occurrences``): every place a proposed name stands as a word,
   cued or not, giving its frequency, its number of documents and two example sentences.

Termhood is the C-value of Frantzi, Ananiadou and Mima ("Automatic recognition of multi-word terms:
the C-value/NC-value method", International Journal on Digital Libraries 3(2), 2000), over the
proposed names, with length counted in characters:

    C-value(a) = log2|a| * f(a)                                  if no proposed name contains a
    C-value(a) = log2|a| * (f(a) - sum(f(b) for b in T_a) / |T_a|)   otherwise (T_a: the names containing a)

so a string seen mostly inside longer names (示范区 in 自主创新示范区) is not a term of its own. The rank
is the C-value weighted by how much the text itself marks the name as one (``cue``): the share of its
occurrences a source proposed, and how reliable those sources are (``SOURCE_WEIGHT``); ties go to
the name seen in more documents, then the more frequent, then the name.

The output is a lexicon file (``extractors/lexicon/README.md``): one ``name<TAB>type`` row per
candidate, its statistics and examples in ``#`` lines above it, so the rows a researcher keeps go
straight into ``--lexicon``. Same input, same bytes.
"""
from __future__ import annotations

import math
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from extractors.documents import document_files, load_document
from extractors.errors import KgError, ReadError
from extractors.lexicon import Lexicon
from extractors.matcher import TermMatcher
from extractors.mentions import extract_mentions
from extractors.records import ENTITY_TYPES, Document
from extractors.segment import sentences
from extractors.terms import QUOTED, WORD, Proposal, has_head, propose_terms, term_occurrences
from extractors.traditional import simplified
from kg.files import atomic_text

#: How much a source's proposal says "this is a name" (the share of its proposals that were real
#: terms of the proposed type, judged by hand on news transcripts and the seeds).
SOURCE_WEIGHT = {QUOTED: 1.0, "policy-head": 1.0, WORD: 0.25, "rule": 1.0}
#: The score of a name proposed only by quotes and without a head (…制度, …会议, …委员会) is multiplied
#: by this: the text marks it, but not as what.
HEADLESS_QUOTE = 0.25
#: A rule's proposal counts this many times when types disagree.
RULE_TYPE_VOTE = 2
#: Characters of an example sentence kept on either side of the term.
EXAMPLE_CONTEXT = 50


@dataclass(frozen=True)
class CandidateOptions:
    top: int = 200  # rows written (0: all)
    min_count: int = 2  # occurrences a name needs
    layout: str = "auto"
    words: bool = True  # the `word` source (segments every sentence with jieba's HMM)


@dataclass(frozen=True, slots=True)
class TermCandidate:
    name: str
    type: str
    frequency: int  # occurrences where it stands as a word
    documents: int
    cvalue: float
    score: float
    sources: tuple[tuple[str, int], ...]  # (source, proposals), most first
    examples: tuple[tuple[str, str], ...]  # (document id, sentence as written)


@dataclass
class CandidatesResult:
    candidates: list[TermCandidate]
    documents: int
    skipped: list[ReadError] = field(default_factory=list)


@dataclass
class _Proposed:
    types: Counter = field(default_factory=Counter)  # type -> votes
    sources: Counter = field(default_factory=Counter)  # source -> proposals


def find_candidates(
    paths: Iterable[str | os.PathLike],
    lexicon: Lexicon,
    options: CandidateOptions = CandidateOptions(),
    *,
    progress: Callable[[int, int, str], None] | None = None,
) -> CandidatesResult:
    """Candidates for the lexicon from the files under ``paths``, best first."""
    if options.min_count < 1:
        raise KgError("the minimum count must be at least 1", param="min_count")
    if options.top < 0:
        raise KgError("the number of candidates must be 0 (all) or more", param="top")
    paths = list(paths)
    tasks = document_files(paths)
    if not tasks:
        raise KgError(f"no readable files (.txt .md .html .docx .pdf) in {', '.join(map(str, paths))}")
    steps = _Steps(len(tasks) * 2, progress)
    proposed, skipped, n_docs = _propose(tasks, lexicon, options, steps)
    if not n_docs:
        raise KgError("no document could be read: " + "; ".join(str(e) for e in skipped[:5]))
    names = sorted(n for n, p in proposed.items() if len(n) >= 2 and _enough_proposals(p, options.min_count))
    freq, docs, examples = _occurrences(tasks, names, lexicon, options.layout, steps)
    kept = [n for n in names if freq[n] >= options.min_count]
    cvalues = c_values({n: freq[n] for n in kept})
    out = []
    for n in kept:
        p = proposed[n]
        if not p.types:
            continue
        score = cvalues[n] * cue(p.sources, freq[n]) * (HEADLESS_QUOTE if _headless_quote(n, p.sources) else 1.0)
        sources = tuple(sorted(p.sources.items(), key=lambda kv: (-kv[1], kv[0])))
        out.append(TermCandidate(n, _type(p.types), freq[n], len(docs[n]), cvalues[n], score, sources,
                                 tuple(examples[n])))
    out.sort(key=lambda c: (-round(c.score, 9), -c.documents, -c.frequency, c.name))
    out = [c for c in out if c.score > 0]
    return CandidatesResult(out[: options.top] if options.top else out, n_docs, skipped)


class _Steps:
    """Progress over both passes: ``progress(done, total, document id)``."""

    def __init__(self, total: int, progress: Callable[[int, int, str], None] | None):
        self.total, self.progress, self.done = total, progress, 0

    def __call__(self, doc_id: str) -> None:
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total, doc_id)


def _documents(tasks, layout: str, steps: _Steps) -> Iterator[Document | ReadError]:
    for path, doc_id, meta in tasks:
        try:
            yield load_document(path, doc_id, layout=layout, meta=meta)
        except ReadError as exc:
            yield exc
        except KgError as exc:
            yield ReadError(path, str(exc))
        steps(doc_id)


def _propose(tasks, lexicon: Lexicon, options: CandidateOptions, steps: _Steps) -> tuple[dict[str, _Proposed], list, int]:
    proposed: dict[str, _Proposed] = defaultdict(_Proposed)
    skipped: list[ReadError] = []
    n_docs = 0
    for item in _documents(tasks, options.layout, steps):
        if isinstance(item, ReadError):
            skipped.append(item)
            continue
        n_docs += 1
        for p in document_proposals(item, lexicon, words=options.words):
            entry = proposed[p.name]
            entry.types[p.type] += RULE_TYPE_VOTE if p.source.startswith("rule") else 1
            entry.sources[p.source] += 1
    return proposed, skipped, n_docs


def document_proposals(doc: Document, lexicon: Lexicon, *, words: bool = True) -> list[Proposal]:
    """One document's proposals (the map step of the first pass)."""
    sents = sentences(doc.id, doc.text)
    mentions = extract_mentions(doc, lexicon, sents=sents)
    return propose_terms(doc, mentions, lexicon, sents=sents, words=words)


def _enough_proposals(p: _Proposed, min_count: int) -> bool:
    """A name only the `word` source proposed must have been proposed ``min_count`` times (each
    proposal is an occurrence); one cue from the text is enough for the other sources."""
    return any(s != WORD for s in p.sources) or p.sources[WORD] >= min_count


def _occurrences(tasks, names: list[str], lexicon: Lexicon, layout: str, steps: _Steps):
    freq: Counter = Counter()
    docs: dict[str, set[str]] = defaultdict(set)
    examples: dict[str, list[tuple[str, str]]] = defaultdict(list)  # a sentence from each of two documents
    spare: dict[str, tuple[str, str]] = {}  # a second sentence of the first document
    first_sentence: dict[str, int] = {}
    if not names:
        return freq, docs, examples
    matcher = TermMatcher(names)
    for doc in _documents(tasks, layout, steps):
        if isinstance(doc, ReadError):
            continue
        sents = sentences(doc.id, doc.text)
        for start, end, k in term_occurrences(doc, matcher, lexicon, sents=sents):
            name = simplified(doc.text[start:end])
            freq[name] += 1
            docs[name].add(doc.id)
            ex = examples[name]
            if len(ex) < 2 and (not ex or ex[-1][0] != doc.id):
                ex.append((doc.id, _excerpt(doc.text, sents[k].start, sents[k].end, start, end)))
            elif len(ex) == 1 and name not in spare and k != first_sentence[name]:
                spare[name] = (doc.id, _excerpt(doc.text, sents[k].start, sents[k].end, start, end))
            first_sentence.setdefault(name, k)
    for name, ex in examples.items():
        if len(ex) == 1 and name in spare:
            ex.append(spare[name])  # a second sentence of the only document that has the name
    return freq, docs, examples


def _excerpt(text: str, lo: int, hi: int, start: int, end: int) -> str:
    """The sentence ``text[lo:hi]`` as written, cut to ``EXAMPLE_CONTEXT`` characters around the term."""
    a, b = max(lo, start - EXAMPLE_CONTEXT), min(hi, end + EXAMPLE_CONTEXT)
    out = ("…" if a > lo else "") + text[a:b] + ("…" if b < hi else "")
    return " ".join(out.split())  # no TAB or line break inside a comment line


def c_values(freq: dict[str, int]) -> dict[str, float]:
    """C-value of every name (Frantzi, Ananiadou and Mima 2000), nesting taken among these names."""
    containing: dict[str, list[str]] = defaultdict(list)
    for b in freq:
        subs = {b[i:j] for i in range(len(b)) for j in range(i + 2, len(b) + 1) if j - i < len(b)}
        for a in subs:
            if a in freq:
                containing[a].append(b)
    out = {}
    for a, f in freq.items():
        nest = containing.get(a)
        adjusted = f - sum(freq[b] for b in nest) / len(nest) if nest else f
        out[a] = math.log2(len(a)) * adjusted
    return out


def cue(sources: Counter, frequency: int) -> float:
    """How much the text marks a name as one: the share of its occurrences a source proposed (a word
    quoted once for emphasis among hundreds of plain uses is no term), each proposal weighted by the
    reliability of its source."""
    weighted = sum(SOURCE_WEIGHT["rule" if s.startswith("rule") else s] * n for s, n in sources.items())
    return min(1.0, weighted / max(frequency, 1))


def _headless_quote(name: str, sources: Counter) -> bool:
    """Proposed only because it stood in quotes, and without a head that says what it is: as often a
    figure of speech (“大水漫灌”, “最后一公里”) or an idiom as a policy's nickname (“村村通”)."""
    return set(sources) == {QUOTED} and not has_head(name)


def _type(votes: Counter) -> str:
    return min(votes, key=lambda t: (-votes[t], ENTITY_TYPES.index(t)))


# --- the file -----------------------------------------------------------------------------------------

HEADER = """\
# Lexicon candidates from `kg candidates`: names the corpus suggests that no lexicon lists, best first.
# This is a lexicon file (extractors/lexicon/README.md): each candidate is a row `name<TAB>type`.
# Keep the rows you accept (correct the name or the type, add aliases in a third column separated by |),
# delete the others, and pass the file to kg build / kg extract with --lexicon.
# Above each row, in `#` lines: its rank, score (C-value x cue), C-value, frequency (occurrences standing
# as a word), documents and the sources that proposed it (with how often), then up to two example
# sentences (document id: sentence as written).
"""


def candidates_tsv(result: CandidatesResult) -> str:
    lines = [HEADER.rstrip("\n"), f"# {len(result.candidates)} candidates from {result.documents} documents", ""]
    for rank, c in enumerate(result.candidates, start=1):
        sources = ", ".join(f"{s} {n}" for s, n in c.sources)
        lines.append(f"# {rank}. score {c.score:.2f} · C-value {c.cvalue:.2f} · frequency {c.frequency} · "
                     f"documents {c.documents} · sources: {sources}")
        lines.extend(f"#    {doc_id}: {sentence}" for doc_id, sentence in c.examples)
        lines.append(f"{c.name}\t{c.type}")
        lines.append("")
    return "\n".join(lines) + "\n"


def write_candidates(result: CandidatesResult, path: str | os.PathLike) -> None:
    """Write the candidates file (UTF-8, replaced atomically)."""
    with atomic_text(Path(path)) as fh:
        fh.write(candidates_tsv(result))
