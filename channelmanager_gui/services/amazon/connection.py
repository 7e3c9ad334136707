""" "Test connection" for an Amazon store: token exchange, then marketplace participation (§8.1).

Step 1 trades the refresh token for an access token (bad refresh token or app credentials are
named as such, §1.1). Step 2 reads ``GET /sellers/v1/marketplaceParticipations`` (payload-
wrapped, §1.3/§1.4) and checks every configured marketplace: not registered, not participating
and suspended listings are each named in words. A 403 there means the app is not authorized for
this seller or region (§1.3).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from channelmanager_gui.errors import AuthError, ChannelError
from channelmanager_gui.services.amazon.core import AmazonCore
from channelmanager_gui.services.amazon.errors import SERVICE
from channelmanager_gui.services.amazon.marketplaces import name_of
from channelmanager_gui.services.http import ConnectionReport, Priority, ok_report, report_for


class SellersApi(AmazonCore):
    async def marketplace_participations(self) -> list[dict[str, Any]]:
        reply = await self._call(
            "GET",
            "/sellers/v1/marketplaceParticipations",
            what="the marketplaces this account sells in",
            op="sellers.participations",
            priority=Priority.INTERACTIVE,
        )
        payload = reply.dig("payload", default=None) or []
        if not isinstance(payload, list):
            raise reply.malformed("payload", "is not a list")
        return [p for p in payload if isinstance(p, dict)]

    async def test_connection(self) -> ConnectionReport:
        self.tokens.forget()
        try:
            await self.tokens.get()
            participations = await self.marketplace_participations()
        except (ChannelError, OSError) as exc:
            report = report_for(exc, SERVICE)
            if isinstance(exc, AuthError):
                # ``lwa_error``/``denied`` already name what to fix (§1.1, §1.3); the generic
                # "Check the keys." would hide whether it is the refresh token or the app.
                return replace(report, message=exc.message)
            return report
        problems = participation_problems(participations, self.marketplace_ids)
        if problems:
            return ConnectionReport(False, "no_permission", " ".join(problems))
        names = ", ".join(name_of(m) for m in self.marketplace_ids)
        return ok_report(SERVICE, f"Selling in {names}.")


def participation_problems(participations: list[dict[str, Any]], wanted: list[str]) -> list[str]:
    """One sentence per configured marketplace the account cannot sell in, or [] when fine."""
    by_id = {_get(p, "marketplace", "id"): p for p in participations}
    problems = []
    for marketplace_id in wanted:
        name = name_of(marketplace_id)
        entry = by_id.get(marketplace_id)
        if entry is None:
            problems.append(f"This seller account is not registered in {name}.")
        elif _get(entry, "participation", "isParticipating") is not True:
            problems.append(f"This seller account is not currently selling in {name}.")
        elif _get(entry, "participation", "hasSuspendedListings") is True:
            problems.append(f"Amazon has suspended listings of this account in {name}.")
    return problems


def _get(value: Any, *keys: str) -> Any:
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value
