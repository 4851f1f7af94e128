"""The SLA monitor: one sweep announces every threshold whose moment has come.

Cost follows the number of tickets that are due (an indexed next-check time), not the number of
open tickets. Each (ticket, clock, threshold) is claimed in the database before it is
announced, so it is announced exactly once across restarts and replicas.

Whether a threshold passed while Balie was not running is read from the database too: every
sweep that leaves nothing due behind records its time there (the latest of any replica counts).
A threshold that passed after the last such sweep, and longer ago than `grace`, passed while no
monitor was running; one that passed before it was not yet due then (the ticket changed since),
and is news now.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.events import EventBus
from bot.policy import Policy
from bot.sla.clocks import Sla
from bot.sla.events import MissedThresholds, SlaThresholdReached
from bot.sla.rules import BREACH, ClockInput, ClockKind, next_check
from storage import sla as store
from storage.models import Ticket
from storage.sla import StatusRow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SweepResult:
    due: int
    alerts: tuple[SlaThresholdReached, ...]


class SlaMonitor:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        policy: Policy,
        clock: Clock,
        sla: Sla,
        events: EventBus,
        after_commit: Callable[[], None] = lambda: None,
        batch: int = 500,
        grace: timedelta = timedelta(minutes=2),
    ) -> None:
        self.sessions = sessions
        self.policy = policy
        self.clock = clock
        self.sla = sla
        self.events = events
        self._after_commit = after_commit
        self.batch = batch
        # A sweep comes round every 30 s. A threshold left waiting longer than this, with no
        # sweep caught up since it passed, passed while no monitor was running: it goes into
        # the consolidated catch-up message.
        self.grace = grace
        self.lang = policy.language

    def sweep(self) -> SweepResult:
        now = self.clock.now()
        with self.sessions.begin() as session, session.no_autoflush:
            # Read before taking the due tickets: a replica that catches up meanwhile does so
            # because we hold the rest, and must not make what we hold look live.
            caught_up = store.last_sweep(session=session)
            tickets = store.due(session=session, now=now, limit=self.batch)
            alerts = self._announce(session, tickets, caught_up, now) if tickets else ()
            if len(tickets) < self.batch:
                store.record_sweep(session=session, at=now)
            result = SweepResult(len(tickets), alerts)
        if result.alerts:
            self._after_commit()
        return result

    def _announce(
        self,
        session: Session,
        tickets: Sequence[Ticket],
        caught_up: datetime | None,
        now: datetime,
    ) -> tuple[SlaThresholdReached, ...]:
        ids = [t.id for t in tickets]
        histories = store.status_history(session=session, ticket_ids=ids)
        announced = store.announced(session=session, ticket_ids=ids)
        # First find every threshold that has come, then claim them all in one statement:
        # a claim another process already made is simply not ours to announce.
        plans = [
            self._plan(ticket, histories[ticket.id], announced[ticket.id], caught_up, now)
            for ticket in tickets
        ]
        won = store.claim_many(
            session=session,
            rows=[
                (p.ticket.id, c.kind.value, pct)
                for p in plans
                for c in p.crossings
                for pct in c.covered
            ],
            now=now,
        )
        reached: list[SlaThresholdReached] = []
        for plan in plans:
            done = announced[plan.ticket.id]
            for c in plan.crossings:
                done[c.kind.value].update(c.covered)
            self.sla.store(plan.ticket, plan.clocks, done, now)
            reached.extend(
                SlaThresholdReached(
                    ticket_id=plan.ticket.id,
                    line=plan.ticket.line,
                    clock=c.kind.value,
                    percent=c.percent,
                    covered=c.covered,
                    late=c.late,
                    at=now,
                )
                for c in plan.crossings
                if (plan.ticket.id, c.kind.value, c.percent) in won
            )
        # Subscribers turn these into the thread, channel and card rows, in this transaction.
        for event in reached:
            self.events.publish(session, event)
        missed = tuple(e for e in reached if e.late)
        if missed:
            self.events.publish(session, MissedThresholds(reached=missed, at=now))
        return tuple(reached)

    def _missed(self, moment: datetime, caught_up: datetime | None, now: datetime) -> bool:
        """Whether a threshold passed while Balie was not running: no sweep caught up since it
        passed (none ever, on a new database), and that was longer ago than `grace`."""
        return (caught_up is None or moment > caught_up) and now - moment > self.grace

    def _plan(
        self,
        ticket: Ticket,
        history: Sequence[StatusRow],
        done: Mapping[str, Collection[int]],
        caught_up: datetime | None,
        now: datetime,
    ) -> _Plan:
        clocks = self.sla.clocks(ticket, history)
        crossings = []
        for kind, clock in clocks.items():
            nxt = next_check(clock, self.sla.thresholds, done.get(kind.value, ()), now)
            if nxt is None or nxt[1] > now:
                continue
            percent, moment = nxt
            # Thresholds passed together are announced once, as the highest of them.
            covered = tuple(
                p
                for p in (*self.sla.thresholds, BREACH)
                if p <= percent and p not in done.get(kind.value, ())
            )
            late = self._missed(moment, caught_up, now)
            crossings.append(_Crossing(kind, percent, covered, late))
        return _Plan(ticket, clocks, tuple(crossings))


@dataclass(frozen=True)
class _Crossing:
    kind: ClockKind
    percent: int
    covered: tuple[int, ...]
    late: bool


@dataclass(frozen=True)
class _Plan:
    ticket: Ticket
    clocks: Mapping[ClockKind, ClockInput]
    crossings: tuple[_Crossing, ...]
