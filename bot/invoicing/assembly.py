"""The monthly export' services, built from the core's pieces; bot.wiring calls `build`."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.events import EventBus
from bot.outbox.dispatcher import Deliver
from bot.parts import Parts
from bot.scheduler import Background


@dataclass
class Invoicing:
    deliveries: dict[str, Deliver] = field(default_factory=dict)

    def subscribe(self, events: EventBus) -> None:
        pass

    def schedule(self, background: Background) -> None:
        pass


def build(parts: Parts) -> Invoicing:
    return Invoicing()
