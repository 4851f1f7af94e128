"""Domain events: subscribers run in the use case's transaction."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.events import ActorSource
from bot.tickets.events import TicketChanged
from bot.tickets.rules.lifecycle import Action
from storage.models import OutboxItem, Ticket
from tests.conftest import AGENT, Balie

INCIDENT = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=midden'


def test_each_use_case_announces_what_happened_and_who_did_it(balie: Balie) -> None:
    seen: list[TicketChanged] = []
    balie.services.events.subscribe(TicketChanged, lambda _s, e: seen.append(e))
    number = balie.register(f"{INCIDENT} Storing")
    balie.command(f"pak {number}")
    balie.command(f"notitie {number} Gebeld met Jan")
    balie.command(f"los-op {number} Kabel vervangen")
    assert [e.action for e in seen] == [Action.REGISTER, Action.TAKE, Action.NOTE, Action.RESOLVE]
    assert {(e.actor.source, e.actor.id) for e in seen} == {(ActorSource.SLACK, AGENT)}
    assert [e.card_changed for e in seen] == [True, True, False, True]
    assert seen[-1].text == "Kabel vervangen"


def test_a_failing_subscriber_rolls_the_change_back(balie: Balie) -> None:
    def broken(_session: Session, _event: TicketChanged) -> None:
        raise RuntimeError("a subscriber that cannot write its row")

    balie.services.events.subscribe(TicketChanged, broken)
    reply = balie.command(f"new {INCIDENT} Storing").json()["text"]
    assert "Er ging iets mis" in reply
    with balie.services.sessions() as s:
        assert s.execute(select(func.count()).select_from(Ticket)).scalar_one() == 0
        assert s.execute(select(func.count()).select_from(OutboxItem)).scalar_one() == 0
