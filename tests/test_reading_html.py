"""HTML files: text, line structure, charsets, bad markup."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.records import Source
from tests.readutil import read, read_error


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


def test_html_big5_page_without_charset(tmp_path):
    text = "發展新質生產力是推動高質量發展的內在要求。國家發展改革委、科學技術部聯合印發指導意見。"
    source = html(tmp_path, f"<p>{text}</p>", encoding="big5")
    assert (source.encoding, source.text) == ("big5", text)


def test_html_title_and_published_time_are_metadata(tmp_path):
    page = ("<html><head><title> 关于推动创新联合体建设的\n指导意见 </title>"
            '<meta name="keywords" content="科技"><meta name="PubDate" content="2024-03-05 10:00">'
            '<meta property="article:published_time" content="2024-03-05T10:00:00+08:00"></head>'
            "<body><p>正文</p></body></html>")
    assert html(tmp_path, page).meta == (
        ("html.published_time", "2024-03-05T10:00:00+08:00"),  # article:published_time comes first
        ("html.title", "关于推动创新联合体建设的指导意见"),  # a line break between CJK characters is no space
    )


@pytest.mark.parametrize(
    "meta",
    ['<meta name="pubdate" content="2024-03-05">', '<meta name="publishdate" content="2024-03-05">',
     '<meta name="DC.date" content="2024-03-05">', '<meta name="firstpublishedtime" content="2024-03-05">',
     '<meta itemprop="datePublished" content="2024-03-05"/>'],
    ids=["pubdate", "publishdate", "dublin-core", "gov-cn", "schema-org"],
)
def test_html_published_time_names(tmp_path, meta):
    page = f"<html><head>{meta}</head><body><p>正文</p></body></html>"
    assert html(tmp_path, page).meta == (("html.published_time", "2024-03-05"),)


def test_html_without_metadata(tmp_path):
    assert html(tmp_path, "<p>正文</p>").meta == ()
