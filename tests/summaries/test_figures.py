"""Every figure of a summary against a hand-computed value, on one fixed data set built through
Balie itself: tickets registered and worked with /ticket over signed requests, the SLA monitor
sweeping, and the waakdienst paged at night and answering with its button, all with the clock
moved. The data set spans the Christmas week of 2026: Thursday 24 December is a normal day,
Friday 25 (Christmas) and the weekend are closed, so Monday 28 is the next business day. It has
a pause (wacht), a reopen, a ticket closed as a duplicate (its clocks cancelled), a met-late
response, breaches, 24x7 and business clocks, and two night pages.

Business days are 08:30-17:30 (9 h). The tickets (numbers in registration order):

  T0 CAFE bronze P4 request, line 1   Mon 30 Nov 10:00, taken 11:00; open; resolution (90 h)
                                      breaches Mon 14 Dec 10:00
  T1 BAKKER silver P3 request, line 1 Mon 14 Dec 10:00, taken 10:30, resolved Tue 15 10:00
  T2 CAFE bronze P4 question, line 1  Wed 16 Dec 09:00, taken Thu 17 10:00 (response 9 h:
                                      late, breached Thu 17 09:00), resolved Tue 22 Dec 11:00
  A  ACME gold P3 question, line 1    Mon 21 Dec 09:00, taken 09:15, wacht 10:00, hervat
                                      Tue 22 10:00, resolved Tue 22 12:00
  B  BAKKER silver P4 question, l. 1  Mon 21 Dec 14:00, taken 14:30, resolved Tue 22 09:30,
                                      reopened Wed 23 10:00, resolved Wed 23 11:00
  C  CAFE bronze P3 request, line 1   Tue 22 Dec 10:00, closed as a duplicate 11:00
  D  BAKKER silver P2 incident, l. 2  Wed 23 Dec 16:00 (response 1 h: breached 17:00), taken
                                      Thu 24 09:00; open
  G  BAKKER silver P2 request, line 1 Thu 24 Dec 15:00, taken 15:30; open
  H  ACME gold P3 question, line 1    Thu 24 Dec 16:00; open; 75 % of its 2 h response is
                                      reached at 17:30, the monitor warns then
  E  ACME gold P1 incident, line 2    Thu 24 Dec 20:00 (24x7), paged, acknowledged 20:05,
                                      taken 20:10, resolved 20:30
  F  ACME gold P2 incident, line 2    Sat 26 Dec 11:00, paged, acknowledged 11:02, taken
                                      11:03, resolved 11:20
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from bot.blocks.ids import ActionId
from bot.errors import NotFound
from bot.summaries.figures import SummaryFigures
from bot.summaries.model import (
    ClockCounts,
    CustomerCount,
    Day,
    Durations,
    PageLine,
    Period,
    Scope,
    Summary,
    SummaryKind,
    TicketLine,
)
from tests.conftest import AGENT, Database, amsterdam
from tests.fakes.slack_api import FakeSlack
from tests.fakes.smtp import SmtpServer
from tests.oncall.chain_support import PRIMARY, Night, start_night

ACME = 'klant=ACME contact="Jan Jansen" via=telefoon'
BAKKER = 'klant=BAKKER contact="Bert Bakker" via=telefoon'
CAFE = "klant=CAFE contact=cor@cafe.example via=email"
ACME_NAME, BAKKER_NAME, CAFE_NAME = "Acme Logistiek B.V.", "Bakkerij Brood & Co", "Café De Hoek"
# The week before Monday 28 December, and the week before that.
WEEK = Period(amsterdam(2026, 12, 21, 0, 0), amsterdam(2026, 12, 28, 0, 0))
MET = ClockCounts(met=1)


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


@dataclass
class Desk:
    night: Night
    numbers: dict[str, str]

    @property
    def figures(self) -> SummaryFigures:
        s = self.night.balie.services
        return SummaryFigures(readers=s.readers, policy=s.policy, clock=s.clock)

    def summary(self, kind: SummaryKind, period: Period, scope: Scope | None = None) -> Summary:
        return self.figures.summary(kind=kind, period=period, scope=scope or Scope())


def act(n: Night, when: tuple[int, ...], text: str) -> None:
    n.at(*when)
    response = n.balie.command(text, user=AGENT)
    assert response.status == 200, response.body
    assert response.json()["response_type"] == "ephemeral"
    n.run()


def register(n: Night, when: tuple[int, ...], who: str, fields: str, subject: str) -> str:
    n.at(*when)
    return n.ticket(subject, f"{who} {fields}")


def build(n: Night) -> dict[str, str]:
    t: dict[str, str] = {}
    t["T0"] = register(
        n, (2026, 11, 30, 10, 0), CAFE, "type=request impact=midden urgentie=laag", "Oude vraag"
    )
    act(n, (2026, 11, 30, 11, 0), f"pak {t['T0']}")
    t["T1"] = register(
        n, (2026, 12, 14, 10, 0), BAKKER, "type=request impact=midden urgentie=midden", "Account"
    )
    act(n, (2026, 12, 14, 10, 30), f"pak {t['T1']}")
    act(n, (2026, 12, 15, 10, 0), f"los-op {t['T1']} Account aangemaakt")
    t["T2"] = register(
        n, (2026, 12, 16, 9, 0), CAFE, "type=question impact=laag urgentie=laag", "Kassabon"
    )
    act(n, (2026, 12, 17, 10, 0), f"pak {t['T2']}")
    # The Christmas week.
    t["A"] = register(
        n, (2026, 12, 21, 9, 0), ACME, "type=question impact=laag urgentie=hoog", "Rapportage"
    )
    act(n, (2026, 12, 21, 9, 15), f"pak {t['A']}")
    act(n, (2026, 12, 21, 10, 0), f"wacht {t['A']} Graag de logbestanden")
    t["B"] = register(
        n, (2026, 12, 21, 14, 0), BAKKER, "type=question impact=laag urgentie=laag", "Wachtwoord"
    )
    act(n, (2026, 12, 21, 14, 30), f"pak {t['B']}")
    act(n, (2026, 12, 22, 9, 30), f"los-op {t['B']} Wachtwoord gereset")
    t["C"] = register(
        n, (2026, 12, 22, 10, 0), CAFE, "type=request impact=midden urgentie=midden", "Scanner"
    )
    act(n, (2026, 12, 22, 10, 0), f"hervat {t['A']} Logbestanden ontvangen")
    act(n, (2026, 12, 22, 11, 0), f"los-op {t['T2']} Uitgelegd")
    act(n, (2026, 12, 22, 11, 0), f"sluit {t['C']} dubbel")
    act(n, (2026, 12, 22, 12, 0), f"los-op {t['A']} Rapport hersteld")
    act(n, (2026, 12, 23, 10, 0), f"heropen {t['B']} Werkt nog steeds niet")
    act(n, (2026, 12, 23, 11, 0), f"los-op {t['B']} Account ontgrendeld")
    t["D"] = register(
        n, (2026, 12, 23, 16, 0), BAKKER, "type=incident impact=hoog urgentie=midden", "Oven uit"
    )
    n.at(2026, 12, 23, 17, 1)
    n.s.monitor.sweep()  # D's response breached at 17:00
    act(n, (2026, 12, 24, 9, 0), f"pak {t['D']}")
    t["G"] = register(
        n, (2026, 12, 24, 15, 0), BAKKER, "type=request impact=hoog urgentie=midden", "Bestelling"
    )
    act(n, (2026, 12, 24, 15, 30), f"pak {t['G']}")
    t["H"] = register(
        n, (2026, 12, 24, 16, 0), ACME, "type=question impact=laag urgentie=hoog", "Export"
    )
    n.at(2026, 12, 24, 17, 30)
    n.s.monitor.sweep()  # H: 75 % of its response time
    n.tick()
    # Christmas Eve, after hours: a critical incident pages the waakdienst.
    t["E"] = register(
        n, (2026, 12, 24, 20, 0), ACME, "type=incident impact=hoog urgentie=hoog", "WMS plat"
    )
    n.tick()
    n.at(2026, 12, 24, 20, 5)
    n.press(ActionId.PAGE_ACK, t["E"], PRIMARY)
    act(n, (2026, 12, 24, 20, 10), f"pak {t['E']}")
    act(n, (2026, 12, 24, 20, 30), f"los-op {t['E']} Server herstart")
    # Saturday: a high incident pages again.
    t["F"] = register(
        n, (2026, 12, 26, 11, 0), ACME, "type=incident impact=hoog urgentie=midden", "Scanners"
    )
    n.tick()
    n.at(2026, 12, 26, 11, 2)
    n.press(ActionId.PAGE_ACK, t["F"], PRIMARY)
    act(n, (2026, 12, 26, 11, 3), f"pak {t['F']}")
    act(n, (2026, 12, 26, 11, 20), f"los-op {t['F']} Accesspoint vervangen")
    # Monday 28 December, 08:30: the weekly summary is read.
    n.at(2026, 12, 28, 8, 30)
    return t


@pytest.fixture
def desk(database: Database, fake_slack: FakeSlack, smtp: SmtpServer) -> Iterator[Desk]:
    for night in start_night(database, fake_slack, smtp, start=amsterdam(2026, 11, 30, 9, 0)):
        yield Desk(night, build(night))


def test_the_week_of_christmas_and_the_week_before(desk: Desk) -> None:
    t = desk.numbers
    summary = desk.summary(SummaryKind.WEEK, WEEK)
    assert (summary.kind, summary.scope, summary.period) == (SummaryKind.WEEK, Scope(), WEEK)
    now = summary.current

    # Open at Monday 00:00: T0 (P4, line 1), D (P2, line 2), G (P2, line 1), H (P3, line 1).
    assert now.open_by_priority == {"P1": 0, "P2": 2, "P3": 1, "P4": 1}
    assert now.open_by_line == {1: 3, 2: 1, 3: 0}
    assert now.open_total == 4
    # New: A, B, C, D, G, H, E, F. Resolved: T2, A, B (twice, counted once), E, F; C was
    # closed as a duplicate, which is no resolve. Reopened: B.
    assert (now.new, now.resolved, now.reopened) == (8, 5, 1)
    # Breached this week: D's response (Wed 17:00). T2's late response breached the week
    # before (Thu 17 09:00) and T0's resolution on Mon 14 Dec: not again now.
    assert now.breached == {"response": 1, "resolution": 0}
    # At risk: H, warned at 75 % on Thursday 17:30; its deadline is Monday 09:00 (0.5 h of
    # business time left after Christmas and the weekend). D is breached, G not warned yet.
    assert now.at_risk == {"response": 1, "resolution": 0}

    # Compliance: each clock counted in the week it was decided.
    # gold: A, E, F met both clocks; H is undecided.
    # silver: B met both; G's response met; D's response breached.
    # bronze: C's clocks cancelled; T2's resolution met (its response was decided last week).
    assert now.compliance == {
        "gold": {"response": ClockCounts(met=3), "resolution": ClockCounts(met=3)},
        "silver": {"response": ClockCounts(met=2, breached=1), "resolution": MET},
        "bronze": {
            "response": ClockCounts(cancelled=1),
            "resolution": ClockCounts(met=1, cancelled=1),
        },
    }
    assert now.compliance_by_customer == {
        "ACME": {"response": ClockCounts(met=3), "resolution": ClockCounts(met=3)},
        "BAKKER": {"response": ClockCounts(met=2, breached=1), "resolution": MET},
        "CAFE": {
            "response": ClockCounts(cancelled=1),
            "resolution": ClockCounts(met=1, cancelled=1),
        },
    }

    # Time to first response, counted by each clock (business time; E's 24x7):
    #   F 0 (Saturday: no business time), E 10 min (20:00-20:10, clock time), A 15 min,
    #   B 30 min, G 30 min, D 2 h (Wed 16:00-17:30 and Thu 08:30-09:00; met late).
    # Sorted 0, 10, 15, 30, 30, 120 minutes. Median: rank (6-1)*0.5 = 2.5, halfway between
    # 15 and 30 = 22.5 min. 90th percentile: rank 4.5, halfway between 30 and 120 = 75 min.
    assert now.response_time == Durations(6, minutes(22.5), minutes(75))
    # Time to resolution:
    #   F 0; E 30 min (24x7); A 3 h (Mon 09:00-10:00, then paused until Tue 10:00, then
    #   10:00-12:00: the 9 business hours waiting on the customer do not count); B 5.5 h
    #   (Mon 14:00-17:30 and Tue 08:30-09:30, then reopened Wed 10:00-11:00: the time it was
    #   resolved does not count); T2 38 h (Wed 16 8.5 h, Thu 9, Fri 9, Mon 21 9, Tue 22 2.5).
    # Sorted 0, 30 min, 3 h, 5.5 h, 38 h. Median (rank 2): 3 h. 90th percentile: rank 3.6,
    # 5.5 h + 0.6 * (38 h - 5.5 h) = 5.5 h + 19.5 h = 25 h.
    assert now.resolution_time == Durations(5, timedelta(hours=3), timedelta(hours=25))

    # Backlog age at Monday 00:00, in business days of 9 h:
    #   T0 since Mon 30 Nov 10:00: 7.5 + 4*9 + 5*9 + 5*9 + 4*9 (Christmas closed) = 169.5 h,
    #   18.8 days; D since Wed 16:00: 1.5 + 9 = 10.5 h, 1.2 days; G 2.5 h; H 1.5 h.
    assert now.backlog_age == {"lt1": 2, "1to3": 1, "3to5": 0, "5to10": 0, "ge10": 1}
    # New tickets per customer: ACME A, H, E, F; BAKKER B, D, G; CAFE C.
    assert now.top_customers == (
        CustomerCount("ACME", ACME_NAME, 4),
        CustomerCount("BAKKER", BAKKER_NAME, 3),
        CustomerCount("CAFE", CAFE_NAME, 1),
    )
    # Two pages after hours (Christmas Eve 20:00, Saturday 11:00), both taken by PRIMARY.
    assert now.pages_by_engineer == {PRIMARY: (2, 2)}

    # Day by day. Backlog at each day's end:
    #   Mon 21: T0, T2, A, B = 4          Tue 22: T0 (T2, A resolved; B resolved, C closed) = 1
    #   Wed 23: T0, D = 2 (B reopened and resolved again)
    #   Thu 24: T0, D, G, H = 4 (E came and went)   Fri 25 - Sun 27: 4 (F came and went)
    # Resolved per day: Tue T2, A, B; Wed B again; Thu E; Sat F. Breaches: Wed D's response.
    assert now.days == (
        Day(date(2026, 12, 21), backlog=4, new=2, resolved=0, breaches=0),
        Day(date(2026, 12, 22), backlog=1, new=1, resolved=3, breaches=0),
        Day(date(2026, 12, 23), backlog=2, new=1, resolved=1, breaches=1),
        Day(date(2026, 12, 24), backlog=4, new=3, resolved=1, breaches=0),
        Day(date(2026, 12, 25), backlog=4, new=0, resolved=0, breaches=0),
        Day(date(2026, 12, 26), backlog=4, new=1, resolved=1, breaches=0),
        Day(date(2026, 12, 27), backlog=4, new=0, resolved=0, breaches=0),
    )
    assert [x.number for x in now.new_tickets] == [t[k] for k in "ABCDGHEF"]
    assert now.new_tickets[0] == TicketLine(t["A"], ACME_NAME, "P3", "Rapportage")
    assert now.breaches == (TicketLine(t["D"], BAKKER_NAME, "P2", "Oven uit", "response"),)
    assert now.pages == (
        PageLine(t["E"], ACME_NAME, "P1", amsterdam(2026, 12, 24, 20, 0), (PRIMARY,), PRIMARY),
        PageLine(t["F"], ACME_NAME, "P2", amsterdam(2026, 12, 26, 11, 0), (PRIMARY,), PRIMARY),
    )

    # The week before, 14-21 December.
    before = summary.previous
    # Open at Monday 21 00:00: T0 and T2, both P4 on line 1.
    assert before.open_by_priority == {"P1": 0, "P2": 0, "P3": 0, "P4": 2}
    assert before.open_by_line == {1: 2, 2: 0, 3: 0}
    assert (before.new, before.resolved, before.reopened) == (2, 1, 0)  # T1, T2; T1
    assert before.breached == {"response": 1, "resolution": 1}  # T2's response, T0's resol.
    # T0 was warned only on 24 December (the monitor's first look since it broke).
    assert before.at_risk == {"response": 0, "resolution": 0}
    assert before.compliance == {
        "gold": {"response": ClockCounts(), "resolution": ClockCounts()},
        "silver": {"response": MET, "resolution": MET},
        "bronze": {"response": ClockCounts(breached=1), "resolution": ClockCounts(breached=1)},
    }
    assert before.compliance_by_customer == {
        "BAKKER": {"response": MET, "resolution": MET},
        "CAFE": {"response": ClockCounts(breached=1), "resolution": ClockCounts(breached=1)},
    }
    # Responses: T1 30 min, T2 10 h (Wed 16 09:00-17:30, Thu 08:30-10:00). Median: halfway,
    # 5 h 15 min; 90th percentile: 30 min + 0.9 * 9.5 h = 30 min + 8 h 33 min = 9 h 3 min.
    assert before.response_time == Durations(2, minutes(315), minutes(543))
    # Resolution: T1 9 h (Mon 14 10:00-17:30, Tue 08:30-10:00).
    assert before.resolution_time == Durations(1, timedelta(hours=9), timedelta(hours=9))
    # T0: 7.5 + 36 + 45 + 45 = 133.5 h, 14.8 days; T2: 8.5 + 9 + 9 = 26.5 h, 2.9 days.
    assert before.backlog_age == {"lt1": 0, "1to3": 1, "3to5": 0, "5to10": 0, "ge10": 1}
    assert before.top_customers == (
        CustomerCount("BAKKER", BAKKER_NAME, 1),
        CustomerCount("CAFE", CAFE_NAME, 1),
    )
    assert before.pages_by_engineer == {} and before.pages == ()
    assert [d.backlog for d in before.days] == [2, 1, 2, 2, 2, 2, 2]  # T0; T1 14-15; T2 16-


def test_the_morning_after_christmas_a_day_and_a_scope(desk: Desk) -> None:
    t = desk.numbers
    # The morning of Monday 28: from Thursday 17:30 (87 h).
    closed = Period(amsterdam(2026, 12, 24, 17, 30), amsterdam(2026, 12, 28, 8, 30))
    morning = desk.summary(SummaryKind.MORNING, closed)
    assert [x.number for x in morning.current.new_tickets] == [t["E"], t["F"]]
    assert morning.current.new == 2 and morning.current.resolved == 2
    assert [(p.number, p.taken_by) for p in morning.current.pages] == [
        (t["E"], PRIMARY),
        (t["F"], PRIMARY),
    ]
    assert morning.current.breaches == ()
    # Open at 08:30: T0, D, G, H; H's 0.5 h of response time is still to run (until 09:00).
    assert morning.current.open_total == 4 and morning.current.breached["response"] == 0
    # Against the morning before: Thursday 24's, from Wednesday's closing (17:30) to 08:30. No
    # new ticket then (D came at 16:00, G at 15:00 the day after), no breach (D's at 17:00);
    # open at 08:30: T0 and D.
    assert morning.compared_with == Period(
        amsterdam(2026, 12, 23, 17, 30), amsterdam(2026, 12, 24, 8, 30)
    )
    assert morning.previous.new == 0 and morning.previous.breaches == ()
    assert morning.previous.open_total == 2

    # Wednesday 23 December on line 2: D only.
    wednesday = Period(amsterdam(2026, 12, 23, 0, 0), amsterdam(2026, 12, 24, 0, 0))
    day = desk.summary(SummaryKind.DAY, wednesday, Scope(line=2))
    assert (day.current.new, day.current.open_by_line) == (1, {1: 0, 2: 1, 3: 0})
    assert day.current.breached == {"response": 1, "resolution": 0}
    assert day.current.days == (Day(date(2026, 12, 23), 1, 1, 0, 1),)
    assert (day.previous.new, day.previous.open_total) == (0, 0)

    # BAKKER's week: B, D, G new; B resolved (and reopened); D's response breached.
    bakker = desk.summary(SummaryKind.WEEK, WEEK, Scope(customer="BAKKER")).current
    assert (bakker.new, bakker.resolved, bakker.reopened) == (3, 1, 1)
    assert bakker.open_by_priority == {"P1": 0, "P2": 2, "P3": 0, "P4": 0}
    assert bakker.compliance["silver"]["response"] == ClockCounts(met=2, breached=1)
    assert bakker.compliance["gold"]["response"] == ClockCounts()
    assert bakker.top_customers == (CustomerCount("BAKKER", BAKKER_NAME, 3),)
    assert bakker.pages_by_engineer == {}  # the pages were for ACME

    with pytest.raises(NotFound) as refused:
        desk.summary(SummaryKind.WEEK, WEEK, Scope(customer="NIEMAND"))
    assert refused.value.key == "error.customer_not_found"


def test_the_csv_rows_of_the_week(desk: Desk) -> None:
    t = desk.numbers
    rows = desk.figures.rows(period=WEEK, scope=Scope())
    # Open at some moment of the week: all but T1 (resolved on 15 December).
    assert [r.number for r in rows] == [
        t[k] for k in ("T0", "T2", "A", "B", "C", "D", "G", "H", "E", "F")
    ]
    by = {r.number: r for r in rows}
    b = by[t["B"]]
    assert (b.reopen_count, b.reopened_at) == (1, amsterdam(2026, 12, 23, 10, 0))
    assert (b.resolved_at, b.resolution_minutes) == (amsterdam(2026, 12, 23, 11, 0), 330)
    c = by[t["C"]]
    assert (c.status, c.response_state, c.resolution_state) == ("closed", "cancelled", "cancelled")
    assert (c.closed_at, c.done_at, c.resolved_at) == (
        amsterdam(2026, 12, 22, 11, 0),
        amsterdam(2026, 12, 22, 11, 0),
        None,
    )
    d = by[t["D"]]
    assert (d.response_state, d.response_breached_at, d.response_minutes) == (
        "breached",
        amsterdam(2026, 12, 23, 17, 0),
        120,
    )
    assert d.resolution_due_at == amsterdam(2026, 12, 28, 16, 0)  # 18 h over Christmas
    h = by[t["H"]]
    assert (h.response_state, h.response_due_at) == ("running", amsterdam(2026, 12, 28, 9, 0))
    e = by[t["E"]]
    assert (e.response_minutes, e.resolution_minutes) == (10, 30)  # 24x7 clock minutes
