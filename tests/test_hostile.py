"""The hostile corpus (tests/hostile.py) through discover, read_source and the document loader: every
file is read, refused or skipped with its reason, and nothing raises a traceback."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from extractors.documents import iter_documents
from extractors.errors import ReadError
from extractors.normalize import normalize
from extractors.reading import discover, read_source
from tests.hostile import make_hostile_corpus, restore_permissions


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    expected = make_hostile_corpus(folder)
    yield folder, expected
    restore_permissions(folder)


def relative(path: str | Path, folder: Path) -> str:
    return Path(path).relative_to(folder).as_posix()


def test_discover_names_what_it_skips_and_lists_the_rest(corpus):
    folder, expected = corpus
    found = discover([folder])
    skipped = {relative(error.path, folder): error.reason for error in found.skipped}
    wanted = {name: e.reason for name, e in expected.items() if e.outcome == "skipped"}
    assert set(skipped) == {name.split("/")[0] if name.startswith("kg-out/") else name for name in wanted}
    for name, reason in wanted.items():
        assert reason in skipped[name.split("/")[0] if name.startswith("kg-out/") else name]
    listed = {relative(path, folder) for path, _ in found.files}
    assert listed == {name for name, e in expected.items() if e.outcome != "skipped"}


def test_each_file_is_read_or_refused_as_expected(corpus):
    folder, expected = corpus
    for name, e in sorted(expected.items()):
        if e.outcome == "skipped":
            continue
        if e.outcome == "refused":
            with pytest.raises(ReadError) as info:
                read_source(folder / name)
            assert info.value.path == str(folder / name)
            assert e.reason in info.value.reason, name
            continue
        source = read_source(folder / name)
        assert source.text.strip(), name
        if e.encoding:
            assert source.encoding == e.encoding, name
        if e.warning:
            assert any(e.warning in warning for warning in source.warnings), (name, source.warnings)
        if e.text:
            assert e.text in source.text, name


def test_no_normalised_text_holds_bidi_controls_separators_or_surrogates(corpus):
    folder, expected = corpus
    forbidden = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u2028\u2029")
    for name, e in expected.items():
        if e.outcome == "read":
            text = normalize(read_source(folder / name).text)
            assert not forbidden & set(text), name
            assert not any("\ud800" <= ch <= "\udfff" for ch in text), name


def test_the_document_loader_gives_documents_and_errors_never_a_traceback(corpus):
    folder, expected = corpus
    items = list(iter_documents([folder]))
    errors = {relative(item.path, folder) for item in items if isinstance(item, ReadError)}
    assert errors == {name if not name.startswith("kg-out/") else "kg-out"
                      for name, e in expected.items() if e.outcome in ("refused", "skipped")}
    assert sum(not isinstance(item, ReadError) for item in items) == sum(
        e.outcome == "read" for e in expected.values())


def test_a_single_long_line_reads_and_normalises_in_linear_time(tmp_path):
    from tests.hostile import make_hostile_corpus as make

    def seconds(size: int) -> float:
        folder = tmp_path / str(size)
        make(folder, big_line_bytes=size)
        try:
            start = time.process_time()
            source = read_source(folder / "one long line.txt")
            normalize(source.text, format=source.format)
            return time.process_time() - start
        finally:
            restore_permissions(folder)

    small, large = seconds(1_000_000), seconds(4_000_000)
    assert large < 8 * small + 0.5  # four times the text; quadratic work would take sixteen times as long


# --- the whole build on the hostile corpus --------------------------------------------------------------------

#: What must never reach an output file: C0 controls (but tab and line breaks), DEL and C1 controls,
#: bidirectional controls, the line and paragraph separators and unpaired surrogates.
UNSAFE = re_compile = __import__("re").compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def test_kg_build_reads_every_good_file_names_every_bad_one_and_writes_nothing_unsafe(corpus, tmp_path, node):
    import subprocess
    import sys

    from tests.jstools import run_node

    folder, expected = corpus
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(folder), "-o", str(out)], capture_output=True,
                       text=True, timeout=600)
    assert r.returncode == 2, r.stderr  # finished, with files skipped
    assert "Traceback" not in r.stderr
    skipped = [line for line in r.stderr.splitlines() if line.startswith("Skipped ")]
    for name, e in expected.items():
        if e.outcome in ("refused", "skipped") and (name != "unreadable.txt" and not name.startswith("locked")):
            shown = str(folder / name) if e.outcome == "refused" else str(folder / name.split("/")[0])
            assert any(line.startswith(f"Skipped {shown}") and e.reason in line for line in skipped), (name, skipped)
    assert f"{len(skipped)} file(s) skipped" in r.stderr
    import pandas as pd

    docs = pd.read_csv(out / "documents.csv", encoding="utf-8-sig", dtype=str)
    read = {Path(p).relative_to(folder).as_posix() for p in docs["path"]}
    assert read >= {name for name, e in expected.items() if e.outcome == "read" and name != "unreadable.txt"
                    and not name.startswith("locked")}
    assert "Repaired while reading" in r.stdout and "control character" in r.stdout
    for path in out.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="surrogatepass")
            bad = UNSAFE.search(text) if path.suffix not in (".csv",) or "\x1f" not in text else None
            if path.parent.name == "neo4j" and path.suffix == ".csv":  # U+001F is the array delimiter there
                bad = UNSAFE.search(text.replace("\x1f", ""))
            assert bad is None, (path.name, repr(bad.group()), text[max(0, bad.start() - 30):bad.end() + 30])
    for fmt in ("graphml", "gexf"):
        parsed = run_node("parse_graph.mjs", fmt, str(out / f"graph.{fmt}"))
        assert parsed["order"] > 0
