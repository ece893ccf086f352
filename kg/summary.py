"""The summary ``kg build`` prints: what was read, what was found, what is central."""
from __future__ import annotations

from collections import Counter

from extractors.records import ENTITY_TYPES, RELATION_TYPES
from kg.build import BuildResult


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
    ]
    policies = sorted(
        (d for _, d in g.nodes(data=True) if d["type"] == "Policy"),
        key=lambda d: (-d["pagerank"], d["name"]),
    )[:top]
    if policies:
        lines.append("Most central policy concepts (PageRank): " + "、".join(f"{d['name']}" for d in policies))
    lines.append(f"Wrote {result.out}/: " + ", ".join(sorted(p.name for p in result.out.iterdir() if not p.name.startswith("."))))
    return "\n".join(lines)
