"""Lexicon files: the shipped lexicon, validation errors, merging and conflicts."""
from __future__ import annotations

import pytest

from extractors.errors import LexiconError
from extractors.lexicon import build_lexicon, load_lexicon, parse_lexicon_file
from extractors.records import ENTITY_TYPES, entity_id


def write(tmp_path, text, name="user.tsv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_shipped_lexicon_is_large_and_covers_every_type(lexicon):
    assert len(lexicon) >= 800
    per_type = {t: sum(1 for e in lexicon.entries if e.type == t) for t in ENTITY_TYPES}
    assert all(n >= 50 for n in per_type.values()), per_type


@pytest.mark.parametrize(
    "form, name, type_",
    [
        ("科技部", "科技部", "Institution"),
        ("科学技术部", "科技部", "Institution"),
        ("中华人民共和国科学技术部", "科技部", "Institution"),
        ("工业和信息化部", "工信部", "Institution"),
        ("二十届三中全会", "党的二十届三中全会", "Event"),
        ("中国共产党第二十届中央委员会第三次全体会议", "党的二十届三中全会", "Event"),
        ("科技金融体制", "科技金融", "Policy"),
    ],
)
def test_aliases_resolve_to_one_canonical_entry(lexicon, form, name, type_):
    entry = lexicon.lookup(form)
    assert (entry.name, entry.type) == (name, type_)


def test_ids_are_derived_from_type_and_name(lexicon):
    entry = lexicon.lookup("科技部")
    assert entry.id == entity_id("Institution", "科技部")


def test_row_format(tmp_path):
    p = write(tmp_path, "# comment\n\n新质生产力\tPolicy\t发展新质生产力|新质生产力发展\tconcept\n阴和俊\t人物\n")
    a, b = parse_lexicon_file(p)
    assert a.name == "新质生产力" and a.aliases == ("发展新质生产力", "新质生产力发展") and a.category == "concept"
    assert b.type == "Person" and b.aliases == ()
    assert a.origin == f"{p}:3"


@pytest.mark.parametrize(
    "row, reason",
    [
        ("新质生产力 Policy", "TAB"),
        ("新质生产力\tConcept", "unknown type 'Concept'"),
        ("\tPolicy", "empty canonical name"),
        ("新质生产力\tPolicy\t科技||金融", "empty alias"),
        ("新质生产力\tPolicy\t新", "shorter than two characters"),
        ("a\tPolicy\tb\tc\td", "at most 4"),
    ],
)
def test_invalid_rows_name_file_line_and_reason(tmp_path, row, reason):
    p = write(tmp_path, "# header\n" + row + "\n")
    with pytest.raises(LexiconError) as exc:
        parse_lexicon_file(p)
    assert f"{p}:2:" in str(exc.value)
    assert reason in str(exc.value)


def test_not_utf8_is_an_error(tmp_path):
    p = tmp_path / "gbk.tsv"
    p.write_bytes("新质生产力\tPolicy\n".encode("gbk"))
    with pytest.raises(LexiconError, match="UTF-8"):
        parse_lexicon_file(p)


def test_missing_file_is_an_error(tmp_path):
    with pytest.raises(LexiconError, match="cannot read"):
        parse_lexicon_file(tmp_path / "nope.tsv")


def test_same_entry_twice_is_merged(tmp_path):
    p = write(tmp_path, "科技金融\tPolicy\t科技金融体制\n科技金融\tPolicy\t科技金融服务体系\n")
    lex = build_lexicon(parse_lexicon_file(p))
    assert len(lex) == 1
    assert set(lex.entries[0].aliases) == {"科技金融体制", "科技金融服务体系"}


def test_two_entries_claiming_one_alias_is_a_conflict(tmp_path):
    p = write(tmp_path, "科技部\tInstitution\t科学技术部\n科学技术部门\tInstitution\t科学技术部\n")
    with pytest.raises(LexiconError) as exc:
        build_lexicon(parse_lexicon_file(p))
    msg = str(exc.value)
    assert "'科学技术部'" in msg and f"{p}:1" in msg and f"{p}:2" in msg


def test_user_entry_conflicting_with_shipped_lexicon_is_reported(tmp_path):
    p = write(tmp_path, "科技部门\tInstitution\t科技部\n")
    with pytest.raises(LexiconError, match="科技部"):
        load_lexicon([p])


def test_user_lexicon_adds_entries(tmp_path):
    p = write(tmp_path, "东数西算工程\tPolicy\t东数西算二期\n")
    lex = load_lexicon([p], builtin=False)
    assert lex.lookup("东数西算二期").name == "东数西算工程"


def test_forms_with_layout_spaces_also_match_without(tmp_path):
    p = write(tmp_path, "长三角 G60 科创走廊\tPlace\n")
    lex = load_lexicon([p], builtin=False)
    assert lex.lookup("长三角G60科创走廊").name == "长三角 G60 科创走廊"
