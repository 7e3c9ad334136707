"""The fulfilment flow: shipments, cancellations, returns and refunds (issue #5).

Loops: ``shipments`` (shipments made in the Commerce admin), ``returns`` (Walmart returns
in, Commerce credit memos back) and ``cancellations`` (orders cancelled in the Commerce
admin). The ship, cancel and refund-now actions themselves start from the merchant
(``ops.ship``, ``ops.cancel``, ``ops.refund``: services/ops/);
every remote call goes through the outbox handlers registered here.
"""

from __future__ import annotations

from channelmanager_gui.services.engine.admin_shipments import detect_admin_shipments
from channelmanager_gui.services.engine.cancel_handlers import CommerceCancelHandler
from channelmanager_gui.services.engine.cancelling import COMMERCE_CANCEL
from channelmanager_gui.services.engine.commerce_cancellations import (
    detect_commerce_cancellations,
)
from channelmanager_gui.services.engine.context import EngineEnv
from channelmanager_gui.services.engine.creditmemo_handler import CommerceRefundHandler
from channelmanager_gui.services.engine.marketplace_actions import (
    CANCEL_LANES,
    SHIP_LANES,
    MarketplaceCancelHandler,
    MarketplaceShipHandler,
)
from channelmanager_gui.services.engine.return_handlers import (
    CommerceReturnHandler,
    WalmartRefundHandler,
)
from channelmanager_gui.services.engine.returns_flow import (
    COMMERCE_REFUND,
    COMMERCE_RETURN,
    WALMART_REFUND,
    sync_returns,
)
from channelmanager_gui.services.engine.scheduler import LoopSpec
from channelmanager_gui.services.engine.ship_handlers import CommerceShipHandler
from channelmanager_gui.services.engine.shipping import COMMERCE_SHIP
from channelmanager_gui.services.outbox import ActionHandler

LOOPS: list[LoopSpec] = [
    LoopSpec("shipments", detect_admin_shipments),
    LoopSpec("returns", sync_returns, walmart_only=True),
    LoopSpec("cancellations", detect_commerce_cancellations),
]


def handlers(env: EngineEnv) -> dict[str, ActionHandler]:
    """Every marketplace's ship and cancel kind is the same port handler in its own lane."""
    ship: dict[str, ActionHandler] = {
        kind: MarketplaceShipHandler(env, lane) for kind, lane in SHIP_LANES.items()
    }
    cancel: dict[str, ActionHandler] = {
        kind: MarketplaceCancelHandler(env, lane) for kind, lane in CANCEL_LANES.items()
    }
    return {
        COMMERCE_SHIP: CommerceShipHandler(env),
        **ship,
        **cancel,
        COMMERCE_CANCEL: CommerceCancelHandler(env),
        COMMERCE_RETURN: CommerceReturnHandler(env),
        WALMART_REFUND: WalmartRefundHandler(env),
        COMMERCE_REFUND: CommerceRefundHandler(env),
    }
