"""discover(): files and folders to (file, document id) pairs, and what was skipped with its reason."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from extractors.errors import ReadError
from extractors.reading import BUILD_STAMP, Discovery, discover
from tests.readutil import write


def make_tree(root: Path, names: list[str]) -> None:
    for name in names:
        write(root, name, "文本")


def ids(found: Discovery) -> list[str]:
    return [doc_id for _path, doc_id in found.files]


def skipped(found: Discovery, root: Path) -> dict[str, str]:
    """Skipped paths relative to ``root``, with their reasons."""
    return {Path(error.path).relative_to(root).as_posix(): error.reason for error in found.skipped}


def test_discover_recurses_sorts_and_uses_relative_ids(tmp_path):
    make_tree(tmp_path / "corpus", ["b.txt", "a.md", "sub/c.pdf", "sub/deeper/d.html", "e.htm", "f.docx",
                                    "g.markdown"])
    found = discover([tmp_path / "corpus"])
    pairs = found.files
    assert ids(found) == ["a", "b", "e", "f", "g", "sub/c", "sub/deeper/d"]
    assert found.skipped == []
    assert all(isinstance(path, Path) and path.is_file() for path, _ in pairs)
    assert dict((doc_id, path) for path, doc_id in pairs)["sub/c"] == tmp_path / "corpus" / "sub" / "c.pdf"


def test_discover_skips_hidden_unsupported_and_manifest(tmp_path):
    make_tree(tmp_path, ["keep.txt", ".hidden.txt", ".git/config.txt", ".DS_Store", "manifest.csv",
                         "data.csv", "image.png", "~$lock.docx", "sub/.cache/x.md", "UPPER.TXT"])
    found = discover([tmp_path])
    assert ids(found) == ["UPPER", "keep"]
    assert list(skipped(found, tmp_path)) == ["data.csv"]  # hidden files, images and the manifest pass silently


@pytest.mark.parametrize(
    "name, words",
    [("old.doc", "libreoffice --headless --convert-to docx"), ("报告.wps", "convert it to DOCX"),
     ("memo.rtf", "convert it to DOCX"), ("data.xlsx", "table"), ("slides.pptx", "convert it to PDF"),
     ("paper.caj", "CAJViewer"), ("notice.ofd", "convert it to PDF"), ("book.epub", "ebook-convert"),
     ("doc.odt", "convert it to DOCX"), ("sheet.xls", "table"), ("deck.ppt", "convert it to PDF")],
)
def test_discover_names_unsupported_formats_with_what_to_do(tmp_path, name, words):
    make_tree(tmp_path, ["keep.txt", f"sub/{name}"])
    found = discover([tmp_path])
    assert ids(found) == ["keep"]
    reason = skipped(found, tmp_path)[f"sub/{name}"]
    assert reason.startswith("not read: ") and words in reason


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
    assert ids(discover([tmp_path / "docs", tmp_path / "docs" / "a.txt"])) == ["a"]


def test_discover_missing_path(tmp_path):
    with pytest.raises(ReadError) as info:
        discover([tmp_path / "missing"])
    assert info.value.path == str(tmp_path / "missing")


def test_discover_empty_folder(tmp_path):
    assert discover([tmp_path]) == Discovery([], [])


def test_discover_skips_output_folders_of_kg_build(tmp_path):
    make_tree(tmp_path, ["a.txt", f"out/{BUILD_STAMP}", "out/evidence.txt", "out/deeper/b.txt", "notes/c.md"])
    found = discover([tmp_path])
    assert ids(found) == ["a", "notes/c"]
    assert skipped(found, tmp_path) == {"out": f"output folder of kg build (it holds {BUILD_STAMP}); skipped"}


def test_discover_never_enters_excluded_folders(tmp_path):
    make_tree(tmp_path, ["a.txt", "staging/b.txt", "out/c.txt"])
    found = discover([tmp_path], exclude=[tmp_path / "staging", str(tmp_path / "out")])
    assert found == Discovery([(tmp_path / "a.txt", "a")], [])


def test_discover_skips_a_symlink_loop_and_names_it(tmp_path):
    make_tree(tmp_path, ["keep.txt"])
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    found = discover([tmp_path])
    assert ids(found) == ["keep"]
    reasons = skipped(found, tmp_path)
    assert reasons["a.txt"] == "symbolic link loop (a.txt -> b.txt -> a.txt); skipped"
    assert reasons["b.txt"] == "symbolic link loop (b.txt -> a.txt -> b.txt); skipped"


def test_discover_skips_a_symlink_loop_given_directly(tmp_path):
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    found = discover([tmp_path / "a.txt"])
    assert found.files == [] and "symbolic link loop" in found.skipped[0].reason


def test_discover_names_broken_links_and_does_not_follow_folder_links(tmp_path):
    make_tree(tmp_path, ["real/a.txt"])
    (tmp_path / "gone.txt").symlink_to("nowhere.txt")
    (tmp_path / "alias").symlink_to("real")
    (tmp_path / "same.txt").symlink_to("real/a.txt")
    found = discover([tmp_path])
    assert ids(found) == ["real/a"]  # the link to the same file is that file, listed once
    reasons = skipped(found, tmp_path)
    assert reasons["gone.txt"].startswith("broken symbolic link (its target nowhere.txt does not exist)")
    assert reasons["alias"].startswith("symbolic link to a folder, not followed")


def test_discover_skips_a_folder_it_cannot_list_and_reads_the_rest(tmp_path, monkeypatch):
    import os

    make_tree(tmp_path, ["a.txt", "locked/b.txt", "open/c.txt"])
    real_scandir = os.scandir

    def scandir(path):  # what a folder without read permission does (root is never refused one)
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = discover([tmp_path])
    assert ids(found) == ["a", "open/c"]
    assert skipped(found, tmp_path) == {"locked": "cannot list the folder (Permission denied); skipped"}


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists any folder; the simulated test above covers it")
def test_discover_skips_a_folder_without_permissions(tmp_path):
    make_tree(tmp_path, ["a.txt", "locked/b.txt"])
    (tmp_path / "locked").chmod(0)
    try:
        found = discover([tmp_path])
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert ids(found) == ["a"]
    assert "cannot list the folder" in skipped(found, tmp_path)["locked"]
