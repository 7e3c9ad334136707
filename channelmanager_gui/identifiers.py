"""Product identifiers: check digits and normalisation to GTIN-14.

Walmart matches items by GTIN; merchants store UPC-A, EAN-13, ISBN-10/13 or GTIN-8/12/14 in
whatever attribute they chose. UX.md asks that each is validated by its check digit and normalised
to GTIN-14 (left zero-padded) before matching, and that ISBN-10 becomes a 978-prefixed ISBN-13.
"""

from __future__ import annotations

from dataclasses import dataclass

from channelmanager_gui import identifier_problems as said

GTIN_LENGTHS = (8, 12, 13, 14)


@dataclass(frozen=True)
class Identifier:
    """A validated identifier: the GTIN-14 form and the kind it was given as."""

    gtin14: str
    kind: str  # UPC, EAN, ISBN, GTIN

    @property
    def upc(self) -> str | None:
        """UPC-A form when the GTIN has two leading zeros (a US/Canada code)."""
        return self.gtin14[2:] if self.gtin14.startswith("00") else None


class InvalidIdentifier(ValueError):
    """Raised with a merchant-readable reason when an identifier fails validation."""


def gtin_check_digit(body: str) -> str:
    """Check digit for the GTIN family (mod 10, weights 3/1 from the right)."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        total += int(ch) * (3 if i % 2 == 0 else 1)
    return str((10 - total % 10) % 10)


def isbn10_to_isbn13(isbn10: str) -> str:
    """Convert a valid ISBN-10 to its 978-prefixed ISBN-13."""
    body = "978" + isbn10[:9]
    return body + gtin_check_digit(body)


def _isbn10_valid(value: str) -> bool:
    if len(value) != 10 or not value[:9].isdigit():
        return False
    last = value[9].upper()
    if not (last.isdigit() or last == "X"):
        return False
    digits = [int(c) for c in value[:9]] + [10 if last == "X" else int(last)]
    return sum((10 - i) * d for i, d in enumerate(digits)) % 11 == 0


def _clean(value: str) -> str:
    return "".join(ch for ch in value.strip() if ch not in " -")


def normalize(value: str, kind: str = "GTIN") -> Identifier:
    """Validate ``value`` given as ``kind`` (UPC, EAN, ISBN, GTIN) and return its GTIN-14.

    Raises InvalidIdentifier with the reason; the engine turns that into an *incomplete* listing.
    """
    kind = kind.upper()
    raw = _clean(value)
    if not raw:
        raise InvalidIdentifier(said.EMPTY.format(kind=kind))
    if kind == "ISBN" and len(raw) == 10:
        if not _isbn10_valid(raw):
            raise InvalidIdentifier(said.ISBN10_CHECK_DIGIT.format(value=repr(value)))
        raw = isbn10_to_isbn13(raw.upper())
    if not raw.isdigit():
        raise InvalidIdentifier(said.NOT_DIGITS.format(kind=kind, value=repr(value)))
    if len(raw) not in GTIN_LENGTHS:
        raise InvalidIdentifier(said.LENGTH.format(kind=kind, value=repr(value), digits=len(raw)))
    if kind == "UPC" and len(raw) != 12:
        raise InvalidIdentifier(said.UPC_LENGTH.format(value=repr(value)))
    if kind == "EAN" and len(raw) not in (8, 13):
        raise InvalidIdentifier(said.EAN_LENGTH.format(value=repr(value)))
    if kind == "ISBN" and not raw.startswith(("978", "979")):
        raise InvalidIdentifier(said.ISBN_PREFIX.format(value=repr(value)))
    if gtin_check_digit(raw[:-1]) != raw[-1]:
        raise InvalidIdentifier(said.CHECK_DIGIT.format(kind=kind, value=repr(value)))
    return Identifier(gtin14=raw.zfill(14), kind=kind)
