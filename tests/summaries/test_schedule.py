"""When each scheduled summary is due and what period it covers, on the desk's calendar
(pure: the default policy's calendar, 2026-2027, Amsterdam time)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.policy import Policy, default_policy_text, load_policy, parse_policy
from bot.summaries.model import Period, SummaryKind
from bot.summaries.poster import when_of
from bot.summaries.schedule import Schedule, Slot, When
from tests.conftest import amsterdam

AMS = ZoneInfo("Europe/Amsterdam")
DAY, MORNING, WEEK, MONTH = (
    SummaryKind.DAY,
    SummaryKind.MORNING,
    SummaryKind.WEEK,
    SummaryKind.MONTH,
)
CLOSING, OPENING = When(closing=True), When()


def schedule(policy: Policy | None = None) -> Schedule:
    return Schedule((policy or load_policy()).calendar, AMS)


def period(a: datetime, b: datetime) -> Period:
    return Period(a.astimezone(ZoneInfo("UTC")), b.astimezone(ZoneInfo("UTC")))


def latest(kind: SummaryKind, when: When, now: datetime) -> Slot:
    slot = schedule().latest(kind, when, now)
    assert slot is not None
    return slot


# --- the day ----------------------------------------------------------------------------------


def test_the_day_is_due_when_the_desk_closes_and_covers_the_day_since_the_last() -> None:
    s = schedule()
    slot = latest(DAY, CLOSING, amsterdam(2026, 11, 24, 17, 30))  # a Tuesday
    assert slot.at == slot.end == amsterdam(2026, 11, 24, 17, 30)
    assert s.due(slot, amsterdam(2026, 11, 24, 17, 30), last_end=amsterdam(2026, 11, 23, 17, 30))
    assert s.period(slot, CLOSING, last_end=amsterdam(2026, 11, 23, 17, 30)) == period(
        amsterdam(2026, 11, 23, 17, 30), amsterdam(2026, 11, 24, 17, 30)
    )
    # A minute before, the latest is Monday's, which was posted.
    before = latest(DAY, CLOSING, amsterdam(2026, 11, 24, 17, 29))
    assert before.end == amsterdam(2026, 11, 23, 17, 30)
    assert not s.due(before, amsterdam(2026, 11, 24, 17, 29), last_end=before.end)


def test_mondays_day_covers_the_weekend() -> None:
    slot = latest(DAY, CLOSING, amsterdam(2026, 11, 30, 18, 0))
    # Friday 17:30 to Monday 17:30: the weekend has no day of its own.
    assert schedule().period(slot, CLOSING, last_end=None) == period(
        amsterdam(2026, 11, 27, 17, 30), amsterdam(2026, 11, 30, 17, 30)
    )


def test_nothing_on_whit_monday_and_tuesday_covers_it() -> None:
    s = schedule()
    assert s.slot_on(DAY, CLOSING, amsterdam(2026, 5, 25).date()) is None  # Whit Monday
    assert s.slot_on(DAY, CLOSING, amsterdam(2026, 5, 23).date()) is None  # a Saturday
    slot = latest(DAY, CLOSING, amsterdam(2026, 5, 26, 17, 30))
    friday = amsterdam(2026, 5, 22, 17, 30)
    assert s.period(slot, CLOSING, last_end=friday) == period(
        friday, amsterdam(2026, 5, 26, 17, 30)
    )


def test_a_shorter_day_closes_earlier_and_a_policy_time_is_kept() -> None:
    short = parse_policy(default_policy_text().replace('fri: "08:30-17:30"', 'fri: "08:30-13:00"'))
    friday = Schedule(short.calendar, AMS).slot_on(DAY, CLOSING, amsterdam(2026, 11, 27).date())
    assert friday is not None and friday.at == amsterdam(2026, 11, 27, 13, 0)
    five = when_of(
        parse_policy(
            default_policy_text().replace("at: office_end, to: [lines", 'at: "17:00", to: [lines')
        ).summaries.day
    )
    slot = schedule().slot_on(DAY, five, amsterdam(2026, 11, 24).date())
    assert slot is not None and slot.at == amsterdam(2026, 11, 24, 17, 0)


# --- the morning ------------------------------------------------------------------------------


def test_the_morning_covers_the_night() -> None:
    slot = latest(MORNING, OPENING, amsterdam(2026, 11, 24, 8, 30))
    assert slot.at == amsterdam(2026, 11, 24, 8, 30)
    # Not from the last morning: what happened while the desk was closed, since 17:30.
    last = amsterdam(2026, 11, 23, 8, 30)
    assert schedule().period(slot, OPENING, last_end=last) == period(
        amsterdam(2026, 11, 23, 17, 30), amsterdam(2026, 11, 24, 8, 30)
    )


def test_the_morning_after_christmas_covers_the_long_weekend() -> None:
    # Christmas 2026 is a Friday, the second day a Saturday: closed from Thursday 17:30.
    slot = latest(MORNING, OPENING, amsterdam(2026, 12, 28, 9, 0))
    assert slot.at == amsterdam(2026, 12, 28, 8, 30)
    assert schedule().period(slot, OPENING, last_end=amsterdam(2026, 12, 24, 8, 30)) == period(
        amsterdam(2026, 12, 24, 17, 30), amsterdam(2026, 12, 28, 8, 30)
    )


# --- the week and the month -------------------------------------------------------------------


def test_the_week_is_monday_morning_and_covers_the_iso_week_before() -> None:
    slot = latest(WEEK, OPENING, amsterdam(2026, 11, 30, 8, 30))
    assert (slot.at, slot.end) == (amsterdam(2026, 11, 30, 8, 30), amsterdam(2026, 11, 30))
    assert schedule().period(slot, OPENING, last_end=amsterdam(2026, 11, 23)) == period(
        amsterdam(2026, 11, 23), amsterdam(2026, 11, 30)
    )


def test_after_easter_monday_the_week_comes_on_tuesday() -> None:
    s = schedule()
    assert s.slot_on(WEEK, OPENING, amsterdam(2026, 4, 6).date()) is None  # Easter Monday
    slot = latest(WEEK, OPENING, amsterdam(2026, 4, 7, 9, 0))
    assert slot.at == amsterdam(2026, 4, 7, 8, 30)
    # The week of the switch to summer time is 167 hours: local midnights, not 7 x 24 h.
    p = s.period(slot, OPENING, last_end=None)
    assert p == period(amsterdam(2026, 3, 30), amsterdam(2026, 4, 6))
    summer = s.period(latest(WEEK, OPENING, amsterdam(2026, 3, 30, 9, 0)), OPENING, last_end=None)
    assert summer.length == timedelta(hours=167)
    # Wednesday is not a first business day of the week.
    assert s.slot_on(WEEK, OPENING, amsterdam(2026, 4, 8).date()) is None


def test_the_month_is_its_first_business_day_and_covers_the_month_before() -> None:
    s = schedule()
    # 1 January 2027 is a holiday (Friday), then the weekend: Monday the 4th.
    assert s.slot_on(MONTH, OPENING, amsterdam(2027, 1, 1).date()) is None
    slot = latest(MONTH, OPENING, amsterdam(2027, 1, 4, 8, 30))
    assert (slot.at, slot.end) == (amsterdam(2027, 1, 4, 8, 30), amsterdam(2027, 1, 1))
    assert s.period(slot, OPENING, last_end=amsterdam(2026, 12, 1)) == period(
        amsterdam(2026, 12, 1), amsterdam(2027, 1, 1)
    )
    assert s.slot_on(MONTH, OPENING, amsterdam(2027, 1, 5).date()) is None


# --- late, and after downtime -----------------------------------------------------------------


def test_a_slot_missed_by_a_restart_goes_out_at_once() -> None:
    s = schedule()
    slot = latest(DAY, CLOSING, amsterdam(2026, 11, 24, 18, 15))
    assert s.due(slot, amsterdam(2026, 11, 24, 18, 15), last_end=amsterdam(2026, 11, 23, 17, 30))


def test_later_in_the_evening_it_waits_for_the_desk_to_open() -> None:
    s = schedule()
    monday = amsterdam(2026, 11, 23, 17, 30)
    for now in (amsterdam(2026, 11, 24, 19, 0), amsterdam(2026, 11, 25, 3, 0)):
        slot = latest(DAY, CLOSING, now)
        assert not s.due(slot, now, last_end=monday), now
    opened = amsterdam(2026, 11, 25, 8, 30)
    slot = latest(DAY, CLOSING, opened)
    assert slot.end == amsterdam(2026, 11, 24, 17, 30) and s.due(slot, opened, last_end=monday)


def test_nothing_on_a_closed_day_the_catch_up_comes_on_monday() -> None:
    s = schedule()
    thursday = amsterdam(2026, 11, 26, 17, 30)
    saturday = amsterdam(2026, 11, 28, 11, 0)
    assert not s.due(latest(DAY, CLOSING, saturday), saturday, last_end=thursday)
    monday = amsterdam(2026, 11, 30, 8, 30)
    slot = latest(DAY, CLOSING, monday)
    assert s.due(slot, monday, last_end=thursday)
    assert s.period(slot, CLOSING, last_end=thursday) == period(
        thursday, amsterdam(2026, 11, 27, 17, 30)
    )


def test_after_downtime_one_catch_up_covers_every_missed_day() -> None:
    s = schedule()
    tuesday = amsterdam(2026, 11, 24, 17, 30)
    now = amsterdam(2026, 11, 27, 10, 0)  # back on Friday morning
    slot = latest(DAY, CLOSING, now)
    assert slot.end == amsterdam(2026, 11, 26, 17, 30)
    assert s.period(slot, CLOSING, last_end=tuesday) == period(tuesday, slot.end)
    # The mornings missed too: from the closing before the first missed one.
    morning = latest(MORNING, OPENING, now)
    assert s.period(morning, OPENING, last_end=amsterdam(2026, 11, 24, 8, 30)) == period(
        amsterdam(2026, 11, 24, 17, 30), amsterdam(2026, 11, 27, 8, 30)
    )


def test_a_first_start_catches_up_nothing() -> None:
    s = schedule()
    now = amsterdam(2026, 11, 24, 10, 0)
    assert not s.due(latest(DAY, CLOSING, now), now, last_end=None)  # Monday's day
    assert not s.due(latest(MONTH, OPENING, now), now, last_end=None)  # 2 November's month
    assert not s.due(latest(WEEK, OPENING, now), now, last_end=None)  # Monday's week
    assert not s.due(latest(MORNING, OPENING, now), now, last_end=None)  # this morning's
    # It starts with the next one due, a sweep or two late at most.
    for now, due in (
        (amsterdam(2026, 11, 24, 17, 34), True),
        (amsterdam(2026, 11, 24, 17, 36), False),
    ):
        assert s.due(latest(DAY, CLOSING, now), now, last_end=None) is due, now


@pytest.mark.parametrize("kind", [DAY, WEEK])
def test_a_catch_up_reaches_back_only_so_far(kind: SummaryKind) -> None:
    when = CLOSING if kind is DAY else OPENING
    slot = latest(kind, when, amsterdam(2026, 11, 30, 18, 0))
    long_ago = amsterdam(2026, 6, 1)
    assert schedule().period(slot, when, last_end=long_ago) == schedule().period(
        slot, when, last_end=None
    )
