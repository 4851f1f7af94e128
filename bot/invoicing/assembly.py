"""The monthly export's services, built from the core's pieces; bot.wiring calls `build`."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.events import EventBus
from bot.invoicing.delivery import InvoiceDelivery
from bot.invoicing.export import Invoicer
from bot.outbox.dispatcher import Deliver
from bot.parts import Parts
from bot.scheduler import Background


@dataclass
class Invoicing:
    invoicer: Invoicer
    deliveries: dict[str, Deliver] = field(default_factory=dict)

    def subscribe(self, events: EventBus) -> None:
        pass

    def schedule(self, background: Background) -> None:
        pass


def build(parts: Parts) -> Invoicing:
    invoicer = Invoicer(
        sessions=parts.sessions,
        readers=parts.readers,
        policy=parts.policy,
        clock=parts.clock,
        roles=parts.roles,
        after_commit=parts.kick,
    )
    delivery = InvoiceDelivery(
        client=parts.client, invoicer=invoicer, policy=parts.policy, lang_of=parts.lang_of
    )
    return Invoicing(invoicer=invoicer, deliveries=delivery.handlers())
