"""`/rapport` through signed slash commands: team leads and admins get the summary of now (or
of the last complete period) as an ephemeral reply after the ack; anyone else, and any bad
input, gets a clear refusal and nothing is queued."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.policy import load_policy
from bot.summaries.model import Period, SummaryKind
from bot.summaries.on_demand import period_for
from tests.conftest import ADMIN, AGENT, LEAD, Balie, amsterdam
from tests.fakes.slack_api import iter_blocks_text

GOLD_P2 = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=midden'
BRONZE_P4 = "klant=CAFE contact=cor@cafe.example via=email type=question impact=laag urgentie=laag"
AMS = ZoneInfo("Europe/Amsterdam")
CALENDAR = load_policy().calendar


def rapport(balie: Balie, text: str, user: str = LEAD) -> str:
    response = balie.command(text, user=user, command="/rapport")
    assert response.status == 200, response.body
    body = response.json()
    assert body["response_type"] == "ephemeral"
    return str(body["text"])


def replies(balie: Balie) -> list[dict[str, Any]]:
    return [c.args for c in balie.fake.calls_to("response_url")]


def outbox_rows(balie: Balie) -> int:
    from sqlalchemy import text

    with balie.services.readers() as session:
        return int(session.execute(text("SELECT count(*) FROM outbox")).scalar_one())


def test_a_lead_gets_today_so_far_after_the_ack(balie: Balie) -> None:
    # Tuesday 24-11-2026: two new tickets in the morning, one resolved.
    balie.clock.set(amsterdam(2026, 11, 24, 9, 0))
    first = balie.register(f"{GOLD_P2} Printer weg")
    balie.clock.set(amsterdam(2026, 11, 24, 9, 10))
    balie.command(f"los-op {first} Driver opnieuw", user=AGENT)
    balie.clock.set(amsterdam(2026, 11, 24, 10, 0))
    balie.register(f"{BRONZE_P4} Vraag <!channel> over facturen")
    balie.clock.set(amsterdam(2026, 11, 24, 15, 0))
    balie.drain()
    balie.fake.clear()

    ack = rapport(balie, "")
    assert ack == (
        ":bar_chart: Ik maak Dagoverzicht · hele desk · 24-11-2026 voor je klaar; "
        "je ziet het zo hieronder."
    )
    assert balie.drain() >= 1
    (reply,) = replies(balie)
    assert reply["response_type"] == "ephemeral"
    assert reply["text"].startswith(
        "Dagoverzicht · hele desk · 24-11-2026: 1 open, 2 nieuw, 1 opgelost"
    )
    texts = list(iter_blocks_text(reply["blocks"]))
    assert texts[0] == "Dagoverzicht · hele desk · 24-11-2026"
    # Today from midnight until now (15:00), against Monday until 15:00, which had nothing.
    assert texts[1] == (
        "24-11-2026 00:00 – 24-11-2026 15:00 · tussen haakjes het verschil met "
        "23-11-2026 00:00 – 23-11-2026 15:00"
    )
    assert "*Nieuw*\n2 (+2)" in texts
    assert "*Opgelost*\n1 (+1)" in texts
    assert not any(b["type"] == "image" for b in reply["blocks"])
    assert "<!channel>" not in str(reply["blocks"])


def test_the_last_month_of_one_customer_for_an_admin_in_english_words(balie: Balie) -> None:
    balie.clock.set(amsterdam(2026, 11, 24, 9, 0))
    ack = rapport(balie, "month previous customer=acme", user=ADMIN)
    assert "Maandoverzicht · klant ACME · oktober 2026" in ack
    balie.drain()
    (reply,) = replies(balie)
    assert reply["blocks"][0]["text"]["text"] == "Maandoverzicht · klant ACME · oktober 2026"
    assert "01-10-2026 00:00 – 01-11-2026 00:00" in reply["blocks"][1]["elements"][0]["text"]


def test_a_week_of_one_line(balie: Balie) -> None:
    balie.clock.set(amsterdam(2026, 11, 26, 11, 0))  # Thursday
    ack = rapport(balie, "week lijn=2")
    assert "Weekoverzicht · 2e lijn · week 48 (23-11-2026 t/m 26-11-2026)" in ack
    balie.drain()
    (reply,) = replies(balie)
    fields = [f["text"] for b in reply["blocks"] for f in b.get("fields", [])]
    assert not any(f.startswith("*Open per lijn*") for f in fields)


def test_an_agent_is_refused_and_nothing_is_queued(balie: Balie) -> None:
    before = outbox_rows(balie)
    ack = rapport(balie, "week", user=AGENT)
    assert ack.startswith("Dat mag alleen voor")
    assert "teamleider" in ack
    assert outbox_rows(balie) == before
    balie.drain()
    assert replies(balie) == []


def test_every_problem_at_once_and_nothing_queued(balie: Balie) -> None:
    before = outbox_rows(balie)
    ack = rapport(balie, "jaar dag week lijn=9 klant=a.b!")
    assert "'jaar' begrijpt Balie hier niet" in ack
    assert "kies één periode, niet zowel dag als week" in ack
    assert "lijn: '9' kan niet" in ack
    assert "'a.b!' is geen klantcode (letters, cijfers, - en _)" in ack
    assert outbox_rows(balie) == before


def test_an_unknown_customer_is_named(balie: Balie) -> None:
    ack = rapport(balie, "klant=NIEMAND")
    assert ack == "Klant NIEMAND bestaat niet."


def test_help_lists_the_words(balie: Balie) -> None:
    ack = rapport(balie, "help")
    assert "`/rapport week`" in ack and "`csv`" in ack
    assert ack.startswith(
        "*/rapport* toont het overzicht van de desk, alleen zichtbaar voor jou "
        "(voor teamleiders en beheerders):"
    )
    assert "dezelfde uren van de vorige werkdag, hetzelfde deel van de vorige week" in ack


def test_the_periods_on_demand() -> None:
    monday = amsterdam(2026, 11, 30, 10, 0)
    # So far: from midnight, from Monday, from the first.
    assert period_for(SummaryKind.DAY, previous=False, now=monday, calendar=CALENDAR, tz=AMS) == (
        Period(amsterdam(2026, 11, 30, 0, 0), monday)
    )
    thursday = amsterdam(2026, 12, 3, 16, 0)
    assert period_for(
        SummaryKind.WEEK, previous=False, now=thursday, calendar=CALENDAR, tz=AMS
    ) == Period(amsterdam(2026, 11, 30, 0, 0), thursday)
    assert period_for(
        SummaryKind.MONTH, previous=False, now=thursday, calendar=CALENDAR, tz=AMS
    ) == Period(amsterdam(2026, 12, 1, 0, 0), thursday)
    # The last complete day is the last business day: Friday before a Monday ...
    assert period_for(SummaryKind.DAY, previous=True, now=monday, calendar=CALENDAR, tz=AMS) == (
        Period(amsterdam(2026, 11, 27, 0, 0), amsterdam(2026, 11, 28, 0, 0))
    )
    # ... and Thursday 24 December after Christmas (Friday 25, Saturday 26) and the weekend.
    after_christmas = amsterdam(2026, 12, 28, 9, 0)
    assert period_for(
        SummaryKind.DAY, previous=True, now=after_christmas, calendar=CALENDAR, tz=AMS
    ) == Period(amsterdam(2026, 12, 24, 0, 0), amsterdam(2026, 12, 25, 0, 0))
    assert period_for(
        SummaryKind.WEEK, previous=True, now=thursday, calendar=CALENDAR, tz=AMS
    ) == Period(amsterdam(2026, 11, 23, 0, 0), amsterdam(2026, 11, 30, 0, 0))
    # The month across the change to winter time: 1 October 00:00 CEST to 1 November CET.
    october = period_for(
        SummaryKind.MONTH,
        previous=True,
        now=amsterdam(2026, 11, 2, 9, 0),
        calendar=CALENDAR,
        tz=AMS,
    )
    assert october == Period(amsterdam(2026, 10, 1, 0, 0), amsterdam(2026, 11, 1, 0, 0))
    assert october.length == timedelta(days=31, hours=1)
