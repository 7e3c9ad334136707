"""Commerce error bodies become typed errors with the sentence Commerce meant (reference §10)."""

from __future__ import annotations

import json

import pytest

from channelmanager_gui.errors import (
    ApiError,
    AuthError,
    NotFoundError,
    RateLimitError,
    UnavailableError,
)
from channelmanager_gui.services.commerce.error_body import (
    RouteNotFoundError,
    error_from_response,
    parse_error_body,
    render_phrase,
)


def _raw(body: object) -> bytes:
    return json.dumps(body).encode()


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


def test_aggregate_input_errors_list_each_rendered_sub_error() -> None:
    body = {
        "message": "One or more input exceptions have occurred.",
        "errors": [
            {"message": '"%fieldName" is required.', "parameters": {"fieldName": "qty"}},
            {"message": "bad %1", "parameters": ["x"]},
            "junk",
        ],
    }
    err = error_from_response(400, _raw(body))
    assert type(err) is ApiError
    assert err.message.splitlines() == [
        "One or more input exceptions have occurred.",
        '"qty" is required.',
        "bad x",
    ]


def test_401_names_the_acl_resource() -> None:
    body = {
        "message": "The consumer isn't authorized to access %resources.",
        "parameters": {"resources": "Magento_Sales::actions_view"},
    }
    err = error_from_response(401, _raw(body), where="GET /rest/V1/orders/1")
    assert isinstance(err, AuthError)
    assert "Magento_Sales::actions_view" in err.message
    assert err.status == 401
    assert "GET /rest/V1/orders/1" in err.detail


def test_404_no_route_is_distinguished_from_a_missing_object() -> None:
    route = error_from_response(404, _raw({"message": "Request does not match any route."}))
    missing = error_from_response(
        404,
        _raw(
            {
                "message": "The product that was requested doesn't exist. "
                "Verify the product and try again."
            }
        ),
    )
    assert isinstance(route, RouteNotFoundError)
    assert isinstance(missing, NotFoundError) and not isinstance(missing, RouteNotFoundError)


def test_field_name_and_code_are_kept() -> None:
    body = {
        "message": '"%fieldName" is not supported. Correct the field name and try again.',
        "parameters": {"fieldName": "IsAdmin"},
        "code": 12,
        "trace": "#0 ...",
    }
    err = error_from_response(400, _raw(body))
    assert err.field == "IsAdmin" and err.code == "12"
    assert err.message == '"IsAdmin" is not supported. Correct the field name and try again.'


@pytest.mark.parametrize(
    ("status", "cls"),
    [(429, RateLimitError), (500, UnavailableError), (503, UnavailableError), (403, AuthError)],
)
def test_status_classes(status: int, cls: type[ApiError]) -> None:
    err = error_from_response(status, _raw({"message": "Internal Error. Report ID: webapi-1"}))
    assert isinstance(err, cls)


def test_rate_limit_keeps_retry_after() -> None:
    err = error_from_response(429, b"", retry_after=7.0)
    assert isinstance(err, RateLimitError) and err.retry_after == 7.0


@pytest.mark.parametrize("raw", [b"", b"<html>502 Bad Gateway</html>", b"[]", b'{"messag', b"3"])
def test_non_commerce_bodies_still_give_a_typed_error(raw: bytes) -> None:
    assert parse_error_body(raw) is None
    err = error_from_response(502, raw)
    assert isinstance(err, UnavailableError)
    assert "HTTP 502" in err.message
