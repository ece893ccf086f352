"""Documents: manifest metadata, dates from the text, skipping unreadable files."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.documents import document_files, iter_documents, read_manifest, text_metadata
from extractors.errors import KgError
from tests.conftest import SEEDS


def test_seed_manifest_covers_every_seed():
    rows = read_manifest(SEEDS / "manifest.csv")
    assert set(rows) == {p.name for p in SEEDS.glob("*.txt")}
    assert rows["004_dff61195967c57f5.txt"].date == "2025-12-19"
    assert all(m.title for m in rows.values())


def test_manifest_metadata_reaches_documents():
    docs = {d.id: d for d in iter_documents([SEEDS])}
    assert docs["004_dff61195967c57f5"].publication == "中国科学技术院所联谊会"
    assert docs["002_6c8e0cd56b8d6e7a"].date == "2024"


@pytest.mark.parametrize("text, message", [
    ("name,title\n", "header"),
    ("file,title,publication,date\na.txt,T,P,2024-13-01\n", ":2: date"),
    ("file,title,publication,date\na.txt,T\n", ":2: expected 4 columns"),
])
def test_bad_manifest_names_file_and_line(tmp_path, text, message):
    p = tmp_path / "manifest.csv"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(KgError, match=message):
        read_manifest(p)


def test_documents_are_dated_with_precision_and_source(tmp_path):
    from extractors.documents import load_document

    (tmp_path / "a.txt").write_text("简报\n2025年第12期 2025年12月19日\n" + "正文。" * 40, encoding="utf-8")
    doc = load_document(tmp_path / "a.txt", "a")
    assert (doc.date, doc.date_precision, doc.date_source, doc.date_conflicts) == ("2025-12-19", "day", "title", ())
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "b.txt").write_text("正文" * 200 + "2020年1月2日", encoding="utf-8")  # not a dateline
    doc = load_document(tmp_path / "2024" / "b.txt", "2024/b")
    assert (doc.date, doc.date_precision, doc.date_source) == ("2024", "year", "path")
    (tmp_path / "20230908.md").write_text("# 《新闻联播》（20230910）\n\n正文。", encoding="utf-8")
    doc = load_document(tmp_path / "20230908.md", "20230908")
    assert doc.date == "2023-09-10" and doc.date_source == "title"  # the title wins, and the disagreement is said
    assert doc.date_conflicts == ("title=2023-09-10 vs path=2023-09-08",)
    doc = load_document(tmp_path / "20230908.md", "20230908", date_from="path")
    assert (doc.date, doc.date_source, doc.date_conflicts) == ("2023-09-08", "path", ())
    assert text_metadata("简报\n正文").title == "简报"


def test_unreadable_file_yields_its_error_and_the_rest_go_on(tmp_path):
    (tmp_path / "a.txt").write_text("科技部。", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text("工信部。", encoding="utf-8")
    items = list(iter_documents([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "Document"]
    assert "b.txt" in str(items[1])


def test_discovery_skips_reach_the_caller(tmp_path):
    (tmp_path / "a.txt").write_text("科技部。", encoding="utf-8")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    files = document_files([tmp_path])
    assert [doc_id for _, doc_id, _ in files] == ["a"]
    assert [Path(e.path).name for e in files.skipped] == ["old.doc"]
    items = list(iter_documents([tmp_path]))
    assert [type(i).__name__ for i in items] == ["ReadError", "Document"]
