"""The Amazon Sales Channel tab classifier: every rule of §4.8 and its precedence."""

from __future__ import annotations

from dataclasses import replace

import pytest

from channelmanager_gui.services.amazon import Issue, ListingFacts, Tab, classify
from channelmanager_gui.services.amazon.catalog import CatalogItem, verdict_for

BASE = CatalogItem.model_validate({"asin": "B0CXJ4L2ZQ", "summaries": [
    {"itemClassification": "BASE_PRODUCT"}]})  # fmt: skip
PARENT = CatalogItem.model_validate({"asin": "B0PARENT", "summaries": [
    {"itemClassification": "VARIATION_PARENT"}]})  # fmt: skip
ACTIVE = ListingFacts(asin="B0CXJ4L2ZQ", listing_exists=True, amazon_status=("BUYABLE",))
MISSING = Issue(code="90220", severity="ERROR", categories=["MISSING_ATTRIBUTE"],
                attribute_names=["item_weight"], message="item_weight is required")  # fmt: skip


def _tab(facts: ListingFacts) -> tuple[Tab, str]:
    verdict = classify(facts)
    return verdict.tab, verdict.reason


def test_active_when_buyable() -> None:
    assert _tab(ACTIVE) == (Tab.ACTIVE, "Buyable on Amazon")


def test_new_third_party_for_an_unlinked_amazon_listing() -> None:
    tab, _ = _tab(replace(ACTIVE, has_local_product=False, ended=True))
    assert tab is Tab.NEW_THIRD_PARTY


def test_ended_beats_everything_local() -> None:
    facts = replace(ACTIVE, ended=True, ineligible_reason="Below stock threshold",
                    condition_known=False)  # fmt: skip
    assert _tab(facts)[0] is Tab.ENDED


def test_ineligible_beats_incomplete_and_active_with_its_reason() -> None:
    facts = replace(ACTIVE, ineligible_reason="Quantity 0 is below the threshold 2",
                    condition_known=False)  # fmt: skip
    assert _tab(facts) == (Tab.INELIGIBLE, "Quantity 0 is below the threshold 2")


@pytest.mark.parametrize(
    ("facts", "reason"),
    [
        (ListingFacts(condition_known=False), "Missing Condition"),
        (ListingFacts(), "Unable to Assign to Amazon Listing"),
        (ListingFacts(match=verdict_for([])), "Unable to Assign to Amazon Listing"),
        (ListingFacts(match=verdict_for([BASE, PARENT])), "Multiple Matches Found"),
        (ListingFacts(match=verdict_for([PARENT])), "Has Variants"),
        (ListingFacts(asin="B0X", preview_issues=(MISSING,)),
         "Missing required information: item_weight"),
    ],
)  # fmt: skip
def test_incomplete_reasons(facts: ListingFacts, reason: str) -> None:
    assert _tab(facts) == (Tab.INCOMPLETE, reason)


def test_incomplete_beats_active_and_condition_comes_first() -> None:
    facts = replace(ACTIVE, condition_known=False, preview_issues=(MISSING,))
    assert _tab(facts) == (Tab.INCOMPLETE, "Missing Condition")
    assert _tab(replace(ACTIVE, preview_issues=(MISSING,)))[0] is Tab.INCOMPLETE


def test_a_missing_attribute_warning_does_not_make_it_incomplete() -> None:
    warning = replace_issue(MISSING, severity="WARNING")
    assert _tab(replace(ACTIVE, preview_issues=(warning,)))[0] is Tab.ACTIVE


def test_matched_but_not_listed_is_ready_to_list_when_auto_list_is_off() -> None:
    facts = ListingFacts(match=verdict_for([BASE]), auto_list=False)
    assert _tab(facts)[0] is Tab.READY_TO_LIST
    tab, reason = _tab(replace(facts, auto_list=True))
    assert tab is Tab.ACTIVE and reason.startswith("List in progress")


@pytest.mark.parametrize(
    ("issue", "words"),
    [
        (Issue(categories=["QUALIFICATION_REQUIRED"], message="Brand gated"), "Approval required"),
        (Issue.model_validate({"message": "Suppressed", "enforcements": {"actions": [
            {"action": "LISTING_SUPPRESSED"}]}}), "Suppressed by Amazon"),
        (Issue(severity="ERROR", message="Bad image"), "Amazon reports a problem: Bad image"),
    ],
)  # fmt: skip
def test_inactive_reasons_from_issues(issue: Issue, words: str) -> None:
    facts = replace(ACTIVE, amazon_status=("DISCOVERABLE",), issues=(issue,))
    tab, reason = _tab(facts)
    assert tab is Tab.INACTIVE and words in reason


def test_inactive_gating_named_before_suppression() -> None:
    gated = Issue(categories=["QUALIFICATION_REQUIRED"], message="gated")
    suppressed = Issue(actions=["LISTING_SUPPRESSED"], message="suppressed")
    facts = replace(ACTIVE, amazon_status=(), issues=(suppressed, gated))
    assert "Approval required" in _tab(facts)[1]
    assert "quantity 0" in _tab(replace(ACTIVE, amazon_status=()))[1]


@pytest.mark.parametrize(
    ("status", "tab"),
    [("Active", Tab.ACTIVE), ("Inactive", Tab.INACTIVE), ("Incomplete", Tab.INACTIVE),
     (None, Tab.INACTIVE)],
)  # fmt: skip
def test_report_status_used_when_no_summary_was_read(status: str | None, tab: Tab) -> None:
    facts = replace(ACTIVE, amazon_status=None, report_status=status)
    assert _tab(facts)[0] is tab


def test_summary_status_wins_over_the_report() -> None:
    facts = replace(ACTIVE, amazon_status=("DISCOVERABLE",), report_status="Active")
    assert _tab(facts)[0] is Tab.INACTIVE


def replace_issue(issue: Issue, **changes: object) -> Issue:
    return issue.model_copy(update=changes)
