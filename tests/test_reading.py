"""Tests for extractors.reading and the format readers behind it."""
from __future__ import annotations

import base64
import io
import re
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.errors import KgError, ReadError
from extractors.formats import pdf as pdfmod
from extractors.formats.markdown import markdown_to_text
from extractors.reading import SUPPORTED_SUFFIXES, discover, read_source
from extractors.records import Source
from tests import pdfgen

DATA = Path(__file__).parent / "data" / "reading"

PDF_ENCRYPTED = "password-protected or encrypted PDF, cannot read its text"
PDF_NO_TEXT = "PDF has no text layer (scanned image?)"
DOCX_ENCRYPTED = "password-protected or encrypted DOCX (or a legacy .doc file), cannot read"

PAGES = [["发展新质生产力", "科技部 2024年 Hello world, STP."], ["第二页：𠀀镕", "国家发展改革委"]]
PAGES_TEXT = "发展新质生产力\n科技部 2024年 Hello world, STP.\n\n第二页：𠀀镕\n国家发展改革委"


def write(tmp_path: Path, name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode(encoding) if isinstance(data, str) else data)
    return path


def read(tmp_path: Path, name: str, data: bytes | str, encoding: str = "utf-8") -> Source:
    return read_source(write(tmp_path, name, data, encoding))


def read_error(tmp_path: Path, name: str, data: bytes | str) -> ReadError:
    path = write(tmp_path, name, data)
    with pytest.raises(ReadError) as info:
        read_source(path)
    assert info.value.path == str(path)
    return info.value


# ---------------------------------------------------------------------------------------------
# Plain text: encodings
# ---------------------------------------------------------------------------------------------

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


def test_unknown_suffix_is_read_as_text(tmp_path):
    source = read(tmp_path, "notes.xyz", "政策文本")
    assert (source.format, source.text) == ("txt", "政策文本")


def test_path_is_kept_as_given(tmp_path):
    path = write(tmp_path, "a.txt", "文本")
    assert read_source(path).path == str(path)
    assert read_source(str(path)).path == str(path)


def test_missing_file(tmp_path):
    with pytest.raises(ReadError) as info:
        read_source(tmp_path / "nope.txt")
    assert info.value.reason == "no such file"


def test_folder_is_not_a_file(tmp_path):
    with pytest.raises(ReadError, match="folder"):
        read_source(tmp_path)


def test_read_error_is_a_kg_error(tmp_path):
    assert isinstance(read_error(tmp_path, "a.txt", b""), KgError)


def test_rtf_is_refused(tmp_path):
    assert "RTF" in read_error(tmp_path, "a.txt", b"{\\rtf1\\ansi hello}").reason


def test_supported_suffixes():
    assert SUPPORTED_SUFFIXES == {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"}


# ---------------------------------------------------------------------------------------------
# Sniffing: content decides, not the suffix
# ---------------------------------------------------------------------------------------------


def test_pdf_with_a_text_suffix_is_read_as_pdf(tmp_path):
    source = read(tmp_path, "report.txt", pdfgen.document(PAGES))
    assert (source.format, source.encoding, source.text) == ("pdf", "", PAGES_TEXT)


def test_docx_with_an_odd_suffix_is_read_as_docx(tmp_path):
    source = read(tmp_path, "report.bin", make_docx([para(run("正文"))]))
    assert (source.format, source.text) == ("docx", "正文")


def test_html_markup_in_a_txt_file_stays_text(tmp_path):
    source = read(tmp_path, "a.txt", "<p>原文</p>")
    assert (source.format, source.text) == ("txt", "<p>原文</p>")


@pytest.mark.parametrize("head", ["<!DOCTYPE html>", "  <!doctype HTML>", "<html>"])
def test_html_content_is_sniffed_in_any_file(tmp_path, head):
    source = read(tmp_path, "a.txt", head + "<body><p>原文</p></body></html>")
    assert (source.format, source.text) == ("html", "原文")


@pytest.mark.parametrize("name,expected", [("a.pdf", "not a PDF"), ("a.docx", "not a DOCX")])
def test_binary_suffix_without_matching_content(tmp_path, name, expected):
    assert read_error(tmp_path, name, "只是文本".encode("utf-8")).reason.startswith(expected)


# ---------------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------------


def md(tmp_path: Path, text: str) -> str:
    return read(tmp_path, "a.md", text).text


@pytest.mark.parametrize(
    "source,expected",
    [
        ("# 一级标题\n## 二级 ##\n###### 六级", "一级标题\n二级\n六级"),
        ("标题\n====\n副标题\n----", "标题\n副标题"),
        ("**粗体**和*斜体*、__粗__、_斜_、~~删除~~、***两者***", "粗体和斜体、粗、斜、删除、两者"),
        ("用 `code_x * 2` 计算", "用 code_x * 2 计算"),
        ("见[国务院](http://www.gov.cn/a_(b) \"标题\")通知", "见国务院通知"),
        ("前![配图](img/a.png)后", "前后"),
        ("[文字][ref]\n\n[ref]: http://example.com  \"t\"", "文字"),
        ("网址 <https://www.most.gov.cn> 与 <a@b.cn>", "网址 https://www.most.gov.cn 与 a@b.cn"),
        ("<span class=\"x\">科技</span><br/>金融", "科技金融"),
        ("前<!-- 注释 -->后\n<!--\n多行\n注释\n-->\n正文", "前后\n正文"),
        ("> 引用一\n> > 嵌套引用", "引用一\n嵌套引用"),
        ("- 甲\n* 乙\n+ 丙\n1. 丁\n2) 戊\n- [x] 已完成\n- [ ] 未完成", "甲\n乙\n丙\n丁\n戊\n已完成\n未完成"),
        ("上\n\n---\n***\n_ _ _\n\n下", "上\n\n下"),
        ("| 机构 | 文件 |\n|:---|---:|\n| 科技部 | 通知 |", "机构\t文件\n科技部\t通知"),
        ("---\ntitle: 标题\ndate: 2024-01-01\n---\n正文", "正文"),
        ("```python\nx = **1**\n```\n正文", "x = **1**\n正文"),
        ("~~~\n代码\n~~~", "代码"),
        ("[[科技创新|创新]]与[[新质生产力]]", "创新与新质生产力"),
        ("前{{cite web|url=x}}后{{a|{{b}}}}尾", "前后尾"),
        ("{{Infobox\n| name = x\n}}\n正文", "正文"),
        ("\\*不是强调\\* 和 \\[不是链接\\]", "*不是强调* 和 [不是链接]"),
        ("注释[^1]。\n\n[^1]: 脚注内容", "注释。\n\n脚注内容"),
        ("&ldquo;引号&rdquo;&amp;", "“引号”&"),
    ],
    ids=[
        "atx-headings", "setext-headings", "emphasis", "inline-code", "link", "image", "reference-link",
        "autolinks", "html-tags", "html-comments", "blockquote", "list-markers", "horizontal-rules",
        "table", "front-matter", "fenced-code", "tilde-fence", "wiki-links", "templates",
        "multiline-template", "escapes", "footnotes", "entities",
    ],
)
def test_markdown_markup_is_removed(tmp_path, source, expected):
    assert md(tmp_path, source) == expected


def test_markdown_keeps_one_line_per_source_line(tmp_path):
    source = "第一段第一行\n第一段第二行\n\n\n\n第二段"
    assert md(tmp_path, source) == "第一段第一行\n第一段第二行\n\n第二段"


def test_markdown_intraword_underscores_stay(tmp_path):
    assert md(tmp_path, "snake_case_name 与 a_b") == "snake_case_name 与 a_b"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("#*_~`[]()!<>|-+:=1. \n\\{}abc科技") + [
    "\n\n", "```", "[[", "]]", "{{", "}}", "<!--", "-->", "---\n"])).map("".join))
def test_markdown_never_fails_and_never_adds_lines(text):
    out = markdown_to_text(text)
    assert out.count("\n") <= text.count("\n")


def test_markdown_with_only_markup_is_refused(tmp_path):
    assert "no text" in read_error(tmp_path, "a.md", "---\ntitle: x\n---\n\n***\n").reason


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------


def html(tmp_path: Path, body: str, *, encoding: str = "utf-8", name: str = "a.html") -> Source:
    return read(tmp_path, name, body, encoding)


def test_html_drops_scripts_styles_and_head_but_keeps_the_title(tmp_path):
    page = (
        "<!DOCTYPE html><html><head><title>科技 政策</title><meta charset='utf-8'>"
        "<style>p{color:red}</style><script>var a = '<p>不要</p>';</script></head>"
        "<body><noscript>请启用脚本</noscript><template><p>模板</p></template>"
        "<svg><text>图形</text></svg><!-- 注释 --><p>正文</p><script>x()</script></body></html>"
    )
    assert html(tmp_path, page).text == "科技 政策\n正文"


@pytest.mark.parametrize(
    "body,expected",
    [
        ("<p>甲&nbsp;乙</p>", "甲 乙"),
        ("<p>&ldquo;新质生产力&rdquo;&amp;&lt;b&gt;&#x4E2D;&#22269;</p>", "“新质生产力”&<b>中国"),
    ],
    ids=["nbsp", "named-and-numeric"],
)
def test_html_entities_are_unescaped(tmp_path, body, expected):
    assert html(tmp_path, body).text == expected


def test_html_blocks_become_lines(tmp_path):
    body = (
        "<h1>标题</h1><div>第一段<span>续</span></div><p>第二段<br>换行</p>"
        "<ul><li>甲</li><li>乙</li></ul><section><article>文章</article></section>"
        "<blockquote>引文</blockquote><dl><dt>术语</dt><dd>解释</dd></dl>"
    )
    assert html(tmp_path, body).text == "标题\n第一段续\n第二段\n换行\n甲\n乙\n文章\n引文\n术语\n解释"


def test_html_table_cells_are_tab_separated(tmp_path):
    body = "<table><tr><th>机构</th><th>文件</th></tr><tr><td>科技部</td><td><p>通知</p></td></tr></table>"
    assert html(tmp_path, body).text == "机构\t文件\n科技部\t通知"


def test_html_whitespace_collapses_and_line_breaks_between_cjk_vanish(tmp_path):
    body = "<p>发展新质\n   生产力，  English\n words</p>"
    assert html(tmp_path, body).text == "发展新质生产力， English words"


def test_html_pre_keeps_its_whitespace(tmp_path):
    assert html(tmp_path, "<pre>\na  b\n  c</pre><p>d</p>").text == "a  b\n  c\nd"


@pytest.mark.parametrize(
    "meta",
    ['<meta charset="gbk">', "<meta charset=gb2312>",
     '<meta http-equiv="Content-Type" content="text/html; charset=GB2312">'],
    ids=["charset-gbk", "charset-gb2312-unquoted", "http-equiv"],
)
def test_html_meta_charset(tmp_path, meta):
    page = f"<html><head>{meta}<title>通知</title></head><body><p>国家发展改革委</p></body></html>"
    source = html(tmp_path, page, encoding="gbk")
    assert (source.encoding, source.text) == ("gb18030", "通知\n国家发展改革委")


def test_html_without_charset_falls_back_to_gb18030(tmp_path):
    source = html(tmp_path, "<p>科技部</p>", encoding="gbk")
    assert (source.encoding, source.text) == ("gb18030", "科技部")


@pytest.mark.parametrize("charset", ["gb2312", "iso-8859-1"])
def test_html_utf8_bytes_win_over_a_stale_meta_charset(tmp_path, charset):
    source = html(tmp_path, f'<meta charset="{charset}"><p>科技部，新质生产力</p>')
    assert (source.encoding, source.text) == ("utf-8", "科技部，新质生产力")


def test_html_latin1_page(tmp_path):
    source = html(tmp_path, '<meta charset="iso-8859-1"><p>caf\xe9</p>', encoding="latin-1")
    assert (source.encoding, source.text) == ("cp1252", "caf\xe9")


@pytest.mark.parametrize(
    "body",
    ["<div><p>甲<b>乙</div><td>丙<", "<p>甲</span></i></p>乙<p", "<<>>甲<!-->乙<![CDATA[x]]><?pi?>",
     "<head><title>题</title><p>正文", "<table><td>甲<td>乙<tr><td>丙"],
    ids=["unclosed", "stray-end-tags", "junk", "unclosed-head", "unclosed-cells"],
)
def test_html_bad_markup_does_not_crash(tmp_path, body):
    source = html(tmp_path, body)
    assert source.format == "html"
    assert source.text.strip()


def test_html_unclosed_head_still_reads_the_body(tmp_path):
    assert html(tmp_path, "<html><head><title>题</title><body><p>正文</p>").text == "题\n正文"


def test_html_without_text_is_refused(tmp_path):
    assert "no text" in read_error(tmp_path, "a.html", "<html><script>x</script></html>").reason


# ---------------------------------------------------------------------------------------------
# DOCX (built here with zipfile)
# ---------------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def run(text: str) -> str:
    return f"<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>"


def para(*runs: str) -> str:
    return "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>" + "".join(runs) + "</w:p>"


def table(rows: list[list[str]]) -> str:
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc><w:tcPr/>{para(run(c))}</w:tc>" for c in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl><w:tblPr/><w:tblGrid/>{cells}</w:tbl>"


def make_docx(blocks: list[str], *, footnotes: list[str] | None = None, with_rels: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
        )
        if with_rels:
            archive.writestr(
                "_rels/.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>",
            )
        archive.writestr(
            "word/document.xml",
            f"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{W_NS}\">"
            f"<w:body>{''.join(blocks)}<w:sectPr/></w:body></w:document>",
        )
        if footnotes is not None:
            notes = "".join(
                f"<w:footnote w:id=\"{i + 1}\">{para(run(n))}</w:footnote>" for i, n in enumerate(footnotes)
            )
            archive.writestr(
                "word/footnotes.xml",
                f"<w:footnotes xmlns:w=\"{W_NS}\"><w:footnote w:type=\"separator\" w:id=\"-1\">"
                f"<w:p><w:r><w:separator/></w:r></w:p></w:footnote>{notes}</w:footnotes>",
            )
    return buffer.getvalue()


def docx(tmp_path: Path, data: bytes) -> Source:
    return read(tmp_path, "a.docx", data)


def test_docx_paragraphs_are_lines(tmp_path):
    data = make_docx([para(run("发展"), run("新质生产力")), para(), para(run("第二段"))])
    source = docx(tmp_path, data)
    assert (source.format, source.encoding, source.text) == ("docx", "", "发展新质生产力\n\n第二段")



def test_docx_part_too_large_is_said_so(tmp_path, monkeypatch):
    import extractors.formats.docx as docx_format

    monkeypatch.setattr(docx_format, "_MAX_PART", 10)
    reason = read_error(tmp_path, "a.docx", make_docx([para(run("发展新质生产力"))])).reason
    assert "too large" in reason and "corrupt" not in reason

def test_docx_tabs_and_breaks(tmp_path):
    runs = "<w:r><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:cr/><w:t>丁</w:t></w:r>"
    data = make_docx([para(run("甲"), runs)])
    assert docx(tmp_path, data).text == "甲\t乙\n丙\n丁"


def test_docx_table_rows_with_tab_separated_cells(tmp_path):
    data = make_docx([para(run("前")), table([["机构", "文件"], ["科技部", "通知"]]), para(run("后"))])
    assert docx(tmp_path, data).text == "前\n机构\t文件\n科技部\t通知\n后"


def test_docx_deleted_revisions_and_field_codes_are_left_out(tmp_path):
    data = make_docx([para(run("保留"), "<w:del><w:r><w:delText>删除</w:delText></w:r></w:del>",
                           "<w:r><w:instrText> PAGE </w:instrText></w:r>", run("文字"))])
    assert docx(tmp_path, data).text == "保留文字"


def test_docx_hyperlinks_content_controls_and_text_boxes(tmp_path):
    link = f"<w:hyperlink r:id=\"rId9\" xmlns:r=\"urn:r\">{run('链接')}</w:hyperlink>"
    control = f"<w:sdt><w:sdtPr/><w:sdtContent>{para(run('控件'))}</w:sdtContent></w:sdt>"
    box = f"<w:r><w:pict><w:txbxContent>{para(run('文本框'))}</w:txbxContent></w:pict></w:r>"
    data = make_docx([para(run("见"), link, box), control])
    assert docx(tmp_path, data).text == "见链接\n文本框\n控件"


def test_docx_footnotes_follow_the_body(tmp_path):
    data = make_docx([para(run("正文"))], footnotes=["脚注一", "脚注二"])
    assert docx(tmp_path, data).text == "正文\n脚注一\n脚注二"


def test_docx_without_package_relationships_still_reads(tmp_path):
    assert docx(tmp_path, make_docx([para(run("正文"))], with_rels=False)).text == "正文"


def test_corrupt_docx(tmp_path):
    good = make_docx([para(run("正文"))])
    reason = read_error(tmp_path, "a.docx", good[: len(good) // 2]).reason
    assert reason.startswith("corrupt DOCX")


def test_docx_that_is_not_a_zip(tmp_path):
    assert read_error(tmp_path, "a.docx", b"PK\x03\x04garbage" * 3).reason.startswith("corrupt DOCX")


def test_zip_without_a_document_part(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", "<x/>")
    assert "word/document.xml" in read_error(tmp_path, "a.docx", buffer.getvalue()).reason


def test_docx_with_malformed_xml(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><w:body>")
    assert "not well-formed" in read_error(tmp_path, "a.docx", buffer.getvalue()).reason


@pytest.mark.parametrize("name", ["secret.docx", "old.doc", "secret.txt"])
def test_ole_file_is_reported_as_encrypted_or_legacy(tmp_path, name):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le")
    assert read_error(tmp_path, name, ole).reason == DOCX_ENCRYPTED


def test_real_pandoc_docx():
    source = read_source(DATA / "pandoc_policy.docx")
    assert source.text == (
        "关于推动创新联合体建设的指导意见\n"
        "科技部、国家发展改革委联合印发。发展新质生产力是推动高质量发展的内在要求。\n"
        "机构\t文件\n科技部\t通知\n财政部\t意见\n"
        "第一条\n第二条\n"
        "引用的段落\n"
        " 脚注：2024年发布。"
    )


# ---------------------------------------------------------------------------------------------
# PDF: documents written by tests/pdfgen.py
# ---------------------------------------------------------------------------------------------


def pdf_text(tmp_path: Path, data: bytes, name: str = "a.pdf") -> str:
    source = read(tmp_path, name, data)
    assert (source.format, source.encoding) == ("pdf", "")
    return source.text


@pytest.mark.parametrize(
    "options",
    [{}, {"compress": False}, {"xref": "stream"}, {"xref": "stream", "objstm": True},
     {"content_array": True}, {"inherit_resources": False}],
    ids=["flate", "uncompressed", "xref-stream", "object-stream", "content-array", "own-resources"],
)
def test_pdf_type0_identity_h_chinese_on_two_pages(tmp_path, options):
    assert pdf_text(tmp_path, pdfgen.document(PAGES, **options)) == PAGES_TEXT


def test_pdf_object_stream_is_read_through_the_xref_stream():
    doc = pdfmod.Document(pdfgen.document(PAGES, xref="stream", objstm=True))
    assert not doc.broken_xref
    assert any(entry[0] == "s" for entry in doc.xref.values())


@pytest.mark.parametrize("kern", [-250, -1200, -3000])
def test_pdf_tj_kerning_never_splits_cjk(tmp_path, kern):
    pages = [["新质生产力", "科技创新"]]
    assert pdf_text(tmp_path, pdfgen.document(pages, tj_kern=kern)) == "新质生产力\n科技创新"


def test_pdf_separate_cjk_pieces_far_apart_are_spaced(tmp_path):
    font = pdfgen.CidFont("科技部通知意见年")
    cells = [(72, "科技部"), (150, "通知"), (190, "意见"), (216, "2024"), (240, "年")]
    # 12 pt glyphs: gaps of 42 pt and 16 pt (more than 1 em), then 2 pt and 0 pt
    content = b"".join(b"BT /F1 12 Tf 1 0 0 1 %d 700 Tm %s Tj ET\n" % (x, font.encode(t)) for x, t in cells)
    assert pdf_text(tmp_path, pdfgen.cid_page_pdf(font, content)) == "科技部 通知 意见2024年"


@pytest.mark.parametrize(
    "array,expected",
    [
        (b"[(Hello) -300 (world)]", "Hello world"),
        (b"[(Hel) -20 (lo)]", "Hello"),
        (b"[(Hello) 120 (world)]", "Helloworld"),
        (b"[(New) -250 (Quality) -3000 (Forces)]", "New Quality Forces"),
    ],
    ids=["word-gap", "kerning", "tightening", "several"],
)
def test_pdf_tj_gaps_become_spaces_between_latin_words(tmp_path, array, expected):
    content = b"BT /F1 12 Tf 72 700 Td " + array + b" TJ ET"
    data = pdfgen.raw_page_pdf(content, page_resources=b"<< /Font << /F1 5 0 R >> >>",
                               extra_objects={5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"})
    assert pdf_text(tmp_path, data) == expected


HELVETICA = {5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"}
FONT_RES = b"<< /Font << /F1 5 0 R >> >>"


def latin_pdf(content: bytes) -> bytes:
    return pdfgen.raw_page_pdf(content, page_resources=FONT_RES, extra_objects=HELVETICA)


def identity_h_pdf(codes: bytes, cmap: bytes | None = None) -> bytes:
    """One page showing the hex string ``codes`` in a Type0 font with Identity-H encoding, a
    CIDFontType2 descendant and, when given, a ToUnicode ``cmap``."""
    to_unicode = b"/ToUnicode 6 0 R " if cmap is not None else b""
    font = b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H " + to_unicode + b"/DescendantFonts [7 0 R] >>"
    return pdfgen.raw_page_pdf(
        b"BT /F1 10 Tf 72 700 Td <" + codes + b"> Tj ET", page_resources=FONT_RES,
        extra_objects={5: font, 7: b"<< /Type /Font /Subtype /CIDFontType2 /DW 1000 >>"},
        stream_objects={6: (b"", cmap)} if cmap is not None else None,
    )


def test_pdf_line_operators(tmp_path):
    content = (b"BT /F1 10 Tf 14 TL 72 700 Td (one) Tj T* (two) Tj (three) ' 0 -20 TD (four) Tj "
               b"T* 1 0.5 (five) \" 1 0 0 1 72 500 Tm (six) Tj ET")
    assert pdf_text(tmp_path, latin_pdf(content)) == "one\ntwo\nthree\nfour\nfive\nsix"


def test_pdf_pieces_on_one_baseline_form_one_line(tmp_path):
    content = (b"BT /F1 10 Tf 72 700 Td (Policy) Tj ET BT /F1 10 Tf 110 700 Td (paper) Tj ET "
               b"BT /F1 10 Tf 72 686 Td (next) Tj ET")
    assert pdf_text(tmp_path, latin_pdf(content)) == "Policy paper\nnext"


def test_pdf_text_drawn_font_by_font_is_put_back_on_its_line(tmp_path):
    # the digits of both lines are drawn after all the letters, as some generators do
    content = (b"BT /F1 10 Tf 1 0 0 1 72 700 Tm (Year ) Tj 1 0 0 1 72 686 Tm (Page ) Tj ET "
               b"BT /F1 10 Tf 1 0 0 1 97.8 700 Tm (2024) Tj 1 0 0 1 99.5 686 Tm (7) Tj ET")
    assert pdf_text(tmp_path, latin_pdf(content)) == "Year 2024\nPage 7"


def test_pdf_lines_keep_drawing_order_across_columns(tmp_path):
    content = (b"BT /F1 10 Tf 1 0 0 1 72 700 Tm (left one) Tj 1 0 0 1 72 686 Tm (left two) Tj "
               b"1 0 0 1 300 700 Tm (right one) Tj 1 0 0 1 300 686 Tm (right two) Tj ET")
    assert pdf_text(tmp_path, latin_pdf(content)) == "left one\nleft two\nright one\nright two"


def test_pdf_superscript_stays_on_its_line(tmp_path):
    content = b"BT /F1 10 Tf 72 700 Td (note) Tj 4 Ts /F1 6 Tf (1) Tj 0 Ts /F1 10 Tf ( end) Tj ET"
    assert pdf_text(tmp_path, latin_pdf(content)) == "note1 end"


def test_pdf_fake_bold_duplicates_are_dropped(tmp_path):
    content = b"BT /F1 10 Tf 1 0 0 1 72 700 Tm (Bold) Tj 1 0 0 1 72.3 700 Tm (Bold) Tj ET"
    assert pdf_text(tmp_path, latin_pdf(content)) == "Bold"


def test_pdf_cm_and_rotated_text(tmp_path):
    content = b"q 0 1 -1 0 300 100 cm BT /F1 10 Tf 0 0 Td (rotated) Tj 0 -14 Td (text) Tj ET Q"
    assert pdf_text(tmp_path, latin_pdf(content)) == "rotated\ntext"


def test_pdf_form_xobject_text_is_read(tmp_path):
    form = b"BT /F1 10 Tf 0 0 Td (inside form) Tj ET"
    data = pdfgen.raw_page_pdf(
        b"BT /F1 10 Tf 72 700 Td (page) Tj ET q 1 0 0 1 72 600 cm /X1 Do Q",
        page_resources=b"<< /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >>",
        extra_objects=HELVETICA,
        stream_objects={6: (b"/Type /XObject /Subtype /Form /BBox [0 0 500 100] ", form)},
    )
    assert pdf_text(tmp_path, data) == "page\ninside form"


def test_pdf_form_xobject_loop_terminates(tmp_path):
    form = b"BT /F1 10 Tf 0 0 Td (loop) Tj ET /X1 Do"
    data = pdfgen.raw_page_pdf(
        b"/X1 Do",
        page_resources=b"<< /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >>",
        extra_objects=HELVETICA,
        stream_objects={6: (b"/Type /XObject /Subtype /Form /Resources << /Font << /F1 5 0 R >> "
                            b"/XObject << /X1 6 0 R >> >> ", form)},
    )
    assert pdf_text(tmp_path, data) == "loop"


@pytest.mark.parametrize(
    "filter_,encode",
    [
        (b"/Filter /ASCIIHexDecode ", lambda d: d.hex().encode() + b">"),
        (b"/Filter /ASCII85Decode ", lambda d: base64.a85encode(d) + b"~>"),
        (b"/Filter [/ASCII85Decode /FlateDecode] ", lambda d: base64.a85encode(zlib.compress(d)) + b"~>"),
    ],
    ids=["ascii-hex", "ascii85", "ascii85-then-flate"],
)
def test_pdf_ascii_filters(tmp_path, filter_, encode):
    content = encode(b"BT /F1 10 Tf 72 700 Td (filtered) Tj ET")
    data = pdfgen.raw_page_pdf(content, page_resources=FONT_RES, extra_objects=HELVETICA, filter_=filter_)
    assert pdf_text(tmp_path, data) == "filtered"


def test_pdf_lzw_decodes_the_example_of_the_pdf_specification():
    assert pdfmod._lzw(bytes.fromhex("800B6050220C0C8501")) == bytes.fromhex("2D2D2D2D2D412D2D2D42")


def test_pdf_lzw_content_stream(tmp_path):
    content = b"BT /F1 10 Tf 72 700 Td (compressed with LZW) Tj ET\n" + b"% comment line\n" * 400
    data = pdfgen.raw_page_pdf(pdfgen.lzw_encode(content), page_resources=FONT_RES, extra_objects=HELVETICA,
                               filter_=b"/Filter /LZWDecode ")
    assert pdf_text(tmp_path, data) == "compressed with LZW"


def test_pdf_junk_before_the_header(tmp_path):
    assert pdf_text(tmp_path, b"MIME junk from a mail gateway\r\n" + pdfgen.document(PAGES)) == PAGES_TEXT


def test_text_mentioning_the_pdf_header_stays_text(tmp_path):
    source = read(tmp_path, "notes.txt", "PDF 文件以 %PDF-1.7 开头。")
    assert (source.format, source.text) == ("txt", "PDF 文件以 %PDF-1.7 开头。")


def test_pdf_simple_font_differences_with_glyph_names(tmp_path):
    font = (b"<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Song /FirstChar 65 /LastChar 68 "
            b"/Widths [1000 1000 1000 1000] /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding "
            b"/Differences [65 /uni79D1 /uni6280 /u90E8 /quotedblleft] >> >>")
    data = pdfgen.raw_page_pdf(b"BT /F1 10 Tf 72 700 Td (ABCDxy) Tj ET", page_resources=FONT_RES,
                               extra_objects={5: font})
    assert pdf_text(tmp_path, data) == "科技部“xy"


def test_pdf_simple_font_tounicode_wins_over_encoding(tmp_path):
    cmap = b"begincmap 1 beginbfchar <41> <4E2D> endbfchar 1 beginbfrange <42> <43> <56FD> endbfrange endcmap"
    font = b"<< /Type /Font /Subtype /TrueType /BaseFont /X /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>"
    data = pdfgen.raw_page_pdf(b"BT /F1 10 Tf 72 700 Td (ABC) Tj ET", page_resources=FONT_RES,
                               extra_objects={5: font}, stream_objects={6: (b"", cmap)})
    assert pdf_text(tmp_path, data) == "中国图"


def test_pdf_tounicode_surrogate_pairs_and_ligatures(tmp_path):
    cmap = (b"begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar "
            b"<0001> <D840DC00> <0002> <00660069> endbfchar endcmap")
    assert pdf_text(tmp_path, identity_h_pdf(b"00010002", cmap)) == "𠀀fi"


def test_pdf_predefined_gbk_cmap_without_tounicode(tmp_path):
    font = (b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /GBK-EUC-H "
            b"/DescendantFonts [6 0 R] >>")
    shown = "科技部2024".encode("gbk")
    data = pdfgen.raw_page_pdf(
        b"BT /F1 10 Tf 72 700 Td <" + shown.hex().encode() + b"> Tj ET", page_resources=FONT_RES,
        extra_objects={5: font, 6: b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light >>"},
    )
    assert pdf_text(tmp_path, data) == "科技部2024"


def test_pdf_identity_font_without_tounicode_is_reported(tmp_path):
    assert "Unicode mapping" in read_error(tmp_path, "a.pdf", identity_h_pdf(b"00170018")).reason


def test_pdf_radical_code_points_become_ideographs(tmp_path):
    # Chrome writes ToUnicode entries such as ⽣ (KANGXI RADICAL LIFE) for 生, ⻅ for 见, ⼾ for 户
    cmap = (b"begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 3 beginbfchar "
            b"<0001> <2F63> <0002> <2EC5> <0003> <2F3E> endbfchar endcmap")
    assert pdf_text(tmp_path, identity_h_pdf(b"000100020003", cmap)) == "生见户"


def test_pdf_actual_text_replaces_the_glyphs(tmp_path):
    content = b"BT /F1 10 Tf 72 700 Td (A) Tj /Span << /ActualText <FEFF20142014> >> BDC (x) Tj EMC (B) Tj ET"
    assert pdf_text(tmp_path, latin_pdf(content)) == "A\u2014\u2014B"


def test_pdf_inline_image_is_skipped(tmp_path):
    content = b"BT /F1 10 Tf 72 700 Td (before) Tj ET BI /W 2 /H 2 /BPC 8 /CS /G ID \x00\xff) Tj EI\nEI Q\n" \
              b"BT /F1 10 Tf 72 680 Td (after) Tj ET"
    assert pdf_text(tmp_path, latin_pdf(content)) == "before\nafter"


def test_pdf_incremental_update_wins(tmp_path):
    original = pdfgen.document([["旧版本"]], compress=False)
    doc = pdfmod.Document(original)
    page = next(num for num, entry in doc.xref.items() if isinstance(doc.get(num), dict)
                and doc.get(num).get("Type") == "Page")
    font = pdfgen.CidFont("新版本")
    builder = pdfgen.Builder()
    builder._next = 100
    font_num = font.add_to(builder)
    updates = dict(builder.objects)
    updates[200] = pdfgen.stream_body(b"BT /F9 12 Tf 72 720 Td " + font.encode("新版本") + b" Tj ET")
    updates[page] = (b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents 200 0 R "
                     b"/Resources << /Font << /F9 %d 0 R >> >> >>") % (doc.get(page)["Parent"].num, font_num)
    root = doc.trailer["Root"].num
    updated = pdfgen.append_update(original, updates, size=201, root=root)
    assert pdf_text(tmp_path, updated) == "新版本"


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.replace(b"startxref\n", b"startxref\n9"),  # points nowhere
        lambda d: d[: d.rindex(b"xref")],  # xref table and trailer cut off
        lambda d: re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m.group(1)) + 5), d),
    ],
    ids=["bad-startxref", "no-xref", "wrong-offsets"],
)
def test_pdf_broken_xref_falls_back_to_scanning(tmp_path, damage):
    data = damage(pdfgen.document(PAGES))
    assert pdf_text(tmp_path, data) == PAGES_TEXT


def test_pdf_encrypted_is_refused(tmp_path):
    encrypt = b"/Encrypt << /Filter /Standard /V 1 /R 2 /P -4 /O <00> /U <00> >> "
    data = pdfgen.document(PAGES, trailer_extra=encrypt)
    assert read_error(tmp_path, "a.pdf", data).reason == PDF_ENCRYPTED


def test_pdf_encrypted_with_xref_stream_is_refused(tmp_path):
    data = pdfgen.document(PAGES, xref="stream", trailer_extra=b"/Encrypt << /Filter /Standard >> ")
    assert read_error(tmp_path, "a.pdf", data).reason == PDF_ENCRYPTED


def test_pdf_without_text_is_refused(tmp_path):
    content = b"q 100 0 0 100 72 600 cm /Im1 Do Q 0 0 m 100 100 l S"
    data = pdfgen.raw_page_pdf(
        content, page_resources=b"<< /XObject << /Im1 5 0 R >> >>",
        stream_objects={5: (b"/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                            b"/BitsPerComponent 8 /Filter /DCTDecode ", b"\xff\xd8\xff\xd9")},
    )
    assert read_error(tmp_path, "scan.pdf", data).reason == PDF_NO_TEXT


@pytest.mark.parametrize("fraction", [0.2, 0.5, 0.8])
def test_pdf_truncated_is_refused(tmp_path, fraction):
    data = pdfgen.document(PAGES)
    reason = read_error(tmp_path, "a.pdf", data[: int(len(data) * fraction)]).reason
    assert "truncated" in reason or "corrupt" in reason


def test_pdf_page_tree_loop_terminates(tmp_path):
    builder = pdfgen.Builder()
    builder.add(b"<< /Type /Catalog /Pages 2 0 R >>", 1)
    builder.add(b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>", 2)
    builder.add(b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>", 3)
    builder._next = 4
    reason = read_error(tmp_path, "a.pdf", builder.build(1)).reason
    assert "pages" in reason or "text" in reason


def test_pdf_huge_stream_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(pdfmod, "MAX_STREAM", 10_000)
    content = b"BT /F1 10 Tf 72 700 Td (x) Tj ET\n" + b"% padding\n" * 5000
    data = pdfgen.raw_page_pdf(zlib.compress(content), page_resources=FONT_RES, extra_objects=HELVETICA,
                               filter_=b"/Filter /FlateDecode ")
    assert "too large" in read_error(tmp_path, "a.pdf", data).reason


def test_pdf_reference_loop_in_objects_terminates(tmp_path):
    builder = pdfgen.Builder()
    builder.add(b"<< /Type /Catalog /Pages 2 0 R >>", 1)
    builder.add(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", 2)
    builder.add(b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources 5 0 R >>", 3)
    builder.add(b"4 0 R", 4)
    builder.add(b"6 0 R", 5)
    builder.add(b"5 0 R", 6)
    builder._next = 7
    assert read_error(tmp_path, "a.pdf", builder.build(1)).reason


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_pdf_damaged_anywhere_gives_text_or_a_read_error(tmp_path, flips):
    data = bytearray(pdfgen.document(PAGES, compress=False))
    for where, value in flips:
        data[min(int(where * len(data)), len(data) - 1)] = value
    path = write(tmp_path, "fuzz.pdf", bytes(data))
    try:
        source = read_source(path)
    except ReadError as exc:
        assert not exc.reason.startswith("unexpected error"), exc.reason
    else:
        assert isinstance(source.text, str)


# ---------------------------------------------------------------------------------------------
# PDF: a real file printed by Chromium
# ---------------------------------------------------------------------------------------------


def test_real_chromium_pdf_reads_in_order_with_lines_intact():
    source = read_source(DATA / "chromium_cjk.pdf")
    assert source.text == (
        "发展新质生产力\n"
        "科技部、国家发展改革委联合推动创新联合\n"
        "体建设，发展新质生产力是推动高质量发展\n"
        "的内在要求。\n"
        "\n"
        "2024年科技创新 (STP) 新型举国体制。"
    )


# ---------------------------------------------------------------------------------------------
# discover()
# ---------------------------------------------------------------------------------------------


def make_tree(root: Path, names: list[str]) -> None:
    for name in names:
        write(root, name, "文本")


def ids(pairs: list[tuple[Path, str]]) -> list[str]:
    return [doc_id for _path, doc_id in pairs]


def test_discover_recurses_sorts_and_uses_relative_ids(tmp_path):
    make_tree(tmp_path / "corpus", ["b.txt", "a.md", "sub/c.pdf", "sub/deeper/d.html", "e.htm", "f.docx",
                                    "g.markdown"])
    pairs = discover([tmp_path / "corpus"])
    assert ids(pairs) == ["a", "b", "e", "f", "g", "sub/c", "sub/deeper/d"]
    assert all(isinstance(path, Path) and path.is_file() for path, _ in pairs)
    assert dict((doc_id, path) for path, doc_id in pairs)["sub/c"] == tmp_path / "corpus" / "sub" / "c.pdf"


def test_discover_skips_hidden_unsupported_and_manifest(tmp_path):
    make_tree(tmp_path, ["keep.txt", ".hidden.txt", ".git/config.txt", ".DS_Store", "manifest.csv",
                         "data.csv", "image.png", "~$lock.docx", "sub/.cache/x.md", "UPPER.TXT"])
    assert ids(discover([tmp_path])) == ["UPPER", "keep"]


def test_discover_includes_a_file_given_directly_whatever_its_suffix(tmp_path):
    make_tree(tmp_path, ["notes.xyz", ".hidden.txt"])
    assert ids(discover([tmp_path / "notes.xyz", tmp_path / ".hidden.txt"])) == [".hidden", "notes"]


@pytest.mark.parametrize("order", [["a.txt", "a.pdf", "b.md"], ["b.md", "a.pdf", "a.txt"]])
def test_discover_colliding_ids_keep_their_extension(tmp_path, order):
    make_tree(tmp_path / "in", ["a.txt", "a.pdf", "b.md"])
    assert ids(discover([tmp_path / "in" / name for name in order])) == ["a.pdf", "a.txt", "b"]


def test_discover_collisions_inside_a_folder(tmp_path):
    make_tree(tmp_path, ["x/report.txt", "x/report.docx", "x/other.md"])
    assert ids(discover([tmp_path / "x"])) == ["other", "report.docx", "report.txt"]


@pytest.mark.parametrize("reverse", [False, True])
def test_discover_same_relative_path_in_two_folders(tmp_path, reverse):
    make_tree(tmp_path, ["one/a.txt", "two/a.txt"])
    inputs = [tmp_path / "one", tmp_path / "two"]
    assert ids(discover(inputs[::-1] if reverse else inputs)) == ["one/a.txt", "two/a.txt"]


def test_discover_lists_a_file_reached_twice_once(tmp_path):
    make_tree(tmp_path, ["docs/a.txt"])
    pairs = discover([tmp_path / "docs", tmp_path / "docs" / "a.txt"])
    assert ids(pairs) == ["a"]


def test_discover_missing_path(tmp_path):
    with pytest.raises(ReadError) as info:
        discover([tmp_path / "missing"])
    assert info.value.path == str(tmp_path / "missing")


def test_discover_empty_folder(tmp_path):
    assert discover([tmp_path]) == []
