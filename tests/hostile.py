"""A hostile corpus: the files users' folders really hold, written into a folder for the reading tests
(and, with a 50 MB line, for the benchmark).

``make_hostile_corpus(folder)`` writes the files and returns what each is expected to get, by path
relative to ``folder`` (POSIX): read (with its encoding, and a warning or a piece of its text where
that is the point), refused when read (``ReadError`` with a reason), or skipped while looking
(``discover`` names it with a reason). Permissions mean nothing to root, so the unreadable file and
the unlistable folder are expected to be read when the tests run as root; the tests simulate the
``OSError`` for those cases instead. ``restore_permissions(folder)`` makes the folder removable again.
"""
from __future__ import annotations

import io
import os
import random
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tests import pdfgen

SIMPLIFIED = ("发展新质生产力是推动高质量发展的内在要求和重要着力点。科技创新是发展新质生产力的核心要素，"
              "国家发展改革委、科技部联合印发关于推动创新联合体建设的指导意见。\n")
TRADITIONAL = ("發展新質生產力是推動高質量發展的內在要求和重要著力點。習近平總書記指出，科技創新是發展新質"
               "生產力的核心要素。國家發展改革委、科學技術部聯合印發關於推動創新聯合體建設的指導意見。\n")


@dataclass(frozen=True)
class Expected:
    """``outcome``: "read", "refused" (read_source raises ReadError) or "skipped" (discover names it).
    ``reason``: a piece of the ReadError's reason; ``encoding``: Source.encoding; ``warning``: a piece of
    one of Source.warnings; ``text``: a piece of Source.text."""

    outcome: str
    reason: str = ""
    encoding: str = ""
    warning: str = ""
    text: str = ""


def make_hostile_corpus(folder: Path, *, big_line_bytes: int = 2_000_000) -> dict[str, Expected]:
    folder.mkdir(parents=True, exist_ok=True)
    root = os.geteuid() == 0 if hasattr(os, "geteuid") else False
    expected: dict[str, Expected] = {}

    def put(name: str, data: bytes, outcome: Expected) -> Path:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        expected[name] = outcome
        return path

    # encodings, one file each, and several in one folder
    put("政策 文件 GBK.txt", SIMPLIFIED.encode("gbk") * 3, Expected("read", encoding="gb18030", text="新质生产力"))
    put("gb18030.txt", (SIMPLIFIED + "𠀀与㐀。\n").encode("gb18030"), Expected("read", encoding="gb18030", text="𠀀"))
    put("utf16 with bom.txt", b"\xff\xfe" + SIMPLIFIED.encode("utf-16-le"), Expected("read", encoding="utf-16"))
    put("utf16le-no-bom.txt", SIMPLIFIED.encode("utf-16-le") * 2, Expected("read", encoding="utf-16-le"))
    put("utf16be-no-bom.txt", SIMPLIFIED.encode("utf-16-be") * 2, Expected("read", encoding="utf-16-be"))
    put("big5 繁體.txt", TRADITIONAL.encode("big5") * 3, Expected("read", encoding="big5", text="發展新質生產力"))
    put("mixed/utf8.txt", SIMPLIFIED.encode("utf-8"), Expected("read", encoding="utf-8"))
    put("mixed/gbk.txt", SIMPLIFIED.encode("gbk") * 2, Expected("read", encoding="gb18030"))
    put("mixed/big5.md", ("# 標題\n\n" + TRADITIONAL * 2).encode("big5"), Expected("read", encoding="big5", text="標題"))
    put("mixed/utf16.html", b"\xff\xfe" + f"<p>{SIMPLIFIED}</p>".encode("utf-16-le"), Expected("read", encoding="utf-16"))

    # not text, no text
    junk = random.Random(7)
    put("binary junk.txt", bytes(junk.randrange(256) for _ in range(8192)), Expected("refused", reason="binary file, not text"))
    put("empty.txt", b"", Expected("refused", reason="empty file (0 bytes)"))
    put("whitespace only.txt", b" \n\t\r\n\xe3\x80\x80\n", Expected("refused", reason="empty file (only whitespace)"))

    # one long line: reading and normalising must stay linear in its length
    unit = "国家发展改革委、科技部联合推动创新联合体建设，发展新质生产力。".encode("utf-8")
    put("one long line.txt", unit * (big_line_bytes // len(unit) + 1), Expected("read", encoding="utf-8"))

    # characters that are never text
    put("nul and controls.txt", ("科技\x00部\x07，" + SIMPLIFIED + "\x1b\x7f").encode("utf-8"),
        Expected("read", encoding="utf-8", warning="4 control characters removed", text="科技部，"))
    put("bidi overrides.txt", ("合同\u202e甲方\u202c与\u2066乙方\u2069。\u200f\n" + SIMPLIFIED).encode("utf-8"),
        Expected("read", warning="5 bidirectional control characters removed", text="合同甲方与乙方。"))
    put("unpaired surrogate.txt", b"\xff\xfe" + SIMPLIFIED.encode("utf-16-le") + b"\x00\xd8" + "完".encode("utf-16-le"),
        Expected("read", encoding="utf-16", warning="replaced with U+FFFD", text="\ufffd完"))
    put("line separators.txt", "第一行\u2028第二行\u2029第三段".encode("utf-8"),
        Expected("read", text="第一行\n第二行\n第三段"))

    # PDFs and DOCX that cannot be read
    scan = pdfgen.raw_page_pdf(
        b"q 100 0 0 100 72 600 cm /Im1 Do Q",
        page_resources=b"<< /XObject << /Im1 5 0 R >> >>",
        stream_objects={5: (b"/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                            b"/BitsPerComponent 8 /Filter /DCTDecode ", b"\xff\xd8\xff\xd9")},
    )
    put("scan without text.pdf", scan, Expected("refused", reason="no text layer"))
    good_pdf = pdfgen.document([["发展新质生产力"]])
    put("truncated.pdf", good_pdf[: len(good_pdf) // 2], Expected("refused", reason="truncated"))
    put("good.pdf", good_pdf, Expected("read", text="发展新质生产力"))
    put("corrupt.docx", _docx("正文")[:300], Expected("refused", reason="corrupt DOCX"))

    # what discover skips, with a reason
    put("old word.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), Expected("skipped", reason="legacy Word document"))
    put("slides.pptx", _docx("x"), Expected("skipped", reason="PowerPoint presentation"))
    put("kg-out/kg-build.json", b"{}", Expected("skipped", reason="output folder of kg build"))
    put("kg-out/graph summary.txt", "不读".encode("utf-8"), Expected("skipped", reason="output folder of kg build"))
    loop_a, loop_b = folder / "loop" / "a.txt", folder / "loop" / "b.txt"
    loop_a.parent.mkdir(parents=True, exist_ok=True)
    loop_a.symlink_to("b.txt")
    loop_b.symlink_to("a.txt")
    expected["loop/a.txt"] = Expected("skipped", reason="symbolic link loop (a.txt -> b.txt -> a.txt)")
    expected["loop/b.txt"] = Expected("skipped", reason="symbolic link loop (b.txt -> a.txt -> b.txt)")

    # permissions (root ignores them: then these are read like any file)
    unreadable = put("unreadable.txt", SIMPLIFIED.encode("utf-8"),
                     Expected("read") if root else Expected("refused", reason="permission denied"))
    unreadable.chmod(0)
    put("locked/inside.txt", SIMPLIFIED.encode("utf-8"), Expected("read"))
    if root:
        expected["locked/inside.txt"] = Expected("read")
    else:
        del expected["locked/inside.txt"]
        expected["locked"] = Expected("skipped", reason="cannot list the folder")
    (folder / "locked").chmod(0)
    return expected


def restore_permissions(folder: Path) -> None:
    """Give back the permissions :func:`make_hostile_corpus` took away, so the folder can be removed."""
    for name in ("locked", "unreadable.txt"):
        path = folder / name
        if path.exists():
            path.chmod(0o755 if path.is_dir() else 0o644)


def _docx(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml",
                         '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                         f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>")
        archive.writestr("padding.bin", bytes(2048))
    return buffer.getvalue()
