"""Outbox action ``amazon.push`` (stock or price of one Amazon account) and its feeds.

One action carries one kind (stock or price) for one or many SKUs: one goes as
``patchListingsItem``, many as one ``JSON_LISTINGS_FEED`` (the adapter decides, reference
§4.2/§4.6). Both set absolute values, so a resend is harmless; still, a retry first reads back
what Amazon shows and sends only what it does not show yet ("checked before resending").

What Amazon answers is not what it applied (§4.2): an accepted value stays queued on its
listing, and ``amazon_push.confirm_applied`` reads it back later. A feed is remembered as a
``marketplace_feeds`` row (marketplace ``amazon``) as soon as Amazon gives its id; the push
loop polls it, records per-SKU refusals from its processing report, and lets no second feed
of the account start before it finished (one at a time, §8.6).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from channelmanager_gui.errors import ChannelError
from channelmanager_gui.models.account import AMAZON
from channelmanager_gui.models.listing import FeedState, Listing, MarketplaceFeed
from channelmanager_gui.models.money import to_money
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction
from channelmanager_gui.services.engine import outcomes
from channelmanager_gui.services.engine.amazon_tabs import apply_tab
from channelmanager_gui.services.engine.context import EngineEnv, StoreContext
from channelmanager_gui.services.engine.rules_source import rules_for
from channelmanager_gui.services.marketplace.port import (
    MarketplacePort,
    PriceUpdate,
    PushReceipt,
    StockUpdate,
)
from channelmanager_gui.services.outbox import RETRYABLE, ActionContext

PUSH_ACTION = "amazon.push"
FEED_TYPES = {"stock": "amazon_stock", "price": "amazon_price"}


def busy_listings(session: Session, account_id: int) -> set[int]:
    """Listings in an unfinished push action or an open feed of the account."""
    actions = select(OutboxAction.payload).where(
        OutboxAction.account_id == account_id,
        OutboxAction.kind == PUSH_ACTION,
        OutboxAction.status != ActionStatus.DONE,
    )
    busy = {int(e["listing_id"]) for p in session.scalars(actions) for e in p.get("entries", ())}
    feeds = select(MarketplaceFeed.entries).where(*_open_feeds(account_id))
    return busy | {int(e["listing_id"]) for entries in session.scalars(feeds) for e in entries}


def feed_open(session: Session, account_id: int) -> bool:
    """A listings feed of the account is queued in the outbox or processing at Amazon."""
    actions = select(OutboxAction.payload).where(
        OutboxAction.account_id == account_id,
        OutboxAction.kind == PUSH_ACTION,
        OutboxAction.status != ActionStatus.DONE,
    )
    if any(len(p.get("entries", ())) > 1 for p in session.scalars(actions)):
        return True
    return session.scalar(select(MarketplaceFeed.id).where(*_open_feeds(account_id))) is not None


def _open_feeds(account_id: int) -> tuple[Any, ...]:
    return (
        MarketplaceFeed.account_id == account_id,
        MarketplaceFeed.marketplace == AMAZON,
        MarketplaceFeed.status == FeedState.SUBMITTED,
    )


class AmazonPushHandler:
    lane = "amazon.listings"

    def __init__(self, env: EngineEnv) -> None:
        self.env = env

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
        kind, entries = ctx.payload["kind"], list(ctx.payload["entries"])
        adapter = self._adapter(ctx)
        checked: list[str] = []
        if ctx.retrying:  # an earlier attempt may have reached Amazon: send only what is missing
            shown = await adapter.read_back([e["sku"] for e in entries])
            checked = [e["sku"] for e in entries if _shows(shown.get(e["sku"]), kind, e["value"])]
            entries = [e for e in entries if e["sku"] not in checked]
            if not entries:
                return {"checked": checked}
        try:
            receipt = await _push(adapter, kind, entries)
        except RETRYABLE:
            raise
        except ChannelError as exc:
            return {"checked": checked, "error": str(exc)}
        return {"checked": checked, "accepted": list(receipt.accepted),
                "refused": dict(receipt.refused), "feed_id": receipt.submission_id}  # fmt: skip

    def apply(self, session: Session, ctx: ActionContext, result: dict[str, Any] | None) -> None:
        if result is None:
            return
        kind, entries = ctx.payload["kind"], ctx.payload["entries"]
        now = self.env.clock()
        if result.get("feed_id"):
            session.add(MarketplaceFeed(
                store_id=ctx.store_id, account_id=_account_id(ctx), marketplace=AMAZON,
                feed_type=FEED_TYPES[kind], feed_id=result["feed_id"], entries=entries,
                status=FeedState.SUBMITTED, submitted_at=now,
            ))  # fmt: skip
        refused = dict(result.get("refused") or {})
        if result.get("error"):
            refused = {e["sku"]: result["error"] for e in entries}
        for entry in entries:
            listing = session.get(Listing, entry["listing_id"])
            if listing is None:
                continue
            if entry["sku"] in result.get("checked", ()):
                _sent(session, listing, kind, entry["value"], now, "checked before resending")
            elif entry["sku"] in refused:
                _refused(session, listing, kind, entry["value"], refused[entry["sku"]])
            elif not result.get("feed_id"):
                _accepted(listing, kind, now)  # confirmed once Amazon shows it
            self._retab(listing, ctx)

    def failed(self, session: Session, ctx: ActionContext, error: ChannelError) -> None:
        for entry in ctx.payload["entries"]:
            listing = session.get(Listing, entry["listing_id"])
            if listing is not None:
                reason = f"{error} (press Retry to send again)"
                _refused(session, listing, ctx.payload["kind"], entry["value"], reason)
                self._retab(listing, ctx)

    def _adapter(self, ctx: ActionContext) -> MarketplacePort:
        return self.env.store(ctx.store_id).account(_account_id(ctx)).adapter

    def _retab(self, listing: Listing, ctx: ActionContext) -> None:
        store = self.env.stores.get(ctx.store_id)
        if store is not None:
            apply_tab(listing, rules_for(store, listing.account_id))


async def poll_amazon_feeds(
    env: EngineEnv, store: StoreContext, account_id: int, adapter: MarketplacePort
) -> dict[str, int]:
    """Finished feeds of the account: refusals recorded per SKU, the rest accepted."""
    with env.db.session() as session:
        open_feeds = list(session.execute(
            select(MarketplaceFeed.id, MarketplaceFeed.feed_id).where(*_open_feeds(account_id))
        ))  # fmt: skip
    finished = 0
    rules = rules_for(store, account_id)
    for row_id, feed_id in open_feeds:
        try:
            check = await adapter.check_submission(str(feed_id))
        except ChannelError:
            continue  # read again next pass
        if not check.finished:
            continue
        finished += 1
        now = env.clock()
        with env.db.session() as session:
            feed = session.get_one(MarketplaceFeed, row_id)
            kind = "stock" if feed.feed_type == FEED_TYPES["stock"] else "price"
            feed.status, feed.done_at, feed.checked_at = FeedState.PROCESSED, now, now
            feed.items_failed = sum(e["sku"] in check.refused for e in feed.entries)
            feed.items_succeeded = len(feed.entries) - feed.items_failed
            if check.status != "DONE":
                feed.error = "; ".join(check.problems)[:1000] or check.status
            for entry in feed.entries:
                listing = session.get(Listing, entry["listing_id"])
                if listing is None:
                    continue
                if entry["sku"] in check.refused:
                    _refused(session, listing, kind, entry["value"], check.refused[entry["sku"]])
                else:
                    _accepted(listing, kind, now)
                apply_tab(listing, rules)
    return {"feeds_open": len(open_feeds) - finished, "feeds_done": finished}


async def _push(adapter: MarketplacePort, kind: str, entries: list[dict[str, Any]]) -> PushReceipt:
    if kind == "stock":
        return await adapter.push_stock([StockUpdate(e["sku"], int(e["value"])) for e in entries])
    return await adapter.push_prices([PriceUpdate(e["sku"], to_money(str(e["value"])))
                                      for e in entries])  # fmt: skip


def _shows(shown: Any, kind: str, value: Any) -> bool:
    if shown is None or not shown.listed:
        return False
    if kind == "stock":
        return bool(shown.quantity == int(value))
    return shown.price is not None and shown.price == to_money(str(value))


def _account_id(ctx: ActionContext) -> int:
    return int(ctx.payload["account_id"])


def _accepted(listing: Listing, kind: str, now: Any) -> None:
    """Amazon took the value; it stays queued until read back (the time says since when)."""
    if kind == "stock":
        listing.qty_sent_at = now
    else:
        listing.price_sent_at = now


def _sent(session: Session, listing: Listing, kind: str, value: Any, now: Any, how: str) -> None:
    if kind == "stock":
        outcomes.qty_sent(session, listing, int(value), now, how)
    else:
        outcomes.price_sent(session, listing, to_money(str(value)), now, how)


def _refused(session: Session, listing: Listing, kind: str, value: Any, reason: str) -> None:
    if kind == "stock":
        outcomes.qty_refused(session, listing, int(value), reason)
    else:
        outcomes.price_refused(session, listing, to_money(str(value)), reason)
