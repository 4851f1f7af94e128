"""Billable work's services, built from the core's pieces; bot.wiring calls `build`."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.billing.ledger import Ledger
from bot.events import EventBus
from bot.outbox.dispatcher import Deliver
from bot.outbox.smtp import Send
from bot.parts import Parts
from bot.scheduler import Background


@dataclass
class Billing:
    # The ledger of time on tickets (handlers/billing_ticket.py).
    ledger: Ledger
    deliveries: dict[str, Deliver] = field(default_factory=dict)

    def subscribe(self, events: EventBus) -> None:
        self.ledger.subscribe(events)

    def schedule(self, background: Background) -> None:
        pass


def build(
    parts: Parts,
    *,
    mail: Send,
) -> Billing:
    ledger = Ledger(
        sessions=parts.sessions,
        readers=parts.readers,
        policy=parts.policy,
        clock=parts.clock,
        roles=parts.roles,
        after_commit=parts.kick,
    )
    return Billing(ledger=ledger)
