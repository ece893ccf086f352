"""Markdown files: markup removed, one line per source line."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.formats.markdown import markdown_to_text
from tests.readutil import read, read_error


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


def test_markdown_front_matter_is_metadata(tmp_path):
    source = read(tmp_path, "a.md", "---\ntitle: '新闻联播'\ndate: 2023-09-08\ntags: [科技]\n---\n# 标题\n正文")
    assert (source.text, source.meta) == ("标题\n正文", (("front_matter.date", "2023-09-08"), ("front_matter.title", "新闻联播")))


def test_markdown_toml_front_matter_is_metadata(tmp_path):
    source = read(tmp_path, "a.md", "+++\ndate = 2023-09-08T19:00:00+08:00\n+++\n正文")
    assert source.meta == (("front_matter.date", "2023-09-08T19:00:00+08:00"),)
