"""Which Amazon Sales Channel tab a (store, SKU) belongs to, and why (reference §4.8).

A pure function over facts gathered elsewhere (local rules, the catalog match, the listing or
the All Listings report row), so every rule can be tested alone. Precedence is §4.8's:
Ended → Ineligible → Incomplete → (no Amazon listing: Ready to List / list in progress) →
Active → Inactive. *New Third Party* is not in that chain because it applies only to Amazon
listings with no local product, for which none of the local states exist; it is decided first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from channelmanager_gui.services.amazon import tab_reasons as said
from channelmanager_gui.services.amazon.catalog import CatalogMatch, MatchVerdict
from channelmanager_gui.services.amazon.listing_models import Issue

BUYABLE = "BUYABLE"


class Tab(StrEnum):
    ACTIVE = "Active"
    READY_TO_LIST = "Ready to List"
    INACTIVE = "Inactive"
    INELIGIBLE = "Ineligible"
    INCOMPLETE = "Incomplete"
    ENDED = "Ended"
    NEW_THIRD_PARTY = "New Third Party"


@dataclass(frozen=True)
class ListingFacts:
    """What we know about one SKU in one store; None means "not known / not applicable".

    ``listing_exists``: True when ``getListingsItem`` or the report found it, False on 404.
    ``amazon_status`` is ``summaries[].status`` (BUYABLE/DISCOVERABLE); ``report_status`` the
    All Listings report's ``status`` column, used when no summary was read.
    """

    has_local_product: bool = True
    ended: bool = False
    ineligible_reason: str | None = None  # our listing rules said no (incl. stock threshold)
    condition_known: bool = True
    asin: str | None = None
    match: CatalogMatch | None = None
    preview_issues: tuple[Issue, ...] = ()  # VALIDATION_PREVIEW / listing issues
    listing_exists: bool = False
    auto_list: bool = True
    amazon_status: tuple[str, ...] | None = None
    report_status: str | None = None
    issues: tuple[Issue, ...] = field(default=())


@dataclass(frozen=True)
class TabVerdict:
    tab: Tab
    reason: str


def classify(facts: ListingFacts) -> TabVerdict:
    if not facts.has_local_product:
        return TabVerdict(Tab.NEW_THIRD_PARTY, said.NEW_THIRD_PARTY.format())
    if facts.ended:
        return TabVerdict(Tab.ENDED, said.ENDED.format())
    if facts.ineligible_reason is not None:
        return TabVerdict(Tab.INELIGIBLE, facts.ineligible_reason or said.EXCLUDED.format())
    incomplete = _incomplete_reason(facts)
    if incomplete:
        return TabVerdict(Tab.INCOMPLETE, incomplete)
    if not facts.listing_exists:
        if facts.auto_list:
            # §4.8 names "List in progress" beside Ready to List but gives it no tab of its own;
            # Amazon Sales Channel shows such listings with the Active ones (?).
            return TabVerdict(Tab.ACTIVE, said.LIST_IN_PROGRESS.format())
        return TabVerdict(Tab.READY_TO_LIST, said.READY.format())
    return _published(facts)


def _incomplete_reason(facts: ListingFacts) -> str:
    """Amazon Sales Channel's Incomplete statuses (§4.8), then missing required attributes."""
    if not facts.condition_known:
        return said.MISSING_CONDITION.format()
    if not facts.asin and not facts.listing_exists:
        match = facts.match
        if match is None or match.verdict is not MatchVerdict.MATCHED:
            return match.reason if match else said.UNABLE_TO_ASSIGN.format()
    # Only refusals count: a WARNING about missing attributes sits on buyable listings (§4.1).
    missing = sorted({name for issue in facts.preview_issues if _missing_attribute(issue)
                      for name in issue.attribute_names})  # fmt: skip
    if missing or any(_missing_attribute(i) for i in facts.preview_issues):
        if not missing:
            return said.MISSING_SEE_ISSUES.format()
        return said.MISSING_INFORMATION.format(attributes=", ".join(missing))
    return ""


def _published(facts: ListingFacts) -> TabVerdict:
    if facts.amazon_status is not None:
        if BUYABLE in facts.amazon_status:
            return TabVerdict(Tab.ACTIVE, said.BUYABLE.format())
        return TabVerdict(Tab.INACTIVE, _inactive_reason(facts))
    if facts.report_status == "Active":
        return TabVerdict(Tab.ACTIVE, said.ACTIVE_IN_REPORT.format())
    if facts.report_status == "Inactive":
        return TabVerdict(Tab.INACTIVE, _inactive_reason(facts))
    status = facts.report_status or "none"
    return TabVerdict(Tab.INACTIVE, said.UNKNOWN_STATUS.format(status=status))


def _inactive_reason(facts: ListingFacts) -> str:
    """The most telling issue (§4.8: gating, suppression, errors), else a generic reason."""
    for issue in facts.issues:
        if "QUALIFICATION_REQUIRED" in issue.categories:
            return said.GATED.format(message=issue.message)
    for issue in facts.issues:
        if "LISTING_SUPPRESSED" in issue.actions or "SEARCH_SUPPRESSED" in issue.actions:
            return said.SUPPRESSED.format(message=issue.message)
    for issue in facts.issues:
        if issue.severity == "ERROR":
            return said.PROBLEM.format(message=issue.message)
    if facts.amazon_status is not None:
        # §4.1: empty or missing BUYABLE commonly means zero inventory.
        return said.NOT_BUYABLE.format()
    return said.INACTIVE.format()


def _missing_attribute(issue: Issue) -> bool:
    return issue.severity == "ERROR" and "MISSING_ATTRIBUTE" in issue.categories
