"""Term candidates of one document (extractors/terms.py): each source, what is never proposed, offsets."""
from __future__ import annotations

import pytest

from extractors.matcher import TermMatcher
from extractors.mentions import extract_mentions
from extractors.records import Document
from extractors.terms import propose_terms, term_occurrences


def proposals(lexicon, text):
    doc = Document("t", "t.txt", "txt", text)
    out = propose_terms(doc, extract_mentions(doc, lexicon), lexicon)
    assert all(p.start < p.end and len(text[p.start : p.end]) == len(p.name) for p in out)
    return {(p.name, p.type, p.source) for p in out}


def names(lexicon, text):
    return {name for name, _, _ in proposals(lexicon, text)}


def test_a_quoted_term_is_a_policy(lexicon):
    assert ("米袋子", "Policy", "quoted") in proposals(lexicon, "要稳定“米袋子”，推行省长负责制。")


@pytest.mark.parametrize("text, name", [
    ("全面建设小康社会的“十一五”时期。", "十一五"),  # a plan period is a date
    ("做大做好“蛋糕”。", "蛋糕"),  # general vocabulary quoted for emphasis
    ("加快发展“新质生产力”。", "新质生产力"),  # the lexicon knows it
])
def test_what_is_not_proposed(lexicon, text, name):
    assert name not in names(lexicon, text)


@pytest.mark.parametrize("text", ["加快形成多点支撑、多业并举、多元发展的新格局。", "构建双边合作新格局。"])
def test_a_situation_is_no_body(lexicon, text):
    assert "新格局" not in names(lexicon, text)  # jieba tags it an organisation; its 局 is 格局's


def test_a_name_with_a_policy_head_without_the_verb_before_it(lexicon):
    found = proposals(lexicon, "研究所主任王韬说，要建立健全耕地保护补偿机制。")
    assert ("耕地保护补偿机制", "Policy", "policy-head") in found
    assert not any(n.startswith("健全") for n, _, _ in found)


@pytest.mark.parametrize("text, absent", [
    ("深化两国全面战略合作伙伴关系。", "两国全面战略"),  # 战略 modifies 合作伙伴关系
    ("中国科学技术发展战略研究院发布报告。", "中国科学技术发展战略"),  # inside an institution's name
    ("要完善科技金融体制。", "科技金融体制"),  # the lexicon's 科技金融, written with its head
    ("加快构建产业体系。", "产业体系"),  # a general word and a head is no name
    ("全国人大财经委依法开展2023年计划、预算审查工作。", "2023年计划"),  # a year's plan
])
def test_heads_that_make_no_name(lexicon, text, absent):
    assert absent not in names(lexicon, text)


def test_people_found_by_rules_are_proposed_with_their_rule(lexicon):
    found = proposals(lexicon, "研究所主任王韬说，要加快发展。王韬指出，要加强合作。")
    assert {(n, t) for n, t, s in found if s.startswith("rule:")} >= {("王韬", "Person")}


def test_rare_dictionary_names_with_their_type(lexicon):
    found = proposals(lexicon, "延世大学发布报告。西北师范大学发布消息。")
    assert {("延世大学", "Institution", "word"), ("西北师范大学", "Institution", "word")} <= found


def test_no_fragment_of_a_transliterated_name(lexicon):
    assert not any(n in "加利福尼亚" for n in names(lexicon, "美国加利福尼亚州发生山火。"))


def test_traditional_text_gives_simplified_names_on_its_own_offsets(lexicon):
    text = "要穩定「米袋子」，建立健全耕地保護補償機制。"
    doc = Document("t", "t.txt", "txt", text)
    found = propose_terms(doc, extract_mentions(doc, lexicon), lexicon)
    by_name = {p.name: p for p in found}
    assert text[by_name["米袋子"].start : by_name["米袋子"].end] == "米袋子"
    assert text[by_name["耕地保护补偿机制"].start : by_name["耕地保护补偿机制"].end] == "耕地保護補償機制"


def test_occurrences_include_nested_terms_and_respect_word_boundaries(lexicon):
    text = "建设国家自主创新示范区。自主创新示范区和示范区。要加强科技部署。"
    doc = Document("t", "t.txt", "txt", text)
    found = term_occurrences(doc, TermMatcher(["自主创新示范区", "示范区", "科技部"]), lexicon)
    spans = [text[s:e] for s, e, _ in found]
    assert spans.count("自主创新示范区") == 2 and spans.count("示范区") == 3
    assert "科技部" not in spans  # 科技部署
    assert [k for _, _, k in found] == sorted(k for _, _, k in found)


@pytest.mark.parametrize("text, cut", [
    ("要健全重大问题集体决策制度。", "问题集体决策制度"),  # 重大 | 问题: the name began further left
    ("完善突发事件应急管理机制。", "事件应急管理机制"),  # 突发 + 事件 is one word
    ("破除以药补医机制。", "药补医机制"),  # 以 + 药: a four-character phrase cut
])
def test_a_name_cut_from_the_word_before_it_is_not_proposed(lexicon, text, cut):
    assert cut not in names(lexicon, text)


def test_reform_before_a_name_is_the_verb(lexicon):
    found = names(lexicon, "要改革户籍管理制度。")
    assert "户籍管理制度" in found and "改革户籍管理制度" not in found
