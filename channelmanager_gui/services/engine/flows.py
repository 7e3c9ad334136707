"""The flows the engine runs. Each flow module exposes ``LOOPS: list[LoopSpec]`` and
``handlers(env: EngineEnv) -> dict[str, ActionHandler]`` (outbox action kind → handler).

Order matters for ``sync --once``: loops run in this order, so orders are imported before
shipments are looked for, and catalog refresh comes before the inventory push.
"""

from __future__ import annotations

from types import ModuleType


def flow_modules() -> list[ModuleType]:
    """Imported lazily so a broken flow shows as a clear error at start, not at import."""
    from channelmanager_gui.services.engine import (
        amazon_returns,
        fulfilment,
        listings_flow,
        orders_flow,
    )

    modules: list[ModuleType] = []
    modules.append(orders_flow)  # first: import, acknowledge and create Walmart orders
    modules.append(fulfilment)  # after orders: shipments and returns need imported orders
    modules.append(amazon_returns)  # Amazon's returns report; refunds by the adjustment feed
    modules.append(listings_flow)  # last: pushes stock freed by cancellations and returns
    return modules
