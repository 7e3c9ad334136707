"""The Matching page's detail pane: what one listing needs, and Walmart's candidates side by side.

Where Walmart has several catalog items for a GTIN, the merchant's Commerce product comes first
and each candidate follows as a card with "Use this item", so title, brand and price can be
compared at a glance. Every other case says in words what is missing or what happens next.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui import identifier_problems
from channelmanager_gui.models.listing import ListingState, MatchStatus
from channelmanager_gui.models.listing_table_queries import MatchDetail
from channelmanager_gui.qt_text import plain_label
from channelmanager_gui.views.i18n import core
from channelmanager_gui.views.tables.listings import identifier_text, money
from channelmanager_gui.views.thumbnails import Thumbnail, ThumbnailLoader

CARD_WIDTH = 230
IMAGE_SIZE = 56


def next_step(detail: MatchDetail) -> str:
    """What the merchant reads about this listing's match, with the fix where there is one."""
    row = detail.row
    if row.state == ListingState.INCOMPLETE:
        missing = (
            core(identifier_problems.CONTEXT, identifier_problems.read_problem(problem))
            if (problem := row.identifier_problem)
            else QCoreApplication.translate("MatchPanel", "no UPC, EAN, ISBN or GTIN in Commerce")
        )
        return QCoreApplication.translate(
            "MatchPanel",
            "Missing: {missing}. Add a valid identifier to the product in Commerce (the "
            "attributes read are set in Settings › Edit store › Identifiers); the catalog sync "
            "picks it up and the listing can then be matched.",
        ).format(missing=missing)
    if row.match_status == MatchStatus.CANDIDATES:
        count = len(detail.candidates)
        return QCoreApplication.translate(
            "MatchPanel",
            "Walmart has {count} catalog items with GTIN {gtin}. Pick the one that is "
            "your product; it is set up by match on the next pass.",
        ).format(count=count, gtin=row.gtin14)
    if row.match_status == MatchStatus.PENDING:
        return QCoreApplication.translate(
            "MatchPanel", "Waiting for Walmart: the next matching pass looks this identifier up."
        )
    if row.match_status in (MatchStatus.NOT_FOUND, MatchStatus.ERROR):
        reason = row.sync_error or QCoreApplication.translate(
            "MatchPanel", "No Walmart catalog item has this identifier"
        )
        return QCoreApplication.translate(
            "MatchPanel",
            "{reason}. Fix the identifier in Commerce, or set the item up in Seller Center, "
            "then match again.",
        ).format(reason=reason)
    if row.match_status == MatchStatus.MATCHED:
        published = row.published_status or QCoreApplication.translate(
            "MatchPanel", "not published yet"
        )
        if row.marketplace_item_id:
            return QCoreApplication.translate(
                "MatchPanel", "Matched to Walmart item {item} ({published})."
            ).format(item=row.marketplace_item_id, published=published.lower())
        return QCoreApplication.translate("MatchPanel", "Matched ({published}).").format(
            published=published.lower()
        )
    return QCoreApplication.translate(
        "MatchPanel", "Not sent for matching yet: use “Match on Walmart”."
    )


class MatchPanel(QWidget):
    """Shows one listing; ``candidate_chosen(listing_id, marketplace_item_id)`` on a pick.

    Each card shows an image: with a loader (:meth:`set_thumbnails`) the Commerce product's,
    and each candidate's from the image URL Walmart gave; a placeholder while loading or
    without one.
    """

    candidate_chosen = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._listing_id: int | None = None
        self._thumbnails: ThumbnailLoader | None = None
        self.pick_buttons: dict[str, QPushButton] = {}
        self.images: list[Thumbnail] = []  # ours first, then each candidate's
        self._setup_ui()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.heading = plain_label()
        self.heading.setObjectName("sectionTitle")
        layout.addWidget(self.heading)
        self.message = plain_label(self.tr("Select a listing to see what its match needs."))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.cards = QWidget()
        self._cards_layout = QHBoxLayout(self.cards)
        self._cards_layout.setContentsMargins(0, 0, 0, 0)
        self._cards_layout.setAlignment(Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.cards)
        layout.addWidget(scroll, 1)

    def set_thumbnails(self, loader: ThumbnailLoader) -> None:
        self._thumbnails = loader

    def show_detail(self, detail: MatchDetail | None) -> None:
        self._clear_cards()
        if detail is None:
            self._listing_id = None
            self.heading.setText("")
            self.message.setText(self.tr("Select a listing to see what its match needs."))
            return
        row = detail.row
        self._listing_id = row.id
        self.heading.setText(self.tr("{sku} — {name}").format(sku=row.sku, name=row.name))
        self.message.setText(next_step(detail))
        if row.match_status != MatchStatus.CANDIDATES:
            return
        ours = [
            (self.tr("Your product (Commerce)"), True),
            (row.name or row.sku, False),
            (identifier_text(row), False),
            (self.tr("Price {price}").format(price=money(row.price)), False),
        ]
        image = self._image()
        image.show_product(self._thumbnails, row.store_id, row.sku)
        self._cards_layout.addWidget(_card(ours, None, image))
        for candidate in detail.candidates:
            self._add_candidate(candidate)
        self._cards_layout.addStretch(1)

    def _add_candidate(self, candidate: dict[str, Any]) -> None:
        item_id = str(candidate.get("item_id") or "")
        lines = [
            (str(candidate.get("title") or self.tr("Untitled Walmart item")), True),
            (self.tr("Brand: {brand}").format(brand=candidate.get("brand") or "—"), False),
            (self.tr("Walmart item {item}").format(item=item_id), False),
            (self.tr("Walmart price {price}").format(price=money(candidate.get("price"))), False),
            (str(candidate.get("product_type") or ""), False),
        ]
        chosen = bool(candidate.get("chosen"))
        button = QPushButton(self.tr("Chosen — setting up") if chosen else self.tr("Use this item"))
        button.setEnabled(bool(item_id) and not candidate.get("chosen"))
        button.clicked.connect(lambda _=False, i=item_id: self._on_pick_clicked(i))
        self.pick_buttons[item_id] = button
        image = self._image()
        image.show_url(self._thumbnails, candidate.get("image_url") or None)
        self._cards_layout.addWidget(_card(lines, button, image))

    def _image(self) -> Thumbnail:
        image = Thumbnail(IMAGE_SIZE)
        self.images.append(image)
        return image

    def _clear_cards(self) -> None:
        self.pick_buttons = {}
        self.images = []
        while self._cards_layout.count():
            item = self._cards_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _on_pick_clicked(self, item_id: str) -> None:
        if self._listing_id is not None:
            self.candidate_chosen.emit(self._listing_id, item_id)


def _card(lines: list[tuple[str, bool]], button: QPushButton | None, image: Thumbnail) -> QFrame:
    """A card: the image beside its title (so the card stays short enough for a 700 px
    window with "Use this item" in view), the other lines below."""
    card = QFrame()
    card.setObjectName("matchCard")
    card.setFrameShape(QFrame.Shape.StyledPanel)
    card.setFixedWidth(CARD_WIDTH)
    layout = QVBoxLayout(card)
    top = QHBoxLayout()
    top.addWidget(image, 0, Qt.AlignmentFlag.AlignTop)
    labels = [_line(text, bold) for text, bold in lines if text]
    if labels:
        top.addWidget(labels[0], 1, Qt.AlignmentFlag.AlignTop)
    layout.addLayout(top)
    for label in labels[1:]:
        layout.addWidget(label)
    layout.addStretch(1)
    if button is not None:
        layout.addWidget(button)
    return card


def _line(text: str, bold: bool) -> QLabel:
    label = plain_label(text)  # product names, Walmart's titles and errors
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        label.setStyleSheet("font-weight: 600;")
    return label
