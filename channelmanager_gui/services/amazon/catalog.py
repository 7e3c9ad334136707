"""Matching a product to an ASIN with Catalog Items 2022-04-01 ``searchCatalogItems`` (§4.4).

Identifiers are tried in the reference's order — stored ASIN, UPC, EAN, ISBN, GTIN — and the
first that finds anything decides (§4.4). The verdicts mirror Amazon Sales Channel's
"Incomplete" reasons: no hit → *Unable to assign*; exactly one ``BASE_PRODUCT`` → matched (ASIN
and product type); several → *Multiple matches* (the merchant picks); a ``VARIATION_PARENT`` →
*Has variants* (the merchant picks a child). A 404 ``NOT_FOUND`` means "not in this
marketplace", i.e. no hit.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import AliasPath, Field

from channelmanager_gui.errors import NotFoundError, ValidationError
from channelmanager_gui.services.amazon import tab_reasons as said
from channelmanager_gui.services.amazon.core import AmazonCore
from channelmanager_gui.services.amazon.marketplaces import marketplace
from channelmanager_gui.services.amazon.models import AmazonModel
from channelmanager_gui.services.http import Priority
from channelmanager_gui.services.walmart.fields import Blank, Text

CATALOG = "/catalog/2022-04-01/items"
MATCH_ORDER = ("ASIN", "UPC", "EAN", "ISBN", "GTIN")
MAX_IDENTIFIERS = 20


class MatchVerdict(StrEnum):
    MATCHED = "matched"
    UNABLE_TO_ASSIGN = "unable_to_assign"
    MULTIPLE_MATCHES = "multiple_matches"
    HAS_VARIANTS = "has_variants"


class CatalogItem(AmazonModel):
    asin: Text
    # Summaries and product types are per marketplace; we ask for exactly one (§4.4).
    classification: Blank = Field(
        "", validation_alias=AliasPath("summaries", 0, "itemClassification")
    )
    item_name: Blank = Field("", validation_alias=AliasPath("summaries", 0, "itemName"))
    brand: Blank = Field("", validation_alias=AliasPath("summaries", 0, "brand"))
    product_type: Blank = Field("", validation_alias=AliasPath("productTypes", 0, "productType"))


@dataclass(frozen=True)
class CatalogMatch:
    verdict: MatchVerdict
    candidates: tuple[CatalogItem, ...] = ()
    identifier_type: str = ""

    @property
    def asin(self) -> str | None:
        return self.candidates[0].asin if self.verdict is MatchVerdict.MATCHED else None

    @property
    def reason(self) -> str:
        """The merchant's words (Amazon Sales Channel's Incomplete statuses, §4.8)."""
        return {
            MatchVerdict.MATCHED: said.MATCHED,
            MatchVerdict.UNABLE_TO_ASSIGN: said.UNABLE_TO_ASSIGN,
            MatchVerdict.MULTIPLE_MATCHES: said.MULTIPLE_MATCHES,
            MatchVerdict.HAS_VARIANTS: said.HAS_VARIANTS,
        }[self.verdict].format()


def verdict_for(items: list[CatalogItem], identifier_type: str = "") -> CatalogMatch:
    """The rule of §4.4 applied to one search's hits."""
    found = tuple(items)
    if not found:
        return CatalogMatch(MatchVerdict.UNABLE_TO_ASSIGN, found, identifier_type)
    if len(found) > 1:
        return CatalogMatch(MatchVerdict.MULTIPLE_MATCHES, found, identifier_type)
    if found[0].classification == "VARIATION_PARENT":
        return CatalogMatch(MatchVerdict.HAS_VARIANTS, found, identifier_type)
    return CatalogMatch(MatchVerdict.MATCHED, found, identifier_type)


class CatalogApi(AmazonCore):
    async def search_catalog(
        self,
        identifiers: list[str],
        identifier_type: str,
        *,
        marketplace_id: str,
        priority: Priority = Priority.INTERACTIVE,
    ) -> list[CatalogItem]:
        """Items matching any of ``identifiers`` (≤ 20) of one type; [] when none."""
        kind = identifier_type.upper()
        if kind not in (*MATCH_ORDER, "JAN", "MINSAN"):
            raise ValidationError("identifier_type", f"“{identifier_type}” is not supported")
        values = [v.strip() for v in identifiers if v and v.strip()]
        if not values or len(values) > MAX_IDENTIFIERS:
            raise ValidationError("identifiers", f"give 1 to {MAX_IDENTIFIERS} identifiers")
        params = {"identifiers": ",".join(values), "identifiersType": kind,
                  "marketplaceIds": marketplace(marketplace_id).marketplace_id,
                  "includedData": "summaries,productTypes,identifiers"}  # fmt: skip
        try:
            reply = await self._call(
                "GET", CATALOG, what=f"the Amazon catalog ({kind})", op="catalog.search",
                params=params, priority=priority,
            )  # fmt: skip
        except NotFoundError:
            return []
        # ``items`` is required (``ItemSearchResults``): missing is not "no match", unless the
        # answer itself counts none.
        reply.require(("items",), ("numberOfResults",))
        return [reply.model(CatalogItem, i) for i in reply.list_at("items")]

    async def match_product(
        self, identifiers: dict[str, str], *, marketplace_id: str
    ) -> CatalogMatch:
        """Try ``{"ASIN": .., "UPC": .., ..}`` in §4.4's order; the first with hits decides."""
        for kind in MATCH_ORDER:
            value = (identifiers.get(kind) or "").strip()
            if not value:
                continue
            items = await self.search_catalog([value], kind, marketplace_id=marketplace_id)
            if items:
                return verdict_for(items, kind)
        return CatalogMatch(MatchVerdict.UNABLE_TO_ASSIGN)
