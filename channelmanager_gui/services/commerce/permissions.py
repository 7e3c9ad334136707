"""Test connection's permission check: one harmless probe per API permission the sync uses.

Commerce checks a route's ACL resource before it reads the request (``Webapi\\Controller\\Rest\\
RequestValidator::checkPermissions``), and answers 401 "The consumer isn't authorized to access
%resources." when the integration lacks it (reference §1). So each permission is probed with a
read, or with a write aimed at order id 0, which passes the ACL check and is then refused
("An ID is needed" / "entity … doesn't exist", 400/404) before anything is created. A 401
means the permission is missing; any other refusal that is not "no such route" means it is
there. ACL ids are those of ``Sales``, ``Catalog``, ``Quote``, ``InventoryApi`` and ``Rma``
``etc/webapi.xml`` in 2.4 (earlier 2.4 releases use ``Magento_Sales::sales`` for every sales
route; the 401 names the resource the shop wants, and that is what the message repeats).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from channelmanager_gui.errors import ApiError, AuthError, ChannelError
from channelmanager_gui.services.commerce.base import SERVICE, CommerceBase, list_envelope
from channelmanager_gui.services.commerce.error_body import is_no_route
from channelmanager_gui.services.commerce.search import SearchCriteria
from channelmanager_gui.services.http import ConnectionReport, Priority, ok_report, report_for

NO_ORDER = 0  # no order has entity id 0: a write aimed at it is refused after the ACL check
NO_SKU = "channel-manager-permission-check"  # a stock read of it is refused after the check


@dataclass(frozen=True)
class Probe:
    """One permission: what the integration may not do without it, in the merchant's words."""

    words: str
    resource: str
    method: str
    parts: tuple[str | int, ...]
    listing: bool = False  # a list read: its total_count is worth reporting


PRODUCTS = Probe("read products", "Magento_Catalog::products", "GET", ("products",), True)
ORDERS = Probe("read orders", "Magento_Sales::actions_view", "GET", ("orders",), True)
RETURNS = Probe("open returns (RMA)", "Magento_Rma::magento_rma", "GET", ("returns",), True)
# Stock: MSI's routes when the shop has MSI, else the legacy stock item (as ``engine.stock``)
MSI = (
    Probe(
        "read salable quantities",
        "Magento_InventoryApi::stock",
        "GET",
        ("inventory", "get-product-salable-quantity", NO_SKU, 1),
    ),
    Probe(
        "read stock in sources",
        "Magento_InventoryApi::source",
        "GET",
        ("inventory", "source-items"),
        True,
    ),
)
LEGACY_STOCK = Probe(
    "read stock items",
    "Magento_CatalogInventory::cataloginventory",
    "GET",
    ("stockItems", NO_SKU),
)
PROBES = (
    ORDERS,
    Probe("create carts to place orders", "Magento_Cart::manage", "GET", ("carts", NO_ORDER)),
    Probe(
        "add comments to orders",
        "Magento_Sales::comment",
        "POST",
        ("orders", NO_ORDER, "comments"),
    ),
    Probe("cancel orders", "Magento_Sales::cancel", "POST", ("orders", NO_ORDER, "cancel")),
    Probe("create invoices", "Magento_Sales::invoice", "POST", ("order", NO_ORDER, "invoice")),
    Probe("create shipments", "Magento_Sales::ship", "POST", ("order", NO_ORDER, "ship")),
    Probe("read shipments", "Magento_Sales::shipment", "GET", ("shipments",), True),
    Probe(
        "create credit memos", "Magento_Sales::creditmemo", "POST", ("order", NO_ORDER, "refund")
    ),
    Probe("read credit memos", "Magento_Sales::sales_creditmemo", "GET", ("creditmemos",), True),
)


@dataclass
class Outcome:
    """How one probe went: allowed (with a count for lists), refused (401), the route does
    not exist (``absent``: a module the shop lacks), or failed."""

    probe: Probe
    total: int | None = None
    refused: AuthError | None = None
    error: ChannelError | None = None
    absent: bool = False


async def probe(client: CommerceBase, item: Probe) -> Outcome:
    """Send one probe; never raises a ``ChannelError``."""
    params = SearchCriteria(page_size=1).to_params() if item.listing else None
    try:
        body = await client.call(
            item.method, client.path(*item.parts), item.words, params=params,
            repeatable=item.method == "GET", priority=Priority.INTERACTIVE,
        )  # fmt: skip
    except AuthError as exc:
        return Outcome(item, refused=exc)
    except ApiError as exc:
        if is_no_route(exc):
            return Outcome(item, error=exc, absent=True)
        if not item.listing and exc.status in (400, 404):
            return Outcome(item)  # refused after the ACL check: the permission is there
        return Outcome(item, error=exc)
    except ChannelError as exc:
        return Outcome(item, error=exc)
    if item.listing:
        try:
            return Outcome(item, total=list_envelope(body, item.words)[1])
        except ChannelError as exc:
            return Outcome(item, error=exc)
    return Outcome(item)


async def check_permissions(client: CommerceBase, with_returns: bool) -> list[Outcome]:
    """Every probe but products (asked first, alone, by the caller), at the same time.

    The stock probes that apply are kept: MSI's when the shop has MSI, else the legacy one.
    """
    probes = [*PROBES, *MSI, LEGACY_STOCK, *([RETURNS] if with_returns else [])]
    outcomes = list(await asyncio.gather(*(probe(client, p) for p in probes)))
    has_msi = not any(o.absent for o in outcomes if o.probe in MSI)
    unused = (LEGACY_STOCK,) if has_msi else MSI
    return [o for o in outcomes if o.probe not in unused]


def verdict(first: Outcome, others: list[Outcome], rma: bool | None) -> ConnectionReport:
    """One report: bad token, missing permissions named in words, another failure, or ok.

    ``rma`` is None when the shop has the returns module but the token may not use it.
    """
    outcomes = [first, *others]
    refused = [o for o in outcomes if o.refused is not None]
    if len(refused) == len(outcomes):
        assert first.refused is not None
        return bad_token(first.refused)
    if refused:
        return missing_permissions(refused)
    failed = next((o for o in outcomes if o.error is not None), None)
    if failed is not None and failed.error is not None:
        return report_for(failed.error, SERVICE)
    orders = next((o.total for o in others if o.probe is ORDERS), 0)
    returns = "with returns (RMA)" if rma else "without returns (RMA)"
    return ok_report(SERVICE, detail=f"{first.total} products, {orders} orders; {returns}.")


def bad_token(exc: AuthError) -> ConnectionReport:
    message = (
        "Commerce refused the access token. Use the integration's Access Token (Admin > System "
        "> Extensions > Integrations), check that the integration is active, and on Commerce "
        "2.4.4 or later set Stores > Configuration > Services > OAuth > Allow OAuth Access "
        "Tokens to be used as standalone Bearer tokens to Yes."
    )
    return ConnectionReport(False, "bad_credentials", message, exc.detail)


def missing_permissions(refused: list[Outcome]) -> ConnectionReport:
    """'This integration may not create invoices or create shipments', with the ACL ids."""
    words = [o.probe.words for o in refused]
    said = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"
    resources = sorted({_named(o) for o in refused})
    message = (
        f"Commerce accepted the access token, but this integration may not {said}. Give it "
        f"the API permission{'s' if len(resources) > 1 else ''} {', '.join(resources)} (Admin "
        "> System > Extensions > Integrations > the integration > API), then activate it again."
    )
    detail = "\n\n".join(o.refused.detail for o in refused if o.refused is not None)
    return ConnectionReport(False, "no_permission", message, detail)


def _named(outcome: Outcome) -> str:
    """The resource the 401 named (what this shop wants), else the one we expected."""
    return (outcome.refused.field if outcome.refused else "") or outcome.probe.resource
