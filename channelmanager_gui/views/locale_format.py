"""Dates, numbers and money as the window shows them, in the locale of the chosen language.

Only what the merchant reads: what goes to Walmart and Commerce is formatted by the core in
their formats. The date patterns are translatable texts (Qt's date format syntax), so each
language writes dates as its merchants expect ("2024-05-01", "2024. 05. 01."); numbers and money
take the locale's separators. Amounts stay ``Decimal`` to the end: only the separators change.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

CONTEXT = "LocaleFormat"


def date_text(when: date | datetime) -> str:
    """A day: "2024-05-01" in English (``when`` already in the zone to show)."""
    pattern = QCoreApplication.translate("LocaleFormat", "yyyy-MM-dd")
    return QLocale().toString(_qdate(when), pattern)


def date_time_text(when: datetime, seconds: bool = False) -> str:
    """A moment: "2024-05-01 14:05" (or with ":07" seconds), ``when`` in the zone to show."""
    if seconds:
        pattern = QCoreApplication.translate("LocaleFormat", "yyyy-MM-dd HH:mm:ss")
    else:
        pattern = QCoreApplication.translate("LocaleFormat", "yyyy-MM-dd HH:mm")
    moment = QDateTime(_qdate(when), QTime(when.hour, when.minute, when.second))
    return QLocale().toString(moment, pattern)


def time_text(when: datetime) -> str:
    return QLocale().toString(QTime(when.hour, when.minute), "HH:mm")


def number_text(value: int | Decimal, places: int | None = None) -> str:
    """``1,234`` (``places`` decimals for a Decimal), with the locale's separators."""
    text = f"{value:,.{places}f}" if places is not None else f"{value:,}"
    locale = QLocale()
    swapped = {",": locale.groupSeparator(), ".": locale.decimalPoint()}
    return "".join(swapped.get(char, char) for char in text)


def money_text(amount: Decimal, currency: str = "USD") -> str:
    """``$1,234.50`` in English, ``12.00 EUR`` for other currencies; translatable patterns."""
    number = number_text(amount, 2)
    if currency == "USD":
        return QCoreApplication.translate("LocaleFormat", "${amount}").format(amount=number)
    return QCoreApplication.translate("LocaleFormat", "{amount} {currency}").format(
        amount=number, currency=currency
    )


def _qdate(when: date | datetime) -> QDate:
    return QDate(when.year, when.month, when.day)
