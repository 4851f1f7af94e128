"""The SLA warnings a summary reads for the tickets that may be at risk: the first below the
breach per ticket and clock, for thousands of ids at once, on both databases."""

from __future__ import annotations

from sqlalchemy import select

from storage import summaries as store
from storage.models import SlaAnnouncement, Ticket
from tests.conftest import Balie, amsterdam

BRONZE_P4 = "klant=CAFE contact=cor@cafe.example via=email type=question impact=laag urgentie=laag"


def test_first_warnings_are_the_earliest_below_the_breach_of_the_tickets_asked_for(
    balie: Balie,
) -> None:
    balie.clock.set(amsterdam(2026, 11, 25, 9, 0))
    numbers = [balie.register(f"{BRONZE_P4} Vraag {i}") for i in range(3)]
    early, late = amsterdam(2026, 11, 25, 10, 0), amsterdam(2026, 11, 25, 11, 0)
    with balie.services.sessions() as s:
        warned, other, unasked = (
            s.execute(select(Ticket.id).where(Ticket.number == n)).scalar_one() for n in numbers
        )
        for ticket_id, clock, threshold, at in (
            # The first is the earliest, whatever the threshold.
            (warned, "response", 50, late),
            (warned, "response", 75, early),
            (warned, "resolution", 75, late),
            # The breach is announced too, and is no warning.
            (other, "response", 100, early),
            (unasked, "response", 75, early),
        ):
            s.add(
                SlaAnnouncement(
                    ticket_id=ticket_id, clock=clock, threshold=threshold, announced_at=at
                )
            )
        s.commit()
    # More ids than one IN list of bound parameters was ever given, most of no ticket.
    asked = [warned, other, *range(100_000, 102_500)]

    with balie.services.readers() as s:
        found = store.first_warnings(session=s, ticket_ids=asked)
        none = store.first_warnings(session=s, ticket_ids=[])

    assert sorted(found) == [(warned, "resolution", late), (warned, "response", early)]
    assert none == []
