"""Build Commerce ``searchCriteria`` query parameters.

Commerce list endpoints take one query grammar (reference §2): filters inside one group are
ORed, groups are ANDed, so ``(A AND B) OR (C AND D)`` cannot be said and this builder does not
pretend it can. ``pageSize`` and ``currentPage`` are always sent: without ``pageSize`` the server
returns *everything* (or 20 with input limits on), and without any ``searchCriteria`` it answers
400. The builder is immutable so one base query can be paged without copies leaking state.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Literal

Direction = Literal["ASC", "DESC"]
FilterValue = str | int | float | bool | datetime | Iterable[str | int]

# Reference §2: every condition_type the server accepts.
CONDITIONS = frozenset(
    [
        "eq",
        "neq",
        "gt",
        "gteq",
        "lt",
        "lteq",
        "moreq",
        "like",
        "nlike",
        "in",
        "nin",
        "finset",
        "nfinset",
        "null",
        "notnull",
        "from",
        "to",
    ]
)
DEFAULT_PAGE_SIZE = 100
# Reference §10: with input limits on, a larger pageSize is refused with 400.
MAX_PAGE_SIZE = 300


def commerce_timestamp(moment: datetime) -> str:
    """Render a datetime the way Commerce stores it: UTC, ``YYYY-MM-DD HH:MM:SS``, no zone."""
    if moment.tzinfo is None:
        raise ValueError(
            "Commerce timestamps need an aware datetime (UTC is assumed by the server)"
        )
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def _render_value(value: FilterValue) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return commerce_timestamp(value)
    if isinstance(value, str | int | float):
        return str(value)
    # `in`/`nin` take a comma list (reference §2) that Magento cuts at every comma, so a value
    # holding one would silently become two (see ``SearchCriteria.where_in``).
    texts = [str(v) for v in value]
    if any("," in text for text in texts):
        raise ValueError("an `in` value cannot hold a comma; use SearchCriteria.where_in")
    return ",".join(texts)


@dataclass(frozen=True)
class Filter:
    """One ``field condition value`` test."""

    field: str
    value: FilterValue
    condition_type: str = "eq"

    def __post_init__(self) -> None:
        if self.condition_type not in CONDITIONS:
            raise ValueError(f"unknown Commerce condition_type {self.condition_type!r}")


@dataclass(frozen=True)
class SearchCriteria:
    """An immutable search: AND of groups (each an OR of filters), sort orders, one page."""

    groups: tuple[tuple[Filter, ...], ...] = ()
    sort_orders: tuple[tuple[str, Direction], ...] = ()
    page_size: int = DEFAULT_PAGE_SIZE
    current_page: int = 1

    def where(self, field_name: str, value: FilterValue, condition: str = "eq") -> SearchCriteria:
        """AND one more filter onto the search."""
        return self.any_of(Filter(field_name, value, condition))

    def where_in(self, field_name: str, values: Iterable[str]) -> SearchCriteria:
        """AND "``field_name`` is one of ``values``", for any values.

        Magento cuts an ``in`` value at every comma (``explode(',', $value)`` in
        ``Magento\\Framework\\DB\\Adapter\\Pdo\\Mysql::prepareSqlCondition``), so a value
        holding a comma (a SKU such as ``A/B, c``) gets an ``eq`` filter of its own in the
        same group, whose filters are ORed.
        """
        values = list(values)
        plain = [v for v in values if "," not in v]
        filters = [Filter(field_name, plain, "in")] if plain else []
        filters += [Filter(field_name, v, "eq") for v in values if "," in v]
        return self.any_of(*filters)

    def any_of(self, *filters: Filter) -> SearchCriteria:
        """AND one group whose filters are ORed together."""
        if not filters:
            raise ValueError("a filter group needs at least one filter")
        return replace(self, groups=(*self.groups, tuple(filters)))

    def sort_by(self, field_name: str, direction: Direction = "ASC") -> SearchCriteria:
        """Add a sort order; name the direction since the server's default is DESC."""
        if direction not in ("ASC", "DESC"):
            raise ValueError(f"sort direction must be ASC or DESC, not {direction!r}")
        return replace(self, sort_orders=(*self.sort_orders, (field_name, direction)))

    def page(self, current_page: int, page_size: int | None = None) -> SearchCriteria:
        """Select one page (1-based)."""
        size = self.page_size if page_size is None else page_size
        if current_page < 1 or not 1 <= size <= MAX_PAGE_SIZE:
            raise ValueError(f"page {current_page} of size {size} is out of range")
        return replace(self, current_page=current_page, page_size=size)

    def to_params(self) -> list[tuple[str, str]]:
        """Query parameters in the snake_case form of reference §2 (httpx does the encoding)."""
        params: list[tuple[str, str]] = []
        for g, group in enumerate(self.groups):
            for f, flt in enumerate(group):
                prefix = f"searchCriteria[filter_groups][{g}][filters][{f}]"
                params.append((f"{prefix}[field]", flt.field))
                params.append((f"{prefix}[value]", _render_value(flt.value)))
                params.append((f"{prefix}[condition_type]", flt.condition_type))
        for s, (name, direction) in enumerate(self.sort_orders):
            params.append((f"searchCriteria[sortOrders][{s}][field]", name))
            params.append((f"searchCriteria[sortOrders][{s}][direction]", direction))
        params.append(("searchCriteria[pageSize]", str(self.page_size)))
        params.append(("searchCriteria[currentPage]", str(self.current_page)))
        return params
