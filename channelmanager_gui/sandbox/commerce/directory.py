"""``GET /V1/directory/countries/{countryId}`` and the region check at checkout.

``Directory\\Model\\CountryInformationAcquirer::getCountryInfo`` answers ``{id,
two_letter_abbreviation, three_letter_abbreviation, full_name_locale, full_name_english,
available_regions[{id, code, name}]}`` (region ids are strings, ``RegionInformationInterface``)
and 404 "Requested country is not available." for a country the store does not offer. The route
is anonymous in ``Directory/etc/webapi.xml`` (?). Region ids are ``directory_country_region``
rows: Magento's install data numbers the US states 1–65, but a shop that reinstalled or
imported regions has others, which ``CommerceState.region_id_offset`` imitates.

At order placement ``QuoteValidator::validateBeforeSubmit`` validates the shipping address
(``Customer\\Model\\Address\\Validator\\Country``): a ``region_id`` that is not one of the
country's regions is refused; a valid one decides the region's name and code on the order.
"""

from __future__ import annotations

from typing import Any

from channelmanager_gui.sandbox.commerce.errors import ApiError
from channelmanager_gui.sandbox.commerce.routing import Call, Route
from channelmanager_gui.sandbox.commerce.state import CommerceState

COUNTRIES = {  # id → (ISO-3, English name); the store offers these
    "US": ("USA", "United States"),
    "CA": ("CAN", "Canada"),
    "MX": ("MEX", "Mexico"),
    "PR": ("PRI", "Puerto Rico"),
    "GB": ("GBR", "United Kingdom"),
}
# Magento's install data for the US (directory_country_region): install id → (code, name)
US_REGIONS = {
    1: ("AL", "Alabama"), 2: ("AK", "Alaska"), 3: ("AS", "American Samoa"), 4: ("AZ", "Arizona"),
    5: ("AR", "Arkansas"), 6: ("AF", "Armed Forces Africa"), 7: ("AA", "Armed Forces Americas"),
    8: ("AC", "Armed Forces Canada"), 9: ("AE", "Armed Forces Europe"),
    10: ("AM", "Armed Forces Middle East"), 11: ("AP", "Armed Forces Pacific"),
    12: ("CA", "California"), 13: ("CO", "Colorado"),
    14: ("CT", "Connecticut"), 15: ("DE", "Delaware"), 16: ("DC", "District of Columbia"),
    17: ("FM", "Federated States Of Micronesia"), 18: ("FL", "Florida"), 19: ("GA", "Georgia"),
    20: ("GU", "Guam"), 21: ("HI", "Hawaii"), 22: ("ID", "Idaho"), 23: ("IL", "Illinois"),
    24: ("IN", "Indiana"), 25: ("IA", "Iowa"), 26: ("KS", "Kansas"), 27: ("KY", "Kentucky"),
    28: ("LA", "Louisiana"), 29: ("ME", "Maine"), 30: ("MH", "Marshall Islands"),
    31: ("MD", "Maryland"), 32: ("MA", "Massachusetts"), 33: ("MI", "Michigan"),
    34: ("MN", "Minnesota"), 35: ("MS", "Mississippi"), 36: ("MO", "Missouri"),
    37: ("MT", "Montana"), 38: ("NE", "Nebraska"), 39: ("NV", "Nevada"),
    40: ("NH", "New Hampshire"), 41: ("NJ", "New Jersey"), 42: ("NM", "New Mexico"),
    43: ("NY", "New York"), 44: ("NC", "North Carolina"), 45: ("ND", "North Dakota"),
    46: ("MP", "Northern Mariana Islands"), 47: ("OH", "Ohio"), 48: ("OK", "Oklahoma"),
    49: ("OR", "Oregon"), 50: ("PW", "Palau"), 51: ("PA", "Pennsylvania"),
    52: ("PR", "Puerto Rico"), 53: ("RI", "Rhode Island"), 54: ("SC", "South Carolina"),
    55: ("SD", "South Dakota"), 56: ("TN", "Tennessee"), 57: ("TX", "Texas"), 58: ("UT", "Utah"),
    59: ("VT", "Vermont"), 60: ("VI", "Virgin Islands"), 61: ("VA", "Virginia"),
    62: ("WA", "Washington"), 63: ("WV", "West Virginia"), 64: ("WI", "Wisconsin"),
    65: ("WY", "Wyoming"),
}  # fmt: skip


def regions(state: CommerceState, country: str) -> dict[int, tuple[str, str]]:
    """This installation's regions of ``country``: region id → (code, name)."""
    if country != "US":
        return {}
    return {install + state.region_id_offset: row for install, row in US_REGIONS.items()}


def country_info(call: Call) -> Any:
    country = call.params["country_id"].upper()
    if country not in COUNTRIES:
        raise ApiError(404, "Requested country is not available.")
    iso3, name = COUNTRIES[country]
    info: dict[str, Any] = {
        "id": country,
        "two_letter_abbreviation": country,
        "three_letter_abbreviation": iso3,
        "full_name_locale": name,
        "full_name_english": name,
    }
    listed = regions(call.state, country)
    if listed:
        info["available_regions"] = [
            {"id": str(region_id), "code": code, "name": region_name}
            for region_id, (code, region_name) in listed.items()
        ]
    return info


def resolve_region(state: CommerceState, address: dict[str, Any]) -> dict[str, Any]:
    """The address as the order keeps it, or the 400 for a region id the country lacks."""
    raw = address.get("region_id")
    if raw in (None, "", 0, "0"):
        return address
    known = regions(state, str(address.get("country_id") or "").upper())
    try:
        region = known.get(int(raw))
    except (TypeError, ValueError):
        region = None
    if region is None:
        raise ApiError(
            400,
            "Please check the shipping address information. %1",
            [f'Invalid value of "{raw}" provided for the regionId field.'],
        )
    code, name = region
    return {**address, "region_id": int(raw), "region_code": code, "region": name}


ROUTES = [
    Route("GET", "/directory/countries/{country_id}", country_info, "anonymous", anonymous=True),
]
