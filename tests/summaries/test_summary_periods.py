"""What a summary's figures are compared with: the month, the ISO week or the business day
before on the Amsterdam calendar, and for a scheduled summary the period of the one before it
(pure: the default policy's calendar, 2026, Amsterdam time)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.policy import load_policy
from bot.summaries.model import Period, SummaryKind
from bot.summaries.rules.periods import (
    business_day_before,
    compared_with,
    day_before,
    midnight,
    month_before,
    week_before,
)
from bot.summaries.schedule import Schedule, When
from tests.conftest import amsterdam

AMS = ZoneInfo("Europe/Amsterdam")
CALENDAR = load_policy().calendar
SCHEDULE = Schedule(CALENDAR, AMS)
CLOSING, OPENING = When(closing=True), When()


def local(a: datetime, b: datetime) -> Period:
    return Period(a.astimezone(UTC), b.astimezone(UTC))


def test_midnight_is_the_local_day_start_in_utc_on_either_side_of_summer_time() -> None:
    assert midnight(date(2026, 3, 1), AMS) == datetime(2026, 2, 28, 23, 0, tzinfo=UTC)
    assert midnight(date(2026, 4, 1), AMS) == datetime(2026, 3, 31, 22, 0, tzinfo=UTC)


def test_march_is_compared_with_february() -> None:
    march = local(amsterdam(2026, 3, 1), amsterdam(2026, 4, 1))
    # Not the 31 days before 1 March (from 29 January 01:00): February, 28 days.
    assert month_before(march, AMS) == local(amsterdam(2026, 2, 1), amsterdam(2026, 3, 1))
    assert compared_with(SummaryKind.MONTH, march, CALENDAR, AMS) == month_before(march, AMS)
    # The scheduled month's summary, posted on 1 April, likewise.
    assert SCHEDULE.previous(SummaryKind.MONTH, OPENING, march) == month_before(march, AMS)


def test_a_month_so_far_is_compared_with_the_same_part_of_the_month_before() -> None:
    so_far = local(amsterdam(2026, 3, 1), amsterdam(2026, 3, 10, 14, 0))
    assert month_before(so_far, AMS) == local(amsterdam(2026, 2, 1), amsterdam(2026, 2, 10, 14, 0))
    # The 31st has no day in February: up to its last day, at the same time.
    late = local(amsterdam(2026, 3, 1), amsterdam(2026, 3, 31, 10, 0))
    assert month_before(late, AMS) == local(amsterdam(2026, 2, 1), amsterdam(2026, 2, 28, 10, 0))
    # January with the December before.
    january = local(amsterdam(2027, 1, 1), amsterdam(2027, 2, 1))
    assert month_before(january, AMS) == local(amsterdam(2026, 12, 1), amsterdam(2027, 1, 1))


def test_a_week_after_the_change_to_summer_time_starts_at_monday_midnight() -> None:
    # Summer time began on Sunday 29 March 2026: the week of 23 March had 167 hours.
    week = local(amsterdam(2026, 3, 30), amsterdam(2026, 4, 6))
    before = week_before(week, AMS)
    assert before == local(amsterdam(2026, 3, 23), amsterdam(2026, 3, 30))
    # Monday 00:00 CET is Sunday 23:00 UTC: not Sunday 22 March 23:00 Amsterdam time.
    assert before.start == datetime(2026, 3, 22, 23, 0, tzinfo=UTC)
    assert before.length == timedelta(hours=167)
    assert SCHEDULE.previous(SummaryKind.WEEK, OPENING, week) == before
    # The week with the change itself, against the week before it (168 hours).
    changed = local(amsterdam(2026, 3, 23), amsterdam(2026, 3, 30))
    assert SCHEDULE.previous(SummaryKind.WEEK, OPENING, changed) == local(
        amsterdam(2026, 3, 16), amsterdam(2026, 3, 23)
    )


def test_a_week_so_far_on_wednesday_is_compared_with_last_week_until_wednesday() -> None:
    so_far = local(amsterdam(2026, 12, 7), amsterdam(2026, 12, 9, 10, 0))
    assert compared_with(SummaryKind.WEEK, so_far, CALENDAR, AMS) == local(
        amsterdam(2026, 11, 30), amsterdam(2026, 12, 2, 10, 0)
    )


def test_a_day_so_far_is_compared_with_the_same_hours_of_the_business_day_before() -> None:
    # Monday until 10:00 with Friday until 10:00 (not Sunday 14:00 to midnight).
    monday = local(amsterdam(2026, 11, 30), amsterdam(2026, 11, 30, 10, 0))
    assert day_before(monday, CALENDAR, AMS) == local(
        amsterdam(2026, 11, 27), amsterdam(2026, 11, 27, 10, 0)
    )
    # Tuesday after Easter Monday (6 April 2026, closed) with Good Friday, when the desk opens.
    tuesday = local(amsterdam(2026, 4, 7), amsterdam(2026, 4, 7, 10, 0))
    assert compared_with(SummaryKind.DAY, tuesday, CALENDAR, AMS) == local(
        amsterdam(2026, 4, 3), amsterdam(2026, 4, 3, 10, 0)
    )
    # A whole day across the change to summer time: Monday 30 March with Friday 27 March.
    whole = local(amsterdam(2026, 3, 30), amsterdam(2026, 3, 31))
    assert day_before(whole, CALENDAR, AMS) == local(amsterdam(2026, 3, 27), amsterdam(2026, 3, 28))
    assert business_day_before(date(2026, 12, 28), CALENDAR, AMS) == date(2026, 12, 24)


def test_mondays_day_summary_is_compared_with_fridays() -> None:
    # Friday 17:30 to Monday 17:30 (the weekend and Monday): the day summary before covered
    # Thursday 17:30 to Friday 17:30, not Tuesday to Friday.
    monday = local(amsterdam(2026, 11, 27, 17, 30), amsterdam(2026, 11, 30, 17, 30))
    assert SCHEDULE.previous(SummaryKind.DAY, CLOSING, monday) == local(
        amsterdam(2026, 11, 26, 17, 30), amsterdam(2026, 11, 27, 17, 30)
    )
    # Tuesday's after Easter Monday (from Good Friday's closing): with Good Friday's day.
    after_easter = local(amsterdam(2026, 4, 3, 17, 30), amsterdam(2026, 4, 7, 17, 30))
    assert SCHEDULE.previous(SummaryKind.DAY, CLOSING, after_easter) == local(
        amsterdam(2026, 4, 2, 17, 30), amsterdam(2026, 4, 3, 17, 30)
    )


def test_mondays_morning_is_compared_with_fridays_morning() -> None:
    weekend = local(amsterdam(2026, 11, 27, 17, 30), amsterdam(2026, 11, 30, 8, 30))
    assert SCHEDULE.previous(SummaryKind.MORNING, OPENING, weekend) == local(
        amsterdam(2026, 11, 26, 17, 30), amsterdam(2026, 11, 27, 8, 30)
    )
    # Tuesday's morning with Monday's: Monday's night, 15 hours, not the whole weekend.
    tuesday = local(amsterdam(2026, 11, 30, 17, 30), amsterdam(2026, 12, 1, 8, 30))
    assert SCHEDULE.previous(SummaryKind.MORNING, OPENING, tuesday) == weekend
