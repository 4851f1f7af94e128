"""Whole nights with the injected clock, as production runs them: the rota set by a team lead
with `/waakdienst`, tickets registered with `/ticket`, the worker's periodic jobs (the desk's
handovers, the page lane, the outbox), Slack and Twilio faked at their HTTP boundary."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest

from bot.blocks.ids import ActionId
from tests.conftest import AGENT, Database, amsterdam
from tests.fakes.slack_api import FakeSlack
from tests.fakes.smtp import SmtpServer
from tests.oncall.chain_support import (
    BACKUP,
    LEADS_CHANNEL,
    PHONES,
    PRIMARY,
    Night,
    start_night,
)

LINE2, LINE3 = "#balie-2e-lijn", "#balie-3e-lijn"


def starting(database: Database, fake: FakeSlack, smtp: SmtpServer, *when: int) -> Iterator[Night]:
    return start_night(database, fake, smtp, start=amsterdam(*when), staffed=False)


@pytest.fixture
def weekday(database: Database, fake_slack: FakeSlack, smtp: SmtpServer) -> Iterator[Night]:
    yield from starting(database, fake_slack, smtp, 2026, 11, 24, 10, 0)  # a Tuesday


@pytest.fixture
def friday(database: Database, fake_slack: FakeSlack, smtp: SmtpServer) -> Iterator[Night]:
    yield from starting(database, fake_slack, smtp, 2026, 11, 27, 10, 0)


@pytest.fixture
def easter(database: Database, fake_slack: FakeSlack, smtp: SmtpServer) -> Iterator[Night]:
    yield from starting(database, fake_slack, smtp, 2027, 3, 25, 10, 0)  # Maundy Thursday


def lead_sets_the_rota(n: Night) -> None:
    assert n.waak(f"rotatie primair <@{PRIMARY}>").startswith("Rotatie primair:")
    # "reserve" is still understood; Balie calls it the achterwacht.
    assert n.waak(f"rotatie reserve <@{BACKUP}>").startswith("Rotatie achterwacht:")
    n.phone(PRIMARY, "06-1234 5001")  # as people type it: stored as +31612345001
    n.phone(BACKUP, "+31 6 1234 5002")


def test_a_weekday_evening_1729_and_1731_through_to_the_team_leads(weekday: Night) -> None:
    n = weekday
    lead_sets_the_rota(n)
    n.at(2026, 11, 24, 17, 29)
    early = n.ticket("Magazijn ligt stil")
    n.tick()
    assert n.chains() == 0 and n.notifications() == 0  # the desk still has it

    n.walk((2026, 11, 24, 17, 30))  # the end of office hours: the desk hands over
    (handover,) = n.posts(LEADS_CHANNEL)
    assert "Einde kantoortijd (24-11-2026 17:30)" in handover and early in handover
    assert len(n.pages_to(PRIMARY, early)) == 1
    n.press(ActionId.PAGE_ACK, early, PRIMARY)  # the engineer takes it

    n.at(2026, 11, 24, 17, 31)
    late = n.ticket("Koelcel alarm")
    n.tick()
    (dm,) = n.pages_to(PRIMARY, late)
    blocks = str(dm["blocks"])
    for button in ("Accepteren", "Escaleren", "Oplossen"):
        assert button in blocks, button
    rung = n.calls(PHONES[PRIMARY])
    assert len(rung) == 2  # the handed-over ticket's page, then this one
    say = ET.fromstring(rung[-1]["params"]["Twiml"]).find(".//Gather/Say")
    assert say is not None and say.get("language") == "nl-NL"
    assert late in n.texts(PHONES[PRIMARY])[-1]["params"]["Body"]

    # Nobody accepts: pages 2 and 3 at +5 and +10 minutes, the backup at +15, the leads at +20.
    expected = {
        (17, 35): (1, 0, 0),
        (17, 36): (2, 0, 0),
        (17, 40): (2, 0, 0),
        (17, 41): (3, 0, 0),
        (17, 46): (3, 1, 0),
        (17, 50): (3, 1, 0),
        (17, 51): (3, 1, 1),
        (17, 59): (3, 1, 1),
    }
    for (hour, minute), counts in expected.items():
        n.walk((2026, 11, 24, hour, minute))
        leads = [p for p in n.leads_pages() if late in str(p["blocks"])]
        seen = (len(n.pages_to(PRIMARY, late)), len(n.pages_to(BACKUP, late)), len(leads))
        assert seen == counts, (hour, minute)
    assert [c["to"] for c in n.calls()] == [PHONES[PRIMARY]] * 4 + [PHONES[BACKUP]]
    assert len(n.pages_to(PRIMARY, early)) == 1  # the accepted one was never paged again
    # The team leads had their wait too (17:51-17:56): nobody took it, so the chain ended, and
    # a later page of the ticket would start a chain of its own.
    chain = n.chain(late)
    assert (chain.state, chain.ended_why, chain.next_due_at) == ("ended", "exhausted", None)
    assert any("ook de teamleiders niet" in t for t in n.thread())


def test_friday_evening_through_monday_0830_hands_back_per_line(friday: Night) -> None:
    n = friday
    lead_sets_the_rota(n)
    handed = n.ticket("Magazijn ligt stil")  # Friday 10:00: the desk has it
    n.walk((2026, 11, 27, 17, 30))
    assert len(n.pages_to(PRIMARY, handed)) == 1
    assert "geaccepteerd" in n.waak(f"accepteer {handed}", user=PRIMARY)
    n.at(2026, 11, 27, 18, 0)
    n.resolve(handed, user=AGENT)

    # Saturday night: a new one, which the engineer accepts and the desk sends to the 3rd line.
    n.at(2026, 11, 28, 3, 0)
    night = n.ticket("Netwerk weg")
    n.tick()
    assert len(n.pages_to(PRIMARY, night)) == 1
    n.press(ActionId.PAGE_ACK, night, PRIMARY)
    reply = n.balie.command(f"escaleer {night} Kernswitch defect, netwerkbeheer nodig")
    assert reply.status == 200
    n.tick()
    n.at(2026, 11, 28, 3, 20)
    n.resolve(night)

    n.walk((2026, 11, 29, 12, 0))
    # Monday before the desk opens: one the engineer accepts and is still working on at 08:30.
    n.at(2026, 11, 30, 8, 10)
    working = n.ticket("Kassa's offline")
    n.tick()
    n.press(ActionId.PAGE_ACK, working, PRIMARY)
    n.walk((2026, 11, 30, 8, 29))
    assert n.posts(LINE2) == [] and n.posts(LINE3) == []
    n.walk((2026, 11, 30, 8, 30))
    (line2,) = n.posts(LINE2)
    (line3,) = n.posts(LINE3)
    assert line2.startswith(
        ":sunrise: Goedemorgen, 2e lijn. Sinds 27-11-2026 17:30 lagen deze 2 tickets"
    )
    assert handed in line2 and night not in line2
    # The handback read the night's page events before the opening ended the chain: the one
    # still open says who accepted it, and the desk has it now.
    (row,) = [r for r in line2.splitlines() if working in r]
    assert f"geaccepteerd door <@{PRIMARY}>" in row and "staat nog open" in row, row
    assert (n.chain(working).state, n.chain(working).ended_why) == ("ended", "office_start")
    assert any("servicedesk is weer open" in t for t in n.thread())
    sent = n.notifications()
    assert line3.startswith(":sunrise: Goedemorgen, 3e lijn. Sinds 27-11-2026 17:30 lag dit")
    assert night in line3 and handed not in line3
    n.walk((2026, 11, 30, 8, 45), (2026, 11, 30, 9, 0), (2026, 11, 30, 12, 0))
    assert len(n.posts(LINE2)) == 1 and len(n.posts(LINE3)) == 1  # once
    assert n.notifications() == sent  # no stall reminder, no new round in office hours


def test_easter_monday_is_closed_and_good_friday_is_open(easter: Night) -> None:
    n = easter
    lead_sets_the_rota(n)
    n.at(2027, 3, 26, 11, 0)  # Good Friday: open by default
    friday = n.ticket("Storing op Goede Vrijdag")
    n.tick()
    assert n.chains() == 0 and n.notifications() == 0
    n.walk((2027, 3, 26, 17, 30))  # the desk closes at 17:30 as on any Friday
    assert len(n.pages_to(PRIMARY, friday)) == 1
    n.resolve(friday)

    n.at(2027, 3, 29, 11, 0)  # Easter Monday: closed, the waakdienst has the whole day
    monday = n.ticket("Storing op tweede paasdag")
    n.tick()
    assert len(n.pages_to(PRIMARY, monday)) == 1
    assert [c["to"] for c in n.calls()] == [PHONES[PRIMARY]] * 2
    n.resolve(monday)
    assert n.posts("#balie-2e-lijn") == []  # no desk opened on Easter Monday

    n.walk((2027, 3, 30, 8, 30))  # the desk opens on Tuesday: one handback for the weekend
    (handback,) = n.posts("#balie-2e-lijn")
    assert "Sinds 26-03-2027 17:30" in handback
    assert friday in handback and monday in handback
