"""Markdown to plain text: markup removed, one output line per source line that keeps text.

Removed: front matter (``---`` YAML or ``+++`` TOML at the top), heading marks (ATX ``#`` and setext
underlines), emphasis (``*``, ``**``, ``_``, ``__``, ``~~``), inline-code backticks (the code is kept),
fenced-code fences (the code is kept verbatim), links (``[text](url)`` and ``[text][ref]`` become
``text``), images, reference and footnote definitions' markers, autolinks' angle brackets, HTML tags
and comments, blockquote ``>``, list and task markers, horizontal rules, table pipes and separator rows
(cells are joined by a tab), backslash escapes and HTML entities. Wiki residue found in the project's
corpus is removed too: ``[[target|text]]`` becomes ``text`` and ``{{template}}`` disappears.

A line that was blank in the source stays blank (at most one in a row); a line that only held markup
is dropped.

:func:`front_matter` reads ``title`` and ``date`` from the front matter, as written (a value in quotes
loses its quotes; nothing is parsed); plain-text files may carry the same block.

Speed: most lines of real Markdown are plain text. Every pattern is tried only when the characters it
needs are in the line (a link needs ``](``, emphasis ``*``, ``_`` or ``~~``, a block marker a first
character such as ``#``, ``>``, ``-`` or a digit), so a plain line costs a few substring tests instead
of some twenty regular-expression calls. The result is the same as trying every pattern.
"""
from __future__ import annotations

import html
import re

__all__ = ["markdown_to_text", "front_matter"]

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HR = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_REFDEF = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*\S+.*$")
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^[^\]]+\]:[ \t]*")
_BLOCKQUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_LIST = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_TASK = re.compile(r"^\[[ xX]\][ \t]+")
_TABLE_SEP = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_TEMPLATE = re.compile(r"\{\{(?:(?!\{\{|\}\}).)*\}\}", re.S)

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)")
_WIKI_LINK = re.compile(r"\[\[([^\[\]]*)\]\]")
_WIKI_FILE = re.compile(r"^\s*(?:file|image|media|category|文件|图像|檔案|图片|分类):", re.I)
_IMAGE = re.compile(r"!\[[^\]]*\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])")
_LINK = re.compile(r"\[([^\[\]]*)\]\((?:[^()]|\([^()]*\))*\)")
_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+|[^<>@\s]+@[^<>@\s]+\.[^<>\s]+)>", re.I)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_STAR = re.compile(r"(\*\*\*|\*\*|\*)(?=\S)(.+?)(?<=\S)\1")
_UNDERSCORE = re.compile(r"(?<![\w\\])(___|__|_)(?=\S)(.+?)(?<=\S)\1(?!\w)")

# Placeholders (private-use characters) that protect code spans and escaped characters.
_CODE_OPEN, _CODE_CLOSE = "\uf8f0", "\uf8f1"
_ESC_BASE = 0xF700  # escaped ASCII punctuation c is held as chr(_ESC_BASE + ord(c))
_ESC_RESTORE = re.compile("[\uf721-\uf77e]")
_CODE_HELD = re.compile(f"{_CODE_OPEN}(\\d+){_CODE_CLOSE}")

# First characters (after indentation) that can start a block marker: thematic break, reference or
# footnote definition, blockquote, heading, list item (a digit for ordered lists); setext underlines.
_BLOCK_FIRST = frozenset("-*_[>#+")
_SETEXT_FIRST = frozenset(" =-")


def markdown_to_text(text: str) -> str:
    """The text of a Markdown document, markup removed (see the module docstring)."""
    lines = text.split("\n")
    blank = [not line.strip() for line in lines]
    out: list[str | None] = [None] * len(lines)  # None: dropped
    kind = ["md"] * len(lines)  # md, code, drop

    _mark_front_matter(lines, kind)
    _mark_fences(lines, kind)

    i = 0
    while i < len(lines):
        if kind[i] != "md":
            if kind[i] == "code":
                out[i] = lines[i].rstrip()
            i += 1
            continue
        j = i
        while j < len(lines) and kind[j] == "md":
            j += 1
        for k, value in enumerate(_convert_run(lines[i:j], blank[i:j]), start=i):
            out[k] = value
        i = j

    result: list[str] = []
    for k, value in enumerate(out):
        if kind[k] == "code":
            result.append(value or "")
        elif value is not None and value.strip():
            result.append(value)
        elif blank[k] and kind[k] == "md" and result and result[-1] != "":
            result.append("")
    while result and result[-1] == "":
        result.pop()
    return "\n".join(result)


_FRONT_MATTER_HEAD = 64 * 1024  # characters searched for the closing line
_FRONT_MATTER_FIELD = re.compile(r"^(title|date)[ \t]*[:=][ \t]*(.*)$", re.I)
# what a line of a YAML or TOML block looks like: key: value / key = value, an indented or list
# continuation, a comment, a [table] header
_FRONT_MATTER_LINE = re.compile(r"^(?:[A-Za-z_][\w.-]*[ \t]*[:=]|[ \t]|- |#|\[)")


def front_matter(text: str, *, strict: bool = False) -> tuple[tuple[tuple[str, str], ...], int]:
    """``(meta, lines)``: ``front_matter.title`` and ``front_matter.date`` of a leading ``---`` (YAML)
    or ``+++`` (TOML) block, and how many lines the block spans with its fences (0: no block).

    ``strict`` (for plain text, where ``---`` may just be a rule): every line inside must look like
    YAML or TOML and one must be a ``key: value``.
    """
    head = text[:_FRONT_MATTER_HEAD].split("\n")
    first = head[0].lstrip("\ufeff").strip()
    if first not in ("---", "+++"):
        return (), 0
    closers = ("---", "...") if first == "---" else ("+++",)
    end = next((j for j in range(1, len(head)) if head[j].strip() in closers), 0)
    if not end:
        return (), 0
    block = head[1:end]
    if strict and not (all(_FRONT_MATTER_LINE.match(line) for line in block if line.strip())
                       and any(":" in line or "=" in line for line in block)):
        return (), 0
    found: dict[str, str] = {}
    for line in block:
        match = _FRONT_MATTER_FIELD.match(line)
        if match:
            value = _scalar(match.group(2))
            if value:
                found.setdefault("front_matter." + match.group(1).lower(), value)
    return tuple(sorted(found.items())), end + 1


def _scalar(value: str) -> str:
    """A YAML/TOML scalar as written: surrounding quotes and a trailing comment go; a block or
    collection (``|``, ``>``, ``[``, ``{``) gives ""."""
    value = value.strip()
    if len(value) >= 2 and value[0] in "\"'" and value[-1] == value[0]:
        return value[1:-1].strip()
    if value[:1] in ("|", ">", "[", "{"):
        return ""
    return value.split(" #", 1)[0].strip()


def _mark_front_matter(lines: list[str], kind: list[str]) -> None:
    if not lines:
        return
    first = lines[0].lstrip("\ufeff").strip()
    if first not in ("---", "+++"):
        return
    closers = ("---", "...") if first == "---" else ("+++",)
    for j in range(1, len(lines)):
        if lines[j].strip() in closers:
            for k in range(j + 1):
                kind[k] = "drop"
            return


def _mark_fences(lines: list[str], kind: list[str]) -> None:
    fence = ""
    for i, line in enumerate(lines):
        if kind[i] == "drop":
            continue
        if fence:
            stripped = line.strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                kind[i] = "drop"
                fence = ""
            else:
                kind[i] = "code"
            continue
        match = _FENCE.match(line) if ("`" in line or "~" in line) else None
        if match and not (match.group(1)[0] == "`" and "`" in line[match.end():]):
            fence = match.group(1)
            kind[i] = "drop"


def _remove_keeping_lines(pattern: re.Pattern[str], text: str) -> str:
    """Remove every match of ``pattern``, keeping the line breaks it spanned."""

    def keep_newlines(match: re.Match[str]) -> str:
        return "\n" * match.group(0).count("\n")

    return pattern.sub(keep_newlines, text)


def _convert_run(lines: list[str], blank: list[bool]) -> list[str | None]:
    """Convert consecutive Markdown lines (no fenced code inside); one result per line."""
    text = "\n".join(lines)
    if "<!--" in text:
        text = _remove_keeping_lines(_COMMENT, text)
    previous = None
    while previous != text and "{{" in text:  # innermost templates first, so nested ones go too
        previous = text
        text = _remove_keeping_lines(_TEMPLATE, text)
    work = text.split("\n")

    table_rows = _table_rows(work)
    result: list[str | None] = []
    for i, line in enumerate(work):
        if i in table_rows:
            result.append(None if _TABLE_SEP.match(line) else _table_row(line))
        elif line[:1] in _SETEXT_FIRST and _SETEXT.match(line) and i > 0 and not blank[i - 1] and work[i - 1].strip():
            result.append(None)
        else:
            result.append(_block_line(line))
    return result


def _table_rows(lines: list[str]) -> set[int]:
    """Indices of lines that belong to a pipe table (a block with a separator row)."""
    rows: set[int] = set()
    for i, line in enumerate(lines):
        if "|" not in line or not _TABLE_SEP.match(line) or "-" not in line:
            continue
        if i > 0 and "|" in lines[i - 1] and lines[i - 1].strip():
            rows.add(i - 1)
        rows.add(i)
        j = i + 1
        while j < len(lines) and lines[j].strip() and "|" in lines[j]:
            rows.add(j)
            j += 1
    return rows


def _table_row(line: str) -> str:
    body = _BLOCKQUOTE.sub("", line).strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells = [_inline(cell.strip()).strip() for cell in _CELL_SPLIT.split(body)]
    return "\t".join(cells)


def _block_line(line: str) -> str | None:
    line = line.rstrip()
    first = line.lstrip(" \t")[:1]
    if not first or (first not in _BLOCK_FIRST and not first.isdigit()):
        return _inline(line).strip(" \t")  # no block marker can start this line
    if _HR.match(line) or _REFDEF.match(line):
        return None
    line = _BLOCKQUOTE.sub("", line)
    if _HR.match(line):
        return None
    heading = _ATX.match(line)
    if heading:
        line = _ATX_CLOSE.sub("", line[heading.end():])
        if line.strip() == "#" * len(line.strip()):
            line = ""
    else:
        marker = _LIST.match(line)
        if marker:
            line = _TASK.sub("", line[marker.end():])
        line = _FOOTNOTE_DEF.sub("", line)
    return _inline(line).strip(" \t")


def _inline(text: str) -> str:
    if "\\" in text:
        text = _ESCAPE.sub(lambda m: chr(_ESC_BASE + ord(m.group(1))), text)
    codes: list[str] = []

    def hold_code(match: re.Match[str]) -> str:
        content = _ESC_RESTORE.sub(lambda m: "\\" + chr(ord(m.group(0)) - _ESC_BASE), match.group(2))
        if len(content) > 2 and content.startswith(" ") and content.endswith(" ") and content.strip():
            content = content[1:-1]
        codes.append(content)
        return f"{_CODE_OPEN}{len(codes) - 1}{_CODE_CLOSE}"

    if "`" in text:
        text = _CODE_SPAN.sub(hold_code, text)
    if "[" in text:
        if "[[" in text:
            text = _WIKI_LINK.sub(_wiki_link, text)
        if "![" in text:
            text = _IMAGE.sub("", text)
        if "](" in text:
            text = _LINK.sub(r"\1", text)
        if "][" in text:
            text = _REF_LINK.sub(r"\1", text)
        if "[^" in text:
            text = _FOOTNOTE_REF.sub("", text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
        text = _TAG.sub("", text)
    for _ in range(4):  # nested emphasis: ***a*** , **a *b* c**
        before = text
        if "~~" in text:
            text = _STRIKE.sub(r"\1", text)
        if "*" in text:
            text = _STAR.sub(r"\2", text)
        if "_" in text:
            text = _UNDERSCORE.sub(r"\2", text)
        if text == before:
            break
    if "&" in text:
        text = html.unescape(text)
    if codes:
        text = _CODE_HELD.sub(lambda m: codes[int(m.group(1))], text)
    if _ESC_RESTORE.search(text):
        text = _ESC_RESTORE.sub(lambda m: chr(ord(m.group(0)) - _ESC_BASE), text)
    return text


def _wiki_link(match: re.Match[str]) -> str:
    inner = match.group(1)
    if _WIKI_FILE.match(inner):
        return ""
    return inner.split("|")[-1].strip()
