"""Document dates: each source alone, precedence, agreement and conflict, strictness, and the real corpora."""
from __future__ import annotations

import datetime
import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.dating import LAST_RESORT, document_date, parse_date_value
from extractors.documents import read_manifest
from extractors.errors import KgError
from extractors.normalize import normalize
from extractors.records import DATE_SOURCES, DocumentDate
from tests.conftest import SEEDS

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"  # ../shared beside the checkout


def dated(date: str, source: str, *conflicts: str) -> DocumentDate:
    precision = {4: "year", 7: "month", 10: "day"}[len(date)]
    return DocumentDate(date, precision, source, tuple(conflicts))


# -- each source on its own -----------------------------------------------------------------------


@pytest.mark.parametrize("value", ["2025", "2025-12", "2025-12-19"])
def test_manifest_alone(value):
    assert document_date("a.txt", "正文", manifest_date=value) == dated(value, "manifest")


@pytest.mark.parametrize("value, expected", [
    ("2023-09-08", "2023-09-08"),
    ("2023-09-08T10:00:00+08:00", "2023-09-08"),
    ("2023-09-08 10:00:00", "2023-09-08"),
    ("2023年9月8日", "2023-09-08"),
    ("2023-09", "2023-09"),
    ("2023", "2023"),
])
def test_front_matter_alone(value, expected):
    assert document_date("a.md", "正文", metadata={"front_matter.date": value}) == dated(expected, "front-matter")


@pytest.mark.parametrize("head, expected", [
    ("# 《新闻联播》（20230908）\n新闻摘要", "2023-09-08"),
    ("简报\n2025年第12期（总第218期）2025年12月19日\n【本期目录】", "2025-12-19"),
    ("政府工作报告\n——2022年3月5日在第十三届全国人民代表大会第五次会议上", "2022-03-05"),
    ("通知\n2025-12-19", "2025-12-19"),
    ("通知\n发布时间：2025/12/19 10:00", "2025-12-19"),
    ("通知\n2025.12.19", "2025-12-19"),
    ("关于某事的通知\n二〇二五年十二月十九日", "2025-12-19"),
    ("关于某事的通知\n二○二三年九月三十日", "2023-09-30"),
    ("工作简报\n（2025年12月）", "2025-12"),
    ("工作简报\n2025-12", "2025-12"),
])
def test_title_or_dateline_alone(head, expected):
    assert document_date("a.txt", head + "\n正文。") == dated(expected, "title")


@pytest.mark.parametrize("key", ["front_matter.title", "html.title", "docx.title", "pdf.title"])
def test_a_date_in_a_title_field_is_a_title_date(key):
    assert document_date("a.txt", "正文", metadata={key: "《新闻联播》（20230908）"}) == dated("2023-09-08", "title")


@pytest.mark.parametrize("path, expected", [
    ("20230908.md", "2023-09-08"),
    ("xwlb/20230908.md", "2023-09-08"),
    ("2023-09-08_国务院常务会议.txt", "2023-09-08"),
    ("2023_09_08.txt", "2023-09-08"),
    ("2023.09.08.txt", "2023-09-08"),
    ("2023-9-8.txt", "2023-09-08"),
    ("2023-09_月报.txt", "2023-09"),
    ("2004.txt", "2004"),
    ("gwr_2004.txt", "2004"),
    ("2024年政府工作报告.txt", "2024"),
    ("2023年9月8日.txt", "2023-09-08"),
    ("2024/03/report.md", "2024-03"),
    ("2024/03/08/report.md", "2024-03-08"),
    ("2024/03/08.md", "2024-03-08"),
    ("2024/report.md", "2024"),
    ("2024/03/20240308.md", "2024-03-08"),  # folders and name agree
    ("2023-09-08", "2023-09-08"),  # an id without its suffix
])
def test_path_alone(path, expected):
    assert document_date(path, "正文") == dated(expected, "path")


def test_html_meta_alone():
    meta = {"html.published_time": "2023-09-08T20:00:00+08:00"}
    assert document_date("a.html", "正文", metadata=meta) == dated("2023-09-08", "html-meta")


@pytest.mark.parametrize("meta, expected", [
    ({"docx.created": "2023-09-08T02:00:00Z"}, "2023-09-08"),
    ({"docx.modified": "2023-10-01T02:00:00Z"}, "2023-10-01"),  # modified only when created is missing
    ({"docx.created": "2023-09-08T02:00:00Z", "docx.modified": "2024-01-01T00:00:00Z"}, "2023-09-08"),
])
def test_docx_properties_alone(meta, expected):
    assert document_date("a.docx", "正文", metadata=meta) == dated(expected, "docx-properties")


@pytest.mark.parametrize("meta, expected", [
    ({"pdf.creation_date": "D:20230908120000+08'00'"}, "2023-09-08"),
    ({"pdf.mod_date": "D:20231001"}, "2023-10-01"),
    ({"pdf.creation_date": "D:202309"}, "2023-09"),
    ({"pdf.creation_date": "D:20230908", "pdf.mod_date": "D:20240101"}, "2023-09-08"),
])
def test_pdf_info_alone(meta, expected):
    assert document_date("a.pdf", "正文", metadata=meta) == dated(expected, "pdf-info")


def test_metadata_may_be_pairs():
    pairs = [("pdf.title", "简报"), ("pdf.creation_date", "D:20230908")]
    assert document_date("a.pdf", "正文", metadata=pairs).date == "2023-09-08"


def test_nothing_gives_no_date():
    assert document_date("000_c1341e5d7e98f425.txt", "新质生产力纵横谈\n正文") == DocumentDate()


# -- precedence -----------------------------------------------------------------------------------

# one disagreeing date per source, all of day precision and pairwise different
_DISAGREEING = {
    "manifest": ("2021-01-01", {}, "正文", "a.txt"),
    "front-matter": ("2021-02-02", {"front_matter.date": "2021-02-02"}, "正文", "a.txt"),
    "title": ("2021-03-03", {}, "标题\n2021年3月3日\n正文", "a.txt"),
    "path": ("2021-04-04", {}, "正文", "20210404.txt"),
    "html-meta": ("2021-05-05", {"html.published_time": "2021-05-05T10:00:00+08:00"}, "正文", "a.txt"),
    "docx-properties": ("2021-06-06", {"docx.created": "2021-06-06T10:00:00Z"}, "正文", "a.txt"),
    "pdf-info": ("2021-07-07", {"pdf.creation_date": "D:20210707"}, "正文", "a.txt"),
}


def _two_sources(high: str, low: str):
    (d_high, meta_high, text_high, path_high) = _DISAGREEING[high]
    (d_low, meta_low, text_low, path_low) = _DISAGREEING[low]
    text = text_high if high == "title" else text_low
    path = path_high if high == "path" else path_low
    manifest = d_high if high == "manifest" else ""
    return document_date(path, text, metadata={**meta_high, **meta_low}, manifest_date=manifest)


@pytest.mark.parametrize("high, low", list(itertools.combinations(DATE_SOURCES, 2)))
def test_precedence_of_each_pair(high, low):
    result = _two_sources(high, low)
    d_high, d_low = _DISAGREEING[high][0], _DISAGREEING[low][0]
    assert (result.date, result.source) == (d_high, high)
    if high not in LAST_RESORT and low in LAST_RESORT:
        assert result.conflicts == ()  # a conversion date is not worth a line in the summary
    else:
        assert result.conflicts == (f"{high}={d_high} vs {low}={d_low}",)


def test_agreeing_sources_are_not_a_conflict_and_the_finest_wins():
    result = document_date("gwr/2022.txt", "政府工作报告\n——2022年3月5日在第十三届全国人民代表大会第五次会议上")
    assert result == dated("2022-03-05", "title")


def test_the_manifest_is_refined_by_an_agreeing_dateline():
    result = document_date("004.txt", "简报\n2025年第12期 2025年12月19日", manifest_date="2025")
    assert result == dated("2025-12-19", "title")


def test_equal_dates_go_to_the_higher_source():
    assert document_date("xwlb/20230908.md", "《新闻联播》（20230908）") == dated("2023-09-08", "title")


def test_a_refinement_that_disagrees_with_the_refined_date_is_reported():
    result = document_date("20230907.md", "标题\n2023年9月8日", manifest_date="2023")
    assert result == dated("2023-09-08", "title", "title=2023-09-08 vs path=2023-09-07")


def test_a_last_resort_never_refines_a_better_source():
    result = document_date("2023.pdf", "正文", metadata={"pdf.creation_date": "D:20231230"})
    assert result == dated("2023", "path")


def test_last_resort_disagreements_are_reported_among_themselves():
    meta = {"html.published_time": "2023-09-08", "pdf.creation_date": "D:20240101"}
    assert document_date("a", "正文", metadata=meta) == dated("2023-09-08", "html-meta", "html-meta=2023-09-08 vs pdf-info=2024-01-01")


# -- ambiguity ------------------------------------------------------------------------------------


def test_two_dates_in_the_dateline_give_no_title_date():
    result = document_date("a.txt", "会议通知\n2025年12月19日至2026年1月3日\n正文")
    assert result == DocumentDate(conflicts=("title=2025-12-19 vs title=2026-01-03",))


def test_an_ambiguous_title_leaves_the_path_to_decide_and_says_so():
    result = document_date("20251219.txt", "会议通知\n2025年12月19日至2026年1月3日")
    assert result == dated("2025-12-19", "path", "title=2025-12-19 vs title=2026-01-03")


def test_folders_and_name_that_disagree_give_no_path_date():
    result = document_date("2024/03/2023.txt", "正文")
    assert result == DocumentDate(conflicts=("path=2023 vs path=2024-03",))


def test_an_ambiguous_better_source_keeps_the_last_resort_out():
    result = document_date("2024/03/2023.pdf", "正文", metadata={"pdf.creation_date": "D:20240301"})
    assert result.date == "" and result.conflicts == ("path=2023 vs path=2024-03",)


def test_an_unreadable_front_matter_date_is_reported():
    result = document_date("2023.md", "正文", metadata={"front_matter.date": "next tuesday"})
    assert result == dated("2023", "path", "front-matter: 'next tuesday' is not a date")


# -- strictness -----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [
    "20231301.md",  # month 13
    "20230229.md",  # 2023 is not a leap year
    "19000229.md",  # nor is 1900
    "2023-02-30.txt",
    "2023_13_08.txt",
    "004_dff61195967c57f5.txt",  # digits inside a hash touch letters
    "001_2023.txt",  # two numbers joined: which is what?
    "2023_12.txt",
    "v1.2023.txt",
    "report2023.txt",
    "2022-2023.txt",  # a range is not a date
    "20230908120000.txt",  # a 14-digit run is not a date
    "2023-09-08-001.txt",
    "1948.txt",  # outside 1949–2099
    "2100.txt",
    "202309.txt",  # YYYYMM or a serial number?
    "12345678.txt",
])
def test_digit_runs_that_are_not_dates(path):
    assert document_date(path, "正文").date == ""


def test_a_one_digit_folder_is_not_a_month():
    assert document_date("2024/3/report.md", "正文") == dated("2024", "path")  # 3 may be a volume


@pytest.mark.parametrize("path, expected", [("20240229.md", "2024-02-29"), ("20000229.md", "2000-02-29")])
def test_leap_days_are_dates(path, expected):
    assert document_date(path, "正文").date == expected


@pytest.mark.parametrize("head", [
    "简报\n2025年第12期（总第218期）",  # an issue number is not a month
    "2024年工作要点\n正文",  # a year in a title is not a publication year
    "通知\n2023年2月29日",  # no such day
    "通知\n2023-13-01",
    "版本\nv2025.12.19",
    "编号\n2023090812",  # ten digits
    "党委政策研究室建言：\n" + "今年全国两会传出了强烈信号。" * 8 + "2024年1月31日，习近平总书记指出。",  # a body paragraph
    "一\n二\n三\n四\n五\n2025年12月19日",  # past the head
])
def test_text_that_is_not_a_dateline(head):
    assert document_date("a.txt", head).date == ""


@pytest.mark.parametrize("value, pdf, expected", [
    ("D:20230908120000+08'00'", True, "2023-09-08"),
    ("D:20230908120000Z", True, "2023-09-08"),
    ("D:2023", True, "2023"),
    ("20230908120000+08'00'", True, "2023-09-08"),
    ("2023-09-08T23:30:00-05:00", False, "2023-09-08"),  # as written: no zone conversion
    ("2023-09-08T10:00:00.123+0800", False, "2023-09-08"),
    ("20230908T100000Z", False, "2023-09-08"),
    ("2023/09/08", False, "2023-09-08"),
    ("2023年9月8日 10:00", False, "2023-09-08"),
    ("Fri, 08 Sep 2023 10:00:00 +0800", False, "2023-09-08"),
    ("09/08/2023", False, ""),  # month or day first?
    ("D:16010101000000Z", True, ""),  # outside 1949–2099: a null date
    ("2023-02-29", False, ""),
    ("yesterday", False, ""),
    ("", False, ""),
])
def test_parse_date_value(value, pdf, expected):
    assert parse_date_value(value, pdf=pdf) == expected


# -- forcing a source, errors ---------------------------------------------------------------------


def test_forcing_a_source_uses_it_alone():
    kwargs = dict(metadata={"pdf.creation_date": "D:20230101"}, manifest_date="2025")
    assert document_date("2024.pdf", "简报\n2022年5月6日", date_from="path", **kwargs) == dated("2024", "path")
    assert document_date("2024.pdf", "简报\n2022年5月6日", date_from="pdf-info", **kwargs) == dated("2023-01-01", "pdf-info")
    assert document_date("2024.pdf", "简报\n2022年5月6日", date_from="title", **kwargs) == dated("2022-05-06", "title")


def test_a_forced_source_that_says_nothing_gives_no_date():
    assert document_date("a.txt", "正文", manifest_date="2025", date_from="path") == DocumentDate()


def test_an_unknown_forced_source_is_named():
    with pytest.raises(KgError, match="date_from .*'filename'"):
        document_date("a.txt", "正文", date_from="filename")


def test_a_manifest_date_that_is_not_a_calendar_date_names_the_file():
    with pytest.raises(KgError, match=r"a\.txt: manifest date '2023-02-30'"):
        document_date("a.txt", "正文", manifest_date="2023-02-30")


def test_an_unknown_metadata_key_is_named():
    with pytest.raises(ValueError, match="'pdf.author'"):
        document_date("a.pdf", "正文", metadata={"pdf.author": "x"})


@given(st.dates(min_value=datetime.date(1949, 1, 1), max_value=datetime.date(2099, 12, 31)))
def test_every_calendar_day_is_read_back_from_every_form(day):
    iso = day.isoformat()
    assert document_date(f"{day:%Y%m%d}.md", "").date == iso
    assert document_date(f"{day:%Y_%m_%d}.md", "").date == iso
    assert document_date("a", f"标题\n{day.year}年{day.month}月{day.day}日").date == iso
    assert parse_date_value(f"D:{day:%Y%m%d}093000+08'00'", pdf=True) == iso


# -- real corpora ---------------------------------------------------------------------------------


def _head(path: Path) -> str:
    """The normalised head of a file: the first few KB are all the dating reads (keeps the test fast)."""
    return normalize(path.read_bytes()[:2048].decode("utf-8", errors="ignore"), layout="lines")


@pytest.mark.skipif(not (CORPUS / "xwlb").is_dir(), reason="../shared/corpus is not here")
def test_every_xwlb_transcript_is_dated_to_its_day():
    files = sorted((CORPUS / "xwlb").glob("*.md"))
    assert len(files) == 699
    for file in files:
        result = document_date(f"xwlb/{file.name}", _head(file))
        expected = f"{file.stem[:4]}-{file.stem[4:6]}-{file.stem[6:]}"
        assert (result.date, result.precision, result.conflicts) == (expected, "day", ()), file.name


@pytest.mark.skipif(not (CORPUS / "gwr").is_dir(), reason="../shared/corpus is not here")
def test_every_government_work_report_is_dated_to_its_year():
    files = sorted((CORPUS / "gwr").glob("*.txt"))
    assert len(files) == 16
    for file in files:
        result = document_date(f"gwr/{file.name}", _head(file))
        assert result.date[:4] == file.stem and result.conflicts == (), file.name


def test_the_seeds_are_dated_as_their_manifest_says():
    rows = read_manifest(SEEDS / "manifest.csv")
    for name, row in sorted(rows.items()):
        text = normalize((SEEDS / name).read_text(encoding="utf-8"))
        result = document_date(name, text, manifest_date=row.date)
        assert (result.date, result.conflicts) == (row.date, ()), name
        assert result.source == ("manifest" if row.date else "")
