"""DOCX files: paragraphs, tables, notes, damaged and encrypted packages, and a real pandoc file."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from extractors.reading import read_source
from extractors.records import Source
from tests.docxgen import make_docx, para, run, table
from tests.readutil import DATA, read, read_error

DOCX_ENCRYPTED = "password-protected or encrypted DOCX (or a legacy .doc file), cannot read"


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


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le")


@pytest.mark.parametrize("name", ["secret.docx", "secret.txt"])
def test_ole_file_is_reported_as_encrypted_or_legacy(tmp_path, name):
    assert read_error(tmp_path, name, OLE).reason == DOCX_ENCRYPTED


@pytest.mark.parametrize("name, expected", [("old.doc", "legacy Word document"), ("old.wps", "WPS Writer"),
                                            ("table.xls", "Excel workbook")])
def test_legacy_office_file_says_what_to_convert_it_to(tmp_path, name, expected):
    reason = read_error(tmp_path, name, OLE).reason
    assert reason.startswith(expected) and ("convert" in reason or "save" in reason)


def test_xlsx_is_named_as_a_workbook_not_a_broken_docx(tmp_path):
    assert read_error(tmp_path, "data.xlsx", make_docx([para(run("x"))])).reason.startswith("Excel workbook")


def core_xml(title: str, created: str) -> str:
    return ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
            f"<dc:title>{title}</dc:title><dcterms:created>{created}</dcterms:created></cp:coreProperties>")


def test_docx_core_properties_are_metadata(tmp_path):
    data = make_docx([para(run("正文"))], extra={"docProps/core.xml": core_xml("指导意见", "2024-03-05T02:00:00Z")})
    assert docx(tmp_path, data).meta == (("docx.created", "2024-03-05T02:00:00Z"), ("docx.title", "指导意见"))


def test_docx_with_broken_core_properties_still_reads(tmp_path):
    data = make_docx([para(run("正文"))], extra={"docProps/core.xml": "<cp:coreProperties"})
    source = docx(tmp_path, data)
    assert (source.text, source.meta) == ("正文", ())


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
    assert source.meta == (("docx.created", "2026-11-22T10:50:53Z"), ("docx.modified", "2026-11-22T10:50:53Z"))
