"""The marketplace choice every list's filter bar carries: All / Walmart / Amazon.

One small combo box, so the Orders, Listings, Matching, Returns and Activity pages offer the
same words in the same order; its ``value()`` is what the pages' SQL filters take
('walmart' | 'amazon', "" for both).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from channelmanager_gui.services import ops

WALMART, AMAZON = "walmart", "amazon"


class MarketplaceFilter(QComboBox):
    """Emits ``currentIndexChanged`` when the merchant picks another marketplace."""

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        """``compact``: "All" for both, where a toolbar has no room for more at 1024 px (the
        tooltip and the accessible name say "Marketplace")."""
        super().__init__(parent)
        self.setObjectName("marketplaceFilter")
        self.setAccessibleName(self.tr("Marketplace"))
        self.setToolTip(self.tr("Marketplace: show one marketplace's rows, or both"))
        self.addItem(self.tr("All") if compact else self.tr("All marketplaces"), "")
        for key in (WALMART, AMAZON):
            self.addItem(ops.MARKETPLACE_NAMES[key], key)

    def value(self) -> str:
        """'walmart', 'amazon', or "" for every marketplace."""
        return str(self.currentData() or "")

    def set_value(self, marketplace: str) -> None:
        self.setCurrentIndex(max(self.findData(marketplace or ""), 0))


def marketplace_name(marketplace: str | None) -> str:
    """The marketplace's own name for a cell ("Walmart", "Amazon"); empty for none."""
    return ops.MARKETPLACE_NAMES.get(marketplace or "", marketplace or "")
