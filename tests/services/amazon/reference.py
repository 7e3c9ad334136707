"""Amazon's own example answers (``tests/reference/amazon/``, see its README) for the tests."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx

from channelmanager_gui.services.amazon.wire import dumps_exact

REFERENCE = Path(__file__).parents[2] / "reference" / "amazon"


def payload(name: str) -> Any:
    """The example, parsed as the client parses answers (numbers with a fraction as Decimal)."""
    return json.loads((REFERENCE / name).read_text(encoding="utf-8"), parse_float=Decimal)


def raw(name: str) -> bytes:
    return (REFERENCE / name).read_bytes()


def answer(body: Any, status: int = 200) -> Any:
    """A FakeAmazon route answering ``body`` (Decimals written as exact JSON numbers)."""
    return _route(dumps_exact(body), status)


def answer_file(name: str, status: int = 200) -> Any:
    """A FakeAmazon route answering a reference file's bytes, as Amazon sent them."""
    return _route(raw(name), status)


def _route(content: bytes, status: int) -> Any:
    headers = {"Content-Type": "application/json"}
    return lambda _request: httpx.Response(status, content=content, headers=headers)
