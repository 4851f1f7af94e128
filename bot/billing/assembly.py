"""Billable work' services, built from the core's pieces; bot.wiring calls `build`."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.billing.facts import BillingFacts
from bot.billing.facts_delivery import FactsDelivery
from bot.events import EventBus
from bot.outbox.dispatcher import Deliver
from bot.outbox.smtp import Send
from bot.parts import Parts
from bot.scheduler import Background


@dataclass
class Billing:
    # The facts the ledger decides on: referrals, training notices, orders, scope.
    facts: BillingFacts
    deliveries: dict[str, Deliver] = field(default_factory=dict)

    def subscribe(self, events: EventBus) -> None:
        pass

    def schedule(self, background: Background) -> None:
        pass


def build(
    parts: Parts,
    *,
    mail: Send,
) -> Billing:
    facts = BillingFacts(
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
    )
    return Billing(facts=facts, deliveries={**facts_delivery.handlers()})
