"""Regions of a country as this shop knows them: ``GET /V1/directory/countries/{countryId}``.

A US address needs the shop's ``region_id`` for its state; Commerce takes the region's name from
that id, so a wrong id ships to the wrong state, or is refused at checkout ("Invalid value of …
provided for the regionId field", ``Customer\\Model\\Address\\Validator\\Country``). Ids come
from each installation's ``directory_country_region`` table and differ between installations,
so they are read from the shop (``Directory\\Api\\CountryInformationAcquirerInterface::
getCountryInfo`` → ``available_regions[{id, code, name}]``, ids as strings) and kept per client,
i.e. per store. A country the shop does not offer answers 404 "Requested country is not
available."; it then has no regions and the address goes with the region text alone.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Annotated

from pydantic import BeforeValidator, Field

from channelmanager_gui.errors import NotFoundError
from channelmanager_gui.services.commerce.base import CommerceBase
from channelmanager_gui.services.commerce.models import CommerceModel, Text, parse

log = logging.getLogger(__name__)


class Region(CommerceModel):
    """One ``available_regions`` entry."""

    id: int
    code: Text = ""
    name: Text = ""


def _list_or_empty(value: object) -> object:
    return [] if value is None else value


class CountryInfo(CommerceModel):
    id: Text = ""
    available_regions: Annotated[list[Region], BeforeValidator(_list_or_empty)] = Field(
        default_factory=list
    )


def find_region(regions: Iterable[Region], state: str) -> Region | None:
    """The region whose code ("TX") or name ("Texas") is ``state``, ignoring case."""
    wanted = " ".join(state.split()).casefold()
    if not wanted:
        return None
    return next(
        (r for r in regions if wanted in (r.code.casefold(), " ".join(r.name.split()).casefold())),
        None,
    )


class DirectoryMixin(CommerceBase):
    """Countries and their regions, read once per country."""

    _regions: dict[str, list[Region]] | None = None

    async def country_regions(self, country_id: str) -> list[Region]:
        """The shop's regions of ``country_id`` (ISO-2); empty when it lists none."""
        country = country_id.strip().upper()
        cache: Mapping[str, list[Region]] = self._regions or {}
        if country in cache:
            return cache[country]
        path = self.path("directory", "countries", country)
        try:
            info = parse(CountryInfo, await self.get(path, "country"), "country")
        except NotFoundError as exc:
            log.warning("Commerce has no country %s: %s", country, exc)
            info = CountryInfo(id=country)
        self._regions = {**cache, country: list(info.available_regions)}
        return self._regions[country]
