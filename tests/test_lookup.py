"""kg.lookup: the nearest names to a name that names nothing, and the errors that suggest them."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.errors import KgError, UnknownNameError
from kg.lookup import Known, check_choice, fold, matching, suggest, unknown_name

KNOWN = [
    Known("pol_1", ("新质生产力",), "Policy", 120),
    Known("pol_2", ("以科技创新引领新质生产力发展",), "Event", 3),
    Known("pol_3", ("生产力",), "Policy", 2),
    Known("ins_1", ("科技部", "科学技术部", "中华人民共和国科学技术部"), "Institution", 80),
    Known("ins_2", ("科技日报",), "Institution", 5),
    Known("tec_1", ("AI", "人工智能"), "Technology", 50),
    Known("tec_2", ("AI芯片",), "Technology", 4),
]


@pytest.mark.parametrize("given,first", [
    ("新质", "新质生产力"),  # a part: names that start with it first
    ("新质生产", "新质生产力"),
    ("发展新质生产力", "新质生产力"),  # a longer phrase: the name inside it, closest in length first
    ("新制生产力", "新质生产力"),  # a typo
    ("新質生產力", "新质生产力"),  # traditional characters
    ("科学技术", "科学技术部"),  # an alias is suggested as it is written (it is accepted as a name)
    ("ai", "AI"), ("ＡＩ", "AI"), ("科技 部", "科技部"),  # case, width, spaces
])
def test_the_nearest_name_comes_first(given, first):
    assert suggest(given, KNOWN)[0] == first


def test_prefixes_before_substrings_and_more_mentioned_first():
    assert suggest("新质", KNOWN) == ["新质生产力", "以科技创新引领新质生产力发展"]
    assert suggest("科技", KNOWN) == ["科技部", "科技日报", "以科技创新引领新质生产力发展"]
    assert suggest("A", KNOWN) == ["AI", "AI芯片"]


def test_each_entity_once_under_its_best_name():
    assert suggest("科学技术", KNOWN) == ["科学技术部"]  # not also 中华人民共和国科学技术部


def test_nothing_alike_gives_no_suggestion():
    assert suggest("量子通信", KNOWN) == [] and suggest("", KNOWN) == [] and suggest("   ", KNOWN) == []


def test_at_most_n():
    many = [Known(f"e{i}", (f"新质{i}",), "Policy", i) for i in range(20)]
    assert suggest("新质", many, n=3) == ["新质19", "新质18", "新质17"]


def test_matching_is_exact_as_in_cypher():
    assert [k.id for k in matching("科学技术部", KNOWN)] == ["ins_1"]
    assert [k.id for k in matching("pol_1", KNOWN)] == ["pol_1"]
    assert matching("科学技术", KNOWN) == [] and matching("ai", KNOWN) == []


def test_unknown_name_error():
    err = unknown_name("新质", KNOWN, param="name")
    assert isinstance(err, UnknownNameError) and isinstance(err, KgError)
    assert err.param == "name" and err.name == "新质" and err.suggestions[0] == "新质生产力"
    assert str(err) == "no entity is named '新质'; did you mean '新质生产力' or '以科技创新引领新质生产力发展'?"


def test_unknown_name_of_a_type_says_what_the_name_names():
    err = unknown_name("科技部", KNOWN, param="name", type="Policy")
    assert str(err) == "no Policy is named '科技部' (it names an Institution), and no Policy has a name like it"
    err = unknown_name("新质", KNOWN, param="name", type="Policy")
    assert err.suggestions == ("新质生产力",)  # only Policies are suggested


def test_unknown_document():
    docs = [Known("004_dff6", ("004_dff6", "科技日报头版", "seeds/004.txt"), "SourceDocument", 10)]
    err = unknown_name("004", docs, param="doc", type="SourceDocument")
    assert str(err) == "no document has the id, title or path '004'; did you mean '004_dff6'?"


def test_empty_name():
    assert str(unknown_name("", KNOWN, param="a")) == "expected the name of an entity, got ''"


def test_check_choice():
    check_choice("Policy", ("Person", "Policy"), param="type", what="the type")
    with pytest.raises(KgError, match=r"the type must be one of Person, Policy; got 'policy'; did you mean 'Policy'\?") as caught:
        check_choice("policy", ("Person", "Policy"), param="type", what="the type")
    assert caught.value.param == "type"
    with pytest.raises(KgError, match="got 3$"):
        check_choice(3, ("Person", "Policy"), param="type", what="the type")


def test_fold():
    assert fold(" ＡＩ 芯片\t") == "ai芯片" and fold("新質生產力") == "新质生产力" and fold("\ud800x") == "x"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=12), st.lists(st.text(min_size=1, max_size=8), max_size=6))
def test_any_text_gives_suggestions_from_the_known_names(text, names):
    known = [Known(f"e{i}", (n,), "Policy", i) for i, n in enumerate(names)] + KNOWN
    out = suggest(text, known)
    assert len(out) <= 5 and len(set(out)) == len(out)
    assert set(out) <= {n for k in known for n in k.names}
    assert isinstance(unknown_name(text, known, param="name"), UnknownNameError)
