"""Commerce error bodies are read into the sentence Commerce meant (reference §10)."""

from __future__ import annotations

import json

import httpx
import pytest

from channelmanager_gui.services.commerce.error_body import (
    NO_ROUTE_CODE,
    NO_ROUTE_MESSAGE,
    commerce_error_parser,
    parse_error_body,
    render_phrase,
)
from channelmanager_gui.services.http import ErrorInfo


def test_named_placeholders_come_from_a_parameters_object() -> None:
    text = render_phrase('"%fieldName" is required. Enter and try again.', {"fieldName": "sku"})
    assert text == '"sku" is required. Enter and try again.'


def test_positional_placeholders_come_from_a_parameters_list_counting_from_one() -> None:
    msg = 'Unable to add comment: The status "%1" is not part of the order status history.'
    assert render_phrase(msg, ["processing"]) == (
        'Unable to add comment: The status "processing" is not part of the order status history.'
    )


def test_longest_placeholder_wins_and_values_are_not_rendered_again() -> None:
    params = [f"v{i}" for i in range(1, 11)]
    assert render_phrase("%10 then %1", params) == "v10 then v1"
    assert render_phrase("%a", {"a": "%b", "b": "no"}) == "%b"


def test_message_without_parameters_is_left_alone() -> None:
    assert render_phrase("100% sure %1", None) == "100% sure %1"
    assert render_phrase("x %1", "scalar") == "x %1"


def test_non_text_values_are_rendered_readably() -> None:
    assert render_phrase("Maximum SearchCriteria pageSize is %max", {"max": 300}) == (
        "Maximum SearchCriteria pageSize is 300"
    )
    assert render_phrase("%p", {"p": ["google", "authy"]}) == "google, authy"


def _response(status: int, body: object | bytes) -> httpx.Response:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return httpx.Response(status, content=raw)


def test_aggregate_input_errors_list_each_rendered_sub_error() -> None:
    body = {
        "message": "One or more input exceptions have occurred.",
        "errors": [
            {"message": '"%fieldName" is required.', "parameters": {"fieldName": "qty"}},
            {"message": "bad %1", "parameters": ["x"]},
            "junk",
        ],
    }
    info = commerce_error_parser(_response(400, body))
    assert info.message.splitlines() == [
        "One or more input exceptions have occurred.",
        '"qty" is required.',
        "bad x",
    ]


def test_401_names_the_acl_resource() -> None:
    body = {
        "message": "The consumer isn't authorized to access %resources.",
        "parameters": {"resources": "Magento_Sales::actions_view"},
    }
    info = commerce_error_parser(_response(401, body))
    assert "Magento_Sales::actions_view" in info.message
    assert "token" in info.message
    assert info.field == "Magento_Sales::actions_view"


def test_404_no_route_is_marked() -> None:
    route = commerce_error_parser(_response(404, {"message": NO_ROUTE_MESSAGE}))
    missing = commerce_error_parser(
        _response(404, {"message": "The product that was requested doesn't exist."})
    )
    assert route.code == NO_ROUTE_CODE and missing.code == ""


def test_field_name_and_code_are_kept() -> None:
    body = {
        "message": '"%fieldName" is not supported. Correct the field name and try again.',
        "parameters": {"fieldName": "IsAdmin"},
        "code": 12,
        "trace": "#0 ...",
    }
    info = commerce_error_parser(_response(400, body))
    assert info.field == "IsAdmin" and info.code == "12"
    assert info.message == '"IsAdmin" is not supported. Correct the field name and try again.'


@pytest.mark.parametrize("raw", [b"", b"<html>502 Bad Gateway</html>", b"[]", b'{"messag', b"3"])
def test_non_commerce_bodies_are_not_error_bodies(raw: bytes) -> None:
    assert parse_error_body(raw) is None
    assert commerce_error_parser(_response(502, raw)) == ErrorInfo()
