"""When each scheduled summary is due, and the period it covers (pure: no Slack, no database).

Every summary has slots on the one business calendar (policy.calendar), never on a closed day:

* day: each business day when the desk closes (or at the policy's time); its period runs from
  the previous day summary, so Monday's covers the weekend and Tuesday's after Whit Monday
  covers Monday too.
* morning: each business day when the desk opens; it covers the time the desk was closed, from
  the last closing before it (the whole weekend on a Monday).
* week: the first business day from the policy's weekday on (Monday, or Tuesday after Easter
  Monday); it covers the ISO week before (Monday 00:00 to Monday 00:00, Amsterdam time).
* month: the first business day of a month; it covers the calendar month before.

A period's end is the claim's key: one summary per kind, channel, scope and period end. Only the
latest slot is ever due: after downtime the one missed most recently is posted once, and its
period starts where the last posted one ended, so the missed days are in one catch-up instead
of a pile. A slot missed by more than an hour is caught up only while the desk is open, so
nothing lands in the channels in the night or on a closed day; and a target that never had a
summary (a first start, a new channel) catches up nothing: it starts with the next one due.

Each summary's figures are compared with the period the one of its kind before it covered
(`Schedule.previous`): Monday's day with Friday's day, Monday's morning with Friday's night.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.oncall.rules.entitlement import business_day
from bot.policy import SummaryPosts, WeekPosts
from bot.summaries.model import Period, SummaryKind
from bot.summaries.rules.periods import day_before, midnight

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# How far back the latest slot is looked for: a month's first business day after Christmas and
# New Year is at most about five weeks before the next month's.
LOOK_BACK_DAYS = 40
# A slot missed by less than this (a restart, a deploy) goes out at once, even after hours.
GRACE = timedelta(hours=1)
# A target without any summary yet gets one only this close to its moment (a few sweeps).
FIRST_WINDOW = timedelta(minutes=5)
# A catch-up reaches back at most this far: a summary last posted longer ago (it was switched
# off for a while) starts afresh at its natural period instead of covering months of days.
MAX_CATCH_UP: dict[SummaryKind, timedelta] = {
    SummaryKind.DAY: timedelta(days=31),
    SummaryKind.MORNING: timedelta(days=31),
    SummaryKind.WEEK: timedelta(weeks=5),
    SummaryKind.MONTH: timedelta(days=93),
}


class Calendar(Protocol):
    """What these rules read from bot.calendar.BusinessCalendar."""

    def is_open(self, at: datetime) -> bool: ...

    def next_open(self, at: datetime) -> datetime: ...

    def add(self, start: datetime, duration: timedelta) -> datetime: ...

    def between(self, a: datetime, b: datetime) -> timedelta: ...


@dataclass(frozen=True, slots=True)
class When:
    """The policy's side: when a kind of summary goes out. `at` is None for the desk's
    opening or closing (`closing`), else a wall-clock time on business days."""

    at: time | None = None
    closing: bool = False
    weekday: int = 0  # the week's: the first business day from this weekday on


def when_of(posts: SummaryPosts) -> When:
    """The policy's entry for a kind of summary, as these rules read it."""
    weekday = WEEKDAYS.index(posts.weekday) if isinstance(posts, WeekPosts) else 0
    return When(at=posts.clock_time(), closing=posts.at == "office_end", weekday=weekday)


@dataclass(frozen=True, slots=True)
class Slot:
    kind: SummaryKind
    at: datetime  # when it is due
    end: datetime  # the end of the period it covers: the claim's key


@dataclass(frozen=True, slots=True)
class Schedule:
    calendar: Calendar
    tz: ZoneInfo

    def slot_on(self, kind: SummaryKind, when: When, day: date) -> Slot | None:
        """The slot of this kind on a local day, if the day has one."""
        bounds = business_day(self.calendar, self.tz, day)
        if bounds is None:
            return None
        opens, closes = bounds
        if when.at is not None:
            at = datetime.combine(day, when.at, self.tz).astimezone(UTC)
        else:
            at = closes if when.closing else opens
        if kind in (SummaryKind.DAY, SummaryKind.MORNING):
            return Slot(kind, at, at)
        if kind is SummaryKind.WEEK:
            monday = day - timedelta(days=day.weekday())
            first = monday + timedelta(days=when.weekday)
            if day < first or any(self._open_on(d) for d in _days(first, day)):
                return None
            return Slot(kind, at, midnight(monday, self.tz))
        first_of_month = day.replace(day=1)
        if any(self._open_on(d) for d in _days(first_of_month, day)):
            return None
        return Slot(kind, at, midnight(first_of_month, self.tz))

    def latest(self, kind: SummaryKind, when: When, now: datetime) -> Slot | None:
        """The last slot of this kind at or before `now`."""
        today = now.astimezone(self.tz).date()
        for back in range(LOOK_BACK_DAYS + 1):
            slot = self.slot_on(kind, when, today - timedelta(days=back))
            if slot is not None and slot.at <= now:
                return slot
        return None

    def due(self, slot: Slot, now: datetime, *, last_end: datetime | None) -> bool:
        """Whether the slot is to be posted now, given the end of the last one posted to the
        same target (None: never)."""
        if slot.at > now:
            return False
        if last_end is None:
            # Never posted here (a first start, a new channel): nothing to catch up; the first
            # summary is the first one that falls due while Balie runs.
            return now < slot.at + FIRST_WINDOW
        if last_end >= slot.end:
            return False
        return now < slot.at + GRACE or self.calendar.is_open(now)

    def period(self, slot: Slot, when: When, *, last_end: datetime | None) -> Period:
        """From where the last one ended (a catch-up covers every day missed since), or the
        slot's natural start when there is none (or it is older than MAX_CATCH_UP)."""
        if last_end is None or last_end < slot.end - MAX_CATCH_UP[slot.kind]:
            return Period(self._natural_start(slot, when), slot.end)
        first_missed = self._first_after(slot.kind, when, last_end, slot)
        return Period(max(last_end, self._natural_start(first_missed, when)), slot.end)

    def previous(self, kind: SummaryKind, when: When, period: Period) -> Period:
        """The period the summary of this kind before `period` covered, by these rules: the
        figures are compared with it. A day with the day summary before (Monday's weekend and
        Monday with Friday's day; a catch-up with the day before the first one it caught up),
        a morning with the morning before (Monday's weekend with Friday's night), a week with
        the ISO week before, a month with the calendar month before."""
        if kind in (SummaryKind.WEEK, SummaryKind.MONTH):
            # Their periods end at a local midnight (a Monday's, a 1st's) whatever their slot.
            return Period(
                self._natural_start(Slot(kind, period.start, period.start), when), period.start
            )
        before = self.latest(kind, when, period.start)
        if before is None:  # no summary for weeks (the desk was closed): the day before
            return day_before(period, self.calendar, self.tz)
        return Period(self._natural_start(before, when), before.end)

    # --- helpers ------------------------------------------------------------------------------

    def _natural_start(self, slot: Slot, when: When) -> datetime:
        if slot.kind is SummaryKind.WEEK:
            return self._weeks_before(slot.end)
        if slot.kind is SummaryKind.MONTH:
            local = slot.end.astimezone(self.tz).date()
            previous = (local - timedelta(days=1)).replace(day=1)
            return midnight(previous, self.tz)
        if slot.kind is SummaryKind.MORNING:
            return self._closed_since(slot.at)
        before = self.latest(slot.kind, when, slot.at - timedelta(microseconds=1))
        return before.end if before is not None else slot.at - timedelta(days=1)

    def _weeks_before(self, monday_midnight: datetime) -> datetime:
        # Seven calendar days back in Amsterdam time: a DST week is 167 or 169 hours long.
        local = monday_midnight.astimezone(self.tz).date()
        return midnight(local - timedelta(days=7), self.tz)

    def _closed_since(self, opens: datetime) -> datetime:
        """The desk's last closing before `opens`."""
        day = opens.astimezone(self.tz).date()
        for back in range(LOOK_BACK_DAYS + 1):
            bounds = business_day(self.calendar, self.tz, day - timedelta(days=back))
            if bounds is not None and bounds[1] < opens:
                return bounds[1]
        return opens - timedelta(days=1)

    def _first_after(self, kind: SummaryKind, when: When, last_end: datetime, slot: Slot) -> Slot:
        """The first slot whose period ends after `last_end`: the first one missed."""
        day = last_end.astimezone(self.tz).date()
        until = slot.at.astimezone(self.tz).date()
        for d in _days(day, until + timedelta(days=1)):
            found = self.slot_on(kind, when, d)
            if found is not None and found.end > last_end:
                return found
        return slot

    def _open_on(self, day: date) -> bool:
        return business_day(self.calendar, self.tz, day) is not None


def _days(start: date, stop: date) -> Iterator[date]:
    """The days in [start, stop)."""
    day = start
    while day < stop:
        yield day
        day += timedelta(days=1)
