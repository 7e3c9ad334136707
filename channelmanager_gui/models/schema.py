"""Imports every table module so ``Base.metadata`` is complete (Alembic and tests use it)."""

from channelmanager_gui.models import (  # noqa: F401
    account,
    listing,
    loop_run,
    order,
    order_note,
    outbox,
    store,
)
from channelmanager_gui.models.base import Base

metadata = Base.metadata
