"""SearchCriteria builds the exact query grammar of reference §2."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import httpx
import pytest

from channelmanager_gui.services.commerce.search import Filter, SearchCriteria, commerce_timestamp


def test_groups_are_anded_and_filters_in_a_group_are_ored() -> None:
    crit = (
        SearchCriteria()
        .where("updated_at", datetime(2024, 5, 1, tzinfo=UTC), "gt")
        .any_of(Filter("name", "%mug%", "like"), Filter("sku", "%mug%", "like"))
        .sort_by("updated_at", "ASC")
        .page(3, 50)
    )
    assert crit.to_params() == [
        ("searchCriteria[filter_groups][0][filters][0][field]", "updated_at"),
        ("searchCriteria[filter_groups][0][filters][0][value]", "2024-05-01 00:00:00"),
        ("searchCriteria[filter_groups][0][filters][0][condition_type]", "gt"),
        ("searchCriteria[filter_groups][1][filters][0][field]", "name"),
        ("searchCriteria[filter_groups][1][filters][0][value]", "%mug%"),
        ("searchCriteria[filter_groups][1][filters][0][condition_type]", "like"),
        ("searchCriteria[filter_groups][1][filters][1][field]", "sku"),
        ("searchCriteria[filter_groups][1][filters][1][value]", "%mug%"),
        ("searchCriteria[filter_groups][1][filters][1][condition_type]", "like"),
        ("searchCriteria[sortOrders][0][field]", "updated_at"),
        ("searchCriteria[sortOrders][0][direction]", "ASC"),
        ("searchCriteria[pageSize]", "50"),
        ("searchCriteria[currentPage]", "3"),
    ]


def test_page_size_and_current_page_are_always_sent() -> None:
    params = dict(SearchCriteria().to_params())
    assert params == {"searchCriteria[pageSize]": "100", "searchCriteria[currentPage]": "1"}


def test_in_takes_a_comma_list_and_like_percent_is_url_encoded() -> None:
    crit = SearchCriteria().where("sku", ["A-1", "B 2"], "in").where("name", "%x%", "like")
    url = httpx.URL("https://shop.test/rest/V1/products", params=crit.to_params())
    assert dict(crit.to_params())["searchCriteria[filter_groups][0][filters][0][value]"] == (
        "A-1,B 2"
    )
    assert "%25x%25" in str(url)


def test_timestamps_are_rendered_in_utc_without_zone() -> None:
    eastern = timezone(timedelta(hours=-4))
    assert commerce_timestamp(datetime(2024, 5, 1, 20, 30, tzinfo=eastern)) == (
        "2024-05-02 00:30:00"
    )
    with pytest.raises(ValueError):
        commerce_timestamp(datetime(2024, 5, 1))


def test_bad_inputs_are_refused_before_they_reach_the_server() -> None:
    with pytest.raises(ValueError):
        Filter("sku", "x", "equals")
    with pytest.raises(ValueError):
        SearchCriteria().sort_by("sku", "asc")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        SearchCriteria().page(1, 301)
    with pytest.raises(ValueError):
        SearchCriteria().page(0)
    with pytest.raises(ValueError):
        SearchCriteria().any_of()


def test_builder_is_immutable() -> None:
    base = SearchCriteria().where("status", "pending")
    paged = base.page(2)
    assert base.current_page == 1 and paged.current_page == 2
    assert base.groups == paged.groups


def test_where_in_gives_a_value_with_a_comma_its_own_eq_filter() -> None:
    """Magento cuts an ``in`` value at every comma (``Pdo\\Mysql::prepareSqlCondition``)."""
    params = dict(SearchCriteria().where_in("sku", ["A", "B/1, c ü", "C"]).to_params())
    group = "searchCriteria[filter_groups][0][filters]"
    assert params[f"{group}[0][value]"] == "A,C"
    assert params[f"{group}[0][condition_type]"] == "in"
    assert params[f"{group}[1][value]"] == "B/1, c ü"
    assert params[f"{group}[1][condition_type]"] == "eq"
    assert "searchCriteria[filter_groups][1][filters][0][field]" not in params  # one OR group
    only_odd = dict(SearchCriteria().where_in("sku", ["x,y"]).to_params())
    assert only_odd[f"{group}[0][condition_type]"] == "eq"
    with pytest.raises(ValueError):
        SearchCriteria().where("sku", ["x,y"], "in").to_params()
