"""Closing a ticket without a resolution cancels its clocks: neither met nor breached.

Dates: Monday 16 ... Friday 20 March 2026, no holidays; gold P3 is 2h / 27h on office hours.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.calendar import BusinessCalendar
from bot.policy import SlaTarget, load_policy
from bot.sla.history import StatusChange, cancelled_at, stopped_at, ticket_clocks
from bot.sla.rules import ClockInput, ClockKind, ClockState, evaluate, moment_of, next_check

AMS = ZoneInfo("Europe/Amsterdam")
CAL = BusinessCalendar()
H = timedelta(hours=1)
RESPONSE, RESOLUTION = ClockKind.RESPONSE, ClockKind.RESOLUTION
GOLD_P3 = load_policy().sla["gold"]["P3"]


def mar(day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=AMS)


def clocks(
    history: list[StatusChange], responded_at: datetime | None = None, target: SlaTarget = GOLD_P3
) -> dict[ClockKind, ClockInput]:
    start = mar(16, 9)
    return dict(
        ticket_clocks(
            target,
            started_at=start,
            history=[StatusChange(start, "new"), *history],
            responded_at=responded_at,
            business=CAL,
        )
    )


def test_closing_an_untouched_ticket_cancels_both_clocks() -> None:
    # Registered Monday 09:00, nobody took it, closed as a duplicate at 10:00.
    both = clocks([StatusChange(mar(16, 10), "closed")])
    for kind in ClockKind:
        status = evaluate(both[kind], mar(20, 12))  # days later: still frozen at the close
        assert status.state is ClockState.CANCELLED
        assert status.cancelled_at == mar(16, 10)
        assert status.met_at is None and status.stopped
        assert status.elapsed == 1 * H
        assert not status.breached and not status.met_late
    # Nothing left to announce for either clock.
    assert next_check(both[RESPONSE], (75, 90), (), mar(16, 10, 30)) is None
    assert next_check(both[RESOLUTION], (75, 90), (), mar(20, 12)) is None


def test_a_clock_met_before_the_close_stays_met() -> None:
    # Taken (responded) at 09:30, closed as withdrawn at 10:00: the response was given.
    both = clocks(
        [StatusChange(mar(16, 9, 30), "in_progress"), StatusChange(mar(16, 10), "closed")],
        responded_at=mar(16, 9, 30),
    )
    response = evaluate(both[RESPONSE], mar(16, 12))
    assert response.state is ClockState.MET and response.met_at == mar(16, 9, 30)
    assert response.cancelled_at is None
    resolution = evaluate(both[RESOLUTION], mar(16, 12))
    assert resolution.state is ClockState.CANCELLED and resolution.cancelled_at == mar(16, 10)


def test_a_breach_before_the_close_is_not_undone() -> None:
    # The 2h response deadline passed at 11:00; closing at 12:00 does not erase that.
    both = clocks([StatusChange(mar(16, 12), "closed")])
    response = evaluate(both[RESPONSE], mar(16, 13))
    assert response.state is ClockState.BREACHED
    assert response.cancelled_at == mar(16, 12) and response.met_at is None
    assert response.remaining == -1 * H  # frozen at the close
    # The resolution clock had not reached its deadline: cancelled.
    assert evaluate(both[RESOLUTION], mar(16, 13)).state is ClockState.CANCELLED


def test_closing_exactly_at_the_deadline_is_cancelled_not_breached() -> None:
    both = clocks([StatusChange(mar(16, 11), "closed")])
    assert evaluate(both[RESPONSE], mar(16, 12)).state is ClockState.CANCELLED


def test_closing_after_a_resolve_keeps_the_resolution_met() -> None:
    history = [StatusChange(mar(16, 11), "resolved"), StatusChange(mar(16, 12), "closed")]
    assert cancelled_at(history) is None
    resolution = evaluate(clocks(history, responded_at=mar(16, 11))[RESOLUTION], mar(17, 9))
    assert resolution.state is ClockState.MET and resolution.met_at == mar(16, 11)


def test_a_reopen_after_a_cancel_resumes_both_clocks_where_they_stopped() -> None:
    # Closed as out of scope at 10:00 Monday, reopened Tuesday 09:00: 1h counted before,
    # the closed time does not count for either clock.
    history = [StatusChange(mar(16, 10), "closed"), StatusChange(mar(17, 9), "new")]
    assert cancelled_at(history) is None
    both = clocks(history)
    response = evaluate(both[RESPONSE], mar(17, 9, 30))
    assert response.state is ClockState.RUNNING and response.cancelled_at is None
    assert response.elapsed == 1.5 * H
    assert response.deadline == mar(17, 10)  # 1h left from the reopen
    assert evaluate(both[RESOLUTION], mar(17, 9, 30)).elapsed == 1.5 * H


def test_cancelled_at_reads_the_history_as_of_now() -> None:
    history = [StatusChange(mar(16, 10), "closed")]
    assert cancelled_at(history) == mar(16, 10)
    assert cancelled_at(history, now=mar(16, 9, 30)) is None
    assert stopped_at(history, RESOLUTION) is None
    # Before the close, evaluate sees a running clock.
    assert evaluate(clocks(history)[RESPONSE], mar(16, 9, 30)).state is ClockState.RUNNING


def test_the_deadline_of_a_cancelled_clock_is_where_it_stood() -> None:
    both = clocks([StatusChange(mar(16, 10), "closed")])
    status = evaluate(both[RESOLUTION], mar(18, 9))
    # 27 business hours from Monday 09:00 as if it had run on: Thursday 09:00.
    assert status.deadline == mar(19, 9) == moment_of(both[RESOLUTION], 1)
