"""Shared polite HTTP base for the API clients: one session type, rate control, retries,
redaction and connection-test verdicts. Qt-free."""

from channelmanager_gui.services.http.clock import Clock, ManualClock, SystemClock
from channelmanager_gui.services.http.connection import ConnectionReport, ok_report, report_for
from channelmanager_gui.services.http.ratecontrol import Priority, RateControl
from channelmanager_gui.services.http.redact import (
    RedactingFilter,
    redact,
    redact_headers,
    register_secret,
)
from channelmanager_gui.services.http.responses import (
    ErrorInfo,
    ErrorParser,
    decode_json,
    error_for_response,
)
from channelmanager_gui.services.http.retry import RetryPolicy
from channelmanager_gui.services.http.session import HttpSession
from channelmanager_gui.services.http.transport import build_client, check_base_url, is_loopback

__all__ = [
    "Clock",
    "ConnectionReport",
    "ErrorInfo",
    "ErrorParser",
    "HttpSession",
    "ManualClock",
    "Priority",
    "RateControl",
    "RedactingFilter",
    "RetryPolicy",
    "SystemClock",
    "build_client",
    "check_base_url",
    "decode_json",
    "error_for_response",
    "is_loopback",
    "ok_report",
    "redact",
    "redact_headers",
    "register_secret",
    "report_for",
]
