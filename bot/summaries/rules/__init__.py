"""The summaries' pure rules: percentiles, backlog age buckets, changes against the previous
period, and a ticket's clocks as of a moment. No Slack, no database (bot.summaries.rules.tally
counts a window's rows into Figures)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import datetime, time, timedelta
from fractions import Fraction
from typing import Final, Protocol

from bot.summaries.model import AGE_BUCKETS, DoneSpan, Durations, TicketRow

FINAL: Final = frozenset({"resolved", "closed"})
MEDIAN: Final = Fraction(1, 2)
P90: Final = Fraction(9, 10)
_US: Final = timedelta(microseconds=1)
_TOO_OLD: Final = timedelta(days=3660)

# The lower bound of each backlog age bucket, in business days (AGE_BUCKETS, youngest first).
AGE_BOUNDS: Final[tuple[int, ...]] = (0, 1, 3, 5, 10)
assert len(AGE_BOUNDS) == len(AGE_BUCKETS)


def percentile(values: Sequence[timedelta], p: Fraction) -> timedelta | None:
    """The `p` quantile of `values` by linear interpolation between the closest ranks (numpy's
    and Excel PERCENTILE.INC's default): for n sorted values the rank is (n - 1) * p, and a
    rank between two values lies between them in proportion. The median of 1, 2, 3, 4 is 2.5;
    its 90th percentile is 3.7. Exact, to the microsecond (rounded half to even). None for none.
    """
    if not values:
        return None
    if not 0 <= p <= 1:
        raise ValueError(f"a quantile lies between 0 and 1, got {p}")
    xs = sorted(v // _US for v in values)
    rank = (len(xs) - 1) * p
    low = rank.numerator // rank.denominator
    if low + 1 >= len(xs):
        return xs[-1] * _US
    exact = xs[low] + (xs[low + 1] - xs[low]) * (rank - low)
    return round(exact) * _US


def durations(values: Sequence[timedelta]) -> Durations:
    """Count, median and 90th percentile."""
    return Durations(len(values), percentile(values, MEDIAN), percentile(values, P90))


def business_day_length(hours: Mapping[int, Sequence[tuple[time, time]]]) -> timedelta:
    """The length of a business day: the week's opening hours over its open days (9 h for
    08:30-17:30 on weekdays, the policy's "27h is three business days")."""
    total, days = timedelta(0), 0
    for intervals in hours.values():
        length = sum(
            (_length(start, end) for start, end in intervals),
            timedelta(0),
        )
        if length:
            total += length
            days += 1
    return total / days if days else timedelta(hours=24)


def _length(start: time, end: time) -> timedelta:
    # An end of 00:00 is midnight at the end of the day (bot.calendar's convention).
    stop = timedelta(hours=24) if end == time(0) else _since_midnight(end)
    return stop - _since_midnight(start)


def _since_midnight(t: time) -> timedelta:
    return timedelta(hours=t.hour, minutes=t.minute, seconds=t.second)


def age_bucket(age: timedelta, day: timedelta) -> str:
    """The AGE_BUCKETS key for a backlog ticket `age` business time old (`day`: a business
    day). Bounds are inclusive below: exactly one business day old is "1to3"."""
    bucket = AGE_BUCKETS[0]
    for key, bound in zip(AGE_BUCKETS, AGE_BOUNDS, strict=True):
        if age >= day * bound:
            bucket = key
    return bucket


class Between(Protocol):
    def between(self, a: datetime, b: datetime) -> timedelta: ...


def age_bounds(calendar: Between, end: datetime, day: timedelta) -> tuple[datetime, ...]:
    """For each bucket above the youngest (AGE_BOUNDS[1:]), the latest registration moment
    that makes a ticket at least that many business days old at `end`. A ticket's bucket is
    then a comparison of moments (age_of), not a sum of business time per ticket: a backlog of
    thousands costs a few hundred calendar calls. Exact to the microsecond: business time
    before `end` only shrinks as the registration moves later, so a binary search finds it."""
    found: list[datetime] = []
    for bound in AGE_BOUNDS[1:]:
        need = day * bound
        step = need
        while calendar.between(end - step, end) < need:
            step *= 2
            if step > _TOO_OLD:  # a calendar that hardly opens: nobody is that old
                found.append(end - step)
                break
        else:
            lo, hi = 0, step // _US  # between(end - step) >= need > between(end)
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if calendar.between(end - step + mid * _US, end) >= need:
                    lo = mid
                else:
                    hi = mid
            found.append(end - step + lo * _US)
    return tuple(found)


def age_of(created: datetime, bounds: Sequence[datetime]) -> str:
    """The AGE_BUCKETS key of a ticket registered at `created`, by age_bounds."""
    key = AGE_BUCKETS[0]
    for bucket, latest in zip(AGE_BUCKETS[1:], bounds, strict=True):
        if created > latest:
            break
        key = bucket
    return key


@dataclasses.dataclass(frozen=True)
class Change:
    """A figure against the previous period: the difference, and the relative change (None
    when the previous period had none of it)."""

    now: int
    before: int

    @property
    def diff(self) -> int:
        return self.now - self.before

    @property
    def ratio(self) -> Fraction | None:
        return Fraction(self.now - self.before, self.before) if self.before else None


def change(now: int, before: int) -> Change:
    return Change(now, before)


def duration_change(now: timedelta | None, before: timedelta | None) -> timedelta | None:
    """How much longer (positive) or shorter a duration got; None when either is unknown."""
    return None if now is None or before is None else now - before


def as_of(row: TicketRow, now: datetime) -> TicketRow:
    """The row with its clocks as of `now`: a clock still running past its deadline breached
    at the deadline, even when the SLA monitor has not come round to store that yet."""
    changes: dict[str, object] = {}
    for clock in ("response", "resolution"):
        due = getattr(row, f"{clock}_due_at")
        if getattr(row, f"{clock}_state") == "running" and due is not None and due < now:
            changes[f"{clock}_state"] = "breached"
            changes[f"{clock}_breached_at"] = due
    return dataclasses.replace(row, **changes) if changes else row  # type: ignore[arg-type]


def done_spans(history: Sequence[tuple[datetime, str]]) -> tuple[DoneSpan, ...]:
    """The stretches a ticket was done, from its statuses in order ((moment, status) as it
    entered each): a run of final statuses (resolved, then perhaps closed) is one stretch, which
    a reopen ends; it was a resolve when the run began with one."""
    spans: list[DoneSpan] = []
    start: tuple[datetime, bool] | None = None
    for at, status in history:
        if status in FINAL:
            if start is None:
                start = (at, status == "resolved")
        elif start is not None:
            spans.append(DoneSpan(start[0], at, start[1]))
            start = None
    if start is not None:
        spans.append(DoneSpan(start[0], None, start[1]))
    return tuple(spans)
