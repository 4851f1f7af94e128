"""Opening Balie's Home tab, as Slack sends it: a signed app_home_opened event publishes the
agent's cockpit (views.publish), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from bot.wiring import build_services
from tests.conftest import AGENT, AGENT2, LEAD, OUTSIDER, Balie, amsterdam, test_policy
from tests.fakes.signed import block_actions_payload
from tests.fakes.slack_files import home_of
from tests.home.home_helpers import (
    BRONZE_P4,
    GOLD_P1,
    SILVER_P3,
    home_blocks,
    home_text,
    open_home,
    publishes,
    settle,
)

A, B = "UENGA1", "UENGB2"


def waak(balie: Balie, text: str) -> None:
    response = balie.command(text, user=LEAD, command="/waakdienst")
    assert response.status == 200, response.body


def test_opening_the_home_tab_shows_my_tickets_most_urgent_first_with_their_countdowns(
    balie: Balie,
) -> None:
    # Tuesday 24 November 2026, 10:00. Two tickets for the agent, one for nobody.
    normal = balie.register(f"{SILVER_P3} Kassa print niet")
    critical = balie.register(f"{GOLD_P1} Alles ligt plat")
    balie.register(f"{BRONZE_P4} Vraag over facturen")
    balie.command(f"pak {normal}")
    balie.command(f"pak {critical}")
    balie.drain()

    open_home(balie, AGENT)
    assert publishes(balie, AGENT) == []  # the ack only records it; the outbox publishes
    balie.drain()

    text = home_text(balie, AGENT)
    assert "Balie · je overzicht" in text
    assert "*Je open tickets* (2)" in text
    # The critical one first (P1 before P3), whatever order they were taken in.
    assert text.index(critical) < text.index(normal)
    # Taking it met the response clock; gold P1 resolves in 4 hours, 24x7: 10:00 + 4h.
    assert "oplostermijn: nog 4u00 (deadline 24-11-2026 14:00)" in text
    # Silver P3: 36 business hours to resolve, none used yet.
    assert "oplostermijn: nog 36u00" in text
    # Not a ticket of hers, not at risk: the third ticket is not on her Home.
    assert "Vraag over facturen" not in text
    # Her lines: the 2nd (her user group) and the 1st, where the ticket she holds is.
    assert "Geen tickets met SLA-risico in 1e lijn en 2e lijn." in text
    # No rotation yet: nobody has the waakdienst, and the Home says so.
    assert "Nu heeft niemand de waakdienst" in text
    # An agent is no team lead: no totals of the desk.
    assert "De hele desk" not in text
    buttons = [
        e for b in home_blocks(balie, AGENT) if b["type"] == "actions" for e in b["elements"]
    ]
    assert [e["action_id"] for e in buttons] == ["home_new_ticket"]


def test_the_home_shows_who_has_the_waakdienst_now_and_next(balie: Balie) -> None:
    waak(balie, f"rotatie primair <@{A}> <@{B}>")
    waak(balie, f"rotatie achterwacht <@{B}> <@{A}>")
    open_home(balie, AGENT2)
    balie.drain()
    text = home_text(balie, AGENT2)
    assert f"Nu: <@{A}> tot 30-11-2026 08:30" in text
    assert f"Reserve: <@{B}>" in text
    assert f"Daarna: <@{B}> vanaf 30-11-2026 08:30" in text


def test_the_home_is_brought_up_to_date_when_the_waakdienst_hands_over(balie: Balie) -> None:
    waak(balie, f"rotatie primair <@{A}> <@{B}>")
    balie.clock.set(amsterdam(2026, 11, 30, 8, 0))
    open_home(balie, AGENT)
    balie.drain()
    assert f"Nu: <@{A}> tot 30-11-2026 08:30" in home_text(balie, AGENT)
    # Nothing is stale before the handover.
    assert balie.services.home.service.sweep() == 0
    balie.clock.set(amsterdam(2026, 11, 30, 8, 30, 5))
    assert balie.services.home.service.sweep() == 1
    balie.drain()
    assert f"Nu: <@{B}> tot 07-12-2026 08:30" in home_text(balie, AGENT)
    assert len(publishes(balie, AGENT)) == 2


def test_a_retried_event_is_handled_once_and_the_messages_tab_publishes_nothing(
    balie: Balie,
) -> None:
    open_home(balie, AGENT, event_id="Ev0HOME1")
    balie.drain()
    # Slack redelivers the same event (it thought the answer was late): nothing new.
    open_home(balie, AGENT, event_id="Ev0HOME1", retry_num=1)
    balie.drain()
    assert len(publishes(balie, AGENT)) == 1
    # Opening the Messages tab sends the same event with tab=messages.
    open_home(balie, AGENT, event_id="Ev0HOME2", tab="messages")
    balie.drain()
    assert len(publishes(balie, AGENT)) == 1
    # Opening the Home tab again later is a new event: the Home is published again.
    open_home(balie, AGENT, event_id="Ev0HOME3")
    balie.drain()
    assert len(publishes(balie, AGENT)) == 2


def test_a_redelivery_reaching_another_replica_is_still_handled_once(balie: Balie) -> None:
    # A second Balie on the same database, as behind a load balancer.
    other = build_services(
        balie.services.settings,
        policy=test_policy(),
        clock=balie.clock,
        engine=balie.database.engine,
        run_migrations=False,
    )
    open_home(balie, AGENT, event_id="Ev0REPLICA")
    balie.drain()
    assert other.home.service.opened(AGENT, "Ev0REPLICA") is False
    other.dispatcher.drain()
    balie.drain()
    assert len(publishes(balie, AGENT)) == 1


def test_opening_twice_before_the_publish_went_out_is_one_publish(balie: Balie) -> None:
    open_home(balie, AGENT)
    open_home(balie, AGENT)
    balie.drain()
    assert len(publishes(balie, AGENT)) == 1


def test_someone_not_on_the_desk_sees_no_tickets(balie: Balie) -> None:
    balie.register(f"{GOLD_P1} Alles ligt plat")
    open_home(balie, OUTSIDER)
    balie.drain()
    text = home_text(balie, OUTSIDER)
    assert "Je hoort nog niet bij de desk" in text
    assert "KOR-" not in text
    assert all(b["type"] != "actions" for b in home_blocks(balie, OUTSIDER))


def test_the_button_opens_the_registration_modal(balie: Balie) -> None:
    open_home(balie, AGENT)
    balie.drain()
    # The button is pressed in the Home as Slack holds it: its payload carries that view.
    view = home_of(balie.fake, AGENT)
    assert view is not None
    response = balie.slack.block_action(
        block_actions_payload("home_new_ticket", block_id="home_actions", user_id=AGENT, view=view)
    )
    assert response.status == 200, response.body
    opened = balie.fake.wait_for("views.open")
    assert opened[0].args["view"]["callback_id"] == "ticket_new"
    assert opened[0].args["view"]["title"]["text"]
    # Someone not on the desk who presses it (an old Home) gets no modal.
    balie.slack.block_action(
        block_actions_payload(
            "home_new_ticket", block_id="home_actions", user_id=OUTSIDER, view=view
        )
    )
    balie.drain()
    assert len(balie.fake.calls_to("views.open")) == 1


def test_a_team_lead_also_sees_the_desks_totals(balie: Balie) -> None:
    balie.register(f"{GOLD_P1} Alles ligt plat")
    balie.register(f"{GOLD_P1} Mail werkt niet")
    balie.register(f"{SILVER_P3} Kassa print niet")
    # Gold P1 must be answered within 15 minutes; at 10:16 both are breached.
    balie.clock.set(amsterdam(2026, 11, 24, 10, 16))
    balie.services.monitor.sweep()
    balie.drain()
    open_home(balie, LEAD)
    balie.drain()
    text = home_text(balie, LEAD)
    assert "*De hele desk*" in text
    assert "*3 open tickets*" in text
    assert "P1 Kritiek: 2\nP2 Hoog: 0\nP3 Normaal: 1\nP4 Laag: 0" in text
    assert "1e lijn: 1\n2e lijn: 2\n3e lijn: 0" in text
    assert ":warning: *Met SLA-risico*: 0\n:rotating_light: *Overschreden*: 2" in text
    # A lead's at-risk list is the whole desk's, breached first.
    assert "*SLA-risico in 1e lijn, 2e lijn en 3e lijn* (2)" in text
    assert "reactietermijn: 0u01 te laat (deadline was 24-11-2026 10:15)" in text


def test_customer_text_is_escaped_on_the_home(balie: Balie) -> None:
    number = balie.register(f"{SILVER_P3} <!channel> kassa & printer")
    balie.command(f"pak {number}")
    open_home(balie, AGENT)
    balie.drain()
    text = home_text(balie, AGENT)
    assert "&lt;!channel&gt; kassa &amp; printer" in text
    assert "Bakkerij Brood &amp; Co" in text
    assert "<!channel>" not in text


def test_in_english_for_an_agent_who_asked_for_it(balie: Balie) -> None:
    balie.command("taal en")
    number = balie.register(f"{GOLD_P1} Everything is down")
    balie.command(f"pak {number}")
    open_home(balie, AGENT)
    balie.drain()
    text = home_text(balie, AGENT)
    assert "*Your open ticket* (1)" in text
    assert "resolution time: 4h00 left (deadline 24-11-2026 14:00)" in text


def test_many_tickets_stay_within_slacks_limits(balie: Balie) -> None:
    numbers = [balie.register(f"{BRONZE_P4} Vraag {i}") for i in range(23)]
    for number in numbers:
        balie.command(f"pak {number}")
    open_home(balie, AGENT)
    balie.drain()
    blocks = home_blocks(balie, AGENT)
    assert len(blocks) <= 100
    text = home_text(balie, AGENT)
    assert "*Je open tickets* (23)" in text
    assert "En nog 3 tickets: `/ticket lijst mijn`." in text
    assert sum(n in text for n in numbers) == 20


def test_a_rate_limited_publish_is_retried(balie: Balie) -> None:
    balie.fake.fail("views.publish", status=429, retry_after=3)
    open_home(balie, AGENT)
    balie.drain()
    assert publishes(balie, AGENT) == []
    balie.clock.advance(timedelta(seconds=3))
    settle(balie)
    assert len(publishes(balie, AGENT)) == 1
    assert "*Je open tickets* (0)" in home_text(balie, AGENT)


def test_a_malformed_event_is_refused_and_writes_nothing(balie: Balie) -> None:
    response = balie.slack.event({"type": "app_home_opened", "user": "<!channel>", "tab": "home"})
    assert response.status == 400
    balie.drain()
    assert balie.fake.calls_to("views.publish") == []
