"""Plain text files: encodings, byte-order marks, binary content, empty files."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "正文".encode("utf-8") + b"\x00" + "更多".encode("utf-8"),
        bytes(range(1, 9)) * 50 + b"some text",
    ],
    ids=["png", "nul-byte", "control-chars"],
)
def test_binary_content_is_refused(tmp_path, data):
    assert read_error(tmp_path, "a.txt", data).reason == "binary file, not text"


def test_undecodable_bytes_name_both_encodings_and_the_offset(tmp_path):
    data = "abc科技".encode("utf-8") + b"\xff\xfe\xff"
    reason = read_error(tmp_path, "a.txt", data).reason
    assert "UTF-8" in reason and "GB18030" in reason
    assert f"offset {len('abc科技'.encode('utf-8'))}" in reason


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n ", b"\xef\xbb\xbf", "\u3000\n".encode("utf-8")],
                         ids=["zero-bytes", "whitespace", "bom-only", "ideographic-space"])
def test_empty_file(tmp_path, data):
    assert read_error(tmp_path, "a.txt", data).reason == "empty file"


TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff"), min_size=1
).filter(str.strip)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT)
def test_any_utf8_text_round_trips(tmp_path, text):
    source = read(tmp_path, "p.txt", text)
    assert (source.encoding, source.text) == ("utf-8", text)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT)
def test_gb18030_text_that_is_not_utf8_round_trips(tmp_path, text):
    data = text.encode("gb18030")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        source = read(tmp_path, "p.txt", data)
        assert (source.encoding, source.text) == ("gb18030", text)
