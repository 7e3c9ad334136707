"""Packing slips in the window: the preview, a PDF written, the detail's More menu."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from pytestqt.qtbot import QtBot

from channelmanager_gui.views.packing_slips import PackingSlipDialog
from tests.services.ops.test_packing_slip import make_order


def test_pdf_of_several_orders_is_written(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = PackingSlipDialog([make_order("1111111111"), make_order("2222222222")])
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Packing slips — 2 orders"
    assert "1111111111" in dialog.html and "2222222222" in dialog.html
    assert "Jane <b>Doe</b>" in dialog.preview.toPlainText()  # shown as typed, not as markup
    path = tmp_path / dialog.default_file_name()
    dialog.save_to(path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000
    if shutil.which("pdftotext"):  # optional: the text really is in the PDF
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "1111111111" in text and "2222222222" in text


def test_one_order_names_its_file_after_the_po(qtbot: QtBot) -> None:
    dialog = PackingSlipDialog([make_order("3333333333")])
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Packing slip — order 3333333333"
    assert dialog.default_file_name() == "packing-slip-3333333333.pdf"
