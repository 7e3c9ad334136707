"""Both palettes read: WCAG AA contrast for text, 3:1 for chart marks; the stylesheets use
only palette colours, and no view hard-codes a colour of its own. No window is opened."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from channelmanager_gui.views import style
from channelmanager_gui.views.cancel_dialog import danger_style
from channelmanager_gui.views.contrast import (
    GRAPHIC_COLOURS,
    GRAPHIC_MINIMUM,
    TEXT_MINIMUM,
    TEXT_PAIRS,
    contrast_ratio,
    relative_luminance,
)
from channelmanager_gui.views.order_filter_bar import chip_style
from channelmanager_gui.views.page_style import page_style
from channelmanager_gui.views.pill_delegate import STATUS_COLOURS
from channelmanager_gui.views.style import DARK, LIGHT, Palette

PALETTES = pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
HEX = re.compile(r"#[0-9a-fA-F]{3,8}\b")
VIEWS = Path(style.__file__).parent
# The orders chart draws each status in its pill's text colour (dashboard_charts._bar_colour).
BAR_COLOURS = {text for _background, text in STATUS_COLOURS.values()}


def test_relative_luminance_follows_wcag() -> None:
    assert relative_luminance("#000000") == 0
    assert relative_luminance("#ffffff") == pytest.approx(1)
    # sRGB 0x77 = 119: (119/255 + 0.055) / 1.055) ** 2.4 = 0.18447
    assert relative_luminance("#777777") == pytest.approx(0.18447, abs=1e-5)
    assert relative_luminance("#ff0000") == pytest.approx(0.2126)
    with pytest.raises(ValueError, match="rrggbb"):
        relative_luminance("#fff")


def test_contrast_ratio_follows_wcag() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21)
    assert contrast_ratio("#2f6fd6", "#2f6fd6") == 1
    # WCAG's own borderline example: #767676 on white is the lightest grey passing 4.5:1
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") < TEXT_MINIMUM


def test_both_palettes_name_the_same_colours() -> None:
    assert LIGHT.colours().keys() == DARK.colours().keys()
    assert all(HEX.fullmatch(value) for p in (LIGHT, DARK) for value in p.colours().values())
    assert LIGHT.dark is False and DARK.dark is True


@PALETTES
def test_every_text_pair_meets_wcag_aa(palette: Palette) -> None:
    colours = palette.colours()
    low = {
        (text, background): round(contrast_ratio(colours[text], colours[background]), 2)
        for text, background in TEXT_PAIRS
        if contrast_ratio(colours[text], colours[background]) < TEXT_MINIMUM
    }
    assert low == {}


@PALETTES
def test_chart_marks_stand_out_from_the_page(palette: Palette) -> None:
    colours = palette.colours()
    low = {
        (mark, surface): round(contrast_ratio(colours[mark], colours[surface]), 2)
        for mark in (*GRAPHIC_COLOURS, *BAR_COLOURS)
        for surface in ("SURFACE", "WINDOW_BG")
        if contrast_ratio(colours[mark], colours[surface]) < GRAPHIC_MINIMUM
    }
    assert low == {}


def test_dark_input_borders_stand_out() -> None:
    """WCAG 1.4.11: the dark window draws check boxes and fields in INPUT_BORDER. (The light
    palette keeps its faint field borders; Fusion draws its check boxes there.)"""
    for surface in (DARK.SURFACE, DARK.WINDOW_BG):
        assert contrast_ratio(DARK.INPUT_BORDER, surface) >= GRAPHIC_MINIMUM
    assert "QCheckBox::indicator" in style.stylesheet(DARK)
    assert "QCheckBox::indicator" not in style.stylesheet(LIGHT)


@PALETTES
def test_stylesheets_use_only_palette_colours(palette: Palette) -> None:
    sheets = [build(palette) for build in (style.stylesheet, page_style, chip_style, danger_style)]
    used = {match.lower() for sheet in sheets for match in HEX.findall(sheet)}
    assert used and used <= set(palette.colours().values())
    # each sheet is built from this palette, not the other one
    other = DARK if palette is LIGHT else LIGHT
    assert palette.WINDOW_BG in sheets[0] and other.WINDOW_BG not in sheets[0]


def test_no_view_hard_codes_a_colour() -> None:
    """Colours live in style.py only: a literal elsewhere would not follow the scheme."""
    found = {
        f"{path.relative_to(VIEWS)}:{number}": line.strip()
        for path in VIEWS.rglob("*.py")
        if path.name != "style.py"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if HEX.search(line) or "Qt.GlobalColor.dark" in line or 'QColor("' in line
    }
    assert found == {}


def test_style_names_read_the_current_palette() -> None:
    try:
        style.use(DARK)
        assert style.TEXT == DARK.TEXT and style.colour("GREEN_BG") == DARK.GREEN_BG
        assert DARK.WINDOW_BG in style.STYLESHEET
        assert style.WHITE == DARK.SURFACE  # the old name of the surface colour
    finally:
        style.use(LIGHT)
    assert style.TEXT == LIGHT.TEXT
    with pytest.raises(AttributeError):
        _ = style.NO_SUCH_COLOUR
