"""Shared by the entitlement tests: tickets of each kind, and a recorder of page requests."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.oncall.events import PageRequested
from bot.wiring import Services
from storage.models import ChargeableItem, Ticket
from tests.conftest import Balie

GOLD = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident'
SILVER = 'klant=BAKKER contact="Bert Bakker" via=telefoon type=incident'
P1 = "impact=hoog urgentie=hoog"
P2 = "impact=hoog urgentie=midden"
P3 = "impact=hoog urgentie=laag"


@dataclass
class Pages:
    """Every PageRequested published on the services' EventBus (the chain engine's seam)."""

    seen: list[PageRequested] = field(default_factory=list)

    def __call__(self, session: Session, e: PageRequested) -> None:
        self.seen.append(e)

    def reasons(self) -> list[str]:
        return [e.reason.value for e in self.seen]


def record_pages(balie: Balie) -> Pages:
    return record_pages_on(balie.services)


def record_pages_on(services: Services) -> Pages:
    pages = Pages()
    services.events.subscribe(PageRequested, pages)
    return pages


def ticket_id(balie: Balie, number: str) -> int:
    with balie.services.sessions() as s:
        return s.execute(select(Ticket.id).where(Ticket.number == number)).scalar_one()


def items(balie: Balie, number: str) -> list[ChargeableItem]:
    tid = ticket_id(balie, number)
    with balie.services.sessions() as s:
        found = s.execute(
            select(ChargeableItem)
            .where(ChargeableItem.ticket_id == tid)
            .order_by(ChargeableItem.id)
        )
        return list(found.scalars())
