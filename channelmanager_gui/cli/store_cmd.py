"""``channelmanager-gui store``: add, list, test and remove stores from the command line."""

from __future__ import annotations

import argparse
import asyncio
import json

from channelmanager_gui.cli import account_cmd, output
from channelmanager_gui.cli.common import database, open_cli_database, pick_store, read_secret
from channelmanager_gui.services import ops
from channelmanager_gui.services.ops import DEFAULT_SOURCE, ConnectionReport, CredentialStore

SECRET_ENV = {
    "commerce_token": "CM_COMMERCE_TOKEN",
    "walmart_client_id": "CM_WALMART_CLIENT_ID",
    "walmart_client_secret": "CM_WALMART_CLIENT_SECRET",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("store", help="manage stores (Commerce store + Walmart account)")
    actions = parser.add_subparsers(dest="store_action", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add",
        help="add a store; secrets come from CM_COMMERCE_TOKEN, CM_WALMART_CLIENT_ID and "
        "CM_WALMART_CLIENT_SECRET (or a prompt) and go to the keyring",
    )
    add.add_argument("--name", required=True)
    add.add_argument("--commerce-url", required=True, help="base URL that /rest/V1 hangs from")
    add.add_argument("--commerce-store-code", default="default")
    add.add_argument(
        "--walmart-url", required=True, help="e.g. https://marketplace.walmartapis.com"
    )
    add.add_argument(
        "--ship-source-code",
        default=DEFAULT_SOURCE,
        help="the Commerce inventory source shipments are made from (Stores > Inventory > "
        "Sources), so Commerce deducts the stock there; default: %(default)s",
    )
    add.set_defaults(handler=_add)

    lst = actions.add_parser("list", help="list stores")
    lst.add_argument("--json", action="store_true", help="JSON output for scripts")
    lst.set_defaults(handler=_list)

    test = actions.add_parser(
        "test", help="check both connections, as the window's Test connection does"
    )
    test.add_argument("name", nargs="?", help="the store (may be left out with only one)")
    test.add_argument("--json", action="store_true", help="JSON output for scripts")
    test.set_defaults(handler=_test)

    rm = actions.add_parser("remove", help="remove a store and its secrets")
    rm.add_argument("name")
    rm.set_defaults(handler=_remove)

    account_cmd.register(actions)


def _add(args: argparse.Namespace) -> int:
    secrets = {name: read_secret(env, name) for name, env in SECRET_ENV.items()}
    db = open_cli_database()
    try:
        added = ops.store.add(
            db,
            CredentialStore(),
            name=args.name,
            commerce_url=args.commerce_url,
            commerce_store_code=args.commerce_store_code,
            walmart_url=args.walmart_url,
            secrets=secrets,
            settings={"ship_source_code": args.ship_source_code.strip()},
        )
        ops.publish(db, added)  # an open window starts syncing it
    finally:
        db.dispose()
    name = args.name.strip()
    print(f"Store {name!r} added (id {added.id}); secrets saved in the keyring.")
    return 0


def _list(args: argparse.Namespace) -> int:
    db = open_cli_database()
    try:
        rows = [ops.describe_store(s) for s in ops.list_stores(db)]
    finally:
        db.dispose()
    if args.json:
        print(json.dumps(rows, indent=2))
    elif not rows:
        print("No stores yet. Add one with: channelmanager-gui store add --help")
    else:
        for row in rows:
            print(f"{row['id']:>3}  {row['name']:<24} {row['commerce_url']}  {row['walmart_url']}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    db = open_cli_database()
    try:
        ops.publish(db, ops.store.remove_named(db, CredentialStore(), args.name))
    finally:
        db.dispose()
    print(f"Store {args.name!r} removed.")
    return 0


def _test(args: argparse.Namespace) -> int:
    with database() as db:
        store = pick_store(db, args.name)
    commerce, walmart = asyncio.run(ops.store.check_saved(store, ops.KeyringSecrets()))
    ok = commerce.ok and walmart.ok
    if args.json:
        output.print_json(
            {
                "store": store.name,
                "ok": ok,
                "commerce": _report(commerce),
                "walmart": _report(walmart),
            }
        )
    else:
        for service, report in (("Commerce", commerce), ("Walmart", walmart)):
            print(
                f"{service}: {report.message}"
                + (f" {report.detail}" if report.ok and report.detail else "")
            )
    if not ok:
        failed = [r.message for r in (commerce, walmart) if not r.ok]
        output.warn(f"store {store.name!r}: " + " ".join(failed))
    return 0 if ok else 1


def _report(report: ConnectionReport) -> dict[str, object]:
    return {
        "ok": report.ok,
        "problem": report.problem,
        "message": report.message,
        "detail": report.detail,
    }
