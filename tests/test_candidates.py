"""kg candidates (kg/candidates.py): C-value, ranking, the lexicon file it writes, the round trip."""
from __future__ import annotations

import math
import shutil

import pytest

from extractors.errors import KgError
from extractors.lexicon import load_lexicon, parse_lexicon_file
from extractors.pipeline import extract_paths
from kg.candidates import CandidateOptions, c_values, candidates_tsv, find_candidates, write_candidates
from kg.cli import main

DOCS = {
    "a.txt": "要稳定“米袋子”，推行“米袋子”省长负责制。研究所主任王韬说，要建立健全耕地保护补偿机制。\n"
             "完善耕地保护补偿机制，扩大覆盖面。",
    "b.txt": "落实“米袋子”省长负责制。王韬指出，耕地保护补偿机制要应保尽保。\n"
             "延世大学经济学部发布报告。",
    "c.txt": "延世大学公布排名。加快发展新质生产力。耕地保护补偿机制进一步完善。",
}


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def by_name(result):
    return {c.name: c for c in result.candidates}


def test_c_value_discounts_names_seen_inside_longer_ones():
    freq = {"示范区": 10, "自主创新示范区": 6, "国家自主创新示范区": 4}
    got = c_values(freq)
    assert got["国家自主创新示范区"] == pytest.approx(math.log2(9) * 4)
    assert got["自主创新示范区"] == pytest.approx(math.log2(7) * (6 - 4))
    assert got["示范区"] == pytest.approx(math.log2(3) * (10 - (6 + 4) / 2))


def test_candidates_of_a_small_corpus(lexicon, corpus):
    found = by_name(find_candidates([corpus], lexicon))
    assert {(n, c.type) for n, c in found.items()} >= {
        ("米袋子", "Policy"), ("耕地保护补偿机制", "Policy"), ("王韬", "Person"), ("延世大学", "Institution"),
    }
    low = found["耕地保护补偿机制"]
    assert (low.frequency, low.documents) == (4, 3)
    assert len(low.examples) == 2 and low.examples[0][0] != low.examples[1][0]
    assert "新质生产力" not in found  # the lexicon knows it


def test_names_in_a_user_lexicon_are_not_proposed(lexicon, corpus, tmp_path):
    user = tmp_path / "mine.tsv"
    user.write_text("米袋子\tPolicy\n", encoding="utf-8")
    found = by_name(find_candidates([corpus], load_lexicon([user])))
    assert "米袋子" not in found and "王韬" in found


def test_min_count_and_top(lexicon, corpus):
    assert all(c.frequency >= 3 for c in find_candidates([corpus], lexicon, CandidateOptions(min_count=3)).candidates)
    assert len(find_candidates([corpus], lexicon, CandidateOptions(top=2)).candidates) == 2


@pytest.mark.parametrize("options, param", [(CandidateOptions(min_count=0), "min_count"), (CandidateOptions(top=-1), "top")])
def test_bad_options_name_their_parameter(lexicon, corpus, options, param):
    with pytest.raises(KgError) as exc:
        find_candidates([corpus], lexicon, options)
    assert exc.value.param == param


def test_the_output_is_a_lexicon_file_and_the_same_whatever_the_input_order(lexicon, corpus, tmp_path):
    files = sorted(corpus.iterdir())
    first = candidates_tsv(find_candidates(files, lexicon))
    assert candidates_tsv(find_candidates(list(reversed(files)), lexicon)) == first
    rows = [line for line in first.splitlines() if line and not line.startswith("#")]
    assert rows and all(len(row.split("\t")) == 2 for row in rows)
    assert all("\t" not in line for line in first.splitlines() if line.startswith("#"))
    out = tmp_path / "candidates.tsv"
    out.write_text(first, encoding="utf-8")
    assert [(e.name, e.type) for e in parse_lexicon_file(out)] == [tuple(row.split("\t")) for row in rows]


def test_accepted_candidates_are_found_by_the_lexicon_on_the_next_build(lexicon, corpus, tmp_path):
    out = tmp_path / "candidates.tsv"
    write_candidates(find_candidates([corpus], lexicon), out)
    accepted = {(e.name, e.type) for e in parse_lexicon_file(out)}
    mentions = [m for item in extract_paths([corpus], load_lexicon([out])) for m in item[1]]
    by_lexicon = {(m.name, m.type) for m in mentions if m.rule == "lexicon"}
    assert accepted and accepted <= by_lexicon


def test_traditional_documents_give_simplified_names_and_examples_as_written(lexicon, tmp_path):
    folder = tmp_path / "trad"
    folder.mkdir()
    (folder / "a.txt").write_text("要穩定「米袋子」，推行「米袋子」省長負責制。", encoding="utf-8")
    (folder / "b.txt").write_text("落實「米袋子」省長負責制。", encoding="utf-8")
    found = by_name(find_candidates([folder], lexicon))
    assert "米袋子" in found
    assert "穩定" in found["米袋子"].examples[0][1]


def test_the_command(corpus, tmp_path, capsys):
    out = tmp_path / "c.tsv"
    assert main(["candidates", str(corpus), "-o", str(out), "--quiet", "--top", "3"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Lexicon candidates") and len([x for x in text.splitlines() if x and x[0] != "#"]) == 3
    assert main(["candidates", str(corpus), "-o", "-", "--quiet", "--top", "3"]) == 0
    assert capsys.readouterr().out == text
    assert main(["candidates", str(corpus), "-o", str(out), "--min-count", "0"]) == 1
    assert "(option --min-count)" in capsys.readouterr().err


def test_a_corpus_without_readable_files_is_an_error(lexicon, tmp_path):
    (tmp_path / "x.bin").write_bytes(b"\x00\x01")
    with pytest.raises(KgError):
        find_candidates([tmp_path], lexicon)


def test_seeds_candidates_are_deterministic(lexicon, tmp_path):
    from tests.conftest import SEEDS

    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    a = candidates_tsv(find_candidates([SEEDS], lexicon))
    assert a == candidates_tsv(find_candidates([copy], lexicon))
    assert "# 1. score" in a
