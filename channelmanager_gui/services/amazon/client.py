"""``AmazonClient``: the async SP-API client for one seller account (North America).

The sum of the endpoint groups over one ``AmazonCore`` (session, LWA token cache, per-operation
token buckets). Use it as an async context manager or call ``aclose()``. Errors are
``channelmanager_gui.errors`` types whose ``correlation_id`` is Amazon's ``x-amzn-RequestId``.
"""

from __future__ import annotations

from types import TracebackType

from channelmanager_gui.services.amazon.catalog import CatalogApi
from channelmanager_gui.services.amazon.connection import SellersApi
from channelmanager_gui.services.amazon.feeds import FeedsApi
from channelmanager_gui.services.amazon.finances import FinancesApi
from channelmanager_gui.services.amazon.listings import ListingsApi
from channelmanager_gui.services.amazon.orders import OrdersApi
from channelmanager_gui.services.amazon.rdt import RestrictedDataApi
from channelmanager_gui.services.amazon.reports import ReportsApi
from channelmanager_gui.services.amazon.shipping import ShippingApi


class AmazonClient(
    OrdersApi, ShippingApi, RestrictedDataApi, FeedsApi, ReportsApi, ListingsApi, CatalogApi,
    SellersApi, FinancesApi,
):  # fmt: skip
    """``AmazonClient(LwaCredentials(...), seller_id=..., marketplaces=[...], *,
    base_url=PRODUCTION_URL, lwa_url=LWA_TOKEN_URL, transport=None, clock=None, retry=None,
    rate=None, plans=None)``."""

    async def __aenter__(self) -> AmazonClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
