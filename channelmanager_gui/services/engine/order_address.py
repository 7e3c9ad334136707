"""Walmart's ``shippingInfo.postalAddress`` → a Commerce cart address.

Walmart gives one ``name`` and a three-letter country ("USA"); Commerce wants first and last
name, an ISO-2 ``country_id``, and for the US the ``region_id`` this shop gives the state (read
from the shop, ``CommerceClient.country_regions``: ids differ between installations). A guest
order takes its e-mail from the billing address: the caller passes the merchant's order e-mail
(store settings), never the buyer's Walmart relay address, since Commerce mails that address.
Commerce rejects an address without telephone or last name, so the gaps Walmart leaves (null
phone, one-word names) are filled with harmless values.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from channelmanager_gui.services.commerce.client import CommerceClient
from channelmanager_gui.services.commerce.directory import Region, find_region
from channelmanager_gui.services.commerce.models import Address

_COUNTRIES = {"USA": "US", "US": "US", "CAN": "CA", "MEX": "MX", "PRI": "PR"}
NO_PHONE = "0000000000"


def split_name(name: str) -> tuple[str, str]:
    """ "Kathryn Cole" → ("Kathryn", "Cole"); one word is used for both (Commerce needs both)."""
    parts = name.split()
    if not parts:
        return "Walmart", "Customer"
    if len(parts) == 1:
        return parts[0], parts[0]
    return " ".join(parts[:-1]), parts[-1]


def country_code(country: str) -> str:
    text = (country or "").strip().upper()
    return _COUNTRIES.get(text, text[:2] if len(text) == 2 else "US")


def _region(state: str, regions: Sequence[Region]) -> dict[str, Any]:
    known = find_region(regions, state)
    if known is not None:
        return {"region_id": known.id, "region": known.name, "region_code": known.code}
    code = state.strip().upper()
    return {"region": state or None, "region_code": code or None}


async def commerce_address(client: CommerceClient, stored: dict[str, Any], email: str) -> Address:
    """The Commerce address of an order, with the shop's own region id for its state."""
    country = country_code(str(stored.get("country") or ""))
    return cart_address(stored, email, await client.country_regions(country))


def cart_address(stored: dict[str, Any], email: str, regions: Sequence[Region]) -> Address:
    """The Commerce address of an order from the shipping address we stored at import;
    ``regions`` are the shop's regions of its country."""
    first, last = split_name(str(stored.get("name") or ""))
    country = country_code(str(stored.get("country") or ""))
    street = [s for s in (stored.get("address1"), stored.get("address2")) if s]
    data: dict[str, Any] = {
        "firstname": first[:255],
        "lastname": last[:255],
        "street": street or ["-"],
        "city": stored.get("city") or "-",
        "postcode": stored.get("postal_code") or "",
        "country_id": country,
        "telephone": stored.get("phone") or NO_PHONE,
        "email": email,
        **_region(str(stored.get("state") or ""), regions),
    }
    return Address.model_validate(data)
