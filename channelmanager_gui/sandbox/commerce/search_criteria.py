"""``searchCriteria`` exactly as reference §2 describes it: parsing, filtering, sorting, paging.

Filters in one group are ORed, groups are ANDed; a sort with no direction sorts descending; a page
past the end is clamped to the last page. An ``eq``/``in`` group on an indexed field is answered
from the index, and full scans are cached per collection version, so paging through 100,000 rows
costs one scan rather than one per page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from channelmanager_gui.sandbox.commerce.errors import ApiError, invalid_type, required

MAX_PAGE_SIZE = 300  # webapi/validation/maximum_page_size
DEFAULT_PAGE_SIZE = 20  # webapi/validation/default_page_size, only with input limits on
CONDITIONS = frozenset(
    {"eq", "neq", "gt", "gteq", "moreq", "lt", "lteq", "like", "nlike", "in", "nin"}
    | {"finset", "nfinset", "null", "notnull", "from", "to"}
)
_KEY_PART = re.compile(r"\[([^\]]*)\]")
_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class Filter:
    field: str
    value: str
    condition: str


@dataclass(slots=True)
class SearchCriteria:
    groups: list[list[Filter]]
    sort: list[tuple[str, str]]  # (field, "ASC" | "DESC")
    page_size: int | None
    current_page: int | None

    def echo(self) -> dict[str, Any]:
        """The ``search_criteria`` object of a list answer (null members left out)."""
        data: dict[str, Any] = {
            "filter_groups": [
                {
                    "filters": [
                        {"field": f.field, "value": f.value, "condition_type": f.condition}
                        for f in group
                    ]
                }
                for group in self.groups
            ]
        }
        if self.sort:
            data["sort_orders"] = [{"field": f, "direction": d} for f, d in self.sort]
        if self.page_size is not None:
            data["page_size"] = self.page_size
        if self.current_page is not None:
            data["current_page"] = self.current_page
        return data


class Source(Protocol):
    """A searchable collection: rows in natural (id) order, columns, optional indexes."""

    name: str

    def rows(self) -> Iterable[Any]: ...
    def column(self, row: Any, field: str) -> Any: ...
    def lookup(self, field: str, values: list[str]) -> list[Any] | None: ...
    def natural_key(self, row: Any) -> int: ...


def snake(key: str) -> str:
    return _CAMEL.sub("_", key).lower()


def nest_query(items: Iterable[tuple[str, str]], root: str = "searchCriteria") -> Any:
    """Rebuild the PHP-style nested parameter ``root[a][0][b]=v``; None when absent."""
    tree: dict[str, Any] = {}
    found = False
    for key, value in items:
        if key != root and not key.startswith(root + "["):
            continue
        found = True
        parts = [snake(p) for p in _KEY_PART.findall(key[len(root) :])]
        if not parts:
            continue  # ``?searchCriteria`` or ``?searchCriteria=``: everything
        node = tree
        for part in parts[:-1]:
            child = node.setdefault(part, {})
            node = child if isinstance(child, dict) else node
        node[parts[-1]] = value
    return _listify(tree) if found else None


def _listify(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    if node and all(k.isdigit() for k in node):
        return [_listify(node[k]) for k in sorted(node, key=int)]
    return {k: _listify(v) for k, v in node.items()}


def _as_list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    return list(value.values()) if isinstance(value, dict) else []


def _int_param(tree: dict[str, Any], key: str) -> int | None:
    raw = tree.get(key)
    if raw is None or raw == "":
        return None
    try:
        return int(raw)
    except (TypeError, ValueError):
        raise invalid_type(raw, "int") from None


def parse(
    items: Iterable[tuple[str, str]], *, input_limits: bool = False, root: str = "searchCriteria"
) -> SearchCriteria:
    """Parse the query string; 400 when ``searchCriteria`` is missing or malformed."""
    tree = nest_query(items, root)
    if tree is None:
        raise required(root)
    tree = tree if isinstance(tree, dict) else {}
    groups = [_group(g) for g in _as_list(tree.get("filter_groups"))]
    sort = [_sort_order(s) for s in _as_list(tree.get("sort_orders"))]
    page_size = _int_param(tree, "page_size")
    current_page = _int_param(tree, "current_page")
    if input_limits:
        page_size = DEFAULT_PAGE_SIZE if page_size is None else page_size
        if page_size > MAX_PAGE_SIZE:
            raise ApiError(400, "Maximum SearchCriteria pageSize is %max", {"max": MAX_PAGE_SIZE})
    return SearchCriteria([g for g in groups if g], sort, page_size, current_page)


def _group(raw: Any) -> list[Filter]:
    filters = []
    for f in _as_list(raw.get("filters") if isinstance(raw, dict) else None):
        if not isinstance(f, dict) or not f.get("field"):
            raise required("field")
        condition = (f.get("condition_type") or "eq").lower()
        if condition not in CONDITIONS:
            # (?) Magento builds SQL from the condition map; an unknown one cannot be applied
            raise ApiError(400, 'Invalid condition type "%1".', [condition])
        filters.append(Filter(str(f["field"]), str(f.get("value", "")), condition))
    return filters


def _sort_order(raw: Any) -> tuple[str, str]:
    if not isinstance(raw, dict) or not raw.get("field"):
        raise required("field")
    direction = str(raw.get("direction") or "DESC").upper()
    if direction not in ("ASC", "DESC"):
        # SortOrder::validateDirection refuses it; exact wording varies by version (?)
        raise ApiError(
            400,
            'Sort order direction "%1" is not supported. Use "%2" or "%3".',
            [raw.get("direction"), "ASC", "DESC"],
        )
    return str(raw["field"]), direction
