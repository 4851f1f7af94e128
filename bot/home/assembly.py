"""The App Home's services, built from the core's pieces; bot.wiring calls `build`."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.events import EventBus
from bot.home.cockpit import Cockpits
from bot.home.delivery import HomeDelivery
from bot.home.service import HomeService
from bot.oncall.rota import Rota
from bot.outbox.dispatcher import Deliver
from bot.parts import Parts
from bot.scheduler import Background

# How often Homes gone out of date by time alone (a waakdienst handover, aged countdowns) are
# looked for.
STALE_SWEEP_SECONDS = 30


@dataclass
class Home:
    service: HomeService
    cockpits: Cockpits
    deliveries: dict[str, Deliver] = field(default_factory=dict)

    def subscribe(self, events: EventBus) -> None:
        self.service.subscribe(events)

    def schedule(self, background: Background) -> None:
        background.add_periodic("home_stale", self.service.sweep, seconds=STALE_SWEEP_SECONDS)


def build(
    parts: Parts,
    *,
    rota: Rota,
) -> Home:
    cockpits = Cockpits(
        readers=parts.readers,
        policy=parts.policy,
        clock=parts.clock,
        roles=parts.roles,
        rota=rota,
    )
    service = HomeService(sessions=parts.sessions, clock=parts.clock, after_commit=parts.kick)
    delivery = HomeDelivery(
        client=parts.client, cockpits=cockpits, policy=parts.policy, lang_of=parts.lang_of
    )
    return Home(service=service, cockpits=cockpits, deliveries=delivery.handlers())
