"""Commerce sandbox: searchCriteria semantics of reference §2 over real HTTP."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from tests.sandbox import commerce_fixtures
from tests.sandbox.commerce_fixtures import Store, criteria

sandbox = commerce_fixtures.sandbox  # module-scoped fixtures shared with the other files
store = commerce_fixtures.store


def _skus(body: dict[str, Any]) -> list[str]:
    return [p["sku"] for p in body["items"]]


def test_missing_search_criteria_is_400(store: Store) -> None:
    for path in ("/products", "/orders", "/shipments", "/creditmemos", "/inventory/source-items"):
        r = store.api.get(path)
        assert r.status_code == 400, path
        assert r.json() == {
            "message": '"%fieldName" is required. Enter and try again.',
            "parameters": {"fieldName": "searchCriteria"},
        }


def test_bare_search_criteria_returns_everything(store: Store) -> None:
    body = store.api.get("/products?searchCriteria").json()
    assert body["total_count"] == 120 and len(body["items"]) == 120
    assert body["search_criteria"] == {"filter_groups": []}


def test_or_within_a_group(store: Store) -> None:
    group = [("sku", "CM-00003", "eq"), ("sku", "CM-00005", "eq")]
    body = store.api.get("/products", params=criteria([group])).json()
    assert sorted(_skus(body)) == ["CM-00003", "CM-00005"]
    assert body["total_count"] == 2


def test_and_across_groups(store: Store) -> None:
    groups = [[("sku", "CM-0000%", "like")], [("sku", "CM-00003,CM-00004,CM-00042", "in")]]
    body = store.api.get("/products", params=criteria(groups)).json()
    assert sorted(_skus(body)) == ["CM-00003", "CM-00004"]


def test_echo_of_search_criteria(store: Store) -> None:
    params = criteria([[("sku", "CM-00001", "eq")]], [("updated_at", "ASC")], 10, 1)
    body = store.api.get("/products", params=params).json()
    assert body["search_criteria"] == {
        "filter_groups": [
            {"filters": [{"field": "sku", "value": "CM-00001", "condition_type": "eq"}]}
        ],
        "sort_orders": [{"field": "updated_at", "direction": "ASC"}],
        "page_size": 10,
        "current_page": 1,
    }
    assert body["total_count"] == 1


def test_condition_type_defaults_to_eq_and_camel_case_keys(store: Store) -> None:
    params = {
        "searchCriteria[filterGroups][0][filters][0][field]": "sku",
        "searchCriteria[filterGroups][0][filters][0][value]": "CM-00007",
    }
    body = store.api.get("/products", params=params).json()
    assert _skus(body) == ["CM-00007"]
    assert body["search_criteria"]["filter_groups"][0]["filters"][0]["condition_type"] == "eq"
    camel = criteria([[("sku", "CM-00008", "eq")]], camel=True)
    assert _skus(store.api.get("/products", params=camel).json()) == ["CM-00008"]


def test_sort_defaults_to_descending(store: Store) -> None:
    desc = store.api.get("/products", params=criteria(sort=[("price", None)])).json()["items"]
    prices = [p["price"] for p in desc]
    assert prices == sorted(prices, reverse=True)
    asc = store.api.get("/products", params=criteria(sort=[("price", "asc")])).json()
    assert [p["price"] for p in asc["items"]] == sorted(prices)
    assert asc["search_criteria"]["sort_orders"] == [{"field": "price", "direction": "ASC"}]


def test_bad_sort_direction_is_400(store: Store) -> None:
    r = store.api.get("/products", params=criteria(sort=[("price", "UP")]))
    assert r.status_code == 400
    assert "message" in r.json()


def test_paging_and_last_page_clamp(store: Store) -> None:
    sort = [("entity_id", "ASC")]
    page2 = store.api.get(
        "/products", params=criteria(sort=sort, page_size=50, current_page=2)
    ).json()
    assert _skus(page2)[0] == "CM-00051" and len(page2["items"]) == 50
    last = store.api.get(
        "/products", params=criteria(sort=sort, page_size=50, current_page=3)
    ).json()
    past = store.api.get(
        "/products", params=criteria(sort=sort, page_size=50, current_page=99)
    ).json()
    assert len(last["items"]) == 20
    assert _skus(past) == _skus(last)
    assert past["total_count"] == 120
    assert past["search_criteria"]["current_page"] == 99


def test_page_size_must_be_an_integer(store: Store) -> None:
    r = store.api.get("/products", params={"searchCriteria[pageSize]": "ten"})
    assert r.status_code == 400
    assert r.json()["parameters"] == {"value": "ten", "type": "int"}


def test_input_limits_cap_page_size(store: Store) -> None:
    assert store.admin.put("/config", json={"input_limits": True}).status_code == 200
    try:
        r = store.api.get("/products", params=criteria(page_size=301))
        assert r.status_code == 400
        assert r.json() == {
            "message": "Maximum SearchCriteria pageSize is %max",
            "parameters": {"max": 300},
        }
        body = store.api.get("/products", params=criteria(sort=[("entity_id", "ASC")])).json()
        assert len(body["items"]) == 20 and body["total_count"] == 120
    finally:
        store.admin.put("/config", json={"input_limits": False})


def test_condition_types(store: Store) -> None:
    def count(*filters: tuple[str, Any, str]) -> int:
        return store.api.get("/products", params=criteria([list(filters)])).json()["total_count"]

    assert count(("sku", "CM-00001", "neq")) == 119
    assert count(("sku", "CM-00001,CM-00002", "nin")) == 118
    assert count(("sku", "cm-0001%", "like")) == 10  # case-insensitive, % wildcard
    assert count(("sku", "CM-0001%", "nlike")) == 110
    assert count(("entity_id", 100, "gt")) == 20
    assert count(("entity_id", 100, "gteq")) == 21
    assert count(("entity_id", 10, "lt")) == 9
    assert count(("entity_id", 10, "lteq")) == 10
    assert count(("entity_id", 110, "from")) == 11
    assert count(("entity_id", 5, "to")) == 5
    with_upc = count(("upc", "", "notnull"))
    assert 0 < with_upc < 120
    assert with_upc + count(("upc", "", "null")) == 120
    assert count(("status", 2, "eq")) > 0


def test_custom_attribute_filter(store: Store) -> None:
    from channelmanager_gui.sandbox.seed import demo_catalog

    demo = next(d for d in demo_catalog(1, 120) if d.id_attribute == "ean")
    body = store.api.get("/products", params=criteria([[("ean", demo.id_value, "eq")]])).json()
    assert _skus(body) == [demo.sku]


def test_updated_at_change_detection(store: Store) -> None:
    sku = store.product()
    since = "2030-01-01 00:00:00"
    params = criteria([[("updated_at", "2024-06-01 00:00:00", "gt")]], [("updated_at", "ASC")])
    before = _skus(store.api.get("/products", params=params).json())
    assert sku not in before  # a stock edit leaves updated_at alone
    store.admin.put(f"/products/{sku}", json={"price": 12.34})
    after = store.api.get("/products", params=params).json()
    assert sku in _skus(after)
    assert after["items"][-1]["updated_at"] >= "2024-06-01 00:00:00"
    future = criteria([[("updated_at", since, "gt")]])
    assert store.api.get("/products", params=future).json()["total_count"] == 0
    iso = criteria([[("updated_at", "2024-06-01T00:00:00Z", "gteq")]])
    assert sku in _skus(store.api.get("/products", params=iso).json())


def test_partial_response_fields(store: Store) -> None:
    params = criteria([[("sku", "CM-00001,CM-00002", "in")]], [("entity_id", "ASC")])
    params["fields"] = "items[sku,extension_attributes[website_ids]],total_count"
    body = store.api.get("/products", params=params).json()
    assert body == {
        "items": [
            {"sku": "CM-00001", "extension_attributes": {"website_ids": [1]}},
            {"sku": "CM-00002", "extension_attributes": {"website_ids": [1]}},
        ],
        "total_count": 2,
    }
    one = store.api.get("/products/CM-00003", params={"fields": "sku,price"}).json()
    assert set(one) == {"sku", "price"}


def test_sku_with_comma_plus_slash_and_non_ascii_letters(store: Store) -> None:
    """Magento cuts an ``in`` value at every comma (``Pdo\\Mysql::prepareSqlCondition``) and
    decodes path variables with PHP's urldecode, "+" becoming a space (``Rest\\Router\\Route``)."""
    sku = "A/B, c+ü"
    made = store.api.put(f"/products/{quote(sku, safe='')}", json={"product": {"name": "Odd"}})
    assert made.status_code == 200 and made.json()["sku"] == sku
    assert store.api.get(f"/products/{quote(sku, safe='')}").json()["sku"] == sku
    raw_plus = quote(sku, safe="+")  # "+" left as is: Magento reads a space there
    assert store.api.get(f"/products/{raw_plus}").status_code == 404
    split = criteria([[("sku", f"{sku},CM-00003", "in")]])
    assert _skus(store.api.get("/products", params=split).json()) == ["CM-00003"]
    one_each = criteria([[("sku", sku, "eq"), ("sku", "CM-00003", "in")]])
    assert sorted(_skus(store.api.get("/products", params=one_each).json())) == [
        "A/B, c+ü",
        "CM-00003",
    ]
    spaced = criteria([[("sku", "CM-00003, CM-00004", "in")]])  # nothing trimmed
    assert _skus(store.api.get("/products", params=spaced).json()) == ["CM-00003"]
