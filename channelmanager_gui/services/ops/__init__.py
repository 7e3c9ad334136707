"""The one door to the core for the window (``views/``) and the command line (``cli/``).

Writes are operations: each runs its own transaction(s) and returns a frozen
:class:`~channelmanager_gui.services.changes.Changes` (or a small frozen result carrying one in
``.changes``), which its caller publishes once, after the commit: the window's op runner
(``qt_async.OpRunner.run_op``) on the window's change bus, the command line in the database's
change log (:func:`publish`, ``services/change_log.py``). An operation never publishes
anything itself.

Reads return plain values or detached rows, so no view opens a session. Views and the command
line import this package (and the change and status types and the ``models/*_queries`` read
modules), never ``services.engine``: CONTRIBUTING.md, Rules.

Writes block on SQLite: the window runs them in a worker thread through its op runner
(``asyncio.to_thread``); an operation that calls Commerce or Walmart is a coroutine that opens
the store's clients and closes them, run on the window's loop, which never waits on it.
"""

from channelmanager_gui.services.change_log import publish
from channelmanager_gui.services.changes import NONE, Change, Changes
from channelmanager_gui.services.commerce.models import Product
from channelmanager_gui.services.credentials import CredentialStore
from channelmanager_gui.services.engine.cancelling import cancel_label
from channelmanager_gui.services.engine.catalog import ImportResult
from channelmanager_gui.services.engine.listing_rules import ListingRules
from channelmanager_gui.services.engine.matching import pick_candidate as pick
from channelmanager_gui.services.engine.order_money import total_facts
from channelmanager_gui.services.engine.settings import (
    DEFAULT_INTERVALS,
    DEFAULT_ORDER_EMAIL,
    DEFAULT_REASON_CHOICES,
    DEFAULT_SOURCE,
    StoreSettings,
)
from channelmanager_gui.services.http import ConnectionReport
from channelmanager_gui.services.ops import account_ops as accounts
from channelmanager_gui.services.ops import listing_rules_ops as listing_rules
from channelmanager_gui.services.ops import store_writes as store
from channelmanager_gui.services.ops import validation
from channelmanager_gui.services.ops.capability_reads import (
    MARKETPLACE_NAMES,
    cancel_reason_choices,
    cancel_reason_label,
    carrier_choices,
    marketplace_name,
)
from channelmanager_gui.services.ops.catalog_ops import (
    SEARCH_LIMIT,
    ProductSearch,
    import_products,
    search_products,
)
from channelmanager_gui.services.ops.detail_reads import OrderDetail, match_detail, order_detail
from channelmanager_gui.services.ops.images import product_images
from channelmanager_gui.services.ops.listing_bulk import (
    ActionOutcome,
    delete_listings,
    match_listings,
    resend_listings,
)
from channelmanager_gui.services.ops.listing_writes import export_listings, remove_listings, resend
from channelmanager_gui.services.ops.match_undo import PickUndo, undo_pick
from channelmanager_gui.services.ops.order_reads import (
    export_orders,
    find_order,
    list_returns,
    order_for_action,
)
from channelmanager_gui.services.ops.order_writes import cancel, retry, set_tracking_url, ship
from channelmanager_gui.services.ops.return_writes import RefundQueued, refund, refund_blockers
from channelmanager_gui.services.ops.validation import (
    CANCEL_REASON_LABELS,
    can_cancel,
    can_ship,
    is_held,
)
from channelmanager_gui.services.product_images import ProductImages
from channelmanager_gui.services.secret_sources import KeyringSecrets, SecretSource
from channelmanager_gui.services.stores import describe as describe_store
from channelmanager_gui.services.stores import get_store, list_stores

__all__ = [
    "CANCEL_REASON_LABELS",
    "DEFAULT_INTERVALS",
    "DEFAULT_ORDER_EMAIL",
    "DEFAULT_REASON_CHOICES",
    "DEFAULT_SOURCE",
    "MARKETPLACE_NAMES",
    "NONE",
    "SEARCH_LIMIT",
    "ActionOutcome",
    "Change",
    "Changes",
    "ConnectionReport",
    "CredentialStore",
    "ImportResult",
    "KeyringSecrets",
    "ListingRules",
    "OrderDetail",
    "PickUndo",
    "Product",
    "ProductImages",
    "ProductSearch",
    "RefundQueued",
    "SecretSource",
    "StoreSettings",
    "accounts",
    "can_cancel",
    "can_ship",
    "cancel",
    "cancel_label",
    "cancel_reason_choices",
    "cancel_reason_label",
    "carrier_choices",
    "delete_listings",
    "describe_store",
    "export_listings",
    "export_orders",
    "find_order",
    "get_store",
    "import_products",
    "is_held",
    "list_returns",
    "list_stores",
    "listing_rules",
    "marketplace_name",
    "match_detail",
    "match_listings",
    "order_detail",
    "order_for_action",
    "pick",
    "product_images",
    "publish",
    "refund",
    "refund_blockers",
    "remove_listings",
    "resend",
    "resend_listings",
    "retry",
    "search_products",
    "set_tracking_url",
    "ship",
    "store",
    "total_facts",
    "undo_pick",
    "validation",
]
