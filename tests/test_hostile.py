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
