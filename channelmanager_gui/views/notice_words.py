"""A sync notice (``services/sync_notices.py``) in the language the window shows.

The core words its notices in English for the log; it also says what happened (``event``),
how many (``count``) and where (a store, or the failing loop), from which the tray balloon and
the status bar say the same in the merchant's language. A notice without an event (none today)
is shown as the core wrote it. A failing loop's own error stays as the service wrote it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from channelmanager_gui.services.sync_notices import MARKETPLACES, Notice, NoticeEvent
from channelmanager_gui.views.sync_text import loop_title


class NoticeWords(QObject):
    """``NoticeWords().of(notice)`` → (title, text)."""

    def of(self, notice: Notice) -> tuple[str, str]:
        count, where = notice.count, notice.where
        if notice.event is NoticeEvent.NEW_ORDERS:
            title = self._new_orders(notice)
            return title, self.tr("Open Orders to see them.", "", count)
        if notice.event is NoticeEvent.LOOP_FAILING:
            loop = loop_title(where.rpartition("/")[2])
            title = self.tr("Sync problem: {loop}").format(loop=loop)
            return title, notice.text
        if notice.event is NoticeEvent.CANCEL_HELD:
            title = self.tr("%n order(s) cancelled in Commerce", "", count)
            # Either marketplace's orders (the notice counts both): neutral words (UX.md).
            text = self.tr("Choose the marketplace's reason: open Orders, In error.")
        elif notice.event is NoticeEvent.CANCEL_REFUSED:
            title = self.tr("%n partly shipped order(s) cancelled in Commerce", "", count)
            text = self.tr(
                "A partly shipped order cannot be cancelled on the marketplace from here; "
                "nothing was sent. Open Orders, In error."
            )
        else:
            return notice.title, notice.text
        if where:
            title = self.tr("{title} ({store})").format(title=title, store=where)
        return title, text

    def _new_orders(self, notice: Notice) -> str:
        """'2 new Amazon orders', or with several marketplaces '3 new orders (Walmart 1, …)'."""
        names, count, where = dict(MARKETPLACES), notice.count, notice.where
        several = len(notice.sold_on) > 1
        if several:
            title = self.tr("%n new order(s)", "", count)
        else:
            market = notice.sold_on[0][0] if notice.sold_on else "walmart"
            title = self.tr("%n new {marketplace} order(s)", "", count)
            title = title.format(marketplace=names.get(market, market))
        if where:
            title = self.tr("{title} for {store}").format(title=title, store=where)
        if several:
            each = ", ".join(f"{names.get(m, m)} {n}" for m, n in notice.sold_on)
            title = self.tr("{title} ({marketplaces})").format(title=title, marketplaces=each)
        return title
