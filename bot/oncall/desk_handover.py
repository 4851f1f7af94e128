"""The desk's handovers to and from the waakdienst, as a periodic sweep.

When a business day closes (by the one calendar: 17:30, or earlier on a shorter day), the team
leads get one message listing every open ticket the waakdienst is for, and each is paged
(`PageRequested(OFFICE_END)`; the chain engine ignores a ticket whose chain already runs). When
the desk opens again, each line's channel gets what the waakdienst did with its tickets, and
the chain engine ends the night's chains (`desk_opened`): the desk has the tickets again.

Each handover is claimed in the database, keyed by its moment, in the transaction that sends
it: it happens once across restarts and replicas. Only the latest handover is ever due, so
after downtime the one that was missed is sent once, and an older one that a newer overtook
is not sent at all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.events import Actor, EventBus
from bot.oncall.entitlement import CHARGEABLE_EVENT, facts_of, rule_of
from bot.oncall.entitlement_payloads import DeskHandbackPost, DeskHandoverPost
from bot.oncall.events import PageReason, PageRequested
from bot.oncall.rules.entitlement import Handover, Moment, entitled, in_set, latest
from bot.outbox.payloads import Payload, enqueue_many
from bot.policy import Policy
from bot.tickets.rules.lifecycle import OPEN, Action
from storage import chargeable as store
from storage import tickets as ticket_store

# Chain audit events (bot.oncall.pager) are ticket events whose kind starts with this.
PAGE_EVENTS = "page"
# Events that bring a ticket to the waakdienst while the desk is closed.
_ARRIVALS = (Action.REGISTER.value, Action.REOPEN.value, Action.RECLASSIFY.value)
WAAKDIENST = Actor.system("waakdienst")


class DeskOpened(Protocol):
    """The chain engine's part of the desk's opening (bot.oncall.pager.Pager.desk_opened), in
    the handover's transaction."""

    def __call__(self, session: Session, opened: datetime, now: datetime) -> object: ...


def _nothing(session: Session, opened: datetime, now: datetime) -> None:
    return None


class DeskHandovers:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        readers: sessionmaker[Session],
        policy: Policy,
        clock: Clock,
        events: EventBus,
        after_commit: Callable[[], None] = lambda: None,
        desk_opened: DeskOpened = _nothing,
    ) -> None:
        self.sessions = sessions
        self.readers = readers
        self.policy = policy
        self.calendar = policy.calendar
        self.tz = ZoneInfo(policy.office_hours.timezone)
        self.rule = rule_of(policy)
        self.clock = clock
        self.events = events
        self._after_commit = after_commit
        self.desk_opened = desk_opened

    def sweep(self) -> Moment | None:
        """The handover that is due now, if this process made it."""
        now = self.clock.now()
        due = latest(self.calendar, self.tz, now)
        if due is None:
            return None
        with self.readers() as session:
            # Nearly every sweep finds its handover made: it looks without the write lock.
            if store.claimed(session=session, kind=due.kind.value, at=due.at):
                return None
        with self.sessions.begin() as session:
            if due.kind is Handover.OFFICE_END:
                done = self._office_end(session, due.at, now)
            else:
                done = self._office_start(session, due.at, now)
        if done:
            self._after_commit()
        return due if done else None

    def _office_end(self, session: Session, at: datetime, now: datetime) -> bool:
        tickets = [
            t
            for t in store.open_tickets(
                session=session,
                statuses=OPEN,
                types=self.rule.incident_types,
                priorities=self.rule.priorities,
            )
            if entitled(self.rule, t.customer.sla_tier)
        ]
        ids = [t.id for t in tickets]
        if not store.claim_handover(
            session=session, kind=Handover.OFFICE_END.value, at=at, now=now, tickets=ids
        ):
            return False
        if ids:
            post = DeskHandoverPost(at=at, ticket_ids=tuple(ids))
            enqueue_many(session=session, rows=[(post, None)], now=now)
        for ticket_id in ids:
            self.events.publish(
                session,
                PageRequested(
                    ticket_id=ticket_id, reason=PageReason.OFFICE_END, actor=WAAKDIENST, at=now
                ),
            )
        return True

    def _office_start(self, session: Session, at: datetime, now: datetime) -> bool:
        since = self._closed_at(at)
        ids = self._handled(session, since, at)
        if not store.claim_handover(
            session=session, kind=Handover.OFFICE_START.value, at=at, now=now, tickets=ids
        ):
            return False
        per_line: dict[int, list[int]] = defaultdict(list)
        for ticket_id in sorted(ids):
            ticket = ticket_store.get_by_id(session=session, ticket_id=ticket_id)
            if ticket is not None:
                per_line[ticket.line].append(ticket_id)
        rows: list[tuple[Payload, str | None]] = [
            (DeskHandbackPost(line=line, since=since, until=at, ticket_ids=tuple(found)), None)
            for line, found in sorted(per_line.items())
        ]
        enqueue_many(session=session, rows=rows, now=now)
        # After the handback has read the night's page events.
        self.desk_opened(session, at, now)
        return True

    def _closed_at(self, opened: datetime) -> datetime:
        found = latest(
            self.calendar, self.tz, opened - timedelta(microseconds=1), (Handover.OFFICE_END,)
        )
        return found.at if found is not None else opened - timedelta(days=1)

    def _handled(self, session: Session, since: datetime, until: datetime) -> set[int]:
        """The tickets the waakdienst had while the desk was closed: those handed over, those
        paged for or served at a charge, and those that arrived in its set meanwhile."""
        ids = store.handed_over(
            session=session, kind=Handover.OFFICE_END.value, since=since, until=until
        )
        ids |= store.touched(
            session=session, since=since, until=until, kinds=(CHARGEABLE_EVENT,), prefix=PAGE_EVENTS
        )
        arrived = store.touched(
            session=session, since=since, until=until, kinds=_ARRIVALS, prefix=PAGE_EVENTS
        )
        for ticket_id in arrived - ids:
            ticket = ticket_store.get_by_id(session=session, ticket_id=ticket_id)
            if ticket is not None and in_set(self.rule, facts_of(ticket)):
                ids.add(ticket_id)
        return ids
