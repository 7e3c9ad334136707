"""The reason, condition and resolution option ids a return line must carry.

They are EAV options of the ``rma_item`` entity whose ids differ between installations, so they
are read from ``GET /V1/returnsAttributeMetadata`` (``RmaAttributesManagementInterface::
getAllAttributesMetadata``: a list of attribute metadata, each with ``attribute_code`` and
``options[{label, value}]``) rather than written into our code. Adobe's own API test sends them
as option ids (``RmaWriteTest``: condition 7, reason 9, resolution 4 on a fresh install).

Which option a Walmart return gets: the reason whose label matches Walmart's return reason (else
"Other"), the condition "Unopened" (the merchant sees the real one when the parcel arrives),
and the resolution "Refund" (a Walmart return is refunded); each falls back to the attribute's
first option when the shop renamed or removed these labels.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from channelmanager_gui.errors import ChannelError, MalformedResponseError

CODES = ("reason", "condition", "resolution")
_PREFERRED = {"reason": "other", "condition": "unopened", "resolution": "refund"}


@dataclass(frozen=True)
class RmaOptions:
    """``code → [(option id, label), …]`` for reason, condition and resolution."""

    options: dict[str, list[tuple[str, str]]]

    def pick(self, walmart_reason: str | None = None) -> dict[str, str]:
        """The three option ids for a return line (see the module docstring)."""
        return {code: self._pick(code, walmart_reason) for code in CODES}

    def _pick(self, code: str, walmart_reason: str | None) -> str:
        choices = self.options[code]
        said = _words(walmart_reason or "") if code == "reason" else ""
        for wanted in (said, _PREFERRED[code]):
            found = next((value for value, label in choices if _words(label) == wanted), None)
            if wanted and found is not None:
                return found
        return choices[0][0]


def parse_options(body: object) -> RmaOptions:
    """The answer of ``/V1/returnsAttributeMetadata``; an attribute without options cannot be
    sent, so the merchant is told where to add them."""
    if not isinstance(body, list):
        raise MalformedResponseError(
            "Commerce sent the return attributes in an unexpected shape.",
            field="returnsAttributeMetadata",
            detail=repr(body)[:500],
        )
    found: dict[str, list[tuple[str, str]]] = {}
    for attribute in body:
        if isinstance(attribute, Mapping) and attribute.get("attribute_code") in CODES:
            found[str(attribute["attribute_code"])] = _choices(attribute.get("options"))
    for code in CODES:
        if not found.get(code):
            raise ChannelError(
                f"Commerce lists no return {code} options, and a return line needs one: add "
                f"one under Stores > Attributes > Returns ({code}), then retry.",
                detail=repr(body)[:500],
            )
    return RmaOptions(found)


def _choices(raw: object) -> list[tuple[str, str]]:
    """``(value, label)`` of each option; the empty placeholder option is skipped."""
    if not isinstance(raw, list):
        return []
    out = []
    for option in raw:
        if isinstance(option, Mapping) and str(option.get("value") or "").strip():
            out.append((str(option["value"]).strip(), str(option.get("label") or "")))
    return out


def _words(text: str) -> str:
    """Lower case, single spaces, no underscores: WRONG_SIZE reads as Wrong Size."""
    return " ".join(text.replace("_", " ").casefold().split())
