"""The missing-library check that replaces Qt's cryptic xcb abort (plain Python, no Qt)."""

from __future__ import annotations

from channelmanager_gui.platform_check import (
    XCB_LIBRARIES,
    missing_packages_message,
    missing_xcb_packages,
    uses_xcb,
)


def _without(*absent: str):  # type: ignore[no-untyped-def]
    return lambda name: None if name in absent else f"lib{name}.so"


def test_reports_debian_packages_of_missing_libraries() -> None:
    missing = missing_xcb_packages(
        {"DISPLAY": ":0"}, _without("xcb-cursor", "xcb-icccm"), platform="linux"
    )
    assert missing == ["libxcb-cursor0", "libxcb-icccm4"]
    message = missing_packages_message(missing)
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in message


def test_nothing_missing_when_all_found() -> None:
    assert missing_xcb_packages({"DISPLAY": ":0"}, _without(), platform="linux") == []


def test_not_checked_when_xcb_is_not_used() -> None:
    everything_missing = _without(*XCB_LIBRARIES)
    for env, platform in [
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux"),
        ({"QT_QPA_PLATFORM": "wayland"}, "linux"),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux"),
        ({}, "win32"),
        ({}, "darwin"),
    ]:
        assert missing_xcb_packages(env, everything_missing, platform=platform) == []


def test_xcb_detection() -> None:
    assert uses_xcb({}, "linux")
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb:dpiawareness=1", "WAYLAND_DISPLAY": "w"}, "linux")
    assert not uses_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux")
