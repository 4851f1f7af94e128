"""Shared by the billing facts' tests: tickets of each kind, and the facts as the ledger reads
them (storage.billing_facts is the seam between the facts and the ledger)."""

from __future__ import annotations

from datetime import date, datetime
from email.message import EmailMessage
from typing import Any

from sqlalchemy import select

from bot.clock import AMSTERDAM
from storage import billing_facts
from storage.models import Customer, Ticket
from tests.conftest import Balie

ACME_QUESTION = (
    'klant=ACME contact="Jan Jansen" via=telefoon type=gebruikersvraag impact=laag urgentie=laag'
)
ACME_INCIDENT = (
    'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=laag urgentie=laag'
)
BAKKER_QUESTION = (
    'klant=BAKKER contact="Bert Bakker" via=telefoon type=gebruikersvraag impact=laag urgentie=laag'
)


def said(balie: Balie, text: str, user: str | None = None, command: str = "/ticket") -> str:
    """The ack's text of a command, as the agent reads it."""
    kw: dict[str, Any] = {"command": command}
    if user is not None:
        kw["user"] = user
    response = balie.command(text, **kw)
    assert response.status == 200, response.body
    return str(response.json()["text"])


def ticket(balie: Balie, number: str) -> Ticket:
    with balie.services.sessions() as s:
        found = s.execute(select(Ticket).where(Ticket.number == number)).unique().scalar_one()
        s.expunge_all()
        return found


def customer_id(balie: Balie, code: str) -> int:
    with balie.services.sessions() as s:
        return s.execute(select(Customer.id).where(Customer.code == code)).scalar_one()


def referral_for(balie: Balie, number: str, at: datetime | None = None) -> int | None:
    """The referral the ledger finds for work at `at` (now unless said)."""
    when = at or balie.clock.now()
    with balie.services.sessions() as s:
        return billing_facts.referral_for(session=s, ticket_id=ticket(balie, number).id, at=when)


def order_for(balie: Balie, number: str, on: date | None = None) -> int | None:
    """The written order the ledger finds for work on day `on` (today unless said)."""
    day = on or balie.clock.now().astimezone(AMSTERDAM).date()
    with balie.services.sessions() as s:
        return billing_facts.order_for(session=s, ticket_id=ticket(balie, number).id, on=day)


def scope_of(balie: Balie, number: str) -> str | None:
    with balie.services.sessions() as s:
        return billing_facts.scope_of(session=s, ticket_id=ticket(balie, number).id)


def charged_since(balie: Balie, code: str, now: datetime) -> datetime | None:
    with balie.services.sessions() as s:
        return billing_facts.questions_charged_since(
            session=s, customer_id=customer_id(balie, code), now=now
        )


def mails_to(balie: Balie, address: str) -> list[EmailMessage]:
    return [m for m in balie.smtp.messages if m["To"] == address]


def body(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert part is not None
    return str(part.get_content()).replace("\r\n", "\n")  # type: ignore[attr-defined]
