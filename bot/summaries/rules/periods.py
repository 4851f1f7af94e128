"""Which period a summary's figures are compared with: one rule per kind of period, on local
(Europe/Amsterdam) dates and the one business calendar. Pure: no Slack, no database.

* a month, or a month so far: the same part of the calendar month before (March with February;
  the 1st to the 10th at 14:00 with the same days and hours of the month before);
* a week, or a week so far: the same part of the ISO week before (Monday 00:00 to Wednesday
  10:00 with Monday 00:00 to Wednesday 10:00 a week earlier);
* a day, or a day so far: the same clock span on the business day before (today until 10:00
  with the last business day until 10:00).

Moments move on the local wall clock, never by a length in UTC: a month is as long as the
calendar makes it, and a week with a change to or from summer time still starts at Monday
00:00. The scheduled summaries compare with the period the summary before them covered
(bot.summaries.schedule Schedule.previous), which uses `midnight` for the week and the month.
"""

from __future__ import annotations

import calendar as gregorian
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.summaries.model import Period, SummaryKind

# How far back the day before is looked for: a calendar closed all year still answers.
_LOOK_BACK_DAYS = 366


class Between(Protocol):
    """What these rules read from bot.calendar.BusinessCalendar."""

    def between(self, a: datetime, b: datetime) -> timedelta: ...


def midnight(day: date, tz: ZoneInfo) -> datetime:
    """The start of a local day, in UTC (as periods are). Subtracting two moments of one
    ZoneInfo gives wall-clock time, an hour off across a change to or from summer time: so
    periods are made of these, never of local moments."""
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)


def open_on(day: date, calendar: Between, tz: ZoneInfo) -> bool:
    """Whether the desk is open at some moment of a local day."""
    return calendar.between(midnight(day, tz), midnight(day + timedelta(days=1), tz)) > timedelta(0)


def business_day_before(day: date, calendar: Between, tz: ZoneInfo) -> date:
    """The last day before `day` the desk is open (the day before, when it opens on none
    within a year)."""
    for back in range(1, _LOOK_BACK_DAYS + 1):
        before = day - timedelta(days=back)
        if open_on(before, calendar, tz):
            return before
    return day - timedelta(days=1)


def day_before(period: Period, calendar: Between, tz: ZoneInfo) -> Period:
    """The same clock span on the business day before the period's first day: Monday until
    10:00 with Friday until 10:00; a whole day with the whole business day before it."""
    first = period.start.astimezone(tz).date()
    back = (first - business_day_before(first, calendar, tz)).days
    return Period(_shift(period.start, tz, days=-back), _shift(period.end, tz, days=-back))


def week_before(period: Period, tz: ZoneInfo) -> Period:
    """The same part of the ISO week before: seven days back on the local wall clock (a week
    with a change to or from summer time is 167 or 169 hours long)."""
    return Period(_shift(period.start, tz, days=-7), _shift(period.end, tz, days=-7))


def month_before(period: Period, tz: ZoneInfo) -> Period:
    """The same part of the calendar month before: March with February, the 1st until the 31st
    at 10:00 with the 1st until the last day of the month before at 10:00."""
    start = _month_back(period.start, tz)
    return Period(start, max(start, min(_month_back(period.end, tz), period.start)))


def compared_with(kind: SummaryKind, period: Period, calendar: Between, tz: ZoneInfo) -> Period:
    """The period the figures of a summary of this kind are compared with, by the rules above
    (a morning's: the day before; the scheduled ones are given the period of the summary
    before them instead, by the schedule)."""
    if kind is SummaryKind.MONTH:
        return month_before(period, tz)
    if kind is SummaryKind.WEEK:
        return week_before(period, tz)
    return day_before(period, calendar, tz)


def _shift(moment: datetime, tz: ZoneInfo, *, days: int) -> datetime:
    local = moment.astimezone(tz)
    day = local.date() + timedelta(days=days)
    return datetime.combine(day, local.time(), tzinfo=tz).astimezone(UTC)


def _month_back(moment: datetime, tz: ZoneInfo) -> datetime:
    """The same day and time a month earlier, on the month's last day when it is shorter."""
    local = moment.astimezone(tz)
    year, month = (local.year, local.month - 1) if local.month > 1 else (local.year - 1, 12)
    day = min(local.day, gregorian.monthrange(year, month)[1])
    return datetime.combine(date(year, month, day), local.time(), tzinfo=tz).astimezone(UTC)
