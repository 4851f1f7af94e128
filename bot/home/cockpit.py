"""What one user's Home shows, read from the database as it is now: their open tickets with
their SLA countdowns, their lines' tickets at risk, the waakdienst, and for team leads the
desk's totals. Plain data: bot.home.blocks renders it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.home import rules
from bot.home.rules import Countdown
from bot.oncall.rota import Rota
from bot.oncall.rules.rota import Turn, Which
from bot.policy import Policy
from bot.roles import LEADS, STAFF, RoleResolver
from bot.sla.clocks import Sla
from bot.sla.rules import ClockState
from bot.tickets.rules.lifecycle import OPEN
from bot.tickets.views import TicketView
from storage import home as store
from storage import sla as sla_store
from storage.home import Totals
from storage.models import Ticket

# How many of a user's tickets are read to pick the most urgent from: nobody holds more.
_MINE_READ = 500
_RISKS_READ = 500
# Clocks whose countdown moves as time passes (a breached one counts how late it is).
_COUNTING = frozenset({ClockState.RUNNING, ClockState.BREACHED})


@dataclass(frozen=True, slots=True)
class Item:
    ticket: TicketView
    clocks: tuple[Countdown, ...]


@dataclass(frozen=True, slots=True)
class OnCallNow:
    """Who has the waakdienst now and who is next, per rotation."""

    now: dict[Which, Turn | None]
    next: dict[Which, Turn | None]


@dataclass(frozen=True, slots=True)
class Cockpit:
    user: str
    at: datetime
    staff: bool
    lead: bool
    mine: tuple[Item, ...] = ()
    mine_total: int = 0
    lines: frozenset[int] = frozenset()
    risks: tuple[Item, ...] = ()
    risks_total: int = 0
    oncall: OnCallNow | None = None
    totals: Totals | None = None
    stale_at: datetime | None = None


class Cockpits:
    def __init__(
        self,
        *,
        readers: sessionmaker[Session],
        policy: Policy,
        clock: Clock,
        roles: RoleResolver,
        rota: Rota,
    ) -> None:
        self.readers = readers
        self.policy = policy
        self.clock = clock
        self.roles = roles
        self.rota = rota
        self.sla = Sla(policy)

    def of(self, user: str) -> Cockpit:
        now = self.clock.now()
        # Role and line membership come from Slack's user groups (cached): read them before
        # the read transaction, never while holding it.
        roles = self.roles.roles_of(user)
        if not roles & STAFF:
            return Cockpit(user=user, at=now, staff=False, lead=False)
        # The desk's totals: for the team leads and the admins who run the desk with them.
        lead = bool(roles & LEADS)
        own_lines = self.roles.lines_of(user)
        with self.readers() as session:
            mine_rows = store.assigned_open(
                session=session, user_id=user, statuses=OPEN, limit=_MINE_READ
            )
            lines = rules.lines_shown(
                lead=lead,
                own_lines=own_lines,
                assigned_lines={t.line for t in mine_rows},
                every=self.policy.routing.lines.keys(),
            )
            risk_rows = store.at_risk(
                session=session,
                lines=None if lead else lines,
                statuses=OPEN,
                limit=_RISKS_READ,
            )
            mine = self._items(session, mine_rows, now)
            risks = self._items(session, risk_rows, now)
            totals = store.totals(session=session, statuses=OPEN) if lead else None
        rank = {p: i for i, p in enumerate(self.policy.priority_order)}
        mine.sort(
            key=lambda i: rules.urgency(rank.get(i.ticket.priority, 99), i.clocks, i.ticket.number)
        )
        risks.sort(key=lambda i: rules.risk_order(i.clocks, i.ticket.number))
        overview = self.rota.overview(weeks=1, at=now)
        oncall = OnCallNow(now=overview.now, next=overview.next)
        changes = [t.end for t in overview.now.values() if t is not None]
        changes += [t.start for t in overview.next.values() if t is not None]
        counting = any(self._counting(i, now) for i in (*mine[: rules.MINE_SHOWN], *risks))
        return Cockpit(
            user=user,
            at=now,
            staff=True,
            lead=lead,
            mine=tuple(mine[: rules.MINE_SHOWN]),
            mine_total=len(mine),
            lines=lines,
            risks=tuple(risks[: rules.RISKS_SHOWN]),
            risks_total=len(risks),
            oncall=oncall,
            totals=totals,
            stale_at=rules.stale_at(now=now, rota_changes=changes, counting=counting),
        )

    def _items(self, session: Session, tickets: Sequence[Ticket], now: datetime) -> list[Item]:
        histories = sla_store.status_history(session=session, ticket_ids=[t.id for t in tickets])
        return [
            Item(
                ticket=TicketView.of(t),
                clocks=tuple(
                    Countdown.of(s) for s in self.sla.evaluate(t, histories[t.id], now).values()
                ),
            )
            for t in tickets
        ]

    def _counting(self, item: Item, now: datetime) -> bool:
        """Whether a countdown of this item moves while time passes: a running clock, on a
        24x7 target or while the desk is open."""
        running = any(c.live and c.state in _COUNTING for c in item.clocks)
        if not running:
            return False
        target = self.policy.target(item.ticket.sla_tier, item.ticket.priority)
        return target.clock == "24x7" or self.policy.calendar.is_open(now)
