"""``WalmartClient``: the async Walmart Marketplace API client the sync engine and UI use.

It is the sum of the endpoint groups (orders, returns, items, listings, feeds) over one
``WalmartCore`` (session, token, rate control). Use it as an async context manager, or call
``aclose()``; errors are ``channelmanager_gui.errors`` types carrying the correlation id.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import TracebackType

from channelmanager_gui.errors import ApiError, AuthError, ChannelError
from channelmanager_gui.services.http import ConnectionReport, Priority, ok_report, report_for
from channelmanager_gui.services.walmart.feeds import FeedsApi
from channelmanager_gui.services.walmart.items import ItemsApi
from channelmanager_gui.services.walmart.listings import ListingsApi
from channelmanager_gui.services.walmart.orders import OrdersApi
from channelmanager_gui.services.walmart.returns import ReturnsApi

SERVICE = "Walmart"


class WalmartClient(OrdersApi, ReturnsApi, ItemsApi, ListingsApi, FeedsApi):
    """``WalmartClient(base_url, client_id, client_secret, *, transport=None, clock=None,
    retry=None, rate=None, spacing=None, service_name="Walmart Marketplace")``."""

    async def __aenter__(self) -> WalmartClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def test_connection(self) -> ConnectionReport:
        """Fetch a fresh token, then read one page of recent orders (needs the orders scope).

        A token refused with 400/401 means bad credentials; 404 on ``/v3/token`` a wrong URL;
        403 on the orders read missing permission.
        """
        self.tokens.forget()
        try:
            await self.tokens.get()
        except ApiError as exc:
            if exc.status in (400, 401) and not isinstance(exc, AuthError):
                exc = AuthError(exc.message, status=401, code=exc.code,
                                correlation_id=exc.correlation_id, detail=exc.detail)  # fmt: skip
            return report_for(exc, SERVICE)
        except (ChannelError, OSError) as exc:
            return report_for(exc, SERVICE)
        try:
            since = datetime.fromtimestamp(self.clock.wall(), UTC) - timedelta(days=1)
            async for _ in self.iter_orders(since, limit=1, priority=Priority.INTERACTIVE):
                break
        except (ChannelError, OSError) as exc:
            return report_for(exc, SERVICE)
        return ok_report(SERVICE)
