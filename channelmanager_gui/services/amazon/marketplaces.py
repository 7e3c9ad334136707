"""Amazon's North America endpoints and marketplaces (reference §1.4).

Only the NA region is supported: a marketplace of another region on the NA host is refused
with 403 (§1.4), so it is rejected here, before any call, with the merchant's own words.
"""

from __future__ import annotations

from dataclasses import dataclass

from channelmanager_gui.errors import ValidationError

LWA_TOKEN_URL = "https://api.amazon.com/auth/o2/token"
PRODUCTION_URL = "https://sellingpartnerapi-na.amazon.com"
SANDBOX_URL = "https://sandbox.sellingpartnerapi-na.amazon.com"


@dataclass(frozen=True)
class Marketplace:
    marketplace_id: str
    country: str
    name: str
    currency: str


US = Marketplace("ATVPDKIKX0DER", "US", "Amazon.com", "USD")
CA = Marketplace("A2EUQ1WTGCTBG2", "CA", "Amazon.ca", "CAD")
MX = Marketplace("A1AM78C64UM0Y8", "MX", "Amazon.com.mx", "MXN")
BR = Marketplace("A2Q3Y263D00KWC", "BR", "Amazon.com.br", "BRL")
# Brazil is served by the NA endpoint too, but the product sells in US/CA/MX (reference §8.1).
SUPPORTED = (US, CA, MX)
BY_ID = {m.marketplace_id: m for m in (US, CA, MX, BR)}


def marketplace(marketplace_id: str) -> Marketplace:
    """The supported marketplace with this id, or a ``ValidationError`` naming it."""
    found = BY_ID.get((marketplace_id or "").strip())
    if found is None or found not in SUPPORTED:
        known = ", ".join(f"{m.name} ({m.marketplace_id})" for m in SUPPORTED)
        raise ValidationError(
            "marketplace_id", f"“{marketplace_id}” is not a supported marketplace; use {known}"
        )
    return found


def marketplace_ids(ids: list[str] | tuple[str, ...]) -> list[str]:
    """Checked, de-duplicated ids in the given order; at least one."""
    checked = list(dict.fromkeys(marketplace(i).marketplace_id for i in ids))
    if not checked:
        raise ValidationError("marketplace_id", "choose at least one marketplace")
    return checked


def name_of(marketplace_id: str) -> str:
    """A marketplace's shop name for messages, or its raw id when unknown."""
    found = BY_ID.get(marketplace_id)
    return found.name if found else marketplace_id
