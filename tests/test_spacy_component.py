"""The extractor as a spaCy component on spacy.blank("zh")."""
from __future__ import annotations

import spacy
from spacy import displacy

from extractors.spacy_component import DISPLACY_COLORS, SPAN_KEY


def make_nlp(**config):
    nlp = spacy.blank("zh")
    nlp.add_pipe("kg_policy_entities", config=config)  # found through the package entry point
    return nlp


TEXT = "科技部党组书记、部长阴和俊指出，天津大学精仪学院黄显教授介绍了新质生产力。"


def test_component_sets_doc_ents():
    doc = make_nlp()(TEXT)
    ents = {(e.text, e.label_) for e in doc.ents}
    assert {("科技部", "Institution"), ("阴和俊", "Person"), ("黄显", "Person"), ("新质生产力", "Policy")} <= ents
    assert all(e.kb_id_ and e._.kg_name and e._.kg_rule for e in doc.ents)


def test_nested_mentions_kept_in_span_group():
    doc = make_nlp()(TEXT)
    ents = {e.text for e in doc.ents}
    spans = {s.text for s in doc.spans[SPAN_KEY]}
    assert "天津大学精仪学院" in ents and "天津大学" not in ents
    assert "天津大学" in spans


def test_same_entities_as_the_extractor(extract):
    doc = make_nlp()(TEXT)
    assert {(s.start_char, s.end_char, s.label_) for s in doc.spans[SPAN_KEY]} == {(m.start, m.end, m.type) for m in extract(TEXT)}


def test_config_lexicon_only(tmp_path):
    lex = tmp_path / "x.tsv"
    lex.write_text("数智融合\tPolicy\n", encoding="utf-8")
    doc = make_nlp(lexicon_paths=[str(lex)], builtin_lexicon=False, rules=False)("推动数智融合和新质生产力。")
    assert [(e.text, e.label_) for e in doc.ents] == [("数智融合", "Policy")]


def test_config_stoplists(tmp_path):
    stop = tmp_path / "stop.txt"
    stop.write_text("科技部\n", encoding="utf-8")
    doc = make_nlp(stoplists=[str(stop)])(TEXT)
    assert "科技部" not in {e.text for e in doc.ents} and "阴和俊" in {e.text for e in doc.ents}


def test_displacy_renders():
    html = displacy.render(make_nlp()(TEXT), style="ent", options={"colors": DISPLACY_COLORS})
    assert "阴和俊" in html and "Person" in html
