"""Feeds and reports as jobs moving ``IN_QUEUE → IN_PROGRESS → DONE`` on the sandbox clock
(reference §4.6, §4.7).

A job waits in the queue for the first half of ``seconds``, runs the second half, then its
``work`` runs once and decides ``DONE`` or ``FATAL``. Switch ``mode`` to ``"stuck"`` to keep new
jobs ``IN_PROGRESS`` forever (feeds stuck for days, pain point 8 in §6) or ``"fatal"`` to end
them ``FATAL``. Only a job still ``IN_QUEUE`` can be canceled (§4.6).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .clock import iso

MODES = ("normal", "stuck", "fatal")
# work(job) → (final status, result document id or None)
Work = Callable[["Job"], tuple[str, str | None]]


@dataclass
class Job:
    job_id: str
    job_type: str
    marketplace_ids: list[str]
    created: float
    mode: str
    work: Work
    input_doc: str | None = None
    final: str | None = None  # DONE | FATAL | CANCELLED once settled
    ended: float | None = None
    result_doc: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class JobStore:
    def __init__(self, clock: Callable[[], float], seconds: float, first_id: int) -> None:
        self._clock = clock
        self.seconds = seconds
        self.mode = "normal"
        self._ids = itertools.count(first_id)
        self._lock = threading.RLock()
        self._jobs: dict[str, Job] = {}

    def add(
        self, job_type: str, markets: list[str], work: Work, input_doc: str | None = None
    ) -> Job:
        with self._lock:
            job = Job(
                str(next(self._ids)), job_type, markets, self._clock(), self.mode, work, input_doc
            )
            self._jobs[job.job_id] = job
        return job

    def status(self, job_id: str) -> Job | None:
        """The job, settled to the current clock (its work runs when it comes due)."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or job.final is not None:
                return job
            now = self._clock()
            if job.mode != "stuck" and now >= job.created + self.seconds:
                job.ended = job.created + self.seconds
                job.final, job.result_doc = (
                    ("FATAL", None) if job.mode == "fatal" else job.work(job)
                )
            return job

    def all(self) -> list[Job]:
        """Every job, settled to the current clock (``getFeeds``)."""
        with self._lock:
            ids = list(self._jobs)
        return [job for job in map(self.status, ids) if job is not None]

    def phase(self, job: Job) -> str:
        if job.final is not None:
            return job.final
        return "IN_QUEUE" if self._clock() < job.created + self.seconds / 2 else "IN_PROGRESS"

    def cancel(self, job_id: str) -> bool | None:
        """True when canceled, False when too late, None when unknown."""
        with self._lock:
            job = self.status(job_id)
            if job is None:
                return None
            if self.phase(job) != "IN_QUEUE":
                return False
            job.final, job.ended = "CANCELLED", self._clock()
            return True

    def render(self, job: Job, kind: str) -> dict[str, Any]:
        """getFeed / getReport body (§4.6 step 4, §4.7)."""
        phase = self.phase(job)
        out: dict[str, Any] = {
            f"{kind}Id": job.job_id,
            f"{kind}Type": job.job_type,
            "marketplaceIds": job.marketplace_ids,
            "createdTime": iso(job.created),
            "processingStatus": phase,
        }
        if phase != "IN_QUEUE":
            out["processingStartTime"] = iso(job.created + self.seconds / 2)
        if job.ended is not None:
            out["processingEndTime"] = iso(job.ended)
        if job.result_doc:
            out["resultFeedDocumentId" if kind == "feed" else "reportDocumentId"] = job.result_doc
        return out
