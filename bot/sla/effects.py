"""What follows a threshold: the subscribers that turn the monitor's events into outbox rows,
in the sweep's transaction. The messages themselves are rendered at delivery."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy.orm import Session

from bot.events import EventBus
from bot.outbox.payloads import CardSync, Payload, SlaAlert, SlaCatchUp, enqueue_many, ticket_key
from bot.policy import Policy
from bot.sla.events import MissedThresholds, SlaThresholdReached
from bot.sla.rules import BREACH


class SlaEffects:
    def __init__(self, policy: Policy) -> None:
        self.policy = policy

    def subscribe(self, bus: EventBus) -> None:
        bus.subscribe(SlaThresholdReached, self.reached)
        bus.subscribe(MissedThresholds, self.missed)

    def reached(self, session: Session, e: SlaThresholdReached) -> None:
        key = ticket_key(e.ticket_id)

        def alert(where: str) -> SlaAlert:
            return SlaAlert.model_validate(
                {"ticket_id": e.ticket_id, "clock": e.clock, "percent": e.percent, "where": where}
            )

        rows: list[tuple[Payload, str | None]] = [(alert("thread"), key)]
        if not e.late:
            # A threshold that passed while Balie was down goes into the catch-up instead.
            rows.append((alert("line"), None))
            if e.percent >= BREACH:
                rows.append((alert("leads"), None))
        # The card shows the clocks' states.
        rows.append((CardSync(ticket_id=e.ticket_id), key))
        enqueue_many(session=session, rows=rows, now=e.at)

    def missed(self, session: Session, e: MissedThresholds) -> None:
        leads = self.policy.channels.team_leads
        per_channel: dict[str, list[tuple[int, str, int]]] = defaultdict(list)
        for r in e.reached:
            per_channel[self.policy.line(r.line).channel].append((r.ticket_id, r.clock, r.percent))
            if r.percent >= BREACH:
                per_channel[leads].append((r.ticket_id, r.clock, r.percent))
        rows: list[tuple[Payload, str | None]] = [
            # Like the live breaches, the team leads' copy pings nobody.
            (SlaCatchUp(channel=channel, reached=tuple(items), mention=channel != leads), None)
            for channel, items in per_channel.items()
        ]
        enqueue_many(session=session, rows=rows, now=e.at)
