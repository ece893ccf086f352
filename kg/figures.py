"""Timeline figures: several named series over the same ordered periods, one PNG, Chinese labels.

Researchers publish these (how often 新质生产力, 科技自立自强 and 新型举国体制 appear per quarter), so
the labels must be Chinese and must never come out as boxes. matplotlib's bundled font (DejaVu Sans)
has no Chinese characters, so a CJK font is looked up:

1. the file named by the environment variable ``KG_CJK_FONT`` (a .ttf, .otf or .ttc), if set;
2. otherwise an installed CJK font, through matplotlib's font manager (and, when its cache predates
   the font's installation, the system font folders), preferring the families of
   :data:`CJK_FAMILIES` in that order (Simplified Chinese faces first), then path order.

When none is found, :class:`CjkFontMissing` says so and how to get one (Debian/Ubuntu:
``apt-get install fonts-noto-cjk``). Before drawing, every character of every label is checked
against the chosen font; a character it lacks is an error naming it, never a box.

Same input and same installed font, same bytes: matplotlib's defaults are used whatever the user's
matplotlibrc says, the ``Software`` entry of the PNG metadata is dropped (PNG output carries no
date), the font is chosen deterministically, and nothing global is touched (no pyplot, no font
registration; rc settings live inside a context). matplotlib is an optional extra:
``pip install 'kg-policy[figures]'``.
"""
from __future__ import annotations

import io
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from extractors.errors import KgError

#: Environment variable naming a font file to use for Chinese labels.
FONT_ENV = "KG_CJK_FONT"
#: Preferred families, best first (Simplified Chinese faces before the others of the same design).
CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "AR PL UMing CN",
    "AR PL UKai CN",
    "Noto Sans CJK TC",
    "Noto Sans CJK HK",
    "Noto Sans CJK JP",
    "Noto Sans CJK KR",
    "Droid Sans Fallback",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
)
# other families that hold Chinese characters, after the preferred ones
_CJK_NAME = re.compile(
    r"CJK|Source Han|WenQuanYi|AR PL|Droid Sans Fallback|Noto Sans SC|Noto Serif SC|YaHei|SimHei|SimSun|PingFang|Heiti|"
    r"Songti|Kaiti|FangSong", re.I)
_CJK_FILE = re.compile(r"cjk|sourcehan|wqy|uming|ukai|droidsansfallback|notosanssc|notoserifsc|msyh|simhei|simsun|pingfang", re.I)
_PROBE = "中国科技创新"  # a font without these is not a Chinese font
_HOW_TO_GET_ONE = (
    "install one (Debian/Ubuntu: apt-get install fonts-noto-cjk; elsewhere Noto Sans CJK or Source Han Sans) "
    f"or set {FONT_ENV} to a .ttf, .otf or .ttc file that has Chinese characters"
)
_DPI = 150
_SIZE = (10.0, 5.0)  # inches
_MAX_TICK_LABELS = 24


class FigureError(KgError):
    """A figure that cannot be drawn: bad series, a missing dependency or font. Says what to do."""


class CjkFontMissing(FigureError):
    """No font with Chinese characters is installed (or the one named by KG_CJK_FONT is not one)."""


@dataclass(frozen=True, slots=True)
class CjkFont:
    """The font Chinese labels are drawn with: a file, the face inside it (.ttc), its family and style."""

    path: str
    face_index: int
    family: str
    style: str = "Regular"


def find_cjk_font() -> CjkFont:
    """The CJK font figures use (see the module docstring); CjkFontMissing when there is none."""
    _matplotlib()
    named = os.environ.get(FONT_ENV, "").strip()
    if named:
        return _font_from_file(named)
    for font in _installed_candidates():
        if _has_glyphs(font, _PROBE):
            return font
    raise CjkFontMissing(f"no CJK font is installed, so Chinese labels cannot be drawn: {_HOW_TO_GET_ONE}")


def timeline_png(
    series: Mapping[str, Sequence[float]],
    *,
    periods: Sequence[str],
    title: str = "",
    ylabel: str = "",
    xlabel: str = "",
) -> bytes:
    """A line chart of named series (``{"新质生产力": [0, 3, 12], ...}``) over ``periods``, as PNG bytes
    (a NaN value is a gap in its line: a period with nothing to count).

    Every series has one value per period, in the order of ``periods``; series are drawn and
    listed in the legend in the order given. Raises FigureError naming a bad series, CjkFontMissing
    without a CJK font, FigureError naming characters the font lacks.
    """
    periods = [str(p) for p in periods]
    rows = _check_series(series, periods)
    font = find_cjk_font()
    text = "".join([title, ylabel, xlabel, *periods, *rows, "0123456789.-"])  # and the tick numbers
    missing = sorted({c for c in text if not c.isspace()} - _covered(font, text))
    if missing:
        raise FigureError(f"the font {font.family} ({font.path}) has no glyph for {''.join(missing)!r}: set {FONT_ENV} to a font that has")
    return _draw(rows, periods, font, title=title, ylabel=ylabel, xlabel=xlabel)


def timeline_figure(
    series: Mapping[str, Sequence[float]],
    path: str | os.PathLike,
    *,
    periods: Sequence[str],
    title: str = "",
    ylabel: str = "",
    xlabel: str = "",
) -> Path:
    """Write :func:`timeline_png` to ``path`` (a .png file) and return the path."""
    png = timeline_png(series, periods=periods, title=title, ylabel=ylabel, xlabel=xlabel)
    target = Path(path)
    try:
        target.write_bytes(png)
    except OSError as exc:
        raise FigureError(f"{target}: cannot write the figure ({exc.strerror or exc})") from None
    return target


# -- steps ------------------------------------------------------------------------------------------


def _matplotlib():
    try:
        import matplotlib
    except ImportError:
        raise FigureError("figures need matplotlib, an optional extra: pip install 'kg-policy[figures]'") from None
    return matplotlib


def _check_series(series: Mapping[str, Sequence[float]], periods: list[str]) -> dict[str, list[float]]:
    if not periods:
        raise FigureError("a timeline needs at least one period")
    if not series:
        raise FigureError("a timeline needs at least one series")
    rows: dict[str, list[float]] = {}
    for name, values in series.items():
        if not isinstance(name, str) or not name.strip():
            raise FigureError(f"series names must be non-empty text; got {name!r}")
        values = list(values)
        if len(values) != len(periods):
            raise FigureError(f"series {name!r} has {len(values)} values for {len(periods)} periods")
        try:
            numbers = [float(v) for v in values]
        except (TypeError, ValueError):
            raise FigureError(f"series {name!r} holds a value that is not a number") from None
        if any(math.isinf(v) for v in numbers):
            raise FigureError(f"series {name!r} holds a value that is not a finite number")
        if all(math.isnan(v) for v in numbers):
            raise FigureError(f"series {name!r} has no value in any period (NaN marks a gap)")
        rows[name] = numbers
    return rows


def _font_from_file(named: str) -> CjkFont:
    path = Path(named).expanduser()
    if not path.is_file():
        raise CjkFontMissing(f"{FONT_ENV} names {named!r}, which is not a file: point it at a .ttf, .otf or .ttc font, "
                             f"or unset it and {_HOW_TO_GET_ONE}")
    try:
        faces = _faces(str(path))
    except (OSError, RuntimeError, ValueError) as exc:
        raise CjkFontMissing(f"{FONT_ENV} names {named!r}, which is not a font file FreeType can read ({exc})") from None
    for font in sorted(faces, key=_preference):
        if _has_glyphs(font, _PROBE):
            return font
    raise CjkFontMissing(f"{FONT_ENV} names {named!r}, a font without Chinese characters: {_HOW_TO_GET_ONE}")


def _faces(path: str) -> list[CjkFont]:
    from matplotlib import ft2font

    first = ft2font.FT2Font(path)
    count = getattr(first, "num_faces", 1) if _face_indices_supported() else 1
    return [_face(path, index) for index in range(count)]


def _face(path: str, index: int) -> CjkFont:
    from matplotlib import ft2font

    face = ft2font.FT2Font(path, face_index=index) if index else ft2font.FT2Font(path)
    return CjkFont(path, index, face.family_name, face.style_name)


def _face_indices_supported() -> bool:
    from matplotlib import font_manager

    return hasattr(font_manager, "FontPath")  # matplotlib ≥ 3.11 draws any face of a .ttc


def _preference(font: CjkFont) -> tuple:
    rank = CJK_FAMILIES.index(font.family) if font.family in CJK_FAMILIES else len(CJK_FAMILIES)
    upright = font.style.lower() in ("regular", "book", "normal", "roman")
    return (rank, not upright, font.family, font.style, font.path, font.face_index)


def _installed_candidates() -> list[CjkFont]:
    """Installed fonts whose family looks Chinese, best first: the font manager's list, then font
    files on disk that its cache does not know yet (a font installed after the cache was built)."""
    from matplotlib import font_manager

    indexed = _face_indices_supported()
    entries = font_manager.fontManager.ttflist
    faces = {(e.fname, getattr(e, "index", 0) if indexed else 0) for e in entries if _CJK_NAME.search(e.name)}
    known_files = {e.fname for e in entries}
    unknown_files = [p for p in font_manager.findSystemFonts() if p not in known_files and _CJK_FILE.search(os.path.basename(p))]
    candidates = []
    for path, index in sorted(faces):
        try:
            candidates.append(_face(path, index))
        except (OSError, RuntimeError, ValueError):
            continue
    for path in sorted(unknown_files):
        try:
            candidates.extend(f for f in _faces(path) if _CJK_NAME.search(f.family))
        except (OSError, RuntimeError, ValueError):
            continue
    return sorted(candidates, key=_preference)


def _charmap(font: CjkFont) -> set[int]:
    from matplotlib import ft2font

    face = ft2font.FT2Font(font.path, face_index=font.face_index) if font.face_index else ft2font.FT2Font(font.path)
    return set(face.get_charmap())


def _has_glyphs(font: CjkFont, text: str) -> bool:
    try:
        charmap = _charmap(font)
    except (OSError, RuntimeError, ValueError):
        return False
    return all(ord(c) in charmap for c in text)


def _covered(font: CjkFont, text: str) -> set[str]:
    charmap = _charmap(font)
    return {c for c in text if ord(c) in charmap}


def _font_properties(font: CjkFont):
    from matplotlib import font_manager

    file = font_manager.FontPath(font.path, font.face_index) if _face_indices_supported() else font.path
    return font_manager.FontProperties(fname=file)


def _draw(rows: dict[str, list[float]], periods: list[str], font: CjkFont, *, title: str, ylabel: str, xlabel: str) -> bytes:
    matplotlib = _matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context():
        matplotlib.rcdefaults()  # the user's matplotlibrc must not change the bytes (restored on exit)
        matplotlib.rcParams["axes.unicode_minus"] = False  # tick labels use the CJK font: keep to ASCII "-"
        prop = _font_properties(font)
        figure = Figure(figsize=_SIZE, dpi=_DPI, layout="constrained")
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        positions = list(range(len(periods)))
        marker = "o" if len(periods) <= 40 else None
        for name, values in rows.items():
            axes.plot(positions, values, marker=marker, markersize=3.5, linewidth=1.6, label=name)
        step = max(1, math.ceil(len(periods) / _MAX_TICK_LABELS))
        shown = positions[::step]
        long_labels = len(shown) * max(len(p) for p in periods) > 80  # would they touch side by side?
        axes.set_xticks(shown, [periods[i] for i in shown], fontproperties=prop, rotation=45 if long_labels else 0,
                        ha="right" if long_labels else "center")
        axes.set_xlim(-0.5, len(periods) - 0.5)
        if all(v >= 0 for values in rows.values() for v in values):  # counts: the axis starts at zero
            axes.set_ylim(bottom=-0.02 * (max(max(values) for values in rows.values()) or 1))
        axes.grid(axis="y", alpha=0.3)
        for label in axes.get_yticklabels():
            label.set_fontproperties(prop)
        if title:
            axes.set_title(title, fontproperties=prop, fontsize=14)
        if ylabel:
            axes.set_ylabel(ylabel, fontproperties=prop, fontsize=11)
        if xlabel:
            axes.set_xlabel(xlabel, fontproperties=prop, fontsize=11)
        axes.legend(prop=prop, frameon=False, loc="best")
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=_DPI, metadata={"Software": None})
    return buffer.getvalue()
