"""Links out as menu entries: an order or a product on Walmart and in the Commerce admin.

The addresses come from ``services/links.py``; they open in the merchant's browser through
``QDesktopServices.openUrl``. A link whose record lacks the id it needs is shown disabled,
with the reason as its tooltip, so the merchant learns why rather than finding it missing.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMenu

from channelmanager_gui.services.ops.links import Link


def open_url(url: str) -> bool:
    return QDesktopServices.openUrl(QUrl(url))


def add_links(menu: QMenu, links: Sequence[Link]) -> list[QAction]:
    """One entry per link; disabled, with the reason, when the link cannot be made."""
    actions = []
    for link in links:
        action = menu.addAction(link.text)
        if link.url is None:
            action.setEnabled(False)
            action.setToolTip(link.why_not)
        else:
            action.setToolTip(link.url)
            action.triggered.connect(lambda _=False, url=link.url: open_url(url))
        actions.append(action)
    menu.setToolTipsVisible(True)
    return actions
