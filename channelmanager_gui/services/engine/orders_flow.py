"""The orders flow: the "orders" loop and the handlers of the actions it queues.

Action kinds defined here (subject ``("order", order.id)``, payload
``{"purchase_order_id": ...}``), queued in this order for each new Walmart order:

- ``walmart.acknowledge``: acknowledge the purchase order on Walmart;
- ``commerce.create_order``: create (or find) the Commerce order and link it;
- ``commerce.invoice_order``: invoice it offline (queued when the creation succeeds).
"""

from __future__ import annotations

from channelmanager_gui.services.engine.context import EngineEnv
from channelmanager_gui.services.engine.order_ack import AcknowledgeOrder
from channelmanager_gui.services.engine.order_create import CreateCommerceOrder
from channelmanager_gui.services.engine.order_import import ACK, CREATE, run_orders
from channelmanager_gui.services.engine.order_invoice import INVOICE, InvoiceCommerceOrder
from channelmanager_gui.services.engine.scheduler import LoopSpec
from channelmanager_gui.services.outbox import ActionHandler

LOOPS = [LoopSpec("orders", run_orders)]


def handlers(env: EngineEnv) -> dict[str, ActionHandler]:
    return {
        ACK: AcknowledgeOrder(env),
        CREATE: CreateCommerceOrder(env),
        INVOICE: InvoiceCommerceOrder(env),
    }
