"""A tiny DOCX writer for test fixtures (zipfile and hand-written WordprocessingML)."""
from __future__ import annotations

import io
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def run(text: str) -> str:
    return f"<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>"


def para(*runs: str) -> str:
    return "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>" + "".join(runs) + "</w:p>"


def table(rows: list[list[str]]) -> str:
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc><w:tcPr/>{para(run(c))}</w:tc>" for c in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl><w:tblPr/><w:tblGrid/>{cells}</w:tbl>"


def make_docx(blocks: list[str], *, footnotes: list[str] | None = None, with_rels: bool = True,
              extra: dict[str, str] | None = None) -> bytes:
    """A DOCX package with ``blocks`` as the body; ``extra`` adds parts (name -> XML)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
        )
        if with_rels:
            archive.writestr(
                "_rels/.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>",
            )
        archive.writestr(
            "word/document.xml",
            f"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{W_NS}\">"
            f"<w:body>{''.join(blocks)}<w:sectPr/></w:body></w:document>",
        )
        if footnotes is not None:
            notes = "".join(
                f"<w:footnote w:id=\"{i + 1}\">{para(run(n))}</w:footnote>" for i, n in enumerate(footnotes)
            )
            archive.writestr(
                "word/footnotes.xml",
                f"<w:footnotes xmlns:w=\"{W_NS}\"><w:footnote w:type=\"separator\" w:id=\"-1\">"
                f"<w:p><w:r><w:separator/></w:r></w:p></w:footnote>{notes}</w:footnotes>",
            )
        for name, xml in (extra or {}).items():
            archive.writestr(name, xml)
    return buffer.getvalue()
