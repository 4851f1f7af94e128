"""The SLA monitor: one sweep announces every threshold whose moment has come.

Cost follows the number of tickets that are due (an indexed next-check time), not the number of
open tickets. Each (ticket, clock, threshold) is claimed in the database before it is
announced, so it is announced exactly once across restarts and replicas.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.blocks import sla_alert
from bot.blocks.sla_alert import BREACH, Alert
from bot.clock import Clock
from bot.domain.sla import ClockKind, next_check
from bot.policy import Policy
from bot.services import effects
from bot.services.sla import Sla
from bot.services.views import TicketView
from storage import sla as store
from storage.models import Ticket

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SweepResult:
    due: int
    alerts: tuple[Alert, ...]


class SlaMonitor:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        policy: Policy,
        clock: Clock,
        sla: Sla,
        after_commit: Callable[[], None] = lambda: None,
        batch: int = 500,
        grace: timedelta = timedelta(minutes=5),
    ) -> None:
        self.sessions = sessions
        self.policy = policy
        self.clock = clock
        self.sla = sla
        self._after_commit = after_commit
        self.batch = batch
        # A threshold that passed longer ago than this was missed (Balie was down): it is
        # reported in the consolidated catch-up message.
        self.grace = grace
        self.lang = policy.language

    def sweep(self) -> SweepResult:
        now = self.clock.now()
        with self.sessions.begin() as session:
            tickets = store.due(session=session, now=now, limit=self.batch)
            if not tickets:
                return SweepResult(0, ())
            ids = [t.id for t in tickets]
            histories = store.status_history(session=session, ticket_ids=ids)
            announced = store.announced(session=session, ticket_ids=ids)
            alerts: list[tuple[Ticket, Alert]] = []
            for ticket in tickets:
                clocks = self.sla.clocks(ticket, histories[ticket.id])
                done = announced[ticket.id]
                crossed: list[tuple[ClockKind, int, bool]] = []
                for kind, clock in clocks.items():
                    nxt = next_check(clock, self.sla.thresholds, done[kind.value], now)
                    if nxt is None or nxt[1] > now:
                        continue
                    percent, moment = nxt
                    # Thresholds passed together are announced once, as the highest of them.
                    covered = [
                        p
                        for p in (*self.sla.thresholds, BREACH)
                        if p <= percent and p not in done[kind.value]
                    ]
                    if store.claim(
                        session=session,
                        ticket_id=ticket.id,
                        clock=kind.value,
                        thresholds=covered,
                        now=now,
                    ):
                        crossed.append((kind, percent, now - moment > self.grace))
                    done[kind.value].update(covered)
                statuses = self.sla.store(ticket, clocks, done, now)
                view = TicketView.of(ticket)
                alerts.extend(
                    (ticket, Alert(view, kind.value, percent, statuses[kind].deadline, late))
                    for kind, percent, late in crossed
                )
            self._enqueue(session, alerts, now)
            result = SweepResult(len(tickets), tuple(a for _, a in alerts))
        if result.alerts:
            self._after_commit()
        return result

    def _enqueue(self, session: Session, alerts: list[tuple[Ticket, Alert]], now: datetime) -> None:
        lines = self.policy.routing.lines
        team_leads = self.policy.channels.team_leads
        catch_up: dict[str, list[Alert]] = defaultdict(list)
        for ticket, alert in alerts:
            key = effects.ticket_key(ticket.id)
            effects.post(
                session=session,
                channel="",
                text=sla_alert.thread_text(alert, self.lang),
                blocks=None,
                now=now,
                ordering_key=key,
                thread_of=ticket.id,
            )
            effects.card_changed(session=session, ticket=ticket, now=now)
            channel = lines[ticket.line].channel  # type: ignore[index]
            if alert.late:
                catch_up[channel].append(alert)
                if alert.percent >= BREACH:
                    catch_up[team_leads].append(alert)
                continue
            text = sla_alert.channel_text(alert, self.policy, self.lang)
            effects.post(session=session, channel=channel, text=text, blocks=None, now=now)
            if alert.percent >= BREACH:
                effects.post(
                    session=session,
                    channel=team_leads,
                    text=sla_alert.channel_text(
                        alert, self.policy, self.lang, mention_people=False
                    ),
                    blocks=None,
                    now=now,
                )
        for channel, items in catch_up.items():
            effects.post(
                session=session,
                channel=channel,
                text=sla_alert.catch_up(items, self.policy, self.lang),
                blocks=None,
                now=now,
            )
