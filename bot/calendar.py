"""Business-time calendar for SLA deadlines: Korton's desk hours and Dutch public holidays.

The desk is open Monday to Friday 08:30-17:30 Europe/Amsterdam and closed on a chosen set of
public holidays. An SLA of "8 business hours" therefore runs only while the desk is open.

Pure domain code: no Slack, no database. Everything works on timezone-aware datetimes and
returns aware datetimes in UTC.

Design
------
Every instant ``t`` maps to ``B(t)``, the business time (integer microseconds) that has passed
since the start of the local year containing ``t``. Per local year a table is built once, lazily,
and cached: the UTC bounds of all opening intervals of that year, flattened as
``[open0, close0, open1, close1, ...]``, and the cumulative business time at each opening.
Then::

    between(a, b) = B(b) - B(a)                  (plus whole years in between, if any)
    add(s, d)     = the earliest t with B(t) == B(s) + d       (B inverted with bisect)

so a call costs two binary searches and some integer arithmetic, independent of how many days
the interval covers. Integer microseconds keep every result exact; floats never appear.

Wall-clock office hours are turned into UTC once per day while a year's table is built, with
``zoneinfo``, so DST switches are handled in both directions: an hour of business time is an hour
of real time, and the night of a switch simply lasts 23 or 25 hours.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from types import MappingProxyType
from typing import Final, Literal, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from holidays import OPTIONAL, PUBLIC
from holidays.countries.netherlands import Netherlands

__all__ = [
    "DEFAULT_HOLIDAY_RULES",
    "DEFAULT_HOURS",
    "HOLIDAY_KEYS",
    "MAX_YEAR",
    "MIN_YEAR",
    "BusinessCalendar",
    "Calendar",
    "HolidayRule",
    "TwentyFourSeven",
    "add",
    "between",
    "holiday_dates",
]

HolidayRule = Literal["closed", "open", "lustrum"]
"""How the desk treats a public holiday.

``"closed"``: closed every year; ``"open"``: business as usual; ``"lustrum"``: closed only in
years divisible by 5 (Liberation Day is a day off for most employers only once every five years).
"""

HOLIDAY_KEYS: Final[tuple[str, ...]] = (
    "new_years_day",
    "good_friday",
    "easter_sunday",
    "easter_monday",
    "kings_day",
    "liberation_day",
    "ascension_day",
    "whit_sunday",
    "whit_monday",
    "christmas_day",
    "second_day_of_christmas",
)
"""Stable names for the Dutch public holidays; configuration refers to these, never to the
(translatable, version-dependent) names that the ``holidays`` package uses.

``kings_day`` is Queen's Day (Koninginnedag) before 2014.
"""

DEFAULT_HOLIDAY_RULES: Final[Mapping[str, HolidayRule]] = MappingProxyType(
    {
        "new_years_day": "closed",
        "good_friday": "open",
        # Both fall on a Sunday, when the desk is closed anyway; "closed" keeps them listed in
        # closed_days() so that a calendar with Sunday hours still observes them.
        "easter_sunday": "closed",
        "easter_monday": "closed",
        "kings_day": "closed",
        "liberation_day": "lustrum",
        "ascension_day": "closed",
        "whit_sunday": "closed",
        "whit_monday": "closed",
        "christmas_day": "closed",
        "second_day_of_christmas": "closed",
    }
)

_RULES: Final[frozenset[str]] = frozenset(("closed", "open", "lustrum"))

DEFAULT_HOURS: Final[Mapping[int, tuple[tuple[time, time], ...]]] = MappingProxyType(
    {weekday: ((time(8, 30), time(17, 30)),) for weekday in range(5)}
)
"""Korton's desk hours: Monday (0) to Friday (4), 08:30-17:30 local time."""

MIN_YEAR: Final = 1971
MAX_YEAR: Final = 2199
"""Supported local years, inclusive. Instants (and results) outside raise ValueError."""

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_US: Final = timedelta(microseconds=1)
_ZERO: Final = timedelta(0)


# --------------------------------------------------------------------------------------------
# Holidays
# --------------------------------------------------------------------------------------------

# Names as the `holidays` package gives them with language="en_US", plus the spellings other
# releases and translations have used, so that a rename upstream does not silently reopen the
# desk on a holiday.
_NAME_TO_KEY: Final[Mapping[str, str]] = MappingProxyType(
    {
        "new year's day": "new_years_day",
        "good friday": "good_friday",
        "easter sunday": "easter_sunday",
        "easter": "easter_sunday",
        "easter monday": "easter_monday",
        "king's day": "kings_day",
        "queen's day": "kings_day",
        "liberation day": "liberation_day",
        "ascension day": "ascension_day",
        "pentecost": "whit_sunday",
        "pentecost sunday": "whit_sunday",
        "whit sunday": "whit_sunday",
        "whitsunday": "whit_sunday",
        "pentecost monday": "whit_monday",
        "whit monday": "whit_monday",
        "whitmonday": "whit_monday",
        "christmas day": "christmas_day",
        "christmas": "christmas_day",
        "second day of christmas": "second_day_of_christmas",
        "second christmas day": "second_day_of_christmas",
        "boxing day": "second_day_of_christmas",
    }
)


class _Netherlands(Netherlands):
    """The package's Dutch holidays over every year the calendar supports.

    The package stops at 2100 by default (``end_year``); its rules hold beyond it.
    """

    end_year = MAX_YEAR


def _package_holidays(year: int) -> dict[str, date]:
    """Holidays of `year` as the `holidays` package lists them, by stable key.

    Public holidays and the optional ones: the package lists Liberation Day as public only in
    lustrum years (when it is a day off for most employers) and as optional in the others, so
    that a policy can close on it every year.
    """
    found: dict[str, date] = {}
    # The package leaves Netherlands.__init__ unannotated (it takes *args, **kwargs).
    listed = _Netherlands(  # type: ignore[no-untyped-call]
        years=year, language="en_US", categories=(PUBLIC, OPTIONAL)
    )
    for day, names in listed.items():
        # One date can carry two holidays (Ascension Day and Liberation Day in 2005).
        for name in str(names).split(";"):
            key = _NAME_TO_KEY.get(name.strip().lower().replace("\u2019", "'"))
            if key is not None:
                found[key] = day
    return found


@cache
def holiday_dates(year: int) -> Mapping[str, date]:
    """Date of every holiday in HOLIDAY_KEYS that `year` has, whether or not the desk closes then.

    Dates come from the ``holidays`` package (pinned in pyproject.toml, so closing days do not
    move on an upgrade). Every key has a date every year, except Liberation Day before 1982
    (when it became a yearly holiday) outside lustrum years.
    """
    _check_year(year)
    found = _package_holidays(year)
    # In key order, not the package's: when two holidays share a date (Ascension Day and
    # Liberation Day in 2005), closed_days() names the first key.
    return MappingProxyType({key: found[key] for key in HOLIDAY_KEYS if key in found})


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"year {year} is outside the supported range {MIN_YEAR}-{MAX_YEAR}")


# --------------------------------------------------------------------------------------------
# Calendars
# --------------------------------------------------------------------------------------------


class Calendar(Protocol):
    """What SLA code needs from a clock: business-time addition and difference."""

    def add(self, start: datetime, duration: timedelta) -> datetime: ...

    def between(self, a: datetime, b: datetime) -> timedelta: ...


def _to_us(t: datetime) -> int:
    """Microseconds since the Unix epoch of an aware datetime."""
    try:
        # Aware minus aware subtracts in UTC (different tzinfo objects; or both UTC).
        return (t - _EPOCH) // _US
    except TypeError:
        # Catching instead of checking keeps the check off the fast path.
        raise ValueError(f"expected a timezone-aware datetime, got {t!r}") from None


def _from_us(us: int) -> datetime:
    return _EPOCH + timedelta(microseconds=us)


def _duration_us(duration: timedelta) -> int:
    us = duration // _US
    if us < 0:
        raise ValueError(f"duration must not be negative, got {duration}")
    return us


class _Year:
    """Opening intervals of one local year, in UTC microseconds.

    ``bounds`` is ``[open0, close0, open1, close1, ...]``, strictly increasing. ``cum[k]`` is the
    business time before interval k, so ``cum[-1]`` is the year's total.
    """

    __slots__ = ("bounds", "cum")

    def __init__(self, bounds: list[int], cum: list[int]) -> None:
        self.bounds = bounds
        self.cum = cum


class BusinessCalendar:
    """Business time for a desk with weekly opening hours, public holidays and closing days.

    Intervals are half-open: the desk is open at its opening time and closed at its closing time.

    ``add(s, d)`` returns the earliest moment ``t >= s`` with ``between(s, t) == d``. Hence
    ``add(s, 0) == s``, even when ``s`` is outside opening hours, and a duration that uses up an
    opening interval exactly ends at its closing time (9h from Monday 08:30 is Monday 17:30, not
    Tuesday 08:30). ``between(s, add(s, d)) == d`` holds to the microsecond.

    Wall-clock times that a DST switch skips or repeats: an interval runs from the first moment
    the clock shows its start time until the last moment it shows its end time. A time the clock
    skips (spring forward) stands for the moment of the jump, so an interval inside the skipped
    hour is empty that day. A time the clock shows twice (autumn) means its first occurrence
    as a start and its second as an end, so 01:00-02:30 lasts two and a half hours that night.
    The default 08:30-17:30 never touches a switch.
    """

    def __init__(
        self,
        *,
        timezone: str = "Europe/Amsterdam",
        hours: Mapping[int, Sequence[tuple[time, time]]] | None = None,
        holiday_rules: Mapping[str, HolidayRule] | None = None,
        extra_closed: Iterable[date] = (),
    ) -> None:
        """Configure the calendar.

        timezone: IANA name of the zone the office hours are in. The holidays are the Dutch
            ones whatever the zone; a holiday closes the local calendar day.
        hours: weekday (0 = Monday) -> opening intervals ``(start, end)`` in local time; a
            weekday that is absent is closed. An end of ``time(0)`` means midnight at the end of
            the day. Defaults to DEFAULT_HOURS.
        holiday_rules: rules per key of HOLIDAY_KEYS, overriding DEFAULT_HOLIDAY_RULES key by key
            (so ``{"good_friday": "closed"}`` keeps Christmas closed).
        extra_closed: one-off closing days (e.g. a company day out).
        """
        try:
            self._tz = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown timezone {timezone!r}") from exc
        self._hours = _check_hours(DEFAULT_HOURS if hours is None else hours)

        rules = dict(DEFAULT_HOLIDAY_RULES)
        for key, rule in (holiday_rules or {}).items():
            if key not in DEFAULT_HOLIDAY_RULES:
                raise ValueError(
                    f"unknown holiday key {key!r}; expected one of {', '.join(HOLIDAY_KEYS)}"
                )
            if rule not in _RULES:
                raise ValueError(
                    f"unknown rule {rule!r} for holiday {key!r}; expected closed, open or lustrum"
                )
            rules[key] = rule
        self._rules: Mapping[str, HolidayRule] = MappingProxyType(rules)

        extra = []
        for day in extra_closed:
            # A datetime is a date too, but never equal to one: it would be silently ignored.
            if isinstance(day, datetime) or not isinstance(day, date):
                raise TypeError(f"extra_closed takes dates, got {day!r}")
            extra.append(day)
        self._extra_closed = frozenset(extra)

        # Local-year boundaries in UTC, MIN_YEAR .. MAX_YEAR + 1: cheap (one conversion a year)
        # and they let any instant find its year's table with one bisect.
        self._year_starts = [
            self._wall_to_us(datetime(year, 1, 1, tzinfo=self._tz), last=False)
            for year in range(MIN_YEAR, MAX_YEAR + 2)
        ]
        # Filled lazily. Two threads may build the same year at once; both build the same
        # table and the list slot is assigned in one step, so no lock is needed.
        self._years: list[_Year | None] = [None] * (MAX_YEAR - MIN_YEAR + 1)

    def __repr__(self) -> str:
        return f"BusinessCalendar(timezone={self._tz.key!r})"

    # -- public API ---------------------------------------------------------------------------

    def add(self, start: datetime, duration: timedelta) -> datetime:
        """The moment when `duration` of business time has passed after `start` (in UTC).

        Precisely: the earliest ``t >= start`` with ``between(start, t) == duration``.
        Raises ValueError for a naive `start`, a negative `duration`, or a result outside
        the supported years.
        """
        x = _to_us(start)
        n = _duration_us(duration)
        if n == 0:
            self._locate(x)  # range check only
            return _from_us(x)
        yi, target = self._locate(x)
        year = self._year(yi)
        while target + n > year.cum[-1]:
            n -= year.cum[-1] - target
            target = 0
            yi += 1
            if yi >= len(self._years):
                raise ValueError(f"the result lies after the supported range (year {MAX_YEAR})")
            year = self._year(yi)
        target += n
        # target > 0, so k is the interval with cum[k] < target <= cum[k + 1]: the earliest
        # moment, which is the closing time itself when target uses up the interval exactly.
        k = bisect_left(year.cum, target) - 1
        return _from_us(year.bounds[2 * k] + target - year.cum[k])

    def between(self, a: datetime, b: datetime) -> timedelta:
        """Business time from `a` to `b`; negative when `b` is before `a`."""
        ya, pa = self._locate(_to_us(a))
        yb, pb = self._locate(_to_us(b))
        if ya == yb:
            return timedelta(microseconds=pb - pa)
        if ya > yb:
            (ya, pa), (yb, pb), sign = (yb, pb), (ya, pa), -1
        else:
            sign = 1
        total = self._year(ya).cum[-1] - pa + pb
        for yi in range(ya + 1, yb):
            total += self._year(yi).cum[-1]
        return timedelta(microseconds=sign * total)

    def is_open(self, at: datetime) -> bool:
        """Whether the desk is open at `at` (open at opening time, closed at closing time)."""
        x = _to_us(at)
        yi = self._year_index(x)
        return bool(bisect_right(self._year(yi).bounds, x) & 1)

    def next_open(self, at: datetime) -> datetime:
        """`at` itself (in UTC) if the desk is open then, else the next opening moment."""
        x = _to_us(at)
        yi = self._year_index(x)
        bounds = self._year(yi).bounds
        i = bisect_right(bounds, x)
        if i & 1:
            return _from_us(x)
        while i == len(bounds):
            yi += 1
            if yi >= len(self._years):
                raise ValueError(f"no opening before the end of the supported range ({MAX_YEAR})")
            bounds = self._year(yi).bounds
            i = 0
        return _from_us(bounds[i])

    def closed_days(self, year: int) -> dict[date, str]:
        """Holidays the desk closes for in `year` and its extra closing days, in date order.

        Values are holiday keys, or ``"extra"`` for a day from `extra_closed` that is not also a
        closed holiday. Weekends are not listed.
        """
        found: dict[date, str] = {}
        for key, day in holiday_dates(year).items():
            rule = self._rules[key]
            if rule == "closed" or (rule == "lustrum" and year % 5 == 0):
                found.setdefault(day, key)
        for day in self._extra_closed:
            if day.year == year:
                found.setdefault(day, "extra")
        return dict(sorted(found.items()))

    # -- internals ----------------------------------------------------------------------------

    def _year_index(self, x: int) -> int:
        yi = bisect_right(self._year_starts, x) - 1
        if yi < 0 or yi >= len(self._years):
            raise ValueError(
                f"{_from_us(x).isoformat()} is outside the supported range {MIN_YEAR}-{MAX_YEAR}"
            )
        return yi

    def _locate(self, x: int) -> tuple[int, int]:
        """(year index, business microseconds from that year's start up to x)."""
        yi = bisect_right(self._year_starts, x) - 1
        if yi < 0 or yi >= len(self._years):
            raise ValueError(
                f"{_from_us(x).isoformat()} is outside the supported range {MIN_YEAR}-{MAX_YEAR}"
            )
        year = self._years[yi] or self._year(yi)
        i = bisect_right(year.bounds, x)
        if i & 1:  # inside interval i // 2
            return yi, year.cum[i >> 1] + x - year.bounds[i - 1]
        return yi, year.cum[i >> 1]

    def _year(self, yi: int) -> _Year:
        year = self._years[yi]
        if year is None:
            year = self._years[yi] = self._build_year(MIN_YEAR + yi)
        return year

    def _build_year(self, year: int) -> _Year:
        closed = self.closed_days(year)
        bounds: list[int] = []
        day = date(year, 1, 1)
        one_day = timedelta(days=1)
        while day.year == year:
            if day not in closed:
                for start, end in self._hours.get(day.weekday(), ()):
                    lo = self._wall_to_us(datetime.combine(day, start, self._tz), last=False)
                    end_day = day + one_day if end == time(0) else day
                    hi = self._wall_to_us(datetime.combine(end_day, end, self._tz), last=True)
                    if hi <= lo:
                        continue  # wholly inside a skipped hour
                    if bounds and lo <= bounds[-1]:
                        # Touches or (around a repeated hour) overlaps the previous interval.
                        bounds[-1] = max(bounds[-1], hi)
                    else:
                        bounds += (lo, hi)
            day += one_day
        cum = [0]
        for k in range(0, len(bounds), 2):
            cum.append(cum[-1] + bounds[k + 1] - bounds[k])
        return _Year(bounds, cum)

    def _wall_to_us(self, wall: datetime, *, last: bool) -> int:
        """UTC microseconds of a local wall-clock time: see the class docstring for the rule.

        `wall` is in this calendar's zone; its fold is ignored: both are tried.
        """
        early = (wall.replace(fold=0) - _EPOCH) // _US
        late = (wall.replace(fold=1) - _EPOCH) // _US
        if early == late:
            return early
        if early < late:  # shown twice
            return late if last else early
        # Skipped: fold=0 applies the old offset (a moment after the jump), fold=1 the new one
        # (a moment before it). Search for the first moment whose wall time is >= `wall`.
        lo, hi, shown = late, early, wall.replace(tzinfo=None)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if _from_us(mid).astimezone(self._tz).replace(tzinfo=None) >= shown:
                hi = mid
            else:
                lo = mid
        return hi


def _check_hours(
    hours: Mapping[int, Sequence[tuple[time, time]]],
) -> dict[int, tuple[tuple[time, time], ...]]:
    checked: dict[int, tuple[tuple[time, time], ...]] = {}
    for weekday, intervals in hours.items():
        if isinstance(weekday, bool) or weekday not in range(7):
            raise ValueError(f"weekday must be 0 (Monday) .. 6 (Sunday), got {weekday!r}")
        ordered = sorted((start.replace(fold=0), end.replace(fold=0)) for start, end in intervals)
        previous_end: time | None = None
        for start, end in ordered:
            if start.tzinfo is not None or end.tzinfo is not None:
                raise ValueError("opening hours are local wall-clock times: pass naive times")
            if not (start < end or end == time(0)):
                raise ValueError(f"opening interval {start}-{end} on weekday {weekday} is empty")
            if previous_end is not None and (previous_end == time(0) or start < previous_end):
                raise ValueError(f"opening intervals on weekday {weekday} overlap")
            previous_end = end
        if ordered:
            checked[weekday] = tuple(ordered)
    if not checked:
        raise ValueError("the calendar must be open at some time of the week")
    return checked


class TwentyFourSeven:
    """A clock that always runs (24x7 contracts).

    Plain UTC arithmetic: a DST switch never adds or loses an hour, so 24 hours after Saturday
    12:00 on the autumn switch is Sunday 11:00 local time.
    """

    def add(self, start: datetime, duration: timedelta) -> datetime:
        """`start` + `duration` in real time, in UTC."""
        return _from_us(_to_us(start) + _duration_us(duration))

    def between(self, a: datetime, b: datetime) -> timedelta:
        """Real time from `a` to `b`; negative when `b` is before `a`."""
        # Not `b - a`: with the same tzinfo object Python subtracts wall-clock times.
        return timedelta(microseconds=_to_us(b) - _to_us(a))


@cache
def _default() -> BusinessCalendar:
    return BusinessCalendar()


def add(start: datetime, duration: timedelta) -> datetime:
    """BusinessCalendar.add on Korton's default calendar."""
    return _default().add(start, duration)


def between(a: datetime, b: datetime) -> timedelta:
    """BusinessCalendar.between on Korton's default calendar."""
    return _default().between(a, b)
