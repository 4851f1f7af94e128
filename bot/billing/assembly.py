"""Billable work's services, built from the core's pieces; bot.wiring calls `build`."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.billing.facts import BillingFacts
from bot.billing.facts_delivery import FactsDelivery
from bot.billing.ledger import Ledger
from bot.billing.training import Training
from bot.events import EventBus
from bot.outbox.dispatcher import Deliver
from bot.outbox.slack_lookup import Lookup
from bot.outbox.smtp import Send
from bot.parts import Parts
from bot.scheduler import Background


@dataclass
class Billing:
    # The ledger of time on tickets (handlers/billing_ticket.py).
    ledger: Ledger
    # The facts the ledger decides on: referrals, orders, scope (handlers/billing_facts.py).
    facts: BillingFacts
    # Rule 3: missing basic knowledge and the training offered (`/klant kennis|training`).
    training: Training
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
    facts = BillingFacts(
        sessions=parts.sessions,
        policy=parts.policy,
        clock=parts.clock,
        roles=parts.roles,
        after_commit=parts.kick,
    )
    training = Training(
        sessions=parts.sessions,
        policy=parts.policy,
        clock=parts.clock,
        roles=parts.roles,
        after_commit=parts.kick,
    )
    facts_delivery = FactsDelivery(
        readers=parts.readers,
        policy=parts.policy,
        client=parts.client,
        send=mail,
        lang_of=parts.lang_of,
        lookup=Lookup(parts.client),
    )
    return Billing(
        ledger=ledger, facts=facts, training=training, deliveries={**facts_delivery.handlers()}
    )
