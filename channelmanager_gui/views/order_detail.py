"""One order in full: both numbers, dates, lines with every quantity, shipments with tracking
links, the timeline of every sync step, and the actions that are possible right now.

Ship and Cancel are enabled only when ``validation.can_ship``/``can_cancel`` allow it (the same
checks the dialogs and the command line use); a disabled button says why in its tooltip and in
the line under the buttons. Retry appears on orders in Error. The view only emits requests
(``ship_requested(int)`` …); the page runs them through :class:`OrderActions`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, OrderStatus
from channelmanager_gui.models.order_blockers import Blocker
from channelmanager_gui.models.outbox import Activity
from channelmanager_gui.qt_text import plain_label, verbatim
from channelmanager_gui.services import ops
from channelmanager_gui.services.ops.validation import OUT_OF_STOCK
from channelmanager_gui.text_marks import N_, Text
from channelmanager_gui.views.i18n import core, ui
from channelmanager_gui.views.locale_format import date_text, date_time_text
from channelmanager_gui.views.marketplace_filter import marketplace_name
from channelmanager_gui.views.order_detail_parts import (
    address_text,
    banner,
    blockers_text,
    error_step_text,
    fill_form,
    fill_table,
    read_only_table,
    section,
    step_text,
    support_wording,
)
from channelmanager_gui.views.order_note_line import NoteLine
from channelmanager_gui.views.order_tools import more_button
from channelmanager_gui.views.pill_delegate import StatusPill
from channelmanager_gui.views.ship_dialog import local_now, ship_by_text
from channelmanager_gui.views.style import Palette
from channelmanager_gui.views.tables.activity import OUTCOME_TEXT
from channelmanager_gui.views.tables.orders import money
from channelmanager_gui.views.theme import brush, themed
from channelmanager_gui.views.thumbnails import ThumbnailLoader

Clock = Callable[[], datetime]
FIX_THEN_RETRY = N_(
    "Labels", "<br>Fix the cause (in Commerce or on {marketplace}), then click Retry."
)
HELD_TEXT = N_(
    "Labels",
    "<b>Cancelled in Commerce — choose the reason for {marketplace}.</b> {marketplace} still "
    "expects this order to ship; nothing is sent until you choose a reason with “Choose reason "
    "for {marketplace}…”.",
)


_SENT_COLUMN = 5  # of the shipments table: "Sent to Amazon", named for the order's marketplace


def _faint(p: Palette) -> str:
    return f"color: {p.TEXT_FAINT};"


LINE_IMAGE = 24
# A line's Walmart charges: unit price, then the line's shipping and tax (on item and shipping).
_LINE_HEADERS = (
    N_("Labels", "SKU"),
    N_("Labels", "Product"),
    N_("Labels", "Ordered"),
    N_("Labels", "Shipped"),
    N_("Labels", "Cancelled"),
    N_("Labels", "Refunded"),
    N_("Labels", "Price"),
    N_("Labels", "Shipping"),
    N_("Labels", "Tax"),
)


class OrderDetailView(QWidget):
    back_requested = Signal()
    ship_requested = Signal(int)
    cancel_requested = Signal(int)
    cancel_with_reason_requested = Signal(int, str)  # the Cancel dialog, this reason chosen
    retry_requested = Signal(int)

    def __init__(
        self, db: Database, *, clock: Clock = local_now, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock = clock
        self._order_id: int | None = None
        self.order: Order | None = None
        self.blockers: list[Blocker] = []
        self._thumbnails: ThumbnailLoader | None = None
        self._setup_ui()

    def set_thumbnails(self, loader: ThumbnailLoader) -> None:
        """Show each line's product image before its name, redrawn as images arrive."""
        self._thumbnails = loader
        self.lines.setIconSize(QSize(LINE_IMAGE, LINE_IMAGE))
        loader.ready.connect(self._show_line_images)

    def order_id(self) -> int | None:
        return self._order_id

    def show_order(self, order_id: int) -> None:
        self._order_id = order_id
        self.reload()

    def reload(self) -> None:
        """Read the order again (after a change); a vanished order says so."""
        if self._order_id is None:
            return
        try:
            detail = ops.order_detail(self._db, self._order_id)
        except ValidationError as exc:
            self._show_missing(core("CoreText", exc.message))
            return
        self.order = detail.order
        self.blockers = list(detail.blockers)
        self._fill(detail.order, list(detail.events))

    # -- building ------------------------------------------------------------------------------

    def _setup_ui(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(20, 14, 20, 20)
        layout.setSpacing(10)
        layout.addLayout(self._header())
        self.action_reason = QLabel()
        self.action_reason.setObjectName("actionReason")
        themed(self.action_reason, _faint)
        self.action_reason.setWordWrap(True)
        layout.addWidget(self.action_reason)
        self.error_banner = banner("errorBanner", "ERROR_TINT", "ERROR_TEXT")
        self.error_banner.setOpenExternalLinks(True)  # the product in the Commerce admin
        self.error_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.cancel_banner = banner("cancelBanner", "CANCEL_TINT", "PURPLE_TEXT")
        layout.addWidget(self.error_banner)
        layout.addWidget(self.cancel_banner)
        facts_row = QHBoxLayout()
        self.facts = QFormLayout()
        self.people = QFormLayout()
        for form in (self.facts, self.people):
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            form.setSpacing(6)  # else inherited from the row's spacing
            facts_row.addLayout(form)
            facts_row.addSpacing(40)
        facts_row.addStretch(1)
        facts_box = QWidget()  # fixed height: spare room goes to the timeline, not the facts
        facts_box.setLayout(facts_row)
        facts_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout.addWidget(facts_box)
        self.note = NoteLine(self._db)
        layout.addWidget(self.note)
        self.lines = read_only_table(_LINE_HEADERS)
        self.shipments = read_only_table(
            (
                N_("Labels", "Ship date"),
                N_("Labels", "Carrier"),
                N_("Labels", "Method"),
                N_("Labels", "Tracking number"),
                N_("Labels", "Items"),
                N_("Labels", "Sent to marketplace"),  # named for the order's in _fill
            )
        )
        self.events = read_only_table(
            (
                N_("Labels", "When"),
                N_("Labels", "Step"),
                N_("Labels", "Outcome"),
                N_("Labels", "What happened"),
            )
        )
        self.events.horizontalHeader().setStretchLastSection(True)
        self.lines.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.shipments.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.no_shipments = QLabel(self.tr("Nothing has shipped yet."))
        themed(self.no_shipments, _faint)
        layout.addWidget(section(self.tr("Lines")))
        layout.addWidget(self.lines)
        layout.addWidget(section(self.tr("Shipments")))
        layout.addWidget(self.no_shipments)
        layout.addWidget(self.shipments)
        layout.addWidget(section(self.tr("Timeline (newest first)")))
        self.events.setMinimumHeight(160)
        layout.addWidget(self.events, 1)

    def _header(self) -> QVBoxLayout:
        """Back and the actions on top, the order's numbers and status under them (one row
        would not fit both numbers and three buttons in a narrow window)."""
        header = QVBoxLayout()
        row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← All orders"))
        self.back_button.setFlat(True)
        self.back_button.clicked.connect(self.back_requested)
        self.back_button.setToolTip(self.tr("Back to all orders (Esc, Alt+Left)"))
        self.title = plain_label()  # order numbers from Walmart and Commerce
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setWordWrap(True)  # wrap rather than make the page scroll sideways
        self.pill = StatusPill()
        self.retry_button = QPushButton(self.tr("Retry"))
        self.ship_button = QPushButton(self.tr("Ship…"))
        self.ship_button.setObjectName("primaryButton")
        self.cancel_button = QPushButton(self.tr("Cancel order…"))
        self.out_of_stock_button = QPushButton(self.tr("Cancel as out of stock…"))
        self.out_of_stock_button.clicked.connect(self._on_out_of_stock_button_clicked)
        self.out_of_stock_button.hide()
        self.retry_button.clicked.connect(self._on_retry_button_clicked)
        self.ship_button.clicked.connect(self._on_ship_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.more_button = more_button(self, self._db, lambda: self.order)
        row.addWidget(self.back_button)
        row.addStretch(1)
        for button in (
            self.out_of_stock_button,
            self.retry_button,
            self.ship_button,
            self.cancel_button,
            self.more_button,
        ):
            row.addWidget(button)
        header.addLayout(row)
        title_row = QHBoxLayout()
        # The title takes the row and wraps (Amazon's order numbers are 19 characters); the
        # pill keeps its own size beside it.
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.pill, 0, Qt.AlignmentFlag.AlignVCenter)
        header.addLayout(title_row)
        return header

    # -- filling -------------------------------------------------------------------------------

    def _fill(self, order: Order, events: Sequence[Activity]) -> None:
        commerce = order.commerce_increment_id
        # Each marketplace's own word for its number: Walmart's purchase order, Amazon's order.
        if order.marketplace == "walmart":
            title = self.tr("Walmart PO {po}").format(po=order.marketplace_order_id)
        else:
            title = self.tr("{marketplace} order {po}").format(
                marketplace=marketplace_name(order.marketplace), po=order.marketplace_order_id
            )
        self.title.setText(
            title
            + (self.tr("  ·  Commerce order {order}").format(order=commerce) if commerce else "")
        )
        self.pill.set_status(order.status)
        self.pill.show()
        self._fill_actions(order)
        self._fill_banners(order)
        self._fill_facts(order)
        self.note.show_for(order.id)
        self._fill_lines(order)
        self._fill_shipments(order)
        self._fill_events(events)

    def _fill_actions(self, order: Order) -> None:
        shippable, why_not_ship = ops.can_ship(order)
        cancellable, why_not_cancel = ops.can_cancel(order)
        self.ship_button.setEnabled(shippable)
        self.ship_button.setToolTip(
            core("CoreText", why_not_ship) or self.tr("Enter the tracking number and ship.")
        )
        held = ops.is_held(order)
        name = marketplace_name(order.marketplace)  # the order's own marketplace (UX.md)
        self.cancel_button.setEnabled(cancellable)
        self.cancel_button.setText(
            self.tr("Choose reason for {marketplace}…").format(marketplace=name)
            if held
            else self.tr("Cancel order…")
        )
        self.cancel_button.setToolTip(
            core("CoreText", why_not_cancel)
            or (
                self.tr("Send the cancellation made in Commerce to {marketplace} with a reason.")
                if held
                else self.tr("Cancel the whole order on {marketplace}.")
            ).format(marketplace=name)
        )
        out_of_stock = self.tr(
            "Cancel the whole order on {marketplace} with the reason “Out of stock”."
        )
        self.out_of_stock_button.setToolTip(out_of_stock.format(marketplace=name))
        in_error = order.status == OrderStatus.ERROR and not held  # held: nothing to retry
        self.retry_button.setVisible(in_error)
        blocked = in_error and bool(self.blockers)
        self.retry_button.setToolTip(
            self.tr("Retry fails again until the product is fixed in Commerce.")
            if blocked
            else self.tr("Send the failed step again.")
        )
        self.out_of_stock_button.setVisible(blocked and cancellable)
        reasons = [core("CoreText", r) for r in (why_not_ship, why_not_cancel) if r]
        self.action_reason.setText(" ".join(dict.fromkeys(reasons)))
        self.action_reason.setVisible(bool(reasons))

    def _fill_banners(self, order: Order) -> None:
        name = marketplace_name(order.marketplace)
        if ops.is_held(order):
            self.error_banner.setText(ui(HELD_TEXT).format(marketplace=name))
        elif order.error:
            fix = "" if "Retry" in order.error else ui(FIX_THEN_RETRY).format(marketplace=name)
            if self.blockers:
                fix = blockers_text(self.blockers)
            error = escape(support_wording(order.error))
            if order.error_step:
                heading = self.tr("<b>Error {step}:</b>").format(
                    step=error_step_text(order.error_step)
                )
            else:
                heading = self.tr("<b>Error:</b>")
            self.error_banner.setText(f"{heading} {error}{fix}")
        self.error_banner.setVisible(bool(order.error))
        asked = order.intent_to_cancel and not order.cancel_reason
        self.cancel_banner.setText(
            self.tr(
                "<b>The buyer asked {marketplace} to cancel this order.</b> Cancel it with the "
                "reason “Buyer asked to cancel”, or ship it anyway if it has already left."
            ).format(marketplace=marketplace_name(order.marketplace))
        )
        self.cancel_banner.setVisible(asked)

    def _fill_facts(self, order: Order) -> None:
        now = self._clock()
        zone = now.tzinfo
        address = order.shipping_address or {}
        facts: list[tuple[str, str]] = [
            (N_("Labels", "Marketplace"), marketplace_name(order.marketplace)),
            (N_("Labels", "Customer order"), order.customer_order_id),
            (N_("Labels", "Order date"), date_time_text(order.order_date.astimezone(zone))),
            (N_("Labels", "Ship by"), ship_by_text(order, now) or "—"),
            (N_("Labels", "Method"), order.method_code or "—"),
            *_on_marketplace(
                ops.total_facts(order.total, order.commerce_total, order.currency or "USD"),
                order.marketplace,
            ),
        ]
        if order.cancel_reason:
            reason = core(
                "CancelReason", ops.cancel_reason_label(order.marketplace, order.cancel_reason)
            )
            facts.append((N_("Labels", "Cancelled"), reason))
        people = [
            (N_("Labels", "Customer"), order.customer_name or "—"),
            (N_("Labels", "E-mail"), order.customer_email or "—"),
            (N_("Labels", "Ship to"), address_text(address) or "—"),
            (N_("Labels", "Phone"), str(address.get("phone") or "—")),
        ]
        fill_form(self.facts, facts)
        fill_form(self.people, people)

    def _fill_lines(self, order: Order) -> None:
        currency = order.currency or "USD"
        rows = [
            (
                line.sku,
                line.product_name,
                line.qty_ordered,
                line.qty_shipped,
                line.qty_cancelled,
                line.qty_refunded,
                money(line.unit_price, currency),
                money(line.shipping, currency),
                money(line.tax, currency),
            )
            for line in order.lines
        ]
        fill_table(self.lines, rows, right_columns=range(2, 9))
        self._show_line_images()

    def _show_line_images(self, *_: object) -> None:
        loader, order = self._thumbnails, self.order
        if loader is None or order is None:
            return
        for row, line in enumerate(order.lines):
            item = self.lines.item(row, 1)
            if item is not None:
                item.setIcon(QIcon(loader.product(order.store_id, line.sku, LINE_IMAGE)))

    def _fill_shipments(self, order: Order) -> None:
        zone = self._clock().tzinfo
        by_line = {line.id: line for line in order.lines}
        self.shipments.setRowCount(0)
        rows = []
        for shipment in order.shipments:
            items = ", ".join(
                f"{sl.qty} × {by_line[sl.order_line_id].sku}"
                for sl in shipment.lines
                if sl.order_line_id in by_line
            )
            sent = shipment.marketplace_sent_at
            rows.append(
                (
                    date_text(shipment.ship_date.astimezone(zone)),
                    shipment.carrier or shipment.other_carrier or "—",
                    shipment.method_code,
                    shipment.tracking_number,
                    items,
                    date_time_text(sent.astimezone(zone)) if sent else self.tr("Not yet"),
                )
            )
        fill_table(self.shipments, rows)
        sent_to = self.tr("Sent to {marketplace}").format(
            marketplace=marketplace_name(order.marketplace)
        )
        self.shipments.setHorizontalHeaderItem(_SENT_COLUMN, QTableWidgetItem(sent_to))
        self.shipments.setVisible(bool(rows))
        self.no_shipments.setVisible(not rows)
        for row, shipment in enumerate(order.shipments):
            if shipment.tracking_url:
                link = QLabel(
                    f'<a href="{escape(shipment.tracking_url)}">'
                    f"{escape(shipment.tracking_number)}</a>"
                )
                link.setOpenExternalLinks(True)
                link.setToolTip(verbatim(shipment.tracking_url))
                link.setContentsMargins(3, 0, 3, 0)
                item = self.shipments.item(row, 3)
                if item is not None:
                    item.setText("")  # the link shows the number; the cell must not draw it too
                self.shipments.setCellWidget(row, 3, link)

    def _fill_events(self, events: Sequence[Activity]) -> None:
        zone = self._clock().tzinfo
        rows = [
            (
                date_time_text(event.created_at.astimezone(zone), seconds=True),
                step_text(event.event),
                ui(OUTCOME_TEXT.get(event.outcome, event.outcome)),
                event.message,
            )
            for event in reversed(events)
        ]
        fill_table(self.events, rows, fit=False)
        for row, event in enumerate(reversed(events)):
            if event.outcome == "error":
                for col in range(self.events.columnCount()):
                    item = self.events.item(row, col)
                    if item is not None:
                        item.setForeground(brush("ERROR_TEXT"))

    def _show_missing(self, message: str) -> None:
        self.order = None
        self.title.setText(message)
        self.pill.hide()
        for button in (self.ship_button, self.cancel_button, self.retry_button):
            button.setEnabled(False)
        for table in (self.lines, self.shipments, self.events):
            table.setRowCount(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape and Alt+Left (a browser's Back) go back to the list: the page gives the view
        itself the focus when it opens, and keys no child took bubble up to here."""
        if event.key() == Qt.Key.Key_Escape or event.matches(QKeySequence.StandardKey.Back):
            self.back_requested.emit()
            return
        super().keyPressEvent(event)

    # -- slots ---------------------------------------------------------------------------------

    def _on_ship_button_clicked(self) -> None:
        if self._order_id is not None:
            self.ship_requested.emit(self._order_id)

    def _on_cancel_button_clicked(self) -> None:
        if self._order_id is not None:
            self.cancel_requested.emit(self._order_id)

    def _on_out_of_stock_button_clicked(self) -> None:
        if self._order_id is not None:
            self.cancel_with_reason_requested.emit(self._order_id, OUT_OF_STOCK)

    def _on_retry_button_clicked(self) -> None:
        if self._order_id is not None:
            self.retry_requested.emit(self._order_id)


_TOTAL_ON = {"amazon": N_("Labels", "Amazon total")}  # the buyer's total, by marketplace


def _on_marketplace(facts: list[tuple[str, str]], marketplace: str) -> list[tuple[str, str]]:
    """The buyer's total named for the order's own marketplace ("Amazon total")."""
    total = _TOTAL_ON.get(marketplace, "Walmart total")
    return [(total if label == "Walmart total" else label, _shown(v)) for label, v in facts]


def _shown(value: str) -> str:
    """A fact's value: a core sentence ("+$2.50 in Commerce") translated, data as it is."""
    return core("CoreText", value) if isinstance(value, Text) else value
