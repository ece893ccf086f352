"""The kg command: help for every command, output formats, skipped files, errors."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time

import pytest

from kg.cli import build_parser, main
from tests.conftest import SEEDS

KG = [sys.executable, "-m", "kg.cli"]


def run(*args, cwd=None):
    return subprocess.run([*KG, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def subcommands():
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)


def test_every_command_has_help(capsys):
    names = subcommands()
    assert {"extract", "build", "normalize"} <= set(names)
    for name in [None, *names]:
        with pytest.raises(SystemExit) as exc:
            main([name, "--help"] if name else ["--help"])
        assert exc.value.code == 0
        out = capsys.readouterr().out
        assert "usage: kg" in out and len(out) > 200, name


def test_extract_jsonl_contract(tmp_path):
    f = tmp_path / "政策.txt"
    f.write_text("科技部党组书记、部长阴和俊指出，要加快发展新质生产力。", encoding="utf-8")
    r = run("extract", str(f), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [list(row) for row in rows][0] == ["doc", "start", "end", "text", "type", "name", "id", "rule"]
    assert {(x["doc"], x["name"], x["type"]) for x in rows} >= {("政策", "阴和俊", "Person"), ("政策", "科技部", "Institution")}
    text = "科技部党组书记、部长阴和俊指出，要加快发展新质生产力。"
    assert all(text[x["start"] : x["end"]] == x["text"] for x in rows)


@pytest.mark.parametrize("written", [
    "\u3000\u3000做好今年的政府工作，要认真贯彻党的十七大精神。\n\n\u3000\u3000科技部推动新质生产力发展。\n",
    "做好今年的政府工作，\r\n\r\n  要认真贯彻党的十七大精神。科\u200b技部推动\x07新质生产力发展，５Ｇ网络。",
])
def test_extract_offsets_are_on_the_plain_text_file_as_written(tmp_path, written):
    """A reader opens the .txt and finds every mention where kg extract says: indentation, empty
    lines, CRLF and dropped characters do not move it (mentions.csv keeps the normalised offsets)."""
    f = tmp_path / "report.txt"
    f.write_bytes(written.encode("utf-8"))
    r = run("extract", str(f), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert {x["name"] for x in rows} >= {"党的十七大", "新质生产力"}
    text = f.read_bytes().decode("utf-8")
    assert all(text[x["start"] : x["end"]] == x["text"] for x in rows), rows
    if "５Ｇ" in written:  # replaced one for one: the text is shown as written
        assert any(x["text"] == "５Ｇ" and x["name"] == "5G" for x in rows)


def test_written_positions_follow_deletions_and_refuse_rejoined_text():
    from extractors.normalize import normalize, written_positions

    written = "\u3000\u3000第一段。\n\n  第二段，５Ｇ。\n"
    normalised = normalize(written, layout="lines")
    p = written_positions(written, normalised)
    assert [written[p[i]] for i in range(len(normalised)) if normalised[i] not in "5G"] == [
        c for c in normalised if c not in "5G"]
    assert p[-1] == p[-2] + 1
    assert written_positions("第一页\n12\n第二页", "第一页\n第二页X") is None  # a character that was never written


def test_extract_table_and_summary(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("推动新质生产力发展。", encoding="utf-8")
    table = run("extract", str(f), "--format", "table")
    assert table.returncode == 0 and "新质生产力" in table.stdout and "Policy" in table.stdout
    summary = run("extract", str(f), "--format", "summary")
    assert "1 document(s), 1 mention(s)" in summary.stdout


def test_a_broken_file_is_reported_and_the_rest_processed(tmp_path):
    (tmp_path / "good.txt").write_text("科技部印发通知。", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (tmp_path / "locked.pdf").write_bytes(b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<</Encrypt 2 0 R/Root 1 0 R>>\n%%EOF")
    r = run("extract", str(tmp_path), "--format", "jsonl")
    assert r.returncode == 2
    assert [json.loads(x)["doc"] for x in r.stdout.splitlines()] == ["good"]
    for name, reason in [("empty.txt", "empty"), ("binary.txt", "binary"), ("locked.pdf", "password")]:
        assert any(name in line and reason in line for line in r.stderr.splitlines()), (name, r.stderr)
    assert "3 file(s) skipped" in r.stderr


def test_output_independent_of_input_order(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("科技部和工信部。", encoding="utf-8")
    b.write_text("发展新质生产力。", encoding="utf-8")
    assert run("extract", str(a), str(b), "--format", "jsonl").stdout == run("extract", str(b), str(a), "--format", "jsonl").stdout


def test_normalize_prints_the_text_offsets_refer_to(tmp_path):
    f = tmp_path / "p.txt"
    lines = ["习近平总书记指出，发展新质生产力是推动高", "质量发展的内在要求和重要着力点。发展新质生", "产力的核心要素是科技创新，主要路径是统筹生产",
             "力与生产关系，根本落脚点在产业高质量发展。高", "校是教育、科技、人才的集中交汇点，应主动担当起", "培育新型劳动者的历史使命。"]
    f.write_text("\n\n".join(lines), encoding="utf-8")
    r = run("normalize", str(f))
    assert r.returncode == 0
    assert r.stdout == "".join(lines) + "\n"


def test_invalid_lexicon_is_an_error_naming_file_and_line(tmp_path):
    lex = tmp_path / "my.tsv"
    lex.write_text("新质生产力\tConcept\n", encoding="utf-8")
    f = tmp_path / "a.txt"
    f.write_text("科技部。", encoding="utf-8")
    r = run("extract", str(f), "--lexicon", str(lex))
    assert r.returncode == 1
    assert r.stderr.startswith("Error: ") and f"{lex}:1:" in r.stderr and "Traceback" not in r.stderr


def test_user_lexicon_adds_terms(tmp_path):
    lex = tmp_path / "my.tsv"
    lex.write_text("数智融合\tPolicy\t数智化融合\n", encoding="utf-8")
    f = tmp_path / "a.txt"
    f.write_text("推动数智化融合。", encoding="utf-8")
    r = run("extract", str(f), "--lexicon", str(lex), "--format", "jsonl")
    assert any(json.loads(x)["name"] == "数智融合" for x in r.stdout.splitlines())


def test_a_bad_user_lexicon_or_stoplist_names_its_option(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("科技部。", encoding="utf-8")
    lex, stop = tmp_path / "my.tsv", tmp_path / "stop.txt"
    lex.write_text("新质生产力\tConcept\n", encoding="utf-8")
    stop.write_text("category:nothing-has-it\n", encoding="utf-8")
    r = run("extract", str(f), "--lexicon", str(lex))
    assert r.returncode == 1 and r.stderr.rstrip().endswith("(option --lexicon)")
    r = run("extract", str(f), "--stoplist", str(stop))
    assert r.returncode == 1 and f"{stop}:1:" in r.stderr and r.stderr.rstrip().endswith("(option --stoplist)")


def test_a_stoplist_keeps_names_out_of_mentions_and_graph(tmp_path):
    src = tmp_path / "news.txt"
    src.write_text("央视网消息（新闻联播）：科技部召开会议，部署发展新质生产力。\n央视网消息（新闻联播）：科技部推动新质生产力发展。",
                   encoding="utf-8")
    stop = tmp_path / "stop.txt"
    stop.write_text("# source boilerplate\ncategory:media-source\n", encoding="utf-8")
    before = run("extract", str(src), "--format", "jsonl")
    after = run("extract", str(src), "--format", "jsonl", "--stoplist", str(stop))
    assert {"央视网", "新闻联播"} <= {json.loads(x)["name"] for x in before.stdout.splitlines()}
    kept = {json.loads(x)["name"] for x in after.stdout.splitlines()}
    assert not kept & {"央视网", "新闻联播"} and {"科技部", "新质生产力"} <= kept
    r = run("build", str(src), "-o", str(tmp_path / "out"), "--min-count", "1", "--stoplist", str(stop), "--quiet", "--no-html")
    assert r.returncode == 0, r.stderr
    entities = (tmp_path / "out" / "entities.csv").read_text(encoding="utf-8")
    assert "科技部" in entities and "央视网" not in entities and "新闻联播" not in entities


def test_lexicon_check_reports_errors_with_file_line_and_column_and_fails(tmp_path):
    lex = tmp_path / "my.tsv"
    lex.write_text("# mine\n新质生产力\tConcept\n中华人民共和国科学技术部\tInstitution\t科技部\n", encoding="utf-8")
    r = run("lexicon", "check", str(lex))
    assert r.returncode == 1, r.stdout
    assert f"{lex}:2: column 2 (type): unknown type 'Concept'; expected one of Person" in r.stdout
    assert f"{lex}:3: Institution '中华人民共和国科学技术部' replaces built-in Institution '科技部'" in r.stdout
    assert r.stdout.rstrip().endswith("FAILED")


def test_lexicon_check_passes_with_overrides_only(tmp_path):
    lex = tmp_path / "my.tsv"
    lex.write_text("国家发展计划委员会\tInstitution\t国家计委\n", encoding="utf-8")
    stop = tmp_path / "stop.txt"
    stop.write_text("category:media-source\n", encoding="utf-8")
    r = run("lexicon", "check", str(lex), "--stoplist", str(stop))
    assert r.returncode == 0, r.stdout
    assert "2 override(s) of the shipped lexicon" in r.stdout and "takes '国家计委'" in r.stdout
    assert f"{stop}:1: stops the " in r.stdout and r.stdout.rstrip().endswith("OK")


def test_lexicon_check_has_help():
    r = run("lexicon", "check", "--help")
    assert r.returncode == 0 and "replaces" in r.stdout and "--stoplist" in r.stdout


def test_missing_path_is_an_error(tmp_path):
    r = run("extract", str(tmp_path / "nope"))
    assert r.returncode in (1, 2) and "nope" in r.stderr and "Traceback" not in r.stderr


def test_build_writes_every_output_and_a_summary(tmp_path):
    src = tmp_path / "docs"
    src.mkdir()
    (src / "a.txt").write_text("科技部党组书记、部长阴和俊指出，要加快发展新质生产力。新质生产力是推动高质量发展的内在要求。", encoding="utf-8")
    (src / "b.md").write_text("# 标题\n\n新质生产力和**高质量发展**相辅相成。", encoding="utf-8")
    out = tmp_path / "out"
    r = run("build", str(src), "-o", str(out), "--min-count", "1")
    assert r.returncode == 0, r.stderr
    for name in ["graph.graphml", "graph.gexf", "graph.json", "entities.csv", "relations.csv", "mentions.csv",
                 "evidence.csv", "documents.csv", "index.html", "README.txt"]:
        assert (out / name).is_file(), name
    assert "Read 2 document(s)" in r.stdout and "Most central policy concepts" in r.stdout
    assert "min count 1" in r.stdout  # the filters in force are printed


@pytest.mark.parametrize("args, message", [
    (["--workers", "0"], "--workers"),
    (["--min-npmi", "2"], "--min-npmi"),
])
def test_build_rejects_bad_options(tmp_path, args, message):
    f = tmp_path / "a.txt"
    f.write_text("科技部。", encoding="utf-8")
    r = run("build", str(f), "-o", str(tmp_path / "o"), *args)
    assert r.returncode == 1 and message in r.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_a_bar_on_a_terminal():
    from kg.cli import ProgressBar

    stream = _Terminal()
    with ProgressBar("documents", "processed", stream=stream, width=10) as bar:
        bar(5, 10, "a.txt")
        bar(10, 10, "b.txt")
        bar(10, 10, "writing the files")
    drawn = stream.getvalue()
    assert "\r█████░░░░░ 5/10 documents  a.txt" in drawn and "\r██████████ 10/10 documents  writing the files" in drawn
    assert drawn.endswith("\n") and drawn.count("\n") == 1  # one line, redrawn in place


def test_progress_off_a_terminal_is_a_line_now_and_then():
    from kg.cli import ProgressBar

    stream = io.StringIO()
    with ProgressBar("documents", "processed", stream=stream) as bar:
        bar(1, 3, "a.txt")
        bar(2, 3, "b.txt")  # within 5 s of the first: no line
        bar(3, 3, "c.txt")
        bar(3, 3, "writing")  # complete already, and within 5 s: no line
    assert stream.getvalue() == "processed 1/3 documents\nprocessed 3/3 documents\n"


def test_progress_keeps_saying_what_takes_long():
    from kg.cli import ProgressBar

    stream = io.StringIO()
    with ProgressBar("documents", "processed", show_what=True, stream=stream, every=0.05) as bar:
        bar(0, 1, "one: analysing")
        time.sleep(0.4)  # one long document: the timer says it is still at it, with the seconds
    lines = stream.getvalue().splitlines()
    assert lines[0] == "processed 0/1 documents (one: analysing)"
    assert len(lines) >= 3 and all(line.startswith("processed 0/1 documents (one: analysing, ") for line in lines[1:])


def test_a_large_document_shows_progress_while_it_is_analysed(tmp_path):
    """`kg build` on one large file, off a terminal: lines while the document is being read and analysed."""
    text = (SEEDS / "004_dff61195967c57f5.txt").read_text(encoding="utf-8").replace("\n", "")
    big = tmp_path / "big.txt"
    big.write_text(text * max(1, 3_000_000 // len(text.encode())), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(big), "-o", str(tmp_path / "out")],
                       capture_output=True, text=True, env={**os.environ, "KG_PROGRESS_EVERY": "0.2"})
    assert r.returncode == 0, r.stderr
    analysing = [line for line in r.stderr.splitlines() if line.startswith("processed 0/1 documents (big: analysing, ")]
    assert analysing, r.stderr


def test_build_times_each_stage_under_its_own_name(tmp_path):
    from extractors.lexicon import load_lexicon
    from kg.build import build

    result = build([SEEDS / "004_dff61195967c57f5.txt"], tmp_path / "out", load_lexicon())
    assert set(result.timings) >= {"read", "analyse", "merge", "graph", "write", "total"}
    assert all(v >= 0 for v in result.timings.values())


def test_workers_default_to_one_per_core_at_most_four(monkeypatch):
    from kg import cli

    args = build_parser().parse_args(["build", "seeds", "-o", "out"])
    assert args.workers == cli.auto_workers() and 1 <= args.workers <= cli.MAX_AUTO_WORKERS
    monkeypatch.setattr(cli.os, "sched_getaffinity", lambda pid: set(range(16)), raising=False)
    assert cli.auto_workers() == cli.MAX_AUTO_WORKERS
    monkeypatch.setattr(cli.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert cli.auto_workers() == 1
    assert build_parser().parse_args(["build", "seeds", "-o", "out", "--workers", "3"]).workers == 3
    assert build_parser().parse_args(["build", "seeds", "-o", "out", "--workers", "auto"]).workers == 1
    with pytest.raises(SystemExit):
        build_parser().parse_args(["build", "seeds", "-o", "out", "--workers", "many"])
