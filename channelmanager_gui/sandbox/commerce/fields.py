"""Partial responses: ``?fields=items[entity_id,increment_id,status],total_count`` (§0).

Like ``Webapi\\Rest\\Response\\FieldsFilter``: the spec is a tree of names; an object keeps only
the named keys, a list applies the same spec to each element, and unknown names are ignored. A
client paging through 100,000 orders can ask for three columns instead of whole orders.
"""

from __future__ import annotations

from typing import Any

Spec = dict[str, "Spec | None"]


def parse_fields(text: str) -> Spec | None:
    """The tree of a ``fields`` value; None when it names nothing."""
    stack: list[Spec] = [{}]
    name = ""
    for ch in text:
        if ch == "[":
            child: Spec = {}
            stack[-1][name.strip()] = child
            stack.append(child)
            name = ""
        elif ch in ",]":
            if name.strip():
                stack[-1].setdefault(name.strip(), None)
            name = ""
            if ch == "]" and len(stack) > 1:
                stack.pop()
        else:
            name += ch
    if name.strip():
        stack[-1].setdefault(name.strip(), None)
    return stack[0] or None


def apply_fields(data: Any, spec: Spec | None) -> Any:
    if spec is None:
        return data
    if isinstance(data, list):
        return [apply_fields(item, spec) for item in data]
    if not isinstance(data, dict):
        return data
    return {key: apply_fields(data[key], sub) for key, sub in spec.items() if key in data}
