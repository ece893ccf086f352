"""discover(): files and folders to (file, document id) pairs."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.errors import ReadError
from extractors.reading import discover
from tests.readutil import write


def make_tree(root: Path, names: list[str]) -> None:
    for name in names:
        write(root, name, "文本")


def ids(pairs: list[tuple[Path, str]]) -> list[str]:
    return [doc_id for _path, doc_id in pairs]


def test_discover_recurses_sorts_and_uses_relative_ids(tmp_path):
    make_tree(tmp_path / "corpus", ["b.txt", "a.md", "sub/c.pdf", "sub/deeper/d.html", "e.htm", "f.docx",
                                    "g.markdown"])
    pairs = discover([tmp_path / "corpus"])
    assert ids(pairs) == ["a", "b", "e", "f", "g", "sub/c", "sub/deeper/d"]
    assert all(isinstance(path, Path) and path.is_file() for path, _ in pairs)
    assert dict((doc_id, path) for path, doc_id in pairs)["sub/c"] == tmp_path / "corpus" / "sub" / "c.pdf"


def test_discover_skips_hidden_unsupported_and_manifest(tmp_path):
    make_tree(tmp_path, ["keep.txt", ".hidden.txt", ".git/config.txt", ".DS_Store", "manifest.csv",
                         "data.csv", "image.png", "~$lock.docx", "sub/.cache/x.md", "UPPER.TXT"])
    assert ids(discover([tmp_path])) == ["UPPER", "keep"]


def test_discover_includes_a_file_given_directly_whatever_its_suffix(tmp_path):
    make_tree(tmp_path, ["notes.xyz", ".hidden.txt"])
    assert ids(discover([tmp_path / "notes.xyz", tmp_path / ".hidden.txt"])) == [".hidden", "notes"]


@pytest.mark.parametrize("order", [["a.txt", "a.pdf", "b.md"], ["b.md", "a.pdf", "a.txt"]])
def test_discover_colliding_ids_keep_their_extension(tmp_path, order):
    make_tree(tmp_path / "in", ["a.txt", "a.pdf", "b.md"])
    assert ids(discover([tmp_path / "in" / name for name in order])) == ["a.pdf", "a.txt", "b"]


def test_discover_collisions_inside_a_folder(tmp_path):
    make_tree(tmp_path, ["x/report.txt", "x/report.docx", "x/other.md"])
    assert ids(discover([tmp_path / "x"])) == ["other", "report.docx", "report.txt"]


@pytest.mark.parametrize("reverse", [False, True])
def test_discover_same_relative_path_in_two_folders(tmp_path, reverse):
    make_tree(tmp_path, ["one/a.txt", "two/a.txt"])
    inputs = [tmp_path / "one", tmp_path / "two"]
    assert ids(discover(inputs[::-1] if reverse else inputs)) == ["one/a.txt", "two/a.txt"]


def test_discover_lists_a_file_reached_twice_once(tmp_path):
    make_tree(tmp_path, ["docs/a.txt"])
    pairs = discover([tmp_path / "docs", tmp_path / "docs" / "a.txt"])
    assert ids(pairs) == ["a"]


def test_discover_missing_path(tmp_path):
    with pytest.raises(ReadError) as info:
        discover([tmp_path / "missing"])
    assert info.value.path == str(tmp_path / "missing")


def test_discover_empty_folder(tmp_path):
    assert discover([tmp_path]) == []
