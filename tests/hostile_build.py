"""A small output folder written with the project's writers from a hand-made corpus whose names,
aliases, titles and evidence hold quotes, backticks, braces, backslashes, line breaks, control
characters, separators and Cypher (for the Neo4j tests)."""
from __future__ import annotations

import csv
from pathlib import Path

HOSTILE_INSTITUTION = "科技\"部'}) DETACH DELETE n //"
HOSTILE_POLICY = "新质`生产力`\\\n}{$rows 'x' MATCH (n) DETACH DELETE n; RETURN 1 //\\"
HOSTILE_PERSON = "张\u2028三\t\x07 /* */ \\u0041 ‖ 🚀"


def write_hostile_out(folder: Path) -> Path:
    """A small output folder written with the project's writers from a hand-made corpus whose names,
    aliases, titles and evidence hold quotes, backticks, braces, backslashes, line breaks, control
    characters, separators and Cypher."""
    from extractors.records import LexiconEntry, entity_id
    from kg.corpus import Corpus, EntityStats, Evidence, PairStats, TypedStats
    from kg.graph import GraphOptions, build_graph
    from kg.rows import document_rows, entity_rows, relation_rows
    from kg.stamp import write_stamp
    from kg.tables import ENCODING, MENTION_COLUMNS, write_documents, write_entities, write_relations
    from kg.tables import DocumentRow as DocInfo

    doc = "hostile'doc\"1 {x}"
    names = {
        "Institution": HOSTILE_INSTITUTION,
        "Policy": HOSTILE_POLICY,
        "Person": HOSTILE_PERSON,
        "Document": "《关于\"加快\"}]) 的意见》\\",
    }
    ids = {t: entity_id(t, n) for t, n in names.items()}
    aliases = {ids["Institution"]: ("科技部`", "MATCH (m) RETURN m; //", "a\\b\"c'd\n{e}")}

    class _Lexicon:
        def by_id(self):
            return {
                eid: LexiconEntry(names["Institution"], "Institution", tuple(aliases[eid]), "ministry\"'")
                for eid in aliases
            }

    corpus = Corpus()
    corpus.units = 3
    corpus.documents = [DocInfo(doc, "x/it's \"here\".txt", "txt", "标题\"'}) //\n二", "", "2024-01-02", "day", "manifest", 100, 3, 1, 4)]
    for t, n in names.items():
        corpus.entities[ids[t]] = EntityStats(n, t, mentions=2, documents=1, units=2, first_date="2024-01-02",
                                              last_date="2024-01-02", doc_ids=[doc])
    s1 = "第一句，\"引号\" ‖ 还有 | 竖线\n和换行\\。"
    s2 = "第二句'}) DETACH DELETE n //。"
    a, b, c = sorted((ids["Institution"], ids["Policy"], ids["Person"]))
    corpus.pairs[(a, b)] = PairStats(2, [doc], 1, "2024-01-02", [
        Evidence((2, len(s1)), doc, f"{doc}#s0", 0, len(s1), s1),
        Evidence((2, len(s2)), doc, f"{doc}#s1", len(s1), len(s1) + len(s2), s2),
    ])
    corpus.pairs[(a, c)] = PairStats(1, [doc], 1, "2024-01-02", [Evidence((2, len(s2)), doc, f"{doc}#s1", 10, 10 + len(s2), s2)])
    corpus.typed[("HOLDS_POSITION", ids["Person"], ids["Institution"], "部长\"'}")] = TypedStats(1, [doc], [(doc, 0, len(s1), s1)])
    corpus.typed[("ISSUED", ids["Institution"], ids["Document"], "")] = TypedStats(1, [doc], [(doc, 5, 5 + len(s2), s2)])
    graph = build_graph(corpus, _Lexicon().by_id(), GraphOptions(min_count=1, min_npmi=-1.0, top_k=0))

    folder.mkdir(parents=True, exist_ok=True)
    write_entities(entity_rows(graph), folder / "entities.csv")
    write_relations(relation_rows(graph, corpus), folder / "relations.csv")
    write_documents(document_rows(corpus), folder / "documents.csv")
    with open(folder / "mentions.csv", "w", encoding=ENCODING, newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(MENTION_COLUMNS)
        for k, (t, n) in enumerate(sorted(names.items())):
            w.writerow((doc, k, k + len(n), n, ids[t], n, t, "lexicon", f"{doc}#s0"))
            w.writerow((doc, 50 + k, 50 + k + len(n), n, ids[t], n, t, "lexicon", f"{doc}#s1"))
    write_stamp(folder, version="test", documents=1, options={})
    return folder
