"""The rows behind `/rapport … csv`: every ticket open at some moment of the period, with its
moments, clock states and counted times, read through Balie's own changes."""

from __future__ import annotations

from datetime import timedelta

from bot.summaries.figures import SummaryFigures
from bot.summaries.model import Period, Scope
from tests.conftest import AGENT, Balie, amsterdam

GOLD_P2 = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=midden'
BRONZE_P4 = "klant=CAFE contact=cor@cafe.example via=email type=question impact=laag urgentie=laag"


def figures(balie: Balie) -> SummaryFigures:
    s = balie.services
    return SummaryFigures(readers=s.readers, policy=s.policy, clock=balie.clock)


def ok(balie: Balie, text: str) -> None:
    response = balie.command(text, user=AGENT)
    assert response.status == 200 and "response_type" in response.json(), response.body


def test_rows_hold_the_periods_tickets_with_their_moments_and_counted_times(
    balie: Balie,
) -> None:
    # Tuesday 24-11-2026: before the period, one ticket resolved; in it, two new ones.
    balie.clock.set(amsterdam(2026, 11, 24, 9, 0))
    gone = balie.register(f"{BRONZE_P4} Oud en opgelost")
    balie.clock.set(amsterdam(2026, 11, 24, 9, 30))
    ok(balie, f"los-op {gone} Uitgelegd")
    balie.clock.set(amsterdam(2026, 11, 25, 10, 0))
    first = balie.register(f"{GOLD_P2} Printer weg")
    balie.clock.set(amsterdam(2026, 11, 25, 10, 20))
    ok(balie, f"pak {first}")
    balie.clock.set(amsterdam(2026, 11, 25, 11, 0))
    ok(balie, f"los-op {first} Driver opnieuw")
    balie.clock.set(amsterdam(2026, 11, 25, 15, 0))
    second = balie.register(f"{BRONZE_P4} Vraag over facturen")
    balie.clock.set(amsterdam(2026, 11, 26, 9, 0))

    period = Period(amsterdam(2026, 11, 25, 0, 0), amsterdam(2026, 11, 26, 0, 0))
    rows = figures(balie).rows(period=period, scope=Scope())

    assert [r.number for r in rows] == [first, second]  # the one done the day before is not
    one, two = rows
    assert (one.customer, one.customer_name, one.tier) == ("ACME", "Acme Logistiek B.V.", "gold")
    assert (one.priority, one.line, one.status) == ("P2", 2, "resolved")
    assert one.responded_at == amsterdam(2026, 11, 25, 10, 20)
    assert one.resolved_at == one.done_at == amsterdam(2026, 11, 25, 11, 0)
    # Gold P2 runs on business time: 20 minutes to the response, an hour to the resolve.
    assert (one.response_state, one.response_minutes) == ("met", 20)
    assert (one.resolution_state, one.resolution_minutes) == ("met", 60)
    assert one.response_due_at == amsterdam(2026, 11, 25, 10, 30)  # 30 minutes
    assert (two.status, two.done_at, two.response_minutes) == ("new", None, None)
    # Bronze P4: 9 business hours to respond, from 15:00 Wednesday = 15:00 Thursday.
    assert two.response_due_at == amsterdam(2026, 11, 26, 15, 0)
    assert two.response_state == "running"

    line2 = figures(balie).rows(period=period, scope=Scope(line=2))
    assert [r.number for r in line2] == [first]
    cafe = figures(balie).rows(period=period, scope=Scope(customer="CAFE"))
    assert [r.number for r in cafe] == [second]


def test_a_clock_past_its_deadline_is_breached_in_the_rows_before_the_monitor_looks(
    balie: Balie,
) -> None:
    balie.clock.set(amsterdam(2026, 11, 25, 10, 0))
    number = balie.register(f"{GOLD_P2} Printer weg")
    balie.clock.set(amsterdam(2026, 11, 25, 10, 45))  # 30 minutes to respond: gone
    period = Period(amsterdam(2026, 11, 25, 0, 0), amsterdam(2026, 11, 25, 10, 45))
    (row,) = figures(balie).rows(period=period, scope=Scope())
    assert row.number == number
    assert (row.response_state, row.response_breached_at) == (
        "breached",
        amsterdam(2026, 11, 25, 10, 30),
    )
    assert row.resolution_state == "running"
    assert period.length == timedelta(hours=10, minutes=45)
