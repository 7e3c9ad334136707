"""Rows of the flat-file (TSV) reports we read: All Listings and Returns (§4.7, §3.5).

Reports are tab-separated with a header row; column names are matched case- and space-
insensitively, unknown columns are ignored and missing ones read as empty, and one bad row is
skipped with its reason instead of losing the report. Encoding: UTF-8 is tried first, then
Windows-1252, which flat files from Amazon's NA marketplaces have used (?) — the reference does
not state the encoding.
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from channelmanager_gui.errors import MalformedResponseError

log = logging.getLogger(__name__)
# product-id-type codes of the All Listings report (§4.7, legacy flat-file codes).
PRODUCT_ID_TYPES = {"1": "ASIN", "2": "ISBN", "3": "UPC", "4": "EAN"}


@dataclass(frozen=True)
class ListingRow:
    sku: str
    asin: str
    name: str
    price: Decimal | None
    quantity: int | None
    status: str  # "Active" / "Inactive" in samples; anything else kept as sent (§4.7)
    fulfillment_channel: str  # DEFAULT (MFN) or AMAZON_NA
    product_id: str
    product_id_type: str  # ASIN / ISBN / UPC / EAN, or the raw code when unknown
    listing_id: str


@dataclass(frozen=True)
class ReturnRow:
    order_id: str
    sku: str
    asin: str
    quantity: int | None
    reason: str
    status: str
    rma_id: str
    refunded: Decimal | None
    currency: str
    return_date: str


def parse_listings_report(data: bytes) -> tuple[list[ListingRow], list[str]]:
    """All Listings rows and the reasons for rows skipped (no SKU)."""
    rows, skipped = [], []
    for number, row in _rows(data, "seller-sku"):
        sku = row.get("seller-sku", "")
        if not sku:
            skipped.append(f"line {number}: no seller-sku")
            continue
        code = row.get("product-id-type", "")
        rows.append(ListingRow(
            sku=sku, asin=row.get("asin1", ""), name=row.get("item-name", ""),
            price=_amount(row.get("price", "")), quantity=_whole(row.get("quantity", "")),
            status=row.get("status", ""), fulfillment_channel=row.get("fulfillment-channel", ""),
            product_id=row.get("product-id", ""),
            product_id_type=PRODUCT_ID_TYPES.get(code, code), listing_id=row.get("listing-id", ""),
        ))  # fmt: skip
    _log_skipped("All Listings", skipped)
    return rows, skipped


def parse_returns_report(data: bytes) -> tuple[list[ReturnRow], list[str]]:
    """Returns report rows (columns as §3.5 lists them) and the reasons for rows skipped."""
    rows, skipped = [], []
    for number, row in _rows(data, "order id"):
        order_id = row.get("order id", "")
        if not order_id:
            skipped.append(f"line {number}: no Order ID")
            continue
        rows.append(ReturnRow(
            order_id=order_id, sku=row.get("merchant sku", ""), asin=row.get("asin", ""),
            quantity=_whole(row.get("return quantity", "")), reason=row.get("return reason", ""),
            status=row.get("return request status", ""), rma_id=row.get("amazon rma id", ""),
            refunded=_amount(row.get("refunded amount", "")),
            currency=row.get("currency code", ""), return_date=row.get("return request date", ""),
        ))  # fmt: skip
    _log_skipped("Returns", skipped)
    return rows, skipped


def _rows(data: bytes, key: str) -> list[tuple[int, dict[str, str]]]:
    """Rows by lower-case column name. A header without the ``key`` column is not the report
    we asked for (or not a report): malformed, never read as a report without rows."""
    text = _decode(data).lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        raise MalformedResponseError("Amazon's report is empty", field="report") from None
    if key not in header:
        raise MalformedResponseError(
            f"Amazon's report has no “{key}” column", field=key, detail=" | ".join(header)[:500]
        )
    rows = []
    for number, values in enumerate(reader, start=2):
        if any(v.strip() for v in values):
            rows.append((number, {k: v.strip() for k, v in zip(header, values, strict=False)}))
    return rows


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _amount(text: str) -> Decimal | None:
    try:
        value = Decimal(text.replace(",", "")) if text else None
    except InvalidOperation:
        return None
    return value if value is not None and value.is_finite() else None


def _whole(text: str) -> int | None:
    value = _amount(text)
    return int(value) if value is not None and value == value.to_integral_value() else None


def _log_skipped(report: str, skipped: list[str]) -> None:
    for reason in skipped:
        log.warning("skipped a row of Amazon's %s report: %s", report, reason)
