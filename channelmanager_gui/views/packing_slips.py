"""The Packing slip dialog: a preview of the slips of the chosen orders, Save as PDF and Print.

The slips' HTML comes from ``services/packing_slip.py`` (escaped there); here it becomes a
``QTextDocument`` printed through Qt's print support: ``QPrinter`` in PDF format for a file,
``QPrintDialog`` for a printer. ``QTextDocument.print_`` paginates and honours the
``page-break-after`` between orders.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui.models.order import Order
from channelmanager_gui.services.ops.packing_slip import slip_for, slips_html


def write_pdf(html: str, path: Path) -> None:
    """The slips as a PDF file at ``path`` (US Letter, as Walmart US merchants print)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    printer.setOutputFileName(str(path))
    _document(html).print_(printer)


def _document(html: str) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(html)
    return document


class PackingSlipDialog(QDialog):
    """Preview, then "Save as PDF…" or "Print…". Widgets are attributes so tests drive them."""

    def __init__(self, orders: list[Order], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.html = slips_html([slip_for(order) for order in orders])
        self._orders = orders
        count = len(orders)
        first = orders[0].marketplace_order_id if orders else ""
        self.setWindowTitle(
            self.tr("Packing slip — order {po}").format(po=first)
            if count == 1
            else self.tr("Packing slips — %n orders", "", count)
        )
        self._setup_ui(count)

    @classmethod
    def ask(cls, parent: QWidget | None, orders: list[Order]) -> None:
        dialog = cls(orders, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def _setup_ui(self, count: int) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%n slip(s), one page per order.", "", count)))
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setHtml(self.html)  # escaped in services/packing_slip.py
        layout.addWidget(self.preview, 1)
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("primaryButton")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        layout.addWidget(buttons)
        self.resize(640, 720)

    def default_file_name(self) -> str:
        if len(self._orders) == 1:
            return f"packing-slip-{self._orders[0].marketplace_order_id}.pdf"
        return f"packing-slips-{len(self._orders)}-orders.pdf"

    def save_to(self, path: Path) -> None:
        write_pdf(self.html, path)

    def _on_save_button_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save packing slips"),
            str(Path.home() / self.default_file_name()),
            self.tr("PDF (*.pdf)"),
        )
        if name:
            self.save_to(Path(name if name.lower().endswith(".pdf") else f"{name}.pdf"))

    def _on_print_button_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            _document(self.html).print_(printer)
