"""Documents and publications: titles in 《》, named five-year plans (“十四五”规划 …), column titles
in quotes (专栏“新思想指引科技强国建设新征程”), and the publication in a source line (来源：科技日报…),
which is an institution (the newspaper or journal), not a document."""
from __future__ import annotations

import re

from extractors.rules.base import Candidate, Context
from extractors.textutil import HAN

#: Titles that only stand for a document introduced earlier (…（以下简称《方案》）).
GENERIC_TITLES = frozenset(
    "方案 决定 意见 通知 规划 纲要 报告 办法 条例 建议 规定 指南 计划 公报 讲话 实施意见 行动方案 实施方案 "
    "指导意见 若干意见 决议 说明 细则 通告 白皮书 本书 该书 全文".split()
)
_TITLE = re.compile(r"《([^《》\n]{1,120})》")
_PUBLICATION = re.compile(
    rf"^[{HAN}A-Za-z·]{{1,14}}(?:日报|晚报|时报|周报|导报|商报|快报|报|杂志|学报|周刊|月刊|期刊|画报|论坛|前沿|年鉴)$"
)
_FIVE_YEAR_PLAN = re.compile(
    rf"“(十[一二三四五六七八九]五)”((?:[{HAN}]{{0,18}}?)(?:规划纲要|规划建议|规划))"
)
_SOURCE = re.compile(
    rf"(?:来源|信息来源|稿源|期刊|刊物|转载自|原载)[：:；;]\s*《?([{HAN}A-Za-z·]{{2,20}}?)》?(?=[，,；;：:。（(）)\s]|(?:19|20)\d\d|$)",
    re.M,
)
_COLUMN = re.compile(r"(?:专栏|栏目|专题|系列文章|署名文章|理论文章|评论员文章|课题|著作|新书)“([^“”\n]{4,40})”")
_BARE_FIVE_YEAR_PLAN = re.compile(r"(?<![“\"《])(十[一二三四五六七八九]五)(规划纲要|规划建议|规划)")


def find_documents(ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    text = ctx.text
    for m in _TITLE.finditer(text):
        inner = m.group(1).strip()
        start, end = m.start(1), m.end(1)
        if not inner or inner.isdigit() or inner in GENERIC_TITLES:
            continue  # 《方案》 alone names whatever （以下简称《方案》） introduced
        entry = ctx.entry(inner)
        if entry is not None:
            out.append(Candidate(start, end, entry.type, entry.name, "rule:title-brackets", entry))
        elif _PUBLICATION.match(inner):
            out.append(Candidate(start, end, "Institution", inner, "rule:publication-brackets"))
        else:
            out.append(Candidate(start, end, "Document", inner, "rule:title-brackets"))
    for m in _SOURCE.finditer(text):
        out.append(ctx.resolved(m.start(1), m.end(1), "Institution", m.group(1), "rule:publication-source"))
    for m in _COLUMN.finditer(text):
        out.append(Candidate(m.start(1), m.end(1), "Document", m.group(1), "rule:column-title"))
    for m in _FIVE_YEAR_PLAN.finditer(text):
        written = m.group(0)
        entry = ctx.entry(written) or ctx.entry(written.replace("“", "").replace("”", ""))
        name = entry.name if entry else written
        out.append(Candidate(m.start(), m.end(), "Document", name, "rule:five-year-plan", entry))
    for m in _BARE_FIVE_YEAR_PLAN.finditer(text):
        written = m.group(0)
        entry = ctx.entry(written) or ctx.entry(f"“{m.group(1)}”{m.group(2)}")
        name = entry.name if entry else f"“{m.group(1)}”{m.group(2)}"
        out.append(Candidate(m.start(), m.end(), "Document", name, "rule:five-year-plan", entry))
    return out
