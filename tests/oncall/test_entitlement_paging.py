"""When the waakdienst is paged: at registration, at a reclassification into its set and at a
reopen, only while the desk is closed, and for gold customers only. Driven as Slack drives
Balie; the page requests are read off the EventBus, where the chain engine takes them."""

from __future__ import annotations

from bot.oncall.events import PageReason
from tests.conftest import AGENT, AGENT2, LEAD, Balie, amsterdam
from tests.oncall.entitlement_helpers import GOLD, P1, P2, P3, record_pages, ticket_id


def test_a_gold_p1_incident_registered_at_1729_is_not_paged_at_1731_it_is(balie: Balie) -> None:
    pages = record_pages(balie)
    balie.clock.set(amsterdam(2026, 11, 24, 17, 29))
    balie.register(f"{GOLD} {P1} Magazijn ligt stil")
    assert pages.seen == []

    balie.clock.set(amsterdam(2026, 11, 24, 17, 31))
    number = balie.register(f"{GOLD} {P1} Scanners doen niets")
    (page,) = pages.seen
    assert page.ticket_id == ticket_id(balie, number)
    assert page.reason is PageReason.REGISTERED
    assert page.actor.id == AGENT and page.accepted_by is None
    assert page.at == amsterdam(2026, 11, 24, 17, 31)


def test_a_gold_p3_incident_at_night_pages_nobody(balie: Balie) -> None:
    pages = record_pages(balie)
    balie.clock.set(amsterdam(2026, 11, 24, 23, 0))
    balie.register(f"{GOLD} {P3} Een printer op de tweede verdieping")
    assert pages.seen == []


def test_a_reclassification_into_the_set_pages_one_within_it_does_not(balie: Balie) -> None:
    pages = record_pages(balie)
    balie.clock.set(amsterdam(2026, 11, 24, 22, 0))
    number = balie.register(f"{GOLD} {P3} VPN hapert")
    assert pages.seen == []

    balie.command(f"herclassificeer {number} urgentie=midden")  # P3 -> P2
    assert pages.reasons() == [PageReason.RECLASSIFIED.value]

    balie.command(f"herclassificeer {number} urgentie=hoog")  # P2 -> P1: already in the set
    assert pages.reasons() == [PageReason.RECLASSIFIED.value]


def test_a_reopen_at_night_pages(balie: Balie) -> None:
    pages = record_pages(balie)
    number = balie.register(f"{GOLD} {P2} Mail komt niet aan")  # Tuesday 10:00: the desk has it
    balie.command(f"los-op {number} Filter aangepast")
    assert pages.seen == []

    balie.clock.set(amsterdam(2026, 11, 25, 2, 0))
    balie.command(f"heropen {number} Weer hetzelfde")
    assert [(p.ticket_id, p.reason) for p in pages.seen] == [
        (ticket_id(balie, number), PageReason.REOPENED)
    ]


def test_easter_monday_is_closed_all_day_good_friday_is_open(balie: Balie) -> None:
    pages = record_pages(balie)
    balie.clock.set(amsterdam(2026, 4, 3, 11, 0))  # Good Friday, in office hours
    balie.register(f"{GOLD} {P1} Kassa's vallen uit")
    assert pages.seen == []

    balie.clock.set(amsterdam(2026, 4, 3, 18, 0))  # Good Friday evening
    balie.register(f"{GOLD} {P1} Kassa's vallen weer uit")
    balie.clock.set(amsterdam(2026, 4, 6, 11, 0))  # Easter Monday, at what is office time
    balie.register(f"{GOLD} {P1} Server plat")
    assert pages.reasons() == [PageReason.REGISTERED.value] * 2


def test_a_ticket_the_on_call_engineer_registers_is_accepted_by_them(balie: Balie) -> None:
    pages = record_pages(balie)
    # A team lead puts the agent on the rota: they have the waakdienst all week.
    answer = balie.command(f"rotatie primair <@{AGENT}>", user=LEAD, command="/waakdienst")
    assert answer.json()["text"].startswith("Rotatie primair:")
    balie.clock.set(amsterdam(2026, 11, 24, 21, 0))
    balie.register(f"{GOLD} {P1} Belde de waakdienst", user=AGENT)
    balie.register(f"{GOLD} {P1} Belde de servicedesk", user=AGENT2)
    assert [p.accepted_by for p in pages.seen] == [AGENT, None]
