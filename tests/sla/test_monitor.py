"""SLA clocks on real tickets, and the monitor's warnings: driven by an injected clock."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.sla.monitor import SlaMonitor
from bot.wiring import build_services
from storage import sla as sla_store
from storage.models import SlaAnnouncement, Ticket
from tests.conftest import AGENT, Balie, amsterdam, make_settings, test_policy

GOLD_P1 = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=hoog'
BRONZE_P4 = "klant=CAFE contact=cor@cafe.example via=email type=question impact=laag urgentie=laag"
SILVER_P3 = "klant=BAKKER contact=bert@bakker.example via=telefoon type=request impact=midden urgentie=midden"


def ticket(balie: Balie, number: str) -> Ticket:
    with balie.services.sessions() as s:
        return s.execute(select(Ticket).where(Ticket.number == number)).unique().scalar_one()


def posts(balie: Balie, channel: str) -> list[str]:
    return [
        c.args["text"]
        for c in balie.fake.calls_to("chat.postMessage")
        if c.args.get("channel") == channel and "thread_ts" not in c.args and "blocks" not in c.args
    ]


def thread(balie: Balie) -> list[str]:
    return [
        c.args["text"] for c in balie.fake.calls_to("chat.postMessage") if "thread_ts" in c.args
    ]


def at(balie: Balie, *when: int) -> None:
    balie.clock.set(amsterdam(*when))


def test_deadlines_are_stored_and_shown_on_the_card(balie: Balie) -> None:
    number = balie.register(f"{GOLD_P1} Alles ligt plat")
    t = ticket(balie, number)
    # Gold P1 runs 24x7: 15 minutes to respond, 4 hours to resolve.
    assert t.response_due_at == amsterdam(2026, 11, 24, 10, 15)
    assert t.resolution_due_at == amsterdam(2026, 11, 24, 14, 0)
    assert t.sla_next_check_at == amsterdam(2026, 11, 24, 10, 11, 15)  # 75 % of 15 minutes
    balie.drain()
    card = str(balie.fake.calls_to("chat.postMessage")[0].args["blocks"])
    assert "reactietermijn: 24-11-2026 10:15 · loopt" in card


def test_warnings_at_75_90_and_the_breach_each_exactly_once(balie: Balie) -> None:
    number = balie.register(f"{GOLD_P1} Alles ligt plat")
    balie.drain()
    at(balie, 2026, 11, 24, 10, 11, 30)
    assert [(a.clock, a.percent) for a in balie.services.monitor.sweep().alerts] == [
        ("response", 75)
    ]
    assert balie.services.monitor.sweep().alerts == ()
    at(balie, 2026, 11, 24, 10, 13, 40)
    assert [a.percent for a in balie.services.monitor.sweep().alerts] == [90]
    at(balie, 2026, 11, 24, 10, 15, 30)
    assert [a.percent for a in balie.services.monitor.sweep().alerts] == [100]
    balie.drain()
    line = posts(balie, "#balie-2e-lijn")
    assert len(line) == 3 and number in line[0] and "75% van de reactietermijn" in line[0]
    assert "<!subteam^S0LINE2>" in line[0]  # nobody took it: the line's user group is called
    assert "overschreden" in line[2]
    assert len(posts(balie, "#balie-teamleads")) == 1
    assert sum("reactietermijn" in x for x in thread(balie)) == 3
    assert "overschreden" in str(balie.fake.calls_to("chat.update")[-1].args["blocks"])


def test_taking_the_ticket_meets_the_response_clock(balie: Balie) -> None:
    number = balie.register(f"{GOLD_P1} Alles ligt plat")
    at(balie, 2026, 11, 24, 10, 12)
    balie.command(f"pak {number}")
    t = ticket(balie, number)
    assert t.response_state == "met" and t.responded_at == amsterdam(2026, 11, 24, 10, 12)
    at(balie, 2026, 11, 24, 10, 30)
    assert [a.clock for a in balie.services.monitor.sweep().alerts] == []
    # The resolution clock still runs; its 75 % lies at 13:00.
    assert ticket(balie, number).sla_next_check_at == amsterdam(2026, 11, 24, 13, 0)
    balie.drain()
    card = str(balie.fake.calls_to("chat.update")[-1].args["blocks"])
    assert f"<@{AGENT}>" in card and "reactietermijn: 24-11-2026 10:15 · gehaald" in card


def test_waiting_for_the_customer_pauses_both_clocks(balie: Balie) -> None:
    number = balie.register(f"{SILVER_P3} Nieuwe gebruiker")  # silver P3: 4h / 36h business
    at(balie, 2026, 11, 24, 11, 0)
    balie.command(f"wacht {number} Welke rechten?")  # also the first response
    at(balie, 2026, 11, 26, 11, 0)  # two business days later the customer answers
    balie.command(f"hervat {number}")
    t = ticket(balie, number)
    assert t.response_state == "met"
    # 1 business hour used before the pause; 35 remain from Thursday 11:00.
    assert t.resolution_due_at == amsterdam(2026, 12, 2, 10, 0)
    shown = balie.command(f"{number}", command="/sla").json()["text"]
    assert "gepauzeerd 18u00" in shown and "gehaald" in shown


def test_a_customer_third_party_pauses_a_subcontractor_does_not(balie: Balie) -> None:
    a = balie.register(f"{SILVER_P3} Leverancier")
    b = balie.register(f"{SILVER_P3} Onderaannemer")
    balie.command(f"derde {a} klant wachten op hun ERP-leverancier")
    balie.command(f"derde {b} onderaannemer wachten op de glasvezelmonteur")
    at(balie, 2026, 11, 25, 10, 0)
    assert ticket(balie, a).resolution_due_at is None  # paused: known when it resumes
    assert ticket(balie, a).resolution_state == "paused"
    assert ticket(balie, b).resolution_due_at == amsterdam(2026, 11, 30, 10, 0)


def test_switching_whose_third_party_is_awaited_switches_the_pause(balie: Balie) -> None:
    number = balie.register(f"{SILVER_P3} Leverancier")
    balie.command(f"derde {number} onderaannemer wachten op de monteur")
    assert ticket(balie, number).resolution_state == "running"
    at(balie, 2026, 11, 24, 11, 0)
    balie.command(f"derde {number} klant het blijkt hun eigen leverancier")
    assert ticket(balie, number).resolution_state == "paused"


def test_priority_change_recomputes_from_the_start_and_the_thread_shows_it(balie: Balie) -> None:
    number = balie.register(f"{BRONZE_P4} Vraag")  # bronze P4: 9h response, business
    at(balie, 2026, 11, 24, 11, 0)
    balie.command(f"herclassificeer {number} type=incident impact=hoog urgentie=hoog")
    t = ticket(balie, number)
    assert t.response_due_at == amsterdam(2026, 11, 24, 11, 0)  # bronze P1: 1h from 10:00
    balie.drain()
    text = "\n".join(thread(balie))
    assert "deadline reactie: 25-11-2026 10:00 → 24-11-2026 11:00" in text


def test_a_reopen_resumes_the_resolution_clock(balie: Balie) -> None:
    number = balie.register(f"{SILVER_P3} Printer")  # resolution 36h business from Tue 10:00
    at(balie, 2026, 11, 24, 13, 0)
    balie.command(f"los-op {number} Driver vernieuwd")
    assert ticket(balie, number).resolution_state == "met"
    at(balie, 2026, 11, 26, 13, 0)
    balie.command(f"heropen {number} Probleem terug")
    # 3 business hours were used; 33 remain from Thursday 13:00 -> Wednesday 2 Dec 10:00.
    t = ticket(balie, number)
    assert (t.resolution_state, t.resolution_due_at) == ("running", amsterdam(2026, 12, 2, 10, 0))


def test_after_downtime_missed_thresholds_are_one_message_per_channel(balie: Balie) -> None:
    numbers = [balie.register(f"{GOLD_P1} Storing {i}") for i in range(3)]
    balie.drain()
    at(balie, 2026, 11, 24, 18, 0)  # Balie was down all afternoon
    result = balie.services.monitor.sweep()
    assert (
        sorted((a.clock, a.percent) for a in result.alerts)
        == [("resolution", 100)] * 3 + [("response", 100)] * 3
    )
    balie.drain()
    line, leads = posts(balie, "#balie-2e-lijn"), posts(balie, "#balie-teamleads")
    assert len(line) == 1 and len(leads) == 1
    assert all(n in line[0] for n in numbers) and "Terwijl Balie niet draaide" in line[0]
    assert balie.services.monitor.sweep().alerts == ()
    with balie.services.sessions() as s:
        # 75, 90 and 100 of both clocks of three tickets are recorded as announced.
        assert len(s.execute(select(SlaAnnouncement)).all()) == 18


def test_a_restarted_process_does_not_announce_again(balie: Balie) -> None:
    balie.register(f"{GOLD_P1} Storing")
    at(balie, 2026, 11, 24, 10, 12)
    assert len(balie.services.monitor.sweep().alerts) == 1
    settings = make_settings(
        slack_bot_token="xoxb-test-token",
        slack_signing_secret="s",
        slack_api_url=balie.fake.api_url,
        database_url=balie.database.url,
        smtp_url=balie.smtp.url,
    )
    again = build_services(settings, policy=test_policy(), clock=balie.clock, run_migrations=False)
    try:
        assert again.monitor.sweep().alerts == ()
        balie.clock.advance(timedelta(minutes=2))
        assert [a.percent for a in again.monitor.sweep().alerts] == [90]
    finally:
        again.close()


def test_sla_command_lists_the_lines_tickets_at_risk(balie: Balie) -> None:
    urgent = balie.register(f"{GOLD_P1} Plat")
    calm = balie.register(f"{SILVER_P3} Later")
    at(balie, 2026, 11, 24, 10, 14)
    text = balie.command("", command="/sla").json()["text"]
    assert urgent in text and calm not in text and "2e lijn" in text  # AGENT is in line 2's group
    assert "P1 Kritiek" in text  # the priority as everywhere else, not a bare "P1"
    assert "Geen tickets met SLA-risico" in balie.command("lijn=1", command="/sla").json()["text"]
    at(balie, 2026, 11, 24, 13, 30)
    text = balie.command("alle", command="/sla").json()["text"]
    assert text.index(urgent) < text.index(calm)
    assert "overschreden" in text


def test_after_downtime_the_team_leads_are_told_but_not_pinged(balie: Balie) -> None:
    taken = balie.register(f"{GOLD_P1} Storing met eigenaar")
    untaken = balie.register(f"{GOLD_P1} Storing zonder eigenaar")
    balie.command(f"pak {taken}")  # meets its response clock; its resolution clock runs on
    balie.services.monitor.sweep()  # Balie runs ...
    at(balie, 2026, 11, 24, 18, 0)  # ... and then is down all afternoon
    result = balie.services.monitor.sweep()
    assert result.alerts and all(a.late for a in result.alerts)
    balie.drain()
    (line,) = posts(balie, "#balie-2e-lijn")
    (leads,) = posts(balie, "#balie-teamleads")
    # The line's channel calls whoever must act, as the live messages do ...
    assert f"<@{AGENT}>" in line and "<!subteam^S0LINE2>" in line
    # ... the team leads' channel, like a live breach there, pings nobody.
    assert taken in leads and untaken in leads
    assert "<@" not in leads and "<!" not in leads
    # Every row names the priority as the per-ticket messages do.
    assert line.count("P1 Kritiek") == 3 and leads.count("P1 Kritiek") == 3
    assert "P1)" not in line and "P1)" not in leads


def test_a_late_threshold_while_balie_runs_is_announced_live(balie: Balie) -> None:
    number = balie.register(f"{BRONZE_P4} Vraag")  # bronze P4: 9h response on office hours
    balie.drain()
    at(balie, 2026, 11, 24, 13, 59)
    assert balie.services.monitor.sweep().alerts == ()  # Balie runs and has caught up
    at(balie, 2026, 11, 24, 14, 0)
    # As a P1 the response was due at 11:00: three hours ago, but Balie did not miss it.
    balie.command(f"herclassificeer {number} type=incident impact=hoog urgentie=hoog")
    at(balie, 2026, 11, 24, 14, 0, 30)
    (alert,) = balie.services.monitor.sweep().alerts
    assert (alert.clock, alert.percent, alert.late) == ("response", 100, False)
    balie.drain()
    (line,) = posts(balie, "#balie-2e-lijn")
    assert "Terwijl Balie niet draaide" not in line and "overschreden" in line
    assert "<!subteam^S0LINE2>" in line
    (leads,) = posts(balie, "#balie-teamleads")
    assert "Terwijl Balie niet draaide" not in leads and "<!" not in leads


def test_downtime_is_told_by_the_last_sweep_not_by_the_clock(balie: Balie) -> None:
    number = balie.register(f"{GOLD_P1} Storing")
    at(balie, 2026, 11, 24, 10, 5)
    balie.services.monitor.sweep()  # the last sweep before Balie went down
    at(balie, 2026, 11, 24, 10, 30)  # back: the response deadline (10:15) passed meanwhile
    (alert,) = balie.services.monitor.sweep().alerts
    assert (alert.percent, alert.late) == (100, True)
    balie.drain()
    (line,) = posts(balie, "#balie-2e-lijn")
    assert "Terwijl Balie niet draaide" in line and number in line


def test_a_threshold_that_just_passed_is_live_even_after_downtime(balie: Balie) -> None:
    balie.register(f"{GOLD_P1} Storing")
    at(balie, 2026, 11, 24, 10, 0, 30)
    balie.services.monitor.sweep()
    # Down from 10:01 until 10:12; 75 % of the response clock came at 10:11:15, a moment
    # before the first sweep after the restart: the sweep interval, not the downtime.
    at(balie, 2026, 11, 24, 10, 12)
    (alert,) = balie.services.monitor.sweep().alerts
    assert (alert.percent, alert.late) == (75, False)


def test_a_backlog_after_downtime_stays_missed_until_the_monitor_caught_up(
    balie: Balie,
) -> None:
    for i in range(3):
        balie.register(f"{GOLD_P1} Storing {i}")
    balie.services.monitor.sweep()
    small = SlaMonitor(
        sessions=balie.services.sessions,
        policy=balie.services.policy,
        clock=balie.clock,
        sla=balie.services.monitor.sla,
        events=balie.services.events,
        batch=2,
    )
    at(balie, 2026, 11, 24, 18, 0)
    first = small.sweep()  # a full batch: more may be due, so it has not caught up
    assert first.due == 2 and all(a.late for a in first.alerts)
    balie.clock.advance(timedelta(seconds=30))
    second = small.sweep()  # the third ticket's thresholds passed while Balie was down too
    assert second.due == 1 and second.alerts and all(a.late for a in second.alerts)
    with balie.services.sessions() as s:
        assert sla_store.last_sweep(session=s) == amsterdam(2026, 11, 24, 18, 0, 30)


def test_closed_without_a_resolution_nothing_is_announced(balie: Balie) -> None:
    number = balie.register(f"{GOLD_P1} Dubbel gemeld")
    balie.command(f"sluit {number} dubbel")
    t = ticket(balie, number)
    assert (t.response_state, t.resolution_state) == ("cancelled", "cancelled")
    assert t.sla_next_check_at is None
    at(balie, 2026, 11, 24, 18, 0)
    assert balie.services.monitor.sweep().alerts == ()
