"""Pieces of the order detail: merchant words for sync steps, and small read-only tables and
forms filled from plain values (kept apart so ``order_detail`` stays about the order)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
)

from channelmanager_gui.models.order_blockers import Blocker
from channelmanager_gui.qt_text import plain_label
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.event_names import EVENT_TEXT, event_text
from channelmanager_gui.views.i18n import core, ui
from channelmanager_gui.views.theme import themed

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_BANNER = "QLabel#{name} {{ background: {bg}; color: {fg}; border-radius: 6px; padding: 8px; }}"

# Outbox steps (``error_step``) in a merchant's words, read after "Error"; a timeline event
# by its name (``event_names.py``); an unknown step shows as written.
STEP_TEXT = {
    "walmart.acknowledge": N_("Labels", "acknowledging on Walmart"),
    "commerce.create_order": N_("Labels", "creating the order in Commerce"),
    # the steps of creating it (``order_create.py``)
    "commerce.create": N_("Labels", "creating the order in Commerce"),
    "commerce.find": N_("Labels", "looking for the order in Commerce"),
    "commerce.cart": N_("Labels", "creating the Commerce cart"),
    "commerce.items": N_("Labels", "adding the items to the Commerce cart"),
    "commerce.shipping": N_("Labels", "setting the shipping address in Commerce"),
    "commerce.place": N_("Labels", "placing the order in Commerce"),
    "commerce.link": N_("Labels", "linking the Commerce order to Walmart's"),
    "commerce.comment": N_("Labels", "adding the Walmart order comment in Commerce"),
    "commerce.ship": N_("Labels", "shipping in Commerce"),
    "walmart.ship": N_("Labels", "sending the shipment to Walmart"),
    "walmart.cancel": N_("Labels", "cancelling on Walmart"),
    "commerce.cancel": N_("Labels", "cancelling in Commerce"),
    "commerce_shipment": N_("Labels", "reading a shipment made in Commerce"),
    "commerce.return": N_("Labels", "recording the return in Commerce"),
    "walmart.refund_return": N_("Labels", "refunding the return on Walmart"),
}


def step_text(step: str) -> str:
    """An outbox step or a timeline event in the merchant's words, translated."""
    if step in STEP_TEXT:
        return ui(STEP_TEXT[step])
    if step in EVENT_TEXT:
        return event_text(step)
    service, _, verb = step.partition(".")
    if verb and service in ("walmart", "commerce"):
        return f"{verb.replace('_', ' ')} ({service.title()})"
    return step.replace("_", " ")


def error_step_text(step: str) -> str:
    """What was being done when an order failed, to follow "Error" in its banner."""
    if step in STEP_TEXT:
        return ui(STEP_TEXT[step])
    return QCoreApplication.translate("OrderDetail", "at the {step} step").format(
        step=step_text(step)
    )


def banner(name: str, background: str, foreground: str) -> QLabel:
    """A coloured notice (error, buyer request), hidden until there is something to say;
    ``background`` and ``foreground`` name colours of the palette (``style.py``)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    themed(
        label,
        lambda p: _BANNER.format(name=name, bg=getattr(p, background), fg=getattr(p, foreground)),
    )
    label.hide()
    return label


def read_only_table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels([ui(title) for title in headers])
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    return table


def section(title: str) -> QLabel:
    label = QLabel(title)  # translated by the caller
    label.setStyleSheet("font-size: 14px; font-weight: 600; padding-top: 8px;")
    return label


def fill_table(
    table: QTableWidget,
    rows: Sequence[Sequence[Any]],
    *,
    right_columns: range = range(0),
    fit: bool = True,
) -> None:
    """Fill a small read-only table; ``fit`` sizes it to its rows (no inner scroll bar)."""
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(str(value))
            if c in right_columns:
                item.setTextAlignment(_RIGHT)
            table.setItem(r, c, item)
    if fit:
        table.resizeRowsToContents()
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        table.setFixedHeight(height + sum(table.rowHeight(r) for r in range(len(rows))))


def fill_form(form: QFormLayout, facts: Sequence[tuple[str, str]]) -> None:
    while form.rowCount():
        form.removeRow(0)
    for label, value in facts:
        text = plain_label(value)  # buyer name, address: as typed
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(
            QCoreApplication.translate("OrderDetailParts", "{label}:").format(label=ui(label)),
            text,
        )


def address_text(address: dict[str, Any]) -> str:
    parts = [address.get(k) for k in ("name", "address1", "address2", "city")]
    region = " ".join(p for p in (address.get("state"), address.get("postal_code")) if p)
    return ", ".join(str(p) for p in (*parts, region, address.get("country")) if p)


_CORRELATION = re.compile(r"\(correlation id ([^)]+)\)")


def support_wording(error: str) -> str:
    """The stored "(correlation id X)" said as what it is for: a reference the merchant quotes
    when asking Walmart support (``WM_QOS.CORRELATION_ID``, engine ``error_text``)."""
    if not error.startswith("Walmart"):
        quote = QCoreApplication.translate(
            "OrderDetail", "(reference to quote if you ask for support: {reference})"
        )
    else:
        quote = QCoreApplication.translate(
            "OrderDetail", "(reference to quote to Walmart support: {reference})"
        )
    return _CORRELATION.sub(lambda found: quote.format(reference=found.group(1)), error)


def blockers_text(blockers: Sequence[Blocker]) -> str:
    """What to fix, where, and the way out, after the error: Retry cannot help while a
    product is disabled or out of stock in Commerce (HTML; names escaped)."""
    parts = []
    for blocker in blockers:
        name = (
            f"{escape(blocker.sku)} ({escape(blocker.name)})"
            if blocker.name
            else escape(blocker.sku)
        )
        where = (
            QCoreApplication.translate(
                "OrderDetail", ' — <a href="{url}">open it in the Commerce admin</a>'
            ).format(url=escape(blocker.admin_url))
            if blocker.admin_url
            else QCoreApplication.translate(
                "OrderDetail", " — find it by SKU in the Commerce admin (Catalog > Products)"
            )
        )
        parts.append(f"<br>• {name} {escape(core('CoreText', blocker.problem))}{where}")
    return (
        QCoreApplication.translate(
            "OrderDetail", "<br>Retry fails again until this is fixed in Commerce:"
        )
        + "".join(parts)
        + QCoreApplication.translate(
            "OrderDetail",
            "<br>Fix it there and click Retry, or cancel the order on Walmart as “Out of stock”.",
        )
    )
