"""Stop-lists: their format and errors, and what they keep out of the mentions (by name, form, category)."""
from __future__ import annotations

import pytest

from extractors.errors import LexiconError
from extractors.lexicon import load_lexicon
from extractors.mentions import extract_mentions
from extractors.records import Document
from extractors.stoplist import parse_stoplist_file

NEWS = "央视网消息（新闻联播）：科技部召开会议，中国人民银行和央行研究局负责人出席。"


def write(tmp_path, text, name="stop.txt"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def mentions(lexicon, text=NEWS):
    return extract_mentions(Document(id="t", path="t.txt", format="txt", text=text), lexicon)


@pytest.fixture(scope="module")
def stopped(tmp_path_factory):
    """stopped(lines) -> the shipped lexicon with a stop-list of those lines."""
    folder = tmp_path_factory.mktemp("stop")

    def make(text):
        return load_lexicon(stoplists=[write(folder, text)])

    return make


def test_format(tmp_path):
    p = write(tmp_path, "# news boilerplate\n\n央视网\nname:新闻联播\nform:央行\ncategory:media-source\n  人民网  \n")
    rules = parse_stoplist_file(p)
    assert [(r.kind, r.value) for r in rules] == [
        ("name", "央视网"), ("name", "新闻联播"), ("form", "央行"), ("category", "media-source"), ("name", "人民网"),
    ]
    assert rules[0].origin == f"{p}:3"


@pytest.mark.parametrize(
    "line, reason",
    [
        ("央视网\tInstitution", "a TAB: a stop-list holds one name a line"),
        ("categroy:media", "unknown prefix 'categroy:'; expected a name, or one of name:, form:, category:"),
        ("category:", "nothing after 'category:'"),
        ("央", "shorter than two characters"),
    ],
)
def test_invalid_lines_name_file_line_and_reason(tmp_path, line, reason):
    p = write(tmp_path, "# header\n" + line + "\n")
    with pytest.raises(LexiconError) as exc:
        parse_stoplist_file(p)
    assert f"{p}:2: " in str(exc.value) and reason in str(exc.value) and exc.value.param == "stoplists"


def test_not_utf8_is_an_error(tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes("央视网\n".encode("gbk"))
    with pytest.raises(LexiconError, match="UTF-8"):
        parse_stoplist_file(p)


def test_an_unknown_category_is_an_error_with_a_suggestion(tmp_path):
    p = write(tmp_path, "category:media-sources\n")
    with pytest.raises(LexiconError) as exc:
        load_lexicon(stoplists=[p])
    assert f"{p}:1: no lexicon entry has the category 'media-sources' (did you mean media-source" in str(exc.value)


def test_nothing_is_stopped_by_default(lexicon):
    assert not lexicon.stop
    assert {"央视网", "新闻联播"} <= {m.name for m in mentions(lexicon)}


def test_a_category_stops_all_its_entries(stopped):
    found = {m.name for m in mentions(stopped("category:media-source\n"))}
    assert not found & {"央视网", "新闻联播"}
    assert {"科技部", "中国人民银行"} <= found


def test_a_name_stops_its_entity_under_every_form(stopped):
    found = [m for m in mentions(stopped("央行\n")) if m.type == "Institution"]
    assert "中国人民银行" not in {m.name for m in found}  # 央行 names 中国人民银行: both spellings go
    assert "科技部" in {m.name for m in found}


def test_a_form_stops_only_that_spelling(stopped):
    found = [m for m in mentions(stopped("form:央行\n")) if m.name == "中国人民银行"]
    assert [m.text for m in found] == ["中国人民银行"]


def test_a_name_stops_an_entity_found_by_a_rule(lexicon, stopped):
    text = "天津大学精仪学院发布报告。"
    unit = "天津大学精仪学院"
    assert unit in {m.name for m in mentions(lexicon, text)}
    assert unit not in {m.name for m in mentions(stopped(unit + "\n"), text)}


def test_a_stopped_name_still_holds_its_span(lexicon, stopped):
    text = "《中国科学院院刊》刊文指出。"
    assert "中国科学院院刊" in {m.name for m in mentions(lexicon, text)}
    found = {m.name for m in mentions(stopped("中国科学院院刊\n"), text)}
    assert not found & {"中国科学院院刊", "中国科学院"}  # nothing shorter is found inside it instead


def test_several_stoplists_add_up(tmp_path):
    a, b = write(tmp_path, "央视网\n", "a.txt"), write(tmp_path, "新闻联播\n", "b.txt")
    found = {m.name for m in mentions(load_lexicon(stoplists=[a, b]))}
    assert not found & {"央视网", "新闻联播"}
