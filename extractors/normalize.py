"""Normalisation: from the text layer of a file to the text every offset refers to.

Two layouts:

- ``lines``: the text is already one paragraph a line (Markdown, HTML, DOCX, clean text files).
  Characters are made consistent (width forms, punctuation in Chinese context, control and
  zero-width characters) and empty lines dropped; otherwise the text is left as written.
- ``pdf``: the text is a PDF extraction with one line per printed line (the seeds). On top of the
  above, page numbers and running headers are dropped, spaces between Chinese characters (and
  between Chinese and digits or Latin letters) are removed, and lines broken mid-sentence are joined
  into paragraphs.

``auto`` (the default) chooses ``pdf`` for PDF files and for text whose line structure shows the
residue (many short wrapped lines, blank lines between printed lines), ``lines`` otherwise.

The result has one paragraph a line, ``\\n`` between paragraphs, no empty lines.

Speed: a pattern that starts with a look-behind (``(?<=[中文])[ ]+(?=[中文])``) is tried at every
position of the text, and with a character class of a hundred thousand code points that costs more
than all the rest of the normalisation. Such rules are written as a fast search for the character
they change (a space run, ``,;:?!``, ``．－／``) and a look at its two neighbours, which gives the same
result in time linear in the text.
"""
from __future__ import annotations

import re
from statistics import median

from extractors.formats import newlines
from extractors.names import looks_like_name
from extractors.textutil import CJK, CJK_PUNCT, HAN, LINE_END, repeated_runs

LAYOUTS = ("auto", "pdf", "lines")

_ZERO_WIDTH = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad"), None)
# C0 and C1 controls except tab and newline, the XML-forbidden non-characters, bidirectional controls
# (embeddings, overrides, isolates, marks: text must read as it is stored) and unpaired surrogates.
# Line breaks of every kind (\v, \f, NEL, U+2028, U+2029) were made \n before this.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff"
                      "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_WIDTH = {
    **{0xFF10 + i: ord("0") + i for i in range(10)},
    **{0xFF21 + i: ord("A") + i for i in range(26)},
    **{0xFF41 + i: ord("a") + i for i in range(26)},
    0x3000: ord(" "),
    0x00A0: ord(" "),
    0x2002: ord(" "),
    0x2003: ord(" "),
    0x2009: ord(" "),
    0xFF05: ord("%"),
    0xFF0B: ord("+"),
    0xFF1D: ord("="),
    0xFF06: ord("&"),
    0xFF03: ord("#"),
    0xFF20: ord("@"),
    0xFF3F: ord("_"),
    # middle-dot variants used in transliterated names (斯图尔特·罗素)
    0x30FB: 0x00B7,
    0xFF65: 0x00B7,
    0x2027: 0x00B7,
    0x2022: 0x00B7,
    0x2219: 0x00B7,
}
_WIDTH_STR = {chr(k): ("" if v is None else chr(v)) for k, v in {**_WIDTH, **_ZERO_WIDTH}.items()}
_WIDTH_CHARS = re.compile("[" + re.escape("".join(sorted(_WIDTH_STR))) + "]")
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_HALF_PUNCT = re.compile("[,;:?!]")  # full-width after a CJK character (unless // follows) or before one
_FULL_DIGIT_PUNCT = {"．": ".", "－": "-", "／": "/"}
_DIGIT_PUNCT = re.compile("[．－／]")  # half-width between two digits

# Called on one character at a time (the neighbours of a match).
_IS_CJK = re.compile(f"[{CJK}]").match
_IS_HAN_OR_PUNCT = re.compile(f"[{HAN}{CJK_PUNCT}]").match
_IS_ALNUM = re.compile("[0-9A-Za-z%]").match
_SPACE_RUN = re.compile("[ \t]+")
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–]?\s*\d{1,4}\s*[-—–]?|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4})$",
    re.I,
)
# A headline set in fake bold comes out of the PDF three or four times in a row, sometimes
# character by character (以以以以““““链式思维””””).
_REPEATED_CHAR = re.compile(rf"([{HAN}“”‘’])\1{{3}}")
_BYLINE_MARK = re.compile(r"^(?:◎|○|■|文[／/]|作者[：:]?)\s*")

_BLOCK_START = re.compile(
    rf"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[①-⑳]|[◎○★☆■□●◆▲▶►【〔]"
    rf"|[（(](?:作者|来源|本文|记者|编者|注)|(?:来源|信息来源|文章|期刊|作者|评荐|摘要|关键词|编者按|责任编辑|原标题)[：:]"
    rf"|本报讯|新华社|[-—]{{1,2}}\s*[{HAN}]|[-*•]\s)"
)
_NUMBERED_HEADING = re.compile(rf"^\d{{1,2}}(?:\.\d{{1,2}})*[\.、]?\s*(?![年月日号期届次个万亿%])[{HAN}]")


def normalize(text: str, *, layout: str = "auto", format: str = "txt") -> str:
    """Return the normalised text (see the module docstring)."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}, not {layout!r}")
    text = clean_characters(text)
    lines = [_collapse_letter_spacing(line.strip(" \t")) for line in text.split("\n")]
    if layout == "auto":
        layout = "pdf" if format == "pdf" or looks_like_pdf_extraction(lines) else "lines"
    if layout == "pdf":
        paragraphs = _pdf_paragraphs(lines)
    else:
        paragraphs = [line for line in lines if line and not _PAGE_NUMBER.match(line)]
    return "\n".join(paragraphs)


def clean_characters(text: str) -> str:
    """Character-level consistency, line by line; changes nothing else."""
    text = newlines(text)
    # (a regex finds the few characters to change; str.translate would look up every character)
    text = _CONTROL.sub("", text)
    text = _WIDTH_CHARS.sub(lambda m: _WIDTH_STR[m.group()], text)
    text = _digit_punct(text)
    text = _punct_in_cjk(text)
    if "(" not in text and ")" not in text and '"' not in text:
        return text
    return "\n".join(_fix_brackets_and_quotes(line) for line in text.split("\n"))


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    return (text[start - 1] if start else "", text[end] if end < len(text) else "")


def _digit_punct(text: str) -> str:
    """Full-width ``．－／`` between two digits become ``.-/`` (``５．２％`` -> ``5.2%``)."""

    def fix(m: re.Match[str]) -> str:
        before, after = _neighbours(text, *m.span())
        if before.isdecimal() and after.isdecimal():  # what \d matches
            return _FULL_DIGIT_PUNCT[m.group()]
        return m.group()

    return _DIGIT_PUNCT.sub(fix, text)


def _punct_in_cjk(text: str) -> str:
    """ASCII ``,;:?!`` after a CJK character (unless ``//`` follows: a URL) or before one become full-width."""

    def fix(m: re.Match[str]) -> str:
        start, end = m.span()
        before, after = _neighbours(text, start, end)
        if (before and _IS_CJK(before) and text[end : end + 2] != "//") or (after and _IS_CJK(after)):
            return _HALF_TO_FULL[m.group()]
        return m.group()

    return _HALF_PUNCT.sub(fix, text)


def _layout_spaces(text: str) -> str:
    """Spaces a PDF's layout put in: a run of spaces or tabs between two CJK characters, or between a
    Chinese character and a digit or Latin letter (either way round), goes; any other run of two or
    more becomes one space. Runs never cross a line break."""

    def fix(m: re.Match[str]) -> str:
        before, after = _neighbours(text, *m.span())
        if before and after:
            if _IS_CJK(before) and _IS_CJK(after):
                return ""
            if (_IS_HAN_OR_PUNCT(before) and _IS_ALNUM(after)) or (_IS_ALNUM(before) and _IS_HAN_OR_PUNCT(after)):
                return ""
        run = m.group()
        return " " if len(run) > 1 else run

    return _SPACE_RUN.sub(fix, text)


def _fix_brackets_and_quotes(line: str) -> str:
    """ASCII parentheses and double quotes that enclose or touch Chinese text become full-width.

    Paired, so that ``(2012-2030年)`` becomes ``（2012-2030年）`` as a whole.
    """
    if "(" not in line and ")" not in line and '"' not in line:
        return line
    chars = list(line)
    han = re.compile(f"[{CJK}]")

    def chinese_near(i: int, j: int) -> bool:
        inner = line[i + 1 : j]
        before = line[i - 1] if i > 0 else ""
        after = line[j + 1] if j + 1 < len(line) else ""
        return bool(han.search(inner) or han.match(before) or han.match(after))

    stack: list[int] = []
    for i, ch in enumerate(line):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            j = stack.pop()
            if chinese_near(j, i):
                chars[j], chars[i] = "（", "）"
    quotes = [i for i, ch in enumerate(line) if ch == '"']
    if len(quotes) % 2 == 0:
        for a, b in zip(quotes[::2], quotes[1::2]):
            if chinese_near(a, b):
                chars[a], chars[b] = "“", "”"
    return "".join(chars)


def _collapse_letter_spacing(line: str) -> str:
    """``成 新 质 生 产 力 的`` -> ``成新质生产力的``: runs of three or more single Chinese
    characters (or Chinese punctuation) separated by spaces are letter-spacing, not words."""
    if " " not in line:
        return line
    tokens = line.split(" ")
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 3:
            out.append("".join(run))
        else:
            out.extend(run)
        run.clear()

    single = re.compile(f"^[{CJK}]$")
    for tok in tokens:
        if single.match(tok):
            run.append(tok)
        elif tok == "" and run:
            continue  # double spaces inside a spaced run
        else:
            flush()
            out.append(tok)
    flush()
    return " ".join(out)


def looks_like_pdf_extraction(lines: list[str]) -> bool:
    """True when the line structure is that of a PDF text layer: printed lines, not paragraphs.

    Signals: most non-empty lines are separated by blank lines, or many lines end mid-sentence
    (no closing punctuation) at a similar width.
    """
    nonempty = [line for line in lines if line]
    if len(nonempty) < 6:
        return False
    blank_between = sum(
        1 for a, b, c in zip(lines, lines[1:], lines[2:]) if a and not b and c
    )
    if blank_between >= 0.6 * (len(nonempty) - 1):
        return True
    open_ended = [line for line in nonempty if line[-1] not in LINE_END]
    if len(open_ended) < 0.4 * len(nonempty):
        return False
    widths = [len(line) for line in open_ended]
    mid = median(widths)
    similar = sum(1 for w in widths if abs(w - mid) <= max(3, 0.15 * mid))
    return similar >= 0.5 * len(open_ended)


def _pdf_paragraphs(lines: list[str]) -> list[str]:
    lines = [line for line in lines if line and not _PAGE_NUMBER.match(line)]
    lines = _drop_running_headers(lines)
    # byline name lists keep their separation (◎许竹青 张淑慧 -> 许竹青、张淑慧); then layout spaces go,
    # in one pass over the whole text (the patterns never cross a line break)
    lines = [_byline_names(line) if " " in line and len(line) <= 36 else line for line in lines]
    text = _layout_spaces("\n".join(lines))
    lines = [line for line in _collapse_fake_bold(text.split("\n")) if line]
    if not lines:
        return []
    widths = [len(line) for line in lines]
    local = [_local_width(widths, i) for i in range(len(lines))]
    bylines = [len(line) <= 20 and _is_byline(line) for line in lines]
    paragraphs: list[str] = []
    current = lines[0]
    for i in range(1, len(lines)):
        if _breaks_between(lines, local, bylines, i - 1):
            paragraphs.append(current)
            current = lines[i]
        else:
            current = _join(current, lines[i])
    paragraphs.append(current)
    return paragraphs


def _collapse_fake_bold(lines: list[str]) -> list[str]:
    text = _REPEATED_CHAR.sub(r"\1", "\n".join(lines))
    runs = repeated_runs(text, min_unit=4, max_unit=60, copies=3)
    if runs:
        parts, pos = [], 0
        for start, unit, end in runs:
            parts.append(text[pos : start + unit])
            pos = end
        parts.append(text[pos:])
        text = "".join(parts)
    return text.split("\n")


def _drop_running_headers(lines: list[str]) -> list[str]:
    """Short lines without punctuation repeated three times or more are page furniture."""
    counts: dict[str, int] = {}
    for line in lines:
        counts[line] = counts.get(line, 0) + 1
    furniture = {
        line
        for line, n in counts.items()
        if n >= 3 and len(line) <= 30 and not re.search(r"[，。：:；！？,]", line)
    }
    return [line for line in lines if line not in furniture] if furniture else lines


def _byline_names(line: str) -> str:
    """◎许竹青 张淑慧 / 杨娟 杜帅 / 高绍林 黄 鹤: a byline listing names; spaces separate people."""
    mark = _BYLINE_MARK.match(line)
    rest = line[mark.end() :] if mark else line
    names = _name_tokens(rest)
    if len(names) >= 2 and (mark or all(looks_like_name(tok) for tok in names)):
        return line[: len(line) - len(rest)] + "、".join(names)
    return line


def _name_tokens(text: str) -> list[str]:
    """Space-separated tokens of a short all-Han line, letter-spaced names rejoined (黄 鹤 -> 黄鹤)."""
    if len(text) > 30 or not re.fullmatch(rf"[{HAN} ]+", text):
        return []
    tokens: list[str] = []
    singles: list[str] = []
    for tok in text.split():
        if len(tok) == 1:
            singles.append(tok)
            continue
        if singles:
            tokens.append("".join(singles))
            singles = []
        tokens.append(tok)
    if singles:
        tokens.append("".join(singles))
    return tokens if all(2 <= len(t) <= 4 for t in tokens) else []


def _local_width(widths: list[int], i: int) -> float:
    window = sorted(widths[max(0, i - 6) : i + 7])
    return window[int(0.8 * (len(window) - 1))]


def _breaks_between(lines: list[str], local: list[float], bylines: list[bool], i: int) -> bool:
    """Does a paragraph end after ``lines[i]``? (``local``: each line's local column width.)"""
    line, nxt = lines[i], lines[i + 1]
    width = local[i]
    def heading_like(s: str, w: float) -> bool:
        return s[-1] not in LINE_END and len(s) < 0.6 * w and len(s) <= 40

    if _BLOCK_START.match(nxt) or bylines[i + 1] or bylines[i]:
        return True
    if line.count("（") + line.count("(") > line.count("）") + line.count(")"):
        return False  # inside an open parenthesis: （来源：…；作者：石长慧 / 系…研究员）
    if _NUMBERED_HEADING.match(nxt) and (line[-1] in LINE_END or heading_like(nxt, width)):
        return True
    if line[-1] in LINE_END and (len(line) < 0.9 * width or _BLOCK_START.match(line)):
        return True
    if heading_like(line, width):
        return True
    if _NUMBERED_HEADING.match(line) and not re.search(r"[，。；：,;:]", line):
        return True
    if line[-1] in "。！？!?" and heading_like(nxt, local[i + 1]):
        return True
    return False


def _is_byline(line: str) -> bool:
    """A line that is nothing but one or more personal names (杨娟、杜帅)."""
    return len(line) <= 20 and all(looks_like_name(part) for part in line.split("、"))


def _join(left: str, right: str) -> str:
    """Join two printed lines of one paragraph.

    Latin words broken by the line end keep their space; a word hyphenated at the line end
    (``infor-`` / ``mation``) is rejoined without the hyphen when the next line goes on in lower case.
    Otherwise (Chinese, ``2012-`` / ``2030年``, ``COVID-`` / ``19``) the lines are simply joined.
    """
    a, b = left[-1], right[0]
    if a == "-" and len(left) >= 2 and left[-2].isascii() and left[-2].isalpha() and b.isascii() and b.islower():
        return left[:-1] + right
    if a.isascii() and b.isascii() and a.isalnum() and b.isalnum():
        return f"{left} {right}"
    return left + right


# What the ``lines`` layout deletes: whitespace (indentation, empty lines, spaced-out letters), line-break
# residue, control and zero-width characters. Everything else it keeps, or replaces one for one.
_DELETABLE = frozenset(" \t\r\n") | {chr(c) for c in _ZERO_WIDTH} | {chr(c) for c, v in _WIDTH.items() if v == ord(" ")}


def written_positions(written: str, normalised: str) -> list[int] | None:
    """Where each character of ``normalised`` stands in ``written``, the text it was normalised from,
    or None when the normalisation did more than delete and replace characters one for one (the ``pdf``
    layout drops page numbers and running headers, and joins lines).

    The result has one entry per character of ``normalised`` plus one for its end, so a span
    ``normalised[s:e]`` was written as ``written[p[s]:p[e - 1] + 1]``.
    """
    if written == normalised:
        return list(range(len(written) + 1))
    positions: list[int] = []
    i, n = 0, len(written)
    for c in normalised:
        while i < n and written[i] != c and (written[i] in _DELETABLE or _CONTROL.match(written[i])) \
                and not (c.isspace() and written[i].isspace()):
            i += 1  # deleted by the normalisation
        if i >= n or not _replaced_by(written[i], c):
            return None
        positions.append(i)  # the same character, or its one-for-one replacement
        i += 1
    positions.append(i)
    return positions


def _replaced_by(w: str, c: str) -> bool:
    """Whether the normalisation may have written ``w`` as ``c``: the same character, its width form,
    one whitespace for another, or one punctuation mark or symbol for another (，for , in Chinese text)."""
    if w == c or chr(_WIDTH.get(ord(w), ord(w))) == c:
        return True
    if w.isspace() or c.isspace():
        return w.isspace() and c.isspace()
    return not w.isalnum() and not c.isalnum()
