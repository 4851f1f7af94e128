"""Short leases, renewed while a live process delivers: a dead holder's rows are free again
within seconds, and a live holder's rows are never taken from it."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.outbox.dispatcher import LEASE, Dispatcher
from storage import outbox
from storage.models import OutboxItem
from tests.conftest import Balie


def probes(balie: Balie, count: int) -> list[int]:
    with balie.services.sessions.begin() as s:
        items = [
            outbox.enqueue(session=s, kind="probe", payload={"n": n}, now=balie.clock.now())
            for n in range(count)
        ]
        s.flush()
        return [item.id for item in items]


def state(balie: Balie, item_id: int) -> OutboxItem:
    with balie.services.sessions() as s:
        return s.execute(select(OutboxItem).where(OutboxItem.id == item_id)).scalar_one()


class Probe:
    """A delivery that records who delivered which row, and can be held in the middle."""

    def __init__(self, hold: set[int] | None = None) -> None:
        self.hold = hold or set()
        self.release = threading.Event()
        self.started = threading.Event()
        self.delivered: list[tuple[str, int]] = []

    def handler(self, name: str) -> Callable[[sessionmaker[Session], OutboxItem], None]:
        def deliver(_sessions: sessionmaker[Session], item: OutboxItem) -> None:
            if item.id in self.hold:
                self.started.set()
                assert self.release.wait(10)
            self.delivered.append((name, item.id))

        return deliver


def dispatcher(balie: Balie, probe: Probe, name: str, renew_every: float) -> Dispatcher:
    return Dispatcher(
        sessions=balie.services.sessions,
        clock=balie.clock,
        handlers={"probe": probe.handler(name)},
        renew_every=renew_every,
    )


def wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.02)


def test_a_live_holder_renews_its_leases_while_it_delivers(balie: Balie) -> None:
    (first,) = probes(balie, 1)
    probe = Probe(hold={first})
    holder = dispatcher(balie, probe, "holder", renew_every=0.05)
    other = dispatcher(balie, probe, "other", renew_every=0)
    worker = threading.Thread(target=holder.drain)
    worker.start()
    assert probe.started.wait(5)
    leased = state(balie, first).claimed_until
    assert leased == balie.clock.now() + LEASE

    # The delivery takes longer than a lease; the heartbeat keeps the row its holder's.
    for _ in range(3):
        balie.clock.advance(LEASE * 0.8)
        target = balie.clock.now() + LEASE
        wait_until(lambda: state(balie, first).claimed_until == target)  # noqa: B023
        assert other.drain() == 0
    probe.release.set()
    worker.join(5)
    assert probe.delivered == [("holder", first)]
    done = state(balie, first)
    assert done.done_at is not None and done.claimed_until is None and not done.uncertain


def test_a_renewal_extends_only_leases_its_holder_still_has(balie: Balie) -> None:
    first, second = probes(balie, 2)
    probe = Probe(hold={first})
    holder = dispatcher(balie, probe, "holder", renew_every=0.05)
    worker = threading.Thread(target=holder.drain)
    worker.start()
    assert probe.started.wait(5)
    # Another process took the second row over (say the holder's renewals had stalled).
    theirs = balie.clock.now() + timedelta(minutes=5)
    with balie.services.sessions.begin() as s:
        s.execute(update(OutboxItem).where(OutboxItem.id == second).values(claimed_until=theirs))
    balie.clock.advance(timedelta(seconds=1))
    target = balie.clock.now() + LEASE
    wait_until(lambda: state(balie, first).claimed_until == target)
    probe.release.set()
    worker.join(5)
    # The holder renewed its own row, left the other alone, and did not deliver it.
    assert state(balie, second).claimed_until == theirs
    assert probe.delivered == [("holder", first)]
    assert state(balie, second).done_at is None


def test_a_dead_holders_rows_are_free_after_one_short_lease(balie: Balie) -> None:
    ids = probes(balie, 3)
    now = balie.clock.now()
    with balie.services.sessions.begin() as s:
        outbox.lease(session=s, ids=ids, now=now, duration=LEASE)  # then the holder died
    probe = Probe()
    successor = dispatcher(balie, probe, "successor", renew_every=0)
    assert successor.drain() == 0
    balie.clock.advance(LEASE + timedelta(milliseconds=1))
    assert successor.drain() == 3
    assert probe.delivered == [("successor", i) for i in ids]
    # Its holder may have been in the middle of any of them.
    assert all(state(balie, i).uncertain for i in ids)
    assert timedelta(seconds=8) >= LEASE


def test_rows_are_recorded_one_by_one_as_they_are_delivered(balie: Balie) -> None:
    first, second = probes(balie, 2)
    probe = Probe(hold={second})
    holder = dispatcher(balie, probe, "holder", renew_every=0.05)
    worker = threading.Thread(target=holder.drain)
    worker.start()
    assert probe.started.wait(5)
    # While the second row is being delivered, the first is already done: a crash now would
    # repeat the second row only.
    assert state(balie, first).done_at is not None
    assert state(balie, second).done_at is None
    probe.release.set()
    worker.join(5)
    assert state(balie, second).done_at is not None
