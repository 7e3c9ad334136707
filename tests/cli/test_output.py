"""How amounts reach scripts: JSON numbers, as before they were decimals, with no float noise."""

from __future__ import annotations

import json
from decimal import Decimal

from channelmanager_gui.cli.output import cell, print_json


def test_decimal_amounts_print_as_exact_json_numbers(capsys: object) -> None:
    amounts = {"total": Decimal("0.10") + Decimal("0.20"), "price": Decimal("1234567.89")}
    print_json(amounts)
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert '"total": 0.3,' in out and '"price": 1234567.89' in out
    assert json.loads(out, parse_float=Decimal) == {"total": Decimal("0.3"),
                                                    "price": Decimal("1234567.89")}  # fmt: skip


def test_a_table_cell_shows_cents() -> None:
    assert cell(Decimal("19.5")) == "19.50"
