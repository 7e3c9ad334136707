"""``channelmanager-gui sandbox``: run the sandbox servers until interrupted.

Before anything else it prints WALMART_URL, WALMART_CLIENT_ID, WALMART_CLIENT_SECRET,
COMMERCE_URL and COMMERCE_TOKEN, then AMAZON_URL, AMAZON_LWA_URL, AMAZON_CLIENT_ID,
AMAZON_CLIENT_SECRET, AMAZON_REFRESH_TOKEN and AMAZON_SELLER_ID as ``KEY=VALUE`` lines: scripts
read them (the first five stay first: ``head -5`` keeps working).
"""

from __future__ import annotations

import argparse
import threading

from channelmanager_gui.sandbox.faults import FaultConfig
from channelmanager_gui.sandbox.profile import FEED_SECONDS, PROFILES


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "sandbox",
        help="run the local Walmart, Commerce and Amazon sandbox servers until interrupted",
    )
    parser.add_argument("--walmart-port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--commerce-port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--amazon-port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--seed", type=int, default=1, help="demo data seed (same seed, same data)")
    parser.add_argument("--products", type=int, default=300, help="demo catalog size")
    parser.add_argument(
        "--orders", type=int, default=20, help="orders seeded at start (Walmart, Amazon)"
    )
    parser.add_argument(
        "--order-every",
        type=float,
        default=None,
        metavar="SECONDS",
        help="add a new Walmart order every SECONDS (the demo's steady stream)",
    )
    parser.add_argument(
        "--rate-limit-scale",
        type=float,
        default=1.0,
        help="multiply Walmart's and Amazon's rate limits (0 turns them off)",
    )
    parser.add_argument(
        "--profile",
        choices=sorted(PROFILES),
        default="instant",
        help="answer latency: instant (loopback) or realistic (Walmart ~80 ms a call, Commerce "
        "~150 ms and ~1.5 s to place an order)",
    )
    parser.add_argument(
        "--speed",
        type=float,
        default=1.0,
        help="run faster by this factor: every latency divided by it, every rate limit "
        "multiplied by it (benchmarks compare with the bounds at the same factor)",
    )
    parser.add_argument(
        "--feed-seconds",
        type=float,
        default=None,
        metavar="SECONDS",
        help="how long Walmart takes to process a bulk feed, divided by --speed (default: the "
        + ", ".join(f"{name} profile's {secs:g} s" for name, secs in sorted(FEED_SECONDS.items()))
        + ")",
    )
    faults = parser.add_argument_group(
        "fault switches (every server; change at run time with PUT /_sandbox/faults)"
    )
    faults.add_argument("--error-rate", type=float, default=0.0, help="share of 500 answers")
    faults.add_argument("--throttle-rate", type=float, default=0.0, help="chance of a 429 storm")
    faults.add_argument("--latency-ms", type=float, default=0.0, help="added latency")
    faults.add_argument("--drop-rate", type=float, default=0.0, help="share of dropped connections")
    faults.add_argument(
        "--malformed-rate", type=float, default=0.0, help="share of malformed/truncated bodies"
    )
    parser.set_defaults(handler=_run)


def _faults(args: argparse.Namespace, seed: int) -> FaultConfig:
    return FaultConfig(
        error_rate=args.error_rate,
        throttle_rate=args.throttle_rate,
        latency_ms=args.latency_ms,
        drop_rate=args.drop_rate,
        malformed_rate=args.malformed_rate,
        seed=seed,
    )


def _run(args: argparse.Namespace) -> int:
    from channelmanager_gui.sandbox.pair import start_pair

    pair = start_pair(
        seed=args.seed,
        products=args.products,
        orders=args.orders,
        walmart_port=args.walmart_port,
        commerce_port=args.commerce_port,
        walmart_faults=_faults(args, args.seed),
        commerce_faults=_faults(args, args.seed + 1),
        order_stream_seconds=args.order_every,
        rate_limit_scale=args.rate_limit_scale,
        with_amazon=True,
        amazon_port=args.amazon_port,
        amazon_faults=_faults(args, args.seed + 2),
        profile=args.profile,
        speed=args.speed,
        walmart_feed_seconds=args.feed_seconds,
    )
    with pair:
        print("\n".join(pair.env_lines()), flush=True)
        print(f"SANDBOX_PROFILE={args.profile}\nSANDBOX_SPEED={args.speed:g}", flush=True)
        print("Sandbox servers running; press Ctrl+C to stop.", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            print("Stopping sandbox servers.", flush=True)
    return 0
