"""Walmart's ``shippingInfo.postalAddress`` → a Commerce cart address.

Walmart gives one ``name`` and a three-letter country ("USA"); Commerce wants first and last
name, an ISO-2 ``country_id``, and for the US a region it knows. A guest order takes its e-mail
from the billing address: the caller passes the merchant's order e-mail (store settings), never
the buyer's Walmart relay address, since Commerce mails that address. Commerce rejects an
address without telephone or last name, so the gaps Walmart leaves (null phone, one-word
names) are filled with harmless values.
"""

from __future__ import annotations

from typing import Any

from channelmanager_gui.services.commerce.models import Address

_COUNTRIES = {"USA": "US", "US": "US", "CAN": "CA", "MEX": "MX", "PRI": "PR"}

# Magento's install data for US regions (directory_country_region): code → (region_id, name).
# Ids are stable across 2.x installs (the 2.4 orders tutorial sends Texas as 57) (?).
_US_REGIONS = {
    "AL": (1, "Alabama"), "AK": (2, "Alaska"), "AS": (3, "American Samoa"),
    "AZ": (4, "Arizona"), "AR": (5, "Arkansas"), "AE": (9, "Armed Forces Europe"),
    "AA": (7, "Armed Forces Americas"), "AP": (11, "Armed Forces Pacific"),
    "CA": (12, "California"), "CO": (13, "Colorado"), "CT": (14, "Connecticut"),
    "DE": (15, "Delaware"), "DC": (16, "District of Columbia"),
    "FM": (17, "Federated States Of Micronesia"), "FL": (18, "Florida"), "GA": (19, "Georgia"),
    "GU": (20, "Guam"), "HI": (21, "Hawaii"), "ID": (22, "Idaho"), "IL": (23, "Illinois"),
    "IN": (24, "Indiana"), "IA": (25, "Iowa"), "KS": (26, "Kansas"), "KY": (27, "Kentucky"),
    "LA": (28, "Louisiana"), "ME": (29, "Maine"), "MH": (30, "Marshall Islands"),
    "MD": (31, "Maryland"), "MA": (32, "Massachusetts"), "MI": (33, "Michigan"),
    "MN": (34, "Minnesota"), "MS": (35, "Mississippi"), "MO": (36, "Missouri"),
    "MT": (37, "Montana"), "NE": (38, "Nebraska"), "NV": (39, "Nevada"),
    "NH": (40, "New Hampshire"), "NJ": (41, "New Jersey"), "NM": (42, "New Mexico"),
    "NY": (43, "New York"), "NC": (44, "North Carolina"), "ND": (45, "North Dakota"),
    "MP": (46, "Northern Mariana Islands"), "OH": (47, "Ohio"), "OK": (48, "Oklahoma"),
    "OR": (49, "Oregon"), "PW": (50, "Palau"), "PA": (51, "Pennsylvania"),
    "PR": (52, "Puerto Rico"), "RI": (53, "Rhode Island"), "SC": (54, "South Carolina"),
    "SD": (55, "South Dakota"), "TN": (56, "Tennessee"), "TX": (57, "Texas"), "UT": (58, "Utah"),
    "VT": (59, "Vermont"), "VI": (60, "Virgin Islands"), "VA": (61, "Virginia"),
    "WA": (62, "Washington"), "WV": (63, "West Virginia"), "WI": (64, "Wisconsin"),
    "WY": (65, "Wyoming"),
}  # fmt: skip
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


def _region(country: str, state: str) -> dict[str, Any]:
    code = (state or "").strip().upper()
    known = _US_REGIONS.get(code) if country == "US" else None
    if known:
        return {"region_id": known[0], "region": known[1], "region_code": code}
    return {"region": state or None, "region_code": code or None}


def cart_address(stored: dict[str, Any], email: str) -> Address:
    """The Commerce address of an order from the shipping address we stored at import."""
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
        **_region(country, str(stored.get("state") or "")),
    }
    return Address.model_validate(data)
