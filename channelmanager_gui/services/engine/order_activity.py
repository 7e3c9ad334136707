"""Timeline entries for orders, and error texts a merchant can act on (or quote to support).

Every step of the order flow records one line here, success or failure, in the same
transaction as the change it describes, so the timeline never claims what did not commit.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from channelmanager_gui.errors import ApiError, ChannelError
from channelmanager_gui.models.order import Order
from channelmanager_gui.services import activity

SUBJECT = "order"


def note(session: Session, order: Order, event: str, message: str, outcome: str = "ok") -> None:
    """One timeline line for ``order`` (which must already have an id)."""
    activity.record(
        session,
        store_id=order.store_id,
        subject_type=SUBJECT,
        subject_id=order.id,
        event=event,
        message=message,
        outcome=outcome,
    )


def error_text(exc: BaseException, service: str | None = None) -> str:
    """The merchant's message, naming the service and the correlation id when there is one.

    Walmart support asks for the ``WM_QOS.CORRELATION_ID`` of the failing call; Commerce logs
    carry the request id, so both are worth a copy-paste.
    """
    message = exc.message if isinstance(exc, ChannelError) else str(exc) or type(exc).__name__
    if service and not message.lower().startswith(service.lower()):
        message = f"{service}: {message}"
    if isinstance(exc, ApiError) and exc.correlation_id:
        message = f"{message} (correlation id {exc.correlation_id})"
    return message[:1000]
