"""The date of a document: when it was published, how precisely that is known, and who said so.

Time is the question researchers ask most (when did 新质生产力 enter the vocabulary, when did it
burst), so every document date carries its precision and its source, and a date that cannot be
trusted is left out: a wrong date is worse than none. Pure: no I/O, no state.

Sources, highest precedence first:

=====  ===================  ==============================================================
rank   source               what counts
=====  ===================  ==============================================================
1      ``manifest``         the ``date`` column of ``manifest.csv`` (the user's own word)
2      ``front-matter``     ``front_matter.date`` (Markdown/YAML front matter)
3      ``title``            a full date in the title line or dateline at the top of the
                            text (the first line of the head that carries one), or in a
                            title field (``front_matter.title``, ``html.title``,
                            ``docx.title``, ``pdf.title``)
4      ``path``             the file or folder names (``20230908.md``, ``2023-09-08_x``,
                            ``2023_09_08``, ``2004.txt``, ``2024/03/x``, ``2024/03/08/x``)
5      ``html-meta``        ``html.published_time``                    } last resort only:
6      ``docx-properties``  ``docx.created`` (else ``docx.modified``)  } often the date of
7      ``pdf-info``         ``pdf.creation_date`` (else ``pdf.mod_date``)} a conversion
=====  ===================  ==============================================================

How they combine:

- Two dates *agree* when one is a prefix of the other (``2023`` and ``2023-09-08``). Among
  agreeing sources the most precise wins (a tie goes to the higher rank), so a manifest that says
  ``2025`` and a dateline that says ``2025-12-19`` give ``2025-12-19`` from ``title``.
- Disagreeing sources are never resolved silently: the higher rank wins and the disagreement is
  listed in ``conflicts`` as ``"manifest=2023 vs path=2024"``, for the build summary.
- One source that says two disagreeing things (two dates in the dateline, a folder ``2024/03``
  holding ``2023.txt``) says nothing: it is ambiguous, and the disagreement is listed.
- Ranks 5–7 are consulted only when ranks 1–4 said nothing at all (not even something ambiguous);
  they never refine or contradict a better source, because they are usually the day a file was
  converted or saved, not the day the text was published.
- ``date_from="path"`` (or any other source) uses that source alone, nothing else.

What counts as a date is strict:

- Calendar-valid only (no ``20231301``, no 29 February of a common year); years 1949–2099 except
  in the manifest and front matter, which are the user's explicit word.
- In the text, only the head is read: the first :data:`HEAD_LINES` non-empty lines, stopping at
  the first body paragraph (a line longer than :data:`HEAD_LINE_MAX` characters). There a date is
  a full day (``2025年12月19日``, ``二〇二五年十二月十九日``, ``2025-12-19``, ``2025/12/19``,
  ``2025.12.19``, ``（20230908）``), or a month when the line holds nothing else
  (``2025年12月``, ``2025-12``). A year alone in a title is not a publication date
  (``2024年工作要点`` is often published in 2023); an issue number is not a month
  (``2025年第12期``).
- In a path, a digit run counts only when it stands alone: between separators, never touching a
  Latin letter (so the hash ``004_dff61195967c57f5`` holds no date) nor joined to other digits
  (``001_2023`` and ``2023_12`` are not dates: which part is what cannot be told). Forms:
  ``YYYYMMDD``; ``YYYY-MM-DD``, ``YYYY_MM_DD``, ``YYYY.MM.DD`` (one separator); ``YYYY-MM``;
  ``YYYY``; ``YYYY年M月D日`` and ``YYYY年M月``; and folders ``YYYY/MM`` and ``YYYY/MM/DD``.
- Metadata values are read whole: ISO 8601 (``2023-09-08``, ``2023-09-08T10:00:00+08:00``,
  ``2023-09-08 10:00:00``, ``20230908T100000Z``), PDF dates (``D:20230908120000+08'00'``),
  ``2023年9月8日``, ``2023/09/08``, RFC 2822 (``Fri, 08 Sep 2023 10:00:00 +0800``). The date is
  the calendar date as written, in the zone it was written in: converting zones could move it
  across midnight, and which zone the publisher meant is not known. ``09/08/2023`` is unreadable
  (month or day first?), hence no date.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date as _calendar_date
from email.utils import parsedate_tz
from typing import Iterable, Mapping

from extractors.errors import KgError
from extractors.records import DATE_SOURCES, DocumentDate

#: The metadata keys a reader may hand over, and the source each belongs to.
METADATA_KEYS: dict[str, str] = {
    "front_matter.date": "front-matter",
    "front_matter.title": "title",
    "html.published_time": "html-meta",
    "html.title": "title",
    "docx.created": "docx-properties",
    "docx.modified": "docx-properties",
    "docx.title": "title",
    "pdf.creation_date": "pdf-info",
    "pdf.mod_date": "pdf-info",
    "pdf.title": "title",
}
#: Sources used only when the better ones said nothing.
LAST_RESORT: tuple[str, ...] = ("html-meta", "docx-properties", "pdf-info")
#: How many non-empty lines at the top of the text may hold the title and dateline.
HEAD_LINES = 5
#: A longer line is a body paragraph: the head ends before it.
HEAD_LINE_MAX = 80
#: Years a date found in text, paths or file metadata may have.
YEARS = (1949, 2099)
_ANY_YEAR = (1, 9999)
_PRECISION = {4: "year", 7: "month", 10: "day"}

# -- text: full dates anywhere in a head line, months only as the whole line ----------------------
_CN_DIGITS = "〇○零一二三四五六七八九"
_CN_DAY = re.compile(r"(?<![0-9])(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_CN_NUMERAL_DAY = re.compile(
    rf"([{_CN_DIGITS}]{{4}})\s*年\s*(十[一二]?|[一二三四五六七八九])\s*月\s*([一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*日"
)
_SEPARATED_DAY = re.compile(r"(?<![0-9A-Za-z./\-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![0-9])(?![-/.][0-9])")
_COMPACT_DAY = re.compile(r"(?<![0-9A-Za-z])(\d{4})(\d{2})(\d{2})(?![0-9A-Za-z])")
_MONTH_LINE = re.compile(r"^\W*(\d{4})\s*(?:年\s*(\d{1,2})\s*月|-(\d{2}))\W*$")

# -- paths ----------------------------------------------------------------------------------------
_SUFFIX = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,7}$")
_CN_PATH_DATE = re.compile(r"(?<![0-9])(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?")
# a digit run joined by - _ . that touches no letter and no other digit run (atomic: no backtracking)
_PATH_RUN = re.compile(r"(?<![0-9A-Za-z])(?<![0-9][-_.])(?>\d+(?:[-_.]\d+)*)(?![0-9A-Za-z])")

# -- metadata values: read whole ------------------------------------------------------------------
_TIME = r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?\s*(?:Z|[+\-]\d{2}(?::?\d{2})?)?"
_ISO_VALUE = re.compile(rf"(\d{{4}})(?:-(\d{{1,2}})(?:-(\d{{1,2}}){_TIME})?)?", re.I)
_ISO_BASIC_VALUE = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T\d{2}(?:\d{2}(?:\d{2}(?:[.,]\d+)?)?)?)?(?:Z|[+\-]\d{2}(?::?\d{2})?)?", re.I)
_SLASH_VALUE = re.compile(r"(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
_CN_VALUE = re.compile(r"(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?")
_PDF_VALUE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?(?:\d{2}(?:\d{2}(?:\d{2})?)?)?(?:[Zz]|[+\-]\d{2}'?(?:\d{2}'?)?)?")


@dataclass(frozen=True, slots=True)
class _Reading:
    """What one source says: a date (``""`` for nothing or ambiguous) and its own disagreements."""

    source: str
    date: str = ""
    conflicts: tuple[str, ...] = ()

    @property
    def said_something(self) -> bool:
        return bool(self.date or self.conflicts)


def document_date(
    path: str,
    text: str = "",
    *,
    metadata: Mapping[str, str] | Iterable[tuple[str, str]] = (),
    manifest_date: str = "",
    date_from: str = "auto",
) -> DocumentDate:
    """The date of one document, with its precision, its source and any disagreement.

    ``path``: the document id or relative path, posix, with its suffix (folders count).
    ``text``: the normalised text; only its head (title and dateline) is read.
    ``metadata``: ``(key, raw value)`` pairs from the reader, keys from :data:`METADATA_KEYS`.
    ``manifest_date``: the manifest's ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or ``""``.
    ``date_from``: ``"auto"`` (the precedence in the module docstring) or one source of
    :data:`~extractors.records.DATE_SOURCES` to use alone.

    Raises KgError for a manifest date that is not a calendar date or an unknown ``date_from``,
    ValueError for a metadata key the reader should not send.
    """
    if date_from != "auto" and date_from not in DATE_SOURCES:
        raise KgError(f"date_from must be 'auto' or one of {', '.join(DATE_SOURCES)}; got {date_from!r}")
    values = _metadata_values(metadata)
    readers = {
        "manifest": lambda: _read_manifest(path, manifest_date),
        "front-matter": lambda: _read_values("front-matter", values["front_matter.date"], years=_ANY_YEAR),
        "title": lambda: _read_title(text, values),
        "path": lambda: _read_path(path),
        "html-meta": lambda: _read_values("html-meta", values["html.published_time"]),
        "docx-properties": lambda: _read_preferred("docx-properties", values["docx.created"], values["docx.modified"]),
        "pdf-info": lambda: _read_preferred("pdf-info", values["pdf.creation_date"], values["pdf.mod_date"], pdf=True),
    }
    if date_from != "auto":
        return _combine([readers[date_from]()])
    primary = [readers[source]() for source in DATE_SOURCES if source not in LAST_RESORT]
    if any(reading.said_something for reading in primary):
        return _combine(primary)
    return _combine([readers[source]() for source in LAST_RESORT])


def parse_date_value(value: str, *, pdf: bool = False, years: tuple[int, int] = YEARS) -> str:
    """A metadata value read whole as a date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), or ``""``.

    ``pdf=True`` also reads the PDF date grammar (``D:YYYYMMDDHHmmSSOHH'mm'``, truncated anywhere
    after the year). The date is the calendar date as written, whatever the time zone.
    """
    value = value.strip()
    if not value:
        return ""
    if pdf and (match := _PDF_VALUE.fullmatch(value)):
        return _iso(match.group(1), match.group(2), match.group(3), years=years)
    for pattern in (_ISO_VALUE, _ISO_BASIC_VALUE, _CN_VALUE):
        if match := pattern.fullmatch(value):
            return _iso(match.group(1), match.group(2), match.group(3), years=years)
    if match := _SLASH_VALUE.fullmatch(value):
        return _iso(match.group(1), match.group(3), match.group(4), years=years)
    if re.search(r"[A-Za-z]{3}", value) and (parts := parsedate_tz(value)):
        return _iso(parts[0], parts[1], parts[2], years=years)
    return ""


def precision_of(date: str) -> str:
    """``"year"``, ``"month"``, ``"day"`` for a canonical date, ``""`` for ``""``."""
    return _PRECISION.get(len(date), "")


# -- one reader per source ------------------------------------------------------------------------


def _metadata_values(metadata: Mapping[str, str] | Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    pairs = metadata.items() if isinstance(metadata, Mapping) else metadata
    values: dict[str, list[str]] = {key: [] for key in METADATA_KEYS}
    for key, value in pairs:
        if key not in METADATA_KEYS:
            raise ValueError(f"unknown metadata key {key!r}; expected one of {', '.join(METADATA_KEYS)}")
        if value is not None and str(value).strip():
            values[key].append(str(value))
    return values


def _read_manifest(path: str, value: str) -> _Reading:
    value = value.strip()
    if not value:
        return _Reading("manifest")
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    date = _iso(*match.groups(), years=_ANY_YEAR) if match else ""
    if not date:
        raise KgError(f"{path}: manifest date {value!r} is not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return _Reading("manifest", date)


def _read_values(source: str, values: list[str], *, pdf: bool = False, years: tuple[int, int] = YEARS) -> _Reading:
    dates, unreadable = [], []
    for value in values:
        date = parse_date_value(value, pdf=pdf, years=years)
        (dates if date else unreadable).append(date or value)
    reading = _settle(source, dates)
    if source == "front-matter":  # the user wrote it: say when it cannot be read
        notes = tuple(f"{source}: {value!r} is not a date" for value in unreadable)
        return _Reading(source, reading.date, reading.conflicts + notes)
    return reading


def _read_preferred(source: str, preferred: list[str], fallback: list[str], *, pdf: bool = False) -> _Reading:
    """The preferred field (creation) when it reads as a date, else the fallback (modification)."""
    first = _read_values(source, preferred, pdf=pdf)
    return first if first.said_something else _read_values(source, fallback, pdf=pdf)


def _read_title(text: str, values: dict[str, list[str]]) -> _Reading:
    dates = list(_head_dates(text))
    for key in ("front_matter.title", "html.title", "docx.title", "pdf.title"):
        for title in values[key]:
            dates.extend(_line_dates(title.strip()))
    return _settle("title", dates)


def _read_path(path: str) -> _Reading:
    return _settle("path", _path_dates(path))


# -- combining ------------------------------------------------------------------------------------


def _agree(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _settle(source: str, dates: list[str]) -> _Reading:
    """One source's dates: the most precise if they all agree, nothing (and why) if they do not."""
    distinct = list(dict.fromkeys(d for d in dates if d))
    if not distinct:
        return _Reading(source)
    finest = max(distinct, key=len)
    if all(finest.startswith(d) for d in distinct):
        return _Reading(source, finest)
    # name only the finest date of each line of agreement (2024 is implied by 2024-03)
    leaves = sorted(d for d in distinct if not any(o != d and o.startswith(d) for o in distinct))
    clashes = tuple(f"{source}={a} vs {source}={b}" for a, b in itertools.combinations(leaves, 2) if not _agree(a, b))
    return _Reading(source, "", clashes)


def _combine(readings: list[_Reading]) -> DocumentDate:
    """Readings in precedence order -> the document's date (see the module docstring)."""
    conflicts = [c for reading in readings for c in reading.conflicts]
    best: _Reading | None = None
    for reading in readings:
        if not reading.date:
            continue
        if best is None:
            best = reading
        elif _agree(reading.date, best.date):
            if len(reading.date) > len(best.date):
                best = reading
        else:
            conflicts.append(f"{best.source}={best.date} vs {reading.source}={reading.date}")
    if best is None:
        return DocumentDate(conflicts=tuple(conflicts))
    return DocumentDate(best.date, precision_of(best.date), best.source, tuple(conflicts))


# -- finding dates --------------------------------------------------------------------------------


def _iso(year, month=None, day=None, *, years: tuple[int, int] = YEARS) -> str:
    """The canonical form of a calendar date, or ``""`` when it is not one."""
    y = int(year)
    if not years[0] <= y <= years[1]:
        return ""
    if month is None:
        return f"{y:04d}"
    m = int(month)
    if not 1 <= m <= 12:
        return ""
    if day is None:
        return f"{y:04d}-{m:02d}"
    try:
        return _calendar_date(y, m, int(day)).isoformat()
    except ValueError:
        return ""


def _cn_number(numeral: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31; year digits 二〇二五 → 2025."""
    digit = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0}
    if "十" not in numeral:
        return int("".join(str(digit[c]) for c in numeral))
    tens, _, units = numeral.partition("十")
    return (digit[tens] if tens else 1) * 10 + (digit[units] if units else 0)


def _head(text: str) -> list[str]:
    lines: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if len(line) > HEAD_LINE_MAX or len(lines) == HEAD_LINES:
            break
        lines.append(line)
    return lines


def _head_dates(text: str) -> list[str]:
    """Dates of the first head line that has any (the title line or the dateline)."""
    for line in _head(text):
        if dates := _line_dates(line):
            return dates
    return []


def _line_dates(line: str) -> list[str]:
    """Full dates anywhere in one title or dateline; a month only when it is the whole line."""
    found = [_iso(m[1], m[2], m[3]) for m in _CN_DAY.finditer(line)]
    found += [_iso(_cn_number(m[1]), _cn_number(m[2]), _cn_number(m[3])) for m in _CN_NUMERAL_DAY.finditer(line)]
    found += [_iso(m[1], m[3], m[4]) for m in _SEPARATED_DAY.finditer(line)]
    found += [_iso(m[1], m[2], m[3]) for m in _COMPACT_DAY.finditer(line)]
    if month := _MONTH_LINE.match(line):
        found.append(_iso(month[1], month[2] or month[3]))
    return [d for d in found if d]


def _path_dates(path: str) -> list[str]:
    parts = [p for p in path.replace("\\", "/").split("/") if p and p != "."]
    if parts:
        parts[-1] = _SUFFIX.sub("", parts[-1])
    dates = [d for part in parts for d in _component_dates(part)]
    return dates + _folder_dates(parts)


def _component_dates(name: str) -> list[str]:
    dates = [_iso(m[1], m[2], m[3]) for m in _CN_PATH_DATE.finditer(name)]
    rest = _CN_PATH_DATE.sub(" ", name)
    return [d for d in dates if d] + [d for m in _PATH_RUN.finditer(rest) if (d := _run_date(m[0]))]


def _run_date(run: str) -> str:
    """A standalone digit run as a date, or ``""`` when it is not unambiguously one."""
    parts = re.split(r"[-_.]", run)
    separators = set(re.findall(r"[-_.]", run))
    widths = [len(p) for p in parts]
    if widths == [8]:
        return _iso(run[:4], run[4:6], run[6:])
    if widths == [4]:
        return _iso(run)
    if len(parts) == 3 and len(separators) == 1 and widths[0] == 4 and max(widths[1:]) <= 2:
        return _iso(*parts)
    if widths == [4, 2] and separators == {"-"}:
        return _iso(*parts)
    return ""


def _folder_dates(parts: list[str]) -> list[str]:
    """``2024/03/…`` is March 2024 and ``2024/03/08/…`` the 8th (two-digit month and day only)."""
    dates = []
    for i, part in enumerate(parts[:-1]):
        if re.fullmatch(r"\d{4}", part) and re.fullmatch(r"\d{2}", parts[i + 1]):
            if i + 2 < len(parts) and re.fullmatch(r"\d{2}", parts[i + 2]):
                dates.append(_iso(part, parts[i + 1], parts[i + 2]))
            else:
                dates.append(_iso(part, parts[i + 1]))
    return [d for d in dates if d]
