"""Time on real corpora: every document dated, slices, bursts, the graph of a period, as the text says.

../shared/corpus/xwlb holds 699 days of 新闻联播 transcripts (the date in each file name and title
line); ../shared/corpus/gwr the government work reports 2004–2022 (the year in each file name). The
facts asserted here are read from the texts themselves (``first_year_written``), not typed in.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

import kg
from extractors.lexicon import load_lexicon
from kg.build import BuildOptions, build
from kg.summary import summary
from queries.library import QUERIES

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not (CORPUS / "xwlb").is_dir(), reason="../shared/corpus is not there")


@pytest.fixture(scope="module")
def xwlb(tmp_path_factory):
    out = tmp_path_factory.mktemp("xwlb") / "out"
    result = build([CORPUS / "xwlb"], out, load_lexicon(), BuildOptions(workers=2))
    return result, kg.load(out)


@pytest.fixture(scope="module")
def gwr(tmp_path_factory):
    out = tmp_path_factory.mktemp("gwr") / "out"
    result = build([CORPUS / "gwr"], out, load_lexicon())
    return result, kg.load(out)


def first_year_written(folder: Path, term: str) -> str:
    """The first file (by name) whose text holds ``term`` as written."""
    return next(f.stem for f in sorted(folder.iterdir()) if term in f.read_text(encoding="utf-8"))


# --- dates ---------------------------------------------------------------------------------------------

def test_every_news_day_is_dated_to_the_day(xwlb):
    _, g = xwlb
    d = g.documents
    assert len(d) == 699
    assert (d["date_precision"] == "day").all()
    from_name = d["id"].map(lambda i: f"{i[:4]}-{i[4:6]}-{i[6:8]}")
    assert (d["date"] == from_name).all()  # the title line and the file name agree, to the day
    assert set(d["date_source"]) <= {"title", "path"}


def test_every_report_is_dated_to_its_year(gwr):
    result, g = gwr
    d = g.documents
    assert len(d) == 16 and d["date"].notna().all()
    assert (d["date"].str[:4] == d["id"]).all()
    assert set(d["date_precision"]) <= {"year", "day"}
    assert "Dates: 16 of 16 document(s) dated" in summary(result)


# --- when concepts enter the vocabulary ---------------------------------------------------------------------

def test_new_quality_productive_forces_enter_the_news_on_8_september_2023_and_burst(xwlb):
    result, g = xwlb
    assert result.graph.graph["slice"] == "month"  # two years of daily news: months
    e = g.entity("新质生产力")
    assert e["first_date"] == "2023-09-08"
    # the earliest day whose transcript holds the term as written
    assert first_year_written(CORPUS / "xwlb", "新质生产力") == "20230908"
    assert e["burst_start"] == "2023-09" and e["burst_end"] >= "2023-10" and e["burst_strength"] > 0
    bursting = QUERIES["bursting_concepts"].run_python(g, type="Policy", limit=1000)
    assert any(r["name"] == "新质生产力" and r["burst_start"] == "2023-09" for r in bursting)


@pytest.mark.parametrize("term, year", [("供给侧结构性改革", "2016"), ("人工智能", "2017"), ("创新驱动发展战略", "2015")])
def test_concepts_enter_the_work_reports_when_the_text_says(gwr, term, year):
    _, g = gwr
    assert first_year_written(CORPUS / "gwr", term) == year  # what the texts say
    m = g.mentions[g.mentions["text"] == term]  # where the tool found the term as written
    assert min(m["doc"]) == year


def test_an_alias_can_date_a_concept_before_its_full_name(gwr):
    """创新驱动发展战略 is written out first in 2015; the 2013 report names it 创新驱动战略 (实施创新驱动战略) and
    2014 创新驱动发展 (推进创新驱动发展), so the entity's first date is 2013, and mentions.csv says which form it was."""
    _, g = gwr
    assert "实施创新驱动战略" in (CORPUS / "gwr" / "2013.txt").read_text(encoding="utf-8")
    assert "推进创新驱动发展" in (CORPUS / "gwr" / "2014.txt").read_text(encoding="utf-8")
    assert g.entity("创新驱动发展战略")["first_date"] == "2013"
    for year, form in (("2013", "创新驱动战略"), ("2014", "创新驱动发展")):
        first = g.mentions[(g.mentions["name"] == "创新驱动发展战略") & (g.mentions["doc"] == year)]
        assert set(first["text"]) == {form}
    assert g.entity("供给侧结构性改革")["first_date"] == "2016"
    assert g.entity("人工智能")["first_date"] == "2017-03-05"  # that report's title line gives the day


def test_twenty_years_of_reports_are_sliced_by_year(gwr):
    result, g = gwr
    assert result.graph.graph["slice"] == "year"
    t = g.timeline("人工智能", "供给侧结构性改革", by="year")
    assert list(t.index[:2]) == ["2004", "2005"] and t.index[-1] == "2022"
    assert t.loc["2016", "人工智能"] == 0 and t.loc["2017", "人工智能"] == 1
    assert t.loc["2015", "供给侧结构性改革"] == 0 and t.loc["2016", "供给侧结构性改革"] == 1


# --- timelines, a period's graph, the period queries -----------------------------------------------------------

def test_timeline_counts_documents_per_period_and_shares(xwlb):
    _, g = xwlb
    t = g.timeline("新质生产力", "高质量发展", by="quarter")
    assert list(t.index) == [f"{y}-Q{q}" for y in (2022, 2023) for q in (1, 2, 3, 4)]
    assert t["新质生产力"].tolist() == [0, 0, 0, 0, 0, 0, 3, 3]
    # recounted by hand: documents mentioning it, by the quarter of their date
    m = g.mentions[g.mentions["name"] == "高质量发展"].drop_duplicates("doc")
    by_hand = m["doc"].map(lambda i: f"{i[:4]}-Q{(int(i[4:6]) - 1) // 3 + 1}").value_counts()
    assert t["高质量发展"].to_dict() == {p: int(by_hand.get(p, 0)) for p in t.index}
    share = g.timeline("高质量发展", by="quarter", share=True)
    assert share["高质量发展"].tolist() == pytest.approx([n / d for n, d in zip(t["高质量发展"], t.attrs["documents"])])
    assert sum(t.attrs["documents"]) == 699
    edge = g.timeline(("新质生产力", "高质量发展"), by="month")
    assert edge.columns.tolist() == ["高质量发展–新质生产力"] and edge.values.sum() >= 1


def test_the_graph_of_a_period_equals_the_slices_in_every_table(xwlb):
    result, g = xwlb
    period = "2023-09"
    sub = g.at(period)
    assert sub.graph["documents"] == 30
    # nodes: the documents of the period per entity, as entities.csv keeps them per slice
    e = g.entities.set_index("id")
    for n, d in sub.nodes(data=True):
        periods = e.at[n, "periods"].split(" | ")
        docs = [int(x) for x in e.at[n, "period_documents"].split(" | ")]
        assert dict(zip(periods, docs))[period] == d["documents"], n
    # edges: units per pair, as relations.csv (and Neo4j's CO_OCCURS) keep them per slice
    co = g.relations[g.relations["type"] == "CO_OCCURS"].dropna(subset=["periods"])
    kept = {}
    for s, t, p, c in zip(co["source"], co["target"], co["periods"], co["period_counts"]):
        counts = dict(zip(p.split(" | "), map(int, c.split(" | "))))
        if period in counts:
            kept[(s, t)] = counts[period]
    assert {(min(u, v), max(u, v)): d["count"] for u, v, d in sub.edges(data=True)} == kept


def test_period_queries_equal_a_recount(xwlb):
    _, g = xwlb
    for period in ("2023-09", "2023-10", "2023"):
        rows = QUERIES["neighbours_in_period"].run_python(g, name="新质生产力", period=period, limit=1000)
        recount = g.neighbours_in("新质生产力", period, k=None)
        assert sorted((r["name"], r["count"]) for r in rows) == sorted(zip(recount["name"], recount["count"]))
    new = QUERIES["new_company"].run_python(g, name="新质生产力", period="2023-10", limit=1000)
    by_hand = g.new_company("新质生产力", "2023-10", k=None)
    assert sorted((r["name"], r["count"]) for r in new) == sorted(zip(by_hand["name"], by_hand["count"]))
    assert len(new) > 0


# --- choosing where dates come from ---------------------------------------------------------------------------

def test_disagreeing_dates_are_reported_and_date_from_chooses(tmp_path):
    corpus = tmp_path / "news"
    corpus.mkdir()
    for f in sorted((CORPUS / "xwlb").glob("*.md"))[:3]:
        shutil.copy(f, corpus / f.name)
    wrong = corpus / "20220105.md"  # a file named for another day than its title line says
    wrong.write_text(re.sub(r"（\d{8}）", "（20220109）", (corpus / "20220103.md").read_text(encoding="utf-8"), count=1),
                     encoding="utf-8")
    lexicon = load_lexicon()
    auto = build([corpus], tmp_path / "auto", lexicon)
    dates = {d.id: (d.date, d.date_source) for d in auto.corpus.documents}
    assert dates["20220105"] == ("2022-01-09", "title")
    assert auto.date_conflicts == [("20220105", "title=2022-01-09 vs path=2022-01-05")]
    assert "Dates that disagree (1, the first source kept): 20220105: title=2022-01-09 vs path=2022-01-05" in summary(auto)
    by_path = build([corpus], tmp_path / "path", lexicon, BuildOptions(date_from="path"))
    assert {d.id: d.date for d in by_path.corpus.documents}["20220105"] == "2022-01-05" and not by_path.date_conflicts
    docs = pd.read_csv(tmp_path / "path" / "documents.csv", encoding="utf-8-sig", dtype=str)
    assert set(docs["date_source"]) == {"path"}


def test_kg_timeline_draws_a_png(xwlb, tmp_path, capsys):
    pytest.importorskip("matplotlib")
    from kg.cli import main

    result, _ = xwlb
    png = tmp_path / "t.png"
    code = main(["timeline", "新质生产力", "高质量发展", str(result.out), "-o", str(png), "--by", "quarter", "--share"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and "2 series over 8 quarters" in err
    code = main(["timeline", "新质", str(result.out), "-o", str(png)])
    assert code == 1 and "did you mean '新质生产力'" in capsys.readouterr().err


@pytest.mark.parametrize("slice_, periods", [("none", []), ("year", ["2024", "2025"]),
                                               ("quarter", None), ("auto", ["2024", "2025"])])
def test_the_slice_option(tmp_path, slice_, periods):
    """The seeds are dated to the year (one to the day): quarters place one document only."""
    from kg.cli import main
    from tests.conftest import SEEDS

    assert main(["build", str(SEEDS), "-o", str(tmp_path / "out"), "--slice", slice_, "--quiet"]) == 0
    g = kg.load(tmp_path / "out")
    if periods is None:
        assert list(g.graph.graph["periods"]) == ["2025-Q4"] and g.graph.graph["slice"] == "quarter"
    else:
        assert list(g.graph.graph["periods"]) == periods
    if slice_ == "none":
        assert g.entities["periods"].isna().all() and g.entities["burst_start"].isna().all()
