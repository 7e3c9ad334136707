"""Commerce's error answers, in the shape of ``Magento\\Framework\\Webapi\\ErrorProcessor``.

Messages are kept as Magento sends them: often an unrendered phrase (``%fieldName``, ``%1``) with
the values in ``parameters``, so clients must render them; the ship/refund/invoice document
validation messages come pre-rendered (reference §10).
"""

from __future__ import annotations

import json
import secrets
from typing import Any

ENTITY_NOT_FOUND = "The entity that was requested doesn't exist. Verify the entity and try again."
PRODUCT_NOT_FOUND = (
    "The product that was requested doesn't exist. Verify the product and try again."
)
ROUTE_NOT_FOUND = "Request does not match any route."
UNAUTHORIZED = "The consumer isn't authorized to access %resources."


class ApiError(Exception):
    """An error answer; ``status`` follows the exception→HTTP mapping of reference §10."""

    def __init__(
        self,
        status: int,
        message: str,
        parameters: dict[str, Any] | list[Any] | None = None,
        errors: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.parameters = parameters
        self.errors = errors

    def body(self) -> dict[str, Any]:
        data: dict[str, Any] = {"message": self.message}
        if self.parameters is not None:
            data["parameters"] = self.parameters
        if self.errors:
            data["errors"] = self.errors
        return data


def entity_not_found() -> ApiError:
    return ApiError(404, ENTITY_NOT_FOUND)


def product_not_found() -> ApiError:
    return ApiError(404, PRODUCT_NOT_FOUND)


def route_not_found() -> ApiError:
    return ApiError(404, ROUTE_NOT_FOUND)


def no_such_entity(field: str, value: Any) -> ApiError:
    """``NoSuchEntityException::singleField`` (carts, RMA)."""
    return ApiError(
        404,
        "No such entity with %fieldName = %fieldValue",
        {"fieldName": field, "fieldValue": value},
    )


def unauthorized(resource: str) -> ApiError:
    return ApiError(401, UNAUTHORIZED, {"resources": resource})


def required(field: str) -> ApiError:
    return ApiError(400, '"%fieldName" is required. Enter and try again.', {"fieldName": field})


def not_supported(field: str) -> ApiError:
    """Unknown body key (2.4.7+ wording); Magento names the field in UpperCamelCase."""
    camel = "".join(part[:1].upper() + part[1:] for part in field.split("_"))
    return ApiError(
        400,
        '"%fieldName" is not supported. Correct the field name and try again.',
        {"fieldName": camel},
    )


def invalid_type(value: Any, type_name: str) -> ApiError:
    return ApiError(
        400,
        'The "%value" value\'s type is invalid. The "%type" type was expected. '
        "Verify and try again.",
        {"value": value, "type": type_name},
    )


def document_error(kind: str, messages: list[str]) -> ApiError:
    """``DocumentValidationException``: ``"<Kind> Document Validation Error(s):\\n…"``."""
    return ApiError(400, f"{kind} Document Validation Error(s):\n" + "\n".join(messages))


def check_keys(data: dict[str, Any], allowed: set[str] | frozenset[str]) -> None:
    """Refuse unknown keys as ``ServiceInputProcessor`` does (keys already snake_case)."""
    for key in data:
        if key not in allowed:
            raise not_supported(key)


def require_dict(body: Any, field: str) -> dict[str, Any]:
    """The object under ``field`` of a request body, or the 400 for a missing parameter."""
    value = body.get(field) if isinstance(body, dict) else None
    if not isinstance(value, dict):
        raise required(field)
    return value


def fault_error_body(status: int) -> tuple[bytes, dict[str, str]]:
    """Bodies for injected faults: a production-mode 500, or a Fastly/WAF-style 429 (?)."""
    if status == 500:
        report = secrets.token_hex(32)[:64]
        message = (
            "Internal Error. Details are available in Magento log file. "
            f"Report ID: webapi-{report[:13]}"
        )
    elif status == 429:
        message = "Too Many Requests"  # (?) Commerce core has no REST throttle; a CDN answers
    else:
        message = "Service Unavailable"
    return json.dumps({"message": message}).encode(), {}
