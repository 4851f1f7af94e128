"""Properties of the business-time calendar, checked with hypothesis over 2020-2035."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.calendar import BusinessCalendar, TwentyFourSeven

AMS = ZoneInfo("Europe/Amsterdam")
CAL = BusinessCalendar()
# Sunday hours inside the DST switch hours, so that the odd cases are exercised as well.
NIGHT = BusinessCalendar(
    hours={
        0: [(time(8, 30), time(17, 30))],
        6: [(time(1, 30), time(2, 30)), (time(2, 45), time(4))],
    }
)
US = timedelta(microseconds=1)

# Hypothesis takes naive bounds; `timezones` makes the values it draws aware.
aware = st.datetimes(
    min_value=datetime(2020, 1, 2),  # noqa: DTZ001
    max_value=datetime(2035, 12, 30),  # noqa: DTZ001
    timezones=st.sampled_from(
        [AMS, UTC, ZoneInfo("America/New_York"), timezone(timedelta(hours=5))]
    ),
)
# Up to 2000 business hours (about a year), in microseconds, with a bias to short ones.
durations = st.one_of(
    st.integers(0, 10 * 3600 * 10**6),
    st.integers(0, 2000 * 3600 * 10**6),
    st.sampled_from([0, 1, 9 * 3600 * 10**6, 45 * 3600 * 10**6]),
).map(lambda us: timedelta(microseconds=us))
calendars = st.sampled_from([CAL, NIGHT])

common = settings(deadline=None, max_examples=300)


def utc(t: datetime) -> datetime:
    """`t` in UTC. Compare in UTC: Python finds a time in a skipped or repeated hour unequal
    to every instant in another zone (PEP 495), even to the same instant."""
    return t.astimezone(UTC)


@common
@given(calendars, aware, durations)
def test_between_inverts_add(cal: BusinessCalendar, s: datetime, d: timedelta) -> None:
    assert cal.between(s, cal.add(s, d)) == d


@common
@given(calendars, aware, durations)
def test_add_is_the_earliest_such_moment(cal: BusinessCalendar, s: datetime, d: timedelta) -> None:
    t = cal.add(s, d)
    assert t >= s
    if d:
        assert cal.between(s, t - US) == d - US
    else:
        assert t == utc(s)


@common
@given(calendars, aware, durations, durations)
def test_add_is_monotonic_in_duration(
    cal: BusinessCalendar, s: datetime, d1: timedelta, d2: timedelta
) -> None:
    d1, d2 = sorted((d1, d2))
    assert cal.add(s, d1) <= cal.add(s, d2)


@common
@given(calendars, aware, aware, durations)
def test_add_is_monotonic_in_start(
    cal: BusinessCalendar, s1: datetime, s2: datetime, d: timedelta
) -> None:
    s1, s2 = sorted((s1, s2), key=utc)
    assert cal.add(s1, d) <= cal.add(s2, d)


@common
@given(calendars, aware, aware, aware)
def test_between_is_additive(cal: BusinessCalendar, a: datetime, b: datetime, c: datetime) -> None:
    assert cal.between(a, b) + cal.between(b, c) == cal.between(a, c)
    assert cal.between(b, a) == -cal.between(a, b)


@common
@given(calendars, aware, aware)
def test_between_is_bounded_by_real_time(cal: BusinessCalendar, a: datetime, b: datetime) -> None:
    a, b = sorted((a, b), key=utc)
    real = utc(b) - utc(a)  # in UTC: same-zone subtraction would use wall-clock time
    assert timedelta(0) <= cal.between(a, b) <= real


@common
@given(calendars, aware, durations.filter(bool))
def test_a_positive_add_ends_open_or_at_a_closing_time(
    cal: BusinessCalendar, s: datetime, d: timedelta
) -> None:
    t = cal.add(s, d)
    assert cal.is_open(t) or cal.is_open(t - US)


@common
@given(calendars, aware)
def test_next_open(cal: BusinessCalendar, at: datetime) -> None:
    nxt = cal.next_open(at)
    assert nxt >= at
    assert cal.is_open(nxt)
    assert cal.between(at, nxt) == timedelta(0)
    assert (nxt == utc(at)) == cal.is_open(at)


def reference_between(a: datetime, b: datetime) -> timedelta:
    """Day by day with zoneinfo, for the default desk: slow, but plainly right for 08:30-17:30."""
    a, b = utc(a), utc(b)
    if b < a:
        return -reference_between(b, a)
    total = timedelta(0)
    day = a.astimezone(AMS).date() - timedelta(days=1)
    while day <= b.astimezone(AMS).date():
        if day.weekday() < 5 and day not in CAL.closed_days(day.year):
            opens = utc(datetime.combine(day, time(8, 30), tzinfo=AMS))
            closes = utc(datetime.combine(day, time(17, 30), tzinfo=AMS))
            lo, hi = max(opens, a), min(closes, b)
            if hi > lo:
                total += hi - lo
        day += timedelta(days=1)
    return total


short_gaps = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=40))


@common
@given(aware, short_gaps)
def test_between_matches_a_day_by_day_reference(a: datetime, gap: timedelta) -> None:
    b = utc(a) + gap
    assert CAL.between(a, b) == reference_between(a, b)


@common
@given(aware, st.integers(0, 200 * 60).map(lambda m: timedelta(minutes=m)))
def test_add_lands_on_the_reference_clock(s: datetime, d: timedelta) -> None:
    t = CAL.add(s, d)
    assert reference_between(s, t) == d
    local = t.astimezone(AMS)
    if d:
        assert local.weekday() < 5
        assert time(8, 30) < local.time() <= time(17, 30)
        assert local.date() not in CAL.closed_days(local.year)


@common
@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)))
def test_closed_days_are_never_open(day: date) -> None:
    noon = datetime.combine(day, time(12), tzinfo=AMS)
    expected = day.weekday() < 5 and day not in CAL.closed_days(day.year)
    assert CAL.is_open(noon) == expected


@common
@given(aware, durations)
def test_twenty_four_seven_is_real_time(s: datetime, d: timedelta) -> None:
    clock = TwentyFourSeven()
    t = clock.add(s, d)
    assert utc(t) - utc(s) == d
    assert clock.between(s, t) == d
    assert clock.between(t, s) == -d
