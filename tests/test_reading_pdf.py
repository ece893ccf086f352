"""PDF files (read with pypdf): documents written by tests/pdfgen.py, damaged and encrypted ones, and a
real Chromium file.

Where pypdf gives less than the hand-written reader it replaced (text drawn out of order, doubled
glyphs of fake bold, /ActualText, forms that borrow the page's fonts), the test says so with an
``xfail`` and what the normaliser does about it.
"""
from __future__ import annotations

import base64
import io
import re
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.errors import ReadError
from extractors.formats.pdf import ENCRYPTED_REASON as PDF_ENCRYPTED
from extractors.formats.pdf import NO_TEXT_REASON as PDF_NO_TEXT
from extractors.formats.pdf import UNMAPPED_REASON
from extractors.normalize import normalize
from extractors.reading import read_source
from tests import pdfgen
from tests.readutil import DATA, read, read_error, write

PAGES = [["发展新质生产力", "科技部 2024年 Hello world, STP."], ["第二页：𠀀镕", "国家发展改革委"]]
PAGES_TEXT = "发展新质生产力\n科技部 2024年 Hello world, STP.\n\n第二页：𠀀镕\n国家发展改革委"


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


@pytest.mark.parametrize("kern", [-250, -1200, -3000])
def test_pdf_tj_kerning_between_cjk_glyphs_is_gone_after_normalisation(tmp_path, kern):
    # pypdf turns a wide TJ adjustment into a space (新 质 生 产 力); in a PDF's text the normaliser
    # removes spaces between CJK characters, as it does for the seeds' justified lines
    text = pdf_text(tmp_path, pdfgen.document([["新质生产力", "科技创新"]], tj_kern=kern))
    assert text.replace(" ", "") == "新质生产力\n科技创新"
    assert normalize(text, format="pdf").replace("\n", "") == "新质生产力科技创新"


def test_pdf_separate_cjk_pieces_far_apart_are_spaced(tmp_path):
    font = pdfgen.CidFont("科技部通知意见年")
    cells = [(72, "科技部"), (150, "通知"), (190, "意见"), (216, "2024"), (240, "年")]
    # 12 pt glyphs: gaps of 42 pt and 16 pt (more than 1 em), then 2 pt and 0 pt
    content = b"".join(b"BT /F1 12 Tf 1 0 0 1 %d 700 Tm %s Tj ET\n" % (x, font.encode(t)) for x, t in cells)
    text = pdf_text(tmp_path, pdfgen.cid_page_pdf(font, content))
    assert text.startswith("科技部 通知 意见") and text.replace(" ", "").endswith("意见2024年")


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


@pytest.mark.xfail(strict=True, reason="pypdf keeps the order the content stream draws text in")
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


@pytest.mark.xfail(strict=True, reason="pypdf keeps overprinted glyphs; the normaliser drops 3 or more copies")
def test_pdf_fake_bold_duplicates_are_dropped(tmp_path):
    content = b"BT /F1 10 Tf 1 0 0 1 72 700 Tm (Bold) Tj 1 0 0 1 72.3 700 Tm (Bold) Tj ET"
    assert pdf_text(tmp_path, latin_pdf(content)) == "Bold"


def test_pdf_cm_and_rotated_text(tmp_path):
    content = b"q 0 1 -1 0 300 100 cm BT /F1 10 Tf 0 0 Td (rotated) Tj 0 -14 Td (text) Tj ET Q"
    assert pdf_text(tmp_path, latin_pdf(content)) == "rotated\ntext"


@pytest.mark.parametrize(
    "form_resources",
    [b"/Resources << /Font << /F1 5 0 R >> >> ",
     pytest.param(b"", marks=pytest.mark.xfail(strict=True, reason="pypdf does not lend a form the page's fonts "
                                                                  "(PDF 1.1 style, deprecated since PDF 1.2)"))],
    ids=["own-resources", "page-resources"],
)
def test_pdf_form_xobject_text_is_read(tmp_path, form_resources):
    form = b"BT /F1 10 Tf 0 0 Td (inside form) Tj ET"
    data = pdfgen.raw_page_pdf(
        b"BT /F1 10 Tf 72 700 Td (page) Tj ET q 1 0 0 1 72 600 cm /X1 Do Q",
        page_resources=b"<< /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >>",
        extra_objects=HELVETICA,
        stream_objects={6: (b"/Type /XObject /Subtype /Form /BBox [0 0 500 100] " + form_resources, form)},
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
    assert read_error(tmp_path, "a.pdf", identity_h_pdf(b"00170018")).reason == UNMAPPED_REASON


def test_pdf_radical_code_points_become_ideographs(tmp_path):
    # Chrome writes ToUnicode entries such as ⽣ (KANGXI RADICAL LIFE) for 生, ⻅ for 见, ⼾ for 户
    cmap = (b"begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 3 beginbfchar "
            b"<0001> <2F63> <0002> <2EC5> <0003> <2F3E> endbfchar endcmap")
    assert pdf_text(tmp_path, identity_h_pdf(b"000100020003", cmap)) == "生见户"


@pytest.mark.xfail(strict=True, reason="pypdf does not read /ActualText")
def test_pdf_actual_text_replaces_the_glyphs(tmp_path):
    content = b"BT /F1 10 Tf 72 700 Td (A) Tj /Span << /ActualText <FEFF20142014> >> BDC (x) Tj EMC (B) Tj ET"
    assert pdf_text(tmp_path, latin_pdf(content)) == "A\u2014\u2014B"


def test_pdf_inline_image_is_skipped(tmp_path):
    content = b"BT /F1 10 Tf 72 700 Td (before) Tj ET BI /W 2 /H 2 /BPC 8 /CS /G ID \x00\xff) Tj EI\nEI Q\n" \
              b"BT /F1 10 Tf 72 680 Td (after) Tj ET"
    assert pdf_text(tmp_path, latin_pdf(content)) == "before\nafter"


def test_pdf_incremental_update_wins(tmp_path):
    from pypdf import PdfReader

    original = pdfgen.document([["旧版本"]], compress=False)
    reader = PdfReader(io.BytesIO(original))
    page = reader.pages[0].indirect_reference.idnum
    parent = reader.pages[0].raw_get("/Parent").idnum
    root = reader.trailer.raw_get("/Root").idnum
    font = pdfgen.CidFont("新版本")
    builder = pdfgen.Builder()
    builder._next = 100
    font_num = font.add_to(builder)
    updates = dict(builder.objects)
    updates[200] = pdfgen.stream_body(b"BT /F9 12 Tf 72 720 Td " + font.encode("新版本") + b" Tj ET")
    updates[page] = (b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents 200 0 R "
                     b"/Resources << /Font << /F9 %d 0 R >> >> >>") % (parent, font_num)
    updated = pdfgen.append_update(original, updates, size=201, root=root)
    assert pdf_text(tmp_path, updated) == "新版本"


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.replace(b"startxref\n", b"startxref\n9"),  # points nowhere
        lambda d: re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m.group(1)) + 5), d),
    ],
    ids=["bad-startxref", "wrong-offsets"],
)
def test_pdf_broken_xref_is_repaired(tmp_path, damage):
    source = read(tmp_path, "a.pdf", damage(pdfgen.document(PAGES)))
    assert source.text == PAGES_TEXT
    assert any(warning.startswith("damaged PDF, read around the damage: ") for warning in source.warnings)


def test_pdf_without_xref_and_trailer_is_reported_as_truncated(tmp_path):
    data = pdfgen.document(PAGES)
    assert "truncated" in read_error(tmp_path, "a.pdf", data[: data.rindex(b"xref")]).reason


def test_pdf_encrypted_is_refused(tmp_path):
    encrypt = b"/Encrypt << /Filter /Standard /V 1 /R 2 /P -4 /O <00> /U <00> >> "
    data = pdfgen.document(PAGES, trailer_extra=encrypt)
    assert read_error(tmp_path, "a.pdf", data).reason == PDF_ENCRYPTED


def test_pdf_encrypted_with_xref_stream_is_refused(tmp_path):
    data = pdfgen.document(PAGES, xref="stream", trailer_extra=b"/Encrypt << /Filter /Standard >> ")
    assert read_error(tmp_path, "a.pdf", data).reason.startswith("encrypted PDF")


def encrypted(data: bytes, user_password: str, algorithm: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("algorithm", ["RC4-40", "RC4-128", "AES-128", "AES-256"])
def test_pdf_encrypted_with_an_empty_user_password_is_decrypted(tmp_path, algorithm):
    source = read(tmp_path, "a.pdf", encrypted(pdfgen.document(PAGES), "", algorithm))
    assert source.text == PAGES_TEXT
    assert source.warnings == ("encrypted PDF, opened with its empty user password",)


def test_pdf_that_needs_a_password_says_how_to_remove_it(tmp_path):
    reason = read_error(tmp_path, "a.pdf", encrypted(pdfgen.document(PAGES), "secret", "AES-256")).reason
    assert reason == PDF_ENCRYPTED and "qpdf --decrypt" in reason


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
    assert reason.startswith("corrupt PDF") and "cyclic page" in reason


def test_pdf_huge_stream_is_refused(tmp_path):
    from pypdf import apply_configuration

    content = b"BT /F1 10 Tf 72 700 Td (x) Tj ET\n" + b"% padding\n" * 5000
    data = pdfgen.raw_page_pdf(zlib.compress(content), page_resources=FONT_RES, extra_objects=HELVETICA,
                               filter_=b"/Filter /FlateDecode ")
    with apply_configuration(zlib_maximum_output_length=10_000):  # pypdf's guard against zip bombs, lowered
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


def test_pdf_pages_without_text_are_named(tmp_path):
    source = read(tmp_path, "a.pdf", pdfgen.document([["第一页"], [" "], ["第三页"]]))
    assert source.text.split() == ["第一页", "第三页"]
    assert source.warnings == ("no text on page 2 (scanned or blank: OCR would read a scan)",)


def test_pdf_document_information_is_metadata(tmp_path):
    info = b"/Info << /Title (\376\377\000N\000e\000w) /CreationDate (D:20240305101010+08'00') >> "
    source = read(tmp_path, "a.pdf", pdfgen.document(PAGES, trailer_extra=info))
    assert source.meta == (("pdf.creation_date", "D:20240305101010+08'00'"), ("pdf.title", "New"))


def test_real_chromium_pdf_reads_in_order_with_lines_intact():
    source = read_source(DATA / "chromium_cjk.pdf")
    assert source.meta == (("pdf.creation_date", "D:20261122104349+00'00'"),
                           ("pdf.mod_date", "D:20261122104349+00'00'"), ("pdf.title", "fixture"))
    assert source.text == (
        "发展新质生产力\n"
        "科技部、国家发展改革委联合推动创新联合\n"
        "体建设，发展新质生产力是推动高质量发展\n"
        "的内在要求。\n"
        "\n"
        "2024年科技创新 (STP) 新型举国体制。"
    )


# ---------------------------------------------------------------------------------------------
# PDF: the seeds printed by Chromium (needs chromium and a CJK font, as the README's fixture notes say)
# ---------------------------------------------------------------------------------------------


@pytest.mark.external
@pytest.mark.parametrize("seed", ["000_c1341e5d7e98f425.txt", "003_846a3d207423c563.txt"])
def test_seed_printed_by_chromium_reads_back_line_for_line(tmp_path, seed):
    import html
    import shutil
    import subprocess

    from tests.conftest import SEEDS

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed (make test-tools installs it)")
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True) if shutil.which("fc-list") else None
    if fonts is None or not fonts.stdout.strip():
        pytest.skip("no Chinese font for chromium to print with (Debian: apt-get install fonts-wqy-microhei)")
    lines = [line.strip() for line in (SEEDS / seed).read_text(encoding="utf-8").split("\n") if line.strip()]
    lines = [line for line in lines if len(line) <= 36]  # one printed line each
    page = ("<!DOCTYPE html><html lang=zh-CN><head><meta charset=utf-8><style>@page{size:A4;margin:15mm}"
            "body{font:12pt/1.6 'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif;white-space:pre;margin:0}"
            "</style></head><body>" + "\n".join(html.escape(line) for line in lines) + "</body></html>")
    (tmp_path / "seed.html").write_text(page, encoding="utf-8")
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--no-pdf-header-footer", f"--print-to-pdf={tmp_path / 'seed.pdf'}", str(tmp_path / "seed.html")],
                   check=True, capture_output=True, timeout=120)
    got = [line for line in read_source(tmp_path / "seed.pdf").text.split("\n") if line.strip()]
    squeeze = lambda line: "".join(line.split())  # noqa: E731  (spaces are layout; the normaliser decides)
    assert [squeeze(line) for line in got] == [squeeze(line) for line in lines]


def test_a_dash_read_back_as_a_horizontal_bar_is_a_dash_again():
    from extractors.formats.pdf import _undash  # Noto CJK's one glyph for — and ―; Chrome's CMap names ―

    assert _undash("（2012\u20152030年）中国\u2015东盟") == "（2012—2030年）中国—东盟"


def test_damaged_pdf_that_names_an_encryption_dictionary_says_it_is_encrypted(tmp_path):
    data = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<</Encrypt 2 0 R/Root 1 0 R>>\n%%EOF"
    assert read_error(tmp_path, "locked.pdf", data).reason.startswith("encrypted (password-protected) PDF")
