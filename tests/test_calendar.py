"""Explicit cases for the business-time calendar, in Europe/Amsterdam local time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest

from bot import calendar
from bot.calendar import DEFAULT_HOLIDAY_RULES, HOLIDAY_KEYS, BusinessCalendar, TwentyFourSeven

AMS = ZoneInfo("Europe/Amsterdam")
H = timedelta(hours=1)
M = timedelta(minutes=1)


def ams(
    year: int,
    month: int,
    day: int,
    hour: int = 0,
    minute: int = 0,
    second: int = 0,
    us: int = 0,
    *,
    fold: int = 0,
) -> datetime:
    return datetime(year, month, day, hour, minute, second, us, tzinfo=AMS, fold=fold)


def naive(year: int, month: int, day: int, hour: int = 0) -> datetime:
    """A wall-clock time without a zone, which the calendar must refuse."""
    return datetime(year, month, day, hour)  # noqa: DTZ001 (naive on purpose)


@pytest.fixture(scope="module")
def cal() -> BusinessCalendar:
    return BusinessCalendar()


# -- add ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "duration", "expected"),
    [
        pytest.param(ams(2026, 6, 15, 10), 2 * H, ams(2026, 6, 15, 12), id="within-a-day"),
        pytest.param(ams(2026, 6, 15, 7), H, ams(2026, 6, 15, 9, 30), id="before-hours"),
        pytest.param(ams(2026, 6, 15, 18), H, ams(2026, 6, 16, 9, 30), id="after-hours"),
        pytest.param(ams(2026, 6, 15, 17), H, ams(2026, 6, 16, 9), id="over-the-night"),
        pytest.param(ams(2026, 6, 13, 11), 30 * M, ams(2026, 6, 15, 9), id="saturday"),
        pytest.param(ams(2026, 6, 14, 23, 59), 30 * M, ams(2026, 6, 15, 9), id="sunday-night"),
        pytest.param(ams(2026, 6, 12, 17), H, ams(2026, 6, 15, 9), id="over-a-weekend"),
        pytest.param(ams(2027, 4, 27, 10), H, ams(2027, 4, 28, 9, 30), id="on-kings-day-2027"),
        pytest.param(ams(2027, 4, 26, 17), H, ams(2027, 4, 28, 9), id="over-kings-day-2027"),
        pytest.param(ams(2026, 12, 25, 10), H, ams(2026, 12, 28, 9, 30), id="on-christmas"),
        pytest.param(ams(2026, 12, 24, 17), H, ams(2026, 12, 28, 9), id="over-christmas"),
        pytest.param(ams(2026, 12, 31, 17), H, ams(2027, 1, 4, 9), id="over-new-year"),
        pytest.param(ams(2026, 6, 15, 8, 30), 9 * H, ams(2026, 6, 15, 17, 30), id="whole-day"),
        pytest.param(ams(2026, 6, 15, 6), 9 * H, ams(2026, 6, 15, 17, 30), id="day-from-night"),
        pytest.param(ams(2026, 6, 15, 8, 30), 45 * H, ams(2026, 6, 19, 17, 30), id="whole-week"),
        pytest.param(ams(2026, 6, 15, 17, 30), H, ams(2026, 6, 16, 9, 30), id="from-closing"),
        pytest.param(ams(2026, 6, 15, 17, 29), M, ams(2026, 6, 15, 17, 30), id="to-closing"),
    ],
)
def test_add(
    cal: BusinessCalendar, start: datetime, duration: timedelta, expected: datetime
) -> None:
    result = cal.add(start, duration)
    assert result == expected
    assert result.tzinfo is UTC
    assert cal.between(start, result) == duration


def test_add_zero_returns_the_start_itself_even_when_closed(cal: BusinessCalendar) -> None:
    saturday = ams(2026, 6, 13, 11)
    assert cal.add(saturday, timedelta(0)) == saturday
    assert cal.add(saturday, timedelta(0)).tzinfo is UTC
    assert cal.add(saturday, timedelta(microseconds=1)) == ams(2026, 6, 15, 8, 30, 0, 1)


def test_add_is_microsecond_exact(cal: BusinessCalendar) -> None:
    start = ams(2026, 6, 15, 17, 29, 59, 999_999)
    assert cal.add(start, timedelta(microseconds=2)) == ams(2026, 6, 16, 8, 30, 0, 1)


def test_add_rejects_a_negative_duration(cal: BusinessCalendar) -> None:
    with pytest.raises(ValueError, match="negative"):
        cal.add(ams(2026, 6, 15, 10), -M)


def test_add_accepts_any_timezone(cal: BusinessCalendar) -> None:
    new_york = ZoneInfo("America/New_York")
    start = datetime(2026, 6, 15, 4, tzinfo=new_york)  # 10:00 in Amsterdam
    assert cal.add(start, H) == ams(2026, 6, 15, 11)
    assert cal.add(start.astimezone(UTC), H) == ams(2026, 6, 15, 11)


# -- DST ---------------------------------------------------------------------------------------


def test_add_over_the_autumn_switch(cal: BusinessCalendar) -> None:
    # Sunday 2026-10-25 03:00 CEST becomes 02:00 CET; the weekend lasts an hour longer.
    result = cal.add(ams(2026, 10, 23, 16, 30), 2 * H)
    assert result == ams(2026, 10, 26, 9, 30)
    assert result.astimezone(AMS).utcoffset() == H
    assert result == datetime(2026, 10, 26, 8, 30, tzinfo=UTC)


def test_add_over_the_spring_switch(cal: BusinessCalendar) -> None:
    # 2027-03-26 is Good Friday (open), Monday 2027-03-29 Easter Monday (closed), and on
    # Sunday 2027-03-28 02:00 CET becomes 03:00 CEST.
    result = cal.add(ams(2027, 3, 26, 16, 30), 2 * H)
    assert result == ams(2027, 3, 30, 9, 30)
    assert result.astimezone(AMS).utcoffset() == 2 * H
    assert result == datetime(2027, 3, 30, 7, 30, tzinfo=UTC)


def test_spring_switch_on_an_ordinary_weekend(cal: BusinessCalendar) -> None:
    # 2026-03-29: no holiday on either side.
    assert cal.add(ams(2026, 3, 27, 16, 30), 2 * H) == ams(2026, 3, 30, 9, 30)
    assert cal.between(ams(2026, 3, 27, 17), ams(2026, 3, 30, 9)) == H


def test_between_over_the_autumn_switch(cal: BusinessCalendar) -> None:
    assert cal.between(ams(2026, 10, 23, 17), ams(2026, 10, 26, 9)) == H
    # The repeated hour itself is closed, whichever of its two passes.
    assert cal.between(ams(2026, 10, 25, 2, 30, fold=0), ams(2026, 10, 25, 2, 30, fold=1)) == (
        timedelta(0)
    )


def test_twenty_four_seven_over_the_autumn_switch() -> None:
    clock = TwentyFourSeven()
    result = clock.add(ams(2026, 10, 24, 12), 24 * H)
    assert result == ams(2026, 10, 25, 11)
    assert result.tzinfo is UTC
    # The same tzinfo on both sides must not make it subtract wall-clock times.
    assert clock.between(ams(2026, 10, 24, 12), ams(2026, 10, 25, 12)) == 25 * H
    assert clock.between(ams(2026, 10, 25, 12), ams(2026, 10, 24, 12)) == -25 * H


def test_twenty_four_seven_over_the_spring_switch() -> None:
    clock = TwentyFourSeven()
    result = clock.add(ams(2027, 3, 27, 12), 24 * H)
    assert result == ams(2027, 3, 28, 13)
    assert clock.between(ams(2027, 3, 27, 12), ams(2027, 3, 28, 12)) == 23 * H


def test_twenty_four_seven_validates_like_the_business_calendar() -> None:
    clock = TwentyFourSeven()
    with pytest.raises(ValueError, match="negative"):
        clock.add(ams(2026, 1, 1), -H)
    with pytest.raises(ValueError, match="timezone-aware"):
        clock.between(naive(2026, 1, 1), ams(2026, 1, 1))


# -- between -----------------------------------------------------------------------------------


def test_between_a_pause_over_night_and_weekend(cal: BusinessCalendar) -> None:
    # Waiting for the customer from Friday 16:00 to Monday 10:00: 1.5h + 1.5h of business time.
    assert cal.between(ams(2026, 6, 12, 16), ams(2026, 6, 15, 10)) == 3 * H
    # Tuesday 17:00 to Wednesday 09:00.
    assert cal.between(ams(2026, 6, 16, 17), ams(2026, 6, 17, 9)) == H


def test_between_is_negative_backwards(cal: BusinessCalendar) -> None:
    a, b = ams(2026, 6, 12, 16), ams(2026, 6, 15, 10)
    assert cal.between(b, a) == -3 * H


def test_between_inside_closed_time_is_zero(cal: BusinessCalendar) -> None:
    assert cal.between(ams(2026, 6, 13, 9), ams(2026, 6, 14, 20)) == timedelta(0)


def test_between_across_years(cal: BusinessCalendar) -> None:
    # 2026-12-31 Thursday 17:00 .. 2028-01-03 Monday 09:00: the half hour on Dec 31, all of 2027,
    # and half an hour on Jan 3.
    year_2027 = sum(
        (
            cal.between(ams(2027, m, 1), ams(2027, m + 1, 1) if m < 12 else ams(2028, 1, 1))
            for m in range(1, 13)
        ),
        timedelta(0),
    )
    working_days = sum(
        1
        for n in range(365)
        if (d := date(2027, 1, 1) + timedelta(days=n)).weekday() < 5
        and d not in cal.closed_days(2027)
    )
    assert year_2027 == working_days * 9 * H
    a, b = ams(2026, 12, 31, 17), ams(2028, 1, 3, 9)
    assert cal.between(a, b) == year_2027 + H
    assert cal.between(b, a) == -(year_2027 + H)


def test_module_level_functions_use_the_default_calendar() -> None:
    assert calendar.add(ams(2026, 6, 12, 17), H) == ams(2026, 6, 15, 9)
    assert calendar.between(ams(2026, 6, 12, 16), ams(2026, 6, 15, 10)) == 3 * H


# -- opening state -----------------------------------------------------------------------------


def test_is_open_and_next_open(cal: BusinessCalendar) -> None:
    assert cal.is_open(ams(2026, 6, 15, 8, 30))
    assert cal.is_open(ams(2026, 6, 15, 17, 29, 59, 999_999))
    assert not cal.is_open(ams(2026, 6, 15, 17, 30))
    assert not cal.is_open(ams(2026, 6, 13, 12))
    assert cal.next_open(ams(2026, 6, 15, 10)) == ams(2026, 6, 15, 10)
    assert cal.next_open(ams(2026, 6, 15, 10)).tzinfo is UTC
    assert cal.next_open(ams(2026, 6, 13, 12)) == ams(2026, 6, 15, 8, 30)
    assert cal.next_open(ams(2026, 12, 31, 17, 30)) == ams(2027, 1, 4, 8, 30)


# -- holidays ----------------------------------------------------------------------------------


def test_good_friday_is_open_by_default(cal: BusinessCalendar) -> None:
    assert cal.is_open(ams(2026, 4, 3, 10))
    assert date(2026, 4, 3) not in cal.closed_days(2026)


def test_easter_monday_is_closed(cal: BusinessCalendar) -> None:
    assert not cal.is_open(ams(2026, 4, 6, 10))
    assert cal.closed_days(2026)[date(2026, 4, 6)] == "easter_monday"


def test_liberation_day_is_closed_in_lustrum_years_only(cal: BusinessCalendar) -> None:
    assert not cal.is_open(ams(2025, 5, 5, 10))  # a Monday
    assert cal.closed_days(2025)[date(2025, 5, 5)] == "liberation_day"
    assert cal.closed_days(2030)[date(2030, 5, 5)] == "liberation_day"  # a Sunday
    assert cal.is_open(ams(2026, 5, 5, 10))  # a Tuesday
    assert date(2026, 5, 5) not in cal.closed_days(2026)


def test_kings_day_moves_to_saturday_when_it_falls_on_sunday(cal: BusinessCalendar) -> None:
    assert cal.closed_days(2025)[date(2025, 4, 26)] == "kings_day"
    assert cal.closed_days(2027)[date(2027, 4, 27)] == "kings_day"


def test_default_closed_days_2026(cal: BusinessCalendar) -> None:
    assert cal.closed_days(2026) == {
        date(2026, 1, 1): "new_years_day",
        date(2026, 4, 5): "easter_sunday",
        date(2026, 4, 6): "easter_monday",
        date(2026, 4, 27): "kings_day",
        date(2026, 5, 14): "ascension_day",
        date(2026, 5, 24): "whit_sunday",
        date(2026, 5, 25): "whit_monday",
        date(2026, 12, 25): "christmas_day",
        date(2026, 12, 26): "second_day_of_christmas",
    }


def test_custom_holiday_rule_overrides_one_key_only() -> None:
    strict = BusinessCalendar(holiday_rules={"good_friday": "closed", "liberation_day": "closed"})
    assert not strict.is_open(ams(2026, 4, 3, 10))
    assert strict.closed_days(2026)[date(2026, 4, 3)] == "good_friday"
    assert not strict.is_open(ams(2026, 5, 5, 10))
    assert not strict.is_open(ams(2026, 12, 25, 10))  # the other defaults stay
    assert strict.add(ams(2026, 4, 2, 17), H) == ams(2026, 4, 7, 9)


def test_a_holiday_can_be_opened() -> None:
    open_whit = BusinessCalendar(holiday_rules={"whit_monday": "open"})
    assert open_whit.is_open(ams(2026, 5, 25, 10))


def test_extra_closed_days() -> None:
    outing = BusinessCalendar(extra_closed=[date(2026, 6, 15), date(2026, 12, 25)])
    assert not outing.is_open(ams(2026, 6, 15, 10))
    assert outing.add(ams(2026, 6, 12, 17), H) == ams(2026, 6, 16, 9)
    closed = outing.closed_days(2026)
    assert closed[date(2026, 6, 15)] == "extra"
    assert closed[date(2026, 12, 25)] == "christmas_day"


def test_unknown_holiday_key_is_rejected() -> None:
    with pytest.raises(ValueError, match="sinterklaas"):
        BusinessCalendar(holiday_rules={"sinterklaas": "closed"})


def test_unknown_holiday_rule_is_rejected() -> None:
    with pytest.raises(ValueError, match="sometimes"):
        BusinessCalendar(holiday_rules={"good_friday": "sometimes"})  # type: ignore[dict-item]


def test_datetimes_are_rejected_as_extra_closed_days() -> None:
    with pytest.raises(TypeError):
        BusinessCalendar(extra_closed=[ams(2026, 6, 15)])


def test_default_rules_cover_every_key() -> None:
    assert set(DEFAULT_HOLIDAY_RULES) == set(HOLIDAY_KEYS)


def test_every_key_has_a_date_every_year() -> None:
    for year in (1982, 2005, 2026, 2100, 2101, 2199):
        assert set(calendar.holiday_dates(year)) == set(HOLIDAY_KEYS), year


def test_liberation_day_is_a_yearly_holiday_from_1982() -> None:
    assert "liberation_day" not in calendar.holiday_dates(1981)
    assert calendar.holiday_dates(1980)["liberation_day"] == date(1980, 5, 5)  # a lustrum
    assert calendar.holiday_dates(1982)["liberation_day"] == date(1982, 5, 5)
    closed = BusinessCalendar(holiday_rules={"liberation_day": "closed"})
    assert closed.closed_days(1981).get(date(1981, 5, 5)) is None
    assert closed.closed_days(2026)[date(2026, 5, 5)] == "liberation_day"


def test_the_package_serves_the_years_after_2100_too() -> None:
    # The package's own year range ends at 2100; the calendar runs until MAX_YEAR.
    assert calendar.holiday_dates(2150)["easter_monday"] == date(2150, 4, 13)
    assert calendar.holiday_dates(2199)["kings_day"] == date(2199, 4, 27)
    assert not BusinessCalendar().is_open(ams(2199, 12, 26, 10))  # a Thursday


def test_the_package_names_every_holiday_it_lists() -> None:
    # A holiday the package lists under an unmapped name would silently open the desk.
    for year in (1982, *range(2020, 2036), 2100, 2150):
        listed = holidays.country_holidays(
            "NL", years=year, language="en_US", categories=(holidays.PUBLIC, holidays.OPTIONAL)
        )
        assert year > 2100 or listed, year
        assert set(listed) <= set(calendar._package_holidays(year).values()), year


# -- custom hours and DST edge cases -----------------------------------------------------------


def test_custom_hours_with_a_lunch_break() -> None:
    lunch = BusinessCalendar(hours={0: [(time(13), time(17)), (time(9), time(12))]})
    assert lunch.add(ams(2026, 6, 15, 11), 2 * H) == ams(2026, 6, 15, 14)
    assert lunch.add(ams(2026, 6, 15, 9), 3 * H) == ams(2026, 6, 15, 12)
    assert lunch.add(ams(2026, 6, 16, 9), H) == ams(2026, 6, 22, 10)


def test_midnight_as_end_of_day() -> None:
    weekend = BusinessCalendar(hours={5: [(time(0), time(0))], 6: [(time(0), time(0))]})
    assert weekend.between(ams(2026, 6, 13), ams(2026, 6, 15)) == 48 * H
    assert weekend.is_open(ams(2026, 6, 13, 23, 59))
    assert weekend.add(ams(2026, 6, 12, 10), 48 * H) == ams(2026, 6, 15)
    # The autumn Sunday has 25 hours.
    assert weekend.between(ams(2026, 10, 25), ams(2026, 10, 26)) == 25 * H


def test_a_repeated_hour_counts_twice() -> None:
    night = BusinessCalendar(hours={6: [(time(2), time(3))]})
    # 2026-10-25: from the first 02:00 (CEST) to the last 03:00 (the clock shows 03:00 CET once).
    assert night.between(ams(2026, 10, 25), ams(2026, 10, 25, 12)) == 2 * H
    # (Compared in UTC: Python never finds the second pass of a repeated hour equal to an
    # instant in another zone.)
    assert night.add(ams(2026, 10, 25), H) == datetime(2026, 10, 25, 1, tzinfo=UTC)
    assert night.add(ams(2026, 10, 25), H).astimezone(AMS).fold == 1
    assert night.add(ams(2026, 10, 25), 2 * H) == ams(2026, 10, 25, 3)


def test_an_end_in_a_repeated_hour_is_its_last_occurrence() -> None:
    night = BusinessCalendar(hours={6: [(time(1), time(2, 30))]})
    # 2026-10-25: 01:00 CEST (23:00 UTC) until 02:30 CET (01:30 UTC), not 02:30 CEST.
    assert night.between(ams(2026, 10, 24, 12), ams(2026, 10, 25, 12)) == 2 * H + 30 * M
    assert night.is_open(ams(2026, 10, 25, 2, 15, fold=1))
    assert not night.is_open(ams(2026, 10, 25, 2, 30, fold=1))


def test_a_skipped_hour_is_closed() -> None:
    night = BusinessCalendar(hours={6: [(time(2), time(3))]})
    # 2026-03-29: the clock jumps from 02:00 to 03:00, so that night the desk is not open.
    assert night.between(ams(2026, 3, 29), ams(2026, 3, 29, 12)) == timedelta(0)
    assert night.between(ams(2026, 3, 22), ams(2026, 3, 22, 12)) == H


def test_an_interval_starting_in_a_skipped_hour_starts_at_the_jump() -> None:
    early = BusinessCalendar(hours={6: [(time(2, 30), time(4))]})
    # 02:30 does not exist on 2026-03-29; the desk opens when the clock jumps to 03:00.
    assert early.next_open(ams(2026, 3, 29)) == ams(2026, 3, 29, 3)
    assert early.between(ams(2026, 3, 29), ams(2026, 3, 29, 12)) == H
    # (2027-03-28 is Easter Sunday: closed, although it is also a switch day.)
    assert early.between(ams(2027, 3, 28), ams(2027, 3, 28, 12)) == timedelta(0)


def test_other_timezones() -> None:
    london = BusinessCalendar(timezone="Europe/London")
    start = datetime(2026, 6, 15, 8, 30, tzinfo=ZoneInfo("Europe/London"))
    assert london.add(start, 9 * H) == start + 9 * H
    assert london.next_open(start - H) == start


# -- validation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.add(naive(2026, 6, 15, 10), H),
        lambda c: c.between(naive(2026, 6, 15, 10), ams(2026, 6, 15, 11)),
        lambda c: c.between(ams(2026, 6, 15, 10), naive(2026, 6, 15, 11)),
        lambda c: c.is_open(naive(2026, 6, 15, 10)),
        lambda c: c.next_open(naive(2026, 6, 15, 10)),
    ],
    ids=["add", "between-a", "between-b", "is_open", "next_open"],
)
def test_naive_datetimes_are_rejected(
    cal: BusinessCalendar, call: Callable[[BusinessCalendar], object]
) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        call(cal)


def test_outside_the_supported_range(cal: BusinessCalendar) -> None:
    with pytest.raises(ValueError, match="supported range"):
        cal.add(ams(1960, 1, 1), H)
    with pytest.raises(ValueError, match="supported range"):
        cal.between(ams(2026, 1, 1), ams(2200, 1, 1))
    with pytest.raises(ValueError, match="supported range"):
        cal.add(ams(2199, 12, 31, 17), H)
    with pytest.raises(ValueError, match="supported range"):
        cal.closed_days(1970)
    assert cal.add(ams(2199, 12, 31, 16), H) == ams(2199, 12, 31, 17)
    assert cal.add(ams(1971, 1, 1), H) == ams(1971, 1, 4, 9, 30)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"timezone": "Europe/Nowhere"}, "timezone"),
        ({"hours": {}}, "open at some time"),
        ({"hours": {7: [(time(9), time(17))]}}, "weekday"),
        ({"hours": {0: [(time(17), time(9))]}}, "empty"),
        ({"hours": {0: [(time(9), time(12)), (time(11), time(17))]}}, "overlap"),
        ({"hours": {0: [(time(9, tzinfo=UTC), time(17))]}}, "naive"),
    ],
)
def test_invalid_configuration(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        BusinessCalendar(**kwargs)  # type: ignore[arg-type]
