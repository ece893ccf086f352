"""read_source: what every format shares (paths, errors) and sniffing the format from the content."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.errors import KgError, ReadError
from extractors.reading import SUPPORTED_SUFFIXES, read_source
from tests import pdfgen
from tests.docxgen import make_docx, para, run
from tests.readutil import DATA, read, read_error, write

PAGES = [["发展新质生产力", "科技部 2024年 Hello world, STP."], ["第二页：𠀀镕", "国家发展改革委"]]
PAGES_TEXT = "发展新质生产力\n科技部 2024年 Hello world, STP.\n\n第二页：𠀀镕\n国家发展改革委"


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
    reason = read_error(tmp_path, "a.txt", b"{\\rtf1\\ansi hello}").reason
    assert reason.startswith("RTF document") and "libreoffice --headless --convert-to docx" in reason


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


def test_source_carries_warnings_and_metadata():
    source = read_source(DATA / "chromium_cjk.html")
    assert (source.warnings, source.meta) == ((), (("html.title", "fixture"),))


def test_a_symlink_loop_is_a_read_error_not_a_traceback(tmp_path):
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    with pytest.raises(ReadError) as info:
        read_source(tmp_path / "a.txt")
    assert info.value.reason == "symbolic link loop (a.txt -> b.txt -> a.txt)"


def test_an_unreadable_file_is_named(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", "文本")

    def refuse(self):  # what a file without read permission does (root may read any file)
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(ReadError) as info:
        read_source(path)
    assert info.value.reason.startswith("permission denied")


@pytest.mark.parametrize("name, data, expected", [
    ("paper.caj", b"CAJ\x00\x01binary", "CNKI CAJ file"),
    ("notice.ofd", b"PK\x03\x04rest", "OFD document"),
    ("table.csv", "机构,文件\n科技部,通知".encode("utf-8"), None),
])
def test_a_file_of_an_unsupported_format_given_directly(tmp_path, name, data, expected):
    if expected is None:  # CSV is text: given directly, it is read as text
        assert read(tmp_path, name, data).text == "机构,文件\n科技部,通知"
    else:
        assert read_error(tmp_path, name, data).reason.startswith(expected)
