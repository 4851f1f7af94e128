"""What /sla shows: both clocks of one ticket, or a line's tickets at risk."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from fractions import Fraction

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.errors import NotFound
from bot.policy import Policy
from bot.roles import STAFF, RoleResolver
from bot.sla.clocks import Sla
from bot.sla.rules import ClockKind, ClockState, ClockStatus
from bot.tickets.rules import lifecycle
from bot.tickets.views import TicketView
from storage import sla as sla_store
from storage import tickets as store


@dataclass(frozen=True)
class Risk:
    ticket: TicketView
    status: ClockStatus


class SlaReports:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        policy: Policy,
        sla: Sla,
        roles: RoleResolver,
        clock: Clock,
        readers: sessionmaker[Session] | None = None,
    ) -> None:
        self.sessions = sessions
        self.readers = readers or sessions
        self.policy = policy
        self.sla = sla
        self.roles = roles
        self.clock = clock
        # "At risk" starts at the first warning threshold.
        self.risk_from = Fraction(min(self.sla.thresholds, default=100), 100)

    def of(self, actor: str, number: str) -> tuple[TicketView, dict[ClockKind, ClockStatus], str]:
        self.roles.require(actor, STAFF)
        with self.readers() as session:
            ticket = store.get(session=session, number=number)
            if ticket is None:
                raise NotFound("error.ticket_not_found", value=number)
            history = sla_store.status_history(session=session, ticket_ids=[ticket.id])[ticket.id]
            statuses = self.sla.evaluate(ticket, history, self.clock.now())
            return TicketView.of(ticket), statuses, self.sla.target(ticket).clock

    def lines_for(self, actor: str) -> frozenset[int]:
        return self.roles.lines_of(actor)

    def at_risk(self, actor: str, lines: Collection[int] | None) -> Sequence[Risk]:
        """Open tickets with a clock past the first threshold or breached, most urgent first."""
        self.roles.require(actor, STAFF)
        now = self.clock.now()
        with self.readers() as session:
            tickets = sla_store.open_tickets(session=session, lines=lines, statuses=lifecycle.OPEN)
            histories = sla_store.status_history(
                session=session, ticket_ids=[t.id for t in tickets]
            )
            risks = []
            for ticket in tickets:
                statuses = self.sla.evaluate(ticket, histories[ticket.id], now)
                worst = max(
                    (s for s in statuses.values() if not s.stopped),
                    key=lambda s: s.fraction,
                    default=None,
                )
                if worst is not None and (
                    worst.state is ClockState.BREACHED or worst.fraction >= self.risk_from
                ):
                    risks.append(Risk(TicketView.of(ticket), worst))
        # Breached first, then by how little time is left.
        return sorted(
            risks, key=lambda r: (r.status.state is not ClockState.BREACHED, r.status.remaining)
        )
