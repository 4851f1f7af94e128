"""SLA clocks: response and resolution deadlines, pauses, reopens and warnings.

Pure domain code: no Slack, no database. Every moment is a timezone-aware datetime; results are
in UTC. Durations are exact (integer microseconds inside ``timedelta``); floats never appear in a
duration, and threshold fractions are ``Fraction``.

The model
---------
A ticket has two clocks, ``ClockKind.RESPONSE`` and ``ClockKind.RESOLUTION``. A clock starts at
the ticket's start, counts time on its calendar (``BusinessCalendar`` for "business" targets,
``TwentyFourSeven`` for "24x7" ones) except while paused, and stops when it is met:

* the response clock by the first agent action the customer notices (taking the ticket, or a
  message or e-mail to the contact): the caller knows which events those are and passes the
  first one's moment as ``responded_at``;
* the resolution clock when the ticket is resolved (and not reopened).

A clock can also be **cancelled**: the ticket was closed without a resolution (a duplicate, a
withdrawn request, something outside the contract). A cancelled clock stops where it was and is
neither met nor breached (``ClockState.CANCELLED``, ``cancelled_at`` set), unless it had already
passed its deadline: a breach is a fact that a later close does not undo.

``elapsed(t)`` is the counted time from the start up to ``t``: calendar time minus calendar time
spent paused. The **deadline** is the earliest moment at which ``elapsed`` reaches the target, so
a pause moves the deadline out by exactly the calendar time it covers (a pause over a night or a
weekend moves a business deadline only by its business hours, which may be none at all).

Pauses (``pauses_from`` derives them from the status history):

* ``waiting_customer`` and ``waiting_info`` pause both clocks;
* ``waiting_third_party`` pauses both clocks only when the third party is the customer's own
  (``third_party == "customer"``); a Korton subcontractor (``"subcontractor"``, or anything
  else, or unknown) does not pause;
* ``resolved`` and ``closed`` pause both clocks until the next reopen (a status that is neither),
  so a reopen *resumes* a clock where it stopped: the time between resolve (or close) and reopen
  does not count. The response clock, once met, stays met.

A priority change is not an event in this module: build the clocks again with the new targets and
the ticket's original start (``ticket_clocks``). Deadlines then come out as if the new priority had
applied from the start, with every pause still counted (Zammad's rule). A change between a
business and a 24x7 target changes the calendar too, and pauses are counted on the new one.

Choices
-------
* **Intervals are half-open.** A pause ``Span(a, b)`` covers ``[a, b)``: the clock is paused at
  ``a`` and runs again at ``b``. Touching or overlapping pauses are merged; a still-open pause
  (``end=None``) swallows every pause after its start. Parts before the clock's start are cut off.
* **Breached means strictly after the deadline.** A clock met exactly at its deadline is MET; a
  running clock is BREACHED from one microsecond after it. Because counted time stands still
  while the desk is closed, a business clock can be BREACHED with ``remaining == 0`` (deadline
  Friday 17:30, now Saturday); ``remaining`` becomes negative once the desk opens again.
* **Met late is BREACHED with ``met_at`` set.** ``state`` says whether the target was kept
  (MET, or BREACHED: met after the deadline or not met and past it); ``met_at`` says whether the
  clock was met. So "met late" is ``state == BREACHED and met_at is not None``
  (``ClockStatus.met_late``), and "open breach" is ``state == BREACHED and not stopped`` (a
  cancelled clock has ``cancelled_at`` set instead; ``ClockStatus.stopped`` is either).
* **BREACHED wins over PAUSED.** A breach is a fact that a later pause does not undo: a clock
  that passed its deadline and was then put on hold is BREACHED, not PAUSED.
* **Deadline while paused.** While a pause is open the deadline is ``None`` if the target was not
  yet reached before the pause: it is unknown until the clock resumes. (If it resumed at ``t`` the
  deadline would be ``clock.calendar.add(t, status.remaining)``.) A deadline reached before the
  pause began is known and reported.
* **Deadline of a stopped clock** is the deadline it had when it stopped, as if it had kept
  running with no further pause: pauses at or after the stop moment are ignored, a pause still
  open at the stop moment ends there. ``remaining`` is frozen at the stop.
* **"As of now".** ``evaluate(clock, now)`` only uses what was known at ``now``: a pause that
  starts after ``now`` is ignored, one that ends after ``now`` counts as still open, and a
  ``stopped_at`` after ``now`` counts as not yet stopped. A ``now`` before the start gives zero
  elapsed time. ``moment_of`` uses every pause in the input as known.
* **Cancelled.** A clock is cancelled at ``cancelled_at`` unless it stopped (was met) before. It
  freezes there like a met clock; its state is CANCELLED, or BREACHED when the deadline had
  passed by then (strictly after, as above). ``met_at`` stays None: it was never met.
* **Announcements** (``next_check``): 100 (the breach) is always a threshold. Only thresholds
  above the highest one already announced are pending, so a clock that jumped (downtime, or a
  priority change to a tighter target) announces only the highest threshold it has passed rather
  than a burst of stale warnings, and a clock that moved back (a looser target) does not repeat a
  warning already given.

API
---
``ClockInput`` (validated and normalised on construction) -> ``evaluate`` -> ``ClockStatus``;
``moment_of`` (when a fraction of the target is reached) and ``next_check`` (what to announce next
and when) for the scheduler; ``StatusChange``, ``pauses_from``, ``stopped_at``, ``cancelled_at``
and ``ticket_clocks`` to build the clocks of a ticket from its history.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from fractions import Fraction
from typing import Final

from bot.calendar import Calendar

__all__ = [
    "BREACH",
    "ClockInput",
    "ClockKind",
    "ClockState",
    "ClockStatus",
    "Span",
    "evaluate",
    "moment_of",
    "next_check",
    "normalise_spans",
]

_ZERO: Final = timedelta(0)
_US: Final = timedelta(microseconds=1)
BREACH: Final = 100
"""The breach as a threshold: 100 % of the target. Always announced, whatever the policy says."""


class ClockKind(StrEnum):
    RESPONSE = "response"
    RESOLUTION = "resolution"


class ClockState(StrEnum):
    RUNNING = "running"
    PAUSED = "paused"
    MET = "met"
    BREACHED = "breached"
    CANCELLED = "cancelled"


def as_utc(t: datetime, what: str) -> datetime:
    if t.tzinfo is None or t.utcoffset() is None:
        raise ValueError(f"{what} must be a timezone-aware datetime, got {t!r}")
    return t.astimezone(UTC)


@dataclass(frozen=True)
class Span:
    """A pause ``[start, end)``; ``end`` None means still paused. Stored in UTC."""

    start: datetime
    end: datetime | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", as_utc(self.start, "Span.start"))
        if self.end is not None:
            end = as_utc(self.end, "Span.end")
            if end < self.start:
                raise ValueError(f"a pause cannot end before it starts: {self.start} > {end}")
            object.__setattr__(self, "end", end)


def normalise_spans(spans: Iterable[Span], *, after: datetime | None = None) -> tuple[Span, ...]:
    """Sorted, merged, non-empty spans: touching or overlapping ones become one, an open span
    swallows everything after its start. With `after`, parts before that moment are cut off."""
    ordered = sorted(spans, key=lambda s: s.start)
    out: list[Span] = []
    for span in ordered:
        start, end = span.start, span.end
        if after is not None:
            if end is not None and end <= after:
                continue
            start = max(start, after)
        if end is not None and end <= start:
            continue  # empty
        if out:
            last = out[-1]
            if last.end is None:
                break  # an open pause covers everything after it
            if start <= last.end:
                new_end = None if end is None else max(last.end, end)
                out[-1] = Span(last.start, new_end)
                continue
        out.append(Span(start, end))
    return tuple(out)


@dataclass(frozen=True)
class ClockInput:
    """One clock of one ticket, everything needed to evaluate it.

    On construction all moments are converted to UTC and `pauses` are normalised
    (``normalise_spans``, cut off at `started_at`), so two inputs that mean the same compare equal.
    `stopped_at`: when the response was given / the ticket resolved; None while not (yet) met.
    `cancelled_at`: when the ticket was closed without a resolution; None if it was not.
    """

    kind: ClockKind
    started_at: datetime
    target: timedelta
    calendar: Calendar
    pauses: tuple[Span, ...] = ()
    stopped_at: datetime | None = None
    cancelled_at: datetime | None = None

    def __post_init__(self) -> None:
        started = as_utc(self.started_at, "started_at")
        object.__setattr__(self, "started_at", started)
        object.__setattr__(self, "kind", ClockKind(self.kind))
        if self.target < _ZERO:
            raise ValueError(f"target must not be negative, got {self.target}")
        object.__setattr__(self, "pauses", normalise_spans(self.pauses, after=started))
        if self.stopped_at is not None:
            object.__setattr__(self, "stopped_at", as_utc(self.stopped_at, "stopped_at"))
        if self.cancelled_at is not None:
            object.__setattr__(self, "cancelled_at", as_utc(self.cancelled_at, "cancelled_at"))


@dataclass(frozen=True)
class ClockStatus:
    """A clock as of some moment; see the module docstring for what each state means.

    deadline: the earliest moment the counted time reaches the target (UTC); None while a pause
        is open and the target was not reached before it.
    elapsed: counted time so far (business or 24x7), pauses excluded; frozen once met.
    remaining: ``target - elapsed``; negative when the clock ran past its target.
    paused_for: counted (calendar) time spent paused since the start.
    met_at: when the clock was met (UTC), or None.
    cancelled_at: when the clock was cancelled (UTC), or None; never set together with met_at.
    """

    kind: ClockKind
    target: timedelta
    deadline: datetime | None
    elapsed: timedelta
    remaining: timedelta
    paused_for: timedelta
    state: ClockState
    met_at: datetime | None
    cancelled_at: datetime | None = None

    @property
    def stopped(self) -> bool:
        """Met or cancelled: nothing more will happen to this clock."""
        return self.met_at is not None or self.cancelled_at is not None

    @property
    def breached(self) -> bool:
        return self.state is ClockState.BREACHED

    @property
    def met_late(self) -> bool:
        """Stopped, but after the deadline."""
        return self.met_at is not None and self.state is ClockState.BREACHED

    @property
    def fraction(self) -> Fraction:
        """Elapsed part of the target (1 at the deadline); a zero target counts as used up."""
        if self.target == _ZERO:
            return Fraction(1)
        return Fraction(self.elapsed // _US, self.target // _US)


# --------------------------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------------------------


def _known(moment: datetime | None, now: datetime | None) -> datetime | None:
    return None if moment is None or (now is not None and moment > now) else moment


def _ends(clock: ClockInput, now: datetime | None) -> tuple[datetime | None, datetime | None]:
    """(met at, cancelled at) as of `now`: whichever came first, the other None."""
    met, cancelled = _known(clock.stopped_at, now), _known(clock.cancelled_at, now)
    if met is not None and cancelled is not None:
        if met <= cancelled:
            return met, None
        return None, cancelled
    return met, cancelled


def _view(clock: ClockInput, now: datetime | None) -> tuple[datetime | None, tuple[Span, ...]]:
    """(the stop moment as of `now`, the pauses as known at `now`); `now` None: all known.
    A cancelled clock stops at its cancel moment just as a met one does at its stop."""
    met, cancelled = _ends(clock, now)
    stop = met or cancelled
    if stop is not None:
        # Frozen at the stop; after it the clock would run on without pausing.
        pauses = tuple(
            Span(p.start, stop if p.end is None else min(p.end, stop))
            for p in clock.pauses
            if p.start < stop
        )
        return stop, normalise_spans(pauses)
    if now is None:
        return None, clock.pauses
    known = tuple(
        Span(p.start, None if p.end is None or p.end > now else p.end)
        for p in clock.pauses
        if p.start <= now
    )
    return None, known


def _reach(
    cal: Calendar, start: datetime, pauses: Sequence[Span], amount: timedelta
) -> datetime | None:
    """The earliest moment at which `amount` of time has been counted since `start`; None if an
    open pause begins before that. `pauses` are normalised and do not begin before `start`."""
    cursor, left = start, amount
    for pause in pauses:
        reached = cal.add(cursor, left)
        if reached <= pause.start:
            return reached
        left -= cal.between(cursor, pause.start)
        if pause.end is None:
            return None
        cursor = pause.end
    return cal.add(cursor, left)


def _paused_for(cal: Calendar, pauses: Sequence[Span], upto: datetime) -> timedelta:
    total = _ZERO
    for pause in pauses:
        if pause.start >= upto:
            break
        end = upto if pause.end is None else min(pause.end, upto)
        total += cal.between(pause.start, end)
    return total


def evaluate(clock: ClockInput, now: datetime) -> ClockStatus:
    """The clock as of `now`."""
    now = as_utc(now, "now")
    met, cancelled = _ends(clock, now)
    stop, pauses = _view(clock, now)
    cal = clock.calendar
    horizon = max(clock.started_at, now if stop is None else stop)
    paused_for = _paused_for(cal, pauses, horizon)
    elapsed = cal.between(clock.started_at, horizon) - paused_for
    deadline = _reach(cal, clock.started_at, pauses, clock.target)
    if stop is not None:
        # Pauses of a stopped clock are all closed, so its deadline is known.
        assert deadline is not None
        kept = ClockState.MET if met is not None else ClockState.CANCELLED
        state = ClockState.BREACHED if stop > deadline else kept
    elif deadline is not None and now > deadline:
        state = ClockState.BREACHED
    elif pauses and pauses[-1].end is None:
        state = ClockState.PAUSED
    else:
        state = ClockState.RUNNING
    return ClockStatus(
        kind=clock.kind,
        target=clock.target,
        deadline=deadline,
        elapsed=elapsed,
        remaining=clock.target - elapsed,
        paused_for=paused_for,
        state=state,
        met_at=met,
        cancelled_at=cancelled,
    )


def _fraction(value: Fraction | float | int) -> Fraction:
    # Through str so that 0.9 means 9/10, not the binary float nearest to it.
    f = value if isinstance(value, Fraction) else Fraction(str(value))
    if f < 0:
        raise ValueError(f"fraction must not be negative, got {value}")
    return f


def _part(target: timedelta, fraction: Fraction) -> timedelta:
    """``fraction * target`` rounded up to a whole microsecond: the first moment it is reached."""
    us = fraction * (target // _US)
    return timedelta(microseconds=-(-us.numerator // us.denominator))


def _moment(clock: ClockInput, pauses: Sequence[Span], fraction: Fraction) -> datetime | None:
    return _reach(clock.calendar, clock.started_at, pauses, _part(clock.target, fraction))


def moment_of(clock: ClockInput, fraction: Fraction | float) -> datetime | None:
    """When the counted time reaches ``fraction * target`` (UTC), given every pause in `clock`.

    None if an open pause begins before that moment. ``moment_of(clock, 1)`` is the deadline.
    A stopped clock is treated as in ``evaluate``: the answer is where it would have been had the
    clock kept running from the stop with no further pause. Floats are read by their decimal
    form (0.9 is 9/10); the moment is rounded up to the microsecond.
    """
    _stop, pauses = _view(clock, None)
    return _moment(clock, pauses, _fraction(fraction))


def next_check(
    clock: ClockInput,
    thresholds: Iterable[int],
    announced: Collection[int],
    now: datetime,
) -> tuple[int, datetime] | None:
    """The next announcement for this clock: (threshold percent, moment), or None.

    Pending thresholds are `thresholds` plus 100 (the breach), above the highest one in
    `announced`. If some pending thresholds are already due (moment <= `now`), the highest due
    one is returned with its (past) moment: announce it now. Otherwise the lowest pending one with
    its future moment: check again then. None when the clock is met or cancelled (as of `now`),
    when all is announced, or when it is paused before the next threshold (check again when it
    resumes).
    """
    now = as_utc(now, "now")
    stop, pauses = _view(clock, now)
    if stop is not None:
        return None
    floor = max(announced, default=0)
    pending = sorted(p for p in {*thresholds, BREACH} if p > floor)
    due: tuple[int, datetime] | None = None
    for percent in pending:
        moment = _moment(clock, pauses, Fraction(percent, 100))
        if moment is None:
            return due
        if moment > now:
            return due or (percent, moment)
        due = (percent, moment)
    return due
