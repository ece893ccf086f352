"""Typed relations: what each pattern finds, and the sentence each one takes as its evidence."""
from __future__ import annotations

import pytest

from extractors.mentions import extract_mentions
from extractors.records import Document
from extractors.relations import extract_relations
from extractors.segment import sentences


def relations(lexicon, text: str):
    doc = Document(id="d", path="d.txt", format="txt", text=text)
    mentions = extract_mentions(doc, lexicon)
    names = {m.entity_id: m.name for m in mentions}
    return [(r.type, names[r.source], names[r.target], r.detail, text[r.start : r.end]) for r in extract_relations(doc, mentions)]


@pytest.mark.parametrize("text, expected", [
    ("科技部党组书记、部长阴和俊指出，要加快发展新质生产力。", ("HOLDS_POSITION", "阴和俊", "科技部", "党组书记、部长")),
    ("工信部等七部门发布的《关于推动未来产业创新发展的实施意见》明确指出。", ("ISSUED", "工信部", "关于推动未来产业创新发展的实施意见", "")),
    ("天津大学精仪学院黄显教授介绍，感知科学很重要。", ("HOLDS_POSITION", "黄显", "天津大学精仪学院", "教授")),
])
def test_patterns(lexicon, text, expected):
    assert expected in [r[:4] for r in relations(lexicon, text)]


def test_evidence_is_the_sentence_with_its_closing_quote(lexicon):
    text = "他说：“好。”中国工程院院士、重庆大学校长王树新说：“人工智能很重要。”下一句。"
    found = [r for r in relations(lexicon, text) if r[0] == "HOLDS_POSITION" and r[2] == "重庆大学"]
    assert found and found[0][4] == "中国工程院院士、重庆大学校长王树新说：“人工智能很重要。”"


def test_evidence_is_one_of_the_documents_sentences(lexicon):
    text = "前一句。”天津大学精仪学院黄显教授介绍，“感知是前端。”后一句。"
    doc_sentences = {text[s.start : s.end] for s in sentences("d", text)}
    for *_, evidence in relations(lexicon, text):
        assert evidence in doc_sentences
