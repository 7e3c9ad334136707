"""The XML ``ProcessingReport`` of an order feed (reference §4.6).

Shape (MWS-era, "recalled from integrations, not verified against a schema", §4.6): a
``ProcessingReport`` with ``StatusCode``, ``ProcessingSummary{MessagesProcessed,
MessagesSuccessful, MessagesWithError, MessagesWithWarning}`` and per-message ``Result{MessageID,
ResultCode Error|Warning, ResultMessageCode, ResultDescription}``. Read leniently: the element is
found wherever it sits, a missing count is 0, and a report we cannot read at all is a
``MalformedResponseError`` rather than silently "no errors".
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from channelmanager_gui.errors import MalformedResponseError


@dataclass(frozen=True)
class MessageResult:
    message_id: int | None
    code: str  # "Error" | "Warning" (other values kept as sent)
    message_code: str
    description: str
    order_id: str = ""


@dataclass(frozen=True)
class ProcessingReport:
    status: str
    processed: int
    successful: int
    errors: int
    warnings: int
    results: tuple[MessageResult, ...]

    def errors_for(self, message_id: int) -> list[MessageResult]:
        return [r for r in self.results if r.message_id == message_id and r.code == "Error"]


def parse_processing_report(data: bytes) -> ProcessingReport:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise _malformed(f"it is not XML ({exc})") from exc
    report = root if _local(root.tag) == "ProcessingReport" else _find(root, "ProcessingReport")
    if report is None:
        raise _malformed("it has no ProcessingReport")
    summary = _find(report, "ProcessingSummary")
    results = tuple(_result(node) for node in report.iter() if _local(node.tag) == "Result")
    return ProcessingReport(
        status=_child_text(report, "StatusCode"),
        processed=_count(summary, "MessagesProcessed"),
        successful=_count(summary, "MessagesSuccessful"),
        errors=_count(summary, "MessagesWithError"),
        warnings=_count(summary, "MessagesWithWarning"),
        results=results,
    )


def _result(node: ET.Element) -> MessageResult:
    raw_id = _child_text(node, "MessageID")
    info = _find(node, "AdditionalInfo")
    return MessageResult(
        message_id=int(raw_id) if raw_id.isdigit() else None,
        code=_child_text(node, "ResultCode"),
        message_code=_child_text(node, "ResultMessageCode"),
        description=_child_text(node, "ResultDescription"),
        order_id=_child_text(info, "AmazonOrderID") if info is not None else "",
    )


def _find(node: ET.Element, name: str) -> ET.Element | None:
    return next((n for n in node.iter() if _local(n.tag) == name and n is not node), None)


def _child_text(node: ET.Element, name: str) -> str:
    child = next((c for c in node if _local(c.tag) == name), None)
    return (child.text or "").strip() if child is not None else ""


def _count(summary: ET.Element | None, name: str) -> int:
    text = _child_text(summary, name) if summary is not None else ""
    return int(text) if text.isdigit() else 0


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _malformed(why: str) -> MalformedResponseError:
    return MalformedResponseError(
        f"Amazon's feed processing report could not be read: {why}", field="ProcessingReport"
    )
