"""Shared by the ledger's tests: tickets of each kind, and the ledger as stored."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from storage.models import Ticket, TimeEntry
from tests.conftest import AGENT, Balie

# ACME is gold (the waakdienst is in its SLA), BAKKER silver, CAFE bronze.
QUESTION = 'klant=ACME contact="Jan Jansen" via=telefoon type=question impact=laag urgentie=laag'
INCIDENT = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=laag'
SILVER_INCIDENT = (
    'klant=BAKKER contact="Bert Bakker" via=telefoon type=incident impact=hoog urgentie=hoog'
)


def say(balie: Balie, text: str, user: str = AGENT, command: str = "/ticket") -> str:
    """A command's ephemeral answer, as the agent reads it."""
    response = balie.command(text, user=user, command=command)
    assert response.status == 200, response.body
    body = response.json()
    return str(body["text"]) + "\n" + str(body.get("blocks", ""))


def entries(balie: Balie, number: str) -> list[TimeEntry]:
    with balie.services.sessions() as s:
        tid = s.execute(select(Ticket.id).where(Ticket.number == number)).scalar_one()
        q = select(TimeEntry).where(TimeEntry.ticket_id == tid).order_by(TimeEntry.id)
        return list(s.execute(q).scalars())


def totals(balie: Balie, number: str) -> tuple[int, int]:
    with balie.services.sessions() as s:
        t = s.execute(select(Ticket).where(Ticket.number == number)).unique().scalar_one()
        return t.time_minutes, t.chargeable_minutes


def decided(entry: TimeEntry) -> tuple[int, str, bool, str, str]:
    return entry.minutes, entry.kind, entry.chargeable, entry.rule, entry.reason


def latest_card(balie: Balie, number: str) -> dict[str, Any]:
    """The card as last posted or updated in the fake Slack."""
    calls = [
        c.args
        for c in balie.fake.calls_to("chat.postMessage") + balie.fake.calls_to("chat.update")
        if "thread_ts" not in c.args and number in str(c.args.get("text", ""))
    ]
    calls.sort(key=lambda a: 0 if "ts" not in a else 1)  # the post, then its updates
    assert calls, f"no card for {number}"
    return calls[-1]
