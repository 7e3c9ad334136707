"""Turn the outcome of a "Test connection" click into one merchant-readable verdict.

Each API client's ``test_connection()`` makes cheap authenticated calls (Commerce: one per API
permission the sync needs, ``commerce.permissions``) and hands any other error to
``report_for``; the settings dialog shows ``message`` and keeps ``detail`` one click away. TLS
and DNS failures are found by walking the exception chain, because httpx wraps them in a
generic ``ConnectError``.
"""

from __future__ import annotations

import socket
import ssl
from dataclasses import dataclass

from channelmanager_gui.errors import (
    ApiError,
    AuthError,
    ChannelError,
    MalformedResponseError,
    NotFoundError,
    UnavailableError,
    ValidationError,
)

PROBLEMS = ("", "wrong_url", "bad_credentials", "no_permission", "unreachable", "tls", "unexpected")


@dataclass(frozen=True)
class ConnectionReport:
    """``problem`` is one of ``PROBLEMS`` ("" when ``ok``)."""

    ok: bool
    problem: str
    message: str
    detail: str = ""


def ok_report(service: str, detail: str = "") -> ConnectionReport:
    return ConnectionReport(True, "", f"Connected to {service}.", detail)


def report_for(exc: BaseException, service: str) -> ConnectionReport:
    """The verdict for an error raised while testing the connection to ``service``."""
    detail = exc.detail if isinstance(exc, ChannelError) else f"{type(exc).__name__}: {exc}"
    problem, message = _classify(exc, service)
    return ConnectionReport(False, problem, message, detail)


def _classify(exc: BaseException, service: str) -> tuple[str, str]:
    if isinstance(exc, ValidationError):
        return "wrong_url", f"The address is not usable: {exc.message}"
    if _caused_by(exc, ssl.SSLError, ssl.CertificateError):
        return "tls", (
            f"The secure connection to {service} could not be verified (certificate problem). "
            "Check the address, and the computer's date and time."
        )
    if _caused_by(exc, socket.gaierror):
        return "wrong_url", f"The host name in the {service} address does not exist. Check it."
    if isinstance(exc, AuthError) and exc.status == 403:
        return "no_permission", (
            f"{service} accepted the credentials but they lack permission for this. "
            "Check the key's scopes or role."
        )
    if isinstance(exc, AuthError):
        return "bad_credentials", f"{service} refused the credentials. Check the keys."
    if isinstance(exc, NotFoundError | MalformedResponseError):
        return "wrong_url", f"The address answers, but not like {service}'s API. Check it."
    if isinstance(exc, UnavailableError):
        return "unreachable", f"{service} could not be reached. Check the network and address."
    if isinstance(exc, ApiError) and exc.status is not None and 300 <= exc.status < 400:
        return "wrong_url", exc.message
    if isinstance(exc, ChannelError):
        return "unexpected", exc.message
    return "unexpected", f"Unexpected problem talking to {service}: {type(exc).__name__}"


def _caused_by(exc: BaseException, *kinds: type[BaseException]) -> bool:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kinds):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False
