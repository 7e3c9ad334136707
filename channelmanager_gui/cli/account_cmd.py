"""``channelmanager-gui store account``: a store's marketplace accounts (add, list, test,
remove an Amazon seller account), through ``ops.accounts`` like the store dialog.

Secrets never come from argv (a process list and the shell history would show them): the LWA
client id, client secret and refresh token are read from ``CM_AMAZON_CLIENT_ID``,
``CM_AMAZON_CLIENT_SECRET`` and ``CM_AMAZON_REFRESH_TOKEN``, or prompted for, and go to the
keyring.
"""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import asdict
from typing import Any

from channelmanager_gui.cli import output
from channelmanager_gui.cli.common import UsageError, database, pick_store, read_secret
from channelmanager_gui.services import ops
from channelmanager_gui.services.ops import CredentialStore
from channelmanager_gui.services.ops.account_ops import AccountAnswer, AccountInfo

SECRET_ENV = {
    "lwa_client_id": "CM_AMAZON_CLIENT_ID",
    "lwa_client_secret": "CM_AMAZON_CLIENT_SECRET",
    "lwa_refresh_token": "CM_AMAZON_REFRESH_TOKEN",
}
COLUMNS = [
    ("id", "Id"), ("store", "Store"), ("marketplace", "Marketplace"), ("name", "Name"),
    ("seller_id", "Seller"), ("marketplace_ids", "Marketplaces"), ("api_url", "API URL"),
]  # fmt: skip


def register(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = actions.add_parser("account", help="a store's marketplace accounts (Amazon)")
    sub = parser.add_subparsers(dest="account_action", metavar="ACTION", required=True)
    store = argparse.ArgumentParser(add_help=False)
    store.add_argument("--store", metavar="NAME", help="the store (needed with several)")
    store.add_argument("--json", action="store_true", help="JSON output for scripts")

    add = sub.add_parser(
        "add",
        parents=[store],
        help="add an Amazon account; secrets come from "
        + ", ".join(SECRET_ENV.values())
        + " (or a prompt) and go to the keyring",
    )
    add.add_argument("--marketplace", choices=("amazon",), default="amazon")
    add.add_argument("--name", default="Amazon", help="default: %(default)s")
    _account_fields(add)
    add.set_defaults(handler=_add)

    lst = sub.add_parser("list", parents=[store], help="list the accounts (every store's)")
    lst.set_defaults(handler=_list)

    for action, handler, text in (
        ("test", _test, "check the token exchange and each marketplace's participation"),
        ("remove", _remove, "remove an Amazon account, its orders and listings here, its secrets"),
    ):
        one = sub.add_parser(action, parents=[store], help=text)
        one.add_argument("name", help="the account's name")
        one.set_defaults(handler=handler)


def _account_fields(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seller-id", required=True, help="Seller Central merchant token")
    parser.add_argument(
        "--marketplace-id",
        action="append",
        metavar="ID",
        help="Amazon marketplace id (repeat for several; default: the US, ATVPDKIKX0DER)",
    )
    defaults = AccountAnswer()
    parser.add_argument("--api-url", default=defaults.api_url, help="default: %(default)s")
    parser.add_argument("--lwa-url", default=defaults.auth_url, help="default: %(default)s")


def _add(args: argparse.Namespace) -> int:
    answer = AccountAnswer(
        name=args.name,
        seller_id=args.seller_id,
        marketplace_ids=args.marketplace_id or AccountAnswer().marketplace_ids,
        api_url=args.api_url,
        auth_url=args.lwa_url,
        secrets={name: read_secret(env, name) for name, env in SECRET_ENV.items()},
    )
    with database() as db:
        store = pick_store(db, args.store)
        added = ops.accounts.save(db, CredentialStore(), answer, store_id=store.id)
        ops.publish(db, added)
        info = next(a for a in ops.accounts.list_accounts(db, store.id) if a.id == added.id)
    if args.json:
        output.print_json(_row(info))
    else:
        print(f"Amazon account {info.name!r} added to store {store.name!r} (id {info.id}); "
              "secrets saved in the keyring.")  # fmt: skip
    return 0


def _list(args: argparse.Namespace) -> int:
    with database() as db:
        store_id = ops.get_store(db, args.store).id if args.store else None
        rows = [_row(info) for info in ops.accounts.list_accounts(db, store_id)]
    if args.json:
        output.print_json(rows)
    else:
        output.print_table(rows, COLUMNS, "No accounts.")
    return 0


def _test(args: argparse.Namespace) -> int:
    with database() as db:
        store = pick_store(db, args.store)
        account_id = ops.accounts.find_account(db, store.id, args.name)
        info = next(a for a in ops.accounts.list_accounts(db, store.id) if a.id == account_id)
        if info.marketplace != "amazon":
            raise UsageError("test a Walmart account with: channelmanager-gui store test")
        problems = asyncio.run(ops.accounts.test_saved(db, CredentialStore(), account_id))
    if args.json:
        facts = {"store": store.name, "account": info.name, "marketplace": info.marketplace}
        output.print_json({**facts, "ok": not problems, "problems": problems})
    elif not problems:
        print(f"{info.name}: connected (token exchange and marketplace participation).")
    for problem in problems:
        output.warn(f"{info.name}: {problem}")
    return 0 if not problems else 1


def _remove(args: argparse.Namespace) -> int:
    with database() as db:
        store = pick_store(db, args.store)
        account_id = ops.accounts.find_account(db, store.id, args.name)
        ops.publish(db, ops.accounts.remove(db, CredentialStore(), account_id))
    if args.json:
        output.print_json({"store": store.name, "account": args.name, "removed": True})
    else:
        print(f"Account {args.name!r} removed from store {store.name!r}.")
    return 0


def _row(info: AccountInfo) -> dict[str, Any]:
    return asdict(info)
