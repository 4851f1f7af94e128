"""The summaries' pure rules: percentiles, backlog age buckets, a business day, the stretches a
reopened ticket was done, clocks as of a moment, and changes against the previous period."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.calendar import BusinessCalendar
from bot.summaries.model import DoneSpan, Durations, TicketRow
from bot.summaries.rules import (
    MEDIAN,
    P90,
    age_bounds,
    age_bucket,
    age_of,
    as_of,
    business_day_length,
    change,
    done_spans,
    duration_change,
    durations,
    percentile,
)

S = timedelta(seconds=1)
DAY = timedelta(hours=9)


def at(day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=UTC)


def test_percentiles_interpolate_between_the_closest_ranks() -> None:
    values = [4 * S, 1 * S, 3 * S, 2 * S]
    # Ranks 0..3: the median's rank is 1.5 (2.5 s), the 90th percentile's 2.7 (3.7 s).
    assert percentile(values, MEDIAN) == timedelta(seconds=2.5)
    assert percentile(values, P90) == timedelta(seconds=3.7)
    assert percentile(values, Fraction(0)) == 1 * S
    assert percentile(values, Fraction(1)) == 4 * S
    assert percentile([7 * S], P90) == 7 * S
    assert percentile([], MEDIAN) is None
    # A third of a microsecond is rounded to the nearest microsecond.
    assert percentile([timedelta(0), timedelta(microseconds=1)], Fraction(1, 3)) == timedelta(0)
    with pytest.raises(ValueError):
        percentile(values, Fraction(3, 2))


def test_durations_count_the_values_and_give_median_and_p90() -> None:
    assert durations([]) == Durations(0, None, None)
    assert durations([10 * S, 20 * S, 30 * S]) == Durations(3, 20 * S, 28 * S)


@given(st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=40))
def test_a_percentile_lies_between_the_smallest_and_largest(seconds: list[int]) -> None:
    values = [s * S for s in seconds]
    median, p90 = percentile(values, MEDIAN), percentile(values, P90)
    assert median is not None and p90 is not None
    assert min(values) <= median <= p90 <= max(values)


def test_backlog_age_buckets_are_inclusive_below() -> None:
    cases = {
        timedelta(0): "lt1",
        DAY - S: "lt1",
        DAY: "1to3",
        3 * DAY - S: "1to3",
        3 * DAY: "3to5",
        5 * DAY: "5to10",
        10 * DAY - S: "5to10",
        10 * DAY: "ge10",
        100 * DAY: "ge10",
    }
    assert {age: age_bucket(age, DAY) for age in cases} == cases


def test_a_business_day_is_the_weeks_hours_over_its_open_days() -> None:
    weekdays = {d: [(time(8, 30), time(17, 30))] for d in range(5)}
    assert business_day_length(weekdays) == timedelta(hours=9)
    # A short Friday and an evening until midnight: (4*9 + 4 + 6) / 6 days.
    uneven = {
        **weekdays,
        4: [(time(8, 30), time(12, 30))],
        5: [(time(18, 0), time(0, 0))],
    }
    assert business_day_length(uneven) == timedelta(hours=46) / 6
    assert business_day_length({}) == timedelta(hours=24)


def test_done_spans_follow_resolves_closes_and_reopens() -> None:
    history = [
        (at(1, 9), "new"),
        (at(1, 10), "in_progress"),
        (at(2, 9), "resolved"),
        (at(3, 9), "closed"),  # still the same stretch: resolved, then closed
        (at(4, 9), "in_progress"),  # reopened
        (at(5, 9), "closed"),  # closed without a resolve this time
    ]
    assert done_spans(history) == (
        DoneSpan(at(2, 9), at(4, 9), resolved=True),
        DoneSpan(at(5, 9), None, resolved=False),
    )
    assert done_spans([(at(1, 9), "new")]) == ()


def row(**kw: object) -> TicketRow:
    base = TicketRow(
        id=1,
        number="KOR-000001",
        customer="ACME",
        customer_name="Acme",
        tier="gold",
        type="incident",
        priority="P2",
        line=2,
        status="new",
        subject="s",
        assignee=None,
        created_at=at(1, 9),
        responded_at=None,
        resolved_at=None,
        closed_at=None,
        done_at=None,
        reopened_at=None,
        reopen_count=0,
        response_state="running",
        response_due_at=at(1, 10),
        response_breached_at=None,
        response_seconds=None,
        resolution_state="running",
        resolution_due_at=at(2, 9),
        resolution_breached_at=None,
        resolution_seconds=None,
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def test_a_running_clock_past_its_deadline_breached_at_it() -> None:
    late = as_of(row(), at(1, 11))
    assert (late.response_state, late.response_breached_at) == ("breached", at(1, 10))
    assert (late.resolution_state, late.resolution_breached_at) == ("running", None)
    assert as_of(row(), at(1, 10)) == row()  # at the deadline itself it is still kept
    paused = row(response_state="paused", response_due_at=None)
    assert as_of(paused, at(1, 12)) == paused  # a paused clock has no deadline to pass
    met = row(response_state="met", responded_at=at(1, 9, 30))
    assert as_of(met, at(9)).response_state == "met"


def test_open_at_reads_the_done_stretches() -> None:
    reopened = row(
        done_at=None,
        reopen_count=1,
        history=(DoneSpan(at(2, 9), at(4, 9), resolved=True),),
    )
    moments = (at(1), at(2), at(3), at(4, 9), at(5))
    assert [reopened.open_at(m) for m in moments] == [False, True, False, True, True]
    done = row(done_at=at(2, 9), resolved_at=at(2, 9))
    assert done.done_spans() == (DoneSpan(at(2, 9), None, resolved=True),)
    assert [done.open_at(m) for m in (at(1, 9), at(1, 10), at(2, 9))] == [False, True, False]


def test_changes_against_the_previous_period() -> None:
    assert (change(12, 8).diff, change(12, 8).ratio) == (4, Fraction(1, 2))
    assert (change(3, 0).diff, change(3, 0).ratio) == (3, None)
    assert change(0, 4).ratio == -1
    assert duration_change(2 * S, 5 * S) == -3 * S
    assert duration_change(None, 5 * S) is None


def test_age_bounds_are_the_latest_registrations_of_each_age() -> None:
    calendar = BusinessCalendar()
    # Monday 28 December 2026 at 00:00 Amsterdam: Christmas (Friday) and the weekend closed.
    end = datetime(2026, 12, 27, 23, 0, tzinfo=UTC)
    one, three, five, ten = age_bounds(calendar, end, DAY)
    # One business day (9 h) before the end: Thursday 24 at 08:30 (a whole day back).
    assert one == datetime(2026, 12, 24, 7, 30, tzinfo=UTC)
    # Three: Tuesday 22 at 08:30; five: Friday 18 at 08:30; ten: Friday 11 at 08:30.
    assert three == datetime(2026, 12, 22, 7, 30, tzinfo=UTC)
    assert five == datetime(2026, 12, 18, 7, 30, tzinfo=UTC)
    assert ten == datetime(2026, 12, 11, 7, 30, tzinfo=UTC)
    bounds = (one, three, five, ten)
    assert age_of(one, bounds) == "1to3"  # exactly one day old
    assert age_of(one + timedelta(microseconds=1), bounds) == "lt1"
    assert age_of(ten, bounds) == "ge10"
    assert age_of(datetime(2026, 12, 20, tzinfo=UTC), bounds) == "3to5"


@given(st.integers(min_value=0, max_value=60 * 24 * 60))
def test_age_of_agrees_with_the_business_time_since_registration(minutes_back: int) -> None:
    calendar = BusinessCalendar()
    end = datetime(2026, 12, 28, 10, 17, tzinfo=UTC)
    created = end - timedelta(minutes=minutes_back)
    bounds = age_bounds(calendar, end, DAY)
    assert age_of(created, bounds) == age_bucket(calendar.between(created, end), DAY)
