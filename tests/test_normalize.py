"""Normalisation: PDF residue as found in the seeds, width forms, punctuation, layouts."""
from __future__ import annotations

import pytest

from extractors.normalize import clean_characters, looks_like_pdf_extraction, normalize
from tests.conftest import SEEDS


def pdf(*lines: str) -> str:
    """Lines as a PDF extraction gives them: one printed line each, blank lines between."""
    return "\n\n".join(lines) + "\n"


COLUMN = [
    "习近平总书记指出，发展新质生产力是推动高",
    "质量发展的内在要求和重要着力点。发展新质生",
    "产力的核心要素是科技创新，主要路径是统筹生产",
    "力与生产关系，根本落脚点在产业高质量发展。高",
    "校是教育、科技、人才的集中交汇点，应主动担当起",
    "培育新型劳动者的历史使命。",
]


def test_lines_broken_mid_sentence_are_joined():
    text = normalize(pdf(*COLUMN))
    assert "推动高质量发展" in text
    assert "发展新质生产力的核心要素" in text
    assert text.count("\n") == 0


def test_paragraph_end_kept_after_short_final_line():
    text = normalize(pdf(*COLUMN, "何以可为", *COLUMN))
    paragraphs = text.split("\n")
    assert paragraphs[1] == "何以可为"
    assert len(paragraphs) == 3


def test_spaces_between_chinese_characters_removed_in_pdf_text():
    text = normalize(pdf(*COLUMN[:3], "成 新 质 生 产 力 的 引 领 者 、推 动 者 。", *COLUMN[3:]))
    assert "成新质生产力的引领者、推动者。" in text


def test_letter_spaced_run_collapsed_even_in_clean_text():
    assert normalize("习　近　平\n同志们：") == "习近平\n同志们："


def test_spaces_between_chinese_and_digits_removed_in_pdf_text():
    text = normalize(pdf(*COLUMN[:3], "2023 年年底召开的中央经济工作会议部署 2024 年经", *COLUMN[3:]))
    assert "2023年年底召开的中央经济工作会议部署2024年经" in text


def test_latin_words_keep_their_space():
    text = normalize(pdf(*COLUMN[:3], "与斯图尔特·罗素（Stuart Russell）的对话，", *COLUMN[3:]))
    assert "Stuart Russell" in text


def test_page_numbers_dropped():
    text = normalize(pdf(*COLUMN[:3], "13", *COLUMN[3:]))
    assert "13" not in text


def test_running_header_dropped():
    header = "中国科技论坛"
    text = normalize(pdf(header, *COLUMN, header, *COLUMN, header, *COLUMN))
    assert header not in text


def test_byline_names_separated_not_glued():
    text = normalize(pdf(*COLUMN, "◎许竹青 张淑慧", *COLUMN))
    assert "◎许竹青、张淑慧" in text.split("\n")


def test_byline_with_letter_spaced_name():
    text = normalize(pdf(*COLUMN, "高绍林 黄 鹤", *COLUMN))
    assert "高绍林、黄鹤" in text.split("\n")


def test_fake_bold_headline_printed_four_times_is_printed_once():
    head = "探索科技创新和产业创新深度融合路径"
    text = normalize(pdf(*COLUMN, head * 4, "宋德雄", *COLUMN))
    lines = text.split("\n")
    assert head in lines and "宋德雄" in lines


@pytest.mark.parametrize(
    "first, second, joined",
    [
        ("the informa-", "tion society of 2024", "the information society of 2024"),
        ("COVID-", "19 pandemic response", "COVID-19 pandemic response"),
        ("Science-", "Based Targets", "Science-Based Targets"),
        ("规划（2012-", "2030年）", "规划（2012-2030年）"),
        ("quality", "growth", "quality growth"),
    ],
    ids=["hyphenated-word", "hyphen-before-digit", "hyphen-before-capital", "year-range", "latin-words"],
)
def test_lines_are_joined_at_a_line_end_hyphen(first, second, joined):
    lines = (f"按照国际组织近期发布的报告{first}", f"{second}的要求推动各方面工作，")
    text = normalize(pdf(*COLUMN[:3], *lines, *COLUMN[3:]), layout="pdf")
    assert f"按照国际组织近期发布的报告{joined}的要求推动各方面工作，" in text


def test_open_parenthesis_keeps_lines_together():
    text = normalize(pdf(*COLUMN, "（来源：《光明日报》2025年12月11日；作者：石长慧", "系中国科学技术发展战略研究院研究员）", *COLUMN))
    assert "作者：石长慧系中国科学技术发展战略研究院研究员）" in text


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("５Ｇ和ＡＩ", "5G和AI"),
        ("增长５．２％", "增长5.2%"),
        ("规划(2012-2030年)", "规划（2012-2030年）"),
        ('提出"新质生产力"概念', "提出“新质生产力”概念"),
        ("科技,创新;发展:好?", "科技，创新；发展：好？"),
        ("斯图尔特・罗素", "斯图尔特·罗素"),
        ("http://example.com/a,b", "http://example.com/a,b"),
        ("a\u200bb\ufeffc\x07d", "abcd"),
    ],
)
def test_characters_made_consistent(raw, expected):
    assert clean_characters(raw) == expected


def test_clean_text_is_left_as_written():
    passage = "建立全球共同挑战基金等展现 大国担当；长三角 G60 科创走廊建设。"
    assert normalize(passage) == passage


def test_layout_detection():
    assert looks_like_pdf_extraction(pdf(*COLUMN).split("\n"))
    assert not looks_like_pdf_extraction(["第一段。", "第二段。", "第三段。"])


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seeds_normalise_to_paragraphs(seed):
    raw = seed.read_text(encoding="utf-8")
    text = normalize(raw)
    assert "\n\n" not in text
    assert len(text) < len(raw)
    paragraphs = text.split("\n")
    printed_lines = [line for line in raw.split("\n") if line.strip()]
    if seed.name.startswith("004"):  # a briefing already set one paragraph a line
        assert len(paragraphs) <= len(printed_lines)
    else:  # column text: printed lines are joined into paragraphs
        assert len(paragraphs) < len(printed_lines) / 3


def test_unknown_layout_rejected():
    with pytest.raises(ValueError):
        normalize("x", layout="columns")


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("甲\u202e乙\u202c丙\u2066丁\u2069\u200e\u200f戊\u061c", "甲乙丙丁戊"),
        ("第一行\u2028第二行\u2029第三段", "第一行\n第二行\n第三段"),
        ("分页\f第二页\v完", "分页\n第二页\n完"),
        ("孤\ud800立\udfff", "孤立"),
    ],
    ids=["bidi-controls", "line-and-paragraph-separators", "form-feed-vertical-tab", "unpaired-surrogates"],
)
def test_bidi_controls_separators_and_surrogates_never_reach_the_normalised_text(raw, expected):
    assert normalize(raw, layout="lines") == expected
