"""The Home stays current: a change to a ticket republishes the Homes that show it, debounced
to one views.publish per user, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import func, select

from storage.models import HomePending
from tests.conftest import ADMIN, AGENT, AGENT2, LEAD, Balie, amsterdam
from tests.home.home_helpers import (
    BRONZE_P4,
    GOLD_P1,
    SILVER_P3,
    home_text,
    open_home,
    publishes,
    settle,
)


def opened(balie: Balie, *users: str) -> None:
    for user in users:
        open_home(balie, user)
    balie.drain()


def counts(balie: Balie, *users: str) -> list[int]:
    return [len(publishes(balie, u)) for u in users]


def test_a_burst_of_changes_is_one_publish_showing_the_last_state(balie: Balie) -> None:
    number = balie.register(f"{SILVER_P3} Kassa print niet")
    balie.command(f"pak {number}")
    opened(balie, AGENT)
    assert counts(balie, AGENT) == [1]

    balie.command(f"notitie {number} Klant gebeld")
    balie.command(f"herclassificeer {number} impact=hoog urgentie=midden")
    balie.command(f"wacht {number} Stuur een schermafdruk")
    # The republish waits out the debounce: nothing yet.
    balie.drain()
    assert counts(balie, AGENT) == [1]
    settle(balie)
    assert counts(balie, AGENT) == [2]
    text = home_text(balie, AGENT)
    # Silver P2 after the reclassification; waiting on the customer pauses both clocks.
    assert "P2 Hoog" in text and "wacht op klant" in text.lower()
    assert "oplostermijn: gepauzeerd, nog 18u00" in text
    # Nothing pending any more: the next change asks for a publish of its own.
    with balie.services.sessions() as s:
        assert s.execute(select(func.count()).select_from(HomePending)).scalar_one() == 0
    balie.command(f"hervat {number}")
    settle(balie)
    assert counts(balie, AGENT) == [3]


def test_a_change_republishes_the_assignee_the_previous_one_and_the_leads(balie: Balie) -> None:
    number = balie.register(f"{BRONZE_P4} Vraag over facturen")
    balie.command(f"pak {number}")
    opened(balie, AGENT, AGENT2, LEAD)
    assert counts(balie, AGENT, AGENT2, LEAD) == [1, 1, 1]

    # A note on her ticket: her Home and the lead's (the desk's totals); the other agent's
    # Home does not show this ticket (not his, not at risk).
    balie.command(f"notitie {number} Klant gebeld")
    settle(balie)
    assert counts(balie, AGENT, AGENT2, LEAD) == [2, 1, 2]

    # Handed to the other agent: it leaves her Home and appears on his.
    balie.command(f"wijs-toe {number} <@{AGENT2}|agent2>")
    settle(balie)
    assert counts(balie, AGENT, AGENT2, LEAD) == [3, 2, 3]
    assert number not in home_text(balie, AGENT)
    assert number in home_text(balie, AGENT2)
    # Someone who never opened their Home gets nothing published.
    assert publishes(balie, ADMIN) == []


def test_a_registration_moves_the_leads_totals(balie: Balie) -> None:
    opened(balie, AGENT, LEAD)
    balie.register(f"{BRONZE_P4} Vraag over facturen")
    settle(balie)
    assert counts(balie, AGENT, LEAD) == [1, 2]
    assert "*1 open ticket*" in home_text(balie, LEAD)


def test_a_ticket_at_risk_appears_on_its_lines_homes_and_leaves_when_it_is_resolved(
    balie: Balie,
) -> None:
    # AGENT is in line 2's user group; AGENT2 in none, so he works for the whole desk.
    number = balie.register(f"{GOLD_P1} Alles ligt plat")
    quiet = balie.register(f"{SILVER_P3} Kassa print niet")
    opened(balie, AGENT, AGENT2)
    assert "Geen tickets met SLA-risico in 2e lijn." in home_text(balie, AGENT)

    # 10:12: 75 % of gold P1's 15-minute response time has passed; the monitor warns.
    balie.clock.set(amsterdam(2026, 11, 24, 10, 12))
    balie.services.monitor.sweep()
    settle(balie)
    assert counts(balie, AGENT, AGENT2) == [2, 2]
    text = home_text(balie, AGENT)
    assert "*SLA-risico in 2e lijn* (1)" in text
    assert number in text and "_niemand_" in text
    assert ":warning: reactietermijn: nog 0u03 (deadline 24-11-2026 10:15)" in text
    assert number in home_text(balie, AGENT2)

    # A change to a ticket nobody was warned about leaves the line's Homes alone.
    balie.command(f"notitie {quiet} Klant gebeld", user=LEAD)
    settle(balie)
    assert counts(balie, AGENT, AGENT2) == [2, 2]

    # Resolved by a lead: off every line's list of tickets at risk.
    balie.command(f"los-op {number} Server herstart", user=LEAD)
    settle(balie)
    assert counts(balie, AGENT, AGENT2) == [3, 3]
    assert number not in home_text(balie, AGENT)
    assert "Geen tickets met SLA-risico in 2e lijn." in home_text(balie, AGENT)


def test_the_breach_republishes_the_assignees_home_at_once(balie: Balie) -> None:
    number = balie.register(f"{GOLD_P1} Alles ligt plat")
    balie.command(f"pak {number}")
    opened(balie, AGENT)
    # 13:00: 3 of the 4 hours to resolve have passed (75 %): a warning, the Home follows.
    balie.clock.set(amsterdam(2026, 11, 24, 13, 0))
    balie.services.monitor.sweep()
    settle(balie)
    assert ":warning: oplostermijn: nog 1u00 (deadline 24-11-2026 14:00)" in home_text(balie, AGENT)
    balie.clock.set(amsterdam(2026, 11, 24, 14, 5))
    balie.services.monitor.sweep()
    settle(balie)
    assert (
        ":rotating_light: oplostermijn: 0u05 te laat (deadline was 24-11-2026 14:00)"
        in home_text(balie, AGENT)
    )
