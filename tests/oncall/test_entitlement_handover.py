"""The desk's handovers: at the end of office hours the team leads get one message listing
the open tickets the waakdienst takes over, and each is paged; back in office hours each line
gets what happened overnight. Each handover happens once, across sweeps, replicas and
restarts, and one missed while Balie was down is made once when it is back."""

from __future__ import annotations

import threading

from bot.events import Actor
from bot.oncall.events import PageReason
from bot.oncall.rules.chain import Via
from bot.oncall.rules.entitlement import Handover, Moment
from bot.wiring import Services, build_services
from tests.conftest import AGENT2, Balie, amsterdam, test_policy
from tests.oncall.entitlement_helpers import (
    GOLD,
    P1,
    P2,
    P3,
    SILVER,
    record_pages,
    record_pages_on,
    ticket_id,
)

LEADS = "#balie-teamleads"
LINE2 = "#balie-2e-lijn"
FRIDAY_END = amsterdam(2026, 11, 27, 17, 30)
MONDAY_START = amsterdam(2026, 11, 30, 8, 30)


def posts(balie: Balie, channel: str) -> list[str]:
    return [
        c.args["text"]
        for c in balie.fake.calls_to("chat.postMessage")
        if c.args["channel"] == channel and "thread_ts" not in c.args and "blocks" not in c.args
    ]


def restarted(balie: Balie) -> Services:
    """Another Balie process on the same database (a replica, or the same one restarted)."""
    return build_services(
        balie.services.settings,
        policy=test_policy(),
        clock=balie.clock,
        engine=balie.database.engine,
        run_migrations=False,
    )


def a_friday(balie: Balie) -> dict[str, str]:
    balie.clock.set(amsterdam(2026, 11, 27, 10, 0))
    numbers = {
        "gold_p1": balie.register(f"{GOLD} {P1} Magazijn ligt stil"),
        "gold_p2": balie.register(f"{GOLD} {P2} Mail traag"),
        "silver_p1": balie.register(f"{SILVER} {P1} Ovens"),
        "gold_p3": balie.register(f"{GOLD} {P3} Printer"),
        "gold_done": balie.register(f"{GOLD} {P1} Was al opgelost"),
    }
    balie.command(f"los-op {numbers['gold_done']} Herstart")
    return numbers


def test_friday_1730_to_monday_0830(balie: Balie) -> None:
    numbers = a_friday(balie)
    pages = record_pages(balie)
    balie.clock.set(FRIDAY_END)
    assert balie.services.desk_handovers.sweep() == Moment(Handover.OFFICE_END, FRIDAY_END)
    assert balie.services.desk_handovers.sweep() is None
    assert restarted(balie).desk_handovers.sweep() is None
    balie.drain()

    (handover,) = posts(balie, LEADS)
    assert "Einde kantoortijd (27-11-2026 17:30)" in handover and "deze 2 " in handover
    assert numbers["gold_p1"] in handover and numbers["gold_p2"] in handover
    for other in ("silver_p1", "gold_p3", "gold_done"):
        assert numbers[other] not in handover
    assert [(p.ticket_id, p.reason) for p in pages.seen] == [
        (ticket_id(balie, numbers["gold_p1"]), PageReason.OFFICE_END),
        (ticket_id(balie, numbers["gold_p2"]), PageReason.OFFICE_END),
    ]

    # The weekend: the chain engine pages (nobody is on the rota here: the team leads), one
    # page is accepted, one ticket is solved, and a new one is registered at night.
    balie.clock.set(amsterdam(2026, 11, 27, 17, 31))
    balie.services.pager.acknowledge(Actor.slack(AGENT2), numbers["gold_p2"], via=Via.BUTTON)
    balie.clock.set(amsterdam(2026, 11, 28, 3, 0))
    balie.command(f"los-op {numbers['gold_p1']} Switch vervangen")
    new = balie.register(f"{GOLD} {P1} Koelcel alarm")
    assert balie.services.desk_handovers.sweep() is None

    balie.clock.set(MONDAY_START)
    assert balie.services.desk_handovers.sweep() == Moment(Handover.OFFICE_START, MONDAY_START)
    assert restarted(balie).desk_handovers.sweep() is None
    balie.drain()
    (handback,) = posts(balie, LINE2)
    assert "Goedemorgen, 2e lijn. Sinds 27-11-2026 17:30 lagen deze 3 tickets bij" in handback
    rows = {line.split("*")[1]: line for line in handback.splitlines()[1:]}
    assert set(rows) == {numbers["gold_p1"], numbers["gold_p2"], new}
    assert rows[numbers["gold_p1"]].endswith(
        "overgedragen om 27-11-2026 17:30, opgeroepen om 27-11-2026 17:30, opgelost"
    )
    assert rows[numbers["gold_p2"]].endswith(
        f"opgeroepen om 27-11-2026 17:30, geaccepteerd door <@{AGENT2}>, staat nog open (Nieuw)"
    )
    assert rows[new].endswith(
        "geregistreerd om 28-11-2026 03:00, opgeroepen om 28-11-2026 03:00, staat nog open (Nieuw)"
    )
    assert posts(balie, "#balie-1e-lijn") == []


def test_a_handover_missed_while_balie_was_down_is_made_once_when_it_is_back(
    balie: Balie,
) -> None:
    numbers = a_friday(balie)
    pages = record_pages(balie)
    balie.clock.set(amsterdam(2026, 11, 28, 10, 0))  # nobody swept since Friday 10:00
    assert balie.services.desk_handovers.sweep() == Moment(Handover.OFFICE_END, FRIDAY_END)
    assert balie.services.desk_handovers.sweep() is None
    balie.drain()
    assert len(posts(balie, LEADS)) == 1
    assert len(pages.seen) == 2 and numbers["gold_p1"] in posts(balie, LEADS)[0]


def test_a_handover_overtaken_by_the_next_is_not_made_at_all(balie: Balie) -> None:
    a_friday(balie)
    pages = record_pages(balie)
    balie.clock.set(amsterdam(2026, 11, 30, 10, 0))  # down from Friday 10:00 to Monday 10:00
    assert balie.services.desk_handovers.sweep() == Moment(Handover.OFFICE_START, MONDAY_START)
    balie.drain()
    # Nothing happened to the waakdienst's tickets meanwhile: nothing to hand back, either.
    assert posts(balie, LEADS) == [] and posts(balie, LINE2) == [] and pages.seen == []


def test_two_replicas_sweeping_at_once_make_one_handover(balie: Balie) -> None:
    a_friday(balie)
    pages = record_pages(balie)
    other = restarted(balie)
    other_pages = record_pages_on(other)
    balie.clock.set(FRIDAY_END)
    start = threading.Barrier(2)
    results: list[Moment | None] = []

    def sweep(services: Services) -> None:
        start.wait()
        results.append(services.desk_handovers.sweep())

    threads = [threading.Thread(target=sweep, args=(s,)) for s in (balie.services, other)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    balie.drain()
    assert sorted(results, key=lambda r: r is None) == [
        Moment(Handover.OFFICE_END, FRIDAY_END),
        None,
    ]
    assert len(posts(balie, LEADS)) == 1
    assert len(pages.seen) + len(other_pages.seen) == 2


def test_over_easter_the_waakdienst_has_it_from_good_friday_evening_to_tuesday(
    balie: Balie,
) -> None:
    balie.clock.set(amsterdam(2026, 4, 3, 12, 0))  # Good Friday: the desk is open
    number = balie.register(f"{GOLD} {P1} Kassa's")
    pages = record_pages(balie)
    balie.clock.set(amsterdam(2026, 4, 3, 17, 30))
    assert balie.services.desk_handovers.sweep() == Moment(
        Handover.OFFICE_END, amsterdam(2026, 4, 3, 17, 30)
    )
    balie.clock.set(amsterdam(2026, 4, 6, 8, 30))  # Easter Monday: still closed
    assert balie.services.desk_handovers.sweep() is None
    balie.clock.set(amsterdam(2026, 4, 7, 8, 30))
    assert balie.services.desk_handovers.sweep() == Moment(
        Handover.OFFICE_START, amsterdam(2026, 4, 7, 8, 30)
    )
    balie.drain()
    assert len(pages.seen) == 1
    (handback,) = posts(balie, LINE2)
    assert number in handback and "Sinds 03-04-2026 17:30" in handback
