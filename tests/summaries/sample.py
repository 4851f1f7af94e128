"""Summaries with known figures, for the rendering tests (no database: the figures are A's)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from bot.summaries.model import (
    ClockCounts,
    CustomerCount,
    Day,
    Durations,
    Figures,
    PageLine,
    Period,
    Scope,
    Summary,
    SummaryKind,
    TicketLine,
)
from tests.conftest import amsterdam

DESK = Scope()
# Monday 30 November to Monday 7 December 2026, Amsterdam midnight to midnight.
WEEK = Period(amsterdam(2026, 11, 30, 0, 0), amsterdam(2026, 12, 7, 0, 0))
# Tuesday 1 December 2026, 08:30 to 17:30.
DAY = Period(amsterdam(2026, 12, 1, 8, 30), amsterdam(2026, 12, 1, 17, 30))
# November 2026.
MONTH = Period(amsterdam(2026, 11, 1, 0, 0), amsterdam(2026, 12, 1, 0, 0))
# Friday 17:30 to Monday 08:30.
WEEKEND = Period(amsterdam(2026, 11, 27, 17, 30), amsterdam(2026, 11, 30, 8, 30))
# What each is compared with (bot.summaries.rules.periods, bot.summaries.schedule): the week,
# the business day and the month before; Friday's night (Thursday 17:30 to Friday 08:30).
BEFORE = {
    WEEK: Period(amsterdam(2026, 11, 23, 0, 0), amsterdam(2026, 11, 30, 0, 0)),
    DAY: Period(amsterdam(2026, 11, 30, 8, 30), amsterdam(2026, 11, 30, 17, 30)),
    MONTH: Period(amsterdam(2026, 10, 1, 0, 0), amsterdam(2026, 11, 1, 0, 0)),
    WEEKEND: Period(amsterdam(2026, 11, 26, 17, 30), amsterdam(2026, 11, 27, 8, 30)),
}

CURRENT = Figures(
    open_by_priority={"P1": 1, "P2": 4, "P3": 7},
    open_by_line={1: 3, 2: 6, 3: 3},
    new=14,
    resolved=11,
    reopened=1,
    at_risk={"response": 1, "resolution": 2},
    breached={"response": 0, "resolution": 3},
    compliance={
        "gold": {"response": ClockCounts(37, 3, 0), "resolution": ClockCounts(20, 2, 1)},
        "bronze": {"response": ClockCounts(5, 0, 0)},
    },
    compliance_by_customer={
        "ACME": {"response": ClockCounts(3, 1, 0)},
        "BAKKER": {"resolution": ClockCounts(2, 0, 0)},
    },
    response_time=Durations(10, timedelta(minutes=45), timedelta(hours=2, minutes=5)),
    resolution_time=Durations(8, timedelta(hours=6), timedelta(hours=30)),
    backlog_age={"lt1": 4, "1to3": 5, "ge10": 3},
    top_customers=(
        CustomerCount("ACME", "Acme <!channel> & Co", 6),
        CustomerCount("CAFE", "Café", 2),
    ),
    pages_by_engineer={"UENG0001": (3, 2)},
    days=tuple(Day(date(2026, 11, 30) + timedelta(days=i), 10 + i, 2, 1, i % 2) for i in range(7)),
)
PREVIOUS = Figures(
    open_by_priority={"P2": 2},
    new=10,
    resolved=12,
    breached={"resolution": 1},
    compliance={"gold": {"response": ClockCounts(30, 5, 0)}},
    response_time=Durations(9, timedelta(minutes=30), timedelta(hours=2)),
    top_customers=(CustomerCount("ACME", "Acme", 4),),
    pages_by_engineer={"UENG0001": (1, 1)},
)
MORNING = Figures(
    open_by_priority={"P1": 1, "P3": 1},
    new=2,
    breached={"response": 1},
    new_tickets=(
        TicketLine("KOR-000101", "Acme <b>", "P1", "Server <!here> plat"),
        TicketLine("KOR-000102", "Café", "P3", "Printer"),
    ),
    pages=(
        PageLine(
            "KOR-000101",
            "Acme <b>",
            "P1",
            amsterdam(2026, 11, 28, 3, 12),
            ("UENG0001", "UENG0002"),
            "UENG0002",
        ),
        PageLine(
            "KOR-000103", "Acme <b>", "P2", amsterdam(2026, 11, 29, 4, 0), ("UENG0001",), None
        ),
    ),
    breaches=(TicketLine("KOR-000101", "Acme <b>", "P1", "Server", "response"),),
)


def summary(
    kind: SummaryKind = SummaryKind.WEEK, scope: Scope = DESK, **changes: object
) -> Summary:
    period = {SummaryKind.DAY: DAY, SummaryKind.MONTH: MONTH, SummaryKind.MORNING: WEEKEND}.get(
        kind, WEEK
    )
    if kind is SummaryKind.MORNING:
        return Summary(kind, scope, period, MORNING, Figures(), BEFORE[period])
    return Summary(kind, scope, period, replace(CURRENT, **changes), PREVIOUS, BEFORE[period])  # type: ignore[arg-type]
