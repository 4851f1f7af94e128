"""SLA clocks of stored tickets: targets from the policy, pauses from the audit trail.

The pure rules live in bot.sla.rules; this module feeds them a ticket's history and stores the
outcome (deadlines, states, and when the monitor must look again) on the ticket.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime, timedelta
from fractions import Fraction

from sqlalchemy.orm import Session

from bot.events import EventBus
from bot.policy import Policy, SlaTarget
from bot.sla.history import StatusChange, ticket_clocks
from bot.sla.rules import ClockInput, ClockKind, ClockStatus, evaluate, moment_of, next_check
from bot.tickets.events import TicketChanged
from bot.tickets.rules.lifecycle import Action
from storage import sla as store
from storage.models import Ticket, TicketEvent
from storage.sla import StatusRow

Statuses = dict[ClockKind, ClockStatus]
_SECOND = timedelta(seconds=1)


class Sla:
    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.thresholds = tuple(sorted(policy.sla_warn_at))

    def subscribe(self, bus: EventBus) -> None:
        bus.subscribe(TicketChanged, self.on_ticket_changed)

    def on_ticket_changed(self, session: Session, e: TicketChanged) -> None:
        """Every change can move a clock: recompute the ticket's, in the change's transaction."""
        ticket = session.get(Ticket, e.ticket_id)
        if ticket is None:
            return
        _note_lifecycle(ticket, e)
        if e.action is Action.REGISTER:
            # A ticket just registered has one status and nothing announced: its clocks come
            # from the ticket itself, without reading the trail back (this runs in the ack).
            history = [(ticket.created_at, ticket.status, None)]
            self.store(ticket, self.clocks(ticket, history), {}, e.at)
            return
        before = (ticket.response_due_at, ticket.resolution_due_at)
        self.refresh(session=session, ticket=ticket, now=e.at)
        after = (ticket.response_due_at, ticket.resolution_due_at)
        if e.action is Action.RECLASSIFY and after != before:
            # The thread shows the old and the new deadlines.
            audit = session.get(TicketEvent, e.audit_id)
            if audit is not None:
                audit.changes = {
                    **audit.changes,
                    "response_due_at": [_iso(before[0]), _iso(after[0])],
                    "resolution_due_at": [_iso(before[1]), _iso(after[1])],
                }

    def target(self, ticket: Ticket, priority: str | None = None) -> SlaTarget:
        return self.policy.target(ticket.customer.sla_tier, priority or ticket.priority)

    def clocks(
        self, ticket: Ticket, history: Sequence[StatusRow]
    ) -> Mapping[ClockKind, ClockInput]:
        return ticket_clocks(
            self.target(ticket),
            started_at=ticket.created_at,
            history=[StatusChange(at, status, third) for at, status, third in history],
            responded_at=ticket.responded_at,
            business=self.policy.calendar,
        )

    def evaluate(self, ticket: Ticket, history: Sequence[StatusRow], now: datetime) -> Statuses:
        return {kind: evaluate(clock, now) for kind, clock in self.clocks(ticket, history).items()}

    def store(
        self,
        ticket: Ticket,
        clocks: Mapping[ClockKind, ClockInput],
        announced: Mapping[str, Collection[int]],
        now: datetime,
    ) -> Statuses:
        """Write deadlines, states and the next check time onto the ticket."""
        statuses = {kind: evaluate(clock, now) for kind, clock in clocks.items()}
        ticket.response_due_at = statuses[ClockKind.RESPONSE].deadline
        ticket.response_state = statuses[ClockKind.RESPONSE].state.value
        ticket.resolution_due_at = statuses[ClockKind.RESOLUTION].deadline
        ticket.resolution_state = statuses[ClockKind.RESOLUTION].state.value
        _note_stops(ticket, statuses)
        checks = [
            found[1]
            for kind, clock in clocks.items()
            if (found := next_check(clock, self.thresholds, announced.get(kind.value, ()), now))
        ]
        ticket.sla_next_check_at = min(checks) if checks else None
        return statuses

    def refresh(self, *, session: Session, ticket: Ticket, now: datetime) -> Statuses:
        """Recompute one ticket after a change (its new events are already flushed)."""
        history = store.status_history(session=session, ticket_ids=[ticket.id])[ticket.id]
        clocks = self.clocks(ticket, history)
        announced = store.announced(session=session, ticket_ids=[ticket.id])[ticket.id]
        # After a priority change, thresholds that now lie in the future again are warned
        # about again when their new moment comes.
        for kind, clock in clocks.items():
            again = {
                p
                for p in announced.get(kind.value, set())
                if (moment := moment_of(clock, Fraction(p, 100))) is None or moment > now
            }
            if again:
                store.forget(
                    session=session, ticket_id=ticket.id, clock=kind.value, thresholds=again
                )
                announced[kind.value] -= again
        return self.store(ticket, clocks, announced, now)


def _note_lifecycle(ticket: Ticket, e: TicketChanged) -> None:
    """The moments the summaries count by that the clocks do not tell: closes and reopens."""
    if e.action is Action.CLOSE:
        ticket.closed_at = e.at
    elif e.action is Action.REOPEN:
        ticket.closed_at = None
        ticket.reopened_at = e.at
        ticket.reopen_count = (ticket.reopen_count or 0) + 1


def _note_stops(ticket: Ticket, statuses: Statuses) -> None:
    """What the summaries read instead of the history: when the ticket was done, what each
    clock counted when it was met, and when it breached. Written with the states, so they
    always agree with them (a reopen clears the resolve; a looser priority, a breach)."""
    response, resolution = statuses[ClockKind.RESPONSE], statuses[ClockKind.RESOLUTION]
    ticket.resolved_at = resolution.met_at
    ticket.done_at = resolution.met_at or resolution.cancelled_at
    ticket.response_seconds = _seconds(response)
    ticket.resolution_seconds = _seconds(resolution)
    ticket.response_breached_at = response.deadline if response.breached else None
    ticket.resolution_breached_at = resolution.deadline if resolution.breached else None


def _seconds(status: ClockStatus) -> int | None:
    return status.elapsed // _SECOND if status.met_at is not None else None


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None
