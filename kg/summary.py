"""The summary ``kg build`` prints: what was read, what was found, what is central."""
from __future__ import annotations

from collections import Counter

from extractors.records import ENTITY_TYPES, RELATION_TYPES
from kg.build import BuildResult

#: Conflicts and repairs listed by name in the summary (the rest are counted).
SHOWN = 5


def dates(result: BuildResult) -> str:
    """How many documents are dated, to what precision and from which source."""
    docs = result.corpus.documents
    precision = Counter(d.date_precision for d in docs if d.date)
    source = Counter(d.date_source for d in docs if d.date)
    dated = sum(precision.values())
    if not dated:
        return f"Dates: none of the {len(docs)} document(s) is dated (see the README on dating documents)"
    span = f"{min(d.date for d in docs if d.date)} to {max(d.date for d in docs if d.date)}"
    return (f"Dates: {dated} of {len(docs)} document(s) dated, {span} ("
            + ", ".join(f"{n} to the {p}" for p, n in sorted(precision.items(), key=lambda kv: ("day", "month", "year").index(kv[0])))
            + "; from " + ", ".join(f"{s} {n}" for s, n in source.most_common()) + ")")


def summary(result: BuildResult, *, top: int = 10) -> str:
    c, g = result.corpus, result.graph
    sentences = sum(d.sentences for d in c.documents)
    mentions = sum(d.mentions for d in c.documents)
    per_type = Counter(e.type for e in c.entities.values())
    rel = Counter({"CO_OCCURS": len(c.pairs)})
    for type_, *_ in c.typed:
        rel[type_] += 1
    edges = g.number_of_edges()
    lines = [
        f"Read {len(c.documents)} document(s), {sentences} sentences, {mentions} mentions"
        + (f"; skipped {len(result.skipped)} file(s)" if result.skipped else ""),
        "Entities: " + ", ".join(f"{t} {per_type[t]}" for t in ENTITY_TYPES) + f" (total {len(c.entities)})",
        "Relations: " + ", ".join(f"{t} {rel[t]}" for t in RELATION_TYPES),
        f"Graph: {g.number_of_nodes()} nodes, {edges} edges after filters ({g.graph.get('filters')}; "
        f"co-occurrence window: {g.graph.get('window')})",
        dates(result),
    ]
    if result.date_conflicts:
        shown = "; ".join(f"{doc}: {what}" for doc, what in result.date_conflicts[:SHOWN])
        more = len(result.date_conflicts) - SHOWN
        lines.append(f"Dates that disagree ({len(result.date_conflicts)}, the first source kept): {shown}"
                     + (f"; and {more} more" if more > 0 else ""))
    if result.warnings:
        files = len({path for path, _ in result.warnings})
        shown = "; ".join(f"{path}: {what}" for path, what in result.warnings[:SHOWN])
        more = len(result.warnings) - SHOWN
        lines.append(f"Repaired while reading ({files} file(s)): {shown}" + (f"; and {more} more" if more > 0 else ""))
    policies = sorted(
        (d for _, d in g.nodes(data=True) if d["type"] == "Policy"),
        key=lambda d: (-d["pagerank"], d["name"]),
    )[:top]
    if policies:
        lines.append("Most central policy concepts (PageRank): " + "、".join(f"{d['name']}" for d in policies))
    lines.append(f"Wrote {result.out}/: " + ", ".join(sorted(p.name for p in result.out.iterdir() if not p.name.startswith("."))))
    return "\n".join(lines)
