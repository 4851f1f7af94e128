"""`/rapport … csv`: the period's ticket rows as a CSV file in the requester's DM, uploaded
through files_upload_v2 once, also when Slack's answer to the last step was lost."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from bot.summaries import csv_export
from bot.summaries.figures import SummaryFigures
from bot.summaries.model import Period, Scope
from tests.conftest import AGENT, LEAD, Balie, amsterdam
from tests.fakes import slack_files

GOLD_P2 = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=midden'
BRONZE_P4 = "klant=CAFE contact=cor@cafe.example via=email type=question impact=laag urgentie=laag"


def day_of_two_tickets(balie: Balie) -> tuple[str, str]:
    balie.clock.set(amsterdam(2026, 11, 25, 10, 0))
    first = balie.register(f"{GOLD_P2} Printer weg")
    balie.clock.set(amsterdam(2026, 11, 25, 10, 20))
    balie.command(f"pak {first}", user=AGENT)
    balie.clock.set(amsterdam(2026, 11, 25, 11, 0))
    balie.command(f"los-op {first} Driver opnieuw", user=AGENT)
    balie.clock.set(amsterdam(2026, 11, 25, 15, 0))
    second = balie.register(f"{BRONZE_P4} =1+1 facturen")
    balie.clock.set(amsterdam(2026, 11, 25, 16, 0))
    balie.drain()
    balie.fake.clear()
    return first, second


def rows_of(content: bytes, delimiter: str = ";") -> list[list[str]]:
    assert content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter))


def test_the_csv_reaches_the_leads_dm_with_every_ticket_of_the_period(balie: Balie) -> None:
    first, second = day_of_two_tickets(balie)
    ack = balie.command("dag csv", user=LEAD, command="/rapport").json()["text"]
    assert ack == (
        ":page_facing_up: Ik zet de tickets van Dagoverzicht · hele desk · 25-11-2026 in een "
        "CSV-bestand en stuur het je in een privébericht."
    )
    assert balie.drain() == 1
    # (usergroups.users.list: the role check of the lead, who is in no group)
    assert [m for m in balie.fake.methods() if m != "usergroups.users.list"] == [
        "conversations.open",
        "files.getUploadURLExternal",
        "upload_url",
        "files.completeUploadExternal",
    ]
    (opened,) = balie.fake.calls_to("conversations.open")
    assert opened.args["users"] == LEAD
    dm = opened.response["channel"]["id"]  # type: ignore[index]
    (complete,) = balie.fake.calls_to("files.completeUploadExternal")
    assert complete.args["channel_id"] == dm
    (shared,) = slack_files.shared_files(balie.fake)
    assert shared["name"].startswith("balie-dag-2026-11-25-1600-desk-")
    assert shared["name"].endswith(".csv")
    assert shared["title"] == "Tickets · Dagoverzicht · hele desk · 25-11-2026"
    (message,) = balie.fake.messages_in(dm)
    assert message["text"] == "De tickets van Dagoverzicht · hele desk · 25-11-2026: 2 tickets."

    header, one, two = rows_of(shared["content"])
    assert header[:4] == ["nummer", "klant", "klantnaam", "tier"]
    assert header[-4:] == [
        "status oplostermijn",
        "oplossing uiterlijk",
        "oplossing overschreden op",
        "minuten tot oplossing",
    ]
    row = dict(zip(header, one, strict=True))
    assert (row["nummer"], row["klant"], row["klantnaam"]) == (first, "ACME", "Acme Logistiek B.V.")
    assert (row["tier"], row["prioriteit"], row["lijn"]) == ("Goud", "P2", "2e lijn")
    assert (row["aangemaakt"], row["eerste reactie"], row["opgelost"]) == (
        "2026-11-25 10:00",
        "2026-11-25 10:20",
        "2026-11-25 11:00",
    )
    # Gold P2 on business time: 20 minutes to the response (due 10:30), an hour to the resolve.
    assert (row["status reactietermijn"], row["reactie uiterlijk"], row["minuten tot reactie"]) == (
        "gehaald",
        "2026-11-25 10:30",
        "20",
    )
    assert (row["status oplostermijn"], row["minuten tot oplossing"]) == ("gehaald", "60")
    other = dict(zip(header, two, strict=True))
    assert other["nummer"] == second
    # A subject that reads as a formula is quoted, so a spreadsheet shows it as text.
    assert other["onderwerp"] == "'=1+1 facturen"
    assert (other["status reactietermijn"], other["minuten tot reactie"]) == ("loopt", "")


def test_an_upload_whose_answer_was_lost_is_looked_for_and_not_sent_twice(balie: Balie) -> None:
    day_of_two_tickets(balie)
    balie.command("dag csv", user=LEAD, command="/rapport")
    # Slack says internal_error on the last step: it may or may not have shared the file.
    balie.fake.error("files.completeUploadExternal", "internal_error")
    balie.drain()
    assert slack_files.shared_files(balie.fake) == []
    balie.clock.advance(timedelta(minutes=5))
    balie.drain()
    # The retry looked in the DM first (files.list), found nothing, and uploaded once.
    assert "files.list" in balie.fake.methods()
    assert len(slack_files.shared_files(balie.fake)) == 1
    balie.clock.advance(timedelta(minutes=5))
    assert balie.drain() == 0
    assert len(slack_files.shared_files(balie.fake)) == 1


def test_an_agent_gets_no_csv(balie: Balie) -> None:
    day_of_two_tickets(balie)
    ack = balie.command("dag csv", user=AGENT, command="/rapport").json()["text"]
    assert ack.startswith("Dat mag alleen voor")
    balie.drain()
    assert balie.fake.calls_to("conversations.open") == []
    assert slack_files.shared_files(balie.fake) == []


def test_in_english_the_csv_has_commas_and_english_words(balie: Balie) -> None:
    first, _ = day_of_two_tickets(balie)
    s = balie.services
    rows = SummaryFigures(readers=s.readers, policy=s.policy, clock=balie.clock).rows(
        period=Period(amsterdam(2026, 11, 25, 0, 0), amsterdam(2026, 11, 26, 0, 0)), scope=Scope()
    )
    header, one, _ = rows_of(csv_export.to_csv(rows, s.policy, "en"), delimiter=",")
    row = dict(zip(header, one, strict=True))
    assert (row["number"], row["tier"], row["line"], row["response clock"]) == (
        first,
        "Gold",
        "2nd line",
        "met",
    )
