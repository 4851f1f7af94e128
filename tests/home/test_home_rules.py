"""The App Home's pure rules: whose Home a change touches, the order of tickets, staleness."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.home.rules import (
    COUNTDOWN_REFRESH,
    Countdown,
    Touched,
    Viewer,
    lines_shown,
    risk_order,
    stale_at,
    urgency,
    who_sees,
)
from bot.sla.rules import ClockKind, ClockState

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
ANN = Viewer("UANN", frozenset({1}), lead=False)
BOB = Viewer("UBOB", frozenset({2}), lead=False)
LEAD = Viewer("ULEAD", frozenset({1, 2, 3}), lead=True)


def clock(
    state: ClockState = ClockState.RUNNING,
    minutes_left: int = 60,
    percent: int = 50,
    live: bool = True,
    kind: ClockKind = ClockKind.RESOLUTION,
) -> Countdown:
    return Countdown(
        kind=kind,
        state=state,
        deadline=NOW + timedelta(minutes=minutes_left),
        remaining=timedelta(minutes=minutes_left),
        percent=percent,
        live=live,
    )


def test_a_change_reaches_the_people_on_it_and_the_leads_only() -> None:
    touched = Touched(people=frozenset({"UANN"}), lines=frozenset({2}), on_risk_lists=False)
    assert who_sees(touched, [ANN, BOB, LEAD]) == {"UANN", "ULEAD"}


def test_a_ticket_at_risk_reaches_its_lines_old_and_new() -> None:
    moved = Touched(people=frozenset(), lines=frozenset({1, 2}), on_risk_lists=True)
    assert who_sees(moved, [ANN, BOB, LEAD]) == {"UANN", "UBOB", "ULEAD"}
    stay = Touched(people=frozenset(), lines=frozenset({2}), on_risk_lists=True)
    assert who_sees(stay, [ANN, BOB]) == {"UBOB"}


def test_nobody_without_a_home_is_reached() -> None:
    touched = Touched(people=frozenset({"UNEW"}), lines=frozenset({1}), on_risk_lists=True)
    assert who_sees(touched, [BOB]) == set()


def test_the_lines_a_home_lists() -> None:
    every = {1, 2, 3}
    assert lines_shown(lead=True, own_lines={2}, assigned_lines=(), every=every) == {1, 2, 3}
    assert lines_shown(lead=False, own_lines={2}, assigned_lines={1}, every=every) == {1, 2}
    # In no line's group: the whole desk.
    assert lines_shown(lead=False, own_lines=(), assigned_lines={1}, every=every) == {1, 2, 3}


def test_my_tickets_by_priority_then_breach_then_deadline() -> None:
    p1_late = urgency(0, [clock(minutes_left=90)], "KOR-3")
    p1_soon = urgency(0, [clock(minutes_left=10)], "KOR-4")
    p1_breached = urgency(0, [clock(ClockState.BREACHED, minutes_left=-5)], "KOR-5")
    p2_now = urgency(1, [clock(minutes_left=1)], "KOR-1")
    p1_met = urgency(0, [clock(live=False)], "KOR-2")
    ordered = sorted([p2_now, p1_late, p1_met, p1_soon, p1_breached])
    assert [k[3] for k in ordered] == ["KOR-5", "KOR-4", "KOR-3", "KOR-2", "KOR-1"]


def test_risks_breached_first_then_least_time_left() -> None:
    keys = {
        "A": risk_order([clock(minutes_left=30, percent=80)], "A"),
        "B": risk_order([clock(ClockState.BREACHED, minutes_left=-1, percent=101)], "B"),
        "C": risk_order([clock(minutes_left=5, percent=95)], "C"),
        "D": risk_order([clock(live=False)], "D"),
    }
    assert sorted(keys, key=keys.__getitem__) == ["B", "C", "A", "D"]


def test_stale_at_the_next_handover_or_the_countdown_refresh() -> None:
    handover = NOW + timedelta(hours=3)
    assert stale_at(now=NOW, rota_changes=[handover, None], counting=False) == handover
    assert stale_at(now=NOW, rota_changes=[handover], counting=True) == NOW + COUNTDOWN_REFRESH
    # A moment already past never makes it stale again; nothing at all: never by time.
    assert stale_at(now=NOW, rota_changes=[NOW - timedelta(minutes=1)], counting=False) is None
