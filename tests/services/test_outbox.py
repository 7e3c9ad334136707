"""The outbox worker: order per subject, retries, errors, and resuming after a crash."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event, update
from sqlalchemy.orm import Session

from channelmanager_gui.errors import ApiError, ChannelError, UnavailableError
from channelmanager_gui.models.base import utcnow
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction
from channelmanager_gui.models.store import Store
from channelmanager_gui.services.outbox import (
    ActionContext,
    NotReady,
    OutboxWorker,
    enqueue,
    retry_subject,
)


class SimulatedCrash(BaseException):
    """Escapes every ``except Exception``, like the process being killed."""


class RemoteLog:
    """Stands in for a remote system that records what it received, once per key."""

    def __init__(self) -> None:
        self.received: list[str] = []
        self.fail_next: list[Exception] = []
        self.crash_after_send = False

    def has(self, key: str) -> bool:
        return key in self.received


class Recorder:
    """A handler that checks remote state first when retrying, as real handlers must."""

    def __init__(self, remote: RemoteLog) -> None:
        self.remote = remote
        self.applied: list[int] = []
        self.failures: list[str] = []

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
        key = ctx.payload["key"]
        if ctx.retrying and self.remote.has(key):
            return {"skipped": True}
        if self.remote.fail_next:
            raise self.remote.fail_next.pop(0)
        self.remote.received.append(key)
        if self.remote.crash_after_send:
            raise SimulatedCrash  # the process dies between the send and the bookkeeping
        return {"skipped": False}

    def apply(self, session: Session, ctx: ActionContext, result: dict[str, Any] | None) -> None:
        self.applied.append(ctx.action_id)

    def failed(self, session: Session, ctx: ActionContext, error: ChannelError) -> None:
        self.failures.append(str(error))


@pytest.fixture
def db() -> Database:
    database = open_database()
    with database.session() as session:
        session.add(Store(id=1, name="S", commerce_url="https://c", walmart_url="https://w"))
    return database


def queue(db: Database, key: str, subject_id: int = 1) -> int:
    with db.session() as session:
        action = enqueue(
            session,
            store_id=1,
            kind="test.send",
            subject_type="order",
            subject_id=subject_id,
            payload={"key": key},
        )
        session.flush()
        return action.id


def statuses(db: Database) -> list[str]:
    with db.session() as session:
        return [a.status for a in session.query(OutboxAction).order_by(OutboxAction.id)]


async def test_actions_of_one_subject_run_in_order(db: Database) -> None:
    remote = RemoteLog()
    worker = OutboxWorker(db, {"test.send": Recorder(remote)})
    for key in ("create", "ship", "invoice"):
        queue(db, key)
    queue(db, "other", subject_id=2)
    assert worker.eligible_ids(10) == [1, 4]  # only the first action of each subject
    assert await worker.drain(timeout=5)
    assert remote.received.index("create") < remote.received.index("ship")
    assert remote.received.index("ship") < remote.received.index("invoice")
    assert statuses(db) == ["done"] * 4


async def test_retryable_error_backs_off_then_succeeds(db: Database) -> None:
    remote = RemoteLog()
    remote.fail_next.append(UnavailableError("Walmart is down"))
    handler = Recorder(remote)
    worker = OutboxWorker(db, {"test.send": handler}, base_delay=0.01)
    queue(db, "ack")
    assert await worker.drain(timeout=5)
    assert remote.received == ["ack"]
    with db.session() as session:
        action = session.get_one(OutboxAction, 1)
        assert action.attempts == 2 and action.status == ActionStatus.DONE


async def test_permanent_error_blocks_subject_until_retry(db: Database) -> None:
    remote = RemoteLog()
    remote.fail_next.append(ApiError("Walmart refused the tracking number", status=400))
    handler = Recorder(remote)
    worker = OutboxWorker(db, {"test.send": handler})
    queue(db, "ship")
    queue(db, "after-ship")
    await worker.run_once()
    await worker.run_once()
    assert statuses(db) == ["error", "pending"]
    assert handler.failures == ["Walmart refused the tracking number"]
    assert worker.eligible_ids(10) == []  # the later action waits behind the error
    with db.session() as session:
        assert retry_subject(session, "order", 1) == 1
    assert await worker.drain(timeout=5)
    assert remote.received == ["ship", "after-ship"]


async def test_crash_after_send_never_sends_twice(db: Database) -> None:
    remote = RemoteLog()
    handler = Recorder(remote)
    queue(db, "create-order")
    remote.crash_after_send = True
    with pytest.raises(SimulatedCrash):
        await OutboxWorker(db, {"test.send": handler}).run_once()
    assert statuses(db) == ["running"]  # claimed, sent, never finished
    remote.crash_after_send = False
    restarted = OutboxWorker(db, {"test.send": handler}, lease_seconds=0)
    assert await restarted.drain(timeout=5)
    assert remote.received == ["create-order"]  # checked remote state, did not resend
    with db.session() as session:
        assert session.get_one(OutboxAction, 1).result == {"skipped": True}


async def test_running_action_of_a_live_worker_is_not_taken(db: Database) -> None:
    remote = RemoteLog()
    queue(db, "x")
    with db.session() as session:
        session.get_one(OutboxAction, 1).status = ActionStatus.RUNNING
    worker = OutboxWorker(db, {"test.send": Recorder(remote)}, lease_seconds=60)
    assert worker.eligible_ids(10) == []
    assert await worker.run_once() == 0


async def test_unknown_kind_is_an_error_not_a_crash(db: Database) -> None:
    with db.session() as session:
        enqueue(session, store_id=1, kind="nope", subject_type="order", subject_id=9)
    await OutboxWorker(db, {}).run_once()
    with db.session() as session:
        action = session.get_one(OutboxAction, 1)
        assert action.status == ActionStatus.ERROR and "nope" in (action.last_error or "")


class SlowAnswer(Recorder):
    """The request reaches the remote system, then the answer takes forever (a paced or hung
    call): the worker must not make quitting wait for it."""

    def __init__(self, remote: RemoteLog) -> None:
        super().__init__(remote)
        self.in_flight = asyncio.Event()

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
        result = await super().send(ctx)
        if ctx.payload["key"] == "slow" and not ctx.retrying:
            self.in_flight.set()
            await asyncio.Event().wait()  # never answers
        return result


async def test_stop_cancels_a_send_in_flight_and_a_restart_never_sends_twice(
    db: Database,
) -> None:
    remote = RemoteLog()
    handler = SlowAnswer(remote)
    queue(db, "slow", subject_id=1)
    queue(db, "not-started", subject_id=2)
    worker = OutboxWorker(db, {"test.send": handler}, concurrency=1, stop_grace=0)
    stop = asyncio.Event()
    running = asyncio.create_task(worker.run_forever(stop))
    await handler.in_flight.wait()
    stop.set()
    await asyncio.wait_for(running, timeout=10)  # returns although the send never answered
    assert statuses(db) == ["running", "pending"]  # mid-send keeps its lease; the rest waits

    restarted = OutboxWorker(db, {"test.send": handler}, lease_seconds=0)
    assert await restarted.drain(timeout=5)
    assert remote.received == ["slow", "not-started"]  # checked remote first: sent once
    with db.session() as session:
        assert session.get_one(OutboxAction, 1).result == {"skipped": True}


async def test_stop_lets_a_quick_send_finish_within_the_grace(db: Database) -> None:
    remote = RemoteLog()
    started, gate = asyncio.Event(), asyncio.Event()

    class Gated(Recorder):
        async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
            started.set()
            await gate.wait()
            return await super().send(ctx)

    queue(db, "quick")
    worker = OutboxWorker(db, {"test.send": Gated(remote)}, stop_grace=30)
    stop = asyncio.Event()
    running = asyncio.create_task(worker.run_forever(stop))
    await started.wait()
    stop.set()
    gate.set()  # the answer arrives after the stop, within the grace
    await asyncio.wait_for(running, timeout=10)
    assert statuses(db) == ["done"] and remote.received == ["quick"]


async def test_actions_of_a_store_not_connected_are_left_alone(db: Database) -> None:
    with db.session() as session:
        session.add(Store(id=2, name="T", commerce_url="https://c", walmart_url="https://w"))
        session.flush()
        enqueue(session, store_id=2, kind="test.send", subject_type="order", subject_id=7,
                payload={"key": "other-store"})  # fmt: skip
    queue(db, "connected")
    remote = RemoteLog()
    worker = OutboxWorker(db, {"test.send": Recorder(remote)}, stores=[1])
    assert worker.eligible_ids(10) == [2]
    assert await worker.drain(timeout=5)  # does not wait for the other store's action
    assert remote.received == ["connected"]
    with db.session() as session:
        waiting = session.get_one(OutboxAction, 1)
        assert (waiting.status, waiting.attempts) == (ActionStatus.PENDING, 0)


async def test_not_ready_puts_the_action_back_without_counting_an_attempt(db: Database) -> None:
    class StoreGone(Recorder):
        async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
            raise NotReady("Store #1 is not connected: no token.")

    handler = StoreGone(RemoteLog())
    queue(db, "x")
    await OutboxWorker(db, {"test.send": handler}).run_once()
    with db.session() as session:
        action = session.get_one(OutboxAction, 1)
        assert (action.status, action.attempts) == (ActionStatus.PENDING, 0)
        assert "not connected" in (action.last_error or "")
    assert handler.failures == []


async def test_claims_and_outcomes_of_concurrent_actions_share_transactions(db: Database) -> None:
    remote = RemoteLog()
    for n in range(16):
        queue(db, f"k{n}", subject_id=n)
    commits = [0]

    def on_commit(_: Session) -> None:
        commits[0] += 1

    event.listen(Session, "after_commit", on_commit)
    try:
        await OutboxWorker(db, {"test.send": Recorder(remote)}, concurrency=8).run_once()
    finally:
        event.remove(Session, "after_commit", on_commit)
    assert statuses(db) == ["done"] * 16 and len(remote.received) == 16
    assert commits[0] < 16  # one claim and one finish per action would be 32


async def test_a_failing_apply_does_not_lose_the_other_outcomes_of_its_transaction(
    db: Database,
) -> None:
    class BrokenApply(Recorder):
        def apply(self, session: Session, ctx: ActionContext, result: Any) -> None:
            if ctx.payload["key"] == "bad":
                raise RuntimeError("bug in apply")
            super().apply(session, ctx, result)

    remote = RemoteLog()
    queue(db, "good", subject_id=1)
    queue(db, "bad", subject_id=2)
    with pytest.raises(RuntimeError):
        await OutboxWorker(db, {"test.send": BrokenApply(remote)}).run_once()
    assert statuses(db) == ["done", "running"]  # the bad one is retried once its lease ran out


async def test_stop_gives_back_actions_claimed_ahead_but_not_started(db: Database) -> None:
    remote = RemoteLog()
    blocked = asyncio.Event()

    class OnlyFirstAnswers(Recorder):
        async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
            result = await super().send(ctx)
            if ctx.payload["key"] != "a":
                if ctx.payload["key"] == "c":
                    blocked.set()
                await asyncio.Event().wait()  # never answers
            return result

    for n, key in enumerate("abcde"):
        queue(db, key, subject_id=n)
    worker = OutboxWorker(db, {"test.send": OnlyFirstAnswers(remote)}, concurrency=2,
                          stop_grace=0)  # fmt: skip
    stop = asyncio.Event()
    running = asyncio.create_task(worker.run_forever(stop))
    await blocked.wait()  # a done; b and c in flight; d claimed ahead
    stop.set()
    await asyncio.wait_for(running, timeout=10)
    with db.session() as session:
        rows = session.query(OutboxAction).order_by(OutboxAction.id)
        assert [(a.status, a.attempts) for a in rows] == [
            ("done", 1), ("running", 1), ("running", 1), ("pending", 0), ("pending", 0),
        ]  # fmt: skip
    assert remote.received == ["a", "b", "c"]


def test_eligible_takes_expired_leases_then_due_actions_in_the_order_they_fell_due(
    db: Database,
) -> None:
    now = utcnow()
    ids = [queue(db, f"k{n}", subject_id=n) for n in range(1, 6)]
    with db.session() as session:
        session.execute(update(OutboxAction).where(OutboxAction.id == ids[4])
                        .values(status=ActionStatus.RUNNING,
                                updated_at=now - timedelta(minutes=5)))  # fmt: skip
        session.execute(update(OutboxAction).where(OutboxAction.id == ids[0])
                        .values(not_before=now - timedelta(seconds=1)))  # fmt: skip
        session.execute(update(OutboxAction).where(OutboxAction.id == ids[1])
                        .values(not_before=now + timedelta(minutes=5)))  # fmt: skip
    worker = OutboxWorker(db, {}, lease_seconds=60)
    # the lease that ran out, then the due ones: ids[0] fell due before ids[2] and ids[3]
    assert worker.eligible_ids(3) == sorted([ids[4], ids[0], ids[2]])
    assert worker.eligible_ids(10) == sorted([ids[0], ids[2], ids[3], ids[4]])


async def test_a_wake_sends_what_was_queued_without_waiting_for_the_idle_poll(
    db: Database,
) -> None:
    """The window queues a ship in another process; its announcement wakes the idle worker."""
    remote = RemoteLog()
    worker = OutboxWorker(db, {"test.send": Recorder(remote)})
    stop = asyncio.Event()
    running = asyncio.create_task(worker.run_forever(stop, idle_poll=3600))
    await asyncio.sleep(0.2)  # idle: nothing was queued
    queue(db, "shipped-in-the-window")
    worker.wake()
    try:
        async with asyncio.timeout(30):  # an hour's idle poll would not have looked yet
            while statuses(db) != ["done"]:
                await asyncio.sleep(0.05)
    finally:
        stop.set()
        await asyncio.wait_for(running, timeout=10)
    assert remote.received == ["shipped-in-the-window"]


# -- lanes (services/outbox_lanes.py): each lane is claimed on its own, and an independent
# action holds back only later actions of its own service.


class Ack(Recorder):
    lane = "walmart.acknowledge"
    independent = True


class Paced(Recorder):
    """A lane whose sends wait on a rate bucket that never refills during the test."""

    lane = "walmart.acknowledge"
    independent = True

    async def send(self, ctx):  # type: ignore[no-untyped-def]
        await asyncio.sleep(3600)


class Create(Recorder):
    lane = "commerce"


class WalmartShip(Recorder):
    lane = "walmart.shipping"


def queue_kind(db: Database, kind: str, subject_id: int) -> int:
    with db.session() as session:
        action = enqueue(session, store_id=1, kind=kind, subject_type="order",
                         subject_id=subject_id, payload={"key": f"{kind}{subject_id}"})  # fmt: skip
        session.flush()
        return action.id


def test_an_independent_action_holds_back_only_its_own_service(db: Database) -> None:
    remote = RemoteLog()
    handlers = {"walmart.ack": Ack(remote), "commerce.create": Create(remote),
                "walmart.ship": WalmartShip(remote)}  # fmt: skip
    worker = OutboxWorker(db, handlers)
    ack = queue_kind(db, "walmart.ack", 1)
    create = queue_kind(db, "commerce.create", 1)
    queue_kind(db, "walmart.ship", 1)  # Walmart wants the acknowledgement before the shipment
    assert worker.eligible_ids(10) == [ack, create]
    assert worker.eligible_ids(10, "commerce") == [create]
    assert worker.eligible_ids(10, "walmart.shipping") == []
    assert worker.pending_count() == 3


async def test_a_lane_stuck_on_its_bucket_leaves_the_others_free(db: Database) -> None:
    remote = RemoteLog()
    worker = OutboxWorker(db, {"walmart.ack": Paced(remote), "commerce.create": Create(remote)})
    for order in range(1, 41):  # more than the worker's slots
        queue_kind(db, "walmart.ack", order)
        queue_kind(db, "commerce.create", order)
    stop = asyncio.Event()
    running = asyncio.create_task(worker.run_forever(stop, idle_poll=0.01))
    for _ in range(200):
        if len(remote.received) == 40:
            break
        await asyncio.sleep(0.02)
    queue_kind(db, "commerce.create", 99)  # queued while the acknowledgements still wait
    worker.wake()
    for _ in range(200):
        if "commerce.create99" in remote.received:
            break
        await asyncio.sleep(0.02)
    worker.stop_grace = 0.01
    stop.set()
    await running
    assert sorted(remote.received) == sorted([f"commerce.create{n}" for n in (*range(1, 41), 99)])


async def test_background_commerce_work_leaves_connections_for_a_merchants_click(
    db: Database,
) -> None:
    """Issue 19: 32 order creations in flight filled the 10 connections of Commerce's pool, so a
    ship clicked during a flash sale waited for one. The "commerce" lane runs at most 8."""
    remote = RemoteLog()
    running, most = 0, 0
    gate = asyncio.Event()

    class Creation(Recorder):
        lane = "commerce"

        async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
            nonlocal running, most
            running += 1
            most = max(most, running)
            await gate.wait()
            running -= 1
            return await super().send(ctx)

    for n in range(20):
        queue(db, f"order-{n}", subject_id=n)
    worker = OutboxWorker(db, {"test.send": Creation(remote)}, concurrency=32)
    task = asyncio.create_task(worker.run_once())
    while most < 8:
        await asyncio.sleep(0)
    for _ in range(50):  # the other slots would start within a few loop turns
        await asyncio.sleep(0)
    assert most == 8
    gate.set()
    await task
    assert len(remote.received) == 20
