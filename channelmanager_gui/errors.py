"""Typed errors the core raises, each carrying a message fit for a merchant.

The UI maps them by class, never by message text: a problem with one order or listing shows
inline with Retry, passing notices go to the status bar, anything else to one dialog.
"""

from __future__ import annotations

from channelmanager_gui.text_marks import T_, Text, marked

# "tracking number: …": a problem after the name of its field.
FIELD_PROBLEM = T_("CoreText", "{field}: {problem}")


class ChannelError(Exception):
    """Base of every error the core raises on purpose.

    ``message`` is for the merchant; ``detail`` is the technical part (HTTP status, body,
    correlation id) shown one click away so it can be pasted into a support request.
    """

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class ValidationError(ChannelError):
    """Input the merchant (or a script) gave is not acceptable; names the field."""

    def __init__(self, field: str, message: str) -> None:
        # The reason alone, as a ``Text`` (a sentence marked ``N_`` becomes one), and the whole
        # "field: reason": both English as before, and the window can translate them.
        self.reason = message if isinstance(message, Text) else marked("CoreText", message)
        super().__init__(FIELD_PROBLEM.format(field=marked("Field", field), problem=self.reason))
        self.field = field


class StorageError(ChannelError):
    """The local database or data folder cannot be used."""


class CredentialsError(ChannelError):
    """Secrets cannot be stored or read (no usable keyring backend, or missing secret)."""


class ConfigError(ChannelError):
    """A configuration value is missing or malformed."""


class ApiError(ChannelError):
    """A remote API answered with an error we cannot fix by retrying."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str = "",
        field: str = "",
        correlation_id: str = "",
        detail: str = "",
    ) -> None:
        super().__init__(message, detail=detail)
        self.status = status
        self.code = code
        self.field = field
        self.correlation_id = correlation_id


class NotFoundError(ApiError):
    """The remote object does not exist (404)."""


class AuthError(ApiError):
    """Credentials were refused (401/403) even after one token refresh."""


class RateLimitError(ApiError):
    """The remote API throttled us (429) and retries ran out."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]
        self.retry_after = retry_after


class UnavailableError(ApiError):
    """The remote system could not be reached or answered 5xx after retries.

    ``maybe_sent`` is True when the request may have reached the server (a dropped answer, a
    timeout after sending, a 5xx): a non-idempotent write must then be checked against the remote
    state before it is sent again.
    """

    def __init__(self, message: str, *, maybe_sent: bool = False, **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]
        self.maybe_sent = maybe_sent


class MalformedResponseError(ApiError):
    """The remote answer did not have the shape the reference documents; names the field."""
