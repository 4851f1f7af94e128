"""Explicit SLA clock scenarios, in Europe/Amsterdam local time on Korton's business calendar.

Dates used: March 2026 has no holidays; Friday 13, Monday 16 ... Friday 20 March 2026.
The autumn DST switch is on Sunday 25 October 2026 (03:00 CEST -> 02:00 CET).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest

from bot.calendar import BusinessCalendar, TwentyFourSeven
from bot.policy import SlaTarget, load_policy
from bot.sla.history import StatusChange, pauses_from, stopped_at, ticket_clocks
from bot.sla.rules import (
    ClockInput,
    ClockKind,
    ClockState,
    Span,
    evaluate,
    moment_of,
    next_check,
    normalise_spans,
)
from bot.tickets.rules.lifecycle import Status

AMS = ZoneInfo("Europe/Amsterdam")
CAL = BusinessCalendar()
H = timedelta(hours=1)
M = timedelta(minutes=1)
US = timedelta(microseconds=1)
RESPONSE, RESOLUTION = ClockKind.RESPONSE, ClockKind.RESOLUTION
POLICY = load_policy()
GOLD_P1 = POLICY.sla["gold"]["P1"]  # 15m / 4h, 24x7
GOLD_P2 = POLICY.sla["gold"]["P2"]  # 30m / 9h, business
GOLD_P3 = POLICY.sla["gold"]["P3"]  # 2h / 27h, business
SILVER_P2 = POLICY.sla["silver"]["P2"]  # 1h / 18h, business


def ams(month: int, day: int, hour: int = 0, minute: int = 0, *, fold: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=AMS, fold=fold)


def mar(day: int, hour: int = 0, minute: int = 0) -> datetime:
    return ams(3, day, hour, minute)


def ch(at: datetime, status: str, third_party: str | None = None) -> StatusChange:
    return StatusChange(at, status, third_party)


def clocks(
    target: SlaTarget,
    start: datetime,
    history: list[StatusChange] | None = None,
    responded_at: datetime | None = None,
) -> dict[ClockKind, ClockInput]:
    return dict(
        ticket_clocks(
            target,
            started_at=start,
            history=[ch(start, "new"), *(history or [])],
            responded_at=responded_at,
            business=CAL,
        )
    )


def clock(
    target: timedelta,
    start: datetime,
    pauses: tuple[Span, ...] = (),
    stop: datetime | None = None,
    kind: ClockKind = RESOLUTION,
    cal: BusinessCalendar | TwentyFourSeven = CAL,
) -> ClockInput:
    return ClockInput(kind, start, target, cal, pauses, stop)


def test_the_policy_targets_are_the_ones_the_scenarios_assume() -> None:
    assert (GOLD_P1.response, GOLD_P1.resolution, GOLD_P1.clock) == (15 * M, 4 * H, "24x7")
    assert (GOLD_P2.response, GOLD_P2.resolution, GOLD_P2.clock) == (30 * M, 9 * H, "business")
    assert (GOLD_P3.response, GOLD_P3.resolution, GOLD_P3.clock) == (2 * H, 27 * H, "business")
    assert (SILVER_P2.response, SILVER_P2.clock) == (H, "business")


# --------------------------------------------------------------------------------------------
# Deadlines on the business calendar
# --------------------------------------------------------------------------------------------


def test_friday_late_registration_runs_into_monday() -> None:
    # Gold P2 registered Friday 17:00: the 30 minutes to closing are enough for the response,
    # so it is due Friday 17:30 (not Monday 09:00); the 9h resolution runs on to Monday 17:00.
    c = clocks(GOLD_P2, mar(13, 17))
    assert evaluate(c[RESPONSE], mar(13, 17)).deadline == mar(13, 17, 30)
    assert evaluate(c[RESOLUTION], mar(13, 17)).deadline == mar(16, 17)
    # Registered at closing time, or a 1h response (silver P2) from 17:00: Monday 09:00.
    assert evaluate(clocks(GOLD_P2, mar(13, 17, 30))[RESPONSE], mar(13, 18)).deadline == mar(16, 9)
    assert evaluate(clocks(SILVER_P2, mar(13, 17))[RESPONSE], mar(13, 18)).deadline == mar(16, 9)
    # Registered on Saturday: Monday 08:30 + 30m.
    assert evaluate(clocks(GOLD_P2, mar(14, 11))[RESPONSE], mar(14, 11)).deadline == mar(16, 9)


def test_deadlines_are_in_utc() -> None:
    status = evaluate(clocks(GOLD_P2, mar(13, 17))[RESPONSE], mar(13, 17))
    assert status.deadline is not None
    assert status.deadline.tzinfo is UTC
    assert status.deadline == datetime(2026, 3, 13, 16, 30, tzinfo=UTC)


def test_a_pause_over_a_night_and_a_weekend_moves_the_deadline_by_business_time_only() -> None:
    # Gold P3 (27h) from Thursday 10:00: without pauses due Tuesday 10:00 (7.5 + 9 + 9 + 1.5).
    start = mar(12, 10)
    assert evaluate(clocks(GOLD_P3, start)[RESOLUTION], start).deadline == mar(17, 10)
    # Waiting for the customer from Thursday 16:30 to Monday 09:30: 1h + 9h + 1h = 11h of
    # business time paused, so the deadline moves 11 business hours, to Wednesday 12:00.
    history = [ch(mar(12, 16, 30), "waiting_customer"), ch(mar(16, 9, 30), "in_progress")]
    c = clocks(GOLD_P3, start, history)[RESOLUTION]
    status = evaluate(c, mar(16, 12))
    assert status.paused_for == 11 * H
    assert status.elapsed == 6.5 * H + 2.5 * H  # Thursday 10:00-16:30, Monday 09:30-12:00
    assert status.deadline == mar(18, 12)
    assert status.state is ClockState.RUNNING


def test_a_pause_while_the_desk_is_closed_does_not_move_a_business_deadline() -> None:
    start = mar(12, 10)
    history = [ch(mar(13, 18), "waiting_info"), ch(mar(16, 8), "in_progress")]
    status = evaluate(clocks(GOLD_P3, start, history)[RESOLUTION], mar(16, 9))
    assert status.paused_for == timedelta(0)
    assert status.deadline == mar(17, 10)


# --------------------------------------------------------------------------------------------
# 24x7 clocks and DST
# --------------------------------------------------------------------------------------------


def test_a_24x7_target_across_the_autumn_dst_switch_is_exact_in_utc() -> None:
    # Gold P1 (4h, 24x7) registered Sunday 25 October 01:30 CEST (23:30 UTC on the 24th).
    start = ams(10, 25, 1, 30)
    c = clocks(GOLD_P1, start)
    resolution = evaluate(c[RESOLUTION], start)
    assert resolution.deadline == datetime(2026, 10, 25, 3, 30, tzinfo=UTC)
    # On the wall clock that is 04:30 CET: three hours later by the clock, four in real time.
    assert resolution.deadline == ams(10, 25, 4, 30)
    assert evaluate(c[RESPONSE], start).deadline == datetime(2026, 10, 24, 23, 45, tzinfo=UTC)


def test_a_24x7_pause_over_the_repeated_hour_counts_real_time() -> None:
    start = ams(10, 25, 1, 30)
    # From 02:30 CEST to 02:30 CET: the wall clock shows the same time, an hour has passed.
    history = [
        ch(ams(10, 25, 2, 30, fold=0), "waiting_customer"),
        ch(ams(10, 25, 2, 30, fold=1), "in_progress"),
    ]
    status = evaluate(clocks(GOLD_P1, start, history)[RESOLUTION], ams(10, 25, 3))
    assert status.paused_for == H
    assert status.deadline == datetime(2026, 10, 25, 4, 30, tzinfo=UTC)
    # now 03:00 CET = 02:00 UTC; started 23:30 UTC: 2.5h of real time, 1h paused.
    assert status.elapsed == 1.5 * H


def test_24x7_clocks_run_through_the_night_and_weekend() -> None:
    c = clock(4 * H, mar(13, 23), cal=TwentyFourSeven())
    assert evaluate(c, mar(14, 2)).elapsed == 3 * H
    assert evaluate(c, mar(14, 2)).deadline == mar(14, 3)


# --------------------------------------------------------------------------------------------
# Priority changes
# --------------------------------------------------------------------------------------------


def test_a_priority_change_recomputes_from_the_start_with_pauses_counted() -> None:
    start = mar(16, 9)
    history = [
        ch(mar(16, 9, 5), "in_progress"),
        ch(mar(16, 10), "waiting_info"),
        ch(mar(16, 11), "in_progress"),
    ]
    responded = mar(16, 9, 45)
    p3 = clocks(GOLD_P3, start, history, responded)
    # As P3 the response (2h) was on time and the resolution (27h) is due Thursday 10:00
    # (7.5h on Monday after the hour waiting, 9h Tuesday, 9h Wednesday, 1.5h Thursday).
    assert evaluate(p3[RESPONSE], mar(16, 12)).state is ClockState.MET
    assert evaluate(p3[RESOLUTION], mar(16, 12)).deadline == mar(19, 10)

    # At 12:00 the priority becomes P2: as if it had been P2 all along.
    p2 = clocks(GOLD_P2, start, history, responded)
    response = evaluate(p2[RESPONSE], mar(16, 12))
    assert response.deadline == mar(16, 9, 30)
    assert response.state is ClockState.BREACHED  # the 09:45 response is now late
    assert response.met_at == mar(16, 9, 45)
    resolution = evaluate(p2[RESOLUTION], mar(16, 12))
    # 9h from 09:00 plus the hour waiting: Monday 09:00-17:30 gives 7.5h, Tuesday 1.5h.
    assert resolution.deadline == mar(17, 10)
    assert resolution.elapsed == 2 * H
    assert resolution.state is ClockState.RUNNING

    # To P1, which runs 24x7: 4h plus the hour waiting, in real time.
    p1 = clocks(GOLD_P1, start, history, responded)
    assert evaluate(p1[RESOLUTION], mar(16, 12)).deadline == mar(16, 14)


def test_a_priority_change_can_turn_a_running_clock_into_a_breach() -> None:
    start = mar(16, 9)
    # 9h from Monday 09:00 is due Tuesday 09:00.
    assert evaluate(clocks(GOLD_P3, start)[RESOLUTION], mar(17, 9, 30)).state is ClockState.RUNNING
    status = evaluate(clocks(GOLD_P2, start)[RESOLUTION], mar(17, 9, 30))
    assert status.state is ClockState.BREACHED
    assert status.remaining == -0.5 * H


# --------------------------------------------------------------------------------------------
# Reopen
# --------------------------------------------------------------------------------------------


def test_a_reopen_resumes_the_resolution_clock_where_it_stopped() -> None:
    start = mar(16, 8, 30)
    responded = mar(16, 8, 40)
    resolved = [ch(mar(16, 8, 40), "in_progress"), ch(mar(16, 11, 30), "resolved")]

    # Resolved after 3 business hours: the clock stops, met well before Wednesday 17:30.
    before = clocks(GOLD_P3, start, resolved, responded)
    status = evaluate(before[RESOLUTION], mar(17, 12))
    assert status.state is ClockState.MET
    assert status.met_at == mar(16, 11, 30)
    assert status.elapsed == 3 * H
    assert status.remaining == 24 * H
    assert status.deadline == mar(18, 17, 30)

    # Reopened two days later (Wednesday 11:30): 6 + 9 + 3 = 18 business hours did not count.
    reopened = [*resolved, ch(mar(18, 11, 30), "in_progress")]
    after = clocks(GOLD_P3, start, reopened, responded)
    status = evaluate(after[RESOLUTION], mar(18, 12))
    assert status.state is ClockState.RUNNING
    assert status.met_at is None
    assert status.elapsed == 3.5 * H  # resumed at 3h, not reset to 0
    assert status.paused_for == 18 * H
    assert status.deadline == mar(20, 17, 30)  # Wednesday 17:30 + 18 business hours

    # The response clock, once met, stays met.
    response = evaluate(after[RESPONSE], mar(18, 12))
    assert response.state is ClockState.MET
    assert response.met_at == responded

    # Resolved again on Thursday 10:00: stopped there, with 3 + 6 + 1.5 = 10.5h counted.
    again = [*reopened, ch(mar(19, 10), "resolved"), ch(mar(19, 12), "closed")]
    status = evaluate(clocks(GOLD_P3, start, again, responded)[RESOLUTION], mar(20, 9))
    assert status.state is ClockState.MET
    assert status.met_at == mar(19, 10)
    assert status.elapsed == 10.5 * H
    assert status.deadline == mar(20, 17, 30)


def test_reopen_after_close_resumes_too() -> None:
    start = mar(16, 8, 30)
    history = [
        ch(mar(16, 11, 30), "resolved"),
        ch(mar(16, 12), "closed"),
        ch(mar(17, 8, 30), "new"),
    ]
    status = evaluate(clocks(GOLD_P3, start, history)[RESOLUTION], mar(17, 9, 30))
    assert status.elapsed == 4 * H
    assert status.paused_for == 6 * H


# --------------------------------------------------------------------------------------------
# Waiting on a third party
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("third_party", "pauses"),
    [("customer", True), ("subcontractor", False), (None, False), ("unknown", False)],
)
def test_waiting_on_a_third_party_pauses_only_for_the_customers_own(
    third_party: str | None, pauses: bool
) -> None:
    start = mar(16, 9)
    history = [
        ch(mar(16, 10), "waiting_third_party", third_party),
        ch(mar(16, 14), "in_progress"),
    ]
    c = clocks(GOLD_P2, start, history)
    for kind in ClockKind:
        status = evaluate(c[kind], mar(16, 15))
        assert status.paused_for == (4 * H if pauses else timedelta(0))
    resolution = evaluate(c[RESOLUTION], mar(16, 15))
    assert resolution.deadline == (mar(17, 13) if pauses else mar(17, 9))
    while_waiting = evaluate(c[RESOLUTION], mar(16, 12))
    assert while_waiting.state is (ClockState.PAUSED if pauses else ClockState.RUNNING)


# --------------------------------------------------------------------------------------------
# States
# --------------------------------------------------------------------------------------------


def test_met_early_is_met() -> None:
    c = clock(30 * M, mar(16, 9), stop=mar(16, 9, 10), kind=RESPONSE)
    status = evaluate(c, mar(16, 16))
    assert status.state is ClockState.MET
    assert status.met_at == mar(16, 9, 10)
    assert status.elapsed == 10 * M
    assert status.remaining == 20 * M
    assert status.deadline == mar(16, 9, 30)
    assert not status.met_late and not status.breached


def test_met_exactly_at_the_deadline_is_met() -> None:
    status = evaluate(clock(30 * M, mar(16, 9), stop=mar(16, 9, 30)), mar(16, 16))
    assert status.state is ClockState.MET
    assert status.remaining == timedelta(0)


def test_met_late_is_breached_with_the_met_moment() -> None:
    c = clock(30 * M, mar(16, 9), stop=mar(16, 10), kind=RESPONSE)
    status = evaluate(c, mar(16, 16))
    assert status.state is ClockState.BREACHED
    assert status.met_at == mar(16, 10)
    assert status.met_late and status.breached
    assert status.remaining == -30 * M  # frozen at the stop
    assert status.elapsed == H


def test_an_open_pause_is_paused_with_an_unknown_deadline() -> None:
    c = clock(9 * H, mar(16, 9), (Span(mar(16, 10)),))
    status = evaluate(c, mar(17, 12))
    assert status.state is ClockState.PAUSED
    assert status.deadline is None
    assert status.elapsed == H
    assert status.remaining == 8 * H
    assert status.paused_for == 7.5 * H + 3.5 * H
    assert status.met_at is None
    # Were it to resume now, the deadline would be this:
    assert CAL.add(mar(17, 12), status.remaining) == mar(18, 11)


def test_running_past_the_deadline_is_breached_with_negative_remaining() -> None:
    status = evaluate(clock(30 * M, mar(16, 9)), mar(16, 11))
    assert status.state is ClockState.BREACHED
    assert status.remaining == -90 * M
    assert status.met_at is None
    assert not status.met_late


def test_at_the_deadline_it_is_not_yet_breached() -> None:
    c = clock(30 * M, mar(16, 9))
    assert evaluate(c, mar(16, 9, 30)).state is ClockState.RUNNING
    assert evaluate(c, mar(16, 9, 30) + US).state is ClockState.BREACHED


def test_breached_over_the_weekend_with_zero_remaining() -> None:
    # Due at Friday's closing time; on Saturday no business time has passed since.
    status = evaluate(clock(H, mar(13, 16, 30)), mar(14, 12))
    assert status.deadline == mar(13, 17, 30)
    assert status.remaining == timedelta(0)
    assert status.state is ClockState.BREACHED


def test_a_breach_is_not_undone_by_a_later_pause() -> None:
    c = clock(30 * M, mar(16, 9), (Span(mar(16, 10)),))
    status = evaluate(c, mar(16, 12))
    assert status.state is ClockState.BREACHED
    assert status.deadline == mar(16, 9, 30)
    assert status.remaining == -30 * M


def test_a_pause_that_reached_the_target_on_its_start_keeps_the_deadline() -> None:
    c = clock(30 * M, mar(16, 9), (Span(mar(16, 9, 30)),))
    assert evaluate(c, mar(16, 12)).deadline == mar(16, 9, 30)


def test_before_the_start_nothing_has_elapsed() -> None:
    status = evaluate(clock(H, mar(16, 9)), mar(16, 8))
    assert status.elapsed == timedelta(0)
    assert status.state is ClockState.RUNNING
    assert status.deadline == mar(16, 10)


def test_evaluation_uses_only_what_was_known_at_now() -> None:
    c = clock(9 * H, mar(16, 9), (Span(mar(16, 12), mar(16, 14)),), stop=mar(17, 9))
    early = evaluate(c, mar(16, 11))  # the pause has not begun, the stop is in the future
    assert early.state is ClockState.RUNNING
    assert early.deadline == mar(17, 9)
    during = evaluate(c, mar(16, 13))  # the pause has not ended yet
    assert during.state is ClockState.PAUSED
    assert during.deadline is None
    assert during.paused_for == H
    after = evaluate(c, mar(17, 10))
    assert after.state is ClockState.MET
    assert after.deadline == mar(17, 11)


def test_a_pause_open_when_the_clock_stops_ends_there() -> None:
    # Met while waiting (a reply to the contact while the ticket waits on them).
    c = clock(2 * H, mar(16, 9), (Span(mar(16, 9, 30)),), stop=mar(16, 10), kind=RESPONSE)
    status = evaluate(c, mar(16, 12))
    assert status.state is ClockState.MET
    assert status.paused_for == 30 * M
    assert status.elapsed == 30 * M
    assert status.deadline == mar(16, 11, 30)


# --------------------------------------------------------------------------------------------
# moment_of and next_check
# --------------------------------------------------------------------------------------------


def test_moment_of_fractions() -> None:
    c = clock(9 * H, mar(16, 8, 30), (Span(mar(16, 12), mar(16, 13)),))
    assert moment_of(c, 0) == mar(16, 8, 30)
    assert moment_of(c, Fraction(1, 3)) == mar(16, 11, 30)
    assert moment_of(c, 0.75) == mar(16, 16, 15)  # 6h45m counted, one hour paused
    assert moment_of(c, 0.9) == mar(17, 8, 36)  # 8h06m: 8h Monday, 6m Tuesday
    assert moment_of(c, Fraction(9, 10)) == moment_of(c, 0.9)
    assert moment_of(c, 1) == mar(17, 9, 30)
    assert moment_of(c, 2) == mar(18, 9, 30)
    with pytest.raises(ValueError):
        moment_of(c, -0.5)


def test_moment_of_rounds_up_to_the_microsecond() -> None:
    c = clock(timedelta(microseconds=10), mar(16, 9))
    assert moment_of(c, Fraction(1, 3)) == mar(16, 9) + 4 * US


def test_moment_of_after_an_open_pause_is_unknown() -> None:
    c = clock(9 * H, mar(16, 8, 30), (Span(mar(16, 12)),))
    assert moment_of(c, Fraction(1, 3)) == mar(16, 11, 30)
    assert moment_of(c, 0.5) is None


def test_next_check_goes_75_90_100_and_skips_announced_ones() -> None:
    c = clock(9 * H, mar(16, 8, 30))  # due Monday 17:30
    now = mar(16, 9)
    assert next_check(c, [75, 90], set(), now) == (75, mar(16, 15, 15))
    assert next_check(c, [75, 90], {75}, now) == (90, mar(16, 16, 36))
    assert next_check(c, [75, 90], {75, 90}, now) == (100, mar(16, 17, 30))
    assert next_check(c, [75, 90], {75, 90, 100}, now) is None
    # Order of the thresholds given does not matter; 100 is always there.
    assert next_check(c, [90, 75], {75}, now) == (90, mar(16, 16, 36))
    assert next_check(c, [], set(), now) == (100, mar(16, 17, 30))
    assert next_check(c, [90, 100], set(), now) == (90, mar(16, 16, 36))


def test_next_check_when_thresholds_are_overdue_returns_the_highest_due_only() -> None:
    c = clock(9 * H, mar(16, 8, 30))
    assert next_check(c, [75, 90], set(), mar(16, 17)) == (90, mar(16, 16, 36))
    assert next_check(c, [75, 90], {90}, mar(16, 17)) == (100, mar(16, 17, 30))
    assert next_check(c, [75, 90], set(), mar(17, 9)) == (100, mar(16, 17, 30))
    # Exactly at a threshold's moment it is due.
    assert next_check(c, [75, 90], set(), mar(16, 15, 15)) == (75, mar(16, 15, 15))


def test_next_check_does_not_repeat_lower_warnings_after_a_priority_change() -> None:
    # 90% announced under a tight target; the looser one puts the clock back at 1/3.
    c = clock(27 * H, mar(16, 8, 30))
    assert next_check(c, [75, 90], {90}, mar(16, 17, 30)) == (100, mar(18, 17, 30))


def test_next_check_is_none_when_met_or_paused() -> None:
    met = clock(9 * H, mar(16, 8, 30), stop=mar(16, 10))
    assert next_check(met, [75, 90], set(), mar(16, 11)) is None
    met_late = clock(H, mar(16, 8, 30), stop=mar(16, 10))
    assert next_check(met_late, [75, 90], set(), mar(16, 11)) is None
    paused = clock(9 * H, mar(16, 8, 30), (Span(mar(16, 10)),))
    assert next_check(paused, [75, 90], set(), mar(16, 11)) is None
    # Paused after the 75% moment: that one is still due.
    paused_late = clock(9 * H, mar(16, 8, 30), (Span(mar(16, 16)),))
    assert next_check(paused_late, [75, 90], set(), mar(16, 17)) == (75, mar(16, 15, 15))
    assert next_check(paused_late, [75, 90], {75}, mar(16, 17)) is None
    # Once it resumes, the scheduler asks again and gets the moved moments.
    resumed = clock(9 * H, mar(16, 8, 30), (Span(mar(16, 16), mar(17, 9, 30)),))
    assert next_check(resumed, [75, 90], {75}, mar(17, 9, 30)) == (90, mar(17, 10, 6))


def test_next_check_announces_the_breach_of_a_clock_paused_after_it() -> None:
    c = clock(30 * M, mar(16, 9), (Span(mar(16, 10)),))
    assert next_check(c, [75, 90], {75, 90}, mar(16, 12)) == (100, mar(16, 9, 30))


def test_next_check_ignores_a_stop_in_the_future() -> None:
    c = clock(9 * H, mar(16, 8, 30), stop=mar(17, 9))
    assert next_check(c, [75, 90], set(), mar(16, 9)) == (75, mar(16, 15, 15))


# --------------------------------------------------------------------------------------------
# From history
# --------------------------------------------------------------------------------------------


def test_pauses_from_history() -> None:
    history = [
        ch(mar(16, 9), "new"),
        ch(mar(16, 9, 10), "in_progress"),
        ch(mar(16, 10), "waiting_info"),
        ch(mar(16, 11), "waiting_customer"),  # consecutive pausing statuses merge
        ch(mar(16, 12), "waiting_third_party", "subcontractor"),
        ch(mar(16, 13), "waiting_third_party", "customer"),
        ch(mar(16, 14), "in_progress"),
        ch(mar(16, 15), "resolved"),
        ch(mar(16, 16), "closed"),
        ch(mar(17, 9), "in_progress"),
        ch(mar(17, 10), "resolved"),
    ]
    # Resolved or closed, the ticket waits for nobody: both clocks pause until a reopen.
    assert pauses_from(history, RESPONSE, mar(18, 9)) == pauses_from(
        history, RESOLUTION, mar(18, 9)
    )
    assert pauses_from(history, RESOLUTION, mar(18, 9)) == (
        Span(mar(16, 10), mar(16, 12)),
        Span(mar(16, 13), mar(16, 14)),
        Span(mar(16, 15), mar(17, 9)),
        Span(mar(17, 10), None),
    )
    # In any order; changes after `now` are not known yet.
    shuffled = list(reversed(history))
    assert pauses_from(shuffled, RESOLUTION, mar(16, 10, 30)) == (Span(mar(16, 10), None),)
    assert pauses_from(shuffled, RESOLUTION) == pauses_from(history, RESOLUTION, mar(18, 9))


def test_pauses_from_accepts_lifecycle_statuses() -> None:
    history = [StatusChange(mar(16, 9), Status.NEW), StatusChange(mar(16, 10), Status.WAITING_INFO)]
    assert pauses_from(history, RESPONSE, mar(16, 11)) == (Span(mar(16, 10)),)


def test_stopped_at() -> None:
    history = [
        ch(mar(16, 9), "new"),
        ch(mar(16, 11), "resolved"),
        ch(mar(16, 12), "closed"),
    ]
    assert stopped_at(history, RESOLUTION) == mar(16, 11)  # a close keeps the resolve moment
    assert stopped_at(history, RESOLUTION, now=mar(16, 10)) is None
    reopened = [*history, ch(mar(17, 9), "in_progress")]
    assert stopped_at(reopened, RESOLUTION) is None
    # A close without a resolve is no resolution: the clock is cancelled, not met.
    assert stopped_at([*reopened, ch(mar(17, 10), "closed")], RESOLUTION) is None
    assert stopped_at(history, RESPONSE) is None
    assert stopped_at(history, RESPONSE, responded_at=mar(16, 9, 5)) == mar(16, 9, 5)


def test_ticket_clocks_picks_the_calendar() -> None:
    assert isinstance(clocks(GOLD_P1, mar(16, 9))[RESOLUTION].calendar, TwentyFourSeven)
    assert clocks(GOLD_P2, mar(16, 9))[RESOLUTION].calendar is CAL
    default = ticket_clocks(GOLD_P2, started_at=mar(16, 9), history=[], responded_at=None)
    assert isinstance(default[RESPONSE].calendar, BusinessCalendar)
    assert default[RESPONSE].target == 30 * M
    assert default[RESOLUTION].target == 9 * H


# --------------------------------------------------------------------------------------------
# Input validation and normalisation
# --------------------------------------------------------------------------------------------


def test_pauses_are_normalised() -> None:
    pauses = (
        Span(mar(16, 14), mar(16, 15)),
        Span(mar(16, 10), mar(16, 12)),
        Span(mar(16, 11), mar(16, 13)),  # overlaps
        Span(mar(16, 13), mar(16, 13, 30)),  # touches
        Span(mar(16, 16), mar(16, 16)),  # empty
        Span(mar(16, 17)),  # open: swallows the rest
        Span(mar(17, 9), mar(17, 10)),
        Span(mar(16, 7), mar(16, 8, 30)),  # before the start
        Span(mar(16, 8), mar(16, 9, 30)),  # across the start
    )
    c = clock(9 * H, mar(16, 9), pauses)
    assert c.pauses == (
        Span(mar(16, 9), mar(16, 9, 30)),
        Span(mar(16, 10), mar(16, 13, 30)),
        Span(mar(16, 14), mar(16, 15)),
        Span(mar(16, 17), None),
    )
    assert normalise_spans([]) == ()


def test_everything_is_stored_in_utc() -> None:
    c = clock(H, mar(16, 9), (Span(mar(16, 10), mar(16, 11)),), stop=mar(16, 12))
    assert c.started_at.tzinfo is UTC
    assert c.stopped_at is not None and c.stopped_at.tzinfo is UTC
    assert all(p.start.tzinfo is UTC and p.end and p.end.tzinfo is UTC for p in c.pauses)
    assert evaluate(c, mar(16, 13)).met_at == datetime(2026, 3, 16, 11, tzinfo=UTC)


def test_invalid_input_is_refused() -> None:
    naive = datetime(2026, 3, 16, 9)  # noqa: DTZ001 (naive on purpose)
    with pytest.raises(ValueError, match="aware"):
        clock(H, naive)
    with pytest.raises(ValueError, match="aware"):
        Span(naive)
    with pytest.raises(ValueError, match="aware"):
        evaluate(clock(H, mar(16, 9)), naive)
    with pytest.raises(ValueError, match="aware"):
        StatusChange(naive, "new")
    with pytest.raises(ValueError, match="before it starts"):
        Span(mar(16, 10), mar(16, 9))
    with pytest.raises(ValueError, match="negative"):
        clock(-H, mar(16, 9))
    with pytest.raises(ValueError, match="unknown SLA clock"):
        ticket_clocks(
            SlaTarget.model_construct(response=H, resolution=H, clock="never"),
            started_at=mar(16, 9),
            history=[],
            responded_at=None,
        )
