"""Plain text files: encodings (with and without a byte-order mark, guessed ones said in a warning),
characters that are never text, binary content, empty files, front matter."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.formats import decode_text
from tests.readutil import read, read_error

CHINESE = "新质生产力：科技部、朱镕基、𠀀。\n第二行 ABC\n"


def test_utf8_is_detected(tmp_path):
    source = read(tmp_path, "a.txt", CHINESE)
    assert (source.format, source.encoding, source.text) == ("txt", "utf-8", CHINESE)


def test_utf8_with_bom_drops_the_mark(tmp_path):
    source = read(tmp_path, "a.txt", b"\xef\xbb\xbf" + CHINESE.encode("utf-8"))
    assert (source.encoding, source.text) == ("utf-8-sig", CHINESE)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, codec):
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    source = read(tmp_path, "a.txt", bom + CHINESE.encode(codec))
    assert (source.encoding, source.text) == ("utf-16", CHINESE)


def test_gb18030_with_characters_outside_gb2312(tmp_path):
    text = "朱镕基主持会议，𠀀字与㐀字。\n科技部"
    data = text.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    source = read(tmp_path, "a.txt", data)
    assert (source.encoding, source.text) == ("gb18030", text)


def test_gbk_is_decoded_as_gb18030(tmp_path):
    text = "关于推动创新联合体建设的指导意见\n国家发展改革委"
    source = read(tmp_path, "a.txt", text.encode("gbk"))
    assert (source.encoding, source.text) == ("gb18030", text)


def test_gbk_markdown_file(tmp_path):
    source = read(tmp_path, "notes.md", "# 科技金融\n\n**新型举国体制**", encoding="gbk")
    assert (source.format, source.encoding, source.text) == ("md", "gb18030", "科技金融\n\n新型举国体制")


@pytest.mark.parametrize("raw,expected", [(b"a\r\nb\r\n", "a\nb\n"), (b"a\rb", "a\nb")])
def test_carriage_returns_are_dropped(tmp_path, raw, expected):
    assert read(tmp_path, "a.txt", raw).text == expected


# A passage in traditional characters, as Taiwanese and Hong Kong documents are written (Big5).
TRADITIONAL = ("發展新質生產力是推動高質量發展的內在要求和重要著力點。習近平總書記指出，科技創新是發展新質"
               "生產力的核心要素。國家發展改革委、科學技術部聯合印發關於推動創新聯合體建設的指導意見。\n")
SIMPLIFIED = ("发展新质生产力是推动高质量发展的内在要求和重要着力点。科技创新是发展新质生产力的核心要素，"
              "国家发展改革委、科技部联合印发关于推动创新联合体建设的指导意见。\n")


@pytest.mark.parametrize(
    "text, codec, encoding",
    [
        (TRADITIONAL * 3, "big5", "big5"),
        ("香港特別行政區政府創新科技署" * 4, "big5hkscs", "big5"),
        (SIMPLIFIED * 3, "utf-16-le", "utf-16-le"),
        (SIMPLIFIED * 3, "utf-16-be", "utf-16-be"),
        (SIMPLIFIED, "utf-32-le", "utf-32-le"),
        (SIMPLIFIED * 3, "gbk", "gb18030"),
    ],
    ids=["big5", "big5-in-a-big5hkscs-file", "utf-16-le", "utf-16-be", "utf-32-le", "gbk"],
)
def test_encodings_without_a_byte_order_mark_are_detected(tmp_path, text, codec, encoding):
    source = read(tmp_path, "a.txt", text.encode(codec))
    assert (source.encoding, source.text, source.warnings) == (encoding, text, ())


def test_big5_is_not_read_as_gb18030_mojibake(tmp_path):
    data = TRADITIONAL.encode("big5")
    assert data.decode("gb18030", "replace") != TRADITIONAL  # GB18030 would take these bytes
    assert read(tmp_path, "a.txt", data).text == TRADITIONAL


@pytest.mark.parametrize("text, codec, name", [("科技部", "gbk", "GB18030"), ("科技創新", "big5", "Big5")])
def test_a_short_file_gets_its_encoding_with_a_weak_guess_warning(tmp_path, text, codec, name):
    source = read(tmp_path, "a.txt", text.encode(codec))
    assert source.text == text
    assert f"encoding guessed as {name} (weak guess)" in source.warnings


def test_utf8_cut_inside_a_character_keeps_its_text(tmp_path):
    data = SIMPLIFIED.encode("utf-8")[:-2]  # the final newline and half of the full stop are gone
    source = read(tmp_path, "a.txt", data)
    assert (source.encoding, source.text) == ("utf-8", SIMPLIFIED[:-2] + "\ufffd")
    assert source.warnings == ("1 undecodable byte sequence replaced with U+FFFD",)


def test_gbk_with_one_corrupted_byte_keeps_its_text(tmp_path):
    data = SIMPLIFIED.encode("gbk") + b"\xff" + SIMPLIFIED.encode("gbk")
    source = read(tmp_path, "a.txt", data)
    assert (source.encoding, source.text) == ("gb18030", SIMPLIFIED + "\ufffd" + SIMPLIFIED)
    assert "1 undecodable byte sequence replaced with U+FFFD" in source.warnings


@pytest.mark.parametrize("bom", [b"\xff\xfe", b""], ids=["with-bom", "without-bom"])
def test_utf16_with_an_unpaired_surrogate_does_not_crash(tmp_path, bom):
    data = bom + (SIMPLIFIED * 2).encode("utf-16-le") + b"\x00\xd8" + SIMPLIFIED.encode("utf-16-le")
    source = read(tmp_path, "a.txt", data)
    assert source.text == SIMPLIFIED * 2 + "\ufffd" + SIMPLIFIED
    assert not any("\ud800" <= ch <= "\udfff" for ch in source.text)
    assert any("replaced with U+FFFD" in warning for warning in source.warnings)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        bytes(range(1, 9)) * 50 + b"some text",
        bytes((i * 7919) % 256 for i in range(4096)),
    ],
    ids=["png", "control-chars", "junk"],
)
def test_binary_content_is_refused(tmp_path, data):
    assert read_error(tmp_path, "a.txt", data).reason == "binary file, not text"


@pytest.mark.parametrize(
    "raw, text, warning",
    [
        ("正文\x00更多", "正文更多", "1 control character removed"),
        ("科技\x07部\x1b[0m，\x7f国\x85家\x9f。", "科技部[0m，国\n家。", "4 control characters removed"),
        ("甲\u202e乙丙\u202c丁\u2066戊\u2069\u200f", "甲乙丙丁戊", "5 bidirectional control characters removed"),
    ],
    ids=["nul", "c0-c1-del", "bidi"],
)
def test_characters_that_are_never_text_are_removed_and_counted(tmp_path, raw, text, warning):
    source = read(tmp_path, "a.txt", raw)
    assert (source.text, source.warnings) == (text, (warning,))


def test_line_and_paragraph_separators_and_form_feeds_become_line_breaks(tmp_path):
    source = read(tmp_path, "a.txt", "第一行\u2028第二行\u2029第三段\f第二页\v完")
    assert (source.text, source.warnings) == ("第一行\n第二行\n第三段\n第二页\n完", ())


def test_undecodable_bytes_name_both_encodings_and_the_offset(tmp_path):
    data = "abc科技".encode("utf-8") + b"\xff\xfe\xff"
    reason = read_error(tmp_path, "a.txt", data).reason
    assert "UTF-8" in reason and "GB18030" in reason
    assert f"offset {len('abc科技'.encode('utf-8'))}" in reason


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file (0 bytes)"),
        (b"  \n\t\r\n ", "empty file (only whitespace)"),
        (b"\xef\xbb\xbf", "empty file (only whitespace)"),
        ("\u3000\n".encode("utf-8"), "empty file (only whitespace)"),
        (b"\xff\xfe" + " \n".encode("utf-16-le"), "empty file (only whitespace)"),
    ],
    ids=["zero-bytes", "whitespace", "bom-only", "ideographic-space", "utf-16-spaces"],
)
def test_empty_file(tmp_path, data, reason):
    assert read_error(tmp_path, "a.txt", data).reason == reason


def test_front_matter_of_a_text_file_is_metadata(tmp_path):
    source = read(tmp_path, "a.txt", "---\ntitle: \"关于推动创新联合体建设的指导意见\"\ndate: 2024-03-05\n---\n正文")
    assert source.text == "正文"
    assert source.meta == (("front_matter.date", "2024-03-05"), ("front_matter.title", "关于推动创新联合体建设的指导意见"))


def test_a_rule_at_the_top_of_a_text_file_is_not_front_matter(tmp_path):
    text = "---\n第一部分\n---\n正文"
    source = read(tmp_path, "a.txt", text)
    assert (source.text, source.meta) == (text, ())


# characters the reader removes or changes: controls, surrogates, line separators, bidi controls, non-characters
NOT_TEXT = "\ufeff\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufffe\uffff"
TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters=NOT_TEXT), min_size=1
).filter(str.strip).filter(lambda t: not any("\ufdd0" <= ch <= "\ufdef" for ch in t))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT)
def test_any_utf8_text_round_trips(tmp_path, text):
    source = read(tmp_path, "p.txt", text)
    assert (source.encoding, source.text) == ("utf-8", text)


# Chinese policy prose: common characters, punctuation, digits, a few Latin letters
def _han(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def _prose(text: str) -> bool:
    """Ten Han characters or more, eight of them different: prose, not 內內內內創印印印印 (a few characters
    repeated, which no detector can tell Big5 from Shift-JIS by, nor a reader)."""
    return _han(text) >= 10 and len({ch for ch in text if "\u4e00" <= ch <= "\u9fff"}) >= 8


CHINESE_TEXT = st.text(st.sampled_from(sorted(set(SIMPLIFIED + "2024年GDP，、“”（）\n"))), min_size=20).filter(_prose)
TRADITIONAL_TEXT = st.text(st.sampled_from(sorted(set(TRADITIONAL + "2024年，、「」（）\n"))), min_size=20).filter(_prose)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(CHINESE_TEXT, st.sampled_from(["gbk", "gb18030"]))
def test_chinese_text_in_gbk_or_gb18030_round_trips(tmp_path, text, codec):
    source = read(tmp_path, "p.txt", text.encode(codec))
    assert (source.encoding, source.text) == ("gb18030", text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TRADITIONAL_TEXT)
def test_traditional_chinese_text_in_big5_round_trips(tmp_path, text):
    source = read(tmp_path, "p.txt", text.encode("big5"))
    assert (source.encoding, source.text) == ("big5", text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_give_text_or_a_clear_error(data):
    from extractors.formats import FormatError

    try:
        decoded = decode_text(data)
    except FormatError as exc:
        assert exc.reason
    else:
        assert isinstance(decoded.text, str) and decoded.encoding
