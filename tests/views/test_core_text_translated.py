"""Sentences the core builds with values show in the chosen language (issue 21, Languages):
validation messages, order blockers, Amazon tab reasons and identifier problems stored in
English on the listing row, the timeline's and the activity log's event names. The English (the
command line's, the logs') is unchanged."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.listing import ListingState
from channelmanager_gui.models.listing_table_queries import ListingRow
from channelmanager_gui.models.order_blockers import DISABLED, Blocker
from channelmanager_gui.services import ops as core_ops
from channelmanager_gui.services.language_prefs import Language
from channelmanager_gui.services.ops import validation as v
from channelmanager_gui.views import i18n
from channelmanager_gui.views.event_names import event_text
from channelmanager_gui.views.order_detail_parts import blockers_text, step_text
from channelmanager_gui.views.ship_dialog import reason_text
from channelmanager_gui.views.tables.listings import problem_text
from tests.models.order_seed import seed_shop


@pytest.fixture
def korean() -> Iterator[None]:
    before = QLocale()
    installed = i18n.install(Language.KOREAN)
    yield
    installed.remove()
    QLocale.setDefault(before)


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


def _row(**values: object) -> ListingRow:
    blank = dict.fromkeys(f.name for f in dataclasses.fields(ListingRow))
    return ListingRow(**(blank | values))  # type: ignore[arg-type]


def test_a_validation_message_with_values_shows_in_korean(db: Database, korean: None) -> None:
    order = core_ops.order_for_action(db, seed_shop(db)["due"])
    with pytest.raises(ValidationError) as raised:
        v.validate_cancel(order, "Too slow")
    # The English stays as the command line prints it.
    assert raised.value.message.startswith("cancellation reason: “Too slow” is not a Walmart")
    shown = reason_text(raised.value)
    assert shown.startswith("“Too slow”은(는) Walmart의 사유가 아닙니다(")
    with pytest.raises(ValidationError) as raised:
        v.validate_shipment(order, "Pony Express", None, None, "1Z999", None, None, {})
    assert "“Pony Express”은(는) Walmart의 택배사 목록에 없습니다" in reason_text(raised.value)
    # The whole "field: reason", as the store and account dialogs show it.
    assert i18n.core("CoreText", raised.value.message).startswith("택배사: “Pony Express”은(는)")
    assert raised.value.message.startswith("carrier: “Pony Express” is not on Walmart's")


def test_an_order_blocker_shows_in_korean(korean: None) -> None:
    shown = blockers_text([Blocker("MUG-1", "Mug", DISABLED, None)])
    assert "MUG-1 (Mug) Commerce에서 비활성화되어 있습니다" in shown
    assert DISABLED == "is disabled in Commerce"  # what the core keeps


def test_stored_tab_reasons_and_identifier_problems_show_in_korean(korean: None) -> None:
    reason = (
        "Out of stock: 0 salable, at or below the out-of-stock threshold 2; quantity 0 is sent; "
        "quantity 7 on the way to Amazon, not applied yet"
    )
    assert problem_text(_row(state=ListingState.INELIGIBLE, state_reason=reason)) == (
        "품절: 판매 가능 수량 0개가 품절 기준 2개 이하입니다. 수량 0을 보냅니다. "
        "수량 7을(를) Amazon에 보내는 중이며 아직 적용되지 않음"
    )
    problem = "UPC '12345' must have 12 digits (attribute “upc”)"
    assert problem_text(_row(state=ListingState.INCOMPLETE, identifier_problem=problem)) == (
        "UPC '12345'은(는) 12자리여야 합니다(속성 “upc”)"
    )
    # Amazon's own words inside a reason stay as Amazon wrote them.
    amazon = "Suppressed by Amazon: Missing main image"
    assert problem_text(_row(state_reason=amazon)) == "Amazon에서 노출 중지됨: Missing main image"
    # A reason that fits no sentence (cut at 255 characters) is shown as stored.
    assert problem_text(_row(state_reason="Inactive on Ama")) == "Inactive on Ama"


def test_timeline_and_activity_event_names_show_in_korean(korean: None) -> None:
    assert event_text("ship_requested") == "발송 요청됨"
    assert step_text("tracking_url_added") == "배송 조회 링크 추가됨"
    assert event_text("someday_event") == "Someday event"  # unknown: as written


def test_a_message_with_braces_of_its_own_shows_as_it_is(korean: None) -> None:
    failed = ValidationError("listing rules", 'Commerce said {"message": "no"}')
    assert i18n.core("CoreText", failed.reason) == 'Commerce said {"message": "no"}'
    assert i18n.core("CoreText", failed.message) == 'listing rules: Commerce said {"message": "no"}'
