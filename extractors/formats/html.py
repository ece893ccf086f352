"""HTML to plain text with the standard library's ``html.parser``.

The charset comes from a byte-order mark, else ``<meta charset>`` / ``http-equiv`` (or an XML
declaration), else it is detected as for plain text (:func:`extractors.formats.decode_text`: UTF-8,
GB18030, Big5, UTF-16 …); GB2312 and GBK declarations decode as GB18030,
their superset, and Latin-1 ones as windows-1252, as browsers do. Bytes that are valid UTF-8 (and not
plain ASCII) are read as UTF-8 even when the page declares another charset: such a declaration is
stale, since GBK text is practically never valid UTF-8.

``script``, ``style``, ``noscript``, ``template``, ``svg``, ``iframe``, comments and the ``head`` are
dropped, except that the first ``<title>`` text becomes the first line. Block elements end lines,
``<br>`` breaks one, table cells are separated by a tab, ``<pre>`` keeps its whitespace, and entities
are unescaped (``&nbsp;`` becomes a space). Elsewhere whitespace collapses as a browser shows it: runs
become one space, and a line break between two CJK characters disappears (CSS segment-break rule).

:func:`read_html` also passes on the ``<title>`` (``html.title``) and the publication time a
``<meta>`` element gives (``html.published_time``), as written: the first found of
:data:`PUBLISHED_TIME_KEYS`, in that order (``name``, ``property`` or ``itemprop``, any case).
"""
from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from extractors.formats import BINARY_REASON, Extracted, FormatError, bom_encoding, decode_text, looks_binary_text, newlines

__all__ = ["html_to_text", "read_html", "detect_charset", "PUBLISHED_TIME_KEYS"]

#: ``<meta>`` names that give a page's publication time, in order of precedence (compared in lower case):
#: Open Graph / article, the names Chinese news and government sites use (PubDate, publishdate,
#: firstpublishedtime on gov.cn), Dublin Core, schema.org.
PUBLISHED_TIME_KEYS: tuple[str, ...] = (
    "article:published_time", "og:published_time", "pubdate", "publishdate", "date", "dc.date",
    "dc.date.issued", "dcterms.issued", "dcterms.date", "dcterms.created", "firstpublishedtime",
    "datepublished",
)

_DROP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "head"})
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li", "main", "menu", "nav", "ol",
        "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "body",
        "html", "option",
    }
)
_HEAD_CONTENT = frozenset(
    {"base", "basefont", "bgsound", "link", "meta", "noscript", "script", "style", "template", "title",
     "object", "param"}
)
_CELL = frozenset({"td", "th"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
     "track", "wbr"}
)

_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_GB_ALIASES = frozenset({"gb2312", "gbk", "x-gbk", "gb_2312-80", "gb_2312", "csgb2312", "cp936", "ms936",
                         "windows-936", "euc-cn", "gb18030", "chinese", "iso-ir-58"})
_CELL_SEP = "\x1f"  # stands for the tab between table cells until whitespace is collapsed
_CELL_SEP_RE = re.compile(" ?\x1f ?")
_WINDOWS_1252_ALIASES = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii",
                                   "windows-1252", "cp1252", "x-cp1252", "iso_8859-1", "cp819", "ibm819"})
_COLLAPSE = re.compile(r"[ \t\n\r\f]+")
_CJK = re.compile(
    r"[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    r"\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]"
)


def detect_charset(data: bytes) -> str | None:
    """The charset an HTML file declares (BOM, ``<meta>``, XML declaration), as a Python codec name."""
    declared = bom_encoding(data)
    if declared:
        return declared
    head = data[:16384]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii", "replace").lower()
    if label in _GB_ALIASES:
        return "gb18030"
    if label in _WINDOWS_1252_ALIASES:  # as browsers do (WHATWG Encoding Standard)
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
        return None  # a UTF-16 file would have a BOM; this declaration is wrong (HTML spec says utf-8)
    return name


def _decode(data: bytes) -> Extracted:
    if bom_encoding(data):
        return decode_text(data)
    declared = detect_charset(data)
    if declared and declared != "utf-8" and not data.isascii():
        # A page declaring GB2312 (say) whose bytes are valid UTF-8 is a UTF-8 page with a stale
        # declaration (common after CMS migrations): GBK text is practically never valid UTF-8.
        try:
            return Extracted(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            pass
    if declared:
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            pass  # a wrong declaration: detect, as for an undeclared page
        else:
            if looks_binary_text(text):
                raise FormatError(BINARY_REASON)
            return Extracted(text, declared)
    return decode_text(data)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.title: list[str] = []
        self._inline: list[str] = []  # text of the line being built (whitespace not yet collapsed)
        self._drop: list[str] = []  # open dropped elements
        self._in_title = False
        self._title_done = False
        self._pre = 0
        self._cell_depth = 0
        self._cells_in_row = 0
        self.meta: dict[str, str] = {}  # first content of each <meta> name/property/itemprop, lower-cased key

    # -- structure ---------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(attrs)
        if "head" in self._drop and tag not in _HEAD_CONTENT:  # an unclosed <head> ends here
            del self._drop[self._drop.index("head"):]
        if tag == "title" and all(open_tag == "head" for open_tag in self._drop):  # not an <svg><title>
            if self._title_done:
                self._drop.append("title")  # only the first title counts
            else:
                self._in_title = True
            return
        if self._drop:
            if tag in _DROP and tag not in _VOID:
                self._drop.append(tag)
            return
        if tag in _DROP:
            self._drop.append(tag)
            return
        if tag == "br":
            self._break(hard=True)
        elif tag in _CELL:
            if self._cells_in_row:
                self._inline.append(_CELL_SEP)
            self._cells_in_row += 1
            self._cell_depth += 1
        elif tag in ("tr", "table"):
            self._end_row()
        elif tag in _BLOCK:
            self._break()
            if tag == "pre":
                self._pre += 1

    def _meta(self, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        content = values.get("content", "").strip()
        for attribute in ("property", "name", "itemprop"):
            key = values.get(attribute, "").strip().lower()
            if key and content:
                self.meta.setdefault(key, content)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP and tag not in ("head",):
            return  # <svg/> and friends: nothing inside
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._in_title:
            self._title_done = True
            self._in_title = False
            return
        if self._drop:
            if tag in self._drop:
                del self._drop[len(self._drop) - 1 - self._drop[::-1].index(tag):]
            return
        if tag in _CELL:
            self._cell_depth = max(0, self._cell_depth - 1)
        elif tag in ("tr", "table"):
            self._end_row()
        elif tag in _BLOCK:
            self._break()
            if tag == "pre":
                self._pre = max(0, self._pre - 1)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._drop:
            self._inline.append(data if not self._pre else _PreText(data))

    # comments, declarations, processing instructions: dropped (HTMLParser's defaults do nothing)

    # -- lines -------------------------------------------------------------------------------
    def _end_row(self) -> None:
        """A row (or table) ends: cells left open end with it."""
        self._cell_depth = 0
        self._cells_in_row = 0
        self._break()

    def _break(self, hard: bool = False) -> None:
        if self._cell_depth and self._cells_in_row:
            self._inline.append(" ")  # blocks inside a table cell stay on the row's line
            return
        text = _render(self._inline)
        self._inline = []
        if text.strip(" \t") or hard:
            self.lines.extend(text.split("\n"))

    @property
    def title_text(self) -> str:
        return _collapse("".join(self.title)).strip()

    def finish(self) -> list[str]:
        self._end_row()
        title = self.title_text
        lines = [line.rstrip(" \t") if line.strip(" \t") else "" for line in self.lines]
        cleaned: list[str] = []
        for line in lines:
            if line == "" and (not cleaned or cleaned[-1] == ""):
                continue
            cleaned.append(line)
        while cleaned and cleaned[-1] == "":
            cleaned.pop()
        return ([title] if title else []) + cleaned


class _PreText(str):
    """Text inside ``<pre>``: its whitespace is kept."""


def _collapse(text: str) -> str:
    def space(match: re.Match[str]) -> str:
        run = match.group(0)
        start, end = match.start(), match.end()
        if "\n" in run and 0 < start and end < len(text):
            if _CJK.match(text[start - 1]) and _CJK.match(text[end]):
                return ""
        return " "

    return _COLLAPSE.sub(space, text)


def _render(pieces: list[str]) -> str:
    """One block's text: normal text collapsed and trimmed, ``<pre>`` text kept as it is."""
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            out.append(_collapse("".join(run)))
            run.clear()

    for piece in pieces:
        if isinstance(piece, _PreText):
            flush()
            out.append(newlines(str(piece)))
        else:
            run.append(piece)
    flush()
    text = "".join(out)
    if not any(isinstance(p, _PreText) for p in pieces):
        text = text.strip(" ")
    else:
        text = text.lstrip("\n").rstrip()
    return _CELL_SEP_RE.sub("\t", text).replace("\xa0", " ")


def html_to_text(data: bytes) -> tuple[str, str]:
    """Decode an HTML file and return ``(text, encoding)``; see the module docstring."""
    extracted = read_html(data)
    return extracted.text, extracted.encoding


def read_html(data: bytes) -> Extracted:
    """Text, encoding, decoding warnings, title and publication time of an HTML file."""
    decoded = _decode(data)
    parser = _TextParser()
    try:
        parser.feed(newlines(decoded.text).lstrip("\ufeff"))
        parser.close()
    except Exception as exc:  # html.parser is lenient; anything it still raises is bad markup
        raise FormatError(f"cannot parse HTML: {exc}") from None
    lines = parser.finish()
    meta = []
    published = next((parser.meta[key] for key in PUBLISHED_TIME_KEYS if parser.meta.get(key)), "")
    if published:
        meta.append(("html.published_time", published))
    if parser.title_text:
        meta.append(("html.title", parser.title_text))
    return Extracted("\n".join(lines), decoded.encoding, decoded.warnings, tuple(sorted(meta)))
