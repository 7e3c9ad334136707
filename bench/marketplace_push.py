"""Stock and price push through the marketplace port: Amazon's figures next to Walmart's.

Each marketplace's sandbox runs in this process (its HTTP server on its own thread) with its
**published rate limits on**: Walmart's (reference §11) and Amazon's (amazon-sp-api reference
§4.1 ``patchListingsItem`` 5/s burst 5, ``getListingsItem`` 5/s burst 10; §4.6 ``createFeed``
0.0083/s burst 15, ``getFeed`` 2/s burst 15), and each client paces itself by them. Timed, per
marketplace, through the same port calls the engine makes:

- singles: ``--singles`` SKUs one by one (Walmart ``PUT /v3/inventory``, Amazon
  ``patchListingsItem``): wall time and updates a second, 429s received;
- bulk: one feed of ``--feed`` SKUs (Walmart's inventory feed, Amazon's ``JSON_LISTINGS_FEED``):
  until the marketplace processed it, then until a read-back of a sample shows the values
  (Amazon: accepted is not applied; its sandbox applies a change ``--apply-seconds`` after
  ACCEPTED — the sandbox's figure, Adobe reports up to about two hours on real Amazon, §7);
- Amazon only: one feed at a time per account (§8.6), and ``createFeed``'s sustained pace of
  one feed per 2 minutes after its burst of 15: the time a second bulk push waits is the first
  feed's processing time.

    python -m bench.marketplace_push --singles 20 --feed 1000
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from bench.common import dump, print_result
from channelmanager_gui.sandbox.amazon import AmazonSandbox
from channelmanager_gui.sandbox.walmart import WalmartSandbox
from channelmanager_gui.services.marketplace import AccountSpec, Marketplace, open_adapter
from channelmanager_gui.services.marketplace.port import MarketplacePort, StockUpdate

US = "ATVPDKIKX0DER"
POLL = 0.5
SAMPLE = 20  # SKUs read back after a feed (Amazon's getListingsItem: 5/s)


async def _timed(fn: Callable[[], Awaitable[Any]]) -> float:
    started = time.perf_counter()
    await fn()
    return time.perf_counter() - started


async def measure(port: MarketplacePort, skus: list[str], singles: int, feed: int,
                  throttled: Callable[[], int]) -> dict[str, Any]:  # fmt: skip
    """The figures of one marketplace, through the port."""
    out: dict[str, Any] = {}
    single_skus, feed_skus = skus[:singles], skus[singles : singles + feed]

    async def one_by_one() -> None:
        for n, sku in enumerate(single_skus):
            await port.push_stock([StockUpdate(sku, 3 + n % 5)])

    seconds = await _timed(one_by_one)
    out["singles"] = len(single_skus)
    out["singles_seconds"] = seconds
    out["singles_per_second"] = len(single_skus) / seconds if seconds else 0.0
    wanted = {sku: 2 + n % 7 for n, sku in enumerate(feed_skus)}
    started = time.perf_counter()
    receipt = await port.push_stock([StockUpdate(s, q) for s, q in wanted.items()])
    out["feed_skus"] = len(feed_skus)
    out["feed_submit_seconds"] = time.perf_counter() - started
    while not (await port.check_submission(receipt.submission_id)).finished:
        await asyncio.sleep(POLL)
    out["feed_processed_seconds"] = time.perf_counter() - started
    sample = list(wanted)[:SAMPLE]
    while True:
        shown = await port.read_back(sample)
        if all(shown[s].quantity == wanted[s] for s in sample):
            break
        await asyncio.sleep(POLL)
    out["feed_applied_seconds"] = time.perf_counter() - started
    out["throttled_429"] = throttled()
    return out


async def walmart_figures(args: argparse.Namespace) -> dict[str, Any]:
    with WalmartSandbox(seed=5, products=2 * (args.singles + args.feed) + 50, orders=0,
                        rate_limit_scale=1.0, feed_seconds=args.feed_seconds) as box:  # fmt: skip
        state = box.state
        skus = state.run(lambda: [s for s, i in state.items.items.items()
                                  if i.lifecycle == "ACTIVE"])  # fmt: skip
        secrets = {"walmart_client_id": box.client_id, "walmart_client_secret": box.client_secret}
        port = open_adapter(AccountSpec(Marketplace.WALMART, box.url), secrets.get)
        try:
            return await measure(port, skus, args.singles, args.feed,
                                 lambda: sum(state.throttled.values()))  # fmt: skip
        finally:
            await port.aclose()


async def amazon_figures(args: argparse.Namespace) -> dict[str, Any]:
    products = 3 * (args.singles + args.feed)  # about 45 % of demo products are listed
    with AmazonSandbox(seed=5, products=products, orders=0, rate_limit_scale=1.0,
                       listing_seconds=args.apply_seconds,
                       job_seconds=args.feed_seconds) as box:  # fmt: skip
        skus = [lst.sku for lst in box.state.listings.all(US) if lst.channel == "DEFAULT"]
        c = box.credentials
        secrets = {"lwa_client_id": c.client_id, "lwa_client_secret": c.client_secret,
                   "lwa_refresh_token": c.refresh_token}  # fmt: skip
        spec = AccountSpec(Marketplace.AMAZON, box.url, auth_url=box.lwa_url,
                           seller_id=c.seller_id, marketplace_ids=(US,))  # fmt: skip
        port = open_adapter(spec, secrets.get)
        try:
            return await measure(port, skus, args.singles, args.feed,
                                 lambda: sum(box.state.throttled.values()))  # fmt: skip
        finally:
            await port.aclose()


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    results = {"walmart": await walmart_figures(args), "amazon": await amazon_figures(args)}
    for name, figures in results.items():
        print_result(f"Stock push through the port: {name}", figures)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--singles", type=int, default=20)
    parser.add_argument("--feed", type=int, default=1000)
    parser.add_argument("--feed-seconds", type=float, default=2.0,
                        help="the sandboxes' feed processing time")  # fmt: skip
    parser.add_argument("--apply-seconds", type=float, default=5.0,
                        help="Amazon sandbox: ACCEPTED → applied")  # fmt: skip
    parser.add_argument("--json", help="keep the figures (and the machine) in this file")
    args = parser.parse_args()
    dump(args.json, asyncio.run(main_async(args)))


if __name__ == "__main__":
    main()
