"""Timeline figures: Chinese labels with an installed CJK font (or a clear error), same input same bytes."""
from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest

from extractors.errors import KgError
from kg import figures
from kg.figures import CjkFontMissing, FigureError, find_cjk_font, timeline_figure, timeline_png

PERIODS = ["2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4", "2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]
SERIES = {
    "新质生产力": [0, 0, 0, 0, 0, 0, 4, 11],
    "科技自立自强": [3, 5, 4, 6, 5, 7, 6, 8],
    "新型举国体制": [1, 0, 2, 1, 3, 2, 2, 1],
}
LABELS = dict(periods=PERIODS, title="政策概念的季度提及", ylabel="提及文档数")
DEJAVU = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"


@pytest.fixture(autouse=True)
def no_font_override(monkeypatch):
    monkeypatch.delenv(figures.FONT_ENV, raising=False)


def test_a_timeline_with_chinese_labels_is_drawn():
    # Fails with CjkFontMissing ("no CJK font is installed ... apt-get install fonts-noto-cjk ...")
    # on a machine without one: `make test-tools` installs it.
    png = timeline_png(SERIES, **LABELS)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (1500, 750)


def test_the_font_has_every_character_of_the_labels():
    font = find_cjk_font()
    text = "".join([*SERIES, *LABELS["periods"], LABELS["title"], LABELS["ylabel"]])
    assert figures._covered(font, text) == set(text)


def test_same_input_same_bytes_and_no_software_stamp():
    first = timeline_png(SERIES, **LABELS)
    assert timeline_png(dict(SERIES), **LABELS) == first
    assert b"Software" not in first and b"matplotlib" not in first


def test_the_users_matplotlib_settings_do_not_change_the_bytes():
    expected = timeline_png(SERIES, **LABELS)
    with matplotlib.rc_context({"lines.linewidth": 6, "axes.prop_cycle": matplotlib.cycler(color=["k"]), "font.size": 20}):
        assert timeline_png(SERIES, **LABELS) == expected
    assert matplotlib.rcParams["lines.linewidth"] != 6  # and the figure left them as they were


def test_timeline_figure_writes_the_png(tmp_path):
    path = timeline_figure(SERIES, tmp_path / "timeline.png", **LABELS)
    assert path.read_bytes() == timeline_png(SERIES, **LABELS)


def test_many_periods_get_thinned_tick_labels():
    periods = [f"{2000 + i // 12}-{i % 12 + 1:02d}" for i in range(120)]
    png = timeline_png({"科技金融": [i % 7 for i in range(120)]}, periods=periods, title="月度")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_no_cjk_font_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(figures, "_installed_candidates", lambda: [])
    with pytest.raises(CjkFontMissing) as error:
        timeline_png(SERIES, **LABELS)
    message = str(error.value)
    assert "no CJK font is installed" in message
    assert "apt-get install fonts-noto-cjk" in message and "KG_CJK_FONT" in message
    assert isinstance(error.value, KgError)


def test_a_font_named_in_the_environment_is_used(monkeypatch):
    installed = find_cjk_font()
    monkeypatch.setenv(figures.FONT_ENV, installed.path)
    chosen = find_cjk_font()
    assert chosen.path == installed.path and "中" in figures._covered(chosen, "中")


def test_a_missing_font_file_in_the_environment_is_named(monkeypatch, tmp_path):
    monkeypatch.setenv(figures.FONT_ENV, str(tmp_path / "nowhere.ttf"))
    with pytest.raises(CjkFontMissing, match=r"KG_CJK_FONT names '.*nowhere\.ttf', which is not a file"):
        find_cjk_font()


def test_a_font_without_chinese_in_the_environment_is_refused(monkeypatch):
    monkeypatch.setenv(figures.FONT_ENV, str(DEJAVU))
    with pytest.raises(CjkFontMissing, match="a font without Chinese characters"):
        find_cjk_font()


def test_a_file_that_is_not_a_font_is_refused(monkeypatch, tmp_path):
    bogus = tmp_path / "font.ttf"
    bogus.write_text("not a font")
    monkeypatch.setenv(figures.FONT_ENV, str(bogus))
    with pytest.raises(CjkFontMissing, match="not a font file FreeType can read"):
        find_cjk_font()


def test_a_character_the_font_lacks_is_named_not_drawn_as_a_box():
    with pytest.raises(FigureError, match="has no glyph for '𓀀'"):
        timeline_png({"新质生产力𓀀": [1] * 8}, **LABELS)


@pytest.mark.parametrize("series, periods, message", [
    ({"新质生产力": [1, 2]}, PERIODS, "series '新质生产力' has 2 values for 8 periods"),
    ({"新质生产力": [float("nan")] * 8}, PERIODS, "has no value in any period"),
    ({"新质生产力": [float("inf")] + [0.0] * 7}, PERIODS, "not a finite number"),
    ({"新质生产力": ["many"] * 8}, PERIODS, "not a number"),
    ({"": [1] * 8}, PERIODS, "series names must be non-empty text"),
    ({}, PERIODS, "at least one series"),
    ({"新质生产力": []}, [], "at least one period"),
])
def test_bad_series_are_named(series, periods, message):
    with pytest.raises(FigureError, match=message):
        timeline_png(series, periods=periods)


def test_simplified_chinese_upright_faces_come_first():
    fonts = [
        figures.CjkFont("/f/NotoSansCJK-Bold.ttc", 2, "Noto Sans CJK SC", "Bold"),
        figures.CjkFont("/f/NotoSansCJK-Regular.ttc", 0, "Noto Sans CJK JP", "Regular"),
        figures.CjkFont("/f/wqy-microhei.ttc", 0, "WenQuanYi Micro Hei", "Regular"),
        figures.CjkFont("/f/NotoSansCJK-Regular.ttc", 2, "Noto Sans CJK SC", "Regular"),
        figures.CjkFont("/f/other.ttf", 0, "Some CJK Font", "Regular"),
    ]
    ordered = sorted(fonts, key=figures._preference)
    assert [(f.family, f.style) for f in ordered] == [
        ("Noto Sans CJK SC", "Regular"),
        ("Noto Sans CJK SC", "Bold"),
        ("WenQuanYi Micro Hei", "Regular"),
        ("Noto Sans CJK JP", "Regular"),
        ("Some CJK Font", "Regular"),
    ]
