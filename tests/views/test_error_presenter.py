"""Failures reach the merchant by tier: cancel → nothing, passing → status bar, else one dialog."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from channelmanager_gui.errors import ApiError, StorageError, UnavailableError
from channelmanager_gui.views.error_presenter import ErrorPresenter


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_cancel_shows_nothing(parent: QWidget) -> None:
    notices: list[str] = []
    presenter = ErrorPresenter(parent, notices.append)
    presenter(asyncio.CancelledError(), "Sync now")
    assert notices == []
    assert presenter.dialog is None


def test_unreachable_remote_is_a_passing_notice(parent: QWidget) -> None:
    notices: list[str] = []
    presenter = ErrorPresenter(parent, notices.append)
    presenter(UnavailableError("Walmart is not answering."), "Sync now")
    assert notices == ["Sync now: Walmart is not answering. Channel Manager will try again."]
    assert presenter.dialog is None


def test_channel_error_dialog_has_message_and_copyable_detail(
    qtbot: QtBot, parent: QWidget
) -> None:
    presenter = ErrorPresenter(parent, lambda _: None)
    error = ApiError(
        "Walmart refused the tracking number: carrier 'Other' needs a tracking URL",
        status=400,
        correlation_id="abc-123",
        detail='{"errors": []}',
    )
    presenter(error, "Ship order")
    dialog = presenter.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.text() == error.message
    assert dialog.windowTitle() == "Ship order"
    assert "HTTP status: 400" in dialog.detailedText()
    assert "correlation id: abc-123" in dialog.detailedText()
    assert '{"errors": []}' in dialog.detailedText()


def test_unexpected_error_shows_traceback_and_later_errors_join_it(
    qtbot: QtBot, parent: QWidget
) -> None:
    presenter = ErrorPresenter(parent, lambda _: None)
    try:
        raise KeyError("row 7")
    except KeyError as exc:
        presenter(exc, "Load orders")
    dialog = presenter.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.text() == "Something unexpected went wrong while “Load orders”."
    assert "Traceback" in dialog.detailedText()
    presenter(StorageError("The disk is full."), "Save")
    assert presenter.dialog is dialog  # one dialog, not a pile
    assert "The disk is full." in dialog.detailedText()
