"""Property tests over arbitrary text: the reader, the extractor and the whole build take any Unicode
without crashing, every offset they write points at its text, and the graph files stay readable by
Gephi Lite's parsers.

The text mixes arbitrary Unicode (hypothesis's ``text()``: every plane, controls, combining marks) with
what a policy corpus holds and what breaks parsers: lexicon names (so there are mentions and
co-occurrences to write), Chinese punctuation and quotes, Markdown and HTML markup, line breaks of every
kind, byte-order marks, bidirectional controls, NUL, full-width forms, text a spreadsheet would run as a
formula, and unpaired surrogates (written as the bytes a broken encoder leaves). Examples are few where
a build runs (each writes every output file and parses two with node), so the module runs in well under
a minute.
"""
from __future__ import annotations

import contextlib
import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from extractors.documents import load_document
from extractors.errors import KgError
from extractors.mentions import ExtractOptions, extract_mentions
from extractors.normalize import normalize
from extractors.reading import read_source
from extractors.records import Document
from kg.tables import DOCUMENTS, ENCODING, MENTIONS, RELATIONS, parse_ref, split_evidence, unguard_cell
from tests.jstools import run_node

#: Names from the shipped lexicon and the rules' triggers, so generated text has mentions and pairs.
NAMES = ["新质生产力", "高质量发展", "科技部", "科学技术部", "人工智能", "国务院", "创新联合体", "清华大学",
         "中国科学院", "习近平", "阴和俊", "部长", "教授", "《关于推动创新联合体建设的指导意见》", "“四个面向”",
         "十四五", "科技创新", "AI", "ＡＩ", "新質生產力", "科技部署"]
PIECES = ["。", "，", "、", "！", "？", "；", "：", "\n", "\n\n", "\r\n", "\r", " ", "\u3000", "\t", "“", "”", "《", "》",
          "（", "）", "<p>", "</p>", "<script>", "# ", "**", "- ", "\ufeff", "\x00", "\x0c", "\u2028", "\u202e",
          "\u2066", "\u200b", "\u0301", "=HYPERLINK(\"x\")", "-", "+", "@", "'", "１２", "2024年3月", "◎", "（作者系清华大学教授）",
          "\ud800", "\udfff", "𠀀", "🚀"]
piece = st.one_of(st.sampled_from(NAMES), st.sampled_from(PIECES), st.text(max_size=6))
doc_text = st.lists(piece, max_size=30).map("".join)
SUFFIXES = [".txt", ".md", ".html"]


def encode(text: str) -> bytes:
    """The bytes a file holds: UTF-8, with unpaired surrogates as a broken encoder writes them."""
    return text.encode("utf-8", errors="surrogatepass")


# --- the reader -----------------------------------------------------------------------------------------------

@settings(max_examples=150, deadline=None)
@given(text=doc_text, suffix=st.sampled_from(SUFFIXES + [".docx", ".pdf"]), encoding=st.sampled_from(["utf-8", "utf-16", "gb18030", "raw"]))
def test_the_reader_takes_any_text(text, suffix, encoding):
    """A file is read into a document or refused with a ReadError (a KgError naming it); nothing else."""
    if encoding == "raw":
        data = encode(text)
    else:
        data = text.encode(encoding, errors="replace") if encoding != "utf-8" else encode(text)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"文件{suffix}"
        path.write_bytes(data)
        try:
            source = read_source(path)
        except KgError as exc:
            assert str(path) in str(exc)
            return
        assert isinstance(source.text, str)
        try:
            doc = load_document(path, "d")
        except KgError as exc:
            assert str(path) in str(exc)
            return
        assert doc.text.strip() and not any("\ud800" <= c <= "\udfff" for c in doc.text)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(SUFFIXES + [".docx", ".pdf"]))
def test_the_reader_takes_any_bytes(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"x{suffix}"
        path.write_bytes(data)
        try:
            load_document(path, "d")
        except KgError:
            pass


# --- the extractor --------------------------------------------------------------------------------------------

@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=doc_text, rules=st.booleans())
def test_every_mention_is_the_text_at_its_offsets(text, rules, lexicon):
    text = normalize(text.encode("utf-8", "surrogatepass").decode("utf-8", "replace"))
    doc = Document(id="d", path="d.txt", format="txt", text=text)
    mentions = extract_mentions(doc, lexicon, options=ExtractOptions(rules=rules))
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
    assert mentions == sorted(mentions, key=lambda m: (m.doc_id, m.start, m.end, m.entity_id))


# --- the build ------------------------------------------------------------------------------------------------

def kg_normalize(path: Path) -> str:
    """What `kg normalize FILE` prints, less its final line break."""
    from kg.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["normalize", str(path)]) == 0
    return out.getvalue()[:-1]


def rows(path: Path) -> list[dict[str, str]]:
    """A table as written, read with the csv module, each text cell's formula guard taken off."""
    with open(path, encoding=ENCODING, newline="") as fh:
        return [{k: unguard_cell(v) for k, v in row.items()} for row in csv.DictReader(fh)]


files = st.lists(st.tuples(st.sampled_from(SUFFIXES), doc_text), min_size=1, max_size=3)


@pytest.mark.external  # node parses the graph files
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(files=files)
def test_a_build_of_any_text_keeps_its_offsets_and_valid_graph_files(files, lexicon, node):
    from kg.build import BuildOptions, build
    from kg.graph import GraphOptions

    with tempfile.TemporaryDirectory() as folder:
        docs = Path(folder) / "docs"
        docs.mkdir()
        for i, (suffix, text) in enumerate(files):
            (docs / f"{i}{suffix}").write_bytes(encode(text))
        try:
            result = build([docs], Path(folder) / "out", lexicon, BuildOptions(graph=GraphOptions(min_count=1)))
        except KgError:
            assume(False)  # refused with a message (every file unreadable): not this test's question
        out = result.out
        texts = {d["id"]: kg_normalize(Path(d["path"])) for d in rows(out / DOCUMENTS)}
        for m in rows(out / MENTIONS):
            assert texts[m["doc"]][int(m["start"]):int(m["end"])] == m["text"], m
        for r in rows(out / RELATIONS):
            refs = [x for x in r["evidence_refs"].split(" | ") if x]
            for text, ref in zip(split_evidence(r["evidence"], refs), map(parse_ref, refs)):
                assert texts[ref.doc][ref.start:ref.end] == text, (ref, text)
        for fmt, name in (("graphml", "graph.graphml"), ("gexf", "graph.gexf")):
            parsed = run_node("parse_graph.mjs", fmt, str(out / name))
            assert parsed["order"] == result.graph.number_of_nodes(), fmt
            assert parsed["size"] == result.graph.number_of_edges(), fmt
            assert {a["label"] for a in parsed["nodes"].values()} == {d["name"] for _, d in result.graph.nodes(data=True)}, fmt


# --- what the properties found (fixed: an unpaired surrogate, a unit separator in a file name) -------------------

def test_the_extractor_takes_an_unpaired_surrogate(lexicon):
    doc = Document(id="d", path="d.txt", format="txt", text="\ud800科技部推动新质生产力发展。")
    mentions = extract_mentions(doc, lexicon)
    assert [m.text for m in mentions] == ["科技部", "新质生产力"]


def test_a_file_name_with_a_unit_separator_does_not_fail_the_build(tmp_path, lexicon):
    from kg.build import BuildOptions, build

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a\x1fb.txt").write_text("科技部推动新质生产力发展。", encoding="utf-8")
    (docs / "c.txt").write_text("科技部推动新质生产力发展。", encoding="utf-8")
    result = build([docs], tmp_path / "out", lexicon, BuildOptions())
    assert {d.id for d in result.corpus.documents} == {"a\ufffdb", "c"}  # the id made printable, the path kept
    assert "a\x1fb.txt" in (tmp_path / "out" / "neo4j" / "source_documents.csv").read_text(encoding="utf-8")
