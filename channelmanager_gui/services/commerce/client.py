"""``CommerceClient``: the async Adobe Commerce / Magento Open Source 2.4 REST client.

One client per shop and store view, authenticated with an admin or integration access token
sent as a Bearer token (since 2.4.4 an integration token needs "Allow OAuth Access Tokens to be
used as standalone Bearer tokens", reference §1). Paths hang from ``{base_url}/rest/V1``, or
``{base_url}/rest/{store_code}/V1`` for one store view.

Which requests are retried (429, 5xx, timeouts, dropped connections; by the shared
``HttpSession`` with jittered back-off) and why:

- every GET: reading twice changes nothing;
- ``set_shipping_information``: it sets the same addresses and method again;
- ``set_ext_order_id``: a partial order save of ``ext_order_id`` (with the order's own
  ``increment_id``, so it is never renumbered), an absolute write;
- ``cancel_order``: cancelling twice leaves the order canceled (the repeat answers ``False``);
- NOT ``create_cart``, ``add_cart_item``, ``place_order``: a repeat makes a second cart, adds
  the quantity twice or places a second order; the sync engine records each step and, after a
  lost answer, finds before it creates (``find_orders(quote_id=…)`` / ``ext_order_id``);
- NOT ``ship_order``, ``refund_offline``, ``invoice_order``, ``create_rma``: each makes a new
  document that moves goods or money; the outbox lists documents before sending again;
- NOT ``add_comment``: a repeat would add the comment twice.

A request that never reached the server (connection refused) is retried whatever its kind.
"""

from __future__ import annotations

import random
import re
from types import TracebackType

import httpx

from channelmanager_gui.errors import AuthError, ChannelError
from channelmanager_gui.services.commerce import permissions
from channelmanager_gui.services.commerce.base import SERVICE, CommerceBase
from channelmanager_gui.services.commerce.catalog import CatalogMixin
from channelmanager_gui.services.commerce.directory import DirectoryMixin
from channelmanager_gui.services.commerce.error_body import commerce_error_parser
from channelmanager_gui.services.commerce.fulfilment import FulfilmentMixin
from channelmanager_gui.services.commerce.orders import OrdersMixin
from channelmanager_gui.services.commerce.returns import ReturnsMixin
from channelmanager_gui.services.http import (
    Clock,
    ConnectionReport,
    HttpSession,
    RateControl,
    RetryPolicy,
    register_secret,
    report_for,
)

# A pasted API address ("…/rest/V1", "…/rest/default/V1", "…/rest") is reduced to the shop root.
_API_SUFFIX = re.compile(r"/rest(?:(?:/[^/]+)?/V1)?/*$")


class CommerceClient(CatalogMixin, OrdersMixin, FulfilmentMixin, ReturnsMixin, DirectoryMixin):
    """Async Commerce REST client; use as ``async with CommerceClient(...) as client``."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        store_code: str | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        retry: RetryPolicy | None = None,
        rate: RateControl | None = None,
        clock: Clock | None = None,
        rng: random.Random | None = None,
    ) -> None:
        """``base_url`` is the shop root that ``/rest/V1`` hangs from (https, or http to
        loopback only; ``ValidationError`` otherwise). ``transport``/``clock``/``rng`` are for
        tests; ``rate`` may be shared with other clients of the same shop."""
        register_secret(token)
        session = HttpSession(
            shop_root(base_url),
            service=SERVICE,
            correlation_header="X-Request-ID",
            error_parser=commerce_error_parser,
            transport=transport,
            clock=clock,
            rate=rate,
            retry=retry,
            rng=rng,
        )
        CommerceBase.__init__(self, session, token, store_code)

    async def __aenter__(self) -> CommerceClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self.session.aclose()

    async def test_connection(self) -> ConnectionReport:
        """One verdict for the settings dialog: wrong URL, bad token, missing permissions
        (each named in words), unreachable, or connected.

        Products are asked first and alone: a wrong address or an unreachable shop shows
        there. Then every permission the sync needs is probed (``permissions``); Commerce
        answers 401 alike for a wrong token and a missing permission, so only a token refused
        everywhere is reported as a bad token.
        """
        first = await permissions.probe(self, permissions.PRODUCTS)
        if first.error is not None:
            return report_for(first.error, SERVICE)
        rma = await self._rma_state()
        others = await permissions.check_permissions(self, with_returns=rma is not False)
        return permissions.verdict(first, others, rma)

    async def _rma_state(self) -> bool | None:
        """True/False: the shop has/lacks returns; None: it has them, the token may not."""
        try:
            return await self.supports_rma()
        except AuthError:
            return None
        except ChannelError:
            return False


def shop_root(base_url: str) -> str:
    """The shop root ``/rest/V1`` hangs from, also when the API address itself was pasted."""
    return _API_SUFFIX.sub("", base_url.strip())
