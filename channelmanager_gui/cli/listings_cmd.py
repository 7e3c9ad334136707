"""``channelmanager-gui listings``: import, match, pick, list, resend, remove and export.

Each action calls the operation the Listings screen calls (``ops.import_products``,
``ops.match_listings``/``pick``, ``ops.resend``/``remove_listings``/``export_listings``) and
publishes its changes in the database (``ops.publish``: the window shows them at once), so
a script and a click do the same thing. SKUs typed on the command line
are checked first: an unknown SKU fails the command (exit 1) before anything is written.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from channelmanager_gui.cli import output
from channelmanager_gui.cli.common import (
    add_marketplace_option,
    database,
    options,
    pick_store,
    store_id_or_none,
)
from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models import listing_table_queries as queries
from channelmanager_gui.models.account import WALMART
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing, ListingState, MatchStatus
from channelmanager_gui.models.public_keys import with_public_keys
from channelmanager_gui.services import ops

CHUNK = 500  # ids per statement (SQLite bound-parameter headroom)
STATES = [s.value for s in ListingState] + [queries.IN_ERROR]
COLUMNS = [
    ("sku", "SKU"), ("name", "Name"), ("state", "State"), ("price", "Price"), ("qty", "Qty"),
    ("gtin14", "GTIN"), ("marketplace_item_id", "Marketplace item"), ("sync_error", "Error"),
]  # fmt: skip


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("listings", help="Commerce products listed on Walmart")
    actions = parser.add_subparsers(dest="listings_action", metavar="ACTION", required=True)
    common = options()

    imp = actions.add_parser("import", parents=[common], help="import products from Commerce")
    which = imp.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="every product of the catalog")
    which.add_argument("--sku", nargs="+", metavar="SKU", help="these SKUs")
    which.add_argument("--search", metavar="TEXT", help="products whose name or SKU has TEXT")
    imp.set_defaults(handler=_import)

    match = actions.add_parser(
        "match", parents=[common], help="send listings to Walmart for matching (default: all)"
    )
    _skus_or_all(match)
    match.set_defaults(handler=_match)

    pick = actions.add_parser(
        "pick", parents=[common], help="choose the Walmart item when several candidates match"
    )
    pick.add_argument("--sku", required=True)
    pick.add_argument("--item", required=True, metavar="WALMART_ITEM", help="Walmart item id")
    pick.set_defaults(handler=_pick)

    lst = actions.add_parser("list", parents=[common], help="list listings")
    lst.add_argument("--state", type=_state, metavar="STATE", help=f"one of: {', '.join(STATES)}")
    lst.add_argument("--search", default="", metavar="TEXT", help="SKU, name or identifier")
    add_marketplace_option(lst)
    lst.set_defaults(handler=_list)

    again = actions.add_parser("resend", parents=[common], help="send price and stock again")
    _skus_or_all(again)
    again.set_defaults(handler=_resend)

    rm = actions.add_parser(
        "remove", parents=[common], help="stop syncing these listings (Walmart items stay)"
    )
    rm.add_argument("--sku", nargs="+", metavar="SKU", required=True)
    rm.set_defaults(handler=_remove)

    export = actions.add_parser(
        "export", parents=[options(json_output=False)], help="write every listing as CSV or JSON"
    )
    export.add_argument("--format", choices=("csv", "json"), required=True)
    export.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    export.set_defaults(handler=_export)


def _skus_or_all(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help="every listing of the store")
    which.add_argument("--sku", nargs="+", metavar="SKU", help="these SKUs")


def _state(text: str) -> str:
    """A state as typed: any case, dashes or underscores for spaces ("ready-to-list")."""
    wanted = " ".join(text.replace("-", " ").replace("_", " ").split()).casefold()
    for state in STATES:
        if state.casefold() == wanted:
            return state
    raise argparse.ArgumentTypeError(f"unknown state {text!r} (choose from {', '.join(STATES)})")


def listing_ids(db: Database, store_id: int, skus: Sequence[str] | None) -> list[int]:
    """Ids of these SKUs in the store (every listing when ``skus`` is None); an unknown SKU
    raises ``ValidationError`` naming it, before anything is changed."""
    with db.session() as session:
        query = select(Listing.sku, Listing.id).where(
            Listing.store_id == store_id, Listing.marketplace == WALMART
        )
        found = {sku.casefold(): lid for sku, lid in session.execute(query)}
    if skus is None:
        return sorted(found.values())
    missing = [s for s in skus if s.strip().casefold() not in found]
    if missing:
        raise ValidationError(
            "SKU", f"not imported in this store: {', '.join(missing)} (run listings import first)"
        )
    return list(dict.fromkeys(found[s.strip().casefold()] for s in skus))


class _StderrProgress:
    """The import's status lines, on stderr for a person watching (stdout stays parseable)."""

    cancelled = False

    def set_status(self, text: str) -> None:
        if sys.stderr.isatty():
            print(text, file=sys.stderr)

    def set_progress(self, done: int, total: int | None) -> None:
        pass


def _import(args: argparse.Namespace) -> int:
    with database() as db:
        store = pick_store(db, args.store)
        result = asyncio.run(
            ops.import_products(
                db,
                ops.KeyringSecrets(),
                store.id,
                skus=args.sku,
                search=args.search,
                all=args.all,
                progress=_StderrProgress(),
            )
        )
        ops.publish(db, result.changes)
    data = {
        "store": store.name,
        "created": result.created,
        "updated": result.updated,
        "incomplete": result.incomplete,
        "skipped": [{"sku": sku, "reason": why} for sku, why in result.skipped],
        "not_found": result.not_found,
        "listings": len(result.listing_ids),
        "cancelled": result.cancelled,
    }
    if args.json:
        output.print_json(data)
    else:
        print(f"Import: {result.summary()}.")
    if result.not_found:
        output.warn(f"SKU: not found in Commerce: {', '.join(result.not_found)}")
        return 1
    return 0


def _match(args: argparse.Namespace) -> int:
    with database() as db:
        store = pick_store(db, args.store)
        ids = listing_ids(db, store.id, args.sku)
        outcome = ops.match_listings(db, ids)
        ops.publish(db, outcome.changes)
        queued, skipped = outcome.done, outcome.skipped
    data = {
        "store": store.name,
        "queued": queued,
        "skipped": [{"sku": sku, "reason": why} for sku, why in skipped],
    }
    if args.json:
        output.print_json(data)
    else:
        print(f"{queued} listing(s) sent for matching; the next sync looks them up on Walmart.")
        for sku, why in skipped:
            print(f"  skipped {sku}: {why}")
    return 0


def _pick(args: argparse.Namespace) -> int:
    with database() as db:
        store = pick_store(db, args.store)
        (listing_id,) = listing_ids(db, store.id, [args.sku])
        ops.publish(db, ops.pick(db, listing_id, args.item.strip()))
    data = {"store": store.name, "sku": args.sku, "walmart_item_id": args.item.strip()}
    if args.json:
        output.print_json(data)
    else:
        print(f"{args.sku}: Walmart item {args.item} chosen; the next sync sets it up.")
    return 0


def _list(args: argparse.Namespace) -> int:
    flt_sort = queries.ListingSort()
    with database() as db:
        flt = queries.ListingFilter(
            store_id=store_id_or_none(db, args.store),
            tab=args.state or "",
            search=args.search,
            marketplace=args.marketplace or "",
        )
        with db.session() as session:
            ids = queries.listing_ids(session, flt, flt_sort)
            rows = []
            for start in range(0, len(ids), queries.PAGE_LIMIT):
                page = ids[start : start + queries.PAGE_LIMIT]
                found = queries.rows_by_ids(session, page)
                rows += [_row(found[i]) for i in page if i in found]
            _add_candidates(session, rows)
    if args.json:
        output.print_json(rows)
    else:
        output.print_table(rows, COLUMNS, "No listings.")
    return 0


def _row(row: queries.ListingRow) -> dict[str, Any]:
    facts = with_public_keys({name: getattr(row, name) for name in row.__dataclass_fields__})
    facts["sent_at"] = row.sent_at
    return facts


def _add_candidates(session: Any, rows: list[dict[str, Any]]) -> None:
    """The Walmart items a merchant picks from (``listings pick``), on the rows that have them."""
    waiting = {row["id"]: row for row in rows if row["match_status"] == MatchStatus.CANDIDATES}
    for row in rows:
        row["candidates"] = None
    ids = list(waiting)
    for start in range(0, len(ids), CHUNK):
        query = select(Listing.id, Listing.match_candidates).where(
            Listing.id.in_(ids[start : start + CHUNK])
        )
        for listing_id, candidates in session.execute(query):
            waiting[listing_id]["candidates"] = candidates or []


def _resend(args: argparse.Namespace) -> int:
    with database() as db:
        store = pick_store(db, args.store)
        ids = listing_ids(db, store.id, args.sku)
        outcome = ops.resend_listings(db, ids)
        ops.publish(db, outcome.changes)
        count = outcome.done
    if args.json:
        output.print_json({"store": store.name, "resent": count})
    else:
        print(f"{count} listing(s): price and stock will be sent again on the next sync.")
    return 0


def _remove(args: argparse.Namespace) -> int:
    with database() as db:
        store = pick_store(db, args.store)
        ids = listing_ids(db, store.id, args.sku)
        outcome = ops.delete_listings(db, ids)
        ops.publish(db, outcome.changes)
        count = outcome.done
    if args.json:
        output.print_json({"store": store.name, "removed": count})
    else:
        print(f"{count} listing(s) removed; their Walmart items stay as they are.")
    return 0


def _export(args: argparse.Namespace) -> int:
    with database() as db:
        store_id = store_id_or_none(db, args.store)
        if args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                count = ops.export_listings(db, args.format, out, store_id)
            print(f"{count} listing(s) written to {args.output}.", file=sys.stderr)
        else:
            ops.export_listings(db, args.format, sys.stdout, store_id)
    return 0
