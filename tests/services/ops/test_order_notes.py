"""Notes on an order: kept locally, edited in place, found by the global search."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.global_search import HitKind, global_search
from channelmanager_gui.models.order_note import NOTE_MAX, OrderNote
from channelmanager_gui.services.ops.order_notes import read_note, save_note
from tests.models.order_seed import seed_shop


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


def test_a_note_is_saved_edited_and_removed_when_emptied(db: Database) -> None:
    shop = seed_shop(db)
    assert read_note(db, shop["due"]) == ""
    assert save_note(db, shop["due"], "  Gift wrap \n") == "Gift wrap"
    save_note(db, shop["due"], "Gift wrap, called the buyer")
    assert read_note(db, shop["due"]) == "Gift wrap, called the buyer"
    save_note(db, shop["due"], "   ")
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(OrderNote)) == 0
    with pytest.raises(ValidationError, match="at most"):
        save_note(db, shop["due"], "x" * (NOTE_MAX + 1))
    with pytest.raises(ValidationError):
        save_note(db, 999_999, "lost")


def test_global_search_finds_an_order_by_its_note(db: Database) -> None:
    shop = seed_shop(db)
    save_note(db, shop["late"], "Buyer wants it left with the 50% neighbour")
    hits = global_search(db, "NEIGHBOUR").hits  # any case
    assert [(h.kind, h.id, h.matched) for h in hits] == [(HitKind.ORDER, shop["late"], "note")]
    assert [h.id for h in global_search(db, "50%").hits] == [shop["late"]]  # % is literal
    assert global_search(db, "5%neighbour").hits == []
