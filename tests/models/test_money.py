"""Money columns: Decimal in and out, exact to the cent, sorted and compared as numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select, text

from channelmanager_gui.models.money import Money, to_money

AMOUNTS = ["0.01", "0.10", "0.30", "9.99", "10.00", "100.00", "12345.67", "-4.99",
           "9999999999999.99", "1234567890123.45"]  # fmt: skip


def _table() -> tuple[Table, object]:
    meta = MetaData()
    table = Table("t", meta, Column("id", Integer, primary_key=True), Column("amount", Money()))
    engine = create_engine("sqlite://")
    meta.create_all(engine)
    return table, engine


def test_every_amount_round_trips_exactly_and_sorts_numerically() -> None:
    table, engine = _table()
    with engine.begin() as conn:  # type: ignore[attr-defined]
        conn.execute(insert(table), [{"amount": Decimal(a)} for a in AMOUNTS])
        read = conn.scalars(select(table.c.amount).order_by(table.c.amount)).all()
        stored = conn.execute(text("SELECT typeof(amount) FROM t")).scalars().all()
    assert read == sorted(Decimal(a) for a in AMOUNTS)
    assert all(type(a) is Decimal for a in read) and set(stored) == {"real"}


def test_sums_and_comparisons_in_sql_come_back_exact() -> None:
    table, engine = _table()
    with engine.begin() as conn:  # type: ignore[attr-defined]
        conn.execute(insert(table), [{"amount": Decimal("0.10")}] * 3)
        total = conn.scalar(select(table.c.amount.op("+")(Decimal("0.20"))).limit(1))
        over = conn.scalar(select(table.c.amount).where(table.c.amount > Decimal("0.099")))
    assert total == Decimal("0.30")  # 0.1 + 0.2 as floats would be 0.30000000000000004
    assert over == Decimal("0.10")


def test_amounts_are_rounded_half_up_and_floats_refused() -> None:
    assert to_money(Decimal("2.345")) == Decimal("2.35")
    assert to_money("7") == Decimal("7.00")
    with pytest.raises(ValueError, match="not float"):
        to_money(0.1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="out of range"):
        to_money(Decimal("1e20"))
