"""Reports API 2021-06-30: request a report, wait for it, download its document (§4.7).

``createReport`` (0.0167/s) answers 202 ``reportId``; ``getReport`` is polled until
``processingStatus`` is DONE, CANCELLED or FATAL; ``getReportDocument`` gives a five-minute URL,
maybe GZIP. A repeated ``createReport`` only makes a second report, so it is safe to repeat;
still, its quota is one a minute, so a lost answer costs a minute.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Field

from channelmanager_gui.errors import ApiError
from channelmanager_gui.services.amazon.documents import DocumentsApi
from channelmanager_gui.services.amazon.feeds import TERMINAL
from channelmanager_gui.services.amazon.models import AmazonModel
from channelmanager_gui.services.amazon.wire import iso_utc
from channelmanager_gui.services.walmart.core import segment
from channelmanager_gui.services.walmart.fields import Blank

REPORTS = "/reports/2021-06-30"
MERCHANT_LISTINGS = "GET_MERCHANT_LISTINGS_ALL_DATA"
RETURNS = "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE"


class ReportStatus(AmazonModel):
    report_id: str = Field(validation_alias="reportId")
    report_type: Blank = Field("", validation_alias="reportType")
    status: Blank = Field("", validation_alias="processingStatus")
    document_id: str | None = Field(None, validation_alias="reportDocumentId")

    @property
    def finished(self) -> bool:
        return self.status in TERMINAL


class ReportsApi(DocumentsApi):
    async def create_report(
        self,
        report_type: str,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        options: dict[str, str] | None = None,
    ) -> str:
        body: dict[str, Any] = {"reportType": report_type, "marketplaceIds": self.marketplace_ids}
        if start is not None:
            body["dataStartTime"] = iso_utc(start, "start")
        if end is not None:
            body["dataEndTime"] = iso_utc(end, "end")
        if options:
            body["reportOptions"] = options
        reply = await self._call("POST", f"{REPORTS}/reports", what=f"the {report_type} report",
                                 op="reports.create", json=body, repeatable=True)  # fmt: skip
        return reply.text("reportId")

    async def get_report(self, report_id: str) -> ReportStatus:
        reply = await self._call(
            "GET", f"{REPORTS}/reports/{segment(report_id, 'report_id')}",
            what=f"report {report_id}", op="reports.get",
        )  # fmt: skip
        return reply.model(ReportStatus, reply.data)

    async def wait_for_report(
        self, report_id: str, *, interval: float = 30.0, timeout: float = 1800.0
    ) -> ReportStatus:
        """Poll until finished or ``timeout`` seconds pass; the last status either way."""
        return await self._poll(lambda: self.get_report(report_id), interval, timeout)

    async def report_document(self, status: ReportStatus) -> bytes:
        """The finished report's bytes; an ``ApiError`` in words when it did not finish."""
        if status.status != "DONE" or not status.document_id:
            raise ApiError(
                f"Amazon's {status.report_type or 'report'} did not finish "
                f"(status {status.status or 'unknown'}); try again later",
                code=status.status,
            )
        document = await self._call(
            "GET", f"{REPORTS}/documents/{segment(status.document_id, 'document_id')}",
            what=f"the document of report {status.report_id}", op="reports.getDocument",
        )  # fmt: skip
        return await self._download(document)

    async def fetch_report(
        self, report_type: str, *, interval: float = 30.0, timeout: float = 1800.0, **kw: Any
    ) -> bytes:
        """Create, wait for and download one report."""
        report_id = await self.create_report(report_type, **kw)
        status = await self.wait_for_report(report_id, interval=interval, timeout=timeout)
        return await self.report_document(status)
