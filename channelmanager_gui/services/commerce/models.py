"""Typed views of Commerce catalog and stock answers, and the parsing rules they share.

Real Commerce payloads carry nulls where the schema promises values (empty names on a store
view, ``items: null`` on RMAs, numbers sent as strings by extensions), so fields are lenient in
what they accept and strict in what they give back. :func:`parse` is the only way answers become
models: any shape problem leaves as :class:`MalformedResponseError` naming the field, never as a
``KeyError`` deep inside the sync engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic import ValidationError as PydanticValidationError

from channelmanager_gui.errors import MalformedResponseError

M = TypeVar("M", bound=BaseModel)


def parse_timestamp(value: object) -> datetime | None:
    """Commerce timestamps are UTC ``YYYY-MM-DD HH:MM:SS`` with no zone (reference §0)."""
    if value is None or value == "" or isinstance(value, datetime):
        return value if isinstance(value, datetime) else None
    if not isinstance(value, str):
        raise ValueError("timestamp must be a string")
    if value.startswith("0000-00-00"):  # MySQL "zero date": no value
        return None
    moment = datetime.fromisoformat(value.strip())
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _text_or_empty(value: object) -> object:
    return "" if value is None else value


Timestamp = Annotated[datetime | None, BeforeValidator(parse_timestamp)]
Text = Annotated[str, BeforeValidator(_text_or_empty)]
Qty = Annotated[float, BeforeValidator(lambda v: 0.0 if v is None else v)]


def _amount(value: object) -> object:
    """An amount as Commerce wrote it: a JSON number's shortest text (``repr``) is the decimal
    Commerce sent (its prices have at most 4 decimals), so no binary noise reaches a Decimal."""
    if value is None:
        return None
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"not an amount: {value[:40]!r}") from None
    return value


Amount = Annotated[Decimal | None, BeforeValidator(_amount)]


def _street(value: object) -> object:
    if value is None:
        return []
    return [value] if isinstance(value, str) else value


def _region(value: object) -> object:
    """Orders send ``region`` as text; customer addresses nest it as ``{"region": …}``."""
    return value.get("region") if isinstance(value, Mapping) else value


StringList = Annotated[list[str], BeforeValidator(_street)]


class CommerceModel(BaseModel):
    """Base: ignore unknown keys, accept ``12`` where text is expected (ids, codes)."""

    model_config = ConfigDict(
        extra="ignore",
        coerce_numbers_to_str=True,
        frozen=True,
        validate_by_name=True,
        validate_by_alias=True,
    )


def parse(model: type[M], data: object, what: str) -> M:
    """Validate one answer; shape problems become :class:`MalformedResponseError`."""
    try:
        return model.model_validate(data)
    except PydanticValidationError as exc:
        errors = exc.errors()
        loc = errors[0]["loc"] if errors else ()
        where = ".".join(str(p) for p in loc) or "(body)"
        raise MalformedResponseError(
            f"Commerce sent a {what} in an unexpected shape (field {where}).",
            field=where,
            detail=str(exc)[:2000],
        ) from None


def _enabled(value: object) -> object:
    """Product ``status`` is 1 (enabled) or 2 (disabled), reference §3."""
    if isinstance(value, bool):
        return value
    if value in (1, "1"):
        return True
    if value in (2, "2", 0, "0"):
        return False
    raise ValueError("product status must be 1 or 2")


def _attribute_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):  # category_ids and similar arrays; multiselects are "12,15"
        return ",".join(str(v) for v in value if isinstance(v, str | int | float))
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, str | int | float):
        return str(value)
    return None  # nested objects are not attribute values we use


def _custom_attributes(value: object) -> object:
    """``[{"attribute_code", "value"}]`` → ``{code: text}``; empty attributes are omitted."""
    if value is None:
        return {}
    if isinstance(value, Mapping):
        return value
    if not isinstance(value, list):
        raise ValueError("custom_attributes must be a list")
    out: dict[str, str] = {}
    for entry in value:
        if not isinstance(entry, Mapping) or not isinstance(entry.get("attribute_code"), str):
            raise ValueError("custom attribute without attribute_code")
        text = _attribute_text(entry.get("value"))
        if text is not None:
            out[entry["attribute_code"]] = text
    return out


class Product(CommerceModel):
    """One catalog product as the sync needs it."""

    id: int | None = None
    sku: str
    name: Text = ""
    price: Amount = None
    enabled: Annotated[bool, BeforeValidator(_enabled)] = Field(
        default=True, validation_alias="status"
    )
    type_id: Text = "simple"
    visibility: int | None = None
    weight: float | None = None
    created_at: Timestamp = None
    updated_at: Timestamp = None
    custom_attributes: Annotated[dict[str, str], BeforeValidator(_custom_attributes)] = Field(
        default_factory=dict
    )

    def attribute(self, code: str) -> str | None:
        """A custom attribute's value (UPC/EAN/brand…), or None when the product has none."""
        return self.custom_attributes.get(code)


class MediaEntry(CommerceModel):
    """One entry of a product's media gallery (``GET /V1/products/{sku}/media``, Magento's
    ``ProductAttributeMediaGalleryEntryInterface``): ``file`` is the path under the store's
    ``catalog/product`` media folder, e.g. ``/m/b/mb01-blue-0.jpg``; ``types`` name the roles
    (``image``, ``small_image``, ``thumbnail``)."""

    id: int | None = None
    media_type: Text = "image"
    label: Text = ""
    position: int | None = None
    disabled: bool = False
    types: list[str] = Field(default_factory=list)
    file: Text = ""


class SourceItem(CommerceModel):
    """MSI quantity of one SKU at one source; ``status`` 1 is in stock (reference §4)."""

    sku: str
    source_code: str
    quantity: Qty = 0.0
    status: int = 1


class StockItem(CommerceModel):
    """Legacy CatalogInventory stock item (``GET /V1/stockItems/{sku}``)."""

    item_id: int | None = None
    product_id: int | None = None
    stock_id: int | None = None
    qty: Qty = 0.0
    is_in_stock: Annotated[bool, BeforeValidator(lambda v: False if v is None else v)] = False
    manage_stock: bool | None = None


class Address(CommerceModel):
    """Postal address; the same keys serve cart input and order output (reference §5.1)."""

    firstname: Text = ""
    lastname: Text = ""
    street: StringList = Field(default_factory=list)
    city: Text = ""
    postcode: Text = ""
    country_id: Text = ""
    region: Annotated[str | None, BeforeValidator(_region)] = None
    region_id: int | None = None
    region_code: str | None = None
    telephone: Text = ""
    email: str | None = None
    company: str | None = None

    def to_request(self) -> dict[str, Any]:
        """Body form: unset optional keys left out rather than sent as null."""
        return self.model_dump(exclude_none=True)


class Track(CommerceModel):
    """A shipment tracking number; ``carrier_code`` is ups, usps, fedex, dhl or custom."""

    track_number: str
    title: Text = ""
    carrier_code: Text = "custom"
